/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-week-page.c — the week plan: a week (or a day, room by room) of bookings, and finding them
 *
 * Model chain: TreffOccurrenceList (the shown days, follows the store) →
 * GtkFilterListModel (the chosen rooms) → TreffWeekGrid. In rooms mode
 * the grid's columns are TreffRoomList → GtkFilterListModel (the chosen
 * rooms, or every bookable one). */
#define G_LOG_DOMAIN "treff-week-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "treff-holidays.h"
#include "treff-occurrence-list.h"
#include "treff-room-list.h"
#include "treff-util.h"
#include "treff-week-grid.h"
#include "treff-gui-util.h"
#include "treff-week-page.h"

#define SEARCH_LIMIT 50

struct _TreffWeekPage
{
  GtkWidget            parent_instance;

  TreffStore          *store;
  GSettings           *settings;
  TreffOccurrenceList *occurrences;
  TreffRoomList       *room_list;
  GtkFilterListModel  *shown_occurrences;
  GtkCustomFilter     *occurrence_filter;
  GtkFilterListModel  *shown_rooms;
  GtkCustomFilter     *room_filter;
  GHashTable          *chosen_rooms;     /* room ids; empty: every room */
  GDateTime           *date;             /* a day of the shown week, or the shown day */
  gboolean             rooms_mode;
  gboolean             updating;

  GtkWidget           *results_popover;
  GtkListBox          *results_list;

  GtkButton           *previous_button;
  GtkButton           *next_button;
  GtkLabel            *period_label;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  GtkMenuButton       *rooms_button;
  GtkLabel            *rooms_label;
  GtkBox              *rooms_box;
  GtkToggleButton     *side_by_side_toggle;
  GtkCheckButton      *cancelled_toggle;
  GtkSearchEntry      *search_entry;
  GtkBox              *header_slot;
  GtkScrolledWindow   *scrolled_window;
  TreffWeekGrid       *grid;
  GtkWidget           *empty_hint;
  GtkLabel            *empty_hint_label;
};

G_DEFINE_FINAL_TYPE (TreffWeekPage, treff_week_page, GTK_TYPE_WIDGET)

enum {
  CREATE_BOOKING,
  EDIT_OCCURRENCE,
  OPEN_BOOKING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GTimeZone *
get_time_zone (TreffWeekPage *self)
{
  return self->store ? treff_store_get_time_zone (self->store) : NULL;
}

static GDateTime *
new_midnight (TreffWeekPage *self,
              const GDate   *date)
{
  GTimeZone *zone = get_time_zone (self);
  g_autoptr(GTimeZone) local = zone ? NULL : g_time_zone_new_local ();

  return g_date_time_new (zone ? zone : local,
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                          0, 0, 0);
}

static guint
get_n_days (TreffWeekPage *self)
{
  return self->rooms_mode ? 1 : 7;
}

/* The first shown day: the date itself in rooms mode, else the start of
 * its week as the settings say (Monday in Germany). */
static void
get_first_day (TreffWeekPage *self,
               GDate         *first)
{
  treff_date_from_date_time (first, self->date);
  if (!self->rooms_mode)
    {
      int week_start = g_settings_get_enum (self->settings, "week-start");
      int back = ((int)g_date_get_weekday (first) - week_start + 7) % 7;

      g_date_subtract_days (first, back);
    }
}

/* {{{ The header line: "KW 48 · 23.–29. November 2026" */

static char *
format_days (GDateTime *first,
             GDateTime *last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  /* Over two months (or years) the month names are short, so that the
   * heading fits beside the toolbar; the year of the first day is the one
   * before the last day's when they differ, so it is left out. */
  if (g_date_time_get_month (first) != g_date_time_get_month (last))
    {
      /* Translators: the first day of a week over two months, "Nov 30", in g_date_time_format () syntax */
      from = g_date_time_format (first, C_("week range over months, first day", "%b %-d"));
      /* Translators: the last day of a week over two months, "Dec 6, 2026", in g_date_time_format () syntax */
      to = g_date_time_format (last, C_("week range over months, last day", "%b %-d, %Y"));
      /* Translators: a week over two months, "Nov 30 – Dec 6, 2026" */
      return g_strdup_printf (C_("week range over months", "%s – %s"), from, to);
    }

  /* Translators: the first day of a week within one month, "November 23", in g_date_time_format () syntax */
  from = g_date_time_format (first, C_("week range in one month, first day", "%B %-d"));
  /* Translators: the last day of a week within one month, "29, 2026", in g_date_time_format () syntax */
  to = g_date_time_format (last, C_("week range in one month, last day", "%-d, %Y"));
  /* Translators: a week within one month, "November 23–29, 2026" */
  return g_strdup_printf (C_("week range in one month", "%s–%s"), from, to);
}

static char *
dup_day_marks (TreffWeekPage *self,
               const GDate   *day,
               GPtrArray     *closures,
               gboolean      *closed)
{
  const char *holiday = treff_holidays_nrw_name (day);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) strv = NULL;
  const char *label;

