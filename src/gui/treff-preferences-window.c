/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-preferences-window.c — the centre's name and address, time zone, week plan range
 *
 * Every row is bound to GSettings, so a change is saved at once. */
#define G_LOG_DOMAIN "treff-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-accessible.h"
#include "treff-preferences-window.h"
#include "treff-store.h"

struct _TreffPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *name_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *time_zone_row;
  GtkLabel             *time_zone_error;
  AdwComboRow          *week_start_row;
  GtkSpinButton        *day_start_spin;
  GtkSpinButton        *day_end_spin;
};

G_DEFINE_FINAL_TYPE (TreffPreferencesWindow, treff_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* An identifier GLib does not know would fall back to UTC silently. */
static void
on_time_zone_applied (TreffPreferencesWindow *self)
{
  g_autofree char *identifier = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row))));
  g_autoptr(GError) error = NULL;

  if (!treff_store_check_time_zone_name (identifier, &error))
    {
      gtk_label_set_text (self->time_zone_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->time_zone_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->time_zone_row), "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->time_zone_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_zone_row), "error");
  g_settings_set_string (self->settings, "time-zone", identifier);
}

/* The day range must stay a range: the end follows a start moved past it
 * and the start follows an end moved before it. */
static void
on_day_start_changed (TreffPreferencesWindow *self)
{
  int start = gtk_spin_button_get_value_as_int (self->day_start_spin);

  if (gtk_spin_button_get_value_as_int (self->day_end_spin) <= start)
    gtk_spin_button_set_value (self->day_end_spin, start + 1);
}

static void
on_day_end_changed (TreffPreferencesWindow *self)
{
  int end = gtk_spin_button_get_value_as_int (self->day_end_spin);

  if (gtk_spin_button_get_value_as_int (self->day_start_spin) >= end)
    gtk_spin_button_set_value (self->day_start_spin, end - 1);
}

/* The values of the schema's Weekday enum, in the combo row's order. */
static const char * const week_days[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static gboolean
week_start_to_position (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  const char *day = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (week_days); i++)
    {
      if (g_str_equal (day, week_days[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_week_start (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (week_days))
    return NULL;

  return g_variant_new_string (week_days[position]);
}

static void
treff_preferences_window_dispose (GObject *object)
{
  TreffPreferencesWindow *self = TREFF_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (treff_preferences_window_parent_class)->dispose (object);
}

static void
treff_preferences_window_class_init (TreffPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, time_zone_error);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, week_start_row);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, day_start_spin);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, day_end_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_time_zone_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_day_start_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_end_changed);
}

static void
treff_preferences_window_init (TreffPreferencesWindow *self)
{
  g_autofree char *time_zone = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "centre-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "centre-address", self->address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "day-start-hour", self->day_start_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "day-end-hour", self->day_end_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "week-start",
                                self->week_start_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                week_start_to_position, position_to_week_start,
                                NULL, NULL);

  time_zone = g_settings_get_string (self->settings, "time-zone");
  gtk_editable_set_text (GTK_EDITABLE (self->time_zone_row), time_zone);

  treff_accessible_label_entry_row (self->name_row);
  treff_accessible_label_entry_row (self->address_row);
  treff_accessible_label_entry_row (self->time_zone_row);
}

TreffPreferencesWindow *
treff_preferences_window_new (void)
{
  return g_object_new (TREFF_TYPE_PREFERENCES_WINDOW, NULL);
}
