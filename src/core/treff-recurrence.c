/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-recurrence.c — how a series repeats, as the editor shows it and as RRULE text
 *
 * RRULE text here always uses floating wall-clock times (UNTIL=20261231T235959,
 * never …Z), and a series is expanded on the wall clock of its first date,
 * so a weekly 18:00 course stays at 18:00 across the changes to and from
 * summer time. Writing the feed turns this into zoned iCalendar. */
#define G_LOG_DOMAIN "treff-recurrence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "treff-error.h"
#include "treff-format.h"
#include "treff-recurrence-private.h"
#include "treff-util.h"

#define ALL_WEEKDAYS 0x7fu

G_DEFINE_BOXED_TYPE (TreffRecurrence, treff_recurrence,
                     treff_recurrence_copy, treff_recurrence_free)

TreffRecurrence *
treff_recurrence_copy (const TreffRecurrence *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
treff_recurrence_free (TreffRecurrence *self)
{
  g_free (self);
}

void
treff_recurrence_init_none (TreffRecurrence *self)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  self->repeat = TREFF_REPEAT_NONE;
  self->interval = 1;
  g_date_clear (&self->until, 1);
}

gboolean
treff_recurrence_is_none (const TreffRecurrence *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->repeat == TREFF_REPEAT_NONE;
}

/* Clears what does not belong to the kind of repetition (the weekdays of a
 * monthly series, the end date of a series that ends after a count), so two
 * recurrences that mean the same series are equal field by field. */
void
treff_recurrence_normalize (TreffRecurrence *self)
{
  g_return_if_fail (self != NULL);

  if (self->repeat == TREFF_REPEAT_NONE)
    {
      treff_recurrence_init_none (self);
      return;
    }

  if (self->repeat != TREFF_REPEAT_WEEKLY)
    self->weekdays = 0;
  else
    self->weekdays &= ALL_WEEKDAYS;

  if (self->repeat != TREFF_REPEAT_MONTHLY_BY_WEEKDAY)
    self->week_of_month = 0;

  if (self->count > 0 || !g_date_valid (&self->until))
    g_date_clear (&self->until, 1);
}

/* Whether @a and @b describe the same series; fields that do not matter
 * for the kind of repetition are not compared. */
gboolean
treff_recurrence_equal (const TreffRecurrence *a,
                        const TreffRecurrence *b)
{
  TreffRecurrence x, y;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  x = *a;
  y = *b;
  treff_recurrence_normalize (&x);
  treff_recurrence_normalize (&y);

  if (x.repeat != y.repeat ||
      x.interval != y.interval ||
      x.weekdays != y.weekdays ||
      x.week_of_month != y.week_of_month ||
      x.count != y.count ||
      g_date_valid (&x.until) != g_date_valid (&y.until))
    return FALSE;

  return !g_date_valid (&x.until) || g_date_compare (&x.until, &y.until) == 0;
}

/* libical counts weekdays from Sunday = 1, ISO 8601 from Monday = 1. */
icalrecurrencetype_weekday
treff_ical_weekday_from_iso (guint iso_weekday)
{
  return (icalrecurrencetype_weekday)(iso_weekday % 7 + 1);
}

guint
treff_ical_weekday_to_iso (icalrecurrencetype_weekday weekday)
{
  return weekday == ICAL_SUNDAY_WEEKDAY ? 7 : (guint)weekday - 1;
}

/* The by_day encoding of libical 3.0: "1SA" is 1 * 8 + 7, "-1FR" is -(1 * 8 + 6). */
short
treff_ical_encode_by_day (int                        position,
                          icalrecurrencetype_weekday weekday)
{
  short value = (short)(ABS (position) * 8 + (int)weekday);

  return position < 0 ? -value : value;
}

static gboolean
is_valid_week_of_month (int week_of_month)
{
  return (week_of_month >= 1 && week_of_month <= 4) || week_of_month == -1;
}

