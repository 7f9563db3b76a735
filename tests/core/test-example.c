/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-example.c — the example centre (--create-example) fills only an empty database, in one go */
#include "config.h"

#include "treff-error.h"
#include "treff-example.h"
#include "treff-store-private.h"
#include "treff-test-util.h"

static TreffStore *
open_store (TreffTestDir *dir)
{
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);

  return treff_test_open_store (path);
}

static TreffRoom *
find_room (GPtrArray  *rooms,
           const char *name)
{
  for (guint i = 0; i < rooms->len; i++)
    {
      TreffRoom *room = g_ptr_array_index (rooms, i);

      if (g_strcmp0 (treff_room_get_name (room), name) == 0)
        return room;
    }

  g_assert_not_reached ();
}

static TreffOccurrence *
find_occurrence (GPtrArray  *occurrences,
                 const char *title)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      if (g_str_equal (treff_occurrence_get_title (occurrence), title))
        return occurrence;
    }

  return NULL;
}

/* The programme is alive around the week the example is opened. */
static void
test_example_programme (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autoptr(TreffStore) store = open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) a_monday = NULL;
  g_autoptr(GDateTime) monday = NULL;
  g_autoptr(GDateTime) past_end = NULL;
  g_autoptr(GDateTime) future_end = NULL;
  g_autoptr(GDateTime) long_ago = NULL;
  g_autoptr(GDateTime) far_ahead = NULL;
  g_autoptr(GDateTime) next_monday = NULL;
  g_autoptr(GDateTime) past = NULL;
  g_autoptr(GDateTime) future = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) repair_cafe = NULL;
  TreffOccurrence *party;

  treff_example_fill (store, &error);
  g_assert_no_error (error);

  now = g_date_time_new_now (treff_store_get_time_zone (store));
  a_monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
  monday = g_date_time_new (treff_store_get_time_zone (store), g_date_time_get_year (a_monday),
                            g_date_time_get_month (a_monday), g_date_time_get_day_of_month (a_monday),
                            0, 0, 0);
  next_monday = g_date_time_add_weeks (monday, 1);
  week = treff_store_list_occurrences (store, monday, next_monday, &error);
  g_assert_no_error (error);

  /* A week holds the regular groups, and this week's Saturday party is
   * private: public places show it only as booked. */
  g_assert_cmpuint (week->len, >=, 15);
  g_assert_nonnull (find_occurrence (week, "Yoga"));
  g_assert_nonnull (find_occurrence (week, "Krabbelgruppe"));
  party = find_occurrence (week, "Geburtstagsfeier");
  g_assert_nonnull (party);
  g_assert_false (treff_booking_get_public (treff_occurrence_get_booking (party)));
  g_assert_cmpstr (treff_occurrence_get_public_title (party), ==, "Booked");
  g_assert_cmpint (g_date_time_get_day_of_week (treff_occurrence_get_start (party)), ==, 6);

  /* Series began months ago and go on for months. */
  past = g_date_time_add_weeks (monday, -9);
  future = g_date_time_add_weeks (monday, 12);
  past_end = g_date_time_add_weeks (past, 1);
  future_end = g_date_time_add_weeks (future, 1);
  earlier = treff_store_list_occurrences (store, past, past_end, &error);
  g_assert_no_error (error);
  later = treff_store_list_occurrences (store, future, future_end, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_occurrence (earlier, "Yoga"));
  g_assert_nonnull (find_occurrence (later, "Yoga"));

  /* The repair café meets on first Saturdays only. */
  long_ago = g_date_time_add_weeks (monday, -20);
  far_ahead = g_date_time_add_weeks (monday, 20);
  repair_cafe = treff_store_list_occurrences (store, long_ago, far_ahead, &error);
  g_assert_no_error (error);
  for (guint i = 0, n = 0; i < repair_cafe->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (repair_cafe, i);

      if (!g_str_equal (treff_occurrence_get_title (occurrence), "Repair-Café"))
        continue;
      g_assert_cmpint (g_date_time_get_day_of_week (treff_occurrence_get_start (occurrence)), ==, 6);
      g_assert_cmpint (g_date_time_get_day_of_month (treff_occurrence_get_start (occurrence)), <=, 7);
      g_assert_cmpint (g_date_time_get_hour (treff_occurrence_get_start (occurrence)), ==, 14);
      g_assert_cmpuint (++n, <=, 10);
    }
}

