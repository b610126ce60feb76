/* crosscheck-debug-frames.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void _crosscheck_debug_frames_watch (GtkApplication *application);
void _crosscheck_debug_mark          (const char     *what);

G_END_DECLS
