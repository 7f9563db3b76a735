/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-rooms-page.c — the list of the centre's rooms: search, sort, edit, archive, delete
 *
 * Model chain: TreffRoomList (follows the store) → GtkFilterListModel
 * (search) → GtkSortListModel (column headers) → GtkSingleSelection. */
#define G_LOG_DOMAIN "treff-rooms-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "treff-room-editor.h"
#include "treff-room-list.h"
#include "treff-rooms-page.h"

struct _TreffRoomsPage
{
  GtkWidget           parent_instance;

  TreffStore         *store;
  TreffRoomList      *room_list;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *search_filter;
  GtkSingleSelection *selection;
  GSettings          *settings;
  char              **search_words;
  TreffRoom          *deleted_room;

  GtkSearchEntry     *search_entry;
  GtkToggleButton    *archived_toggle;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (TreffRoomsPage, treff_rooms_page, GTK_TYPE_WIDGET)

typedef char *(*RoomTextFunc) (TreffRoom *room);

static char *
capacity_text (TreffRoom *room)
{
  return g_strdup_printf ("%u", treff_room_get_capacity (room));
}

static char *
equipment_text (TreffRoom *room)
{
  return treff_room_dup_equipment_text (room);
}

static char *
accessible_text (TreffRoom *room)
{
  return g_strdup (treff_room_get_accessible (room) ? _("Yes") : _("No"));
}

static char *
status_text (TreffRoom *room)
{
  if (treff_room_get_archived (room))
    return g_strdup (_("Archived"));

  return g_strdup (treff_room_get_bookable (room) ? _("Bookable") : _("Not bookable"));
}

/* Cells follow their room: the list keeps room objects and updates them in
 * place, so a cell only has to listen to its room's notify. */
static void
refresh_text_cell (TreffRoom  *room,
                   GParamSpec *pspec,
                   GtkLabel   *label)
{
  RoomTextFunc text_func = g_object_get_data (G_OBJECT (label), "text-func");
  g_autofree char *text = text_func (room);

  gtk_label_set_text (label, text);
  if (treff_room_get_archived (room))
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
setup_text_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  text_func)
{
  GtkWidget *label = gtk_label_new (NULL);
  float xalign = text_func == (gpointer)capacity_text ? 1.0f : 0.0f;

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "text-func", text_func);
  gtk_list_item_set_child (item, label);
}

static void
bind_text_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  text_func)
{
  TreffRoom *room = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  refresh_text_cell (room, NULL, GTK_LABEL (label));
  g_signal_connect_object (room, "notify", G_CALLBACK (refresh_text_cell), label, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  TreffRoom *room = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  g_signal_handlers_disconnect_by_data (room, child);
}

static void
draw_colour_dot (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  TreffRoom *room = g_object_get_data (G_OBJECT (area), "room");
  GdkRGBA rgba;

  if (room == NULL || !gdk_rgba_parse (&rgba, treff_room_get_colour (room)))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
refresh_name_cell (TreffRoom  *room,
                   GParamSpec *pspec,
                   GtkWidget  *box)
{
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (dot);

  gtk_label_set_text (GTK_LABEL (label), treff_room_get_name (room));
  if (treff_room_get_archived (room))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_queue_draw (dot);
}

static void
setup_name_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 12);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_colour_dot, NULL, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_name_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  TreffRoom *room = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (gtk_widget_get_first_child (box)), "room", room);
  refresh_name_cell (room, NULL, box);
  g_signal_connect_object (room, "notify", G_CALLBACK (refresh_name_cell), box, 0);
}

static void
add_column (TreffRoomsPage     *self,
            const char         *title,
            GtkListItemFactory *factory,
            gboolean            expand,
            GtkSorter          *sorter)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static GtkListItemFactory *
text_factory (RoomTextFunc text_func)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_text_cell), text_func);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_text_cell), text_func);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  return factory;
}

static void
create_columns (TreffRoomsPage *self)
{
  GtkListItemFactory *name_factory = gtk_signal_list_item_factory_new ();
  GtkSorter *name_sorter;
  GtkSorter *capacity_sorter;

  g_signal_connect (name_factory, "setup", G_CALLBACK (setup_name_cell), NULL);
  g_signal_connect (name_factory, "bind", G_CALLBACK (bind_name_cell), NULL);
  g_signal_connect (name_factory, "unbind", G_CALLBACK (unbind_cell), NULL);

  name_sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (TREFF_TYPE_ROOM, NULL, "name")));
  capacity_sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (TREFF_TYPE_ROOM, NULL, "capacity")));

  add_column (self, _("Name"), name_factory, TRUE, name_sorter);
  add_column (self, _("Capacity"), text_factory (capacity_text), FALSE, capacity_sorter);
  add_column (self, _("Equipment"), text_factory (equipment_text), TRUE, NULL);
  add_column (self, _("Step-free"), text_factory (accessible_text), FALSE, NULL);
  add_column (self, _("Status"), text_factory (status_text), FALSE, NULL);

  g_object_unref (name_sorter);
  g_object_unref (capacity_sorter);
}

