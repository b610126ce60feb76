/* test-brat-import.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crosscheck-annotation.h"
#include "crosscheck-brat-import.h"
#include "crosscheck-document.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"

/* The brat importer on small files written here by hand (each offset
 * counted by hand from brat's rules: code points of the text read with
 * universal newlines, a UTF-8 byte-order mark counted as a character) and
 * on the real brat files in ../shared/data/brat-examples, read in place. */

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

/* Imports one document "doc" (doc.txt, doc.ann). */
static CrosscheckProject *
import_one (const char                 *conf,
            const char                 *text,
            gssize                      text_length,
            const char                 *ann,
            CrosscheckBratImportFlags   flags,
            GPtrArray                 **warnings,
            GError                    **error)
{
  g_autoptr(CrosscheckBratImport) import = crosscheck_brat_import_new (flags);
  CrosscheckProject *project = NULL;

  if (conf != NULL &&
      !crosscheck_brat_import_set_config (import, "annotation.conf", conf, strlen (conf), error))
    return NULL;

  if (crosscheck_brat_import_add_document (import, "doc", text,
                                           text_length < 0 ? strlen (text) : (gsize) text_length,
                                           ann, ann ? strlen (ann) : 0, error))
    project = crosscheck_brat_import_finish (import, error);

  if (warnings != NULL)
    *warnings = g_ptr_array_ref (crosscheck_brat_import_get_warnings (import));

  return project;
}

static CrosscheckSpan *
span_at (CrosscheckProject *project,
         guint              n)
{
  g_autoptr(CrosscheckSpan) span = g_list_model_get_item (G_LIST_MODEL (crosscheck_project_get_spans (project)), n);

  return span;  /* the project holds it */
}

static CrosscheckLink *
link_at (CrosscheckProject *project,
         guint              n)
{
  g_autoptr(CrosscheckLink) link = g_list_model_get_item (crosscheck_project_get_links (project), n);

  return link;
}

#define assert_span(project, n, start_, end_, label_, text_)                                   \
  G_STMT_START {                                                                              \
    CrosscheckSpan *s__ = span_at ((project), (n));                                           \
    g_assert_nonnull (s__);                                                                   \
    g_assert_cmpuint (crosscheck_span_get_start (s__), ==, (start_));                         \
    g_assert_cmpuint (crosscheck_span_get_end (s__), ==, (end_));                             \
    g_assert_cmpstr (crosscheck_label_get_name (                                              \
                       crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (s__))), ==, (label_)); \
    g_assert_cmpstr (crosscheck_span_get_text (s__), ==, (text_));                            \
  } G_STMT_END

static const char *
span_text (CrosscheckSpan *span)
{
  return span ? crosscheck_span_get_text (span) : NULL;
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *text)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (warnings, i), text))
        return TRUE;
    }

  g_test_message ("no warning “%s” among:", text);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("  %s", (char *) g_ptr_array_index (warnings, i));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Offsets                                                                   */

/* brat reads the .txt with universal newlines: CR LF and a lone CR are one
 * character, as in our normalised text. */
static void
test_crlf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  /* As brat sees it: "Ann met Bo\nin Oslo\non Monday" — "Oslo" 14–18,
   * "Monday" 22–28. Counted in bytes of the file they would be 15–19 and
   * 24–30. */
  const char *text = "Ann met Bo\r\nin Oslo\ron Monday";
  const char *ann = "T1\tGPE 14 18\tOslo\r\nT2\tDATE 22 28\tMonday\r\n";

  g_autoptr(GPtrArray) warnings = NULL;

  project = import_one (NULL, text, -1, ann, 0, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (warnings->len, ==, 0);

  assert_span (project, 0, 14, 18, "GPE", "Oslo");
  assert_span (project, 1, 22, 28, "DATE", "Monday");
}

/* Code points, not bytes or UTF-16 units: the emoji is one character, the
 * combining accent another. */
static void
test_code_points (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  /* 🔴 (1) space (1) "Live:" (5) space (1) → "Rene\u0301e" starts at 8,
   * five letters plus the combining mark = 6 code points, ends at 14. */
  const char *text = "\xF0\x9F\x94\xB4 Live: Rene\xCC\x81" "e says no";
  const char *ann = "T1\tPerson 8 14\tRene\xCC\x81" "e\nT2\tX 0 1\t\xF0\x9F\x94\xB4\n";

  project = import_one (NULL, text, -1, ann, 0, NULL, &error);
  g_assert_no_error (error);

  assert_span (project, 0, 0, 1, "X", "\xF0\x9F\x94\xB4");
  assert_span (project, 1, 8, 14, "Person", "Rene\xCC\x81" "e");
}

/* Python's "utf8" codec keeps a byte-order mark as U+FEFF, so brat counts
 * it; Crosscheck's text does not have it. */
static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(CrosscheckProject) only_bom = NULL;
  const char *text = "\xEF\xBB\xBF" "Alice met Bob";
  /* brat: Alice 1–6, Bob 11–14, and 0–6 with the mark in its text. */
  const char *ann = "T1\tPerson 1 6\tAlice\nT2\tPerson 11 14\tBob\nT3\tX 0 6\t\xEF\xBB\xBF" "Alice\n";

  project = import_one (NULL, text, -1, ann, 0, NULL, &error);
  g_assert_no_error (error);

  assert_span (project, 0, 0, 5, "Person", "Alice");
  assert_span (project, 1, 0, 5, "X", "Alice");
  assert_span (project, 2, 10, 13, "Person", "Bob");

  only_bom = import_one (NULL, text, -1, "T1\tX 0 1\t\xEF\xBB\xBF\n", 0, NULL, &error);
  g_assert_null (only_bom);
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_BAD_LINE);
  g_assert_cmpstr (error->message, ==, "doc.ann:1: the span 0–1 covers only the file’s byte-order mark");
}

/* ------------------------------------------------------------------------ */
/* Line types                                                                */

