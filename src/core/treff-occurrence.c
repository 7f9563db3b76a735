/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-occurrence.c — one date of a booking, as the week plan, printouts and feeds show it */
#define G_LOG_DOMAIN "treff-occurrence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-format.h"
#include "treff-occurrence.h"
#include "treff-util.h"

struct _TreffOccurrence
{
  GObject       parent_instance;

  TreffBooking *booking;
  gint64        room_id;
  char         *room_name;
  char         *room_colour;
  char         *title;            /* NULL: the booking's title */
  GDateTime    *original_start;
  GDateTime    *start;
  GDateTime    *end;
  guint         cancelled : 1;
};

G_DEFINE_FINAL_TYPE (TreffOccurrence, treff_occurrence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOOKING,
  PROP_ROOM_ID,
  PROP_ROOM_NAME,
  PROP_ROOM_COLOUR,
  PROP_TITLE,
  PROP_PUBLIC_TITLE,
  PROP_ORIGINAL_START,
  PROP_START,
  PROP_END,
  PROP_CANCELLED,
  PROP_MOVED,
  PROP_TIME_RANGE,
  PROP_ACCESSIBLE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify (TreffOccurrence *self,
        guint            first_prop,
        ...)
{
  va_list args;

  g_object_freeze_notify (G_OBJECT (self));
  va_start (args, first_prop);
  for (guint prop = first_prop; prop != PROP_0; prop = va_arg (args, guint))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  va_end (args);
  g_object_thaw_notify (G_OBJECT (self));
}

/* What an occurrence shows follows its booking, so a list of occurrences
 * updates when the booking is edited. */
static void
on_booking_notify (TreffOccurrence *self,
                   GParamSpec      *pspec,
                   TreffBooking    *booking)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title"))
    {
      if (self->title == NULL)
        notify (self, PROP_TITLE, PROP_PUBLIC_TITLE, PROP_ACCESSIBLE_NAME, PROP_0);
    }
  else if (g_str_equal (name, "public"))
    {
      notify (self, PROP_PUBLIC_TITLE, PROP_0);
    }
  else if (g_str_equal (name, "status"))
    {
      notify (self, PROP_ACCESSIBLE_NAME, PROP_0);
    }
  else if (g_str_equal (name, "all-day"))
    {
      notify (self, PROP_TIME_RANGE, PROP_ACCESSIBLE_NAME, PROP_0);
    }
}

static void
treff_occurrence_constructed (GObject *object)
{
  TreffOccurrence *self = (TreffOccurrence *)object;

  G_OBJECT_CLASS (treff_occurrence_parent_class)->constructed (object);

  g_assert (TREFF_IS_BOOKING (self->booking));
  g_assert (self->start != NULL);
  g_assert (self->end != NULL);

  if (self->original_start == NULL)
    self->original_start = g_date_time_ref (self->start);
  self->room_id = treff_booking_get_room_id (self->booking);

  g_signal_connect_object (self->booking, "notify",
                           G_CALLBACK (on_booking_notify), self,
                           G_CONNECT_SWAPPED);
}

static void
treff_occurrence_finalize (GObject *object)
{
  TreffOccurrence *self = (TreffOccurrence *)object;

  g_clear_object (&self->booking);
  g_clear_pointer (&self->room_name, g_free);
  g_clear_pointer (&self->room_colour, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->original_start, g_date_time_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);

  G_OBJECT_CLASS (treff_occurrence_parent_class)->finalize (object);
}

