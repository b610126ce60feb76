/* crosscheck-brat-import.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_BRAT_IMPORT (crosscheck_brat_import_get_type())
#define CROSSCHECK_BRAT_ERROR       (crosscheck_brat_error_quark ())

/**
 * CROSSCHECK_BRAT_MAX_ANN_BYTES:
 *
 * The largest `.ann` file the importer reads, in bytes (64 MiB, the limit
 * for an article).
 */
#define CROSSCHECK_BRAT_MAX_ANN_BYTES (64 * 1024 * 1024)

/**
 * CROSSCHECK_BRAT_MAX_CONF_BYTES:
 *
 * The largest `annotation.conf` the importer reads (1 MiB).
 */
#define CROSSCHECK_BRAT_MAX_CONF_BYTES (1024 * 1024)

/**
 * CROSSCHECK_BRAT_CROSS_LINKS_FILE:
 *
 * The file in which Crosscheck's brat export puts the links between
 * documents, which brat cannot hold, and from which the import reads them.
 */
#define CROSSCHECK_BRAT_CROSS_LINKS_FILE "cross-document-links.tsv"

/**
 * CROSSCHECK_BRAT_DIRECTIVE:
 *
 * How the comment lines start in which annotation.conf holds what brat has
 * no words for (claim labels, free-text attributes); see docs/format.md.
 */
#define CROSSCHECK_BRAT_DIRECTIVE "# crosscheck:"

/**
 * CrosscheckBratError:
 * @CROSSCHECK_BRAT_ERROR_BAD_LINE: a line of a `.ann` file is malformed or
 *   does not fit its text; the message starts with `FILE:LINE: `
 * @CROSSCHECK_BRAT_ERROR_FILE: a whole file cannot be read or used
 * @CROSSCHECK_BRAT_ERROR_FAILED: the import failed earlier and cannot go on
 * @CROSSCHECK_BRAT_ERROR_INVALID: the imported project breaks a rule of the
 *   project format (a bug in the importer)
 */
typedef enum
{
  CROSSCHECK_BRAT_ERROR_BAD_LINE,
  CROSSCHECK_BRAT_ERROR_FILE,
  CROSSCHECK_BRAT_ERROR_FAILED,
  CROSSCHECK_BRAT_ERROR_INVALID,
} CrosscheckBratError;

/**
 * CrosscheckBratImportFlags:
 * @CROSSCHECK_BRAT_IMPORT_NONE: stop at the first malformed line
 * @CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES: leave malformed lines (and what
 *   depends on them) out, each reported as a warning
 */
typedef enum
{
  CROSSCHECK_BRAT_IMPORT_NONE           = 0,
  CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES = 1 << 0,
} CrosscheckBratImportFlags;

G_DECLARE_FINAL_TYPE (CrosscheckBratImport, crosscheck_brat_import, CROSSCHECK, BRAT_IMPORT, GObject)

GQuark                 crosscheck_brat_error_quark          (void);

CrosscheckBratImport  *crosscheck_brat_import_new           (CrosscheckBratImportFlags  flags);
gboolean               crosscheck_brat_import_set_config    (CrosscheckBratImport      *self,
                                                             const char                *name,
                                                             const char                *data,
                                                             gsize                      length,
                                                             GError                   **error);
void                   crosscheck_brat_import_set_visual    (CrosscheckBratImport      *self,
                                                             const char                *name,
                                                             const char                *data,
                                                             gsize                      length);
void                   crosscheck_brat_import_set_shortcuts (CrosscheckBratImport      *self,
                                                             const char                *name,
                                                             const char                *data,
                                                             gsize                      length);
gboolean               crosscheck_brat_import_add_document  (CrosscheckBratImport      *self,
                                                             const char                *name,
                                                             const char                *text,
                                                             gsize                      text_length,
                                                             const char                *ann,
                                                             gsize                      ann_length,
                                                             GError                   **error);
gboolean               crosscheck_brat_import_add_cross_links (CrosscheckBratImport    *self,
                                                               const char              *name,
                                                               const char              *data,
                                                               gsize                    length,
                                                               GError                 **error);
gboolean               crosscheck_brat_import_add_folder    (CrosscheckBratImport      *self,
                                                             GFile                     *folder,
                                                             GCancellable              *cancellable,
                                                             GError                   **error);
CrosscheckProject     *crosscheck_brat_import_finish        (CrosscheckBratImport      *self,
                                                             GError                   **error);
GPtrArray             *crosscheck_brat_import_get_warnings  (CrosscheckBratImport      *self);

G_END_DECLS
