/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-booking.c — a booking of a room: one date or a series of dates */
#define G_LOG_DOMAIN "treff-booking"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "treff-booking.h"
#include "treff-error.h"
#include "treff-format.h"
#include "treff-util.h"

struct _TreffBooking
{
  GObject             parent_instance;

  gint64              id;
  gint64              room_id;
  char               *title;
  TreffBookingKind    kind;
  TreffBookingStatus  status;
  char               *organiser;
  char               *phone;
  char               *email;
  GDateTime          *start;
  GDateTime          *end;
  guint               attendees;
  guint               setup_minutes;
  guint               cleanup_minutes;
  char               *notes;
  guint               fee_cents;
  guint               deposit_cents;
  TreffRecurrence     recurrence;
  char               *owner_kind;
  gint64              owner_id;
  guint               sequence;
  guint               all_day : 1;
  guint               is_public : 1;
  guint               key_handed_out : 1;
  guint               key_returned : 1;
  guint               pause_in_school_holidays : 1;
  guint               override_closures : 1;
};

G_DEFINE_FINAL_TYPE (TreffBooking, treff_booking, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TreffBookingKind, treff_booking_kind,
  G_DEFINE_ENUM_VALUE (TREFF_BOOKING_KIND_GROUP, "group"),
  G_DEFINE_ENUM_VALUE (TREFF_BOOKING_KIND_COURSE, "course"),
  G_DEFINE_ENUM_VALUE (TREFF_BOOKING_KIND_RENTAL, "rental"),
  G_DEFINE_ENUM_VALUE (TREFF_BOOKING_KIND_INTERNAL, "internal"),
  G_DEFINE_ENUM_VALUE (TREFF_BOOKING_KIND_CONSULTATION, "consultation"))

