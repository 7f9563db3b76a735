/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bookings.c — bookings in the store: dates, conflicts, edits of series, search, time zone */
#include "config.h"

#include "treff-error.h"
#include "treff-store-private.h"
#include "treff-test-util.h"

#define ALL_TABLES_COUNT \
  "SELECT (SELECT count(*) FROM bookings) || '/' || (SELECT count(*) FROM occurrences) || '/' || " \
  "(SELECT count(*) FROM booking_exceptions);"

/* Exactly one "changed" signal about bookings since the last check. */
static void
assert_one_change (TreffTestCentre *centre)
{
  g_assert_cmpuint (centre->changes.n_emissions, ==, 1);
  g_assert_true (centre->changes.topics & TREFF_STORE_TOPIC_BOOKINGS);
  treff_test_reset_changes (&centre->changes);
}

static void
assert_no_change (TreffTestCentre *centre)
{
  g_assert_cmpuint (centre->changes.n_emissions, ==, 0);
}

/* A booking on one day from @start_hour:@start_minute to @end_hour:@end_minute. */
static TreffBooking *
booking_new (TreffTestCentre *centre,
             TreffRoom       *room,
             const char      *title,
             int              year,
             int              month,
             int              day,
             int              start_hour,
             int              start_minute,
             int              end_hour,
             int              end_minute)
{
  g_autoptr(GDateTime) start = treff_test_at (centre->store, year, month, day, start_hour, start_minute);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, year, month, day, end_hour, end_minute);

  return treff_test_booking_new (room, title, start, end);
}

static char *
dup_table_counts (TreffTestCentre *centre)
{
  return treff_test_query_text (centre->store->db, ALL_TABLES_COUNT);
}

static gint64
count_rows (TreffTestCentre *centre,
            const char      *sql_format,
            ...) G_GNUC_PRINTF (2, 3);

static gint64
count_rows (TreffTestCentre *centre,
            const char      *sql_format,
            ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, sql_format);
  sql = g_strdup_vprintf (sql_format, args);
  va_end (args);

  return treff_test_query_int (centre->store->db, sql);
}

static void
add_ok (TreffTestCentre *centre,
        TreffBooking    *booking,
        GPtrArray       *skipped_starts)
{
  treff_test_reset_changes (&centre->changes);
  treff_test_add_booking (centre->store, booking, skipped_starts);
  assert_one_change (centre);
}

/* Adding @booking must fail with @code and a message containing
 * @wording, leaving every table as it was and announcing nothing. */
static void
assert_add_refused (TreffTestCentre *centre,
                    TreffBooking    *booking,
                    GPtrArray       *skipped_starts,
                    int              code,
                    const char      *wording)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dup_table_counts (centre);
  g_autofree char *after = NULL;

  treff_test_reset_changes (&centre->changes);
  g_assert_false (treff_store_add_booking (centre->store, booking, skipped_starts, &error));
  g_assert_error (error, TREFF_ERROR, code);
  treff_assert_contains (error->message, wording);
  g_assert_cmpint (treff_booking_get_id (booking), ==, 0);
  after = dup_table_counts (centre);
  g_assert_cmpstr (after, ==, before);
  assert_no_change (centre);
}

static char *
format_local_time (GDateTime  *date_time,
                   const char *format)
{
  return g_date_time_format (date_time, format);
}

/* One line per date: "2026-03-04 18:00–20:00 Yoga @Gruppenraum", with
 * " cancelled" for cancelled dates; all times in the centre's zone. */
static char *
describe_occurrence (TreffOccurrence *occurrence)
{
  GDateTime *start = treff_occurrence_get_start (occurrence);
  GDateTime *end = treff_occurrence_get_end (occurrence);
  gboolean same_day = g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (end) &&
                      g_date_time_get_year (start) == g_date_time_get_year (end);
  g_autofree char *from = format_local_time (start, "%Y-%m-%d %H:%M");
  g_autofree char *to = format_local_time (end, same_day ? "%H:%M" : "%Y-%m-%d %H:%M");

  return g_strdup_printf ("%s–%s %s @%s%s", from, to,
                          treff_occurrence_get_title (occurrence),
                          treff_occurrence_get_room_name (occurrence),
                          treff_occurrence_get_cancelled (occurrence) ? " cancelled" : "");
}

static TreffBooking *
load_booking (TreffTestCentre *centre,
              gint64           id)
{
  g_autoptr(GError) error = NULL;
  TreffBooking *booking = treff_store_get_booking (centre->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (booking);

  return booking;
}

static void
update_ok (TreffTestCentre *centre,
           TreffBooking    *edited,
           TreffEditScope   scope,
           GDateTime       *original_start)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  treff_test_reset_changes (&centre->changes);
  saved = treff_store_update_booking (centre->store, edited, scope, original_start, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  assert_one_change (centre);
}

static void
set_cancelled_ok (TreffTestCentre *centre,
                  gint64           booking_id,
                  GDateTime       *original_start,
                  gboolean         cancelled)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  treff_test_reset_changes (&centre->changes);
  saved = treff_store_set_date_cancelled (centre->store, booking_id, original_start, cancelled, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  assert_one_change (centre);
}

/* A one-off booking is saved with everything the editor sets, and comes
 * back the same, also after the app is started again. */
static void
test_bookings_one_off (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Werkstatt", 12);
  g_autoptr(TreffBooking) booking = booking_new (centre, room, "Repair-Café", 2026, 12, 5, 14, 0, 17, 0);
  g_autoptr(TreffBooking) loaded = NULL;
  g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 12, 5, 14, 0);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 12, 5, 17, 0);
  g_autofree char *dates = NULL;
  gint64 id;

  treff_booking_set_organiser (booking, "Förderverein");
  treff_booking_set_attendees (booking, 10);
  treff_booking_set_setup_minutes (booking, 30);
  treff_booking_set_cleanup_minutes (booking, 45);
  treff_booking_set_kind (booking, TREFF_BOOKING_KIND_INTERNAL);
  add_ok (centre, booking, NULL);
  id = treff_booking_get_id (booking);

  treff_test_centre_reopen (centre);
  loaded = load_booking (centre, id);
  g_assert_cmpstr (treff_booking_get_title (loaded), ==, "Repair-Café");
  g_assert_cmpstr (treff_booking_get_organiser (loaded), ==, "Förderverein");
  g_assert_cmpint (treff_booking_get_room_id (loaded), ==, treff_room_get_id (room));
  g_assert_true (g_date_time_equal (treff_booking_get_start (loaded), start));
  g_assert_true (g_date_time_equal (treff_booking_get_end (loaded), end));
  g_assert_cmpuint (treff_booking_get_attendees (loaded), ==, 10);
  g_assert_cmpuint (treff_booking_get_setup_minutes (loaded), ==, 30);
  g_assert_cmpuint (treff_booking_get_cleanup_minutes (loaded), ==, 45);
  g_assert_cmpint (treff_booking_get_kind (loaded), ==, TREFF_BOOKING_KIND_INTERNAL);
  g_assert_false (treff_booking_is_series (loaded));

  dates = treff_test_describe_days (centre->store, 2026, 11, 30, 2026, 12, 7, describe_occurrence);
  g_assert_cmpstr (dates, ==, "2026-12-05 14:00–17:00 Repair-Café @Werkstatt\n");
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences;"), ==, 1);
  /* The buffers block the room, the date itself does not grow. */
  g_assert_cmpint (count_rows (centre, "SELECT end_utc - start_utc FROM occurrences;"), ==, 3 * 3600);
  g_assert_cmpint (count_rows (centre, "SELECT block_end_utc - block_start_utc FROM occurrences;"),
                   ==, 3 * 3600 + 75 * 60);

  /* Someone else's booking id is refused, the booking is unknown. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TreffBooking) missing = treff_store_get_booking (centre->store, id + 1, &error);

    g_assert_null (missing);
    g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  }
}

/* A weekly Wednesday 18:00 course stays at 18:00 on the wall clock over
 * both clock changes of 2026 (29 March, 25 October). */
