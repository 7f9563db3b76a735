/* SPDX-License-Identifier: GPL-3.0-or-later */
/* prepare-scenario.c — adds to the example centre every kind of date a feed must get right
 *
 * Usage: prepare-scenario DATABASE
 *
 * Run after `treffpunkt --create-example`: cancels a date of Yoga, moves
 * one to another time and title and one to another room, adds series that
 * cross both clock changes (one from Saturday 23:00 to Sunday 02:00),
 * whole-day bookings (one of them a series with a cancelled date), a
 * cancelled talk and a one-off date that was cancelled. The example
 * already has a private party, a requested booking and a series that
 * pauses in school holidays. */
#include "config.h"

#include <stdlib.h>

#include "treff-store.h"

static TreffStore *store;
static GTimeZone *zone;

G_GNUC_NORETURN static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("prepare-scenario: %s: %s\n", what, error ? error->message : "failed");
  exit (EXIT_FAILURE);
}

static gint64
room_id (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rooms = treff_store_list_rooms (store, FALSE, &error);

  if (rooms == NULL)
    fail ("rooms", error);

  for (guint i = 0; i < rooms->len; i++)
    if (g_str_equal (treff_room_get_name (g_ptr_array_index (rooms, i)), name))
      return treff_room_get_id (g_ptr_array_index (rooms, i));

  fail (name, NULL);
}

static TreffBooking *
booking_new (const char *title,
             const char *room,
             GDateTime  *start,
             GDateTime  *end)
{
  TreffBooking *booking = treff_booking_new ();

  treff_booking_set_title (booking, title);
  treff_booking_set_room_id (booking, room_id (room));
  treff_booking_set_times (booking, start, end);

  return booking;
}

static void
set_weekly (TreffBooking *booking,
            guint         iso_weekday,
            GDateTime    *until)
{
  TreffRecurrence recurrence;

  treff_recurrence_init_none (&recurrence);
  recurrence.repeat = TREFF_REPEAT_WEEKLY;
  recurrence.interval = 1;
  recurrence.weekdays = TREFF_WEEKDAY_BIT (iso_weekday);
  g_date_set_dmy (&recurrence.until, g_date_time_get_day_of_month (until),
                  g_date_time_get_month (until), g_date_time_get_year (until));
  treff_booking_set_recurrence (booking, &recurrence);
}

/* As a coordinator would: dates on holidays or taken by others are left out. */
static void
add_skipping_problems (TreffBooking *booking)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);

  previews = treff_store_preview_booking (store, booking, TREFF_EDIT_SCOPE_ALL, NULL, &error);
  if (previews == NULL)
    fail (treff_booking_get_title (booking), error);

  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *preview = g_ptr_array_index (previews, i);

      if (preview->state != TREFF_DATE_STATE_FREE && preview->state != TREFF_DATE_STATE_SCHOOL_HOLIDAY)
        g_ptr_array_add (skipped, g_date_time_ref (preview->start));
    }

  if (!treff_store_add_booking (store, booking, skipped, &error))
    fail (treff_booking_get_title (booking), error);
}

/* A single date: the first week from @start on in which the room is free. */
static void
add_one_off (TreffBooking *booking)
{
  for (int week = 0; week < 12; week++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_weeks (treff_booking_get_start (booking), week);
      g_autoptr(GDateTime) end = g_date_time_add_weeks (treff_booking_get_end (booking), week);
      g_autoptr(TreffBooking) attempt = treff_booking_copy (booking);

      treff_booking_set_times (attempt, start, end);
      if (treff_store_check_booking (store, attempt, TREFF_EDIT_SCOPE_ALL, NULL, NULL, NULL) &&
          treff_store_add_booking (store, attempt, NULL, NULL))
        {
          treff_booking_set_id (booking, treff_booking_get_id (attempt));
          treff_booking_set_times (booking, start, end);
          return;
        }
    }

  fail (treff_booking_get_title (booking), NULL);
}

/* Upcoming, not cancelled dates of a booking. */
static GPtrArray *
list_dates (gint64     booking_id,
            GDateTime *from)
{
  g_autoptr(GDateTime) to = g_date_time_add_days (from, 365);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = treff_store_list_occurrences (store, from, to, &error);
  GPtrArray *dates = g_ptr_array_new_with_free_func (g_object_unref);

  if (all == NULL)
    fail ("occurrences", error);

  for (guint i = 0; i < all->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (all, i);

      if (treff_booking_get_id (treff_occurrence_get_booking (occurrence)) == booking_id &&
          !treff_occurrence_get_cancelled (occurrence))
        g_ptr_array_add (dates, g_object_ref (occurrence));
    }

  return dates;
}

static gint64
find_booking (const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = treff_store_search_bookings (store, title, 10, &error);

  if (found == NULL)
    fail (title, error);

  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (treff_booking_get_title (g_ptr_array_index (found, i)), title))
      return treff_booking_get_id (g_ptr_array_index (found, i));

  fail (title, NULL);
}

/* One date of a series gets other times, room or title; tries later
 * dates when the room is taken. */
static void
change_one_date (gint64      booking_id,
                 GPtrArray  *dates,
                 guint       first_index,
                 int         minutes_later,
                 const char *room,
                 const char *title)
{
  for (guint i = first_index; i < dates->len; i++)
    {
      TreffOccurrence *date = g_ptr_array_index (dates, i);
      g_autoptr(TreffBooking) booking = treff_store_get_booking (store, booking_id, NULL);
      g_autoptr(GDateTime) start = g_date_time_add_minutes (treff_occurrence_get_start (date), minutes_later);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (treff_occurrence_get_end (date), minutes_later);

      treff_booking_set_times (booking, start, end);
      if (room != NULL)
        treff_booking_set_room_id (booking, room_id (room));
      if (title != NULL)
        treff_booking_set_title (booking, title);

      if (treff_store_update_booking (store, booking, TREFF_EDIT_SCOPE_THIS_DATE,
                                      treff_occurrence_get_original_start (date), NULL))
        return;
    }

  fail ("moving a date", NULL);
}

