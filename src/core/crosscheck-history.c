/* crosscheck-history.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-history.h"

/* A list of commands, each a list of steps ("ops") that the project has
 * already carried out. Commands before `position` are done and can be
 * undone; those after it were undone and can be redone. The history does not
 * know what a step is: the project's apply function does.
 *
 * The saved state is the position at the last save. Undoing back to it makes
 * the project clean again; a new command recorded while the saved state is
 * in the redo part makes it unreachable, so the project stays dirty. */

typedef struct
{
  char      *description;
  GPtrArray *ops;
} Command;

struct _CrosscheckHistory
{
  GObject                     parent_instance;

  /* owned; element-type Command */
  GPtrArray                  *commands;
  Command                    *pending;

  CrosscheckHistoryApplyFunc  apply;
  GDestroyNotify              free_op;
  gpointer                    user_data;

  guint                       position;
  gint                        saved_position;
  guint                       depth;
  guint                       applying : 1;
};

G_DEFINE_FINAL_TYPE (CrosscheckHistory, crosscheck_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
command_free (Command *command)
{
  g_free (command->description);
  g_ptr_array_unref (command->ops);
  g_free (command);
}

static void
crosscheck_history_finalize (GObject *object)
{
  CrosscheckHistory *self = (CrosscheckHistory *)object;

  g_clear_pointer (&self->pending, command_free);
  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (crosscheck_history_parent_class)->finalize (object);
}

static void
crosscheck_history_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrosscheckHistory *self = CROSSCHECK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, crosscheck_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, crosscheck_history_get_can_redo (self));
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, crosscheck_history_get_dirty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crosscheck_history_class_init (CrosscheckHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crosscheck_history_finalize;
  object_class->get_property = crosscheck_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrosscheckHistory::changed:
   *
   * Emitted after a command was recorded, undone or redone: the project
   * changed (an autosave is due).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crosscheck_history_init (CrosscheckHistory *self)
{
  self->commands = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
}

/**
 * crosscheck_history_new:
 * @apply: (scope notified): carries out or reverts one step
 * @free_op: frees a step
 * @user_data: (nullable): data for @apply, not referenced
 *
 * Returns: (transfer full): an empty, clean history
 */
CrosscheckHistory *
crosscheck_history_new (CrosscheckHistoryApplyFunc apply,
                        GDestroyNotify             free_op,
                        gpointer                   user_data)
{
  CrosscheckHistory *self = g_object_new (CROSSCHECK_TYPE_HISTORY, NULL);

  self->apply = apply;
  self->free_op = free_op;
  self->user_data = user_data;

  return self;
}

/* The three properties, compared before and after a change so that only
 * what changed is notified. */
typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean dirty;
} Snapshot;

static Snapshot
take_snapshot (CrosscheckHistory *self)
{
  return (Snapshot) {
    crosscheck_history_get_can_undo (self),
    crosscheck_history_get_can_redo (self),
    crosscheck_history_get_dirty (self),
  };
}

