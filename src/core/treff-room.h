/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-room.h — a room of the centre that can be booked */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Limits the editor and the store agree on. */
#define TREFF_ROOM_NAME_MAX_CHARS 60
#define TREFF_ROOM_CAPACITY_MAX   1000

#define TREFF_TYPE_ROOM (treff_room_get_type ())
G_DECLARE_FINAL_TYPE (TreffRoom, treff_room, TREFF, ROOM, GObject)

TreffRoom          *treff_room_new               (const char         *name);
TreffRoom          *treff_room_copy              (TreffRoom          *self);
void                treff_room_assign            (TreffRoom          *self,
                                                  TreffRoom          *other);

gint64              treff_room_get_id            (TreffRoom          *self);
void                treff_room_set_id            (TreffRoom          *self,
                                                  gint64              id);
const char         *treff_room_get_name          (TreffRoom          *self);
void                treff_room_set_name          (TreffRoom          *self,
                                                  const char         *name);
guint               treff_room_get_capacity      (TreffRoom          *self);
void                treff_room_set_capacity      (TreffRoom          *self,
                                                  guint               capacity);
const char * const *treff_room_get_equipment     (TreffRoom          *self);
void                treff_room_set_equipment     (TreffRoom          *self,
                                                  const char * const *equipment);
char               *treff_room_dup_equipment_text (TreffRoom         *self);
gboolean            treff_room_get_accessible    (TreffRoom          *self);
void                treff_room_set_accessible    (TreffRoom          *self,
                                                  gboolean            accessible);
const char         *treff_room_get_colour        (TreffRoom          *self);
void                treff_room_set_colour        (TreffRoom          *self,
                                                  const char         *colour);
gboolean            treff_room_get_bookable      (TreffRoom          *self);
void                treff_room_set_bookable      (TreffRoom          *self,
                                                  gboolean            bookable);
const char         *treff_room_get_notes         (TreffRoom          *self);
void                treff_room_set_notes         (TreffRoom          *self,
                                                  const char         *notes);
gboolean            treff_room_get_archived      (TreffRoom          *self);
void                treff_room_set_archived      (TreffRoom          *self,
                                                  gboolean            archived);

char              **treff_room_parse_equipment   (const char         *text);
gboolean            treff_room_check_name        (const char         *name,
                                                  GError            **error);
gboolean            treff_room_check_capacity    (guint               capacity,
                                                  GError            **error);
gboolean            treff_room_check_colour      (const char         *colour,
                                                  GError            **error);
gboolean            treff_room_validate          (TreffRoom          *self,
                                                  GError            **error);

G_END_DECLS
