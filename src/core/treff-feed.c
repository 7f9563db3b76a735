/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-feed.c — what goes into one iCalendar feed, and the feed built from the store
 *
 * A feed is described, not programmed: a filter (a room, public bookings,
 * one owner such as a course, or everything) and a privacy mode. One
 * builder turns any description into iCalendar text that the calendar
 * apps of a centre's volunteers accept (see ICALENDAR.md in the project's
 * shared notes): zoned times with one short VTIMEZONE, a stable UID per
 * booking, RRULE with EXDATE for cancelled and paused dates and
 * RECURRENCE-ID overrides for moved ones.
 *
 * The text is written here rather than through libical's component tree:
 * building that tree costs as much again as serialising it, and a feed of
 * thousands of events is rebuilt after every change. The tests parse every
 * feed back with libical, python-icalendar and vobject. Only the VTIMEZONE
 * comes from libical (treff-ical-timezone.c). */
#define G_LOG_DOMAIN "treff-feed"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "treff-error.h"
#include "treff-feed-private.h"
#include "treff-ical-timezone.h"

/* RFC 5545 3.1: lines longer than 75 octets are folded. */
#define MAX_LINE_OCTETS 75

struct _TreffFeed
{
  GObject           parent_instance;

  char             *slug;
  char             *display_name;
  TreffFeedFilter   filter;
  TreffFeedPrivacy  privacy;
  gint64            room_id;
  char             *owner_kind;
  gint64            owner_id;
};

G_DEFINE_FINAL_TYPE (TreffFeed, treff_feed, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TreffFeedFilter, treff_feed_filter,
  G_DEFINE_ENUM_VALUE (TREFF_FEED_FILTER_ALL, "all"),
  G_DEFINE_ENUM_VALUE (TREFF_FEED_FILTER_ROOM, "room"),
  G_DEFINE_ENUM_VALUE (TREFF_FEED_FILTER_PUBLIC, "public"),
  G_DEFINE_ENUM_VALUE (TREFF_FEED_FILTER_OWNER, "owner"))

G_DEFINE_ENUM_TYPE (TreffFeedPrivacy, treff_feed_privacy,
  G_DEFINE_ENUM_VALUE (TREFF_FEED_PRIVACY_INTERNAL, "internal"),
  G_DEFINE_ENUM_VALUE (TREFF_FEED_PRIVACY_BUSY, "busy"),
  G_DEFINE_ENUM_VALUE (TREFF_FEED_PRIVACY_HIDE, "hide"))

