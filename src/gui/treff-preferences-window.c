/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-preferences-window.c — the centre's name and address, time zone, week plan range, calendar feeds
 *
 * Every row is bound to GSettings, so a change is saved at once. */
#define G_LOG_DOMAIN "treff-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-accessible.h"
#include "treff-feed-publisher.h"
#include "treff-gui-util.h"
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

  AdwActionRow         *folder_row;
  GtkButton            *clear_folder_button;
  AdwEntryRow          *base_url_row;
  AdwComboRow          *private_bookings_row;
  GtkSwitch            *internal_switch;
  AdwActionRow         *status_row;
  GtkImage             *status_icon;
  GtkButton            *publish_button;
  GtkLabel             *feeds_error;
  GtkFileChooserNative *folder_chooser;
  TreffFeedPublisher   *publisher;
};

G_DEFINE_FINAL_TYPE (TreffPreferencesWindow, treff_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

typedef gboolean (*CheckText) (const char  *text,
                               GError     **error);

/* Saves what was typed into @row under @key once @check accepts it;
 * otherwise @error_label says why, and the row is marked. */
static void
apply_checked_text (TreffPreferencesWindow *self,
                    AdwEntryRow            *row,
                    GtkLabel               *error_label,
                    const char             *key,
                    CheckText               check)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (!check (text, &error))
    {
      treff_label_show_text (error_label, error->message);
      treff_widget_set_error (GTK_WIDGET (row), TRUE);
      return;
    }

  treff_label_show_text (error_label, NULL);
  treff_widget_set_error (GTK_WIDGET (row), FALSE);
  g_settings_set_string (self->settings, key, text);
}

/* An identifier GLib does not know would fall back to UTC silently. */
static void
on_time_zone_applied (TreffPreferencesWindow *self)
{
  apply_checked_text (self, self->time_zone_row, self->time_zone_error, "time-zone",
                      treff_store_check_time_zone_name);
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
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
};

/* The values of the feed-private-bookings key, in the combo row's order. */
static const char * const private_bookings_modes[] = { "busy", "hide", NULL };

/* A combo row bound to a string key: @user_data lists the key's values
 * in the row's order, NULL-terminated. */
static gboolean
string_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *strings = user_data;
  const char *string = g_variant_get_string (variant, NULL);

  for (guint i = 0; strings[i] != NULL; i++)
    {
      if (g_str_equal (string, strings[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_string (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *strings = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **)strings))
    return NULL;

  return g_variant_new_string (strings[position]);
}

static void
update_folder_row (TreffPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "publish-folder");

  if (*folder != '\0')
    {
      g_autofree char *display = g_filename_display_name (folder);

      adw_action_row_set_subtitle (self->folder_row, display);
    }
  else
    {
      adw_action_row_set_subtitle (self->folder_row, _("Not published"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->clear_folder_button), *folder != '\0');
}

static void
update_status (TreffPreferencesWindow *self)
{
  g_autofree char *status = NULL;
  gboolean failed;

  if (self->publisher == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
      return;
    }

  status = treff_feed_publisher_dup_status (self->publisher);
  failed = treff_feed_publisher_get_error_message (self->publisher) != NULL &&
           !treff_feed_publisher_get_busy (self->publisher) &&
           treff_feed_publisher_get_enabled (self->publisher);

  gtk_widget_set_visible (GTK_WIDGET (self->status_row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), failed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button),
                            treff_feed_publisher_get_enabled (self->publisher) &&
                            !treff_feed_publisher_get_busy (self->publisher));
}

static void
on_folder_chosen (TreffPreferencesWindow *self,
                  int                     response,
                  GtkNativeDialog        *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      if (path == NULL)
        treff_label_show_text (self->feeds_error,
                               _("This folder cannot be written to directly. "
                                 "Choose a folder on this computer or on a connected drive."));
      else
        {
          treff_label_show_text (self->feeds_error, NULL);
          g_settings_set_string (self->settings, "publish-folder", path);
        }
    }

  g_clear_object (&self->folder_chooser);
}

/* GtkFileChooserNative: the portal's chooser in Flatpak, which also
 * grants access to the folder. */
