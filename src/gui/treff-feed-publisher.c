/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-feed-publisher.c — keeps the published calendar feeds up to date
 *
 * A few seconds after the store changes (or a feed setting does), the
 * feeds are written again in a GTask thread with its own connection to
 * the database: sqlite connections are never shared between threads. A
 * change during a publish leads to another one afterwards. The
 * application is held while a publish is due, so closing the window
 * right after an edit still publishes it. */
#define G_LOG_DOMAIN "treff-feed-publisher"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-feed-publisher.h"
#include "treff-format.h"
#include "treff-gui-util.h"
#include "treff-window.h"

struct _TreffFeedPublisher
{
  GObject          parent_instance;

  char            *database_path;
  GSettings       *settings;
  TreffStore      *store;          /* weak: the window owns it */
  GtkWindow       *window;         /* weak */
  GSimpleAction   *publish_action;
  GCancellable    *manifest_cancellable;

  guint            timeout_id;
  gboolean         running;
  gboolean         again;          /* changed while running */
  gboolean         holding;

  GDateTime       *last_published;
  char            *error_message;
};

G_DEFINE_FINAL_TYPE (TreffFeedPublisher, treff_feed_publisher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_publish (TreffFeedPublisher *self);

static char *
dup_folder (GSettings *settings)
{
  g_autofree char *folder = g_settings_get_string (settings, "publish-folder");

  g_strstrip (folder);
  return *folder != '\0' ? g_steal_pointer (&folder) : NULL;
}

/**
 * treff_feed_publisher_new_writer:
 * @settings: (nullable): the feed settings; %NULL: the defaults
 *
 * A writer for @folder configured from the feed settings, as the app and
 * `treffpunkt --export-feeds` use it.
 */
TreffFeedWriter *
treff_feed_publisher_new_writer (GSettings  *settings,
                                 const char *folder)
{
  g_autoptr(TreffFeedWriter) writer = NULL;
  g_autofree char *centre_name = NULL;
  g_autofree char *centre_address = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *private_bookings = NULL;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (settings == NULL)
    return treff_feed_writer_new (folder);

  centre_name = g_settings_get_string (settings, "centre-name");
  centre_address = g_settings_get_string (settings, "centre-address");
  base_url = g_settings_get_string (settings, "publish-base-url");
  private_bookings = g_settings_get_string (settings, "feed-private-bookings");

  writer = treff_feed_writer_new (folder);
  treff_feed_writer_set_centre_name (writer, centre_name);
  treff_feed_writer_set_centre_address (writer, centre_address);
  treff_feed_writer_set_base_url (writer, base_url);
  treff_feed_writer_set_private_bookings (writer, g_str_equal (private_bookings, "hide")
                                                  ? TREFF_FEED_PRIVACY_HIDE
                                                  : TREFF_FEED_PRIVACY_BUSY);
  treff_feed_writer_set_include_internal (writer, g_settings_get_boolean (settings, "publish-internal-feed"));

  return g_steal_pointer (&writer);
}

/**
 * treff_feed_publisher_export:
 * @settings: (nullable): the feed settings; %NULL: the app's, if its
 *   schema is installed, else the defaults
 *
 * Writes the feeds of the database at @database_path into @folder, with
 * the settings' feed options, without a display (`--export-feeds`).
 */
gboolean
treff_feed_publisher_export (GSettings   *settings,
                             const char  *database_path,
                             const char  *folder,
                             GError     **error)
{
  g_autoptr(TreffFeedWriter) writer = NULL;
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GSettings) app_settings = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (settings == NULL)
    settings = app_settings = treff_settings_new_if_installed ("publish-folder");

  store = treff_store_open (database_path, error);
  if (store == NULL)
    return FALSE;

  writer = treff_feed_publisher_new_writer (settings, folder);
  return treff_feed_writer_write (writer, store, now, error);
}

