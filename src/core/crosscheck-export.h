/* crosscheck-export.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_EXPORT_ERROR (crosscheck_export_error_quark ())

typedef enum
{
  CROSSCHECK_EXPORT_ERROR_EXISTS,
  CROSSCHECK_EXPORT_ERROR_WRITE,
  CROSSCHECK_EXPORT_ERROR_EMPTY,
} CrosscheckExportError;

typedef enum
{
  CROSSCHECK_EXPORT_JSONL,
  CROSSCHECK_EXPORT_NLI,
  CROSSCHECK_EXPORT_CONLL,
  CROSSCHECK_EXPORT_HF,
  CROSSCHECK_EXPORT_SPACY,
  CROSSCHECK_EXPORT_BRAT,
  CROSSCHECK_EXPORT_WEBANNO,
  CROSSCHECK_EXPORT_N_FORMATS
} CrosscheckExportFormat;

/* The seed of the neutral-pair sampler when none is given (docs/format.md). */
#define CROSSCHECK_EXPORT_DEFAULT_SEED 20230313

typedef struct
{
  /* jsonl: add start_utf16 / end_utf16 next to the code-point offsets. */
  gboolean utf16_offsets;
  /* nli: at most this many neutral pairs of unlinked claims. */
  guint    neutral;
  guint64  seed;
  /* Replace files of an earlier export instead of refusing. */
  gboolean overwrite;
} CrosscheckExportOptions;

/* Called from the thread that exports, with the share of documents done. */
typedef void (*CrosscheckExportProgress) (double   fraction,
                                          gpointer user_data);

GQuark       crosscheck_export_error_quark        (void);

void         crosscheck_export_options_init       (CrosscheckExportOptions  *options);

const char  *crosscheck_export_format_to_string   (CrosscheckExportFormat    format);
gboolean     crosscheck_export_format_from_string (const char               *name,
                                                   CrosscheckExportFormat   *format);
const char  *crosscheck_export_format_get_title   (CrosscheckExportFormat    format);
const char  *crosscheck_export_format_get_summary (CrosscheckExportFormat    format);

char        *crosscheck_export_make_prefix        (const char               *path);

gboolean     crosscheck_export_projects           (CrosscheckProject       **projects,
                                                   const char * const       *prefixes,
                                                   guint                     n_projects,
                                                   CrosscheckExportFormat    format,
                                                   const CrosscheckExportOptions *options,
                                                   GFile                    *directory,
                                                   CrosscheckExportProgress  progress,
                                                   gpointer                  user_data,
                                                   GCancellable             *cancellable,
                                                   GPtrArray               **warnings,
                                                   GError                  **error);

G_END_DECLS
