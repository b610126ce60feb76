/* fuzz-replay.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz.h"

/* Runs a fuzz target, built with the normal compiler and without libFuzzer,
 * over every file in the folders given on the command line: its seed corpus
 * and the inputs that once made it crash. One test case per file, so a
 * regression names the input that brings it back. */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  /* A copy of exactly the file's length, so that reading past the end is
   * caught by AddressSanitizer in a sanitized build. */
  {
    g_autofree guint8 *copy = g_memdup2 (contents, length);

    g_assert_cmpint (LLVMFuzzerTestOneInput (copy, length), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *folder = g_path_get_basename (argv[i]);
      g_autofree char *parent = g_path_get_dirname (argv[i]);
      g_autofree char *kind = g_path_get_basename (parent);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);

      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        {
          const char *file = g_ptr_array_index (names, j);
          g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", folder, kind, file);

          g_test_add_data_func_full (test_path, g_build_filename (argv[i], file, NULL),
                                     replay, g_free);
          n_files++;
        }
    }

  if (n_files == 0)
    g_error ("no input files in the folders given");

  return g_test_run ();
}
