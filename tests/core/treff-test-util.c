/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-test-util.c — temporary folders, stores, bookings, raw file and sqlite checks for the tests */
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
  treff_test_reset_changes (changes);

  return g_signal_connect (store, "changed", G_CALLBACK (on_changed), changes);
}

void
treff_test_reset_changes (TreffTestChanges *changes)
{
  changes->n_emissions = 0;
  changes->topics = 0;
}

TreffStore *
treff_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  TreffStore *store = treff_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (TREFF_IS_STORE (store));
  return store;
}

TreffTestCentre *
treff_test_centre_new (void)
{
  TreffTestCentre *centre = g_new0 (TreffTestCentre, 1);

  centre->dir = treff_test_dir_new ();
  centre->path = treff_test_dir_build (centre->dir, "treffpunkt.db", NULL);
  centre->store = treff_test_open_store (centre->path);
  treff_test_watch_changes (centre->store, &centre->changes);

  return centre;
}

/* Closes the database and opens it again, as the next start of the app would. */
void
treff_test_centre_reopen (TreffTestCentre *centre)
{
  g_assert_finalize_object (centre->store);
  centre->store = treff_test_open_store (centre->path);
  treff_test_watch_changes (centre->store, &centre->changes);
}

void
treff_test_centre_free (TreffTestCentre *centre)
{
  g_assert_finalize_object (centre->store);
  treff_test_dir_free (centre->dir);
  g_free (centre->path);
  g_free (centre);
}

/* A calendar file of tests/data/ics. */
char *
treff_test_data_path (const char *name)
{
  const char *dir = g_getenv ("TREFF_TEST_DATA_DIR");

  if (dir != NULL)
    return g_build_filename (dir, "ics", name, NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "data", "ics", name, NULL);
}

