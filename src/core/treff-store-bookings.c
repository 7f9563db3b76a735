/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-bookings.c — bookings, their series and per-date changes in the database */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-error.h"
#include "treff-format.h"
#include "treff-store-private.h"
#include "treff-util.h"

void
treff_date_preview_free (TreffDatePreview *preview)
{
  g_clear_pointer (&preview->start, g_date_time_unref);
  g_clear_pointer (&preview->end, g_date_time_unref);
  g_free (preview->detail);
  g_free (preview);
}

/* The booking of a row that starts with TREFF_STORE_BOOKING_COLUMNS. */
TreffBooking *
treff_store_booking_from_row (TreffStore   *self,
                              sqlite3_stmt *stmt)
{
  TreffBooking *booking = treff_booking_new ();
  g_autoptr(GDateTime) start = treff_store_parse_local (self, (const char *)sqlite3_column_text (stmt, 8));
  g_autoptr(GDateTime) end = treff_store_parse_local (self, (const char *)sqlite3_column_text (stmt, 9));
  const char *rrule = (const char *)sqlite3_column_text (stmt, 20);
  TreffRecurrence recurrence;

  treff_booking_set_id (booking, sqlite3_column_int64 (stmt, 0));
  treff_booking_set_room_id (booking, sqlite3_column_int64 (stmt, 1));
  treff_booking_set_title (booking, (const char *)sqlite3_column_text (stmt, 2));
  treff_booking_set_kind (booking, sqlite3_column_int (stmt, 3));
  treff_booking_set_status (booking, sqlite3_column_int (stmt, 4));
  treff_booking_set_organiser (booking, (const char *)sqlite3_column_text (stmt, 5));
  treff_booking_set_phone (booking, (const char *)sqlite3_column_text (stmt, 6));
  treff_booking_set_email (booking, (const char *)sqlite3_column_text (stmt, 7));
  treff_booking_set_times (booking, start, end);
  treff_booking_set_all_day (booking, sqlite3_column_int (stmt, 10));
  treff_booking_set_attendees (booking, sqlite3_column_int (stmt, 11));
  treff_booking_set_setup_minutes (booking, sqlite3_column_int (stmt, 12));
  treff_booking_set_cleanup_minutes (booking, sqlite3_column_int (stmt, 13));
  treff_booking_set_notes (booking, (const char *)sqlite3_column_text (stmt, 14));
  treff_booking_set_public (booking, sqlite3_column_int (stmt, 15));
  treff_booking_set_fee_cents (booking, sqlite3_column_int (stmt, 16));
  treff_booking_set_deposit_cents (booking, sqlite3_column_int (stmt, 17));
  treff_booking_set_key_handed_out (booking, sqlite3_column_int (stmt, 18));
  treff_booking_set_key_returned (booking, sqlite3_column_int (stmt, 19));
  if (rrule != NULL && *rrule != '\0' && treff_recurrence_from_rrule (&recurrence, rrule, NULL))
    treff_booking_set_recurrence (booking, &recurrence);
  treff_booking_set_pause_in_school_holidays (booking, sqlite3_column_int (stmt, 21));
  treff_booking_set_override_closures (booking, sqlite3_column_int (stmt, 22));
  treff_booking_set_owner (booking, (const char *)sqlite3_column_text (stmt, 23),
                           sqlite3_column_int64 (stmt, 24));
  treff_booking_set_sequence (booking, sqlite3_column_int (stmt, 25));

  return booking;
}

/**
 * treff_store_get_booking:
 *
 * Returns: (transfer full): the booking, or %NULL with %TREFF_ERROR_NOT_FOUND
 */
TreffBooking *
treff_store_get_booking (TreffStore  *self,
                         gint64       id,
                         GError     **error)
{
  TreffBooking *booking = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);

  stmt = treff_store_prepare (self,
                              "SELECT " TREFF_STORE_BOOKING_COLUMNS " FROM bookings b WHERE b.id = ?1;",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    booking = treff_store_booking_from_row (self, stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND,
                         _("The booking no longer exists; it may have been deleted."));
  else if (rc != SQLITE_ROW)
    treff_sqlite_set_error (self->db, rc, error);

  return booking;
}

