/* crosscheck-window.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-annotation.h"
#include "crosscheck-debug-frames.h"
#include "crosscheck-preload.h"
#include "crosscheck-document.h"
#include "crosscheck-errors.h"
#include "crosscheck-file-dialogs.h"
#include "crosscheck-history.h"
#include "crosscheck-label.h"
#include "crosscheck-problem.h"
#include "crosscheck-project.h"
#include "crosscheck-reanchor.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"
#include "crosscheck-utils.h"
#include "crosscheck-window-private.h"

/* The window shows one project: a column per article, side by side, and a
 * sidebar with the label palette and the annotation list. It holds no
 * annotation state of its own beyond which span is selected: everything
 * else is read from the project and every change goes through it. */

G_DEFINE_FINAL_TYPE (CrosscheckWindow, crosscheck_window, ADW_TYPE_APPLICATION_WINDOW)

/* How long an open may take before the window says it is opening. */
#define LOADING_DELAY_MS 300

static void sync_columns       (CrosscheckWindow *self);
static void queue_debug_locate (CrosscheckWindow *self);
static void on_hover_span_changed (CrosscheckTextView *view,
                                   GParamSpec         *pspec,
                                   CrosscheckWindow   *self);
static void discard_recovery      (CrosscheckWindow   *self);
static void on_span_removed       (CrosscheckWindow   *self,
                                   CrosscheckSpan     *span,
                                   CrosscheckChange    change);
static void schedule_autosave     (CrosscheckWindow   *self);
static void on_dirty_changed      (CrosscheckWindow   *self);
static void offer_reanchor        (CrosscheckWindow   *self,
                                   CrosscheckProject  *project,
                                   gboolean            replace);

void
_crosscheck_window_toast (CrosscheckWindow *self,
                          const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _crosscheck_window_show_error:
 * @self: a #CrosscheckWindow
 * @heading: what failed, in a few words
 * @body: why, and what to do
 *
 * Shows a failure that needs more than a toast can say.
 */
void
_crosscheck_window_show_error (CrosscheckWindow *self,
                               const char       *heading,
                               const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GFile *
_crosscheck_window_samples_dir (void)
{
  const char *dir = g_getenv ("CROSSCHECK_SAMPLES_DIR");

  return g_file_new_for_path (dir ? dir : PKGDATADIR "/samples");
}

/* The project's name: its file's, without the ending, or "Unsaved Project". */
static char *
project_name (CrosscheckWindow *self)
{
  GFile *file = crosscheck_project_get_file (self->project);
  g_autofree char *base = NULL;

  if (file == NULL)
    return g_strdup (_("Unsaved Project"));

  base = g_file_get_basename (file);
  if (g_str_has_suffix (base, CROSSCHECK_PROJECT_SUFFIX))
    base[strlen (base) - strlen (CROSSCHECK_PROJECT_SUFFIX)] = '\0';

  return g_steal_pointer (&base);
}

static void
update_title (CrosscheckWindow *self)
{
  GFile *file = crosscheck_project_get_file (self->project);
  gboolean dirty = crosscheck_project_get_dirty (self->project);
  guint n_docs = g_list_model_get_n_items (crosscheck_project_get_documents (self->project));
  guint n_spans = g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (self->project)));
  guint n_links = g_list_model_get_n_items (crosscheck_project_get_links (self->project));
  g_autofree char *name = project_name (self);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *docs = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *links = NULL;
  g_autofree char *subtitle = NULL;

  /* The bullet marks unsaved changes, as GNOME Text Editor does. */
  title = dirty ? g_strdup_printf ("• %s", name) : g_strdup (name);
  docs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_docs), n_docs);
  spans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", n_spans), n_spans);
  links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n_links), n_links);
  subtitle = g_strdup_printf ("%s · %s · %s", docs, spans, links);

  adw_window_title_set_title (self->window_title, n_docs > 0 || file ? title : "Crosscheck");
  adw_window_title_set_subtitle (self->window_title, n_docs > 0 ? subtitle : "");

  window_title = g_strdup_printf ("Crosscheck — %s", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  gtk_stack_set_visible_child_name (self->main_stack, n_docs > 0 ? "columns"
                                                    : self->n_opening > 0 && self->loading_id == 0 ? "loading"
                                                    : "empty");
  gtk_spinner_set_spinning (self->loading_spinner,
                            g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "loading"));
  /* Nothing to find and no labels to show before articles are open. */
  gtk_widget_set_visible (self->find_button, n_docs > 0);
  gtk_widget_set_visible (self->sidebar_button, n_docs > 0);
  _crosscheck_window_update_actions (self);
}

static gboolean
update_title_idle (gpointer data)
{
  CrosscheckWindow *self = data;

  self->title_source = 0;
  update_title (self);

  return G_SOURCE_REMOVE;
}

/* Span and link counts change once per span: closing an article with
 * 50,000 spans updates the title once, not 50,000 times. */
static void
queue_update_title (CrosscheckWindow *self)
{
  if (self->title_source == 0)
    self->title_source = g_idle_add (update_title_idle, self);
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                   */

CrosscheckColumn *
_crosscheck_window_find_column (CrosscheckWindow   *self,
                                CrosscheckDocument *document)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      CrosscheckColumn *column = g_ptr_array_index (self->columns, i);

      if (crosscheck_column_get_document (column) == document)
        return column;
    }

  return NULL;
}

void
_crosscheck_window_focus_column (CrosscheckWindow *self,
                                 CrosscheckColumn *column)
{
  if (column == NULL)
    return;

  self->focused_column = column;
  gtk_widget_grab_focus (GTK_WIDGET (crosscheck_column_get_text_view (column)));
}

static void
on_text_view_focus_enter (GtkEventControllerFocus *controller,
                          CrosscheckWindow        *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *column = gtk_widget_get_ancestor (view, CROSSCHECK_TYPE_COLUMN);

  self->focused_column = CROSSCHECK_COLUMN (column);
  _crosscheck_window_update_actions (self);
}

static void
on_selected_span_changed (CrosscheckTextView *view,
                          GParamSpec         *pspec,
                          CrosscheckWindow   *self)
{
  CrosscheckSpan *span = crosscheck_text_view_get_selected_span (view);

  if (span != NULL)
    crosscheck_window_select_span (self, span);
  else if (self->selected != NULL &&
           crosscheck_span_get_document (self->selected) == crosscheck_text_view_get_document (view))
    {
      self->selected = NULL;
      _crosscheck_window_update_link_layer (self);
      _crosscheck_window_update_actions (self);
    }
}