static void
test_bookings_dst (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Bewegungsraum", 15);
  g_autoptr(TreffBooking) yoga = booking_new (centre, room, "Yoga", 2026, 3, 4, 18, 0, 19, 30);
  g_autoptr(GDateTime) from = treff_test_at (centre->store, 2026, 1, 1, 0, 0);
  g_autoptr(GDateTime) to = treff_test_at (centre->store, 2027, 1, 1, 0, 0);
  GDate day, last_day, summer_begins, summer_ends;
  guint n_summer = 0;

  treff_test_set_weekly (yoga, TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY), 0, 2026, 11, 25);
  add_ok (centre, yoga, NULL);

  g_date_clear (&day, 1);
  g_date_clear (&last_day, 1);
  g_date_clear (&summer_begins, 1);
  g_date_clear (&summer_ends, 1);
  g_date_set_dmy (&last_day, 25, 11, 2026);
  g_date_set_dmy (&summer_begins, 29, 3, 2026);
  g_date_set_dmy (&summer_ends, 25, 10, 2026);

  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) occurrences = treff_test_list_occurrences (centre->store, from, to);
      guint i = 0;

      g_assert_cmpuint (occurrences->len, ==, 39);
      n_summer = 0;
      for (g_date_set_dmy (&day, 4, 3, 2026); g_date_compare (&day, &last_day) <= 0; g_date_add_days (&day, 7))
        {
          TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i++);
          GDateTime *start = treff_occurrence_get_start (occurrence);
          GDateTime *end = treff_occurrence_get_end (occurrence);
          g_autoptr(GDateTime) start_utc = g_date_time_to_utc (start);
          gboolean summer = g_date_compare (&day, &summer_begins) > 0 && g_date_compare (&day, &summer_ends) < 0;

          g_assert_cmpint (g_date_time_get_year (start), ==, g_date_get_year (&day));
          g_assert_cmpint (g_date_time_get_month (start), ==, g_date_get_month (&day));
          g_assert_cmpint (g_date_time_get_day_of_month (start), ==, g_date_get_day (&day));
          g_assert_cmpint (g_date_time_get_hour (start), ==, 18);
          g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
          g_assert_cmpint (g_date_time_get_hour (end), ==, 19);
          g_assert_cmpint (g_date_time_get_minute (end), ==, 30);
          /* The same wall-clock hour is another UTC hour in summer. */
          g_assert_cmpint (g_date_time_get_hour (start_utc), ==, summer ? 16 : 17);
          g_assert_false (treff_occurrence_get_cancelled (occurrence));
          n_summer += summer;
        }
      g_assert_cmpuint (i, ==, occurrences->len);
      g_assert_cmpuint (n_summer, ==, 30);

      /* And again as the next start of the app reads it. */
      treff_test_centre_reopen (centre);
      g_clear_pointer (&from, g_date_time_unref);
      g_clear_pointer (&to, g_date_time_unref);
      from = treff_test_at (centre->store, 2026, 1, 1, 0, 0);
      to = treff_test_at (centre->store, 2027, 1, 1, 0, 0);
    }
}

/* The conflict names the room, the other booking's date and its title,
 * and saving a conflicting booking leaves everything as it was. */
