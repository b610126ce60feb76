/* test-cli.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

/* Runs the crosscheck-cli binary as a user would and checks its exit code
 * and what it prints. The expected outputs come from docs/format.md, the
 * sample articles and project files written by hand here, never from a run
 * of the tool itself. */

#define EXIT_OK     0
#define EXIT_FAILED 1
#define EXIT_USAGE  2

/* The labels a new project starts with (docs/format.md). */
static const char * const default_labels[] = {
  "PERSON", "ORGANIZATION", "LOCATION", "DATE", "EVENT", "CLAIM",
};

static const char * const sample_names[] = {
  "01-harbour-courier.txt",
  "02-northern-ledger.txt",
  "03-evening-dispatch.txt",
  "04-wire-brief.txt",
};

/* ------------------------------------------------------------------------ */
/* Assertions                                                                */

#define assert_contains(haystack, needle)                                         \
  G_STMT_START {                                                                  \
    const char *h__ = (haystack);                                                 \
    const char *n__ = (needle);                                                   \
    if (h__ == NULL || strstr (h__, n__) == NULL)                                 \
      {                                                                           \
        g_autofree char *m__ = g_strdup_printf ("expected '%s' in:\n%s",          \
                                                n__, h__ ? h__ : "(null)");       \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m__);   \
      }                                                                           \
  } G_STMT_END

#define assert_not_contains(haystack, needle)                                     \
  G_STMT_START {                                                                  \
    const char *h__ = (haystack);                                                 \
    const char *n__ = (needle);                                                   \
    if (h__ != NULL && strstr (h__, n__) != NULL)                                 \
      {                                                                           \
        g_autofree char *m__ = g_strdup_printf ("did not expect '%s' in:\n%s",    \
                                                n__, h__);                        \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m__);   \
      }                                                                           \
  } G_STMT_END

/* Assertions do not abort the program (see main()), so a test whose
 * command ended with the wrong status stops here: what it would check next
 * (an output file, say) is probably not there. */
#define assert_exit_status(run, expected)                                         \
  G_STMT_START {                                                                  \
    g_assert_cmpint ((run)->status, ==, (expected));                              \
    if ((run)->status != (expected))                                              \
      return;                                                                     \
  } G_STMT_END

#define assert_has_prefix(text, prefix)                                           \
  G_STMT_START {                                                                  \
    const char *t__ = (text);                                                     \
    const char *p__ = (prefix);                                                   \
    if (t__ == NULL || !g_str_has_prefix (t__, p__))                              \
      {                                                                           \
        g_autofree char *m__ = g_strdup_printf ("expected a start of\n%s\nin\n%s", \
                                                p__, t__ ? t__ : "(null)");       \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m__);   \
      }                                                                           \
  } G_STMT_END

/* @pattern is a Perl-style regular expression; ^ and $ match at every line. */
#define assert_matches(text, pattern)                                             \
  G_STMT_START {                                                                  \
    const char *t__ = (text);                                                     \
    const char *p__ = (pattern);                                                  \
    if (t__ == NULL || !g_regex_match_simple (p__, t__, G_REGEX_MULTILINE, 0))    \
      {                                                                           \
        g_autofree char *m__ = g_strdup_printf ("expected a match for /%s/ in:\n%s", \
                                                p__, t__ ? t__ : "(null)");       \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m__);   \
      }                                                                           \
  } G_STMT_END

/* ------------------------------------------------------------------------ */
/* Running programs                                                          */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

  return g_strndup (data ? data : "", length);
}

/* Runs @argv to completion and returns its exit status with what it wrote
 * to stdout and stderr. A program killed by a signal (a crash) fails the
 * test. */
static Run *
run_argv (const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) argv);
  Run *run;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);

  g_test_message ("running: %s", command);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run = g_new0 (Run, 1);
  if (g_subprocess_get_if_exited (process))
    run->status = g_subprocess_get_exit_status (process);
  else
    {
      /* Reported like a shell does, so it matches no expected status. */
      run->status = 128 + g_subprocess_get_term_sig (process);
      g_test_message ("%s was killed by signal %d", argv[0], g_subprocess_get_term_sig (process));
    }
  g_assert_true (g_subprocess_get_if_exited (process));
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);

  g_test_message ("exit status %d\n--- stdout ---\n%s--- stderr ---\n%s",
                  run->status, run->out, run->err);

  return run;
}

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("CROSSCHECK_CLI");

  g_assert_nonnull (cli);
  return cli;
}

/* Runs crosscheck-cli with the arguments that follow, up to NULL. */
static Run *
run_cli (const char *first,
         ...) G_GNUC_NULL_TERMINATED;

static Run *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli_path ());

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);

  g_ptr_array_add (argv, NULL);

  return run_argv ((const char * const *) argv->pdata);
}

/* Runs check-project.py, the independent Python reader, on @path. */
static Run *
run_python_check (const char *path)
{
  const char *python = g_getenv ("CROSSCHECK_PYTHON");
  const char *script = g_test_get_filename (G_TEST_DIST, "check-project.py", NULL);
  const char *argv[] = { python, script, path, NULL };

  g_assert_nonnull (python);
  g_assert_true (g_file_test (script, G_FILE_TEST_IS_REGULAR));

  return run_argv (argv);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                     */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("crosscheck-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have made it read-only. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Writes @length bytes of @contents (-1: a string) to @name in the fixture's
 * folder and returns the file's path. */
static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
sample_path (const char *name)
{
  const char *samples = g_getenv ("CROSSCHECK_SAMPLES");

  g_assert_nonnull (samples);
  return g_build_filename (samples, name, NULL);
}

/* What docs/format.md says a document's text is: CR LF and lone CR become
 * LF, nothing else changes. */
static char *
normalize_line_endings (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The text a sample article should be stored with. */
static char *
sample_text (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autofree char *raw = read_file (path, NULL);

  g_assert_true (g_utf8_validate (raw, -1, NULL));
  return normalize_line_endings (raw);
}

static char *
first_line (const char *text)
{
  const char *end = strchr (text, '\n');

  return end ? g_strndup (text, end - text) : g_strdup (text);
}

static JsonParser *
parse_json_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  JsonNode *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (root != NULL && JSON_NODE_HOLDS_OBJECT (root));

  return g_steal_pointer (&parser);
}

/* Returns the string member @key of @object, or NULL if it has none. */
static const char *
string_member (JsonObject *object,
               const char *key)
{
  return json_object_get_string_member_with_default (object, key, NULL);
}

static guint
array_length (JsonObject *object,
              const char *key)
{
  JsonArray *array = json_object_get_array_member (object, key);

  g_assert_nonnull (array);
  return array ? json_array_get_length (array) : 0;
}

static JsonObject *
document_at (JsonParser *parser,
             guint       i)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *documents = json_object_get_array_member (root, "documents");

  g_assert_nonnull (documents);
  g_assert_cmpuint (i, <, json_array_get_length (documents));

  return json_array_get_object_element (documents, i);
}

static const char *
document_member (JsonParser *parser,
                 guint       i,
                 const char *key)
{
  return string_member (document_at (parser, i), key);
}

/* Returns the non-empty lines of @text. */
static char **
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

/* Returns the non-empty lines of @output and checks that there are
 * @expected of them. Assertions do not abort (see main()), so the result is
 * padded with empty lines: lines[0] to lines[@expected - 1] are always
 * there to look at. */
static char **
output_lines (const char *output,
              guint       expected)
{
  g_auto(GStrv) lines = split_lines (output);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_strv_length (lines);

  if (n != expected)
    g_test_message ("expected %u lines, got %u:\n%s", expected, n, output);
  g_assert_cmpuint (n, ==, expected);

  g_strv_builder_addv (builder, (const char **) lines);
  for (guint i = n; i < expected; i++)
    g_strv_builder_add (builder, "");

  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------------ */
/* A small valid project, written by hand after docs/format.md               */

#define D1_TEXT "Inês Tavares said the bridge opens on 3 May.\n"
#define D2_TEXT "Officials say the bridge opens in June.\n"

/* d1 has 45 characters and d2 40; the spans are s1 = d1[0:12],
 * s2 = d1[18:43] and s3 = d2[14:38]. check-project.py confirms it in
 * /cli/validate/fixture. */
static char *
valid_project (void)
{
  g_autofree char *sha1 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, D1_TEXT, -1);
  g_autofree char *sha2 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, D2_TEXT, -1);

  return g_strdup_printf (
    "{\n"
    "  \"format\": \"crosscheck-project\",\n"
    "  \"version\": 1,\n"
    "  \"labels\": [\n"
    "    {\"name\": \"PERSON\", \"kind\": \"entity\", \"color\": \"#1c71d8\", "
    "\"shortcut\": \"p\", \"attributes\": []},\n"
    "    {\"name\": \"CLAIM\", \"kind\": \"claim\", \"color\": \"#e5a50a\", "
    "\"shortcut\": \"c\", \"attributes\": [{\"name\": \"certainty\", \"values\": [\"asserted\", "
    "\"hedged\", \"speculative\"]}]}\n"
    "  ],\n"
    "  \"link_types\": [\n"
    "    {\"name\": \"contradicts\", \"symmetric\": true, \"color\": \"#e01b24\", "
    "\"shortcut\": \"x\", \"attributes\": []},\n"
    "    {\"name\": \"supports\", \"symmetric\": false, \"color\": \"#2ec27e\", "
    "\"shortcut\": \"X\", \"attributes\": []}\n"
    "  ],\n"
    "  \"documents\": [\n"
    "    {\n"
    "      \"id\": \"d1\",\n"
    "      \"title\": \"Bridge to open in May\",\n"
    "      \"source\": \"may.txt\",\n"
    "      \"published\": \"2024-03-04\",\n"
    "      \"encoding\": \"utf-8\",\n"
    "      \"sha256\": \"%s\",\n"
    "      \"text\": \"Inês Tavares said the bridge opens on 3 May.\\n\"\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"d2\",\n"
    "      \"title\": \"Bridge to open in June\",\n"
    "      \"source\": \"june.txt\",\n"
    "      \"published\": null,\n"
    "      \"encoding\": \"utf-8\",\n"
    "      \"sha256\": \"%s\",\n"
    "      \"text\": \"Officials say the bridge opens in June.\\n\"\n"
    "    }\n"
    "  ],\n"
    "  \"spans\": [\n"
    "    {\"id\": \"s1\", \"document\": \"d1\", \"start\": 0, \"end\": 12, "
    "\"label\": \"PERSON\", \"text\": \"Inês Tavares\", \"annotator\": \"ana\", "
    "\"created\": null, \"modified\": null, \"note\": \"\", \"attributes\": {}},\n"
    "    {\"id\": \"s2\", \"document\": \"d1\", \"start\": 18, \"end\": 43, "
    "\"label\": \"CLAIM\", \"text\": \"the bridge opens on 3 May\", \"annotator\": \"maria\", "
    "\"created\": \"2024-03-05T10:03:40Z\", \"modified\": \"2024-03-05T10:03:40Z\", "
    "\"note\": \"\", \"attributes\": {\"certainty\": \"asserted\"}},\n"
    "    {\"id\": \"s3\", \"document\": \"d2\", \"start\": 14, \"end\": 38, "
    "\"label\": \"CLAIM\", \"text\": \"the bridge opens in June\", \"annotator\": \"maria\", "
    "\"created\": null, \"modified\": null, \"note\": \"\", "
    "\"attributes\": {\"certainty\": \"hedged\"}}\n"
    "  ],\n"
    "  \"links\": [\n"
    "    {\"id\": \"l1\", \"type\": \"contradicts\", \"from\": \"s2\", \"to\": \"s3\", "
    "\"annotator\": \"maria\", \"created\": null, \"modified\": null, "
    "\"note\": \"Different dates.\", \"attributes\": {}}\n"
    "  ]\n"
    "}\n",
    sha1, sha2);
}

