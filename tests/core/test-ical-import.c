/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ical-import.c — importing calendar files: the preview, series, holidays, bad input, all or nothing */
#include "config.h"

#include <glib/gstdio.h>

#include "treff-error.h"
#include "treff-ical-import.h"
#include "treff-test-util.h"

#define TABLE_COUNTS \
  "SELECT (SELECT count(*) FROM bookings) || '/' || (SELECT count(*) FROM occurrences) || '/' || " \
  "(SELECT count(*) FROM booking_exceptions) || '/' || (SELECT count(*) FROM closures);"

typedef struct
{
  TreffTestDir     *dir;
  char             *path;
  TreffStore       *store;
  TreffRoom        *room;
  TreffTestChanges  changes;
} Centre;

static Centre *
centre_new (void)
{
  Centre *centre = g_new0 (Centre, 1);

  centre->dir = treff_test_dir_new ();
  centre->path = treff_test_dir_build (centre->dir, "treffpunkt.db", NULL);
  centre->store = treff_test_open_store (centre->path);
  centre->room = treff_test_add_room (centre->store, "Werkstatt", 20);
  treff_test_watch_changes (centre->store, &centre->changes);

  return centre;
}

static void
centre_free (Centre *centre)
{
  g_clear_object (&centre->room);
  g_assert_finalize_object (centre->store);
  treff_test_dir_free (centre->dir);
  g_free (centre->path);
  g_free (centre);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Centre, centre_free)

static gint64
query_int (Centre     *centre,
           const char *sql)
{
  g_autoptr(sqlite3) db = treff_test_open_raw (centre->path);

  return treff_test_query_int (db, sql);
}

static char *
query_text (Centre     *centre,
            const char *sql)
{
  g_autoptr(sqlite3) db = treff_test_open_raw (centre->path);

  return treff_test_query_text (db, sql);
}

/* Reads a file of the corpus; the opening hours are the default 8–22. */
static TreffIcalImport *
load (Centre     *centre,
      const char *name)
{
  g_autoptr(TreffIcalImport) import = treff_ical_import_new ();
  g_autofree char *path = treff_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  treff_ical_import_set_opening_hours (import, 8, 22);
  treff_ical_import_load_file (import, file, treff_store_get_time_zone (centre->store), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&import);
}

static void
preview (Centre            *centre,
         TreffIcalImport   *import,
         TreffImportTarget  target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = query_text (centre, TABLE_COUNTS);
  g_autofree char *after = NULL;

  treff_test_reset_changes (&centre->changes);
  treff_ical_import_preview (import, centre->store, target, treff_room_get_id (centre->room), NULL, &error);
  g_assert_no_error (error);

  /* A preview writes nothing and tells nobody of a change. */
  after = query_text (centre, TABLE_COUNTS);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (centre->changes.n_emissions, ==, 0);
}

static guint
run_ok (Centre          *centre,
        TreffIcalImport *import)
{
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  treff_test_reset_changes (&centre->changes);
  treff_ical_import_run (import, centre->store, &n_imported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (centre->changes.n_emissions, ==, n_imported > 0 ? 1 : 0);

  return n_imported;
}

static TreffImportItem *
get_item (TreffIcalImport *import,
          guint            position)
{
  GListModel *items = treff_ical_import_get_items (import);
  g_autoptr(TreffImportItem) item = g_list_model_get_item (items, position);

  g_assert_nonnull (item);
  /* The list keeps it alive. */
  return item;
}

static TreffImportItem *
find_item (TreffIcalImport *import,
           const char      *summary)
{
  GListModel *items = treff_ical_import_get_items (import);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TreffImportItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (treff_import_item_get_summary (item), summary))
        return item;
    }

  g_error ("No item “%s”", summary);
  return NULL;
}

static void
assert_item (TreffIcalImport  *import,
             const char       *summary,
             TreffImportState  state,
             const char       *message_part)
{
  TreffImportItem *item = find_item (import, summary);

  if (treff_import_item_get_state (item) != state)
    g_error ("“%s” is in state %d, not %d: %s", summary, treff_import_item_get_state (item), state,
             treff_import_item_get_message (item));
  if (message_part != NULL)
    treff_assert_contains (treff_import_item_get_message (item), message_part);
  g_assert_cmpint (treff_import_item_get_selected (item), ==, treff_import_item_is_importable (item));
}

static void
assert_local (GDateTime  *date_time,
              const char *expected)
{
  g_autofree char *text = g_date_time_format (date_time, "%Y-%m-%d %H:%M %z");

  g_assert_cmpstr (text, ==, expected);
}

/* Outlook: Windows zone names with their own VTIMEZONE, CRLF, folded
 * lines, X-MS properties; a monthly series written with BYSETPOS. */
