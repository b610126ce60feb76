/* crosscheck-utils.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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
gboolean  crosscheck_file_write_atomic  (GFile        *file,
                                       GBytes       *bytes,
                                       GCancellable *cancellable,
                                       GError      **error);
void      crosscheck_json_append_string (GString   *out,
                                         const char *str);

G_END_DECLS
