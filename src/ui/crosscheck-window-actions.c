/* crosscheck-window-actions.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-export-dialog.h"
#include "crosscheck-file-dialogs.h"
#include "crosscheck-history.h"
#include "crosscheck-inspector.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"
#include "crosscheck-window-private.h"

/* The window's actions. Their accelerators are set in one place, by the
 * application; single keys (labels, ] and [, Delete, Return) come from the
 * article text views, so they never fire while the editor types elsewhere. */

void
_crosscheck_window_update_actions (CrosscheckWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CrosscheckHistory *history;
  gboolean has_columns;

  if (self->project == NULL)
    return;

  history = crosscheck_project_get_history (self->project);
  has_columns = self->columns != NULL && self->columns->len > 0;

  gtk_widget_action_set_enabled (widget, "win.undo", crosscheck_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", crosscheck_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.save", has_columns || crosscheck_project_get_dirty (self->project));
  gtk_widget_action_set_enabled (widget, "win.save-as", has_columns);
  gtk_widget_action_set_enabled (widget, "win.export", has_columns);
  gtk_widget_action_set_enabled (widget, "win.find", has_columns);
  gtk_widget_action_set_enabled (widget, "win.next-column", self->columns && self->columns->len > 1);
  gtk_widget_action_set_enabled (widget, "win.previous-column", self->columns && self->columns->len > 1);
  gtk_widget_action_set_enabled (widget, "win.delete-annotation", self->selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.inspect", self->selected != NULL || self->pending_from != NULL);
  gtk_widget_action_set_enabled (widget, "win.cycle-link-type", self->pending_from != NULL);
  gtk_widget_action_set_enabled (widget, "win.escape", self->pending_from != NULL || self->selected != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->save_button), crosscheck_project_get_dirty (self->project));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  g_autofree char *what = g_strdup (crosscheck_history_get_undo_description (crosscheck_project_get_history (self->project)));

  if (crosscheck_project_undo (self->project) && what != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Undone: %s"), what);

      _crosscheck_window_toast (self, message);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);

  crosscheck_project_redo (self->project);
}

/* ------------------------------------------------------------------------ */
/* Open and save                                                             */

static void
open_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CrosscheckWindow) self = user_data;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = crosscheck_choose_files_finish (result, &error);
  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _crosscheck_window_toast (self, error->message);
      return;
    }

  crosscheck_window_open_files (self, (GFile **) files->pdata, files->len);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);

  crosscheck_choose_files_async (GTK_WINDOW (self), CROSSCHECK_CHOOSE_OPEN, NULL,
                                 self->cancellable, open_chosen, g_object_ref (self));
}

static void
import_brat_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _crosscheck_window_import_brat (CROSSCHECK_WINDOW (widget), NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
open_samples_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  g_autoptr(GFile) dir = _crosscheck_window_samples_dir ();
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                        NULL, &error);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }

  if (error != NULL || names->len == 0)
    {
      g_autofree char *path = g_file_get_parse_name (dir);
      g_autofree char *body = g_strdup_printf (_("No sample articles were found in “%s”. Reinstall "
                                                 "Crosscheck, or open your own articles."), path);

      _crosscheck_window_show_error (self, _("Sample Articles Missing"), body);
      return;
    }

  /* By name, so that the columns come in the articles' order. */
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_get_child (dir, g_ptr_array_index (names, i)));

  crosscheck_window_open_files (self, (GFile **) files->pdata, files->len);
}

typedef struct
{
  CrosscheckWindow *self;
  gboolean          close_after;
} SaveData;

