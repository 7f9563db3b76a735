/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-booking-editor.c — the dialog that creates or changes a booking or series
 *
 * Every change runs the store's own check, so the dialog shows, while the
 * times are typed, the conflict that saving would report. A new series
 * lists its dates; dates that cannot take place are offered for skipping. */
#define G_LOG_DOMAIN "treff-booking-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-accessible.h"
#include "treff-booking-editor.h"
#include "treff-error.h"
#include "treff-format.h"
#include "treff-gui-util.h"
#include "treff-room-list.h"
#include "treff-util.h"

typedef enum
{
  REPEAT_CHOICE_NONE,
  REPEAT_CHOICE_DAILY,
  REPEAT_CHOICE_WEEKLY,
  REPEAT_CHOICE_MONTHLY_BY_DATE,
  REPEAT_CHOICE_MONTHLY_BY_WEEKDAY,
} RepeatChoice;

struct _TreffBookingEditor
{
  AdwWindow        parent_instance;

  TreffStore      *store;
  TreffBooking    *saved;        /* NULL for a new booking */
  TreffOccurrence *occurrence;   /* the date that was opened, if any */
  GListModel      *rooms;
  GDate            date;
  GDate            until;
  GHashTable      *skipped;      /* starts (GDateTime) of the dates to skip */
  GHashTable      *seen;         /* starts of the problem dates offered so far */
  gboolean         filling;

  GtkLabel        *status_label;
  AdwEntryRow     *title_row;
  AdwComboRow     *room_row;
  AdwComboRow     *kind_row;
  AdwComboRow     *status_row;
  GtkMenuButton   *date_button;
  GtkCalendar     *date_calendar;
  GtkSwitch       *all_day_switch;
  GtkWidget       *time_row;
  GtkEntry        *start_entry;
  GtkEntry        *end_entry;
  AdwComboRow     *repeat_row;
  GtkWidget       *interval_row;
  GtkSpinButton   *interval_spin;
  GtkWidget       *weekdays_row;
  GtkBox          *weekdays_box;
  GtkToggleButton *weekday_buttons[7];
  AdwComboRow     *end_kind_row;
  GtkWidget       *until_row;
  GtkMenuButton   *until_button;
  GtkCalendar     *until_calendar;
  GtkWidget       *count_row;
  GtkSpinButton   *count_spin;
  GtkWidget       *pause_row;
  GtkSwitch       *pause_switch;
  GtkSwitch       *override_switch;
  GtkWidget       *dates_group;
  GtkListBox      *dates_list;
  AdwEntryRow     *organiser_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *email_row;
  GtkSpinButton   *attendees_spin;
  GtkSpinButton   *setup_spin;
  GtkSpinButton   *cleanup_spin;
  GtkSwitch       *public_switch;
  GtkWidget       *rental_group;
  GtkSpinButton   *fee_spin;
  GtkSpinButton   *deposit_spin;
  GtkSwitch       *key_out_switch;
  GtkSwitch       *key_back_switch;
  GtkTextView     *notes_view;
  GtkWidget       *manage_box;
  GtkButton       *cancel_date_button;
};

G_DEFINE_FINAL_TYPE (TreffBookingEditor, treff_booking_editor, ADW_TYPE_WINDOW)

static void update_check (TreffBookingEditor *self);

static GDateTime *
date_at (TreffBookingEditor *self,
         const GDate        *date,
         guint               hour,
         guint               minute)
{
  return g_date_time_new (treff_store_get_time_zone (self->store),
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                          hour, minute, 0);
}

/* -1 for the last weekday of its month, else 1…4 (a fifth one counts as last). */
static int
week_of_month (const GDate *date)
{
  GDate next_week = *date;

  g_date_add_days (&next_week, 7);
  if (g_date_get_month (&next_week) != g_date_get_month (date))
    return -1;

  return MIN (4, (g_date_get_day (date) - 1) / 7 + 1);
}

/* The monthly choices mention the chosen date: "Every month on day 5",
 * "Every month on the first Saturday" — as the series will be described. */
static char *
dup_monthly_label (TreffBookingEditor *self,
                   TreffRepeat         repeat)
{
  g_autoptr(GDateTime) noon = date_at (self, &self->date, 12, 0);
  TreffRecurrence recurrence;

  treff_recurrence_init_none (&recurrence);
  recurrence.repeat = repeat;
  recurrence.interval = 1;
  recurrence.week_of_month = week_of_month (&self->date);
  return treff_recurrence_describe (&recurrence, noon);
}

