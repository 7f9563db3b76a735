/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-import-dialog.c — importing a calendar file: preview every event, then import in one go
 *
 * Reading and previewing run in a GTask thread with the thread's own
 * connection to the database (a file may hold 20,000 events); the list
 * only creates rows for the events on screen. The import itself runs
 * here, on the main thread, in one transaction. */
#define G_LOG_DOMAIN "treff-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-gui-util.h"
#include "treff-ical-import.h"
#include "treff-import-dialog.h"

struct _TreffImportDialog
{
  AdwWindow             parent_instance;

  TreffStore           *store;
  GSettings            *settings;
  GFile                *file;
  TreffIcalImport      *import;       /* the file read, or NULL */
  GListModel           *items;        /* the items shown */
  GArray               *room_ids;     /* gint64 per room entry of the target combo */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              busy;
  gboolean              filling;

  AdwActionRow         *file_row;
  AdwComboRow          *target_row;
  GtkLabel             *summary_label;
  GtkLabel             *notes_label;
  GtkLabel             *error_label;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *problem_page;
  GtkListView          *list_view;
  GtkButton            *import_button;
};

G_DEFINE_FINAL_TYPE (TreffImportDialog, treff_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_work (TreffImportDialog *self,
                        gboolean           read_file);

static void
set_busy (TreffImportDialog *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_import_button (TreffImportDialog *self)
{
  guint n = 0;
  g_autofree char *label = NULL;

  if (!self->busy && self->import != NULL && self->items != NULL)
    n = treff_ical_import_count_selected (self->import);

  if (n > 0)
    /* Translators: the import button, "Import 12 Events" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Event", "_Import %u Events", n), n);
  else
    label = g_strdup (_("_Import"));

  gtk_button_set_label (self->import_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_row), !self->busy);
}

/* The target the combo row shows; rooms come first, then the periods. */
static TreffImportTarget
get_target (TreffImportDialog *self,
            gint64            *room_id)
{
  guint selected = adw_combo_row_get_selected (self->target_row);

  *room_id = 0;
  if (selected < self->room_ids->len)
    {
      *room_id = g_array_index (self->room_ids, gint64, selected);
      return TREFF_IMPORT_TARGET_BOOKINGS;
    }

  return selected == self->room_ids->len ? TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS
                                         : TREFF_IMPORT_TARGET_CLOSURES;
}

static void
fill_targets (TreffImportDialog *self)
{
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->room_ids, 0);
  rooms = treff_store_list_rooms (self->store, FALSE, &error);
  for (guint i = 0; rooms != NULL && i < rooms->len; i++)
    {
      TreffRoom *room = g_ptr_array_index (rooms, i);
      g_autofree char *label = NULL;
      gint64 id = treff_room_get_id (room);

      if (!treff_room_get_bookable (room) || treff_room_get_archived (room))
        continue;

      /* Translators: a choice of what the events become, "Bookings in Werkstatt" */
      label = g_strdup_printf (_("Bookings in %s"), treff_room_get_name (room));
      gtk_string_list_append (targets, label);
      g_array_append_val (self->room_ids, id);
    }
  if (error != NULL)
    treff_label_show_text (self->error_label, error->message);

  gtk_string_list_append (targets, _("School holidays"));
  gtk_string_list_append (targets, _("Closure days"));

  self->filling = TRUE;
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (targets));
  adw_combo_row_set_selected (self->target_row, 0);
  self->filling = FALSE;
}

static void
on_target_changed (TreffImportDialog *self)
{
  if (self->filling || self->import == NULL || self->busy)
    return;

  start_work (self, FALSE);
}

static void
on_item_selected (TreffImportDialog *self)
{
  if (!self->busy)
    update_import_button (self);
}

static void
show_items (TreffImportDialog *self)
{
  GListModel *items = treff_ical_import_get_items (self->import);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *summary = treff_ical_import_dup_summary (self->import);
  const char *notes = treff_ical_import_get_notes (self->import);
  guint n = g_list_model_get_n_items (items);

  g_set_object (&self->items, items);
  selection = gtk_no_selection_new (g_object_ref (items));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TreffImportItem) item = g_list_model_get_item (items, i);

      g_signal_connect_object (item, "notify::selected", G_CALLBACK (on_item_selected), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  treff_label_show_text (self->notes_label, notes);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "problem");
  if (n == 0)
    {
      adw_status_page_set_title (self->problem_page, _("No Events"));
      adw_status_page_set_description (self->problem_page,
                                       _("The file is a calendar, but it contains no events."));
    }
}

