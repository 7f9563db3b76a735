/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-ical-import.c — reading an iCalendar file and previewing what importing it changes
 *
 * The file is read in one pass, line by line: its structure (BEGIN/END)
 * is checked here, with line numbers for every message, and each VEVENT
 * is handed to libical on its own, so a broken event spoils only itself
 * and a file of 20,000 events costs 20,000 small parses. Times become the
 * centre's local wall-clock time. The preview and the import itself are
 * the store's business (treff-store-import.c). */
#define G_LOG_DOMAIN "treff-ical-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "treff-error.h"
#include "treff-format.h"
#include "treff-ical-import.h"
#include "treff-recurrence-private.h"
#include "treff-util.h"

/* Components deeper than this are not something a calendar program writes. */
#define MAX_NESTING 16

/* Dates outside these years are typing errors, not bookings. */
#define FIRST_YEAR 1900
#define LAST_YEAR  2200

G_DEFINE_ENUM_TYPE (TreffImportTarget, treff_import_target,
                    G_DEFINE_ENUM_VALUE (TREFF_IMPORT_TARGET_BOOKINGS, "bookings"),
                    G_DEFINE_ENUM_VALUE (TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS, "school-holidays"),
                    G_DEFINE_ENUM_VALUE (TREFF_IMPORT_TARGET_CLOSURES, "closures"))

G_DEFINE_ENUM_TYPE (TreffImportState, treff_import_state,
                    G_DEFINE_ENUM_VALUE (TREFF_IMPORT_STATE_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (TREFF_IMPORT_STATE_UPDATE, "update"),
                    G_DEFINE_ENUM_VALUE (TREFF_IMPORT_STATE_OUTSIDE_HOURS, "outside-hours"),
                    G_DEFINE_ENUM_VALUE (TREFF_IMPORT_STATE_CONFLICT, "conflict"),
                    G_DEFINE_ENUM_VALUE (TREFF_IMPORT_STATE_UNPARSEABLE, "unparseable"))

/* ------------------------------------------------------------------ */
/* TreffImportItem: one event of the file and what importing it does  */
/* ------------------------------------------------------------------ */

struct _TreffImportItem
{
  GObject           parent_instance;

  TreffImportState  state;
  gboolean          selected;
  gboolean          is_update;
  guint             line;
  char             *uid;
  char             *summary;
  char             *when;          /* "Wed, 1/14/2026 18:00–19:30 · Every week on Wed, …" */
  char             *read_note;     /* what reading the event changed, or NULL */
  char             *outside_hours; /* why it is outside opening hours, or NULL */
  char             *message;
  TreffBooking     *booking;
  TreffClosure     *closure;
  GPtrArray        *cancelled_starts;
  GPtrArray        *moved_dates;
};

G_DEFINE_FINAL_TYPE (TreffImportItem, treff_import_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_STATE,
  ITEM_PROP_SELECTED,
  ITEM_PROP_MESSAGE,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
moved_date_free (TreffImportMovedDate *moved)
{
  g_clear_pointer (&moved->original_start, g_date_time_unref);
  g_clear_pointer (&moved->start, g_date_time_unref);
  g_clear_pointer (&moved->end, g_date_time_unref);
  g_free (moved->title);
  g_free (moved);
}

static void
treff_import_item_finalize (GObject *object)
{
  TreffImportItem *self = TREFF_IMPORT_ITEM (object);

  g_free (self->uid);
  g_free (self->summary);
  g_free (self->when);
  g_free (self->read_note);
  g_free (self->outside_hours);
  g_free (self->message);
  g_clear_object (&self->booking);
  g_clear_object (&self->closure);
  g_clear_pointer (&self->cancelled_starts, g_ptr_array_unref);
  g_clear_pointer (&self->moved_dates, g_ptr_array_unref);

  G_OBJECT_CLASS (treff_import_item_parent_class)->finalize (object);
}

static void
treff_import_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TreffImportItem *self = TREFF_IMPORT_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case ITEM_PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    case ITEM_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_import_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TreffImportItem *self = TREFF_IMPORT_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_SELECTED:
      treff_import_item_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_import_item_class_init (TreffImportItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = treff_import_item_finalize;
  object_class->get_property = treff_import_item_get_property;
  object_class->set_property = treff_import_item_set_property;

  item_properties[ITEM_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TREFF_TYPE_IMPORT_STATE, TREFF_IMPORT_STATE_NEW,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
treff_import_item_init (TreffImportItem *self)
{
  self->cancelled_starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  self->moved_dates = g_ptr_array_new_with_free_func ((GDestroyNotify)moved_date_free);
}

static TreffImportItem *
treff_import_item_new (guint       line,
                       const char *uid,
                       const char *summary)
{
  TreffImportItem *self = g_object_new (TREFF_TYPE_IMPORT_ITEM, NULL);

  self->line = line;
  self->uid = g_strdup (uid ? uid : "");
  self->summary = g_strdup (summary);
  return self;
}

TreffImportState
treff_import_item_get_state (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), TREFF_IMPORT_STATE_UNPARSEABLE);

  return self->state;
}

gboolean
treff_import_item_is_importable (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), FALSE);

  return self->state == TREFF_IMPORT_STATE_NEW ||
         self->state == TREFF_IMPORT_STATE_UPDATE ||
         self->state == TREFF_IMPORT_STATE_OUTSIDE_HOURS;
}

gboolean
treff_import_item_get_selected (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), FALSE);

  return self->selected;
}

/* Only importable events can be chosen. */
void
treff_import_item_set_selected (TreffImportItem *self,
                                gboolean         selected)
{
  g_return_if_fail (TREFF_IS_IMPORT_ITEM (self));

  selected = selected && treff_import_item_is_importable (self);
  if (self->selected == selected)
    return;

  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_SELECTED]);
}

/* The line of the file on which the event begins. */
guint
treff_import_item_get_line (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), 0);

  return self->line;
}

const char *
treff_import_item_get_uid (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), NULL);

  return self->uid;
}

const char *
treff_import_item_get_summary (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), NULL);

  return self->summary;
}

const char *
treff_import_item_get_message (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), NULL);

  return self->message ? self->message : "";
}

/**
 * treff_import_item_get_booking:
 *
 * Returns: (transfer none) (nullable): the booking the event becomes
 */
TreffBooking *
treff_import_item_get_booking (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), NULL);

  return self->booking;
}

/**
 * treff_import_item_get_closure:
 *
 * Returns: (transfer none) (nullable): the period the event becomes
 */
TreffClosure *
treff_import_item_get_closure (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), NULL);

  return self->closure;
}

/**
 * treff_import_item_get_cancelled_starts:
 *
 * Returns: (transfer none) (element-type GDateTime): dates of the series
 *   that the file cancels (EXDATE, cancelled RECURRENCE-IDs)
 */
GPtrArray *
treff_import_item_get_cancelled_starts (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), NULL);

  return self->cancelled_starts;
}

/**
 * treff_import_item_get_moved_dates:
 *
 * Returns: (transfer none) (element-type TreffImportMovedDate):
 */
GPtrArray *
treff_import_item_get_moved_dates (TreffImportItem *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_ITEM (self), NULL);

  return self->moved_dates;
}

static void
set_state_and_message (TreffImportItem  *self,
                       TreffImportState  state,
                       char             *message)
{
  gboolean state_changed = self->state != state;

  self->state = state;
  g_free (self->message);
  self->message = message;

  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_MESSAGE]);

  if (!treff_import_item_is_importable (self))
    treff_import_item_set_selected (self, FALSE);
}

