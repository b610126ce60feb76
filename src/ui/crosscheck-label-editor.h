/* crosscheck-label-editor.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

void crosscheck_label_editor_present (GtkWindow           *parent,
                                      CrosscheckProject   *project,
                                      CrosscheckLabel     *label,
                                      CrosscheckLabelKind  kind);

G_END_DECLS
