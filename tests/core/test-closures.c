/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-closures.c — public holidays, closure periods and school holidays against bookings in the store */
#include "config.h"

#include "treff-error.h"
#include "treff-store-private.h"
#include "treff-test-util.h"

#define ALL_TABLES_COUNT \
  "SELECT (SELECT count(*) FROM bookings) || '/' || (SELECT count(*) FROM occurrences) || '/' || " \
  "(SELECT count(*) FROM booking_exceptions) || '/' || (SELECT count(*) FROM closures);"

#define MON_TO_THU \
  (TREFF_WEEKDAY_BIT (G_DATE_MONDAY) | TREFF_WEEKDAY_BIT (G_DATE_TUESDAY) | \
   TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY) | TREFF_WEEKDAY_BIT (G_DATE_THURSDAY))

/* Exactly one "changed" signal since the last check, about @topics. */
static void
assert_one_change (TreffTestCentre *centre,
                   guint            topics)
{
  g_assert_cmpuint (centre->changes.n_emissions, ==, 1);
  g_assert_cmphex (centre->changes.topics, ==, topics);
  treff_test_reset_changes (&centre->changes);
}

static TreffBooking *
booking_new (TreffTestCentre *centre,
             TreffRoom       *room,
             const char      *title,
             int              year,
             int              month,
             int              day,
             int              start_hour,
             int              end_hour)
{
  g_autoptr(GDateTime) start = treff_test_at (centre->store, year, month, day, start_hour, 0);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, year, month, day, end_hour, 0);

  return treff_test_booking_new (room, title, start, end);
}

static gint64
count_dates_of (TreffTestCentre *centre,
                TreffBooking    *booking)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM occurrences WHERE booking_id = %" G_GINT64_FORMAT ";",
                                          treff_booking_get_id (booking));

  return treff_test_query_int (centre->store->db, sql);
}

static void
add_ok (TreffTestCentre *centre,
        TreffBooking    *booking,
        GPtrArray       *skipped_starts)
{
  treff_test_reset_changes (&centre->changes);
  treff_test_add_booking (centre->store, booking, skipped_starts);
  assert_one_change (centre, TREFF_STORE_TOPIC_BOOKINGS);
}

/* Saving must fail with @code naming @wording, and so must the check
 * while typing; nothing is saved or announced. */
static void
assert_add_refused (TreffTestCentre *centre,
                    TreffBooking    *booking,
                    GPtrArray       *skipped_starts,
                    const char      *wording)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *before = treff_test_query_text (centre->store->db, ALL_TABLES_COUNT);
  g_autofree char *after = NULL;

  treff_test_reset_changes (&centre->changes);
  g_assert_false (treff_store_add_booking (centre->store, booking, skipped_starts, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
  treff_assert_contains (error->message, wording);
  g_assert_cmpint (treff_booking_get_id (booking), ==, 0);
  after = treff_test_query_text (centre->store->db, ALL_TABLES_COUNT);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (centre->changes.n_emissions, ==, 0);

  /* Without skipped dates the check must say the same as saving. */
  if (skipped_starts == NULL)
    {
      g_assert_false (treff_store_check_booking (centre->store, booking, TREFF_EDIT_SCOPE_ALL, NULL, NULL,
                                                 &check_error));
      g_assert_error (check_error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
      g_assert_cmpstr (check_error->message, ==, error->message);
    }
}

static void
delete_closure (TreffTestCentre *centre,
                TreffClosure    *closure)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (treff_store_delete_closure (centre->store, treff_closure_get_id (closure), &error));
  g_assert_no_error (error);
}

/* "2026-12-25 18:00 Title", with " cancelled" where it applies. */
static char *
describe_occurrence (TreffOccurrence *occurrence)
{
  g_autofree char *start = g_date_time_format (treff_occurrence_get_start (occurrence), "%Y-%m-%d %H:%M");

  return g_strdup_printf ("%s %s%s", start, treff_occurrence_get_title (occurrence),
                          treff_occurrence_get_cancelled (occurrence) ? " cancelled" : "");
}

static GPtrArray *
preview (TreffTestCentre *centre,
         TreffBooking    *booking)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *previews = treff_store_preview_booking (centre->store, booking, TREFF_EDIT_SCOPE_ALL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (previews);

  return previews;
}

/* The states of a preview as one letter per date: F(ree), C(onflict),
 * H(oliday), X (closure), S(chool holidays). */
static char *
dup_states (GPtrArray *previews)
{
  GString *states = g_string_new (NULL);

  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *date = g_ptr_array_index (previews, i);

      switch (date->state)
        {
        case TREFF_DATE_STATE_FREE:
          g_assert_null (date->detail);
          g_string_append_c (states, 'F');
          break;
        case TREFF_DATE_STATE_CONFLICT:
          g_string_append_c (states, 'C');
          break;
        case TREFF_DATE_STATE_PUBLIC_HOLIDAY:
          g_string_append_c (states, 'H');
          break;
        case TREFF_DATE_STATE_CLOSURE:
          g_string_append_c (states, 'X');
          break;
        case TREFF_DATE_STATE_SCHOOL_HOLIDAY:
          g_string_append_c (states, 'S');
          break;
        default:
          g_assert_not_reached ();
        }
      if (date->state != TREFF_DATE_STATE_FREE)
        g_assert_cmpstr (date->detail, !=, "");
    }

  return g_string_free (states, FALSE);
}

