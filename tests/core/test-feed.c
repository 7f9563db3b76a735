/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-feed.c — the iCalendar feeds: every rule of ICALENDAR.md, privacy, publishing into a folder */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <sys/stat.h>

#include "treff-error.h"
#include "treff-feed-writer.h"
#include "treff-feed.h"
#include "treff-test-util.h"

#define CENTRE_ADDRESS "Hauptstraße 1, 44135 Dortmund"

/* A centre with every kind of date a feed has to get right. */
typedef struct
{
  TreffTestDir *dir;
  char         *path;
  TreffStore   *store;
  TreffRoom    *hall;       /* Bewegungsraum */
  TreffRoom    *group;      /* Gruppenraum */
  TreffRoom    *cafe;       /* Offener Treff / Café */
  TreffRoom    *kitchen;    /* Küche */
  gint64        yoga;       /* weekly; one date cancelled, one moved, one in another room */
  gint64        homework;   /* Mon–Thu, pauses in school holidays */
  gint64        party;      /* private */
  gint64        choir;      /* requested */
  gint64        talk;       /* cancelled */
  gint64        flea_market;/* all day */
  gint64        exhibition; /* all day, weekly, one date cancelled */
  GDateTime    *stamp;
} Centre;

static gint64
add (Centre       *centre,
     TreffBooking *booking)
{
  treff_test_add_booking (centre->store, booking, NULL);

  return treff_booking_get_id (booking);
}

static void
cancel_date (Centre *centre,
             gint64  booking_id,
             int     year,
             int     month,
             int     day,
             int     hour,
             int     minute)
{
  g_autoptr(GDateTime) slot = treff_test_at (centre->store, year, month, day, hour, minute);
  g_autoptr(GError) error = NULL;

  treff_store_set_date_cancelled (centre->store, booking_id, slot, TRUE, &error);
  g_assert_no_error (error);
}

/* Moves one date of a series: new times, room and title. */
static void
change_date (Centre     *centre,
             gint64      booking_id,
             GDateTime  *slot,
             GDateTime  *start,
             GDateTime  *end,
             TreffRoom  *room,
             const char *title)
{
  g_autoptr(TreffBooking) booking = NULL;
  g_autoptr(GError) error = NULL;

  booking = treff_store_get_booking (centre->store, booking_id, &error);
  g_assert_no_error (error);
  treff_booking_set_times (booking, start, end);
  if (room != NULL)
    treff_booking_set_room_id (booking, treff_room_get_id (room));
  if (title != NULL)
    treff_booking_set_title (booking, title);

  treff_store_update_booking (centre->store, booking, TREFF_EDIT_SCOPE_THIS_DATE, slot, &error);
  g_assert_no_error (error);
}

static void
add_yoga (Centre *centre)
{
  g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 9, 2, 18, 0);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 9, 2, 19, 30);
  g_autoptr(TreffBooking) yoga = treff_test_booking_new (centre->hall, "Yoga", start, end);
  g_autoptr(GDateTime) moved_slot = treff_test_at (centre->store, 2026, 12, 2, 18, 0);
  g_autoptr(GDateTime) moved_start = treff_test_at (centre->store, 2026, 12, 2, 19, 0);
  g_autoptr(GDateTime) moved_end = treff_test_at (centre->store, 2026, 12, 2, 20, 30);
  g_autoptr(GDateTime) away_slot = treff_test_at (centre->store, 2026, 12, 9, 18, 0);
  g_autoptr(GDateTime) away_end = treff_test_at (centre->store, 2026, 12, 9, 19, 30);

  treff_booking_set_kind (yoga, TREFF_BOOKING_KIND_COURSE);
  treff_booking_set_organiser (yoga, "Anna Schmidt");
  treff_booking_set_phone (yoga, "0176 1234567");
  treff_test_set_weekly (yoga, TREFF_WEEKDAY_BIT (3), 0, 2027, 6, 30);
  centre->yoga = add (centre, yoga);

  cancel_date (centre, centre->yoga, 2026, 11, 25, 18, 0);
  change_date (centre, centre->yoga, moved_slot, moved_start, moved_end, NULL, "Yoga – später");
  change_date (centre, centre->yoga, away_slot, away_slot, away_end, centre->group, NULL);
}

static void
add_one_offs (Centre *centre)
{
  g_autoptr(GDateTime) party_start = treff_test_at (centre->store, 2026, 11, 28, 18, 0);
  g_autoptr(GDateTime) party_end = treff_test_at (centre->store, 2026, 11, 28, 23, 0);
  g_autoptr(GDateTime) choir_start = treff_test_at (centre->store, 2026, 11, 27, 19, 0);
  g_autoptr(GDateTime) choir_end = treff_test_at (centre->store, 2026, 11, 27, 21, 0);
  g_autoptr(GDateTime) talk_start = treff_test_at (centre->store, 2026, 11, 26, 19, 0);
  g_autoptr(GDateTime) talk_end = treff_test_at (centre->store, 2026, 11, 26, 20, 30);
  g_autoptr(TreffBooking) party = treff_test_booking_new (centre->cafe, "Geburtstag Becker", party_start, party_end);
  g_autoptr(TreffBooking) choir = treff_test_booking_new (centre->group, "Chorprobe Stimmband", choir_start, choir_end);
  g_autoptr(TreffBooking) talk = treff_test_booking_new (centre->cafe, "Vortrag: Mülltrennung", talk_start, talk_end);

  treff_booking_set_kind (party, TREFF_BOOKING_KIND_RENTAL);
  treff_booking_set_public (party, FALSE);
  treff_booking_set_organiser (party, "Familie Becker");
  treff_booking_set_phone (party, "0231 555 0142");
  treff_booking_set_email (party, "becker@example.org");
  treff_booking_set_notes (party, "Schlüssel bei Frau Yilmaz\nKaution bar");
  centre->party = add (centre, party);

  treff_booking_set_status (choir, TREFF_BOOKING_STATUS_REQUESTED);
  centre->choir = add (centre, choir);

  treff_booking_set_status (talk, TREFF_BOOKING_STATUS_CANCELLED);
  centre->talk = add (centre, talk);
}

