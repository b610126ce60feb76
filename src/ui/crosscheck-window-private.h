/* crosscheck-window-private.h
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crosscheck-annotation-list.h"
#include "crosscheck-label-palette.h"
#include "crosscheck-link-layer.h"
#include "crosscheck-link-list.h"
#include "crosscheck-recovery.h"
#include "crosscheck-window.h"

G_BEGIN_DECLS

struct _CrosscheckWindow
{
  AdwApplicationWindow      parent_instance;

  /* template widgets */
  AdwToastOverlay          *toast_overlay;
  AdwWindowTitle           *window_title;
  GtkStack                 *main_stack;
  AdwFlap                  *flap;
  GtkScrolledWindow        *columns_scroller;
  GtkBox                   *columns_box;
  AdwViewStack             *sidebar_stack;
  GtkSearchBar             *search_bar;
  GtkSearchEntry           *search_entry;
  GtkCheckButton           *search_all_check;
  GtkLabel                 *search_status;
  GtkListBox               *recent_list;
  GtkButton                *save_button;
  GtkWidget                *find_button;
  GtkWidget                *sidebar_button;
  GtkWidget                *recent_heading;
  GtkOverlay               *columns_overlay;
  AdwStatusPage            *loading_page;
  GtkSpinner               *loading_spinner;
  GtkRevealer              *link_bar;
  GtkLabel                 *link_bar_label;

  /* owned */
  CrosscheckProject        *project;
  GSettings                *settings;
  GCancellable             *cancellable;
  GtkWindow                *shortcuts;     /* built when first shown */
  guint                     n_opening;       /* open jobs running */
  guint                     loading_id;      /* shows the loading page if they take long */
  GPtrArray                *columns;         /* CrosscheckColumn, in display order */
  CrosscheckRecovery       *recovery;
  char                     *recovery_id;     /* this window's autosave entry, once written */
  GFileMonitor             *monitor;         /* the project's file */
  char                     *known_stamp;     /* its modification time and size as we left it */

  /* borrowed */
  CrosscheckLabelPalette   *palette;
  CrosscheckAnnotationList *annotation_list;
  CrosscheckLinkList       *link_list;
  CrosscheckColumn         *focused_column;
  CrosscheckSpan           *selected;        /* held by its text view */
  CrosscheckSpan           *hovered;         /* held by its text view */
  CrosscheckLinkLayer      *link_layer;

  /* owned: a link being made, from a span, of a type, to the selected span */
  CrosscheckSpan           *pending_from;
  CrosscheckLabel          *pending_type;

  guint                     autosave_source;
  guint                     title_source;    /* a title update queued for the next idle */
  guint                     closing_confirmed : 1;
};

void              _crosscheck_window_class_actions_init (GtkWidgetClass    *widget_class);
void              _crosscheck_window_update_actions     (CrosscheckWindow  *self);
void              _crosscheck_window_show_error         (CrosscheckWindow  *self,
                                                         const char        *heading,
                                                         const char        *body);
void              _crosscheck_window_toast              (CrosscheckWindow  *self,
                                                         const char        *message);
void              _crosscheck_window_save               (CrosscheckWindow  *self,
                                                         gboolean           choose_file,
                                                         gboolean           close_after);
void              _crosscheck_window_focus_column       (CrosscheckWindow  *self,
                                                         CrosscheckColumn  *column);
CrosscheckColumn *_crosscheck_window_find_column        (CrosscheckWindow  *self,
                                                         CrosscheckDocument *document);
void              _crosscheck_window_find               (CrosscheckWindow  *self,
                                                         gboolean           backwards);
GFile            *_crosscheck_window_samples_dir        (void);
void              _crosscheck_window_start_link         (CrosscheckWindow  *self,
                                                         CrosscheckLabel   *type);
void              _crosscheck_window_cancel_link        (CrosscheckWindow  *self);
gboolean          _crosscheck_window_finish_link        (CrosscheckWindow  *self);
void              _crosscheck_window_update_link_layer  (CrosscheckWindow  *self);
void              _crosscheck_window_show_link          (CrosscheckWindow  *self,
                                                         CrosscheckLink    *link);
void              _crosscheck_window_watch_file         (CrosscheckWindow  *self);
gboolean          _crosscheck_window_file_changed       (CrosscheckWindow  *self);
void              _crosscheck_window_import_brat        (CrosscheckWindow  *self,
                                                         GFile             *folder);

G_END_DECLS