static void
update_repeat_labels (TreffBookingEditor *self)
{
  GtkStringList *labels = GTK_STRING_LIST (adw_combo_row_get_model (self->repeat_row));
  g_autofree char *by_date = dup_monthly_label (self, TREFF_REPEAT_MONTHLY_BY_DATE);
  g_autofree char *by_weekday = dup_monthly_label (self, TREFF_REPEAT_MONTHLY_BY_WEEKDAY);
  guint selected = adw_combo_row_get_selected (self->repeat_row);
  const char *items[] = { by_date, by_weekday, NULL };

  self->filling = TRUE;
  gtk_string_list_splice (labels, REPEAT_CHOICE_MONTHLY_BY_DATE, 2, items);
  adw_combo_row_set_selected (self->repeat_row, selected);
  self->filling = FALSE;
}

static void
update_date_buttons (TreffBookingEditor *self)
{
  g_autofree char *date = treff_format_day (&self->date);
  g_autofree char *until = treff_format_day (&self->until);

  gtk_menu_button_set_label (self->date_button, date);
  gtk_menu_button_set_label (self->until_button, until);
}

/* "days", "weeks" or "months", matching the number in the spin button. */
static const char *
interval_unit (TreffBookingEditor *self,
               RepeatChoice        repeat)
{
  guint n = gtk_spin_button_get_value_as_int (self->interval_spin);

  switch (repeat)
    {
    case REPEAT_CHOICE_DAILY:
      return g_dngettext (GETTEXT_PACKAGE, "day", "days", n);
    case REPEAT_CHOICE_WEEKLY:
      return g_dngettext (GETTEXT_PACKAGE, "week", "weeks", n);
    case REPEAT_CHOICE_MONTHLY_BY_DATE:
    case REPEAT_CHOICE_MONTHLY_BY_WEEKDAY:
      return g_dngettext (GETTEXT_PACKAGE, "month", "months", n);
    case REPEAT_CHOICE_NONE:
    default:
      return "";
    }
}

static void
update_visibility (TreffBookingEditor *self)
{
  RepeatChoice repeat = adw_combo_row_get_selected (self->repeat_row);
  gboolean series = repeat != REPEAT_CHOICE_NONE;
  gboolean by_count = adw_combo_row_get_selected (self->end_kind_row) == 1;

  gtk_widget_set_visible (self->interval_row, series);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->interval_row), interval_unit (self, repeat));
  gtk_widget_set_visible (self->weekdays_row, repeat == REPEAT_CHOICE_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->end_kind_row), series);
  gtk_widget_set_visible (self->until_row, series && !by_count);
  gtk_widget_set_visible (self->count_row, series && by_count);
  gtk_widget_set_visible (self->pause_row, series);
  gtk_widget_set_visible (self->time_row, !gtk_switch_get_active (self->all_day_switch));
  gtk_widget_set_visible (self->rental_group,
                          adw_combo_row_get_selected (self->kind_row) == TREFF_BOOKING_KIND_RENTAL);
}

static gint64
selected_room_id (TreffBookingEditor *self)
{
  TreffRoom *room = adw_combo_row_get_selected_item (self->room_row);

  return room ? treff_room_get_id (room) : 0;
}

static void
select_room (TreffBookingEditor *self,
             gint64              room_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->rooms); i++)
    {
      g_autoptr(TreffRoom) room = g_list_model_get_item (self->rooms, i);

      if (treff_room_get_id (room) == room_id)
        {
          adw_combo_row_set_selected (self->room_row, i);
          return;
        }
    }
}

