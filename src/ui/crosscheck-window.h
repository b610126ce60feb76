/* crosscheck-window.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crosscheck-column.h"
#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_WINDOW (crosscheck_window_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckWindow, crosscheck_window, CROSSCHECK, WINDOW, AdwApplicationWindow)

CrosscheckWindow  *crosscheck_window_new                (GtkApplication    *application);
CrosscheckProject *crosscheck_window_get_project        (CrosscheckWindow  *self);
gboolean           crosscheck_window_is_empty           (CrosscheckWindow  *self);
void               crosscheck_window_set_project        (CrosscheckWindow  *self,
                                                         CrosscheckProject *project);
void               crosscheck_window_open_files         (CrosscheckWindow  *self,
                                                         GFile            **files,
                                                         guint              n_files);
guint              crosscheck_window_get_n_columns      (CrosscheckWindow  *self);
CrosscheckColumn  *crosscheck_window_get_column         (CrosscheckWindow  *self,
                                                         guint              position);
CrosscheckColumn  *crosscheck_window_get_focused_column (CrosscheckWindow  *self);
CrosscheckSpan    *crosscheck_window_get_selected_span  (CrosscheckWindow  *self);
void               crosscheck_window_select_span        (CrosscheckWindow  *self,
                                                         CrosscheckSpan    *span);
gboolean           crosscheck_window_tag_selection      (CrosscheckWindow  *self,
                                                         CrosscheckLabel   *label);
void               crosscheck_window_adopt_recovery     (CrosscheckWindow  *self,
                                                         const char        *id);
void               crosscheck_window_autosave_now       (CrosscheckWindow  *self);

G_END_DECLS