G_DEFINE_ENUM_TYPE (TreffBookingStatus, treff_booking_status,
  G_DEFINE_ENUM_VALUE (TREFF_BOOKING_STATUS_REQUESTED, "requested"),
  G_DEFINE_ENUM_VALUE (TREFF_BOOKING_STATUS_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (TREFF_BOOKING_STATUS_CANCELLED, "cancelled"))

enum {
  PROP_0,
  PROP_ID,
  PROP_ROOM_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_STATUS,
  PROP_ORGANISER,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_START,
  PROP_END,
  PROP_ALL_DAY,
  PROP_ATTENDEES,
  PROP_SETUP_MINUTES,
  PROP_CLEANUP_MINUTES,
  PROP_NOTES,
  PROP_PUBLIC,
  PROP_FEE_CENTS,
  PROP_DEPOSIT_CENTS,
  PROP_KEY_HANDED_OUT,
  PROP_KEY_RETURNED,
  PROP_RECURRENCE,
  PROP_RRULE,
  PROP_IS_SERIES,
  PROP_PAUSE_IN_SCHOOL_HOLIDAYS,
  PROP_OVERRIDE_CLOSURES,
  PROP_OWNER_KIND,
  PROP_OWNER_ID,
  PROP_SEQUENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
treff_booking_finalize (GObject *object)
{
  TreffBooking *self = (TreffBooking *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organiser, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->owner_kind, g_free);

  G_OBJECT_CLASS (treff_booking_parent_class)->finalize (object);
}

static void
treff_booking_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TreffBooking *self = TREFF_BOOKING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ROOM_ID:
      g_value_set_int64 (value, self->room_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ORGANISER:
      g_value_set_string (value, self->organiser);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;
    case PROP_ATTENDEES:
      g_value_set_uint (value, self->attendees);
      break;
    case PROP_SETUP_MINUTES:
      g_value_set_uint (value, self->setup_minutes);
      break;
    case PROP_CLEANUP_MINUTES:
      g_value_set_uint (value, self->cleanup_minutes);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_PUBLIC:
      g_value_set_boolean (value, self->is_public);
      break;
    case PROP_FEE_CENTS:
      g_value_set_uint (value, self->fee_cents);
      break;
    case PROP_DEPOSIT_CENTS:
      g_value_set_uint (value, self->deposit_cents);
      break;
    case PROP_KEY_HANDED_OUT:
      g_value_set_boolean (value, self->key_handed_out);
      break;
    case PROP_KEY_RETURNED:
      g_value_set_boolean (value, self->key_returned);
      break;
    case PROP_RECURRENCE:
      g_value_set_boxed (value, &self->recurrence);
      break;
    case PROP_RRULE:
      g_value_take_string (value, treff_booking_dup_rrule (self));
      break;
    case PROP_IS_SERIES:
      g_value_set_boolean (value, treff_booking_is_series (self));
      break;
    case PROP_PAUSE_IN_SCHOOL_HOLIDAYS:
      g_value_set_boolean (value, self->pause_in_school_holidays);
      break;
    case PROP_OVERRIDE_CLOSURES:
      g_value_set_boolean (value, self->override_closures);
      break;
    case PROP_OWNER_KIND:
      g_value_set_string (value, self->owner_kind);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case PROP_SEQUENCE:
      g_value_set_uint (value, self->sequence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_booking_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TreffBooking *self = TREFF_BOOKING (object);

  switch (prop_id)
    {
    case PROP_ID:
      treff_booking_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ROOM_ID:
      treff_booking_set_room_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      treff_booking_set_title (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      treff_booking_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      treff_booking_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ORGANISER:
      treff_booking_set_organiser (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      treff_booking_set_phone (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      treff_booking_set_email (self, g_value_get_string (value));
      break;
    case PROP_START:
      treff_booking_set_times (self, g_value_get_boxed (value), self->end);
      break;
    case PROP_END:
      treff_booking_set_times (self, self->start, g_value_get_boxed (value));
      break;
    case PROP_ALL_DAY:
      treff_booking_set_all_day (self, g_value_get_boolean (value));
      break;
    case PROP_ATTENDEES:
      treff_booking_set_attendees (self, g_value_get_uint (value));
      break;
    case PROP_SETUP_MINUTES:
      treff_booking_set_setup_minutes (self, g_value_get_uint (value));
      break;
    case PROP_CLEANUP_MINUTES:
      treff_booking_set_cleanup_minutes (self, g_value_get_uint (value));
      break;
    case PROP_NOTES:
      treff_booking_set_notes (self, g_value_get_string (value));
      break;
    case PROP_PUBLIC:
      treff_booking_set_public (self, g_value_get_boolean (value));
      break;
    case PROP_FEE_CENTS:
      treff_booking_set_fee_cents (self, g_value_get_uint (value));
      break;
    case PROP_DEPOSIT_CENTS:
      treff_booking_set_deposit_cents (self, g_value_get_uint (value));
      break;
    case PROP_KEY_HANDED_OUT:
      treff_booking_set_key_handed_out (self, g_value_get_boolean (value));
      break;
    case PROP_KEY_RETURNED:
      treff_booking_set_key_returned (self, g_value_get_boolean (value));
      break;
    case PROP_RECURRENCE:
      treff_booking_set_recurrence (self, g_value_get_boxed (value));
      break;
    case PROP_PAUSE_IN_SCHOOL_HOLIDAYS:
      treff_booking_set_pause_in_school_holidays (self, g_value_get_boolean (value));
      break;
    case PROP_OVERRIDE_CLOSURES:
      treff_booking_set_override_closures (self, g_value_get_boolean (value));
      break;
    case PROP_OWNER_KIND:
      treff_booking_set_owner (self, g_value_get_string (value), self->owner_id);
      break;
    case PROP_OWNER_ID:
      treff_booking_set_owner (self, self->owner_kind, g_value_get_int64 (value));
      break;
    case PROP_SEQUENCE:
      treff_booking_set_sequence (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
treff_booking_class_init (TreffBookingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = treff_booking_finalize;
  object_class->get_property = treff_booking_get_property;
  object_class->set_property = treff_booking_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_ROOM_ID] =
    g_param_spec_int64 ("room-id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", RW_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TREFF_TYPE_BOOKING_KIND,
                       TREFF_BOOKING_KIND_GROUP, RW_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, TREFF_TYPE_BOOKING_STATUS,
                       TREFF_BOOKING_STATUS_CONFIRMED, RW_FLAGS);
  properties[PROP_ORGANISER] =
    g_param_spec_string ("organiser", NULL, NULL, "", RW_FLAGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "", RW_FLAGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, "", RW_FLAGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, RW_FLAGS);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, RW_FLAGS);
  properties[PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_ATTENDEES] =
    g_param_spec_uint ("attendees", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);
  properties[PROP_SETUP_MINUTES] =
    g_param_spec_uint ("setup-minutes", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);
  properties[PROP_CLEANUP_MINUTES] =
    g_param_spec_uint ("cleanup-minutes", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", RW_FLAGS);
  properties[PROP_PUBLIC] =
    g_param_spec_boolean ("public", NULL, NULL, TRUE, RW_FLAGS);
  properties[PROP_FEE_CENTS] =
    g_param_spec_uint ("fee-cents", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);
  properties[PROP_DEPOSIT_CENTS] =
    g_param_spec_uint ("deposit-cents", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);
  properties[PROP_KEY_HANDED_OUT] =
    g_param_spec_boolean ("key-handed-out", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_KEY_RETURNED] =
    g_param_spec_boolean ("key-returned", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_RECURRENCE] =
    g_param_spec_boxed ("recurrence", NULL, NULL, TREFF_TYPE_RECURRENCE, RW_FLAGS);
  properties[PROP_RRULE] =
    g_param_spec_string ("rrule", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_IS_SERIES] =
    g_param_spec_boolean ("is-series", NULL, NULL, FALSE, RO_FLAGS);
  properties[PROP_PAUSE_IN_SCHOOL_HOLIDAYS] =
    g_param_spec_boolean ("pause-in-school-holidays", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_OVERRIDE_CLOSURES] =
    g_param_spec_boolean ("override-closures", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_OWNER_KIND] =
    g_param_spec_string ("owner-kind", NULL, NULL, "", RW_FLAGS);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_SEQUENCE] =
    g_param_spec_uint ("sequence", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
treff_booking_init (TreffBooking *self)
{
  self->title = g_strdup ("");
  self->kind = TREFF_BOOKING_KIND_GROUP;
  self->status = TREFF_BOOKING_STATUS_CONFIRMED;
  self->organiser = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->notes = g_strdup ("");
  self->is_public = TRUE;
  treff_recurrence_init_none (&self->recurrence);
  self->owner_kind = g_strdup ("");
}

TreffBooking *
treff_booking_new (void)
{
  return g_object_new (TREFF_TYPE_BOOKING, NULL);
}

/* A copy that shares nothing that can change: editing it leaves @self as it is. */
TreffBooking *
treff_booking_copy (TreffBooking *self)
{
  TreffBooking *copy;

  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  copy = treff_booking_new ();
  copy->id = self->id;
  copy->room_id = self->room_id;
  g_free (copy->title);
  copy->title = g_strdup (self->title);
  copy->kind = self->kind;
  copy->status = self->status;
  g_free (copy->organiser);
  copy->organiser = g_strdup (self->organiser);
  g_free (copy->phone);
  copy->phone = g_strdup (self->phone);
  g_free (copy->email);
  copy->email = g_strdup (self->email);
  /* GDateTime cannot change, so sharing it is as good as copying it. */
  copy->start = self->start ? g_date_time_ref (self->start) : NULL;
  copy->end = self->end ? g_date_time_ref (self->end) : NULL;
  copy->all_day = self->all_day;
  copy->attendees = self->attendees;
  copy->setup_minutes = self->setup_minutes;
  copy->cleanup_minutes = self->cleanup_minutes;
  g_free (copy->notes);
  copy->notes = g_strdup (self->notes);
  copy->is_public = self->is_public;
  copy->fee_cents = self->fee_cents;
  copy->deposit_cents = self->deposit_cents;
  copy->key_handed_out = self->key_handed_out;
  copy->key_returned = self->key_returned;
  copy->recurrence = self->recurrence;
  copy->pause_in_school_holidays = self->pause_in_school_holidays;
  copy->override_closures = self->override_closures;
  g_free (copy->owner_kind);
  copy->owner_kind = g_strdup (self->owner_kind);
  copy->owner_id = self->owner_id;
  copy->sequence = self->sequence;

  return copy;
}

gint64
treff_booking_get_id (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->id;
}

void
treff_booking_set_id (TreffBooking *self,
                      gint64        id)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
treff_booking_get_room_id (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->room_id;
}

void
treff_booking_set_room_id (TreffBooking *self,
                           gint64        room_id)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (self->room_id != room_id)
    {
      self->room_id = room_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM_ID]);
    }
}

const char *
treff_booking_get_title (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return self->title;
}

void
treff_booking_set_title (TreffBooking *self,
                         const char   *title)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (treff_set_stripped_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

TreffBookingKind
treff_booking_get_kind (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), TREFF_BOOKING_KIND_GROUP);

  return self->kind;
}

void
treff_booking_set_kind (TreffBooking     *self,
                        TreffBookingKind  kind)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));
  g_return_if_fail (kind < TREFF_N_BOOKING_KINDS);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

TreffBookingStatus
treff_booking_get_status (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), TREFF_BOOKING_STATUS_CONFIRMED);

  return self->status;
}

void
treff_booking_set_status (TreffBooking       *self,
                          TreffBookingStatus  status)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));
  g_return_if_fail (status < TREFF_N_BOOKING_STATUSES);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

