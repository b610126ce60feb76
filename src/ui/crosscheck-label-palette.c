/* crosscheck-label-palette.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-label-editor.h"
#include "crosscheck-label-palette.h"
#include "crosscheck-label.h"
#include "crosscheck-project.h"

/* The labels in palette order, with their colour, key, place (1–9) and how
 * many spans carry them; below them the link types. Activating a label
 * tags the selection with it. */

struct _CrosscheckLabelPalette
{
  GtkBox             parent_instance;

  /* owned */
  CrosscheckProject *project;
  GPtrArray         *rows;       /* GtkListBoxRow, borrowed from the boxes */

  /* borrowed */
  GtkListBox        *labels_box;
  GtkListBox        *types_box;

  guint              update_queued : 1;
};

G_DEFINE_FINAL_TYPE (CrosscheckLabelPalette, crosscheck_label_palette, GTK_TYPE_BOX)

enum {
  LABEL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* A round colour swatch, drawn rather than styled so any colour works.    */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA *rgba = g_object_get_data (G_OBJECT (area), "rgba");
  double r = MIN (width, height) / 2.0;

  if (rgba == NULL)
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, r - 0.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_fill (cr);
}

GtkWidget *
crosscheck_color_swatch_new (void)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, NULL, NULL);

  return area;
}

void
crosscheck_color_swatch_set_color (GtkWidget  *swatch,
                                   const char *color)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, color))
    return;

  g_object_set_data_full (G_OBJECT (swatch), "rgba", gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);
  gtk_widget_queue_draw (swatch);
}

/* ------------------------------------------------------------------------ */

static void
update_row (GtkListBoxRow          *row,
            CrosscheckLabelPalette *self)
{
  CrosscheckLabel *label = g_object_get_data (G_OBJECT (row), "label");
  GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "swatch");
  GtkLabel *name = g_object_get_data (G_OBJECT (row), "name");
  GtkLabel *keys = g_object_get_data (G_OBJECT (row), "keys");
  GtkLabel *count = g_object_get_data (G_OBJECT (row), "count");
  gunichar shortcut = crosscheck_label_get_shortcut (label);
  g_autoptr(GString) key_text = g_string_new (NULL);
  g_autofree char *count_text = NULL;
  g_autofree char *accessible = NULL;

  /* Upper-case keys are typed with Shift. */
  if (shortcut != 0)
    {
      if (g_unichar_isupper (shortcut))
        /* TRANSLATORS: the Shift key, before the key that is typed with it (Shift+X) */
        g_string_append (key_text, C_("keyboard", "Shift+"));
      g_string_append_unichar (key_text, g_unichar_toupper (shortcut));
    }

  count_text = g_strdup_printf ("%u", crosscheck_project_count_label (self->project, label));

  crosscheck_color_swatch_set_color (swatch, crosscheck_label_get_color (label));
  gtk_label_set_label (name, crosscheck_label_get_name (label));
  gtk_label_set_label (keys, key_text->str);
  gtk_widget_set_visible (GTK_WIDGET (keys), key_text->len > 0);
  gtk_label_set_label (count, count_text);

  /* TRANSLATORS: read by screen readers for a label: its name, its key, how often it is used */
  accessible = g_strdup_printf (_("%s, key %s, %s"), crosscheck_label_get_name (label),
                                key_text->len ? key_text->str : _("none"), count_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_all (CrosscheckLabelPalette *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    update_row (g_ptr_array_index (self->rows, i), self);
}

static gboolean
update_idle (gpointer data)
{
  CrosscheckLabelPalette *self = data;

  self->update_queued = FALSE;
  if (self->project != NULL)
    update_all (self);

  return G_SOURCE_REMOVE;
}

static void
queue_update (CrosscheckLabelPalette *self)
{
  if (self->update_queued)
    return;

  self->update_queued = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_idle, g_object_ref (self), g_object_unref);
}

static void
on_edit_clicked (GtkButton              *button,
                 CrosscheckLabelPalette *self)
{
  CrosscheckLabel *label = g_object_get_data (G_OBJECT (button), "label");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  crosscheck_label_editor_present (GTK_WINDOW (root), self->project, label,
                                   crosscheck_label_get_kind (label));
}

