/* crosscheck-file-dialogs.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CROSSCHECK_CHOOSE_OPEN,
  CROSSCHECK_CHOOSE_SAVE,
  CROSSCHECK_CHOOSE_EXPORT_FOLDER,
  CROSSCHECK_CHOOSE_IMPORT_FOLDER,
} CrosscheckChooseMode;

void       crosscheck_choose_files_async  (GtkWindow            *parent,
                                           CrosscheckChooseMode  mode,
                                           GFile                *initial,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray *crosscheck_choose_files_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
