/* crosscheck-json-tree.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <json-glib/json-glib.h>

#include "crosscheck-json-tree.h"

/* A compact, read-only JSON tree for the project loader.
 *
 * json-glib builds a GObject-style node, a hash table and a copied string
 * for every value: a 30 MB project became 390 MB of nodes and most of the
 * load time went to malloc. This tree is 16 bytes a value, allocated in
 * large blocks, and its strings stay in the file's bytes until read.
 *
 * The fast parser reads a deliberately narrow subset of JSON: the layout
 * any JSON writer produces for a project. Whenever it meets anything else
 * (a syntax error, a number with a fraction or exponent, a surrogate
 * escape, a control character in a string, an escaped or repeated key, an
 * object with very many members, a root that is not an object) it gives
 * up and returns NULL; the loader then parses with json-glib, which gives
 * the same messages as always, and converts its tree to this one
 * (crosscheck_json_tree_parse_with_json_glib()). So what the fast parser
 * accepts it reads exactly as json-glib would, and everything else is
 * json-glib's business. */

#define BLOCK_SIZE (64 * 1024)
#define MAX_DEPTH 64
#define MAX_FAST_MEMBERS 32

/* Memory handed out in blocks and given back all at once. */
typedef struct
{
  char      *first;   /* kept by arena_reset() */
  GPtrArray *others;
  char      *free_start;
  gsize      free_left;
} Arena;

struct _CrosscheckJsonTree
{
  Arena               arena;
  Arena               scratch;  /* the element being read of a streamed array */
  GArray             *stack;
  const char         *end;
  guint               hint;     /* where crosscheck_json_tree_lookup() starts */
  CrosscheckJsonNode  root;
};

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > BLOCK_SIZE / 4)
    {
      memory = g_malloc (size);
      g_ptr_array_add (arena->others, memory);
      return memory;
    }

  if (size > arena->free_left)
    {
      if (arena->first == NULL)
        arena->free_start = arena->first = g_malloc (BLOCK_SIZE);
      else
        g_ptr_array_add (arena->others, arena->free_start = g_malloc (BLOCK_SIZE));
      arena->free_left = BLOCK_SIZE;
    }

  memory = arena->free_start;
  arena->free_start += size;
  arena->free_left -= size;

  return memory;
}

/* Frees everything but the first block, which is used again. */
static void
arena_reset (Arena *arena)
{
  g_ptr_array_set_size (arena->others, 0);
  arena->free_start = arena->first;
  arena->free_left = arena->first != NULL ? BLOCK_SIZE : 0;
}

static void
arena_init (Arena *arena)
{
  arena->others = g_ptr_array_new_with_free_func (g_free);
}

static void
arena_clear (Arena *arena)
{
  g_ptr_array_unref (arena->others);
  g_free (arena->first);
}

static CrosscheckJsonTree *
tree_new (void)
{
  CrosscheckJsonTree *tree = g_new0 (CrosscheckJsonTree, 1);

  arena_init (&tree->arena);
  arena_init (&tree->scratch);
  tree->stack = g_array_sized_new (FALSE, FALSE, sizeof (CrosscheckJsonNode), 256);

  return tree;
}

void
crosscheck_json_tree_free (CrosscheckJsonTree *tree)
{
  if (tree == NULL)
    return;

  arena_clear (&tree->arena);
  arena_clear (&tree->scratch);
  g_array_unref (tree->stack);
  g_free (tree);
}

CrosscheckJsonNode *
crosscheck_json_tree_get_root (CrosscheckJsonTree *tree)
{
  return &tree->root;
}

/* ------------------------------------------------------------------------ */
/* The fast parser                                                           */

typedef struct
{
  const char *p;
  const char *end;
  GArray     *stack;   /* CrosscheckJsonNode, or pairs of them for members */
  Arena      *arena;   /* NULL: only check the syntax */
  gboolean    scratch; /* building in the tree's scratch arena */
  gboolean    stream;  /* leave the arrays that are values of the root unread */
} Parser;

static inline void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\t' || *parser->p == '\r'))
    parser->p++;
}

