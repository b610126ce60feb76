/* crosscheck-text-view.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crosscheck-annotation.h"
#include "crosscheck-document.h"
#include "crosscheck-label.h"
#include "crosscheck-preload.h"
#include "crosscheck-project.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span.h"
#include "crosscheck-text-view.h"

/* One article's text, read-only with a caret, and its spans drawn straight
 * from the project's interval index for the visible lines only: no text
 * tags and no widget per span, so 50,000 spans cost no more than 50.
 * Claims are a translucent band behind the text; entities are coloured
 * bars under it, stacked when they overlap, so nesting stays visible. The
 * text view never changes the project itself: keys and clicks become window
 * actions and a selected-span property. */

#define UNDERLINE_HEIGHT 2.5
#define UNDERLINE_GAP    1.5
#define MAX_STACK        4

struct _CrosscheckTextView
{
  GtkTextView         parent_instance;

  /* owned */
  CrosscheckProject  *project;
  CrosscheckDocument *document;
  CrosscheckSpan     *selected;
  CrosscheckSpan     *hovered;

  guint               link_dragging : 1;
};

G_DEFINE_FINAL_TYPE (CrosscheckTextView, crosscheck_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT,
  PROP_SELECTED_SPAN,
  PROP_HOVER_SPAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
parse_color (CrosscheckLabel *label,
             float            alpha,
             GdkRGBA         *rgba)
{
  if (!gdk_rgba_parse (rgba, crosscheck_label_get_color (label)))
    return FALSE;

  rgba->alpha = alpha;
  return TRUE;
}

static void
iter_at_offset (CrosscheckTextView *self,
                GtkTextIter        *iter,
                guint               offset)
{
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), iter, offset);
}

typedef void (*RectFunc) (CrosscheckTextView    *self,
                          const graphene_rect_t *rect,
                          gpointer               data);

/* Calls @func with one rectangle per display line that [start, end) covers,
 * in buffer coordinates. */
static void
foreach_line_rect (CrosscheckTextView *self,
                   guint               start,
                   guint               end,
                   RectFunc            func,
                   gpointer            data)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter, stop;

  iter_at_offset (self, &iter, start);
  iter_at_offset (self, &stop, end);

  while (gtk_text_iter_compare (&iter, &stop) < 0)
    {
      GtkTextIter line_end = iter;
      GdkRectangle a, b;
      graphene_rect_t rect;
      int line_y, line_height;

      if (!gtk_text_view_forward_display_line_end (view, &line_end) ||
          gtk_text_iter_compare (&line_end, &stop) > 0)
        line_end = stop;

      gtk_text_view_get_iter_location (view, &iter, &a);
      gtk_text_view_get_iter_location (view, &line_end, &b);
      gtk_text_view_get_line_yrange (view, &iter, &line_y, &line_height);

      /* A span ending at a line break ends where the line's text ends. */
      if (b.y > a.y)
        b.x = gtk_widget_get_width (GTK_WIDGET (self));

      graphene_rect_init (&rect, a.x, a.y, MAX (b.x - a.x, 3), a.height);
      func (self, &rect, data);

      if (gtk_text_iter_equal (&line_end, &stop))
        break;
      iter = line_end;
      if (!gtk_text_view_forward_display_line (view, &iter))
        break;
    }
}

/* The nodes of the layer below the text: the claims' bands, then the
 * entities' bars over them, each kept as one group per display line on
 * screen. From one frame to the next, GSK compares a container's children
 * in order and by kind only: in one flat list, a span added mid-screen
 * would pair every later bar with its neighbour's and repaint everything
 * below it. With a container per line, always there even when empty, a
 * key repaints the line it changed, which keeps the key's frame short. */
enum { BANDS, BARS, N_GROUPS };

typedef struct
{
  GArray     *tops;              /* int: each line's top, ascending */
  guint       n_lines;           /* at least one */
  GPtrArray **nodes[N_GROUPS];   /* per group and line, its GskRenderNodes */
} LineNodes;