/* "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20261231T235959;WKST=MO" (in
 * libical's order), or NULL for a single date. The weekday of a monthly
 * series and its day of the month come from @first_start, which may be
 * NULL for daily and weekly series. */
char *
treff_recurrence_to_rrule (const TreffRecurrence *self,
                           GDateTime             *first_start)
{
  struct icalrecurrencetype rule;
  char *text;
  char *result;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->repeat == TREFF_REPEAT_NONE)
    return NULL;

  icalrecurrencetype_clear (&rule);
  rule.week_start = ICAL_MONDAY_WEEKDAY;
  rule.interval = (short)CLAMP (self->interval, 1, G_MAXSHORT);

  switch (self->repeat)
    {
    case TREFF_REPEAT_DAILY:
      rule.freq = ICAL_DAILY_RECURRENCE;
      break;

    case TREFF_REPEAT_WEEKLY:
      {
        guint n = 0;

        rule.freq = ICAL_WEEKLY_RECURRENCE;
        for (guint iso = 1; iso <= 7; iso++)
          if (self->weekdays & TREFF_WEEKDAY_BIT (iso))
            rule.by_day[n++] = treff_ical_encode_by_day (0, treff_ical_weekday_from_iso (iso));
        rule.by_day[n] = ICAL_RECURRENCE_ARRAY_MAX;
      }
      break;

    case TREFF_REPEAT_MONTHLY_BY_DATE:
      g_return_val_if_fail (first_start != NULL, NULL);

      rule.freq = ICAL_MONTHLY_RECURRENCE;
      rule.by_month_day[0] = (short)g_date_time_get_day_of_month (first_start);
      rule.by_month_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
      break;

    case TREFF_REPEAT_MONTHLY_BY_WEEKDAY:
      g_return_val_if_fail (first_start != NULL, NULL);
      g_return_val_if_fail (is_valid_week_of_month (self->week_of_month), NULL);

      rule.freq = ICAL_MONTHLY_RECURRENCE;
      rule.by_day[0] = treff_ical_encode_by_day (self->week_of_month,
                                      treff_ical_weekday_from_iso (g_date_time_get_day_of_week (first_start)));
      rule.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
      break;

    case TREFF_REPEAT_NONE:
    default:
      g_return_val_if_reached (NULL);
    }

  if (self->count > 0)
    {
      rule.count = (int)MIN (self->count, (guint)G_MAXINT);
    }
  else if (g_date_valid (&self->until))
    {
      /* Floating, to the last second of the day: the last date is included
       * whatever its time. */
      rule.until = icaltime_null_time ();
      rule.until.year = g_date_get_year (&self->until);
      rule.until.month = g_date_get_month (&self->until);
      rule.until.day = g_date_get_day (&self->until);
      rule.until.hour = 23;
      rule.until.minute = 59;
      rule.until.second = 59;
      rule.until.is_date = 0;
    }

  text = icalrecurrencetype_as_string_r (&rule);
  /* Monday is the default week start of RFC 5545, so libical leaves it
   * out; some clients assume Sunday, which moves "every 2 weeks on Mon, Sun". */
  result = g_strconcat (text, ";WKST=MO", NULL);
  free (text);

  return result;
}

