/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-week-grid.c — the dates of a week (or of one day, room by room) on an hour grid
 *
 * Like GNOME Calendar's week view: the grid measures, allocates and draws
 * itself, and every date is a child TreffBookingTile. Dates that overlap
 * in one column share it side by side. All-day and multi-day dates go to a
 * strip in the header, a separate widget (treff_week_grid_get_header ())
 * that the page puts above the scrolled window so that it stays visible.
 *
 * The hours shown are day-start-hour to day-end-hour, widened when a date
 * of the shown days lies outside them: nothing booked is ever hidden. */
#define G_LOG_DOMAIN "treff-week-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-booking-tile.h"
#include "treff-format.h"
#include "treff-room.h"
#include "treff-util.h"
#include "treff-week-grid-private.h"

#define GUTTER_WIDTH      56   /* the hour labels */
#define HOUR_HEIGHT       48
#define MIN_COLUMN_WIDTH  40
#define NAT_COLUMN_WIDTH  120
#define MIN_TILE_HEIGHT   20
#define TILE_MARGIN       2
#define TILE_MARGIN_END   6    /* room to click beside a date in week mode */
#define TILE_GAP          2
#define SLOT_MINUTES      TREFF_WEEK_GRID_SLOT_MINUTES

typedef struct
{
  TreffOccurrence *occurrence;
  GtkWidget       *tile;
  guint            column;
  guint            n_columns;     /* the strip's dates can span days */
  int              start_minute;  /* from midnight of the column's day */
  int              end_minute;
  guint            lane;          /* side by side with overlapping dates */
  guint            n_lanes;
  guint            strip_row;
} Placement;

typedef struct
{
  char     *label;
  gboolean  closed;
} DayMark;

struct _TreffWeekGrid
{
  GtkWidget              parent_instance;

  GListModel            *model;
  GListModel            *rooms;
  TreffWeekGridMode      mode;
  TreffWeekGridColourBy  colour_by;
  GDateTime             *first_day;
  int                    day_start_hour;
  int                    day_end_hour;
  int                    first_hour;      /* as shown: widened to fit every date */
  int                    last_hour;
  gboolean               show_cancelled;
  GHashTable            *marks;           /* julian day → DayMark */

  GPtrArray             *placements;      /* timed dates, by column and start */
  GPtrArray             *strip_placements;

  GtkWidget             *header;
  GtkWidget             *header_grid;
  GPtrArray             *header_cells;

  guint                  cursor_column;
  int                    cursor_minute;
  gboolean               cursor_set;
  int                    hover_column;    /* -1: the pointer is not over a free slot */
  int                    hover_minute;
  guint                  clock_id;
  guint32                today;           /* julian day, to notice midnight */
  double                 scroll_top;      /* what to scroll into view */
  double                 scroll_bottom;
  guint                  scroll_tick_id;
  guint                  scroll_ticks;
};

G_DEFINE_FINAL_TYPE (TreffWeekGrid, treff_week_grid, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (TreffWeekGridMode, treff_week_grid_mode,
                    G_DEFINE_ENUM_VALUE (TREFF_WEEK_GRID_MODE_WEEK, "week"),
                    G_DEFINE_ENUM_VALUE (TREFF_WEEK_GRID_MODE_ROOMS, "rooms"))

G_DEFINE_ENUM_TYPE (TreffWeekGridColourBy, treff_week_grid_colour_by,
                    G_DEFINE_ENUM_VALUE (TREFF_WEEK_GRID_COLOUR_BY_ROOM, "room"),
                    G_DEFINE_ENUM_VALUE (TREFF_WEEK_GRID_COLOUR_BY_KIND, "kind"))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ROOMS,
  PROP_MODE,
  PROP_FIRST_DAY,
  PROP_DAY_START_HOUR,
  PROP_DAY_END_HOUR,
  PROP_COLOUR_BY,
  PROP_SHOW_CANCELLED,
  N_PROPS
};

enum {
  OCCURRENCE_ACTIVATED,
  CREATE_REQUESTED,
  DAY_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild (TreffWeekGrid *self);

static void
placement_free (Placement *placement)
{
  g_clear_object (&placement->occurrence);
  g_clear_object (&placement->tile);
  g_free (placement);
}

static void
day_mark_free (DayMark *mark)
{
  g_free (mark->label);
  g_free (mark);
}

static int
minute_of_day (GDateTime *date_time)
{
  return g_date_time_get_hour (date_time) * 60 + g_date_time_get_minute (date_time);
}

static GTimeZone *
get_time_zone (TreffWeekGrid *self)
{
  return g_date_time_get_timezone (self->first_day);
}

guint
treff_week_grid_get_n_columns (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), 0);

  if (self->mode == TREFF_WEEK_GRID_MODE_WEEK)
    return 7;

  return self->rooms ? MAX (1, g_list_model_get_n_items (self->rooms)) : 1;
}

static guint
get_n_days (TreffWeekGrid *self)
{
  return self->mode == TREFF_WEEK_GRID_MODE_WEEK ? 7 : 1;
}

/* The calendar day of a column. */
static void
column_date (TreffWeekGrid *self,
             guint          column,
             GDate         *date)
{
  treff_date_from_date_time (date, self->first_day);
  if (self->mode == TREFF_WEEK_GRID_MODE_WEEK)
    g_date_add_days (date, column);
}

static GDateTime *
new_column_time (TreffWeekGrid *self,
                 guint          column,
                 int            minute)
{
  GDate date;

  column_date (self, column, &date);
  return g_date_time_new (get_time_zone (self),
                          g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                          minute / 60, minute % 60, 0);
}

static gint64
column_room_id (TreffWeekGrid *self,
                guint          column)
{
  g_autoptr(TreffRoom) room = NULL;

  if (self->mode != TREFF_WEEK_GRID_MODE_ROOMS || self->rooms == NULL)
    return 0;

  room = g_list_model_get_item (self->rooms, column);
  return room ? treff_room_get_id (room) : 0;
}

static int
room_column (TreffWeekGrid *self,
             gint64         room_id)
{
  guint n = self->rooms ? g_list_model_get_n_items (self->rooms) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TreffRoom) room = g_list_model_get_item (self->rooms, i);

      if (treff_room_get_id (room) == room_id)
        return i;
    }

  return -1;
}

static DayMark *
lookup_mark (TreffWeekGrid *self,
             const GDate   *date)
{
  return g_hash_table_lookup (self->marks, GUINT_TO_POINTER (g_date_get_julian (date)));
}

static gboolean
is_today (TreffWeekGrid *self,
          const GDate   *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (get_time_zone (self));
  GDate today;

  treff_date_from_date_time (&today, now);
  return g_date_compare (&today, date) == 0;
}

/* A date that does not fit into the hours of one day: all day, or across
 * midnight (ending at midnight still counts as one day). */
static gboolean
is_strip_date (TreffOccurrence *occurrence)
{
  GDateTime *start = treff_occurrence_get_start (occurrence);
  GDateTime *end = treff_occurrence_get_end (occurrence);
  GDate start_date, end_date;

  if (treff_booking_get_all_day (treff_occurrence_get_booking (occurrence)))
    return TRUE;

  treff_date_from_date_time (&start_date, start);
  treff_date_from_date_time (&end_date, end);
  if (g_date_compare (&start_date, &end_date) == 0)
    return FALSE;

  return !(minute_of_day (end) == 0 && g_date_days_between (&start_date, &end_date) == 1);
}