static void
line_nodes_init (CrosscheckTextView *self,
                 LineNodes          *lines,
                 guint               start,
                 guint               end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;

  lines->tops = g_array_new (FALSE, FALSE, sizeof (int));
  iter_at_offset (self, &iter, start);
  while ((guint) gtk_text_iter_get_offset (&iter) < end)
    {
      GdkRectangle location;

      gtk_text_view_get_iter_location (view, &iter, &location);
      if (lines->tops->len == 0 || location.y > g_array_index (lines->tops, int, lines->tops->len - 1))
        g_array_append_val (lines->tops, location.y);
      if (!gtk_text_view_forward_display_line (view, &iter))
        break;
    }

  lines->n_lines = MAX (lines->tops->len, 1);
  for (guint g = 0; g < N_GROUPS; g++)
    {
      lines->nodes[g] = g_new (GPtrArray *, lines->n_lines);
      for (guint i = 0; i < lines->n_lines; i++)
        lines->nodes[g][i] = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
    }
}

/* Adds @node to @group, in the line whose top is the last at or above
 * @line_top. */
static void
line_nodes_add (LineNodes     *lines,
                guint          group,
                float          line_top,
                GskRenderNode *node)
{
  guint lo = 0, hi = lines->tops->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (lines->tops, int, mid) <= line_top)
        lo = mid;
      else
        hi = mid;
    }
  g_ptr_array_add (lines->nodes[group][lo], node);
}

/* Appends the groups to @snapshot, each a container of one container per
 * line, and frees @lines. */
static void
line_nodes_finish (LineNodes   *lines,
                   GtkSnapshot *snapshot)
{
  for (guint g = 0; g < N_GROUPS; g++)
    {
      g_autofree GskRenderNode **per_line = g_new (GskRenderNode *, lines->n_lines);
      GskRenderNode *group;

      for (guint i = 0; i < lines->n_lines; i++)
        {
          per_line[i] = gsk_container_node_new ((GskRenderNode **) lines->nodes[g][i]->pdata,
                                                lines->nodes[g][i]->len);
          g_ptr_array_unref (lines->nodes[g][i]);
        }
      group = gsk_container_node_new (per_line, lines->n_lines);
      gtk_snapshot_append_node (snapshot, group);
      gsk_render_node_unref (group);
      for (guint i = 0; i < lines->n_lines; i++)
        gsk_render_node_unref (per_line[i]);
      g_free (lines->nodes[g]);
    }
  g_array_unref (lines->tops);
}

typedef struct
{
  GtkSnapshot *snapshot;
  LineNodes   *lines;
  GdkRGBA      color;
  guint        depth;
} DrawData;

static void
draw_band (CrosscheckTextView    *self,
           const graphene_rect_t *rect,
           gpointer               data)
{
  DrawData *draw = data;

  line_nodes_add (draw->lines, BANDS, rect->origin.y, gsk_color_node_new (&draw->color, rect));
}

static void
draw_underline (CrosscheckTextView    *self,
                const graphene_rect_t *rect,
                gpointer               data)
{
  DrawData *draw = data;
  graphene_rect_t bar;

  graphene_rect_init (&bar, rect->origin.x,
                      rect->origin.y + rect->size.height + UNDERLINE_GAP
                      + draw->depth * (UNDERLINE_HEIGHT + UNDERLINE_GAP),
                      rect->size.width, UNDERLINE_HEIGHT);
  line_nodes_add (draw->lines, BARS, rect->origin.y, gsk_color_node_new (&draw->color, &bar));
}

