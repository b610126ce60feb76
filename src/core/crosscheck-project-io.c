/* crosscheck-project-io.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crosscheck-annotation-private.h"
#include "crosscheck-document-private.h"
#include "crosscheck-errors.h"
#include "crosscheck-history.h"
#include "crosscheck-json-tree.h"
#include "crosscheck-label.h"
#include "crosscheck-link-private.h"
#include "crosscheck-problem.h"
#include "crosscheck-project-private.h"
#include "crosscheck-reanchor.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span-private.h"
#include "crosscheck-utils.h"

/* Reading and writing project files (format version 1, docs/format.md).
 *
 * The loader never trusts a field: it checks each node's type before
 * reading it, collects every problem with its JSON path rather than
 * stopping at the first, and only hands out a project when there were none.
 * A file from a newer version is refused before anything else is read.
 *
 * One kind of problem can be repaired: a document's text edited after its
 * spans were made (its SHA-256 no longer matches, spans no longer quote
 * their offsets). Those are "anchor problems"; when they are the only
 * ones, the error says so (CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED), and
 * crosscheck_project_reanchor_from_bytes() reads the file again, moving
 * spans to their quoted text and flagging the rest (crosscheck-reanchor.c). */

#define MAX_DEPTH 64

typedef CrosscheckJsonNode Node;

typedef struct
{
  CrosscheckJsonTree *tree;
  CrosscheckProject *project;
  GPtrArray         *problems;
  GHashTable        *seen_ids;  /* id (in strings) → where it was first used (a Place) */
  GStringChunk      *strings;
  GHashTable        *bad_ids;   /* ids of objects refused, to avoid cascades */
  GHashTable        *bad_names; /* names of labels and link types refused, likewise */
  CrosscheckReanchor *reanchor; /* NULL: report anchor problems; else repair them here */
  guint              n_anchor_problems;
  GHashTable        *labels;    /* name → borrowed label, for spans; NULL until used */
  GHashTable        *types;     /* name → borrowed link type, likewise */
  gboolean           releasable;   /* the file's bytes are from read_local_file() */
  const char        *release_from; /* in the array being read: not given back yet */
  CrosscheckDocumentReadFunc document_read;  /* nullable */
  gpointer           document_read_data;
} Loader;

/* A file of 100,000 annotations is 30 MB, as much as the project it holds:
 * kept whole until the end, it would double the memory a load needs. So a
 * local file is read into memory of its own (read_local_file()), and the
 * elements of a streamed array (crosscheck_json_tree_next()), once read,
 * are given back to the system as the loader goes: from @from to @to,
 * whole pages only, up to a boundary of RELEASE_STEP (the size of a
 * transparent huge page, see read_local_file()) but at the @last release
 * of an array. Nothing looks at an element after the next one is read;
 * the names and values outside the arrays stay, whatever their order.
 * Returns where the next release starts. */
#define RELEASE_STEP (2 * 1024 * 1024)

static const char *
release_read (const char *from,
              const char *to,
              gboolean    last)
{
  gsize page = sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) from + page - 1) & ~(guintptr) (page - 1);
  guintptr end = (guintptr) to & ~(guintptr) ((last ? page : RELEASE_STEP) - 1);

  if (end <= start)
    return from;

  /* Private anonymous memory: the pages are freed; reading them again
   * would give zeros, which nothing does. */
  madvise ((void *) start, end - start, MADV_DONTNEED);

  return (const char *) end;
}

typedef struct
{
  void  *start;   /* of the mapping */
  gsize  size;
} Mapping;

static void
mapping_free (gpointer data)
{
  Mapping *mapping = data;

  munmap (mapping->start, mapping->size);
  g_free (mapping);
}

/* Reads a local regular file into a mapping of its own, whose pages are
 * committed in one go and can be given back while the file is read
 * (release_read()). NULL, without an error, when the file is not one
 * this can read: the caller then reads it the usual way, which also
 * reports why it cannot be read. */
static GBytes *
read_local_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  Mapping *mapping;
  struct stat info;
  gsize page = sysconf (_SC_PAGESIZE);
  gsize length = 0;
  gsize size;
  char *data;
  int fd;

  /* Not blocking: opening a named pipe would wait for a writer, and
   * closing it again would break the pipe for the usual way's read. */
  if (path == NULL || (fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0)) < 0)
    return NULL;

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode) || info.st_size <= 0 ||
      (guint64) info.st_size >= G_MAXSIZE / 2)
    {
      close (fd);
      return NULL;
    }

  /* Aligned to RELEASE_STEP, and in transparent huge pages where the
   * system gives them: on the benchmark machine a 4 KiB page cost about
   * 13 µs to commit and 5 µs to give back, and every pass over 30 MB of
   * small pages paid again in TLB misses; with 2 MiB pages reading the
   * file went from 90 ms to 9. Where they are not given, the pages are
   * committed in one go (MADV_POPULATE_WRITE, Linux 5.14), or as read()
   * touches them on older kernels. */
  size = ((gsize) info.st_size + RELEASE_STEP - 1) & ~(gsize) (RELEASE_STEP - 1);
  mapping = g_new0 (Mapping, 1);
  mapping->size = size + RELEASE_STEP;
  mapping->start = mmap (NULL, mapping->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping->start == MAP_FAILED)
    {
      g_free (mapping);
      close (fd);
      return NULL;
    }
  data = (char *) (((guintptr) mapping->start + RELEASE_STEP - 1) & ~(guintptr) (RELEASE_STEP - 1));
  /* Huge pages where they are full of the file; the rest in small ones,
   * as much as the file needs. */
#ifdef MADV_HUGEPAGE
  if (info.st_size >= RELEASE_STEP)
    madvise (data, (gsize) info.st_size & ~(gsize) (RELEASE_STEP - 1), MADV_HUGEPAGE);
#endif
#ifdef MADV_POPULATE_WRITE
  madvise (data, ((gsize) info.st_size + page - 1) & ~(gsize) (page - 1), MADV_POPULATE_WRITE);
