/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-occurrences.c — the dates of a range, the series preview, live checks, search */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-error.h"
#include "treff-store-private.h"

static GDateTime *
local_from_unix (TreffStore *self,
                 gint64      seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_to_timezone (utc, self->time_zone);
}

/**
 * treff_store_list_occurrences:
 *
 * Every date of every booking that overlaps [@from, @to), cancelled ones
 * included (they say so), ordered by start. Dates of one booking share
 * one #TreffBooking object.
 *
 * Returns: (transfer full) (element-type TreffOccurrence):
 */
GPtrArray *
treff_store_list_occurrences (TreffStore  *self,
                              GDateTime   *from,
                              GDateTime   *to,
                              GError     **error)
{
  /* The date's own columns follow the booking's. */
  enum {
    ORIGINAL_START = TREFF_STORE_N_BOOKING_COLUMNS,
    START_UTC,
    END_UTC,
    CANCELLED,
    ROOM_ID,
    ROOM_NAME,
    ROOM_COLOUR,
    TITLE,
  };
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) bookings = NULL;
  sqlite3_stmt *stmt;
  gint64 from_utc, to_utc;
  int rc;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  from_utc = g_date_time_to_unix (from);
  to_utc = g_date_time_to_unix (to);

  /* A date lasts at most TREFF_BOOKING_MAX_DAYS on the wall clock (plus
   * an hour over the end of summer time), so every date that overlaps the
   * range starts within a day more than that before it. */
  stmt = treff_store_prepare (self,
                              "SELECT " TREFF_STORE_BOOKING_COLUMNS ", "
                              "o.original_start, o.start_utc, o.end_utc, "
                              "o.cancelled, o.room_id, r.name, r.colour, e.title "
                              "FROM occurrences o "
                              "JOIN bookings b ON b.id = o.booking_id "
                              "JOIN rooms r ON r.id = o.room_id "
                              "LEFT JOIN booking_exceptions e "
                              "  ON e.booking_id = o.booking_id AND e.original_start = o.original_start "
                              "WHERE o.start_utc < ?2 AND o.start_utc > ?3 AND o.end_utc > ?1 "
                              "ORDER BY o.start_utc, r.name;",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  sqlite3_bind_int64 (stmt, 3, from_utc - (gint64)(TREFF_BOOKING_MAX_DAYS + 1) * 86400);

  bookings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 booking_id = sqlite3_column_int64 (stmt, 0);
      TreffBooking *booking = g_hash_table_lookup (bookings, &booking_id);
      g_autoptr(GDateTime) original = NULL;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      TreffOccurrence *occurrence;

      if (booking == NULL)
        {
          booking = treff_store_booking_from_row (self, stmt);
          g_hash_table_insert (bookings, g_memdup2 (&booking_id, sizeof booking_id), booking);
        }

      original = treff_store_parse_local (self, (const char *)sqlite3_column_text (stmt, ORIGINAL_START));
      start = local_from_unix (self, sqlite3_column_int64 (stmt, START_UTC));
      end = local_from_unix (self, sqlite3_column_int64 (stmt, END_UTC));
      occurrence = treff_occurrence_new (booking, original, start, end);
      treff_occurrence_set_cancelled (occurrence, sqlite3_column_int (stmt, CANCELLED));
      treff_occurrence_set_room (occurrence, sqlite3_column_int64 (stmt, ROOM_ID),
                                 (const char *)sqlite3_column_text (stmt, ROOM_NAME),
                                 (const char *)sqlite3_column_text (stmt, ROOM_COLOUR));
      if (sqlite3_column_type (stmt, TITLE) != SQLITE_NULL)
        treff_occurrence_set_title (occurrence, (const char *)sqlite3_column_text (stmt, TITLE));
      g_ptr_array_add (occurrences, occurrence);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&occurrences);
}

/* Validates an edit as saving does, and returns the dates it would store
 * and which stored dates (original starts) they replace. */
static GPtrArray *
expand_edit (TreffStore      *self,
             TreffBooking    *booking,
             TreffEditScope   scope,
             GDateTime       *original_start,
             char           **exclude_from,
             char           **exclude_to,
             GError         **error)
{
  g_autoptr(GHashTable) exceptions = NULL;
  gint64 id = treff_booking_get_id (booking);

  /* One date of a series is checked on its own, as saving it does. */
  if (scope == TREFF_EDIT_SCOPE_THIS_DATE && id > 0 && original_start != NULL)
    {
      g_autoptr(TreffBooking) single = treff_booking_copy (booking);
      TreffRecurrence none;

      treff_recurrence_init_none (&none);
      treff_booking_set_recurrence (single, &none);
      if (!treff_booking_validate (single, error) ||
          !treff_store_check_room_bookable (self, treff_booking_get_room_id (single), error))
        return NULL;

      *exclude_from = treff_store_format_local (original_start);
      *exclude_to = g_strdup (*exclude_from);
      return treff_store_expand_booking (self, single, NULL, error);
    }

  /* What saving would refuse, the preview refuses too. */
  if (!treff_booking_validate (booking, error) ||
      !treff_store_check_room_bookable (self, treff_booking_get_room_id (booking), error))
    return NULL;

  if (id > 0)
    {
      exceptions = treff_store_load_exceptions (self, id, error);
      if (exceptions == NULL)
        return NULL;
    }

  if (scope == TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING && id > 0 && original_start != NULL)
    *exclude_from = treff_store_format_local (original_start);
  else
    *exclude_from = g_strdup (TREFF_STORE_FIRST_POSSIBLE);
  *exclude_to = g_strdup (TREFF_STORE_LAST_POSSIBLE);

  return treff_store_expand_booking (self, booking, exceptions, error);
}

