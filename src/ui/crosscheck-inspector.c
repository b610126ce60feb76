/* crosscheck-inspector.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-annotation.h"
#include "crosscheck-inspector.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-project.h"
#include "crosscheck-span.h"
#include "crosscheck-text-view.h"

/* A popover to set a span's label, or a link's type, and its note and
 * attributes. Each change is one undoable command as soon as it is made (a
 * choice picked, Enter in a text field, or leaving it). Attribute fields
 * come from the label's or link type's definitions: a list of choices, or
 * free text. A span's inspector lists its links, each opening the link's
 * own inspector; a link's can swap a directed link's ends. */

struct _CrosscheckInspector
{
  GtkPopover         parent_instance;

  /* owned */
  CrosscheckProject    *project;
  CrosscheckAnnotation *annotation;

  /* borrowed */
  GtkWidget         *grid;
  GtkDropDown       *label_dropdown;
  GtkEntry          *note_entry;
  GtkWidget         *attributes_box;
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (CrosscheckInspector, crosscheck_inspector, GTK_TYPE_POPOVER)

static void rebuild_attributes (CrosscheckInspector *self);

static void
show_error (CrosscheckInspector *self,
            const GError        *error)
{
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static gboolean
is_link (CrosscheckInspector *self)
{
  return CROSSCHECK_IS_LINK (self->annotation);
}

static GListModel *
label_model (CrosscheckInspector *self)
{
  return is_link (self) ? crosscheck_project_get_link_types (self->project)
                        : crosscheck_project_get_labels (self->project);
}

static void
on_label_selected (CrosscheckInspector *self)
{
  guint position = gtk_drop_down_get_selected (self->label_dropdown);
  g_autoptr(CrosscheckLabel) label = NULL;
  g_autoptr(GError) error = NULL;

  label = g_list_model_get_item (label_model (self), position);
  if (label == NULL || label == crosscheck_annotation_get_label (self->annotation))
    return;

  if (is_link (self))
    crosscheck_project_set_link_type (self->project, CROSSCHECK_LINK (self->annotation), label, &error);
  else
    crosscheck_project_relabel_span (self->project, CROSSCHECK_SPAN (self->annotation), label, &error);
  show_error (self, error);
  rebuild_attributes (self);
}

static void
commit_note (CrosscheckInspector *self)
{
  g_autoptr(GError) error = NULL;

  crosscheck_project_set_note (self->project, self->annotation,
                               gtk_editable_get_text (GTK_EDITABLE (self->note_entry)), &error);
  show_error (self, error);
}

static void
on_choice_selected (GtkDropDown         *dropdown,
                    GParamSpec          *pspec,
                    CrosscheckInspector *self)
{
  const char *name = g_object_get_data (G_OBJECT (dropdown), "attribute");
  guint position = gtk_drop_down_get_selected (dropdown);
  GtkStringList *choices = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
  g_autoptr(GError) error = NULL;

  /* The first choice, "—", means not set. */
  crosscheck_project_set_attribute (self->project, self->annotation, name,
                                    position > 0 ? gtk_string_list_get_string (choices, position) : NULL,
                                    &error);
  show_error (self, error);
}

static void
commit_free_text (GtkEntry            *entry,
                  CrosscheckInspector *self)
{
  const char *name = g_object_get_data (G_OBJECT (entry), "attribute");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  crosscheck_project_set_attribute (self->project, self->annotation, name,
                                    *text ? text : NULL, &error);
  show_error (self, error);
}

static void
on_free_text_focus_leave (GtkEventControllerFocus *controller,
                          CrosscheckInspector     *self)
{
  commit_free_text (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

/* A field's caption. Our own captions carry a mnemonic; attribute names
 * come from the project and are shown as they are (contradiction_type). */
static GtkWidget *
field_label (const char *text,
             GtkWidget  *field,
             gboolean    mnemonic)
{
  GtkWidget *label = mnemonic ? gtk_label_new_with_mnemonic (text) : gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  if (mnemonic)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);

  return label;
}

static void
rebuild_attributes (CrosscheckInspector *self)
{
  CrosscheckAnnotation *annotation = self->annotation;
  GPtrArray *specs = crosscheck_label_get_attributes (crosscheck_annotation_get_label (annotation));
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (self->attributes_box)) != NULL)
    gtk_grid_remove (GTK_GRID (self->attributes_box), child);

  for (guint i = 0; i < specs->len; i++)
    {
      const CrosscheckAttributeSpec *spec = g_ptr_array_index (specs, i);
      const char *value = crosscheck_annotation_get_attribute (annotation, spec->name);
      GtkWidget *field;

      if (spec->values[0] != NULL)
        {
          GtkStringList *choices = gtk_string_list_new (NULL);
          guint selected = 0;

          gtk_string_list_append (choices, "—");
          for (guint j = 0; spec->values[j] != NULL; j++)
            {
              gtk_string_list_append (choices, spec->values[j]);
              if (g_strcmp0 (value, spec->values[j]) == 0)
                selected = j + 1;
            }
          field = gtk_drop_down_new (G_LIST_MODEL (choices), NULL);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (field), selected);
          g_object_set_data_full (G_OBJECT (field), "attribute", g_strdup (spec->name), g_free);
          g_signal_connect (field, "notify::selected", G_CALLBACK (on_choice_selected), self);
        }
      else
        {
          GtkEventController *focus = gtk_event_controller_focus_new ();

          field = gtk_entry_new ();
          gtk_editable_set_text (GTK_EDITABLE (field), value ? value : "");
          gtk_entry_set_placeholder_text (GTK_ENTRY (field), _("Free text"));
          g_object_set_data_full (G_OBJECT (field), "attribute", g_strdup (spec->name), g_free);
          g_signal_connect (field, "activate", G_CALLBACK (commit_free_text), self);
          g_signal_connect (focus, "leave", G_CALLBACK (on_free_text_focus_leave), self);
          gtk_widget_add_controller (field, focus);
        }

      gtk_widget_set_hexpand (field, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL, spec->name, -1);
      gtk_grid_attach (GTK_GRID (self->attributes_box), field_label (spec->name, field, FALSE), 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self->attributes_box), field, 1, row, 1, 1);
      row++;
    }

  gtk_widget_set_visible (self->attributes_box, row > 0);
}

