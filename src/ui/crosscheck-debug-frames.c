/* crosscheck-debug-frames.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-debug-frames.h"
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"
#include "crosscheck-window.h"

/* With CROSSCHECK_DEBUG_FRAMES=1 in the environment, every window prints a
 * line per drawn frame and per key press to stderr, for the benchmark
 * (tests/bench/ui-bench.py):
 *   FRAME BEGIN_US END_US COLUMNS SPANS   (before-paint to after-paint)
 *   KEY US KEYVAL                         (when the window got the key)
 *   MARK US WHAT                          (_crosscheck_debug_mark())
 * Times are g_get_monotonic_time(), the same clock as Python's
 * time.monotonic(). Nothing is connected without the variable. */

static void
on_before_paint (GdkFrameClock *clock,
                 GtkWidget     *window)
{
  g_object_set_data (G_OBJECT (window), "crosscheck-debug-frame-begin",
                     GSIZE_TO_POINTER ((gsize) g_get_monotonic_time ()));
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gint64 end = g_get_monotonic_time ();
  gsize begin = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "crosscheck-debug-frame-begin"));
  CrosscheckProject *project = crosscheck_window_get_project (CROSSCHECK_WINDOW (window));
  guint spans = project ? g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))) : 0;

  g_printerr ("FRAME %" G_GSIZE_FORMAT " %" G_GINT64_FORMAT " %u %u\n", begin, end,
              crosscheck_window_get_n_columns (CROSSCHECK_WINDOW (window)), spans);
}

static void
on_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "before-paint", G_CALLBACK (on_before_paint), window, 0);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), window, 0);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  g_printerr ("KEY %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time (), keyval);

  return GDK_EVENT_PROPAGATE;
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  GtkEventController *key;

  if (!CROSSCHECK_IS_WINDOW (window))
    return;

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), key);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static gboolean
enabled (void)
{
  static gsize on = 0;

  if (g_once_init_enter (&on))
    g_once_init_leave (&on, g_getenv ("CROSSCHECK_DEBUG_FRAMES") != NULL ? 2 : 1);

  return on == 2;
}

/**
 * _crosscheck_debug_mark:
 * @what: a name for the moment, one word
 *
 * With CROSSCHECK_DEBUG_FRAMES set, prints `MARK time what`, on the frames'
 * clock, from any thread: the benchmark shows from these where the time
 * before the first frame goes.
 */
void
_crosscheck_debug_mark (const char *what)
{
  if (enabled ())
    g_printerr ("MARK %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (), what);
}

void
_crosscheck_debug_frames_watch (GtkApplication *application)
{
  if (!enabled ())
    return;

  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
}
