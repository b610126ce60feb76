/* crosscheck-span-private.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-span.h"

G_BEGIN_DECLS

CrosscheckSpan *_crosscheck_span_new (CrosscheckDocument *document,
                                      guint               start,
                                      guint               end);
const char     *_crosscheck_span_peek_text (CrosscheckSpan *self,
                                            gsize          *length);

G_END_DECLS
