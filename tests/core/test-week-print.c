/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-week-print.c — the printed week plan: what the notice board shows, what only the office sees, one page */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "treff-error.h"
#include "treff-test-util.h"
#include "treff-week-print.h"

typedef struct
{
  TreffTestDir *dir;
  TreffStore   *store;
  TreffRoom    *hall;      /* Offener Treff / Café */
  TreffRoom    *group;     /* Gruppenraum */
  TreffRoom    *gym;       /* Bewegungsraum */
} Centre;

static void
centre_free (Centre *centre)
{
  g_clear_object (&centre->hall);
  g_clear_object (&centre->group);
  g_clear_object (&centre->gym);
  g_clear_object (&centre->store);
  g_clear_pointer (&centre->dir, treff_test_dir_free);
  g_free (centre);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Centre, centre_free)

static Centre *
centre_new (void)
{
  g_autofree char *path = NULL;
  Centre *centre = g_new0 (Centre, 1);

  centre->dir = treff_test_dir_new ();
  path = treff_test_dir_build (centre->dir, "treffpunkt.db", NULL);
  centre->store = treff_test_open_store (path);

  centre->hall = treff_test_add_room (centre->store, "Offener Treff / Café", 40);
  centre->group = treff_test_add_room (centre->store, "Gruppenraum", 20);
  centre->gym = treff_test_add_room (centre->store, "Bewegungsraum", 15);

  return centre;
}

/* A single date in November 2026; returns the booking's id. */
static gint64
add_booking (Centre             *centre,
             TreffRoom          *room,
             const char         *title,
             const char         *organiser,
             const char         *phone,
             gboolean            is_public,
             TreffBookingStatus  status,
             int                 day,
             int                 hour,
             int                 minute,
             int                 minutes)
{
  g_autoptr(TreffBooking) booking = treff_booking_new ();
  g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 11, day, hour, minute);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes);
  g_autoptr(GError) error = NULL;

  treff_booking_set_room_id (booking, treff_room_get_id (room));
  treff_booking_set_title (booking, title);
  treff_booking_set_organiser (booking, organiser);
  treff_booking_set_phone (booking, phone);
  treff_booking_set_public (booking, is_public);
  treff_booking_set_status (booking, status);
  if (!is_public)
    {
      treff_booking_set_kind (booking, TREFF_BOOKING_KIND_RENTAL);
      treff_booking_set_email (booking, "mueller@example.org");
      treff_booking_set_notes (booking, "Schlüssel am Freitag abholen");
    }
  treff_booking_set_times (booking, start, end);
  treff_store_add_booking (centre->store, booking, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (treff_booking_get_id (booking), >, 0);

  return treff_booking_get_id (booking);
}

/* Week 48 of 2026, Monday 23 to Sunday 29 November: a private party, a
 * public course, a cancelled date and a request not yet confirmed. */
static Centre *
centre_new_with_week_48 (void)
{
  Centre *centre = centre_new ();
  g_autoptr(GDateTime) gymnastics = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  add_booking (centre, centre->gym, "Yoga", "Anna Schmidt", "0231 98765", TRUE,
               TREFF_BOOKING_STATUS_CONFIRMED, 25, 18, 0, 90);
  add_booking (centre, centre->group, "Krabbelgruppe", "Eltern-Kind-Gruppe", "", TRUE,
               TREFF_BOOKING_STATUS_CONFIRMED, 23, 9, 30, 90);
  add_booking (centre, centre->hall, "Geburtstag Müller", "Familie Müller", "0231 12345", FALSE,
               TREFF_BOOKING_STATUS_CONFIRMED, 28, 15, 0, 7 * 60);
  add_booking (centre, centre->group, "Chorprobe Stimmband", "Chor Stimmband e. V.", "", TRUE,
               TREFF_BOOKING_STATUS_REQUESTED, 27, 19, 0, 120);

  /* Over midnight: both days show their part. */
  add_booking (centre, centre->gym, "Tanzabend", "Tanzschule", "", TRUE,
               TREFF_BOOKING_STATUS_CONFIRMED, 28, 21, 0, 4 * 60);

  id = add_booking (centre, centre->gym, "Gymnastik", "Turnverein", "", TRUE,
                    TREFF_BOOKING_STATUS_CONFIRMED, 24, 10, 0, 60);
  gymnastics = treff_test_at (centre->store, 2026, 11, 24, 10, 0);
  treff_store_set_date_cancelled (centre->store, id, gymnastics, TRUE, &error);
  g_assert_no_error (error);

  return centre;
}