const char *
treff_booking_get_organiser (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return self->organiser;
}

void
treff_booking_set_organiser (TreffBooking *self,
                             const char   *organiser)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (treff_set_stripped_string (&self->organiser, organiser))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISER]);
}

const char *
treff_booking_get_phone (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return self->phone;
}

void
treff_booking_set_phone (TreffBooking *self,
                         const char   *phone)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (treff_set_stripped_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
treff_booking_get_email (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return self->email;
}

void
treff_booking_set_email (TreffBooking *self,
                         const char   *email)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (treff_set_stripped_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

GDateTime *
treff_booking_get_start (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return self->start;
}

GDateTime *
treff_booking_get_end (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return self->end;
}

/* The same instant in another time zone is a change: the zone decides
 * the wall-clock time at which a series repeats. */
static gboolean
same_date_time (GDateTime *a,
                GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b) &&
         g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (a)),
                    g_time_zone_get_identifier (g_date_time_get_timezone (b))) == 0;
}

static gboolean
replace_date_time (GDateTime **field,
                   GDateTime  *value)
{
  if (same_date_time (*field, value))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = value ? g_date_time_ref (value) : NULL;
  return TRUE;
}

/* Start and end are set together so an editor never passes through a
 * state where the end is before the start. Either may be NULL (not set). */
