/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-util.c — small helpers that the domain objects and widgets share */
#include "config.h"

#include "treff-util.h"

/* Replaces the string in @field, NULL counting as "", and says whether it
 * changed: a property is notified only on a real change. */
gboolean
treff_set_string (char       **field,
                  const char  *value)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value ? value : "");
  return TRUE;
}

/* Leading and trailing blanks are never part of a name, number or address. */
gboolean
treff_set_stripped_string (char       **field,
                           const char  *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  return treff_set_string (field, stripped);
}

gboolean
treff_date_time_is_midnight (GDateTime *date_time)
{
  return g_date_time_get_hour (date_time) == 0 &&
         g_date_time_get_minute (date_time) == 0 &&
         g_date_time_get_seconds (date_time) == 0.0;
}

/* The calendar day of @date_time, in its own time zone. */
void
treff_date_from_date_time (GDate     *date,
                           GDateTime *date_time)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));
}
