/* crosscheck-problem.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_PROBLEM (crosscheck_problem_get_type())

/**
 * CrosscheckProblem:
 * @path: where in the file, as a JSON path (`spans[12].start`), or a
 *   position (`line 3, column 5`) for syntax errors
 * @message: what is wrong
 *
 * One thing wrong with a project file.
 */
struct _CrosscheckProblem
{
  char *path;
  char *message;
};

GType              crosscheck_problem_get_type (void) G_GNUC_CONST;
CrosscheckProblem *crosscheck_problem_new      (const char              *path,
                                                const char              *message);
CrosscheckProblem *crosscheck_problem_copy     (const CrosscheckProblem *problem);
void               crosscheck_problem_free     (CrosscheckProblem       *problem);
char              *crosscheck_problem_to_string (const CrosscheckProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrosscheckProblem, crosscheck_problem_free)

G_END_DECLS
