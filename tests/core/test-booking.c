/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-booking.c — a booking on its own: defaults, validation, copies, change notifications */
#include "config.h"

#include <locale.h>

#include "treff-booking.h"
#include "treff-error.h"
#include "treff-test-util.h"

/* Yoga in the Bewegungsraum, Wed 25 November 2026 18:00–19:30. */
static TreffBooking *
valid_booking (void)
{
  TreffBooking *booking = treff_booking_new ();
  g_autoptr(GDateTime) start = treff_test_berlin (2026, 11, 25, 18, 0);
  g_autoptr(GDateTime) end = treff_test_berlin (2026, 11, 25, 19, 30);
  g_autoptr(GError) error = NULL;

  treff_booking_set_title (booking, "Yoga");
  treff_booking_set_room_id (booking, 3);
  treff_booking_set_times (booking, start, end);
  treff_booking_validate (booking, &error);
  g_assert_no_error (error);

  return booking;
}

static void
assert_invalid (TreffBooking *booking,
                const char   *expected_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (treff_booking_validate (booking, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
assert_valid (TreffBooking *booking)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (treff_booking_validate (booking, &error));
  g_assert_no_error (error);
}

static void
test_defaults (void)
{
  g_autoptr(TreffBooking) booking = treff_booking_new ();

  g_assert_cmpint (treff_booking_get_id (booking), ==, 0);
  g_assert_cmpint (treff_booking_get_room_id (booking), ==, 0);
  g_assert_cmpstr (treff_booking_get_title (booking), ==, "");
  g_assert_cmpint (treff_booking_get_kind (booking), ==, TREFF_BOOKING_KIND_GROUP);
  g_assert_cmpint (treff_booking_get_status (booking), ==, TREFF_BOOKING_STATUS_CONFIRMED);
  g_assert_true (treff_booking_get_public (booking));
  g_assert_null (treff_booking_get_start (booking));
  g_assert_null (treff_booking_get_end (booking));
  g_assert_false (treff_booking_get_all_day (booking));
  g_assert_cmpuint (treff_booking_get_attendees (booking), ==, 0);
  g_assert_cmpuint (treff_booking_get_fee_cents (booking), ==, 0);
  g_assert_cmpuint (treff_booking_get_deposit_cents (booking), ==, 0);
  g_assert_false (treff_booking_get_key_handed_out (booking));
  g_assert_false (treff_booking_get_key_returned (booking));
  g_assert_true (treff_recurrence_is_none (treff_booking_get_recurrence (booking)));
  g_assert_false (treff_booking_is_series (booking));
  g_assert_null (treff_booking_dup_rrule (booking));
  g_assert_cmpstr (treff_booking_get_owner_kind (booking), ==, "");
  g_assert_cmpint (treff_booking_get_owner_id (booking), ==, 0);
  g_assert_cmpuint (treff_booking_get_sequence (booking), ==, 0);
  g_assert_cmpstr (treff_booking_get_organiser (booking), ==, "");
  g_assert_cmpstr (treff_booking_get_email (booking), ==, "");
  g_assert_cmpstr (treff_booking_get_notes (booking), ==, "");
}

static void
test_labels (void)
{
  g_assert_cmpstr (treff_booking_kind_to_label (TREFF_BOOKING_KIND_GROUP), ==, "Group");
  g_assert_cmpstr (treff_booking_kind_to_label (TREFF_BOOKING_KIND_COURSE), ==, "Course");
  g_assert_cmpstr (treff_booking_kind_to_label (TREFF_BOOKING_KIND_RENTAL), ==, "Private party / rental");
  g_assert_cmpstr (treff_booking_kind_to_label (TREFF_BOOKING_KIND_INTERNAL), ==, "Internal");
  g_assert_cmpstr (treff_booking_kind_to_label (TREFF_BOOKING_KIND_CONSULTATION), ==, "Consultation");

  g_assert_cmpstr (treff_booking_kind_to_colour (TREFF_BOOKING_KIND_GROUP), ==, "#3584e4");
  g_assert_cmpstr (treff_booking_kind_to_colour (TREFF_BOOKING_KIND_COURSE), ==, "#2ec27e");
  g_assert_cmpstr (treff_booking_kind_to_colour (TREFF_BOOKING_KIND_RENTAL), ==, "#e66100");
  g_assert_cmpstr (treff_booking_kind_to_colour (TREFF_BOOKING_KIND_INTERNAL), ==, "#77767b");
  g_assert_cmpstr (treff_booking_kind_to_colour (TREFF_BOOKING_KIND_CONSULTATION), ==, "#9141ac");

  g_assert_cmpstr (treff_booking_status_to_label (TREFF_BOOKING_STATUS_REQUESTED), ==, "Requested");
  g_assert_cmpstr (treff_booking_status_to_label (TREFF_BOOKING_STATUS_CONFIRMED), ==, "Confirmed");
  g_assert_cmpstr (treff_booking_status_to_label (TREFF_BOOKING_STATUS_CANCELLED), ==, "Cancelled");
}

static void
test_validate_title_and_room (void)
{
  g_autoptr(TreffBooking) booking = valid_booking ();
  g_autofree char *longest = NULL;
  GString *too_long = g_string_new (NULL);

  treff_booking_set_title (booking, "   ");
  g_assert_cmpstr (treff_booking_get_title (booking), ==, "");
  assert_invalid (booking, "Enter a title for the booking.");

  /* Characters, not bytes: 120 umlauts are 240 bytes. */
  for (guint i = 0; i < 120; i++)
    g_string_append (too_long, "ä");
  longest = g_strdup (too_long->str);
  treff_booking_set_title (booking, longest);
  assert_valid (booking);
  g_string_append (too_long, "a");
  treff_booking_set_title (booking, too_long->str);
  assert_invalid (booking, "The title is too long: use at most 120 characters.");
  g_string_free (too_long, TRUE);

  treff_booking_set_title (booking, "  Yoga  ");
  g_assert_cmpstr (treff_booking_get_title (booking), ==, "Yoga");
  treff_booking_set_room_id (booking, 0);
  assert_invalid (booking, "Choose a room.");
}

static void
test_validate_times (void)
{
  g_autoptr(TreffBooking) booking = valid_booking ();
  g_autoptr(GDateTime) start = treff_test_berlin (2026, 11, 25, 18, 0);
  g_autoptr(GDateTime) earlier = treff_test_berlin (2026, 11, 25, 17, 0);
  g_autoptr(GDateTime) month_later = treff_test_berlin (2026, 12, 26, 18, 0);
  g_autoptr(GDateTime) minute_more = treff_test_berlin (2026, 12, 26, 18, 1);
  g_autoptr(GDateTime) midnight = treff_test_berlin (2026, 11, 25, 0, 0);
  g_autoptr(GDateTime) next_midnight = treff_test_berlin (2026, 11, 26, 0, 0);
  g_autoptr(GDateTime) october = treff_test_berlin (2026, 10, 10, 10, 0);
  g_autoptr(GDateTime) november = treff_test_berlin (2026, 11, 10, 10, 0);

  treff_booking_set_times (booking, NULL, NULL);
  assert_invalid (booking, "Choose when the booking starts and ends.");
  treff_booking_set_times (booking, start, NULL);
  assert_invalid (booking, "Choose when the booking starts and ends.");

  treff_booking_set_times (booking, start, earlier);
  assert_invalid (booking,
                  "The booking ends before it starts: Wed, 11/25/2026 18:00–17:00. "
                  "Choose an end after the start.");
  treff_booking_set_times (booking, start, start);
  assert_invalid (booking,
                  "The booking ends before it starts: Wed, 11/25/2026 18:00–18:00. "
                  "Choose an end after the start.");

  treff_booking_set_times (booking, start, month_later);
  assert_valid (booking);
  treff_booking_set_times (booking, start, minute_more);
  assert_invalid (booking,
                  "A date can last at most 31 days, but this one lasts from "
                  "Wed, 11/25/2026 18:00 – Sat, 12/26/2026 18:01. "
                  "Make it shorter, or book a series.");
  /* 31 days over the end of summer time are an hour longer, and allowed. */
  treff_booking_set_times (booking, october, november);
  assert_valid (booking);

  treff_booking_set_times (booking, start, next_midnight);
  treff_booking_set_all_day (booking, TRUE);
  assert_invalid (booking, "An all-day booking starts and ends at midnight (00:00).");
  treff_booking_set_times (booking, midnight, next_midnight);
  assert_valid (booking);
}

static void
test_validate_numbers (void)
{
  g_autoptr(TreffBooking) booking = valid_booking ();

  treff_booking_set_setup_minutes (booking, 240);
  treff_booking_set_cleanup_minutes (booking, 240);
  treff_booking_set_attendees (booking, 10000);
  assert_valid (booking);

  treff_booking_set_setup_minutes (booking, 241);
  assert_invalid (booking, "Setting up can take at most 240 minutes, not 241.");
  treff_booking_set_setup_minutes (booking, 0);

  treff_booking_set_cleanup_minutes (booking, 241);
  assert_invalid (booking, "Cleaning up can take at most 240 minutes, not 241.");
  treff_booking_set_cleanup_minutes (booking, 0);

  treff_booking_set_attendees (booking, 10001);
  assert_invalid (booking, "10001 people is not a plausible number of attendees: enter at most 10000.");
}

static void
test_validate_email (void)
{
  static const char * const good[] = {
    "", "a@b.de", "  kontakt@muetterzentrum-dortmund.de  ", "jörg.müller+treff@example.org",
  };
  static const char * const bad[] = {
    "ab.de", "@b.de", "a@", "a@@b.de", "a@b@c.de", "a b@c.de", "a@b.de c@d.de", "a\t@b.de",
  };
  g_autoptr(TreffBooking) booking = valid_booking ();

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      treff_booking_set_email (booking, good[i]);
      assert_valid (booking);
    }
  g_assert_cmpstr (treff_booking_get_email (booking), ==, "jörg.müller+treff@example.org");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *expected =
        g_strdup_printf ("“%s” is not an e-mail address: use the form name@example.org.", bad[i]);

      treff_booking_set_email (booking, bad[i]);
      assert_invalid (booking, expected);
    }
}

