/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-week-grid.c — the week plan page and its grid driven in-process, as a coordinator would */
#include "config.h"

#include <adwaita.h>

#include "treff-booking-tile.h"
#include "treff-gui-test-util.h"
#include "treff-holidays.h"
#include "treff-test-util.h"
#include "treff-week-grid-private.h"
#include "treff-week-page.h"

#define GRID_WIDTH  1000
#define GRID_HEIGHT 800
#define GUTTER      56     /* the hour labels, as in treff-week-grid.c */
#define HOUR_HEIGHT 48

typedef struct
{
  TreffTestDir  *dir;
  TreffStore    *store;
  GtkWindow     *window;
  TreffWeekPage *page;
  gint64         hall_id;      /* Gruppenraum */
  gint64         gym_id;       /* Bewegungsraum */
  gint64         kitchen_id;   /* Küche */
} Fixture;

typedef struct
{
  guint      n_emissions;
  GDateTime *start;
  GDateTime *end;
  gint64     room_id;
} CreateRequest;

static TreffBooking *
add_booking_of_kind (Fixture            *fixture,
                     const char         *title,
                     TreffBookingKind    kind,
                     gint64              room_id,
                     GDateTime          *start,
                     GDateTime          *end,
                     TreffBookingStatus  status,
                     TreffRecurrence    *recurrence)
{
  TreffBooking *booking = treff_booking_new ();

  treff_booking_set_title (booking, title);
  treff_booking_set_kind (booking, kind);
  treff_booking_set_room_id (booking, room_id);
  treff_booking_set_times (booking, start, end);
  treff_booking_set_status (booking, status);
  treff_booking_set_organiser (booking, "Familienbüro");
  if (recurrence != NULL)
    treff_booking_set_recurrence (booking, recurrence);

  treff_test_add_booking (fixture->store, booking, NULL);

  return booking;
}

static TreffBooking *
add_booking (Fixture            *fixture,
             const char         *title,
             gint64              room_id,
             GDateTime          *start,
             GDateTime          *end,
             TreffBookingStatus  status,
             TreffRecurrence    *recurrence)
{
  return add_booking_of_kind (fixture, title, TREFF_BOOKING_KIND_GROUP, room_id, start, end, status, recurrence);
}

/* Week 48 of 2026 is Mon 23.11.–Sun 29.11. Its dates:
 *   Tue 24  Sprachkurs   10:00–11:30  Gruppenraum    (series Tue+Thu)
 *   Wed 25  Yoga         18:00–19:30  Bewegungsraum  (weekly series)
 *   Wed 25  Chorprobe    18:30–20:00  Gruppenraum    (one-off, overlaps Yoga)
 *   Thu 26  Sprachkurs   10:00–11:30  Gruppenraum    (this date cancelled)
 *   Sat 28  Kindergeburtstag 14:00–17:00 Küche       (requested)
 * and in week 49 the Repair-Café on Sat 5.12. */
