/* test-decode.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>

#include "crosscheck-decode.h"
#include "crosscheck-errors.h"

/* Every expected string below is written out byte by byte (and was checked
 * with Python's codecs), never produced by the code under test. UTF-16
 * inputs are byte arrays rather than string literals so that a hex escape
 * can never swallow the letter that follows it. */

/* Decodes @length bytes and checks the text, the encoding and the BOM flag.
 * The out arguments start at values the decoder must overwrite. */
static void
assert_decodes (const guint8       *data,
                gsize               length,
                const char         *expected,
                CrosscheckEncoding  expected_encoding,
                gboolean            expected_bom)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CrosscheckEncoding encoding;
  gboolean had_bom;

  encoding = expected_encoding == CROSSCHECK_ENCODING_UTF8
             ? CROSSCHECK_ENCODING_WINDOWS_1252
             : CROSSCHECK_ENCODING_UTF8;
  had_bom = !expected_bom;

  text = crosscheck_decode_text (data, length, &encoding, &had_bom, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (encoding, ==, expected_encoding);
  g_assert_cmpint (had_bom, ==, expected_bom);
}

/* Decoding must fail with @code, and the message must contain @hint, the
 * part that tells the person what to do about it. */
static void
assert_refused (const guint8 *data,
                gsize         length,
                int           code,
                const char   *hint)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = crosscheck_decode_text (data, length, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, code);
  if (error == NULL)
    return;
  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, hint));
}

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

#define STR_ARGS(s) ((const guint8 *) (s)), (sizeof (s) - 1)

static void
test_utf8_plain (void)
{
  /* "Café 🌉 中文" */
  static const char input[] = "Caf\xc3\xa9 \xf0\x9f\x8c\x89 \xe4\xb8\xad\xe6\x96\x87\n";

  assert_decodes (STR_ARGS (input), input, CROSSCHECK_ENCODING_UTF8, FALSE);
  assert_decodes (STR_ARGS ("plain ASCII"), "plain ASCII", CROSSCHECK_ENCODING_UTF8, FALSE);
}

static void
test_utf8_bom (void)
{
  static const char input[] = "\xef\xbb\xbf" "Caf\xc3\xa9 \xf0\x9f\x8c\x89";

  assert_decodes (STR_ARGS (input), "Caf\xc3\xa9 \xf0\x9f\x8c\x89",
                  CROSSCHECK_ENCODING_UTF8_BOM, TRUE);

  /* Only the leading BOM is removed; a ZWNBSP later on is text. */
  assert_decodes (STR_ARGS ("\xef\xbb\xbf" "a\xef\xbb\xbf" "b"), "a\xef\xbb\xbf" "b",
                  CROSSCHECK_ENCODING_UTF8_BOM, TRUE);
}

