/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-recurrence.c — series patterns, their RRULE text, expansion across DST, validation and wording */
#include "config.h"

#include <locale.h>

#include "treff-error.h"
#include "treff-recurrence.h"
#include "treff-test-util.h"

static TreffRecurrence
recurrence (TreffRepeat repeat,
            guint       interval,
            guint       count)
{
  TreffRecurrence r;

  treff_recurrence_init_none (&r);
  r.repeat = repeat;
  r.interval = interval;
  r.count = count;
  return r;
}

static void
set_until (TreffRecurrence *r,
           int              year,
           int              month,
           int              day)
{
  r->count = 0;
  g_date_set_dmy (&r->until, day, month, year);
}

/* "2026-01-03 14:00, 2026-02-07 14:00, …" in the dates' own zone. */
static char *
dup_starts (GPtrArray *starts)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *text = g_date_time_format (g_ptr_array_index (starts, i), "%F %R");
      g_strv_builder_add (builder, text);
    }

  strv = g_strv_builder_end (builder);
  return g_strjoinv (", ", strv);
}

static GPtrArray *
expand (const char *rrule,
        GDateTime  *first_start)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *starts = treff_recurrence_expand (rrule, first_start, &error);

  g_assert_no_error (error);
  g_assert_nonnull (starts);
  return starts;
}

/* Builds the RRULE of @r, checks its text, expands it and compares the dates. */
static void
assert_series (const TreffRecurrence *r,
               GDateTime             *first_start,
               const char            *expected_rrule,
               const char            *expected_starts)
{
  g_autofree char *rrule = treff_recurrence_to_rrule (r, first_start);
  g_autoptr(GPtrArray) starts = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (rrule, ==, expected_rrule);
  treff_assert_not_contains (rrule, "Z");

  treff_recurrence_validate (r, first_start, &error);
  g_assert_no_error (error);

  starts = expand (rrule, first_start);
  text = dup_starts (starts);
  g_assert_cmpstr (text, ==, expected_starts);
}

static void
test_daily (void)
{
  TreffRecurrence r = recurrence (TREFF_REPEAT_DAILY, 1, 10);
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 3, 2, 9, 0);

  assert_series (&r, first, "FREQ=DAILY;COUNT=10;WKST=MO",
                 "2026-03-02 09:00, 2026-03-03 09:00, 2026-03-04 09:00, 2026-03-05 09:00, "
                 "2026-03-06 09:00, 2026-03-07 09:00, 2026-03-08 09:00, 2026-03-09 09:00, "
                 "2026-03-10 09:00, 2026-03-11 09:00");

  r = recurrence (TREFF_REPEAT_DAILY, 3, 4);
  assert_series (&r, first, "FREQ=DAILY;COUNT=4;INTERVAL=3;WKST=MO",
                 "2026-03-02 09:00, 2026-03-05 09:00, 2026-03-08 09:00, 2026-03-11 09:00");
}

static void
test_weekly_weekdays (void)
{
  /* Sprachkurs Tue + Thu 10:00, starting on a Tuesday. */
  TreffRecurrence r = recurrence (TREFF_REPEAT_WEEKLY, 1, 0);
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 3, 3, 10, 0);

  r.weekdays = TREFF_WEEKDAY_BIT (2) | TREFF_WEEKDAY_BIT (4);
  set_until (&r, 2026, 3, 31);
  assert_series (&r, first, "FREQ=WEEKLY;UNTIL=20260331T235959;BYDAY=TU,TH;WKST=MO",
                 "2026-03-03 10:00, 2026-03-05 10:00, 2026-03-10 10:00, 2026-03-12 10:00, "
                 "2026-03-17 10:00, 2026-03-19 10:00, 2026-03-24 10:00, 2026-03-26 10:00, "
                 "2026-03-31 10:00");

  /* Hausaufgabenhilfe Mon–Thu. */
  r.weekdays = TREFF_WEEKDAY_BIT (1) | TREFF_WEEKDAY_BIT (2) | TREFF_WEEKDAY_BIT (3) | TREFF_WEEKDAY_BIT (4);
  r.count = 6;
  g_date_clear (&r.until, 1);
  {
    g_autoptr(GDateTime) monday = treff_test_berlin (2026, 3, 2, 14, 0);

    assert_series (&r, monday, "FREQ=WEEKLY;COUNT=6;BYDAY=MO,TU,WE,TH;WKST=MO",
                   "2026-03-02 14:00, 2026-03-03 14:00, 2026-03-04 14:00, 2026-03-05 14:00, "
                   "2026-03-09 14:00, 2026-03-10 14:00");
  }
}

