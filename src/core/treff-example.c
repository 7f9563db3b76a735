/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-example.c — the example centre that shows a newcomer a living app
 *
 * A Mehrgenerationenhaus as described in shared/DOMAIN.md. The names are
 * German on purpose: they are data of a German centre, not UI text. */
#define G_LOG_DOMAIN "treff-example"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-error.h"
#include "treff-example.h"
#include "treff-util.h"

typedef struct
{
  const char *name;
  guint       capacity;
  const char *equipment;
  gboolean    accessible;
  const char *colour;
  gboolean    bookable;
  const char *notes;
} ExampleRoom;

static const ExampleRoom example_rooms[] = {
  { "Offener Treff / Café", 40, "Küchenzeile, Kaffeemaschine, Spielecke", TRUE, "#e66100", TRUE,
    "Erdgeschoss. Vormittags Offener Treff mit Café-Theke (09:00–12:00)." },
  { "Gruppenraum", 20, "Beamer, Flipchart, Whiteboard", TRUE, "#3584e4", TRUE,
    "Erdgeschoss, Tische für 20 Personen." },
  { "Bewegungsraum", 15, "Spiegel, Matten, Musikanlage", FALSE, "#2ec27e", TRUE,
    "1. Obergeschoss, kein Aufzug. Bitte Hallenschuhe." },
  { "Werkstatt", 10, "Werkbank, Werkzeug, Lötstation", TRUE, "#986a44", TRUE,
    "Repair-Café jeden ersten Samstag im Monat." },
  { "Küche", 8, "Herd, Backofen, Spülmaschine", TRUE, "#f5c211", TRUE,
    "Lehrküche; Hygienebelehrung nötig für Arbeit an Lebensmitteln." },
  { "Kinderraum", 12, "Spielzeug, Wickeltisch, Matten", TRUE, "#9141ac", TRUE,
    "Für Krabbelgruppe und Kinderbetreuung." },
  { "Seminarraum", 25, "Beamer, Leinwand, WLAN", FALSE, "#c01c28", TRUE,
    "1. Obergeschoss, kein Aufzug." },
  { "Büro", 3, "PC, Drucker, Telefon", TRUE, "#5e5c64", FALSE,
    "Büro der Koordination, nicht buchbar." },
};

typedef struct
{
  const char       *title;
  const char       *room;
  TreffBookingKind  kind;
  const char       *organiser;
  int               first_weekday;   /* ISO weekday of the first date */
  int               weeks_from_now;  /* when the first date is, relative to this week */
  guint             start_hour, start_minute, end_hour, end_minute;
  TreffRepeat       repeat;
  guint             weekdays;
  guint             interval;
  int               week_of_month;
  int               months;          /* how long the series runs, in months */
  guint             attendees;
  guint             setup_minutes;
  guint             cleanup_minutes;
  gboolean          pause_in_school_holidays;
} ExampleSeries;

#define MO TREFF_WEEKDAY_BIT (1)
#define TU TREFF_WEEKDAY_BIT (2)
#define WE TREFF_WEEKDAY_BIT (3)
#define TH TREFF_WEEKDAY_BIT (4)
#define FR TREFF_WEEKDAY_BIT (5)

/* The regular programme of seed 003: series from some months ago into the
 * coming months. */
