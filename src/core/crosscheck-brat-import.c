/* crosscheck-brat-import.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck-annotation-private.h"
#include "crosscheck-brat-import.h"
#include "crosscheck-document-private.h"
#include "crosscheck-errors.h"
#include "crosscheck-history.h"
#include "crosscheck-label.h"
#include "crosscheck-link-private.h"
#include "crosscheck-problem.h"
#include "crosscheck-project-private.h"
#include "crosscheck-span-private.h"
#include "crosscheck-utils.h"

/* Reads brat standoff annotation (https://brat.nlplab.org/standoff.html):
 * per document a NAME.txt and a NAME.ann, plus an optional annotation.conf
 * for the whole folder.
 *
 * Offsets. brat reads the .txt as UTF-8 with Python's universal newlines,
 * so CR LF and a lone CR are one "\n", and counts characters of the
 * resulting string: code points. That is exactly how Crosscheck normalises
 * a document, so brat offsets are our offsets. The one difference is a
 * UTF-8 byte-order mark: Python's "utf8" codec keeps it as U+FEFF, which
 * brat counts as the first character, while Crosscheck drops it. For such
 * files every brat offset is one more than ours.
 *
 * Every entry point takes bytes and a name, so that a fuzzer can call it
 * on anything: nothing here trusts a number, a length or an encoding. */

#define DISCONTINUOUS_ATTRIBUTE "fragment_of"

/* Bounds that no real brat file comes near, so that a hostile one cannot
 * make the import take quadratic time or memory. */
#define MAX_FRAGMENTS 256
#define MAX_ATTRIBUTE_DEFS 256
#define MAX_SHORTCUTS 256
#define NOTE_TYPE "AnnotatorNotes"

/* Crosscheck's own notes in annotation.conf (CROSSCHECK_BRAT_DIRECTIVE) are comments for brat. */
#define CROSS_LINKS_COLUMNS 10

G_DEFINE_QUARK (crosscheck-brat-error-quark, crosscheck_brat_error)

/* GNOME palette colours, for labels that brat gives none. */
static const char * const palette[] = {
  "#1c71d8", "#c061cb", "#26a269", "#e66100", "#865e3c", "#e5a50a",
  "#2190a4", "#813d9c", "#63452c", "#a51d2d", "#3584e4", "#2ec27e",
};

typedef struct
{
  char  *name;
  char **targets;   /* type names, <ENTITY>, <EVENT> or <RELATION> */
  GPtrArray *values; /* allowed values, char * */
  GHashTable *value_set;  /* the same, borrowed */
  gboolean free_text;     /* any value: @values only lists those used */
} AttributeDef;

struct _CrosscheckBratImport
{
  GObject                    parent_instance;

  CrosscheckBratImportFlags  flags;

  /* owned */
  CrosscheckProject         *project;
  GPtrArray                 *warnings;     /* char * */
  GHashTable                *labels;       /* name → borrowed CrosscheckLabel */
  GHashTable                *link_types;   /* name → borrowed CrosscheckLabel */
  GHashTable                *event_types;  /* names of event types (set) */
  GHashTable                *conf_names;   /* names declared in annotation.conf (set) */
  GHashTable                *warned;       /* warnings given once (set) */
  GPtrArray                 *attributes;   /* AttributeDef from annotation.conf */
  GHashTable                *attribute_by_name;  /* name → borrowed AttributeDef */
  GHashTable                *made_links;   /* "type from to" → borrowed CrosscheckLink */
  GHashTable                *colors;       /* label name → "#rrggbb" (visual.conf bgColor) */
  GHashTable                *arc_colors;   /* link type name → "#rrggbb" (visual.conf color) */
  GHashTable                *color_problems;  /* type name → message */
  GHashTable                *shortcuts;    /* key → type name, as brat reads them */
  GHashTable                *shortcut_lines;  /* key → line number */
  GArray                    *shortcut_keys;   /* the keys (gunichar) in file order */
  GHashTable                *stems;        /* file name stem → borrowed CrosscheckDocument */
  GHashTable                *refs;         /* "STEM<TAB>T3" → borrowed CrosscheckSpan */

  guint                      n_colors;
  guint                      has_config : 1;
  guint                      has_documents : 1;
  guint                      failed : 1;
  guint                      finished : 1;
};

G_DEFINE_FINAL_TYPE (CrosscheckBratImport, crosscheck_brat_import, G_TYPE_OBJECT)

static void
attribute_def_free (gpointer data)
{
  AttributeDef *def = data;

  g_free (def->name);
  g_strfreev (def->targets);
  g_ptr_array_unref (def->values);
  g_hash_table_unref (def->value_set);
  g_free (def);
}

static void
crosscheck_brat_import_finalize (GObject *object)
{
  CrosscheckBratImport *self = (CrosscheckBratImport *)object;

  g_clear_object (&self->project);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->link_types, g_hash_table_unref);
  g_clear_pointer (&self->event_types, g_hash_table_unref);
  g_clear_pointer (&self->conf_names, g_hash_table_unref);
  g_clear_pointer (&self->warned, g_hash_table_unref);
  g_clear_pointer (&self->attribute_by_name, g_hash_table_unref);
  g_clear_pointer (&self->made_links, g_hash_table_unref);
  g_clear_pointer (&self->colors, g_hash_table_unref);
  g_clear_pointer (&self->arc_colors, g_hash_table_unref);
  g_clear_pointer (&self->color_problems, g_hash_table_unref);
  g_clear_pointer (&self->shortcuts, g_hash_table_unref);
  g_clear_pointer (&self->shortcut_lines, g_hash_table_unref);
  g_clear_pointer (&self->shortcut_keys, g_array_unref);
  g_clear_pointer (&self->stems, g_hash_table_unref);
  g_clear_pointer (&self->refs, g_hash_table_unref);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);

  G_OBJECT_CLASS (crosscheck_brat_import_parent_class)->finalize (object);
}

static void
crosscheck_brat_import_class_init (CrosscheckBratImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crosscheck_brat_import_finalize;
}

static void
crosscheck_brat_import_init (CrosscheckBratImport *self)
{
  self->project = crosscheck_project_new_empty ();
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->link_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->event_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->conf_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->attributes = g_ptr_array_new_with_free_func (attribute_def_free);
  self->attribute_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->made_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->arc_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->color_problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->shortcuts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->shortcut_lines = g_hash_table_new (NULL, NULL);
  self->shortcut_keys = g_array_new (FALSE, FALSE, sizeof (gunichar));
  self->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * crosscheck_brat_import_new:
 * @flags: how to treat malformed lines
 *
 * Starts an import. Give it the folder's annotation.conf first, if there is
 * one, then the documents, then call crosscheck_brat_import_finish().
 *
 * Returns: (transfer full): a new import
 */
CrosscheckBratImport *
crosscheck_brat_import_new (CrosscheckBratImportFlags flags)
{
  CrosscheckBratImport *self = g_object_new (CROSSCHECK_TYPE_BRAT_IMPORT, NULL);

  self->flags = flags;

  return self;
}

/**
 * crosscheck_brat_import_get_warnings:
 * @self: a #CrosscheckBratImport
 *
 * Returns: (transfer none) (element-type utf8): what the editor should know
 *   about the import so far: skipped lines (`FILE:LINE: message`), types
 *   missing from annotation.conf, files left out
 */
GPtrArray *
crosscheck_brat_import_get_warnings (CrosscheckBratImport *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_BRAT_IMPORT (self), NULL);

  return self->warnings;
}

static void
warn (CrosscheckBratImport *self,
      const char           *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (CrosscheckBratImport *self,
      const char           *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Gives a warning only the first time @key comes up. */
static gboolean
first_time (CrosscheckBratImport *self,
            const char           *key)
{
  if (g_hash_table_contains (self->warned, key))
    return FALSE;

  g_hash_table_add (self->warned, g_strdup (key));
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Small text helpers                                                        */

/* Splits @text at runs of spaces and tabs; no empty fields. */
static char **
split_fields (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " \t", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **fields;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  fields = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return fields;
}

/* Quoted text in a message: a long one is cut, so that a huge line in a
 * file makes no huge message. */
static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 80)
    return g_strdup (text);

  {
    g_autofree char *start = g_utf8_substring (text, 0, 79);

    return g_strconcat (start, "…", NULL);
  }
}

/* A decimal number of at most 10 digits, nothing else. */
static gboolean
parse_offset (const char *text,
              guint64    *value)
{
  gsize n = strlen (text);

  if (n == 0 || n > 10)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  *value = g_ascii_strtoull (text, NULL, 10);
  return TRUE;
}

/* "Org-Arg2" is the second Org-Arg of an event: brat numbers repeated roles. */
static char *
role_name (const char *role)
{
  gsize n = strlen (role);

  while (n > 0 && g_ascii_isdigit (role[n - 1]))
    n--;

  return g_strndup (role, n > 0 ? n : strlen (role));
}

/* ------------------------------------------------------------------------ */
/* Labels and link types                                                     */

static const char *
next_color (CrosscheckBratImport *self)
{
  return palette[self->n_colors++ % G_N_ELEMENTS (palette)];
}

static CrosscheckLabel *
make_type (CrosscheckBratImport *self,
           const char           *name,
           gboolean              relation)
{
  GHashTable *table = relation ? self->link_types : self->labels;
  CrosscheckLabel *label = g_hash_table_lookup (table, name);

  if (label == NULL)
    {
      g_autoptr(CrosscheckLabel) fresh = NULL;

      fresh = crosscheck_label_new (name, relation ? CROSSCHECK_LABEL_RELATION : CROSSCHECK_LABEL_ENTITY,
                                    next_color (self), 0);
      _crosscheck_project_insert_label (self->project, fresh);
      g_hash_table_insert (table, g_strdup (name), fresh);
      label = fresh;
    }

  return label;
}

/* The label or link type for a type used in a .ann file. A type that the
 * folder's annotation.conf does not declare is added, with a warning. */
static CrosscheckLabel *
use_type (CrosscheckBratImport *self,
          const char           *name,
          gboolean              relation,
          GError              **error)
{
  GHashTable *table = relation ? self->link_types : self->labels;

  if (!crosscheck_is_valid_name (name))
    {
      g_autofree char *quoted = shorten (name);

      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_BAD_LINE,
                   _("“%s” cannot be a type name in Crosscheck: use 1 to 64 characters "
                     "without spaces"), quoted);
      return NULL;
    }

  if (self->has_config && !g_hash_table_contains (table, name))
    {
      g_autofree char *key = g_strconcat ("type:", name, NULL);

      if (first_time (self, key))
        warn (self, _("The type “%s” is used but not declared in annotation.conf; it was added."),
              name);
    }

  return make_type (self, name, relation);
}