/* Checks every date that will be stored; the first problem is the error. */
gboolean
treff_store_check_dates (TreffStore    *self,
                         TreffBooking  *booking,
                         GPtrArray     *dates,
                         gint64         exclude_booking_id,
                         const char    *exclude_from,
                         const char    *exclude_to,
                         GError       **error)
{
  for (guint i = 0; i < dates->len; i++)
    {
      TreffDate *date = g_ptr_array_index (dates, i);
      g_autofree char *detail = NULL;
      TreffDateState state;

      if (!treff_store_find_date_problem (self, booking, date, exclude_booking_id,
                                          exclude_from, exclude_to, &state, &detail, error))
        return FALSE;

      switch (state)
        {
        case TREFF_DATE_STATE_FREE:
        case TREFF_DATE_STATE_SCHOOL_HOLIDAY:
          break;
        case TREFF_DATE_STATE_CONFLICT:
          g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_CONFLICT, detail);
          return FALSE;
        case TREFF_DATE_STATE_PUBLIC_HOLIDAY:
        case TREFF_DATE_STATE_CLOSURE:
        default:
          g_set_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT,
                       _("%s Skip the date, or allow this booking on closure days."),
                       detail);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_occurrences (TreffStore    *self,
                   TreffBooking  *booking,
                   GPtrArray     *dates,
                   GError       **error)
{
  gint64 setup = 60 * (gint64)treff_booking_get_setup_minutes (booking);
  gint64 cleanup = 60 * (gint64)treff_booking_get_cleanup_minutes (booking);
  sqlite3_stmt *stmt;

  if (!treff_store_exec_with_id (self, "DELETE FROM occurrences WHERE booking_id = ?1;",
                                 treff_booking_get_id (booking), error))
    return FALSE;

  for (guint i = 0; i < dates->len; i++)
    {
      TreffDate *date = g_ptr_array_index (dates, i);
      g_autofree char *key = NULL;

      if (date->paused)
        continue;

      key = treff_store_format_local (date->original_start);
      stmt = treff_store_prepare (self,
                                  "INSERT INTO occurrences (booking_id, original_start, room_id, "
                                  "start_utc, end_utc, block_start_utc, block_end_utc, cancelled) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);",
                                  error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, treff_booking_get_id (booking));
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, date->room_id);
      sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (date->start));
      sqlite3_bind_int64 (stmt, 5, g_date_time_to_unix (date->end));
      sqlite3_bind_int64 (stmt, 6, g_date_time_to_unix (date->start) - setup);
      sqlite3_bind_int64 (stmt, 7, g_date_time_to_unix (date->end) + cleanup);
      sqlite3_bind_int (stmt, 8, date->cancelled);
      if (!treff_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_booking_values (sqlite3_stmt *stmt,
                     TreffBooking *booking,
                     const char   *starts,
                     const char   *ends,
                     const char   *rrule)
{
  sqlite3_bind_int64 (stmt, 1, treff_booking_get_id (booking));
  sqlite3_bind_int64 (stmt, 2, treff_booking_get_room_id (booking));
  sqlite3_bind_text (stmt, 3, treff_booking_get_title (booking), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, treff_booking_get_kind (booking));
  sqlite3_bind_int (stmt, 5, treff_booking_get_status (booking));
  sqlite3_bind_text (stmt, 6, treff_booking_get_organiser (booking), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, treff_booking_get_phone (booking), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, treff_booking_get_email (booking), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, starts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, ends, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, treff_booking_get_all_day (booking));
  sqlite3_bind_int (stmt, 12, treff_booking_get_attendees (booking));
  sqlite3_bind_int (stmt, 13, treff_booking_get_setup_minutes (booking));
  sqlite3_bind_int (stmt, 14, treff_booking_get_cleanup_minutes (booking));
  sqlite3_bind_text (stmt, 15, treff_booking_get_notes (booking), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 16, treff_booking_get_public (booking));
  sqlite3_bind_int (stmt, 17, treff_booking_get_fee_cents (booking));
  sqlite3_bind_int (stmt, 18, treff_booking_get_deposit_cents (booking));
  sqlite3_bind_int (stmt, 19, treff_booking_get_key_handed_out (booking));
  sqlite3_bind_int (stmt, 20, treff_booking_get_key_returned (booking));
  sqlite3_bind_text (stmt, 21, rrule ? rrule : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 22, treff_booking_get_pause_in_school_holidays (booking));
  sqlite3_bind_int (stmt, 23, treff_booking_get_override_closures (booking));
  sqlite3_bind_text (stmt, 24, treff_booking_get_owner_kind (booking), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 25, treff_booking_get_owner_id (booking));
  sqlite3_bind_int (stmt, 26, treff_booking_get_sequence (booking));
}

/* Writes the booking's row (inserting when its id is 0) and all its dates. */
static gboolean
write_booking (TreffStore    *self,
               TreffBooking  *booking,
               GHashTable    *exceptions,
               GError       **error)
{
  g_autofree char *starts = treff_store_format_local (treff_booking_get_start (booking));
  g_autofree char *ends = treff_store_format_local (treff_booking_get_end (booking));
  g_autofree char *rrule = treff_recurrence_to_rrule (treff_booking_get_recurrence (booking),
                                                      treff_booking_get_start (booking));
  gboolean insert = treff_booking_get_id (booking) == 0;
  sqlite3_stmt *stmt;

  if (insert)
    stmt = treff_store_prepare (self,
                                "INSERT INTO bookings (id, room_id, title, kind, status, organiser, phone, "
                                "email, starts, ends, all_day, attendees, setup_minutes, cleanup_minutes, "
                                "notes, public, fee_cents, deposit_cents, key_handed_out, key_returned, "
                                "rrule, pause_in_school_holidays, override_closures, owner_kind, owner_id, "
                                "sequence) VALUES (nullif (?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, "
                                "?25, ?26);",
                                error);
  else
    stmt = treff_store_prepare (self,
                                "UPDATE bookings SET room_id = ?2, title = ?3, kind = ?4, status = ?5, "
                                "organiser = ?6, phone = ?7, email = ?8, starts = ?9, ends = ?10, "
                                "all_day = ?11, attendees = ?12, setup_minutes = ?13, cleanup_minutes = ?14, "
                                "notes = ?15, public = ?16, fee_cents = ?17, deposit_cents = ?18, "
                                "key_handed_out = ?19, key_returned = ?20, rrule = ?21, "
                                "pause_in_school_holidays = ?22, override_closures = ?23, owner_kind = ?24, "
                                "owner_id = ?25, sequence = ?26, "
                                "modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_booking_values (stmt, booking, starts, ends, rrule);
  if (!treff_store_step_done (self, stmt, error))
    return FALSE;

  if (insert)
    treff_booking_set_id (booking, sqlite3_last_insert_rowid (self->db));

  return treff_store_rewrite_dates (self, booking, exceptions, error);
}

/* Stores every date of a saved booking anew, e.g. after school holidays
 * it pauses in were entered. */
gboolean
treff_store_rewrite_dates (TreffStore    *self,
                           TreffBooking  *booking,
                           GHashTable    *exceptions,
                           GError       **error)
{
  g_autoptr(GPtrArray) dates = treff_store_expand_booking (self, booking, exceptions, error);

  if (dates == NULL)
    return FALSE;

  treff_store_mark_changed (self, TREFF_STORE_TOPIC_BOOKINGS);
  return write_occurrences (self, booking, dates, error);
}

/* Replaces the per-date changes stored for the booking with @exceptions. */
gboolean
treff_store_write_exceptions (TreffStore    *self,
                              gint64         booking_id,
                              GHashTable    *exceptions,
                              GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;

  if (!treff_store_exec_with_id (self, "DELETE FROM booking_exceptions WHERE booking_id = ?1;",
                                 booking_id, error))
    return FALSE;

  g_hash_table_iter_init (&iter, exceptions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TreffException *exception = value;

      stmt = treff_store_prepare (self,
                                  "INSERT INTO booking_exceptions (booking_id, original_start, cancelled, "
                                  "starts, ends, room_id, title) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0), ?7);",
                                  error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, booking_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, exception->cancelled);
      sqlite3_bind_text (stmt, 4, exception->starts, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, exception->ends, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, exception->room_id);
      sqlite3_bind_text (stmt, 7, exception->title, -1, SQLITE_STATIC);
      if (!treff_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_for_store (TreffStore    *self,
                    TreffBooking  *booking,
                    GError       **error)
{
  return treff_booking_validate (booking, error) &&
         treff_store_check_room_bookable (self, treff_booking_get_room_id (booking), error);
}

typedef struct
{
  TreffStore   *store;
  TreffBooking *booking;
  GPtrArray    *skipped_starts;
} AddBooking;

static gboolean
add_booking_in_transaction (gpointer   user_data,
                            GError   **error)
{
  AddBooking *add = user_data;
  TreffStore *self = add->store;
  g_autoptr(GHashTable) exceptions = treff_exceptions_new ();
  g_autoptr(GPtrArray) dates = NULL;

  if (!validate_for_store (self, add->booking, error))
    return FALSE;

  /* Skipped dates become cancelled exceptions: they stay visible as such. */
  for (guint i = 0; add->skipped_starts != NULL && i < add->skipped_starts->len; i++)
    {
      TreffException *exception = g_new0 (TreffException, 1);

      exception->cancelled = TRUE;
      g_hash_table_insert (exceptions,
                           treff_store_format_local (g_ptr_array_index (add->skipped_starts, i)),
                           exception);
    }

  dates = treff_store_expand_booking (self, add->booking, exceptions, error);
  if (dates == NULL ||
      !treff_store_check_dates (self, add->booking, dates, 0,
                                TREFF_STORE_FIRST_POSSIBLE, TREFF_STORE_LAST_POSSIBLE, error))
    return FALSE;

  return write_booking (self, add->booking, exceptions, error) &&
         treff_store_write_exceptions (self, treff_booking_get_id (add->booking), exceptions, error);
}

/**
 * treff_store_add_booking:
 * @skipped_starts: (nullable) (element-type GDateTime): dates of the series
 *   to leave out (stored as cancelled dates), as chosen in the preview
 *
 * Saves a new booking with all its dates, or fails — naming the other
 * booking, closure or holiday — without saving anything.
 */
gboolean
treff_store_add_booking (TreffStore    *self,
                         TreffBooking  *booking,
                         GPtrArray     *skipped_starts,
                         GError       **error)
{
  AddBooking add = { self, booking, skipped_starts };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (TREFF_IS_BOOKING (booking), FALSE);
  g_return_val_if_fail (treff_booking_get_id (booking) == 0, FALSE);

  if (!treff_store_run_transaction (self, add_booking_in_transaction, &add, error))
    {
      treff_booking_set_id (booking, 0);
      return FALSE;
    }

  return TRUE;
}

/* Local wall-clock seconds, so that a shift of "one hour later" means the
 * same on both sides of a DST change. */
static gint64
wall_seconds (GDateTime *date_time)
{
  return g_date_time_to_unix (date_time) + g_date_time_get_utc_offset (date_time) / G_TIME_SPAN_SECOND;
}

static GDateTime *
shift_wall_clock (TreffStore *self,
                  GDateTime  *date_time,
                  gint64      seconds)
{
  g_autoptr(GDateTime) as_utc = NULL;

  if (seconds == 0)
    return g_date_time_ref (date_time);

  as_utc = g_date_time_new_from_unix_utc (wall_seconds (date_time) + seconds);
  return g_date_time_new (self->time_zone,
                          g_date_time_get_year (as_utc), g_date_time_get_month (as_utc),
                          g_date_time_get_day_of_month (as_utc), g_date_time_get_hour (as_utc),
                          g_date_time_get_minute (as_utc), g_date_time_get_second (as_utc));
}

/* Moves the keys of per-date changes along with a series whose dates all
 * moved by @seconds, so the changes stay with their dates. */
static GHashTable *
shift_exceptions (TreffStore *self,
                  GHashTable *exceptions,
                  gint64      seconds,
                  const char *from_key,
                  GHashTable *rest)
{
  GHashTable *shifted = treff_exceptions_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, exceptions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GDateTime) original = treff_store_parse_local (self, key);
      g_autoptr(GDateTime) moved = NULL;

      if (original == NULL)
        continue;

      /* Stealing frees neither key nor value: both change hands here. */
      if (from_key != NULL && strcmp (key, from_key) < 0)
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_insert (rest, key, value);
          continue;
        }

      moved = shift_wall_clock (self, original, seconds);
      g_hash_table_iter_steal (&iter);
      g_free (key);
      g_hash_table_insert (shifted, treff_store_format_local (moved), value);
    }

  return shifted;
}

/* The date that the series puts at @original_start, or %NULL. */
static TreffDate *
find_date (GPtrArray *dates,
           GDateTime *original_start)
{
  for (guint i = 0; i < dates->len; i++)
    {
      TreffDate *date = g_ptr_array_index (dates, i);

      if (g_date_time_equal (date->original_start, original_start))
        return date;
    }

  return NULL;
}

/* Checks one date of a stored series against everything but itself. */
static gboolean
check_series_date (TreffStore    *self,
                   TreffBooking  *saved,
                   TreffDate     *date,
                   const char    *key,
                   GError       **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, date);
  return treff_store_check_dates (self, saved, one, treff_booking_get_id (saved), key, key, error);
}

typedef struct
{
  TreffStore     *store;
  TreffBooking   *booking;
  TreffEditScope  scope;
  GDateTime      *original_start;
} UpdateBooking;

static gboolean
update_this_date (UpdateBooking  *update,
                  TreffBooking   *saved,
                  GHashTable     *exceptions,
                  GError        **error)
{
  TreffStore *self = update->store;
  TreffBooking *edited = update->booking;
  g_autofree char *key = treff_store_format_local (update->original_start);
  g_autoptr(GDateTime) series_end = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  TreffException *exception = treff_exceptions_ensure (exceptions, key);
  TreffDate *date;

  /* Only what differs from the series becomes part of the exception. */
  g_clear_pointer (&exception->starts, g_free);
  g_clear_pointer (&exception->ends, g_free);
  g_clear_pointer (&exception->title, g_free);
  series_end = g_date_time_add (update->original_start,
                                g_date_time_difference (treff_booking_get_end (saved),
                                                        treff_booking_get_start (saved)));
  if (!g_date_time_equal (treff_booking_get_start (edited), update->original_start) ||
      !g_date_time_equal (treff_booking_get_end (edited), series_end))
    {
      exception->starts = treff_store_format_local (treff_booking_get_start (edited));
      exception->ends = treff_store_format_local (treff_booking_get_end (edited));
    }
  exception->room_id = treff_booking_get_room_id (edited) != treff_booking_get_room_id (saved)
                       ? treff_booking_get_room_id (edited) : 0;
  if (g_strcmp0 (treff_booking_get_title (edited), treff_booking_get_title (saved)) != 0)
    exception->title = g_strdup (treff_booking_get_title (edited));

  dates = treff_store_expand_booking (self, saved, exceptions, error);
  if (dates == NULL)
    return FALSE;

  date = find_date (dates, update->original_start);
  if (date == NULL)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND,
                           _("This date is no longer part of the series; it may have been changed meanwhile."));
      return FALSE;
    }

  if (!check_series_date (self, saved, date, key, error))
    return FALSE;

  treff_booking_set_sequence (saved, treff_booking_get_sequence (saved) + 1);
  return write_booking (self, saved, exceptions, error) &&
         treff_store_write_exceptions (self, treff_booking_get_id (saved), exceptions, error);
}

