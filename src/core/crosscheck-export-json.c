/* crosscheck-export-json.c
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

/* The JSON-based formats: jsonl (documents and links), nli (sentence
 * pairs) and webanno (W3C Web Annotation). Each record is one line, keys
 * in a fixed order, so exports diff as well as project files. */

static void
append_member (GString    *out,
               const char *key,
               const char *value)
{
  g_string_append (out, ", ");
  crosscheck_json_append_string (out, key);
  g_string_append (out, ": ");
  if (value != NULL)
    crosscheck_json_append_string (out, value);
  else
    g_string_append (out, "null");
}

static void
append_uint_member (GString    *out,
                    const char *key,
                    guint       value)
{
  g_string_append (out, ", ");
  crosscheck_json_append_string (out, key);
  g_string_append_printf (out, ": %u", value);
}

/* ------------------------------------------------------------------------ */
/* jsonl                                                                     */

/* Walks a text forwards, turning code-point offsets into UTF-16 ones. The
 * spans come sorted by start, so each document is walked once. */
typedef struct
{
  const char *text;
  const char *p;
  guint       offset;
  guint       utf16;
} Utf16Cursor;

static guint
utf16_cursor_seek (Utf16Cursor *cursor,
                   guint        offset)
{
  g_assert (offset >= cursor->offset);

  while (cursor->offset < offset)
    {
      cursor->utf16 += g_utf8_get_char (cursor->p) > 0xffff ? 2 : 1;
      cursor->p = g_utf8_next_char (cursor->p);
      cursor->offset++;
    }

  return cursor->utf16;
}

gboolean
_crosscheck_export_jsonl (CrosscheckExporter  *self,
                          GError             **error)
{
  GString *docs = _crosscheck_exporter_add_file (self, "documents.jsonl");
  GString *links_out = _crosscheck_exporter_add_file (self, "links.jsonl");

  for (guint p = 0; p < self->n_projects; p++)
    {
      GListModel *documents = crosscheck_project_get_documents (self->projects[p]);
      g_autoptr(GPtrArray) links = NULL;

      for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, d);
          g_autoptr(GPtrArray) spans = _crosscheck_export_document_spans (self->projects[p],
                                                                          document);
          g_autofree char *id = _crosscheck_exporter_id (self, p,
                                                         crosscheck_document_get_id (document));
          Utf16Cursor cursor = { 0 };

          cursor.text = cursor.p = crosscheck_document_get_text (document);

          g_string_append (docs, "{\"id\": ");
          crosscheck_json_append_string (docs, id);
          append_member (docs, "title", crosscheck_document_get_title (document));
          append_member (docs, "source", crosscheck_document_get_source (document));
          append_member (docs, "published", crosscheck_document_get_published (document));
          append_member (docs, "text", crosscheck_document_get_text (document));
          g_string_append (docs, ", \"spans\": [");

          for (guint s = 0; s < spans->len; s++)
            {
              CrosscheckSpan *span = g_ptr_array_index (spans, s);
              CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (span);
              g_autofree char *span_id = _crosscheck_exporter_id (self, p,
                                                                  crosscheck_annotation_get_id (annotation));

              g_string_append (docs, s > 0 ? ", {\"id\": " : "{\"id\": ");
              crosscheck_json_append_string (docs, span_id);
              append_uint_member (docs, "start", crosscheck_span_get_start (span));
              append_uint_member (docs, "end", crosscheck_span_get_end (span));
              if (self->options->utf16_offsets)
                {
                  guint start16 = utf16_cursor_seek (&cursor, crosscheck_span_get_start (span));

                  append_uint_member (docs, "start_utf16", start16);
                  append_uint_member (docs, "end_utf16",
                                      start16 + _crosscheck_export_utf16_length (crosscheck_span_get_text (span), -1));
                }
              append_member (docs, "label",
                             crosscheck_label_get_name (crosscheck_annotation_get_label (annotation)));
              append_member (docs, "text", crosscheck_span_get_text (span));
              g_string_append (docs, ", \"attributes\": ");
              _crosscheck_export_append_attributes (docs, annotation);
              append_member (docs, "note", crosscheck_annotation_get_note (annotation));
              append_member (docs, "annotator", crosscheck_annotation_get_annotator (annotation));
              if (crosscheck_annotation_get_review (annotation) != NULL)
                append_member (docs, "needs_review", crosscheck_annotation_get_review (annotation));
              g_string_append_c (docs, '}');
            }

          g_string_append (docs, "]}\n");

          if (!_crosscheck_exporter_document_done (self, error))
            return FALSE;
        }

      links = _crosscheck_export_links_in_order (self->projects[p]);
      for (guint l = 0; l < links->len; l++)
        {
          CrosscheckLink *link = g_ptr_array_index (links, l);
          CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (link);
          CrosscheckSpan *from = crosscheck_link_get_from (link);
          CrosscheckSpan *to = crosscheck_link_get_to (link);
          CrosscheckLabel *type = crosscheck_link_get_link_type (link);
          g_autofree char *link_id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (annotation));
          g_autofree char *from_id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (from)));
          g_autofree char *to_id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (to)));
          g_autofree char *from_doc = _crosscheck_exporter_id (self, p, crosscheck_document_get_id (crosscheck_span_get_document (from)));
          g_autofree char *to_doc = _crosscheck_exporter_id (self, p, crosscheck_document_get_id (crosscheck_span_get_document (to)));

          g_string_append (links_out, "{\"id\": ");
          crosscheck_json_append_string (links_out, link_id);
          append_member (links_out, "type", crosscheck_label_get_name (type));
          g_string_append_printf (links_out, ", \"symmetric\": %s",
                                  crosscheck_label_get_symmetric (type) ? "true" : "false");
          append_member (links_out, "from", from_id);
          append_member (links_out, "to", to_id);
          append_member (links_out, "from_document", from_doc);
          append_member (links_out, "to_document", to_doc);
          append_member (links_out, "from_text", crosscheck_span_get_text (from));
          append_member (links_out, "to_text", crosscheck_span_get_text (to));
          g_string_append (links_out, ", \"attributes\": ");
          _crosscheck_export_append_attributes (links_out, annotation);
          append_member (links_out, "note", crosscheck_annotation_get_note (annotation));
          append_member (links_out, "annotator", crosscheck_annotation_get_annotator (annotation));
          g_string_append (links_out, "}\n");
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* nli                                                                       */