/* After a number or a literal: only what may follow a value in JSON. */
static inline gboolean
at_delimiter (Parser *parser)
{
  char c;

  if (parser->p == parser->end)
    return TRUE;

  c = *parser->p;
  return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads four hex digits at @p; -1 if they are not. */
static int
read_hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/**
 * crosscheck_json_skip_plain:
 * @p: inside a string
 * @end: the end of the data
 *
 * Most of a project file is the plain inside of strings. This finds the
 * first byte from @p that is a quote, a backslash or a control character
 * (below 0x20), looking at sixteen bytes at a time with SSE2 (every
 * x86-64 processor has it), else eight at a time in a 64-bit word.
 *
 * Returns: where that byte is, or @end
 */
const char *
crosscheck_json_skip_plain (const char *p,
                            const char *end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8 ('"');
  const __m128i backslash = _mm_set1_epi8 ('\\');
  const __m128i below_space = _mm_set1_epi8 (0x1F);

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      /* A byte below 0x20 is one that max (byte, 0x1F) leaves at 0x1F. */
      __m128i hits = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, quote), _mm_cmpeq_epi8 (v, backslash)),
                                   _mm_cmpeq_epi8 (_mm_max_epu8 (v, below_space), below_space));
      int mask = _mm_movemask_epi8 (hits);

      if (mask != 0)
        return p + __builtin_ctz (mask);
      p += 16;
    }
#endif

  while (end - p >= 8)
    {
      guint64 v, q, b, found;

      memcpy (&v, p, 8);
      q = v ^ (ones * '"');
      b = v ^ (ones * '\\');
      /* Sets the top bit of a byte that is zero in q or b, or below 0x20 in
       * v, and maybe of bytes above such a one: the lowest is exact. */
      found = (((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20) & ~v)) & highs;
      if (found != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
          return p + __builtin_ctzll (found) / 8;
#else
          break;
#endif
        }
      p += 8;
    }

  while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
    p++;

  return p;
}

/* At the opening quote. Leaves the bytes raw; checks the escapes. */
static gboolean
parse_string (Parser             *parser,
              CrosscheckJsonNode *node)
{
  const char *start = ++parser->p;
  const char *p = start;
  const char *end = parser->end;
  gboolean escaped = FALSE;

  for (;;)
    {
      const char *quote_or_slash;

      /* Most strings have neither; find the first of either quickly. */
      quote_or_slash = crosscheck_json_skip_plain (p, end);
      p = quote_or_slash;

      if (p >= end || (guchar) *p < 0x20)
        return FALSE;
      if (*p == '"')
        break;

      /* A backslash. */
      escaped = TRUE;
      if (p + 1 >= end)
        return FALSE;
      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          break;
        case 'u':
          {
            int value;

            if (end - p < 6)
              return FALSE;
            value = read_hex4 (p + 2);
            /* NUL and surrogates: json-glib's business. */
            if (value <= 0 || (value >= 0xD800 && value <= 0xDFFF))
              return FALSE;
            p += 6;
          }
          break;
        default:
          return FALSE;
        }
    }

  if ((gsize) (p - start) > G_MAXUINT32)
    return FALSE;

  node->type = CROSSCHECK_JSON_STRING;
  node->raw = TRUE;
  node->escaped = escaped;
  node->scratch = parser->scratch;
  node->length = p - start;
  node->v.string = start;
  parser->p = p + 1;

  return TRUE;
}

static gboolean
parse_number (Parser             *parser,
              CrosscheckJsonNode *node)
{
  const char *p = parser->p;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint digits = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  while (p < parser->end && *p >= '0' && *p <= '9')
    {
      value = value * 10 + (guint64) (*p - '0');
      digits++;
      p++;
    }

  /* No digits, leading zeros, or more digits than surely fit: json-glib's. */
  if (digits == 0 || digits > 18 || (digits > 1 && parser->p[negative] == '0'))
    return FALSE;

  parser->p = p;
  if (!at_delimiter (parser))
    return FALSE;

  node->type = CROSSCHECK_JSON_INTEGER;
  node->v.integer = negative ? -(gint64) value : (gint64) value;

  return TRUE;
}

static gboolean
parse_literal (Parser             *parser,
               const char         *word,
               CrosscheckJsonNode *node)
{
  gsize n = strlen (word);

  if ((gsize) (parser->end - parser->p) < n || memcmp (parser->p, word, n) != 0)
    return FALSE;

  parser->p += n;
  if (!at_delimiter (parser))
    return FALSE;

  if (word[0] == 'n')
    node->type = CROSSCHECK_JSON_NULL;
  else
    {
      node->type = CROSSCHECK_JSON_BOOLEAN;
      node->v.boolean = word[0] == 't';
    }

  return TRUE;
}

static gboolean parse_value (Parser             *parser,
                             guint               depth,
                             CrosscheckJsonNode *node);