static guint
count_dates_before (GPtrArray *dates,
                    GDateTime *original_start)
{
  guint n = 0;

  for (guint i = 0; i < dates->len; i++)
    {
      TreffDate *date = g_ptr_array_index (dates, i);

      if (g_date_time_compare (date->original_start, original_start) < 0)
        n++;
    }

  return n;
}

/* Splits the series: the saved booking ends the day before the edited
 * date, a new booking with the edited values carries on from it. */
static gboolean
update_this_and_following (UpdateBooking  *update,
                           TreffBooking   *saved,
                           GHashTable     *exceptions,
                           GError        **error)
{
  TreffStore *self = update->store;
  g_autoptr(TreffBooking) following = treff_booking_copy (update->booking);
  g_autoptr(GHashTable) earlier = treff_exceptions_new ();
  g_autoptr(GHashTable) later = NULL;
  g_autoptr(GPtrArray) all_dates = NULL;
  g_autoptr(GPtrArray) new_dates = NULL;
  g_autofree char *key = treff_store_format_local (update->original_start);
  g_autoptr(GDateTime) day_before = g_date_time_add_days (update->original_start, -1);
  TreffRecurrence saved_recurrence = *treff_booking_get_recurrence (saved);
  TreffRecurrence following_recurrence = *treff_booking_get_recurrence (following);
  guint n_before;
  gint64 shift;

  all_dates = treff_store_expand_booking (self, saved, NULL, error);
  if (all_dates == NULL)
    return FALSE;
  n_before = count_dates_before (all_dates, update->original_start);

  /* The new series keeps the old one's end; a count is what remains. */
  if (saved_recurrence.count > 0 && following_recurrence.count == saved_recurrence.count)
    following_recurrence.count = saved_recurrence.count - n_before;
  treff_booking_set_recurrence (following, &following_recurrence);
  treff_booking_set_id (following, 0);
  treff_booking_set_sequence (following, 0);

  saved_recurrence.count = 0;
  treff_date_from_date_time (&saved_recurrence.until, day_before);
  treff_booking_set_recurrence (saved, &saved_recurrence);
  treff_booking_set_sequence (saved, treff_booking_get_sequence (saved) + 1);

  shift = wall_seconds (treff_booking_get_start (following)) - wall_seconds (update->original_start);
  later = shift_exceptions (self, exceptions, shift, key, earlier);

  new_dates = treff_store_expand_booking (self, following, later, error);
  if (new_dates == NULL ||
      !treff_store_check_dates (self, following, new_dates, treff_booking_get_id (saved),
                                key, TREFF_STORE_LAST_POSSIBLE, error))
    return FALSE;

  if (!write_booking (self, saved, earlier, error) ||
      !treff_store_write_exceptions (self, treff_booking_get_id (saved), earlier, error) ||
      !write_booking (self, following, later, error) ||
      !treff_store_write_exceptions (self, treff_booking_get_id (following), later, error))
    return FALSE;

  /* The caller's object now stands for the new series. */
  treff_booking_set_id (update->booking, treff_booking_get_id (following));
  return TRUE;
}

