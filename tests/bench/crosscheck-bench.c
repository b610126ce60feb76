/* crosscheck-bench.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The core benchmark and the generator of synthetic projects.
 *
 *   crosscheck-bench [--runs N] [--seed S]        core measurements and budgets
 *   crosscheck-bench generate [OPTIONS] OUT       write a synthetic project
 *   crosscheck-bench load-child FILE              (internal) load once, report
 *
 * Timings use the monotonic clock; budgets are printed as met or missed and
 * never make the program fail, because a shared machine is noisy. The
 * generator is seeded: the same options give the same project, byte for
 * byte, so that runs on different days compare the same work. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>

#include "crosscheck-annotation-private.h"
#include "crosscheck-document-private.h"
#include "crosscheck-document.h"
#include "crosscheck-history.h"
#include "crosscheck-label.h"
#include "crosscheck-link-private.h"
#include "crosscheck-project-private.h"
#include "crosscheck-span-list.h"
#include "crosscheck-span-private.h"

#define BUDGET_OP_MS      1.0
#define BUDGET_SAVE_S     0.3
#define BUDGET_LOAD_S     0.5
#define BUDGET_BYTES_SPAN 300.0

/* ------------------------------------------------------------------------ */
/* Settings of a synthetic project                                          */

typedef struct
{
  guint   documents;
  gsize   text_bytes;   /* all documents together */
  guint   spans;
  guint   links;
  double  overlap;      /* share of spans that start inside the previous one */
  guint32 seed;
} Settings;

static const Settings core_settings = { 4, 5000000, 100000, 10000, 0.1, 42 };

/* A small fixed-seed generator (xorshift64*), so that every platform draws
 * the same numbers. */
typedef struct
{
  guint64 state;
} Rng;

static guint32
rng_next (Rng *rng)
{
  rng->state ^= rng->state >> 12;
  rng->state ^= rng->state << 25;
  rng->state ^= rng->state >> 27;
  return (guint32) ((rng->state * 2685821657736338717ull) >> 32);
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return n ? rng_next (rng) % n : 0;
}

static double
rng_unit (Rng *rng)
{
  return rng_next (rng) / 4294967296.0;
}

/* News-like words, a few of them outside ASCII (accents, an emoji), so that
 * code-point offsets differ from byte offsets as they do in real articles. */
static const char * const words[] = {
  "the", "minister", "said", "on", "Tuesday", "that", "a", "state", "visit", "could",
  "take", "place", "as", "soon", "as", "next", "week", "according", "to", "officials",
  "in", "Brussels", "who", "spoke", "on", "condition", "of", "anonymity", "while", "the",
  "delegation", "from", "Zürich", "arrived", "late", "café", "reports", "suggest", "April",
  "or", "early", "May", "harbour", "authority", "confirmed", "12", "vessels", "and",
  "Aurélie", "Dumont-Okafor", "told", "reporters", "🚢", "about", "the", "new", "plan",
  "élection", "budget", "of", "€4.2", "million", "was", "approved", "by", "council",
};

