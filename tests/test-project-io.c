/* test-project-io.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-errors.h"
#include "crosscheck-history.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-problem.h"
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"
#include "crosscheck-utils.h"

/* Texts that trip up offset arithmetic: an emoji outside the BMP (2 UTF-16
 * units, 4 UTF-8 bytes), a combining mark (two code points for one
 * character), CJK (3 bytes each), curly quotes, and a file with CR LF line
 * ends that the decoder turns into LF before any offset is counted. */
#define TEXT_EMOJI "The bridge 🌉 opens “as soon as next week”, said Zoe\xcc\x88 Marchetti.\n"
#define TEXT_CJK   "大桥将于四月或五月初开放。The visit could take place in April or early May.\n"
#define BYTES_CRLF "Wire brief\r\n\r\nDumont-Okafor will open the bridge \xe2\x80\x94 in late April.\r\n"

static char *
snapshot (CrosscheckProject *project)
{
  g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static CrosscheckSpan *
tag (CrosscheckProject  *project,
     CrosscheckDocument *document,
     const char         *needle,
     const char         *label)
{
  const char *text = crosscheck_document_get_text (document);
  const char *hit = strstr (text, needle);
  g_autoptr(GError) error = NULL;
  CrosscheckSpan *span;
  guint start;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  span = crosscheck_project_add_span (project, document, start, start + g_utf8_strlen (needle, -1),
                                      crosscheck_project_lookup_label (project, label), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crosscheck_span_get_text (span), ==, needle);

  return span;
}

static CrosscheckProject *
make_project (void)
{
  CrosscheckProject *project = crosscheck_project_new ();
  g_autoptr(CrosscheckDocument) a = crosscheck_document_new_from_text (TEXT_EMOJI, NULL);
  g_autoptr(CrosscheckDocument) b = crosscheck_document_new_from_text (TEXT_CJK, NULL);
  g_autoptr(GBytes) crlf = g_bytes_new_static (BYTES_CRLF, strlen (BYTES_CRLF));
  g_autoptr(CrosscheckDocument) c = crosscheck_document_new_from_bytes (crlf, "wire.txt", NULL);
  CrosscheckSpan *claim_a, *claim_b, *claim_c, *emoji, *zoe;
  CrosscheckLink *link;

  crosscheck_project_set_annotator (project, "ana");
  g_assert_true (crosscheck_project_add_document (project, a, NULL));
  g_assert_true (crosscheck_project_add_document (project, b, NULL));
  g_assert_true (crosscheck_project_add_document (project, c, NULL));
  g_assert_true (crosscheck_project_set_document_published (project, a, "2023-03-13", NULL));

  emoji = tag (project, a, "🌉", "EVENT");
  claim_a = tag (project, a, "“as soon as next week”", "CLAIM");
  tag (project, a, "as soon as next week", "DATE");  /* nested in the claim */
  zoe = tag (project, a, "Zoe\xcc\x88 Marchetti", "PERSON");
  tag (project, a, "Zoe\xcc\x88", "PERSON");          /* ends between base and mark? no: after the mark */
  tag (project, b, "大桥", "LOCATION");
  claim_b = tag (project, b, "in April or early May", "CLAIM");
  claim_c = tag (project, c, "in late April", "CLAIM");
  tag (project, c, "Dumont-Okafor", "PERSON");

  link = crosscheck_project_add_link (project, crosscheck_project_lookup_link_type (project, "contradicts"),
                                      claim_a, claim_b, NULL);
  g_assert_nonnull (link);
  g_assert_true (crosscheck_project_set_attribute (project, CROSSCHECK_ANNOTATION (link),
                                                   "contradiction_type", "temporal", NULL));
  g_assert_true (crosscheck_project_set_note (project, CROSSCHECK_ANNOTATION (link),
                                              "timing of the visit \"quoted\" \\ back\tslash", NULL));
  g_assert_nonnull (crosscheck_project_add_link (project, crosscheck_project_lookup_link_type (project, "supports"),
                                                 claim_c, claim_b, NULL));
  g_assert_true (crosscheck_project_set_attribute (project, CROSSCHECK_ANNOTATION (claim_a),
                                                   "source", "people familiar with the matter", NULL));
  g_assert_true (crosscheck_project_set_attribute (project, CROSSCHECK_ANNOTATION (claim_a),
                                                   "certainty", "hedged", NULL));
  g_assert_true (crosscheck_project_set_note (project, CROSSCHECK_ANNOTATION (zoe),
                                              "line one\nline two \xf0\x9f\x98\x80", NULL));
  g_assert_true (crosscheck_project_set_note (project, CROSSCHECK_ANNOTATION (emoji), "\x01 control", NULL));

  return project;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("crosscheck-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GFile *
save_to_tmp (CrosscheckProject *project,
             const char        *dir,
             const char        *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (crosscheck_project_save_to_file (project, file, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static char *
read_file (GFile *file)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

/* Runs the independent Python reader on @path; returns its exit status. */
static int
run_python_check (const char  *path,
                  char       **output)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-project.py", NULL);
  const char *python = g_getenv ("CROSSCHECK_PYTHON");
  const char *argv[] = { python ? python : "/usr/bin/python3", script, path, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               output, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("python: %s", *output);

  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static void
test_round_trip (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) file = save_to_tmp (project, dir, "p.crosscheck.json");
  g_autoptr(GFile) file2 = NULL;
  g_autoptr(CrosscheckProject) loaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = read_file (file);
  g_autofree char *second = NULL;
  g_autofree char *original = snapshot (project);
  CrosscheckDocument *wire;
  CrosscheckLink *link;

  g_assert_false (crosscheck_project_get_dirty (project));
  g_assert_true (crosscheck_project_get_file (project) == file);
  g_assert_cmpstr (first, ==, original);

  loaded = crosscheck_project_load_from_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (crosscheck_project_get_dirty (loaded));
  g_assert_false (crosscheck_history_get_can_undo (crosscheck_project_get_history (loaded)));

  /* save → load → save is byte-identical. */
  file2 = save_to_tmp (loaded, dir, "q.crosscheck.json");
  second = read_file (file2);
  g_assert_cmpstr (first, ==, second);

  /* What was read is what was written. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (loaded))), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (loaded)), ==, 2);
  wire = crosscheck_project_lookup_document (loaded, "d3");
  g_assert_cmpstr (crosscheck_document_get_source (wire), ==, "wire.txt");
  g_assert_null (strchr (crosscheck_document_get_text (wire), '\r'));
  g_assert_cmpstr (crosscheck_document_get_published (crosscheck_project_lookup_document (loaded, "d1")), ==,
                   "2023-03-13");
  link = crosscheck_project_lookup_link (loaded, "l1");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (link), "contradiction_type"), ==,
                   "temporal");
  g_assert_cmpstr (crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (link)), ==,
                   "timing of the visit \"quoted\" \\ back\tslash");
  g_assert_cmpstr (crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (crosscheck_link_get_from (link))), ==, "s2");
}

static void
test_python_reader (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) file = save_to_tmp (project, dir, "p.crosscheck.json");
  g_autofree char *contents = read_file (file);
  g_autofree char *broken_path = g_build_filename (dir, "broken.crosscheck.json", NULL);
  g_autofree char *output = NULL;
  g_autofree char *output2 = NULL;
  g_autoptr(GString) broken = NULL;

  if (!g_file_test (g_getenv ("CROSSCHECK_PYTHON") ? g_getenv ("CROSSCHECK_PYTHON") : "/usr/bin/python3",
                    G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_fail_printf ("/usr/bin/python3 is missing; build-aux/install-deps.sh installs it");
      return;
    }

  /* Python's text[start:end] recovers every span; the schema validates. */
  g_assert_cmpint (run_python_check (g_file_peek_path (file), &output), ==, 0);
  g_assert_nonnull (strstr (output, "ok (3 documents, 9 spans, 2 links)"));

  /* The checker itself can fail: shift one offset by a code point. */
  broken = g_string_new (contents);
  g_assert_cmpint (g_string_replace (broken, "\"start\": 11, \"end\": 12", "\"start\": 12, \"end\": 13", 1),
                   ==, 1);
  g_assert_true (g_file_set_contents (broken_path, broken->str, -1, NULL));
  g_assert_cmpint (run_python_check (broken_path, &output2), ==, 1);
  g_assert_nonnull (strstr (output2, "span s1"));
}

static void
test_deterministic_order (void)
{
  g_autoptr(CrosscheckProject) one = crosscheck_project_new ();
  g_autoptr(CrosscheckProject) two = crosscheck_project_new ();
  g_autoptr(CrosscheckDocument) d1 = crosscheck_document_new_from_text (TEXT_CJK, NULL);
  g_autoptr(CrosscheckDocument) d2 = crosscheck_document_new_from_text (TEXT_CJK, NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *needles[] = { "April", "大桥", "early May", "The visit" };

  g_setenv ("CROSSCHECK_FIXED_TIME", "2023-03-13T09:30:00Z", TRUE);
  crosscheck_project_add_document (one, d1, NULL);
  crosscheck_project_add_document (two, d2, NULL);

  /* The same spans, tagged in opposite orders, get the same ids only if
   * tagged in the same order, so tag in one order but the file must still
   * list them by position, not by creation. */
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      tag (one, d1, needles[i], "DATE");
      tag (two, d2, needles[i], "DATE");
    }
  g_unsetenv ("CROSSCHECK_FIXED_TIME");

  a = snapshot (one);
  b = snapshot (two);
  g_assert_cmpstr (a, ==, b);

  /* Spans are listed by start: 大桥 (s2, start 0) before The visit (s4). */
  g_assert_true (strstr (a, "\"id\": \"s2\"") < strstr (a, "\"id\": \"s4\""));
  g_assert_true (strstr (a, "\"id\": \"s4\"") < strstr (a, "\"id\": \"s1\""));
  g_assert_true (strstr (a, "\"id\": \"s1\"") < strstr (a, "\"id\": \"s3\""));
}

static void
test_ids_continue (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);
  g_autoptr(CrosscheckProject) loaded = crosscheck_project_load_from_bytes (bytes, NULL, NULL);
  CrosscheckDocument *d2 = crosscheck_project_lookup_document (loaded, "d2");
  CrosscheckSpan *span = tag (loaded, d2, "visit", "EVENT");
  g_autoptr(CrosscheckDocument) extra = crosscheck_document_new_from_text ("Another one.", NULL);

  g_assert_cmpstr (crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span)), ==, "s10");
  g_assert_true (crosscheck_project_add_document (loaded, extra, NULL));
  g_assert_cmpstr (crosscheck_document_get_id (extra), ==, "d4");
  g_assert_true (crosscheck_project_get_dirty (loaded));
  crosscheck_project_undo (loaded);
  crosscheck_project_undo (loaded);
  g_assert_false (crosscheck_project_get_dirty (loaded));
}

static void
test_windows_1252_kept (void)
{
  g_autoptr(CrosscheckProject) project = crosscheck_project_new ();
  static const char latin1[] = "Caf\xe9 \x93quoted\x94\n";
  g_autoptr(GBytes) latin = g_bytes_new_static (latin1, sizeof latin1 - 1);
  g_autoptr(CrosscheckDocument) document = crosscheck_document_new_from_bytes (latin, "cafe.txt", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrosscheckProject) loaded = NULL;
  g_auto(GStrv) warnings = NULL;
  CrosscheckDocument *d1;

  g_assert_true (crosscheck_project_add_document (project, document, NULL));
  bytes = crosscheck_project_serialize (project);
  loaded = crosscheck_project_load_from_bytes (bytes, NULL, NULL);
  g_assert_nonnull (loaded);

  d1 = crosscheck_project_lookup_document (loaded, "d1");
  g_assert_cmpstr (crosscheck_document_get_text (d1), ==, "Café “quoted”\n");
  g_assert_cmpint (crosscheck_document_get_encoding (d1), ==, CROSSCHECK_ENCODING_WINDOWS_1252);
  warnings = crosscheck_document_dup_warnings (d1);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
}

/* A bad file: its contents, the error code, the path of the first problem
 * and a piece of its message. */
typedef struct
{
  const char *name;
  const char *find;     /* replace this in a valid file… */
  const char *replace;  /* …by this; find == NULL: use replace as the whole file */
  int         code;
  const char *path;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "start-string", "\"start\": 11,", "\"start\": \"11\",", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].start", "expected an integer" },
  { "start-float", "\"start\": 11,", "\"start\": 11.0,", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].start", "expected an integer" },
  { "start-negative", "\"start\": 11,", "\"start\": -1,", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].start", "negative" },
  { "start-huge", "\"start\": 11,", "\"start\": 99999999999999,", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].start", "out of range" },
  { "start-overflow", "\"start\": 11,", "\"start\": 99999999999999999999999,", CROSSCHECK_PROJECT_ERROR_SYNTAX,
    "line ", "99999999999999999999999 is out of range" },
  { "reversed", "\"start\": 11, \"end\": 12", "\"start\": 12, \"end\": 11", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0]", "empty or reversed" },
  { "past-end", "\"start\": 11, \"end\": 12", "\"start\": 11, \"end\": 5000", CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED,
    "spans[0].end", "past the end" },
  { "text-mismatch", "\"text\": \"🌉\"", "\"text\": \"X\"", CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED,
    "spans[0].text", "does not match" },
  { "duplicate-id", "{\"id\": \"s2\"", "{\"id\": \"s1\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[1].id", "duplicate id" },
  { "duplicate-id-across-kinds", "{\"id\": \"s2\"", "{\"id\": \"d1\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[1].id", "duplicate id" },
  { "bad-id", "{\"id\": \"s2\"", "{\"id\": \"s 2\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[1].id", "not a valid id" },
  { "dangling-document", "\"document\": \"d1\"", "\"document\": \"d9\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].document", "no document has the id “d9”" },
  { "dangling-link", "\"to\": \"s7\"", "\"to\": \"s77\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "links[0].to", "no span has the id “s77”" },
  { "unknown-label", "\"label\": \"EVENT\"", "\"label\": \"THING\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].label", "not one of the project’s labels" },
  { "link-type-as-label", "\"label\": \"EVENT\"", "\"label\": \"contradicts\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].label", "is a link type" },
  { "unknown-link-type", "\"type\": \"contradicts\"", "\"type\": \"refutes\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "links[0].type", "not one of the project’s link types" },
  { "self-link", "\"to\": \"s7\"", "\"to\": \"s2\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "links[0]", "to itself" },
  { "duplicate-symmetric-link", "\"type\": \"supports\", \"from\": \"s8\", \"to\": \"s7\"",
    "\"type\": \"contradicts\", \"from\": \"s7\", \"to\": \"s2\"",
    CROSSCHECK_PROJECT_ERROR_INVALID, "links[1]", "the same “contradicts” link as “l1”" },
  { "sha-mismatch", "\"sha256\": \"", "\"sha256\": \"0", CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED,
    "documents[0].sha256", "does not match the text" },
  { "unknown-key", "\"note\": \"\", \"attributes\": {}}", "\"note\": \"\", \"colour\": 1, \"attributes\": {}}",
    CROSSCHECK_PROJECT_ERROR_INVALID, NULL, "unknown key" },
  { "missing-key", "\"label\": \"EVENT\", ", "", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].label", "missing" },
  { "bad-choice", "\"certainty\": \"hedged\"", "\"certainty\": \"sure\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[1].attributes.certainty", "not one of the choices" },
  { "attribute-not-string", "\"certainty\": \"hedged\"", "\"certainty\": 3", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[1].attributes.certainty", "expected a string" },
  { "bad-color", "\"color\": \"#1c71d8\"", "\"color\": \"#1C71D8\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "labels[0].color", "#rrggbb" },
  { "duplicate-shortcut", "\"shortcut\": \"o\"", "\"shortcut\": \"p\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "labels[1].shortcut", "already used" },
  { "digit-shortcut", "\"shortcut\": \"o\"", "\"shortcut\": \"1\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "labels[1].shortcut", "not a digit" },
  { "bad-kind", "\"kind\": \"claim\"", "\"kind\": \"opinion\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "labels[5].kind", "not a kind of label" },
  { "bad-published", "\"published\": \"2023-03-13\"", "\"published\": \"13 March 2023\"",
    CROSSCHECK_PROJECT_ERROR_INVALID, "documents[0].published", "ISO 8601" },
  { "bad-time", "\"modified\": \"2023-03-13T09:30:00Z\", \"note\"", "\"modified\": \"yesterday\", \"note\"",
    CROSSCHECK_PROJECT_ERROR_INVALID, "spans[0].modified", "not a UTC time" },
  /* The times are checked by hand, not by GDateTime: the edges. */
  { "time-not-leap-year", "\"modified\": \"2023-03-13T09:30:00Z\", \"note\"",
    "\"modified\": \"2023-02-29T09:30:00Z\", \"note\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "spans[0].modified", "not a UTC time" },
  { "time-month-13", "\"created\": \"2023-03-13T09:30:00Z\"", "\"created\": \"2023-13-13T09:30:00Z\"",
    CROSSCHECK_PROJECT_ERROR_INVALID, "spans[0].created", "not a UTC time" },
  { "time-year-0", "\"created\": \"2023-03-13T09:30:00Z\"", "\"created\": \"0000-03-13T09:30:00Z\"",
    CROSSCHECK_PROJECT_ERROR_INVALID, "spans[0].created", "not a UTC time" },
  { "time-second-61", "\"created\": \"2023-03-13T09:30:00Z\"", "\"created\": \"2023-03-13T23:59:61Z\"",
    CROSSCHECK_PROJECT_ERROR_INVALID, "spans[0].created", "not a UTC time" },
  { "time-hour-24", "\"created\": \"2023-03-13T09:30:00Z\"", "\"created\": \"2023-03-13T24:00:00Z\"",
    CROSSCHECK_PROJECT_ERROR_INVALID, "spans[0].created", "not a UTC time" },
  { "text-with-cr", "\"text\": \"The bridge", "\"text\": \"\\r The bridge", CROSSCHECK_PROJECT_ERROR_INVALID,
    "documents[0].text", "carriage return" },
  { "text-with-nul", "\"text\": \"The bridge", "\"text\": \"\\u0000 The bridge",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line ", "NUL character" },
  { "version-newer", "\"version\": 1", "\"version\": 2", CROSSCHECK_PROJECT_ERROR_NEWER_VERSION,
    "version", "newer" },
  { "version-zero", "\"version\": 1", "\"version\": 0", CROSSCHECK_PROJECT_ERROR_INVALID,
    "version", "not a format version" },
  { "version-string", "\"version\": 1", "\"version\": \"1\"", CROSSCHECK_PROJECT_ERROR_INVALID,
    "version", "integer" },
  { "wrong-format", "\"format\": \"crosscheck-project\"", "\"format\": \"brat\"",
    CROSSCHECK_PROJECT_ERROR_NOT_A_PROJECT, "format", "not a Crosscheck project" },
  { "not-an-object", NULL, "[1, 2, 3]", CROSSCHECK_PROJECT_ERROR_NOT_A_PROJECT, NULL, "an array" },
  { "empty", NULL, "", CROSSCHECK_PROJECT_ERROR_SYNTAX, NULL, "empty" },
  { "white-space-only", NULL, " \n\t\r\n", CROSSCHECK_PROJECT_ERROR_SYNTAX, NULL, "only white space" },
  { "truncated", NULL, "{\n  \"format\": \"crosscheck-project\",\n  \"version\": 1,\n  \"labels\": [",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line ", "not valid JSON" },
  { "syntax", NULL, "{\n  \"format\": \"crosscheck-project\",\n  \"version\" 1\n}",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line 3, column", "not valid JSON" },
  /* json-glib turns a lone surrogate into the invalid UTF-8 "\xED\xA0\xBC", in
   * keys, values and the strings it quotes in its own messages. */
  { "lone-surrogate-in-key", "\"note\": \"\", \"attributes\": {}}",
    "\"note\": \"\", \"\\ud83cx\": 1, \"attributes\": {}}", CROSSCHECK_PROJECT_ERROR_SYNTAX, "line ",
    "\\uD83C in a string is half of a UTF-16 surrogate pair" },
  { "lone-surrogate-in-syntax-error", NULL, "[\"\\ud83c\\0 d\"x]", CROSSCHECK_PROJECT_ERROR_SYNTAX,
    "line 1", "\\uD83C in a string is half" },
  { "lone-low-surrogate", "\"text\": \"The bridge", "\"text\": \"\\uDF09\\uD83C The bridge",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line ", "\\uDF09 in a string is half" },
  { "surrogate-pair", "\"text\": \"The bridge", "\"text\": \"\\ud83c\\ud83c The bridge",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line ", "\\uD83C in a string is half" },
  /* json-glib 1.6 takes the first value and ignores (and leaks) the rest. */
  { "trailing-array", NULL, "{\"format\": \"crosscheck-project\", \"version\": 1}\n[1]",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line 2", "more after the end" },
  { "number-then-object", NULL, "2{\"format\": \"crosscheck-project\", \"version\": 1}",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line 1", "more after the end" },
  /* json-glib's scanner reads $e and 0x1f as numbers, and skips comments. */
  { "dollar-hex", NULL, "$e{\"format\": \"crosscheck-project\", \"version\": 1}",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line 1, column 1", "unexpected character “$”" },
  { "hex-number", NULL, "{\"format\": \"crosscheck-project\",\n \"version\": 0x1}",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line 2, column 14", "unexpected word “x1”" },
  { "comment", NULL, "/* a comment */ {\"format\": \"crosscheck-project\", \"version\": 1}",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line 1, column 1", "unexpected character “/”" },
  { "short-unicode-escape", NULL, "{\"format\": \"\\u12\"}", CROSSCHECK_PROJECT_ERROR_SYNTAX,
    "line 1", "needs four hexadecimal digits" },
  /* json-glib reads \7 and \777 as C octal escapes, giving bytes that are
   * not UTF-8, which a save then wrote out (found by fuzz-project-load). */
  { "octal-escape", "\"text\": \"The bridge", "\"text\": \"\\7767 The bridge",
    CROSSCHECK_PROJECT_ERROR_SYNTAX, "line ", "“\\7” is not an escape in a string" },
  { "hex-escape", NULL, "{\"format\": \"caf\\x41\"}", CROSSCHECK_PROJECT_ERROR_SYNTAX,
    "line 1, column 16", "“\\x” is not an escape" },
  { "accented-escape", NULL, "{\"format\": \"\\é\"}", CROSSCHECK_PROJECT_ERROR_SYNTAX,
    "line 1", "“\\é” is not an escape" },
  { "binary", NULL, "\x7f" "ELF\x02\x01", CROSSCHECK_PROJECT_ERROR_SYNTAX, "line 1", "not valid JSON" },
  { "latin1", NULL, "{\"format\": \"caf\xe9\"}", CROSSCHECK_PROJECT_ERROR_SYNTAX, NULL, "not UTF-8" },
};

static char *
valid_file (void)
{
  g_autoptr(CrosscheckProject) project = NULL;

  g_setenv ("CROSSCHECK_FIXED_TIME", "2023-03-13T09:30:00Z", TRUE);
  project = make_project ();
  g_unsetenv ("CROSSCHECK_FIXED_TIME");

  return snapshot (project);
}

/* Loads @length bytes of @contents from a file, as opening it does, and
 * checks that the file was left exactly as it was (bytes and time). */
static CrosscheckProject *
load_untouched (const char  *contents,
                gsize        length,
                GPtrArray  **problems,
                GError     **error)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "hostile.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *after = NULL;
  CrosscheckProject *project;
  GStatBuf before_stat, after_stat;
  gsize after_length = 0;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  /* An old time, so that any write shows even with coarse clocks. */
  g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

  project = crosscheck_project_load_from_file (file, NULL, problems, error);

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, contents, length);
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpint (after_stat.st_mtim.tv_sec, ==, before_stat.st_mtim.tv_sec);
  g_assert_cmpint (after_stat.st_mtim.tv_nsec, ==, before_stat.st_mtim.tv_nsec);
  g_remove (path);
  g_rmdir (dir);

  return project;
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *base = valid_file ();
  g_autoptr(GString) contents = g_string_new (bad->find ? base : bad->replace);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckProject *project;
  CrosscheckProblem *first;

  if (bad->find != NULL)
    g_assert_cmpuint (g_string_replace (contents, bad->find, bad->replace, 1), ==, 1);

  project = load_untouched (contents->str, contents->len, &problems, &error);

  g_assert_null (project);
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, bad->code);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = crosscheck_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("problem: %s", line);
      g_assert_true (g_utf8_validate (line, -1, NULL));
    }

  first = g_ptr_array_index (problems, 0);
  if (bad->path != NULL)
    g_assert_true (g_str_has_prefix (first->path, bad->path));
  g_assert_nonnull (strstr (first->message, bad->message));
  g_assert_nonnull (strstr (error->message, first->message));
}

/* A big file is given back to the system piece by piece while it is read
 * (release_read() in crosscheck-project-io.c): the project read from it
 * must still be the one saved, and a problem found at the end must still
 * name what it collides with at the start. */
static void
test_big_file_read_in_pieces (void)
{
  g_autoptr(CrosscheckProject) project = crosscheck_project_new ();
  g_autoptr(CrosscheckProject) loaded = NULL;
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) contents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *last_id = NULL;
  g_autofree char *last_path = NULL;
  CrosscheckProblem *first;
  CrosscheckSpan *from = NULL, *to = NULL;
  const guint n = 20000;
  const char *spans, *end;

  g_setenv ("CROSSCHECK_FIXED_TIME", "2023-03-13T09:30:00Z", TRUE);
  while (text->len < 2 * 1024 * 1024)
    g_string_append (text, "The ferry 🚢 leaves Zürich as soon as next week, officials said.\n");
  document = crosscheck_document_new_from_text (text->str, NULL);
  g_assert_true (crosscheck_project_add_document (project, document, NULL));
  for (guint i = 0; i < n; i++)
    {
      CrosscheckSpan *span = crosscheck_project_add_span (project, document, i * 64 + 10, i * 64 + 21,
                                                          crosscheck_project_lookup_label (project, "CLAIM"),
                                                          NULL);

      g_assert_nonnull (span);
      if (i == 0)
        from = span;
      to = span;
    }
  g_assert_nonnull (crosscheck_project_add_link (project, crosscheck_project_lookup_link_type (project, "contradicts"),
                                                 from, to, NULL));
  g_unsetenv ("CROSSCHECK_FIXED_TIME");
  saved = snapshot (project);
  g_assert_cmpuint (strlen (saved), >, 4 * 1024 * 1024);

  loaded = load_untouched (saved, strlen (saved), &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (loaded))), ==, n);
  again = snapshot (loaded);
  g_assert_cmpstr (again, ==, saved);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Arrays in another order: each is given back only inside itself. */
  {
    const char *spans_at = strstr (saved, "  \"spans\": [");
    const char *links_at = strstr (saved, "  \"links\": [");
    const char *close = strrchr (saved, '}');
    g_autoptr(GString) swapped = g_string_new_len (saved, spans_at - saved);
    g_autoptr(CrosscheckProject) reordered = NULL;
    g_autofree char *again_reordered = NULL;

    g_assert_nonnull (spans_at);
    g_assert_nonnull (links_at);
    g_assert_true (spans_at < links_at && links_at < close);
    /* "links": [...]\n (without the last line end), then "spans": [...], */
    g_string_append_len (swapped, links_at, close - links_at - 1);
    g_string_append (swapped, ",\n");
    g_string_append_len (swapped, spans_at, links_at - spans_at - 2);
    g_string_append (swapped, "\n}\n");
    reordered = load_untouched (swapped->str, swapped->len, NULL, &error);
    g_assert_no_error (error);
    again_reordered = snapshot (reordered);
    g_assert_cmpstr (again_reordered, ==, saved);
  }

  /* The last span takes the first one's id. */
  spans = strstr (saved, "\"spans\": [");
  g_assert_nonnull (spans);
  first_id = g_strndup (strstr (spans, "{\"id\": \"") + 8,
                        strchr (strstr (spans, "{\"id\": \"") + 8, '"') - (strstr (spans, "{\"id\": \"") + 8));
  end = g_strrstr (saved, "\"links\": [");
  g_assert_nonnull (end);
  last_id = g_strdup (g_strrstr_len (saved, end - saved, "{\"id\": \"") + 8);
  last_id[strcspn (last_id, "\"")] = '\0';
  g_assert_cmpstr (first_id, !=, last_id);
  contents = g_string_new (saved);
  {
    g_autofree char *old = g_strdup_printf ("{\"id\": \"%s\"", last_id);
    g_autofree char *new = g_strdup_printf ("{\"id\": \"%s\"", first_id);

    g_assert_cmpuint (g_string_replace (contents, old, new, 1), ==, 1);
  }

  g_assert_null (load_untouched (contents->str, contents->len, &problems, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_INVALID);
  first = g_ptr_array_index (problems, 0);
  last_path = g_strdup_printf ("spans[%u].id", n - 1);
  g_assert_cmpstr (first->path, ==, last_path);
  g_assert_nonnull (strstr (first->message, "already used at spans[0]"));
}

static void
test_newer_version_read_first (void)
{
  /* A newer file may look like anything: only the version is reported. */
  const char *newer = "{\"format\": \"crosscheck-project\", \"version\": 7, \"labels\": 5, "
                      "\"spans\": [{\"start\": \"x\"}], \"future\": true}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (newer, strlen (newer));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (crosscheck_project_load_from_bytes (bytes, &problems, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_NEWER_VERSION);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (error->message, "version 7"));
  g_assert_nonnull (strstr (error->message, "Update Crosscheck"));
}

static void
test_deep_nesting (void)
{
  guint depth = 100000;
  GString *json = g_string_sized_new (2 * depth + 2);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  bytes = g_string_free_to_bytes (json);

  g_assert_null (crosscheck_project_load_from_bytes (bytes, &problems, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nested more than 64 levels"));
}

static void
test_same_document_twice (void)
{
  g_autofree char *base = valid_file ();
  const char *start = strstr (base, "\"documents\": [\n    ") + strlen ("\"documents\": [\n    ");
  const char *end = strstr (start, "\n    },") + strlen ("\n    }");
  g_autofree char *first = g_strndup (start, end - start);
  g_autoptr(GString) copy = g_string_new (first);
  g_autoptr(GString) contents = g_string_new (base);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckProblem *problem;

  /* d1 again, under another id, first, as a careless merge would leave it:
   * the later one is refused. */
  g_assert_cmpuint (g_string_replace (copy, "\"id\": \"d1\"", "\"id\": \"d9\"", 1), ==, 1);
  g_string_append (copy, ",\n    ");
  g_string_insert (contents, start - base, copy->str);

  g_assert_null (load_untouched (contents->str, contents->len, &problems, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, "documents[1].text");
  g_assert_cmpstr (problem->message, ==, "the same text as document “d9”: a project holds each article "
                                         "once. Keep one of them and move the other’s spans to it");
}

static void
on_document_read (CrosscheckDocument *document,
                  gpointer            user_data)
{
  GPtrArray *told = user_data;

  g_assert_nonnull (crosscheck_document_get_text (document));
  g_assert_cmpuint (crosscheck_document_get_byte_length (document), ==,
                    strlen (crosscheck_document_get_text (document)));
  g_ptr_array_add (told, g_object_ref (document));
}

/* Each article is told as it is read, so that a window can lay its text
 * out while the spans are read; the project then holds those articles. */
static void
test_documents_told_as_read (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CROSSCHECK_SAMPLES"), "sample.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *held;

  project = crosscheck_project_load_from_file_watched (file, NULL, on_document_read, documents, NULL, &error);
  g_assert_no_error (error);
  held = crosscheck_project_get_documents (project);
  g_assert_cmpuint (documents->len, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (held), ==, documents->len);
  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(CrosscheckDocument) document = g_list_model_get_item (held, i);

      g_assert_true (g_ptr_array_index (documents, i) == document);
    }
}

/* An article refused for a problem is not told. */
static void
test_refused_document_not_told (void)
{
  g_autofree char *base = valid_file ();
  g_autoptr(GString) contents = g_string_new (base);
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-told-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "told.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrosscheckProject) valid = NULL;
  g_autoptr(GError) error = NULL;
  guint n_documents;

  /* Count the articles of the valid file first. */
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));
  valid = crosscheck_project_load_from_file_watched (file, NULL, on_document_read, documents, NULL, NULL);
  g_assert_nonnull (valid);
  n_documents = documents->len;
  g_assert_cmpuint (n_documents, >=, 2);
  g_ptr_array_set_size (documents, 0);

  g_assert_cmpuint (g_string_replace (contents, "\"published\": \"2023-03-13\"",
                                      "\"published\": \"13 March\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));
  g_assert_null (crosscheck_project_load_from_file_watched (file, NULL, on_document_read, documents, NULL, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_INVALID);
  g_assert_cmpuint (documents->len, ==, n_documents - 1);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_no_cascade (void)
{
  g_autofree char *base = valid_file ();
  g_autoptr(GString) contents = g_string_new (base);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  /* A refused label is one problem, not one more for each span that uses it. */
  g_string_replace (contents, "\"color\": \"#1c71d8\"", "\"color\": \"blue\"", 1);
  g_string_replace (contents, "\"color\": \"#e01b24\"", "\"color\": \"red\"", 1);
  bytes = g_bytes_new (contents->str, contents->len);

  g_assert_null (crosscheck_project_load_from_bytes (bytes, &problems, NULL));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((CrosscheckProblem *) g_ptr_array_index (problems, 0))->path, ==, "labels[0].color");
  g_assert_cmpstr (((CrosscheckProblem *) g_ptr_array_index (problems, 1))->path, ==, "link_types[0].color");
}

static void
test_many_problems_reported (void)
{
  g_autofree char *base = valid_file ();
  g_autoptr(GString) contents = g_string_new (base);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Two independent problems are both reported, in file order. */
  g_string_replace (contents, "\"label\": \"EVENT\"", "\"label\": \"THING\"", 1);
  g_string_replace (contents, "\"type\": \"contradicts\"", "\"type\": \"refutes\"", 1);
  bytes = g_bytes_new (contents->str, contents->len);

  g_assert_null (crosscheck_project_load_from_bytes (bytes, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((CrosscheckProblem *) g_ptr_array_index (problems, 0))->path, ==, "spans[0].label");
  g_assert_cmpstr (((CrosscheckProblem *) g_ptr_array_index (problems, 1))->path, ==, "links[0].type");
  g_assert_nonnull (strstr (error->message, "and 1 more problem"));
}

static gboolean
only_entry (const char *dir,
            const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;
  gboolean found = FALSE;

  while ((entry = g_dir_read_name (d)) != NULL)
    {
      n++;
      found |= g_str_equal (entry, name);
    }

  return n == 1 && found;
}

static void
test_save_failure_subprocess (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("CROSSCHECK_TARGET"));
  g_autoptr(GError) error = NULL;

  /* Root ignores permissions: act as nobody, as an editor would be. */
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }

  g_assert_false (crosscheck_project_save_to_file (project, file, NULL, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_SAVE);
  g_assert_nonnull (strstr (error->message, "Permission denied"));
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_assert_true (crosscheck_project_get_dirty (project));
  g_assert_null (crosscheck_project_get_file (project));
}

/* The disk fills up half-way through a save: the process may write no more
 * than FULL_AT bytes to any file (RLIMIT_FSIZE; a write past it fails with
 * EFBIG, as one on a full disk fails with ENOSPC), and the project is
 * several times that, so the save fails in the middle of the file. */
#define FULL_AT (256 * 1024)

static void
test_save_disk_full_subprocess (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(CrosscheckDocument) big = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("CROSSCHECK_TARGET"));
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { FULL_AT, FULL_AT };
  gboolean saved;

  /* Long enough that a streamed save sends it out in several pieces. */
  while (text->len < 3 * 1024 * 1024)
    g_string_append (text, "The ferry 🚢 leaves Zürich as soon as next week, officials said.\n");
  big = crosscheck_document_new_from_text (text->str, NULL);
  g_assert_true (crosscheck_project_add_document (project, big, NULL));
  for (guint i = 0; i < 2000; i++)
    g_assert_nonnull (crosscheck_project_add_span (project, big, i * 64, i * 64 + 9,
                                                   crosscheck_project_lookup_label (project, "PERSON"),
                                                   NULL));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  if (g_strcmp0 (g_getenv ("CROSSCHECK_SAVE_WAY"), "bytes") == 0)
    {
      g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);

      g_assert_cmpuint (g_bytes_get_size (bytes), >, 4 * FULL_AT);
      saved = crosscheck_file_write_atomic (file, bytes, NULL, &error);
    }
  else
    saved = crosscheck_project_save_to_file (project, file, NULL, &error);

  g_assert_false (saved);
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_SAVE);
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_assert_true (crosscheck_project_get_dirty (project));
  g_assert_null (crosscheck_project_get_file (project));
}

static void
test_save_disk_full (gconstpointer way)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.crosscheck.json", NULL);
  g_autofree char *after = NULL;
  const char *old = "the old contents\n";

  g_assert_true (g_file_set_contents (path, old, -1, NULL));

  g_setenv ("CROSSCHECK_TARGET", path, TRUE);
  g_setenv ("CROSSCHECK_SAVE_WAY", way, TRUE);
  g_test_trap_subprocess ("/core/io/save-disk-full/subprocess", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* The old file is whole, and the failed save left nothing beside it. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, old);
  g_assert_true (only_entry (dir, "old.crosscheck.json"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.crosscheck.json", NULL);
  g_autofree char *after = NULL;
  const char *old = "the old contents\n";

  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_setenv ("CROSSCHECK_TARGET", path, TRUE);
  g_test_trap_subprocess ("/core/io/save-read-only-folder/subprocess", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, old);
  g_assert_true (only_entry (dir, "old.crosscheck.json"));
  g_chmod (dir, 0755);
}

static void
test_save_missing_folder (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "p.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (crosscheck_project_save_to_file (project, file, NULL, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_SAVE);
  g_assert_nonnull (strstr (error->message, "p.crosscheck.json"));
  g_assert_true (crosscheck_project_get_dirty (project));

  /* A folder in the way is refused too, and stays a folder. */
  g_clear_error (&error);
  g_clear_object (&file);
  file = g_file_new_for_path (dir);
  g_assert_false (crosscheck_project_save_to_file (project, file, NULL, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_SAVE);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
}

static void
test_save_replaces_atomically (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "real.crosscheck.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autofree char *contents = NULL;
  g_autofree char *expected = snapshot (project);
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.crosscheck.json", link), ==, 0);

  g_assert_true (crosscheck_project_save_to_file (project, file, NULL, NULL));

  /* The link still points to the file, which now holds the project, keeps
   * its permissions, and no temporary file is left behind. */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
}

static void
test_sample_canonical (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CROSSCHECK_SAMPLES"), "sample.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *written = NULL;

  /* The sample was written by a Python script, not by Crosscheck: reading
   * it and writing it back must give the same bytes. */
  project = crosscheck_project_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  on_disk = read_file (file);
  written = snapshot (project);
  g_assert_cmpstr (written, ==, on_disk);

  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_documents (project)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 3);
  g_assert_cmpstr (crosscheck_span_get_text (crosscheck_project_lookup_span (project, "s10")), ==, "🌉");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/io/round-trip", test_round_trip);
  g_test_add_func ("/core/io/sample-canonical", test_sample_canonical);
  g_test_add_func ("/core/io/python-reader", test_python_reader);
  g_test_add_func ("/core/io/deterministic-order", test_deterministic_order);
  g_test_add_func ("/core/io/ids-continue", test_ids_continue);
  g_test_add_func ("/core/io/windows-1252-kept", test_windows_1252_kept);
  g_test_add_func ("/core/io/newer-version-read-first", test_newer_version_read_first);
  g_test_add_func ("/core/io/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/io/same-document-twice", test_same_document_twice);
  g_test_add_func ("/core/io/many-problems", test_many_problems_reported);
  g_test_add_func ("/core/io/big-file-read-in-pieces", test_big_file_read_in_pieces);
  g_test_add_func ("/core/io/no-cascade", test_no_cascade);
  g_test_add_func ("/core/io/documents-told-as-read", test_documents_told_as_read);
  g_test_add_func ("/core/io/refused-document-not-told", test_refused_document_not_told);
  g_test_add_func ("/core/io/save-read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/core/io/save-read-only-folder/subprocess", test_save_failure_subprocess);
  g_test_add_func ("/core/io/save-missing-folder", test_save_missing_folder);
  g_test_add_data_func ("/core/io/save-disk-full/streamed", "streamed", test_save_disk_full);
  g_test_add_data_func ("/core/io/save-disk-full/bytes", "bytes", test_save_disk_full);
  g_test_add_func ("/core/io/save-disk-full/subprocess", test_save_disk_full_subprocess);
  g_test_add_func ("/core/io/save-replaces-atomically", test_save_replaces_atomically);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/io/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_file);
    }

  return g_test_run ();
}
