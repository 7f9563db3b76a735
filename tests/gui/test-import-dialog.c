/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-dialog.c — the calendar import dialog driven in-process, and `treffpunkt --import-ics` */
#include "config.h"

#include <adwaita.h>
#include <sys/wait.h>

#include "treff-ical-import.h"
#include "treff-gui-test-util.h"
#include "treff-import-dialog.h"
#include "treff-test-util.h"

typedef struct
{
  TreffTestDir      *dir;
  char              *path;
  TreffStore        *store;
  TreffRoom         *room;
  GtkWindow         *window;
  TreffImportDialog *dialog;
  guint              n_imported;
  char              *imported_message;
} Fixture;

static void
on_imported (TreffImportDialog *dialog,
             guint              n_imported,
             const char        *message,
             Fixture           *fixture)
{
  fixture->n_imported = n_imported;
  g_free (fixture->imported_message);
  fixture->imported_message = g_strdup (message);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay;

  fixture->dir = treff_test_dir_new ();
  fixture->path = treff_test_dir_build (fixture->dir, "centre.db", NULL);
  fixture->store = treff_test_open_store (fixture->path);
  fixture->room = treff_test_add_room (fixture->store, "Werkstatt", 20);
  g_clear_object (&fixture->room);
  fixture->room = treff_test_add_room (fixture->store, "Gruppenraum", 12);

  /* A main window with a toast overlay, as the app's. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("Treffpunkt"));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);

  fixture->dialog = g_object_ref (treff_import_dialog_new (fixture->store));
  g_signal_connect (fixture->dialog, "imported", G_CALLBACK (on_imported), fixture);
  gtk_window_set_transient_for (GTK_WINDOW (fixture->dialog), fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Closed by the import, or still open. */
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  treff_test_wait_for_idle ();
  g_assert_finalize_object (fixture->dialog);

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->room);
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->dir, treff_test_dir_free);
  g_free (fixture->path);
  g_free (fixture->imported_message);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("The import dialog did not finish reading within a minute");
  return G_SOURCE_REMOVE;
}

/* The preview runs in a thread: wait for it as the user would. */
static void
wait_until_idle (Fixture *fixture)
{
  guint timeout = g_timeout_add_seconds (60, on_timeout, NULL);

  while (treff_import_dialog_get_busy (fixture->dialog))
    g_main_context_iteration (NULL, TRUE);
  treff_test_wait_for_idle ();

  g_source_remove (timeout);
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *id)
{
  return treff_test_get_widget (GTK_WIDGET (fixture->dialog), id);
}

/* The row the list view shows for @title, once it is on screen. */
static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkCheckButton *
find_check_button (GtkWidget *root)
{
  if (GTK_IS_CHECK_BUTTON (root))
    return GTK_CHECK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
load (Fixture    *fixture,
      const char *name)
{
  g_autofree char *path = treff_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  treff_import_dialog_load_file (fixture->dialog, file);
  g_assert_true (treff_import_dialog_get_busy (fixture->dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_child (fixture, "stack"))), ==, "loading");
  wait_until_idle (fixture);
}

static const char *
summary_text (Fixture *fixture)
{
  GtkWidget *label = get_child (fixture, "summary_label");

  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(sqlite3) db = treff_test_open_raw (fixture->path);

  return treff_test_query_int (db, sql);
}

/* Choosing a file, changing the target, unticking an event, importing. */
static void
test_preview_and_import (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkButton *import_button = GTK_BUTTON (get_child (fixture, "import_button"));
  AdwComboRow *target_row = ADW_COMBO_ROW (get_child (fixture, "target_row"));
  GtkListView *list_view = GTK_LIST_VIEW (get_child (fixture, "list_view"));
  GListModel *shown;
  AdwActionRow *row;
  GtkCheckButton *check;

  /* Rooms first, in the store's order, then the two kinds of periods. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (target_row)), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (target_row)), 0),
                   ==, "Bookings in Gruppenraum");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (import_button)));

  load (fixture, "google-recurring.ics");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_child (fixture, "stack"))), ==, "list");
  g_assert_cmpstr (summary_text (fixture), ==, "3 new");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_child (fixture, "file_row"))),
                   ==, "google-recurring.ics");
  shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_cmpstr (gtk_button_get_label (import_button), ==, "_Import 3 Events");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (import_button)));

  /* Each event is a row with its state and a check box. */
  row = find_row (GTK_WIDGET (list_view), "Nähkurs");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "New: Mon, 4/13/2026 18:00–20:00"));
  check = find_check_button (GTK_WIDGET (row));
  g_assert_true (gtk_check_button_get_active (check));

  /* Unticking an event leaves it out. */
  gtk_check_button_set_active (check, FALSE);
  g_assert_cmpstr (gtk_button_get_label (import_button), ==, "_Import 2 Events");

  /* As school holidays, the two series cannot be periods. */
  adw_combo_row_set_selected (target_row, 2);
  g_assert_true (treff_import_dialog_get_busy (fixture->dialog));
  wait_until_idle (fixture);
  g_assert_cmpstr (summary_text (fixture), ==, "1 new, 2 unparseable");
  row = find_row (GTK_WIDGET (list_view), "Holzwerkstatt für Kinder");
  g_assert_nonnull (row);
  check = find_check_button (GTK_WIDGET (row));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_false (gtk_check_button_get_active (check));

  /* Back to the Werkstatt: everything is chosen again. */
  adw_combo_row_set_selected (target_row, 1);
  wait_until_idle (fixture);
  g_assert_cmpstr (summary_text (fixture), ==, "3 new");
  g_assert_cmpstr (gtk_button_get_label (import_button), ==, "_Import 3 Events");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM bookings;"), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.run", NULL);
  treff_test_wait_for_idle ();

  g_assert_cmpuint (fixture->n_imported, ==, 3);
  g_assert_cmpstr (fixture->imported_message, ==, "Imported 3 events into Werkstatt");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM bookings b JOIN rooms r ON r.id = b.room_id "
                                        "WHERE r.name = 'Werkstatt';"), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM occurrences;"), ==, 33);
}