static void
on_reviewed_clicked (CrosscheckInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (crosscheck_project_mark_reviewed (self->project, self->annotation, &error))
    gtk_popover_popdown (GTK_POPOVER (self));
  else
    show_error (self, error);
}

static void
on_delete_clicked (CrosscheckInspector *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (is_link (self))
    ok = crosscheck_project_remove_link (self->project, CROSSCHECK_LINK (self->annotation), &error);
  else
    ok = crosscheck_project_remove_span (self->project, CROSSCHECK_SPAN (self->annotation), &error);

  if (ok)
    gtk_popover_popdown (GTK_POPOVER (self));
  else
    show_error (self, error);
}

static void
on_swap_clicked (CrosscheckInspector *self)
{
  g_autoptr(GError) error = NULL;

  crosscheck_project_swap_link (self->project, CROSSCHECK_LINK (self->annotation), &error);
  show_error (self, error);
}

/* Opens the inspector of one of a span's links in place of this one. */
static void
on_link_button_clicked (GtkButton           *button,
                        CrosscheckInspector *self)
{
  CrosscheckLink *link = g_object_get_data (G_OBJECT (button), "link");
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *other = crosscheck_inspector_new (self->project, CROSSCHECK_ANNOTATION (link));
  GdkRectangle area = { 0, 0, 1, 1 };

  gtk_popover_get_pointing_to (GTK_POPOVER (self), &area);
  gtk_popover_popdown (GTK_POPOVER (self));
  crosscheck_text_view_popup (CROSSCHECK_TEXT_VIEW (parent), other, &area);
}

