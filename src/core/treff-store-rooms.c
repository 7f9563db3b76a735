/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-rooms.c — the rooms in the centre's database */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-error.h"
#include "treff-store-private.h"

/* Colours given to new rooms in turn (GNOME palette, readable with white text). */
static const char * const room_palette[] = {
  "#3584e4", "#2ec27e", "#e66100", "#9141ac", "#c01c28",
  "#986a44", "#1c71d8", "#26a269", "#f5c211", "#865e3c",
};

/* Unique names compare case-insensitively, umlauts included. */
static char *
dup_name_key (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized ? normalized : name, -1);
}

#define ROOM_COLUMNS "id, name, capacity, accessible, colour, bookable, notes, archived"

static TreffRoom *
room_from_row (sqlite3_stmt *stmt)
{
  TreffRoom *room = g_object_new (TREFF_TYPE_ROOM, NULL);

  treff_room_set_id (room, sqlite3_column_int64 (stmt, 0));
  treff_room_set_name (room, (const char *)sqlite3_column_text (stmt, 1));
  treff_room_set_capacity (room, sqlite3_column_int (stmt, 2));
  treff_room_set_accessible (room, sqlite3_column_int (stmt, 3));
  treff_room_set_colour (room, (const char *)sqlite3_column_text (stmt, 4));
  treff_room_set_bookable (room, sqlite3_column_int (stmt, 5));
  treff_room_set_notes (room, (const char *)sqlite3_column_text (stmt, 6));
  treff_room_set_archived (room, sqlite3_column_int (stmt, 7));

  return room;
}

/* Fills in the equipment of @rooms: of all rooms, or of @only_room_id
 * unless it is 0. */
static gboolean
load_equipment (TreffStore  *self,
                GPtrArray   *rooms,
                gint64       only_room_id,
                GError     **error)
{
  g_autoptr(GHashTable) builders = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self,
                              "SELECT room_id, tag FROM room_equipment "
                              "WHERE ?1 = 0 OR room_id = ?1 "
                              "ORDER BY room_id, position;",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, only_room_id);
  builders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify)g_strv_builder_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 room_id = sqlite3_column_int64 (stmt, 0);
      GStrvBuilder *builder = g_hash_table_lookup (builders, &room_id);

      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (builders, g_memdup2 (&room_id, sizeof room_id), builder);
        }
      g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < rooms->len; i++)
    {
      TreffRoom *room = g_ptr_array_index (rooms, i);
      gint64 room_id = treff_room_get_id (room);
      GStrvBuilder *builder = g_hash_table_lookup (builders, &room_id);

      if (builder != NULL)
        {
          g_auto(GStrv) tags = g_strv_builder_end (builder);
          treff_room_set_equipment (room, (const char * const *)tags);
        }
    }

  return TRUE;
}

/* The rooms of @stmt's rows (ROOM_COLUMNS), with their equipment. */
static GPtrArray *
load_rooms (TreffStore    *self,
            sqlite3_stmt  *stmt,
            gint64         only_room_id,
            GError       **error)
{
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rooms, room_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return NULL;
    }

  if (rooms->len > 0 && !load_equipment (self, rooms, only_room_id, error))
    return NULL;

  return g_steal_pointer (&rooms);
}

/**
 * treff_store_list_rooms:
 *
 * Returns: (transfer full) (element-type TreffRoom): the rooms ordered by name
 */
GPtrArray *
treff_store_list_rooms (TreffStore  *self,
                        gboolean     include_archived,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);

  stmt = treff_store_prepare (self,
                              "SELECT " ROOM_COLUMNS " FROM rooms "
                              "WHERE archived = 0 OR ?1 ORDER BY name_key;",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, !!include_archived);
  return load_rooms (self, stmt, 0, error);
}

/**
 * treff_store_get_room:
 *
 * Returns: (transfer full): the room, or %NULL with %TREFF_ERROR_NOT_FOUND
 */
TreffRoom *
treff_store_get_room (TreffStore  *self,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(GPtrArray) rooms = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);

  stmt = treff_store_prepare (self, "SELECT " ROOM_COLUMNS " FROM rooms WHERE id = ?1;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rooms = load_rooms (self, stmt, id, error);
  if (rooms == NULL)
    return NULL;

  if (rooms->len == 0)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND,
                           _("The room no longer exists; it may have been deleted."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rooms, 0));
}

