/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-room.c — a room of the centre that can be booked */
#define G_LOG_DOMAIN "treff-room"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-error.h"
#include "treff-room.h"
#include "treff-util.h"

struct _TreffRoom
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  guint     capacity;
  char    **equipment;
  char     *colour;
  char     *notes;
  guint     accessible : 1;
  guint     bookable : 1;
  guint     archived : 1;
};

G_DEFINE_FINAL_TYPE (TreffRoom, treff_room, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CAPACITY,
  PROP_EQUIPMENT,
  PROP_ACCESSIBLE,
  PROP_COLOUR,
  PROP_BOOKABLE,
  PROP_NOTES,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
treff_room_finalize (GObject *object)
{
  TreffRoom *self = (TreffRoom *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->equipment, g_strfreev);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (treff_room_parent_class)->finalize (object);
}

static void
treff_room_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TreffRoom *self = TREFF_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CAPACITY:
      g_value_set_uint (value, self->capacity);
      break;
    case PROP_EQUIPMENT:
      g_value_set_boxed (value, self->equipment);
      break;
    case PROP_ACCESSIBLE:
      g_value_set_boolean (value, self->accessible);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case PROP_BOOKABLE:
      g_value_set_boolean (value, self->bookable);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_room_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TreffRoom *self = TREFF_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      treff_room_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      treff_room_set_name (self, g_value_get_string (value));
      break;
    case PROP_CAPACITY:
      treff_room_set_capacity (self, g_value_get_uint (value));
      break;
    case PROP_EQUIPMENT:
      treff_room_set_equipment (self, g_value_get_boxed (value));
      break;
    case PROP_ACCESSIBLE:
      treff_room_set_accessible (self, g_value_get_boolean (value));
      break;
    case PROP_COLOUR:
      treff_room_set_colour (self, g_value_get_string (value));
      break;
    case PROP_BOOKABLE:
      treff_room_set_bookable (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      treff_room_set_notes (self, g_value_get_string (value));
      break;
    case PROP_ARCHIVED:
      treff_room_set_archived (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_room_class_init (TreffRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = treff_room_finalize;
  object_class->get_property = treff_room_get_property;
  object_class->set_property = treff_room_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EQUIPMENT] =
    g_param_spec_boxed ("equipment", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCESSIBLE] =
    g_param_spec_boolean ("accessible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, "#3584e4",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOOKABLE] =
    g_param_spec_boolean ("bookable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
treff_room_init (TreffRoom *self)
{
  self->name = g_strdup ("");
  self->equipment = g_new0 (char *, 1);
  self->colour = g_strdup ("#3584e4");
  self->notes = g_strdup ("");
  self->bookable = TRUE;
}

TreffRoom *
treff_room_new (const char *name)
{
  return g_object_new (TREFF_TYPE_ROOM, "name", name, NULL);
}

TreffRoom *
treff_room_copy (TreffRoom *self)
{
  TreffRoom *copy;

  g_return_val_if_fail (TREFF_IS_ROOM (self), NULL);

  copy = g_object_new (TREFF_TYPE_ROOM, NULL);
  treff_room_assign (copy, self);
  return copy;
}

/* Takes over every value of @other, notifying only what really changed, so
 * a list can keep its objects when the store reloads them. */
void
treff_room_assign (TreffRoom *self,
                   TreffRoom *other)
{
  g_return_if_fail (TREFF_IS_ROOM (self));
  g_return_if_fail (TREFF_IS_ROOM (other));

  g_object_freeze_notify (G_OBJECT (self));
  treff_room_set_id (self, other->id);
  treff_room_set_name (self, other->name);
  treff_room_set_capacity (self, other->capacity);
  treff_room_set_equipment (self, (const char * const *)other->equipment);
  treff_room_set_accessible (self, other->accessible);
  treff_room_set_colour (self, other->colour);
  treff_room_set_bookable (self, other->bookable);
  treff_room_set_notes (self, other->notes);
  treff_room_set_archived (self, other->archived);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
treff_room_get_id (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), 0);

  return self->id;
}

void
treff_room_set_id (TreffRoom *self,
                   gint64     id)
{
  g_return_if_fail (TREFF_IS_ROOM (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
treff_room_get_name (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), NULL);

  return self->name;
}

/* Leading and trailing blanks are never part of a name. */
void
treff_room_set_name (TreffRoom  *self,
                     const char *name)
{
  g_return_if_fail (TREFF_IS_ROOM (self));

  if (treff_set_stripped_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

guint
treff_room_get_capacity (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), 0);

  return self->capacity;
}

void
treff_room_set_capacity (TreffRoom *self,
                         guint      capacity)
{
  g_return_if_fail (TREFF_IS_ROOM (self));

  if (self->capacity != capacity)
    {
      self->capacity = capacity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
    }
}

const char * const *
treff_room_get_equipment (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), NULL);

  return (const char * const *)self->equipment;
}

void
treff_room_set_equipment (TreffRoom          *self,
                          const char * const *equipment)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (TREFF_IS_ROOM (self));

  if (equipment == NULL)
    equipment = empty;

  if (g_strv_equal ((const char * const *)self->equipment, equipment))
    return;

  g_strfreev (self->equipment);
  self->equipment = g_strdupv ((char **)equipment);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EQUIPMENT]);
}