static void
test_bookings_conflict_message (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) gruppenraum = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) werkstatt = treff_test_add_room (centre->store, "Werkstatt", 12);
  g_autoptr(TreffBooking) repair = booking_new (centre, gruppenraum, "Repair-Café", 2026, 12, 5, 14, 0, 17, 0);
  g_autoptr(TreffBooking) party = booking_new (centre, gruppenraum, "Geburtstag", 2026, 12, 5, 16, 0, 20, 0);
  g_autoptr(TreffBooking) elsewhere = booking_new (centre, werkstatt, "Geburtstag", 2026, 12, 5, 16, 0, 20, 0);
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected = "Gruppenraum is already booked on Sat, 12/5/2026 14:00–17:00 by Repair-Café.";
  TreffDatePreview *preview;

  add_ok (centre, repair, NULL);

  assert_add_refused (centre, party, NULL, TREFF_ERROR_CONFLICT, expected);
  g_assert_false (treff_store_add_booking (centre->store, party, NULL, &error));
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* The check while typing says the same as saving. */
  g_assert_false (treff_store_check_booking (centre->store, party, TREFF_EDIT_SCOPE_ALL, NULL, NULL, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  previews = treff_store_preview_booking (centre->store, party, TREFF_EDIT_SCOPE_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (previews->len, ==, 1);
  preview = g_ptr_array_index (previews, 0);
  g_assert_cmpint (preview->state, ==, TREFF_DATE_STATE_CONFLICT);
  g_assert_cmpstr (preview->detail, ==, expected);

  /* Another room is never in the way. */
  g_assert_true (treff_store_check_booking (centre->store, elsewhere, TREFF_EDIT_SCOPE_ALL, NULL, NULL, &error));
  g_assert_no_error (error);
  add_ok (centre, elsewhere, NULL);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences;"), ==, 2);
}

/* Set-up and clean-up times block the room too. */
static void
test_bookings_conflict_buffers (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) kueche = treff_test_add_room (centre->store, "Küche", 8);
  g_autoptr(TreffRoom) cafe = treff_test_add_room (centre->store, "Café", 30);
  g_autoptr(TreffBooking) kochkurs = booking_new (centre, kueche, "Kochkurs", 2026, 6, 10, 10, 0, 12, 0);
  g_autoptr(TreffBooking) mittag = booking_new (centre, kueche, "Mittagstisch", 2026, 6, 10, 12, 15, 13, 0);
  g_autoptr(TreffBooking) mittag_cafe = booking_new (centre, cafe, "Mittagstisch", 2026, 6, 10, 12, 15, 13, 0);
  g_autoptr(TreffBooking) touching = NULL;
  g_autoptr(TreffBooking) early = NULL;
  g_autoptr(TreffBooking) late = NULL;
  g_autoptr(GError) error = NULL;

  treff_booking_set_cleanup_minutes (kochkurs, 30);
  add_ok (centre, kochkurs, NULL);

  assert_add_refused (centre, mittag, NULL, TREFF_ERROR_CONFLICT,
                      "Küche is already booked on Wed, 6/10/2026 10:00–12:00 by Kochkurs.");
  add_ok (centre, mittag_cafe, NULL);

  /* Touching dates are fine when no buffer is between them … */
  touching = booking_new (centre, cafe, "Seniorencafé", 2026, 6, 10, 13, 0, 15, 0);
  add_ok (centre, touching, NULL);
  early = booking_new (centre, cafe, "Frühstück", 2026, 6, 10, 9, 0, 12, 15);
  add_ok (centre, early, NULL);

  /* … but a set-up time makes them overlap. */
  late = booking_new (centre, cafe, "Spieleabend", 2026, 6, 10, 15, 0, 18, 0);
  treff_booking_set_setup_minutes (late, 15);
  assert_add_refused (centre, late, NULL, TREFF_ERROR_CONFLICT, "by Seniorencafé.");
  treff_booking_set_setup_minutes (late, 0);
  add_ok (centre, late, NULL);

  /* Once the cooking class is cancelled, its room and clean-up are free. */
  set_cancelled_ok (centre, treff_booking_get_id (kochkurs), treff_booking_get_start (kochkurs), TRUE);
  add_ok (centre, mittag, NULL);

  /* Bringing the class back would double-book the kitchen. */
  treff_test_reset_changes (&centre->changes);
  g_assert_false (treff_store_set_date_cancelled (centre->store, treff_booking_get_id (kochkurs),
                                                  treff_booking_get_start (kochkurs), FALSE, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
  treff_assert_contains (error->message, "Küche is already booked on Wed, 6/10/2026 12:15–13:00 by Mittagstisch.");
  g_clear_error (&error);
  assert_no_change (centre);
  g_assert_cmpint (count_rows (centre, "SELECT cancelled FROM occurrences WHERE booking_id = %" G_GINT64_FORMAT ";",
                               treff_booking_get_id (kochkurs)), ==, 1);
}

/* A booking whose status is "cancelled" keeps its dates but blocks nothing. */
static void
test_bookings_cancelled_status (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Seminarraum", 25);
  g_autoptr(TreffBooking) talk = booking_new (centre, room, "Vortrag", 2026, 9, 15, 19, 0, 21, 0);
  g_autoptr(TreffBooking) other = booking_new (centre, room, "Bürgersprechstunde", 2026, 9, 15, 19, 30, 20, 30);
  g_autofree char *dates = NULL;

  treff_booking_set_status (talk, TREFF_BOOKING_STATUS_CANCELLED);
  add_ok (centre, talk, NULL);
  add_ok (centre, other, NULL);

  dates = treff_test_describe_days (centre->store, 2026, 9, 14, 2026, 9, 21, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-09-15 19:00–21:00 Vortrag @Seminarraum cancelled\n"
                   "2026-09-15 19:30–20:30 Bürgersprechstunde @Seminarraum\n");
}

/* A series that collides on one date saves nothing at all; with that date
 * skipped (as the preview offers) it saves, the date shown as cancelled. */
static void
test_bookings_all_or_nothing (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Bewegungsraum", 15);
  g_autoptr(TreffBooking) vortrag = booking_new (centre, room, "Elternabend", 2026, 3, 18, 18, 30, 19, 0);
  g_autoptr(TreffBooking) yoga = booking_new (centre, room, "Yoga", 2026, 3, 4, 18, 0, 19, 30);
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = NULL;

  add_ok (centre, vortrag, NULL);
  treff_test_set_weekly (yoga, TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY), 0, 2026, 4, 29);
  assert_add_refused (centre, yoga, NULL, TREFF_ERROR_CONFLICT,
                      "Bewegungsraum is already booked on Wed, 3/18/2026 18:30–19:00 by Elternabend.");
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM bookings;"), ==, 1);

  previews = treff_store_preview_booking (centre->store, yoga, TREFF_EDIT_SCOPE_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (previews->len, ==, 9);
  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *preview = g_ptr_array_index (previews, i);

      g_assert_cmpint (g_date_time_get_hour (preview->start), ==, 18);
      g_assert_cmpint (g_date_time_get_minute (preview->end), ==, 30);
      if (i == 2)
        {
          g_assert_cmpint (preview->state, ==, TREFF_DATE_STATE_CONFLICT);
          treff_assert_contains (preview->detail, "by Elternabend");
          g_ptr_array_add (skipped, g_date_time_ref (preview->start));
        }
      else
        {
          g_assert_cmpint (preview->state, ==, TREFF_DATE_STATE_FREE);
        }
    }

  add_ok (centre, yoga, skipped);
  dates = treff_test_describe_days (centre->store, 2026, 3, 1, 2026, 5, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-03-04 18:00–19:30 Yoga @Bewegungsraum\n"
                   "2026-03-11 18:00–19:30 Yoga @Bewegungsraum\n"
                   "2026-03-18 18:00–19:30 Yoga @Bewegungsraum cancelled\n"
                   "2026-03-18 18:30–19:00 Elternabend @Bewegungsraum\n"
                   "2026-03-25 18:00–19:30 Yoga @Bewegungsraum\n"
                   "2026-04-01 18:00–19:30 Yoga @Bewegungsraum\n"
                   "2026-04-08 18:00–19:30 Yoga @Bewegungsraum\n"
                   "2026-04-15 18:00–19:30 Yoga @Bewegungsraum\n"
                   "2026-04-22 18:00–19:30 Yoga @Bewegungsraum\n"
                   "2026-04-29 18:00–19:30 Yoga @Bewegungsraum\n");
}

/* The check while typing warns about too many people without refusing. */
static void
test_bookings_check_capacity (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) kueche = treff_test_add_room (centre->store, "Küche", 8);
  g_autoptr(TreffBooking) booking = booking_new (centre, kueche, "Kochen mit Kindern", 2026, 5, 6, 15, 0, 17, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  treff_booking_set_attendees (booking, 20);
  treff_test_reset_changes (&centre->changes);
  g_assert_true (treff_store_check_booking (centre->store, booking, TREFF_EDIT_SCOPE_ALL, NULL, &warning, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (warning, ==, "20 people are expected, but Küche holds only 8.");
  g_clear_pointer (&warning, g_free);

  treff_booking_set_attendees (booking, 8);
  g_assert_true (treff_store_check_booking (centre->store, booking, TREFF_EDIT_SCOPE_ALL, NULL, &warning, &error));
  g_assert_no_error (error);
  g_assert_null (warning);

  /* Checking saves nothing. */
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences;"), ==, 0);
  assert_no_change (centre);
}

/* The warning alone, as the editor shows it next to the dates it checked
 * itself: it does not depend on whether the room is free. */
static void
test_bookings_capacity_warning (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) kueche = treff_test_add_room (centre->store, "Küche", 8);
  g_autoptr(TreffBooking) taken = booking_new (centre, kueche, "Backen", 2026, 5, 6, 14, 0, 16, 0);
  g_autoptr(TreffBooking) booking = booking_new (centre, kueche, "Kochen mit Kindern", 2026, 5, 6, 15, 0, 17, 0);
  g_autofree char *warning = NULL;

  add_ok (centre, taken, NULL);
  treff_booking_set_attendees (booking, 9);
  g_assert_false (treff_store_check_booking (centre->store, booking, TREFF_EDIT_SCOPE_ALL, NULL, NULL, NULL));

  warning = treff_store_dup_capacity_warning (centre->store, booking);
  g_assert_cmpstr (warning, ==, "9 people are expected, but Küche holds only 8.");
  g_clear_pointer (&warning, g_free);

  treff_booking_set_attendees (booking, 8);
  g_assert_null (treff_store_dup_capacity_warning (centre->store, booking));

  /* A room that is gone has no capacity to warn about. */
  treff_booking_set_attendees (booking, 9);
  treff_booking_set_room_id (booking, treff_room_get_id (kueche) + 100);
  g_assert_null (treff_store_dup_capacity_warning (centre->store, booking));
}

/* One date of a series moved to another time, room and title: the
 * others stay, and the slot it left is free. */
static void
test_bookings_edit_this_date (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) gruppenraum = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) seminarraum = treff_test_add_room (centre->store, "Seminarraum", 25);
  g_autoptr(TreffBooking) kurs = booking_new (centre, gruppenraum, "Sprachkurs", 2026, 3, 4, 18, 0, 20, 0);
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(TreffBooking) loaded = NULL;
  g_autoptr(TreffBooking) taken = NULL;
  g_autoptr(GDateTime) third = treff_test_at (centre->store, 2026, 3, 18, 18, 0);
  g_autoptr(GDateTime) moved_start = treff_test_at (centre->store, 2026, 3, 18, 19, 0);
  g_autoptr(GDateTime) moved_end = treff_test_at (centre->store, 2026, 3, 18, 21, 0);
  g_autofree char *dates = NULL;

  treff_test_set_weekly (kurs, TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY), 5, 0, 0, 0);
  add_ok (centre, kurs, NULL);

  edited = load_booking (centre, treff_booking_get_id (kurs));
  treff_booking_set_times (edited, moved_start, moved_end);
  treff_booking_set_room_id (edited, treff_room_get_id (seminarraum));
  treff_booking_set_title (edited, "Sprachkurs – Prüfung");
  update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_DATE, third);

  dates = treff_test_describe_days (centre->store, 2026, 3, 1, 2026, 4, 30, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-03-04 18:00–20:00 Sprachkurs @Gruppenraum\n"
                   "2026-03-11 18:00–20:00 Sprachkurs @Gruppenraum\n"
                   "2026-03-18 19:00–21:00 Sprachkurs – Prüfung @Seminarraum\n"
                   "2026-03-25 18:00–20:00 Sprachkurs @Gruppenraum\n"
                   "2026-04-01 18:00–20:00 Sprachkurs @Gruppenraum\n");

  /* The series itself is unchanged. */
  loaded = load_booking (centre, treff_booking_get_id (kurs));
  g_assert_cmpstr (treff_booking_get_title (loaded), ==, "Sprachkurs");
  g_assert_cmpint (treff_booking_get_room_id (loaded), ==, treff_room_get_id (gruppenraum));
  g_assert_true (g_date_time_equal (treff_booking_get_start (loaded), treff_booking_get_start (kurs)));

  /* The Gruppenraum is free that evening, the Seminarraum is not. */
  taken = booking_new (centre, seminarraum, "Chorprobe", 2026, 3, 18, 20, 0, 22, 0);
  assert_add_refused (centre, taken, NULL, TREFF_ERROR_CONFLICT,
                      "Seminarraum is already booked on Wed, 3/18/2026 19:00–21:00 by Sprachkurs");
  treff_booking_set_room_id (taken, treff_room_get_id (gruppenraum));
  treff_booking_set_times (taken, third, moved_end);
  add_ok (centre, taken, NULL);

  /* Moving another date onto a date of the same series is a conflict. */
  {
    g_autoptr(TreffBooking) onto = load_booking (centre, treff_booking_get_id (kurs));
    g_autoptr(GDateTime) fourth = treff_test_at (centre->store, 2026, 3, 25, 18, 0);
    g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 4, 1, 17, 0);
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 4, 1, 19, 0);
    g_autoptr(GError) error = NULL;
    g_autofree char *before = dup_table_counts (centre);
    g_autofree char *after = NULL;

    treff_booking_set_times (onto, start, end);
    treff_test_reset_changes (&centre->changes);
    g_assert_false (treff_store_update_booking (centre->store, onto, TREFF_EDIT_SCOPE_THIS_DATE, fourth, &error));
    g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
    treff_assert_contains (error->message, "Gruppenraum is already booked on Wed, 4/1/2026 18:00–20:00 by Sprachkurs.");
    assert_no_change (centre);
    after = dup_table_counts (centre);
    g_assert_cmpstr (after, ==, before);
  }
}

/* Editing all dates from one date that moved from 18:00 to 19:00 moves the
 * whole series to 19:00, over the clock change, while the date moved on
 * its own, the cancelled date and a date's own title stay as they were. */