static void
close_document (CrosscheckWindow   *self,
                CrosscheckDocument *document)
{
  guint n = crosscheck_span_list_get_document_count (crosscheck_project_get_spans (self->project), document);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!crosscheck_project_remove_document (self->project, document, &error))
    {
      _crosscheck_window_toast (self, error->message);
      return;
    }

  message = n > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "Closed the article and its %u span. Press Ctrl+Z to undo.",
                                    "Closed the article and its %u spans. Press Ctrl+Z to undo.", n), n)
    : g_strdup (_("Closed the article. Press Ctrl+Z to undo."));
  _crosscheck_window_toast (self, message);
}

static void
on_close_document_response (AdwMessageDialog *dialog,
                            const char       *response,
                            CrosscheckWindow *self)
{
  CrosscheckDocument *document = g_object_get_data (G_OBJECT (dialog), "document");

  if (g_str_equal (response, "close") &&
      crosscheck_project_lookup_document (self->project, crosscheck_document_get_id (document)) == document)
    close_document (self, document);
}

static void
on_column_close_requested (CrosscheckColumn *column,
                           CrosscheckWindow *self)
{
  CrosscheckDocument *document = crosscheck_column_get_document (column);
  guint n = crosscheck_span_list_get_document_count (crosscheck_project_get_spans (self->project), document);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n == 0)
    {
      close_document (self, document);
      return;
    }

  /* Closing takes the article's spans and their links with it: ask, even
   * though Ctrl+Z brings them back. */
  heading = g_strdup_printf (_("Close “%s”?"), crosscheck_document_get_title (document));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u span is removed from the project with it. You can undo this.",
                                       "Its %u spans are removed from the project with it. You can undo this.",
                                       n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose Article"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_document_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_column_move_requested (CrosscheckColumn *column,
                          int               delta,
                          CrosscheckWindow *self)
{
  guint position;
  guint target;

  if (!g_ptr_array_find (self->columns, column, &position))
    return;

  target = (guint) CLAMP ((int) position + delta, 0, (int) self->columns->len - 1);
  if (target == position)
    return;

  g_ptr_array_steal_index (self->columns, position);
  g_ptr_array_insert (self->columns, target, column);
  gtk_box_reorder_child_after (self->columns_box, GTK_WIDGET (column),
                               target > 0 ? g_ptr_array_index (self->columns, target - 1) : NULL);
  _crosscheck_window_focus_column (self, column);
}

static guint
document_position (CrosscheckWindow   *self,
                   CrosscheckDocument *document)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (crosscheck_project_get_documents (self->project)), document, &position);
  return position;
}

/* Adds a column for @document before the first column whose document comes
 * after it in the project, so an article brought back by undo returns to
 * its place. */
static CrosscheckColumn *
add_column (CrosscheckWindow   *self,
            CrosscheckDocument *document)
{
  CrosscheckColumn *column = crosscheck_column_new (self->project, document);
  CrosscheckTextView *view = crosscheck_column_get_text_view (column);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  guint mine = document_position (self, document);
  guint index = self->columns->len;

  g_signal_connect (focus, "enter", G_CALLBACK (on_text_view_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (view), focus);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "value-changed",
                           G_CALLBACK (gtk_widget_queue_draw), self->link_layer, G_CONNECT_SWAPPED);
  g_signal_connect (view, "notify::selected-span", G_CALLBACK (on_selected_span_changed), self);
  g_signal_connect (view, "notify::hover-span", G_CALLBACK (on_hover_span_changed), self);
  g_signal_connect (column, "close-requested", G_CALLBACK (on_column_close_requested), self);
  g_signal_connect (column, "move-requested", G_CALLBACK (on_column_move_requested), self);

  for (guint i = 0; i < self->columns->len; i++)
    {
      CrosscheckColumn *other = g_ptr_array_index (self->columns, i);

      if (document_position (self, crosscheck_column_get_document (other)) > mine)
        {
          index = i;
          break;
        }
    }

  /* The lines between columns are borders in style.css. */
  gtk_box_insert_child_after (self->columns_box, GTK_WIDGET (column),
                              index > 0 ? g_ptr_array_index (self->columns, index - 1) : NULL);
  g_ptr_array_insert (self->columns, index, column);

  return column;
}

static void
remove_column (CrosscheckWindow *self,
               CrosscheckColumn *column)
{
  if (self->focused_column == column)
    self->focused_column = NULL;
  if (self->hovered != NULL &&
      crosscheck_span_get_document (self->hovered) == crosscheck_column_get_document (column))
    self->hovered = NULL;
  if (self->selected != NULL &&
      crosscheck_span_get_document (self->selected) == crosscheck_column_get_document (column))
    self->selected = NULL;

  g_ptr_array_remove (self->columns, column);
  gtk_box_remove (self->columns_box, GTK_WIDGET (column));
}

/* Makes the columns match the project's documents: new documents get a
 * column at the end, removed ones lose theirs; the editor's order of the
 * others is kept. */
static void
sync_columns (CrosscheckWindow *self)
{
  GListModel *documents = crosscheck_project_get_documents (self->project);
  guint n = g_list_model_get_n_items (documents);
  CrosscheckColumn *added = NULL;

  for (guint i = self->columns->len; i > 0; i--)
    {
      CrosscheckColumn *column = g_ptr_array_index (self->columns, i - 1);
      guint position;

      if (!g_list_store_find (G_LIST_STORE (documents), crosscheck_column_get_document (column), &position))
        remove_column (self, column);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, i);

      if (_crosscheck_window_find_column (self, document) == NULL)
        {
          CrosscheckColumn *column = add_column (self, document);

          if (added == NULL)
            added = column;
        }
    }

  /* Shows the columns page, which must be visible before a column can
   * take the focus. */
  update_title (self);

  if (added != NULL || (self->focused_column == NULL && self->columns->len > 0))
    _crosscheck_window_focus_column (self, added ? added : g_ptr_array_index (self->columns, 0));

  if (added != NULL)
    queue_debug_locate (self);
}

/* ------------------------------------------------------------------------ */

