/* crosscheck-link.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-annotation.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_LINK (crosscheck_link_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckLink, crosscheck_link, CROSSCHECK, LINK, CrosscheckAnnotation)

CrosscheckSpan  *crosscheck_link_get_from      (CrosscheckLink *self);
CrosscheckSpan  *crosscheck_link_get_to        (CrosscheckLink *self);
CrosscheckLabel *crosscheck_link_get_link_type (CrosscheckLink *self);
gboolean         crosscheck_link_joins         (CrosscheckLink  *self,
                                                CrosscheckLabel *type,
                                                CrosscheckSpan  *from,
                                                CrosscheckSpan  *to);

G_END_DECLS