static gboolean
update_all (UpdateBooking  *update,
            TreffBooking   *saved,
            GHashTable     *exceptions,
            GError        **error)
{
  TreffStore *self = update->store;
  g_autoptr(TreffBooking) series = treff_booking_copy (update->booking);
  g_autoptr(GHashTable) shifted = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GDateTime *reference = update->original_start ? update->original_start : treff_booking_get_start (saved);
  g_autoptr(GDateTime) moved_reference = NULL;
  gint64 shift;

  /* A date that was moved on its own was shown at its moved time. */
  if (update->original_start != NULL)
    {
      g_autofree char *key = treff_store_format_local (update->original_start);
      TreffException *exception = g_hash_table_lookup (exceptions, key);

      if (exception != NULL && exception->starts != NULL)
        moved_reference = treff_store_parse_local (self, exception->starts);
      if (moved_reference != NULL)
        reference = moved_reference;
    }

  /* The edited date moved by some amount: every date moves by as much. */
  shift = wall_seconds (treff_booking_get_start (update->booking)) - wall_seconds (reference);
  start = shift_wall_clock (self, treff_booking_get_start (saved), shift);
  end = g_date_time_add (start, g_date_time_difference (treff_booking_get_end (update->booking),
                                                        treff_booking_get_start (update->booking)));
  treff_booking_set_times (series, start, end);
  treff_booking_set_sequence (series, treff_booking_get_sequence (saved) + 1);

  shifted = shift_exceptions (self, exceptions, shift, NULL, NULL);

  if (!validate_for_store (self, series, error))
    return FALSE;

  dates = treff_store_expand_booking (self, series, shifted, error);
  if (dates == NULL ||
      !treff_store_check_dates (self, series, dates, treff_booking_get_id (saved),
                                TREFF_STORE_FIRST_POSSIBLE, TREFF_STORE_LAST_POSSIBLE, error))
    return FALSE;

  return write_booking (self, series, shifted, error) &&
         treff_store_write_exceptions (self, treff_booking_get_id (series), shifted, error);
}

