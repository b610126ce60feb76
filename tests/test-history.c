/* test-history.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-history.h"

/* The history with a toy "document": a string that steps append letters to
 * and remove them from. */

typedef struct
{
  GString *text;
  guint    n_frees;
} Fixture;

static void
apply_step (gpointer op,
            gboolean forward,
            gpointer user_data)
{
  Fixture *fixture = user_data;
  char letter = GPOINTER_TO_INT (op);

  if (forward)
    g_string_append_c (fixture->text, letter);
  else
    {
      g_assert_cmpint (fixture->text->str[fixture->text->len - 1], ==, letter);
      g_string_truncate (fixture->text, fixture->text->len - 1);
    }
}

static Fixture *current_fixture;

static void
free_step (gpointer op)
{
  current_fixture->n_frees++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->text = g_string_new ("");
  fixture->n_frees = 0;
  current_fixture = fixture;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_string_free (fixture->text, TRUE);
}

/* Does a step and records it, as the project does. */
static void
step (CrosscheckHistory *history,
      Fixture           *fixture,
      char               letter)
{
  apply_step (GINT_TO_POINTER (letter), TRUE, fixture);
  crosscheck_history_record (history, GINT_TO_POINTER (letter));
}

static void
command (CrosscheckHistory *history,
         Fixture           *fixture,
         const char        *letters)
{
  crosscheck_history_begin (history, letters);
  for (const char *p = letters; *p; p++)
    step (history, fixture, *p);
  crosscheck_history_end (history);
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CrosscheckHistory) history = crosscheck_history_new (apply_step, free_step, fixture);

  g_assert_false (crosscheck_history_get_can_undo (history));
  g_assert_false (crosscheck_history_undo (history));

  command (history, fixture, "ab");
  command (history, fixture, "c");
  g_assert_cmpstr (fixture->text->str, ==, "abc");
  g_assert_cmpstr (crosscheck_history_get_undo_description (history), ==, "c");

  g_assert_true (crosscheck_history_undo (history));
  g_assert_cmpstr (fixture->text->str, ==, "ab");
  g_assert_true (crosscheck_history_undo (history));
  /* A compound command is undone as a whole, in reverse order. */
  g_assert_cmpstr (fixture->text->str, ==, "");
  g_assert_false (crosscheck_history_get_can_undo (history));
  g_assert_true (crosscheck_history_get_can_redo (history));
  g_assert_cmpstr (crosscheck_history_get_redo_description (history), ==, "ab");

  g_assert_true (crosscheck_history_redo (history));
  g_assert_cmpstr (fixture->text->str, ==, "ab");

  /* A new command drops what could have been redone. */
  command (history, fixture, "x");
  g_assert_cmpstr (fixture->text->str, ==, "abx");
  g_assert_false (crosscheck_history_get_can_redo (history));
  g_assert_false (crosscheck_history_redo (history));
  g_assert_cmpuint (fixture->n_frees, ==, 1);
}

static void
test_nesting (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CrosscheckHistory) history = crosscheck_history_new (apply_step, free_step, fixture);

  crosscheck_history_begin (history, "outer");
  step (history, fixture, 'a');
  command (history, fixture, "bc");
  step (history, fixture, 'd');
  crosscheck_history_end (history);

  g_assert_cmpstr (crosscheck_history_get_undo_description (history), ==, "outer");
  g_assert_true (crosscheck_history_undo (history));
  g_assert_cmpstr (fixture->text->str, ==, "");
  g_assert_false (crosscheck_history_get_can_undo (history));

  /* An empty command leaves no trace. */
  crosscheck_history_begin (history, "nothing");
  crosscheck_history_end (history);
  g_assert_cmpstr (crosscheck_history_get_redo_description (history), ==, "outer");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CrosscheckHistory) history = crosscheck_history_new (apply_step, free_step, fixture);
  guint changes = 0;

  g_signal_connect (history, "changed", G_CALLBACK (count_signal), &changes);

  /* One per command, undo and redo; none for an empty command or saving. */
  command (history, fixture, "ab");
  command (history, fixture, "c");
  crosscheck_history_begin (history, "nothing");
  crosscheck_history_end (history);
  crosscheck_history_undo (history);
  crosscheck_history_redo (history);
  crosscheck_history_mark_saved (history);
  g_assert_cmpuint (changes, ==, 4);
}

static void
test_dirty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CrosscheckHistory) history = crosscheck_history_new (apply_step, free_step, fixture);
  guint dirty_notifies = 0;

  g_signal_connect (history, "notify::dirty", G_CALLBACK (count_notify), &dirty_notifies);

  g_assert_false (crosscheck_history_get_dirty (history));
  command (history, fixture, "a");
  g_assert_true (crosscheck_history_get_dirty (history));
  g_assert_cmpuint (dirty_notifies, ==, 1);

  crosscheck_history_mark_saved (history);
  g_assert_false (crosscheck_history_get_dirty (history));

  command (history, fixture, "b");
  g_assert_true (crosscheck_history_get_dirty (history));

  /* Undoing back to the saved state is clean; past it, dirty again. */
  crosscheck_history_undo (history);
  g_assert_false (crosscheck_history_get_dirty (history));
  crosscheck_history_undo (history);
  g_assert_true (crosscheck_history_get_dirty (history));
  crosscheck_history_redo (history);
  g_assert_false (crosscheck_history_get_dirty (history));

  /* The saved state lies in the redo part and a new command replaces it:
   * it can never be reached again. */
  crosscheck_history_undo (history);
  command (history, fixture, "c");
  g_assert_true (crosscheck_history_get_dirty (history));
  crosscheck_history_undo (history);
  g_assert_true (crosscheck_history_get_dirty (history));

  crosscheck_history_clear (history);
  g_assert_false (crosscheck_history_get_dirty (history));
  g_assert_false (crosscheck_history_get_can_undo (history));
  g_assert_false (crosscheck_history_get_can_redo (history));
  /* clean→dirty→clean→dirty→clean→dirty→clean→dirty→clean */
  g_assert_cmpuint (dirty_notifies, ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/history/undo-redo", Fixture, NULL,
              fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/core/history/nesting", Fixture, NULL,
              fixture_set_up, test_nesting, fixture_tear_down);
  g_test_add ("/core/history/dirty", Fixture, NULL,
              fixture_set_up, test_dirty, fixture_tear_down);
  g_test_add ("/core/history/changed-signal", Fixture, NULL,
              fixture_set_up, test_changed_signal, fixture_tear_down);

  return g_test_run ();
}
