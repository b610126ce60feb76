/* test-document.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "crosscheck-document.h"
#include "crosscheck-sha256.h"
#include "crosscheck-utils.h"
#include "crosscheck-errors.h"

/* Expected values are literals (lengths and digests checked with Python's
 * len() and hashlib) or come from walking the text with GLib's own UTF-8
 * functions, never from the code under test. */

/* "Café 🌉 中文 é\n🌉", the last é as e + U+0301: 14 code points, 26 bytes. */
static const char mixed_text[] =
  "Caf\xc3\xa9 \xf0\x9f\x8c\x89 \xe4\xb8\xad\xe6\x96\x87 e\xcc\x81\n\xf0\x9f\x8c\x89";

/* Tests of known bugs run their body in a child process, so that a failed
 * assertion or a crash there marks only that case as failed and the other
 * cases still run. */
static gboolean
run_in_subprocess (void)
{
  if (g_test_subprocess ())
    return FALSE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    {
      g_test_message ("known bug: see the comment above this test");
      g_test_fail ();
    }

  return TRUE;
}

static CrosscheckDocument *
document_from_string (const char *data,
                      const char *source)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  g_autoptr(GError) error = NULL;
  CrosscheckDocument *document;

  document = crosscheck_document_new_from_bytes (bytes, source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static CrosscheckDocument *
document_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  CrosscheckDocument *document;

  document = crosscheck_document_new_from_text (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* Checks every offset from 0 to the length, both ways, against a walk over
 * the text with g_utf8_next_char(). */
static void
assert_offsets_match_walk (CrosscheckDocument *document)
{
  const char *text = crosscheck_document_get_text (document);
  guint length = crosscheck_document_get_length (document);
  const char *p = text;
  guint offset = 0;

  for (;;)
    {
      gsize byte = p - text;

      if (crosscheck_document_offset_to_byte (document, offset) != byte ||
          crosscheck_document_byte_to_offset (document, byte) != offset)
        {
          g_test_message ("mismatch at offset %u, byte %" G_GSIZE_FORMAT, offset, byte);
          g_assert_cmpuint (crosscheck_document_offset_to_byte (document, offset), ==, byte);
          g_assert_cmpuint (crosscheck_document_byte_to_offset (document, byte), ==, offset);
          return;
        }

      if (*p == '\0')
        break;
      p = g_utf8_next_char (p);
      offset++;
    }

  g_assert_cmpuint (offset, ==, length);
  g_assert_cmpuint (p - text, ==, crosscheck_document_get_byte_length (document));
}

static void
test_from_bytes_title_source (void)
{
  g_autoptr(CrosscheckDocument) document = NULL;

  document = document_from_string ("\n\n   \n\t  Rail strike ends after talks  \n"
                                   "Second line\n", "strike.txt");

  g_assert_cmpstr (crosscheck_document_get_source (document), ==, "strike.txt");
  g_assert_cmpstr (crosscheck_document_get_title (document), ==, "Rail strike ends after talks");
  g_assert_cmpstr (crosscheck_document_get_text (document), ==,
                   "\n\n   \n\t  Rail strike ends after talks  \nSecond line\n");
  g_assert_cmpint (crosscheck_document_get_encoding (document), ==, CROSSCHECK_ENCODING_UTF8);
}

static void
test_from_bytes_crlf_title (void)
{
  g_autoptr(CrosscheckDocument) document = NULL;

  /* Blank CR LF lines are blank lines too, and the CR never reaches the title. */
  document = document_from_string ("\r\n \r\n" "Caf\xc3\xa9 opens\r\nBody\r\n", "cafe.txt");

  g_assert_cmpstr (crosscheck_document_get_title (document), ==, "Caf\xc3\xa9 opens");
  g_assert_cmpstr (crosscheck_document_get_text (document), ==,
                   "\n \n" "Caf\xc3\xa9 opens\nBody\n");
  g_assert_null (strchr (crosscheck_document_get_text (document), '\r'));
}

static void
test_title_long_ascii (void)
{
  /* 200 characters on the first line. */
  static const char line[] =
    "Minister announces sweeping reform of regional rail timetables after mon"
    "ths of delays, cancellations and mounting passenger complaints across th"
    "e northern network, officials confirmed on Tuesday and a";
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autofree char *text = g_strconcat (line, "\nBody text.\n", NULL);
  const char *title;

  g_assert_cmpint (strlen (line), ==, 200);

  document = document_from_string (text, "rail.txt");
  title = crosscheck_document_get_title (document);

  g_assert_cmpstr (title, ==,
                   "Minister announces sweeping reform of regional rail timetables after months"
                   " of\xe2\x80\xa6");
  g_assert_cmpint (g_utf8_strlen (title, -1), <=, 80);
  g_assert_true (g_str_has_suffix (title, "\xe2\x80\xa6"));
  /* The cut is at a word boundary: the text goes on with a space there. */
  g_assert_cmpint (line[strlen (title) - strlen ("\xe2\x80\xa6")], ==, ' ');
}

static void
test_title_long_accented (void)
{
  /* 189 characters, 206 bytes, with accents, guillemets and a curly
   * apostrophe, so that bytes and characters differ. */
  static const char line[] =
    "\xc3\x89lections r\xc3\xa9gionales : le pr\xc3\xa9sident \xc3\xa9voque \xc2\xab "
    "une r\xc3\xa9" "forme ambitieuse \xc2\xbb apr\xc3\xa8s plusieurs mois de"
    " d\xc3\xa9" "bats intenses \xc3\xa0 l\xe2\x80\x99" "Assembl\xc3\xa9" "e "
    "nationale et au S\xc3\xa9nat, selon des \xc3\xa9lus pr\xc3\xa9sents jeud"
    "i soir \xc3\xa0 Paris";
  g_autoptr(CrosscheckDocument) document = NULL;
  const char *title;

  g_assert_cmpint (g_utf8_strlen (line, -1), ==, 189);

  document = document_from_string (line, "elections.txt");
  title = crosscheck_document_get_title (document);

  g_assert_cmpstr (title, ==,
                   "\xc3\x89lections r\xc3\xa9gionales : le pr\xc3\xa9sident "
                   "\xc3\xa9voque \xc2\xab une r\xc3\xa9" "forme ambitieuse \xc2\xbb "
                   "apr\xc3\xa8s\xe2\x80\xa6");
  g_assert_cmpint (g_utf8_strlen (title, -1), ==, 76);
}

static void
test_title_long_no_space (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(CrosscheckDocument) document = NULL;
  const char *title;

  /* 200 × 中 has no word break at all, so the title is cut mid-text. */
  for (guint i = 0; i < 200; i++)
    g_string_append (line, "\xe4\xb8\xad");
  for (guint i = 0; i < 79; i++)
    g_string_append (expected, "\xe4\xb8\xad");
  g_string_append (expected, "\xe2\x80\xa6");

  document = document_from_string (line->str, "zh.txt");
  title = crosscheck_document_get_title (document);

  g_assert_cmpstr (title, ==, expected->str);
  g_assert_cmpint (g_utf8_strlen (title, -1), ==, 80);
}

static void
test_title_whitespace_only (void)
{
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(CrosscheckDocument) anonymous = NULL;

  document = document_from_string ("   \n\t\n  \n\n \t ", "blank.txt");
  g_assert_cmpstr (crosscheck_document_get_title (document), ==, "blank.txt");
  g_assert_cmpstr (crosscheck_document_get_source (document), ==, "blank.txt");

  /* Without a source there is nothing to fall back to. */
  anonymous = document_from_string ("   \n\t\n", NULL);
  g_assert_cmpstr (crosscheck_document_get_title (anonymous), ==, "");
  g_assert_cmpstr (crosscheck_document_get_source (anonymous), ==, "");
}

static void
test_title_not_replaced_by_source (void)
{
  g_autoptr(CrosscheckDocument) document = NULL;

  document = document_from_string ("Headline", "file-name.txt");
  g_assert_cmpstr (crosscheck_document_get_title (document), ==, "Headline");
  g_assert_cmpstr (crosscheck_document_get_source (document), ==, "file-name.txt");
}

static void
test_sha256 (void)
{
  /* "Café 🌉 中文\nZweite Zeile — ñ\n": 27 code points, 38 bytes; hex digest
   * from Python's hashlib.sha256 over its UTF-8 bytes. */
  static const char text[] =
    "Caf\xc3\xa9 \xf0\x9f\x8c\x89 \xe4\xb8\xad\xe6\x96\x87\n"
    "Zweite Zeile \xe2\x80\x94 \xc3\xb1\n";
  static const char text_crlf[] =
    "Caf\xc3\xa9 \xf0\x9f\x8c\x89 \xe4\xb8\xad\xe6\x96\x87\r\n"
    "Zweite Zeile \xe2\x80\x94 \xc3\xb1\r\n";
  static const char digest[] =
    "474a966b5f3d1a23e729fac771689f9fb5e3c0fb1d87a69bec703bc53caa6959";
  g_autoptr(CrosscheckDocument) from_text = document_from_text (text);
  g_autoptr(CrosscheckDocument) from_bytes = document_from_string (text, "a.txt");
  g_autoptr(CrosscheckDocument) from_crlf = document_from_string (text_crlf, "b.txt");
  g_autoptr(CrosscheckDocument) other = document_from_text ("Caf\xc3\xa9");

  g_assert_cmpstr (crosscheck_document_get_sha256 (from_text), ==, digest);
  g_assert_cmpstr (crosscheck_document_get_sha256 (from_bytes), ==, digest);
  /* The digest is of the normalised text, not of the file's bytes. */
  g_assert_cmpstr (crosscheck_document_get_sha256 (from_crlf), ==, digest);
  g_assert_cmpstr (crosscheck_document_get_sha256 (other), !=, digest);

  g_assert_cmpuint (crosscheck_document_get_length (from_text), ==, 27);
  g_assert_cmpuint (crosscheck_document_get_byte_length (from_text), ==, 38);
}

static void
test_length (void)
{
  static const struct {
    const char *text;
    guint length;
    gsize byte_length;
  } cases[] = {
    /* "👍🏽 👨‍👩‍👧 🌉": skin-tone modifier and ZWJ sequence count per code point. */
    { "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
      "\xe2\x80\x8d\xf0\x9f\x91\xa7 \xf0\x9f\x8c\x89", 10, 32 },
    /* "中文字 日本語" */
    { "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 7, 19 },
    /* "éạ̀ ñ" in decomposed form: e + U+0301, a + U+0300 + U+0323, n + U+0303 */
    { "e\xcc\x81" "a\xcc\x80\xcc\xa3 n\xcc\x83", 8, 12 },
    { mixed_text, 14, 26 },
    { "ASCII only", 10, 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrosscheckDocument) document = document_from_text (cases[i].text);
      guint length;

      g_test_message ("case %u", i);
      g_object_get (document, "length", &length, NULL);
      g_assert_cmpuint (crosscheck_document_get_length (document), ==, cases[i].length);
      g_assert_cmpuint (length, ==, cases[i].length);
      g_assert_cmpuint (crosscheck_document_get_byte_length (document), ==, cases[i].byte_length);
    }
}

static void
test_offsets_mixed (void)
{
  g_autoptr(CrosscheckDocument) document = document_from_text (mixed_text);
  const char *text = crosscheck_document_get_text (document);
  guint length = crosscheck_document_get_length (document);

  g_assert_cmpuint (length, ==, 14);
  g_assert_cmpuint (crosscheck_document_get_byte_length (document), ==, 26);

  for (guint offset = 0; offset <= length; offset++)
    {
      gsize byte = g_utf8_offset_to_pointer (text, offset) - text;

      g_assert_cmpuint (crosscheck_document_offset_to_byte (document, offset), ==, byte);
      g_assert_cmpuint (crosscheck_document_byte_to_offset (document, byte), ==, offset);
      g_assert_cmpuint (crosscheck_document_byte_to_offset (document,
                          crosscheck_document_offset_to_byte (document, offset)), ==, offset);
    }

  /* A few positions written out by hand. */
  g_assert_cmpuint (crosscheck_document_offset_to_byte (document, 4), ==, 5);   /* after é */
  g_assert_cmpuint (crosscheck_document_offset_to_byte (document, 6), ==, 10);  /* after 🌉 */
  g_assert_cmpuint (crosscheck_document_offset_to_byte (document, 9), ==, 17);  /* after 文 */
  g_assert_cmpuint (crosscheck_document_offset_to_byte (document, 12), ==, 21); /* after U+0301 */
  g_assert_cmpuint (crosscheck_document_offset_to_byte (document, 14), ==, 26);
  g_assert_cmpuint (crosscheck_document_byte_to_offset (document, 26), ==, 14);
}

/* Pieces of text and how many code points each has, to build long texts
 * whose length is known without asking the code under test. */
static const struct {
  const char *text;
  guint n_chars;
} pieces[] = {
  { "a", 1 },
  { "xyz", 3 },
  { " ", 1 },
  { "\n", 1 },
  { "\xc3\xa9", 1 },                                  /* é */
  { "\xd0\x96", 1 },                                  /* Ж */
  { "\xe4\xb8\xad", 1 },                              /* 中 */
  { "\xf0\x9f\x8c\x89", 1 },                          /* 🌉 */
  { "e\xcc\x81", 2 },                                 /* e + U+0301 */
  { "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 2 },          /* 👍🏽 */
  { "The quick brown fox ", 20 },
};

static void
test_offsets_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260313);
  g_autoptr(CrosscheckDocument) document = NULL;
  guint expected_length = 0;

  /* About 100 KB with a multi-byte character every few characters, so that
   * the checkpoints (one every 256 code points) fall at irregular bytes. */
  while (text->len < 100 * 1024)
    {
      guint i = g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces));

      g_string_append (text, pieces[i].text);
      expected_length += pieces[i].n_chars;
    }

  document = document_from_text (text->str);

  g_assert_cmpuint (expected_length, >, 10 * 256);
  g_assert_cmpuint (crosscheck_document_get_length (document), ==, expected_length);
  g_assert_cmpuint (crosscheck_document_get_byte_length (document), ==, text->len);
  g_assert_cmpstr (crosscheck_document_get_text (document), ==, text->str);
  g_assert_cmpuint (crosscheck_document_get_byte_length (document), >,
                    crosscheck_document_get_length (document));

  assert_offsets_match_walk (document);

  /* Slices that straddle checkpoints, against pointers found by GLib. */
  for (guint start = 250; start + 600 <= expected_length; start += 997)
    {
      guint end = start + 600;
      const char *p0 = g_utf8_offset_to_pointer (text->str, start);
      const char *p1 = g_utf8_offset_to_pointer (text->str, end);
      g_autofree char *expected = g_strndup (p0, p1 - p0);
      g_autofree char *slice = crosscheck_document_dup_slice (document, start, end);

      g_assert_cmpstr (slice, ==, expected);
    }
}