/* Counts all rooms, archived ones too: an empty count means a new centre. */
guint
treff_store_count_rooms (TreffStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (TREFF_IS_STORE (self), 0);

  stmt = treff_store_prepare (self, "SELECT count(*) FROM rooms;", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

/**
 * treff_store_check_room_name_free:
 * @except_id: the room being edited, or 0 for a new room
 *
 * Fails with %TREFF_ERROR_DUPLICATE when another room has this name.
 */
gboolean
treff_store_check_room_name_free (TreffStore  *self,
                                  const char  *name,
                                  gint64       except_id,
                                  GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  gboolean archived;
  int rc;

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  key = dup_name_key (stripped);
  stmt = treff_store_prepare (self,
                              "SELECT archived FROM rooms WHERE name_key = ?1 AND id != ?2;",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  archived = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  if (rc != SQLITE_ROW)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  if (archived)
    g_set_error (error, TREFF_ERROR, TREFF_ERROR_DUPLICATE,
                 _("An archived room is already called “%s”. Restore it or choose another name."),
                 stripped);
  else
    g_set_error (error, TREFF_ERROR, TREFF_ERROR_DUPLICATE,
                 _("There is already a room called “%s”. Choose another name."),
                 stripped);
  return FALSE;
}

/* A booking, made here or imported, needs a room that can be booked. */
gboolean
treff_store_check_room_bookable (TreffStore  *self,
                                 gint64       room_id,
                                 GError     **error)
{
  g_autoptr(TreffRoom) room = treff_store_get_room (self, room_id, error);

  if (room == NULL)
    return FALSE;

  if (treff_room_get_archived (room) || !treff_room_get_bookable (room))
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("%s cannot be booked. Choose another room, or make it bookable in the room’s settings."),
                   treff_room_get_name (room));
      return FALSE;
    }

  return TRUE;
}

/**
 * treff_store_dup_unused_room_colour:
 *
 * Returns: (transfer full): the first palette colour no current room uses
 */
char *
treff_store_dup_unused_room_colour (TreffStore *self)
{
  g_autoptr(GPtrArray) rooms = NULL;

  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);

  rooms = treff_store_list_rooms (self, FALSE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (room_palette); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; rooms != NULL && j < rooms->len && !used; j++)
        used = g_ascii_strcasecmp (treff_room_get_colour (g_ptr_array_index (rooms, j)),
                                   room_palette[i]) == 0;
      if (!used)
        return g_strdup (room_palette[i]);
    }

  return g_strdup (room_palette[(rooms ? rooms->len : 0) % G_N_ELEMENTS (room_palette)]);
}