/**
 * treff_store_preview_booking:
 *
 * Lists every date the booking would have, each with its state — free,
 * in conflict with another booking, on a public holiday or closure, or
 * left out for school holidays — before anything is saved.
 *
 * Returns: (transfer full) (element-type TreffDatePreview):
 */
GPtrArray *
treff_store_preview_booking (TreffStore      *self,
                             TreffBooking    *booking,
                             TreffEditScope   scope,
                             GDateTime       *original_start,
                             GError         **error)
{
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *exclude_from = NULL;
  g_autofree char *exclude_to = NULL;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);
  g_return_val_if_fail (TREFF_IS_BOOKING (booking), NULL);

  dates = expand_edit (self, booking, scope, original_start, &exclude_from, &exclude_to, error);
  if (dates == NULL)
    return NULL;

  previews = g_ptr_array_new_with_free_func ((GDestroyNotify)treff_date_preview_free);
  for (guint i = 0; i < dates->len; i++)
    {
      TreffDate *date = g_ptr_array_index (dates, i);
      TreffDatePreview *preview = g_new0 (TreffDatePreview, 1);

      preview->start = g_date_time_ref (date->start);
      preview->end = g_date_time_ref (date->end);
      g_ptr_array_add (previews, preview);

      if (!treff_store_find_date_problem (self, booking, date, treff_booking_get_id (booking),
                                          exclude_from, exclude_to,
                                          &preview->state, &preview->detail, error))
        return NULL;
    }

  return g_steal_pointer (&previews);
}

/**
 * treff_store_dup_capacity_warning:
 *
 * Returns: (transfer full) (nullable): a sentence when more people are
 *   expected than the booking's room holds; this does not stop saving
 */
char *
treff_store_dup_capacity_warning (TreffStore   *self,
                                  TreffBooking *booking)
{
  g_autoptr(TreffRoom) room = NULL;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);
  g_return_val_if_fail (TREFF_IS_BOOKING (booking), NULL);

  room = treff_store_get_room (self, treff_booking_get_room_id (booking), NULL);
  if (room == NULL || treff_booking_get_attendees (booking) <= treff_room_get_capacity (room))
    return NULL;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u person is expected, but %s holds only %u.",
                                       "%u people are expected, but %s holds only %u.",
                                       treff_booking_get_attendees (booking)),
                          treff_booking_get_attendees (booking),
                          treff_room_get_name (room),
                          treff_room_get_capacity (room));
}

/**
 * treff_store_check_booking:
 * @warning: (out) (optional) (transfer full): something worth knowing that
 *   does not stop saving, such as more people than the room holds
 *
 * What saving would say, without saving: fails with the same error.
 */
gboolean
treff_store_check_booking (TreffStore      *self,
                           TreffBooking    *booking,
                           TreffEditScope   scope,
                           GDateTime       *original_start,
                           char           **warning,
                           GError         **error)
{
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *exclude_from = NULL;
  g_autofree char *exclude_to = NULL;

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (TREFF_IS_BOOKING (booking), FALSE);

  if (warning != NULL)
    *warning = treff_store_dup_capacity_warning (self, booking);

  dates = expand_edit (self, booking, scope, original_start, &exclude_from, &exclude_to, error);

  return dates != NULL &&
         treff_store_check_dates (self, booking, dates, treff_booking_get_id (booking),
                                  exclude_from, exclude_to, error);
}

/**
 * treff_store_search_bookings:
 *
 * Bookings whose title or organiser contains @text (case and umlauts
 * folded), newest first.
 *
 * Returns: (transfer full) (element-type TreffBooking):
 */
GPtrArray *
treff_store_search_bookings (TreffStore  *self,
                             const char  *text,
                             guint        limit,
                             GError     **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* Only the ids are sorted: the whole rows of every match would be. */
  stmt = treff_store_prepare (self,
                              "SELECT " TREFF_STORE_BOOKING_COLUMNS " FROM bookings b "
                              "WHERE b.id IN (SELECT id FROM bookings "
                              "  WHERE instr (treff_fold (title || ' ' || organiser), ?1) > 0 "
                              "  ORDER BY starts DESC LIMIT ?2) "
                              "ORDER BY b.starts DESC;",
                              error);
  if (stmt == NULL)
    return NULL;

  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (results, treff_store_booking_from_row (self, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&results);
}
