/* crosscheck-export.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pango.h>
#include <string.h>

#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-export-private.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"
#include "crosscheck-utils.h"

/* The exporters turn one or more projects into the files of a dataset
 * format, all in one folder. Everything is built in memory first; only a
 * complete, uncancelled export touches the disk, each file atomically. */

G_DEFINE_QUARK (crosscheck-export-error-quark, crosscheck_export_error)

typedef gboolean (*ExportFunc) (CrosscheckExporter  *self,
                                GError             **error);

static const struct
{
  const char *name;
  const char *title;
  const char *summary;
  ExportFunc  func;
} formats[CROSSCHECK_EXPORT_N_FORMATS] = {
  [CROSSCHECK_EXPORT_JSONL] = {
    "jsonl", N_("JSON Lines"),
    N_("documents.jsonl with every span, and links.jsonl"),
    _crosscheck_export_jsonl },
  [CROSSCHECK_EXPORT_NLI] = {
    "nli", N_("NLI pairs"),
    N_("nli.jsonl: one SNLI-style sentence pair per contradicts or supports link"),
    _crosscheck_export_nli },
  [CROSSCHECK_EXPORT_CONLL] = {
    "conll", N_("CoNLL IOB2"),
    N_("entities.conll: one token and its IOB2 tag per line"),
    _crosscheck_export_conll },
  [CROSSCHECK_EXPORT_HF] = {
    "hf", N_("Hugging Face NER"),
    N_("tokens.jsonl with integer tags, and labels.json"),
    _crosscheck_export_hf },
  [CROSSCHECK_EXPORT_SPACY] = {
    "spacy", N_("spaCy training data"),
    N_("spacy-entities.json for doc.ents, and spacy-spans.json for doc.spans"),
    _crosscheck_export_spacy },
  [CROSSCHECK_EXPORT_BRAT] = {
    "brat", N_("brat standoff"),
    N_(".txt and .ann per document, annotation.conf and visual.conf"),
    _crosscheck_export_brat },
  [CROSSCHECK_EXPORT_WEBANNO] = {
    "webanno", N_("W3C Web Annotation"),
    N_("annotations.jsonld (JSON-LD) and a .txt per document"),
    _crosscheck_export_webanno },
};

/**
 * crosscheck_export_options_init:
 * @options: options to fill with the defaults
 */
void
crosscheck_export_options_init (CrosscheckExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->seed = CROSSCHECK_EXPORT_DEFAULT_SEED;
}

/**
 * crosscheck_export_format_to_string:
 * @format: a format
 *
 * Returns: the name used on the command line (`jsonl`, `brat` …)
 */
const char *
crosscheck_export_format_to_string (CrosscheckExportFormat format)
{
  g_return_val_if_fail (format < CROSSCHECK_EXPORT_N_FORMATS, NULL);

  return formats[format].name;
}

/**
 * crosscheck_export_format_from_string:
 * @name: a format name as on the command line
 * @format: (out): the format
 *
 * Returns: %TRUE if @name is a format
 */