static const ExampleSeries example_series[] = {
  { "Krabbelgruppe", "Kinderraum", TREFF_BOOKING_KIND_GROUP, "Eltern-Kind-Gruppe",
    1, -14, 9, 30, 11, 0, TREFF_REPEAT_WEEKLY, MO, 1, 0, 8, 10, 15, 15, FALSE },
  { "Sprachkurs Deutsch A2", "Seminarraum", TREFF_BOOKING_KIND_COURSE, "VHS Dortmund",
    2, -10, 10, 0, 12, 0, TREFF_REPEAT_WEEKLY, TU | TH, 1, 0, 6, 14, 0, 15, TRUE },
  { "Yoga", "Bewegungsraum", TREFF_BOOKING_KIND_COURSE, "Anna Schmidt",
    3, -12, 18, 0, 19, 30, TREFF_REPEAT_WEEKLY, WE, 1, 0, 7, 12, 15, 15, FALSE },
  { "Hausaufgabenhilfe", "Gruppenraum", TREFF_BOOKING_KIND_GROUP, "Ehrenamtsteam Lernen",
    1, -12, 14, 0, 16, 0, TREFF_REPEAT_WEEKLY, MO | TU | WE | TH, 1, 0, 7, 12, 0, 0, TRUE },
  { "Offener Treff", "Offener Treff / Café", TREFF_BOOKING_KIND_INTERNAL, "",
    1, -16, 9, 0, 12, 0, TREFF_REPEAT_WEEKLY, MO | TU | WE | TH | FR, 1, 0, 9, 30, 0, 15, FALSE },
  { "Repair-Café", "Werkstatt", TREFF_BOOKING_KIND_GROUP, "Repair-Café-Team",
    6, -17, 14, 0, 17, 0, TREFF_REPEAT_MONTHLY_BY_WEEKDAY, 0, 1, 1, 9, 25, 30, 30, FALSE },
  { "Bürgersprechstunde", "Gruppenraum", TREFF_BOOKING_KIND_CONSULTATION, "Bezirksvertretung",
    4, -8, 17, 0, 18, 0, TREFF_REPEAT_WEEKLY, TH, 2, 0, 6, 8, 0, 0, FALSE },
};

/* The first date: the given weekday of the week @weeks_from_now weeks
 * from @today's week; for "first Saturday" series the first Saturday of
 * that week's month. */
static GDateTime *
first_start (GTimeZone           *zone,
             GDateTime           *today,
             const ExampleSeries *series)
{
  g_autoptr(GDateTime) monday = g_date_time_add_days (today, 1 - g_date_time_get_day_of_week (today));
  g_autoptr(GDateTime) week = g_date_time_add_weeks (monday, series->weeks_from_now);
  g_autoptr(GDateTime) day = g_date_time_add_days (week, series->first_weekday - 1);
  int year = g_date_time_get_year (day);
  int month = g_date_time_get_month (day);
  int day_of_month = g_date_time_get_day_of_month (day);

  if (series->repeat == TREFF_REPEAT_MONTHLY_BY_WEEKDAY)
    {
      GDate first;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, month, year);
      while (g_date_get_weekday (&first) != (GDateWeekday)series->first_weekday)
        g_date_add_days (&first, 1);
      day_of_month = g_date_get_day (&first);
    }

  return g_date_time_new (zone, year, month, day_of_month,
                          series->start_hour, series->start_minute, 0);
}

static gint64
room_id_by_name (GPtrArray  *rooms,
                 const char *name)
{
  for (guint i = 0; i < rooms->len; i++)
    {
      TreffRoom *room = g_ptr_array_index (rooms, i);

      if (g_str_equal (treff_room_get_name (room), name))
        return treff_room_get_id (room);
    }

  g_return_val_if_reached (0);
}

/* Holidays, closures and conflicts are left out, as a coordinator would
 * do in the series preview. */
static gboolean
add_skipping_problems (TreffStore    *store,
                       TreffBooking  *booking,
                       GError       **error)
{
  g_autoptr(GPtrArray) previews = treff_store_preview_booking (store, booking, TREFF_EDIT_SCOPE_ALL, NULL, error);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);

  if (previews == NULL)
    return FALSE;

  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *preview = g_ptr_array_index (previews, i);

      if (preview->state != TREFF_DATE_STATE_FREE && preview->state != TREFF_DATE_STATE_SCHOOL_HOLIDAY)
        g_ptr_array_add (skipped, g_date_time_ref (preview->start));
    }

  return treff_store_add_booking (store, booking, skipped, error);
}