  *closed = FALSE;
  if (holiday != NULL)
    {
      g_strv_builder_add (labels, holiday);
      *closed = TRUE;
    }

  for (guint i = 0; closures != NULL && i < closures->len; i++)
    {
      TreffClosure *closure = g_ptr_array_index (closures, i);
      const char *title = treff_closure_get_title (closure);

      if (!treff_closure_contains (closure, day))
        continue;

      if (treff_closure_get_kind (closure) == TREFF_CLOSURE_KIND_CLOSED)
        {
          label = title && *title ? title : _("Closed");
          *closed = TRUE;
        }
      else
        {
          label = title && *title ? title : _("School holidays");
        }

      /* Two imports of the same holidays say it once. */
      if (!g_hash_table_contains (seen, label))
        {
          g_hash_table_add (seen, (gpointer)label);
          g_strv_builder_add (labels, label);
        }
    }

  strv = g_strv_builder_end (labels);
  /* Translators: between the marks of one day, "Neujahr · Weihnachtsferien" */
  return strv[0] ? g_strjoinv (C_("list of day marks", " · "), strv) : NULL;
}

/* Public holidays, closures and school holidays of the shown days. */
static char *
update_marks (TreffWeekPage *self)
{
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_marks = NULL;
  GDate first, last;

  treff_week_grid_clear_day_marks (self->grid);
  if (self->date == NULL)
    return NULL;

  get_first_day (self, &first);
  last = first;
  g_date_add_days (&last, get_n_days (self) - 1);

  if (self->store != NULL)
    {
      closures = treff_store_list_closures (self->store, &first, &last, &error);
      if (closures == NULL)
        g_warning ("Cannot load the closure days: %s", error->message);
    }

  for (guint i = 0; i < get_n_days (self); i++)
    {
      GDate day = first;
      g_autofree char *marks = NULL;
      gboolean closed;

      g_date_add_days (&day, i);
      marks = dup_day_marks (self, &day, closures, &closed);
      if (marks != NULL)
        treff_week_grid_set_day_mark (self->grid, &day, marks, closed);
      if (i == 0)
        first_marks = g_steal_pointer (&marks);
    }

  return g_steal_pointer (&first_marks);
}

static void
update_period_label (TreffWeekPage *self,
                     const char    *day_marks)
{
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) last_day = NULL;
  g_autoptr(GDateTime) monday = NULL;
  g_autofree char *week = NULL;
  g_autofree char *days = NULL;
  g_autofree char *text = NULL;
  GDate first, last, iso_day;

  get_first_day (self, &first);
  last = first;
  g_date_add_days (&last, get_n_days (self) - 1);
  first_day = new_midnight (self, &first);
  last_day = new_midnight (self, &last);

  /* The ISO week is the one of the Monday among the shown days. */
  iso_day = first;
  if (!self->rooms_mode)
    g_date_add_days (&iso_day, (8 - g_date_get_weekday (&first)) % 7);
  monday = new_midnight (self, &iso_day);
  /* Translators: the calendar week, "KW %V" in German, in g_date_time_format () syntax */
  week = g_date_time_format (monday, C_("week plan", "Week %V"));

  if (self->rooms_mode)
    /* Translators: the day shown room by room, "Sat, November 28, 2026", in g_date_time_format () syntax */
    days = g_date_time_format (first_day, C_("week plan day heading", "%a, %B %-d, %Y"));
  else
    days = format_days (first_day, last_day);

  /* Translators: the week plan's heading, "Week 48 · November 23–29, 2026" */
  text = g_strdup_printf (C_("week plan heading", "%s · %s"), week, days);
  if (self->rooms_mode && day_marks != NULL)
    {
      g_autofree char *with_marks = g_strdup_printf (C_("week plan heading", "%s · %s"), text, day_marks);

      g_free (text);
      text = g_steal_pointer (&with_marks);
    }

  gtk_label_set_text (self->period_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->period_label), text);
}

