/* test-export.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crosscheck-document.h"
#include "crosscheck-export.h"
#include "crosscheck-project.h"

/* The exporters on tests/data/export/cluster.crosscheck.json: three
 * articles with an emoji before spans, an emoji sequence of two code
 * points, a combining mark, a text read from a CR LF file, nested and
 * crossing spans, a span across a line break, a same-document link, three
 * cross-document links, notes and attributes.
 *
 * The golden files in tests/data/export/golden/ were checked by hand
 * against the project's texts (offsets counted, tags read token by token;
 * see the commit that added them); FORMAT.warnings lists what each format
 * must report. tests/check-export.py reads the same exports with Python
 * alone. */

static CrosscheckProject *
load_cluster (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export",
                                                 "cluster.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CrosscheckProject *project;

  project = crosscheck_project_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("crosscheck-export-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

/* Every file under @dir, as sorted paths relative to it. */
static void
list_files (const char *root,
            const char *relative,
            GPtrArray  *names)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = *relative ? g_build_filename (relative, name, NULL)
                                             : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_rel, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        list_files (root, child_rel, names);
      else
        g_ptr_array_add (names, g_steal_pointer (&child_rel));
    }
}

static GPtrArray *
files_under (const char *root)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  list_files (root, "", names);

  return names;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  list_files (path, "", names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      g_unlink (file);
    }
  /* Folders, deepest first. */
  for (guint i = names->len; i > 0; i--)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i - 1), NULL);
      g_autofree char *parent = g_path_get_dirname (file);

      g_rmdir (parent);
    }
  g_rmdir (path);
}

static gboolean
export (CrosscheckProject             *project,
        CrosscheckExportFormat         format,
        const CrosscheckExportOptions *options,
        const char                    *dir,
        GPtrArray                    **warnings,
        GError                       **error)
{
  g_autoptr(GFile) directory = g_file_new_for_path (dir);

  return crosscheck_export_projects (&project, NULL, 1, format, options, directory, NULL, NULL,
                                     NULL, warnings, error);
}

static void
test_golden (gconstpointer data)
{
  CrosscheckExportFormat format = GPOINTER_TO_UINT (data);
  const char *name = crosscheck_export_format_to_string (format);
  g_autoptr(CrosscheckProject) project = load_cluster ();
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "data", "export", "golden",
                                                   name, NULL);
  g_autofree char *warnings_name = g_strconcat (name, ".warnings", NULL);
  g_autofree char *warnings_path = g_test_build_filename (G_TEST_DIST, "data", "export",
                                                          "golden", warnings_name, NULL);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *expected_warnings = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GString) got_warnings = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  CrosscheckExportOptions options;

  crosscheck_export_options_init (&options);
  options.utf16_offsets = format == CROSSCHECK_EXPORT_JSONL;
  options.neutral = format == CROSSCHECK_EXPORT_NLI ? 2 : 0;

  g_assert_true (export (project, format, &options, dir, &warnings, &error));
  g_assert_no_error (error);

  want = files_under (golden);
  got = files_under (dir);
  g_ptr_array_sort (want, compare_names);
  g_ptr_array_sort (got, compare_names);
  g_assert_cmpuint (want->len, >, 0);
  g_assert_cmpuint (got->len, ==, want->len);

  for (guint i = 0; i < want->len && i < got->len; i++)
    {
      g_autofree char *want_path = g_build_filename (golden, g_ptr_array_index (want, i), NULL);
      g_autofree char *got_path = g_build_filename (dir, g_ptr_array_index (got, i), NULL);
      g_autofree char *want_text = NULL;
      g_autofree char *got_text = NULL;

      g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (want, i));
      g_assert_true (g_file_get_contents (want_path, &want_text, NULL, NULL));
      g_assert_true (g_file_get_contents (got_path, &got_text, NULL, NULL));
      g_assert_cmpstr (got_text, ==, want_text);
    }

  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (got_warnings, "%s\n", (char *) g_ptr_array_index (warnings, i));
  g_assert_true (g_file_get_contents (warnings_path, &expected_warnings, NULL, NULL));
  g_assert_cmpstr (got_warnings->str, ==, expected_warnings);

  remove_tree (dir);
}

