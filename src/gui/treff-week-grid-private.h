/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-week-grid-private.h — what the click and key handlers use, open to the tests */
#pragma once

#include "treff-week-grid.h"

G_BEGIN_DECLS

/* Minutes of one step of the keyboard cursor and of a click's start. */
#define TREFF_WEEK_GRID_SLOT_MINUTES 30

gboolean treff_week_grid_activate_point  (TreffWeekGrid *self,
                                          double         x,
                                          double         y);
void     treff_week_grid_set_cursor      (TreffWeekGrid *self,
                                          guint          column,
                                          int            minute);
gboolean treff_week_grid_activate_cursor (TreffWeekGrid *self);
int      treff_week_grid_get_first_hour  (TreffWeekGrid *self);
int      treff_week_grid_get_last_hour   (TreffWeekGrid *self);

G_END_DECLS
