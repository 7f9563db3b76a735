/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c — dates as the untranslated (C locale) program writes them */
#include "config.h"

#include <locale.h>

#include "treff-format.h"
#include "treff-test-util.h"

static void
assert_date (int         year,
             int         month,
             int         day,
             const char *expected)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 18, 30, 0);
  g_autofree char *text = treff_format_date (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_date (void)
{
  assert_date (2026, 11, 23, "Mon, 11/23/2026");
  /* No leading zeros: "3/5", not "03/05". */
  assert_date (2026, 3, 5, "Thu, 3/5/2026");
  assert_date (2027, 1, 1, "Fri, 1/1/2027");
}

static void
assert_ranges (GDateTime  *start,
               GDateTime  *end,
               const char *expected_time_range,
               const char *expected_date_time_range)
{
  g_autofree char *times = treff_format_time_range (start, end);
  g_autofree char *dates = treff_format_date_time_range (start, end);

  g_assert_cmpstr (times, ==, expected_time_range);
  g_assert_cmpstr (dates, ==, expected_date_time_range);
}

static void
test_format_ranges (void)
{
  g_autoptr(GDateTime) afternoon = treff_test_berlin (2026, 12, 5, 14, 0);
  g_autoptr(GDateTime) evening = treff_test_berlin (2026, 12, 5, 17, 0);
  g_autoptr(GDateTime) party = treff_test_berlin (2026, 12, 5, 18, 0);
  g_autoptr(GDateTime) night = treff_test_berlin (2026, 12, 6, 2, 0);
  g_autoptr(GDateTime) late = treff_test_berlin (2026, 12, 5, 22, 0);
  g_autoptr(GDateTime) midnight = treff_test_berlin (2026, 12, 6, 0, 0);
  g_autoptr(GDateTime) morning = treff_test_berlin (2026, 3, 2, 9, 5);
  g_autoptr(GDateTime) noon = treff_test_berlin (2026, 3, 2, 12, 0);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) evening_in_utc = g_date_time_to_timezone (evening, utc);

  assert_ranges (afternoon, evening, "14:00–17:00", "Sat, 12/5/2026 14:00–17:00");
  /* 24-hour clock with leading zeros for times, none for dates. */
  assert_ranges (morning, noon, "09:05–12:00", "Mon, 3/2/2026 09:05–12:00");
  /* Over midnight, the end's day is named. */
  assert_ranges (party, night, "Sat 18:00 – Sun 02:00",
                 "Sat, 12/5/2026 18:00 – Sun, 12/6/2026 02:00");
  /* Until midnight is still the same evening. */
  assert_ranges (late, midnight, "22:00–00:00", "Sat, 12/5/2026 22:00–00:00");
  /* Both times on the start's clock, even when the end is in UTC. */
  assert_ranges (afternoon, evening_in_utc, "14:00–17:00", "Sat, 12/5/2026 14:00–17:00");
}

static void
test_format_time (void)
{
  g_autoptr(GDateTime) morning = treff_test_berlin (2026, 3, 2, 9, 5);
  g_autoptr(GDateTime) party = treff_test_berlin (2026, 12, 5, 18, 0);
  g_autofree char *time = treff_format_time (morning);
  g_autofree char *date_time = treff_format_date_time (party);

  /* 24-hour clock with a leading zero, as in the ranges. */
  g_assert_cmpstr (time, ==, "09:05");
  g_assert_cmpstr (date_time, ==, "Sat, 12/5/2026 18:00");
}

static void
test_format_day (void)
{
  GDate day;
  g_autofree char *text = NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 31, 12, 2026);
  text = treff_format_day (&day);
  g_assert_cmpstr (text, ==, "Thu, 12/31/2026");
}

int
main (int   argc,
      char *argv[])
{
  /* The msgid format, whatever language the person running the tests uses. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/date", test_format_date);
  g_test_add_func ("/format/day", test_format_day);
  g_test_add_func ("/format/ranges", test_format_ranges);
  g_test_add_func ("/format/time", test_format_time);

  return g_test_run ();
}