/* Moves the @n nodes at the top of the stack into the tree. */
static gpointer
pop_nodes (Parser *parser,
           guint   base,
           guint   n)
{
  gpointer nodes = NULL;

  if (n > 0 && parser->arena != NULL)
    {
      nodes = arena_alloc (parser->arena, n * sizeof (CrosscheckJsonNode));
      memcpy (nodes, &g_array_index (parser->stack, CrosscheckJsonNode, base),
              n * sizeof (CrosscheckJsonNode));
    }
  g_array_set_size (parser->stack, base);

  return nodes;
}

/* At an opening bracket: steps past it, and past @close too if the
 * container is empty (then TRUE). */
static gboolean
open_container (Parser *parser,
                char    close)
{
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == close)
    {
      parser->p++;
      return TRUE;
    }

  return FALSE;
}

/* After an element or member: 1 if a comma says another follows, 0 if
 * @close ends the container, -1 if neither. */
static int
after_item (Parser *parser,
            char    close)
{
  skip_space (parser);
  if (parser->p >= parser->end)
    return -1;
  if (*parser->p == close)
    {
      parser->p++;
      return 0;
    }
  if (*parser->p != ',')
    return -1;
  parser->p++;
  skip_space (parser);

  return 1;
}

/* At the opening bracket of an array whose syntax was checked: steps over
 * it, leaving it to crosscheck_json_tree_next(). */
static void
skip_array (Parser             *parser,
            CrosscheckJsonNode *node)
{
  const char *p = parser->p;
  guint depth = 0;

  node->type = CROSSCHECK_JSON_ARRAY;
  node->raw = TRUE;
  node->v.string = p;

  for (; p < parser->end; p++)
    {
      if (*p == '"')
        {
          for (p = crosscheck_json_skip_plain (p + 1, parser->end);
               p < parser->end && *p != '"';
               p = crosscheck_json_skip_plain (p + 1, parser->end))
            if (*p == '\\')
              p++;
        }
      else if (*p == '[' || *p == '{')
        depth++;
      else if ((*p == ']' || *p == '}') && --depth == 0)
        break;
    }

  parser->p = p + 1;
}

static gboolean
parse_array (Parser             *parser,
             guint               depth,
             CrosscheckJsonNode *node)
{
  guint base = parser->stack->len;
  guint n = 0;
  int more;

  if (parser->stream && depth == 2)
    {
      skip_array (parser, node);
      return TRUE;
    }

  if (!open_container (parser, ']'))
    for (;;)
      {
        CrosscheckJsonNode element = { 0, };

        if (!parse_value (parser, depth + 1, &element))
          return FALSE;
        /* Checking the syntax alone keeps no elements. */
        if (parser->arena != NULL)
          g_array_append_val (parser->stack, element);
        if (++n == G_MAXUINT32 || (more = after_item (parser, ']')) < 0)
          return FALSE;
        if (!more)
          break;
      }

  node->type = CROSSCHECK_JSON_ARRAY;
  node->length = n;
  node->v.elements = pop_nodes (parser, base, n);

  return TRUE;
}

static gboolean
parse_object (Parser             *parser,
              guint               depth,
              CrosscheckJsonNode *node)
{
  guint base = parser->stack->len;
  guint n = 0;
  int more;

  if (!open_container (parser, '}'))
    for (;;)
      {
        CrosscheckJsonNode pair[2] = { { 0, }, { 0, } };

        if (parser->p >= parser->end || *parser->p != '"' ||
            !parse_string (parser, &pair[0]) || pair[0].escaped)
          return FALSE;

        /* A repeated key: json-glib decides which one counts. */
        for (guint i = 0; i < n; i++)
          {
            CrosscheckJsonNode *other = &g_array_index (parser->stack, CrosscheckJsonNode,
                                                        base + 2 * i);

            if (other->length == pair[0].length &&
                memcmp (other->v.string, pair[0].v.string, pair[0].length) == 0)
              return FALSE;
          }

        skip_space (parser);
        if (parser->p >= parser->end || *parser->p != ':')
          return FALSE;
        parser->p++;
        skip_space (parser);

        if (!parse_value (parser, depth + 1, &pair[1]))
          return FALSE;
        g_array_append_vals (parser->stack, pair, 2);
        if (++n > MAX_FAST_MEMBERS || (more = after_item (parser, '}')) < 0)
          return FALSE;
        if (!more)
          break;
      }

  node->type = CROSSCHECK_JSON_OBJECT;
  node->length = n;
  node->v.members = pop_nodes (parser, base, 2 * n);

  return TRUE;
}