static void
test_offsets_stride_edges (void)
{
  /* Lengths just around multiples of the checkpoint stride. */
  static const guint lengths[] = { 1, 2, 255, 256, 257, 511, 512, 513, 1023, 1024, 1025 };

  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    {
      for (guint pattern = 0; pattern < 3; pattern++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(CrosscheckDocument) document = NULL;

          for (guint i = 0; i < lengths[l]; i++)
            {
              if (pattern == 0)
                g_string_append (text, "\xf0\x9f\x8c\x89");              /* all 🌉 */
              else if (pattern == 1)
                g_string_append (text, i % 2 == 0 ? "\xc3\xa9" : "a");   /* é a é a … */
              else
                g_string_append (text, i + 1 < lengths[l] ? "a" : "\xe4\xb8\xad"); /* a…a中 */
            }

          g_test_message ("length %u, pattern %u", lengths[l], pattern);
          document = document_from_text (text->str);
          g_assert_cmpuint (crosscheck_document_get_length (document), ==, lengths[l]);
          g_assert_cmpuint (crosscheck_document_get_byte_length (document), ==, text->len);
          assert_offsets_match_walk (document);
          g_assert_cmpuint (crosscheck_document_offset_to_byte (document, lengths[l]), ==,
                            text->len);
          g_assert_cmpuint (crosscheck_document_byte_to_offset (document, text->len), ==,
                            lengths[l]);
        }
    }
}

