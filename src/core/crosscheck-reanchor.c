/* crosscheck-reanchor.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crosscheck-reanchor.h"

/* Putting spans back on their text after the text changed.
 *
 * A span stores the text it covers, so when its article's text was edited
 * (a typo fixed, a paragraph added) the span can be found again by that
 * quoted text: if it occurs once, the span moves there. If it occurs
 * several times, the text around the span (when it is known) picks the
 * place whose surroundings match best; if that does not decide, or the
 * quote is gone, nothing is guessed: the span is kept, flagged for the
 * editor, and listed in the report with the reason. No span is ever
 * dropped. */

struct _CrosscheckReanchor
{
  GObject    parent_instance;

  /* owned */
  GPtrArray *documents;  /* char *: ids of documents whose text changed, NULL-terminated */
  GArray    *items;      /* CrosscheckReanchorItem */
};

G_DEFINE_FINAL_TYPE (CrosscheckReanchor, crosscheck_reanchor, G_TYPE_OBJECT)

static void
clear_item (CrosscheckReanchorItem *item)
{
  g_free (item->span);
  g_free (item->document);
  g_free (item->quote);
}

static void
crosscheck_reanchor_finalize (GObject *object)
{
  CrosscheckReanchor *self = (CrosscheckReanchor *)object;

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (crosscheck_reanchor_parent_class)->finalize (object);
}

static void
crosscheck_reanchor_class_init (CrosscheckReanchorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crosscheck_reanchor_finalize;
}

static void
crosscheck_reanchor_init (CrosscheckReanchor *self)
{
  self->documents = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->documents, NULL);
  self->items = g_array_new (FALSE, TRUE, sizeof (CrosscheckReanchorItem));
  g_array_set_clear_func (self->items, (GDestroyNotify) clear_item);
}

/* How many bytes before @at match the end of @prefix. */
static gsize
match_before (const char *text,
              const char *at,
              const char *prefix)
{
  gsize n = 0;
  gsize len = prefix ? strlen (prefix) : 0;

  while (n < len && at - n > text && at[-(gssize) n - 1] == prefix[len - n - 1])
    n++;

  return n;
}

/* How many bytes from @at match the start of @suffix. */
static gsize
match_after (const char *at,
             const char *suffix)
{
  gsize n = 0;

  while (suffix != NULL && suffix[n] != '\0' && at[n] == suffix[n])
    n++;

  return n;
}

/**
 * crosscheck_anchor_locate:
 * @text: the article's text now
 * @quote: the text the span covered
 * @prefix: (nullable): the text just before the span, when it is known
 * @suffix: (nullable): the text just after the span, when it is known
 * @old_start: where the span started, in code points
 * @start: (out): where the span goes, in code points
 * @end: (out): where it ends
 * @found: (out) (optional): how many times @quote is in @text
 *
 * Finds @quote in @text. Where it occurs several times, the place whose
 * surroundings match @prefix and @suffix over the most characters wins,
 * if only one place has that many. For %CROSSCHECK_ANCHOR_AMBIGUOUS,
 * @start and @end give the place nearest @old_start; for
 * %CROSSCHECK_ANCHOR_MISSING, the old place, shortened to fit the text.
 *
 * Returns: what became of the span
 */
