/* crosscheck-span-list.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crosscheck-span-tree.h"
#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_SPAN_LIST (crosscheck_span_list_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckSpanList, crosscheck_span_list, CROSSCHECK, SPAN_LIST, GObject)

guint      crosscheck_span_list_get_position       (CrosscheckSpanList *self,
                                                    CrosscheckSpan     *span);
guint      crosscheck_span_list_get_document_count (CrosscheckSpanList *self,
                                                    CrosscheckDocument *document);
void       crosscheck_span_list_foreach_overlapping (CrosscheckSpanList *self,
                                                    CrosscheckDocument *document,
                                                    guint               start,
                                                    guint               end,
                                                    CrosscheckSpanFunc  func,
                                                    gpointer            user_data);
void       crosscheck_span_list_foreach            (CrosscheckSpanList *self,
                                                    CrosscheckSpanFunc  func,
                                                    gpointer            user_data);
GPtrArray *crosscheck_span_list_get_overlapping    (CrosscheckSpanList *self,
                                                    CrosscheckDocument *document,
                                                    guint               start,
                                                    guint               end);
CrosscheckSpan *crosscheck_span_list_get_next      (CrosscheckSpanList *self,
                                                    CrosscheckDocument *document,
                                                    guint               offset,
                                                    CrosscheckSpan     *after);
CrosscheckSpan *crosscheck_span_list_get_previous  (CrosscheckSpanList *self,
                                                    CrosscheckDocument *document,
                                                    guint               offset,
                                                    CrosscheckSpan     *before);

/* For the project only. */
CrosscheckSpanList *_crosscheck_span_list_new             (void);
void                _crosscheck_span_list_add_document    (CrosscheckSpanList *self,
                                                           CrosscheckDocument *document,
                                                           guint               position);
void                _crosscheck_span_list_remove_document (CrosscheckSpanList *self,
                                                           CrosscheckDocument *document);
void                _crosscheck_span_list_insert          (CrosscheckSpanList *self,
                                                           CrosscheckSpan     *span);
void                _crosscheck_span_list_remove          (CrosscheckSpanList *self,
                                                           CrosscheckSpan     *span);
void                _crosscheck_span_list_changed         (CrosscheckSpanList *self,
                                                           CrosscheckSpan     *span);

G_END_DECLS