static void
add_bookings (Fixture *fixture)
{
  g_autoptr(TreffBooking) course = NULL;
  g_autoptr(TreffBooking) yoga = NULL;
  g_autoptr(TreffBooking) choir = NULL;
  g_autoptr(TreffBooking) party = NULL;
  g_autoptr(TreffBooking) repair = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  TreffRecurrence weekly;

  treff_recurrence_init_none (&weekly);
  weekly.repeat = TREFF_REPEAT_WEEKLY;
  weekly.interval = 1;
  weekly.weekdays = TREFF_WEEKDAY_BIT (G_DATE_TUESDAY) | TREFF_WEEKDAY_BIT (G_DATE_THURSDAY);
  weekly.count = 12;
  start = treff_test_at (fixture->store, 2026, 11, 3, 10, 0);
  end = treff_test_at (fixture->store, 2026, 11, 3, 11, 30);
  course = add_booking (fixture, "Sprachkurs", fixture->hall_id, start, end,
                        TREFF_BOOKING_STATUS_CONFIRMED, &weekly);
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);

  cancelled = treff_test_at (fixture->store, 2026, 11, 26, 10, 0);
  treff_store_set_date_cancelled (fixture->store, treff_booking_get_id (course), cancelled, TRUE, &error);
  g_assert_no_error (error);

  weekly.weekdays = TREFF_WEEKDAY_BIT (G_DATE_WEDNESDAY);
  weekly.count = 8;
  start = treff_test_at (fixture->store, 2026, 11, 4, 18, 0);
  end = treff_test_at (fixture->store, 2026, 11, 4, 19, 30);
  yoga = add_booking (fixture, "Yoga", fixture->gym_id, start, end,
                      TREFF_BOOKING_STATUS_CONFIRMED, &weekly);
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);

  start = treff_test_at (fixture->store, 2026, 11, 25, 18, 30);
  end = treff_test_at (fixture->store, 2026, 11, 25, 20, 0);
  choir = add_booking (fixture, "Chorprobe", fixture->hall_id, start, end,
                       TREFF_BOOKING_STATUS_CONFIRMED, NULL);
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);

  start = treff_test_at (fixture->store, 2026, 11, 28, 14, 0);
  end = treff_test_at (fixture->store, 2026, 11, 28, 17, 0);
  party = add_booking_of_kind (fixture, "Kindergeburtstag", TREFF_BOOKING_KIND_RENTAL, fixture->kitchen_id,
                               start, end, TREFF_BOOKING_STATUS_REQUESTED, NULL);
  g_clear_pointer (&start, g_date_time_unref);
  g_clear_pointer (&end, g_date_time_unref);

  start = treff_test_at (fixture->store, 2026, 12, 5, 14, 0);
  end = treff_test_at (fixture->store, 2026, 12, 5, 17, 0);
  repair = add_booking (fixture, "Repair-Café", fixture->hall_id, start, end,
                        TREFF_BOOKING_STATUS_CONFIRMED, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(TreffRoom) hall = NULL;
  g_autoptr(TreffRoom) gym = NULL;
  g_autoptr(TreffRoom) kitchen = NULL;
  g_autoptr(GDateTime) wednesday = NULL;

  fixture->dir = treff_test_dir_new ();
  path = treff_test_dir_build (fixture->dir, "centre.db", NULL);
  fixture->store = treff_test_open_store (path);

  hall = treff_test_add_room (fixture->store, "Gruppenraum", 20);
  gym = treff_test_add_room (fixture->store, "Bewegungsraum", 15);
  kitchen = treff_test_add_room (fixture->store, "Küche", 8);
  fixture->hall_id = treff_room_get_id (hall);
  fixture->gym_id = treff_room_get_id (gym);
  fixture->kitchen_id = treff_room_get_id (kitchen);
  add_bookings (fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, GRID_WIDTH, GRID_HEIGHT);
  fixture->page = g_object_new (TREFF_TYPE_WEEK_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  treff_week_page_set_store (fixture->page, fixture->store);
  gtk_window_present (fixture->window);

  wednesday = treff_test_at (fixture->store, 2026, 11, 25, 12, 0);
  treff_week_page_show_date (fixture->page, wednesday);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->dir, treff_test_dir_free);
}

static GtkWidget *
get_child (Fixture    *fixture,
           const char *id)
{
  return treff_test_get_widget (GTK_WIDGET (fixture->page), id);
}

static TreffWeekGrid *
get_grid (Fixture *fixture)
{
  return TREFF_WEEK_GRID (get_child (fixture, "grid"));
}

