/* crosscheck-annotation.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-annotation-private.h"
#include "crosscheck-label.h"
#include "crosscheck-utils.h"

/* A project holds 100,000 of these, so they are kept small (see
 * docs/benchmarks.md): short ids and the two timestamps, whose form is
 * fixed, live inside the object; the annotator, the same for thousands of
 * annotations, is an interned reference-counted string; an empty note is
 * NULL. None of them is a separate allocation in the common case. */
#define ID_INLINE  16   /* ids shorter than this are kept in place */
#define TIME_SIZE  21   /* YYYY-MM-DDTHH:MM:SSZ and its NUL */

typedef struct
{
  /* owned */
  char            *id;          /* id_inline, or a copy of a long id */
  CrosscheckLabel *label;
  char            *annotator;   /* a GRefString, or NULL for "" */
  char            *note;        /* NULL for "" */
  char            *review;      /* why an editor should look at it, or NULL */
  GHashTable      *attributes;  /* NULL until one is set: most never have any */
  char             created[TIME_SIZE];   /* "" when unknown */
  char             modified[TIME_SIZE];
  char             id_inline[ID_INLINE];
} CrosscheckAnnotationPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CrosscheckAnnotation, crosscheck_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_ANNOTATOR,
  PROP_MODIFIED,
  PROP_NOTE,
  PROP_REVIEW,
  N_PROPS
};

enum {
  ATTRIBUTES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
crosscheck_annotation_finalize (GObject *object)
{
  CrosscheckAnnotation *self = (CrosscheckAnnotation *)object;
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  if (priv->id != priv->id_inline)
    g_free (priv->id);
  g_clear_object (&priv->label);
  g_clear_pointer (&priv->annotator, g_ref_string_release);
  g_clear_pointer (&priv->note, g_free);
  g_clear_pointer (&priv->review, g_free);
  g_clear_pointer (&priv->attributes, g_hash_table_unref);

  G_OBJECT_CLASS (crosscheck_annotation_parent_class)->finalize (object);
}

static void
crosscheck_annotation_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CrosscheckAnnotation *self = CROSSCHECK_ANNOTATION (object);
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_LABEL:
      g_value_set_object (value, priv->label);
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, crosscheck_annotation_get_annotator (self));
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, crosscheck_annotation_get_modified (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, crosscheck_annotation_get_note (self));
      break;

    case PROP_REVIEW:
      g_value_set_string (value, priv->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_annotation_class_init (CrosscheckAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crosscheck_annotation_finalize;
  object_class->get_property = crosscheck_annotation_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_object ("label", NULL, NULL, CROSSCHECK_TYPE_LABEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVIEW] =
    g_param_spec_string ("review", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrosscheckAnnotation::attributes-changed:
   *
   * Emitted when an attribute is set, changed or removed.
   */
  signals[ATTRIBUTES_CHANGED] =
    g_signal_new ("attributes-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
crosscheck_annotation_init (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  priv->id = priv->id_inline;
}

const char *
crosscheck_annotation_get_id (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  return priv->id;
}

/**
 * crosscheck_annotation_get_label:
 * @self: a #CrosscheckAnnotation
 *
 * Returns: (transfer none): the span's label, or the link's type
 */
CrosscheckLabel *
crosscheck_annotation_get_label (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  return priv->label;
}

const char *
crosscheck_annotation_get_annotator (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  return priv->annotator != NULL ? priv->annotator : "";
}

/**
 * crosscheck_annotation_get_created:
 * @self: a #CrosscheckAnnotation
 *
 * Returns: (nullable): when it was made, `YYYY-MM-DDTHH:MM:SSZ`, if known
 */
const char *
crosscheck_annotation_get_created (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  return priv->created[0] != '\0' ? priv->created : NULL;
}

/**
 * crosscheck_annotation_get_modified:
 * @self: a #CrosscheckAnnotation
 *
 * Returns: (nullable): when it last changed, `YYYY-MM-DDTHH:MM:SSZ`, if known
 */
const char *
crosscheck_annotation_get_modified (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  return priv->modified[0] != '\0' ? priv->modified : NULL;
}

const char *
crosscheck_annotation_get_note (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  return priv->note != NULL ? priv->note : "";
}

/**
 * crosscheck_annotation_get_review:
 * @self: a #CrosscheckAnnotation
 *
 * Spans that could not be re-anchored with certainty after their article's
 * text changed are kept and flagged for the editor (see
 * crosscheck_project_reanchor_from_bytes()).
 *
 * Returns: (nullable): why the editor should check this annotation, or
 *   %NULL when nothing is to be checked
 */
const char *
crosscheck_annotation_get_review (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  return priv->review;
}

/**
 * crosscheck_annotation_get_attribute:
 * @self: a #CrosscheckAnnotation
 * @name: an attribute name
 *
 * Returns: (nullable): the attribute's value, or %NULL if it is not set
 */
const char *
crosscheck_annotation_get_attribute (CrosscheckAnnotation *self,
                                     const char           *name)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  return priv->attributes != NULL ? g_hash_table_lookup (priv->attributes, name) : NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * crosscheck_annotation_dup_attribute_names:
 * @self: a #CrosscheckAnnotation
 *
 * Returns: (transfer full): the names of the attributes that are set, sorted
 */
char **
crosscheck_annotation_dup_attribute_names (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);
  g_autofree const char **keys = NULL;
  guint n;
  char **names;

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), NULL);

  if (priv->attributes != NULL)
    keys = (const char **) g_hash_table_get_keys_as_array (priv->attributes, &n);
  else
    n = 0;
  if (n > 1)
    qsort (keys, n, sizeof (char *), compare_strings);
  names = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (keys[i]);
  names[n] = NULL;

  return names;
}

guint
crosscheck_annotation_get_n_attributes (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (self), 0);

  return priv->attributes != NULL ? g_hash_table_size (priv->attributes) : 0;
}

