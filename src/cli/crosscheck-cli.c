/* crosscheck-cli.c
 *
 * Copyright 2026 The Crosscheck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crosscheck-annotation.h"
#include "crosscheck-brat-import.h"
#include "crosscheck-cli.h"
#include "crosscheck-cluster.h"
#include "crosscheck-document.h"
#include "crosscheck-errors.h"
#include "crosscheck-export.h"
#include "crosscheck-label.h"
#include "crosscheck-problem.h"
#include "crosscheck-project.h"
#include "crosscheck-reanchor.h"
#include "crosscheck-span-list.h"
#include "crosscheck-utils.h"

/* crosscheck-cli: batch work on project files. Results go to stdout,
 * problems to stderr (validate's findings are its result, so stdout).
 * Exit codes: 0 success, 1 the work failed, 2 the command line is wrong. */

typedef int (*CommandFunc) (int    argc,
                            char **argv);

typedef struct
{
  const char  *name;
  const char  *parameters;
  const char  *summary;
  CommandFunc  func;
} Command;

static int command_new      (int argc, char **argv);
static int command_validate (int argc, char **argv);
static int command_stats    (int argc, char **argv);
static int command_export   (int argc, char **argv);
static int command_import_brat (int argc, char **argv);
static int command_reanchor (int argc, char **argv);

static const Command commands[] = {
  { "new", N_("--output PROJECT.crosscheck.json ARTICLE|FOLDER…"),
    N_("Create a project from article files, folders or a cluster file"), command_new },
  { "validate", N_("FILE…"),
    N_("Check project files; print one line per problem"), command_validate },
  { "stats", N_("FILE"),
    N_("Show documents, spans per label and links per type"), command_stats },
  { "export", N_("--format FORMAT --output FOLDER PROJECT…"),
    N_("Write projects as one dataset (jsonl, nli, conll, hf, spacy, brat, webanno)"),
    command_export },
  { "import-brat", N_("--output PROJECT.crosscheck.json FOLDER"),
    N_("Create a project from a brat folder (.txt, .ann, annotation.conf)"), command_import_brat },
  { "reanchor", N_("FILE"),
    N_("Move spans to their quoted text after the articles’ text changed"), command_reanchor },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, _("Usage: crosscheck-cli COMMAND [OPTION…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, _("\nRun “crosscheck-cli COMMAND --help” for a command’s options.\n"));
}

/* The option context of the command that func runs: its table entry gives
 * the name, the parameters and the summary for --help. */
static GOptionContext *
command_context (CommandFunc         func,
                 const GOptionEntry *entries)
{
  const Command *command = NULL;
  g_autofree char *prgname = NULL;
  GOptionContext *context;

  for (guint i = 0; command == NULL && i < G_N_ELEMENTS (commands); i++)
    if (commands[i].func == func)
      command = &commands[i];
  g_assert (command != NULL);
  prgname = g_strdup_printf ("crosscheck-cli %s", command->name);

  /* The usage line reads "crosscheck-cli COMMAND [OPTION…] PARAMETERS". */
  g_set_prgname (prgname);
  context = g_option_context_new (_(command->parameters));

  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Parses the options of a command; on a usage error prints why and the
 * command's help, and returns FALSE. */
static gboolean
parse_command (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               int               min_args,
               int               max_args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *help = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    {
      /* argv[0] is the command name. */
      int n = *argc - 1;

      if (n >= min_args && (max_args < 0 || n <= max_args))
        return TRUE;

      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   n < min_args ? _("Missing arguments") : _("Too many arguments"));
    }

  help = g_option_context_get_help (context, TRUE, NULL);
  fprintf (stderr, "crosscheck-cli: %s\n\n%s", error->message, help);

  return FALSE;
}

static CrosscheckProject *
load_project (const char  *path,
              GPtrArray  **problems,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return crosscheck_project_load_from_file (file, NULL, problems, error);
}

/* Checks the --output of a command that writes a project: given, named
 * like a project, and not there unless --force. Returns the exit code to
 * stop with, or CROSSCHECK_CLI_OK with *@out_file set. */
static int
check_output (GOptionContext  *context,
              const char      *output,
              gboolean         force,
              GFile          **out_file)
{
  if (output == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fprintf (stderr, "crosscheck-cli: %s\n\n%s", _("--output is required"), help);
      return CROSSCHECK_CLI_USAGE;
    }
  if (!g_str_has_suffix (output, CROSSCHECK_PROJECT_SUFFIX))
    {
      fprintf (stderr, _("crosscheck-cli: %s: project file names end in %s\n"),
               output, CROSSCHECK_PROJECT_SUFFIX);
      return CROSSCHECK_CLI_USAGE;
    }

  *out_file = g_file_new_for_commandline_arg (output);
  if (!force && g_file_query_exists (*out_file, NULL))
    {
      fprintf (stderr, _("crosscheck-cli: %s exists already; use --force to overwrite it\n"),
               output);
      return CROSSCHECK_CLI_FAILED;
    }

  return CROSSCHECK_CLI_OK;
}

/* Prints “PREFIXFILE: json.path: message”, a line a problem. */
static void
print_problems (FILE       *stream,
                const char *prefix,
                const char *file,
                GPtrArray  *problems)
{
  for (guint j = 0; j < problems->len; j++)
    {
      g_autofree char *line = crosscheck_problem_to_string (g_ptr_array_index (problems, j));

      fprintf (stream, "%s%s: %s\n", prefix, file, line);
    }
}

/* ------------------------------------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return crosscheck_natural_compare (*(const char * const *) a, *(const char * const *) b);
}

/* The article files named by the arguments: a folder stands for the .txt
 * files in it, in natural order of their names. */
static GPtrArray *
expand_articles (int    argc,
                 char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GPtrArray) names = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GError) error = NULL;
      const char *name;

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        {
          g_ptr_array_add (paths, g_strdup (argv[i]));
          continue;
        }

      dir = g_dir_open (argv[i], 0, &error);
      if (dir == NULL)
        {
          fprintf (stderr, "crosscheck-cli: %s\n", error->message);
          return NULL;
        }

      names = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);

          if (name[0] != '.' && g_str_has_suffix (name, ".txt") &&
              g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (names, g_strdup (name));
        }
      if (names->len == 0)
        {
          fprintf (stderr, _("crosscheck-cli: %s: the folder holds no articles (.txt files)\n"),
                   argv[i]);
          return NULL;
        }

      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        g_ptr_array_add (paths, g_build_filename (argv[i], g_ptr_array_index (names, j), NULL));
    }

  return g_steal_pointer (&paths);
}