/* The sentences of each document, segmented once. */
static GArray *
sentences_of (GHashTable         *cache,
              CrosscheckDocument *document)
{
  GArray *sentences = g_hash_table_lookup (cache, document);

  if (sentences == NULL)
    {
      g_autofree CrosscheckLogAttr *attrs = _crosscheck_export_log_attrs (document);

      sentences = _crosscheck_export_sentences (document, attrs);
      g_hash_table_insert (cache, document, sentences);
    }

  return sentences;
}

/* The sentence or sentences that hold @span: from the first sentence that
 * ends after its start to the last that starts before its end. */
static CrosscheckRange
context_of (GHashTable     *cache,
            CrosscheckSpan *span)
{
  GArray *sentences = sentences_of (cache, crosscheck_span_get_document (span));
  guint start = crosscheck_span_get_start (span);
  guint end = crosscheck_span_get_end (span);
  CrosscheckRange range = { start, end };

  for (guint i = 0; i < sentences->len; i++)
    {
      const CrosscheckRange *sentence = &g_array_index (sentences, CrosscheckRange, i);

      if (sentence->end > start && sentence->start < end)
        {
          range.start = MIN (range.start, sentence->start);
          range.end = MAX (range.end, sentence->end);
        }
    }

  return range;
}

static void
side_of (GHashTable     *cache,
         CrosscheckSpan *span,
         char          **sentence,
         guint          *start)
{
  CrosscheckRange range = context_of (cache, span);

  *sentence = crosscheck_document_dup_slice (crosscheck_span_get_document (span),
                                             range.start, range.end);
  *start = crosscheck_span_get_start (span) - range.start;
}

