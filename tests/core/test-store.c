/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c — opening, creating, migrating and refusing database files; transactions */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "treff-error.h"
#include "treff-store-private.h"
#include "treff-test-util.h"

/* The database file and its -wal/-shm companions, when they exist, are
 * readable by the owner only: the file holds personal data. */
static void
assert_private (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_cmpuint (treff_test_get_mode (path), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (treff_test_get_mode (wal), ==, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (treff_test_get_mode (shm), ==, 0600);
}

/* A refused file must not even get companions: they would be a change. */
static void
assert_no_companions (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (companion, G_FILE_TEST_EXISTS));
    }
}

/* Opens @path, which must be refused with @code, and checks the refusal
 * names the file and changed neither it nor its folder. */
static void
assert_refused (const char *path,
                int         code,
                const char *wording)
{
  g_autoptr(GBytes) before = treff_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffStore) store = NULL;

  store = treff_store_open (path, &error);
  g_assert_error (error, TREFF_ERROR, code);
  g_assert_null (store);
  treff_assert_contains (error->message, path);
  if (wording != NULL)
    treff_assert_contains (error->message, wording);

  treff_test_assert_file_is (path, before);
  assert_no_companions (path);
}

/* A database of a few hundred rooms, closed, so it has many pages. */
static void
create_big_database (const char *path)
{
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autofree char *notes = g_strnfill (1500, 'n');

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Raum %03u", i);
      g_autoptr(TreffRoom) room = treff_room_new (name);

      treff_room_set_capacity (room, 10);
      treff_room_set_notes (room, notes);
      treff_store_add_room (store, room, &error);
      g_assert_no_error (error);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_open_new_file (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(TreffRoom) room = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  store = treff_test_open_store (path);
  g_assert_cmpstr (treff_store_get_path (store), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_private (path);
  g_assert_cmpuint (treff_store_count_rooms (store), ==, 0);

  /* A write in WAL mode creates the -wal file while the store is open. */
  room = treff_test_add_room (store, "Gruppenraum", 20);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_private (path);

  g_assert_finalize_object (g_steal_pointer (&store));
  assert_private (path);
}

static void
test_open_private_mode (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *empty = treff_test_dir_build (dir, "empty.db", NULL);
  g_autofree char *existing = treff_test_dir_build (dir, "existing.db", NULL);
  g_autofree char *wal = g_strconcat (existing, "-wal", NULL);
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(TreffRoom) room = NULL;

  /* An empty file someone created with the usual 0644. */
  treff_test_write_file (empty, "", 0);
  g_assert_no_errno (g_chmod (empty, 0644));
  store = treff_test_open_store (empty);
  assert_private (empty);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* A database that was copied around and lost its mode. */
  store = treff_test_open_store (existing);
  room = treff_test_add_room (store, "Gruppenraum", 20);
  g_clear_object (&room);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_no_errno (g_chmod (existing, 0644));

  store = treff_test_open_store (existing);
  assert_private (existing);
  room = treff_test_add_room (store, "Werkstatt", 10);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_private (existing);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_open_pragmas (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) room = treff_room_new ("Werkstatt");
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *journal_mode = NULL;
  const char * const equipment[] = { "Werkbank", "Lötstation", NULL };

  /* foreign_keys and synchronous belong to the connection, not the file. */
  g_assert_cmpint (treff_test_query_int (store->db, "PRAGMA foreign_keys;"), ==, 1);
  g_assert_cmpint (treff_test_query_int (store->db, "PRAGMA synchronous;"), ==, 1);

  /* With foreign keys on, deleting a room deletes its equipment. */
  treff_room_set_capacity (room, 10);
  treff_room_set_equipment (room, equipment);
  treff_store_add_room (store, room, &error);
  g_assert_no_error (error);
  g_assert_cmpint (treff_test_query_int (store->db, "SELECT count(*) FROM room_equipment;"), ==, 2);
  treff_store_delete_room (store, treff_room_get_id (room), &error);
  g_assert_no_error (error);
  g_assert_cmpint (treff_test_query_int (store->db, "SELECT count(*) FROM room_equipment;"), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&store));

  db = treff_test_open_raw (path);
  g_assert_cmpint (treff_test_query_int (db, "PRAGMA user_version;"), ==, TREFF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (treff_test_query_int (db, "PRAGMA application_id;"), ==, TREFF_STORE_APPLICATION_ID);
  journal_mode = treff_test_query_text (db, "PRAGMA journal_mode;");
  g_assert_cmpstr (journal_mode, ==, "wal");
}

static void
test_open_reopen (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) room = treff_room_new ("Offener Treff / Café");
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *centre_uid = NULL;
  g_autofree char *centre_uid_again = NULL;
  const char * const equipment[] = { "Küchenzeile", "Kaffeemaschine", "Spielecke", NULL };
  gint64 id;

  treff_room_set_capacity (room, 40);
  treff_room_set_equipment (room, equipment);
  treff_room_set_accessible (room, TRUE);
  treff_room_set_colour (room, "#e66100");
  treff_room_set_bookable (room, FALSE);
  treff_room_set_notes (room, "Erdgeschoss, 09:00–12:00");
  treff_store_add_room (store, room, &error);
  g_assert_no_error (error);
  id = treff_room_get_id (room);
  centre_uid = treff_test_query_text (store->db, "SELECT value FROM meta WHERE key = 'centre-uid';");
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{32}$", centre_uid, 0, 0));
  g_assert_finalize_object (g_steal_pointer (&store));

  store = treff_test_open_store (path);
  g_assert_cmpuint (treff_store_count_rooms (store), ==, 1);
  loaded = treff_store_get_room (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (loaded != room);
  g_assert_cmpint (treff_room_get_id (loaded), ==, id);
  g_assert_cmpstr (treff_room_get_name (loaded), ==, "Offener Treff / Café");
  g_assert_cmpuint (treff_room_get_capacity (loaded), ==, 40);
  g_assert_cmpstrv (treff_room_get_equipment (loaded), equipment);
  g_assert_true (treff_room_get_accessible (loaded));
  g_assert_cmpstr (treff_room_get_colour (loaded), ==, "#e66100");
  g_assert_false (treff_room_get_bookable (loaded));
  g_assert_cmpstr (treff_room_get_notes (loaded), ==, "Erdgeschoss, 09:00–12:00");
  g_assert_false (treff_room_get_archived (loaded));

  /* The centre keeps its identity: exported UIDs depend on it. */
  centre_uid_again = treff_test_query_text (store->db, "SELECT value FROM meta WHERE key = 'centre-uid';");
  g_assert_cmpstr (centre_uid_again, ==, centre_uid);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_open_creates_folders (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "a", "b", "c", "treffpunkt.db", NULL);
  g_autofree char *a = treff_test_dir_build (dir, "a", NULL);
  g_autofree char *ab = treff_test_dir_build (dir, "a", "b", NULL);
  g_autofree char *abc = treff_test_dir_build (dir, "a", "b", "c", NULL);
  g_autoptr(TreffStore) store = NULL;

  g_assert_false (g_file_test (a, G_FILE_TEST_EXISTS));
  store = treff_test_open_store (path);
  g_assert_true (g_file_test (abc, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (treff_test_get_mode (a), ==, 0700);
  g_assert_cmpuint (treff_test_get_mode (ab), ==, 0700);
  g_assert_cmpuint (treff_test_get_mode (abc), ==, 0700);
  assert_private (path);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_open_directory (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffStore) store = NULL;
  g_auto(GStrv) contents = NULL;

  g_assert_no_errno (g_mkdir (path, 0700));
  store = treff_store_open (path, &error);
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IO);
  g_assert_null (store);
  treff_assert_contains (error->message, path);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  contents = treff_test_list_folder (path);
  g_assert_cmpuint (g_strv_length (contents), ==, 0);
}

static void
test_open_parent_is_file (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *parent = treff_test_dir_build (dir, "daten", NULL);
  g_autofree char *path = treff_test_dir_build (dir, "daten", "treffpunkt.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffStore) store = NULL;

  treff_test_write_file (parent, "Notizen", 7);
  before = treff_test_read_file (parent);
  store = treff_store_open (path, &error);
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IO);
  g_assert_null (store);
  treff_assert_contains (error->message, parent);
  treff_test_assert_file_is (parent, before);
}

static void
test_open_read_only (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(TreffRoom) room = NULL;
  const guint modes[] = { 0400, 0444 };

  if (geteuid () == 0)
    {
      g_test_skip ("root may write to read-only files");
      return;
    }

  store = treff_test_open_store (path);
  room = treff_test_add_room (store, "Gruppenraum", 20);
  g_assert_finalize_object (g_steal_pointer (&store));

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_no_errno (g_chmod (path, modes[i]));
      before = treff_test_read_file (path);
      store = treff_store_open (path, &error);
      g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IO);
      g_assert_null (store);
      treff_assert_contains (error->message, path);
      treff_test_assert_file_is (path, before);

      /* Opening must not have made the file writable again. */
      g_assert_cmpuint (treff_test_get_mode (path) & 0222, ==, 0);
    }
}

/* A database a future Treffpunkt wrote, with a schema this one does not know. */
static void
test_open_refuse_newer (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autofree char *set_version = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = treff_test_open_raw (path);
  treff_store_schema_migrate (db, 0, TREFF_STORE_SCHEMA_VERSION, &error);
  g_assert_no_error (error);
  treff_test_exec (db, "INSERT INTO rooms (name, name_key, capacity, colour) "
                       "VALUES ('Zukunftsraum', 'zukunftsraum', 12, '#3584e4');");
  set_version = g_strdup_printf ("PRAGMA user_version = %d;", TREFF_STORE_SCHEMA_VERSION + 1);
  treff_test_exec (db, set_version);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_refused (path, TREFF_ERROR_TOO_NEW, "newer version of Treffpunkt");
}

static void
test_open_corrupt_random (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint8 bytes[3 * 4096];

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  treff_test_write_file (path, bytes, sizeof bytes);

  assert_refused (path, TREFF_ERROR_CORRUPT, "damaged");
}

static void
test_open_corrupt_pages (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(GBytes) intact = NULL;
  gsize size;

  create_big_database (path);
  intact = treff_test_read_file (path);
  size = g_bytes_get_size (intact);
  g_assert_cmpuint (size, >=, 100 * 4096);

  /* The header and the schema on page 1 stay intact: only a real check
   * of the pages notices the damage. */
  treff_test_overwrite (path, size / 3 / 4096 * 4096, size / 3, 1);
  assert_refused (path, TREFF_ERROR_CORRUPT, "damaged");
}

static void
test_open_corrupt_truncated (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(GBytes) intact = NULL;

  create_big_database (path);
  intact = treff_test_read_file (path);
  g_assert_no_errno (truncate (path, g_bytes_get_size (intact) / 2));

  assert_refused (path, TREFF_ERROR_CORRUPT, "damaged");
}

/* Other programs' sqlite files: an address book without any marks, one
 * that counts its own schema versions in user_version (as Android apps
 * do), and one with another application_id (a GeoPackage). */
static void
test_open_foreign (void)
{
  const struct {
    const char *name;
    const char *pragmas;
  } cases[] = {
    { "contacts.db", "" },
    { "app.db", "PRAGMA user_version = 1;" },
    { "android.db", "PRAGMA user_version = 3;" },
    { "map.gpkg", "PRAGMA application_id = 1196444487; PRAGMA user_version = 10201;" },
  };
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = treff_test_dir_build (dir, cases[i].name, NULL);
      sqlite3 *db = treff_test_open_raw (path);

      treff_test_exec (db, "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);"
                           "INSERT INTO contacts (name) VALUES ('Erika Mustermann');");
      treff_test_exec (db, cases[i].pragmas);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

      assert_refused (path, TREFF_ERROR_CORRUPT, "not a Treffpunkt database");
    }
}