static void
test_offsets_ascii (void)
{
  static const char short_text[] = "Hello, world!\nSecond line.";
  g_autoptr(CrosscheckDocument) document = document_from_text (short_text);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(CrosscheckDocument) long_document = NULL;
  g_autofree char *slice = NULL;

  g_assert_cmpuint (crosscheck_document_get_length (document), ==, 26);
  g_assert_cmpuint (crosscheck_document_get_byte_length (document), ==, 26);
  for (guint offset = 0; offset <= 26; offset++)
    {
      g_assert_cmpuint (crosscheck_document_offset_to_byte (document, offset), ==, offset);
      g_assert_cmpuint (crosscheck_document_byte_to_offset (document, offset), ==, offset);
    }

  slice = crosscheck_document_dup_slice (document, 7, 12);
  g_assert_cmpstr (slice, ==, "world");

  for (guint i = 0; i < 3000; i++)
    g_string_append_c (long_text, (char) ('a' + i % 26));
  long_document = document_from_text (long_text->str);
  g_assert_cmpuint (crosscheck_document_get_length (long_document), ==, 3000);
  assert_offsets_match_walk (long_document);
}

static void
test_slice (void)
{
  /* "🌉ab🌉中文🌉": 7 code points with emoji at both ends. */
  static const char text[] =
    "\xf0\x9f\x8c\x89" "ab\xf0\x9f\x8c\x89\xe4\xb8\xad\xe6\x96\x87\xf0\x9f\x8c\x89";
  static const struct {
    guint start;
    guint end;
    const char *expected;
  } cases[] = {
    { 0, 1, "\xf0\x9f\x8c\x89" },
    { 0, 3, "\xf0\x9f\x8c\x89" "ab" },
    { 1, 4, "ab\xf0\x9f\x8c\x89" },
    { 3, 4, "\xf0\x9f\x8c\x89" },
    { 4, 6, "\xe4\xb8\xad\xe6\x96\x87" },
    { 6, 7, "\xf0\x9f\x8c\x89" },
    { 3, 7, "\xf0\x9f\x8c\x89\xe4\xb8\xad\xe6\x96\x87\xf0\x9f\x8c\x89" },
    { 0, 7, text },
    { 0, 0, "" },
    { 2, 2, "" },
    { 7, 7, "" },
  };
  g_autoptr(CrosscheckDocument) document = document_from_text (text);

  g_assert_cmpuint (crosscheck_document_get_length (document), ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slice = crosscheck_document_dup_slice (document, cases[i].start,
                                                              cases[i].end);

      g_test_message ("slice %u–%u", cases[i].start, cases[i].end);
      g_assert_cmpstr (slice, ==, cases[i].expected);
    }
}