/* Spans in pairs whose notes or attributes NLI has no place for. */
static void
note_dropped (CrosscheckExporter *self,
              GPtrArray          *dropped,
              guint               project,
              CrosscheckSpan     *span)
{
  CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (span);
  g_autofree char *id = NULL;

  if (dropped == NULL ||
      (*crosscheck_annotation_get_note (annotation) == '\0' &&
       crosscheck_annotation_get_n_attributes (annotation) == 0))
    return;

  id = _crosscheck_exporter_id (self, project, crosscheck_annotation_get_id (annotation));
  if (!g_ptr_array_find_with_equal_func (dropped, id, g_str_equal, NULL))
    g_ptr_array_add (dropped, g_steal_pointer (&id));
}

static void
append_pair (CrosscheckExporter *self,
             GString            *out,
             GHashTable         *cache,
             GPtrArray          *dropped,
             guint               project,
             const char         *pair_id,
             const char         *gold_label,
             CrosscheckSpan     *span1,
             CrosscheckSpan     *span2,
             const char         *contradiction_type)
{
  g_autofree char *sentence1 = NULL;
  g_autofree char *sentence2 = NULL;
  g_autofree char *doc1 = _crosscheck_exporter_id (self, project, crosscheck_document_get_id (crosscheck_span_get_document (span1)));
  g_autofree char *doc2 = _crosscheck_exporter_id (self, project, crosscheck_document_get_id (crosscheck_span_get_document (span2)));
  g_autofree char *id1 = _crosscheck_exporter_id (self, project, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span1)));
  g_autofree char *id2 = _crosscheck_exporter_id (self, project, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span2)));
  guint start1, start2;

  note_dropped (self, dropped, project, span1);
  note_dropped (self, dropped, project, span2);
  side_of (cache, span1, &sentence1, &start1);
  side_of (cache, span2, &sentence2, &start2);

  g_string_append (out, "{\"pairID\": ");
  crosscheck_json_append_string (out, pair_id);
  append_member (out, "gold_label", gold_label);
  append_member (out, "sentence1", sentence1);
  append_member (out, "sentence2", sentence2);
  append_member (out, "document1", doc1);
  append_member (out, "document2", doc2);
  append_member (out, "span1", id1);
  append_member (out, "span2", id2);
  append_member (out, "span1_text", crosscheck_span_get_text (span1));
  append_member (out, "span2_text", crosscheck_span_get_text (span2));
  append_uint_member (out, "span1_start", start1);
  append_uint_member (out, "span1_end", start1 + crosscheck_span_get_end (span1) - crosscheck_span_get_start (span1));
  append_uint_member (out, "span2_start", start2);
  append_uint_member (out, "span2_end", start2 + crosscheck_span_get_end (span2) - crosscheck_span_get_start (span2));
  if (contradiction_type != NULL)
    append_member (out, "contradiction_type", contradiction_type);
  g_string_append (out, "}\n");
}

/* SplitMix64 (Steele, Lea and Flood, 2014): small, fully specified, easy
 * to reproduce in any language, so a sample can be checked outside
 * Crosscheck (docs/format.md gives the same steps in Python). */
static guint64
splitmix64 (guint64 *state)
{
  guint64 z;

  *state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  z = *state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);

  return z ^ (z >> 31);
}

typedef struct
{
  guint           project;
  CrosscheckSpan *span1;
  CrosscheckSpan *span2;
  guint           order;
} NeutralPair;

static int
compare_neutral (gconstpointer a,
                 gconstpointer b)
{
  const NeutralPair *pa = a;
  const NeutralPair *pb = b;

  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

static gboolean
spans_linked (CrosscheckProject *project,
              CrosscheckSpan    *a,
              CrosscheckSpan    *b)
{
  g_autoptr(GPtrArray) links = crosscheck_project_get_links_of_span (project, a);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      CrosscheckLink *link = g_ptr_array_index (links, i);

      if (crosscheck_link_get_from (link) == b || crosscheck_link_get_to (link) == b)
        return TRUE;
    }

  return FALSE;
}

/* Neutral pairs: claims in different documents of one project that no
 * link joins. Candidates are listed in a fixed order (project, then first
 * claim, then second claim, both in file order), the first @n places of a
 * Fisher–Yates shuffle driven by SplitMix64 pick the sample, and the sample
 * is written in candidate order. */
