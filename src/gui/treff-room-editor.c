/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-room-editor.c — the dialog that adds or changes a room
 *
 * Validation runs on every keystroke with the same core checks the store
 * applies when saving, so what the dialog accepts the store accepts. */
#define G_LOG_DOMAIN "treff-room-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-accessible.h"
#include "treff-gui-util.h"
#include "treff-room-editor.h"

struct _TreffRoomEditor
{
  AdwWindow       parent_instance;

  TreffStore     *store;
  TreffRoom      *room;       /* the saved room, or NULL when adding */
  gboolean        show_errors;

  AdwEntryRow    *name_row;
  GtkSpinButton  *capacity_spin;
  GtkLabel       *error_label;
  AdwEntryRow    *equipment_row;
  GtkSwitch      *accessible_switch;
  GtkSwitch      *bookable_switch;
  GtkColorButton *colour_button;
  GtkTextView    *notes_view;
  GtkWidget      *manage_group;
  GtkButton      *archive_button;
};

G_DEFINE_FINAL_TYPE (TreffRoomEditor, treff_room_editor, ADW_TYPE_WINDOW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reads what is typed, not the spin button's value, which only follows
 * the text once the field is left. */
static guint
read_capacity (TreffRoomEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->capacity_spin));
  guint64 capacity = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &capacity, NULL))
    return 0;

  return capacity;
}

static void
validate (TreffRoomEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  guint capacity = read_capacity (self);
  gint64 id = self->room ? treff_room_get_id (self->room) : 0;
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) capacity_error = NULL;
  const GError *shown;

  if (treff_room_check_name (name, &name_error))
    treff_store_check_room_name_free (self->store, name, id, &name_error);
  treff_room_check_capacity (capacity, &capacity_error);

  shown = name_error ? name_error : capacity_error;
  gtk_label_set_text (self->error_label, shown ? shown->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->show_errors && shown != NULL);
  treff_widget_set_error (GTK_WIDGET (self->name_row), self->show_errors && name_error != NULL);
  treff_widget_set_error (GTK_WIDGET (self->capacity_spin), self->show_errors && capacity_error != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", shown == NULL);
}

static void
on_field_changed (TreffRoomEditor *self)
{
  self->show_errors = TRUE;
  validate (self);
}

static char *
dup_colour (TreffRoomEditor *self)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  return g_strdup_printf ("#%02x%02x%02x",
                          (int)(rgba.red * 255 + 0.5),
                          (int)(rgba.green * 255 + 0.5),
                          (int)(rgba.blue * 255 + 0.5));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TreffRoomEditor *self = TREFF_ROOM_EDITOR (widget);
  g_autoptr(TreffRoom) room = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) equipment = NULL;
  g_autofree char *colour = dup_colour (self);
  g_autofree char *notes = treff_text_view_dup_text (self->notes_view);
  gboolean saved;

  room = self->room ? treff_room_copy (self->room) : treff_room_new (NULL);
  equipment = treff_room_parse_equipment (gtk_editable_get_text (GTK_EDITABLE (self->equipment_row)));

  treff_room_set_name (room, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  treff_room_set_capacity (room, read_capacity (self));
  treff_room_set_equipment (room, (const char * const *)equipment);
  treff_room_set_accessible (room, gtk_switch_get_active (self->accessible_switch));
  treff_room_set_bookable (room, gtk_switch_get_active (self->bookable_switch));
  treff_room_set_colour (room, colour);
  treff_room_set_notes (room, notes);

  if (self->room != NULL)
    saved = treff_store_update_room (self->store, room, &error);
  else
    saved = treff_store_add_room (self->store, room, &error);

  if (!saved)
    {
      /* The dialog stays open with everything typed: nothing is lost. */
      treff_label_show_text (self->error_label, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
toggle_archived_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TreffRoomEditor *self = TREFF_ROOM_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  g_assert (self->room != NULL);

  if (!treff_store_set_room_archived (self->store, treff_room_get_id (self->room),
                                      !treff_room_get_archived (self->room), &error))
    {
      treff_label_show_text (self->error_label, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TreffRoomEditor *self = TREFF_ROOM_EDITOR (widget);
  g_autoptr(TreffRoom) room = g_object_ref (self->room);

  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, room);
}

static void
on_name_activated (TreffRoomEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
fill_fields (TreffRoomEditor *self)
{
  TreffRoom *room = self->room;
  g_autofree char *equipment = NULL;
  g_autofree char *colour = NULL;
  GdkRGBA rgba;

  if (room == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Room"));
      colour = treff_store_dup_unused_room_colour (self->store);
      gdk_rgba_parse (&rgba, colour);
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
      gtk_widget_set_visible (self->manage_group, FALSE);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Room"));
  equipment = treff_room_dup_equipment_text (room);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), treff_room_get_name (room));
  gtk_spin_button_set_value (self->capacity_spin, treff_room_get_capacity (room));
  gtk_editable_set_text (GTK_EDITABLE (self->equipment_row), equipment);
  gtk_switch_set_active (self->accessible_switch, treff_room_get_accessible (room));
  gtk_switch_set_active (self->bookable_switch, treff_room_get_bookable (room));
  if (gdk_rgba_parse (&rgba, treff_room_get_colour (room)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            treff_room_get_notes (room), -1);
  gtk_button_set_label (self->archive_button,
                        treff_room_get_archived (room) ? _("_Restore Room") : _("_Archive Room"));
  self->show_errors = TRUE;
}

static void
treff_room_editor_dispose (GObject *object)
{
  TreffRoomEditor *self = TREFF_ROOM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_ROOM_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->room);

  G_OBJECT_CLASS (treff_room_editor_parent_class)->dispose (object);
}

static void
treff_room_editor_class_init (TreffRoomEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_room_editor_dispose;

  /**
   * TreffRoomEditor::delete-requested:
   * @room: the room to delete
   *
   * The user chose to delete the room; the owner deletes it and offers Undo.
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TREFF_TYPE_ROOM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-room-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, equipment_row);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, accessible_switch);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, bookable_switch);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, colour_button);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, manage_group);
  gtk_widget_class_bind_template_child (widget_class, TreffRoomEditor, archive_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.toggle-archived", NULL, toggle_archived_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
treff_room_editor_init (TreffRoomEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  treff_accessible_label_entry_row (self->name_row);
  treff_accessible_label_entry_row (self->equipment_row);
  treff_accessible_label_inner_button (GTK_WIDGET (self->colour_button), _("Colour"));
}

/**
 * treff_room_editor_new:
 * @room: (nullable): the room to change, or %NULL to add one
 */
TreffRoomEditor *
treff_room_editor_new (TreffStore *store,
                       TreffRoom  *room)
{
  TreffRoomEditor *self;

  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);
  g_return_val_if_fail (room == NULL || TREFF_IS_ROOM (room), NULL);

  self = g_object_new (TREFF_TYPE_ROOM_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->room = room ? g_object_ref (room) : NULL;

  /* Filling the fields fires their change handlers; validate once after. */
  fill_fields (self);
  validate (self);
  return self;
}
