/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-room-list.h — the store's rooms as a GListModel that follows changes */
#pragma once

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_ROOM_LIST (treff_room_list_get_type ())
G_DECLARE_FINAL_TYPE (TreffRoomList, treff_room_list, TREFF, ROOM_LIST, GObject)

TreffRoomList *treff_room_list_new                  (TreffStore    *store,
                                                     gboolean       include_archived);
TreffStore    *treff_room_list_get_store            (TreffRoomList *self);
gboolean       treff_room_list_get_include_archived (TreffRoomList *self);
void           treff_room_list_set_include_archived (TreffRoomList *self,
                                                     gboolean       include_archived);

G_END_DECLS