static void
draw_outline (CrosscheckTextView    *self,
              const graphene_rect_t *rect,
              gpointer               data)
{
  DrawData *draw = data;
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4] = { draw->color, draw->color, draw->color, draw->color };
  graphene_rect_t grown;

  graphene_rect_inset_r (rect, -4, -1, &grown);
  gsk_rounded_rect_init_from_rect (&outline, &grown, 3);
  gtk_snapshot_append_border (draw->snapshot, &outline, widths, colors);
}

/* A span that needs review (its article's text changed under it): a
 * dashed frame, so that it shows whatever its label draws. */
static void
draw_review_frame (CrosscheckTextView    *self,
                   const graphene_rect_t *rect,
                   gpointer               data)
{
  DrawData *draw = data;
  graphene_rect_t grown;
  cairo_t *cr;
  static const double dashes[] = { 4, 3 };

  graphene_rect_inset_r (rect, -2, 0, &grown);
  cr = gtk_snapshot_append_cairo (draw->snapshot, &grown);
  gdk_cairo_set_source_rgba (cr, &draw->color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (cr, grown.origin.x + 0.75, grown.origin.y + 0.75,
                   grown.size.width - 1.5, grown.size.height - 1.5);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

typedef struct
{
  GPtrArray *spans;
} Collect;

static gboolean
collect_span (CrosscheckSpan *span,
              gpointer        user_data)
{
  g_ptr_array_add (user_data, span);
  return TRUE;
}

static void
visible_offsets (CrosscheckTextView *self,
                 guint              *start,
                 guint              *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter top, bottom;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &top, visible.y, NULL);
  gtk_text_view_get_line_at_y (view, &bottom, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&bottom);

  *start = gtk_text_iter_get_offset (&top);
  *end = gtk_text_iter_get_offset (&bottom) + 1;
}

static GPtrArray *
spans_between (CrosscheckTextView *self,
               guint               start,
               guint               end)
{
  GPtrArray *spans = g_ptr_array_new ();

  crosscheck_span_list_foreach_overlapping (crosscheck_project_get_spans (self->project),
                                            self->document, start, end, collect_span, spans);
  return spans;
}

/**
 * crosscheck_text_view_get_visible_spans:
 * @self: a #CrosscheckTextView
 *
 * The spans that overlap the lines on screen, from the interval index.
 *
 * Returns: (transfer container) (element-type CrosscheckSpan): the spans,
 *   borrowed from the project, in order
 */
GPtrArray *
crosscheck_text_view_get_visible_spans (CrosscheckTextView *self)
{
  guint start, end;

  g_return_val_if_fail (CROSSCHECK_IS_TEXT_VIEW (self), g_ptr_array_new ());

  if (self->project == NULL || self->document == NULL)
    return g_ptr_array_new ();

  visible_offsets (self, &start, &end);
  return spans_between (self, start, end);
}

static void
crosscheck_text_view_snapshot_layer (GtkTextView      *view,
                                     GtkTextViewLayer  layer,
                                     GtkSnapshot      *snapshot)
{
  CrosscheckTextView *self = CROSSCHECK_TEXT_VIEW (view);
  g_autoptr(GPtrArray) spans = NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  LineNodes lines;
  guint start, end;

  if (self->project == NULL || self->document == NULL)
    return;

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    {
      DrawData draw = { snapshot };

      spans = crosscheck_text_view_get_visible_spans (self);
      /* Adwaita's orange: distinct from every default label colour. */
      gdk_rgba_parse (&draw.color, dark ? "#ffa348" : "#e66100");
      for (guint i = 0; i < spans->len; i++)
        {
          CrosscheckSpan *span = g_ptr_array_index (spans, i);

          if (crosscheck_annotation_get_review (CROSSCHECK_ANNOTATION (span)) != NULL)
            foreach_line_rect (self, crosscheck_span_get_start (span), crosscheck_span_get_end (span),
                               draw_review_frame, &draw);
        }

      if (self->selected == NULL)
        return;
      parse_color (crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (self->selected)), 1, &draw.color);
      foreach_line_rect (self, crosscheck_span_get_start (self->selected),
                         crosscheck_span_get_end (self->selected), draw_outline, &draw);
      return;
    }

  visible_offsets (self, &start, &end);
  spans = spans_between (self, start, end);
  line_nodes_init (self, &lines, start, end);

  /* Claims first, as bands behind everything. */
  for (guint i = 0; i < spans->len; i++)
    {
      CrosscheckSpan *span = g_ptr_array_index (spans, i);
      CrosscheckLabel *label = crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span));
      DrawData draw = { snapshot, &lines };

      if (crosscheck_label_get_kind (label) != CROSSCHECK_LABEL_CLAIM)
        continue;
      parse_color (label, dark ? 0.32 : 0.28, &draw.color);
      foreach_line_rect (self, crosscheck_span_get_start (span), crosscheck_span_get_end (span),
                         draw_band, &draw);
    }

  /* Entities as stacked bars: each takes the lowest level that no earlier
   * overlapping entity holds (spans come sorted by start). */
  {
    guint level_end[MAX_STACK] = { 0 };

    for (guint i = 0; i < spans->len; i++)
      {
        CrosscheckSpan *span = g_ptr_array_index (spans, i);
        CrosscheckLabel *label = crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span));
        DrawData draw = { snapshot, &lines };
        guint depth = 0;

        if (crosscheck_label_get_kind (label) != CROSSCHECK_LABEL_ENTITY)
          continue;
        while (depth < MAX_STACK - 1 && level_end[depth] > crosscheck_span_get_start (span))
          depth++;
        level_end[depth] = MAX (level_end[depth], crosscheck_span_get_end (span));

        parse_color (label, dark ? 0.95 : 0.9, &draw.color);
        draw.depth = depth;
        foreach_line_rect (self, crosscheck_span_get_start (span), crosscheck_span_get_end (span),
                           draw_underline, &draw);
      }
  }

  line_nodes_finish (&lines, snapshot);
}

