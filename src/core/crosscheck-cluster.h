/* crosscheck-cluster.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CROSSCHECK_CLUSTER_SEPARATOR:
 *
 * What separates the articles of a cluster on one line of a Multi-News
 * style file.
 */
#define CROSSCHECK_CLUSTER_SEPARATOR "|||||"

GPtrArray *crosscheck_cluster_split (const char *line,
                                     gsize       length);

G_END_DECLS