static void
on_row_destroy (GtkWidget              *row,
                CrosscheckLabelPalette *self)
{
  /* Rows may outlive the palette's list of them during disposal. */
  if (self->rows != NULL)
    g_ptr_array_remove (self->rows, row);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CrosscheckLabelPalette *self = user_data;
  CrosscheckLabel *label = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *swatch = crosscheck_color_swatch_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *keys = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (keys, "keycap");
  gtk_widget_set_valign (keys, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Label"), -1);
  g_object_set_data (G_OBJECT (edit), "label", label);
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked), self);

  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), keys);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "label", g_object_ref (label), g_object_unref);
  g_object_set_data (G_OBJECT (row), "swatch", swatch);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "keys", keys);
  g_object_set_data (G_OBJECT (row), "count", count);
  gtk_widget_set_tooltip_text (row, crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION
                                    ? _("Link type")
                                    : _("Tag the selected text with this label"));

  g_ptr_array_add (self->rows, row);
  /* queue_update (self, pspec, label): the extra arguments are ignored. */
  g_signal_connect_object (label, "notify", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "destroy", G_CALLBACK (on_row_destroy), self, 0);

  /* The row's place (for the 1–9 hint) is known only once it is added. */
  queue_update (self);

  return row;
}

static void
on_row_activated (GtkListBox             *box,
                  GtkListBoxRow          *row,
                  CrosscheckLabelPalette *self)
{
  CrosscheckLabel *label = g_object_get_data (G_OBJECT (row), "label");

  if (crosscheck_label_get_kind (label) != CROSSCHECK_LABEL_RELATION)
    g_signal_emit (self, signals[LABEL_ACTIVATED], 0, label);
}

static void
on_add_clicked (CrosscheckLabelPalette *self)
{
  if (self->project != NULL)
    crosscheck_label_editor_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     self->project, NULL, CROSSCHECK_LABEL_ENTITY);
}

static void
crosscheck_label_palette_dispose (GObject *object)
{
  CrosscheckLabelPalette *self = (CrosscheckLabelPalette *)object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crosscheck_label_palette_parent_class)->dispose (object);
}

static void
crosscheck_label_palette_class_init (CrosscheckLabelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crosscheck_label_palette_dispose;

  /**
   * CrosscheckLabelPalette::label-activated:
   * @label: the label
   *
   * The editor chose a label to tag with.
   */
  signals[LABEL_ACTIVATED] =
    g_signal_new ("label-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CROSSCHECK_TYPE_LABEL);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "labelpalette");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);

  return label;
}

static void
crosscheck_label_palette_init (CrosscheckLabelPalette *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Label…"));
  GtkWidget *hint = gtk_label_new (_("Select text in an article, then press a label’s key, its place "
                                     "in the list (1–9), or click it."));

  /* GTK 4.8 would read the mnemonic's underscore out. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Label…"), -1);

  self->rows = g_ptr_array_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 12);

  self->labels_box = GTK_LIST_BOX (gtk_list_box_new ());
  self->types_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->labels_box), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->types_box), "boxed-list");
  gtk_list_box_set_selection_mode (self->labels_box, GTK_SELECTION_NONE);
  gtk_list_box_set_selection_mode (self->types_box, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->labels_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Labels"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->types_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link types"), -1);
  g_signal_connect (self->labels_box, "row-activated", G_CALLBACK (on_row_activated), self);

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 30);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_set_margin_top (hint, 12);

  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_margin_top (add, 12);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);

  gtk_box_append (GTK_BOX (content), hint);
  gtk_box_append (GTK_BOX (content), heading (_("Labels")));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->labels_box));
  gtk_box_append (GTK_BOX (content), add);
  gtk_box_append (GTK_BOX (content), heading (_("Link Types")));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->types_box));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_box_append (GTK_BOX (self), scroller);
}

CrosscheckLabelPalette *
crosscheck_label_palette_new (void)
{
  return g_object_new (CROSSCHECK_TYPE_LABEL_PALETTE, NULL);
}

static void
on_span_changed (CrosscheckLabelPalette *self,
                 gpointer                annotation,
                 CrosscheckChange        change)
{
  /* Once per main-loop turn, not once per span: closing an article
   * removes all its spans in one command. The idle runs after GTK's
   * redraw, so the counts follow in the frame after the new highlight. */
  queue_update (self);
}

/**
 * crosscheck_label_palette_set_project:
 * @self: a #CrosscheckLabelPalette
 * @project: the project whose labels to show
 */
void
crosscheck_label_palette_set_project (CrosscheckLabelPalette *self,
                                      CrosscheckProject      *project)
{
  g_return_if_fail (CROSSCHECK_IS_LABEL_PALETTE (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);

  gtk_list_box_bind_model (self->labels_box, crosscheck_project_get_labels (project), create_row, self, NULL);
  gtk_list_box_bind_model (self->types_box, crosscheck_project_get_link_types (project), create_row, self, NULL);

  g_signal_connect_swapped (project, "span-changed", G_CALLBACK (on_span_changed), self);
  g_signal_connect_swapped (project, "link-changed", G_CALLBACK (on_span_changed), self);
}