static void
save_window_state (CrosscheckWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
close_after_dialog (gpointer data)
{
  CrosscheckWindow *self = data;

  if (g_object_get_data (G_OBJECT (self), "close-response-save"))
    _crosscheck_window_save (self, FALSE, TRUE);
  else
    {
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }

  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   CrosscheckWindow *self)
{
  /* Act once the dialog is gone: it is transient for this window, which
   * must not be destroyed while the dialog still emits its response. */
  if (g_str_equal (response, "discard") || g_str_equal (response, "save"))
    {
      g_object_set_data (G_OBJECT (self), "close-response-save",
                         GINT_TO_POINTER (g_str_equal (response, "save")));
      g_idle_add_full (G_PRIORITY_DEFAULT, close_after_dialog, g_object_ref (self), g_object_unref);
    }
}

static gboolean
crosscheck_window_close_request (GtkWindow *window)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (self->closing_confirmed || !crosscheck_project_get_dirty (self->project))
    {
      /* A normal close: the work was saved or deliberately discarded. */
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      discard_recovery (self);
      save_window_state (self);
      return GTK_WINDOW_CLASS (crosscheck_window_parent_class)->close_request (window);
    }

  name = project_name (self);
  body = g_strdup_printf (_("“%s” has changes that are not saved. If you close without saving, "
                            "they are lost."), name);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
on_palette_label_activated (CrosscheckLabelPalette *palette,
                            CrosscheckLabel        *label,
                            CrosscheckWindow       *self)
{
  crosscheck_window_tag_selection (self, label);
}

static void
on_annotation_activated (CrosscheckAnnotationList *list,
                         CrosscheckSpan           *span,
                         CrosscheckWindow         *self)
{
  crosscheck_window_select_span (self, span);
}

static void
on_recent_activated (GtkListBox       *box,
                     GtkListBoxRow    *row,
                     CrosscheckWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  crosscheck_window_open_files (self, &file, 1);
}

static void
fill_recent_list (CrosscheckWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint shown = 0;

  for (GList *l = items; l != NULL && shown < 5; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) folder = NULL;
      g_autofree char *parent = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, CROSSCHECK_PROJECT_SUFFIX) || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      folder = g_file_get_parent (file);
      parent = g_file_get_parse_name (folder ? folder : file);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), parent);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  gtk_widget_set_visible (self->recent_heading, shown > 0);
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         CrosscheckWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);

  if (array->len == 0)
    return FALSE;

  crosscheck_window_open_files (self, (GFile **) array->pdata, array->len);
  return TRUE;
}

static void
crosscheck_window_dispose (GObject *object)
{
  CrosscheckWindow *self = (CrosscheckWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->title_source, g_source_remove);
  g_clear_handle_id (&self->loading_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_documents (self->project), self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_history (self->project), self);
    }

  if (self->shortcuts != NULL)
    gtk_window_destroy (self->shortcuts);
  g_clear_object (&self->shortcuts);
  gtk_widget_dispose_template (GTK_WIDGET (self), CROSSCHECK_TYPE_WINDOW);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->pending_from);
  g_clear_object (&self->pending_type);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->recovery);
  g_clear_pointer (&self->recovery_id, g_free);
  g_clear_pointer (&self->known_stamp, g_free);

  G_OBJECT_CLASS (crosscheck_window_parent_class)->dispose (object);
}

static void
crosscheck_window_class_init (CrosscheckWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crosscheck_window_dispose;
  window_class->close_request = crosscheck_window_close_request;

  g_type_ensure (CROSSCHECK_TYPE_LABEL_PALETTE);
  g_type_ensure (CROSSCHECK_TYPE_ANNOTATION_LIST);
  g_type_ensure (CROSSCHECK_TYPE_LINK_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crosscheck/Crosscheck/crosscheck-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, columns_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, columns_box);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, search_all_check);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, search_status);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, columns_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, link_bar);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckWindow, link_bar_label);

  _crosscheck_window_class_actions_init (widget_class);
}

/* Where @span is, for the link layer: its first line and the visible part
 * of its column, in the layer's coordinates. */
static gboolean
locate_span (CrosscheckSpan  *span,
             graphene_rect_t *area,
             graphene_rect_t *clip,
             gpointer         user_data)
{
  CrosscheckWindow *self = user_data;
  CrosscheckColumn *column = _crosscheck_window_find_column (self, crosscheck_span_get_document (span));
  GtkWidget *layer = GTK_WIDGET (self->link_layer);
  CrosscheckTextView *view;
  GtkWidget *scroller;
  graphene_rect_t layer_bounds;
  graphene_point_t origin;
  GdkRectangle r;

  if (column == NULL)
    return FALSE;

  view = crosscheck_column_get_text_view (column);
  scroller = gtk_widget_get_parent (GTK_WIDGET (view));
  if (!gtk_widget_compute_bounds (scroller, layer, clip))
    return FALSE;

  /* A column scrolled out sideways shows no links. */
  graphene_rect_init (&layer_bounds, 0, 0, gtk_widget_get_width (layer), gtk_widget_get_height (layer));
  if (!graphene_rect_intersection (clip, &layer_bounds, clip))
    return FALSE;

  crosscheck_text_view_get_range_area (view, crosscheck_span_get_start (span), crosscheck_span_get_end (span), &r);
  if (!gtk_widget_compute_point (GTK_WIDGET (view), layer, &GRAPHENE_POINT_INIT (r.x, r.y), &origin))
    return FALSE;
  graphene_rect_init (area, origin.x, origin.y, r.width, r.height);

  return TRUE;
}

/* The spans on screen in every column, for the link layer. */
static GPtrArray *
visible_spans (gpointer user_data)
{
  CrosscheckWindow *self = user_data;
  GPtrArray *spans = g_ptr_array_new ();

  for (guint i = 0; i < self->columns->len; i++)
    {
      CrosscheckTextView *view = crosscheck_column_get_text_view (g_ptr_array_index (self->columns, i));
      g_autoptr(GPtrArray) shown = crosscheck_text_view_get_visible_spans (view);

      g_ptr_array_extend (spans, shown, NULL, NULL);
    }

  return spans;
}

static void
on_hover_span_changed (CrosscheckTextView *view,
                       GParamSpec         *pspec,
                       CrosscheckWindow   *self)
{
  g_autoptr(CrosscheckSpan) span = NULL;

  /* Borrowed: the view keeps a reference as long as the pointer is there. */
  g_object_get (view, "hover-span", &span, NULL);
  self->hovered = span;
  _crosscheck_window_update_link_layer (self);
}

