/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-private.h — what the store's own modules share */
#pragma once

#include <sqlite3.h>

#include "treff-store.h"

G_BEGIN_DECLS

/* "Trfp" — marks a file as a Treffpunkt database (PRAGMA application_id). */
#define TREFF_STORE_APPLICATION_ID 0x54726670

/* The whole span of original starts, for "exclude every date". */
#define TREFF_STORE_FIRST_POSSIBLE "0000"
#define TREFF_STORE_LAST_POSSIBLE  "9999"

/* A booking's columns, read by treff_store_booking_from_row() from the
 * start of a row; a query's own columns follow them. */
#define TREFF_STORE_BOOKING_COLUMNS \
  "b.id, b.room_id, b.title, b.kind, b.status, b.organiser, b.phone, b.email, " \
  "b.starts, b.ends, b.all_day, b.attendees, b.setup_minutes, b.cleanup_minutes, " \
  "b.notes, b.public, b.fee_cents, b.deposit_cents, b.key_handed_out, b.key_returned, " \
  "b.rrule, b.pause_in_school_holidays, b.override_closures, b.owner_kind, b.owner_id, " \
  "b.sequence"
#define TREFF_STORE_N_BOOKING_COLUMNS 26

struct _TreffStore
{
  GObject          parent_instance;

  sqlite3         *db;
  char            *path;
  GHashTable      *statements;
  GTimeZone       *time_zone;
  guint            transaction_depth;
  TreffStoreTopic  pending_topics;
};

sqlite3_stmt *treff_store_prepare         (TreffStore       *self,
                                           const char       *sql,
                                           GError          **error);
gboolean      treff_store_step_done       (TreffStore       *self,
                                           sqlite3_stmt     *stmt,
                                           GError          **error);
gboolean      treff_store_exec_with_id    (TreffStore       *self,
                                           const char       *sql,
                                           gint64            id,
                                           GError          **error);
void          treff_sqlite_set_error      (sqlite3          *db,
                                           int               rc,
                                           GError          **error);
gboolean      treff_sqlite_exec           (sqlite3          *db,
                                           const char       *sql,
                                           GError          **error);
gboolean      treff_store_begin           (TreffStore       *self,
                                           GError          **error);
gboolean      treff_store_commit          (TreffStore       *self,
                                           GError          **error);
void          treff_store_rollback        (TreffStore       *self);
void          treff_store_mark_changed    (TreffStore       *self,
                                           TreffStoreTopic   topics);

/* A per-date change of a series, as stored in booking_exceptions. */
typedef struct
{
  gboolean  cancelled;
  char     *starts;    /* local wall-clock text, or NULL */
  char     *ends;
  gint64    room_id;   /* 0: the series' room */
  char     *title;     /* NULL: the series' title */
} TreffException;

void          treff_exception_free        (TreffException   *exception);
GHashTable   *treff_exceptions_new        (void);
TreffException *treff_exceptions_ensure   (GHashTable       *exceptions,
                                           const char       *original_start);

/* One date of a booking as it would be stored (treff-store-dates.c). */
typedef struct
{
  GDateTime  *original_start;
  GDateTime  *start;
  GDateTime  *end;
  gint64      room_id;
  gboolean    cancelled;
  gboolean    paused;       /* falls into school holidays of a pausing series */
  char       *title;        /* an exception's own title, or NULL */
} TreffDate;

GPtrArray    *treff_store_expand_booking  (TreffStore       *self,
                                           TreffBooking     *booking,
                                           GHashTable       *exceptions,
                                           GError          **error);
GHashTable   *treff_store_load_exceptions (TreffStore       *self,
                                           gint64            booking_id,
                                           GError          **error);
gboolean      treff_store_find_date_problem (TreffStore     *self,
                                           TreffBooking     *booking,
                                           TreffDate        *date,
                                           gint64            exclude_booking_id,
                                           const char       *exclude_from,
                                           const char       *exclude_to,
                                           TreffDateState   *state,
                                           char            **detail,
                                           GError          **error);

gboolean      treff_store_load_time_zone  (TreffStore       *self,
                                           GError          **error);
char         *treff_store_format_local    (GDateTime        *date_time);
GDateTime    *treff_store_parse_local     (TreffStore       *self,
                                           const char       *text);

/* treff-store-bookings.c */
TreffBooking *treff_store_booking_from_row (TreffStore      *self,
                                           sqlite3_stmt     *stmt);
gboolean      treff_store_check_dates     (TreffStore       *self,
                                           TreffBooking     *booking,
                                           GPtrArray        *dates,
                                           gint64            exclude_booking_id,
                                           const char       *exclude_from,
                                           const char       *exclude_to,
                                           GError          **error);
gboolean      treff_store_rewrite_dates   (TreffStore       *self,
                                           TreffBooking     *booking,
                                           GHashTable       *exceptions,
                                           GError          **error);
gboolean      treff_store_write_exceptions (TreffStore      *self,
                                           gint64            booking_id,
                                           GHashTable       *exceptions,
                                           GError          **error);

/* treff-store-rooms.c */
gboolean      treff_store_check_room_bookable (TreffStore   *self,
                                           gint64            room_id,
                                           GError          **error);

/* treff-store-schema.c */
gboolean      treff_store_schema_migrate  (sqlite3          *db,
                                           int               from_version,
                                           int               to_version,
                                           GError          **error);

G_END_DECLS