/* ------------------------------------------------------------------------ */
/* annotation.conf                                                           */

typedef enum
{
  SECTION_NONE,
  SECTION_ENTITIES,
  SECTION_RELATIONS,
  SECTION_EVENTS,
  SECTION_ATTRIBUTES,
  SECTION_OTHER,
} Section;

static void
declare (CrosscheckBratImport *self,
         const char           *name,
         gboolean              relation,
         const char           *file,
         guint                 line)
{
  g_autofree char *key = g_strconcat (relation ? "r:" : "t:", name, NULL);

  if (!crosscheck_is_valid_name (name))
    {
      g_autofree char *quoted = shorten (name);

      warn (self, _("%s:%u: “%s” cannot be a type name in Crosscheck; it was left out"),
            file, line, quoted);
      return;
    }

  g_hash_table_add (self->conf_names, g_steal_pointer (&key));
  make_type (self, name, relation);
}

/* The roles of "Person-Arg:Person, Place-Arg?:GPE" or "Org-Arg+:Org". */
static void
declare_roles (CrosscheckBratImport *self,
               const char           *rest,
               const char           *file,
               guint                 line)
{
  g_auto(GStrv) parts = g_strsplit (rest, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *colon = strchr (part, ':');
      g_autofree char *role = NULL;
      gsize n;

      if (colon == NULL || *part == '<')
        continue;
      *colon = '\0';
      n = strcspn (part, "?*+{");
      part[n] = '\0';
      role = role_name (part);
      if (*role != '\0')
        declare (self, role, TRUE, file, line);
    }
}

static void
declare_attribute (CrosscheckBratImport *self,
                   const char           *name,
                   const char           *rest)
{
  g_auto(GStrv) parts = g_strsplit (rest, ",", -1);
  AttributeDef *def;

  if (!crosscheck_is_valid_name (name) || g_hash_table_contains (self->attribute_by_name, name))
    return;
  if (self->attributes->len >= MAX_ATTRIBUTE_DEFS)
    {
      if (first_time (self, "too-many-attributes"))
        warn (self, _("annotation.conf defines more than %u attributes; the others were left "
                      "out"), MAX_ATTRIBUTE_DEFS);
      return;
    }

  def = g_new0 (AttributeDef, 1);
  def->name = g_strdup (name);
  def->values = g_ptr_array_new_with_free_func (g_free);
  def->value_set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (g_str_has_prefix (part, "Arg:") && def->targets == NULL)
        def->targets = g_strsplit (part + strlen ("Arg:"), "|", -1);
      else if (g_str_has_prefix (part, "Value:"))
        {
          g_auto(GStrv) values = g_strsplit (part + strlen ("Value:"), "|", -1);

          for (guint j = 0; values[j] != NULL; j++)
            {
              char *value = g_strstrip (values[j]);

              if (*value != '\0' && g_utf8_validate (value, -1, NULL) &&
                  !g_hash_table_contains (def->value_set, value))
                {
                  g_ptr_array_add (def->values, g_strdup (value));
                  g_hash_table_add (def->value_set, g_ptr_array_index (def->values, def->values->len - 1));
                }
            }
        }
    }

  /* An attribute without values is binary: present or not. */
  if (def->values->len == 0)
    {
      g_ptr_array_add (def->values, g_strdup ("true"));
      g_hash_table_add (def->value_set, g_ptr_array_index (def->values, 0));
    }
  if (def->targets == NULL)
    def->targets = g_strsplit ("<ENTITY>", "|", -1);

  g_ptr_array_add (self->attributes, def);
  g_hash_table_insert (self->attribute_by_name, def->name, def);
}

/* "# crosscheck: claim CLAIM" and "# crosscheck: free-text source[ Arg:CLAIM]":
 * what brat has no words for, in lines that brat skips as comments. */
static void
read_directive (CrosscheckBratImport *self,
                const char           *text,
                const char           *file,
                guint                 line)
{
  g_auto(GStrv) fields = split_fields (text + strlen (CROSSCHECK_BRAT_DIRECTIVE));
  guint n = g_strv_length (fields);
  g_autofree char *quoted = shorten (text);

  if (n == 2 && g_str_equal (fields[0], "claim"))
    {
      CrosscheckLabel *label = g_hash_table_lookup (self->labels, fields[1]);

      if (label == NULL || g_hash_table_contains (self->event_types, fields[1]))
        warn (self, _("%s:%u: “%s” names no entity type of this file; the line was "
                      "ignored"), file, line, quoted);
      else
        crosscheck_label_set_kind (label, CROSSCHECK_LABEL_CLAIM);
      return;
    }

  if ((n == 2 || (n == 3 && g_str_has_prefix (fields[2], "Arg:"))) &&
      g_str_equal (fields[0], "free-text"))
    {
      AttributeDef *def = g_hash_table_lookup (self->attribute_by_name, fields[1]);

      if (def == NULL && n == 3)
        {
          declare_attribute (self, fields[1], fields[2]);
          def = g_hash_table_lookup (self->attribute_by_name, fields[1]);
          if (def != NULL)
            {
              g_hash_table_remove_all (def->value_set);
              g_ptr_array_set_size (def->values, 0);
            }
        }
      if (def == NULL)
        warn (self, _("%s:%u: “%s” names no attribute of this file; the line was "
                      "ignored"), file, line, quoted);
      else
        def->free_text = TRUE;
      return;
    }

  warn (self, _("%s:%u: “%s” is not a Crosscheck note that this version knows; the line was "
                "ignored"), file, line, quoted);
}