/* Replaces @old, which must occur exactly once in @text, by @replacement. */
static char *
replace_once (const char *text,
              const char *old,
              const char *replacement)
{
  const char *at = strstr (text, old);
  GString *out;

  if (at == NULL)
    g_error ("“%s” is not in the project text", old);
  if (strstr (at + 1, old) != NULL)
    g_error ("“%s” occurs more than once in the project text", old);

  out = g_string_new_len (text, at - text);
  g_string_append (out, replacement);
  g_string_append (out, at + strlen (old));

  return g_string_free (out, FALSE);
}

/* Writes the valid project with the edits applied, pairs of (text to find,
 * replacement) up to NULL; returns the file's path. */
static char *
write_project (Fixture            *fixture,
               const char         *name,
               const char * const *edits)
{
  g_autofree char *json = valid_project ();

  for (guint i = 0; edits != NULL && edits[i] != NULL; i += 2)
    {
      char *edited = replace_once (json, edits[i], edits[i + 1]);

      g_free (json);
      json = edited;
    }

  return write_file (fixture, name, json, -1);
}

/* Checks that validate printed exactly one problem, as
 * “FILE: PATH: MESSAGE”, and that MESSAGE mentions @needle. */
static void
assert_single_problem (const char *output,
                       const char *file,
                       const char *path,
                       const char *needle)
{
  g_auto(GStrv) lines = output_lines (output, 1);
  g_autofree char *prefix = g_strdup_printf ("%s: %s: ", file, path);

  assert_has_prefix (lines[0], prefix);
  if (g_str_has_prefix (lines[0], prefix))
    assert_contains (lines[0] + strlen (prefix), needle);
}

/* ------------------------------------------------------------------------ */
/* Top level                                                                 */

static void
test_no_arguments (void)
{
  const char *argv[] = { cli_path (), NULL };
  g_autoptr(Run) run = run_argv (argv);

  assert_exit_status (run, EXIT_USAGE);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, "Usage: crosscheck-cli COMMAND");
  assert_contains (run->err, "new");
  assert_contains (run->err, "validate");
  assert_contains (run->err, "stats");
}

static void
test_help (void)
{
  const char *spellings[] = { "--help", "-h", "help" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr(Run) run = run_cli (spellings[i], NULL);

      assert_exit_status (run, EXIT_OK);
      g_assert_cmpstr (run->err, ==, "");
      assert_contains (run->out, "Usage: crosscheck-cli COMMAND");
      assert_matches (run->out, "^  new +\\S");
      assert_matches (run->out, "^  validate +\\S");
      assert_matches (run->out, "^  stats +\\S");
    }
}

static void
test_version (void)
{
  g_autoptr(Run) run = run_cli ("--version", NULL);

  assert_exit_status (run, EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  assert_matches (run->out, "\\Acrosscheck-cli [0-9]+\\.[0-9]+(\\.[0-9]+)?\\S*\n\\z");
}

static void
test_unknown_command (void)
{
  const char *commands[] = { "frobnicate", "--bogus" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) run = run_cli (commands[i], "x.crosscheck.json", NULL);

      assert_exit_status (run, EXIT_USAGE);
      g_assert_cmpstr (run->out, ==, "");
      assert_contains (run->err, commands[i]);
      assert_contains (run->err, "unknown command");
      assert_contains (run->err, "Usage:");
    }
}

/* ------------------------------------------------------------------------ */
/* Command usage                                                             */

static void
test_command_help (void)
{
  struct {
    const char *command;
    const char *shows[4];
  } cases[] = {
    { "new", { "crosscheck-cli new", "--output", "--title-from-filename", "--force" } },
    { "validate", { "crosscheck-cli validate", "FILE", "valid", NULL } },
    { "stats", { "crosscheck-cli stats", "FILE", NULL } },
    { "export", { "crosscheck-cli export", "--format", "--utf16-offsets", "--neutral" } },
    { "import-brat", { "crosscheck-cli import-brat", "FOLDER", "brat folder", "--skip-bad-lines" } },
    { "reanchor", { "crosscheck-cli reanchor", "FILE", "--in-place", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli (cases[i].command, "--help", NULL);

      assert_exit_status (run, EXIT_OK);
      g_assert_cmpstr (run->err, ==, "");
      assert_contains (run->out, "Usage:");
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].shows) && cases[i].shows[j]; j++)
        assert_contains (run->out, cases[i].shows[j]);
    }
}

static void
test_command_unknown_option (void)
{
  const char *commands[] = { "new", "validate", "stats", "export", "import-brat", "reanchor" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) run = run_cli (commands[i], "--bogus", "x.crosscheck.json", NULL);
      g_autofree char *usage = g_strdup_printf ("crosscheck-cli %s", commands[i]);

      assert_exit_status (run, EXIT_USAGE);
      g_assert_cmpstr (run->out, ==, "");
      assert_contains (run->err, "--bogus");
      assert_contains (run->err, "Usage:");
      assert_contains (run->err, usage);
    }
}

static void
test_command_missing_arguments (void)
{
  const char *commands[] = { "new", "validate", "stats", "export", "import-brat", "reanchor" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Run) run = run_cli (commands[i], NULL);

      assert_exit_status (run, EXIT_USAGE);
      g_assert_cmpstr (run->out, ==, "");
      assert_contains (run->err, "Missing arguments");
      assert_contains (run->err, "Usage:");
    }
}

static void
test_command_missing_value (void)
{
  g_autoptr(Run) run = run_cli ("new", "--output", NULL);

  assert_exit_status (run, EXIT_USAGE);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, "--output");
  assert_contains (run->err, "Usage:");
}

/* ------------------------------------------------------------------------ */
/* new                                                                       */

/* Runs “new --output @output” (plus @option unless NULL) on the samples. */
static Run *
run_new_samples (const char *output,
                 const char *option)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup (cli_path ()));
  g_ptr_array_add (argv, g_strdup ("new"));
  g_ptr_array_add (argv, g_strdup ("--output"));
  g_ptr_array_add (argv, g_strdup (output));
  if (option != NULL)
    g_ptr_array_add (argv, g_strdup (option));
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    g_ptr_array_add (argv, sample_path (sample_names[i]));
  g_ptr_array_add (argv, NULL);

  return run_argv ((const char * const *) argv->pdata);
}