static char *
make_text (Rng   *rng,
           gsize  bytes)
{
  GString *text = g_string_sized_new (bytes + 64);

  while (text->len < bytes)
    {
      guint sentences = 2 + rng_below (rng, 4);

      for (guint s = 0; s < sentences; s++)
        {
          guint n = 8 + rng_below (rng, 14);

          for (guint w = 0; w < n; w++)
            {
              const char *word = words[rng_below (rng, G_N_ELEMENTS (words))];

              if (w == 0)
                {
                  g_string_append_unichar (text, g_unichar_toupper (g_utf8_get_char (word)));
                  g_string_append (text, g_utf8_next_char (word));
                }
              else
                g_string_append (text, word);
              g_string_append_c (text, w + 1 < n ? ' ' : '.');
            }
          g_string_append_c (text, s + 1 < sentences ? ' ' : '\n');
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* Code-point offsets of the words of @text: starts[i] and ends[i]. */
static void
word_bounds (const char  *text,
             GArray     **starts,
             GArray     **ends)
{
  guint offset = 0;
  gboolean in_word = FALSE;

  *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  *ends = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = text; *p; p = g_utf8_next_char (p), offset++)
    {
      gboolean space = *p == ' ' || *p == '\n' || *p == '.';

      if (!space && !in_word)
        g_array_append_val (*starts, offset);
      else if (space && in_word)
        g_array_append_val (*ends, offset);
      in_word = !space;
    }
  if (in_word)
    g_array_append_val (*ends, offset);
}

static CrosscheckProject *
generate (const Settings *settings)
{
  CrosscheckProject *project = crosscheck_project_new ();
  GListModel *labels = crosscheck_project_get_labels (project);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) claims = g_ptr_array_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray **starts = g_new0 (GArray *, settings->documents);
  GArray **ends = g_new0 (GArray *, settings->documents);
  guint n_labels = g_list_model_get_n_items (labels);
  guint next_span = 1;
  const char *stamp = "2026-01-01T00:00:00Z";
  Rng rng = { 0x9E3779B97F4A7C15ull ^ settings->seed };

  for (guint d = 0; d < settings->documents; d++)
    {
      g_autofree char *text = make_text (&rng, settings->text_bytes / settings->documents);
      g_autofree char *id = g_strdup_printf ("d%u", d + 1);
      g_autofree char *title = g_strdup_printf ("Synthetic article %u", d + 1);
      g_autofree char *source = g_strdup_printf ("synthetic-%u.txt", d + 1);
      g_autoptr(GError) error = NULL;
      CrosscheckDocument *document = crosscheck_document_new_from_text (text, &error);

      g_assert_no_error (error);
      _crosscheck_document_set_id (document, id);
      crosscheck_document_set_title (document, title);
      crosscheck_document_set_source (document, source);
      _crosscheck_project_insert_document (project, document);
      word_bounds (text, &starts[d], &ends[d]);
      g_ptr_array_add (documents, document);
    }

  for (guint i = 0; i < settings->spans; i++)
    {
      guint d = rng_below (&rng, settings->documents);
      guint n_words = starts[d]->len;
      static guint previous[64];
      guint w, k, start, end;
      CrosscheckLabel *label;
      g_autoptr(CrosscheckLabel) held = NULL;
      g_autoptr(CrosscheckSpan) span = NULL;
      g_autofree char *id = NULL;
      char *key;

      if (rng_unit (&rng) < settings->overlap && previous[d % 64] > 0)
        w = previous[d % 64] - 1 + rng_below (&rng, 3);
      else
        w = rng_below (&rng, n_words);
      k = rng_below (&rng, 6);
      w = MIN (w, n_words - 1);
      k = MIN (k, n_words - 1 - w);
      start = g_array_index (starts[d], guint, w);
      end = g_array_index (ends[d], guint, w + k);

      /* Four in five spans are entities, one a claim (the last label). */
      held = g_list_model_get_item (labels, rng_below (&rng, 5) == 0 ? n_labels - 1
                                                                      : rng_below (&rng, n_labels - 1));
      label = held;
      key = g_strdup_printf ("%u:%u:%u:%p", d, start, end, label);
      if (g_hash_table_contains (taken, key))
        {
          g_free (key);
          i--;
          continue;
        }
      g_hash_table_add (taken, key);
      previous[d % 64] = w + 1;

      span = _crosscheck_span_new (g_ptr_array_index (documents, d), start, end);
      id = g_strdup_printf ("s%u", next_span++);
      _crosscheck_annotation_set_id (CROSSCHECK_ANNOTATION (span), id);
      _crosscheck_annotation_set_label (CROSSCHECK_ANNOTATION (span), label);
      _crosscheck_annotation_set_annotator (CROSSCHECK_ANNOTATION (span), "bench");
      _crosscheck_annotation_set_times (CROSSCHECK_ANNOTATION (span), stamp, stamp);
      _crosscheck_project_insert_span (project, span);
      if (crosscheck_label_get_kind (label) == CROSSCHECK_LABEL_CLAIM)
        g_ptr_array_add (claims, span);
    }

  {
    CrosscheckLabel *types[2] = {
      crosscheck_project_lookup_link_type (project, "contradicts"),
      crosscheck_project_lookup_link_type (project, "supports"),
    };
    g_autoptr(GHashTable) linked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    guint made = 0;

    for (guint tries = 0; made < settings->links && claims->len > 1 && tries < settings->links * 20; tries++)
      {
        CrosscheckSpan *from = g_ptr_array_index (claims, rng_below (&rng, claims->len));
        CrosscheckSpan *to = g_ptr_array_index (claims, rng_below (&rng, claims->len));
        CrosscheckLabel *type = types[rng_below (&rng, 2)];
        g_autoptr(CrosscheckLink) link = NULL;
        g_autofree char *id = NULL;
        char *key;

        if (from == to)
          continue;
        /* Both directions count for the duplicate check, as for symmetric types. */
        key = g_strdup_printf ("%p:%p", MIN (from, to), MAX (from, to));
        if (g_hash_table_contains (linked, key))
          {
            g_free (key);
            continue;
          }
        g_hash_table_add (linked, key);

        link = _crosscheck_link_new (type, from, to);
        id = g_strdup_printf ("l%u", ++made);
        _crosscheck_annotation_set_id (CROSSCHECK_ANNOTATION (link), id);
        _crosscheck_annotation_set_annotator (CROSSCHECK_ANNOTATION (link), "bench");
        _crosscheck_annotation_set_times (CROSSCHECK_ANNOTATION (link), stamp, stamp);
        _crosscheck_project_insert_link (project, link);
      }
  }

  for (guint d = 0; d < settings->documents; d++)
    {
      g_array_unref (starts[d]);
      g_array_unref (ends[d]);
    }
  g_free (starts);
  g_free (ends);

  crosscheck_history_clear (crosscheck_project_get_history (project));

  return project;
}

/* ------------------------------------------------------------------------ */
/* Measuring                                                                 */

static double
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The process's peak resident memory. getrusage() counts what the parent
 * held before exec() as well (Linux carries ru_maxrss over), so a child that
 * measures a load reads its own high-water mark, VmHWM, instead; both are
 * in kB. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *hwm;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    return strtol (hwm + strlen ("VmHWM:"), NULL, 10);

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double median;
  double p99;
  double max;
} Stats;

