/* crosscheck-label.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_LABEL          (crosscheck_label_get_type())
#define CROSSCHECK_TYPE_ATTRIBUTE_SPEC (crosscheck_attribute_spec_get_type())

/**
 * CrosscheckAttributeSpec:
 * @name: the attribute's name, e.g. `certainty`
 * @values: (array zero-terminated=1): the allowed values; empty for free text
 *
 * An attribute that spans with a label, or links of a type, may carry.
 */
typedef struct
{
  char  *name;
  char **values;
} CrosscheckAttributeSpec;

GType                    crosscheck_attribute_spec_get_type (void) G_GNUC_CONST;
CrosscheckAttributeSpec *crosscheck_attribute_spec_new      (const char                    *name,
                                                             const char * const            *values);
CrosscheckAttributeSpec *crosscheck_attribute_spec_copy     (const CrosscheckAttributeSpec *spec);
void                     crosscheck_attribute_spec_free     (CrosscheckAttributeSpec       *spec);
gboolean                 crosscheck_attribute_spec_allows   (const CrosscheckAttributeSpec *spec,
                                                             const char                    *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrosscheckAttributeSpec, crosscheck_attribute_spec_free)

G_DECLARE_FINAL_TYPE (CrosscheckLabel, crosscheck_label, CROSSCHECK, LABEL, GObject)

CrosscheckLabel     *crosscheck_label_new                (const char           *name,
                                                          CrosscheckLabelKind   kind,
                                                          const char           *color,
                                                          gunichar              shortcut);
const char          *crosscheck_label_get_name           (CrosscheckLabel      *self);
void                 crosscheck_label_set_name           (CrosscheckLabel      *self,
                                                          const char           *name);
CrosscheckLabelKind  crosscheck_label_get_kind           (CrosscheckLabel      *self);
void                 crosscheck_label_set_kind           (CrosscheckLabel      *self,
                                                          CrosscheckLabelKind   kind);
const char          *crosscheck_label_get_color          (CrosscheckLabel      *self);
void                 crosscheck_label_set_color          (CrosscheckLabel      *self,
                                                          const char           *color);
gunichar             crosscheck_label_get_shortcut       (CrosscheckLabel      *self);
void                 crosscheck_label_set_shortcut       (CrosscheckLabel      *self,
                                                          gunichar              shortcut);
gboolean             crosscheck_label_get_symmetric      (CrosscheckLabel      *self);
void                 crosscheck_label_set_symmetric      (CrosscheckLabel      *self,
                                                          gboolean              symmetric);
GPtrArray           *crosscheck_label_get_attributes     (CrosscheckLabel      *self);
void                 crosscheck_label_add_attribute      (CrosscheckLabel      *self,
                                                          const char           *name,
                                                          const char * const   *values);
const CrosscheckAttributeSpec *
                     crosscheck_label_lookup_attribute   (CrosscheckLabel      *self,
                                                          const char           *name);
CrosscheckLabel     *crosscheck_label_copy               (CrosscheckLabel      *self);
void                 crosscheck_label_assign             (CrosscheckLabel      *self,
                                                          CrosscheckLabel      *from);
const char          *crosscheck_label_kind_to_string     (CrosscheckLabelKind   kind);
gboolean             crosscheck_label_kind_from_string   (const char           *string,
                                                          CrosscheckLabelKind  *kind);

G_END_DECLS