static void
collect_tiles (GtkWidget *root,
               GPtrArray *tiles)
{
  if (TREFF_IS_BOOKING_TILE (root))
    g_ptr_array_add (tiles, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_tiles (child, tiles);
}

/* Every tile on the page: in the hours and in the all-day strip. */
static GPtrArray *
list_tiles (Fixture *fixture)
{
  GPtrArray *tiles = g_ptr_array_new ();

  collect_tiles (GTK_WIDGET (fixture->page), tiles);
  return tiles;
}

static TreffBookingTile *
find_tile (Fixture    *fixture,
           const char *title,
           int         day)
{
  g_autoptr(GPtrArray) tiles = list_tiles (fixture);

  for (guint i = 0; i < tiles->len; i++)
    {
      TreffOccurrence *occurrence = treff_booking_tile_get_occurrence (g_ptr_array_index (tiles, i));

      if (g_str_equal (treff_occurrence_get_title (occurrence), title) &&
          (day == 0 || g_date_time_get_day_of_month (treff_occurrence_get_start (occurrence)) == day))
        return g_ptr_array_index (tiles, i);
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

static char *
dup_tile_titles (Fixture *fixture)
{
  g_autoptr(GPtrArray) tiles = list_tiles (fixture);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tiles->len; i++)
    {
      TreffOccurrence *occurrence = treff_booking_tile_get_occurrence (g_ptr_array_index (tiles, i));

      g_ptr_array_add (titles, g_strdup_printf ("%s %d", treff_occurrence_get_title (occurrence),
                                                g_date_time_get_day_of_month (treff_occurrence_get_start (occurrence))));
    }
  g_ptr_array_sort (titles, compare_strings);
  g_ptr_array_add (titles, NULL);

  return g_strjoinv (", ", (char **)titles->pdata);
}

static const char *
period_text (Fixture *fixture)
{
  return gtk_label_get_text (GTK_LABEL (get_child (fixture, "period_label")));
}

/* Lays the grid out at a known size, as the window would. */
static void
allocate_grid (Fixture *fixture)
{
  GtkWidget *grid = GTK_WIDGET (get_grid (fixture));
  int minimum, natural;

  treff_test_wait_for_idle ();
  gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, GRID_WIDTH);
  gtk_widget_measure (grid, GTK_ORIENTATION_VERTICAL, GRID_WIDTH, &minimum, &natural, NULL, NULL);
  gtk_widget_allocate (grid, GRID_WIDTH, MAX (GRID_HEIGHT, minimum), -1, NULL);
}

static GtkAllocation
tile_allocation (TreffBookingTile *tile)
{
  GtkAllocation allocation;

  g_assert_nonnull (tile);
  gtk_widget_get_allocation (GTK_WIDGET (tile), &allocation);
  return allocation;
}

static int
column_of (GtkAllocation *allocation,
           guint          n_columns)
{
  double width = (GRID_WIDTH - GUTTER) / (double)n_columns;

  return (allocation->x + allocation->width / 2 - GUTTER) / width;
}

static void
test_tiles_of_week (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) tiles = list_tiles (fixture);
  g_autofree char *titles = dup_tile_titles (fixture);
  TreffBookingTile *yoga;
  TreffBookingTile *course;
  TreffBookingTile *party;

  g_assert_cmpstr (period_text (fixture), ==, "Week 48 · November 23–29, 2026");
  g_assert_cmpuint (tiles->len, ==, 5);
  g_assert_cmpstr (titles, ==, "Chorprobe 25, Kindergeburtstag 28, Sprachkurs 24, Sprachkurs 26, Yoga 25");
  g_assert_cmpuint (treff_week_grid_get_n_tiles (get_grid (fixture)), ==, 5);

  /* A screen reader hears what the tile shows. */
  yoga = find_tile (fixture, "Yoga", 25);
  treff_assert_contains (treff_booking_tile_get_label (yoga), "Yoga");
  treff_assert_contains (treff_booking_tile_get_label (yoga), "Bewegungsraum");
  treff_assert_contains (treff_booking_tile_get_label (yoga), "11/25/2026");
  treff_assert_contains (treff_booking_tile_get_label (yoga), "18:00–19:30");
  /* The tests run with GTK_A11Y=none, which has no AT context to ask. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (yoga)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (yoga)));

  course = find_tile (fixture, "Sprachkurs", 26);
  g_assert_true (treff_booking_tile_is_cancelled (course));
  treff_assert_contains (treff_booking_tile_get_label (course), "cancelled");
  g_assert_false (treff_booking_tile_is_cancelled (find_tile (fixture, "Sprachkurs", 24)));

  party = find_tile (fixture, "Kindergeburtstag", 28);
  g_assert_true (treff_booking_tile_is_requested (party));
  treff_assert_contains (treff_booking_tile_get_label (party), "Küche");
  treff_assert_contains (treff_booking_tile_get_label (party), "requested");
  g_assert_false (treff_booking_tile_is_requested (yoga));

  /* Colours follow the rooms unless asked to follow the kind. */
  g_assert_cmpstr (treff_booking_tile_get_colour (yoga), ==,
                   treff_occurrence_get_room_colour (treff_booking_tile_get_occurrence (yoga)));
  g_assert_cmpstr (treff_booking_tile_get_colour (party), !=,
                   treff_booking_kind_to_colour (TREFF_BOOKING_KIND_RENTAL));
  treff_week_grid_set_colour_by (get_grid (fixture), TREFF_WEEK_GRID_COLOUR_BY_KIND);
  g_assert_cmpstr (treff_booking_tile_get_colour (party), ==,
                   treff_booking_kind_to_colour (TREFF_BOOKING_KIND_RENTAL));
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  GtkAllocation yoga, choir, course, party;
  double day_width = (GRID_WIDTH - GUTTER) / 7.0;

  allocate_grid (fixture);
  g_assert_cmpint (treff_week_grid_get_first_hour (get_grid (fixture)), ==, 8);

  yoga = tile_allocation (find_tile (fixture, "Yoga", 25));
  choir = tile_allocation (find_tile (fixture, "Chorprobe", 25));
  course = tile_allocation (find_tile (fixture, "Sprachkurs", 24));
  party = tile_allocation (find_tile (fixture, "Kindergeburtstag", 28));

  /* Monday first: Tuesday is the second column, Wednesday the third. */
  g_assert_cmpint (column_of (&course, 7), ==, 1);
  g_assert_cmpint (column_of (&yoga, 7), ==, 2);
  g_assert_cmpint (column_of (&choir, 7), ==, 2);
  g_assert_cmpint (column_of (&party, 7), ==, 5);

  /* Overlapping dates of one day stand side by side, both inside the day. */
  g_assert_true (yoga.x + yoga.width <= choir.x || choir.x + choir.width <= yoga.x);
  g_assert_cmpint (MIN (yoga.x, choir.x), >=, GUTTER + 2 * day_width);
  g_assert_cmpint (MAX (yoga.x + yoga.width, choir.x + choir.width), <=, GUTTER + 3 * day_width);
  g_assert_cmpint (yoga.width, >, day_width / 3);
  g_assert_cmpint (choir.width, >, day_width / 3);

  /* Times become heights: 10:00 is two hours below 08:00, 90 minutes tall. */
  g_assert_cmpint (ABS (course.y - 2 * HOUR_HEIGHT), <=, 1);
  g_assert_cmpint (ABS (course.height - 1.5 * HOUR_HEIGHT), <=, 2);
  g_assert_cmpint (ABS (choir.y - yoga.y - HOUR_HEIGHT / 2), <=, 1);
  /* A date without a neighbour has the day to itself. */
  g_assert_cmpint (course.width, >, day_width * 0.8);
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *titles = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (treff_store_get_time_zone (fixture->store));
  g_autofree char *this_week = g_date_time_format (now, "Week %V · ");
  GDateTime *shown;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "week.next", NULL);
  g_assert_cmpstr (period_text (fixture), ==, "Week 49 · Nov 30 – Dec 6, 2026");
  titles = dup_tile_titles (fixture);
  g_assert_cmpstr (titles, ==, "Repair-Café 5, Sprachkurs 1, Sprachkurs 3, Yoga 2");
  g_clear_pointer (&titles, g_free);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "week.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "week.previous", NULL);
  g_assert_cmpstr (period_text (fixture), ==, "Week 47 · November 16–22, 2026");
  titles = dup_tile_titles (fixture);
  g_assert_cmpstr (titles, ==, "Sprachkurs 17, Sprachkurs 19, Yoga 18");
  g_clear_pointer (&titles, g_free);

  /* Over the new year the heading names both years. */
  {
    g_autoptr(GDateTime) new_year = treff_test_at (fixture->store, 2026, 12, 31, 12, 0);

    treff_week_page_show_date (fixture->page, new_year);
    g_assert_cmpstr (period_text (fixture), ==, "Week 53 · Dec 28 – Jan 3, 2027");
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "week.today", NULL);
  g_assert_true (g_str_has_prefix (period_text (fixture), this_week));
  shown = treff_week_page_get_date (fixture->page);
  g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (now));
  g_assert_cmpint (g_date_time_get_year (shown), ==, g_date_time_get_year (now));
}

