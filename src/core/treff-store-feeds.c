/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-feeds.c — the bookings and dates a calendar feed is built from */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include "treff-feed-private.h"
#include "treff-store-private.h"

void
treff_feed_data_free (TreffFeedData *data)
{
  g_free (data->centre_uid);
  g_free (data->time_zone);
  g_clear_pointer (&data->zone, g_time_zone_unref);
  g_clear_pointer (&data->bookings, g_array_unref);
  g_clear_pointer (&data->dates, g_array_unref);
  g_clear_pointer (&data->room_names, g_hash_table_unref);
  g_clear_pointer (&data->strings, g_string_chunk_free);
  g_free (data);
}

static const char *
chunk_text (TreffFeedData *data,
            sqlite3_stmt  *stmt,
            int            column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  if (text == NULL)
    return "";

  return g_string_chunk_insert_len (data->strings, text, sqlite3_column_bytes (stmt, column));
}

static const char *
chunk_nullable_text (TreffFeedData *data,
                     sqlite3_stmt  *stmt,
                     int            column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return chunk_text (data, stmt, column);
}

static gboolean
load_centre (TreffStore     *self,
             TreffFeedData  *data,
             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self, "SELECT value FROM meta WHERE key = 'centre-uid';", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    data->centre_uid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  /* Every database gets one in its first migration; this only guards
   * against a hand-edited file. */
  if (data->centre_uid == NULL || *data->centre_uid == '\0')
    {
      g_free (data->centre_uid);
      data->centre_uid = g_strdup ("centre");
    }

  stmt = treff_store_prepare (self, "SELECT id, name FROM rooms;", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (data->room_names,
                           g_memdup2 (&id, sizeof id),
                           (gpointer)chunk_text (data, stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_dates (TreffStore        *self,
            TreffFeedData     *data,
            TreffFeedBooking  *booking,
            GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self,
                              "SELECT o.original_start, o.start_utc, o.end_utc, o.room_id, o.cancelled, "
                              "e.title, e.starts IS NOT NULL AND e.ends IS NOT NULL "
                              "FROM occurrences o "
                              "LEFT JOIN booking_exceptions e "
                              "  ON e.booking_id = o.booking_id AND e.original_start = o.original_start "
                              "WHERE o.booking_id = ?1 ORDER BY o.original_start;",
                              error);
  if (stmt == NULL)
    return FALSE;

  booking->first_date = data->dates->len;
  sqlite3_bind_int64 (stmt, 1, booking->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TreffFeedDate date = { 0 };

      date.original_start = chunk_text (data, stmt, 0);
      date.start_utc = sqlite3_column_int64 (stmt, 1);
      date.end_utc = sqlite3_column_int64 (stmt, 2);
      date.room_id = sqlite3_column_int64 (stmt, 3);
      date.cancelled = sqlite3_column_int (stmt, 4) != 0;
      date.title = chunk_nullable_text (data, stmt, 5);
      date.moved = sqlite3_column_int (stmt, 6) != 0;
      g_array_append_val (data->dates, date);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  booking->n_dates = data->dates->len - booking->first_date;
  return TRUE;
}

static gboolean
load_bookings (TreffStore           *self,
               TreffFeedData        *data,
               const TreffFeedQuery *query,
               GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self,
                              "SELECT b.id, b.room_id, b.title, b.kind, b.status, b.organiser, b.phone, "
                              "b.email, b.notes, b.starts, b.ends, b.all_day, b.rrule, b.public, "
                              "b.sequence, b.created, b.modified, b.pause_in_school_holidays "
                              "FROM bookings b "
                              "WHERE (?1 = 0 OR b.public = 1) "
                              /* "+x.room_id": look the booking's dates up by
                               * booking, not every date of the room per booking. */
                              "AND (?2 = 0 OR b.room_id = ?2 OR EXISTS "
                              "  (SELECT 1 FROM occurrences x WHERE x.booking_id = b.id AND +x.room_id = ?2)) "
                              "AND (?3 IS NULL OR (b.owner_kind = ?3 AND b.owner_id = ?4)) "
                              "AND (?5 IS NULL OR EXISTS "
                              "  (SELECT 1 FROM occurrences y WHERE y.booking_id = b.id AND y.end_utc > ?5)) "
                              "ORDER BY b.id;",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, query->public_only);
  sqlite3_bind_int64 (stmt, 2, query->room_id);
  if (query->owner_kind != NULL)
    sqlite3_bind_text (stmt, 3, query->owner_kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, query->owner_id);
  if (query->has_since)
    sqlite3_bind_int64 (stmt, 5, query->since_utc);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TreffFeedBooking booking = { 0 };

      booking.id = sqlite3_column_int64 (stmt, 0);
      booking.room_id = sqlite3_column_int64 (stmt, 1);
      booking.title = chunk_text (data, stmt, 2);
      booking.kind = CLAMP (sqlite3_column_int (stmt, 3), 0, TREFF_N_BOOKING_KINDS - 1);
      booking.status = CLAMP (sqlite3_column_int (stmt, 4), 0, TREFF_N_BOOKING_STATUSES - 1);
      booking.organiser = chunk_text (data, stmt, 5);
      booking.phone = chunk_text (data, stmt, 6);
      booking.email = chunk_text (data, stmt, 7);
      booking.notes = chunk_text (data, stmt, 8);
      booking.starts = chunk_text (data, stmt, 9);
      booking.ends = chunk_text (data, stmt, 10);
      booking.all_day = sqlite3_column_int (stmt, 11) != 0;
      booking.rrule = chunk_text (data, stmt, 12);
      booking.is_public = sqlite3_column_int (stmt, 13) != 0;
      booking.sequence = (guint)MAX (sqlite3_column_int (stmt, 14), 0);
      booking.created = chunk_text (data, stmt, 15);
      booking.modified = chunk_text (data, stmt, 16);
      booking.pauses = sqlite3_column_int (stmt, 17) != 0;
      g_array_append_val (data->bookings, booking);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < data->bookings->len; i++)
    {
      if (!load_dates (self, data, &g_array_index (data->bookings, TreffFeedBooking, i), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * treff_store_load_feed_data:
 *
 * Loads the bookings a feed shows, each with all its stored dates (dates
 * in school holidays of a pausing series are not stored), the names of
 * all rooms and the centre's identity — in one read transaction, so the
 * feed is consistent while another connection writes.
 *
 * Returns: (transfer full):
 */
TreffFeedData *
treff_store_load_feed_data (TreffStore           *self,
                            const TreffFeedQuery *query,
                            GError              **error)
{
  g_autoptr(TreffFeedData) data = g_new0 (TreffFeedData, 1);
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  data->bookings = g_array_new (FALSE, FALSE, sizeof (TreffFeedBooking));
  data->dates = g_array_new (FALSE, FALSE, sizeof (TreffFeedDate));
  data->room_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  data->strings = g_string_chunk_new (64 * 1024);
  data->zone = g_time_zone_ref (self->time_zone);
  data->time_zone = g_strdup (g_time_zone_get_identifier (self->time_zone));

  own_transaction = sqlite3_get_autocommit (self->db) != 0;
  if (own_transaction)
    {
      int rc = sqlite3_exec (self->db, "BEGIN;", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          treff_sqlite_set_error (self->db, rc, error);
          return NULL;
        }
    }

  ok = load_centre (self, data, error) && load_bookings (self, data, query, error);

  if (own_transaction)
    sqlite3_exec (self->db, "COMMIT;", NULL, NULL, NULL);

  return ok ? g_steal_pointer (&data) : NULL;
}
