/* crosscheck-list-row.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The rows of the sidebar's lists (spans, links): a colour swatch, a quote
 * of up to @lines lines and a caption. And the "All …" choices of their
 * filters, and the list view that holds them. */

void crosscheck_list_row_setup      (GtkListItem   *item,
                                     int            lines);
void crosscheck_list_row_bind       (GtkListItem   *item,
                                     const char    *color,
                                     const char    *quote,
                                     const char    *caption,
                                     const char    *accessible);

typedef char *(*CrosscheckNameFunc) (gpointer item);

void crosscheck_list_fill_choices   (GtkStringList      *choices,
                                     const char         *all,
                                     GListModel         *model,
                                     CrosscheckNameFunc  name);
gpointer crosscheck_list_get_choice (GtkDropDown        *dropdown,
                                     GListModel         *model);

GtkListView *crosscheck_list_view_new (GtkSelectionModel  *model,
                                       GtkListItemFactory *factory);

G_END_DECLS
