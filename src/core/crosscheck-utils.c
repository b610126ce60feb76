/* crosscheck-utils.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For O_TMPFILE and linkat(). */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crosscheck-errors.h"
#include "crosscheck-utils.h"

G_DEFINE_QUARK (crosscheck-document-error-quark, crosscheck_document_error)
G_DEFINE_QUARK (crosscheck-project-error-quark, crosscheck_project_error)

/* The test harness may pin the clock so that files it writes are stable. */
static const char *
fixed_time (void)
{
  return g_getenv ("CROSSCHECK_FIXED_TIME");
}

/**
 * crosscheck_set_str:
 * @ptr: a pointer to an owned string
 * @value: (nullable): the new value
 *
 * Replaces *@ptr by a copy of @value if they differ (GLib 2.76 has
 * g_set_str(); Debian 12 has 2.74).
 *
 * Returns: %TRUE if the value changed
 */
gboolean
crosscheck_set_str (char       **ptr,
                    const char  *value)
{
  char *copy;

  if (*ptr == value || g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*ptr);
  *ptr = copy;

  return TRUE;
}

/**
 * crosscheck_natural_compare:
 * @a: a string
 * @b: another string
 *
 * Compares two ids so that runs of digits compare as numbers: `d2` sorts
 * before `d10`. Strings that compare equal this way (`d01`, `d1`) fall back
 * to a byte comparison, so the order is total.
 *
 * Returns: a negative value, zero or a positive value
 */
int
crosscheck_natural_compare (const char *a,
                            const char *b)
{
  const char *pa = a;
  const char *pb = b;

  while (*pa != '\0' && *pb != '\0')
    {
      if (g_ascii_isdigit (*pa) && g_ascii_isdigit (*pb))
        {
          const char *ea;
          const char *eb;
          gsize la;
          gsize lb;
          int cmp;

          while (*pa == '0' && g_ascii_isdigit (pa[1]))
            pa++;
          while (*pb == '0' && g_ascii_isdigit (pb[1]))
            pb++;
          for (ea = pa; g_ascii_isdigit (*ea); ea++)
            ;
          for (eb = pb; g_ascii_isdigit (*eb); eb++)
            ;
          la = ea - pa;
          lb = eb - pb;
          if (la != lb)
            return la < lb ? -1 : 1;
          cmp = memcmp (pa, pb, la);
          if (cmp != 0)
            return cmp;
          pa = ea;
          pb = eb;
        }
      else
        {
          if (*pa != *pb)
            return (guchar) *pa < (guchar) *pb ? -1 : 1;
          pa++;
          pb++;
        }
    }

  if (*pa != *pb)
    return (guchar) *pa < (guchar) *pb ? -1 : 1;

  return strcmp (a, b);
}

/**
 * crosscheck_now_iso8601:
 *
 * Returns: (transfer full): the current time in UTC as `YYYY-MM-DDTHH:MM:SSZ`
 */
char *
crosscheck_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = NULL;

  if (fixed_time () != NULL)
    return g_strdup (fixed_time ());

  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * crosscheck_is_valid_name:
 * @name: (nullable): a label, link type or attribute name
 *
 * Names are non-empty, at most 64 characters and contain no white space,
 * so that they survive every export format (brat, CoNLL) unchanged.
 *
 * Returns: %TRUE if @name may be used as a name
 */
gboolean
crosscheck_is_valid_name (const char *name)
{
  glong n = 0;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || ++n > 64)
        return FALSE;
    }

  return TRUE;
}

/**
 * crosscheck_is_valid_id:
 * @id: (nullable): a document, span or link id
 *
 * Returns: %TRUE if @id matches `^[A-Za-z0-9_.:-]{1,64}$`
 */
gboolean
crosscheck_is_valid_id (const char *id)
{
  gsize n = 0;

  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("_.:-", *p) == NULL)
        return FALSE;
      if (++n > 64)
        return FALSE;
    }

  return TRUE;
}