#endif

  /* A file that shrinks meanwhile is read as far as it goes, and one that
   * grows as far as it went: the parser then says what is wrong. */
  while (length < (gsize) info.st_size)
    {
      gssize n = read (fd, data + length, info.st_size - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          mapping_free (mapping);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  return g_bytes_new_with_free_func (data, length, mapping_free, mapping);
}

/* The project's label called @name (a link type if @relation), or NULL;
 * remembered, as every span and link asks. */
static CrosscheckLabel *
lookup_label (Loader     *loader,
              const char *name,
              gboolean    relation)
{
  GHashTable **cache = relation ? &loader->types : &loader->labels;
  CrosscheckLabel *label;

  if (*cache == NULL)
    *cache = g_hash_table_new (g_str_hash, g_str_equal);
  else if ((label = g_hash_table_lookup (*cache, name)) != NULL)
    return label;

  label = relation ? crosscheck_project_lookup_link_type (loader->project, name)
                   : crosscheck_project_lookup_label (loader->project, name);
  if (label != NULL)
    g_hash_table_insert (*cache, (char *) crosscheck_label_get_name (label), label);

  return label;
}

/* Messages are translated: a format built with a macro such as G_GINT64_FORMAT
 * would reach xgettext cut off at the macro, so 64-bit numbers go as %lld. */
static void
add_problem (Loader     *loader,
             const char *path,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Loader     *loader,
             const char *path,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (loader->problems, crosscheck_problem_new (path, message));
}

/* Keys come from the file, and json-glib decodes a lone UTF-16 surrogate
 * in a key (\ud83c) to bytes that are not UTF-8: those become U+FFFD, so
 * that a path naming an unknown key is still text. */
static char *
subpath (const char *parent,
         const char *key)
{
  g_autofree char *valid = g_utf8_validate (key, -1, NULL) ? NULL : g_utf8_make_valid (key, -1);

  if (valid != NULL)
    key = valid;

  if (parent == NULL || *parent == '\0')
    return g_strdup (key);

  return g_strdup_printf ("%s.%s", parent, key);
}

static const char *
node_type_name (Node *node)
{
  switch ((CrosscheckJsonType) node->type)
    {
    case CROSSCHECK_JSON_OBJECT: return _("an object");
    case CROSSCHECK_JSON_ARRAY: return _("an array");
    case CROSSCHECK_JSON_NULL: return _("null");
    case CROSSCHECK_JSON_STRING: return _("a string");
    case CROSSCHECK_JSON_BOOLEAN: return _("a boolean");
    case CROSSCHECK_JSON_DOUBLE: return _("a number with a fraction");
    case CROSSCHECK_JSON_INTEGER:
    default: return _("a number");
    }
}

/* Returns the member @key of @object, or NULL if it is absent (a problem if
 * @required). */
static Node *
get_member (Loader     *loader,
            Node       *object,
            const char *path,
            const char *key,
            gboolean    required)
{
  Node *node = crosscheck_json_tree_lookup (loader->tree, object, key);

  if (node == NULL && required)
    {
      g_autofree char *p = subpath (path, key);

      add_problem (loader, p, _("missing; this key is required"));
    }

  return node;
}

static const char *
member_name (Loader *loader,
             Node   *object,
             guint   i)
{
  return crosscheck_json_tree_get_string (loader->tree, &object->v.members[i].name);
}

static gboolean
check_keys (Loader             *loader,
            Node               *object,
            const char         *path,
            const char * const *allowed)
{
  gboolean ok = TRUE;
  guint n_allowed = g_strv_length ((char **) allowed);
  guint next = 0;  /* files list the keys in the order of @allowed */

  for (guint i = 0; i < object->length; i++)
    {
      guint tried = 0;
      guint j = next;

      while (tried < n_allowed &&
             !crosscheck_json_tree_name_is (&object->v.members[i].name, allowed[j]))
        {
          j = j + 1 < n_allowed ? j + 1 : 0;
          tried++;
        }

      if (tried < n_allowed)
        next = j + 1 < n_allowed ? j + 1 : 0;
      else
        {
          g_autofree char *p = subpath (path, member_name (loader, object, i));

          add_problem (loader, p, _("unknown key; version %d files do not have it"),
                       CROSSCHECK_FORMAT_VERSION);
          ok = FALSE;
        }
    }

  return ok;
}

/* Reads the string @node (NULL: absent), the member @key of @path. Absent
 * optional members and allowed nulls give *out == NULL and TRUE. */
static gboolean
read_string_node (Loader      *loader,
                  Node        *node,
                  const char  *path,
                  const char  *key,
                  gboolean     required,
                  gboolean     nullable,
                  const char **out)
{
  g_autofree char *p = NULL;
  gboolean checked;

  *out = NULL;
  if (node == NULL)
    return !required;

  if (nullable && node->type == CROSSCHECK_JSON_NULL)
    return TRUE;

  if (node->type != CROSSCHECK_JSON_STRING)
    {
      p = subpath (path, key);
      add_problem (loader, p, nullable ? _("expected a string or null, found %s")
                                       : _("expected a string, found %s"),
                   node_type_name (node));
      return FALSE;
    }

  /* A string read from the file as it is (no escapes) is a part of the
   * file, which is known to be UTF-8. */
  checked = node->raw && !node->escaped;
  *out = crosscheck_json_tree_get_string (loader->tree, node);
  if (!checked && !g_utf8_validate (*out, -1, NULL))
    {
      p = subpath (path, key);
      add_problem (loader, p, _("the string is not valid Unicode text"));
      *out = NULL;
      return FALSE;
    }

  return TRUE;
}

/* Reads a string member; see read_string_node(). */
static gboolean
read_string (Loader      *loader,
             Node        *object,
             const char  *path,
             const char  *key,
             gboolean     required,
             gboolean     nullable,
             const char **out)
{
  Node *node = get_member (loader, object, path, key, required);

  return read_string_node (loader, node, path, key, required, nullable, out);
}

static gboolean
read_offset (Loader     *loader,
             Node       *object,
             const char *path,
             const char *key,
             guint      *out)
{
  Node *node = get_member (loader, object, path, key, TRUE);
  g_autofree char *p = NULL;
  gint64 value;

  if (node == NULL)
    return FALSE;

  if (node->type == CROSSCHECK_JSON_INTEGER && node->v.integer >= 0 && node->v.integer <= G_MAXINT32)
    {
      *out = (guint) node->v.integer;
      return TRUE;
    }

  /* Only a problem needs the path. */
  p = subpath (path, key);
  if (node->type != CROSSCHECK_JSON_INTEGER)
    {
      add_problem (loader, p, _("expected an integer, found %s"), node_type_name (node));
      return FALSE;
    }

  value = node->v.integer;
  if (value < 0)
    {
      add_problem (loader, p, _("must not be negative (%lld)"), (long long) value);
      return FALSE;
    }
  if (value > G_MAXINT32)
    {
      add_problem (loader, p, _("%lld is out of range"), (long long) value);
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

static Node *
read_array (Loader     *loader,
            Node       *object,
            const char *path,
            const char *key,
            gboolean    required)
{
  Node *node = get_member (loader, object, path, key, required);

  if (node == NULL)
    return NULL;

  if (node->type != CROSSCHECK_JSON_ARRAY)
    {
      g_autofree char *p = subpath (path, key);

      add_problem (loader, p, _("expected an array, found %s"), node_type_name (node));
      return NULL;
    }

  return node;
}

/* The next element of @array (NULL: none), or NULL at the end. A root
 * array may be streamed: each element lives until the next is read. */
static Node *
next_element (Loader             *loader,
              Node               *array,
              CrosscheckJsonIter *iter)
{
  const char *read_up_to;
  Node *element;

  if (array == NULL)
    return NULL;
  if (iter->array == NULL)
    {
      crosscheck_json_tree_iter_init (loader->tree, array, iter);
      loader->release_from = iter->p;
    }
  else if (loader->releasable && iter->p != NULL)
    loader->release_from = release_read (loader->release_from, iter->p, FALSE);

  read_up_to = iter->p;
  element = crosscheck_json_tree_next (loader->tree, iter);

  /* The end of the array: what is left of it goes too. */
  if (element == NULL && loader->releasable && read_up_to != NULL)
    loader->release_from = release_read (loader->release_from, read_up_to, TRUE);

  return element;
}

/* Returns @node, an element at @path, if it is an object, or NULL with a
 * problem. */
static Node *
array_object (Loader     *loader,
              Node       *node,
              const char *path)
{
  if (node->type != CROSSCHECK_JSON_OBJECT)
    {
      add_problem (loader, path, _("expected an object, found %s"), node_type_name (node));
      return NULL;
    }

  return node;
}

/* Where an id was first used: the array (documents, spans, links) in the
 * top two bits, the index + 1 below. Small integers keep the table of
 * 110,000 ids in half the memory that a path for each would take. */
typedef enum
{
  ARRAY_DOCUMENTS = 1,
  ARRAY_SPANS,
  ARRAY_LINKS,
} Array;

#define PLACE_INDEX_MASK ((1u << 30) - 1)

static char *
place_to_path (guint place)
{
  static const char * const arrays[] = { NULL, "documents", "spans", "links" };
  guint index = place & PLACE_INDEX_MASK;

  /* Past 2^30 - 1 elements (a file of 100 GB) the index is not kept. */
  if (index == 0)
    return g_strdup (arrays[place >> 30]);

  return g_strdup_printf ("%s[%u]", arrays[place >> 30], index - 1);
}

/* Registers @id as used at @path, the element @index of @array; FALSE
 * (with a problem) if it is invalid or taken. */
static gboolean
claim_id (Loader     *loader,
          const char *id,
          const char *path,
          Array       array,
          guint       index)
{
  g_autofree char *p = NULL;
  g_autofree char *first = NULL;
  gpointer place = NULL;

  if (crosscheck_is_valid_id (id) && (place = g_hash_table_lookup (loader->seen_ids, id)) == NULL)
    {
      place = GUINT_TO_POINTER ((array << 30) | (index < PLACE_INDEX_MASK ? index + 1 : 0));
      g_hash_table_insert (loader->seen_ids, g_string_chunk_insert (loader->strings, id), place);
      return TRUE;
    }

  p = subpath (path, "id");
  if (!crosscheck_is_valid_id (id))
    {
      add_problem (loader, p, _("“%s” is not a valid id: use 1 to 64 letters, digits or _ . : -"),
                   id);
      return FALSE;
    }

  first = place_to_path (GPOINTER_TO_UINT (place));
  add_problem (loader, p, _("duplicate id “%s”, already used at %s"), id, first);
  return FALSE;
}

static gboolean
read_times (Loader               *loader,
            Node                 *object,
            const char           *path,
            CrosscheckAnnotation *annotation)
{
  static const char * const keys[] = { "created", "modified" };
  const char *values[2];
  gboolean ok = TRUE;

  for (guint i = 0; i < 2; i++)
    {
      if (!read_string (loader, object, path, keys[i], FALSE, TRUE, &values[i]))
        ok = FALSE;
      else if (values[i] != NULL && !crosscheck_is_valid_utc_time (values[i]))
        {
          g_autofree char *p = subpath (path, keys[i]);

          add_problem (loader, p, _("“%s” is not a UTC time such as 2023-03-13T09:30:00Z"),
                       values[i]);
          ok = FALSE;
        }
    }

  if (ok)
    _crosscheck_annotation_set_times (annotation, values[0], values[1]);

  return ok;
}

/* Reads annotator, created, modified, note and attributes, which spans and
 * links share. */
static gboolean
read_annotation_fields (Loader               *loader,
                        Node                 *object,
                        const char           *path,
                        CrosscheckAnnotation *annotation)
{
  CrosscheckLabel *label = crosscheck_annotation_get_label (annotation);
  const char *annotator;
  const char *note;
  const char *review;
  Node *node;
  gboolean ok = TRUE;

  if (read_string (loader, object, path, "annotator", FALSE, FALSE, &annotator))
    _crosscheck_annotation_set_annotator (annotation, annotator);
  else
    ok = FALSE;

  if (read_string (loader, object, path, "note", FALSE, FALSE, &note))
    _crosscheck_annotation_set_note (annotation, note);
  else
    ok = FALSE;

  ok &= read_times (loader, object, path, annotation);

  if (!read_string (loader, object, path, "needs_review", FALSE, FALSE, &review))
    ok = FALSE;
  else if (review != NULL && *review == '\0')
    {
      g_autofree char *p = subpath (path, "needs_review");

      add_problem (loader, p, _("must say why the span needs review, or be left out"));
      ok = FALSE;
    }
  else
    _crosscheck_annotation_set_review (annotation, review);

  node = get_member (loader, object, path, "attributes", FALSE);
  if (node != NULL && node->type != CROSSCHECK_JSON_OBJECT)
    {
      g_autofree char *p = subpath (path, "attributes");

      add_problem (loader, p, _("expected an object, found %s"), node_type_name (node));
      ok = FALSE;
    }
  else if (node != NULL)
    {
      g_autofree char *apath = node->length > 0 ? subpath (path, "attributes") : NULL;

      for (guint i = 0; i < node->length; i++)
        {
          const char *name = member_name (loader, node, i);
          g_autofree char *p = subpath (apath, name);
          const CrosscheckAttributeSpec *spec;
          const char *value;

          if (!crosscheck_is_valid_name (name))
            {
              add_problem (loader, p, _("not a valid attribute name: use 1 to 64 characters "
                                        "without spaces"));
              ok = FALSE;
              continue;
            }
          if (!read_string_node (loader, &node->v.members[i].value, apath, name, TRUE, FALSE,
                                 &value))
            {
              ok = FALSE;
              continue;
            }

          spec = label ? crosscheck_label_lookup_attribute (label, name) : NULL;
          if (spec != NULL && !crosscheck_attribute_spec_allows (spec, value))
            {
              g_autofree char *choices = g_strjoinv (", ", spec->values);

              add_problem (loader, p, _("“%s” is not one of the choices defined for %s: %s"),
                           value, crosscheck_label_get_name (label), choices);
              ok = FALSE;
              continue;
            }

          _crosscheck_annotation_set_attribute (annotation, name, value);
        }
    }

  return ok;
}

static gboolean
read_attribute_specs (Loader          *loader,
                      Node            *object,
                      const char      *path,
                      CrosscheckLabel *label)
{
  static const char * const allowed[] = { "name", "values", NULL };
  g_autofree char *apath = subpath (path, "attributes");
  Node *array = read_array (loader, object, path, "attributes", FALSE);
  guint n = array ? array->length : 0;
  gboolean ok = TRUE;

  if (array == NULL && get_member (loader, object, path, "attributes", FALSE) != NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = g_strdup_printf ("%s[%u]", apath, i);
      g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      Node *spec = array_object (loader, &array->v.elements[i], p);
      Node *choices;
      const char *name;

      if (spec == NULL || !check_keys (loader, spec, p, allowed) ||
          !read_string (loader, spec, p, "name", TRUE, FALSE, &name))
        {
          ok = FALSE;
          continue;
        }
      if (!crosscheck_is_valid_name (name))
        {
          g_autofree char *np = subpath (p, "name");

          add_problem (loader, np, _("“%s” is not a valid attribute name: use 1 to 64 "
                                     "characters without spaces"), name);
          ok = FALSE;
          continue;
        }
      if (crosscheck_label_lookup_attribute (label, name) != NULL)
        {
          g_autofree char *np = subpath (p, "name");

          add_problem (loader, np, _("the attribute “%s” is defined twice"), name);
          ok = FALSE;
          continue;
        }

      choices = read_array (loader, spec, p, "values", FALSE);
      if (choices == NULL && get_member (loader, spec, p, "values", FALSE) != NULL)
        {
          ok = FALSE;
          continue;
        }
      for (guint j = 0; choices != NULL && j < choices->length; j++)
        {
          Node *node = &choices->v.elements[j];

          if (node->type != CROSSCHECK_JSON_STRING)
            {
              g_autofree char *vp = g_strdup_printf ("%s.values[%u]", p, j);

              add_problem (loader, vp, _("expected a string, found %s"), node_type_name (node));
              ok = FALSE;
              continue;
            }
          g_strv_builder_add (values, crosscheck_json_tree_get_string (loader->tree, node));
        }

      strv = g_strv_builder_end (values);
      crosscheck_label_add_attribute (label, name, (const char * const *) strv);
    }

  return ok;
}

static void
read_labels (Loader     *loader,
             Node       *root,
             gboolean    relations)
{
  static const char * const label_keys[] = {
    "name", "kind", "color", "shortcut", "attributes", NULL
  };
  static const char * const type_keys[] = {
    "name", "symmetric", "color", "shortcut", "attributes", NULL
  };
  const char *key = relations ? "link_types" : "labels";
  Node *array = read_array (loader, root, NULL, key, TRUE);
  CrosscheckJsonIter iter = { 0, };
  Node *element;

  for (guint i = 0; (element = next_element (loader, array, &iter)) != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", key, i);
      g_autoptr(CrosscheckLabel) label = NULL;
      Node *object = array_object (loader, element, path);
      CrosscheckLabelKind kind = CROSSCHECK_LABEL_RELATION;
      const char *name;
      const char *kind_name;
      const char *color;
      const char *shortcut;
      CrosscheckLabel *other;
      gboolean ok = TRUE;

      if (object == NULL)
        continue;

      ok &= check_keys (loader, object, path, relations ? type_keys : label_keys);
      if (!read_string (loader, object, path, "name", TRUE, FALSE, &name))
        continue;

      if (!crosscheck_is_valid_name (name))
        {
          g_autofree char *p = subpath (path, "name");

          add_problem (loader, p, _("“%s” is not a valid name: use 1 to 64 characters "
                                    "without spaces"), name);
          g_hash_table_add (loader->bad_names, g_strdup (name));
          continue;
        }

      other = relations ? crosscheck_project_lookup_link_type (loader->project, name)
                        : crosscheck_project_lookup_label (loader->project, name);
      if (other != NULL)
        {
          g_autofree char *p = subpath (path, "name");

          add_problem (loader, p, _("duplicate name “%s”"), name);
          continue;
        }

      if (!relations)
        {
          if (!read_string (loader, object, path, "kind", TRUE, FALSE, &kind_name))
            ok = FALSE;
          else if (!crosscheck_label_kind_from_string (kind_name, &kind) ||
                   kind == CROSSCHECK_LABEL_RELATION)
            {
              g_autofree char *p = subpath (path, "kind");

              add_problem (loader, p, _("“%s” is not a kind of label: use “entity” or “claim”"),
                           kind_name);
              ok = FALSE;
            }
        }

      label = crosscheck_label_new (name, kind, NULL, 0);

      if (relations)
        {
          Node *node = get_member (loader, object, path, "symmetric", FALSE);

          if (node != NULL && node->type != CROSSCHECK_JSON_BOOLEAN)
            {
              g_autofree char *p = subpath (path, "symmetric");

              add_problem (loader, p, _("expected true or false, found %s"),
                           node_type_name (node));
              ok = FALSE;
            }
          else if (node != NULL)
            crosscheck_label_set_symmetric (label, node->v.boolean);
        }

      if (!read_string (loader, object, path, "color", FALSE, FALSE, &color))
        ok = FALSE;
      else if (color != NULL && !crosscheck_is_valid_color (color))
        {
          g_autofree char *p = subpath (path, "color");

          add_problem (loader, p, _("“%s” is not a colour of the form #rrggbb (lower case)"),
                       color);
          ok = FALSE;
        }
      else if (color != NULL)
        crosscheck_label_set_color (label, color);

      if (!read_string (loader, object, path, "shortcut", FALSE, FALSE, &shortcut))
        ok = FALSE;
      else if (shortcut != NULL && *shortcut != '\0')
        {
          gunichar c = g_utf8_get_char (shortcut);
          g_autofree char *p = subpath (path, "shortcut");

          if (g_utf8_strlen (shortcut, -1) != 1 || !g_unichar_isgraph (c) || g_unichar_isdigit (c))
            {
              add_problem (loader, p, _("“%s” is not a key: use one letter or sign, not a digit"),
                           shortcut);
              ok = FALSE;
            }
          else if ((other = crosscheck_project_lookup_shortcut (loader->project, c)) != NULL)
            {
              add_problem (loader, p, _("the key “%s” is already used by “%s”"),
                           shortcut, crosscheck_label_get_name (other));
              ok = FALSE;
            }
          else
            crosscheck_label_set_shortcut (label, c);
        }

      ok &= read_attribute_specs (loader, object, path, label);

      if (ok)
        _crosscheck_project_insert_label (loader->project, label);
      else
        g_hash_table_add (loader->bad_names, g_strdup (name));
    }
}

/* The start of every document, span and link: the element must be an
 * object with known keys and a free id. Returns FALSE, with the problem
 * reported, when it cannot be used at all; *@ok tells about its keys. */
static gboolean
begin_element (Loader             *loader,
               Node               *element,
               const char         *path,
               Array               array,
               guint               index,
               const char * const *keys,
               Node              **object,
               const char        **id,
               gboolean           *ok)
{
  *object = array_object (loader, element, path);
  if (*object == NULL)
    return FALSE;

  *ok = check_keys (loader, *object, path, keys);
  if (!read_string (loader, *object, path, "id", TRUE, FALSE, id))
    return FALSE;

  if (!claim_id (loader, *id, path, array, index))
    {
      g_hash_table_add (loader->bad_ids, g_strdup (*id));
      return FALSE;
    }

  return TRUE;
}

static void
read_documents (Loader     *loader,
                Node       *root)
{
  static const char * const keys[] = {
    "id", "title", "source", "published", "encoding", "sha256", "text", NULL
  };
  Node *array = read_array (loader, root, NULL, "documents", TRUE);
  CrosscheckJsonIter iter = { 0, };
  Node *element;

  for (guint i = 0; (element = next_element (loader, array, &iter)) != NULL; i++)
    {
      char path[32];
      g_autoptr(CrosscheckDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      CrosscheckDocument *same;
      Node *object;
      CrosscheckEncoding encoding = CROSSCHECK_ENCODING_UTF8;
      const char *id, *title, *source, *published, *encoding_name, *sha256, *text;
      gboolean ok = TRUE;

      g_snprintf (path, sizeof path, "documents[%u]", i);
      if (!begin_element (loader, element, path, ARRAY_DOCUMENTS, i, keys, &object, &id, &ok))
        continue;

      ok &= read_string (loader, object, path, "title", FALSE, FALSE, &title);
      ok &= read_string (loader, object, path, "source", FALSE, FALSE, &source);
      ok &= read_string (loader, object, path, "published", FALSE, TRUE, &published);
      ok &= read_string (loader, object, path, "encoding", FALSE, FALSE, &encoding_name);
      ok &= read_string (loader, object, path, "sha256", FALSE, FALSE, &sha256);

      if (!read_string (loader, object, path, "text", TRUE, FALSE, &text))
        ok = FALSE;
      else if ((document = crosscheck_document_new_from_text (text, &error)) == NULL)
        {
          g_autofree char *p = subpath (path, "text");

          add_problem (loader, p, "%s", error->message);
          ok = FALSE;
        }

      if (encoding_name != NULL && !crosscheck_encoding_from_string (encoding_name, &encoding))
        {
          g_autofree char *p = subpath (path, "encoding");

          add_problem (loader, p, _("“%s” is not a known encoding"), encoding_name);
          ok = FALSE;
        }

      if (published != NULL && !crosscheck_is_valid_date (published))
        {
          g_autofree char *p = subpath (path, "published");

          add_problem (loader, p, _("“%s” is not an ISO 8601 date such as 2023-03-13"),
                       published);
          ok = FALSE;
        }

      /* The text was edited after it was annotated. The document itself is
       * fine; its spans are checked against the text it has now. */
      if (document != NULL && sha256 != NULL &&
          g_strcmp0 (sha256, crosscheck_document_get_sha256 (document)) != 0)
        {
          g_autofree char *p = subpath (path, "sha256");

          if (loader->reanchor != NULL)
            crosscheck_reanchor_add_document (loader->reanchor, id);
          else
            {
              add_problem (loader, p, _("does not match the text (its SHA-256 is %s): the text was "
                                        "changed after it was annotated"),
                           crosscheck_document_get_sha256 (document));
              loader->n_anchor_problems++;
            }
        }

      /* The same article twice would split its spans between two copies. */
      if (ok && (same = _crosscheck_project_find_same_text (loader->project, document)) != NULL)
        {
          g_autofree char *p = subpath (path, "text");

          add_problem (loader, p, _("the same text as document “%s”: a project holds each article once. "
                                    "Keep one of them and move the other’s spans to it"),
                       crosscheck_document_get_id (same));
          ok = FALSE;
        }

      if (!ok)
        {
          g_hash_table_add (loader->bad_ids, g_strdup (id));
          continue;
        }

      _crosscheck_document_set_id (document, id);
      if (title != NULL)
        crosscheck_document_set_title (document, title);
      if (source != NULL)
        crosscheck_document_set_source (document, source);
      crosscheck_document_set_published (document, published, NULL);
      crosscheck_document_set_encoding (document, encoding);

      _crosscheck_project_insert_document (loader->project, document);
      if (loader->document_read != NULL)
        loader->document_read (document, loader->document_read_data);
    }
}

/* Resolves a reference to a document or span; a problem unless the target
 * was itself refused (that problem is reported already). */
static gpointer
resolve (Loader     *loader,
         const char *id,
         GType       type,
         const char *path,
         const char *key,
         const char *what)
{
  gpointer object = NULL;

  if (type == CROSSCHECK_TYPE_DOCUMENT)
    object = crosscheck_project_lookup_document (loader->project, id);
  else
    object = crosscheck_project_lookup_span (loader->project, id);

  if (object == NULL && !g_hash_table_contains (loader->bad_ids, id))
    {
      g_autofree char *p = subpath (path, key);

      /* TRANSLATORS: %s is “document” or “span”, translated on their own */
      add_problem (loader, p, _("no %s has the id “%s”"), _(what), id);
    }

  return object;
}

/* Puts a span whose quoted @text is no longer at @start–@end where the text
 * is now (see crosscheck_anchor_locate()), records what happened, and sets
 * *@review for a span the editor must check. */
static CrosscheckSpan *
reanchor_span (Loader              *loader,
               CrosscheckDocument  *document,
               const char          *id,
               guint                start,
               guint                end,
               const char          *text,
               char               **review)
{
  CrosscheckReanchorItem item = { 0, };

  item.span = (char *) id;
  item.document = (char *) crosscheck_document_get_id (document);
  item.quote = (char *) text;
  item.old_start = start;
  item.old_end = end;
  item.outcome = crosscheck_anchor_locate (crosscheck_document_get_text (document), text, NULL, NULL,
                                           start, &item.start, &item.end, &item.found);
  crosscheck_reanchor_add_item (loader->reanchor, &item);

  if (item.outcome == CROSSCHECK_ANCHOR_AMBIGUOUS || item.outcome == CROSSCHECK_ANCHOR_MISSING)
    *review = crosscheck_reanchor_item_describe (&item);

  return _crosscheck_span_new (document, item.start, item.end);
}

static gboolean
span_text_is (CrosscheckSpan *span,
              const char     *text)
{
  gsize length;
  const char *covered = _crosscheck_span_peek_text (span, &length);

  return strncmp (covered, text, length) == 0 && text[length] == '\0';
}

static void
read_spans (Loader     *loader,
            Node       *root)
{
  static const char * const keys[] = {
    "id", "document", "start", "end", "label", "text", "annotator", "created", "modified",
    "note", "needs_review", "attributes", NULL
  };
  Node *array = read_array (loader, root, NULL, "spans", TRUE);
  CrosscheckJsonIter iter = { 0, };
  Node *element;

  for (guint i = 0; (element = next_element (loader, array, &iter)) != NULL; i++)
    {
      char path[32];
      g_autoptr(CrosscheckSpan) span = NULL;
      g_autofree char *review = NULL;
      Node *object;
      CrosscheckDocument *document = NULL;
      CrosscheckLabel *label = NULL;
      const char *id, *document_id, *label_name, *text;
      guint start = 0, end = 0;
      gboolean ok = TRUE;

      g_snprintf (path, sizeof path, "spans[%u]", i);
      if (!begin_element (loader, element, path, ARRAY_SPANS, i, keys, &object, &id, &ok))
        continue;

      if (read_string (loader, object, path, "document", TRUE, FALSE, &document_id))
        /* TRANSLATORS: fills “no %s has the id “%s”” */
        document = resolve (loader, document_id, CROSSCHECK_TYPE_DOCUMENT, path, "document",
                            N_("document"));

      if (read_string (loader, object, path, "label", TRUE, FALSE, &label_name) &&
          (label = lookup_label (loader, label_name, FALSE)) == NULL &&
          !g_hash_table_contains (loader->bad_names, label_name))  /* else reported with the label */
        {
          g_autofree char *lpath = subpath (path, "label");

          if (crosscheck_project_lookup_link_type (loader->project, label_name))
            add_problem (loader, lpath, _("“%s” is a link type, not a span label"), label_name);
          else
            add_problem (loader, lpath, _("“%s” is not one of the project’s labels"), label_name);
        }

      ok &= read_offset (loader, object, path, "start", &start);
      ok &= read_offset (loader, object, path, "end", &end);
      ok &= read_string (loader, object, path, "text", TRUE, FALSE, &text);

      if (ok && start >= end)
        {
          add_problem (loader, path, _("the span is empty or reversed (start %u, end %u)"),
                       start, end);
          ok = FALSE;
        }
      else if (ok && document != NULL && end > crosscheck_document_get_length (document) &&
               loader->reanchor == NULL)
        {
          g_autofree char *p = subpath (path, "end");

          add_problem (loader, p, _("%u is past the end of document “%s” (%u characters)"),
                       end, document_id, crosscheck_document_get_length (document));
          loader->n_anchor_problems++;
          ok = FALSE;
        }

      if (!ok || document == NULL || label == NULL)
        {
          g_hash_table_add (loader->bad_ids, g_strdup (id));
          continue;
        }

      if (end <= crosscheck_document_get_length (document))
        span = _crosscheck_span_new (document, start, end);
      if (span == NULL || !span_text_is (span, text))
        {
          g_autofree char *p = subpath (path, "text");

          if (loader->reanchor == NULL)
            {
              add_problem (loader, p, _("“%s” does not match the document’s text at %u–%u, "
                                        "which is “%s”"),
                           text, start, end, crosscheck_span_get_text (span));
              loader->n_anchor_problems++;
              g_hash_table_add (loader->bad_ids, g_strdup (id));
              continue;
            }

          g_clear_object (&span);
          span = reanchor_span (loader, document, id, start, end, text, &review);
        }

      _crosscheck_annotation_set_id (CROSSCHECK_ANNOTATION (span), id);
      _crosscheck_annotation_set_label (CROSSCHECK_ANNOTATION (span), label);
      if (!read_annotation_fields (loader, object, path, CROSSCHECK_ANNOTATION (span)))
        {
          g_hash_table_add (loader->bad_ids, g_strdup (id));
          continue;
        }

      /* A span flagged just now keeps the reason, whatever the file said. */
      if (review != NULL)
        _crosscheck_annotation_set_review (CROSSCHECK_ANNOTATION (span), review);

      _crosscheck_project_insert_span (loader->project, span);
    }
}

static void
read_links (Loader     *loader,
            Node       *root)
{
  static const char * const keys[] = {
    "id", "type", "from", "to", "annotator", "created", "modified", "note", "attributes", NULL
  };
  Node *array = read_array (loader, root, NULL, "links", TRUE);
  CrosscheckJsonIter iter = { 0, };
  Node *element;

  for (guint i = 0; (element = next_element (loader, array, &iter)) != NULL; i++)
    {
      char path[32];
      g_autoptr(CrosscheckLink) link = NULL;
      g_autoptr(GPtrArray) existing = NULL;
      Node *object;
      CrosscheckLabel *type = NULL;
      CrosscheckSpan *from = NULL;
      CrosscheckSpan *to = NULL;
      const char *id, *type_name, *from_id, *to_id;
      gboolean ok = TRUE;

      g_snprintf (path, sizeof path, "links[%u]", i);
      if (!begin_element (loader, element, path, ARRAY_LINKS, i, keys, &object, &id, &ok))
        continue;

      if (read_string (loader, object, path, "type", TRUE, FALSE, &type_name))
        {
          type = lookup_label (loader, type_name, TRUE);
          if (type == NULL && !g_hash_table_contains (loader->bad_names, type_name))
            {
              g_autofree char *p = subpath (path, "type");

              add_problem (loader, p, _("“%s” is not one of the project’s link types"),
                           type_name);
            }
        }

      if (read_string (loader, object, path, "from", TRUE, FALSE, &from_id))
        /* TRANSLATORS: fills “no %s has the id “%s”” */
        from = resolve (loader, from_id, CROSSCHECK_TYPE_SPAN, path, "from", N_("span"));
      if (read_string (loader, object, path, "to", TRUE, FALSE, &to_id))
        to = resolve (loader, to_id, CROSSCHECK_TYPE_SPAN, path, "to", N_("span"));

      if (!ok || type == NULL || from == NULL || to == NULL)
        continue;

      if (from == to)
        {
          add_problem (loader, path, _("a link from span “%s” to itself"), from_id);
          continue;
        }

      existing = crosscheck_project_get_links_of_span (loader->project, from);
      for (guint j = 0; j < existing->len; j++)
        {
          CrosscheckLink *other = g_ptr_array_index (existing, j);

          if (crosscheck_link_joins (other, type, from, to))
            {
              add_problem (loader, path, _("the same “%s” link as “%s”"), type_name,
                           crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (other)));
              ok = FALSE;
              break;
            }
        }
      if (!ok)
        continue;

      link = _crosscheck_link_new (type, from, to);
      _crosscheck_annotation_set_id (CROSSCHECK_ANNOTATION (link), id);
      if (!read_annotation_fields (loader, object, path, CROSSCHECK_ANNOTATION (link)))
        continue;

      _crosscheck_project_insert_link (loader->project, link);
    }
}

/* Whether the @n digits at @digits (no leading zeros) make an integer that
 * fits in a gint64. */
static gboolean
fits_in_64_bits (const char *digits,
                 guint       n,
                 gboolean    negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  if (n != 19)
    return n < 19;

  return memcmp (digits, limit, 19) <= 0;
}

/* The UTF-16 code unit of the \uXXXX escape at @data (which starts with
 * the backslash), or -1 if fewer than four hexadecimal digits follow. */
static int
escaped_unit (const char *data,
              gsize       length)
{
  int unit = 0;

  if (length < 6 || data[1] != 'u')
    return -1;

  for (guint k = 2; k < 6; k++)
    {
      if (!g_ascii_isxdigit (data[k]))
        return -1;
      unit = unit * 16 + g_ascii_xdigit_value (data[k]);
    }

  return unit;
}

/* Checks the \u escape at @data; returns the number of bytes it takes, or
 * 0 with a problem. Text may not hold NUL, and a UTF-16 surrogate must come
 * in a pair: json-glib turns a lone one into bytes that are not UTF-8, and
 * leaks memory on a broken escape. */
static gsize
check_unicode_escape (Loader     *loader,
                      const char *data,
                      gsize       length,
                      guint       line)
{
  g_autofree char *where = g_strdup_printf (_("line %u"), line);
  int unit = escaped_unit (data, length);
  int low;

  if (unit < 0)
    {
      add_problem (loader, where, _("a \\u escape in a string needs four hexadecimal digits"));
      return 0;
    }
  if (unit == 0)
    {
      add_problem (loader, where, _("a string contains the NUL character (\\u0000), "
                                    "which project files may not hold"));
      return 0;
    }
  if (unit < 0xD800 || unit > 0xDFFF)
    return 6;

  low = unit <= 0xDBFF ? escaped_unit (data + 6, length - 6) : -1;
  if (low < 0xDC00 || low > 0xDFFF)
    {
      add_problem (loader, where, _("the escape \\u%04X in a string is half of a UTF-16 "
                                    "surrogate pair without its other half, so it is not a "
                                    "character"), (guint) unit);
      return 0;
    }

  return 12;
}

/* "line L, column C" for the character at @i, counting characters. */
static char *
column_position (const char *data,
                 gsize       line_start,
                 gsize       i,
                 guint       line)
{
  guint column = (guint) g_utf8_strlen (data + line_start, i - line_start) + 1;

  return g_strdup_printf (_("line %u, column %u"), line, column);
}

/* Finds what the JSON parser would choke on, recurse too deeply into or
 * silently get wrong: nesting deeper than MAX_DEPTH, \u0000 escapes (text
 * may not hold NUL), broken \u escapes, escapes JSON does not have (\7,
 * \x41), integers too long for 64 bits,
 * which json-glib wraps around instead of refusing, words and characters
 * that are not JSON, which json-glib's scanner reads as numbers ($e, 0x1f)
 * or comments, and anything after the first value, which json-glib 1.6
 * ignores (and leaks) when that value is a number or an object. Returns
 * FALSE with a problem. */
static gboolean
prescan (Loader     *loader,
         const char *data,
         gsize       length)
{
  guint depth = 0;
  guint line = 1;
  gsize line_start = 0;
  gboolean in_string = FALSE;
  gboolean ended = FALSE;  /* the first value is complete */

  for (gsize i = 0; i < length; i++)
    {
      char c;

      /* Most of a file is inside strings: skip to the next quote,
       * backslash or control character (a line end among them). */
      if (in_string)
        {
          i = crosscheck_json_skip_plain (data + i, data + length) - data;
          if (i == length)  /* a string left open: the parser says so */
            break;
        }

      c = data[i];
      if (c == '\n')
        {
          line++;
          line_start = i + 1;
        }

      if (ended && !in_string && !g_ascii_isspace (c))
        {
          g_autofree char *where = g_strdup_printf (_("line %u"), line);

          add_problem (loader, where, _("not valid JSON: there is more after the end of the "
                                        "data; a project file holds one object"));
          return FALSE;
        }

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (data[i + 1] == 'u')
                {
                  gsize n = check_unicode_escape (loader, data + i, length - i, line);

                  if (n == 0)
                    return FALSE;
                  i += n - 1;
                }
              else if (strchr ("\"\\/bfnrt", data[i + 1]) != NULL)
                i++;
              else
                {
                  /* json-glib's scanner reads C escapes too: \7 and \777
                   * become bytes that are not UTF-8. */
                  g_autofree char *where = column_position (data, line_start, i, line);
                  const char *next = data + i + 1;
                  g_autofree char *escape = g_strndup (next, g_utf8_next_char (next) - next);

                  add_problem (loader, where, _("not valid JSON: “\\%s” is not an escape in a "
                                                "string; write a backslash as \\\\"), escape);
                  return FALSE;
                }
            }
          else if (c == '"')
            {
              in_string = FALSE;
              ended = depth == 0;
            }
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (g_ascii_isdigit (c) || c == '-')
        {
          gsize end = i;
          guint digits = 0;
          gboolean integer = TRUE;
          gboolean negative = c == '-';

          while (end < length && strchr ("0123456789+-.eE", data[end]) != NULL)
            {
              digits += g_ascii_isdigit (data[end]);
              integer &= strchr (".eE", data[end]) == NULL;
              end++;
            }

          if (integer && !fits_in_64_bits (data + i + negative, digits, negative))
            {
              g_autofree char *where = g_strdup_printf (_("line %u"), line);
              g_autofree char *number = g_strndup (data + i, MIN (end - i, 40));

              add_problem (loader, where, _("the integer %s is out of range"), number);
              return FALSE;
            }
          i = end - 1;
          ended = depth == 0;
        }
      else if (g_ascii_isalpha (c))
        {
          gsize end = i;

          while (end < length && g_ascii_isalnum (data[end]))
            end++;

          if (!(end - i == 4 && (memcmp (data + i, "true", 4) == 0 || memcmp (data + i, "null", 4) == 0)) &&
              !(end - i == 5 && memcmp (data + i, "false", 5) == 0))
            {
              g_autofree char *where = column_position (data, line_start, i, line);
              g_autofree char *word = g_strndup (data + i, MIN (end - i, 40));

              add_problem (loader, where, _("not valid JSON: unexpected word “%s”; text must be "
                                            "in double quotes"), word);
              return FALSE;
            }

          i = end - 1;
          ended = depth == 0;
        }
      else if (!g_ascii_isspace (c) && strchr ("{}[],:", c) == NULL)
        {
          g_autofree char *where = column_position (data, line_start, i, line);
          g_autofree char *character = g_strndup (data + i, g_utf8_next_char (data + i) - (data + i));

          add_problem (loader, where, _("not valid JSON: unexpected character “%s”"), character);
          return FALSE;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              g_autofree char *where = g_strdup_printf (_("line %u"), line);

              add_problem (loader, where, _("the JSON is nested more than %d levels deep; a "
                                            "project file never is"), MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        ended = --depth == 0;
    }

  return TRUE;
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: MESSAGE". MESSAGE may
 * quote the broken string as json-glib decoded it, a lone UTF-16 surrogate
 * (\ud83c) included, which is not UTF-8: shown as is, it would garble the
 * message, so such bytes become U+FFFD. */
static void
add_syntax_problem (Loader       *loader,
                    const GError *error)
{
  guint line = 0;
  guint column = 0;
  int consumed = 0;
  g_autofree char *message = g_utf8_make_valid (error->message, -1);

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      g_autofree char *where = g_strdup_printf (_("line %u, column %u"), line, column);
      const char *rest = message + consumed;

      if (g_str_has_prefix (rest, "Parse error: "))
        rest += strlen ("Parse error: ");
      add_problem (loader, where, _("not valid JSON: %s"), rest);
    }
  else
    add_problem (loader, NULL, _("not valid JSON: %s"), message);
}

static GError *
summarize (GPtrArray *problems,
           int        code)
{
  g_autofree char *first = crosscheck_problem_to_string (g_ptr_array_index (problems, 0));

  if (problems->len == 1)
    return g_error_new (CROSSCHECK_PROJECT_ERROR, code, "%s", first);

  return g_error_new (CROSSCHECK_PROJECT_ERROR, code,
                      g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                                   "%s (and %u more problems)", problems->len - 1),
                      first, problems->len - 1);
}

static gboolean
read_header (Loader     *loader,
             Node       *root,
             int        *code)
{
  Node *object;
  Node *format;
  Node *version;
  gint64 number;

  *code = CROSSCHECK_PROJECT_ERROR_NOT_A_PROJECT;

  if (root->type != CROSSCHECK_JSON_OBJECT)
    {
      add_problem (loader, NULL, _("this is JSON but not a Crosscheck project: the file holds %s, "
                                   "not an object"), node_type_name (root));
      return FALSE;
    }

  object = root;
  format = crosscheck_json_tree_lookup (loader->tree, object, "format");
  if (format == NULL || format->type != CROSSCHECK_JSON_STRING ||
      g_strcmp0 (crosscheck_json_tree_get_string (loader->tree, format),
                 CROSSCHECK_FORMAT_NAME) != 0)
    {
      add_problem (loader, "format", _("this is JSON but not a Crosscheck project: “format” "
                                       "must be “%s”"), CROSSCHECK_FORMAT_NAME);
      return FALSE;
    }

  *code = CROSSCHECK_PROJECT_ERROR_INVALID;
  version = crosscheck_json_tree_lookup (loader->tree, object, "version");
  if (version == NULL || version->type != CROSSCHECK_JSON_INTEGER)
    {
      add_problem (loader, "version", _("expected an integer version number"));
      return FALSE;
    }

  number = version->v.integer;
  if (number > CROSSCHECK_FORMAT_VERSION)
    {
      *code = CROSSCHECK_PROJECT_ERROR_NEWER_VERSION;
      add_problem (loader, "version",
                   _("the file is format version %lld, made by a newer Crosscheck; "
                     "this one reads version %d and older. Update Crosscheck to open it"),
                   (long long) number, CROSSCHECK_FORMAT_VERSION);
      return FALSE;
    }
  if (number < 1)
    {
      add_problem (loader, "version", _("%lld is not a format version"), (long long) number);
      return FALSE;
    }

  return TRUE;
}

static CrosscheckProject *load_watched (GBytes                     *bytes,
                                         gboolean                    releasable,
                                         CrosscheckReanchor         *reanchor,
                                         CrosscheckDocumentReadFunc  document_read,
                                         gpointer                    user_data,
                                         GPtrArray                 **problems,
                                         GError                    **error);
static CrosscheckProject *reanchor (GBytes              *bytes,
                                    gboolean             releasable,
                                    CrosscheckReanchor **report,
                                    GPtrArray          **problems,
                                    GError             **error);

static CrosscheckProject *
load (GBytes              *bytes,
      gboolean             releasable,
      CrosscheckReanchor  *reanchor,
      GPtrArray          **problems,
      GError             **error)
{
  return load_watched (bytes, releasable, reanchor, NULL, NULL, problems, error);
}

static CrosscheckProject *
load_file (GFile                      *file,
           gboolean                    repair,
           GCancellable               *cancellable,
           CrosscheckDocumentReadFunc  document_read,
           gpointer                    user_data,
           CrosscheckReanchor        **report,
           GPtrArray                 **problems,
           GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  CrosscheckProject *project;
  gboolean releasable;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  bytes = read_local_file (file);
  releasable = bytes != NULL;
  if (bytes == NULL)
    bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  project = repair ? reanchor (bytes, releasable, report, problems, error)
                   : load_watched (bytes, releasable, NULL, document_read, user_data, problems, error);
  if (project != NULL)
    _crosscheck_project_set_file (project, file);

  return project;
}

/* Only for tests, which run the loader's cases through both parsers. */
static gboolean
fast_parser_disabled (void)
{
  static gsize disabled = 0;

  if (g_once_init_enter (&disabled))
    g_once_init_leave (&disabled, g_strcmp0 (g_getenv ("CROSSCHECK_LOADER"), "json-glib") == 0 ? 2 : 1);

  return disabled == 2;
}

/* Reads the JSON into a tree: with the fast parser when it can, else with
 * json-glib (see crosscheck-json-tree.c), which also reports syntax errors.
 * NULL with a problem if it is not JSON.
 *
 * The prescan keeps from json-glib what it would get wrong. The fast
 * parser reads only strict JSON, less deep than the prescan's limit, with
 * integers of at most 18 digits: all the prescan lets through. So the
 * prescan runs only when the fast parser gives up (fuzzing builds check
 * that it would have passed), which saves a pass over a big file. */
static CrosscheckJsonTree *
parse (Loader     *loader,
       const char *data,
       gsize       length)
{
  g_autoptr(GError) error = NULL;
  CrosscheckJsonTree *tree;

  if (!fast_parser_disabled () && (tree = crosscheck_json_tree_parse (data, length, TRUE)) != NULL)
    {
#ifdef CROSSCHECK_FUZZING
      g_assert_true (prescan (loader, data, length));
#endif
      return tree;
    }

  if (!prescan (loader, data, length))
    return NULL;

  tree = crosscheck_json_tree_parse_with_json_glib (data, length, &error);
  if (error != NULL)
    add_syntax_problem (loader, error);
  else if (tree == NULL)
    add_problem (loader, NULL, _("the file is empty: it holds only white space"));

  return tree;
}

static CrosscheckProject *
load_watched (GBytes                     *bytes,
              gboolean                    releasable,
              CrosscheckReanchor         *reanchor,
              CrosscheckDocumentReadFunc  document_read,
              gpointer                    user_data,
              GPtrArray                 **problems,
              GError                    **error)
{
  g_autoptr(CrosscheckProject) project = crosscheck_project_new_empty ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) crosscheck_problem_free);
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) bad_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) bad_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CrosscheckJsonTree) tree = NULL;
  g_autoptr(GStringChunk) strings = g_string_chunk_new (64 * 1024);
  Loader loader = { NULL, project, found, seen_ids, strings, bad_ids, bad_names, reanchor, 0,
                    NULL, NULL, releasable, NULL, document_read, user_data };
  int code = CROSSCHECK_PROJECT_ERROR_SYNTAX;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);

  /* Some editors add a byte-order mark; it is not part of the JSON. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length == 0)
    add_problem (&loader, NULL, _("the file is empty"));
  /* Validation refuses NUL bytes too; memchr() says which. */
  else if (!crosscheck_utf8_validate_len (data, length))
    add_problem (&loader, NULL, memchr (data, '\0', length) != NULL
                                  ? _("the file contains NUL bytes, so it is not a project file")
                                  : _("the file is not UTF-8 text, so it is not a project file"));
  else
    {
      loader.tree = tree = parse (&loader, data, length);
      if (tree != NULL && read_header (&loader, crosscheck_json_tree_get_root (tree), &code))
        {
          static const char * const keys[] = {
            "format", "version", "labels", "link_types", "documents", "spans", "links", NULL
          };
          Node *root = crosscheck_json_tree_get_root (tree);

          check_keys (&loader, root, NULL, keys);
          read_labels (&loader, root, FALSE);
          read_labels (&loader, root, TRUE);
          read_documents (&loader, root);
          read_spans (&loader, root);
          read_links (&loader, root);
        }
    }

  g_clear_pointer (&loader.labels, g_hash_table_unref);
  g_clear_pointer (&loader.types, g_hash_table_unref);

  if (found->len > 0)
    {
      if (found->len == loader.n_anchor_problems)
        code = CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED;
      g_propagate_error (error, summarize (found, code));
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return NULL;
    }

  crosscheck_history_clear (crosscheck_project_get_history (project));
  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return g_steal_pointer (&project);
}

