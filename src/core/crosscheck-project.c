/* crosscheck-project.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crosscheck-annotation-private.h"
#include "crosscheck-document-private.h"
#include "crosscheck-errors.h"
#include "crosscheck-history.h"
#include "crosscheck-label.h"
#include "crosscheck-link-private.h"
#include "crosscheck-project-private.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span-private.h"
#include "crosscheck-utils.h"

/* The project owns all state. Every edit is a command made of steps (Op)
 * that the history records after they are carried out; undo and redo run
 * the same steps backwards or forwards through op_apply(), so an edit
 * behaves the same whichever way it happens. */

struct _CrosscheckProject
{
  GObject             parent_instance;

  /* owned */
  GListStore         *documents;
  GListStore         *labels;
  GListStore         *link_types;
  CrosscheckSpanList *spans;
  GListStore         *links;
  CrosscheckHistory  *history;
  GHashTable         *ids;          /* id → borrowed document, span or link */
  GHashTable         *span_links;   /* borrowed span → GPtrArray of borrowed links */
  GHashTable         *counts;       /* borrowed label → number of spans or links with it */
  char               *annotator;
  GFile              *file;

  guint               next_document;
  guint               next_span;
  guint               next_link;
};

G_DEFINE_FINAL_TYPE (CrosscheckProject, crosscheck_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANNOTATOR,
  PROP_DIRTY,
  PROP_FILE,
  N_PROPS
};

enum {
  SPAN_CHANGED,
  LINK_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  OP_ADD_DOCUMENT,
  OP_REMOVE_DOCUMENT,
  OP_CHANGE_DOCUMENT,
  OP_ADD_LABEL,
  OP_REMOVE_LABEL,
  OP_CHANGE_LABEL,
  OP_ADD_SPAN,
  OP_REMOVE_SPAN,
  OP_ADD_LINK,
  OP_REMOVE_LINK,
  OP_CHANGE_ANNOTATION,
  OP_SWAP_LINK,
} OpKind;

typedef struct
{
  OpKind          kind;
  GObject        *object;       /* owned */
  guint           position;     /* documents and labels: where in their list */
  gpointer        before;       /* owned: a copy of the object, or its state */
  gpointer        after;
  GDestroyNotify  free_state;
} Op;

/* ------------------------------------------------------------------------ */
/* Primitive changes: each keeps lists, ids and indices consistent.         */

static GListStore *
store_for_label (CrosscheckProject *self,
                 CrosscheckLabel   *label)
{
  if (crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION)
    return self->link_types;

  return self->labels;
}

static guint
find_position (GListStore *store,
               gpointer    item)
{
  guint position = 0;
  gboolean found;

  found = g_list_store_find (store, item, &position);
  g_assert (found);

  return position;
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char *ia;
  const char *ib;

  if (CROSSCHECK_IS_DOCUMENT ((gpointer) a))
    {
      ia = crosscheck_document_get_id ((CrosscheckDocument *) a);
      ib = crosscheck_document_get_id ((CrosscheckDocument *) b);
    }
  else
    {
      ia = crosscheck_annotation_get_id ((CrosscheckAnnotation *) a);
      ib = crosscheck_annotation_get_id ((CrosscheckAnnotation *) b);
    }

  return crosscheck_natural_compare (ia, ib);
}

/* Keeps the per-label counts that the palette shows, so that showing them
 * costs nothing with 100,000 spans. */
static void
count (CrosscheckProject *self,
       CrosscheckLabel   *label,
       int                delta)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, label));

  g_assert (delta > 0 || n > 0);
  g_hash_table_insert (self->counts, label, GUINT_TO_POINTER (n + delta));
}

static void
insert_document (CrosscheckProject  *self,
                 CrosscheckDocument *document)
{
  guint position = g_list_store_insert_sorted (self->documents, document, compare_by_id, NULL);

  _crosscheck_span_list_add_document (self->spans, document, position);
  g_hash_table_insert (self->ids, (char *) crosscheck_document_get_id (document), document);
}

static void
remove_document (CrosscheckProject  *self,
                 CrosscheckDocument *document)
{
  g_autoptr(CrosscheckDocument) hold G_GNUC_UNUSED = g_object_ref (document);

  g_hash_table_remove (self->ids, crosscheck_document_get_id (document));
  _crosscheck_span_list_remove_document (self->spans, document);
  g_list_store_remove (self->documents, find_position (self->documents, document));
}

static void
insert_label (CrosscheckProject *self,
              CrosscheckLabel   *label,
              guint              position)
{
  GListStore *store = store_for_label (self, label);

  g_list_store_insert (store, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store))),
                       label);
}

static void
remove_label (CrosscheckProject *self,
              CrosscheckLabel   *label)
{
  GListStore *store = store_for_label (self, label);

  g_list_store_remove (store, find_position (store, label));
}

/* @notify is FALSE only while a loader builds a project no one sees yet:
 * 100,000 emissions without handlers cost 13 ms. */
static void
insert_span (CrosscheckProject *self,
             CrosscheckSpan    *span,
             gboolean           notify)
{
  g_hash_table_insert (self->ids, (char *) crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span)),
                       span);
  _crosscheck_span_list_insert (self->spans, span);
  count (self, crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span)), +1);
  if (notify)
    g_signal_emit (self, signals[SPAN_CHANGED], 0, span, CROSSCHECK_CHANGE_ADDED);
}

static void
remove_span (CrosscheckProject *self,
             CrosscheckSpan    *span)
{
  g_autoptr(CrosscheckSpan) hold G_GNUC_UNUSED = g_object_ref (span);

  /* Links are removed first, as steps of their own. */
  g_assert (!g_hash_table_contains (self->span_links, span));

  g_hash_table_remove (self->ids, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span)));
  _crosscheck_span_list_remove (self->spans, span);
  count (self, crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span)), -1);
  g_signal_emit (self, signals[SPAN_CHANGED], 0, span, CROSSCHECK_CHANGE_REMOVED);
}

static void
attach_link (CrosscheckProject *self,
             CrosscheckSpan    *span,
             CrosscheckLink    *link)
{
  GPtrArray *links = g_hash_table_lookup (self->span_links, span);

  if (links == NULL)
    {
      links = g_ptr_array_new ();
      g_hash_table_insert (self->span_links, span, links);
    }

  g_ptr_array_add (links, link);
}

static void
detach_link (CrosscheckProject *self,
             CrosscheckSpan    *span,
             CrosscheckLink    *link)
{
  GPtrArray *links = g_hash_table_lookup (self->span_links, span);

  g_assert (links != NULL);
  g_ptr_array_remove (links, link);
  if (links->len == 0)
    g_hash_table_remove (self->span_links, span);
}

