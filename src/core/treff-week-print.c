/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-week-print.c — the printed week plan of all rooms, for the notice board and the cleaners
 *
 * One ISO week on one A4 landscape page: a row per room, a column per day.
 * Loading takes a snapshot of the store that already holds only what the
 * chosen audience may see, so drawing (in a print operation, or into a PDF)
 * never touches the store and a public plan cannot leak a renter's name. */
#define G_LOG_DOMAIN "treff-week-print"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "treff-error.h"
#include "treff-format.h"
#include "treff-holidays.h"
#include "treff-week-print.h"

/* A4 landscape in PostScript points, and the margin of the PDF (10 mm). */
#define PAGE_WIDTH   841.889763
#define PAGE_HEIGHT  595.275591
#define PDF_MARGIN   28.346457

/* The text of the dates shrinks from the largest to the smallest size until
 * the week fits on the page; below the smallest a cell says "+3 more". */
#define FONT_FAMILY      "Sans"
#define MAX_FONT_SIZE    10.5
#define MIN_FONT_SIZE    6.0
#define FONT_SIZE_STEP   0.25
/* Breaking a long word is better than shrinking below this. */
#define WORD_FIT_MIN_FONT_SIZE 8.5

#define CELL_PADDING     3.5
#define GRID_LINE        0.5
#define FRAME_LINE       1.0

#define N_DAYS 7

typedef struct
{
  GDateTime *start;
  char      *markup;    /* only what the audience may see */
  char      *text;      /* the same without markup, for measuring words */
} Entry;

typedef struct
{
  gint64     id;
  char      *name;
  char      *colour;
  guint      capacity;
  GPtrArray *entries[N_DAYS];
} Row;

typedef struct
{
  GDate      date;
  char      *note;      /* holiday name, closure titles: NULL if none */
  gboolean   shaded;    /* public holiday or the centre is closed */
} Day;

struct _TreffWeekPrint
{
  GObject                 parent_instance;

  GDate                   monday;
  TreffWeekPrintAudience  audience;
  char                   *centre_name;
  GArray                 *room_ids;     /* NULL: the current rooms with dates that week */
  GDateTime              *printed_at;
  gboolean                printed_at_given;  /* else "now" at every load */

  gboolean                loaded;
  Day                     days[N_DAYS];
  GPtrArray              *rows;

  double                  font_size;    /* chosen by the last draw */
};

G_DEFINE_FINAL_TYPE (TreffWeekPrint, treff_week_print, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->start, g_date_time_unref);
  g_free (entry->markup);
  g_free (entry->text);
  g_free (entry);
}

static void
row_free (Row *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->colour);
  for (guint day = 0; day < N_DAYS; day++)
    g_clear_pointer (&row->entries[day], g_ptr_array_unref);
  g_free (row);
}

static void
clear_days (TreffWeekPrint *self)
{
  for (guint day = 0; day < N_DAYS; day++)
    {
      g_clear_pointer (&self->days[day].note, g_free);
      self->days[day].shaded = FALSE;
    }
}

static void
treff_week_print_finalize (GObject *object)
{
  TreffWeekPrint *self = TREFF_WEEK_PRINT (object);

  g_clear_pointer (&self->centre_name, g_free);
  g_clear_pointer (&self->room_ids, g_array_unref);
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  clear_days (self);

  G_OBJECT_CLASS (treff_week_print_parent_class)->finalize (object);
}

static void
treff_week_print_class_init (TreffWeekPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = treff_week_print_finalize;
}

static void
treff_week_print_init (TreffWeekPrint *self)
{
  g_date_clear (&self->monday, 1);
  self->centre_name = g_strdup ("");
  self->font_size = MAX_FONT_SIZE;
}

/* ISO 8601: a year has 53 weeks when 28 December falls into week 53. */
static guint
weeks_in_iso_year (int year)
{
  GDate december_28;

  g_date_clear (&december_28, 1);
  g_date_set_dmy (&december_28, 28, G_DATE_DECEMBER, year);
  return g_date_get_iso8601_week_of_year (&december_28);
}

/* The ISO week year: the year of the week's Thursday. */
static int
iso_year_of_week (const GDate *monday)
{
  GDate thursday = *monday;

  g_date_add_days (&thursday, 3);
  return g_date_get_year (&thursday);
}

/**
 * treff_week_print_parse_week:
 * @text: an ISO week as in "2026-W48" (also "2026W48", "2026-w48")
 * @monday: (out caller-allocates): the Monday of that week
 *
 * Returns: %TRUE if @text names a week that exists; otherwise a
 *   %TREFF_ERROR_INVALID that says how to write one.
 */
gboolean
treff_week_print_parse_week (const char  *text,
                             GDate       *monday,
                             GError     **error)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *week_text = NULL;
  int year;
  guint week, n_weeks;
  GDate january_4;

  g_return_val_if_fail (monday != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  regex = g_regex_new ("^\\s*([0-9]{4})-?[Ww]([0-9]{1,2})\\s*$", 0, 0, NULL);
  if (text == NULL || !g_regex_match (regex, text, 0, &match))
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is not a calendar week: write the year and the week number as in “2026-W48”."),
                   text ? text : "");
      return FALSE;
    }

  year_text = g_match_info_fetch (match, 1);
  week_text = g_match_info_fetch (match, 2);
  year = atoi (year_text);
  week = (guint)atoi (week_text);

  if (year < 1000)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("“%s” is not a calendar week: the year %d is too long ago."),
                   text, year);
      return FALSE;
    }

  n_weeks = weeks_in_iso_year (year);
  if (week < 1 || week > n_weeks)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
                   _("There is no week %u in %d: its weeks are numbered from 1 to %u."),
                   week, year, n_weeks);
      return FALSE;
    }

  /* Week 1 is the week with 4 January in it. */
  g_date_clear (&january_4, 1);
  g_date_set_dmy (&january_4, 4, G_DATE_JANUARY, year);
  *monday = january_4;
  g_date_subtract_days (monday, g_date_get_weekday (&january_4) - G_DATE_MONDAY);
  g_date_add_days (monday, (week - 1) * 7);

  return TRUE;
}

