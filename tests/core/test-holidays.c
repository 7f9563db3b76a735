/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-holidays.c — Easter and the public holidays of North Rhine-Westphalia */
#include "config.h"

#include <locale.h>

#include "treff-holidays.h"
#include "treff-test-util.h"

static void
test_easter (void)
{
  /* Checked against python3's dateutil.easter. */
  static const struct { int year, month, day; } easter_sundays[] = {
    { 2024, 3, 31 },
    { 2025, 4, 20 },
    { 2026, 4, 5 },
    { 2027, 3, 28 },
    { 2028, 4, 16 },
    { 2029, 4, 1 },
    { 2030, 4, 21 },
    /* The earliest and latest possible dates. */
    { 2285, 3, 22 },
    { 2038, 4, 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (easter_sundays); i++)
    {
      GDate easter;

      treff_holidays_easter_sunday (easter_sundays[i].year, &easter);
      g_assert_true (g_date_valid (&easter));
      g_assert_cmpint (g_date_get_year (&easter), ==, easter_sundays[i].year);
      g_assert_cmpint (g_date_get_month (&easter), ==, easter_sundays[i].month);
      g_assert_cmpint (g_date_get_day (&easter), ==, easter_sundays[i].day);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
    }
}

static const char *
name_of (int year,
         int month,
         int day)
{
  GDate date = treff_test_date (year, month, day);

  return treff_holidays_nrw_name (&date);
}

static void
test_nrw_2026 (void)
{
  static const struct { int month, day; const char *name; } holidays[] = {
    { 1, 1, "New Year's Day" },
    { 4, 3, "Good Friday" },
    { 4, 6, "Easter Monday" },
    { 5, 1, "Labour Day" },
    { 5, 14, "Ascension Day" },
    { 5, 25, "Whit Monday" },
    { 6, 4, "Corpus Christi" },
    { 10, 3, "German Unity Day" },
    { 11, 1, "All Saints' Day" },
    { 12, 25, "Christmas Day" },
    { 12, 26, "Boxing Day" },
  };
  GDate day;
  guint n_holidays = 0;

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    g_assert_cmpstr (name_of (2026, holidays[i].month, holidays[i].day), ==, holidays[i].name);

  /* Exactly these eleven days of the year, and no other. */
  g_date_clear (&day, 1);
  for (g_date_set_dmy (&day, 1, 1, 2026); g_date_get_year (&day) == 2026; g_date_add_days (&day, 1))
    if (treff_holidays_nrw_name (&day) != NULL)
      n_holidays++;
  g_assert_cmpuint (n_holidays, ==, G_N_ELEMENTS (holidays));
}

static void
test_not_holidays (void)
{
  /* The day after Corpus Christi (a bridge day, not a holiday). */
  g_assert_null (name_of (2026, 6, 5));
  /* Reformation Day is a holiday in other Länder, not in NRW. */
  g_assert_null (name_of (2026, 10, 31));
  /* Easter Sunday and Whit Sunday are Sundays, not listed holidays. */
  g_assert_null (name_of (2026, 4, 5));
  g_assert_null (name_of (2026, 5, 24));
  /* Christmas Eve and New Year's Eve are working days. */
  g_assert_null (name_of (2026, 12, 24));
  g_assert_null (name_of (2026, 12, 31));
  /* Corpus Christi moves with Easter: 2026-06-04, but 2027-05-27. */
  g_assert_null (name_of (2027, 6, 4));
  g_assert_cmpstr (name_of (2027, 5, 27), ==, "Corpus Christi");
  g_assert_cmpstr (name_of (2027, 3, 26), ==, "Good Friday");

  {
    GDate unset;

    g_date_clear (&unset, 1);
    g_assert_null (treff_holidays_nrw_name (&unset));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holidays/easter", test_easter);
  g_test_add_func ("/holidays/nrw-2026", test_nrw_2026);
  g_test_add_func ("/holidays/not-holidays", test_not_holidays);

  return g_test_run ();
}
