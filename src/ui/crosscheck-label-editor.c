/* crosscheck-label-editor.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crosscheck-label-editor.h"
#include "crosscheck-label.h"
#include "crosscheck-project.h"

/* A small dialog to add a label or link type, or to rename, recolour,
 * rebind or delete one. The project checks the values and says what is
 * wrong; each change is one undoable command. */

typedef struct
{
  CrosscheckProject *project;
  CrosscheckLabel   *label;      /* NULL when adding */
  CrosscheckLabelKind kind;
  GtkWindow         *window;
  AdwEntryRow       *name_row;
  AdwComboRow       *kind_row;
  GtkColorButton    *color_button;
  AdwEntryRow       *key_row;
  GtkLabel          *error_label;
} Editor;

static void
editor_free (Editor *editor)
{
  g_clear_object (&editor->project);
  g_clear_object (&editor->label);
  g_free (editor);
}

static char *
color_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) (CLAMP (rgba->red, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->green, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}

static void
on_save (Editor *editor)
{
  g_autoptr(CrosscheckLabel) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  const char *key = gtk_editable_get_text (GTK_EDITABLE (editor->key_row));
  CrosscheckLabelKind kind = editor->kind;
  GdkRGBA rgba;
  gboolean ok;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (editor->color_button), &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color = color_to_hex (&rgba);

  if (kind != CROSSCHECK_LABEL_RELATION)
    kind = adw_combo_row_get_selected (editor->kind_row) == 1 ? CROSSCHECK_LABEL_CLAIM : CROSSCHECK_LABEL_ENTITY;

  if (g_utf8_strlen (key, -1) > 1)
    {
      gtk_label_set_label (editor->error_label, _("A key is a single letter or sign."));
      gtk_widget_set_visible (GTK_WIDGET (editor->error_label), TRUE);
      return;
    }

  values = editor->label ? crosscheck_label_copy (editor->label)
                         : crosscheck_label_new ("", kind, NULL, 0);
  crosscheck_label_set_name (values, gtk_editable_get_text (GTK_EDITABLE (editor->name_row)));
  crosscheck_label_set_kind (values, kind);
  crosscheck_label_set_color (values, color);
  crosscheck_label_set_shortcut (values, *key ? g_utf8_get_char (key) : 0);

  if (editor->label != NULL)
    ok = crosscheck_project_update_label (editor->project, editor->label, values, &error);
  else
    ok = crosscheck_project_add_label (editor->project, values, &error);

  if (!ok)
    {
      gtk_label_set_label (editor->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (editor->error_label), TRUE);
      return;
    }

  gtk_window_destroy (editor->window);
}

static gboolean
destroy_idle (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
delete_label (Editor *editor)
{
  g_autoptr(GError) error = NULL;

  if (!crosscheck_project_remove_label (editor->project, editor->label, &error))
    {
      gtk_label_set_label (editor->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (editor->error_label), TRUE);
      return;
    }

  /* Not while a confirmation dialog, transient for us, still emits. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle, g_object_ref (editor->window), g_object_unref);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWindow        *window)
{
  if (g_str_equal (response, "delete"))
    delete_label (g_object_get_data (G_OBJECT (window), "editor"));
}

static void
on_delete (Editor *editor)
{
  guint n = crosscheck_project_count_label (editor->project, editor->label);
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), crosscheck_label_get_name (editor->label));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n == 0)
    {
      delete_label (editor);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u annotation carries it and is deleted with it. Ctrl+Z brings both back.",
                                       "%u annotations carry it and are deleted with it. Ctrl+Z brings them back.",
                                       n), n);
  dialog = adw_message_dialog_new (editor->window, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), editor->window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * crosscheck_label_editor_present:
 * @parent: the window to attach to
 * @project: the project
 * @label: (nullable): the label or link type to edit, or %NULL to add one
 * @kind: the kind of a new label
 *
 * Shows the dialog.
 */
void
crosscheck_label_editor_present (GtkWindow           *parent,
                                 CrosscheckProject   *project,
                                 CrosscheckLabel     *label,
                                 CrosscheckLabelKind  kind)
{
  Editor *editor = g_new0 (Editor, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (label ? _("_Save") : _("_Add"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *color_row = adw_action_row_new ();
  GtkStringList *kinds = gtk_string_list_new ((const char * const[]) { _("Entity"), _("Claim"), NULL });
  GdkRGBA rgba;
  char key[8] = { 0 };

  editor->project = g_object_ref (project);
  editor->label = label ? g_object_ref (label) : NULL;
  editor->kind = label ? crosscheck_label_get_kind (label) : kind;
  editor->window = GTK_WINDOW (window);

  gtk_window_set_title (GTK_WINDOW (window),
                        label ? (editor->kind == CROSSCHECK_LABEL_RELATION ? _("Edit Link Type") : _("Edit Label"))
                              : _("Add Label"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, -1);
  g_object_set_data_full (G_OBJECT (window), "editor", editor, (GDestroyNotify) editor_free);

  /* GTK 4.8 would read the mnemonics' underscores out. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? _("Save") : _("Add"), -1);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save), editor);

  editor->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (editor->name_row), label ? crosscheck_label_get_name (label) : "");
  g_signal_connect_swapped (editor->name_row, "entry-activated", G_CALLBACK (on_save), editor);
  adw_entry_row_set_activates_default (editor->name_row, FALSE);

  editor->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->kind_row), _("Kind"));
  adw_combo_row_set_model (editor->kind_row, G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  adw_combo_row_set_selected (editor->kind_row, editor->kind == CROSSCHECK_LABEL_CLAIM ? 1 : 0);
  gtk_widget_set_visible (GTK_WIDGET (editor->kind_row), editor->kind != CROSSCHECK_LABEL_RELATION);

  gdk_rgba_parse (&rgba, label ? crosscheck_label_get_color (label) : "#3584e4");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  editor->color_button = GTK_COLOR_BUTTON (gtk_color_button_new_with_rgba (&rgba));
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_widget_set_valign (GTK_WIDGET (editor->color_button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->color_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (color_row), _("Colour"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (color_row), GTK_WIDGET (editor->color_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (color_row), GTK_WIDGET (editor->color_button));

  if (label != NULL && crosscheck_label_get_shortcut (label) != 0)
    g_unichar_to_utf8 (crosscheck_label_get_shortcut (label), key);
  editor->key_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->key_row), _("Key (one letter or sign)"));
  gtk_editable_set_text (GTK_EDITABLE (editor->key_row), key);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (editor->key_row), 1);

  editor->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (editor->error_label, TRUE);
  gtk_label_set_xalign (editor->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (editor->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (editor->error_label), FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (editor->error_label), 12);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), color_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->key_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (label != NULL)
    {
      GtkWidget *danger = adw_preferences_group_new ();
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete…"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delete…"), -1);
      gtk_widget_add_css_class (delete, "destructive-action");
      gtk_widget_set_halign (delete, GTK_ALIGN_START);
      g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete), editor);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (danger), delete);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (danger));
    }

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}
