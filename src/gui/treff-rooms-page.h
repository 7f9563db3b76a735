/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-rooms-page.h — the list of the centre's rooms: search, sort, edit, archive, delete */
#pragma once

#include <gtk/gtk.h>

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_ROOMS_PAGE (treff_rooms_page_get_type ())
G_DECLARE_FINAL_TYPE (TreffRoomsPage, treff_rooms_page, TREFF, ROOMS_PAGE, GtkWidget)

void treff_rooms_page_set_store    (TreffRoomsPage *self,
                                    TreffStore     *store);
void treff_rooms_page_add_room     (TreffRoomsPage *self);
void treff_rooms_page_start_search (TreffRoomsPage *self);

G_END_DECLS
