/* crosscheck-preload.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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

G_END_DECLS