static gboolean
update_booking_in_transaction (gpointer   user_data,
                               GError   **error)
{
  UpdateBooking *update = user_data;
  TreffStore *self = update->store;
  g_autoptr(TreffBooking) saved = NULL;
  g_autoptr(GHashTable) exceptions = NULL;

  saved = treff_store_get_booking (self, treff_booking_get_id (update->booking), error);
  if (saved == NULL)
    return FALSE;

  exceptions = treff_store_load_exceptions (self, treff_booking_get_id (saved), error);
  if (exceptions == NULL)
    return FALSE;

  /* The first date of a series: "this and following" means all. */
  if (update->scope == TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING &&
      (!treff_booking_is_series (saved) ||
       g_date_time_equal (update->original_start, treff_booking_get_start (saved))))
    update->scope = TREFF_EDIT_SCOPE_ALL;
  if (update->scope == TREFF_EDIT_SCOPE_THIS_DATE && !treff_booking_is_series (saved))
    update->scope = TREFF_EDIT_SCOPE_ALL;

  /* One date may move to another weekday or past the series' last day:
   * the series' rule does not apply to it. */
  if (update->scope == TREFF_EDIT_SCOPE_THIS_DATE)
    {
      g_autoptr(TreffBooking) single = treff_booking_copy (update->booking);
      TreffRecurrence none;

      treff_recurrence_init_none (&none);
      treff_booking_set_recurrence (single, &none);
      if (!validate_for_store (self, single, error))
        return FALSE;
    }
  else if (!validate_for_store (self, update->booking, error))
    {
      return FALSE;
    }

  switch (update->scope)
    {
    case TREFF_EDIT_SCOPE_THIS_DATE:
      return update_this_date (update, saved, exceptions, error);
    case TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING:
      return update_this_and_following (update, saved, exceptions, error);
    case TREFF_EDIT_SCOPE_ALL:
    default:
      return update_all (update, saved, exceptions, error);
    }
}