static void
assert_validates (const char *path)
{
  g_autoptr(Run) validate = run_cli ("validate", path, NULL);
  g_autoptr(Run) python = run_python_check (path);
  g_autofree char *valid = g_strdup_printf ("%s: valid", path);

  assert_exit_status (validate, EXIT_OK);
  assert_has_prefix (validate->out, valid);
  assert_exit_status (python, EXIT_OK);
}

static void
test_new_samples (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "samples.crosscheck.json");
  g_autoptr(Run) run = run_new_samples (output, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *contents = NULL;
  JsonObject *root;
  JsonArray *labels;
  gsize length;

  assert_exit_status (run, EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  assert_contains (run->out, output);
  assert_contains (run->out, "4 documents");

  assert_validates (output);

  contents = read_file (output, &length);
  g_assert_cmpuint (length, >, 0);
  g_assert_cmpint (contents[length - 1], ==, '\n');
  g_assert_false (g_str_has_prefix (contents, "\xEF\xBB\xBF"));

  parser = parse_json_file (output);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (string_member (root, "format"), ==, "crosscheck-project");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpuint (array_length (root, "documents"), ==, 4);
  g_assert_cmpuint (array_length (root, "spans"), ==, 0);
  g_assert_cmpuint (array_length (root, "links"), ==, 0);

  /* A new project starts with the default palette (docs/format.md). */
  labels = json_object_get_array_member (root, "labels");
  g_assert_cmpuint (json_array_get_length (labels), ==, 6);
  for (guint i = 0; i < json_array_get_length (labels) && i < G_N_ELEMENTS (default_labels); i++)
    {
      JsonObject *label = json_array_get_object_element (labels, i);

      g_assert_cmpstr (string_member (label, "name"), ==, default_labels[i]);
    }
  g_assert_cmpuint (array_length (root, "link_types"), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      JsonObject *document = document_at (parser, i);
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);
      g_autofree char *text = sample_text (sample_names[i]);
      g_autofree char *title = first_line (text);
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      const char *stored = string_member (document, "text");

      g_assert_cmpstr (string_member (document, "id"), ==, id);
      g_assert_cmpstr (string_member (document, "source"), ==, sample_names[i]);
      g_assert_cmpstr (string_member (document, "title"), ==, title);
      g_assert_cmpstr (string_member (document, "encoding"), ==, "utf-8");
      g_assert_cmpstr (string_member (document, "sha256"), ==, sha);
      g_assert_cmpstr (stored, ==, text);
      g_assert_true (stored == NULL || strchr (stored, '\r') == NULL);
    }
}

static void
test_new_crlf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "wire.crosscheck.json");
  g_autofree char *article = sample_path ("04-wire-brief.txt");
  g_autofree char *raw = read_file (article, NULL);
  g_autoptr(Run) run = run_cli ("new", "-o", output, article, NULL);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *document;
  const char *text;
  const char *title;

  /* The fixture must really have CR LF line ends for this test to mean
   * anything. */
  g_assert_nonnull (strstr (raw, "\r\n"));

  assert_exit_status (run, EXIT_OK);

  parser = parse_json_file (output);
  document = document_at (parser, 0);
  text = string_member (document, "text");
  title = string_member (document, "title");
  g_assert_nonnull (text);
  g_assert_nonnull (title);
  if (text == NULL || title == NULL)
    return;

  g_assert_null (strchr (text, '\r'));
  g_assert_null (strchr (title, '\r'));
  g_assert_cmpuint (g_utf8_strlen (text, -1), ==,
                    g_utf8_strlen (raw, -1) - (glong) (strlen (raw) - strlen (text)));
  assert_contains (text, "🌉");
}

static void
test_new_title_from_filename (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "titles.crosscheck.json");
  g_autoptr(Run) run = run_new_samples (output, "--title-from-filename");
  g_autoptr(JsonParser) parser = NULL;

  assert_exit_status (run, EXIT_OK);
  assert_validates (output);

  parser = parse_json_file (output);
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      JsonObject *document = document_at (parser, i);
      g_autofree char *title = g_strndup (sample_names[i],
                                          strlen (sample_names[i]) - strlen (".txt"));

      g_assert_cmpstr (string_member (document, "title"), ==, title);
      g_assert_cmpstr (string_member (document, "source"), ==, sample_names[i]);
    }
}

static void
test_new_missing_output (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *article = sample_path (sample_names[0]);
  g_autoptr(Run) run = run_cli ("new", article, NULL);

  assert_exit_status (run, EXIT_USAGE);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, "--output");
  assert_contains (run->err, "Usage:");
}

static void
test_new_bad_suffix (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *article = sample_path (sample_names[0]);
  g_autofree char *output = fixture_path (fixture, "project.json");
  g_autoptr(Run) run = run_cli ("new", "--output", output, article, NULL);

  assert_exit_status (run, EXIT_USAGE);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, output);
  assert_contains (run->err, ".crosscheck.json");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_new_exists (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char precious[] = "precious data, not a project\n";
  g_autofree char *output = write_file (fixture, "old.crosscheck.json", precious, -1);
  g_autofree char *contents = NULL;
  g_autoptr(Run) run = run_new_samples (output, NULL);
  g_autoptr(Run) forced = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  assert_exit_status (run, EXIT_FAILED);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, output);
  assert_contains (run->err, "--force");
  contents = read_file (output, NULL);
  g_assert_cmpstr (contents, ==, precious);

  forced = run_new_samples (output, "--force");
  assert_exit_status (forced, EXIT_OK);
  assert_validates (output);
  parser = parse_json_file (output);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (array_length (root, "documents"), ==, 4);
}

/* A failed --force run leaves the old file alone. */
static void
test_new_force_failure (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char precious[] = "precious data, not a project\n";
  g_autofree char *output = write_file (fixture, "old.crosscheck.json", precious, -1);
  g_autofree char *missing = fixture_path (fixture, "no-such-article.txt");
  g_autofree char *contents = NULL;
  g_autoptr(Run) run = run_cli ("new", "--force", "--output", output, missing, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, "no-such-article.txt");
  contents = read_file (output, NULL);
  g_assert_cmpstr (contents, ==, precious);
}