void
treff_booking_set_times (TreffBooking *self,
                         GDateTime    *start,
                         GDateTime    *end)
{
  g_autofree char *old_rrule = NULL;
  g_autofree char *new_rrule = NULL;
  g_autoptr(GDateTime) keep_start = NULL;
  g_autoptr(GDateTime) keep_end = NULL;
  gboolean start_changed, end_changed;

  g_return_if_fail (TREFF_IS_BOOKING (self));

  /* @start or @end may be our own, as when the "end" property is set. */
  keep_start = start ? g_date_time_ref (start) : NULL;
  keep_end = end ? g_date_time_ref (end) : NULL;

  old_rrule = treff_booking_dup_rrule (self);
  start_changed = replace_date_time (&self->start, start);
  end_changed = replace_date_time (&self->end, end);
  new_rrule = treff_booking_dup_rrule (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
  if (g_strcmp0 (old_rrule, new_rrule) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RRULE]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
treff_booking_get_all_day (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), FALSE);

  return self->all_day;
}

void
treff_booking_set_all_day (TreffBooking *self,
                           gboolean      all_day)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  all_day = !!all_day;
  if (self->all_day != all_day)
    {
      self->all_day = all_day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_DAY]);
    }
}

guint
treff_booking_get_attendees (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->attendees;
}