static Stats
stats_of (GArray *values)
{
  Stats stats = { 0 };
  guint n = values->len;

  if (n == 0)
    return stats;

  g_array_sort (values, compare_double);
  stats.median = n % 2 ? g_array_index (values, double, n / 2)
                       : (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
  stats.p99 = g_array_index (values, double, MIN (n - 1, (guint) (n * 0.99)));
  stats.max = g_array_index (values, double, n - 1);

  return stats;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

static void
print_machine (void)
{
  struct utsname uts;
  g_autofree char *cpuinfo = NULL;
  g_autofree char *loadavg = NULL;
  g_autofree char *meminfo = NULL;
  const char *model = "unknown";
  g_auto(GStrv) lines = NULL;
  guint64 mem_kb = 0;

  uname (&uts);
  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      lines = g_strsplit (cpuinfo, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "model name"))
          {
            model = strchr (lines[i], ':') ? strchr (lines[i], ':') + 2 : lines[i];
            break;
          }
    }
  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL))
    sscanf (meminfo, "MemTotal: %" G_GUINT64_FORMAT, &mem_kb);
  g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL);

  printf ("machine: %s, %u CPUs, %.1f GB RAM, %s %s\n", model, g_get_num_processors (),
          mem_kb / 1048576.0, uts.sysname, uts.release);
  printf ("load average at start: %s", loadavg ? loadavg : "unknown\n");
  printf ("GLib %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
}

static CrosscheckDocument *
document_at (CrosscheckProject *project,
             guint              i)
{
  GListModel *documents = crosscheck_project_get_documents (project);
  g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, i);

  return document;   /* the project keeps it alive */
}

/* Adds @n spans at random places with the public, undoable API, timing
 * each; then finds the spans at @n random positions; then undoes and redoes
 * every add. */
