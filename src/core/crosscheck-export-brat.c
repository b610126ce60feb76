/* crosscheck-export-brat.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crosscheck-annotation.h"
#include "crosscheck-brat-import.h"
#include "crosscheck-document.h"
#include "crosscheck-export-private.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-project.h"
#include "crosscheck-span.h"
#include "crosscheck-utils.h"

/* brat standoff (https://brat.nlplab.org/standoff.html): per document a
 * NAME.txt with the text and a NAME.ann with one annotation per line,
 * offsets in code points as brat's Python server counts them:
 *
 *   T1<TAB>LABEL START END<TAB>TEXT       a span; fragments "0 5;6 9" where it
 *                                          crosses a line break
 *   R1<TAB>TYPE Arg1:T1 Arg2:T2           a link inside the document
 *   A1<TAB>NAME T1 VALUE                  an attribute of a span or link
 *   #1<TAB>AnnotatorNotes T1<TAB>NOTE     a note
 *
 * and for the whole collection annotation.conf (the label set),
 * visual.conf (the colours) and kb_shortcuts.conf (the keys). What brat
 * has no words for (claim labels, free-text attributes) is in comment
 * lines of annotation.conf, "# crosscheck: claim CLAIM", which brat skips
 * and Crosscheck's import reads. brat has no links between documents:
 * those go to cross-document-links.tsv, with a warning. */

typedef struct
{
  GPtrArray *labels;       /* label names, in palette order */
  GHashTable *label_index; /* name → CrosscheckLabel (borrowed) */
  GPtrArray *link_types;
  GHashTable *type_index;
  /* attribute name → GPtrArray of the labels or link types it is on, and
   * → GPtrArray of its values */
  GPtrArray  *attributes;
  GHashTable *attribute_args;
  GHashTable *attribute_values;
  GHashTable *free_text;   /* names of attributes that take any text (set) */
} Config;

typedef struct
{
  GPtrArray *cross;             /* ids of links between documents */
  GPtrArray *changed_values;    /* ids whose attribute values lost white space */
  GPtrArray *changed_notes;     /* ids whose notes lost tabs or white space */
  GPtrArray *edge_breaks;       /* ids of spans that start or end with a line break */
} Problems;

static void
config_add_attribute (Config     *config,
                      const char *name,
                      const char *arg,
                      const char *value)
{
  GPtrArray *args = g_hash_table_lookup (config->attribute_args, name);
  GPtrArray *values;

  if (args == NULL)
    {
      args = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (config->attribute_args, g_strdup (name), args);
      g_hash_table_insert (config->attribute_values, g_strdup (name),
                           g_ptr_array_new_with_free_func (g_free));
      g_ptr_array_add (config->attributes, g_strdup (name));
    }
  values = g_hash_table_lookup (config->attribute_values, name);

  if (arg != NULL && !g_ptr_array_find_with_equal_func (args, arg, g_str_equal, NULL))
    g_ptr_array_add (args, g_strdup (arg));
  if (value != NULL && !g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL))
    g_ptr_array_add (values, g_strdup (value));
}

/* brat attribute values are single words: white space becomes `_`. */
static char *
brat_value (const char *value,
            gboolean   *changed)
{
  GString *out = g_string_new (NULL);

  *changed = FALSE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '|' || c == ',')
        {
          g_string_append_c (out, '_');
          *changed = TRUE;
        }
      else
        g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_append_c (out, '_');
      *changed = TRUE;
    }

  return g_string_free (out, FALSE);
}

/* Notes and TSV cells stay on one line. */
static char *
one_line (const char *text,
          gboolean   *changed)
{
  char *copy = g_strdup (text);

  *changed = FALSE;
  for (char *p = copy; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\t')
        {
          *p = ' ';
          *changed = TRUE;
        }
    }

  return copy;
}

static void
config_add_labels (Config            *config,
                   GListModel        *labels,
                   GPtrArray         *names,
                   GHashTable        *index)
{
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(CrosscheckLabel) label = g_list_model_get_item (labels, i);
      const char *name = crosscheck_label_get_name (label);
      GPtrArray *specs = crosscheck_label_get_attributes (label);

      if (g_hash_table_contains (index, name))
        continue;
      g_ptr_array_add (names, g_strdup (name));
      g_hash_table_insert (index, g_strdup (name), g_object_ref (label));

      for (guint j = 0; specs != NULL && j < specs->len; j++)
        {
          const CrosscheckAttributeSpec *spec = g_ptr_array_index (specs, j);

          config_add_attribute (config, spec->name, name, NULL);
          if (spec->values == NULL || spec->values[0] == NULL)
            g_hash_table_add (config->free_text, g_strdup (spec->name));
          for (guint k = 0; spec->values != NULL && spec->values[k] != NULL; k++)
            {
              gboolean changed;
              g_autofree char *value = brat_value (spec->values[k], &changed);

              config_add_attribute (config, spec->name, NULL, value);
            }
        }
    }
}