static gboolean
parse_rule (const char                *rrule,
            struct icalrecurrencetype *rule,
            GError                   **error)
{
  icalerror_clear_errno ();
  *rule = icalrecurrencetype_from_string (rrule);

  /* A non-Gregorian calendar (RFC 7529) is not something a centre plans with. */
  if (rule->rscale != NULL)
    {
      free (rule->rscale);
      rule->rscale = NULL;
      rule->freq = ICAL_NO_RECURRENCE;
    }

  if (rule->freq == ICAL_NO_RECURRENCE)
    {
      icalerror_clear_errno ();
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is not a repetition rule Treffpunkt can read."),
                   rrule);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_empty (const short *by)
{
  return by[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

/* How many values a BYxxx array of @size holds. */
guint
treff_ical_count_by (const short *by,
                     guint        size)
{
  guint n = 0;

  while (n < size && by[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;

  return n;
}

static gboolean
set_unsupported_error (GError     **error,
                       const char  *rrule)
{
  g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
               _("The series repeats as “%s”, which the series editor cannot show. "
                 "Choose daily, weekly on chosen weekdays, monthly on a date, "
                 "or monthly on a weekday."),
               rrule);
  return FALSE;
}

/* The repetition of @rule, if it is one a TreffRecurrence can hold;
 * FALSE otherwise, with @self untouched. Shared with the iCalendar
 * import, which has the rule parsed already. */
gboolean
treff_recurrence_from_ical (TreffRecurrence                 *self,
                            const struct icalrecurrencetype *rule)
{
  TreffRecurrence result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  treff_recurrence_init_none (&result);

  if (rule->rscale != NULL ||
      !is_empty (rule->by_second) || !is_empty (rule->by_minute) ||
      !is_empty (rule->by_hour) || !is_empty (rule->by_year_day) ||
      !is_empty (rule->by_week_no) || !is_empty (rule->by_month) ||
      !is_empty (rule->by_set_pos))
    return FALSE;

  result.interval = (guint)MAX (rule->interval, 1);

  switch (rule->freq)
    {
    case ICAL_DAILY_RECURRENCE:
      if (!is_empty (rule->by_day) || !is_empty (rule->by_month_day))
        return FALSE;
      result.repeat = TREFF_REPEAT_DAILY;
      break;

    case ICAL_WEEKLY_RECURRENCE:
      /* Without BYDAY the weekday would come from DTSTART, which a
       * TreffRecurrence does not know; with another week start, "every 2
       * weeks" would pair different weeks. */
      if (is_empty (rule->by_day) || !is_empty (rule->by_month_day) ||
          (rule->week_start != ICAL_MONDAY_WEEKDAY && result.interval > 1))
        return FALSE;

      for (guint i = 0; i < treff_ical_count_by (rule->by_day, ICAL_BY_DAY_SIZE); i++)
        {
          icalrecurrencetype_weekday weekday = icalrecurrencetype_day_day_of_week (rule->by_day[i]);

          if (icalrecurrencetype_day_position (rule->by_day[i]) != 0)
            return FALSE;
          result.weekdays |= TREFF_WEEKDAY_BIT (treff_ical_weekday_to_iso (weekday));
        }
      result.repeat = TREFF_REPEAT_WEEKLY;
      break;

    case ICAL_MONTHLY_RECURRENCE:
      if (is_empty (rule->by_day))
        {
          /* The day of the month is the first date's; without BYMONTHDAY
           * iCalendar takes it from DTSTART, too. */
          if (treff_ical_count_by (rule->by_month_day, ICAL_BY_MONTHDAY_SIZE) > 1 ||
              rule->by_month_day[0] < 0)
            return FALSE;
          result.repeat = TREFF_REPEAT_MONTHLY_BY_DATE;
        }
      else
        {
          int position = icalrecurrencetype_day_position (rule->by_day[0]);

          if (treff_ical_count_by (rule->by_day, ICAL_BY_DAY_SIZE) != 1 ||
              !is_empty (rule->by_month_day) ||
              !is_valid_week_of_month (position))
            return FALSE;
          result.repeat = TREFF_REPEAT_MONTHLY_BY_WEEKDAY;
          result.week_of_month = position;
        }
      break;

    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      return FALSE;
    }

  if (rule->count > 0)
    {
      result.count = (guint)rule->count;
    }
  else if (!icaltime_is_null_time (rule->until))
    {
      if (!g_date_valid_dmy (rule->until.day, rule->until.month, rule->until.year))
        return FALSE;
      g_date_set_dmy (&result.until, rule->until.day, rule->until.month, rule->until.year);
    }

  *self = result;
  return TRUE;
}

/* Reads what treff_recurrence_to_rrule () writes, and the same patterns
 * written by other programs. NULL or "" is a single date. */
gboolean
treff_recurrence_from_rrule (TreffRecurrence  *self,
                             const char       *rrule,
                             GError          **error)
{
  struct icalrecurrencetype rule;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rrule == NULL || *rrule == '\0')
    {
      treff_recurrence_init_none (self);
      return TRUE;
    }

  if (!parse_rule (rrule, &rule, error))
    return FALSE;

  if (!treff_recurrence_from_ical (self, &rule))
    return set_unsupported_error (error, rrule);

  return TRUE;
}

/* "Monday" or "Mon" in the user's language, from the C library's names. */
static char *
dup_weekday_name (guint    iso_weekday,
                  gboolean abbreviated)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) sample = g_date_time_new_utc (2024, 1, iso_weekday, 12, 0, 0);

  return g_date_time_format (sample, abbreviated ? "%a" : "%A");
}

/* "Tue, Thu", or with @with_and "Mon, Wed and Fri". */
static char *
dup_weekday_list (guint    weekdays,
                  gboolean with_and)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last = NULL;
  g_autofree char *head = NULL;

  for (guint iso = 1; iso <= 7; iso++)
    if (weekdays & TREFF_WEEKDAY_BIT (iso))
      g_ptr_array_add (names, dup_weekday_name (iso, TRUE));

  if (with_and && names->len > 1)
    last = g_ptr_array_steal_index (names, names->len - 1);

  g_ptr_array_add (names, NULL);
  head = g_strjoinv (", ", (char **)names->pdata);
  if (last == NULL)
    return g_steal_pointer (&head);

  /* Translators: the last two weekdays of a list, "Mon, Wed and Fri" */
  return g_strdup_printf (C_("list of weekdays", "%s and %s"), head, last);
}

