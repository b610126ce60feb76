/* crosscheck-span.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-document.h"
#include "crosscheck-span-private.h"
#include "crosscheck-utils.h"

/* A span's document and range never change: moving a span is removing it
 * and adding another, so the interval index can rely on them. */
struct _CrosscheckSpan
{
  CrosscheckAnnotation  parent_instance;

  /* owned */
  CrosscheckDocument   *document;
  char                 *text;      /* made when first asked for */

  guint                 start;
  guint                 end;
};

G_DEFINE_FINAL_TYPE (CrosscheckSpan, crosscheck_span, CROSSCHECK_TYPE_ANNOTATION)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crosscheck_span_finalize (GObject *object)
{
  CrosscheckSpan *self = (CrosscheckSpan *)object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (crosscheck_span_parent_class)->finalize (object);
}

static void
crosscheck_span_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrosscheckSpan *self = CROSSCHECK_SPAN (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_TEXT:
      g_value_set_string (value, crosscheck_span_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_span_class_init (CrosscheckSpanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crosscheck_span_finalize;
  object_class->get_property = crosscheck_span_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CROSSCHECK_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crosscheck_span_init (CrosscheckSpan *self)
{
}

/* The caller has checked that 0 <= start < end <= length. */
CrosscheckSpan *
_crosscheck_span_new (CrosscheckDocument *document,
                      guint               start,
                      guint               end)
{
  CrosscheckSpan *self = g_object_new (CROSSCHECK_TYPE_SPAN, NULL);

  g_assert (start < end && end <= crosscheck_document_get_length (document));

  self->document = g_object_ref (document);
  self->start = start;
  self->end = end;

  return self;
}

/**
 * crosscheck_span_get_document:
 * @self: a #CrosscheckSpan
 *
 * Returns: (transfer none): the document the span is in
 */
CrosscheckDocument *
crosscheck_span_get_document (CrosscheckSpan *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_SPAN (self), NULL);

  return self->document;
}

/**
 * crosscheck_span_get_start:
 * @self: a #CrosscheckSpan
 *
 * Returns: the first code point of the span
 */
guint
crosscheck_span_get_start (CrosscheckSpan *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_SPAN (self), 0);

  return self->start;
}

/**
 * crosscheck_span_get_end:
 * @self: a #CrosscheckSpan
 *
 * Returns: the code point after the last one of the span
 */
guint
crosscheck_span_get_end (CrosscheckSpan *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_SPAN (self), 0);

  return self->end;
}

/**
 * crosscheck_span_get_text:
 * @self: a #CrosscheckSpan
 *
 * The text is copied from the document the first time it is asked for:
 * most of a big project's spans never are (saving uses
 * _crosscheck_span_peek_text()), and a copy in each would take a quarter
 * of the project's memory. Safe to call from several threads.
 *
 * Returns: the covered text
 */
const char *
crosscheck_span_get_text (CrosscheckSpan *self)
{
  char *text;

  g_return_val_if_fail (CROSSCHECK_IS_SPAN (self), NULL);

  text = g_atomic_pointer_get (&self->text);
  if (text == NULL)
    {
      text = crosscheck_document_dup_slice (self->document, self->start, self->end);
      if (!g_atomic_pointer_compare_and_exchange (&self->text, NULL, text))
        {
          g_free (text);
          text = g_atomic_pointer_get (&self->text);
        }
    }

  return text;
}

/* The covered text where it is in the document, @length bytes, not
 * NUL-terminated; nothing is copied. */
const char *
_crosscheck_span_peek_text (CrosscheckSpan *self,
                            gsize          *length)
{
  return crosscheck_document_peek_slice (self->document, self->start, self->end, length);
}

/**
 * crosscheck_span_compare:
 * @a: a span
 * @b: a span in the same document
 *
 * Orders spans of one document by start, then end, then id (natural order).
 *
 * Returns: a negative value, zero or a positive value
 */
int
crosscheck_span_compare (CrosscheckSpan *a,
                         CrosscheckSpan *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;

  return crosscheck_natural_compare (crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (a)),
                                     crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (b)));
}