/**
 * crosscheck_project_load_from_bytes:
 * @bytes: the contents of a project file
 * @problems: (out) (optional) (transfer container) (element-type CrosscheckProblem):
 *   every problem found, in file order
 * @error: return location for a #GError summarising the problems
 *
 * Reads a project file. Every problem is reported with its JSON path;
 * nothing is returned unless the file is entirely valid. When the only
 * problems are documents whose text changed after they were annotated,
 * the error is %CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED and
 * crosscheck_project_reanchor_from_bytes() can read the file.
 *
 * Returns: (transfer full) (nullable): a clean project, or %NULL
 */
CrosscheckProject *
crosscheck_project_load_from_bytes (GBytes     *bytes,
                                    GPtrArray **problems,
                                    GError    **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return load (bytes, FALSE, NULL, problems, error);
}

/**
 * crosscheck_project_reanchor_from_bytes:
 * @bytes: the contents of a project file
 * @report: (out) (optional) (transfer full): what happened to each span that
 *   no longer matched its document's text
 * @problems: (out) (optional) (transfer container) (element-type CrosscheckProblem):
 *   every other problem found
 * @error: return location for a #GError
 *
 * Reads a project file whose documents' text may have changed since they
 * were annotated. Each span whose quoted text is no longer at its offsets
 * moves to where that text is now, if it is there once; the others are
 * kept and flagged for review (crosscheck_annotation_get_review()), never
 * dropped. Any other problem still refuses the file. A project that was
 * repaired is returned unsaved (dirty), so that the editor saves it.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL
 */