/* The span under a point: the innermost (shortest) of those there. */
static CrosscheckSpan *
span_at_point (CrosscheckTextView *self,
               double              x,
               double              y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  CrosscheckSpan *best = NULL;
  GtkTextIter iter;
  int bx, by;
  guint offset;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return NULL;

  offset = gtk_text_iter_get_offset (&iter);
  crosscheck_span_list_foreach_overlapping (crosscheck_project_get_spans (self->project),
                                            self->document, offset, offset, collect_span, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      CrosscheckSpan *span = g_ptr_array_index (spans, i);

      if (best == NULL ||
          crosscheck_span_get_end (span) - crosscheck_span_get_start (span) <
          crosscheck_span_get_end (best) - crosscheck_span_get_start (best))
        best = span;
    }

  return best;
}

static void
on_click_released (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   CrosscheckTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  /* A drag made a text selection: that is for tagging, not for picking. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer) || self->project == NULL)
    return;

  crosscheck_text_view_set_selected_span (self, span_at_point (self, x, y));
}

/* Right-click on a span: select it on the press and offer what can be done
 * with it on the release. A menu shown on the press can get the release
 * itself when drawing is slow, which GTK 4.8 reports as broken accounting
 * of the menu's active state. */
static void
on_context_pressed (GtkGestureClick    *gesture,
                    int                 n_press,
                    double              x,
                    double              y,
                    CrosscheckTextView *self)
{
  CrosscheckSpan *span;

  if (self->project == NULL || (span = span_at_point (self, x, y)) == NULL)
    return;

  /* Claimed: GtkTextView's own menu stays away from spans. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  crosscheck_text_view_set_selected_span (self, span);
}

static void
on_context_released (GtkGestureClick    *gesture,
                     int                 n_press,
                     double              x,
                     double              y,
                     CrosscheckTextView *self)
{
  g_autoptr(GMenu) menu = NULL;
  GtkWidget *popover;
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  if (self->project == NULL || self->selected == NULL || span_at_point (self, x, y) != self->selected)
    return;

  menu = g_menu_new ();
  g_menu_append (menu, _("Link to… (contradicts)"), "win.tag-key(uint32 120)");
  g_menu_append (menu, _("Link to… (supports)"), "win.tag-key(uint32 88)");
  g_menu_append (menu, _("Inspect"), "win.inspect");
  g_menu_append (menu, _("Delete"), "win.delete-annotation");

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  crosscheck_text_view_popup (self, popover, &at);
}

/* Ctrl+drag from a span to a span, in this article or another, links
 * them: contradicts, or supports with Shift. */
static void
on_link_drag_begin (GtkGestureDrag     *gesture,
                    double              x,
                    double              y,
                    CrosscheckTextView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  CrosscheckSpan *span;

  if (!(state & GDK_CONTROL_MASK) || self->project == NULL || (span = span_at_point (self, x, y)) == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->link_dragging = TRUE;
  crosscheck_text_view_set_selected_span (self, span);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.tag-key", "u",
                              (guint32) ((state & GDK_SHIFT_MASK) ? 'X' : 'x'));
}

static CrosscheckSpan *
span_under_drag (CrosscheckTextView *self,
                 GtkGestureDrag     *gesture,
                 double              dx,
                 double              dy)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  graphene_point_t in_root, in_target;
  GtkWidget *picked;
  GtkWidget *target;
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self), root, &GRAPHENE_POINT_INIT (x + dx, y + dy), &in_root))
    return NULL;

  picked = gtk_widget_pick (root, in_root.x, in_root.y, GTK_PICK_DEFAULT);
  target = picked ? gtk_widget_get_ancestor (picked, CROSSCHECK_TYPE_TEXT_VIEW) : NULL;
  if (target == NULL || !gtk_widget_compute_point (root, target, &in_root, &in_target))
    return NULL;

  return span_at_point (CROSSCHECK_TEXT_VIEW (target), in_target.x, in_target.y);
}

