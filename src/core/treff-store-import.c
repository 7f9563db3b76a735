/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-import.c — the store's side of importing a calendar file: UIDs, checks, one transaction
 *
 * The preview and the import run the same code: the preview inside a
 * transaction that is rolled back, each event in a savepoint of its own,
 * so what the preview says (including conflicts between events of the
 * same file) is what the import does. */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-error.h"
#include "treff-format.h"
#include "treff-ical-import.h"
#include "treff-store-private.h"

/* How often a long preview looks whether it was cancelled. */
#define CANCEL_CHECK_INTERVAL 128

typedef struct
{
  TreffStore        *store;
  GListModel        *items;
  TreffImportTarget  target;
  gint64             room_id;
  GCancellable      *cancellable;
  guint              n_imported;

  /* The event at hand. */
  TreffImportItem   *item;
  gboolean           is_update;
  char              *note;
} ImportRun;

/* The id of what an earlier import of @uid created, 0 if nothing, -1 on error. */
static gint64
find_by_uid (TreffStore  *self,
             const char  *sql,
             const char  *uid,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (uid == NULL || *uid == '\0')
    return 0;

  stmt = treff_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return -1;
    }

  return id;
}

static gboolean
exec_with_id_and_text (TreffStore  *self,
                       const char  *sql,
                       gint64       id,
                       const char  *text,
                       GError     **error)
{
  sqlite3_stmt *stmt = treff_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  return treff_store_step_done (self, stmt, error);
}

/* Only what a calendar file knows is replaced: the kind, fees, attendees
 * and the like that the coordinator added after the first import stay. */
static gboolean
update_imported_row (TreffStore    *self,
                     TreffBooking  *booking,
                     GError       **error)
{
  g_autofree char *starts = treff_store_format_local (treff_booking_get_start (booking));
  g_autofree char *ends = treff_store_format_local (treff_booking_get_end (booking));
  g_autofree char *rrule = treff_recurrence_to_rrule (treff_booking_get_recurrence (booking),
                                                      treff_booking_get_start (booking));
  sqlite3_stmt *stmt;

  stmt = treff_store_prepare (self,
                              "UPDATE bookings SET room_id = ?2, title = ?3, status = ?4, organiser = ?5, "
                              "notes = ?6, public = ?7, starts = ?8, ends = ?9, all_day = ?10, rrule = ?11, "
                              "sequence = sequence + 1, "
                              "modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1;",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, treff_booking_get_id (booking));
  sqlite3_bind_int64 (stmt, 2, treff_booking_get_room_id (booking));
  sqlite3_bind_text (stmt, 3, treff_booking_get_title (booking), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, treff_booking_get_status (booking));
  sqlite3_bind_text (stmt, 5, treff_booking_get_organiser (booking), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, treff_booking_get_notes (booking), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, treff_booking_get_public (booking));
  sqlite3_bind_text (stmt, 8, starts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, ends, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, treff_booking_get_all_day (booking));
  sqlite3_bind_text (stmt, 11, rrule ? rrule : "", -1, SQLITE_STATIC);
  if (!treff_store_step_done (self, stmt, error))
    return FALSE;

  treff_store_mark_changed (self, TREFF_STORE_TOPIC_BOOKINGS);
  return TRUE;
}

static TreffException *
ensure_exception (GHashTable *exceptions,
                  GDateTime  *original_start)
{
  g_autofree char *key = treff_store_format_local (original_start);

  return treff_exceptions_ensure (exceptions, key);
}

static void
cancel_exception (TreffException *exception)
{
  exception->cancelled = TRUE;
  g_clear_pointer (&exception->starts, g_free);
  g_clear_pointer (&exception->ends, g_free);
  g_clear_pointer (&exception->title, g_free);
}