static void
test_from_text (void)
{
  g_autoptr(CrosscheckDocument) document = NULL;
  g_auto(GStrv) warnings = NULL;

  document = document_from_text ("Title\nBody with caf\xc3\xa9.\n");
  g_assert_cmpstr (crosscheck_document_get_text (document), ==, "Title\nBody with caf\xc3\xa9.\n");
  g_assert_cmpstr (crosscheck_document_get_title (document), ==, "Title");
  g_assert_cmpstr (crosscheck_document_get_source (document), ==, "");
  g_assert_null (crosscheck_document_get_published (document));
  g_assert_cmpint (crosscheck_document_get_encoding (document), ==, CROSSCHECK_ENCODING_UTF8);

  warnings = crosscheck_document_dup_warnings (document);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
}

static void
test_from_text_refused (void)
{
  static const struct {
    const char *text;
    int code;
  } cases[] = {
    { "line one\r\nline two", CROSSCHECK_DOCUMENT_ERROR_INVALID },
    { "line one\rline two", CROSSCHECK_DOCUMENT_ERROR_INVALID },
    { "trailing CR\r", CROSSCHECK_DOCUMENT_ERROR_INVALID },
    { "", CROSSCHECK_DOCUMENT_ERROR_EMPTY },
    { "caf\xe9", CROSSCHECK_DOCUMENT_ERROR_ENCODING },
    { "cut short \xe4\xb8", CROSSCHECK_DOCUMENT_ERROR_ENCODING },
    /* A UTF-16 surrogate encoded as UTF-8 (CESU-8) is not UTF-8. */
    { "\xed\xa0\xbc\xed\xbc\x89", CROSSCHECK_DOCUMENT_ERROR_ENCODING },
    { "overlong \xc0\xaf", CROSSCHECK_DOCUMENT_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrosscheckDocument) document = NULL;

      g_test_message ("case %u", i);
      document = crosscheck_document_new_from_text (cases[i].text, &error);
      g_assert_null (document);
      g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, cases[i].code);
    }
}