/* The project's d2 is what Crosscheck makes of a CR LF file. */
static void
test_crlf_source (void)
{
  g_autoptr(CrosscheckProject) project = load_cluster ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export",
                                                 "ledger-crlf.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrosscheckDocument) document = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &raw, NULL, NULL));
  g_assert_nonnull (strstr (raw, "\r\n"));

  document = crosscheck_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crosscheck_document_get_text (document), ==,
                   crosscheck_document_get_text (crosscheck_project_lookup_document (project, "d2")));
}

static void
test_jsonl_without_utf16 (void)
{
  g_autoptr(CrosscheckProject) project = load_cluster ();
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "documents.jsonl", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (export (project, CROSSCHECK_EXPORT_JSONL, NULL, dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"start\": 31, \"end\": 39, \"label\": \"PERSON\""));
  g_assert_null (strstr (text, "utf16"));

  remove_tree (dir);
}

/* A span that re-anchoring left for review is named in a warning of every
 * format, and jsonl carries the reason. */
static void
test_needs_review (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export",
                                                 "cluster.crosscheck.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) flagged = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  flagged = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (flagged, "\"note\": \"The earliest date anyone gives.\",",
                                      "\"note\": \"The earliest date anyone gives.\", "
                                      "\"needs_review\": \"Found twice.\",", 1), ==, 1);
  bytes = g_bytes_new (flagged->str, flagged->len);
  project = crosscheck_project_load_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  for (CrosscheckExportFormat format = 0; format < CROSSCHECK_EXPORT_N_FORMATS; format++)
    {
      g_autofree char *dir = make_tmpdir ();
      g_autoptr(GPtrArray) warnings = NULL;
      gboolean found = FALSE;

      g_assert_true (export (project, format, NULL, dir, &warnings, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < warnings->len; i++)
        found |= g_str_equal (g_ptr_array_index (warnings, i),
                              "1 span still needs review after its article changed and is "
                              "exported where re-anchoring left it: s3");
      g_assert_true (found);

      if (format == CROSSCHECK_EXPORT_JSONL)
        {
          g_autofree char *documents = g_build_filename (dir, "documents.jsonl", NULL);
          g_autofree char *text = NULL;

          g_assert_true (g_file_get_contents (documents, &text, NULL, NULL));
          g_assert_nonnull (strstr (text, "\"needs_review\": \"Found twice.\"}"));
        }
      remove_tree (dir);
    }
}

/* An export never replaces files unless asked, and a refused export
 * leaves everything as it was. */
