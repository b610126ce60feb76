/* crosscheck-reanchor.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_REANCHOR (crosscheck_reanchor_get_type())

/**
 * CrosscheckAnchor:
 * @CROSSCHECK_ANCHOR_KEPT: the quoted text is still at the span's offsets
 * @CROSSCHECK_ANCHOR_MOVED: found once (or once with its context), so moved there
 * @CROSSCHECK_ANCHOR_AMBIGUOUS: found several times and the context does not
 *   tell which; the span is put at the place nearest its old one and flagged
 * @CROSSCHECK_ANCHOR_MISSING: not in the text any more; the span is kept
 *   near its old place and flagged
 *
 * What became of a span whose article's text changed.
 */
typedef enum
{
  CROSSCHECK_ANCHOR_KEPT,
  CROSSCHECK_ANCHOR_MOVED,
  CROSSCHECK_ANCHOR_AMBIGUOUS,
  CROSSCHECK_ANCHOR_MISSING,
} CrosscheckAnchor;

/**
 * CrosscheckReanchorItem:
 * @span: the span's id
 * @document: its document's id
 * @outcome: what became of it
 * @old_start: where it was, in code points
 * @old_end: where it ended
 * @start: where it is now
 * @end: where it ends now
 * @quote: the text it quoted
 * @found: how many times @quote is in the new text
 *
 * One span that no longer matched its article's text.
 */
typedef struct
{
  char             *span;
  char             *document;
  CrosscheckAnchor  outcome;
  guint             old_start;
  guint             old_end;
  guint             start;
  guint             end;
  char             *quote;
  guint             found;
} CrosscheckReanchorItem;

G_DECLARE_FINAL_TYPE (CrosscheckReanchor, crosscheck_reanchor, CROSSCHECK, REANCHOR, GObject)

CrosscheckAnchor              crosscheck_anchor_locate              (const char          *text,
                                                                     const char          *quote,
                                                                     const char          *prefix,
                                                                     const char          *suffix,
                                                                     guint                old_start,
                                                                     guint               *start,
                                                                     guint               *end,
                                                                     guint               *found);

CrosscheckReanchor           *crosscheck_reanchor_new               (void);
void                          crosscheck_reanchor_add_document      (CrosscheckReanchor  *self,
                                                                     const char          *document);
const char * const           *crosscheck_reanchor_get_documents     (CrosscheckReanchor  *self);
void                          crosscheck_reanchor_add_item          (CrosscheckReanchor  *self,
                                                                     const CrosscheckReanchorItem *item);
guint                         crosscheck_reanchor_get_n_items       (CrosscheckReanchor  *self);
const CrosscheckReanchorItem *crosscheck_reanchor_get_item          (CrosscheckReanchor  *self,
                                                                     guint                i);
guint                         crosscheck_reanchor_count             (CrosscheckReanchor  *self,
                                                                     CrosscheckAnchor     outcome);
char                         *crosscheck_reanchor_item_describe     (const CrosscheckReanchorItem *item);
char                         *crosscheck_reanchor_summarize         (CrosscheckReanchor  *self);

G_END_DECLS