/* EXDATEs and RECURRENCE-IDs as the store's per-date changes. */
static GHashTable *
build_exceptions (TreffImportItem *item)
{
  GHashTable *exceptions = treff_exceptions_new ();
  GPtrArray *cancelled = treff_import_item_get_cancelled_starts (item);
  GPtrArray *moved_dates = treff_import_item_get_moved_dates (item);

  for (guint i = 0; i < moved_dates->len; i++)
    {
      TreffImportMovedDate *moved = g_ptr_array_index (moved_dates, i);
      TreffException *exception = ensure_exception (exceptions, moved->original_start);

      exception->starts = treff_store_format_local (moved->start);
      exception->ends = treff_store_format_local (moved->end);
      exception->title = g_strdup (moved->title);
    }

  /* A date both moved and cancelled is cancelled. */
  for (guint i = 0; i < cancelled->len; i++)
    cancel_exception (ensure_exception (exceptions, g_ptr_array_index (cancelled, i)));

  return exceptions;
}

/* Copies what the file says onto a booking saved by an earlier import. */
static void
apply_imported_values (TreffBooking *saved,
                       TreffBooking *imported,
                       gint64        room_id)
{
  treff_booking_set_room_id (saved, room_id);
  treff_booking_set_title (saved, treff_booking_get_title (imported));
  treff_booking_set_status (saved, treff_booking_get_status (imported));
  treff_booking_set_organiser (saved, treff_booking_get_organiser (imported));
  treff_booking_set_notes (saved, treff_booking_get_notes (imported));
  treff_booking_set_public (saved, treff_booking_get_public (imported));
  treff_booking_set_times (saved, treff_booking_get_start (imported), treff_booking_get_end (imported));
  treff_booking_set_all_day (saved, treff_booking_get_all_day (imported));
  treff_booking_set_recurrence (saved, treff_booking_get_recurrence (imported));
}

static char *
describe_left_out (GPtrArray *closed_details,
                   guint      n_unknown)
{
  g_autofree char *closed = NULL;
  g_autofree char *unknown = NULL;

  if (closed_details->len == 1)
    /* Translators: %s is "Fri, 12/25/2026 is a public holiday (Christmas Day)." */
    closed = g_strdup_printf (_("%s That date is left out."), (char *)g_ptr_array_index (closed_details, 0));
  else if (closed_details->len > 1)
    /* Translators: %u is at least 2; %s is "Fri, 12/25/2026 is a public holiday (Christmas Day)." */
    closed = g_strdup_printf (_("%u dates fall on public holidays or closure days and are left out; the first: %s"),
                              closed_details->len, (char *)g_ptr_array_index (closed_details, 0));

  if (n_unknown > 0)
    unknown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u changed or cancelled date in the file is not a date of the series and is left out.",
                                            "%u changed or cancelled dates in the file are not dates of the series and are left out.",
                                            n_unknown),
                               n_unknown);

  if (closed != NULL && unknown != NULL)
    return g_strconcat (closed, " ", unknown, NULL);
  if (closed != NULL)
    return g_steal_pointer (&closed);
  return g_steal_pointer (&unknown);
}