/* Turns a cluster into a project; returns how many documents it got. */
static guint
add_cluster (CrosscheckProject *project,
             const char        *path,
             const char        *base,
             guint              number,
             const char        *line,
             gsize              length)
{
  g_autoptr(GPtrArray) articles = crosscheck_cluster_split (line, length);
  guint added = 0;

  for (guint j = 0; j < articles->len; j++)
    {
      const char *text = g_ptr_array_index (articles, j);
      g_autofree char *source = g_strdup_printf ("%s:%u:%u", base, number, j + 1);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(CrosscheckDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      if (*text == '\0')
        {
          fprintf (stderr, _("crosscheck-cli: %s:%u: warning: article %u is empty; left out\n"),
                   path, number, j + 1);
          continue;
        }

      document = crosscheck_document_new_from_bytes (bytes, source, &error);
      if (document == NULL || !crosscheck_project_add_document (project, document, &error))
        {
          fprintf (stderr, _("crosscheck-cli: %s:%u: warning: article %u left out: %s\n"),
                   path, number, j + 1, error->message);
          continue;
        }
      added++;
    }

  return added;
}

/* new --clusters FILE: one project per line of a Multi-News style file, or
 * only the one chosen with --cluster N. */
static int
new_from_clusters (GOptionContext *context,
                   const char     *path,
                   const char     *output,
                   int             cluster,
                   gboolean        force)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *stem = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lines = 0;
  guint width;
  guint written = 0;
  int status;

  if (output == NULL || !g_str_has_suffix (output, CROSSCHECK_PROJECT_SUFFIX))
    {
      g_autoptr(GFile) unused = NULL;

      return check_output (context, output, TRUE, &unused);
    }
  if (cluster < 0)
    {
      fprintf (stderr, _("crosscheck-cli: --cluster counts from 1\n"));
      return CROSSCHECK_CLI_USAGE;
    }
  stem = g_strndup (output, strlen (output) - strlen (CROSSCHECK_PROJECT_SUFFIX));

  /* Two passes: the first counts the clusters (and checks the outputs) so
   * that the names sort and nothing is half written. */
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &error);
      g_autoptr(GDataInputStream) data = NULL;
      guint number = 0;
      char *line;
      gsize length;

      if (in == NULL)
        {
          fprintf (stderr, "crosscheck-cli: %s: %s\n", path, error->message);
          return CROSSCHECK_CLI_FAILED;
        }
      data = g_data_input_stream_new (G_INPUT_STREAM (in));
      g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_LF);

      while ((line = g_data_input_stream_read_line (data, &length, NULL, &error)) != NULL)
        {
          g_autofree char *owned G_GNUC_UNUSED = line;
          g_autoptr(CrosscheckProject) project = NULL;
          g_autoptr(GFile) out_file = NULL;
          g_autofree char *out_path = NULL;
          guint n;

          number++;
          if (pass == 0 || (cluster > 0 && number != (guint) cluster))
            continue;
          if (length > 0 && line[length - 1] == '\r')
            length--;

          out_path = cluster > 0 ? g_strdup (output)
                                 : g_strdup_printf ("%s-%0*u%s", stem, width, number,
                                                    CROSSCHECK_PROJECT_SUFFIX);
          out_file = g_file_new_for_commandline_arg (out_path);
          project = crosscheck_project_new ();
          if (add_cluster (project, path, base, number, line, length) == 0)
            {
              fprintf (stderr, _("crosscheck-cli: %s:%u: warning: no articles; no project "
                                 "written\n"), path, number);
              continue;
            }
          if (!crosscheck_project_save_to_file (project, out_file, NULL, &error))
            {
              fprintf (stderr, "crosscheck-cli: %s\n", error->message);
              return CROSSCHECK_CLI_FAILED;
            }
          n = g_list_model_get_n_items (crosscheck_project_get_documents (project));
          printf (g_dngettext (GETTEXT_PACKAGE, "%s: created with %u document\n",
                               "%s: created with %u documents\n", n), out_path, n);
          written++;
        }
      if (error != NULL)
        {
          fprintf (stderr, "crosscheck-cli: %s: %s\n", path, error->message);
          return CROSSCHECK_CLI_FAILED;
        }

      if (pass == 0)
        {
          n_lines = number;
          width = 1;
          for (guint n = n_lines; n >= 10; n /= 10)
            width++;

          if (cluster > (int) n_lines)
            {
              fprintf (stderr, _("crosscheck-cli: %s has %u clusters; there is no cluster %d\n"),
                       path, n_lines, cluster);
              return CROSSCHECK_CLI_FAILED;
            }
          for (guint k = 1; k <= n_lines && !force; k++)
            {
              g_autoptr(GFile) out_file = NULL;
              g_autofree char *out_path = NULL;

              if (cluster > 0 && k != (guint) cluster)
                continue;
              out_path = cluster > 0 ? g_strdup (output)
                                     : g_strdup_printf ("%s-%0*u%s", stem, width, k,
                                                        CROSSCHECK_PROJECT_SUFFIX);
              out_file = g_file_new_for_commandline_arg (out_path);
              status = g_file_query_exists (out_file, NULL) ? CROSSCHECK_CLI_FAILED : CROSSCHECK_CLI_OK;
              if (status != CROSSCHECK_CLI_OK)
                {
                  fprintf (stderr, _("crosscheck-cli: %s exists already; use --force to "
                                     "overwrite it\n"), out_path);
                  return status;
                }
            }
        }
    }

  return written > 0 ? CROSSCHECK_CLI_OK : CROSSCHECK_CLI_FAILED;
}

