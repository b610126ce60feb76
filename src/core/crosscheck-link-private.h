/* crosscheck-link-private.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-link.h"

G_BEGIN_DECLS

CrosscheckLink *_crosscheck_link_new  (CrosscheckLabel *type,
                                       CrosscheckSpan  *from,
                                       CrosscheckSpan  *to);
void            _crosscheck_link_swap (CrosscheckLink  *self);

G_END_DECLS