static gboolean
parse_value (Parser             *parser,
             guint               depth,
             CrosscheckJsonNode *node)
{
  if (parser->p >= parser->end || depth > MAX_DEPTH)
    return FALSE;

  switch (*parser->p)
    {
    case '{':
      return parse_object (parser, depth, node);
    case '[':
      return parse_array (parser, depth, node);
    case '"':
      return parse_string (parser, node);
    case 't':
      return parse_literal (parser, "true", node);
    case 'f':
      return parse_literal (parser, "false", node);
    case 'n':
      return parse_literal (parser, "null", node);
    default:
      if (*parser->p == '-' || (*parser->p >= '0' && *parser->p <= '9'))
        return parse_number (parser, node);
      return FALSE;
    }
}

static gboolean
parse_root (Parser             *parser,
            CrosscheckJsonNode *root)
{
  skip_space (parser);
  if (parser->p >= parser->end || *parser->p != '{' || !parse_object (parser, 1, root))
    return FALSE;

  skip_space (parser);

  return parser->p == parser->end;
}

/**
 * crosscheck_json_tree_parse:
 * @data: JSON text, which must outlive the tree: UTF-8 without NUL bytes,
 *   which the loader checks first (json-glib refuses other bytes)
 * @length: its length in bytes
 * @stream: whether to leave the arrays that are members of the root unread
 *   until crosscheck_json_tree_next() reads them, one element at a time
 *
 * Reads @data if it is a JSON object in the subset described above. The
 * syntax of all of it is checked first, even when streaming.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL when @data is
 *   anything else (not necessarily invalid JSON: parse it with json-glib)
 */
CrosscheckJsonTree *
crosscheck_json_tree_parse (const char *data,
                            gsize       length,
                            gboolean    stream)
{
  g_autoptr(CrosscheckJsonTree) tree = tree_new ();
  Parser parser = { data, data + length, tree->stack, NULL, FALSE, FALSE };
  CrosscheckJsonNode unused;

  tree->end = data + length;

  if (stream && !parse_root (&parser, &unused))
    return NULL;

  parser.p = data;
  parser.arena = &tree->arena;
  parser.stream = stream;
  if (!parse_root (&parser, &tree->root))
    return NULL;

  return g_steal_pointer (&tree);
}

/**
 * crosscheck_json_tree_iter_init:
 * @tree: the tree holding @array
 * @array: an ARRAY node
 * @iter: (out caller-allocates): an iterator
 */
void
crosscheck_json_tree_iter_init (CrosscheckJsonTree *tree,
                                CrosscheckJsonNode *array,
                                CrosscheckJsonIter *iter)
{
  g_return_if_fail (array->type == CROSSCHECK_JSON_ARRAY);

  memset (iter, 0, sizeof *iter);
  iter->array = array;
  iter->p = array->raw ? array->v.string + 1 : NULL;
}

/**
 * crosscheck_json_tree_next:
 * @tree: the tree
 * @iter: an iterator
 *
 * The next element of @iter's array. An element of a streamed array is
 * read only now, and lives (with its strings) until the next call.
 *
 * Returns: (transfer none) (nullable): the element, or %NULL at the end
 */
CrosscheckJsonNode *
crosscheck_json_tree_next (CrosscheckJsonTree *tree,
                           CrosscheckJsonIter *iter)
{
  Parser parser = { iter->p, tree->end, tree->stack, &tree->scratch, TRUE, FALSE };

  if (!iter->array->raw)
    return iter->index < iter->array->length ? &iter->array->v.elements[iter->index++] : NULL;

  arena_reset (&tree->scratch);
  skip_space (&parser);
  if (parser.p < parser.end && *parser.p == ',')
    {
      parser.p++;
      skip_space (&parser);
    }
  /* The syntax was checked: only the end can stop this. */
  if (parser.p >= parser.end || *parser.p == ']' ||
      !parse_value (&parser, 3, &iter->element))
    {
      iter->p = parser.end;
      return NULL;
    }

  iter->p = parser.p;
  iter->index++;

  return &iter->element;
}

/* ------------------------------------------------------------------------ */
/* From json-glib's tree                                                     */

