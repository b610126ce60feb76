/* crosscheck-label.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-label.h"
#include "crosscheck-utils.h"

struct _CrosscheckLabel
{
  GObject              parent_instance;

  /* owned */
  char                *name;
  char                *color;
  GPtrArray           *attributes;

  CrosscheckLabelKind  kind;
  gunichar             shortcut;
  guint                symmetric : 1;
};

G_DEFINE_FINAL_TYPE (CrosscheckLabel, crosscheck_label, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (CrosscheckAttributeSpec, crosscheck_attribute_spec,
                     crosscheck_attribute_spec_copy, crosscheck_attribute_spec_free)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_COLOR,
  PROP_SHORTCUT,
  PROP_SYMMETRIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  [CROSSCHECK_LABEL_ENTITY] = "entity",
  [CROSSCHECK_LABEL_CLAIM] = "claim",
  [CROSSCHECK_LABEL_RELATION] = "relation",
};

/**
 * crosscheck_attribute_spec_new:
 * @name: the attribute's name
 * @values: (nullable) (array zero-terminated=1): the allowed values, or %NULL for free text
 *
 * Returns: (transfer full): a new attribute definition
 */
CrosscheckAttributeSpec *
crosscheck_attribute_spec_new (const char         *name,
                               const char * const *values)
{
  CrosscheckAttributeSpec *spec = g_new0 (CrosscheckAttributeSpec, 1);
  static const char * const none[] = { NULL };

  spec->name = g_strdup (name);
  spec->values = g_strdupv ((char **) (values ? values : none));

  return spec;
}

CrosscheckAttributeSpec *
crosscheck_attribute_spec_copy (const CrosscheckAttributeSpec *spec)
{
  return crosscheck_attribute_spec_new (spec->name, (const char * const *) spec->values);
}

void
crosscheck_attribute_spec_free (CrosscheckAttributeSpec *spec)
{
  if (spec == NULL)
    return;

  g_free (spec->name);
  g_strfreev (spec->values);
  g_free (spec);
}

/**
 * crosscheck_attribute_spec_allows:
 * @spec: an attribute definition
 * @value: a value
 *
 * Returns: %TRUE if @value is one of the choices, or if the attribute is free text
 */
gboolean
crosscheck_attribute_spec_allows (const CrosscheckAttributeSpec *spec,
                                  const char                    *value)
{
  return spec->values[0] == NULL || g_strv_contains ((const char * const *) spec->values, value);
}

const char *
crosscheck_label_kind_to_string (CrosscheckLabelKind kind)
{
  g_return_val_if_fail (kind <= CROSSCHECK_LABEL_RELATION, NULL);

  return kind_names[kind];
}

gboolean
crosscheck_label_kind_from_string (const char          *string,
                                   CrosscheckLabelKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (string, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
crosscheck_label_finalize (GObject *object)
{
  CrosscheckLabel *self = (CrosscheckLabel *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);

  G_OBJECT_CLASS (crosscheck_label_parent_class)->finalize (object);
}

static void
crosscheck_label_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrosscheckLabel *self = CROSSCHECK_LABEL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_SHORTCUT:
      g_value_set_uint (value, self->shortcut);
      break;

    case PROP_SYMMETRIC:
      g_value_set_boolean (value, self->symmetric);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_label_class_init (CrosscheckLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crosscheck_label_finalize;
  object_class->get_property = crosscheck_label_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, CROSSCHECK_LABEL_RELATION, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHORTCUT] =
    g_param_spec_uint ("shortcut", NULL, NULL, 0, 0x10FFFF, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SYMMETRIC] =
    g_param_spec_boolean ("symmetric", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crosscheck_label_init (CrosscheckLabel *self)
{
  self->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) crosscheck_attribute_spec_free);
  self->color = g_strdup ("#77767b");
}

/**
 * crosscheck_label_new:
 * @name: a valid name (see crosscheck_is_valid_name())
 * @kind: what the label applies to
 * @color: (nullable): `#rrggbb`, or %NULL for grey
 * @shortcut: the key that applies it, or 0 for none
 *
 * Returns: (transfer full): a new label, not yet part of a project
 */
CrosscheckLabel *
crosscheck_label_new (const char          *name,
                      CrosscheckLabelKind  kind,
                      const char          *color,
                      gunichar             shortcut)
{
  CrosscheckLabel *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (kind <= CROSSCHECK_LABEL_RELATION, NULL);

  self = g_object_new (CROSSCHECK_TYPE_LABEL, NULL);
  self->name = g_strdup (name);
  self->kind = kind;
  if (color != NULL)
    crosscheck_set_str (&self->color, color);
  self->shortcut = shortcut;

  return self;
}

const char *
crosscheck_label_get_name (CrosscheckLabel *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (self), NULL);

  return self->name;
}

/**
 * crosscheck_label_set_name:
 * @self: a #CrosscheckLabel
 * @name: the new name
 *
 * Changes a label that is not in a project. For one in a project, use
 * crosscheck_project_update_label() so that the change can be undone; the
 * same holds for the other setters.
 */
