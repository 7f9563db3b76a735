/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-backup.h — daily copies of the database and restoring one */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many daily backups are kept. */
#define TREFF_BACKUP_KEEP 14

char      *treff_backup_dup_folder (const char  *database_path);
char      *treff_backup_run_daily  (const char  *database_path,
                                    GDateTime   *now,
                                    GError     **error);
GPtrArray *treff_backup_list       (const char  *database_path);
GDateTime *treff_backup_get_date   (const char  *backup_path);
char      *treff_backup_restore    (const char  *database_path,
                                    const char  *backup_path,
                                    GError     **error);

G_END_DECLS