static void
append_neutral_pairs (CrosscheckExporter *self,
                      GString            *out,
                      GHashTable         *cache,
                      GPtrArray          *dropped)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (NeutralPair));
  guint64 state = self->options->seed;
  guint n;

  for (guint p = 0; p < self->n_projects; p++)
    {
      CrosscheckProject *project = self->projects[p];
      GListModel *spans = G_LIST_MODEL (crosscheck_project_get_spans (project));
      g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
        {
          g_autoptr(CrosscheckSpan) span = g_list_model_get_item (spans, i);
          CrosscheckLabel *label = crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span));

          if (crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_CLAIM)
            g_ptr_array_add (claims, g_steal_pointer (&span));
        }

      for (guint i = 0; i < claims->len; i++)
        for (guint j = i + 1; j < claims->len; j++)
          {
            NeutralPair pair = { p, g_ptr_array_index (claims, i), g_ptr_array_index (claims, j),
                                 candidates->len };

            if (crosscheck_span_get_document (pair.span1) == crosscheck_span_get_document (pair.span2) ||
                spans_linked (project, pair.span1, pair.span2))
              continue;
            g_array_append_val (candidates, pair);
          }
    }

  n = MIN (self->options->neutral, candidates->len);
  if (n < self->options->neutral)
    _crosscheck_exporter_warn (self,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Only %u neutral pair could be made (%u asked for): "
                                            "there are no more unlinked claims in different documents",
                                            "Only %u neutral pairs could be made (%u asked for): "
                                            "there are no more unlinked claims in different documents",
                                            n),
                               n, self->options->neutral);

  for (guint i = 0; i < n; i++)
    {
      guint j = i + (guint) (splitmix64 (&state) % (candidates->len - i));
      NeutralPair tmp = g_array_index (candidates, NeutralPair, i);

      g_array_index (candidates, NeutralPair, i) = g_array_index (candidates, NeutralPair, j);
      g_array_index (candidates, NeutralPair, j) = tmp;
    }
  g_array_set_size (candidates, n);
  g_array_sort (candidates, compare_neutral);

  for (guint i = 0; i < candidates->len; i++)
    {
      NeutralPair *pair = &g_array_index (candidates, NeutralPair, i);
      g_autofree char *id1 = _crosscheck_exporter_id (self, pair->project, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (pair->span1)));
      g_autofree char *id2 = _crosscheck_exporter_id (self, pair->project, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (pair->span2)));
      g_autofree char *pair_id = g_strconcat (id1, "+", id2, NULL);

      append_pair (self, out, cache, dropped, pair->project, pair_id, "neutral", pair->span1, pair->span2,
                   NULL);
    }
}