/* A conflicting event is shown, cannot be ticked, and is not imported. */
static void
test_conflict_row (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TreffBooking) probe = treff_booking_new ();
  g_autoptr(GDateTime) start = g_date_time_new (treff_store_get_time_zone (fixture->store), 2026, 3, 21, 15, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (treff_store_get_time_zone (fixture->store), 2026, 3, 21, 16, 0, 0);
  GtkListView *list_view = GTK_LIST_VIEW (get_child (fixture, "list_view"));
  g_autoptr(GError) error = NULL;
  AdwActionRow *row;
  GtkCheckButton *check;

  treff_booking_set_title (probe, "Lastenrad-Schulung");
  treff_booking_set_room_id (probe, treff_room_get_id (fixture->room));
  treff_booking_set_times (probe, start, end);
  treff_store_add_booking (fixture->store, probe, NULL, &error);
  g_assert_no_error (error);

  /* The Gruppenraum is the first target. */
  load (fixture, "google-recurring.ics");
  g_assert_cmpstr (summary_text (fixture), ==, "2 new, 1 conflict");
  row = find_row (GTK_WIDGET (list_view), "Fahrrad-Reparaturtreff");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Gruppenraum is already booked on Sat, 3/21/2026 15:00–16:00 by Lastenrad-Schulung.");
  check = find_check_button (GTK_WIDGET (row));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_child (fixture, "import_button"))), ==, "_Import 2 Events");

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.run", NULL);
  g_assert_cmpuint (fixture->n_imported, ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM bookings;"), ==, 3);
}

/* The room is booked meanwhile: the import fails as a whole, says why,
 * and the preview is checked again. */
static void
test_failed_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TreffBooking) meanwhile = treff_booking_new ();
  g_autoptr(GDateTime) start = g_date_time_new (treff_store_get_time_zone (fixture->store), 2026, 4, 20, 19, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (treff_store_get_time_zone (fixture->store), 2026, 4, 20, 21, 0, 0);
  GtkWidget *error_label = get_child (fixture, "error_label");
  g_autoptr(GError) error = NULL;

  load (fixture, "google-recurring.ics");
  g_assert_cmpstr (summary_text (fixture), ==, "3 new");

  treff_booking_set_title (meanwhile, "Mieterversammlung");
  treff_booking_set_room_id (meanwhile, treff_room_get_id (fixture->room));
  treff_booking_set_times (meanwhile, start, end);
  treff_store_add_booking (fixture->store, meanwhile, NULL, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.run", NULL);
  g_assert_cmpuint (fixture->n_imported, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "Line 81, “Nähkurs”: Gruppenraum is already booked on Mon, 4/20/2026 19:00–21:00 "
                   "by Mieterversammlung. Nothing was imported.");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM bookings;"), ==, 1);

  wait_until_idle (fixture);
  g_assert_cmpstr (summary_text (fixture), ==, "2 new, 1 conflict");
  g_assert_true (gtk_widget_get_visible (error_label));
}

/* A damaged file: the reason instead of a list, nothing to import. */
static void
test_broken_file (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStatusPage *problem = ADW_STATUS_PAGE (get_child (fixture, "problem_page"));

  load (fixture, "broken-truncated.ics");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_child (fixture, "stack"))), ==, "problem");
  treff_assert_contains (adw_status_page_get_description (problem),
                         "ends in the middle of the event “Sprachkurs Deutsch A1” that begins on line 16");
  g_assert_false (gtk_widget_get_visible (get_child (fixture, "summary_label")));
  g_assert_false (gtk_widget_is_sensitive (get_child (fixture, "import_button")));

  /* Another file can be chosen afterwards. */
  load (fixture, "latin1.ics");
  g_assert_cmpstr (summary_text (fixture), ==, "3 new");
  treff_assert_contains (gtk_label_get_text (GTK_LABEL (get_child (fixture, "notes_label"))), "Windows-1252");
}