static void
on_save_failed_response (AdwMessageDialog *dialog,
                         const char       *response,
                         CrosscheckWindow *self)
{
  if (g_str_equal (response, "save-as"))
    _crosscheck_window_save (self, TRUE,
                             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after")));
}

static void
save_to (CrosscheckWindow *self,
         GFile            *file,
         gboolean          close_after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!crosscheck_project_save_to_file (self->project, file, NULL, &error))
    {
      /* The work stays in memory, unsaved; offer another place at once. */
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Project"),
                                                  error->message);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "save-as", _("Save _As…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
      g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_failed_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  _crosscheck_window_watch_file (self);
  _crosscheck_window_toast (self, _("Saved"));

  if (close_after)
    {
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(CrosscheckWindow) self = data->self;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  gboolean close_after = data->close_after;

  g_free (data);

  files = crosscheck_choose_files_finish (result, &error);
  if (files == NULL || files->len == 0)
    return;

  /* Project files are recognised by their ending; add it if missing. */
  name = g_file_get_basename (g_ptr_array_index (files, 0));
  if (g_str_has_suffix (name, CROSSCHECK_PROJECT_SUFFIX))
    file = g_object_ref (g_ptr_array_index (files, 0));
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (g_ptr_array_index (files, 0));
      g_autofree char *fixed = NULL;

      if (g_str_has_suffix (name, ".json"))
        name[strlen (name) - strlen (".json")] = '\0';
      fixed = g_strconcat (name, CROSSCHECK_PROJECT_SUFFIX, NULL);
      file = g_file_get_child (parent, fixed);
    }

  save_to (self, file, close_after);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CrosscheckWindow *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (g_str_equal (response, "replace"))
    save_to (self, crosscheck_project_get_file (self->project), close_after);
  else if (g_str_equal (response, "save-as"))
    _crosscheck_window_save (self, TRUE, close_after);
}

void
_crosscheck_window_save (CrosscheckWindow *self,
                         gboolean          choose_file,
                         gboolean          close_after)
{
  GFile *file = crosscheck_project_get_file (self->project);
  SaveData *data;

  if (file != NULL && !choose_file)
    {
      if (_crosscheck_window_file_changed (self))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Changed File?"),
                                                      _("Another program changed the project’s file since "
                                                        "it was opened here. Saving replaces its version "
                                                        "with this one."));

          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "save-as", _("Save _As…"),
                                            "replace", _("_Replace"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }

      save_to (self, file, close_after);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->close_after = close_after;
  crosscheck_choose_files_async (GTK_WINDOW (self), CROSSCHECK_CHOOSE_SAVE, file,
                                 self->cancellable, save_chosen, data);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _crosscheck_window_save (CROSSCHECK_WINDOW (widget), g_str_equal (action_name, "win.save-as"), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  CrosscheckExportDialog *dialog = crosscheck_export_dialog_new (GTK_WINDOW (self), self->project);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Columns and annotations                                                   */

static void
column_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  guint n = self->columns->len;
  guint position = 0;
  int delta = g_str_equal (action_name, "win.next-column") ? 1 : -1;

  if (n == 0)
    return;
  if (self->focused_column == NULL || !g_ptr_array_find (self->columns, self->focused_column, &position))
    position = 0;
  else
    position = (position + n + delta) % n;

  _crosscheck_window_focus_column (self, g_ptr_array_index (self->columns, position));
}

static void
annotation_step_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  CrosscheckSpanList *spans = crosscheck_project_get_spans (self->project);
  CrosscheckTextView *view;
  CrosscheckDocument *document;
  CrosscheckSpan *current;
  CrosscheckSpan *next;
  guint offset;

  if (self->focused_column == NULL)
    return;

  view = crosscheck_column_get_text_view (self->focused_column);
  document = crosscheck_text_view_get_document (view);
  current = crosscheck_text_view_get_selected_span (view);
  offset = crosscheck_text_view_get_cursor_offset (view);

  if (g_str_equal (action_name, "win.next-annotation"))
    next = crosscheck_span_list_get_next (spans, document, offset, current);
  else
    next = crosscheck_span_list_get_previous (spans, document, offset, current);

  if (next == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* Leave any text selection: navigating picks spans, not text. */
  crosscheck_text_view_scroll_to_offset (view, crosscheck_span_get_start (next));
  crosscheck_window_select_span (self, next);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  CrosscheckSpan *span = self->selected;

  if (span == NULL)
    return;

  if (!crosscheck_project_remove_span (self->project, span, &error))
    _crosscheck_window_toast (self, error->message);
}

static void
inspect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  CrosscheckColumn *column;
  CrosscheckTextView *view;
  GtkWidget *inspector;
  GdkRectangle area;

  /* While a link is being made, Return makes it. */
  if (self->pending_from != NULL)
    {
      _crosscheck_window_finish_link (self);
      return;
    }

  if (self->selected == NULL)
    return;

  column = _crosscheck_window_find_column (self, crosscheck_span_get_document (self->selected));
  if (column == NULL)
    return;

  view = crosscheck_column_get_text_view (column);
  inspector = crosscheck_inspector_new (self->project, CROSSCHECK_ANNOTATION (self->selected));
  crosscheck_text_view_get_range_area (view, crosscheck_span_get_start (self->selected),
                                       crosscheck_span_get_end (self->selected), &area);
  crosscheck_text_view_popup (view, inspector, &area);
}

static void
tag_key_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  gunichar c = g_variant_get_uint32 (parameter);
  CrosscheckLabel *label = crosscheck_project_lookup_shortcut (self->project, c);

  if (label == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION)
    {
      _crosscheck_window_start_link (self, label);
      return;
    }

  crosscheck_window_tag_selection (self, label);
}