/**
 * crosscheck_brat_import_set_config:
 * @self: a #CrosscheckBratImport
 * @name: the file name, for messages
 * @data: (array length=length): the contents of annotation.conf
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Takes the label set from a brat annotation.conf: entity and event types
 * become labels, relation types and event roles link types, attributes
 * the labels' attribute definitions. Call it before adding documents.
 * Lines it cannot use are reported as warnings; only a file that is not
 * UTF-8 text is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_brat_import_set_config (CrosscheckBratImport  *self,
                                   const char            *name,
                                   const char            *data,
                                   gsize                  length,
                                   GError               **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) directives = g_array_new (FALSE, FALSE, sizeof (guint));
  Section section = SECTION_NONE;

  g_return_val_if_fail (CROSSCHECK_IS_BRAT_IMPORT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (!self->has_documents && !self->has_config, FALSE);

  if (length > CROSSCHECK_BRAT_MAX_CONF_BYTES || memchr (data, '\0', length) != NULL ||
      !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE,
                   _("%s: not a brat configuration (it must be UTF-8 text of at most 1 MiB)"),
                   name);
      self->failed = TRUE;
      return FALSE;
    }

  self->has_config = TRUE;
  text = g_strndup (data, length);
  lines = g_regex_split_simple ("\r\n|\r|\n", text, 0, 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_auto(GStrv) fields = NULL;
      const char *type;
      const char *rest;

      if (g_str_has_prefix (line, CROSSCHECK_BRAT_DIRECTIVE))
        g_array_append_val (directives, i);
      if (*line == '\0' || *line == '#')
        continue;

      if (*line == '[')
        {
          if (g_str_equal (line, "[entities]") || g_str_equal (line, "[spans]"))
            section = SECTION_ENTITIES;
          else if (g_str_equal (line, "[relations]"))
            section = SECTION_RELATIONS;
          else if (g_str_equal (line, "[events]"))
            section = SECTION_EVENTS;
          else if (g_str_equal (line, "[attributes]"))
            section = SECTION_ATTRIBUTES;
          else
            section = SECTION_OTHER;
          continue;
        }

      /* "!Type" only groups others; "<MACRO>=…" and "<OVERLAP>" are not types. */
      if (*line == '!' || *line == '<' || section == SECTION_NONE || section == SECTION_OTHER)
        continue;

      fields = g_strsplit_set (line, " \t", 2);
      type = fields[0];
      rest = fields[1] ? fields[1] : "";

      switch (section)
        {
        case SECTION_ENTITIES:
          declare (self, type, FALSE, name, i + 1);
          break;

        case SECTION_EVENTS:
          declare (self, type, FALSE, name, i + 1);
          g_hash_table_add (self->event_types, g_strdup (type));
          declare_roles (self, rest, name, i + 1);
          break;

        case SECTION_RELATIONS:
          declare (self, type, TRUE, name, i + 1);
          if (strstr (rest, "<REL-TYPE>:") != NULL && strstr (rest, "symmetric") != NULL &&
              g_hash_table_contains (self->link_types, type))
            crosscheck_label_set_symmetric (g_hash_table_lookup (self->link_types, type), TRUE);
          break;

        case SECTION_ATTRIBUTES:
          declare_attribute (self, type, rest);
          break;

        case SECTION_NONE:
        case SECTION_OTHER:
        default:
          break;
        }
    }

  /* After the whole file, so that a note may stand anywhere in it. */
  for (guint i = 0; i < directives->len; i++)
    {
      guint index = g_array_index (directives, guint, i);

      read_directive (self, lines[index], name, index + 1);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* visual.conf and kb_shortcuts.conf                                         */

/* HTML colour names that brat configurations use most. */
static const struct { const char *name; const char *hex; } color_names[] = {
  { "black", "#000000" }, { "white", "#ffffff" }, { "gray", "#808080" },
  { "grey", "#808080" }, { "silver", "#c0c0c0" }, { "lightgray", "#d3d3d3" },
  { "lightgrey", "#d3d3d3" }, { "darkgray", "#a9a9a9" }, { "darkgrey", "#a9a9a9" },
  { "red", "#ff0000" }, { "maroon", "#800000" }, { "darkred", "#8b0000" },
  { "pink", "#ffc0cb" }, { "orange", "#ffa500" }, { "brown", "#a52a2a" },
  { "yellow", "#ffff00" }, { "lightyellow", "#ffffe0" }, { "gold", "#ffd700" },
  { "olive", "#808000" }, { "lime", "#00ff00" }, { "green", "#008000" },
  { "lightgreen", "#90ee90" }, { "darkgreen", "#006400" }, { "teal", "#008080" },
  { "aqua", "#00ffff" }, { "cyan", "#00ffff" }, { "lightblue", "#add8e6" },
  { "blue", "#0000ff" }, { "darkblue", "#00008b" }, { "navy", "#000080" },
  { "purple", "#800080" }, { "violet", "#ee82ee" }, { "fuchsia", "#ff00ff" },
  { "magenta", "#ff00ff" },
};

/* "#RGB", "#RRGGBB" (any case) or a name of color_names, as "#rrggbb". */
static char *
parse_color (const char *text)
{
  gsize n = strlen (text);

  if (text[0] == '#' && (n == 4 || n == 7))
    {
      for (gsize i = 1; i < n; i++)
        {
          if (!g_ascii_isxdigit (text[i]))
            return NULL;
        }
      if (n == 7)
        return g_ascii_strdown (text, -1);
      return g_ascii_strdown ((char[]) { '#', text[1], text[1], text[2], text[2],
                                         text[3], text[3], '\0' }, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (color_names); i++)
    {
      if (g_ascii_strcasecmp (text, color_names[i].name) == 0)
        return g_strdup (color_names[i].hex);
    }

  return NULL;
}

/* The lines of a small configuration file, or %NULL (with a warning) if
 * it is not UTF-8 text of at most CROSSCHECK_BRAT_MAX_CONF_BYTES. */
static char **
config_lines (CrosscheckBratImport *self,
              const char           *name,
              const char           *data,
              gsize                 length)
{
  g_autofree char *text = NULL;

  if (length > CROSSCHECK_BRAT_MAX_CONF_BYTES || memchr (data, '\0', length) != NULL ||
      !g_utf8_validate_len (data, length, NULL))
    {
      warn (self, _("%s: not a brat configuration (it must be UTF-8 text of at most 1 MiB); "
                    "it was ignored"), name);
      return NULL;
    }

  text = g_strndup (data, length);
  return g_regex_split_simple ("\r\n|\r|\n", text, 0, 0);
}

/**
 * crosscheck_brat_import_set_visual:
 * @self: a #CrosscheckBratImport
 * @name: the file name, for messages
 * @data: (array length=length): the contents of visual.conf
 * @length: its length in bytes
 *
 * Takes the colours of a brat visual.conf: a type's `bgColor` becomes the
 * colour of the label of that name, a type's `color` (brat's arc colour)
 * the colour of the link type of that name. Colours are `#rgb`, `#rrggbb`
 * or a common HTML name; a colour Crosscheck cannot read, or a line it
 * cannot use, is a warning, and the type keeps a palette colour. Types
 * that the import never uses are ignored, as brat does. Never fails.
 */
void
crosscheck_brat_import_set_visual (CrosscheckBratImport *self,
                                   const char           *name,
                                   const char           *data,
                                   gsize                 length)
{
  g_auto(GStrv) lines = NULL;
  gboolean drawing = FALSE;

  g_return_if_fail (CROSSCHECK_IS_BRAT_IMPORT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (data != NULL || length == 0);

  lines = config_lines (self, name, data != NULL ? data : "", length);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_auto(GStrv) settings = NULL;
      g_autofree char *type = NULL;
      gsize n;

      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          drawing = g_str_equal (line, "[drawing]");
          continue;
        }
      if (!drawing)
        continue;

      n = strcspn (line, " \t");
      type = g_strndup (line, n);
      settings = g_strsplit (line + n, ",", -1);
      for (guint j = 0; settings[j] != NULL; j++)
        {
          char *setting = g_strstrip (settings[j]);
          char *colon = strchr (setting, ':');
          g_autofree char *color = NULL;
          GHashTable *table;

          if (*setting == '\0')
            continue;
          if (colon == NULL)
            {
              g_autofree char *quoted = shorten (setting);

              warn (self, _("%s:%u: expected KEY:VALUE settings, as in “bgColor:#1c71d8”, not "
                            "“%s”; the setting was ignored"), name, i + 1, quoted);
              continue;
            }
          *colon = '\0';
          if (g_str_equal (setting, "bgColor"))
            table = self->colors;
          else if (g_str_equal (setting, "color"))
            table = self->arc_colors;
          else
            continue;

          color = parse_color (g_strstrip (colon + 1));
          if (color != NULL)
            g_hash_table_replace (table, g_strdup (type), g_steal_pointer (&color));
          else
            {
              g_autofree char *quoted = shorten (g_strstrip (colon + 1));
              g_autofree char *quoted_type = shorten (type);

              /* Reported when the import uses the type: see apply_looks(). */
              g_hash_table_replace (self->color_problems,
                                    g_strconcat (table == self->colors ? "l:" : "r:", type, NULL),
                                    g_strdup_printf (_("%s:%u: Crosscheck cannot read the colour "
                                                       "“%s” (write #rrggbb); %s keeps a palette "
                                                       "colour"),
                                                     name, i + 1, quoted, quoted_type));
            }
        }
    }
}

/**
 * crosscheck_brat_import_set_shortcuts:
 * @self: a #CrosscheckBratImport
 * @name: the file name, for messages
 * @data: (array length=length): the contents of kb_shortcuts.conf
 * @length: its length in bytes
 *
 * Takes the keys of a brat kb_shortcuts.conf (`KEY TYPE` per line) as the
 * shortcuts of the labels (or else link types) of those names. As in brat,
 * a key given again goes to the later type (with a warning here); of a
 * type's keys, the one that comes first in the file is its shortcut. A key that Crosscheck cannot use (not
 * one visible character, or a digit) is a warning. Types that the import
 * never uses are ignored, as brat does. Never fails.
 */
void
crosscheck_brat_import_set_shortcuts (CrosscheckBratImport *self,
                                      const char           *name,
                                      const char           *data,
                                      gsize                 length)
{
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (CROSSCHECK_IS_BRAT_IMPORT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (data != NULL || length == 0);

  lines = config_lines (self, name, data != NULL ? data : "", length);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_auto(GStrv) fields = NULL;
      gunichar key;

      if (*line == '\0' || *line == '#')
        continue;

      fields = split_fields (line);
      key = g_utf8_get_char (fields[0]);
      if (g_strv_length (fields) != 2 || g_utf8_strlen (fields[0], -1) != 1 ||
          !g_unichar_isgraph (key) || g_unichar_isdigit (key))
        {
          g_autofree char *quoted = shorten (line);

          warn (self, _("%s:%u: expected one key (a visible character, not a digit) and a "
                        "type, as in “P Person”, not “%s”; the line was ignored"),
                name, i + 1, quoted);
          continue;
        }

      if (g_hash_table_contains (self->shortcuts, GUINT_TO_POINTER (key)))
        {
          const char *before = g_hash_table_lookup (self->shortcuts, GUINT_TO_POINTER (key));
          g_autofree char *quoted_before = shorten (before);
          g_autofree char *quoted = shorten (fields[1]);

          if (!g_str_equal (before, fields[1]))
            warn (self, _("%s:%u: the key %s was %s’s (line %u); it is %s’s now, as in brat"),
                  name, i + 1, fields[0], quoted_before,
                  GPOINTER_TO_UINT (g_hash_table_lookup (self->shortcut_lines, GUINT_TO_POINTER (key))),
                  quoted);
        }
      else if (self->shortcut_keys->len >= MAX_SHORTCUTS)
        {
          if (first_time (self, "too-many-shortcuts"))
            warn (self, _("%s:%u: more than %u keys; the others were left out"),
                  name, i + 1, MAX_SHORTCUTS);
          continue;
        }
      else
        g_array_append_val (self->shortcut_keys, key);
      g_hash_table_replace (self->shortcuts, GUINT_TO_POINTER (key), g_strdup (fields[1]));
      g_hash_table_replace (self->shortcut_lines, GUINT_TO_POINTER (key), GUINT_TO_POINTER (i + 1));
    }
}

/* Colours and keys of visual.conf and kb_shortcuts.conf, for the types the
 * project has: labels, then link types. */
static void
apply_looks (CrosscheckBratImport *self)
{
  GListModel *lists[2] = {
    crosscheck_project_get_labels (self->project),
    crosscheck_project_get_link_types (self->project),
  };
  GHashTable *colors[2] = { self->colors, self->arc_colors };
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);  /* type → its first key */

  for (guint i = 0; i < self->shortcut_keys->len; i++)
    {
      gunichar key = g_array_index (self->shortcut_keys, gunichar, i);
      const char *type = g_hash_table_lookup (self->shortcuts, GUINT_TO_POINTER (key));

      if (!g_hash_table_contains (keys, type))
        g_hash_table_insert (keys, (gpointer) type, GUINT_TO_POINTER (key));
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr(CrosscheckLabel) type = g_list_model_get_item (lists[l], i);
          const char *name = crosscheck_label_get_name (type);
          const char *color = g_hash_table_lookup (colors[l], name);
          g_autofree char *problem_key = g_strconcat (l == 0 ? "l:" : "r:", name, NULL);
          const char *problem = g_hash_table_lookup (self->color_problems, problem_key);
          gunichar key = GPOINTER_TO_UINT (g_hash_table_lookup (keys, name));

          if (color != NULL)
            crosscheck_label_set_color (type, color);
          else if (problem != NULL)
            warn (self, "%s", problem);

          if (key == 0)
            continue;
          /* A name that is both a label and a link type: the label has it.
           * Each key is one type's, so no other label can have it. */
          g_hash_table_remove (keys, name);
          if (crosscheck_project_lookup_shortcut (self->project, key) == NULL)
            crosscheck_label_set_shortcut (type, key);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* One document                                                              */

typedef struct
{
  guint  number;
  char   kind;      /* T, E, R, A, M, N, # or * */
  char  *id;
  char  *data;      /* between the first and the second tab */
  char  *tail;      /* after the second tab, or NULL */
} Line;

typedef struct
{
  guint  line;
  char  *message;
} Problem;

typedef struct
{
  CrosscheckBratImport *self;
  const char           *name;       /* of the .ann file */
  const char           *stem;       /* the file name without folder and suffix */
  CrosscheckDocument   *document;
  gboolean              bom;        /* brat counts a UTF-8 BOM as a character */
  guint                 brat_length;
  GPtrArray            *lines;      /* Line */
  GArray               *problems;   /* Problem */
  GHashTable           *line_of;    /* brat id → line number where defined */
  GHashTable           *bad;        /* brat id → line number of its bad line */
  GHashTable           *fragments;  /* T id → GPtrArray of borrowed spans */
  GHashTable           *triggers;   /* E id → borrowed span */
  GHashTable           *links;      /* R id → borrowed link */
} Doc;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->id);
  g_free (line->data);
  g_free (line->tail);
  g_free (line);
}

static void
problem_clear (gpointer data)
{
  g_free (((Problem *) data)->message);
}

