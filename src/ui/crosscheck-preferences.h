/* crosscheck-preferences.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void crosscheck_preferences_present (GtkWindow *parent,
                                     GSettings *settings);

G_END_DECLS
