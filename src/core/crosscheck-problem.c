/* crosscheck-problem.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-problem.h"

G_DEFINE_BOXED_TYPE (CrosscheckProblem, crosscheck_problem,
                     crosscheck_problem_copy, crosscheck_problem_free)

CrosscheckProblem *
crosscheck_problem_new (const char *path,
                        const char *message)
{
  CrosscheckProblem *problem = g_new0 (CrosscheckProblem, 1);

  problem->path = g_strdup (path ? path : "");
  problem->message = g_strdup (message);

  return problem;
}

CrosscheckProblem *
crosscheck_problem_copy (const CrosscheckProblem *problem)
{
  return crosscheck_problem_new (problem->path, problem->message);
}

void
crosscheck_problem_free (CrosscheckProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * crosscheck_problem_to_string:
 * @problem: a #CrosscheckProblem
 *
 * Returns: (transfer full): `path: message`, or just the message without a path
 */
char *
crosscheck_problem_to_string (const CrosscheckProblem *problem)
{
  if (problem->path[0] == '\0')
    return g_strdup (problem->message);

  return g_strdup_printf ("%s: %s", problem->path, problem->message);
}
