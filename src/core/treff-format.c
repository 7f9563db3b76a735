/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-format.c — dates and times as the user's locale writes them
 *
 * The formats are translatable strings, as in GNOME Calendar, because the
 * C library's %x does not give the German "Mo, 23.11.2026". */
#define G_LOG_DOMAIN "treff-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "treff-error.h"
#include "treff-format.h"
#include "treff-util.h"

/* "Mon, 11/23/2026" in English, "Mo, 23.11.2026" in German */
char *
treff_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a date as in "Mon, 11/23/2026", in g_date_time_format () syntax */
  return g_date_time_format (date, C_("date format", "%a, %-m/%-d/%Y"));
}

/* A calendar day (a holiday, a closure) written like treff_format_date (). */
char *
treff_format_day (const GDate *day)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (g_date_valid (day), NULL);

  date = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                              g_date_get_day (day), 12, 0, 0);
  return treff_format_date (date);
}

/* A time of day, "14:00". */
char *
treff_format_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: a time of day as in "14:00", in g_date_time_format () syntax */
  return g_date_time_format (time, C_("time format", "%H:%M"));
}

/* "Sat, 12/5/2026 18:00": treff_format_date () and treff_format_time (). */
char *
treff_format_date_time (GDateTime *date_time)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  date = treff_format_date (date_time);
  time = treff_format_time (date_time);
  /* Translators: a date and a time, "Sat, 12/5/2026 18:00" */
  return g_strdup_printf (C_("date and time", "%s %s"), date, time);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* A booking from 22:00 to midnight ends on its own day as people see it:
 * "22:00–00:00", not "Sat 22:00 – Sun 00:00". */
static gboolean
ends_on_start_day (GDateTime *start,
                   GDateTime *end)
{
  g_autoptr(GDateTime) next_day = NULL;

  if (same_day (start, end))
    return TRUE;

  if (!treff_date_time_is_midnight (end) || g_date_time_compare (end, start) <= 0)
    return FALSE;

  next_day = g_date_time_add_days (start, 1);
  return same_day (next_day, end);
}

/* @end in @start's time zone, so both are read on the same clock. */
static GDateTime *
end_in_start_zone (GDateTime *start,
                   GDateTime *end)
{
  return g_date_time_to_timezone (end, g_date_time_get_timezone (start));
}

/* "14:00–17:00"; over several days "Sat 18:00 – Sun 02:00". */
char *
treff_format_time_range (GDateTime *start,
                         GDateTime *end)
{
  g_autoptr(GDateTime) local_end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);

  local_end = end_in_start_zone (start, end);
  if (ends_on_start_day (start, local_end))
    {
      from = treff_format_time (start);
      to = treff_format_time (local_end);
      /* Translators: from one time to another on the same day, "14:00–17:00" */
      return g_strdup_printf (C_("time range", "%s–%s"), from, to);
    }

  /* Translators: a weekday and a time as in "Sat 18:00", in g_date_time_format () syntax */
  from = g_date_time_format (start, C_("weekday and time format", "%a %H:%M"));
  to = g_date_time_format (local_end, C_("weekday and time format", "%a %H:%M"));
  /* Translators: from a time on one day to a time on another, "Sat 18:00 – Sun 02:00" */
  return g_strdup_printf (C_("time range over several days", "%s – %s"), from, to);
}

/* "Sat, 12/5/2026 14:00–17:00"; over several days
 * "Sat, 12/5/2026 18:00 – Sun, 12/6/2026 02:00". */
char *
treff_format_date_time_range (GDateTime *start,
                              GDateTime *end)
{
  g_autoptr(GDateTime) local_end = NULL;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);

  local_end = end_in_start_zone (start, end);

  if (ends_on_start_day (start, local_end))
    {
      g_autofree char *start_date = treff_format_date (start);
      g_autofree char *times = treff_format_time_range (start, local_end);

      /* Translators: a date and a time range, "Sat, 12/5/2026 14:00–17:00" */
      return g_strdup_printf (C_("date and time range", "%s %s"), start_date, times);
    }
  else
    {
      g_autofree char *from = treff_format_date_time (start);
      g_autofree char *to = treff_format_date_time (local_end);

      /* Translators: from a date and time to another date and time,
       * "Sat, 12/5/2026 18:00 – Sun, 12/6/2026 02:00" */
      return g_strdup_printf (C_("date and time range over several days", "%s – %s"), from, to);
    }
}

/**
 * treff_parse_time:
 * @hour: (out): 0…24 (24 only as "24:00", the end of a day)
 *
 * Reads a time as people type it: "18:00", "18.30", "9", "930", "24:00".
 */
gboolean
treff_parse_time (const char  *text,
                  guint       *hour,
                  guint       *minute,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^([0-9]{1,2})(?:[:.]?([0-9]{2}))?$", 0, 0, NULL);
  guint h = 0, m = 0;

  if (g_regex_match (regex, stripped, 0, &match))
    {
      g_autofree char *hours = g_match_info_fetch (match, 1);
      g_autofree char *minutes = g_match_info_fetch (match, 2);

      h = atoi (hours);
      m = minutes && *minutes ? atoi (minutes) : 0;
      if ((h < 24 && m < 60) || (h == 24 && m == 0))
        {
          *hour = h;
          *minute = m;
          return TRUE;
        }
    }

  g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
               _("“%s” is not a time. Write it like 18:00 or 9:30."), stripped);
  return FALSE;
}