static gboolean
add_series (TreffStore           *store,
            GPtrArray            *rooms,
            GDateTime            *today,
            const ExampleSeries  *series,
            GError              **error)
{
  GTimeZone *zone = treff_store_get_time_zone (store);
  g_autoptr(TreffBooking) booking = treff_booking_new ();
  g_autoptr(GDateTime) start = first_start (zone, today, series);
  g_autoptr(GDateTime) end = g_date_time_new (zone, g_date_time_get_year (start),
                                              g_date_time_get_month (start),
                                              g_date_time_get_day_of_month (start),
                                              series->end_hour, series->end_minute, 0);
  g_autoptr(GDateTime) last = g_date_time_add_months (start, series->months);
  TreffRecurrence recurrence;

  treff_recurrence_init_none (&recurrence);
  recurrence.repeat = series->repeat;
  recurrence.interval = series->interval;
  recurrence.weekdays = series->weekdays;
  recurrence.week_of_month = series->week_of_month;
  treff_date_from_date_time (&recurrence.until, last);

  treff_booking_set_title (booking, series->title);
  treff_booking_set_room_id (booking, room_id_by_name (rooms, series->room));
  treff_booking_set_kind (booking, series->kind);
  treff_booking_set_organiser (booking, series->organiser);
  treff_booking_set_times (booking, start, end);
  treff_booking_set_recurrence (booking, &recurrence);
  treff_booking_set_attendees (booking, series->attendees);
  treff_booking_set_setup_minutes (booking, series->setup_minutes);
  treff_booking_set_cleanup_minutes (booking, series->cleanup_minutes);
  treff_booking_set_pause_in_school_holidays (booking, series->pause_in_school_holidays);

  return add_skipping_problems (store, booking, error);
}

static gboolean
add_closure (TreffStore        *store,
             TreffClosureKind   kind,
             const char        *title,
             GDateTime         *first,
             int                days,
             GError           **error)
{
  g_autoptr(TreffClosure) closure = NULL;
  GDate first_day, last_day;

  treff_date_from_date_time (&first_day, first);
  last_day = first_day;
  g_date_add_days (&last_day, days - 1);

  closure = treff_closure_new (kind, title, &first_day, &last_day);
  return treff_store_add_closure (store, closure, error);
}

/* A private party on this week's Saturday and a request for next Friday. */
static gboolean
add_one_off_bookings (TreffStore  *store,
                      GPtrArray   *rooms,
                      GDateTime   *monday,
                      GError     **error)
{
  GTimeZone *zone = treff_store_get_time_zone (store);
  g_autoptr(GDateTime) saturday = g_date_time_add_days (monday, 5);
  g_autoptr(GDateTime) next_friday = g_date_time_add_days (monday, 11);
  g_autoptr(GDateTime) party_start = g_date_time_new (zone, g_date_time_get_year (saturday),
                                                      g_date_time_get_month (saturday),
                                                      g_date_time_get_day_of_month (saturday), 18, 0, 0);
  g_autoptr(GDateTime) party_end = g_date_time_add_hours (party_start, 5);
  g_autoptr(GDateTime) choir_start = g_date_time_new (zone, g_date_time_get_year (next_friday),
                                                      g_date_time_get_month (next_friday),
                                                      g_date_time_get_day_of_month (next_friday), 19, 0, 0);
  g_autoptr(GDateTime) choir_end = g_date_time_add_hours (choir_start, 2);
  g_autoptr(TreffBooking) party = treff_booking_new ();
  g_autoptr(TreffBooking) choir = treff_booking_new ();

  treff_booking_set_title (party, "Geburtstagsfeier");
  treff_booking_set_room_id (party, room_id_by_name (rooms, "Offener Treff / Café"));
  treff_booking_set_kind (party, TREFF_BOOKING_KIND_RENTAL);
  treff_booking_set_public (party, FALSE);
  treff_booking_set_organiser (party, "Familie Becker");
  treff_booking_set_phone (party, "0231 555 0142");
  treff_booking_set_times (party, party_start, party_end);
  treff_booking_set_attendees (party, 35);
  treff_booking_set_setup_minutes (party, 60);
  treff_booking_set_cleanup_minutes (party, 60);
  treff_booking_set_fee_cents (party, 8000);
  treff_booking_set_deposit_cents (party, 10000);
  treff_booking_set_key_handed_out (party, TRUE);

  treff_booking_set_title (choir, "Chorprobe Stimmband");
  treff_booking_set_room_id (choir, room_id_by_name (rooms, "Seminarraum"));
  treff_booking_set_kind (choir, TREFF_BOOKING_KIND_GROUP);
  treff_booking_set_status (choir, TREFF_BOOKING_STATUS_REQUESTED);
  treff_booking_set_organiser (choir, "Chor Stimmband e. V.");
  treff_booking_set_times (choir, choir_start, choir_end);
  treff_booking_set_attendees (choir, 18);

  return add_skipping_problems (store, party, error) &&
         add_skipping_problems (store, choir, error);
}