void
_crosscheck_annotation_set_id (CrosscheckAnnotation *self,
                               const char           *id)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  gsize length = strlen (id);

  if (strcmp (priv->id, id) == 0)
    return;

  if (priv->id != priv->id_inline)
    g_free (priv->id);
  if (length < ID_INLINE)
    {
      memcpy (priv->id_inline, id, length + 1);
      priv->id = priv->id_inline;
    }
  else
    priv->id = g_strndup (id, length);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_crosscheck_annotation_set_label (CrosscheckAnnotation *self,
                                  CrosscheckLabel      *label)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  if (g_set_object (&priv->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
_crosscheck_annotation_set_annotator (CrosscheckAnnotation *self,
                                      const char           *annotator)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  if (annotator != NULL && *annotator == '\0')
    annotator = NULL;
  if (g_strcmp0 (priv->annotator, annotator) == 0)
    return;

  g_clear_pointer (&priv->annotator, g_ref_string_release);
  if (annotator != NULL)
    priv->annotator = g_ref_string_new_intern (annotator);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

/* Keeps @time (NULL or YYYY-MM-DDTHH:MM:SSZ) in @slot; TRUE if it changed. */
static gboolean
set_time (char       *slot,
          const char *time)
{
  if (time == NULL)
    time = "";
  else if (strlen (time) != TIME_SIZE - 1)
    {
      g_critical ("“%s” is not a time of the form YYYY-MM-DDTHH:MM:SSZ", time);
      return FALSE;
    }

  if (strcmp (slot, time) == 0)
    return FALSE;

  memcpy (slot, time, strlen (time) + 1);
  return TRUE;
}

void
_crosscheck_annotation_set_times (CrosscheckAnnotation *self,
                                  const char           *created,
                                  const char           *modified)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  set_time (priv->created, created);
  if (set_time (priv->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_crosscheck_annotation_set_note (CrosscheckAnnotation *self,
                                 const char           *note)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  if (note != NULL && *note == '\0')
    note = NULL;
  if (crosscheck_set_str (&priv->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
_crosscheck_annotation_set_review (CrosscheckAnnotation *self,
                                   const char           *review)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  if (crosscheck_set_str (&priv->review, review != NULL && *review != '\0' ? review : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

/* Sets @name to @value, or removes it when @value is %NULL. */
void
_crosscheck_annotation_set_attribute (CrosscheckAnnotation *self,
                                      const char           *name,
                                      const char           *value)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);
  gboolean changed;

  if (value == NULL)
    changed = priv->attributes != NULL && g_hash_table_remove (priv->attributes, name);
  else if (g_strcmp0 (crosscheck_annotation_get_attribute (self, name), value) != 0)
    {
      if (priv->attributes == NULL)
        priv->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (priv->attributes, g_strdup (name), g_strdup (value));
      changed = TRUE;
    }
  else
    changed = FALSE;

  if (changed)
    g_signal_emit (self, signals[ATTRIBUTES_CHANGED], 0);
}

/* @attributes may be NULL, for none. */
static GHashTable *
copy_attributes (GHashTable *attributes)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (attributes == NULL)
    return copy;

  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));

  return copy;
}

static gboolean
attributes_equal (GHashTable *a,
                  GHashTable *b)
{
  guint n = a != NULL ? g_hash_table_size (a) : 0;
  GHashTableIter iter;
  gpointer key, value;

  if (n != (b != NULL ? g_hash_table_size (b) : 0))
    return FALSE;
  if (n == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
        return FALSE;
    }

  return TRUE;
}

CrosscheckAnnotationState *
_crosscheck_annotation_save_state (CrosscheckAnnotation *self)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);
  CrosscheckAnnotationState *state = g_new0 (CrosscheckAnnotationState, 1);

  state->label = g_object_ref (priv->label);
  /* An empty note is kept as none (NULL); a state holds it as "", the
   * way callers pass it, so that setting "" again compares equal. */
  state->note = g_strdup (priv->note != NULL ? priv->note : "");
  state->review = g_strdup (priv->review);
  state->modified = g_strdup (crosscheck_annotation_get_modified (self));
  state->attributes = copy_attributes (priv->attributes);

  return state;
}

void
_crosscheck_annotation_restore_state (CrosscheckAnnotation      *self,
                                      CrosscheckAnnotationState *state)
{
  CrosscheckAnnotationPrivate *priv = crosscheck_annotation_get_instance_private (self);

  g_object_freeze_notify (G_OBJECT (self));
  _crosscheck_annotation_set_label (self, state->label);
  _crosscheck_annotation_set_note (self, state->note);
  _crosscheck_annotation_set_review (self, state->review);
  _crosscheck_annotation_set_times (self, crosscheck_annotation_get_created (self), state->modified);
  if (!attributes_equal (priv->attributes, state->attributes))
    {
      g_clear_pointer (&priv->attributes, g_hash_table_unref);
      if (g_hash_table_size (state->attributes) > 0)
        priv->attributes = copy_attributes (state->attributes);
      g_signal_emit (self, signals[ATTRIBUTES_CHANGED], 0);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_crosscheck_annotation_state_free (CrosscheckAnnotationState *state)
{
  if (state == NULL)
    return;

  g_clear_object (&state->label);
  g_free (state->note);
  g_free (state->review);
  g_free (state->modified);
  g_hash_table_unref (state->attributes);
  g_free (state);
}