static void
add_all_day (Centre *centre)
{
  g_autoptr(GDateTime) flea_start = treff_test_at (centre->store, 2026, 12, 5, 0, 0);
  g_autoptr(GDateTime) flea_end = treff_test_at (centre->store, 2026, 12, 6, 0, 0);
  g_autoptr(GDateTime) show_start = treff_test_at (centre->store, 2027, 1, 8, 0, 0);
  g_autoptr(GDateTime) show_end = treff_test_at (centre->store, 2027, 1, 9, 0, 0);
  g_autoptr(TreffBooking) flea = treff_test_booking_new (centre->cafe, "Flohmarkt", flea_start, flea_end);
  g_autoptr(TreffBooking) show = treff_test_booking_new (centre->kitchen, "Ausstellung, Teil 1; Bilder",
                                                         show_start, show_end);

  treff_booking_set_all_day (flea, TRUE);
  centre->flea_market = add (centre, flea);

  treff_booking_set_all_day (show, TRUE);
  treff_test_set_weekly (show, TREFF_WEEKDAY_BIT (5), 0, 2027, 1, 29);
  centre->exhibition = add (centre, show);
  cancel_date (centre, centre->exhibition, 2027, 1, 15, 0, 0);
}

static Centre *
centre_new (void)
{
  g_autoptr(GDateTime) homework_start = NULL;
  g_autoptr(GDateTime) homework_end = NULL;
  g_autoptr(TreffBooking) homework = NULL;
  Centre *centre = g_new0 (Centre, 1);

  centre->dir = treff_test_dir_new ();
  centre->path = treff_test_dir_build (centre->dir, "treffpunkt.db", NULL);
  centre->store = treff_test_open_store (centre->path);
  centre->stamp = g_date_time_new_utc (2026, 11, 21, 10, 0, 0);

  centre->hall = treff_test_add_room (centre->store, "Bewegungsraum", 20);
  centre->group = treff_test_add_room (centre->store, "Gruppenraum", 12);
  centre->cafe = treff_test_add_room (centre->store, "Offener Treff / Café", 40);
  centre->kitchen = treff_test_add_room (centre->store, "Küche", 8);

  add_yoga (centre);

  g_object_unref (treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Weihnachtsferien",
                                          2026, 12, 21, 2027, 1, 6));
  homework_start = treff_test_at (centre->store, 2026, 11, 2, 14, 0);
  homework_end = treff_test_at (centre->store, 2026, 11, 2, 16, 0);
  homework = treff_test_booking_new (centre->group, "Hausaufgabenhilfe", homework_start, homework_end);
  treff_booking_set_pause_in_school_holidays (homework, TRUE);
  treff_test_set_weekly (homework, TREFF_WEEKDAY_BIT (1) | TREFF_WEEKDAY_BIT (2) |
                                   TREFF_WEEKDAY_BIT (3) | TREFF_WEEKDAY_BIT (4), 0, 2027, 2, 28);
  centre->homework = add (centre, homework);

  add_one_offs (centre);
  add_all_day (centre);

  return centre;
}

static void
centre_free (Centre *centre)
{
  g_clear_object (&centre->hall);
  g_clear_object (&centre->group);
  g_clear_object (&centre->cafe);
  g_clear_object (&centre->kitchen);
  if (centre->store != NULL)
    g_assert_finalize_object (centre->store);
  g_clear_pointer (&centre->stamp, g_date_time_unref);
  treff_test_dir_free (centre->dir);
  g_free (centre->path);
  g_free (centre);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Centre, centre_free)

static TreffFeed *
programme_feed (TreffFeedPrivacy privacy)
{
  return treff_feed_new ("programm", "Programm – Mütterzentrum", TREFF_FEED_FILTER_ALL, privacy);
}

static TreffFeed *
room_feed (TreffRoom *room)
{
  return treff_feed_new_for_room (treff_room_get_id (room), "raum", treff_room_get_name (room),
                                  TREFF_FEED_PRIVACY_BUSY);
}

static char *
build_with (TreffStore *store,
            TreffFeed  *feed,
            GDateTime  *stamp,
            GDateTime  *since)
{
  TreffFeedOptions options = { CENTRE_ADDRESS, stamp, since };
  g_autoptr(GError) error = NULL;
  char *text;

  text = treff_feed_build (feed, store, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

static char *
build (Centre    *centre,
       TreffFeed *feed)
{
  return build_with (centre->store, feed, centre->stamp, NULL);
}

/* The text with folded lines joined again (RFC 5545 3.1). */
static char *
unfold (const char *text)
{
  GString *unfolded = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
        {
          p += 2;
          continue;
        }
      g_string_append_c (unfolded, *p);
    }

  return g_string_free (unfolded, FALSE);
}

static gboolean
has_line (const char *unfolded,
          const char *line)
{
  g_autofree char *needle = g_strconcat ("\r\n", line, "\r\n", NULL);

  return strstr (unfolded, needle) != NULL;
}

#define assert_line(unfolded, line) \
  G_STMT_START { \
    if (!has_line ((unfolded), (line))) \
      { \
        g_autofree char *__message = g_strdup_printf ("no line “%s” in:\n%s", (line), (unfolded)); \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, __message); \
      } \
  } G_STMT_END

#define assert_no_line(unfolded, line) \
  G_STMT_START { \
    if (has_line ((unfolded), (line))) \
      { \
        g_autofree char *__message = g_strdup_printf ("unexpected line “%s”", (line)); \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, __message); \
      } \
  } G_STMT_END

static char *
dup_centre_uid (Centre *centre)
{
  g_autoptr(sqlite3) db = treff_test_open_raw (centre->path);

  return treff_test_query_text (db, "SELECT value FROM meta WHERE key = 'centre-uid';");
}

static char *
dup_uid (Centre *centre,
         gint64  booking_id)
{
  g_autofree char *centre_uid = dup_centre_uid (centre);

  return g_strdup_printf ("booking-%" G_GINT64_FORMAT "@%s.treffpunkt", booking_id, centre_uid);
}

/* The unfolded VEVENT with this UID (and RECURRENCE-ID line, if given). */
static char *
dup_event (const char *unfolded,
           const char *uid,
           const char *recurrence_id_line)
{
  g_auto(GStrv) parts = g_strsplit (unfolded, "BEGIN:VEVENT\r\n", -1);
  g_autofree char *uid_line = g_strconcat ("UID:", uid, "\r\n", NULL);

  for (guint i = 1; parts[i] != NULL; i++)
    {
      char *end = strstr (parts[i], "END:VEVENT\r\n");
      gboolean is_override;

      if (end != NULL)
        end[0] = '\0';
      if (!g_str_has_prefix (parts[i], uid_line))
        continue;

      is_override = strstr (parts[i], "\r\nRECURRENCE-ID") != NULL;
      if (recurrence_id_line == NULL ? is_override
                                     : strstr (parts[i], recurrence_id_line) == NULL)
        continue;

      return g_strconcat ("\r\n", parts[i], NULL);
    }

  return NULL;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* Parses the feed with libical: no errors, one VCALENDAR. */
static icalcomponent *
parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  return calendar;
}

