/* crosscheck-project-private.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-project.h"

G_BEGIN_DECLS

/* Used by the loader to build a project without recording history. Each
 * takes a new reference; callers have validated everything. */
void     _crosscheck_project_insert_document (CrosscheckProject  *self,
                                              CrosscheckDocument *document);
void     _crosscheck_project_insert_label    (CrosscheckProject  *self,
                                              CrosscheckLabel    *label);
void     _crosscheck_project_insert_span     (CrosscheckProject  *self,
                                              CrosscheckSpan     *span);
void     _crosscheck_project_insert_link     (CrosscheckProject  *self,
                                              CrosscheckLink     *link);
gboolean _crosscheck_project_has_id          (CrosscheckProject  *self,
                                              const char         *id);
char    *_crosscheck_project_new_id          (CrosscheckProject  *self,
                                              char                prefix);
void     _crosscheck_project_set_file        (CrosscheckProject  *self,
                                              GFile              *file);
CrosscheckDocument *_crosscheck_project_find_same_text (CrosscheckProject  *self,
                                                        CrosscheckDocument *document);

G_END_DECLS