static void
show_problem (TreffImportDialog *self,
              const char        *message)
{
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->items);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
  adw_status_page_set_title (self->problem_page, _("This File Cannot Be Imported"));
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->stack, "problem");
}

/* ------------------------------------------------------------------ */
/* The thread                                                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  TreffIcalImport   *import;
  GFile             *file;      /* NULL: the file is read already */
  char              *database_path;
  GTimeZone         *zone;
  TreffImportTarget  target;
  gint64             room_id;
} Work;

static void
work_free (Work *work)
{
  g_clear_object (&work->import);
  g_clear_object (&work->file);
  g_free (work->database_path);
  g_clear_pointer (&work->zone, g_time_zone_unref);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (work->file != NULL &&
      !treff_ical_import_load_file (work->import, work->file, work->zone, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A connection of its own: the main thread's belongs to the main thread. */
  store = treff_store_open (work->database_path, &error);
  if (store == NULL ||
      !treff_ical_import_preview (work->import, store, work->target, work->room_id, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
work_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TreffImportDialog *self = TREFF_IMPORT_DIALOG (object);
  Work *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A newer file was chosen meanwhile. */
  if (work->import != self->import)
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      /* A file that cannot be read has nothing to preview again. */
      if (work->file != NULL)
        g_clear_object (&self->import);
      show_problem (self, error->message);
    }
  else
    {
      show_items (self);
    }

  update_import_button (self);
}

static void
start_work (TreffImportDialog *self,
            gboolean           read_file)
{
  g_autoptr(GTask) task = NULL;
  Work *work = g_new0 (Work, 1);

  g_assert (self->import != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  work->import = g_object_ref (self->import);
  work->file = read_file ? g_object_ref (self->file) : NULL;
  work->database_path = g_strdup (treff_store_get_path (self->store));
  work->zone = g_time_zone_ref (treff_store_get_time_zone (self->store));
  work->target = get_target (self, &work->room_id);

  /* No rooms: the events can only become periods. */
  if (work->target == TREFF_IMPORT_TARGET_BOOKINGS && work->room_id <= 0)
    work->target = TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS;

  treff_label_show_text (self->error_label, NULL);
  set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
  update_import_button (self);

  task = g_task_new (self, self->cancellable, work_done, NULL);
  g_task_set_source_tag (task, start_work);
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);
  g_task_run_in_thread (task, work_thread);
}

/**
 * treff_import_dialog_load_file:
 *
 * Reads @file and shows what importing it would do. Nothing is saved
 * until the user imports.
 */
void
treff_import_dialog_load_file (TreffImportDialog *self,
                               GFile             *file)
{
  g_autofree char *name = NULL;
  g_autoptr(TreffIcalImport) import = NULL;

  g_return_if_fail (TREFF_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);

  import = treff_ical_import_new ();
  treff_ical_import_set_opening_hours (import,
                                       g_settings_get_int (self->settings, "day-start-hour"),
                                       MAX (g_settings_get_int (self->settings, "day-end-hour"),
                                            g_settings_get_int (self->settings, "day-start-hour") + 1));
  g_set_object (&self->import, import);
  g_clear_object (&self->items);
  gtk_list_view_set_model (self->list_view, NULL);

  start_work (self, TRUE);
}

/* ------------------------------------------------------------------ */
/* Rows                                                               */
/* ------------------------------------------------------------------ */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *icon = gtk_image_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  TreffImportItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  TreffImportState state = treff_import_item_get_state (item);
  g_autofree char *check_label = NULL;
  GBinding *binding;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), treff_import_item_get_summary (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), treff_import_item_get_message (item));

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), treff_import_state_to_icon_name (state));
  gtk_widget_set_tooltip_text (icon, treff_import_state_to_label (state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  treff_import_state_to_label (state), -1);
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "error");
  if (state == TREFF_IMPORT_STATE_CONFLICT || state == TREFF_IMPORT_STATE_OUTSIDE_HOURS)
    gtk_widget_add_css_class (icon, "warning");
  else if (state == TREFF_IMPORT_STATE_UNPARSEABLE)
    gtk_widget_add_css_class (icon, "error");

  /* Translators: the check box of an event, "Import “Yoga”" */
  check_label = g_strdup_printf (_("Import “%s”"), treff_import_item_get_summary (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  gtk_widget_set_sensitive (check, treff_import_item_is_importable (item));

  binding = g_object_bind_property (item, "selected", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

/* The main window's toast overlay, to say what was imported once this
 * dialog is gone. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;

  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *overlay = find_toast_overlay (child);

      if (overlay != NULL)
        return overlay;
    }

  return NULL;
}

static char *
describe_imported (TreffImportDialog *self,
                   guint              n)
{
  gint64 room_id;
  TreffImportTarget target = get_target (self, &room_id);

  switch (target)
    {
    case TREFF_IMPORT_TARGET_BOOKINGS:
      {
        g_autoptr(TreffRoom) room = treff_store_get_room (self->store, room_id, NULL);

        /* Translators: a toast, "Imported 12 events into Werkstatt" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u event into %s",
                                             "Imported %u events into %s", n),
                                n, room ? treff_room_get_name (room) : "");
      }
    case TREFF_IMPORT_TARGET_SCHOOL_HOLIDAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u school-holiday period",
                                           "Imported %u school-holiday periods", n),
                              n);
    case TREFF_IMPORT_TARGET_CLOSURES:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u closure period",
                                           "Imported %u closure periods", n),
                              n);
    }
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TreffImportDialog *self = TREFF_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToastOverlay *overlay;
  guint n_imported = 0;

  if (self->busy || self->import == NULL)
    return;

  if (!treff_ical_import_run (self->import, self->store, &n_imported, &error))
    {
      /* Nothing was saved; the preview is checked again, since the
       * database changed since it was made. */
      start_work (self, FALSE);
      treff_label_show_text (self->error_label, error->message);
      return;
    }

  message = describe_imported (self, n_imported);
  overlay = find_toast_overlay (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))));
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (message));

  g_signal_emit (self, signals[IMPORTED], 0, n_imported, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response (GtkNativeDialog   *chooser,
                     int                response,
                     TreffImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        treff_import_dialog_load_file (self, file);
    }

  g_clear_object (&self->chooser);
}