/**
 * crosscheck_is_valid_color:
 * @color: (nullable): a colour
 *
 * Returns: %TRUE if @color is `#rrggbb` in lower-case hexadecimal
 */
gboolean
crosscheck_is_valid_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]) || g_ascii_isupper (color[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
matches_date_prefix (const char *s)
{
  /* YYYY-MM-DD */
  static const char pattern[] = "dddd-dd-dd";

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != pattern[i])
        return FALSE;
    }

  return TRUE;
}

/**
 * crosscheck_is_valid_date:
 * @date: (nullable): a publication date
 *
 * Accepts an ISO 8601 calendar date (`2023-03-13`) or date-time
 * (`2023-03-13T08:00:00+01:00`) that names a real day.
 *
 * Returns: %TRUE if @date is usable as a publication date
 */
gboolean
crosscheck_is_valid_date (const char *date)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || strlen (date) < 10 || !matches_date_prefix (date))
    return FALSE;

  if (date[10] == '\0')
    {
      guint64 y = g_ascii_strtoull (date, NULL, 10);
      guint64 m = g_ascii_strtoull (date + 5, NULL, 10);
      guint64 d = g_ascii_strtoull (date + 8, NULL, 10);

      return y >= 1 && m >= 1 && m <= 12 && d >= 1 &&
             g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
    }

  if (date[10] != 'T')
    return FALSE;

  /* A date-time without a zone is read as UTC rather than refused. */
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (date, utc);
  return dt != NULL;
}

/**
 * crosscheck_utf8_validate_len:
 * @data: bytes
 * @length: how many
 *
 * What g_utf8_validate_len() says (NUL bytes are not valid either), eight
 * bytes at a time while they are ASCII, as most of a project file is:
 * GLib 2.74 checks byte by byte, which took a tenth of the time of
 * loading a big project.
 *
 * Returns: %TRUE if @data is valid UTF-8 without NUL bytes
 */
gboolean
crosscheck_utf8_validate_len (const char *data,
                              gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  while (p < end)
    {
      /* A byte that is NUL or not ASCII sets its top bit in one of these. */
      while (end - p >= 8)
        {
          guint64 v;

          memcpy (&v, p, 8);
          if (((v | (v - G_GUINT64_CONSTANT (0x0101010101010101))) &
               G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          p += 8;
        }
      if (p == end)
        break;

      if (*p == '\0')
        return FALSE;
      if (*p < 0x80)
        p++;
      else
        {
          guint n = g_utf8_skip[*p];

          if (n < 2 || n > (gsize) (end - p) || !g_utf8_validate_len ((const char *) p, n, NULL))
            return FALSE;
          p += n;
        }
    }

  return TRUE;
}

static guint
digits (const char *p,
        guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (p[i] - '0');

  return value;
}

/**
 * crosscheck_is_valid_utc_time:
 * @time: (nullable): a time stamp
 *
 * Returns: %TRUE if @time is `YYYY-MM-DDTHH:MM:SSZ` and a real moment
 */
gboolean
crosscheck_is_valid_utc_time (const char *time)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  guint year, month, day;

  if (time == NULL || strlen (time) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (time[i]) : time[i] != pattern[i])
        return FALSE;
    }

  /* Years 1 to 9999 and real dates, as GDateTime has them; second 60 is a
   * leap second (RFC 3339). Checked by hand: a project file has two of
   * these per annotation. */
  year = digits (time, 4);
  month = digits (time + 5, 2);
  day = digits (time + 8, 2);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month (month, year) &&
         digits (time + 11, 2) <= 23 && digits (time + 14, 2) <= 59 && digits (time + 17, 2) <= 60;
}

/**
 * crosscheck_json_append_string:
 * @out: where to write
 * @str: valid UTF-8
 *
 * Appends @str as a JSON string literal. Non-ASCII text is written as
 * UTF-8, so that the files stay readable; only quotes, backslashes and
 * control characters are escaped.
 */