/* "last Friday", as in "is not the last Friday of its month". */
static char *
dup_week_of_month_subject (int   week_of_month,
                           guint iso_weekday)
{
  g_autofree char *weekday = dup_weekday_name (iso_weekday, FALSE);

  switch (week_of_month)
    {
    case 1:
      /* Translators: %s is a weekday, as in "The first date, …, is not the
       * first Saturday of its month." */
      return g_strdup_printf (C_("is not the … of its month", "first %s"), weekday);
    case 2:
      /* Translators: %s is a weekday, as in "… is not the second Saturday of its month." */
      return g_strdup_printf (C_("is not the … of its month", "second %s"), weekday);
    case 3:
      /* Translators: %s is a weekday, as in "… is not the third Saturday of its month." */
      return g_strdup_printf (C_("is not the … of its month", "third %s"), weekday);
    case 4:
      /* Translators: %s is a weekday, as in "… is not the fourth Saturday of its month." */
      return g_strdup_printf (C_("is not the … of its month", "fourth %s"), weekday);
    case -1:
      /* Translators: %s is a weekday, as in "… is not the last Friday of its month." */
      return g_strdup_printf (C_("is not the … of its month", "last %s"), weekday);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "first Saturday", as in "Every month on the first Saturday". */
static char *
dup_week_of_month_phrase (int   week_of_month,
                          guint iso_weekday)
{
  g_autofree char *weekday = dup_weekday_name (iso_weekday, FALSE);

  switch (week_of_month)
    {
    case 1:
      /* Translators: %s is a weekday, as in "Every month on the first Saturday" */
      return g_strdup_printf (C_("every month on the …", "first %s"), weekday);
    case 2:
      /* Translators: %s is a weekday, as in "Every month on the second Saturday" */
      return g_strdup_printf (C_("every month on the …", "second %s"), weekday);
    case 3:
      /* Translators: %s is a weekday, as in "Every month on the third Saturday" */
      return g_strdup_printf (C_("every month on the …", "third %s"), weekday);
    case 4:
      /* Translators: %s is a weekday, as in "Every month on the fourth Saturday" */
      return g_strdup_printf (C_("every month on the …", "fourth %s"), weekday);
    case -1:
      /* Translators: %s is a weekday, as in "Every month on the last Friday" */
      return g_strdup_printf (C_("every month on the …", "last %s"), weekday);
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
is_week_of_month (GDateTime *date,
                  int        week_of_month)
{
  GDateYear year = g_date_time_get_year (date);
  GDateMonth month = g_date_time_get_month (date);
  int day = g_date_time_get_day_of_month (date);

  if (week_of_month == -1)
    return day + 7 > g_date_get_days_in_month (month, year);

  return (day - 1) / 7 + 1 == week_of_month;
}

/* Checks a series before it is saved. Every message says what to change. */
gboolean
treff_recurrence_validate (const TreffRecurrence  *self,
                           GDateTime              *first_start,
                           GError                **error)
{
  GDate first_day;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->repeat == TREFF_REPEAT_NONE)
    return TRUE;

  g_return_val_if_fail (first_start != NULL, FALSE);
  g_return_val_if_fail (self->repeat <= TREFF_REPEAT_MONTHLY_BY_WEEKDAY, FALSE);

  if (self->interval < 1 || self->interval > TREFF_RECURRENCE_MAX_INTERVAL)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("A series cannot repeat with an interval of %u: choose a number from 1 to %d."),
                   self->interval, TREFF_RECURRENCE_MAX_INTERVAL);
      return FALSE;
    }

  if (self->repeat == TREFF_REPEAT_WEEKLY)
    {
      guint first_weekday = g_date_time_get_day_of_week (first_start);

      if ((self->weekdays & ALL_WEEKDAYS) == 0)
        {
          g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                               _("Choose at least one weekday on which the series repeats."));
          return FALSE;
        }

      if ((self->weekdays & TREFF_WEEKDAY_BIT (first_weekday)) == 0)
        {
          g_autofree char *weekday = dup_weekday_name (first_weekday, FALSE);
          g_autofree char *weekdays = dup_weekday_list (self->weekdays, FALSE);

          g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                       _("The first date is a %s, but the series repeats on %s. "
                         "Choose a first date on one of those days."),
                       weekday, weekdays);
          return FALSE;
        }
    }

  if (self->repeat == TREFF_REPEAT_MONTHLY_BY_WEEKDAY)
    {
      if (!is_valid_week_of_month (self->week_of_month))
        {
          g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                               _("Choose on which weekday of the month the series repeats: "
                                 "the first to the fourth, or the last."));
          return FALSE;
        }

      if (!is_week_of_month (first_start, self->week_of_month))
        {
          g_autofree char *date = treff_format_date (first_start);
          g_autofree char *subject =
            dup_week_of_month_subject (self->week_of_month,
                                       g_date_time_get_day_of_week (first_start));

          g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                       _("The first date, %s, is not the %s of its month. "
                         "Choose a first date that is, or another week of the month."),
                       date, subject);
          return FALSE;
        }
    }

  if (self->count > 0)
    {
      if (self->count > TREFF_RECURRENCE_MAX_COUNT)
        {
          g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                       _("A series can have at most %d dates, not %u: "
                         "choose fewer dates or an end date."),
                       TREFF_RECURRENCE_MAX_COUNT, self->count);
          return FALSE;
        }

      return TRUE;
    }

  if (!g_date_valid (&self->until))
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Choose when the series ends: after a number of dates, or on a last date."));
      return FALSE;
    }

  treff_date_from_date_time (&first_day, first_start);

  if (g_date_compare (&self->until, &first_day) < 0)
    {
      g_autofree char *until = treff_format_day (&self->until);
      g_autofree char *first = treff_format_day (&first_day);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("The series would end on %s, before its first date, %s. "
                     "Choose a later end."),
                   until, first);
      return FALSE;
    }

  g_date_add_years (&first_day, TREFF_RECURRENCE_MAX_YEARS);
  if (g_date_compare (&self->until, &first_day) > 0)
    {
      g_autofree char *latest = treff_format_day (&first_day);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A series can run for at most %d year: choose an end on or before %s.",
                                "A series can run for at most %d years: choose an end on or before %s.",
                                TREFF_RECURRENCE_MAX_YEARS),
                   TREFF_RECURRENCE_MAX_YEARS, latest);
      return FALSE;
    }

  return TRUE;
}