/* Every word of the search must appear in the name, equipment or notes. */
static gboolean
room_matches_search (gpointer item,
                     gpointer user_data)
{
  TreffRoomsPage *self = user_data;
  TreffRoom *room = item;
  g_autofree char *equipment = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (self->search_words == NULL || self->search_words[0] == NULL)
    return TRUE;

  equipment = treff_room_dup_equipment_text (room);
  haystack = g_strjoin ("\n", treff_room_get_name (room), equipment,
                        treff_room_get_notes (room), NULL);
  folded = g_utf8_casefold (haystack, -1);

  for (guint i = 0; self->search_words[i] != NULL; i++)
    {
      if (strstr (folded, self->search_words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
update_empty_state (TreffRoomsPage *self)
{
  gboolean empty = self->filter_model == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
on_search_changed (TreffRoomsPage *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  g_strfreev (self->search_words);
  self->search_words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  /* Empty pieces from repeated blanks would match everything: drop them. */
  for (guint i = 0, j = 0; ; i++)
    {
      if (self->search_words[i] == NULL || *self->search_words[i] != '\0')
        self->search_words[j++] = self->search_words[i];
      else
        g_free (self->search_words[i]);
      if (self->search_words[i] == NULL)
        break;
    }

  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stop_search (TreffRoomsPage *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
add_toast (TreffRoomsPage *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_message (TreffRoomsPage *self,
              const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  add_toast (self, adw_toast_new (escaped));
}

/* Deleting is immediate and undoable: the room is kept until the next
 * deletion replaces it. */
static void
delete_room (TreffRoomsPage *self,
             TreffRoom      *room)
{
  g_autoptr(TreffRoom) kept = treff_room_copy (room);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!treff_store_delete_room (self->store, treff_room_get_id (kept), &error))
    {
      show_message (self, error->message);
      return;
    }

  g_set_object (&self->deleted_room, kept);

  escaped = g_markup_escape_text (treff_room_get_name (kept), -1);
  title = g_strdup_printf (_("Room “%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "rooms.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);
}

static void
on_delete_requested (TreffRoomsPage  *self,
                     TreffRoom       *room,
                     TreffRoomEditor *editor)
{
  delete_room (self, room);
}

static void
open_editor (TreffRoomsPage *self,
             TreffRoom      *room)
{
  TreffRoomEditor *editor = treff_room_editor_new (self->store, room);

  g_signal_connect_object (editor, "delete-requested",
                           G_CALLBACK (on_delete_requested), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static TreffRoom *
get_selected_room (TreffRoomsPage *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
on_row_activated (TreffRoomsPage *self,
                  guint           position,
                  GtkColumnView  *column_view)
{
  g_autoptr(TreffRoom) room = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (room != NULL)
    open_editor (self, room);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  treff_rooms_page_add_room (TREFF_ROOMS_PAGE (widget));
}

static void
edit_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TreffRoomsPage *self = TREFF_ROOMS_PAGE (widget);
  TreffRoom *room = get_selected_room (self);

  if (room != NULL)
    open_editor (self, room);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TreffRoomsPage *self = TREFF_ROOMS_PAGE (widget);
  TreffRoom *room = get_selected_room (self);

  if (room != NULL)
    delete_room (self, room);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TreffRoomsPage *self = TREFF_ROOMS_PAGE (widget);
  g_autoptr(TreffRoom) room = g_steal_pointer (&self->deleted_room);
  g_autoptr(GError) error = NULL;

  if (room != NULL && !treff_store_add_room (self->store, room, &error))
    show_message (self, error->message);
}

static void
treff_rooms_page_dispose (GObject *object)
{
  TreffRoomsPage *self = TREFF_ROOMS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_ROOMS_PAGE);
  /* The template's root child is not bound to a field, so it is not
   * released by dispose_template(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->room_list);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->deleted_room);

  G_OBJECT_CLASS (treff_rooms_page_parent_class)->dispose (object);
}

static void
treff_rooms_page_finalize (GObject *object)
{
  TreffRoomsPage *self = TREFF_ROOMS_PAGE (object);

  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (treff_rooms_page_parent_class)->finalize (object);
}

static void
treff_rooms_page_class_init (TreffRoomsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_rooms_page_dispose;
  object_class->finalize = treff_rooms_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-rooms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TreffRoomsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomsPage, archived_toggle);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "rooms.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "rooms.edit-selected", NULL, edit_selected_action);
  gtk_widget_class_install_action (widget_class, "rooms.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "rooms.undo-delete", NULL, undo_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "rooms.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "rooms.delete-selected", NULL);
}

static void
treff_rooms_page_init (TreffRoomsPage *self)
{
  g_autoptr(GtkColumnViewColumn) name_column = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "show-archived-rooms",
                   self->archived_toggle, "active",
                   G_SETTINGS_BIND_DEFAULT);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  create_columns (self);
  name_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);
  gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);
  update_empty_state (self);
}

void
treff_rooms_page_set_store (TreffRoomsPage *self,
                            TreffStore     *store)
{
  GtkSortListModel *sort_model;

  g_return_if_fail (TREFF_IS_ROOMS_PAGE (self));
  g_return_if_fail (TREFF_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_object (&self->room_list);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->selection);

  self->room_list = treff_room_list_new (store, FALSE);
  g_object_bind_property (self->archived_toggle, "active",
                          self->room_list, "include-archived",
                          G_BINDING_SYNC_CREATE);

  self->search_filter = gtk_custom_filter_new (room_matches_search, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->room_list)),
                                                  g_object_ref (GTK_FILTER (self->search_filter)));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_empty_state), self,
                           G_CONNECT_SWAPPED);

  sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                        g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sort_model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_empty_state (self);
}

void
treff_rooms_page_add_room (TreffRoomsPage *self)
{
  g_return_if_fail (TREFF_IS_ROOMS_PAGE (self));

  if (self->store != NULL)
    open_editor (self, NULL);
}

void
treff_rooms_page_start_search (TreffRoomsPage *self)
{
  g_return_if_fail (TREFF_IS_ROOMS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