static icalproperty *
find_property (icalcomponent *component,
               const char    *name)
{
  for (icalproperty *property = icalcomponent_get_first_property (component, ICAL_ANY_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (component, ICAL_ANY_PROPERTY))
    {
      if (g_str_equal (icalproperty_get_property_name (property), name))
        return property;
    }

  return NULL;
}

static char *
dup_property_value (icalcomponent *component,
                    const char    *name)
{
  icalproperty *property = find_property (component, name);
  char *value;
  char *result;

  if (property == NULL)
    return NULL;

  value = icalproperty_get_value_as_string_r (property);
  result = g_strdup (value);
  free (value);

  return result;
}

static guint
property_sequence (const char *unfolded,
                   const char *uid)
{
  g_autofree char *event = dup_event (unfolded, uid, NULL);
  const char *sequence;

  g_assert_nonnull (event);
  sequence = strstr (event, "\r\nSEQUENCE:");
  g_assert_nonnull (sequence);

  return (guint)g_ascii_strtoull (sequence + strlen ("\r\nSEQUENCE:"), NULL, 10);
}

static void
test_calendar_properties (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autofree char *text = build (centre, feed);
  g_autofree char *unfolded = unfold (text);
  g_autofree char *prodid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *calname = NULL;
  g_autofree char *tz = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *ttl = NULL;
  icalcomponent *calendar = parse (text);
  icalproperty *method;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  assert_line (unfolded, "METHOD:PUBLISH");
  assert_line (unfolded, "CALSCALE:GREGORIAN");
  assert_line (unfolded, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
  assert_line (unfolded, "X-PUBLISHED-TTL:PT1H");
  assert_line (unfolded, "X-WR-TIMEZONE:Europe/Berlin");

  method = icalcomponent_get_first_property (calendar, ICAL_METHOD_PROPERTY);
  g_assert_nonnull (method);
  g_assert_cmpint (icalproperty_get_method (method), ==, ICAL_METHOD_PUBLISH);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)), ==, "2.0");

  prodid = dup_property_value (calendar, "PRODID");
  treff_assert_contains (prodid, "Treffpunkt");
  name = dup_property_value (calendar, "NAME");
  calname = dup_property_value (calendar, "X-WR-CALNAME");
  g_assert_cmpstr (name, ==, "Programm – Mütterzentrum");
  g_assert_cmpstr (calname, ==, "Programm – Mütterzentrum");
  tz = dup_property_value (calendar, "X-WR-TIMEZONE");
  g_assert_cmpstr (tz, ==, "Europe/Berlin");
  refresh = dup_property_value (calendar, "REFRESH-INTERVAL");
  g_assert_cmpstr (refresh, ==, "PT1H");
  ttl = dup_property_value (calendar, "X-PUBLISHED-TTL");
  g_assert_cmpstr (ttl, ==, "PT1H");

  /* Every event: UID, DTSTAMP in UTC, CREATED, LAST-MODIFIED, SEQUENCE. */
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), >, 5);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype stamp = icalcomponent_get_dtstamp (event);
      icalproperty *created = icalcomponent_get_first_property (event, ICAL_CREATED_PROPERTY);
      icalproperty *modified = icalcomponent_get_first_property (event, ICAL_LASTMODIFIED_PROPERTY);

      g_assert_true (g_str_has_prefix (icalcomponent_get_uid (event), "booking-"));
      g_assert_true (icaltime_is_utc (stamp));
      g_assert_cmpint (stamp.year, ==, 2026);
      g_assert_cmpint (stamp.hour, ==, 10);
      g_assert_nonnull (created);
      g_assert_true (icaltime_is_utc (icalproperty_get_created (created)));
      g_assert_nonnull (modified);
      g_assert_true (icaltime_is_utc (icalproperty_get_lastmodified (modified)));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY));
    }

  icalcomponent_free (calendar);
}

static void
test_time_zone (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autofree char *text = build (centre, feed);
  g_autofree char *unfolded = unfold (text);
  g_auto(GStrv) lines = g_strsplit (unfolded, "\r\n", -1);
  icalcomponent *calendar = parse (text);
  icalcomponent *vtimezone;
  const char *begin, *end;
  guint n_zoned = 0;

  /* Exactly one VTIMEZONE, with the plain IANA name, cut short. */
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)),
                   ==, "Europe/Berlin");
  treff_assert_not_contains (text, "freeassociation");
  begin = strstr (text, "BEGIN:VTIMEZONE");
  end = strstr (text, "END:VTIMEZONE");
  g_assert_true (begin != NULL && end != NULL);
  g_assert_cmpint (end - begin, <, 1500);
  g_assert_cmpint (count_occurrences (text, "BEGIN:VTIMEZONE"), ==, 1);

  /* No floating times: every time is zoned (exactly "Europe/Berlin"), a
   * DATE, or UTC. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *colon = strchr (line, ':');
      g_autofree char *head = NULL;

      if (!g_str_has_prefix (line, "DTSTART") && !g_str_has_prefix (line, "DTEND") &&
          !g_str_has_prefix (line, "EXDATE") && !g_str_has_prefix (line, "RECURRENCE-ID"))
        continue;
      if (strstr (line, "BEGIN:VTIMEZONE") != NULL)
        continue;

      g_assert_nonnull (colon);
      head = g_strndup (line, colon - line);
      if (strstr (head, ";TZID=") != NULL)
        {
          g_assert_true (g_str_has_suffix (head, ";TZID=Europe/Berlin"));
          g_assert_cmpuint (strlen (colon + 1), ==, 15);
          n_zoned++;
        }
      else if (strstr (head, ";VALUE=DATE") != NULL)
        {
          g_assert_cmpuint (strlen (colon + 1), ==, 8);
        }
      else
        {
          /* Only the VTIMEZONE's own DTSTARTs are local without TZID. */
          g_assert_true (g_str_equal (head, "DTSTART"));
          g_assert_true (strstr (unfolded, line) < strstr (unfolded, "END:VTIMEZONE"));
        }
    }
  g_assert_cmpuint (n_zoned, >, 10);

  /* libical resolves the TZID against the feed's own VTIMEZONE. */
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);

      if (tzid != NULL)
        g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Berlin");
    }

  icalcomponent_free (calendar);
}

