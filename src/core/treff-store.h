/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store.h — the centre's database: the single source of truth */
#pragma once

#include <gio/gio.h>

#include "treff-booking.h"
#include "treff-closure.h"
#include "treff-occurrence.h"
#include "treff-room.h"

G_BEGIN_DECLS

/* The version of the schema this Treffpunkt writes (PRAGMA user_version). */
#define TREFF_STORE_SCHEMA_VERSION 3

/* What a "changed" signal is about; flags, because one transaction can
 * touch several kinds of records. */
typedef enum
{
  TREFF_STORE_TOPIC_ROOMS    = 1 << 0,
  TREFF_STORE_TOPIC_BOOKINGS = 1 << 1,
  TREFF_STORE_TOPIC_CLOSURES = 1 << 2,
} TreffStoreTopic;

/* Which dates of a series an edit applies to. */
typedef enum
{
  TREFF_EDIT_SCOPE_ALL,
  TREFF_EDIT_SCOPE_THIS_DATE,
  TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING,
} TreffEditScope;

/* What the series preview says about one date. */
typedef enum
{
  TREFF_DATE_STATE_FREE,
  TREFF_DATE_STATE_CONFLICT,
  TREFF_DATE_STATE_PUBLIC_HOLIDAY,
  TREFF_DATE_STATE_CLOSURE,
  TREFF_DATE_STATE_SCHOOL_HOLIDAY,  /* the series pauses: the date is left out */
} TreffDateState;

typedef struct
{
  GDateTime      *start;
  GDateTime      *end;
  TreffDateState  state;
  char           *detail;   /* "Repair-Café, Sa, 5.12.2026 14:00–17:00", "Neujahr", … */
} TreffDatePreview;

void treff_date_preview_free (TreffDatePreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TreffDatePreview, treff_date_preview_free)

typedef gboolean (*TreffStoreFunc) (gpointer   user_data,
                                    GError   **error);

#define TREFF_TYPE_STORE (treff_store_get_type ())
G_DECLARE_FINAL_TYPE (TreffStore, treff_store, TREFF, STORE, GObject)

char       *treff_store_dup_default_path     (void);
TreffStore *treff_store_open                 (const char      *path,
                                              GError         **error);
const char *treff_store_get_path             (TreffStore      *self);
gboolean    treff_store_run_transaction      (TreffStore      *self,
                                              TreffStoreFunc   func,
                                              gpointer         user_data,
                                              GError         **error);

GPtrArray  *treff_store_list_rooms           (TreffStore      *self,
                                              gboolean         include_archived,
                                              GError         **error);
TreffRoom  *treff_store_get_room             (TreffStore      *self,
                                              gint64           id,
                                              GError         **error);
guint       treff_store_count_rooms          (TreffStore      *self);
gboolean    treff_store_check_room_name_free (TreffStore      *self,
                                              const char      *name,
                                              gint64           except_id,
                                              GError         **error);
char       *treff_store_dup_unused_room_colour (TreffStore    *self);
gboolean    treff_store_add_room             (TreffStore      *self,
                                              TreffRoom       *room,
                                              GError         **error);
gboolean    treff_store_update_room          (TreffStore      *self,
                                              TreffRoom       *room,
                                              GError         **error);
gboolean    treff_store_set_room_archived    (TreffStore      *self,
                                              gint64           id,
                                              gboolean         archived,
                                              GError         **error);
gboolean    treff_store_delete_room          (TreffStore      *self,
                                              gint64           id,
                                              GError         **error);


gboolean    treff_store_check_time_zone_name (const char      *identifier,
                                              GError         **error);
GTimeZone  *treff_store_get_time_zone        (TreffStore      *self);
gboolean    treff_store_set_time_zone        (TreffStore      *self,
                                              const char      *identifier,
                                              GError         **error);

TreffBooking *treff_store_get_booking        (TreffStore      *self,
                                              gint64           id,
                                              GError         **error);
gboolean    treff_store_add_booking          (TreffStore      *self,
                                              TreffBooking    *booking,
                                              GPtrArray       *skipped_starts,
                                              GError         **error);
gboolean    treff_store_update_booking       (TreffStore      *self,
                                              TreffBooking    *booking,
                                              TreffEditScope   scope,
                                              GDateTime       *original_start,
                                              GError         **error);
gboolean    treff_store_set_date_cancelled   (TreffStore      *self,
                                              gint64           booking_id,
                                              GDateTime       *original_start,
                                              gboolean         cancelled,
                                              GError         **error);
gboolean    treff_store_delete_booking       (TreffStore      *self,
                                              gint64           id,
                                              GError         **error);
GPtrArray  *treff_store_preview_booking      (TreffStore      *self,
                                              TreffBooking    *booking,
                                              TreffEditScope   scope,
                                              GDateTime       *original_start,
                                              GError         **error);
gboolean    treff_store_check_booking        (TreffStore      *self,
                                              TreffBooking    *booking,
                                              TreffEditScope   scope,
                                              GDateTime       *original_start,
                                              char           **warning,
                                              GError         **error);
char       *treff_store_dup_capacity_warning (TreffStore      *self,
                                              TreffBooking    *booking);
GPtrArray  *treff_store_list_occurrences     (TreffStore      *self,
                                              GDateTime       *from,
                                              GDateTime       *to,
                                              GError         **error);
GPtrArray  *treff_store_search_bookings      (TreffStore      *self,
                                              const char      *text,
                                              guint            limit,
                                              GError         **error);

gboolean    treff_store_add_closure          (TreffStore      *self,
                                              TreffClosure    *closure,
                                              GError         **error);
gboolean    treff_store_delete_closure       (TreffStore      *self,
                                              gint64           id,
                                              GError         **error);
GPtrArray  *treff_store_list_closures        (TreffStore      *self,
                                              const GDate     *first_day,
                                              const GDate     *last_day,
                                              GError         **error);

G_END_DECLS
