/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-booking-tile.h — one date of a booking as a coloured, activatable tile in the week plan */
#pragma once

#include <gtk/gtk.h>

#include "treff-occurrence.h"

G_BEGIN_DECLS

#define TREFF_TYPE_BOOKING_TILE (treff_booking_tile_get_type ())
G_DECLARE_FINAL_TYPE (TreffBookingTile, treff_booking_tile, TREFF, BOOKING_TILE, GtkWidget)

GtkWidget       *treff_booking_tile_new              (TreffOccurrence  *occurrence);
TreffOccurrence *treff_booking_tile_get_occurrence   (TreffBookingTile *self);
const char      *treff_booking_tile_get_colour       (TreffBookingTile *self);
void             treff_booking_tile_set_colour       (TreffBookingTile *self,
                                                      const char       *colour);
gboolean         treff_booking_tile_get_show_room    (TreffBookingTile *self);
void             treff_booking_tile_set_show_room    (TreffBookingTile *self,
                                                      gboolean          show_room);
gboolean         treff_booking_tile_get_compact      (TreffBookingTile *self);
void             treff_booking_tile_set_compact      (TreffBookingTile *self,
                                                      gboolean          compact);
const char      *treff_booking_tile_get_label        (TreffBookingTile *self);
gboolean         treff_booking_tile_is_cancelled     (TreffBookingTile *self);
gboolean         treff_booking_tile_is_requested     (TreffBookingTile *self);

G_END_DECLS