/* }}} */

static void
update_empty_hint (TreffWeekPage *self)
{
  gboolean empty = self->store != NULL && treff_week_grid_get_n_tiles (self->grid) == 0;

  gtk_label_set_text (self->empty_hint_label,
                      self->rooms_mode ? _("Nothing is booked on this day. Click a free time to book it.")
                                       : _("Nothing is booked this week. Click a free time to book it."));
  gtk_widget_set_visible (self->empty_hint, empty);
}

static void
update_navigation (TreffWeekPage *self)
{
  const char *previous = self->rooms_mode ? _("Previous Day") : _("Previous Week");
  const char *next = self->rooms_mode ? _("Next Day") : _("Next Week");

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_button), previous);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, previous,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), next);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next,
                                  -1);
}

static void
update_calendar (TreffWeekPage *self)
{
  GDate selected;

  treff_date_from_date_time (&selected, self->date);
  self->updating = TRUE;
  treff_calendar_select_date (self->calendar, &selected);
  self->updating = FALSE;
}

static void
update_range (TreffWeekPage *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *day_marks = NULL;
  GDate first, end;

  if (self->date == NULL)
    return;

  get_first_day (self, &first);
  end = first;
  g_date_add_days (&end, get_n_days (self));
  from = new_midnight (self, &first);
  to = new_midnight (self, &end);

  /* The grid first, so that the new dates find their columns. */
  treff_week_grid_set_rooms (self->grid, self->shown_rooms ? G_LIST_MODEL (self->shown_rooms) : NULL);
  treff_week_grid_set_mode (self->grid, self->rooms_mode ? TREFF_WEEK_GRID_MODE_ROOMS
                                                         : TREFF_WEEK_GRID_MODE_WEEK);
  treff_week_grid_set_first_day (self->grid, from);
  if (self->occurrences != NULL)
    treff_occurrence_list_set_range (self->occurrences, from, to);

  day_marks = update_marks (self);
  update_period_label (self, day_marks);
  update_navigation (self);
  update_calendar (self);
  update_empty_hint (self);
}

/* {{{ Rooms */

static gboolean
occurrence_in_chosen_room (gpointer item,
                           gpointer user_data)
{
  TreffWeekPage *self = user_data;
  gint64 room_id = treff_occurrence_get_room_id (item);

  return g_hash_table_size (self->chosen_rooms) == 0 ||
         g_hash_table_contains (self->chosen_rooms, &room_id);
}

/* Without a choice, rooms mode shows the rooms that can be booked. */
static gboolean
room_is_column (gpointer item,
                gpointer user_data)
{
  TreffWeekPage *self = user_data;
  gint64 room_id = treff_room_get_id (item);

  if (g_hash_table_size (self->chosen_rooms) == 0)
    return treff_room_get_bookable (item);

  return g_hash_table_contains (self->chosen_rooms, &room_id);
}

