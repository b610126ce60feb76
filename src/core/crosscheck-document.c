/* crosscheck-document.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pango.h>
#include <string.h>

#include "crosscheck-document-private.h"
#include "crosscheck-errors.h"
#include "crosscheck-sha256.h"
#include "crosscheck-utils.h"

/* One byte position is kept for every STRIDE code points, so that turning
 * an offset into a byte position walks at most STRIDE - 1 characters, even
 * in a 5 MB article. */
#define STRIDE 256

#define TITLE_MAX_CHARS 80

struct _CrosscheckDocument
{
  GObject             parent_instance;

  /* owned */
  char               *id;
  char               *title;
  char               *source;
  char               *published;
  char               *text;
  char               *sha256;
  gsize              *checkpoints;

  gsize               byte_length;
  guint               length;
  CrosscheckEncoding  encoding;
};

G_DEFINE_FINAL_TYPE (CrosscheckDocument, crosscheck_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_PUBLISHED,
  PROP_LENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crosscheck_document_finalize (GObject *object)
{
  CrosscheckDocument *self = (CrosscheckDocument *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->checkpoints, g_free);

  G_OBJECT_CLASS (crosscheck_document_parent_class)->finalize (object);
}

static void
crosscheck_document_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrosscheckDocument *self = CROSSCHECK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_LENGTH:
      g_value_set_uint (value, self->length);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_document_class_init (CrosscheckDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crosscheck_document_finalize;
  object_class->get_property = crosscheck_document_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crosscheck_document_init (CrosscheckDocument *self)
{
  self->id = g_strdup ("");
  self->title = g_strdup ("");
  self->source = g_strdup ("");
}

/* How many code points start among eight bytes of UTF-8: all bytes but
 * the continuation bytes (10xxxxxx). */
static inline guint
starts_in_word (guint64 word)
{
  guint64 continuation = word & ~(word << 1) & G_GUINT64_CONSTANT (0x8080808080808080);

  return 8 - __builtin_popcountll (continuation);
}

static void
build_index (CrosscheckDocument *self)
{
  const guchar *text = (const guchar *) self->text;
  gsize n_checkpoints;
  gsize i = 0;
  gsize b = 0;
  guint offset = 0;
  guint next = 0;   /* the code point whose byte position comes next */

  self->byte_length = strlen (self->text);
  self->sha256 = crosscheck_sha256_hex (self->text, self->byte_length);

  /* Count code points and remember a byte position every STRIDE of them:
   * eight bytes at a time while the next one to remember is further on
   * than that (a 5 MB article took 14 ms byte by byte, on the way to the
   * window's first frame). */
  n_checkpoints = self->byte_length / STRIDE + 2;
  self->checkpoints = g_new (gsize, n_checkpoints);

  while (b < self->byte_length)
    {
      if (next - offset > 8 && self->byte_length - b >= 8)
        {
          guint64 word;

          memcpy (&word, text + b, 8);
          offset += starts_in_word (word);
          b += 8;
          continue;
        }

      if ((text[b] & 0xC0) != 0x80)
        {
          if (offset == next)
            {
              self->checkpoints[i++] = b;
              next += STRIDE;
            }
          offset++;
        }
      b++;
    }
  self->checkpoints[i] = self->byte_length;
  self->length = offset;
}

/* Takes ownership of @text, which is valid UTF-8 with LF line ends. */
static CrosscheckDocument *
document_new_take_text (char *text)
{
  CrosscheckDocument *self = g_object_new (CROSSCHECK_TYPE_DOCUMENT, NULL);

  self->text = text;
  build_index (self);
  g_free (self->title);
  self->title = crosscheck_document_make_title (self->text);

  return self;
}

/* Like g_strstrip(), but for every Unicode space (no-break spaces too). */
static char *
strip_unicode (const char *text,
               gsize       len)
{
  const char *start = text;
  const char *end = text + len;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/**
 * crosscheck_document_make_title:
 * @text: an article's text
 *
 * Returns: (transfer full): the first non-empty line, trimmed and shortened
 *   to a readable length, or an empty string if there is none
 */
char *
crosscheck_document_make_title (const char *text)
{
  const char *line = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*line != '\0')
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol ? (gsize) (eol - line) : strlen (line);
      g_autofree char *copy = strip_unicode (line, len);

      if (*copy != '\0')
        {
          GString *title;
          const char *cut;
          const char *space = NULL;

          if (g_utf8_strlen (copy, -1) <= TITLE_MAX_CHARS)
            return g_steal_pointer (&copy);

          /* Shorten at the last word break before the limit. */
          cut = g_utf8_offset_to_pointer (copy, TITLE_MAX_CHARS - 1);
          for (const char *p = copy; p < cut; p = g_utf8_next_char (p))
            {
              if (g_unichar_isspace (g_utf8_get_char (p)))
                space = p;
            }
          if (space != NULL && space > copy + (cut - copy) / 2)
            cut = space;

          title = g_string_new_len (copy, cut - copy);
          while (title->len > 0 && g_ascii_isspace (title->str[title->len - 1]))
            g_string_truncate (title, title->len - 1);
          g_string_append (title, "…");
          return g_string_free (title, FALSE);
        }

      if (eol == NULL)
        break;
      line = eol + 1;
    }

  return g_strdup ("");
}

/**
 * crosscheck_document_new_from_bytes:
 * @bytes: the contents of an article file
 * @source: (nullable): the file name, used as the source and as a fallback title
 * @error: return location for a #GError
 *
 * Decodes an article as crosscheck_decode_text() describes.
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 */
CrosscheckDocument *
crosscheck_document_new_from_bytes (GBytes      *bytes,
                                    const char  *source,
                                    GError     **error)
{
  CrosscheckDocument *self;
  CrosscheckEncoding encoding;
  gsize length;
  const guint8 *data;
  char *text;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  text = crosscheck_decode_text (data, length, &encoding, NULL, error);
  if (text == NULL)
    return NULL;

  self = document_new_take_text (text);
  self->encoding = encoding;

  if (source != NULL)
    {
      g_free (self->source);
      self->source = g_strdup (source);

      if (*self->title == '\0')
        {
          g_free (self->title);
          self->title = g_strdup (source);
        }
    }

  return self;
}

/**
 * crosscheck_document_new_from_file:
 * @file: an article file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and decodes an article file. The file's base name becomes the
 * document's source. Blocking: call it from a worker thread in the UI.
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 */
CrosscheckDocument *
crosscheck_document_new_from_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Check the size first so that a huge file is never read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder. Choose the article files inside it."),
                   g_file_peek_path (file) ? g_file_peek_path (file) : "");
      return NULL;
    }

  if (g_file_info_get_size (info) > CROSSCHECK_DOCUMENT_MAX_BYTES)
    {
      crosscheck_set_too_large_error (error, g_file_info_get_size (info));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  basename = g_file_get_basename (file);

  return crosscheck_document_new_from_bytes (bytes, basename, error);
}

