/* SPDX-License-Identifier: GPL-3.0-or-later */
/* list-occurrences.c — Treffpunkt's own list of dates, to compare the feeds with
 *
 * Usage: list-occurrences DATABASE FROM TO   (FROM, TO: ISO 8601 with zone)
 *
 * Prints tab-separated lines:
 *   room-feed  FILE  ROOM-ID                       — the room feeds Treffpunkt publishes
 *   date  START  END  START-EPOCH  ROOM-ID  ROOM  PUBLIC  TITLE  PUBLIC-TITLE
 * for every date that is not cancelled, as treff_store_list_occurrences()
 * gives it. START and END are UTC ("2026-11-23T17:00:00Z"), or the days
 * ("2026-12-05", the end exclusive) for whole-day bookings. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "treff-feed-writer.h"
#include "treff-store.h"

static char *
format_time (TreffBooking *booking,
             GDateTime    *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (treff_booking_get_all_day (booking))
    return g_date_time_format (time, "%Y-%m-%d");

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(TreffFeedWriter) writer = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  setlocale (LC_ALL, "");

  if (argc != 4)
    {
      g_printerr ("Usage: list-occurrences DATABASE FROM TO\n");
      return EXIT_FAILURE;
    }

  from = g_date_time_new_from_iso8601 (argv[2], NULL);
  to = g_date_time_new_from_iso8601 (argv[3], NULL);
  if (from == NULL || to == NULL)
    {
      g_printerr ("list-occurrences: FROM and TO are ISO 8601 times with a zone\n");
      return EXIT_FAILURE;
    }

  store = treff_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("list-occurrences: %s\n", error->message);
      return EXIT_FAILURE;
    }

  writer = treff_feed_writer_new ("/");
  feeds = treff_feed_writer_list_feeds (writer, store, &error);
  occurrences = feeds ? treff_store_list_occurrences (store, from, to, &error) : NULL;
  if (occurrences == NULL)
    {
      g_printerr ("list-occurrences: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < feeds->len; i++)
    {
      TreffFeed *feed = g_ptr_array_index (feeds, i);
      g_autofree char *file_name = treff_feed_dup_file_name (feed);

      if (treff_feed_get_filter (feed) == TREFF_FEED_FILTER_ROOM)
        g_print ("room-feed\t%s\t%" G_GINT64_FORMAT "\n", file_name, treff_feed_get_room_id (feed));
    }

  for (guint i = 0; i < occurrences->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      TreffBooking *booking = treff_occurrence_get_booking (occurrence);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      if (treff_occurrence_get_cancelled (occurrence))
        continue;

      start = format_time (booking, treff_occurrence_get_start (occurrence));
      end = format_time (booking, treff_occurrence_get_end (occurrence));
      g_print ("date\t%s\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%d\t%s\t%s\n",
               start, end,
               g_date_time_to_unix (treff_occurrence_get_start (occurrence)),
               treff_occurrence_get_room_id (occurrence),
               treff_occurrence_get_room_name (occurrence),
               treff_booking_get_public (booking),
               treff_occurrence_get_title (occurrence),
               treff_occurrence_get_public_title (occurrence));
    }

  return EXIT_SUCCESS;
}