CrosscheckProject *
crosscheck_project_reanchor_from_bytes (GBytes              *bytes,
                                        CrosscheckReanchor **report,
                                        GPtrArray          **problems,
                                        GError             **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return reanchor (bytes, FALSE, report, problems, error);
}

static CrosscheckProject *
reanchor (GBytes              *bytes,
          gboolean             releasable,
          CrosscheckReanchor **report,
          GPtrArray          **problems,
          GError             **error)
{
  g_autoptr(CrosscheckReanchor) repairs = crosscheck_reanchor_new ();
  CrosscheckProject *project;

  project = load (bytes, releasable, repairs, problems, error);
  if (project != NULL && crosscheck_reanchor_get_documents (repairs)[0] != NULL)
    crosscheck_history_forget_saved (crosscheck_project_get_history (project));

  if (report != NULL)
    *report = g_steal_pointer (&repairs);

  return project;
}

/**
 * crosscheck_project_load_from_file:
 * @file: a project file
 * @cancellable: (nullable): a #GCancellable
 * @problems: (out) (optional) (transfer container) (element-type CrosscheckProblem):
 *   every problem found
 * @error: return location for a #GError
 *
 * Reads a project file; see crosscheck_project_load_from_bytes().
 *
 * Returns: (transfer full) (nullable): a clean project, or %NULL
 */