void
crosscheck_label_set_name (CrosscheckLabel *self,
                           const char      *name)
{
  g_return_if_fail (CROSSCHECK_IS_LABEL (self));

  if (crosscheck_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

CrosscheckLabelKind
crosscheck_label_get_kind (CrosscheckLabel *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (self), 0);

  return self->kind;
}

void
crosscheck_label_set_kind (CrosscheckLabel     *self,
                           CrosscheckLabelKind  kind)
{
  g_return_if_fail (CROSSCHECK_IS_LABEL (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
crosscheck_label_get_color (CrosscheckLabel *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (self), NULL);

  return self->color;
}

void
crosscheck_label_set_color (CrosscheckLabel *self,
                            const char      *color)
{
  g_return_if_fail (CROSSCHECK_IS_LABEL (self));
  g_return_if_fail (color != NULL);

  if (crosscheck_set_str (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

gunichar
crosscheck_label_get_shortcut (CrosscheckLabel *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (self), 0);

  return self->shortcut;
}

void
crosscheck_label_set_shortcut (CrosscheckLabel *self,
                               gunichar         shortcut)
{
  g_return_if_fail (CROSSCHECK_IS_LABEL (self));

  if (self->shortcut != shortcut)
    {
      self->shortcut = shortcut;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORTCUT]);
    }
}

gboolean
crosscheck_label_get_symmetric (CrosscheckLabel *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (self), FALSE);

  return self->symmetric;
}

void
crosscheck_label_set_symmetric (CrosscheckLabel *self,
                                gboolean         symmetric)
{
  g_return_if_fail (CROSSCHECK_IS_LABEL (self));

  symmetric = !!symmetric;
  if (self->symmetric != symmetric)
    {
      self->symmetric = symmetric;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMMETRIC]);
    }
}

/**
 * crosscheck_label_get_attributes:
 * @self: a #CrosscheckLabel
 *
 * Returns: (transfer none) (element-type CrosscheckAttributeSpec): the
 *   attributes that spans or links with this label may carry
 */
GPtrArray *
crosscheck_label_get_attributes (CrosscheckLabel *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (self), NULL);

  return self->attributes;
}

void
crosscheck_label_add_attribute (CrosscheckLabel    *self,
                                const char         *name,
                                const char * const *values)
{
  g_return_if_fail (CROSSCHECK_IS_LABEL (self));
  g_return_if_fail (name != NULL);

  g_ptr_array_add (self->attributes, crosscheck_attribute_spec_new (name, values));
}

/**
 * crosscheck_label_lookup_attribute:
 * @self: a #CrosscheckLabel
 * @name: an attribute name
 *
 * Returns: (transfer none) (nullable): the definition of @name, if any
 */
const CrosscheckAttributeSpec *
crosscheck_label_lookup_attribute (CrosscheckLabel *self,
                                   const char      *name)
{
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (self), NULL);

  for (guint i = 0; i < self->attributes->len; i++)
    {
      const CrosscheckAttributeSpec *spec = g_ptr_array_index (self->attributes, i);

      if (g_strcmp0 (spec->name, name) == 0)
        return spec;
    }

  return NULL;
}

/**
 * crosscheck_label_copy:
 * @self: a #CrosscheckLabel
 *
 * Returns: (transfer full): a detached copy with the same values
 */
CrosscheckLabel *
crosscheck_label_copy (CrosscheckLabel *self)
{
  CrosscheckLabel *copy;

  g_return_val_if_fail (CROSSCHECK_IS_LABEL (self), NULL);

  copy = crosscheck_label_new (self->name, self->kind, self->color, self->shortcut);
  copy->symmetric = self->symmetric;
  for (guint i = 0; i < self->attributes->len; i++)
    g_ptr_array_add (copy->attributes,
                     crosscheck_attribute_spec_copy (g_ptr_array_index (self->attributes, i)));

  return copy;
}

/**
 * crosscheck_label_assign:
 * @self: a #CrosscheckLabel
 * @from: another label
 *
 * Gives @self the values of @from, notifying each property that changes.
 */
void
crosscheck_label_assign (CrosscheckLabel *self,
                         CrosscheckLabel *from)
{
  g_return_if_fail (CROSSCHECK_IS_LABEL (self));
  g_return_if_fail (CROSSCHECK_IS_LABEL (from));

  g_object_freeze_notify (G_OBJECT (self));
  crosscheck_label_set_name (self, from->name);
  crosscheck_label_set_kind (self, from->kind);
  crosscheck_label_set_color (self, from->color);
  crosscheck_label_set_shortcut (self, from->shortcut);
  crosscheck_label_set_symmetric (self, from->symmetric);
  g_ptr_array_set_size (self->attributes, 0);
  for (guint i = 0; i < from->attributes->len; i++)
    g_ptr_array_add (self->attributes,
                     crosscheck_attribute_spec_copy (g_ptr_array_index (from->attributes, i)));
  g_object_thaw_notify (G_OBJECT (self));
}
