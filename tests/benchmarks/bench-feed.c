/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-feed.c — exporting a feed of 5,000 events, next to libical serialising the same
 *
 * Builds (or reuses) a database whose internal feed has 5,000 VEVENTs —
 * 4,700 single dates, 150 weekly series with a cancelled date each and
 * 150 dates with their own title — then prints how long Treffpunkt takes
 * to export the feed (reading the store and writing the text) and how
 * long libical's icalcomponent_as_ical_string_r () takes to serialise the
 * same components (parsed from the feed). The export should take at most
 * 1.5 times as long; the benchmark fails otherwise. It also prints how
 * long publishing every feed into a folder takes (the programme, one feed
 * per room, the internal feed), as the app does after each change.
 * Run with: meson test -C build --benchmark --verbose */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "bench-util.h"
#include "treff-feed-writer.h"
#include "treff-feed.h"

#define N_ROOMS 8
#define N_SINGLE 4700
#define N_SERIES 150
#define REPEATS 21
#define MAX_RATIO 1.5

static gboolean
fill (TreffStore    *store,
      const gint64  *room_ids,
      GError       **error)
{
  GTimeZone *zone = treff_store_get_time_zone (store);

  /* Single dates in the daytime: room by room, five slots a day. */
  for (guint i = 0; i < N_SINGLE; i++)
    {
      guint slot = i / N_ROOMS;
      g_autoptr(GDateTime) day = g_date_time_new (zone, 2026, 9, 1, 8 + 2 * (slot % 5), 0, 0);
      g_autoptr(GDateTime) start = g_date_time_add_days (day, slot / 5);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
      g_autoptr(TreffBooking) booking = treff_booking_new ();
      g_autofree char *title = g_strdup_printf ("Gruppentreffen %u – Österreich, Übersee & Großstadt", i);

      treff_booking_set_title (booking, title);
      treff_booking_set_room_id (booking, room_ids[i % N_ROOMS]);
      treff_booking_set_times (booking, start, end);
      treff_booking_set_organiser (booking, "Verein für Nachbarschaftshilfe e. V.");
      treff_booking_set_phone (booking, "0231 555 0100");
      treff_booking_set_public (booking, i % 10 != 0);
      treff_booking_set_override_closures (booking, TRUE);
      if (!treff_store_add_booking (store, booking, NULL, error))
        return FALSE;
    }

  /* Weekly evening series over a year, each with a cancelled date and a
   * date with its own title. */
  for (guint i = 0; i < N_SERIES; i++)
    {
      guint weekday = 1 + i % 7;
      guint room = (i / 7) % N_ROOMS;
      guint hour = 18 + 2 * (i / (7 * N_ROOMS));
      g_autoptr(GDateTime) monday = g_date_time_new (zone, 2026, 9, 7, hour, 0, 0);
      g_autoptr(GDateTime) start = g_date_time_add_days (monday, weekday - 1);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
      g_autoptr(GDateTime) cancelled = g_date_time_add_weeks (start, 3);
      g_autoptr(GDateTime) renamed = g_date_time_add_weeks (start, 5);
      g_autoptr(GDateTime) renamed_end = g_date_time_add_minutes (renamed, 90);
      g_autoptr(TreffBooking) booking = treff_booking_new ();
      g_autofree char *title = g_strdup_printf ("Kurs %u", i);
      TreffRecurrence recurrence;

      treff_recurrence_init_none (&recurrence);
      recurrence.repeat = TREFF_REPEAT_WEEKLY;
      recurrence.interval = 1;
      recurrence.weekdays = TREFF_WEEKDAY_BIT (weekday);
      g_date_set_dmy (&recurrence.until, 31, 8, 2027);
      treff_booking_set_title (booking, title);
      treff_booking_set_room_id (booking, room_ids[room]);
      treff_booking_set_times (booking, start, end);
      treff_booking_set_recurrence (booking, &recurrence);
      treff_booking_set_override_closures (booking, TRUE);
      if (!treff_store_add_booking (store, booking, NULL, error) ||
          !treff_store_set_date_cancelled (store, treff_booking_get_id (booking), cancelled, TRUE, error))
        return FALSE;

      treff_booking_set_title (booking, "Kurs mit Gast");
      treff_booking_set_times (booking, renamed, renamed_end);
      if (!treff_store_update_booking (store, booking, TREFF_EDIT_SCOPE_THIS_DATE, renamed, error))
        return FALSE;
    }

  return TRUE;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffFeed) feed = NULL;
  g_autoptr(GArray) export_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) libical_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) writer_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(TreffFeedWriter) writer = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 21, 10, 0, 0);
  TreffFeedOptions options = { "Hauptstraße 1, 44135 Dortmund", stamp, NULL };
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  gsize libical_size = 0;
  guint n_events;
  double ratio;

  store = bench_open_store (argc > 1 ? argv[1] : NULL, "treffpunkt-bench-feed.db", N_ROOMS, fill);

  feed = treff_feed_new ("intern", "Alle Buchungen", TREFF_FEED_FILTER_ALL, TREFF_FEED_PRIVACY_INTERNAL);

  /* Once untimed: the time zone and the statements are prepared. */
  text = treff_feed_build (feed, store, &options, &error);
  if (text == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < REPEATS; i++)
    {
      g_autofree char *again = NULL;
      gint64 started = g_get_monotonic_time ();

      again = treff_feed_build (feed, store, &options, &error);
      if (again == NULL)
        g_error ("%s", error->message);
      bench_record (export_times, started);
    }

  /* The same components, as libical holds them. */
  calendar = icalparser_parse_string (text);
  if (calendar == NULL || icalcomponent_count_errors (calendar) != 0)
    g_error ("libical cannot read the feed");
  n_events = icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);

  for (guint i = 0; i < REPEATS; i++)
    {
      gint64 started = g_get_monotonic_time ();
      char *serialised = icalcomponent_as_ical_string_r (calendar);

      bench_record (libical_times, started);
      libical_size = strlen (serialised);
      free (serialised);
    }
  icalcomponent_free (calendar);

  /* Publishing: the files are written the first time, compared after. */
  folder = g_dir_make_tmp ("treffpunkt-bench-feeds-XXXXXX", &error);
  if (folder == NULL)
    g_error ("%s", error->message);
  writer = treff_feed_writer_new (folder);
  treff_feed_writer_set_include_internal (writer, TRUE);
  treff_feed_writer_set_centre_address (writer, options.centre_address);
  treff_feed_writer_set_history_days (writer, 10000);
  for (guint i = 0; i < REPEATS; i++)
    {
      gint64 started = g_get_monotonic_time ();

      if (!treff_feed_writer_write (writer, store, stamp, &error))
        g_error ("%s", error->message);
      bench_record (writer_times, started);
    }
  remove_folder (folder);

  ratio = bench_median_ms (export_times) / bench_median_ms (libical_times);
  g_print ("Feed: %u events, %zu KB (libical writes %zu KB)\n",
           n_events, strlen (text) / 1024, libical_size / 1024);
  g_print ("Treffpunkt, whole export (store query and text): %.2f ms (median of %d)\n",
           bench_median_ms (export_times), REPEATS);
  g_print ("libical, icalcomponent_as_ical_string_r of the same components: %.2f ms (median of %d)\n",
           bench_median_ms (libical_times), REPEATS);
  g_print ("Ratio: %.2f (at most %.1f)\n", ratio, MAX_RATIO);
  g_print ("Publishing all %d feeds into a folder: %.2f ms (median of %d)\n",
           N_ROOMS + 2, bench_median_ms (writer_times), REPEATS);

  return ratio <= MAX_RATIO ? 0 : 1;
}
