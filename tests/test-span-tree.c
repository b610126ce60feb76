/* test-span-tree.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-annotation-private.h"
#include "crosscheck-document.h"
#include "crosscheck-span-private.h"
#include "crosscheck-span-tree.h"

/* The interval index must agree with a brute-force scan on random spans,
 * through inserts and removals, for every query it answers. */

#define TEXT_LENGTH 2000

static CrosscheckDocument *
make_document (void)
{
  g_autofree char *text = g_strnfill (TEXT_LENGTH, 'a');

  return crosscheck_document_new_from_text (text, NULL);
}

static CrosscheckSpan *
make_span (CrosscheckDocument *document,
           guint               start,
           guint               end,
           guint               n)
{
  CrosscheckSpan *span = _crosscheck_span_new (document, start, end);
  g_autofree char *id = g_strdup_printf ("s%u", n);

  _crosscheck_annotation_set_id (CROSSCHECK_ANNOTATION (span), id);

  return span;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return crosscheck_span_compare (*(CrosscheckSpan **) a, *(CrosscheckSpan **) b);
}

static gboolean
collect (CrosscheckSpan *span,
         gpointer        user_data)
{
  g_ptr_array_add (user_data, span);
  return TRUE;
}

/* Checks every query against the sorted reference array @all. */
static void
check_against (CrosscheckSpanTree *tree,
               GPtrArray          *all,
               GRand              *rand)
{
  g_assert_cmpuint (crosscheck_span_tree_get_size (tree), ==, all->len);

  g_ptr_array_sort (all, compare_spans);
  for (guint i = 0; i < all->len; i++)
    {
      guint rank = G_MAXUINT;

      g_assert_true (crosscheck_span_tree_get_nth (tree, i) == g_ptr_array_index (all, i));
      g_assert_true (crosscheck_span_tree_get_rank (tree, g_ptr_array_index (all, i), &rank));
      g_assert_cmpuint (rank, ==, i);
    }
  g_assert_null (crosscheck_span_tree_get_nth (tree, all->len));

  for (guint q = 0; q < 200; q++)
    {
      guint start = g_rand_int_range (rand, 0, TEXT_LENGTH);
      guint end = q % 4 == 0 ? start : (guint) g_rand_int_range (rand, start, TEXT_LENGTH + 1);
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      guint query_end = end > start ? end : start + 1;
      guint before = 0;

      crosscheck_span_tree_foreach_overlapping (tree, start, end, collect, found);
      for (guint i = 0; i < all->len; i++)
        {
          CrosscheckSpan *span = g_ptr_array_index (all, i);

          if (crosscheck_span_get_start (span) < query_end && crosscheck_span_get_end (span) > start)
            g_ptr_array_add (expected, span);
          if (crosscheck_span_get_start (span) < start)
            before++;
        }

      g_assert_cmpuint (found->len, ==, expected->len);
      for (guint i = 0; i < found->len; i++)
        g_assert_true (g_ptr_array_index (found, i) == g_ptr_array_index (expected, i));

      g_assert_cmpuint (crosscheck_span_tree_count_before (tree, start), ==, before);
    }
}

static void
test_random (void)
{
  g_autoptr(CrosscheckDocument) document = make_document ();
  g_autoptr(CrosscheckSpanTree) tree = crosscheck_span_tree_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20230313);
  guint n = 0;

  for (guint round = 0; round < 20; round++)
    {
      /* Grow by up to 150 spans, many short ones and some long nesting ones. */
      for (guint i = 0; i < 150; i++)
        {
          guint start = g_rand_int_range (rand, 0, TEXT_LENGTH - 1);
          guint max_len = i % 10 == 0 ? TEXT_LENGTH : 30;
          guint length = g_rand_int_range (rand, 0, max_len);
          guint end = MIN (TEXT_LENGTH, start + 1 + length);
          CrosscheckSpan *span = make_span (document, start, end, ++n);
          guint rank;

          g_ptr_array_add (all, span);
          rank = crosscheck_span_tree_insert (tree, span);
          g_ptr_array_sort (all, compare_spans);
          g_assert_true (g_ptr_array_index (all, rank) == span);
        }

      /* Shrink by up to 100 random spans. */
      for (guint i = 0; i < 100 && all->len > 0; i++)
        {
          guint victim = g_rand_int_range (rand, 0, all->len);
          CrosscheckSpan *span = g_ptr_array_index (all, victim);
          guint rank = G_MAXUINT;

          g_ptr_array_sort (all, compare_spans);
          victim = 0;
          while (g_ptr_array_index (all, victim) != span)
            victim++;

          g_assert_true (crosscheck_span_tree_remove (tree, span, &rank));
          g_assert_cmpuint (rank, ==, victim);
          g_assert_false (crosscheck_span_tree_remove (tree, span, NULL));
          g_ptr_array_remove_index (all, victim);
        }

      check_against (tree, all, rand);
    }
}

