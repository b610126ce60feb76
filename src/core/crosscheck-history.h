/* crosscheck-history.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_HISTORY (crosscheck_history_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckHistory, crosscheck_history, CROSSCHECK, HISTORY, GObject)

/**
 * CrosscheckHistoryApplyFunc:
 * @op: one recorded step of a command
 * @forward: %TRUE to redo the step, %FALSE to undo it
 * @user_data: the data given to crosscheck_history_new()
 */
typedef void (*CrosscheckHistoryApplyFunc) (gpointer op,
                                            gboolean forward,
                                            gpointer user_data);

CrosscheckHistory *crosscheck_history_new                  (CrosscheckHistoryApplyFunc  apply,
                                                            GDestroyNotify              free_op,
                                                            gpointer                    user_data);
void               crosscheck_history_begin                (CrosscheckHistory          *self,
                                                            const char                 *description);
void               crosscheck_history_end                  (CrosscheckHistory          *self);
void               crosscheck_history_record               (CrosscheckHistory          *self,
                                                            gpointer                    op);
gboolean           crosscheck_history_undo                 (CrosscheckHistory          *self);
gboolean           crosscheck_history_redo                 (CrosscheckHistory          *self);
gboolean           crosscheck_history_get_can_undo         (CrosscheckHistory          *self);
gboolean           crosscheck_history_get_can_redo         (CrosscheckHistory          *self);
const char        *crosscheck_history_get_undo_description (CrosscheckHistory          *self);
const char        *crosscheck_history_get_redo_description (CrosscheckHistory          *self);
gboolean           crosscheck_history_get_dirty            (CrosscheckHistory          *self);
void               crosscheck_history_mark_saved           (CrosscheckHistory          *self);
void               crosscheck_history_clear                (CrosscheckHistory          *self);
void               crosscheck_history_forget_saved         (CrosscheckHistory          *self);

G_END_DECLS
