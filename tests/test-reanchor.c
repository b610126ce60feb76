/* test-reanchor.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-errors.h"
#include "crosscheck-history.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-problem.h"
#include "crosscheck-project.h"
#include "crosscheck-reanchor.h"
#include "crosscheck-span.h"

/* Re-anchoring spans after their article's text changed. Every expected
 * offset below is counted by hand in code points (and checked with
 * Python's len()), never taken from the code under test. */

/* The text as annotated, and as someone edited it in the project file:
 * "🌉 Update: " (10 code points, 15 bytes, 11 UTF-16 units) added in front,
 * "next week" replaced, and a second "said" added at the end. */
#define OLD_TEXT "The bridge opens next week, officials said. The minister agreed."
#define NEW_TEXT "\xf0\x9f\x8c\x89 Update: The bridge opens in April, officials said. " \
                 "The minister agreed. Officials said more."

static CrosscheckSpan *
tag (CrosscheckProject  *project,
     CrosscheckDocument *document,
     const char         *needle,
     const char         *label)
{
  const char *text = crosscheck_document_get_text (document);
  const char *hit = strstr (text, needle);
  CrosscheckSpan *span;
  guint start;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  span = crosscheck_project_add_span (project, document, start, start + g_utf8_strlen (needle, -1),
                                      crosscheck_project_lookup_label (project, label), NULL);
  g_assert_nonnull (span);

  return span;
}

/* A saved project of OLD_TEXT with four spans and a link, whose document
 * text is then replaced by NEW_TEXT as a person editing the file would,
 * leaving the spans and the SHA-256 as they were. */
static GBytes *
changed_file (void)
{
  g_autoptr(CrosscheckProject) project = crosscheck_project_new ();
  g_autoptr(CrosscheckDocument) document = crosscheck_document_new_from_text (OLD_TEXT, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) contents = NULL;
  CrosscheckSpan *next_week, *minister;

  g_assert_true (crosscheck_project_add_document (project, document, NULL));
  tag (project, document, "bridge", "EVENT");            /* s1 */
  next_week = tag (project, document, "next week", "DATE");  /* s2 */
  tag (project, document, "said", "CLAIM");              /* s3 */
  minister = tag (project, document, "minister", "PERSON");  /* s4 */
  g_assert_nonnull (crosscheck_project_add_link (project, crosscheck_project_lookup_link_type (project, "supports"),
                                                 next_week, minister, NULL));

  bytes = crosscheck_project_serialize (project);
  contents = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (contents, "\"text\": \"" OLD_TEXT "\"", "\"text\": \"" NEW_TEXT "\"", 0),
                    ==, 1);

  return g_string_free_to_bytes (g_steal_pointer (&contents));
}

static void
assert_located (const char       *text,
                const char       *quote,
                const char       *prefix,
                const char       *suffix,
                guint             old_start,
                CrosscheckAnchor  outcome,
                guint             start,
                guint             end,
                guint             found)
{
  guint got_start = G_MAXUINT, got_end = G_MAXUINT, got_found = G_MAXUINT;

  g_assert_cmpint (crosscheck_anchor_locate (text, quote, prefix, suffix, old_start,
                                             &got_start, &got_end, &got_found), ==, outcome);
  g_assert_cmpuint (got_start, ==, start);
  g_assert_cmpuint (got_end, ==, end);
  g_assert_cmpuint (got_found, ==, found);
}

static void
test_locate_unique_moves (void)
{
  /* "bridge" was at 4; ten code points were added in front. */
  assert_located (NEW_TEXT, "bridge", NULL, NULL, 4, CROSSCHECK_ANCHOR_MOVED, 14, 20, 1);
  /* Still in place: kept, even though the text changed elsewhere. */
  assert_located ("The bridge opens.", "bridge", NULL, NULL, 4, CROSSCHECK_ANCHOR_KEPT, 4, 10, 1);
}

static void
test_locate_emoji_shift (void)
{
  /* One emoji (4 bytes, 2 UTF-16 units) is one code point: "Zoë" (e +
   * U+0308, 4 code points) moves from 0 to 2, not to 5 or 3. */
  assert_located ("\xf0\x9f\x94\xb4 Zoe\xcc\x88 spoke.", "Zoe\xcc\x88", NULL, NULL, 0,
                  CROSSCHECK_ANCHOR_MOVED, 2, 6, 1);
  /* Emoji in the quote itself. */
  assert_located ("Update: \xf0\x9f\x8c\x89 opens", "\xf0\x9f\x8c\x89 opens", NULL, NULL, 0,
                  CROSSCHECK_ANCHOR_MOVED, 8, 15, 1);
}