/* @notify: as for insert_span(). */
static void
insert_link (CrosscheckProject *self,
             CrosscheckLink    *link,
             gboolean           notify)
{
  CrosscheckSpan *from = crosscheck_link_get_from (link);
  CrosscheckSpan *to = crosscheck_link_get_to (link);

  g_hash_table_insert (self->ids, (char *) crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (link)),
                       link);
  attach_link (self, from, link);
  if (to != from)
    attach_link (self, to, link);
  g_list_store_insert_sorted (self->links, link, compare_by_id, NULL);
  count (self, crosscheck_link_get_link_type (link), +1);
  if (notify)
    g_signal_emit (self, signals[LINK_CHANGED], 0, link, CROSSCHECK_CHANGE_ADDED);
}

static void
remove_link (CrosscheckProject *self,
             CrosscheckLink    *link)
{
  g_autoptr(CrosscheckLink) hold G_GNUC_UNUSED = g_object_ref (link);
  CrosscheckSpan *from = crosscheck_link_get_from (link);
  CrosscheckSpan *to = crosscheck_link_get_to (link);

  g_hash_table_remove (self->ids, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (link)));
  detach_link (self, from, link);
  if (to != from)
    detach_link (self, to, link);
  g_list_store_remove (self->links, find_position (self->links, link));
  count (self, crosscheck_link_get_link_type (link), -1);
  g_signal_emit (self, signals[LINK_CHANGED], 0, link, CROSSCHECK_CHANGE_REMOVED);
}

static void
annotation_changed (CrosscheckProject    *self,
                    CrosscheckAnnotation *annotation)
{
  if (CROSSCHECK_IS_SPAN (annotation))
    {
      _crosscheck_span_list_changed (self->spans, CROSSCHECK_SPAN (annotation));
      g_signal_emit (self, signals[SPAN_CHANGED], 0, annotation, CROSSCHECK_CHANGE_MODIFIED);
    }
  else
    {
      /* Views of the links (and filters over them) redraw that row. */
      g_list_model_items_changed (G_LIST_MODEL (self->links), find_position (self->links, annotation), 1, 1);
      g_signal_emit (self, signals[LINK_CHANGED], 0, annotation, CROSSCHECK_CHANGE_MODIFIED);
    }
}

/* ------------------------------------------------------------------------ */
/* Steps                                                                     */

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->object);
  if (op->free_state != NULL)
    {
      g_clear_pointer (&op->before, op->free_state);
      g_clear_pointer (&op->after, op->free_state);
    }
  g_free (op);
}