/* ------------------------------------------------------------------ */
/* treffpunkt --import-ics                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_treffpunkt (Run         *run,
                const char  *database,
                const char  *first_argument,
                ...)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "treffpunkt", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;
  const char *argument;
  va_list args;

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (char *)"--database");
  g_ptr_array_add (argv, (char *)database);
  va_start (args, first_argument);
  for (argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)argument);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Headless: no display is needed for the command line. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : WEXITSTATUS (wait_status);
}

static gint64
query_database (const char *path,
                const char *sql)
{
  g_autoptr(sqlite3) db = treff_test_open_raw (path);

  return treff_test_query_int (db, sql);
}

static void
test_command_line (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *database = treff_test_dir_build (dir, "centre.db", NULL);
  g_autofree char *google = treff_test_data_path ("google-recurring.ics");
  g_autofree char *truncated = treff_test_data_path ("broken-truncated.ics");
  g_autofree char *holidays = treff_test_data_path ("public-holidays.ics");
  g_autofree char *school = treff_test_data_path ("school-holidays-nrw.ics");

  {
    g_auto(Run) run = { 0 };

    run_treffpunkt (&run, database, "--import-ics", google, "--room", "Werkstatt", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==,
                     "google-recurring.ics: 3 new\n"
                     "Imported 3 events into Werkstatt.\n");
    g_assert_cmpint (query_database (database, "SELECT capacity FROM rooms WHERE name = 'Werkstatt';"), ==, 20);
    g_assert_cmpint (query_database (database, "SELECT count(*) FROM bookings;"), ==, 3);
    g_assert_cmpint (query_database (database, "SELECT count(*) FROM occurrences;"), ==, 33);
  }

  /* Again: updates, no copies. */
  {
    g_auto(Run) run = { 0 };

    run_treffpunkt (&run, database, "--import-ics", google, "--room", "werkstatt", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==,
                     "google-recurring.ics: 3 updates\n"
                     "Imported 3 events into Werkstatt.\n");
    g_assert_cmpint (query_database (database, "SELECT count(*) FROM bookings;"), ==, 3);
    g_assert_cmpint (query_database (database, "SELECT count(*) FROM rooms;"), ==, 1);
  }

  /* A cut-off file: one sentence, exit 1, nothing written. */
  {
    g_auto(Run) run = { 0 };

    run_treffpunkt (&run, database, "--import-ics", truncated, "--room", "Gruppenraum", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpstr (run.err, ==,
                     "“broken-truncated.ics” ends in the middle of the event “Sprachkurs Deutsch A1” that "
                     "begins on line 16: the file is incomplete, perhaps cut off while saving or downloading. "
                     "Nothing was imported.\n");
    g_assert_cmpint (query_database (database, "SELECT count(*) FROM rooms;"), ==, 1);
  }

  /* Nothing importable: the new room is not kept either. */
  {
    g_auto(Run) run = { 0 };

    run_treffpunkt (&run, database, "--import-ics", holidays, "--room", "Saal", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "Nothing was imported: none of the events in “public-holidays.ics” can be imported.\n");
    g_assert_true (g_str_has_prefix (run.out, "public-holidays.ics: 11 conflicts, 1 unparseable\n"
                                              "  Conflict: line 8, “Neujahr”: Thu, 1/1/2026 is a public holiday "
                                              "(New Year's Day).\n"));
    g_assert_cmpint (query_database (database, "SELECT count(*) FROM rooms;"), ==, 1);
    g_assert_cmpint (query_database (database, "SELECT count(*) FROM bookings;"), ==, 3);
  }

  {
    g_auto(Run) run = { 0 };

    run_treffpunkt (&run, database, "--import-ics", school, "--as", "school-holidays", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "school-holidays-nrw.ics: 6 new\nImported 6 school-holiday periods.\n");
    g_assert_cmpint (query_database (database, "SELECT count(*) FROM closures WHERE kind = 1;"), ==, 6);
  }

  {
    g_auto(Run) run = { 0 };

    run_treffpunkt (&run, database, "--import-ics", school, "--as", "holidays", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "“holidays” is not something events can be imported as: "
                                  "use --as school-holidays or --as closures.\n");
  }

  {
    g_auto(Run) run = { 0 };

    run_treffpunkt (&run, database, "--import-ics", school, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "Say what the events become: --room NAME for bookings of a room, "
                                  "or --as school-holidays or --as closures.\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/import-dialog/preview-and-import", Fixture, NULL,
              fixture_set_up, test_preview_and_import, fixture_tear_down);
  g_test_add ("/gui/import-dialog/conflict-row", Fixture, NULL,
              fixture_set_up, test_conflict_row, fixture_tear_down);
  g_test_add ("/gui/import-dialog/failed-import", Fixture, NULL,
              fixture_set_up, test_failed_import, fixture_tear_down);
  g_test_add ("/gui/import-dialog/broken-file", Fixture, NULL,
              fixture_set_up, test_broken_file, fixture_tear_down);
  g_test_add_func ("/cli/import-ics", test_command_line);

  return g_test_run ();
}