/* The sentences that are there, separated by spaces. */
static char *
join_sentences (const char * const *sentences,
                guint               n_sentences)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_sentences; i++)
    {
      if (sentences[i] == NULL || *sentences[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentences[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The sentences of @notes separated by spaces, or NULL if there are none. */
static char *
join_notes (GPtrArray *notes)
{
  char *text;

  if (notes->len == 0)
    return NULL;

  g_ptr_array_add (notes, NULL);
  text = g_strjoinv (" ", (char **)notes->pdata);
  g_ptr_array_remove_index (notes, notes->len - 1);
  return text;
}

/* Marks an event that cannot be imported, naming the line. */
static void
set_unparseable (TreffImportItem *self,
                 guint            line,
                 const char      *reason)
{
  /* Translators: "Line 12: The event has no start time (DTSTART)." */
  set_state_and_message (self, TREFF_IMPORT_STATE_UNPARSEABLE,
                         g_strdup_printf (_("Line %u: %s"), line, reason));
}

/**
 * treff_import_item_set_result:
 * @is_update: whether it replaces what an earlier import created
 * @note: (nullable): what the store left out, as a sentence
 *
 * Records that the event can be imported (the store's side calls this).
 */
void
treff_import_item_set_result (TreffImportItem *self,
                              gboolean         is_update,
                              const char      *note)
{
  g_autofree char *lead = NULL;
  TreffImportState state;

  g_return_if_fail (TREFF_IS_IMPORT_ITEM (self));

  self->is_update = is_update;
  if (is_update)
    /* Translators: %s says when, "Wed, 1/14/2026 18:00–19:30" */
    lead = g_strdup_printf (_("Updates the earlier import: %s."), self->when);
  else
    /* Translators: %s says when, "Wed, 1/14/2026 18:00–19:30" */
    lead = g_strdup_printf (_("New: %s."), self->when);

  if (self->outside_hours != NULL)
    state = TREFF_IMPORT_STATE_OUTSIDE_HOURS;
  else
    state = is_update ? TREFF_IMPORT_STATE_UPDATE : TREFF_IMPORT_STATE_NEW;

  {
    const char *sentences[] = { lead, self->outside_hours, self->read_note, note };

    set_state_and_message (self, state, join_sentences (sentences, G_N_ELEMENTS (sentences)));
  }
}

/**
 * treff_import_item_set_failure:
 *
 * Records why the event cannot be imported: a conflict with another
 * booking, a closure or holiday (%TREFF_ERROR_CONFLICT), or a value the
 * store refuses.
 */
void
treff_import_item_set_failure (TreffImportItem *self,
                               const GError    *error)
{
  g_return_if_fail (TREFF_IS_IMPORT_ITEM (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, TREFF_ERROR, TREFF_ERROR_CONFLICT))
    set_state_and_message (self, TREFF_IMPORT_STATE_CONFLICT, g_strdup (error->message));
  else
    set_unparseable (self, self->line, error->message);
}

const char *
treff_import_state_to_icon_name (TreffImportState state)
{
  switch (state)
    {
    case TREFF_IMPORT_STATE_NEW:
      return "list-add-symbolic";
    case TREFF_IMPORT_STATE_UPDATE:
      return "view-refresh-symbolic";
    case TREFF_IMPORT_STATE_OUTSIDE_HOURS:
      return "alarm-symbolic";
    case TREFF_IMPORT_STATE_CONFLICT:
      return "dialog-warning-symbolic";
    case TREFF_IMPORT_STATE_UNPARSEABLE:
    default:
      return "dialog-error-symbolic";
    }
}

/* A word for the state, as a screen reader says the state icon. */
const char *
treff_import_state_to_label (TreffImportState state)
{
  switch (state)
    {
    case TREFF_IMPORT_STATE_NEW:
      return C_("import state", "New");
    case TREFF_IMPORT_STATE_UPDATE:
      return C_("import state", "Update");
    case TREFF_IMPORT_STATE_OUTSIDE_HOURS:
      return C_("import state", "Outside opening hours");
    case TREFF_IMPORT_STATE_CONFLICT:
      return C_("import state", "Conflict");
    case TREFF_IMPORT_STATE_UNPARSEABLE:
    default:
      return C_("import state", "Cannot be imported");
    }
}

/* ------------------------------------------------------------------ */
/* Events as read from the file                                       */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint            line;          /* of BEGIN:VEVENT */
  char            *uid;
  char            *summary;
  char            *description;
  char            *location;
  char            *organiser;
  guint            error_line;
  char            *error;         /* why the event cannot be read, or NULL */
  gboolean         superseded;    /* a later copy of the same UID replaces it */
  guint            superseded_by; /* that copy's line */
  gboolean         has_recurrence_id;
  GDateTime       *recurrence_id; /* the slot of the series it changes (local) */
  gboolean         recurrence_id_is_date;
  gboolean         is_override;   /* was merged into its series */
  TreffBookingStatus status;
  gboolean         is_private;
  gboolean         all_day;
  GDateTime       *start;         /* local */
  GDateTime       *end;
  gboolean         has_rrule;
  guint            rrule_line;
  char            *rrule_error;   /* why the repetition cannot be represented */
  TreffRecurrence  recurrence;
  GPtrArray       *notes;         /* sentences */
  GPtrArray       *exdates;       /* GDateTime, local */
  GPtrArray       *moved;         /* TreffImportMovedDate */
  guint            n_unknown_overrides;
} ImportEvent;

static void
import_event_free (ImportEvent *event)
{
  g_free (event->uid);
  g_free (event->summary);
  g_free (event->description);
  g_free (event->location);
  g_free (event->organiser);
  g_free (event->error);
  g_clear_pointer (&event->recurrence_id, g_date_time_unref);
  g_clear_pointer (&event->start, g_date_time_unref);
  g_clear_pointer (&event->end, g_date_time_unref);
  g_free (event->rrule_error);
  g_clear_pointer (&event->notes, g_ptr_array_unref);
  g_clear_pointer (&event->exdates, g_ptr_array_unref);
  g_clear_pointer (&event->moved, g_ptr_array_unref);
  g_free (event);
}

static ImportEvent *
import_event_new (guint line)
{
  ImportEvent *event = g_new0 (ImportEvent, 1);

  event->line = line;
  event->status = TREFF_BOOKING_STATUS_CONFIRMED;
  treff_recurrence_init_none (&event->recurrence);
  event->notes = g_ptr_array_new_with_free_func (g_free);
  event->exdates = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  event->moved = g_ptr_array_new_with_free_func ((GDestroyNotify)moved_date_free);
  return event;
}

/* Keeps the first reason: it is usually the cause of the others. */
static void
event_fail (ImportEvent *event,
            guint        line,
            char        *reason)
{
  if (event->error != NULL)
    {
      g_free (reason);
      return;
    }

  event->error = reason;
  event->error_line = line;
}

/* ------------------------------------------------------------------ */
/* TreffIcalImport                                                    */
/* ------------------------------------------------------------------ */

struct _TreffIcalImport
{
  GObject            parent_instance;

  char              *file_name;
  GPtrArray         *events;      /* ImportEvent, in file order */
  GPtrArray         *notes;       /* sentences about the whole file */
  char              *notes_text;
  guint              first_hour;
  guint              last_hour;
  TreffImportTarget  target;
  gint64             room_id;
  GListStore        *items;
};

G_DEFINE_FINAL_TYPE (TreffIcalImport, treff_ical_import, G_TYPE_OBJECT)

static void
treff_ical_import_finalize (GObject *object)
{
  TreffIcalImport *self = TREFF_ICAL_IMPORT (object);

  g_free (self->file_name);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self->notes_text);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (treff_ical_import_parent_class)->finalize (object);
}

static void
treff_ical_import_class_init (TreffIcalImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = treff_ical_import_finalize;
}

static void
treff_ical_import_init (TreffIcalImport *self)
{
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify)import_event_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->items = g_list_store_new (TREFF_TYPE_IMPORT_ITEM);
  self->first_hour = 0;
  self->last_hour = 24;
}

TreffIcalImport *
treff_ical_import_new (void)
{
  return g_object_new (TREFF_TYPE_ICAL_IMPORT, NULL);
}

/**
 * treff_ical_import_set_opening_hours:
 * @first_hour: when the centre opens, 0–23 (GSettings "day-start-hour")
 * @last_hour: when it closes, 1–24 ("day-end-hour")
 *
 * Bookings outside these hours are marked in the next preview.
 */
void
treff_ical_import_set_opening_hours (TreffIcalImport *self,
                                     guint            first_hour,
                                     guint            last_hour)
{
  g_return_if_fail (TREFF_IS_ICAL_IMPORT (self));
  g_return_if_fail (first_hour < last_hour && last_hour <= 24);

  self->first_hour = first_hour;
  self->last_hour = last_hour;
}

const char *
treff_ical_import_get_file_name (TreffIcalImport *self)
{
  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), NULL);

  return self->file_name;
}

/* The number of events read (a series counts once, with its changed dates). */
guint
treff_ical_import_get_n_events (TreffIcalImport *self)
{
  guint n = 0;

  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), 0);

  for (guint i = 0; i < self->events->len; i++)
    {
      ImportEvent *event = g_ptr_array_index (self->events, i);

      if (!event->is_override)
        n++;
    }

  return n;
}

/**
 * treff_ical_import_get_notes:
 *
 * Returns: (nullable): sentences about the whole file, such as its
 *   character set being converted, or %NULL
 */
const char *
treff_ical_import_get_notes (TreffIcalImport *self)
{
  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), NULL);

  return self->notes_text;
}

TreffImportTarget
treff_ical_import_get_target (TreffIcalImport *self)
{
  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), TREFF_IMPORT_TARGET_BOOKINGS);

  return self->target;
}

gint64
treff_ical_import_get_room_id (TreffIcalImport *self)
{
  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), 0);

  return self->room_id;
}

/**
 * treff_ical_import_get_items:
 *
 * The items of the last preview. Every preview makes a new list: take
 * this again after treff_ical_import_preview().
 *
 * Returns: (transfer none): a list of #TreffImportItem, in file order
 */
