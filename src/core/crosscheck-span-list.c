/* crosscheck-span-list.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-document.h"
#include "crosscheck-span-list.h"

/* All spans of a project as one list, in file order: by document (in the
 * project's document order), then start, end and id. Each document's spans
 * live in a CrosscheckSpanTree, which also serves the range queries; a
 * project has few documents, so finding a document's tree is a short scan. */

typedef struct
{
  CrosscheckDocument *document;   /* owned */
  CrosscheckSpanTree *tree;       /* owned */
} Entry;

struct _CrosscheckSpanList
{
  GObject  parent_instance;

  /* owned; element-type Entry */
  GArray  *entries;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrosscheckSpanList, crosscheck_span_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
clear_entry (Entry *entry)
{
  g_clear_object (&entry->document);
  g_clear_pointer (&entry->tree, crosscheck_span_tree_free);
}

static GType
crosscheck_span_list_get_item_type (GListModel *model)
{
  return CROSSCHECK_TYPE_SPAN;
}

static guint
crosscheck_span_list_get_n_items (GListModel *model)
{
  CrosscheckSpanList *self = CROSSCHECK_SPAN_LIST (model);
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    n += crosscheck_span_tree_get_size (g_array_index (self->entries, Entry, i).tree);

  return n;
}

static gpointer
crosscheck_span_list_get_item (GListModel *model,
                               guint       position)
{
  CrosscheckSpanList *self = CROSSCHECK_SPAN_LIST (model);

  for (guint i = 0; i < self->entries->len; i++)
    {
      CrosscheckSpanTree *tree = g_array_index (self->entries, Entry, i).tree;
      guint size = crosscheck_span_tree_get_size (tree);

      if (position < size)
        return g_object_ref (crosscheck_span_tree_get_nth (tree, position));
      position -= size;
    }

  return NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crosscheck_span_list_get_item_type;
  iface->get_n_items = crosscheck_span_list_get_n_items;
  iface->get_item = crosscheck_span_list_get_item;
}

static void
crosscheck_span_list_finalize (GObject *object)
{
  CrosscheckSpanList *self = (CrosscheckSpanList *)object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (crosscheck_span_list_parent_class)->finalize (object);
}

static void
crosscheck_span_list_class_init (CrosscheckSpanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crosscheck_span_list_finalize;
}

static void
crosscheck_span_list_init (CrosscheckSpanList *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) clear_entry);
}

CrosscheckSpanList *
_crosscheck_span_list_new (void)
{
  return g_object_new (CROSSCHECK_TYPE_SPAN_LIST, NULL);
}

/* Finds @document's entry and the number of spans in the documents before it. */
static Entry *
find_entry (CrosscheckSpanList *self,
            CrosscheckDocument *document,
            guint              *offset)
{
  guint before = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->document == document)
        {
          if (offset != NULL)
            *offset = before;
          return entry;
        }
      before += crosscheck_span_tree_get_size (entry->tree);
    }

  return NULL;
}

void
_crosscheck_span_list_add_document (CrosscheckSpanList *self,
                                    CrosscheckDocument *document,
                                    guint               position)
{
  Entry entry = { g_object_ref (document), crosscheck_span_tree_new () };

  g_assert (find_entry (self, document, NULL) == NULL);

  g_array_insert_val (self->entries, MIN (position, self->entries->len), entry);
}

void
_crosscheck_span_list_remove_document (CrosscheckSpanList *self,
                                       CrosscheckDocument *document)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->document == document)
        {
          /* The project removes a document's spans first, one by one, so
           * that each removal is reported. */
          g_assert (crosscheck_span_tree_get_size (entry->tree) == 0);
          g_array_remove_index (self->entries, i);
          return;
        }
    }

  g_assert_not_reached ();
}

