/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-booking-editor.c — the booking editor: live conflicts, series preview, edit scopes */
#include "config.h"

#include <adwaita.h>

#include "treff-booking-editor.h"
#include "treff-gui-test-util.h"
#include "treff-test-util.h"

typedef struct
{
  TreffTestDir *dir;
  TreffStore   *store;
  gint64        hall_id;
  gint64        kitchen_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(TreffRoom) hall = NULL;
  g_autoptr(TreffRoom) kitchen = NULL;
  g_autoptr(TreffBooking) repair_cafe = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  fixture->dir = treff_test_dir_new ();
  path = treff_test_dir_build (fixture->dir, "centre.db", NULL);
  fixture->store = treff_test_open_store (path);

  hall = treff_test_add_room (fixture->store, "Gruppenraum", 20);
  kitchen = treff_test_add_room (fixture->store, "Küche", 8);
  fixture->hall_id = treff_room_get_id (hall);
  fixture->kitchen_id = treff_room_get_id (kitchen);

  start = treff_test_at (fixture->store, 2026, 12, 5, 14, 0);
  end = treff_test_at (fixture->store, 2026, 12, 5, 17, 0);
  repair_cafe = treff_test_booking_new (hall, "Repair-Café", start, end);
  treff_test_add_booking (fixture->store, repair_cafe, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->dir, treff_test_dir_free);
}

static GtkWidget *
get_child (TreffBookingEditor *editor,
           const char         *id)
{
  return treff_test_get_widget (GTK_WIDGET (editor), id);
}

static void
type_text (TreffBookingEditor *editor,
           const char         *id,
           const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_child (editor, id)), text);
  treff_test_wait_for_idle ();
}

static const char *
status_text (TreffBookingEditor *editor)
{
  return gtk_label_get_text (GTK_LABEL (get_child (editor, "status_label")));
}

static gboolean
save_enabled (TreffBookingEditor *editor)
{
  return gtk_widget_get_sensitive (get_child (editor, "save_button"));
}

static GPtrArray *
list_december (Fixture *fixture)
{
  g_autoptr(GDateTime) from = treff_test_at (fixture->store, 2026, 12, 1, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (treff_store_get_time_zone (fixture->store), 2027, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  GPtrArray *occurrences = treff_store_list_occurrences (fixture->store, from, to, &error);

  g_assert_no_error (error);
  return occurrences;
}

static TreffOccurrence *
find_occurrence (GPtrArray  *occurrences,
                 const char *title,
                 int         day)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      if (g_str_equal (treff_occurrence_get_title (occurrence), title) &&
          g_date_time_get_day_of_month (treff_occurrence_get_start (occurrence)) == day)
        return occurrence;
    }

  return NULL;
}

