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

  /* 1 → 2: bookings, their dates, closures and school holidays.
   * Local times are wall-clock text ("2026-11-23T18:00:00") so a series
   * keeps its hour across DST; occurrences hold every date of every
   * booking in UTC seconds, so a range is one indexed query. */
  "CREATE TABLE bookings ("
  "  id                 INTEGER PRIMARY KEY,"
  "  room_id            INTEGER NOT NULL REFERENCES rooms (id),"
  "  title              TEXT NOT NULL,"
  "  kind               INTEGER NOT NULL,"
  "  status             INTEGER NOT NULL,"
  "  organiser          TEXT NOT NULL DEFAULT '',"
  "  phone              TEXT NOT NULL DEFAULT '',"
  "  email              TEXT NOT NULL DEFAULT '',"
  "  starts             TEXT NOT NULL,"
  "  ends               TEXT NOT NULL,"
  "  all_day            INTEGER NOT NULL DEFAULT 0,"
  "  attendees          INTEGER NOT NULL DEFAULT 0,"
  "  setup_minutes      INTEGER NOT NULL DEFAULT 0,"
  "  cleanup_minutes    INTEGER NOT NULL DEFAULT 0,"
  "  notes              TEXT NOT NULL DEFAULT '',"
  "  public             INTEGER NOT NULL DEFAULT 1,"
  "  fee_cents          INTEGER NOT NULL DEFAULT 0,"
  "  deposit_cents      INTEGER NOT NULL DEFAULT 0,"
  "  key_handed_out     INTEGER NOT NULL DEFAULT 0,"
  "  key_returned       INTEGER NOT NULL DEFAULT 0,"
  "  rrule              TEXT NOT NULL DEFAULT '',"
  "  pause_in_school_holidays INTEGER NOT NULL DEFAULT 0,"
  "  override_closures  INTEGER NOT NULL DEFAULT 0,"
  /* What the booking belongs to (a course, a shift), if anything. */
  "  owner_kind         TEXT NOT NULL DEFAULT '',"
  "  owner_id           INTEGER NOT NULL DEFAULT 0,"
  "  sequence           INTEGER NOT NULL DEFAULT 0,"
  "  created            TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  modified           TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX bookings_owner ON bookings (owner_kind, owner_id) WHERE owner_kind != '';"
  "CREATE INDEX bookings_room ON bookings (room_id);"
  /* Per-date changes of a series; NULL means "as the series says". */
  "CREATE TABLE booking_exceptions ("
  "  booking_id     INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,"
  "  original_start TEXT NOT NULL,"
  "  cancelled      INTEGER NOT NULL DEFAULT 0,"
  "  starts         TEXT,"
  "  ends           TEXT,"
  "  room_id        INTEGER REFERENCES rooms (id),"
  "  title          TEXT,"
  "  PRIMARY KEY (booking_id, original_start)"
  ") WITHOUT ROWID;"
  "CREATE TABLE occurrences ("
  "  booking_id      INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,"
  "  original_start  TEXT NOT NULL,"
  "  room_id         INTEGER NOT NULL REFERENCES rooms (id),"
  "  start_utc       INTEGER NOT NULL,"
  "  end_utc         INTEGER NOT NULL,"
  "  block_start_utc INTEGER NOT NULL,"
  "  block_end_utc   INTEGER NOT NULL,"
  "  cancelled       INTEGER NOT NULL,"
  "  PRIMARY KEY (booking_id, original_start)"
  ");"
  "CREATE INDEX occurrences_start ON occurrences (start_utc);"
  "CREATE INDEX occurrences_room_block ON occurrences (room_id, block_start_utc);"
  "CREATE TABLE closures ("
  "  id        INTEGER PRIMARY KEY,"
  "  kind      INTEGER NOT NULL,"
  "  title     TEXT NOT NULL,"
  "  first_day TEXT NOT NULL,"
  "  last_day  TEXT NOT NULL,"
  "  uid       TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX closures_last_day ON closures (last_day);"
  "INSERT INTO meta (key, value) VALUES ('time-zone', 'Europe/Berlin');",

  /* 2 → 3: the UID of an imported iCalendar event, so importing the
   * same file again updates its bookings instead of adding them twice.
   * (Imported closures keep theirs in closures.uid.) */
  "ALTER TABLE bookings ADD COLUMN import_uid TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX bookings_import_uid ON bookings (import_uid) WHERE import_uid != '';"
  "CREATE INDEX closures_uid ON closures (uid) WHERE uid != '';",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TREFF_STORE_SCHEMA_VERSION);

static gboolean
migrate_one (sqlite3     *db,
             int          from_version,
             GError     **error)
{
  g_autofree char *set_version = NULL;

  if (!treff_sqlite_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  /* user_version is part of the transaction: a migration that fails
   * half-way leaves neither its tables nor its version behind. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d;", from_version + 1);
  if (from_version == 0)
    {
      g_autofree char *set_application_id =
        g_strdup_printf ("PRAGMA application_id = %d;", TREFF_STORE_APPLICATION_ID);

      if (!treff_sqlite_exec (db, set_application_id, error))
        {
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
    }

  if (!treff_sqlite_exec (db, migrations[from_version], error) ||
      !treff_sqlite_exec (db, set_version, error) ||
      !treff_sqlite_exec (db, "COMMIT;", error))
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
