/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-backup.c — daily copies of the database and restoring one
 *
 * Backups live in a "backups" folder next to the database and are named
 * after the database and the day: treffpunkt-2026-11-21.db. Each function
 * opens its own connection, so it can run in a worker thread. */
#define G_LOG_DOMAIN "treff-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "treff-backup.h"
#include "treff-error.h"
#include "treff-store-private.h"

char *
treff_backup_dup_folder (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "treffpunkt" for "…/treffpunkt.db": the prefix of this database's backups. */
static char *
dup_backup_prefix (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_strconcat (base, "-", NULL);
}

static gboolean
is_backup_name (const char *name,
                const char *prefix)
{
  const char *date;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db"))
    return FALSE;

  /* prefix + YYYY-MM-DD + .db */
  date = name + strlen (prefix);
  return strlen (date) == strlen ("2026-11-21.db") &&
         g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}\\.db$", date, 0, 0);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * treff_backup_list:
 *
 * Returns: (transfer full) (element-type utf8): paths of this database's
 *   backups, newest first
 */
GPtrArray *
treff_backup_list (const char *database_path)
{
  g_autofree char *folder = treff_backup_dup_folder (database_path);
  g_autofree char *prefix = dup_backup_prefix (database_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return backups;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_backup_name (name, prefix))
        g_ptr_array_add (backups, g_build_filename (folder, name, NULL));
    }

  /* The date in the name sorts like the date itself. */
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/**
 * treff_backup_get_date:
 *
 * Returns: (transfer full) (nullable): the local day a backup was made
 */
GDateTime *
treff_backup_get_date (const char *backup_path)
{
  g_autofree char *base = g_path_get_basename (backup_path);
  size_t len = strlen (base);
  int year, month, day;

  if (len < strlen ("2026-11-21.db") ||
      sscanf (base + len - strlen ("2026-11-21.db"), "%4d-%2d-%2d.db", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static gboolean
copy_database (const char  *source_path,
               const char  *target_path,
               GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (target_path, &target,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source, 5000);
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          /* -1 copies everything in one step: a consistent snapshot. */
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }

  /* The copy has the source's WAL mode in its header; reading a WAL file,
   * even read-only, leaves -wal and -shm files beside it. A copy is one
   * self-contained file, so it gets the rollback journal (the store
   * switches a restored database back to WAL when it opens it). */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("The copy of the database to “%s” failed: %s."),
                   target_path, sqlite3_errstr (rc));
    }

  sqlite3_close (target);
  sqlite3_close (source);
  return rc == SQLITE_OK;
}

/* Copies through a temporary file, so an interrupted copy never looks
 * like a complete backup or database. */
static gboolean
copy_database_atomically (const char  *source_path,
                          const char  *target_path,
                          GError     **error)
{
  g_autofree char *partial = g_strconcat (target_path, ".partial", NULL);

  g_unlink (partial);
  if (!copy_database (source_path, partial, error))
    {
      g_unlink (partial);
      return FALSE;
    }

  g_chmod (partial, 0600);
  if (g_rename (partial, target_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("The copy of the database could not be saved as “%s”: %s."),
                   target_path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
remove_old_backups (const char *database_path)
{
  g_autoptr(GPtrArray) backups = treff_backup_list (database_path);

  for (guint i = TREFF_BACKUP_KEEP; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);

      if (g_unlink (path) != 0)
        g_warning ("Cannot remove old backup %s: %s", path, g_strerror (errno));
    }
}

/**
 * treff_backup_run_daily:
 * @now: the current time; the backup is named after its local day
 *
 * Makes today's backup unless it exists, then keeps only the newest
 * %TREFF_BACKUP_KEEP.
 *
 * Returns: (transfer full) (nullable): the path of today's backup
 */
char *
treff_backup_run_daily (const char  *database_path,
                        GDateTime   *now,
                        GError     **error)
{
  g_autofree char *folder = treff_backup_dup_folder (database_path);
  g_autofree char *prefix = dup_backup_prefix (database_path);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strconcat (prefix, day, ".db", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("The backup folder “%s” cannot be created: %s."),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
      !copy_database_atomically (database_path, path, error))
    return NULL;

  remove_old_backups (database_path);
  return g_steal_pointer (&path);
}

/**
 * treff_backup_restore:
 *
 * Puts a backup in place of the database. The database file it replaces is
 * not deleted but renamed to "….damaged-YYYYMMDD-HHMMSS", with its -wal and
 * -shm files, so nothing is ever lost by restoring.
 *
 * Returns: (transfer full) (nullable): where the replaced file was kept,
 *   or "" when there was no database file
 */
char *
treff_backup_restore (const char  *database_path,
                      const char  *backup_path,
                      GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *kept = g_strconcat (database_path, ".damaged-", stamp, NULL);
  gboolean had_database = g_file_test (database_path, G_FILE_TEST_EXISTS);

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (backup_path != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (database_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (kept, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          /* Put back what was already moved, so nothing changed. */
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *moved = g_strconcat (kept, suffixes[j], NULL);
              g_autofree char *back = g_strconcat (database_path, suffixes[j], NULL);

              if (g_file_test (moved, G_FILE_TEST_EXISTS))
                g_rename (moved, back);
            }

          g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                       _("The damaged database “%s” could not be moved aside: %s. Nothing was changed."),
                       from, g_strerror (saved_errno));
          return NULL;
        }
    }

  if (!copy_database_atomically (backup_path, database_path, error))
    return NULL;

  return had_database ? g_steal_pointer (&kept) : g_strdup ("");
}
