/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-holidays.c — public holidays of North Rhine-Westphalia, computed
 *
 * The holidays of the Feiertagsgesetz NRW (§ 2): six on fixed dates and
 * five that move with Easter. Easter Sunday and Whit Sunday are Sundays
 * anyway and not listed. */
#define G_LOG_DOMAIN "treff-holidays"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-holidays.h"

/* Easter Sunday of the Gregorian calendar, by the anonymous algorithm
 * (Meeus/Jones/Butcher). */
void
treff_holidays_easter_sunday (int    year,
                              GDate *easter)
{
  int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  g_return_if_fail (easter != NULL);
  g_return_if_fail (year >= 1583 && year <= 9999);

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (easter, 1);
  g_date_set_dmy (easter, day, month, year);
}

typedef struct
{
  GDateMonth  month;
  GDateDay    day;
  const char *name;
} FixedHoliday;

static const FixedHoliday fixed_holidays[] = {
  { G_DATE_JANUARY, 1, N_("New Year's Day") },
  { G_DATE_MAY, 1, N_("Labour Day") },
  { G_DATE_OCTOBER, 3, N_("German Unity Day") },
  { G_DATE_NOVEMBER, 1, N_("All Saints' Day") },
  { G_DATE_DECEMBER, 25, N_("Christmas Day") },
  { G_DATE_DECEMBER, 26, N_("Boxing Day") },
};

typedef struct
{
  int         days_after_easter;
  const char *name;
} EasterHoliday;

static const EasterHoliday easter_holidays[] = {
  { -2, N_("Good Friday") },
  { 1, N_("Easter Monday") },
  { 39, N_("Ascension Day") },
  { 50, N_("Whit Monday") },
  { 60, N_("Corpus Christi") },
};

/* The translated name of the holiday on @day ("Fronleichnam"), or NULL
 * when @day is a working day in NRW. */
const char *
treff_holidays_nrw_name (const GDate *day)
{
  GDateYear year;
  GDate easter;
  int days_after_easter;

  g_return_val_if_fail (day != NULL, NULL);

  if (!g_date_valid (day))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
    if (g_date_get_month (day) == fixed_holidays[i].month &&
        g_date_get_day (day) == fixed_holidays[i].day)
      return _(fixed_holidays[i].name);

  year = g_date_get_year (day);
  if (year < 1583 || year > 9999)
    return NULL;

  treff_holidays_easter_sunday (year, &easter);
  days_after_easter = g_date_days_between (&easter, day);

  for (guint i = 0; i < G_N_ELEMENTS (easter_holidays); i++)
    if (days_after_easter == easter_holidays[i].days_after_easter)
      return _(easter_holidays[i].name);

  return NULL;
}