static void
test_new_missing_article (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *good = sample_path (sample_names[0]);
  g_autofree char *missing = fixture_path (fixture, "no-such-article.txt");
  g_autoptr(Run) run = run_cli ("new", "--output", output, good, missing, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, "no-such-article.txt");
  assert_contains (run->err, "No such file");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_new_binary_article (Fixture       *fixture,
                         gconstpointer  data)
{
  /* The start of a PNG file: NUL bytes at even and odd offsets. */
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"
                            "\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff" "a";
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *good = sample_path (sample_names[0]);
  g_autofree char *binary = write_file (fixture, "picture.txt", png, sizeof png - 1);
  g_autoptr(Run) run = run_cli ("new", "--output", output, good, binary, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, "picture.txt");
  assert_contains (run->err, "binary");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_new_empty_article (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *empty = write_file (fixture, "empty.txt", "", 0);
  g_autoptr(Run) run = run_cli ("new", "--output", output, empty, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, "empty.txt");
  assert_contains (run->err, "empty");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_new_duplicate_article (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *article = sample_path (sample_names[1]);
  g_autoptr(Run) run = run_cli ("new", "--output", output, article, article, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, sample_names[1]);
  assert_contains (run->err, "already in the project");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_new_windows_1252 (Fixture       *fixture,
                       gconstpointer  data)
{
  /* “Café ‘quoted’ — 5 €” in Windows-1252: not valid UTF-8. */
  static const char cp1252[] = "Caf\xe9 \x93quoted\x94 \x97 5 \x80\r\nSecond line.\r\n";
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *article = write_file (fixture, "legacy.txt", cp1252, -1);
  g_autoptr(Run) run = run_cli ("new", "--output", output, article, NULL);
  g_autoptr(Run) stats = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *document;

  g_assert_false (g_utf8_validate (cp1252, -1, NULL));

  assert_exit_status (run, EXIT_OK);
  assert_contains (run->err, "legacy.txt");
  assert_contains (run->err, "warning");
  assert_contains (run->err, "Windows-1252");
  assert_validates (output);

  parser = parse_json_file (output);
  document = document_at (parser, 0);
  g_assert_cmpstr (string_member (document, "encoding"), ==, "windows-1252");
  g_assert_cmpstr (string_member (document, "text"), ==,
                   "Café “quoted” — 5 €\nSecond line.\n");
  g_assert_cmpstr (string_member (document, "title"), ==,
                   "Café “quoted” — 5 €");

  /* The warning stays with the document: stats repeats it. */
  stats = run_cli ("stats", output, NULL);
  assert_exit_status (stats, EXIT_OK);
  assert_matches (stats->out, "^ +warning: .*Windows-1252");
}

static void
test_new_bom (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *article = write_file (fixture, "bom.txt", "\xEF\xBB\xBFHeadline\n\nBody.\n", -1);
  g_autoptr(Run) run = run_cli ("new", "--output", output, article, NULL);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *document;

  assert_exit_status (run, EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  assert_validates (output);

  parser = parse_json_file (output);
  document = document_at (parser, 0);
  g_assert_cmpstr (string_member (document, "encoding"), ==, "utf-8-bom");
  g_assert_cmpstr (string_member (document, "text"), ==, "Headline\n\nBody.\n");
  g_assert_cmpstr (string_member (document, "title"), ==, "Headline");
}

static void
test_new_line_endings (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *article = write_file (fixture, "mac.txt",
                                         "Old Mac line ends\r\rOne\rTwo\r\nThree\n\tTabbed  \n",
                                         -1);
  g_autoptr(Run) run = run_cli ("new", "--output", output, article, NULL);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *document;

  assert_exit_status (run, EXIT_OK);
  assert_validates (output);

  /* Lone CR and CR LF become LF; nothing else changes. */
  parser = parse_json_file (output);
  document = document_at (parser, 0);
  g_assert_cmpstr (string_member (document, "text"), ==,
                   "Old Mac line ends\n\nOne\nTwo\nThree\n\tTabbed  \n");
  g_assert_cmpstr (string_member (document, "title"), ==, "Old Mac line ends");
}

static void
test_new_utf16 (Fixture       *fixture,
                gconstpointer  data)
{
  /* “Né\n” in UTF-16: little-endian with a byte-order mark, big-endian
   * without one. */
  static const char le[] = "\xff\xfeN\0\xe9\0\n\0";
  static const char be[] = "\0N\0\xe9\0\n\0O\0k\0\n";
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *le_path = write_file (fixture, "le.txt", le, sizeof le - 1);
  g_autofree char *be_path = write_file (fixture, "be.txt", be, sizeof be - 1);
  g_autoptr(Run) run = run_cli ("new", "--output", output, le_path, be_path, NULL);
  g_autoptr(JsonParser) parser = NULL;

  assert_exit_status (run, EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  assert_validates (output);

  parser = parse_json_file (output);
  g_assert_cmpstr (document_member (parser, 0, "encoding"), ==, "utf-16le");
  g_assert_cmpstr (document_member (parser, 0, "text"), ==, "Né\n");
  g_assert_cmpstr (document_member (parser, 1, "encoding"), ==, "utf-16be");
  g_assert_cmpstr (document_member (parser, 1, "text"), ==, "Né\nOk\n");
}

static void
test_new_too_large (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "p.crosscheck.json");
  g_autofree char *article = fixture_path (fixture, "huge.txt");
  g_autoptr(Run) run = NULL;
  int fd;

  /* A sparse file just over the 64 MiB limit of the README. */
  fd = g_open (article, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 64 * 1024 * 1024 + 1), ==, 0);
  close (fd);

  run = run_cli ("new", "--output", output, article, NULL);
  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, "huge.txt");
  assert_contains (run->err, "limit");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_new_missing_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "no-such-folder",
                                              "p.crosscheck.json", NULL);
  g_autoptr(Run) run = run_new_samples (output, NULL);

  assert_exit_status (run, EXIT_FAILED);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, "p.crosscheck.json");
  assert_contains (run->err, "No such file or directory");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_new_read_only_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *folder = fixture_path (fixture, "read-only");
  g_autofree char *probe = g_build_filename (folder, "probe", NULL);
  g_autofree char *output = g_build_filename (folder, "p.crosscheck.json", NULL);
  g_autoptr(Run) run = NULL;
  g_autoptr(GDir) dir = NULL;
  int fd;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  /* Permissions do not stop root; /cli/new/missing-folder covers that. */
  fd = g_open (probe, O_WRONLY | O_CREAT, 0644);
  if (fd >= 0)
    {
      close (fd);
      g_remove (probe);
      g_test_skip ("a read-only folder can be written to by this user (root?)");
      return;
    }

  run = run_new_samples (output, NULL);
  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, "p.crosscheck.json");
  assert_contains (run->err, "Permission denied");

  /* Not even a temporary file is left behind. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

/* ------------------------------------------------------------------------ */
/* validate                                                                  */

static void
test_validate_fixture (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_project (fixture, "valid.crosscheck.json", NULL);
  g_autoptr(Run) python = run_python_check (path);

  /* The hand-written project is right by an independent reader's count. */
  assert_exit_status (python, EXIT_OK);
  assert_contains (python->out, "ok (2 documents, 3 spans, 1 links)");
}

static void
test_validate_valid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_project (fixture, "valid.crosscheck.json", NULL);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *quoted = g_regex_escape_string (path, -1);

  assert_exit_status (run, EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  lines = output_lines (run->out, 1);
  pattern = g_strdup_printf ("\\A%s: valid \\(2 documents, 3 spans, 1 links?\\)\\z", quoted);
  assert_matches (lines[0], pattern);
}

typedef struct
{
  const char *name;
  const char *edits[5];  /* pairs of (text in the valid project, its replacement) */
  const char *counts;    /* what validate counts */
} ValidCase;

/* The end of link l1, and the same followed by a second link. */
#define LINK_L1 "\"note\": \"Different dates.\", \"attributes\": {}}"
#define LINK_L2(type, from, to)                                                   \
  LINK_L1 ",\n"                                                                   \
  "    {\"id\": \"l2\", \"type\": \"" type "\", "                                 \
  "\"from\": \"" from "\", \"to\": \"" to "\", "                                  \
  "\"annotator\": \"\", \"created\": null, \"modified\": null, \"note\": \"\", "  \
  "\"attributes\": {}}"

#define BRACKETS10 "[[[[[[[[[[{{{{{{{{{{"

static const ValidCase valid_cases[] = {
  /* A directed link type allows a→b and b→a; only a symmetric one does not. */
  { "opposite-directed-links",
    { "\"type\": \"contradicts\"", "\"type\": \"supports\"",
      LINK_L1, LINK_L2 ("supports", "s3", "s2"),
      NULL },
    "2 documents, 3 spans, 2 links" },
  /* Attributes that the label does not define are free text. */
  { "free-attributes",
    { "\"note\": \"\", \"attributes\": {}},",
      "\"note\": \"\", \"attributes\": {\"role\": \"mayor\"}},",
      NULL },
    "2 documents, 3 spans, 1 link" },
  /* Brackets and escaped quotes inside strings are text, not nesting. */
  { "brackets-in-strings",
    { "\"note\": \"Different dates.\"",
      "\"note\": \"" BRACKETS10 BRACKETS10 BRACKETS10 BRACKETS10 " \\\" "
      BRACKETS10 BRACKETS10 BRACKETS10 BRACKETS10 " \\\\\"",
      NULL },
    "2 documents, 3 spans, 1 link" },
  /* Optional keys may be left out. */
  { "optional-keys",
    { ", \"annotator\": \"ana\", \"created\": null, \"modified\": null, \"note\": \"\", "
      "\"attributes\": {}", "",
      "\"source\": \"june.txt\",\n      \"published\": null,\n      \"encoding\": \"utf-8\",\n", "",
      NULL },
    "2 documents, 3 spans, 1 link" },
};

static void
test_validate_valid_variant (Fixture       *fixture,
                             gconstpointer  data)
{
  const ValidCase *c = data;
  g_autofree char *name = g_strdup_printf ("%s.crosscheck.json", c->name);
  g_autofree char *path = write_project (fixture, name, c->edits);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_autoptr(Run) python = run_python_check (path);
  g_autofree char *line = g_strdup_printf ("%s: valid (%s", path, c->counts);

  /* The independent reader agrees that the file is valid. */
  assert_exit_status (python, EXIT_OK);

  assert_exit_status (run, EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  assert_has_prefix (run->out, line);
}

typedef struct
{
  const char *name;
  const char *edits[9];  /* pairs of (text in the valid project, its replacement) */
  const char *path;      /* the JSON path of the one problem expected */
  const char *needles[3];  /* parts of its message */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "wrong-type",
    { "\"start\": 0,", "\"start\": \"0\",", NULL },
    "spans[0].start", { "expected an integer", "string" } },
  { "fraction",
    { "\"end\": 12,", "\"end\": 12.5,", NULL },
    "spans[0].end", { "expected an integer" } },
  { "wrong-type-boolean",
    { "\"symmetric\": true", "\"symmetric\": \"yes\"", NULL },
    "link_types[0].symmetric", { "string" } },
  { "wrong-type-array",
    { "\"links\": [", "\"links\": {\"l\": [", "\n  ]\n}\n", "\n  ]}\n}\n", NULL },
    "links", { "expected an array", "object" } },
  { "negative-start",
    { "\"start\": 0,", "\"start\": -1,", NULL },
    "spans[0].start", { "negative" } },
  { "end-past-text",
    { "\"end\": 38,", "\"end\": 41,", NULL },
    "spans[2].end", { "41", "40 characters" } },
  { "reversed-span",
    { "\"start\": 18, \"end\": 43,", "\"start\": 43, \"end\": 18,", NULL },
    "spans[1]", { "reversed" } },
  { "empty-span",
    { "\"start\": 18, \"end\": 43,", "\"start\": 18, \"end\": 18,", NULL },
    "spans[1]", { "empty" } },
  { "bad-offset",
    { "\"start\": 0, \"end\": 12,", "\"start\": 1, \"end\": 13,", NULL },
    "spans[0].text", { "Inês Tavares", "nês Tavares " } },
  { "text-mismatch",
    { "\"text\": \"Inês Tavares\"", "\"text\": \"Ines Tavares\"", NULL },
    "spans[0].text", { "Ines Tavares", "Inês Tavares" } },
  { "duplicate-id",
    { "\"id\": \"s1\"", "\"id\": \"d1\"", NULL },
    "spans[0].id", { "duplicate", "d1" } },
  { "duplicate-link-id",
    { "\"id\": \"l1\"", "\"id\": \"s3\"", NULL },
    "links[0].id", { "duplicate", "s3" } },
  { "dangling-document",
    { "\"document\": \"d1\", \"start\": 0,", "\"document\": \"d9\", \"start\": 0,", NULL },
    "spans[0].document", { "d9" } },
  { "dangling-link-from",
    { "\"from\": \"s2\"", "\"from\": \"s7\"", NULL },
    "links[0].from", { "s7" } },
  { "dangling-link-to",
    { "\"to\": \"s3\"", "\"to\": \"s9\"", NULL },
    "links[0].to", { "s9" } },
  { "unknown-label",
    { "\"label\": \"PERSON\"", "\"label\": \"PEOPLE\"", NULL },
    "spans[0].label", { "PEOPLE" } },
  { "link-type-as-label",
    { "\"label\": \"PERSON\"", "\"label\": \"supports\"", NULL },
    "spans[0].label", { "supports" } },
  { "unknown-link-type",
    { "\"type\": \"contradicts\"", "\"type\": \"refutes\"", NULL },
    "links[0].type", { "refutes" } },
  { "unknown-key",
    { "\"annotator\": \"ana\"", "\"annotator\": \"ana\", \"colour\": \"blue\"", NULL },
    "spans[0].colour", { "unknown key" } },
  { "unknown-top-level-key",
    { "\n  \"links\": [", "\n  \"comments\": [],\n  \"links\": [", NULL },
    "comments", { "unknown key" } },
  { "missing-key",
    { "\"label\": \"PERSON\", ", "", NULL },
    "spans[0].label", { "missing", "required" } },
  { "missing-text",
    { "\",\n      \"text\": \"Officials say the bridge opens in June.\\n\"", "\"", NULL },
    "documents[1].text", { "required" } },
  { "text-with-cr",
    { "in June.\\n\"", "in June.\\r\\n\"", NULL },
    "documents[1].text", { "carriage return" } },
  { "bad-attribute-value",
    { "\"certainty\": \"hedged\"", "\"certainty\": \"sure\"", NULL },
    "spans[2].attributes.certainty", { "sure", "asserted, hedged, speculative" } },
  { "bad-timestamp",
    { "\"created\": \"2024-03-05T10:03:40Z\"", "\"created\": \"yesterday\"", NULL },
    "spans[1].created", { "yesterday" } },
  { "version-not-integer",
    { "\"version\": 1", "\"version\": \"1\"", NULL },
    "version", { "integer" } },
  { "offset-too-large",
    { "\"start\": 0,", "\"start\": 2147483648,", NULL },
    "spans[0].start", { "out of range", "2147483648" } },
  /* 10^18 fits in 64 bits, so it is an offset out of range, not an
   * integer too long to read (docs/format.md). */
  { "offset-19-digits",
    { "\"start\": 0,", "\"start\": 1000000000000000000,", NULL },
    "spans[0].start", { "out of range", "1000000000000000000" } },
  { "integer-too-long",
    { "\"end\": 12,", "\"end\": 99999999999999999999,", NULL },
    "line 33", { "99999999999999999999" } },
  { "nul-escape",
    { "Officials say", "Officials\\u0000 say", NULL },
    "line 29", { "NUL" } },
  { "invalid-id",
    { "\"id\": \"s1\"", "\"id\": \"s 1\"", NULL },
    "spans[0].id", { "s 1" } },
  { "bad-published",
    { "\"published\": \"2024-03-04\"", "\"published\": \"4 March 2024\"", NULL },
    "documents[0].published", { "4 March 2024" } },
  { "unknown-encoding",
    { "\"published\": null,\n      \"encoding\": \"utf-8\"",
      "\"published\": null,\n      \"encoding\": \"latin-9\"", NULL },
    "documents[1].encoding", { "latin-9" } },
  /* A refused label or link type is reported once, not again for every
   * span or link that uses it. */
  { "refused-label",
    { "\"color\": \"#1c71d8\"", "\"color\": \"#1C71D8\"", NULL },
    "labels[0].color", { "#1C71D8" } },
  { "refused-link-type",
    { "\"shortcut\": \"x\"", "\"shortcut\": \"p\"", NULL },
    "link_types[0].shortcut", { "PERSON" } },
  { "wrong-format",
    { "\"format\": \"crosscheck-project\"", "\"format\": \"crosscheck-projects\"", NULL },
    "format", { "crosscheck-project" } },
  /* Newer files are refused before anything else in them is looked at, so
   * the other problems here are not reported. */
  { "newer-version",
    { "\"version\": 1", "\"version\": 2",
      "\"label\": \"PERSON\"", "\"label\": \"NOBODY\"",
      "\"end\": 38,", "\"end\": 99,",
      "\n  \"links\": [", "\n  \"comments\": [],\n  \"links\": [", NULL },
    "version", { "newer", "2" } },
  { "self-link",
    { "\"to\": \"s3\"", "\"to\": \"s2\"", NULL },
    "links[0]", { "itself", "s2" } },
  { "duplicate-link",
    { LINK_L1, LINK_L2 ("contradicts", "s2", "s3"), NULL },
    "links[1]", { "l1" } },
  { "duplicate-symmetric-link",
    { LINK_L1, LINK_L2 ("contradicts", "s3", "s2"), NULL },
    "links[1]", { "l1" } },
};

static void
test_validate_broken (Fixture       *fixture,
                      gconstpointer  data)
{
  const BrokenCase *c = data;
  g_autofree char *name = g_strdup_printf ("%s.crosscheck.json", c->name);
  g_autofree char *path = write_project (fixture, name, c->edits);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_single_problem (run->out, path, c->path, c->needles[0]);
  for (guint i = 1; i < G_N_ELEMENTS (c->needles) && c->needles[i] != NULL; i++)
    assert_contains (run->out, c->needles[i]);
}

/* U+1F534, then “Zoë” written as e + U+0308, then a woman scientist
 * (U+1F469 U+200D U+1F52C). In code points, Python's len(), the text has 48
 * characters; “Zoë” is [8:12] and “team” [26:30]. In UTF-16 units “team”
 * starts at 29, in UTF-8 bytes at 38. */
#define D3_TEXT "\xf0\x9f\x94\xb4 Live: Zoe\xcc\x88 said the "                    \
                "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x94\xac team [left] at 10:00.\n"

static char *
code_point_project (guint team_start,
                    guint team_end)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, D3_TEXT, -1);
  g_autofree char *text = g_strndup (D3_TEXT, strlen (D3_TEXT) - 1);

  return g_strdup_printf (
    "{\n"
    "  \"format\": \"crosscheck-project\",\n"
    "  \"version\": 1,\n"
    "  \"labels\": [\n"
    "    {\"name\": \"PERSON\", \"kind\": \"entity\"}\n"
    "  ],\n"
    "  \"link_types\": [],\n"
    "  \"documents\": [\n"
    "    {\n"
    "      \"id\": \"d1\",\n"
    "      \"sha256\": \"%s\",\n"
    "      \"text\": \"%s\\n\"\n"
    "    }\n"
    "  ],\n"
    "  \"spans\": [\n"
    "    {\"id\": \"s1\", \"document\": \"d1\", \"start\": 8, \"end\": 12, "
    "\"label\": \"PERSON\", \"text\": \"Zoe\xcc\x88\"},\n"
    "    {\"id\": \"s2\", \"document\": \"d1\", \"start\": %u, \"end\": %u, "
    "\"label\": \"PERSON\", \"text\": \"team\"}\n"
    "  ],\n"
    "  \"links\": []\n"
    "}\n",
    sha, text, team_start, team_end);
}