static const char *
get_colour (TreffWeekGrid   *self,
            TreffOccurrence *occurrence)
{
  if (self->colour_by == TREFF_WEEK_GRID_COLOUR_BY_KIND)
    return treff_booking_kind_to_colour (treff_booking_get_kind (treff_occurrence_get_booking (occurrence)));

  return treff_occurrence_get_room_colour (occurrence);
}

/* {{{ Header */

static void
on_day_button_clicked (TreffWeekGrid *self,
                       GtkButton     *button)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));
  g_autoptr(GDateTime) day = new_column_time (self, column, 0);

  g_signal_emit (self, signals[DAY_SELECTED], 0, day);
}

/* Fills a day's cell: its date, its mark, whether it is today. Called
 * again when the week, the marks or the day change; the cell stays. */
static void
fill_day_cell (TreffWeekGrid *self,
               GtkWidget     *button,
               guint          column)
{
  GtkWidget *day_label = g_object_get_data (G_OBJECT (button), "day-label");
  GtkWidget *mark_label = g_object_get_data (G_OBJECT (button), "mark-label");
  g_autoptr(GDateTime) day = new_column_time (self, column, 0);
  g_autofree char *day_text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *full_date = NULL;
  DayMark *mark;
  GDate date;

  column_date (self, column, &date);
  mark = lookup_mark (self, &date);

  /* Translators: a day above its column in the week plan, "Mon 11/23", in g_date_time_format () syntax */
  day_text = g_date_time_format (day, C_("week plan day", "%a %-m/%-d"));
  gtk_label_set_text (GTK_LABEL (day_label), day_text);
  gtk_label_set_text (GTK_LABEL (mark_label), mark ? mark->label : NULL);
  gtk_widget_set_visible (mark_label, mark != NULL);

  if (is_today (self, &date))
    {
      gtk_widget_add_css_class (day_label, "accent");
      gtk_widget_add_css_class (mark_label, "accent");
    }
  else
    {
      gtk_widget_remove_css_class (day_label, "accent");
      gtk_widget_remove_css_class (mark_label, "accent");
    }

  /* Translators: a full date in g_date_time_format () syntax, "Monday, November 23, 2026" */
  full_date = g_date_time_format (day, C_("full date", "%A, %B %-d, %Y"));
  accessible = mark ? g_strdup_printf ("%s, %s", full_date, mark->label) : g_strdup (full_date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (button, mark ? accessible : _("Show the rooms side by side on this day"));
}

static GtkWidget *
new_day_cell (TreffWeekGrid *self,
              guint          column)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *day_label = gtk_label_new (NULL);
  GtkWidget *mark_label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (day_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (day_label, "heading");
  gtk_box_append (GTK_BOX (box), day_label);

  /* "Weihnachtsferien · Betriebsferien" needs two lines in a narrow day. */
  gtk_label_set_wrap (GTK_LABEL (mark_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (mark_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (mark_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (mark_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_justify (GTK_LABEL (mark_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (mark_label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (mark_label), 1);
  gtk_widget_add_css_class (mark_label, "caption");
  gtk_widget_add_css_class (mark_label, "dim-label");
  gtk_box_append (GTK_BOX (box), mark_label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (button), "day-label", day_label);
  g_object_set_data (G_OBJECT (button), "mark-label", mark_label);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_day_button_clicked), self,
                           G_CONNECT_SWAPPED);

  fill_day_cell (self, button, column);
  return button;
}

static GtkWidget *
new_room_cell (TreffWeekGrid *self,
               guint          column)
{
  g_autoptr(TreffRoom) room = self->rooms ? g_list_model_get_item (self->rooms, column) : NULL;
  GtkWidget *label = gtk_label_new (_("No rooms"));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 4);
  gtk_widget_set_margin_end (label, 4);
  /* The room list updates its rooms in place: a renamed room's column
   * follows without a new header. */
  if (room != NULL)
    {
      g_object_bind_property (room, "name", label, "label", G_BINDING_SYNC_CREATE);
      g_object_bind_property (room, "name", label, "tooltip-text", G_BINDING_SYNC_CREATE);
    }

  return label;
}

/* The cells that name the columns, made anew when the columns change:
 * the mode, or the rooms of rooms mode. */
static void
update_header (TreffWeekGrid *self)
{
  guint n_columns = treff_week_grid_get_n_columns (self);

  for (guint i = 0; i < self->header_cells->len; i++)
    gtk_grid_remove (GTK_GRID (self->header_grid), g_ptr_array_index (self->header_cells, i));
  g_ptr_array_set_size (self->header_cells, 0);

  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *cell = self->mode == TREFF_WEEK_GRID_MODE_WEEK ? new_day_cell (self, i)
                                                               : new_room_cell (self, i);

      gtk_grid_attach (GTK_GRID (self->header_grid), cell, i, 0, 1, 1);
      g_ptr_array_add (self->header_cells, cell);
    }
}

/* Shows another week, other marks or another today in the day cells. */
static void
refresh_day_cells (TreffWeekGrid *self)
{
  if (self->mode != TREFF_WEEK_GRID_MODE_WEEK)
    return;

  for (guint i = 0; i < self->header_cells->len; i++)
    fill_day_cell (self, g_ptr_array_index (self->header_cells, i), i);
}

/* }}} */

/* {{{ Placing the dates */

static void
on_tile_activate (TreffWeekGrid    *self,
                  TreffBookingTile *tile)
{
  g_signal_emit (self, signals[OCCURRENCE_ACTIVATED], 0, treff_booking_tile_get_occurrence (tile));
}

static GtkWidget *
new_tile (TreffWeekGrid   *self,
          TreffOccurrence *occurrence)
{
  GtkWidget *tile = treff_booking_tile_new (occurrence);

  treff_booking_tile_set_colour (TREFF_BOOKING_TILE (tile), get_colour (self, occurrence));
  treff_booking_tile_set_show_room (TREFF_BOOKING_TILE (tile), self->mode == TREFF_WEEK_GRID_MODE_WEEK);
  g_signal_connect_object (tile, "activate", G_CALLBACK (on_tile_activate), self,
                           G_CONNECT_SWAPPED);
  return g_object_ref_sink (tile);
}

/* Where a date goes, or FALSE when it is not shown in these columns. */
static gboolean
place (TreffWeekGrid   *self,
       TreffOccurrence *occurrence,
       gboolean         in_strip,
       Placement       *placement)
{
  GDateTime *start = treff_occurrence_get_start (occurrence);
  GDateTime *end = treff_occurrence_get_end (occurrence);
  guint n_days = get_n_days (self);
  GDate first, start_date, end_date;
  int first_column, last_column;

  treff_date_from_date_time (&first, self->first_day);
  treff_date_from_date_time (&start_date, start);
  treff_date_from_date_time (&end_date, end);
  /* A date ending at midnight does not reach into the next day. */
  if (minute_of_day (end) == 0 && g_date_compare (&end_date, &start_date) > 0)
    g_date_subtract_days (&end_date, 1);

  first_column = g_date_days_between (&first, &start_date);
  last_column = g_date_days_between (&first, &end_date);
  if (last_column < 0 || first_column >= (int)n_days)
    return FALSE;

  if (in_strip)
    {
      first_column = MAX (first_column, 0);
      last_column = MIN (last_column, (int)n_days - 1);
      placement->column = first_column;
      placement->n_columns = last_column - first_column + 1;
    }
  else
    {
      if (first_column < 0)
        return FALSE;
      placement->column = first_column;
      placement->n_columns = 1;
      placement->start_minute = minute_of_day (start);
      placement->end_minute = g_date_compare (&start_date, &end_date) == 0 && minute_of_day (end) > 0
                              ? minute_of_day (end) : 24 * 60;
      placement->end_minute = MAX (placement->end_minute, placement->start_minute);
    }

  if (self->mode == TREFF_WEEK_GRID_MODE_ROOMS)
    {
      int column = room_column (self, treff_occurrence_get_room_id (occurrence));

      if (column < 0)
        return FALSE;
      placement->column = column;
      placement->n_columns = 1;
    }

  return TRUE;
}

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const Placement *pa = *(const Placement **)a;
  const Placement *pb = *(const Placement **)b;

  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  if (pa->start_minute != pb->start_minute)
    return pa->start_minute < pb->start_minute ? -1 : 1;
  /* The longer one first, so it gets the first lane. */
  if (pa->end_minute != pb->end_minute)
    return pa->end_minute > pb->end_minute ? -1 : 1;
  return g_strcmp0 (treff_occurrence_get_room_name (pa->occurrence),
                    treff_occurrence_get_room_name (pb->occurrence));
}

static void
finish_cluster (GPtrArray *placements,
                guint      from,
                guint      to,
                guint      n_lanes)
{
  for (guint i = from; i < to; i++)
    ((Placement *)g_ptr_array_index (placements, i))->n_lanes = n_lanes;
}

/* Dates that overlap, directly or through others, form a cluster whose
 * width is shared by as many lanes as the most dates at one time. */
static void
assign_lanes (GPtrArray *placements)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (int));
  guint cluster_start = 0;
  guint column = G_MAXUINT;
  int cluster_end = -1;

  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (placements, i);
      guint lane;

      if (placement->column != column || placement->start_minute >= cluster_end)
        {
          finish_cluster (placements, cluster_start, i, lane_ends->len);
          g_array_set_size (lane_ends, 0);
          cluster_start = i;
          cluster_end = -1;
          column = placement->column;
        }

      for (lane = 0; lane < lane_ends->len; lane++)
        {
          if (g_array_index (lane_ends, int, lane) <= placement->start_minute)
            break;
        }
      if (lane == lane_ends->len)
        g_array_set_size (lane_ends, lane + 1);

      /* A zero-length date still takes room on the screen. */
      g_array_index (lane_ends, int, lane) = MAX (placement->end_minute, placement->start_minute + 15);
      placement->lane = lane;
      cluster_end = MAX (cluster_end, g_array_index (lane_ends, int, lane));
    }

  finish_cluster (placements, cluster_start, placements->len, lane_ends->len);
}