static void
problem (Doc        *doc,
         Line       *line,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Doc        *doc,
         Line       *line,
         const char *format,
         ...)
{
  Problem p;
  va_list args;

  va_start (args, format);
  p.line = line->number;
  p.message = g_strdup_vprintf (format, args);
  va_end (args);

  g_array_append_val (doc->problems, p);
  if (line->id != NULL && !g_hash_table_contains (doc->bad, line->id))
    g_hash_table_insert (doc->bad, g_strdup (line->id), GUINT_TO_POINTER (line->number));
}

static void
problem_from_error (Doc    *doc,
                    Line   *line,
                    GError *error)
{
  problem (doc, line, "%s", error->message);
}

/* Why @id cannot be used by @line: never defined, or left out. */
static void
missing (Doc        *doc,
         Line       *line,
         const char *id)
{
  guint bad = GPOINTER_TO_UINT (g_hash_table_lookup (doc->bad, id));

  if (bad != 0)
    problem (doc, line, _("it refers to %s, which was left out (line %u)"), id, bad);
  else if (g_hash_table_contains (doc->line_of, id))
    problem (doc, line, _("%s (line %u) cannot be referred to here"), id,
             GPOINTER_TO_UINT (g_hash_table_lookup (doc->line_of, id)));
  else
    problem (doc, line, _("%s is not defined in this file"), id);
}

/* Splits the file into lines as Python's universal newlines do (CR LF,
 * CR or LF), and each line into id, data and tail. */
static void
read_lines (Doc        *doc,
            const char *ann,
            gsize       length)
{
  const char *p = ann;
  const char *end = ann + length;
  guint number = 0;

  while (p < end)
    {
      const char *eol = p;
      g_autofree char *text = NULL;
      const char *tab;
      const char *second;
      gsize n;
      Line *line;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      n = eol - p;

      line = g_new0 (Line, 1);
      line->number = ++number;
      g_ptr_array_add (doc->lines, line);

      if (memchr (p, '\0', n) != NULL)
        {
          line->kind = '?';
          problem (doc, line, _("the line contains a NUL byte"));
        }
      else if (!g_utf8_validate_len (p, n, NULL))
        {
          line->kind = '?';
          problem (doc, line, _("the line is not valid UTF-8"));
        }
      else
        text = g_strndup (p, n);

      p = eol;
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n' && (p == eol || *eol == '\r'))
        p++;

      if (text == NULL)
        continue;

      /* Blank lines carry nothing; brat itself writes none. */
      if (text[strspn (text, " \t")] == '\0')
        {
          line->kind = ' ';
          continue;
        }

      tab = strchr (text, '\t');
      if (tab == NULL || tab == text)
        {
          line->kind = '?';
          problem (doc, line, _("expected an id, a tab and an annotation, "
                                "as in “T1<TAB>Person 0 5<TAB>Alice”"));
          continue;
        }

      line->id = g_strndup (text, tab - text);
      line->kind = line->id[0];
      second = strchr (tab + 1, '\t');
      if (second != NULL)
        {
          line->data = g_strndup (tab + 1, second - tab - 1);
          line->tail = g_strdup (second + 1);
        }
      else
        line->data = g_strdup (tab + 1);
    }
}

/* The text brat sees between two of its offsets, which are valid for it. */
static char *
brat_slice (Doc   *doc,
            guint  start,
            guint  end)
{
  g_autofree char *slice = NULL;

  if (!doc->bom)
    return crosscheck_document_dup_slice (doc->document, start, end);

  slice = crosscheck_document_dup_slice (doc->document, start > 0 ? start - 1 : 0, end - 1);
  return start == 0 ? g_strconcat ("\xEF\xBB\xBF", slice, NULL) : g_steal_pointer (&slice);
}

static gboolean
annotation_set_attribute (Doc                  *doc,
                          Line                 *line,
                          const char           *target,
                          GPtrArray            *targets,
                          const char           *name,
                          const char           *value)
{
  CrosscheckBratImport *self = doc->self;
  AttributeDef *def;

  if (!crosscheck_is_valid_name (name))
    {
      g_autofree char *quoted = shorten (name);

      problem (doc, line, _("“%s” cannot be an attribute name in Crosscheck: use 1 to 64 "
                            "characters without spaces"), quoted);
      return FALSE;
    }

  /* All or nothing, so that a left-out line leaves no trace. */
  for (guint i = 0; i < targets->len; i++)
    {
      const char *old = crosscheck_annotation_get_attribute (g_ptr_array_index (targets, i), name);

      if (old != NULL && !g_str_equal (old, value))
        {
          g_autofree char *quoted_old = shorten (old);
          g_autofree char *quoted = shorten (value);

          problem (doc, line, _("%s has the %s “%s” already; this line would make it “%s”"),
                   target, name, quoted_old, quoted);
          return FALSE;
        }
    }

  for (guint i = 0; i < targets->len; i++)
    _crosscheck_annotation_set_attribute (g_ptr_array_index (targets, i), name, value);

  /* A value that annotation.conf does not list is kept, and listed. */
  def = g_hash_table_lookup (self->attribute_by_name, name);
  if (def != NULL && !def->free_text && !g_hash_table_contains (def->value_set, value))
    {
      g_autofree char *quoted = shorten (value);

      warn (self, _("%s:%u: “%s” is not a value of %s in annotation.conf; it was added"),
            doc->name, line->number, quoted, name);
      g_ptr_array_add (def->values, g_strdup (value));
      g_hash_table_add (def->value_set, g_ptr_array_index (def->values, def->values->len - 1));
    }

  return TRUE;
}

/* The spans or link that @id stands for, as annotations. */
static GPtrArray *
resolve_targets (Doc        *doc,
                 Line       *line,
                 const char *id,
                 gboolean    links_too)
{
  GPtrArray *targets = g_ptr_array_new ();
  GPtrArray *fragments = g_hash_table_lookup (doc->fragments, id);
  gpointer one = g_hash_table_lookup (doc->triggers, id);

  if (one == NULL && links_too)
    one = g_hash_table_lookup (doc->links, id);

  if (fragments != NULL)
    g_ptr_array_extend (targets, fragments, NULL, NULL);
  else if (one != NULL)
    g_ptr_array_add (targets, one);
  else
    {
      missing (doc, line, id);
      g_clear_pointer (&targets, g_ptr_array_unref);
    }

  return targets;
}

/* The span that stands for @id as the end of a link. */
static CrosscheckSpan *
resolve_span (Doc        *doc,
              Line       *line,
              const char *id)
{
  GPtrArray *fragments = g_hash_table_lookup (doc->fragments, id);
  CrosscheckSpan *span = g_hash_table_lookup (doc->triggers, id);

  if (fragments != NULL)
    return g_ptr_array_index (fragments, 0);
  if (span == NULL)
    missing (doc, line, id);

  return span;
}

static CrosscheckLink *
add_link (Doc             *doc,
          Line            *line,
          CrosscheckLabel *type,
          CrosscheckSpan  *from,
          CrosscheckSpan  *to)
{
  CrosscheckBratImport *self = doc->self;
  g_autoptr(CrosscheckLink) link = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  CrosscheckLink *other;

  /* A symmetric link's ends come in either order. */
  if (crosscheck_label_get_symmetric (type) && (guintptr) from > (guintptr) to)
    key = g_strdup_printf ("%p %p %p", (gpointer) type, (gpointer) to, (gpointer) from);
  else
    key = g_strdup_printf ("%p %p %p", (gpointer) type, (gpointer) from, (gpointer) to);

  other = g_hash_table_lookup (self->made_links, key);
  if (other != NULL)
    {
      warn (self, _("%s:%u: this %s link repeats one made before; it was imported once"),
            doc->name, line->number, crosscheck_label_get_name (type));
      return other;
    }

  link = _crosscheck_link_new (type, from, to);
  id = _crosscheck_project_new_id (self->project, 'l');
  _crosscheck_annotation_set_id (CROSSCHECK_ANNOTATION (link), id);
  _crosscheck_annotation_set_label (CROSSCHECK_ANNOTATION (link), type);
  _crosscheck_project_insert_link (self->project, link);
  g_hash_table_insert (self->made_links, g_steal_pointer (&key), link);

  return link;
}

/* "ROLE:ID" */
static gboolean
split_argument (Doc         *doc,
                Line        *line,
                const char  *field,
                char       **role,
                char       **id)
{
  const char *colon = strchr (field, ':');

  if (colon == NULL || colon == field || colon[1] == '\0' || strchr (colon + 1, ':') != NULL)
    {
      g_autofree char *quoted = shorten (field);

      problem (doc, line, _("expected an argument ROLE:ID, as in “Arg1:T3”, not “%s”"), quoted);
      return FALSE;
    }

  *role = g_strndup (field, colon - field);
  *id = g_strdup (colon + 1);

  return TRUE;
}

/* Orders (start, end) pairs by start. */
static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const guint *ra = a;
  const guint *rb = b;

  if (ra[0] != rb[0])
    return ra[0] < rb[0] ? -1 : 1;
  return ra[1] < rb[1] ? -1 : ra[1] > rb[1];
}