/* The starts of every date that is not free, as the editor skips them. */
static GPtrArray *
dup_problem_starts (GPtrArray *previews)
{
  GPtrArray *starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);

  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *date = g_ptr_array_index (previews, i);

      if (date->state != TREFF_DATE_STATE_FREE && date->state != TREFF_DATE_STATE_SCHOOL_HOLIDAY)
        g_ptr_array_add (starts, g_date_time_ref (date->start));
    }

  return starts;
}

/* A private party on Christmas Day is refused, naming the holiday, unless
 * the booking is allowed on closure days. */
static void
test_closures_christmas_one_off (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Offener Treff", 40);
  g_autoptr(TreffBooking) party = booking_new (centre, room, "Weihnachtsfeier", 2026, 12, 25, 15, 18);
  g_autoptr(TreffBooking) loaded = NULL;
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *states = NULL;
  g_autofree char *dates = NULL;
  TreffDatePreview *date;

  assert_add_refused (centre, party, NULL, "Fri, 12/25/2026 is a public holiday (Christmas Day).");

  previews = preview (centre, party);
  states = dup_states (previews);
  g_assert_cmpstr (states, ==, "H");
  date = g_ptr_array_index (previews, 0);
  treff_assert_contains (date->detail, "Christmas Day");

  /* The day before and the day after (Boxing Day is a holiday too). */
  {
    g_autoptr(TreffBooking) eve = booking_new (centre, room, "Heiligabend-Café", 2026, 12, 24, 10, 12);
    g_autoptr(TreffBooking) boxing = booking_new (centre, room, "Brunch", 2026, 12, 26, 10, 12);

    add_ok (centre, eve, NULL);
    assert_add_refused (centre, boxing, NULL, "Sat, 12/26/2026 is a public holiday (Boxing Day).");
  }

  treff_booking_set_override_closures (party, TRUE);
  g_assert_true (treff_store_check_booking (centre->store, party, TREFF_EDIT_SCOPE_ALL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&previews, g_ptr_array_unref);
  g_clear_pointer (&states, g_free);
  previews = preview (centre, party);
  states = dup_states (previews);
  g_assert_cmpstr (states, ==, "F");
  add_ok (centre, party, NULL);

  loaded = treff_store_get_booking (centre->store, treff_booking_get_id (party), &error);
  g_assert_no_error (error);
  g_assert_true (treff_booking_get_override_closures (loaded));
  dates = treff_test_describe_days (centre->store, 2026, 12, 21, 2026, 12, 28, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-12-24 10:00 Heiligabend-Café\n"
                   "2026-12-25 15:00 Weihnachtsfeier\n");
}

/* A Friday series over Christmas fails as a whole; with Christmas Day
 * skipped it saves, and the skipped date stays visible as cancelled. */
static void
test_closures_christmas_series (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffBooking) chor = booking_new (centre, room, "Chor", 2026, 11, 6, 18, 20);
  g_autoptr(TreffBooking) tanz = booking_new (centre, room, "Tanztee", 2026, 12, 4, 15, 17);
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autofree char *states = NULL;
  g_autofree char *dates = NULL;

  treff_test_set_weekly (chor, TREFF_WEEKDAY_BIT (G_DATE_FRIDAY), 0, 2026, 12, 31);
  assert_add_refused (centre, chor, NULL, "Fri, 12/25/2026 is a public holiday (Christmas Day).");

  previews = preview (centre, chor);
  states = dup_states (previews);
  g_assert_cmpstr (states, ==, "FFFFFFFH");
  skipped = dup_problem_starts (previews);
  g_assert_cmpuint (skipped->len, ==, 1);
  add_ok (centre, chor, skipped);
  g_assert_cmpint (count_dates_of (centre, chor), ==, 8);

  dates = treff_test_describe_days (centre->store, 2026, 11, 1, 2027, 1, 1, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-11-06 18:00 Chor\n"
                   "2026-11-13 18:00 Chor\n"
                   "2026-11-20 18:00 Chor\n"
                   "2026-11-27 18:00 Chor\n"
                   "2026-12-04 18:00 Chor\n"
                   "2026-12-11 18:00 Chor\n"
                   "2026-12-18 18:00 Chor\n"
                   "2026-12-25 18:00 Chor cancelled\n");

  /* Over New Year, skipping Christmas Day alone is not enough. */
  treff_test_set_weekly (tanz, TREFF_WEEKDAY_BIT (G_DATE_FRIDAY), 0, 2027, 1, 15);
  g_ptr_array_set_size (skipped, 0);
  {
    g_autoptr(GDateTime) christmas = treff_test_at (centre->store, 2026, 12, 25, 15, 0);

    g_ptr_array_add (skipped, g_date_time_ref (christmas));
  }
  assert_add_refused (centre, tanz, skipped, "Fri, 1/1/2027 is a public holiday (New Year's Day).");
  g_clear_pointer (&previews, g_ptr_array_unref);
  g_clear_pointer (&states, g_free);
  previews = preview (centre, tanz);
  states = dup_states (previews);
  g_assert_cmpstr (states, ==, "FFFHHFF");
  g_clear_pointer (&skipped, g_ptr_array_unref);
  skipped = dup_problem_starts (previews);
  add_ok (centre, tanz, skipped);
  g_assert_cmpint (count_dates_of (centre, tanz), ==, 7);
}

