/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bookings.c — loading a week and checking a series on a centre with ten years of history
 *
 * Builds (or reuses) a database with eight rooms and more than 100,000
 * dates from 2017 to 2026, then prints how long Treffpunkt takes to load
 * one week of all rooms and to check a weekly two-year series for
 * conflicts. Run with: meson test -C build --benchmark --verbose */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"

#define N_ROOMS 8
#define FIRST_YEAR 2017
#define N_YEARS 10
#define REPEATS 50

static gboolean
fill (TreffStore    *store,
      const gint64  *room_ids,
      GError       **error)
{
  GTimeZone *zone = treff_store_get_time_zone (store);

  /* Every room: five slots a day, Monday to Friday, as yearly series. */
  for (int year = FIRST_YEAR; year < FIRST_YEAR + N_YEARS; year++)
    for (guint r = 0; r < N_ROOMS; r++)
      for (guint weekday = 1; weekday <= 5; weekday++)
        for (guint slot = 0; slot < 5; slot++)
          {
            g_autoptr(TreffBooking) booking = treff_booking_new ();
            g_autoptr(GDateTime) january = g_date_time_new (zone, year, 1, 1, 8 + 2 * slot, 0, 0);
            g_autoptr(GDateTime) start = NULL;
            g_autoptr(GDateTime) end = NULL;
            g_autofree char *title = g_strdup_printf ("Gruppe %u-%u-%u", r, weekday, slot);
            TreffRecurrence recurrence;
            int offset = ((int)weekday - g_date_time_get_day_of_week (january) + 7) % 7;

            start = g_date_time_add_days (january, offset);
            end = g_date_time_add_minutes (start, 90);
            treff_recurrence_init_none (&recurrence);
            recurrence.repeat = TREFF_REPEAT_WEEKLY;
            recurrence.interval = 1;
            recurrence.weekdays = TREFF_WEEKDAY_BIT (weekday);
            g_date_clear (&recurrence.until, 1);
            g_date_set_dmy (&recurrence.until, 31, 12, year);

            treff_booking_set_title (booking, title);
            treff_booking_set_room_id (booking, room_ids[r]);
            treff_booking_set_times (booking, start, end);
            treff_booking_set_recurrence (booking, &recurrence);
            /* History includes holidays: book them on purpose. */
            treff_booking_set_override_closures (booking, TRUE);
            if (!treff_store_add_booking (store, booking, NULL, error))
              return FALSE;
          }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) week_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) monday = NULL;
  g_autoptr(GDateTime) sunday = NULL;
  g_autoptr(TreffBooking) series = treff_booking_new ();
  g_autoptr(GDateTime) series_start = NULL;
  g_autoptr(GDateTime) series_end = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  TreffRecurrence recurrence;
  gint64 started;
  guint n_week = 0;
  guint n_dates = 0;

  store = bench_open_store (argc > 1 ? argv[1] : NULL, "treffpunkt-bench-10-years.db", N_ROOMS, fill);

  /* A week in the middle of the history, all rooms. */
  monday = g_date_time_new (treff_store_get_time_zone (store), 2022, 6, 13, 0, 0, 0);
  sunday = g_date_time_add_days (monday, 7);
  for (guint i = 0; i < REPEATS; i++)
    {
      g_autoptr(GPtrArray) week = NULL;

      started = g_get_monotonic_time ();
      week = treff_store_list_occurrences (store, monday, sunday, &error);
      if (week == NULL)
        g_error ("%s", error->message);
      bench_record (week_times, started);
      n_week = week->len;
    }

  /* A weekly two-year series in a full room: every date is checked. */
  rooms = treff_store_list_rooms (store, FALSE, NULL);
  series_start = g_date_time_new (treff_store_get_time_zone (store), 2025, 1, 7, 9, 0, 0);
  series_end = g_date_time_add_minutes (series_start, 60);
  treff_recurrence_init_none (&recurrence);
  recurrence.repeat = TREFF_REPEAT_WEEKLY;
  recurrence.interval = 1;
  recurrence.weekdays = TREFF_WEEKDAY_BIT (2);
  recurrence.count = 104;
  treff_booking_set_title (series, "Neue Gruppe");
  treff_booking_set_room_id (series, treff_room_get_id (g_ptr_array_index (rooms, 0)));
  treff_booking_set_times (series, series_start, series_end);
  treff_booking_set_recurrence (series, &recurrence);
  for (guint i = 0; i < REPEATS; i++)
    {
      g_autoptr(GPtrArray) preview = NULL;

      started = g_get_monotonic_time ();
      preview = treff_store_preview_booking (store, series, TREFF_EDIT_SCOPE_ALL, NULL, &error);
      if (preview == NULL)
        g_error ("%s", error->message);
      bench_record (check_times, started);
      n_dates = preview->len;
    }

  {
    g_autoptr(GDateTime) first = g_date_time_new (treff_store_get_time_zone (store), FIRST_YEAR, 1, 1, 0, 0, 0);
    g_autoptr(GDateTime) last = g_date_time_add_years (first, N_YEARS);
    g_autoptr(GPtrArray) all = treff_store_list_occurrences (store, first, last, &error);

    if (all == NULL)
      g_error ("%s", error->message);
    g_print ("Database: %s, %u dates from %d to %d\n", treff_store_get_path (store), all->len,
             FIRST_YEAR, FIRST_YEAR + N_YEARS - 1);
  }
  g_print ("Load one week of all %u rooms (%u dates): %.2f ms (median of %d)\n",
           rooms->len, n_week, bench_median_ms (week_times), REPEATS);
  g_print ("Check a weekly two-year series (%u dates) for conflicts: %.2f ms (median of %d)\n",
           n_dates, bench_median_ms (check_times), REPEATS);
  return 0;
}
