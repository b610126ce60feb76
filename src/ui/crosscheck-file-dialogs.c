/* crosscheck-file-dialogs.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-file-dialogs.h"

#define IS_FOLDER(mode) ((mode) == CROSSCHECK_CHOOSE_EXPORT_FOLDER || (mode) == CROSSCHECK_CHOOSE_IMPORT_FOLDER)

/* Choosing files to open (several at once) or where to save, through the
 * portal when there is one, so the Flatpak needs no file-system access.
 * GTK 4.10 has GtkFileDialog; Debian 12's GTK 4.8 has GtkFileChooserNative.
 * Both are wrapped in one GTask-based call that returns a GPtrArray of GFile. */

static GListModel *
make_filters (CrosscheckChooseMode mode)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();

  gtk_file_filter_set_name (projects, _("Crosscheck Projects"));
  gtk_file_filter_add_pattern (projects, "*.crosscheck.json");

  gtk_file_filter_set_name (articles, _("Articles (plain text)"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_pattern (articles, "*.txt");

  gtk_file_filter_set_name (all, _("Articles and Projects"));
  gtk_file_filter_add_mime_type (all, "text/plain");
  gtk_file_filter_add_pattern (all, "*.txt");
  gtk_file_filter_add_pattern (all, "*.crosscheck.json");

  if (mode == CROSSCHECK_CHOOSE_OPEN)
    {
      g_list_store_append (filters, all);
      g_list_store_append (filters, articles);
    }
  if (!IS_FOLDER (mode))
    g_list_store_append (filters, projects);

  return G_LIST_MODEL (filters);
}

static GPtrArray *
files_from_model (GListModel *model)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));

  return files;
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
dialog_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  GError *error = NULL;

  /* Callers treat a dismissed dialog like GTK 4.8's: as cancelled. */
#define DISMISSED_TO_CANCELLED(e) \
  G_STMT_START { \
    if (g_error_matches (e, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)) \
      { \
        g_clear_error (&e); \
        e = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen")); \
      } \
  } G_STMT_END

  if (GPOINTER_TO_INT (g_task_get_task_data (task)) == CROSSCHECK_CHOOSE_OPEN)
    {
      g_autoptr(GListModel) model = gtk_file_dialog_open_multiple_finish (dialog, result, &error);

      if (model != NULL)
        g_task_return_pointer (task, files_from_model (model), (GDestroyNotify) g_ptr_array_unref);
      else
        {
          DISMISSED_TO_CANCELLED (error);
          g_task_return_error (task, error);
        }
    }
  else
    {
      g_autoptr(GFile) file = NULL;

      if (IS_FOLDER (GPOINTER_TO_INT (g_task_get_task_data (task))))
        file = gtk_file_dialog_select_folder_finish (dialog, result, &error);
      else
        file = gtk_file_dialog_save_finish (dialog, result, &error);

      if (file != NULL)
        {
          GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

          g_ptr_array_add (files, g_steal_pointer (&file));
          g_task_return_pointer (task, files, (GDestroyNotify) g_ptr_array_unref);
        }
      else
        {
          DISMISSED_TO_CANCELLED (error);
          g_task_return_error (task, error);
        }
    }
}

#else

static void
native_response (GtkNativeDialog *native,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      g_task_return_pointer (task, files_from_model (model), (GDestroyNotify) g_ptr_array_unref);
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen"));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

#endif

/**
 * crosscheck_choose_files_async:
 * @parent: the window the dialog belongs to
 * @mode: open several files, choose where to save one, or choose a folder
 * @initial: (nullable): the file to start from when saving
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the choice
 * @user_data: data for @callback
 *
 * Shows a file dialog.
 */
void
crosscheck_choose_files_async (GtkWindow            *parent,
                               CrosscheckChooseMode  mode,
                               GFile                *initial,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GListModel) filters = make_filters (mode);
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  const char *title = mode == CROSSCHECK_CHOOSE_OPEN ? _("Open Articles or a Project")
                      : mode == CROSSCHECK_CHOOSE_EXPORT_FOLDER ? _("Choose a Folder for the Export")
                      : mode == CROSSCHECK_CHOOSE_IMPORT_FOLDER ? _("Import a brat Folder")
                      : _("Save Project");

  g_task_set_source_tag (task, crosscheck_choose_files_async);
  g_task_set_task_data (task, GINT_TO_POINTER (mode), NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);

    if (IS_FOLDER (mode))
      {
        if (initial != NULL)
          gtk_file_dialog_set_initial_folder (dialog, initial);
        gtk_file_dialog_select_folder (dialog, parent, cancellable, dialog_done, task);
        return;
      }

    gtk_file_dialog_set_filters (dialog, filters);
    if (mode == CROSSCHECK_CHOOSE_OPEN)
      gtk_file_dialog_open_multiple (dialog, parent, cancellable, dialog_done, task);
    else
      {
        if (initial != NULL)
          gtk_file_dialog_set_initial_file (dialog, initial);
        else
          gtk_file_dialog_set_initial_name (dialog, _("Untitled.crosscheck.json"));
        gtk_file_dialog_save (dialog, parent, cancellable, dialog_done, task);
      }
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, parent,
                                          mode == CROSSCHECK_CHOOSE_OPEN ? GTK_FILE_CHOOSER_ACTION_OPEN
                                          : IS_FOLDER (mode) ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                          : GTK_FILE_CHOOSER_ACTION_SAVE,
                                          mode == CROSSCHECK_CHOOSE_OPEN ? _("_Open")
                                          : mode == CROSSCHECK_CHOOSE_EXPORT_FOLDER ? _("_Select")
                                          : mode == CROSSCHECK_CHOOSE_IMPORT_FOLDER ? _("_Import")
                                          : _("_Save"),
                                          _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    for (guint i = 0; !IS_FOLDER (mode) && i < g_list_model_get_n_items (filters); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      }

    if (mode == CROSSCHECK_CHOOSE_OPEN)
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
    else if (IS_FOLDER (mode))
      {
        if (initial != NULL)
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial, NULL);
      }
    else if (initial != NULL)
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), initial, NULL);
    else
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled.crosscheck.json"));

    g_signal_connect (native, "response", G_CALLBACK (native_response), task);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/**
 * crosscheck_choose_files_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED if the
 *   editor closed the dialog without choosing
 *
 * Returns: (transfer container) (element-type GFile) (nullable): the chosen files
 */
GPtrArray *
crosscheck_choose_files_finish (GAsyncResult  *result,
                                GError       **error)
{
  /* The task's source object is the parent window, which the caller does
   * not pass here; the source tag identifies the task instead. */
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == crosscheck_choose_files_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