void
treff_booking_set_attendees (TreffBooking *self,
                             guint         attendees)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (self->attendees != attendees)
    {
      self->attendees = attendees;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEES]);
    }
}

guint
treff_booking_get_setup_minutes (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->setup_minutes;
}

void
treff_booking_set_setup_minutes (TreffBooking *self,
                                 guint         minutes)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (self->setup_minutes != minutes)
    {
      self->setup_minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETUP_MINUTES]);
    }
}

guint
treff_booking_get_cleanup_minutes (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->cleanup_minutes;
}

void
treff_booking_set_cleanup_minutes (TreffBooking *self,
                                   guint         minutes)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (self->cleanup_minutes != minutes)
    {
      self->cleanup_minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEANUP_MINUTES]);
    }
}

const char *
treff_booking_get_notes (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return self->notes;
}

void
treff_booking_set_notes (TreffBooking *self,
                         const char   *notes)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (treff_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
treff_booking_get_public (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), TRUE);

  return self->is_public;
}

void
treff_booking_set_public (TreffBooking *self,
                          gboolean      is_public)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  is_public = !!is_public;
  if (self->is_public != is_public)
    {
      self->is_public = is_public;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLIC]);
    }
}

guint
treff_booking_get_fee_cents (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->fee_cents;
}

void
treff_booking_set_fee_cents (TreffBooking *self,
                             guint         cents)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (self->fee_cents != cents)
    {
      self->fee_cents = cents;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEE_CENTS]);
    }
}

guint
treff_booking_get_deposit_cents (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->deposit_cents;
}

void
treff_booking_set_deposit_cents (TreffBooking *self,
                                 guint         cents)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (self->deposit_cents != cents)
    {
      self->deposit_cents = cents;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPOSIT_CENTS]);
    }
}

gboolean
treff_booking_get_key_handed_out (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), FALSE);

  return self->key_handed_out;
}

void
treff_booking_set_key_handed_out (TreffBooking *self,
                                  gboolean      handed_out)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  handed_out = !!handed_out;
  if (self->key_handed_out != handed_out)
    {
      self->key_handed_out = handed_out;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_HANDED_OUT]);
    }
}

gboolean
treff_booking_get_key_returned (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), FALSE);

  return self->key_returned;
}

void
treff_booking_set_key_returned (TreffBooking *self,
                                gboolean      returned)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  returned = !!returned;
  if (self->key_returned != returned)
    {
      self->key_returned = returned;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_RETURNED]);
    }
}

const TreffRecurrence *
treff_booking_get_recurrence (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return &self->recurrence;
}

/* Keeps a normalised copy (see treff_recurrence_normalize ()); NULL means
 * a single date. */
void
treff_booking_set_recurrence (TreffBooking          *self,
                              const TreffRecurrence *recurrence)
{
  g_autofree char *old_rrule = NULL;
  g_autofree char *new_rrule = NULL;
  TreffRecurrence normalized;
  gboolean was_series;

  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (recurrence != NULL)
    normalized = *recurrence;
  else
    treff_recurrence_init_none (&normalized);
  treff_recurrence_normalize (&normalized);

  if (treff_recurrence_equal (&self->recurrence, &normalized))
    return;

  was_series = treff_booking_is_series (self);
  old_rrule = treff_booking_dup_rrule (self);
  self->recurrence = normalized;
  new_rrule = treff_booking_dup_rrule (self);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECURRENCE]);
  if (g_strcmp0 (old_rrule, new_rrule) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RRULE]);
  if (was_series != treff_booking_is_series (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_SERIES]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
treff_booking_is_series (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), FALSE);

  return !treff_recurrence_is_none (&self->recurrence);
}

