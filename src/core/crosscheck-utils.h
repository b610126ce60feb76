/* crosscheck-utils.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <string.h>

G_BEGIN_DECLS

gboolean  crosscheck_set_str           (char       **ptr,
                                       const char  *value);
int       crosscheck_natural_compare  (const char  *a,
                                       const char  *b);
char     *crosscheck_now_iso8601      (void);
gboolean  crosscheck_is_valid_name    (const char  *name);
gboolean  crosscheck_is_valid_id      (const char  *id);
gboolean  crosscheck_is_valid_color   (const char  *color);
gboolean  crosscheck_is_valid_date    (const char  *date);
gboolean  crosscheck_is_valid_utc_time (const char *time);
gboolean  crosscheck_utf8_validate_len (const char *data,
                                        gsize       length);
gboolean  crosscheck_file_write_atomic  (GFile        *file,
                                       GBytes       *bytes,
                                       GCancellable *cancellable,
                                       GError      **error);
/* Writes a file's new contents to @fd; on failure returns %FALSE with errno
 * set. */
typedef gboolean (*CrosscheckFillFunc) (int      fd,
                                        gpointer user_data);

gboolean  crosscheck_write_all         (int          fd,
                                       const void  *bytes,
                                       gsize        length);
gboolean  crosscheck_file_write_atomic_with (GFile               *file,
                                             CrosscheckFillFunc   fill,
                                             gpointer             user_data,
                                             GCancellable        *cancellable,
                                             GError             **error);
void      crosscheck_json_append_string (GString   *out,
                                         const char *str);
void      crosscheck_json_append_string_len (GString    *out,
                                             const char *str,
                                             gsize       length);
void      crosscheck_string_append_uint (GString   *out,
                                         guint64    value);

/* Appends @length bytes of @data to @out. GLib before 2.76 makes every
 * append a call that works out where to insert; this copies straight to the
 * end, which is what writing a large file one small piece at a time needs. */
static inline void
crosscheck_string_put (GString    *out,
                       const char *data,
                       gsize       length)
{
  gsize len = out->len;

  if (G_UNLIKELY (len + length >= out->allocated_len))
    g_string_set_size (out, len + length);
  memcpy (out->str + len, data, length);
  out->len = len + length;
  out->str[out->len] = '\0';
}

/* crosscheck_string_put() of a string literal. */
#define crosscheck_string_put_literal(out, literal) \
  crosscheck_string_put ((out), "" literal, sizeof (literal) - 1)

G_END_DECLS
