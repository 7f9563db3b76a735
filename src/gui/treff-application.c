/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-application.c — the application: command line, store, windows */
#define G_LOG_DOMAIN "treff-application"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-application.h"
#include "treff-error.h"
#include "treff-example.h"
#include "treff-feed-publisher.h"
#include "treff-ical-import.h"
#include "treff-preferences-window.h"
#include "treff-print-operation.h"
#include "treff-week-print.h"
#include "treff-window.h"

struct _TreffApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  TreffFeedPublisher *feed_publisher;
};

G_DEFINE_FINAL_TYPE (TreffApplication, treff_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version of Treffpunkt and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the centre database in FILE instead of the default one"), N_("FILE") },
  { "create-example", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with the example centre and exit"), NULL },
  { "print-week", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the week plan of WEEK (as in 2026-W48) as a PDF file and exit"), N_("WEEK") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The PDF file --print-week writes"), N_("FILE") },
  { "internal", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --print-week: the internal plan with every title and organiser, not the one for the notice board"), NULL },
  { "export-feeds", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the calendar feeds and their index page into the folder DIR and exit"), N_("DIR") },
  { "import-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the events of the calendar file FILE (with --room or --as) and exit"), N_("FILE") },
  { "room", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-ics: book the events in ROOM (created if missing)"), N_("ROOM") },
  { "as", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-ics: import the events as school-holidays or closures instead"), N_("KIND") },
  { NULL }
};

static int
create_example (TreffApplication *self)
{
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = treff_store_open (self->database_path, &error);
  if (store == NULL || !treff_example_fill (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print (_("Created the example centre in “%s”.\n"), self->database_path);
  return EXIT_SUCCESS;
}

/* treffpunkt --print-week 2026-W48 --output plan.pdf [--internal]:
 * no window, no display; every problem is one sentence on stderr. */
static int
print_week (TreffApplication *self,
            GVariantDict     *options)
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
  if (!g_file_test (self->database_path, G_FILE_TEST_IS_REGULAR))
    {
      display = g_filename_display_name (self->database_path);
      g_printerr (_("There is no centre database “%s”.\n"), display);
      return EXIT_FAILURE;
    }

  store = treff_store_open (self->database_path, &error);
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
export_feeds (TreffApplication *self,
              GVariantDict     *options)
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
  if (!g_file_test (self->database_path, G_FILE_TEST_IS_REGULAR))
    {
      display = g_filename_display_name (self->database_path);
      g_printerr (_("There is no centre database “%s”.\n"), display);
      return EXIT_FAILURE;
    }

  if (!treff_feed_publisher_export (NULL, self->database_path, folder, &error))
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

static GSettings *
new_settings_or_null (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema ? g_settings_new (APP_ID) : NULL;
}

/* treffpunkt --import-ics FILE --room NAME | --as school-holidays|closures:
 * no window; the report on stdout; on failure one sentence on stderr,
 * and nothing written. */
static int
import_ics (TreffApplication *self,
            GVariantDict     *options)
{
  g_autoptr(TreffIcalImport) import = treff_ical_import_new ();
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GSettings) settings = new_settings_or_null ();
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

  store = treff_store_open (self->database_path, &error);
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

static int
treff_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  TreffApplication *self = TREFF_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("treffpunkt %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
      /* Another centre's database gets its own instance: the running one
       * keeps showing its own centre. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_contains (options, "create-example"))
    return create_example (self);

  if (g_variant_dict_contains (options, "print-week"))
    return print_week (self, options);

  if (g_variant_dict_contains (options, "export-feeds"))
    return export_feeds (self, options);

  if (g_variant_dict_contains (options, "import-ics"))
    return import_ics (self, options);

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

static void
treff_application_activate (GApplication *application)
{
  TreffApplication *self = TREFF_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (treff_window_new (self, self->database_path));
      if (self->feed_publisher == NULL)
        self->feed_publisher = treff_feed_publisher_new (self->database_path, NULL);
      treff_feed_publisher_attach_window (self->feed_publisher, window);
    }

  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Treffpunkt developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Treffpunkt"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Treffpunkt developers"),
                         "developers", developers,
                         "comments", _("Plan the rooms, courses and volunteers of a community centre"),
                         "website", "https://github.com/treffpunkt/treffpunkt",
                         "issue-url", "https://github.com/treffpunkt/treffpunkt/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 Treffpunkt developers",
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TreffApplication *self = TREFF_APPLICATION (user_data);
  GtkApplication *app = GTK_APPLICATION (user_data);
  TreffPreferencesWindow *preferences = treff_preferences_window_new ();

  treff_preferences_window_set_feed_publisher (preferences, self->feed_publisher);

  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
treff_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *add_room_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  GtkApplication *app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (treff_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);
  gtk_application_set_accels_for_action (app, "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (app, "window.close", close_accels);
  gtk_application_set_accels_for_action (app, "win.add-room", add_room_accels);
  gtk_application_set_accels_for_action (app, "win.search", search_accels);
  gtk_application_set_accels_for_action (app, "win.print-week(false)", print_accels);
}

static void
treff_application_finalize (GObject *object)
{
  TreffApplication *self = TREFF_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->feed_publisher);

  G_OBJECT_CLASS (treff_application_parent_class)->finalize (object);
}

static void
treff_application_class_init (TreffApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = treff_application_finalize;
  app_class->handle_local_options = treff_application_handle_local_options;
  app_class->startup = treff_application_startup;
  app_class->activate = treff_application_activate;
}

static void
treff_application_init (TreffApplication *self)
{
  self->database_path = treff_store_dup_default_path ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan the rooms, courses and volunteers of a community centre."));
}

TreffApplication *
treff_application_new (void)
{
  return g_object_new (TREFF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/treffpunkt/Treffpunkt",
                       NULL);
}