static void
op_apply (gpointer data,
          gboolean forward,
          gpointer user_data)
{
  CrosscheckProject *self = user_data;
  Op *op = data;
  gpointer state = forward ? op->after : op->before;
  /* Removing is adding backwards. */
  gboolean adding = forward;

  switch (op->kind)
    {
    case OP_REMOVE_DOCUMENT:
      adding = !forward;
      G_GNUC_FALLTHROUGH;
    case OP_ADD_DOCUMENT:
      if (adding)
        insert_document (self, CROSSCHECK_DOCUMENT (op->object));
      else
        remove_document (self, CROSSCHECK_DOCUMENT (op->object));
      break;

    case OP_REMOVE_LABEL:
      adding = !forward;
      G_GNUC_FALLTHROUGH;
    case OP_ADD_LABEL:
      if (adding)
        insert_label (self, CROSSCHECK_LABEL (op->object), op->position);
      else
        remove_label (self, CROSSCHECK_LABEL (op->object));
      break;

    case OP_REMOVE_SPAN:
      adding = !forward;
      G_GNUC_FALLTHROUGH;
    case OP_ADD_SPAN:
      if (adding)
        insert_span (self, CROSSCHECK_SPAN (op->object), TRUE);
      else
        remove_span (self, CROSSCHECK_SPAN (op->object));
      break;

    case OP_REMOVE_LINK:
      adding = !forward;
      G_GNUC_FALLTHROUGH;
    case OP_ADD_LINK:
      if (adding)
        insert_link (self, CROSSCHECK_LINK (op->object), TRUE);
      else
        remove_link (self, CROSSCHECK_LINK (op->object));
      break;

    case OP_CHANGE_DOCUMENT:
      _crosscheck_document_assign (CROSSCHECK_DOCUMENT (op->object), state);
      break;

    case OP_CHANGE_LABEL:
      {
        GListStore *store = store_for_label (self, CROSSCHECK_LABEL (op->object));

        crosscheck_label_assign (CROSSCHECK_LABEL (op->object), state);
        /* Whatever shows the label (colours, names, keys) redraws it. */
        g_list_model_items_changed (G_LIST_MODEL (store), find_position (store, op->object), 1, 1);
      }
      break;

    case OP_CHANGE_ANNOTATION:
      {
        CrosscheckAnnotation *annotation = CROSSCHECK_ANNOTATION (op->object);
        CrosscheckLabel *old_label = crosscheck_annotation_get_label (annotation);

        count (self, old_label, -1);
        _crosscheck_annotation_restore_state (annotation, state);
        count (self, crosscheck_annotation_get_label (annotation), +1);
        annotation_changed (self, annotation);
      }
      break;

    case OP_SWAP_LINK:
      _crosscheck_link_swap (CROSSCHECK_LINK (op->object));
      annotation_changed (self, CROSSCHECK_ANNOTATION (op->object));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Carries out a step and records it in the command being built. */
static void
run (CrosscheckProject *self,
     OpKind             kind,
     gpointer           object,
     guint              position,
     gpointer           before,
     gpointer           after,
     GDestroyNotify     free_state)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->object = g_object_ref (object);
  op->position = position;
  op->before = before;
  op->after = after;
  op->free_state = free_state;

  op_apply (op, TRUE, self);
  crosscheck_history_record (self->history, op);
}

/* ------------------------------------------------------------------------ */

static void
history_notify_dirty (CrosscheckProject *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
crosscheck_project_dispose (GObject *object)
{
  CrosscheckProject *self = (CrosscheckProject *)object;

  /* The history holds steps that reference spans and links; drop it first. */
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (crosscheck_project_parent_class)->dispose (object);
}

static void
crosscheck_project_finalize (GObject *object)
{
  CrosscheckProject *self = (CrosscheckProject *)object;

  g_clear_pointer (&self->span_links, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_object (&self->links);
  g_clear_object (&self->spans);
  g_clear_object (&self->link_types);
  g_clear_object (&self->labels);
  g_clear_object (&self->documents);
  g_clear_object (&self->file);
  g_clear_pointer (&self->annotator, g_free);

  G_OBJECT_CLASS (crosscheck_project_parent_class)->finalize (object);
}

static void
crosscheck_project_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrosscheckProject *self = CROSSCHECK_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, crosscheck_project_get_dirty (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_project_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrosscheckProject *self = CROSSCHECK_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      crosscheck_project_set_annotator (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_project_class_init (CrosscheckProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crosscheck_project_dispose;
  object_class->finalize = crosscheck_project_finalize;
  object_class->get_property = crosscheck_project_get_property;
  object_class->set_property = crosscheck_project_set_property;

  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrosscheckProject::span-changed:
   * @self: the project
   * @span: the span
   * @change: a #CrosscheckChange
   *
   * Emitted after a span was added, removed or modified, so that a view can
   * redraw just its range.
   */
  signals[SPAN_CHANGED] =
    g_signal_new ("span-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CROSSCHECK_TYPE_SPAN, G_TYPE_UINT);

  /**
   * CrosscheckProject::link-changed:
   * @self: the project
   * @link: the link
   * @change: a #CrosscheckChange
   *
   * Emitted after a link was added, removed or modified.
   */
  signals[LINK_CHANGED] =
    g_signal_new ("link-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CROSSCHECK_TYPE_LINK, G_TYPE_UINT);
}

static void
crosscheck_project_init (CrosscheckProject *self)
{
  self->documents = g_list_store_new (CROSSCHECK_TYPE_DOCUMENT);
  self->labels = g_list_store_new (CROSSCHECK_TYPE_LABEL);
  self->link_types = g_list_store_new (CROSSCHECK_TYPE_LABEL);
  self->spans = _crosscheck_span_list_new ();
  self->links = g_list_store_new (CROSSCHECK_TYPE_LINK);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->span_links = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->counts = g_hash_table_new (NULL, NULL);
  self->annotator = g_strdup ("");
  self->history = crosscheck_history_new (op_apply, op_free, self);
  self->next_document = self->next_span = self->next_link = 1;

  g_signal_connect_swapped (self->history, "notify::dirty",
                            G_CALLBACK (history_notify_dirty), self);
}

/**
 * crosscheck_project_new_empty:
 *
 * Returns: (transfer full): a project without labels, link types or documents
 */
CrosscheckProject *
crosscheck_project_new_empty (void)
{
  return g_object_new (CROSSCHECK_TYPE_PROJECT, NULL);
}

static void
add_default_label (CrosscheckProject   *self,
                   const char          *name,
                   CrosscheckLabelKind  kind,
                   const char          *color,
                   gunichar             shortcut)
{
  g_autoptr(CrosscheckLabel) label = crosscheck_label_new (name, kind, color, shortcut);

  if (kind == CROSSCHECK_LABEL_CLAIM)
    {
      static const char * const certainty[] = { "asserted", "hedged", "speculative", NULL };

      crosscheck_label_add_attribute (label, "source", NULL);
      crosscheck_label_add_attribute (label, "certainty", certainty);
    }
  else if (kind == CROSSCHECK_LABEL_RELATION && g_str_equal (name, "contradicts"))
    {
      static const char * const types[] = {
        "temporal", "numeric", "factual", "attribution", "other", NULL
      };

      crosscheck_label_add_attribute (label, "contradiction_type", types);
    }

  _crosscheck_project_insert_label (self, label);
}

/**
 * crosscheck_project_new:
 *
 * Creates a project with the default labels (PERSON, ORGANIZATION,
 * LOCATION, DATE, EVENT, CLAIM) and link types (contradicts, supports,
 * same-as).
 *
 * Returns: (transfer full): a new, clean project
 */
CrosscheckProject *
crosscheck_project_new (void)
{
  CrosscheckProject *self = crosscheck_project_new_empty ();

  /* Colours from the GNOME palette, dark enough to read on light and
   * light enough to read on dark backgrounds. */
  add_default_label (self, "PERSON", CROSSCHECK_LABEL_ENTITY, "#1c71d8", 'p');
  add_default_label (self, "ORGANIZATION", CROSSCHECK_LABEL_ENTITY, "#c061cb", 'o');
  add_default_label (self, "LOCATION", CROSSCHECK_LABEL_ENTITY, "#26a269", 'l');
  add_default_label (self, "DATE", CROSSCHECK_LABEL_ENTITY, "#e66100", 'd');
  add_default_label (self, "EVENT", CROSSCHECK_LABEL_ENTITY, "#865e3c", 'e');
  add_default_label (self, "CLAIM", CROSSCHECK_LABEL_CLAIM, "#e5a50a", 'c');

  add_default_label (self, "contradicts", CROSSCHECK_LABEL_RELATION, "#e01b24", 'x');
  crosscheck_label_set_symmetric (crosscheck_project_lookup_link_type (self, "contradicts"), TRUE);
  add_default_label (self, "supports", CROSSCHECK_LABEL_RELATION, "#2ec27e", 'X');
  add_default_label (self, "same-as", CROSSCHECK_LABEL_RELATION, "#9141ac", 0);
  crosscheck_label_set_symmetric (crosscheck_project_lookup_link_type (self, "same-as"), TRUE);

  return self;
}

/**
 * crosscheck_project_get_documents:
 * @self: a #CrosscheckProject
 *
 * Returns: (transfer none): the documents, a #GListModel of
 *   #CrosscheckDocument sorted by id
 */
GListModel *
crosscheck_project_get_documents (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->documents);
}

/**
 * crosscheck_project_get_labels:
 * @self: a #CrosscheckProject
 *
 * Returns: (transfer none): the span labels in palette order
 */
GListModel *
crosscheck_project_get_labels (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->labels);
}

/**
 * crosscheck_project_get_link_types:
 * @self: a #CrosscheckProject
 *
 * Returns: (transfer none): the link types, labels of kind
 *   %CROSSCHECK_LABEL_RELATION
 */
GListModel *
crosscheck_project_get_link_types (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->link_types);
}

/**
 * crosscheck_project_get_spans:
 * @self: a #CrosscheckProject
 *
 * Returns: (transfer none): every span, in file order; also the index for
 *   range queries
 */
CrosscheckSpanList *
crosscheck_project_get_spans (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  return self->spans;
}

/**
 * crosscheck_project_get_links:
 * @self: a #CrosscheckProject
 *
 * Returns: (transfer none): every link, sorted by id
 */
GListModel *
crosscheck_project_get_links (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->links);
}

/**
 * crosscheck_project_get_history:
 * @self: a #CrosscheckProject
 *
 * Returns: (transfer none): the undo history
 */
CrosscheckHistory *
crosscheck_project_get_history (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  return self->history;
}

const char *
crosscheck_project_get_annotator (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  return self->annotator;
}

/**
 * crosscheck_project_set_annotator:
 * @self: a #CrosscheckProject
 * @annotator: (nullable): who makes the next spans and links
 *
 * The annotator is recorded on new spans and links for agreement studies.
 * Changing it is not an edit of the project.
 */
void
crosscheck_project_set_annotator (CrosscheckProject *self,
                                  const char        *annotator)
{
  g_return_if_fail (CROSSCHECK_IS_PROJECT (self));

  if (crosscheck_set_str (&self->annotator, annotator ? annotator : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

/**
 * crosscheck_project_get_dirty:
 * @self: a #CrosscheckProject
 *
 * Returns: %TRUE if there are changes that were not saved
 */
gboolean
crosscheck_project_get_dirty (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);

  return crosscheck_history_get_dirty (self->history);
}

/**
 * crosscheck_project_get_file:
 * @self: a #CrosscheckProject
 *
 * Returns: (transfer none) (nullable): the file it was loaded from or last
 *   saved to
 */
GFile *
crosscheck_project_get_file (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  return self->file;
}

void
_crosscheck_project_set_file (CrosscheckProject *self,
                              GFile             *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* ------------------------------------------------------------------------ */
/* Look-ups                                                                  */

static gpointer
lookup_id (CrosscheckProject *self,
           const char        *id,
           GType              type)
{
  gpointer object;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  if (id == NULL)
    return NULL;

  object = g_hash_table_lookup (self->ids, id);
  return object && G_TYPE_CHECK_INSTANCE_TYPE (object, type) ? object : NULL;
}

/**
 * crosscheck_project_lookup_document:
 * @self: a #CrosscheckProject
 * @id: a document id
 *
 * Returns: (transfer none) (nullable): the document, or %NULL
 */
CrosscheckDocument *
crosscheck_project_lookup_document (CrosscheckProject *self,
                                    const char        *id)
{
  return lookup_id (self, id, CROSSCHECK_TYPE_DOCUMENT);
}

/**
 * crosscheck_project_lookup_span:
 * @self: a #CrosscheckProject
 * @id: a span id
 *
 * Returns: (transfer none) (nullable): the span, or %NULL
 */
CrosscheckSpan *
crosscheck_project_lookup_span (CrosscheckProject *self,
                                const char        *id)
{
  return lookup_id (self, id, CROSSCHECK_TYPE_SPAN);
}

/**
 * crosscheck_project_lookup_link:
 * @self: a #CrosscheckProject
 * @id: a link id
 *
 * Returns: (transfer none) (nullable): the link, or %NULL
 */
CrosscheckLink *
crosscheck_project_lookup_link (CrosscheckProject *self,
                                const char        *id)
{
  return lookup_id (self, id, CROSSCHECK_TYPE_LINK);
}

gboolean
_crosscheck_project_has_id (CrosscheckProject *self,
                            const char        *id)
{
  return g_hash_table_contains (self->ids, id);
}

static CrosscheckLabel *
find_label (GListStore *store,
            const char *name,
            gunichar    shortcut)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrosscheckLabel) label = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (name != NULL ? g_strcmp0 (crosscheck_label_get_name (label), name) == 0
                       : crosscheck_label_get_shortcut (label) == shortcut)
        return label;
    }

  return NULL;
}

/**
 * crosscheck_project_lookup_label:
 * @self: a #CrosscheckProject
 * @name: a label name
 *
 * Returns: (transfer none) (nullable): the span label called @name
 */
CrosscheckLabel *
crosscheck_project_lookup_label (CrosscheckProject *self,
                                 const char        *name)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return find_label (self->labels, name, 0);
}

/**
 * crosscheck_project_lookup_link_type:
 * @self: a #CrosscheckProject
 * @name: a link type name
 *
 * Returns: (transfer none) (nullable): the link type called @name
 */
CrosscheckLabel *
crosscheck_project_lookup_link_type (CrosscheckProject *self,
                                     const char        *name)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return find_label (self->link_types, name, 0);
}

/**
 * crosscheck_project_lookup_shortcut:
 * @self: a #CrosscheckProject
 * @shortcut: a character
 *
 * Labels and link types share one set of keys.
 *
 * Returns: (transfer none) (nullable): the label or link type on @shortcut
 */
CrosscheckLabel *
crosscheck_project_lookup_shortcut (CrosscheckProject *self,
                                    gunichar           shortcut)
{
  CrosscheckLabel *label;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);

  if (shortcut == 0)
    return NULL;

  label = find_label (self->labels, NULL, shortcut);
  return label ? label : find_label (self->link_types, NULL, shortcut);
}