gboolean
_crosscheck_export_nli (CrosscheckExporter  *self,
                        GError             **error)
{
  GString *out = _crosscheck_exporter_add_file (self, "nli.jsonl");
  g_autoptr(GHashTable) cache = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) other_links = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) link_notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) link_attributes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) span_dropped = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < self->n_projects; p++)
    {
      g_autoptr(GPtrArray) links = _crosscheck_export_links_in_order (self->projects[p]);
      guint n_documents = g_list_model_get_n_items (crosscheck_project_get_documents (self->projects[p]));

      for (guint l = 0; l < links->len; l++)
        {
          CrosscheckLink *link = g_ptr_array_index (links, l);
          CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (link);
          const char *type = crosscheck_label_get_name (crosscheck_link_get_link_type (link));
          const char *contradiction_type = crosscheck_annotation_get_attribute (annotation,
                                                                                "contradiction_type");
          g_autofree char *id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (annotation));
          const char *gold_label;
          guint n_kept = contradiction_type != NULL ? 1 : 0;

          if (g_str_equal (type, "contradicts"))
            gold_label = "contradiction";
          else if (g_str_equal (type, "supports"))
            gold_label = "entailment";
          else
            {
              g_ptr_array_add (other_links, g_steal_pointer (&id));
              continue;
            }

          if (*crosscheck_annotation_get_note (annotation) != '\0')
            g_ptr_array_add (link_notes, g_strdup (id));
          if (crosscheck_annotation_get_n_attributes (annotation) > n_kept)
            g_ptr_array_add (link_attributes, g_strdup (id));

          append_pair (self, out, cache, span_dropped, p, id, gold_label,
                       crosscheck_link_get_from (link), crosscheck_link_get_to (link),
                       contradiction_type);
        }

      /* Pairs are made per link, not per document; progress still counts
       * documents so that it adds up across formats. */
      for (guint d = 0; d < n_documents; d++)
        if (!_crosscheck_exporter_document_done (self, error))
          return FALSE;
    }

  if (self->options->neutral > 0)
    append_neutral_pairs (self, out, cache, span_dropped);

  CROSSCHECK_EXPORTER_WARN_IDS (self, other_links,
                                "NLI pairs come from contradicts and supports links only; "
                                "%u link of another type was left out: %s",
                                "NLI pairs come from contradicts and supports links only; "
                                "%u links of other types were left out: %s");
  CROSSCHECK_EXPORTER_WARN_IDS (self, link_notes,
                                "NLI pairs have no notes; the note of %u link was left out: %s",
                                "NLI pairs have no notes; the notes of %u links were left out: %s");
  CROSSCHECK_EXPORTER_WARN_IDS (self, span_dropped,
                                "NLI pairs have no place for the notes and attributes of spans; "
                                "those of %u span were left out: %s",
                                "NLI pairs have no place for the notes and attributes of spans; "
                                "those of %u spans were left out: %s");
  CROSSCHECK_EXPORTER_WARN_IDS (self, link_attributes,
                                "NLI pairs hold only contradiction_type; other attributes of "
                                "%u link were left out: %s",
                                "NLI pairs hold only contradiction_type; other attributes of "
                                "%u links were left out: %s");

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* webanno                                                                   */

/* How much context a TextQuoteSelector carries on each side. */
#define QUOTE_CONTEXT 32

static char *
document_file_name (CrosscheckExporter *self,
                    guint               project,
                    CrosscheckDocument *document)
{
  g_autofree char *id = _crosscheck_exporter_id (self, project,
                                                 crosscheck_document_get_id (document));

  return g_strconcat (id, ".txt", NULL);
}

static void
append_target (CrosscheckExporter *self,
               GString            *out,
               guint               project,
               CrosscheckSpan     *span)
{
  CrosscheckDocument *document = crosscheck_span_get_document (span);
  guint start = crosscheck_span_get_start (span);
  guint end = crosscheck_span_get_end (span);
  guint length = crosscheck_document_get_length (document);
  g_autofree char *source = document_file_name (self, project, document);
  g_autofree char *prefix = crosscheck_document_dup_slice (document,
                                                           start > QUOTE_CONTEXT ? start - QUOTE_CONTEXT : 0,
                                                           start);
  g_autofree char *suffix = crosscheck_document_dup_slice (document, end,
                                                           MIN (length, end + QUOTE_CONTEXT));

  g_string_append (out, "{\"type\": \"SpecificResource\"");
  append_member (out, "source", source);
  g_string_append (out, ", \"selector\": [{\"type\": \"TextQuoteSelector\"");
  append_member (out, "exact", crosscheck_span_get_text (span));
  append_member (out, "prefix", prefix);
  append_member (out, "suffix", suffix);
  g_string_append (out, "}, {\"type\": \"TextPositionSelector\"");
  append_uint_member (out, "start", start);
  append_uint_member (out, "end", end);
  g_string_append (out, "}]}");
}

/* The label, the note and the attributes, as W3C bodies. */
static void
append_bodies (GString              *out,
               CrosscheckAnnotation *annotation)
{
  g_auto(GStrv) names = crosscheck_annotation_dup_attribute_names (annotation);

  g_string_append (out, ", \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\"");
  append_member (out, "value", crosscheck_label_get_name (crosscheck_annotation_get_label (annotation)));
  g_string_append_c (out, '}');

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *value = g_strconcat (names[i], "=",
                                            crosscheck_annotation_get_attribute (annotation, names[i]),
                                            NULL);

      g_string_append (out, ", {\"type\": \"TextualBody\", \"purpose\": \"classifying\"");
      append_member (out, "value", value);
      g_string_append_c (out, '}');
    }

  if (*crosscheck_annotation_get_note (annotation) != '\0')
    {
      g_string_append (out, ", {\"type\": \"TextualBody\", \"purpose\": \"commenting\"");
      append_member (out, "value", crosscheck_annotation_get_note (annotation));
      g_string_append_c (out, '}');
    }

  g_string_append_c (out, ']');
}

