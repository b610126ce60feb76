/* crosscheck-span.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-annotation.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_SPAN (crosscheck_span_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckSpan, crosscheck_span, CROSSCHECK, SPAN, CrosscheckAnnotation)

CrosscheckDocument *crosscheck_span_get_document (CrosscheckSpan *self);
guint               crosscheck_span_get_start    (CrosscheckSpan *self);
guint               crosscheck_span_get_end      (CrosscheckSpan *self);
const char         *crosscheck_span_get_text     (CrosscheckSpan *self);
int                 crosscheck_span_compare      (CrosscheckSpan *a,
                                                  CrosscheckSpan *b);

G_END_DECLS
