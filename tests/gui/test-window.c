/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c — the main window: welcome page, the example centre, the centre's time zone */
#include "config.h"

#include <adwaita.h>

#include "treff-application.h"
#include "treff-gui-test-util.h"
#include "treff-test-util.h"
#include "treff-window.h"

/* One registered application for the whole program, as in the real app. */
static TreffApplication *app;

typedef struct
{
  TreffTestDir     *dir;
  TreffWindow      *window;
  GSettings        *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = treff_test_dir_new ();
  path = treff_test_dir_build (fixture->dir, "centre.db", NULL);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "time-zone", "Europe/Berlin");

  fixture->window = treff_window_new (app, path);
  gtk_window_present (GTK_WINDOW (fixture->window));
  treff_test_wait_for_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  treff_test_wait_for_idle ();
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->dir, treff_test_dir_free);
}

static const char *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = treff_test_get_widget (GTK_WIDGET (fixture->window), "main_stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* An empty centre is welcomed; the example centre brings the plan. */
static void
test_welcome_then_example (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next_week = NULL;
  g_autoptr(GPtrArray) dates = NULL;

  g_assert_cmpstr (visible_page (fixture), ==, "welcome");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-example", NULL);
  treff_test_wait_for_idle ();
  g_assert_cmpstr (visible_page (fixture), ==, "content");

  now = g_date_time_new_now (treff_store_get_time_zone (treff_window_get_store (fixture->window)));
  next_week = g_date_time_add_weeks (now, 1);
  dates = treff_store_list_occurrences (treff_window_get_store (fixture->window), now, next_week, NULL);
  g_assert_cmpuint (dates->len, >, 10);
}

/* Changing the time zone in the preferences changes the centre's: an
 * 18:00 course stays at 18:00 local in the new zone. */
static void
test_time_zone_preference (Fixture       *fixture,
                           gconstpointer  data)
{
  TreffStore *store = treff_window_get_store (fixture->window);
  g_autoptr(TreffRoom) room = treff_test_add_room (store, "Gruppenraum", 20);
  g_autoptr(TreffBooking) yoga = treff_booking_new ();
  g_autoptr(GDateTime) start = g_date_time_new (treff_store_get_time_zone (store), 2026, 12, 2, 18, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 12, 4, 0, 0, 0);
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  treff_booking_set_title (yoga, "Yoga");
  treff_booking_set_room_id (yoga, treff_room_get_id (room));
  treff_booking_set_times (yoga, start, end);
  treff_store_add_booking (store, yoga, NULL, &error);
  g_assert_no_error (error);

  g_settings_set_string (fixture->settings, "time-zone", "Europe/London");
  treff_test_wait_for_idle ();
  g_assert_cmpstr (g_time_zone_get_identifier (treff_store_get_time_zone (store)), ==, "Europe/London");

  dates = treff_store_list_occurrences (store, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dates->len, ==, 1);
  g_assert_cmpint (g_date_time_get_hour (treff_occurrence_get_start (g_ptr_array_index (dates, 0))), ==, 18);
  g_assert_cmpint (g_date_time_get_utc_offset (treff_occurrence_get_start (g_ptr_array_index (dates, 0))), ==, 0);

  /* A zone the system does not know is refused and the preference goes
   * back to the centre's zone. */
  g_settings_set_string (fixture->settings, "time-zone", "Mars/Olympus");
  treff_test_wait_for_idle ();
  g_assert_cmpstr (g_time_zone_get_identifier (treff_store_get_time_zone (store)), ==, "Europe/London");
  shown = g_settings_get_string (fixture->settings, "time-zone");
  g_assert_cmpstr (shown, ==, "Europe/London");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = treff_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/gui/window/welcome-then-example", Fixture, NULL,
              fixture_set_up, test_welcome_then_example, fixture_tear_down);
  g_test_add ("/gui/window/time-zone-preference", Fixture, NULL,
              fixture_set_up, test_time_zone_preference, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