/**
 * treff_week_print_format_week:
 * @monday: any day of the week
 *
 * Returns: (transfer full): the week as treff_week_print_parse_week ()
 *   reads it: "2026-W48"
 */
char *
treff_week_print_format_week (const GDate *monday)
{
  GDate first = *monday;

  g_return_val_if_fail (g_date_valid (monday), NULL);

  g_date_subtract_days (&first, g_date_get_weekday (monday) - G_DATE_MONDAY);
  return g_strdup_printf ("%04d-W%02u", iso_year_of_week (&first),
                          g_date_get_iso8601_week_of_year (&first));
}

/**
 * treff_week_print_new:
 * @monday: any day of the week to print; the plan starts on its Monday
 * @audience: whether the plan goes on the notice board or stays inside
 *
 * Returns: (transfer full): a week plan; treff_week_print_load () it
 *   before drawing
 */
TreffWeekPrint *
treff_week_print_new (const GDate            *monday,
                      TreffWeekPrintAudience  audience)
{
  TreffWeekPrint *self;

  g_return_val_if_fail (monday != NULL && g_date_valid (monday), NULL);
  g_return_val_if_fail (audience == TREFF_WEEK_PRINT_PUBLIC ||
                        audience == TREFF_WEEK_PRINT_INTERNAL, NULL);

  self = g_object_new (TREFF_TYPE_WEEK_PRINT, NULL);
  self->monday = *monday;
  g_date_subtract_days (&self->monday, g_date_get_weekday (monday) - G_DATE_MONDAY);
  self->audience = audience;

  return self;
}

void
treff_week_print_get_monday (TreffWeekPrint *self,
                             GDate          *monday)
{
  g_return_if_fail (TREFF_IS_WEEK_PRINT (self));
  g_return_if_fail (monday != NULL);

  *monday = self->monday;
}

TreffWeekPrintAudience
treff_week_print_get_audience (TreffWeekPrint *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_PRINT (self), TREFF_WEEK_PRINT_PUBLIC);

  return self->audience;
}

const char *
treff_week_print_get_centre_name (TreffWeekPrint *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_PRINT (self), NULL);

  return self->centre_name;
}

/* The name heading the page; may be empty. */
void
treff_week_print_set_centre_name (TreffWeekPrint *self,
                                  const char     *centre_name)
{
  g_return_if_fail (TREFF_IS_WEEK_PRINT (self));

  g_free (self->centre_name);
  self->centre_name = g_strstrip (g_strdup (centre_name ? centre_name : ""));
}

/**
 * treff_week_print_set_room_ids:
 * @room_ids: (array length=n_room_ids) (nullable): the rooms to print, or
 *   %NULL for every current room that has a date in the week
 *
 * Selected rooms are printed even when they have no date that week, so a
 * cleaner's plan of "her" rooms always has the same rows. Takes effect
 * with the next treff_week_print_load ().
 */
void
treff_week_print_set_room_ids (TreffWeekPrint *self,
                               const gint64   *room_ids,
                               guint           n_room_ids)
{
  g_return_if_fail (TREFF_IS_WEEK_PRINT (self));
  g_return_if_fail (room_ids != NULL || n_room_ids == 0);

  g_clear_pointer (&self->room_ids, g_array_unref);
  if (room_ids == NULL)
    return;

  self->room_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_room_ids);
  g_array_append_vals (self->room_ids, room_ids, n_room_ids);
}

/* When the plan was made, for its "As of" line; now if never set. */
void
treff_week_print_set_printed_at (TreffWeekPrint *self,
                                 GDateTime      *printed_at)
{
  g_return_if_fail (TREFF_IS_WEEK_PRINT (self));

  g_clear_pointer (&self->printed_at, g_date_time_unref);
  self->printed_at_given = printed_at != NULL;
  if (printed_at != NULL)
    self->printed_at = g_date_time_ref (printed_at);
}

static gboolean
is_selected (TreffWeekPrint *self,
             gint64          room_id)
{
  for (guint i = 0; i < self->room_ids->len; i++)
    if (g_array_index (self->room_ids, gint64, i) == room_id)
      return TRUE;

  return FALSE;
}

static GDateTime *
midnight (GTimeZone   *zone,
          const GDate *day)
{
  return g_date_time_new (zone, g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), 0, 0, 0);
}

static void
append_note (GString    *note,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  if (note->len > 0)
    g_string_append_c (note, '\n');
  g_string_append (note, text);
}

static gboolean
load_days (TreffWeekPrint  *self,
           TreffStore      *store,
           GError         **error)
{
  g_autoptr(GPtrArray) closures = NULL;
  GDate sunday = self->monday;

  g_date_add_days (&sunday, N_DAYS - 1);
  closures = treff_store_list_closures (store, &self->monday, &sunday, error);
  if (closures == NULL)
    return FALSE;

  clear_days (self);
  for (guint day = 0; day < N_DAYS; day++)
    {
      Day *info = &self->days[day];
      g_autoptr(GString) note = g_string_new (NULL);
      const char *holiday;

      info->date = self->monday;
      g_date_add_days (&info->date, day);

      holiday = treff_holidays_nrw_name (&info->date);
      if (holiday != NULL)
        {
          append_note (note, holiday);
          info->shaded = TRUE;
        }

      for (guint i = 0; i < closures->len; i++)
        {
          TreffClosure *closure = g_ptr_array_index (closures, i);

          if (!treff_closure_contains (closure, &info->date))
            continue;

          append_note (note, treff_closure_get_title (closure));
          /* School holidays change who comes, not whether the centre is
           * open: named, but the day stays white. */
          if (treff_closure_get_kind (closure) == TREFF_CLOSURE_KIND_CLOSED)
            info->shaded = TRUE;
        }

      if (note->len > 0)
        info->note = g_string_free (g_steal_pointer (&note), FALSE);
    }

  return TRUE;
}