CrosscheckProject *
crosscheck_project_load_from_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   GPtrArray    **problems,
                                   GError       **error)
{
  return load_file (file, FALSE, cancellable, NULL, NULL, NULL, problems, error);
}

/**
 * crosscheck_project_load_from_file_watched:
 * @file: a project file
 * @cancellable: (nullable): a #GCancellable
 * @document_read: (scope call): called with each article as soon as it is
 *   read, before its spans
 * @user_data: data for @document_read
 * @problems: (out) (optional) (transfer container) (element-type CrosscheckProblem):
 *   every problem found
 * @error: return location for a #GError
 *
 * As crosscheck_project_load_from_file(), and tells @document_read of each
 * article that the project will hold if the file is read without a problem.
 * It is called in the reading thread; the article's text does not change
 * after that, so another thread may read it (only that) while the spans are
 * read: a window can lay the text out meanwhile.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL
 */
CrosscheckProject *
crosscheck_project_load_from_file_watched (GFile                      *file,
                                           GCancellable               *cancellable,
                                           CrosscheckDocumentReadFunc  document_read,
                                           gpointer                    user_data,
                                           GPtrArray                 **problems,
                                           GError                    **error)
{
  g_return_val_if_fail (document_read != NULL, NULL);

  return load_file (file, FALSE, cancellable, document_read, user_data, NULL, problems, error);
}