static int
command_new (int    argc,
             char **argv)
{
  g_autofree char *output = NULL;
  gboolean title_from_filename = FALSE;
  gboolean force = FALSE;
  gboolean clusters = FALSE;
  int cluster = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The project file to write (must end in .crosscheck.json)"), N_("FILE") },
    { "title-from-filename", 0, 0, G_OPTION_ARG_NONE, &title_from_filename,
      N_("Use each file’s name as the title instead of its first line"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite the output file if it exists"), NULL },
    { "clusters", 0, 0, G_OPTION_ARG_NONE, &clusters,
      N_("The argument is a cluster file: one cluster per line, articles separated by "
         "|||||; makes one project per cluster, numbered"), NULL },
    { "cluster", 0, 0, G_OPTION_ARG_INT, &cluster,
      N_("With --clusters, make a project of cluster N only (counted from 1)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = command_context (command_new, entries);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_description (context,
    _("A FOLDER adds the .txt files in it, in order of their names. With --clusters,\n"
      "FILE is a Multi-News style file (one cluster per line, the articles separated\n"
      "by |||||, NEWLINE_CHAR for a line break); PROJECT-1.crosscheck.json, … are\n"
      "written, one per cluster, or PROJECT.crosscheck.json for --cluster N."));

  if (!parse_command (context, &argc, &argv, 1, -1))
    return CROSSCHECK_CLI_USAGE;

  if (clusters && argc != 2)
    {
      fprintf (stderr, _("crosscheck-cli: --clusters takes one cluster file\n"));
      return CROSSCHECK_CLI_USAGE;
    }
  if (!clusters && cluster != 0)
    {
      fprintf (stderr, _("crosscheck-cli: --cluster needs --clusters\n"));
      return CROSSCHECK_CLI_USAGE;
    }
  if (clusters)
    return new_from_clusters (context, argv[1], output, cluster, force);

  status = check_output (context, output, force, &out_file);
  if (status != CROSSCHECK_CLI_OK)
    return status;

  paths = expand_articles (argc, argv);
  if (paths == NULL)
    return CROSSCHECK_CLI_FAILED;

  project = crosscheck_project_new ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(CrosscheckDocument) document = NULL;
      g_auto(GStrv) warnings = NULL;

      document = crosscheck_document_new_from_file (file, NULL, &error);
      if (document == NULL)
        {
          fprintf (stderr, "crosscheck-cli: %s: %s\n", path, error->message);
          return CROSSCHECK_CLI_FAILED;
        }

      if (title_from_filename)
        {
          g_autofree char *base = g_file_get_basename (file);
          char *dot = strrchr (base, '.');

          if (dot != NULL && dot != base)
            *dot = '\0';
          crosscheck_document_set_title (document, base);
        }

      warnings = crosscheck_document_dup_warnings (document);
      for (guint j = 0; warnings[j] != NULL; j++)
        fprintf (stderr, _("crosscheck-cli: %s: warning: %s\n"), path, warnings[j]);

      if (!crosscheck_project_add_document (project, document, &error))
        {
          fprintf (stderr, "crosscheck-cli: %s: %s\n", path, error->message);
          return CROSSCHECK_CLI_FAILED;
        }
    }

  if (!crosscheck_project_save_to_file (project, out_file, NULL, &error))
    {
      fprintf (stderr, "crosscheck-cli: %s\n", error->message);
      return CROSSCHECK_CLI_FAILED;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "%s: created with %u document\n",
                       "%s: created with %u documents\n", paths->len),
          output, paths->len);

  return CROSSCHECK_CLI_OK;
}

/* ------------------------------------------------------------------------ */

static int
command_validate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = command_context (command_validate, NULL);
  int status = CROSSCHECK_CLI_OK;

  g_option_context_set_description (context,
    _("Prints “FILE: valid” for a valid file, otherwise one line per problem as\n"
      "“FILE: json.path: message”. Exits with 0 if every file is valid, else 1."));

  if (!parse_command (context, &argc, &argv, 1, -1))
    return CROSSCHECK_CLI_USAGE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CrosscheckProject) project = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      project = load_project (argv[i], &problems, &error);
      if (project != NULL)
        {
          guint n_docs = g_list_model_get_n_items (crosscheck_project_get_documents (project));
          guint n_spans = g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project)));
          guint n_links = g_list_model_get_n_items (crosscheck_project_get_links (project));
          g_autofree char *docs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document",
                                                                "%u documents", n_docs), n_docs);
          g_autofree char *spans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span",
                                                                 "%u spans", n_spans), n_spans);
          g_autofree char *links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link",
                                                                 "%u links", n_links), n_links);

          /* TRANSLATORS: "FILE: valid (3 documents, 10 spans, 2 links)" */
          printf (_("%s: valid (%s, %s, %s)\n"), argv[i], docs, spans, links);
          continue;
        }

      status = CROSSCHECK_CLI_FAILED;
      if (problems == NULL || problems->len == 0)
        {
          printf ("%s: %s\n", argv[i], error->message);
          continue;
        }

      print_problems (stdout, "", argv[i], problems);

      if (g_error_matches (error, CROSSCHECK_PROJECT_ERROR, CROSSCHECK_PROJECT_ERROR_TEXT_CHANGED))
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          g_autoptr(CrosscheckReanchor) report = NULL;
          g_autoptr(CrosscheckProject) repaired = crosscheck_project_reanchor_from_file (file, NULL, &report,
                                                                                        NULL, NULL);
          g_autofree char *summary = repaired ? crosscheck_reanchor_summarize (report) : NULL;

          /* A hint, not a problem: stdout keeps one line per problem. */
          if (summary != NULL)
            /* TRANSLATORS: the second %s is a sentence such as "The text of 1
             * article changed: 2 spans moved to their quoted text, 1 span
             * needs review." */
            fprintf (stderr, _("crosscheck-cli: %s: re-anchoring can repair this. %s "
                               "Run “crosscheck-cli reanchor” to do it.\n"), argv[i], summary);
        }
    }

  return status;
}

