/* crosscheck-decode.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crosscheck-decode.h"
#include "crosscheck-errors.h"

static const char * const encoding_names[] = {
  [CROSSCHECK_ENCODING_UTF8] = "utf-8",
  [CROSSCHECK_ENCODING_UTF8_BOM] = "utf-8-bom",
  [CROSSCHECK_ENCODING_UTF16LE] = "utf-16le",
  [CROSSCHECK_ENCODING_UTF16BE] = "utf-16be",
  [CROSSCHECK_ENCODING_WINDOWS_1252] = "windows-1252",
};

/* Windows-1252 differs from Latin-1 only in 0x80–0x9F. The five bytes that
 * code page leaves undefined map to the C1 controls of the same value, as
 * the WHATWG Encoding Standard does, so that no byte is ever lost. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/**
 * crosscheck_set_too_large_error:
 * @error: return location for a #GError
 * @size: the size of the file, in bytes
 *
 * Says that an article is over %CROSSCHECK_DOCUMENT_MAX_BYTES, naming the
 * limit, and what to do about it.
 */
void
crosscheck_set_too_large_error (GError  **error,
                                guint64   size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (CROSSCHECK_DOCUMENT_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_TOO_LARGE,
               _("The file is %s, over Crosscheck’s limit of %s for one article. "
                 "Split it into smaller articles and open those."),
               size_text, limit);
}

const char *
crosscheck_encoding_to_string (CrosscheckEncoding encoding)
{
  g_return_val_if_fail (encoding <= CROSSCHECK_ENCODING_WINDOWS_1252, NULL);

  return encoding_names[encoding];
}

gboolean
crosscheck_encoding_from_string (const char         *string,
                                 CrosscheckEncoding *encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encoding_names); i++)
    {
      if (g_strcmp0 (string, encoding_names[i]) == 0)
        {
          *encoding = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Turns CR LF and lone CR into LF, in place. Returns the new length. */
static gsize
normalize_line_endings (char  *text,
                        gsize  length)
{
  gsize w = 0;

  for (gsize r = 0; r < length; r++)
    {
      if (text[r] == '\r')
        {
          text[w++] = '\n';
          if (r + 1 < length && text[r + 1] == '\n')
            r++;
        }
      else
        text[w++] = text[r];
    }

  text[w] = '\0';
  return w;
}

static char *
decode_windows_1252 (const guint8 *data,
                     gsize         length)
{
  GString *out = g_string_sized_new (length + length / 8 + 1);

  for (gsize i = 0; i < length; i++)
    {
      guint8 b = data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }

  return g_string_free (out, FALSE);
}

static char *
decode_utf16 (const guint8  *data,
              gsize          length,
              gboolean       big_endian,
              GError       **error)
{
  g_autofree gunichar2 *units = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize n_units = length / 2;
  char *text;

  if (length % 2 != 0)
    {
      g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_ENCODING,
                   _("The file looks like UTF-16 but has an odd number of bytes, so it is "
                     "cut short or damaged. Save it again as UTF-8 and retry."));
      return NULL;
    }

  units = g_new (gunichar2, n_units + 1);
  for (gsize i = 0; i < n_units; i++)
    {
      guint8 hi = big_endian ? data[2 * i] : data[2 * i + 1];
      guint8 lo = big_endian ? data[2 * i + 1] : data[2 * i];

      units[i] = (gunichar2) ((hi << 8) | lo);
      if (units[i] == 0)
        {
          g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_BINARY,
                       _("The file contains NUL characters, so it is a binary file, not "
                         "plain text. Open the article as a plain text file (.txt)."));
          return NULL;
        }
    }
  units[n_units] = 0;

  text = g_utf16_to_utf8 (units, n_units, NULL, NULL, &local_error);
  if (text == NULL)
    {
      g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_ENCODING,
                   _("The file looks like UTF-16 but is not valid UTF-16 (%s). "
                     "Save it again as UTF-8 and retry."),
                   local_error->message);
      return NULL;
    }

  return text;
}

/* UTF-16 without a byte-order mark shows up as a NUL in one byte of most
 * pairs (Latin text) and rarely in the other (characters such as U+4E00 一
 * or U+3000 have a zero low byte). Returns TRUE and the byte order if the
 * sample looks like that. */