static void
test_locate_ambiguous (void)
{
  /* "said" is at 47 and 84 of NEW_TEXT. Where one of them is the old
   * place, nothing moved; otherwise both are equally good without context,
   * and the one nearer the old place is proposed. */
  assert_located (NEW_TEXT, "said", NULL, NULL, 47, CROSSCHECK_ANCHOR_KEPT, 47, 51, 2);
  assert_located (NEW_TEXT, "said", NULL, NULL, 38, CROSSCHECK_ANCHOR_AMBIGUOUS, 47, 51, 2);
  assert_located (NEW_TEXT, "said", NULL, NULL, 70, CROSSCHECK_ANCHOR_AMBIGUOUS, 84, 88, 2);
}

static void
test_locate_context_disambiguates (void)
{
  /* The words around the old span pick one of the two. */
  assert_located (NEW_TEXT, "said", "Officials ", " more", 0, CROSSCHECK_ANCHOR_MOVED, 84, 88, 2);
  assert_located (NEW_TEXT, "said", "officials ", ". The", 90, CROSSCHECK_ANCHOR_MOVED, 47, 51, 2);
  /* A suffix alone is enough when it differs. */
  assert_located (NEW_TEXT, "said", NULL, " more", 0, CROSSCHECK_ANCHOR_MOVED, 84, 88, 2);
  /* Context that fits both equally does not decide. */
  assert_located (NEW_TEXT, "said", "ls ", NULL, 0, CROSSCHECK_ANCHOR_AMBIGUOUS, 47, 51, 2);
}

static void
test_locate_deleted (void)
{
  /* Gone: kept at its old place, shortened to fit inside the text. */
  assert_located (NEW_TEXT, "next week", NULL, NULL, 17, CROSSCHECK_ANCHOR_MISSING, 17, 26, 0);
  assert_located ("Short.", "next week", NULL, NULL, 17, CROSSCHECK_ANCHOR_MISSING, 5, 6, 0);
}

/* The file as it is refused without re-anchoring: only anchor problems. */
static void
test_load_reports_text_changed (void)
{
  g_autoptr(GBytes) bytes = changed_file ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (crosscheck_project_load_from_bytes (bytes, &problems, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED);
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_cmpstr (((CrosscheckProblem *) g_ptr_array_index (problems, 0))->path, ==, "documents[0].sha256");
  g_assert_cmpstr (((CrosscheckProblem *) g_ptr_array_index (problems, 1))->path, ==, "spans[0].text");
}

static void
test_load_reanchors (void)
{
  g_autoptr(GBytes) bytes = changed_file ();
  g_autoptr(CrosscheckReanchor) report = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(CrosscheckProject) reloaded = NULL;
  g_autofree char *summary = NULL;
  CrosscheckSpan *bridge, *next_week, *said, *minister;
  const CrosscheckReanchorItem *item;

  project = crosscheck_project_reanchor_from_bytes (bytes, &report, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Nothing was dropped: four spans, the link between two of them. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 1);

  /* Unique quotes moved, by code points. */
  bridge = crosscheck_project_lookup_span (project, "s1");
  g_assert_cmpuint (crosscheck_span_get_start (bridge), ==, 14);
  g_assert_cmpstr (crosscheck_span_get_text (bridge), ==, "bridge");
  g_assert_null (crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (bridge)));
  minister = crosscheck_project_lookup_span (project, "s4");
  g_assert_cmpuint (crosscheck_span_get_start (minister), ==, 57);
  g_assert_cmpstr (crosscheck_span_get_text (minister), ==, "minister");
  g_assert_null (crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (minister)));

  /* A deleted quote and an ambiguous one are kept and flagged, saying why. */
  next_week = crosscheck_project_lookup_span (project, "s2");
  g_assert_nonnull (strstr (crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (next_week)),
                            "“next week” is no longer in it"));
  said = crosscheck_project_lookup_span (project, "s3");
  g_assert_cmpstr (crosscheck_span_get_text (said), ==, "said");
  g_assert_nonnull (strstr (crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (said)), "2 times"));

  /* The report lists them with the reasons. */
  g_assert_cmpstr (crosscheck_reanchor_get_documents (report)[0], ==, "d1");
  g_assert_null (crosscheck_reanchor_get_documents (report)[1]);
  g_assert_cmpuint (crosscheck_reanchor_get_n_items (report), ==, 4);
  g_assert_cmpuint (crosscheck_reanchor_count (report, CROSSCHECK_ANCHOR_MOVED), ==, 2);
  g_assert_cmpuint (crosscheck_reanchor_count (report, CROSSCHECK_ANCHOR_AMBIGUOUS), ==, 1);
  g_assert_cmpuint (crosscheck_reanchor_count (report, CROSSCHECK_ANCHOR_MISSING), ==, 1);
  item = crosscheck_reanchor_get_item (report, 0);
  g_assert_cmpstr (item->span, ==, "s1");
  g_assert_cmpuint (item->old_start, ==, 4);
  g_assert_cmpuint (item->start, ==, 14);
  summary = crosscheck_reanchor_summarize (report);
  g_assert_cmpstr (summary, ==, "The text of 1 article changed: 2 spans moved to their quoted text, "
                                "2 spans need review.");

  /* Repaired but not saved: the editor must save it. */
  g_assert_true (crosscheck_project_get_dirty (project));

  /* The flags survive saving and loading, strictly this time. */
  saved = crosscheck_project_serialize (project);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"needs_review\": \"The text changed"));
  reloaded = crosscheck_project_load_from_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (crosscheck_annotation_get_review (
    CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (reloaded, "s2"))));
  g_assert_null (crosscheck_annotation_get_review (
    CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (reloaded, "s1"))));
}