static void
assign_strip_rows (TreffWeekGrid *self)
{
  for (guint i = 0; i < self->strip_placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->strip_placements, i);
      guint row = 0;
      gboolean moved;

      do
        {
          moved = FALSE;
          for (guint j = 0; j < i; j++)
            {
              Placement *other = g_ptr_array_index (self->strip_placements, j);

              if (other->strip_row == row &&
                  other->column < placement->column + placement->n_columns &&
                  placement->column < other->column + other->n_columns)
                {
                  row++;
                  moved = TRUE;
                  break;
                }
            }
        }
      while (moved);

      placement->strip_row = row;
    }
}

static void
update_hours (TreffWeekGrid *self)
{
  int first_hour = CLAMP (self->day_start_hour, 0, 23);
  int last_hour = CLAMP (self->day_end_hour, first_hour + 1, 24);

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);

      first_hour = MIN (first_hour, placement->start_minute / 60);
      last_hour = MAX (last_hour, (placement->end_minute + 59) / 60);
    }

  self->first_hour = first_hour;
  self->last_hour = MIN (last_hour, 24);
  if (self->cursor_set)
    self->cursor_minute = CLAMP (self->cursor_minute, self->first_hour * 60,
                                 self->last_hour * 60 - SLOT_MINUTES);
}

static gboolean
same_date (TreffOccurrence *occurrence,
           gint64           booking_id,
           GDateTime       *original_start)
{
  if (treff_booking_get_id (treff_occurrence_get_booking (occurrence)) != booking_id)
    return FALSE;

  return original_start == NULL ||
         g_date_time_equal (treff_occurrence_get_original_start (occurrence), original_start);
}

static GtkWidget *
find_tile (TreffWeekGrid *self,
           gint64         booking_id,
           GDateTime     *original_start)
{
  GPtrArray *lists[] = { self->placements, self->strip_placements };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; i < lists[l]->len; i++)
        {
          Placement *placement = g_ptr_array_index (lists[l], i);

          if (same_date (placement->occurrence, booking_id, original_start))
            return placement->tile;
        }
    }

  return NULL;
}

static TreffBookingTile *
get_focused_tile (TreffWeekGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !TREFF_IS_BOOKING_TILE (focus))
    return NULL;

  if (!gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
      !gtk_widget_is_ancestor (focus, self->header))
    return NULL;

  return TREFF_BOOKING_TILE (focus);
}

static void
remove_tiles (TreffWeekGrid *self)
{
  for (guint i = 0; i < self->placements->len; i++)
    gtk_widget_unparent (((Placement *)g_ptr_array_index (self->placements, i))->tile);
  for (guint i = 0; i < self->strip_placements->len; i++)
    gtk_grid_remove (GTK_GRID (self->header_grid),
                     ((Placement *)g_ptr_array_index (self->strip_placements, i))->tile);
  g_ptr_array_set_size (self->placements, 0);
  g_ptr_array_set_size (self->strip_placements, 0);
}

/* The model is a week's worth of dates: rebuilding every tile is cheap
 * and keeps the layout in one place. The focused date keeps its focus. */