/* The centre's own closure weeks block bookings on every day they cover,
 * also a date that only runs into them, until they are removed. */
static void
test_closures_closed_period (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Seminarraum", 25);
  g_autoptr(TreffClosure) winter = NULL;
  g_autoptr(TreffBooking) course = booking_new (centre, room, "Erste Hilfe", 2026, 12, 28, 9, 16);
  g_autoptr(TreffBooking) inventory = booking_new (centre, room, "Inventur", 2026, 12, 29, 9, 12);
  g_autoptr(TreffBooking) january = booking_new (centre, room, "Neujahrsempfang", 2027, 1, 2, 11, 14);
  g_autoptr(GPtrArray) previews = NULL;
  g_autofree char *states = NULL;
  g_autofree char *dates = NULL;

  treff_test_reset_changes (&centre->changes);
  winter = treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_CLOSED, "Winter closure",
                                   2026, 12, 28, 2026, 12, 31);
  assert_one_change (centre, TREFF_STORE_TOPIC_CLOSURES);

  assert_add_refused (centre, course, NULL, "Mon, 12/28/2026: the centre is closed (Winter closure).");
  previews = preview (centre, course);
  states = dup_states (previews);
  g_assert_cmpstr (states, ==, "X");

  /* From Sunday evening into the closed Monday … */
  {
    g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 12, 27, 20, 0);
    g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 12, 28, 2, 0);
    g_autoptr(GDateTime) midnight = treff_test_at (centre->store, 2026, 12, 28, 0, 0);
    g_autoptr(TreffBooking) night = treff_test_booking_new (room, "Filmnacht", start, end);

    assert_add_refused (centre, night, NULL, "Mon, 12/28/2026: the centre is closed (Winter closure).");
    /* … but ending at midnight it stays on Sunday. */
    treff_booking_set_times (night, start, midnight);
    add_ok (centre, night, NULL);
  }

  add_ok (centre, january, NULL);
  treff_booking_set_override_closures (inventory, TRUE);
  add_ok (centre, inventory, NULL);

  /* A daily series shows every kind of day. */
  {
    g_autoptr(TreffBooking) daily = booking_new (centre, room, "Ferienprogramm", 2026, 12, 21, 10, 12);

    treff_test_set_daily_until (daily, 2027, 1, 4);
    g_clear_pointer (&previews, g_ptr_array_unref);
    g_clear_pointer (&states, g_free);
    previews = preview (centre, daily);
    states = dup_states (previews);
    /* 21–24 free, 25–26 Christmas, 27 free, 28–31 closed, 1 New Year,
     * 2 taken at 11:00, 3–4 free. */
    g_assert_cmpstr (states, ==, "FFFFHHFXXXXHCFF");
    treff_assert_contains (((TreffDatePreview *)g_ptr_array_index (previews, 12))->detail, "by Neujahrsempfang");
    treff_assert_contains (((TreffDatePreview *)g_ptr_array_index (previews, 7))->detail, "Winter closure");
    treff_assert_contains (((TreffDatePreview *)g_ptr_array_index (previews, 5))->detail, "Boxing Day");
  }

  /* Without the closure the Monday course can be booked. */
  treff_test_reset_changes (&centre->changes);
  delete_closure (centre, winter);
  assert_one_change (centre, TREFF_STORE_TOPIC_CLOSURES);
  add_ok (centre, course, NULL);

  dates = treff_test_describe_days (centre->store, 2026, 12, 27, 2027, 1, 4, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-12-27 20:00 Filmnacht\n"
                   "2026-12-28 09:00 Erste Hilfe\n"
                   "2026-12-29 09:00 Inventur\n"
                   "2027-01-02 11:00 Neujahrsempfang\n");

  /* Deleting it twice: the second time it is gone. */
  {
    g_autoptr(GError) error = NULL;

    treff_test_reset_changes (&centre->changes);
    g_assert_false (treff_store_delete_closure (centre->store, treff_closure_get_id (winter), &error));
    g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
    g_assert_cmpuint (centre->changes.n_emissions, ==, 0);
  }
}