static void
append_attributes (Config               *config,
                   GString              *ann,
                   guint                *n_attributes,
                   CrosscheckAnnotation *annotation,
                   const char           *target,
                   const char           *exported_id,
                   Problems             *problems)
{
  g_auto(GStrv) names = crosscheck_annotation_dup_attribute_names (annotation);
  const char *label = crosscheck_label_get_name (crosscheck_annotation_get_label (annotation));
  gboolean any_changed = FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean changed;
      g_autofree char *value = brat_value (crosscheck_annotation_get_attribute (annotation,
                                                                                names[i]),
                                           &changed);

      config_add_attribute (config, names[i], label, value);
      g_string_append_printf (ann, "A%u\t%s %s %s\n", ++*n_attributes, names[i], target, value);
      any_changed |= changed;
    }

  if (any_changed)
    g_ptr_array_add (problems->changed_values, g_strdup (exported_id));
}

/* A note of several lines is several "#" lines, which brat shows one
 * after the other and Crosscheck's import joins with line breaks again.
 * Tabs, white space around a line and leading empty lines do not survive;
 * what comes back is compared with the note to report that. */
static void
append_note (GString              *notes,
             guint                *n_notes,
             CrosscheckAnnotation *annotation,
             const char           *target,
             const char           *exported_id,
             Problems             *problems)
{
  const char *note = crosscheck_annotation_get_note (annotation);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) back = g_string_new (NULL);

  if (*note == '\0')
    return;

  lines = g_strsplit (note, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean changed;
      g_autofree char *line = one_line (lines[i], &changed);

      g_strstrip (line);
      g_string_append_printf (notes, "#%u\tAnnotatorNotes %s\t%s\n", ++*n_notes, target, line);
      if (back->len > 0)
        g_string_append_c (back, '\n');
      g_string_append (back, line);
    }

  if (!g_str_equal (back->str, note))
    g_ptr_array_add (problems->changed_notes, g_strdup (exported_id));
}

/* "T3<TAB>LABEL 10 15;16 20<TAB>text text": a span that crosses line
 * breaks becomes one fragment per line, and its text column joins the
 * fragments with spaces, as brat writes it. */
static void
append_textbound (GString        *ann,
                  guint           number,
                  CrosscheckSpan *span,
                  const char     *exported_id,
                  Problems       *problems)
{
  const char *text = crosscheck_span_get_text (span);
  guint offset = crosscheck_span_get_start (span);
  g_autoptr(GString) fragments = g_string_new (NULL);
  g_autoptr(GString) covered = g_string_new (NULL);
  const char *line = text;

  if (text[0] == '\n' || g_str_has_suffix (text, "\n"))
    g_ptr_array_add (problems->edge_breaks, g_strdup (exported_id));

  while (TRUE)
    {
      const char *stop = strchr (line, '\n');
      gsize bytes = stop != NULL ? (gsize) (stop - line) : strlen (line);
      guint length = g_utf8_strlen (line, bytes);

      if (length > 0)
        {
          if (fragments->len > 0)
            {
              g_string_append_c (fragments, ';');
              g_string_append_c (covered, ' ');
            }
          g_string_append_printf (fragments, "%u %u", offset, offset + length);
          g_string_append_len (covered, line, bytes);
        }

      if (stop == NULL)
        break;
      offset += length + 1;
      line = stop + 1;
    }

  g_string_append_printf (ann, "T%u\t%s %s\t%s\n", number,
                          crosscheck_label_get_name (crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span))),
                          fragments->str, covered->str);
}

static void
append_tsv_cell (GString    *out,
                 const char *text)
{
  /* Backslash escapes keep every cell on one line and lossless. */
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\\': g_string_append (out, "\\\\"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
write_shortcuts (CrosscheckExporter *self,
                 GPtrArray          *names,
                 GHashTable         *index,
                 GString            *shortcuts)
{
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gunichar key = crosscheck_label_get_shortcut (g_hash_table_lookup (index, name));
      char buffer[8] = { 0 };

      if (key == 0)
        continue;
      /* brat would read the line as a comment. */
      if (key == '#')
        {
          _crosscheck_exporter_warn (self, _("brat cannot hold the key “#”; %s has no key in "
                                             "kb_shortcuts.conf"), name);
          continue;
        }
      g_unichar_to_utf8 (key, buffer);
      g_string_append_printf (shortcuts, "%s\t%s\n", buffer, name);
    }
}

