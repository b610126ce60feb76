/* crosscheck-types.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CrosscheckAnnotation CrosscheckAnnotation;
typedef struct _CrosscheckDocument CrosscheckDocument;
typedef struct _CrosscheckHistory  CrosscheckHistory;
typedef struct _CrosscheckLabel    CrosscheckLabel;
typedef struct _CrosscheckLink     CrosscheckLink;
typedef struct _CrosscheckProblem  CrosscheckProblem;
typedef struct _CrosscheckProject  CrosscheckProject;
typedef struct _CrosscheckReanchor CrosscheckReanchor;
typedef struct _CrosscheckSpan     CrosscheckSpan;
typedef struct _CrosscheckSpanList CrosscheckSpanList;

/**
 * CrosscheckLabelKind:
 * @CROSSCHECK_LABEL_ENTITY: a label for entity spans (people, places, …)
 * @CROSSCHECK_LABEL_CLAIM: a label for claim spans
 * @CROSSCHECK_LABEL_RELATION: a link type between two spans
 *
 * What a label applies to. Link types are labels of kind
 * %CROSSCHECK_LABEL_RELATION so that both share colours, keys and attribute
 * definitions.
 */
typedef enum
{
  CROSSCHECK_LABEL_ENTITY,
  CROSSCHECK_LABEL_CLAIM,
  CROSSCHECK_LABEL_RELATION,
} CrosscheckLabelKind;

/**
 * CrosscheckChange:
 * @CROSSCHECK_CHANGE_ADDED: the object was added to the project
 * @CROSSCHECK_CHANGE_REMOVED: the object was removed from the project
 * @CROSSCHECK_CHANGE_MODIFIED: a field of the object changed
 *
 * What happened to a span or link, as reported by the project's signals.
 */
typedef enum
{
  CROSSCHECK_CHANGE_ADDED,
  CROSSCHECK_CHANGE_REMOVED,
  CROSSCHECK_CHANGE_MODIFIED,
} CrosscheckChange;

G_END_DECLS