/* The RRULE text the store saves, or NULL for a single date (and for a
 * monthly series without a start, which decides its weekday or day). */
char *
treff_booking_dup_rrule (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  switch (self->recurrence.repeat)
    {
    case TREFF_REPEAT_NONE:
      return NULL;

    case TREFF_REPEAT_MONTHLY_BY_WEEKDAY:
      if ((self->recurrence.week_of_month < 1 || self->recurrence.week_of_month > 4) &&
          self->recurrence.week_of_month != -1)
        return NULL;
      G_GNUC_FALLTHROUGH;
    case TREFF_REPEAT_MONTHLY_BY_DATE:
      if (self->start == NULL)
        return NULL;
      G_GNUC_FALLTHROUGH;
    case TREFF_REPEAT_DAILY:
    case TREFF_REPEAT_WEEKLY:
    default:
      return treff_recurrence_to_rrule (&self->recurrence, self->start);
    }
}

gboolean
treff_booking_get_pause_in_school_holidays (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), FALSE);

  return self->pause_in_school_holidays;
}

void
treff_booking_set_pause_in_school_holidays (TreffBooking *self,
                                            gboolean      pause)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  pause = !!pause;
  if (self->pause_in_school_holidays != pause)
    {
      self->pause_in_school_holidays = pause;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSE_IN_SCHOOL_HOLIDAYS]);
    }
}

gboolean
treff_booking_get_override_closures (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), FALSE);

  return self->override_closures;
}

void
treff_booking_set_override_closures (TreffBooking *self,
                                     gboolean      override)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  override = !!override;
  if (self->override_closures != override)
    {
      self->override_closures = override;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDE_CLOSURES]);
    }
}

const char *
treff_booking_get_owner_kind (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), NULL);

  return self->owner_kind;
}

gint64
treff_booking_get_owner_id (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->owner_id;
}

/* What the booking belongs to, such as a course ("course", 12); "" and 0
 * when it stands alone. */
void
treff_booking_set_owner (TreffBooking *self,
                         const char   *owner_kind,
                         gint64        owner_id)
{
  g_autofree char *kind = NULL;

  g_return_if_fail (TREFF_IS_BOOKING (self));

  /* @owner_kind may be our own, as when the "owner-id" property is set. */
  kind = g_strdup (owner_kind);

  g_object_freeze_notify (G_OBJECT (self));
  if (treff_set_string (&self->owner_kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_KIND]);
  if (self->owner_id != owner_id)
    {
      self->owner_id = owner_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

guint
treff_booking_get_sequence (TreffBooking *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (self), 0);

  return self->sequence;
}

void
treff_booking_set_sequence (TreffBooking *self,
                            guint         sequence)
{
  g_return_if_fail (TREFF_IS_BOOKING (self));

  if (self->sequence != sequence)
    {
      self->sequence = sequence;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQUENCE]);
    }
}