static void
test_bookings_edit_all (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Bewegungsraum", 15);
  g_autoptr(TreffRoom) garden = treff_test_add_room (centre->store, "Garten", 40);
  g_autoptr(TreffBooking) yoga = booking_new (centre, room, "Yoga", 2026, 3, 4, 18, 0, 20, 0);
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(TreffBooking) loaded = NULL;
  g_autoptr(GDateTime) second = treff_test_at (centre->store, 2026, 3, 11, 18, 0);
  g_autoptr(GDateTime) fourth = treff_test_at (centre->store, 2026, 3, 25, 18, 0);
  g_autoptr(GDateTime) fifth = treff_test_at (centre->store, 2026, 4, 1, 18, 0);
  g_autoptr(GDateTime) sixth = treff_test_at (centre->store, 2026, 4, 8, 18, 0);
  g_autoptr(GDateTime) first_at_19 = treff_test_at (centre->store, 2026, 3, 4, 19, 0);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autofree char *dates = NULL;
  gint64 id;

  treff_test_set_weekly (yoga, TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY), 8, 0, 0, 0);
  add_ok (centre, yoga, NULL);
  id = treff_booking_get_id (yoga);

  /* Date 2 moves to Thursday morning on its own. */
  {
    g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 3, 12, 10, 0);
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 3, 12, 12, 0);

    g_autoptr(GError) error = NULL;

    edited = load_booking (centre, id);
    treff_booking_set_times (edited, start, end);
    /* The check while typing agrees that one date may change its weekday. */
    g_assert_true (treff_store_check_booking (centre->store, edited, TREFF_EDIT_SCOPE_THIS_DATE, second, NULL, &error));
    g_assert_no_error (error);
    update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_DATE, second);
    g_clear_object (&edited);
  }

  /* Date 4 is cancelled, date 5 takes place in the garden. */
  set_cancelled_ok (centre, id, fourth, TRUE);
  {
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 4, 1, 20, 0);

    edited = load_booking (centre, id);
    treff_booking_set_times (edited, fifth, end);
    treff_booking_set_title (edited, "Yoga im Garten");
    treff_booking_set_room_id (edited, treff_room_get_id (garden));
    update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_DATE, fifth);
    g_clear_object (&edited);
  }

  /* Now date 6 is edited from 18:00 to 19:00 for all dates, with a new title. */
  {
    g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 4, 8, 19, 0);
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 4, 8, 21, 0);

    edited = load_booking (centre, id);
    treff_booking_set_times (edited, start, end);
    treff_booking_set_title (edited, "Yoga am Abend");
    update_ok (centre, edited, TREFF_EDIT_SCOPE_ALL, sixth);
    g_clear_object (&edited);
  }

  dates = treff_test_describe_days (centre->store, 2026, 3, 1, 2026, 5, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-03-04 19:00–21:00 Yoga am Abend @Bewegungsraum\n"
                   "2026-03-12 10:00–12:00 Yoga am Abend @Bewegungsraum\n"
                   "2026-03-18 19:00–21:00 Yoga am Abend @Bewegungsraum\n"
                   "2026-03-25 19:00–21:00 Yoga am Abend @Bewegungsraum cancelled\n"
                   "2026-04-01 19:00–21:00 Yoga im Garten @Garten\n"
                   "2026-04-08 19:00–21:00 Yoga am Abend @Bewegungsraum\n"
                   "2026-04-15 19:00–21:00 Yoga am Abend @Bewegungsraum\n"
                   "2026-04-22 19:00–21:00 Yoga am Abend @Bewegungsraum\n");

  loaded = load_booking (centre, id);
  g_assert_true (g_date_time_equal (treff_booking_get_start (loaded), first_at_19));
  g_assert_cmpstr (treff_booking_get_title (loaded), ==, "Yoga am Abend");
  g_assert_cmpuint (treff_booking_get_recurrence (loaded)->count, ==, 8);

  /* The old 18:00 slots are free again. */
  {
    g_autoptr(TreffBooking) before = booking_new (centre, room, "Rückengymnastik", 2026, 3, 18, 17, 0, 19, 0);

    add_ok (centre, before, NULL);
  }

  /* The cancelled date moved with the series: it is restored at 19:00. */
  {
    g_autoptr(GDateTime) from = treff_test_at (centre->store, 2026, 3, 25, 0, 0);
    g_autoptr(GDateTime) to = treff_test_at (centre->store, 2026, 3, 26, 0, 0);
    TreffOccurrence *cancelled;

    occurrences = treff_test_list_occurrences (centre->store, from, to);
    g_assert_cmpuint (occurrences->len, ==, 1);
    cancelled = g_ptr_array_index (occurrences, 0);
    g_assert_true (treff_occurrence_get_cancelled (cancelled));
    set_cancelled_ok (centre, id, treff_occurrence_get_original_start (cancelled), FALSE);
  }

  g_clear_pointer (&dates, g_free);
  dates = treff_test_describe_days (centre->store, 2026, 3, 25, 2026, 3, 26, describe_occurrence);
  g_assert_cmpstr (dates, ==, "2026-03-25 19:00–21:00 Yoga am Abend @Bewegungsraum\n");
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences;"), ==, 9);
}

/* Editing all dates from the first date, as the editor does for a date
 * without a slot, works the same; a shift onto another booking fails and
 * keeps the series as it was. */
static void
test_bookings_edit_all_conflict (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffBooking) kurs = booking_new (centre, room, "Gitarrenkurs", 2026, 5, 5, 17, 0, 18, 0);
  g_autoptr(TreffBooking) chor = booking_new (centre, room, "Chor", 2026, 5, 19, 18, 30, 20, 0);
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 5, 5, 18, 0);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 5, 5, 19, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dates_before = NULL;
  g_autofree char *dates_after = NULL;

  treff_test_set_weekly (kurs, TREFF_WEEKDAY_BIT (G_DATE_TUESDAY), 4, 0, 0, 0);
  add_ok (centre, kurs, NULL);
  add_ok (centre, chor, NULL);

  before = dup_table_counts (centre);
  dates_before = treff_test_describe_days (centre->store, 2026, 5, 1, 2026, 6, 1, describe_occurrence);
  edited = load_booking (centre, treff_booking_get_id (kurs));
  treff_booking_set_times (edited, start, end);
  treff_test_reset_changes (&centre->changes);
  g_assert_false (treff_store_update_booking (centre->store, edited, TREFF_EDIT_SCOPE_ALL, NULL, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Gruppenraum is already booked on Tue, 5/19/2026 18:30–20:00 by Chor.");
  g_clear_error (&error);
  assert_no_change (centre);
  after = dup_table_counts (centre);
  dates_after = treff_test_describe_days (centre->store, 2026, 5, 1, 2026, 6, 1, describe_occurrence);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (dates_after, ==, dates_before);

  /* Half an hour earlier fits. */
  g_clear_pointer (&dates_after, g_free);
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);
  start = treff_test_at (centre->store, 2026, 5, 5, 16, 30);
  end = treff_test_at (centre->store, 2026, 5, 5, 17, 30);
  treff_booking_set_times (edited, start, end);
  update_ok (centre, edited, TREFF_EDIT_SCOPE_ALL, NULL);
  dates_after = treff_test_describe_days (centre->store, 2026, 5, 1, 2026, 6, 1, describe_occurrence);
  g_assert_cmpstr (dates_after, ==,
                   "2026-05-05 16:30–17:30 Gitarrenkurs @Gruppenraum\n"
                   "2026-05-12 16:30–17:30 Gitarrenkurs @Gruppenraum\n"
                   "2026-05-19 16:30–17:30 Gitarrenkurs @Gruppenraum\n"
                   "2026-05-19 18:30–20:00 Chor @Gruppenraum\n"
                   "2026-05-26 16:30–17:30 Gitarrenkurs @Gruppenraum\n");
}

/* "This and following" on date 8 of a 20-date course: 7 dates stay with
 * the old booking, 13 go to a new one with the edited values, and the
 * per-date changes go with their dates. */
