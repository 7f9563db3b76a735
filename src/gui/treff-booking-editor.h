/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-booking-editor.h — the dialog that creates or changes a booking or series */
#pragma once

#include <adwaita.h>

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_BOOKING_EDITOR (treff_booking_editor_get_type ())
G_DECLARE_FINAL_TYPE (TreffBookingEditor, treff_booking_editor, TREFF, BOOKING_EDITOR, AdwWindow)

TreffBookingEditor *treff_booking_editor_new_for_slot       (TreffStore      *store,
                                                             GDateTime       *start,
                                                             GDateTime       *end,
                                                             gint64           room_id);
TreffBookingEditor *treff_booking_editor_new_for_occurrence (TreffStore      *store,
                                                             TreffOccurrence *occurrence);
void                treff_booking_editor_save               (TreffBookingEditor *self,
                                                             TreffEditScope      scope);

G_END_DECLS
