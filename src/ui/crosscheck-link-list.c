/* crosscheck-link-list.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-label-palette.h"
#include "crosscheck-label.h"
#include "crosscheck-link-list.h"
#include "crosscheck-link.h"
#include "crosscheck-list-row.h"
#include "crosscheck-project.h"
#include "crosscheck-span.h"

/* Every link with both quotes, their articles, its type and note,
 * filterable by type and by article (either end). Activating one asks the
 * window to show both ends. */

struct _CrosscheckLinkList
{
  GtkBox              parent_instance;

  /* owned */
  CrosscheckProject  *project;
  CrosscheckLabel    *filter_type;
  CrosscheckDocument *filter_document;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkStringList      *type_names;
  GtkStringList      *document_names;

  /* borrowed */
  GtkListView        *list_view;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *document_dropdown;
  GtkLabel           *count_label;

  guint               syncing : 1;
};

G_DEFINE_FINAL_TYPE (CrosscheckLinkList, crosscheck_link_list, GTK_TYPE_BOX)

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CrosscheckLinkList *self = user_data;
  CrosscheckLink *link = item;

  if (self->filter_type != NULL && crosscheck_link_get_link_type (link) != self->filter_type)
    return FALSE;

  if (self->filter_document != NULL &&
      crosscheck_span_get_document (crosscheck_link_get_from (link)) != self->filter_document &&
      crosscheck_span_get_document (crosscheck_link_get_to (link)) != self->filter_document)
    return FALSE;

  return TRUE;
}

static void
update_count (CrosscheckLinkList *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", shown), shown);

  gtk_label_set_label (self->count_label, text);
}

static void
refilter (CrosscheckLinkList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  crosscheck_list_row_setup (item, 3);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  CrosscheckLink *link = gtk_list_item_get_item (item);
  CrosscheckLabel *type = crosscheck_link_get_link_type (link);
  CrosscheckSpan *from = crosscheck_link_get_from (link);
  CrosscheckSpan *to = crosscheck_link_get_to (link);
  const char *note = crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (link));
  g_auto(GStrv) names = crosscheck_annotation_dup_attribute_names (CROSSCHECK_ANNOTATION (link));
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autofree char *quotes = NULL;
  g_autofree char *tooltip = NULL;

  quotes = g_strdup_printf ("“%s” %s “%s”", crosscheck_span_get_text (from),
                            crosscheck_label_get_symmetric (type) ? "↔" : "→", crosscheck_span_get_text (to));
  g_string_append_printf (caption, "%s · %s → %s", crosscheck_label_get_name (type),
                          crosscheck_document_get_id (crosscheck_span_get_document (from)),
                          crosscheck_document_get_id (crosscheck_span_get_document (to)));
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (caption, " · %s", crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (link),
                                                                                    names[i]));
  if (*note != '\0')
    g_string_append_printf (caption, " · %s", note);

  crosscheck_list_row_bind (item, crosscheck_label_get_color (type), quotes, caption->str, quotes);

  /* The articles' titles, which the caption only names by id. */
  tooltip = g_strdup_printf ("%s: %s\n%s: %s",
                             crosscheck_document_get_id (crosscheck_span_get_document (from)),
                             crosscheck_document_get_title (crosscheck_span_get_document (from)),
                             crosscheck_document_get_id (crosscheck_span_get_document (to)),
                             crosscheck_document_get_title (crosscheck_span_get_document (to)));
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), tooltip);
}

static void
on_activate (GtkListView        *view,
             guint               position,
             CrosscheckLinkList *self)
{
  g_autoptr(CrosscheckLink) link = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (link != NULL)
    g_signal_emit (self, signals[LINK_ACTIVATED], 0, link);
}

static char *
type_name (gpointer item)
{
  return g_strdup (crosscheck_label_get_name (item));
}

static char *
document_id (gpointer item)
{
  return g_strdup (crosscheck_document_get_id (item));
}

static void
sync_choices (CrosscheckLinkList *self)
{
  if (self->project == NULL)
    return;

  self->syncing = TRUE;
  g_clear_object (&self->filter_type);
  g_clear_object (&self->filter_document);
  crosscheck_list_fill_choices (self->type_names, _("All types"),
                                crosscheck_project_get_link_types (self->project), type_name);
  crosscheck_list_fill_choices (self->document_names, _("All articles"),
                                crosscheck_project_get_documents (self->project), document_id);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->document_dropdown, 0);
  self->syncing = FALSE;

  refilter (self);
}