static void
test_bookings_edit_following_count (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Seminarraum", 25);
  g_autoptr(TreffBooking) kurs = booking_new (centre, room, "Sprachkurs A2", 2026, 1, 7, 18, 0, 19, 30);
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(TreffBooking) old_part = NULL;
  g_autoptr(TreffBooking) new_part = NULL;
  g_autoptr(GDateTime) third = treff_test_at (centre->store, 2026, 1, 21, 18, 0);
  g_autoptr(GDateTime) eighth = treff_test_at (centre->store, 2026, 2, 25, 18, 0);
  g_autoptr(GDateTime) tenth = treff_test_at (centre->store, 2026, 3, 11, 18, 0);
  g_autoptr(GDateTime) twelfth = treff_test_at (centre->store, 2026, 3, 25, 18, 0);
  g_autoptr(GDateTime) new_start = treff_test_at (centre->store, 2026, 2, 25, 19, 0);
  g_autoptr(GDateTime) new_end = treff_test_at (centre->store, 2026, 2, 25, 20, 30);
  g_autofree char *dates = NULL;
  const TreffRecurrence *recurrence;
  gint64 old_id, new_id;

  treff_test_set_weekly (kurs, TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY), 20, 0, 0, 0);
  add_ok (centre, kurs, NULL);
  old_id = treff_booking_get_id (kurs);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences;"), ==, 20);

  set_cancelled_ok (centre, old_id, third, TRUE);
  {
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 3, 11, 19, 30);

    edited = load_booking (centre, old_id);
    treff_booking_set_times (edited, tenth, end);
    treff_booking_set_title (edited, "Sprachkurs A2 – Ausflug");
    update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_DATE, tenth);
    g_clear_object (&edited);
  }
  {
    g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 3, 26, 10, 0);
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 3, 26, 11, 30);

    edited = load_booking (centre, old_id);
    treff_booking_set_times (edited, start, end);
    update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_DATE, twelfth);
    g_clear_object (&edited);
  }

  edited = load_booking (centre, old_id);
  treff_booking_set_times (edited, new_start, new_end);
  treff_booking_set_title (edited, "Sprachkurs B1");
  update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING, eighth);
  new_id = treff_booking_get_id (edited);
  g_assert_cmpint (new_id, >, 0);
  g_assert_cmpint (new_id, !=, old_id);

  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences WHERE booking_id = %" G_GINT64_FORMAT ";",
                               old_id), ==, 7);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences WHERE booking_id = %" G_GINT64_FORMAT ";",
                               new_id), ==, 13);

  old_part = load_booking (centre, old_id);
  recurrence = treff_booking_get_recurrence (old_part);
  g_assert_cmpstr (treff_booking_get_title (old_part), ==, "Sprachkurs A2");
  g_assert_cmpuint (recurrence->count, ==, 0);
  g_assert_true (g_date_valid (&recurrence->until));
  g_assert_cmpint (g_date_get_year (&recurrence->until), ==, 2026);
  g_assert_cmpint (g_date_get_month (&recurrence->until), ==, 2);
  g_assert_cmpint (g_date_get_day (&recurrence->until), ==, 24);

  new_part = load_booking (centre, new_id);
  recurrence = treff_booking_get_recurrence (new_part);
  g_assert_cmpstr (treff_booking_get_title (new_part), ==, "Sprachkurs B1");
  g_assert_true (g_date_time_equal (treff_booking_get_start (new_part), new_start));
  g_assert_cmpuint (recurrence->count, ==, 13);

  dates = treff_test_describe_days (centre->store, 2026, 1, 1, 2026, 7, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-01-07 18:00–19:30 Sprachkurs A2 @Seminarraum\n"
                   "2026-01-14 18:00–19:30 Sprachkurs A2 @Seminarraum\n"
                   "2026-01-21 18:00–19:30 Sprachkurs A2 @Seminarraum cancelled\n"
                   "2026-01-28 18:00–19:30 Sprachkurs A2 @Seminarraum\n"
                   "2026-02-04 18:00–19:30 Sprachkurs A2 @Seminarraum\n"
                   "2026-02-11 18:00–19:30 Sprachkurs A2 @Seminarraum\n"
                   "2026-02-18 18:00–19:30 Sprachkurs A2 @Seminarraum\n"
                   "2026-02-25 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-03-04 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-03-11 19:00–20:30 Sprachkurs A2 – Ausflug @Seminarraum\n"
                   "2026-03-18 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-03-26 10:00–11:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-04-01 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-04-08 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-04-15 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-04-22 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-04-29 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-05-06 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-05-13 19:00–20:30 Sprachkurs B1 @Seminarraum\n"
                   "2026-05-20 19:00–20:30 Sprachkurs B1 @Seminarraum\n");

  /* The per-date changes belong to the part they are in. */
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM booking_exceptions WHERE booking_id = %" G_GINT64_FORMAT ";",
                               old_id), ==, 1);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM booking_exceptions WHERE booking_id = %" G_GINT64_FORMAT ";",
                               new_id), ==, 2);

  /* Deleting the new part leaves the old one. */
  {
    g_autoptr(GError) error = NULL;

    treff_test_reset_changes (&centre->changes);
    g_assert_true (treff_store_delete_booking (centre->store, new_id, &error));
    g_assert_no_error (error);
    assert_one_change (centre);
  }
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences;"), ==, 7);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM booking_exceptions;"), ==, 1);
}

/* An "until" series split in the middle: the new part keeps the end. */
static void
test_bookings_edit_following_until (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Kinderraum", 12);
  g_autoptr(TreffBooking) krabbel = booking_new (centre, room, "Krabbelgruppe", 2026, 6, 1, 9, 30, 11, 0);
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(TreffBooking) new_part = NULL;
  g_autoptr(GDateTime) slot = treff_test_at (centre->store, 2026, 6, 15, 9, 30);
  g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 6, 15, 10, 0);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 6, 15, 11, 30);
  g_autofree char *dates = NULL;
  const TreffRecurrence *recurrence;

  treff_test_set_weekly (krabbel, TREFF_WEEKDAY_BIT (G_DATE_MONDAY), 0, 2026, 7, 6);
  add_ok (centre, krabbel, NULL);

  /* A later date of the new part collides: nothing is split. */
  {
    g_autoptr(TreffBooking) baby = booking_new (centre, room, "Babymassage", 2026, 6, 29, 11, 15, 12, 0);
    g_autoptr(GError) error = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *dates_before = NULL;
    g_autofree char *dates_after = NULL;

    add_ok (centre, baby, NULL);
    before = dup_table_counts (centre);
    dates_before = treff_test_describe_days (centre->store, 2026, 6, 1, 2026, 8, 1, describe_occurrence);
    edited = load_booking (centre, treff_booking_get_id (krabbel));
    treff_booking_set_times (edited, start, end);
    g_assert_false (treff_store_update_booking (centre->store, edited, TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING,
                                                slot, &error));
    g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
    g_assert_cmpstr (error->message, ==, "Kinderraum is already booked on Mon, 6/29/2026 11:15–12:00 by Babymassage.");
    g_clear_error (&error);
    assert_no_change (centre);
    g_assert_cmpint (treff_booking_get_id (edited), ==, treff_booking_get_id (krabbel));
    after = dup_table_counts (centre);
    dates_after = treff_test_describe_days (centre->store, 2026, 6, 1, 2026, 8, 1, describe_occurrence);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (dates_after, ==, dates_before);

    g_assert_true (treff_store_delete_booking (centre->store, treff_booking_get_id (baby), &error));
    g_assert_no_error (error);
  }

  update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING, slot);
  g_assert_cmpint (treff_booking_get_id (edited), !=, treff_booking_get_id (krabbel));

  new_part = load_booking (centre, treff_booking_get_id (edited));
  recurrence = treff_booking_get_recurrence (new_part);
  g_assert_cmpuint (recurrence->count, ==, 0);
  g_assert_cmpint (g_date_get_month (&recurrence->until), ==, 7);
  g_assert_cmpint (g_date_get_day (&recurrence->until), ==, 6);

  dates = treff_test_describe_days (centre->store, 2026, 6, 1, 2026, 8, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-06-01 09:30–11:00 Krabbelgruppe @Kinderraum\n"
                   "2026-06-08 09:30–11:00 Krabbelgruppe @Kinderraum\n"
                   "2026-06-15 10:00–11:30 Krabbelgruppe @Kinderraum\n"
                   "2026-06-22 10:00–11:30 Krabbelgruppe @Kinderraum\n"
                   "2026-06-29 10:00–11:30 Krabbelgruppe @Kinderraum\n"
                   "2026-07-06 10:00–11:30 Krabbelgruppe @Kinderraum\n");
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM bookings;"), ==, 2);
}

/* Cancelling and restoring one date of a series; restoring must not
 * double-book the room that was given away meanwhile. */
