/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c — daily backups: naming, once a day, keeping 14, restoring */
#include "config.h"

#include <glib/gstdio.h>

#include "treff-backup.h"
#include "treff-error.h"
#include "treff-store-private.h"
#include "treff-test-util.h"

/* The room names in a database file as it is on disk, without any store. */
static char *
dup_names_in_file (const char *path)
{
  g_autoptr(sqlite3) db = treff_test_open_raw_readonly (path);

  return treff_test_query_text (db,
                                "SELECT coalesce (group_concat (name, ', '), '') "
                                "FROM (SELECT name FROM rooms ORDER BY name_key);");
}

static char *
make_backup (const char *path,
             int         year,
             int         month,
             int         day,
             int         hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (year, month, day, hour, 0, 0);
  g_autoptr(GError) error = NULL;
  char *backup;

  backup = treff_backup_run_daily (path, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);

  return backup;
}

static void
test_backup_daily (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autofree char *folder = treff_test_dir_build (dir, "backups", NULL);
  g_autofree char *dup_folder = treff_backup_dup_folder (path);
  g_autofree char *expected = treff_test_dir_build (dir, "backups", "treffpunkt-2026-11-21.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) gruppenraum = treff_test_add_room (store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) werkstatt = treff_test_add_room (store, "Werkstatt", 10);
  g_autoptr(sqlite3) check = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *names = NULL;
  g_autofree char *integrity = NULL;
  g_auto(GStrv) contents = NULL;
  const char * const only_backup[] = { "treffpunkt-2026-11-21.db", NULL };

  g_assert_cmpstr (dup_folder, ==, folder);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  /* The app backs up while it runs: the rooms, even the tables, are still
   * in the -wal file only, and a plain copy of the file would miss them. */
  check = treff_test_open_raw_readonly (path);
  g_assert_cmpint (treff_test_query_int (check, "SELECT count(*) FROM sqlite_schema;"), ==, 0);
  g_clear_pointer (&check, sqlite3_close);

  backup = make_backup (path, 2026, 11, 21, 9);
  g_assert_cmpstr (backup, ==, expected);
  g_assert_cmpuint (treff_test_get_mode (backup), ==, 0600);
  g_assert_cmpuint (treff_test_get_mode (folder), ==, 0700);

  names = dup_names_in_file (backup);
  g_assert_cmpstr (names, ==, "Gruppenraum, Werkstatt");
  /* Read as restoring reads it: read-only, but not immutable. */
  g_assert_cmpint (sqlite3_open_v2 (backup, &check, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  integrity = treff_test_query_text (check, "PRAGMA integrity_check;");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (treff_test_query_int (check, "PRAGMA user_version;"), ==, TREFF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (treff_test_query_int (check, "PRAGMA application_id;"), ==, TREFF_STORE_APPLICATION_ID);
  g_clear_pointer (&check, sqlite3_close);

  /* No -wal, -shm or half-written copies are left beside it. */
  contents = treff_test_list_folder (folder);
  g_assert_cmpstrv (contents, only_backup);

  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The backup is opened by the store like any database. */
static void
test_backup_opens_as_store (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autofree char *copy = treff_test_dir_build (dir, "copy.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) room = treff_test_add_room (store, "Küche", 8);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *backup = make_backup (path, 2026, 11, 21, 9);
  g_autofree char *names = NULL;

  bytes = treff_test_read_file (backup);
  treff_test_write_file (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_finalize_object (g_steal_pointer (&store));

  store = treff_test_open_store (copy);
  names = treff_test_dup_room_names (store, TRUE);
  g_assert_cmpstr (names, ==, "Küche");
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_backup_once_a_day (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) first = treff_test_add_room (store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) second = NULL;
  g_autofree char *backup = make_backup (path, 2026, 11, 21, 0);
  g_autofree char *again = NULL;
  g_autofree char *next_day = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GBytes) before = treff_test_read_file (backup);
  GStatBuf st_before;
  GStatBuf st_after;

  g_assert_no_errno (g_stat (backup, &st_before));
  second = treff_test_add_room (store, "Werkstatt", 10);

  again = make_backup (path, 2026, 11, 21, 23);
  g_assert_cmpstr (again, ==, backup);
  treff_test_assert_file_is (backup, before);
  g_assert_no_errno (g_stat (backup, &st_after));
  g_assert_cmpint (st_after.st_ino, ==, st_before.st_ino);
  g_assert_cmpint (st_after.st_mtim.tv_sec, ==, st_before.st_mtim.tv_sec);
  g_assert_cmpint (st_after.st_mtim.tv_nsec, ==, st_before.st_mtim.tv_nsec);
  names = dup_names_in_file (backup);
  g_assert_cmpstr (names, ==, "Gruppenraum");
  g_clear_pointer (&names, g_free);

  /* The next day gets its own backup, with the change. */
  next_day = make_backup (path, 2026, 11, 22, 0);
  g_assert_true (g_str_has_suffix (next_day, "/treffpunkt-2026-11-22.db"));
  names = dup_names_in_file (next_day);
  g_assert_cmpstr (names, ==, "Gruppenraum, Werkstatt");

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_backup_keep_newest (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autofree char *folder = treff_test_dir_build (dir, "backups", NULL);
  g_autofree char *notes = treff_test_dir_build (dir, "backups", "notes.txt", NULL);
  g_autofree char *other = treff_test_dir_build (dir, "backups", "other-2026-01-01.db", NULL);
  g_autofree char *older_name = treff_test_dir_build (dir, "backups", "treffpunkt-alt-2020-01-01.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) room = treff_test_add_room (store, "Gruppenraum", 20);
  g_autoptr(GDateTime) first_day = g_date_time_new_local (2026, 12, 25, 8, 0, 0);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  g_auto(GStrv) contents = NULL;

  g_assert_no_errno (g_mkdir (folder, 0700));
  treff_test_write_file (notes, "Backups prüfen!", strlen ("Backups prüfen!"));
  treff_test_write_file (other, "fremd", 5);
  treff_test_write_file (older_name, "alt", 3);

  /* Sixteen days across the turn of the year. */
  for (int i = 0; i < 16; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *backup = treff_backup_run_daily (path, day, &error);

      g_assert_no_error (error);
      g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
    }

  g_strv_builder_add (builder, "notes.txt");
  g_strv_builder_add (builder, "other-2026-01-01.db");
  g_strv_builder_add (builder, "treffpunkt-2026-12-27.db");
  g_strv_builder_add (builder, "treffpunkt-2026-12-28.db");
  g_strv_builder_add (builder, "treffpunkt-2026-12-29.db");
  g_strv_builder_add (builder, "treffpunkt-2026-12-30.db");
  g_strv_builder_add (builder, "treffpunkt-2026-12-31.db");
  for (int day = 1; day <= 9; day++)
    {
      g_autofree char *name = g_strdup_printf ("treffpunkt-2027-01-%02d.db", day);
      g_strv_builder_add (builder, name);
    }
  g_strv_builder_add (builder, "treffpunkt-alt-2020-01-01.db");
  expected = g_strv_builder_end (builder);

  contents = treff_test_list_folder (folder);
  g_assert_cmpstrv (contents, expected);
  g_assert_cmpuint (g_strv_length (contents) - 3, ==, TREFF_BACKUP_KEEP);

  {
    g_autoptr(GBytes) notes_bytes = g_bytes_new_static ("Backups prüfen!", strlen ("Backups prüfen!"));
    g_autoptr(GBytes) other_bytes = g_bytes_new_static ("fremd", 5);
    g_autoptr(GBytes) older_bytes = g_bytes_new_static ("alt", 3);

    treff_test_assert_file_is (notes, notes_bytes);
    treff_test_assert_file_is (other, other_bytes);
    treff_test_assert_file_is (older_name, older_bytes);
  }

  /* Newest first. */
  backups = treff_backup_list (path);
  g_assert_cmpuint (backups->len, ==, TREFF_BACKUP_KEEP);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, i));
      g_autofree char *dir_name = g_path_get_dirname (g_ptr_array_index (backups, i));

      g_assert_cmpstr (dir_name, ==, folder);
      g_assert_cmpstr (name, ==, expected[2 + TREFF_BACKUP_KEEP - 1 - i]);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_backup_list_empty (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autoptr(GPtrArray) backups = treff_backup_list (path);

  g_assert_nonnull (backups);
  g_assert_cmpuint (backups->len, ==, 0);
}

static void
test_backup_get_date (void)
{
  g_autoptr(GDateTime) date = NULL;

  date = treff_backup_get_date ("/home/koordination/.local/share/treffpunkt/backups/treffpunkt-2027-01-09.db");
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_year (date), ==, 2027);
  g_assert_cmpint (g_date_time_get_month (date), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 9);
  g_assert_cmpint (g_date_time_get_hour (date), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (date), ==, 0);
  g_clear_pointer (&date, g_date_time_unref);

  date = treff_backup_get_date ("backups/treffpunkt-2026-11-21.db");
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 21);
  g_assert_cmpint (g_date_time_get_month (date), ==, 11);
  g_clear_pointer (&date, g_date_time_unref);

  g_assert_null (treff_backup_get_date ("backups/notes.txt"));
  g_assert_null (treff_backup_get_date ("backups/treffpunkt-2026-13-45.db"));
}

static void
test_backup_restore (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *prefix = g_strconcat (path, ".damaged-", NULL);
  g_autofree char *folder = treff_test_dir_build (dir, "backups", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) gruppenraum = treff_test_add_room (store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) werkstatt = treff_test_add_room (store, "Werkstatt", 10);
  g_autoptr(TreffRoom) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) stale_wal = g_bytes_new_static ("stale wal frames", 16);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *older = make_backup (path, 2026, 11, 20, 18);
  g_autofree char *newest = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_wal = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) backups_before = NULL;
  g_auto(GStrv) backups_after = NULL;

  later = treff_test_add_room (store, "Küche", 8);
  newest = make_backup (path, 2026, 11, 21, 18);
  g_clear_object (&later);
  later = treff_test_add_room (store, "Nach dem Backup", 5);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* The disk damaged the header and the first pages. */
  treff_test_overwrite (path, 0, 2 * 4096, 42);
  store = treff_store_open (path, &error);
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CORRUPT);
  g_assert_null (store);
  g_clear_error (&error);
  damaged = treff_test_read_file (path);
  treff_test_write_file (wal, g_bytes_get_data (stale_wal, NULL), g_bytes_get_size (stale_wal));

  backups_before = treff_test_list_folder (folder);
  backups = treff_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, newest);
  g_assert_cmpstr (g_ptr_array_index (backups, 1), ==, older);

  kept = treff_backup_restore (path, newest, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (kept, prefix));
  g_assert_true (g_regex_match_simple ("^[0-9]{8}-[0-9]{6}$", kept + strlen (prefix), 0, 0));
  treff_test_assert_file_is (kept, damaged);

  /* The damaged file's -wal goes with it: replayed onto the restored
   * file it would damage that too. */
  kept_wal = g_strconcat (kept, "-wal", NULL);
  treff_test_assert_file_is (kept_wal, stale_wal);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (treff_test_get_mode (path), ==, 0600);
  backups_after = treff_test_list_folder (folder);
  g_assert_cmpstrv (backups_after, backups_before);

  store = treff_test_open_store (path);
  names = treff_test_dup_room_names (store, TRUE);
  g_assert_cmpstr (names, ==, "Gruppenraum, Küche, Werkstatt");
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Restoring onto a path without a database, e.g. a new PC. */
static void
test_backup_restore_missing (void)
{
  g_autoptr(TreffTestDir) dir = treff_test_dir_new ();
  g_autofree char *path = treff_test_dir_build (dir, "treffpunkt.db", NULL);
  g_autofree char *new_path = treff_test_dir_build (dir, "neu.db", NULL);
  g_autoptr(TreffStore) store = treff_test_open_store (path);
  g_autoptr(TreffRoom) room = treff_test_add_room (store, "Werkstatt", 10);
  g_autofree char *backup = make_backup (path, 2026, 11, 21, 9);
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&store));

  kept = treff_backup_restore (new_path, backup, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, "");

  store = treff_test_open_store (new_path);
  names = treff_test_dup_room_names (store, TRUE);
  g_assert_cmpstr (names, ==, "Werkstatt");
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/daily", test_backup_daily);
  g_test_add_func ("/backup/opens-as-store", test_backup_opens_as_store);
  g_test_add_func ("/backup/once-a-day", test_backup_once_a_day);
  g_test_add_func ("/backup/keep-newest", test_backup_keep_newest);
  g_test_add_func ("/backup/list-empty", test_backup_list_empty);
  g_test_add_func ("/backup/get-date", test_backup_get_date);
  g_test_add_func ("/backup/restore", test_backup_restore);
  g_test_add_func ("/backup/restore-missing", test_backup_restore_missing);

  return g_test_run ();
}