static void
test_outlook (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "outlook-meeting.ics");
  g_autofree char *summary = NULL;
  TreffImportItem *item;
  TreffBooking *booking;
  const TreffRecurrence *recurrence;

  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  g_assert_cmpuint (g_list_model_get_n_items (treff_ical_import_get_items (import)), ==, 4);
  summary = treff_ical_import_dup_summary (import);
  g_assert_cmpstr (summary, ==, "3 new, 1 outside opening hours");
  g_assert_null (treff_ical_import_get_notes (import));

  assert_item (import, "Vorstandssitzung Förderverein", TREFF_IMPORT_STATE_NEW,
               "New: Tue, 3/10/2026 19:00–21:00.");
  item = find_item (import, "Vorstandssitzung Förderverein");
  g_assert_cmpuint (treff_import_item_get_line (item), ==, 31);
  booking = treff_import_item_get_booking (item);
  /* 19:00 in "W. Europe Standard Time" in winter is 18:00 UTC. */
  assert_local (treff_booking_get_start (booking), "2026-03-10 19:00 +0100");
  g_assert_cmpint (g_date_time_to_unix (treff_booking_get_start (booking)), ==, 1773165600);
  g_assert_cmpstr (treff_booking_get_organiser (booking), ==, "Petra Schulz");
  treff_assert_contains (treff_booking_get_notes (booking), "Tagesordnung:\n1. Haushalt 2026\n2. Sommerfest");
  treff_assert_contains (treff_booking_get_notes (booking), "Location: Werkstatt");
  g_assert_true (treff_booking_get_public (booking));

  /* In summer the same zone is two hours ahead of UTC. */
  booking = treff_import_item_get_booking (find_item (import, "Sommerfest-Planung"));
  assert_local (treff_booking_get_start (booking), "2026-07-08 18:00 +0200");
  assert_local (treff_booking_get_end (booking), "2026-07-08 19:30 +0200");

  /* FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1 is "every first Saturday". */
  assert_item (import, "Repair-Café", TREFF_IMPORT_STATE_NEW,
               "Every month on the first Saturday, until Sat, 12/5/2026.");
  assert_item (import, "Repair-Café", TREFF_IMPORT_STATE_NEW,
               "Sat, 10/3/2026 is a public holiday (German Unity Day). That date is left out.");
  recurrence = treff_booking_get_recurrence (treff_import_item_get_booking (find_item (import, "Repair-Café")));
  g_assert_cmpint (recurrence->repeat, ==, TREFF_REPEAT_MONTHLY_BY_WEEKDAY);
  g_assert_cmpint (recurrence->week_of_month, ==, 1);

  assert_item (import, "Lieferung Holz (Anlieferung vor Öffnung)", TREFF_IMPORT_STATE_OUTSIDE_HOURS,
               "Outside opening hours: it starts at 07:00, before the centre opens at 8:00.");
  booking = treff_import_item_get_booking (find_item (import, "Lieferung Holz (Anlieferung vor Öffnung)"));
  g_assert_cmpint (treff_booking_get_status (booking), ==, TREFF_BOOKING_STATUS_REQUESTED);
  g_assert_false (treff_booking_get_public (booking));

  /* Outside opening hours is a warning: it is imported like the others. */
  g_assert_cmpuint (run_ok (centre, import), ==, 4);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, 4);
  /* 9 first Saturdays from April to December, 3 October cancelled. */
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM occurrences o JOIN bookings b ON b.id = o.booking_id "
                                      "WHERE b.title = 'Repair-Café';"), ==, 9);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM occurrences o JOIN bookings b ON b.id = o.booking_id "
                                      "WHERE b.title = 'Repair-Café' AND o.cancelled;"), ==, 1);
}

/* Google: a weekly series with two EXDATEs and a moved date (the
 * override comes before its series), a UTC event, WKST=SU. */