/* School holidays never block a booking; a series that does not pause
 * keeps all its dates in them. */
static void
test_closures_school_holidays_do_not_block (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Kinderraum", 12);
  g_autoptr(TreffClosure) autumn = NULL;
  g_autoptr(TreffBooking) camp = booking_new (centre, room, "Ferienspiele", 2026, 10, 20, 9, 13);
  g_autoptr(TreffBooking) turnen = booking_new (centre, room, "Mutter-Kind-Turnen", 2026, 10, 7, 15, 16);
  g_autoptr(GPtrArray) previews = NULL;
  g_autofree char *states = NULL;
  g_autofree char *dates = NULL;

  treff_test_reset_changes (&centre->changes);
  autumn = treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Herbstferien",
                                   2026, 10, 17, 2026, 10, 31);
  assert_one_change (centre, TREFF_STORE_TOPIC_CLOSURES);

  previews = preview (centre, camp);
  states = dup_states (previews);
  g_assert_cmpstr (states, ==, "F");
  add_ok (centre, camp, NULL);

  treff_test_set_weekly (turnen, TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY), 0, 2026, 11, 4);
  g_clear_pointer (&previews, g_ptr_array_unref);
  g_clear_pointer (&states, g_free);
  previews = preview (centre, turnen);
  states = dup_states (previews);
  g_assert_cmpstr (states, ==, "FFFFF");
  add_ok (centre, turnen, NULL);
  g_assert_cmpint (count_dates_of (centre, turnen), ==, 5);

  dates = treff_test_describe_days (centre->store, 2026, 10, 1, 2026, 11, 10, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-10-07 15:00 Mutter-Kind-Turnen\n"
                   "2026-10-14 15:00 Mutter-Kind-Turnen\n"
                   "2026-10-20 09:00 Ferienspiele\n"
                   "2026-10-21 15:00 Mutter-Kind-Turnen\n"
                   "2026-10-28 15:00 Mutter-Kind-Turnen\n"
                   "2026-11-04 15:00 Mutter-Kind-Turnen\n");
}