/**
 * crosscheck_project_get_links_of_span:
 * @self: a #CrosscheckProject
 * @span: a span
 *
 * Returns: (transfer container) (element-type CrosscheckLink): the links
 *   that start or end at @span
 */
GPtrArray *
crosscheck_project_get_links_of_span (CrosscheckProject *self,
                                      CrosscheckSpan    *span)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *links;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), result);

  links = g_hash_table_lookup (self->span_links, span);
  for (guint i = 0; links != NULL && i < links->len; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (links, i)));

  return result;
}

/**
 * crosscheck_project_count_label:
 * @self: a #CrosscheckProject
 * @label: a label or link type
 *
 * Returns: how many spans carry @label, or how many links have that type
 */
guint
crosscheck_project_count_label (CrosscheckProject *self,
                                CrosscheckLabel   *label)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, label));
}

/* ------------------------------------------------------------------------ */
/* Building a project without history (loader, defaults)                    */

static void
bump_counter (guint      *counter,
              const char *id,
              char        prefix)
{
  guint64 n;
  char *end;

  if (id[0] != prefix || !g_ascii_isdigit (id[1]))
    return;

  n = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && n < G_MAXUINT && n >= *counter)
    *counter = (guint) n + 1;
}

void
_crosscheck_project_insert_document (CrosscheckProject  *self,
                                     CrosscheckDocument *document)
{
  bump_counter (&self->next_document, crosscheck_document_get_id (document), 'd');
  insert_document (self, document);
}

void
_crosscheck_project_insert_label (CrosscheckProject *self,
                                  CrosscheckLabel   *label)
{
  insert_label (self, label, G_MAXUINT);
}

void
_crosscheck_project_insert_span (CrosscheckProject *self,
                                 CrosscheckSpan    *span)
{
  bump_counter (&self->next_span, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (span)), 's');
  insert_span (self, span, g_signal_has_handler_pending (self, signals[SPAN_CHANGED], 0, FALSE));
}

void
_crosscheck_project_insert_link (CrosscheckProject *self,
                                 CrosscheckLink    *link)
{
  bump_counter (&self->next_link, crosscheck_annotation_get_id (CROSSCHECK_ANNOTATION (link)), 'l');
  insert_link (self, link, g_signal_has_handler_pending (self, signals[LINK_CHANGED], 0, FALSE));
}

static char *
new_id (CrosscheckProject *self,
        char               prefix,
        guint             *counter)
{
  char *id = NULL;

  do
    {
      g_free (id);
      id = g_strdup_printf ("%c%u", prefix, (*counter)++);
    }
  while (g_hash_table_contains (self->ids, id));

  return id;
}

/**
 * _crosscheck_project_new_id:
 * @self: a #CrosscheckProject
 * @prefix: `d`, `s` or `l`, for a document, span or link
 *
 * Returns: (transfer full): the next id with @prefix that nothing in the
 *   project has
 */
char *
_crosscheck_project_new_id (CrosscheckProject *self,
                            char               prefix)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (prefix == 'd' || prefix == 's' || prefix == 'l', NULL);

  return new_id (self, prefix,
                 prefix == 'd' ? &self->next_document :
                 prefix == 's' ? &self->next_span : &self->next_link);
}

