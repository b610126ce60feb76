/* crosscheck-preload.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-project.h"

G_BEGIN_DECLS

void               _crosscheck_preload_start (int           argc,
                                              char        **argv);
gboolean           _crosscheck_preload_wait  (GFile       **files,
                                              guint         n_files,
                                              guint         timeout_ms);
CrosscheckProject *_crosscheck_preload_take  (GFile        *file,
                                              gboolean     *found,
                                              GError      **error);
GtkTextBuffer     *_crosscheck_preload_take_buffer  (CrosscheckDocument *document);
void               _crosscheck_preload_drop_buffers (void);

G_END_DECLS