gboolean
crosscheck_export_format_from_string (const char             *name,
                                      CrosscheckExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; name != NULL && i < CROSSCHECK_EXPORT_N_FORMATS; i++)
    {
      if (g_str_equal (name, formats[i].name))
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * crosscheck_export_format_get_title:
 * @format: a format
 *
 * Returns: the format's translated name, for people
 */
const char *
crosscheck_export_format_get_title (CrosscheckExportFormat format)
{
  g_return_val_if_fail (format < CROSSCHECK_EXPORT_N_FORMATS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, formats[format].title);
}

/**
 * crosscheck_export_format_get_summary:
 * @format: a format
 *
 * Returns: a translated line saying which files the format writes
 */
const char *
crosscheck_export_format_get_summary (CrosscheckExportFormat format)
{
  g_return_val_if_fail (format < CROSSCHECK_EXPORT_N_FORMATS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, formats[format].summary);
}

/**
 * crosscheck_export_make_prefix:
 * @path: a project file's path
 *
 * The prefix that keeps the ids of several projects apart in one dataset:
 * the file's name without `.crosscheck.json`, with every character that
 * ids may not hold replaced by `_`. Exported ids read `PREFIX/ID`; `/`
 * never occurs in an id, so they cannot clash.
 *
 * Returns: (transfer full): the prefix
 */
char *
crosscheck_export_make_prefix (const char *path)
{
  g_autofree char *base = NULL;
  GString *prefix;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  if (g_str_has_suffix (base, CROSSCHECK_PROJECT_SUFFIX) &&
      strlen (base) > strlen (CROSSCHECK_PROJECT_SUFFIX))
    base[strlen (base) - strlen (CROSSCHECK_PROJECT_SUFFIX)] = '\0';
  else if (g_str_has_suffix (base, ".json") && strlen (base) > strlen (".json"))
    base[strlen (base) - strlen (".json")] = '\0';

  prefix = g_string_new (NULL);
  for (const char *p = base; *p != '\0'; p++)
    g_string_append_c (prefix, g_ascii_isalnum (*p) || strchr ("_.-", *p) ? *p : '_');

  return g_string_free (prefix, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Shared by the formats                                                     */

static void
export_file_free (gpointer data)
{
  CrosscheckExportFile *file = data;

  g_free (file->name);
  g_string_free (file->contents, TRUE);
  g_free (file);
}

GString *
_crosscheck_exporter_add_file (CrosscheckExporter *self,
                               const char         *name)
{
  CrosscheckExportFile *file = g_new0 (CrosscheckExportFile, 1);

  file->name = g_strdup (name);
  file->contents = g_string_new (NULL);
  g_ptr_array_add (self->files, file);

  return file->contents;
}

void
_crosscheck_exporter_warn (CrosscheckExporter *self,
                           const char         *format,
                           ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Lists the full set of ids ("s3, s7, s9"), so nobody has to guess which
 * annotations a warning is about. */
void
_crosscheck_exporter_warn_ids (CrosscheckExporter *self,
                               GPtrArray          *ids,
                               const char         *format)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, g_ptr_array_index (ids, i));
    }

  /* @format comes from a translation catalogue, with %u and %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  _crosscheck_exporter_warn (self, format, ids->len, list->str);
#pragma GCC diagnostic pop
}

/* Called once per document: reports progress and notices a cancel. */
gboolean
_crosscheck_exporter_document_done (CrosscheckExporter  *self,
                                    GError             **error)
{
  self->n_done++;

  if (self->progress != NULL && self->n_documents > 0)
    self->progress (MIN (1.0, (double) self->n_done / self->n_documents), self->user_data);

  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

char *
_crosscheck_exporter_id (CrosscheckExporter *self,
                         guint               project,
                         const char         *id)
{
  if (self->prefixes == NULL || self->prefixes[project] == NULL)
    return g_strdup (id);

  return g_strconcat (self->prefixes[project], "/", id, NULL);
}

GPtrArray *
_crosscheck_export_document_spans (CrosscheckProject  *project,
                                   CrosscheckDocument *document)
{
  return crosscheck_span_list_get_overlapping (crosscheck_project_get_spans (project), document,
                                               0, crosscheck_document_get_length (document));
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  CrosscheckAnnotation *la = *(CrosscheckAnnotation **) a;
  CrosscheckAnnotation *lb = *(CrosscheckAnnotation **) b;

  return crosscheck_natural_compare (crosscheck_annotation_get_id (la),
                                     crosscheck_annotation_get_id (lb));
}

/* Links in the file's order: by id, naturally. */
GPtrArray *
_crosscheck_export_links_in_order (CrosscheckProject *project)
{
  GListModel *links = crosscheck_project_get_links (project);
  guint n = g_list_model_get_n_items (links);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (links, i));
  g_ptr_array_sort (array, compare_links);

  return array;
}

/* Appends the annotation's attributes as a JSON object, names sorted. */
void
_crosscheck_export_append_attributes (GString              *out,
                                      CrosscheckAnnotation *annotation)
{
  g_auto(GStrv) names = crosscheck_annotation_dup_attribute_names (annotation);

  g_string_append_c (out, '{');
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      crosscheck_json_append_string (out, names[i]);
      g_string_append (out, ": ");
      crosscheck_json_append_string (out, crosscheck_annotation_get_attribute (annotation,
                                                                               names[i]));
    }
  g_string_append_c (out, '}');
}

gboolean
_crosscheck_export_span_is_entity (CrosscheckSpan *span)
{
  CrosscheckLabel *label = crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span));

  return crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_ENTITY;
}