/**
 * treff_store_update_booking:
 * @booking: the edited booking; its times are those of the edited date
 * @scope: which dates of a series the edit applies to
 * @original_start: (nullable): the series slot of the edited date (as
 *   stored, before any move); %NULL means the first date
 *
 * Saves an edit. Per-date changes that the edit does not touch are kept:
 * when all dates move, their changes move with them. For
 * %TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING the series is split and @booking's
 * id becomes the new series' id.
 */
gboolean
treff_store_update_booking (TreffStore     *self,
                            TreffBooking   *booking,
                            TreffEditScope  scope,
                            GDateTime      *original_start,
                            GError        **error)
{
  UpdateBooking update = { self, booking, scope, original_start };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (TREFF_IS_BOOKING (booking), FALSE);
  g_return_val_if_fail (treff_booking_get_id (booking) > 0, FALSE);
  g_return_val_if_fail (scope == TREFF_EDIT_SCOPE_ALL || original_start != NULL, FALSE);

  return treff_store_run_transaction (self, update_booking_in_transaction, &update, error);
}

typedef struct
{
  TreffStore *store;
  gint64      booking_id;
  GDateTime  *original_start;
  gboolean    cancelled;
} CancelDate;

static gboolean
cancel_date_in_transaction (gpointer   user_data,
                            GError   **error)
{
  CancelDate *cancel = user_data;
  TreffStore *self = cancel->store;
  g_autoptr(TreffBooking) saved = NULL;
  g_autoptr(GHashTable) exceptions = NULL;
  g_autofree char *key = treff_store_format_local (cancel->original_start);

  saved = treff_store_get_booking (self, cancel->booking_id, error);
  if (saved == NULL)
    return FALSE;
  exceptions = treff_store_load_exceptions (self, cancel->booking_id, error);
  if (exceptions == NULL)
    return FALSE;

  treff_exceptions_ensure (exceptions, key)->cancelled = cancel->cancelled;

  /* Bringing a date back must not double-book its room. */
  if (!cancel->cancelled)
    {
      g_autoptr(GPtrArray) dates = treff_store_expand_booking (self, saved, exceptions, error);
      TreffDate *date;

      if (dates == NULL)
        return FALSE;
      date = find_date (dates, cancel->original_start);
      if (date != NULL && !check_series_date (self, saved, date, key, error))
        return FALSE;
    }

  treff_booking_set_sequence (saved, treff_booking_get_sequence (saved) + 1);
  return write_booking (self, saved, exceptions, error) &&
         treff_store_write_exceptions (self, cancel->booking_id, exceptions, error);
}