static void
on_link_drag_end (GtkGestureDrag     *gesture,
                  double              dx,
                  double              dy,
                  CrosscheckTextView *self)
{
  CrosscheckSpan *to;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  /* A plain click or text drag that this gesture refused is not ours. */
  if (!self->link_dragging)
    return;
  self->link_dragging = FALSE;

  to = span_under_drag (self, gesture, dx, dy);
  if (to == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.escape", NULL);
      return;
    }

  /* Picking the end selects it in its own article; the window links. */
  gtk_widget_activate_action (root, "win.link-to", "s",
                              crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (to)));
}

static void
set_hovered (CrosscheckTextView *self,
             CrosscheckSpan     *span)
{
  if (g_set_object (&self->hovered, span))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_SPAN]);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CrosscheckTextView       *self)
{
  if (self->project != NULL)
    set_hovered (self, span_at_point (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          CrosscheckTextView       *self)
{
  set_hovered (self, NULL);
}

static gboolean
on_query_tooltip (GtkWidget          *widget,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip,
                  CrosscheckTextView *self)
{
  CrosscheckSpan *span;
  CrosscheckAnnotation *annotation;
  const char *note;
  g_autofree char *markup = NULL;

  if (keyboard || self->project == NULL)
    return FALSE;

  span = span_at_point (self, x, y);
  if (span == NULL)
    return FALSE;

  annotation = CROSSCHECK_ANNOTATION (span);
  note = crosscheck_annotation_get_note (annotation);
  markup = g_markup_printf_escaped ("<b>%s</b>%s%s",
                                    crosscheck_label_get_name (crosscheck_annotation_get_label (annotation)),
                                    *note ? "\n" : "", note);
  gtk_tooltip_set_markup (tooltip, markup);

  return TRUE;
}

static gboolean
move_to_paragraph (CrosscheckTextView *self,
                   gboolean            forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_iter_set_line_offset (&iter, 0);

  do
    {
      if (forward ? !gtk_text_iter_forward_line (&iter) : !gtk_text_iter_backward_line (&iter))
        break;
    }
  while (gtk_text_iter_ends_line (&iter));

  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &iter, 0.1, FALSE, 0, 0);

  return TRUE;
}

/* Single keys act only here, in an article: typing anywhere else (find
 * bar, inspector, palette) is never captured. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CrosscheckTextView    *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gunichar c;

  /* Ctrl+Down/Up go to the next or previous paragraph with text, not to
   * the blank line between paragraphs. */
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == GDK_CONTROL_MASK &&
      (keyval == GDK_KEY_Down || keyval == GDK_KEY_Up))
    return move_to_paragraph (self, keyval == GDK_KEY_Down);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_bracketright:
      return gtk_widget_activate_action (widget, "win.next-annotation", NULL);
    case GDK_KEY_bracketleft:
      return gtk_widget_activate_action (widget, "win.previous-annotation", NULL);
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      return gtk_widget_activate_action (widget, "win.delete-annotation", NULL);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      return gtk_widget_activate_action (widget, "win.inspect", NULL);
    case GDK_KEY_Escape:
      /* The window cancels a link being made, or deselects. */
      if (gtk_widget_activate_action (widget, "win.escape", NULL))
        return TRUE;
      if (self->selected != NULL)
        {
          crosscheck_text_view_set_selected_span (self, NULL);
          return TRUE;
        }
      return FALSE;

    default:
      break;
    }

  c = gdk_keyval_to_unicode (keyval);
  if (c >= '1' && c <= '9')
    return gtk_widget_activate_action (widget, "win.tag-nth", "u", (guint32) (c - '1'));
  if (c != 0 && g_unichar_isgraph (c))
    return gtk_widget_activate_action (widget, "win.tag-key", "u", (guint32) c);

  return FALSE;
}

