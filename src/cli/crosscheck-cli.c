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
#include "crosscheck-cli.h"
#include "crosscheck-document.h"
#include "crosscheck-label.h"
#include "crosscheck-problem.h"
#include "crosscheck-errors.h"
#include "crosscheck-project.h"
#include "crosscheck-reanchor.h"
#include "crosscheck-span-list.h"

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
static int command_reanchor (int argc, char **argv);

static const Command commands[] = {
  { "new", N_("--output PROJECT.crosscheck.json ARTICLE…"),
    N_("Create a project from article files"), command_new },
  { "validate", N_("FILE…"),
    N_("Check project files; print one line per problem"), command_validate },
  { "stats", N_("FILE"),
    N_("Show documents, spans per label and links per type"), command_stats },
  { "reanchor", N_("FILE"),
    N_("Move spans to their quoted text after the articles’ text changed"), command_reanchor },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, _("Usage: crosscheck-cli COMMAND [OPTION…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, _("\nRun “crosscheck-cli COMMAND --help” for a command’s options.\n"));
}

static GOptionContext *
command_context (const Command      *command,
                 const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strdup_printf ("crosscheck-cli %s", command->name);
  GOptionContext *context;

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
command_new (int    argc,
             char **argv)
{
  g_autofree char *output = NULL;
  gboolean title_from_filename = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The project file to write (must end in .crosscheck.json)"), N_("FILE") },
    { "title-from-filename", 0, 0, G_OPTION_ARG_NONE, &title_from_filename,
      N_("Use each file’s name as the title instead of its first line"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite the output file if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = command_context (&commands[0], entries);
  g_autoptr(CrosscheckProject) project = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command (context, &argc, &argv, 1, -1))
    return CROSSCHECK_CLI_USAGE;

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

  out_file = g_file_new_for_commandline_arg (output);
  if (!force && g_file_query_exists (out_file, NULL))
    {
      fprintf (stderr, _("crosscheck-cli: %s exists already; use --force to overwrite it\n"),
               output);
      return CROSSCHECK_CLI_FAILED;
    }

  project = crosscheck_project_new ();

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(CrosscheckDocument) document = NULL;
      g_auto(GStrv) warnings = NULL;

      document = crosscheck_document_new_from_file (file, NULL, &error);
      if (document == NULL)
        {
          fprintf (stderr, "crosscheck-cli: %s: %s\n", argv[i], error->message);
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
        fprintf (stderr, _("crosscheck-cli: %s: warning: %s\n"), argv[i], warnings[j]);

      if (!crosscheck_project_add_document (project, document, &error))
        {
          fprintf (stderr, "crosscheck-cli: %s: %s\n", argv[i], error->message);
          return CROSSCHECK_CLI_FAILED;
        }
    }

  if (!crosscheck_project_save_to_file (project, out_file, NULL, &error))
    {
      fprintf (stderr, "crosscheck-cli: %s\n", error->message);
      return CROSSCHECK_CLI_FAILED;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "%s: created with %u document\n",
                       "%s: created with %u documents\n", argc - 1),
          output, argc - 1);

  return CROSSCHECK_CLI_OK;
}

/* ------------------------------------------------------------------------ */

static int
command_validate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = command_context (&commands[1], NULL);
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
  g_autoptr(GOptionContext) context = command_context (&commands[2], NULL);
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
  g_autoptr(GOptionContext) context = command_context (&commands[3], entries);
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