static void
treff_occurrence_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TreffOccurrence *self = TREFF_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_BOOKING:
      g_value_set_object (value, self->booking);
      break;
    case PROP_ROOM_ID:
      g_value_set_int64 (value, self->room_id);
      break;
    case PROP_ROOM_NAME:
      g_value_set_string (value, self->room_name);
      break;
    case PROP_ROOM_COLOUR:
      g_value_set_string (value, self->room_colour);
      break;
    case PROP_TITLE:
      g_value_set_string (value, treff_occurrence_get_title (self));
      break;
    case PROP_PUBLIC_TITLE:
      g_value_set_string (value, treff_occurrence_get_public_title (self));
      break;
    case PROP_ORIGINAL_START:
      g_value_set_boxed (value, self->original_start);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_CANCELLED:
      g_value_set_boolean (value, self->cancelled);
      break;
    case PROP_MOVED:
      g_value_set_boolean (value, treff_occurrence_get_moved (self));
      break;
    case PROP_TIME_RANGE:
      g_value_take_string (value, treff_occurrence_dup_time_range (self));
      break;
    case PROP_ACCESSIBLE_NAME:
      g_value_take_string (value, treff_occurrence_dup_accessible_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_occurrence_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TreffOccurrence *self = TREFF_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_BOOKING:
      self->booking = g_value_dup_object (value);
      break;
    case PROP_ROOM_ID:
      treff_occurrence_set_room_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      treff_occurrence_set_title (self, g_value_get_string (value));
      break;
    case PROP_ORIGINAL_START:
      self->original_start = g_value_dup_boxed (value);
      break;
    case PROP_START:
      self->start = g_value_dup_boxed (value);
      break;
    case PROP_END:
      self->end = g_value_dup_boxed (value);
      break;
    case PROP_CANCELLED:
      treff_occurrence_set_cancelled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
#define CONSTRUCT_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

static void
treff_occurrence_class_init (TreffOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = treff_occurrence_constructed;
  object_class->finalize = treff_occurrence_finalize;
  object_class->get_property = treff_occurrence_get_property;
  object_class->set_property = treff_occurrence_set_property;

  properties[PROP_BOOKING] =
    g_param_spec_object ("booking", NULL, NULL, TREFF_TYPE_BOOKING, CONSTRUCT_FLAGS);
  properties[PROP_ROOM_ID] =
    g_param_spec_int64 ("room-id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_ROOM_NAME] =
    g_param_spec_string ("room-name", NULL, NULL, "", RO_FLAGS);
  properties[PROP_ROOM_COLOUR] =
    g_param_spec_string ("room-colour", NULL, NULL, "", RO_FLAGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_PUBLIC_TITLE] =
    g_param_spec_string ("public-title", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_ORIGINAL_START] =
    g_param_spec_boxed ("original-start", NULL, NULL, G_TYPE_DATE_TIME, CONSTRUCT_FLAGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, CONSTRUCT_FLAGS);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, CONSTRUCT_FLAGS);
  properties[PROP_CANCELLED] =
    g_param_spec_boolean ("cancelled", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_MOVED] =
    g_param_spec_boolean ("moved", NULL, NULL, FALSE, RO_FLAGS);
  properties[PROP_TIME_RANGE] =
    g_param_spec_string ("time-range", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_ACCESSIBLE_NAME] =
    g_param_spec_string ("accessible-name", NULL, NULL, NULL, RO_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
treff_occurrence_init (TreffOccurrence *self)
{
  self->room_name = g_strdup ("");
  self->room_colour = g_strdup ("");
}

/* @original_start is where the series puts the date; it differs from
 * @start when this one date was moved. NULL means the same as @start. */
TreffOccurrence *
treff_occurrence_new (TreffBooking *booking,
                      GDateTime    *original_start,
                      GDateTime    *start,
                      GDateTime    *end)
{
  g_return_val_if_fail (TREFF_IS_BOOKING (booking), NULL);
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);

  return g_object_new (TREFF_TYPE_OCCURRENCE,
                       "booking", booking,
                       "original-start", original_start,
                       "start", start,
                       "end", end,
                       NULL);
}

TreffBooking *
treff_occurrence_get_booking (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  return self->booking;
}

gint64
treff_occurrence_get_room_id (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), 0);

  return self->room_id;
}

void
treff_occurrence_set_room_id (TreffOccurrence *self,
                              gint64           room_id)
{
  g_return_if_fail (TREFF_IS_OCCURRENCE (self));

  if (self->room_id != room_id)
    {
      self->room_id = room_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM_ID]);
    }
}

const char *
treff_occurrence_get_room_name (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  return self->room_name;
}

const char *
treff_occurrence_get_room_colour (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  return self->room_colour;
}

void
treff_occurrence_set_room (TreffOccurrence *self,
                           gint64           room_id,
                           const char      *name,
                           const char      *colour)
{
  g_return_if_fail (TREFF_IS_OCCURRENCE (self));

  g_object_freeze_notify (G_OBJECT (self));
  treff_occurrence_set_room_id (self, room_id);
  if (treff_set_string (&self->room_name, name))
    notify (self, PROP_ROOM_NAME, PROP_ACCESSIBLE_NAME, PROP_0);
  if (treff_set_string (&self->room_colour, colour))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM_COLOUR]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
