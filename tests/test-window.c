/* test-window.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "crosscheck-annotation-list.h"
#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-errors.h"
#include "crosscheck-history.h"
#include "crosscheck-label.h"
#include "crosscheck-link.h"
#include "crosscheck-preload.h"
#include "crosscheck-project.h"
#include "crosscheck-recovery.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"
#include "crosscheck-window-private.h"

/* The window, driven through the same actions its keys and buttons use.
 * Real key presses and mouse drags are the end-to-end test's job. */

#define TEXT_A "President Aurélie Dumont-Okafor will visit  as soon as next week, aides said.\n"
#define TEXT_B "The visit could take place in April or early May, officials said.\n"

static AdwMessageDialog *find_dialog (void);
static AdwMessageDialog *wait_for_dialog (void);

/* As a click on a response button does: emit the response, then close.
 * adw_message_dialog_response() alone leaves the dialog open. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
spin (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static CrosscheckWindow *
make_window (void)
{
  g_autoptr(CrosscheckProject) project = crosscheck_project_new ();
  g_autoptr(CrosscheckDocument) a = crosscheck_document_new_from_text (TEXT_A, NULL);
  g_autoptr(CrosscheckDocument) b = crosscheck_document_new_from_text (TEXT_B, NULL);
  CrosscheckWindow *window = crosscheck_window_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "snap-to-words", TRUE);
  g_assert_true (crosscheck_project_add_document (project, a, NULL));
  g_assert_true (crosscheck_project_add_document (project, b, NULL));
  crosscheck_history_clear (crosscheck_project_get_history (project));

  crosscheck_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  return window;
}

static void
destroy_window (CrosscheckWindow *window)
{
  gpointer weak = window;

  /* Nothing may keep the window alive once it is gone. */
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_null (weak);
}

static CrosscheckTextView *
view_at (CrosscheckWindow *window,
         guint             i)
{
  return crosscheck_column_get_text_view (crosscheck_window_get_column (window, i));
}

/* Selects @needle in column @i, as a drag would. */
static void
select_text (CrosscheckWindow *window,
             guint             i,
             const char       *needle)
{
  CrosscheckTextView *view = view_at (window, i);
  const char *text = crosscheck_document_get_text (crosscheck_text_view_get_document (view));
  const char *hit = strstr (text, needle);
  guint start;

  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  _crosscheck_window_focus_column (window, crosscheck_window_get_column (window, i));
  crosscheck_text_view_select_range (view, start, start + g_utf8_strlen (needle, -1));
}

static void
press_label_key (CrosscheckWindow *window,
                 gunichar          key)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-key", "u", (guint32) key));
  spin ();
}

static CrosscheckSpan *
selected (CrosscheckWindow *window)
{
  return crosscheck_window_get_selected_span (window);
}

static guint
n_spans (CrosscheckWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (crosscheck_window_get_project (window))));
}

static const char *
label_of (CrosscheckSpan *span)
{
  return crosscheck_label_get_name (crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span)));
}

