/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-occurrence.h — one date of a booking, as the week plan, printouts and feeds show it */
#pragma once

#include "treff-booking.h"

G_BEGIN_DECLS

#define TREFF_TYPE_OCCURRENCE (treff_occurrence_get_type ())
G_DECLARE_FINAL_TYPE (TreffOccurrence, treff_occurrence, TREFF, OCCURRENCE, GObject)

TreffOccurrence *treff_occurrence_new                (TreffBooking    *booking,
                                                      GDateTime       *original_start,
                                                      GDateTime       *start,
                                                      GDateTime       *end);
TreffBooking    *treff_occurrence_get_booking        (TreffOccurrence *self);
gint64           treff_occurrence_get_room_id        (TreffOccurrence *self);
void             treff_occurrence_set_room_id        (TreffOccurrence *self,
                                                      gint64           room_id);
const char      *treff_occurrence_get_room_name      (TreffOccurrence *self);
const char      *treff_occurrence_get_room_colour    (TreffOccurrence *self);
void             treff_occurrence_set_room           (TreffOccurrence *self,
                                                      gint64           room_id,
                                                      const char      *name,
                                                      const char      *colour);
const char      *treff_occurrence_get_title          (TreffOccurrence *self);
void             treff_occurrence_set_title          (TreffOccurrence *self,
                                                      const char      *title);
const char      *treff_occurrence_get_public_title   (TreffOccurrence *self);
GDateTime       *treff_occurrence_get_original_start (TreffOccurrence *self);
GDateTime       *treff_occurrence_get_start          (TreffOccurrence *self);
GDateTime       *treff_occurrence_get_end            (TreffOccurrence *self);
gboolean         treff_occurrence_get_cancelled      (TreffOccurrence *self);
void             treff_occurrence_set_cancelled      (TreffOccurrence *self,
                                                      gboolean         cancelled);
gboolean         treff_occurrence_is_cancelled       (TreffOccurrence *self);
gboolean         treff_occurrence_get_moved          (TreffOccurrence *self);
char            *treff_occurrence_dup_time_range     (TreffOccurrence *self);
char            *treff_occurrence_dup_accessible_name (TreffOccurrence *self);

G_END_DECLS
