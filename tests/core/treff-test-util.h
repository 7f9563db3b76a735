/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-test-util.h — temporary folders, raw file and sqlite checks for the core tests */
#pragma once

#include <sqlite3.h>
#include <string.h>

#include "treff-store.h"

G_BEGIN_DECLS

/* A temporary folder that is removed with everything in it when freed. */
typedef struct
{
  char *path;
} TreffTestDir;

TreffTestDir *treff_test_dir_new             (void);
void          treff_test_dir_free            (TreffTestDir  *self);
char         *treff_test_dir_build           (TreffTestDir  *self,
                                              const char    *first_element,
                                              ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TreffTestDir, treff_test_dir_free)

guint         treff_test_get_mode            (const char    *path);
GBytes       *treff_test_read_file           (const char    *path);
void          treff_test_write_file          (const char    *path,
                                              const void    *data,
                                              gsize          size);
void          treff_test_overwrite           (const char    *path,
                                              goffset        offset,
                                              gsize          size,
                                              guint32        seed);
void          treff_test_assert_file_is      (const char    *path,
                                              GBytes        *expected);
char        **treff_test_list_folder         (const char    *path);

sqlite3      *treff_test_open_raw            (const char    *path);
sqlite3      *treff_test_open_raw_readonly   (const char    *path);
void          treff_test_exec                (sqlite3       *db,
                                              const char    *sql);
gint64        treff_test_query_int           (sqlite3       *db,
                                              const char    *sql);
char         *treff_test_query_text          (sqlite3       *db,
                                              const char    *sql);
char         *treff_test_dup_schema          (const char    *path);

/* Counts the store's "changed" signals and remembers their topics. */
typedef struct
{
  guint n_emissions;
  guint topics;
} TreffTestChanges;

gulong        treff_test_watch_changes       (TreffStore       *store,
                                              TreffTestChanges *changes);

TreffRoom    *treff_test_add_room            (TreffStore    *store,
                                              const char    *name,
                                              guint          capacity);
char         *treff_test_dup_room_names      (TreffStore    *store,
                                              gboolean       include_archived);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

/* Fails the test, showing both strings, unless @haystack contains @needle. */
#define treff_assert_contains(haystack, needle) \
  G_STMT_START { \
    const char *__haystack = (haystack); \
    const char *__needle = (needle); \
    if (__haystack == NULL || strstr (__haystack, __needle) == NULL) \
      { \
        g_autofree char *__message = \
          g_strdup_printf ("“%s” does not contain “%s”", __haystack, __needle); \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, __message); \
      } \
  } G_STMT_END

#define treff_assert_not_contains(haystack, needle) \
  G_STMT_START { \
    const char *__haystack = (haystack); \
    const char *__needle = (needle); \
    if (strstr (__haystack, __needle) != NULL) \
      { \
        g_autofree char *__message = \
          g_strdup_printf ("“%s” contains “%s”", __haystack, __needle); \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, __message); \
      } \
  } G_STMT_END

G_END_DECLS