/* T1<TAB>Person 0 5;10 15<TAB>Alice Smith */
static void
read_textbound (Doc  *doc,
                Line *line)
{
  CrosscheckBratImport *self = doc->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));  /* start, end, start, end, … */
  g_autoptr(GString) reference = g_string_new (NULL);
  g_autoptr(GString) old_style = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  g_autofree char *type = NULL;
  CrosscheckLabel *label;
  GPtrArray *fragments;
  const char *space = strchr (line->data, ' ');

  if (space == NULL || space == line->data)
    {
      problem (doc, line, _("expected a type and offsets, as in “Person 0 5”"));
      return;
    }

  type = g_strndup (line->data, space - line->data);
  parts = g_strsplit (space + 1, ";", MAX_FRAGMENTS + 1);
  if (g_strv_length (parts) > MAX_FRAGMENTS)
    {
      problem (doc, line, _("more than %u fragments; Crosscheck imports at most %u"),
               MAX_FRAGMENTS, MAX_FRAGMENTS);
      return;
    }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) fields = split_fields (parts[i]);
      guint64 start, end;
      guint range[2];

      if (g_strv_length (fields) != 2 || !parse_offset (fields[0], &start) ||
          !parse_offset (fields[1], &end))
        {
          g_autofree char *quoted = shorten (space + 1);

          problem (doc, line, _("expected offsets START END (decimal numbers), separated by “;” "
                                "for a discontinuous span, not “%s”"), quoted);
          return;
        }
      if (start > end)
        {
          problem (doc, line, _("the span %llu–%llu ends before it starts"),
                   (unsigned long long) start, (unsigned long long) end);
          return;
        }
      if (end > doc->brat_length)
        {
          problem (doc, line, _("the offset %llu is past the end of the text (%u characters)"),
                   (unsigned long long) end, doc->brat_length);
          return;
        }
      if (start == end)
        {
          problem (doc, line, _("the span %llu–%llu is empty, and Crosscheck holds no empty spans"),
                   (unsigned long long) start, (unsigned long long) end);
          return;
        }
      if (doc->bom && start == 0 && end == 1)
        {
          problem (doc, line, _("the span 0–1 covers only the file’s byte-order mark"));
          return;
        }

      range[0] = start;
      range[1] = end;
      g_array_append_vals (ranges, range, 2);
    }

  /* g_strsplit() gives no part at all for "Person " */
  if (ranges->len == 0)
    {
      problem (doc, line, _("expected a type and offsets, as in “Person 0 5”"));
      return;
    }

  /* Fragments may come in any order but must not overlap: in start order,
   * each ends before the next starts. */
  {
    g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, 2 * sizeof (guint), ranges->len / 2);

    g_array_append_vals (sorted, ranges->data, ranges->len / 2);
    g_array_sort (sorted, compare_ranges);
    for (guint j = 1; j < sorted->len; j++)
      {
        guint *a = (guint *) (void *) (sorted->data + 2 * sizeof (guint) * (j - 1));
        guint *b = (guint *) (void *) (sorted->data + 2 * sizeof (guint) * j);

        if (b[0] < a[1])
          {
            problem (doc, line, _("the fragments %u–%u and %u–%u overlap"), a[0], a[1], b[0], b[1]);
            return;
          }
      }
  }

  label = use_type (self, type, FALSE, &error);
  if (label == NULL)
    {
      problem_from_error (doc, line, error);
      return;
    }

  for (guint j = 0; j < ranges->len / 2; j++)
    {
      guint *range = &g_array_index (ranges, guint, 2 * j);
      g_autofree char *slice = brat_slice (doc, range[0], range[1]);

      if (j > 0)
        g_string_append_c (reference, ' ');
      g_string_append (reference, slice);
      g_string_append (old_style, slice);
    }

  if (line->tail == NULL || *line->tail == '\0')
    warn (self, _("%s:%u: %s has no text to check against the .txt"), doc->name, line->number,
          line->id);
  else if (g_str_equal (line->tail, reference->str))
    ;
  else if (g_str_has_prefix (line->tail, reference->str) &&
           g_ascii_isspace (line->tail[reference->len]))
    warn (self, _("%s:%u: what follows the text of %s was ignored"), doc->name, line->number,
          line->id);
  else if (ranges->len > 2 && g_str_equal (line->tail, old_style->str))
    ;  /* brat before 1.3 joined fragments without a space */
  else
    {
      g_autoptr(GString) escaped = g_string_new (reference->str);
      g_autofree char *quoted = shorten (line->tail);
      g_autofree char *quoted_offsets = shorten (space + 1);
      g_autofree char *quoted_reference = NULL;

      /* The .ann line cannot hold a line break: show where the text has one. */
      g_string_replace (escaped, "\n", "\\n", 0);
      g_string_replace (escaped, "\t", "\\t", 0);
      quoted_reference = shorten (escaped->str);

      problem (doc, line, _("the text “%s” does not match the .txt at %s, which is “%s”"),
               quoted, quoted_offsets, quoted_reference);
      return;
    }

  /* brat cuts a selection that crosses a line break into fragments at the
   * break (and so does Crosscheck's brat export): fragments with nothing
   * but line breaks between them are one span again. */
  /* ranges holds start, end, start, end, …: sort pairs, not numbers. */
  qsort (ranges->data, ranges->len / 2, 2 * sizeof (guint), compare_ranges);
  for (guint j = 1; j < ranges->len / 2;)
    {
      guint *a = &g_array_index (ranges, guint, 2 * (j - 1));
      guint *b = &g_array_index (ranges, guint, 2 * j);
      g_autofree char *gap = brat_slice (doc, a[1], b[0]);

      if (*gap != '\0' && strspn (gap, "\n") == strlen (gap))
        {
          a[1] = b[1];
          g_array_remove_range (ranges, 2 * j, 2);
        }
      else
        j++;
    }

  fragments = g_ptr_array_new ();
  for (guint j = 0; j < ranges->len / 2; j++)
    {
      guint *range = &g_array_index (ranges, guint, 2 * j);
      guint start = doc->bom && range[0] > 0 ? range[0] - 1 : range[0];
      guint end = doc->bom ? range[1] - 1 : range[1];
      g_autoptr(CrosscheckSpan) span = _crosscheck_span_new (doc->document, start, end);
      g_autofree char *id = _crosscheck_project_new_id (self->project, 's');

      _crosscheck_annotation_set_id (CROSSCHECK_ANNOTATION (span), id);
      _crosscheck_annotation_set_label (CROSSCHECK_ANNOTATION (span), label);
      if (ranges->len > 2)
        _crosscheck_annotation_set_attribute (CROSSCHECK_ANNOTATION (span), DISCONTINUOUS_ATTRIBUTE,
                                              line->id);
      _crosscheck_project_insert_span (self->project, span);
      g_ptr_array_add (fragments, span);
    }

  /* For cross-document-links.tsv, which names spans by file and T id. */
  if (doc->stem != NULL)
    g_hash_table_insert (self->refs, g_strconcat (doc->stem, "\t", line->id, NULL),
                         g_ptr_array_index (fragments, 0));

  g_hash_table_insert (doc->fragments, g_strdup (line->id), fragments);
}

/* E1<TAB>Merge-org:T2 Org-Arg:T1 Org-Arg2:T3: the trigger, first. */
static void
read_trigger (Doc  *doc,
              Line *line)
{
  g_auto(GStrv) fields = split_fields (line->data);
  g_autofree char *type = NULL;
  g_autofree char *trigger = NULL;
  CrosscheckSpan *span;
  const char *trigger_type;

  if (fields[0] == NULL)
    {
      problem (doc, line, _("expected a type and a trigger, as in “Merge-org:T2”"));
      return;
    }
  if (!split_argument (doc, line, fields[0], &type, &trigger))
    return;

  span = resolve_span (doc, line, trigger);
  if (span == NULL)
    return;
  if (!g_hash_table_contains (doc->fragments, trigger))
    {
      problem (doc, line, _("the trigger %s is not a text-bound (T) annotation"), trigger);
      return;
    }

  trigger_type = crosscheck_label_get_name (crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span)));
  if (!g_str_equal (trigger_type, type))
    {
      problem (doc, line, _("the event’s type %s differs from its trigger %s’s type %s"),
               type, trigger, trigger_type);
      return;
    }

  g_hash_table_add (doc->self->event_types, g_strdup (type));
  g_hash_table_insert (doc->triggers, g_strdup (line->id), span);
}