/**
 * crosscheck_document_new_from_text:
 * @text: the text as it is stored in a project file
 * @error: return location for a #GError
 *
 * Creates a document from text that was already decoded and normalised,
 * as read from a project file. The text must be valid UTF-8, non-empty,
 * and contain neither NUL nor CR.
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 */
CrosscheckDocument *
crosscheck_document_new_from_text (const char  *text,
                                   GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (!crosscheck_utf8_validate_len (text, strlen (text)))
    {
      g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_ENCODING,
                   _("the text is not valid UTF-8"));
      return NULL;
    }
  if (*text == '\0')
    {
      g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_EMPTY,
                   _("the text is empty"));
      return NULL;
    }
  if (strchr (text, '\r') != NULL)
    {
      g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_INVALID,
                   _("the text contains a carriage return (CR); line ends must be LF"));
      return NULL;
    }

  return document_new_take_text (g_strdup (text));
}

const char *
crosscheck_document_get_id (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);

  return self->id;
}

void
_crosscheck_document_set_id (CrosscheckDocument *self,
                             const char         *id)
{
  g_return_if_fail (CROSSCHECK_IS_DOCUMENT (self));

  if (crosscheck_set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
crosscheck_document_get_title (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * crosscheck_document_set_title:
 * @self: a #CrosscheckDocument
 * @title: the new title
 *
 * Sets the title of a document that is not in a project yet. For a
 * document in a project, use crosscheck_project_set_document_title() so
 * that the change can be undone.
 */
void
crosscheck_document_set_title (CrosscheckDocument *self,
                               const char         *title)
{
  g_return_if_fail (CROSSCHECK_IS_DOCUMENT (self));
  g_return_if_fail (title != NULL);

  if (crosscheck_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
crosscheck_document_get_source (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);

  return self->source;
}

void
crosscheck_document_set_source (CrosscheckDocument *self,
                                const char         *source)
{
  g_return_if_fail (CROSSCHECK_IS_DOCUMENT (self));
  g_return_if_fail (source != NULL);

  if (crosscheck_set_str (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * crosscheck_document_get_published:
 * @self: a #CrosscheckDocument
 *
 * Returns: (nullable): the publication date (ISO 8601), or %NULL if unknown
 */
const char *
crosscheck_document_get_published (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);

  return self->published;
}

/**
 * crosscheck_document_set_published:
 * @self: a #CrosscheckDocument
 * @published: (nullable): an ISO 8601 date or date-time, or %NULL
 * @error: return location for a #GError
 *
 * Sets the publication date of a document that is not in a project yet.
 *
 * Returns: %TRUE, or %FALSE with @error set if @published is not a date
 */
gboolean
crosscheck_document_set_published (CrosscheckDocument  *self,
                                   const char          *published,
                                   GError             **error)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), FALSE);

  if (published != NULL && !crosscheck_is_valid_date (published))
    {
      g_set_error (error, CROSSCHECK_DOCUMENT_ERROR, CROSSCHECK_DOCUMENT_ERROR_INVALID,
                   _("“%s” is not an ISO 8601 date such as 2023-03-13"), published);
      return FALSE;
    }

  if (crosscheck_set_str (&self->published, published))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);

  return TRUE;
}

CrosscheckEncoding
crosscheck_document_get_encoding (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), CROSSCHECK_ENCODING_UTF8);

  return self->encoding;
}