static gint64
offset_at (GTimeZone *zone,
           gint64     unix_time)
{
  return g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, unix_time));
}

/* The wall-clock time as RFC 5545 (3.3.5) reads it, which is how the
 * calendars that subscribe to a feed read it: a time that happens twice
 * when the clocks go back is the first of the two (02:30 CEST); a time
 * skipped when they go forward takes the offset from before the gap, so
 * 02:30 becomes 03:30 CEST. GLib's own choice differs in both cases. */
GDateTime *
treff_recurrence_new_date_time (GTimeZone *zone,
                                int        year,
                                int        month,
                                int        day,
                                int        hour,
                                int        minute,
                                int        second)
{
  g_autoptr(GDateTime) naive = NULL;
  g_autoptr(GDateTime) instant = NULL;
  gint64 wall, offset_before, offset_after, candidate;

  g_return_val_if_fail (zone != NULL, NULL);

  naive = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (naive == NULL)
    return NULL;

  wall = g_date_time_to_unix (naive);
  offset_before = offset_at (zone, wall - 2 * G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND);
  offset_after = offset_at (zone, wall + 2 * G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND);

  /* Both offsets fit at an ambiguous time, neither in a gap. */
  candidate = wall - offset_before;
  if (offset_at (zone, candidate) != offset_before)
    {
      gint64 later = wall - offset_after;

      if (offset_at (zone, later) == offset_after)
        candidate = later;
    }
  else if (offset_after != offset_before &&
           offset_at (zone, wall - offset_after) == offset_after)
    {
      candidate = MIN (candidate, wall - offset_after);
    }

  instant = g_date_time_new_from_unix_utc (candidate);
  return g_date_time_to_timezone (instant, zone);
}

