/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-closures.c — closure periods, school holidays and the centre's time zone */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "treff-error.h"
#include "treff-store-private.h"

static char *
format_day (const GDate *day)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  return g_strdup (text);
}

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  int year, month, date;

  g_date_clear (day, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &date) != 3 ||
      !g_date_valid_dmy (date, month, year))
    return FALSE;

  g_date_set_dmy (day, date, month, year);
  return TRUE;
}

/**
 * treff_store_list_closures:
 *
 * Returns: (transfer full) (element-type TreffClosure): closures and
 *   school holidays that overlap the days from @first_day to @last_day
 */
GPtrArray *
treff_store_list_closures (TreffStore   *self,
                           const GDate  *first_day,
                           const GDate  *last_day,
                           GError      **error)
{
  g_autoptr(GPtrArray) closures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);
  g_return_val_if_fail (g_date_valid (first_day) && g_date_valid (last_day), NULL);

  stmt = treff_store_prepare (self,
                              "SELECT id, kind, title, first_day, last_day FROM closures "
                              "WHERE last_day >= ?1 AND first_day <= ?2 ORDER BY first_day;",
                              error);
  if (stmt == NULL)
    return NULL;

  first = format_day (first_day);
  last = format_day (last_day);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate from, to;
      TreffClosure *closure;

      if (!parse_day ((const char *)sqlite3_column_text (stmt, 3), &from) ||
          !parse_day ((const char *)sqlite3_column_text (stmt, 4), &to))
        continue;

      closure = treff_closure_new (sqlite3_column_int (stmt, 1),
                                   (const char *)sqlite3_column_text (stmt, 2),
                                   &from, &to);
      treff_closure_set_id (closure, sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (closures, closure);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&closures);
}

/* The stored dates of a booking in short, to tell whether storing them
 * anew changed any. */
static char *
dup_dates_fingerprint (TreffStore  *self,
                       gint64       id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  char *fingerprint = NULL;
  int rc;

  stmt = treff_store_prepare (self,
                              "SELECT count(*) || ':' || total (start_utc) || ':' || total (end_utc) "
                              "FROM occurrences WHERE booking_id = ?1;",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    fingerprint = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    treff_sqlite_set_error (self->db, rc, error);

  return fingerprint;
}

/* Subscribed calendars keep an event whose SEQUENCE did not grow. */
static gboolean
mark_booking_changed (TreffStore  *self,
                      gint64       id,
                      GError     **error)
{
  return treff_store_exec_with_id (self,
                                   "UPDATE bookings SET sequence = sequence + 1, "
                                   "modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1;",
                                   id, error);
}

static GHashTable *
load_stored_starts (TreffStore  *self,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(GHashTable) starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self, "SELECT original_start FROM occurrences WHERE booking_id = ?1;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (starts, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&starts);
}

/* Dates that come back when school holidays are removed may find their
 * room given to someone else meanwhile: those stay out, as cancelled
 * dates, instead of double-booking the room. */
static gboolean
cancel_returning_conflicts (TreffStore    *self,
                            TreffBooking  *booking,
                            GHashTable    *exceptions,
                            GError       **error)
{
  gint64 id = treff_booking_get_id (booking);
  g_autoptr(GHashTable) stored = load_stored_starts (self, id, error);
  g_autoptr(GPtrArray) dates = NULL;
  gboolean cancelled_any = FALSE;

  if (stored == NULL)
    return FALSE;

  dates = treff_store_expand_booking (self, booking, exceptions, error);
  if (dates == NULL)
    return FALSE;

  for (guint i = 0; i < dates->len; i++)
    {
      TreffDate *date = g_ptr_array_index (dates, i);
      g_autofree char *key = treff_store_format_local (date->original_start);
      g_autofree char *detail = NULL;
      TreffDateState state;

      if (date->paused || date->cancelled || g_hash_table_contains (stored, key))
        continue;

      if (!treff_store_find_date_problem (self, booking, date, id, key, key, &state, &detail, error))
        return FALSE;
      if (state != TREFF_DATE_STATE_CONFLICT)
        continue;

      treff_exceptions_ensure (exceptions, key)->cancelled = TRUE;
      cancelled_any = TRUE;
    }

  return !cancelled_any || treff_store_write_exceptions (self, id, exceptions, error);
}

/* Series that pause in school holidays depend on them: store their dates anew. */
static gboolean
rewrite_pausing_series (TreffStore  *self,
                        gboolean     all_bookings,
                        GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self,
                              "SELECT id FROM bookings WHERE pause_in_school_holidays = 1 OR ?1;",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, all_bookings);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(TreffBooking) booking = treff_store_get_booking (self, id, error);
      g_autoptr(GHashTable) exceptions = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (booking == NULL)
        return FALSE;

      exceptions = treff_store_load_exceptions (self, id, error);
      if (exceptions == NULL ||
          !cancel_returning_conflicts (self, booking, exceptions, error) ||
          (before = dup_dates_fingerprint (self, id, error)) == NULL ||
          !treff_store_rewrite_dates (self, booking, exceptions, error) ||
          (after = dup_dates_fingerprint (self, id, error)) == NULL)
        return FALSE;

      if (!g_str_equal (before, after) && !mark_booking_changed (self, id, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  TreffStore   *store;
  TreffClosure *closure;
  gint64        id;
} ClosureChange;

static gboolean
add_closure_in_transaction (gpointer   user_data,
                            GError   **error)
{
  ClosureChange *change = user_data;
  TreffStore *self = change->store;
  g_autofree char *first = format_day (treff_closure_get_first_day (change->closure));
  g_autofree char *last = format_day (treff_closure_get_last_day (change->closure));
  sqlite3_stmt *stmt;

  if (!treff_closure_validate (change->closure, error))
    return FALSE;

  stmt = treff_store_prepare (self,
                              "INSERT INTO closures (kind, title, first_day, last_day) "
                              "VALUES (?1, ?2, ?3, ?4);",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, treff_closure_get_kind (change->closure));
  sqlite3_bind_text (stmt, 2, treff_closure_get_title (change->closure), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, last, -1, SQLITE_STATIC);
  if (!treff_store_step_done (self, stmt, error))
    return FALSE;

  treff_closure_set_id (change->closure, sqlite3_last_insert_rowid (self->db));
  treff_store_mark_changed (self, TREFF_STORE_TOPIC_CLOSURES);

  return treff_closure_get_kind (change->closure) != TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS ||
         rewrite_pausing_series (self, FALSE, error);
}

/**
 * treff_store_add_closure:
 *
 * Saves a closure or school-holiday period. Series that pause in school
 * holidays leave out their dates in new school holidays at once.
 */
gboolean
treff_store_add_closure (TreffStore    *self,
                         TreffClosure  *closure,
                         GError       **error)
{
  ClosureChange change = { self, closure, 0 };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (TREFF_IS_CLOSURE (closure), FALSE);

  return treff_store_run_transaction (self, add_closure_in_transaction, &change, error);
}

static gboolean
delete_closure_in_transaction (gpointer   user_data,
                               GError   **error)
{
  ClosureChange *change = user_data;
  TreffStore *self = change->store;
  TreffClosureKind kind = TREFF_CLOSURE_KIND_CLOSED;
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self, "DELETE FROM closures WHERE id = ?1 RETURNING kind;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    kind = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND,
                           _("The closure no longer exists; it may have been deleted."));
      return FALSE;
    }

  if (rc != SQLITE_ROW)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  treff_store_mark_changed (self, TREFF_STORE_TOPIC_CLOSURES);

  /* Only school holidays change the dates of a series. */
  return kind != TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS ||
         rewrite_pausing_series (self, FALSE, error);
}