static void
read_recurrence (TreffBookingEditor *self,
                 TreffRecurrence    *recurrence)
{
  RepeatChoice repeat = adw_combo_row_get_selected (self->repeat_row);

  treff_recurrence_init_none (recurrence);
  if (repeat == REPEAT_CHOICE_NONE)
    return;

  recurrence->interval = gtk_spin_button_get_value_as_int (self->interval_spin);
  switch (repeat)
    {
    case REPEAT_CHOICE_DAILY:
      recurrence->repeat = TREFF_REPEAT_DAILY;
      break;
    case REPEAT_CHOICE_WEEKLY:
      recurrence->repeat = TREFF_REPEAT_WEEKLY;
      for (guint i = 0; i < 7; i++)
        {
          if (gtk_toggle_button_get_active (self->weekday_buttons[i]))
            recurrence->weekdays |= TREFF_WEEKDAY_BIT (i + 1);
        }
      break;
    case REPEAT_CHOICE_MONTHLY_BY_DATE:
      recurrence->repeat = TREFF_REPEAT_MONTHLY_BY_DATE;
      break;
    case REPEAT_CHOICE_MONTHLY_BY_WEEKDAY:
      recurrence->repeat = TREFF_REPEAT_MONTHLY_BY_WEEKDAY;
      recurrence->week_of_month = week_of_month (&self->date);
      break;
    case REPEAT_CHOICE_NONE:
    default:
      g_assert_not_reached ();
    }

  if (adw_combo_row_get_selected (self->end_kind_row) == 1)
    recurrence->count = gtk_spin_button_get_value_as_int (self->count_spin);
  else
    recurrence->until = self->until;
}

/* The booking as the fields describe it; its times are those of the date
 * being edited. Fails with a sentence when a time cannot be read. */
static TreffBooking *
build_booking (TreffBookingEditor  *self,
               GError             **error)
{
  g_autoptr(TreffBooking) booking = self->saved ? treff_booking_copy (self->saved) : treff_booking_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *notes = treff_text_view_dup_text (self->notes_view);
  TreffRecurrence recurrence;

  if (gtk_switch_get_active (self->all_day_switch))
    {
      start = date_at (self, &self->date, 0, 0);
      end = g_date_time_add_days (start, 1);
    }
  else
    {
      guint start_hour, start_minute, end_hour, end_minute;

      if (!treff_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_entry)), &start_hour, &start_minute, error) ||
          !treff_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_entry)), &end_hour, &end_minute, error))
        return NULL;

      start = date_at (self, &self->date, start_hour, start_minute);
      /* "22:00 – 01:00" ends the next day; 24:00 is midnight. An end equal
       * to the start stays, for the store to refuse. */
      end = date_at (self, &self->date, end_hour % 24, end_minute);
      if (end_hour == 24 || g_date_time_compare (end, start) < 0)
        {
          GDateTime *next_day = g_date_time_add_days (end, 1);

          g_date_time_unref (end);
          end = next_day;
        }
    }

  read_recurrence (self, &recurrence);

  treff_booking_set_title (booking, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  treff_booking_set_room_id (booking, selected_room_id (self));
  treff_booking_set_kind (booking, adw_combo_row_get_selected (self->kind_row));
  treff_booking_set_status (booking, adw_combo_row_get_selected (self->status_row));
  treff_booking_set_times (booking, start, end);
  treff_booking_set_all_day (booking, gtk_switch_get_active (self->all_day_switch));
  treff_booking_set_recurrence (booking, &recurrence);
  treff_booking_set_pause_in_school_holidays (booking, gtk_switch_get_active (self->pause_switch));
  treff_booking_set_override_closures (booking, gtk_switch_get_active (self->override_switch));
  treff_booking_set_organiser (booking, gtk_editable_get_text (GTK_EDITABLE (self->organiser_row)));
  treff_booking_set_phone (booking, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  treff_booking_set_email (booking, gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  treff_booking_set_attendees (booking, gtk_spin_button_get_value_as_int (self->attendees_spin));
  treff_booking_set_setup_minutes (booking, gtk_spin_button_get_value_as_int (self->setup_spin));
  treff_booking_set_cleanup_minutes (booking, gtk_spin_button_get_value_as_int (self->cleanup_spin));
  treff_booking_set_public (booking, gtk_switch_get_active (self->public_switch));
  treff_booking_set_fee_cents (booking, (guint)(gtk_spin_button_get_value (self->fee_spin) * 100 + 0.5));
  treff_booking_set_deposit_cents (booking, (guint)(gtk_spin_button_get_value (self->deposit_spin) * 100 + 0.5));
  treff_booking_set_key_handed_out (booking, gtk_switch_get_active (self->key_out_switch));
  treff_booking_set_key_returned (booking, gtk_switch_get_active (self->key_back_switch));
  treff_booking_set_notes (booking, notes);

  return g_steal_pointer (&booking);
}

static gboolean
is_new_series (TreffBookingEditor *self)
{
  return self->saved == NULL && adw_combo_row_get_selected (self->repeat_row) != REPEAT_CHOICE_NONE;
}

static void
on_skip_toggled (GtkCheckButton     *check,
                 TreffBookingEditor *self)
{
  GDateTime *start = g_object_get_data (G_OBJECT (check), "start");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->skipped, g_date_time_ref (start));
  else
    g_hash_table_remove (self->skipped, start);

  update_check (self);
}

static const char *
state_icon (TreffDateState state)
{
  switch (state)
    {
    case TREFF_DATE_STATE_FREE:
      return "emblem-ok-symbolic";
    case TREFF_DATE_STATE_SCHOOL_HOLIDAY:
      return "media-playback-pause-symbolic";
    case TREFF_DATE_STATE_CONFLICT:
    case TREFF_DATE_STATE_PUBLIC_HOLIDAY:
    case TREFF_DATE_STATE_CLOSURE:
    default:
      return "dialog-warning-symbolic";
    }
}

/* Dates that can take place; the others are problems to skip or solve. */
static gboolean
is_problem (const TreffDatePreview *preview)
{
  return preview->state != TREFF_DATE_STATE_FREE && preview->state != TREFF_DATE_STATE_SCHOOL_HOLIDAY;
}

static void
fill_dates_list (TreffBookingEditor *self,
                 GPtrArray          *previews)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->dates_list))) != NULL)
    gtk_list_box_remove (self->dates_list, child);

  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *preview = g_ptr_array_index (previews, i);
      g_autofree char *title = treff_format_date_time_range (preview->start, preview->end);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (state_icon (preview->state));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (preview->detail != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (preview->detail, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      if (is_problem (preview))
        {
          GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Skip"));

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (check), "start", g_date_time_ref (preview->start),
                                  (GDestroyNotify)g_date_time_unref);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->skipped, preview->start));
          g_signal_connect_object (check, "toggled", G_CALLBACK (on_skip_toggled), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
        }
      else
        gtk_widget_add_css_class (icon, "dim-label");

      gtk_list_box_append (self->dates_list, row);
    }
}

