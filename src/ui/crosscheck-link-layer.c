/* crosscheck-link-layer.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "crosscheck-annotation.h"
#include "crosscheck-label.h"
#include "crosscheck-link-layer.h"
#include "crosscheck-link.h"
#include "crosscheck-project.h"
#include "crosscheck-span.h"
#include "crosscheck-utils.h"

/* A transparent layer over the article columns that draws links: a curve
 * from one span to the other across columns, an arc in the margin when
 * both ends are in one column. An end scrolled out of its column's view
 * becomes a small triangle on that column's top or bottom edge, pointing
 * the way to it. The layer takes no input; the window tells it where spans
 * are through a locator, and redraws it when anything scrolls. */

struct _CrosscheckLinkLayer
{
  GtkWidget              parent_instance;

  /* owned */
  CrosscheckProject     *project;
  CrosscheckSpan        *pending_from;
  CrosscheckSpan        *pending_to;
  CrosscheckLabel       *pending_type;
  CrosscheckSpan        *highlight_span;
  CrosscheckLink        *highlight_link;

  CrosscheckSpanLocator  locator;
  gpointer               locator_data;
  CrosscheckVisibleSpans visible_spans;
  gpointer               visible_spans_data;

  /* where the last frame drew markers for ends out of view */
  GArray                *markers;
};

typedef struct
{
  graphene_point_t  point;
  CrosscheckSpan   *span;   /* borrowed: valid until the next frame */
} Marker;

G_DEFINE_FINAL_TYPE (CrosscheckLinkLayer, crosscheck_link_layer, GTK_TYPE_WIDGET)

typedef struct
{
  graphene_point_t point;    /* where the line meets the span, or the edge marker */
  gboolean         visible;  /* FALSE: the span is scrolled out; point is on the edge */
  gboolean         above;    /* when not visible: whether it lies above the view */
  graphene_rect_t  clip;
  graphene_rect_t  area;
} End;

static gboolean
locate (CrosscheckLinkLayer *self,
        CrosscheckSpan      *span,
        End                 *end)
{
  if (self->locator == NULL || !self->locator (span, &end->area, &end->clip, self->locator_data))
    return FALSE;

  end->above = end->area.origin.y + end->area.size.height < end->clip.origin.y;
  end->visible = !end->above && end->area.origin.y < end->clip.origin.y + end->clip.size.height;

  if (end->visible)
    graphene_point_init (&end->point, end->area.origin.x + end->area.size.width / 2,
                         end->area.origin.y + end->area.size.height / 2);
  else
    graphene_point_init (&end->point,
                         CLAMP (end->area.origin.x + end->area.size.width / 2,
                                end->clip.origin.x + 12, end->clip.origin.x + end->clip.size.width - 12),
                         end->above ? end->clip.origin.y + 6 : end->clip.origin.y + end->clip.size.height - 6);

  return TRUE;
}

static void
draw_marker (CrosscheckLinkLayer *self,
             cairo_t             *cr,
             End                 *end,
             CrosscheckSpan      *span)
{
  Marker marker = { end->point, span };
  double x = end->point.x;
  double y = end->point.y;
  double dir = end->above ? -1 : 1;

  /* Remembered so that a click on it can be answered. */
  g_array_append_val (self->markers, marker);

  cairo_move_to (cr, x - 7, y - 4 * dir);
  cairo_line_to (cr, x + 7, y - 4 * dir);
  cairo_line_to (cr, x, y + 5 * dir);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_arrowhead (cairo_t *cr,
                double   x0,
                double   y0,
                double   x1,
                double   y1)
{
  double angle = atan2 (y1 - y0, x1 - x0);

  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - 10 * cos (angle - 0.4), y1 - 10 * sin (angle - 0.4));
  cairo_line_to (cr, x1 - 10 * cos (angle + 0.4), y1 - 10 * sin (angle + 0.4));
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_link (CrosscheckLinkLayer *self,
           cairo_t             *cr,
           CrosscheckSpan      *from,
           CrosscheckSpan      *to,
           CrosscheckLabel     *type,
           gboolean             emphasised,
           gboolean             dashed)
{
  End a, b;
  GdkRGBA color;
  double x0, y0, x1, y1;

  if (!locate (self, from, &a) || !locate (self, to, &b))
    return;
  if (!gdk_rgba_parse (&color, crosscheck_label_get_color (type)))
    return;

  /* Both ends out of view in the same direction: nothing useful to show. */
  if (!a.visible && !b.visible)
    return;

  color.alpha = emphasised ? 1.0 : 0.75;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, emphasised ? 3.0 : 2.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);

  x0 = a.point.x;
  y0 = a.point.y;
  x1 = b.point.x;
  y1 = b.point.y;

  if (ABS (a.clip.origin.x - b.clip.origin.x) < 1)
    {
      /* One column: an arc through its left margin. */
      double margin = a.clip.origin.x + 8;

      x0 = a.visible ? a.area.origin.x : x0;
      x1 = b.visible ? b.area.origin.x : x1;
      cairo_move_to (cr, x0, y0);
      cairo_curve_to (cr, margin, y0, margin, y1, x1, y1);
    }
  else
    {
      /* Across columns: leave from the side facing the other column. */
      gboolean rightwards = a.clip.origin.x < b.clip.origin.x;

      if (a.visible)
        x0 = rightwards ? a.area.origin.x + a.area.size.width : a.area.origin.x;
      if (b.visible)
        x1 = rightwards ? b.area.origin.x : b.area.origin.x + b.area.size.width;

      cairo_move_to (cr, x0, y0);
      cairo_curve_to (cr, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1, x1, y1);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (!crosscheck_label_get_symmetric (type))
    draw_arrowhead (cr, ABS (a.clip.origin.x - b.clip.origin.x) < 1 ? x1 - 10 : (x0 + x1) / 2, y1, x1, y1);

  if (!a.visible)
    draw_marker (self, cr, &a, from);
  if (!b.visible)
    draw_marker (self, cr, &b, to);
}

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  return crosscheck_natural_compare (crosscheck_annotation_get_id (*(CrosscheckAnnotation **) a),
                                     crosscheck_annotation_get_id (*(CrosscheckAnnotation **) b));
}