static void
update_rooms_button (TreffWeekPage *self)
{
  guint n_chosen = g_hash_table_size (self->chosen_rooms);
  g_autofree char *label = NULL;

  if (n_chosen == 0)
    {
      label = g_strdup (_("All Rooms"));
    }
  else if (n_chosen == 1 && self->room_list != NULL)
    {
      GListModel *rooms = G_LIST_MODEL (self->room_list);

      for (guint i = 0; label == NULL && i < g_list_model_get_n_items (rooms); i++)
        {
          g_autoptr(TreffRoom) room = g_list_model_get_item (rooms, i);
          gint64 id = treff_room_get_id (room);

          if (g_hash_table_contains (self->chosen_rooms, &id))
            label = g_strdup (treff_room_get_name (room));
        }
    }

  if (label == NULL)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Room", "%u Rooms", n_chosen), n_chosen);

  gtk_label_set_text (self->rooms_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rooms_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Rooms and dates to show"),
                                  -1);
}

static void
sync_room_checks (TreffWeekPage *self)
{
  self->updating = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->rooms_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 *id = g_object_get_data (G_OBJECT (child), "room-id");

      if (!GTK_IS_CHECK_BUTTON (child))
        continue;

      if (id == NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child), g_hash_table_size (self->chosen_rooms) == 0);
      else
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child), g_hash_table_contains (self->chosen_rooms, id));
    }
  self->updating = FALSE;
}

static void
rooms_chosen (TreffWeekPage *self)
{
  sync_room_checks (self);
  update_rooms_button (self);
  gtk_filter_changed (GTK_FILTER (self->occurrence_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->room_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_hint (self);
}

static void
on_all_rooms_toggled (TreffWeekPage  *self,
                      GtkCheckButton *check)
{
  if (self->updating)
    return;

  /* "All Rooms" cannot be switched off: choose a room instead. */
  g_hash_table_remove_all (self->chosen_rooms);
  rooms_chosen (self);
}

static void
on_room_toggled (TreffWeekPage  *self,
                 GtkCheckButton *check)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "room-id");

  if (self->updating)
    return;

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen_rooms, g_memdup2 (id, sizeof *id));
  else
    g_hash_table_remove (self->chosen_rooms, id);

  rooms_chosen (self);
}

static void
on_room_list_changed (TreffWeekPage *self)
{
  GListModel *rooms = G_LIST_MODEL (self->room_list);
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  GtkWidget *child;
  GtkWidget *all;
  gpointer key;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rooms_box))) != NULL)
    gtk_box_remove (self->rooms_box, child);

  all = gtk_check_button_new_with_mnemonic (_("_All Rooms"));
  g_signal_connect_object (all, "toggled", G_CALLBACK (on_all_rooms_toggled), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->rooms_box, all);
  gtk_box_append (self->rooms_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(TreffRoom) room = g_list_model_get_item (rooms, i);
      GtkWidget *check = gtk_check_button_new_with_label (treff_room_get_name (room));
      gint64 id = treff_room_get_id (room);

      g_object_set_data_full (G_OBJECT (check), "room-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_room_toggled), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->rooms_box, check);
      g_hash_table_add (existing, g_memdup2 (&id, sizeof id));
    }

  /* A chosen room that was deleted or archived is no longer chosen. */
  g_hash_table_iter_init (&iter, self->chosen_rooms);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (existing, key))
        g_hash_table_iter_remove (&iter);
    }

  rooms_chosen (self);
}

/* }}} */

/* {{{ Search */

/* The date to jump to: the first one from today on, else the last one. */
static GDateTime *
dup_date_to_show (TreffWeekPage *self,
                  TreffBooking  *booking)
{
  GDateTime *first = treff_booking_get_start (booking);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GDateTime) today_start = NULL;
  g_autofree char *rrule = NULL;
  GDate today;

  if (!treff_booking_is_series (booking))
    return g_date_time_ref (first);

  rrule = treff_recurrence_to_rrule (treff_booking_get_recurrence (booking), first);
  starts = rrule ? treff_recurrence_expand (rrule, first, NULL) : NULL;
  if (starts == NULL || starts->len == 0)
    return g_date_time_ref (first);

  now = g_date_time_new_now (g_date_time_get_timezone (first));
  treff_date_from_date_time (&today, now);
  today_start = new_midnight (self, &today);
  for (guint i = 0; i < starts->len; i++)
    {
      GDateTime *start = g_ptr_array_index (starts, i);

      if (g_date_time_compare (start, today_start) >= 0)
        return g_date_time_ref (start);
    }

  return g_date_time_ref (g_ptr_array_index (starts, starts->len - 1));
}

