/* crosscheck-export-tokens.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-export-private.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-project.h"
#include "crosscheck-span.h"
#include "crosscheck-utils.h"

/* The entity formats: conll (IOB2 lines), hf (token classification JSON
 * Lines) and spacy (character offsets for doc.ents and doc.spans). They
 * hold entities that do not overlap, and nothing about links, notes or
 * attributes; all of that is reported, never dropped in silence. */

typedef struct
{
  guint start;
  guint end;
  guint sentence;
  int   label;     /* index into the entity label names, or -1 for O */
  guint begin : 1; /* B- rather than I- */
} Token;

/* What every entity format reports at the end. */
typedef struct
{
  GPtrArray *overlapping;  /* ids of entities left out */
  GPtrArray *cutting;      /* ids of entities that cut a token */
  GPtrArray *unplaced;     /* ids of entities that got no token */
  guint      n_claims;
  guint      n_links;
  guint      n_notes;
  guint      n_attributes;
} Report;

static void
report_init (Report *report)
{
  memset (report, 0, sizeof *report);
  report->overlapping = g_ptr_array_new_with_free_func (g_free);
  report->cutting = g_ptr_array_new_with_free_func (g_free);
  report->unplaced = g_ptr_array_new_with_free_func (g_free);
}

static void
report_clear (Report *report)
{
  g_ptr_array_unref (report->overlapping);
  g_ptr_array_unref (report->cutting);
  g_ptr_array_unref (report->unplaced);
}

/* Counts what none of the entity formats hold: links, notes, attributes
 * and (unless @claims_kept) spans of claim labels. */
static void
report_count_project (Report            *report,
                      CrosscheckProject *project,
                      gboolean           claims_kept)
{
  GListModel *spans = G_LIST_MODEL (crosscheck_project_get_spans (project));
  GListModel *links = crosscheck_project_get_links (project);

  report->n_links += g_list_model_get_n_items (links);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CrosscheckAnnotation) link = g_list_model_get_item (links, i);

      report->n_notes += *crosscheck_annotation_get_note (link) != '\0';
      report->n_attributes += crosscheck_annotation_get_n_attributes (link) > 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(CrosscheckSpan) span = g_list_model_get_item (spans, i);
      CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (span);

      if (!_crosscheck_export_span_is_entity (span) && !claims_kept)
        {
          report->n_claims++;
          continue;
        }
      report->n_notes += *crosscheck_annotation_get_note (annotation) != '\0';
      report->n_attributes += crosscheck_annotation_get_n_attributes (annotation) > 0;
    }
}

static void
report_warn (CrosscheckExporter *self,
             Report             *report,
             const char         *format)
{
  CROSSCHECK_EXPORTER_WARN_IDS (self, report->overlapping,
                                "Overlapping entities cannot be tagged; %u entity that overlaps "
                                "one kept before it was left out: %s",
                                "Overlapping entities cannot be tagged; %u entities that overlap "
                                "ones kept before them were left out: %s");
  CROSSCHECK_EXPORTER_WARN_IDS (self, report->cutting,
                                "%u entity starts or ends inside a token, so its tags cover the "
                                "whole token: %s",
                                "%u entities start or end inside a token, so their tags cover "
                                "the whole tokens: %s");
  CROSSCHECK_EXPORTER_WARN_IDS (self, report->unplaced,
                                "%u entity has no token of its own and was left out: %s",
                                "%u entities have no token of their own and were left out: %s");
  if (report->n_claims > 0)
    _crosscheck_exporter_warn (self, g_dngettext (GETTEXT_PACKAGE,
                                                  "%s holds entity labels only; %u span of a "
                                                  "claim label was left out",
                                                  "%s holds entity labels only; %u spans of "
                                                  "claim labels were left out", report->n_claims),
                               format, report->n_claims);
  if (report->n_links > 0)
    _crosscheck_exporter_warn (self, g_dngettext (GETTEXT_PACKAGE,
                                                  "%s has no links; %u link was left out",
                                                  "%s has no links; %u links were left out",
                                                  report->n_links),
                               format, report->n_links);
  if (report->n_notes > 0)
    _crosscheck_exporter_warn (self, g_dngettext (GETTEXT_PACKAGE,
                                                  "%s has no notes; %u note was left out",
                                                  "%s has no notes; %u notes were left out",
                                                  report->n_notes),
                               format, report->n_notes);
  if (report->n_attributes > 0)
    _crosscheck_exporter_warn (self, g_dngettext (GETTEXT_PACKAGE,
                                                  "%s has no attributes; those of %u annotation "
                                                  "were left out",
                                                  "%s has no attributes; those of %u annotations "
                                                  "were left out", report->n_attributes),
                               format, report->n_attributes);
}