static void
rebuild (TreffWeekGrid *self)
{
  TreffBookingTile *focused = get_focused_tile (self);
  g_autoptr(GDateTime) focused_start = NULL;
  gint64 focused_booking = 0;
  guint n_items;

  if (focused != NULL)
    {
      TreffOccurrence *occurrence = treff_booking_tile_get_occurrence (focused);

      focused_booking = treff_booking_get_id (treff_occurrence_get_booking (occurrence));
      focused_start = g_date_time_ref (treff_occurrence_get_original_start (occurrence));
      /* Keep the keyboard in the grid while its tiles are replaced. */
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  remove_tiles (self);

  n_items = self->model ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TreffOccurrence) occurrence = g_list_model_get_item (self->model, i);
      g_autofree Placement *placement = g_new0 (Placement, 1);
      gboolean in_strip;

      if (!self->show_cancelled && treff_occurrence_is_cancelled (occurrence))
        continue;

      in_strip = is_strip_date (occurrence);
      if (!place (self, occurrence, in_strip, placement))
        continue;

      placement->occurrence = g_object_ref (occurrence);
      placement->tile = new_tile (self, occurrence);
      g_ptr_array_add (in_strip ? self->strip_placements : self->placements,
                       g_steal_pointer (&placement));
    }

  g_ptr_array_sort (self->placements, compare_placements);
  g_ptr_array_sort (self->strip_placements, compare_placements);
  assign_lanes (self->placements);
  assign_strip_rows (self);
  update_hours (self);

  /* Children in date order make the accessible tree read like the week. */
  for (guint i = 0; i < self->placements->len; i++)
    gtk_widget_set_parent (((Placement *)g_ptr_array_index (self->placements, i))->tile,
                           GTK_WIDGET (self));

  for (guint i = 0; i < self->strip_placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->strip_placements, i);

      treff_booking_tile_set_compact (TREFF_BOOKING_TILE (placement->tile), TRUE);
      gtk_widget_set_margin_start (placement->tile, TILE_MARGIN);
      gtk_widget_set_margin_end (placement->tile, TILE_MARGIN);
      gtk_grid_attach (GTK_GRID (self->header_grid), placement->tile,
                       placement->column, 1 + placement->strip_row, placement->n_columns, 1);
    }

  if (focused_booking != 0)
    {
      GtkWidget *tile = find_tile (self, focused_booking, focused_start);

      if (tile != NULL)
        gtk_widget_grab_focus (tile);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_items_changed (TreffWeekGrid *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GListModel    *model)
{
  rebuild (self);
}

static void
on_rooms_changed (TreffWeekGrid *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GListModel    *rooms)
{
  if (self->mode != TREFF_WEEK_GRID_MODE_ROOMS)
    return;

  update_header (self);
  rebuild (self);
}

/* }}} */

/* {{{ Geometry */

static double
column_width (TreffWeekGrid *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return MAX (0, width - GUTTER_WIDTH) / (double)treff_week_grid_get_n_columns (self);
}

static double
y_of_minute (TreffWeekGrid *self,
             int            minute)
{
  return (minute - self->first_hour * 60) * HOUR_HEIGHT / 60.0;
}

static gboolean
slot_at (TreffWeekGrid *self,
         double         x,
         double         y,
         guint         *column,
         int           *minute)
{
  double width = column_width (self);
  int slot;

  if (x < GUTTER_WIDTH || width <= 0 || y < 0)
    return FALSE;

  *column = (x - GUTTER_WIDTH) / width;
  if (*column >= treff_week_grid_get_n_columns (self))
    return FALSE;

  slot = y / (HOUR_HEIGHT * SLOT_MINUTES / 60.0);
  *minute = self->first_hour * 60 + slot * SLOT_MINUTES;
  return *minute < self->last_hour * 60;
}

static void
treff_week_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);
  guint n_columns = treff_week_grid_get_n_columns (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = GUTTER_WIDTH + n_columns * MIN_COLUMN_WIDTH;
      *natural = GUTTER_WIDTH + n_columns * NAT_COLUMN_WIDTH;
    }
  else
    {
      *minimum = *natural = (self->last_hour - self->first_hour) * HOUR_HEIGHT + 1;
    }
}

static void
treff_week_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);
  double width_per_column = MAX (0, width - GUTTER_WIDTH) / (double)treff_week_grid_get_n_columns (self);
  int margin_end = self->mode == TREFF_WEEK_GRID_MODE_WEEK ? TILE_MARGIN_END : TILE_MARGIN;

  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (self->placements, i);
      double usable = width_per_column - TILE_MARGIN - margin_end;
      double lane_width = usable / placement->n_lanes;
      double x = GUTTER_WIDTH + placement->column * width_per_column + TILE_MARGIN +
                 placement->lane * lane_width;
      double y = y_of_minute (self, placement->start_minute);
      double bottom = MAX (y_of_minute (self, placement->end_minute), y + MIN_TILE_HEIGHT);
      int left = floor (x);
      int right = floor (x + lane_width) - (placement->lane + 1 < placement->n_lanes ? TILE_GAP : 0);
      int min_width, min_height;

      gtk_widget_measure (placement->tile, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (placement->tile, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (placement->tile,
                                &(GtkAllocation) {
                                  left, floor (y) + 1,
                                  MAX (right - left, min_width),
                                  MAX ((int)floor (bottom) - (int)floor (y) - 1, min_height)
                                },
                                -1);
    }
}

/* }}} */

/* {{{ Drawing */

static void
get_colours (TreffWeekGrid *self,
             GdkRGBA       *foreground,
             GdkRGBA       *accent,
             GdkRGBA       *now)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, foreground);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "destructive_bg_color", now))
    gdk_rgba_parse (now, "#e01b24");
}

static GdkRGBA
with_alpha (const GdkRGBA *colour,
            float          alpha)
{
  return (GdkRGBA) { colour->red, colour->green, colour->blue, colour->alpha * alpha };
}

static void
append_hatching (GtkSnapshot   *snapshot,
                 const GdkRGBA *colour,
                 double         x,
                 double         width,
                 double         height)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, 0, width, height));

  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, 1.0);
  for (double offset = -width; offset < height; offset += 12)
    {
      cairo_move_to (cr, x, offset + width);
      cairo_line_to (cr, x + width, offset);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
snapshot_columns (TreffWeekGrid *self,
                  GtkSnapshot   *snapshot,
                  const GdkRGBA *foreground,
                  const GdkRGBA *accent,
                  double         width_per_column,
                  int            height)
{
  guint n_columns = treff_week_grid_get_n_columns (self);

  for (guint i = 0; i < n_columns; i++)
    {
      double x = GUTTER_WIDTH + i * width_per_column;
      DayMark *mark;
      GDate date;

      column_date (self, i, &date);
      mark = lookup_mark (self, &date);
      if (mark != NULL)
        {
          GdkRGBA shade = with_alpha (foreground, mark->closed ? 0.05 : 0.03);
          GdkRGBA hatch = with_alpha (foreground, 0.08);

          gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (x, 0, width_per_column, height));
          if (mark->closed)
            append_hatching (snapshot, &hatch, x, width_per_column, height);
        }

      if (self->mode == TREFF_WEEK_GRID_MODE_WEEK && is_today (self, &date))
        {
          GdkRGBA today = with_alpha (accent, 0.08);

          gtk_snapshot_append_color (snapshot, &today, &GRAPHENE_RECT_INIT (x, 0, width_per_column, height));
        }

      if (i > 0)
        {
          GdkRGBA line = with_alpha (foreground, 0.15);

          gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (floor (x), 0, 1, height));
        }
    }
}

static void
snapshot_hours (TreffWeekGrid *self,
                GtkSnapshot   *snapshot,
                const GdkRGBA *foreground,
                int            width)
{
  GdkRGBA line = with_alpha (foreground, 0.15);
  GdkRGBA half_line = with_alpha (foreground, 0.06);
  GdkRGBA text = with_alpha (foreground, 0.6);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);

  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER_WIDTH - 1, 0, 1, y_of_minute (self, self->last_hour * 60)));

  for (int hour = self->first_hour; hour <= self->last_hour; hour++)
    {
      double y = floor (y_of_minute (self, hour * 60));
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *label = NULL;
      int text_width, text_height;

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER_WIDTH - 6, y, width, 1));
      if (hour == self->last_hour)
        break;

      gtk_snapshot_append_color (snapshot, &half_line,
                                 &GRAPHENE_RECT_INIT (GUTTER_WIDTH, y + HOUR_HEIGHT / 2, width, 1));

      time = g_date_time_new (get_time_zone (self), 2000, 1, 1, hour % 24, 0, 0);
      label = treff_format_time (time);
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (GUTTER_WIDTH - 8 - text_width, y + 2));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_restore (snapshot);
    }

  g_object_unref (layout);
}

