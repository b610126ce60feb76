/* fuzz-brat-import.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crosscheck-brat-import.h"
#include "crosscheck-project.h"
#include "fuzz.h"

/* A brat folder in one input: its files one after another, each ended by a
 * line "@@" (the last one needs none), in this order:
 *   a.txt, a.ann, b.txt, b.ann, annotation.conf, visual.conf,
 *   kb_shortcuts.conf, cross-document-links.tsv
 * The first byte chooses whether bad lines are left out. Whatever the
 * bytes, the import gives a valid project or a message, never a crash, a
 * critical, or a project its own loader would refuse. */

#define SEPARATOR "\n@@\n"
#define N_PARTS 8

typedef struct
{
  const char *data;
  gsize       length;
} Part;

static void
split (const char *data,
       gsize       size,
       Part       *parts)
{
  const char *end = data + size;

  for (guint i = 0; i < N_PARTS; i++)
    {
      const char *next = NULL;

      if (data < end && i + 1 < N_PARTS)
        next = g_strstr_len (data, end - data, SEPARATOR);
      parts[i].data = data;
      parts[i].length = (next ? next : end) - data;
      data = next ? next + strlen (SEPARATOR) : end;
    }
}

static void
check_error (const GError *error)
{
  fuzz_check (error != NULL);
  fuzz_check (error->domain == CROSSCHECK_BRAT_ERROR);
  /* An invalid project is the importer's own bug. */
  fuzz_check (error->code != CROSSCHECK_BRAT_ERROR_INVALID);
  fuzz_check (*error->message != '\0' && g_utf8_validate (error->message, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CrosscheckBratImport) import = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckBratImportFlags flags = CROSSCHECK_BRAT_IMPORT_NONE;
  Part parts[N_PARTS];
  GPtrArray *warnings;

  fuzz_make_warnings_fatal ();

  if (size > 0 && (data[0] & 1))
    flags = CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES;
  split ((const char *) data + (size > 0), size - (size > 0), parts);

  import = crosscheck_brat_import_new (flags);
  if (!crosscheck_brat_import_set_config (import, "annotation.conf", parts[4].data, parts[4].length, &error))
    {
      check_error (error);
      return 0;
    }
  crosscheck_brat_import_set_visual (import, "visual.conf", parts[5].data, parts[5].length);
  crosscheck_brat_import_set_shortcuts (import, "kb_shortcuts.conf", parts[6].data, parts[6].length);

  if (!crosscheck_brat_import_add_document (import, "a", parts[0].data, parts[0].length,
                                            parts[1].data, parts[1].length, &error) ||
      !crosscheck_brat_import_add_document (import, "b", parts[2].data, parts[2].length,
                                            parts[3].data, parts[3].length, &error) ||
      (parts[7].length > 0 &&
       !crosscheck_brat_import_add_cross_links (import, "cross-document-links.tsv",
                                                parts[7].data, parts[7].length, &error)))
    {
      check_error (error);
      return 0;
    }

  project = crosscheck_brat_import_finish (import, &error);
  if (project == NULL)
    {
      check_error (error);
      return 0;
    }

  /* crosscheck_brat_import_finish() hands out only what the project loader
   * accepts (else CROSSCHECK_BRAT_ERROR_INVALID, checked above). */
  fuzz_check (g_list_model_get_n_items (crosscheck_project_get_documents (project)) > 0);

  warnings = crosscheck_brat_import_get_warnings (import);
  for (guint i = 0; i < warnings->len; i++)
    fuzz_check (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));

  return 0;
}