static void
tag_nth_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  GListModel *labels = crosscheck_project_get_labels (self->project);
  g_autoptr(CrosscheckLabel) label = g_list_model_get_item (labels, g_variant_get_uint32 (parameter));

  if (label == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  crosscheck_window_tag_selection (self, label);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* ------------------------------------------------------------------------ */
/* Links                                                                     */

/**
 * _crosscheck_window_start_link:
 * @self: a #CrosscheckWindow
 * @type: a link type
 *
 * Starts a link of @type from the selected span. The editor then selects
 * the other end (] and [, F6 to other articles, or a click), Tab changes the
 * type, Return makes the link and Escape gives up.
 */
void
_crosscheck_window_start_link (CrosscheckWindow *self,
                               CrosscheckLabel  *type)
{
  if (self->selected == NULL)
    {
      _crosscheck_window_toast (self, _("Select a span first (click it, or press ] or [), then press the "
                                        "link key."));
      return;
    }

  g_set_object (&self->pending_from, self->selected);
  g_set_object (&self->pending_type, type);
  _crosscheck_window_update_link_layer (self);
  _crosscheck_window_update_actions (self);
}

void
_crosscheck_window_cancel_link (CrosscheckWindow *self)
{
  g_clear_object (&self->pending_from);
  g_clear_object (&self->pending_type);
  _crosscheck_window_update_link_layer (self);
  _crosscheck_window_update_actions (self);
}

/**
 * _crosscheck_window_finish_link:
 * @self: a #CrosscheckWindow
 *
 * Makes the pending link to the selected span; says why when it cannot.
 *
 * Returns: %TRUE if the link was made
 */
gboolean
_crosscheck_window_finish_link (CrosscheckWindow *self)
{
  g_autoptr(GError) error = NULL;
  CrosscheckLink *link;

  if (self->pending_from == NULL)
    return FALSE;

  if (self->selected == NULL || self->selected == self->pending_from)
    {
      _crosscheck_window_toast (self, _("Pick the other span first: ] and [ walk an article, F6 goes to the next."));
      return FALSE;
    }

  link = crosscheck_project_add_link (self->project, self->pending_type, self->pending_from, self->selected, &error);
  if (link == NULL)
    {
      _crosscheck_window_toast (self, error->message);
      return FALSE;
    }

  _crosscheck_window_cancel_link (self);
  return TRUE;
}

/* Links the pending span to the span with the given id (a mouse drag). */
/**
 * _crosscheck_window_show_link:
 * @self: a #CrosscheckWindow
 * @link: a link of the project
 *
 * Scrolls both ends of @link into view, emphasises it, and opens its
 * inspector at its second end.
 */
void
_crosscheck_window_show_link (CrosscheckWindow *self,
                              CrosscheckLink   *link)
{
  CrosscheckSpan *from = crosscheck_link_get_from (link);
  CrosscheckSpan *to = crosscheck_link_get_to (link);
  CrosscheckColumn *from_column = _crosscheck_window_find_column (self, crosscheck_span_get_document (from));
  CrosscheckColumn *to_column = _crosscheck_window_find_column (self, crosscheck_span_get_document (to));
  GtkWidget *inspector;
  GdkRectangle area;

  if (from_column == NULL || to_column == NULL)
    return;

  crosscheck_text_view_scroll_to_offset (crosscheck_column_get_text_view (from_column),
                                         crosscheck_span_get_start (from));
  crosscheck_window_select_span (self, to);
  crosscheck_link_layer_set_highlight (self->link_layer, NULL, link);

  inspector = crosscheck_inspector_new (self->project, CROSSCHECK_ANNOTATION (link));
  crosscheck_text_view_get_range_area (crosscheck_column_get_text_view (to_column), crosscheck_span_get_start (to),
                                       crosscheck_span_get_end (to), &area);
  crosscheck_text_view_popup (crosscheck_column_get_text_view (to_column), inspector, &area);
}

static void
link_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  CrosscheckSpan *to = crosscheck_project_lookup_span (self->project, g_variant_get_string (parameter, NULL));

  if (self->pending_from == NULL || to == NULL)
    return;

  crosscheck_window_select_span (self, to);
  if (!_crosscheck_window_finish_link (self))
    _crosscheck_window_cancel_link (self);
}

