/* crosscheck-recovery.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_RECOVERY       (crosscheck_recovery_get_type())
#define CROSSCHECK_TYPE_RECOVERY_ENTRY (crosscheck_recovery_entry_get_type())

/**
 * CrosscheckRecoveryEntry:
 * @id: the entry's name in the recovery folder
 * @title: what the project was called
 * @original: (nullable): the URI of the project's own file, if it had one
 * @saved: when it was autosaved, as `YYYY-MM-DDTHH:MM:SSZ`
 *
 * One autosaved project that was not saved by the editor.
 */
typedef struct
{
  char *id;
  char *title;
  char *original;
  char *saved;
} CrosscheckRecoveryEntry;

GType                    crosscheck_recovery_entry_get_type (void) G_GNUC_CONST;
CrosscheckRecoveryEntry *crosscheck_recovery_entry_copy     (const CrosscheckRecoveryEntry *entry);
void                     crosscheck_recovery_entry_free     (CrosscheckRecoveryEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrosscheckRecoveryEntry, crosscheck_recovery_entry_free)

G_DECLARE_FINAL_TYPE (CrosscheckRecovery, crosscheck_recovery, CROSSCHECK, RECOVERY, GObject)

CrosscheckRecovery *crosscheck_recovery_new         (GFile               *folder);
GFile              *crosscheck_recovery_get_folder  (CrosscheckRecovery  *self);
char               *crosscheck_recovery_new_id      (void);
gboolean            crosscheck_recovery_save        (CrosscheckRecovery  *self,
                                                     const char          *id,
                                                     GBytes              *contents,
                                                     const char          *title,
                                                     GFile               *original,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void                crosscheck_recovery_save_async  (CrosscheckRecovery  *self,
                                                     const char          *id,
                                                     GBytes              *contents,
                                                     const char          *title,
                                                     GFile               *original,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean            crosscheck_recovery_save_finish (CrosscheckRecovery  *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
GPtrArray          *crosscheck_recovery_list        (CrosscheckRecovery  *self);
CrosscheckProject  *crosscheck_recovery_restore     (CrosscheckRecovery  *self,
                                                     const char          *id,
                                                     GError             **error);
void                crosscheck_recovery_discard     (CrosscheckRecovery  *self,
                                                     const char          *id);

G_END_DECLS
