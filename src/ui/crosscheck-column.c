/* crosscheck-column.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "crosscheck-column.h"
#include "crosscheck-document.h"
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"

/* One article: its title, source and date above its text. The column's
 * menu asks the window to move or close it; the window decides. */

struct _CrosscheckColumn
{
  GtkBox              parent_instance;

  /* template widgets */
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkMenuButton      *menu_button;
  GtkScrolledWindow  *scroller;

  /* owned */
  CrosscheckProject  *project;
  CrosscheckDocument *document;

  /* borrowed */
  CrosscheckTextView *text_view;

  guint               header_source;
};

G_DEFINE_FINAL_TYPE (CrosscheckColumn, crosscheck_column, GTK_TYPE_BOX)

enum {
  CLOSE_REQUESTED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_header (CrosscheckColumn *self)
{
  const char *published = crosscheck_document_get_published (self->document);
  const char *source = crosscheck_document_get_source (self->document);
  guint n = crosscheck_span_list_get_document_count (crosscheck_project_get_spans (self->project),
                                                      self->document);
  g_autoptr(GString) subtitle = g_string_new (crosscheck_document_get_id (self->document));
  g_autofree char *spans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", n), n);

  gtk_label_set_label (self->title_label, crosscheck_document_get_title (self->document));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), crosscheck_document_get_title (self->document));

  /* The file name, the longest part, comes last so that it is what gets cut. */
  if (published != NULL)
    g_string_append_printf (subtitle, " · %s", published);
  g_string_append_printf (subtitle, " · %s", spans);
  if (*source != '\0')
    g_string_append_printf (subtitle, " · %s", source);
  gtk_label_set_label (self->subtitle_label, subtitle->str);
}

static gboolean
update_header_idle (gpointer data)
{
  CrosscheckColumn *self = data;

  self->header_source = 0;
  update_header (self);

  return G_SOURCE_REMOVE;
}

static void
on_span_changed (CrosscheckColumn *self,
                 CrosscheckSpan   *span,
                 CrosscheckChange  change)
{
  /* The count follows in the frame after the one that shows the new
   * highlight: at an idle priority below GTK's redraw, so that the
   * key's frame repaints only the text it changed, not the header too. */
  if (change != CROSSCHECK_CHANGE_MODIFIED && crosscheck_span_get_document (span) == self->document
      && self->header_source == 0)
    self->header_source = g_idle_add (update_header_idle, self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE_REQUESTED], 0, g_str_equal (action_name, "column.move-left") ? -1 : 1);
}

static void
crosscheck_column_dispose (GObject *object)
{
  CrosscheckColumn *self = (CrosscheckColumn *)object;

  g_clear_handle_id (&self->header_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CROSSCHECK_TYPE_COLUMN);
  g_clear_object (&self->document);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (crosscheck_column_parent_class)->dispose (object);
}

static void
crosscheck_column_class_init (CrosscheckColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crosscheck_column_dispose;

  /**
   * CrosscheckColumn::close-requested:
   *
   * The editor asked to close this article.
   */
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CrosscheckColumn::move-requested:
   * @delta: -1 to move left, 1 to move right
   *
   * The editor asked to move this article among the others.
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/crosscheck/Crosscheck/crosscheck-column.ui");
  gtk_widget_class_bind_template_child (widget_class, CrosscheckColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckColumn, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckColumn, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrosscheckColumn, scroller);

  gtk_widget_class_install_action (widget_class, "column.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "column.move-left", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.move-right", NULL, move_action);
}

static void
crosscheck_column_init (CrosscheckColumn *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crosscheck_column_new:
 * @project: the project
 * @document: one of its documents
 *
 * Returns: (transfer floating): a new column showing @document
 */
CrosscheckColumn *
crosscheck_column_new (CrosscheckProject  *project,
                       CrosscheckDocument *document)
{
  CrosscheckColumn *self = g_object_new (CROSSCHECK_TYPE_COLUMN, NULL);
  g_autofree char *name = NULL;

  self->project = g_object_ref (project);
  self->document = g_object_ref (document);
  self->text_view = CROSSCHECK_TEXT_VIEW (crosscheck_text_view_new (project, document));
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->text_view));

  name = g_strdup_printf (_("Article %s: %s"), crosscheck_document_get_id (document),
                          crosscheck_document_get_title (document));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  update_header (self);
  g_signal_connect_object (document, "notify", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "span-changed", G_CALLBACK (on_span_changed), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * crosscheck_column_get_document:
 * @self: a #CrosscheckColumn
 *
 * Returns: (transfer none): the article shown
 */
CrosscheckDocument *
crosscheck_column_get_document (CrosscheckColumn *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_COLUMN (self), NULL);

  return self->document;
}

/**
 * crosscheck_column_get_text_view:
 * @self: a #CrosscheckColumn
 *
 * Returns: (transfer none): the column's text
 */
CrosscheckTextView *
crosscheck_column_get_text_view (CrosscheckColumn *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_COLUMN (self), NULL);

  return self->text_view;
}