/* Every start of the series, in @first_start's time zone at
 * @first_start's wall-clock time. Rules without an end are cut off after
 * TREFF_RECURRENCE_MAX_YEARS years or TREFF_RECURRENCE_MAX_DATES dates. */
GPtrArray *
treff_recurrence_expand (const char  *rrule,
                         GDateTime   *first_start,
                         GError     **error)
{
  g_autoptr(GPtrArray) starts = NULL;
  struct icalrecurrencetype rule;
  struct icaltimetype dtstart;
  struct icaltimetype next;
  icalrecur_iterator *iterator;
  GTimeZone *zone;
  GDate last_day;

  g_return_val_if_fail (rrule != NULL, NULL);
  g_return_val_if_fail (first_start != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_rule (rrule, &rule, error))
    return NULL;

  zone = g_date_time_get_timezone (first_start);

  dtstart = icaltime_null_time ();
  dtstart.year = g_date_time_get_year (first_start);
  dtstart.month = g_date_time_get_month (first_start);
  dtstart.day = g_date_time_get_day_of_month (first_start);
  dtstart.hour = g_date_time_get_hour (first_start);
  dtstart.minute = g_date_time_get_minute (first_start);
  dtstart.second = g_date_time_get_second (first_start);
  dtstart.is_date = 0;

  iterator = icalrecur_iterator_new (rule, dtstart);
  if (iterator == NULL)
    {
      icalerror_clear_errno ();
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is not a repetition rule Treffpunkt can read."),
                   rrule);
      return NULL;
    }

  treff_date_from_date_time (&last_day, first_start);
  g_date_add_years (&last_day, TREFF_RECURRENCE_MAX_YEARS);

  starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  while (starts->len < TREFF_RECURRENCE_MAX_DATES)
    {
      GDate day;

      next = icalrecur_iterator_next (iterator);
      if (icaltime_is_null_time (next))
        break;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, next.day, next.month, next.year);
      if (g_date_compare (&day, &last_day) > 0)
        break;

      g_ptr_array_add (starts,
                       treff_recurrence_new_date_time (zone, next.year, next.month, next.day,
                                                       next.hour, next.minute, next.second));
    }
  icalrecur_iterator_free (iterator);

  return g_steal_pointer (&starts);
}

