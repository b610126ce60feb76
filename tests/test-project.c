/* test-project.c
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
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"

/* Every edit must be one undoable command: after the edit the saved form
 * differs, undo gives back the exact bytes from before, redo the exact
 * bytes from after. The serialised project is the witness of the whole
 * state (labels, documents, spans, links, notes, attributes). */

#define TEXT_A "President Aurélie Dumont-Okafor will visit as soon as next week 🌉, aides said.\n"
#define TEXT_B "The visit could take place in April or early May, officials said.\n"

typedef gboolean (*EditFunc) (CrosscheckProject *project,
                              gpointer           data);

static char *
snapshot (CrosscheckProject *project)
{
  g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static CrosscheckDocument *
add_document (CrosscheckProject *project,
              const char        *text)
{
  g_autoptr(CrosscheckDocument) document = crosscheck_document_new_from_text (text, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (document);
  g_assert_true (crosscheck_project_add_document (project, document, &error));
  g_assert_no_error (error);

  return document;
}

/* Finds the code-point range of @needle in @document. */
static void
find (CrosscheckDocument *document,
      const char         *needle,
      guint              *start,
      guint              *end)
{
  const char *text = crosscheck_document_get_text (document);
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  *start = g_utf8_pointer_to_offset (text, hit);
  *end = *start + g_utf8_strlen (needle, -1);
}

static CrosscheckSpan *
tag (CrosscheckProject  *project,
     CrosscheckDocument *document,
     const char         *needle,
     const char         *label)
{
  g_autoptr(GError) error = NULL;
  CrosscheckSpan *span;
  guint start, end;

  find (document, needle, &start, &end);
  span = crosscheck_project_add_span (project, document, start, end,
                                      crosscheck_project_lookup_label (project, label), &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);
  g_assert_cmpstr (crosscheck_span_get_text (span), ==, needle);

  return span;
}

/* A project with two documents, three spans and one link. */
static CrosscheckProject *
make_project (void)
{
  CrosscheckProject *project = crosscheck_project_new ();
  CrosscheckDocument *a, *b;
  CrosscheckSpan *claim_a, *claim_b;
  g_autoptr(GError) error = NULL;

  crosscheck_project_set_annotator (project, "ana");
  a = add_document (project, TEXT_A);
  b = add_document (project, TEXT_B);
  tag (project, a, "Aurélie Dumont-Okafor", "PERSON");
  claim_a = tag (project, a, "as soon as next week 🌉", "CLAIM");
  claim_b = tag (project, b, "in April or early May", "CLAIM");
  g_assert_nonnull (crosscheck_project_add_link (project,
                                                 crosscheck_project_lookup_link_type (project, "contradicts"),
                                                 claim_a, claim_b, &error));
  g_assert_no_error (error);

  /* The set-up is not part of what the tests undo. */
  crosscheck_history_clear (crosscheck_project_get_history (project));

  return project;
}

static CrosscheckDocument *
document_at (CrosscheckProject *project,
             guint              i)
{
  g_autoptr(CrosscheckDocument) document =
    g_list_model_get_item (crosscheck_project_get_documents (project), i);

  return document;
}

static CrosscheckSpan *
span_at (CrosscheckProject *project,
         guint              i)
{
  g_autoptr(CrosscheckSpan) span =
    g_list_model_get_item (G_LIST_MODEL (crosscheck_project_get_spans (project)), i);

  return span;
}

static CrosscheckLink *
link_at (CrosscheckProject *project,
         guint              i)
{
  g_autoptr(CrosscheckLink) link = g_list_model_get_item (crosscheck_project_get_links (project), i);

  return link;
}

/* Runs @edit, then checks undo and redo restore the exact states. */
static void
check_undoable (EditFunc prepare,
                EditFunc edit)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  CrosscheckHistory *history = crosscheck_project_get_history (project);

  if (prepare != NULL)
    {
      g_assert_true (prepare (project, NULL));
      crosscheck_history_clear (history);
    }
  before = snapshot (project);

  g_assert_false (crosscheck_project_get_dirty (project));
  g_assert_true (edit (project, NULL));
  after = snapshot (project);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (crosscheck_project_get_dirty (project));
  g_assert_true (crosscheck_history_get_can_undo (history));

  g_assert_true (crosscheck_project_undo (project));
  undone = snapshot (project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (crosscheck_history_get_can_undo (history));
  g_assert_false (crosscheck_project_get_dirty (project));

  g_assert_true (crosscheck_project_redo (project));
  redone = snapshot (project);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (crosscheck_project_get_dirty (project));

  /* And once more, since a command must survive repeated undo/redo. */
  g_assert_true (crosscheck_project_undo (project));
  g_clear_pointer (&undone, g_free);
  undone = snapshot (project);
  g_assert_cmpstr (undone, ==, before);
}

static gboolean
edit_add_document (CrosscheckProject *project,
                   gpointer           data)
{
  g_autoptr(CrosscheckDocument) document = crosscheck_document_new_from_text ("A third article.\n", NULL);

  return crosscheck_project_add_document (project, document, NULL);
}

static gboolean
edit_remove_document (CrosscheckProject *project,
                      gpointer           data)
{
  gboolean ok = crosscheck_project_remove_document (project, document_at (project, 0), NULL);

  /* The document's two spans and the link to the other document go too. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 0);

  return ok;
}

static gboolean
edit_document_title (CrosscheckProject *project,
                     gpointer           data)
{
  return crosscheck_project_set_document_title (project, document_at (project, 1), "Ledger", NULL);
}

static gboolean
edit_document_published (CrosscheckProject *project,
                         gpointer           data)
{
  return crosscheck_project_set_document_published (project, document_at (project, 0),
                                                    "2023-03-13", NULL);
}

static gboolean
edit_add_label (CrosscheckProject *project,
                gpointer           data)
{
  g_autoptr(CrosscheckLabel) label = crosscheck_label_new ("QUOTE", CROSSCHECK_LABEL_CLAIM,
                                                           "#ff7800", 'q');

  return crosscheck_project_add_label (project, label, NULL);
}

static gboolean
edit_add_link_type (CrosscheckProject *project,
                    gpointer           data)
{
  g_autoptr(CrosscheckLabel) type = crosscheck_label_new ("updates", CROSSCHECK_LABEL_RELATION,
                                                          "#3584e4", 'u');

  return crosscheck_project_add_label (project, type, NULL);
}

static gboolean
edit_update_label (CrosscheckProject *project,
                   gpointer           data)
{
  CrosscheckLabel *label = crosscheck_project_lookup_label (project, "CLAIM");
  g_autoptr(CrosscheckLabel) values = crosscheck_label_copy (label);
  static const char * const stance[] = { "for", "against", NULL };

  crosscheck_label_set_name (values, "ASSERTION");
  crosscheck_label_set_color (values, "#a51d2d");
  crosscheck_label_set_shortcut (values, 'a');
  crosscheck_label_add_attribute (values, "stance", stance);

  return crosscheck_project_update_label (project, label, values, NULL);
}

static gboolean
edit_remove_label (CrosscheckProject *project,
                   gpointer           data)
{
  gboolean ok = crosscheck_project_remove_label (project,
                                                 crosscheck_project_lookup_label (project, "CLAIM"),
                                                 NULL);

  /* Both claims and their link go with the label. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 0);
  g_assert_null (crosscheck_project_lookup_label (project, "CLAIM"));

  return ok;
}

static gboolean
edit_remove_link_type (CrosscheckProject *project,
                       gpointer           data)
{
  gboolean ok = crosscheck_project_remove_label (project,
                                                 crosscheck_project_lookup_link_type (project, "contradicts"),
                                                 NULL);

  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, 3);

  return ok;
}

static gboolean
edit_add_span (CrosscheckProject *project,
               gpointer           data)
{
  return tag (project, document_at (project, 1), "officials", "ORGANIZATION") != NULL;
}

static gboolean
edit_remove_span (CrosscheckProject *project,
                  gpointer           data)
{
  /* s2 is the claim with a link: the link goes with it. */
  gboolean ok = crosscheck_project_remove_span (project, crosscheck_project_lookup_span (project, "s2"),
                                                NULL);

  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 0);

  return ok;
}

static gboolean
edit_relabel (CrosscheckProject *project,
              gpointer           data)
{
  return crosscheck_project_relabel_span (project, crosscheck_project_lookup_span (project, "s1"),
                                          crosscheck_project_lookup_label (project, "ORGANIZATION"),
                                          NULL);
}

static gboolean
edit_add_link (CrosscheckProject *project,
               gpointer           data)
{
  return crosscheck_project_add_link (project, crosscheck_project_lookup_link_type (project, "supports"),
                                      crosscheck_project_lookup_span (project, "s3"),
                                      crosscheck_project_lookup_span (project, "s2"), NULL) != NULL;
}

static gboolean
edit_remove_link (CrosscheckProject *project,
                  gpointer           data)
{
  return crosscheck_project_remove_link (project, link_at (project, 0), NULL);
}

static gboolean
edit_link_type (CrosscheckProject *project,
                gpointer           data)
{
  return crosscheck_project_set_link_type (project, link_at (project, 0),
                                           crosscheck_project_lookup_link_type (project, "supports"),
                                           NULL);
}

static gboolean
edit_swap_link (CrosscheckProject *project,
                gpointer           data)
{
  CrosscheckLink *link = link_at (project, 0);
  CrosscheckSpan *from = crosscheck_link_get_from (link);

  /* edit_link_type() prepared a directed link: only those can be swapped. */
  g_assert_true (crosscheck_project_swap_link (project, link, NULL));
  g_assert_true (crosscheck_link_get_to (link) == from);

  return TRUE;
}

static gboolean
edit_span_note (CrosscheckProject *project,
                gpointer           data)
{
  return crosscheck_project_set_note (project,
                                      CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (project, "s2")),
                                      "attributed to “people familiar with the matter”", NULL);
}

