/* crosscheck-link-list.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_LINK_LIST (crosscheck_link_list_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckLinkList, crosscheck_link_list, CROSSCHECK, LINK_LIST, GtkBox)

CrosscheckLinkList *crosscheck_link_list_new         (void);
void                crosscheck_link_list_set_project (CrosscheckLinkList *self,
                                                      CrosscheckProject  *project);
GListModel         *crosscheck_link_list_get_model   (CrosscheckLinkList *self);
void                crosscheck_link_list_set_filter  (CrosscheckLinkList *self,
                                                      CrosscheckLabel    *type,
                                                      CrosscheckDocument *document);

G_END_DECLS