gboolean
treff_feed_publisher_get_enabled (TreffFeedPublisher *self)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (TREFF_IS_FEED_PUBLISHER (self), FALSE);

  folder = dup_folder (self->settings);
  return folder != NULL;
}

gboolean
treff_feed_publisher_get_busy (TreffFeedPublisher *self)
{
  g_return_val_if_fail (TREFF_IS_FEED_PUBLISHER (self), FALSE);

  return self->running;
}

const char *
treff_feed_publisher_get_error_message (TreffFeedPublisher *self)
{
  g_return_val_if_fail (TREFF_IS_FEED_PUBLISHER (self), NULL);

  return self->error_message;
}

/**
 * treff_feed_publisher_dup_status:
 *
 * One line for the preferences: "Last published: Mo, 23.11.2026 14:05",
 * or what went wrong.
 */
char *
treff_feed_publisher_dup_status (TreffFeedPublisher *self)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (TREFF_IS_FEED_PUBLISHER (self), NULL);

  if (!treff_feed_publisher_get_enabled (self))
    return g_strdup (_("Calendar feeds are not published. Choose a folder to publish them."));
  if (self->running)
    return g_strdup (_("Publishing…"));
  if (self->error_message != NULL)
    return g_strdup (self->error_message);
  if (self->last_published == NULL)
    return g_strdup (_("Not published yet."));

  local = g_date_time_to_local (self->last_published);
  date = treff_format_date (local);
  time = treff_format_time (local);
  /* Translators: "Last published: Mon, 11/23/2026 14:05" */
  return g_strdup_printf (_("Last published: %s %s"), date, time);
}

static void
notify_status (TreffFeedPublisher *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
update_hold (TreffFeedPublisher *self)
{
  GApplication *application = g_application_get_default ();
  gboolean hold = self->timeout_id != 0 || self->running;

  if (application == NULL || hold == self->holding)
    return;

  self->holding = hold;
  if (hold)
    g_application_hold (application);
  else
    g_application_release (application);
}

static void
set_error_message (TreffFeedPublisher *self,
                   const char         *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
}

static void
set_last_published (TreffFeedPublisher *self,
                    GDateTime          *when)
{
  g_clear_pointer (&self->last_published, g_date_time_unref);
  self->last_published = when ? g_date_time_ref (when) : NULL;
}

typedef struct
{
  char            *database_path;
  TreffFeedWriter *writer;
  GDateTime       *now;
} PublishJob;

static void
publish_job_free (PublishJob *job)
{
  g_free (job->database_path);
  g_clear_object (&job->writer);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job);
}

/* In the thread: its own connection, opened and closed here. */
static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishJob *job = task_data;
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = treff_store_open (job->database_path, &error);
  if (store == NULL || !treff_feed_writer_write (job->writer, store, job->now, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
publish_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TreffFeedPublisher *self = TREFF_FEED_PUBLISHER (object);
  PublishJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->running = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_error_message (self, NULL);
      set_last_published (self, job->now);
    }
  else
    {
      g_debug ("Publishing the calendar feeds failed: %s", error->message);
      set_error_message (self, error->message);
    }

  if (self->again)
    {
      self->again = FALSE;
      treff_feed_publisher_schedule (self);
    }

  update_hold (self);
  notify_status (self);
}

static void
start_publish (TreffFeedPublisher *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *folder = dup_folder (self->settings);
  PublishJob *job;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (folder == NULL)
    {
      update_hold (self);
      notify_status (self);
      return;
    }

  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  job = g_new0 (PublishJob, 1);
  job->database_path = g_strdup (self->database_path);
  job->writer = treff_feed_publisher_new_writer (self->settings, folder);
  job->now = g_date_time_new_now_utc ();

  self->running = TRUE;
  update_hold (self);
  notify_status (self);

  task = g_task_new (self, NULL, publish_done, NULL);
  g_task_set_source_tag (task, start_publish);
  g_task_set_task_data (task, job, (GDestroyNotify)publish_job_free);
  g_task_run_in_thread (task, publish_thread);
}

