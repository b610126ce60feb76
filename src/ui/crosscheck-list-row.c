/* crosscheck-list-row.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-label-palette.h"
#include "crosscheck-list-row.h"

/**
 * crosscheck_list_row_setup:
 * @item: a list item being set up
 * @lines: how many lines the quote may take before it is cut
 *
 * Gives @item a row with a swatch, a quote and a caption.
 */
void
crosscheck_list_row_setup (GtkListItem *item,
                           int          lines)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *swatch = crosscheck_color_swatch_new ();
  GtkWidget *quote = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (swatch, GTK_ALIGN_START);
  gtk_widget_set_margin_top (swatch, 3);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), lines);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 30);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");

  gtk_box_append (GTK_BOX (texts), quote);
  gtk_box_append (GTK_BOX (texts), caption);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), texts);

  g_object_set_data (G_OBJECT (item), "swatch", swatch);
  g_object_set_data (G_OBJECT (item), "quote", quote);
  g_object_set_data (G_OBJECT (item), "caption", caption);
  gtk_list_item_set_child (item, box);
}

/**
 * crosscheck_list_row_bind:
 * @item: a list item set up with crosscheck_list_row_setup()
 * @color: the swatch's colour
 * @quote: the main text
 * @caption: the line under it
 * @accessible: what a screen reader says for the row
 */
void
crosscheck_list_row_bind (GtkListItem *item,
                          const char  *color,
                          const char  *quote,
                          const char  *caption,
                          const char  *accessible)
{
  crosscheck_color_swatch_set_color (g_object_get_data (G_OBJECT (item), "swatch"), color);
  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "quote"), quote);
  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "caption"), caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/**
 * crosscheck_list_fill_choices:
 * @choices: the string list behind a filter's drop-down
 * @all: the first choice, which filters nothing out
 * @model: the items to choose from
 * @name: (scope call): what to call each item, as a new string
 *
 * Replaces the choices by @all followed by one name per item of @model.
 */
void
crosscheck_list_fill_choices (GtkStringList      *choices,
                              const char         *all,
                              GListModel         *model,
                              CrosscheckNameFunc  name)
{
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_strv_builder_add (builder, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = name (item);

      g_strv_builder_add (builder, text);
    }
  strv = g_strv_builder_end (builder);

  gtk_string_list_splice (choices, 0, g_list_model_get_n_items (G_LIST_MODEL (choices)),
                          (const char * const *) strv);
}

/**
 * crosscheck_list_get_choice:
 * @dropdown: a filter's drop-down, filled by crosscheck_list_fill_choices()
 * @model: the items it was filled from
 *
 * Returns: (transfer full) (nullable): the item chosen, or %NULL for the
 *   first choice ("All …") or none
 */
gpointer
crosscheck_list_get_choice (GtkDropDown *dropdown,
                            GListModel  *model)
{
  guint index = gtk_drop_down_get_selected (dropdown);

  if (index == 0 || index == GTK_INVALID_LIST_POSITION)
    return NULL;

  return g_list_model_get_item (model, index - 1);
}

static void
take_model_on_map (GtkListView *view)
{
  GtkSelectionModel *model = g_object_steal_data (G_OBJECT (view), "crosscheck-list-model");

  if (model != NULL)
    {
      gtk_list_view_set_model (view, model);
      g_object_unref (model);
    }
}

/**
 * crosscheck_list_view_new:
 * @model: (transfer full): the items to show
 * @factory: (transfer full): makes their rows
 *
 * A list view for a sidebar page that takes @model only once it is first
 * shown. A hidden page still gets measured, and a list view with a model
 * makes and measures rows even there: with 50,000 spans that cost the
 * window's first frame about 0.1 s.
 *
 * Returns: (transfer floating): the list view
 */
GtkListView *
crosscheck_list_view_new (GtkSelectionModel  *model,
                          GtkListItemFactory *factory)
{
  GtkListView *view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));

  g_object_set_data_full (G_OBJECT (view), "crosscheck-list-model", model, g_object_unref);
  g_signal_connect (view, "map", G_CALLBACK (take_model_on_map), NULL);

  return view;
}