/* The time of a date as the cell of one day shows it. A date over
 * midnight reads "23:00 – Sun 03:00" on Saturday and "until 03:00" on
 * Sunday: narrower than the full range twice, and each day's own part. */
static char *
dup_time_text (TreffOccurrence *occurrence,
               GDateTime       *day_start,
               GDateTime       *day_end)
{
  TreffBooking *booking = treff_occurrence_get_booking (occurrence);
  GDateTime *start = treff_occurrence_get_start (occurrence);
  GDateTime *end = treff_occurrence_get_end (occurrence);

  if (treff_booking_get_all_day (booking))
    return g_strdup (C_("week plan", "all day"));

  if (g_date_time_compare (start, day_start) < 0)
    {
      g_autofree char *until = NULL;

      if (g_date_time_compare (end, day_end) >= 0)
        return g_strdup (C_("week plan", "all day"));

      until = treff_format_time (end);
      /* Translators: on the printed week plan, the end of a date that
       * began on an earlier day, "until 03:00" */
      return g_strdup_printf (C_("week plan", "until %s"), until);
    }

  if (g_date_time_compare (end, day_end) > 0)
    {
      g_autofree char *from = treff_format_time (start);
      /* Translators: a weekday and a time as in "Sat 18:00", in g_date_time_format () syntax */
      g_autofree char *to = g_date_time_format (end, C_("weekday and time format", "%a %H:%M"));

      /* Translators: from a time on one day to a time on another, "Sat 18:00 – Sun 02:00" */
      return g_strdup_printf (C_("time range over several days", "%s – %s"), from, to);
    }

  return treff_format_time_range (start, end);
}

/* What a booking's date says on the plan, as Pango markup; NULL when
 * this audience does not see the date at all. */
static char *
dup_entry_markup (TreffWeekPrint  *self,
                  TreffOccurrence *occurrence,
                  const char      *time)
{
  TreffBooking *booking = treff_occurrence_get_booking (occurrence);
  TreffBookingStatus status = treff_booking_get_status (booking);
  gboolean is_public = treff_booking_get_public (booking);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *time_escaped = NULL;
  g_autofree char *title_escaped = NULL;
  gboolean cancelled = treff_occurrence_is_cancelled (occurrence);
  const char *title;

  if (self->audience == TREFF_WEEK_PRINT_PUBLIC)
    {
      /* A request may still be turned down, and a private party that does
       * not take place leaves the room simply free: neither is news for
       * the notice board. */
      if (status == TREFF_BOOKING_STATUS_REQUESTED)
        return NULL;
      if (cancelled && !is_public)
        return NULL;

      /* Never a private renter's title, whatever the occurrence says. */
      title = treff_occurrence_get_public_title (occurrence);
    }
  else
    {
      title = treff_occurrence_get_title (occurrence);
    }

  if (title == NULL || *title == '\0')
    title = treff_booking_kind_to_label (treff_booking_get_kind (booking));

  time_escaped = g_markup_escape_text (time, -1);
  title_escaped = g_markup_escape_text (title, -1);

  if (cancelled)
    g_string_append (markup, "<span foreground=\"#555555\"><s>");
  /* The time on a line of its own: a day is a narrow column, and the
   * times line up down the cell. */
  g_string_append_printf (markup, "<b>%s</b>\n%s", time_escaped, title_escaped);
  if (cancelled)
    {
      g_autofree char *word = g_markup_escape_text (C_("week plan, a date that does not take place",
                                                      "cancelled"), -1);

      g_string_append_printf (markup, "</s> <i>%s</i></span>", word);
    }

  if (self->audience == TREFF_WEEK_PRINT_INTERNAL)
    {
      const char *organiser = treff_booking_get_organiser (booking);

      if (status == TREFF_BOOKING_STATUS_REQUESTED)
        {
          g_autofree char *word = g_markup_escape_text (C_("week plan, a booking not yet confirmed",
                                                          "(requested)"), -1);

          g_string_append_printf (markup, " <i>%s</i>", word);
        }

      if (organiser != NULL && *organiser != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (organiser, -1);

          g_string_append_printf (markup, "\n<span size=\"smaller\"><i>%s</i></span>", escaped);
        }
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Whether @occurrence takes up some of [@day_start, @day_end); a date
 * without length belongs to the day it starts on. */
static gboolean
occurrence_touches_day (TreffOccurrence *occurrence,
                        GDateTime       *day_start,
                        GDateTime       *day_end)
{
  GDateTime *start = treff_occurrence_get_start (occurrence);
  GDateTime *end = treff_occurrence_get_end (occurrence);

  if (g_date_time_compare (start, day_end) >= 0)
    return FALSE;

  return g_date_time_compare (end, day_start) > 0 ||
         g_date_time_compare (start, day_start) >= 0;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *entry_a = *(const Entry * const *)a;
  const Entry *entry_b = *(const Entry * const *)b;

  return g_date_time_compare (entry_a->start, entry_b->start);
}

static Row *
row_new (TreffRoom *room)
{
  Row *row = g_new0 (Row, 1);

  row->id = treff_room_get_id (room);
  row->name = g_strdup (treff_room_get_name (room));
  row->colour = g_strdup (treff_room_get_colour (room));
  row->capacity = treff_room_get_capacity (room);
  for (guint day = 0; day < N_DAYS; day++)
    row->entries[day] = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);

  return row;
}

static gboolean
row_is_empty (Row *row)
{
  for (guint day = 0; day < N_DAYS; day++)
    if (row->entries[day]->len > 0)
      return FALSE;

  return TRUE;
}

/**
 * treff_week_print_load:
 *
 * Reads the rooms, dates, closures and holidays of the week from @store,
 * keeping only what the audience may see. Call again after a change.
 */
gboolean
treff_week_print_load (TreffWeekPrint  *self,
                       TreffStore      *store,
                       GError         **error)
{
  GTimeZone *zone;
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) all_rows = NULL;
  g_autoptr(GHashTable) rows_by_id = NULL;
  g_autoptr(GPtrArray) bounds = NULL;
  GDateTime **day_bounds;

  g_return_val_if_fail (TREFF_IS_WEEK_PRINT (self), FALSE);
  g_return_val_if_fail (TREFF_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  zone = treff_store_get_time_zone (store);

  /* Midnight to midnight in the centre's zone, day by day: a day with a
   * clock change has 23 or 25 hours. */
  bounds = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  for (guint day = 0; day <= N_DAYS; day++)
    {
      GDate date = self->monday;

      g_date_add_days (&date, day);
      g_ptr_array_add (bounds, midnight (zone, &date));
    }
  day_bounds = (GDateTime **)bounds->pdata;

  rooms = treff_store_list_rooms (store, TRUE, error);
  if (rooms == NULL)
    return FALSE;
  occurrences = treff_store_list_occurrences (store, day_bounds[0], day_bounds[N_DAYS], error);
  if (occurrences == NULL)
    return FALSE;
  if (!load_days (self, store, error))
    return FALSE;

  all_rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  rows_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < rooms->len; i++)
    {
      Row *row = row_new (g_ptr_array_index (rooms, i));

      g_ptr_array_add (all_rows, row);
      g_hash_table_insert (rows_by_id, &row->id, row);
    }

  for (guint i = 0; i < occurrences->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      gint64 room_id = treff_occurrence_get_room_id (occurrence);
      Row *row = g_hash_table_lookup (rows_by_id, &room_id);

      if (row == NULL)
        continue;

      /* A party from Saturday 18:00 to Sunday 02:00 keeps the room busy
       * on both days, and the cleaners need to know that. */
      for (guint day = 0; day < N_DAYS; day++)
        {
          g_autofree char *time = NULL;
          g_autofree char *markup = NULL;
          Entry *entry;

          if (!occurrence_touches_day (occurrence, day_bounds[day], day_bounds[day + 1]))
            continue;

          time = dup_time_text (occurrence, day_bounds[day], day_bounds[day + 1]);
          markup = dup_entry_markup (self, occurrence, time);
          if (markup == NULL)
            break;

          entry = g_new0 (Entry, 1);
          entry->start = g_date_time_ref (treff_occurrence_get_start (occurrence));
          entry->markup = g_steal_pointer (&markup);
          pango_parse_markup (entry->markup, -1, 0, NULL, &entry->text, NULL, NULL);
          g_ptr_array_add (row->entries[day], entry);
        }
    }

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  for (guint i = 0; i < all_rows->len; i++)
    {
      Row *row = g_ptr_array_index (all_rows, i);
      gboolean wanted;

      /* Without a selection: the rooms used that week. Only current rooms
       * can be booked, but an archived room still shows the dates it had,
       * so a past week prints as it was. */
      if (self->room_ids != NULL)
        wanted = is_selected (self, row->id);
      else
        wanted = !row_is_empty (row);

      if (!wanted)
        continue;

      for (guint day = 0; day < N_DAYS; day++)
        g_ptr_array_sort (row->entries[day], compare_entries);

      g_ptr_array_add (self->rows, row);
      all_rows->pdata[i] = NULL;
    }

  if (self->printed_at_given)
    {
      GDateTime *local = g_date_time_to_timezone (self->printed_at, zone);

      g_date_time_unref (self->printed_at);
      self->printed_at = local;
    }
  else
    {
      g_clear_pointer (&self->printed_at, g_date_time_unref);
      self->printed_at = g_date_time_new_now (zone);
    }

  self->loaded = TRUE;
  return TRUE;
}