void
crosscheck_json_append_string (GString    *out,
                               const char *str)
{
  crosscheck_json_append_string_len (out, str, strlen (str));
}

/**
 * crosscheck_json_append_string_len:
 * @out: where to write
 * @str: valid UTF-8 without NUL bytes
 * @length: the length of @str in bytes
 *
 * Like crosscheck_json_append_string(), for @str that need not end in a NUL.
 */
void
crosscheck_json_append_string_len (GString    *out,
                                   const char *str,
                                   gsize       length)
{
  const guchar *run = (const guchar *) str;
  const guchar *end = run + length;
  const guchar *p;

  crosscheck_string_put_literal (out, "\"");

  for (p = run; p < end; p++)
    {
      guchar c = *p;
      char buf[8];

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f))
        continue;

      crosscheck_string_put (out, (const char *) run, p - run);
      switch (c)
        {
        case '"': crosscheck_string_put_literal (out, "\\\""); break;
        case '\\': crosscheck_string_put_literal (out, "\\\\"); break;
        case '\n': crosscheck_string_put_literal (out, "\\n"); break;
        case '\t': crosscheck_string_put_literal (out, "\\t"); break;
        case '\r': crosscheck_string_put_literal (out, "\\r"); break;
        case '\b': crosscheck_string_put_literal (out, "\\b"); break;
        case '\f': crosscheck_string_put_literal (out, "\\f"); break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          crosscheck_string_put (out, buf, 6);
          break;
        }
      run = p + 1;
    }

  crosscheck_string_put (out, (const char *) run, p - run);
  crosscheck_string_put_literal (out, "\"");
}

/**
 * crosscheck_string_append_uint:
 * @out: where to append
 * @value: a number
 *
 * Appends @value in decimal, as "%" G_GUINT64_FORMAT would, without the
 * cost of printf for each of a file's hundreds of thousands of numbers.
 */
void
crosscheck_string_append_uint (GString *out,
                               guint64  value)
{
  char buf[20];
  gsize i = sizeof buf;

  do
    {
      buf[--i] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);

  crosscheck_string_put (out, buf + i, sizeof buf - i);
}

/**
 * crosscheck_write_all:
 * @fd: a file descriptor
 * @bytes: what to write
 * @length: how many bytes
 *
 * Writes all of @bytes, going on after short writes and interruptions.
 *
 * Returns: %TRUE on success; %FALSE with errno set otherwise
 */
gboolean
crosscheck_write_all (int         fd,
                      const void *bytes,
                      gsize       length)
{
  const guint8 *data = bytes;

  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

static gboolean
set_save_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_SAVE,
               _("Could not save “%s”: %s. The file on disk was not changed; use Save As "
                 "to save somewhere else."),
               name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * crosscheck_file_write_atomic:
 * @file: the file to write
 * @bytes: its new contents
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces @file so that, whatever happens, it holds either its complete
 * old contents or the complete new ones: the data goes to a file in the
 * same folder that has no name while it is written (O_TMPFILE, where the
 * file system has it; a hidden temporary file otherwise), is flushed to
 * disk, and is then renamed over @file. On failure nothing is left behind
 * and @file is untouched.
 * A process killed in the instant between naming the new file and renaming
 * it leaves a hidden ".NAME.saving-…" file beside @file (complete, and
 * never read); the next save of @file removes it.
 * A symbolic link is followed, so the file it points to is replaced.
 *
 * Returns: %TRUE on success
 */
/* What names the temporary files of a save: ".NAME.saving-XXXXXX". */
#define SAVING_INFIX ".saving-"

/* Removes the temporary files that saves of dir/base killed between naming
 * and renaming left behind: those named before this save began (started,
 * in g_get_real_time() microseconds), so that a save running beside this one
 * keeps its own. */
static void
remove_stale_temporaries (const char *dir,
                          const char *base,
                          gint64      started)
{
  g_autofree char *prefix = g_strconcat (".", base, SAVING_INFIX, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *stale = NULL;
      struct stat st;

      if (!g_str_has_prefix (name, prefix))
        continue;

      stale = g_build_filename (dir, name, NULL);
      if (lstat (stale, &st) == 0 && S_ISREG (st.st_mode) &&
          (gint64) st.st_ctim.tv_sec * G_USEC_PER_SEC + st.st_ctim.tv_nsec / 1000 < started)
        g_unlink (stale);
    }
}

static gboolean
write_bytes (int      fd,
             gpointer user_data)
{
  GBytes *bytes = user_data;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return crosscheck_write_all (fd, data, length);
}

gboolean
crosscheck_file_write_atomic (GFile         *file,
                              GBytes        *bytes,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  /* Not a local file (e.g. a remote location): GIO's own replace is the best
   * there is. */
  path = g_file_get_path (file);
  if (path == NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                      NULL, cancellable, error);
    }

  return crosscheck_file_write_atomic_with (file, write_bytes, bytes, cancellable, error);
}