static const char every_type_text[] =
  /*         1111111111222222222233333333334444444444555555555566666666667 */
  /* 234567890123456789012345678901234567890123456789012345678901234567890 */
  "Acme bought Widgets Inc from Bob Stone in Oslo. Acme denied it.";

static const char every_type_ann[] =
  "E1\tBuy:T3 Buyer:T1 Seller:T5 Org:T2 Org2:T6\n"      /* refers forward */
  "T1\tOrg 0 4\tAcme\n"
  "T2\tOrg 12 23\tWidgets Inc\n"
  "T3\tBuy 5 11\tbought\n"
  "T4\tGPE 42 46\tOslo\n"
  "T5\tPerson 29 32;33 38\tBob Stone\n"                 /* discontinuous */
  "T6\tOrg 48 52\tAcme\n"
  "T7\tDeny 53 59\tdenied\n"
  "E2\tDeny:T7 Agent:T6 Theme:E1\n"                      /* an event as argument */
  "R1\tLocated Arg1:T5 Arg2:T4\t\n"
  "*\tAlias T1 T6\n"
  "A1\tNegation E2\n"
  "A2\tMention T5 Name\n"
  "M1\tSpeculation E1\n"
  "N1\tReference T4 GeoNames:3143244\tOslo, Norway\n"
  "#1\tAnnotatorNotes T5\tWhich Bob?\n"
  "#2\tAnnotatorNotes R1\tat the time\n"
  "#3\tAnnotatorNotes T5\tCheck the name.\n"
  "#4\tLemma T7\tdeny\n";

static CrosscheckLink *
find_link (CrosscheckProject *project,
           const char        *type,
           const char        *from_text,
           const char        *to_text)
{
  GListModel *links = crosscheck_project_get_links (project);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      CrosscheckLink *link = link_at (project, i);

      if (g_str_equal (crosscheck_label_get_name (crosscheck_link_get_link_type (link)), type) &&
          g_str_equal (span_text (crosscheck_link_get_from (link)), from_text) &&
          g_str_equal (span_text (crosscheck_link_get_to (link)), to_text))
        return link;
    }

  return NULL;
}

static void
test_every_line_type (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  CrosscheckSpan *bob, *stone, *oslo, *denied, *bought;
  CrosscheckLink *located;

  project = import_one (NULL, every_type_text, -1, every_type_ann, 0, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (warnings->len, ==, 0);

  /* One span per T fragment: 7 T lines, one of them in two fragments. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 8);
  assert_span (project, 0, 0, 4, "Org", "Acme");
  assert_span (project, 1, 5, 11, "Buy", "bought");
  assert_span (project, 2, 12, 23, "Org", "Widgets Inc");
  assert_span (project, 3, 29, 32, "Person", "Bob");
  assert_span (project, 4, 33, 38, "Person", "Stone");
  assert_span (project, 5, 42, 46, "GPE", "Oslo");
  assert_span (project, 6, 48, 52, "Org", "Acme");
  assert_span (project, 7, 53, 59, "Deny", "denied");

  bought = span_at (project, 1);
  bob = span_at (project, 3);
  stone = span_at (project, 4);
  oslo = span_at (project, 5);
  denied = span_at (project, 7);

  /* The fragments share an attribute naming their brat annotation, and
   * both carry its attributes and notes. */
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (bob), "fragment_of"), ==, "T5");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (stone), "fragment_of"), ==, "T5");
  g_assert_null (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (oslo), "fragment_of"));
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (stone), "Mention"), ==, "Name");
  g_assert_cmpstr (crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (bob)), ==, "Which Bob?\nCheck the name.");
  g_assert_cmpstr (crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (stone)), ==, "Which Bob?\nCheck the name.");

  /* Events: one link per argument from the trigger, typed by the role with
   * brat's repeat number dropped; an event argument is its trigger. */
  g_assert_nonnull (find_link (project, "Buyer", "bought", "Acme"));
  g_assert_nonnull (find_link (project, "Seller", "bought", "Bob"));
  g_assert_nonnull (find_link (project, "Org", "bought", "Widgets Inc"));
  g_assert_nonnull (find_link (project, "Org", "bought", "Acme"));
  g_assert_nonnull (find_link (project, "Agent", "denied", "Acme"));
  g_assert_nonnull (find_link (project, "Theme", "denied", "bought"));
  g_assert_null (crosscheck_project_lookup_link_type (project, "Org2"));

  /* Attributes on events go to their triggers; binary ones are "true". */
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (denied), "Negation"), ==, "true");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (bought), "Speculation"), ==, "true");

  /* Relations go from Arg1 to Arg2, with their notes. */
  located = find_link (project, "Located", "Bob", "Oslo");
  g_assert_nonnull (located);
  g_assert_cmpstr (crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (located)), ==, "at the time");

  /* Equivalences are links of a symmetric type. */
  g_assert_nonnull (find_link (project, "Alias", "Acme", "Acme"));
  g_assert_true (crosscheck_label_get_symmetric (crosscheck_project_lookup_link_type (project, "Alias")));
  g_assert_false (crosscheck_label_get_symmetric (crosscheck_project_lookup_link_type (project, "Located")));

  /* Normalisations and comments of other types are attributes. */
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (oslo), "Reference"), ==, "GeoNames:3143244");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (oslo), "Reference.text"), ==, "Oslo, Norway");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (denied), "Lemma"), ==, "deny");

  /* 6 event arguments, 1 relation, 1 equivalence. */
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 6 + 1 + 1);

  /* Without annotation.conf the label set is the types seen, in order,
   * and Crosscheck's own link types come after brat's. */
  {
    GListModel *labels = crosscheck_project_get_labels (project);
    const char * const expected[] = { "Org", "Buy", "GPE", "Person", "Deny" };

    g_assert_cmpuint (g_list_model_get_n_items (labels), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(CrosscheckLabel) label = g_list_model_get_item (labels, i);

        g_assert_cmpstr (crosscheck_label_get_name (label), ==, expected[i]);
      }
    g_assert_nonnull (crosscheck_project_lookup_link_type (project, "contradicts"));
    g_assert_true (crosscheck_project_get_dirty (project));
    g_assert_null (crosscheck_project_get_file (project));
  }
}

