/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-ical-timezone.c — short VTIMEZONEs with plain TZIDs such as "Europe/Berlin"
 *
 * Debian's libical 3.0 builds its zones from the system's zoneinfo: their
 * TZID is "/freeassociation.sourceforge.net/Europe/Berlin" and their
 * VTIMEZONE lists every change since 1893. python-icalendar cannot parse
 * that, Google rejects long ones and some parsers take the prefixed TZID
 * for floating time; icaltimezone_set_tzid_prefix ("") does not help in
 * 3.0. So the zone's component is cloned, cut down to the years a feed
 * needs and given the plain IANA name as its TZID. */
#define G_LOG_DOMAIN "treff-feed"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>

#include "treff-error.h"
#include "treff-ical-timezone.h"

/* libical loads built-in zones lazily into global state. */
G_LOCK_DEFINE_STATIC (builtin_zones);

/* "Europe/Berlin/2025" → the VTIMEZONE text; one per zone and year. */
static GHashTable *vtimezone_texts;

gboolean
treff_ical_timezone_is_utc (const char *tzid)
{
  return tzid == NULL || g_str_equal (tzid, "UTC") || g_str_equal (tzid, "Etc/UTC");
}

/* Called with the lock held. */
static icalcomponent *
new_truncated_component (const char  *tzid,
                         int          from_year,
                         GError     **error)
{
  icaltimezone *builtin;
  icalcomponent *original;
  icalcomponent *component;
  icalproperty *property;
  struct icaltimetype start;

  builtin = icaltimezone_get_builtin_timezone (tzid);
  /* Ask for the component first: other getters of a built-in zone can
   * return pointers that go stale once its data is loaded. */
  original = builtin != NULL ? icaltimezone_get_component (builtin) : NULL;
  if (original == NULL)
    {
      icalerror_clear_errno ();
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("The time zone “%s” cannot be written into calendar feeds. "
                     "Choose a time zone such as “Europe/Berlin” in the preferences."),
                   tzid);
      return NULL;
    }

  component = icalcomponent_new_clone (original);

  start = icaltime_null_time ();
  start.year = CLAMP (from_year, 1900, 2100);
  start.month = 1;
  start.day = 1;
  start.zone = icaltimezone_get_utc_timezone ();
  icaltimezone_truncate_vtimezone (component, start, icaltime_null_time (), 1);

  property = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
  if (property == NULL)
    {
      property = icalproperty_new_tzid (tzid);
      icalcomponent_add_property (component, property);
    }
  else
    {
      icalproperty_set_tzid (property, tzid);
    }

  return component;
}

/**
 * treff_ical_timezone_dup_vtimezone:
 * @tzid: an IANA zone name such as "Europe/Berlin"
 * @from_year: the first year the VTIMEZONE must describe
 *
 * Returns: (transfer full): a VTIMEZONE component as iCalendar text (CRLF
 *   lines, folded) whose TZID is exactly @tzid and which lists the zone's
 *   rules from @from_year on, or %NULL if libical does not know the zone
 */
char *
treff_ical_timezone_dup_vtimezone (const char  *tzid,
                                   int          from_year,
                                   GError     **error)
{
  g_autofree char *key = NULL;
  icalcomponent *component;
  char *text;
  char *result;

  g_return_val_if_fail (tzid != NULL, NULL);

  key = g_strdup_printf ("%s/%d", tzid, from_year);

  G_LOCK (builtin_zones);

  if (vtimezone_texts == NULL)
    vtimezone_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  text = g_hash_table_lookup (vtimezone_texts, key);
  if (text != NULL)
    {
      result = g_strdup (text);
      G_UNLOCK (builtin_zones);
      return result;
    }

  component = new_truncated_component (tzid, from_year, error);
  if (component == NULL)
    {
      G_UNLOCK (builtin_zones);
      return NULL;
    }

  text = icalcomponent_as_ical_string_r (component);
  icalcomponent_free (component);

  result = g_strdup (text);
  g_hash_table_insert (vtimezone_texts, g_steal_pointer (&key), g_strdup (text));
  free (text);

  G_UNLOCK (builtin_zones);
  return result;
}
