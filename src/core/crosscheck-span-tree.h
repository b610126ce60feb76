/* crosscheck-span-tree.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-span.h"

G_BEGIN_DECLS

typedef struct _CrosscheckSpanTree CrosscheckSpanTree;

/**
 * CrosscheckSpanFunc:
 * @span: a span
 * @user_data: closure data
 *
 * Returns: %TRUE to go on, %FALSE to stop
 */
typedef gboolean (*CrosscheckSpanFunc) (CrosscheckSpan *span,
                                        gpointer        user_data);

CrosscheckSpanTree *crosscheck_span_tree_new          (void);
void                crosscheck_span_tree_free         (CrosscheckSpanTree *tree);
guint               crosscheck_span_tree_get_size     (CrosscheckSpanTree *tree);
guint               crosscheck_span_tree_insert       (CrosscheckSpanTree *tree,
                                                       CrosscheckSpan     *span);
gboolean            crosscheck_span_tree_remove       (CrosscheckSpanTree *tree,
                                                       CrosscheckSpan     *span,
                                                       guint              *rank);
CrosscheckSpan     *crosscheck_span_tree_get_nth      (CrosscheckSpanTree *tree,
                                                       guint               rank);
gboolean            crosscheck_span_tree_get_rank     (CrosscheckSpanTree *tree,
                                                       CrosscheckSpan     *span,
                                                       guint              *rank);
guint               crosscheck_span_tree_count_before (CrosscheckSpanTree *tree,
                                                       guint               offset);
void                crosscheck_span_tree_foreach_overlapping
                                                      (CrosscheckSpanTree *tree,
                                                       guint               start,
                                                       guint               end,
                                                       CrosscheckSpanFunc  func,
                                                       gpointer            user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrosscheckSpanTree, crosscheck_span_tree_free)

G_END_DECLS