static void
test_every_two_weeks (void)
{
  TreffRecurrence r = recurrence (TREFF_REPEAT_WEEKLY, 2, 5);
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 1, 5, 19, 0);

  r.weekdays = TREFF_WEEKDAY_BIT (1);
  assert_series (&r, first, "FREQ=WEEKLY;COUNT=5;INTERVAL=2;BYDAY=MO;WKST=MO",
                 "2026-01-05 19:00, 2026-01-19 19:00, 2026-02-02 19:00, 2026-02-16 19:00, "
                 "2026-03-02 19:00");

  /* Monday and Sunday of the same week: with weeks starting on Sunday
   * the pairs would be Mon 5 + Sun 18 instead. */
  r.weekdays = TREFF_WEEKDAY_BIT (1) | TREFF_WEEKDAY_BIT (7);
  r.count = 4;
  assert_series (&r, first, "FREQ=WEEKLY;COUNT=4;INTERVAL=2;BYDAY=MO,SU;WKST=MO",
                 "2026-01-05 19:00, 2026-01-11 19:00, 2026-01-19 19:00, 2026-01-25 19:00");
}

static void
test_monthly_by_date (void)
{
  TreffRecurrence r = recurrence (TREFF_REPEAT_MONTHLY_BY_DATE, 1, 0);
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 1, 15, 17, 0);
  g_autoptr(GDateTime) last_of_month = treff_test_berlin (2026, 1, 31, 10, 0);

  set_until (&r, 2026, 6, 30);
  assert_series (&r, first, "FREQ=MONTHLY;UNTIL=20260630T235959;BYMONTHDAY=15;WKST=MO",
                 "2026-01-15 17:00, 2026-02-15 17:00, 2026-03-15 17:00, 2026-04-15 17:00, "
                 "2026-05-15 17:00, 2026-06-15 17:00");

  /* As in RFC 5545, months without a 31st are left out, not moved. */
  r = recurrence (TREFF_REPEAT_MONTHLY_BY_DATE, 1, 5);
  assert_series (&r, last_of_month, "FREQ=MONTHLY;COUNT=5;BYMONTHDAY=31;WKST=MO",
                 "2026-01-31 10:00, 2026-03-31 10:00, 2026-05-31 10:00, 2026-07-31 10:00, "
                 "2026-08-31 10:00");
}

/* The Repair-Café, every first Saturday 14:00–17:00; the dates checked
 * against python3's calendar module. */
static void
test_first_saturday (void)
{
  TreffRecurrence r = recurrence (TREFF_REPEAT_MONTHLY_BY_WEEKDAY, 1, 0);
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 1, 3, 14, 0);

  r.week_of_month = 1;
  set_until (&r, 2027, 12, 31);
  assert_series (&r, first, "FREQ=MONTHLY;UNTIL=20271231T235959;BYDAY=1SA;WKST=MO",
                 "2026-01-03 14:00, 2026-02-07 14:00, 2026-03-07 14:00, 2026-04-04 14:00, "
                 "2026-05-02 14:00, 2026-06-06 14:00, 2026-07-04 14:00, 2026-08-01 14:00, "
                 "2026-09-05 14:00, 2026-10-03 14:00, 2026-11-07 14:00, 2026-12-05 14:00, "
                 "2027-01-02 14:00, 2027-02-06 14:00, 2027-03-06 14:00, 2027-04-03 14:00, "
                 "2027-05-01 14:00, 2027-06-05 14:00, 2027-07-03 14:00, 2027-08-07 14:00, "
                 "2027-09-04 14:00, 2027-10-02 14:00, 2027-11-06 14:00, 2027-12-04 14:00");

  r.count = 12;
  g_date_clear (&r.until, 1);
  assert_series (&r, first, "FREQ=MONTHLY;COUNT=12;BYDAY=1SA;WKST=MO",
                 "2026-01-03 14:00, 2026-02-07 14:00, 2026-03-07 14:00, 2026-04-04 14:00, "
                 "2026-05-02 14:00, 2026-06-06 14:00, 2026-07-04 14:00, 2026-08-01 14:00, "
                 "2026-09-05 14:00, 2026-10-03 14:00, 2026-11-07 14:00, 2026-12-05 14:00");
}