static void
test_validate_recurrence (void)
{
  g_autoptr(TreffBooking) booking = valid_booking ();
  TreffRecurrence r;

  /* The booking starts on a Wednesday. */
  treff_recurrence_init_none (&r);
  r.repeat = TREFF_REPEAT_WEEKLY;
  r.weekdays = TREFF_WEEKDAY_BIT (2);
  r.count = 10;
  treff_booking_set_recurrence (booking, &r);
  assert_invalid (booking,
                  "The first date is a Wednesday, but the series repeats on Tue. "
                  "Choose a first date on one of those days.");

  r.weekdays |= TREFF_WEEKDAY_BIT (3);
  treff_booking_set_recurrence (booking, &r);
  assert_valid (booking);
  g_assert_true (treff_booking_is_series (booking));
  {
    g_autofree char *rrule = treff_booking_dup_rrule (booking);
    g_assert_cmpstr (rrule, ==, "FREQ=WEEKLY;COUNT=10;BYDAY=TU,WE;WKST=MO");
  }

  r.count = 0;
  treff_booking_set_recurrence (booking, &r);
  assert_invalid (booking, "Choose when the series ends: after a number of dates, or on a last date.");
}

static TreffBooking *
unusual_booking (void)
{
  TreffBooking *booking = treff_booking_new ();
  g_autoptr(GDateTime) start = treff_test_berlin (2026, 12, 5, 14, 0);
  g_autoptr(GDateTime) end = treff_test_berlin (2026, 12, 5, 17, 0);
  TreffRecurrence r;

  treff_recurrence_init_none (&r);
  r.repeat = TREFF_REPEAT_MONTHLY_BY_WEEKDAY;
  r.week_of_month = 1;
  r.count = 12;

  /* Every value different from the default. */
  g_object_set (booking,
                "id", (gint64) 17,
                "room-id", (gint64) 4,
                "title", "Repair-Café",
                "kind", TREFF_BOOKING_KIND_RENTAL,
                "status", TREFF_BOOKING_STATUS_REQUESTED,
                "organiser", "Werkstatt-Team",
                "phone", "0231 123456",
                "email", "repair@example.org",
                "all-day", TRUE,
                "attendees", 25u,
                "setup-minutes", 30u,
                "cleanup-minutes", 45u,
                "notes", "Schlüssel bei Frau K.",
                "public", FALSE,
                "fee-cents", 5000u,
                "deposit-cents", 10000u,
                "key-handed-out", TRUE,
                "key-returned", TRUE,
                "recurrence", &r,
                "pause-in-school-holidays", TRUE,
                "override-closures", TRUE,
                "owner-kind", "course",
                "owner-id", (gint64) 8,
                "sequence", 3u,
                NULL);
  treff_booking_set_times (booking, start, end);

  return booking;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *x = g_value_get_boxed (a);
      GDateTime *y = g_value_get_boxed (b);

      return x == NULL || y == NULL ? x == y : g_date_time_equal (x, y);
    }
  if (type == TREFF_TYPE_RECURRENCE)
    return treff_recurrence_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Every property, so a property added later and forgotten in
 * treff_booking_copy () makes this fail. */