static void
test_identical_ranges (void)
{
  g_autoptr(CrosscheckDocument) document = make_document ();
  g_autoptr(CrosscheckSpanTree) tree = crosscheck_span_tree_new ();
  g_autoptr(CrosscheckSpan) s2 = make_span (document, 5, 9, 2);
  g_autoptr(CrosscheckSpan) s10 = make_span (document, 5, 9, 10);
  g_autoptr(CrosscheckSpan) s1 = make_span (document, 5, 9, 1);

  /* Same range: the id decides, in natural order (s2 before s10). */
  crosscheck_span_tree_insert (tree, s10);
  crosscheck_span_tree_insert (tree, s2);
  crosscheck_span_tree_insert (tree, s1);

  g_assert_true (crosscheck_span_tree_get_nth (tree, 0) == s1);
  g_assert_true (crosscheck_span_tree_get_nth (tree, 1) == s2);
  g_assert_true (crosscheck_span_tree_get_nth (tree, 2) == s10);

  g_assert_true (crosscheck_span_tree_remove (tree, s2, NULL));
  g_assert_true (crosscheck_span_tree_get_nth (tree, 1) == s10);
}

static gboolean
stop_after_one (CrosscheckSpan *span,
                gpointer        user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

static void
test_stop_early (void)
{
  g_autoptr(CrosscheckDocument) document = make_document ();
  g_autoptr(CrosscheckSpanTree) tree = crosscheck_span_tree_new ();
  guint calls = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(CrosscheckSpan) span = make_span (document, i, i + 10, i + 1);

      crosscheck_span_tree_insert (tree, span);
    }

  crosscheck_span_tree_foreach_overlapping (tree, 0, TEXT_LENGTH, stop_after_one, &calls);
  g_assert_cmpuint (calls, ==, 1);
}

static void
test_large (void)
{
  g_autoptr(CrosscheckDocument) document = make_document ();
  g_autoptr(CrosscheckSpanTree) tree = crosscheck_span_tree_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  /* 100,000 spans in one document: the index must stay usable. */
  for (guint i = 0; i < 100000; i++)
    {
      guint start = g_rand_int_range (rand, 0, TEXT_LENGTH - 5);
      g_autoptr(CrosscheckSpan) span = make_span (document, start, start + 5, i + 1);

      crosscheck_span_tree_insert (tree, span);
    }

  g_assert_cmpuint (crosscheck_span_tree_get_size (tree), ==, 100000);
  crosscheck_span_tree_foreach_overlapping (tree, 1000, 1000, collect, found);
  /* About 100000 * 5 / 2000 = 250 spans cover any one position. */
  g_assert_cmpuint (found->len, >, 100);
  g_assert_cmpuint (found->len, <, 500);
  for (guint i = 0; i < found->len; i++)
    {
      CrosscheckSpan *span = g_ptr_array_index (found, i);

      g_assert_cmpuint (crosscheck_span_get_start (span), <=, 1000);
      g_assert_cmpuint (crosscheck_span_get_end (span), >, 1000);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/span-tree/random", test_random);
  g_test_add_func ("/core/span-tree/identical-ranges", test_identical_ranges);
  g_test_add_func ("/core/span-tree/stop-early", test_stop_early);
  g_test_add_func ("/core/span-tree/large", test_large);

  return g_test_run ();
}