/* The links worth drawing, in id order: with the visible spans known, only
 * theirs (a link with both ends off screen draws nothing), found through the
 * project's index; so a frame costs the links on screen, not all 10,000,
 * each of which would need its ends laid out. */
static GPtrArray *
links_to_draw (CrosscheckLinkLayer *self)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (self->visible_spans == NULL)
    {
      GListModel *links = crosscheck_project_get_links (self->project);
      guint n = g_list_model_get_n_items (links);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (result, g_list_model_get_item (links, i));
      return result;
    }

  spans = self->visible_spans (self->visible_spans_data);
  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      g_autoptr(GPtrArray) links = crosscheck_project_get_links_of_span (self->project,
                                                                         g_ptr_array_index (spans, i));

      for (guint j = 0; j < links->len; j++)
        if (g_hash_table_add (seen, g_ptr_array_index (links, j)))
          g_ptr_array_add (result, g_object_ref (g_ptr_array_index (links, j)));
    }
  g_ptr_array_sort (result, compare_links);

  return result;
}

static void
crosscheck_link_layer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  CrosscheckLinkLayer *self = CROSSCHECK_LINK_LAYER (widget);
  g_autoptr(GPtrArray) links = NULL;
  graphene_rect_t bounds;
  graphene_rect_t layer;
  cairo_surface_t *recording;
  double x, y, width, height;
  cairo_t *cr;

  g_array_set_size (self->markers, 0);
  if (self->project == NULL)
    return;

  /* Drawn first into a recording, so that the node covers only the curves.
   * GTK cannot compare two cairo nodes, so it repaints all a node covers
   * whenever the layer is drawn again: a node as large as the layer would
   * repaint every column on each key press that selects a span, links or
   * no links. With none on screen, there is no node at all. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);

  links = links_to_draw (self);
  for (guint i = 0; i < links->len; i++)
    {
      CrosscheckLink *link = g_ptr_array_index (links, i);
      CrosscheckSpan *from = crosscheck_link_get_from (link);
      CrosscheckSpan *to = crosscheck_link_get_to (link);
      gboolean emphasised = link == self->highlight_link ||
                            (self->highlight_span != NULL &&
                             (from == self->highlight_span || to == self->highlight_span));

      draw_link (self, cr, from, to, crosscheck_link_get_link_type (link), emphasised, FALSE);
    }

  if (self->pending_from != NULL && self->pending_to != NULL && self->pending_type != NULL)
    draw_link (self, cr, self->pending_from, self->pending_to, self->pending_type, TRUE, TRUE);

  cairo_destroy (cr);

  cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
  graphene_rect_init (&bounds, floor (x), floor (y), ceil (x + width) - floor (x), ceil (y + height) - floor (y));
  graphene_rect_init (&layer, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  if (width > 0 && height > 0 && graphene_rect_intersection (&bounds, &layer, &bounds))
    {
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }

  cairo_surface_destroy (recording);
}

static void
crosscheck_link_layer_dispose (GObject *object)
{
  CrosscheckLinkLayer *self = (CrosscheckLinkLayer *)object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->pending_from);
  g_clear_object (&self->pending_to);
  g_clear_object (&self->pending_type);
  g_clear_object (&self->highlight_span);
  g_clear_object (&self->highlight_link);
  g_clear_pointer (&self->markers, g_array_unref);

  G_OBJECT_CLASS (crosscheck_link_layer_parent_class)->dispose (object);
}

static void
crosscheck_link_layer_class_init (CrosscheckLinkLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crosscheck_link_layer_dispose;
  widget_class->snapshot = crosscheck_link_layer_snapshot;

  gtk_widget_class_set_css_name (widget_class, "linklayer");
}

static void
crosscheck_link_layer_init (CrosscheckLinkLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
}

/**
 * crosscheck_link_layer_get_marker_at:
 * @self: a #CrosscheckLinkLayer
 * @x: a point in the layer's coordinates
 * @y: a point in the layer's coordinates
 *
 * The layer takes no clicks itself; its owner asks it whether a click hit
 * one of the markers for ends out of view.
 *
 * Returns: (transfer none) (nullable): the span that marker stands for
 */
