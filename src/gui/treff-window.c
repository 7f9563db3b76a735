/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-window.c — the main window: welcome, the capability pages, problems */
#define G_LOG_DOMAIN "treff-window"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-backup.h"
#include "treff-booking-editor.h"
#include "treff-closures-window.h"
#include "treff-print-operation.h"
#include "treff-database-problem-page.h"
#include "treff-example.h"
#include "treff-import-dialog.h"
#include "treff-rooms-page.h"
#include "treff-util.h"
#include "treff-week-page.h"
#include "treff-welcome-page.h"
#include "treff-window.h"

struct _TreffWindow
{
  AdwApplicationWindow      parent_instance;

  char                     *database_path;
  TreffStore               *store;
  GSettings                *settings;

  AdwToastOverlay          *toast_overlay;
  AdwViewSwitcherTitle     *switcher_title;
  GtkStack                 *main_stack;
  TreffWeekPage            *week_page;
  AdwViewStack             *view_stack;
  TreffRoomsPage           *rooms_page;
  TreffDatabaseProblemPage *problem_page;
};

G_DEFINE_FINAL_TYPE (TreffWindow, treff_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A new centre (no rooms yet, not even archived ones) is welcomed. */
static void
update_visible_page (TreffWindow *self)
{
  const char *page = "problem";

  if (self->store != NULL)
    page = treff_store_count_rooms (self->store) == 0 ? "welcome" : "content";

  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-room", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 g_str_equal (page, "content"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-example",
                                 g_str_equal (page, "welcome"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.closures", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-week", g_str_equal (page, "content"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-calendar", self->store != NULL);
}

/* Only the number of rooms decides the page: bookings and closures, which
 * change far more often, need no count. */
static void
on_store_changed (TreffWindow *self,
                  guint        topics,
                  TreffStore  *store)
{
  if (topics & TREFF_STORE_TOPIC_ROOMS)
    update_visible_page (self);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  backup = treff_backup_run_daily (task_data, now, &error);
  if (backup == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&backup), g_free);
}

static void
backup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TreffWindow *self = TREFF_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  backup = g_task_propagate_pointer (G_TASK (result), &error);
  if (backup == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Today’s backup failed: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

/* The daily backup runs in a thread with its own connection. */
static void
start_daily_backup (TreffWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, backup_done, NULL);

  g_task_set_source_tag (task, start_daily_backup);
  g_task_set_task_data (task, g_strdup (self->database_path), g_free);
  g_task_run_in_thread (task, backup_thread);
}

/* The time zone belongs to the centre's data (every local time means a
 * time there); the preference shows and changes the open centre's. */
static void
on_time_zone_setting_changed (TreffWindow *self,
                              const char  *key,
                              GSettings   *settings)
{
  g_autofree char *identifier = g_settings_get_string (settings, key);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || treff_store_set_time_zone (self->store, identifier, &error))
    return;

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  g_settings_set_string (settings, key, g_time_zone_get_identifier (treff_store_get_time_zone (self->store)));
}

static void
open_database (TreffWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  self->store = treff_store_open (self->database_path, &error);
  if (self->store == NULL)
    {
      treff_database_problem_page_show (self->problem_page, self->database_path, error);
      update_visible_page (self);
      return;
    }

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  treff_week_page_set_store (self->week_page, self->store);
  treff_rooms_page_set_store (self->rooms_page, self->store);
  g_settings_set_string (self->settings, "time-zone",
                         g_time_zone_get_identifier (treff_store_get_time_zone (self->store)));
  update_visible_page (self);
  start_daily_backup (self);
}

static void
present_editor (TreffWindow *self,
                GtkWindow   *editor)
{
  gtk_window_set_transient_for (editor, GTK_WINDOW (self));
  gtk_window_present (editor);
}

static void
on_create_booking (TreffWindow   *self,
                   GDateTime     *start,
                   GDateTime     *end,
                   gint64         room_id,
                   TreffWeekPage *page)
{
  present_editor (self, GTK_WINDOW (treff_booking_editor_new_for_slot (self->store, start, end, room_id)));
}

static void
on_edit_occurrence (TreffWindow     *self,
                    TreffOccurrence *occurrence,
                    TreffWeekPage   *page)
{
  present_editor (self, GTK_WINDOW (treff_booking_editor_new_for_occurrence (self->store, occurrence)));
}

/* A search result: the page shows its week; open its date there. */
static void
on_open_booking (TreffWindow   *self,
                 TreffBooking  *booking,
                 TreffWeekPage *page)
{
  GDateTime *day = treff_week_page_get_date (page);
  g_autoptr(GDateTime) from = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
  g_autoptr(GDateTime) to = g_date_time_add_weeks (from, 1);
  g_autoptr(GPtrArray) dates = treff_store_list_occurrences (self->store, from, to, NULL);

  for (guint i = 0; dates != NULL && i < dates->len; i++)
    {
      TreffOccurrence *occurrence = g_ptr_array_index (dates, i);

      if (treff_booking_get_id (treff_occurrence_get_booking (occurrence)) == treff_booking_get_id (booking))
        {
          on_edit_occurrence (self, occurrence, page);
          return;
        }
    }
}

static void
on_backup_restored (TreffWindow *self)
{
  open_database (self);
  if (self->store != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The backup was restored")));
}

static void
add_room_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TreffWindow *self = TREFF_WINDOW (widget);

  treff_rooms_page_add_room (self->rooms_page);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TreffWindow *self = TREFF_WINDOW (widget);

  /* Each page searches what it shows. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "week") == 0)
    treff_week_page_start_search (self->week_page);
  else
    treff_rooms_page_start_search (self->rooms_page);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TreffWindow *self = TREFF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!treff_example_fill (self->store, &error))
    toast = adw_toast_new (error->message);
  else
    toast = adw_toast_new (_("The example centre is open: look around and change anything"));

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
closures_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TreffWindow *self = TREFF_WINDOW (widget);
  TreffClosuresWindow *closures = treff_closures_window_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (closures), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (closures));
}

static void
import_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TreffWindow *self = TREFF_WINDOW (widget);
  TreffImportDialog *dialog = treff_import_dialog_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
  treff_import_dialog_choose_file (dialog);
}

/* Prints the week the plan shows: public for the notice board, or internal. */
static void
print_week_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TreffWindow *self = TREFF_WINDOW (widget);
  GDateTime *day = treff_week_page_get_date (self->week_page);
  GDate monday;

  treff_date_from_date_time (&monday, day);
  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - 1);
  treff_print_week (GTK_WINDOW (self), self->store, &monday, g_variant_get_boolean (parameter));
}

