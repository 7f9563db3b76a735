/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-occurrence.c — one date of a booking: titles, public titles, times and accessible names */
#include "config.h"

#include <locale.h>

#include "treff-occurrence.h"
#include "treff-test-util.h"

static TreffBooking *
yoga (void)
{
  TreffBooking *booking = treff_booking_new ();
  g_autoptr(GDateTime) start = treff_test_berlin (2026, 11, 25, 18, 0);
  g_autoptr(GDateTime) end = treff_test_berlin (2026, 11, 25, 19, 30);

  treff_booking_set_title (booking, "Yoga");
  treff_booking_set_room_id (booking, 3);
  treff_booking_set_times (booking, start, end);
  return booking;
}

static TreffOccurrence *
occurrence_of (TreffBooking *booking)
{
  TreffOccurrence *occurrence =
    treff_occurrence_new (booking, NULL,
                          treff_booking_get_start (booking),
                          treff_booking_get_end (booking));

  treff_occurrence_set_room (occurrence, 3, "Bewegungsraum", "#2ec27e");
  return occurrence;
}

static void
test_title (void)
{
  g_autoptr(TreffBooking) booking = yoga ();
  g_autoptr(TreffOccurrence) occurrence = occurrence_of (booking);
  TreffTestNotifications notifications = { g_string_new (NULL) };

  g_assert_true (treff_occurrence_get_booking (occurrence) == booking);
  g_assert_cmpint (treff_occurrence_get_room_id (occurrence), ==, 3);
  g_assert_cmpstr (treff_occurrence_get_room_name (occurrence), ==, "Bewegungsraum");
  g_assert_cmpstr (treff_occurrence_get_room_colour (occurrence), ==, "#2ec27e");
  g_assert_cmpstr (treff_occurrence_get_title (occurrence), ==, "Yoga");

  g_signal_connect (occurrence, "notify", G_CALLBACK (treff_test_record_notify), &notifications);

  /* The date follows its booking … */
  treff_booking_set_title (booking, "Yoga für Anfänger");
  g_assert_cmpstr (treff_occurrence_get_title (occurrence), ==, "Yoga für Anfänger");
  treff_assert_notified (&notifications, "accessible-name public-title title");

  /* … until it has a title of its own. */
  treff_occurrence_set_title (occurrence, "Yoga im Garten");
  treff_assert_notified (&notifications, "accessible-name public-title title");
  treff_booking_set_title (booking, "Yoga");
  g_assert_cmpstr (treff_occurrence_get_title (occurrence), ==, "Yoga im Garten");
  treff_assert_notified (&notifications, "");
  treff_occurrence_set_title (occurrence, "Yoga im Garten");
  treff_assert_notified (&notifications, "");

  treff_occurrence_set_title (occurrence, NULL);
  g_assert_cmpstr (treff_occurrence_get_title (occurrence), ==, "Yoga");
  treff_assert_notified (&notifications, "accessible-name public-title title");

  treff_occurrence_set_room (occurrence, 3, "Bewegungsraum", "#2ec27e");
  treff_assert_notified (&notifications, "");
  treff_occurrence_set_room (occurrence, 5, "Gruppenraum", "#2ec27e");
  treff_assert_notified (&notifications, "accessible-name room-id room-name");

  g_string_free (notifications.names, TRUE);
  g_signal_handlers_disconnect_by_data (occurrence, &notifications);
  g_assert_finalize_object (g_steal_pointer (&occurrence));
}

/* A private party shows on the notice board as "Booked", never with a name. */
static void
test_public_title (void)
{
  g_autoptr(TreffBooking) booking = yoga ();
  g_autoptr(TreffOccurrence) occurrence = occurrence_of (booking);
  TreffTestNotifications notifications = { g_string_new (NULL) };

  g_assert_cmpstr (treff_occurrence_get_public_title (occurrence), ==, "Yoga");

  g_signal_connect (occurrence, "notify", G_CALLBACK (treff_test_record_notify), &notifications);
  treff_booking_set_title (booking, "Geburtstag Familie Yilmaz");
  treff_booking_set_kind (booking, TREFF_BOOKING_KIND_RENTAL);
  g_string_truncate (notifications.names, 0);
  treff_booking_set_public (booking, FALSE);
  treff_assert_notified (&notifications, "public-title");

  g_assert_cmpstr (treff_occurrence_get_public_title (occurrence), ==, "Booked");
  treff_occurrence_set_title (occurrence, "Yilmaz, 60. Geburtstag");
  g_assert_cmpstr (treff_occurrence_get_public_title (occurrence), ==, "Booked");
  g_assert_cmpstr (treff_occurrence_get_title (occurrence), ==, "Yilmaz, 60. Geburtstag");

  g_string_free (notifications.names, TRUE);
  g_signal_handlers_disconnect_by_data (occurrence, &notifications);
}