/* The weekly course stays at 18:00 after the clock change: the master's
 * DTSTART is zoned, UNTIL is in UTC. */
static void
test_series (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autofree char *text = build (centre, feed);
  g_autofree char *unfolded = unfold (text);
  g_autofree char *uid = dup_uid (centre, centre->yoga);
  g_autofree char *master = dup_event (unfolded, uid, NULL);
  g_autofree char *moved = dup_event (unfolded, uid, "\r\nRECURRENCE-ID;TZID=Europe/Berlin:20261202T180000\r\n");
  g_autofree char *away = dup_event (unfolded, uid, "\r\nRECURRENCE-ID;TZID=Europe/Berlin:20261209T180000\r\n");
  icalcomponent *calendar = parse (text);
  guint n_yoga = 0;

  g_assert_nonnull (master);
  assert_line (master, "DTSTART;TZID=Europe/Berlin:20260902T180000");
  assert_line (master, "DTEND;TZID=Europe/Berlin:20260902T193000");
  /* The last day's 23:59:59 in Berlin summer time, in UTC. */
  assert_line (master, "RRULE:FREQ=WEEKLY;UNTIL=20270630T215959Z;BYDAY=WE;WKST=MO");
  assert_line (master, "EXDATE;TZID=Europe/Berlin:20261125T180000");
  assert_no_line (master, "EXDATE;TZID=Europe/Berlin:20261202T180000");
  g_assert_cmpuint (count_occurrences (master, "\r\nEXDATE"), ==, 1);
  assert_line (master, "SUMMARY:Yoga");
  assert_line (master, "LOCATION:Bewegungsraum\\, Hauptstraße 1\\, 44135 Dortmund");
  assert_line (master, "CATEGORIES:Course");

  /* The moved date: same UID, RECURRENCE-ID in the master's zone, its own time and title. */
  g_assert_nonnull (moved);
  assert_line (moved, "DTSTART;TZID=Europe/Berlin:20261202T190000");
  assert_line (moved, "DTEND;TZID=Europe/Berlin:20261202T203000");
  assert_line (moved, "SUMMARY:Yoga – später");
  assert_line (moved, "LOCATION:Bewegungsraum\\, Hauptstraße 1\\, 44135 Dortmund");

  /* The date in another room: an override with that room. */
  g_assert_nonnull (away);
  assert_line (away, "DTSTART;TZID=Europe/Berlin:20261209T180000");
  assert_line (away, "LOCATION:Gruppenraum\\, Hauptstraße 1\\, 44135 Dortmund");
  assert_line (away, "SUMMARY:Yoga");

  /* libical sees one master and two overrides with the right RECURRENCE-IDs. */
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *recurrence_id;

      if (!g_str_equal (icalcomponent_get_uid (event), uid))
        continue;

      n_yoga++;
      recurrence_id = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
      if (recurrence_id != NULL)
        {
          struct icaltimetype slot = icalproperty_get_recurrenceid (recurrence_id);
          icalparameter *tzid = icalproperty_get_first_parameter (recurrence_id, ICAL_TZID_PARAMETER);

          g_assert_nonnull (tzid);
          g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Berlin");
          g_assert_cmpint (slot.hour, ==, 18);
          g_assert_cmpint (slot.month, ==, 12);
        }
      else
        {
          icalproperty *exdate = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
          icalparameter *tzid = icalproperty_get_first_parameter (exdate, ICAL_TZID_PARAMETER);
          struct icalrecurrencetype rule = icalproperty_get_rrule (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY));

          g_assert_nonnull (tzid);
          g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Berlin");
          g_assert_true (icaltime_is_utc (rule.until));
          g_assert_cmpint (rule.until.hour, ==, 21);
        }
    }
  g_assert_cmpuint (n_yoga, ==, 3);

  icalcomponent_free (calendar);
}

/* The dates in school holidays of a pausing series are not in the feed. */
static void
test_school_holidays (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autofree char *text = build (centre, feed);
  g_autofree char *unfolded = unfold (text);
  g_autofree char *uid = dup_uid (centre, centre->homework);
  g_autofree char *master = dup_event (unfolded, uid, NULL);

  g_assert_nonnull (master);
  assert_line (master, "RRULE:FREQ=WEEKLY;UNTIL=20270228T225959Z;BYDAY=MO,TU,WE,TH;WKST=MO");
  assert_line (master, "EXDATE;TZID=Europe/Berlin:20261221T140000");
  assert_line (master, "EXDATE;TZID=Europe/Berlin:20261231T140000");
  assert_line (master, "EXDATE;TZID=Europe/Berlin:20270106T140000");
  assert_no_line (master, "EXDATE;TZID=Europe/Berlin:20261217T140000");
  assert_no_line (master, "EXDATE;TZID=Europe/Berlin:20270107T140000");
  /* Mon 21.12. to Wed 6.1.: 3 + 4 + 3 dates (Thu 24.12., 31.12. included). */
  g_assert_cmpuint (count_occurrences (master, "\r\nEXDATE"), ==, 11);
}

static void
test_room_feeds (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) hall_feed = room_feed (centre->hall);
  g_autoptr(TreffFeed) group_feed = room_feed (centre->group);
  g_autofree char *hall = build (centre, hall_feed);
  g_autofree char *group = build (centre, group_feed);
  g_autofree char *hall_unfolded = unfold (hall);
  g_autofree char *group_unfolded = unfold (group);
  g_autofree char *yoga_uid = dup_uid (centre, centre->yoga);
  g_autofree char *centre_uid = dup_centre_uid (centre);
  g_autofree char *lone_uid = g_strdup_printf ("booking-%" G_GINT64_FORMAT "-20261209T180000@%s.treffpunkt",
                                               centre->yoga, centre_uid);
  g_autofree char *master = dup_event (hall_unfolded, yoga_uid, NULL);
  g_autofree char *lone = dup_event (group_unfolded, lone_uid, NULL);
  g_autofree char *homework_uid = dup_uid (centre, centre->homework);
  icalcomponent *calendar;

  /* The hall's feed: Yoga without the date that takes place elsewhere. */
  g_assert_nonnull (master);
  assert_line (master, "EXDATE;TZID=Europe/Berlin:20261209T180000");
  assert_line (master, "EXDATE;TZID=Europe/Berlin:20261125T180000");
  g_assert_null (dup_event (hall_unfolded, yoga_uid, "\r\nRECURRENCE-ID;TZID=Europe/Berlin:20261209T180000\r\n"));
  treff_assert_not_contains (hall_unfolded, homework_uid);
  treff_assert_not_contains (hall_unfolded, "Chorprobe");

  /* The group room's feed: that date on its own, with a stable UID of its own. */
  g_assert_nonnull (lone);
  assert_line (lone, "DTSTART;TZID=Europe/Berlin:20261209T180000");
  assert_line (lone, "LOCATION:Gruppenraum\\, Hauptstraße 1\\, 44135 Dortmund");
  treff_assert_not_contains (lone, "RECURRENCE-ID");
  g_assert_null (dup_event (group_unfolded, yoga_uid, NULL));
  treff_assert_contains (group_unfolded, homework_uid);

  calendar = parse (group);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  icalcomponent_free (calendar);
}

