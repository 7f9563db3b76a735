/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store.c — opening the centre's database, transactions and change signals */
#define G_LOG_DOMAIN "treff-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "treff-error.h"
#include "treff-store-private.h"

G_DEFINE_FINAL_TYPE (TreffStore, treff_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
treff_store_finalize (GObject *object)
{
  TreffStore *self = (TreffStore *)object;

  /* Statements must be finalized before the connection can close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (treff_store_parent_class)->finalize (object);
}

static void
treff_store_class_init (TreffStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = treff_store_finalize;

  /**
   * TreffStore::changed:
   * @topics: the #TreffStoreTopic flags of what changed
   *
   * Emitted once after each committed transaction that changed records.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
treff_store_init (TreffStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
}

char *
treff_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "treffpunkt", "treffpunkt.db", NULL);
}

void
treff_sqlite_set_error (sqlite3  *db,
                        int       rc,
                        GError  **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_IO,
                           _("The disk is full, so nothing was saved. Free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_IO,
                           _("The database file is read-only, so nothing was saved. Check the file’s permissions."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_IO,
                           _("The database is busy in another program, so nothing was saved. Try again in a moment."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_CORRUPT,
                           _("The database file is damaged. Restore a backup."));
      break;
    default:
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("The database could not be changed (%s). Nothing was saved."),
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    }
}

sqlite3_stmt *
treff_store_prepare (TreffStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (TREFF_IS_STORE (self));
  g_assert (sql != NULL);

  /* Statements are keyed by the SQL text, which is always a literal. */
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      treff_sqlite_set_error (self->db, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

gboolean
treff_store_step_done (TreffStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      treff_sqlite_set_error (self->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Runs @sql, whose only parameter ?1 is @id, such as a DELETE of a row. */
gboolean
treff_store_exec_with_id (TreffStore  *self,
                          const char  *sql,
                          gint64       id,
                          GError     **error)
{
  sqlite3_stmt *stmt = treff_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return treff_store_step_done (self, stmt, error);
}

/* Runs statements without parameters, such as "COMMIT;". */
gboolean
treff_sqlite_exec (sqlite3     *db,
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

/* Transactions nest: the outermost is a real write transaction, inner ones
 * are savepoints, so a failing inner step can be undone on its own. */
gboolean
treff_store_begin (TreffStore  *self,
                   GError     **error)
{
  g_assert (TREFF_IS_STORE (self));

  if (!treff_sqlite_exec (self->db, self->transaction_depth == 0 ? "BEGIN IMMEDIATE;" : "SAVEPOINT nested;",
                          error))
    return FALSE;

  self->transaction_depth++;
  return TRUE;
}

gboolean
treff_store_commit (TreffStore  *self,
                    GError     **error)
{
  TreffStoreTopic topics;

  g_assert (TREFF_IS_STORE (self));
  g_assert (self->transaction_depth > 0);

  if (self->transaction_depth > 1)
    {
      if (!treff_sqlite_exec (self->db, "RELEASE nested;", error))
        return FALSE;
      self->transaction_depth--;
      return TRUE;
    }

  if (!treff_sqlite_exec (self->db, "COMMIT;", error))
    return FALSE;

  self->transaction_depth = 0;
  topics = self->pending_topics;
  self->pending_topics = 0;
  if (topics != 0)
    g_signal_emit (self, signals[CHANGED], 0, (guint)topics);

  return TRUE;
}

void
treff_store_rollback (TreffStore *self)
{
  g_assert (TREFF_IS_STORE (self));
  g_assert (self->transaction_depth > 0);

  if (self->transaction_depth > 1)
    {
      sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested;", NULL, NULL, NULL);
      self->transaction_depth--;
      return;
    }

  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->transaction_depth = 0;
  self->pending_topics = 0;
}

void
treff_store_mark_changed (TreffStore      *self,
                          TreffStoreTopic  topics)
{
  g_assert (TREFF_IS_STORE (self));
  g_assert (self->transaction_depth > 0);

  self->pending_topics |= topics;
}

/**
 * treff_store_run_transaction:
 *
 * Runs @func inside one transaction: everything it changes is saved
 * together, or — if it fails — nothing is.
 */
gboolean
treff_store_run_transaction (TreffStore      *self,
                             TreffStoreFunc   func,
                             gpointer         user_data,
                             GError         **error)
{
  g_return_val_if_fail (TREFF_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!treff_store_begin (self, error))
    return FALSE;

  if (!func (user_data, error))
    {
      treff_store_rollback (self);
      return FALSE;
    }

  if (!treff_store_commit (self, error))
    {
      treff_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

const char *
treff_store_get_path (TreffStore *self)
{
  g_return_val_if_fail (TREFF_IS_STORE (self), NULL);

  return self->path;
}

/* treff_fold (text): case-folded text, umlauts included, for searching. */
static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);

  sqlite3_result_text (context, g_utf8_casefold (text ? text : "", -1), -1, g_free);
}

/* Creates a missing file with mode 0600 before sqlite sees it: sqlite gives
 * its -wal and -shm files the mode of the database file. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("The folder “%s” for the database cannot be created: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved_errno = errno;
          g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                       _("The database “%s” cannot be created: %s."),
                       path, g_strerror (saved_errno));
          return FALSE;
        }

      g_close (fd, NULL);
      return TRUE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("“%s” is not a file, so it cannot be opened as a database."),
                   path);
      return FALSE;
    }

  /* Personal data: nobody but the owner reads the file. The owner's own
   * bits stay, so a file made read-only ("chmod a-w") is not made
   * writable again. */
  if ((st.st_mode & 0077) != 0 && g_chmod (path, st.st_mode & 0700) != 0)
    g_warning ("Cannot make %s private: %s", path, g_strerror (errno));

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      treff_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
quick_check_passes (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check (1);", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;

  sqlite3_finalize (stmt);
  return ok;
}

/* Everything here only reads: a file that fails these checks is left
 * exactly as it was. */
static gboolean
check_existing_database (sqlite3     *db,
                         const char  *path,
                         int         *version,
                         GError     **error)
{
  int application_id = 0;
  int tables = 0;

  if (!query_int (db, "PRAGMA user_version;", version, NULL) ||
      !query_int (db, "PRAGMA application_id;", &application_id, NULL) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema;", &tables, NULL) ||
      (tables > 0 && !quick_check_passes (db)))
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_CORRUPT,
                   _("The database “%s” is damaged and cannot be opened. "
                     "It has not been changed; restore a backup to go on working."),
                   path);
      return FALSE;
    }

  /* Migration 1 sets the application_id, so every Treffpunkt database of
   * a later version has it; other programs often count their own schema
   * versions in user_version and leave application_id at 0. */
  if ((application_id != 0 && application_id != TREFF_STORE_APPLICATION_ID) ||
      (*version > 0 && application_id != TREFF_STORE_APPLICATION_ID) ||
      (*version == 0 && tables > 0))
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_CORRUPT,
                   _("The file “%s” is not a Treffpunkt database. "
                     "It has not been changed; choose another file."),
                   path);
      return FALSE;
    }

  if (*version > TREFF_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Treffpunkt. "
                     "It has not been changed; update Treffpunkt to open it."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/**
 * treff_store_open:
 * @path: the database file; created (mode 0600) if missing
 *
 * Opens the centre's database and brings its schema up to date. A damaged
 * file, a file of another program or one of a newer Treffpunkt is refused
 * with %TREFF_ERROR_CORRUPT or %TREFF_ERROR_TOO_NEW and never modified.
 */
TreffStore *
treff_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(TreffStore) self = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare_file (path, error))
    return NULL;

  self = g_object_new (TREFF_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("The database “%s” cannot be opened: %s."),
                   path, sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_function_v2 (self->db, "treff_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                              NULL, fold_function, NULL, NULL, NULL);

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("The database “%s” is read-only. Check the file’s permissions."),
                   path);
      return NULL;
    }

  if (!check_existing_database (self->db, path, &version, error))
    return NULL;

  if (!treff_sqlite_exec (self->db, "PRAGMA journal_mode = WAL;", error) ||
      !treff_sqlite_exec (self->db, "PRAGMA synchronous = NORMAL;", error) ||
      !treff_sqlite_exec (self->db, "PRAGMA foreign_keys = ON;", error) ||
      !treff_store_schema_migrate (self->db, version, TREFF_STORE_SCHEMA_VERSION, error) ||
      !treff_store_load_time_zone (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
