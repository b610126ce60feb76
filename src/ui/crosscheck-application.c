/* crosscheck-application.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-application.h"
#include "crosscheck-preferences.h"
#include "crosscheck-window.h"

struct _CrosscheckApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  GtkCssProvider *font_provider;
};

G_DEFINE_FINAL_TYPE (CrosscheckApplication, crosscheck_application, ADW_TYPE_APPLICATION)

/* Every accelerator of the application, in one place. Single keys that
 * act on articles (labels, ] and [, Delete, Return) are handled by the
 * article views instead, so they never fire while typing elsewhere. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control>n", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.next-column", { "F6", "<Control>Page_Down", NULL } },
  { "win.previous-column", { "<Shift>F6", "<Control>Page_Up", NULL } },
  { "win.toggle-sidebar", { "F9", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static CrosscheckWindow *
active_window (CrosscheckApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CROSSCHECK_IS_WINDOW (window) ? CROSSCHECK_WINDOW (window) : NULL;
}

static void
new_window (CrosscheckApplication *self)
{
  gtk_window_present (GTK_WINDOW (crosscheck_window_new (GTK_APPLICATION (self))));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CrosscheckApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window asks about its unsaved changes; the application
   * ends when the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  new_window (user_data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CrosscheckApplication *self = user_data;

  crosscheck_preferences_present (GTK_WINDOW (active_window (self)), self->settings);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CrosscheckApplication *self = user_data;
  const char *developers[] = { "The Crosscheck authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", active_window (self),
                        "application-name", "Crosscheck",
                        "application-icon", APP_ID,
                        "developer-name", "The Crosscheck authors",
                        "version", PACKAGE_VERSION,
                        "comments", _("Annotate claims and contradictions across news articles, "
                                      "and export them as datasets."),
                        "website", "https://github.com/crosscheck/crosscheck",
                        "issue-url", "https://github.com/crosscheck/crosscheck/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Crosscheck authors",
                        "developers", developers,
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
apply_style (CrosscheckApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int variant = g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[CLAMP (variant, 0, 2)]);
}

static void
apply_font_size (CrosscheckApplication *self)
{
  g_autofree char *css = g_strdup_printf ("textview.article { font-size: %upt; }",
                                          g_settings_get_uint (self->settings, "font-size"));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_css_provider_load_from_data (self->font_provider, css, -1);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
crosscheck_application_startup (GApplication *application)
{
  CrosscheckApplication *self = CROSSCHECK_APPLICATION (application);
  static const GActionEntry entries[] = {
    { "quit", quit_action },
    { "new-window", new_window_action },
    { "preferences", preferences_action },
    { "about", about_action },
  };

  G_APPLICATION_CLASS (crosscheck_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::style-variant", G_CALLBACK (apply_style), self);
  apply_style (self);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->font_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect_swapped (self->settings, "changed::font-size", G_CALLBACK (apply_font_size), self);
  apply_font_size (self);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
crosscheck_application_activate (GApplication *application)
{
  CrosscheckApplication *self = CROSSCHECK_APPLICATION (application);
  CrosscheckWindow *window = active_window (self);

  if (window == NULL)
    new_window (self);
  else
    gtk_window_present (GTK_WINDOW (window));
}

static void
crosscheck_application_open (GApplication  *application,
                             GFile        **files,
                             int            n_files,
                             const char    *hint)
{
  CrosscheckApplication *self = CROSSCHECK_APPLICATION (application);
  CrosscheckWindow *window = active_window (self);

  /* Articles given together go into one project, as columns side by side. */
  if (window == NULL || !crosscheck_window_is_empty (window))
    window = crosscheck_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  crosscheck_window_open_files (window, files, n_files);
}

static void
crosscheck_application_dispose (GObject *object)
{
  CrosscheckApplication *self = (CrosscheckApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->font_provider);

  G_OBJECT_CLASS (crosscheck_application_parent_class)->dispose (object);
}

static void
crosscheck_application_class_init (CrosscheckApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = crosscheck_application_dispose;
  app_class->startup = crosscheck_application_startup;
  app_class->activate = crosscheck_application_activate;
  app_class->open = crosscheck_application_open;
}

static void
crosscheck_application_init (CrosscheckApplication *self)
{
}

CrosscheckApplication *
crosscheck_application_new (void)
{
  return g_object_new (CROSSCHECK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/crosscheck/Crosscheck",
                       NULL);
}