/* ------------------------------------------------------------------------ */

static void
print_label_counts (CrosscheckProject *project,
                    GListModel        *labels)
{
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrosscheckLabel) label = g_list_model_get_item (labels, i);

      printf ("  %-16s %6u\n", crosscheck_label_get_name (label),
              crosscheck_project_count_label (project, label));
    }
}

static int
command_stats (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = command_context (command_stats, NULL);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *documents;
  CrosscheckSpanList *spans;
  guint n;

  if (!parse_command (context, &argc, &argv, 1, 1))
    return CROSSCHECK_CLI_USAGE;

  project = load_project (argv[1], NULL, &error);
  if (project == NULL)
    {
      fprintf (stderr, "crosscheck-cli: %s: %s\n", argv[1], error->message);
      return CROSSCHECK_CLI_FAILED;
    }

  documents = crosscheck_project_get_documents (project);
  spans = crosscheck_project_get_spans (project);
  n = g_list_model_get_n_items (documents);

  printf (_("%s\n\nDocuments: %u\n"), argv[1], n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrosscheckDocument) document = g_list_model_get_item (documents, i);
      g_auto(GStrv) warnings = crosscheck_document_dup_warnings (document);
      const char *published = crosscheck_document_get_published (document);

      printf (_("  %-4s %s\n       %u characters, %u spans, published %s, source %s\n"),
              crosscheck_document_get_id (document),
              crosscheck_document_get_title (document),
              crosscheck_document_get_length (document),
              crosscheck_span_list_get_document_count (spans, document),
              published ? published : _("unknown"),
              *crosscheck_document_get_source (document) ? crosscheck_document_get_source (document)
                                                         : _("none"));
      for (guint j = 0; warnings[j] != NULL; j++)
        printf (_("       warning: %s\n"), warnings[j]);
    }

  printf (_("\nSpans per label: %u in all\n"), g_list_model_get_n_items (G_LIST_MODEL (spans)));
  print_label_counts (project, crosscheck_project_get_labels (project));

  printf (_("\nLinks per type: %u in all\n"),
          g_list_model_get_n_items (crosscheck_project_get_links (project)));
  print_label_counts (project, crosscheck_project_get_link_types (project));

  return CROSSCHECK_CLI_OK;
}