static void
test_google_series (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "google-recurring.ics");
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  TreffImportItem *item;
  TreffBooking *booking;
  const TreffRecurrence *recurrence;
  TreffImportMovedDate *moved;
  gboolean found_moved = FALSE;
  guint n_march = 0;

  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  /* The changed date belongs to its series: three events, not four. */
  g_assert_cmpuint (g_list_model_get_n_items (treff_ical_import_get_items (import)), ==, 3);
  g_assert_cmpuint (treff_ical_import_get_n_events (import), ==, 3);

  assert_item (import, "Holzwerkstatt für Kinder", TREFF_IMPORT_STATE_NEW,
               "New: Wed, 1/14/2026 16:00–17:30 · Every week on Wed, until Wed, 6/24/2026. "
               "2 dates of the series are cancelled. 1 date of the series takes place at another time.");
  item = find_item (import, "Holzwerkstatt für Kinder");
  booking = treff_import_item_get_booking (item);
  recurrence = treff_booking_get_recurrence (booking);
  g_assert_cmpint (recurrence->repeat, ==, TREFF_REPEAT_WEEKLY);
  g_assert_cmpuint (recurrence->weekdays, ==, TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY));
  g_assert_cmpuint (g_date_get_day (&recurrence->until), ==, 24);
  g_assert_cmpuint (treff_import_item_get_cancelled_starts (item)->len, ==, 2);
  assert_local (g_ptr_array_index (treff_import_item_get_cancelled_starts (item), 0), "2026-02-11 16:00 +0100");
  g_assert_cmpuint (treff_import_item_get_moved_dates (item)->len, ==, 1);
  moved = g_ptr_array_index (treff_import_item_get_moved_dates (item), 0);
  assert_local (moved->original_start, "2026-03-04 16:00 +0100");
  assert_local (moved->start, "2026-03-05 16:00 +0100");
  g_assert_cmpstr (moved->title, ==, "Holzwerkstatt für Kinder (verlegt)");

  /* 13:00Z is 14:00 in Berlin in March. */
  booking = treff_import_item_get_booking (find_item (import, "Fahrrad-Reparaturtreff"));
  assert_local (treff_booking_get_start (booking), "2026-03-21 14:00 +0100");

  assert_item (import, "Nähkurs", TREFF_IMPORT_STATE_NEW,
               "Every week on Mon, 8 times. Mon, 5/25/2026 is a public holiday (Whit Monday). That date is left out.");

  g_assert_cmpuint (run_ok (centre, import), ==, 3);

  /* Series stay series: one row each, their dates in occurrences. */
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, 3);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings WHERE rrule != '';"), ==, 2);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM occurrences;"), ==, 24 + 1 + 8);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM occurrences WHERE cancelled;"), ==, 3);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings WHERE import_uid = "
                                      "'3k9v2q7m1n5b8c0x4z6l2j9h1g@google.com';"), ==, 1);

  /* The moved date shows on Thursday with its own title. */
  from = g_date_time_new (treff_store_get_time_zone (centre->store), 2026, 3, 1, 0, 0, 0);
  to = g_date_time_new (treff_store_get_time_zone (centre->store), 2026, 4, 1, 0, 0, 0);
  occurrences = treff_store_list_occurrences (centre->store, from, to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < occurrences->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      if (!g_str_has_prefix (treff_occurrence_get_title (occurrence), "Holzwerkstatt"))
        continue;
      n_march++;
      if (g_date_time_get_day_of_month (treff_occurrence_get_start (occurrence)) == 5)
        {
          found_moved = TRUE;
          g_assert_cmpstr (treff_occurrence_get_title (occurrence), ==, "Holzwerkstatt für Kinder (verlegt)");
          assert_local (treff_occurrence_get_start (occurrence), "2026-03-05 16:00 +0100");
        }
      g_assert_cmpint (g_date_time_get_day_of_month (treff_occurrence_get_start (occurrence)), !=, 4);
    }
  g_assert_true (found_moved);
  g_assert_cmpuint (n_march, ==, 4);

  /* After the clock change the series still starts at 16:00. */
  g_clear_pointer (&occurrences, g_ptr_array_unref);
  g_clear_pointer (&from, g_date_time_unref);
  g_clear_pointer (&to, g_date_time_unref);
  from = g_date_time_new (treff_store_get_time_zone (centre->store), 2026, 4, 8, 0, 0, 0);
  to = g_date_time_new (treff_store_get_time_zone (centre->store), 2026, 4, 9, 0, 0, 0);
  occurrences = treff_store_list_occurrences (centre->store, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 1);
  assert_local (treff_occurrence_get_start (g_ptr_array_index (occurrences, 0)), "2026-04-08 16:00 +0200");
}

/* Every way a file names a time ends up on the centre's wall clock. */
static void
test_time_zones (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = treff_ical_import_new ();
  g_autoptr(GError) error = NULL;
  static const char zones[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    /* Outlook without its VTIMEZONE */
    "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Windows\r\n"
    "DTSTART;TZID=\"W. Europe Standard Time\":20260715T180000\r\n"
    "DTEND;TZID=\"W. Europe Standard Time\":20260715T190000\r\nEND:VEVENT\r\n"
    /* Evolution's prefixed zone */
    "BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Evolution\r\n"
    "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:20260116T100000\r\n"
    "DURATION:PT90M\r\nEND:VEVENT\r\n"
    /* another zone: noon in New York is 18:00 here */
    "BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:New York\r\n"
    "DTSTART;TZID=America/New_York:20260114T120000\r\n"
    "DTEND;TZID=America/New_York:20260114T130000\r\nEND:VEVENT\r\n"
    /* floating: the centre's own time */
    "BEGIN:VEVENT\r\nUID:4\r\nSUMMARY:Floating\r\n"
    "DTSTART:20260715T100000\r\nDTEND:20260715T110000\r\nEND:VEVENT\r\n"
    /* UTC in summer */
    "BEGIN:VEVENT\r\nUID:5\r\nSUMMARY:UTC\r\n"
    "DTSTART:20260716T160000Z\r\nDTEND:20260716T170000Z\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const struct
  {
    const char *summary;
    const char *start;
    const char *end;
  } expected[] = {
    { "Windows", "2026-07-15 18:00 +0200", "2026-07-15 19:00 +0200" },
    { "Evolution", "2026-01-16 10:00 +0100", "2026-01-16 11:30 +0100" },
    { "New York", "2026-01-14 18:00 +0100", "2026-01-14 19:00 +0100" },
    { "Floating", "2026-07-15 10:00 +0200", "2026-07-15 11:00 +0200" },
    { "UTC", "2026-07-16 18:00 +0200", "2026-07-16 19:00 +0200" },
  };

  treff_ical_import_load_data (import, zones, sizeof zones - 1, "zones.ics",
                               treff_store_get_time_zone (centre->store), NULL, &error);
  g_assert_no_error (error);
  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      TreffBooking *booking = treff_import_item_get_booking (find_item (import, expected[i].summary));

      assert_item (import, expected[i].summary, TREFF_IMPORT_STATE_NEW, NULL);
      assert_local (treff_booking_get_start (booking), expected[i].start);
      assert_local (treff_booking_get_end (booking), expected[i].end);
    }
}