/**
 * crosscheck_project_reanchor_from_file:
 * @file: a project file
 * @cancellable: (nullable): a #GCancellable
 * @report: (out) (optional) (transfer full): what happened to each span that
 *   no longer matched
 * @problems: (out) (optional) (transfer container) (element-type CrosscheckProblem):
 *   every other problem found
 * @error: return location for a #GError
 *
 * Reads a project file; see crosscheck_project_reanchor_from_bytes(). The
 * file itself is not changed.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL
 */
CrosscheckProject *
crosscheck_project_reanchor_from_file (GFile               *file,
                                       GCancellable        *cancellable,
                                       CrosscheckReanchor **report,
                                       GPtrArray          **problems,
                                       GError             **error)
{
  return load_file (file, TRUE, cancellable, NULL, NULL, report, problems, error);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static void
append_nullable (GString    *out,
                 const char *value)
{
  if (value == NULL)
    crosscheck_string_put_literal (out, "null");
  else
    crosscheck_json_append_string (out, value);
}

static void
append_key (GString    *out,
            const char *key)
{
  crosscheck_json_append_string (out, key);
  crosscheck_string_put_literal (out, ": ");
}

static void
append_label (GString         *out,
              CrosscheckLabel *label)
{
  GPtrArray *attributes = crosscheck_label_get_attributes (label);
  char shortcut[8] = { 0 };

  if (crosscheck_label_get_shortcut (label) != 0)
    g_unichar_to_utf8 (crosscheck_label_get_shortcut (label), shortcut);

  crosscheck_string_put_literal (out, "{\"name\": ");
  crosscheck_json_append_string (out, crosscheck_label_get_name (label));
  if (crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION)
    g_string_append_printf (out, ", \"symmetric\": %s",
                            crosscheck_label_get_symmetric (label) ? "true" : "false");
  else
    g_string_append_printf (out, ", \"kind\": \"%s\"",
                            crosscheck_label_kind_to_string (crosscheck_label_get_kind (label)));
  g_string_append_printf (out, ", \"color\": \"%s\", \"shortcut\": ",
                          crosscheck_label_get_color (label));
  crosscheck_json_append_string (out, shortcut);
  crosscheck_string_put_literal (out, ", \"attributes\": [");
  for (guint i = 0; i < attributes->len; i++)
    {
      const CrosscheckAttributeSpec *spec = g_ptr_array_index (attributes, i);

      g_string_append (out, i > 0 ? ", {\"name\": " : "{\"name\": ");
      crosscheck_json_append_string (out, spec->name);
      crosscheck_string_put_literal (out, ", \"values\": [");
      for (guint j = 0; spec->values[j] != NULL; j++)
        {
          if (j > 0)
            crosscheck_string_put_literal (out, ", ");
          crosscheck_json_append_string (out, spec->values[j]);
        }
      crosscheck_string_put_literal (out, "]}");
    }
  crosscheck_string_put_literal (out, "]}");
}

static void
append_document (GString            *out,
                 CrosscheckDocument *document)
{
  crosscheck_string_put_literal (out, "{\n      \"id\": ");
  crosscheck_json_append_string (out, crosscheck_document_get_id (document));
  crosscheck_string_put_literal (out, ",\n      \"title\": ");
  crosscheck_json_append_string (out, crosscheck_document_get_title (document));
  crosscheck_string_put_literal (out, ",\n      \"source\": ");
  crosscheck_json_append_string (out, crosscheck_document_get_source (document));
  crosscheck_string_put_literal (out, ",\n      \"published\": ");
  append_nullable (out, crosscheck_document_get_published (document));
  crosscheck_string_put_literal (out, ",\n      \"encoding\": ");
  crosscheck_json_append_string (out,
                                 crosscheck_encoding_to_string (crosscheck_document_get_encoding (document)));
  crosscheck_string_put_literal (out, ",\n      \"sha256\": ");
  crosscheck_json_append_string (out, crosscheck_document_get_sha256 (document));
  crosscheck_string_put_literal (out, ",\n      \"text\": ");
  crosscheck_json_append_string (out, crosscheck_document_get_text (document));
  crosscheck_string_put_literal (out, "\n    }");
}

static void
append_annotation_fields (GString              *out,
                          CrosscheckAnnotation *annotation)
{
  g_auto(GStrv) names = NULL;

  crosscheck_string_put_literal (out, ", \"annotator\": ");
  crosscheck_json_append_string (out, crosscheck_annotation_get_annotator (annotation));
  crosscheck_string_put_literal (out, ", \"created\": ");
  append_nullable (out, crosscheck_annotation_get_created (annotation));
  crosscheck_string_put_literal (out, ", \"modified\": ");
  append_nullable (out, crosscheck_annotation_get_modified (annotation));
  crosscheck_string_put_literal (out, ", \"note\": ");
  crosscheck_json_append_string (out, crosscheck_annotation_get_note (annotation));
  /* Only where there is something to check, so that other files stay as
   * they were (docs/format.md). */
  if (crosscheck_annotation_get_review (annotation) != NULL)
    {
      crosscheck_string_put_literal (out, ", \"needs_review\": ");
      crosscheck_json_append_string (out, crosscheck_annotation_get_review (annotation));
    }
  crosscheck_string_put_literal (out, ", \"attributes\": {");
  if (crosscheck_annotation_get_n_attributes (annotation) == 0)
    {
      crosscheck_string_put_literal (out, "}}");
      return;
    }
  names = crosscheck_annotation_dup_attribute_names (annotation);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (i > 0)
        crosscheck_string_put_literal (out, ", ");
      append_key (out, names[i]);
      crosscheck_json_append_string (out, crosscheck_annotation_get_attribute (annotation, names[i]));
    }
  crosscheck_string_put_literal (out, "}}");
}