void
_crosscheck_span_list_insert (CrosscheckSpanList *self,
                              CrosscheckSpan     *span)
{
  guint offset;
  Entry *entry = find_entry (self, crosscheck_span_get_document (span), &offset);
  guint rank;

  g_assert (entry != NULL);

  rank = crosscheck_span_tree_insert (entry->tree, span);
  g_list_model_items_changed (G_LIST_MODEL (self), offset + rank, 0, 1);
}

void
_crosscheck_span_list_remove (CrosscheckSpanList *self,
                              CrosscheckSpan     *span)
{
  guint offset;
  Entry *entry = find_entry (self, crosscheck_span_get_document (span), &offset);
  guint rank;
  gboolean found;

  g_assert (entry != NULL);

  found = crosscheck_span_tree_remove (entry->tree, span, &rank);
  g_assert (found);
  g_list_model_items_changed (G_LIST_MODEL (self), offset + rank, 1, 0);
}

/* A span's label, note or attributes changed: views of the list redraw
 * (and filters re-check) that one row. */
void
_crosscheck_span_list_changed (CrosscheckSpanList *self,
                               CrosscheckSpan     *span)
{
  guint position = crosscheck_span_list_get_position (self, span);

  g_assert (position != G_MAXUINT);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/**
 * crosscheck_span_list_get_position:
 * @self: a #CrosscheckSpanList
 * @span: a span
 *
 * Returns: the position of @span in the list, or %GTK_INVALID_LIST_POSITION
 *   (%G_MAXUINT) if it is not in it
 */
guint
crosscheck_span_list_get_position (CrosscheckSpanList *self,
                                   CrosscheckSpan     *span)
{
  guint offset;
  guint rank;
  Entry *entry;

  g_return_val_if_fail (CROSSCHECK_IS_SPAN_LIST (self), G_MAXUINT);
  g_return_val_if_fail (CROSSCHECK_IS_SPAN (span), G_MAXUINT);

  entry = find_entry (self, crosscheck_span_get_document (span), &offset);
  if (entry == NULL || !crosscheck_span_tree_get_rank (entry->tree, span, &rank))
    return G_MAXUINT;

  return offset + rank;
}

/**
 * crosscheck_span_list_get_document_count:
 * @self: a #CrosscheckSpanList
 * @document: a document
 *
 * Returns: the number of spans in @document
 */
guint
crosscheck_span_list_get_document_count (CrosscheckSpanList *self,
                                         CrosscheckDocument *document)
{
  Entry *entry;

  g_return_val_if_fail (CROSSCHECK_IS_SPAN_LIST (self), 0);

  entry = find_entry (self, document, NULL);
  return entry ? crosscheck_span_tree_get_size (entry->tree) : 0;
}

typedef struct
{
  CrosscheckSpanFunc func;
  gpointer           user_data;
  gboolean           stopped;
} Visit;

static gboolean
visit_one (CrosscheckSpan *span,
           gpointer        data)
{
  Visit *visit = data;

  visit->stopped = !visit->func (span, visit->user_data);
  return !visit->stopped;
}

/**
 * crosscheck_span_list_foreach:
 * @self: a #CrosscheckSpanList
 * @func: (scope call): called for each span, in the list's order, until it
 *   returns %FALSE
 * @user_data: data for @func
 *
 * Visits every span in O(n) time, where reading the list item by item
 * takes O(n log n).
 */
void
crosscheck_span_list_foreach (CrosscheckSpanList *self,
                              CrosscheckSpanFunc  func,
                              gpointer            user_data)
{
  Visit visit = { func, user_data, FALSE };

  g_return_if_fail (CROSSCHECK_IS_SPAN_LIST (self));
  g_return_if_fail (func != NULL);

  /* Every span ends after code point 0, so the whole range holds them all. */
  for (guint i = 0; i < self->entries->len && !visit.stopped; i++)
    crosscheck_span_tree_foreach_overlapping (g_array_index (self->entries, Entry, i).tree,
                                              0, G_MAXUINT, visit_one, &visit);
}

/**
 * crosscheck_span_list_foreach_overlapping:
 * @self: a #CrosscheckSpanList
 * @document: a document
 * @start: first code point of the range
 * @end: code point after the range; equal to @start for a single position
 * @func: (scope call): called for each span that overlaps the range, in order
 * @user_data: data for @func
 *
 * Visits the spans of @document that share a code point with the range, in
 * O(log n + k) time.
 */
void
crosscheck_span_list_foreach_overlapping (CrosscheckSpanList *self,
                                          CrosscheckDocument *document,
                                          guint               start,
                                          guint               end,
                                          CrosscheckSpanFunc  func,
                                          gpointer            user_data)
{
  Entry *entry;

  g_return_if_fail (CROSSCHECK_IS_SPAN_LIST (self));
  g_return_if_fail (func != NULL);

  entry = find_entry (self, document, NULL);
  if (entry != NULL)
    crosscheck_span_tree_foreach_overlapping (entry->tree, start, end, func, user_data);
}

static gboolean
collect_span (CrosscheckSpan *span,
              gpointer        user_data)
{
  g_ptr_array_add (user_data, g_object_ref (span));
  return TRUE;
}

/**
 * crosscheck_span_list_get_overlapping:
 * @self: a #CrosscheckSpanList
 * @document: a document
 * @start: first code point of the range
 * @end: code point after the range; equal to @start for a single position
 *
 * Returns: (transfer container) (element-type CrosscheckSpan): the spans of
 *   @document that overlap the range, in order
 */
GPtrArray *
crosscheck_span_list_get_overlapping (CrosscheckSpanList *self,
                                      CrosscheckDocument *document,
                                      guint               start,
                                      guint               end)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func (g_object_unref);

  crosscheck_span_list_foreach_overlapping (self, document, start, end, collect_span, spans);

  return spans;
}

