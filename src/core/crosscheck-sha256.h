/* crosscheck-sha256.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *crosscheck_sha256_hex (const void *data,
                             gsize       length);

G_END_DECLS