/* ------------------------------------------------------------------------ */

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  fprintf (stderr, "crosscheck-cli: %s\n\n%s", message, help);

  return CROSSCHECK_CLI_USAGE;
}

static int
command_export (int    argc,
                char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  gboolean utf16_offsets = FALSE;
  gboolean force = FALSE;
  int neutral = 0;
  g_autofree char *seed = NULL;
  const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format_name,
      N_("The format: jsonl, nli, conll, hf, spacy, brat or webanno"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder to write the dataset into (made if missing)"), N_("FOLDER") },
    { "utf16-offsets", 0, 0, G_OPTION_ARG_NONE, &utf16_offsets,
      N_("jsonl: add start_utf16 and end_utf16 for JavaScript"), NULL },
    { "neutral", 0, 0, G_OPTION_ARG_INT, &neutral,
      N_("nli: add up to N neutral pairs of unlinked claims"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("nli: the seed for sampling neutral pairs (default 20230313)"), N_("SEED") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace files of an earlier export in the folder"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = command_context (command_export, entries);
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;
  CrosscheckExportOptions options;
  CrosscheckExportFormat format;
  guint n_documents = 0;

  g_option_context_set_description (context,
    _("Several projects make one dataset; their ids then read PROJECT/ID, PROJECT being\n"
      "the file name without .crosscheck.json. What a format cannot hold is reported\n"
      "as a warning on stderr. The formats and their files are described in\n"
      "docs/format.md. Exit codes: 0 exported, 1 failed, 2 wrong usage."));

  if (!parse_command (context, &argc, &argv, 1, -1))
    return CROSSCHECK_CLI_USAGE;

  if (format_name == NULL)
    return usage_error (context, _("--format is required"));
  if (!crosscheck_export_format_from_string (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s”"), format_name);

      return usage_error (context, message);
    }
  if (output == NULL)
    return usage_error (context, _("--output is required"));
  if (utf16_offsets && format != CROSSCHECK_EXPORT_JSONL)
    return usage_error (context, _("--utf16-offsets is for --format jsonl only"));
  if ((neutral != 0 || seed != NULL) && format != CROSSCHECK_EXPORT_NLI)
    return usage_error (context, _("--neutral and --seed are for --format nli only"));
  if (neutral < 0)
    return usage_error (context, _("--neutral must be 0 or more"));

  crosscheck_export_options_init (&options);
  options.utf16_offsets = utf16_offsets;
  options.neutral = neutral;
  options.overwrite = force;
  if (seed != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &value, NULL))
        return usage_error (context, _("--seed must be a whole number"));
      options.seed = value;
    }

  for (int i = 1; i < argc; i++)
    {
      CrosscheckProject *project = load_project (argv[i], NULL, &error);
      g_autofree char *prefix = NULL;

      if (project == NULL)
        {
          fprintf (stderr, "crosscheck-cli: %s: %s\n", argv[i], error->message);
          return CROSSCHECK_CLI_FAILED;
        }
      g_ptr_array_add (projects, project);
      n_documents += g_list_model_get_n_items (crosscheck_project_get_documents (project));

      /* Two projects with the same file name in different folders get
       * PROJECT-2, PROJECT-3 … */
      prefix = crosscheck_export_make_prefix (argv[i]);
      for (guint n = 2; g_ptr_array_find_with_equal_func (prefixes, prefix, g_str_equal, NULL); n++)
        {
          g_autofree char *base = crosscheck_export_make_prefix (argv[i]);

          g_free (prefix);
          prefix = g_strdup_printf ("%s-%u", base, n);
        }
      g_ptr_array_add (prefixes, g_steal_pointer (&prefix));
    }
  g_ptr_array_add (prefixes, NULL);

  directory = g_file_new_for_commandline_arg (output);
  if (!crosscheck_export_projects ((CrosscheckProject **) projects->pdata,
                                   projects->len > 1 ? (const char * const *) prefixes->pdata : NULL,
                                   projects->len, format, &options, directory, NULL, NULL, NULL,
                                   &warnings, &error))
    {
      for (guint i = 0; warnings != NULL && i < warnings->len; i++)
        fprintf (stderr, _("crosscheck-cli: warning: %s\n"), (char *) g_ptr_array_index (warnings, i));
      fprintf (stderr, "crosscheck-cli: %s\n", error->message);
      if (g_error_matches (error, CROSSCHECK_EXPORT_ERROR, CROSSCHECK_EXPORT_ERROR_EXISTS))
        fprintf (stderr, _("crosscheck-cli: use --force to replace the files of an earlier export\n"));
      return CROSSCHECK_CLI_FAILED;
    }

  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, _("crosscheck-cli: warning: %s\n"), (char *) g_ptr_array_index (warnings, i));

  /* TRANSLATORS: "OUT: 4 documents exported as brat (2 warnings)" */
  printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u document exported as %s",
                       "%s: %u documents exported as %s", n_documents),
          output, n_documents, crosscheck_export_format_to_string (format));
  printf (g_dngettext (GETTEXT_PACKAGE, " (%u warning)\n", " (%u warnings)\n", warnings->len),
          warnings->len);

  return CROSSCHECK_CLI_OK;
}