static gboolean
on_timeout (gpointer user_data)
{
  TreffFeedPublisher *self = user_data;

  self->timeout_id = 0;
  start_publish (self);
  return G_SOURCE_REMOVE;
}

/**
 * treff_feed_publisher_schedule:
 *
 * Publishes a few seconds from now; every further call within that time
 * moves the publish back, so a burst of edits is published once.
 */
void
treff_feed_publisher_schedule (TreffFeedPublisher *self)
{
  g_return_if_fail (TREFF_IS_FEED_PUBLISHER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!treff_feed_publisher_get_enabled (self))
    {
      update_hold (self);
      return;
    }

  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  self->timeout_id = g_timeout_add (TREFF_FEED_PUBLISHER_DELAY_MS, on_timeout, self);
  update_hold (self);
}

/* "Publish Now" and win.publish. */
void
treff_feed_publisher_publish_now (TreffFeedPublisher *self)
{
  g_return_if_fail (TREFF_IS_FEED_PUBLISHER (self));

  start_publish (self);
}

static void
on_store_changed (TreffFeedPublisher *self,
                  guint               topics,
                  TreffStore         *store)
{
  treff_feed_publisher_schedule (self);
}

static void on_store_finalized (gpointer  user_data,
                                GObject  *where_the_store_was);

/**
 * treff_feed_publisher_set_store:
 * @store: (nullable): the main thread's store, whose changes are published;
 *   not used for the writing itself
 */
void
treff_feed_publisher_set_store (TreffFeedPublisher *self,
                                TreffStore         *store)
{
  g_return_if_fail (TREFF_IS_FEED_PUBLISHER (self));
  g_return_if_fail (store == NULL || TREFF_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_object_weak_unref (G_OBJECT (self->store), on_store_finalized, self);
    }

  self->store = store;

  if (store != NULL)
    {
      g_object_weak_ref (G_OBJECT (store), on_store_finalized, self);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
      /* Whatever changed while nobody listened (another PC, a restored
       * backup, the last session's final edit) is published. */
      treff_feed_publisher_schedule (self);
    }
}

static gboolean
follow_window_store (gpointer user_data)
{
  TreffFeedPublisher *self = user_data;

  if (self->window != NULL && TREFF_IS_WINDOW (self->window))
    treff_feed_publisher_set_store (self, treff_window_get_store (TREFF_WINDOW (self->window)));

  return G_SOURCE_REMOVE;
}

/* The window replaces its store when a backup is restored. */
static void
on_store_finalized (gpointer  user_data,
                    GObject  *where_the_store_was)
{
  TreffFeedPublisher *self = user_data;

  self->store = NULL;
  if (self->window != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, follow_window_store,
                     g_object_ref (self), g_object_unref);
}

static void
publish_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  treff_feed_publisher_publish_now (TREFF_FEED_PUBLISHER (user_data));
}

/**
 * treff_feed_publisher_attach_window:
 *
 * Adds the "win.publish" action to @window and publishes the changes of
 * its store (a #TreffWindow's), also after the store is replaced.
 */
void
treff_feed_publisher_attach_window (TreffFeedPublisher *self,
                                    GtkWindow          *window)
{
  g_return_if_fail (TREFF_IS_FEED_PUBLISHER (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_set_weak_pointer (&self->window, window);

  if (G_IS_ACTION_MAP (window))
    g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (self->publish_action));

  follow_window_store (self);
}

static void
on_manifest_info (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TreffFeedPublisher) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, NULL);
  if (info != NULL)
    modified = g_file_info_get_modification_date_time (info);

  /* A publish that finished meanwhile knows better. */
  if (modified == NULL || self->last_published != NULL)
    return;

  set_last_published (self, modified);
  notify_status (self);
}

/* Every publish rewrites the manifest: its time is the last publish. The
 * folder may be a network share or the document portal's, so it is asked
 * without blocking the start. */