static void
test_refuse_overwrite (void)
{
  g_autoptr(CrosscheckProject) project = load_cluster ();
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *links = g_build_filename (dir, "links.jsonl", NULL);
  g_autofree char *documents = g_build_filename (dir, "documents.jsonl", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckExportOptions options;

  g_assert_true (g_file_set_contents (links, "mine\n", -1, NULL));

  crosscheck_export_options_init (&options);
  g_assert_false (export (project, CROSSCHECK_EXPORT_JSONL, &options, dir, NULL, &error));
  g_assert_error (error, CROSSCHECK_EXPORT_ERROR, CROSSCHECK_EXPORT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "links.jsonl"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (links, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "mine\n");
  g_assert_false (g_file_test (documents, G_FILE_TEST_EXISTS));

  options.overwrite = TRUE;
  g_assert_true (export (project, CROSSCHECK_EXPORT_JSONL, &options, dir, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (links, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "{\"id\": \"l1\""));

  remove_tree (dir);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(CrosscheckProject) project = load_cluster ();
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (out);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  /* Cancelled after the first document: nothing may be written. */
  g_assert_false (crosscheck_export_projects (&project, NULL, 1, CROSSCHECK_EXPORT_BRAT, NULL,
                                              directory, cancel_on_progress, cancellable,
                                              cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static void
test_progress (void)
{
  g_autoptr(CrosscheckProject) project = load_cluster ();
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  g_assert_true (crosscheck_export_projects (&project, NULL, 1, CROSSCHECK_EXPORT_CONLL, NULL,
                                             directory, record_progress, steps, NULL, NULL,
                                             &error));
  g_assert_no_error (error);
  /* One step per document, and the end. */
  g_assert_cmpuint (steps->len, ==, 4);
  for (guint i = 1; i < steps->len; i++)
    g_assert_cmpfloat (g_array_index (steps, double, i), >=, g_array_index (steps, double, i - 1));
  g_assert_cmpfloat (g_array_index (steps, double, 0), >, 0.3);
  g_assert_cmpfloat (g_array_index (steps, double, steps->len - 1), ==, 1.0);

  remove_tree (dir);
}

/* Two projects make one dataset; their ids stay apart. */
static void
test_several_projects (void)
{
  g_autoptr(CrosscheckProject) a = load_cluster ();
  g_autoptr(CrosscheckProject) b = load_cluster ();
  CrosscheckProject *projects[] = { a, b };
  const char *prefixes[] = { "monday", "tuesday" };
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autofree char *ann = g_build_filename (dir, "tuesday", "d3.ann", NULL);
  g_autofree char *tsv = g_build_filename (dir, "cross-document-links.tsv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (crosscheck_export_projects (projects, prefixes, 2, CROSSCHECK_EXPORT_BRAT, NULL,
                                             directory, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (ann, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (tsv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\nmonday/l1\tcontradicts\tmonday/d1\tT3\tmonday/d2\tT2\t"));
  g_assert_nonnull (strstr (text, "\ntuesday/l4\tsame-as\ttuesday/d1\tT6\ttuesday/d3\tT1\t"));

  prefix = crosscheck_export_make_prefix ("/x/Monday cluster.crosscheck.json");
  g_assert_cmpstr (prefix, ==, "Monday_cluster");

  remove_tree (dir);
}

static void
test_neutral_shortage (void)
{
  g_autoptr(CrosscheckProject) project = load_cluster ();
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nli.jsonl", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckExportOptions options;
  guint lines = 0;

  crosscheck_export_options_init (&options);
  options.neutral = 10;
  g_assert_true (export (project, CROSSCHECK_EXPORT_NLI, &options, dir, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "Only 3 neutral pairs could be made (10 asked for): there are no more "
                   "unlinked claims in different documents");

  /* Two links and all three candidates, in candidate order. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    lines++;
  g_assert_cmpuint (lines, ==, 5);
  g_assert_nonnull (strstr (text, "\"pairID\": \"s5+s10\""));
  g_assert_nonnull (strstr (text, "\"pairID\": \"s5+s14\""));
  g_assert_nonnull (strstr (text, "\"pairID\": \"s10+s14\""));

  remove_tree (dir);
}

static void
test_format_names (void)
{
  CrosscheckExportFormat format;

  for (guint i = 0; i < CROSSCHECK_EXPORT_N_FORMATS; i++)
    {
      g_assert_true (crosscheck_export_format_from_string (crosscheck_export_format_to_string (i),
                                                           &format));
      g_assert_cmpuint (format, ==, i);
      g_assert_nonnull (crosscheck_export_format_get_title (i));
      g_assert_nonnull (crosscheck_export_format_get_summary (i));
    }
  g_assert_false (crosscheck_export_format_from_string ("csv", &format));
  g_assert_false (crosscheck_export_format_from_string ("", &format));
  g_assert_false (crosscheck_export_format_from_string (NULL, &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < CROSSCHECK_EXPORT_N_FORMATS; i++)
    {
      g_autofree char *path = g_strconcat ("/export/golden/", crosscheck_export_format_to_string (i),
                                           NULL);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_golden);
    }
  g_test_add_func ("/export/crlf-source", test_crlf_source);
  g_test_add_func ("/export/jsonl/without-utf16", test_jsonl_without_utf16);
  g_test_add_func ("/export/needs-review", test_needs_review);
  g_test_add_func ("/export/refuse-overwrite", test_refuse_overwrite);
  g_test_add_func ("/export/cancel", test_cancel);
  g_test_add_func ("/export/progress", test_progress);
  g_test_add_func ("/export/several-projects", test_several_projects);
  g_test_add_func ("/export/nli/neutral-shortage", test_neutral_shortage);
  g_test_add_func ("/export/format-names", test_format_names);

  return g_test_run ();
}