CrosscheckAnchor
crosscheck_anchor_locate (const char *text,
                          const char *quote,
                          const char *prefix,
                          const char *suffix,
                          guint       old_start,
                          guint      *start,
                          guint      *end,
                          guint      *found)
{
  gsize quote_bytes;
  guint quote_chars;
  guint length;
  guint n = 0;
  guint offset = 0;
  const char *walked = text;
  guint best_offset = 0;
  gsize best_score = 0;
  guint n_best = 0;
  guint nearest = 0;
  guint nearest_distance = G_MAXUINT;

  g_return_val_if_fail (text != NULL && quote != NULL, CROSSCHECK_ANCHOR_MISSING);
  g_return_val_if_fail (start != NULL && end != NULL, CROSSCHECK_ANCHOR_MISSING);

  quote_bytes = strlen (quote);
  quote_chars = g_utf8_strlen (quote, -1);

  for (const char *hit = quote_bytes > 0 ? strstr (text, quote) : NULL;
       hit != NULL;
       hit = strstr (g_utf8_next_char (hit), quote))
    {
      gsize score = match_before (text, hit, prefix) + match_after (hit + quote_bytes, suffix);
      guint distance;

      /* Offsets in code points, counted on from the previous hit. */
      offset += g_utf8_pointer_to_offset (walked, hit);
      walked = hit;
      n++;

      if (offset == old_start)
        {
          /* Still where it was: nothing moved before it. */
          *start = offset;
          *end = offset + quote_chars;
          if (found != NULL)
            {
              *found = n;
              for (const char *h = strstr (g_utf8_next_char (hit), quote); h != NULL;
                   h = strstr (g_utf8_next_char (h), quote))
                (*found)++;
            }
          return CROSSCHECK_ANCHOR_KEPT;
        }

      if (n == 1 || score > best_score)
        {
          n_best = 1;
          best_score = score;
          best_offset = offset;
        }
      else if (score == best_score)
        n_best++;

      distance = offset > old_start ? offset - old_start : old_start - offset;
      if (distance < nearest_distance)
        {
          nearest_distance = distance;
          nearest = offset;
        }
    }

  if (found != NULL)
    *found = n;

  if (n == 1 || (n > 1 && n_best == 1 && best_score > 0))
    {
      *start = best_offset;
      *end = best_offset + quote_chars;
      return CROSSCHECK_ANCHOR_MOVED;
    }

  if (n > 1)
    {
      *start = nearest;
      *end = nearest + quote_chars;
      return CROSSCHECK_ANCHOR_AMBIGUOUS;
    }

  /* Gone: keep the span where it was, inside the text and not empty. */
  length = g_utf8_strlen (text, -1);
  g_assert (length > 0);
  *start = MIN (old_start, length - 1);
  *end = CLAMP (old_start + MAX (quote_chars, 1), *start + 1, length);
  return CROSSCHECK_ANCHOR_MISSING;
}

/**
 * crosscheck_reanchor_new:
 *
 * Returns: (transfer full): an empty report
 */
CrosscheckReanchor *
crosscheck_reanchor_new (void)
{
  return g_object_new (CROSSCHECK_TYPE_REANCHOR, NULL);
}

/**
 * crosscheck_reanchor_add_document:
 * @self: a #CrosscheckReanchor
 * @document: the id of a document whose text changed
 */
void
crosscheck_reanchor_add_document (CrosscheckReanchor *self,
                                  const char         *document)
{
  g_return_if_fail (CROSSCHECK_IS_REANCHOR (self));

  if (g_strv_contains ((const char * const *) self->documents->pdata, document))
    return;

  g_ptr_array_insert (self->documents, self->documents->len - 1, g_strdup (document));
}

/**
 * crosscheck_reanchor_get_documents:
 * @self: a #CrosscheckReanchor
 *
 * Returns: (transfer none): the ids of the documents whose text changed
 */
const char * const *
crosscheck_reanchor_get_documents (CrosscheckReanchor *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_REANCHOR (self), NULL);

  return (const char * const *) self->documents->pdata;
}

/**
 * crosscheck_reanchor_add_item:
 * @self: a #CrosscheckReanchor
 * @item: a span that no longer matched; copied
 */
void
crosscheck_reanchor_add_item (CrosscheckReanchor           *self,
                              const CrosscheckReanchorItem *item)
{
  CrosscheckReanchorItem copy = *item;

  g_return_if_fail (CROSSCHECK_IS_REANCHOR (self));

  copy.span = g_strdup (item->span);
  copy.document = g_strdup (item->document);
  copy.quote = g_strdup (item->quote);
  g_array_append_val (self->items, copy);
  crosscheck_reanchor_add_document (self, item->document);
}