static gboolean
guess_utf16 (const guint8 *data,
             gsize         length,
             gboolean     *big_endian)
{
  gsize n = MIN (length, 4096) & ~(gsize) 1;
  gsize pairs = n / 2;
  gsize even_nuls = 0;
  gsize odd_nuls = 0;

  /* Too short to tell text from a few binary bytes. */
  if (pairs < 4 || length % 2 != 0)
    return FALSE;

  for (gsize i = 0; i < n; i += 2)
    {
      even_nuls += data[i] == 0;
      odd_nuls += data[i + 1] == 0;
    }

  if (odd_nuls * 4 >= pairs && even_nuls * 4 <= odd_nuls)
    {
      *big_endian = FALSE;
      return TRUE;
    }
  if (even_nuls * 4 >= pairs && odd_nuls * 4 <= even_nuls)
    {
      *big_endian = TRUE;
      return TRUE;
    }

  return FALSE;
}

/**
 * crosscheck_decode_text:
 * @data: (array length=length): the bytes of an article file
 * @length: the number of bytes
 * @encoding: (out) (optional): how the bytes were decoded
 * @had_bom: (out) (optional): whether a byte-order mark said so
 * @error: return location for a #GError
 *
 * Decodes an article file into UTF-8. UTF-8 (with or without a byte-order
 * mark) and UTF-16 with a byte-order mark are read as such; UTF-16 without
 * one is recognised by its pattern of NUL bytes; anything else that is not
 * valid UTF-8 is read as Windows-1252. CR LF and lone CR become LF; nothing
 * else is changed. Binary files (NUL bytes), empty files and files over
 * %CROSSCHECK_DOCUMENT_MAX_BYTES are refused.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
crosscheck_decode_text (const guint8        *data,
                        gsize                length,
                        CrosscheckEncoding  *encoding,
                        gboolean            *had_bom,
                        GError             **error)
{
  CrosscheckEncoding enc = CROSSCHECK_ENCODING_UTF8;
  gboolean bom = FALSE;
  gboolean big_endian = FALSE;
  g_autofree char *text = NULL;
  gsize text_length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > CROSSCHECK_DOCUMENT_MAX_BYTES)
    {
      crosscheck_set_too_large_error (error, length);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_EMPTY,
                   _("The file is empty. Choose a file that contains the article’s text."));
      return NULL;
    }

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      enc = CROSSCHECK_ENCODING_UTF8_BOM;
      bom = TRUE;
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      enc = CROSSCHECK_ENCODING_UTF16LE;
      bom = TRUE;
      data += 2;
      length -= 2;
    }
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      enc = CROSSCHECK_ENCODING_UTF16BE;
      bom = TRUE;
      data += 2;
      length -= 2;
    }
  else if (memchr (data, '\0', length) != NULL)
    {
      if (!guess_utf16 (data, length, &big_endian))
        {
          g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_BINARY,
                       _("The file contains NUL bytes, so it is a binary file, not plain "
                         "text. Open the article as a plain text file (.txt)."));
          return NULL;
        }
      enc = big_endian ? CROSSCHECK_ENCODING_UTF16BE : CROSSCHECK_ENCODING_UTF16LE;
    }

  switch (enc)
    {
    case CROSSCHECK_ENCODING_UTF16LE:
    case CROSSCHECK_ENCODING_UTF16BE:
      text = decode_utf16 (data, length, enc == CROSSCHECK_ENCODING_UTF16BE, error);
      if (text == NULL)
        return NULL;
      break;

    case CROSSCHECK_ENCODING_UTF8_BOM:
      if (memchr (data, '\0', length) != NULL)
        {
          g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_BINARY,
                       _("The file contains NUL bytes, so it is a binary file, not plain "
                         "text. Open the article as a plain text file (.txt)."));
          return NULL;
        }
      if (!g_utf8_validate_len ((const char *) data, length, NULL))
        {
          g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_ENCODING,
                       _("The file starts with a UTF-8 byte-order mark but is not valid "
                         "UTF-8. Save it again as UTF-8 and retry."));
          return NULL;
        }
      text = g_strndup ((const char *) data, length);
      break;

    case CROSSCHECK_ENCODING_UTF8:
    case CROSSCHECK_ENCODING_WINDOWS_1252:
    default:
      if (g_utf8_validate_len ((const char *) data, length, NULL))
        text = g_strndup ((const char *) data, length);
      else
        {
          enc = CROSSCHECK_ENCODING_WINDOWS_1252;
          text = decode_windows_1252 (data, length);
        }
      break;
    }

  text_length = strlen (text);

  text_length = normalize_line_endings (text, text_length);

  if (text_length == 0)
    {
      g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_EMPTY,
                   _("The file is empty. Choose a file that contains the article’s text."));
      return NULL;
    }

  if (encoding != NULL)
    *encoding = enc;
  if (had_bom != NULL)
    *had_bom = bom;

  return g_steal_pointer (&text);
}