static const char *homework_with_holidays =
  "2026-10-05 14:00 Hausaufgabenhilfe\n"
  "2026-10-06 14:00 Hausaufgabenhilfe – Lesen\n"
  "2026-10-07 14:00 Hausaufgabenhilfe\n"
  "2026-10-08 14:00 Hausaufgabenhilfe\n"
  "2026-10-12 14:00 Hausaufgabenhilfe\n"
  "2026-10-13 14:00 Hausaufgabenhilfe\n"
  "2026-10-14 14:00 Hausaufgabenhilfe\n"
  "2026-10-15 14:00 Hausaufgabenhilfe\n"
  "2026-11-02 14:00 Hausaufgabenhilfe\n"
  "2026-11-03 14:00 Hausaufgabenhilfe cancelled\n"
  "2026-11-04 14:00 Hausaufgabenhilfe\n"
  "2026-11-05 14:00 Hausaufgabenhilfe\n"
  "2026-11-09 14:00 Hausaufgabenhilfe\n"
  "2026-11-10 14:00 Hausaufgabenhilfe\n"
  "2026-11-11 14:00 Hausaufgabenhilfe\n"
  "2026-11-12 14:00 Hausaufgabenhilfe\n";

static const char *homework_without_holidays =
  "2026-10-05 14:00 Hausaufgabenhilfe\n"
  "2026-10-06 14:00 Hausaufgabenhilfe – Lesen\n"
  "2026-10-07 14:00 Hausaufgabenhilfe\n"
  "2026-10-08 14:00 Hausaufgabenhilfe\n"
  "2026-10-12 14:00 Hausaufgabenhilfe\n"
  "2026-10-13 14:00 Hausaufgabenhilfe\n"
  "2026-10-14 14:00 Hausaufgabenhilfe\n"
  "2026-10-15 14:00 Hausaufgabenhilfe\n"
  "2026-10-19 14:00 Hausaufgabenhilfe\n"
  "2026-10-20 14:00 Hausaufgabenhilfe\n"
  "2026-10-21 14:00 Hausaufgabenhilfe\n"
  "2026-10-22 14:00 Hausaufgabenhilfe\n"
  "2026-10-26 14:00 Hausaufgabenhilfe\n"
  "2026-10-27 14:00 Hausaufgabenhilfe\n"
  "2026-10-28 14:00 Hausaufgabenhilfe\n"
  "2026-10-29 14:00 Hausaufgabenhilfe\n"
  "2026-11-02 14:00 Hausaufgabenhilfe\n"
  "2026-11-03 14:00 Hausaufgabenhilfe cancelled\n"
  "2026-11-04 14:00 Hausaufgabenhilfe\n"
  "2026-11-05 14:00 Hausaufgabenhilfe\n"
  "2026-11-09 14:00 Hausaufgabenhilfe\n"
  "2026-11-10 14:00 Hausaufgabenhilfe\n"
  "2026-11-11 14:00 Hausaufgabenhilfe\n"
  "2026-11-12 14:00 Hausaufgabenhilfe\n";

/* Homework help Mon–Thu, paused in the autumn school holidays. */
static TreffBooking *
add_homework_help (TreffTestCentre *centre,
                   TreffRoom       *room)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffBooking) edited = NULL;
  g_autoptr(GDateTime) tuesday = treff_test_at (centre->store, 2026, 10, 6, 14, 0);
  g_autoptr(GDateTime) tuesday_end = treff_test_at (centre->store, 2026, 10, 6, 16, 0);
  g_autoptr(GDateTime) cancelled = treff_test_at (centre->store, 2026, 11, 3, 14, 0);
  TreffBooking *homework = booking_new (centre, room, "Hausaufgabenhilfe", 2026, 10, 5, 14, 16);

  treff_test_set_weekly (homework, MON_TO_THU, 0, 2026, 11, 12);
  treff_booking_set_pause_in_school_holidays (homework, TRUE);
  add_ok (centre, homework, NULL);

  /* Per-date changes that must survive the holidays coming and going. */
  edited = treff_booking_copy (homework);
  treff_booking_set_times (edited, tuesday, tuesday_end);
  treff_booking_set_title (edited, "Hausaufgabenhilfe – Lesen");
  g_assert_true (treff_store_update_booking (centre->store, edited, TREFF_EDIT_SCOPE_THIS_DATE, tuesday, &error));
  g_assert_no_error (error);
  g_assert_true (treff_store_set_date_cancelled (centre->store, treff_booking_get_id (homework), cancelled,
                                                 TRUE, &error));
  g_assert_no_error (error);
  treff_test_reset_changes (&centre->changes);

  return homework;
}

/* A pausing series leaves out its dates in school holidays entered
 * before: they are not stored at all, and the room is free then. */