static void
append_span (GString        *out,
             CrosscheckSpan *span)
{
  CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (span);
  const char *text;
  gsize length;

  crosscheck_string_put_literal (out, "{\"id\": ");
  crosscheck_json_append_string (out, crosscheck_annotation_get_id (annotation));
  crosscheck_string_put_literal (out, ", \"document\": ");
  crosscheck_json_append_string (out, crosscheck_document_get_id (crosscheck_span_get_document (span)));
  crosscheck_string_put_literal (out, ", \"start\": ");
  crosscheck_string_append_uint (out, crosscheck_span_get_start (span));
  crosscheck_string_put_literal (out, ", \"end\": ");
  crosscheck_string_append_uint (out, crosscheck_span_get_end (span));
  crosscheck_string_put_literal (out, ", \"label\": ");
  crosscheck_json_append_string (out, crosscheck_label_get_name (crosscheck_annotation_get_label (annotation)));
  crosscheck_string_put_literal (out, ", \"text\": ");
  text = _crosscheck_span_peek_text (span, &length);
  crosscheck_json_append_string_len (out, text, length);
  append_annotation_fields (out, annotation);
}

static void
append_link (GString        *out,
             CrosscheckLink *link)
{
  CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (link);

  crosscheck_string_put_literal (out, "{\"id\": ");
  crosscheck_json_append_string (out, crosscheck_annotation_get_id (annotation));
  crosscheck_string_put_literal (out, ", \"type\": ");
  crosscheck_json_append_string (out, crosscheck_label_get_name (crosscheck_link_get_link_type (link)));
  crosscheck_string_put_literal (out, ", \"from\": ");
  crosscheck_json_append_string (out,
                                 crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (crosscheck_link_get_from (link))));
  crosscheck_string_put_literal (out, ", \"to\": ");
  crosscheck_json_append_string (out,
                                 crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (crosscheck_link_get_to (link))));
  append_annotation_fields (out, annotation);
}