/* The conflict shows while the times are typed, naming the other booking. */
static void
test_live_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) start = treff_test_at (fixture->store, 2026, 12, 5, 10, 0);
  g_autoptr(GDateTime) end = treff_test_at (fixture->store, 2026, 12, 5, 11, 0);
  g_autoptr(GPtrArray) december = NULL;
  TreffBookingEditor *editor;

  editor = treff_booking_editor_new_for_slot (fixture->store, start, end, fixture->hall_id);
  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));

  /* No title yet: nothing can be saved. */
  g_assert_false (save_enabled (editor));
  type_text (editor, "title_row", "Kindergeburtstag");
  g_assert_true (save_enabled (editor));
  treff_assert_contains (status_text (editor), "free");

  type_text (editor, "start_entry", "15:00");
  type_text (editor, "end_entry", "18:00");
  g_assert_false (save_enabled (editor));
  treff_assert_contains (status_text (editor), "Gruppenraum is already booked");
  treff_assert_contains (status_text (editor), "Repair-Café");
  treff_assert_contains (status_text (editor), "14:00–17:00");

  /* The same time in the kitchen is free. */
  type_text (editor, "end_entry", "16:00");
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_child (editor, "room_row")), 1);
  treff_test_wait_for_idle ();
  g_assert_true (save_enabled (editor));

  /* More guests than the kitchen holds is a warning, not a block. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (editor, "attendees_spin")), 12);
  treff_test_wait_for_idle ();
  treff_assert_contains (status_text (editor), "Küche holds only 8");
  g_assert_true (save_enabled (editor));

  type_text (editor, "end_entry", "halb vier");
  g_assert_false (save_enabled (editor));
  treff_assert_contains (status_text (editor), "“halb vier” is not a time");
  type_text (editor, "end_entry", "16:30");

  treff_booking_editor_save (editor, TREFF_EDIT_SCOPE_ALL);
  treff_test_wait_for_idle ();

  december = list_december (fixture);
  g_assert_nonnull (find_occurrence (december, "Kindergeburtstag", 5));
  g_assert_cmpint (treff_occurrence_get_room_id (find_occurrence (december, "Kindergeburtstag", 5)),
                   ==, fixture->kitchen_id);

  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_finalize_object (editor);
}

/* A weekly series over Christmas: the holidays are listed and skipped. */
static void
test_series_preview_skips_holidays (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GDateTime) start = treff_test_at (fixture->store, 2026, 12, 4, 18, 0);
  g_autoptr(GDateTime) end = treff_test_at (fixture->store, 2026, 12, 4, 19, 30);
  g_autoptr(GPtrArray) december = NULL;
  GtkWidget *dates_list;
  TreffBookingEditor *editor;
  TreffOccurrence *christmas;
  guint n_rows = 0;

  editor = treff_booking_editor_new_for_slot (fixture->store, start, end, fixture->hall_id);
  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));

  type_text (editor, "title_row", "Chor");
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_child (editor, "repeat_row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_child (editor, "end_kind_row")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (editor, "count_spin")), 5);
  treff_test_wait_for_idle ();

  /* 4, 11, 18, 25 December and 1 January: two public holidays. */
  dates_list = get_child (editor, "dates_list");
  g_assert_true (gtk_widget_is_visible (get_child (editor, "dates_group")));
  for (GtkWidget *row = gtk_widget_get_first_child (dates_list); row; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 5);
  treff_assert_contains (status_text (editor), "2 dates cannot take place");
  g_assert_true (save_enabled (editor));

  treff_booking_editor_save (editor, TREFF_EDIT_SCOPE_ALL);
  treff_test_wait_for_idle ();

  december = list_december (fixture);
  christmas = find_occurrence (december, "Chor", 25);
  g_assert_nonnull (christmas);
  g_assert_true (treff_occurrence_get_cancelled (christmas));
  g_assert_false (treff_occurrence_get_cancelled (find_occurrence (december, "Chor", 18)));

  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_finalize_object (editor);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The "Skip" check box of the listed date whose title contains @date. */
static GtkCheckButton *
find_skip_check (TreffBookingEditor *editor,
                 const char         *date)
{
  GtkWidget *dates_list = get_child (editor, "dates_list");

  for (GtkWidget *row = gtk_widget_get_first_child (dates_list); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (strstr (title, date) != NULL)
        return GTK_CHECK_BUTTON (find_descendant (row, GTK_TYPE_CHECK_BUTTON));
    }

  g_error ("No date “%s” in the list", date);
  return NULL;
}

/* A problem date the user chose to keep stays kept while the series
 * changes around it, and blocks saving until it is skipped again. */
static void
test_series_keep_problem_date (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) start = treff_test_at (fixture->store, 2026, 12, 4, 18, 0);
  g_autoptr(GDateTime) end = treff_test_at (fixture->store, 2026, 12, 4, 19, 30);
  g_autoptr(GPtrArray) december = NULL;
  TreffBookingEditor *editor;
  GtkCheckButton *christmas;

  editor = treff_booking_editor_new_for_slot (fixture->store, start, end, fixture->hall_id);
  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));

  type_text (editor, "title_row", "Chor");
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_child (editor, "repeat_row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_child (editor, "end_kind_row")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (editor, "count_spin")), 5);
  treff_test_wait_for_idle ();

  christmas = find_skip_check (editor, "12/25/2026");
  g_assert_true (gtk_check_button_get_active (christmas));
  g_assert_true (gtk_check_button_get_active (find_skip_check (editor, "1/1/2027")));

  /* Kept: the holiday blocks saving and says how to go on. */
  gtk_check_button_set_active (christmas, FALSE);
  treff_test_wait_for_idle ();
  g_assert_false (save_enabled (editor));
  treff_assert_contains (status_text (editor), "Skip the date");

  /* A longer series is listed anew; the kept date stays kept. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (editor, "count_spin")), 6);
  treff_test_wait_for_idle ();
  g_assert_false (gtk_check_button_get_active (find_skip_check (editor, "12/25/2026")));
  g_assert_true (gtk_check_button_get_active (find_skip_check (editor, "1/1/2027")));
  g_assert_false (save_enabled (editor));

  gtk_check_button_set_active (find_skip_check (editor, "12/25/2026"), TRUE);
  treff_test_wait_for_idle ();
  treff_assert_contains (status_text (editor), "2 dates cannot take place");
  g_assert_true (save_enabled (editor));

  treff_booking_editor_save (editor, TREFF_EDIT_SCOPE_ALL);
  treff_test_wait_for_idle ();

  december = list_december (fixture);
  g_assert_true (treff_occurrence_get_cancelled (find_occurrence (december, "Chor", 25)));
  g_assert_false (treff_occurrence_get_cancelled (find_occurrence (december, "Chor", 18)));

  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_finalize_object (editor);
}

/* Opening one date of a series and moving only it keeps the others. */
static void
test_edit_only_this_date (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TreffBooking) yoga = treff_booking_new ();
  g_autoptr(GDateTime) start = treff_test_at (fixture->store, 2026, 12, 2, 18, 0);
  g_autoptr(GDateTime) end = treff_test_at (fixture->store, 2026, 12, 2, 19, 30);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  TreffBookingEditor *editor;
  TreffRecurrence weekly;

  treff_recurrence_init_none (&weekly);
  weekly.repeat = TREFF_REPEAT_WEEKLY;
  weekly.interval = 1;
  weekly.weekdays = TREFF_WEEKDAY_BIT (3);
  weekly.count = 3;
  treff_booking_set_title (yoga, "Yoga");
  treff_booking_set_room_id (yoga, fixture->hall_id);
  treff_booking_set_times (yoga, start, end);
  treff_booking_set_recurrence (yoga, &weekly);
  treff_store_add_booking (fixture->store, yoga, NULL, &error);
  g_assert_no_error (error);

  before = list_december (fixture);
  editor = treff_booking_editor_new_for_occurrence (fixture->store, find_occurrence (before, "Yoga", 9));
  g_object_ref_sink (editor);
  gtk_window_present (GTK_WINDOW (editor));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_child (editor, "start_entry"))), ==, "18:00");
  g_assert_true (gtk_widget_get_visible (get_child (editor, "cancel_date_button")));
  type_text (editor, "start_entry", "19:00");
  type_text (editor, "end_entry", "20:30");
  g_assert_true (save_enabled (editor));
  treff_booking_editor_save (editor, TREFF_EDIT_SCOPE_THIS_DATE);
  treff_test_wait_for_idle ();

  after = list_december (fixture);
  g_assert_cmpint (g_date_time_get_hour (treff_occurrence_get_start (find_occurrence (after, "Yoga", 2))), ==, 18);
  g_assert_cmpint (g_date_time_get_hour (treff_occurrence_get_start (find_occurrence (after, "Yoga", 9))), ==, 19);
  g_assert_true (treff_occurrence_get_moved (find_occurrence (after, "Yoga", 9)));
  g_assert_cmpint (g_date_time_get_hour (treff_occurrence_get_start (find_occurrence (after, "Yoga", 16))), ==, 18);

  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_finalize_object (editor);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/booking-editor/live-conflict", Fixture, NULL,
              fixture_set_up, test_live_conflict, fixture_tear_down);
  g_test_add ("/gui/booking-editor/series-preview", Fixture, NULL,
              fixture_set_up, test_series_preview_skips_holidays, fixture_tear_down);
  g_test_add ("/gui/booking-editor/series-keep-problem-date", Fixture, NULL,
              fixture_set_up, test_series_keep_problem_date, fixture_tear_down);
  g_test_add ("/gui/booking-editor/only-this-date", Fixture, NULL,
              fixture_set_up, test_edit_only_this_date, fixture_tear_down);

  return g_test_run ();
}
