/* crosscheck-preload.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crosscheck-debug-frames.h"
#include "crosscheck-document.h"
#include "crosscheck-preload.h"

/* A project named on the command line starts loading in main(), in a
 * thread of its own, while GTK starts and the window is built (about
 * 0.4 s on the benchmark machine), instead of when GApplication hands the
 * file to the "open" handler. The open job then takes the result. Only
 * local project files are read ahead; anything else opens as before.
 * When another instance of the application is already running, the files
 * go to it and this process ends: what was read ahead is dropped. */

#define MAX_PRELOADS 4

typedef struct
{
  char              *path;     /* as g_file_get_path() gives it */
  GThread           *thread;
  CrosscheckProject *project;
  GError            *error;
  GPtrArray         *documents;  /* under lock: the articles read so far */
  guint              n_filled;   /* main thread: how many have a text buffer */
  gboolean           done;       /* under lock */
} Preload;

static GMutex      lock;
static GCond       finished;     /* a read-ahead ended or read an article */
static GPtrArray  *preloads;     /* Preload, not taken yet */
static GHashTable *buffers;      /* main thread: CrosscheckDocument → its GtkTextBuffer */

/* In the reading thread. */
static void
on_document_read (CrosscheckDocument *document,
                  gpointer            data)
{
  Preload *preload = data;

  g_mutex_lock (&lock);
  g_ptr_array_add (preload->documents, g_object_ref (document));
  g_cond_broadcast (&finished);
  g_mutex_unlock (&lock);
}

static gpointer
preload_thread (gpointer data)
{
  Preload *preload = data;
  g_autoptr(GFile) file = g_file_new_for_path (preload->path);

  _crosscheck_debug_mark ("read-ahead-begin");
  preload->project = crosscheck_project_load_from_file_watched (file, NULL, on_document_read, preload,
                                                                NULL, &preload->error);
  _crosscheck_debug_mark ("read-ahead-end");

  g_mutex_lock (&lock);
  preload->done = TRUE;
  g_cond_broadcast (&finished);
  g_mutex_unlock (&lock);

  return NULL;
}

/**
 * _crosscheck_preload_start:
 * @argc: main()'s
 * @argv: main()'s
 *
 * Starts reading the project files among @argv (arguments that are not
 * options and name a local file ending in .crosscheck.json).
 */
void
_crosscheck_preload_start (int    argc,
                           char **argv)
{
  g_mutex_lock (&lock);
  if (preloads == NULL)
    preloads = g_ptr_array_new ();

  for (int i = 1; i < argc && preloads->len < MAX_PRELOADS; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      Preload *preload;

      if (argv[i][0] == '-' || !g_str_has_suffix (argv[i], CROSSCHECK_PROJECT_SUFFIX))
        continue;

      file = g_file_new_for_commandline_arg (argv[i]);
      path = g_file_get_path (file);
      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      preload = g_new0 (Preload, 1);
      preload->path = g_steal_pointer (&path);
      preload->documents = g_ptr_array_new_with_free_func (g_object_unref);
      preload->thread = g_thread_new ("crosscheck-read-ahead", preload_thread, preload);
      g_ptr_array_add (preloads, preload);
    }
  g_mutex_unlock (&lock);
}

/* Under lock. */
static Preload *
find (const char *path)
{
  for (guint i = 0; preloads != NULL && i < preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (preloads, i);

      if (g_str_equal (preload->path, path))
        return preload;
    }

  return NULL;
}

/* Under lock, on the main thread, which would otherwise only wait: puts
 * the text of each article read so far into a text buffer (tens of
 * milliseconds for a 5 MB article) while the reading thread goes on with
 * the spans. The article's column takes the buffer. */
static void
fill_buffers (Preload *preload)
{
  while (preload->n_filled < preload->documents->len)
    {
      g_autoptr(CrosscheckDocument) document = g_object_ref (g_ptr_array_index (preload->documents,
                                                                                preload->n_filled++));
      GtkTextBuffer *buffer;

      g_mutex_unlock (&lock);
      buffer = gtk_text_buffer_new (NULL);
      gtk_text_buffer_set_text (buffer, crosscheck_document_get_text (document),
                                crosscheck_document_get_byte_length (document));
      if (buffers == NULL)
        buffers = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
      g_hash_table_replace (buffers, g_steal_pointer (&document), buffer);
      g_mutex_lock (&lock);
    }
}

/**
 * _crosscheck_preload_wait:
 * @files: files about to be opened
 * @n_files: how many
 * @timeout_ms: how long to wait at most
 *
 * Waits until every one of @files has been read ahead, for at most
 * @timeout_ms. The application waits a little before it shows its first
 * window, so that the first frame shows the project rather than an empty
 * window that the project replaces a moment later.
 *
 * Returns: %TRUE if all of @files were read ahead, without problems, and
 *   are ready to take
 */
gboolean
_crosscheck_preload_wait (GFile **files,
                          guint   n_files,
                          guint   timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gboolean ready = n_files > 0;

  g_mutex_lock (&lock);
  for (guint i = 0; ready && i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      Preload *preload = path != NULL ? find (path) : NULL;

      if (preload == NULL)
        ready = FALSE;
      else
        {
          while (!preload->done && ready)
            {
              if (timeout_ms > 0)
                fill_buffers (preload);
              if (!preload->done)
                ready = g_cond_wait_until (&finished, &lock, deadline);
            }
          /* A file with problems may need re-anchoring, which can take
           * long: that is for the open job's thread. */
          ready &= preload->done && preload->project != NULL;
        }
    }
  g_mutex_unlock (&lock);

  return ready;
}

/**
 * _crosscheck_preload_take:
 * @file: a file being opened
 * @found: (out): whether @file was being read ahead
 * @error: return location for the error of reading it
 *
 * Waits for @file's read-ahead to end and hands over its result, once.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL when it could
 *   not be read (@error says why) or was not read ahead (*@found is %FALSE)
 */
CrosscheckProject *
_crosscheck_preload_take (GFile    *file,
                          gboolean *found,
                          GError  **error)
{
  g_autofree char *path = g_file_get_path (file);
  CrosscheckProject *project;
  Preload *preload = NULL;

  *found = FALSE;
  if (path == NULL)
    return NULL;

  g_mutex_lock (&lock);
  preload = find (path);
  if (preload != NULL)
    g_ptr_array_remove (preloads, preload);
  g_mutex_unlock (&lock);

  if (preload == NULL)
    return NULL;

  g_thread_join (preload->thread);
  *found = TRUE;
  project = preload->project;
  if (preload->error != NULL)
    g_propagate_error (error, preload->error);
  g_ptr_array_unref (preload->documents);
  g_free (preload->path);
  g_free (preload);

  return project;
}

/**
 * _crosscheck_preload_take_buffer:
 * @document: an article about to be shown
 *
 * Hands over, once, the text buffer filled with @document's text while
 * its project was read ahead.
 *
 * Returns: (transfer full) (nullable): the buffer, or %NULL if there is none
 */
GtkTextBuffer *
_crosscheck_preload_take_buffer (CrosscheckDocument *document)
{
  gpointer key = NULL, buffer = NULL;

  if (buffers == NULL || !g_hash_table_steal_extended (buffers, document, &key, &buffer))
    return NULL;

  g_object_unref (key);
  return buffer;
}

/**
 * _crosscheck_preload_drop_buffers:
 *
 * Frees the text buffers that no column took: the first window has been
 * given its project, or could not be.
 */
void
_crosscheck_preload_drop_buffers (void)
{
  g_clear_pointer (&buffers, g_hash_table_unref);
}