static GtkWidget *
new_result_row (TreffWeekPage *self,
                TreffBooking  *booking)
{
  g_autoptr(GDateTime) shown = dup_date_to_show (self, booking);
  g_autofree char *date = g_date_time_format (shown, C_("full date", "%A, %B %-d, %Y"));
  const char *organiser = treff_booking_get_organiser (booking);
  g_autofree char *detail = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (treff_booking_get_title (booking));
  GtkWidget *subtitle;

  if (organiser != NULL && *organiser != '\0')
    /* Translators: a search result's organiser and the date it leads to */
    detail = g_strdup_printf (C_("search result", "%s · %s"), organiser, date);
  else
    detail = g_strdup (date);
  if (treff_booking_get_status (booking) != TREFF_BOOKING_STATUS_CONFIRMED)
    {
      g_autofree char *with_status = g_strdup_printf (C_("search result", "%s · %s"), detail,
                                                      treff_booking_status_to_label (treff_booking_get_status (booking)));
      g_free (detail);
      detail = g_steal_pointer (&with_status);
    }
  subtitle = gtk_label_new (detail);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* The focus stays in the entry, so that the popover stays open. */
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), "booking", g_object_ref (booking), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "date", g_steal_pointer (&shown),
                          (GDestroyNotify)g_date_time_unref);
  return row;
}

static void
hide_results (TreffWeekPage *self)
{
  if (self->results_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->results_popover));
}

static void
open_result (TreffWeekPage *self,
             GtkListBoxRow *row)
{
  TreffBooking *booking = g_object_get_data (G_OBJECT (row), "booking");
  GDateTime *date = g_object_get_data (G_OBJECT (row), "date");

  if (booking == NULL)
    return;

  g_object_ref (booking);
  hide_results (self);
  treff_week_page_show_date (self, date);
  treff_week_grid_focus_occurrence (self->grid, treff_booking_get_id (booking), NULL);
  g_signal_emit (self, signals[OPEN_BOOKING], 0, booking);
  g_object_unref (booking);
}

static void
on_result_activated (TreffWeekPage *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  open_result (self, row);
}

static void
on_search_changed (TreffWeekPage  *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  if (self->store == NULL || g_utf8_strlen (text, -1) < 2)
    {
      hide_results (self);
      return;
    }

  bookings = treff_store_search_bookings (self->store, text, SEARCH_LIMIT, &error);
  if (bookings == NULL)
    {
      g_warning ("Cannot search the bookings: %s", error->message);
      hide_results (self);
      return;
    }

  for (guint i = 0; i < bookings->len; i++)
    gtk_list_box_append (self->results_list, new_result_row (self, g_ptr_array_index (bookings, i)));
  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));

  /* The popover does not take the focus: typing goes on in the entry. */
  gtk_popover_popup (GTK_POPOVER (self->results_popover));
}

static void
on_search_activate (TreffWeekPage  *self,
                    GtkSearchEntry *entry)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row != NULL && gtk_widget_get_visible (self->results_popover))
    open_result (self, row);
}