static void
write_conf (CrosscheckExporter *self,
            Config             *config,
            GString            *conf,
            GString            *visual,
            GString            *shortcuts)
{
  g_string_append (conf,
                   "# brat annotation configuration, written by Crosscheck.\n"
                   "# Labels of both kinds (entities and claims) are brat entities;\n"
                   "# \"" CROSSCHECK_BRAT_DIRECTIVE " claim NAME\" marks a claim label and\n"
                   "# \"" CROSSCHECK_BRAT_DIRECTIVE " free-text NAME\" an attribute that takes any text.\n\n"
                   "[entities]\n\n");
  for (guint i = 0; i < config->labels->len; i++)
    {
      const char *name = g_ptr_array_index (config->labels, i);
      CrosscheckLabel *label = g_hash_table_lookup (config->label_index, name);

      g_string_append_printf (conf, "%s\n", name);
      if (crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_CLAIM)
        g_string_append_printf (conf, CROSSCHECK_BRAT_DIRECTIVE " claim %s\n", name);
    }

  g_string_append (conf, "\n[relations]\n\n");
  for (guint i = 0; i < config->link_types->len; i++)
    {
      const char *name = g_ptr_array_index (config->link_types, i);
      CrosscheckLabel *type = g_hash_table_lookup (config->type_index, name);

      g_string_append_printf (conf, "%s\tArg1:<ENTITY>, Arg2:<ENTITY>%s\n", name,
                              crosscheck_label_get_symmetric (type) ? ", <REL-TYPE>:symmetric" : "");
    }

  g_string_append (conf, "\n[events]\n\n[attributes]\n\n");
  for (guint i = 0; i < config->attributes->len; i++)
    {
      const char *name = g_ptr_array_index (config->attributes, i);
      GPtrArray *args = g_hash_table_lookup (config->attribute_args, name);
      GPtrArray *values = g_hash_table_lookup (config->attribute_values, name);

      if (args->len == 0)
        continue;

      /* An attribute without values would be a yes/no flag in brat: a
       * free-text one that no annotation uses is only in the comment. */
      if (g_hash_table_contains (config->free_text, name))
        {
          g_string_append_printf (conf, CROSSCHECK_BRAT_DIRECTIVE " free-text %s", name);
          if (values->len == 0)
            {
              g_string_append (conf, " Arg:");
              for (guint j = 0; j < args->len; j++)
                g_string_append_printf (conf, "%s%s", j > 0 ? "|" : "", (char *) g_ptr_array_index (args, j));
            }
          g_string_append_c (conf, '\n');
        }
      if (values->len == 0)
        continue;

      g_string_append_printf (conf, "%s\tArg:", name);
      for (guint j = 0; j < args->len; j++)
        g_string_append_printf (conf, "%s%s", j > 0 ? "|" : "", (char *) g_ptr_array_index (args, j));
      g_string_append (conf, ", Value:");
      for (guint j = 0; j < values->len; j++)
        g_string_append_printf (conf, "%s%s", j > 0 ? "|" : "", (char *) g_ptr_array_index (values, j));
      g_string_append_c (conf, '\n');
    }

  g_string_append (visual, "# brat visual configuration, written by Crosscheck.\n\n"
                           "[labels]\n\n[drawing]\n\n");
  for (guint i = 0; i < config->labels->len; i++)
    {
      const char *name = g_ptr_array_index (config->labels, i);
      CrosscheckLabel *label = g_hash_table_lookup (config->label_index, name);

      g_string_append_printf (visual, "%s\tbgColor:%s\n", name, crosscheck_label_get_color (label));
    }
  for (guint i = 0; i < config->link_types->len; i++)
    {
      const char *name = g_ptr_array_index (config->link_types, i);
      CrosscheckLabel *type = g_hash_table_lookup (config->type_index, name);

      g_string_append_printf (visual, "%s\tcolor:%s\n", name, crosscheck_label_get_color (type));
    }

  g_string_append (shortcuts, "# brat keyboard shortcuts, written by Crosscheck: KEY<TAB>TYPE.\n\n");
  write_shortcuts (self, config->labels, config->label_index, shortcuts);
  write_shortcuts (self, config->link_types, config->type_index, shortcuts);
}