static void
show_status (TreffBookingEditor *self,
             const char         *text,
             const char         *style)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);
}

/* Problem dates of a new series are skipped unless the user says otherwise. */
static void
skip_new_problems (TreffBookingEditor *self,
                   GPtrArray          *previews)
{
  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *preview = g_ptr_array_index (previews, i);

      if (is_problem (preview) && g_hash_table_add (self->seen, g_date_time_ref (preview->start)))
        g_hash_table_add (self->skipped, g_date_time_ref (preview->start));
    }
}

/* A new series, checked date by date: its dates are listed, problem dates
 * not seen before are skipped, and the first problem date the user keeps
 * fails the check as saving would. */
static gboolean
check_new_series (TreffBookingEditor  *self,
                  TreffBooking        *booking,
                  guint               *n_dates,
                  guint               *n_skipped,
                  GError             **error)
{
  g_autoptr(GPtrArray) previews = treff_store_preview_booking (self->store, booking,
                                                                TREFF_EDIT_SCOPE_ALL, NULL, error);

  gtk_widget_set_visible (self->dates_group, previews != NULL);
  if (previews == NULL)
    return FALSE;

  skip_new_problems (self, previews);
  fill_dates_list (self, previews);

  *n_dates = previews->len;
  for (guint i = 0; i < previews->len; i++)
    {
      TreffDatePreview *preview = g_ptr_array_index (previews, i);

      if (!is_problem (preview))
        continue;

      if (g_hash_table_contains (self->skipped, preview->start))
        {
          (*n_skipped)++;
          continue;
        }

      if (preview->state == TREFF_DATE_STATE_CONFLICT)
        g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_CONFLICT, preview->detail);
      else
        g_set_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT,
                     _("%s Skip the date, or allow this booking on closure days."), preview->detail);
      return FALSE;
    }

  return TRUE;
}