static void
test_columns (void)
{
  CrosscheckWindow *window = make_window ();

  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 2);
  g_assert_true (crosscheck_column_get_document (crosscheck_window_get_column (window, 1)) ==
                 crosscheck_project_lookup_document (crosscheck_window_get_project (window), "d2"));
  g_assert_true (crosscheck_window_get_focused_column (window) == crosscheck_window_get_column (window, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-column", NULL));
  g_assert_true (crosscheck_window_get_focused_column (window) == crosscheck_window_get_column (window, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-column", NULL));
  g_assert_true (crosscheck_window_get_focused_column (window) == crosscheck_window_get_column (window, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-column", NULL));
  g_assert_true (crosscheck_window_get_focused_column (window) == crosscheck_window_get_column (window, 1));

  /* Columns move among each other; the first cannot move further left. */
  {
    CrosscheckColumn *first = crosscheck_window_get_column (window, 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "column.move-right", NULL));
    g_assert_true (crosscheck_window_get_column (window, 1) == first);
    g_assert_true (gtk_widget_get_prev_sibling (GTK_WIDGET (first)) ==
                   GTK_WIDGET (crosscheck_window_get_column (window, 0)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "column.move-left", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "column.move-left", NULL));
    g_assert_true (crosscheck_window_get_column (window, 0) == first);
    g_assert_null (gtk_widget_get_prev_sibling (GTK_WIDGET (first)));
  }

  destroy_window (window);
}

static void
test_tag_trims_and_snaps (void)
{
  CrosscheckWindow *window = make_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CrosscheckSpan *span;

  /* White space around the selection is left out, and half words grow. */
  select_text (window, 0, "  as soon as next we");
  press_label_key (window, 'c');
  span = selected (window);
  g_assert_nonnull (span);
  g_assert_cmpstr (crosscheck_span_get_text (span), ==, "as soon as next week");
  g_assert_cmpstr (label_of (span), ==, "CLAIM");
  g_assert_true (crosscheck_project_get_dirty (crosscheck_window_get_project (window)));

  /* Without snapping, only white space is trimmed. */
  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  select_text (window, 0, "élie Dum");
  press_label_key (window, 'p');
  g_assert_cmpstr (crosscheck_span_get_text (selected (window)), ==, "élie Dum");

  /* Only white space: nothing is tagged. */
  select_text (window, 0, "  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-key", "u", (guint32) 'p'));
  g_assert_cmpuint (n_spans (window), ==, 2);

  destroy_window (window);
}

static void
test_tag_at_caret (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckSpan *claim;

  /* Nothing selected: a claim key tags the sentence at the caret… */
  _crosscheck_window_focus_column (window, crosscheck_window_get_column (window, 1));
  crosscheck_text_view_scroll_to_offset (view_at (window, 1), 10);
  press_label_key (window, 'c');
  claim = selected (window);
  g_assert_cmpstr (crosscheck_span_get_text (claim), ==,
                   "The visit could take place in April or early May, officials said.");

  /* …and in another article, an entity key tags the word at the caret
   * rather than relabelling the span selected over there. */
  _crosscheck_window_focus_column (window, crosscheck_window_get_column (window, 0));
  crosscheck_text_view_scroll_to_offset (view_at (window, 0), 3);
  press_label_key (window, 'p');
  g_assert_cmpstr (crosscheck_span_get_text (selected (window)), ==, "President");
  g_assert_cmpstr (label_of (claim), ==, "CLAIM");
  g_assert_cmpuint (n_spans (window), ==, 2);

  destroy_window (window);
}

static void
test_tag_by_place (void)
{
  CrosscheckWindow *window = make_window ();

  select_text (window, 1, "in April or early May");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-nth", "u", (guint32) 5));
  spin ();
  g_assert_cmpstr (label_of (selected (window)), ==, "CLAIM");
  g_assert_true (crosscheck_span_get_document (selected (window)) ==
                 crosscheck_project_lookup_document (crosscheck_window_get_project (window), "d2"));

  /* A place with no label tags nothing. */
  select_text (window, 1, "officials");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-nth", "u", (guint32) 8));
  g_assert_cmpuint (n_spans (window), ==, 1);

  destroy_window (window);
}

static void
test_relabel_delete_undo (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckSpan *span;

  select_text (window, 0, "Aurélie Dumont-Okafor");
  press_label_key (window, 'p');
  span = selected (window);
  g_assert_cmpstr (label_of (span), ==, "PERSON");

  /* The new span is selected and the text no longer is: a key relabels. */
  press_label_key (window, 'o');
  g_assert_cmpstr (label_of (span), ==, "ORGANIZATION");
  g_assert_cmpuint (n_spans (window), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (label_of (span), ==, "PERSON");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (label_of (span), ==, "ORGANIZATION");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL));
  spin ();
  g_assert_cmpuint (n_spans (window), ==, 0);
  g_assert_null (selected (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (n_spans (window), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (n_spans (window), ==, 0);

  /* Back to where the project started: clean again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_spans (window), ==, 0);
  g_assert_false (crosscheck_project_get_dirty (crosscheck_window_get_project (window)));

  destroy_window (window);
}

static void
test_navigation (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckSpan *first, *second, *third;

  select_text (window, 0, "President");
  press_label_key (window, 'e');
  first = selected (window);
  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  second = selected (window);
  select_text (window, 0, "aides");
  press_label_key (window, 'o');
  third = selected (window);

  crosscheck_window_select_span (window, NULL);
  crosscheck_text_view_scroll_to_offset (view_at (window, 0), 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-annotation", NULL));
  g_assert_true (selected (window) == first);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-annotation", NULL);
  g_assert_true (selected (window) == second);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-annotation", NULL);
  g_assert_true (selected (window) == third);
  /* At the end it stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-annotation", NULL);
  g_assert_true (selected (window) == third);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-annotation", NULL);
  g_assert_true (selected (window) == second);

  /* Only the focused column's spans are visited. */
  _crosscheck_window_focus_column (window, crosscheck_window_get_column (window, 1));
  crosscheck_window_select_span (window, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-annotation", NULL);
  g_assert_null (selected (window));

  destroy_window (window);
}

static void
test_find_selects_match (void)
{
  CrosscheckWindow *window = make_window ();
  guint start, end;

  _crosscheck_window_focus_column (window, crosscheck_window_get_column (window, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "EARLY may");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL));

  /* Case-insensitive, and the match is now the text selection… */
  g_assert_true (crosscheck_text_view_get_selection (view_at (window, 1), &start, &end));
  g_assert_cmpuint (start, ==, 39);
  g_assert_cmpuint (end, ==, 48);

  /* …so a label key tags it. */
  press_label_key (window, 'd');
  g_assert_cmpstr (crosscheck_span_get_text (selected (window)), ==, "early May");

  /* Not found: said so, nothing selected elsewhere. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Zanzibar");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_assert_cmpstr (gtk_label_get_label (window->search_status), ==, "Not found");

  /* All articles: the search moves on to the next column. */
  gtk_check_button_set_active (window->search_all_check, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "aides");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  g_assert_true (crosscheck_window_get_focused_column (window) == crosscheck_window_get_column (window, 0));
  g_assert_true (crosscheck_text_view_get_selection (view_at (window, 0), &start, &end));
  g_assert_cmpuint (end - start, ==, 5);

  destroy_window (window);
}

static void
test_annotation_list (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckProject *project = crosscheck_window_get_project (window);
  GListModel *shown = crosscheck_annotation_list_get_model (window->annotation_list);
  CrosscheckSpan *claim;

  select_text (window, 0, "as soon as next week");
  press_label_key (window, 'c');
  claim = selected (window);
  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  select_text (window, 1, "April");
  press_label_key (window, 'd');
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* The selected span's row is selected, with and without a filter, and
   * none when the filter hides the span. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CrosscheckSpan) span = g_list_model_get_item (shown, i);

      crosscheck_window_select_span (window, span);
      g_assert_true (crosscheck_annotation_list_get_selected (window->annotation_list) == span);
    }
  crosscheck_annotation_list_set_filter (window->annotation_list, NULL,
                                         crosscheck_project_lookup_document (project, "d1"), NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrosscheckSpan) span = g_list_model_get_item (shown, i);

      crosscheck_window_select_span (window, span);
      g_assert_true (crosscheck_annotation_list_get_selected (window->annotation_list) == span);
    }
  crosscheck_window_select_span (window, crosscheck_project_lookup_span (project, "s3"));
  g_assert_null (crosscheck_annotation_list_get_selected (window->annotation_list));
  crosscheck_window_select_span (window, NULL);
  g_assert_null (crosscheck_annotation_list_get_selected (window->annotation_list));

  /* Filters by label, article and text, alone and together. */
  crosscheck_annotation_list_set_filter (window->annotation_list,
                                         crosscheck_project_lookup_label (project, "CLAIM"), NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  crosscheck_annotation_list_set_filter (window->annotation_list, NULL,
                                         crosscheck_project_lookup_document (project, "d1"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  crosscheck_annotation_list_set_filter (window->annotation_list, NULL, NULL, "APRIL");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  crosscheck_annotation_list_set_filter (window->annotation_list,
                                         crosscheck_project_lookup_label (project, "PERSON"),
                                         crosscheck_project_lookup_document (project, "d2"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  /* The list follows edits, undo included, under a filter. */
  crosscheck_annotation_list_set_filter (window->annotation_list,
                                         crosscheck_project_lookup_label (project, "CLAIM"), NULL, NULL);
  crosscheck_window_select_span (window, claim);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* A relabelled span leaves a label's filter. */
  crosscheck_window_select_span (window, claim);
  press_label_key (window, 'e');
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  /* Activating a row selects its span in its column. */
  crosscheck_annotation_list_set_filter (window->annotation_list, NULL, NULL, NULL);
  crosscheck_window_select_span (window, NULL);
  g_signal_emit_by_name (window->annotation_list, "span-activated",
                         crosscheck_project_lookup_span (project, "s3"));
  g_assert_true (selected (window) == crosscheck_project_lookup_span (project, "s3"));
  g_assert_true (crosscheck_window_get_focused_column (window) == crosscheck_window_get_column (window, 1));

  destroy_window (window);
}

static void
test_close_document (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckProject *project = crosscheck_window_get_project (window);
  CrosscheckColumn *first;
  AdwMessageDialog *dialog;

  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  first = crosscheck_window_get_column (window, 0);

  /* Closing an article with spans asks first; Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "column.close", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Close “President"));
  respond (dialog, "cancel");
  spin ();
  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 2);
  g_assert_cmpuint (n_spans (window), ==, 1);

  /* Closing is then one undoable step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "column.close", NULL));
  spin ();
  respond (find_dialog (), "close");
  spin ();
  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 1);
  g_assert_cmpuint (n_spans (window), ==, 0);
  g_assert_null (crosscheck_project_lookup_document (project, "d1"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 2);
  g_assert_cmpuint (n_spans (window), ==, 1);
  g_assert_nonnull (crosscheck_project_lookup_document (project, "d1"));
  /* The article comes back to its place, first. */
  g_assert_true (crosscheck_column_get_document (crosscheck_window_get_column (window, 0)) ==
                 crosscheck_project_lookup_document (project, "d1"));

  /* An article without spans closes without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (crosscheck_window_get_column (window, 1)),
                                             "column.close", NULL));
  spin ();
  g_assert_null (find_dialog ());
  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 1);

  destroy_window (window);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_close_confirmation (void)
{
  CrosscheckWindow *window = make_window ();
  AdwMessageDialog *dialog;
  gpointer weak = window;

  /* Clean: closes at once. */
  g_assert_false (crosscheck_project_get_dirty (crosscheck_window_get_project (window)));
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_null (weak);

  /* Dirty: asks, and Cancel keeps everything. */
  window = make_window ();
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');

  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  respond (dialog, "cancel");
  spin ();
  g_assert_nonnull (weak);
  g_assert_cmpuint (n_spans (window), ==, 1);

  /* Discard closes without saving. */
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  spin ();
  g_assert_null (weak);
}

/* The first descendant of @widget with object data "attribute" = @name. */
static GtkWidget *
find_attribute_field (GtkWidget  *widget,
                      const char *name)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "attribute"), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_attribute_field (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
n_links (CrosscheckWindow *window)
{
  return g_list_model_get_n_items (crosscheck_project_get_links (crosscheck_window_get_project (window)));
}

/* The two claims the link tests join: one in each article, by keyboard. */
static void
tag_two_claims (CrosscheckWindow  *window,
                CrosscheckSpan   **claim_a,
                CrosscheckSpan   **claim_b)
{
  select_text (window, 0, "as soon as next week");
  press_label_key (window, 'c');
  *claim_a = selected (window);
  select_text (window, 1, "in April or early May");
  press_label_key (window, 'c');
  *claim_b = selected (window);
}

/* What the link layer adds to a frame. GTK repaints all that a cairo node
 * covers whenever it is drawn again, so with no link on screen there must be
 * no node, and with one, a node about the link, not the whole layer. */
static void
count_paint (GdkFrameClock *clock,
             guint         *painted)
{
  (*painted)++;
}

static GskRenderNode *
link_layer_node (CrosscheckWindow *window)
{
  GtkWidget *layer = GTK_WIDGET (window->link_layer);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (layer);
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint painted = 0;
  gulong handler;

  /* A widget paintable shows what the widget drew in its last frame:
   * wait for two frames after the change. */
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (painted < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (painted, >=, 2);

  paintable = gtk_widget_paintable_new (layer);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (layer), gtk_widget_get_height (layer));
  return gtk_snapshot_free_to_node (snapshot);
}

/* Where a span's first line is, in the layer's coordinates. */
static void
span_area (CrosscheckWindow *window,
           guint             column,
           CrosscheckSpan   *span,
           graphene_rect_t  *area)
{
  CrosscheckTextView *view = view_at (window, column);
  GdkRectangle r;
  graphene_point_t origin;

  crosscheck_text_view_get_range_area (view, crosscheck_span_get_start (span), crosscheck_span_get_end (span), &r);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (window->link_layer),
                                           &GRAPHENE_POINT_INIT (r.x, r.y), &origin));
  graphene_rect_init (area, origin.x, origin.y, r.width, r.height);
}

static void
test_link_layer_bounds (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckProject *project = crosscheck_window_get_project (window);
  GtkWidget *layer = GTK_WIDGET (window->link_layer);
  CrosscheckSpan *claim_a, *claim_b;
  GskRenderNode *node;
  graphene_rect_t bounds, area_a, area_b;

  tag_two_claims (window, &claim_a, &claim_b);

  /* Spans selected and tagged, no link: the layer draws nothing. */
  node = link_layer_node (window);
  g_assert_null (node);

  g_assert_nonnull (crosscheck_project_add_link (project, crosscheck_project_lookup_link_type (project, "contradicts"),
                                                 claim_a, claim_b, NULL));
  node = link_layer_node (window);
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  gsk_render_node_unref (node);

  /* The node spans from one claim to the other, and no more than that
   * (plus the width of the line and the arrowhead). */
  span_area (window, 0, claim_a, &area_a);
  span_area (window, 1, claim_b, &area_b);
  g_assert_cmpfloat (bounds.origin.x, <=, area_a.origin.x + area_a.size.width);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >=, area_b.origin.x);
  g_assert_cmpfloat (bounds.size.height, <, 3 * MAX (area_a.size.height, area_b.size.height) +
                     ABS (area_a.origin.y - area_b.origin.y));
  g_assert_cmpfloat (bounds.size.width * bounds.size.height, <,
                     gtk_widget_get_width (layer) * gtk_widget_get_height (layer) / 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text view's layer below the text, drawn for its spans. */
static GskRenderNode *
span_layer_node (CrosscheckTextView *view)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_TEXT_VIEW_GET_CLASS (view)->snapshot_layer (GTK_TEXT_VIEW (view), GTK_TEXT_VIEW_LAYER_BELOW_TEXT, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
same_nodes (GskRenderNode *a,
            GskRenderNode *b)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (a);
  graphene_rect_t bounds_a, bounds_b;

  gsk_render_node_get_bounds (a, &bounds_a);
  gsk_render_node_get_bounds (b, &bounds_b);
  if (type != gsk_render_node_get_node_type (b) || !graphene_rect_equal (&bounds_a, &bounds_b))
    return FALSE;

  switch ((int) type)
    {
    case GSK_CONTAINER_NODE:
      if (gsk_container_node_get_n_children (a) != gsk_container_node_get_n_children (b))
        return FALSE;
      for (guint i = 0; i < gsk_container_node_get_n_children (a); i++)
        if (!same_nodes (gsk_container_node_get_child (a, i), gsk_container_node_get_child (b, i)))
          return FALSE;
      return TRUE;
    case GSK_COLOR_NODE:
      return gdk_rgba_equal (gsk_color_node_get_color (a), gsk_color_node_get_color (b));
    default:
      return a == b;
    }
}

/* GTK finds what to repaint by comparing a container's children with the
 * last frame's in order. The span layer keeps its bands and its bars each
 * as one group per display line, one per line on screen even when empty,
 * so that a span added at the start of the text changes its own line's
 * group only: in one flat list, every later bar would pair with another
 * and all be repainted. */
static guint
n_changed_lines (GskRenderNode *before,
                 GskRenderNode *after,
                 guint          n_lines)
{
  guint n_changed = 0;

  g_assert_cmpint (gsk_render_node_get_node_type (before), ==, GSK_CONTAINER_NODE);
  g_assert_cmpint (gsk_render_node_get_node_type (after), ==, GSK_CONTAINER_NODE);
  g_assert_cmpuint (gsk_container_node_get_n_children (before), ==, n_lines);
  g_assert_cmpuint (gsk_container_node_get_n_children (after), ==, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      GskRenderNode *line = gsk_container_node_get_child (before, i);

      g_assert_cmpint (gsk_render_node_get_node_type (line), ==, GSK_CONTAINER_NODE);
      n_changed += !same_nodes (line, gsk_container_node_get_child (after, i));
    }

  return n_changed;
}

static void
test_span_layer_lines (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckTextView *view = view_at (window, 0);
  GskRenderNode *before, *after, *bars_before, *bars_after;
  guint n_lines;

  select_text (window, 0, "Dumont-Okafor");
  press_label_key (window, 'p');
  select_text (window, 0, "aides said");
  press_label_key (window, 'o');
  before = span_layer_node (view);

  /* Two groups, bands then bars, each with one container per line. */
  g_assert_nonnull (before);
  g_assert_cmpint (gsk_render_node_get_node_type (before), ==, GSK_CONTAINER_NODE);
  g_assert_cmpuint (gsk_container_node_get_n_children (before), ==, 2);
  bars_before = gsk_container_node_get_child (before, 1);
  n_lines = gsk_container_node_get_n_children (bars_before);
  g_assert_cmpuint (n_lines, >=, 2);

  /* An entity before all the others: only the first line's bars change. */
  select_text (window, 0, "President");
  press_label_key (window, 'l');
  after = span_layer_node (view);
  g_assert_cmpint (gsk_render_node_get_node_type (after), ==, GSK_CONTAINER_NODE);
  g_assert_cmpuint (gsk_container_node_get_n_children (after), ==, 2);
  bars_after = gsk_container_node_get_child (after, 1);
  g_assert_cmpuint (n_changed_lines (gsk_container_node_get_child (before, 0),
                                     gsk_container_node_get_child (after, 0), n_lines), ==, 0);
  g_assert_cmpuint (n_changed_lines (bars_before, bars_after, n_lines), ==, 1);
  g_assert_false (same_nodes (gsk_container_node_get_child (bars_before, 0),
                              gsk_container_node_get_child (bars_after, 0)));

  gsk_render_node_unref (before);
  gsk_render_node_unref (after);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_link_by_keyboard (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckProject *project = crosscheck_window_get_project (window);
  CrosscheckSpan *claim_a, *claim_b;
  CrosscheckLink *link;

  tag_two_claims (window, &claim_a, &claim_b);

  /* x starts a contradicts link from the selected span. */
  crosscheck_window_select_span (window, claim_a);
  press_label_key (window, 'x');
  g_assert_true (window->pending_from == claim_a);
  g_assert_cmpstr (crosscheck_label_get_name (window->pending_type), ==, "contradicts");
  g_assert_true (gtk_revealer_get_reveal_child (window->link_bar));

  /* Enter with no other span picked links nothing and says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.inspect", NULL));
  g_assert_cmpuint (n_links (window), ==, 0);
  g_assert_true (window->pending_from == claim_a);

  /* F6 and ] pick the other end; Tab cycles the type and comes back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-column", NULL);
  crosscheck_text_view_scroll_to_offset (view_at (window, 1), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-annotation", NULL);
  g_assert_true (selected (window) == claim_b);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-link-type", NULL));
  g_assert_cmpstr (crosscheck_label_get_name (window->pending_type), ==, "supports");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-link-type", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-link-type", NULL);
  g_assert_cmpstr (crosscheck_label_get_name (window->pending_type), ==, "contradicts");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.inspect", NULL));
  g_assert_cmpuint (n_links (window), ==, 1);
  g_assert_null (window->pending_from);
  g_assert_false (gtk_revealer_get_reveal_child (window->link_bar));
  link = crosscheck_project_lookup_link (project, "l1");
  g_assert_true (crosscheck_link_get_from (link) == claim_a);
  g_assert_true (crosscheck_link_get_to (link) == claim_b);
  g_assert_cmpstr (crosscheck_label_get_name (crosscheck_link_get_link_type (link)), ==, "contradicts");

  /* The same link again is refused, from either end (contradicts is symmetric). */
  press_label_key (window, 'x');
  crosscheck_window_select_span (window, claim_a);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.inspect", NULL);
  g_assert_cmpuint (n_links (window), ==, 1);

  /* Escape gives up; cycling the type then changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL));
  g_assert_null (window->pending_from);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-link-type", NULL);
  g_assert_null (window->pending_from);
  g_assert_null (window->pending_type);

  /* Shift+x starts a directed supports link; undo removes a made link. */
  crosscheck_window_select_span (window, claim_b);
  press_label_key (window, 'X');
  crosscheck_window_select_span (window, claim_a);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.inspect", NULL);
  g_assert_cmpuint (n_links (window), ==, 2);
  g_assert_false (crosscheck_label_get_symmetric (crosscheck_link_get_link_type (crosscheck_project_lookup_link (project, "l2"))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_links (window), ==, 1);

  /* A link being made goes away with the span it starts from. */
  crosscheck_window_select_span (window, claim_b);
  press_label_key (window, 'x');
  g_assert_true (window->pending_from == claim_b);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL);
  g_assert_null (window->pending_from);
  g_assert_false (gtk_revealer_get_reveal_child (window->link_bar));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  /* Without a selected span, a link key explains what to do. */
  crosscheck_window_select_span (window, NULL);
  press_label_key (window, 'x');
  g_assert_null (window->pending_from);

  /* The links panel lists the link, and filters by type and article. */
  {
    GListModel *shown = crosscheck_link_list_get_model (window->link_list);
    GtkWidget *choice;

    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    crosscheck_link_list_set_filter (window->link_list, crosscheck_project_lookup_link_type (project, "supports"), NULL);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
    crosscheck_link_list_set_filter (window->link_list, NULL, crosscheck_project_lookup_document (project, "d2"));
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    crosscheck_link_list_set_filter (window->link_list, NULL, NULL);

    /* Showing a link selects its second end, in its own column, and opens
     * its inspector, whose contradiction_type choice sets the attribute. */
    crosscheck_window_select_span (window, NULL);
    _crosscheck_window_show_link (window, crosscheck_project_lookup_link (project, "l1"));
    spin ();
    g_assert_true (selected (window) == claim_b);
    g_assert_true (crosscheck_window_get_focused_column (window) == crosscheck_window_get_column (window, 1));

    choice = find_attribute_field (GTK_WIDGET (view_at (window, 1)), "contradiction_type");
    g_assert_nonnull (choice);
    g_assert_true (GTK_IS_DROP_DOWN (choice));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), 1);  /* "temporal" */
    g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (link), "contradiction_type"), ==,
                     "temporal");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_null (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (link), "contradiction_type"));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
    g_assert_cmpstr (crosscheck_annotation_get_attribute (CROSSCHECK_ANNOTATION (link), "contradiction_type"), ==,
                     "temporal");
  }

  /* The mouse path: a drag from a span with Ctrl starts a link, and
   * dropping on another span makes it (win.link-to); dropping on the
   * same span is refused and leaves nothing pending. */
  crosscheck_window_select_span (window, claim_b);
  press_label_key (window, 'X');
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.link-to", "s",
                                             crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (claim_a))));
  g_assert_cmpuint (n_links (window), ==, 2);
  g_assert_null (window->pending_from);
  crosscheck_window_select_span (window, claim_b);
  press_label_key (window, 'x');
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link-to", "s",
                              crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (claim_b)));
  g_assert_cmpuint (n_links (window), ==, 2);
  g_assert_null (window->pending_from);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_links (window), ==, 1);

  /* Deleting a span takes its links with it; undo brings both back. */
  crosscheck_window_select_span (window, claim_a);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-annotation", NULL);
  g_assert_cmpuint (n_links (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_links (window), ==, 1);

  destroy_window (window);
}

