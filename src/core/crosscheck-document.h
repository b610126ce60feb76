/* crosscheck-document.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crosscheck-decode.h"
#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_DOCUMENT (crosscheck_document_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckDocument, crosscheck_document, CROSSCHECK, DOCUMENT, GObject)

CrosscheckDocument  *crosscheck_document_new_from_bytes   (GBytes              *bytes,
                                                           const char          *source,
                                                           GError             **error);
CrosscheckDocument  *crosscheck_document_new_from_file    (GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
CrosscheckDocument  *crosscheck_document_new_from_text    (const char          *text,
                                                           GError             **error);
const char          *crosscheck_document_get_id           (CrosscheckDocument  *self);
const char          *crosscheck_document_get_title        (CrosscheckDocument  *self);
void                 crosscheck_document_set_title        (CrosscheckDocument  *self,
                                                           const char          *title);
const char          *crosscheck_document_get_source       (CrosscheckDocument  *self);
void                 crosscheck_document_set_source       (CrosscheckDocument  *self,
                                                           const char          *source);
const char          *crosscheck_document_get_published    (CrosscheckDocument  *self);
gboolean             crosscheck_document_set_published    (CrosscheckDocument  *self,
                                                           const char          *published,
                                                           GError             **error);
CrosscheckEncoding   crosscheck_document_get_encoding     (CrosscheckDocument  *self);
void                 crosscheck_document_set_encoding     (CrosscheckDocument  *self,
                                                           CrosscheckEncoding   encoding);
char               **crosscheck_document_dup_warnings     (CrosscheckDocument  *self);
const char          *crosscheck_document_get_sha256       (CrosscheckDocument  *self);
const char          *crosscheck_document_get_text         (CrosscheckDocument  *self);
guint                crosscheck_document_get_length       (CrosscheckDocument  *self);
gsize                crosscheck_document_get_byte_length  (CrosscheckDocument  *self);
gsize                crosscheck_document_offset_to_byte   (CrosscheckDocument  *self,
                                                           guint                offset);
guint                crosscheck_document_byte_to_offset   (CrosscheckDocument  *self,
                                                           gsize                byte);
char                *crosscheck_document_dup_slice        (CrosscheckDocument  *self,
                                                           guint                start,
                                                           guint                end);
const char          *crosscheck_document_peek_slice       (CrosscheckDocument  *self,
                                                           guint                start,
                                                           guint                end,
                                                           gsize               *length);
char                *crosscheck_document_make_title       (const char          *text);
gboolean             crosscheck_document_unit_at          (CrosscheckDocument  *self,
                                                           guint                offset,
                                                           gboolean             sentence,
                                                           guint               *start,
                                                           guint               *end);
gboolean             crosscheck_document_snap_range       (CrosscheckDocument  *self,
                                                           gboolean             whole_words,
                                                           guint               *start,
                                                           guint               *end);

G_END_DECLS