static void
snapshot_slot (TreffWeekGrid *self,
               GtkSnapshot   *snapshot,
               guint          column,
               int            minute,
               const GdkRGBA *fill,
               const GdkRGBA *border,
               double         width_per_column)
{
  double x = GUTTER_WIDTH + column * width_per_column;
  double y = y_of_minute (self, minute);
  /* A new booking lasts an hour: show what a click would book. */
  double height = MIN (HOUR_HEIGHT, y_of_minute (self, self->last_hour * 60) - y);
  GskRoundedRect outline;

  gtk_snapshot_append_color (snapshot, fill, &GRAPHENE_RECT_INIT (x + 1, y + 1, width_per_column - 2, height - 1));

  if (border != NULL)
    {
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x + 1, y + 1, width_per_column - 2, height - 1), 4);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { *border, *border, *border, *border });
    }
}

static void
snapshot_now (TreffWeekGrid *self,
              GtkSnapshot   *snapshot,
              const GdkRGBA *colour,
              double         width_per_column)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (get_time_zone (self));
  guint n_columns = treff_week_grid_get_n_columns (self);
  int minute = minute_of_day (now);
  GskRoundedRect dot;
  double x, width, y;
  GDate today, first;

  if (minute < self->first_hour * 60 || minute > self->last_hour * 60)
    return;

  treff_date_from_date_time (&today, now);
  treff_date_from_date_time (&first, self->first_day);
  if (self->mode == TREFF_WEEK_GRID_MODE_WEEK)
    {
      int column = g_date_days_between (&first, &today);

      if (column < 0 || column >= 7)
        return;
      x = GUTTER_WIDTH + column * width_per_column;
      width = width_per_column;
    }
  else
    {
      if (g_date_compare (&first, &today) != 0)
        return;
      x = GUTTER_WIDTH;
      width = n_columns * width_per_column;
    }

  y = floor (y_of_minute (self, minute));
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y - 1, width, 2));
  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 4, y - 4, 8, 8), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, colour, &dot.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
treff_week_grid_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double width_per_column = column_width (self);
  GdkRGBA foreground, accent, now;

  get_colours (self, &foreground, &accent, &now);

  snapshot_columns (self, snapshot, &foreground, &accent, width_per_column, height);
  snapshot_hours (self, snapshot, &foreground, width);

  if (self->hover_column >= 0)
    {
      GdkRGBA hover = with_alpha (&foreground, 0.06);

      snapshot_slot (self, snapshot, self->hover_column, self->hover_minute, &hover, NULL, width_per_column);
    }

  for (guint i = 0; i < self->placements->len; i++)
    gtk_widget_snapshot_child (widget, ((Placement *)g_ptr_array_index (self->placements, i))->tile, snapshot);

  /* The slot cursor, over the tiles: it may be on a booked time. After a
   * click it shows which hour is being booked. */
  if (self->cursor_set && gtk_widget_has_focus (widget))
    {
      GdkRGBA fill = with_alpha (&accent, 0.15);

      snapshot_slot (self, snapshot, self->cursor_column, self->cursor_minute, &fill, &accent, width_per_column);
    }

  snapshot_now (self, snapshot, &now, width_per_column);
}

static guint32
get_today (TreffWeekGrid *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (get_time_zone (self));
  GDate today;

  treff_date_from_date_time (&today, now);
  return g_date_get_julian (&today);
}

static gboolean
on_clock_tick (gpointer user_data)
{
  TreffWeekGrid *self = user_data;
  guint32 today = get_today (self);

  /* After midnight another column is today's. */
  if (today != self->today)
    {
      self->today = today;
      refresh_day_cells (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_CONTINUE;
}

/* }}} */

/* {{{ Pointer and keyboard */

static void
emit_create_requested (TreffWeekGrid *self,
                       guint          column,
                       int            minute)
{
  g_autoptr(GDateTime) start = new_column_time (self, column, minute);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);

  g_signal_emit (self, signals[CREATE_REQUESTED], 0, start, end, column_room_id (self, column));
}

static void
describe_cursor (TreffWeekGrid *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(TreffRoom) room = NULL;
  g_autofree char *date = NULL;
  g_autofree char *times = NULL;
  g_autofree char *description = NULL;

  if (!self->cursor_set)
    return;

  start = new_column_time (self, self->cursor_column, self->cursor_minute);
  end = g_date_time_add_hours (start, 1);
  date = g_date_time_format (start, C_("full date", "%A, %B %-d, %Y"));
  times = treff_format_time_range (start, end);
  if (self->mode == TREFF_WEEK_GRID_MODE_ROOMS && self->rooms != NULL)
    room = g_list_model_get_item (self->rooms, self->cursor_column);

  if (room != NULL)
    /* Translators: what the keyboard cursor of the week plan is on, "Saturday, …, 14:00–15:00, Gruppenraum" */
    description = g_strdup_printf (_("%s, %s, %s. Press Enter to book it."), date, times, treff_room_get_name (room));
  else
    /* Translators: what the keyboard cursor of the week plan is on, "Wednesday, …, 14:00–15:00" */
    description = g_strdup_printf (_("%s, %s. Press Enter to book it."), date, times);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
clamp_scrolling (TreffWeekGrid *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  if (scrolled != NULL)
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                               MAX (0, self->scroll_top), self->scroll_bottom);
}

static gboolean
on_scroll_tick (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);

  /* Ticks come before the layout of their frame: the second one sees the
   * layout that the change asked for. */
  clamp_scrolling (self);
  if (++self->scroll_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Scrolls now, and again over the next frames: a new week may bring an
 * all-day strip that makes the visible part smaller only then. */
static void
scroll_to_range (TreffWeekGrid *self,
                 double         top,
                 double         bottom)
{
  self->scroll_top = top;
  self->scroll_bottom = bottom;
  self->scroll_ticks = 0;
  clamp_scrolling (self);

  if (self->scroll_tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_scroll_tick, NULL, NULL);
}

static void
scroll_to_cursor (TreffWeekGrid *self)
{
  double y = y_of_minute (self, self->cursor_minute);

  scroll_to_range (self, y - HOUR_HEIGHT / 2, y + HOUR_HEIGHT * 1.5);
}

static void
ensure_cursor (TreffWeekGrid *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDate today, first;
  int column;

  if (self->cursor_set)
    return;

  /* Start where the user most likely looks: today, at the next full hour. */
  now = g_date_time_new_now (get_time_zone (self));
  treff_date_from_date_time (&today, now);
  treff_date_from_date_time (&first, self->first_day);
  column = g_date_days_between (&first, &today);

  self->cursor_set = TRUE;
  self->cursor_column = self->mode == TREFF_WEEK_GRID_MODE_WEEK && column >= 0 && column < 7 ? column : 0;
  self->cursor_minute = CLAMP ((g_date_time_get_hour (now) + 1) * 60,
                               self->first_hour * 60, self->last_hour * 60 - SLOT_MINUTES);
}

void
treff_week_grid_set_cursor (TreffWeekGrid *self,
                            guint          column,
                            int            minute)
{
  g_return_if_fail (TREFF_IS_WEEK_GRID (self));

  self->cursor_set = TRUE;
  self->cursor_column = MIN (column, treff_week_grid_get_n_columns (self) - 1);
  self->cursor_minute = CLAMP (minute - minute % SLOT_MINUTES,
                               self->first_hour * 60, self->last_hour * 60 - SLOT_MINUTES);
  describe_cursor (self);
  scroll_to_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * treff_week_grid_activate_cursor:
 *
 * What Enter does on the grid: asks to book the hour at the cursor.
 */
gboolean
treff_week_grid_activate_cursor (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), FALSE);

  if (!self->cursor_set)
    return FALSE;

  emit_create_requested (self, self->cursor_column, self->cursor_minute);
  return TRUE;
}

/**
 * treff_week_grid_activate_point:
 *
 * What a click on a free place does: asks to book an hour from the half
 * hour under (@x, @y), in grid coordinates. Returns FALSE where there is
 * no slot (the hour labels, below the last hour).
 */
gboolean
treff_week_grid_activate_point (TreffWeekGrid *self,
                                double         x,
                                double         y)
{
  guint column;
  int minute;

  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), FALSE);

  if (!slot_at (self, x, y, &column, &minute))
    return FALSE;

  self->cursor_set = TRUE;
  self->cursor_column = column;
  self->cursor_minute = minute;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  emit_create_requested (self, column, minute);
  return TRUE;
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  TreffWeekGrid   *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   TreffWeekGrid   *self)
{
  if (n_press != 1 || gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self))
    return;

  treff_week_grid_activate_point (self, x, y);
}