/**
 * treff_store_set_date_cancelled:
 *
 * Cancels one date of a booking (or brings it back), keeping the others.
 */
gboolean
treff_store_set_date_cancelled (TreffStore  *self,
                                gint64       booking_id,
                                GDateTime   *original_start,
                                gboolean     cancelled,
                                GError     **error)
{
  CancelDate cancel = { self, booking_id, original_start, cancelled };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (original_start != NULL, FALSE);

  return treff_store_run_transaction (self, cancel_date_in_transaction, &cancel, error);
}

typedef struct
{
  TreffStore *store;
  gint64      id;
} DeleteBooking;

static gboolean
delete_booking_in_transaction (gpointer   user_data,
                               GError   **error)
{
  DeleteBooking *delete = user_data;

  if (!treff_store_exec_with_id (delete->store, "DELETE FROM bookings WHERE id = ?1;", delete->id, error))
    return FALSE;

  if (sqlite3_changes (delete->store->db) == 0)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND,
                           _("The booking no longer exists; it may have been deleted."));
      return FALSE;
    }

  treff_store_mark_changed (delete->store, TREFF_STORE_TOPIC_BOOKINGS);
  return TRUE;
}

gboolean
treff_store_delete_booking (TreffStore  *self,
                            gint64       id,
                            GError     **error)
{
  DeleteBooking delete = { self, id };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);

  return treff_store_run_transaction (self, delete_booking_in_transaction, &delete, error);
}