static int
command_import_brat (int    argc,
                     char **argv)
{
  g_autofree char *output = NULL;
  gboolean skip_bad_lines = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The project file to write (must end in .crosscheck.json)"), N_("FILE") },
    { "skip-bad-lines", 0, 0, G_OPTION_ARG_NONE, &skip_bad_lines,
      N_("Leave malformed lines out (each is reported) instead of stopping"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite the output file if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = command_context (command_import_brat, entries);
  g_autoptr(CrosscheckBratImport) import = NULL;
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings;
  gboolean ok;
  int status;

  g_option_context_set_description (context,
    _("Reads NAME.txt with NAME.ann for every document in FOLDER, and the label set\n"
      "from FOLDER/annotation.conf if there is one, with colours from visual.conf,\n"
      "keys from kb_shortcuts.conf and links between documents from\n"
      "cross-document-links.tsv (written by Crosscheck's brat export). A malformed\n"
      "line is reported as “FILE:LINE: message” and stops the import (exit 1) unless\n"
      "--skip-bad-lines is given. Exits with 2 if the command line is wrong."));

  if (!parse_command (context, &argc, &argv, 1, 1))
    return CROSSCHECK_CLI_USAGE;

  status = check_output (context, output, force, &out_file);
  if (status != CROSSCHECK_CLI_OK)
    return status;

  folder = g_file_new_for_commandline_arg (argv[1]);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      fprintf (stderr, _("crosscheck-cli: %s: not a folder; give the folder that holds the "
                         ".txt and .ann files\n"), argv[1]);
      return CROSSCHECK_CLI_FAILED;
    }

  import = crosscheck_brat_import_new (skip_bad_lines ? CROSSCHECK_BRAT_IMPORT_SKIP_BAD_LINES
                                                      : CROSSCHECK_BRAT_IMPORT_NONE);
  ok = crosscheck_brat_import_add_folder (import, folder, NULL, &error);
  if (ok)
    project = crosscheck_brat_import_finish (import, &error);

  /* Warnings (skipped lines among them) come first, in file order. */
  warnings = crosscheck_brat_import_get_warnings (import);
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, _("warning: %s\n"), (char *) g_ptr_array_index (warnings, i));

  if (project == NULL)
    {
      /* A bad line reads "FILE:LINE: message", like a compiler's error. */
      if (g_error_matches (error, CROSSCHECK_BRAT_ERROR, CROSSCHECK_BRAT_ERROR_BAD_LINE))
        fprintf (stderr, _("%s\ncrosscheck-cli: the import stopped at this line; correct it, "
                           "or use --skip-bad-lines to leave bad lines out\n"), error->message);
      else
        fprintf (stderr, "crosscheck-cli: %s\n", error->message);
      return CROSSCHECK_CLI_FAILED;
    }

  if (!crosscheck_project_save_to_file (project, out_file, NULL, &error))
    {
      fprintf (stderr, "crosscheck-cli: %s\n", error->message);
      return CROSSCHECK_CLI_FAILED;
    }

  printf (_("%s: created with %u documents, %u spans and %u links\n"), output,
          g_list_model_get_n_items (crosscheck_project_get_documents (project)),
          g_list_model_get_n_items (G_LIST_MODEL (crosscheck_project_get_spans (project))),
          g_list_model_get_n_items (crosscheck_project_get_links (project)));

  return CROSSCHECK_CLI_OK;
}

