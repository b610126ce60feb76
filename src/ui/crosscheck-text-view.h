/* crosscheck-text-view.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_TEXT_VIEW (crosscheck_text_view_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckTextView, crosscheck_text_view, CROSSCHECK, TEXT_VIEW, GtkTextView)

GtkWidget          *crosscheck_text_view_new                (CrosscheckProject  *project,
                                                             CrosscheckDocument *document);
CrosscheckDocument *crosscheck_text_view_get_document       (CrosscheckTextView *self);
CrosscheckSpan     *crosscheck_text_view_get_selected_span  (CrosscheckTextView *self);
void                crosscheck_text_view_set_selected_span  (CrosscheckTextView *self,
                                                             CrosscheckSpan     *span);
gboolean            crosscheck_text_view_get_selection      (CrosscheckTextView *self,
                                                             guint              *start,
                                                             guint              *end);
void                crosscheck_text_view_select_range       (CrosscheckTextView *self,
                                                             guint               start,
                                                             guint               end);
guint               crosscheck_text_view_get_cursor_offset  (CrosscheckTextView *self);
void                crosscheck_text_view_scroll_to_offset   (CrosscheckTextView *self,
                                                             guint               offset);
void                crosscheck_text_view_popup              (CrosscheckTextView *self,
                                                             GtkWidget          *popover,
                                                             const GdkRectangle *area);
GPtrArray          *crosscheck_text_view_get_visible_spans  (CrosscheckTextView *self);
gboolean            crosscheck_text_view_get_range_area     (CrosscheckTextView *self,
                                                             guint               start,
                                                             guint               end,
                                                             GdkRectangle       *area);

G_END_DECLS