static void
test_validate_code_points (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *json = code_point_project (26, 30);
  g_autofree char *path = write_file (fixture, "emoji.crosscheck.json", json, -1);
  g_autoptr(Run) python = run_python_check (path);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_autofree char *valid = g_strdup_printf ("%s: valid (1 document", path);

  g_assert_cmpint (g_utf8_strlen (D3_TEXT, -1), ==, 48);
  assert_exit_status (python, EXIT_OK);

  assert_exit_status (run, EXIT_OK);
  assert_has_prefix (run->out, valid);
}

static void
test_validate_utf16_offsets (Fixture       *fixture,
                             gconstpointer  data)
{
  /* Offsets counted the JavaScript way are wrong in a project file. */
  g_autofree char *json = code_point_project (29, 33);
  g_autofree char *path = write_file (fixture, "utf16.crosscheck.json", json, -1);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_single_problem (run->out, path, "spans[1].text", "team");
}

static void
test_validate_utf8_offsets (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *json = code_point_project (38, 42);
  g_autofree char *path = write_file (fixture, "utf8.crosscheck.json", json, -1);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_single_problem (run->out, path, "spans[1].text", "team");
}

static void
test_validate_sha256 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, D1_TEXT, -1);
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", sha);
  const char *edits[] = {
    quoted, "\"0000000000000000000000000000000000000000000000000000000000000000\"", NULL
  };
  g_autofree char *path = write_project (fixture, "sha.crosscheck.json", edits);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_autoptr(Run) python = run_python_check (path);

  /* The independent reader agrees that the file is broken. */
  assert_exit_status (python, EXIT_FAILED);

  assert_exit_status (run, EXIT_FAILED);
  assert_single_problem (run->out, path, "documents[0].sha256", sha);
}