/* Inserts a room the way the schema of @version allows. */
static void
insert_old_room (sqlite3 *db,
                 int      version)
{
  if (version < 1)
    return;

  treff_test_exec (db,
                   "INSERT INTO rooms (id, name, name_key, capacity, colour) "
                   "VALUES (7, 'Werkstatt', 'werkstatt', 10, '#986a44');"
                   "INSERT INTO room_equipment (room_id, position, tag) "
                   "VALUES (7, 0, 'Werkbank'), (7, 1, 'Lötstation');");
}

static void
test_migrate_every_version (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *fresh_path = treff_test_dir_build (dir, "fresh.db", NULL);
  g_autofree char *fresh_schema = NULL;
  g_autoptr(TreffStore) store = treff_test_open_store (fresh_path);

  g_assert_finalize_object (g_steal_pointer (&store));
  fresh_schema = treff_test_dup_schema (fresh_path);
  treff_assert_contains (fresh_schema, "CREATE TABLE rooms");

  for (int version = 0; version < TREFF_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("version-%d.db", version);
      g_autofree char *path = treff_test_dir_build (dir, name, NULL);
      g_autofree char *set_application_id = NULL;
      g_autofree char *schema = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3) check = NULL;
      sqlite3 *db;

      g_test_message ("Migrating from version %d", version);
      db = treff_test_open_raw (path);
      set_application_id = g_strdup_printf ("PRAGMA application_id = %d;", TREFF_STORE_APPLICATION_ID);
      treff_test_exec (db, set_application_id);
      treff_store_schema_migrate (db, 0, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (treff_test_query_int (db, "PRAGMA user_version;"), ==, version);
      insert_old_room (db, version);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

      store = treff_test_open_store (path);
      if (version >= 1)
        {
          g_autoptr(TreffRoom) room = treff_store_get_room (store, 7, &error);
          const char * const equipment[] = { "Werkbank", "Lötstation", NULL };

          g_assert_no_error (error);
          g_assert_cmpstr (treff_room_get_name (room), ==, "Werkstatt");
          g_assert_cmpuint (treff_room_get_capacity (room), ==, 10);
          g_assert_cmpstrv (treff_room_get_equipment (room), equipment);
        }
      else
        {
          g_assert_cmpuint (treff_store_count_rooms (store), ==, 0);
        }
      g_assert_finalize_object (g_steal_pointer (&store));

      check = treff_test_open_raw (path);
      g_assert_cmpint (treff_test_query_int (check, "PRAGMA user_version;"), ==, TREFF_STORE_SCHEMA_VERSION);
      g_assert_cmpint (treff_test_query_int (check, "PRAGMA application_id;"), ==, TREFF_STORE_APPLICATION_ID);
      g_assert_cmpint (treff_test_query_int (check, "SELECT count(*) FROM meta WHERE key = 'centre-uid';"), ==, 1);
      g_clear_pointer (&check, sqlite3_close);

      schema = treff_test_dup_schema (path);
      g_assert_cmpstr (schema, ==, fresh_schema);
    }
}

