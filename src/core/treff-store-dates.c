/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-dates.c — the dates of a booking: expansion, exceptions, conflicts and closures */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "treff-error.h"
#include "treff-format.h"
#include "treff-holidays.h"
#include "treff-store-private.h"
#include "treff-util.h"

/* Setup and clean-up buffers are at most this long (see treff_booking_validate). */
#define MAX_BUFFER_SECONDS (240 * 60)

gboolean
treff_store_load_time_zone (TreffStore  *self,
                            GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self, "SELECT value FROM meta WHERE key = 'time-zone';", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    zone = g_time_zone_new_identifier ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = zone ? g_steal_pointer (&zone) : g_time_zone_new_identifier ("Europe/Berlin");
  if (self->time_zone == NULL)
    self->time_zone = g_time_zone_new_utc ();

  return TRUE;
}

/**
 * treff_store_get_time_zone:
 *
 * Returns: (transfer none): the zone every local time of the centre is in
 */
GTimeZone *
treff_store_get_time_zone (TreffStore *self)
{
  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);

  return self->time_zone;
}

/* Wall-clock text: what the user typed, independent of DST. */
char *
treff_store_format_local (GDateTime *date_time)
{
  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S");
}

GDateTime *
treff_store_parse_local (TreffStore *self,
                         const char *text)
{
  int year, month, day, hour, minute, second;

  if (text == NULL ||
      sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second) != 6)
    return NULL;

  return g_date_time_new (self->time_zone, year, month, day, hour, minute, second);
}

void
treff_exception_free (TreffException *exception)
{
  g_free (exception->starts);
  g_free (exception->ends);
  g_free (exception->title);
  g_free (exception);
}

GHashTable *
treff_exceptions_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify)treff_exception_free);
}

/* The change of the date at @original_start (local text), added empty
 * when the date has none yet. */
TreffException *
treff_exceptions_ensure (GHashTable *exceptions,
                         const char *original_start)
{
  TreffException *exception = g_hash_table_lookup (exceptions, original_start);

  if (exception == NULL)
    {
      exception = g_new0 (TreffException, 1);
      g_hash_table_insert (exceptions, g_strdup (original_start), exception);
    }

  return exception;
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/**
 * treff_store_load_exceptions:
 *
 * Returns: (transfer full): original start text → #TreffException
 */
GHashTable *
treff_store_load_exceptions (TreffStore  *self,
                             gint64       booking_id,
                             GError     **error)
{
  g_autoptr(GHashTable) exceptions = treff_exceptions_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self,
                              "SELECT original_start, cancelled, starts, ends, room_id, title "
                              "FROM booking_exceptions WHERE booking_id = ?1;",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, booking_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TreffException *exception = g_new0 (TreffException, 1);

      exception->cancelled = sqlite3_column_int (stmt, 1);
      exception->starts = dup_column_text (stmt, 2);
      exception->ends = dup_column_text (stmt, 3);
      exception->room_id = sqlite3_column_int64 (stmt, 4);
      exception->title = dup_column_text (stmt, 5);
      g_hash_table_insert (exceptions, dup_column_text (stmt, 0), exception);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&exceptions);
}

static void
treff_date_free (TreffDate *date)
{
  g_clear_pointer (&date->original_start, g_date_time_unref);
  g_clear_pointer (&date->start, g_date_time_unref);
  g_clear_pointer (&date->end, g_date_time_unref);
  g_free (date->title);
  g_free (date);
}

/* The end of a date that starts at @start, keeping the booking's length:
 * whole days for all-day bookings, the same minutes otherwise. */
static GDateTime *
end_for_start (TreffBooking *booking,
               GDateTime    *start)
{
  GDateTime *first_start = treff_booking_get_start (booking);
  GDateTime *first_end = treff_booking_get_end (booking);

  if (treff_booking_get_all_day (booking))
    {
      GDate a, b;

      treff_date_from_date_time (&a, first_start);
      treff_date_from_date_time (&b, first_end);
      return g_date_time_add_days (start, g_date_days_between (&a, &b));
    }

  return g_date_time_add (start, g_date_time_difference (first_end, first_start));
}

static gboolean
falls_into (GPtrArray *closures,
            GDateTime *start)
{
  GDate day;

  treff_date_from_date_time (&day, start);
  for (guint i = 0; closures != NULL && i < closures->len; i++)
    {
      if (treff_closure_contains (g_ptr_array_index (closures, i), &day))
        return TRUE;
    }

  return FALSE;
}