/* The number of rooms (rows) the loaded plan shows. */
guint
treff_week_print_get_n_rooms (TreffWeekPrint *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_PRINT (self), 0);
  g_return_val_if_fail (self->loaded, 0);

  return self->rows->len;
}

/* The size (points) of the dates' text the last draw chose to fit the page. */
double
treff_week_print_get_font_size (TreffWeekPrint *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_PRINT (self), 0.0);

  return self->font_size;
}

/* ---- drawing ---------------------------------------------------------- */

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  PangoStretch  stretch;
} Painter;

/* A layout of @markup in @size points, @width wide (0: unlimited), at most
 * @max_lines lines (0: any number) with an ellipsis after the last. */
static PangoLayout *
make_layout (Painter    *painter,
             const char *markup,
             double      size,
             PangoWeight weight,
             double      width,
             int         max_lines)
{
  PangoLayout *layout = pango_layout_new (painter->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_stretch (font, painter->stretch);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_markup (layout, markup, -1);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static PangoLayout *
make_text_layout (Painter    *painter,
                  const char *text,
                  double      size,
                  PangoWeight weight,
                  double      width,
                  int         max_lines)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return make_layout (painter, markup, size, weight, width, max_lines);
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double)height / PANGO_SCALE;
}

static double
first_line_height (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoRectangle logical;

  if (line == NULL)
    return 0.0;

  pango_layout_line_get_extents (line, NULL, &logical);
  return (double)logical.height / PANGO_SCALE;
}

static void
show_layout (Painter     *painter,
             PangoLayout *layout,
             double       x,
             double       y,
             double       grey)
{
  cairo_save (painter->cr);
  cairo_set_source_rgb (painter->cr, grey, grey, grey);
  cairo_move_to (painter->cr, x, y);
  pango_cairo_show_layout (painter->cr, layout);
  cairo_restore (painter->cr);
}

static void
fill_rectangle (cairo_t *cr,
                double   x,
                double   y,
                double   width,
                double   height,
                double   grey)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_line (cairo_t *cr,
           double   x1,
           double   y1,
           double   x2,
           double   y2,
           double   line_width,
           double   grey)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Font sizes of the parts of the table, all derived from the dates' size. */
static double
room_font_size (double size)
{
  return MAX (size * 1.1, 7.0);
}