static void
on_stop_search (TreffWeekPage  *self,
                GtkSearchEntry *entry)
{
  hide_results (self);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Up and Down choose a result while the focus stays in the entry. */
static gboolean
on_search_key_pressed (TreffWeekPage         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;
  int index, step;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    step = 1;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    step = -1;
  else
    return GDK_EVENT_PROPAGATE;

  if (!gtk_widget_get_visible (self->results_popover))
    return GDK_EVENT_PROPAGATE;

  row = gtk_list_box_get_selected_row (self->results_list);
  index = row ? gtk_list_box_row_get_index (row) + step : 0;
  row = gtk_list_box_get_row_at_index (self->results_list, MAX (index, 0));
  if (row != NULL)
    {
      gtk_list_box_select_row (self->results_list, row);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }

  return GDK_EVENT_STOP;
}

static void
create_results_popover (TreffWeekPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("No bookings found"));
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->results_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_focusable (GTK_WIDGET (self->results_list), FALSE);
  gtk_list_box_set_selection_mode (self->results_list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->results_list, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bookings found"),
                                  -1);
  g_signal_connect_object (self->results_list, "row-activated",
                           G_CALLBACK (on_result_activated), self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_widget_set_size_request (GTK_WIDGET (self->results_list), 340, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->results_list));

  self->results_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->results_popover), scrolled);
  gtk_popover_set_autohide (GTK_POPOVER (self->results_popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->results_popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->results_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->results_popover, GTK_WIDGET (self->search_entry));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  /* The popover does not hide itself (it must not take the focus): it
   * goes when the entry loses the focus. */
  g_signal_connect_object (focus, "leave", G_CALLBACK (hide_results), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), focus);
}

/* }}} */

/* {{{ Grid and toolbar signals */

static void
on_occurrence_activated (TreffWeekPage   *self,
                         TreffOccurrence *occurrence,
                         TreffWeekGrid   *grid)
{
  g_signal_emit (self, signals[EDIT_OCCURRENCE], 0, occurrence);
}

static void
on_create_requested (TreffWeekPage *self,
                     GDateTime     *start,
                     GDateTime     *end,
                     gint64         room_id,
                     TreffWeekGrid *grid)
{
  g_signal_emit (self, signals[CREATE_BOOKING], 0, start, end, room_id);
}

/* A click on a day's name shows that day room by room. */
static void
on_day_selected (TreffWeekPage *self,
                 GDateTime     *day,
                 TreffWeekGrid *grid)
{
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_date_time_ref (day);
  if (gtk_toggle_button_get_active (self->side_by_side_toggle))
    update_range (self);
  else
    gtk_toggle_button_set_active (self->side_by_side_toggle, TRUE);
}

/* Both views show the same day: the week around it, or the day itself. */
static void
on_side_by_side_toggled (TreffWeekPage   *self,
                         GtkToggleButton *toggle)
{
  gboolean active = gtk_toggle_button_get_active (toggle);

  if (self->rooms_mode == active)
    return;

  self->rooms_mode = active;
  update_range (self);
}

static void
on_calendar_day_selected (TreffWeekPage *self,
                          GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) chosen = NULL;
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (self->updating)
    return;

  chosen = gtk_calendar_get_date (calendar);
  treff_date_from_date_time (&date, chosen);
  day = new_midnight (self, &date);
  treff_week_page_show_date (self, day);
  gtk_menu_button_popdown (self->date_button);
}

static void
on_store_changed (TreffWeekPage *self,
                  guint          topics,
                  TreffStore    *store)
{
  /* The room list has followed already. Every change of the rooms, a
   * rename too (which changes no item of the list), is shown here. */
  if (topics & TREFF_STORE_TOPIC_ROOMS)
    on_room_list_changed (self);

  if (topics & TREFF_STORE_TOPIC_CLOSURES)
    {
      g_autofree char *day_marks = update_marks (self);

      update_period_label (self, day_marks);
    }
}

static void
on_week_start_changed (TreffWeekPage *self)
{
  update_range (self);
}

/* }}} */

/* {{{ Actions */