/* School holidays that a pausing series has to skip. */
static GPtrArray *
load_school_holidays (TreffStore  *self,
                      GPtrArray   *starts,
                      GError     **error)
{
  g_autoptr(GPtrArray) closures = NULL;
  GPtrArray *school_holidays;
  GDate first, last;

  if (starts->len == 0)
    return g_ptr_array_new ();

  treff_date_from_date_time (&first, g_ptr_array_index (starts, 0));
  treff_date_from_date_time (&last, g_ptr_array_index (starts, starts->len - 1));
  closures = treff_store_list_closures (self, &first, &last, error);
  if (closures == NULL)
    return NULL;

  school_holidays = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < closures->len; i++)
    {
      TreffClosure *closure = g_ptr_array_index (closures, i);

      if (treff_closure_get_kind (closure) == TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS)
        g_ptr_array_add (school_holidays, g_object_ref (closure));
    }

  return school_holidays;
}

/**
 * treff_store_expand_booking:
 * @exceptions: (nullable): the per-date changes to apply
 *
 * Returns: (transfer full) (element-type TreffDate): every date of the
 *   booking, with its exceptions applied, in series order
 */
GPtrArray *
treff_store_expand_booking (TreffStore    *self,
                            TreffBooking  *booking,
                            GHashTable    *exceptions,
                            GError       **error)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func ((GDestroyNotify)treff_date_free);
  g_autoptr(GPtrArray) school_holidays = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  gboolean booking_cancelled;

  g_assert (TREFF_IS_STORE (self));
  g_assert (TREFF_IS_BOOKING (booking));

  if (treff_booking_is_series (booking))
    {
      g_autofree char *rrule = treff_recurrence_to_rrule (treff_booking_get_recurrence (booking),
                                                          treff_booking_get_start (booking));

      starts = treff_recurrence_expand (rrule, treff_booking_get_start (booking), error);
      if (starts == NULL)
        return NULL;
    }
  else
    {
      starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
      g_ptr_array_add (starts, g_date_time_ref (treff_booking_get_start (booking)));
    }

  if (treff_booking_get_pause_in_school_holidays (booking))
    {
      school_holidays = load_school_holidays (self, starts, error);
      if (school_holidays == NULL)
        return NULL;
    }

  booking_cancelled = treff_booking_get_status (booking) == TREFF_BOOKING_STATUS_CANCELLED;
  for (guint i = 0; i < starts->len; i++)
    {
      GDateTime *start = g_ptr_array_index (starts, i);
      g_autofree char *key = treff_store_format_local (start);
      TreffException *exception = exceptions ? g_hash_table_lookup (exceptions, key) : NULL;
      TreffDate *date = g_new0 (TreffDate, 1);

      date->original_start = g_date_time_ref (start);
      date->start = g_date_time_ref (start);
      date->end = end_for_start (booking, start);
      date->room_id = treff_booking_get_room_id (booking);
      date->cancelled = booking_cancelled;
      date->paused = falls_into (school_holidays, start);

      if (exception != NULL)
        {
          g_autoptr(GDateTime) moved_start = treff_store_parse_local (self, exception->starts);
          g_autoptr(GDateTime) moved_end = treff_store_parse_local (self, exception->ends);

          date->cancelled |= exception->cancelled;
          if (moved_start != NULL && moved_end != NULL)
            {
              g_date_time_unref (date->start);
              g_date_time_unref (date->end);
              date->start = g_steal_pointer (&moved_start);
              date->end = g_steal_pointer (&moved_end);
            }
          if (exception->room_id > 0)
            date->room_id = exception->room_id;
          date->title = g_strdup (exception->title);
        }

      g_ptr_array_add (dates, date);
    }

  return g_steal_pointer (&dates);
}

