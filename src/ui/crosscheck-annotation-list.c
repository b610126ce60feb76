/* crosscheck-annotation-list.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-annotation-list.h"
#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-label-palette.h"
#include "crosscheck-label.h"
#include "crosscheck-list-row.h"
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"

/* Every span of the project in file order, filtered by label, article and
 * text. It is a GtkListView over the project's own span list, so only the
 * rows on screen exist, even with 100,000 spans. */

struct _CrosscheckAnnotationList
{
  GtkBox              parent_instance;

  /* owned */
  CrosscheckProject  *project;
  CrosscheckLabel    *filter_label;
  CrosscheckDocument *filter_document;
  char               *filter_text;    /* case-folded */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkStringList      *label_names;
  GtkStringList      *document_names;

  /* borrowed */
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *label_dropdown;
  GtkDropDown        *document_dropdown;
  GtkLabel           *count_label;
  GtkToggleButton    *review_button;

  GHashTable         *flagged;   /* owned: the spans that need review */
  guint               syncing : 1;
  guint               filter_review : 1;  /* only spans that need review */
};

G_DEFINE_FINAL_TYPE (CrosscheckAnnotationList, crosscheck_annotation_list, GTK_TYPE_BOX)

enum {
  SPAN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CrosscheckAnnotationList *self = user_data;
  CrosscheckSpan *span = item;

  if (self->filter_label != NULL &&
      crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span)) != self->filter_label)
    return FALSE;

  if (self->filter_document != NULL && crosscheck_span_get_document (span) != self->filter_document)
    return FALSE;

  if (self->filter_review && crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (span)) == NULL)
    return FALSE;

  if (self->filter_text != NULL)
    {
      g_autofree char *folded = g_utf8_casefold (crosscheck_span_get_text (span), -1);

      if (strstr (folded, self->filter_text) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
update_review_button (CrosscheckAnnotationList *self)
{
  guint flagged;
  g_autofree char *review = NULL;

  if (self->flagged == NULL)   /* disposed */
    return;
  flagged = g_hash_table_size (self->flagged);

  /* The review filter is offered while some span needs review, or while
   * it is on (so that it can be turned off). */
  review = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Needs Review", "%u Need Review", flagged),
                            flagged);
  gtk_button_set_label (GTK_BUTTON (self->review_button), review);
  gtk_widget_set_visible (GTK_WIDGET (self->review_button), flagged > 0 || self->filter_review);
}

/* Keeps @span in the set of spans that need review exactly while it is in
 * the project and needs it: one look per change, not a count of them all. */
static gboolean
track_review (CrosscheckSpan *span,
              gpointer        user_data)
{
  CrosscheckAnnotationList *self = user_data;

  if (crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (span)) != NULL)
    g_hash_table_add (self->flagged, span);
  else
    g_hash_table_remove (self->flagged, span);

  return TRUE;
}

static void
update_count (CrosscheckAnnotationList *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = self->project ? g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (self->project))) : 0;
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", all), all);
  else
    text = g_strdup_printf (_("%u of %u spans"), shown, all);

  gtk_label_set_label (self->count_label, text);
  update_review_button (self);
}

static void
refilter (CrosscheckAnnotationList *self)
{
  /* Without a criterion the list is every span: no filter at all, so that
   * opening a project of 100,000 spans does not ask about each of them. */
  if (self->filter_label == NULL && self->filter_document == NULL && !self->filter_review &&
      self->filter_text == NULL)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  crosscheck_list_row_setup (item, 2);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  CrosscheckSpan *span = gtk_list_item_get_item (item);
  CrosscheckLabel *label = crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span));
  CrosscheckDocument *document = crosscheck_span_get_document (span);
  const char *note = crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (span));
  g_autofree char *caption = NULL;
  g_autofree char *accessible = NULL;

  caption = g_strdup_printf ("%s%s · %s%s%s",
                             crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (span)) ? _("Needs review · ") : "",
                             crosscheck_label_get_name (label),
                             crosscheck_document_get_id (document), *note ? " · " : "", note);
  accessible = g_strdup_printf (_("%s in %s: %s"), crosscheck_label_get_name (label),
                                crosscheck_document_get_title (document), crosscheck_span_get_text (span));
  crosscheck_list_row_bind (item, crosscheck_label_get_color (label), crosscheck_span_get_text (span),
                            caption, accessible);
}