static void
test_validate_several (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *edits[] = { "\"to\": \"s3\"", "\"to\": \"s9\"", NULL };
  g_autofree char *bad = write_project (fixture, "bad.crosscheck.json", edits);
  g_autofree char *good = write_project (fixture, "good.crosscheck.json", NULL);
  g_autoptr(Run) run = run_cli ("validate", bad, good, NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *bad_line = g_strdup_printf ("%s: links[0].to: ", bad);
  g_autofree char *good_line = g_strdup_printf ("%s: valid", good);

  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 2);
  assert_has_prefix (lines[0], bad_line);
  assert_has_prefix (lines[1], good_line);
}

static void
test_validate_several_problems (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *edits[] = {
    "\"label\": \"PERSON\"", "\"label\": \"PEOPLE\"",
    "\"text\": \"the bridge opens on 3 May\"", "\"text\": \"the bridge opens on 4 May\"",
    "\"type\": \"contradicts\"", "\"type\": \"refutes\"",
    NULL
  };
  g_autofree char *path = write_project (fixture, "many.crosscheck.json", edits);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *p0 = g_strdup_printf ("%s: spans[0].label: ", path);
  g_autofree char *p1 = g_strdup_printf ("%s: spans[1].text: ", path);
  g_autofree char *p2 = g_strdup_printf ("%s: links[0].type: ", path);

  /* Every problem is reported, in file order, not just the first. */
  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 3);
  assert_has_prefix (lines[0], p0);
  assert_has_prefix (lines[1], p1);
  assert_has_prefix (lines[2], p2);
}

static void
test_validate_not_json (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "garbage.crosscheck.json",
                                      "{\n"
                                      "  \"format\": \"crosscheck-project\",\n"
                                      "  \"version\": 1,\n"
                                      "  \"labels\": [}\n"
                                      "}\n", -1);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_autofree char *quoted = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf ("\\A%s: line 4, column [0-9]+: \\S", quoted);
  g_auto(GStrv) lines = NULL;

  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 1);
  assert_matches (lines[0], pattern);
  assert_contains (lines[0], "JSON");
}

static void
test_validate_plain_text (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *article = sample_path (sample_names[0]);
  g_autoptr(Run) run = run_cli ("validate", article, NULL);
  g_autofree char *quoted = g_regex_escape_string (article, -1);
  g_autofree char *pattern = g_strdup_printf ("\\A%s: line 1, column [0-9]+: \\S", quoted);
  g_auto(GStrv) lines = NULL;

  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 1);
  assert_matches (lines[0], pattern);
}

static void
test_validate_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "empty.crosscheck.json", "", 0);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: ", path);
  g_auto(GStrv) lines = NULL;

  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 1);
  assert_has_prefix (lines[0], prefix);
  assert_contains (lines[0], "empty");
}

static void
test_validate_not_utf8 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *json = valid_project ();
  g_autofree char *latin1 = replace_once (json, "\"text\": \"In\xc3\xaas Tavares\"",
                                              "\"text\": \"In\xeas Tavares\"");
  g_autofree char *path = write_file (fixture, "latin1.crosscheck.json", latin1, -1);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: ", path);
  g_auto(GStrv) lines = NULL;

  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 1);
  assert_has_prefix (lines[0], prefix);
  assert_contains (lines[0], "UTF-8");
}

static void
test_validate_nul_bytes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *json = valid_project ();
  g_autofree char *path = NULL;
  g_autoptr(Run) run = NULL;
  g_autofree char *prefix = NULL;
  g_auto(GStrv) lines = NULL;
  char *at = strstr (json, "Officials");

  at[0] = '\0';
  path = write_file (fixture, "nul.crosscheck.json", json, strlen (json) + 1 + strlen (at + 1));
  run = run_cli ("validate", path, NULL);
  prefix = g_strdup_printf ("%s: ", path);

  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 1);
  assert_has_prefix (lines[0], prefix);
  assert_contains (lines[0], "NUL");
}

static void
test_validate_json_array (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "array.crosscheck.json", "[1, 2, 3]\n", -1);
  g_autoptr(Run) run = run_cli ("validate", path, NULL);
  g_auto(GStrv) lines = NULL;

  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 1);
  assert_contains (lines[0], path);
  assert_contains (lines[0], "not a Crosscheck project");
}

static void
test_validate_deep_nesting (Fixture       *fixture,
                            gconstpointer  data)
{
  const guint depth = 100000;
  g_autoptr(GString) json = g_string_sized_new (2 * depth + 2);
  g_autofree char *path = NULL;
  g_autoptr(Run) run = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '\n');

  path = write_file (fixture, "deep.crosscheck.json", json->str, json->len);
  run = run_cli ("validate", path, NULL);

  /* run_cli() has checked that it did not crash. */
  assert_exit_status (run, EXIT_FAILED);
  lines = output_lines (run->out, 1);
  assert_contains (lines[0], path);
  assert_contains (lines[0], "nested");
  assert_contains (lines[0], "64");
}

static void
test_validate_deep_nesting_in_project (Fixture       *fixture,
                                       gconstpointer  data)
{
  const guint depth = 100000;
  g_autoptr(GString) deep = g_string_new ("\"note\": \"\", \"attributes\": {\"x\": ");
  g_autofree char *path = NULL;
  g_autoptr(Run) run = NULL;
  const char *edits[3];

  /* Unbalanced as well: the tool must stop counting, not recurse. */
  for (guint i = 0; i < depth; i++)
    g_string_append (deep, "{\"a\": ");
  edits[0] = "\"note\": \"\", \"attributes\": {}},";
  edits[1] = deep->str;
  edits[2] = NULL;

  path = write_project (fixture, "deep.crosscheck.json", edits);
  run = run_cli ("validate", path, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->out, path);
  assert_contains (run->out, "nested");
}

static void
test_validate_missing_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "nothing-here.crosscheck.json");
  g_autofree char *good = write_project (fixture, "good.crosscheck.json", NULL);
  g_autoptr(Run) run = run_cli ("validate", path, good, NULL);
  g_autofree char *all = NULL;
  g_autofree char *good_line = g_strdup_printf ("%s: valid", good);

  assert_exit_status (run, EXIT_FAILED);
  all = g_strconcat (run->out, run->err, NULL);
  assert_contains (all, path);
  assert_contains (all, "No such file");
  assert_contains (run->out, good_line);
}

/* ------------------------------------------------------------------------ */
/* reanchor                                                                  */

/* d1's text as someone edited it in the file: "Update: " in front (8 code
 * points) and "3 May" changed to "10 May"; the spans and sha256 were left. */
static const char * const changed_d1[] = {
  "\"text\": \"Inês Tavares said the bridge opens on 3 May.\\n\"",
  "\"text\": \"Update: Inês Tavares said the bridge opens on 10 May.\\n\"",
  NULL
};

