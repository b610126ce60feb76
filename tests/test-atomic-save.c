/* test-atomic-save.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crosscheck-utils.h"

/* A save killed at any moment leaves the target file complete, old or new:
 * a child process saves two large contents in turn, as fast as it can, and
 * is killed with SIGKILL at random moments. Killed between naming its new
 * file and renaming it, it leaves that file (hidden, complete); the next
 * save removes it, so the folder then holds the target file alone. */

#define SIZE (4 * 1024 * 1024)
#define KILLS 60

static GBytes *
make_contents (char fill)
{
  char *data = g_malloc (SIZE);

  memset (data, fill, SIZE);
  /* A distinct head and tail, so that any mix of the two shows. */
  memcpy (data, fill == 'a' ? "OLD-START" : "NEW-START", 9);
  memcpy (data + SIZE - 7, fill == 'a' ? "OLD-END" : "NEW-END", 7);

  return g_bytes_new_take (data, SIZE);
}

/* Saves @b, then @a, @b… for ever; writes a byte to @ready after the
 * first save. */
static void
save_forever (GFile  *file,
              GBytes *a,
              GBytes *b,
              int     ready)
{
  for (guint i = 0;; i++)
    {
      if (!crosscheck_file_write_atomic (file, i % 2 ? a : b, NULL, NULL))
        _exit (3);
      if (i == 0 && write (ready, "", 1) != 1)
        _exit (4);
    }
}

/* The number of entries in dir; each one other than the target file must
 * be a complete temporary file of a save. */
static guint
count_entries (const char *dir,
               GBytes     *a,
               GBytes     *b)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      n++;
      if (!g_str_equal (name, "p.crosscheck.json"))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autofree char *contents = NULL;
          g_autoptr(GBytes) left = NULL;
          gsize length = 0;

          g_assert_true (g_str_has_prefix (name, ".p.crosscheck.json.saving-"));
          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          left = g_bytes_new_take (g_steal_pointer (&contents), length);
          g_assert_true (g_bytes_equal (left, a) || g_bytes_equal (left, b));
        }
    }

  return n;
}

static void
test_kill_during_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) a = make_contents ('a');
  g_autoptr(GBytes) b = make_contents ('b');
  g_autoptr(GRand) rand = g_rand_new_with_seed (1303);
  guint olds = 0, news = 0, left = 0;

  g_assert_true (crosscheck_file_write_atomic (file, a, NULL, NULL));

  for (guint i = 0; i < KILLS; i++)
    {
      g_autoptr(GBytes) now = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;
      int status = 0;
      int ready[2];
      char byte;
      pid_t child;

      g_assert_cmpint (pipe (ready), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        save_forever (file, a, b, ready[1]);

      /* Once one save is complete (on a busy machine one may take longer
       * than the longest wait below), let it get anywhere in the next:
       * opening, writing, flushing, renaming. */
      close (ready[1]);
      g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);
      g_usleep (g_rand_int_range (rand, 1000, 60000));
      g_assert_cmpint (kill (child, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      now = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (g_bytes_equal (now, a))
        olds++;
      else if (g_bytes_equal (now, b))
        news++;
      else
        g_error ("after kill %u the file is neither the old nor the new contents (%" G_GSIZE_FORMAT " bytes)",
                 i, length);

      /* At most the killed save's own complete temporary file beside it ... */
      if (count_entries (dir, a, b) > 1)
        left++;
      g_assert_cmpuint (count_entries (dir, a, b), <=, 2);

      /* ... which the next save removes: then the file stands alone. */
      g_assert_true (crosscheck_file_write_atomic (file, now, NULL, NULL));
      g_assert_cmpuint (count_entries (dir, a, b), ==, 1);
    }

  g_test_message ("%u kills left the first contents, %u the second, %u a temporary file",
                  olds, news, left);
  /* The child did save during the run, so the kills hit real saves. */
  g_assert_cmpuint (olds + news, ==, KILLS);
  g_assert_cmpuint (news, >, 0);
}

/* A save removes what an earlier killed save left, and nothing else. */
static void
test_stale_temporary_removed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.crosscheck.json", NULL);
  g_autofree char *stale = g_build_filename (dir, ".p.crosscheck.json.saving-0badf00d", NULL);
  g_autofree char *backup = g_build_filename (dir, ".p.crosscheck.json.backup", NULL);
  g_autofree char *other = g_build_filename (dir, ".q.crosscheck.json.saving-0badf00d", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);

  g_assert_true (g_file_set_contents (stale, "left", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (other, "another file's", -1, NULL));
  g_usleep (20000);

  g_assert_true (crosscheck_file_write_atomic (file, bytes, NULL, NULL));

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A save whose temporary name is taken (by a killed save, drawn from the
 * same random numbers in a forked process) takes another name. */
static void
test_temporary_name_taken (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.crosscheck.json", NULL);
  g_autofree char *taken = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_random_set_seed (1303);
  taken = g_strdup_printf ("%s/.p.crosscheck.json.saving-%08x", dir, g_random_int ());
  g_assert_true (g_file_set_contents (taken, "a killed save's", -1, NULL));
  g_random_set_seed (1303);

  g_assert_true (crosscheck_file_write_atomic (file, bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{}\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/atomic-save/kill-during-save", test_kill_during_save);
  g_test_add_func ("/core/atomic-save/stale-temporary-removed", test_stale_temporary_removed);
  g_test_add_func ("/core/atomic-save/temporary-name-taken", test_temporary_name_taken);

  return g_test_run ();
}