/* The same file again: updates of the same rows, no copies; what the
 * coordinator added after the first import stays. */
static void
test_reimport_updates (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) first = load (centre, "google-recurring.ics");
  g_autoptr(TreffIcalImport) again = NULL;
  g_autoptr(TreffIcalImport) changed = NULL;
  g_autoptr(TreffBooking) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = treff_test_data_path ("google-recurring.ics");
  g_autofree char *contents = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *ids_before = NULL;
  g_autofree char *ids_after = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *edited = NULL;
  gint64 id;
  gsize length;

  preview (centre, first, TREFF_IMPORT_TARGET_BOOKINGS);
  g_assert_cmpuint (run_ok (centre, first), ==, 3);
  ids_before = query_text (centre, "SELECT group_concat (id || ':' || sequence, ',') FROM "
                                   "(SELECT id, sequence FROM bookings ORDER BY id);");

  /* The coordinator makes the bike repair a course. */
  id = query_int (centre, "SELECT id FROM bookings WHERE title = 'Fahrrad-Reparaturtreff';");
  saved = treff_store_get_booking (centre->store, id, &error);
  g_assert_no_error (error);
  treff_booking_set_kind (saved, TREFF_BOOKING_KIND_COURSE);
  treff_booking_set_attendees (saved, 12);
  treff_store_update_booking (centre->store, saved, TREFF_EDIT_SCOPE_ALL, NULL, &error);
  g_assert_no_error (error);

  again = load (centre, "google-recurring.ics");
  preview (centre, again, TREFF_IMPORT_TARGET_BOOKINGS);
  summary = treff_ical_import_dup_summary (again);
  g_assert_cmpstr (summary, ==, "3 updates");
  assert_item (again, "Holzwerkstatt für Kinder", TREFF_IMPORT_STATE_UPDATE,
               "Updates the earlier import: Wed, 1/14/2026 16:00–17:30");
  g_assert_cmpuint (run_ok (centre, again), ==, 3);

  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, 3);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM occurrences;"), ==, 33);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM booking_exceptions;"), ==, 4);
  /* Same ids; every sequence grew, so subscribers see the new version. */
  ids_after = query_text (centre, "SELECT group_concat (id, ',') FROM (SELECT id FROM bookings ORDER BY id);");
  parts = g_strsplit (ids_before, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    *strchr (parts[i], ':') = '\0';
  edited = g_strjoinv (",", parts);
  g_assert_cmpstr (ids_after, ==, edited);
  g_assert_cmpint (query_int (centre, "SELECT min (sequence) FROM bookings;"), >=, 1);
  g_assert_cmpint (query_int (centre, "SELECT kind FROM bookings WHERE title = 'Fahrrad-Reparaturtreff';"),
                   ==, TREFF_BOOKING_KIND_COURSE);
  g_assert_cmpint (query_int (centre, "SELECT attendees FROM bookings WHERE title = 'Fahrrad-Reparaturtreff';"),
                   ==, 12);

  /* The calendar moved the bike repair an hour later and renamed it. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GString) text = g_string_new (contents);

    g_string_replace (text, "DTSTART:20260321T130000Z", "DTSTART:20260321T140000Z", 1);
    g_string_replace (text, "DTEND:20260321T160000Z", "DTEND:20260321T170000Z", 1);
    g_string_replace (text, "SUMMARY:Fahrrad-Reparaturtreff", "SUMMARY:Fahrradwerkstatt", 1);
    changed = treff_ical_import_new ();
    treff_ical_import_set_opening_hours (changed, 8, 22);
    treff_ical_import_load_data (changed, text->str, text->len, "google-recurring.ics",
                                 treff_store_get_time_zone (centre->store), NULL, &error);
    g_assert_no_error (error);
  }
  preview (centre, changed, TREFF_IMPORT_TARGET_BOOKINGS);
  assert_item (changed, "Fahrradwerkstatt", TREFF_IMPORT_STATE_UPDATE, "Sat, 3/21/2026 15:00–18:00");
  g_assert_cmpuint (run_ok (centre, changed), ==, 3);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, 3);
  g_assert_cmpint (query_int (centre, "SELECT id FROM bookings WHERE title = 'Fahrradwerkstatt' "
                                      "AND starts = '2026-03-21T15:00:00';"), ==, id);
}

static void
test_thunderbird_all_day (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "thunderbird-allday.ics");
  g_autofree char *summary = NULL;
  TreffBooking *booking;

  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  summary = treff_ical_import_dup_summary (import);
  g_assert_cmpstr (summary, ==, "4 new");

  assert_item (import, "Flohmarkt (Aufbau und Markt)", TREFF_IMPORT_STATE_NEW,
               "New: Sat, 9/12/2026 – Sun, 9/13/2026, all day.");
  booking = treff_import_item_get_booking (find_item (import, "Flohmarkt (Aufbau und Markt)"));
  g_assert_true (treff_booking_get_all_day (booking));
  assert_local (treff_booking_get_start (booking), "2026-09-12 00:00 +0200");
  assert_local (treff_booking_get_end (booking), "2026-09-14 00:00 +0200");

  /* No DTEND: the day itself. */
  booking = treff_import_item_get_booking (find_item (import, "Inventur Werkzeug"));
  assert_local (treff_booking_get_start (booking), "2026-01-05 00:00 +0100");
  assert_local (treff_booking_get_end (booking), "2026-01-06 00:00 +0100");

  booking = treff_import_item_get_booking (find_item (import, "Kinderkino"));
  g_assert_false (treff_booking_get_all_day (booking));
  assert_local (treff_booking_get_start (booking), "2026-11-06 16:30 +0100");

  g_assert_cmpuint (run_ok (centre, import), ==, 4);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings WHERE all_day;"), ==, 3);
}

