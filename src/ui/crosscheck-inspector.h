/* crosscheck-inspector.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_INSPECTOR (crosscheck_inspector_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckInspector, crosscheck_inspector, CROSSCHECK, INSPECTOR, GtkPopover)

GtkWidget *crosscheck_inspector_new (CrosscheckProject    *project,
                                     CrosscheckAnnotation *annotation);

G_END_DECLS