static void
test_closures_school_holidays_pause (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffClosure) autumn = NULL;
  g_autoptr(TreffBooking) homework = NULL;
  g_autoptr(TreffBooking) camp = NULL;
  g_autoptr(TreffBooking) probe = NULL;
  g_autoptr(GPtrArray) previews = NULL;
  g_autofree char *states = NULL;
  g_autofree char *dates = NULL;

  autumn = treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Herbstferien",
                                   2026, 10, 17, 2026, 10, 31);

  probe = booking_new (centre, room, "Hausaufgabenhilfe", 2026, 10, 5, 14, 16);
  treff_test_set_weekly (probe, MON_TO_THU, 0, 2026, 11, 12);
  treff_booking_set_pause_in_school_holidays (probe, TRUE);
  previews = preview (centre, probe);
  states = dup_states (previews);
  g_assert_cmpstr (states, ==, "FFFFFFFFSSSSSSSSFFFFFFFF");

  homework = add_homework_help (centre, room);
  g_assert_cmpint (count_dates_of (centre, homework), ==, 16);
  dates = treff_test_describe_days (centre->store, 2026, 10, 1, 2026, 11, 30, describe_occurrence);
  g_assert_cmpstr (dates, ==, homework_with_holidays);

  /* The holiday programme takes the room the series leaves free. */
  camp = booking_new (centre, room, "Ferienspiele", 2026, 10, 20, 13, 17);
  add_ok (centre, camp, NULL);

  /* Without the holidays the series comes back — but not into the room
   * the holiday programme has: that date stays out, cancelled. */
  delete_closure (centre, autumn);
  g_assert_cmpint (count_dates_of (centre, homework), ==, 24);
  g_assert_cmpint (treff_test_query_int (centre->store->db,
                                         "SELECT count(*) FROM occurrences o JOIN bookings b ON b.id = o.booking_id "
                                         "WHERE o.cancelled = 0 AND b.title = 'Hausaufgabenhilfe' "
                                         "AND o.original_start = '2026-10-20T14:00:00';"), ==, 0);
  g_assert_cmpint (treff_test_query_int (centre->store->db,
                                         "SELECT count(*) FROM occurrences o JOIN bookings b ON b.id = o.booking_id "
                                         "WHERE o.cancelled = 0 AND b.title = 'Hausaufgabenhilfe' "
                                         "AND o.original_start = '2026-10-21T14:00:00';"), ==, 1);
  g_assert_cmpint (treff_test_query_int (centre->store->db,
                                         "SELECT count(*) FROM occurrences a JOIN occurrences b "
                                         "ON a.room_id = b.room_id AND a.booking_id < b.booking_id "
                                         "AND a.start_utc < b.end_utc AND b.start_utc < a.end_utc "
                                         "WHERE a.cancelled = 0 AND b.cancelled = 0;"), ==, 0);
}

/* School holidays entered or removed later change pausing series at
 * once, keeping their per-date changes; other series stay as they are. */