static void
on_dropdown_changed (CrosscheckLinkList *self)
{
  if (self->syncing || self->project == NULL)
    return;

  g_clear_object (&self->filter_type);
  g_clear_object (&self->filter_document);
  self->filter_type = crosscheck_list_get_choice (self->type_dropdown,
                                                  crosscheck_project_get_link_types (self->project));
  self->filter_document = crosscheck_list_get_choice (self->document_dropdown,
                                                      crosscheck_project_get_documents (self->project));

  refilter (self);
}

static void
on_link_changed (CrosscheckLinkList *self)
{
  /* A link's type, note or attributes changed: rows show all of them. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
crosscheck_link_list_dispose (GObject *object)
{
  CrosscheckLinkList *self = (CrosscheckLinkList *)object;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_link_types (self->project), self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_documents (self->project), self);
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->type_names);
  g_clear_object (&self->document_names);
  g_clear_object (&self->filter_type);
  g_clear_object (&self->filter_document);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (crosscheck_link_list_parent_class)->dispose (object);
}

static void
crosscheck_link_list_class_init (CrosscheckLinkListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crosscheck_link_list_dispose;

  /**
   * CrosscheckLinkList::link-activated:
   * @link: the link
   *
   * The editor activated a link in the list.
   */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CROSSCHECK_TYPE_LINK);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "linklist");
}

static void
crosscheck_link_list_init (CrosscheckLinkList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *filters = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dropdowns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkSelectionModel *selection;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->type_names = gtk_string_list_new (NULL);
  self->document_names = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  self->type_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->type_names)), NULL));
  self->document_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->document_names)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->type_dropdown), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->document_dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link type filter"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->document_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article filter"), -1);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self);
  g_signal_connect_swapped (self->document_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed), self);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");

  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 12);
  gtk_widget_set_margin_bottom (filters, 6);
  gtk_box_append (GTK_BOX (dropdowns), GTK_WIDGET (self->type_dropdown));
  gtk_box_append (GTK_BOX (dropdowns), GTK_WIDGET (self->document_dropdown));
  gtk_box_append (GTK_BOX (filters), dropdowns);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->count_label));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);

  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  self->list_view = crosscheck_list_view_new (selection, factory);
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Links"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);

  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));

  gtk_box_append (GTK_BOX (self), filters);
  gtk_box_append (GTK_BOX (self), scroller);

  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_count), self);
}

CrosscheckLinkList *
crosscheck_link_list_new (void)
{
  return g_object_new (CROSSCHECK_TYPE_LINK_LIST, NULL);
}

void
crosscheck_link_list_set_project (CrosscheckLinkList *self,
                                  CrosscheckProject  *project)
{
  g_return_if_fail (CROSSCHECK_IS_LINK_LIST (self));

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_link_types (self->project), self);
      g_signal_handlers_disconnect_by_data (crosscheck_project_get_documents (self->project), self);
    }
  g_set_object (&self->project, project);

  gtk_filter_list_model_set_model (self->filtered, crosscheck_project_get_links (project));
  g_signal_connect_swapped (crosscheck_project_get_link_types (project), "items-changed",
                            G_CALLBACK (sync_choices), self);
  g_signal_connect_swapped (crosscheck_project_get_documents (project), "items-changed",
                            G_CALLBACK (sync_choices), self);
  g_signal_connect_swapped (project, "link-changed", G_CALLBACK (on_link_changed), self);
  sync_choices (self);
}

/**
 * crosscheck_link_list_get_model:
 * @self: a #CrosscheckLinkList
 *
 * Returns: (transfer none): the links shown, after filtering
 */
GListModel *
crosscheck_link_list_get_model (CrosscheckLinkList *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LINK_LIST (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * crosscheck_link_list_set_filter:
 * @self: a #CrosscheckLinkList
 * @type: (nullable): show only links of this type
 * @document: (nullable): show only links with an end in this article
 */
void
crosscheck_link_list_set_filter (CrosscheckLinkList *self,
                                 CrosscheckLabel    *type,
                                 CrosscheckDocument *document)
{
  guint position = 0;

  g_return_if_fail (CROSSCHECK_IS_LINK_LIST (self));

  if (type != NULL && g_list_store_find (G_LIST_STORE (crosscheck_project_get_link_types (self->project)),
                                         type, &position))
    gtk_drop_down_set_selected (self->type_dropdown, position + 1);
  else
    gtk_drop_down_set_selected (self->type_dropdown, 0);

  if (document != NULL && g_list_store_find (G_LIST_STORE (crosscheck_project_get_documents (self->project)),
                                             document, &position))
    gtk_drop_down_set_selected (self->document_dropdown, position + 1);
  else
    gtk_drop_down_set_selected (self->document_dropdown, 0);
}