/* ------------------------------------------------------------------------ */
/* Edits                                                                     */

static gboolean
refuse (GError     **error,
        const char  *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_REFUSED,
                                 format, args);
  va_end (args);

  return FALSE;
}

static gboolean
contains_document (CrosscheckProject  *self,
                   CrosscheckDocument *document)
{
  return lookup_id (self, crosscheck_document_get_id (document), CROSSCHECK_TYPE_DOCUMENT) == document;
}

static gboolean
contains_annotation (CrosscheckProject    *self,
                     CrosscheckAnnotation *annotation)
{
  return g_hash_table_lookup (self->ids, crosscheck_annotation_get_id (annotation)) == annotation;
}

static gboolean
contains_label (CrosscheckProject *self,
                CrosscheckLabel   *label)
{
  guint position;

  return g_list_store_find (store_for_label (self, label), label, &position);
}

/* The document of the project that is @document or has the same text,
 * or NULL: a project holds each article once. */
CrosscheckDocument *
_crosscheck_project_find_same_text (CrosscheckProject  *self,
                                    CrosscheckDocument *document)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrosscheckDocument) other = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (other == document ||
          g_str_equal (crosscheck_document_get_sha256 (other), crosscheck_document_get_sha256 (document)))
        return other;  /* the project keeps its reference */
    }

  return NULL;
}

/**
 * crosscheck_project_add_document:
 * @self: a #CrosscheckProject
 * @document: a document not in any project
 * @error: return location for a #GError
 *
 * Adds a document, giving it the next free id (`d1`, `d2`, …) if it has
 * none or its id is taken. A document whose text is already in the project
 * is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_add_document (CrosscheckProject   *self,
                                 CrosscheckDocument  *document,
                                 GError             **error)
{
  CrosscheckDocument *other;
  const char *id;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (document), FALSE);

  if ((other = _crosscheck_project_find_same_text (self, document)) != NULL)
    return refuse (error, _("“%s” is already in the project as “%s”, with the same text."),
                   crosscheck_document_get_title (document),
                   crosscheck_document_get_title (other));

  id = crosscheck_document_get_id (document);
  if (!crosscheck_is_valid_id (id) || g_hash_table_contains (self->ids, id))
    {
      g_autofree char *fresh = new_id (self, 'd', &self->next_document);

      _crosscheck_document_set_id (document, fresh);
    }

  crosscheck_history_begin (self->history, _("Add Document"));
  run (self, OP_ADD_DOCUMENT, document, 0, NULL, NULL, NULL);
  crosscheck_history_end (self->history);

  return TRUE;
}

/* Removes a span's links, then the span, as steps of the current command. */
static void
run_remove_span (CrosscheckProject *self,
                 CrosscheckSpan    *span)
{
  g_autoptr(GPtrArray) links = crosscheck_project_get_links_of_span (self, span);

  for (guint i = 0; i < links->len; i++)
    run (self, OP_REMOVE_LINK, g_ptr_array_index (links, i), 0, NULL, NULL, NULL);
  run (self, OP_REMOVE_SPAN, span, 0, NULL, NULL, NULL);
}

/**
 * crosscheck_project_remove_document:
 * @self: a #CrosscheckProject
 * @document: a document of @self
 * @error: return location for a #GError
 *
 * Removes a document with its spans and their links, in one undoable step.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_remove_document (CrosscheckProject   *self,
                                    CrosscheckDocument  *document,
                                    GError             **error)
{
  g_autoptr(GPtrArray) spans = NULL;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (document), FALSE);

  if (!contains_document (self, document))
    return refuse (error, _("The document is not part of this project."));

  spans = crosscheck_span_list_get_overlapping (self->spans, document, 0,
                                                crosscheck_document_get_length (document));

  crosscheck_history_begin (self->history, _("Close Document"));
  for (guint i = 0; i < spans->len; i++)
    run_remove_span (self, g_ptr_array_index (spans, i));
  run (self, OP_REMOVE_DOCUMENT, document, 0, NULL, NULL, NULL);
  crosscheck_history_end (self->history);

  return TRUE;
}

static gboolean
change_document (CrosscheckProject   *self,
                 CrosscheckDocument  *document,
                 CrosscheckDocument  *after,
                 const char          *description,
                 GError             **error)
{
  if (!contains_document (self, document))
    return refuse (error, _("The document is not part of this project."));

  if (g_strcmp0 (crosscheck_document_get_title (after), crosscheck_document_get_title (document)) == 0 &&
      g_strcmp0 (crosscheck_document_get_published (after),
                 crosscheck_document_get_published (document)) == 0)
    {
      g_object_unref (after);
      return TRUE;
    }

  crosscheck_history_begin (self->history, description);
  run (self, OP_CHANGE_DOCUMENT, document, 0, _crosscheck_document_copy (document), after,
       g_object_unref);
  crosscheck_history_end (self->history);

  return TRUE;
}

gboolean
crosscheck_project_set_document_title (CrosscheckProject   *self,
                                       CrosscheckDocument  *document,
                                       const char          *title,
                                       GError             **error)
{
  CrosscheckDocument *after;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  after = _crosscheck_document_copy (document);
  crosscheck_document_set_title (after, title);

  return change_document (self, document, after, _("Rename Document"), error);
}

gboolean
crosscheck_project_set_document_published (CrosscheckProject   *self,
                                           CrosscheckDocument  *document,
                                           const char          *published,
                                           GError             **error)
{
  CrosscheckDocument *after;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (document), FALSE);

  after = _crosscheck_document_copy (document);
  if (!crosscheck_document_set_published (after, published, error))
    {
      g_object_unref (after);
      return FALSE;
    }

  return change_document (self, document, after, _("Change Publication Date"), error);
}

/* Checks the values a label would have, against the others in the project. */
static gboolean
check_label_values (CrosscheckProject  *self,
                    CrosscheckLabel    *label,
                    CrosscheckLabel    *values,
                    GError            **error)
{
  const char *name = crosscheck_label_get_name (values);
  gunichar shortcut = crosscheck_label_get_shortcut (values);
  CrosscheckLabel *other;
  GPtrArray *attributes;

  if (!crosscheck_is_valid_name (name))
    return refuse (error, _("“%s” cannot be a name: use 1 to 64 characters without spaces."), name);

  if (!crosscheck_is_valid_color (crosscheck_label_get_color (values)))
    return refuse (error, _("“%s” is not a colour: use the form #rrggbb."),
                   crosscheck_label_get_color (values));

  other = find_label (store_for_label (self, values), name, 0);
  if (other != NULL && other != label)
    return refuse (error, _("There is already a label called “%s”."), name);

  if (shortcut != 0)
    {
      if (!g_unichar_isgraph (shortcut) || g_unichar_isdigit (shortcut))
        return refuse (error, _("A key for a label must be a letter or a sign; digits select "
                                "labels by their place in the palette."));

      other = crosscheck_project_lookup_shortcut (self, shortcut);
      if (other != NULL && other != label)
        {
          char key[8] = { 0 };

          g_unichar_to_utf8 (shortcut, key);
          return refuse (error, _("The key “%s” already applies “%s”. Choose another key."),
                         key, crosscheck_label_get_name (other));
        }
    }

  attributes = crosscheck_label_get_attributes (values);
  for (guint i = 0; i < attributes->len; i++)
    {
      const CrosscheckAttributeSpec *spec = g_ptr_array_index (attributes, i);

      if (!crosscheck_is_valid_name (spec->name))
        return refuse (error, _("“%s” cannot be an attribute name: use 1 to 64 characters "
                                "without spaces."), spec->name);
      for (guint j = 0; j < i; j++)
        {
          const CrosscheckAttributeSpec *earlier = g_ptr_array_index (attributes, j);

          if (g_str_equal (earlier->name, spec->name))
            return refuse (error, _("The attribute “%s” is defined twice."), spec->name);
        }
    }

  return TRUE;
}