/* The label set of annotation.conf, with what the files add reported. */
static void
test_config (void)
{
  const char *conf =
    "# comment\n"
    "[entities]\n"
    "Person\n"
    "!Group\n"
    "\tOrg\n"
    "[relations]\n"
    "<POG>=Person|Org\n"
    "Alias Arg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive\n"
    "Employs Arg1:Org, Arg2:Person\n"
    "[events]\n"
    "Hire Employer:Org, Employee+:Person\n"
    "[attributes]\n"
    "Mention Arg:<ENTITY>, Value:Name|Nominal\n"
    "Negation Arg:<EVENT>\n";
  const char *text = "Acme hired Bob.";
  const char *ann =
    "T1\tOrg 0 4\tAcme\n"
    "T2\tHire 5 10\thired\n"
    "T3\tPerson 11 14\tBob\n"
    "T4\tThing 14 15\t.\n"
    "E1\tHire:T2 Employer:T1 Employee:T3\n"
    "A1\tMention T3 Pronoun\n"
    "A2\tNegation E1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  const char * const labels[] = { "Person", "Org", "Hire", "Thing" };
  const char * const types[] = { "Alias", "Employs", "Employer", "Employee",
                                 "contradicts", "supports", "same-as" };
  CrosscheckLabel *person, *hire;
  const CrosscheckAttributeSpec *spec;

  project = import_one (conf, text, -1, ann, 0, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(CrosscheckLabel) label = g_list_model_get_item (crosscheck_project_get_labels (project), i);

      g_assert_cmpstr (crosscheck_label_get_name (label), ==, labels[i]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_labels (project)), ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(CrosscheckLabel) type = g_list_model_get_item (crosscheck_project_get_link_types (project), i);

      g_assert_cmpstr (crosscheck_label_get_name (type), ==, types[i]);
    }
  g_assert_true (crosscheck_label_get_symmetric (crosscheck_project_lookup_link_type (project, "Alias")));
  g_assert_false (crosscheck_label_get_symmetric (crosscheck_project_lookup_link_type (project, "Employs")));

  /* <ENTITY> attributes on entity types, <EVENT> ones on event types; a
   * value the file uses but the conf does not list is added. */
  person = crosscheck_project_lookup_label (project, "Person");
  hire = crosscheck_project_lookup_label (project, "Hire");
  spec = crosscheck_label_lookup_attribute (person, "Mention");
  g_assert_nonnull (spec);
  g_assert_cmpstrv (spec->values, ((const char * const[]) { "Name", "Nominal", "Pronoun", NULL }));
  g_assert_null (crosscheck_label_lookup_attribute (person, "Negation"));
  spec = crosscheck_label_lookup_attribute (hire, "Negation");
  g_assert_nonnull (spec);
  g_assert_cmpstrv (spec->values, ((const char * const[]) { "true", NULL }));
  g_assert_null (crosscheck_label_lookup_attribute (hire, "Mention"));

  g_assert_true (has_warning (warnings, "The type “Thing” is used but not declared in "
                                        "annotation.conf; it was added."));
  g_assert_true (has_warning (warnings, "doc.ann:6: “Pronoun” is not a value of Mention in "
                                        "annotation.conf; it was added"));
  g_assert_cmpuint (warnings->len, ==, 2);
}

/* ------------------------------------------------------------------------ */
/* Malformed lines                                                           */

typedef struct
{
  const char *name;
  const char *ann;
  const char *message;
} BadCase;

static const char bad_text[] = "Acme hired Bob in Oslo.";