/* A migration that fails half-way leaves the file as it was before it. */
static void
test_migrate_atomic (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = treff_test_open_raw (path);

  /* The last table of migration 1 already exists, so it fails at its end. */
  treff_test_exec (db, "CREATE TABLE room_equipment (x);");
  g_assert_false (treff_store_schema_migrate (db, 0, 1, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IO);

  g_assert_cmpint (sqlite3_get_autocommit (db), !=, 0);
  g_assert_cmpint (treff_test_query_int (db, "PRAGMA user_version;"), ==, 0);
  g_assert_cmpint (treff_test_query_int (db, "PRAGMA application_id;"), ==, 0);
  g_assert_cmpint (treff_test_query_int (db, "SELECT count(*) FROM sqlite_schema "
                                             "WHERE name IN ('meta', 'rooms');"), ==, 0);
}

typedef struct
{
  TreffStore *store;
  gboolean    fail;
} TransactionData;

static gboolean
add_two_rooms (gpointer   user_data,
               GError   **error)
{
  TransactionData *data = user_data;
  g_autoptr(TreffRoom) first = treff_room_new ("Gruppenraum");
  g_autoptr(TreffRoom) second = treff_room_new ("Werkstatt");
  const char * const equipment[] = { "Werkbank", NULL };

  treff_room_set_capacity (first, 20);
  treff_room_set_capacity (second, 10);
  treff_room_set_equipment (second, equipment);
  if (!treff_store_add_room (data->store, first, error) ||
      !treff_store_add_room (data->store, second, error))
    return FALSE;

  if (data->fail)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_CONFLICT, "Abgebrochen");
      return FALSE;
    }

  return TRUE;
}

