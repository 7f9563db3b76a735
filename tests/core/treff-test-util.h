/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-test-util.h — temporary folders, stores, bookings, raw file and sqlite checks for the tests */
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
void          treff_test_reset_changes       (TreffTestChanges *changes);

/* A new database in a temporary folder, its "changed" signals counted. */
typedef struct
{
  TreffTestDir     *dir;
  char             *path;
  TreffStore       *store;
  TreffTestChanges  changes;
} TreffTestCentre;

TreffTestCentre *treff_test_centre_new       (void);
void          treff_test_centre_reopen       (TreffTestCentre *centre);
void          treff_test_centre_free         (TreffTestCentre *centre);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TreffTestCentre, treff_test_centre_free)

TreffStore   *treff_test_open_store          (const char    *path);
char         *treff_test_data_path           (const char    *name);

GDate         treff_test_date                (int            year,
                                              int            month,
                                              int            day);
GDateTime    *treff_test_at                  (TreffStore    *store,
                                              int            year,
                                              int            month,
                                              int            day,
                                              int            hour,
                                              int            minute);
GTimeZone    *treff_test_get_berlin_zone     (void);
GDateTime    *treff_test_berlin              (int            year,
                                              int            month,
                                              int            day,
                                              int            hour,
                                              int            minute);

TreffRoom    *treff_test_add_room            (TreffStore    *store,
                                              const char    *name,
                                              guint          capacity);
char         *treff_test_dup_room_names      (TreffStore    *store,
                                              gboolean       include_archived);

TreffBooking *treff_test_booking_new         (TreffRoom     *room,
                                              const char    *title,
                                              GDateTime     *start,
                                              GDateTime     *end);
void          treff_test_set_weekly          (TreffBooking  *booking,
                                              guint          weekdays,
                                              guint          count,
                                              int            until_year,
                                              int            until_month,
                                              int            until_day);
void          treff_test_set_daily_until     (TreffBooking  *booking,
                                              int            until_year,
                                              int            until_month,
                                              int            until_day);
GPtrArray    *treff_test_list_occurrences    (TreffStore    *store,
                                              GDateTime     *from,
                                              GDateTime     *to);

typedef char *(*TreffTestDescribeFunc) (TreffOccurrence *occurrence);

char         *treff_test_describe_days       (TreffStore            *store,
                                              int                    from_year,
                                              int                    from_month,
                                              int                    from_day,
                                              int                    to_year,
                                              int                    to_month,
                                              int                    to_day,
                                              TreffTestDescribeFunc  describe);

void          treff_test_add_booking         (TreffStore    *store,
                                              TreffBooking  *booking,
                                              GPtrArray     *skipped_starts);
TreffClosure *treff_test_add_closure         (TreffStore       *store,
                                              TreffClosureKind  kind,
                                              const char       *title,
                                              int               first_year,
                                              int               first_month,
                                              int               first_day,
                                              int               last_year,
                                              int               last_month,
                                              int               last_day);

/* The names of the properties notified on an object since the last
 * check, sorted: "end rrule start". Connect treff_test_record_notify ()
 * to the object's "notify" signal with the struct as data. */
typedef struct
{
  GString *names;
} TreffTestNotifications;

void          treff_test_record_notify       (GObject                *object,
                                              GParamSpec             *pspec,
                                              TreffTestNotifications *notifications);
char         *treff_test_take_notified       (TreffTestNotifications *notifications);

#define treff_assert_notified(notifications, expected) \
  G_STMT_START { \
    g_autofree char *__names = treff_test_take_notified (notifications); \
    g_assert_cmpstr (__names, ==, expected); \
  } G_STMT_END

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