static void
set_string (CrosscheckJsonTree *tree,
            CrosscheckJsonNode *node,
            const char         *string)
{
  gsize n = strlen (string);
  char *copy = arena_alloc (&tree->arena, n + 1);

  memcpy (copy, string, n + 1);
  node->type = CROSSCHECK_JSON_STRING;
  node->raw = FALSE;
  node->v.string = copy;
}

static void
convert (CrosscheckJsonTree *tree,
         JsonNode           *from,
         CrosscheckJsonNode *to)
{
  memset (to, 0, sizeof *to);

  switch (JSON_NODE_TYPE (from))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (from);
        g_autoptr(GList) names = json_object_get_members (object);
        guint n = g_list_length (names);
        guint i = 0;

        to->type = CROSSCHECK_JSON_OBJECT;
        to->length = n;
        to->v.members = n > 0 ? arena_alloc (&tree->arena, n * sizeof (CrosscheckJsonMember)) : NULL;
        for (GList *l = names; l != NULL; l = l->next, i++)
          {
            set_string (tree, &to->v.members[i].name, l->data);
            convert (tree, json_object_get_member (object, l->data), &to->v.members[i].value);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (from);
        guint n = json_array_get_length (array);

        to->type = CROSSCHECK_JSON_ARRAY;
        to->length = n;
        to->v.elements = n > 0 ? arena_alloc (&tree->arena, n * sizeof (CrosscheckJsonNode)) : NULL;
        for (guint i = 0; i < n; i++)
          convert (tree, json_array_get_element (array, i), &to->v.elements[i]);
      }
      break;

    case JSON_NODE_NULL:
      to->type = CROSSCHECK_JSON_NULL;
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (from))
        {
        case G_TYPE_STRING:
          set_string (tree, to, json_node_get_string (from));
          break;
        case G_TYPE_BOOLEAN:
          to->type = CROSSCHECK_JSON_BOOLEAN;
          to->v.boolean = json_node_get_boolean (from);
          break;
        case G_TYPE_DOUBLE:
          to->type = CROSSCHECK_JSON_DOUBLE;
          to->v.number = json_node_get_double (from);
          break;
        default:
          to->type = CROSSCHECK_JSON_INTEGER;
          to->v.integer = json_node_get_int (from);
          break;
        }
      break;
    }
}

/**
 * crosscheck_json_tree_parse_with_json_glib:
 * @data: UTF-8 JSON, no deeper than the loader allows
 * @length: its length in bytes
 * @error: return location for json-glib's syntax error
 *
 * Reads @data with json-glib and copies its tree, so that the loader reads
 * one kind of tree whichever parser made it. This is the loader's way for
 * everything crosscheck_json_tree_parse() refuses, and what the tests and
 * fuzz-json-tree compare that parser with.
 *
 * Returns: (transfer full) (nullable): the tree; %NULL with @error set on a
 *   syntax error, or %NULL without an error when @data is only white space
 */