static void
assert_period (GPtrArray  *closures,
               const char *title,
               const char *first,
               const char *last)
{
  for (guint i = 0; i < closures->len; i++)
    {
      TreffClosure *closure = g_ptr_array_index (closures, i);
      char first_text[16], last_text[16];

      if (!g_str_equal (treff_closure_get_title (closure), title))
        continue;

      g_assert_cmpint (treff_closure_get_kind (closure), ==, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS);
      g_date_strftime (first_text, sizeof first_text, "%Y-%m-%d", treff_closure_get_first_day (closure));
      g_date_strftime (last_text, sizeof last_text, "%Y-%m-%d", treff_closure_get_last_day (closure));
      g_assert_cmpstr (first_text, ==, first);
      g_assert_cmpstr (last_text, ==, last);
      return;
    }

  g_error ("No period “%s”", title);
}

/* All-day multi-day events become periods whose last day is DTEND - 1. */
static void
test_school_holidays (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "school-holidays-nrw.ics");
  g_autoptr(TreffIcalImport) again = NULL;
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GDate from, to;

  preview (centre, import, TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS);
  summary = treff_ical_import_dup_summary (import);
  g_assert_cmpstr (summary, ==, "6 new");
  assert_item (import, "Herbstferien 2026 Nordrhein-Westfalen", TREFF_IMPORT_STATE_NEW,
               "New: Sat, 10/17/2026 – Sat, 10/31/2026.");
  g_assert_cmpint (treff_closure_get_kind (treff_import_item_get_closure (get_item (import, 0))),
                   ==, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS);

  g_assert_cmpuint (run_ok (centre, import), ==, 6);
  g_assert_true (centre->changes.topics & TREFF_STORE_TOPIC_CLOSURES);

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, 1, 2025);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, 31, 12, 2027);
  closures = treff_store_list_closures (centre->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closures->len, ==, 6);
  assert_period (closures, "Weihnachtsferien 2025/2026 Nordrhein-Westfalen", "2025-12-22", "2026-01-06");
  assert_period (closures, "Osterferien 2026 Nordrhein-Westfalen", "2026-03-30", "2026-04-11");
  assert_period (closures, "Pfingstferien 2026 Nordrhein-Westfalen", "2026-05-26", "2026-05-26");
  assert_period (closures, "Sommerferien 2026 Nordrhein-Westfalen", "2026-07-20", "2026-09-01");
  assert_period (closures, "Herbstferien 2026 Nordrhein-Westfalen", "2026-10-17", "2026-10-31");
  assert_period (closures, "Weihnachtsferien 2026/2027 Nordrhein-Westfalen", "2026-12-23", "2027-01-06");

  /* Importing the holidays again replaces them. */
  again = load (centre, "school-holidays-nrw.ics");
  preview (centre, again, TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS);
  g_clear_pointer (&summary, g_free);
  summary = treff_ical_import_dup_summary (again);
  g_assert_cmpstr (summary, ==, "6 updates");
  g_assert_cmpuint (run_ok (centre, again), ==, 6);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM closures;"), ==, 6);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM closures WHERE uid LIKE '%@ferien.example';"), ==, 6);
}

/* Public holidays as closure days; a yearly rule cannot be a period. */
static void
test_public_holidays_as_closures (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "public-holidays.ics");
  g_autofree char *summary = NULL;

  preview (centre, import, TREFF_IMPORT_TARGET_CLOSURES);
  summary = treff_ical_import_dup_summary (import);
  g_assert_cmpstr (summary, ==, "11 new, 1 unparseable");
  assert_item (import, "Tag der Deutschen Einheit", TREFF_IMPORT_STATE_NEW, "New: Sat, 10/3/2026.");
  assert_item (import, "Heiligabend (kein gesetzlicher Feiertag)", TREFF_IMPORT_STATE_UNPARSEABLE,
               "Line 112: It repeats: holiday and closure periods are imported one by one");

  g_assert_cmpuint (run_ok (centre, import), ==, 11);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM closures WHERE kind = 0 AND first_day = last_day;"),
                   ==, 11);

  /* As bookings, every one of them falls on a public holiday. */
  g_clear_object (&import);
  import = load (centre, "public-holidays.ics");
  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  assert_item (import, "Neujahr", TREFF_IMPORT_STATE_CONFLICT, "the centre is closed (Neujahr)");
}