static double
entry_spacing (double size)
{
  return size * 0.45;
}

static char *
dup_capacity_text (guint capacity)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "up to %u person", "up to %u people",
                                       capacity),
                          capacity);
}

static PangoLayout *
make_room_layout (Painter *painter,
                  Row     *row,
                  double   size,
                  double   width)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (row->name, -1);

  g_string_append_printf (markup, "<b>%s</b>", name);
  if (row->capacity > 0)
    {
      g_autofree char *capacity = dup_capacity_text (row->capacity);
      g_autofree char *escaped = g_markup_escape_text (capacity, -1);

      g_string_append_printf (markup, "\n<span size=\"smaller\" foreground=\"#404040\">%s</span>",
                              escaped);
    }

  return make_layout (painter, markup->str, room_font_size (size), PANGO_WEIGHT_NORMAL,
                      width, 4);
}

static double
colour_mark_size (double size)
{
  return room_font_size (size) * 0.8;
}

static double
room_text_indent (double size)
{
  return colour_mark_size (size) + 4.0;
}

static PangoLayout *
make_entry_layout (Painter *painter,
                   Entry   *entry,
                   double   size,
                   double   width,
                   gboolean internal)
{
  return make_layout (painter, entry->markup, size, PANGO_WEIGHT_NORMAL, width,
                      internal ? 4 : 3);
}

typedef struct
{
  double width;
  double height;
  double room_width;
  double day_width;
  double table_top;       /* the day headers */
  double head_height;
  double body_top;        /* the first room */
  double body_height;     /* room for the rows */
} Geometry;

static double
cell_content_height (Painter  *painter,
                     Row      *row,
                     guint     day,
                     double    size,
                     double    width,
                     gboolean  internal)
{
  GPtrArray *entries = row->entries[day];
  double height = 0.0;

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_entry_layout (painter, g_ptr_array_index (entries, i),
                                                         size, width, internal);

      if (i > 0)
        height += entry_spacing (size);
      height += layout_height (layout);
    }

  return height;
}

static double
row_natural_height (Painter        *painter,
                    const Geometry *geometry,
                    Row            *row,
                    double          size,
                    gboolean        internal)
{
  g_autoptr(PangoLayout) room = NULL;
  double text_width = geometry->day_width - 2 * CELL_PADDING;
  double height;

  room = make_room_layout (painter, row, size,
                           geometry->room_width - 2 * CELL_PADDING - room_text_indent (size));
  height = layout_height (room);

  for (guint day = 0; day < N_DAYS; day++)
    height = MAX (height, cell_content_height (painter, row, day, size, text_width, internal));

  return height + 2 * CELL_PADDING;
}

static double
measure_text (PangoLayout *layout,
              const char  *text)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  return (double)width / PANGO_SCALE;
}

/* The width of the longest word of @text. */
static double
longest_word (PangoLayout *layout,
              const char  *text)
{
  g_auto(GStrv) words = NULL;
  double longest = 0.0;

  if (text == NULL)
    return 0.0;

  words = g_strsplit_set (text, " \n\t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      longest = MAX (longest, measure_text (layout, words[i]));

  return longest;
}

static double
longest_room_word (Painter        *painter,
                   TreffWeekPrint *self,
                   double          size)
{
  g_autoptr(PangoLayout) layout = make_layout (painter, "", room_font_size (size),
                                               PANGO_WEIGHT_BOLD, 0, 0);
  double longest = 0.0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      longest = MAX (longest, longest_word (layout, row->name));
    }

  return longest;
}

/* Whether every word of every date fits its column at @size: a smaller
 * text reads better than "Hausaufgabenhil-fe". (The bold times have no
 * long words.) */
static gboolean
words_fit (Painter        *painter,
           TreffWeekPrint *self,
           double          size,
           double          width)
{
  g_autoptr(PangoLayout) layout = make_layout (painter, "", size, PANGO_WEIGHT_NORMAL, 0, 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      for (guint day = 0; day < N_DAYS; day++)
        for (guint j = 0; j < row->entries[day]->len; j++)
          {
            Entry *entry = g_ptr_array_index (row->entries[day], j);

            if (longest_word (layout, entry->text) > width)
              return FALSE;
          }
    }

  return TRUE;
}

/* The heights of the rows: natural at the chosen size, the spare room
 * shared so rows come out equally high where they can, but no row taller
 * than a third of the table (one busy room need not fill the page). */
static void
share_heights (double *heights,
               guint   n_rows,
               double  available)
{
  double total = 0.0, low, high, cap;

  for (guint i = 0; i < n_rows; i++)
    total += heights[i];

  if (total > available)
    {
      /* Even the smallest font does not fit: everyone gives up a share,
       * the cells say how many dates they could not show. */
      for (guint i = 0; i < n_rows; i++)
        heights[i] *= available / total;
      return;
    }

  cap = available / 3.0;
  low = 0.0;
  high = available;
  for (int step = 0; step < 50; step++)
    {
      double level = (low + high) / 2.0, sum = 0.0;

      for (guint i = 0; i < n_rows; i++)
        sum += MAX (heights[i], level);
      if (sum > available)
        high = level;
      else
        low = level;
    }

  for (guint i = 0; i < n_rows; i++)
    heights[i] = MAX (heights[i], MIN (low, cap));
}

static void
set_colour_from_text (cairo_t    *cr,
                      const char *colour)
{
  PangoColor parsed;

  if (colour != NULL && pango_color_parse (&parsed, colour))
    cairo_set_source_rgb (cr, parsed.red / 65535.0, parsed.green / 65535.0,
                          parsed.blue / 65535.0);
  else
    cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
}