static void
test_hide_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkCheckButton *toggle = GTK_CHECK_BUTTON (get_child (fixture, "cancelled_toggle"));
  g_autofree char *titles = NULL;

  g_assert_true (gtk_check_button_get_active (toggle));
  gtk_check_button_set_active (toggle, FALSE);
  titles = dup_tile_titles (fixture);
  g_assert_cmpstr (titles, ==, "Chorprobe 25, Kindergeburtstag 28, Sprachkurs 24, Yoga 25");
  g_assert_false (treff_week_grid_get_show_cancelled (get_grid (fixture)));

  gtk_check_button_set_active (toggle, TRUE);
  g_assert_nonnull (find_tile (fixture, "Sprachkurs", 26));
}

static GtkCheckButton *
find_room_check (Fixture    *fixture,
                 const char *label)
{
  GtkWidget *box = get_child (fixture, "rooms_box");

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_CHECK_BUTTON (child) &&
          g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
        return GTK_CHECK_BUTTON (child);
    }

  g_error ("No check button “%s” in the room filter", label);
  return NULL;
}

static void
test_room_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkLabel *button = GTK_LABEL (get_child (fixture, "rooms_label"));
  GtkCheckButton *all = find_room_check (fixture, "_All Rooms");
  g_autofree char *titles = NULL;

  g_assert_cmpstr (gtk_label_get_text (button), ==, "All Rooms");
  g_assert_true (gtk_check_button_get_active (all));

  gtk_check_button_set_active (find_room_check (fixture, "Gruppenraum"), TRUE);
  titles = dup_tile_titles (fixture);
  g_assert_cmpstr (titles, ==, "Chorprobe 25, Sprachkurs 24, Sprachkurs 26");
  g_assert_cmpstr (gtk_label_get_text (button), ==, "Gruppenraum");
  g_assert_false (gtk_check_button_get_active (all));
  g_clear_pointer (&titles, g_free);

  gtk_check_button_set_active (find_room_check (fixture, "Küche"), TRUE);
  titles = dup_tile_titles (fixture);
  g_assert_cmpstr (titles, ==, "Chorprobe 25, Kindergeburtstag 28, Sprachkurs 24, Sprachkurs 26");
  g_assert_cmpstr (gtk_label_get_text (button), ==, "2 Rooms");
  g_clear_pointer (&titles, g_free);

  /* The filter stays while the weeks change. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "week.next", NULL);
  titles = dup_tile_titles (fixture);
  g_assert_cmpstr (titles, ==, "Repair-Café 5, Sprachkurs 1, Sprachkurs 3");
  g_clear_pointer (&titles, g_free);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "week.previous", NULL);

  gtk_check_button_set_active (all, TRUE);
  g_assert_cmpuint (treff_week_grid_get_n_tiles (get_grid (fixture)), ==, 5);
  g_assert_cmpstr (gtk_label_get_text (button), ==, "All Rooms");
  g_assert_false (gtk_check_button_get_active (find_room_check (fixture, "Küche")));
}

/* The room filter follows the store: new, renamed and archived rooms. */
static void
test_room_filter_follows_store (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkLabel *button = GTK_LABEL (get_child (fixture, "rooms_label"));
  g_autoptr(TreffRoom) kitchen = NULL;
  g_autoptr(TreffRoom) workshop = NULL;
  g_autoptr(GError) error = NULL;

  gtk_check_button_set_active (find_room_check (fixture, "Küche"), TRUE);
  g_assert_cmpstr (gtk_label_get_text (button), ==, "Küche");

  kitchen = treff_store_get_room (fixture->store, fixture->kitchen_id, &error);
  g_assert_no_error (error);
  treff_room_set_name (kitchen, "Lehrküche");
  treff_store_update_room (fixture->store, kitchen, &error);
  g_assert_no_error (error);
  treff_test_wait_for_idle ();
  g_assert_cmpstr (gtk_label_get_text (button), ==, "Lehrküche");
  g_assert_true (gtk_check_button_get_active (find_room_check (fixture, "Lehrküche")));
  g_assert_cmpuint (treff_week_grid_get_n_tiles (get_grid (fixture)), ==, 1);

  workshop = treff_test_add_room (fixture->store, "Werkstatt", 10);
  treff_test_wait_for_idle ();
  g_assert_false (gtk_check_button_get_active (find_room_check (fixture, "Werkstatt")));
  g_assert_cmpstr (gtk_label_get_text (button), ==, "Lehrküche");

  /* An archived room is no longer a choice: every room is shown again. */
  treff_store_set_room_archived (fixture->store, fixture->kitchen_id, TRUE, &error);
  g_assert_no_error (error);
  treff_test_wait_for_idle ();
  g_assert_cmpstr (gtk_label_get_text (button), ==, "All Rooms");
  g_assert_true (gtk_check_button_get_active (find_room_check (fixture, "_All Rooms")));
  g_assert_cmpuint (treff_week_grid_get_n_tiles (get_grid (fixture)), ==, 5);
}

