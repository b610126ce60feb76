/* crosscheck-span-tree.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-span-tree.h"

/* The spans of one document, as a treap ordered like crosscheck_span_compare()
 * (start, end, id). Each node also knows the size of its subtree, which gives
 * a span's position in the sorted order (for GListModel) in O(log n), and the
 * largest end in its subtree, which lets an overlap query skip every subtree
 * that ends before the range: O(log n + k) for k results. Priorities come from
 * a fixed-seed generator so that the shape, and thus any bug, is repeatable. */

typedef struct _Node Node;

/* 40 bytes, one malloc size class below 44: a project has 100,000 of
 * these. The span's end is asked from the span; its start, which every
 * descent compares, is kept here. */
struct _Node
{
  CrosscheckSpan *span;   /* owned */
  Node           *left;
  Node           *right;
  guint32         priority;
  guint           size;
  guint           start;
  guint           max_end;
};

struct _CrosscheckSpanTree
{
  Node    *root;
  guint32  rng;
};

static inline guint
node_size (Node *node)
{
  return node ? node->size : 0;
}

static inline void
node_update (Node *node)
{
  node->size = 1 + node_size (node->left) + node_size (node->right);
  node->max_end = crosscheck_span_get_end (node->span);
  if (node->left != NULL && node->left->max_end > node->max_end)
    node->max_end = node->left->max_end;
  if (node->right != NULL && node->right->max_end > node->max_end)
    node->max_end = node->right->max_end;
}

static guint32
next_priority (CrosscheckSpanTree *tree)
{
  /* xorshift32 */
  guint32 x = tree->rng;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  tree->rng = x;

  return x;
}

static inline int
node_compare (Node           *node,
              CrosscheckSpan *span)
{
  return crosscheck_span_compare (node->span, span);
}

/* Splits @node into the spans that sort before @span and the rest. With
 * @inclusive, @span itself goes to the left part. */
static void
split (Node            *node,
       CrosscheckSpan  *span,
       gboolean         inclusive,
       Node           **left,
       Node           **right)
{
  int cmp;

  if (node == NULL)
    {
      *left = *right = NULL;
      return;
    }

  cmp = node_compare (node, span);
  if (cmp < 0 || (inclusive && cmp == 0))
    {
      split (node->right, span, inclusive, &node->right, right);
      *left = node;
    }
  else
    {
      split (node->left, span, inclusive, left, &node->left);
      *right = node;
    }

  node_update (node);
}

static Node *
merge (Node *left,
       Node *right)
{
  if (left == NULL)
    return right;
  if (right == NULL)
    return left;

  if (left->priority > right->priority)
    {
      left->right = merge (left->right, right);
      node_update (left);
      return left;
    }
  else
    {
      right->left = merge (left, right->left);
      node_update (right);
      return right;
    }
}

static void
node_free (Node *node)
{
  if (node == NULL)
    return;

  node_free (node->left);
  node_free (node->right);
  g_object_unref (node->span);
  g_free (node);
}

CrosscheckSpanTree *
crosscheck_span_tree_new (void)
{
  CrosscheckSpanTree *tree = g_new0 (CrosscheckSpanTree, 1);

  tree->rng = 2463534242u;

  return tree;
}

void
crosscheck_span_tree_free (CrosscheckSpanTree *tree)
{
  if (tree == NULL)
    return;

  node_free (tree->root);
  g_free (tree);
}

guint
crosscheck_span_tree_get_size (CrosscheckSpanTree *tree)
{
  return node_size (tree->root);
}

/**
 * crosscheck_span_tree_insert:
 * @tree: a tree
 * @span: a span not yet in @tree
 *
 * Returns: the position of @span in the sorted order
 */
guint
crosscheck_span_tree_insert (CrosscheckSpanTree *tree,
                             CrosscheckSpan     *span)
{
  Node *node = g_new0 (Node, 1);
  Node *left;
  Node *right;
  guint rank;

  node->span = g_object_ref (span);
  node->priority = next_priority (tree);
  node->start = crosscheck_span_get_start (span);
  node_update (node);

  split (tree->root, span, FALSE, &left, &right);
  rank = node_size (left);
  tree->root = merge (merge (left, node), right);

  return rank;
}