treff_occurrence_get_title (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  if (self->title != NULL)
    return self->title;

  return treff_booking_get_title (self->booking);
}

/* A title of its own for this date ("Yoga – in the garden"); NULL goes
 * back to the booking's title. */
void
treff_occurrence_set_title (TreffOccurrence *self,
                            const char      *title)
{
  g_autofree char *old_title = NULL;

  g_return_if_fail (TREFF_IS_OCCURRENCE (self));

  old_title = g_strdup (treff_occurrence_get_title (self));
  g_free (self->title);
  self->title = g_strdup (title);

  if (g_strcmp0 (old_title, treff_occurrence_get_title (self)) != 0)
    notify (self, PROP_TITLE, PROP_PUBLIC_TITLE, PROP_ACCESSIBLE_NAME, PROP_0);
}

/* What the notice board and the public feed may show: a private party is
 * only "Booked", without the renter's name. */
const char *
treff_occurrence_get_public_title (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  if (treff_booking_get_public (self->booking))
    return treff_occurrence_get_title (self);

  /* Translators: what the public sees of a private booking ("belegt") */
  return C_("public title of a private booking", "Booked");
}

GDateTime *
treff_occurrence_get_original_start (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  return self->original_start;
}

GDateTime *
treff_occurrence_get_start (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  return self->start;
}

GDateTime *
treff_occurrence_get_end (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  return self->end;
}

gboolean
treff_occurrence_get_cancelled (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), FALSE);

  return self->cancelled;
}

void
treff_occurrence_set_cancelled (TreffOccurrence *self,
                                gboolean         cancelled)
{
  g_return_if_fail (TREFF_IS_OCCURRENCE (self));

  cancelled = !!cancelled;
  if (self->cancelled != cancelled)
    {
      self->cancelled = cancelled;
      notify (self, PROP_CANCELLED, PROP_ACCESSIBLE_NAME, PROP_0);
    }
}

/* Whether the date does not take place: cancelled on its own, or with its
 * whole booking. */
gboolean
treff_occurrence_is_cancelled (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), FALSE);

  return self->cancelled ||
         treff_booking_get_status (self->booking) == TREFF_BOOKING_STATUS_CANCELLED;
}

gboolean
treff_occurrence_get_moved (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), FALSE);

  return !g_date_time_equal (self->start, self->original_start);
}

/* "18:00–19:30", "All day", or "Sat 18:00 – Sun 02:00". */
char *
treff_occurrence_dup_time_range (TreffOccurrence *self)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  if (treff_booking_get_all_day (self->booking))
    return g_strdup (_("All day"));

  return treff_format_time_range (self->start, self->end);
}

/* What a screen reader says for the date in the week plan:
 * "Yoga, Bewegungsraum, Wed, 11/25/2026, 18:00–19:30, requested". */
char *
treff_occurrence_dup_accessible_name (TreffOccurrence *self)
{
  g_autoptr(GString) name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *times = NULL;
  TreffBookingStatus status;

  g_return_val_if_fail (TREFF_IS_OCCURRENCE (self), NULL);

  date = treff_format_date (self->start);
  times = treff_occurrence_dup_time_range (self);
  status = treff_booking_get_status (self->booking);

  name = g_string_new (treff_occurrence_get_title (self));
  if (*self->room_name != '\0')
    g_string_append_printf (name, ", %s", self->room_name);
  g_string_append_printf (name, ", %s, %s", date, times);

  if (treff_occurrence_is_cancelled (self))
    /* Translators: the end of "Yoga, Bewegungsraum, Wed, 11/25/2026, 18:00–19:30, cancelled" */
    g_string_append_printf (name, ", %s", C_("state of a date", "cancelled"));
  else if (status == TREFF_BOOKING_STATUS_REQUESTED)
    /* Translators: the end of "Yoga, Bewegungsraum, Wed, 11/25/2026, 18:00–19:30, requested" */
    g_string_append_printf (name, ", %s", C_("state of a date", "requested"));

  return g_string_free (g_steal_pointer (&name), FALSE);
}