static void
test_rooms_side_by_side (Fixture       *fixture,
                         gconstpointer  data)
{
  TreffWeekGrid *grid = get_grid (fixture);
  GListModel *columns;
  GtkAllocation yoga, choir;
  g_autofree char *titles = NULL;
  int yoga_column = -1, hall_column = -1;
  guint n_columns;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (fixture, "side_by_side_toggle")), TRUE);
  g_assert_cmpint (treff_week_grid_get_mode (grid), ==, TREFF_WEEK_GRID_MODE_ROOMS);
  g_assert_cmpstr (period_text (fixture), ==, "Week 48 · Wed, November 25, 2026");
  titles = dup_tile_titles (fixture);
  g_assert_cmpstr (titles, ==, "Chorprobe 25, Yoga 25");

  columns = treff_week_grid_get_rooms (grid);
  n_columns = g_list_model_get_n_items (columns);
  g_assert_cmpuint (n_columns, ==, 3);
  g_assert_cmpuint (treff_week_grid_get_n_columns (grid), ==, 3);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(TreffRoom) room = g_list_model_get_item (columns, i);

      if (treff_room_get_id (room) == fixture->gym_id)
        yoga_column = i;
      if (treff_room_get_id (room) == fixture->hall_id)
        hall_column = i;
    }

  /* Each date stands in its room's column, at full width: no overlap there. */
  allocate_grid (fixture);
  yoga = tile_allocation (find_tile (fixture, "Yoga", 25));
  choir = tile_allocation (find_tile (fixture, "Chorprobe", 25));
  g_assert_cmpint (column_of (&yoga, n_columns), ==, yoga_column);
  g_assert_cmpint (column_of (&choir, n_columns), ==, hall_column);
  g_assert_cmpint (yoga.width, >, (GRID_WIDTH - GUTTER) / n_columns * 0.9);

  /* Previous and next now step a day, and say so. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_child (fixture, "next_button")), ==, "Next Day");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "week.next", NULL);
  g_assert_cmpstr (period_text (fixture), ==, "Week 48 · Thu, November 26, 2026");
  g_clear_pointer (&titles, g_free);
  titles = dup_tile_titles (fixture);
  g_assert_cmpstr (titles, ==, "Sprachkurs 26");

  /* Back to the week that holds the day. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (fixture, "side_by_side_toggle")), FALSE);
  g_assert_cmpint (treff_week_grid_get_mode (grid), ==, TREFF_WEEK_GRID_MODE_WEEK);
  g_assert_cmpstr (period_text (fixture), ==, "Week 48 · November 23–29, 2026");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_child (fixture, "next_button")), ==, "Next Week");
}

/* Monday comes first unless the settings say otherwise. */
static void
test_week_start (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *titles = NULL;
  GtkAllocation course;

  g_settings_set_enum (settings, "week-start", G_DATE_SUNDAY);
  g_assert_cmpstr (period_text (fixture), ==, "Week 48 · November 22–28, 2026");
  allocate_grid (fixture);
  course = tile_allocation (find_tile (fixture, "Sprachkurs", 24));
  g_assert_cmpint (column_of (&course, 7), ==, 2);

  g_settings_reset (settings, "week-start");
  g_assert_cmpstr (period_text (fixture), ==, "Week 48 · November 23–29, 2026");
  allocate_grid (fixture);
  course = tile_allocation (find_tile (fixture, "Sprachkurs", 24));
  g_assert_cmpint (column_of (&course, 7), ==, 1);
}

