/* crosscheck-cluster.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-cluster.h"

/* Multi-News (Fabbri et al., 2019) keeps one cluster of articles per line:
 * the articles are separated by "|||||" and each line break inside an
 * article is written as the token NEWLINE_CHAR, with a space either side. */

#define NEWLINE_TOKEN "NEWLINE_CHAR"

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char *
article_text (const char *start,
              const char *end)
{
  GString *text = g_string_sized_new (end - start);
  const char *p = start;
  gsize token = strlen (NEWLINE_TOKEN);

  while (p < end)
    {
      if ((gsize) (end - p) >= token && memcmp (p, NEWLINE_TOKEN, token) == 0)
        {
          /* " NEWLINE_CHAR " is one line break. */
          if (text->len > 0 && text->str[text->len - 1] == ' ')
            g_string_truncate (text, text->len - 1);
          g_string_append_c (text, '\n');
          p += token;
          if (p < end && *p == ' ')
            p++;
          continue;
        }
      g_string_append_c (text, *p++);
    }

  /* Leading and trailing white space (line breaks too) is not the article's. */
  {
    gsize first = 0;
    gsize last = text->len;

    while (first < last && is_blank (text->str[first]))
      first++;
    while (last > first && is_blank (text->str[last - 1]))
      last--;
    g_string_truncate (text, last);
    g_string_erase (text, 0, first);
  }

  return g_string_free (text, FALSE);
}

/**
 * crosscheck_cluster_split:
 * @line: (array length=length): one line of a Multi-News style file, without
 *   its line break
 * @length: its length in bytes
 *
 * Splits a cluster into its articles: at every `|||||`, with NEWLINE_CHAR
 * tokens turned back into line breaks and the white space around each
 * article removed. Nothing else is changed; the bytes need not be UTF-8
 * (decoding is the document's business).
 *
 * Returns: (transfer full) (element-type utf8): the articles in order,
 *   empty strings for empty ones
 */
GPtrArray *
crosscheck_cluster_split (const char *line,
                          gsize       length)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_free);
  gsize separator = strlen (CROSSCHECK_CLUSTER_SEPARATOR);
  const char *end = line + length;
  const char *start = line;
  const char *p = line;

  g_return_val_if_fail (line != NULL || length == 0, articles);

  while ((gsize) (end - p) >= separator)
    {
      if (memcmp (p, CROSSCHECK_CLUSTER_SEPARATOR, separator) == 0)
        {
          g_ptr_array_add (articles, article_text (start, p));
          p += separator;
          start = p;
        }
      else
        p++;
    }
  g_ptr_array_add (articles, article_text (start, end));

  return articles;
}