static void
update_check (TreffBookingEditor *self)
{
  g_autoptr(TreffBooking) booking = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  TreffEditScope scope = self->saved ? TREFF_EDIT_SCOPE_THIS_DATE : TREFF_EDIT_SCOPE_ALL;
  GDateTime *original = self->occurrence ? treff_occurrence_get_original_start (self->occurrence) : NULL;
  gboolean new_series = is_new_series (self);
  guint n_dates = 1;
  guint n_skipped = 0;
  gboolean checked = FALSE;
  gboolean untitled;

  if (self->filling)
    return;

  update_visibility (self);

  booking = build_booking (self, &error);
  /* Conflicts show as soon as a time is picked, before there is a title. */
  untitled = booking != NULL && *treff_booking_get_title (booking) == '\0';
  if (untitled)
    treff_booking_set_title (booking, "?");

  if (booking != NULL && new_series)
    {
      checked = check_new_series (self, booking, &n_dates, &n_skipped, &error);
      /* Only for the warning: the dates were checked above. */
      if (checked)
        treff_store_check_booking (self->store, booking, scope, original, &warning, NULL);
    }
  else
    {
      gtk_widget_set_visible (self->dates_group, FALSE);
      /* One date: the store's own check says what saving would. */
      if (booking != NULL)
        checked = treff_store_check_booking (self->store, booking, scope, original, &warning, &error);
    }

  if (!checked)
    {
      show_status (self, error->message, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }

  if (untitled)
    {
      show_status (self, _("Enter a title to save the booking."), "dim-label");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }
  else if (warning != NULL)
    show_status (self, warning, "warning");
  else if (n_skipped > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u date cannot take place and will be skipped (see Dates below).",
                                      "%u dates cannot take place and will be skipped (see Dates below).",
                                      n_skipped),
                         n_skipped);
      show_status (self, message, "warning");
    }
  else if (n_dates > 1)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The room is free on the %u date.",
                                      "The room is free on all %u dates.", n_dates),
                         n_dates);
      show_status (self, message, "success");
    }
  else
    show_status (self, _("The room is free at this time."), "success");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
}

static void
on_field_changed (TreffBookingEditor *self)
{
  update_check (self);
}

static void
on_kind_changed (TreffBookingEditor *self)
{
  /* A private party is nobody else's business on the notice board. */
  if (!self->filling && self->saved == NULL)
    gtk_switch_set_active (self->public_switch,
                           adw_combo_row_get_selected (self->kind_row) != TREFF_BOOKING_KIND_RENTAL);
  update_check (self);
}

static void
on_date_selected (TreffBookingEditor *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  guint iso_weekday;

  treff_date_from_date_time (&self->date, picked);
  if (g_date_compare (&self->until, &self->date) < 0)
    {
      self->until = self->date;
      treff_calendar_select_date (self->until_calendar, &self->until);
    }

  /* A weekly series always includes the weekday of its first date. */
  iso_weekday = g_date_get_weekday (&self->date);
  if (self->saved == NULL)
    gtk_toggle_button_set_active (self->weekday_buttons[iso_weekday - 1], TRUE);

  update_date_buttons (self);
  update_repeat_labels (self);
  gtk_menu_button_popdown (self->date_button);
  update_check (self);
}

static void
on_until_selected (TreffBookingEditor *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->until_calendar);

  treff_date_from_date_time (&self->until, picked);
  update_date_buttons (self);
  gtk_menu_button_popdown (self->until_button);
  update_check (self);
}

static void
add_date_time (gpointer key,
               gpointer value,
               gpointer user_data)
{
  g_ptr_array_add (user_data, g_date_time_ref (key));
}

/**
 * treff_booking_editor_save:
 * @scope: which dates of a saved series the change applies to
 *
 * Saves and closes, or shows why not and keeps everything typed.
 */
