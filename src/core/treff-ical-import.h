/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-ical-import.h — reading an iCalendar file and previewing what importing it changes */
#pragma once

#include <gio/gio.h>

#include "treff-booking.h"
#include "treff-closure.h"
#include "treff-store.h"

G_BEGIN_DECLS

/* What the events of a file become. */
typedef enum
{
  TREFF_IMPORT_TARGET_BOOKINGS,         /* bookings of one room */
  TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS,  /* school-holiday periods */
  TREFF_IMPORT_TARGET_CLOSURES,         /* closure periods */
} TreffImportTarget;

/* What importing one event would do. */
typedef enum
{
  TREFF_IMPORT_STATE_NEW,
  TREFF_IMPORT_STATE_UPDATE,         /* replaces what an earlier import of its UID created */
  TREFF_IMPORT_STATE_OUTSIDE_HOURS,  /* importable, but before opening or after closing time */
  TREFF_IMPORT_STATE_CONFLICT,       /* not importable: another booking, a closure, a holiday */
  TREFF_IMPORT_STATE_UNPARSEABLE,    /* not importable: the event cannot be read or represented */
} TreffImportState;

/* Larger files are refused before they are read into memory. */
#define TREFF_ICAL_IMPORT_MAX_BYTES (64 * 1024 * 1024)

#define TREFF_TYPE_IMPORT_TARGET (treff_import_target_get_type ())
GType treff_import_target_get_type (void) G_GNUC_CONST;

#define TREFF_TYPE_IMPORT_STATE (treff_import_state_get_type ())
GType treff_import_state_get_type (void) G_GNUC_CONST;

#define TREFF_TYPE_IMPORT_ITEM (treff_import_item_get_type ())
G_DECLARE_FINAL_TYPE (TreffImportItem, treff_import_item, TREFF, IMPORT_ITEM, GObject)

TreffImportState  treff_import_item_get_state       (TreffImportItem *self);
gboolean          treff_import_item_is_importable   (TreffImportItem *self);
gboolean          treff_import_item_get_selected    (TreffImportItem *self);
void              treff_import_item_set_selected    (TreffImportItem *self,
                                                     gboolean         selected);
guint             treff_import_item_get_line        (TreffImportItem *self);
const char       *treff_import_item_get_uid         (TreffImportItem *self);
const char       *treff_import_item_get_summary     (TreffImportItem *self);
const char       *treff_import_item_get_message     (TreffImportItem *self);
TreffBooking     *treff_import_item_get_booking     (TreffImportItem *self);
TreffClosure     *treff_import_item_get_closure     (TreffImportItem *self);
const char       *treff_import_state_to_icon_name   (TreffImportState state);
const char       *treff_import_state_to_label       (TreffImportState state);

#define TREFF_TYPE_ICAL_IMPORT (treff_ical_import_get_type ())
G_DECLARE_FINAL_TYPE (TreffIcalImport, treff_ical_import, TREFF, ICAL_IMPORT, GObject)

TreffIcalImport  *treff_ical_import_new             (void);
void              treff_ical_import_set_opening_hours (TreffIcalImport *self,
                                                     guint            first_hour,
                                                     guint            last_hour);
gboolean          treff_ical_import_load_file       (TreffIcalImport *self,
                                                     GFile           *file,
                                                     GTimeZone       *centre_zone,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
gboolean          treff_ical_import_load_data       (TreffIcalImport *self,
                                                     const char      *data,
                                                     gsize            length,
                                                     const char      *file_name,
                                                     GTimeZone       *centre_zone,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
const char       *treff_ical_import_get_file_name   (TreffIcalImport *self);
guint             treff_ical_import_get_n_events    (TreffIcalImport *self);
const char       *treff_ical_import_get_notes       (TreffIcalImport *self);
gboolean          treff_ical_import_preview         (TreffIcalImport *self,
                                                     TreffStore      *store,
                                                     TreffImportTarget target,
                                                     gint64           room_id,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
TreffImportTarget treff_ical_import_get_target      (TreffIcalImport *self);
gint64            treff_ical_import_get_room_id     (TreffIcalImport *self);
GListModel       *treff_ical_import_get_items       (TreffIcalImport *self);
guint             treff_ical_import_count_state     (TreffIcalImport *self,
                                                     TreffImportState state);
guint             treff_ical_import_count_selected  (TreffIcalImport *self);
char             *treff_ical_import_dup_summary     (TreffIcalImport *self);
gboolean          treff_ical_import_run             (TreffIcalImport *self,
                                                     TreffStore      *store,
                                                     guint           *n_imported,
                                                     GError         **error);

/* The store's side (treff-store-import.c): what only the store may do. */

/* A date of a series that the file moves or retitles (a RECURRENCE-ID override). */
typedef struct
{
  GDateTime *original_start;  /* the series' slot, local */
  GDateTime *start;           /* where it takes place instead */
  GDateTime *end;
  char      *title;           /* its own title, or NULL */
} TreffImportMovedDate;

GPtrArray        *treff_import_item_get_cancelled_starts (TreffImportItem *self);
GPtrArray        *treff_import_item_get_moved_dates      (TreffImportItem *self);
void              treff_import_item_set_result           (TreffImportItem *self,
                                                          gboolean         is_update,
                                                          const char      *note);
void              treff_import_item_set_failure          (TreffImportItem *self,
                                                          const GError    *error);

gboolean          treff_store_import_items          (TreffStore      *store,
                                                     GListModel      *items,
                                                     TreffImportTarget target,
                                                     gint64           room_id,
                                                     gboolean         dry_run,
                                                     GCancellable    *cancellable,
                                                     guint           *n_imported,
                                                     GError         **error);

G_END_DECLS