static void
assert_load_fails (const char *name,
                   const char *message_part)
{
  g_autoptr(TreffIcalImport) import = treff_ical_import_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *path = treff_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (treff_ical_import_load_file (import, file, zone, NULL, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  treff_assert_contains (error->message, message_part);
  g_assert_cmpuint (treff_ical_import_get_n_events (import), ==, 0);
}

static void
test_truncated (void)
{
  assert_load_fails ("broken-truncated.ics",
                     "“broken-truncated.ics” ends in the middle of the event “Sprachkurs Deutsch A1” "
                     "that begins on line 16: the file is incomplete");
}

static void
test_not_a_calendar (void)
{
  assert_load_fails ("not-a-calendar.txt",
                     "“not-a-calendar.txt” is not an iCalendar file: it should begin with BEGIN:VCALENDAR.");
}

/* Damaged data in memory: never a crash, always a sentence. */
static void
test_bad_data (void)
{
  static const struct
  {
    const char *data;
    gsize       length;
    const char *message_part;
  } cases[] = {
    { "", 0, "is empty" },
    { "\n\n", G_MAXSIZE, "is empty" },
    { "BEGIN:VCALENDAR\r\n", G_MAXSIZE, "ends before END:VCALENDAR" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", G_MAXSIZE,
      "Line 3 of “memory.ics”: END:VTODO does not match BEGIN:VEVENT on line 2." },
    { "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n", G_MAXSIZE, "END:VEVENT without a matching BEGIN" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "contains binary data" },
    { "END:VCALENDAR\n", G_MAXSIZE, "is not an iCalendar file" },
    { "BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\n"
      "BEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\n"
      "BEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\nBEGIN:VALARM\n", G_MAXSIZE,
      "nested too deeply" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TreffIcalImport) import = treff_ical_import_new ();
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
      g_autoptr(GError) error = NULL;

      gsize length = cases[i].length == G_MAXSIZE ? strlen (cases[i].data) : cases[i].length;

      g_assert_false (treff_ical_import_load_data (import, cases[i].data, length, "memory.ics",
                                                   zone, NULL, &error));
      g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
      treff_assert_contains (error->message, cases[i].message_part);
    }
}

/* Single broken events spoil only themselves, named by their line. */
static void
test_broken_events (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "broken-no-dtstart.ics");
  g_autofree char *summary = NULL;

  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  summary = treff_ical_import_dup_summary (import);
  g_assert_cmpstr (summary, ==, "1 new, 5 unparseable");

  assert_item (import, "Seniorencafé", TREFF_IMPORT_STATE_NEW, "New: Mon, 3/16/2026 10:00–12:00.");
  assert_item (import, "Ohne Anfang", TREFF_IMPORT_STATE_UNPARSEABLE,
               "Line 11: The event has no start time (DTSTART).");
  assert_item (import, "Unmögliches Datum", TREFF_IMPORT_STATE_UNPARSEABLE,
               "Line 21: Its start time (DTSTART) is not a valid date or time.");
  assert_item (import, "Marszeit", TREFF_IMPORT_STATE_UNPARSEABLE,
               "Line 28: Its start time (DTSTART) is in the time zone “Mars/Olympus_Mons”");
  assert_item (import, "Rückwärts", TREFF_IMPORT_STATE_UNPARSEABLE,
               "Line 36: The event ends before it starts");
  assert_item (import, "Kaputte Wiederholung", TREFF_IMPORT_STATE_UNPARSEABLE,
               "Line 44: Its repetition rule (RRULE) cannot be read.");

  /* Unparseable events cannot be chosen. */
  treff_import_item_set_selected (find_item (import, "Ohne Anfang"), TRUE);
  g_assert_false (treff_import_item_get_selected (find_item (import, "Ohne Anfang")));
  g_assert_cmpuint (treff_ical_import_count_selected (import), ==, 1);

  g_assert_cmpuint (run_ok (centre, import), ==, 1);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, 1);
}

static void
test_latin1 (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "latin1.ics");
  g_autofree char *notes = NULL;

  treff_assert_contains (treff_ical_import_get_notes (import),
                         "The file is not in UTF-8 (first on line 10): it was read as Western European text");
  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  assert_item (import, "Mütterfrühstück", TREFF_IMPORT_STATE_NEW, NULL);
  assert_item (import, "Bürgersprechstunde", TREFF_IMPORT_STATE_NEW, NULL);
  assert_item (import, "Spieletreff für Groß und Klein", TREFF_IMPORT_STATE_NEW, NULL);

  g_assert_cmpuint (run_ok (centre, import), ==, 3);
  notes = query_text (centre, "SELECT notes FROM bookings WHERE title = 'Bürgersprechstunde';");
  g_assert_cmpstr (notes, ==, "Location: Büro im Erdgeschoß");
}

/* A series without end is imported for a year; rules a series cannot
 * represent are refused, saying so. */
static void
test_rrule_without_end (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "rrule-no-end.ics");
  const TreffRecurrence *recurrence;

  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  assert_item (import, "Offene Werkstatt", TREFF_IMPORT_STATE_NEW,
               "It repeats without end: it is imported for one year, until Tue, 2/2/2027.");
  recurrence = treff_booking_get_recurrence (treff_import_item_get_booking (find_item (import, "Offene Werkstatt")));
  g_assert_cmpuint (recurrence->weekdays, ==, TREFF_WEEKDAY_BIT (G_DATE_MONDAY) | TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY));
  g_assert_cmpuint (recurrence->count, ==, 0);
  g_assert_cmpint (g_date_get_year (&recurrence->until), ==, 2027);

  assert_item (import, "Jahreshauptversammlung", TREFF_IMPORT_STATE_UNPARSEABLE,
               "Line 41: Its repetition “FREQ=YEARLY” cannot be represented as a Treffpunkt series");
  assert_item (import, "Kassenprüfung", TREFF_IMPORT_STATE_UNPARSEABLE, "BYSETPOS=-1” cannot be represented");
  assert_item (import, "Quartalstreffen", TREFF_IMPORT_STATE_UNPARSEABLE, "BYMONTH=3,6,9,12” cannot be represented");

  g_assert_cmpuint (run_ok (centre, import), ==, 1);
  /* One row, about a hundred dates. */
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, 1);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM occurrences;"), >, 100);
}