static char *
run_tool (const char *program,
          const char *argument,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, argument, path, "-", NULL };
  g_autofree char *standard_error = NULL;
  char *output = NULL;
  int status = 0;

  if (argument == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &output, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s failed: %s\n%s", program, path, error->message, standard_error);

  return output;
}

/* The text of the PDF as laid out on the page. */
static char *
pdf_layout_text (const char *path)
{
  return run_tool ("pdftotext", "-layout", path);
}

/* The text in drawing order with all white space as single spaces: a
 * title wrapped inside its cell reads as one string again. */
static char *
pdf_flowing_text (const char *path)
{
  g_autofree char *raw = run_tool ("pdftotext", "-raw", path);
  g_auto(GStrv) words = g_strsplit_set (raw, " \n\t\f", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
pdf_count_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", NULL, path);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      return (guint)g_ascii_strtoull (g_strstrip (lines[i] + strlen ("Pages:")), NULL, 10);

  g_error ("pdfinfo gave no page count for %s:\n%s", path, info);
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return FALSE;
    }

  return TRUE;
}

/* Writes the week of @monday for @audience into the test folder. */
static char *
write_plan (Centre                 *centre,
            const char             *week,
            TreffWeekPrintAudience  audience,
            const char             *file_name,
            TreffWeekPrint        **plan_out)
{
  g_autoptr(TreffWeekPrint) plan = NULL;
  g_autoptr(GDateTime) printed_at = treff_test_at (centre->store, 2026, 11, 20, 14, 5);
  g_autoptr(GError) error = NULL;
  char *path = treff_test_dir_build (centre->dir, file_name, NULL);
  GDate monday;

  treff_week_print_parse_week (week, &monday, &error);
  g_assert_no_error (error);

  plan = treff_week_print_new (&monday, audience);
  treff_week_print_set_centre_name (plan, "Familienzentrum Nordstadt");
  treff_week_print_set_printed_at (plan, printed_at);
  treff_week_print_load (plan, centre->store, &error);
  g_assert_no_error (error);
  treff_week_print_write_pdf (plan, path, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (plan_out != NULL)
    *plan_out = g_steal_pointer (&plan);

  return path;
}

static void
test_parse_week (void)
{
  static const struct { const char *text; int year, month, day; } good[] = {
    { "2026-W48", 2026, 11, 23 },
    { "2026W48", 2026, 11, 23 },
    { " 2026-w48 ", 2026, 11, 23 },
    /* Week 1 of 2026 starts in 2025; 2026 has 53 weeks, 2025 has 52. */
    { "2026-W01", 2025, 12, 29 },
    { "2026-W1", 2025, 12, 29 },
    { "2026-W53", 2026, 12, 28 },
    { "2025-W52", 2025, 12, 22 },
    { "2021-W01", 2021, 1, 4 },
  };
  static const char *bad[] = {
    "2026-W54", "2025-W53", "2026-W00", "48", "2026-48", "W48", "2026-W", "", "2026-W48x",
    "26-W48",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      GDate monday;
      GDate expected = treff_test_date (good[i].year, good[i].month, good[i].day);

      g_assert_true (treff_week_print_parse_week (good[i].text, &monday, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_date_compare (&monday, &expected), ==, 0);
      g_assert_cmpint (g_date_get_weekday (&monday), ==, G_DATE_MONDAY);

      formatted = treff_week_print_format_week (&monday);
      treff_week_print_parse_week (formatted, &expected, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_date_compare (&monday, &expected), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate monday;

      g_assert_false (treff_week_print_parse_week (bad[i], &monday, &error));
      g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
    }

  /* The sentence says what is wrong and how to write it. */
  {
    g_autoptr(GError) error = NULL;
    GDate monday;

    treff_week_print_parse_week ("2026-W54", &monday, &error);
    treff_assert_contains (error->message, "54");
    treff_assert_contains (error->message, "53");

    g_clear_error (&error);
    treff_week_print_parse_week ("48", &monday, &error);
    treff_assert_contains (error->message, "“48”");
    treff_assert_contains (error->message, "2026-W48");
  }

  /* Any day names its own week; the ISO year of 3 January 2027 is 2026. */
  {
    GDate sunday = treff_test_date (2027, 1, 3);
    GDate saturday = treff_test_date (2026, 11, 28);
    g_autofree char *week_53 = treff_week_print_format_week (&sunday);
    g_autofree char *week_48 = treff_week_print_format_week (&saturday);

    g_assert_cmpstr (week_53, ==, "2026-W53");
    g_assert_cmpstr (week_48, ==, "2026-W48");
  }
}

static void
test_public (void)
{
  g_autoptr(Centre) centre = NULL;
  g_autoptr(TreffWeekPrint) plan = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flowing = NULL;

  if (!have_poppler ())
    return;

  centre = centre_new_with_week_48 ();
  path = write_plan (centre, "2026-W48", TREFF_WEEK_PRINT_PUBLIC, "public.pdf", &plan);
  text = pdf_layout_text (path);
  flowing = pdf_flowing_text (path);
  g_test_message ("%s", text);

  g_assert_cmpuint (pdf_count_pages (path), ==, 1);
  g_assert_cmpuint (treff_week_print_get_n_rooms (plan), ==, 3);

  /* The head of the page. */
  treff_assert_contains (text, "Familienzentrum Nordstadt");
  treff_assert_contains (text, "Week plan");
  treff_assert_contains (text, "Week 48");
  treff_assert_contains (text, "Mon, 11/23/2026 – Sun, 11/29/2026");
  treff_assert_contains (text, "As of Fri, 11/20/2026 14:05");
  treff_assert_not_contains (text, "Internal");

  /* Rooms and days. */
  treff_assert_contains (flowing, "Offener Treff / Café");
  treff_assert_contains (flowing, "up to 40 people");
  treff_assert_contains (text, "Monday");
  treff_assert_contains (text, "Sunday");

  /* Public dates with their times; the party only as "Booked". */
  treff_assert_contains (flowing, "18:00–19:30 Yoga");
  treff_assert_contains (flowing, "09:30–11:00 Krabbelgruppe");
  treff_assert_contains (flowing, "15:00–22:00 Booked");

  /* Saturday's cell and Sunday's, one after the other. */
  treff_assert_contains (flowing, "21:00 – Sun 01:00 Tanzabend until 01:00 Tanzabend");

  /* Visitors learn that gymnastics does not take place. */
  treff_assert_contains (flowing, "10:00–11:00 Gymnastik cancelled");

  /* Nothing about people: no renter, organiser, phone, e-mail or notes,
   * and no request that may still be turned down. */
  treff_assert_not_contains (flowing, "Müller");
  treff_assert_not_contains (flowing, "Geburtstag");
  treff_assert_not_contains (flowing, "0231");
  treff_assert_not_contains (flowing, "Schmidt");
  treff_assert_not_contains (flowing, "Eltern-Kind-Gruppe");
  treff_assert_not_contains (flowing, "example.org");
  treff_assert_not_contains (flowing, "Schlüssel");
  treff_assert_not_contains (flowing, "Chorprobe");
  treff_assert_not_contains (flowing, "requested");
}

static void
test_internal (void)
{
  g_autoptr(Centre) centre = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flowing = NULL;

  if (!have_poppler ())
    return;

  centre = centre_new_with_week_48 ();
  path = write_plan (centre, "2026-W48", TREFF_WEEK_PRINT_INTERNAL, "internal.pdf", NULL);
  text = pdf_layout_text (path);
  flowing = pdf_flowing_text (path);
  g_test_message ("%s", text);

  g_assert_cmpuint (pdf_count_pages (path), ==, 1);
  treff_assert_contains (text, "Week 48");
  treff_assert_contains (flowing, "Internal");

  treff_assert_contains (flowing, "15:00–22:00 Geburtstag Müller Familie Müller");
  treff_assert_contains (flowing, "18:00–19:30 Yoga Anna Schmidt");
  treff_assert_contains (flowing, "19:00–21:00 Chorprobe Stimmband (requested)");
  treff_assert_contains (flowing, "10:00–11:00 Gymnastik cancelled");
  treff_assert_not_contains (flowing, "Booked");

  /* Even the internal plan hangs in the office: contact details and notes
   * stay in the app. */
  treff_assert_not_contains (flowing, "0231");
  treff_assert_not_contains (flowing, "example.org");
  treff_assert_not_contains (flowing, "Schlüssel");
}

/* @n_bookings dates of @minutes each, one after the other from 07:00, in
 * all three rooms on the first @n_days days of week 48. */
static void
add_busy_week (Centre     *centre,
               guint       n_bookings,
               int         minutes,
               int         n_days,
               const char *title_suffix)
{
  TreffRoom *rooms[] = { centre->hall, centre->group, centre->gym };
  guint n = 0;

  for (int slot = 0; n < n_bookings; slot++)
    for (int day = 23; day < 23 + n_days && n < n_bookings; day++)
      for (guint room = 0; room < G_N_ELEMENTS (rooms) && n < n_bookings; room++)
        {
          g_autofree char *title = g_strdup_printf ("Termin %u%s", ++n, title_suffix);
          int start = 7 * 60 + slot * minutes;

          add_booking (centre, rooms[room], title, "Jemand", "", TRUE,
                       TREFF_BOOKING_STATUS_CONFIRMED, day, start / 60, start % 60, minutes);
        }
}

static void
test_busy_week (void)
{
  g_autoptr(Centre) centre = NULL;
  g_autoptr(TreffWeekPrint) quiet_plan = NULL;
  g_autoptr(TreffWeekPrint) plan = NULL;
  g_autofree char *quiet_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *internal_path = NULL;
  g_autofree char *flowing = NULL;

  if (!have_poppler ())
    return;

  centre = centre_new ();
  add_booking (centre, centre->gym, "Yoga", "Anna Schmidt", "", TRUE,
               TREFF_BOOKING_STATUS_CONFIRMED, 25, 18, 0, 90);
  quiet_path = write_plan (centre, "2026-W48", TREFF_WEEK_PRINT_PUBLIC, "quiet.pdf", &quiet_plan);

  /* Monday to Friday, four dates a day in every room, titles that wrap. */
  add_busy_week (centre, 60, 60, 5, " Sprachcafé für Eltern und Kinder");
  path = write_plan (centre, "2026-W48", TREFF_WEEK_PRINT_PUBLIC, "busy.pdf", &plan);
  internal_path = write_plan (centre, "2026-W48", TREFF_WEEK_PRINT_INTERNAL, "busy-internal.pdf", NULL);

  g_assert_cmpuint (pdf_count_pages (path), ==, 1);
  g_assert_cmpuint (pdf_count_pages (internal_path), ==, 1);
  g_assert_cmpfloat (treff_week_print_get_font_size (plan), <,
                     treff_week_print_get_font_size (quiet_plan));
  g_assert_cmpfloat (treff_week_print_get_font_size (plan), >=, 6.0);

  /* All 60 dates still fit, none cut off. */
  flowing = pdf_flowing_text (path);
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *title = g_strdup_printf (" Termin %u ", i);

      treff_assert_contains (flowing, title);
    }
  treff_assert_not_contains (flowing, "more date");
}

static void
test_overfull_week (void)
{
  g_autoptr(Centre) centre = NULL;
  g_autoptr(TreffWeekPrint) plan = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flowing = NULL;

  if (!have_poppler ())
    return;

  /* 12 dates a day in every room cannot all be read on one page: the
   * smallest text, and each full cell says how many it leaves out. */
  centre = centre_new ();
  add_busy_week (centre, 3 * 7 * 12, 30, 7, "");
  path = write_plan (centre, "2026-W48", TREFF_WEEK_PRINT_INTERNAL, "overfull.pdf", &plan);
  flowing = pdf_flowing_text (path);

  g_assert_cmpuint (pdf_count_pages (path), ==, 1);
  g_assert_cmpfloat (treff_week_print_get_font_size (plan), ==, 6.0);
  treff_assert_contains (flowing, " Termin 1 ");
  treff_assert_contains (flowing, "more dates");
}

static void
test_holidays_and_closures (void)
{
  g_autoptr(Centre) centre = NULL;
  g_autoptr(TreffClosure) closure = NULL;
  g_autoptr(TreffClosure) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *christmas_path = NULL;
  g_autofree char *new_year_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flowing = NULL;
  GDate first = treff_test_date (2026, 12, 28);
  GDate last = treff_test_date (2026, 12, 31);
  GDate school_first = treff_test_date (2026, 12, 21);
  GDate school_last = treff_test_date (2027, 1, 6);

  if (!have_poppler ())
    return;

  centre = centre_new ();
  closure = treff_closure_new (TREFF_CLOSURE_KIND_CLOSED, "Betriebsferien", &first, &last);
  treff_store_add_closure (centre->store, closure, &error);
  g_assert_no_error (error);
  school = treff_closure_new (TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Weihnachtsferien",
                              &school_first, &school_last);
  treff_store_add_closure (centre->store, school, &error);
  g_assert_no_error (error);

  /* Week 52 holds both Christmas days; nothing is booked. */
  christmas_path = write_plan (centre, "2026-W52", TREFF_WEEK_PRINT_PUBLIC, "christmas.pdf", NULL);
  text = pdf_layout_text (christmas_path);
  flowing = pdf_flowing_text (christmas_path);
  g_test_message ("%s", text);
  g_assert_cmpuint (pdf_count_pages (christmas_path), ==, 1);
  treff_assert_contains (text, "Week 52");
  treff_assert_contains (text, "Mon, 12/21/2026 – Sun, 12/27/2026");
  treff_assert_contains (flowing, "Christmas Day");
  treff_assert_contains (flowing, "Boxing Day");
  treff_assert_contains (flowing, "Weihnachtsferien");
  treff_assert_contains (flowing, "No room is booked this week.");

  /* Week 53 runs into 2027: the closure and New Year's Day. */
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flowing, g_free);
  new_year_path = write_plan (centre, "2026-W53", TREFF_WEEK_PRINT_PUBLIC, "new-year.pdf", NULL);
  text = pdf_layout_text (new_year_path);
  flowing = pdf_flowing_text (new_year_path);
  g_test_message ("%s", text);
  treff_assert_contains (text, "Week 53");
  treff_assert_contains (text, "Mon, 12/28/2026 – Sun, 1/3/2027");
  treff_assert_contains (flowing, "Betriebsferien");
  treff_assert_contains (flowing, "New Year's Day");
}

static void
test_room_selection (void)
{
  g_autoptr(Centre) centre = NULL;
  g_autoptr(TreffWeekPrint) plan = NULL;
  g_autoptr(TreffRoom) kitchen = NULL;
  g_autoptr(TreffRoom) old_room = NULL;
  g_autoptr(GError) error = NULL;
  GDate monday = treff_test_date (2026, 11, 23);
  gint64 selection[2];

  centre = centre_new ();
  kitchen = treff_test_add_room (centre->store, "Küche", 8);
  add_booking (centre, centre->gym, "Yoga", "Anna Schmidt", "", TRUE,
               TREFF_BOOKING_STATUS_CONFIRMED, 25, 18, 0, 90);

  /* By default only the rooms used that week. */
  plan = treff_week_print_new (&monday, TREFF_WEEK_PRINT_PUBLIC);
  treff_week_print_load (plan, centre->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treff_week_print_get_n_rooms (plan), ==, 1);

  /* A chosen room is printed even when empty; others are left out. */
  selection[0] = treff_room_get_id (kitchen);
  selection[1] = treff_room_get_id (centre->hall);
  treff_week_print_set_room_ids (plan, selection, G_N_ELEMENTS (selection));
  treff_week_print_load (plan, centre->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treff_week_print_get_n_rooms (plan), ==, 2);

  treff_week_print_set_room_ids (plan, NULL, 0);
  treff_week_print_load (plan, centre->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treff_week_print_get_n_rooms (plan), ==, 1);

  /* Any day of the week stands for its Monday. */
  {
    GDate thursday = treff_test_date (2026, 11, 26);
    g_autoptr(TreffWeekPrint) other = treff_week_print_new (&thursday, TREFF_WEEK_PRINT_PUBLIC);
    GDate start;

    treff_week_print_get_monday (other, &start);
    g_assert_cmpint (g_date_compare (&start, &monday), ==, 0);
  }
}

static void
test_write_errors (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffWeekPrint) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = treff_test_dir_build (centre->dir, "no-such-folder", "plan.pdf", NULL);
  g_autofree char *folder = treff_test_dir_build (centre->dir, "taken", NULL);
  g_autofree char *good = treff_test_dir_build (centre->dir, "plan.pdf", NULL);
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) names_in_folder = NULL;
  GDate monday = treff_test_date (2026, 11, 23);

  plan = treff_week_print_new (&monday, TREFF_WEEK_PRINT_PUBLIC);
  treff_week_print_load (plan, centre->store, &error);
  g_assert_no_error (error);

  /* A folder that does not exist: said so, nothing written. */
  g_assert_false (treff_week_print_write_pdf (plan, missing, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IO);
  treff_assert_contains (error->message, missing);
  treff_assert_contains (error->message, "does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The name is taken by a folder: the rename fails after the PDF was
   * written, and the half-done file is removed again. */
  g_assert_no_errno (g_mkdir (folder, 0700));
  g_assert_false (treff_week_print_write_pdf (plan, folder, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IO);
  treff_assert_contains (error->message, folder);
  g_clear_error (&error);

  /* Replacing an earlier plan leaves exactly the new one. */
  treff_test_write_file (good, "old", 3);
  treff_week_print_write_pdf (plan, good, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) contents = treff_test_read_file (good);

    g_assert_cmpuint (g_bytes_get_size (contents), >, 1000);
    g_assert_cmpmem (g_bytes_get_data (contents, NULL), 5, "%PDF-", 5);
  }

  /* No "taken.partial", no "plan.pdf.partial" (the database's own -wal
   * and -shm files may be there). */
  names = treff_test_list_folder (centre->dir->path);
  g_assert_true (g_strv_contains ((const char * const *)names, "plan.pdf"));
  g_assert_true (g_strv_contains ((const char * const *)names, "taken"));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (g_str_equal (names[i], "plan.pdf") || g_str_equal (names[i], "taken") ||
                   g_str_has_prefix (names[i], "treffpunkt.db"));
  names_in_folder = treff_test_list_folder (folder);
  g_assert_cmpstrv (names_in_folder, ((const char *[]){ NULL }));
}

/* The real program, as a coordinator or a script would run it. */
static int
run_treffpunkt (const char * const  *arguments,
                char               **standard_output,
                char               **standard_error)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "treffpunkt", NULL);
  g_autofree char *schemas = g_test_build_filename (G_TEST_BUILT, "..", "..", "data", NULL);
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_strv_builder_add (argv_builder, program);
  g_strv_builder_addv (argv_builder, (const char **)arguments);
  argv = g_strv_builder_end (argv_builder);

  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                standard_output, standard_error, &status, &error);
  g_assert_no_error (error);
  g_test_message ("treffpunkt said: %s%s", *standard_output, *standard_error);

  if (g_spawn_check_wait_status (status, &error))
    return 0;

  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

