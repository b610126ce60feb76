/* crosscheck-project.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_PROJECT (crosscheck_project_get_type())

/**
 * CROSSCHECK_FORMAT_NAME:
 *
 * The value of the `format` key of every project file.
 */
#define CROSSCHECK_FORMAT_NAME "crosscheck-project"

/**
 * CROSSCHECK_FORMAT_VERSION:
 *
 * The newest project file version this program reads and the one it writes.
 */
#define CROSSCHECK_FORMAT_VERSION 1

/**
 * CROSSCHECK_PROJECT_SUFFIX:
 *
 * How project file names end.
 */
#define CROSSCHECK_PROJECT_SUFFIX ".crosscheck.json"

G_DECLARE_FINAL_TYPE (CrosscheckProject, crosscheck_project, CROSSCHECK, PROJECT, GObject)

/**
 * CrosscheckDocumentReadFunc:
 * @document: an article just read from a project file
 * @user_data: the data given with the function
 *
 * Told of each article of a project file as soon as it is read; see
 * crosscheck_project_load_from_file_watched().
 */
typedef void (*CrosscheckDocumentReadFunc) (CrosscheckDocument *document,
                                            gpointer            user_data);

CrosscheckProject    *crosscheck_project_new                  (void);
CrosscheckProject    *crosscheck_project_new_empty            (void);

/* Contents */
GListModel           *crosscheck_project_get_documents        (CrosscheckProject    *self);
GListModel           *crosscheck_project_get_labels           (CrosscheckProject    *self);
GListModel           *crosscheck_project_get_link_types       (CrosscheckProject    *self);
CrosscheckSpanList   *crosscheck_project_get_spans            (CrosscheckProject    *self);
GListModel           *crosscheck_project_get_links            (CrosscheckProject    *self);
CrosscheckHistory    *crosscheck_project_get_history          (CrosscheckProject    *self);
const char           *crosscheck_project_get_annotator        (CrosscheckProject    *self);
void                  crosscheck_project_set_annotator        (CrosscheckProject    *self,
                                                               const char           *annotator);
gboolean              crosscheck_project_get_dirty            (CrosscheckProject    *self);

/* Look-ups */
CrosscheckDocument   *crosscheck_project_lookup_document      (CrosscheckProject    *self,
                                                               const char           *id);
CrosscheckSpan       *crosscheck_project_lookup_span          (CrosscheckProject    *self,
                                                               const char           *id);
CrosscheckLink       *crosscheck_project_lookup_link          (CrosscheckProject    *self,
                                                               const char           *id);
CrosscheckLabel      *crosscheck_project_lookup_label         (CrosscheckProject    *self,
                                                               const char           *name);
CrosscheckLabel      *crosscheck_project_lookup_link_type     (CrosscheckProject    *self,
                                                               const char           *name);
CrosscheckLabel      *crosscheck_project_lookup_shortcut      (CrosscheckProject    *self,
                                                               gunichar              shortcut);
GPtrArray            *crosscheck_project_get_links_of_span    (CrosscheckProject    *self,
                                                               CrosscheckSpan       *span);
guint                 crosscheck_project_count_label          (CrosscheckProject    *self,
                                                               CrosscheckLabel      *label);

/* Edits: each is one undoable command */
gboolean              crosscheck_project_add_document         (CrosscheckProject    *self,
                                                               CrosscheckDocument   *document,
                                                               GError              **error);
gboolean              crosscheck_project_remove_document      (CrosscheckProject    *self,
                                                               CrosscheckDocument   *document,
                                                               GError              **error);
gboolean              crosscheck_project_set_document_title   (CrosscheckProject    *self,
                                                               CrosscheckDocument   *document,
                                                               const char           *title,
                                                               GError              **error);
gboolean              crosscheck_project_set_document_published (CrosscheckProject  *self,
                                                               CrosscheckDocument   *document,
                                                               const char           *published,
                                                               GError              **error);
gboolean              crosscheck_project_add_label            (CrosscheckProject    *self,
                                                               CrosscheckLabel      *label,
                                                               GError              **error);