/* A click on a marker at a column's edge brings that end into view. */
static void
on_overlay_pressed (GtkGestureClick  *gesture,
                    int               n_press,
                    double            x,
                    double            y,
                    CrosscheckWindow *self)
{
  CrosscheckSpan *span = crosscheck_link_layer_get_marker_at (self->link_layer, x, y);

  if (span == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  crosscheck_window_select_span (self, span);
}

void
_crosscheck_window_update_link_layer (CrosscheckWindow *self)
{
  gtk_revealer_set_reveal_child (self->link_bar, self->pending_from != NULL);
  if (self->pending_from != NULL)
    {
      const char *to = self->selected && self->selected != self->pending_from
                       ? crosscheck_span_get_text (self->selected) : NULL;
      g_autofree char *markup = NULL;

      if (to != NULL)
        markup = g_markup_printf_escaped (_("<b>%s</b> “%s” → “%s”. Enter links them; Tab changes the "
                                            "type; Escape cancels."),
                                          crosscheck_label_get_name (self->pending_type),
                                          crosscheck_span_get_text (self->pending_from), to);
      else
        markup = g_markup_printf_escaped (_("<b>%s</b> from “%s”: pick the other span with ] and [, "
                                            "F6 for other articles, or a click. Tab changes the type."),
                                          crosscheck_label_get_name (self->pending_type),
                                          crosscheck_span_get_text (self->pending_from));
      gtk_label_set_markup (self->link_bar_label, markup);
    }

  crosscheck_link_layer_set_highlight (self->link_layer, self->hovered ? self->hovered : self->selected, NULL);
  crosscheck_link_layer_set_pending (self->link_layer, self->pending_from,
                                     self->selected != self->pending_from ? self->selected : NULL,
                                     self->pending_type);
}

/* While a link is being made, Tab changes its type wherever the focus is;
 * otherwise Tab moves the focus as usual. */
static gboolean
on_window_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CrosscheckWindow      *self)
{
  if (self->pending_from != NULL && (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.cycle-link-type", NULL);

  return FALSE;
}

static void
on_flap_folded (CrosscheckWindow *self)
{
  /* Folded, the sidebar would cover the articles: it opens on demand (F9). */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_flap_revealed (CrosscheckWindow *self)
{
  /* Remember the editor's choice, not the hiding that folding does. */
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "show-sidebar", adw_flap_get_reveal_flap (self->flap));
}

static void
on_search_activate (CrosscheckWindow *self)
{
  _crosscheck_window_find (self, FALSE);
}

static void
on_search_previous (CrosscheckWindow *self)
{
  _crosscheck_window_find (self, TRUE);
}

static void
on_search_stop (CrosscheckWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  _crosscheck_window_focus_column (self, self->focused_column);
}

static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CrosscheckWindow      *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      _crosscheck_window_find (self, TRUE);
      return TRUE;
    }

  return FALSE;
}

static void
crosscheck_window_init (CrosscheckWindow *self)
{
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->recovery = crosscheck_recovery_new (NULL);
  self->columns = g_ptr_array_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "show-sidebar", self->flap, "reveal-flap", G_SETTINGS_BIND_GET);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (on_flap_folded), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_revealed), self);

  self->link_layer = CROSSCHECK_LINK_LAYER (crosscheck_link_layer_new ());
  crosscheck_link_layer_set_locator (self->link_layer, locate_span, self);
  crosscheck_link_layer_set_visible_spans (self->link_layer, visible_spans, self);
  gtk_overlay_add_overlay (self->columns_overlay, GTK_WIDGET (self->link_layer));
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "pressed", G_CALLBACK (on_overlay_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->columns_overlay), GTK_EVENT_CONTROLLER (click));
  }
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->columns_scroller), "value-changed",
                           G_CALLBACK (gtk_widget_queue_draw), self->link_layer, G_CONNECT_SWAPPED);

  self->palette = crosscheck_label_palette_new ();
  adw_view_stack_add_titled_with_icon (self->sidebar_stack, GTK_WIDGET (self->palette), "labels",
                                       _("Labels"), "crosscheck-label-symbolic");
  g_signal_connect (self->palette, "label-activated", G_CALLBACK (on_palette_label_activated), self);

  self->annotation_list = crosscheck_annotation_list_new ();
  adw_view_stack_add_titled_with_icon (self->sidebar_stack, GTK_WIDGET (self->annotation_list),
                                       "annotations", _("Annotations"), "view-list-symbolic");
  g_signal_connect (self->annotation_list, "span-activated", G_CALLBACK (on_annotation_activated), self);

  self->link_list = crosscheck_link_list_new ();
  adw_view_stack_add_titled_with_icon (self->sidebar_stack, GTK_WIDGET (self->link_list),
                                       "links", _("Links"), "insert-link-symbolic");
  g_signal_connect_swapped (self->link_list, "link-activated", G_CALLBACK (_crosscheck_window_show_link), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_entry, "next-match", G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_entry, "previous-match", G_CALLBACK (on_search_previous), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_search_stop), self);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (on_recent_activated), self);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_window_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  /* Articles and projects dropped on the window open as if chosen. */
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  fill_recent_list (self);

  crosscheck_window_set_project (self, NULL);
}

/**
 * crosscheck_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a new window with an empty project
 */
CrosscheckWindow *
crosscheck_window_new (GtkApplication *application)
{
  return g_object_new (CROSSCHECK_TYPE_WINDOW, "application", application, NULL);
}

/**
 * crosscheck_window_get_project:
 * @self: a #CrosscheckWindow
 *
 * Returns: (transfer none): the project shown
 */
CrosscheckProject *
crosscheck_window_get_project (CrosscheckWindow *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_WINDOW (self), NULL);

  return self->project;
}

/**
 * crosscheck_window_is_empty:
 * @self: a #CrosscheckWindow
 *
 * Returns: %TRUE if the window shows nothing worth keeping, so a project
 *   may be opened in it
 */
gboolean
crosscheck_window_is_empty (CrosscheckWindow *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_WINDOW (self), FALSE);

  return g_list_model_get_n_items (crosscheck_project_get_documents (self->project)) == 0 &&
         !crosscheck_project_get_dirty (self->project) &&
         crosscheck_project_get_file (self->project) == NULL;
}

static void
on_annotator_changed (CrosscheckWindow *self)
{
  g_autofree char *annotator = g_settings_get_string (self->settings, "annotator");

  crosscheck_project_set_annotator (self->project, annotator);
}

/**
 * crosscheck_window_set_project:
 * @self: a #CrosscheckWindow
 * @project: (nullable): the project to show, or %NULL for a new one
 *
 * Shows @project instead of the current one, which is dropped.
 */