/* ------------------------------------------------------------------------ */

/* The entity label names of every project, in palette order, each once. */
static GPtrArray *
entity_label_names (CrosscheckExporter *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < self->n_projects; p++)
    {
      GListModel *labels = crosscheck_project_get_labels (self->projects[p]);

      for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
        {
          g_autoptr(CrosscheckLabel) label = g_list_model_get_item (labels, i);
          const char *name = crosscheck_label_get_name (label);

          if (crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_ENTITY &&
              !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            g_ptr_array_add (names, g_strdup (name));
        }
    }

  return names;
}

static int
label_index (GPtrArray      *names,
             CrosscheckSpan *span)
{
  const char *name = crosscheck_label_get_name (crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span)));
  guint index;

  if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, &index))
    g_assert_not_reached ();

  return index;
}

/* Order for choosing among overlapping entities: the one that starts first
 * wins; of two that start together, the longer one. */
static int
compare_for_choice (gconstpointer a,
                    gconstpointer b)
{
  CrosscheckSpan *sa = *(CrosscheckSpan **) a;
  CrosscheckSpan *sb = *(CrosscheckSpan **) b;
  guint a0 = crosscheck_span_get_start (sa), b0 = crosscheck_span_get_start (sb);
  guint a1 = crosscheck_span_get_end (sa), b1 = crosscheck_span_get_end (sb);

  if (a0 != b0)
    return a0 < b0 ? -1 : 1;
  if (a1 != b1)
    return a1 > b1 ? -1 : 1;

  return crosscheck_span_compare (sa, sb);
}

/* The entities of a document that do not overlap, in text order; the ones
 * that had to go are added to the report. */
static GPtrArray *
choose_entities (CrosscheckExporter *self,
                 guint               project,
                 CrosscheckDocument *document,
                 Report             *report)
{
  g_autoptr(GPtrArray) spans = _crosscheck_export_document_spans (self->projects[project],
                                                                  document);
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);
  guint reach = 0;

  g_ptr_array_sort (spans, compare_for_choice);

  for (guint i = 0; i < spans->len; i++)
    {
      CrosscheckSpan *span = g_ptr_array_index (spans, i);

      if (!_crosscheck_export_span_is_entity (span))
        continue;

      if (chosen->len > 0 && crosscheck_span_get_start (span) < reach)
        {
          g_ptr_array_add (report->overlapping,
                           _crosscheck_exporter_id (self, project,
                                                    crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span))));
          continue;
        }

      g_ptr_array_add (chosen, g_object_ref (span));
      reach = crosscheck_span_get_end (span);
    }

  return chosen;
}

/* The tokens of a document with their IOB2 tags. */
static GArray *
tag_document (CrosscheckExporter *self,
              guint               project,
              CrosscheckDocument *document,
              GPtrArray          *label_names,
              Report             *report)
{
  g_autofree CrosscheckLogAttr *attrs = _crosscheck_export_log_attrs (document);
  g_autoptr(GArray) sentences = _crosscheck_export_sentences (document, attrs);
  g_autoptr(GPtrArray) entities = choose_entities (self, project, document, report);
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  guint first = 0;

  for (guint i = 0; i < sentences->len; i++)
    {
      g_autoptr(GArray) pieces = _crosscheck_export_tokens (attrs, &g_array_index (sentences,
                                                                                   CrosscheckRange, i));

      for (guint j = 0; j < pieces->len; j++)
        {
          const CrosscheckRange *piece = &g_array_index (pieces, CrosscheckRange, j);
          Token token = { piece->start, piece->end, i, -1, FALSE };

          g_array_append_val (tokens, token);
        }
    }

  for (guint e = 0; e < entities->len; e++)
    {
      CrosscheckSpan *span = g_ptr_array_index (entities, e);
      guint start = crosscheck_span_get_start (span);
      guint end = crosscheck_span_get_end (span);
      gboolean placed = FALSE;
      gboolean cut = FALSE;
      guint previous_sentence = G_MAXUINT;

      /* Entities come in text order, so the search goes on where the last
       * one stopped. */
      while (first < tokens->len && g_array_index (tokens, Token, first).end <= start)
        first++;

      for (guint t = first; t < tokens->len; t++)
        {
          Token *token = &g_array_index (tokens, Token, t);

          if (token->start >= end)
            break;
          if (token->start < start || token->end > end)
            cut = TRUE;
          if (token->label >= 0)
            continue;

          token->label = label_index (label_names, span);
          /* IOB2: B- on the first token, and again where the entity runs
           * into the next sentence, since sentences are read apart. */
          token->begin = !placed || token->sentence != previous_sentence;
          previous_sentence = token->sentence;
          placed = TRUE;
        }

      if (cut || !placed)
        g_ptr_array_add (placed ? report->cutting : report->unplaced,
                         _crosscheck_exporter_id (self, project,
                                                  crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span))));
    }

  return tokens;
}

