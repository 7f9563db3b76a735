/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store.h — the centre's database: the single source of truth */
#pragma once

#include <gio/gio.h>

#include "treff-room.h"

G_BEGIN_DECLS

/* The version of the schema this Treffpunkt writes (PRAGMA user_version). */
#define TREFF_STORE_SCHEMA_VERSION 1

/* What a "changed" signal is about; flags, because one transaction can
 * touch several kinds of records. */
typedef enum
{
  TREFF_STORE_TOPIC_ROOMS = 1 << 0,
} TreffStoreTopic;

typedef gboolean (*TreffStoreFunc) (gpointer   user_data,
                                    GError   **error);

#define TREFF_TYPE_STORE (treff_store_get_type ())
G_DECLARE_FINAL_TYPE (TreffStore, treff_store, TREFF, STORE, GObject)

char       *treff_store_dup_default_path     (void);
TreffStore *treff_store_open                 (const char      *path,
                                              GError         **error);
const char *treff_store_get_path             (TreffStore      *self);
gboolean    treff_store_run_transaction      (TreffStore      *self,
                                              TreffStoreFunc   func,
                                              gpointer         user_data,
                                              GError         **error);

GPtrArray  *treff_store_list_rooms           (TreffStore      *self,
                                              gboolean         include_archived,
                                              GError         **error);
TreffRoom  *treff_store_get_room             (TreffStore      *self,
                                              gint64           id,
                                              GError         **error);
guint       treff_store_count_rooms          (TreffStore      *self);
gboolean    treff_store_check_room_name_free (TreffStore      *self,
                                              const char      *name,
                                              gint64           except_id,
                                              GError         **error);
char       *treff_store_dup_unused_room_colour (TreffStore    *self);
gboolean    treff_store_add_room             (TreffStore      *self,
                                              TreffRoom       *room,
                                              GError         **error);
gboolean    treff_store_update_room          (TreffStore      *self,
                                              TreffRoom       *room,
                                              GError         **error);
gboolean    treff_store_set_room_archived    (TreffStore      *self,
                                              gint64           id,
                                              gboolean         archived,
                                              GError         **error);
gboolean    treff_store_delete_room          (TreffStore      *self,
                                              gint64           id,
                                              GError         **error);

G_END_DECLS