void
crosscheck_window_set_project (CrosscheckWindow  *self,
                               CrosscheckProject *project)
{
  g_return_if_fail (CROSSCHECK_IS_WINDOW (self));

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_documents (self->project), self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_history (self->project), self);
    }
  while (self->columns->len > 0)
    remove_column (self, g_ptr_array_index (self->columns, self->columns->len - 1));

  /* The previous project's copy goes with it; the new one gets its own. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  discard_recovery (self);
  g_clear_pointer (&self->recovery_id, g_free);
  self->selected = NULL;
  self->hovered = NULL;
  self->focused_column = NULL;

  g_clear_object (&self->project);
  self->project = project ? g_object_ref (project) : crosscheck_project_new ();
  on_annotator_changed (self);
  g_signal_connect_object (self->settings, "changed::annotator", G_CALLBACK (on_annotator_changed),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (crosscheck_project_get_documents (self->project), "items-changed",
                            G_CALLBACK (sync_columns), self);
  g_signal_connect_swapped (self->project, "notify::dirty", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->project, "notify::file", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->project, "span-changed", G_CALLBACK (queue_update_title), self);
  g_signal_connect_swapped (self->project, "link-changed", G_CALLBACK (queue_update_title), self);
  g_signal_connect_swapped (crosscheck_project_get_history (self->project), "notify",
                            G_CALLBACK (_crosscheck_window_update_actions), self);
  g_signal_connect_swapped (crosscheck_project_get_history (self->project), "changed",
                            G_CALLBACK (schedule_autosave), self);
  g_signal_connect_swapped (self->project, "notify::dirty", G_CALLBACK (on_dirty_changed), self);
  g_signal_connect_swapped (self->project, "span-changed", G_CALLBACK (on_span_removed), self);
  _crosscheck_window_watch_file (self);

  crosscheck_label_palette_set_project (self->palette, self->project);
  crosscheck_link_layer_set_project (self->link_layer, self->project);
  g_clear_object (&self->pending_from);
  g_clear_object (&self->pending_type);
  crosscheck_annotation_list_set_project (self->annotation_list, self->project);
  crosscheck_link_list_set_project (self->link_list, self->project);

  sync_columns (self);
}

guint
crosscheck_window_get_n_columns (CrosscheckWindow *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_WINDOW (self), 0);

  return self->columns->len;
}

/**
 * crosscheck_window_get_column:
 * @self: a #CrosscheckWindow
 * @position: a place from the left
 *
 * Returns: (transfer none) (nullable): the column at @position
 */
CrosscheckColumn *
crosscheck_window_get_column (CrosscheckWindow *self,
                              guint             position)
{
  g_return_val_if_fail (CROSSCHECK_IS_WINDOW (self), NULL);

  return position < self->columns->len ? g_ptr_array_index (self->columns, position) : NULL;
}

/**
 * crosscheck_window_get_focused_column:
 * @self: a #CrosscheckWindow
 *
 * Returns: (transfer none) (nullable): the column the editor works in
 */
CrosscheckColumn *
crosscheck_window_get_focused_column (CrosscheckWindow *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_WINDOW (self), NULL);

  return self->focused_column;
}

/**
 * crosscheck_window_get_selected_span:
 * @self: a #CrosscheckWindow
 *
 * Returns: (transfer none) (nullable): the selected span
 */
CrosscheckSpan *
crosscheck_window_get_selected_span (CrosscheckWindow *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_WINDOW (self), NULL);

  return self->selected;
}

/**
 * crosscheck_window_select_span:
 * @self: a #CrosscheckWindow
 * @span: (nullable): a span of the project, or %NULL
 *
 * Selects @span, deselecting any other, scrolls its column to it and gives
 * that column the focus.
 */
void
crosscheck_window_select_span (CrosscheckWindow *self,
                               CrosscheckSpan   *span)
{
  CrosscheckColumn *column = NULL;

  g_return_if_fail (CROSSCHECK_IS_WINDOW (self));

  if (span != NULL)
    column = _crosscheck_window_find_column (self, crosscheck_span_get_document (span));

  self->selected = column ? span : NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      CrosscheckColumn *c = g_ptr_array_index (self->columns, i);
      CrosscheckTextView *view = crosscheck_column_get_text_view (c);

      g_signal_handlers_block_by_func (view, on_selected_span_changed, self);
      crosscheck_text_view_set_selected_span (view, c == column ? span : NULL);
      g_signal_handlers_unblock_by_func (view, on_selected_span_changed, self);
    }

  if (column != NULL)
    {
      CrosscheckTextView *view = crosscheck_column_get_text_view (column);
      guint start, end;

      /* Keep a text selection the editor is making; otherwise put the
       * caret on the span so that ] and [ continue from it. */
      if (!crosscheck_text_view_get_selection (view, &start, &end))
        crosscheck_text_view_scroll_to_offset (view, crosscheck_span_get_start (span));
      if (!gtk_widget_has_focus (GTK_WIDGET (view)))
        _crosscheck_window_focus_column (self, column);
    }

  crosscheck_annotation_list_set_selected (self->annotation_list, self->selected);
  _crosscheck_window_update_link_layer (self);
  _crosscheck_window_update_actions (self);
}

/**
 * crosscheck_window_tag_selection:
 * @self: a #CrosscheckWindow
 * @label: a span label
 *
 * Tags the text selected in the focused column with @label, trimmed and
 * (if the preference says so) grown to whole words. Without a text
 * selection, relabels the selected span if it is in that column, or else
 * tags the sentence at the caret (claims) or the word (entities). Tells the
 * editor why when none is possible.
 *
 * Returns: %TRUE if the project changed
 */
