/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-booking.h — a booking of a room: one date or a series of dates */
#pragma once

#include <glib-object.h>

#include "treff-recurrence.h"

G_BEGIN_DECLS

typedef enum
{
  TREFF_BOOKING_KIND_GROUP,
  TREFF_BOOKING_KIND_COURSE,
  TREFF_BOOKING_KIND_RENTAL,        /* private party / rental: fee, deposit, key */
  TREFF_BOOKING_KIND_INTERNAL,
  TREFF_BOOKING_KIND_CONSULTATION,
  TREFF_N_BOOKING_KINDS
} TreffBookingKind;

typedef enum
{
  TREFF_BOOKING_STATUS_REQUESTED,
  TREFF_BOOKING_STATUS_CONFIRMED,
  TREFF_BOOKING_STATUS_CANCELLED,
  TREFF_N_BOOKING_STATUSES
} TreffBookingStatus;

/* The longest a single date of a booking may last. */
#define TREFF_BOOKING_MAX_DAYS 31

/* Limits the editor and treff_booking_validate () agree on. */
#define TREFF_BOOKING_TITLE_MAX_CHARS  120
#define TREFF_BOOKING_MAX_SETUP_MINUTES 240  /* also for cleaning up */
#define TREFF_BOOKING_MAX_ATTENDEES    10000

#define TREFF_TYPE_BOOKING_KIND (treff_booking_kind_get_type ())
GType treff_booking_kind_get_type (void) G_GNUC_CONST;

#define TREFF_TYPE_BOOKING_STATUS (treff_booking_status_get_type ())
GType treff_booking_status_get_type (void) G_GNUC_CONST;

#define TREFF_TYPE_BOOKING (treff_booking_get_type ())
G_DECLARE_FINAL_TYPE (TreffBooking, treff_booking, TREFF, BOOKING, GObject)

TreffBooking          *treff_booking_new                   (void);
TreffBooking          *treff_booking_copy                  (TreffBooking          *self);

gint64                 treff_booking_get_id                (TreffBooking          *self);
void                   treff_booking_set_id                (TreffBooking          *self,
                                                            gint64                 id);
gint64                 treff_booking_get_room_id           (TreffBooking          *self);
void                   treff_booking_set_room_id           (TreffBooking          *self,
                                                            gint64                 room_id);
const char            *treff_booking_get_title             (TreffBooking          *self);
void                   treff_booking_set_title             (TreffBooking          *self,
                                                            const char            *title);
TreffBookingKind       treff_booking_get_kind              (TreffBooking          *self);
void                   treff_booking_set_kind              (TreffBooking          *self,
                                                            TreffBookingKind       kind);
TreffBookingStatus     treff_booking_get_status            (TreffBooking          *self);
void                   treff_booking_set_status            (TreffBooking          *self,
                                                            TreffBookingStatus     status);
const char            *treff_booking_get_organiser         (TreffBooking          *self);
void                   treff_booking_set_organiser         (TreffBooking          *self,
                                                            const char            *organiser);
const char            *treff_booking_get_phone             (TreffBooking          *self);
void                   treff_booking_set_phone             (TreffBooking          *self,
                                                            const char            *phone);
const char            *treff_booking_get_email             (TreffBooking          *self);
void                   treff_booking_set_email             (TreffBooking          *self,
                                                            const char            *email);
GDateTime             *treff_booking_get_start             (TreffBooking          *self);
GDateTime             *treff_booking_get_end               (TreffBooking          *self);
void                   treff_booking_set_times             (TreffBooking          *self,
                                                            GDateTime             *start,
                                                            GDateTime             *end);
gboolean               treff_booking_get_all_day           (TreffBooking          *self);
void                   treff_booking_set_all_day           (TreffBooking          *self,
                                                            gboolean               all_day);
guint                  treff_booking_get_attendees         (TreffBooking          *self);
void                   treff_booking_set_attendees         (TreffBooking          *self,
                                                            guint                  attendees);
guint                  treff_booking_get_setup_minutes     (TreffBooking          *self);
void                   treff_booking_set_setup_minutes     (TreffBooking          *self,
                                                            guint                  minutes);
guint                  treff_booking_get_cleanup_minutes   (TreffBooking          *self);
void                   treff_booking_set_cleanup_minutes   (TreffBooking          *self,
                                                            guint                  minutes);
const char            *treff_booking_get_notes             (TreffBooking          *self);
void                   treff_booking_set_notes             (TreffBooking          *self,
                                                            const char            *notes);
gboolean               treff_booking_get_public            (TreffBooking          *self);
void                   treff_booking_set_public            (TreffBooking          *self,
                                                            gboolean               is_public);
guint                  treff_booking_get_fee_cents         (TreffBooking          *self);
void                   treff_booking_set_fee_cents         (TreffBooking          *self,
                                                            guint                  cents);
guint                  treff_booking_get_deposit_cents     (TreffBooking          *self);
void                   treff_booking_set_deposit_cents     (TreffBooking          *self,
                                                            guint                  cents);
gboolean               treff_booking_get_key_handed_out    (TreffBooking          *self);
void                   treff_booking_set_key_handed_out    (TreffBooking          *self,
                                                            gboolean               handed_out);
gboolean               treff_booking_get_key_returned      (TreffBooking          *self);
void                   treff_booking_set_key_returned      (TreffBooking          *self,
                                                            gboolean               returned);
const TreffRecurrence *treff_booking_get_recurrence        (TreffBooking          *self);
void                   treff_booking_set_recurrence        (TreffBooking          *self,
                                                            const TreffRecurrence *recurrence);
gboolean               treff_booking_is_series             (TreffBooking          *self);
char                  *treff_booking_dup_rrule             (TreffBooking          *self);
gboolean               treff_booking_get_pause_in_school_holidays (TreffBooking   *self);
void                   treff_booking_set_pause_in_school_holidays (TreffBooking   *self,
                                                                   gboolean        pause);
gboolean               treff_booking_get_override_closures (TreffBooking          *self);
void                   treff_booking_set_override_closures (TreffBooking          *self,
                                                            gboolean               override);
const char            *treff_booking_get_owner_kind        (TreffBooking          *self);
gint64                 treff_booking_get_owner_id          (TreffBooking          *self);
void                   treff_booking_set_owner             (TreffBooking          *self,
                                                            const char            *owner_kind,
                                                            gint64                 owner_id);
guint                  treff_booking_get_sequence          (TreffBooking          *self);
void                   treff_booking_set_sequence          (TreffBooking          *self,
                                                            guint                  sequence);

const char            *treff_booking_kind_to_label         (TreffBookingKind       kind);
const char            *treff_booking_kind_to_colour        (TreffBookingKind       kind);
const char            *treff_booking_status_to_label       (TreffBookingStatus     status);

gboolean               treff_booking_validate              (TreffBooking          *self,
                                                            GError               **error);

G_END_DECLS
