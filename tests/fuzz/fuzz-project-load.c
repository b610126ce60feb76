/* fuzz-project-load.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-problem.h"
#include "crosscheck-project.h"
#include "fuzz.h"

/* Whole project files, read as the app and crosscheck-cli read them
 * (crosscheck_project_load_from_bytes; the articles are embedded, so the
 * bytes are all there is). Whatever the bytes, the loader gives either
 * problems that can be shown, or a project that saves to a file which loads
 * again, cleanly, and saves to the very same bytes. */

static void
check_problems (GPtrArray    *problems,
                const GError *error)
{
  fuzz_check (error != NULL);
  fuzz_check (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
  fuzz_check (problems != NULL && problems->len > 0);

  for (guint i = 0; i < problems->len; i++)
    {
      CrosscheckProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = crosscheck_problem_to_string (problem);

      fuzz_check (problem->message != NULL && *problem->message != '\0');
      fuzz_check (g_utf8_validate (problem->message, -1, NULL));
      fuzz_check (problem->path == NULL || g_utf8_validate (problem->path, -1, NULL));
      fuzz_check (g_utf8_validate (line, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) reload_problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reload_error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(CrosscheckProject) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  fuzz_make_warnings_fatal ();

  project = crosscheck_project_load_from_bytes (bytes, &problems, &error);
  if (project == NULL)
    {
      check_problems (problems, error);
      return 0;
    }

  fuzz_check (error == NULL);
  fuzz_check (problems == NULL || problems->len == 0);

  /* What was read saves as a valid project, and saving is a fixed point. */
  saved = crosscheck_project_serialize (project);
  reloaded = crosscheck_project_load_from_bytes (saved, &reload_problems, &reload_error);
  if (reloaded == NULL)
    g_error ("a loaded project saved to a file that does not load: %s", reload_error->message);
  saved_again = crosscheck_project_serialize (reloaded);
  fuzz_check (g_bytes_equal (saved, saved_again));

  return 0;
}