void
treff_booking_editor_save (TreffBookingEditor *self,
                           TreffEditScope      scope)
{
  g_autoptr(TreffBooking) booking = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_if_fail (TREFF_IS_BOOKING_EDITOR (self));

  booking = build_booking (self, &error);
  if (booking == NULL)
    {
      show_status (self, error->message, "error");
      return;
    }

  if (self->saved == NULL)
    {
      g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);

      if (is_new_series (self))
        g_hash_table_foreach (self->skipped, add_date_time, skipped);
      saved = treff_store_add_booking (self->store, booking, skipped, &error);
    }
  else
    saved = treff_store_update_booking (self->store, booking, scope,
                                        self->occurrence ? treff_occurrence_get_original_start (self->occurrence) : NULL,
                                        &error);

  if (!saved)
    {
      show_status (self, error->message, "error");
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_scope_response (AdwMessageDialog   *dialog,
                   const char         *response,
                   TreffBookingEditor *self)
{
  if (g_str_equal (response, "this"))
    treff_booking_editor_save (self, TREFF_EDIT_SCOPE_THIS_DATE);
  else if (g_str_equal (response, "following"))
    treff_booking_editor_save (self, TREFF_EDIT_SCOPE_THIS_AND_FOLLOWING);
  else if (g_str_equal (response, "all"))
    treff_booking_editor_save (self, TREFF_EDIT_SCOPE_ALL);
}

static gboolean
recurrence_changed (TreffBookingEditor *self)
{
  TreffRecurrence recurrence;

  read_recurrence (self, &recurrence);
  return memcmp (&recurrence, treff_booking_get_recurrence (self->saved), sizeof recurrence) != 0;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TreffBookingEditor *self = TREFF_BOOKING_EDITOR (widget);
  AdwMessageDialog *dialog;
  gboolean rhythm_changed;

  if (self->saved == NULL || !treff_booking_is_series (self->saved))
    {
      treff_booking_editor_save (self, TREFF_EDIT_SCOPE_ALL);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Change Which Dates?"),
                                                       _("This booking is part of a series. Changes made to single dates before are kept.")));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  /* A changed rhythm cannot apply to a single date. */
  rhythm_changed = recurrence_changed (self);
  if (!rhythm_changed)
    adw_message_dialog_add_response (dialog, "this", _("Only _This Date"));
  adw_message_dialog_add_response (dialog, "following", _("This and _Following"));
  adw_message_dialog_add_response (dialog, "all", _("_All Dates"));
  adw_message_dialog_set_default_response (dialog, rhythm_changed ? "all" : "this");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_scope_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_date_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TreffBookingEditor *self = TREFF_BOOKING_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  g_assert (self->occurrence != NULL);

  if (!treff_store_set_date_cancelled (self->store, treff_booking_get_id (self->saved),
                                       treff_occurrence_get_original_start (self->occurrence),
                                       !treff_occurrence_get_cancelled (self->occurrence), &error))
    {
      show_status (self, error->message, "error");
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_delete_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    TreffBookingEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!treff_store_delete_booking (self->store, treff_booking_get_id (self->saved), &error))
    {
      show_status (self, error->message, "error");
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TreffBookingEditor *self = TREFF_BOOKING_EDITOR (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (treff_booking_is_series (self->saved))
    body = g_strdup_printf (_("All dates of “%s” are deleted. To leave out one date, cancel it instead."),
                            treff_booking_get_title (self->saved));
  else
    body = g_strdup_printf (_("“%s” is deleted."), treff_booking_get_title (self->saved));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete Booking?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_weekday_buttons (TreffBookingEditor *self)
{
  /* 2026-11-23 is a Monday: its week gives the weekday names. */
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 11, 23, 12, 0, 0);

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, i);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *long_name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, long_name,
                                      -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->weekdays_box, button);
      self->weekday_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
fill_choices (TreffBookingEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  const char *repeats[] = {
    _("Does not repeat"), _("Every day"), _("Every week"), "", "", NULL,
  };
  const char *ends[] = { _("On a date"), _("After a number of dates"), NULL };
  g_autoptr(TreffRoomList) all_rooms = treff_room_list_new (self->store, FALSE);
  g_autoptr(GtkBoolFilter) bookable = gtk_bool_filter_new (gtk_property_expression_new (TREFF_TYPE_ROOM, NULL, "bookable"));

  for (guint i = 0; i < TREFF_N_BOOKING_KINDS; i++)
    gtk_string_list_append (kinds, treff_booking_kind_to_label (i));
  for (guint i = 0; i < TREFF_N_BOOKING_STATUSES; i++)
    gtk_string_list_append (statuses, treff_booking_status_to_label (i));

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (gtk_string_list_new (repeats)));
  g_object_unref (adw_combo_row_get_model (self->repeat_row));
  adw_combo_row_set_model (self->end_kind_row, G_LIST_MODEL (gtk_string_list_new (ends)));
  g_object_unref (adw_combo_row_get_model (self->end_kind_row));

  self->rooms = G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&all_rooms)),
                                                         GTK_FILTER (g_steal_pointer (&bookable))));
  adw_combo_row_set_expression (self->room_row, gtk_property_expression_new (TREFF_TYPE_ROOM, NULL, "name"));
  adw_combo_row_set_model (self->room_row, self->rooms);
}