static void
test_edit_label_shown (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckProject *project = crosscheck_window_get_project (window);
  CrosscheckLabel *person = crosscheck_project_lookup_label (project, "PERSON");
  g_autoptr(CrosscheckLabel) values = crosscheck_label_copy (person);

  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');

  /* Renaming, recolouring and rebinding a label in use, with everything
   * that shows labels on screen, then undoing it. */
  crosscheck_label_set_name (values, "HUMAN");
  crosscheck_label_set_color (values, "#a51d2d");
  crosscheck_label_set_shortcut (values, 'h');
  g_assert_true (crosscheck_project_update_label (project, person, values, NULL));
  spin ();
  press_label_key (window, 'h');
  g_assert_cmpstr (label_of (selected (window)), ==, "HUMAN");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpstr (crosscheck_label_get_name (person), ==, "PERSON");
  g_assert_cmpuint (crosscheck_label_get_shortcut (person), ==, 'p');

  destroy_window (window);
}

static void
test_save (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckProject *project = crosscheck_window_get_project (window);
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrosscheckProject) reloaded = NULL;

  g_assert_true (crosscheck_project_save_to_file (project, file, NULL, NULL));
  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  g_assert_true (crosscheck_project_get_dirty (project));

  /* Save goes to the project's file without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  spin ();
  g_assert_false (crosscheck_project_get_dirty (project));

  reloaded = crosscheck_project_load_from_file (file, NULL, NULL, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpstr (crosscheck_span_get_text (crosscheck_project_lookup_span (reloaded, "s1")), ==, "Aurélie");

  destroy_window (window);
}

/* A project on the command line is read while GTK starts, and the window
 * that opens it takes what was read, once. */