static void
test_last_friday (void)
{
  TreffRecurrence r = recurrence (TREFF_REPEAT_MONTHLY_BY_WEEKDAY, 1, 0);
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 1, 30, 19, 30);

  r.week_of_month = -1;
  set_until (&r, 2026, 12, 31);
  assert_series (&r, first, "FREQ=MONTHLY;UNTIL=20261231T235959;BYDAY=-1FR;WKST=MO",
                 "2026-01-30 19:30, 2026-02-27 19:30, 2026-03-27 19:30, 2026-04-24 19:30, "
                 "2026-05-29 19:30, 2026-06-26 19:30, 2026-07-31 19:30, 2026-08-28 19:30, "
                 "2026-09-25 19:30, 2026-10-30 19:30, 2026-11-27 19:30, 2026-12-25 19:30");
}

/* The last date is included whatever the time of day, and a count and
 * the matching end date give the same series. */
static void
test_until_and_count (void)
{
  TreffRecurrence by_count = recurrence (TREFF_REPEAT_WEEKLY, 1, 4);
  TreffRecurrence by_until = recurrence (TREFF_REPEAT_WEEKLY, 1, 0);
  TreffRecurrence day_before = recurrence (TREFF_REPEAT_WEEKLY, 1, 0);
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 11, 4, 23, 30);
  g_autofree char *rrule_count = NULL;
  g_autofree char *rrule_until = NULL;
  g_autofree char *rrule_before = NULL;
  g_autoptr(GPtrArray) starts_count = NULL;
  g_autoptr(GPtrArray) starts_until = NULL;
  g_autoptr(GPtrArray) starts_before = NULL;
  g_autofree char *text_count = NULL;
  g_autofree char *text_until = NULL;

  by_count.weekdays = by_until.weekdays = day_before.weekdays = TREFF_WEEKDAY_BIT (3);
  set_until (&by_until, 2026, 11, 25);
  set_until (&day_before, 2026, 11, 24);

  rrule_count = treff_recurrence_to_rrule (&by_count, first);
  rrule_until = treff_recurrence_to_rrule (&by_until, first);
  rrule_before = treff_recurrence_to_rrule (&day_before, first);
  starts_count = expand (rrule_count, first);
  starts_until = expand (rrule_until, first);
  starts_before = expand (rrule_before, first);

  text_count = dup_starts (starts_count);
  text_until = dup_starts (starts_until);
  g_assert_cmpstr (text_count, ==,
                   "2026-11-04 23:30, 2026-11-11 23:30, 2026-11-18 23:30, 2026-11-25 23:30");
  g_assert_cmpstr (text_until, ==, text_count);
  g_assert_cmpuint (starts_before->len, ==, 3);

  /* A single date has no rule. */
  {
    TreffRecurrence none;

    treff_recurrence_init_none (&none);
    g_assert_true (treff_recurrence_is_none (&none));
    g_assert_null (treff_recurrence_to_rrule (&none, first));
  }
}

static void
assert_offset_hours (GDateTime *date,
                     int        hours)
{
  g_autofree char *text = g_date_time_format_iso8601 (date);

  if (g_date_time_get_utc_offset (date) != hours * G_TIME_SPAN_HOUR)
    g_error ("%s should be at UTC%+d", text, hours);
}

/* Yoga, Wednesdays 18:00 from March to November: 18:00 on the clock all
 * year, while the offset changes on 29 March and 25 October. */
static void
test_dst_weekly (void)
{
  TreffRecurrence r = recurrence (TREFF_REPEAT_WEEKLY, 1, 0);
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 3, 4, 18, 0);
  g_autoptr(GDateTime) spring = treff_test_berlin (2026, 3, 29, 12, 0);
  g_autoptr(GDateTime) autumn = treff_test_berlin (2026, 10, 25, 12, 0);
  g_autoptr(GPtrArray) starts = NULL;
  g_autofree char *rrule = NULL;
  guint n_winter = 0, n_summer = 0;

  r.weekdays = TREFF_WEEKDAY_BIT (3);
  set_until (&r, 2026, 11, 25);
  rrule = treff_recurrence_to_rrule (&r, first);
  starts = expand (rrule, first);

  /* 4 March to 25 November 2026: 38 weeks later, 39 Wednesdays. */
  g_assert_cmpuint (starts->len, ==, 39);

  for (guint i = 0; i < starts->len; i++)
    {
      GDateTime *start = g_ptr_array_index (starts, i);
      g_autoptr(GDateTime) expected_day = g_date_time_add_weeks (first, i);

      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 3);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 18);
      g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
      g_assert_cmpint (g_date_time_get_day_of_year (start), ==,
                       g_date_time_get_day_of_year (expected_day));
      g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (start)), ==,
                       "Europe/Berlin");

      if (g_date_time_compare (start, spring) < 0 || g_date_time_compare (start, autumn) > 0)
        {
          assert_offset_hours (start, 1);
          n_winter++;
        }
      else
        {
          assert_offset_hours (start, 2);
          n_summer++;
        }
    }

  /* 4, 11, 18, 25 March and 28 October, 4, 11, 18, 25 November. */
  g_assert_cmpuint (n_winter, ==, 9);
  g_assert_cmpuint (n_summer, ==, 30);
  assert_offset_hours (g_ptr_array_index (starts, 3), 1);   /* 25 March */
  assert_offset_hours (g_ptr_array_index (starts, 4), 2);   /* 1 April */
  assert_offset_hours (g_ptr_array_index (starts, 33), 2);  /* 21 October */
  assert_offset_hours (g_ptr_array_index (starts, 34), 1);  /* 28 October */
}

