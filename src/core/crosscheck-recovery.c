/* crosscheck-recovery.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crosscheck-history.h"
#include "crosscheck-project-private.h"
#include "crosscheck-recovery.h"
#include "crosscheck-utils.h"

/* Autosaved projects, so that a crash or a kill loses at most a few
 * seconds of work. Each entry is two files in a folder of the user's data:
 * ID.crosscheck.json, the project as it was, and ID.ini, what it is
 * (title, its own file, when). Both are written atomically, and never over
 * the editor's own file. An entry is discarded when its project is saved or
 * closed normally, so entries found at start-up are work a crash left. */

struct _CrosscheckRecovery
{
  GObject  parent_instance;

  /* owned */
  GFile   *folder;
};

G_DEFINE_FINAL_TYPE (CrosscheckRecovery, crosscheck_recovery, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (CrosscheckRecoveryEntry, crosscheck_recovery_entry,
                     crosscheck_recovery_entry_copy, crosscheck_recovery_entry_free)

#define GROUP "Recovery"

CrosscheckRecoveryEntry *
crosscheck_recovery_entry_copy (const CrosscheckRecoveryEntry *entry)
{
  CrosscheckRecoveryEntry *copy = g_new0 (CrosscheckRecoveryEntry, 1);

  copy->id = g_strdup (entry->id);
  copy->title = g_strdup (entry->title);
  copy->original = g_strdup (entry->original);
  copy->saved = g_strdup (entry->saved);

  return copy;
}

void
crosscheck_recovery_entry_free (CrosscheckRecoveryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->original);
  g_free (entry->saved);
  g_free (entry);
}

static void
crosscheck_recovery_finalize (GObject *object)
{
  CrosscheckRecovery *self = (CrosscheckRecovery *)object;

  g_clear_object (&self->folder);

  G_OBJECT_CLASS (crosscheck_recovery_parent_class)->finalize (object);
}

static void
crosscheck_recovery_class_init (CrosscheckRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crosscheck_recovery_finalize;
}

static void
crosscheck_recovery_init (CrosscheckRecovery *self)
{
}

/**
 * crosscheck_recovery_new:
 * @folder: (nullable): where to keep recovery files, or %NULL for
 *   `$XDG_DATA_HOME/crosscheck/recovery`
 *
 * Returns: (transfer full): a new #CrosscheckRecovery
 */
CrosscheckRecovery *
crosscheck_recovery_new (GFile *folder)
{
  CrosscheckRecovery *self = g_object_new (CROSSCHECK_TYPE_RECOVERY, NULL);

  if (folder != NULL)
    self->folder = g_object_ref (folder);
  else
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crosscheck", "recovery", NULL);

      self->folder = g_file_new_for_path (path);
    }

  return self;
}

/**
 * crosscheck_recovery_get_folder:
 * @self: a #CrosscheckRecovery
 *
 * Returns: (transfer none): the folder of recovery files
 */
GFile *
crosscheck_recovery_get_folder (CrosscheckRecovery *self)
{
  g_return_val_if_fail (CROSSCHECK_IS_RECOVERY (self), NULL);

  return self->folder;
}

/**
 * crosscheck_recovery_new_id:
 *
 * Returns: (transfer full): a fresh id for an entry
 */
char *
crosscheck_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

static GFile *
entry_file (CrosscheckRecovery *self,
            const char         *id,
            const char         *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (self->folder, name);
}

/**
 * crosscheck_recovery_save:
 * @self: a #CrosscheckRecovery
 * @id: the entry's id (see crosscheck_recovery_new_id())
 * @contents: the serialised project
 * @title: what to call it when offering to restore it
 * @original: (nullable): the project's own file, if any
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes or replaces the entry @id. Blocking; safe to call from a worker
 * thread.
 *
 * Returns: %TRUE on success
 */