/* ------------------------------------------------------------------------ */

static int
command_reanchor (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  gboolean in_place = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the re-anchored project to FILE"), N_("FILE") },
    { "in-place", 'i', 0, G_OPTION_ARG_NONE, &in_place,
      N_("Replace the project file itself"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = command_context (command_reanchor, entries);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(CrosscheckReanchor) report = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_option_context_set_description (context,
    _("When a document’s text was edited after it was annotated, moves each span whose\n"
      "quoted text is found once to that place, and keeps the others where they were,\n"
      "flagged with “needs_review” and the reason. No span or link is dropped. Prints\n"
      "one line per span that moved or needs review. Other problems are refused as\n"
      "by “validate”."));

  if (!parse_command (context, &argc, &argv, 1, 1))
    return CROSSCHECK_CLI_USAGE;

  if ((output == NULL) == !in_place)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fprintf (stderr, "crosscheck-cli: %s\n\n%s", _("give either --output FILE or --in-place"), help);
      return CROSSCHECK_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  project = crosscheck_project_reanchor_from_file (file, NULL, &report, &problems, &error);
  if (project == NULL)
    {
      if (problems != NULL && problems->len > 0)
        print_problems (stderr, "crosscheck-cli: ", argv[1], problems);
      else
        fprintf (stderr, "crosscheck-cli: %s: %s\n", argv[1], error->message);
      return CROSSCHECK_CLI_FAILED;
    }

  if (crosscheck_reanchor_get_documents (report)[0] == NULL)
    {
      printf (_("%s: every span matches its text; nothing to re-anchor\n"), argv[1]);
      return CROSSCHECK_CLI_OK;
    }

  for (guint i = 0; i < crosscheck_reanchor_get_n_items (report); i++)
    {
      const CrosscheckReanchorItem *item = crosscheck_reanchor_get_item (report, i);
      g_autofree char *what = crosscheck_reanchor_item_describe (item);

      if (item->outcome == CROSSCHECK_ANCHOR_MOVED)
        printf ("%s: %s: %s\n", argv[1], item->span, what);
      else
        /* TRANSLATORS: "FILE: s3: needs review: The text changed: …" */
        printf (_("%s: %s: needs review: %s\n"), argv[1], item->span, what);
    }

  out_file = output ? g_file_new_for_commandline_arg (output) : g_object_ref (file);
  if (!crosscheck_project_save_to_file (project, out_file, NULL, &error))
    {
      fprintf (stderr, "crosscheck-cli: %s\n", error->message);
      return CROSSCHECK_CLI_FAILED;
    }

  summary = crosscheck_reanchor_summarize (report);
  printf ("%s: %s\n", output ? output : argv[1], summary);

  return CROSSCHECK_CLI_OK;
}

/* ------------------------------------------------------------------------ */

/**
 * crosscheck_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments, with the program name first
 *
 * Returns: the exit code
 */
int
crosscheck_cli_run (int    argc,
                    char **argv)
{
  if (argc < 2)
    {
      print_usage (stderr);
      return CROSSCHECK_CLI_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return CROSSCHECK_CLI_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("crosscheck-cli %s\n", PACKAGE_VERSION);
      return CROSSCHECK_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  fprintf (stderr, _("crosscheck-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);

  return CROSSCHECK_CLI_USAGE;
}