static void
warn_problems (CrosscheckExporter *self,
               Problems           *problems)
{
  CROSSCHECK_EXPORTER_WARN_IDS (self, problems->cross,
                                "brat cannot hold links between documents; %u link is in "
                                "cross-document-links.tsv instead: %s",
                                "brat cannot hold links between documents; %u links are in "
                                "cross-document-links.tsv instead: %s");
  CROSSCHECK_EXPORTER_WARN_IDS (self, problems->changed_values,
                                "brat attribute values are single words; spaces, “|” and “,” "
                                "became “_” in the attributes of %u annotation: %s",
                                "brat attribute values are single words; spaces, “|” and “,” "
                                "became “_” in the attributes of %u annotations: %s");
  CROSSCHECK_EXPORTER_WARN_IDS (self, problems->changed_notes,
                                "brat notes are lines of text; tabs became spaces, and white "
                                "space around lines or before the first was lost, in the note "
                                "of %u annotation: %s",
                                "brat notes are lines of text; tabs became spaces, and white "
                                "space around lines or before the first was lost, in the notes "
                                "of %u annotations: %s");
  CROSSCHECK_EXPORTER_WARN_IDS (self, problems->edge_breaks,
                                "brat spans do not cover line breaks; %u span loses the line "
                                "break at its start or end: %s",
                                "brat spans do not cover line breaks; %u spans lose the line "
                                "break at their start or end: %s");
}