static void
on_span_changed (CrosscheckProject  *project,
                 CrosscheckSpan     *span,
                 CrosscheckChange    change,
                 CrosscheckTextView *self)
{
  if (crosscheck_span_get_document (span) != self->document)
    return;

  if (change == CROSSCHECK_CHANGE_REMOVED && span == self->selected)
    crosscheck_text_view_set_selected_span (self, NULL);
  if (change == CROSSCHECK_CHANGE_REMOVED && span == self->hovered)
    set_hovered (self, NULL);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_labels_changed (CrosscheckTextView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
unparent_idle (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);

  return G_SOURCE_REMOVE;
}

static void
unparent_popover (GtkWidget *popover)
{
  /* Later: a menu closes before its item's action runs, and actions are
   * found through the popover's parents. */
  g_idle_add_full (G_PRIORITY_DEFAULT, unparent_idle, g_object_ref (popover), g_object_unref);
}

/**
 * crosscheck_text_view_popup:
 * @self: a #CrosscheckTextView
 * @popover: (transfer floating): a popover without a parent
 * @area: where it points, in @self's coordinates
 *
 * Shows @popover at @area. It is removed when closed, or with the view.
 */
void
crosscheck_text_view_popup (CrosscheckTextView *self,
                            GtkWidget          *popover,
                            const GdkRectangle *area)
{
  g_return_if_fail (CROSSCHECK_IS_TEXT_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), area);
  g_signal_connect (popover, "closed", G_CALLBACK (unparent_popover), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
crosscheck_text_view_dispose (GObject *object)
{
  CrosscheckTextView *self = (CrosscheckTextView *)object;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  /* Popovers are ours to remove; the text view only knows its own children. */
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_POPOVER (child))
        {
          g_signal_handlers_disconnect_by_func (child, unparent_popover, NULL);
          gtk_widget_unparent (child);
        }
      child = next;
    }

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->selected);
  g_clear_object (&self->hovered);
  g_clear_object (&self->document);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (crosscheck_text_view_parent_class)->dispose (object);
}