/* One line ending in a full stop: what a coordinator reads in a terminal. */
static void
assert_one_sentence (const char *text)
{
  g_assert_true (g_str_has_suffix (text, ".\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

static void
test_command_line (void)
{
  g_autoptr(Centre) centre = NULL;
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "treffpunkt", NULL);
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *internal_output = NULL;
  g_autofree char *missing = NULL;

  if (!have_poppler ())
    return;
  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the treffpunkt program is not built next to the tests");
      return;
    }

  centre = centre_new_with_week_48 ();
  database = g_strdup (treff_store_get_path (centre->store));
  output = treff_test_dir_build (centre->dir, "plan.pdf", NULL);
  internal_output = treff_test_dir_build (centre->dir, "intern.pdf", NULL);
  missing = treff_test_dir_build (centre->dir, "no-such-folder", "plan.pdf", NULL);
  g_clear_object (&centre->store);

  {
    const char *arguments[] = { "--database", database, "--print-week", "2026-W48",
                                "--output", output, NULL };
    g_autofree char *out = NULL, *err = NULL, *text = NULL;

    g_assert_cmpint (run_treffpunkt (arguments, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpuint (pdf_count_pages (output), ==, 1);
    text = pdf_flowing_text (output);
    treff_assert_contains (text, "Week 48");
    treff_assert_contains (text, "18:00–19:30 Yoga");
    treff_assert_contains (text, "Booked");
    treff_assert_not_contains (text, "Müller");
  }

  {
    const char *arguments[] = { "--database", database, "--print-week", "2026-W48",
                                "--output", internal_output, "--internal", NULL };
    g_autofree char *out = NULL, *err = NULL, *text = NULL;

    g_assert_cmpint (run_treffpunkt (arguments, &out, &err), ==, 0);
    text = pdf_flowing_text (internal_output);
    treff_assert_contains (text, "Geburtstag Müller Familie Müller");
  }

  /* Each mistake: exit status 1 and one sentence on stderr. */
  {
    g_autofree char *never = treff_test_dir_build (centre->dir, "never.pdf", NULL);
    const char *arguments[] = { "--database", database, "--print-week", "2026-W99",
                                "--output", never, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_treffpunkt (arguments, &out, &err), ==, 1);
    treff_assert_contains (err, "There is no week 99 in 2026");
    assert_one_sentence (err);
    g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  }

  {
    const char *arguments[] = { "--database", database, "--print-week", "2026-W48", NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_treffpunkt (arguments, &out, &err), ==, 1);
    treff_assert_contains (err, "--output");
    assert_one_sentence (err);
  }

  {
    const char *arguments[] = { "--database", database, "--print-week", "2026-W48",
                                "--output", missing, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_treffpunkt (arguments, &out, &err), ==, 1);
    treff_assert_contains (err, missing);
    treff_assert_contains (err, "does not exist");
    assert_one_sentence (err);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/week-print/parse-week", test_parse_week);
  g_test_add_func ("/week-print/public", test_public);
  g_test_add_func ("/week-print/internal", test_internal);
  g_test_add_func ("/week-print/busy-week", test_busy_week);
  g_test_add_func ("/week-print/overfull-week", test_overfull_week);
  g_test_add_func ("/week-print/holidays-and-closures", test_holidays_and_closures);
  g_test_add_func ("/week-print/room-selection", test_room_selection);
  g_test_add_func ("/week-print/write-errors", test_write_errors);
  g_test_add_func ("/week-print/command-line", test_command_line);

  return g_test_run ();
}