static void
test_from_bytes_refused (void)
{
  static const struct {
    const char *data;
    gsize length;
    int code;
  } cases[] = {
    { "binary\0file with a NUL in the middle of its text", 48, CROSSCHECK_DOCUMENT_ERROR_BINARY },
    { "\xef\xbb\xbf", 3, CROSSCHECK_DOCUMENT_ERROR_EMPTY },
    { "\xef\xbb\xbf" "caf\xe9", 7, CROSSCHECK_DOCUMENT_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, cases[i].length);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrosscheckDocument) document = NULL;

      g_test_message ("case %u", i);
      document = crosscheck_document_new_from_bytes (bytes, "x.txt", &error);
      g_assert_null (document);
      g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, cases[i].code);
    }
}

/* Fails until fixed (crashes): g_bytes_get_data() returns NULL for an empty
 * GBytes such as g_bytes_new ("", 0), crosscheck_decode_text() then calls
 * strlen (g_strndup (NULL, 0)), that is strlen (NULL), instead of reporting
 * CROSSCHECK_DOCUMENT_ERROR_EMPTY. */
static void
test_from_bytes_empty (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckDocument) document = NULL;

  if (run_in_subprocess ())
    return;

  bytes = g_bytes_new ("", 0);
  document = crosscheck_document_new_from_bytes (bytes, "empty.txt", &error);
  g_assert_null (document);
  g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_EMPTY);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("crosscheck-test-document-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);

  return dir;
}

static void
test_from_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "\xef\xbb\xbf" "Headline\r\nLine two\r\nLine three\r", -1, &error);
  g_assert_no_error (error);

  document = crosscheck_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (crosscheck_document_get_text (document), ==,
                   "Headline\nLine two\nLine three\n");
  g_assert_cmpstr (crosscheck_document_get_source (document), ==, "article.txt");
  g_assert_cmpstr (crosscheck_document_get_title (document), ==, "Headline");
  g_assert_cmpint (crosscheck_document_get_encoding (document), ==,
                   CROSSCHECK_ENCODING_UTF8_BOM);
  g_assert_cmpuint (crosscheck_document_get_length (document), ==, 29);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_from_file_empty (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  document = crosscheck_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_EMPTY);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_from_file_directory (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = crosscheck_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_from_file_missing (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = crosscheck_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Makes a sparse file one byte over the limit, without writing 64 MiB. */
static GFile *
make_huge_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), CROSSCHECK_DOCUMENT_MAX_BYTES + 1,
                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static void
test_from_file_too_large (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) file = make_huge_file (dir);
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = crosscheck_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Split"));

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Fails until fixed: as in crosscheck_decode_text(), the message shows the
 * limit with g_format_size() (SI units), “67.1 MB”, the same figure as the
 * file’s own size, and never the documented 64 MiB. */
static void
test_from_file_too_large_names_limit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (run_in_subprocess ())
    return;

  dir = make_tmp_dir ();
  file = make_huge_file (dir);
  document = crosscheck_document_new_from_file (file, NULL, &error);
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);

  g_assert_null (document);
  g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_TOO_LARGE);
  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, "64"));
  g_assert_true (strstr (error->message, "MB") != NULL || strstr (error->message, "MiB") != NULL);
}