static void
test_closures_school_holidays_later (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) other = treff_test_add_room (centre->store, "Bewegungsraum", 15);
  g_autoptr(TreffClosure) autumn = NULL;
  g_autoptr(TreffClosure) winter = NULL;
  g_autoptr(TreffBooking) homework = NULL;
  g_autoptr(TreffBooking) turnen = booking_new (centre, other, "Gymnastik", 2026, 10, 5, 10, 11);
  g_autofree char *dates = NULL;

  treff_test_set_weekly (turnen, TREFF_WEEKDAY_BIT (G_DATE_MONDAY), 0, 2026, 11, 9);
  add_ok (centre, turnen, NULL);
  homework = add_homework_help (centre, room);
  g_assert_cmpint (count_dates_of (centre, homework), ==, 24);
  dates = treff_test_describe_days (centre->store, 2026, 10, 1, 2026, 11, 30, describe_occurrence);
  treff_assert_contains (dates, "2026-10-19 10:00 Gymnastik\n2026-10-19 14:00 Hausaufgabenhilfe\n");
  g_clear_pointer (&dates, g_free);

  treff_test_reset_changes (&centre->changes);
  autumn = treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Herbstferien",
                                   2026, 10, 17, 2026, 10, 31);
  assert_one_change (centre, TREFF_STORE_TOPIC_CLOSURES | TREFF_STORE_TOPIC_BOOKINGS);
  g_assert_cmpint (count_dates_of (centre, homework), ==, 16);
  g_assert_cmpint (count_dates_of (centre, turnen), ==, 6);
  dates = treff_test_describe_days (centre->store, 2026, 10, 5, 2026, 11, 30, describe_occurrence);
  {
    g_autoptr(GString) expected = g_string_new (homework_with_holidays);

    /* The Monday gymnastics is unaffected, holidays or not. */
    g_string_replace (expected, "2026-10-05 14:00", "2026-10-05 10:00 Gymnastik\n2026-10-05 14:00", 1);
    g_string_replace (expected, "2026-10-12 14:00", "2026-10-12 10:00 Gymnastik\n2026-10-12 14:00", 1);
    g_string_replace (expected, "2026-11-02 14:00", "2026-10-19 10:00 Gymnastik\n2026-10-26 10:00 Gymnastik\n"
                                                    "2026-11-02 10:00 Gymnastik\n2026-11-02 14:00", 1);
    g_string_replace (expected, "2026-11-09 14:00", "2026-11-09 10:00 Gymnastik\n2026-11-09 14:00", 1);
    g_assert_cmpstr (dates, ==, expected->str);
  }
  g_clear_pointer (&dates, g_free);

  /* Other closures do not touch what is stored for the series. */
  treff_test_reset_changes (&centre->changes);
  winter = treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_CLOSED, "Betriebsausflug",
                                   2026, 11, 20, 2026, 11, 20);
  assert_one_change (centre, TREFF_STORE_TOPIC_CLOSURES);
  g_assert_cmpint (count_dates_of (centre, homework), ==, 16);

  treff_test_reset_changes (&centre->changes);
  delete_closure (centre, autumn);
  assert_one_change (centre, TREFF_STORE_TOPIC_CLOSURES | TREFF_STORE_TOPIC_BOOKINGS);
  g_assert_cmpint (count_dates_of (centre, homework), ==, 24);
  g_assert_cmpint (count_dates_of (centre, turnen), ==, 6);
  g_assert_cmpint (treff_test_query_int (centre->store->db, "SELECT count(*) FROM booking_exceptions;"), ==, 2);

  /* Without the Gymnastik lines, the series is back as it was. */
  {
    g_autoptr(TreffBooking) none = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (treff_store_delete_booking (centre->store, treff_booking_get_id (turnen), &error));
    g_assert_no_error (error);
    none = treff_store_get_booking (centre->store, treff_booking_get_id (turnen), &error);
    g_assert_null (none);
    g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  }
  dates = treff_test_describe_days (centre->store, 2026, 10, 1, 2026, 11, 30, describe_occurrence);
  g_assert_cmpstr (dates, ==, homework_without_holidays);
}

/* Every state the preview knows, and a series saved with all problem
 * dates skipped as the editor offers. */