static gboolean
add_programme (TreffStore  *store,
               GDateTime   *today,
               GError     **error)
{
  g_autoptr(GPtrArray) rooms = treff_store_list_rooms (store, FALSE, error);
  g_autoptr(GDateTime) monday = g_date_time_add_days (today, 1 - g_date_time_get_day_of_week (today));
  g_autoptr(GDateTime) autumn_holidays = g_date_time_add_weeks (monday, -6);
  g_autoptr(GDateTime) christmas = g_date_time_new (treff_store_get_time_zone (store),
                                                    g_date_time_get_year (today) +
                                                    (g_date_time_get_month (today) == 12 &&
                                                     g_date_time_get_day_of_month (today) > 23),
                                                    12, 23, 12, 0, 0);
  g_autoptr(GDateTime) summer_closure = g_date_time_add_weeks (monday, 3);

  if (rooms == NULL)
    return FALSE;

  /* Holidays first, so the series already skip them. */
  if (!add_closure (store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Herbstferien", autumn_holidays, 14, error) ||
      !add_closure (store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Weihnachtsferien", christmas, 15, error) ||
      !add_closure (store, TREFF_CLOSURE_KIND_CLOSED, "Schließwoche: Renovierung", summer_closure, 7, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (example_series); i++)
    {
      if (!add_series (store, rooms, today, &example_series[i], error))
        return FALSE;
    }

  return add_one_off_bookings (store, rooms, monday, error);
}

static gboolean
fill_in_transaction (gpointer   user_data,
                     GError   **error)
{
  TreffStore *store = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now (treff_store_get_time_zone (store));

  for (guint i = 0; i < G_N_ELEMENTS (example_rooms); i++)
    {
      const ExampleRoom *example = &example_rooms[i];
      g_autoptr(TreffRoom) room = treff_room_new (example->name);
      g_auto(GStrv) equipment = treff_room_parse_equipment (example->equipment);

      treff_room_set_capacity (room, example->capacity);
      treff_room_set_equipment (room, (const char * const *)equipment);
      treff_room_set_accessible (room, example->accessible);
      treff_room_set_colour (room, example->colour);
      treff_room_set_bookable (room, example->bookable);
      treff_room_set_notes (room, example->notes);

      if (!treff_store_add_room (store, room, error))
        return FALSE;
    }

  return add_programme (store, now, error);
}

/**
 * treff_example_fill:
 *
 * Fills an empty database with the example centre, all in one transaction.
 * A database that already has rooms fails with %TREFF_ERROR_NOT_EMPTY and
 * stays as it is.
 */
gboolean
treff_example_fill (TreffStore  *store,
                    GError     **error)
{
  g_return_val_if_fail (TREFF_IS_STORE (store), FALSE);

  if (treff_store_count_rooms (store) > 0)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_NOT_EMPTY,
                   _("The database “%s” already holds a centre. "
                     "The example centre can only be created in an empty database."),
                   treff_store_get_path (store));
      return FALSE;
    }

  return treff_store_run_transaction (store, fill_in_transaction, store, error);
}