gboolean              crosscheck_project_update_label         (CrosscheckProject    *self,
                                                               CrosscheckLabel      *label,
                                                               CrosscheckLabel      *values,
                                                               GError              **error);
gboolean              crosscheck_project_remove_label         (CrosscheckProject    *self,
                                                               CrosscheckLabel      *label,
                                                               GError              **error);
CrosscheckSpan       *crosscheck_project_add_span             (CrosscheckProject    *self,
                                                               CrosscheckDocument   *document,
                                                               guint                 start,
                                                               guint                 end,
                                                               CrosscheckLabel      *label,
                                                               GError              **error);
gboolean              crosscheck_project_remove_span          (CrosscheckProject    *self,
                                                               CrosscheckSpan       *span,
                                                               GError              **error);
gboolean              crosscheck_project_relabel_span         (CrosscheckProject    *self,
                                                               CrosscheckSpan       *span,
                                                               CrosscheckLabel      *label,
                                                               GError              **error);
CrosscheckLink       *crosscheck_project_add_link             (CrosscheckProject    *self,
                                                               CrosscheckLabel      *type,
                                                               CrosscheckSpan       *from,
                                                               CrosscheckSpan       *to,
                                                               GError              **error);
gboolean              crosscheck_project_remove_link          (CrosscheckProject    *self,
                                                               CrosscheckLink       *link,
                                                               GError              **error);
gboolean              crosscheck_project_set_link_type        (CrosscheckProject    *self,
                                                               CrosscheckLink       *link,
                                                               CrosscheckLabel      *type,
                                                               GError              **error);
gboolean              crosscheck_project_swap_link            (CrosscheckProject    *self,
                                                               CrosscheckLink       *link,
                                                               GError              **error);
gboolean              crosscheck_project_set_note             (CrosscheckProject    *self,
                                                               CrosscheckAnnotation *annotation,
                                                               const char           *note,
                                                               GError              **error);
gboolean              crosscheck_project_set_attribute        (CrosscheckProject    *self,
                                                               CrosscheckAnnotation *annotation,
                                                               const char           *name,
                                                               const char           *value,
                                                               GError              **error);
gboolean              crosscheck_project_mark_reviewed        (CrosscheckProject    *self,
                                                               CrosscheckAnnotation *annotation,
                                                               GError              **error);
gboolean              crosscheck_project_undo                 (CrosscheckProject    *self);
gboolean              crosscheck_project_redo                 (CrosscheckProject    *self);

/* Files */
CrosscheckProject    *crosscheck_project_load_from_bytes      (GBytes               *bytes,
                                                               GPtrArray           **problems,
                                                               GError              **error);
CrosscheckProject    *crosscheck_project_load_from_file       (GFile                *file,
                                                               GCancellable         *cancellable,
                                                               GPtrArray           **problems,
                                                               GError              **error);
CrosscheckProject    *crosscheck_project_load_from_file_watched (GFile                      *file,
                                                                 GCancellable               *cancellable,
                                                                 CrosscheckDocumentReadFunc  document_read,
                                                                 gpointer                    user_data,
                                                                 GPtrArray                 **problems,
                                                                 GError                    **error);
CrosscheckProject    *crosscheck_project_reanchor_from_bytes  (GBytes               *bytes,
                                                               CrosscheckReanchor  **report,
                                                               GPtrArray           **problems,
                                                               GError              **error);
CrosscheckProject    *crosscheck_project_reanchor_from_file   (GFile                *file,
                                                               GCancellable         *cancellable,
                                                               CrosscheckReanchor  **report,
                                                               GPtrArray           **problems,
                                                               GError              **error);
GBytes               *crosscheck_project_serialize            (CrosscheckProject    *self);
gboolean              crosscheck_project_save_to_file         (CrosscheckProject    *self,
                                                               GFile                *file,
                                                               GCancellable         *cancellable,
                                                               GError              **error);
GFile                *crosscheck_project_get_file             (CrosscheckProject    *self);

G_END_DECLS