static gboolean
treff_window_close_request (GtkWindow *window)
{
  TreffWindow *self = TREFF_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (treff_window_parent_class)->close_request (window);
}

static void
treff_window_constructed (GObject *object)
{
  TreffWindow *self = TREFF_WINDOW (object);

  G_OBJECT_CLASS (treff_window_parent_class)->constructed (object);

  open_database (self);
}

static void
treff_window_dispose (GObject *object)
{
  TreffWindow *self = TREFF_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (treff_window_parent_class)->dispose (object);
}

static void
treff_window_finalize (GObject *object)
{
  TreffWindow *self = TREFF_WINDOW (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (treff_window_parent_class)->finalize (object);
}

static void
treff_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TreffWindow *self = TREFF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_window_class_init (TreffWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = treff_window_constructed;
  object_class->dispose = treff_window_dispose;
  object_class->finalize = treff_window_finalize;
  object_class->set_property = treff_window_set_property;
  window_class->close_request = treff_window_close_request;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TREFF_TYPE_WELCOME_PAGE);
  g_type_ensure (TREFF_TYPE_WEEK_PAGE);
  g_type_ensure (TREFF_TYPE_ROOMS_PAGE);
  g_type_ensure (TREFF_TYPE_DATABASE_PROBLEM_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TreffWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TreffWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TreffWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TreffWindow, week_page);
  gtk_widget_class_bind_template_child (widget_class, TreffWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TreffWindow, rooms_page);
  gtk_widget_class_bind_template_child (widget_class, TreffWindow, problem_page);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_restored);
  gtk_widget_class_bind_template_callback (widget_class, on_create_booking);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_occurrence);
  gtk_widget_class_bind_template_callback (widget_class, on_open_booking);

  gtk_widget_class_install_action (widget_class, "win.add-room", NULL, add_room_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.closures", NULL, closures_action);
  gtk_widget_class_install_action (widget_class, "win.print-week", "b", print_week_action);
  gtk_widget_class_install_action (widget_class, "win.import-calendar", NULL, import_calendar_action);
}

static void
treff_window_init (TreffWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The centre's name tells two centres' windows apart. */
  g_settings_bind (self->settings, "centre-name",
                   self->switcher_title, "subtitle",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::time-zone",
                           G_CALLBACK (on_time_zone_setting_changed), self,
                           G_CONNECT_SWAPPED);
}

TreffWindow *
treff_window_new (TreffApplication *application,
                  const char       *database_path)
{
  g_return_val_if_fail (TREFF_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  return g_object_new (TREFF_TYPE_WINDOW,
                       "application", application,
                       "database-path", database_path,
                       NULL);
}

TreffStore *
treff_window_get_store (TreffWindow *self)
{
  g_return_val_if_fail (TREFF_IS_WINDOW (self), NULL);

  return self->store;
}