CrosscheckJsonTree *
crosscheck_json_tree_parse_with_json_glib (const char  *data,
                                           gsize        length,
                                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  CrosscheckJsonTree *tree;

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  if (json_parser_get_root (parser) == NULL)
    return NULL;

  tree = tree_new ();
  convert (tree, json_parser_get_root (parser), &tree->root);

  return tree;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

/* Decodes a raw string into the tree's memory, with a NUL. The parser
 * checked every escape. */
static void
materialize (CrosscheckJsonTree *tree,
             CrosscheckJsonNode *node)
{
  const char *from = node->v.string;
  const char *end = from + node->length;
  char *copy = arena_alloc (node->scratch ? &tree->scratch : &tree->arena, node->length + 1);
  char *to = copy;

  if (!node->escaped)
    {
      memcpy (copy, from, node->length);
      to += node->length;
    }
  else
    while (from < end)
      {
        if (*from != '\\')
          {
            *to++ = *from++;
            continue;
          }

        switch (from[1])
          {
          case 'b': *to++ = '\b'; break;
          case 'f': *to++ = '\f'; break;
          case 'n': *to++ = '\n'; break;
          case 'r': *to++ = '\r'; break;
          case 't': *to++ = '\t'; break;
          case 'u':
            to += g_unichar_to_utf8 ((gunichar) read_hex4 (from + 2), to);
            from += 4;
            break;
          default: *to++ = from[1]; break;
          }
        from += 2;
      }

  *to = '\0';
  node->v.string = copy;
  node->raw = FALSE;
  node->escaped = FALSE;
}

/**
 * crosscheck_json_tree_get_string:
 * @tree: the tree holding @node
 * @node: a STRING node
 *
 * Returns: (transfer none): the string, valid as long as @tree
 */
const char *
crosscheck_json_tree_get_string (CrosscheckJsonTree *tree,
                                 CrosscheckJsonNode *node)
{
  g_return_val_if_fail (node->type == CROSSCHECK_JSON_STRING, NULL);

  if (node->raw)
    materialize (tree, node);

  return node->v.string;
}

/* Whether @name is @key, of @length bytes. */
static inline gboolean
name_has (CrosscheckJsonNode *name,
          const char         *key,
          gsize               length)
{
  if (!name->raw)
    return strcmp (name->v.string, key) == 0;

  /* The fast parser gives up on escaped names. */
  return name->length == length && memcmp (name->v.string, key, length) == 0;
}

/**
 * crosscheck_json_tree_name_is:
 * @name: a STRING node, a member's name
 * @key: a name
 *
 * Whether @name is @key, without decoding it.
 *
 * Returns: %TRUE if it is
 */
gboolean
crosscheck_json_tree_name_is (CrosscheckJsonNode *name,
                              const char         *key)
{
  return name_has (name, key, strlen (key));
}

/**
 * crosscheck_json_tree_lookup:
 * @tree: the tree holding @object
 * @object: an OBJECT node
 * @key: a member's name
 *
 * Returns: (transfer none) (nullable): the member's value, or %NULL
 */
CrosscheckJsonNode *
crosscheck_json_tree_lookup (CrosscheckJsonTree *tree,
                             CrosscheckJsonNode *object,
                             const char         *key)
{
  gsize length = strlen (key);
  guint n = object->length;
  guint i;

  g_return_val_if_fail (object->type == CROSSCHECK_JSON_OBJECT, NULL);

  /* The loader asks for members in about the order files have them: start
   * after the one found last. */
  i = tree->hint < n ? tree->hint : 0;
  for (guint k = 0; k < n; k++, i = i + 1 < n ? i + 1 : 0)
    if (name_has (&object->v.members[i].name, key, length))
      {
        tree->hint = i + 1;
        return &object->v.members[i].value;
      }

  return NULL;
}

static gboolean
nodes_equal (CrosscheckJsonTree *ta,
             CrosscheckJsonNode *a,
             CrosscheckJsonTree *tb,
             CrosscheckJsonNode *b)
{
  if (a->type != b->type)
    return FALSE;

  switch (a->type)
    {
    case CROSSCHECK_JSON_NULL:
      return TRUE;
    case CROSSCHECK_JSON_BOOLEAN:
      return !a->v.boolean == !b->v.boolean;
    case CROSSCHECK_JSON_INTEGER:
      return a->v.integer == b->v.integer;
    case CROSSCHECK_JSON_DOUBLE:
      return a->v.number == b->v.number;
    case CROSSCHECK_JSON_STRING:
      return strcmp (crosscheck_json_tree_get_string (ta, a),
                     crosscheck_json_tree_get_string (tb, b)) == 0;
    case CROSSCHECK_JSON_ARRAY:
      {
        CrosscheckJsonIter ia, ib;

        crosscheck_json_tree_iter_init (ta, a, &ia);
        crosscheck_json_tree_iter_init (tb, b, &ib);
        for (;;)
          {
            CrosscheckJsonNode *ea = crosscheck_json_tree_next (ta, &ia);
            CrosscheckJsonNode *eb = crosscheck_json_tree_next (tb, &ib);

            if (ea == NULL || eb == NULL)
              return ea == eb;
            if (!nodes_equal (ta, ea, tb, eb))
              return FALSE;
          }
      }
    case CROSSCHECK_JSON_OBJECT:
      if (a->length != b->length)
        return FALSE;
      for (guint i = 0; i < a->length; i++)
        if (!nodes_equal (ta, &a->v.members[i].name, tb, &b->v.members[i].name) ||
            !nodes_equal (ta, &a->v.members[i].value, tb, &b->v.members[i].value))
          return FALSE;
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * crosscheck_json_tree_equal:
 * @a: a tree
 * @b: another
 *
 * Whether the two hold the same values, members in the same order. For
 * tests: the fast parser must read what json-glib reads.
 *
 * Returns: %TRUE if they are equal
 */
gboolean
crosscheck_json_tree_equal (CrosscheckJsonTree *a,
                            CrosscheckJsonTree *b)
{
  return nodes_equal (a, &a->root, b, &b->root);
}