gboolean
crosscheck_window_tag_selection (CrosscheckWindow *self,
                                 CrosscheckLabel  *label)
{
  g_autoptr(GError) error = NULL;
  CrosscheckTextView *view;
  CrosscheckSpan *span;
  guint start, end;

  g_return_val_if_fail (CROSSCHECK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (label), FALSE);

  view = self->focused_column ? crosscheck_column_get_text_view (self->focused_column) : NULL;

  if (view != NULL && crosscheck_text_view_get_selection (view, &start, &end))
    {
      CrosscheckDocument *document = crosscheck_text_view_get_document (view);

      if (!crosscheck_document_snap_range (document, g_settings_get_boolean (self->settings, "snap-to-words"),
                                           &start, &end))
        {
          _crosscheck_window_toast (self, _("The selection is only white space: select some words to tag."));
          return FALSE;
        }

      span = crosscheck_project_add_span (self->project, document, start, end, label, &error);
      if (span == NULL)
        {
          _crosscheck_window_toast (self, error->message);
          return FALSE;
        }

      crosscheck_text_view_scroll_to_offset (view, end);
      crosscheck_window_select_span (self, span);
      return TRUE;
    }

  /* A selected span in the article being worked in takes the new label. */
  if (self->selected != NULL &&
      (view == NULL || crosscheck_span_get_document (self->selected) == crosscheck_text_view_get_document (view)))
    {
      if (!crosscheck_project_relabel_span (self->project, self->selected, label, &error))
        {
          _crosscheck_window_toast (self, error->message);
          return FALSE;
        }
      return TRUE;
    }

  /* Nothing selected: a claim key tags the sentence at the caret, an entity
   * key the word, so that the keyboard alone tags in a few presses. */
  if (view != NULL)
    {
      CrosscheckDocument *document = crosscheck_text_view_get_document (view);

      if (crosscheck_document_unit_at (document, crosscheck_text_view_get_cursor_offset (view),
                                       crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_CLAIM,
                                       &start, &end))
        {
          span = crosscheck_project_add_span (self->project, document, start, end, label, &error);
          if (span == NULL)
            {
              _crosscheck_window_toast (self, error->message);
              return FALSE;
            }

          crosscheck_text_view_scroll_to_offset (view, end);
          crosscheck_window_select_span (self, span);
          return TRUE;
        }
    }

  _crosscheck_window_toast (self, _("Select some text in an article first, then press a label’s key."));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Autosave                                                                  */

/* A few seconds after a change, unsaved work is copied to a recovery file
 * (never over the editor's own file), in a worker thread so typing never
 * waits. The entry goes once the project is saved or the window closed
 * normally; one left behind is offered back at the next start. */

static void
discard_recovery (CrosscheckWindow *self)
{
  if (self->recovery_id != NULL)
    crosscheck_recovery_discard (self->recovery, self->recovery_id);
}

typedef struct
{
  CrosscheckWindow *self;  /* owned */
  char             *id;
} AutosaveJob;

static void
autosave_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AutosaveJob *job = user_data;
  CrosscheckWindow *self = job->self;
  g_autoptr(GError) error = NULL;

  if (!crosscheck_recovery_save_finish (CROSSCHECK_RECOVERY (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep a recovery copy: %s. Save your work."),
                                                  error->message);

      _crosscheck_window_toast (self, message);
    }

  /* While the copy was written the work may have been saved, closed or
   * replaced by another project: then the copy must not outlive it. */
  if (self->project == NULL || !crosscheck_project_get_dirty (self->project) ||
      g_strcmp0 (self->recovery_id, job->id) != 0)
    crosscheck_recovery_discard (CROSSCHECK_RECOVERY (source), job->id);

  g_object_unref (job->self);
  g_free (job->id);
  g_free (job);
}

/**
 * crosscheck_window_autosave_now:
 * @self: a #CrosscheckWindow
 *
 * Copies unsaved work to this window's recovery entry now.
 */
void
crosscheck_window_autosave_now (CrosscheckWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  AutosaveJob *job;

  g_return_if_fail (CROSSCHECK_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (!crosscheck_project_get_dirty (self->project))
    {
      discard_recovery (self);
      return;
    }

  if (self->recovery_id == NULL)
    self->recovery_id = crosscheck_recovery_new_id ();

  bytes = crosscheck_project_serialize (self->project);
  name = project_name (self);
  job = g_new0 (AutosaveJob, 1);
  job->self = g_object_ref (self);
  job->id = g_strdup (self->recovery_id);
  crosscheck_recovery_save_async (self->recovery, self->recovery_id, bytes, name,
                                  crosscheck_project_get_file (self->project),
                                  self->cancellable, autosave_done, job);
}

static gboolean
autosave_timeout (gpointer data)
{
  CrosscheckWindow *self = data;

  self->autosave_source = 0;
  crosscheck_window_autosave_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (CrosscheckWindow *self)
{
  guint interval = g_settings_get_uint (self->settings, "autosave-interval");

  /* The first change starts the clock; later ones ride along, so that
   * continuous work is still copied every interval. */
  if (interval == 0 || self->autosave_source != 0)
    return;

  /* No reference: dispose removes the source, so it never outlives us. */
  self->autosave_source = g_timeout_add_seconds (interval, autosave_timeout, self);
}

/* A span being linked from went away (deleted, undone, its article
 * closed): the link being made goes with it. */
static void
on_span_removed (CrosscheckWindow *self,
                 CrosscheckSpan   *span,
                 CrosscheckChange  change)
{
  if (change == CROSSCHECK_CHANGE_REMOVED && span == self->pending_from)
    _crosscheck_window_cancel_link (self);
}

static void
on_dirty_changed (CrosscheckWindow *self)
{
  if (!crosscheck_project_get_dirty (self->project))
    discard_recovery (self);
}

/**
 * crosscheck_window_adopt_recovery:
 * @self: a #CrosscheckWindow
 * @id: a recovery entry restored into this window
 *
 * Makes later autosaves replace @id rather than start a new entry.
 */
void
crosscheck_window_adopt_recovery (CrosscheckWindow *self,
                                  const char       *id)
{
  g_return_if_fail (CROSSCHECK_IS_WINDOW (self));

  crosscheck_set_str (&self->recovery_id, id);
}

/* ------------------------------------------------------------------------ */
/* The project's file, changed by someone else                               */

static char *
file_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%u/%" G_GOFFSET_FORMAT,
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                          g_file_info_get_size (info));
}

/**
 * _crosscheck_window_file_changed:
 * @self: a #CrosscheckWindow
 *
 * Returns: %TRUE if the project's file is not as this window last read
 *   or wrote it (changed, replaced or removed by someone else)
 */
gboolean
_crosscheck_window_file_changed (CrosscheckWindow *self)
{
  GFile *file = crosscheck_project_get_file (self->project);
  g_autofree char *stamp = NULL;

  if (file == NULL || self->known_stamp == NULL)
    return FALSE;

  stamp = file_stamp (file);
  return g_strcmp0 (stamp, self->known_stamp) != 0;
}

static void
on_reload_response (AdwMessageDialog *dialog,
                    const char       *response,
                    CrosscheckWindow *self)
{
  GFile *file = crosscheck_project_get_file (self->project);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (self), "reload-dialog", NULL);

  if (!g_str_equal (response, "reload") || file == NULL)
    return;

  project = crosscheck_project_load_from_file (file, NULL, NULL, &error);
  if (project == NULL && g_error_matches (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED))
    {
      CrosscheckReanchor *report = NULL;

      /* The other program edited articles' text: offer to re-anchor, here. */
      project = crosscheck_project_reanchor_from_file (file, NULL, &report, NULL, NULL);
      if (project != NULL)
        {
          g_object_set_data_full (G_OBJECT (project), "reanchor", report, g_object_unref);
          offer_reanchor (self, project, TRUE);
          return;
        }
      g_clear_object (&report);
    }
  if (project == NULL)
    {
      _crosscheck_window_show_error (self, _("Could Not Reload the Project"), error->message);
      return;
    }

  crosscheck_window_set_project (self, project);
}

