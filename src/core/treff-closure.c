/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-closure.c — a period the centre is closed, or a school-holiday period */
#define G_LOG_DOMAIN "treff-closure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-closure.h"
#include "treff-error.h"
#include "treff-format.h"
#include "treff-util.h"

struct _TreffClosure
{
  GObject           parent_instance;

  gint64            id;
  TreffClosureKind  kind;
  char             *title;
  GDate             first_day;
  GDate             last_day;
};

G_DEFINE_FINAL_TYPE (TreffClosure, treff_closure, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TreffClosureKind, treff_closure_kind,
  G_DEFINE_ENUM_VALUE (TREFF_CLOSURE_KIND_CLOSED, "closed"),
  G_DEFINE_ENUM_VALUE (TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "school-holidays"))

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
treff_closure_finalize (GObject *object)
{
  TreffClosure *self = (TreffClosure *)object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (treff_closure_parent_class)->finalize (object);
}

static void
treff_closure_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TreffClosure *self = TREFF_CLOSURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FIRST_DAY:
      g_value_set_boxed (value, &self->first_day);
      break;
    case PROP_LAST_DAY:
      g_value_set_boxed (value, &self->last_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_day (GDate       *field,
         const GDate *value)
{
  if (value != NULL && g_date_valid (value))
    *field = *value;
  else
    g_date_clear (field, 1);
}

static void
treff_closure_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TreffClosure *self = TREFF_CLOSURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      treff_closure_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_TITLE:
      treff_set_stripped_string (&self->title, g_value_get_string (value));
      break;
    case PROP_FIRST_DAY:
      set_day (&self->first_day, g_value_get_boxed (value));
      break;
    case PROP_LAST_DAY:
      set_day (&self->last_day, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_closure_class_init (TreffClosureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = treff_closure_finalize;
  object_class->get_property = treff_closure_get_property;
  object_class->set_property = treff_closure_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TREFF_TYPE_CLOSURE_KIND, TREFF_CLOSURE_KIND_CLOSED,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_DAY] =
    g_param_spec_boxed ("first-day", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_DAY] =
    g_param_spec_boxed ("last-day", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
treff_closure_init (TreffClosure *self)
{
  self->title = g_strdup ("");
  g_date_clear (&self->first_day, 1);
  g_date_clear (&self->last_day, 1);
}

/* @first_day and @last_day are both inside the period. Invalid or NULL
 * days are kept as unset, for treff_closure_validate () to name. */
TreffClosure *
treff_closure_new (TreffClosureKind  kind,
                   const char       *title,
                   const GDate      *first_day,
                   const GDate      *last_day)
{
  return g_object_new (TREFF_TYPE_CLOSURE,
                       "kind", kind,
                       "title", title,
                       "first-day", first_day,
                       "last-day", last_day,
                       NULL);
}

gint64
treff_closure_get_id (TreffClosure *self)
{
  g_return_val_if_fail (TREFF_IS_CLOSURE (self), 0);

  return self->id;
}

void
treff_closure_set_id (TreffClosure *self,
                      gint64        id)
{
  g_return_if_fail (TREFF_IS_CLOSURE (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

TreffClosureKind
treff_closure_get_kind (TreffClosure *self)
{
  g_return_val_if_fail (TREFF_IS_CLOSURE (self), TREFF_CLOSURE_KIND_CLOSED);

  return self->kind;
}

const char *
treff_closure_get_title (TreffClosure *self)
{
  g_return_val_if_fail (TREFF_IS_CLOSURE (self), NULL);

  return self->title;
}

const GDate *
treff_closure_get_first_day (TreffClosure *self)
{
  g_return_val_if_fail (TREFF_IS_CLOSURE (self), NULL);

  return &self->first_day;
}

const GDate *
treff_closure_get_last_day (TreffClosure *self)
{
  g_return_val_if_fail (TREFF_IS_CLOSURE (self), NULL);

  return &self->last_day;
}

/* Whether @day is in the period, the first and the last day included. */
gboolean
treff_closure_contains (TreffClosure *self,
                        const GDate  *day)
{
  g_return_val_if_fail (TREFF_IS_CLOSURE (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!g_date_valid (day) || !g_date_valid (&self->first_day) || !g_date_valid (&self->last_day))
    return FALSE;

  return g_date_compare (day, &self->first_day) >= 0 &&
         g_date_compare (day, &self->last_day) <= 0;
}

gboolean
treff_closure_validate (TreffClosure  *self,
                        GError       **error)
{
  guint days;

  g_return_val_if_fail (TREFF_IS_CLOSURE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*self->title == '\0')
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Enter a title for the period, such as “Summer closure” or “Autumn holidays”."));
      return FALSE;
    }

  if (!g_date_valid (&self->first_day) || !g_date_valid (&self->last_day))
    {
      g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Choose the first and the last day of the period."));
      return FALSE;
    }

  if (g_date_compare (&self->last_day, &self->first_day) < 0)
    {
      g_autofree char *first = treff_format_day (&self->first_day);
      g_autofree char *last = treff_format_day (&self->last_day);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("The last day, %s, is before the first day, %s."),
                   last, first);
      return FALSE;
    }

  days = g_date_days_between (&self->first_day, &self->last_day) + 1;
  if (days > TREFF_CLOSURE_MAX_DAYS)
    {
      g_autofree char *first = treff_format_day (&self->first_day);
      g_autofree char *last = treff_format_day (&self->last_day);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("A period can last at most %d days, but %s to %s are %u days."),
                   TREFF_CLOSURE_MAX_DAYS, first, last, days);
      return FALSE;
    }

  return TRUE;
}
