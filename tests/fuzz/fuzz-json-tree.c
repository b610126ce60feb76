/* fuzz-json-tree.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-json-tree.h"
#include "fuzz.h"

/* The loader's fast JSON parser, against json-glib: whatever the fast parser
 * reads, whole or with its arrays streamed, json-glib reads too, and both
 * make the same tree of it. What the fast parser refuses goes to json-glib
 * in the loader, so refusing is always allowed; reading differently is not. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(CrosscheckJsonTree) slow = NULL;

  fuzz_make_warnings_fatal ();

  /* The loader hands over valid UTF-8 without NUL bytes only. */
  if (size == 0 || memchr (data, '\0', size) != NULL || !g_utf8_validate_len (text, size, NULL))
    return 0;

  for (guint stream = 0; stream < 2; stream++)
    {
      g_autoptr(CrosscheckJsonTree) fast = crosscheck_json_tree_parse (text, size, stream);

      if (fast == NULL)
        continue;
      if (slow == NULL)
        slow = crosscheck_json_tree_parse_with_json_glib (text, size, NULL);
      if (slow == NULL)
        g_error ("json-glib refused what the fast parser read (streamed: %u)", stream);
      fuzz_check (crosscheck_json_tree_equal (fast, slow));
      fuzz_check (crosscheck_json_tree_equal (slow, fast));
    }

  return 0;
}