static void
on_choose_folder_clicked (TreffPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "publish-folder");

  if (self->folder_chooser != NULL)
    return;

  self->folder_chooser = gtk_file_chooser_native_new (_("Choose a Folder for Calendar Feeds"),
                                                      GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                      _("_Select"),
                                                      _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->folder_chooser), TRUE);
  if (*folder != '\0')
    {
      g_autoptr(GFile) current = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->folder_chooser), current, NULL);
    }

  g_signal_connect_object (self->folder_chooser, "response",
                           G_CALLBACK (on_folder_chosen), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->folder_chooser));
}

static void
on_clear_folder_clicked (TreffPreferencesWindow *self)
{
  treff_label_show_text (self->feeds_error, NULL);
  g_settings_set_string (self->settings, "publish-folder", "");
}

static void
on_base_url_applied (TreffPreferencesWindow *self)
{
  apply_checked_text (self, self->base_url_row, self->feeds_error, "publish-base-url",
                      treff_feed_writer_check_base_url);
}

static void
on_publish_clicked (TreffPreferencesWindow *self)
{
  if (self->publisher != NULL)
    treff_feed_publisher_publish_now (self->publisher);
}

static void
on_settings_changed (TreffPreferencesWindow *self,
                     const char             *key,
                     GSettings              *settings)
{
  if (g_str_equal (key, "publish-folder"))
    update_folder_row (self);
}

/**
 * treff_preferences_window_set_feed_publisher:
 * @publisher: (nullable): whose status the feed group shows and whose
 *   "Publish Now" the button is
 */
void
treff_preferences_window_set_feed_publisher (TreffPreferencesWindow *self,
                                             TreffFeedPublisher     *publisher)
{
  g_return_if_fail (TREFF_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (publisher == NULL || TREFF_IS_FEED_PUBLISHER (publisher));

  if (self->publisher == publisher)
    return;

  if (self->publisher != NULL)
    g_signal_handlers_disconnect_by_data (self->publisher, self);
  g_set_object (&self->publisher, publisher);
  if (publisher != NULL)
    g_signal_connect_object (publisher, "notify::status",
                             G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  update_status (self);
}

static void
treff_preferences_window_dispose (GObject *object)
{
  TreffPreferencesWindow *self = TREFF_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_PREFERENCES_WINDOW);
  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->folder_chooser));
  g_clear_object (&self->folder_chooser);
  if (self->publisher != NULL)
    g_signal_handlers_disconnect_by_data (self->publisher, self);
  g_clear_object (&self->publisher);
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
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, clear_folder_button);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, private_bookings_row);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, internal_switch);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, publish_button);
  gtk_widget_class_bind_template_child (widget_class, TreffPreferencesWindow, feeds_error);
  gtk_widget_class_bind_template_callback (widget_class, on_time_zone_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_folder_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_base_url_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_publish_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_day_start_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_end_changed);
}

static void
treff_preferences_window_init (TreffPreferencesWindow *self)
{
  g_autofree char *time_zone = NULL;
  g_autofree char *base_url = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "centre-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "centre-address", self->address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "day-start-hour", self->day_start_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "day-end-hour", self->day_end_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "week-start",
                                self->week_start_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                string_to_position, position_to_string,
                                (gpointer)week_days, NULL);

  time_zone = g_settings_get_string (self->settings, "time-zone");
  gtk_editable_set_text (GTK_EDITABLE (self->time_zone_row), time_zone);

  g_settings_bind (self->settings, "publish-internal-feed", self->internal_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "feed-private-bookings",
                                self->private_bookings_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                string_to_position, position_to_string,
                                (gpointer)private_bookings_modes, NULL);
  base_url = g_settings_get_string (self->settings, "publish-base-url");
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), base_url);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  update_folder_row (self);
  update_status (self);

  treff_accessible_label_entry_row (self->name_row);
  treff_accessible_label_entry_row (self->address_row);
  treff_accessible_label_entry_row (self->time_zone_row);
  treff_accessible_label_entry_row (self->base_url_row);
}

TreffPreferencesWindow *
treff_preferences_window_new (void)
{
  return g_object_new (TREFF_TYPE_PREFERENCES_WINDOW, NULL);
}
