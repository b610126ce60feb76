/* test-json-tree.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-errors.h"
#include "crosscheck-json-tree.h"
#include "crosscheck-project.h"

/* The loader's fast JSON parser must read whatever it accepts exactly as
 * json-glib reads it, and leave everything else to json-glib. */

/* @text is read by the fast parser, whole or streamed, and json-glib reads
 * the same. */
static void
assert_same (const char *text,
             gsize       length)
{
  for (guint stream = 0; stream < 2; stream++)
    {
      g_autoptr(CrosscheckJsonTree) fast = crosscheck_json_tree_parse (text, length, stream);
      g_autoptr(CrosscheckJsonTree) slow =
        crosscheck_json_tree_parse_with_json_glib (text, length, NULL);

      if (fast == NULL)
        g_error ("the fast parser refused %.*s", (int) MIN (length, 200), text);
      if (slow == NULL)
        g_error ("json-glib refused what the fast parser read: %.*s", (int) MIN (length, 200), text);
      if (!crosscheck_json_tree_equal (fast, slow))
        g_error ("the parsers read %.*s differently (streamed: %u)", (int) MIN (length, 200), text,
                 stream);
    }
}

/* Neither way of the fast parser reads @text. */
static void
assert_refused (const char *text,
                gsize       length)
{
  for (guint stream = 0; stream < 2; stream++)
    {
      g_autoptr(CrosscheckJsonTree) tree = crosscheck_json_tree_parse (text, length, stream);

      if (tree != NULL)
        g_error ("the fast parser read %.*s (streamed: %u)", (int) MIN (length, 200), text, stream);
    }
}