static void
set_hover (TreffWeekGrid *self,
           int            column,
           int            minute)
{
  if (self->hover_column == column && self->hover_minute == minute)
    return;

  self->hover_column = column;
  self->hover_minute = minute;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TreffWeekGrid            *self)
{
  guint column;
  int minute;

  if (gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) == GTK_WIDGET (self) &&
      slot_at (self, x, y, &column, &minute))
    set_hover (self, column, minute);
  else
    set_hover (self, -1, 0);
}

static void
on_leave (GtkEventControllerMotion *controller,
          TreffWeekGrid            *self)
{
  set_hover (self, -1, 0);
}

static int
placement_index (TreffWeekGrid *self,
                 GtkWidget     *tile)
{
  for (guint i = 0; i < self->placements->len; i++)
    {
      if (((Placement *)g_ptr_array_index (self->placements, i))->tile == tile)
        return i;
    }

  return -1;
}

/* Arrows on a date: up and down through the column's dates, left and
 * right to the nearest date of the next column that has one. */
static void
move_between_tiles (TreffWeekGrid *self,
                    int            index,
                    int            columns,
                    int            slots)
{
  Placement *current = g_ptr_array_index (self->placements, index);
  Placement *best = NULL;

  if (columns == 0)
    {
      int next = index + (slots > 0 ? 1 : -1);

      if (next >= 0 && next < (int)self->placements->len)
        best = g_ptr_array_index (self->placements, next);
    }
  else
    {
      guint n_columns = treff_week_grid_get_n_columns (self);

      for (int column = (int)current->column + columns;
           best == NULL && column >= 0 && column < (int)n_columns;
           column += columns)
        {
          for (guint i = 0; i < self->placements->len; i++)
            {
              Placement *candidate = g_ptr_array_index (self->placements, i);

              if ((int)candidate->column != column)
                continue;
              if (best == NULL ||
                  ABS (candidate->start_minute - current->start_minute) <
                  ABS (best->start_minute - current->start_minute))
                best = candidate;
            }
        }
    }

  if (best != NULL)
    gtk_widget_grab_focus (best->tile);
}

/* The grid handles these keys itself, so GtkWindow does not see them and
 * would not turn on the focus rings as it does for keyboard navigation. */
static void
show_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
}

static gboolean
move_action (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int columns, slots;
  int index;

  g_variant_get (args, "(ii)", &columns, &slots);
  show_focus (widget);

  index = focus_child ? placement_index (self, focus_child) : -1;
  if (index >= 0)
    {
      move_between_tiles (self, index, columns, slots);
      return TRUE;
    }

  ensure_cursor (self);
  treff_week_grid_set_cursor (self,
                              CLAMP ((int)self->cursor_column + columns, 0,
                                     (int)treff_week_grid_get_n_columns (self) - 1),
                              self->cursor_minute + slots * SLOT_MINUTES);
  return TRUE;
}

static gboolean
activate_action (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  ensure_cursor (self);
  return treff_week_grid_activate_cursor (self);
}

/* Escape on a date goes back to the free-time cursor, at that date. */
static gboolean
escape_action (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int index = focus_child ? placement_index (self, focus_child) : -1;
  Placement *placement;

  if (index < 0)
    return FALSE;

  placement = g_ptr_array_index (self->placements, index);
  show_focus (widget);
  gtk_widget_grab_focus (widget);
  treff_week_grid_set_cursor (self, placement->column, placement->start_minute);
  return TRUE;
}

/* Tab goes from the grid (its free-time cursor) through the dates in
 * the order of the week, not in the order of their places on screen. */
static gboolean
treff_week_grid_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int index = focus_child ? placement_index (self, focus_child) : -1;
  int n = self->placements->len;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    {
      if (gtk_widget_is_focus (widget) || index >= 0)
        return FALSE;
      gtk_widget_grab_focus (widget);
      return TRUE;
    }

  if (gtk_widget_is_focus (widget))
    {
      if (direction == GTK_DIR_TAB_FORWARD && n > 0)
        {
          gtk_widget_grab_focus (((Placement *)g_ptr_array_index (self->placements, 0))->tile);
          return TRUE;
        }
      return FALSE;
    }

  if (index >= 0)
    {
      int next = index + (direction == GTK_DIR_TAB_FORWARD ? 1 : -1);

      if (next >= n)
        return FALSE;
      if (next < 0)
        gtk_widget_grab_focus (widget);
      else
        gtk_widget_grab_focus (((Placement *)g_ptr_array_index (self->placements, next))->tile);
      return TRUE;
    }

  if (direction == GTK_DIR_TAB_BACKWARD && n > 0)
    gtk_widget_grab_focus (((Placement *)g_ptr_array_index (self->placements, n - 1))->tile);
  else
    gtk_widget_grab_focus (widget);

  return TRUE;
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                TreffWeekGrid           *self)
{
  /* During the focus crossing GTK 4.8 does not yet report the widget as
   * focused; the controller knows. */
  if (gtk_event_controller_focus_is_focus (controller))
    {
      ensure_cursor (self);
      describe_cursor (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                TreffWeekGrid           *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* }}} */

/* A date that gets the keyboard focus scrolls into view; the grid itself
 * does not (see treff_week_grid_root ()). */
static void
treff_week_grid_set_focus_child (GtkWidget *widget,
                                 GtkWidget *child)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);
  int index;

  GTK_WIDGET_CLASS (treff_week_grid_parent_class)->set_focus_child (widget, child);

  /* From the times, not the allocation: a tile made by a rebuild just
   * now has not been allocated yet. */
  index = child ? placement_index (self, child) : -1;
  if (index >= 0)
    {
      Placement *placement = g_ptr_array_index (self->placements, index);
      double top = y_of_minute (self, placement->start_minute);
      double bottom = MAX (y_of_minute (self, placement->end_minute), top + MIN_TILE_HEIGHT);

      scroll_to_range (self, top - HOUR_HEIGHT / 4, MIN (bottom, top + HOUR_HEIGHT * 3) + HOUR_HEIGHT / 4);
    }
}

static void
treff_week_grid_root (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  GTK_WIDGET_CLASS (treff_week_grid_parent_class)->root (widget);

  /* A viewport scrolls its focused child into view: for the whole grid
   * that would jump to its end on every click into a free slot. */
  if (GTK_IS_VIEWPORT (parent))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (parent), FALSE);
}

