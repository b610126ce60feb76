/* crosscheck-application.c
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
#include "crosscheck-preferences.h"
#include "crosscheck-project.h"
#include "crosscheck-recovery.h"
#include "crosscheck-window.h"

struct _CrosscheckApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings          *settings;
  GtkCssProvider     *font_provider;
  CrosscheckRecovery *recovery;
  GPtrArray          *to_offer;   /* CrosscheckRecoveryEntry, left by a crash */

  guint               recovery_offered : 1;
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
  { "win.export", { "<Control>e", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.next-column", { "F6", "<Control>Page_Down", NULL } },
  { "win.previous-column", { "<Shift>F6", "<Control>Page_Up", NULL } },
  { "win.toggle-sidebar", { "F9", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
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
  _crosscheck_debug_frames_watch (GTK_APPLICATION (self));
  _crosscheck_debug_mark ("startup");
}

/* ------------------------------------------------------------------------ */
/* Work a crash left behind                                                  */

static void offer_next (CrosscheckApplication *self);

static gboolean
offer_next_idle (gpointer data)
{
  offer_next (data);
  return G_SOURCE_REMOVE;
}

static void
on_recovery_response (AdwMessageDialog      *dialog,
                      const char            *response,
                      CrosscheckApplication *self)
{
  CrosscheckRecoveryEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_str_equal (response, "restore"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrosscheckProject) project = crosscheck_recovery_restore (self->recovery, entry->id, &error);
      CrosscheckWindow *window = active_window (self);

      if (project == NULL)
        {
          GtkWidget *failed = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Restore the Work"),
                                                       error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (failed));
        }
      else
        {
          if (window == NULL || !crosscheck_window_is_empty (window))
            {
              window = crosscheck_window_new (GTK_APPLICATION (self));
              gtk_window_present (GTK_WINDOW (window));
            }
          crosscheck_window_set_project (window, project);
          crosscheck_window_adopt_recovery (window, entry->id);
        }
    }
  else if (g_str_equal (response, "discard"))
    crosscheck_recovery_discard (self->recovery, entry->id);

  g_idle_add_full (G_PRIORITY_DEFAULT, offer_next_idle, g_object_ref (self), g_object_unref);
}

/* Offers the entries one by one: what it is, when it was copied. */
static void
offer_next (CrosscheckApplication *self)
{
  CrosscheckRecoveryEntry *entry;
  g_autoptr(GDateTime) saved = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->to_offer == NULL || self->to_offer->len == 0)
    return;

  entry = g_ptr_array_steal_index (self->to_offer, 0);
  saved = entry->saved ? g_date_time_new_from_iso8601 (entry->saved, NULL) : NULL;
  local = saved ? g_date_time_to_local (saved) : NULL;
  /* TRANSLATORS: a date and time, see g_date_time_format() */
  when = local ? g_date_time_format (local, _("%-d %B %Y at %H:%M")) : g_strdup (_("an unknown time"));

  body = g_strdup_printf (_("“%s” has changes from %s that were never saved, most likely because "
                            "Crosscheck stopped unexpectedly. Restore them to go on where you left off."),
                          entry->title, when);
  dialog = adw_message_dialog_new (GTK_WINDOW (active_window (self)), _("Restore Unsaved Work?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Closing the dialog keeps the entry for next time. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "entry", entry, (GDestroyNotify) crosscheck_recovery_entry_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
offer_recovery (CrosscheckApplication *self)
{
  /* Only the first instance looks, once: later windows are ours. */
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  self->to_offer = crosscheck_recovery_list (self->recovery);
  offer_next (self);
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

  offer_recovery (self);
}

static void
crosscheck_application_open (GApplication  *application,
                             GFile        **files,
                             int            n_files,
                             const char    *hint)
{
  CrosscheckApplication *self = CROSSCHECK_APPLICATION (application);
  CrosscheckWindow *window = active_window (self);

  _crosscheck_debug_mark ("open");

  /* Articles given together go into one project, as columns side by side. */
  if (window == NULL || !crosscheck_window_is_empty (window))
    {
      gboolean first = window == NULL;

      window = crosscheck_window_new (GTK_APPLICATION (self));

      /* A project read ahead since main() (crosscheck-preload.c) is usually
       * ready within a moment: waiting for it before the first window is
       * shown makes that window's first frame show the project, not an
       * empty window replaced a moment later. The window is built and
       * realized meanwhile. A bigger project opens as before: the window
       * comes first and the project when it is read. */
      if (first)
        {
          gtk_widget_realize (GTK_WIDGET (window));
          _crosscheck_preload_wait (files, n_files, 1000);
        }
    }

  /* Reading starts first, so a large project loads while the window
   * appears. */
  crosscheck_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
  _crosscheck_preload_drop_buffers ();

  offer_recovery (self);
}

static void
crosscheck_application_dispose (GObject *object)
{
  CrosscheckApplication *self = (CrosscheckApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->font_provider);
  g_clear_object (&self->recovery);
  g_clear_pointer (&self->to_offer, g_ptr_array_unref);

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
  self->recovery = crosscheck_recovery_new (NULL);
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