static void
test_status (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autofree char *text = build (centre, feed);
  g_autofree char *unfolded = unfold (text);
  g_autofree char *party_uid = dup_uid (centre, centre->party);
  g_autofree char *choir_uid = dup_uid (centre, centre->choir);
  g_autofree char *talk_uid = dup_uid (centre, centre->talk);
  g_autofree char *party = dup_event (unfolded, party_uid, NULL);
  g_autofree char *choir = dup_event (unfolded, choir_uid, NULL);
  g_autofree char *talk = dup_event (unfolded, talk_uid, NULL);

  g_assert_nonnull (party);
  assert_line (party, "STATUS:CONFIRMED");
  g_assert_nonnull (choir);
  assert_line (choir, "STATUS:TENTATIVE");
  g_assert_nonnull (talk);
  assert_line (talk, "STATUS:CANCELLED");
  assert_line (talk, "DTSTART;TZID=Europe/Berlin:20261126T190000");
}

/* Nothing of a private booking but its time and room reaches a public
 * feed; the internal feed has everything. */
static void
test_privacy (void)
{
  static const char * const personal[] = {
    "Becker", "0231", "becker@example.org", "Yilmaz", "Geburtstag", "Kaution",
    "Anna Schmidt", "0176",
  };
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) programme = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autoptr(TreffFeed) cafe_feed = room_feed (centre->cafe);
  g_autoptr(TreffFeed) internal = treff_feed_new ("intern", "Intern", TREFF_FEED_FILTER_ALL,
                                                  TREFF_FEED_PRIVACY_INTERNAL);
  g_autofree char *public_text = build (centre, programme);
  g_autofree char *cafe_text = build (centre, cafe_feed);
  g_autofree char *internal_text = build (centre, internal);
  g_autofree char *public_unfolded = unfold (public_text);
  g_autofree char *cafe_unfolded = unfold (cafe_text);
  g_autofree char *internal_unfolded = unfold (internal_text);
  g_autofree char *party_uid = dup_uid (centre, centre->party);
  g_autofree char *public_party = dup_event (public_unfolded, party_uid, NULL);
  g_autofree char *cafe_party = dup_event (cafe_unfolded, party_uid, NULL);
  g_autofree char *internal_party = dup_event (internal_unfolded, party_uid, NULL);
  icalcomponent *calendar;

  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    {
      treff_assert_not_contains (public_text, personal[i]);
      treff_assert_not_contains (public_unfolded, personal[i]);
      treff_assert_not_contains (cafe_text, personal[i]);
      treff_assert_not_contains (cafe_unfolded, personal[i]);
      treff_assert_contains (internal_unfolded, personal[i]);
    }

  /* Busy: the time is blocked, without a name. */
  g_assert_nonnull (public_party);
  assert_line (public_party, "SUMMARY:Booked");
  assert_line (public_party, "DTSTART;TZID=Europe/Berlin:20261128T180000");
  treff_assert_not_contains (public_party, "DESCRIPTION");
  g_assert_nonnull (cafe_party);
  assert_line (cafe_party, "SUMMARY:Booked");
  treff_assert_not_contains (public_unfolded, "DESCRIPTION");

  g_assert_nonnull (internal_party);
  assert_line (internal_party, "SUMMARY:Geburtstag Becker");
  assert_line (internal_party, "DESCRIPTION:Organiser: Familie Becker\\nPhone: 0231 555 0142\\n"
                               "E-mail: becker@example.org\\n\\nSchlüssel bei Frau Yilmaz\\nKaution bar");

  /* libical reads the escaped description back as it was. */
  calendar = parse (internal_text);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_str_equal (icalcomponent_get_uid (event), party_uid))
        g_assert_cmpstr (icalcomponent_get_description (event), ==,
                         "Organiser: Familie Becker\nPhone: 0231 555 0142\n"
                         "E-mail: becker@example.org\n\nSchlüssel bei Frau Yilmaz\nKaution bar");
    }
  icalcomponent_free (calendar);
}

static void
test_privacy_hide (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) programme = programme_feed (TREFF_FEED_PRIVACY_HIDE);
  g_autofree char *text = build (centre, programme);
  g_autofree char *party_uid = dup_uid (centre, centre->party);
  g_autofree char *yoga_uid = dup_uid (centre, centre->yoga);

  treff_assert_not_contains (text, party_uid);
  treff_assert_not_contains (text, "Booked");
  treff_assert_not_contains (text, "Becker");
  treff_assert_contains (text, yoga_uid);
}

static void
test_all_day (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autofree char *text = build (centre, feed);
  g_autofree char *unfolded = unfold (text);
  g_autofree char *flea_uid = dup_uid (centre, centre->flea_market);
  g_autofree char *show_uid = dup_uid (centre, centre->exhibition);
  g_autofree char *flea = dup_event (unfolded, flea_uid, NULL);
  g_autofree char *show = dup_event (unfolded, show_uid, NULL);
  icalcomponent *calendar = parse (text);

  g_assert_nonnull (flea);
  assert_line (flea, "DTSTART;VALUE=DATE:20261205");
  assert_line (flea, "DTEND;VALUE=DATE:20261206");

  /* A series of whole days: UNTIL and EXDATE are DATEs too. */
  g_assert_nonnull (show);
  assert_line (show, "DTSTART;VALUE=DATE:20270108");
  assert_line (show, "DTEND;VALUE=DATE:20270109");
  assert_line (show, "RRULE:FREQ=WEEKLY;UNTIL=20270129;BYDAY=FR;WKST=MO");
  assert_line (show, "EXDATE;VALUE=DATE:20270115");
  assert_line (show, "SUMMARY:Ausstellung\\, Teil 1\\; Bilder");

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_str_equal (icalcomponent_get_uid (event), show_uid))
        {
          g_assert_true (icalcomponent_get_dtstart (event).is_date);
          g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Ausstellung, Teil 1; Bilder");
        }
      if (g_str_equal (icalcomponent_get_uid (event), flea_uid))
        g_assert_true (icalcomponent_get_dtstart (event).is_date);
    }

  icalcomponent_free (calendar);
}

