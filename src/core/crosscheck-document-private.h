/* crosscheck-document-private.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-document.h"

G_BEGIN_DECLS

void                _crosscheck_document_set_id (CrosscheckDocument *self,
                                                 const char         *id);
CrosscheckDocument *_crosscheck_document_copy   (CrosscheckDocument *self);
void                _crosscheck_document_assign (CrosscheckDocument *self,
                                                 CrosscheckDocument *from);

G_END_DECLS