static void
cycle_link_type_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);
  GListModel *types = crosscheck_project_get_link_types (self->project);
  guint n = g_list_model_get_n_items (types);
  guint position = 0;
  g_autoptr(CrosscheckLabel) next = NULL;

  if (self->pending_from == NULL || n == 0)
    return;

  g_list_store_find (G_LIST_STORE (types), self->pending_type, &position);
  next = g_list_model_get_item (types, (position + 1) % n);
  g_set_object (&self->pending_type, next);
  _crosscheck_window_update_link_layer (self);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);

  if (self->pending_from != NULL)
    _crosscheck_window_cancel_link (self);
  else
    crosscheck_window_select_span (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* Find                                                                      */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static gboolean
search_in (CrosscheckTextView *view,
           const char         *needle,
           gboolean            backwards,
           gboolean            wrap,
           guint              *start,
           guint              *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY;
  GtkTextIter from, a, b;
  gboolean found;

  if (gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    from = backwards ? a : b;
  else
    gtk_text_buffer_get_iter_at_mark (buffer, &from, gtk_text_buffer_get_insert (buffer));

  found = backwards ? gtk_text_iter_backward_search (&from, needle, flags, &a, &b, NULL)
                    : gtk_text_iter_forward_search (&from, needle, flags, &a, &b, NULL);

  if (!found && wrap)
    {
      if (backwards)
        gtk_text_buffer_get_end_iter (buffer, &from);
      else
        gtk_text_buffer_get_start_iter (buffer, &from);
      found = backwards ? gtk_text_iter_backward_search (&from, needle, flags, &a, &b, NULL)
                        : gtk_text_iter_forward_search (&from, needle, flags, &a, &b, NULL);
    }

  if (found)
    {
      *start = gtk_text_iter_get_offset (&a);
      *end = gtk_text_iter_get_offset (&b);
    }

  return found;
}

/* Goes to the next (or previous) match and makes it the text selection,
 * so that a label key tags it once the find bar is closed. With "All
 * articles", the search moves on to the next column when one runs out. */
void
_crosscheck_window_find (CrosscheckWindow *self,
                         gboolean          backwards)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean all = gtk_check_button_get_active (self->search_all_check);
  guint n = self->columns->len;
  guint position = 0;

  if (*needle == '\0' || n == 0)
    {
      gtk_label_set_label (self->search_status, "");
      return;
    }

  if (self->focused_column == NULL || !g_ptr_array_find (self->columns, self->focused_column, &position))
    position = 0;

  for (guint tried = 0; tried <= (all ? n : 0); tried++)
    {
      CrosscheckColumn *column = g_ptr_array_index (self->columns, (position + (backwards ? n - tried : tried)) % n);
      CrosscheckTextView *view = crosscheck_column_get_text_view (column);
      guint start, end;

      /* In another column, start from its beginning (or end). */
      if (tried > 0)
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
          GtkTextIter edge;

          if (backwards)
            gtk_text_buffer_get_end_iter (buffer, &edge);
          else
            gtk_text_buffer_get_start_iter (buffer, &edge);
          gtk_text_buffer_place_cursor (buffer, &edge);
        }

      if (search_in (view, needle, backwards, !all || tried == n, &start, &end))
        {
          self->focused_column = column;
          crosscheck_text_view_select_range (view, start, end);
          gtk_label_set_label (self->search_status, "");
          gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
          return;
        }
    }

  gtk_label_set_label (self->search_status, _("Not found"));
  gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
find_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _crosscheck_window_find (CROSSCHECK_WINDOW (widget), g_str_equal (action_name, "win.find-previous"));
}

/* The keyboard shortcuts window, built when first asked for. GTK builds
 * an application's gtk/help-overlay.ui for every new window, which cost
 * each window 9 ms before its first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (widget);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/crosscheck/Crosscheck/crosscheck-shortcuts.ui");

      self->shortcuts = GTK_WINDOW (g_object_ref (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_modal (self->shortcuts, TRUE);
      gtk_window_set_hide_on_close (self->shortcuts, TRUE);
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (self));
    }

  gtk_window_present (self->shortcuts);
}

void
_crosscheck_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-samples", NULL, open_samples_action);
  gtk_widget_class_install_action (widget_class, "win.import-brat", NULL, import_brat_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.next-column", NULL, column_action);
  gtk_widget_class_install_action (widget_class, "win.previous-column", NULL, column_action);
  gtk_widget_class_install_action (widget_class, "win.next-annotation", NULL, annotation_step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-annotation", NULL, annotation_step_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.inspect", NULL, inspect_action);
  gtk_widget_class_install_action (widget_class, "win.tag-key", "u", tag_key_action);
  gtk_widget_class_install_action (widget_class, "win.tag-nth", "u", tag_nth_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-link-type", NULL, cycle_link_type_action);
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "win.link-to", "s", link_to_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
}