static void
notify_changes (CrosscheckHistory *self,
                Snapshot           before)
{
  Snapshot after = take_snapshot (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.dirty != after.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/**
 * crosscheck_history_begin:
 * @self: a #CrosscheckHistory
 * @description: what the command does, shown as "Undo @description"
 *
 * Starts a command. Steps recorded until the matching
 * crosscheck_history_end() are undone and redone together. Calls nest:
 * only the outermost description is kept.
 */
void
crosscheck_history_begin (CrosscheckHistory *self,
                          const char        *description)
{
  g_return_if_fail (CROSSCHECK_IS_HISTORY (self));
  g_return_if_fail (!self->applying);

  if (self->depth++ == 0)
    {
      g_assert (self->pending == NULL);
      self->pending = g_new0 (Command, 1);
      self->pending->description = g_strdup (description);
      self->pending->ops = g_ptr_array_new_with_free_func (self->free_op);
    }
}

/**
 * crosscheck_history_end:
 * @self: a #CrosscheckHistory
 *
 * Ends a command. A command without steps is dropped.
 */
void
crosscheck_history_end (CrosscheckHistory *self)
{
  Snapshot before;
  Command *command;

  g_return_if_fail (CROSSCHECK_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  command = g_steal_pointer (&self->pending);
  if (command->ops->len == 0)
    {
      command_free (command);
      return;
    }

  before = take_snapshot (self);

  /* A new command replaces whatever could have been redone. */
  if (self->saved_position > (gint) self->position)
    self->saved_position = -1;
  g_ptr_array_set_size (self->commands, self->position);
  g_ptr_array_add (self->commands, command);
  self->position++;

  notify_changes (self, before);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * crosscheck_history_record:
 * @self: a #CrosscheckHistory
 * @op: (transfer full): a step that was just carried out
 *
 * Adds a step to the command begun with crosscheck_history_begin().
 */
void
crosscheck_history_record (CrosscheckHistory *self,
                           gpointer           op)
{
  g_return_if_fail (CROSSCHECK_IS_HISTORY (self));
  g_return_if_fail (self->pending != NULL);
  g_return_if_fail (!self->applying);

  g_ptr_array_add (self->pending->ops, op);
}

/**
 * crosscheck_history_undo:
 * @self: a #CrosscheckHistory
 *
 * Reverts the last command, its steps in reverse order.
 *
 * Returns: %TRUE if there was a command to undo
 */
gboolean
crosscheck_history_undo (CrosscheckHistory *self)
{
  Snapshot before;
  Command *command;

  g_return_val_if_fail (CROSSCHECK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  before = take_snapshot (self);
  command = g_ptr_array_index (self->commands, self->position - 1);

  self->applying = TRUE;
  for (guint i = command->ops->len; i > 0; i--)
    self->apply (g_ptr_array_index (command->ops, i - 1), FALSE, self->user_data);
  self->applying = FALSE;

  self->position--;
  notify_changes (self, before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * crosscheck_history_redo:
 * @self: a #CrosscheckHistory
 *
 * Carries out the last undone command again.
 *
 * Returns: %TRUE if there was a command to redo
 */
gboolean
crosscheck_history_redo (CrosscheckHistory *self)
{
  Snapshot before;
  Command *command;

  g_return_val_if_fail (CROSSCHECK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->position >= self->commands->len)
    return FALSE;

  before = take_snapshot (self);
  command = g_ptr_array_index (self->commands, self->position);

  self->applying = TRUE;
  for (guint i = 0; i < command->ops->len; i++)
    self->apply (g_ptr_array_index (command->ops, i), TRUE, self->user_data);
  self->applying = FALSE;

  self->position++;
  notify_changes (self, before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
crosscheck_history_get_can_undo (CrosscheckHistory *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
crosscheck_history_get_can_redo (CrosscheckHistory *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_HISTORY (self), FALSE);

  return self->position < self->commands->len;
}

/**
 * crosscheck_history_get_undo_description:
 * @self: a #CrosscheckHistory
 *
 * Returns: (nullable): what undo would revert, or %NULL
 */
const char *
crosscheck_history_get_undo_description (CrosscheckHistory *self)
{
  Command *command;

  g_return_val_if_fail (CROSSCHECK_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;

  command = g_ptr_array_index (self->commands, self->position - 1);
  return command->description;
}

/**
 * crosscheck_history_get_redo_description:
 * @self: a #CrosscheckHistory
 *
 * Returns: (nullable): what redo would carry out, or %NULL
 */
const char *
crosscheck_history_get_redo_description (CrosscheckHistory *self)
{
  Command *command;

  g_return_val_if_fail (CROSSCHECK_IS_HISTORY (self), NULL);

  if (self->position >= self->commands->len)
    return NULL;

  command = g_ptr_array_index (self->commands, self->position);
  return command->description;
}

/**
 * crosscheck_history_get_dirty:
 * @self: a #CrosscheckHistory
 *
 * Returns: %TRUE if the project differs from what was last saved
 */
gboolean
crosscheck_history_get_dirty (CrosscheckHistory *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_HISTORY (self), FALSE);

  return self->saved_position != (gint) self->position;
}

/**
 * crosscheck_history_mark_saved:
 * @self: a #CrosscheckHistory
 *
 * Records that the project as it is now was saved.
 */
void
crosscheck_history_mark_saved (CrosscheckHistory *self)
{
  Snapshot before;

  g_return_if_fail (CROSSCHECK_IS_HISTORY (self));

  before = take_snapshot (self);
  self->saved_position = self->position;
  notify_changes (self, before);
}

/**
 * crosscheck_history_clear:
 * @self: a #CrosscheckHistory
 *
 * Forgets every command; the current state counts as saved.
 */
void
crosscheck_history_clear (CrosscheckHistory *self)
{
  Snapshot before;

  g_return_if_fail (CROSSCHECK_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);

  before = take_snapshot (self);
  g_ptr_array_set_size (self->commands, 0);
  self->position = 0;
  self->saved_position = 0;
  notify_changes (self, before);
}

/**
 * crosscheck_history_forget_saved:
 * @self: a #CrosscheckHistory
 *
 * Records that no state in the history is saved, so the project stays
 * dirty until it is saved (a project restored from a recovery file).
 */
void
crosscheck_history_forget_saved (CrosscheckHistory *self)
{
  Snapshot before;

  g_return_if_fail (CROSSCHECK_IS_HISTORY (self));

  before = take_snapshot (self);
  self->saved_position = -1;
  notify_changes (self, before);
}