gboolean
crosscheck_recovery_save (CrosscheckRecovery  *self,
                          const char          *id,
                          GBytes              *contents,
                          const char          *title,
                          GFile               *original,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GFile) info_file = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GBytes) info = NULL;
  g_autofree char *now = crosscheck_now_iso8601 ();
  g_autofree char *data = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (CROSSCHECK_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (id != NULL && contents != NULL, FALSE);

  if (!g_file_make_directory_with_parents (self->folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  project_file = entry_file (self, id, ".crosscheck.json");
  info_file = entry_file (self, id, ".ini");

  /* The project first: an entry's description never names missing data. */
  if (!crosscheck_file_write_atomic (project_file, contents, cancellable, error))
    return FALSE;

  g_key_file_set_string (keyfile, GROUP, "title", title ? title : "");
  g_key_file_set_string (keyfile, GROUP, "saved", now);
  if (original != NULL)
    {
      uri = g_file_get_uri (original);
      g_key_file_set_string (keyfile, GROUP, "original", uri);
    }
  data = g_key_file_to_data (keyfile, &length, NULL);
  info = g_bytes_new_take (g_steal_pointer (&data), length);

  return crosscheck_file_write_atomic (info_file, info, cancellable, error);
}

typedef struct
{
  char   *id;
  GBytes *contents;
  char   *title;
  GFile  *original;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->id);
  g_bytes_unref (job->contents);
  g_free (job->title);
  g_clear_object (&job->original);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (crosscheck_recovery_save (source_object, job->id, job->contents, job->title, job->original,
                                cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * crosscheck_recovery_save_async:
 * @self: a #CrosscheckRecovery
 * @id: the entry's id
 * @contents: the serialised project
 * @title: what to call it
 * @original: (nullable): the project's own file, if any
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Like crosscheck_recovery_save(), in a worker thread, so that the editor
 * never waits for the disk.
 */
void
crosscheck_recovery_save_async (CrosscheckRecovery  *self,
                                const char          *id,
                                GBytes              *contents,
                                const char          *title,
                                GFile               *original,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (CROSSCHECK_IS_RECOVERY (self));

  job = g_new0 (SaveJob, 1);
  job->id = g_strdup (id);
  job->contents = g_bytes_ref (contents);
  job->title = g_strdup (title);
  job->original = original ? g_object_ref (original) : NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crosscheck_recovery_save_async);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
crosscheck_recovery_save_finish (CrosscheckRecovery  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const CrosscheckRecoveryEntry *ea = *(CrosscheckRecoveryEntry **) a;
  const CrosscheckRecoveryEntry *eb = *(CrosscheckRecoveryEntry **) b;

  return g_strcmp0 (ea->saved, eb->saved);
}

/**
 * crosscheck_recovery_list:
 * @self: a #CrosscheckRecovery
 *
 * Entries whose description cannot be read are left out (and left alone).
 *
 * Returns: (transfer container) (element-type CrosscheckRecoveryEntry): the
 *   entries, oldest first
 */
GPtrArray *
crosscheck_recovery_list (CrosscheckRecovery *self)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crosscheck_recovery_entry_free);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_return_val_if_fail (CROSSCHECK_IS_RECOVERY (self), entries);

  children = g_file_enumerate_children (self->folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autoptr(GFile) project_file = NULL;
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      CrosscheckRecoveryEntry *entry;

      if (g_str_has_suffix (name, ".ini"))
        {
          id = g_strndup (name, strlen (name) - strlen (".ini"));
          project_file = entry_file (self, id, ".crosscheck.json");
          path = g_build_filename (g_file_peek_path (self->folder), name, NULL);

          if (g_file_query_exists (project_file, NULL) &&
              g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
            {
              entry = g_new0 (CrosscheckRecoveryEntry, 1);
              entry->id = g_steal_pointer (&id);
              entry->title = g_key_file_get_string (keyfile, GROUP, "title", NULL);
              entry->saved = g_key_file_get_string (keyfile, GROUP, "saved", NULL);
              entry->original = g_key_file_get_string (keyfile, GROUP, "original", NULL);
              if (entry->title == NULL)
                entry->title = g_strdup (_("Unsaved Project"));
              g_ptr_array_add (entries, entry);
            }
        }
      g_object_unref (info);
    }

  g_ptr_array_sort (entries, compare_entries);

  return entries;
}

/**
 * crosscheck_recovery_restore:
 * @self: a #CrosscheckRecovery
 * @id: an entry's id
 * @error: return location for a #GError
 *
 * Reads an entry back. The project is exactly as it was autosaved, belongs
 * to its own file again if it had one, is dirty (it was never saved there)
 * and has an empty undo history.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
CrosscheckProject *
crosscheck_recovery_restore (CrosscheckRecovery  *self,
                             const char          *id,
                             GError             **error)
{
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GFile) info_file = NULL;
  g_autofree char *original = NULL;
  CrosscheckProject *project;

  g_return_val_if_fail (CROSSCHECK_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  project_file = entry_file (self, id, ".crosscheck.json");
  project = crosscheck_project_load_from_file (project_file, NULL, NULL, error);
  if (project == NULL)
    return NULL;

  info_file = entry_file (self, id, ".ini");
  if (g_key_file_load_from_file (keyfile, g_file_peek_path (info_file), G_KEY_FILE_NONE, NULL))
    original = g_key_file_get_string (keyfile, GROUP, "original", NULL);

  if (original != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (original);

      _crosscheck_project_set_file (project, file);
    }
  else
    _crosscheck_project_set_file (project, NULL);

  crosscheck_history_forget_saved (crosscheck_project_get_history (project));

  return project;
}

/**
 * crosscheck_recovery_discard:
 * @self: a #CrosscheckRecovery
 * @id: an entry's id
 *
 * Removes an entry, if it exists.
 */
void
crosscheck_recovery_discard (CrosscheckRecovery *self,
                             const char         *id)
{
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GFile) info_file = NULL;

  g_return_if_fail (CROSSCHECK_IS_RECOVERY (self));
  g_return_if_fail (id != NULL);

  /* The description first, so a half-discarded entry is never listed. */
  info_file = entry_file (self, id, ".ini");
  project_file = entry_file (self, id, ".crosscheck.json");
  g_file_delete (info_file, NULL, NULL);
  g_file_delete (project_file, NULL, NULL);
}
