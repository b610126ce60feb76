/* crosscheck-annotation.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_ANNOTATION (crosscheck_annotation_get_type())

G_DECLARE_DERIVABLE_TYPE (CrosscheckAnnotation, crosscheck_annotation, CROSSCHECK, ANNOTATION, GObject)

/* What spans and links have in common: an id, a label (the link type for
 * links), who made it and when, a note and attributes. */
struct _CrosscheckAnnotationClass
{
  GObjectClass parent_class;
};

const char      *crosscheck_annotation_get_id          (CrosscheckAnnotation *self);
CrosscheckLabel *crosscheck_annotation_get_label       (CrosscheckAnnotation *self);
const char      *crosscheck_annotation_get_annotator   (CrosscheckAnnotation *self);
const char      *crosscheck_annotation_get_created     (CrosscheckAnnotation *self);
const char      *crosscheck_annotation_get_modified    (CrosscheckAnnotation *self);
const char      *crosscheck_annotation_get_note        (CrosscheckAnnotation *self);
const char      *crosscheck_annotation_get_review      (CrosscheckAnnotation *self);
const char      *crosscheck_annotation_get_attribute   (CrosscheckAnnotation *self,
                                                        const char           *name);
char           **crosscheck_annotation_dup_attribute_names (CrosscheckAnnotation *self);
guint            crosscheck_annotation_get_n_attributes (CrosscheckAnnotation *self);

G_END_DECLS