static gboolean
edit_link_note (CrosscheckProject *project,
                gpointer           data)
{
  return crosscheck_project_set_note (project, CROSSCHECK_ANNOTATION (link_at (project, 0)),
                                      "timing of the visit", NULL);
}

static gboolean
edit_attribute (CrosscheckProject *project,
                gpointer           data)
{
  CrosscheckAnnotation *claim = CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (project, "s2"));

  return crosscheck_project_set_attribute (project, claim, "certainty", "hedged", NULL);
}

static gboolean
edit_link_attribute (CrosscheckProject *project,
                     gpointer           data)
{
  return crosscheck_project_set_attribute (project, CROSSCHECK_ANNOTATION (link_at (project, 0)),
                                           "contradiction_type", "temporal", NULL);
}

static gboolean
edit_source_attribute (CrosscheckProject *project,
                       gpointer           data)
{
  CrosscheckAnnotation *claim = CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (project, "s2"));

  return crosscheck_project_set_attribute (project, claim, "source", "aides", NULL);
}

static gboolean
edit_remove_attribute (CrosscheckProject *project,
                       gpointer           data)
{
  CrosscheckAnnotation *claim = CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (project, "s2"));

  g_assert_true (crosscheck_project_set_attribute (project, claim, "source", NULL, NULL));
  g_assert_null (crosscheck_annotation_get_attribute (claim, "source"));

  return TRUE;
}

