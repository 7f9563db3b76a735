/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-test-util.c — temporary folders, raw file and sqlite checks for the core tests */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "treff-test-util.h"

TreffTestDir *
treff_test_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  TreffTestDir *self = g_new0 (TreffTestDir, 1);

  self->path = g_dir_make_tmp ("treff-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (self->path);

  return self;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_lstat (path, &st));
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have taken away our own permissions. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_assert_no_errno (g_rmdir (path));
    }
  else
    {
      g_assert_no_errno (g_unlink (path));
    }
}

void
treff_test_dir_free (TreffTestDir *self)
{
  if (self == NULL)
    return;

  remove_tree (self->path);
  g_assert_false (g_file_test (self->path, G_FILE_TEST_EXISTS));
  g_free (self->path);
  g_free (self);
}

char *
treff_test_dir_build (TreffTestDir *self,
                      const char   *first_element,
                      ...)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  const char *element;
  va_list args;

  g_ptr_array_add (elements, self->path);
  va_start (args, first_element);
  for (element = first_element; element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (elements, (gpointer)element);
  va_end (args);
  g_ptr_array_add (elements, NULL);

  return g_build_filenamev ((char **)elements->pdata);
}

/* The permission bits only: 0600, not 0100600. */
guint
treff_test_get_mode (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_mode & 07777;
}

GBytes *
treff_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

void
treff_test_write_file (const char *path,
                       const void *data,
                       gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

/* Overwrites @size bytes at @offset with reproducible garbage, in place
 * (same inode, same length), as a failing disk would. */
void
treff_test_overwrite (const char *path,
                      goffset     offset,
                      gsize       size,
                      guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint8 *garbage = g_malloc (size);
  int fd;

  for (gsize i = 0; i < size; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);

  fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, size, offset), ==, (gssize)size);
  g_assert_no_errno (fsync (fd));
  g_assert_true (g_close (fd, NULL));
}

void
treff_test_assert_file_is (const char *path,
                           GBytes     *expected)
{
  g_autoptr(GBytes) actual = treff_test_read_file (path);

  g_assert_cmpmem (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The names in a folder, sorted, as a NULL-terminated array. */
char **
treff_test_list_folder (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_steal (names, NULL);
}

sqlite3 *
treff_test_open_raw (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpstr (sqlite3_errstr (rc), ==, sqlite3_errstr (SQLITE_OK));
  sqlite3_busy_timeout (db, 5000);

  return db;
}

/* Reads a file as it is on disk, without -wal/-shm files or any write. */
sqlite3 *
treff_test_open_raw_readonly (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, &error);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_assert_no_error (error);
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  g_assert_cmpstr (sqlite3_errstr (rc), ==, sqlite3_errstr (SQLITE_OK));

  return db;
}

void
treff_test_exec (sqlite3    *db,
                 const char *sql)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

static sqlite3_stmt *
query_row (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("“%s” gave no row: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

gint64
treff_test_query_int (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = query_row (db, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

char *
treff_test_query_text (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = query_row (db, sql);
  char *value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}

/* Every table, index and trigger with its SQL, in a stable order: two
 * databases with the same result have the same schema. */
char *
treff_test_dup_schema (const char *path)
{
  g_autoptr(sqlite3) db = treff_test_open_raw_readonly (path);
  g_autoptr(GString) schema = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, coalesce (sql, '') "
                           "FROM sqlite_schema ORDER BY type, name;",
                           -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int column = 0; column < 4; column++)
        g_string_append_printf (schema, "%s%s", column > 0 ? "|" : "",
                                (const char *)sqlite3_column_text (stmt, column));
      g_string_append_c (schema, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&schema), FALSE);
}

static void
on_changed (TreffStore       *store,
            guint             topics,
            TreffTestChanges *changes)
{
  changes->n_emissions++;
  changes->topics |= topics;
}

gulong
treff_test_watch_changes (TreffStore       *store,
                          TreffTestChanges *changes)
{
  changes->n_emissions = 0;
  changes->topics = 0;

  return g_signal_connect (store, "changed", G_CALLBACK (on_changed), changes);
}

TreffRoom *
treff_test_add_room (TreffStore *store,
                     const char *name,
                     guint       capacity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffRoom) room = treff_room_new (name);

  treff_room_set_capacity (room, capacity);
  treff_store_add_room (store, room, &error);
  g_assert_no_error (error);
  g_assert_cmpint (treff_room_get_id (room), >, 0);

  return g_steal_pointer (&room);
}

/* "Gruppenraum, Küche" — the rooms the store lists, in its order. */
char *
treff_test_dup_room_names (TreffStore *store,
                           gboolean    include_archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rooms = treff_store_list_rooms (store, include_archived, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < rooms->len; i++)
    g_strv_builder_add (names, treff_room_get_name (g_ptr_array_index (rooms, i)));

  strv = g_strv_builder_end (names);
  return g_strjoinv (", ", strv);
}
