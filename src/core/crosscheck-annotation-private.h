/* crosscheck-annotation-private.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-annotation.h"

G_BEGIN_DECLS

/* The editable part of an annotation, kept by the undo history. */
typedef struct
{
  CrosscheckLabel *label;
  char            *note;
  char            *review;
  char            *modified;
  GHashTable      *attributes;
} CrosscheckAnnotationState;

void                       _crosscheck_annotation_set_id        (CrosscheckAnnotation       *self,
                                                                 const char                 *id);
void                       _crosscheck_annotation_set_label     (CrosscheckAnnotation       *self,
                                                                 CrosscheckLabel            *label);
void                       _crosscheck_annotation_set_annotator (CrosscheckAnnotation       *self,
                                                                 const char                 *annotator);
void                       _crosscheck_annotation_set_times     (CrosscheckAnnotation       *self,
                                                                 const char                 *created,
                                                                 const char                 *modified);
void                       _crosscheck_annotation_set_note      (CrosscheckAnnotation       *self,
                                                                 const char                 *note);
void                       _crosscheck_annotation_set_review    (CrosscheckAnnotation       *self,
                                                                 const char                 *review);
void                       _crosscheck_annotation_set_attribute (CrosscheckAnnotation       *self,
                                                                 const char                 *name,
                                                                 const char                 *value);
CrosscheckAnnotationState *_crosscheck_annotation_save_state    (CrosscheckAnnotation       *self);
void                       _crosscheck_annotation_restore_state (CrosscheckAnnotation       *self,
                                                                 CrosscheckAnnotationState  *state);
void                       _crosscheck_annotation_state_free    (CrosscheckAnnotationState  *state);

G_END_DECLS