GListModel *
treff_ical_import_get_items (TreffIcalImport *self)
{
  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* ------------------------------------------------------------------ */
/* Characters                                                         */
/* ------------------------------------------------------------------ */

static guint
count_lines_before (const char *data,
                    const char *position)
{
  guint line = 1;

  for (const char *p = data; p < position; p++)
    if (*p == '\n')
      line++;

  return line;
}

/* The file as UTF-8. Calendars from old Windows programs are often
 * Windows-1252 (Latin-1 with €, „ and “): those are converted, and the
 * preview says so. */
static char *
dup_as_utf8 (TreffIcalImport  *self,
             const char       *data,
             gsize             length,
             GError          **error)
{
  const char *invalid = NULL;
  char *converted;

  /* A byte-order mark is allowed, but not part of the text. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      converted = g_convert (data, length, "UTF-8", "UTF-16", NULL, NULL, NULL);
      if (converted != NULL)
        return converted;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is not a calendar file: it contains binary data, not text."),
                   self->file_name);
      return NULL;
    }

  if (g_utf8_validate (data, length, &invalid))
    return g_strndup (data, length);

  converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (converted == NULL)
    converted = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  if (converted == NULL)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("Line %u of “%s” is not UTF-8 text, and the file cannot be converted. "
                     "Save it as UTF-8 in the calendar program and try again."),
                   count_lines_before (data, invalid), self->file_name);
      return NULL;
    }

  g_ptr_array_add (self->notes,
                   g_strdup_printf (_("The file is not in UTF-8 (first on line %u): it was read as "
                                      "Western European text (Windows-1252). Check umlauts and special "
                                      "characters in the titles."),
                                    count_lines_before (data, invalid)));
  return converted;
}

/* ------------------------------------------------------------------ */
/* Time zones and times                                               */
/* ------------------------------------------------------------------ */

/* Outlook and Exchange name zones the Windows way; used when a file has
 * no VTIMEZONE for them. */
static const struct
{
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "Romance Standard Time", "Europe/Paris" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "Eastern Standard Time", "America/New_York" },
  { "Central Standard Time", "America/Chicago" },
  { "Mountain Standard Time", "America/Denver" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "UTC", "UTC" },
  { "Coordinated Universal Time", "UTC" },
};

typedef struct
{
  GTimeZone  *centre;
  GHashTable *file_zones;   /* TZID → icaltimezone from the file's VTIMEZONE */
  GHashTable *named_zones;  /* TZID → GTimeZone, or NULL when unknown */
} Zones;

static void
free_file_zone (gpointer zone)
{
  icaltimezone_free (zone, 1);
}

/* Unknown names are remembered as NULL. */
static void
free_named_zone (gpointer zone)
{
  if (zone != NULL)
    g_time_zone_unref (zone);
}

static void
zones_init (Zones     *zones,
            GTimeZone *centre)
{
  zones->centre = g_time_zone_ref (centre);
  zones->file_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_file_zone);
  zones->named_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_named_zone);
}

static void
zones_clear (Zones *zones)
{
  g_clear_pointer (&zones->centre, g_time_zone_unref);
  g_clear_pointer (&zones->file_zones, g_hash_table_unref);
  g_clear_pointer (&zones->named_zones, g_hash_table_unref);
}

static GTimeZone *
new_zone_or_null (const char *identifier)
{
  /* Only names: GLib reads "+01:00" as a fixed offset, which no
   * calendar program means by a TZID. */
  if (identifier == NULL || *identifier == '\0' || *identifier == '+' || *identifier == '-')
    return NULL;

  return g_time_zone_new_identifier (identifier);
}

/* "Europe/Berlin", "/freeassociation.sourceforge.net/Europe/Berlin",
 * "/mozilla.org/20050126_1/Europe/Berlin", "W. Europe Standard Time",
 * "(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien". */