/**
 * crosscheck_span_tree_remove:
 * @tree: a tree
 * @span: a span
 * @rank: (out) (optional): where @span was in the sorted order
 *
 * Returns: %TRUE if @span was in @tree and is now removed
 */
gboolean
crosscheck_span_tree_remove (CrosscheckSpanTree *tree,
                             CrosscheckSpan     *span,
                             guint              *rank)
{
  Node *left;
  Node *middle;
  Node *right;
  gboolean found;

  split (tree->root, span, FALSE, &left, &right);
  split (right, span, TRUE, &middle, &right);

  found = middle != NULL;
  if (found)
    {
      g_assert (middle->left == NULL && middle->right == NULL);
      g_assert (middle->span == span);
      if (rank != NULL)
        *rank = node_size (left);
      node_free (middle);
    }

  tree->root = merge (left, right);

  return found;
}

/**
 * crosscheck_span_tree_get_nth:
 * @tree: a tree
 * @rank: a position
 *
 * Returns: (transfer none) (nullable): the span at @rank, or %NULL if out of range
 */
CrosscheckSpan *
crosscheck_span_tree_get_nth (CrosscheckSpanTree *tree,
                              guint               rank)
{
  Node *node = tree->root;

  while (node != NULL)
    {
      guint left_size = node_size (node->left);

      if (rank < left_size)
        node = node->left;
      else if (rank == left_size)
        return node->span;
      else
        {
          rank -= left_size + 1;
          node = node->right;
        }
    }

  return NULL;
}

/**
 * crosscheck_span_tree_get_rank:
 * @tree: a tree
 * @span: a span
 * @rank: (out): the position of @span in the sorted order
 *
 * Returns: %TRUE if @span is in @tree
 */
gboolean
crosscheck_span_tree_get_rank (CrosscheckSpanTree *tree,
                               CrosscheckSpan     *span,
                               guint              *rank)
{
  Node *node = tree->root;
  guint before = 0;

  while (node != NULL)
    {
      int cmp = node_compare (node, span);

      if (cmp == 0)
        {
          *rank = before + node_size (node->left);
          return node->span == span;
        }
      else if (cmp > 0)
        node = node->left;
      else
        {
          before += node_size (node->left) + 1;
          node = node->right;
        }
    }

  return FALSE;
}

/**
 * crosscheck_span_tree_count_before:
 * @tree: a tree
 * @offset: a code-point offset
 *
 * Returns: the number of spans that start before @offset, which is also the
 *   position of the first span starting at or after it
 */
guint
crosscheck_span_tree_count_before (CrosscheckSpanTree *tree,
                                   guint               offset)
{
  Node *node = tree->root;
  guint before = 0;

  while (node != NULL)
    {
      if (node->start < offset)
        {
          before += node_size (node->left) + 1;
          node = node->right;
        }
      else
        node = node->left;
    }

  return before;
}

static gboolean
visit_overlapping (Node               *node,
                   guint               start,
                   guint               end,
                   CrosscheckSpanFunc  func,
                   gpointer            user_data)
{
  /* Iterative on the right spine, recursive on the left, so the depth stays
   * that of the tree. */
  while (node != NULL && node->max_end > start)
    {
      if (!visit_overlapping (node->left, start, end, func, user_data))
        return FALSE;

      /* Everything further right starts at or after this node. */
      if (node->start >= end)
        return TRUE;

      if (crosscheck_span_get_end (node->span) > start && !func (node->span, user_data))
        return FALSE;

      node = node->right;
    }

  return TRUE;
}

/**
 * crosscheck_span_tree_foreach_overlapping:
 * @tree: a tree
 * @start: first code point of the range
 * @end: code point after the range
 * @func: (scope call): called for each span that shares at least one code
 *   point with the range, in sorted order
 * @user_data: data for @func
 *
 * A range with @start == @end finds the spans that contain the code point
 * @start, so that a caret position finds what it sits in.
 */
void
crosscheck_span_tree_foreach_overlapping (CrosscheckSpanTree *tree,
                                          guint               start,
                                          guint               end,
                                          CrosscheckSpanFunc  func,
                                          gpointer            user_data)
{
  if (end <= start)
    end = start + 1;

  visit_overlapping (tree->root, start, end, func, user_data);
}
