/* crosscheck-window-import.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-brat-import.h"
#include "crosscheck-file-dialogs.h"
#include "crosscheck-project.h"
#include "crosscheck-window-private.h"

/* "Import brat Folder…": the folder is read in a worker thread; the new
 * project opens in this window if it is empty, otherwise in a new one, and
 * counts as unsaved. A malformed line stops the import with its FILE:LINE
 * message and an offer to import the folder again without bad lines. */

/* How many warnings a dialog lists before it says how many more there are. */
#define MAX_LISTED 12

typedef struct
{
  GFile                     *folder;
  CrosscheckBratImportFlags  flags;
  GPtrArray                 *warnings;   /* char *, filled by the thread */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->folder);
  g_clear_pointer (&job->warnings, g_ptr_array_unref);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(CrosscheckBratImport) import = crosscheck_brat_import_new (job->flags);
  g_autoptr(GError) error = NULL;
  CrosscheckProject *project = NULL;
  GPtrArray *warnings;

  if (crosscheck_brat_import_add_folder (import, job->folder, cancellable, &error))
    project = crosscheck_brat_import_finish (import, &error);

  warnings = crosscheck_brat_import_get_warnings (import);
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (job->warnings, g_strdup (g_ptr_array_index (warnings, i)));

  if (project != NULL)
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void start_import (CrosscheckWindow          *self,
                          GFile                     *folder,
                          CrosscheckBratImportFlags  flags);

static char *
list_warnings (GPtrArray *warnings)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < warnings->len && i < MAX_LISTED; i++)
    g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (warnings, i));
  if (warnings->len > MAX_LISTED)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                 "… and %u more", warnings->len - MAX_LISTED),
                              warnings->len - MAX_LISTED);
    }

  return g_string_free (body, FALSE);
}

static void
on_bad_line_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CrosscheckWindow *self)
{
  GFile *folder = g_object_get_data (G_OBJECT (dialog), "folder");

  if (g_str_equal (response, "skip") && folder != NULL)
    start_import (self, folder, CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckWindow *target = self;
  guint n;

  project = g_task_propagate_pointer (G_TASK (result), &error);
  if (project == NULL)
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the brat Folder"),
                                       error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
      if (g_error_matches (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_BAD_LINE))
        {
          /* TRANSLATORS: after a message "FILE:LINE: what is wrong" */
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                          _("Correct the line and import again, or import the "
                                            "folder without the lines that are wrong; each "
                                            "line left out is listed."));
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "skip", _("_Leave Bad Lines Out"), NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "skip",
                                                      ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "skip");
        }
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_object_set_data_full (G_OBJECT (dialog), "folder", g_object_ref (job->folder), g_object_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_bad_line_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (!crosscheck_window_is_empty (self))
    {
      target = crosscheck_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  crosscheck_window_set_project (target, project);

  n = g_list_model_get_n_items (crosscheck_project_get_documents (project));
  if (job->warnings->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Imported with %u Warning",
                                                               "Imported with %u Warnings",
                                                               job->warnings->len),
                                                  job->warnings->len);
      g_autofree char *body = list_warnings (job->warnings);

      _crosscheck_window_show_error (target, heading, body);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Imported %u document",
                                                               "Imported %u documents", n), n);

      _crosscheck_window_toast (target, message);
    }
}

static void
start_import (CrosscheckWindow          *self,
              GFile                     *folder,
              CrosscheckBratImportFlags  flags)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->folder = g_object_ref (folder);
  job->flags = flags;
  job->warnings = g_ptr_array_new_with_free_func (g_free);

  task = g_task_new (self, self->cancellable, import_done, NULL);
  g_task_set_source_tag (task, start_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
folder_chosen (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CrosscheckWindow) self = user_data;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = crosscheck_choose_files_finish (result, &error);
  if (files == NULL || files->len == 0)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _crosscheck_window_toast (self, error->message);
      return;
    }

  start_import (self, g_ptr_array_index (files, 0), CROSSCHECK_BRAT_IMPORT_NONE);
}

/**
 * _crosscheck_window_import_brat:
 * @self: a #CrosscheckWindow
 * @folder: (nullable): the brat folder, or %NULL to let the editor choose one
 *
 * Imports a brat folder as a new project.
 */
void
_crosscheck_window_import_brat (CrosscheckWindow *self,
                                GFile            *folder)
{
  if (folder != NULL)
    start_import (self, folder, CROSSCHECK_BRAT_IMPORT_NONE);
  else
    crosscheck_choose_files_async (GTK_WINDOW (self), CROSSCHECK_CHOOSE_IMPORT_FOLDER, NULL,
                                   self->cancellable, folder_chosen, g_object_ref (self));
}