gboolean
treff_store_delete_closure (TreffStore  *self,
                            gint64       id,
                            GError     **error)
{
  ClosureChange change = { self, NULL, id };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);

  return treff_store_run_transaction (self, delete_closure_in_transaction, &change, error);
}

typedef struct
{
  TreffStore *store;
  const char *identifier;
} TimeZoneChange;

static gboolean
set_time_zone_in_transaction (gpointer   user_data,
                              GError   **error)
{
  TimeZoneChange *change = user_data;
  TreffStore *self = change->store;
  const char *identifier = change->identifier;
  sqlite3_stmt *stmt;

  stmt = treff_store_prepare (self,
                              "INSERT OR REPLACE INTO meta (key, value) VALUES ('time-zone', ?1);",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, identifier, -1, SQLITE_STATIC);
  if (!treff_store_step_done (self, stmt, error) ||
      !treff_store_load_time_zone (self, error))
    return FALSE;

  /* Local times keep their wall-clock meaning; their UTC instants change. */
  return rewrite_pausing_series (self, TRUE, error);
}

/**
 * treff_store_set_time_zone:
 * @identifier: an IANA zone such as "Europe/Berlin"
 *
 * Every stored local time keeps its wall-clock meaning in the new zone.
 */
gboolean
treff_store_set_time_zone (TreffStore  *self,
                           const char  *identifier,
                           GError     **error)
{
  TimeZoneChange change = { self, identifier };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (identifier != NULL, FALSE);

  if (!treff_store_check_time_zone_name (identifier, error))
    return FALSE;

  if (g_strcmp0 (g_time_zone_get_identifier (self->time_zone), identifier) == 0)
    return TRUE;

  if (!treff_store_run_transaction (self, set_time_zone_in_transaction, &change, error))
    {
      treff_store_load_time_zone (self, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * treff_store_check_time_zone_name:
 *
 * Fails with a sentence for the user unless @identifier names a zone this
 * system knows (GLib would fall back to UTC silently).
 */
gboolean
treff_store_check_time_zone_name (const char  *identifier,
                                  GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (identifier != NULL && *identifier != '\0')
    zone = g_time_zone_new_identifier (identifier);

  if (zone == NULL)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is not a known time zone. Use a name like “Europe/Berlin”."),
                   identifier ? identifier : "");
      return FALSE;
    }

  return TRUE;
}