static const BadCase bad_cases[] = {
  { "no-tab", "T1 Org 0 4 Acme\n",
    "doc.ann:1: expected an id, a tab and an annotation, as in “T1<TAB>Person 0 5<TAB>Alice”" },
  { "bad-id", "T1\tOrg 0 4\tAcme\nX\tOrg 0 4\tAcme\n",
    "doc.ann:2: “X” is not a brat annotation id: ids start with T, R, E, A, M, N or # and a number, or are *" },
  { "unknown-kind", "Q1\tOrg 0 4\tAcme\n",
    "doc.ann:1: “Q1” is not a brat annotation id: ids start with T, R, E, A, M, N or # and a number, or are *" },
  { "duplicate-id", "T1\tOrg 0 4\tAcme\nT1\tPerson 11 14\tBob\n",
    "doc.ann:2: the id T1 is used already on line 1" },
  { "no-offsets", "T1\tOrg\tAcme\n",
    "doc.ann:1: expected a type and offsets, as in “Person 0 5”" },
  { "bad-offset", "T1\tOrg 0 four\tAcme\n",
    "doc.ann:1: expected offsets START END (decimal numbers), separated by “;” for a discontinuous span, not “0 four”" },
  { "negative", "T1\tOrg -1 4\tAcme\n",
    "doc.ann:1: expected offsets START END (decimal numbers), separated by “;” for a discontinuous span, not “-1 4”" },
  { "huge", "T1\tOrg 0 99999999999\tAcme\n",
    "doc.ann:1: expected offsets START END (decimal numbers), separated by “;” for a discontinuous span, not “0 99999999999”" },
  { "reversed", "T1\tOrg 4 0\tAcme\n",
    "doc.ann:1: the span 4–0 ends before it starts" },
  { "empty", "T1\tOrg 4 4\t\n",
    "doc.ann:1: the span 4–4 is empty, and Crosscheck holds no empty spans" },
  { "past-end", "T1\tOrg 18 4000000000\tOslo.\n",
    "doc.ann:1: the offset 4000000000 is past the end of the text (23 characters)" },
  { "overlapping-fragments", "T1\tOrg 0 4;2 6\tAcme ac\n",
    "doc.ann:1: the fragments 0–4 and 2–6 overlap" },
  { "wrong-text", "T1\tOrg 0 4\tAcne\n",
    "doc.ann:1: the text “Acne” does not match the .txt at 0 4, which is “Acme”" },
  { "text-off-by-one", "T1\tGPE 17 21\tOslo\n",
    "doc.ann:1: the text “Oslo” does not match the .txt at 17 21, which is “ Osl”" },
  { "long-type", "T1\tAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 0 4\tAcme\n",
    "doc.ann:1: “Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa” cannot be a type "
    "name in Crosscheck: use 1 to 64 characters without spaces" },
  { "relation-one-argument", "T1\tOrg 0 4\tAcme\nR1\tHas Arg1:T1\n",
    "doc.ann:2: expected a type and two arguments, as in “Origin Arg1:T6 Arg2:T7”" },
  { "relation-bad-argument", "T1\tOrg 0 4\tAcme\nT2\tPerson 11 14\tBob\nR1\tHas Arg1:T1 T2\n",
    "doc.ann:3: expected an argument ROLE:ID, as in “Arg1:T3”, not “T2”" },
  { "relation-undefined", "T1\tOrg 0 4\tAcme\nR1\tHas Arg1:T1 Arg2:T9\n",
    "doc.ann:2: T9 is not defined in this file" },
  { "relation-to-itself", "T1\tOrg 0 4\tAcme\nR1\tHas Arg1:T1 Arg2:T1\n",
    "doc.ann:2: a relation cannot join T1 to itself" },
  { "relation-same-roles", "T1\tOrg 0 4\tAcme\nT2\tPerson 11 14\tBob\nR1\tHas Arg1:T1 Arg1:T2\n",
    "doc.ann:3: both arguments have the role Arg1" },
  { "relation-to-attribute", "T1\tOrg 0 4\tAcme\nA1\tBig T1\nR1\tHas Arg1:T1 Arg2:A1\n",
    "doc.ann:3: A1 (line 2) cannot be referred to here" },
  { "event-no-trigger", "E1\tHire\n",
    "doc.ann:1: expected an argument ROLE:ID, as in “Arg1:T3”, not “Hire”" },
  { "event-type-mismatch", "T1\tOrg 0 4\tAcme\nE1\tHire:T1\n",
    "doc.ann:2: the event’s type Hire differs from its trigger T1’s type Org" },
  { "event-own-trigger", "T1\tHire 5 10\thired\nE1\tHire:T1 Theme:T1\n",
    "doc.ann:2: the argument Theme:T1 is the event’s own trigger" },
  { "event-undefined-argument", "T1\tHire 5 10\thired\nE1\tHire:T1 Theme:E7\n",
    "doc.ann:2: E7 is not defined in this file" },
  { "attribute-undefined", "A1\tBig T3\n",
    "doc.ann:1: T3 is not defined in this file" },
  { "attribute-too-many", "T1\tOrg 0 4\tAcme\nA1\tSize T1 very big\n",
    "doc.ann:2: expected an attribute, an id and maybe a value, as in “Mention T4 Name”" },
  { "attribute-conflict", "T1\tOrg 0 4\tAcme\nA1\tSize T1 big\nA2\tSize T1 small\n",
    "doc.ann:3: T1 has the Size “big” already; this line would make it “small”" },
  { "modifier-with-value", "T1\tOrg 0 4\tAcme\nM1\tBig T1 yes\n",
    "doc.ann:2: expected an attribute, an id and maybe a value, as in “Mention T4 Name”" },
  { "normalization-no-entry", "T1\tOrg 0 4\tAcme\nN1\tReference T1 Wikipedia\n",
    "doc.ann:2: expected a type, an id and DATABASE:ENTRY, as in “Reference T5 Wikipedia:64488”" },
  { "note-no-target", "#1\tAnnotatorNotes\tnothing\n",
    "doc.ann:1: expected a type and an id, as in “AnnotatorNotes T1”" },
  { "equivalence-one", "T1\tOrg 0 4\tAcme\n*\tAlias T1\n",
    "doc.ann:2: expected a type and at least two ids, as in “Alias T3 T4”" },
  { "equivalence-twice", "T1\tOrg 0 4\tAcme\nT2\tOrg 11 14\tBob\n*\tAlias T1 T2 T1\n",
    "doc.ann:3: T1 is listed twice" },
  { "not-utf8", "T1\tOrg 0 4\tAcme\nT2\tOrg 11 14\tB\xF6" "b\n",
    "doc.ann:2: the line is not valid UTF-8" },
  { "left-out-reference", "T1\tOrg 0 4\tAcne\nT2\tPerson 11 14\tBob\nR1\tHas Arg1:T2 Arg2:T1\n",
    "doc.ann:1: the text “Acne” does not match the .txt at 0 4, which is “Acme”" },
  /* The earliest bad line is reported, wherever its kind is read. */
  { "earliest-first", "R1\tHas Arg1:T1 Arg2:T9\nT1\tOrg 0 5\tAcme\n",
    "doc.ann:1: it refers to T1, which was left out (line 2)" },
};

static void
test_bad_line (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;

  project = import_one (NULL, bad_text, -1, bad->ann, 0, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_BAD_LINE);
  g_assert_cmpstr (error->message, ==, bad->message);
}

/* A NUL byte cannot be written in a C string literal test case. */
static void
test_bad_line_nul (void)
{
  static const char ann[] = "T1\tOrg 0 4\tAcme\nT2\tOrg 11\0 14\tBob\n";
  g_autoptr(CrosscheckBratImport) import = crosscheck_brat_import_new (0);
  g_autoptr(GError) error = NULL;

  g_assert_false (crosscheck_brat_import_add_document (import, "doc", bad_text, strlen (bad_text),
                                                       ann, sizeof ann - 1, &error));
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_BAD_LINE);
  g_assert_cmpstr (error->message, ==, "doc.ann:2: the line contains a NUL byte");

  /* After a failure nothing more is accepted. */
  g_clear_error (&error);
  g_assert_null (crosscheck_brat_import_finish (import, &error));
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FAILED);
}