static void
fill_from_booking (TreffBookingEditor *self,
                   TreffBooking       *booking,
                   GDateTime          *start,
                   GDateTime          *end,
                   const char         *title,
                   gint64              room_id)
{
  const TreffRecurrence *recurrence = treff_booking_get_recurrence (booking);
  g_autofree char *start_text = g_date_time_format (start, "%H:%M");
  g_autofree char *end_text = g_date_time_format (end, "%H:%M");
  GtkTextBuffer *notes = gtk_text_view_get_buffer (self->notes_view);
  RepeatChoice repeat;

  treff_date_from_date_time (&self->date, start);
  self->until = self->date;
  g_date_add_months (&self->until, 3);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  select_room (self, room_id);
  adw_combo_row_set_selected (self->kind_row, treff_booking_get_kind (booking));
  adw_combo_row_set_selected (self->status_row, treff_booking_get_status (booking));
  gtk_switch_set_active (self->all_day_switch, treff_booking_get_all_day (booking));
  gtk_editable_set_text (GTK_EDITABLE (self->start_entry), start_text);
  gtk_editable_set_text (GTK_EDITABLE (self->end_entry), end_text);
  gtk_editable_set_text (GTK_EDITABLE (self->organiser_row), treff_booking_get_organiser (booking));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), treff_booking_get_phone (booking));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), treff_booking_get_email (booking));
  gtk_spin_button_set_value (self->attendees_spin, treff_booking_get_attendees (booking));
  gtk_spin_button_set_value (self->setup_spin, treff_booking_get_setup_minutes (booking));
  gtk_spin_button_set_value (self->cleanup_spin, treff_booking_get_cleanup_minutes (booking));
  gtk_switch_set_active (self->public_switch, treff_booking_get_public (booking));
  gtk_spin_button_set_value (self->fee_spin, treff_booking_get_fee_cents (booking) / 100.0);
  gtk_spin_button_set_value (self->deposit_spin, treff_booking_get_deposit_cents (booking) / 100.0);
  gtk_switch_set_active (self->key_out_switch, treff_booking_get_key_handed_out (booking));
  gtk_switch_set_active (self->key_back_switch, treff_booking_get_key_returned (booking));
  gtk_switch_set_active (self->pause_switch, treff_booking_get_pause_in_school_holidays (booking));
  gtk_switch_set_active (self->override_switch, treff_booking_get_override_closures (booking));
  gtk_text_buffer_set_text (notes, treff_booking_get_notes (booking), -1);

  switch (recurrence->repeat)
    {
    case TREFF_REPEAT_DAILY:
      repeat = REPEAT_CHOICE_DAILY;
      break;
    case TREFF_REPEAT_WEEKLY:
      repeat = REPEAT_CHOICE_WEEKLY;
      break;
    case TREFF_REPEAT_MONTHLY_BY_DATE:
      repeat = REPEAT_CHOICE_MONTHLY_BY_DATE;
      break;
    case TREFF_REPEAT_MONTHLY_BY_WEEKDAY:
      repeat = REPEAT_CHOICE_MONTHLY_BY_WEEKDAY;
      break;
    case TREFF_REPEAT_NONE:
    default:
      repeat = REPEAT_CHOICE_NONE;
    }

  if (repeat != REPEAT_CHOICE_NONE)
    {
      gtk_spin_button_set_value (self->interval_spin, recurrence->interval);
      for (guint i = 0; i < 7; i++)
        gtk_toggle_button_set_active (self->weekday_buttons[i],
                                      (recurrence->weekdays & TREFF_WEEKDAY_BIT (i + 1)) != 0);
      adw_combo_row_set_selected (self->end_kind_row, recurrence->count > 0 ? 1 : 0);
      if (recurrence->count > 0)
        gtk_spin_button_set_value (self->count_spin, recurrence->count);
      else if (g_date_valid (&recurrence->until))
        self->until = recurrence->until;
    }
  else
    gtk_toggle_button_set_active (self->weekday_buttons[g_date_get_weekday (&self->date) - 1], TRUE);

  adw_combo_row_set_selected (self->repeat_row, repeat);
  treff_calendar_select_date (self->date_calendar, &self->date);
  treff_calendar_select_date (self->until_calendar, &self->until);
  update_date_buttons (self);
}

static void
treff_booking_editor_dispose (GObject *object)
{
  TreffBookingEditor *self = TREFF_BOOKING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_BOOKING_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->saved);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->rooms);
  g_clear_pointer (&self->skipped, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);

  G_OBJECT_CLASS (treff_booking_editor_parent_class)->dispose (object);
}

