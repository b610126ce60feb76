/* crosscheck-preferences.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crosscheck-preferences.h"

/* Preferences write straight to GSettings; open windows follow them. */

static gboolean
style_to_index (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "light") ? 1 : g_str_equal (nick, "dark") ? 2 : 0);
  return TRUE;
}

static GVariant *
index_to_style (const GValue       *value,
                const GVariantType *type,
                gpointer            user_data)
{
  static const char *nicks[] = { "follow", "light", "dark" };

  return g_variant_new_string (nicks[MIN (g_value_get_uint (value), 2)]);
}

static void
commit_annotator (AdwEntryRow *row,
                  GSettings   *settings)
{
  g_settings_set_string (settings, "annotator", gtk_editable_get_text (GTK_EDITABLE (row)));
}

/**
 * crosscheck_preferences_present:
 * @parent: (nullable): the window to attach to
 * @settings: the application's settings
 */
void
crosscheck_preferences_present (GtkWindow *parent,
                                GSettings *settings)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *you = adw_preferences_group_new ();
  GtkWidget *tagging = adw_preferences_group_new ();
  GtkWidget *looks = adw_preferences_group_new ();
  GtkWidget *annotator = adw_entry_row_new ();
  GtkWidget *snap_row = adw_action_row_new ();
  GtkWidget *snap_switch = gtk_switch_new ();
  GtkWidget *size_row = adw_action_row_new ();
  GtkWidget *size_spin = gtk_spin_button_new_with_range (8, 32, 1);
  GtkWidget *style_row = adw_combo_row_new ();
  GtkStringList *styles = gtk_string_list_new ((const char * const[]) {
    _("Follow the System"), _("Light"), _("Dark"), NULL });
  g_autofree char *name = g_settings_get_string (settings, "annotator");

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 480);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (you), _("Annotator"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (you),
                                         _("Recorded on every span and link you make, so a team can "
                                           "compare annotators."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (annotator), _("Your name"));
  gtk_editable_set_text (GTK_EDITABLE (annotator), name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (annotator), TRUE);
  g_signal_connect (annotator, "apply", G_CALLBACK (commit_annotator), settings);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (you), annotator);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (tagging), _("Tagging"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (snap_row), _("Extend selections to whole words"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (snap_row),
                               _("A selection that starts or ends inside a word covers the whole word"));
  gtk_widget_set_valign (snap_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (snap_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Extend selections to whole words"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (snap_row), snap_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (snap_row), snap_switch);
  g_settings_bind (settings, "snap-to-words", snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (tagging), snap_row);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (looks), _("Appearance"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (size_row), _("Article text size"));
  gtk_widget_set_valign (size_spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (size_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article text size"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (size_row), size_spin);
  g_settings_bind (settings, "font-size", size_spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (style_row), _("Style"));
  adw_combo_row_set_model (ADW_COMBO_ROW (style_row), G_LIST_MODEL (styles));
  g_object_unref (styles);
  g_settings_bind_with_mapping (settings, "style-variant", style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                style_to_index, index_to_style, NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (looks), size_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (looks), style_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (you));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (tagging));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (looks));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));

  gtk_window_present (GTK_WINDOW (window));
}