static void
step (TreffWeekPage *self,
      int            direction)
{
  GDateTime *moved;

  if (self->date == NULL)
    return;

  moved = g_date_time_add_days (self->date, direction * (int)get_n_days (self));
  g_date_time_unref (self->date);
  self->date = moved;
  update_range (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (TREFF_WEEK_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (TREFF_WEEK_PAGE (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TreffWeekPage *self = TREFF_WEEK_PAGE (widget);
  GTimeZone *zone = get_time_zone (self);
  g_autoptr(GDateTime) now = zone ? g_date_time_new_now (zone) : g_date_time_new_now_local ();

  treff_week_page_show_date (self, now);
}

/* }}} */

static void
treff_week_page_unmap (GtkWidget *widget)
{
  hide_results (TREFF_WEEK_PAGE (widget));

  GTK_WIDGET_CLASS (treff_week_page_parent_class)->unmap (widget);
}

static void
treff_week_page_dispose (GObject *object)
{
  TreffWeekPage *self = TREFF_WEEK_PAGE (object);
  GtkWidget *child;

  g_clear_pointer (&self->results_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_WEEK_PAGE);
  /* The template's root child is not bound to a field, so it is not
   * released by dispose_template(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->shown_occurrences);
  g_clear_object (&self->occurrence_filter);
  g_clear_object (&self->shown_rooms);
  g_clear_object (&self->room_filter);
  g_clear_object (&self->occurrences);
  g_clear_object (&self->room_list);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (treff_week_page_parent_class)->dispose (object);
}

static void
treff_week_page_finalize (GObject *object)
{
  TreffWeekPage *self = TREFF_WEEK_PAGE (object);

  g_clear_pointer (&self->chosen_rooms, g_hash_table_unref);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (treff_week_page_parent_class)->finalize (object);
}

static void
treff_week_page_class_init (TreffWeekPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_week_page_dispose;
  object_class->finalize = treff_week_page_finalize;
  widget_class->unmap = treff_week_page_unmap;

  /**
   * TreffWeekPage::create-booking:
   * @start: the chosen start
   * @end: an hour later
   * @room_id: the room of the chosen column, or 0 when the week was shown
   */
  signals[CREATE_BOOKING] =
    g_signal_new ("create-booking",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_DATE_TIME, G_TYPE_DATE_TIME, G_TYPE_INT64);

  /**
   * TreffWeekPage::edit-occurrence:
   * @occurrence: the date the user opened
   */
  signals[EDIT_OCCURRENCE] =
    g_signal_new ("edit-occurrence",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TREFF_TYPE_OCCURRENCE);

  /**
   * TreffWeekPage::open-booking:
   * @booking: the booking chosen among the search results; the page
   *   already shows the week of its next date
   */
  signals[OPEN_BOOKING] =
    g_signal_new ("open-booking",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TREFF_TYPE_BOOKING);

  g_type_ensure (TREFF_TYPE_WEEK_GRID);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-week-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, rooms_button);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, rooms_label);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, rooms_box);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, side_by_side_toggle);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, cancelled_toggle);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, header_slot);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, grid);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, empty_hint);
  gtk_widget_class_bind_template_child (widget_class, TreffWeekPage, empty_hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_occurrence_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_create_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_side_by_side_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "week.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "week.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "week.today", NULL, today_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "week.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "week.next", NULL);
}

static gboolean
activate_if_shown (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   action_name)
{
  /* The window asks every page; only the one on screen answers. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, action_name, NULL);
}

static void
add_shortcut (GtkEventController *controller,
              guint               keyval,
              GdkModifierType     modifiers,
              GtkShortcutAction  *action)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers), action));
}

static void
add_page_keys (TreffWeekPage *self)
{
  GtkEventController *window_keys = gtk_shortcut_controller_new ();
  GtkEventController *scroll_keys = gtk_shortcut_controller_new ();

  /* Turning the page works wherever the focus is in the window, also on
   * the view switcher right after start. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (window_keys), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (window_keys, GDK_KEY_Left, GDK_ALT_MASK, gtk_callback_action_new (activate_if_shown, "week.previous", NULL));
  add_shortcut (window_keys, GDK_KEY_Right, GDK_ALT_MASK, gtk_callback_action_new (activate_if_shown, "week.next", NULL));
  add_shortcut (window_keys, GDK_KEY_Home, GDK_ALT_MASK, gtk_callback_action_new (activate_if_shown, "week.today", NULL));
  add_shortcut (window_keys, GDK_KEY_t, GDK_CONTROL_MASK, gtk_callback_action_new (activate_if_shown, "week.today", NULL));
  gtk_widget_add_controller (GTK_WIDGET (self), window_keys);

  /* The scrolled window would take Page Up and Down for scrolling: in the
   * week plan they turn the page, as in a paper calendar. */
  gtk_event_controller_set_propagation_phase (scroll_keys, GTK_PHASE_CAPTURE);
  add_shortcut (scroll_keys, GDK_KEY_Page_Up, 0, gtk_named_action_new ("week.previous"));
  add_shortcut (scroll_keys, GDK_KEY_Page_Down, 0, gtk_named_action_new ("week.next"));
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled_window), scroll_keys);
}