static gboolean
write_equipment (TreffStore  *self,
                 TreffRoom   *room,
                 GError     **error)
{
  const char * const *tags = treff_room_get_equipment (room);
  sqlite3_stmt *stmt;

  if (!treff_store_exec_with_id (self, "DELETE FROM room_equipment WHERE room_id = ?1;",
                                 treff_room_get_id (room), error))
    return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      stmt = treff_store_prepare (self,
                                  "INSERT INTO room_equipment (room_id, position, tag) "
                                  "VALUES (?1, ?2, ?3);",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, treff_room_get_id (room));
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, tags[i], -1, SQLITE_STATIC);
      if (!treff_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_room_values (sqlite3_stmt *stmt,
                  TreffRoom    *room,
                  const char   *name_key)
{
  sqlite3_bind_int64 (stmt, 1, treff_room_get_id (room));
  sqlite3_bind_text (stmt, 2, treff_room_get_name (room), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name_key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, treff_room_get_capacity (room));
  sqlite3_bind_int (stmt, 5, treff_room_get_accessible (room));
  sqlite3_bind_text (stmt, 6, treff_room_get_colour (room), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, treff_room_get_bookable (room));
  sqlite3_bind_text (stmt, 8, treff_room_get_notes (room), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, treff_room_get_archived (room));
}

typedef struct
{
  TreffStore *store;
  TreffRoom  *room;
  gboolean    insert;
} WriteRoom;

static gboolean
write_room_in_transaction (gpointer   user_data,
                           GError   **error)
{
  WriteRoom *write = user_data;
  TreffStore *self = write->store;
  TreffRoom *room = write->room;
  g_autofree char *key = dup_name_key (treff_room_get_name (room));
  sqlite3_stmt *stmt;

  if (!treff_room_validate (room, error) ||
      !treff_store_check_room_name_free (self, treff_room_get_name (room),
                                         treff_room_get_id (room), error))
    return FALSE;

  /* A new name is a change of every booking's place, as calendars that
   * subscribed to them see it (LOCATION): their SEQUENCE must grow. */
  if (!write->insert)
    {
      stmt = treff_store_prepare (self,
                                  "UPDATE bookings SET sequence = sequence + 1, "
                                  "modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                  "WHERE (room_id = ?1 OR id IN "
                                  "  (SELECT booking_id FROM booking_exceptions WHERE room_id = ?1)) "
                                  "AND (SELECT name FROM rooms WHERE id = ?1) IS NOT ?2;",
                                  error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, treff_room_get_id (room));
      sqlite3_bind_text (stmt, 2, treff_room_get_name (room), -1, SQLITE_STATIC);
      if (!treff_store_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) > 0)
        treff_store_mark_changed (self, TREFF_STORE_TOPIC_BOOKINGS);
    }

  if (write->insert)
    stmt = treff_store_prepare (self,
                                "INSERT INTO rooms (id, name, name_key, capacity, accessible, colour, "
                                "bookable, notes, archived) "
                                "VALUES (nullif (?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);",
                                error);
  else
    stmt = treff_store_prepare (self,
                                "UPDATE rooms SET name = ?2, name_key = ?3, capacity = ?4, "
                                "accessible = ?5, colour = ?6, bookable = ?7, notes = ?8, "
                                "archived = ?9, modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                "WHERE id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_room_values (stmt, room, key);
  if (!treff_store_step_done (self, stmt, error))
    return FALSE;

  if (write->insert)
    treff_room_set_id (room, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND,
                   _("The room “%s” no longer exists; it may have been deleted."),
                   treff_room_get_name (room));
      return FALSE;
    }

  if (!write_equipment (self, room, error))
    return FALSE;

  treff_store_mark_changed (self, TREFF_STORE_TOPIC_ROOMS);
  return TRUE;
}

/**
 * treff_store_add_room:
 *
 * Saves a new room and sets its id. A room whose id is already set (one
 * that was deleted and is being brought back by Undo) keeps that id.
 */
gboolean
treff_store_add_room (TreffStore  *self,
                      TreffRoom   *room,
                      GError     **error)
{
  WriteRoom write = { self, room, TRUE };
  gint64 id_before;

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (TREFF_IS_ROOM (room), FALSE);

  id_before = treff_room_get_id (room);
  if (!treff_store_run_transaction (self, write_room_in_transaction, &write, error))
    {
      treff_room_set_id (room, id_before);
      return FALSE;
    }

  return TRUE;
}

gboolean
treff_store_update_room (TreffStore  *self,
                         TreffRoom   *room,
                         GError     **error)
{
  WriteRoom write = { self, room, FALSE };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (TREFF_IS_ROOM (room), FALSE);
  g_return_val_if_fail (treff_room_get_id (room) > 0, FALSE);

  return treff_store_run_transaction (self, write_room_in_transaction, &write, error);
}

gboolean
treff_store_set_room_archived (TreffStore  *self,
                               gint64       id,
                               gboolean     archived,
                               GError     **error)
{
  g_autoptr(TreffRoom) room = NULL;

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);

  room = treff_store_get_room (self, id, error);
  if (room == NULL)
    return FALSE;

  treff_room_set_archived (room, archived);
  return treff_store_update_room (self, room, error);
}

typedef struct
{
  TreffStore *store;
  gint64      id;
} DeleteRoom;

static gboolean
delete_room_in_transaction (gpointer   user_data,
                            GError   **error)
{
  DeleteRoom *delete = user_data;
  TreffStore *self = delete->store;
  sqlite3_stmt *stmt;
  int rc;

  stmt = treff_store_prepare (self, "DELETE FROM rooms WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, delete->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  /* Bookings and other history refer to their room with ON DELETE RESTRICT. */
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_IN_USE,
                           _("The room has bookings, so it cannot be deleted. Archive it instead."));
      return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND,
                           _("The room no longer exists; it may have been deleted."));
      return FALSE;
    }

  treff_store_mark_changed (self, TREFF_STORE_TOPIC_ROOMS);
  return TRUE;
}

/**
 * treff_store_delete_room:
 *
 * Deletes a room without history. A room that has history fails with
 * %TREFF_ERROR_IN_USE and should be archived instead.
 */
gboolean
treff_store_delete_room (TreffStore  *self,
                         gint64       id,
                         GError     **error)
{
  DeleteRoom delete = { self, id };

  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);

  return treff_store_run_transaction (self, delete_room_in_transaction, &delete, error);
}
