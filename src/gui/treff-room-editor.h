/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-room-editor.h — the dialog that adds or changes a room */
#pragma once

#include <adwaita.h>

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_ROOM_EDITOR (treff_room_editor_get_type ())
G_DECLARE_FINAL_TYPE (TreffRoomEditor, treff_room_editor, TREFF, ROOM_EDITOR, AdwWindow)

TreffRoomEditor *treff_room_editor_new (TreffStore *store,
                                        TreffRoom  *room);

G_END_DECLS