static void
test_bookings_cancel_date (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffBooking) gymnastik = booking_new (centre, room, "Gymnastik", 2026, 9, 1, 10, 0, 11, 0);
  g_autoptr(TreffBooking) guest = booking_new (centre, room, "Beratung", 2026, 9, 8, 10, 30, 12, 0);
  g_autoptr(GDateTime) second = treff_test_at (centre->store, 2026, 9, 8, 10, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = NULL;

  treff_test_set_weekly (gymnastik, TREFF_WEEKDAY_BIT (G_DATE_TUESDAY), 3, 0, 0, 0);
  add_ok (centre, gymnastik, NULL);
  assert_add_refused (centre, guest, NULL, TREFF_ERROR_CONFLICT, "by Gymnastik.");

  set_cancelled_ok (centre, treff_booking_get_id (gymnastik), second, TRUE);
  add_ok (centre, guest, NULL);
  dates = treff_test_describe_days (centre->store, 2026, 9, 1, 2026, 10, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-09-01 10:00–11:00 Gymnastik @Gruppenraum\n"
                   "2026-09-08 10:00–11:00 Gymnastik @Gruppenraum cancelled\n"
                   "2026-09-08 10:30–12:00 Beratung @Gruppenraum\n"
                   "2026-09-15 10:00–11:00 Gymnastik @Gruppenraum\n");

  treff_test_reset_changes (&centre->changes);
  g_assert_false (treff_store_set_date_cancelled (centre->store, treff_booking_get_id (gymnastik), second,
                                                  FALSE, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
  treff_assert_contains (error->message, "Gruppenraum is already booked on Tue, 9/8/2026 10:30–12:00 by Beratung.");
  g_clear_error (&error);
  assert_no_change (centre);
  g_clear_pointer (&dates, g_free);
  dates = treff_test_describe_days (centre->store, 2026, 9, 8, 2026, 9, 9, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-09-08 10:00–11:00 Gymnastik @Gruppenraum cancelled\n"
                   "2026-09-08 10:30–12:00 Beratung @Gruppenraum\n");

  /* A booking that is gone has no dates to cancel. */
  g_assert_false (treff_store_set_date_cancelled (centre->store, treff_booking_get_id (gymnastik) + 100, second,
                                                  TRUE, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_no_change (centre);

  /* Once the guest is gone the date can come back. */
  treff_test_reset_changes (&centre->changes);
  g_assert_true (treff_store_delete_booking (centre->store, treff_booking_get_id (guest), &error));
  g_assert_no_error (error);
  assert_one_change (centre);
  set_cancelled_ok (centre, treff_booking_get_id (gymnastik), second, FALSE);
  g_clear_pointer (&dates, g_free);
  dates = treff_test_describe_days (centre->store, 2026, 9, 8, 2026, 9, 9, describe_occurrence);
  g_assert_cmpstr (dates, ==, "2026-09-08 10:00–11:00 Gymnastik @Gruppenraum\n");
}

/* Deleting a series removes every trace of it. */
static void
test_bookings_delete (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) other = treff_test_add_room (centre->store, "Werkstatt", 12);
  g_autoptr(TreffBooking) series = booking_new (centre, room, "Hausaufgabenhilfe", 2026, 9, 7, 14, 0, 16, 0);
  g_autoptr(TreffBooking) keep = booking_new (centre, other, "Nähcafé", 2026, 9, 7, 14, 0, 16, 0);
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(TreffBooking) gone = NULL;
  g_autoptr(GDateTime) slot = treff_test_at (centre->store, 2026, 9, 8, 14, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = NULL;
  gint64 id;

  treff_test_set_weekly (series, TREFF_WEEKDAY_BIT (G_DATE_MONDAY) | TREFF_WEEKDAY_BIT (G_DATE_TUESDAY) |
                                 TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY) | TREFF_WEEKDAY_BIT (G_DATE_THURSDAY),
                         0, 2026, 9, 30);
  add_ok (centre, series, NULL);
  add_ok (centre, keep, NULL);
  id = treff_booking_get_id (series);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences WHERE booking_id = %" G_GINT64_FORMAT ";",
                               id), ==, 15);
  edited = load_booking (centre, id);
  {
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 9, 8, 16, 0);

    treff_booking_set_times (edited, slot, end);
  }
  treff_booking_set_title (edited, "Hausaufgabenhilfe – Elternsprechtag");
  update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_DATE, slot);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM booking_exceptions;"), ==, 1);

  treff_test_reset_changes (&centre->changes);
  g_assert_true (treff_store_delete_booking (centre->store, id, &error));
  g_assert_no_error (error);
  assert_one_change (centre);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences WHERE booking_id = %" G_GINT64_FORMAT ";",
                               id), ==, 0);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM booking_exceptions;"), ==, 0);
  gone = treff_store_get_booking (centre->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (treff_store_delete_booking (centre->store, id, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_no_change (centre);

  dates = treff_test_describe_days (centre->store, 2026, 9, 1, 2026, 10, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==, "2026-09-07 14:00–16:00 Nähcafé @Werkstatt\n");

  /* Without bookings the room can go. */
  g_assert_true (treff_store_delete_room (centre->store, treff_room_get_id (room), &error));
  g_assert_no_error (error);
}

/* A room with bookings is kept (archive it instead); archived and
 * not-bookable rooms take no new bookings. */
static void
test_bookings_room_in_use (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) gruppenraum = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) werkstatt = treff_test_add_room (centre->store, "Werkstatt", 12);
  g_autoptr(TreffRoom) lager = treff_test_add_room (centre->store, "Lager", 2);
  g_autoptr(TreffBooking) series = booking_new (centre, gruppenraum, "Nähkurs", 2026, 10, 6, 18, 0, 20, 0);
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(TreffBooking) later = NULL;
  g_autoptr(GDateTime) slot = treff_test_at (centre->store, 2026, 10, 13, 18, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = NULL;

  treff_test_set_weekly (series, TREFF_WEEKDAY_BIT (G_DATE_TUESDAY), 3, 0, 0, 0);
  add_ok (centre, series, NULL);

  /* One date takes place in the Werkstatt: that room is in use too. */
  edited = load_booking (centre, treff_booking_get_id (series));
  {
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 10, 13, 20, 0);

    treff_booking_set_times (edited, slot, end);
  }
  treff_booking_set_room_id (edited, treff_room_get_id (werkstatt));
  update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_DATE, slot);

  for (guint i = 0; i < 2; i++)
    {
      TreffRoom *room = i == 0 ? gruppenraum : werkstatt;

      treff_test_reset_changes (&centre->changes);
      g_assert_false (treff_store_delete_room (centre->store, treff_room_get_id (room), &error));
      g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IN_USE);
      g_clear_error (&error);
      assert_no_change (centre);
    }
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 3);

  g_assert_true (treff_store_set_room_archived (centre->store, treff_room_get_id (gruppenraum), TRUE, &error));
  g_assert_no_error (error);
  later = booking_new (centre, gruppenraum, "Nähkurs II", 2026, 11, 3, 18, 0, 20, 0);
  assert_add_refused (centre, later, NULL, TREFF_ERROR_INVALID, "Gruppenraum cannot be booked");

  /* The archived room's dates are still in the plan. */
  dates = treff_test_describe_days (centre->store, 2026, 10, 1, 2026, 11, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-10-06 18:00–20:00 Nähkurs @Gruppenraum\n"
                   "2026-10-13 18:00–20:00 Nähkurs @Werkstatt\n"
                   "2026-10-20 18:00–20:00 Nähkurs @Gruppenraum\n");

  treff_room_set_bookable (lager, FALSE);
  g_assert_true (treff_store_update_room (centre->store, lager, &error));
  g_assert_no_error (error);
  treff_booking_set_room_id (later, treff_room_get_id (lager));
  assert_add_refused (centre, later, NULL, TREFF_ERROR_INVALID, "Lager cannot be booked");
  /* The editor's live check says what saving says. */
  g_assert_false (treff_store_check_booking (centre->store, later, TREFF_EDIT_SCOPE_ALL, NULL, NULL, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  treff_assert_contains (error->message, "Lager cannot be booked");
  g_clear_error (&error);

  treff_booking_set_room_id (later, treff_room_get_id (werkstatt));
  add_ok (centre, later, NULL);
}

static int
first_saturday (int year,
                int month)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  return 1 + (G_DATE_SATURDAY - g_date_get_weekday (&first) + 7) % 7;
}

/* The Repair-Café on every first Saturday of 2026 and 2027; two of those
 * are public holidays (3 October 2026, 1 May 2027). */
static void
test_bookings_monthly_first_saturday (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Werkstatt", 12);
  g_autoptr(TreffBooking) repair = booking_new (centre, room, "Repair-Café", 2026, 1, 3, 14, 0, 17, 0);
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GDateTime) from = treff_test_at (centre->store, 2025, 12, 1, 0, 0);
  g_autoptr(GDateTime) to = treff_test_at (centre->store, 2028, 2, 1, 0, 0);
  g_autoptr(GError) error = NULL;
  TreffRecurrence recurrence;

  treff_recurrence_init_none (&recurrence);
  recurrence.repeat = TREFF_REPEAT_MONTHLY_BY_WEEKDAY;
  recurrence.week_of_month = 1;
  g_date_set_dmy (&recurrence.until, 31, 12, 2027);
  treff_booking_set_recurrence (repair, &recurrence);

  assert_add_refused (centre, repair, NULL, TREFF_ERROR_CONFLICT,
                      "Sat, 10/3/2026 is a public holiday (German Unity Day).");

  previews = treff_store_preview_booking (centre->store, repair, TREFF_EDIT_SCOPE_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (previews->len, ==, 24);
  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *preview = g_ptr_array_index (previews, i);
      int year = 2026 + i / 12;
      int month = 1 + i % 12;

      g_assert_cmpint (g_date_time_get_year (preview->start), ==, year);
      g_assert_cmpint (g_date_time_get_month (preview->start), ==, month);
      g_assert_cmpint (g_date_time_get_day_of_month (preview->start), ==, first_saturday (year, month));
      g_assert_cmpint (g_date_time_get_hour (preview->start), ==, 14);
      if (year == 2026 && month == 10)
        {
          g_assert_cmpint (preview->state, ==, TREFF_DATE_STATE_PUBLIC_HOLIDAY);
          treff_assert_contains (preview->detail, "German Unity Day");
          g_ptr_array_add (skipped, g_date_time_ref (preview->start));
        }
      else if (year == 2027 && month == 5)
        {
          g_assert_cmpint (preview->state, ==, TREFF_DATE_STATE_PUBLIC_HOLIDAY);
          treff_assert_contains (preview->detail, "Labour Day");
          g_ptr_array_add (skipped, g_date_time_ref (preview->start));
        }
      else
        {
          g_assert_cmpint (preview->state, ==, TREFF_DATE_STATE_FREE);
        }
    }

  add_ok (centre, repair, skipped);
  occurrences = treff_test_list_occurrences (centre->store, from, to);
  g_assert_cmpuint (occurrences->len, ==, 24);
  for (guint i = 0; i < occurrences->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      GDateTime *start = treff_occurrence_get_start (occurrence);
      int year = 2026 + i / 12;
      int month = 1 + i % 12;

      g_assert_cmpint (g_date_time_get_year (start), ==, year);
      g_assert_cmpint (g_date_time_get_month (start), ==, month);
      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, first_saturday (year, month));
      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, G_DATE_SATURDAY);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 14);
      g_assert_cmpint (g_date_time_get_hour (treff_occurrence_get_end (occurrence)), ==, 17);
      g_assert_cmpint (treff_occurrence_get_cancelled (occurrence), ==,
                       (year == 2026 && month == 10) || (year == 2027 && month == 5));
    }
}

