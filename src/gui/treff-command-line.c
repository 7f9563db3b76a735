/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-command-line.c — what treffpunkt does without a window: example, printed plan, feeds, import
 *
 * Each command prints what it did on stdout, or one sentence on stderr
 * and exits with status 1; nothing is half-written. */
#define G_LOG_DOMAIN "treff-command-line"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-command-line.h"
#include "treff-error.h"
#include "treff-example.h"
#include "treff-feed-publisher.h"
#include "treff-gui-util.h"
#include "treff-ical-import.h"
#include "treff-print-operation.h"
#include "treff-week-print.h"

static int
create_example (const char *database_path)
{
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = treff_store_open (database_path, &error);
  if (store == NULL || !treff_example_fill (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print (_("Created the example centre in “%s”.\n"), database_path);
  return EXIT_SUCCESS;
}

/* treffpunkt --print-week 2026-W48 --output plan.pdf [--internal]:
 * no window, no display; every problem is one sentence on stderr. */
static int
print_week (const char   *database_path,
            GVariantDict *options)
{
  g_autoptr(TreffWeekPrint) plan = NULL;
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *centre_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display = NULL;
  const char *week = NULL;
  const char *output_arg = NULL;
  gboolean internal;
  GDate monday;

  g_variant_dict_lookup (options, "print-week", "&s", &week);
  internal = g_variant_dict_contains (options, "internal");

  if (!treff_week_print_parse_week (week, &monday, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!g_variant_dict_lookup (options, "output", "^&ay", &output_arg) || output_arg[0] == '\0')
    {
      g_printerr ("%s\n", _("Say where to save the week plan with --output FILE."));
      return EXIT_FAILURE;
    }
  output = g_strdup (output_arg);

  /* Opening a missing file would create an empty centre and print nothing. */
  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    {
      display = g_filename_display_name (database_path);
      g_printerr (_("There is no centre database “%s”.\n"), display);
      return EXIT_FAILURE;
    }

  store = treff_store_open (database_path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  plan = treff_week_print_new (&monday, internal ? TREFF_WEEK_PRINT_INTERNAL
                                                 : TREFF_WEEK_PRINT_PUBLIC);
  centre_name = treff_print_dup_centre_name ();
  treff_week_print_set_centre_name (plan, centre_name);

  if (!treff_week_print_load (plan, store, &error) ||
      !treff_week_print_write_pdf (plan, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  display = g_filename_display_name (output);
  g_print (_("Saved the week plan as “%s”.\n"), display);
  return EXIT_SUCCESS;
}

/* treffpunkt --export-feeds DIR (a cron job): the same files the app
 * publishes, with the same settings, without a display. */
static int
export_feeds (const char   *database_path,
              GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  const char *folder = NULL;

  if (!g_variant_dict_lookup (options, "export-feeds", "^&ay", &folder) || folder[0] == '\0')
    {
      g_printerr ("%s\n", _("Say into which folder to write the calendar feeds with --export-feeds DIR."));
      return EXIT_FAILURE;
    }

  /* Opening a missing file would create an empty centre. */
  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    {
      display = g_filename_display_name (database_path);
      g_printerr (_("There is no centre database “%s”.\n"), display);
      return EXIT_FAILURE;
    }

  if (!treff_feed_publisher_export (NULL, database_path, folder, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

/* The room called @name (as the store compares names), created with the
 * default capacity if the centre has none. */
static TreffRoom *
find_or_add_room (TreffStore  *store,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  g_autofree char *key = g_utf8_casefold (normalized ? normalized : name, -1);
  g_autoptr(GPtrArray) rooms = treff_store_list_rooms (store, TRUE, error);
  g_autoptr(TreffRoom) room = NULL;

  if (rooms == NULL)
    return NULL;

  for (guint i = 0; i < rooms->len; i++)
    {
      TreffRoom *candidate = g_ptr_array_index (rooms, i);
      g_autofree char *candidate_normalized = g_utf8_normalize (treff_room_get_name (candidate), -1,
                                                                G_NORMALIZE_ALL);
      g_autofree char *candidate_key = g_utf8_casefold (candidate_normalized, -1);

      if (g_str_equal (key, candidate_key))
        return g_object_ref (candidate);
    }

  room = treff_room_new (name);
  treff_room_set_capacity (room, 20);
  if (!treff_store_add_room (store, room, error))
    return NULL;

  return g_steal_pointer (&room);
}

typedef struct
{
  TreffStore        *store;
  TreffIcalImport   *import;
  TreffImportTarget  target;
  const char        *room_name;
  char              *display_name;
  GString           *report;
  guint              n_imported;
  char              *room;
} CommandLineImport;

/* Everything in one transaction: a room created for the import is
 * removed again if the import fails. */
static gboolean
import_ics_in_transaction (gpointer   user_data,
                           GError   **error)
{
  CommandLineImport *cli = user_data;
  g_autoptr(TreffRoom) room = NULL;
  g_autofree char *summary = NULL;
  GListModel *items;
  gint64 room_id = 0;

  if (cli->target == TREFF_IMPORT_TARGET_BOOKINGS)
    {
      room = find_or_add_room (cli->store, cli->room_name, error);
      if (room == NULL)
        return FALSE;
      room_id = treff_room_get_id (room);
      cli->room = g_strdup (treff_room_get_name (room));
    }

  if (!treff_ical_import_preview (cli->import, cli->store, cli->target, room_id, NULL, error))
    return FALSE;

  summary = treff_ical_import_dup_summary (cli->import);
  /* Translators: "Kurse.ics: 12 new, 3 updates, 2 conflicts, 1 unparseable" */
  g_string_append_printf (cli->report, _("%s: %s\n"), cli->display_name, summary);
  if (treff_ical_import_get_notes (cli->import) != NULL)
    g_string_append_printf (cli->report, "%s\n", treff_ical_import_get_notes (cli->import));

  items = treff_ical_import_get_items (cli->import);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TreffImportItem) item = g_list_model_get_item (items, i);
      TreffImportState state = treff_import_item_get_state (item);

      if (state == TREFF_IMPORT_STATE_NEW || state == TREFF_IMPORT_STATE_UPDATE)
        continue;

      /* Unparseable events name their line in the message already. */
      if (state == TREFF_IMPORT_STATE_UNPARSEABLE)
        /* Translators: one event of the import report, "  Unparseable: “Yoga”: Line 12: …" */
        g_string_append_printf (cli->report, _("  %s: “%s”: %s\n"),
                                treff_import_state_to_label (state),
                                treff_import_item_get_summary (item),
                                treff_import_item_get_message (item));
      else
        /* Translators: one event of the import report, "  Conflict: line 12, “Yoga”: Werkstatt is …" */
        g_string_append_printf (cli->report, _("  %s: line %u, “%s”: %s\n"),
                                treff_import_state_to_label (state),
                                treff_import_item_get_line (item),
                                treff_import_item_get_summary (item),
                                treff_import_item_get_message (item));
    }

  if (treff_ical_import_count_selected (cli->import) == 0)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("Nothing was imported: none of the events in “%s” can be imported."),
                   cli->display_name);
      return FALSE;
    }

  return treff_ical_import_run (cli->import, cli->store, &cli->n_imported, error);
}

/* treffpunkt --import-ics FILE --room NAME | --as school-holidays|closures:
 * no window; the report on stdout; on failure one sentence on stderr,
 * and nothing written. */
static int
import_ics (const char   *database_path,
            GVariantDict *options)
{
  g_autoptr(TreffIcalImport) import = treff_ical_import_new ();
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GSettings) settings = treff_settings_new_if_installed ("day-end-hour");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *room_name = NULL;
  CommandLineImport cli = { NULL };
  const char *file_arg = NULL;
  const char *room_arg = NULL;
  const char *as = NULL;
  guint first_hour = 8, last_hour = 22;
  int status = EXIT_FAILURE;

  g_variant_dict_lookup (options, "import-ics", "^&ay", &file_arg);
  g_variant_dict_lookup (options, "room", "&s", &room_arg);
  g_variant_dict_lookup (options, "as", "&s", &as);
  room_name = room_arg ? g_strstrip (g_strdup (room_arg)) : NULL;

  if (file_arg == NULL || file_arg[0] == '\0')
    {
      g_printerr ("%s\n", _("Say which calendar file to import with --import-ics FILE."));
      return EXIT_FAILURE;
    }

  if ((room_name != NULL) == (as != NULL) || (room_name != NULL && room_name[0] == '\0'))
    {
      g_printerr ("%s\n", _("Say what the events become: --room NAME for bookings of a room, "
                            "or --as school-holidays or --as closures."));
      return EXIT_FAILURE;
    }

  if (as == NULL)
    cli.target = TREFF_IMPORT_TARGET_BOOKINGS;
  else if (g_str_equal (as, "school-holidays"))
    cli.target = TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS;
  else if (g_str_equal (as, "closures"))
    cli.target = TREFF_IMPORT_TARGET_CLOSURES;
  else
    {
      g_printerr (_("“%s” is not something events can be imported as: use --as school-holidays or --as closures.\n"),
                  as);
      return EXIT_FAILURE;
    }

  store = treff_store_open (database_path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (settings != NULL)
    {
      first_hour = g_settings_get_int (settings, "day-start-hour");
      last_hour = MAX ((guint)g_settings_get_int (settings, "day-end-hour"), first_hour + 1);
    }
  treff_ical_import_set_opening_hours (import, first_hour, last_hour);

  file = g_file_new_for_commandline_arg (file_arg);
  if (!treff_ical_import_load_file (import, file, treff_store_get_time_zone (store), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  cli.store = store;
  cli.import = import;
  cli.room_name = room_name;
  cli.display_name = g_strdup (treff_ical_import_get_file_name (import));
  cli.report = report;

  if (!treff_store_run_transaction (store, import_ics_in_transaction, &cli, &error))
    {
      g_print ("%s", report->str);
      g_printerr ("%s\n", error->message);
      goto out;
    }

  g_print ("%s", report->str);
  if (cli.target == TREFF_IMPORT_TARGET_BOOKINGS)
    /* Translators: the last line of the import report */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u event into %s.\n", "Imported %u events into %s.\n",
                          cli.n_imported),
             cli.n_imported, cli.room);
  else if (cli.target == TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u school-holiday period.\n",
                          "Imported %u school-holiday periods.\n", cli.n_imported),
             cli.n_imported);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u closure period.\n",
                          "Imported %u closure periods.\n", cli.n_imported),
             cli.n_imported);
  status = EXIT_SUCCESS;

out:
  g_free (cli.display_name);
  g_free (cli.room);
  return status;
}

/**
 * treff_command_line_run:
 * @database_path: the centre's database (--database, or the default)
 * @options: the parsed command line
 *
 * Runs a command that needs no window (--create-example, --print-week,
 * --export-feeds, --import-ics).
 *
 * Returns: the exit status, or -1 when the options ask for the window
 */
int
treff_command_line_run (const char   *database_path,
                        GVariantDict *options)
{
  g_return_val_if_fail (database_path != NULL, EXIT_FAILURE);
  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  if (g_variant_dict_contains (options, "create-example"))
    return create_example (database_path);

  if (g_variant_dict_contains (options, "print-week"))
    return print_week (database_path, options);

  if (g_variant_dict_contains (options, "export-feeds"))
    return export_feeds (database_path, options);

  if (g_variant_dict_contains (options, "import-ics"))
    return import_ics (database_path, options);

  if (g_variant_dict_contains (options, "room") || g_variant_dict_contains (options, "as"))
    {
      g_printerr ("%s\n", _("--room and --as only work together with --import-ics."));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "output") || g_variant_dict_contains (options, "internal"))
    {
      g_printerr ("%s\n", _("--output and --internal only work together with --print-week."));
      return EXIT_FAILURE;
    }

  return -1;
}