static GTimeZone *
resolve_named_zone (const char *tzid)
{
  g_autofree char *name = g_strstrip (g_strdup (tzid));
  GTimeZone *zone;
  const char *slash;

  /* Quotes around a parameter value are not part of it. */
  if (name[0] == '"' && strlen (name) > 1 && name[strlen (name) - 1] == '"')
    {
      name[strlen (name) - 1] = '\0';
      memmove (name, name + 1, strlen (name));
    }

  if ((zone = new_zone_or_null (name)) != NULL)
    return zone;

  /* Prefixed TZIDs end in the IANA name: try ever shorter tails. */
  for (slash = strchr (name, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    {
      if ((zone = new_zone_or_null (slash + 1)) != NULL)
        return zone;
    }

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    {
      if (g_ascii_strcasecmp (name, windows_zones[i].windows) == 0)
        return g_time_zone_new_identifier (windows_zones[i].iana);
    }

  if (strstr (name, "Berlin") != NULL)
    return g_time_zone_new_identifier ("Europe/Berlin");

  return NULL;
}

static GTimeZone *
zones_lookup_named (Zones      *zones,
                    const char *tzid)
{
  gpointer zone;

  if (!g_hash_table_lookup_extended (zones->named_zones, tzid, NULL, &zone))
    {
      zone = resolve_named_zone (tzid);
      g_hash_table_insert (zones->named_zones, g_strdup (tzid), zone);
    }

  return zone;
}

static gboolean
is_valid_time (struct icaltimetype tt)
{
  if (tt.year < FIRST_YEAR || tt.year > LAST_YEAR ||
      !g_date_valid_dmy (tt.day, tt.month, tt.year))
    return FALSE;

  if (tt.is_date)
    return TRUE;

  /* 60 is a leap second. */
  return tt.hour >= 0 && tt.hour < 24 && tt.minute >= 0 && tt.minute < 60 &&
         tt.second >= 0 && tt.second <= 60;
}

typedef enum
{
  TIME_OK,
  TIME_INVALID,
  TIME_UNKNOWN_ZONE,
} TimeResult;

/* @tt in the centre's time zone. A date is its midnight; a floating time
 * is the centre's own wall clock. */
static TimeResult
zones_to_local (Zones                *zones,
                struct icaltimetype   tt,
                const char           *tzid,
                GDateTime           **local)
{
  g_autoptr(GDateTime) instant = NULL;
  int second;
  icaltimezone *file_zone;
  GTimeZone *named_zone;

  *local = NULL;

  if (!is_valid_time (tt))
    return TIME_INVALID;

  if (tt.is_date)
    {
      *local = treff_recurrence_new_date_time (zones->centre, tt.year, tt.month, tt.day, 0, 0, 0);
      return *local ? TIME_OK : TIME_INVALID;
    }

  second = MIN (tt.second, 59);

  if (icaltime_is_utc (tt))
    {
      instant = g_date_time_new_utc (tt.year, tt.month, tt.day, tt.hour, tt.minute, second);
    }
  else if (tzid != NULL && (file_zone = g_hash_table_lookup (zones->file_zones, tzid)) != NULL)
    {
      struct icaltimetype wall = tt;

      wall.zone = NULL;
      wall.second = second;
      instant = g_date_time_new_from_unix_utc ((gint64)icaltime_as_timet_with_zone (wall, file_zone));
    }
  else if (tzid != NULL)
    {
      named_zone = zones_lookup_named (zones, tzid);
      if (named_zone == NULL)
        return TIME_UNKNOWN_ZONE;
      instant = treff_recurrence_new_date_time (named_zone, tt.year, tt.month, tt.day,
                                                tt.hour, tt.minute, second);
    }
  else
    {
      *local = treff_recurrence_new_date_time (zones->centre, tt.year, tt.month, tt.day,
                                               tt.hour, tt.minute, second);
      return *local ? TIME_OK : TIME_INVALID;
    }

  if (instant == NULL)
    return TIME_INVALID;

  *local = g_date_time_to_timezone (instant, zones->centre);
  return TIME_OK;
}

/* ------------------------------------------------------------------ */
/* One VEVENT                                                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  Zones        zones;
  const char  *block;       /* the VEVENT's text */
  guint        block_line;  /* its first line */
} ReadContext;

/* The line of the first property @name in the block, for messages. */
static guint
find_property_line (ReadContext *context,
                    const char  *name)
{
  gsize name_length = strlen (name);
  guint line = context->block_line;

  for (const char *p = context->block; *p != '\0'; line++)
    {
      if (g_ascii_strncasecmp (p, name, name_length) == 0 &&
          (p[name_length] == ':' || p[name_length] == ';'))
        return line;

      p = strchr (p, '\n');
      if (p == NULL)
        break;
      p++;
    }

  return context->block_line;
}

static char *
dup_text_property (icalcomponent  *event,
                   icalproperty_kind kind)
{
  icalproperty *property = icalcomponent_get_first_property (event, kind);
  icalvalue *value;
  const char *text;

  if (property == NULL || (value = icalproperty_get_value (property)) == NULL)
    return NULL;

  /* Text values unescaped ("\n" is a line break, "\," a comma). */
  if (icalvalue_isa (value) == ICAL_TEXT_VALUE)
    text = icalvalue_get_text (value);
  else
    text = icalproperty_get_value_as_string (property);
  if (text == NULL)
    return NULL;

  return g_strstrip (g_strdup (text));
}

/* DTSTART, DTEND, EXDATE and RECURRENCE-ID: the raw time and its TZID. */
static gboolean
get_time_property (icalproperty         *property,
                   struct icaltimetype  *tt,
                   const char          **tzid)
{
  icalvalue *value = icalproperty_get_value (property);
  icalparameter *parameter;

  if (value == NULL)
    return FALSE;

  switch (icalvalue_isa (value))
    {
    case ICAL_DATE_VALUE:
      *tt = icalvalue_get_date (value);
      tt->is_date = 1;
      break;
    case ICAL_DATETIME_VALUE:
    case ICAL_DATETIMEDATE_VALUE:
      *tt = icalvalue_get_datetime (value);
      break;
    default:
      return FALSE;
    }

  parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  *tzid = parameter ? icalparameter_get_tzid (parameter) : NULL;
  return TRUE;
}

static char *
describe_time_problem (TimeResult  result,
                       const char *property_name,
                       const char *tzid)
{
  if (result == TIME_UNKNOWN_ZONE)
    /* Translators: "Its start time (DTSTART) is in the time zone “Mars/Olympus”, which is unknown…" */
    return g_strdup_printf (_("Its %s is in the time zone “%s”, which is neither described in the file "
                              "nor known to this computer."),
                            property_name, tzid);

  /* Translators: "Its start time (DTSTART) is not a valid date or time." */
  return g_strdup_printf (_("Its %s is not a valid date or time."), property_name);
}

/* Reads DTSTART (or RECURRENCE-ID, EXDATE) into local time; on failure
 * the event is marked with the reason. */
static GDateTime *
read_time (ReadContext   *context,
           ImportEvent   *event,
           icalproperty  *property,
           const char    *ical_name,
           const char    *property_name,
           gboolean      *is_date)
{
  struct icaltimetype tt;
  const char *tzid = NULL;
  GDateTime *local = NULL;
  TimeResult result;

  if (!get_time_property (property, &tt, &tzid))
    result = TIME_INVALID;
  else
    result = zones_to_local (&context->zones, tt, tzid, &local);

  if (result != TIME_OK)
    {
      event_fail (event, find_property_line (context, ical_name),
                  describe_time_problem (result, property_name, tzid));
      return NULL;
    }

  if (is_date != NULL)
    *is_date = tt.is_date;
  return local;
}

/* libical turns a property it cannot read into X-LIC-ERROR and drops it:
 * for the properties that decide the dates, that must not pass silently. */
static void
check_parse_errors (ReadContext   *context,
                    ImportEvent   *event,
                    icalcomponent *vevent)
{
  static const struct
  {
    const char *ical_name;
    const char *property_name;
  } important[] = {
    { "DTSTART", N_("start time (DTSTART)") },
    { "DTEND", N_("end time (DTEND)") },
    { "DURATION", N_("duration (DURATION)") },
    { "RRULE", N_("repetition rule (RRULE)") },
    { "EXDATE", N_("cancelled dates (EXDATE)") },
    { "RECURRENCE-ID", N_("changed date (RECURRENCE-ID)") },
    { "RDATE", N_("extra dates (RDATE)") },
  };

  for (icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_XLICERROR_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (vevent, ICAL_XLICERROR_PROPERTY))
    {
      const char *text = icalproperty_get_xlicerror (property);

      for (guint i = 0; text != NULL && i < G_N_ELEMENTS (important); i++)
        {
          g_autofree char *needle = g_strdup_printf (" %s ", important[i].ical_name);

          if (strstr (text, needle) != NULL)
            {
              /* Translators: "Its start time (DTSTART) cannot be read." */
              event_fail (event, find_property_line (context, important[i].ical_name),
                          g_strdup_printf (_("Its %s cannot be read."), _(important[i].property_name)));
              return;
            }
        }
    }
}

static guint
iso_weekday (GDateTime *date_time)
{
  return g_date_time_get_day_of_week (date_time);
}

static int
seconds_of_day (GDateTime *date_time)
{
  return g_date_time_get_hour (date_time) * 3600 + g_date_time_get_minute (date_time) * 60 +
         g_date_time_get_second (date_time);
}

static void
set_unsupported_rrule (ImportEvent *event,
                       const char  *text)
{
  g_clear_pointer (&event->rrule_error, g_free);
  /* Translators: %s is the rule as in the file, "FREQ=YEARLY;BYMONTH=5" */
  event->rrule_error = g_strdup_printf (_("Its repetition “%s” cannot be represented as a Treffpunkt "
                                          "series (daily, weekly on chosen weekdays, monthly on a date "
                                          "or on a weekday), so it is not imported."),
                                        text);
}

/* The RRULE as a TreffRecurrence on the centre's wall clock. Forms
 * other programs write for the same thing are accepted: weekly without
 * BYDAY, daily on weekdays, monthly with BYSETPOS=1 (Outlook). */
static void
read_recurrence (ReadContext   *context,
                 ImportEvent   *event,
                 icalproperty  *property,
                 struct icaltimetype dtstart,
                 const char    *dtstart_tzid)
{
  struct icalrecurrencetype rule = icalproperty_get_rrule (property);
  g_autofree char *original_text = NULL;
  g_autoptr(GError) error = NULL;
  char *raw;
  TreffRecurrence recurrence;
  GDate first_day, last_day;
  int count = rule.count;
  struct icaltimetype until = rule.until;
  guint n_by_day;

  event->has_rrule = TRUE;
  event->rrule_line = find_property_line (context, "RRULE");

  raw = icalproperty_get_value_as_string_r (property);
  original_text = g_strdup (raw ? raw : "");
  free (raw);

  if (rule.freq == ICAL_NO_RECURRENCE || rule.rscale != NULL)
    {
      set_unsupported_rrule (event, original_text);
      return;
    }

  /* The weekdays of the rule are those of the event's own zone. */
  if (!dtstart.is_date && !icaltime_is_utc (dtstart) && is_valid_time (dtstart))
    {
      GDate own;

      g_date_clear (&own, 1);
      g_date_set_dmy (&own, dtstart.day, dtstart.month, dtstart.year);
      if (g_date_get_weekday (&own) != iso_weekday (event->start))
        {
          set_unsupported_rrule (event, original_text);
          return;
        }
    }
  else if (icaltime_is_utc (dtstart) && (rule.freq == ICAL_WEEKLY_RECURRENCE || rule.freq == ICAL_MONTHLY_RECURRENCE))
    {
      /* A UTC rule repeats on UTC weekdays. */
      g_autoptr(GDateTime) utc = g_date_time_to_utc (event->start);

      if (iso_weekday (utc) != iso_weekday (event->start))
        {
          set_unsupported_rrule (event, original_text);
          return;
        }
    }

  n_by_day = treff_ical_count_by (rule.by_day, ICAL_BY_DAY_SIZE);

  if (rule.freq == ICAL_DAILY_RECURRENCE && n_by_day > 0 && rule.interval <= 1)
    {
      gboolean plain_days = TRUE;

      for (guint i = 0; i < n_by_day; i++)
        plain_days &= icalrecurrencetype_day_position (rule.by_day[i]) == 0;
      if (plain_days)
        rule.freq = ICAL_WEEKLY_RECURRENCE;
    }

  if (rule.freq == ICAL_WEEKLY_RECURRENCE && n_by_day == 0)
    {
      rule.by_day[0] = treff_ical_encode_by_day (0, treff_ical_weekday_from_iso (iso_weekday (event->start)));
      rule.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
      n_by_day = 1;
    }

  if (rule.freq == ICAL_MONTHLY_RECURRENCE &&
      treff_ical_count_by (rule.by_set_pos, ICAL_BY_SETPOS_SIZE) == 1 && n_by_day == 1 &&
      icalrecurrencetype_day_position (rule.by_day[0]) == 0)
    {
      int position = rule.by_set_pos[0];

      if ((position >= 1 && position <= 4) || position == -1)
        {
          rule.by_day[0] = treff_ical_encode_by_day (position, icalrecurrencetype_day_day_of_week (rule.by_day[0]));
          rule.by_set_pos[0] = ICAL_RECURRENCE_ARRAY_MAX;
        }
    }

  if (rule.freq == ICAL_MONTHLY_RECURRENCE && n_by_day == 1 &&
      treff_ical_weekday_to_iso (icalrecurrencetype_day_day_of_week (rule.by_day[0])) != iso_weekday (event->start))
    {
      set_unsupported_rrule (event, original_text);
      return;
    }

  if (rule.freq == ICAL_MONTHLY_RECURRENCE && treff_ical_count_by (rule.by_month_day, ICAL_BY_MONTHDAY_SIZE) == 1 &&
      rule.by_month_day[0] != g_date_time_get_day_of_month (event->start))
    {
      set_unsupported_rrule (event, original_text);
      return;
    }

  /* With one weekday (or every week), the week start changes nothing. */
  if (rule.week_start != ICAL_MONDAY_WEEKDAY && (rule.interval <= 1 || n_by_day <= 1))
    rule.week_start = ICAL_MONDAY_WEEKDAY;

  /* The end is read below, on the centre's wall clock. */
  rule.count = 0;
  rule.until = icaltime_null_time ();

  if (!treff_recurrence_from_ical (&recurrence, &rule))
    {
      set_unsupported_rrule (event, original_text);
      return;
    }

  treff_date_from_date_time (&first_day, event->start);

  if (count > 0)
    {
      recurrence.count = (guint)count;
    }
  else if (!icaltime_is_null_time (until))
    {
      g_autoptr(GDateTime) until_local = NULL;
      const char *until_tzid = icaltime_is_utc (until) || until.is_date ? NULL : dtstart_tzid;

      if (zones_to_local (&context->zones, until, until_tzid, &until_local) != TIME_OK)
        {
          set_unsupported_rrule (event, original_text);
          return;
        }

      treff_date_from_date_time (&last_day, until_local);
      /* UNTIL is the last moment a date may start: a date later that day is not one. */
      if (!until.is_date && seconds_of_day (until_local) < seconds_of_day (event->start))
        g_date_subtract_days (&last_day, 1);
      if (g_date_compare (&last_day, &first_day) < 0)
        last_day = first_day;

      recurrence.until = last_day;
    }
  else
    {
      g_autofree char *shown = NULL;

      last_day = first_day;
      g_date_add_years (&last_day, 1);
      recurrence.until = last_day;
      shown = treff_format_day (&last_day);
      /* Translators: %s is the last day, "Wed, 1/13/2027" */
      g_ptr_array_add (event->notes, g_strdup_printf (_("It repeats without end: it is imported for one year, until %s."),
                                                      shown));
    }

  if (recurrence.count == 0)
    {
      GDate latest = first_day;

      g_date_add_years (&latest, TREFF_RECURRENCE_MAX_YEARS);
      if (g_date_compare (&recurrence.until, &latest) > 0)
        {
          g_autofree char *shown = treff_format_day (&latest);

          recurrence.until = latest;
          g_ptr_array_add (event->notes,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "A series can run for at most %d year: it is imported until %s.",
                                                         "A series can run for at most %d years: it is imported until %s.",
                                                         TREFF_RECURRENCE_MAX_YEARS),
                                            TREFF_RECURRENCE_MAX_YEARS, shown));
        }
    }

  if (!treff_recurrence_validate (&recurrence, event->start, &error))
    {
      g_clear_pointer (&event->rrule_error, g_free);
      event->rrule_error = g_strdup (error->message);
      return;
    }

  event->recurrence = recurrence;
}