/* …then one link per argument, from the trigger, typed by the role. */
static void
read_event_arguments (Doc  *doc,
                      Line *line)
{
  g_auto(GStrv) fields = split_fields (line->data);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autoptr(GPtrArray) ends = g_ptr_array_new ();
  CrosscheckSpan *trigger = g_hash_table_lookup (doc->triggers, line->id);

  if (trigger == NULL)
    return;  /* the trigger was reported */

  /* Every argument is checked before any link is made. */
  for (guint i = 1; fields[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *role = NULL;
      g_autofree char *id = NULL;
      g_autofree char *type_name = NULL;
      CrosscheckLabel *type;
      CrosscheckSpan *end;

      if (!split_argument (doc, line, fields[i], &role, &id))
        return;
      end = resolve_span (doc, line, id);
      if (end == NULL)
        return;
      if (end == trigger)
        {
          problem (doc, line, _("the argument %s is the event’s own trigger"), fields[i]);
          return;
        }
      type_name = role_name (role);
      type = use_type (doc->self, type_name, TRUE, &error);
      if (type == NULL)
        {
          problem_from_error (doc, line, error);
          return;
        }
      g_ptr_array_add (types, type);
      g_ptr_array_add (ends, end);
    }

  for (guint i = 0; i < ends->len; i++)
    add_link (doc, line, g_ptr_array_index (types, i), trigger, g_ptr_array_index (ends, i));
}

/* R1<TAB>Origin Arg1:T6 Arg2:T7 */
static void
read_relation (Doc  *doc,
               Line *line)
{
  g_auto(GStrv) fields = split_fields (line->data);
  g_autoptr(GError) error = NULL;
  g_autofree char *role1 = NULL, *id1 = NULL, *role2 = NULL, *id2 = NULL;
  CrosscheckSpan *from, *to;
  CrosscheckLabel *type;

  if (g_strv_length (fields) != 3)
    {
      problem (doc, line, _("expected a type and two arguments, as in “Origin Arg1:T6 Arg2:T7”"));
      return;
    }
  if (!split_argument (doc, line, fields[1], &role1, &id1) ||
      !split_argument (doc, line, fields[2], &role2, &id2))
    return;
  if (g_str_equal (role1, role2))
    {
      problem (doc, line, _("both arguments have the role %s"), role1);
      return;
    }

  from = resolve_span (doc, line, id1);
  to = from ? resolve_span (doc, line, id2) : NULL;
  if (from == NULL || to == NULL)
    return;
  if (from == to)
    {
      problem (doc, line, _("a relation cannot join %s to itself"), id1);
      return;
    }

  type = use_type (doc->self, fields[0], TRUE, &error);
  if (type == NULL)
    {
      problem_from_error (doc, line, error);
      return;
    }

  g_hash_table_insert (doc->links, g_strdup (line->id), add_link (doc, line, type, from, to));
}

/* *<TAB>Alias T3 T4 T5: links from the first to each of the others. */
static void
read_equivalence (Doc  *doc,
                  Line *line)
{
  CrosscheckBratImport *self = doc->self;
  g_auto(GStrv) fields = split_fields (line->data);
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CrosscheckLabel *type;
  gboolean fresh;

  if (g_strv_length (fields) < 3)
    {
      problem (doc, line, _("expected a type and at least two ids, as in “Alias T3 T4”"));
      return;
    }

  for (guint i = 1; fields[i] != NULL; i++)
    {
      CrosscheckSpan *span = resolve_span (doc, line, fields[i]);
      guint position;

      if (span == NULL)
        return;
      if (g_ptr_array_find (spans, span, &position))
        {
          problem (doc, line, _("%s is listed twice"), fields[i]);
          return;
        }
      g_ptr_array_add (spans, span);
    }

  fresh = !g_hash_table_contains (self->link_types, fields[0]);
  type = use_type (self, fields[0], TRUE, &error);
  if (type == NULL)
    {
      problem_from_error (doc, line, error);
      return;
    }
  /* Equivalence has no direction; an existing type keeps its links valid. */
  if (fresh)
    crosscheck_label_set_symmetric (type, TRUE);

  for (guint i = 1; i < spans->len; i++)
    add_link (doc, line, type, g_ptr_array_index (spans, 0), g_ptr_array_index (spans, i));
}

/* A1<TAB>Mention T4 Name, A2<TAB>Individual T4, M1<TAB>Negation E1 */
static void
read_attribute (Doc  *doc,
                Line *line)
{
  g_auto(GStrv) fields = split_fields (line->data);
  g_autoptr(GPtrArray) targets = NULL;
  guint n = g_strv_length (fields);

  if (n < 2 || n > 3 || (line->kind == 'M' && n != 2))
    {
      problem (doc, line, _("expected an attribute, an id and maybe a value, as in "
                            "“Mention T4 Name”"));
      return;
    }

  targets = resolve_targets (doc, line, fields[1], TRUE);
  if (targets != NULL)
    annotation_set_attribute (doc, line, fields[1], targets, fields[0], n == 3 ? fields[2] : "true");
}

/* N1<TAB>Reference T5 Wikipedia:64488<TAB>Carlos Salinas de Gortari */
static void
read_normalization (Doc  *doc,
                    Line *line)
{
  g_auto(GStrv) fields = split_fields (line->data);
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *text_name = NULL;
  g_autofree char *text = NULL;
  const char *colon;

  if (g_strv_length (fields) != 3 || (colon = strchr (fields[2], ':')) == NULL ||
      colon == fields[2] || colon[1] == '\0')
    {
      problem (doc, line, _("expected a type, an id and DATABASE:ENTRY, as in "
                            "“Reference T5 Wikipedia:64488”"));
      return;
    }

  targets = resolve_targets (doc, line, fields[1], TRUE);
  if (targets == NULL)
    return;

  text = g_strstrip (g_strdup (line->tail ? line->tail : ""));
  text_name = g_strconcat (fields[0], ".text", NULL);
  if (*text != '\0' && !crosscheck_is_valid_name (text_name))
    {
      problem (doc, line, _("“%s” cannot be an attribute name in Crosscheck: use 1 to 64 "
                            "characters without spaces"), text_name);
      return;
    }

  if (annotation_set_attribute (doc, line, fields[1], targets, fields[0], fields[2]) && *text != '\0')
    annotation_set_attribute (doc, line, fields[1], targets, text_name, text);
}

/* #1<TAB>AnnotatorNotes T2<TAB>text: a note; other types are attributes. */
static void
read_comment (Doc  *doc,
              Line *line)
{
  g_auto(GStrv) fields = split_fields (line->data);
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *text = NULL;

  if (g_strv_length (fields) != 2)
    {
      problem (doc, line, _("expected a type and an id, as in “AnnotatorNotes T1”"));
      return;
    }

  targets = resolve_targets (doc, line, fields[1], TRUE);
  if (targets == NULL)
    return;

  text = g_strstrip (g_strdup (line->tail ? line->tail : ""));
  if (!g_str_equal (fields[0], NOTE_TYPE))
    {
      annotation_set_attribute (doc, line, fields[1], targets, fields[0], text);
      return;
    }

  for (guint i = 0; i < targets->len; i++)
    {
      CrosscheckAnnotation *annotation = g_ptr_array_index (targets, i);
      const char *old = crosscheck_annotation_get_note (annotation);
      g_autofree char *note = *old != '\0' ? g_strconcat (old, "\n", text, NULL) : g_strdup (text);

      _crosscheck_annotation_set_note (annotation, note);
    }
}

static gboolean
valid_brat_id (const char *id)
{
  const char *p = id;

  if (g_str_equal (id, "*"))
    return TRUE;

  if (*p == '#')
    p++;
  else if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalpha (*p))
    p++;

  return g_ascii_isdigit (*p);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a;
  const Problem *pb = b;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

static void
doc_clear (Doc *doc)
{
  g_clear_object (&doc->document);
  g_clear_pointer (&doc->lines, g_ptr_array_unref);
  g_clear_pointer (&doc->problems, g_array_unref);
  g_clear_pointer (&doc->line_of, g_hash_table_unref);
  g_clear_pointer (&doc->bad, g_hash_table_unref);
  g_clear_pointer (&doc->fragments, g_hash_table_unref);
  g_clear_pointer (&doc->triggers, g_hash_table_unref);
  g_clear_pointer (&doc->links, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Doc, doc_clear)

static void
read_annotations (Doc        *doc,
                  const char *ann,
                  gsize       length)
{
  /* Text-bound annotations first, then event triggers, since everything
   * else refers to them, wherever they stand in the file. */
  static const char passes[][5] = { "T", "E", "ER*", "AMN#" };

  read_lines (doc, ann, length);

  for (guint i = 0; i < doc->lines->len; i++)
    {
      Line *line = g_ptr_array_index (doc->lines, i);
      guint first;

      if (line->id == NULL)
        continue;

      if (!valid_brat_id (line->id) || strchr ("TERAMN#*", line->kind) == NULL)
        {
          g_autofree char *quoted = shorten (line->id);

          problem (doc, line, _("“%s” is not a brat annotation id: ids start with T, R, E, "
                                "A, M, N or # and a number, or are *"), quoted);
          line->kind = '?';
          continue;
        }
      if (line->kind == '*')
        continue;

      first = GPOINTER_TO_UINT (g_hash_table_lookup (doc->line_of, line->id));
      if (first != 0)
        {
          line->kind = '?';
          problem (doc, line, _("the id %s is used already on line %u"), line->id, first);
          continue;
        }
      g_hash_table_insert (doc->line_of, g_strdup (line->id), GUINT_TO_POINTER (line->number));
    }

  for (guint pass = 0; pass < G_N_ELEMENTS (passes); pass++)
    {
      for (guint i = 0; i < doc->lines->len; i++)
        {
          Line *line = g_ptr_array_index (doc->lines, i);

          if (line->id == NULL || line->kind == '?' || strchr (passes[pass], line->kind) == NULL)
            continue;

          switch (line->kind)
            {
            case 'T':
              read_textbound (doc, line);
              break;
            case 'E':
              if (pass == 1)
                read_trigger (doc, line);
              else
                read_event_arguments (doc, line);
              break;
            case 'R':
              read_relation (doc, line);
              break;
            case '*':
              read_equivalence (doc, line);
              break;
            case 'A':
            case 'M':
              read_attribute (doc, line);
              break;
            case 'N':
              read_normalization (doc, line);
              break;
            case '#':
              read_comment (doc, line);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; data != NULL && i < length; i++)
    {
      if (strchr (" \t\r\n", data[i]) == NULL || data[i] == '\0')
        return FALSE;
    }

  return TRUE;
}

/* Fails the import at the first problem in line order, or with
 * SKIP_BAD_LINES lists them all as warnings. */
static gboolean
report_problems (Doc     *doc,
                 GError **error)
{
  CrosscheckBratImport *self = doc->self;

  g_array_sort (doc->problems, compare_problems);

  if (doc->problems->len > 0 && !(self->flags & CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES))
    {
      Problem *first = &g_array_index (doc->problems, Problem, 0);

      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_BAD_LINE, "%s:%u: %s",
                   doc->name, first->line, first->message);
      self->failed = TRUE;
      return FALSE;
    }

  for (guint i = 0; i < doc->problems->len; i++)
    {
      Problem *p = &g_array_index (doc->problems, Problem, i);

      warn (self, _("%s:%u: %s (line left out)"), doc->name, p->line, p->message);
    }

  return TRUE;
}

/**
 * crosscheck_brat_import_add_document:
 * @self: a #CrosscheckBratImport
 * @name: the document's name without suffix, e.g. a path `dir/news-1`;
 *   messages name `NAME.txt` and `NAME.ann`
 * @text: (array length=text_length): the contents of NAME.txt
 * @text_length: its length in bytes
 * @ann: (array length=ann_length) (nullable): the contents of NAME.ann, or
 *   %NULL if there is none
 * @ann_length: its length in bytes
 * @error: return location for a #GError
 *
 * Imports one document with its annotations. Every text-bound annotation's
 * text is checked against the .txt. A malformed line fails the import with
 * a %CROSSCHECK_BRAT_ERROR_BAD_LINE error whose message reads
 * `NAME.ann:LINE: what is wrong`, unless the import skips bad lines: then
 * the line, and whatever refers to it, is left out and reported in the
 * warnings. After a failure the import cannot be finished.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_brat_import_add_document (CrosscheckBratImport  *self,
                                     const char            *name,
                                     const char            *text,
                                     gsize                  text_length,
                                     const char            *ann,
                                     gsize                  ann_length,
                                     GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *ann_name = NULL;
  g_autofree char *txt_name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *id = NULL;
  g_auto(Doc) doc = { 0 };

  g_return_val_if_fail (CROSSCHECK_IS_BRAT_IMPORT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (text != NULL || text_length == 0, FALSE);
  g_return_val_if_fail (ann != NULL || ann_length == 0, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (self->failed)
    {
      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FAILED,
                   _("The import stopped at an earlier error."));
      return FALSE;
    }

  self->has_documents = TRUE;
  ann_name = g_strconcat (name, ".ann", NULL);
  txt_name = g_strconcat (name, ".txt", NULL);
  basename = g_path_get_basename (txt_name);

  if (ann_length > CROSSCHECK_BRAT_MAX_ANN_BYTES)
    {
      g_autofree char *limit = g_format_size_full (CROSSCHECK_BRAT_MAX_ANN_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE,
                   _("%s: the file is over the limit of %s"), ann_name, limit);
      self->failed = TRUE;
      return FALSE;
    }

  bytes = g_bytes_new (text, text_length);
  doc.document = crosscheck_document_new_from_bytes (bytes, basename, &local_error);
  if (doc.document == NULL)
    {
      /* brat lets a document be empty; with nothing on it, leave it out. */
      if (g_error_matches (local_error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_EMPTY) &&
          is_blank (ann, ann_length))
        {
          warn (self, _("%s: the text is empty; the document was left out"), txt_name);
          return TRUE;
        }

      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE, "%s: %s",
                   txt_name, local_error->message);
      self->failed = TRUE;
      return FALSE;
    }

  {
    CrosscheckDocument *same = _crosscheck_project_find_same_text (self->project, doc.document);

    if (same != NULL)
      {
        g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE,
                     _("%s: the same text as %s; a project holds each article once. "
                       "Import the two from separate folders, or leave one out"),
                     txt_name, crosscheck_document_get_source (same));
        g_clear_object (&doc.document);
        self->failed = TRUE;
        return FALSE;
      }
  }

  /* The file name is the id, as Crosscheck's brat export writes it, when
   * it can be one; otherwise d1, d2, … */
  stem = g_path_get_basename (name);
  if (crosscheck_is_valid_id (stem) && !_crosscheck_project_has_id (self->project, stem))
    id = g_strdup (stem);
  else
    id = _crosscheck_project_new_id (self->project, 'd');
  _crosscheck_document_set_id (doc.document, id);
  _crosscheck_project_insert_document (self->project, doc.document);
  if (!g_hash_table_contains (self->stems, stem))
    {
      g_hash_table_insert (self->stems, g_strdup (stem), doc.document);
      doc.stem = stem;
    }

  doc.self = self;
  doc.name = ann_name;
  doc.bom = crosscheck_document_get_encoding (doc.document) == CROSSCHECK_ENCODING_UTF8_BOM;
  doc.brat_length = crosscheck_document_get_length (doc.document) + (doc.bom ? 1 : 0);
  doc.lines = g_ptr_array_new_with_free_func (line_free);
  doc.problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (doc.problems, problem_clear);
  doc.line_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc.bad = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc.fragments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  doc.triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc.links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (ann != NULL)
    read_annotations (&doc, ann, ann_length);

  return report_problems (&doc, error);
}

