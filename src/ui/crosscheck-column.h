/* crosscheck-column.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-text-view.h"
#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_COLUMN (crosscheck_column_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckColumn, crosscheck_column, CROSSCHECK, COLUMN, GtkBox)

CrosscheckColumn   *crosscheck_column_new           (CrosscheckProject  *project,
                                                     CrosscheckDocument *document);
CrosscheckDocument *crosscheck_column_get_document  (CrosscheckColumn   *self);
CrosscheckTextView *crosscheck_column_get_text_view (CrosscheckColumn   *self);

G_END_DECLS