static void
treff_week_grid_map (GtkWidget *widget)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);

  GTK_WIDGET_CLASS (treff_week_grid_parent_class)->map (widget);

  /* The line of the current time moves once a minute. */
  self->today = get_today (self);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (60, on_clock_tick, self);
}

static void
treff_week_grid_unmap (GtkWidget *widget)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (widget, self->scroll_tick_id);
  self->scroll_tick_id = 0;

  GTK_WIDGET_CLASS (treff_week_grid_parent_class)->unmap (widget);
}

static void
treff_week_grid_dispose (GObject *object)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->rooms != NULL)
    g_signal_handlers_disconnect_by_data (self->rooms, self);
  if (self->placements != NULL)
    remove_tiles (self);
  g_clear_object (&self->model);
  g_clear_object (&self->rooms);
  g_clear_object (&self->header);

  G_OBJECT_CLASS (treff_week_grid_parent_class)->dispose (object);
}

static void
treff_week_grid_finalize (GObject *object)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (object);

  g_clear_pointer (&self->placements, g_ptr_array_unref);
  g_clear_pointer (&self->strip_placements, g_ptr_array_unref);
  g_clear_pointer (&self->header_cells, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->first_day, g_date_time_unref);

  G_OBJECT_CLASS (treff_week_grid_parent_class)->finalize (object);
}

static void
treff_week_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ROOMS:
      g_value_set_object (value, self->rooms);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_FIRST_DAY:
      g_value_set_boxed (value, self->first_day);
      break;
    case PROP_DAY_START_HOUR:
      g_value_set_int (value, self->day_start_hour);
      break;
    case PROP_DAY_END_HOUR:
      g_value_set_int (value, self->day_end_hour);
      break;
    case PROP_COLOUR_BY:
      g_value_set_enum (value, self->colour_by);
      break;
    case PROP_SHOW_CANCELLED:
      g_value_set_boolean (value, self->show_cancelled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_week_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TreffWeekGrid *self = TREFF_WEEK_GRID (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      treff_week_grid_set_model (self, g_value_get_object (value));
      break;
    case PROP_ROOMS:
      treff_week_grid_set_rooms (self, g_value_get_object (value));
      break;
    case PROP_MODE:
      treff_week_grid_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_FIRST_DAY:
      treff_week_grid_set_first_day (self, g_value_get_boxed (value));
      break;
    case PROP_DAY_START_HOUR:
      treff_week_grid_set_day_start_hour (self, g_value_get_int (value));
      break;
    case PROP_DAY_END_HOUR:
      treff_week_grid_set_day_end_hour (self, g_value_get_int (value));
      break;
    case PROP_COLOUR_BY:
      treff_week_grid_set_colour_by (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_CANCELLED:
      treff_week_grid_set_show_cancelled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_week_grid_class_init (TreffWeekGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_week_grid_dispose;
  object_class->finalize = treff_week_grid_finalize;
  object_class->get_property = treff_week_grid_get_property;
  object_class->set_property = treff_week_grid_set_property;

  widget_class->measure = treff_week_grid_measure;
  widget_class->size_allocate = treff_week_grid_size_allocate;
  widget_class->snapshot = treff_week_grid_snapshot;
  widget_class->focus = treff_week_grid_focus;
  widget_class->map = treff_week_grid_map;
  widget_class->root = treff_week_grid_root;
  widget_class->set_focus_child = treff_week_grid_set_focus_child;
  widget_class->unmap = treff_week_grid_unmap;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROOMS] =
    g_param_spec_object ("rooms", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, TREFF_TYPE_WEEK_GRID_MODE, TREFF_WEEK_GRID_MODE_WEEK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_DAY] =
    g_param_spec_boxed ("first-day", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY_START_HOUR] =
    g_param_spec_int ("day-start-hour", NULL, NULL, 0, 23, 8,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY_END_HOUR] =
    g_param_spec_int ("day-end-hour", NULL, NULL, 1, 24, 22,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR_BY] =
    g_param_spec_enum ("colour-by", NULL, NULL, TREFF_TYPE_WEEK_GRID_COLOUR_BY, TREFF_WEEK_GRID_COLOUR_BY_ROOM,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CANCELLED] =
    g_param_spec_boolean ("show-cancelled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TreffWeekGrid::occurrence-activated:
   * @occurrence: the date that was clicked or activated with the keyboard
   */
  signals[OCCURRENCE_ACTIVATED] =
    g_signal_new ("occurrence-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TREFF_TYPE_OCCURRENCE);

  /**
   * TreffWeekGrid::create-requested:
   * @start: the half hour that was clicked or chosen with the keyboard
   * @end: an hour later
   * @room_id: the room of the column in rooms mode, 0 in week mode
   */
  signals[CREATE_REQUESTED] =
    g_signal_new ("create-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_DATE_TIME, G_TYPE_DATE_TIME, G_TYPE_INT64);

  /**
   * TreffWeekGrid::day-selected:
   * @day: midnight of the day whose header was clicked (week mode)
   */
  signals[DAY_SELECTED] =
    g_signal_new ("day-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, move_action, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, 0, move_action, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, move_action, "(ii)", 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, 0, move_action, "(ii)", 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, move_action, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, move_action, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, move_action, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, move_action, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_action, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_action, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_action, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_action, NULL);

  gtk_widget_class_set_css_name (widget_class, "week-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
treff_week_grid_init (TreffWeekGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *header_row;
  GtkWidget *corner;

  self->day_start_hour = 8;
  self->day_end_hour = 22;
  self->first_hour = 8;
  self->last_hour = 22;
  self->show_cancelled = TRUE;
  self->hover_column = -1;
  self->placements = g_ptr_array_new_with_free_func ((GDestroyNotify)placement_free);
  self->strip_placements = g_ptr_array_new_with_free_func ((GDestroyNotify)placement_free);
  self->header_cells = g_ptr_array_new ();
  self->marks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)day_mark_free);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    self->first_day = g_date_time_new_local (g_date_time_get_year (now),
                                             g_date_time_get_month (now),
                                             g_date_time_get_day_of_month (now),
                                             0, 0, 0);
  }

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Week Plan"),
                                  -1);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  /* The header: the gutter's corner, then a homogeneous grid whose first
   * row names the columns and whose other rows hold the all-day strip. */
  self->header = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  header_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  corner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (corner, GUTTER_WIDTH, -1);
  gtk_box_append (GTK_BOX (header_row), corner);

  self->header_grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->header_grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (self->header_grid), 2);
  gtk_widget_set_hexpand (self->header_grid, TRUE);
  gtk_widget_set_margin_bottom (self->header_grid, 4);
  gtk_box_append (GTK_BOX (header_row), self->header_grid);
  gtk_box_append (GTK_BOX (self->header), header_row);
  gtk_box_append (GTK_BOX (self->header), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  update_header (self);
}

GtkWidget *
treff_week_grid_new (void)
{
  return g_object_new (TREFF_TYPE_WEEK_GRID, NULL);
}

GListModel *
treff_week_grid_get_model (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), NULL);

  return self->model;
}

/**
 * treff_week_grid_set_model:
 * @model: (nullable): a #GListModel of #TreffOccurrence
 *
 * The dates to show; the grid follows the model's items-changed.
 */
void
treff_week_grid_set_model (TreffWeekGrid *self,
                           GListModel    *model)
{
  g_return_if_fail (TREFF_IS_WEEK_GRID (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
treff_week_grid_get_rooms (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), NULL);

  return self->rooms;
}

/**
 * treff_week_grid_set_rooms:
 * @rooms: (nullable): a #GListModel of #TreffRoom
 *
 * The columns of rooms mode, in this order.
 */
void
treff_week_grid_set_rooms (TreffWeekGrid *self,
                           GListModel    *rooms)
{
  g_return_if_fail (TREFF_IS_WEEK_GRID (self));
  g_return_if_fail (rooms == NULL || G_IS_LIST_MODEL (rooms));

  if (self->rooms == rooms)
    return;

  if (self->rooms != NULL)
    g_signal_handlers_disconnect_by_data (self->rooms, self);
  g_set_object (&self->rooms, rooms);
  if (rooms != NULL)
    g_signal_connect_swapped (rooms, "items-changed", G_CALLBACK (on_rooms_changed), self);

  if (self->mode == TREFF_WEEK_GRID_MODE_ROOMS)
    {
      update_header (self);
      rebuild (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOMS]);
}

TreffWeekGridMode
treff_week_grid_get_mode (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), TREFF_WEEK_GRID_MODE_WEEK);

  return self->mode;
}

void
treff_week_grid_set_mode (TreffWeekGrid     *self,
                          TreffWeekGridMode  mode)
{
  g_return_if_fail (TREFF_IS_WEEK_GRID (self));

  if (self->mode == mode)
    return;

  self->mode = mode;
  self->cursor_set = FALSE;
  update_header (self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

GDateTime *
treff_week_grid_get_first_day (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), NULL);

  return self->first_day;
}

/**
 * treff_week_grid_set_first_day:
 * @first_day: the first day shown (its time of day does not matter), in
 *   the time zone of the dates
 */
void
treff_week_grid_set_first_day (TreffWeekGrid *self,
                               GDateTime     *first_day)
{
  g_autoptr(GDateTime) midnight = NULL;

  g_return_if_fail (TREFF_IS_WEEK_GRID (self));
  g_return_if_fail (first_day != NULL);

  midnight = g_date_time_new (g_date_time_get_timezone (first_day),
                              g_date_time_get_year (first_day),
                              g_date_time_get_month (first_day),
                              g_date_time_get_day_of_month (first_day),
                              0, 0, 0);
  if (g_date_time_equal (self->first_day, midnight) &&
      g_date_time_get_utc_offset (self->first_day) == g_date_time_get_utc_offset (midnight))
    return;

  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = g_steal_pointer (&midnight);
  refresh_day_cells (self);
  rebuild (self);
  describe_cursor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_DAY]);
}