static void
on_file_monitor_changed (GFileMonitor      *monitor,
                         GFile             *file,
                         GFile             *other,
                         GFileMonitorEvent  event,
                         CrosscheckWindow  *self)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_CREATED && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;

  /* Our own saves leave the stamp we know; ask once at a time. */
  if (!_crosscheck_window_file_changed (self) || g_object_get_data (G_OBJECT (self), "reload-dialog"))
    return;

  name = project_name (self);
  body = crosscheck_project_get_dirty (self->project)
    ? g_strdup_printf (_("Another program changed “%s”. Reload it to see its version — your unsaved "
                         "changes here are then lost — or keep yours; saving asks before replacing it."),
                       name)
    : g_strdup_printf (_("Another program changed “%s”. Reload it to see its version, or keep the one "
                         "shown here."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Project Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              crosscheck_project_get_dirty (self->project)
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (self), "reload-dialog", dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _crosscheck_window_watch_file:
 * @self: a #CrosscheckWindow
 *
 * Remembers the project's file as it is now (just loaded or saved) and
 * watches it for changes made by others.
 */
void
_crosscheck_window_watch_file (CrosscheckWindow *self)
{
  GFile *file = crosscheck_project_get_file (self->project);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->known_stamp, g_free);

  if (file == NULL)
    return;

  self->known_stamp = file_stamp (file);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_monitor_changed), self);
}

/* ------------------------------------------------------------------------ */
/* Test support                                                              */

/* With CROSSCHECK_DEBUG_LOCATE="d1:some phrase|d3:another" in the
 * environment, the window prints where those phrases are on screen, so that
 * end-to-end tests can drag over them with xdotool like an editor:
 *   LOCATE d1 X0 Y0 X1 Y1   (start and end, mid-line, in X window coordinates)
 * followed by READY once the columns are laid out. Nothing happens without
 * the variable. */
static gboolean
debug_locate (gpointer data)
{
  CrosscheckWindow *self = data;
  const char *spec = g_getenv ("CROSSCHECK_DEBUG_LOCATE");
  g_auto(GStrv) requests = g_strsplit (spec ? spec : "", "|", -1);
  double sx, sy;

  gtk_native_get_surface_transform (GTK_NATIVE (self), &sx, &sy);

  for (guint i = 0; requests[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (requests[i], ":", 2);
      CrosscheckDocument *document;
      CrosscheckColumn *column;
      CrosscheckTextView *view;
      const char *text, *hit;
      GtkTextIter a, b;
      GdkRectangle ra, rb;
      graphene_point_t pa, pb;
      int wx, wy;
      guint start;

      if (g_strv_length (parts) != 2)
        continue;
      document = crosscheck_project_lookup_document (self->project, parts[0]);
      column = document ? _crosscheck_window_find_column (self, document) : NULL;
      if (column == NULL)
        continue;

      view = crosscheck_column_get_text_view (column);
      text = crosscheck_document_get_text (document);
      hit = strstr (text, parts[1]);
      if (hit == NULL)
        continue;

      start = crosscheck_document_byte_to_offset (document, hit - text);
      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &a, start);
      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &b,
                                          start + g_utf8_strlen (parts[1], -1));
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &a, &ra);
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &b, &rb);

      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                             ra.x, ra.y + ra.height / 2, &wx, &wy);
      if (!gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self),
                                     &GRAPHENE_POINT_INIT (wx, wy), &pa))
        continue;
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                             rb.x, rb.y + rb.height / 2, &wx, &wy);
      if (!gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self),
                                     &GRAPHENE_POINT_INIT (wx, wy), &pb))
        continue;

      g_printerr ("LOCATE %s %d %d %d %d\n", parts[0],
                  (int) (pa.x + sx + 1), (int) (pa.y + sy), (int) (pb.x + sx - 1), (int) (pb.y + sy));
    }

  g_printerr ("READY\n");

  return G_SOURCE_REMOVE;
}

static void
queue_debug_locate (CrosscheckWindow *self)
{
  if (g_getenv ("CROSSCHECK_DEBUG_LOCATE") != NULL && self->columns->len > 0)
    g_timeout_add_full (G_PRIORITY_LOW, 700, debug_locate, g_object_ref (self), g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                   */

typedef struct
{
  GPtrArray *files;      /* GFile */
  GPtrArray *documents;  /* CrosscheckDocument, or NULL where it failed */
  GPtrArray *projects;   /* CrosscheckProject */
  GPtrArray *changed;    /* CrosscheckProject, re-anchored, to offer (data "reanchor") */
  GPtrArray *errors;     /* char *: "name: message" */
  gboolean   async;      /* counted in the window's n_opening */
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_ptr_array_unref (job->files);
  g_ptr_array_unref (job->documents);
  g_ptr_array_unref (job->projects);
  g_ptr_array_unref (job->changed);
  g_ptr_array_unref (job->errors);
  g_free (job);
}

static void
open_files_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OpenJob *job = task_data;

  _crosscheck_debug_mark ("read-begin");
  for (guint i = 0; i < job->files->len; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;

      if (g_str_has_suffix (name, CROSSCHECK_PROJECT_SUFFIX))
        {
          gboolean preloaded;
          CrosscheckProject *project = _crosscheck_preload_take (file, &preloaded, &error);

          if (!preloaded)
            project = crosscheck_project_load_from_file (file, cancellable, NULL, &error);

          if (project != NULL)
            g_ptr_array_add (job->projects, project);
          else if (g_error_matches (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED))
            {
              /* Prepared here, offered there: nothing is used until the
               * editor agrees. */
              CrosscheckReanchor *report = NULL;

              project = crosscheck_project_reanchor_from_file (file, cancellable, &report, NULL, NULL);
              if (project != NULL)
                {
                  g_object_set_data_full (G_OBJECT (project), "reanchor", report, g_object_unref);
                  g_ptr_array_add (job->changed, project);
                  g_clear_error (&error);
                }
              else
                g_clear_object (&report);
            }
        }
      else
        {
          CrosscheckDocument *document = crosscheck_document_new_from_file (file, cancellable, &error);

          if (document != NULL)
            g_ptr_array_add (job->documents, document);
        }

      if (error != NULL)
        g_ptr_array_add (job->errors, g_strdup_printf ("%s: %s", name, error->message));
    }
  _crosscheck_debug_mark ("read-end");

  g_task_return_boolean (task, TRUE);
}

/* Shows @project in this window if it is empty, else in a new one. */
static CrosscheckWindow *
show_opened_project (CrosscheckWindow  *self,
                     CrosscheckProject *project)
{
  CrosscheckWindow *target = self;
  g_autofree char *uri = g_file_get_uri (crosscheck_project_get_file (project));

  if (!crosscheck_window_is_empty (self))
    {
      target = crosscheck_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  crosscheck_window_set_project (target, project);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);

  return target;
}

static void
on_reanchor_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CrosscheckWindow *self)
{
  CrosscheckProject *project = g_object_get_data (G_OBJECT (dialog), "project");
  CrosscheckReanchor *report = g_object_get_data (G_OBJECT (project), "reanchor");
  g_autofree char *summary = NULL;
  CrosscheckWindow *target;

  /* Cancel: the file is left as it is and nothing opens. */
  if (!g_str_equal (response, "reanchor"))
    return;

  if (g_object_get_data (G_OBJECT (dialog), "replace") != NULL)
    {
      /* Reloading: the project takes this window's place. */
      crosscheck_window_set_project (self, project);
      target = self;
    }
  else
    target = show_opened_project (self, project);
  summary = crosscheck_reanchor_summarize (report);
  _crosscheck_window_toast (target, summary);

  /* Flagged spans are where the editor finds them: the span list, filtered. */
  if (crosscheck_reanchor_count (report, CROSSCHECK_ANCHOR_AMBIGUOUS) +
      crosscheck_reanchor_count (report, CROSSCHECK_ANCHOR_MISSING) > 0)
    {
      adw_flap_set_reveal_flap (target->flap, TRUE);
      adw_view_stack_set_visible_child_name (target->sidebar_stack, "annotations");
      crosscheck_annotation_list_set_review_filter (target->annotation_list, TRUE);
    }
}