/**
 * crosscheck_file_write_atomic_with:
 * @file: the file to write; it must have a local path (g_file_get_path())
 * @fill: (scope call): writes the new contents to the file descriptor it is
 *   given; on failure returns %FALSE with errno set
 * @user_data: data for @fill
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * crosscheck_file_write_atomic() for contents written a piece at a time,
 * so that a large file never has to be whole in memory.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_file_write_atomic_with (GFile               *file,
                                   CrosscheckFillFunc   fill,
                                   gpointer             user_data,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  GStatBuf st;
  mode_t mode = 0644;
  gint64 started;
  int saved_errno;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (fill != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "crosscheck_file_write_atomic_with() needs a local file");
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *target = realpath (path, NULL);

      if (target != NULL)
        {
          g_free (path);
          path = g_strdup (target);
          free (target);
        }
    }

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return set_save_error (error, path, EISDIR);
      mode = st.st_mode & 07777;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s" SAVING_INFIX "XXXXXX", dir, base);
  started = g_get_real_time ();

#ifdef O_TMPFILE
  /* An unnamed file: if the process dies while writing, nothing is left
   * behind. It gets a name only when complete, just before the rename. */
  fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#else
  fd = -1;
#endif

  if (fd >= 0)
    {
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);
      int linked;

      if (!fill (fd, user_data) || fsync (fd) != 0 || fchmod (fd, mode) != 0)
        {
          saved_errno = errno;
          close (fd);
          return set_save_error (error, path, saved_errno);
        }

      /* A fresh name for the link. A name can be taken: a killed save may
       * have left it, and a forked process draws the same random numbers. */
      for (guint tries = 0;; tries++)
        {
          g_free (tmp);
          tmp = g_strdup_printf ("%s/.%s" SAVING_INFIX "%08x", dir, base, g_random_int ());
          linked = linkat (AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW);
          if (linked == 0 || errno != EEXIST || tries == 100)
            break;
        }
      if (linked != 0)
        {
          saved_errno = errno;
          close (fd);
          return set_save_error (error, path, saved_errno);
        }
      close (fd);
    }
  else
    {
      /* No O_TMPFILE here (some file systems): a named temporary file. */
      fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
      if (fd < 0)
        return set_save_error (error, path, errno);

      if (!fill (fd, user_data) || fsync (fd) != 0 || fchmod (fd, mode) != 0)
        {
          saved_errno = errno;
          close (fd);
          g_unlink (tmp);
          return set_save_error (error, path, saved_errno);
        }

      if (close (fd) != 0)
        {
          saved_errno = errno;
          g_unlink (tmp);
          return set_save_error (error, path, saved_errno);
        }
    }

  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      return set_save_error (error, path, saved_errno);
    }

  /* Make the rename itself durable. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  remove_stale_temporaries (dir, base, started);

  return TRUE;
}