static void
crosscheck_text_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrosscheckTextView *self = CROSSCHECK_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_SPAN:
      g_value_set_object (value, self->selected);
      break;

    case PROP_HOVER_SPAN:
      g_value_set_object (value, self->hovered);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_text_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrosscheckTextView *self = CROSSCHECK_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_SELECTED_SPAN:
      crosscheck_text_view_set_selected_span (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_text_view_constructed (GObject *object)
{
  CrosscheckTextView *self = (CrosscheckTextView *)object;

  G_OBJECT_CLASS (crosscheck_text_view_parent_class)->constructed (object);

  if (self->document != NULL)
    {
      g_autoptr(GtkTextBuffer) filled = _crosscheck_preload_take_buffer (self->document);
      GtkTextBuffer *buffer;
      GtkTextIter start;

      /* The text may have gone into a buffer while the spans were read. */
      if (filled != NULL)
        gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), filled);
      else
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)),
                                  crosscheck_document_get_text (self->document),
                                  crosscheck_document_get_byte_length (self->document));
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      /* Setting the text leaves the caret at the end; reading starts at the top. */
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }

  if (self->project != NULL)
    {
      g_signal_connect_object (self->project, "span-changed", G_CALLBACK (on_span_changed), self, 0);
      g_signal_connect_object (crosscheck_project_get_labels (self->project), "items-changed",
                               G_CALLBACK (on_labels_changed), self, G_CONNECT_SWAPPED);
    }
}

/* GtkTextView presents only the popovers it made itself. The span menu and
 * the inspectors are ours: presenting them here, as GTK asks of a widget
 * with popover children, keeps them at their span when the view moves or
 * changes size (the link bar showing, the window resized). */
static void
crosscheck_text_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  GTK_WIDGET_CLASS (crosscheck_text_view_parent_class)->size_allocate (widget, width, height, baseline);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        gtk_popover_present (GTK_POPOVER (child));
    }
}

static void
crosscheck_text_view_class_init (CrosscheckTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = crosscheck_text_view_dispose;
  object_class->get_property = crosscheck_text_view_get_property;
  object_class->set_property = crosscheck_text_view_set_property;
  object_class->constructed = crosscheck_text_view_constructed;

  widget_class->size_allocate = crosscheck_text_view_size_allocate;

  text_view_class->snapshot_layer = crosscheck_text_view_snapshot_layer;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CROSSCHECK_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CROSSCHECK_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_SPAN] =
    g_param_spec_object ("selected-span", NULL, NULL, CROSSCHECK_TYPE_SPAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOVER_SPAN] =
    g_param_spec_object ("hover-span", NULL, NULL, CROSSCHECK_TYPE_SPAN,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
crosscheck_text_view_init (CrosscheckTextView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *key;
  GtkGesture *click;
  GtkGesture *drag;
  GtkEventController *motion;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 18);
  gtk_text_view_set_right_margin (view, 18);
  gtk_text_view_set_top_margin (view, 12);
  gtk_text_view_set_bottom_margin (view, 48);
  /* Room under each line for the stacked entity bars. */
  gtk_text_view_set_pixels_below_lines (view, 8);
  gtk_text_view_set_pixels_inside_wrap (view, 8);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* Before GtkTextView's own menu: on a span, ours replaces it. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_context_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_context_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_link_drag_begin), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_link_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

/**
 * crosscheck_text_view_new:
 * @project: the project that holds @document
 * @document: the article to show
 *
 * Returns: (transfer floating): a new text view
 */
GtkWidget *
crosscheck_text_view_new (CrosscheckProject  *project,
                          CrosscheckDocument *document)
{
  return g_object_new (CROSSCHECK_TYPE_TEXT_VIEW,
                       "project", project,
                       "document", document,
                       NULL);
}

/**
 * crosscheck_text_view_get_document:
 * @self: a #CrosscheckTextView
 *
 * Returns: (transfer none): the article shown
 */
CrosscheckDocument *
crosscheck_text_view_get_document (CrosscheckTextView *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_TEXT_VIEW (self), NULL);

  return self->document;
}