/* ------------------------------------------------------------------------ */
/* cross-document-links.tsv                                                  */

/* Undoes the exporter's escapes \t, \n and \\; %NULL for any other. */
static char *
unescape_cell (const char *cell)
{
  GString *out = g_string_sized_new (strlen (cell));

  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == 't')
        g_string_append_c (out, '\t');
      else if (*p == 'n')
        g_string_append_c (out, '\n');
      else if (*p == '\\')
        g_string_append_c (out, '\\');
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }

  return g_string_free (out, FALSE);
}

/* An attributes cell is a flat JSON object: no deeper nesting, which
 * json-glib would follow with recursion as deep as the input. */
static gboolean
json_is_flat (const char *text)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > 1)
            return FALSE;
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* Span texts in the file against the spans: a span that began or ended
 * with a line break lost it in the .ann (the export reports that). */
static gboolean
same_text (const char *expected,
           const char *text)
{
  gsize n = strlen (expected);
  gsize start = strspn (expected, "\n");

  while (n > start && expected[n - 1] == '\n')
    n--;

  return strlen (text) == n - start && strncmp (expected + start, text, n - start) == 0;
}

static CrosscheckSpan *
cross_end (Doc        *doc,
           Line       *line,
           const char *stem,
           const char *t_id,
           const char *text)
{
  g_autofree char *key = g_strconcat (stem, "\t", t_id, NULL);
  CrosscheckSpan *span;

  if (!g_hash_table_contains (doc->self->stems, stem))
    {
      g_autofree char *quoted = shorten (stem);

      problem (doc, line, _("there is no document “%s” (%s.txt) in this folder"), quoted, quoted);
      return NULL;
    }

  span = g_hash_table_lookup (doc->self->refs, key);
  if (span == NULL)
    {
      g_autofree char *quoted = shorten (t_id);

      problem (doc, line, _("%s.ann has no text-bound annotation “%s”"), stem, quoted);
      return NULL;
    }

  if (!same_text (text, crosscheck_span_get_text (span)))
    {
      g_autofree char *quoted = shorten (text);
      g_autofree char *quoted_span = shorten (crosscheck_span_get_text (span));

      problem (doc, line, _("the text “%s” is not that of %s in %s.ann, which is “%s”"),
               quoted, t_id, stem, quoted_span);
      return NULL;
    }

  return span;
}

/* l1<TAB>contradicts<TAB>d1<TAB>T3<TAB>d2<TAB>T2<TAB>text<TAB>text<TAB>{…}<TAB>note */
static void
read_cross_link (Doc  *doc,
                 Line *line,
                 char *text)
{
  g_auto(GStrv) fields = g_strsplit (text, "\t", CROSS_LINKS_COLUMNS + 1);
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *note = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object = NULL;
  CrosscheckSpan *from, *to;
  CrosscheckLabel *type;
  CrosscheckLink *link;

  if (g_strv_length (fields) != CROSS_LINKS_COLUMNS)
    {
      problem (doc, line, _("expected %u columns separated by tabs (link, type, from_document, "
                            "from_annotation, to_document, to_annotation, from_text, to_text, "
                            "attributes, note), not %u"),
               CROSS_LINKS_COLUMNS, g_strv_length (fields));
      return;
    }

  from_text = unescape_cell (fields[6]);
  to_text = unescape_cell (fields[7]);
  attributes = unescape_cell (fields[8]);
  note = unescape_cell (fields[9]);
  if (from_text == NULL || to_text == NULL || attributes == NULL || note == NULL)
    {
      problem (doc, line, _("a backslash in a cell must start \\t, \\n or \\\\"));
      return;
    }

  from = cross_end (doc, line, fields[2], fields[3], from_text);
  to = from != NULL ? cross_end (doc, line, fields[4], fields[5], to_text) : NULL;
  if (from == NULL || to == NULL)
    return;
  if (from == to)
    {
      problem (doc, line, _("a link cannot join %s to itself"), fields[3]);
      return;
    }

  if (*attributes != '\0')
    {
      parser = json_parser_new ();
      if (!json_is_flat (attributes) || !json_parser_load_from_data (parser, attributes, -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_autofree char *quoted = shorten (attributes);

          problem (doc, line, _("the attributes must be a JSON object of strings, as in "
                                "{\"certainty\": \"hedged\"}, not “%s”"), quoted);
          return;
        }
      object = json_node_get_object (json_parser_get_root (parser));
      members = json_object_get_members (object);
      for (GList *m = members; m != NULL; m = m->next)
        {
          JsonNode *value = json_object_get_member (object, m->data);

          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING ||
              !crosscheck_is_valid_name (m->data))
            {
              g_autofree char *quoted = shorten (m->data);

              problem (doc, line, _("the attribute “%s” must have a name of 1 to 64 characters "
                                    "without spaces and a string value"), quoted);
              return;
            }
        }
    }

  type = use_type (doc->self, fields[1], TRUE, &error);
  if (type == NULL)
    {
      problem_from_error (doc, line, error);
      return;
    }

  link = add_link (doc, line, type, from, to);
  targets = g_ptr_array_new ();
  g_ptr_array_add (targets, link);
  for (GList *m = members; m != NULL; m = m->next)
    {
      if (!annotation_set_attribute (doc, line, fields[0], targets, m->data,
                                     json_object_get_string_member (object, m->data)))
        return;
    }
  if (*note != '\0' && *crosscheck_annotation_get_note (CROSSCHECK_ANNOTATION (link)) == '\0')
    _crosscheck_annotation_set_note (CROSSCHECK_ANNOTATION (link), note);
}

/**
 * crosscheck_brat_import_add_cross_links:
 * @self: a #CrosscheckBratImport
 * @name: the file name, for messages
 * @data: (array length=length): the contents of cross-document-links.tsv
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Adds the links between documents that Crosscheck's brat export writes
 * to cross-document-links.tsv (brat has none): one per line after the
 * header, with both ends named by document and `T` id, as in the
 * documents added before. A malformed line fails the import as in
 * crosscheck_brat_import_add_document(), unless the import skips bad
 * lines.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_brat_import_add_cross_links (CrosscheckBratImport  *self,
                                        const char            *name,
                                        const char            *data,
                                        gsize                  length,
                                        GError               **error)
{
  g_auto(Doc) doc = { 0 };
  const char *p = data;
  const char *end = data + length;
  guint number = 0;

  g_return_val_if_fail (CROSSCHECK_IS_BRAT_IMPORT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (self->failed)
    {
      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FAILED,
                   _("The import stopped at an earlier error."));
      return FALSE;
    }
  if (length > CROSSCHECK_BRAT_MAX_ANN_BYTES)
    {
      g_autofree char *limit = g_format_size_full (CROSSCHECK_BRAT_MAX_ANN_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE,
                   _("%s: the file is over the limit of %s"), name, limit);
      self->failed = TRUE;
      return FALSE;
    }

  doc.self = self;
  doc.name = name;
  doc.lines = g_ptr_array_new_with_free_func (line_free);
  doc.problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (doc.problems, problem_clear);
  doc.bad = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while (p != NULL && p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize n = (eol != NULL ? eol : end) - p;
      g_autofree char *text = NULL;
      Line *line = g_new0 (Line, 1);

      line->number = ++number;
      g_ptr_array_add (doc.lines, line);
      if (n > 0 && p[n - 1] == '\r')
        n--;

      if (memchr (p, '\0', n) != NULL)
        problem (&doc, line, _("the line contains a NUL byte"));
      else if (!g_utf8_validate_len (p, n, NULL))
        problem (&doc, line, _("the line is not valid UTF-8"));
      else
        text = g_strndup (p, n);
      p = eol != NULL ? eol + 1 : NULL;

      if (text == NULL || text[strspn (text, " \t")] == '\0')
        continue;
      /* The header */
      if (number == 1 && g_str_has_prefix (text, "link\t"))
        continue;

      read_cross_link (&doc, line, text);
    }

  return report_problems (&doc, error);
}

/* ------------------------------------------------------------------------ */
/* A folder                                                                  */

static GBytes *
load_limited (GFile         *file,
              goffset        limit,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *contents = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > limit)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *max = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE,
                   _("%s: the file is %s, over the limit of %s"), path, size, max);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return crosscheck_natural_compare (*(const char * const *) a, *(const char * const *) b);
}