/* Conflicts with the database and between events of the file. */
static void
test_conflicts (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "google-recurring.ics");
  g_autoptr(TreffIcalImport) twice = NULL;
  g_autoptr(TreffBooking) probe = treff_booking_new ();
  g_autoptr(GDateTime) start = g_date_time_new (treff_store_get_time_zone (centre->store), 2026, 3, 21, 15, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (treff_store_get_time_zone (centre->store), 2026, 3, 21, 16, 0, 0);
  g_autoptr(GError) error = NULL;
  static const char two_events[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:a@test\r\nSUMMARY:Chorprobe\r\nDTSTART:20260602T180000\r\nDTEND:20260602T200000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b@test\r\nSUMMARY:Elternabend\r\nDTSTART:20260602T190000\r\nDTEND:20260602T210000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:a@test\r\nSUMMARY:Chorprobe (neu)\r\nDTSTART:20260603T180000\r\nDTEND:20260603T200000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

  treff_booking_set_title (probe, "Repair-Café Probe");
  treff_booking_set_room_id (probe, treff_room_get_id (centre->room));
  treff_booking_set_times (probe, start, end);
  treff_store_add_booking (centre->store, probe, NULL, &error);
  g_assert_no_error (error);

  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  assert_item (import, "Fahrrad-Reparaturtreff", TREFF_IMPORT_STATE_CONFLICT,
               "Werkstatt is already booked on Sat, 3/21/2026 15:00–16:00 by Repair-Café Probe.");
  g_assert_false (treff_import_item_is_importable (find_item (import, "Fahrrad-Reparaturtreff")));
  g_assert_cmpuint (treff_ical_import_count_selected (import), ==, 2);
  g_assert_cmpuint (run_ok (centre, import), ==, 2);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, 3);

  /* The second event overlaps the first of the same file; of two copies
   * of one UID the later counts. */
  twice = treff_ical_import_new ();
  treff_ical_import_load_data (twice, two_events, sizeof two_events - 1, "two.ics",
                               treff_store_get_time_zone (centre->store), NULL, &error);
  g_assert_no_error (error);
  preview (centre, twice, TREFF_IMPORT_TARGET_BOOKINGS);
  assert_item (twice, "Chorprobe", TREFF_IMPORT_STATE_UNPARSEABLE,
               "The file contains this event again on line 15; only that later version is imported.");
  assert_item (twice, "Elternabend", TREFF_IMPORT_STATE_NEW, NULL);
  assert_item (twice, "Chorprobe (neu)", TREFF_IMPORT_STATE_NEW, NULL);

  g_clear_object (&twice);
  twice = treff_ical_import_new ();
  {
    g_autoptr(GString) text = g_string_new (two_events);

    g_string_replace (text, "DTSTART:20260603T180000", "DTSTART:20260602T200000", 1);
    g_string_replace (text, "DTEND:20260603T200000", "DTEND:20260602T220000", 1);
    treff_ical_import_load_data (twice, text->str, text->len, "two.ics",
                                 treff_store_get_time_zone (centre->store), NULL, &error);
    g_assert_no_error (error);
  }
  preview (centre, twice, TREFF_IMPORT_TARGET_BOOKINGS);
  assert_item (twice, "Elternabend", TREFF_IMPORT_STATE_NEW, NULL);
  assert_item (twice, "Chorprobe (neu)", TREFF_IMPORT_STATE_CONFLICT,
               "Werkstatt is already booked on Tue, 6/2/2026 19:00–21:00 by Elternabend.");
}