/**
 * treff_import_dialog_choose_file:
 *
 * Asks for the file with the platform's file chooser (the portal's in
 * Flatpak, which also grants access to the chosen file).
 */
void
treff_import_dialog_choose_file (TreffImportDialog *self)
{
  g_autoptr(GtkFileFilter) calendars = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (TREFF_IS_IMPORT_DIALOG (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Calendar File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (calendars, _("Calendar files (.ics)"));
  gtk_file_filter_add_mime_type (calendars, "text/calendar");
  gtk_file_filter_add_pattern (calendars, "*.ics");
  gtk_file_filter_add_pattern (calendars, "*.ICS");
  gtk_file_filter_add_pattern (calendars, "*.ical");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), calendars);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  treff_import_dialog_choose_file (TREFF_IMPORT_DIALOG (widget));
}

gboolean
treff_import_dialog_get_busy (TreffImportDialog *self)
{
  g_return_val_if_fail (TREFF_IS_IMPORT_DIALOG (self), FALSE);

  return self->busy;
}

/* ------------------------------------------------------------------ */
/* The class                                                          */
/* ------------------------------------------------------------------ */

static void
treff_import_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TreffImportDialog *self = TREFF_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_import_dialog_dispose (GObject *object)
{
  TreffImportDialog *self = TREFF_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), TREFF_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->items);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (treff_import_dialog_parent_class)->dispose (object);
}

static void
treff_import_dialog_finalize (GObject *object)
{
  TreffImportDialog *self = TREFF_IMPORT_DIALOG (object);

  g_clear_pointer (&self->room_ids, g_array_unref);

  G_OBJECT_CLASS (treff_import_dialog_parent_class)->finalize (object);
}

static void
treff_import_dialog_class_init (TreffImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = treff_import_dialog_get_property;
  object_class->dispose = treff_import_dialog_dispose;
  object_class->finalize = treff_import_dialog_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TreffImportDialog::imported:
   * @n_imported: how many events were imported
   * @message: what the toast says
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, problem_page);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, TreffImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
treff_import_dialog_init (TreffImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->room_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->settings = g_settings_new (APP_ID);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

TreffImportDialog *
treff_import_dialog_new (TreffStore *store)
{
  TreffImportDialog *self;

  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);

  self = g_object_new (TREFF_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  fill_targets (self);
  update_import_button (self);
  return self;
}