/**
 * crosscheck_project_add_label:
 * @self: a #CrosscheckProject
 * @label: a new label or link type
 * @error: return location for a #GError
 *
 * Adds a label at the end of the palette, or a link type if @label is of
 * kind %CROSSCHECK_LABEL_RELATION. Names and keys must be free.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_add_label (CrosscheckProject  *self,
                              CrosscheckLabel    *label,
                              GError            **error)
{
  GListStore *store;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (label), FALSE);

  if (contains_label (self, label))
    return refuse (error, _("The label is already part of this project."));
  if (!check_label_values (self, NULL, label, error))
    return FALSE;

  store = store_for_label (self, label);
  crosscheck_history_begin (self->history,
                            crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION
                            ? _("Add Link Type") : _("Add Label"));
  run (self, OP_ADD_LABEL, label, g_list_model_get_n_items (G_LIST_MODEL (store)),
       NULL, NULL, NULL);
  crosscheck_history_end (self->history);

  return TRUE;
}

/**
 * crosscheck_project_update_label:
 * @self: a #CrosscheckProject
 * @label: a label or link type of @self
 * @values: a detached label (see crosscheck_label_copy()) with the new values
 * @error: return location for a #GError
 *
 * Renames, recolours, rebinds or redefines the attributes of @label in one
 * undoable step. A label may change between entity and claim; it cannot
 * become a link type or stop being one.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_update_label (CrosscheckProject  *self,
                                 CrosscheckLabel    *label,
                                 CrosscheckLabel    *values,
                                 GError            **error)
{
  gboolean was_relation;
  gboolean is_relation;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (label), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (values), FALSE);

  if (!contains_label (self, label))
    return refuse (error, _("The label is not part of this project."));

  was_relation = crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION;
  is_relation = crosscheck_label_get_kind (values) == CROSSCHECK_LABEL_RELATION;
  if (was_relation != is_relation)
    return refuse (error, _("A label cannot become a link type, nor a link type a label."));

  if (!check_label_values (self, label, values, error))
    return FALSE;

  crosscheck_history_begin (self->history,
                            was_relation ? _("Edit Link Type") : _("Edit Label"));
  run (self, OP_CHANGE_LABEL, label, 0, crosscheck_label_copy (label),
       crosscheck_label_copy (values), g_object_unref);
  crosscheck_history_end (self->history);

  return TRUE;
}

/**
 * crosscheck_project_remove_label:
 * @self: a #CrosscheckProject
 * @label: a label or link type of @self
 * @error: return location for a #GError
 *
 * Removes a label with every span that carries it (and their links), or a
 * link type with every link of that type, in one undoable step.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_remove_label (CrosscheckProject  *self,
                                 CrosscheckLabel    *label,
                                 GError            **error)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean relation;
  GListModel *model;
  guint n;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (label), FALSE);

  if (!contains_label (self, label))
    return refuse (error, _("The label is not part of this project."));

  relation = crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION;
  model = relation ? G_LIST_MODEL (self->links) : G_LIST_MODEL (self->spans);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrosscheckAnnotation) annotation = g_list_model_get_item (model, i);

      if (crosscheck_annotation_get_label (annotation) == label)
        g_ptr_array_add (doomed, g_steal_pointer (&annotation));
    }

  crosscheck_history_begin (self->history, relation ? _("Delete Link Type") : _("Delete Label"));
  for (guint i = 0; i < doomed->len; i++)
    {
      gpointer annotation = g_ptr_array_index (doomed, i);

      if (relation)
        run (self, OP_REMOVE_LINK, annotation, 0, NULL, NULL, NULL);
      else
        run_remove_span (self, annotation);
    }
  run (self, OP_REMOVE_LABEL, label, find_position (store_for_label (self, label), label),
       NULL, NULL, NULL);
  crosscheck_history_end (self->history);

  return TRUE;
}

static gboolean
find_same_span (CrosscheckSpan *span,
                gpointer        user_data)
{
  CrosscheckSpan **probe = user_data;

  if (crosscheck_span_get_start (span) == crosscheck_span_get_start (probe[0]) &&
      crosscheck_span_get_end (span) == crosscheck_span_get_end (probe[0]) &&
      crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (span)) ==
      crosscheck_annotation_get_label (CROSSCHECK_ANNOTATION (probe[0])))
    {
      probe[1] = span;
      return FALSE;
    }

  return TRUE;
}

static void
stamp_new (CrosscheckProject    *self,
           CrosscheckAnnotation *annotation,
           const char           *id,
           CrosscheckLabel      *label)
{
  g_autofree char *now = crosscheck_now_iso8601 ();

  _crosscheck_annotation_set_id (annotation, id);
  _crosscheck_annotation_set_label (annotation, label);
  _crosscheck_annotation_set_annotator (annotation, self->annotator);
  _crosscheck_annotation_set_times (annotation, now, now);
}

/**
 * crosscheck_project_add_span:
 * @self: a #CrosscheckProject
 * @document: a document of @self
 * @start: first code point
 * @end: code point after the last
 * @label: a span label of @self
 * @error: return location for a #GError
 *
 * Tags a range. Spans may overlap and nest; an empty, reversed or
 * out-of-range span, or one with the same range and label as an existing
 * span, is refused.
 *
 * Returns: (transfer none) (nullable): the new span, or %NULL with @error set
 */
