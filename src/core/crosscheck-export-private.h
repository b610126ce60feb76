/* crosscheck-export-private.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-export.h"

G_BEGIN_DECLS

/* What the exporters of all formats share while one export runs: the
 * projects, the files being written (in memory until everything is done,
 * so a failed or cancelled export writes nothing) and the warnings. */
typedef struct
{
  /* borrowed */
  CrosscheckProject             **projects;
  const char * const             *prefixes;
  guint                           n_projects;
  const CrosscheckExportOptions  *options;
  CrosscheckExportProgress        progress;
  gpointer                        user_data;
  GCancellable                   *cancellable;

  /* owned */
  GPtrArray                      *files;     /* CrosscheckExportFile */
  GPtrArray                      *warnings;  /* char * */
  guint                           n_documents;
  guint                           n_done;
} CrosscheckExporter;

typedef struct
{
  char    *name;  /* relative to the export folder, '/' separated */
  GString *contents;
} CrosscheckExportFile;

/* A piece of a document's text, in code points. */
typedef struct
{
  guint start;
  guint end;
} CrosscheckRange;

GString    *_crosscheck_exporter_add_file        (CrosscheckExporter   *self,
                                                  const char           *name);
void        _crosscheck_exporter_warn            (CrosscheckExporter   *self,
                                                  const char           *format,
                                                  ...) G_GNUC_PRINTF (2, 3);
void        _crosscheck_exporter_warn_ids        (CrosscheckExporter   *self,
                                                  GPtrArray            *ids,
                                                  const char           *format);

/* One warning about the annotations in @ids; @singular and @plural take
 * the number (%u) and the list of ids (%s). */
#define CROSSCHECK_EXPORTER_WARN_IDS(self, ids, singular, plural)                 \
  G_STMT_START {                                                                  \
    if ((ids)->len > 0)                                                           \
      _crosscheck_exporter_warn_ids ((self), (ids),                               \
                                     g_dngettext (GETTEXT_PACKAGE, singular,      \
                                                  plural, (ids)->len));           \
  } G_STMT_END
gboolean    _crosscheck_exporter_document_done   (CrosscheckExporter   *self,
                                                  GError              **error);
char       *_crosscheck_exporter_id              (CrosscheckExporter   *self,
                                                  guint                 project,
                                                  const char           *id);
GPtrArray  *_crosscheck_export_document_spans    (CrosscheckProject    *project,
                                                  CrosscheckDocument   *document);
GPtrArray  *_crosscheck_export_links_in_order    (CrosscheckProject    *project);
void        _crosscheck_export_append_attributes (GString              *out,
                                                  CrosscheckAnnotation *annotation);
gboolean    _crosscheck_export_span_is_entity    (CrosscheckSpan       *span);

/* Unicode (UAX #29) segmentation, from Pango's break attributes. */
typedef struct _PangoLogAttr CrosscheckLogAttr;

CrosscheckLogAttr *_crosscheck_export_log_attrs  (CrosscheckDocument   *document);
GArray     *_crosscheck_export_sentences         (CrosscheckDocument   *document,
                                                  const CrosscheckLogAttr *attrs);
GArray     *_crosscheck_export_tokens            (const CrosscheckLogAttr *attrs,
                                                  const CrosscheckRange *sentence);
guint       _crosscheck_export_utf16_length      (const char           *text,
                                                  gssize                length);

/* One function per format, in their own files. */
gboolean    _crosscheck_export_jsonl             (CrosscheckExporter   *self,
                                                  GError              **error);
gboolean    _crosscheck_export_nli               (CrosscheckExporter   *self,
                                                  GError              **error);
gboolean    _crosscheck_export_webanno           (CrosscheckExporter   *self,
                                                  GError              **error);
gboolean    _crosscheck_export_conll             (CrosscheckExporter   *self,
                                                  GError              **error);
gboolean    _crosscheck_export_hf                (CrosscheckExporter   *self,
                                                  GError              **error);
gboolean    _crosscheck_export_spacy             (CrosscheckExporter   *self,
                                                  GError              **error);
gboolean    _crosscheck_export_brat              (CrosscheckExporter   *self,
                                                  GError              **error);

G_END_DECLS