static void
test_accepted (void)
{
  static const char * const texts[] = {
    "{}",
    "{ }",
    " \r\n\t{\"a\" : 1 }\r\n",
    "{\"a\": -0, \"b\": -12, \"c\": 0, \"d\": 123456789012345678, \"e\": -123456789012345678}",
    "{\"a\": true, \"b\": false, \"c\": null, \"d\": [], \"e\": {}, \"f\": [[], [{}], [1, [2, [3]]]]}",
    "{\"s\": \"\", \"t\": \"plain\", \"u\": \"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8c\x89\"}",
    "{\"esc\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}",
    "{\"u\": \"\\u0041\\u00e9\\u20ac\\uFFFD\\u0001\\u007f\\u0800\"}",
    "{\"k\":[1,2,3],\"l\":{\"m\":\"n\"}}",
    "{\"nested\": {\"a\": {\"b\": {\"c\": [\"d\", {\"e\": null}]}}}}",
    "{\"a\": 1, \"ab\": 2, \"b\": 3}",
    "{\"\": \"empty key\"}",
    "{\"order\": 1, \"is\": 2, \"kept\": 3, \"as\": 4, \"written\": 5}",
    /* Streamed arrays hold brackets and quotes in strings, and are followed by more. */
    "{\"a\": [\"x\\\"]\", \"{[\", {\"b\": \"\\\\\"}, [\"]\"]], \"c\": 1, \"d\": [], \"e\": [ 1 , 2 ]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_same (texts[i], strlen (texts[i]));
}

/* Everything the fast parser is not sure to read as json-glib does, and
 * everything that is not JSON at all. */
static void
test_refused (void)
{
  static const char * const texts[] = {
    "",
    "   ",
    "[]",
    "1",
    "\"text\"",
    "null",
    "{\"a\": 1.5}",
    "{\"a\": 1e3}",
    "{\"a\": 1E3}",
    "{\"a\": 01}",
    "{\"a\": 0x10}",
    "{\"a\": - 1}",
    "{\"a\": +1}",
    "{\"a\": 1234567890123456789}",
    "{\"a\": 12abc}",
    "{\"a\": \"\\ud83c\\udf09\"}",
    "{\"a\": \"\\udc00\"}",
    "{\"a\": \"\\u0000\"}",
    "{\"a\": \"\\u12\"}",
    "{\"a\": \"\\x41\"}",
    "{\"a\": \"\\'\"}",
    "{\"a\": \"tab\there\"}",
    "{\"a\": \"line\nbreak\"}",
    "{\"a\": \"unterminated}",
    "{\"a\": 1, \"a\": 2}",
    "{\"\\u0061\": 1}",
    "{\"a\": 1,}",
    "{\"a\": [1,]}",
    "{\"a\" 1}",
    "{'a': 1}",
    "{a: 1}",
    "// comment\n{}",
    "{} /* comment */",
    "{} {}",
    "{}x",
    "{\"a\": tru}",
    "{\"a\": truex}",
    "{\"a\": nul}",
    "{\"a\": [1 2]}",
    "{\"a\": 1",
    "{\"a\": [",
    "{\"a\"",
    "{",
    "\xef\xbb\xbf{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_refused (texts[i], strlen (texts[i]));
}

/* Many members, or deep nesting: json-glib's (the loader's prescan stops
 * deeper files before either parser sees them). */
static void
test_limits (void)
{
  g_autoptr(GString) many = g_string_new ("{");
  g_autoptr(GString) deep = g_string_new ("{\"a\": ");
  g_autoptr(GString) ok = g_string_new ("{\"a\": ");

  for (guint i = 0; i < 33; i++)
    g_string_append_printf (many, "%s\"k%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append_c (many, '}');
  assert_refused (many->str, many->len);

  /* 32 members is still the fast parser's. */
  g_string_truncate (many, 0);
  g_string_append_c (many, '{');
  for (guint i = 0; i < 32; i++)
    g_string_append_printf (many, "%s\"k%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append_c (many, '}');
  assert_same (many->str, many->len);

  for (guint i = 0; i < 70; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 70; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  assert_refused (deep->str, deep->len);

  for (guint i = 0; i < 60; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < 60; i++)
    g_string_append_c (ok, ']');
  g_string_append_c (ok, '}');
  assert_same (ok->str, ok->len);
}

/* Strings, read or not, and lookups by name. */
static void
test_reading (void)
{
  static const char text[] = "{\"id\": \"s1\", \"text\": \"a\\\"b\\u00e9\", \"n\": 7, \"idx\": 1}";
  g_autoptr(CrosscheckJsonTree) tree = crosscheck_json_tree_parse (text, strlen (text), FALSE);
  CrosscheckJsonNode *root;
  CrosscheckJsonNode *node;

  g_assert_nonnull (tree);
  root = crosscheck_json_tree_get_root (tree);
  g_assert_cmpint (root->type, ==, CROSSCHECK_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 4);

  node = crosscheck_json_tree_lookup (tree, root, "text");
  g_assert_nonnull (node);
  g_assert_cmpstr (crosscheck_json_tree_get_string (tree, node), ==, "a\"b\xc3\xa9");
  /* Read twice, the same. */
  g_assert_cmpstr (crosscheck_json_tree_get_string (tree, node), ==, "a\"b\xc3\xa9");

  node = crosscheck_json_tree_lookup (tree, root, "id");
  g_assert_cmpstr (crosscheck_json_tree_get_string (tree, node), ==, "s1");

  /* A name is not matched by its prefix, nor the other way round. */
  node = crosscheck_json_tree_lookup (tree, root, "i");
  g_assert_null (node);
  node = crosscheck_json_tree_lookup (tree, root, "idx");
  g_assert_nonnull (node);
  g_assert_cmpint (node->v.integer, ==, 1);
  node = crosscheck_json_tree_lookup (tree, root, "n");
  g_assert_cmpint (node->type, ==, CROSSCHECK_JSON_INTEGER);
  g_assert_cmpint (node->v.integer, ==, 7);
  g_assert_null (crosscheck_json_tree_lookup (tree, root, "nx"));
}

/* Every project file the tests and samples ship: what the app reads. */
static void
test_files (void)
{
  const char *samples = g_getenv ("CROSSCHECK_SAMPLES");
  const char *dirs[] = { samples, g_test_get_filename (G_TEST_DIST, "data", "export", NULL) };
  guint n = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = dirs[d] ? g_dir_open (dirs[d], 0, NULL) : NULL;
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);
          g_autofree char *text = NULL;
          gsize length;

          if (!g_str_has_suffix (name, ".json"))
            continue;

          g_assert_true (g_file_get_contents (path, &text, &length, NULL));
          assert_same (text, length);
          n++;
        }
    }

  g_assert_cmpuint (n, >, 0);
}

/* Seeded random edits of the sample project, aimed at JSON's own
 * characters: whatever the fast parser still reads, json-glib must read
 * the same. Like the loader, only UTF-8 text is parsed at all. */
static void
test_mutations (void)
{
  static const char pieces[][8] = {
    "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\n", "\r", "\t", "0", "-", "1", "e",
    ".", "\\u00e9", "\\ud83c", "\\n", "\\/", "\\x", "true", "null", "x", "\xc3\xa9", "\x01",
  };
  const char *samples = g_getenv ("CROSSCHECK_SAMPLES");
  g_autofree char *path = NULL;
  g_autofree char *original = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  gsize length;
  guint read = 0;

  if (samples == NULL)
    {
      g_test_skip ("CROSSCHECK_SAMPLES is not set");
      return;
    }
  path = g_build_filename (samples, "sample.crosscheck.json", NULL);
  g_assert_true (g_file_get_contents (path, &original, &length, NULL));

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) text = g_string_new_len (original, length);
      guint edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < edits; e++)
        {
          guint at = g_rand_int_range (rand, 0, text->len);
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              g_string_insert (text, at, piece);
              break;
            case 1:
              g_string_erase (text, at, MIN (text->len - at, strlen (piece)));
              break;
            default:
              g_string_erase (text, at, 1);
              g_string_insert (text, at, piece);
              break;
            }
        }

      if (!g_utf8_validate_len (text->str, text->len, NULL))
        continue;

      for (guint stream = 0; stream < 2; stream++)
        {
          g_autoptr(CrosscheckJsonTree) fast = crosscheck_json_tree_parse (text->str, text->len, stream);
          g_autoptr(CrosscheckJsonTree) slow = NULL;

          if (fast == NULL)
            continue;
          slow = crosscheck_json_tree_parse_with_json_glib (text->str, text->len, NULL);
          if (slow == NULL || !crosscheck_json_tree_equal (fast, slow))
            g_error ("mutant %u (streamed: %u) read differently: %s", i, stream, text->str);
          read++;
        }
    }

  /* Many edits leave valid JSON: the comparison did happen. */
  g_assert_cmpuint (read, >, 500);
}