static void
on_create_booking (TreffWeekPage *page,
                   GDateTime     *start,
                   GDateTime     *end,
                   gint64         room_id,
                   CreateRequest *request)
{
  request->n_emissions++;
  g_clear_pointer (&request->start, g_date_time_unref);
  g_clear_pointer (&request->end, g_date_time_unref);
  request->start = g_date_time_ref (start);
  request->end = g_date_time_ref (end);
  request->room_id = room_id;
}

static void
assert_request (CreateRequest *request,
                guint          n_emissions,
                GDateTime     *start,
                gint64         room_id)
{
  g_autofree char *expected = g_date_time_format_iso8601 (start);
  g_autofree char *got = request->start ? g_date_time_format_iso8601 (request->start) : NULL;

  g_assert_cmpuint (request->n_emissions, ==, n_emissions);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (g_date_time_difference (request->end, request->start), ==, G_TIME_SPAN_HOUR);
  g_assert_cmpint (request->room_id, ==, room_id);
}

static void
test_create_requested (Fixture       *fixture,
                       gconstpointer  data)
{
  TreffWeekGrid *grid = get_grid (fixture);
  CreateRequest request = { 0 };
  g_autoptr(GDateTime) wednesday_2pm = treff_test_at (fixture->store, 2026, 11, 25, 14, 0);
  g_autoptr(GDateTime) wednesday_2_30pm = treff_test_at (fixture->store, 2026, 11, 25, 14, 30);
  g_autoptr(GDateTime) friday_9am = treff_test_at (fixture->store, 2026, 11, 27, 9, 0);
  double day_width = (GRID_WIDTH - GUTTER) / 7.0;
  GListModel *columns;
  int kitchen_column = -1;

  g_signal_connect (fixture->page, "create-booking", G_CALLBACK (on_create_booking), &request);
  allocate_grid (fixture);

  /* A click in Wednesday's column a little after 14:00. */
  g_assert_true (treff_week_grid_activate_point (grid, GUTTER + 2.5 * day_width, 6 * HOUR_HEIGHT + 5));
  assert_request (&request, 1, wednesday_2pm, 0);

  /* The hour labels are not a slot. */
  g_assert_false (treff_week_grid_activate_point (grid, GUTTER / 2, 6 * HOUR_HEIGHT + 5));
  g_assert_cmpuint (request.n_emissions, ==, 1);

  /* The keyboard: the slot cursor and Enter. */
  treff_week_grid_set_cursor (grid, 4, 9 * 60);
  g_assert_true (treff_week_grid_activate_cursor (grid));
  assert_request (&request, 2, friday_9am, 0);

  /* Room by room, the column says which room. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (fixture, "side_by_side_toggle")), TRUE);
  columns = treff_week_grid_get_rooms (grid);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(TreffRoom) room = g_list_model_get_item (columns, i);

      if (treff_room_get_id (room) == fixture->kitchen_id)
        kitchen_column = i;
    }
  g_assert_cmpint (kitchen_column, >=, 0);

  allocate_grid (fixture);
  g_assert_true (treff_week_grid_activate_point (grid,
                                                 GUTTER + (kitchen_column + 0.5) * (GRID_WIDTH - GUTTER) / 3.0,
                                                 6.5 * HOUR_HEIGHT + 2));
  assert_request (&request, 3, wednesday_2_30pm, fixture->kitchen_id);

  g_clear_pointer (&request.start, g_date_time_unref);
  g_clear_pointer (&request.end, g_date_time_unref);
}

static void
on_edit_occurrence (TreffWeekPage    *page,
                    TreffOccurrence  *occurrence,
                    TreffOccurrence **out)
{
  g_set_object (out, occurrence);
}

static void
test_activate_tile (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TreffOccurrence) opened = NULL;
  TreffBookingTile *yoga = find_tile (fixture, "Yoga", 25);

  g_signal_connect (fixture->page, "edit-occurrence", G_CALLBACK (on_edit_occurrence), &opened);

  /* Enter, Space and a click all emit the tile's activate signal. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (yoga)));
  g_assert_nonnull (opened);
  g_assert_true (opened == treff_booking_tile_get_occurrence (yoga));
  g_assert_cmpint (g_date_time_get_hour (treff_occurrence_get_start (opened)), ==, 18);
}

static char *
dup_header_text (Fixture *fixture)
{
  GtkWidget *header = treff_week_grid_get_header (get_grid (fixture));
  GString *text = g_string_new (NULL);
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, header);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
        g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
      for (GtkWidget *child = gtk_widget_get_last_child (widget); child; child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);

  return g_string_free (text, FALSE);
}

static void
test_day_marks (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) christmas = treff_test_at (fixture->store, 2026, 12, 24, 12, 0);
  g_autoptr(TreffClosure) holidays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header = NULL;
  GDate first, last, boxing_day;

  treff_week_page_show_date (fixture->page, christmas);
  g_date_clear (&boxing_day, 1);
  g_date_set_dmy (&boxing_day, 26, 12, 2026);
  header = dup_header_text (fixture);
  g_assert_cmpstr (treff_holidays_nrw_name (&boxing_day), !=, NULL);
  treff_assert_contains (header, treff_holidays_nrw_name (&boxing_day));
  treff_assert_not_contains (header, "Weihnachtsferien");
  g_clear_pointer (&header, g_free);

  /* A new closure period shows at once: the page follows the store. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 23, 12, 2026);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 6, 1, 2027);
  holidays = treff_closure_new (TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Weihnachtsferien", &first, &last);
  treff_store_add_closure (fixture->store, holidays, &error);
  g_assert_no_error (error);
  treff_test_wait_for_idle ();

  header = dup_header_text (fixture);
  treff_assert_contains (header, "Weihnachtsferien");
  /* Monday 21.12. is before the holidays; the list is Mon … Sun. */
  g_assert_false (g_str_has_prefix (header, "Mon 12/21|Weihnachtsferien"));
  treff_assert_contains (header, "Wed 12/23|Weihnachtsferien|");
}