static void
test_read_ahead (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckWindow *opened;
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-ahead-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.crosscheck.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "b.crosscheck.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "c.crosscheck.json", NULL);
  g_autofree char *article = g_build_filename (dir, "d.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *) "crosscheck", (char *) "--verbose", path, broken, missing, article, NULL };
  gboolean found = FALSE;
  guint n_spans;

  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  n_spans = g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (crosscheck_window_get_project (window))));
  g_assert_cmpuint (n_spans, >, 0);
  g_assert_true (crosscheck_project_save_to_file (crosscheck_window_get_project (window), file, NULL, NULL));
  g_assert_true (g_file_set_contents (broken, "{\"format\": ", -1, NULL));
  g_assert_true (g_file_set_contents (article, "An article.\n", -1, NULL));
  destroy_window (window);

  _crosscheck_preload_start (G_N_ELEMENTS (argv) - 1, argv);

  project = _crosscheck_preload_take (file, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_nonnull (project);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))), ==, n_spans);
  g_assert_true (g_file_equal (crosscheck_project_get_file (project), file));

  /* Once only. */
  g_assert_null (_crosscheck_preload_take (file, &found, &error));
  g_assert_false (found);
  g_assert_no_error (error);

  /* A broken file's error comes with it; a missing file and an article
   * were not read ahead. */
  g_assert_null (_crosscheck_preload_take (broken_file, &found, &error));
  g_assert_true (found);
  g_assert_error (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_null (_crosscheck_preload_take (missing_file, &found, &error));
  g_assert_false (found);
  g_assert_null (_crosscheck_preload_take (article_file, &found, &error));
  g_assert_false (found);
  g_assert_no_error (error);

  /* Opening takes what was read ahead: once it is ready, at once, before
   * the window is shown (the application waits for it at launch). */
  _crosscheck_preload_start (2, (char *[]) { (char *) "crosscheck", path, NULL });
  g_assert_false (_crosscheck_preload_wait (&missing_file, 1, 0));
  _crosscheck_preload_start (2, (char *[]) { (char *) "crosscheck", broken, NULL });
  g_assert_false (_crosscheck_preload_wait (&broken_file, 1, 10000));
  g_assert_null (_crosscheck_preload_take (broken_file, &found, &error));
  g_assert_true (found);
  g_clear_error (&error);
  g_assert_true (_crosscheck_preload_wait (&file, 1, 10000));
  opened = crosscheck_window_new (NULL);
  crosscheck_window_open_files (opened, &file, 1);
  g_assert_nonnull (crosscheck_project_get_file (crosscheck_window_get_project (opened)));
  g_assert_true (g_file_equal (crosscheck_project_get_file (crosscheck_window_get_project (opened)), file));
  gtk_window_present (GTK_WINDOW (opened));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (crosscheck_window_get_project (opened)))),
                    ==, n_spans);
  g_assert_null (_crosscheck_preload_take (file, &found, NULL));
  g_assert_false (found);
  destroy_window (opened);

  g_unlink (path);
  g_unlink (broken);
  g_unlink (article);
  g_rmdir (dir);
}