/* 02:30 does not exist on 29 March 2026: the date stays in the series, at
 * 03:30 summer time (RFC 5545 3.3.5, as the subscribing calendars read
 * it). The doubled 02:30 of 25 October is the first, still summer time. */
static void
test_dst_gap_and_overlap (void)
{
  TreffRecurrence r = recurrence (TREFF_REPEAT_DAILY, 1, 5);
  g_autoptr(GDateTime) spring_first = treff_test_berlin (2026, 3, 27, 2, 30);
  g_autoptr(GDateTime) autumn_first = treff_test_berlin (2026, 10, 24, 2, 30);
  g_autoptr(GPtrArray) spring = NULL;
  g_autoptr(GPtrArray) autumn = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *spring_text = NULL;
  g_autofree char *autumn_text = NULL;
  g_autofree char *gap_utc = NULL;
  g_autoptr(GDateTime) gap_in_utc = NULL;

  rrule = treff_recurrence_to_rrule (&r, spring_first);
  spring = expand (rrule, spring_first);
  spring_text = dup_starts (spring);
  g_assert_cmpstr (spring_text, ==,
                   "2026-03-27 02:30, 2026-03-28 02:30, 2026-03-29 03:30, "
                   "2026-03-30 02:30, 2026-03-31 02:30");
  assert_offset_hours (g_ptr_array_index (spring, 1), 1);
  assert_offset_hours (g_ptr_array_index (spring, 2), 2);
  assert_offset_hours (g_ptr_array_index (spring, 3), 2);
  gap_in_utc = g_date_time_to_utc (g_ptr_array_index (spring, 2));
  gap_utc = g_date_time_format (gap_in_utc, "%F %R");
  g_assert_cmpstr (gap_utc, ==, "2026-03-29 01:30");

  r.count = 3;
  g_clear_pointer (&rrule, g_free);
  rrule = treff_recurrence_to_rrule (&r, autumn_first);
  autumn = expand (rrule, autumn_first);
  autumn_text = dup_starts (autumn);
  g_assert_cmpstr (autumn_text, ==, "2026-10-24 02:30, 2026-10-25 02:30, 2026-10-26 02:30");
  assert_offset_hours (g_ptr_array_index (autumn, 0), 2);
  assert_offset_hours (g_ptr_array_index (autumn, 1), 2);
  assert_offset_hours (g_ptr_array_index (autumn, 2), 1);
}

static void
test_new_date_time (void)
{
  g_autoptr(GDateTime) normal = treff_recurrence_new_date_time (treff_test_get_berlin_zone (), 2026, 7, 1, 18, 0, 0);
  g_autoptr(GDateTime) expected = treff_test_berlin (2026, 7, 1, 18, 0);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) in_utc = treff_recurrence_new_date_time (utc, 2026, 3, 29, 2, 30, 0);

  g_assert_true (g_date_time_equal (normal, expected));
  g_assert_cmpint (g_date_time_get_hour (in_utc), ==, 2);
  g_assert_cmpint (g_date_time_get_utc_offset (in_utc), ==, 0);
}

/* Rules without an end (other programs write them) stop after ten years
 * or 5000 dates; the editor's validation refuses them. */