static void
on_activate (GtkListView              *view,
             guint                     position,
             CrosscheckAnnotationList *self)
{
  g_autoptr(CrosscheckSpan) span = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (span != NULL)
    g_signal_emit (self, signals[SPAN_ACTIVATED], 0, span);
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                   */

static char *
label_name (gpointer item)
{
  return g_strdup (crosscheck_label_get_name (item));
}

/* A drop-down is as wide as its longest choice: keep titles short. */
static char *
document_name (gpointer item)
{
  CrosscheckDocument *document = item;
  const char *title = crosscheck_document_get_title (document);
  glong length = g_utf8_strlen (title, -1);
  /* GLib 2.74's g_utf8_substring() reads past the end of a shorter text. */
  g_autofree char *head = g_utf8_substring (title, 0, MIN (length, 17));

  return g_strdup_printf ("%s · %s%s", crosscheck_document_get_id (document), head,
                          length > 18 ? "…" : "");
}

static void
sync_choices (CrosscheckAnnotationList *self)
{
  if (self->project == NULL)
    return;

  /* Rows show labels' names and colours: bind them again. */
  gtk_filter_list_model_set_model (self->filtered, NULL);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (crosscheck_project_get_spans (self->project)));

  self->syncing = TRUE;
  g_clear_object (&self->filter_label);
  g_clear_object (&self->filter_document);
  crosscheck_list_fill_choices (self->label_names, _("All labels"),
                                crosscheck_project_get_labels (self->project), label_name);
  crosscheck_list_fill_choices (self->document_names, _("All articles"),
                                crosscheck_project_get_documents (self->project), document_name);
  gtk_drop_down_set_selected (self->label_dropdown, 0);
  gtk_drop_down_set_selected (self->document_dropdown, 0);
  self->syncing = FALSE;

  refilter (self);
}

static void
on_dropdown_changed (CrosscheckAnnotationList *self)
{
  if (self->syncing || self->project == NULL)
    return;

  g_clear_object (&self->filter_label);
  g_clear_object (&self->filter_document);
  self->filter_label = crosscheck_list_get_choice (self->label_dropdown,
                                                   crosscheck_project_get_labels (self->project));
  self->filter_document = crosscheck_list_get_choice (self->document_dropdown,
                                                      crosscheck_project_get_documents (self->project));

  refilter (self);
}

static void
on_review_toggled (CrosscheckAnnotationList *self)
{
  self->filter_review = gtk_toggle_button_get_active (self->review_button);
  refilter (self);
}

/* A span's review flag was cleared (or set again by undo). */
static void
on_span_changed (CrosscheckAnnotationList *self,
                 CrosscheckSpan           *span,
                 CrosscheckChange          change)
{
  if (change == CROSSCHECK_CHANGE_REMOVED)
    g_hash_table_remove (self->flagged, span);
  else
    track_review (span, self);

  if (change == CROSSCHECK_CHANGE_MODIFIED)
    refilter (self);
  else
    update_review_button (self);
}

static void
on_search_changed (CrosscheckAnnotationList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->filter_text, g_free);
  if (*text != '\0')
    self->filter_text = g_utf8_casefold (text, -1);

  refilter (self);
}

/* ------------------------------------------------------------------------ */

static void
crosscheck_annotation_list_dispose (GObject *object)
{
  CrosscheckAnnotationList *self = (CrosscheckAnnotationList *)object;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_labels (self->project), self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_documents (self->project), self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->flagged, g_hash_table_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->label_names);
  g_clear_object (&self->document_names);
  g_clear_object (&self->filter_label);
  g_clear_object (&self->filter_document);
  g_clear_object (&self->project);
  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (crosscheck_annotation_list_parent_class)->dispose (object);
}

static void
crosscheck_annotation_list_class_init (CrosscheckAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crosscheck_annotation_list_dispose;

  /**
   * CrosscheckAnnotationList::span-activated:
   * @span: the span
   *
   * The editor activated a span in the list.
   */
  signals[SPAN_ACTIVATED] =
    g_signal_new ("span-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CROSSCHECK_TYPE_SPAN);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "annotationlist");
}

static void
crosscheck_annotation_list_init (CrosscheckAnnotationList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dropdowns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *count_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->label_names = gtk_string_list_new (NULL);
  self->document_names = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->flagged = g_hash_table_new (NULL, NULL);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Filter by text"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter annotations by text"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);

  self->label_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->label_names)), NULL));
  self->document_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->document_names)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->label_dropdown), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->document_dropdown), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label_dropdown), _("Show only spans with this label"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_dropdown), _("Show only spans in this article"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label filter"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->document_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article filter"), -1);
  g_signal_connect_swapped (self->label_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self);
  g_signal_connect_swapped (self->document_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");

  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 12);
  gtk_widget_set_margin_bottom (filters, 6);
  gtk_box_append (GTK_BOX (dropdowns), GTK_WIDGET (self->label_dropdown));
  gtk_box_append (GTK_BOX (dropdowns), GTK_WIDGET (self->document_dropdown));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (filters), dropdowns);
  self->review_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->review_button),
                               _("Show only spans that could not be re-anchored with certainty after "
                                 "their article’s text changed"));
  gtk_widget_add_css_class (GTK_WIDGET (self->review_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->review_button), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->review_button), FALSE);
  g_signal_connect_swapped (self->review_button, "toggled", G_CALLBACK (on_review_toggled), self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_box_append (GTK_BOX (count_row), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (count_row), GTK_WIDGET (self->review_button));
  gtk_box_append (GTK_BOX (filters), count_row);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);

  self->filtered = gtk_filter_list_model_new (NULL, NULL);  /* no criterion yet: see refilter() */
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->list_view = crosscheck_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Annotations"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);

  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));

  gtk_box_append (GTK_BOX (self), filters);
  gtk_box_append (GTK_BOX (self), scroller);

  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_count), self);
}