static const struct {
  const char *name;
  EditFunc    edit;
  EditFunc    prepare;
} edits[] = {
  { "add-document", edit_add_document },
  { "remove-document", edit_remove_document },
  { "document-title", edit_document_title },
  { "document-published", edit_document_published },
  { "add-label", edit_add_label },
  { "add-link-type", edit_add_link_type },
  { "update-label", edit_update_label },
  { "remove-label", edit_remove_label },
  { "remove-link-type", edit_remove_link_type },
  { "add-span", edit_add_span },
  { "remove-span", edit_remove_span },
  { "relabel-span", edit_relabel },
  { "add-link", edit_add_link },
  { "remove-link", edit_remove_link },
  { "link-type", edit_link_type },
  { "swap-link", edit_swap_link, edit_link_type },
  { "span-note", edit_span_note },
  { "link-note", edit_link_note },
  { "span-attribute", edit_attribute },
  { "link-attribute", edit_link_attribute },
  { "remove-attribute", edit_remove_attribute, edit_source_attribute },
};

static void
test_undoable (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);

  check_undoable (edits[i].prepare, edits[i].edit);
}

static void
test_defaults (void)
{
  g_autoptr(CrosscheckProject) project = crosscheck_project_new ();
  static const char *names[] = { "PERSON", "ORGANIZATION", "LOCATION", "DATE", "EVENT", "CLAIM" };
  static const char keys[] = "poldec";
  GListModel *labels = crosscheck_project_get_labels (project);
  CrosscheckLabel *contradicts;

  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(CrosscheckLabel) label = g_list_model_get_item (labels, i);

      g_assert_cmpstr (crosscheck_label_get_name (label), ==, names[i]);
      g_assert_cmpuint (crosscheck_label_get_shortcut (label), ==, (gunichar) keys[i]);
      g_assert_true (crosscheck_project_lookup_shortcut (project, keys[i]) == label);
      g_assert_cmpint (crosscheck_label_get_kind (label), ==,
                       i == 5 ? CROSSCHECK_LABEL_CLAIM : CROSSCHECK_LABEL_ENTITY);
    }

  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_link_types (project)), ==, 3);
  contradicts = crosscheck_project_lookup_link_type (project, "contradicts");
  g_assert_true (crosscheck_label_get_symmetric (contradicts));
  g_assert_nonnull (crosscheck_label_lookup_attribute (contradicts, "contradiction_type"));
  g_assert_false (crosscheck_label_get_symmetric (crosscheck_project_lookup_link_type (project, "supports")));
  g_assert_true (crosscheck_label_get_symmetric (crosscheck_project_lookup_link_type (project, "same-as")));
  g_assert_nonnull (crosscheck_label_lookup_attribute (crosscheck_project_lookup_label (project, "CLAIM"),
                                                       "certainty"));
  g_assert_false (crosscheck_project_get_dirty (project));
}