static void
measure_edits (CrosscheckProject *project,
               guint              n,
               Rng               *rng,
               GArray            *add,
               GArray            *find,
               GArray            *undo,
               GArray            *redo)
{
  GListModel *documents = crosscheck_project_get_documents (project);
  guint n_docs = g_list_model_get_n_items (documents);
  CrosscheckLabel *label = crosscheck_project_lookup_label (project, "EVENT");
  CrosscheckSpanList *spans = crosscheck_project_get_spans (project);
  guint added = 0;

  for (guint i = 0; i < n; i++)
    {
      CrosscheckDocument *document = document_at (project, rng_below (rng, n_docs));
      guint length = crosscheck_document_get_length (document);
      guint start = rng_below (rng, length - 20);
      guint end = start + 1 + rng_below (rng, 19);
      double t0 = now_seconds ();
      CrosscheckSpan *span = crosscheck_project_add_span (project, document, start, end, label, NULL);
      double t1 = now_seconds ();

      if (span != NULL)
        {
          added++;
          g_array_append_vals (add, &(double) { (t1 - t0) * 1e3 }, 1);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      CrosscheckDocument *document = document_at (project, rng_below (rng, n_docs));
      guint at = rng_below (rng, crosscheck_document_get_length (document));
      double t0 = now_seconds ();
      g_autoptr(GPtrArray) found G_GNUC_UNUSED =
        crosscheck_span_list_get_overlapping (spans, document, at, at);
      double t1 = now_seconds ();

      g_array_append_vals (find, &(double) { (t1 - t0) * 1e3 }, 1);
    }

  for (guint i = 0; i < added; i++)
    {
      double t0 = now_seconds ();
      gboolean done = crosscheck_project_undo (project);
      double t1 = now_seconds ();

      g_assert_true (done);
      g_array_append_vals (undo, &(double) { (t1 - t0) * 1e3 }, 1);
    }

  for (guint i = 0; i < added; i++)
    {
      double t0 = now_seconds ();
      gboolean done = crosscheck_project_redo (project);
      double t1 = now_seconds ();

      g_assert_true (done);
      g_array_append_vals (redo, &(double) { (t1 - t0) * 1e3 }, 1);
    }
}

/* Loads @path in a fresh process, so that its peak RSS is the load's own. */
static gboolean
load_in_child (const char *self_path,
               const char *path,
               double     *seconds,
               long       *peak_kb,
               long       *base_kb)
{
  const char *argv[] = { self_path, "load-child", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("crosscheck-bench: loading in a child failed: %s\n", error->message);
      return FALSE;
    }

  return sscanf (out, "%lf %ld %ld", seconds, peak_kb, base_kb) == 3;
}

static int
load_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  long base = peak_rss_kb ();
  double t0, t1;

  t0 = now_seconds ();
  project = crosscheck_project_load_from_file (file, NULL, NULL, &error);
  t1 = now_seconds ();
  if (project == NULL)
    {
      g_printerr ("crosscheck-bench: %s\n", error->message);
      return 1;
    }

  printf ("%f %ld %ld\n", t1 - t0, peak_rss_kb (), base);
  return 0;
}

static void
print_op (const char *name,
          GArray     *values)
{
  Stats stats = stats_of (values);

  printf ("  %-22s median %7.4f ms   p99 %7.4f ms   max %7.4f ms   (%u ops)   budget ≤ %.1f ms (p99): %s\n",
          name, stats.median, stats.p99, stats.max, values->len, BUDGET_OP_MS,
          verdict (stats.p99 <= BUDGET_OP_MS));
}

static double
median_of (GArray *values)
{
  return stats_of (values).median;
}

static int
run_core (const char *self_path,
          guint       runs,
          guint32     seed)
{
  Settings settings = core_settings;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) add = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) find = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  gsize file_bytes = 0;
  gsize text_bytes = 0;
  guint n_spans = 0, n_links = 0;

  settings.seed = seed;
  dir = g_dir_make_tmp ("crosscheck-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.crosscheck.json", NULL);

  print_machine ();
  printf ("core project: %u documents, %.1f MB of text, %u spans, %u links, overlap %.0f %%, seed %u; %u runs\n\n",
          settings.documents, settings.text_bytes / 1e6, settings.spans, settings.links,
          settings.overlap * 100, settings.seed, runs);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(CrosscheckProject) project = generate (&settings);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      GListModel *documents = crosscheck_project_get_documents (project);
      Rng rng = { 0xD1B54A32D192ED03ull + run };
      double t0, t1, seconds;
      long peak, base;

      n_spans = g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project)));
      n_links = g_list_model_get_n_items (crosscheck_project_get_links (project));
      text_bytes = 0;
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        text_bytes += crosscheck_document_get_byte_length (document_at (project, i));

      t0 = now_seconds ();
      if (!crosscheck_project_save_to_file (project, file, NULL, &error))
        {
          g_printerr ("crosscheck-bench: saving failed: %s\n", error->message);
          return 1;
        }
      t1 = now_seconds ();
      g_array_append_vals (save_s, &(double) { t1 - t0 }, 1);
      {
        g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                       G_FILE_QUERY_INFO_NONE, NULL, NULL);
        file_bytes = info ? g_file_info_get_size (info) : 0;
      }

      if (!load_in_child (self_path, path, &seconds, &peak, &base))
        return 1;
      g_array_append_vals (load_s, &seconds, 1);
      g_array_append_vals (load_rss, &(double) { peak }, 1);
      g_array_append_vals (load_base, &(double) { base }, 1);

      measure_edits (project, 1000, &rng, add, find, undo, redo);

      printf ("run %u: save %.3f s, load %.3f s, load peak RSS %.1f MB\n", run + 1,
              t1 - t0, seconds, peak / 1024.0);
      fflush (stdout);
    }

  {
    double save = median_of (save_s);
    double load = median_of (load_s);
    double peak_mb = median_of (load_rss) / 1024.0;
    double base_mb = median_of (load_base) / 1024.0;
    double budget_mb = (2.0 * text_bytes + BUDGET_BYTES_SPAN * n_spans) / 1048576.0;

    printf ("\nper operation, with %u spans present (medians and maxima over all runs):\n", n_spans);
    print_op ("add span", add);
    print_op ("find spans at position", find);
    print_op ("undo add", undo);
    print_op ("redo add", redo);

    printf ("\nfile: %.1f MB, %u spans, %u links, %.1f MB of text (median of %u runs)\n",
            file_bytes / 1048576.0, n_spans, n_links, text_bytes / 1048576.0, runs);
    printf ("  save  %.3f s  %6.1f MB/s   budget ≤ %.1f s: %s\n", save,
            file_bytes / 1048576.0 / save, BUDGET_SAVE_S, verdict (save <= BUDGET_SAVE_S));
    printf ("  load  %.3f s  %6.1f MB/s   budget ≤ %.1f s: %s\n", load,
            file_bytes / 1048576.0 / load, BUDGET_LOAD_S, verdict (load <= BUDGET_LOAD_S));
    printf ("  load peak RSS %.1f MB (process before loading: %.1f MB, growth %.1f MB)\n",
            peak_mb, base_mb, peak_mb - base_mb);
    printf ("  memory budget 2 × text + %.0f B/span = %.1f MB, for the growth: %s\n",
            BUDGET_BYTES_SPAN, budget_mb, verdict (peak_mb - base_mb <= budget_mb));
  }

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}