CrosscheckSpan *
crosscheck_project_add_span (CrosscheckProject   *self,
                             CrosscheckDocument  *document,
                             guint                start,
                             guint                end,
                             CrosscheckLabel     *label,
                             GError             **error)
{
  g_autoptr(CrosscheckSpan) span = NULL;
  g_autofree char *id = NULL;
  CrosscheckSpan *probe[2] = { NULL, NULL };

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (CROSSCHECK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (label), NULL);

  if (!contains_document (self, document))
    return refuse (error, _("The document is not part of this project.")), NULL;
  if (!contains_label (self, label) || crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION)
    return refuse (error, _("“%s” is not a span label of this project."),
                   crosscheck_label_get_name (label)), NULL;
  if (start >= end)
    return refuse (error, _("Select some text first: a span cannot be empty or reversed.")), NULL;
  if (end > crosscheck_document_get_length (document))
    return refuse (error, _("The span %u–%u goes past the end of the document (%u characters)."),
                   start, end, crosscheck_document_get_length (document)), NULL;

  span = _crosscheck_span_new (document, start, end);
  _crosscheck_annotation_set_label (CROSSCHECK_ANNOTATION (span), label);
  probe[0] = span;
  crosscheck_span_list_foreach_overlapping (self->spans, document, start, end,
                                            find_same_span, probe);
  if (probe[1] != NULL)
    return refuse (error, _("“%s” is already tagged %s."), crosscheck_span_get_text (span),
                   crosscheck_label_get_name (label)), NULL;

  id = new_id (self, 's', &self->next_span);
  stamp_new (self, CROSSCHECK_ANNOTATION (span), id, label);

  crosscheck_history_begin (self->history, _("Add Span"));
  run (self, OP_ADD_SPAN, span, 0, NULL, NULL, NULL);
  crosscheck_history_end (self->history);

  return span;
}

/**
 * crosscheck_project_remove_span:
 * @self: a #CrosscheckProject
 * @span: a span of @self
 * @error: return location for a #GError
 *
 * Removes a span and its links in one undoable step.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_remove_span (CrosscheckProject  *self,
                                CrosscheckSpan     *span,
                                GError            **error)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_SPAN (span), FALSE);

  if (!contains_annotation (self, CROSSCHECK_ANNOTATION (span)))
    return refuse (error, _("The span is not part of this project."));

  crosscheck_history_begin (self->history, _("Delete Span"));
  run_remove_span (self, span);
  crosscheck_history_end (self->history);

  return TRUE;
}

/* Changes the editable state of an annotation as one undoable step. @edit
 * is applied to a fresh state; nothing is recorded if nothing changed. */
typedef void (*EditFunc) (CrosscheckAnnotationState *state,
                          gconstpointer              a,
                          gconstpointer              b);

static gboolean
state_equal (CrosscheckAnnotationState *a,
             CrosscheckAnnotationState *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a->label != b->label || g_strcmp0 (a->note, b->note) != 0 ||
      g_strcmp0 (a->review, b->review) != 0 ||
      g_hash_table_size (a->attributes) != g_hash_table_size (b->attributes))
    return FALSE;

  g_hash_table_iter_init (&iter, a->attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (value, g_hash_table_lookup (b->attributes, key)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
edit_annotation (CrosscheckProject    *self,
                 CrosscheckAnnotation *annotation,
                 const char           *description,
                 EditFunc              edit,
                 gconstpointer         a,
                 gconstpointer         b)
{
  CrosscheckAnnotationState *before = _crosscheck_annotation_save_state (annotation);
  CrosscheckAnnotationState *after = _crosscheck_annotation_save_state (annotation);

  edit (after, a, b);
  if (state_equal (before, after))
    {
      _crosscheck_annotation_state_free (before);
      _crosscheck_annotation_state_free (after);
      return TRUE;
    }

  g_free (after->modified);
  after->modified = crosscheck_now_iso8601 ();

  crosscheck_history_begin (self->history, description);
  run (self, OP_CHANGE_ANNOTATION, annotation, 0, before, after,
       (GDestroyNotify) _crosscheck_annotation_state_free);
  crosscheck_history_end (self->history);

  return TRUE;
}

static void
edit_label (CrosscheckAnnotationState *state,
            gconstpointer              label,
            gconstpointer              unused)
{
  g_set_object (&state->label, (CrosscheckLabel *) label);
}

static void
edit_note (CrosscheckAnnotationState *state,
           gconstpointer              note,
           gconstpointer              unused)
{
  crosscheck_set_str (&state->note, note);
}

static void
edit_attribute (CrosscheckAnnotationState *state,
                gconstpointer              name,
                gconstpointer              value)
{
  if (value == NULL)
    g_hash_table_remove (state->attributes, name);
  else
    g_hash_table_insert (state->attributes, g_strdup (name), g_strdup (value));
}

/**
 * crosscheck_project_relabel_span:
 * @self: a #CrosscheckProject
 * @span: a span of @self
 * @label: a span label of @self
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_relabel_span (CrosscheckProject  *self,
                                 CrosscheckSpan     *span,
                                 CrosscheckLabel    *label,
                                 GError            **error)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_SPAN (span), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (label), FALSE);

  if (!contains_annotation (self, CROSSCHECK_ANNOTATION (span)))
    return refuse (error, _("The span is not part of this project."));
  if (!contains_label (self, label) || crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_RELATION)
    return refuse (error, _("“%s” is not a span label of this project."),
                   crosscheck_label_get_name (label));

  return edit_annotation (self, CROSSCHECK_ANNOTATION (span), _("Change Label"),
                          edit_label, label, NULL);
}

/* Returns the link that would duplicate one of @type from @from to @to. */
static CrosscheckLink *
find_link (CrosscheckProject *self,
           CrosscheckLabel   *type,
           CrosscheckSpan    *from,
           CrosscheckSpan    *to,
           CrosscheckLink    *except)
{
  GPtrArray *links = g_hash_table_lookup (self->span_links, from);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      CrosscheckLink *link = g_ptr_array_index (links, i);

      if (link != except && crosscheck_link_joins (link, type, from, to))
        return link;
    }

  return NULL;
}

/**
 * crosscheck_project_add_link:
 * @self: a #CrosscheckProject
 * @type: a link type of @self
 * @from: a span of @self
 * @to: another span of @self, in the same or another document
 * @error: return location for a #GError
 *
 * Links two spans. Self-links and duplicates are refused; for a symmetric
 * type, a link in the other direction counts as a duplicate.
 *
 * Returns: (transfer none) (nullable): the new link, or %NULL with @error set
 */
CrosscheckLink *
crosscheck_project_add_link (CrosscheckProject  *self,
                             CrosscheckLabel    *type,
                             CrosscheckSpan     *from,
                             CrosscheckSpan     *to,
                             GError            **error)
{
  g_autoptr(CrosscheckLink) link = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (type), NULL);
  g_return_val_if_fail (CROSSCHECK_IS_SPAN (from), NULL);
  g_return_val_if_fail (CROSSCHECK_IS_SPAN (to), NULL);

  if (!contains_label (self, type) || crosscheck_label_get_kind (type) != CROSSCHECK_LABEL_RELATION)
    return refuse (error, _("“%s” is not a link type of this project."),
                   crosscheck_label_get_name (type)), NULL;
  if (!contains_annotation (self, CROSSCHECK_ANNOTATION (from)) ||
      !contains_annotation (self, CROSSCHECK_ANNOTATION (to)))
    return refuse (error, _("Both ends of a link must be spans of this project.")), NULL;
  if (from == to)
    return refuse (error, _("A span cannot be linked to itself. Pick another span.")), NULL;
  if (find_link (self, type, from, to, NULL) != NULL)
    return refuse (error, _("These spans are already linked as “%s”."),
                   crosscheck_label_get_name (type)), NULL;

  link = _crosscheck_link_new (type, from, to);
  id = new_id (self, 'l', &self->next_link);
  stamp_new (self, CROSSCHECK_ANNOTATION (link), id, type);

  crosscheck_history_begin (self->history, _("Add Link"));
  run (self, OP_ADD_LINK, link, 0, NULL, NULL, NULL);
  crosscheck_history_end (self->history);

  return link;
}

