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
#include "crosscheck-project.h"
#include "crosscheck-span.h"

/* A popover at a span to set its label, note and attributes. Each change
 * is one undoable command as soon as it is made (a choice picked, Enter in
 * a text field, or leaving it). Attribute fields come from the label's
 * definitions: a list of choices, or free text. */

struct _CrosscheckInspector
{
  GtkPopover         parent_instance;

  /* owned */
  CrosscheckProject *project;
  CrosscheckSpan    *span;

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

static void
on_label_selected (CrosscheckInspector *self)
{
  guint position = gtk_drop_down_get_selected (self->label_dropdown);
  g_autoptr(CrosscheckLabel) label = NULL;
  g_autoptr(GError) error = NULL;

  label = g_list_model_get_item (crosscheck_project_get_labels (self->project), position);
  if (label == NULL || label == crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (self->span)))
    return;

  crosscheck_project_relabel_span (self->project, self->span, label, &error);
  show_error (self, error);
  rebuild_attributes (self);
}

static void
commit_note (CrosscheckInspector *self)
{
  g_autoptr(GError) error = NULL;

  crosscheck_project_set_note (self->project, CROSSCHECK_ANNOTATION (self->span),
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
  crosscheck_project_set_attribute (self->project, CROSSCHECK_ANNOTATION (self->span), name,
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

  crosscheck_project_set_attribute (self->project, CROSSCHECK_ANNOTATION (self->span), name,
                                    *text ? text : NULL, &error);
  show_error (self, error);
}

static void
on_free_text_focus_leave (GtkEventControllerFocus *controller,
                          CrosscheckInspector     *self)
{
  commit_free_text (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

static GtkWidget *
field_label (const char *text,
             GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);

  return label;
}

static void
rebuild_attributes (CrosscheckInspector *self)
{
  CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (self->span);
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
      gtk_grid_attach (GTK_GRID (self->attributes_box), field_label (spec->name, field), 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self->attributes_box), field, 1, row, 1, 1);
      row++;
    }

  gtk_widget_set_visible (self->attributes_box, row > 0);
}

static void
on_delete_clicked (CrosscheckInspector *self)
{
  g_autoptr(GError) error = NULL;

  if (crosscheck_project_remove_span (self->project, self->span, &error))
    gtk_popover_popdown (GTK_POPOVER (self));
  else
    show_error (self, error);
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

  g_clear_object (&self->span);
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
 * @span: the span to inspect
 *
 * Returns: (transfer floating): a popover; parent it and pop it up
 */
GtkWidget *
crosscheck_inspector_new (CrosscheckProject *project,
                          CrosscheckSpan    *span)
{
  CrosscheckInspector *self = g_object_new (CROSSCHECK_TYPE_INSPECTOR, NULL);
  CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (span);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *quote = gtk_label_new (crosscheck_span_get_text (span));
  GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Span"));
  GtkExpression *expression;
  guint position = 0;

  self->project = g_object_ref (project);
  self->span = g_object_ref (span);

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
  self->label_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (crosscheck_project_get_labels (project)),
                                                           expression));
  g_list_store_find (G_LIST_STORE (crosscheck_project_get_labels (project)),
                     crosscheck_annotation_get_label (annotation), &position);
  gtk_drop_down_set_selected (self->label_dropdown, position);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label_dropdown), TRUE);
  g_signal_connect_swapped (self->label_dropdown, "notify::selected", G_CALLBACK (on_label_selected), self);

  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), crosscheck_annotation_get_note (annotation));
  gtk_entry_set_placeholder_text (self->note_entry, _("A note for other editors"));
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (commit_note), self);

  gtk_grid_attach (GTK_GRID (self->grid), field_label (_("_Label"), GTK_WIDGET (self->label_dropdown)), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->label_dropdown), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), field_label (_("_Note"), GTK_WIDGET (self->note_entry)), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->note_entry), 1, 1, 1, 1);

  self->attributes_box = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->attributes_box), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->attributes_box), 12);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_max_width_chars (self->error_label, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_halign (delete, GTK_ALIGN_END);
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete_clicked), self);

  gtk_box_append (GTK_BOX (box), quote);
  gtk_box_append (GTK_BOX (box), self->grid);
  gtk_box_append (GTK_BOX (box), self->attributes_box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), delete);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  rebuild_attributes (self);
  g_signal_connect_swapped (self, "closed", G_CALLBACK (on_closed), self);

  return GTK_WIDGET (self);
}
