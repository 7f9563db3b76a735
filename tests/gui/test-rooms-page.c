/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rooms-page.c — the rooms page and room editor driven in-process, as a user would */
#include "config.h"

#include <adwaita.h>

#include "treff-error.h"
#include "treff-example.h"
#include "treff-gui-test-util.h"
#include "treff-room-editor.h"
#include "treff-rooms-page.h"
#include "treff-test-util.h"

typedef struct
{
  TreffTestDir   *dir;
  TreffStore     *store;
  GtkWindow      *window;
  TreffRoomsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  fixture->dir = treff_test_dir_new ();
  path = treff_test_dir_build (fixture->dir, "centre.db", NULL);
  fixture->store = treff_test_open_store (path);
  treff_example_fill (fixture->store, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  overlay = adw_toast_overlay_new ();
  fixture->page = g_object_new (TREFF_TYPE_ROOMS_PAGE, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, overlay);
  treff_rooms_page_set_store (fixture->page, fixture->store);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Editors left open would keep the store alive. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (l->data != fixture->window)
        gtk_window_destroy (l->data);
    }
  g_list_free (toplevels);

  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->dir, treff_test_dir_free);
}

static TreffRoomEditor *
find_open_editor (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  TreffRoomEditor *editor = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (TREFF_IS_ROOM_EDITOR (l->data) && gtk_widget_get_visible (l->data))
        editor = l->data;
    }
  g_list_free (toplevels);

  return editor;
}

static GListModel *
get_shown_rooms (Fixture *fixture)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (treff_test_get_widget (GTK_WIDGET (fixture->page), "column_view"));

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static TreffRoom *
find_shown_room (Fixture    *fixture,
                 const char *name,
                 guint      *position)
{
  GListModel *model = get_shown_rooms (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TreffRoom) room = g_list_model_get_item (model, i);

      if (g_str_equal (treff_room_get_name (room), name))
        {
          if (position != NULL)
            *position = i;
          return room;
        }
    }

  return NULL;
}

static void
type_text (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  treff_test_wait_for_idle ();
}

static gboolean
save_enabled (TreffRoomEditor *editor)
{
  return gtk_widget_get_sensitive (treff_test_get_widget (GTK_WIDGET (editor), "save_button"));
}