gboolean
crosscheck_project_remove_link (CrosscheckProject  *self,
                                CrosscheckLink     *link,
                                GError            **error)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LINK (link), FALSE);

  if (!contains_annotation (self, CROSSCHECK_ANNOTATION (link)))
    return refuse (error, _("The link is not part of this project."));

  crosscheck_history_begin (self->history, _("Delete Link"));
  run (self, OP_REMOVE_LINK, link, 0, NULL, NULL, NULL);
  crosscheck_history_end (self->history);

  return TRUE;
}

gboolean
crosscheck_project_set_link_type (CrosscheckProject  *self,
                                  CrosscheckLink     *link,
                                  CrosscheckLabel    *type,
                                  GError            **error)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LINK (link), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LABEL (type), FALSE);

  if (!contains_annotation (self, CROSSCHECK_ANNOTATION (link)))
    return refuse (error, _("The link is not part of this project."));
  if (!contains_label (self, type) || crosscheck_label_get_kind (type) != CROSSCHECK_LABEL_RELATION)
    return refuse (error, _("“%s” is not a link type of this project."),
                   crosscheck_label_get_name (type));
  if (find_link (self, type, crosscheck_link_get_from (link), crosscheck_link_get_to (link), link))
    return refuse (error, _("These spans are already linked as “%s”."),
                   crosscheck_label_get_name (type));

  return edit_annotation (self, CROSSCHECK_ANNOTATION (link), _("Change Link Type"),
                          edit_label, type, NULL);
}

/**
 * crosscheck_project_swap_link:
 * @self: a #CrosscheckProject
 * @link: a link of @self with a directed type
 * @error: return location for a #GError
 *
 * Reverses the direction of a link.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_swap_link (CrosscheckProject  *self,
                              CrosscheckLink     *link,
                              GError            **error)
{
  CrosscheckLabel *type;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_LINK (link), FALSE);

  if (!contains_annotation (self, CROSSCHECK_ANNOTATION (link)))
    return refuse (error, _("The link is not part of this project."));

  type = crosscheck_link_get_link_type (link);
  if (crosscheck_label_get_symmetric (type))
    return refuse (error, _("A “%s” link has no direction to swap."),
                   crosscheck_label_get_name (type));
  if (find_link (self, type, crosscheck_link_get_to (link), crosscheck_link_get_from (link), link))
    return refuse (error, _("A “%s” link in the other direction exists already."),
                   crosscheck_label_get_name (type));

  crosscheck_history_begin (self->history, _("Swap Link Direction"));
  run (self, OP_SWAP_LINK, link, 0, NULL, NULL, NULL);
  crosscheck_history_end (self->history);

  return TRUE;
}

/**
 * crosscheck_project_set_note:
 * @self: a #CrosscheckProject
 * @annotation: a span or link of @self
 * @note: (nullable): the new note; %NULL or "" for none
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_set_note (CrosscheckProject     *self,
                             CrosscheckAnnotation  *annotation,
                             const char            *note,
                             GError               **error)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (annotation), FALSE);

  if (!contains_annotation (self, annotation))
    return refuse (error, _("The annotation is not part of this project."));
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    return refuse (error, _("The note is not valid text."));

  return edit_annotation (self, annotation, _("Edit Note"), edit_note, note ? note : "", NULL);
}

static void
edit_review (CrosscheckAnnotationState *state,
             gconstpointer              unused_a,
             gconstpointer              unused_b)
{
  g_clear_pointer (&state->review, g_free);
}

/**
 * crosscheck_project_mark_reviewed:
 * @self: a #CrosscheckProject
 * @annotation: a span or link of @self
 * @error: return location for a #GError
 *
 * Clears the flag that asks the editor to check @annotation (see
 * crosscheck_annotation_get_review()), as one undoable step.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_mark_reviewed (CrosscheckProject     *self,
                                  CrosscheckAnnotation  *annotation,
                                  GError               **error)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (annotation), FALSE);

  if (!contains_annotation (self, annotation))
    return refuse (error, _("The annotation is not part of this project."));

  return edit_annotation (self, annotation, _("Mark as Reviewed"), edit_review, NULL, NULL);
}

/**
 * crosscheck_project_set_attribute:
 * @self: a #CrosscheckProject
 * @annotation: a span or link of @self
 * @name: an attribute name
 * @value: (nullable): the value, or %NULL to remove the attribute
 * @error: return location for a #GError
 *
 * Sets an attribute. If the label (or link type) defines @name with a list
 * of choices, @value must be one of them.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_project_set_attribute (CrosscheckProject     *self,
                                  CrosscheckAnnotation  *annotation,
                                  const char            *name,
                                  const char            *value,
                                  GError               **error)
{
  const CrosscheckAttributeSpec *spec;

  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CROSSCHECK_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!contains_annotation (self, annotation))
    return refuse (error, _("The annotation is not part of this project."));
  if (!crosscheck_is_valid_name (name))
    return refuse (error, _("“%s” cannot be an attribute name: use 1 to 64 characters "
                            "without spaces."), name);
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return refuse (error, _("The value is not valid text."));

  spec = crosscheck_label_lookup_attribute (crosscheck_annotation_get_label (annotation), name);
  if (value != NULL && spec != NULL && !crosscheck_attribute_spec_allows (spec, value))
    {
      g_autofree char *choices = g_strjoinv (", ", spec->values);

      return refuse (error, _("“%s” is not a choice for %s; choose one of: %s."),
                     value, name, choices);
    }

  return edit_annotation (self, annotation, _("Edit Attribute"), edit_attribute, name, value);
}

/**
 * crosscheck_project_undo:
 * @self: a #CrosscheckProject
 *
 * Returns: %TRUE if a command was undone
 */
gboolean
crosscheck_project_undo (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);

  return crosscheck_history_undo (self->history);
}

/**
 * crosscheck_project_redo:
 * @self: a #CrosscheckProject
 *
 * Returns: %TRUE if a command was redone
 */
gboolean
crosscheck_project_redo (CrosscheckProject *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_PROJECT (self), FALSE);

  return crosscheck_history_redo (self->history);
}