/**
 * crosscheck_brat_import_add_folder:
 * @self: a #CrosscheckBratImport with nothing added yet
 * @folder: a brat collection: NAME.txt and NAME.ann files, and maybe an
 *   annotation.conf
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports every document of a folder, in natural order of the names, with
 * the label set of its annotation.conf. Subfolders are not imported (each
 * is a collection of its own); they are named in the warnings.
 * Blocking: call it from a worker thread in the UI. A cancelled import
 * fails with %G_IO_ERROR_CANCELLED.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_brat_import_add_folder (CrosscheckBratImport  *self,
                                   GFile                 *folder,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) anns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  gboolean has_conf = FALSE;
  gboolean has_visual = FALSE;
  gboolean has_shortcuts = FALSE;
  gboolean has_cross_links = FALSE;
  GFileInfo *info;

  g_return_val_if_fail (CROSSCHECK_IS_BRAT_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (!self->has_documents && !self->has_config, FALSE);

  display = g_file_get_parse_name (folder);
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (children == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      self->failed = TRUE;
      return FALSE;
    }
  if (children == NULL)
    {
      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE, "%s: %s",
                   display, local_error->message);
      self->failed = TRUE;
      return FALSE;
    }

  while ((info = g_file_enumerator_next_file (children, cancellable, &local_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (name[0] == '.')
        ;
      else if (type == G_FILE_TYPE_DIRECTORY)
        warn (self, _("%s: the subfolder “%s” was not imported; import it on its own"),
              display, name);
      else if (g_str_equal (name, "annotation.conf"))
        has_conf = TRUE;
      else if (g_str_equal (name, "visual.conf"))
        has_visual = TRUE;
      else if (g_str_equal (name, "kb_shortcuts.conf"))
        has_shortcuts = TRUE;
      else if (g_str_equal (name, CROSSCHECK_BRAT_CROSS_LINKS_FILE))
        has_cross_links = TRUE;
      else if (g_str_has_suffix (name, ".txt") && strlen (name) > 4)
        g_ptr_array_add (texts, g_strndup (name, strlen (name) - 4));
      else if (g_str_has_suffix (name, ".ann") && strlen (name) > 4)
        g_hash_table_add (anns, g_strndup (name, strlen (name) - 4));
      g_object_unref (info);
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      self->failed = TRUE;
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE, "%s: %s",
                   display, local_error->message);
      self->failed = TRUE;
      return FALSE;
    }

  if (texts->len == 0)
    {
      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE,
                   _("%s: there are no brat documents here (NAME.txt files, each with its "
                     "NAME.ann). Choose the folder that holds them."), display);
      self->failed = TRUE;
      return FALSE;
    }

  if (has_conf)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, "annotation.conf");
      g_autoptr(GBytes) bytes = load_limited (file, CROSSCHECK_BRAT_MAX_CONF_BYTES, cancellable, error);
      g_autofree char *conf_name = g_file_get_parse_name (file);
      gsize length;
      const char *data;

      if (bytes == NULL)
        {
          self->failed = TRUE;
          return FALSE;
        }
      data = g_bytes_get_data (bytes, &length);
      if (!crosscheck_brat_import_set_config (self, conf_name, data, length, error))
        return FALSE;
    }

  /* Colours and keys are a nicety: a file that cannot be read is a warning. */
  for (guint i = 0; i < 2; i++)
    {
      const char *conf = i == 0 ? "visual.conf" : "kb_shortcuts.conf";
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) conf_error = NULL;
      g_autofree char *conf_name = NULL;
      const char *data;
      gsize length;

      if (!(i == 0 ? has_visual : has_shortcuts))
        continue;
      file = g_file_get_child (folder, conf);
      conf_name = g_file_get_parse_name (file);
      bytes = load_limited (file, CROSSCHECK_BRAT_MAX_CONF_BYTES, cancellable, &conf_error);
      if (g_error_matches (conf_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&conf_error));
          self->failed = TRUE;
          return FALSE;
        }
      if (bytes == NULL)
        {
          warn (self, _("%s; it was ignored"), conf_error->message);
          continue;
        }
      data = g_bytes_get_data (bytes, &length);
      if (i == 0)
        crosscheck_brat_import_set_visual (self, conf_name, data ? data : "", length);
      else
        crosscheck_brat_import_set_shortcuts (self, conf_name, data ? data : "", length);
    }

  g_ptr_array_sort (texts, compare_names);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *stem = g_ptr_array_index (texts, i);
      g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
      g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
      g_autoptr(GFile) txt_file = g_file_get_child (folder, txt_name);
      g_autoptr(GFile) ann_file = g_file_get_child (folder, ann_name);
      g_autofree char *path = g_build_filename (display, stem, NULL);
      g_autoptr(GBytes) text = NULL;
      g_autoptr(GBytes) ann = NULL;
      gsize text_length = 0, ann_length = 0;
      const char *text_data, *ann_data = NULL;

      text = load_limited (txt_file, CROSSCHECK_DOCUMENT_MAX_BYTES, cancellable, error);
      if (text == NULL)
        {
          self->failed = TRUE;
          return FALSE;
        }
      if (g_hash_table_remove (anns, stem))
        {
          ann = load_limited (ann_file, CROSSCHECK_BRAT_MAX_ANN_BYTES, cancellable, error);
          if (ann == NULL)
            {
              self->failed = TRUE;
              return FALSE;
            }
          ann_data = g_bytes_get_data (ann, &ann_length);
          if (ann_data == NULL)
            ann_data = "";
        }
      else
        warn (self, _("%s.txt has no %s.ann; it was imported without annotations"), path, stem);

      text_data = g_bytes_get_data (text, &text_length);
      if (!crosscheck_brat_import_add_document (self, path, text_data ? text_data : "", text_length,
                                                ann_data, ann_length, error))
        return FALSE;
    }

  if (has_cross_links)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, CROSSCHECK_BRAT_CROSS_LINKS_FILE);
      g_autoptr(GBytes) bytes = load_limited (file, CROSSCHECK_BRAT_MAX_ANN_BYTES, cancellable, error);
      g_autofree char *tsv_name = g_file_get_parse_name (file);
      const char *data;
      gsize length;

      if (bytes == NULL)
        {
          self->failed = TRUE;
          return FALSE;
        }
      data = g_bytes_get_data (bytes, &length);
      if (!crosscheck_brat_import_add_cross_links (self, tsv_name, data ? data : "", length, error))
        return FALSE;
    }

  {
    GHashTableIter iter;
    gpointer stem;

    g_hash_table_iter_init (&iter, anns);
    while (g_hash_table_iter_next (&iter, &stem, NULL))
      warn (self, _("%s/%s.ann has no %s.txt; it was left out"), display, (char *) stem, (char *) stem);
  }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The project                                                               */

static void
attach_attribute_specs (CrosscheckBratImport *self)
{
  GListModel *lists[2] = {
    crosscheck_project_get_labels (self->project),
    crosscheck_project_get_link_types (self->project),
  };

  for (guint i = 0; i < self->attributes->len; i++)
    {
      AttributeDef *def = g_ptr_array_index (self->attributes, i);

      g_ptr_array_add (def->values, NULL);

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          guint n = g_list_model_get_n_items (lists[l]);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CrosscheckLabel) label = g_list_model_get_item (lists[l], j);
              const char *name = crosscheck_label_get_name (label);
              gboolean event = g_hash_table_contains (self->event_types, name);
              gboolean applies = FALSE;

              for (guint k = 0; def->targets[k] != NULL && !applies; k++)
                {
                  const char *target = g_strstrip (def->targets[k]);

                  if (l == 0)
                    applies = g_str_equal (target, name) ||
                              (g_str_equal (target, "<ENTITY>") && !event) ||
                              (g_str_equal (target, "<EVENT>") && event);
                  else
                    applies = g_str_equal (target, name) || g_str_equal (target, "<RELATION>");
                }

              if (applies && crosscheck_label_lookup_attribute (label, def->name) == NULL)
                crosscheck_label_add_attribute (label, def->name,
                                                def->free_text
                                                ? (const char * const *) &def->values->pdata[def->values->len - 1]
                                                : (const char * const *) def->values->pdata);
            }
        }

      g_ptr_array_remove_index (def->values, def->values->len - 1);
    }
}

/* contradicts, supports and same-as, so that the imported articles can be
 * linked across as in any project. */
static void
add_default_link_types (CrosscheckBratImport *self)
{
  g_autoptr(CrosscheckProject) defaults = crosscheck_project_new ();
  GListModel *types = crosscheck_project_get_link_types (defaults);

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(CrosscheckLabel) type = g_list_model_get_item (types, i);
      g_autoptr(CrosscheckLabel) copy = NULL;
      const char *name = crosscheck_label_get_name (type);

      if (g_hash_table_contains (self->link_types, name))
        continue;

      copy = crosscheck_label_copy (type);
      if (crosscheck_project_lookup_shortcut (self->project, crosscheck_label_get_shortcut (copy)))
        crosscheck_label_set_shortcut (copy, 0);
      _crosscheck_project_insert_label (self->project, copy);
      g_hash_table_insert (self->link_types, g_strdup (name), copy);
    }
}

/**
 * crosscheck_brat_import_finish:
 * @self: a #CrosscheckBratImport
 * @error: return location for a #GError
 *
 * Completes the import: labels get the attribute definitions of
 * annotation.conf, the project gets Crosscheck's link types (contradicts,
 * supports, same-as) besides brat's, and the result is checked as the
 * project loader checks a file. The project has no file and counts as
 * unsaved.
 *
 * Returns: (transfer full) (nullable): the new project, or %NULL
 */
CrosscheckProject *
crosscheck_brat_import_finish (CrosscheckBratImport  *self,
                               GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;
  CrosscheckProject *project;

  g_return_val_if_fail (CROSSCHECK_IS_BRAT_IMPORT (self), NULL);
  g_return_val_if_fail (!self->finished, NULL);

  if (self->failed)
    {
      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FAILED,
                   _("The import stopped at an earlier error."));
      return NULL;
    }
  if (g_list_model_get_n_items (crosscheck_project_get_documents (self->project)) == 0)
    {
      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_FILE,
                   _("There is no document with text to import."));
      return NULL;
    }

  self->finished = TRUE;
  attach_attribute_specs (self);
  apply_looks (self);
  add_default_link_types (self);

  /* What the loader accepts is a valid project; anything else is a bug
   * here, and must not reach the editor's disk. */
  bytes = crosscheck_project_serialize (self->project);
  project = crosscheck_project_load_from_bytes (bytes, &problems, &local_error);
  if (project == NULL)
    {
      g_autofree char *first = problems && problems->len > 0
                               ? crosscheck_problem_to_string (g_ptr_array_index (problems, 0))
                               : g_strdup (local_error->message);

      g_set_error (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_INVALID,
                   _("The imported project is not valid (%s). This is a bug in Crosscheck; "
                     "please report it with the brat files."), first);
      return NULL;
    }

  crosscheck_history_forget_saved (crosscheck_project_get_history (project));

  return project;
}