static gboolean
find_conflict (TreffStore  *self,
               TreffDate   *date,
               gint64       block_start,
               gint64       block_end,
               gint64       exclude_booking_id,
               const char  *exclude_from,
               const char  *exclude_to,
               char       **detail,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Dates last at most TREFF_BOOKING_MAX_DAYS on the wall clock (an hour
   * more over the end of summer time), so every overlapping date starts
   * within a day more than that before ours: a range on the index. */
  stmt = treff_store_prepare (self,
                              "SELECT b.title, o.start_utc, o.end_utc, r.name "
                              "FROM occurrences o "
                              "JOIN bookings b ON b.id = o.booking_id "
                              "JOIN rooms r ON r.id = o.room_id "
                              "WHERE o.room_id = ?1 AND o.block_start_utc < ?2 "
                              "AND o.block_start_utc > ?3 AND o.block_end_utc > ?4 "
                              "AND o.cancelled = 0 "
                              "AND NOT (o.booking_id = ?5 AND o.original_start BETWEEN ?6 AND ?7) "
                              "ORDER BY o.block_start_utc LIMIT 1;",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, date->room_id);
  sqlite3_bind_int64 (stmt, 2, block_end);
  sqlite3_bind_int64 (stmt, 3, block_start - (gint64)(TREFF_BOOKING_MAX_DAYS + 1) * 86400 - 2 * MAX_BUFFER_SECONDS);
  sqlite3_bind_int64 (stmt, 4, block_start);
  sqlite3_bind_int64 (stmt, 5, exclude_booking_id);
  sqlite3_bind_text (stmt, 6, exclude_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, exclude_to, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 1));
      g_autoptr(GDateTime) end_utc = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 2));
      g_autoptr(GDateTime) start = g_date_time_to_timezone (start_utc, self->time_zone);
      g_autoptr(GDateTime) end = g_date_time_to_timezone (end_utc, self->time_zone);
      g_autofree char *when = treff_format_date_time_range (start, end);

      /* Translators: "Gruppenraum is already booked on Sat, 12/5/2026 14:00–17:00 by Repair-Café." */
      *detail = g_strdup_printf (_("%s is already booked on %s by %s."),
                                 (const char *)sqlite3_column_text (stmt, 3),
                                 when,
                                 (const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* "Mon, 12/28/2026" for the problem sentences. */
static char *
dup_day_text (TreffStore  *self,
              const GDate *day)
{
  g_autoptr(GDateTime) noon = g_date_time_new (self->time_zone, g_date_get_year (day),
                                               g_date_get_month (day), g_date_get_day (day),
                                               12, 0, 0);

  return treff_format_date (noon);
}

/* A public holiday or closure on any day the date touches. */
static gboolean
find_closed_day (TreffStore      *self,
                 TreffDate       *date,
                 TreffDateState  *state,
                 char           **detail,
                 GError         **error)
{
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(GDateTime) last_moment = g_date_time_add_seconds (date->end, -1);
  GDate first, last;

  treff_date_from_date_time (&first, date->start);
  treff_date_from_date_time (&last, last_moment);
  if (g_date_compare (&last, &first) < 0)
    last = first;

  closures = treff_store_list_closures (self, &first, &last, error);
  if (closures == NULL)
    return FALSE;

  for (GDate day = first; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      const char *holiday = treff_holidays_nrw_name (&day);

      for (guint i = 0; i < closures->len; i++)
        {
          TreffClosure *closure = g_ptr_array_index (closures, i);

          if (treff_closure_get_kind (closure) == TREFF_CLOSURE_KIND_CLOSED &&
              treff_closure_contains (closure, &day))
            {
              g_autofree char *day_text = dup_day_text (self, &day);

              *state = TREFF_DATE_STATE_CLOSURE;
              /* Translators: "Mon, 12/28/2026: the centre is closed (Winter closure)." */
              *detail = g_strdup_printf (_("%s: the centre is closed (%s)."),
                                         day_text, treff_closure_get_title (closure));
              return TRUE;
            }
        }

      if (holiday != NULL)
        {
          g_autofree char *day_text = dup_day_text (self, &day);

          *state = TREFF_DATE_STATE_PUBLIC_HOLIDAY;
          /* Translators: "Fri, 12/25/2026 is a public holiday (Christmas Day)." */
          *detail = g_strdup_printf (_("%s is a public holiday (%s)."), day_text, holiday);
          return TRUE;
        }
    }

  return TRUE;
}

/**
 * treff_store_find_date_problem:
 * @exclude_booking_id: dates of this booking between @exclude_from and
 *   @exclude_to (original starts, local text) are being replaced and do
 *   not count as conflicts
 * @state: (out): %TREFF_DATE_STATE_FREE or what is wrong with the date
 * @detail: (out) (transfer full): a sentence saying what, or %NULL
 */
gboolean
treff_store_find_date_problem (TreffStore      *self,
                               TreffBooking    *booking,
                               TreffDate       *date,
                               gint64           exclude_booking_id,
                               const char      *exclude_from,
                               const char      *exclude_to,
                               TreffDateState  *state,
                               char           **detail,
                               GError         **error)
{
  gint64 block_start, block_end;

  *state = TREFF_DATE_STATE_FREE;
  *detail = NULL;

  if (date->paused)
    {
      *state = TREFF_DATE_STATE_SCHOOL_HOLIDAY;
      *detail = g_strdup (_("School holidays: the series pauses."));
      return TRUE;
    }

  /* Cancelled dates block nothing and are blocked by nothing. */
  if (date->cancelled)
    return TRUE;

  if (!treff_booking_get_override_closures (booking) &&
      !find_closed_day (self, date, state, detail, error))
    return FALSE;
  if (*state != TREFF_DATE_STATE_FREE)
    return TRUE;

  block_start = g_date_time_to_unix (date->start) - 60 * (gint64)treff_booking_get_setup_minutes (booking);
  block_end = g_date_time_to_unix (date->end) + 60 * (gint64)treff_booking_get_cleanup_minutes (booking);
  if (!find_conflict (self, date, block_start, block_end,
                      exclude_booking_id, exclude_from, exclude_to, detail, error))
    return FALSE;

  if (*detail != NULL)
    *state = TREFF_DATE_STATE_CONFLICT;

  return TRUE;
}