static void
test_open_ended (void)
{
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 1, 1, 9, 0);
  g_autoptr(GPtrArray) daily = expand ("FREQ=DAILY", first);
  g_autoptr(GPtrArray) hourly = expand ("FREQ=HOURLY", first);
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;
  TreffRecurrence r = recurrence (TREFF_REPEAT_DAILY, 1, 0);

  /* 2026-01-01 to 2036-01-01 inclusive, with the leap days of 2028 and 2032. */
  g_assert_cmpuint (daily->len, ==, 3653);
  last = g_date_time_format (g_ptr_array_index (daily, daily->len - 1), "%F %R");
  g_assert_cmpstr (last, ==, "2036-01-01 09:00");
  g_assert_cmpuint (hourly->len, ==, TREFF_RECURRENCE_MAX_DATES);

  g_assert_false (treff_recurrence_validate (&r, first, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Choose when the series ends: after a number of dates, or on a last date.");
}

static void
test_invalid_rrule (void)
{
  static const char * const unreadable[] = {
    "garbage",
    "FREQ=WEEKLY;BYDAY=XX",
    "FREQ=DAILY;INTERVAL=0",
    "FREQ=DAILY;COUNT=-3",
    "FREQ=MONTHLY;BYDAY=1SA;RSCALE=GREGORIAN",
    "",
  };
  g_autoptr(GDateTime) first = treff_test_berlin (2026, 1, 3, 14, 0);

  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) parse_error = NULL;
      g_autoptr(GPtrArray) starts = treff_recurrence_expand (unreadable[i], first, &error);
      g_autofree char *expected = g_strdup_printf ("“%s” is not a repetition rule", unreadable[i]);
      TreffRecurrence r;

      g_assert_null (starts);
      g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
      treff_assert_contains (error->message, expected);

      /* "" is a single date to from_rrule (), as NULL is. */
      if (*unreadable[i] == '\0')
        continue;

      g_assert_false (treff_recurrence_from_rrule (&r, unreadable[i], &parse_error));
      g_assert_error (parse_error, TREFF_ERROR, TREFF_ERROR_INVALID);
      treff_assert_contains (parse_error->message, unreadable[i]);
    }
}

/* Valid iCalendar, but nothing the series editor offers: refused, naming
 * the rule, rather than shown as something else. */