/* Messages show non-ASCII text as it is, a line break as \n, and cut long
 * texts so that a huge line makes no huge message. */
static void
test_bad_line_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) ann = g_string_new ("T1\tX 0 6\t");
  g_autoptr(CrosscheckProject) project = NULL;

  project = import_one (NULL, "Käsi\nkirja", -1, "T1\tX 0 6\tKäsi k\n", 0, NULL, &error);
  g_assert_null (project);
  g_assert_cmpstr (error->message, ==, "doc.ann:1: the text “Käsi k” does not match the .txt at "
                                       "0 6, which is “Käsi\\nk”");
  g_clear_error (&error);

  for (guint i = 0; i < 10000; i++)
    g_string_append (ann, "ä");
  project = import_one (NULL, "Käsi\nkirja", -1, ann->str, 0, NULL, &error);
  g_assert_null (project);
  g_assert_cmpstr (error->message, ==, "doc.ann:1: the text “äääääääääääääääääääääääääääääääääääääää"
                                       "ääääääääääääääääääääääääääääääääääääääää…” does not match the "
                                       ".txt at 0 6, which is “Käsi\\nk”");
}

/* A link made twice (a symmetric one also in reverse) is imported once,
 * with a warning; what refers to the repeat goes to the first. */
static void
test_repeated_links (void)
{
  const char *ann =
    "T1\tOrg 0 4\tAcme\n"
    "T2\tPerson 11 14\tBob\n"
    "R1\tHas Arg1:T1 Arg2:T2\n"
    "R2\tHas Arg1:T1 Arg2:T2\n"
    "*\tSame T1 T2\n"
    "*\tSame T2 T1\n"
    "A1\tSure R2\n"
    "R3\tHas Arg1:T2 Arg2:T1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  CrosscheckLink *has;

  project = import_one (NULL, bad_text, -1, ann, 0, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 3);
  has = find_link (project, "Has", "Acme", "Bob");
  g_assert_nonnull (has);
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (has), "Sure"), ==, "true");
  g_assert_nonnull (find_link (project, "Has", "Bob", "Acme"));  /* directed: another link */
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "doc.ann:4: this Has link repeats one made before; it was imported once");
  g_assert_cmpstr (g_ptr_array_index (warnings, 1), ==,
                   "doc.ann:6: this Same link repeats one made before; it was imported once");
}

/* Fragments are bounded, and their overlap is found in any order. */
static void
test_fragments (void)
{
  g_autoptr(GString) ann = g_string_new ("T1\tX ");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;

  for (guint i = 0; i < 257; i++)
    g_string_append_printf (ann, "%s%u %u", i ? ";" : "", i % 20, i % 20 + 1);
  g_string_append (ann, "\tx\n");
  project = import_one (NULL, bad_text, -1, ann->str, 0, NULL, &error);
  g_assert_null (project);
  g_assert_cmpstr (error->message, ==, "doc.ann:1: more than 256 fragments; Crosscheck imports at most 256");
  g_clear_error (&error);

  project = import_one (NULL, bad_text, -1, "T1\tX 18 22;0 4;11 14\tOslo Acme Bob\n", 0, NULL, &error);
  g_assert_no_error (error);
  assert_span (project, 0, 0, 4, "X", "Acme");
  assert_span (project, 1, 11, 14, "X", "Bob");
  assert_span (project, 2, 18, 22, "X", "Oslo");
  g_clear_object (&project);

  project = import_one (NULL, bad_text, -1, "T1\tX 11 14;0 4;2 12\tBob Acme me hired B\n", 0, NULL, &error);
  g_assert_null (project);
  g_assert_cmpstr (error->message, ==, "doc.ann:1: the fragments 0–4 and 2–12 overlap");
}

/* With SKIP_BAD_LINES a bad line, and what refers to it, is left out and
 * reported; the rest comes in. */
/* A selection across a line break is cut there into fragments (by brat and
 * by our brat export): such fragments become one span again; fragments with
 * words between them stay fragments. */
static void
test_fragments_across_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  /* "one two" 0–3 and 4–7 with a line break between; "two three" 4–7 and
   * 8–13 with a space between. */
  const char *text = "one\ntwo three\r\n\r\nfour";
  const char *ann = "T1\tX 0 3;4 7\tone two\n"
                    "T2\tY 4 7;8 13\ttwo three\n"
                    "T3\tX 8 13;15 19\tthree four\n";

  project = import_one (NULL, text, -1, ann, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 4);

  assert_span (project, 0, 0, 7, "X", "one\ntwo");
  assert_span (project, 1, 4, 7, "Y", "two");
  assert_span (project, 2, 8, 13, "Y", "three");
  assert_span (project, 3, 8, 19, "X", "three\n\nfour");
  g_assert_null (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span_at (project, 0)), "fragment_of"));
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span_at (project, 1)), "fragment_of"), ==, "T2");
  g_assert_null (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span_at (project, 3)), "fragment_of"));
}

/* Two files with the same text cannot both be articles of one project:
 * the import says which two, and stops. */
static void
test_same_text_twice (void)
{
  g_autoptr(CrosscheckBratImport) import = crosscheck_brat_import_new (0);
  g_autoptr(GError) error = NULL;
  const char *text = "Ann met Bob.\n";
  const char *ann = "T1\tPerson 0 3\tAnn\n";

  g_assert_true (crosscheck_brat_import_add_document (import, "a", text, strlen (text), ann, strlen (ann), &error));
  g_assert_no_error (error);
  g_assert_false (crosscheck_brat_import_add_document (import, "b", text, strlen (text), ann, strlen (ann), &error));
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE);
  g_assert_cmpstr (error->message, ==, "b.txt: the same text as a.txt; a project holds each article once. "
                                       "Import the two from separate folders, or leave one out");
}