static void
update_from_manifest (TreffFeedPublisher *self)
{
  g_autofree char *folder = dup_folder (self->settings);
  g_autofree char *manifest = NULL;
  g_autoptr(GFile) file = NULL;

  g_cancellable_cancel (self->manifest_cancellable);
  g_clear_object (&self->manifest_cancellable);

  if (folder == NULL || self->last_published != NULL)
    return;

  manifest = g_build_filename (folder, TREFF_FEED_WRITER_MANIFEST, NULL);
  file = g_file_new_for_path (manifest);
  self->manifest_cancellable = g_cancellable_new ();
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->manifest_cancellable,
                           on_manifest_info, g_object_ref (self));
}

/* What the feeds depend on besides the store. */
static const char * const feed_keys[] = {
  "publish-folder", "publish-base-url", "feed-private-bookings",
  "publish-internal-feed", "centre-name", "centre-address",
};

static void
on_settings_changed (TreffFeedPublisher *self,
                     const char         *key,
                     GSettings          *settings)
{
  gboolean relevant = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (feed_keys); i++)
    relevant |= g_str_equal (key, feed_keys[i]);
  if (!relevant)
    return;

  if (g_str_equal (key, "publish-folder"))
    {
      /* Another folder: what was said about the old one no longer holds. */
      set_error_message (self, NULL);
      set_last_published (self, NULL);
      update_from_manifest (self);
      g_simple_action_set_enabled (self->publish_action, treff_feed_publisher_get_enabled (self));
    }

  treff_feed_publisher_schedule (self);
  notify_status (self);
}

static void
treff_feed_publisher_dispose (GObject *object)
{
  TreffFeedPublisher *self = TREFF_FEED_PUBLISHER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->manifest_cancellable);
  g_clear_object (&self->manifest_cancellable);
  update_hold (self);
  treff_feed_publisher_set_store (self, NULL);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (treff_feed_publisher_parent_class)->dispose (object);
}

static void
treff_feed_publisher_finalize (GObject *object)
{
  TreffFeedPublisher *self = TREFF_FEED_PUBLISHER (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->publish_action);
  g_clear_pointer (&self->last_published, g_date_time_unref);
  g_free (self->error_message);
  g_free (self->database_path);

  G_OBJECT_CLASS (treff_feed_publisher_parent_class)->finalize (object);
}

static void
treff_feed_publisher_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TreffFeedPublisher *self = TREFF_FEED_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_take_string (value, treff_feed_publisher_dup_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_feed_publisher_class_init (TreffFeedPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = treff_feed_publisher_dispose;
  object_class->finalize = treff_feed_publisher_finalize;
  object_class->get_property = treff_feed_publisher_get_property;

  /* What the preferences show: a change of anything it depends on
   * (folder, publishing, its outcome) is notified here. */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
treff_feed_publisher_init (TreffFeedPublisher *self)
{
  self->publish_action = g_simple_action_new ("publish", NULL);
  g_signal_connect_object (self->publish_action, "activate",
                           G_CALLBACK (publish_activated), self, 0);
}

/**
 * treff_feed_publisher_new:
 * @database_path: the database the feeds are written from; the thread
 *   opens its own connection to it
 * @settings: (nullable): the app's settings; %NULL for the default ones
 */
TreffFeedPublisher *
treff_feed_publisher_new (const char *database_path,
                          GSettings  *settings)
{
  TreffFeedPublisher *self;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TREFF_TYPE_FEED_PUBLISHER, NULL);
  self->database_path = g_strdup (database_path);
  self->settings = settings ? g_object_ref (settings) : g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  /* GSettings reports changes only of keys read since connecting. */
  for (guint i = 0; i < G_N_ELEMENTS (feed_keys); i++)
    g_variant_unref (g_settings_get_value (self->settings, feed_keys[i]));

  g_simple_action_set_enabled (self->publish_action, treff_feed_publisher_get_enabled (self));
  update_from_manifest (self);

  return self;
}
