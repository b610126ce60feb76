/* crosscheck-export-dialog.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-export-dialog.h"
#include "crosscheck-file-dialogs.h"
#include "crosscheck-project.h"

/* The Export dialog: a format, a folder and the format's options. The
 * export runs in a worker thread on a copy of the project (taken when the
 * editor presses Export), so editing can go on and a large project does
 * not freeze the window; it can be stopped, and what the format could not
 * hold is listed in the dialog. */

struct _CrosscheckExportDialog
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwPreferencesGroup *dataset_group;
  AdwComboRow       *format_row;
  AdwActionRow      *folder_row;
  AdwActionRow      *utf16_row;
  GtkSwitch         *utf16_switch;
  AdwActionRow      *neutral_row;
  GtkSpinButton     *neutral_spin;
  GtkSwitch         *replace_switch;
  AdwPreferencesGroup *progress_group;
  GtkProgressBar    *progress_bar;
  GtkWidget         *cancel_button;
  GtkLabel          *status_label;
  AdwPreferencesGroup *warnings_group;
  GtkListBox        *warnings_list;

  /* owned */
  CrosscheckProject *project;
  GFile             *folder;
  GCancellable      *cancellable;  /* of the running export, or NULL */
  GCancellable      *chooser;      /* of the folder dialog */
  GPtrArray         *warnings;
  guint              progress_source;
};

G_DEFINE_FINAL_TYPE (CrosscheckExportDialog, crosscheck_export_dialog, ADW_TYPE_WINDOW)

/* What the worker thread needs; it touches nothing else. */
typedef struct
{
  GBytes                  *snapshot;
  CrosscheckExportFormat   format;
  CrosscheckExportOptions  options;
  GFile                   *folder;
  int                      per_mille;  /* progress, read by the main thread */
  GPtrArray               *warnings;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_bytes_unref (job->snapshot);
  g_object_unref (job->folder);
  g_clear_pointer (&job->warnings, g_ptr_array_unref);
  g_free (job);
}

static void
job_progress (double   fraction,
              gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->per_mille, (int) (fraction * 1000));
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;

  /* The copy is private to this thread; the window's project may change
   * meanwhile without harm. */
  project = crosscheck_project_load_from_bytes (job->snapshot, NULL, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (crosscheck_export_projects (&project, NULL, 1, job->format, &job->options, job->folder,
                                  job_progress, job, cancellable, &job->warnings, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* ------------------------------------------------------------------------ */

static void
update_sensitivity (CrosscheckExportDialog *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start",
                                 !running && self->folder != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-folder", !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !running);
  gtk_widget_set_visible (self->cancel_button, running);
}

static void
format_changed (CrosscheckExportDialog *self)
{
  CrosscheckExportFormat format = adw_combo_row_get_selected (self->format_row);

  if (format >= CROSSCHECK_EXPORT_N_FORMATS)
    return;

  /* The group's description, not the row's subtitle: that would squeeze
   * the chosen format's name. */
  adw_preferences_group_set_description (self->dataset_group,
                                         crosscheck_export_format_get_summary (format));
  gtk_widget_set_visible (GTK_WIDGET (self->utf16_row), format == CROSSCHECK_EXPORT_JSONL);
  gtk_widget_set_visible (GTK_WIDGET (self->neutral_row), format == CROSSCHECK_EXPORT_NLI);
}

static void
show_warnings (CrosscheckExportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);

  for (guint i = 0; self->warnings != NULL && i < self->warnings->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (self->warnings, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->warnings_list, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group),
                          self->warnings != NULL && self->warnings->len > 0);
}

static gboolean
poll_progress (gpointer user_data)
{
  CrosscheckExportDialog *self = user_data;
  GTask *task = g_object_get_data (G_OBJECT (self), "crosscheck-export-task");
  Job *job = task ? g_task_get_task_data (task) : NULL;

  if (job != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   g_atomic_int_get (&job->per_mille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CrosscheckExportDialog) self = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_file_get_parse_name (job->folder);
  g_autofree char *status = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_object_set_data (G_OBJECT (self), "crosscheck-export-task", NULL);

  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_steal_pointer (&job->warnings);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      if (self->warnings->len == 0)
        /* TRANSLATORS: "Exported as brat into /home/ana/datasets." */
        status = g_strdup_printf (_("Exported as %s into %s."),
                                  crosscheck_export_format_get_title (job->format), where);
      else
        status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Exported as %s into %s, with %u warning below.",
                                               "Exported as %s into %s, with %u warnings below.",
                                               self->warnings->len),
                                  crosscheck_export_format_get_title (job->format), where,
                                  self->warnings->len);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      status = g_strdup (_("Export stopped. Nothing was written."));
      g_clear_pointer (&self->warnings, g_ptr_array_unref);
    }
  else
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      if (g_error_matches (error, CROSSCHECK_EXPORT_ERROR, CROSSCHECK_EXPORT_ERROR_EXISTS))
        status = g_strdup_printf (_("%s\nTurn on “Replace an earlier export” or choose another "
                                    "folder. Nothing was written."), error->message);
      else
        status = g_strdup_printf (_("The export failed: %s\nNothing was written."),
                                  error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      g_clear_pointer (&self->warnings, g_ptr_array_unref);
    }

  gtk_label_set_text (self->status_label, status);
  show_warnings (self);
  update_sensitivity (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrosscheckExportDialog *self = CROSSCHECK_EXPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->folder == NULL || self->cancellable != NULL)
    return;

  job = g_new0 (Job, 1);
  job->snapshot = crosscheck_project_serialize (self->project);
  job->format = adw_combo_row_get_selected (self->format_row);
  job->folder = g_object_ref (self->folder);
  crosscheck_export_options_init (&job->options);
  job->options.utf16_offsets = gtk_switch_get_active (self->utf16_switch);
  job->options.neutral = gtk_spin_button_get_value_as_int (self->neutral_spin);
  job->options.overwrite = gtk_switch_get_active (self->replace_switch);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, export_done, g_object_ref (self));
  g_task_set_source_tag (task, start_action);
  g_task_set_task_data (task, job, job_free);
  g_object_set_data_full (G_OBJECT (self), "crosscheck-export-task", g_object_ref (task),
                          g_object_unref);

  gtk_label_set_text (self->status_label, _("Exporting…"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), FALSE);
  self->progress_source = g_timeout_add (100, poll_progress, self);
  update_sensitivity (self);

  g_task_run_in_thread (task, run_job);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrosscheckExportDialog *self = CROSSCHECK_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
