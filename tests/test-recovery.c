/* test-recovery.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-document.h"
#include "crosscheck-history.h"
#include "crosscheck-label.h"
#include "crosscheck-project.h"
#include "crosscheck-recovery.h"
#include "crosscheck-span.h"

/* Autosave entries: written, listed, restored to exactly the saved state,
 * and discarded. */

static CrosscheckProject *
make_project (void)
{
  CrosscheckProject *project = crosscheck_project_new ();
  g_autoptr(CrosscheckDocument) document =
    crosscheck_document_new_from_text ("The visit 🌉 will happen as soon as next week.\n", NULL);

  g_assert_true (crosscheck_project_add_document (project, document, NULL));
  g_assert_nonnull (crosscheck_project_add_span (project, document, 26, 46,
                                                 crosscheck_project_lookup_label (project, "CLAIM"), NULL));
  return project;
}

static char *
serialize (CrosscheckProject *project)
{
  g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GFile *
tmp_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-recovery-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "nested", "recovery", NULL);

  /* A folder that does not exist yet: the first save makes it. */
  return g_file_new_for_path (sub);
}

/* How many entries the folder holds now. */
static guint
count_entries (CrosscheckRecovery *recovery)
{
  g_autoptr(GPtrArray) entries = crosscheck_recovery_list (recovery);

  return entries->len;
}

static void
test_save_list_restore (void)
{
  g_autoptr(GFile) folder = tmp_folder ();
  g_autoptr(CrosscheckRecovery) recovery = crosscheck_recovery_new (folder);
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(GFile) original = g_file_new_for_path ("/home/ana/cluster.crosscheck.json");
  g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CrosscheckProject) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = crosscheck_recovery_new_id ();
  g_autofree char *before = serialize (project);
  g_autofree char *after = NULL;
  CrosscheckRecoveryEntry *entry;

  g_assert_cmpuint (count_entries (recovery), ==, 0);

  g_assert_true (crosscheck_recovery_save (recovery, id, bytes, "cluster", original, NULL, &error));
  g_assert_no_error (error);

  entries = crosscheck_recovery_list (recovery);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, id);
  g_assert_cmpstr (entry->title, ==, "cluster");
  g_assert_cmpstr (entry->original, ==, "file:///home/ana/cluster.crosscheck.json");
  g_assert_nonnull (entry->saved);
  g_assert_true (g_str_has_suffix (entry->saved, "Z"));

  restored = crosscheck_recovery_restore (recovery, id, &error);
  g_assert_no_error (error);
  after = serialize (restored);
  g_assert_cmpstr (after, ==, before);

  /* Never saved to its own file: dirty, with nothing to undo yet. */
  g_assert_true (crosscheck_project_get_dirty (restored));
  g_assert_false (crosscheck_history_get_can_undo (crosscheck_project_get_history (restored)));
  g_assert_true (g_file_equal (crosscheck_project_get_file (restored), original));

  crosscheck_recovery_discard (recovery, id);
  g_assert_cmpuint (count_entries (recovery), ==, 0);
}

static void
test_replace_and_never_saved (void)
{
  g_autoptr(GFile) folder = tmp_folder ();
  g_autoptr(CrosscheckRecovery) recovery = crosscheck_recovery_new (folder);
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(GBytes) first = crosscheck_project_serialize (project);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(CrosscheckProject) restored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *id = crosscheck_recovery_new_id ();
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  g_assert_true (crosscheck_recovery_save (recovery, id, first, "first", NULL, NULL, NULL));
  g_assert_true (crosscheck_project_remove_span (project, crosscheck_project_lookup_span (project, "s1"), NULL));
  second = crosscheck_project_serialize (project);
  g_assert_true (crosscheck_recovery_save (recovery, id, second, "second", NULL, NULL, NULL));

  /* The same id replaces its entry. */
  entries = crosscheck_recovery_list (recovery);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((CrosscheckRecoveryEntry *) g_ptr_array_index (entries, 0))->title, ==, "second");
  g_assert_null (((CrosscheckRecoveryEntry *) g_ptr_array_index (entries, 0))->original);

  restored = crosscheck_recovery_restore (recovery, id, NULL);
  expected = serialize (project);
  got = serialize (restored);
  g_assert_cmpstr (got, ==, expected);
  g_assert_null (crosscheck_project_get_file (restored));
}

static void
test_broken_entries (void)
{
  g_autoptr(GFile) folder = tmp_folder ();
  g_autoptr(CrosscheckRecovery) recovery = crosscheck_recovery_new (folder);
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{ not json", 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *good = crosscheck_recovery_new_id ();
  g_autofree char *bad = crosscheck_recovery_new_id ();
  g_autofree char *lonely_path = NULL;

  g_assert_true (crosscheck_recovery_save (recovery, good, bytes, "good", NULL, NULL, NULL));
  g_assert_true (crosscheck_recovery_save (recovery, bad, garbage, "bad", NULL, NULL, NULL));

  /* A description without its project is not offered. */
  lonely_path = g_build_filename (g_file_peek_path (folder), "lonely.ini", NULL);
  g_assert_true (g_file_set_contents (lonely_path, "[Recovery]\ntitle=lonely\n", -1, NULL));

  g_assert_cmpuint (count_entries (recovery), ==, 2);

  /* A damaged project is refused with the loader's reason, not read. */
  g_assert_null (crosscheck_recovery_restore (recovery, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (crosscheck_recovery_save_finish (CROSSCHECK_RECOVERY (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(GFile) folder = tmp_folder ();
  g_autoptr(CrosscheckRecovery) recovery = crosscheck_recovery_new (folder);
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);
  g_autofree char *id = crosscheck_recovery_new_id ();
  gboolean done = FALSE;

  crosscheck_recovery_save_async (recovery, id, bytes, "async", NULL, NULL, on_saved, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (count_entries (recovery), ==, 1);
}

static void
test_default_folder (void)
{
  g_autoptr(CrosscheckRecovery) recovery = crosscheck_recovery_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "crosscheck", "recovery", NULL);

  g_assert_cmpstr (g_file_peek_path (crosscheck_recovery_get_folder (recovery)), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/recovery/save-list-restore", test_save_list_restore);
  g_test_add_func ("/core/recovery/replace-and-never-saved", test_replace_and_never_saved);
  g_test_add_func ("/core/recovery/broken-entries", test_broken_entries);
  g_test_add_func ("/core/recovery/async", test_async);
  g_test_add_func ("/core/recovery/default-folder", test_default_folder);

  return g_test_run ();
}