GDate
treff_test_date (int year,
                 int month,
                 int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

/* A wall-clock time in the centre's time zone. */
GDateTime *
treff_test_at (TreffStore *store,
               int         year,
               int         month,
               int         day,
               int         hour,
               int         minute)
{
  return g_date_time_new (treff_store_get_time_zone (store), year, month, day, hour, minute, 0);
}

/* Germany's time zone, whatever zone the test runs in. */
GTimeZone *
treff_test_get_berlin_zone (void)
{
  static GTimeZone *berlin;

  if (g_once_init_enter (&berlin))
    {
      GTimeZone *zone = g_time_zone_new_identifier ("Europe/Berlin");

      g_assert_nonnull (zone);
      g_once_init_leave (&berlin, zone);
    }

  return berlin;
}

/* A wall-clock time in Germany. */
GDateTime *
treff_test_berlin (int year,
                   int month,
                   int day,
                   int hour,
                   int minute)
{
  return g_date_time_new (treff_test_get_berlin_zone (), year, month, day, hour, minute, 0);
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

TreffBooking *
treff_test_booking_new (TreffRoom  *room,
                        const char *title,
                        GDateTime  *start,
                        GDateTime  *end)
{
  TreffBooking *booking = treff_booking_new ();

  treff_booking_set_title (booking, title);
  treff_booking_set_room_id (booking, treff_room_get_id (room));
  treff_booking_set_times (booking, start, end);

  return booking;
}

/* Weekly on @weekdays, @count dates or until the given day (count 0). */
void
treff_test_set_weekly (TreffBooking *booking,
                       guint         weekdays,
                       guint         count,
                       int           until_year,
                       int           until_month,
                       int           until_day)
{
  TreffRecurrence recurrence;

  treff_recurrence_init_none (&recurrence);
  recurrence.repeat = TREFF_REPEAT_WEEKLY;
  recurrence.weekdays = weekdays;
  recurrence.count = count;
  if (count == 0)
    g_date_set_dmy (&recurrence.until, until_day, until_month, until_year);
  treff_booking_set_recurrence (booking, &recurrence);
}

void
treff_test_set_daily_until (TreffBooking *booking,
                            int           until_year,
                            int           until_month,
                            int           until_day)
{
  TreffRecurrence recurrence;

  treff_recurrence_init_none (&recurrence);
  recurrence.repeat = TREFF_REPEAT_DAILY;
  g_date_set_dmy (&recurrence.until, until_day, until_month, until_year);
  treff_booking_set_recurrence (booking, &recurrence);
}

/* The store's dates that overlap [@from, @to), which must be ordered by start. */
GPtrArray *
treff_test_list_occurrences (TreffStore *store,
                             GDateTime  *from,
                             GDateTime  *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) occurrences = treff_store_list_occurrences (store, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (occurrences);

  for (guint i = 0; i < occurrences->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      g_assert_cmpint (g_date_time_compare (treff_occurrence_get_start (occurrence), to), <, 0);
      g_assert_cmpint (g_date_time_compare (treff_occurrence_get_end (occurrence), from), >, 0);
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (treff_occurrence_get_start (g_ptr_array_index (occurrences, i - 1)),
                                              treff_occurrence_get_start (occurrence)), <=, 0);
    }

  return g_steal_pointer (&occurrences);
}

/* All dates between the two days (the second one excluded), one line
 * each as @describe writes it. */
char *
treff_test_describe_days (TreffStore            *store,
                          int                    from_year,
                          int                    from_month,
                          int                    from_day,
                          int                    to_year,
                          int                    to_month,
                          int                    to_day,
                          TreffTestDescribeFunc  describe)
{
  g_autoptr(GDateTime) from = treff_test_at (store, from_year, from_month, from_day, 0, 0);
  g_autoptr(GDateTime) to = treff_test_at (store, to_year, to_month, to_day, 0, 0);
  g_autoptr(GPtrArray) occurrences = treff_test_list_occurrences (store, from, to);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      g_autofree char *line = describe (g_ptr_array_index (occurrences, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Saves a new booking, which must succeed. */
void
treff_test_add_booking (TreffStore   *store,
                        TreffBooking *booking,
                        GPtrArray    *skipped_starts)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = treff_store_add_booking (store, booking, skipped_starts, &error);
  g_assert_no_error (error);
  g_assert_true (saved);
  g_assert_cmpint (treff_booking_get_id (booking), >, 0);
}

/* Saves a closure or school holidays from the first to the last day. */
TreffClosure *
treff_test_add_closure (TreffStore       *store,
                        TreffClosureKind  kind,
                        const char       *title,
                        int               first_year,
                        int               first_month,
                        int               first_day,
                        int               last_year,
                        int               last_month,
                        int               last_day)
{
  g_autoptr(GError) error = NULL;
  GDate first = treff_test_date (first_year, first_month, first_day);
  GDate last = treff_test_date (last_year, last_month, last_day);
  TreffClosure *closure = treff_closure_new (kind, title, &first, &last);

  g_assert_true (treff_store_add_closure (store, closure, &error));
  g_assert_no_error (error);
  g_assert_cmpint (treff_closure_get_id (closure), >, 0);

  return closure;
}

/* Keeps the names sorted: GLib emits notifications queued while frozen
 * in no particular order. */
void
treff_test_record_notify (GObject                *object,
                          GParamSpec             *pspec,
                          TreffTestNotifications *notifications)
{
  g_auto(GStrv) names = g_strsplit (notifications->names->str, " ", -1);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      g_ptr_array_add (sorted, names[i]);
  g_ptr_array_add (sorted, (char *)pspec->name);
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);

  g_string_truncate (notifications->names, 0);
  for (guint i = 0; g_ptr_array_index (sorted, i) != NULL; i++)
    g_string_append_printf (notifications->names, "%s%s", i > 0 ? " " : "",
                            (char *)g_ptr_array_index (sorted, i));
}

/* The properties notified since the last call, in order: "start rrule". */
char *
treff_test_take_notified (TreffTestNotifications *notifications)
{
  char *names = g_strdup (notifications->names->str);

  g_string_truncate (notifications->names, 0);
  return names;
}