/* Room by room, a renamed room's column says its new name at once,
 * also when the rooms keep their order. */
static void
test_rooms_header_follows_rename (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(TreffRoom) hall = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header = NULL;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (fixture, "side_by_side_toggle")), TRUE);
  header = dup_header_text (fixture);
  treff_assert_contains (header, "Gruppenraum|");
  g_clear_pointer (&header, g_free);

  hall = treff_store_get_room (fixture->store, fixture->hall_id, &error);
  g_assert_no_error (error);
  treff_room_set_name (hall, "Großer Saal");
  treff_store_update_room (fixture->store, hall, &error);
  g_assert_no_error (error);
  treff_test_wait_for_idle ();

  header = dup_header_text (fixture);
  treff_assert_contains (header, "Großer Saal|");
  treff_assert_not_contains (header, "Gruppenraum");
  g_assert_cmpuint (treff_week_grid_get_n_columns (get_grid (fixture)), ==, 3);
}

static void
on_open_booking (TreffWeekPage  *page,
                 TreffBooking   *booking,
                 TreffBooking  **out)
{
  g_set_object (out, booking);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry = get_child (fixture, "search_entry");
  g_autoptr(GDateTime) spring = treff_test_at (fixture->store, 2027, 3, 1, 12, 0);
  g_autoptr(TreffBooking) opened = NULL;

  g_signal_connect (fixture->page, "open-booking", G_CALLBACK (on_open_booking), &opened);
  treff_week_page_show_date (fixture->page, spring);
  g_assert_cmpuint (treff_week_grid_get_n_tiles (get_grid (fixture)), ==, 0);

  /* Part of the title, in other letters. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "GEBURTST");
  g_signal_emit_by_name (entry, "search-changed");
  treff_test_wait_for_idle ();
  g_signal_emit_by_name (entry, "activate");
  treff_test_wait_for_idle ();

  g_assert_nonnull (opened);
  g_assert_cmpstr (treff_booking_get_title (opened), ==, "Kindergeburtstag");
  g_assert_cmpstr (period_text (fixture), ==, "Week 48 · November 23–29, 2026");
  g_assert_nonnull (find_tile (fixture, "Kindergeburtstag", 28));
}

static void
test_empty_hint (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *hint = get_child (fixture, "empty_hint");
  g_autoptr(GDateTime) spring = treff_test_at (fixture->store, 2027, 3, 1, 12, 0);
  g_autoptr(GDateTime) wednesday = treff_test_at (fixture->store, 2026, 11, 25, 12, 0);

  g_assert_false (gtk_widget_get_visible (hint));

  treff_week_page_show_date (fixture->page, spring);
  g_assert_true (gtk_widget_get_visible (hint));
  treff_assert_contains (gtk_label_get_text (GTK_LABEL (get_child (fixture, "empty_hint_label"))),
                         "Click a free time");
  /* An empty week still shows its days and hours. */
  g_assert_true (gtk_widget_get_visible (get_child (fixture, "grid")));
  g_assert_cmpint (treff_week_grid_get_last_hour (get_grid (fixture)), ==, 22);

  treff_week_page_show_date (fixture->page, wednesday);
  g_assert_false (gtk_widget_get_visible (hint));
}