/* ------------------------------------------------------------------------ */

static int
run_generate (int    argc,
              char **argv)
{
  Settings settings = core_settings;
  int documents = settings.documents, spans = settings.spans, links = settings.links;
  int seed = settings.seed;
  double megabytes = settings.text_bytes / 1e6, overlap = settings.overlap;
  GOptionEntry entries[] = {
    { "documents", 0, 0, G_OPTION_ARG_INT, &documents, "Number of documents", "N" },
    { "megabytes", 0, 0, G_OPTION_ARG_DOUBLE, &megabytes, "Text size of all documents, in MB", "MB" },
    { "spans", 0, 0, G_OPTION_ARG_INT, &spans, "Number of spans", "N" },
    { "links", 0, 0, G_OPTION_ARG_INT, &links, "Number of links between claims", "N" },
    { "overlap", 0, 0, G_OPTION_ARG_DOUBLE, &overlap, "Share of spans overlapping the previous one", "R" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.crosscheck.json [TEXT-OUT.txt]");
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 ||
      documents < 1 || documents > 64 || spans < 0 || links < 0 || megabytes <= 0)
    {
      g_printerr ("usage: crosscheck-bench generate [OPTIONS] OUT.crosscheck.json [TEXT-OUT.txt]\n%s\n",
                  error ? error->message : "");
      return 2;
    }

  settings.documents = documents;
  settings.text_bytes = megabytes * 1e6;
  settings.spans = spans;
  settings.links = links;
  settings.overlap = overlap;
  settings.seed = seed;

  project = generate (&settings);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!crosscheck_project_save_to_file (project, file, NULL, &error))
    {
      g_printerr ("crosscheck-bench: %s\n", error->message);
      return 1;
    }

  /* The first document's text alone, for editors that read plain text. */
  if (argc > 2)
    {
      const char *text = crosscheck_document_get_text (document_at (project, 0));

      if (!g_file_set_contents (argv[2], text, -1, &error))
        {
          g_printerr ("crosscheck-bench: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *self_path = NULL;
  int runs = 5;
  int seed = core_settings.seed;

  setlocale (LC_ALL, "");
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  if (argc >= 2 && g_str_equal (argv[1], "generate"))
    return run_generate (argc - 1, argv + 1);
  if (argc == 3 && g_str_equal (argv[1], "load-child"))
    return load_child (argv[2]);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          /* Not inside MAX (): it would read the argument twice. */
          runs = atoi (argv[++i]);
          runs = MAX (runs, 1);
        }
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = atoi (argv[++i]);
      else
        {
          g_printerr ("usage: crosscheck-bench [--runs N] [--seed S]\n"
                      "       crosscheck-bench generate [OPTIONS] OUT.crosscheck.json [TEXT-OUT.txt]\n");
          return 2;
        }
    }

  return run_core (self_path, runs, seed);
}
