/* crosscheck-annotation-list.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_ANNOTATION_LIST (crosscheck_annotation_list_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckAnnotationList, crosscheck_annotation_list, CROSSCHECK, ANNOTATION_LIST, GtkBox)

CrosscheckAnnotationList *crosscheck_annotation_list_new          (void);
void                      crosscheck_annotation_list_set_project  (CrosscheckAnnotationList *self,
                                                                   CrosscheckProject        *project);
void                      crosscheck_annotation_list_set_selected (CrosscheckAnnotationList *self,
                                                                   CrosscheckSpan           *span);
CrosscheckSpan           *crosscheck_annotation_list_get_selected (CrosscheckAnnotationList *self);
GListModel               *crosscheck_annotation_list_get_model    (CrosscheckAnnotationList *self);
void                      crosscheck_annotation_list_set_filter   (CrosscheckAnnotationList *self,
                                                                   CrosscheckLabel          *label,
                                                                   CrosscheckDocument       *document,
                                                                   const char               *text);
void                      crosscheck_annotation_list_set_review_filter (CrosscheckAnnotationList *self,
                                                                        gboolean                  only_review);

G_END_DECLS
