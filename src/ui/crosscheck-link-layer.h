/* crosscheck-link-layer.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_LINK_LAYER (crosscheck_link_layer_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckLinkLayer, crosscheck_link_layer, CROSSCHECK, LINK_LAYER, GtkWidget)

/**
 * CrosscheckSpanLocator:
 * @span: a span
 * @area: (out): where the span's first line is, in the layer's coordinates
 * @clip: (out): the visible area of the span's column, in the same coordinates
 * @user_data: closure data
 *
 * Returns: %TRUE if the span's column is shown
 */
typedef gboolean (*CrosscheckSpanLocator) (CrosscheckSpan  *span,
                                           graphene_rect_t *area,
                                           graphene_rect_t *clip,
                                           gpointer         user_data);

/**
 * CrosscheckVisibleSpans:
 * @user_data: closure data
 *
 * Returns: (transfer container) (element-type CrosscheckSpan): at least
 *   every span that is on screen in some column
 */
typedef GPtrArray *(*CrosscheckVisibleSpans) (gpointer user_data);

GtkWidget *crosscheck_link_layer_new         (void);
void       crosscheck_link_layer_set_project (CrosscheckLinkLayer   *self,
                                              CrosscheckProject     *project);
void       crosscheck_link_layer_set_locator (CrosscheckLinkLayer   *self,
                                              CrosscheckSpanLocator  locator,
                                              gpointer               user_data);
void       crosscheck_link_layer_set_visible_spans (CrosscheckLinkLayer    *self,
                                                    CrosscheckVisibleSpans  visible_spans,
                                                    gpointer                user_data);
void       crosscheck_link_layer_set_pending (CrosscheckLinkLayer   *self,
                                              CrosscheckSpan        *from,
                                              CrosscheckSpan        *to,
                                              CrosscheckLabel       *type);
void       crosscheck_link_layer_set_highlight (CrosscheckLinkLayer *self,
                                                CrosscheckSpan      *span,
                                                CrosscheckLink      *link);
CrosscheckSpan *crosscheck_link_layer_get_marker_at (CrosscheckLinkLayer *self,
                                                     double               x,
                                                     double               y);

G_END_DECLS
