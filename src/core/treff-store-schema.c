/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-schema.c — the schema and its migrations, one per version */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include "treff-store-private.h"

/* migrations[i] brings a database from version i to version i + 1.
 * A released migration is never edited: add a new one instead. */
static const char * const migrations[] = {
  /* 0 → 1: the centre and its rooms */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  /* Identifies this centre's data in exported UIDs, the same on every PC. */
  "INSERT INTO meta (key, value) VALUES ('centre-uid', lower (hex (randomblob (16))));"
  "CREATE TABLE rooms ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL,"
  "  name_key   TEXT NOT NULL UNIQUE,"
  "  capacity   INTEGER NOT NULL CHECK (capacity > 0),"
  "  accessible INTEGER NOT NULL DEFAULT 0,"
  "  colour     TEXT NOT NULL,"
  "  bookable   INTEGER NOT NULL DEFAULT 1,"
  "  notes      TEXT NOT NULL DEFAULT '',"
  "  archived   INTEGER NOT NULL DEFAULT 0,"
  "  created    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  modified   TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE TABLE room_equipment ("
  "  room_id  INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  tag      TEXT NOT NULL,"
  "  PRIMARY KEY (room_id, position)"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TREFF_STORE_SCHEMA_VERSION);

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      treff_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate_one (sqlite3     *db,
             int          from_version,
             GError     **error)
{
  g_autofree char *set_version = NULL;

  if (!exec_sql (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  /* user_version is part of the transaction: a migration that fails
   * half-way leaves neither its tables nor its version behind. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d;", from_version + 1);
  if (from_version == 0)
    {
      g_autofree char *set_application_id =
        g_strdup_printf ("PRAGMA application_id = %d;", TREFF_STORE_APPLICATION_ID);

      if (!exec_sql (db, set_application_id, error))
        {
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
    }

  if (!exec_sql (db, migrations[from_version], error) ||
      !exec_sql (db, set_version, error) ||
      !exec_sql (db, "COMMIT;", error))
    {
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  g_debug ("Migrated database to schema version %d", from_version + 1);
  return TRUE;
}

gboolean
treff_store_schema_migrate (sqlite3  *db,
                            int       from_version,
                            int       to_version,
                            GError  **error)
{
  g_assert (db != NULL);
  g_assert (from_version >= 0);
  g_assert (to_version <= TREFF_STORE_SCHEMA_VERSION);

  for (int version = from_version; version < to_version; version++)
    {
      if (!migrate_one (db, version, error))
        return FALSE;
    }

  return TRUE;
}
