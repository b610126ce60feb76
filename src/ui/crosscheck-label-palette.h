/* crosscheck-label-palette.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crosscheck-types.h"

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_LABEL_PALETTE (crosscheck_label_palette_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckLabelPalette, crosscheck_label_palette, CROSSCHECK, LABEL_PALETTE, GtkBox)

CrosscheckLabelPalette *crosscheck_label_palette_new         (void);
void                    crosscheck_label_palette_set_project (CrosscheckLabelPalette *self,
                                                              CrosscheckProject      *project);

GtkWidget              *crosscheck_color_swatch_new          (void);
void                    crosscheck_color_swatch_set_color    (GtkWidget              *swatch,
                                                              const char             *color);

G_END_DECLS