static TreffBooking *
add_search_booking (TreffTestCentre *centre,
                    TreffRoom       *room,
                    const char      *title,
                    const char      *organiser,
                    int              month,
                    int              day)
{
  TreffBooking *booking = booking_new (centre, room, title, 2026, month, day, 10, 0, 11, 0);

  treff_booking_set_organiser (booking, organiser);
  add_ok (centre, booking, NULL);

  return booking;
}

/* "Titles" of the search results, in their order. */
static char *
search (TreffTestCentre *centre,
        const char      *text,
        guint            limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = treff_store_search_bookings (centre->store, text, limit, &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? ", " : "",
                            treff_booking_get_title (g_ptr_array_index (results, i)));

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

#define assert_search(centre, text, limit, expected) \
  G_STMT_START { \
    g_autofree char *__found = search ((centre), (text), (limit)); \
    g_assert_cmpstr (__found, ==, (expected)); \
  } G_STMT_END

static void
test_bookings_search (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffBooking) sprachkurs = add_search_booking (centre, room, "Sprachkurs Deutsch", "Anna MÜLLER", 2, 3);
  g_autoptr(TreffBooking) krabbel = add_search_booking (centre, room, "Krabbelgruppe", "Familienbüro Nord", 2, 4);
  g_autoptr(TreffBooking) cafe = add_search_booking (centre, room, "Müttercafé", "", 2, 5);
  g_autoptr(TreffBooking) yoga = add_search_booking (centre, room, "Yoga", "Müller-Lüdenscheidt", 3, 4);
  g_autoptr(TreffBooking) fest = add_search_booking (centre, room, "Straßenfest", "Nachbarschaft", 6, 20);

  assert_search (centre, "müller", 50, "Yoga, Sprachkurs Deutsch");
  assert_search (centre, "MÜLLER", 50, "Yoga, Sprachkurs Deutsch");
  assert_search (centre, "müller", 1, "Yoga");
  assert_search (centre, "BÜRO", 50, "Krabbelgruppe");
  assert_search (centre, "mÜtter", 50, "Müttercafé");
  assert_search (centre, "CAFÉ", 50, "Müttercafé");
  assert_search (centre, "strasse", 50, "Straßenfest");
  assert_search (centre, "deutsch", 50, "Sprachkurs Deutsch");
  assert_search (centre, "kurs", 50, "Sprachkurs Deutsch");
  assert_search (centre, "Tanzkurs", 50, "");
  /* Newest first. */
  assert_search (centre, "Ü", 50, "Yoga, Müttercafé, Krabbelgruppe, Sprachkurs Deutsch");
  assert_search (centre, "ü", 2, "Yoga, Müttercafé");
}

static guint
sequence_of (TreffTestCentre *centre,
             TreffBooking    *booking)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffBooking) saved = treff_store_get_booking (centre->store, treff_booking_get_id (booking), &error);

  g_assert_no_error (error);
  return treff_booking_get_sequence (saved);
}

/* Subscribed calendars show the room in LOCATION: a new room name is a
 * change of the bookings there, and only there. */
static void
test_bookings_room_rename_sequence (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) hall = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) kitchen = treff_test_add_room (centre->store, "Küche", 8);
  g_autoptr(TreffBooking) yoga = add_search_booking (centre, hall, "Yoga", "", 3, 4);
  g_autoptr(TreffBooking) cooking = add_search_booking (centre, kitchen, "Kochkurs", "", 3, 4);
  g_autoptr(GError) error = NULL;
  guint yoga_before = sequence_of (centre, yoga);
  guint cooking_before = sequence_of (centre, cooking);

  /* Another capacity changes nothing a calendar shows. */
  treff_room_set_capacity (hall, 25);
  treff_store_update_room (centre->store, hall, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sequence_of (centre, yoga), ==, yoga_before);

  treff_room_set_name (hall, "Großer Gruppenraum");
  treff_store_update_room (centre->store, hall, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sequence_of (centre, yoga), ==, yoga_before + 1);
  g_assert_cmpuint (sequence_of (centre, cooking), ==, cooking_before);
}

/* Another time zone keeps every wall-clock time: the 18:00 course is at
 * 18:00 in London too, which is an hour later in UTC. */
