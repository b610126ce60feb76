/* crosscheck-cli.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of crosscheck-cli. */
#define CROSSCHECK_CLI_OK      0
#define CROSSCHECK_CLI_FAILED  1
#define CROSSCHECK_CLI_USAGE   2

int crosscheck_cli_run (int    argc,
                        char **argv);

G_END_DECLS