static const char *
shown_error (TreffRoomEditor *editor)
{
  GtkWidget *label = treff_test_get_widget (GTK_WIDGET (editor), "error_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
test_add_room (Fixture       *fixture,
               gconstpointer  data)
{
  TreffRoomEditor *editor;
  TreffRoom *room;
  guint n_before = g_list_model_get_n_items (get_shown_rooms (fixture));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rooms.add", NULL);
  treff_test_wait_for_idle ();
  editor = find_open_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Room");

  /* Nothing typed yet: no error shouted at the user, but no saving either. */
  g_assert_false (save_enabled (editor));
  g_assert_null (shown_error (editor));
  g_assert_false (gtk_widget_get_visible (treff_test_get_widget (GTK_WIDGET (editor), "manage_group")));

  type_text (treff_test_get_widget (GTK_WIDGET (editor), "name_row"), "  Werkstatt Süd ");
  /* A name alone is not enough: the capacity is still 0. */
  g_assert_false (save_enabled (editor));
  treff_assert_contains (shown_error (editor), "how many people");

  type_text (treff_test_get_widget (GTK_WIDGET (editor), "capacity_spin"), "12");
  type_text (treff_test_get_widget (GTK_WIDGET (editor), "equipment_row"), "Werkbank, Bohrmaschine");
  g_assert_true (save_enabled (editor));
  g_assert_null (shown_error (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  treff_test_wait_for_idle ();
  g_assert_null (find_open_editor ());

  g_assert_cmpuint (g_list_model_get_n_items (get_shown_rooms (fixture)), ==, n_before + 1);
  room = find_shown_room (fixture, "Werkstatt Süd", NULL);
  g_assert_nonnull (room);
  g_assert_cmpuint (treff_room_get_capacity (room), ==, 12);
  g_assert_cmpstr (treff_room_get_equipment (room)[1], ==, "Bohrmaschine");
  /* The new room got a colour of its own, not the default every room has. */
  g_assert_cmpstr (treff_room_get_colour (room), !=, "#3584e4");
}

static void
test_validation_messages (Fixture       *fixture,
                          gconstpointer  data)
{
  TreffRoomEditor *editor;
  GtkWidget *name_row;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rooms.add", NULL);
  treff_test_wait_for_idle ();
  editor = find_open_editor ();
  name_row = treff_test_get_widget (GTK_WIDGET (editor), "name_row");
  type_text (treff_test_get_widget (GTK_WIDGET (editor), "capacity_spin"), "10");

  type_text (name_row, "gruppenRAUM");
  g_assert_false (save_enabled (editor));
  treff_assert_contains (shown_error (editor), "already a room called “gruppenRAUM”");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  type_text (name_row, "   ");
  g_assert_false (save_enabled (editor));
  treff_assert_contains (shown_error (editor), "Enter a name");

  type_text (name_row, "Gymnastikraum");
  g_assert_true (save_enabled (editor));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  type_text (treff_test_get_widget (GTK_WIDGET (editor), "capacity_spin"), "5000");
  g_assert_false (save_enabled (editor));
  treff_assert_contains (shown_error (editor), "5000 people");

  type_text (treff_test_get_widget (GTK_WIDGET (editor), "capacity_spin"), "0");
  treff_assert_contains (shown_error (editor), "how many people");

  /* Escape cancels: nothing reaches the store. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  treff_test_wait_for_idle ();
  g_assert_null (find_shown_room (fixture, "Gymnastikraum", NULL));
}

static void
test_edit_room (Fixture       *fixture,
                gconstpointer  data)
{
  GtkSingleSelection *selection;
  TreffRoomEditor *editor;
  TreffRoom *room;
  guint position;

  room = find_shown_room (fixture, "Werkstatt", &position);
  selection = GTK_SINGLE_SELECTION (get_shown_rooms (fixture));
  gtk_single_selection_set_selected (selection, position);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rooms.edit-selected", NULL);
  treff_test_wait_for_idle ();
  editor = find_open_editor ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Room");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (treff_test_get_widget (GTK_WIDGET (editor), "name_row"))),
                   ==, "Werkstatt");
  /* Its own name in other letters is not a duplicate of itself. */
  type_text (treff_test_get_widget (GTK_WIDGET (editor), "name_row"), "WERKSTATT");
  g_assert_true (save_enabled (editor));
  type_text (treff_test_get_widget (GTK_WIDGET (editor), "name_row"), "Repair-Werkstatt");
  type_text (treff_test_get_widget (GTK_WIDGET (editor), "capacity_spin"), "14");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  treff_test_wait_for_idle ();

  /* The list keeps the same object and updates it in place. */
  g_assert_true (find_shown_room (fixture, "Repair-Werkstatt", NULL) == room);
  g_assert_cmpuint (treff_room_get_capacity (room), ==, 14);
  g_assert_null (find_shown_room (fixture, "Werkstatt", NULL));
}

static void
test_archive_room (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkToggleButton *archived_toggle;
  TreffRoomEditor *editor;
  guint position;

  find_shown_room (fixture, "Küche", &position);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (get_shown_rooms (fixture)), position);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rooms.edit-selected", NULL);
  treff_test_wait_for_idle ();
  editor = find_open_editor ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.toggle-archived", NULL);
  treff_test_wait_for_idle ();

  g_assert_null (find_shown_room (fixture, "Küche", NULL));

  archived_toggle = GTK_TOGGLE_BUTTON (treff_test_get_widget (GTK_WIDGET (fixture->page), "archived_toggle"));
  gtk_toggle_button_set_active (archived_toggle, TRUE);
  treff_test_wait_for_idle ();
  g_assert_nonnull (find_shown_room (fixture, "Küche", NULL));
  g_assert_true (treff_room_get_archived (find_shown_room (fixture, "Küche", NULL)));
  gtk_toggle_button_set_active (archived_toggle, FALSE);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(TreffRoom) restored = NULL;
  g_autoptr(GError) error = NULL;
  TreffRoom *room;
  guint n_before = g_list_model_get_n_items (get_shown_rooms (fixture));
  gint64 id;
  guint position;

  /* A room with bookings is not deleted: it is archived instead. */
  find_shown_room (fixture, "Seminarraum", &position);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (get_shown_rooms (fixture)), position);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rooms.delete-selected", NULL);
  treff_test_wait_for_idle ();
  g_assert_nonnull (find_shown_room (fixture, "Seminarraum", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (get_shown_rooms (fixture)), ==, n_before);

  room = find_shown_room (fixture, "Büro", &position);
  id = treff_room_get_id (room);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (get_shown_rooms (fixture)), position);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rooms.delete-selected", NULL);
  treff_test_wait_for_idle ();

  g_assert_cmpuint (g_list_model_get_n_items (get_shown_rooms (fixture)), ==, n_before - 1);
  g_assert_null (find_shown_room (fixture, "Büro", NULL));
  g_assert_null (treff_store_get_room (fixture->store, id, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);

  /* The toast's Undo button activates this action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rooms.undo-delete", NULL);
  treff_test_wait_for_idle ();

  g_assert_cmpuint (g_list_model_get_n_items (get_shown_rooms (fixture)), ==, n_before);
  restored = treff_store_get_room (fixture->store, id, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (treff_room_get_name (restored), ==, "Büro");
  g_assert_cmpuint (treff_room_get_capacity (restored), ==, 3);
  g_assert_cmpstr (treff_room_get_equipment (restored)[0], ==, "PC");
  g_assert_false (treff_room_get_bookable (restored));
  treff_assert_contains (treff_room_get_notes (restored), "Koordination");

  /* A second Undo has nothing left to restore and must not duplicate. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "rooms.undo-delete", NULL);
  rooms = treff_store_list_rooms (fixture->store, TRUE, NULL);
  g_assert_cmpuint (rooms->len, ==, n_before);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry = treff_test_get_widget (GTK_WIDGET (fixture->page), "search_entry");
  GtkWidget *stack = treff_test_get_widget (GTK_WIDGET (fixture->page), "list_stack");
  GListModel *shown = get_shown_rooms (fixture);

  /* Equipment counts, case does not, and every word must match. */
  type_text (entry, "BEAMER");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  type_text (entry, "beamer  leinwand");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_nonnull (find_shown_room (fixture, "Seminarraum", NULL));

  type_text (entry, "Sauna");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  type_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 8);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
}

static void
test_sort_by_capacity (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (treff_test_get_widget (GTK_WIDGET (fixture->page), "column_view"));
  g_autoptr(GtkColumnViewColumn) capacity_column = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  GListModel *shown = get_shown_rooms (fixture);
  g_autoptr(TreffRoom) first = NULL;
  g_autoptr(TreffRoom) last = NULL;

  /* Sorted by name at first (Bewegungsraum before Büro). */
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (treff_room_get_name (first), ==, "Bewegungsraum");
  g_clear_object (&first);

  gtk_column_view_sort_by_column (view, capacity_column, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (shown, 0);
  last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);
  g_assert_cmpstr (treff_room_get_name (first), ==, "Offener Treff / Café");
  g_assert_cmpstr (treff_room_get_name (last), ==, "Büro");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/rooms/add", Fixture, NULL, fixture_set_up, test_add_room, fixture_tear_down);
  g_test_add ("/gui/rooms/validation", Fixture, NULL, fixture_set_up, test_validation_messages, fixture_tear_down);
  g_test_add ("/gui/rooms/edit", Fixture, NULL, fixture_set_up, test_edit_room, fixture_tear_down);
  g_test_add ("/gui/rooms/archive", Fixture, NULL, fixture_set_up, test_archive_room, fixture_tear_down);
  g_test_add ("/gui/rooms/delete-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/gui/rooms/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/gui/rooms/sort", Fixture, NULL, fixture_set_up, test_sort_by_capacity, fixture_tear_down);

  return g_test_run ();
}