/* CRLF, at most 75 octets a line, UTF-8 never split by folding. */
static void
test_lines (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 12, 12, 10, 0);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 12, 12, 12, 0);
  const char *title = "Frühstück für Ältere: Größe, Übung, Äpfel, Öl, Mühe, Grüße, Füße, Bäume, "
                      "Täler, Söhne – äöüßÄÖÜäöüßÄÖÜäöüßÄÖÜ";
  g_autoptr(TreffBooking) breakfast = treff_test_booking_new (centre->kitchen, title, start, end);
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  icalcomponent *calendar;
  gboolean found = FALSE;
  const char *line = NULL;
  guint n_folded = 0;

  add (centre, breakfast);
  uid = dup_uid (centre, treff_booking_get_id (breakfast));
  text = build (centre, feed);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  line = text;
  while (*line != '\0')
    {
      const char *end_of_line = strstr (line, "\r\n");

      g_assert_nonnull (end_of_line);
      g_assert_cmpint (end_of_line - line, <=, 75);
      g_assert_null (memchr (line, '\n', end_of_line - line));
      if (*line == ' ')
        {
          n_folded++;
          /* A continuation never starts inside a UTF-8 sequence. */
          g_assert_cmpint ((guchar)line[1] & 0xC0, !=, 0x80);
        }
      line = end_of_line + 2;
    }
  g_assert_cmpuint (n_folded, >, 1);

  calendar = parse (text);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_str_equal (icalcomponent_get_uid (event), uid))
        {
          g_assert_cmpstr (icalcomponent_get_summary (event), ==, title);
          found = TRUE;
        }
    }
  g_assert_true (found);
  icalcomponent_free (calendar);
}

