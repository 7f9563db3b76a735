/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-closures-window.c — entering the centre's closure weeks and school holidays */
#define G_LOG_DOMAIN "treff-closures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-accessible.h"
#include "treff-closures-window.h"
#include "treff-format.h"
#include "treff-gui-util.h"
#include "treff-util.h"

struct _TreffClosuresWindow
{
  AdwWindow      parent_instance;

  TreffStore    *store;
  GDate          first_day;
  GDate          last_day;

  AdwEntryRow   *title_row;
  AdwComboRow   *kind_row;
  GtkMenuButton *first_button;
  GtkCalendar   *first_calendar;
  GtkMenuButton *last_button;
  GtkCalendar   *last_calendar;
  GtkLabel      *error_label;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (TreffClosuresWindow, treff_closures_window, ADW_TYPE_WINDOW)

static void
update_buttons (TreffClosuresWindow *self)
{
  g_autofree char *first = treff_format_day (&self->first_day);
  g_autofree char *last = treff_format_day (&self->last_day);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_menu_button_set_label (self->first_button, first);
  gtk_menu_button_set_label (self->last_button, last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "closures.add", *title != '\0');
}

static void
on_delete_clicked (GtkButton           *button,
                   TreffClosuresWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "closure-id"));
  g_autoptr(GError) error = NULL;

  if (!treff_store_delete_closure (self->store, id, &error))
    treff_label_show_text (self->error_label, error->message);
}

/* Shows the periods from a year ago on: older ones do not matter to planning. */
static void
reload (TreffClosuresWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (treff_store_get_time_zone (self->store));
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GDate from, to;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, 1, g_date_time_get_year (now) - 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, 31, 12, g_date_time_get_year (now) + 10);
  closures = treff_store_list_closures (self->store, &from, &to, &error);
  if (closures == NULL)
    {
      treff_label_show_text (self->error_label, error->message);
      return;
    }

  for (guint i = 0; i < closures->len; i++)
    {
      TreffClosure *closure = g_ptr_array_index (closures, i);
      g_autofree char *first = treff_format_day (treff_closure_get_first_day (closure));
      g_autofree char *last = treff_format_day (treff_closure_get_last_day (closure));
      g_autofree char *title = g_markup_escape_text (treff_closure_get_title (closure), -1);
      g_autofree char *subtitle = NULL;
      g_autofree char *delete_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      subtitle = g_strdup_printf ("%s – %s · %s", first, last,
                                  treff_closure_get_kind (closure) == TREFF_CLOSURE_KIND_CLOSED
                                  ? _("Centre closed") : _("School holidays"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      delete_label = g_strdup_printf (_("Delete “%s”"), treff_closure_get_title (closure));
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (delete, delete_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
      gtk_widget_add_css_class (delete, "flat");
      g_object_set_data (G_OBJECT (delete), "closure-id", GSIZE_TO_POINTER (treff_closure_get_id (closure)));
      g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      gtk_list_box_append (self->list, row);
    }

  if (closures->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No closures or school holidays entered yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
}

static void
on_store_changed (TreffClosuresWindow *self,
                  guint                topics)
{
  if (topics & TREFF_STORE_TOPIC_CLOSURES)
    reload (self);
}

static void
on_form_changed (TreffClosuresWindow *self)
{
  treff_label_show_text (self->error_label, NULL);
  update_buttons (self);
}

static void
pick_day (GtkCalendar *calendar,
          GDate       *day)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);

  treff_date_from_date_time (day, picked);
}

static void
on_first_selected (TreffClosuresWindow *self)
{
  pick_day (self->first_calendar, &self->first_day);
  /* A new period usually ends after it begins: keep it at least one day. */
  if (g_date_compare (&self->last_day, &self->first_day) < 0)
    self->last_day = self->first_day;
  gtk_menu_button_popdown (self->first_button);
  on_form_changed (self);
}

static void
on_last_selected (TreffClosuresWindow *self)
{
  pick_day (self->last_calendar, &self->last_day);
  gtk_menu_button_popdown (self->last_button);
  on_form_changed (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TreffClosuresWindow *self = TREFF_CLOSURES_WINDOW (widget);
  g_autoptr(TreffClosure) closure = NULL;
  g_autoptr(GError) error = NULL;

  closure = treff_closure_new (adw_combo_row_get_selected (self->kind_row),
                               gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                               &self->first_day, &self->last_day);
  if (!treff_store_add_closure (self->store, closure, &error))
    {
      treff_label_show_text (self->error_label, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), "");
}

static void
treff_closures_window_dispose (GObject *object)
{
  TreffClosuresWindow *self = TREFF_CLOSURES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_CLOSURES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (treff_closures_window_parent_class)->dispose (object);
}

static void
treff_closures_window_class_init (TreffClosuresWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_closures_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-closures-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TreffClosuresWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, TreffClosuresWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TreffClosuresWindow, first_button);
  gtk_widget_class_bind_template_child (widget_class, TreffClosuresWindow, first_calendar);
  gtk_widget_class_bind_template_child (widget_class, TreffClosuresWindow, last_button);
  gtk_widget_class_bind_template_child (widget_class, TreffClosuresWindow, last_calendar);
  gtk_widget_class_bind_template_child (widget_class, TreffClosuresWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, TreffClosuresWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_first_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_last_selected);

  gtk_widget_class_install_action (widget_class, "closures.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
treff_closures_window_init (TreffClosuresWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  treff_accessible_label_entry_row (self->title_row);
}

TreffClosuresWindow *
treff_closures_window_new (TreffStore *store)
{
  TreffClosuresWindow *self;
  g_autoptr(GDateTime) today = NULL;

  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);

  self = g_object_new (TREFF_TYPE_CLOSURES_WINDOW, NULL);
  self->store = g_object_ref (store);

  today = g_date_time_new_now (treff_store_get_time_zone (store));
  treff_date_from_date_time (&self->first_day, today);
  self->last_day = self->first_day;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  reload (self);
  update_buttons (self);
  return self;
}