enum {
  PROP_0,
  PROP_SLUG,
  PROP_DISPLAY_NAME,
  PROP_FILTER,
  PROP_PRIVACY,
  PROP_ROOM_ID,
  PROP_OWNER_KIND,
  PROP_OWNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
treff_feed_finalize (GObject *object)
{
  TreffFeed *self = TREFF_FEED (object);

  g_free (self->slug);
  g_free (self->display_name);
  g_free (self->owner_kind);

  G_OBJECT_CLASS (treff_feed_parent_class)->finalize (object);
}

static void
treff_feed_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TreffFeed *self = TREFF_FEED (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_FILTER:
      g_value_set_enum (value, self->filter);
      break;
    case PROP_PRIVACY:
      g_value_set_enum (value, self->privacy);
      break;
    case PROP_ROOM_ID:
      g_value_set_int64 (value, self->room_id);
      break;
    case PROP_OWNER_KIND:
      g_value_set_string (value, self->owner_kind);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_feed_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TreffFeed *self = TREFF_FEED (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      self->slug = g_value_dup_string (value);
      break;
    case PROP_DISPLAY_NAME:
      self->display_name = g_value_dup_string (value);
      break;
    case PROP_FILTER:
      self->filter = g_value_get_enum (value);
      break;
    case PROP_PRIVACY:
      self->privacy = g_value_get_enum (value);
      break;
    case PROP_ROOM_ID:
      self->room_id = g_value_get_int64 (value);
      break;
    case PROP_OWNER_KIND:
      self->owner_kind = g_value_dup_string (value);
      break;
    case PROP_OWNER_ID:
      self->owner_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_feed_class_init (TreffFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = treff_feed_finalize;
  object_class->get_property = treff_feed_get_property;
  object_class->set_property = treff_feed_set_property;

  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL, TREFF_TYPE_FEED_FILTER, TREFF_FEED_FILTER_ALL, flags);
  properties[PROP_PRIVACY] =
    g_param_spec_enum ("privacy", NULL, NULL, TREFF_TYPE_FEED_PRIVACY, TREFF_FEED_PRIVACY_BUSY, flags);
  properties[PROP_ROOM_ID] =
    g_param_spec_int64 ("room-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OWNER_KIND] =
    g_param_spec_string ("owner-kind", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
treff_feed_init (TreffFeed *self)
{
  self->privacy = TREFF_FEED_PRIVACY_BUSY;
}

/**
 * treff_feed_new:
 * @slug: the stable name of the feed's file, without ".ics"
 * @filter: %TREFF_FEED_FILTER_ALL or %TREFF_FEED_FILTER_PUBLIC; rooms and
 *   owners have their own constructors
 */
TreffFeed *
treff_feed_new (const char       *slug,
                const char       *display_name,
                TreffFeedFilter   filter,
                TreffFeedPrivacy  privacy)
{
  g_return_val_if_fail (slug != NULL && *slug != '\0', NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (filter == TREFF_FEED_FILTER_ALL || filter == TREFF_FEED_FILTER_PUBLIC, NULL);

  return g_object_new (TREFF_TYPE_FEED,
                       "slug", slug,
                       "display-name", display_name,
                       "filter", filter,
                       "privacy", privacy,
                       NULL);
}

/* Every date that takes place in the room, wherever its series belongs. */
TreffFeed *
treff_feed_new_for_room (gint64            room_id,
                         const char       *slug,
                         const char       *display_name,
                         TreffFeedPrivacy  privacy)
{
  g_return_val_if_fail (room_id > 0, NULL);
  g_return_val_if_fail (slug != NULL && *slug != '\0', NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return g_object_new (TREFF_TYPE_FEED,
                       "slug", slug,
                       "display-name", display_name,
                       "filter", TREFF_FEED_FILTER_ROOM,
                       "privacy", privacy,
                       "room-id", room_id,
                       NULL);
}

/* The bookings that belong to one course, shift plan, … */
TreffFeed *
treff_feed_new_for_owner (const char       *owner_kind,
                          gint64            owner_id,
                          const char       *slug,
                          const char       *display_name,
                          TreffFeedPrivacy  privacy)
{
  g_return_val_if_fail (owner_kind != NULL && *owner_kind != '\0', NULL);
  g_return_val_if_fail (slug != NULL && *slug != '\0', NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return g_object_new (TREFF_TYPE_FEED,
                       "slug", slug,
                       "display-name", display_name,
                       "filter", TREFF_FEED_FILTER_OWNER,
                       "privacy", privacy,
                       "owner-kind", owner_kind,
                       "owner-id", owner_id,
                       NULL);
}

const char *
treff_feed_get_slug (TreffFeed *self)
{
  g_return_val_if_fail (TREFF_IS_FEED (self), NULL);

  return self->slug;
}

const char *
treff_feed_get_display_name (TreffFeed *self)
{
  g_return_val_if_fail (TREFF_IS_FEED (self), NULL);

  return self->display_name;
}

TreffFeedFilter
treff_feed_get_filter (TreffFeed *self)
{
  g_return_val_if_fail (TREFF_IS_FEED (self), TREFF_FEED_FILTER_ALL);

  return self->filter;
}

TreffFeedPrivacy
treff_feed_get_privacy (TreffFeed *self)
{
  g_return_val_if_fail (TREFF_IS_FEED (self), TREFF_FEED_PRIVACY_BUSY);

  return self->privacy;
}

gint64
treff_feed_get_room_id (TreffFeed *self)
{
  g_return_val_if_fail (TREFF_IS_FEED (self), 0);

  return self->room_id;
}

const char *
treff_feed_get_owner_kind (TreffFeed *self)
{
  g_return_val_if_fail (TREFF_IS_FEED (self), NULL);

  return self->owner_kind;
}

gint64
treff_feed_get_owner_id (TreffFeed *self)
{
  g_return_val_if_fail (TREFF_IS_FEED (self), 0);

  return self->owner_id;
}

char *
treff_feed_dup_file_name (TreffFeed *self)
{
  g_return_val_if_fail (TREFF_IS_FEED (self), NULL);

  return g_strconcat (self->slug, ".ics", NULL);
}

/**
 * treff_feed_slugify:
 *
 * "Offener Treff / Café" → "offener-treff-cafe", "Küche" → "kueche": a
 * name for files and URLs that stays the same in every locale.
 *
 * Returns: (transfer full): the slug; empty if @text has no letters or digits
 */
char *
treff_feed_slugify (const char *text)
{
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *ascii = NULL;
      g_autofree char *transliterated = NULL;
      char single[2] = { 0, 0 };

      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;

      switch (c)
        {
        case 0x00E4: case 0x00C4: ascii = "ae"; break;   /* ä Ä */
        case 0x00F6: case 0x00D6: ascii = "oe"; break;   /* ö Ö */
        case 0x00FC: case 0x00DC: ascii = "ue"; break;   /* ü Ü */
        case 0x00DF: case 0x1E9E: ascii = "ss"; break;   /* ß ẞ */
        default:
          if (c < 0x80)
            {
              single[0] = g_ascii_tolower ((char)c);
              ascii = single;
            }
          else
            {
              char utf8[8] = { 0 };

              g_unichar_to_utf8 (c, utf8);
              /* "C" keeps g_str_to_ascii () independent of the locale. */
              transliterated = g_str_to_ascii (utf8, "C");
              ascii = transliterated;
            }
        }

      for (const char *a = ascii; *a != '\0'; a++)
        {
          if (g_ascii_isalnum (*a))
            {
              if (dash && slug->len > 0)
                g_string_append_c (slug, '-');
              dash = FALSE;
              g_string_append_c (slug, g_ascii_tolower (*a));
            }
          else
            {
              dash = TRUE;
            }
        }
    }

  return g_string_free (slug, FALSE);
}

/* ---------------------------------------------------------------------
 * Writing content lines
 * ------------------------------------------------------------------ */

typedef struct
{
  GString *out;
  GString *line;
} Writer;

static void
line_begin (Writer     *w,
            const char *name)
{
  g_string_truncate (w->line, 0);
  g_string_append (w->line, name);
}

/* Parameter values here are TZIDs and value types: no quoting needed. */
static void
line_param (Writer     *w,
            const char *name,
            const char *value)
{
  g_string_append_c (w->line, ';');
  g_string_append (w->line, name);
  g_string_append_c (w->line, '=');
  g_string_append (w->line, value);
}

static void
line_raw (Writer     *w,
          const char *value)
{
  g_string_append_c (w->line, ':');
  g_string_append (w->line, value);
}

/* RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped;
 * other control characters are not allowed in text at all. */
static void
append_escaped (GString    *line,
                const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      const char *escape;
      guchar c = (guchar)*p;

      switch (c)
        {
        case '\\': escape = "\\\\"; break;
        case ';':  escape = "\\;"; break;
        case ',':  escape = "\\,"; break;
        case '\n': escape = "\\n"; break;
        default:
          if (c >= 0x20 && c != 0x7f)
            continue;
          escape = c == '\t' ? " " : "";
        }

      g_string_append_len (line, run, p - run);
      g_string_append (line, escape);
      run = p + 1;
    }

  g_string_append_len (line, run, p - run);
}

static void
line_text (Writer     *w,
           const char *text)
{
  g_string_append_c (w->line, ':');
  append_escaped (w->line, text);
}

/* Folds at 75 octets without splitting a UTF-8 character; CRLF endings. */
static void
line_end (Writer *w)
{
  const char *p = w->line->str;
  gsize left = w->line->len;
  gsize limit = MAX_LINE_OCTETS;

  while (left > limit)
    {
      gsize cut = limit;

      while (cut > 0 && ((guchar)p[cut] & 0xC0) == 0x80)
        cut--;

      g_string_append_len (w->out, p, cut);
      g_string_append_len (w->out, "\r\n ", 3);
      p += cut;
      left -= cut;
      /* The space that starts a continuation line counts. */
      limit = MAX_LINE_OCTETS - 1;
    }

  g_string_append_len (w->out, p, left);
  g_string_append_len (w->out, "\r\n", 2);
}

static void
write_raw (Writer     *w,
           const char *name,
           const char *value)
{
  line_begin (w, name);
  line_raw (w, value);
  line_end (w);
}

static void
write_text (Writer     *w,
            const char *name,
            const char *text)
{
  line_begin (w, name);
  line_text (w, text);
  line_end (w);
}

/* ---------------------------------------------------------------------
 * Times
 * ------------------------------------------------------------------ */

/* Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant). */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int d = (int)(doy - (153 * mp + 2) / 5 + 1);
  int m = (int)(mp < 10 ? mp + 3 : mp - 9);

  *year = (int)(yoe + era * 400 + (m <= 2));
  *month = m;
  *day = d;
}

static void
put_digits (char *buffer,
            int   value,
            int   n_digits)
{
  for (int i = n_digits - 1; i >= 0; i--)
    {
      buffer[i] = (char)('0' + value % 10);
      value /= 10;
    }
}

/* "YYYYMMDDTHHMMSS" of a wall-clock second count; printf is too slow
 * for thousands of events. */
static void
format_seconds (gint64  seconds,
                char    buffer[17])
{
  gint64 days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  int rest = (int)(seconds - days * 86400);
  int year, month, day;

  civil_from_days (days, &year, &month, &day);
  put_digits (buffer, CLAMP (year, 0, 9999), 4);
  put_digits (buffer + 4, month, 2);
  put_digits (buffer + 6, day, 2);
  buffer[8] = 'T';
  put_digits (buffer + 9, rest / 3600, 2);
  put_digits (buffer + 11, rest / 60 % 60, 2);
  put_digits (buffer + 13, rest % 60, 2);
  buffer[15] = '\0';
}

static void
append_uint64 (GString *string,
               guint64  value)
{
  char digits[24];
  int n = 0;

  do
    {
      digits[sizeof digits - 1 - n++] = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  g_string_append_len (string, digits + sizeof digits - n, n);
}

/* "2026-11-23T18:00:00" or "2026-11-23T14:05:00Z" → "20261123T180000"
 * (with its Z); FALSE if @text is not such a time. */
static gboolean
compact_time_text (const char *text,
                   char        buffer[17])
{
  static const int digits[] = { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 };
  guint n = 0;

  if (text == NULL || strlen (text) < 19 || text[10] != 'T')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      if (!g_ascii_isdigit (text[digits[i]]))
        return FALSE;
      buffer[n++] = text[digits[i]];
      if (n == 8)
        buffer[n++] = 'T';
    }
  if (text[19] == 'Z')
    buffer[n++] = 'Z';
  buffer[n] = '\0';

  return TRUE;
}

/* ---------------------------------------------------------------------
 * Building a feed
 * ------------------------------------------------------------------ */

typedef struct
{
  Writer                  w;
  TreffFeed              *feed;
  TreffFeedData          *data;
  const TreffFeedOptions *options;
  gboolean                utc;           /* the centre's zone is UTC: times end in Z */
  char                    stamp[17];     /* DTSTAMP */
  GHashTable             *shown;         /* original starts shown by a series' master */
  GString                *scratch;
  GString                *uid;
} Build;

static gint64
local_seconds (Build  *b,
               gint64  utc)
{
  int interval;

  if (b->utc)
    return utc;

  interval = g_time_zone_find_interval (b->data->zone, G_TIME_TYPE_UNIVERSAL, utc);
  return utc + g_time_zone_get_offset (b->data->zone, interval);
}

/* @text is a local "YYYYMMDDTHHMMSS": written as a DATE for all-day
 * bookings, in UTC where the centre's zone is UTC, with TZID otherwise. */
static void
write_local_time (Build      *b,
                  const char *name,
                  char        text[17],
                  gboolean    all_day)
{
  line_begin (&b->w, name);
  if (all_day)
    {
      text[8] = '\0';
      line_param (&b->w, "VALUE", "DATE");
    }
  else if (b->utc)
    {
      text[15] = 'Z';
      text[16] = '\0';
    }
  else
    {
      line_param (&b->w, "TZID", b->data->time_zone);
    }
  line_raw (&b->w, text);
  line_end (&b->w);
}

/* DTSTART, DTEND of a stored date. */
static void
write_instant (Build      *b,
               const char *name,
               gint64      utc,
               gboolean    all_day)
{
  char text[17];

  format_seconds (local_seconds (b, utc), text);
  write_local_time (b, name, text, all_day);
}

/* DTSTART of a series, EXDATE, RECURRENCE-ID: a slot of the series,
 * stored as wall-clock text; the same TZID and value type everywhere. */
static void
write_slot (Build      *b,
            const char *name,
            const char *local_text,
            gboolean    all_day)
{
  char text[17];

  if (!compact_time_text (local_text, text))
    {
      g_warning ("Skipping %s with an unreadable time “%s”", name, local_text);
      return;
    }

  write_local_time (b, name, text, all_day);
}

static void
write_utc_text (Build      *b,
                const char *name,
                const char *utc_text)
{
  char text[17];

  /* created/modified are stored as "2026-11-23T14:05:00Z". */
  if (compact_time_text (utc_text, text) && text[15] == 'Z')
    write_raw (&b->w, name, text);
}

/* The stored rule's UNTIL is floating local time, the last second of the
 * last day. With a zoned DTSTART, RFC 5545 wants it in UTC; with an
 * all-day DTSTART, as a DATE. */
static char *
dup_feed_rrule (Build                  *b,
                const TreffFeedBooking *booking)
{
  const char *until = strstr (booking->rrule, "UNTIL=");
  const char *value;
  gsize length;
  char replacement[17];
  int year, month, day, hour, minute, second;

  if (until == NULL)
    return g_strdup (booking->rrule);

  value = until + strlen ("UNTIL=");
  length = strcspn (value, ";");

  if (length == 8 || (length == 16 && value[15] == 'Z' && !booking->all_day))
    return g_strdup (booking->rrule);

  if (length < 15 ||
      sscanf (value, "%4d%2d%2dT%2d%2d%2d", &year, &month, &day, &hour, &minute, &second) != 6)
    return g_strdup (booking->rrule);

  if (booking->all_day)
    {
      g_snprintf (replacement, sizeof replacement, "%04d%02d%02d", year, month, day);
    }
  else if (b->utc)
    {
      g_snprintf (replacement, sizeof replacement, "%04d%02d%02dT%02d%02d%02dZ",
                  year, month, day, hour, minute, second);
    }
  else
    {
      g_autoptr(GDateTime) local = g_date_time_new (b->data->zone, year, month, day, hour, minute, second);
      char text[17];

      if (local == NULL)
        return g_strdup (booking->rrule);

      format_seconds (g_date_time_to_unix (local), text);
      g_snprintf (replacement, sizeof replacement, "%sZ", text);
    }

  return g_strdup_printf ("%.*s%s%s",
                          (int)(value - booking->rrule), booking->rrule,
                          replacement,
                          value + length);
}

static gboolean
is_private (const TreffFeedBooking *booking)
{
  return !booking->is_public;
}

static gboolean
shows_details (Build                  *b,
               const TreffFeedBooking *booking)
{
  return b->feed->privacy == TREFF_FEED_PRIVACY_INTERNAL || !is_private (booking);
}

static const char *
status_value (const TreffFeedBooking *booking,
              gboolean                cancelled)
{
  if (cancelled || booking->status == TREFF_BOOKING_STATUS_CANCELLED)
    return "CANCELLED";
  if (booking->status == TREFF_BOOKING_STATUS_REQUESTED)
    return "TENTATIVE";
  return "CONFIRMED";
}

static void
begin_event (Build      *b,
             const char *uid)
{
  write_raw (&b->w, "BEGIN", "VEVENT");
  write_text (&b->w, "UID", uid);
  write_raw (&b->w, "DTSTAMP", b->stamp);
}

/* What every VEVENT of a booking says besides its times. */
static void
end_event (Build                  *b,
           const TreffFeedBooking *booking,
           const char             *title,
           gint64                  room_id,
           gboolean                cancelled)
{
  const char *room = g_hash_table_lookup (b->data->room_names, &room_id);
  const char *address = b->options->centre_address;

  if (!shows_details (b, booking))
    /* Translators: what the public sees of a private booking ("belegt") */
    title = C_("public title of a private booking", "Booked");

  write_text (&b->w, "SUMMARY", title);

  g_string_truncate (b->scratch, 0);
  if (room != NULL)
    g_string_append (b->scratch, room);
  if (address != NULL && *address != '\0')
    {
      if (b->scratch->len > 0)
        g_string_append (b->scratch, ", ");
      g_string_append (b->scratch, address);
    }
  if (b->scratch->len > 0)
    write_text (&b->w, "LOCATION", b->scratch->str);

  /* A list value: the label's own commas are escaped. */
  write_text (&b->w, "CATEGORIES", treff_booking_kind_to_label (booking->kind));
  write_raw (&b->w, "STATUS", status_value (booking, cancelled));

  if (b->feed->privacy == TREFF_FEED_PRIVACY_INTERNAL)
    {
      g_string_truncate (b->scratch, 0);
      if (*booking->organiser != '\0')
        g_string_append_printf (b->scratch, _("Organiser: %s\n"), booking->organiser);
      if (*booking->phone != '\0')
        g_string_append_printf (b->scratch, _("Phone: %s\n"), booking->phone);
      if (*booking->email != '\0')
        g_string_append_printf (b->scratch, _("E-mail: %s\n"), booking->email);
      if (*booking->notes != '\0')
        {
          if (b->scratch->len > 0)
            g_string_append_c (b->scratch, '\n');
          g_string_append (b->scratch, booking->notes);
        }
      while (b->scratch->len > 0 && b->scratch->str[b->scratch->len - 1] == '\n')
        g_string_truncate (b->scratch, b->scratch->len - 1);
      if (b->scratch->len > 0)
        write_text (&b->w, "DESCRIPTION", b->scratch->str);
    }

  write_utc_text (b, "CREATED", booking->created);
  write_utc_text (b, "LAST-MODIFIED", booking->modified);
  line_begin (&b->w, "SEQUENCE:");
  append_uint64 (b->w.line, booking->sequence);
  line_end (&b->w);
  write_raw (&b->w, "END", "VEVENT");
}

/* The @i-th stored date of @booking. */
static const TreffFeedDate *
get_date (Build                  *b,
          const TreffFeedBooking *booking,
          guint                   i)
{
  return &g_array_index (b->data->dates, TreffFeedDate, booking->first_date + i);
}

static gboolean
date_in_feed (Build               *b,
              const TreffFeedDate *date)
{
  return b->feed->filter != TREFF_FEED_FILTER_ROOM || date->room_id == b->feed->room_id;
}

/* "booking-42@<centre uid>.treffpunkt", or with the slot of a single
 * date ("booking-42-20261209T180000@…"): derived from the database's
 * ids, so the same in every export and on every PC. */
static const char *
make_uid (Build                  *b,
          const TreffFeedBooking *booking,
          const char             *slot)
{
  g_string_truncate (b->uid, 0);
  g_string_append (b->uid, "booking-");
  append_uint64 (b->uid, (guint64)booking->id);
  if (slot != NULL)
    {
      g_string_append_c (b->uid, '-');
      g_string_append (b->uid, slot);
    }
  g_string_append_c (b->uid, '@');
  g_string_append (b->uid, b->data->centre_uid);
  g_string_append (b->uid, ".treffpunkt");

  return b->uid->str;
}

/* A VEVENT for one stored date, with its own times, room and title:
 * @uid_slot as in make_uid (), @recurrence_id the slot it overrides. */
static void
write_date_event (Build                  *b,
                  const TreffFeedBooking *booking,
                  const TreffFeedDate    *date,
                  const char             *uid_slot,
                  const char             *recurrence_id,
                  gboolean                cancelled)
{
  begin_event (b, make_uid (b, booking, uid_slot));
  if (recurrence_id != NULL)
    write_slot (b, "RECURRENCE-ID", recurrence_id, booking->all_day);
  write_instant (b, "DTSTART", date->start_utc, booking->all_day);
  write_instant (b, "DTEND", date->end_utc, booking->all_day);
  end_event (b, booking, date->title ? date->title : booking->title, date->room_id, cancelled);
}

/* A single date shown without its series (the series' room is another
 * one): its own UID, derived from the slot, so it is stable too. */
static void
write_lone_date (Build                  *b,
                 const TreffFeedBooking *booking,
                 const TreffFeedDate    *date)
{
  char slot[17];

  if (!compact_time_text (date->original_start, slot))
    return;

  write_date_event (b, booking, date, slot, NULL, FALSE);
}

static void
write_single (Build                  *b,
              const TreffFeedBooking *booking)
{
  const TreffFeedDate *date;

  /* A single date in school holidays of a pausing booking is not stored. */
  if (booking->n_dates == 0)
    return;

  date = get_date (b, booking, 0);
  if (!date_in_feed (b, date))
    return;

  write_date_event (b, booking, date, NULL, NULL, date->cancelled);
}

/* Cancelled dates are left out with EXDATE, which every client honours;
 * a cancelled series keeps its dates and says CANCELLED. */
static gboolean
shown_by_master (Build                  *b,
                 const TreffFeedBooking *booking,
                 const TreffFeedDate    *date)
{
  return date_in_feed (b, date) &&
         (!date->cancelled || booking->status == TREFF_BOOKING_STATUS_CANCELLED);
}

/* The EXDATEs of a series that pauses in school holidays: its paused
 * dates are not stored, so they are found by expanding the rule. */
static gboolean
write_paused_exdates (Build                   *b,
                      const TreffFeedBooking  *booking,
                      GError                 **error)
{
  g_autoptr(GDateTime) first_start = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  int year, month, day, hour, minute, second;

  g_hash_table_remove_all (b->shown);
  for (guint i = 0; i < booking->n_dates; i++)
    {
      const TreffFeedDate *date = get_date (b, booking, i);

      if (shown_by_master (b, booking, date))
        g_hash_table_add (b->shown, (gpointer)date->original_start);
    }

  if (sscanf (booking->starts, "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second) != 6 ||
      (first_start = g_date_time_new (b->data->zone, year, month, day, hour, minute, second)) == NULL)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_CORRUPT,
                   _("The booking “%s” has an unreadable start (%s). Open and save it again."),
                   booking->title, booking->starts);
      return FALSE;
    }

  slots = treff_recurrence_expand (booking->rrule, first_start, error);
  if (slots == NULL)
    return FALSE;

  for (guint i = 0; i < slots->len; i++)
    {
      GDateTime *slot = g_ptr_array_index (slots, i);
      char text[24];

      g_snprintf (text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d",
                  g_date_time_get_year (slot), g_date_time_get_month (slot),
                  g_date_time_get_day_of_month (slot), g_date_time_get_hour (slot),
                  g_date_time_get_minute (slot), g_date_time_get_second (slot));
      if (!g_hash_table_contains (b->shown, text))
        write_slot (b, "EXDATE", text, booking->all_day);
    }

  return TRUE;
}

static gboolean
write_series (Build                   *b,
              const TreffFeedBooking  *booking,
              GError                 **error)
{
  g_autofree char *rrule = NULL;
  guint n_shown = 0;

  /* Shown by its own room's feed; here only the dates moved into this room. */
  if (b->feed->filter == TREFF_FEED_FILTER_ROOM && booking->room_id != b->feed->room_id)
    {
      for (guint i = 0; i < booking->n_dates; i++)
        {
          const TreffFeedDate *date = get_date (b, booking, i);

          if (date_in_feed (b, date) && !date->cancelled)
            write_lone_date (b, booking, date);
        }
      return TRUE;
    }

  for (guint i = 0; i < booking->n_dates; i++)
    n_shown += shown_by_master (b, booking, get_date (b, booking, i));
  if (n_shown == 0)
    return TRUE;

  rrule = dup_feed_rrule (b, booking);
  begin_event (b, make_uid (b, booking, NULL));
  write_slot (b, "DTSTART", booking->starts, booking->all_day);
  write_slot (b, "DTEND", booking->ends, booking->all_day);
  write_raw (&b->w, "RRULE", rrule);

  /* Every date of the rule that is not shown becomes an EXDATE: cancelled,
   * taking place in another room's feed, or paused for school holidays.
   * Only the last are not stored: the store keeps every other date of
   * the rule (treff-store-dates.c), so only pausing series need the
   * rule expanded here. */
  if (booking->pauses)
    {
      if (!write_paused_exdates (b, booking, error))
        return FALSE;
    }
  else
    {
      for (guint i = 0; i < booking->n_dates; i++)
        {
          const TreffFeedDate *date = get_date (b, booking, i);

          if (!shown_by_master (b, booking, date))
            write_slot (b, "EXDATE", date->original_start, booking->all_day);
        }
    }
  end_event (b, booking, booking->title, booking->room_id, FALSE);

  if (booking->status == TREFF_BOOKING_STATUS_CANCELLED)
    return TRUE;

  /* Dates with their own time, room or title: overrides of the master. */
  for (guint i = 0; i < booking->n_dates; i++)
    {
      const TreffFeedDate *date = get_date (b, booking, i);

      if (!date_in_feed (b, date) || date->cancelled)
        continue;
      if (!date->moved && date->room_id == booking->room_id && date->title == NULL)
        continue;

      write_date_event (b, booking, date, NULL, date->original_start, FALSE);
    }

  return TRUE;
}

/* Whether @booking belongs in the feed. The store's query already
 * selects by the same rules (treff_feed_load_data ()), but data loaded
 * once for several feeds holds the bookings of all of them. */
static gboolean
shows_booking (Build                  *b,
               const TreffFeedBooking *booking)
{
  TreffFeed *feed = b->feed;

  if (is_private (booking) &&
      (feed->filter == TREFF_FEED_FILTER_PUBLIC || feed->privacy == TREFF_FEED_PRIVACY_HIDE))
    return FALSE;

  if (feed->filter != TREFF_FEED_FILTER_ROOM || booking->room_id == feed->room_id)
    return TRUE;

  for (guint i = 0; i < booking->n_dates; i++)
    if (date_in_feed (b, get_date (b, booking, i)))
      return TRUE;

  return FALSE;
}

/* The VTIMEZONE must cover the earliest time the feed writes. */
static int
first_year (Build *b)
{
  int year = G_MAXINT;

  for (guint i = 0; i < b->data->bookings->len; i++)
    {
      const TreffFeedBooking *booking = &g_array_index (b->data->bookings, TreffFeedBooking, i);
      int booking_year = 0;

      if (!shows_booking (b, booking))
        continue;

      if (sscanf (booking->starts, "%4d", &booking_year) == 1)
        year = MIN (year, booking_year);

      for (guint j = 0; j < booking->n_dates; j++)
        {
          int date_year, month, day;

          civil_from_days (get_date (b, booking, j)->start_utc / 86400, &date_year, &month, &day);
          year = MIN (year, date_year);
        }
    }

  /* A year's margin: the first local midnight of a year is still the
   * previous year in UTC. */
  return year == G_MAXINT ? 0 : year - 1;
}

/**
 * treff_feed_load_data:
 * @self: (nullable): the feed to load for, or %NULL for every booking
 *   that @options lets into any feed
 *
 * Reads what treff_feed_build_from_data () needs from @store.
 *
 * Returns: (transfer full):
 */
TreffFeedData *
treff_feed_load_data (TreffFeed               *self,
                      TreffStore              *store,
                      const TreffFeedOptions  *options,
                      GError                 **error)
{
  TreffFeedQuery query = { 0 };

  g_return_val_if_fail (self == NULL || TREFF_IS_FEED (self), NULL);
  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (self != NULL)
    {
      query.public_only = self->filter == TREFF_FEED_FILTER_PUBLIC ||
                          self->privacy == TREFF_FEED_PRIVACY_HIDE;
      if (self->filter == TREFF_FEED_FILTER_ROOM)
        query.room_id = self->room_id;
      if (self->filter == TREFF_FEED_FILTER_OWNER)
        {
          query.owner_kind = self->owner_kind;
          query.owner_id = self->owner_id;
        }
    }
  if (options->since != NULL)
    {
      query.has_since = TRUE;
      query.since_utc = g_date_time_to_unix (options->since);
    }

  return treff_store_load_feed_data (store, &query, error);
}

/**
 * treff_feed_build_from_data:
 * @data: what treff_feed_load_data () read for @self, or for all feeds
 *   (%NULL) with the same @options; an owner's feed needs its own, as a
 *   #TreffFeedBooking does not say whose it is
 *
 * Builds the feed from data already loaded, so that one reading of the
 * store serves all the feeds that are published together.
 *
 * Returns: (transfer full): the feed's text, as treff_feed_build ()
 */
char *
treff_feed_build_from_data (TreffFeed               *self,
                            TreffFeedData           *data,
                            const TreffFeedOptions  *options,
                            GError                 **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) line = NULL;
  g_autoptr(GString) scratch = NULL;
  g_autoptr(GString) uid = NULL;
  g_autofree char *vtimezone = NULL;
  g_autofree char *prodid = NULL;
  GDateTime *stamp;
  Build b = { 0 };

  g_return_val_if_fail (TREFF_IS_FEED (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options->stamp != NULL)
    stamp = options->stamp;
  else
    stamp = now = g_date_time_new_now_utc ();

  shown = g_hash_table_new (g_str_hash, g_str_equal);
  line = g_string_sized_new (256);
  scratch = g_string_sized_new (256);
  uid = g_string_sized_new (96);
  out = g_string_sized_new (1024 + 400 * data->bookings->len);

  b.w.out = out;
  b.w.line = line;
  b.feed = self;
  b.data = data;
  b.options = options;
  b.utc = treff_ical_timezone_is_utc (data->time_zone);
  b.shown = shown;
  b.scratch = scratch;
  b.uid = uid;
  format_seconds (g_date_time_to_unix (stamp), b.stamp);
  b.stamp[15] = 'Z';
  b.stamp[16] = '\0';

  if (!b.utc)
    {
      int year = first_year (&b);

      if (year == 0)
        year = g_date_time_get_year (stamp);
      vtimezone = treff_ical_timezone_dup_vtimezone (data->time_zone, year, error);
      if (vtimezone == NULL)
        return NULL;
    }

  prodid = g_strdup_printf ("-//Treffpunkt//Treffpunkt %s//EN", PACKAGE_VERSION);
  write_raw (&b.w, "BEGIN", "VCALENDAR");
  write_raw (&b.w, "VERSION", "2.0");
  write_text (&b.w, "PRODID", prodid);
  write_raw (&b.w, "CALSCALE", "GREGORIAN");
  /* REQUEST would make Outlook treat the feed as an invitation. */
  write_raw (&b.w, "METHOD", "PUBLISH");
  /* RFC 7986 NAME, and X-WR-CALNAME, the only one Google reads. */
  write_text (&b.w, "NAME", self->display_name);
  write_text (&b.w, "X-WR-CALNAME", self->display_name);
  write_text (&b.w, "X-WR-TIMEZONE", b.utc ? "UTC" : data->time_zone);
  write_raw (&b.w, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
  write_raw (&b.w, "X-PUBLISHED-TTL", "PT1H");

  if (vtimezone != NULL)
    {
      /* libical ends lines with CRLF already; make sure of it. */
      for (const char *p = vtimezone; *p != '\0'; p++)
        {
          if (*p == '\n' && (p == vtimezone || p[-1] != '\r'))
            g_string_append_c (out, '\r');
          g_string_append_c (out, *p);
        }
    }

  for (guint i = 0; i < data->bookings->len; i++)
    {
      const TreffFeedBooking *booking = &g_array_index (data->bookings, TreffFeedBooking, i);

      if (!shows_booking (&b, booking))
        continue;

      if (*booking->rrule == '\0')
        write_single (&b, booking);
      else if (!write_series (&b, booking, error))
        return NULL;
    }

  write_raw (&b.w, "END", "VCALENDAR");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * treff_feed_build:
 * @options: (nullable): the centre's address, the time stamp, how far back
 *
 * Builds the feed from the store's bookings: iCalendar text that every
 * calendar app accepts, following the rules in ICALENDAR.md.
 *
 * Returns: (transfer full): the feed's text, CRLF lines folded at 75 octets
 */
char *
treff_feed_build (TreffFeed               *self,
                  TreffStore              *store,
                  const TreffFeedOptions  *options,
                  GError                 **error)
{
  static const TreffFeedOptions no_options = { NULL, NULL, NULL };
  g_autoptr(TreffFeedData) data = NULL;

  g_return_val_if_fail (TREFF_IS_FEED (self), NULL);
  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &no_options;

  data = treff_feed_load_data (self, store, options, error);
  if (data == NULL)
    return NULL;

  return treff_feed_build_from_data (self, data, options, error);
}