static void
test_unsupported_rrule (void)
{
  static const char * const unsupported[] = {
    "FREQ=YEARLY;COUNT=3",
    "FREQ=HOURLY;COUNT=3",
    "FREQ=WEEKLY;COUNT=3",
    "FREQ=WEEKLY;BYDAY=1MO;COUNT=3",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU;COUNT=3",
    "FREQ=MONTHLY;BYDAY=2MO,4MO;COUNT=3",
    "FREQ=MONTHLY;BYDAY=5SA;COUNT=3",
    "FREQ=MONTHLY;BYDAY=SA;COUNT=3",
    "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;COUNT=3",
    "FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=3",
    "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3",
    "FREQ=DAILY;BYHOUR=9,18;COUNT=3",
    "FREQ=DAILY;BYMONTH=7;COUNT=3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (unsupported); i++)
    {
      g_autoptr(GError) error = NULL;
      TreffRecurrence r;

      treff_recurrence_init_none (&r);
      r.interval = 7;
      if (treff_recurrence_from_rrule (&r, unsupported[i], &error))
        g_error ("“%s” should have been refused", unsupported[i]);
      g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
      treff_assert_contains (error->message, unsupported[i]);
      /* A refused rule leaves the recurrence as it was. */
      g_assert_cmpuint (r.interval, ==, 7);
    }
}

/* Rules written by other programs in the patterns Treffpunkt offers. */
static void
test_foreign_rrule (void)
{
  g_autoptr(GError) error = NULL;
  TreffRecurrence r;

  g_assert_true (treff_recurrence_from_rrule (&r, "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231", &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.repeat, ==, TREFF_REPEAT_MONTHLY_BY_WEEKDAY);
  g_assert_cmpint (r.week_of_month, ==, -1);
  g_assert_cmpuint (r.count, ==, 0);
  g_assert_true (g_date_valid (&r.until));
  g_assert_cmpint (g_date_get_year (&r.until), ==, 2026);
  g_assert_cmpint (g_date_get_month (&r.until), ==, 12);
  g_assert_cmpint (g_date_get_day (&r.until), ==, 31);

  g_assert_true (treff_recurrence_from_rrule (&r, "FREQ=MONTHLY;COUNT=6", &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.repeat, ==, TREFF_REPEAT_MONTHLY_BY_DATE);
  g_assert_cmpuint (r.count, ==, 6);

  g_assert_true (treff_recurrence_from_rrule (&r, "FREQ=WEEKLY;WKST=SU;BYDAY=SA,SU;INTERVAL=1;COUNT=8", &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.repeat, ==, TREFF_REPEAT_WEEKLY);
  g_assert_cmpuint (r.weekdays, ==, TREFF_WEEKDAY_BIT (6) | TREFF_WEEKDAY_BIT (7));
  g_assert_cmpuint (r.interval, ==, 1);
  g_assert_cmpuint (r.count, ==, 8);

  g_assert_true (treff_recurrence_from_rrule (&r, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (treff_recurrence_is_none (&r));
}

static void
assert_invalid (const TreffRecurrence *r,
                GDateTime             *first_start,
                const char            *expected_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (treff_recurrence_validate (r, first_start, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
assert_valid (const TreffRecurrence *r,
              GDateTime             *first_start)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (treff_recurrence_validate (r, first_start, &error));
  g_assert_no_error (error);
}

static void
test_validate (void)
{
  g_autoptr(GDateTime) monday = treff_test_berlin (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) tuesday = treff_test_berlin (2026, 11, 24, 10, 0);
  g_autoptr(GDateTime) first_saturday = treff_test_berlin (2026, 12, 5, 14, 0);
  g_autoptr(GDateTime) second_saturday = treff_test_berlin (2026, 12, 12, 14, 0);
  g_autoptr(GDateTime) fifth_saturday = treff_test_berlin (2026, 8, 29, 14, 0);
  g_autoptr(GDateTime) last_friday = treff_test_berlin (2026, 11, 27, 19, 0);
  g_autoptr(GDateTime) other_friday = treff_test_berlin (2026, 11, 20, 19, 0);
  TreffRecurrence r;

  treff_recurrence_init_none (&r);
  assert_valid (&r, monday);

  /* Interval */
  r = recurrence (TREFF_REPEAT_DAILY, 0, 10);
  assert_invalid (&r, monday, "A series cannot repeat with an interval of 0: choose a number from 1 to 99.");
  r.interval = 100;
  assert_invalid (&r, monday, "A series cannot repeat with an interval of 100: choose a number from 1 to 99.");
  r.interval = 99;
  assert_valid (&r, monday);

  /* Weekdays */
  r = recurrence (TREFF_REPEAT_WEEKLY, 1, 10);
  assert_invalid (&r, monday, "Choose at least one weekday on which the series repeats.");
  r.weekdays = TREFF_WEEKDAY_BIT (2) | TREFF_WEEKDAY_BIT (4);
  assert_invalid (&r, monday,
                  "The first date is a Monday, but the series repeats on Tue, Thu. "
                  "Choose a first date on one of those days.");
  assert_valid (&r, tuesday);

  /* Week of the month */
  r = recurrence (TREFF_REPEAT_MONTHLY_BY_WEEKDAY, 1, 12);
  assert_invalid (&r, first_saturday,
                  "Choose on which weekday of the month the series repeats: the first to the fourth, or the last.");
  r.week_of_month = 5;
  assert_invalid (&r, fifth_saturday,
                  "Choose on which weekday of the month the series repeats: the first to the fourth, or the last.");
  r.week_of_month = 1;
  assert_valid (&r, first_saturday);
  assert_invalid (&r, second_saturday,
                  "The first date, Sat, 12/12/2026, is not the first Saturday of its month. "
                  "Choose a first date that is, or another week of the month.");
  r.week_of_month = 2;
  assert_valid (&r, second_saturday);
  r.week_of_month = -1;
  assert_valid (&r, last_friday);
  assert_valid (&r, fifth_saturday);
  assert_invalid (&r, other_friday,
                  "The first date, Fri, 11/20/2026, is not the last Friday of its month. "
                  "Choose a first date that is, or another week of the month.");
  r.week_of_month = 4;
  /* 29 August 2026 is the fifth Saturday, so not the fourth. */
  assert_invalid (&r, fifth_saturday,
                  "The first date, Sat, 8/29/2026, is not the fourth Saturday of its month. "
                  "Choose a first date that is, or another week of the month.");

  /* The end */
  r = recurrence (TREFF_REPEAT_DAILY, 1, 1000);
  assert_valid (&r, monday);
  r.count = 1001;
  assert_invalid (&r, monday,
                  "A series can have at most 1000 dates, not 1001: choose fewer dates or an end date.");
  r.count = 1;
  assert_valid (&r, monday);

  set_until (&r, 2026, 11, 22);
  assert_invalid (&r, monday,
                  "The series would end on Sun, 11/22/2026, before its first date, Mon, 11/23/2026. "
                  "Choose a later end.");
  set_until (&r, 2026, 11, 23);
  assert_valid (&r, monday);
  set_until (&r, 2036, 11, 23);
  assert_valid (&r, monday);
  set_until (&r, 2036, 11, 24);
  assert_invalid (&r, monday,
                  "A series can run for at most 10 years: choose an end on or before Sun, 11/23/2036.");
}

static void
assert_round_trip (const TreffRecurrence *r,
                   GDateTime             *first_start)
{
  g_autofree char *rrule = treff_recurrence_to_rrule (r, first_start);
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  TreffRecurrence back;

  memset (&back, 0xaa, sizeof back);
  g_assert_true (treff_recurrence_from_rrule (&back, rrule, &error));
  g_assert_no_error (error);

  g_assert_cmpint (back.repeat, ==, r->repeat);
  g_assert_cmpuint (back.interval, ==, r->interval);
  g_assert_cmpuint (back.weekdays, ==, r->weekdays);
  g_assert_cmpint (back.week_of_month, ==, r->week_of_month);
  g_assert_cmpuint (back.count, ==, r->count);
  g_assert_cmpint (g_date_valid (&back.until), ==, g_date_valid (&r->until));
  if (g_date_valid (&r->until))
    g_assert_cmpint (g_date_compare (&back.until, &r->until), ==, 0);
  g_assert_true (treff_recurrence_equal (&back, r));

  again = treff_recurrence_to_rrule (&back, first_start);
  g_assert_cmpstr (again, ==, rrule);
}

static void
test_round_trip (void)
{
  g_autoptr(GDateTime) first_saturday = treff_test_berlin (2026, 1, 3, 14, 0);
  g_autoptr(GDateTime) last_friday = treff_test_berlin (2026, 1, 30, 19, 0);
  TreffRecurrence r;

  treff_recurrence_init_none (&r);
  assert_round_trip (&r, first_saturday);

  r = recurrence (TREFF_REPEAT_DAILY, 1, 10);
  assert_round_trip (&r, first_saturday);
  r = recurrence (TREFF_REPEAT_DAILY, 3, 0);
  set_until (&r, 2026, 2, 28);
  assert_round_trip (&r, first_saturday);

  for (guint mask = 1; mask <= 0x7f; mask++)
    {
      r = recurrence (TREFF_REPEAT_WEEKLY, mask % 5 + 1, mask % 2 ? mask : 0);
      r.weekdays = mask | TREFF_WEEKDAY_BIT (6);
      if (r.count == 0)
        set_until (&r, 2027, 1, mask % 28 + 1);
      assert_round_trip (&r, first_saturday);
    }

  r = recurrence (TREFF_REPEAT_MONTHLY_BY_DATE, 1, 12);
  assert_round_trip (&r, first_saturday);
  r = recurrence (TREFF_REPEAT_MONTHLY_BY_DATE, 99, 0);
  set_until (&r, 2035, 12, 31);
  assert_round_trip (&r, first_saturday);

  for (int week = 1; week <= 4; week++)
    {
      r = recurrence (TREFF_REPEAT_MONTHLY_BY_WEEKDAY, 1, 12);
      r.week_of_month = week;
      assert_round_trip (&r, first_saturday);
    }
  r = recurrence (TREFF_REPEAT_MONTHLY_BY_WEEKDAY, 2, 0);
  r.week_of_month = -1;
  set_until (&r, 2026, 12, 31);
  assert_round_trip (&r, last_friday);
}

static void
test_equal_and_normalize (void)
{
  TreffRecurrence a = recurrence (TREFF_REPEAT_DAILY, 1, 10);
  TreffRecurrence b = a;
  g_autoptr(TreffRecurrence) copy = NULL;

  /* Leftovers of another kind of repetition do not make a difference … */
  b.weekdays = TREFF_WEEKDAY_BIT (3);
  b.week_of_month = 2;
  g_date_set_dmy (&b.until, 1, 1, 2027);
  g_assert_true (treff_recurrence_equal (&a, &b));
  treff_recurrence_normalize (&b);
  g_assert_cmpuint (b.weekdays, ==, 0);
  g_assert_cmpint (b.week_of_month, ==, 0);
  g_assert_false (g_date_valid (&b.until));

  /* … what the series does does. */
  b.count = 11;
  g_assert_false (treff_recurrence_equal (&a, &b));
  b.count = 10;
  b.interval = 2;
  g_assert_false (treff_recurrence_equal (&a, &b));

  copy = treff_recurrence_copy (&a);
  g_assert_true (treff_recurrence_equal (copy, &a));
  g_assert_true (copy != &a);
}

static void
assert_description (const TreffRecurrence *r,
                    GDateTime             *first_start,
                    const char            *expected)
{
  g_autofree char *text = treff_recurrence_describe (r, first_start);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe (void)
{
  g_autoptr(GDateTime) tuesday = treff_test_berlin (2026, 3, 3, 10, 0);
  g_autoptr(GDateTime) monday = treff_test_berlin (2026, 3, 2, 10, 0);
  g_autoptr(GDateTime) first_saturday = treff_test_berlin (2026, 1, 3, 14, 0);
  g_autoptr(GDateTime) last_friday = treff_test_berlin (2026, 1, 30, 19, 0);
  g_autoptr(GDateTime) fifteenth = treff_test_berlin (2026, 1, 15, 17, 0);
  TreffRecurrence r;

  treff_recurrence_init_none (&r);
  assert_description (&r, tuesday, "Does not repeat");

  r = recurrence (TREFF_REPEAT_WEEKLY, 1, 0);
  r.weekdays = TREFF_WEEKDAY_BIT (2) | TREFF_WEEKDAY_BIT (4);
  set_until (&r, 2026, 12, 31);
  assert_description (&r, tuesday, "Every week on Tue and Thu, until Thu, 12/31/2026");

  r = recurrence (TREFF_REPEAT_WEEKLY, 2, 10);
  r.weekdays = TREFF_WEEKDAY_BIT (1);
  assert_description (&r, monday, "Every 2 weeks on Mon, 10 times");
  r.weekdays |= TREFF_WEEKDAY_BIT (3) | TREFF_WEEKDAY_BIT (5);
  assert_description (&r, monday, "Every 2 weeks on Mon, Wed and Fri, 10 times");

  r = recurrence (TREFF_REPEAT_MONTHLY_BY_WEEKDAY, 1, 12);
  r.week_of_month = 1;
  assert_description (&r, first_saturday, "Every month on the first Saturday, 12 times");
  r.week_of_month = -1;
  r.interval = 3;
  assert_description (&r, last_friday, "Every 3 months on the last Friday, 12 times");

  r = recurrence (TREFF_REPEAT_MONTHLY_BY_DATE, 1, 0);
  set_until (&r, 2026, 6, 30);
  assert_description (&r, fifteenth, "Every month on day 15, until Tue, 6/30/2026");

  r = recurrence (TREFF_REPEAT_DAILY, 1, 10);
  assert_description (&r, monday, "Every day, 10 times");
  r.count = 1;
  assert_description (&r, monday, "Every day, 1 time");
  r.interval = 2;
  r.count = 0;
  assert_description (&r, monday, "Every 2 days");
}

int
main (int   argc,
      char *argv[])
{
  /* The msgid wording, whatever language the person running the tests uses. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/daily", test_daily);
  g_test_add_func ("/recurrence/weekly-weekdays", test_weekly_weekdays);
  g_test_add_func ("/recurrence/every-two-weeks", test_every_two_weeks);
  g_test_add_func ("/recurrence/monthly-by-date", test_monthly_by_date);
  g_test_add_func ("/recurrence/first-saturday", test_first_saturday);
  g_test_add_func ("/recurrence/last-friday", test_last_friday);
  g_test_add_func ("/recurrence/until-and-count", test_until_and_count);
  g_test_add_func ("/recurrence/dst/weekly", test_dst_weekly);
  g_test_add_func ("/recurrence/dst/gap-and-overlap", test_dst_gap_and_overlap);
  g_test_add_func ("/recurrence/new-date-time", test_new_date_time);
  g_test_add_func ("/recurrence/open-ended", test_open_ended);
  g_test_add_func ("/recurrence/rrule/invalid", test_invalid_rrule);
  g_test_add_func ("/recurrence/rrule/unsupported", test_unsupported_rrule);
  g_test_add_func ("/recurrence/rrule/foreign", test_foreign_rrule);
  g_test_add_func ("/recurrence/rrule/round-trip", test_round_trip);
  g_test_add_func ("/recurrence/validate", test_validate);
  g_test_add_func ("/recurrence/equal", test_equal_and_normalize);
  g_test_add_func ("/recurrence/describe", test_describe);

  return g_test_run ();
}