static void
test_bookings_time_zone (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Bewegungsraum", 15);
  g_autoptr(TreffBooking) yoga = booking_new (centre, room, "Yoga", 2026, 6, 10, 18, 0, 19, 30);
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(TreffBooking) loaded = NULL;
  g_autoptr(GDateTime) slot = treff_test_at (centre->store, 2026, 6, 17, 18, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = NULL;
  const char *expected =
    "2026-06-10 18:00–19:30 Yoga @Bewegungsraum\n"
    "2026-06-17 20:00–21:30 Yoga @Bewegungsraum\n"
    "2026-06-24 18:00–19:30 Yoga @Bewegungsraum\n";
  gint64 utc_before, utc_after;

  g_assert_cmpstr (g_time_zone_get_identifier (treff_store_get_time_zone (centre->store)), ==, "Europe/Berlin");
  treff_test_set_weekly (yoga, TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY), 3, 0, 0, 0);
  add_ok (centre, yoga, NULL);
  {
    g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 6, 17, 20, 0);
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 6, 17, 21, 30);

    edited = load_booking (centre, treff_booking_get_id (yoga));
    treff_booking_set_times (edited, start, end);
    update_ok (centre, edited, TREFF_EDIT_SCOPE_THIS_DATE, slot);
  }
  dates = treff_test_describe_days (centre->store, 2026, 6, 1, 2026, 7, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==, expected);
  utc_before = count_rows (centre, "SELECT sum (start_utc) FROM occurrences;");

  /* An unknown zone changes nothing. */
  g_assert_false (treff_store_set_time_zone (centre->store, "Europe/Dortmund", &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  g_clear_error (&error);
  assert_no_change (centre);
  g_assert_cmpstr (g_time_zone_get_identifier (treff_store_get_time_zone (centre->store)), ==, "Europe/Berlin");

  g_assert_true (treff_store_set_time_zone (centre->store, "Europe/London", &error));
  g_assert_no_error (error);
  assert_one_change (centre);
  g_assert_cmpstr (g_time_zone_get_identifier (treff_store_get_time_zone (centre->store)), ==, "Europe/London");

  utc_after = count_rows (centre, "SELECT sum (start_utc) FROM occurrences;");
  g_assert_cmpint (utc_after - utc_before, ==, 3 * 3600);
  g_clear_pointer (&dates, g_free);
  dates = treff_test_describe_days (centre->store, 2026, 6, 1, 2026, 7, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==, expected);

  treff_test_centre_reopen (centre);
  g_assert_cmpstr (g_time_zone_get_identifier (treff_store_get_time_zone (centre->store)), ==, "Europe/London");
  g_clear_pointer (&dates, g_free);
  dates = treff_test_describe_days (centre->store, 2026, 6, 1, 2026, 7, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==, expected);
  loaded = load_booking (centre, treff_booking_get_id (yoga));
  g_assert_cmpint (g_date_time_get_hour (treff_booking_get_start (loaded)), ==, 18);
  g_assert_cmpint (g_date_time_get_utc_offset (treff_booking_get_start (loaded)), ==, G_TIME_SPAN_HOUR);

  /* Conflicts are found in the new zone's instants. */
  {
    g_autoptr(TreffBooking) clash = booking_new (centre, room, "Pilates", 2026, 6, 24, 19, 0, 20, 0);

    assert_add_refused (centre, clash, NULL, TREFF_ERROR_CONFLICT,
                        "Bewegungsraum is already booked on Wed, 6/24/2026 18:00–19:30 by Yoga.");
  }
}

/* A week's plan from a year of bookings: only the dates that overlap the
 * week, with the edges handled exactly. */
static void
test_bookings_list_week (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) treff = treff_test_add_room (centre->store, "Offener Treff", 40);
  g_autoptr(TreffRoom) gruppenraum = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) werkstatt = treff_test_add_room (centre->store, "Werkstatt", 12);
  g_autoptr(TreffRoom) seminarraum = treff_test_add_room (centre->store, "Seminarraum", 25);
  g_autoptr(TreffRoom) bewegungsraum = treff_test_add_room (centre->store, "Bewegungsraum", 15);
  g_autoptr(TreffRoom) kueche = treff_test_add_room (centre->store, "Küche", 8);
  g_autoptr(TreffBooking) daily = booking_new (centre, treff, "Offener Treff", 2026, 1, 1, 9, 0, 12, 0);
  g_autoptr(TreffBooking) homework = booking_new (centre, gruppenraum, "Hausaufgabenhilfe", 2026, 1, 5, 14, 0, 16, 0);
  g_autoptr(GDateTime) from = treff_test_at (centre->store, 2026, 11, 23, 0, 0);
  g_autoptr(GDateTime) to = treff_test_at (centre->store, 2026, 11, 30, 0, 0);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  GDate first_day, week_start, week_end;
  guint n_one_offs_in_week = 0;
  guint n_daily = 0, n_homework = 0, n_one_offs = 0;

  treff_booking_set_override_closures (daily, TRUE);
  treff_test_set_daily_until (daily, 2026, 12, 31);
  add_ok (centre, daily, NULL);
  treff_booking_set_override_closures (homework, TRUE);
  treff_test_set_weekly (homework, TREFF_WEEKDAY_BIT (G_DATE_MONDAY) | TREFF_WEEKDAY_BIT (G_DATE_TUESDAY) |
                                   TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY) | TREFF_WEEKDAY_BIT (G_DATE_THURSDAY),
                         0, 2026, 12, 31);
  add_ok (centre, homework, NULL);

  g_date_clear (&first_day, 1);
  g_date_clear (&week_start, 1);
  g_date_clear (&week_end, 1);
  g_date_set_dmy (&first_day, 1, 1, 2026);
  g_date_set_dmy (&week_start, 23, 11, 2026);
  g_date_set_dmy (&week_end, 29, 11, 2026);

  /* 200 evening bookings spread over the year, each on another day. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(TreffBooking) booking = NULL;
      g_autofree char *title = g_strdup_printf ("Vermietung %u", i);
      GDate day = first_day;

      g_date_add_days (&day, (i * 7919) % 365);
      booking = booking_new (centre, werkstatt, title, g_date_get_year (&day), g_date_get_month (&day),
                             g_date_get_day (&day), 18, 0, 22, 0);
      treff_booking_set_override_closures (booking, TRUE);
      add_ok (centre, booking, NULL);
      if (g_date_compare (&day, &week_start) >= 0 && g_date_compare (&day, &week_end) <= 0)
        n_one_offs_in_week++;
    }
  g_assert_cmpuint (n_one_offs_in_week, >, 0);
  g_assert_cmpint (count_rows (centre, "SELECT count(*) FROM occurrences;"), >, 365 + 200 + 200);

  /* The edges: ends exactly at the start, starts exactly at the end
   * (neither is in the week), runs into the week, runs over it. */
  {
    g_autoptr(GDateTime) sunday_22 = treff_test_at (centre->store, 2026, 11, 22, 22, 0);
    g_autoptr(GDateTime) sunday_20 = treff_test_at (centre->store, 2026, 11, 22, 20, 0);
    g_autoptr(GDateTime) monday_2 = treff_test_at (centre->store, 2026, 11, 23, 2, 0);
    g_autoptr(GDateTime) next_monday_1 = treff_test_at (centre->store, 2026, 11, 30, 1, 0);
    g_autoptr(GDateTime) sunday_23 = treff_test_at (centre->store, 2026, 11, 29, 23, 0);
    g_autoptr(GDateTime) long_start = treff_test_at (centre->store, 2026, 11, 10, 8, 0);
    g_autoptr(GDateTime) long_end = treff_test_at (centre->store, 2026, 12, 4, 8, 0);
    g_autoptr(TreffBooking) before = treff_test_booking_new (seminarraum, "Endet am Wochenanfang", sunday_22, from);
    g_autoptr(TreffBooking) after = treff_test_booking_new (seminarraum, "Beginnt am Wochenende", to, next_monday_1);
    g_autoptr(TreffBooking) into = treff_test_booking_new (bewegungsraum, "Nachtwanderung", sunday_20, monday_2);
    g_autoptr(TreffBooking) out = treff_test_booking_new (bewegungsraum, "Silvesterprobe", sunday_23, next_monday_1);
    g_autoptr(TreffBooking) over = treff_test_booking_new (kueche, "Umbau Küche", long_start, long_end);

    add_ok (centre, before, NULL);
    add_ok (centre, after, NULL);
    add_ok (centre, into, NULL);
    add_ok (centre, out, NULL);
    add_ok (centre, over, NULL);
  }

  occurrences = treff_test_list_occurrences (centre->store, from, to);
  for (guint i = 0; i < occurrences->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      const char *title = treff_occurrence_get_title (occurrence);

      if (g_str_equal (title, "Offener Treff"))
        n_daily++;
      else if (g_str_equal (title, "Hausaufgabenhilfe"))
        n_homework++;
      else if (g_str_has_prefix (title, "Vermietung "))
        n_one_offs++;
      else
        g_hash_table_add (titles, (gpointer)title);
    }

  g_assert_cmpuint (n_daily, ==, 7);
  g_assert_cmpuint (n_homework, ==, 4);
  g_assert_cmpuint (n_one_offs, ==, n_one_offs_in_week);
  g_assert_cmpuint (g_hash_table_size (titles), ==, 3);
  g_assert_true (g_hash_table_contains (titles, "Nachtwanderung"));
  g_assert_true (g_hash_table_contains (titles, "Silvesterprobe"));
  g_assert_true (g_hash_table_contains (titles, "Umbau Küche"));
  g_assert_cmpuint (occurrences->len, ==, 7 + 4 + n_one_offs_in_week + 3);

  /* The dates that began before the week come first. */
  g_assert_cmpstr (treff_occurrence_get_title (g_ptr_array_index (occurrences, 0)), ==, "Umbau Küche");
  g_assert_cmpstr (treff_occurrence_get_title (g_ptr_array_index (occurrences, 1)), ==, "Nachtwanderung");
}

/* A date may last 31 days on the wall clock, which is 31 days and an hour
 * over the end of summer time; it is still in the plan in its last hour
 * and still blocks the room then. */
static void
test_bookings_long_date_over_dst (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Seminarraum", 25);
  g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 10, 1, 0, 0);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 11, 1, 0, 0);
  g_autoptr(GDateTime) from = treff_test_at (centre->store, 2026, 10, 31, 23, 30);
  g_autoptr(GDateTime) to = treff_test_at (centre->store, 2026, 11, 1, 12, 0);
  g_autoptr(TreffBooking) exhibition = treff_test_booking_new (room, "Ausstellung", start, end);
  g_autoptr(TreffBooking) late = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;

  treff_booking_set_override_closures (exhibition, TRUE);
  treff_booking_set_setup_minutes (exhibition, TREFF_BOOKING_MAX_SETUP_MINUTES);
  treff_booking_set_cleanup_minutes (exhibition, TREFF_BOOKING_MAX_SETUP_MINUTES);
  add_ok (centre, exhibition, NULL);
  g_assert_cmpint (count_rows (centre, "SELECT end_utc - start_utc FROM occurrences;"), ==, 31 * 86400 + 3600);

  occurrences = treff_test_list_occurrences (centre->store, from, to);
  g_assert_cmpuint (occurrences->len, ==, 1);
  g_assert_cmpstr (treff_occurrence_get_title (g_ptr_array_index (occurrences, 0)), ==, "Ausstellung");

  /* The clean-up runs until 04:00 on 1 November. */
  late = booking_new (centre, room, "Frühschicht", 2026, 11, 1, 3, 30, 5, 0);
  treff_booking_set_override_closures (late, TRUE);
  assert_add_refused (centre, late, NULL, TREFF_ERROR_CONFLICT, "by Ausstellung.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/bookings/one-off", test_bookings_one_off);
  g_test_add_func ("/store/bookings/dst", test_bookings_dst);
  g_test_add_func ("/store/bookings/conflict/message", test_bookings_conflict_message);
  g_test_add_func ("/store/bookings/conflict/buffers", test_bookings_conflict_buffers);
  g_test_add_func ("/store/bookings/conflict/cancelled-status", test_bookings_cancelled_status);
  g_test_add_func ("/store/bookings/all-or-nothing", test_bookings_all_or_nothing);
  g_test_add_func ("/store/bookings/check-capacity", test_bookings_check_capacity);
  g_test_add_func ("/store/bookings/capacity-warning", test_bookings_capacity_warning);
  g_test_add_func ("/store/bookings/edit/this-date", test_bookings_edit_this_date);
  g_test_add_func ("/store/bookings/edit/all", test_bookings_edit_all);
  g_test_add_func ("/store/bookings/edit/all-conflict", test_bookings_edit_all_conflict);
  g_test_add_func ("/store/bookings/edit/following-count", test_bookings_edit_following_count);
  g_test_add_func ("/store/bookings/edit/following-until", test_bookings_edit_following_until);
  g_test_add_func ("/store/bookings/cancel-date", test_bookings_cancel_date);
  g_test_add_func ("/store/bookings/delete", test_bookings_delete);
  g_test_add_func ("/store/bookings/room-in-use", test_bookings_room_in_use);
  g_test_add_func ("/store/bookings/monthly-first-saturday", test_bookings_monthly_first_saturday);
  g_test_add_func ("/store/bookings/search", test_bookings_search);
  g_test_add_func ("/store/bookings/room-rename-sequence", test_bookings_room_rename_sequence);
  g_test_add_func ("/store/bookings/time-zone", test_bookings_time_zone);
  g_test_add_func ("/store/bookings/list-week", test_bookings_list_week);
  g_test_add_func ("/store/bookings/long-date-over-dst", test_bookings_long_date_over_dst);

  return g_test_run ();
}