gboolean
_crosscheck_export_brat (CrosscheckExporter  *self,
                         GError             **error)
{
  GString *conf = _crosscheck_exporter_add_file (self, "annotation.conf");
  GString *visual = _crosscheck_exporter_add_file (self, "visual.conf");
  GString *shortcuts = _crosscheck_exporter_add_file (self, "kb_shortcuts.conf");
  GString *tsv = _crosscheck_exporter_add_file (self, CROSSCHECK_BRAT_CROSS_LINKS_FILE);
  Config config = { 0 };
  Problems problems = { 0 };
  gboolean ok = TRUE;

  config.labels = g_ptr_array_new_with_free_func (g_free);
  config.label_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  config.link_types = g_ptr_array_new_with_free_func (g_free);
  config.type_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  config.attributes = g_ptr_array_new_with_free_func (g_free);
  config.attribute_args = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
  config.attribute_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);
  config.free_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  problems.cross = g_ptr_array_new_with_free_func (g_free);
  problems.changed_values = g_ptr_array_new_with_free_func (g_free);
  problems.changed_notes = g_ptr_array_new_with_free_func (g_free);
  problems.edge_breaks = g_ptr_array_new_with_free_func (g_free);

  g_string_append (tsv, "link\ttype\tfrom_document\tfrom_annotation\tto_document\t"
                        "to_annotation\tfrom_text\tto_text\tattributes\tnote\n");

  for (guint p = 0; ok && p < self->n_projects; p++)
    {
      CrosscheckProject *project = self->projects[p];
      GListModel *documents = crosscheck_project_get_documents (project);
      g_autoptr(GPtrArray) links = _crosscheck_export_links_in_order (project);
      /* span → its T number in its document's .ann */
      g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);

      config_add_labels (&config, crosscheck_project_get_labels (project),
                         config.labels, config.label_index);
      config_add_labels (&config, crosscheck_project_get_link_types (project),
                         config.link_types, config.type_index);

      for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, d);
          g_autoptr(GPtrArray) spans = _crosscheck_export_document_spans (project, document);

          for (guint s = 0; s < spans->len; s++)
            g_hash_table_insert (numbers, g_ptr_array_index (spans, s), GUINT_TO_POINTER (s + 1));
        }

      for (guint d = 0; ok && d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, d);
          g_autoptr(GPtrArray) spans = _crosscheck_export_document_spans (project, document);
          g_autofree char *name = _crosscheck_exporter_id (self, p, crosscheck_document_get_id (document));
          g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
          g_autofree char *ann_name = g_strconcat (name, ".ann", NULL);
          GString *txt = _crosscheck_exporter_add_file (self, txt_name);
          GString *ann = _crosscheck_exporter_add_file (self, ann_name);
          g_autoptr(GString) attributes = g_string_new (NULL);
          g_autoptr(GString) notes = g_string_new (NULL);
          guint n_relations = 0, n_attributes = 0, n_notes = 0;

          g_string_append (txt, crosscheck_document_get_text (document));

          for (guint s = 0; s < spans->len; s++)
            {
              CrosscheckSpan *span = g_ptr_array_index (spans, s);
              CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (span);
              g_autofree char *target = g_strdup_printf ("T%u", s + 1);
              g_autofree char *id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (annotation));

              append_textbound (ann, s + 1, span, id, &problems);
              append_attributes (&config, attributes, &n_attributes, annotation, target, id,
                                 &problems);
              append_note (notes, &n_notes, annotation, target, id, &problems);
            }

          for (guint l = 0; l < links->len; l++)
            {
              CrosscheckLink *link = g_ptr_array_index (links, l);
              CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (link);
              CrosscheckSpan *from = crosscheck_link_get_from (link);
              CrosscheckSpan *to = crosscheck_link_get_to (link);
              g_autofree char *target = NULL;
              g_autofree char *id = NULL;

              if (crosscheck_span_get_document (from) != document ||
                  crosscheck_span_get_document (to) != document)
                continue;

              target = g_strdup_printf ("R%u", ++n_relations);
              id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (annotation));
              g_string_append_printf (ann, "%s\t%s Arg1:T%u Arg2:T%u\n", target,
                                      crosscheck_label_get_name (crosscheck_link_get_link_type (link)),
                                      GPOINTER_TO_UINT (g_hash_table_lookup (numbers, from)),
                                      GPOINTER_TO_UINT (g_hash_table_lookup (numbers, to)));
              append_attributes (&config, attributes, &n_attributes, annotation, target, id,
                                 &problems);
              append_note (notes, &n_notes, annotation, target, id, &problems);
            }

          g_string_append_len (ann, attributes->str, attributes->len);
          g_string_append_len (ann, notes->str, notes->len);

          ok = _crosscheck_exporter_document_done (self, error);
        }

      for (guint l = 0; ok && l < links->len; l++)
        {
          CrosscheckLink *link = g_ptr_array_index (links, l);
          CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (link);
          CrosscheckSpan *from = crosscheck_link_get_from (link);
          CrosscheckSpan *to = crosscheck_link_get_to (link);
          g_autofree char *id = NULL;
          g_autofree char *from_doc = NULL;
          g_autofree char *to_doc = NULL;
          g_autofree char *from_t = NULL;
          g_autofree char *to_t = NULL;
          g_autoptr(GString) attrs = g_string_new (NULL);

          if (crosscheck_span_get_document (from) == crosscheck_span_get_document (to))
            continue;

          id = _crosscheck_exporter_id (self, p, crosscheck_annotation_get_id (annotation));
          from_doc = _crosscheck_exporter_id (self, p, crosscheck_document_get_id (crosscheck_span_get_document (from)));
          to_doc = _crosscheck_exporter_id (self, p, crosscheck_document_get_id (crosscheck_span_get_document (to)));
          from_t = g_strdup_printf ("T%u", GPOINTER_TO_UINT (g_hash_table_lookup (numbers, from)));
          to_t = g_strdup_printf ("T%u", GPOINTER_TO_UINT (g_hash_table_lookup (numbers, to)));
          _crosscheck_export_append_attributes (attrs, annotation);

          g_string_append_printf (tsv, "%s\t%s\t%s\t%s\t%s\t%s\t", id,
                                  crosscheck_label_get_name (crosscheck_link_get_link_type (link)),
                                  from_doc, from_t, to_doc, to_t);
          append_tsv_cell (tsv, crosscheck_span_get_text (from));
          g_string_append_c (tsv, '\t');
          append_tsv_cell (tsv, crosscheck_span_get_text (to));
          g_string_append_c (tsv, '\t');
          append_tsv_cell (tsv, attrs->str);
          g_string_append_c (tsv, '\t');
          append_tsv_cell (tsv, crosscheck_annotation_get_note (annotation));
          g_string_append_c (tsv, '\n');

          g_ptr_array_add (problems.cross, g_steal_pointer (&id));
        }
    }

  if (ok)
    {
      write_conf (self, &config, conf, visual, shortcuts);
      warn_problems (self, &problems);
    }

  g_ptr_array_unref (config.labels);
  g_hash_table_unref (config.label_index);
  g_ptr_array_unref (config.link_types);
  g_hash_table_unref (config.type_index);
  g_ptr_array_unref (config.attributes);
  g_hash_table_unref (config.attribute_args);
  g_hash_table_unref (config.attribute_values);
  g_hash_table_unref (config.free_text);
  g_ptr_array_unref (problems.cross);
  g_ptr_array_unref (problems.changed_values);
  g_ptr_array_unref (problems.changed_notes);
  g_ptr_array_unref (problems.edge_breaks);

  return ok;
}