/* The number of UTF-16 code units of @text: two for each code point past
 * U+FFFF, one for the others. */
guint
_crosscheck_export_utf16_length (const char *text,
                                 gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  guint n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) > 0xffff ? 2 : 1;

  return n;
}

/* ------------------------------------------------------------------------ */
/* Segmentation                                                              */

/* Pango's UAX #29 break attributes for the whole text: one per position,
 * length + 1 of them. */
CrosscheckLogAttr *
_crosscheck_export_log_attrs (CrosscheckDocument *document)
{
  const char *text = crosscheck_document_get_text (document);
  guint n = crosscheck_document_get_length (document) + 1;
  PangoLogAttr *attrs = g_new0 (PangoLogAttr, n);

  pango_get_log_attrs (text, crosscheck_document_get_byte_length (document), -1,
                       pango_language_from_string ("und"), attrs, n);

  return attrs;
}

/* Shrinks @range so that it neither starts nor ends with white space. */
static gboolean
trim_range (const PangoLogAttr *attrs,
            CrosscheckRange    *range)
{
  while (range->start < range->end && attrs[range->start].is_white)
    range->start++;
  while (range->end > range->start && attrs[range->end - 1].is_white)
    range->end--;

  return range->start < range->end;
}

/* The sentences of a document (UAX #29 sentence boundaries), without the
 * white space around them; white-space-only stretches are left out. */
GArray *
_crosscheck_export_sentences (CrosscheckDocument      *document,
                              const CrosscheckLogAttr *attrs)
{
  guint n = crosscheck_document_get_length (document);
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (CrosscheckRange));
  guint start = 0;

  for (guint i = 1; i <= n; i++)
    {
      CrosscheckRange range;

      if (i < n && !attrs[i].is_sentence_boundary)
        continue;

      range.start = start;
      range.end = i;
      start = i;
      if (trim_range (attrs, &range))
        g_array_append_val (sentences, range);
    }

  return sentences;
}

/* The tokens of a sentence: the pieces between UAX #29 word boundaries
 * that are not white space. Punctuation marks are tokens of their own; an
 * emoji sequence is one token. */
GArray *
_crosscheck_export_tokens (const CrosscheckLogAttr *attrs,
                           const CrosscheckRange   *sentence)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (CrosscheckRange));
  guint start = sentence->start;

  for (guint i = sentence->start + 1; i <= sentence->end; i++)
    {
      CrosscheckRange range;

      if (i < sentence->end && !attrs[i].is_word_boundary)
        continue;

      range.start = start;
      range.end = i;
      start = i;
      /* A piece between two boundaries is white space entirely or not at
       * all, except at the sentence's trimmed edges. */
      if (trim_range (attrs, &range))
        g_array_append_val (tokens, range);
    }

  return tokens;
}

/* ------------------------------------------------------------------------ */