/* The equipment as the editor shows it: "Beamer, Küche". */
char *
treff_room_dup_equipment_text (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), NULL);

  return g_strjoinv (", ", self->equipment);
}

/* Splits what a user typed ("Beamer, Küche; Spiegel") into tags, without
 * blanks, empty entries or case-insensitive repetitions. */
char **
treff_room_parse_equipment (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) parts = NULL;

  parts = g_regex_split_simple ("[,;\\n]", text ? text : "", 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      char *key;

      if (*tag == '\0')
        continue;

      key = g_utf8_casefold (tag, -1);
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }

      g_hash_table_add (seen, key);
      g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

gboolean
treff_room_get_accessible (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), FALSE);

  return self->accessible;
}

void
treff_room_set_accessible (TreffRoom *self,
                           gboolean   accessible)
{
  g_return_if_fail (TREFF_IS_ROOM (self));

  accessible = !!accessible;
  if (self->accessible != accessible)
    {
      self->accessible = accessible;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE]);
    }
}

const char *
treff_room_get_colour (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), NULL);

  return self->colour;
}

void
treff_room_set_colour (TreffRoom  *self,
                       const char *colour)
{
  g_return_if_fail (TREFF_IS_ROOM (self));

  if (treff_set_string (&self->colour, colour))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

gboolean
treff_room_get_bookable (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), FALSE);

  return self->bookable;
}

void
treff_room_set_bookable (TreffRoom *self,
                         gboolean   bookable)
{
  g_return_if_fail (TREFF_IS_ROOM (self));

  bookable = !!bookable;
  if (self->bookable != bookable)
    {
      self->bookable = bookable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKABLE]);
    }
}

const char *
treff_room_get_notes (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), NULL);

  return self->notes;
}

void
treff_room_set_notes (TreffRoom  *self,
                      const char *notes)
{
  g_return_if_fail (TREFF_IS_ROOM (self));

  if (treff_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
treff_room_get_archived (TreffRoom *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), FALSE);

  return self->archived;
}

void
treff_room_set_archived (TreffRoom *self,
                         gboolean   archived)
{
  g_return_if_fail (TREFF_IS_ROOM (self));

  archived = !!archived;
  if (self->archived != archived)
    {
      self->archived = archived;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
    }
}

gboolean
treff_room_check_name (const char  *name,
                       GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Enter a name for the room."));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > TREFF_ROOM_NAME_MAX_CHARS)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("The room name is too long: use at most %d characters."),
                   TREFF_ROOM_NAME_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}

gboolean
treff_room_check_capacity (guint    capacity,
                           GError **error)
{
  if (capacity == 0)
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Enter how many people fit into the room."));
      return FALSE;
    }

  if (capacity > TREFF_ROOM_CAPACITY_MAX)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("%u people is not a plausible capacity for a room: enter at most %d."),
                   capacity, TREFF_ROOM_CAPACITY_MAX);
      return FALSE;
    }

  return TRUE;
}

gboolean
treff_room_check_colour (const char  *colour,
                         GError     **error)
{
  if (colour == NULL || !g_regex_match_simple ("^#[0-9a-fA-F]{6}$", colour, 0, 0))
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is not a colour: use the form #RRGGBB."),
                   colour ? colour : "");
      return FALSE;
    }

  return TRUE;
}

/* Checks everything that does not need the store (unique names do). */
gboolean
treff_room_validate (TreffRoom  *self,
                     GError    **error)
{
  g_return_val_if_fail (TREFF_IS_ROOM (self), FALSE);

  return treff_room_check_name (self->name, error) &&
         treff_room_check_capacity (self->capacity, error) &&
         treff_room_check_colour (self->colour, error);
}