static gpointer
write_fifo (gpointer data)
{
  const char *path = data;
  g_autofree char *sample = g_build_filename (g_getenv ("CROSSCHECK_SAMPLES_DIR"), "sample.crosscheck.json", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  FILE *pipe;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  /* Blocks until the open job opens the pipe to read it. */
  pipe = fopen (path, "w");
  g_assert_nonnull (pipe);
  g_assert_cmpuint (fwrite (contents, 1, length, pipe), ==, length);
  g_assert_cmpint (fclose (pipe), ==, 0);

  return NULL;
}

/* An open that takes long says so: the window shows what it is opening
 * with a spinner, then the project. A pipe delivers the file late. */
static void
test_loading_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-loading-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "slow.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CrosscheckWindow *window = crosscheck_window_new (NULL);
  GThread *writer;
  gint64 deadline;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");

  crosscheck_window_open_files (window, &file, 1);
  /* Not at once: a quick open shows no flash of it. */
  spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!g_str_equal (gtk_stack_get_visible_child_name (window->main_stack), "loading") &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  g_assert_cmpstr (adw_status_page_get_description (window->loading_page), ==, "slow.crosscheck.json");
  g_assert_true (gtk_spinner_get_spinning (window->loading_spinner));

  writer = g_thread_new ("fifo-writer", write_fifo, path);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_str_equal (gtk_stack_get_visible_child_name (window->main_stack), "columns") &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_thread_join (writer);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "columns");
  g_assert_false (gtk_spinner_get_spinning (window->loading_spinner));
  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 4);

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static guint
n_recovery_entries (void)
{
  g_autoptr(CrosscheckRecovery) recovery = crosscheck_recovery_new (NULL);
  g_autoptr(GPtrArray) entries = crosscheck_recovery_list (recovery);

  return entries->len;
}

