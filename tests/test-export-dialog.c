/* test-export-dialog.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "crosscheck-document.h"
#include "crosscheck-export-dialog.h"
#include "crosscheck-project.h"
#include "crosscheck-window-private.h"

/* The Export dialog, driven through the actions its buttons use: it
 * writes the same files as the command line, lists the warnings, and
 * refuses to replace an earlier export unless asked. */

static CrosscheckProject *
load_cluster (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export",
                                                 "cluster.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CrosscheckProject *project = crosscheck_project_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
spin (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
wait_until_done (CrosscheckExportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (crosscheck_export_dialog_get_running (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (crosscheck_export_dialog_get_running (dialog));
  spin ();
}

static void
test_export_and_refuse (void)
{
  g_autoptr(CrosscheckProject) project = load_cluster ();
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-export-dialog-XXXXXX", NULL);
  g_autofree char *ann = g_build_filename (dir, "d3.ann", NULL);
  g_autofree char *expected = g_test_build_filename (G_TEST_DIST, "data", "export", "golden",
                                                     "brat", "d3.ann", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  CrosscheckExportDialog *dialog = crosscheck_export_dialog_new (NULL, project);
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  GPtrArray *warnings;

  gtk_window_present (GTK_WINDOW (dialog));
  spin ();

  /* Without a folder there is nothing to export into. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL);
  g_assert_false (crosscheck_export_dialog_get_running (dialog));

  crosscheck_export_dialog_set_folder (dialog, folder);
  crosscheck_export_dialog_set_format (dialog, CROSSCHECK_EXPORT_BRAT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_assert_true (crosscheck_export_dialog_get_running (dialog));
  wait_until_done (dialog);

  g_assert_nonnull (strstr (crosscheck_export_dialog_get_status (dialog), "with 2 warnings below"));
  warnings = crosscheck_export_dialog_get_warnings (dialog);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0),
                                   "brat cannot hold links between documents"));
  g_assert_true (g_file_get_contents (ann, &got, NULL, NULL));
  g_assert_true (g_file_get_contents (expected, &want, NULL, NULL));
  g_assert_cmpstr (got, ==, want);

  /* Again, into the same folder: refused, and the files stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_until_done (dialog);
  g_assert_nonnull (strstr (crosscheck_export_dialog_get_status (dialog), "exists already"));
  g_assert_nonnull (strstr (crosscheck_export_dialog_get_status (dialog),
                            "Replace an earlier export"));
  g_assert_null (crosscheck_export_dialog_get_warnings (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  g_unlink (ann);
}

/* Stop cancels a running export, and nothing is written. The project is
 * large enough (400 articles) that the export is still running when Stop
 * is pressed right after Export. */
static void
test_stop (void)
{
  g_autoptr(CrosscheckProject) project = crosscheck_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-export-dialog-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GDir) listing = NULL;
  CrosscheckExportDialog *dialog;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (text, "Sentence %u says the visit could take place in April. ", i);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *body = g_strdup_printf ("Article %u\n\n%s\n", i, text->str);
      g_autoptr(CrosscheckDocument) document = crosscheck_document_new_from_text (body, NULL);

      g_assert_true (crosscheck_project_add_document (project, document, NULL));
    }

  dialog = crosscheck_export_dialog_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  crosscheck_export_dialog_set_folder (dialog, folder);
  crosscheck_export_dialog_set_format (dialog, CROSSCHECK_EXPORT_CONLL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_assert_true (crosscheck_export_dialog_get_running (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  wait_until_done (dialog);

  g_assert_cmpstr (crosscheck_export_dialog_get_status (dialog), ==,
                   "Export stopped. Nothing was written.");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_rmdir (dir);
}

/* Ctrl+E's action opens the dialog on the window's project. */
static void
test_window_action (void)
{
  g_autoptr(CrosscheckProject) project = load_cluster ();
  CrosscheckWindow *window = crosscheck_window_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  CrosscheckExportDialog *dialog = NULL;

  crosscheck_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  spin ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (CROSSCHECK_IS_EXPORT_DIALOG (item))
        dialog = CROSSCHECK_EXPORT_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  window->closing_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/export-dialog/export-and-refuse", test_export_and_refuse);
  g_test_add_func ("/ui/export-dialog/stop", test_stop);
  g_test_add_func ("/ui/export-dialog/window-action", test_window_action);

  return g_test_run ();
}
