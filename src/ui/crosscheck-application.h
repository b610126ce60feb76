/* crosscheck-application.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CROSSCHECK_TYPE_APPLICATION (crosscheck_application_get_type())

G_DECLARE_FINAL_TYPE (CrosscheckApplication, crosscheck_application, CROSSCHECK, APPLICATION, AdwApplication)

CrosscheckApplication *crosscheck_application_new (void);

G_END_DECLS