/* ORGANIZER;CN=Name:mailto:… — the name only: the least personal data
 * that tells the coordinator whom to ask. */
static char *
dup_organiser_name (icalcomponent *vevent)
{
  icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_ORGANIZER_PROPERTY);
  icalparameter *parameter;
  const char *name;

  if (property == NULL)
    return NULL;

  parameter = icalproperty_get_first_parameter (property, ICAL_CN_PARAMETER);
  name = parameter ? icalparameter_get_cn (parameter) : NULL;
  return name ? g_strstrip (g_strdup (name)) : NULL;
}

static void
read_end (ReadContext   *context,
          ImportEvent   *event,
          icalcomponent *vevent)
{
  icalproperty *dtend = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (vevent, ICAL_DURATION_PROPERTY);
  g_autoptr(GDateTime) end = NULL;

  if (dtend != NULL)
    {
      end = read_time (context, event, dtend, "DTEND", _("end time (DTEND)"), NULL);
      if (end == NULL)
        return;
    }
  else if (duration != NULL)
    {
      struct icaldurationtype length = icalproperty_get_duration (duration);
      int seconds = icaldurationtype_as_int (length);

      if (icaldurationtype_is_bad_duration (length) || seconds <= 0)
        {
          event_fail (event, find_property_line (context, "DURATION"),
                      g_strdup (_("Its duration (DURATION) is not a length of time.")));
          return;
        }

      /* Days and weeks are calendar days; hours are hours. */
      end = g_date_time_add_days (event->start, (int)(length.weeks * 7 + length.days));
      if (end != NULL)
        {
          GDateTime *longer = g_date_time_add_seconds (end, length.hours * 3600 + length.minutes * 60 + length.seconds);

          g_date_time_unref (end);
          end = longer;
        }
      if (length.is_neg || end == NULL)
        {
          event_fail (event, find_property_line (context, "DURATION"),
                      g_strdup (_("Its duration (DURATION) is not a length of time.")));
          return;
        }
    }
  else if (event->all_day)
    {
      /* RFC 5545: an all-day event without an end lasts its day. */
      end = g_date_time_add_days (event->start, 1);
    }
  else
    {
      event_fail (event, event->line,
                  g_strdup (_("The event has no end time (DTEND or DURATION), so it cannot book a room.")));
      return;
    }

  if (event->all_day)
    {
      GDate first, last;

      /* An all-day event ends at a midnight; some programs write the
       * day itself (DTEND = DTSTART) for a one-day event. */
      treff_date_from_date_time (&first, event->start);
      treff_date_from_date_time (&last, end);
      if (seconds_of_day (end) != 0 || g_date_time_get_day_of_month (end) != g_date_get_day (&last))
        g_date_add_days (&last, 1);
      if (g_date_compare (&last, &first) <= 0)
        {
          last = first;
          g_date_add_days (&last, 1);
        }
      g_clear_pointer (&end, g_date_time_unref);
      end = treff_recurrence_new_date_time (context->zones.centre, g_date_get_year (&last),
                                            g_date_get_month (&last), g_date_get_day (&last), 0, 0, 0);
    }
  else if (g_date_time_compare (end, event->start) <= 0)
    {
      event_fail (event, find_property_line (context, dtend ? "DTEND" : "DURATION"),
                  g_strdup (_("The event ends before it starts, or as it starts.")));
      return;
    }

  event->end = g_steal_pointer (&end);
}

static void
read_exdates (ReadContext   *context,
              ImportEvent   *event,
              icalcomponent *vevent)
{
  for (icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_EXDATE_PROPERTY);
       property != NULL && event->error == NULL;
       property = icalcomponent_get_next_property (vevent, ICAL_EXDATE_PROPERTY))
    {
      gboolean is_date = FALSE;
      GDateTime *exdate = read_time (context, event, property, "EXDATE",
                                     _("cancelled date (EXDATE)"), &is_date);

      if (exdate == NULL)
        return;

      /* A cancelled day of a timed series: the date at the series' time. */
      if (is_date && !event->all_day)
        {
          GDateTime *at_time = treff_recurrence_new_date_time (context->zones.centre,
                                                               g_date_time_get_year (exdate),
                                                               g_date_time_get_month (exdate),
                                                               g_date_time_get_day_of_month (exdate),
                                                               g_date_time_get_hour (event->start),
                                                               g_date_time_get_minute (event->start),
                                                               g_date_time_get_second (event->start));
          g_date_time_unref (exdate);
          exdate = at_time;
        }

      g_ptr_array_add (event->exdates, exdate);
    }
}

static char *
dup_trimmed_title (const char *summary)
{
  g_autofree char *title = g_strstrip (g_strdup (summary ? summary : ""));

  /* Line breaks in a title would break the week plan's tiles. */
  g_strdelimit (title, "\r\n\t", ' ');

  if (*title == '\0')
    return g_strdup (_("Untitled event"));

  if (g_utf8_strlen (title, -1) > TREFF_BOOKING_TITLE_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (title, 0, TREFF_BOOKING_TITLE_MAX_CHARS - 1);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&title);
}

static ImportEvent *
read_event (ReadContext *context)
{
  ImportEvent *event = import_event_new (context->block_line);
  icalcomponent *parsed;
  icalcomponent *vevent;
  icalproperty *property;
  struct icaltimetype dtstart = icaltime_null_time ();
  const char *dtstart_tzid = NULL;

  parsed = icalparser_parse_string (context->block);
  icalerror_clear_errno ();
  vevent = parsed;
  if (vevent != NULL && icalcomponent_isa (vevent) != ICAL_VEVENT_COMPONENT)
    vevent = icalcomponent_get_first_component (parsed, ICAL_VEVENT_COMPONENT);

  if (vevent == NULL)
    {
      event->summary = g_strdup (_("Untitled event"));
      event_fail (event, event->line, g_strdup (_("The event cannot be read.")));
      g_clear_pointer (&parsed, icalcomponent_free);
      return event;
    }

  event->uid = dup_text_property (vevent, ICAL_UID_PROPERTY);
  {
    g_autofree char *summary = dup_text_property (vevent, ICAL_SUMMARY_PROPERTY);

    event->summary = dup_trimmed_title (summary);
  }
  event->description = dup_text_property (vevent, ICAL_DESCRIPTION_PROPERTY);
  event->location = dup_text_property (vevent, ICAL_LOCATION_PROPERTY);
  event->organiser = dup_organiser_name (vevent);

  property = icalcomponent_get_first_property (vevent, ICAL_STATUS_PROPERTY);
  if (property != NULL)
    {
      switch (icalproperty_get_status (property))
        {
        case ICAL_STATUS_CANCELLED:
          event->status = TREFF_BOOKING_STATUS_CANCELLED;
          break;
        case ICAL_STATUS_TENTATIVE:
          event->status = TREFF_BOOKING_STATUS_REQUESTED;
          break;
        default:
          break;
        }
    }

  property = icalcomponent_get_first_property (vevent, ICAL_CLASS_PROPERTY);
  if (property != NULL)
    {
      icalproperty_class class = icalproperty_get_class (property);

      event->is_private = class == ICAL_CLASS_PRIVATE || class == ICAL_CLASS_CONFIDENTIAL;
    }

  check_parse_errors (context, event, vevent);

  property = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
  if (property == NULL)
    {
      event_fail (event, event->line, g_strdup (_("The event has no start time (DTSTART).")));
    }
  else
    {
      /* The time as written, too: the rule repeats in DTSTART's own zone. */
      get_time_property (property, &dtstart, &dtstart_tzid);
      event->start = read_time (context, event, property, "DTSTART", _("start time (DTSTART)"),
                                &event->all_day);
    }

  if (event->start != NULL)
    read_end (context, event, vevent);

  property = icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY);
  if (property != NULL && event->error == NULL)
    {
      event->has_recurrence_id = TRUE;
      event->recurrence_id = read_time (context, event, property, "RECURRENCE-ID",
                                        _("changed date (RECURRENCE-ID)"), &event->recurrence_id_is_date);
    }

  if (icalcomponent_get_first_property (vevent, ICAL_RDATE_PROPERTY) != NULL)
    event_fail (event, find_property_line (context, "RDATE"),
                g_strdup (_("It has extra dates (RDATE), which a Treffpunkt series cannot represent.")));

  property = icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY);
  if (property != NULL && event->error == NULL && !event->has_recurrence_id)
    {
      if (icalcomponent_get_next_property (vevent, ICAL_RRULE_PROPERTY) != NULL)
        {
          event->has_rrule = TRUE;
          event->rrule_line = find_property_line (context, "RRULE");
          event->rrule_error = g_strdup (_("It repeats by several rules (RRULE) at once, which a "
                                           "Treffpunkt series cannot represent, so it is not imported."));
        }
      else
        {
          read_recurrence (context, event, property, dtstart, dtstart_tzid);
        }
      read_exdates (context, event, vevent);
    }

  icalcomponent_free (parsed);
  return event;
}

