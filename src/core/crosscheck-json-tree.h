/* crosscheck-json-tree.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CROSSCHECK_JSON_NULL,
  CROSSCHECK_JSON_BOOLEAN,
  CROSSCHECK_JSON_INTEGER,
  CROSSCHECK_JSON_DOUBLE,
  CROSSCHECK_JSON_STRING,
  CROSSCHECK_JSON_ARRAY,
  CROSSCHECK_JSON_OBJECT,
} CrosscheckJsonType;

typedef struct _CrosscheckJsonNode   CrosscheckJsonNode;
typedef struct _CrosscheckJsonMember CrosscheckJsonMember;
typedef struct _CrosscheckJsonTree   CrosscheckJsonTree;

/* 16 bytes a value. Strings read by the fast parser stay in the file's
 * bytes until someone asks for them (raw); only then are they decoded and
 * given a NUL, in the tree's own memory. */
struct _CrosscheckJsonNode
{
  guint8  type;     /* CrosscheckJsonType */
  guint8  raw;      /* STRING: still the bytes between the quotes */
  guint8  escaped;  /* raw STRING: holds backslash escapes */
  guint8  scratch;  /* STRING: of an element of a streamed array */
  guint32 length;   /* raw STRING: bytes; ARRAY and OBJECT: elements or members
                     * (a raw ARRAY is streamed: its length is unknown) */
  union
  {
    gboolean              boolean;
    gint64                integer;
    double                number;
    const char           *string;
    CrosscheckJsonNode   *elements;
    CrosscheckJsonMember *members;
  } v;
};

struct _CrosscheckJsonMember
{
  CrosscheckJsonNode name;   /* a STRING */
  CrosscheckJsonNode value;
};

typedef struct
{
  CrosscheckJsonNode *array;
  const char         *p;
  guint               index;
  CrosscheckJsonNode  element;
} CrosscheckJsonIter;

const char          *crosscheck_json_skip_plain          (const char         *p,
                                                          const char         *end);
CrosscheckJsonTree  *crosscheck_json_tree_parse          (const char         *data,
                                                          gsize               length,
                                                          gboolean            stream);
CrosscheckJsonTree  *crosscheck_json_tree_parse_with_json_glib
                                                         (const char         *data,
                                                          gsize               length,
                                                          GError            **error);
void                 crosscheck_json_tree_free           (CrosscheckJsonTree *tree);
CrosscheckJsonNode  *crosscheck_json_tree_get_root       (CrosscheckJsonTree *tree);
const char          *crosscheck_json_tree_get_string     (CrosscheckJsonTree *tree,
                                                          CrosscheckJsonNode *node);
gboolean             crosscheck_json_tree_name_is        (CrosscheckJsonNode *name,
                                                          const char         *key);
CrosscheckJsonNode  *crosscheck_json_tree_lookup         (CrosscheckJsonTree *tree,
                                                          CrosscheckJsonNode *object,
                                                          const char         *key);
void                 crosscheck_json_tree_iter_init      (CrosscheckJsonTree *tree,
                                                          CrosscheckJsonNode *array,
                                                          CrosscheckJsonIter *iter);
CrosscheckJsonNode  *crosscheck_json_tree_next           (CrosscheckJsonTree *tree,
                                                          CrosscheckJsonIter *iter);
gboolean             crosscheck_json_tree_equal          (CrosscheckJsonTree *a,
                                                          CrosscheckJsonTree *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrosscheckJsonTree, crosscheck_json_tree_free)

G_END_DECLS