static GDateTime *
next_weekday (GDateTime *today,
              int        iso_weekday,
              int        hour,
              int        minute)
{
  int days = (iso_weekday - g_date_time_get_day_of_week (today) + 7) % 7 + 7;
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);

  return g_date_time_new (zone, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), hour, minute, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) yoga_dates = NULL;
  gint64 yoga;

  if (argc != 2)
    {
      g_printerr ("Usage: prepare-scenario DATABASE\n");
      return EXIT_FAILURE;
    }

  store = treff_store_open (argv[1], &error);
  if (store == NULL)
    fail (argv[1], error);
  zone = treff_store_get_time_zone (store);
  now = g_date_time_new_now (zone);

  /* Yoga: a cancelled date, a later one with its own time and title,
   * and one in another room. */
  yoga = find_booking ("Yoga");
  yoga_dates = list_dates (yoga, now);
  if (yoga_dates->len < 6)
    fail ("Yoga has too few dates", NULL);
  if (!treff_store_set_date_cancelled (store, yoga,
                                       treff_occurrence_get_original_start (g_ptr_array_index (yoga_dates, 0)),
                                       TRUE, &error))
    fail ("cancelling Yoga", error);
  change_one_date (yoga, yoga_dates, 1, 60, NULL, "Yoga (verlegt)");
  change_one_date (yoga, yoga_dates, 3, 0, "Gruppenraum", NULL);

  /* A series over both clock changes, and one that ends after midnight. */
  {
    g_autoptr(GDateTime) start = next_weekday (now, 2, 9, 0);
    g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 60);
    g_autoptr(GDateTime) until = g_date_time_add_months (start, 20);
    g_autoptr(TreffBooking) gym = booking_new ("Gymnastik 60+", "Bewegungsraum", start, end);
    g_autoptr(GPtrArray) dates = NULL;

    treff_booking_set_kind (gym, TREFF_BOOKING_KIND_COURSE);
    treff_booking_set_organiser (gym, "Sportverein Hörde");
    set_weekly (gym, 2, until);
    add_skipping_problems (gym);

    dates = list_dates (treff_booking_get_id (gym), now);
    change_one_date (treff_booking_get_id (gym), dates, 20, 24 * 60, NULL, NULL);
  }
  {
    g_autoptr(GDateTime) start = next_weekday (now, 6, 23, 0);
    g_autoptr(GDateTime) end = g_date_time_add_hours (start, 3);
    g_autoptr(GDateTime) until = g_date_time_add_months (start, 14);
    g_autoptr(TreffBooking) night = booking_new ("Nachtcafé", "Offener Treff / Café", start, end);

    set_weekly (night, 6, until);
    add_skipping_problems (night);
  }

  /* Whole days: a one-off and a series with a cancelled date. */
  {
    g_autoptr(GDateTime) start = next_weekday (now, 7, 0, 0);
    g_autoptr(GDateTime) end = g_date_time_add_days (start, 1);
    g_autoptr(TreffBooking) market = booking_new ("Flohmarkt", "Seminarraum", start, end);

    treff_booking_set_all_day (market, TRUE);
    add_one_off (market);
  }
  {
    g_autoptr(GDateTime) first = next_weekday (now, 7, 0, 0);
    g_autoptr(GDateTime) start = g_date_time_add_weeks (first, 2);
    g_autoptr(GDateTime) end = g_date_time_add_days (start, 1);
    g_autoptr(GDateTime) until = g_date_time_add_weeks (start, 5);
    g_autoptr(TreffBooking) show = booking_new ("Ausstellung: Bilder, Collagen; Fotos", "Kinderraum", start, end);
    g_autoptr(GPtrArray) dates = NULL;

    treff_booking_set_all_day (show, TRUE);
    set_weekly (show, 7, until);
    add_skipping_problems (show);
    dates = list_dates (treff_booking_get_id (show), now);
    if (dates->len < 3 ||
        !treff_store_set_date_cancelled (store, treff_booking_get_id (show),
                                         treff_occurrence_get_original_start (g_ptr_array_index (dates, 2)),
                                         TRUE, &error))
      fail ("cancelling an exhibition day", error);
  }

  /* A cancelled talk, and a one-off whose date was cancelled. */
  {
    g_autoptr(GDateTime) start = next_weekday (now, 3, 20, 0);
    g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
    g_autoptr(TreffBooking) talk = booking_new ("Vortrag: Energie sparen", "Seminarraum", start, end);

    treff_booking_set_status (talk, TREFF_BOOKING_STATUS_CANCELLED);
    add_one_off (talk);
  }
  {
    g_autoptr(GDateTime) start = next_weekday (now, 5, 19, 30);
    g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
    g_autoptr(TreffBooking) evening = booking_new ("Elternabend", "Kinderraum", start, end);

    add_one_off (evening);
    if (!treff_store_set_date_cancelled (store, treff_booking_get_id (evening),
                                         treff_booking_get_start (evening), TRUE, &error))
      fail ("cancelling the parents' evening", error);
  }

  g_object_unref (store);
  return EXIT_SUCCESS;
}