/* One event fails when written: nothing is written, nobody is told. */
static void
test_all_or_nothing (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "google-recurring.ics");
  g_autoptr(TreffBooking) meanwhile = treff_booking_new ();
  g_autoptr(GDateTime) start = g_date_time_new (treff_store_get_time_zone (centre->store), 2026, 4, 20, 19, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (treff_store_get_time_zone (centre->store), 2026, 4, 20, 21, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_imported = 99;

  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  g_assert_cmpuint (treff_ical_import_count_selected (import), ==, 3);

  /* Someone books the Werkstatt on a Monday of the Nähkurs meanwhile. */
  treff_booking_set_title (meanwhile, "Mieterversammlung");
  treff_booking_set_room_id (meanwhile, treff_room_get_id (centre->room));
  treff_booking_set_times (meanwhile, start, end);
  treff_store_add_booking (centre->store, meanwhile, NULL, &error);
  g_assert_no_error (error);

  before = query_text (centre, TABLE_COUNTS);
  treff_test_reset_changes (&centre->changes);
  g_assert_false (treff_ical_import_run (import, centre->store, &n_imported, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "Line 81, “Nähkurs”: Werkstatt is already booked on Mon, 4/20/2026 19:00–21:00 "
                   "by Mieterversammlung. Nothing was imported.");
  g_assert_cmpuint (n_imported, ==, 0);

  after = query_text (centre, TABLE_COUNTS);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (after, ==, "1/1/0/0");
  g_assert_cmpuint (centre->changes.n_emissions, ==, 0);
}

static void
test_cancel (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = load (centre, "google-recurring.ics");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (treff_ical_import_preview (import, centre->store, TREFF_IMPORT_TARGET_BOOKINGS,
                                             treff_room_get_id (centre->room), cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, 0);

  /* The store is usable afterwards: no transaction was left open. */
  g_clear_error (&error);
  treff_ical_import_preview (import, centre->store, TREFF_IMPORT_TARGET_BOOKINGS,
                             treff_room_get_id (centre->room), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run_ok (centre, import), ==, 3);
}

/* 20,000 events, as a big exported calendar has: previewed in seconds. */
static void
test_huge_file (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffIcalImport) import = treff_ical_import_new ();
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Treffpunkt//Test//EN\r\n");
  g_autofree char *path = treff_test_dir_build (centre->dir, "huge.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 1, 5, 0, 0, 0);
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GError) error = NULL;
  double seconds;
  guint n_new, n_conflicts;

  for (guint n = 0; n < 20000; n++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (day, n / 7);
      guint hour = 8 + 2 * (n % 7);

      g_string_append_printf (text,
                              "BEGIN:VEVENT\r\nUID:huge-%u@test.example\r\nDTSTAMP:20260101T000000Z\r\n"
                              "DTSTART;TZID=Europe/Berlin:%04d%02d%02dT%02u0000\r\n"
                              "DTEND;TZID=Europe/Berlin:%04d%02d%02dT%02u3000\r\n"
                              "SUMMARY:Termin %u\r\nDESCRIPTION:Ein Termin von vielen\\, Nummer %u.\r\nEND:VEVENT\r\n",
                              n,
                              g_date_time_get_year (date), g_date_time_get_month (date),
                              g_date_time_get_day_of_month (date), hour,
                              g_date_time_get_year (date), g_date_time_get_month (date),
                              g_date_time_get_day_of_month (date), hour + 1,
                              n, n);
    }
  g_string_append (text, "END:VCALENDAR\r\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  timer = g_timer_new ();
  treff_ical_import_set_opening_hours (import, 8, 22);
  treff_ical_import_load_file (import, file, treff_store_get_time_zone (centre->store), NULL, &error);
  g_assert_no_error (error);
  preview (centre, import, TREFF_IMPORT_TARGET_BOOKINGS);
  seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("Reading and previewing 20,000 events took %.2f s", seconds);
  g_printerr ("# preview of 20,000 events: %.2f s\n", seconds);
  /* Meant to be well under 5 s; generous for slow machines. */
  g_assert_cmpfloat (seconds, <, 20.0);

  g_assert_cmpuint (g_list_model_get_n_items (treff_ical_import_get_items (import)), ==, 20000);
  n_new = treff_ical_import_count_state (import, TREFF_IMPORT_STATE_NEW);
  n_conflicts = treff_ical_import_count_state (import, TREFF_IMPORT_STATE_CONFLICT);
  /* Dates on public holidays are the only problems. */
  g_assert_cmpuint (n_new + n_conflicts, ==, 20000);
  g_assert_cmpuint (n_conflicts, >, 0);
  g_assert_cmpuint (n_conflicts, <, 1000);

  g_timer_start (timer);
  g_assert_cmpuint (run_ok (centre, import), ==, n_new);
  g_printerr ("# import of %u events: %.2f s\n", n_new, g_timer_elapsed (timer, NULL));
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM bookings;"), ==, n_new);
  g_assert_cmpint (query_int (centre, "SELECT count(*) FROM occurrences;"), ==, n_new);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical-import/outlook", test_outlook);
  g_test_add_func ("/ical-import/google-series", test_google_series);
  g_test_add_func ("/ical-import/time-zones", test_time_zones);
  g_test_add_func ("/ical-import/reimport-updates", test_reimport_updates);
  g_test_add_func ("/ical-import/thunderbird-all-day", test_thunderbird_all_day);
  g_test_add_func ("/ical-import/school-holidays", test_school_holidays);
  g_test_add_func ("/ical-import/public-holidays-as-closures", test_public_holidays_as_closures);
  g_test_add_func ("/ical-import/truncated", test_truncated);
  g_test_add_func ("/ical-import/not-a-calendar", test_not_a_calendar);
  g_test_add_func ("/ical-import/bad-data", test_bad_data);
  g_test_add_func ("/ical-import/broken-events", test_broken_events);
  g_test_add_func ("/ical-import/latin1", test_latin1);
  g_test_add_func ("/ical-import/rrule-without-end", test_rrule_without_end);
  g_test_add_func ("/ical-import/conflicts", test_conflicts);
  g_test_add_func ("/ical-import/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/ical-import/cancel", test_cancel);
  g_test_add_func ("/ical-import/huge-file", test_huge_file);

  return g_test_run ();
}