CrosscheckSpan *
crosscheck_link_layer_get_marker_at (CrosscheckLinkLayer *self,
                                     double               x,
                                     double               y)
{
  g_return_val_if_fail (CROSSCHECK_IS_LINK_LAYER (self), NULL);

  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);

      if (ABS (marker->point.x - x) <= 9 && ABS (marker->point.y - y) <= 9)
        return marker->span;
    }

  return NULL;
}

GtkWidget *
crosscheck_link_layer_new (void)
{
  return g_object_new (CROSSCHECK_TYPE_LINK_LAYER, NULL);
}

void
crosscheck_link_layer_set_project (CrosscheckLinkLayer *self,
                                   CrosscheckProject   *project)
{
  g_return_if_fail (CROSSCHECK_IS_LINK_LAYER (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "link-changed", G_CALLBACK (gtk_widget_queue_draw), self);
      g_signal_connect_swapped (project, "span-changed", G_CALLBACK (gtk_widget_queue_draw), self);
      g_signal_connect_object (crosscheck_project_get_link_types (project), "items-changed",
                               G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * crosscheck_link_layer_set_locator:
 * @self: a #CrosscheckLinkLayer
 * @locator: (scope notified): finds spans on screen
 * @user_data: data for @locator, not referenced
 */
void
crosscheck_link_layer_set_locator (CrosscheckLinkLayer   *self,
                                   CrosscheckSpanLocator  locator,
                                   gpointer               user_data)
{
  g_return_if_fail (CROSSCHECK_IS_LINK_LAYER (self));

  self->locator = locator;
  self->locator_data = user_data;
}

/**
 * crosscheck_link_layer_set_visible_spans:
 * @self: a #CrosscheckLinkLayer
 * @visible_spans: (scope notified): lists the spans on screen
 * @user_data: data for @visible_spans
 *
 * Without it, every link is considered on every frame.
 */
void
crosscheck_link_layer_set_visible_spans (CrosscheckLinkLayer    *self,
                                         CrosscheckVisibleSpans  visible_spans,
                                         gpointer                user_data)
{
  g_return_if_fail (CROSSCHECK_IS_LINK_LAYER (self));

  self->visible_spans = visible_spans;
  self->visible_spans_data = user_data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * crosscheck_link_layer_set_pending:
 * @self: a #CrosscheckLinkLayer
 * @from: (nullable): the span a link being made starts at
 * @to: (nullable): the candidate end
 * @type: (nullable): the link's type
 *
 * Shows, dashed, the link the editor is making.
 */
void
crosscheck_link_layer_set_pending (CrosscheckLinkLayer *self,
                                   CrosscheckSpan      *from,
                                   CrosscheckSpan      *to,
                                   CrosscheckLabel     *type)
{
  g_return_if_fail (CROSSCHECK_IS_LINK_LAYER (self));

  g_set_object (&self->pending_from, from);
  g_set_object (&self->pending_to, to);
  g_set_object (&self->pending_type, type);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * crosscheck_link_layer_set_highlight:
 * @self: a #CrosscheckLinkLayer
 * @span: (nullable): a span whose links to emphasise
 * @link: (nullable): a link to emphasise
 */
void
crosscheck_link_layer_set_highlight (CrosscheckLinkLayer *self,
                                     CrosscheckSpan      *span,
                                     CrosscheckLink      *link)
{
  g_return_if_fail (CROSSCHECK_IS_LINK_LAYER (self));

  g_set_object (&self->highlight_span, span);
  g_set_object (&self->highlight_link, link);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