static char *
tag_name (GPtrArray   *label_names,
          const Token *token)
{
  if (token->label < 0)
    return g_strdup ("O");

  return g_strconcat (token->begin ? "B-" : "I-",
                      (const char *) g_ptr_array_index (label_names, token->label), NULL);
}

/* ------------------------------------------------------------------------ */

gboolean
_crosscheck_export_conll (CrosscheckExporter  *self,
                          GError             **error)
{
  GString *out = _crosscheck_exporter_add_file (self, "entities.conll");
  g_autoptr(GPtrArray) label_names = entity_label_names (self);
  Report report;
  gboolean ok = TRUE;

  report_init (&report);

  for (guint p = 0; ok && p < self->n_projects; p++)
    {
      GListModel *documents = crosscheck_project_get_documents (self->projects[p]);

      report_count_project (&report, self->projects[p], FALSE);

      for (guint d = 0; ok && d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, d);
          g_autoptr(GArray) tokens = tag_document (self, p, document, label_names, &report);
          const char *text = crosscheck_document_get_text (document);

          g_string_append (out, "-DOCSTART-\tO\n");

          for (guint t = 0; t < tokens->len; t++)
            {
              const Token *token = &g_array_index (tokens, Token, t);
              g_autofree char *tag = tag_name (label_names, token);
              /* Checkpointed look-ups: walking from the start for every
               * token made long articles quadratic. */
              gsize b0 = crosscheck_document_offset_to_byte (document, token->start);
              gsize b1 = crosscheck_document_offset_to_byte (document, token->end);

              if (t == 0 || token->sentence != g_array_index (tokens, Token, t - 1).sentence)
                g_string_append_c (out, '\n');
              g_string_append_len (out, text + b0, b1 - b0);
              g_string_append_c (out, '\t');
              g_string_append (out, tag);
              g_string_append_c (out, '\n');
            }
          g_string_append_c (out, '\n');

          ok = _crosscheck_exporter_document_done (self, error);
        }
    }

  if (ok)
    report_warn (self, &report, "CoNLL");
  report_clear (&report);

  return ok;
}

