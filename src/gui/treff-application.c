/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-application.c — the application: command line, store, windows */
#define G_LOG_DOMAIN "treff-application"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-application.h"
#include "treff-example.h"
#include "treff-preferences-window.h"
#include "treff-print-operation.h"
#include "treff-week-print.h"
#include "treff-window.h"

struct _TreffApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
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
    window = GTK_WINDOW (treff_window_new (self, self->database_path));

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
  GtkApplication *app = GTK_APPLICATION (user_data);
  TreffPreferencesWindow *preferences = treff_preferences_window_new ();

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
  GtkApplication *app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (treff_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);
  gtk_application_set_accels_for_action (app, "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (app, "window.close", close_accels);
  gtk_application_set_accels_for_action (app, "win.add-room", add_room_accels);
  gtk_application_set_accels_for_action (app, "win.search", search_accels);
}

static void
treff_application_finalize (GObject *object)
{
  TreffApplication *self = TREFF_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

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