static void
draw_room_cell (Painter        *painter,
                const Geometry *geometry,
                Row            *row,
                double          y,
                double          height,
                double          size)
{
  g_autoptr(PangoLayout) layout = NULL;
  double mark = colour_mark_size (size);
  double x = CELL_PADDING;
  double text_width = geometry->room_width - 2 * CELL_PADDING - room_text_indent (size);
  double mark_y;

  layout = make_room_layout (painter, row, size, text_width);
  if (layout_height (layout) > height - 2 * CELL_PADDING)
    pango_layout_set_height (layout, (int)((height - 2 * CELL_PADDING) * PANGO_SCALE));

  /* The room's colour is only a small mark: the plan has to work on a
   * black-and-white copier. The outline keeps pale colours visible. */
  mark_y = y + CELL_PADDING + (first_line_height (layout) - mark) / 2.0;
  cairo_save (painter->cr);
  cairo_rectangle (painter->cr, x, mark_y, mark, mark);
  set_colour_from_text (painter->cr, row->colour);
  cairo_fill_preserve (painter->cr);
  cairo_set_source_rgb (painter->cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (painter->cr, 0.5);
  cairo_stroke (painter->cr);
  cairo_restore (painter->cr);

  show_layout (painter, layout, x + room_text_indent (size), y + CELL_PADDING, 0.0);
}

static void
draw_day_cell (Painter  *painter,
               Row      *row,
               guint     day,
               double    x,
               double    y,
               double    width,
               double    height,
               double    size,
               gboolean  internal)
{
  GPtrArray *entries = row->entries[day];
  double text_width = width - 2 * CELL_PADDING;
  double bottom = y + height - CELL_PADDING;
  double more_height;
  double cursor = y + CELL_PADDING;
  g_autoptr(PangoLayout) sample = NULL;

  sample = make_text_layout (painter, "+9", size, PANGO_WEIGHT_NORMAL, text_width, 1);
  more_height = layout_height (sample);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(PangoLayout) layout = make_entry_layout (painter, entry, size, text_width, internal);
      double entry_height = layout_height (layout);
      gboolean last = i + 1 == entries->len;
      double needed = entry_height + (last ? 0.0 : entry_spacing (size) + more_height);

      if (cursor + needed > bottom + 0.01)
        {
          guint n_left = entries->len - i;
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "+%u more date",
                                                                "+%u more dates",
                                                                n_left),
                                                   n_left);
          g_autoptr(PangoLayout) more_layout = NULL;

          more_layout = make_layout (painter, "", size, PANGO_WEIGHT_BOLD, text_width, 1);
          pango_layout_set_text (more_layout, more, -1);
          if (cursor + more_height <= bottom + 0.01)
            show_layout (painter, more_layout, x + CELL_PADDING, cursor, 0.0);
          break;
        }

      show_layout (painter, layout, x + CELL_PADDING, cursor, 0.0);
      cursor += entry_height + entry_spacing (size);
    }
}

static char *
dup_week_title (TreffWeekPrint *self)
{
  /* Translators: the calendar week on the printed plan; German "KW %u" */
  return g_strdup_printf (C_("week plan", "Week %u"),
                          g_date_get_iso8601_week_of_year (&self->monday));
}

static char *
dup_date_range (TreffWeekPrint *self)
{
  GDate sunday = self->monday;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_date_add_days (&sunday, N_DAYS - 1);
  first = treff_format_day (&self->monday);
  last = treff_format_day (&sunday);

  /* Translators: the days of the printed week, "Mon, 11/23/2026 – Sun, 11/29/2026" */
  return g_strdup_printf (C_("week plan", "%s – %s"), first, last);
}

static char *
dup_as_of (TreffWeekPrint *self)
{
  g_autofree char *when = treff_format_date_time (self->printed_at);

  /* Translators: when the week plan was printed, "As of Fri, 11/20/2026 14:05" */
  return g_strdup_printf (C_("week plan", "As of %s"), when);
}

/* Centre and title on the left, the dates and "As of" on the right.
 * Returns the height used. */
static double
draw_page_header (TreffWeekPrint *self,
                  Painter        *painter,
                  double          width)
{
  g_autoptr(PangoLayout) range_layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) as_of_layout = NULL;
  g_autofree char *week = dup_week_title (self);
  g_autofree char *range = dup_date_range (self);
  g_autofree char *as_of = dup_as_of (self);
  g_autofree char *title_markup = NULL;
  g_autofree char *plan_escaped = g_markup_escape_text (_("Week plan"), -1);
  g_autofree char *week_escaped = g_markup_escape_text (week, -1);
  double left_width = width * 0.58;
  double right_width = width - left_width - 12.0;
  double right_x = width - right_width;
  double left_y = 0.0, right_y = 0.0;

  if (self->centre_name[0] != '\0')
    {
      g_autoptr(PangoLayout) centre = make_text_layout (painter, self->centre_name, 12.0,
                                                        PANGO_WEIGHT_SEMIBOLD, left_width, 1);

      show_layout (painter, centre, 0.0, left_y, 0.25);
      left_y += layout_height (centre) + 1.0;
    }

  title_markup = g_strdup_printf ("<b>%s</b>  %s", plan_escaped, week_escaped);
  title_layout = make_layout (painter, title_markup, 22.0, PANGO_WEIGHT_NORMAL, left_width, 1);
  show_layout (painter, title_layout, 0.0, left_y, 0.0);
  left_y += layout_height (title_layout);

  range_layout = make_text_layout (painter, range, 14.0, PANGO_WEIGHT_BOLD, right_width, 2);
  pango_layout_set_alignment (range_layout, PANGO_ALIGN_RIGHT);
  show_layout (painter, range_layout, right_x, right_y, 0.0);
  right_y += layout_height (range_layout) + 1.0;

  as_of_layout = make_text_layout (painter, as_of, 8.5, PANGO_WEIGHT_NORMAL, right_width, 1);
  pango_layout_set_alignment (as_of_layout, PANGO_ALIGN_RIGHT);
  show_layout (painter, as_of_layout, right_x, right_y, 0.3);
  right_y += layout_height (as_of_layout);

  if (self->audience == TREFF_WEEK_PRINT_INTERNAL)
    {
      g_autoptr(PangoLayout) internal = NULL;

      /* The internal plan names renters: say so on the page, so it is not
       * pinned to the notice board by mistake. */
      internal = make_text_layout (painter,
                                   _("Internal: contains personal data, not for the notice board"),
                                   8.5, PANGO_WEIGHT_BOLD, right_width, 2);
      pango_layout_set_alignment (internal, PANGO_ALIGN_RIGHT);
      show_layout (painter, internal, right_x, right_y + 1.0, 0.0);
      right_y += layout_height (internal) + 1.0;
    }

  return MAX (left_y, right_y);
}