/**
 * crosscheck_span_list_get_next:
 * @self: a #CrosscheckSpanList
 * @document: a document
 * @offset: a code-point offset
 * @after: (nullable): the current span, or %NULL
 *
 * The next annotation for `]`: the span after @after, or without one, the
 * first span that starts at or after @offset.
 *
 * Returns: (transfer none) (nullable): the span, or %NULL at the end
 */
CrosscheckSpan *
crosscheck_span_list_get_next (CrosscheckSpanList *self,
                               CrosscheckDocument *document,
                               guint               offset,
                               CrosscheckSpan     *after)
{
  Entry *entry;
  guint rank;

  g_return_val_if_fail (CROSSCHECK_IS_SPAN_LIST (self), NULL);

  entry = find_entry (self, document, NULL);
  if (entry == NULL)
    return NULL;

  if (after != NULL && crosscheck_span_tree_get_rank (entry->tree, after, &rank))
    rank++;
  else
    rank = crosscheck_span_tree_count_before (entry->tree, offset);

  return crosscheck_span_tree_get_nth (entry->tree, rank);
}

/**
 * crosscheck_span_list_get_previous:
 * @self: a #CrosscheckSpanList
 * @document: a document
 * @offset: a code-point offset
 * @before: (nullable): the current span, or %NULL
 *
 * The previous annotation for `[`: the span before @before, or without one,
 * the last span that starts at or before @offset (so a caret at a span's
 * start finds that span).
 *
 * Returns: (transfer none) (nullable): the span, or %NULL at the start
 */
CrosscheckSpan *
crosscheck_span_list_get_previous (CrosscheckSpanList *self,
                                   CrosscheckDocument *document,
                                   guint               offset,
                                   CrosscheckSpan     *before)
{
  Entry *entry;
  guint rank;

  g_return_val_if_fail (CROSSCHECK_IS_SPAN_LIST (self), NULL);

  entry = find_entry (self, document, NULL);
  if (entry == NULL)
    return NULL;

  if (before == NULL || !crosscheck_span_tree_get_rank (entry->tree, before, &rank))
    rank = crosscheck_span_tree_count_before (entry->tree, offset + 1);

  return rank > 0 ? crosscheck_span_tree_get_nth (entry->tree, rank - 1) : NULL;
}