/* "Every 2 weeks on Tue and Thu", without the end. */
static char *
dup_repetition (const TreffRecurrence *self,
                GDateTime             *first_start)
{
  guint n = MAX (self->interval, 1);

  switch (self->repeat)
    {
    case TREFF_REPEAT_DAILY:
      if (n == 1)
        return g_strdup (_("Every day"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day", "Every %u days", n), n);

    case TREFF_REPEAT_WEEKLY:
      {
        g_autofree char *weekdays = dup_weekday_list (self->weekdays, TRUE);

        if (*weekdays == '\0')
          {
            if (n == 1)
              return g_strdup (_("Every week"));
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u week", "Every %u weeks", n), n);
          }

        if (n == 1)
          /* Translators: %s is a list of weekdays, "Every week on Tue and Thu" */
          return g_strdup_printf (_("Every week on %s"), weekdays);
        /* Translators: "Every 2 weeks on Tue and Thu" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Every %u week on %s", "Every %u weeks on %s", n),
                                n, weekdays);
      }

    case TREFF_REPEAT_MONTHLY_BY_DATE:
      {
        guint day;

        g_return_val_if_fail (first_start != NULL, NULL);
        day = g_date_time_get_day_of_month (first_start);
        if (n == 1)
          /* Translators: "Every month on day 15" */
          return g_strdup_printf (_("Every month on day %u"), day);
        /* Translators: "Every 3 months on day 15" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Every %u month on day %u", "Every %u months on day %u", n),
                                n, day);
      }

    case TREFF_REPEAT_MONTHLY_BY_WEEKDAY:
      {
        g_autofree char *phrase = NULL;

        g_return_val_if_fail (first_start != NULL, NULL);
        g_return_val_if_fail (is_valid_week_of_month (self->week_of_month), NULL);
        phrase = dup_week_of_month_phrase (self->week_of_month,
                                           g_date_time_get_day_of_week (first_start));
        if (n == 1)
          /* Translators: %s is "first Saturday" and the like */
          return g_strdup_printf (_("Every month on the %s"), phrase);
        /* Translators: "Every 2 months on the first Saturday" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Every %u month on the %s", "Every %u months on the %s", n),
                                n, phrase);
      }

    case TREFF_REPEAT_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The series as a sentence for the editor and the booking details:
 * "Every week on Tue and Thu, until Thu, 12/31/2026". */
char *
treff_recurrence_describe (const TreffRecurrence *self,
                           GDateTime             *first_start)
{
  g_autofree char *repetition = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->repeat == TREFF_REPEAT_NONE)
    return g_strdup (_("Does not repeat"));

  repetition = dup_repetition (self, first_start);
  if (repetition == NULL)
    return NULL;

  if (self->count > 0)
    {
      end = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times", self->count),
                             self->count);
    }
  else if (g_date_valid (&self->until))
    {
      g_autofree char *until = treff_format_day (&self->until);

      /* Translators: the end of a series, "until Thu, 12/31/2026" */
      end = g_strdup_printf (_("until %s"), until);
    }
  else
    {
      return g_steal_pointer (&repetition);
    }

  /* Translators: how a series repeats and when it ends,
   * "Every week on Tue and Thu, until Thu, 12/31/2026" */
  return g_strdup_printf (C_("series description", "%s, %s"), repetition, end);
}