static void
test_utf8_bom_invalid (void)
{
  /* A BOM says UTF-8, so a stray Latin-1 byte is damage, not Windows-1252. */
  assert_refused (STR_ARGS ("\xef\xbb\xbf" "caf\xe9"), CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
  /* A truncated multi-byte sequence at the very end. */
  assert_refused (STR_ARGS ("\xef\xbb\xbf" "abc\xe4\xb8"), CROSSCHECK_DOCUMENT_ERROR_ENCODING,
                  "UTF-8");
}

/* Fails until fixed: a UTF-8 BOM followed by NUL bytes is reported as an
 * ENCODING error (“save it again as UTF-8”) instead of BINARY, although
 * CROSSCHECK_DOCUMENT_ERROR_BINARY is documented as “the file contains NUL
 * bytes”. */
static void
test_utf8_bom_nul (void)
{
  if (run_in_subprocess ())
    return;

  assert_refused (STR_ARGS ("\xef\xbb\xbf" "ab\0cd"), CROSSCHECK_DOCUMENT_ERROR_BINARY,
                  "plain text");
}

/* "Hi 🌉\r\nBé": U+1F309 is the surrogate pair D83C DF09. */
static const guint8 utf16le_bom[] = {
  0xff, 0xfe,
  'H', 0x00, 'i', 0x00, ' ', 0x00, 0x3c, 0xd8, 0x09, 0xdf,
  '\r', 0x00, '\n', 0x00, 'B', 0x00, 0xe9, 0x00,
};

static const guint8 utf16be_bom[] = {
  0xfe, 0xff,
  0x00, 'H', 0x00, 'i', 0x00, ' ', 0xd8, 0x3c, 0xdf, 0x09,
  0x00, '\r', 0x00, '\n', 0x00, 'B', 0x00, 0xe9,
};

static const char utf16_expected[] = "Hi \xf0\x9f\x8c\x89\nB\xc3\xa9";

static void
test_utf16le_bom (void)
{
  assert_decodes (utf16le_bom, sizeof utf16le_bom, utf16_expected,
                  CROSSCHECK_ENCODING_UTF16LE, TRUE);
}

static void
test_utf16be_bom (void)
{
  assert_decodes (utf16be_bom, sizeof utf16be_bom, utf16_expected,
                  CROSSCHECK_ENCODING_UTF16BE, TRUE);
}

static void
test_utf16le_no_bom (void)
{
  /* "Hello\r\nWorld é" */
  static const guint8 input[] = {
    'H', 0, 'e', 0, 'l', 0, 'l', 0, 'o', 0, '\r', 0, '\n', 0,
    'W', 0, 'o', 0, 'r', 0, 'l', 0, 'd', 0, ' ', 0, 0xe9, 0,
  };
  g_autoptr(GByteArray) long_input = g_byte_array_new ();
  g_autoptr(GString) long_expected = g_string_new (NULL);
  static const guint8 a_le[] = { 'a', 0 };
  /* 中 is U+4E2D; it comes after the 4096 bytes the detector looks at. */
  static const guint8 tail_le[] = { 0x2d, 0x4e, '!', 0 };

  assert_decodes (input, sizeof input, "Hello\nWorld \xc3\xa9",
                  CROSSCHECK_ENCODING_UTF16LE, FALSE);

  for (guint i = 0; i < 2100; i++)
    {
      g_byte_array_append (long_input, a_le, sizeof a_le);
      g_string_append_c (long_expected, 'a');
    }
  g_byte_array_append (long_input, tail_le, sizeof tail_le);
  g_string_append (long_expected, "\xe4\xb8\xad!");

  assert_decodes (long_input->data, long_input->len, long_expected->str,
                  CROSSCHECK_ENCODING_UTF16LE, FALSE);
}

static void
test_utf16be_no_bom (void)
{
  static const guint8 input[] = {
    0, 'H', 0, 'e', 0, 'l', 0, 'l', 0, 'o', 0, '\r', 0, '\n',
    0, 'W', 0, 'o', 0, 'r', 0, 'l', 0, 'd', 0, ' ', 0, 0xe9,
  };

  assert_decodes (input, sizeof input, "Hello\nWorld \xc3\xa9",
                  CROSSCHECK_ENCODING_UTF16BE, FALSE);
}

/* Fails until fixed: BOM-less UTF-16 is only recognised if the “other” byte
 * of a pair is never zero, so mostly-Latin text with a single character of
 * the form U+xx00 — here U+4E00 一 and U+3000 IDEOGRAPHIC SPACE — is refused
 * as a binary file. */
static void
test_utf16_no_bom_xx00 (void)
{
  /* "Chapter 一\u3000one" */
  static const guint8 le[] = {
    'C', 0, 'h', 0, 'a', 0, 'p', 0, 't', 0, 'e', 0, 'r', 0, ' ', 0,
    0x00, 0x4e, 0x00, 0x30, 'o', 0, 'n', 0, 'e', 0,
  };
  static const guint8 be[] = {
    0, 'C', 0, 'h', 0, 'a', 0, 'p', 0, 't', 0, 'e', 0, 'r', 0, ' ',
    0x4e, 0x00, 0x30, 0x00, 0, 'o', 0, 'n', 0, 'e',
  };
  static const char expected[] = "Chapter \xe4\xb8\x80\xe3\x80\x80one";

  if (run_in_subprocess ())
    return;

  assert_decodes (le, sizeof le, expected, CROSSCHECK_ENCODING_UTF16LE, FALSE);
  assert_decodes (be, sizeof be, expected, CROSSCHECK_ENCODING_UTF16BE, FALSE);
}

static void
test_utf16_odd_length (void)
{
  /* The BOM and the complete units of "Hi" plus half a unit. */
  static const guint8 le[] = { 0xff, 0xfe, 'H', 0, 'i', 0, '!' };
  static const guint8 be[] = { 0xfe, 0xff, 0, 'H', 0, 'i', 0 };

  assert_refused (le, sizeof le, CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
  assert_refused (be, sizeof be, CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
}

static void
test_utf16_unpaired_surrogate (void)
{
  /* A high surrogate followed by an ordinary character. */
  static const guint8 high_then_char_le[] = { 0xff, 0xfe, 'a', 0, 0x3c, 0xd8, 'b', 0 };
  static const guint8 high_then_char_be[] = { 0xfe, 0xff, 0, 'a', 0xd8, 0x3c, 0, 'b' };
  /* A high surrogate as the very last unit. */
  static const guint8 high_at_end_le[] = { 0xff, 0xfe, 'a', 0, 0x3c, 0xd8 };
  /* A low surrogate with no high surrogate before it. */
  static const guint8 lone_low_le[] = { 0xff, 0xfe, 'a', 0, 0x09, 0xdf, 'b', 0 };
  static const guint8 lone_low_be[] = { 0xfe, 0xff, 0, 'a', 0xdf, 0x09, 0, 'b' };
  /* Two high surrogates in a row. */
  static const guint8 two_high_le[] = { 0xff, 0xfe, 0x3c, 0xd8, 0x3c, 0xd8, 0x09, 0xdf };

  assert_refused (high_then_char_le, sizeof high_then_char_le,
                  CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
  assert_refused (high_then_char_be, sizeof high_then_char_be,
                  CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
  assert_refused (high_at_end_le, sizeof high_at_end_le,
                  CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
  assert_refused (lone_low_le, sizeof lone_low_le,
                  CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
  assert_refused (lone_low_be, sizeof lone_low_be,
                  CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
  assert_refused (two_high_le, sizeof two_high_le,
                  CROSSCHECK_DOCUMENT_ERROR_ENCODING, "UTF-8");
}

static void
test_utf16_nul_unit (void)
{
  static const guint8 le[] = { 0xff, 0xfe, 'a', 0, 0, 0, 'b', 0 };
  static const guint8 be[] = { 0xfe, 0xff, 0, 'a', 0, 0, 0, 'b' };

  assert_refused (le, sizeof le, CROSSCHECK_DOCUMENT_ERROR_BINARY, "plain text");
  assert_refused (be, sizeof be, CROSSCHECK_DOCUMENT_ERROR_BINARY, "plain text");
}

static void
test_windows_1252 (void)
{
  static const char input[] = "\x80" "5, \x93" "caf\xe9\x94 \x81!";
  /* "€5, “café” \u0081!" */
  static const char expected[] =
    "\xe2\x82\xac" "5, \xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d \xc2\x81!";

  assert_decodes (STR_ARGS (input), expected, CROSSCHECK_ENCODING_WINDOWS_1252, FALSE);

  /* Line ends are normalised on this path too. */
  assert_decodes (STR_ARGS ("caf\xe9\r\nna\xefve\r"), "caf\xc3\xa9\nna\xc3\xaf" "ve\n",
                  CROSSCHECK_ENCODING_WINDOWS_1252, FALSE);
}

static void
test_windows_1252_table (void)
{
  /* Bytes 0x80 to 0xFF as Python's cp1252 codec reads them, with the five
   * bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) mapped to the
   * C1 control of the same value, as WHATWG does. */
  static const char expected[] =
    "\xe2\x82\xac\xc2\x81\xe2\x80\x9a\xc6\x92\xe2\x80\x9e\xe2\x80\xa6"
    "\xe2\x80\xa0\xe2\x80\xa1\xcb\x86\xe2\x80\xb0\xc5\xa0\xe2\x80\xb9"
    "\xc5\x92\xc2\x8d\xc5\xbd\xc2\x8f\xc2\x90\xe2\x80\x98\xe2\x80\x99"
    "\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\xa2\xe2\x80\x93\xe2\x80\x94\xcb"
    "\x9c\xe2\x84\xa2\xc5\xa1\xe2\x80\xba\xc5\x93\xc2\x9d\xc5\xbe\xc5"
    "\xb8\xc2\xa0\xc2\xa1\xc2\xa2\xc2\xa3\xc2\xa4\xc2\xa5\xc2\xa6\xc2"
    "\xa7\xc2\xa8\xc2\xa9\xc2\xaa\xc2\xab\xc2\xac\xc2\xad\xc2\xae\xc2"
    "\xaf\xc2\xb0\xc2\xb1\xc2\xb2\xc2\xb3\xc2\xb4\xc2\xb5\xc2\xb6\xc2"
    "\xb7\xc2\xb8\xc2\xb9\xc2\xba\xc2\xbb\xc2\xbc\xc2\xbd\xc2\xbe\xc2"
    "\xbf\xc3\x80\xc3\x81\xc3\x82\xc3\x83\xc3\x84\xc3\x85\xc3\x86\xc3"
    "\x87\xc3\x88\xc3\x89\xc3\x8a\xc3\x8b\xc3\x8c\xc3\x8d\xc3\x8e\xc3"
    "\x8f\xc3\x90\xc3\x91\xc3\x92\xc3\x93\xc3\x94\xc3\x95\xc3\x96\xc3"
    "\x97\xc3\x98\xc3\x99\xc3\x9a\xc3\x9b\xc3\x9c\xc3\x9d\xc3\x9e\xc3"
    "\x9f\xc3\xa0\xc3\xa1\xc3\xa2\xc3\xa3\xc3\xa4\xc3\xa5\xc3\xa6\xc3"
    "\xa7\xc3\xa8\xc3\xa9\xc3\xaa\xc3\xab\xc3\xac\xc3\xad\xc3\xae\xc3"
    "\xaf\xc3\xb0\xc3\xb1\xc3\xb2\xc3\xb3\xc3\xb4\xc3\xb5\xc3\xb6\xc3"
    "\xb7\xc3\xb8\xc3\xb9\xc3\xba\xc3\xbb\xc3\xbc\xc3\xbd\xc3\xbe\xc3"
    "\xbf";
  guint8 input[128];

  for (guint i = 0; i < G_N_ELEMENTS (input); i++)
    input[i] = (guint8) (0x80 + i);

  assert_decodes (input, sizeof input, expected, CROSSCHECK_ENCODING_WINDOWS_1252, FALSE);
}

static void
test_nul_binary (void)
{
  static const char odd_place[] =
    "This is an ordinary sentence with\0a NUL byte in the middle of it.";
  static const char even_place[] =
    "This is an ordinary sentence wit\0 a NUL byte in the middle of it!";

  assert_refused (STR_ARGS (odd_place), CROSSCHECK_DOCUMENT_ERROR_BINARY, "plain text");
  assert_refused (STR_ARGS (even_place), CROSSCHECK_DOCUMENT_ERROR_BINARY, "plain text");
  assert_refused (STR_ARGS ("trailing NUL at the end of a line of text\n\0"),
                  CROSSCHECK_DOCUMENT_ERROR_BINARY, "plain text");
  /* Odd length, so it cannot be UTF-16 at all. */
  assert_refused (STR_ARGS ("\0\0\0"), CROSSCHECK_DOCUMENT_ERROR_BINARY, "plain text");
}

static void
test_empty (void)
{
  assert_refused ((const guint8 *) "", 0, CROSSCHECK_DOCUMENT_ERROR_EMPTY, "empty");
}

/* Fails until fixed (crashes): with @data NULL and @length 0 — which the
 * precondition allows, and which g_bytes_get_data() returns for an empty
 * GBytes — g_strndup (NULL, 0) returns NULL and strlen (NULL) crashes
 * instead of reporting CROSSCHECK_DOCUMENT_ERROR_EMPTY. */
static void
test_empty_null_data (void)
{
  if (run_in_subprocess ())
    return;

  assert_refused (NULL, 0, CROSSCHECK_DOCUMENT_ERROR_EMPTY, "empty");
}

static void
test_bom_only (void)
{
  static const guint8 utf8[] = { 0xef, 0xbb, 0xbf };
  static const guint8 le[] = { 0xff, 0xfe };
  static const guint8 be[] = { 0xfe, 0xff };

  assert_refused (utf8, sizeof utf8, CROSSCHECK_DOCUMENT_ERROR_EMPTY, "empty");
  assert_refused (le, sizeof le, CROSSCHECK_DOCUMENT_ERROR_EMPTY, "empty");
  assert_refused (be, sizeof be, CROSSCHECK_DOCUMENT_ERROR_EMPTY, "empty");
}

static guint8 *
new_filled (gsize size)
{
  guint8 *data = g_malloc (size);

  /* Not zeros: the size must be refused before anything looks at the bytes,
   * but a buffer of NULs would be refused as binary anyway. */
  memset (data, 'a', size);
  return data;
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = new_filled (CROSSCHECK_DOCUMENT_MAX_BYTES + 1);
  g_autofree char *text = NULL;

  g_assert_cmpint (CROSSCHECK_DOCUMENT_MAX_BYTES, ==, 64 * 1024 * 1024);

  text = crosscheck_decode_text (data, CROSSCHECK_DOCUMENT_MAX_BYTES + 1, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Split"));
}

/* Fails until fixed: the message formats both sizes with g_format_size(),
 * which uses SI units, so a 64 MiB + 1 byte file reads “The file is 67.1 MB,
 * over Crosscheck’s limit of 67.1 MB” — the documented limit, 64 MiB, is
 * never named and the two numbers look the same. */
static void
test_too_large_names_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  g_autofree char *text = NULL;

  if (run_in_subprocess ())
    return;

  data = new_filled (CROSSCHECK_DOCUMENT_MAX_BYTES + 1);
  text = crosscheck_decode_text (data, CROSSCHECK_DOCUMENT_MAX_BYTES + 1, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_TOO_LARGE);
  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, "64"));
  g_assert_true (strstr (error->message, "MB") != NULL || strstr (error->message, "MiB") != NULL);
}

static void
test_at_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = new_filled (CROSSCHECK_DOCUMENT_MAX_BYTES);
  g_autofree char *text = NULL;
  CrosscheckEncoding encoding = CROSSCHECK_ENCODING_WINDOWS_1252;

  /* Exactly at the limit is still allowed. */
  text = crosscheck_decode_text (data, CROSSCHECK_DOCUMENT_MAX_BYTES, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  if (text == NULL)
    return;
  g_assert_cmpuint (strlen (text), ==, CROSSCHECK_DOCUMENT_MAX_BYTES);
  g_assert_cmpint (text[0], ==, 'a');
  g_assert_cmpint (text[CROSSCHECK_DOCUMENT_MAX_BYTES - 1], ==, 'a');
  g_assert_cmpint (encoding, ==, CROSSCHECK_ENCODING_UTF8);
}

static void
test_line_endings (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "a\r\nb", "a\nb" },
    { "a\rb", "a\nb" },
    { "a\r\r\nb", "a\n\nb" },
    { "a\n\rb", "a\n\nb" },
    { "a\r\n\r\nb", "a\n\nb" },
    { "a\r\rb", "a\n\nb" },
    { "\r\nstart", "\nstart" },
    { "end\r", "end\n" },
    { "end\r\n", "end\n" },
    { "\r", "\n" },
    { "\r\n", "\n" },
    { "mixed\r\nall\rkinds\nof\r\r\nends\n\r", "mixed\nall\nkinds\nof\n\nends\n\n" },
    { "caf\xc3\xa9\r\n\xf0\x9f\x8c\x89\r", "caf\xc3\xa9\n\xf0\x9f\x8c\x89\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_decodes ((const guint8 *) cases[i].input, strlen (cases[i].input),
                      cases[i].expected, CROSSCHECK_ENCODING_UTF8, FALSE);
    }

  /* After a UTF-8 BOM as well. */
  assert_decodes (STR_ARGS ("\xef\xbb\xbf" "a\r\nb\rc"), "a\nb\nc",
                  CROSSCHECK_ENCODING_UTF8_BOM, TRUE);
}

static void
test_nothing_else_changed (void)
{
  static const char *cases[] = {
    /* e + U+0301 stays two code points: no NFC. */
    "Cafe\xcc\x81",
    /* Precomposed é stays precomposed: no NFD either. */
    "Caf\xc3\xa9",
    /* Both forms side by side. */
    "\xc3\xa9 e\xcc\x81",
    /* Leading and trailing white space and the trailing newline are kept. */
    "  \t indented line\t  \n\n",
    "\n\nstarts with blank lines",
    " ",
    /* Mojibake is text like any other: “Ã©” stays “Ã©”. */
    "Caf\xc3\x83\xc2\xa9",
    /* Non-breaking and zero-width characters, tabs. */
    "a\xc2\xa0" "b\xe2\x80\x8b" "c\td",
    /* C0 controls other than NUL and CR pass through. */
    "bell\x07 form feed\x0c vertical tab\x0b",
    /* A non-BMP character and a CJK one. */
    "\xf0\x9f\x8c\x89\xe4\xb8\xad",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      assert_decodes ((const guint8 *) cases[i], strlen (cases[i]), cases[i],
                      CROSSCHECK_ENCODING_UTF8, FALSE);
    }

  /* The combining sequence really is two code points after decoding. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = crosscheck_decode_text ((const guint8 *) "e\xcc\x81", 3,
                                                    NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_utf8_strlen (text, -1), ==, 2);
  }
}

static void
test_optional_outputs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = crosscheck_decode_text (utf16le_bom, sizeof utf16le_bom, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, utf16_expected);
}

static void
test_encoding_names (void)
{
  static const struct {
    CrosscheckEncoding encoding;
    const char *name;
  } names[] = {
    { CROSSCHECK_ENCODING_UTF8, "utf-8" },
    { CROSSCHECK_ENCODING_UTF8_BOM, "utf-8-bom" },
    { CROSSCHECK_ENCODING_UTF16LE, "utf-16le" },
    { CROSSCHECK_ENCODING_UTF16BE, "utf-16be" },
    { CROSSCHECK_ENCODING_WINDOWS_1252, "windows-1252" },
  };
  static const char *unknown[] = {
    "", "utf8", "latin-1", "iso-8859-1", "utf-16", "utf-8 ", "windows-1252x", "ascii",
  };
  CrosscheckEncoding encoding;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (crosscheck_encoding_to_string (names[i].encoding), ==, names[i].name);

      encoding = names[i].encoding == CROSSCHECK_ENCODING_UTF8
                 ? CROSSCHECK_ENCODING_WINDOWS_1252
                 : CROSSCHECK_ENCODING_UTF8;
      g_assert_true (crosscheck_encoding_from_string (names[i].name, &encoding));
      g_assert_cmpint (encoding, ==, names[i].encoding);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      encoding = CROSSCHECK_ENCODING_UTF16BE;
      g_assert_false (crosscheck_encoding_from_string (unknown[i], &encoding));
      /* A refused name leaves the output alone. */
      g_assert_cmpint (encoding, ==, CROSSCHECK_ENCODING_UTF16BE);
    }

  encoding = CROSSCHECK_ENCODING_UTF16BE;
  g_assert_false (crosscheck_encoding_from_string (NULL, &encoding));
  g_assert_cmpint (encoding, ==, CROSSCHECK_ENCODING_UTF16BE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failing case must not stop the others: the known-bug cases fail. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/decode/utf8-plain", test_utf8_plain);
  g_test_add_func ("/core/decode/utf8-bom", test_utf8_bom);
  g_test_add_func ("/core/decode/utf8-bom-invalid", test_utf8_bom_invalid);
  g_test_add_func ("/core/decode/utf8-bom-nul", test_utf8_bom_nul);
  g_test_add_func ("/core/decode/utf16le-bom", test_utf16le_bom);
  g_test_add_func ("/core/decode/utf16be-bom", test_utf16be_bom);
  g_test_add_func ("/core/decode/utf16le-no-bom", test_utf16le_no_bom);
  g_test_add_func ("/core/decode/utf16be-no-bom", test_utf16be_no_bom);
  g_test_add_func ("/core/decode/utf16-no-bom-xx00", test_utf16_no_bom_xx00);
  g_test_add_func ("/core/decode/utf16-odd-length", test_utf16_odd_length);
  g_test_add_func ("/core/decode/utf16-unpaired-surrogate", test_utf16_unpaired_surrogate);
  g_test_add_func ("/core/decode/utf16-nul-unit", test_utf16_nul_unit);
  g_test_add_func ("/core/decode/windows-1252", test_windows_1252);
  g_test_add_func ("/core/decode/windows-1252-table", test_windows_1252_table);
  g_test_add_func ("/core/decode/nul-binary", test_nul_binary);
  g_test_add_func ("/core/decode/empty", test_empty);
  g_test_add_func ("/core/decode/empty-null-data", test_empty_null_data);
  g_test_add_func ("/core/decode/bom-only", test_bom_only);
  g_test_add_func ("/core/decode/too-large", test_too_large);
  g_test_add_func ("/core/decode/too-large-names-limit", test_too_large_names_limit);
  g_test_add_func ("/core/decode/at-limit", test_at_limit);
  g_test_add_func ("/core/decode/line-endings", test_line_endings);
  g_test_add_func ("/core/decode/nothing-else-changed", test_nothing_else_changed);
  g_test_add_func ("/core/decode/optional-outputs", test_optional_outputs);
  g_test_add_func ("/core/decode/encoding-names", test_encoding_names);

  return g_test_run ();
}