/* Neither parser makes a tree of white space alone: json-glib gives no root
 * and no error, which the loader must turn into a message. */
static void
test_white_space_only (void)
{
  static const char text[] = " \n\t\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;

  assert_refused (text, strlen (text));

  project = crosscheck_project_load_from_bytes (bytes, &problems, &error);
  g_assert_null (project);
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "only white space"));
  g_assert_cmpuint (problems->len, ==, 1);
}

/* The scan for the end of a string's plain part stops where a byte-by-byte
 * look does: at every position of a quote, a backslash or each control
 * byte in a buffer of high and low bytes, at every length and alignment. */
static void
test_skip_plain (void)
{
  static const guchar stops[] = { '"', '\\', 0x00, 0x01, 0x0A, 0x1F };
  static const guchar plain[] = { 'a', ' ', 0x20, 0x7F, 0x80, 0xBF, 0xC3, 0xFF, '!', '#', '[', ']' };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1207);
  guchar buffer[96];

  for (guint length = 0; length <= 80; length++)
    {
      for (guint i = 0; i < sizeof buffer; i++)
        buffer[i] = plain[g_rand_int_range (rand, 0, G_N_ELEMENTS (plain))];
      /* A stop past the end must not be seen. */
      buffer[length] = '"';

      for (guint start = 0; start < 8 && start <= length; start++)
        for (guint at = start; at <= length; at++)
          {
            guchar kept = buffer[at];
            const char *found;

            if (at < length)
              buffer[at] = stops[(start + at) % G_N_ELEMENTS (stops)];
            found = crosscheck_json_skip_plain ((const char *) buffer + start, (const char *) buffer + length);
            g_assert_cmpint (found - (const char *) buffer, ==, at);
            buffer[at] = kept;
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json-tree/accepted", test_accepted);
  g_test_add_func ("/core/json-tree/refused", test_refused);
  g_test_add_func ("/core/json-tree/limits", test_limits);
  g_test_add_func ("/core/json-tree/reading", test_reading);
  g_test_add_func ("/core/json-tree/files", test_files);
  g_test_add_func ("/core/json-tree/white-space-only", test_white_space_only);
  g_test_add_func ("/core/json-tree/mutations", test_mutations);
  g_test_add_func ("/core/json-tree/skip-plain", test_skip_plain);

  return g_test_run ();
}