static gboolean
import_booking (ImportRun  *run,
                GError    **error)
{
  TreffStore *self = run->store;
  TreffImportItem *item = run->item;
  TreffBooking *imported = treff_import_item_get_booking (item);
  const char *uid = treff_import_item_get_uid (item);
  g_autoptr(TreffBooking) booking = NULL;
  g_autoptr(GHashTable) exceptions = NULL;
  g_autoptr(GHashTable) series_keys = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(GPtrArray) closed_details = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;
  guint n_unknown = 0;
  guint n_active = 0;
  gint64 existing;

  g_assert (imported != NULL);

  existing = find_by_uid (self, "SELECT id FROM bookings WHERE import_uid = ?1 AND import_uid != '' "
                                "ORDER BY id LIMIT 1;",
                          uid, error);
  if (existing < 0)
    return FALSE;

  if (existing > 0)
    {
      booking = treff_store_get_booking (self, existing, error);
      if (booking == NULL)
        return FALSE;
      apply_imported_values (booking, imported, run->room_id);
    }
  else
    {
      booking = treff_booking_copy (imported);
      treff_booking_set_id (booking, 0);
      treff_booking_set_room_id (booking, run->room_id);
    }

  if (!treff_booking_validate (booking, error))
    return FALSE;

  exceptions = build_exceptions (item);
  dates = treff_store_expand_booking (self, booking, exceptions, error);
  if (dates == NULL)
    return FALSE;

  /* Changes of dates that the series does not have are dropped. */
  series_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < dates->len; i++)
    {
      TreffDate *date = g_ptr_array_index (dates, i);

      g_hash_table_add (series_keys, treff_store_format_local (date->original_start));
    }
  g_hash_table_iter_init (&iter, exceptions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (series_keys, key))
        {
          g_hash_table_iter_remove (&iter);
          n_unknown++;
        }
    }

  for (guint i = 0; i < dates->len; i++)
    {
      TreffDate *date = g_ptr_array_index (dates, i);
      g_autofree char *detail = NULL;
      TreffDateState state;

      if (date->cancelled || date->paused)
        continue;

      if (!treff_store_find_date_problem (self, booking, date, existing,
                                          TREFF_STORE_FIRST_POSSIBLE, TREFF_STORE_LAST_POSSIBLE,
                                          &state, &detail, error))
        return FALSE;

      switch (state)
        {
        case TREFF_DATE_STATE_CONFLICT:
          g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_CONFLICT, detail);
          return FALSE;

        case TREFF_DATE_STATE_PUBLIC_HOLIDAY:
        case TREFF_DATE_STATE_CLOSURE:
          /* One date on a holiday does not keep a whole series out. */
          if (!treff_booking_is_series (booking))
            {
              g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_CONFLICT, detail);
              return FALSE;
            }
          cancel_exception (ensure_exception (exceptions, date->original_start));
          date->cancelled = TRUE;
          g_ptr_array_add (closed_details, g_steal_pointer (&detail));
          break;

        case TREFF_DATE_STATE_FREE:
        case TREFF_DATE_STATE_SCHOOL_HOLIDAY:
        default:
          n_active++;
          break;
        }
    }

  if (n_active == 0 && closed_details->len > 0)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT,
                   _("Every date of the series falls on a public holiday or closure day; the first: %s"),
                   (char *)g_ptr_array_index (closed_details, 0));
      return FALSE;
    }

  if (existing > 0)
    {
      if (!update_imported_row (self, booking, error) ||
          !treff_store_write_exceptions (self, existing, exceptions, error) ||
          !treff_store_rewrite_dates (self, booking, exceptions, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
      gboolean has_moved = FALSE;
      gpointer value;

      /* Moved dates are checked at their new time above; the store adds
       * them as skipped first, so their old slot is not checked. */
      g_hash_table_iter_init (&iter, exceptions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          TreffException *exception = value;

          g_ptr_array_add (skipped, treff_store_parse_local (self, key));
          has_moved |= !exception->cancelled;
        }

      if (!treff_store_add_booking (self, booking, skipped, error))
        return FALSE;

      if (has_moved &&
          (!treff_store_write_exceptions (self, treff_booking_get_id (booking), exceptions, error) ||
           !treff_store_rewrite_dates (self, booking, exceptions, error)))
        return FALSE;

      if (*uid != '\0' &&
          !exec_with_id_and_text (self, "UPDATE bookings SET import_uid = ?2 WHERE id = ?1;",
                                  treff_booking_get_id (booking), uid, error))
        return FALSE;
    }

  run->is_update = existing > 0;
  run->note = describe_left_out (closed_details, n_unknown);
  return TRUE;
}

static gboolean
import_period (ImportRun  *run,
               GError    **error)
{
  TreffStore *self = run->store;
  TreffImportItem *item = run->item;
  TreffClosure *period = treff_import_item_get_closure (run->item);
  const char *uid = treff_import_item_get_uid (item);
  g_autoptr(TreffClosure) closure = NULL;
  gint64 existing;

  g_assert (period != NULL);

  existing = find_by_uid (self, "SELECT id FROM closures WHERE uid = ?1 AND uid != '' ORDER BY id LIMIT 1;",
                          uid, error);
  if (existing < 0)
    return FALSE;

  /* A period has no history worth keeping: the new version replaces it. */
  if (existing > 0 && !treff_store_delete_closure (self, existing, error))
    return FALSE;

  closure = treff_closure_new (treff_closure_get_kind (period), treff_closure_get_title (period),
                               treff_closure_get_first_day (period), treff_closure_get_last_day (period));
  if (!treff_store_add_closure (self, closure, error))
    return FALSE;

  if (*uid != '\0' &&
      !exec_with_id_and_text (self, "UPDATE closures SET uid = ?2 WHERE id = ?1;",
                              treff_closure_get_id (closure), uid, error))
    return FALSE;

  run->is_update = existing > 0;
  return TRUE;
}

static gboolean
import_one_in_transaction (gpointer   user_data,
                           GError   **error)
{
  ImportRun *run = user_data;

  g_clear_pointer (&run->note, g_free);
  run->is_update = FALSE;

  if (run->target == TREFF_IMPORT_TARGET_BOOKINGS)
    return import_booking (run, error);

  return import_period (run, error);
}

/* Database trouble ends the whole import; anything else concerns one event. */
static gboolean
is_fatal (const GError *error)
{
  return error->domain != TREFF_ERROR ||
         error->code == TREFF_ERROR_IO ||
         error->code == TREFF_ERROR_CORRUPT;
}

static gboolean
preview_all (ImportRun  *run,
             GError    **error)
{
  TreffStore *self = run->store;
  guint n_items = g_list_model_get_n_items (run->items);

  if (!treff_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TreffImportItem) item = g_list_model_get_item (run->items, i);
      g_autoptr(GError) local_error = NULL;

      if ((i % CANCEL_CHECK_INTERVAL) == 0 && g_cancellable_set_error_if_cancelled (run->cancellable, error))
        {
          treff_store_rollback (self);
          return FALSE;
        }

      /* Events that could not be read say so already. */
      if (treff_import_item_get_state (item) == TREFF_IMPORT_STATE_UNPARSEABLE)
        continue;

      run->item = item;
      if (treff_store_run_transaction (self, import_one_in_transaction, run, &local_error))
        {
          treff_import_item_set_result (item, run->is_update, run->note);
        }
      else if (is_fatal (local_error))
        {
          run->item = NULL;
          treff_store_rollback (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      else
        {
          treff_import_item_set_failure (item, local_error);
        }
      run->item = NULL;
    }

  /* Nothing of the trial is kept, and nobody is told of a change. */
  treff_store_rollback (self);
  return TRUE;
}

static gboolean
import_selected_in_transaction (gpointer   user_data,
                                GError   **error)
{
  ImportRun *run = user_data;
  guint n_items = g_list_model_get_n_items (run->items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TreffImportItem) item = g_list_model_get_item (run->items, i);
      g_autoptr(GError) local_error = NULL;

      if (!treff_import_item_get_selected (item))
        continue;

      run->item = item;
      if (!import_one_in_transaction (run, &local_error))
        {
          run->item = NULL;
          if (is_fatal (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          /* Translators: "Line 12, “Yoga”: Werkstatt is already booked on … Nothing was imported." */
          g_set_error (error, local_error->domain, local_error->code,
                       _("Line %u, “%s”: %s Nothing was imported."),
                       treff_import_item_get_line (item), treff_import_item_get_summary (item),
                       local_error->message);
          return FALSE;
        }
      run->item = NULL;
      run->n_imported++;
    }

  return TRUE;
}

/**
 * treff_store_import_items:
 * @items: (element-type TreffImportItem): built by treff_ical_import_preview()
 * @dry_run: %TRUE to work out each item's state and write nothing;
 *   %FALSE to import the selected items, all or none
 * @n_imported: (out) (optional): how many items were imported
 *
 * The store's side of treff_ical_import_preview() and
 * treff_ical_import_run(). Works inside a caller's transaction, too.
 */
gboolean
treff_store_import_items (TreffStore         *self,
                          GListModel         *items,
                          TreffImportTarget   target,
                          gint64              room_id,
                          gboolean            dry_run,
                          GCancellable       *cancellable,
                          guint              *n_imported,
                          GError            **error)
{
  ImportRun run = { self, items, target, room_id, cancellable, 0, NULL, FALSE, NULL };
  gboolean ok;

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  if (target == TREFF_IMPORT_TARGET_BOOKINGS && !treff_store_check_room_bookable (self, room_id, error))
    return FALSE;

  if (dry_run)
    ok = preview_all (&run, error);
  else
    ok = treff_store_run_transaction (self, import_selected_in_transaction, &run, error);

  g_free (run.note);
  if (ok && n_imported != NULL)
    *n_imported = run.n_imported;
  return ok;
}