static void
test_copy (void)
{
  g_autoptr(TreffBooking) original = unusual_booking ();
  g_autoptr(TreffBooking) copy = treff_booking_copy (original);
  g_autoptr(TreffBooking) fresh = treff_booking_new ();
  g_autoptr(GDateTime) other_start = treff_test_berlin (2027, 1, 2, 10, 0);
  g_autoptr(GDateTime) other_end = treff_test_berlin (2027, 1, 2, 12, 0);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  TreffRecurrence r;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (original), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) d = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (original), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (copy), pspecs[i]->name, &b);
      g_object_get_property (G_OBJECT (fresh), pspecs[i]->name, &d);
      if (!values_equal (pspecs[i], &a, &b))
        g_error ("The copy has another “%s”", pspecs[i]->name);
      /* Otherwise a default value could hide a property copy () forgets. */
      if (values_equal (pspecs[i], &a, &d))
        g_error ("“%s” of the test booking should not be the default", pspecs[i]->name);
    }

  /* Changing the copy leaves the original alone. */
  treff_booking_set_title (copy, "Nähcafé");
  treff_booking_set_times (copy, other_start, other_end);
  treff_recurrence_init_none (&r);
  treff_booking_set_recurrence (copy, &r);
  treff_booking_set_owner (copy, "", 0);
  treff_booking_set_notes (copy, "");

  g_assert_cmpstr (treff_booking_get_title (original), ==, "Repair-Café");
  g_assert_cmpint (g_date_time_get_day_of_month (treff_booking_get_start (original)), ==, 5);
  g_assert_cmpint (treff_booking_get_recurrence (original)->repeat, ==, TREFF_REPEAT_MONTHLY_BY_WEEKDAY);
  g_assert_cmpint (treff_booking_get_recurrence (original)->week_of_month, ==, 1);
  g_assert_cmpstr (treff_booking_get_owner_kind (original), ==, "course");
  g_assert_cmpstr (treff_booking_get_notes (original), ==, "Schlüssel bei Frau K.");
  g_assert_true (treff_booking_get_recurrence (original) != treff_booking_get_recurrence (copy));

  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(TreffBooking) booking = unusual_booking ();
  TreffTestNotifications notifications = { g_string_new (NULL) };
  g_autoptr(GDateTime) same_start = treff_test_berlin (2026, 12, 5, 14, 0);
  g_autoptr(GDateTime) same_end = treff_test_berlin (2026, 12, 5, 17, 0);
  g_autoptr(GDateTime) later_end = treff_test_berlin (2026, 12, 5, 18, 0);
  g_autoptr(GDateTime) second_saturday = treff_test_berlin (2026, 12, 12, 14, 0);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) same_instant_in_utc = g_date_time_to_timezone (same_start, utc);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  TreffRecurrence r;

  g_signal_connect (booking, "notify", G_CALLBACK (treff_test_record_notify), &notifications);

  /* Setting every writable property to its own value changes nothing. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (booking), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE))
        continue;
      g_assert_true (pspecs[i]->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_object_get_property (G_OBJECT (booking), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (booking), pspecs[i]->name, &value);
    }
  treff_assert_notified (&notifications, "");

  /* Equal values that are other objects or differ only in blanks. */
  treff_booking_set_times (booking, same_start, same_end);
  treff_booking_set_title (booking, " Repair-Café ");
  treff_booking_set_owner (booking, "course", 8);
  r = *treff_booking_get_recurrence (booking);
  r.weekdays = TREFF_WEEKDAY_BIT (1);  /* not used by a monthly series */
  treff_booking_set_recurrence (booking, &r);
  treff_assert_notified (&notifications, "");

  /* Real changes, each notified once. */
  treff_booking_set_title (booking, "Repair-Café Nord");
  treff_assert_notified (&notifications, "title");
  treff_booking_set_times (booking, same_start, later_end);
  treff_assert_notified (&notifications, "end");
  treff_booking_set_owner (booking, "course", 9);
  treff_assert_notified (&notifications, "owner-id");
  treff_booking_set_kind (booking, TREFF_BOOKING_KIND_COURSE);
  treff_booking_set_status (booking, TREFF_BOOKING_STATUS_CONFIRMED);
  treff_booking_set_public (booking, TRUE);
  treff_booking_set_sequence (booking, 4);
  treff_assert_notified (&notifications, "kind public sequence status");

  /* The same instant in another zone repeats at another wall-clock time. */
  treff_booking_set_times (booking, same_instant_in_utc, later_end);
  treff_assert_notified (&notifications, "start");
  treff_booking_set_times (booking, same_start, later_end);
  treff_assert_notified (&notifications, "start");

  /* The RRULE of a monthly series depends on the first date's weekday. */
  treff_booking_set_times (booking, second_saturday, later_end);
  treff_assert_notified (&notifications, "start");
  r = *treff_booking_get_recurrence (booking);
  r.week_of_month = 2;
  treff_booking_set_recurrence (booking, &r);
  treff_assert_notified (&notifications, "recurrence rrule");

  treff_recurrence_init_none (&r);
  treff_booking_set_recurrence (booking, &r);
  treff_assert_notified (&notifications, "is-series recurrence rrule");
  treff_booking_set_recurrence (booking, NULL);
  treff_assert_notified (&notifications, "");

  r.repeat = TREFF_REPEAT_MONTHLY_BY_DATE;
  r.count = 3;
  treff_booking_set_recurrence (booking, &r);
  treff_assert_notified (&notifications, "is-series recurrence rrule");
  {
    g_autofree char *rrule = treff_booking_dup_rrule (booking);
    g_assert_cmpstr (rrule, ==, "FREQ=MONTHLY;COUNT=3;BYMONTHDAY=12;WKST=MO");
  }
  treff_booking_set_times (booking, same_start, later_end);
  treff_assert_notified (&notifications, "rrule start");

  g_string_free (notifications.names, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/booking/defaults", test_defaults);
  g_test_add_func ("/booking/labels", test_labels);
  g_test_add_func ("/booking/validate/title-and-room", test_validate_title_and_room);
  g_test_add_func ("/booking/validate/times", test_validate_times);
  g_test_add_func ("/booking/validate/numbers", test_validate_numbers);
  g_test_add_func ("/booking/validate/email", test_validate_email);
  g_test_add_func ("/booking/validate/recurrence", test_validate_recurrence);
  g_test_add_func ("/booking/copy", test_copy);
  g_test_add_func ("/booking/notify-only-on-change", test_notify_only_on_change);

  return g_test_run ();
}