static void
append_provenance (GString              *out,
                   CrosscheckAnnotation *annotation)
{
  const char *annotator = crosscheck_annotation_get_annotator (annotation);

  if (annotator != NULL && *annotator != '\0')
    {
      g_string_append (out, ", \"creator\": {\"type\": \"Person\"");
      append_member (out, "name", annotator);
      g_string_append_c (out, '}');
    }
  if (crosscheck_annotation_get_created (annotation) != NULL)
    append_member (out, "created", crosscheck_annotation_get_created (annotation));
  if (crosscheck_annotation_get_modified (annotation) != NULL)
    append_member (out, "modified", crosscheck_annotation_get_modified (annotation));
}

gboolean
_crosscheck_export_webanno (CrosscheckExporter  *self,
                            GError             **error)
{
  GString *out = _crosscheck_exporter_add_file (self, "annotations.jsonld");
  g_autoptr(GString) items = g_string_new (NULL);
  guint total = 0;

  for (guint p = 0; p < self->n_projects; p++)
    {
      GListModel *documents = crosscheck_project_get_documents (self->projects[p]);
      g_autoptr(GPtrArray) links = _crosscheck_export_links_in_order (self->projects[p]);

      for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, d);
          g_autoptr(GPtrArray) spans = _crosscheck_export_document_spans (self->projects[p],
                                                                          document);
          g_autofree char *name = document_file_name (self, p, document);
          GString *text = _crosscheck_exporter_add_file (self, name);

          g_string_append (text, crosscheck_document_get_text (document));

          for (guint s = 0; s < spans->len; s++)
            {
              CrosscheckAnnotation *annotation = g_ptr_array_index (spans, s);
              g_autofree char *id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (annotation));
              g_autofree char *iri = g_strconcat ("#", id, NULL);

              g_string_append (items, total++ > 0 ? ",\n      {\"id\": " : "      {\"id\": ");
              crosscheck_json_append_string (items, iri);
              g_string_append (items, ", \"type\": \"Annotation\", \"motivation\": \"tagging\"");
              append_provenance (items, annotation);
              append_bodies (items, annotation);
              g_string_append (items, ", \"target\": ");
              append_target (self, items, p, CROSSCHECK_SPAN (annotation));
              g_string_append_c (items, '}');
            }

          if (!_crosscheck_exporter_document_done (self, error))
            return FALSE;
        }

      for (guint l = 0; l < links->len; l++)
        {
          CrosscheckLink *link = g_ptr_array_index (links, l);
          CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (link);
          g_autofree char *id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (annotation));
          g_autofree char *iri = g_strconcat ("#", id, NULL);

          g_string_append (items, total++ > 0 ? ",\n      {\"id\": " : "      {\"id\": ");
          crosscheck_json_append_string (items, iri);
          g_string_append (items, ", \"type\": \"Annotation\", \"motivation\": \"linking\"");
          append_provenance (items, annotation);
          append_bodies (items, annotation);
          g_string_append (items, ", \"target\": [");
          append_target (self, items, p, crosscheck_link_get_from (link));
          g_string_append (items, ", ");
          append_target (self, items, p, crosscheck_link_get_to (link));
          g_string_append (items, "]}");
        }
    }

  g_string_append (out,
                   "{\n"
                   "  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
                   "  \"type\": \"AnnotationCollection\",\n"
                   "  \"label\": \"Crosscheck export\",\n");
  g_string_append_printf (out, "  \"total\": %u,\n", total);
  g_string_append (out,
                   "  \"first\": {\n"
                   "    \"type\": \"AnnotationPage\",\n"
                   "    \"items\": [\n");
  g_string_append_len (out, items->str, items->len);
  g_string_append (out, total > 0 ? "\n    ]\n  }\n}\n" : "    ]\n  }\n}\n");

  return TRUE;
}
