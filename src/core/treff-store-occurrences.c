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
                              "SELECT o.booking_id, o.original_start, o.start_utc, o.end_utc, "
                              "o.cancelled, o.room_id, r.name, r.colour, e.title "
                              "FROM occurrences o "
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
          booking = treff_store_get_booking (self, booking_id, error);
          if (booking == NULL)
            {
              sqlite3_reset (stmt);
              return NULL;
            }
          g_hash_table_insert (bookings, g_memdup2 (&booking_id, sizeof booking_id), booking);
        }

      original = treff_store_parse_local (self, (const char *)sqlite3_column_text (stmt, 1));
      start = local_from_unix (self, sqlite3_column_int64 (stmt, 2));
      end = local_from_unix (self, sqlite3_column_int64 (stmt, 3));
      occurrence = treff_occurrence_new (booking, original, start, end);
      treff_occurrence_set_cancelled (occurrence, sqlite3_column_int (stmt, 4));
      treff_occurrence_set_room (occurrence, sqlite3_column_int64 (stmt, 5),
                                 (const char *)sqlite3_column_text (stmt, 6),
                                 (const char *)sqlite3_column_text (stmt, 7));
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        treff_occurrence_set_title (occurrence, (const char *)sqlite3_column_text (stmt, 8));
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

/* The dates an edit would store, and which stored dates it replaces. */
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

  *exclude_from = g_strdup ("0000");
  *exclude_to = g_strdup ("9999");

  if (id > 0)
    {
      exceptions = treff_store_load_exceptions (self, id, error);
      if (exceptions == NULL)
        return NULL;
    }

  if (id > 0 && original_start != NULL && scope != TREFF_EDIT_SCOPE_ALL)
    {
      g_free (*exclude_from);
      *exclude_from = treff_store_format_local (original_start);
      if (scope == TREFF_EDIT_SCOPE_THIS_DATE)
        {
          g_autoptr(TreffBooking) single = treff_booking_copy (booking);
          TreffRecurrence none;

          g_free (*exclude_to);
          *exclude_to = g_strdup (*exclude_from);
          treff_recurrence_init_none (&none);
          treff_booking_set_recurrence (single, &none);
          return treff_store_expand_booking (self, single, NULL, error);
        }
    }

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

  /* One date of a series is checked on its own, as saving it does. */
  if (scope == TREFF_EDIT_SCOPE_THIS_DATE && treff_booking_get_id (booking) > 0 && original_start != NULL)
    {
      g_autoptr(TreffBooking) single = treff_booking_copy (booking);
      TreffRecurrence none;

      treff_recurrence_init_none (&none);
      treff_booking_set_recurrence (single, &none);
      if (!treff_booking_validate (single, error))
        return NULL;
    }
  else if (!treff_booking_validate (booking, error))
    {
      return NULL;
    }

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
  g_autoptr(GPtrArray) previews = NULL;
  g_autoptr(TreffRoom) room = NULL;

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (TREFF_IS_BOOKING (booking), FALSE);

  if (warning != NULL)
    *warning = NULL;

  room = treff_store_get_room (self, treff_booking_get_room_id (booking), NULL);
  if (room != NULL && warning != NULL &&
      treff_booking_get_attendees (booking) > treff_room_get_capacity (room))
    *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u person is expected, but %s holds only %u.",
                                             "%u people are expected, but %s holds only %u.",
                                             treff_booking_get_attendees (booking)),
                                treff_booking_get_attendees (booking),
                                treff_room_get_name (room),
                                treff_room_get_capacity (room));

  previews = treff_store_preview_booking (self, booking, scope, original_start, error);
  if (previews == NULL)
    return FALSE;

  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *preview = g_ptr_array_index (previews, i);

      if (preview->state == TREFF_DATE_STATE_CONFLICT)
        {
          g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_CONFLICT, preview->detail);
          return FALSE;
        }
      if (preview->state == TREFF_DATE_STATE_PUBLIC_HOLIDAY ||
          preview->state == TREFF_DATE_STATE_CLOSURE)
        {
          g_set_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT,
                       _("%s Skip the date, or allow this booking on closure days."),
                       preview->detail);
          return FALSE;
        }
    }

  return TRUE;
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

  stmt = treff_store_prepare (self,
                              "SELECT id FROM bookings "
                              "WHERE instr (treff_fold (title || ' ' || organiser), ?1) > 0 "
                              "ORDER BY starts DESC LIMIT ?2;",
                              error);
  if (stmt == NULL)
    return NULL;

  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TreffBooking) booking = treff_store_get_booking (self, sqlite3_column_int64 (stmt, 0), NULL);

      if (booking != NULL)
        g_ptr_array_add (results, g_steal_pointer (&booking));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&results);
}