static void
test_store_follows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TreffBooking) early = NULL;
  g_autoptr(GDateTime) start = treff_test_at (fixture->store, 2026, 11, 27, 6, 30);
  g_autoptr(GDateTime) end = treff_test_at (fixture->store, 2026, 11, 27, 7, 30);

  g_assert_cmpuint (treff_week_grid_get_n_tiles (get_grid (fixture)), ==, 5);

  /* A new booking appears without a refresh, and the hours widen to show
   * it even though it starts before the plan's first hour. */
  early = add_booking (fixture, "Frühsport", fixture->gym_id, start, end,
                       TREFF_BOOKING_STATUS_CONFIRMED, NULL);
  treff_test_wait_for_idle ();
  g_assert_cmpuint (treff_week_grid_get_n_tiles (get_grid (fixture)), ==, 6);
  g_assert_nonnull (find_tile (fixture, "Frühsport", 27));
  g_assert_cmpint (treff_week_grid_get_first_hour (get_grid (fixture)), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/week/tiles", Fixture, NULL, fixture_set_up, test_tiles_of_week, fixture_tear_down);
  g_test_add ("/gui/week/layout", Fixture, NULL, fixture_set_up, test_layout, fixture_tear_down);
  g_test_add ("/gui/week/navigation", Fixture, NULL, fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/gui/week/week-start", Fixture, NULL, fixture_set_up, test_week_start, fixture_tear_down);
  g_test_add ("/gui/week/hide-cancelled", Fixture, NULL, fixture_set_up, test_hide_cancelled, fixture_tear_down);
  g_test_add ("/gui/week/room-filter", Fixture, NULL, fixture_set_up, test_room_filter, fixture_tear_down);
  g_test_add ("/gui/week/room-filter-follows-store", Fixture, NULL, fixture_set_up, test_room_filter_follows_store, fixture_tear_down);
  g_test_add ("/gui/week/rooms-side-by-side", Fixture, NULL, fixture_set_up, test_rooms_side_by_side, fixture_tear_down);
  g_test_add ("/gui/week/create-requested", Fixture, NULL, fixture_set_up, test_create_requested, fixture_tear_down);
  g_test_add ("/gui/week/activate-tile", Fixture, NULL, fixture_set_up, test_activate_tile, fixture_tear_down);
  g_test_add ("/gui/week/day-marks", Fixture, NULL, fixture_set_up, test_day_marks, fixture_tear_down);
  g_test_add ("/gui/week/rooms-header-follows-rename", Fixture, NULL, fixture_set_up, test_rooms_header_follows_rename, fixture_tear_down);
  g_test_add ("/gui/week/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/gui/week/empty-hint", Fixture, NULL, fixture_set_up, test_empty_hint, fixture_tear_down);
  g_test_add ("/gui/week/store-follows", Fixture, NULL, fixture_set_up, test_store_follows, fixture_tear_down);

  return g_test_run ();
}