static PangoLayout *
make_day_head_layout (Painter   *painter,
                      const Day *day,
                      double     width)
{
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *weekday = NULL;
  g_autofree char *date = NULL;
  g_autofree char *weekday_escaped = NULL;
  g_autofree char *date_escaped = NULL;

  noon = g_date_time_new_utc (g_date_get_year (&day->date), g_date_get_month (&day->date),
                              g_date_get_day (&day->date), 12, 0, 0);
  weekday = g_date_time_format (noon, "%A");
  /* Translators: day and month in the column heads of the printed week
   * plan, "11/23", in g_date_time_format () syntax; German "%-d.%-m." */
  date = g_date_time_format (noon, C_("week plan day format", "%-m/%-d"));
  weekday_escaped = g_markup_escape_text (weekday, -1);
  date_escaped = g_markup_escape_text (date, -1);

  g_string_append_printf (markup, "<b>%s</b>\n%s", weekday_escaped, date_escaped);
  if (day->note != NULL)
    {
      g_autofree char *note = g_markup_escape_text (day->note, -1);

      g_string_append_printf (markup, "\n<span size=\"smaller\"><i>%s</i></span>", note);
    }

  return make_layout (painter, markup->str, 10.0, PANGO_WEIGHT_NORMAL, width, 4);
}

/* The grid: columns down to @columns_bottom, the frame down to @bottom. */
static void
draw_table_frame (const Geometry *geometry,
                  cairo_t        *cr,
                  double          columns_bottom,
                  double          bottom)
{
  double x = geometry->room_width;

  for (guint day = 1; day < N_DAYS; day++)
    {
      double line_x = geometry->room_width + day * geometry->day_width;

      draw_line (cr, line_x, geometry->table_top, line_x, columns_bottom, GRID_LINE, 0.45);
    }

  draw_line (cr, x, geometry->table_top, x, columns_bottom, FRAME_LINE, 0.0);
  draw_line (cr, 0.0, geometry->body_top, geometry->width, geometry->body_top, FRAME_LINE, 0.0);

  cairo_save (cr);
  cairo_set_line_width (cr, FRAME_LINE);
  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  cairo_rectangle (cr, 0.0, geometry->table_top, geometry->width, bottom - geometry->table_top);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * treff_week_print_draw:
 * @cr: where to draw, in points (1/72 inch)
 * @width: the width of the area to fill, from (0, 0) of @cr
 * @height: its height
 *
 * Draws the loaded week onto the area, filling it edge to edge: the
 * caller leaves the page's margins (a print context has done that). The
 * text of the dates shrinks until the week fits; it never needs a second
 * page.
 */
void
treff_week_print_draw (TreffWeekPrint *self,
                       cairo_t        *cr,
                       double          width,
                       double          height)
{
  g_autoptr(GObject) context_owner = NULL;
  PangoContext *context;
  g_autofree double *heights = NULL;
  cairo_font_options_t *options;
  gboolean internal;
  Painter painter;
  Geometry geometry = { 0 };
  double head_text_height = 0.0;
  double size, y, bottom;
  guint n_rows;

  g_return_if_fail (TREFF_IS_WEEK_PRINT (self));
  g_return_if_fail (self->loaded);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);

  internal = self->audience == TREFF_WEEK_PRINT_INTERNAL;
  n_rows = self->rows->len;

  /* Paper has no pixels: lay text out in points, without hinting, so the
   * PDF and the printer break lines in the same places. */
  /* Pango 1.50 has no autoptr for PangoContext. */
  context = pango_cairo_create_context (cr);
  context_owner = G_OBJECT (context);
  pango_cairo_context_set_resolution (context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  painter.cr = cr;
  painter.context = context;
  painter.stretch = PANGO_STRETCH_NORMAL;

  cairo_save (cr);

  geometry.width = width;
  geometry.height = height;

  y = draw_page_header (self, &painter, width);
  y += 6.0;
  draw_line (cr, 0.0, y, width, y, 1.5, 0.0);
  geometry.table_top = y + 8.0;

  /* Seven days side by side on A4 leave narrow columns: a condensed face,
   * where the system has one, breaks fewer words. */
  painter.stretch = PANGO_STRETCH_SEMI_CONDENSED;

  /* The rooms' column as wide as their longest word, the rest for the days. */
  geometry.room_width = longest_room_word (&painter, self, MAX_FONT_SIZE) +
                        room_text_indent (MAX_FONT_SIZE) + 2 * CELL_PADDING + 1.0;
  geometry.room_width = CLAMP (geometry.room_width, width * 0.1, width * 0.17);
  geometry.day_width = (width - geometry.room_width) / N_DAYS;

  for (guint day = 0; day < N_DAYS; day++)
    {
      g_autoptr(PangoLayout) head = make_day_head_layout (&painter, &self->days[day],
                                                          geometry.day_width - 2 * CELL_PADDING);

      head_text_height = MAX (head_text_height, layout_height (head));
    }
  geometry.head_height = head_text_height + 2 * CELL_PADDING;
  geometry.body_top = geometry.table_top + geometry.head_height;
  geometry.body_height = height - geometry.body_top;

  /* The largest size at which every room fits, and where it can, every
   * word in its column. */
  heights = g_new0 (double, MAX (n_rows, 1));
  for (size = MAX_FONT_SIZE; ; size -= FONT_SIZE_STEP)
    {
      double total = 0.0;

      if (size > WORD_FIT_MIN_FONT_SIZE + 0.001 &&
          !words_fit (&painter, self, size, geometry.day_width - 2 * CELL_PADDING))
        continue;

      for (guint i = 0; i < n_rows; i++)
        {
          heights[i] = row_natural_height (&painter, &geometry, g_ptr_array_index (self->rows, i),
                                           size, internal);
          total += heights[i];
        }

      if (total <= geometry.body_height || size - FONT_SIZE_STEP < MIN_FONT_SIZE - 0.001)
        break;
    }
  self->font_size = size;
  share_heights (heights, n_rows, geometry.body_height);

  /* An empty week still shows its days and holidays, above one line
   * saying so. */
  bottom = geometry.body_top;
  for (guint i = 0; i < n_rows; i++)
    bottom += heights[i];
  if (n_rows == 0)
    bottom += MIN (geometry.body_height, 60.0);

  /* Backgrounds first: a light band on every other room for the eye to
   * follow a row across the week, grey days when the centre is closed. */
  y = geometry.body_top;
  for (guint i = 0; i < n_rows; i++)
    {
      if (i % 2 == 1)
        fill_rectangle (cr, 0.0, y, width, heights[i], 0.95);
      y += heights[i];
    }

  for (guint day = 0; day < N_DAYS; day++)
    if (self->days[day].shaded)
      fill_rectangle (cr, geometry.room_width + day * geometry.day_width, geometry.table_top,
                      geometry.day_width, (n_rows > 0 ? bottom : geometry.body_top) - geometry.table_top,
                      0.85);

  /* The column heads. */
  {
    g_autoptr(PangoLayout) corner = make_text_layout (&painter, _("Room"), 10.0, PANGO_WEIGHT_BOLD,
                                                      geometry.room_width - 2 * CELL_PADDING, 1);

    show_layout (&painter, corner, CELL_PADDING, geometry.table_top + CELL_PADDING, 0.0);
  }
  for (guint day = 0; day < N_DAYS; day++)
    {
      g_autoptr(PangoLayout) head = make_day_head_layout (&painter, &self->days[day],
                                                          geometry.day_width - 2 * CELL_PADDING);

      show_layout (&painter, head, geometry.room_width + day * geometry.day_width + CELL_PADDING,
                   geometry.table_top + CELL_PADDING, 0.0);
    }

  /* The rooms. */
  y = geometry.body_top;
  for (guint i = 0; i < n_rows; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (i > 0)
        draw_line (cr, 0.0, y, width, y, GRID_LINE, 0.45);

      draw_room_cell (&painter, &geometry, row, y, heights[i], size);
      for (guint day = 0; day < N_DAYS; day++)
        draw_day_cell (&painter, row, day, geometry.room_width + day * geometry.day_width, y,
                       geometry.day_width, heights[i], size, internal);
      y += heights[i];
    }

  if (n_rows == 0)
    {
      g_autoptr(PangoLayout) empty = NULL;

      empty = make_text_layout (&painter, _("No room is booked this week."), 14.0,
                                PANGO_WEIGHT_NORMAL, width, 1);
      pango_layout_set_alignment (empty, PANGO_ALIGN_CENTER);
      show_layout (&painter, empty, 0.0,
                   geometry.body_top + (bottom - geometry.body_top - layout_height (empty)) / 2.0,
                   0.3);
    }

  draw_table_frame (&geometry, cr, n_rows > 0 ? bottom : geometry.body_top, bottom);

  cairo_restore (cr);
}

/* ---- PDF -------------------------------------------------------------- */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOENT)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("Cannot save the week plan as “%s”: the folder “%s” does not exist."),
                   display, folder_display);
    }
  else
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("Cannot save the week plan as “%s”: %s."),
                   display, g_strerror (saved_errno));
    }
}