static void
treff_week_page_init (TreffWeekPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen_rooms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->occurrence_filter = gtk_custom_filter_new (occurrence_in_chosen_room, self, NULL);
  self->room_filter = gtk_custom_filter_new (room_is_column, self, NULL);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "day-start-hour", self->grid, "day-start-hour", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "day-end-hour", self->grid, "day-end-hour", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::week-start",
                           G_CALLBACK (on_week_start_changed), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->cancelled_toggle, "active", self->grid, "show-cancelled",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->grid, "notify::show-cancelled",
                           G_CALLBACK (update_empty_hint), self, G_CONNECT_SWAPPED);

  gtk_box_append (self->header_slot, treff_week_grid_get_header (self->grid));
  create_results_popover (self);
  add_page_keys (self);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    self->date = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                        g_date_time_get_day_of_month (now), 0, 0, 0);
  }
  update_rooms_button (self);
  update_range (self);
}

void
treff_week_page_set_store (TreffWeekPage *self,
                           TreffStore    *store)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (TREFF_IS_WEEK_PAGE (self));
  g_return_if_fail (TREFF_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  treff_week_grid_set_model (self->grid, NULL);
  treff_week_grid_set_rooms (self->grid, NULL);
  g_clear_object (&self->shown_occurrences);
  g_clear_object (&self->shown_rooms);
  g_clear_object (&self->occurrences);
  g_clear_object (&self->room_list);

  g_set_object (&self->store, store);

  self->occurrences = treff_occurrence_list_new (store);
  self->shown_occurrences = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->occurrences)),
                                                       g_object_ref (GTK_FILTER (self->occurrence_filter)));
  self->room_list = treff_room_list_new (store, FALSE);
  self->shown_rooms = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->room_list)),
                                                 g_object_ref (GTK_FILTER (self->room_filter)));
  /* After the lists, so that they have followed the change when the page
   * looks at them. */
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  treff_week_grid_set_model (self->grid, G_LIST_MODEL (self->shown_occurrences));
  /* After the grid, so that the hint counts the new tiles. */
  g_signal_connect_object (self->shown_occurrences, "items-changed",
                           G_CALLBACK (update_empty_hint), self, G_CONNECT_SWAPPED);

  g_hash_table_remove_all (self->chosen_rooms);
  on_room_list_changed (self);

  /* The store's own time zone decides which day is today. */
  now = g_date_time_new_now (treff_store_get_time_zone (store));
  treff_week_page_show_date (self, now);
}

/**
 * treff_week_page_show_date:
 * @date: any time of the day to show
 *
 * Shows the week of @date, or that day in the rooms-side-by-side view.
 */
void
treff_week_page_show_date (TreffWeekPage *self,
                           GDateTime     *date)
{
  g_autoptr(GDateTime) in_zone = NULL;
  GDate day;

  g_return_if_fail (TREFF_IS_WEEK_PAGE (self));
  g_return_if_fail (date != NULL);

  in_zone = get_time_zone (self) ? g_date_time_to_timezone (date, get_time_zone (self))
                                 : g_date_time_ref (date);
  treff_date_from_date_time (&day, in_zone);
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = new_midnight (self, &day);
  update_range (self);
}

/**
 * treff_week_page_get_date:
 *
 * Returns: (transfer none): midnight of the day the page was last asked
 *   to show (within the shown week)
 */
GDateTime *
treff_week_page_get_date (TreffWeekPage *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_PAGE (self), NULL);

  return self->date;
}

void
treff_week_page_start_search (TreffWeekPage *self)
{
  g_return_if_fail (TREFF_IS_WEEK_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