guint
crosscheck_reanchor_get_n_items (CrosscheckReanchor *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_REANCHOR (self), 0);

  return self->items->len;
}

/**
 * crosscheck_reanchor_get_item:
 * @self: a #CrosscheckReanchor
 * @i: an index below crosscheck_reanchor_get_n_items()
 *
 * Returns: (transfer none): the item, in file order
 */
const CrosscheckReanchorItem *
crosscheck_reanchor_get_item (CrosscheckReanchor *self,
                              guint               i)
{
  g_return_val_if_fail (CROSSCHECK_IS_REANCHOR (self), NULL);
  g_return_val_if_fail (i < self->items->len, NULL);

  return &g_array_index (self->items, CrosscheckReanchorItem, i);
}

/**
 * crosscheck_reanchor_count:
 * @self: a #CrosscheckReanchor
 * @outcome: an outcome
 *
 * Returns: how many spans had @outcome
 */
guint
crosscheck_reanchor_count (CrosscheckReanchor *self,
                           CrosscheckAnchor    outcome)
{
  guint n = 0;

  g_return_val_if_fail (CROSSCHECK_IS_REANCHOR (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    n += g_array_index (self->items, CrosscheckReanchorItem, i).outcome == outcome;

  return n;
}

/**
 * crosscheck_reanchor_item_describe:
 * @item: an item of a report
 *
 * Says what happened to the span and, for a flagged one, what the editor
 * should do. This is also the reason stored with a flagged span.
 *
 * Returns: (transfer full): a sentence
 */
char *
crosscheck_reanchor_item_describe (const CrosscheckReanchorItem *item)
{
  switch (item->outcome)
    {
    case CROSSCHECK_ANCHOR_KEPT:
      return g_strdup_printf (_("“%s” is still at %u–%u."), item->quote, item->start, item->end);

    case CROSSCHECK_ANCHOR_MOVED:
      return g_strdup_printf (_("“%s” moved from %u–%u to %u–%u."), item->quote,
                              item->old_start, item->old_end, item->start, item->end);

    case CROSSCHECK_ANCHOR_AMBIGUOUS:
      return g_strdup_printf (_("The text changed: “%s” is there %u times, so the span was put at the "
                                "one nearest its old place (%u–%u). Check that it is the right one."),
                              item->quote, item->found, item->start, item->end);

    case CROSSCHECK_ANCHOR_MISSING:
    default:
      return g_strdup_printf (_("The text changed: “%s” is no longer in it, so the span was left at "
                                "%u–%u. Move or delete it."),
                              item->quote, item->start, item->end);
    }
}

/**
 * crosscheck_reanchor_summarize:
 * @self: a #CrosscheckReanchor
 *
 * Returns: (transfer full): one sentence: how many spans moved and how many
 *   need the editor
 */
char *
crosscheck_reanchor_summarize (CrosscheckReanchor *self)
{
  guint moved, flagged;
  g_autofree char *docs = NULL;
  g_autofree char *moved_text = NULL;
  g_autofree char *flagged_text = NULL;
  guint n_docs;

  g_return_val_if_fail (CROSSCHECK_IS_REANCHOR (self), NULL);

  moved = crosscheck_reanchor_count (self, CROSSCHECK_ANCHOR_MOVED);
  flagged = crosscheck_reanchor_count (self, CROSSCHECK_ANCHOR_AMBIGUOUS) +
            crosscheck_reanchor_count (self, CROSSCHECK_ANCHOR_MISSING);
  n_docs = self->documents->len - 1;

  docs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The text of %u article changed",
                                       "The text of %u articles changed", n_docs), n_docs);
  moved_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span moved to its quoted text",
                                             "%u spans moved to their quoted text", moved), moved);
  flagged_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span needs review",
                                               "%u spans need review", flagged), flagged);

  /* TRANSLATORS: "The text of 2 articles changed: 3 spans moved to their
   * quoted text, 1 span needs review." */
  return g_strdup_printf (_("%s: %s, %s."), docs, moved_text, flagged_text);
}