/**
 * crosscheck_text_view_get_selected_span:
 * @self: a #CrosscheckTextView
 *
 * Returns: (transfer none) (nullable): the span picked in this article
 */
CrosscheckSpan *
crosscheck_text_view_get_selected_span (CrosscheckTextView *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_TEXT_VIEW (self), NULL);

  return self->selected;
}

void
crosscheck_text_view_set_selected_span (CrosscheckTextView *self,
                                        CrosscheckSpan     *span)
{
  g_return_if_fail (CROSSCHECK_IS_TEXT_VIEW (self));
  g_return_if_fail (span == NULL || crosscheck_span_get_document (span) == self->document);

  if (g_set_object (&self->selected, span))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SPAN]);
    }
}

/**
 * crosscheck_text_view_get_selection:
 * @self: a #CrosscheckTextView
 * @start: (out): first selected code point
 * @end: (out): code point after the selection
 *
 * Returns: %TRUE if text is selected
 */
gboolean
crosscheck_text_view_get_selection (CrosscheckTextView *self,
                                    guint              *start,
                                    guint              *end)
{
  GtkTextIter a, b;

  g_return_val_if_fail (CROSSCHECK_IS_TEXT_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), &a, &b))
    return FALSE;

  /* GtkTextBuffer offsets are characters, that is code points: no conversion. */
  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);

  return TRUE;
}

void
crosscheck_text_view_select_range (CrosscheckTextView *self,
                                   guint               start,
                                   guint               end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (CROSSCHECK_IS_TEXT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  iter_at_offset (self, &a, start);
  iter_at_offset (self, &b, end);
  gtk_text_buffer_select_range (buffer, &b, &a);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &a, 0.1, FALSE, 0, 0);
}

guint
crosscheck_text_view_get_cursor_offset (CrosscheckTextView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (CROSSCHECK_IS_TEXT_VIEW (self), 0);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return gtk_text_iter_get_offset (&iter);
}

/**
 * crosscheck_text_view_scroll_to_offset:
 * @self: a #CrosscheckTextView
 * @offset: a code point
 *
 * Moves the caret to @offset and scrolls it into view, without selecting.
 */
void
crosscheck_text_view_scroll_to_offset (CrosscheckTextView *self,
                                       guint               offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (CROSSCHECK_IS_TEXT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  iter_at_offset (self, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &iter, 0.1, FALSE, 0, 0);
}

/**
 * crosscheck_text_view_get_range_area:
 * @self: a #CrosscheckTextView
 * @start: first code point
 * @end: code point after the range
 * @area: (out): the range's first line, in widget coordinates
 *
 * Returns: %TRUE if the range's start is laid out
 */
gboolean
crosscheck_text_view_get_range_area (CrosscheckTextView *self,
                                     guint               start,
                                     guint               end,
                                     GdkRectangle       *area)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter a, b;
  GdkRectangle ra, rb;

  g_return_val_if_fail (CROSSCHECK_IS_TEXT_VIEW (self), FALSE);

  iter_at_offset (self, &a, start);
  iter_at_offset (self, &b, end);
  gtk_text_view_get_iter_location (view, &a, &ra);
  gtk_text_view_get_iter_location (view, &b, &rb);
  /* A span that wraps: its first line runs to the text's right edge. */
  if (rb.y != ra.y)
    rb.x = gtk_widget_get_width (GTK_WIDGET (self)) - gtk_text_view_get_right_margin (view);

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, ra.x, ra.y, &area->x, &area->y);
  area->width = MAX (rb.x - ra.x, 4);
  area->height = ra.height;

  return TRUE;
}