static GtkWidget *
links_section (CrosscheckInspector *self)
{
  g_autoptr(GPtrArray) links = crosscheck_project_get_links_of_span (self->project,
                                                                     CROSSCHECK_SPAN (self->annotation));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  for (guint i = 0; i < links->len; i++)
    {
      CrosscheckLink *link = g_ptr_array_index (links, i);
      CrosscheckSpan *other = crosscheck_link_get_from (link) == CROSSCHECK_SPAN (self->annotation)
                              ? crosscheck_link_get_to (link) : crosscheck_link_get_from (link);
      g_autofree char *text = g_strdup_printf ("%s “%s”",
                                               crosscheck_label_get_name (crosscheck_link_get_link_type (link)),
                                               crosscheck_span_get_text (other));
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_widget_set_tooltip_text (button, _("Inspect this link"));
      g_object_set_data_full (G_OBJECT (button), "link", g_object_ref (link), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_link_button_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_widget_set_visible (box, links->len > 0);
  return box;
}

static void
on_closed (CrosscheckInspector *self)
{
  /* Keep a note typed but not confirmed with Enter. */
  commit_note (self);
}

static void
crosscheck_inspector_dispose (GObject *object)
{
  CrosscheckInspector *self = (CrosscheckInspector *)object;

  g_clear_object (&self->annotation);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (crosscheck_inspector_parent_class)->dispose (object);
}

static void
crosscheck_inspector_class_init (CrosscheckInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crosscheck_inspector_dispose;
}

static void
crosscheck_inspector_init (CrosscheckInspector *self)
{
}

static char *
label_name (CrosscheckLabel *label)
{
  return g_strdup (crosscheck_label_get_name (label));
}

/**
 * crosscheck_inspector_new:
 * @project: the project
 * @annotation: the span or link to inspect
 *
 * Returns: (transfer floating): a popover; parent it and pop it up
 */
GtkWidget *
crosscheck_inspector_new (CrosscheckProject    *project,
                          CrosscheckAnnotation *annotation)
{
  CrosscheckInspector *self = g_object_new (CROSSCHECK_TYPE_INSPECTOR, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *quote;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *delete;
  GtkWidget *review = NULL;
  GtkExpression *expression;
  g_autofree char *quote_text = NULL;
  guint position = 0;

  self->project = g_object_ref (project);
  self->annotation = g_object_ref (annotation);

  if (is_link (self))
    {
      CrosscheckLink *link = CROSSCHECK_LINK (annotation);

      quote_text = g_strdup_printf ("“%s” %s “%s”", crosscheck_span_get_text (crosscheck_link_get_from (link)),
                                    crosscheck_label_get_symmetric (crosscheck_link_get_link_type (link)) ? "↔" : "→",
                                    crosscheck_span_get_text (crosscheck_link_get_to (link)));
    }
  else
    quote_text = g_strdup (crosscheck_span_get_text (CROSSCHECK_SPAN (annotation)));

  quote = gtk_label_new (quote_text);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 40);
  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_widget_add_css_class (quote, "heading");

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (label_name), NULL, NULL);
  self->label_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (label_model (self)), expression));
  g_list_store_find (G_LIST_STORE (label_model (self)), crosscheck_annotation_get_label (annotation), &position);
  gtk_drop_down_set_selected (self->label_dropdown, position);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label_dropdown), TRUE);
  g_signal_connect_swapped (self->label_dropdown, "notify::selected", G_CALLBACK (on_label_selected), self);

  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), crosscheck_annotation_get_note (annotation));
  gtk_entry_set_placeholder_text (self->note_entry, _("A note for other editors"));
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (commit_note), self);

  gtk_grid_attach (GTK_GRID (self->grid),
                   field_label (is_link (self) ? _("_Type") : _("_Label"), GTK_WIDGET (self->label_dropdown), TRUE),
                   0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->label_dropdown), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), field_label (_("_Note"), GTK_WIDGET (self->note_entry), TRUE), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->note_entry), 1, 1, 1, 1);

  self->attributes_box = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->attributes_box), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->attributes_box), 12);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_max_width_chars (self->error_label, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  if (is_link (self) && !crosscheck_label_get_symmetric (crosscheck_annotation_get_label (annotation)))
    {
      GtkWidget *swap = gtk_button_new_with_mnemonic (_("S_wap Direction"));

      /* GTK 4.8 would read the mnemonic's underscore out. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (swap), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Swap Direction"), -1);
      g_signal_connect_swapped (swap, "clicked", G_CALLBACK (on_swap_clicked), self);
      gtk_box_append (GTK_BOX (buttons), swap);
    }
  /* A span re-anchored with doubt says why; the editor checks it, then
   * clears the flag (or moves or deletes the span). */
  if (crosscheck_annotation_get_review (annotation) != NULL)
    {
      GtkWidget *reviewed = gtk_button_new_with_mnemonic (_("Mark as _Reviewed"));

      review = gtk_label_new (crosscheck_annotation_get_review (annotation));
      gtk_label_set_wrap (GTK_LABEL (review), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (review), 40);
      gtk_label_set_xalign (GTK_LABEL (review), 0);
      gtk_widget_add_css_class (review, "warning");
      g_signal_connect_swapped (reviewed, "clicked", G_CALLBACK (on_reviewed_clicked), self);
      gtk_box_append (GTK_BOX (buttons), reviewed);
    }
  delete = gtk_button_new_with_mnemonic (is_link (self) ? _("_Delete Link") : _("_Delete Span"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_link (self) ? _("Delete Link") : _("Delete Span"), -1);
  gtk_widget_add_css_class (delete, "destructive-action");
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  gtk_box_append (GTK_BOX (buttons), delete);

  gtk_box_append (GTK_BOX (box), quote);
  if (review != NULL)
    gtk_box_append (GTK_BOX (box), review);
  gtk_box_append (GTK_BOX (box), self->grid);
  gtk_box_append (GTK_BOX (box), self->attributes_box);
  if (!is_link (self))
    gtk_box_append (GTK_BOX (box), links_section (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  rebuild_attributes (self);
  g_signal_connect_swapped (self, "closed", G_CALLBACK (on_closed), self);

  return GTK_WIDGET (self);
}