gboolean
_crosscheck_export_hf (CrosscheckExporter  *self,
                       GError             **error)
{
  GString *out = _crosscheck_exporter_add_file (self, "tokens.jsonl");
  GString *labels_out = _crosscheck_exporter_add_file (self, "labels.json");
  g_autoptr(GPtrArray) label_names = entity_label_names (self);
  Report report;
  gboolean ok = TRUE;

  report_init (&report);

  /* Tag numbers: O is 0, then B- and I- of each label in palette order. */
  g_string_append (labels_out, "[\"O\"");
  for (guint i = 0; i < label_names->len; i++)
    {
      g_autofree char *b = g_strconcat ("B-", (char *) g_ptr_array_index (label_names, i), NULL);
      g_autofree char *in = g_strconcat ("I-", (char *) g_ptr_array_index (label_names, i), NULL);

      g_string_append (labels_out, ", ");
      crosscheck_json_append_string (labels_out, b);
      g_string_append (labels_out, ", ");
      crosscheck_json_append_string (labels_out, in);
    }
  g_string_append (labels_out, "]\n");

  for (guint p = 0; ok && p < self->n_projects; p++)
    {
      GListModel *documents = crosscheck_project_get_documents (self->projects[p]);

      report_count_project (&report, self->projects[p], FALSE);

      for (guint d = 0; ok && d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, d);
          g_autoptr(GArray) tokens = tag_document (self, p, document, label_names, &report);
          g_autofree char *doc_id = _crosscheck_exporter_id (self, p, crosscheck_document_get_id (document));
          g_autoptr(GString) tags = g_string_new (NULL);
          guint t = 0;

          while (t < tokens->len)
            {
              guint sentence = g_array_index (tokens, Token, t).sentence;
              g_autofree char *row_id = g_strdup_printf ("%s/%u", doc_id, sentence);

              g_string_append (out, "{\"id\": ");
              crosscheck_json_append_string (out, row_id);
              g_string_append (out, ", \"document\": ");
              crosscheck_json_append_string (out, doc_id);
              g_string_append (out, ", \"tokens\": [");
              g_string_truncate (tags, 0);

              for (guint first = t; t < tokens->len && g_array_index (tokens, Token, t).sentence == sentence; t++)
                {
                  const Token *token = &g_array_index (tokens, Token, t);
                  g_autofree char *text = crosscheck_document_dup_slice (document, token->start, token->end);
                  int number = token->label < 0 ? 0 : 1 + 2 * token->label + (token->begin ? 0 : 1);

                  if (t > first)
                    {
                      g_string_append (out, ", ");
                      g_string_append (tags, ", ");
                    }
                  crosscheck_json_append_string (out, text);
                  g_string_append_printf (tags, "%d", number);
                }

              g_string_append (out, "], \"ner_tags\": [");
              g_string_append_len (out, tags->str, tags->len);
              g_string_append (out, "]}\n");
            }

          ok = _crosscheck_exporter_document_done (self, error);
        }
    }

  if (ok)
    report_warn (self, &report, "Hugging Face");
  report_clear (&report);

  return ok;
}

static void
append_offsets (GString        *out,
                CrosscheckSpan *span)
{
  g_string_append_printf (out, "[%u, %u, ", crosscheck_span_get_start (span),
                          crosscheck_span_get_end (span));
  crosscheck_json_append_string (out, crosscheck_label_get_name (crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span))));
  g_string_append_c (out, ']');
}

gboolean
_crosscheck_export_spacy (CrosscheckExporter  *self,
                          GError             **error)
{
  GString *ents = _crosscheck_exporter_add_file (self, "spacy-entities.json");
  GString *all = _crosscheck_exporter_add_file (self, "spacy-spans.json");
  Report report;
  gboolean ok = TRUE;
  gboolean first_doc = TRUE;

  report_init (&report);
  g_string_append (ents, "[\n");
  g_string_append (all, "[\n");

  for (guint p = 0; ok && p < self->n_projects; p++)
    {
      GListModel *documents = crosscheck_project_get_documents (self->projects[p]);

      /* Claims are kept, in the second file. */
      report_count_project (&report, self->projects[p], TRUE);

      for (guint d = 0; ok && d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, d);
          g_autoptr(GPtrArray) entities = choose_entities (self, p, document, &report);
          g_autoptr(GPtrArray) spans = _crosscheck_export_document_spans (self->projects[p], document);
          const char *text = crosscheck_document_get_text (document);

          g_string_append (ents, first_doc ? "  [" : ",\n  [");
          crosscheck_json_append_string (ents, text);
          g_string_append (ents, ", {\"entities\": [");
          for (guint i = 0; i < entities->len; i++)
            {
              if (i > 0)
                g_string_append (ents, ", ");
              append_offsets (ents, g_ptr_array_index (entities, i));
            }
          g_string_append (ents, "]}]");

          g_string_append (all, first_doc ? "  [" : ",\n  [");
          crosscheck_json_append_string (all, text);
          g_string_append (all, ", {\"spans\": {\"sc\": [");
          for (guint i = 0; i < spans->len; i++)
            {
              if (i > 0)
                g_string_append (all, ", ");
              append_offsets (all, g_ptr_array_index (spans, i));
            }
          g_string_append (all, "]}}]");

          first_doc = FALSE;
          ok = _crosscheck_exporter_document_done (self, error);
        }
    }

  g_string_append (ents, "\n]\n");
  g_string_append (all, "\n]\n");

  if (ok)
    report_warn (self, &report, "spaCy");
  report_clear (&report);

  return ok;
}
