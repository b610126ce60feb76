/* main.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-application.h"
#include "crosscheck-debug-frames.h"
#include "crosscheck-preload.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrosscheckApplication) app = NULL;
  const char *localedir;

  _crosscheck_debug_mark ("main");

  /* Run from the build tree, the translations are the build's (po/LANG/LC_MESSAGES). */
  localedir = g_getenv ("CROSSCHECK_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A project named here starts loading while GTK starts. */
  _crosscheck_preload_start (argc, argv);

  app = crosscheck_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