static gboolean
write_files (CrosscheckExporter  *self,
             GFile               *directory,
             gboolean             overwrite,
             GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Refuse before writing anything, so that a refused export leaves the
   * folder as it was. */
  if (!overwrite)
    {
      for (guint i = 0; i < self->files->len; i++)
        {
          CrosscheckExportFile *file = g_ptr_array_index (self->files, i);
          g_autoptr(GFile) target = g_file_resolve_relative_path (directory, file->name);

          if (g_file_query_exists (target, NULL))
            {
              g_autofree char *path = g_file_get_parse_name (target);

              g_set_error (error, CROSSCHECK_EXPORT_ERROR, CROSSCHECK_EXPORT_ERROR_EXISTS,
                           _("%s exists already, from an earlier export"), path);
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < self->files->len; i++)
    {
      CrosscheckExportFile *file = g_ptr_array_index (self->files, i);
      g_autoptr(GFile) target = g_file_resolve_relative_path (directory, file->name);
      g_autoptr(GFile) parent = g_file_get_parent (target);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_file_make_directory_with_parents (parent, self->cancellable, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *path = g_file_get_parse_name (parent);

          g_set_error (error, CROSSCHECK_EXPORT_ERROR, CROSSCHECK_EXPORT_ERROR_WRITE,
                       _("Could not create the folder %s: %s"), path, local_error->message);
          return FALSE;
        }
      g_clear_error (&local_error);

      bytes = g_bytes_new (file->contents->str, file->contents->len);
      if (!crosscheck_file_write_atomic (target, bytes, self->cancellable, &local_error))
        {
          g_autofree char *path = g_file_get_parse_name (target);

          g_set_error (error, CROSSCHECK_EXPORT_ERROR, CROSSCHECK_EXPORT_ERROR_WRITE,
                       _("Could not write %s: %s"), path, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/* Spans that re-anchoring could not place for sure are exported where they
 * were left; whoever trains on the dataset should know which. */
static void
warn_needs_review (CrosscheckExporter *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < self->n_projects; p++)
    {
      GListModel *spans = G_LIST_MODEL (crosscheck_project_get_spans (self->projects[p]));

      for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
        {
          g_autoptr(CrosscheckAnnotation) annotation = g_list_model_get_item (spans, i);

          if (crosscheck_annotation_get_review (annotation) != NULL)
            g_ptr_array_add (ids, _crosscheck_exporter_id (self, p,
                                                           crosscheck_annotation_get_id (annotation)));
        }
    }

  CROSSCHECK_EXPORTER_WARN_IDS (self, ids,
                                "%u span still needs review after its article changed and is "
                                "exported where re-anchoring left it: %s",
                                "%u spans still need review after their articles changed and are "
                                "exported where re-anchoring left them: %s");
}

/**
 * crosscheck_export_projects:
 * @projects: (array length=n_projects): the projects to export
 * @prefixes: (array length=n_projects) (nullable): per project, the prefix
 *   of its ids in the dataset (see crosscheck_export_make_prefix()), or
 *   %NULL to keep the ids as they are (right for a single project)
 * @n_projects: the number of projects
 * @format: the format
 * @options: (nullable): options, or %NULL for the defaults
 * @directory: the folder to write into; made if it does not exist
 * @progress: (nullable) (scope call): told how far the export is
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @warnings: (out) (optional) (transfer container) (element-type utf8):
 *   what the format could not hold, one translated sentence each
 * @error: return location for a #GError
 *
 * Writes the projects as one dataset in @format. Nothing is written unless
 * everything could be exported. May run in a worker thread, as long as no
 * other thread touches the projects meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_export_projects (CrosscheckProject             **projects,
                            const char * const             *prefixes,
                            guint                           n_projects,
                            CrosscheckExportFormat          format,
                            const CrosscheckExportOptions  *options,
                            GFile                          *directory,
                            CrosscheckExportProgress        progress,
                            gpointer                        user_data,
                            GCancellable                   *cancellable,
                            GPtrArray                     **warnings,
                            GError                        **error)
{
  CrosscheckExportOptions defaults;
  CrosscheckExporter self = { 0 };
  gboolean ok;

  g_return_val_if_fail (projects != NULL || n_projects == 0, FALSE);
  g_return_val_if_fail (format < CROSSCHECK_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      crosscheck_export_options_init (&defaults);
      options = &defaults;
    }

  self.projects = projects;
  self.prefixes = prefixes;
  self.n_projects = n_projects;
  self.options = options;
  self.progress = progress;
  self.user_data = user_data;
  self.cancellable = cancellable;
  self.files = g_ptr_array_new_with_free_func (export_file_free);
  self.warnings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_projects; i++)
    self.n_documents += g_list_model_get_n_items (crosscheck_project_get_documents (projects[i]));

  if (self.n_documents == 0)
    {
      g_set_error (error, CROSSCHECK_EXPORT_ERROR, CROSSCHECK_EXPORT_ERROR_EMPTY,
                   _("There are no documents to export"));
      ok = FALSE;
    }
  else
    {
      warn_needs_review (&self);
      ok = formats[format].func (&self, error) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           write_files (&self, directory, options->overwrite, error);
    }

  if (ok && progress != NULL)
    progress (1.0, user_data);

  if (warnings != NULL)
    *warnings = g_steal_pointer (&self.warnings);
  g_clear_pointer (&self.warnings, g_ptr_array_unref);
  g_ptr_array_unref (self.files);

  return ok;
}