static void
test_reanchor_moves_and_flags (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = write_project (fixture, "changed.crosscheck.json", changed_d1);
  g_autofree char *out = fixture_path (fixture, "fixed.crosscheck.json");
  g_autofree char *before = read_file (path, NULL);
  g_autofree char *after = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(Run) validate = run_cli ("validate", path, NULL);
  g_autoptr(Run) run = NULL;
  g_autoptr(Run) python = NULL;
  g_autoptr(Run) revalidate = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *spans;
  JsonObject *s1, *s2;

  /* validate lists the problems and says that re-anchoring can repair them. */
  assert_exit_status (validate, EXIT_FAILED);
  assert_contains (validate->out, "documents[0].sha256");
  assert_contains (validate->out, "spans[0].text");
  assert_contains (validate->err, "1 span moved to its quoted text");
  assert_contains (validate->err, "1 span needs review");
  assert_contains (validate->err, "crosscheck-cli reanchor");

  run = run_cli ("reanchor", path, "--output", out, NULL);
  assert_exit_status (run, EXIT_OK);
  lines = output_lines (run->out, 3);
  moved = g_strdup_printf ("%s: s1: “Inês Tavares” moved from 0–12 to 8–20.", path);
  g_assert_cmpstr (lines[0], ==, moved);
  assert_contains (lines[1], ": s2: needs review: The text changed: “the bridge opens on 3 May” is no longer in it");
  assert_contains (lines[2], "The text of 1 article changed: 1 span moved");

  /* The original is untouched; the new file is valid for both readers,
   * keeps every span and the link, and flags s2. */
  after = read_file (path, NULL);
  g_assert_cmpstr (after, ==, before);
  python = run_python_check (out);
  assert_exit_status (python, EXIT_OK);
  assert_contains (python->out, "ok (2 documents, 3 spans, 1 links)");
  revalidate = run_cli ("validate", out, NULL);
  assert_exit_status (revalidate, EXIT_OK);

  parser = parse_json_file (out);
  spans = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "spans");
  s1 = json_array_get_object_element (spans, 0);
  s2 = json_array_get_object_element (spans, 1);
  g_assert_cmpint (json_object_get_int_member (s1, "start"), ==, 8);
  g_assert_false (json_object_has_member (s1, "needs_review"));
  g_assert_cmpstr (string_member (s2, "id"), ==, "s2");
  assert_contains (string_member (s2, "needs_review"), "“the bridge opens on 3 May”");
}

static void
test_reanchor_refuses (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *broken[] = { changed_d1[0], changed_d1[1], "\"label\": \"PERSON\"", "\"label\": \"PEOPLE\"", NULL };
  g_autofree char *valid = write_project (fixture, "valid.crosscheck.json", NULL);
  g_autofree char *bad = write_project (fixture, "bad.crosscheck.json", broken);
  g_autofree char *out = fixture_path (fixture, "out.crosscheck.json");
  g_autoptr(Run) usage = run_cli ("reanchor", valid, NULL);
  g_autoptr(Run) nothing = run_cli ("reanchor", valid, "--output", out, NULL);
  g_autoptr(Run) refused = run_cli ("reanchor", bad, "--output", out, NULL);

  /* Where to write must be said. */
  assert_exit_status (usage, EXIT_USAGE);
  assert_contains (usage->err, "--in-place");

  /* A file whose spans all match has nothing to repair, and nothing is written. */
  assert_exit_status (nothing, EXIT_OK);
  assert_contains (nothing->out, "nothing to re-anchor");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Other problems are refused as by validate. */
  assert_exit_status (refused, EXIT_FAILED);
  assert_contains (refused->err, "spans[0].label");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_reanchor_in_place (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_project (fixture, "changed.crosscheck.json", changed_d1);
  g_autoptr(Run) run = run_cli ("reanchor", "--in-place", path, NULL);
  g_autoptr(Run) validate = NULL;
  g_autoptr(Run) again = NULL;

  /* The file itself is repaired: valid now, and nothing left to do. */
  assert_exit_status (run, EXIT_OK);
  assert_contains (run->out, "1 span needs review");
  validate = run_cli ("validate", path, NULL);
  assert_exit_status (validate, EXIT_OK);
  again = run_cli ("reanchor", "--in-place", path, NULL);
  assert_exit_status (again, EXIT_OK);
  assert_contains (again->out, "nothing to re-anchor");
}

/* ------------------------------------------------------------------------ */
/* stats                                                                     */

static void
test_stats_samples (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *output = fixture_path (fixture, "samples.crosscheck.json");
  g_autoptr(Run) created = run_new_samples (output, NULL);
  g_autoptr(Run) run = NULL;

  assert_exit_status (created, EXIT_OK);

  run = run_cli ("stats", output, NULL);
  assert_exit_status (run, EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  assert_contains (run->out, output);
  assert_matches (run->out, "^Documents: 4$");

  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      g_autofree char *text = sample_text (sample_names[i]);
      g_autofree char *title = first_line (text);
      g_autofree char *heading = g_strdup_printf ("d%u   %s\n", i + 1, title);
      g_autofree char *count = g_strdup_printf ("%ld characters, 0 spans",
                                                g_utf8_strlen (text, -1));

      assert_contains (run->out, heading);
      assert_contains (run->out, count);
      assert_contains (run->out, sample_names[i]);
    }

  assert_matches (run->out, "^Spans per label: 0 in all$");
  assert_matches (run->out, "^ +PERSON +0$");
  assert_matches (run->out, "^ +ORGANIZATION +0$");
  assert_matches (run->out, "^ +LOCATION +0$");
  assert_matches (run->out, "^ +DATE +0$");
  assert_matches (run->out, "^ +EVENT +0$");
  assert_matches (run->out, "^ +CLAIM +0$");
  assert_matches (run->out, "^Links per type: 0 in all$");
  assert_matches (run->out, "^ +contradicts +0$");
  assert_matches (run->out, "^ +supports +0$");
  assert_matches (run->out, "^ +same-as +0$");
}

static void
test_stats_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_project (fixture, "counts.crosscheck.json", NULL);
  g_autoptr(Run) run = run_cli ("stats", path, NULL);

  assert_exit_status (run, EXIT_OK);
  g_assert_cmpstr (run->err, ==, "");
  assert_matches (run->out, "^Documents: 2$");
  assert_matches (run->out, "^ +d1 +Bridge to open in May$");
  assert_matches (run->out, "^ +45 characters, 2 spans, published 2024-03-04, source may\\.txt$");
  assert_matches (run->out, "^ +d2 +Bridge to open in June$");
  assert_matches (run->out, "^ +40 characters, 1 spans?, published unknown, source june\\.txt$");
  assert_matches (run->out, "^Spans per label: 3 in all$");
  assert_matches (run->out, "^ +PERSON +1$");
  assert_matches (run->out, "^ +CLAIM +2$");
  assert_matches (run->out, "^Links per type: 1 in all$");
  assert_matches (run->out, "^ +contradicts +1$");
  assert_matches (run->out, "^ +supports +0$");
  assert_not_contains (run->out, "ORGANIZATION");
}

static void
test_stats_broken (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *edits[] = { "\"label\": \"PERSON\"", "\"label\": \"PEOPLE\"", NULL };
  g_autofree char *path = write_project (fixture, "broken.crosscheck.json", edits);
  g_autoptr(Run) run = run_cli ("stats", path, NULL);

  assert_exit_status (run, EXIT_FAILED);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, path);
  assert_contains (run->err, "spans[0].label");
  assert_contains (run->err, "PEOPLE");
}

static void
test_stats_missing_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "nothing-here.crosscheck.json");
  g_autoptr(Run) run = run_cli ("stats", path, NULL);

  assert_exit_status (run, EXIT_FAILED);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, path);
  assert_contains (run->err, "No such file");
}

static void
test_stats_too_many_arguments (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *a = write_project (fixture, "a.crosscheck.json", NULL);
  g_autofree char *b = write_project (fixture, "b.crosscheck.json", NULL);
  g_autoptr(Run) run = run_cli ("stats", a, b, NULL);

  assert_exit_status (run, EXIT_USAGE);
  g_assert_cmpstr (run->out, ==, "");
  assert_contains (run->err, "Too many arguments");
  assert_contains (run->err, "Usage:");
}

/* ------------------------------------------------------------------------ */
/* export                                                                    */

static const char *
export_project (void)
{
  return g_test_get_filename (G_TEST_DIST, "data", "export", "cluster.crosscheck.json", NULL);
}

