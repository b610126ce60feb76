/* crosscheck-link.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-annotation-private.h"
#include "crosscheck-label.h"
#include "crosscheck-link-private.h"
#include "crosscheck-span.h"

struct _CrosscheckLink
{
  CrosscheckAnnotation  parent_instance;

  /* owned */
  CrosscheckSpan       *from;
  CrosscheckSpan       *to;
};

G_DEFINE_FINAL_TYPE (CrosscheckLink, crosscheck_link, CROSSCHECK_TYPE_ANNOTATION)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crosscheck_link_finalize (GObject *object)
{
  CrosscheckLink *self = (CrosscheckLink *)object;

  g_clear_object (&self->from);
  g_clear_object (&self->to);

  G_OBJECT_CLASS (crosscheck_link_parent_class)->finalize (object);
}

static void
crosscheck_link_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrosscheckLink *self = CROSSCHECK_LINK (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_object (value, self->from);
      break;

    case PROP_TO:
      g_value_set_object (value, self->to);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_link_class_init (CrosscheckLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crosscheck_link_finalize;
  object_class->get_property = crosscheck_link_get_property;

  properties[PROP_FROM] =
    g_param_spec_object ("from", NULL, NULL, CROSSCHECK_TYPE_SPAN,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TO] =
    g_param_spec_object ("to", NULL, NULL, CROSSCHECK_TYPE_SPAN,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crosscheck_link_init (CrosscheckLink *self)
{
}

CrosscheckLink *
_crosscheck_link_new (CrosscheckLabel *type,
                      CrosscheckSpan  *from,
                      CrosscheckSpan  *to)
{
  CrosscheckLink *self = g_object_new (CROSSCHECK_TYPE_LINK, NULL);

  _crosscheck_annotation_set_label (CROSSCHECK_ANNOTATION (self), type);
  self->from = g_object_ref (from);
  self->to = g_object_ref (to);

  return self;
}

void
_crosscheck_link_swap (CrosscheckLink *self)
{
  CrosscheckSpan *tmp = self->from;

  self->from = self->to;
  self->to = tmp;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
}

/**
 * crosscheck_link_get_from:
 * @self: a #CrosscheckLink
 *
 * Returns: (transfer none): the span the link starts at
 */
CrosscheckSpan *
crosscheck_link_get_from (CrosscheckLink *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LINK (self), NULL);

  return self->from;
}

/**
 * crosscheck_link_get_to:
 * @self: a #CrosscheckLink
 *
 * Returns: (transfer none): the span the link ends at
 */
CrosscheckSpan *
crosscheck_link_get_to (CrosscheckLink *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LINK (self), NULL);

  return self->to;
}

/**
 * crosscheck_link_get_link_type:
 * @self: a #CrosscheckLink
 *
 * Returns: (transfer none): the link's type, a label of kind
 *   %CROSSCHECK_LABEL_RELATION
 */
CrosscheckLabel *
crosscheck_link_get_link_type (CrosscheckLink *self)
{
  return crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (self));
}

/**
 * crosscheck_link_joins:
 * @self: a #CrosscheckLink
 * @type: a link type
 * @from: a span
 * @to: a span
 *
 * Returns: %TRUE if @self is a link of @type from @from to @to; for a
 *   symmetric type, the other direction counts as the same link
 */
gboolean
crosscheck_link_joins (CrosscheckLink  *self,
                       CrosscheckLabel *type,
                       CrosscheckSpan  *from,
                       CrosscheckSpan  *to)
{
  g_return_val_if_fail (CROSSCHECK_IS_LINK (self), FALSE);

  if (crosscheck_link_get_link_type (self) != type)
    return FALSE;
  if (self->from == from && self->to == to)
    return TRUE;

  return crosscheck_label_get_symmetric (type) && self->from == to && self->to == from;
}