static gboolean
change_nothing (gpointer   user_data,
                GError   **error)
{
  TransactionData *data = user_data;

  /* Only reads. */
  treff_store_count_rooms (data->store);
  return TRUE;
}

static void
test_transaction_rollback (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) other = NULL;
  TransactionData data = { store, TRUE };
  TreffTestChanges changes;

  treff_test_watch_changes (store, &changes);
  g_assert_false (treff_store_run_transaction (store, add_two_rooms, &data, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Abgebrochen");
  g_clear_error (&error);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  g_assert_cmpuint (treff_store_count_rooms (store), ==, 0);
  g_assert_cmpint (treff_test_query_int (store->db, "SELECT count(*) FROM room_equipment;"), ==, 0);
  g_assert_cmpint (sqlite3_get_autocommit (store->db), !=, 0);

  /* The store is usable afterwards: a transaction without changes
   * announces nothing, the next change is committed and announced. */
  g_assert_true (treff_store_run_transaction (store, change_nothing, &data, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  later = treff_test_add_room (store, "Küche", 8);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  other = treff_test_open_raw (path);
  g_assert_cmpint (treff_test_query_int (other, "SELECT count(*) FROM rooms;"), ==, 1);
  g_clear_pointer (&other, sqlite3_close);
  g_assert_finalize_object (g_steal_pointer (&store));
}

typedef struct
{
  guint  n_emissions;
  guint  topics;
  gint64 rooms_seen_by_others;
} CommitLog;

/* What another program (or the backup) sees when the signal arrives. */
static void
on_changed_check_committed (TreffStore *store,
                            guint       topics,
                            CommitLog  *log)
{
  g_autoptr(sqlite3) other = treff_test_open_raw (treff_store_get_path (store));

  log->n_emissions++;
  log->topics = topics;
  log->rooms_seen_by_others = treff_test_query_int (other, "SELECT count(*) FROM rooms;");
}

static gboolean
change_several_rooms (gpointer   user_data,
                      GError   **error)
{
  TransactionData *data = user_data;
  g_autoptr(TreffRoom) extra = treff_room_new ("Abstellraum");
  g_autoptr(TreffRoom) room = NULL;

  if (!add_two_rooms (data, error))
    return FALSE;

  treff_room_set_capacity (extra, 2);
  if (!treff_store_add_room (data->store, extra, error))
    return FALSE;

  room = treff_store_get_room (data->store, treff_room_get_id (extra), error);
  if (room == NULL)
    return FALSE;
  treff_room_set_capacity (room, 3);

  return treff_store_update_room (data->store, room, error) &&
         treff_store_set_room_archived (data->store, treff_room_get_id (room), TRUE, error);
}

static void
test_transaction_one_signal (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(GError) error = NULL;
  TransactionData data = { store, FALSE };
  CommitLog log = { 0, 0, -1 };
  gulong handler;

  handler = g_signal_connect (store, "changed", G_CALLBACK (on_changed_check_committed), &log);
  treff_store_run_transaction (store, change_several_rooms, &data, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (log.n_emissions, ==, 1);
  g_assert_cmpuint (log.topics, ==, TREFF_STORE_TOPIC_ROOMS);
  g_assert_cmpint (log.rooms_seen_by_others, ==, 3);
  g_assert_cmpuint (treff_store_count_rooms (store), ==, 3);

  g_signal_handler_disconnect (store, handler);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_transaction_unchanged (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(GError) error = NULL;
  TransactionData data = { store, FALSE };
  TreffTestChanges changes;

  treff_test_watch_changes (store, &changes);
  g_assert_true (treff_store_run_transaction (store, change_nothing, &data, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A failing step inside a transaction is undone on its own; the rest of
 * the transaction still counts (as when an import skips one bad entry). */
static gboolean
add_with_one_failure (gpointer   user_data,
                      GError   **error)
{
  TransactionData *data = user_data;
  g_autoptr(TreffRoom) first = treff_room_new ("Gruppenraum");
  g_autoptr(TreffRoom) duplicate = treff_room_new ("GRUPPENRAUM");
  g_autoptr(TreffRoom) last = treff_room_new ("Werkstatt");
  g_autoptr(GError) local_error = NULL;

  treff_room_set_capacity (first, 20);
  treff_room_set_capacity (duplicate, 30);
  treff_room_set_capacity (last, 10);
  if (!treff_store_add_room (data->store, first, error))
    return FALSE;

  g_assert_false (treff_store_add_room (data->store, duplicate, &local_error));
  g_assert_error (local_error, TREFF_ERROR, TREFF_ERROR_DUPLICATE);

  return treff_store_add_room (data->store, last, error);
}

static void
test_transaction_inner_failure (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  TransactionData data = { store, FALSE };
  TreffTestChanges changes;

  treff_test_watch_changes (store, &changes);
  treff_store_run_transaction (store, add_with_one_failure, &data, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  names = treff_test_dup_room_names (store, TRUE);
  g_assert_cmpstr (names, ==, "Gruppenraum, Werkstatt");
  g_assert_cmpint (sqlite3_get_autocommit (store->db), !=, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/new-file", test_open_new_file);
  g_test_add_func ("/store/open/private-mode", test_open_private_mode);
  g_test_add_func ("/store/open/pragmas", test_open_pragmas);
  g_test_add_func ("/store/open/reopen", test_open_reopen);
  g_test_add_func ("/store/open/creates-folders", test_open_creates_folders);
  g_test_add_func ("/store/open/directory", test_open_directory);
  g_test_add_func ("/store/open/parent-is-file", test_open_parent_is_file);
  g_test_add_func ("/store/open/read-only", test_open_read_only);
  g_test_add_func ("/store/open/refuse-newer", test_open_refuse_newer);
  g_test_add_func ("/store/open/corrupt/random", test_open_corrupt_random);
  g_test_add_func ("/store/open/corrupt/pages", test_open_corrupt_pages);
  g_test_add_func ("/store/open/corrupt/truncated", test_open_corrupt_truncated);
  g_test_add_func ("/store/open/foreign", test_open_foreign);
  g_test_add_func ("/store/migrate/every-version", test_migrate_every_version);
  g_test_add_func ("/store/migrate/atomic", test_migrate_atomic);
  g_test_add_func ("/store/transaction/rollback", test_transaction_rollback);
  g_test_add_func ("/store/transaction/one-signal", test_transaction_one_signal);
  g_test_add_func ("/store/transaction/unchanged", test_transaction_unchanged);
  g_test_add_func ("/store/transaction/inner-failure", test_transaction_inner_failure);

  return g_test_run ();
}