int
treff_week_grid_get_day_start_hour (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), 0);

  return self->day_start_hour;
}

void
treff_week_grid_set_day_start_hour (TreffWeekGrid *self,
                                    int            hour)
{
  g_return_if_fail (TREFF_IS_WEEK_GRID (self));
  g_return_if_fail (hour >= 0 && hour <= 23);

  if (self->day_start_hour == hour)
    return;

  self->day_start_hour = hour;
  update_hours (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_START_HOUR]);
}

int
treff_week_grid_get_day_end_hour (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), 0);

  return self->day_end_hour;
}

void
treff_week_grid_set_day_end_hour (TreffWeekGrid *self,
                                  int            hour)
{
  g_return_if_fail (TREFF_IS_WEEK_GRID (self));
  g_return_if_fail (hour >= 1 && hour <= 24);

  if (self->day_end_hour == hour)
    return;

  self->day_end_hour = hour;
  update_hours (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_END_HOUR]);
}

TreffWeekGridColourBy
treff_week_grid_get_colour_by (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), TREFF_WEEK_GRID_COLOUR_BY_ROOM);

  return self->colour_by;
}

void
treff_week_grid_set_colour_by (TreffWeekGrid         *self,
                               TreffWeekGridColourBy  colour_by)
{
  GPtrArray *lists[2];

  g_return_if_fail (TREFF_IS_WEEK_GRID (self));

  if (self->colour_by == colour_by)
    return;

  self->colour_by = colour_by;
  lists[0] = self->placements;
  lists[1] = self->strip_placements;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; i < lists[l]->len; i++)
        {
          Placement *placement = g_ptr_array_index (lists[l], i);

          treff_booking_tile_set_colour (TREFF_BOOKING_TILE (placement->tile),
                                         get_colour (self, placement->occurrence));
        }
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR_BY]);
}

gboolean
treff_week_grid_get_show_cancelled (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), FALSE);

  return self->show_cancelled;
}

void
treff_week_grid_set_show_cancelled (TreffWeekGrid *self,
                                    gboolean       show_cancelled)
{
  g_return_if_fail (TREFF_IS_WEEK_GRID (self));

  show_cancelled = !!show_cancelled;
  if (self->show_cancelled == show_cancelled)
    return;

  self->show_cancelled = show_cancelled;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CANCELLED]);
}

/**
 * treff_week_grid_set_day_mark:
 * @label: (nullable): what is special about the day ("Neujahr",
 *   "Herbstferien"), or %NULL to remove the mark
 * @closed: the centre is closed that day: shaded more strongly
 */
void
treff_week_grid_set_day_mark (TreffWeekGrid *self,
                              const GDate   *day,
                              const char    *label,
                              gboolean       closed)
{
  gpointer key;

  g_return_if_fail (TREFF_IS_WEEK_GRID (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  key = GUINT_TO_POINTER (g_date_get_julian (day));
  if (label == NULL)
    {
      g_hash_table_remove (self->marks, key);
    }
  else
    {
      DayMark *mark = g_new0 (DayMark, 1);

      mark->label = g_strdup (label);
      mark->closed = closed;
      g_hash_table_replace (self->marks, key, mark);
    }

  refresh_day_cells (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
treff_week_grid_clear_day_marks (TreffWeekGrid *self)
{
  g_return_if_fail (TREFF_IS_WEEK_GRID (self));

  if (g_hash_table_size (self->marks) == 0)
    return;

  g_hash_table_remove_all (self->marks);
  refresh_day_cells (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How many dates are shown, in the hours and in the all-day strip. */
guint
treff_week_grid_get_n_tiles (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), 0);

  return self->placements->len + self->strip_placements->len;
}

/**
 * treff_week_grid_get_header:
 *
 * The column names and the all-day strip. The grid fills it; put it above
 * the scrolled window that holds the grid, at the same width.
 *
 * Returns: (transfer none):
 */
GtkWidget *
treff_week_grid_get_header (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), NULL);

  return self->header;
}

/**
 * treff_week_grid_focus_occurrence:
 * @original_start: (nullable): which date of the booking; %NULL for the
 *   first one shown
 *
 * Moves the keyboard focus to the tile of a date, if it is shown.
 */
gboolean
treff_week_grid_focus_occurrence (TreffWeekGrid *self,
                                  gint64         booking_id,
                                  GDateTime     *original_start)
{
  GtkWidget *tile;

  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), FALSE);

  tile = find_tile (self, booking_id, original_start);
  if (tile == NULL)
    return FALSE;

  return gtk_widget_grab_focus (tile);
}

int
treff_week_grid_get_first_hour (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), 0);

  return self->first_hour;
}

int
treff_week_grid_get_last_hour (TreffWeekGrid *self)
{
  g_return_val_if_fail (TREFF_IS_WEEK_GRID (self), 0);

  return self->last_hour;
}
