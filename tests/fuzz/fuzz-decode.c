/* fuzz-decode.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-decode.h"
#include "crosscheck-document.h"
#include "fuzz.h"

/* The bytes of an article file, decoded as the app opens one
 * (crosscheck_document_new_from_bytes): whatever the bytes, the result is a
 * message, or non-empty valid UTF-8 text without NUL or CR whose document
 * counts its characters and finds their bytes consistently. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) document_error = NULL;
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autofree char *text = NULL;
  CrosscheckEncoding encoding = (CrosscheckEncoding) -1;
  gboolean had_bom = -1;
  gsize text_length;
  guint length;

  fuzz_make_warnings_fatal ();

  text = crosscheck_decode_text (data, size, &encoding, &had_bom, &error);
  bytes = g_bytes_new_static (data, size);
  document = crosscheck_document_new_from_bytes (bytes, "fuzz.txt", &document_error);

  if (text == NULL)
    {
      fuzz_check (error != NULL);
      fuzz_check (g_utf8_validate (error->message, -1, NULL) && *error->message != '\0');
      fuzz_check (document == NULL && document_error != NULL);
      fuzz_check (g_strcmp0 (error->message, document_error->message) == 0);
      return 0;
    }

  fuzz_check (error == NULL && document_error == NULL && document != NULL);
  text_length = strlen (text);
  fuzz_check (text_length > 0);
  fuzz_check (g_utf8_validate (text, text_length, NULL));
  fuzz_check (strchr (text, '\r') == NULL);
  fuzz_check (crosscheck_encoding_to_string (encoding) != NULL);
  fuzz_check (had_bom == TRUE || had_bom == FALSE);
  fuzz_check (!had_bom || encoding != CROSSCHECK_ENCODING_UTF8);
  fuzz_check (had_bom || encoding != CROSSCHECK_ENCODING_UTF8_BOM);

  /* Valid UTF-8 without a byte-order mark or NUL passes through untouched
   * but for its line ends, which only ever get shorter. */
  if (encoding == CROSSCHECK_ENCODING_UTF8)
    {
      fuzz_check (text_length <= size);
      fuzz_check (g_utf8_validate ((const char *) data, size, NULL));
    }

  /* The document holds the same text and finds every character. */
  fuzz_check (g_strcmp0 (crosscheck_document_get_text (document), text) == 0);
  fuzz_check (crosscheck_document_get_encoding (document) == encoding);
  fuzz_check (crosscheck_document_get_byte_length (document) == text_length);
  length = crosscheck_document_get_length (document);
  fuzz_check (length == (guint) g_utf8_strlen (text, text_length));
  fuzz_check (crosscheck_document_offset_to_byte (document, length) == text_length);
  fuzz_check (crosscheck_document_byte_to_offset (document, text_length) == length);
  fuzz_check (crosscheck_document_offset_to_byte (document, length / 2) ==
              (gsize) (g_utf8_offset_to_pointer (text, length / 2) - text));
  fuzz_check (g_utf8_validate (crosscheck_document_get_title (document), -1, NULL));

  return 0;
}
