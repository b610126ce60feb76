/* crosscheck-decode.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CROSSCHECK_DOCUMENT_MAX_BYTES:
 *
 * The largest article file Crosscheck opens, in bytes (64 MiB). Larger
 * files are refused with a message that names this limit.
 */
#define CROSSCHECK_DOCUMENT_MAX_BYTES (64 * 1024 * 1024)

/**
 * CrosscheckEncoding:
 * @CROSSCHECK_ENCODING_UTF8: UTF-8 without a byte-order mark
 * @CROSSCHECK_ENCODING_UTF8_BOM: UTF-8 with a byte-order mark
 * @CROSSCHECK_ENCODING_UTF16LE: UTF-16, little-endian
 * @CROSSCHECK_ENCODING_UTF16BE: UTF-16, big-endian
 * @CROSSCHECK_ENCODING_WINDOWS_1252: not valid UTF-8, read as Windows-1252
 *
 * How an article file was decoded.
 */
typedef enum
{
  CROSSCHECK_ENCODING_UTF8,
  CROSSCHECK_ENCODING_UTF8_BOM,
  CROSSCHECK_ENCODING_UTF16LE,
  CROSSCHECK_ENCODING_UTF16BE,
  CROSSCHECK_ENCODING_WINDOWS_1252,
} CrosscheckEncoding;

char        *crosscheck_decode_text          (const guint8        *data,
                                              gsize                length,
                                              CrosscheckEncoding  *encoding,
                                              gboolean            *had_bom,
                                              GError             **error);
void         crosscheck_set_too_large_error  (GError             **error,
                                              guint64              size);
const char  *crosscheck_encoding_to_string   (CrosscheckEncoding   encoding);
gboolean     crosscheck_encoding_from_string (const char          *string,
                                              CrosscheckEncoding  *encoding);

G_END_DECLS