/* ------------------------------------------------------------------ */
/* The file's structure                                               */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *start;
  gsize       length;
  guint       line;
} Block;

typedef struct
{
  char  *name;
  guint  line;
  const char *start;
} OpenComponent;

static gboolean
is_keyword (const char  *line,
            gsize        length,
            const char  *keyword,
            char       **name)
{
  gsize keyword_length = strlen (keyword);

  if (length < keyword_length || g_ascii_strncasecmp (line, keyword, keyword_length) != 0)
    return FALSE;

  *name = g_ascii_strup (line + keyword_length, length - keyword_length);
  g_strstrip (*name);
  return TRUE;
}

/* The SUMMARY of a block that never ended, for the message. */
static char *
dup_block_summary (const char *start,
                   const char *end)
{
  for (const char *p = start; p < end; )
    {
      const char *line_end = memchr (p, '\n', end - p);

      if (line_end == NULL)
        line_end = end;
      if (line_end - p > 8 && g_ascii_strncasecmp (p, "SUMMARY", 7) == 0 && (p[7] == ':' || p[7] == ';'))
        {
          const char *colon = memchr (p, ':', line_end - p);

          if (colon != NULL)
            return g_strstrip (g_strndup (colon + 1, line_end - colon - 1));
        }
      p = line_end + 1;
    }

  return NULL;
}

static void
open_component_clear (OpenComponent *component)
{
  g_free (component->name);
}

static gboolean
read_zone (Zones       *zones,
           const char  *text)
{
  icalcomponent *component = icalparser_parse_string (text);
  icalproperty *tzid_property;
  icaltimezone *zone;
  const char *tzid;

  icalerror_clear_errno ();
  if (component == NULL)
    return FALSE;

  tzid_property = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
  tzid = tzid_property ? icalproperty_get_tzid (tzid_property) : NULL;
  if (tzid == NULL || g_hash_table_contains (zones->file_zones, tzid) ||
      (icalcomponent_get_first_component (component, ICAL_XSTANDARD_COMPONENT) == NULL &&
       icalcomponent_get_first_component (component, ICAL_XDAYLIGHT_COMPONENT) == NULL))
    {
      icalcomponent_free (component);
      return FALSE;
    }

  g_autofree char *key = g_strdup (tzid);
  zone = icaltimezone_new ();
  if (!icaltimezone_set_component (zone, component))
    {
      icaltimezone_free (zone, 1);
      icalcomponent_free (component);
      return FALSE;
    }

  g_hash_table_insert (zones->file_zones, g_steal_pointer (&key), zone);
  return TRUE;
}

/* One pass over the lines: checks BEGIN/END, remembers where each
 * VEVENT is and reads the VTIMEZONEs. */
static gboolean
scan_structure (TreffIcalImport  *self,
                const char       *text,
                Zones            *zones,
                GArray           *events,
                GCancellable     *cancellable,
                GError          **error)
{
  g_autoptr(GArray) open = g_array_new (FALSE, TRUE, sizeof (OpenComponent));
  const char *p = text;
  const char *end = text + strlen (text);
  gboolean seen_calendar = FALSE;
  guint line = 0;
  guint n_other = 0;

  g_array_set_clear_func (open, (GDestroyNotify)open_component_clear);

  while (p < end)
    {
      const char *line_start = p;
      const char *line_end = p;
      g_autofree char *name = NULL;
      gsize length;

      while (line_end < end && *line_end != '\r' && *line_end != '\n')
        line_end++;
      p = line_end;
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      line++;
      length = line_end - line_start;

      if ((line & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Folded continuation lines belong to the property above. */
      if (length == 0 || *line_start == ' ' || *line_start == '\t')
        continue;

      if (is_keyword (line_start, length, "BEGIN:", &name))
        {
          OpenComponent component = { NULL, line, line_start };

          if (open->len == 0 && !g_str_equal (name, "VCALENDAR"))
            {
              if (!seen_calendar)
                g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                             _("“%s” is not an iCalendar file: it should begin with BEGIN:VCALENDAR."),
                             self->file_name);
              else
                g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                             _("Line %u of “%s”: BEGIN:%s is outside the calendar (after END:VCALENDAR)."),
                             line, self->file_name, name);
              return FALSE;
            }

          if (open->len >= MAX_NESTING)
            {
              g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Line %u of “%s”: the components are nested too deeply to be a calendar."),
                           line, self->file_name);
              return FALSE;
            }

          seen_calendar = TRUE;
          component.name = g_steal_pointer (&name);
          g_array_append_val (open, component);
          continue;
        }

      if (is_keyword (line_start, length, "END:", &name))
        {
          OpenComponent *top;

          if (open->len == 0)
            {
              if (seen_calendar)
                g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                             _("Line %u of “%s”: END:%s without a matching BEGIN."),
                             line, self->file_name, name);
              else
                g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                             _("“%s” is not an iCalendar file: it should begin with BEGIN:VCALENDAR."),
                             self->file_name);
              return FALSE;
            }

          top = &g_array_index (open, OpenComponent, open->len - 1);
          if (!g_str_equal (top->name, name))
            {
              g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                           _("Line %u of “%s”: END:%s does not match BEGIN:%s on line %u. "
                             "The file is damaged."),
                           line, self->file_name, name, top->name, top->line);
              return FALSE;
            }

          /* A component of the calendar is complete. */
          if (open->len == 2)
            {
              Block block = { top->start, p - top->start, top->line };

              if (g_str_equal (name, "VEVENT"))
                {
                  g_array_append_val (events, block);
                }
              else if (g_str_equal (name, "VTIMEZONE"))
                {
                  g_autofree char *zone_text = g_strndup (block.start, block.length);

                  read_zone (zones, zone_text);
                }
              else
                {
                  n_other++;
                }
            }

          g_array_set_size (open, open->len - 1);
          continue;
        }

      if (open->len == 0 && !seen_calendar)
        {
          g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                       _("“%s” is not an iCalendar file: it should begin with BEGIN:VCALENDAR."),
                       self->file_name);
          return FALSE;
        }
    }

  if (!seen_calendar)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is empty: there is no calendar in it."),
                   self->file_name);
      return FALSE;
    }

  if (open->len >= 2)
    {
      OpenComponent *component = &g_array_index (open, OpenComponent, 1);
      g_autofree char *summary = dup_block_summary (component->start, end);

      if (g_str_equal (component->name, "VEVENT") && summary != NULL)
        g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                     _("“%s” ends in the middle of the event “%s” that begins on line %u: the file is "
                       "incomplete, perhaps cut off while saving or downloading. Nothing was imported."),
                     self->file_name, summary, component->line);
      else
        g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                     _("“%s” ends in the middle of the %s that begins on line %u: the file is "
                       "incomplete, perhaps cut off while saving or downloading. Nothing was imported."),
                     self->file_name, component->name, component->line);
      return FALSE;
    }

  if (open->len == 1)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” ends before END:VCALENDAR: the file is incomplete, perhaps cut off while "
                     "saving or downloading. Nothing was imported."),
                   self->file_name);
      return FALSE;
    }

  if (n_other > 0)
    g_ptr_array_add (self->notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u entry is not an event (a task, a journal entry or the like) and is left out.",
                                                   "%u entries are not events (tasks, journal entries or the like) and are left out.",
                                                   n_other),
                                      n_other));

  return TRUE;
}

/* Changed dates of a series (same UID, RECURRENCE-ID) join their series;
 * of several copies of one event, the last in the file counts. */
