/* crosscheck-export-dialog.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crosscheck-export.h"
#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_EXPORT_DIALOG (crosscheck_export_dialog_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckExportDialog, crosscheck_export_dialog, CROSSCHECK, EXPORT_DIALOG, AdwWindow)

CrosscheckExportDialog *crosscheck_export_dialog_new          (GtkWindow              *parent,
                                                               CrosscheckProject      *project);
void                    crosscheck_export_dialog_set_folder   (CrosscheckExportDialog *self,
                                                               GFile                  *folder);
void                    crosscheck_export_dialog_set_format   (CrosscheckExportDialog *self,
                                                               CrosscheckExportFormat  format);
gboolean                crosscheck_export_dialog_get_running  (CrosscheckExportDialog *self);
GPtrArray              *crosscheck_export_dialog_get_warnings (CrosscheckExportDialog *self);
const char             *crosscheck_export_dialog_get_status   (CrosscheckExportDialog *self);

G_END_DECLS