static void
test_skip_bad_lines (void)
{
  const char *ann =
    "T1\tOrg 0 4\tAcme\n"
    "T2\tPerson 11 14\tBobby\n"          /* wrong text */
    "T3\tGPE 18 22\tOslo\n"
    "R1\tHires Arg1:T1 Arg2:T2\n"        /* refers to T2 */
    "R2\tIn Arg1:T1 Arg2:T3\n"
    "garbage\n"
    "A1\tSize T2 big\n";                 /* refers to T2 */
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrosscheckProject) project = NULL;

  project = import_one (NULL, bad_text, -1, ann, CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES,
                        &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 2);
  assert_span (project, 0, 0, 4, "Org", "Acme");
  assert_span (project, 1, 18, 22, "GPE", "Oslo");
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 1);
  g_assert_nonnull (find_link (project, "In", "Acme", "Oslo"));

  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "doc.ann:2: the text “Bobby” does not match the .txt at 11 14, which is “Bob” (line left out)");
  g_assert_cmpstr (g_ptr_array_index (warnings, 1), ==,
                   "doc.ann:4: it refers to T2, which was left out (line 2) (line left out)");
  g_assert_cmpstr (g_ptr_array_index (warnings, 2), ==,
                   "doc.ann:6: expected an id, a tab and an annotation, as in “T1<TAB>Person 0 5<TAB>Alice” (line left out)");
  g_assert_cmpstr (g_ptr_array_index (warnings, 3), ==,
                   "doc.ann:7: it refers to T2, which was left out (line 2) (line left out)");
}

/* Whole files that cannot be used. */
static void
test_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(CrosscheckBratImport) import = crosscheck_brat_import_new (CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES);

  /* A binary .txt fails even when bad lines are skipped. */
  g_assert_false (crosscheck_brat_import_add_document (import, "bin", "a\0b", 3, NULL, 0, &error));
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE);
  g_assert_true (g_str_has_prefix (error->message, "bin.txt: The file contains NUL bytes"));
  g_clear_error (&error);

  /* An empty document with nothing on it is left out, with a warning;
   * with annotations it cannot be. */
  project = import_one (NULL, "", 0, "", 0, &warnings, &error);
  g_assert_null (project);
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE);
  g_assert_cmpstr (error->message, ==, "There is no document with text to import.");
  g_assert_true (has_warning (warnings, "doc.txt: the text is empty; the document was left out"));
  g_clear_error (&error);

  project = import_one (NULL, "", 0, "T1\tX 0 1\ta\n", 0, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE);
  g_clear_error (&error);

  /* A configuration that is not text. */
  g_clear_object (&import);
  import = crosscheck_brat_import_new (0);
  g_assert_false (crosscheck_brat_import_set_config (import, "annotation.conf", "\xFF\xFE", 2, &error));
  g_assert_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE);
}

/* Replaces, inserts or deletes a few bytes, taken from @alphabet. */
static void
mutate (GRand      *rand,
        GString    *data,
        const char *alphabet)
{
  guint n = g_rand_int_range (rand, 1, 8);

  for (guint j = 0; j < n; j++)
    {
      guint at = g_rand_int_range (rand, 0, data->len + 1);
      guint what = g_rand_int_range (rand, 0, 3);
      char c = alphabet[g_rand_int_range (rand, 0, strlen (alphabet))];

      if (what == 0 && at < data->len)
        data->str[at] = c;
      else if (what == 1)
        g_string_insert_len (data, at, &c, 1);
      else if (at < data->len)
        g_string_erase (data, at, 1);
    }
}

/* An import of arbitrary bytes gives a valid project (finish() checks it
 * with the loader) or an error of its own, never INVALID. */
static void
count_outcome (CrosscheckProject *project,
               GError            *error,
               guint             *projects,
               guint             *errors)
{
  if (project != NULL)
    {
      (*projects)++;
      return;
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == CROSSCHECK_BRAT_ERROR);
  g_assert_cmpint (error->code, !=, CROSSCHECK_BRAT_ERROR_INVALID);
  (*errors)++;
}

/* Arbitrary bytes never crash the importer; whatever it returns is a
 * valid project (finish() checks that with the loader) or an error. */
static void
test_arbitrary_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint projects = 0, errors = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) ann = g_string_new (every_type_ann);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrosscheckProject) project = NULL;
      g_autoptr(CrosscheckBratImport) import = NULL;

      /* Mutate the valid file. */
      mutate (rand, ann, "\t\n\r ;:0123456789TERAMN#*-\xF0\x9F\x94\xB4\xC3\xA9\xFF");

      import = crosscheck_brat_import_new (i % 2 ? CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES : 0);
      if (crosscheck_brat_import_add_document (import, "doc", every_type_text, strlen (every_type_text),
                                               ann->str, ann->len, &error))
        project = crosscheck_brat_import_finish (import, &error);

      count_outcome (project, error, &projects, &errors);
    }

  g_test_message ("%u projects, %u errors", projects, errors);
  g_assert_cmpuint (projects, >, 0);
  g_assert_cmpuint (errors, >, 0);
}

static const char extra_conf[] =
  "[entities]\nPerson\nClaim\n# crosscheck: claim Claim\n[relations]\n"
  "same\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric\n[attributes]\n"
  "# crosscheck: free-text said\nsaid\tArg:Claim, Value:yes\n"
  "# crosscheck: free-text why Arg:same\nkind\tArg:same, Value:a|b\n";
static const char extra_visual[] =
  "[labels]\nPerson | P\n[drawing]\nPerson\tbgColor:#1C71D8, fgColor:black\n"
  "Claim\tbgColor:gray\nsame\tcolor:#abc\n";
static const char extra_keys[] = "# keys\nP\tPerson\nc Claim\ns same\nP Claim\n";
static const char extra_tsv[] =
  "link\ttype\tfrom_document\tfrom_annotation\tto_document\tto_annotation\tfrom_text\t"
  "to_text\tattributes\tnote\n"
  "l1\tsame\ta\tT1\tb\tT1\tAnn\tAnn\t{\"kind\": \"a\", \"why\": \"x y\"}\tline\\nline\n"
  "l2\tsame\tb\tT2\ta\tT2\tsays no\tsays yes\t{}\t\n";