static void
test_export_unknown_format (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *out = fixture_path (fixture, "out");
  g_autoptr(Run) run = run_cli ("export", "--format", "csv", "-o", out, export_project (), NULL);

  assert_exit_status (run, EXIT_USAGE);
  assert_contains (run->err, "unknown format “csv”");
  /* The help lists the formats there are. */
  assert_contains (run->err, "jsonl, nli, conll, hf, spacy, brat or webanno");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_export_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = fixture_path (fixture, "out");
  g_autoptr(Run) no_format = run_cli ("export", "-o", out, export_project (), NULL);
  g_autoptr(Run) no_output = run_cli ("export", "--format", "brat", export_project (), NULL);
  g_autoptr(Run) no_project = run_cli ("export", "--format", "brat", "-o", out, NULL);
  g_autoptr(Run) utf16 = run_cli ("export", "--format", "nli", "--utf16-offsets", "-o", out,
                                  export_project (), NULL);
  g_autoptr(Run) neutral = run_cli ("export", "--format", "jsonl", "--neutral", "3", "-o", out,
                                    export_project (), NULL);
  g_autoptr(Run) seed = run_cli ("export", "--format", "nli", "--seed", "x", "-o", out,
                                 export_project (), NULL);

  g_assert_cmpint (no_format->status, ==, EXIT_USAGE);
  assert_contains (no_format->err, "--format is required");
  g_assert_cmpint (no_output->status, ==, EXIT_USAGE);
  assert_contains (no_output->err, "--output is required");
  g_assert_cmpint (no_project->status, ==, EXIT_USAGE);
  assert_contains (no_project->err, "Missing arguments");
  g_assert_cmpint (utf16->status, ==, EXIT_USAGE);
  assert_contains (utf16->err, "--utf16-offsets is for --format jsonl only");
  g_assert_cmpint (neutral->status, ==, EXIT_USAGE);
  assert_contains (neutral->err, "--neutral and --seed are for --format nli only");
  g_assert_cmpint (seed->status, ==, EXIT_USAGE);
  assert_contains (seed->err, "--seed must be a whole number");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_export_missing_input (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *missing = fixture_path (fixture, "gone.crosscheck.json");
  g_autoptr(Run) run = run_cli ("export", "--format", "jsonl", "-o", out, export_project (),
                                missing, NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, "gone.crosscheck.json");
  assert_contains (run->err, "No such file");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A folder that cannot be made (its parent is a file) stops even root. */
static void
test_export_unwritable_output (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *file = fixture_path (fixture, "a-file");
  g_autofree char *out = g_build_filename (file, "out", NULL);
  g_autoptr(Run) run = NULL;

  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  run = run_cli ("export", "--format", "conll", "-o", out, export_project (), NULL);

  assert_exit_status (run, EXIT_FAILED);
  assert_contains (run->err, "a-file/out");
  assert_contains (run->err, "Not a directory");
}

static void
test_export_brat (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *ann = g_build_filename (out, "d3.ann", NULL);
  g_autofree char *text = NULL;
  g_autoptr(Run) run = run_cli ("export", "--format", "brat", "-o", out, export_project (), NULL);
  g_autoptr(Run) again = NULL;
  g_autoptr(Run) forced = NULL;

  assert_exit_status (run, EXIT_OK);
  assert_contains (run->out, "3 documents exported as brat (2 warnings)");
  /* Warnings go to stderr, one per line. */
  assert_contains (run->err, "crosscheck-cli: warning: brat cannot hold links between documents; "
                             "3 links are in cross-document-links.tsv instead: l1, l2, l4\n");
  g_assert_true (g_file_get_contents (ann, &text, NULL, NULL));
  assert_has_prefix (text, "T1\tLOCATION 0 5\tPorto\nT2\tCLAIM 36 58;59 72\t");

  /* A second export does not replace the first unless asked. */
  again = run_cli ("export", "--format", "brat", "-o", out, export_project (), NULL);
  g_assert_cmpint (again->status, ==, EXIT_FAILED);
  assert_contains (again->err, "exists already");
  assert_contains (again->err, "use --force");
  forced = run_cli ("export", "--format", "brat", "--force", "-o", out, export_project (), NULL);
  g_assert_cmpint (forced->status, ==, EXIT_OK);
}

/* Two projects, one dataset: ids carry the project's file name. */
static void
test_export_several (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *copy = fixture_path (fixture, "tuesday.crosscheck.json");
  g_autofree char *out = fixture_path (fixture, "out");
  g_autofree char *docs = g_build_filename (out, "documents.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(Run) run = NULL;

  g_assert_true (g_file_get_contents (export_project (), &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));

  run = run_cli ("export", "--format", "jsonl", "-o", out, export_project (), copy, copy, NULL);
  assert_exit_status (run, EXIT_OK);
  assert_contains (run->out, "9 documents exported as jsonl (0 warnings)");
  g_assert_true (g_file_get_contents (docs, &text, NULL, NULL));
  assert_contains (text, "{\"id\": \"cluster/d1\"");
  assert_contains (text, "{\"id\": \"tuesday/d1\"");
  assert_contains (text, "{\"id\": \"tuesday-2/d3\"");
  assert_contains (text, "{\"id\": \"tuesday-2/s14\", \"start\": 36");
}

/* ------------------------------------------------------------------------ */

#define add_fixture_test(path, func)                                              \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* A failed check marks its test as failed and the others still run, so
   * one wrong behaviour does not hide the rest. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/cli/no-arguments", test_no_arguments);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/command/help", test_command_help);
  g_test_add_func ("/cli/command/unknown-option", test_command_unknown_option);
  g_test_add_func ("/cli/command/missing-arguments", test_command_missing_arguments);
  g_test_add_func ("/cli/command/missing-value", test_command_missing_value);

  add_fixture_test ("/cli/new/samples", test_new_samples);
  add_fixture_test ("/cli/new/crlf", test_new_crlf);
  add_fixture_test ("/cli/new/title-from-filename", test_new_title_from_filename);
  add_fixture_test ("/cli/new/missing-output", test_new_missing_output);
  add_fixture_test ("/cli/new/bad-suffix", test_new_bad_suffix);
  add_fixture_test ("/cli/new/exists", test_new_exists);
  add_fixture_test ("/cli/new/force-failure", test_new_force_failure);
  add_fixture_test ("/cli/new/missing-article", test_new_missing_article);
  add_fixture_test ("/cli/new/binary-article", test_new_binary_article);
  add_fixture_test ("/cli/new/empty-article", test_new_empty_article);
  add_fixture_test ("/cli/new/duplicate-article", test_new_duplicate_article);
  add_fixture_test ("/cli/new/windows-1252", test_new_windows_1252);
  add_fixture_test ("/cli/new/bom", test_new_bom);
  add_fixture_test ("/cli/new/line-endings", test_new_line_endings);
  add_fixture_test ("/cli/new/utf-16", test_new_utf16);
  add_fixture_test ("/cli/new/too-large", test_new_too_large);
  add_fixture_test ("/cli/new/missing-folder", test_new_missing_folder);
  add_fixture_test ("/cli/new/read-only-folder", test_new_read_only_folder);

  add_fixture_test ("/cli/validate/fixture", test_validate_fixture);
  add_fixture_test ("/cli/validate/valid", test_validate_valid);
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/validate/%s", valid_cases[i].name);

      g_test_add (path, Fixture, &valid_cases[i], fixture_setup, test_validate_valid_variant,
                  fixture_teardown);
    }
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/validate/%s", broken_cases[i].name);

      g_test_add (path, Fixture, &broken_cases[i], fixture_setup, test_validate_broken,
                  fixture_teardown);
    }
  add_fixture_test ("/cli/validate/code-points", test_validate_code_points);
  add_fixture_test ("/cli/validate/utf-16-offsets", test_validate_utf16_offsets);
  add_fixture_test ("/cli/validate/utf-8-offsets", test_validate_utf8_offsets);
  add_fixture_test ("/cli/validate/sha256", test_validate_sha256);
  add_fixture_test ("/cli/validate/several-files", test_validate_several);
  add_fixture_test ("/cli/validate/several-problems", test_validate_several_problems);
  add_fixture_test ("/cli/validate/not-json", test_validate_not_json);
  add_fixture_test ("/cli/validate/plain-text", test_validate_plain_text);
  add_fixture_test ("/cli/validate/empty", test_validate_empty);
  add_fixture_test ("/cli/validate/not-utf-8", test_validate_not_utf8);
  add_fixture_test ("/cli/validate/nul-bytes", test_validate_nul_bytes);
  add_fixture_test ("/cli/validate/json-array", test_validate_json_array);
  add_fixture_test ("/cli/validate/deep-nesting", test_validate_deep_nesting);
  add_fixture_test ("/cli/validate/deep-nesting-in-project", test_validate_deep_nesting_in_project);
  add_fixture_test ("/cli/validate/missing-file", test_validate_missing_file);

  add_fixture_test ("/cli/reanchor/moves-and-flags", test_reanchor_moves_and_flags);
  add_fixture_test ("/cli/reanchor/refuses", test_reanchor_refuses);
  add_fixture_test ("/cli/reanchor/in-place", test_reanchor_in_place);

  add_fixture_test ("/cli/stats/samples", test_stats_samples);
  add_fixture_test ("/cli/stats/counts", test_stats_counts);
  add_fixture_test ("/cli/stats/broken", test_stats_broken);
  add_fixture_test ("/cli/stats/missing-file", test_stats_missing_file);
  add_fixture_test ("/cli/stats/too-many-arguments", test_stats_too_many_arguments);

  add_fixture_test ("/cli/export/unknown-format", test_export_unknown_format);
  add_fixture_test ("/cli/export/usage", test_export_usage);
  add_fixture_test ("/cli/export/missing-input", test_export_missing_input);
  add_fixture_test ("/cli/export/unwritable-output", test_export_unwritable_output);
  add_fixture_test ("/cli/export/brat", test_export_brat);
  add_fixture_test ("/cli/export/several-projects", test_export_several);

  return g_test_run ();
}