static void
test_closures_preview_states (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Kinderraum", 12);
  g_autoptr(TreffClosure) closed = NULL;
  g_autoptr(TreffClosure) school = NULL;
  g_autoptr(TreffBooking) other = booking_new (centre, room, "Kinderkino", 2026, 12, 22, 9, 11);
  g_autoptr(TreffBooking) daily = booking_new (centre, room, "Betreuung", 2026, 12, 21, 10, 12);
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autofree char *states = NULL;
  g_autofree char *dates = NULL;
  const char *detail;

  closed = treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_CLOSED, "Winter closure",
                                   2026, 12, 28, 2026, 12, 30);
  school = treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Weihnachtsferien",
                                   2026, 12, 23, 2027, 1, 6);
  add_ok (centre, other, NULL);
  treff_test_set_daily_until (daily, 2027, 1, 8);

  previews = preview (centre, daily);
  states = dup_states (previews);
  /* Dec 21 free, 22 taken, 23–24 school holidays (free), 25–26 Christmas,
   * 27 free, 28–30 closed, 31 free, Jan 1 New Year, 2–8 free. */
  g_assert_cmpstr (states, ==, "FCFFHHFXXXFHFFFFFFF");
  detail = ((TreffDatePreview *)g_ptr_array_index (previews, 1))->detail;
  g_assert_cmpstr (detail, ==, "Kinderraum is already booked on Tue, 12/22/2026 09:00–11:00 by Kinderkino.");
  detail = ((TreffDatePreview *)g_ptr_array_index (previews, 4))->detail;
  treff_assert_contains (detail, "Christmas Day");
  detail = ((TreffDatePreview *)g_ptr_array_index (previews, 8))->detail;
  treff_assert_contains (detail, "Tue, 12/29/2026");
  treff_assert_contains (detail, "Winter closure");
  detail = ((TreffDatePreview *)g_ptr_array_index (previews, 11))->detail;
  treff_assert_contains (detail, "New Year's Day");

  skipped = dup_problem_starts (previews);
  g_assert_cmpuint (skipped->len, ==, 7);
  add_ok (centre, daily, skipped);
  g_assert_cmpint (count_dates_of (centre, daily), ==, 19);
  g_assert_cmpint (treff_test_query_int (centre->store->db,
                                         "SELECT count(*) FROM occurrences WHERE cancelled = 1;"), ==, 7);
  dates = treff_test_describe_days (centre->store, 2026, 12, 21, 2026, 12, 24, describe_occurrence);
  g_assert_cmpstr (dates, ==,
                   "2026-12-21 10:00 Betreuung\n"
                   "2026-12-22 09:00 Kinderkino\n"
                   "2026-12-22 10:00 Betreuung cancelled\n"
                   "2026-12-23 10:00 Betreuung\n");

  /* Pausing, the school holidays come first. */
  {
    g_autoptr(TreffBooking) pausing = booking_new (centre, room, "Spielgruppe", 2026, 12, 21, 15, 16);

    treff_test_set_daily_until (pausing, 2027, 1, 8);
    treff_booking_set_pause_in_school_holidays (pausing, TRUE);
    g_clear_pointer (&previews, g_ptr_array_unref);
    g_clear_pointer (&states, g_free);
    previews = preview (centre, pausing);
    states = dup_states (previews);
    g_assert_cmpstr (states, ==, "FFSSSSSSSSSSSSSSSFF");
    add_ok (centre, pausing, NULL);
    g_assert_cmpint (count_dates_of (centre, pausing), ==, 4);
  }
}

static char *
list_closure_titles (TreffTestCentre *centre,
                     int              first_month,
                     int              first_day,
                     int              last_month,
                     int              last_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, first_day, first_month, 2026);
  g_date_set_dmy (&last, last_day, last_month, 2026);
  closures = treff_store_list_closures (centre->store, &first, &last, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < closures->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? ", " : "",
                            treff_closure_get_title (g_ptr_array_index (closures, i)));

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

#define assert_closures(centre, fm, fd, lm, ld, expected) \
  G_STMT_START { \
    g_autofree char *__titles = list_closure_titles ((centre), (fm), (fd), (lm), (ld)); \
    g_assert_cmpstr (__titles, ==, (expected)); \
  } G_STMT_END

/* The closures of a range are those that share a day with it. */
static void
test_closures_list (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffClosure) summer =
    treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Sommerferien",
                            2026, 7, 20, 2026, 9, 1);
  g_autoptr(TreffClosure) works =
    treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_CLOSED, "Sommerpause",
                            2026, 8, 3, 2026, 8, 14);

  assert_closures (centre, 7, 1, 7, 19, "");
  assert_closures (centre, 7, 1, 7, 20, "Sommerferien");
  assert_closures (centre, 8, 14, 8, 20, "Sommerferien, Sommerpause");
  assert_closures (centre, 8, 15, 8, 20, "Sommerferien");
  assert_closures (centre, 9, 1, 9, 30, "Sommerferien");
  assert_closures (centre, 9, 2, 9, 30, "");
  assert_closures (centre, 1, 1, 12, 31, "Sommerferien, Sommerpause");
  g_assert_cmpint (treff_closure_get_kind (works), ==, TREFF_CLOSURE_KIND_CLOSED);
  g_assert_cmpint (treff_closure_get_kind (summer), ==, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/closures/christmas/one-off", test_closures_christmas_one_off);
  g_test_add_func ("/store/closures/christmas/series", test_closures_christmas_series);
  g_test_add_func ("/store/closures/closed-period", test_closures_closed_period);
  g_test_add_func ("/store/closures/school-holidays/do-not-block", test_closures_school_holidays_do_not_block);
  g_test_add_func ("/store/closures/school-holidays/pause", test_closures_school_holidays_pause);
  g_test_add_func ("/store/closures/school-holidays/later", test_closures_school_holidays_later);
  g_test_add_func ("/store/closures/preview-states", test_closures_preview_states);
  g_test_add_func ("/store/closures/list", test_closures_list);

  return g_test_run ();
}