static const char extra_text[] = "Ann says yes.\n";
static const char extra_text_b[] = "Ann says no.\n";
static const char extra_ann[] = "T1\tPerson 0 3\tAnn\nT2\tClaim 4 12\tsays yes\nA1\tsaid T2 yes\n";
static const char extra_ann_b[] = "T1\tPerson 0 3\tAnn\nT2\tClaim 4 11\tsays no\n";

/* What the unchanged files say is in the project. */
static void
test_extra_files (void)
{
  g_autoptr(CrosscheckBratImport) import = crosscheck_brat_import_new (0);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckLabel *person, *claim, *same;
  GListModel *links;
  g_autoptr(CrosscheckLink) link = NULL;

  g_assert_true (crosscheck_brat_import_set_config (import, "annotation.conf", extra_conf,
                                                    strlen (extra_conf), &error));
  crosscheck_brat_import_set_visual (import, "visual.conf", extra_visual, strlen (extra_visual));
  crosscheck_brat_import_set_shortcuts (import, "kb_shortcuts.conf", extra_keys, strlen (extra_keys));
  g_assert_true (crosscheck_brat_import_add_document (import, "dir/a", extra_text, strlen (extra_text),
                                                      extra_ann, strlen (extra_ann), &error));
  g_assert_true (crosscheck_brat_import_add_document (import, "dir/b", extra_text_b, strlen (extra_text_b),
                                                      extra_ann_b, strlen (extra_ann_b), &error));
  g_assert_true (crosscheck_brat_import_add_cross_links (import, "links.tsv", extra_tsv,
                                                         strlen (extra_tsv), &error));
  g_assert_no_error (error);
  project = crosscheck_brat_import_finish (import, &error);
  g_assert_no_error (error);

  person = crosscheck_project_lookup_label (project, "Person");
  claim = crosscheck_project_lookup_label (project, "Claim");
  same = crosscheck_project_lookup_link_type (project, "same");
  g_assert_cmpint (crosscheck_label_get_kind (person), ==, CROSSCHECK_LABEL_ENTITY);
  g_assert_cmpint (crosscheck_label_get_kind (claim), ==, CROSSCHECK_LABEL_CLAIM);
  g_assert_cmpstr (crosscheck_label_get_color (person), ==, "#1c71d8");
  g_assert_cmpstr (crosscheck_label_get_color (claim), ==, "#808080");
  g_assert_cmpstr (crosscheck_label_get_color (same), ==, "#aabbcc");
  /* "P Claim" takes P from Person, as in brat; of Claim's keys, P comes
   * first in the file. */
  g_assert_cmpuint (crosscheck_label_get_shortcut (person), ==, 0);
  g_assert_cmpuint (crosscheck_label_get_shortcut (claim), ==, 'P');
  g_assert_cmpuint (crosscheck_label_get_shortcut (same), ==, 's');
  /* free text: no values; "why" only in the comment line */
  g_assert_null (crosscheck_label_lookup_attribute (claim, "said")->values[0]);
  g_assert_null (crosscheck_label_lookup_attribute (same, "why")->values[0]);
  g_assert_cmpstr (crosscheck_label_lookup_attribute (same, "kind")->values[1], ==, "b");

  g_assert_cmpstr (crosscheck_document_get_id (crosscheck_span_get_document (
    crosscheck_project_lookup_span (project, "s1"))), ==, "a");
  links = crosscheck_project_get_links (project);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);
  link = g_list_model_get_item (links, 0);
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (link), "why"), ==, "x y");
  g_assert_cmpstr (crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (link)), ==, "line\nline");
  g_assert_cmpstr (crosscheck_span_get_text (crosscheck_link_get_from (link)), ==, "Ann");
  g_assert_true (crosscheck_span_get_document (crosscheck_link_get_from (link)) !=
                 crosscheck_span_get_document (crosscheck_link_get_to (link)));
}

/* The same for the files Crosscheck's own export adds: Crosscheck's lines
 * in annotation.conf, visual.conf, kb_shortcuts.conf and
 * cross-document-links.tsv. */
static void
test_arbitrary_extra_files (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint projects = 0, errors = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) c = g_string_new (extra_conf);
      g_autoptr(GString) v = g_string_new (extra_visual);
      g_autoptr(GString) k = g_string_new (extra_keys);
      g_autoptr(GString) t = g_string_new (extra_tsv);
      static const char alphabet[] = "\t\n\r :,|#[]{}\"\\01TadblsP-\xF0\x9F\x94\xB4\xC3\xA9\xFF";
      g_autoptr(GError) error = NULL;
      g_autoptr(CrosscheckProject) project = NULL;
      g_autoptr(CrosscheckBratImport) import = NULL;

      /* Mostly one file at a time, so that the others stay meaningful. */
      switch (i % 5)
        {
        case 0: mutate (rand, c, alphabet); break;
        case 1: mutate (rand, v, alphabet); break;
        case 2: mutate (rand, k, alphabet); break;
        case 3: mutate (rand, t, alphabet); break;
        default:
          mutate (rand, c, alphabet);
          mutate (rand, v, alphabet);
          mutate (rand, k, alphabet);
          mutate (rand, t, alphabet);
          break;
        }

      import = crosscheck_brat_import_new (i % 2 ? CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES : 0);
      if (crosscheck_brat_import_set_config (import, "annotation.conf", c->str, c->len, &error))
        {
          crosscheck_brat_import_set_visual (import, "visual.conf", v->str, v->len);
          crosscheck_brat_import_set_shortcuts (import, "kb_shortcuts.conf", k->str, k->len);
          if (crosscheck_brat_import_add_document (import, "dir/a", extra_text, strlen (extra_text),
                                                   extra_ann, strlen (extra_ann), &error) &&
              crosscheck_brat_import_add_document (import, "dir/b", extra_text_b, strlen (extra_text_b),
                                                   extra_ann_b, strlen (extra_ann_b), &error) &&
              crosscheck_brat_import_add_cross_links (import, "links.tsv", t->str, t->len, &error))
            project = crosscheck_brat_import_finish (import, &error);
        }

      count_outcome (project, error, &projects, &errors);
    }

  g_test_message ("%u projects, %u errors", projects, errors);
  g_assert_cmpuint (projects, >, 0);
  g_assert_cmpuint (errors, >, 0);
}