static void
merge_events (TreffIcalImport *self,
              GTimeZone       *centre)
{
  g_autoptr(GHashTable) masters = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->events->len; i++)
    {
      ImportEvent *event = g_ptr_array_index (self->events, i);
      ImportEvent *earlier;

      if (event->uid == NULL || *event->uid == '\0' || event->has_recurrence_id)
        continue;

      earlier = g_hash_table_lookup (masters, event->uid);
      if (earlier != NULL)
        {
          earlier->superseded = TRUE;
          earlier->superseded_by = event->line;
        }
      g_hash_table_insert (masters, event->uid, event);
    }

  for (guint i = 0; i < self->events->len; i++)
    {
      ImportEvent *event = g_ptr_array_index (self->events, i);
      ImportEvent *master;
      g_autoptr(GDateTime) original = NULL;

      if (!event->has_recurrence_id || event->uid == NULL)
        continue;

      master = g_hash_table_lookup (masters, event->uid);
      if (master == NULL)
        continue;  /* imported on its own, as a single date */

      event->is_override = TRUE;
      if (master->error != NULL || !master->has_rrule || event->recurrence_id == NULL)
        continue;

      original = g_date_time_ref (event->recurrence_id);
      if (event->recurrence_id_is_date && !master->all_day)
        {
          g_date_time_unref (original);
          original = treff_recurrence_new_date_time (centre,
                                                     g_date_time_get_year (event->recurrence_id),
                                                     g_date_time_get_month (event->recurrence_id),
                                                     g_date_time_get_day_of_month (event->recurrence_id),
                                                     g_date_time_get_hour (master->start),
                                                     g_date_time_get_minute (master->start),
                                                     g_date_time_get_second (master->start));
        }

      if (event->status == TREFF_BOOKING_STATUS_CANCELLED)
        {
          g_ptr_array_add (master->exdates, g_steal_pointer (&original));
        }
      else if (event->error != NULL)
        {
          /* A changed date that cannot be read would be imported at its
           * old time: the whole series waits for a readable file. */
          event_fail (master, event->error_line,
                      g_strdup_printf (_("A changed date of the series (line %u) cannot be read: %s"),
                                       event->line, event->error));
        }
      else
        {
          TreffImportMovedDate *moved = g_new0 (TreffImportMovedDate, 1);

          moved->original_start = g_steal_pointer (&original);
          moved->start = g_date_time_ref (event->start);
          moved->end = g_date_time_ref (event->end);
          if (g_strcmp0 (event->summary, master->summary) != 0)
            moved->title = g_strdup (event->summary);
          g_ptr_array_add (master->moved, moved);
        }
    }
}

static void
update_notes_text (TreffIcalImport *self)
{
  g_free (self->notes_text);
  self->notes_text = join_notes (self->notes);
}

/**
 * treff_ical_import_load_data:
 * @file_name: the file's name, for messages
 * @centre_zone: the centre's time zone (treff_store_get_time_zone())
 *
 * Reads the calendar in @data. A file that is not a calendar, or that is
 * damaged or incomplete as a whole, is refused with a sentence that says
 * why; single events that cannot be read become "unparseable" items of
 * the preview. Safe to call in a thread.
 */
gboolean
treff_ical_import_load_data (TreffIcalImport  *self,
                             const char       *data,
                             gsize             length,
                             const char       *file_name,
                             GTimeZone        *centre_zone,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autofree char *text = NULL;
  ReadContext context = { { NULL, NULL, NULL }, NULL, 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (centre_zone != NULL, FALSE);

  g_free (self->file_name);
  self->file_name = g_strdup (file_name ? file_name : _("the file"));
  g_ptr_array_set_size (self->events, 0);
  g_ptr_array_set_size (self->notes, 0);
  g_list_store_remove_all (self->items);

  if (length == 0)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is empty: there is no calendar in it."), self->file_name);
      goto out;
    }

  text = dup_as_utf8 (self, data, length, error);
  if (text == NULL)
    goto out;

  zones_init (&context.zones, centre_zone);
  if (!scan_structure (self, text, &context.zones, blocks, cancellable, error))
    goto out;

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = &g_array_index (blocks, Block, i);
      g_autofree char *block_text = g_strndup (block->start, block->length);

      if ((i & 0x1ff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      context.block = block_text;
      context.block_line = block->line;
      g_ptr_array_add (self->events, read_event (&context));
    }

  merge_events (self, centre_zone);
  ok = TRUE;

out:
  if (context.zones.centre != NULL)
    zones_clear (&context.zones);
  if (!ok)
    {
      g_ptr_array_set_size (self->events, 0);
      g_ptr_array_set_size (self->notes, 0);
    }
  update_notes_text (self);
  return ok;
}

/**
 * treff_ical_import_load_file:
 *
 * Reads @file (see treff_ical_import_load_data()). Safe to call in a thread.
 */
gboolean
treff_ical_import_load_file (TreffIcalImport  *self,
                             GFile            *file,
                             GTimeZone        *centre_zone,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  display_name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_parse_name (file);

  if (info == NULL)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("“%s” cannot be opened: %s."), display_name, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_size (info) > TREFF_ICAL_IMPORT_MAX_BYTES)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is too large for a calendar file (more than %d MB)."),
                   display_name, TREFF_ICAL_IMPORT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                     _("“%s” cannot be read: %s."), display_name, local_error->message);
      return FALSE;
    }

  return treff_ical_import_load_data (self, contents, length, display_name, centre_zone,
                                      cancellable, error);
}

/* ------------------------------------------------------------------ */
/* The preview                                                        */
/* ------------------------------------------------------------------ */

static char *
describe_days (GDateTime *start,
               GDateTime *end)
{
  g_autoptr(GDateTime) last_moment = g_date_time_add_seconds (end, -1);
  GDate first, last;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  treff_date_from_date_time (&first, start);
  treff_date_from_date_time (&last, last_moment);
  first_text = treff_format_day (&first);
  if (g_date_compare (&last, &first) <= 0)
    return g_steal_pointer (&first_text);

  last_text = treff_format_day (&last);
  /* Translators: a period of days, "Mon, 10/12/2026 – Sat, 10/24/2026" */
  return g_strdup_printf (C_("period of days", "%s – %s"), first_text, last_text);
}

static char *
describe_when (ImportEvent *event)
{
  g_autofree char *dates = NULL;

  if (event->all_day)
    {
      g_autofree char *days = describe_days (event->start, event->end);

      /* Translators: "Mon, 10/12/2026, all day" */
      dates = g_strdup_printf (_("%s, all day"), days);
    }
  else
    {
      dates = treff_format_date_time_range (event->start, event->end);
    }

  if (!treff_recurrence_is_none (&event->recurrence))
    {
      g_autofree char *repetition = treff_recurrence_describe (&event->recurrence, event->start);

      /* Translators: the first date and how it repeats,
       * "Wed, 1/14/2026 18:00–19:30 · Every week on Wed, until Wed, 12/16/2026" */
      return g_strdup_printf (C_("first date and repetition", "%s · %s"), dates, repetition);
    }

  return g_steal_pointer (&dates);
}

/* A sentence if a date lies outside the centre's opening hours. */
static char *
check_opening_hours (TreffIcalImport *self,
                     GDateTime       *start,
                     GDateTime       *end)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next_midnight = NULL;
  int opens = self->first_hour * 3600;
  int closes = self->last_hour * 3600;
  int ends;

  if (seconds_of_day (start) < opens)
    {
      g_autofree char *at = treff_format_time (start);

      /* Translators: "Outside opening hours: it starts at 07:00, before the centre opens at 8:00." */
      return g_strdup_printf (_("Outside opening hours: it starts at %s, before the centre opens at %u:00."),
                              at, self->first_hour);
    }

  midnight = treff_recurrence_new_date_time (g_date_time_get_timezone (start),
                                             g_date_time_get_year (start),
                                             g_date_time_get_month (start),
                                             g_date_time_get_day_of_month (start), 0, 0, 0);
  next_midnight = midnight ? g_date_time_add_days (midnight, 1) : NULL;
  if (next_midnight == NULL)
    return NULL;

  if (g_date_time_compare (end, next_midnight) > 0)
    return g_strdup (_("Outside opening hours: it lasts past midnight."));

  ends = g_date_time_equal (end, next_midnight) ? 24 * 3600 : seconds_of_day (end);
  if (ends > closes)
    {
      g_autofree char *at = treff_format_time (end);

      /* Translators: "Outside opening hours: it ends at 23:00, after the centre closes at 22:00." */
      return g_strdup_printf (_("Outside opening hours: it ends at %s, after the centre closes at %u:00."),
                              at, self->last_hour);
    }

  return NULL;
}

static char *
dup_booking_notes (ImportEvent *event)
{
  g_autoptr(GString) notes = g_string_new (event->description);

  if (event->location != NULL && *event->location != '\0')
    {
      if (notes->len > 0)
        g_string_append (notes, "\n");
      /* Translators: the place an imported event named, "Location: Hauptstraße 1" */
      g_string_append_printf (notes, _("Location: %s"), event->location);
    }

  return g_string_free (g_steal_pointer (&notes), FALSE);
}