static void
test_mark_reviewed (void)
{
  g_autoptr(GBytes) bytes = changed_file ();
  g_autoptr(CrosscheckProject) project = crosscheck_project_reanchor_from_bytes (bytes, NULL, NULL, NULL);
  CrosscheckAnnotation *said = CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (project, "s3"));
  g_autofree char *reason = g_strdup (crosscheck_annotation_get_review (said));

  g_assert_nonnull (reason);
  g_assert_true (crosscheck_project_mark_reviewed (project, said, NULL));
  g_assert_null (crosscheck_annotation_get_review (said));

  /* One undoable step, like every edit. */
  g_assert_true (crosscheck_project_undo (project));
  g_assert_cmpstr (crosscheck_annotation_get_review (said), ==, reason);
  g_assert_true (crosscheck_project_redo (project));
  g_assert_null (crosscheck_annotation_get_review (said));
}

static void
test_other_problems_still_refuse (void)
{
  g_autoptr(GBytes) changed = changed_file ();
  g_autoptr(GString) contents = g_string_new_len (g_bytes_get_data (changed, NULL), g_bytes_get_size (changed));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Re-anchoring repairs moved text, nothing else. */
  g_assert_cmpuint (g_string_replace (contents, "\"label\": \"EVENT\"", "\"label\": \"THING\"", 1), ==, 1);
  bytes = g_bytes_new (contents->str, contents->len);
  g_assert_null (crosscheck_project_reanchor_from_bytes (bytes, NULL, &problems, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((CrosscheckProblem *) g_ptr_array_index (problems, 0))->path, ==, "spans[0].label");
}

static void
test_span_past_the_end (void)
{
  g_autoptr(GBytes) changed = changed_file ();
  g_autoptr(GString) contents = g_string_new_len (g_bytes_get_data (changed, NULL), g_bytes_get_size (changed));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  CrosscheckSpan *minister;

  /* The text was cut short: "minister" (old 48–56) is past its end now. */
  g_assert_cmpuint (g_string_replace (contents, "\"text\": \"" NEW_TEXT "\"", "\"text\": \"A minister.\"", 1),
                    ==, 1);
  bytes = g_bytes_new (contents->str, contents->len);
  g_assert_null (crosscheck_project_load_from_bytes (bytes, NULL, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED);

  project = crosscheck_project_reanchor_from_bytes (bytes, NULL, NULL, NULL);
  g_assert_nonnull (project);
  minister = crosscheck_project_lookup_span (project, "s4");
  g_assert_cmpuint (crosscheck_span_get_start (minister), ==, 2);
  g_assert_null (crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (minister)));
  /* The rest are flagged, inside the 11 characters there are. */
  g_assert_cmpuint (crosscheck_span_get_end (crosscheck_project_lookup_span (project, "s1")), <=, 11);
  g_assert_nonnull (crosscheck_annotation_get_review (
    CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (project, "s1"))));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/reanchor/locate/unique-moves", test_locate_unique_moves);
  g_test_add_func ("/core/reanchor/locate/emoji-shift", test_locate_emoji_shift);
  g_test_add_func ("/core/reanchor/locate/ambiguous", test_locate_ambiguous);
  g_test_add_func ("/core/reanchor/locate/context-disambiguates", test_locate_context_disambiguates);
  g_test_add_func ("/core/reanchor/locate/deleted", test_locate_deleted);
  g_test_add_func ("/core/reanchor/load-reports-text-changed", test_load_reports_text_changed);
  g_test_add_func ("/core/reanchor/load-reanchors", test_load_reanchors);
  g_test_add_func ("/core/reanchor/mark-reviewed", test_mark_reviewed);
  g_test_add_func ("/core/reanchor/other-problems-still-refuse", test_other_problems_still_refuse);
  g_test_add_func ("/core/reanchor/span-past-the-end", test_span_past_the_end);

  return g_test_run ();
}