/* ------------------------------------------------------------------------ */
/* The real brat files                                                       */

static CrosscheckProject *
import_example (const char  *name,
                GPtrArray  **warnings)
{
  const char *shared = g_getenv ("CROSSCHECK_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(CrosscheckBratImport) import = crosscheck_brat_import_new (0);
  g_autoptr(GError) error = NULL;
  CrosscheckProject *project;

  g_assert_nonnull (shared);
  path = g_build_filename (shared, "brat-examples", name, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  folder = g_file_new_for_path (path);

  g_assert_true (crosscheck_brat_import_add_folder (import, folder, NULL, &error));
  g_assert_no_error (error);
  project = crosscheck_brat_import_finish (import, &error);
  g_assert_no_error (error);
  *warnings = g_ptr_array_ref (crosscheck_brat_import_get_warnings (import));

  return project;
}

static CrosscheckSpan *
find_span (CrosscheckProject *project,
           const char        *source,
           guint              start,
           guint              end)
{
  CrosscheckSpanList *spans = crosscheck_project_get_spans (project);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (spans)); i++)
    {
      CrosscheckSpan *span = span_at (project, i);

      if (g_str_equal (crosscheck_document_get_source (crosscheck_span_get_document (span)), source) &&
          crosscheck_span_get_start (span) == start && crosscheck_span_get_end (span) == end)
        return span;
    }

  return NULL;
}

/* brat's tutorial: every line type. The figures are counted from the .ann
 * files with grep: 119 T lines; 8 R lines, 52 event arguments and 3 more
 * members of equivalence groups make 63 links. */
static void
test_example_news (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrosscheckProject) project = import_example ("news", &warnings);
  CrosscheckSpan *span;

  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_documents (project)), ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 119);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 63);
  g_assert_cmpuint (warnings->len, ==, 0);

  /* 000-introduction.ann: T2, T5 with #1, A3, A4, N1; E1 with A5. */
  span = find_span (project, "000-introduction.txt", 456, 468);
  g_assert_cmpstr (span_text (span), ==, "$100 million");
  g_assert_cmpstr (crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (span)), ==, "100000000 USD");
  span = find_span (project, "000-introduction.txt", 511, 535);
  g_assert_cmpstr (span_text (span), ==, "former Mexican president");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span), "Mention"), ==, "Nominal");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span), "Individual"), ==, "true");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span), "Reference"), ==, "Wikipedia:64488");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span), "Reference.text"), ==, "Carlos Salinas de Gortari");
  span = find_span (project, "000-introduction.txt", 443, 449);
  g_assert_cmpstr (span_text (span), ==, "moving");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span), "Confidence"), ==, "High");

  /* The label set is annotation.conf's: 4 entity and 10 event types. */
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_labels (project)), ==, 14);
  g_assert_true (crosscheck_label_get_symmetric (crosscheck_project_lookup_link_type (project, "Alias")));
}

/* Six Finnish documents: non-ASCII text, 1165 T, 1169 R, 3506 A and 1165
 * # (Lemma) lines. */
static void
test_example_tdt (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(CrosscheckProject) project = import_example ("TDT", &warnings);
  CrosscheckSpan *span;
  guint n_attributes = 0;

  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_documents (project)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 1165);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 1169);
  g_assert_cmpuint (warnings->len, ==, 0);

  for (guint i = 0; i < 1165; i++)
    n_attributes += crosscheck_annotation_get_n_attributes (CROSSCHECK_ANNOTATION (span_at (project, i)));
  g_assert_cmpuint (n_attributes, ==, 3506 + 1165);

  /* b105.ann T10 after "Vaikka ": two-byte letters before and inside. */
  span = find_span (project, "b105.txt", 78, 88);
  g_assert_cmpstr (span_text (span), ==, "sisällöstä");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span), "Lemma"), ==, "sisältö");
  g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (span), "CASE"), ==, "Ela");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/brat-import/offsets/crlf", test_crlf);
  g_test_add_func ("/brat-import/offsets/code-points", test_code_points);
  g_test_add_func ("/brat-import/offsets/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/brat-import/every-line-type", test_every_line_type);
  g_test_add_func ("/brat-import/config", test_config);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/brat-import/bad-line/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_line);
    }
  g_test_add_func ("/brat-import/bad-line/nul", test_bad_line_nul);
  g_test_add_func ("/brat-import/bad-line/quotes", test_bad_line_quotes);
  g_test_add_func ("/brat-import/repeated-links", test_repeated_links);
  g_test_add_func ("/brat-import/fragments", test_fragments);
  g_test_add_func ("/brat-import/fragments-across-lines", test_fragments_across_lines);
  g_test_add_func ("/brat-import/same-text-twice", test_same_text_twice);
  g_test_add_func ("/brat-import/skip-bad-lines", test_skip_bad_lines);
  g_test_add_func ("/brat-import/bad-files", test_bad_files);
  g_test_add_func ("/brat-import/arbitrary-bytes", test_arbitrary_bytes);
  g_test_add_func ("/brat-import/extra-files", test_extra_files);
  g_test_add_func ("/brat-import/arbitrary-extra-files", test_arbitrary_extra_files);
  g_test_add_func ("/brat-import/example/news", test_example_news);
  g_test_add_func ("/brat-import/example/tdt", test_example_tdt);

  return g_test_run ();
}