CrosscheckAnnotationList *
crosscheck_annotation_list_new (void)
{
  return g_object_new (CROSSCHECK_TYPE_ANNOTATION_LIST, NULL);
}

/**
 * crosscheck_annotation_list_set_project:
 * @self: a #CrosscheckAnnotationList
 * @project: the project whose spans to list
 */
void
crosscheck_annotation_list_set_project (CrosscheckAnnotationList *self,
                                        CrosscheckProject        *project)
{
  g_return_if_fail (CROSSCHECK_IS_ANNOTATION_LIST (self));

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_labels (self->project), self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_documents (self->project), self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  g_set_object (&self->project, project);
  g_hash_table_remove_all (self->flagged);
  if (project != NULL)
    crosscheck_span_list_foreach (crosscheck_project_get_spans (project), track_review, self);

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (crosscheck_project_get_spans (project)));
  g_signal_connect_swapped (crosscheck_project_get_labels (project), "items-changed",
                            G_CALLBACK (sync_choices), self);
  g_signal_connect_swapped (crosscheck_project_get_documents (project), "items-changed",
                            G_CALLBACK (sync_choices), self);
  g_signal_connect_swapped (project, "span-changed", G_CALLBACK (on_span_changed), self);
  sync_choices (self);
}

/**
 * crosscheck_annotation_list_set_selected:
 * @self: a #CrosscheckAnnotationList
 * @span: (nullable): the span to highlight in the list
 */
void
crosscheck_annotation_list_set_selected (CrosscheckAnnotationList *self,
                                         CrosscheckSpan           *span)
{
  CrosscheckSpanList *spans;
  GListModel *model;
  guint target;
  guint lo = 0;
  guint hi;

  g_return_if_fail (CROSSCHECK_IS_ANNOTATION_LIST (self));

  model = G_LIST_MODEL (self->filtered);
  hi = g_list_model_get_n_items (model);
  spans = self->project ? crosscheck_project_get_spans (self->project) : NULL;
  target = span && spans ? crosscheck_span_list_get_position (spans, span) : G_MAXUINT;

  /* The filtered list keeps the project's order, so the span is found by
   * bisection on positions in the full list: O(log² n), not a scan of
   * 100,000 rows on every click. */
  while (target != G_MAXUINT && lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(CrosscheckSpan) item = g_list_model_get_item (model, mid);

      if (crosscheck_span_list_get_position (spans, item) < target)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (target != G_MAXUINT && lo < g_list_model_get_n_items (model))
    {
      g_autoptr(CrosscheckSpan) item = g_list_model_get_item (model, lo);

      if (item == span)
        {
          gtk_single_selection_set_selected (self->selection, lo);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/**
 * crosscheck_annotation_list_get_selected:
 * @self: a #CrosscheckAnnotationList
 *
 * Returns: (transfer none) (nullable): the span whose row is selected
 */
CrosscheckSpan *
crosscheck_annotation_list_get_selected (CrosscheckAnnotationList *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * crosscheck_annotation_list_get_model:
 * @self: a #CrosscheckAnnotationList
 *
 * Returns: (transfer none): the spans the list shows, after filtering
 */
GListModel *
crosscheck_annotation_list_get_model (CrosscheckAnnotationList *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION_LIST (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * crosscheck_annotation_list_set_review_filter:
 * @self: a #CrosscheckAnnotationList
 * @only_review: whether to show only the spans that need review
 *
 * Turns the “Needs Review” filter on or off, as its button does.
 */
void
crosscheck_annotation_list_set_review_filter (CrosscheckAnnotationList *self,
                                              gboolean                  only_review)
{
  g_return_if_fail (CROSSCHECK_IS_ANNOTATION_LIST (self));

  gtk_toggle_button_set_active (self->review_button, only_review);
}

/**
 * crosscheck_annotation_list_set_filter:
 * @self: a #CrosscheckAnnotationList
 * @label: (nullable): show only spans with this label
 * @document: (nullable): show only spans in this article
 * @text: (nullable): show only spans whose text contains this
 *
 * Sets the filters as the editor would with the controls.
 */
void
crosscheck_annotation_list_set_filter (CrosscheckAnnotationList *self,
                                       CrosscheckLabel          *label,
                                       CrosscheckDocument       *document,
                                       const char               *text)
{
  guint position = 0;

  g_return_if_fail (CROSSCHECK_IS_ANNOTATION_LIST (self));

  if (label != NULL && g_list_store_find (G_LIST_STORE (crosscheck_project_get_labels (self->project)),
                                          label, &position))
    gtk_drop_down_set_selected (self->label_dropdown, position + 1);
  else
    gtk_drop_down_set_selected (self->label_dropdown, 0);

  if (document != NULL && g_list_store_find (G_LIST_STORE (crosscheck_project_get_documents (self->project)),
                                             document, &position))
    gtk_drop_down_set_selected (self->document_dropdown, position + 1);
  else
    gtk_drop_down_set_selected (self->document_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_search_changed (self);
}