typedef void (*AppendFunc) (GString *out,
                            gpointer item);

/* Where a save streams the file: what has been written so far goes out to
 * @fd whenever a megabyte has gathered, so a large project is never whole
 * in memory a second time. */
typedef struct
{
  int      fd;
  gboolean ok;
  int      saved_errno;   /* when not @ok */
} Sink;

#define SINK_CHUNK (1024 * 1024)

static void
sink_flush (Sink    *sink,
            GString *out)
{
  if (sink->ok && !crosscheck_write_all (sink->fd, out->str, out->len))
    {
      sink->ok = FALSE;
      sink->saved_errno = errno;
    }
  g_string_truncate (out, 0);
}

typedef struct
{
  GString    *out;
  Sink       *sink;   /* nullable: everything stays in @out */
  AppendFunc  append;
  guint       n;
} ListWriter;

static gboolean
write_item (gpointer item,
            gpointer data)
{
  ListWriter *writer = data;

  if (writer->n++ > 0)
    crosscheck_string_put_literal (writer->out, ",\n    ");
  else
    crosscheck_string_put_literal (writer->out, "\n    ");
  writer->append (writer->out, item);

  if (writer->sink != NULL && writer->out->len >= SINK_CHUNK)
    sink_flush (writer->sink, writer->out);

  return TRUE;
}

static gboolean
write_span (CrosscheckSpan *span,
            gpointer        data)
{
  return write_item (span, data);
}

/* Writes `"key": [` then one item a line, then `]`. */
static void
append_list (GString    *out,
             Sink       *sink,
             const char *key,
             GListModel *model,
             AppendFunc  append,
             gboolean    last)
{
  ListWriter writer = { out, sink, append, 0 };

  crosscheck_string_put_literal (out, "  ");
  append_key (out, key);
  crosscheck_string_put_literal (out, "[");
  /* The spans sit in trees: walking them beats looking up each position. */
  if (CROSSCHECK_IS_SPAN_LIST (model))
    crosscheck_span_list_foreach (CROSSCHECK_SPAN_LIST (model), write_span, &writer);
  else
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);

        write_item (item, &writer);
      }
  if (writer.n > 0)
    crosscheck_string_put_literal (out, "\n  ]");
  else
    crosscheck_string_put_literal (out, "]");
  if (last)
    crosscheck_string_put_literal (out, "\n");
  else
    crosscheck_string_put_literal (out, ",\n");
}

/* Writes the file to @out, or through it to @sink. */
static void
serialize_to (CrosscheckProject *self,
              GString           *out,
              Sink              *sink)
{
  g_string_append_printf (out, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n",
                          CROSSCHECK_FORMAT_NAME, CROSSCHECK_FORMAT_VERSION);
  append_list (out, sink, "labels", crosscheck_project_get_labels (self),
               (AppendFunc) append_label, FALSE);
  append_list (out, sink, "link_types", crosscheck_project_get_link_types (self),
               (AppendFunc) append_label, FALSE);
  append_list (out, sink, "documents", crosscheck_project_get_documents (self),
               (AppendFunc) append_document, FALSE);
  append_list (out, sink, "spans", G_LIST_MODEL (crosscheck_project_get_spans (self)),
               (AppendFunc) append_span, FALSE);
  append_list (out, sink, "links", crosscheck_project_get_links (self),
               (AppendFunc) append_link, TRUE);
  crosscheck_string_put_literal (out, "}\n");
  if (sink != NULL)
    sink_flush (sink, out);
}

/**
 * crosscheck_project_serialize:
 * @self: a #CrosscheckProject
 *
 * Writes the project in format version 1: keys in a fixed order, documents
 * by id, spans by document, start, end and id, links by id, one label, span
 * or link a line. The same project always gives the same bytes.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
crosscheck_project_serialize (CrosscheckProject *self)
{
  GString *out;
  GListModel *documents;
  gsize size;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  /* Room for the whole file up front: growing a 30 MB buffer by doubling
   * copies it several times (a third of the time of a large save). */
  documents = crosscheck_project_get_documents (self);
  size = 4096 + 300 * g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (self))) +
         200 * g_list_model_get_n_items (crosscheck_project_get_links (self));
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, i);

      size += crosscheck_document_get_byte_length (document) * 11 / 10;
    }
  out = g_string_sized_new (size);
  serialize_to (self, out, NULL);

  return g_string_free_to_bytes (out);
}

static gboolean
fill_project (int      fd,
              gpointer user_data)
{
  g_autoptr(GString) out = g_string_sized_new (2 * SINK_CHUNK);
  Sink sink = { fd, TRUE, 0 };

  serialize_to (user_data, out, &sink);
  if (!sink.ok)
    errno = sink.saved_errno;

  return sink.ok;
}

/**
 * crosscheck_project_save_to_file:
 * @self: a #CrosscheckProject
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves atomically (see crosscheck_file_write_atomic()): if anything fails,
 * the old file is left as it was and the project stays dirty.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_save_to_file (CrosscheckProject  *self,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A local file is written as it is made; anywhere else it goes whole. */
  path = g_file_get_path (file);
  if (path != NULL)
    {
      if (!crosscheck_file_write_atomic_with (file, fill_project, self, cancellable, error))
        return FALSE;
    }
  else
    {
      bytes = crosscheck_project_serialize (self);
      if (!crosscheck_file_write_atomic (file, bytes, cancellable, error))
        return FALSE;
    }

  crosscheck_history_mark_saved (crosscheck_project_get_history (self));
  _crosscheck_project_set_file (self, file);

  return TRUE;
}