void
crosscheck_document_set_encoding (CrosscheckDocument *self,
                                  CrosscheckEncoding  encoding)
{
  g_return_if_fail (CROSSCHECK_IS_DOCUMENT (self));

  self->encoding = encoding;
}

/**
 * crosscheck_document_dup_warnings:
 * @self: a #CrosscheckDocument
 *
 * Returns: (transfer full): sentences that tell the editor what to check
 *   about this document's text, possibly none
 */
char **
crosscheck_document_dup_warnings (CrosscheckDocument *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);

  if (self->encoding == CROSSCHECK_ENCODING_WINDOWS_1252)
    g_strv_builder_add (builder,
                        _("The file was not valid UTF-8 and was read as Windows-1252; "
                          "check that accented letters and quotes look right."));

  return g_strv_builder_end (builder);
}

const char *
crosscheck_document_get_sha256 (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);

  return self->sha256;
}

const char *
crosscheck_document_get_text (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);

  return self->text;
}

/**
 * crosscheck_document_get_length:
 * @self: a #CrosscheckDocument
 *
 * Returns: the length of the text in Unicode code points
 */
guint
crosscheck_document_get_length (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), 0);

  return self->length;
}

gsize
crosscheck_document_get_byte_length (CrosscheckDocument *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), 0);

  return self->byte_length;
}

/* Steps @n code points on from @p, eight at a time over plain ASCII: most
 * news text is, and a span's text is looked up for every span loaded. */
static const char *
skip_chars (CrosscheckDocument *self,
            const char         *p,
            guint               n)
{
  const char *end = self->text + self->byte_length;

  while (n > 0)
    {
      guint64 word;

      if (n >= 8 && end - p >= 8)
        {
          memcpy (&word, p, 8);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              n -= 8;
              continue;
            }
        }
      p = g_utf8_next_char (p);
      n--;
    }

  return p;
}

/**
 * crosscheck_document_offset_to_byte:
 * @self: a #CrosscheckDocument
 * @offset: a code-point offset, at most the length
 *
 * Returns: the byte position of @offset in the UTF-8 text
 */