static void
test_span_refusals (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(CrosscheckDocument) stranger = crosscheck_document_new_from_text ("elsewhere", NULL);
  g_autofree char *before = snapshot (project);
  g_autofree char *after = NULL;
  CrosscheckDocument *a = document_at (project, 0);
  CrosscheckLabel *person = crosscheck_project_lookup_label (project, "PERSON");
  CrosscheckLabel *contradicts = crosscheck_project_lookup_link_type (project, "contradicts");
  guint length = crosscheck_document_get_length (a);
  guint start, end;
  struct {
    CrosscheckDocument *document;
    guint start, end;
    CrosscheckLabel *label;
  } bad[] = {
    { a, 5, 5, person },               /* empty */
    { a, 9, 4, person },               /* reversed */
    { a, length - 1, length + 1, person }, /* past the end */
    { a, 0, 4, contradicts },          /* a link type */
    { stranger, 0, 4, person },        /* not in the project */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (crosscheck_project_add_span (project, bad[i].document, bad[i].start, bad[i].end,
                                                  bad[i].label, &error));
      g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* The same range with the same label is a duplicate… */
  find (a, "Aurélie Dumont-Okafor", &start, &end);
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (crosscheck_project_add_span (project, a, start, end, person, &error));
    g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "already tagged"));
  }

  after = snapshot (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (crosscheck_project_get_dirty (project));

  /* …but overlapping and nested spans are fine. */
  g_assert_nonnull (tag (project, a, "Aurélie", "PERSON"));
  g_assert_nonnull (tag (project, a, "Aurélie Dumont-Okafor", "CLAIM"));
  g_assert_nonnull (tag (project, a, "Dumont-Okafor will visit", "EVENT"));
}

