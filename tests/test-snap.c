/* test-snap.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-document.h"

/* Selections become spans after trimming white space and, optionally,
 * growing to whole words by Unicode's rules. */

#define TEXT "President Aurélie Dumont-Okafor will visit  as soon as next week 🌉.\n" \
             "大桥将于四月开放。Zoe\xcc\x88 Marchetti said so.\n"

typedef struct
{
  const char *selected;   /* a unique substring of TEXT */
  gboolean    whole_words;
  const char *expected;   /* NULL: nothing left to tag */
} SnapCase;

static const SnapCase cases[] = {
  { "  as soon", FALSE, "as soon" },
  { "visit  ", FALSE, "visit" },
  { "isi", FALSE, "isi" },
  { "isi", TRUE, "visit" },
  { "t  as so", TRUE, "visit  as soon" },
  { "élie Dumont-Ok", TRUE, "Aurélie Dumont-Okafor" },
  { "Dumont-", TRUE, "Dumont-" },
  { "🌉", TRUE, "🌉" },
  { " 🌉", TRUE, "🌉" },
  { "大桥", TRUE, "大桥" },
  { "Zo", TRUE, "Zoe\xcc\x88" },
  { "e\xcc\x88 Marc", TRUE, "Zoe\xcc\x88 Marchetti" },
  { "week", TRUE, "week" },
  { "  ", TRUE, NULL },
  { ".\n大", TRUE, ".\n大" },
};

static void
test_snap (gconstpointer data)
{
  const SnapCase *c = data;
  g_autoptr(CrosscheckDocument) document = crosscheck_document_new_from_text (TEXT, NULL);
  const char *hit = strstr (TEXT, c->selected);
  guint start, end;
  gboolean ok;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (TEXT, hit);
  end = start + g_utf8_strlen (c->selected, -1);

  ok = crosscheck_document_snap_range (document, c->whole_words, &start, &end);

  if (c->expected == NULL)
    g_assert_false (ok);
  else
    {
      g_autofree char *got = NULL;

      g_assert_true (ok);
      got = crosscheck_document_dup_slice (document, start, end);
      g_assert_cmpstr (got, ==, c->expected);
    }
}

static void
test_reversed_and_clamped (void)
{
  g_autoptr(CrosscheckDocument) document = crosscheck_document_new_from_text ("one two", NULL);
  guint start = 6;
  guint end = 1;

  /* A backwards selection is fine; the result is ordered. */
  g_assert_true (crosscheck_document_snap_range (document, TRUE, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 7);

  start = end = 3;
  g_assert_false (crosscheck_document_snap_range (document, TRUE, &start, &end));
}

static void
test_unit_at (void)
{
  g_autoptr(CrosscheckDocument) document = crosscheck_document_new_from_text (TEXT, NULL);
  const char *units[][3] = {
    /* caret before…, sentence?, expected */
    { "visit  as", "s", "President Aurélie Dumont-Okafor will visit  as soon as next week 🌉." },
    { "visit  as", "w", "visit" },
    { "  as soon", "w", "visit" },  /* just after "visit" */
    { "Marchetti said", "s", "Zoe\xcc\x88 Marchetti said so." },
    { "Marchetti said", "w", "Marchetti" },
    { "ie Dumont", "w", "Aurélie" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      const char *hit = strstr (TEXT, units[i][0]);
      guint offset, start, end;
      g_autofree char *got = NULL;

      g_assert_nonnull (hit);
      offset = g_utf8_pointer_to_offset (TEXT, hit);
      g_assert_true (crosscheck_document_unit_at (document, offset, units[i][1][0] == 's', &start, &end));
      got = crosscheck_document_dup_slice (document, start, end);
      g_assert_cmpstr (got, ==, units[i][2]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/snap/%u", i);

      g_test_add_data_func (path, &cases[i], test_snap);
    }
  g_test_add_func ("/core/snap/reversed-and-clamped", test_reversed_and_clamped);
  g_test_add_func ("/core/snap/unit-at", test_unit_at);

  return g_test_run ();
}