static void
test_moved (void)
{
  g_autoptr(TreffBooking) booking = yoga ();
  g_autoptr(GDateTime) original = treff_test_berlin (2026, 11, 25, 18, 0);
  g_autoptr(GDateTime) same = treff_test_berlin (2026, 11, 25, 18, 0);
  g_autoptr(GDateTime) start = treff_test_berlin (2026, 11, 26, 18, 0);
  g_autoptr(GDateTime) end = treff_test_berlin (2026, 11, 26, 19, 30);
  g_autoptr(TreffOccurrence) in_place = treff_occurrence_new (booking, original, same, end);
  g_autoptr(TreffOccurrence) moved = treff_occurrence_new (booking, original, start, end);
  g_autoptr(TreffOccurrence) single = treff_occurrence_new (booking, NULL, start, end);
  gboolean moved_property;

  g_assert_false (treff_occurrence_get_moved (in_place));
  g_assert_true (treff_occurrence_get_moved (moved));
  g_assert_false (treff_occurrence_get_moved (single));
  g_assert_true (g_date_time_equal (treff_occurrence_get_original_start (single), start));
  g_assert_true (g_date_time_equal (treff_occurrence_get_original_start (moved), original));

  g_object_get (moved, "moved", &moved_property, NULL);
  g_assert_true (moved_property);
}

static void
assert_time_range (int         start_day,
                   int         start_hour,
                   int         end_day,
                   int         end_hour,
                   gboolean    all_day,
                   const char *expected)
{
  g_autoptr(TreffBooking) booking = yoga ();
  g_autoptr(GDateTime) start = treff_test_berlin (2026, 12, start_day, start_hour, 0);
  g_autoptr(GDateTime) end = treff_test_berlin (2026, 12, end_day, end_hour, 30);
  g_autoptr(TreffOccurrence) occurrence = NULL;
  g_autofree char *text = NULL;
  g_autofree char *property = NULL;

  treff_booking_set_all_day (booking, all_day);
  occurrence = treff_occurrence_new (booking, NULL, start, end);
  text = treff_occurrence_dup_time_range (occurrence);
  g_assert_cmpstr (text, ==, expected);
  g_object_get (occurrence, "time-range", &property, NULL);
  g_assert_cmpstr (property, ==, expected);
}

static void
test_time_range (void)
{
  assert_time_range (2, 18, 2, 19, FALSE, "18:00–19:30");
  assert_time_range (5, 18, 6, 2, FALSE, "Sat 18:00 – Sun 02:30");
  assert_time_range (5, 0, 5, 23, TRUE, "All day");
}

static void
test_accessible_name (void)
{
  g_autoptr(TreffBooking) booking = yoga ();
  g_autoptr(TreffOccurrence) occurrence = occurrence_of (booking);
  TreffTestNotifications notifications = { g_string_new (NULL) };
  g_autofree char *name = treff_occurrence_dup_accessible_name (occurrence);

  g_assert_cmpstr (name, ==, "Yoga, Bewegungsraum, Wed, 11/25/2026, 18:00–19:30");

  g_signal_connect (occurrence, "notify", G_CALLBACK (treff_test_record_notify), &notifications);
  treff_booking_set_status (booking, TREFF_BOOKING_STATUS_REQUESTED);
  treff_assert_notified (&notifications, "accessible-name");
  g_clear_pointer (&name, g_free);
  name = treff_occurrence_dup_accessible_name (occurrence);
  g_assert_cmpstr (name, ==, "Yoga, Bewegungsraum, Wed, 11/25/2026, 18:00–19:30, requested");

  treff_occurrence_set_cancelled (occurrence, TRUE);
  treff_assert_notified (&notifications, "accessible-name cancelled");
  treff_occurrence_set_cancelled (occurrence, TRUE);
  treff_assert_notified (&notifications, "");
  g_clear_pointer (&name, g_free);
  name = treff_occurrence_dup_accessible_name (occurrence);
  g_assert_cmpstr (name, ==, "Yoga, Bewegungsraum, Wed, 11/25/2026, 18:00–19:30, cancelled");

  /* A cancelled booking cancels all its dates. */
  treff_occurrence_set_cancelled (occurrence, FALSE);
  treff_booking_set_status (booking, TREFF_BOOKING_STATUS_CANCELLED);
  g_clear_pointer (&name, g_free);
  g_object_get (occurrence, "accessible-name", &name, NULL);
  g_assert_cmpstr (name, ==, "Yoga, Bewegungsraum, Wed, 11/25/2026, 18:00–19:30, cancelled");

  treff_booking_set_all_day (booking, TRUE);
  g_clear_pointer (&name, g_free);
  name = treff_occurrence_dup_accessible_name (occurrence);
  g_assert_cmpstr (name, ==, "Yoga, Bewegungsraum, Wed, 11/25/2026, All day, cancelled");

  g_string_free (notifications.names, TRUE);
  g_signal_handlers_disconnect_by_data (occurrence, &notifications);
}

/* The occurrence holds its booking; the booking does not hold it. */
static void
test_lifetime (void)
{
  TreffBooking *booking = yoga ();
  TreffOccurrence *occurrence = occurrence_of (booking);

  g_object_unref (booking);
  g_assert_cmpstr (treff_occurrence_get_title (occurrence), ==, "Yoga");
  booking = g_object_ref (treff_occurrence_get_booking (occurrence));
  g_assert_finalize_object (occurrence);
  g_assert_finalize_object (booking);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/occurrence/title", test_title);
  g_test_add_func ("/occurrence/public-title", test_public_title);
  g_test_add_func ("/occurrence/moved", test_moved);
  g_test_add_func ("/occurrence/time-range", test_time_range);
  g_test_add_func ("/occurrence/accessible-name", test_accessible_name);
  g_test_add_func ("/occurrence/lifetime", test_lifetime);

  return g_test_run ();
}
