/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-application.c — the application: options, actions, windows */
#define G_LOG_DOMAIN "treff-application"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-application.h"
#include "treff-command-line.h"
#include "treff-feed-publisher.h"
#include "treff-preferences-window.h"
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

  return treff_command_line_run (self->database_path, options);
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