static void
treff_booking_editor_class_init (TreffBookingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_booking_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-booking-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TreffBookingEditor, name)
  BIND (status_label);
  BIND (title_row);
  BIND (room_row);
  BIND (kind_row);
  BIND (status_row);
  BIND (date_button);
  BIND (date_calendar);
  BIND (all_day_switch);
  BIND (time_row);
  BIND (start_entry);
  BIND (end_entry);
  BIND (repeat_row);
  BIND (interval_row);
  BIND (interval_spin);
  BIND (weekdays_row);
  BIND (weekdays_box);
  BIND (end_kind_row);
  BIND (until_row);
  BIND (until_button);
  BIND (until_calendar);
  BIND (count_row);
  BIND (count_spin);
  BIND (pause_row);
  BIND (pause_switch);
  BIND (override_switch);
  BIND (dates_group);
  BIND (dates_list);
  BIND (organiser_row);
  BIND (phone_row);
  BIND (email_row);
  BIND (attendees_spin);
  BIND (setup_spin);
  BIND (cleanup_spin);
  BIND (public_switch);
  BIND (rental_group);
  BIND (fee_spin);
  BIND (deposit_spin);
  BIND (key_out_switch);
  BIND (key_back_switch);
  BIND (notes_view);
  BIND (manage_box);
  BIND (cancel_date_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_until_selected);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-date", NULL, cancel_date_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
treff_booking_editor_init (TreffBookingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->skipped = g_hash_table_new_full (g_date_time_hash, g_date_time_equal,
                                         (GDestroyNotify)g_date_time_unref, NULL);
  self->seen = g_hash_table_new_full (g_date_time_hash, g_date_time_equal,
                                      (GDestroyNotify)g_date_time_unref, NULL);
  create_weekday_buttons (self);
  treff_accessible_label_entry_row (self->title_row);
  treff_accessible_label_entry_row (self->organiser_row);
  treff_accessible_label_entry_row (self->phone_row);
  treff_accessible_label_entry_row (self->email_row);
}

static TreffBookingEditor *
editor_new (TreffStore *store)
{
  TreffBookingEditor *self = g_object_new (TREFF_TYPE_BOOKING_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->filling = TRUE;
  fill_choices (self);
  return self;
}

static void
finish_filling (TreffBookingEditor *self)
{
  self->filling = FALSE;
  update_repeat_labels (self);
  update_check (self);
}

/**
 * treff_booking_editor_new_for_slot:
 * @room_id: the room to book, or 0 for the first bookable one
 *
 * A new booking at the time the user picked in the week plan.
 */
TreffBookingEditor *
treff_booking_editor_new_for_slot (TreffStore *store,
                                   GDateTime  *start,
                                   GDateTime  *end,
                                   gint64      room_id)
{
  TreffBookingEditor *self;
  g_autoptr(TreffBooking) booking = treff_booking_new ();

  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);
  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  self = editor_new (store);
  gtk_window_set_title (GTK_WINDOW (self), _("New Booking"));
  fill_from_booking (self, booking, start, end, "", room_id);
  gtk_widget_set_visible (self->manage_box, FALSE);
  finish_filling (self);
  return self;
}

/**
 * treff_booking_editor_new_for_occurrence:
 *
 * Opens the booking of a date in the week plan, showing that date.
 */
TreffBookingEditor *
treff_booking_editor_new_for_occurrence (TreffStore      *store,
                                         TreffOccurrence *occurrence)
{
  TreffBookingEditor *self;
  g_autoptr(TreffBooking) saved = NULL;

  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (occurrence), NULL);

  self = editor_new (store);
  saved = treff_store_get_booking (store, treff_booking_get_id (treff_occurrence_get_booking (occurrence)), NULL);
  self->saved = saved ? g_object_ref (saved) : treff_booking_copy (treff_occurrence_get_booking (occurrence));
  self->occurrence = g_object_ref (occurrence);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Booking"));
  fill_from_booking (self, self->saved,
                     treff_occurrence_get_start (occurrence),
                     treff_occurrence_get_end (occurrence),
                     treff_occurrence_get_title (occurrence),
                     treff_occurrence_get_room_id (occurrence));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_date_button), treff_booking_is_series (self->saved));
  gtk_button_set_label (self->cancel_date_button,
                        treff_occurrence_get_cancelled (occurrence) ? _("_Restore This Date")
                                                                    : _("Cancel _This Date"));
  finish_filling (self);
  return self;
}