static TreffImportItem *
build_booking_item (TreffIcalImport *self,
                    ImportEvent     *event,
                    gint64           room_id)
{
  TreffImportItem *item = treff_import_item_new (event->line, event->uid, event->summary);
  g_autofree char *notes = NULL;

  if (event->error != NULL)
    {
      set_unparseable (item, event->error_line, event->error);
      return item;
    }

  if (event->rrule_error != NULL)
    {
      set_unparseable (item, event->rrule_line, event->rrule_error);
      return item;
    }

  item->booking = treff_booking_new ();
  treff_booking_set_room_id (item->booking, room_id);
  treff_booking_set_title (item->booking, event->summary);
  treff_booking_set_status (item->booking, event->status);
  treff_booking_set_organiser (item->booking, event->organiser ? event->organiser : "");
  notes = dup_booking_notes (event);
  treff_booking_set_notes (item->booking, notes);
  treff_booking_set_public (item->booking, !event->is_private);
  treff_booking_set_times (item->booking, event->start, event->end);
  treff_booking_set_all_day (item->booking, event->all_day);
  treff_booking_set_recurrence (item->booking, &event->recurrence);

  for (guint i = 0; i < event->exdates->len; i++)
    g_ptr_array_add (item->cancelled_starts, g_date_time_ref (g_ptr_array_index (event->exdates, i)));

  for (guint i = 0; i < event->moved->len; i++)
    {
      TreffImportMovedDate *moved = g_ptr_array_index (event->moved, i);
      TreffImportMovedDate *copy = g_new0 (TreffImportMovedDate, 1);

      copy->original_start = g_date_time_ref (moved->original_start);
      copy->start = g_date_time_ref (moved->start);
      copy->end = g_date_time_ref (moved->end);
      copy->title = g_strdup (moved->title);
      g_ptr_array_add (item->moved_dates, copy);
    }

  item->when = describe_when (event);
  {
    g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < event->notes->len; i++)
      g_ptr_array_add (sentences, g_strdup (g_ptr_array_index (event->notes, i)));
    if (item->cancelled_starts->len > 0)
      g_ptr_array_add (sentences, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u date of the series is cancelled.",
                                                            "%u dates of the series are cancelled.",
                                                            item->cancelled_starts->len),
                                               item->cancelled_starts->len));
    if (item->moved_dates->len > 0)
      g_ptr_array_add (sentences, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u date of the series takes place at another time.",
                                                            "%u dates of the series take place at another time.",
                                                            item->moved_dates->len),
                                               item->moved_dates->len));
    item->read_note = join_notes (sentences);
  }

  if (event->has_recurrence_id)
    {
      /* A changed date whose series is not in the file: its own booking,
       * recognised again by its UID and the slot it replaces. */
      g_autofree char *slot = event->recurrence_id ? g_date_time_format (event->recurrence_id, "%Y%m%dT%H%M%S") : NULL;

      g_free (item->uid);
      item->uid = g_strdup_printf ("%s;RECURRENCE-ID=%s", event->uid ? event->uid : "", slot ? slot : "");
    }

  if (!event->all_day)
    {
      item->outside_hours = check_opening_hours (self, event->start, event->end);
      for (guint i = 0; i < item->moved_dates->len && item->outside_hours == NULL; i++)
        {
          TreffImportMovedDate *moved = g_ptr_array_index (item->moved_dates, i);

          item->outside_hours = check_opening_hours (self, moved->start, moved->end);
        }
    }

  return item;
}

static TreffImportItem *
build_period_item (TreffIcalImport *self,
                   ImportEvent     *event,
                   TreffClosureKind kind)
{
  TreffImportItem *item = treff_import_item_new (event->line, event->uid, event->summary);
  g_autoptr(GDateTime) last_moment = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, last;

  if (event->error != NULL)
    {
      set_unparseable (item, event->error_line, event->error);
      return item;
    }

  if (event->has_rrule)
    {
      set_unparseable (item, event->rrule_line,
                       _("It repeats: holiday and closure periods are imported one by one, "
                         "so this event is left out. Export the periods as single events."));
      return item;
    }

  treff_date_from_date_time (&first, event->start);
  last_moment = g_date_time_add_seconds (event->end, -1);
  treff_date_from_date_time (&last, last_moment);
  if (g_date_compare (&last, &first) < 0)
    last = first;

  item->closure = treff_closure_new (kind, event->summary, &first, &last);
  if (!treff_closure_validate (item->closure, &error))
    {
      set_unparseable (item, event->line, error->message);
      g_clear_object (&item->closure);
      return item;
    }

  item->when = describe_days (event->start, event->end);
  item->read_note = join_notes (event->notes);
  return item;
}

/**
 * treff_ical_import_preview:
 * @store: the store to check against; in a thread, one opened there
 * @room_id: the room bookings go to, for %TREFF_IMPORT_TARGET_BOOKINGS
 *
 * Works out what importing every event would do, without writing
 * anything: the store tries the import and rolls it back, so conflicts
 * between events of the file count, too. Importable events are
 * selected. Safe to call in a thread with that thread's own store.
 */
gboolean
treff_ical_import_preview (TreffIcalImport    *self,
                           TreffStore         *store,
                           TreffImportTarget   target,
                           gint64              room_id,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GListStore) items = g_list_store_new (TREFF_TYPE_IMPORT_ITEM);
  g_autoptr(GPtrArray) built = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), FALSE);
  g_return_val_if_fail (TREFF_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != TREFF_IMPORT_TARGET_BOOKINGS || room_id > 0, FALSE);

  for (guint i = 0; i < self->events->len; i++)
    {
      ImportEvent *event = g_ptr_array_index (self->events, i);
      TreffImportItem *item;

      if (event->is_override)
        continue;

      if (target == TREFF_IMPORT_TARGET_BOOKINGS)
        item = build_booking_item (self, event, room_id);
      else
        item = build_period_item (self, event,
                                  target == TREFF_IMPORT_TARGET_CLOSURES ? TREFF_CLOSURE_KIND_CLOSED
                                                                         : TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS);

      if (event->superseded)
        {
          g_autofree char *reason =
            g_strdup_printf (_("The file contains this event again on line %u; only that later version is imported."),
                             event->superseded_by);

          set_unparseable (item, event->line, reason);
        }

      g_ptr_array_add (built, item);
    }

  g_list_store_splice (items, 0, 0, built->pdata, built->len);

  if (!treff_store_import_items (store, G_LIST_MODEL (items), target, room_id, TRUE,
                                 cancellable, NULL, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TreffImportItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      treff_import_item_set_selected (item, treff_import_item_is_importable (item));
    }

  self->target = target;
  self->room_id = room_id;
  g_set_object (&self->items, items);
  return TRUE;
}

guint
treff_ical_import_count_state (TreffIcalImport  *self,
                               TreffImportState  state)
{
  guint n_items, n = 0;

  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TreffImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->state == state)
        n++;
    }

  return n;
}

guint
treff_ical_import_count_selected (TreffIcalImport *self)
{
  guint n_items, n = 0;

  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TreffImportItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->selected)
        n++;
    }

  return n;
}

/**
 * treff_ical_import_dup_summary:
 *
 * Returns: the preview in numbers: "12 new, 3 updates, 2 conflicts,
 *   1 unparseable"; states without events are left out
 */
char *
treff_ical_import_dup_summary (TreffIcalImport *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), NULL);

  if ((n = treff_ical_import_count_state (self, TREFF_IMPORT_STATE_NEW)) > 0)
    /* Translators: part of the import summary, "12 new, 3 updates, 2 conflicts" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", n), n));
  if ((n = treff_ical_import_count_state (self, TREFF_IMPORT_STATE_UPDATE)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u update", "%u updates", n), n));
  if ((n = treff_ical_import_count_state (self, TREFF_IMPORT_STATE_OUTSIDE_HOURS)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outside opening hours",
                                                          "%u outside opening hours", n), n));
  if ((n = treff_ical_import_count_state (self, TREFF_IMPORT_STATE_CONFLICT)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", n), n));
  if ((n = treff_ical_import_count_state (self, TREFF_IMPORT_STATE_UNPARSEABLE)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unparseable", "%u unparseable", n), n));

  if (parts->len == 0)
    return g_strdup (_("No events"));

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the parts of the import summary */
  return g_strjoinv (C_("import summary", ", "), (char **)parts->pdata);
}

/**
 * treff_ical_import_run:
 * @n_imported: (out) (optional): how many events were imported
 *
 * Imports the selected events of the last preview in one transaction:
 * all of them, or — if one fails, for example because its room was
 * booked meanwhile — none, with a message naming that event.
 */
gboolean
treff_ical_import_run (TreffIcalImport  *self,
                       TreffStore       *store,
                       guint            *n_imported,
                       GError          **error)
{
  g_return_val_if_fail (TREFF_IS_ICAL_IMPORT (self), FALSE);
  g_return_val_if_fail (TREFF_IS_STORE (store), FALSE);

  return treff_store_import_items (store, G_LIST_MODEL (self->items), self->target, self->room_id,
                                   FALSE, NULL, n_imported, error);
}