/* The project's articles changed after they were annotated: say what
 * re-anchoring would do and let the editor choose. */
static void
offer_reanchor (CrosscheckWindow  *self,
                CrosscheckProject *project,
                gboolean           replace)
{
  CrosscheckReanchor *report = g_object_get_data (G_OBJECT (project), "reanchor");
  g_autofree char *name = g_file_get_basename (crosscheck_project_get_file (project));
  g_autofree char *summary = crosscheck_reanchor_summarize (report);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("Some articles in “%s” were edited after they were annotated, so spans no "
                            "longer match their text. %s\n\nRe-anchoring moves each span to its quoted "
                            "text where that is found once. The others stay near their old place, marked "
                            "“Needs review” in the span list. Nothing is written until you save."),
                          name, summary);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Articles Changed Since They Were Annotated"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reanchor", _("_Re-anchor"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reanchor", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reanchor");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "project", g_object_ref (project), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "replace", GINT_TO_POINTER (replace));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reanchor_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_files_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CrosscheckWindow *self = CROSSCHECK_WINDOW (source);
  OpenJob *job = g_task_get_task_data (G_TASK (result));

  if (job->async && --self->n_opening == 0)
    {
      g_clear_handle_id (&self->loading_id, g_source_remove);
      update_title (self);
    }

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  _crosscheck_debug_mark ("show-begin");
  for (guint i = 0; i < job->projects->len; i++)
    show_opened_project (self, g_ptr_array_index (job->projects, i));
  _crosscheck_debug_mark ("show-end");

  for (guint i = 0; i < job->changed->len; i++)
    offer_reanchor (self, g_ptr_array_index (job->changed, i), FALSE);

  if (job->documents->len > 0)
    {
      CrosscheckHistory *history = crosscheck_project_get_history (self->project);

      crosscheck_history_begin (history, _("Add Articles"));
      for (guint i = 0; i < job->documents->len; i++)
        {
          CrosscheckDocument *document = g_ptr_array_index (job->documents, i);
          g_auto(GStrv) warnings = crosscheck_document_dup_warnings (document);
          g_autoptr(GError) error = NULL;

          if (!crosscheck_project_add_document (self->project, document, &error))
            g_ptr_array_add (job->errors, g_strdup_printf ("%s: %s", crosscheck_document_get_source (document),
                                                           error->message));
          for (guint j = 0; warnings[j] != NULL; j++)
            _crosscheck_window_toast (self, warnings[j]);
        }
      crosscheck_history_end (history);
    }

  if (job->errors->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could Not Open %u File",
                                                               "Could Not Open %u Files", job->errors->len),
                                                  job->errors->len);
      g_autoptr(GString) body = g_string_new (NULL);

      for (guint i = 0; i < job->errors->len; i++)
        g_string_append_printf (body, "%s%s", i > 0 ? "\n\n" : "", (char *) g_ptr_array_index (job->errors, i));
      g_string_append (body, _("\n\nNothing else was changed."));
      _crosscheck_window_show_error (self, heading, body->str);
    }
}

static void
show_loading (gpointer data)
{
  CrosscheckWindow *self = data;

  self->loading_id = 0;
  update_title (self);
}

/**
 * crosscheck_window_open_files:
 * @self: a #CrosscheckWindow
 * @files: (array length=n_files): articles and project files
 * @n_files: the number of files
 *
 * Reads the files in a worker thread, then adds the articles to this
 * window's project (as one undoable step) and opens each project file in
 * this window if it is empty, otherwise in a new one. Files that cannot be
 * read are listed in one message; nothing else changes because of them.
 */
void
crosscheck_window_open_files (CrosscheckWindow  *self,
                              GFile            **files,
                              guint              n_files)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (CROSSCHECK_IS_WINDOW (self));

  job = g_new0 (OpenJob, 1);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  job->documents = g_ptr_array_new_with_free_func (g_object_unref);
  job->projects = g_ptr_array_new_with_free_func (g_object_unref);
  job->changed = g_ptr_array_new_with_free_func (g_object_unref);
  job->errors = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));

  /* Everything was read ahead already (crosscheck-preload.c): the project
   * goes into the window now, before the window's first frame. */
  if (_crosscheck_preload_wait (files, n_files, 0))
    {
      task = g_task_new (self, self->cancellable, NULL, NULL);
      g_task_set_source_tag (task, crosscheck_window_open_files);
      g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
      g_task_run_in_thread_sync (task, open_files_thread);
      open_files_done (G_OBJECT (self), G_ASYNC_RESULT (task), NULL);
      return;
    }

  /* A read that takes longer than a moment shows what is being opened,
   * in a window that has nothing else to show yet. */
  job->async = TRUE;
  if (self->n_opening++ == 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < n_files; i++)
        {
          g_autofree char *name = g_file_get_basename (files[i]);

          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
      adw_status_page_set_description (self->loading_page, names->str);
      self->loading_id = g_timeout_add_once (LOADING_DELAY_MS, show_loading, self);
    }

  task = g_task_new (self, self->cancellable, open_files_done, NULL);
  g_task_set_source_tag (task, crosscheck_window_open_files);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, open_files_thread);
}