static void
wait_for (guint (*count) (void),
          guint  expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (count () != expected && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (20000);
}

static void
test_autosave (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CrosscheckWindow *window;
  CrosscheckProject *project;
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-autosave-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_settings_set_uint (settings, "autosave-interval", 1);
  window = make_window ();
  project = crosscheck_window_get_project (window);
  g_assert_cmpuint (n_recovery_entries (), ==, 0);

  /* A change is copied after the interval… */
  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  wait_for (n_recovery_entries, 1);
  g_assert_cmpuint (n_recovery_entries (), ==, 1);

  /* …and the copy goes once the work is saved. */
  g_assert_true (crosscheck_project_save_to_file (project, file, NULL, NULL));
  g_assert_cmpuint (n_recovery_entries (), ==, 0);

  /* Unsaved again, then closed on purpose (discarded): no copy remains. */
  press_label_key (window, 'o');
  crosscheck_window_autosave_now (window);
  wait_for (n_recovery_entries, 1);
  g_assert_cmpuint (n_recovery_entries (), ==, 1);
  window->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_cmpuint (n_recovery_entries (), ==, 0);

  g_settings_set_uint (settings, "autosave-interval", 10);
}

/* A file for the hostile-files test, with an old modification time so that
 * any write to it would show. */
static GFile *
hostile_file (const char *dir,
              const char *name,
              const char *contents,
              gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);

  return g_file_new_for_path (path);
}