static void
test_warnings (void)
{
  static const guint8 utf16[] = { 0xff, 0xfe, 'H', 0, 'i', 0 };
  g_autoptr(CrosscheckDocument) cp1252 = NULL;
  g_autoptr(CrosscheckDocument) utf8 = NULL;
  g_autoptr(CrosscheckDocument) utf16_document = NULL;
  g_autoptr(GBytes) utf16_bytes = g_bytes_new_static (utf16, sizeof utf16);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cp1252_warnings = NULL;
  g_auto(GStrv) utf8_warnings = NULL;
  g_auto(GStrv) utf16_warnings = NULL;

  cp1252 = document_from_string ("\x93" "Caf\xe9\x94 \x80" "5\n", "old.txt");
  g_assert_cmpint (crosscheck_document_get_encoding (cp1252), ==,
                   CROSSCHECK_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (crosscheck_document_get_text (cp1252), ==,
                   "\xe2\x80\x9c" "Caf\xc3\xa9\xe2\x80\x9d \xe2\x82\xac" "5\n");
  cp1252_warnings = crosscheck_document_dup_warnings (cp1252);
  g_assert_cmpuint (g_strv_length (cp1252_warnings), ==, 1);
  g_assert_nonnull (strstr (cp1252_warnings[0], "Windows-1252"));

  utf8 = document_from_string ("\xe2\x80\x9c" "Caf\xc3\xa9\xe2\x80\x9d\n", "new.txt");
  g_assert_cmpint (crosscheck_document_get_encoding (utf8), ==, CROSSCHECK_ENCODING_UTF8);
  utf8_warnings = crosscheck_document_dup_warnings (utf8);
  g_assert_nonnull (utf8_warnings);
  g_assert_cmpuint (g_strv_length (utf8_warnings), ==, 0);

  utf16_document = crosscheck_document_new_from_bytes (utf16_bytes, "w.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpint (crosscheck_document_get_encoding (utf16_document), ==,
                   CROSSCHECK_ENCODING_UTF16LE);
  g_assert_cmpstr (crosscheck_document_get_text (utf16_document), ==, "Hi");
  utf16_warnings = crosscheck_document_dup_warnings (utf16_document);
  g_assert_cmpuint (g_strv_length (utf16_warnings), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_published (void)
{
  static const char *invalid[] = {
    "2023-02-30", "13/03/2023", "", "2023-13-01", "2023-3-13", "yesterday",
    "2023-03-13T25:00:00Z", "2023-03-13 08:00",
  };
  g_autoptr(CrosscheckDocument) document = document_from_text ("Text");
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect (document, "notify::published", G_CALLBACK (count_notify), &notified);

  g_assert_null (crosscheck_document_get_published (document));

  g_assert_true (crosscheck_document_set_published (document, "2023-03-13", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crosscheck_document_get_published (document), ==, "2023-03-13");
  g_assert_cmpuint (notified, ==, 1);

  /* Setting the same value again is not a change. */
  g_assert_true (crosscheck_document_set_published (document, "2023-03-13", &error));
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (crosscheck_document_set_published (document, "2023-03-13T08:00:00+01:00",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crosscheck_document_get_published (document), ==,
                   "2023-03-13T08:00:00+01:00");
  g_assert_cmpuint (notified, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid date “%s”", invalid[i]);
      g_assert_false (crosscheck_document_set_published (document, invalid[i], &error));
      g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_INVALID);
      if (error != NULL)
        g_assert_nonnull (strstr (error->message, "2023-03-13"));
      g_clear_error (&error);

      /* The old value stays. */
      g_assert_cmpstr (crosscheck_document_get_published (document), ==,
                       "2023-03-13T08:00:00+01:00");
      g_assert_cmpuint (notified, ==, 2);
    }

  /* A leap day is a real day. */
  g_assert_true (crosscheck_document_set_published (document, "2024-02-29", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crosscheck_document_get_published (document), ==, "2024-02-29");

  /* NULL means unknown. */
  g_assert_true (crosscheck_document_set_published (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (crosscheck_document_get_published (document));
  g_assert_cmpuint (notified, ==, 4);
}

static void
test_make_title (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "", "" },
    { "\n\n\n", "" },
    { " \t \n \t", "" },
    { "single", "single" },
    { "  padded  ", "padded" },
    { "Title\n", "Title" },
    { "\n  \n\tTitle here  \nrest", "Title here" },
    { "First\nSecond", "First" },
    { "  \n" "Caf\xc3\xa9 \xf0\x9f\x8c\x89\n", "Caf\xc3\xa9 \xf0\x9f\x8c\x89" },
    /* The break before the cut is white space; it is dropped before “…”. */
    { "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      "  yyyyyyyyyyyyyyyyyyyy",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\xe2\x80\xa6" },
    { "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      "\tyyyyyyyyyyyyyyyyyyyy",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\xe2\x80\xa6" },
  };
  g_autoptr(GString) exact = g_string_new (NULL);
  g_autoptr(GString) over = NULL;
  g_autoptr(GString) expected_over = g_string_new (NULL);
  g_autoptr(GString) accented = g_string_new (NULL);
  g_autoptr(GString) accented_over = NULL;
  g_autoptr(GString) expected_accented = g_string_new (NULL);
  g_autoptr(GString) early_space = g_string_new ("a ");
  g_autofree char *title = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = crosscheck_document_make_title (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }

  /* Exactly 80 characters are kept whole; 81 are cut to 79 and “…”. */
  for (guint i = 0; i < 80; i++)
    g_string_append_c (exact, 'x');
  title = crosscheck_document_make_title (exact->str);
  g_assert_cmpstr (title, ==, exact->str);
  g_clear_pointer (&title, g_free);

  over = g_string_new (exact->str);
  g_string_append_c (over, 'x');
  for (guint i = 0; i < 79; i++)
    g_string_append_c (expected_over, 'x');
  g_string_append (expected_over, "\xe2\x80\xa6");
  title = crosscheck_document_make_title (over->str);
  g_assert_cmpstr (title, ==, expected_over->str);
  g_clear_pointer (&title, g_free);

  /* The limit counts characters, not bytes: 80 × é is 160 bytes. */
  for (guint i = 0; i < 80; i++)
    g_string_append (accented, "\xc3\xa9");
  title = crosscheck_document_make_title (accented->str);
  g_assert_cmpstr (title, ==, accented->str);
  g_clear_pointer (&title, g_free);

  accented_over = g_string_new (accented->str);
  g_string_append (accented_over, "\xc3\xa9");
  for (guint i = 0; i < 79; i++)
    g_string_append (expected_accented, "\xc3\xa9");
  g_string_append (expected_accented, "\xe2\x80\xa6");
  title = crosscheck_document_make_title (accented_over->str);
  g_assert_cmpstr (title, ==, expected_accented->str);
  g_clear_pointer (&title, g_free);

  /* The only break is too early to be useful: still at most 80 characters,
   * still a prefix of the line, still marked as shortened. */
  for (guint i = 0; i < 100; i++)
    g_string_append_c (early_space, 'b');
  title = crosscheck_document_make_title (early_space->str);
  g_assert_cmpint (g_utf8_strlen (title, -1), <=, 80);
  g_assert_cmpint (g_utf8_strlen (title, -1), >, 40);
  g_assert_true (g_str_has_suffix (title, "\xe2\x80\xa6"));
  g_assert_true (strncmp (title, early_space->str, strlen (title) - strlen ("\xe2\x80\xa6")) == 0);
}

/* Every slice of a text with ASCII runs of every length between
 * characters of two, three and four bytes, against GLib's own count: the
 * offset lookup skips plain ASCII eight bytes at a time. */
static void
test_slices_mixed_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const wide[] = { "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x8c\x89" };
  guint length;

  for (guint i = 0; i < 40; i++)
    {
      for (guint j = 0; j < i % 19; j++)
        g_string_append_c (text, 'a' + j);
      g_string_append (text, wide[i % 3]);
    }
  /* Long enough to pass a checkpoint of the offset index. */
  for (guint i = 0; i < 300; i++)
    g_string_append (text, i % 37 == 0 ? wide[i % 3] : "x");

  document = crosscheck_document_new_from_text (text->str, &error);
  g_assert_no_error (error);
  length = crosscheck_document_get_length (document);
  g_assert_cmpuint (length, ==, g_utf8_strlen (text->str, -1));

  for (guint start = 0; start <= length; start++)
    {
      g_assert_cmpuint (crosscheck_document_offset_to_byte (document, start), ==,
                        (gsize) (g_utf8_offset_to_pointer (text->str, start) - text->str));
      for (guint end = start; end <= length; end += 1 + end % 5)
        {
          g_autofree char *slice = crosscheck_document_dup_slice (document, start, end);
          g_autofree char *expected = g_utf8_substring (text->str, start, end);

          g_assert_cmpstr (slice, ==, expected);
        }
    }
}

/* The SHA-256 used for articles gives GLib's digest for every length
 * around the block size and its padding, and for long random data. */
static void
test_sha256_matches_glib (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231113);
  g_autofree guchar *data = g_malloc (300000);
  static const gsize long_lengths[] = { 1000, 4096, 4096 + 55, 4096 + 56, 65536 + 63, 300000 };
  g_autofree char *abc = crosscheck_sha256_hex ("abc", 3);
  g_autofree char *empty = crosscheck_sha256_hex (NULL, 0);

  /* Two digests written out in FIPS 180-2 and elsewhere. */
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  for (gsize i = 0; i < 300000; i++)
    data[i] = (guchar) g_rand_int_range (rand, 0, 256);

  for (gsize length = 0; length <= 300; length++)
    {
      g_autofree char *ours = crosscheck_sha256_hex (data, length);
      g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);

      g_assert_cmpstr (ours, ==, glib);
    }
  for (guint i = 0; i < G_N_ELEMENTS (long_lengths); i++)
    {
      g_autofree char *ours = crosscheck_sha256_hex (data, long_lengths[i]);
      g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, long_lengths[i]);

      g_assert_cmpstr (ours, ==, glib);
    }
}

/* The fast validator says what GLib says, on text that is mostly ASCII
 * with every kind of bad byte sprinkled in, at every alignment. */
static void
test_utf8_validate (void)
{
  static const char * const fragments[] = {
    "plain words ", "é", "€", "🚢", "大", "\xc3", "\xe2\x82", "\xf0\x9f\x9a", "\x80", "\xbf",
    "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xff", "\x7f",
    "01234567", "\x01",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint valid = 0, invalid = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 12);

      for (guint i = 0; i < n; i++)
        {
          guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (fragments) + 6);

          /* Mostly valid fragments, so that valid texts are common too. */
          g_string_append (text, k < G_N_ELEMENTS (fragments) ? fragments[k] : fragments[k % 5]);
        }
      if (g_rand_int_range (rand, 0, 20) == 0)
        g_string_insert_len (text, g_rand_int_range (rand, 0, text->len + 1), "", 1);

      for (guint skip = 0; skip < MIN (text->len + 1, 9); skip++)
        {
          gboolean expected = g_utf8_validate_len (text->str + skip, text->len - skip, NULL);

          g_assert_cmpint (crosscheck_utf8_validate_len (text->str + skip, text->len - skip), ==, expected);
          if (expected)
            valid++;
          else
            invalid++;
        }
    }

  /* Both answers were exercised. */
  g_assert_cmpuint (valid, >, 10000);
  g_assert_cmpuint (invalid, >, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failing case must not stop the others: the known-bug cases fail. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/document/from-bytes-title-source", test_from_bytes_title_source);
  g_test_add_func ("/core/utils/utf8-validate", test_utf8_validate);
  g_test_add_func ("/core/utils/sha256-matches-glib", test_sha256_matches_glib);
  g_test_add_func ("/core/document/slices-mixed-text", test_slices_mixed_text);
  g_test_add_func ("/core/document/from-bytes-crlf-title", test_from_bytes_crlf_title);
  g_test_add_func ("/core/document/title-long-ascii", test_title_long_ascii);
  g_test_add_func ("/core/document/title-long-accented", test_title_long_accented);
  g_test_add_func ("/core/document/title-long-no-space", test_title_long_no_space);
  g_test_add_func ("/core/document/title-whitespace-only", test_title_whitespace_only);
  g_test_add_func ("/core/document/title-not-replaced-by-source",
                   test_title_not_replaced_by_source);
  g_test_add_func ("/core/document/sha256", test_sha256);
  g_test_add_func ("/core/document/length", test_length);
  g_test_add_func ("/core/document/offsets-mixed", test_offsets_mixed);
  g_test_add_func ("/core/document/offsets-long", test_offsets_long);
  g_test_add_func ("/core/document/offsets-stride-edges", test_offsets_stride_edges);
  g_test_add_func ("/core/document/offsets-ascii", test_offsets_ascii);
  g_test_add_func ("/core/document/slice", test_slice);
  g_test_add_func ("/core/document/from-text", test_from_text);
  g_test_add_func ("/core/document/from-text-refused", test_from_text_refused);
  g_test_add_func ("/core/document/from-bytes-refused", test_from_bytes_refused);
  g_test_add_func ("/core/document/from-bytes-empty", test_from_bytes_empty);
  g_test_add_func ("/core/document/from-file", test_from_file);
  g_test_add_func ("/core/document/from-file-empty", test_from_file_empty);
  g_test_add_func ("/core/document/from-file-directory", test_from_file_directory);
  g_test_add_func ("/core/document/from-file-missing", test_from_file_missing);
  g_test_add_func ("/core/document/from-file-too-large", test_from_file_too_large);
  g_test_add_func ("/core/document/from-file-too-large-names-limit",
                   test_from_file_too_large_names_limit);
  g_test_add_func ("/core/document/warnings", test_warnings);
  g_test_add_func ("/core/document/published", test_published);
  g_test_add_func ("/core/document/make-title", test_make_title);

  return g_test_run ();
}