static void
test_new_span_fields (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  CrosscheckSpan *span = tag (project, document_at (project, 1), "officials", "ORGANIZATION");
  CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (span);
  g_autoptr(GDateTime) created = NULL;

  /* Three spans exist already: this is the fourth. */
  g_assert_cmpstr (crosscheck_annotation_get_id (annotation), ==, "s4");
  g_assert_cmpstr (crosscheck_annotation_get_annotator (annotation), ==, "ana");
  g_assert_cmpstr (crosscheck_annotation_get_note (annotation), ==, "");
  g_assert_cmpuint (crosscheck_annotation_get_n_attributes (annotation), ==, 0);
  g_assert_nonnull (crosscheck_annotation_get_created (annotation));
  created = g_date_time_new_from_iso8601 (crosscheck_annotation_get_created (annotation), NULL);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_get_utc_offset (created), ==, 0);
  g_assert_cmpstr (crosscheck_annotation_get_created (annotation), ==,
                   crosscheck_annotation_get_modified (annotation));
  g_assert_true (crosscheck_span_get_document (span) == document_at (project, 1));

  /* An undone id is not handed out again. */
  crosscheck_project_undo (project);
  span = tag (project, document_at (project, 1), "officials", "ORGANIZATION");
  g_assert_cmpstr (crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span)), ==, "s5");
}