static void
test_example_fill (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autoptr(TreffStore) store = open_store (dir);
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GError) error = NULL;
  const char * const werkstatt_equipment[] = { "Werkbank", "Werkzeug", "Lötstation", NULL };
  TreffTestChanges changes;
  TreffRoom *room;

  treff_test_watch_changes (store, &changes);
  treff_example_fill (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.topics, ==, TREFF_STORE_TOPIC_ROOMS | TREFF_STORE_TOPIC_BOOKINGS |
                                        TREFF_STORE_TOPIC_CLOSURES);

  rooms = treff_store_list_rooms (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rooms->len, >=, 6);
  g_assert_cmpuint (rooms->len, <=, 8);
  g_assert_cmpuint (treff_store_count_rooms (store), ==, rooms->len);

  room = find_room (rooms, "Werkstatt");
  g_assert_cmpuint (treff_room_get_capacity (room), ==, 10);
  g_assert_cmpstrv (treff_room_get_equipment (room), werkstatt_equipment);
  g_assert_true (treff_room_get_bookable (room));

  room = find_room (rooms, "Gruppenraum");
  g_assert_cmpuint (treff_room_get_capacity (room), ==, 20);
  g_assert_true (treff_room_get_accessible (room));

  room = find_room (rooms, "Küche");
  g_assert_cmpuint (treff_room_get_capacity (room), ==, 8);

  /* Every example room is valid as the editor would check it, and has a
   * colour of its own. */
  for (guint i = 0; i < rooms->len; i++)
    {
      TreffRoom *one = g_ptr_array_index (rooms, i);

      treff_room_validate (one, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (treff_room_get_colour (one), !=,
                         treff_room_get_colour (g_ptr_array_index (rooms, j)));
    }

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
assert_refused (TreffStore *store)
{
  g_autofree char *names_before = treff_test_dup_room_names (store, TRUE);
  g_autofree char *names_after = NULL;
  g_autoptr(GError) error = NULL;
  TreffTestChanges changes;
  gulong handler;

  handler = treff_test_watch_changes (store, &changes);
  g_assert_false (treff_example_fill (store, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_EMPTY);
  treff_assert_contains (error->message, treff_store_get_path (store));
  g_assert_cmpuint (changes.n_emissions, ==, 0);

  names_after = treff_test_dup_room_names (store, TRUE);
  g_assert_cmpstr (names_after, ==, names_before);
  g_signal_handler_disconnect (store, handler);
}

static void
test_example_not_empty (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autoptr(TreffStore) store = open_store (dir);
  g_autoptr(TreffRoom) room = treff_test_add_room (store, "Mein Raum", 12);
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (store);
  g_assert_cmpuint (treff_store_count_rooms (store), ==, 1);
  loaded = treff_store_get_room (store, treff_room_get_id (room), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treff_room_get_capacity (loaded), ==, 12);

  /* A centre whose only room is archived is not empty either. */
  treff_store_set_room_archived (store, treff_room_get_id (room), TRUE, &error);
  g_assert_no_error (error);
  assert_refused (store);
  g_assert_cmpuint (treff_store_count_rooms (store), ==, 1);

  /* Filling twice does not double the example. */
  treff_store_delete_room (store, treff_room_get_id (room), &error);
  g_assert_no_error (error);
  treff_example_fill (store, &error);
  g_assert_no_error (error);
  assert_refused (store);

  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A room of the example that cannot be saved leaves no half example. */
static void
test_example_all_or_nothing (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autoptr(TreffStore) store = open_store (dir);
  g_autoptr(GError) error = NULL;
  TreffTestChanges changes;

  treff_test_exec (store->db,
                   "CREATE TEMP TRIGGER refuse_room BEFORE INSERT ON main.rooms "
                   "WHEN NEW.name = 'Küche' BEGIN SELECT RAISE (ABORT, 'refused'); END;");
  treff_test_watch_changes (store, &changes);
  g_assert_false (treff_example_fill (store, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IO);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  g_assert_cmpuint (treff_store_count_rooms (store), ==, 0);
  g_assert_cmpint (treff_test_query_int (store->db, "SELECT count(*) FROM room_equipment;"), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/example/fill", test_example_fill);
  g_test_add_func ("/example/programme", test_example_programme);
  g_test_add_func ("/example/not-empty", test_example_not_empty);
  g_test_add_func ("/example/all-or-nothing", test_example_all_or_nothing);

  return g_test_run ();
}