static gboolean
untouched (GFile      *file,
           const char *contents,
           gsize       length)
{
  g_autofree char *now = NULL;
  gsize now_length = 0;
  GStatBuf st;

  return g_file_get_contents (g_file_peek_path (file), &now, &now_length, NULL) &&
         now_length == length && memcmp (now, contents, length) == 0 &&
         g_stat (g_file_peek_path (file), &st) == 0 && st.st_mtime == 1000000000;
}

static void
test_hostile_files (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckProject *project = crosscheck_window_get_project (window);
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-hostile-XXXXXX", NULL);
  g_autofree char *huge_path = g_build_filename (dir, "huge.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  static const char binary[] = "ELF\0\0\1\2 binary";
  static const char truncated[] = "{\"format\": \"crosscheck-project\", \"version\": 1, \"labels\": [";
  static const char newer[] = "{\"format\": \"crosscheck-project\", \"version\": 2}";
  GFile *files[7];
  AdwMessageDialog *dialog;
  const char *body;
  int fd;

  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  {
    g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);

    before = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  files[0] = hostile_file (dir, "binary.txt", binary, sizeof binary - 1);
  files[1] = hostile_file (dir, "empty.txt", "", 0);
  files[2] = hostile_file (dir, "truncated.crosscheck.json", truncated, -1);
  files[3] = hostile_file (dir, "deep.crosscheck.json", deep->str, deep->len);
  files[4] = hostile_file (dir, "newer.crosscheck.json", newer, -1);
  /* 100 MiB, over the documented limit of 64 MiB; sparse, so it costs no disk. */
  fd = g_open (huge_path, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_cmpint (g_utime (huge_path, &(struct utimbuf) { 1000000000, 1000000000 }), ==, 0);
  files[5] = g_file_new_for_path (huge_path);
  /* The first article again: the project holds each article once. */
  files[6] = hostile_file (dir, "again.txt", TEXT_A, -1);

  crosscheck_window_open_files (window, files, G_N_ELEMENTS (files));
  dialog = wait_for_dialog ();

  /* One message names every file and says what is wrong with it. */
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open 7 Files");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "binary.txt: The file contains NUL bytes, so it is a binary file, not plain text."));
  g_assert_nonnull (strstr (body, "empty.txt: The file is empty."));
  g_assert_nonnull (strstr (body, "truncated.crosscheck.json: line 1, column "));
  g_assert_nonnull (strstr (body, "deep.crosscheck.json: line 1: the JSON is nested more than 64 levels deep"));
  g_assert_nonnull (strstr (body, "newer.crosscheck.json: version: the file is format version 2, made by a newer "
                                  "Crosscheck"));
  /* Sizes come with a no-break space before the unit. */
  g_assert_nonnull (strstr (body, "huge.txt: The file is 100.0\xc2\xa0MiB, over Crosscheck’s limit of "
                                  "64.0\xc2\xa0MiB for one article. Split it"));
  g_assert_nonnull (strstr (body, "again.txt: “President Aurélie Dumont-Okafor will visit  as soon as next week, "
                                  "aides said.” is already in the project as “President Aurélie"));
  g_assert_true (g_str_has_suffix (body, "Nothing else was changed."));
  respond (dialog, "close");
  spin ();

  /* Nothing changed: not the work in the window, not the files. */
  {
    g_autoptr(GBytes) bytes = crosscheck_project_serialize (project);

    after = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 2);
  g_assert_true (crosscheck_project_get_dirty (project));
  g_assert_true (untouched (files[0], binary, sizeof binary - 1));
  g_assert_true (untouched (files[1], "", 0));
  g_assert_true (untouched (files[2], truncated, strlen (truncated)));
  g_assert_true (untouched (files[3], deep->str, deep->len));
  g_assert_true (untouched (files[4], newer, strlen (newer)));
  g_assert_true (untouched (files[6], TEXT_A, strlen (TEXT_A)));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (huge_path, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 100 * 1024 * 1024);
    g_assert_cmpint (st.st_mtime, ==, 1000000000);
  }

  /* And the window goes on working: tag, undo. */
  select_text (window, 1, "April");
  press_label_key (window, 'd');
  g_assert_cmpuint (n_spans (window), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (n_spans (window), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_file_delete (files[i], NULL, NULL);
      g_object_unref (files[i]);
    }
  g_rmdir (dir);
  window->closing_confirmed = TRUE;
  destroy_window (window);
}

/* The label of the first button under @widget whose label mentions review. */
static const char *
find_review_label (GtkWidget *widget)
{
  const char *label;

  if (GTK_IS_BUTTON (widget) && (label = gtk_button_get_label (GTK_BUTTON (widget))) != NULL &&
      strstr (label, "Review") != NULL)
    return label;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((label = find_review_label (child)) != NULL)
      return label;

  return NULL;
}

/* The label of the annotation list's "N Need Review" button. */
static const char *
review_button_label (CrosscheckWindow *window)
{
  const char *label = find_review_label (GTK_WIDGET (window->annotation_list));

  g_assert_nonnull (label);
  return label;
}

/* A span flagged by re-anchoring is found with the list's review filter,
 * and leaves it when marked as reviewed (undoably). */
static void
test_review_filter (void)
{
  CrosscheckWindow *window = make_window ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) contents = NULL;
  g_autoptr(CrosscheckProject) changed = NULL;
  GListModel *shown;
  CrosscheckSpan *span;

  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  select_text (window, 1, "April");
  press_label_key (window, 'd');
  bytes = crosscheck_project_serialize (crosscheck_window_get_project (window));
  contents = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* The name was respelled in the article after it was tagged. */
  g_assert_cmpuint (g_string_replace (contents, "\"text\": \"President Aurélie Dumont",
                                      "\"text\": \"President Aurelie Dumont", 1), ==, 1);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (contents->str, contents->len);
  changed = crosscheck_project_reanchor_from_bytes (bytes, NULL, NULL, NULL);
  g_assert_nonnull (changed);
  crosscheck_window_set_project (window, changed);
  spin ();

  shown = crosscheck_annotation_list_get_model (window->annotation_list);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_nonnull (crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (crosscheck_project_lookup_span (changed, "s1"))));
  crosscheck_annotation_list_set_review_filter (window->annotation_list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  span = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span)), ==, "s1");

  g_assert_cmpstr (review_button_label (window), ==, "1 Needs Review");

  g_assert_true (crosscheck_project_mark_reviewed (changed, CROSSCHECK_ANNOTATION (span), NULL));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (review_button_label (window), ==, "0 Need Review");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (review_button_label (window), ==, "1 Needs Review");

  /* The count follows the span out of the project and back. */
  g_assert_true (crosscheck_project_remove_span (changed, span, NULL));
  spin ();
  g_assert_cmpstr (review_button_label (window), ==, "0 Need Review");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin ();
  g_assert_cmpstr (review_button_label (window), ==, "1 Needs Review");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_object_unref (span);

  window->closing_confirmed = TRUE;
  destroy_window (window);
}

