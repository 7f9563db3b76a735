/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-store-private.h — what the store's own modules share */
#pragma once

#include <sqlite3.h>

#include "treff-store.h"

G_BEGIN_DECLS

/* "Trfp" — marks a file as a Treffpunkt database (PRAGMA application_id). */
#define TREFF_STORE_APPLICATION_ID 0x54726670

struct _TreffStore
{
  GObject          parent_instance;

  sqlite3         *db;
  char            *path;
  GHashTable      *statements;
  guint            transaction_depth;
  TreffStoreTopic  pending_topics;
};

sqlite3_stmt *treff_store_prepare         (TreffStore       *self,
                                           const char       *sql,
                                           GError          **error);
gboolean      treff_store_step_done       (TreffStore       *self,
                                           sqlite3_stmt     *stmt,
                                           GError          **error);
void          treff_sqlite_set_error      (sqlite3          *db,
                                           int               rc,
                                           GError          **error);
gboolean      treff_store_begin           (TreffStore       *self,
                                           GError          **error);
gboolean      treff_store_commit          (TreffStore       *self,
                                           GError          **error);
void          treff_store_rollback        (TreffStore       *self);
void          treff_store_mark_changed    (TreffStore       *self,
                                           TreffStoreTopic   topics);

/* treff-store-schema.c */
gboolean      treff_store_schema_migrate  (sqlite3          *db,
                                           int               from_version,
                                           int               to_version,
                                           GError          **error);

G_END_DECLS