static char *
dup_without_stamps (const char *text)
{
  g_autoptr(GRegex) stamps = g_regex_new ("^DTSTAMP:.*\r\n", G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace_literal (stamps, text, -1, 0, "", 0, NULL);
}

/* The same event keeps its UID in every export and on every PC. */
static void
test_uid_stable (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autoptr(GDateTime) later = g_date_time_add_hours (centre->stamp, 5);
  g_autofree char *first = build (centre, feed);
  g_autofree char *second = build_with (centre->store, feed, later, NULL);
  g_autofree char *first_plain = dup_without_stamps (first);
  g_autofree char *second_plain = dup_without_stamps (second);
  g_autofree char *centre_uid = dup_centre_uid (centre);
  g_autofree char *copy_path = treff_test_dir_build (centre->dir, "copy.db", NULL);
  g_autofree char *from_copy = NULL;
  g_autofree char *from_original = NULL;
  g_autoptr(TreffStore) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpuint (strlen (centre_uid), ==, 32);
  g_assert_cmpstr (first_plain, !=, first);
  g_assert_cmpstr (first_plain, ==, second_plain);
  treff_assert_contains (first, centre_uid);

  /* Another PC: a copy of the file. */
  g_clear_object (&centre->hall);
  g_clear_object (&centre->group);
  g_clear_object (&centre->cafe);
  g_clear_object (&centre->kitchen);
  g_assert_finalize_object (g_steal_pointer (&centre->store));
  bytes = treff_test_read_file (centre->path);
  treff_test_write_file (copy_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  centre->store = treff_test_open_store (centre->path);
  copy = treff_test_open_store (copy_path);

  from_original = build (centre, feed);
  from_copy = build_with (copy, feed, centre->stamp, NULL);
  g_assert_cmpstr (from_copy, ==, from_original);
  g_assert_cmpstr (from_original, ==, first);
}

/* Clients keep an event whose SEQUENCE did not grow. */
static void
test_sequence (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autofree char *yoga_uid = dup_uid (centre, centre->yoga);
  g_autofree char *homework_uid = dup_uid (centre, centre->homework);
  g_autofree char *choir_uid = dup_uid (centre, centre->choir);
  g_autoptr(TreffBooking) choir = NULL;
  g_autoptr(GError) error = NULL;
  guint yoga_before, homework_before, choir_before;
  char *text, *unfolded;

  text = build (centre, feed);
  unfolded = unfold (text);
  yoga_before = property_sequence (unfolded, yoga_uid);
  homework_before = property_sequence (unfolded, homework_uid);
  choir_before = property_sequence (unfolded, choir_uid);
  /* Three edits of Yoga's dates so far. */
  g_assert_cmpuint (yoga_before, ==, 3);
  g_free (text);
  g_free (unfolded);

  /* An edit of a single booking. */
  choir = treff_store_get_booking (centre->store, centre->choir, &error);
  g_assert_no_error (error);
  treff_booking_set_status (choir, TREFF_BOOKING_STATUS_CONFIRMED);
  treff_store_update_booking (centre->store, choir, TREFF_EDIT_SCOPE_ALL, NULL, &error);
  g_assert_no_error (error);

  /* A cancelled date of a series. */
  cancel_date (centre, centre->yoga, 2027, 1, 13, 18, 0);

  /* New school holidays in which a series pauses. */
  g_object_unref (treff_test_add_closure (centre->store, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Weihnachtsferien",
                                          2027, 2, 15, 2027, 2, 19));

  text = build (centre, feed);
  unfolded = unfold (text);
  g_assert_cmpuint (property_sequence (unfolded, choir_uid), >, choir_before);
  g_assert_cmpuint (property_sequence (unfolded, yoga_uid), >, yoga_before);
  g_assert_cmpuint (property_sequence (unfolded, homework_uid), >, homework_before);
  assert_line (unfolded, "EXDATE;TZID=Europe/Berlin:20270113T180000");
  assert_line (unfolded, "EXDATE;TZID=Europe/Berlin:20270215T140000");
  g_free (text);
  g_free (unfolded);
}

/* Bookings that ended long ago are left out. */
static void
test_since (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(TreffFeed) feed = programme_feed (TREFF_FEED_PRIVACY_BUSY);
  g_autoptr(GDateTime) since = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autofree char *text = build_with (centre->store, feed, centre->stamp, since);
  g_autofree char *party_uid = dup_uid (centre, centre->party);
  g_autofree char *yoga_uid = dup_uid (centre, centre->yoga);
  g_autofree char *flea_uid = dup_uid (centre, centre->flea_market);

  treff_assert_not_contains (text, party_uid);
  treff_assert_contains (text, yoga_uid);
  treff_assert_contains (text, flea_uid);
}

static void
test_owner_feed (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autoptr(GDateTime) start = treff_test_at (centre->store, 2026, 12, 14, 9, 0);
  g_autoptr(GDateTime) end = treff_test_at (centre->store, 2026, 12, 14, 11, 0);
  g_autoptr(TreffBooking) course = treff_test_booking_new (centre->kitchen, "Kochkurs", start, end);
  g_autoptr(TreffFeed) feed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;

  treff_booking_set_owner (course, "course", 7);
  add (centre, course);
  uid = dup_uid (centre, treff_booking_get_id (course));

  feed = treff_feed_new_for_owner ("course", 7, "kurs-kochkurs", "Kochkurs", TREFF_FEED_PRIVACY_BUSY);
  text = build (centre, feed);
  treff_assert_contains (text, uid);
  treff_assert_contains (text, "SUMMARY:Kochkurs");
  treff_assert_not_contains (text, "Yoga");
  g_assert_cmpuint (count_occurrences (text, "BEGIN:VEVENT"), ==, 1);
}

static void
test_slugify (void)
{
  static const struct { const char *name; const char *slug; } cases[] = {
    { "Gruppenraum", "gruppenraum" },
    { "Offener Treff / Café", "offener-treff-cafe" },
    { "Küche", "kueche" },
    { "Bewegungsraum (groß)", "bewegungsraum-gross" },
    { "ÄÖÜ äöü ß", "aeoeue-aeoeue-ss" },
    { "  Raum 2 – Süd  ", "raum-2-sued" },
    { "---", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = treff_feed_slugify (cases[i].name);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

static GStrv
list_folder (const char *path)
{
  char **names = treff_test_list_folder (path);

  return names;
}

static gboolean
folder_has (const char *path,
            const char *name)
{
  g_auto(GStrv) names = list_folder (path);

  return g_strv_contains ((const char * const *)names, name);
}

static void
write_feeds (Centre          *centre,
             TreffFeedWriter *writer)
{
  g_autoptr(GError) error = NULL;

  treff_feed_writer_write (writer, centre->store, centre->stamp, &error);
  g_assert_no_error (error);
}

static void
test_writer_files (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autofree char *folder = treff_test_dir_build (centre->dir, "feeds", NULL);
  g_autoptr(TreffFeedWriter) writer = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *programme_path = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  foreign = g_build_filename (folder, "notizen.ics", NULL);
  treff_test_write_file (foreign, "mine", 4);

  writer = treff_feed_writer_new (folder);
  treff_feed_writer_set_centre_name (writer, "Mütterzentrum Dortmund");
  treff_feed_writer_set_centre_address (writer, CENTRE_ADDRESS);
  treff_feed_writer_set_history_days (writer, 10000);
  write_feeds (centre, writer);

  names = list_folder (folder);
  {
    g_autofree char *joined = g_strjoinv (" ", names);

    g_assert_cmpstr (joined, ==, ".treffpunkt-feeds index.html notizen.ics programm.ics "
                                 "raum-bewegungsraum.ics raum-gruppenraum.ics raum-kueche.ics "
                                 "raum-offener-treff-cafe.ics");
  }

  programme_path = g_build_filename (folder, "programm.ics", NULL);
  g_file_get_contents (programme_path, &programme, NULL, &error);
  g_assert_no_error (error);
  treff_assert_contains (programme, "X-WR-CALNAME:Programme – Mütterzentrum Dortmund");
  treff_assert_contains (programme, "SUMMARY:Booked");
  treff_assert_not_contains (programme, "Becker");

  manifest_path = g_build_filename (folder, TREFF_FEED_WRITER_MANIFEST, NULL);
  g_file_get_contents (manifest_path, &manifest, NULL, &error);
  g_assert_no_error (error);
  treff_assert_contains (manifest, "\nprogramm.ics\n");
  treff_assert_not_contains (manifest, "notizen");

  /* The internal feed only when asked for, and gone when switched off. */
  treff_feed_writer_set_include_internal (writer, TRUE);
  write_feeds (centre, writer);
  g_assert_true (folder_has (folder, "intern.ics"));
  treff_feed_writer_set_include_internal (writer, FALSE);
  write_feeds (centre, writer);
  g_assert_false (folder_has (folder, "intern.ics"));

  /* A renamed room: its old feed goes, everything else stays. */
  treff_room_set_name (centre->kitchen, "Lehrküche");
  treff_store_update_room (centre->store, centre->kitchen, &error);
  g_assert_no_error (error);
  write_feeds (centre, writer);
  g_assert_false (folder_has (folder, "raum-kueche.ics"));
  g_assert_true (folder_has (folder, "raum-lehrkueche.ics"));
  g_assert_true (folder_has (folder, "notizen.ics"));
  {
    g_autoptr(GBytes) mine = g_bytes_new_static ("mine", 4);

    treff_test_assert_file_is (foreign, mine);
  }

  /* No temporary files are left behind. */
  g_strfreev (names);
  names = list_folder (folder);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (names[i][0] != '.' || g_str_equal (names[i], TREFF_FEED_WRITER_MANIFEST));
}

/* A feed whose events did not change is not written again, so a
 * synchronising client has nothing to upload. */
static void
test_writer_unchanged (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autofree char *folder = treff_test_dir_build (centre->dir, "feeds", NULL);
  g_autofree char *programme = g_build_filename (folder, "programm.ics", NULL);
  g_autoptr(TreffFeedWriter) writer = treff_feed_writer_new (folder);
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_feeds (centre, writer);
  g_assert_cmpint (g_stat (programme, &before), ==, 0);

  g_date_time_unref (centre->stamp);
  centre->stamp = g_date_time_new_utc (2026, 11, 22, 10, 0, 0);
  write_feeds (centre, writer);
  g_assert_cmpint (g_stat (programme, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  cancel_date (centre, centre->yoga, 2027, 1, 20, 18, 0);
  write_feeds (centre, writer);
  g_assert_cmpint (g_stat (programme, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
}

/* Each file the writer publishes is the feed as treff_feed_build ()
 * makes it on its own, whichever way the writer reads the store. */
static void
test_writer_same_as_build (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autofree char *folder = treff_test_dir_build (centre->dir, "feeds", NULL);
  g_autoptr(TreffFeedWriter) writer = treff_feed_writer_new (folder);
  g_autoptr(GDateTime) old_start = treff_test_at (centre->store, 2024, 3, 1, 10, 0);
  g_autoptr(GDateTime) old_end = treff_test_at (centre->store, 2024, 3, 1, 12, 0);
  g_autoptr(TreffBooking) old = treff_test_booking_new (centre->kitchen, "Kochabend", old_start, old_end);
  g_autoptr(GDateTime) since = g_date_time_add_days (centre->stamp, -1000);
  TreffFeedOptions options = { CENTRE_ADDRESS, centre->stamp, since };
  const TreffFeedPrivacy privacies[] = { TREFF_FEED_PRIVACY_BUSY, TREFF_FEED_PRIVACY_HIDE };

  add (centre, old);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  treff_feed_writer_set_centre_address (writer, CENTRE_ADDRESS);
  treff_feed_writer_set_include_internal (writer, TRUE);
  treff_feed_writer_set_history_days (writer, 1000);

  for (guint p = 0; p < G_N_ELEMENTS (privacies); p++)
    {
      g_autoptr(GPtrArray) feeds = NULL;
      g_autoptr(GError) error = NULL;

      treff_feed_writer_set_private_bookings (writer, privacies[p]);
      write_feeds (centre, writer);
      feeds = treff_feed_writer_list_feeds (writer, centre->store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (feeds->len, ==, 6);

      for (guint i = 0; i < feeds->len; i++)
        {
          TreffFeed *feed = g_ptr_array_index (feeds, i);
          g_autofree char *file_name = treff_feed_dup_file_name (feed);
          g_autofree char *path = g_build_filename (folder, file_name, NULL);
          g_autofree char *written = NULL;
          g_autofree char *built = treff_feed_build (feed, centre->store, &options, &error);

          g_assert_no_error (error);
          g_file_get_contents (path, &written, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (written, ==, built);
        }
    }

  /* The old evening in the kitchen is only in the kitchen's feed. */
  {
    g_autofree char *kitchen_path = g_build_filename (folder, "raum-kueche.ics", NULL);
    g_autofree char *cafe_path = g_build_filename (folder, "raum-offener-treff-cafe.ics", NULL);
    g_autofree char *kitchen = NULL;
    g_autofree char *cafe = NULL;

    g_assert_true (g_file_get_contents (kitchen_path, &kitchen, NULL, NULL));
    g_assert_true (g_file_get_contents (cafe_path, &cafe, NULL, NULL));
    treff_assert_contains (kitchen, "Kochabend");
    treff_assert_not_contains (cafe, "Kochabend");
  }
}

static void
test_writer_index (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autofree char *folder = treff_test_dir_build (centre->dir, "feeds", NULL);
  g_autoptr(TreffFeedWriter) writer = treff_feed_writer_new (folder);
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *linked = NULL;

  treff_feed_writer_set_centre_name (writer, "Mütterzentrum <Dortmund>");
  treff_feed_writer_set_include_internal (writer, TRUE);
  feeds = treff_feed_writer_list_feeds (writer, centre->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 6);

  relative = treff_feed_writer_build_index (writer, feeds);
  treff_assert_contains (relative, "<!DOCTYPE html>");
  treff_assert_contains (relative, "Mütterzentrum &lt;Dortmund&gt;");
  treff_assert_contains (relative, "href=\"programm.ics\"");
  treff_assert_contains (relative, "href=\"raum-offener-treff-cafe.ics\"");
  treff_assert_contains (relative, "<span class=\"name\">Offener Treff / Café</span>");
  treff_assert_contains (relative, "<h2>Rooms</h2>");
  treff_assert_contains (relative, "<span class=\"name\">Programme</span>");
  treff_assert_contains (relative, "Add calendar from URL");
  treff_assert_not_contains (relative, "webcal");
  treff_assert_not_contains (relative, "intern.ics");
  treff_assert_not_contains (relative, "Becker");

  treff_feed_writer_set_base_url (writer, "https://example.org/kalender/");
  linked = treff_feed_writer_build_index (writer, feeds);
  treff_assert_contains (linked, "href=\"webcal://example.org/kalender/programm.ics\"");
  treff_assert_contains (linked, "href=\"https://example.org/kalender/raum-kueche.ics\"");
  treff_assert_not_contains (linked, "intern.ics");

  g_assert_true (treff_feed_writer_check_base_url ("", NULL));
  g_assert_true (treff_feed_writer_check_base_url ("http://treff.local/feeds", NULL));
  g_assert_false (treff_feed_writer_check_base_url ("example.org/kalender", &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  treff_assert_contains (error->message, "example.org/kalender");
}

static void
test_writer_missing_folder (void)
{
  g_autoptr(Centre) centre = centre_new ();
  g_autofree char *folder = treff_test_dir_build (centre->dir, "nicht-da", NULL);
  g_autoptr(TreffFeedWriter) writer = treff_feed_writer_new (folder);
  g_autoptr(GError) error = NULL;

  g_assert_false (treff_feed_writer_write (writer, centre->store, centre->stamp, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_IO);
  treff_assert_contains (error->message, "nicht-da");
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/calendar-properties", test_calendar_properties);
  g_test_add_func ("/feed/time-zone", test_time_zone);
  g_test_add_func ("/feed/series", test_series);
  g_test_add_func ("/feed/school-holidays", test_school_holidays);
  g_test_add_func ("/feed/room-feeds", test_room_feeds);
  g_test_add_func ("/feed/status", test_status);
  g_test_add_func ("/feed/privacy/busy", test_privacy);
  g_test_add_func ("/feed/privacy/hide", test_privacy_hide);
  g_test_add_func ("/feed/all-day", test_all_day);
  g_test_add_func ("/feed/lines", test_lines);
  g_test_add_func ("/feed/uid-stable", test_uid_stable);
  g_test_add_func ("/feed/sequence", test_sequence);
  g_test_add_func ("/feed/since", test_since);
  g_test_add_func ("/feed/owner", test_owner_feed);
  g_test_add_func ("/feed/slugify", test_slugify);
  g_test_add_func ("/feed/writer/files", test_writer_files);
  g_test_add_func ("/feed/writer/unchanged", test_writer_unchanged);
  g_test_add_func ("/feed/writer/same-as-build", test_writer_same_as_build);
  g_test_add_func ("/feed/writer/index", test_writer_index);
  g_test_add_func ("/feed/writer/missing-folder", test_writer_missing_folder);

  return g_test_run ();
}