static CrosscheckWindow *import_window;

static guint
n_import_columns (void)
{
  return crosscheck_window_get_n_columns (import_window);
}

static guint
n_dialogs (void)
{
  return find_dialog () != NULL;
}

/* Import brat Folder…: a bad line is shown with its FILE:LINE message and
 * an offer to leave bad lines out, which imports the rest into this empty
 * window as an unsaved project and lists what was left out. */
static void
test_import_brat (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-brat-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "doc.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "doc.ann", NULL);
  g_autofree char *expected = g_strdup_printf ("%s/doc.ann:2: the text “Bobby” does not match "
                                               "the .txt at 11 14, which is “Bob”", dir);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  CrosscheckWindow *window = crosscheck_window_new (NULL);
  CrosscheckProject *project;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (txt, "Acme hired Bob in Oslo.\n", -1, NULL));
  g_assert_true (g_file_set_contents (ann, "T1\tOrg 0 4\tAcme\nT2\tPerson 11 14\tBobby\n"
                                           "T3\tGPE 18 22\tOslo\nR1\tIn Arg1:T1 Arg2:T3\n", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  import_window = window;

  _crosscheck_window_import_brat (window, folder);
  wait_for (n_dialogs, 1);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the brat Folder");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), expected));
  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 0);

  respond (dialog, "skip");
  wait_for (n_import_columns, 1);
  g_assert_cmpuint (crosscheck_window_get_n_columns (window), ==, 1);
  project = crosscheck_window_get_project (window);
  g_assert_cmpuint (n_spans (window), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (crosscheck_project_get_links (project)), ==, 1);
  g_assert_true (crosscheck_project_get_dirty (project));
  g_assert_null (crosscheck_project_get_file (project));

  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Imported with 1 Warning");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), expected));
  respond (dialog, "close");
  spin ();

  window->closing_confirmed = TRUE;
  destroy_window (window);
  g_remove (txt);
  g_remove (ann);
  g_rmdir (dir);
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);

  return dialog;
}

/* Another program edits an article's text in the open project's file: on
 * Reload, the window offers to re-anchor, and does it in place. */
static void
test_reload_reanchors (void)
{
  CrosscheckWindow *window = make_window ();
  CrosscheckProject *project = crosscheck_window_get_project (window);
  g_autofree char *dir = g_dir_make_tmp ("crosscheck-reload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.crosscheck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  AdwMessageDialog *dialog;
  CrosscheckProject *now;

  select_text (window, 0, "Aurélie");
  press_label_key (window, 'p');
  g_assert_true (crosscheck_project_save_to_file (project, file, NULL, NULL));
  _crosscheck_window_watch_file (window);
  spin ();

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "\"text\": \"President Aurélie Dumont",
                                      "\"text\": \"Update: President Aurélie Dumont", 1), ==, 1);
  g_usleep (20000);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));

  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Project Changed on Disk");
  respond (dialog, "reload");
  spin ();

  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Articles Changed Since They Were Annotated");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 span moved to its quoted text"));
  respond (dialog, "reanchor");
  spin ();

  /* In this window, with the span moved by the 8 code points of "Update: ". */
  now = crosscheck_window_get_project (window);
  g_assert_true (now != project);
  g_assert_cmpuint (crosscheck_span_get_start (crosscheck_project_lookup_span (now, "s1")), ==, 18);
  g_assert_true (crosscheck_project_get_dirty (now));

  window->closing_confirmed = TRUE;
  destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("crosscheck-test-window-XXXXXX", NULL);
  static const char * const variables[] = {
    "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };

  /* One private home for the whole run rather than one per test:
   * GtkRecentManager, a singleton, keeps writing where it was created. */
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (home, variables[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (variables[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/window/columns", test_columns);
  g_test_add_func ("/ui/window/read-ahead", test_read_ahead);
  g_test_add_func ("/ui/window/loading-page", test_loading_page);
  g_test_add_func ("/ui/window/tag-trims-and-snaps", test_tag_trims_and_snaps);
  g_test_add_func ("/ui/window/tag-by-place", test_tag_by_place);
  g_test_add_func ("/ui/window/tag-at-caret", test_tag_at_caret);
  g_test_add_func ("/ui/window/relabel-delete-undo", test_relabel_delete_undo);
  g_test_add_func ("/ui/window/navigation", test_navigation);
  g_test_add_func ("/ui/window/find-selects-match", test_find_selects_match);
  g_test_add_func ("/ui/window/annotation-list", test_annotation_list);
  g_test_add_func ("/ui/window/close-document", test_close_document);
  g_test_add_func ("/ui/window/close-confirmation", test_close_confirmation);
  g_test_add_func ("/ui/window/save", test_save);
  g_test_add_func ("/ui/window/link-by-keyboard", test_link_by_keyboard);
  g_test_add_func ("/ui/window/link-layer-bounds", test_link_layer_bounds);
  g_test_add_func ("/ui/window/span-layer-lines", test_span_layer_lines);
  g_test_add_func ("/ui/window/autosave", test_autosave);
  g_test_add_func ("/ui/window/edit-label-shown", test_edit_label_shown);
  g_test_add_func ("/ui/window/hostile-files", test_hostile_files);
  g_test_add_func ("/ui/window/review-filter", test_review_filter);
  g_test_add_func ("/ui/window/reload-reanchors", test_reload_reanchors);
  g_test_add_func ("/ui/window/import-brat", test_import_brat);

  return g_test_run ();
}