static void
test_link_refusals (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  CrosscheckLabel *contradicts = crosscheck_project_lookup_link_type (project, "contradicts");
  CrosscheckLabel *supports = crosscheck_project_lookup_link_type (project, "supports");
  CrosscheckLabel *claim = crosscheck_project_lookup_label (project, "CLAIM");
  CrosscheckSpan *s1 = crosscheck_project_lookup_span (project, "s1");
  CrosscheckSpan *s2 = crosscheck_project_lookup_span (project, "s2");
  CrosscheckSpan *s3 = crosscheck_project_lookup_span (project, "s3");
  g_autoptr(GError) error = NULL;

  g_assert_null (crosscheck_project_add_link (project, contradicts, s2, s2, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "itself"));
  g_clear_error (&error);

  /* s2 contradicts s3 exists; the same, and the reverse of a symmetric type, are duplicates. */
  g_assert_null (crosscheck_project_add_link (project, contradicts, s2, s3, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_null (crosscheck_project_add_link (project, contradicts, s3, s2, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_null (crosscheck_project_add_link (project, claim, s1, s3, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_clear_error (&error);

  /* A directed type may link both ways, once each. */
  g_assert_nonnull (crosscheck_project_add_link (project, supports, s2, s3, &error));
  g_assert_nonnull (crosscheck_project_add_link (project, supports, s3, s2, &error));
  g_assert_no_error (error);
  g_assert_null (crosscheck_project_add_link (project, supports, s3, s2, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_clear_error (&error);

  /* Swapping onto an existing link, or a symmetric one, is refused. */
  g_assert_false (crosscheck_project_swap_link (project, crosscheck_project_lookup_link (project, "l2"),
                                                &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (crosscheck_project_swap_link (project, crosscheck_project_lookup_link (project, "l1"),
                                                &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_clear_error (&error);

  /* Links within one document are allowed too. */
  g_assert_nonnull (crosscheck_project_add_link (project, crosscheck_project_lookup_link_type (project, "same-as"),
                                                 s1, s2, &error));
  g_assert_no_error (error);
}

static void
test_attribute_refusals (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  CrosscheckAnnotation *claim = CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (project, "s2"));
  g_autoptr(GError) error = NULL;

  g_assert_false (crosscheck_project_set_attribute (project, claim, "certainty", "certain", &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  /* The message lists the choices. */
  g_assert_nonnull (strstr (error->message, "asserted, hedged, speculative"));
  g_clear_error (&error);

  g_assert_false (crosscheck_project_set_attribute (project, claim, "has space", "x", &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_clear_error (&error);

  /* Free-text and undeclared attributes take any value. */
  g_assert_true (crosscheck_project_set_attribute (project, claim, "source", "the Wall Street Journal",
                                                   &error));
  g_assert_true (crosscheck_project_set_attribute (project, claim, "checked_by", "bo", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crosscheck_annotation_get_attribute (claim, "source"), ==, "the Wall Street Journal");

  /* Setting the same value again is no edit. */
  g_assert_true (crosscheck_history_get_can_undo (crosscheck_project_get_history (project)));
  crosscheck_history_clear (crosscheck_project_get_history (project));
  g_assert_true (crosscheck_project_set_attribute (project, claim, "checked_by", "bo", &error));
  g_assert_false (crosscheck_history_get_can_undo (crosscheck_project_get_history (project)));
}

/* Closing an inspector commits what it shows: setting what an annotation
 * already holds must not dirty the project, stamp "modified" or add an undo
 * step. An empty note is stored as no note at all, so "" is the case that
 * once slipped through, on made spans and on spans read from a file. */
static void
assert_no_edit (CrosscheckProject    *project,
                CrosscheckAnnotation *annotation)
{
  CrosscheckHistory *history = crosscheck_project_get_history (project);
  g_autofree char *modified = g_strdup (crosscheck_annotation_get_modified (annotation));
  g_autoptr(GError) error = NULL;

  crosscheck_history_clear (history);
  crosscheck_history_mark_saved (history);
  g_assert_false (crosscheck_project_get_dirty (project));

  g_assert_true (crosscheck_project_set_note (project, annotation,
                                              crosscheck_annotation_get_note (annotation), &error));
  if (*crosscheck_annotation_get_note (annotation) == '\0')
    g_assert_true (crosscheck_project_set_note (project, annotation, "", &error));
  g_assert_no_error (error);
  if (CROSSCHECK_IS_SPAN (annotation))
    g_assert_true (crosscheck_project_relabel_span (project, CROSSCHECK_SPAN (annotation),
                                                    crosscheck_annotation_get_label (annotation), &error));
  g_assert_no_error (error);

  g_assert_false (crosscheck_history_get_can_undo (history));
  g_assert_false (crosscheck_project_get_dirty (project));
  g_assert_cmpstr (crosscheck_annotation_get_modified (annotation), ==, modified);
}

static void
test_same_values_are_no_edit (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(CrosscheckProject) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckAnnotation *span = CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (project, "s1"));
  CrosscheckAnnotation *link = CROSSCHECK_ANNOTATION (link_at (project, 0));

  g_assert_cmpstr (crosscheck_annotation_get_note (span), ==, "");
  assert_no_edit (project, span);
  assert_no_edit (project, link);

  /* A note set and then emptied is again no note; emptying it twice is one edit. */
  g_assert_true (crosscheck_project_set_note (project, span, "check the date", &error));
  assert_no_edit (project, span);
  g_assert_true (crosscheck_project_set_note (project, span, "", &error));
  g_assert_no_error (error);
  g_assert_true (crosscheck_project_get_dirty (project));
  assert_no_edit (project, span);

  bytes = crosscheck_project_serialize (project);
  loaded = crosscheck_project_load_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_no_edit (loaded, CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (loaded, "s1")));
  assert_no_edit (loaded, CROSSCHECK_ANNOTATION (link_at (loaded, 0)));
}

static void
test_label_refusals (void)
{
  g_autoptr(CrosscheckProject) project = crosscheck_project_new ();
  CrosscheckLabel *person = crosscheck_project_lookup_label (project, "PERSON");
  struct {
    const char *name;
    CrosscheckLabelKind kind;
    const char *color;
    gunichar key;
  } bad[] = {
    { "PERSON", CROSSCHECK_LABEL_ENTITY, "#000000", 0 },       /* name taken */
    { "TWO WORDS", CROSSCHECK_LABEL_ENTITY, "#000000", 0 },    /* white space */
    { "", CROSSCHECK_LABEL_ENTITY, "#000000", 0 },             /* empty */
    { "QUOTE", CROSSCHECK_LABEL_CLAIM, "#000000", 'p' },       /* key of PERSON */
    { "QUOTE", CROSSCHECK_LABEL_CLAIM, "#000000", 'x' },       /* key of contradicts */
    { "QUOTE", CROSSCHECK_LABEL_CLAIM, "#000000", '7' },       /* digits select by place */
    { "QUOTE", CROSSCHECK_LABEL_CLAIM, "red", 0 },             /* not #rrggbb */
    { "contradicts", CROSSCHECK_LABEL_RELATION, "#000000", 0 }, /* link type taken */
  };
  g_autoptr(CrosscheckLabel) values = crosscheck_label_copy (person);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CrosscheckLabel) label = crosscheck_label_new (bad[i].name, bad[i].kind,
                                                               bad[i].color, bad[i].key);
      g_autoptr(GError) local_error = NULL;

      g_assert_false (crosscheck_project_add_label (project, label, &local_error));
      g_assert_error (local_error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
    }

  /* A label may keep its own key and name when edited, but not become a link type. */
  crosscheck_label_set_color (values, "#000000");
  g_assert_true (crosscheck_project_update_label (project, person, values, &error));
  g_assert_no_error (error);
  crosscheck_label_set_kind (values, CROSSCHECK_LABEL_RELATION);
  g_assert_false (crosscheck_project_update_label (project, person, values, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_labels (project)), ==, 6);
}

static void
test_duplicate_document (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  g_autoptr(CrosscheckDocument) again = crosscheck_document_new_from_text (TEXT_A, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (crosscheck_project_add_document (project, again, &error));
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "already in the project"));
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_documents (project)), ==, 2);
}

/* Keeps a copy of a list model up to date from items-changed alone, so a
 * wrong position or count in the signal shows up as a difference. */
static void
mirror_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_mirror (GListModel *model,
               GPtrArray  *mirror)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, mirror->len);
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (mirror, i));
    }
}

static void
test_models_report_changes (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  GListModel *spans = G_LIST_MODEL (crosscheck_project_get_spans (project));
  GListModel *links = crosscheck_project_get_links (project);
  g_autoptr(GPtrArray) span_mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) link_mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GListModel *labels = crosscheck_project_get_labels (project);

  mirror_items_changed (spans, 0, 0, g_list_model_get_n_items (spans), span_mirror);
  mirror_items_changed (links, 0, 0, g_list_model_get_n_items (links), link_mirror);
  g_signal_connect (spans, "items-changed", G_CALLBACK (mirror_items_changed), span_mirror);
  g_signal_connect (links, "items-changed", G_CALLBACK (mirror_items_changed), link_mirror);

  for (guint i = 0; i < 400; i++)
    {
      guint action = g_rand_int_range (rand, 0, 10);
      guint n_spans = g_list_model_get_n_items (spans);

      if (action < 4)
        {
          CrosscheckDocument *document = document_at (project, g_rand_int_range (rand, 0, 2));
          guint length = crosscheck_document_get_length (document);
          guint start = g_rand_int_range (rand, 0, length - 1);
          guint end = g_rand_int_range (rand, start + 1, MIN (length, start + 12) + 1);
          g_autoptr(CrosscheckLabel) label = g_list_model_get_item (labels, g_rand_int_range (rand, 0, 6));

          crosscheck_project_add_span (project, document, start, end, label, NULL);
        }
      else if (action < 6 && n_spans >= 2)
        {
          CrosscheckLabel *type = crosscheck_project_lookup_link_type (project, "supports");

          crosscheck_project_add_link (project, type, span_at (project, g_rand_int_range (rand, 0, n_spans)),
                                       span_at (project, g_rand_int_range (rand, 0, n_spans)), NULL);
        }
      else if (action < 7 && n_spans > 0)
        crosscheck_project_remove_span (project, span_at (project, g_rand_int_range (rand, 0, n_spans)),
                                        NULL);
      else if (action < 9)
        crosscheck_project_undo (project);
      else
        crosscheck_project_redo (project);

      assert_mirror (spans, span_mirror);
      assert_mirror (links, link_mirror);

      /* The counts kept for the palette agree with a recount. */
      for (guint j = 0; j < 6; j++)
        {
          g_autoptr(CrosscheckLabel) label = g_list_model_get_item (labels, j);
          guint expected = 0;

          for (guint k = 0; k < g_list_model_get_n_items (spans); k++)
            expected += crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span_at (project, k))) == label;
          g_assert_cmpuint (crosscheck_project_count_label (project, label), ==, expected);
        }
      g_assert_cmpuint (crosscheck_project_count_label (project, crosscheck_project_lookup_link_type (project, "supports"))
                        + crosscheck_project_count_label (project, crosscheck_project_lookup_link_type (project, "contradicts")),
                        ==, g_list_model_get_n_items (links));

      /* Every span's position is where the list has it. */
      for (guint j = 0; j < g_list_model_get_n_items (spans); j++)
        g_assert_cmpuint (crosscheck_span_list_get_position (crosscheck_project_get_spans (project),
                                                             span_at (project, j)), ==, j);
    }

  g_signal_handlers_disconnect_by_data (spans, span_mirror);
  g_signal_handlers_disconnect_by_data (links, link_mirror);
}

static void
count_change (CrosscheckProject *project,
              CrosscheckSpan    *span,
              guint              change,
              guint             *counts)
{
  counts[change]++;
}

static void
test_span_signals (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  guint counts[3] = { 0, 0, 0 };
  CrosscheckSpan *span;

  g_signal_connect (project, "span-changed", G_CALLBACK (count_change), counts);

  span = tag (project, document_at (project, 0), "aides", "PERSON");
  crosscheck_project_relabel_span (project, span, crosscheck_project_lookup_label (project, "ORGANIZATION"),
                                   NULL);
  crosscheck_project_remove_span (project, span, NULL);
  crosscheck_project_undo (project);

  g_assert_cmpuint (counts[CROSSCHECK_CHANGE_ADDED], ==, 2);
  g_assert_cmpuint (counts[CROSSCHECK_CHANGE_MODIFIED], ==, 1);
  g_assert_cmpuint (counts[CROSSCHECK_CHANGE_REMOVED], ==, 1);
}

static void
test_navigation (void)
{
  g_autoptr(CrosscheckProject) project = make_project ();
  CrosscheckSpanList *list = crosscheck_project_get_spans (project);
  CrosscheckDocument *a = document_at (project, 0);
  CrosscheckSpan *s1 = crosscheck_project_lookup_span (project, "s1");
  CrosscheckSpan *s2 = crosscheck_project_lookup_span (project, "s2");
  g_autoptr(GPtrArray) at = NULL;
  guint start, end;

  g_assert_true (crosscheck_span_list_get_next (list, a, 0, NULL) == s1);
  g_assert_true (crosscheck_span_list_get_next (list, a, 0, s1) == s2);
  g_assert_null (crosscheck_span_list_get_next (list, a, 0, s2));
  g_assert_true (crosscheck_span_list_get_previous (list, a, 0, s2) == s1);
  g_assert_null (crosscheck_span_list_get_previous (list, a, 0, s1));
  g_assert_true (crosscheck_span_list_get_previous (list, a, crosscheck_document_get_length (a), NULL) == s2);

  find (a, "Dumont", &start, &end);
  g_assert_true (crosscheck_span_list_get_next (list, a, start, NULL) == s2);
  at = crosscheck_span_list_get_overlapping (list, a, start, start);
  g_assert_cmpuint (at->len, ==, 1);
  g_assert_true (g_ptr_array_index (at, 0) == s1);
  g_assert_cmpuint (crosscheck_span_list_get_document_count (list, a), ==, 2);
  g_assert_cmpuint (crosscheck_project_count_label (project, crosscheck_project_lookup_label (project, "CLAIM")),
                    ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/project/defaults", test_defaults);
  g_test_add_func ("/core/project/span-refusals", test_span_refusals);
  g_test_add_func ("/core/project/new-span-fields", test_new_span_fields);
  g_test_add_func ("/core/project/link-refusals", test_link_refusals);
  g_test_add_func ("/core/project/attribute-refusals", test_attribute_refusals);
  g_test_add_func ("/core/project/same-values-are-no-edit", test_same_values_are_no_edit);
  g_test_add_func ("/core/project/label-refusals", test_label_refusals);
  g_test_add_func ("/core/project/duplicate-document", test_duplicate_document);
  g_test_add_func ("/core/project/models-report-changes", test_models_report_changes);
  g_test_add_func ("/core/project/span-signals", test_span_signals);
  g_test_add_func ("/core/project/navigation", test_navigation);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/project/undo/%s", edits[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_undoable);
    }

  return g_test_run ();
}
