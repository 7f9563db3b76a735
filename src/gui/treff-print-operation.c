/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-print-operation.c — printing the week plan through GTK's print dialog
 *
 * The page is drawn by the core (TreffWeekPrint), the same drawing that
 * `treffpunkt --print-week` writes into a PDF; this only hands it the print
 * context. A PDF comes from the dialog's "Print to File". */
#define G_LOG_DOMAIN "treff-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "treff-gui-util.h"
#include "treff-print-operation.h"
#include "treff-week-print.h"

/* The printer and its options, remembered for the rest of the session. */
static GtkPrintSettings *last_settings;

typedef struct
{
  GtkWindow      *parent;
  TreffWeekPrint *plan;
  gboolean        running_async;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->plan);
  g_free (job);
}

/**
 * treff_print_dup_centre_name:
 *
 * The centre's name for the head of printed plans, from the settings;
 * empty when the settings schema is not installed (an uninstalled build
 * run from the command line), rather than aborting as g_settings_new ()
 * would.
 *
 * Returns: (transfer full): the name, maybe empty
 */
char *
treff_print_dup_centre_name (void)
{
  g_autoptr(GSettings) settings = treff_settings_new_if_installed ("centre-name");

  return settings ? g_settings_get_string (settings, "centre-name") : g_strdup ("");
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Print the Week Plan"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  treff_week_print_draw (job->plan,
                         gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  /* When the dialog finished before gtk_print_operation_run () returned,
   * treff_print_week () reports the result itself. */
  if (!job->running_async)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (job->parent, error);
    }
}

static GtkPageSetup *
create_a4_landscape (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_top_margin (setup, 10.0, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 10.0, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 10.0, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 10.0, GTK_UNIT_MM);

  return setup;
}

/**
 * treff_print_week:
 * @parent: (nullable): the window the print dialog belongs to
 * @monday: any day of the week to print
 * @internal: %TRUE for the office's plan with titles and organisers,
 *   %FALSE for the notice board
 *
 * Shows the print dialog for the week plan; problems are reported in a
 * message dialog.
 */
void
treff_print_week (GtkWindow   *parent,
                  TreffStore  *store,
                  const GDate *monday,
                  gboolean     internal)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(TreffWeekPrint) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *centre_name = NULL;
  g_autofree char *week = NULL;
  g_autofree char *job_name = NULL;
  g_autofree char *basename = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (TREFF_IS_STORE (store));
  g_return_if_fail (monday != NULL && g_date_valid (monday));

  plan = treff_week_print_new (monday, internal ? TREFF_WEEK_PRINT_INTERNAL
                                                : TREFF_WEEK_PRINT_PUBLIC);
  centre_name = treff_print_dup_centre_name ();
  treff_week_print_set_centre_name (plan, centre_name);

  /* One week is read at once; the dialog then draws from the snapshot. */
  if (!treff_week_print_load (plan, store, &error))
    {
      show_error (parent, error);
      return;
    }

  week = treff_week_print_format_week (monday);
  /* Translators: the name of the print job and the suggested file name,
   * "Week plan 2026-W48"; German "Wochenplan 2026-W48" */
  job_name = g_strdup_printf (internal ? _("Internal week plan %s") : _("Week plan %s"), week);
  basename = g_strdelimit (g_strdup (job_name), "/\\:", '-');

  settings = last_settings ? gtk_print_settings_copy (last_settings) : gtk_print_settings_new ();
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");

  page_setup = create_a4_landscape ();

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_allow_async (operation, TRUE);

  job = g_new0 (PrintJob, 1);
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->plan = g_steal_pointer (&plan);
  g_object_set_data_full (G_OBJECT (operation), "treff-print-job", job,
                          (GDestroyNotify)print_job_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
      job->running_async = TRUE;
      break;

    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      break;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
      show_error (parent, error);
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    default:
      break;
    }
}