gsize
crosscheck_document_offset_to_byte (CrosscheckDocument *self,
                                    guint               offset)
{
  const char *p;

  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (offset <= self->length, self->byte_length);

  if (self->byte_length == self->length)
    return offset;

  p = self->text + self->checkpoints[offset / STRIDE];

  return skip_chars (self, p, offset % STRIDE) - self->text;
}

/**
 * crosscheck_document_byte_to_offset:
 * @self: a #CrosscheckDocument
 * @byte: a byte position on a character boundary, at most the byte length
 *
 * Returns: the code-point offset of @byte
 */
guint
crosscheck_document_byte_to_offset (CrosscheckDocument *self,
                                    gsize               byte)
{
  gsize lo = 0;
  gsize hi;

  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (byte <= self->byte_length, self->length);

  if (self->byte_length == self->length)
    return byte;

  /* The last checkpoint at or before @byte. */
  hi = (self->length + STRIDE - 1) / STRIDE;
  while (hi - lo > 1)
    {
      gsize mid = (lo + hi) / 2;

      if (self->checkpoints[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }

  return lo * STRIDE + g_utf8_pointer_to_offset (self->text + self->checkpoints[lo],
                                                 self->text + byte);
}

/**
 * crosscheck_document_peek_slice:
 * @self: a #CrosscheckDocument
 * @start: a code-point offset
 * @end: a code-point offset, at least @start and at most the length
 * @length: (out): the slice's length in bytes
 *
 * Returns: (transfer none): where the text from @start to @end begins in
 *   crosscheck_document_get_text(); it is not NUL-terminated there
 */
const char *
crosscheck_document_peek_slice (CrosscheckDocument *self,
                                guint               start,
                                guint               end,
                                gsize              *length)
{
  gsize b0;
  gsize b1;

  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  b0 = crosscheck_document_offset_to_byte (self, start);
  b1 = self->byte_length == self->length ? end
                                         : (gsize) (skip_chars (self, self->text + b0, end - start) -
                                                    self->text);
  *length = b1 - b0;

  return self->text + b0;
}

/**
 * crosscheck_document_dup_slice:
 * @self: a #CrosscheckDocument
 * @start: first code point
 * @end: code point after the last, at least @start and at most the length
 *
 * Returns: (transfer full): the text between @start and @end
 */
char *
crosscheck_document_dup_slice (CrosscheckDocument *self,
                               guint               start,
                               guint               end)
{
  const char *slice;
  gsize length;

  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  slice = crosscheck_document_peek_slice (self, start, end, &length);

  return g_strndup (slice, length);
}

/* Returns the byte range of the paragraph (line) around [b0, b1). */
static void
paragraph_bounds (CrosscheckDocument *self,
                  gsize               b0,
                  gsize               b1,
                  gsize              *p0,
                  gsize              *p1)
{
  const char *nl;

  *p0 = b0;
  while (*p0 > 0 && self->text[*p0 - 1] != '\n')
    (*p0)--;

  nl = strchr (self->text + b1, '\n');
  *p1 = nl ? (gsize) (nl - self->text) : self->byte_length;
}

/**
 * crosscheck_document_snap_range:
 * @self: a #CrosscheckDocument
 * @whole_words: whether to extend the range to whole words
 * @start: (inout): first code point of a selection
 * @end: (inout): code point after the selection
 *
 * Turns a selection into the range to tag: white space at either end is
 * left out, and with @whole_words a range that starts or ends inside a
 * word grows to cover the whole word. Word boundaries are Unicode's
 * (UAX #29, from Pango), so they hold for accents, CJK and emoji.
 *
 * Returns: %TRUE if anything is left to tag
 */
gboolean
crosscheck_document_snap_range (CrosscheckDocument *self,
                                gboolean            whole_words,
                                guint              *start,
                                guint              *end)
{
  g_autofree PangoLogAttr *attrs = NULL;
  gsize b0, b1, p0, p1;
  guint first;
  guint s, e;
  int n_attrs;

  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  s = MIN (*start, *end);
  e = MIN (MAX (*start, *end), self->length);
  if (s >= e)
    return FALSE;

  b0 = crosscheck_document_offset_to_byte (self, s);
  b1 = crosscheck_document_offset_to_byte (self, e);

  /* Only the paragraphs around the range are segmented, so this stays fast
   * in a long article. */
  paragraph_bounds (self, b0, b1, &p0, &p1);
  first = crosscheck_document_byte_to_offset (self, p0);
  n_attrs = g_utf8_strlen (self->text + p0, p1 - p0) + 1;
  attrs = g_new0 (PangoLogAttr, n_attrs);
  pango_get_log_attrs (self->text + p0, p1 - p0, -1, pango_language_from_string ("und"),
                       attrs, n_attrs);

  /* attrs[i] describes the position before character first + i. */
#define ATTR(offset) (attrs[(offset) - first])

  while (s < e && ATTR (s).is_white)
    s++;
  while (e > s && ATTR (e - 1).is_white)
    e--;
  if (s >= e)
    return FALSE;

  if (whole_words)
    {
      /* A position that is not a UAX #29 word boundary lies inside a word. */
      while (s > first && !ATTR (s).is_word_boundary)
        s--;
      while (e < first + (guint) n_attrs - 1 && !ATTR (e).is_word_boundary)
        e++;
    }

#undef ATTR

  *start = s;
  *end = e;

  return TRUE;
}

/**
 * crosscheck_document_unit_at:
 * @self: a #CrosscheckDocument
 * @offset: a code point, e.g. the caret
 * @sentence: %TRUE for the sentence there, %FALSE for the word
 * @start: (out): first code point of the unit
 * @end: (out): code point after it
 *
 * Finds the word or sentence at @offset (Unicode UAX #29, from Pango), with
 * white space left out, so that a key can tag it without a selection. A
 * caret just after a word counts as in it.
 *
 * Returns: %TRUE if there is a word or sentence there
 */
gboolean
crosscheck_document_unit_at (CrosscheckDocument *self,
                             guint               offset,
                             gboolean            sentence,
                             guint              *start,
                             guint              *end)
{
  g_autofree PangoLogAttr *attrs = NULL;
  gsize b, p0, p1;
  guint first, n, s, e;

  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  offset = MIN (offset, self->length);
  b = crosscheck_document_offset_to_byte (self, offset);
  paragraph_bounds (self, b, b, &p0, &p1);
  first = crosscheck_document_byte_to_offset (self, p0);
  n = g_utf8_strlen (self->text + p0, p1 - p0);
  if (n == 0)
    return FALSE;

  attrs = g_new0 (PangoLogAttr, n + 1);
  pango_get_log_attrs (self->text + p0, p1 - p0, -1, pango_language_from_string ("und"), attrs, n + 1);

#define ATTR(o) (attrs[(o) - first])

  if (sentence)
    {
      s = offset;
      while (s > first && !ATTR (s).is_sentence_start)
        s--;
      e = MAX (offset, s + 1);
      while (e < first + n && !ATTR (e).is_sentence_end)
        e++;
    }
  else
    {
      /* In a word, or just after one. */
      s = offset;
      if (!(s < first + n && ATTR (s).is_word_start) && s > first)
        {
          while (s > first && !ATTR (s).is_word_start)
            s--;
        }
      if (!ATTR (s).is_word_start)
        return FALSE;
      e = s + 1;
      while (e < first + n && !ATTR (e).is_word_end)
        e++;
      if (offset > e)
        return FALSE;
    }

#undef ATTR

  *start = s;
  *end = e;

  return crosscheck_document_snap_range (self, FALSE, start, end);
}

/* A detached copy of the editable fields, for the undo history. */
CrosscheckDocument *
_crosscheck_document_copy (CrosscheckDocument *self)
{
  CrosscheckDocument *copy = g_object_new (CROSSCHECK_TYPE_DOCUMENT, NULL);

  crosscheck_set_str (&copy->title, self->title);
  crosscheck_set_str (&copy->published, self->published);

  return copy;
}

void
_crosscheck_document_assign (CrosscheckDocument *self,
                             CrosscheckDocument *from)
{
  crosscheck_document_set_title (self, from->title);
  if (crosscheck_set_str (&self->published, from->published))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}