const char *
treff_booking_kind_to_label (TreffBookingKind kind)
{
  switch (kind)
    {
    case TREFF_BOOKING_KIND_GROUP:
      return C_("booking kind", "Group");
    case TREFF_BOOKING_KIND_COURSE:
      return C_("booking kind", "Course");
    case TREFF_BOOKING_KIND_RENTAL:
      return C_("booking kind", "Private party / rental");
    case TREFF_BOOKING_KIND_INTERNAL:
      return C_("booking kind", "Internal");
    case TREFF_BOOKING_KIND_CONSULTATION:
      return C_("booking kind", "Consultation");
    case TREFF_N_BOOKING_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Colours from the GNOME palette, distinct also for the colour-blind in
 * lightness: blue, green, orange, grey, purple. */
const char *
treff_booking_kind_to_colour (TreffBookingKind kind)
{
  switch (kind)
    {
    case TREFF_BOOKING_KIND_GROUP:
      return "#3584e4";
    case TREFF_BOOKING_KIND_COURSE:
      return "#2ec27e";
    case TREFF_BOOKING_KIND_RENTAL:
      return "#e66100";
    case TREFF_BOOKING_KIND_INTERNAL:
      return "#77767b";
    case TREFF_BOOKING_KIND_CONSULTATION:
      return "#9141ac";
    case TREFF_N_BOOKING_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
treff_booking_status_to_label (TreffBookingStatus status)
{
  switch (status)
    {
    case TREFF_BOOKING_STATUS_REQUESTED:
      return C_("booking status", "Requested");
    case TREFF_BOOKING_STATUS_CONFIRMED:
      return C_("booking status", "Confirmed");
    case TREFF_BOOKING_STATUS_CANCELLED:
      return C_("booking status", "Cancelled");
    case TREFF_N_BOOKING_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Not a full RFC 5322 check: it catches what people mistype (a missing
 * @, a blank, two addresses in one field) and lets every real address pass. */
static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');

  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Checks everything that does not need the store (conflicts, closures and
 * whether the room exists do). */
gboolean
treff_booking_validate (TreffBooking  *self,
                        GError       **error)
{
  g_autoptr(GDateTime) latest_end = NULL;

  g_return_val_if_fail (TREFF_IS_BOOKING (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*self->title == '\0')
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Enter a title for the booking."));
      return FALSE;
    }

  if (g_utf8_strlen (self->title, -1) > TREFF_BOOKING_TITLE_MAX_CHARS)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("The title is too long: use at most %d characters."),
                   TREFF_BOOKING_TITLE_MAX_CHARS);
      return FALSE;
    }

  if (self->room_id <= 0)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Choose a room."));
      return FALSE;
    }

  if (self->start == NULL || self->end == NULL)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Choose when the booking starts and ends."));
      return FALSE;
    }

  if (g_date_time_compare (self->end, self->start) <= 0)
    {
      g_autofree char *times = treff_format_date_time_range (self->start, self->end);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("The booking ends before it starts: %s. Choose an end after the start."),
                   times);
      return FALSE;
    }

  /* On the wall clock, so a date over the clock change may last 31 days. */
  latest_end = g_date_time_add_days (self->start, TREFF_BOOKING_MAX_DAYS);
  if (g_date_time_compare (self->end, latest_end) > 0)
    {
      g_autofree char *times = treff_format_date_time_range (self->start, self->end);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A date can last at most %d day, but this one lasts from %s. "
                                "Make it shorter, or book a series.",
                                "A date can last at most %d days, but this one lasts from %s. "
                                "Make it shorter, or book a series.",
                                TREFF_BOOKING_MAX_DAYS),
                   TREFF_BOOKING_MAX_DAYS, times);
      return FALSE;
    }

  if (self->all_day &&
      (!treff_date_time_is_midnight (self->start) || !treff_date_time_is_midnight (self->end)))
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("An all-day booking starts and ends at midnight (00:00)."));
      return FALSE;
    }

  if (self->setup_minutes > TREFF_BOOKING_MAX_SETUP_MINUTES)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("Setting up can take at most %d minutes, not %u."),
                   TREFF_BOOKING_MAX_SETUP_MINUTES, self->setup_minutes);
      return FALSE;
    }

  if (self->cleanup_minutes > TREFF_BOOKING_MAX_SETUP_MINUTES)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("Cleaning up can take at most %d minutes, not %u."),
                   TREFF_BOOKING_MAX_SETUP_MINUTES, self->cleanup_minutes);
      return FALSE;
    }

  if (self->attendees > TREFF_BOOKING_MAX_ATTENDEES)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("%u people is not a plausible number of attendees: enter at most %d."),
                   self->attendees, TREFF_BOOKING_MAX_ATTENDEES);
      return FALSE;
    }

  if (*self->email != '\0' && !looks_like_email (self->email))
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is not an e-mail address: use the form name@example.org."),
                   self->email);
      return FALSE;
    }

  return treff_recurrence_validate (&self->recurrence, self->start, error);
}