folder_chosen (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CrosscheckExportDialog) self = user_data;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = crosscheck_choose_files_finish (result, &error);
  if (files == NULL || files->len == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label, error ? error->message : _("No folder was chosen"));
      return;
    }

  crosscheck_export_dialog_set_folder (self, g_ptr_array_index (files, 0));
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrosscheckExportDialog *self = CROSSCHECK_EXPORT_DIALOG (widget);

  crosscheck_choose_files_async (GTK_WINDOW (self), CROSSCHECK_CHOOSE_EXPORT_FOLDER, self->folder,
                                 self->chooser, folder_chosen, g_object_ref (self));
}

static gboolean
close_request (GtkWindow *window)
{
  CrosscheckExportDialog *self = CROSSCHECK_EXPORT_DIALOG (window);

  /* Closing stops a running export; it writes nothing then. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (crosscheck_export_dialog_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------ */

static void
crosscheck_export_dialog_dispose (GObject *object)
{
  CrosscheckExportDialog *self = CROSSCHECK_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->chooser);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CROSSCHECK_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->project);
  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (crosscheck_export_dialog_parent_class)->dispose (object);
}

static void
crosscheck_export_dialog_class_init (CrosscheckExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crosscheck_export_dialog_dispose;
  window_class->close_request = close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/crosscheck/Crosscheck/crosscheck-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, dataset_group);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, utf16_row);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, utf16_switch);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, neutral_row);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, neutral_spin);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, replace_switch);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckExportDialog, warnings_list);
  gtk_widget_class_bind_template_callback (widget_class, format_changed);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL, choose_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crosscheck_export_dialog_init (CrosscheckExportDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CROSSCHECK_EXPORT_N_FORMATS; i++)
    gtk_string_list_append (titles, crosscheck_export_format_get_title (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (titles));

  self->chooser = g_cancellable_new ();
  format_changed (self);
  update_sensitivity (self);
}

/**
 * crosscheck_export_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @project: the project to export
 *
 * Returns: (transfer full): a new export dialog
 */
CrosscheckExportDialog *
crosscheck_export_dialog_new (GtkWindow         *parent,
                              CrosscheckProject *project)
{
  CrosscheckExportDialog *self;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (project), NULL);

  self = g_object_new (CROSSCHECK_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);

  return self;
}

/**
 * crosscheck_export_dialog_set_folder:
 * @self: a #CrosscheckExportDialog
 * @folder: the folder to export into
 */
void
crosscheck_export_dialog_set_folder (CrosscheckExportDialog *self,
                                     GFile                  *folder)
{
  g_autofree char *name = NULL;

  g_return_if_fail (CROSSCHECK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
  name = g_file_get_parse_name (folder);
  adw_action_row_set_subtitle (self->folder_row, name);
  update_sensitivity (self);
}

/**
 * crosscheck_export_dialog_set_format:
 * @self: a #CrosscheckExportDialog
 * @format: the format to select
 */
void
crosscheck_export_dialog_set_format (CrosscheckExportDialog *self,
                                     CrosscheckExportFormat  format)
{
  g_return_if_fail (CROSSCHECK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < CROSSCHECK_EXPORT_N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

gboolean
crosscheck_export_dialog_get_running (CrosscheckExportDialog *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * crosscheck_export_dialog_get_warnings:
 * @self: a #CrosscheckExportDialog
 *
 * Returns: (transfer none) (nullable) (element-type utf8): the warnings of
 *   the last finished export
 */
GPtrArray *
crosscheck_export_dialog_get_warnings (CrosscheckExportDialog *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_EXPORT_DIALOG (self), NULL);

  return self->warnings;
}

const char *
crosscheck_export_dialog_get_status (CrosscheckExportDialog *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_EXPORT_DIALOG (self), NULL);

  return gtk_label_get_text (self->status_label);
}
