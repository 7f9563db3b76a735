/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-week-page.h — the week plan: a week (or a day, room by room) of bookings, and finding them */
#pragma once

#include <gtk/gtk.h>

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_WEEK_PAGE (treff_week_page_get_type ())
G_DECLARE_FINAL_TYPE (TreffWeekPage, treff_week_page, TREFF, WEEK_PAGE, GtkWidget)

void       treff_week_page_set_store  (TreffWeekPage *self,
                                       TreffStore    *store);
void       treff_week_page_show_date  (TreffWeekPage *self,
                                       GDateTime     *date);
GDateTime *treff_week_page_get_date   (TreffWeekPage *self);
void       treff_week_page_start_search (TreffWeekPage *self);

G_END_DECLS