/* Writes @data to "@path.partial" and renames it over @path, so nobody
 * ever sees half a plan; on failure nothing is left behind. */
static gboolean
write_file_atomically (const char    *path,
                       const guint8  *data,
                       gsize          length,
                       GError       **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  gsize written = 0;
  int fd;

  fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (path, errno, error);
      return FALSE;
    }

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_close (fd, NULL);
          g_unlink (partial);
          set_write_error (path, saved_errno, error);
          return FALSE;
        }
      written += n;
    }

  if (fsync (fd) != 0 || !g_close (fd, NULL))
    {
      int saved_errno = errno;

      g_unlink (partial);
      set_write_error (path, saved_errno, error);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      set_write_error (path, saved_errno, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * treff_week_print_write_pdf:
 * @path: the PDF file to write (replaced if it exists)
 *
 * Writes the loaded week as a one-page A4 landscape PDF.
 *
 * Returns: %TRUE on success; otherwise a %TREFF_ERROR_IO that names @path
 *   and leaves no file behind.
 */
gboolean
treff_week_print_write_pdf (TreffWeekPrint  *self,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *week = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (TREFF_IS_WEEK_PRINT (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  week = dup_week_title (self);
  if (self->centre_name[0] != '\0')
    /* Translators: the title of the PDF file: "Week plan – Week 48 – Familienzentrum Nord" */
    title = g_strdup_printf (C_("week plan PDF title", "%s – %s – %s"), _("Week plan"), week,
                             self->centre_name);
  else
    /* Translators: the title of the PDF file: "Week plan – Week 48" */
    title = g_strdup_printf (C_("week plan PDF title", "%s – %s"), _("Week plan"), week);

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Treffpunkt");

  cr = cairo_create (surface);
  cairo_translate (cr, PDF_MARGIN, PDF_MARGIN);
  treff_week_print_draw (self, cr, PAGE_WIDTH - 2 * PDF_MARGIN, PAGE_HEIGHT - 2 * PDF_MARGIN);
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("Cannot save the week plan as “%s”: %s."),
                   display, cairo_status_to_string (status));
      return FALSE;
    }

  return write_file_atomically (path, bytes->data, bytes->len, error);
}
