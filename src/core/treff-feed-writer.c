/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-feed-writer.c — publishing the centre's calendar feeds into a folder
 *
 * The folder is typically synchronised (Nextcloud) or served by a web
 * server, and read by calendar apps at any moment. So every file is
 * replaced atomically (a temporary file in the same folder, fsync,
 * rename): a subscriber sees the old feed or the new one, never half a
 * file. Files whose content did not change (apart from DTSTAMP) are left
 * alone, so a synchronising client does not upload them again. A manifest
 * lists what Treffpunkt wrote, so feeds of renamed or deleted rooms are
 * removed and nothing else in the folder is ever touched. */
#define G_LOG_DOMAIN "treff-feed"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "treff-error.h"
#include "treff-feed-private.h"
#include "treff-feed-writer.h"

struct _TreffFeedWriter
{
  GObject           parent_instance;

  char             *folder;
  char             *centre_name;
  char             *centre_address;
  char             *base_url;
  TreffFeedPrivacy  private_bookings;
  gboolean          include_internal;
  guint             history_days;
};

G_DEFINE_FINAL_TYPE (TreffFeedWriter, treff_feed_writer, G_TYPE_OBJECT)

static void
treff_feed_writer_finalize (GObject *object)
{
  TreffFeedWriter *self = TREFF_FEED_WRITER (object);

  g_free (self->folder);
  g_free (self->centre_name);
  g_free (self->centre_address);
  g_free (self->base_url);

  G_OBJECT_CLASS (treff_feed_writer_parent_class)->finalize (object);
}

static void
treff_feed_writer_class_init (TreffFeedWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = treff_feed_writer_finalize;
}

static void
treff_feed_writer_init (TreffFeedWriter *self)
{
  self->private_bookings = TREFF_FEED_PRIVACY_BUSY;
  self->history_days = TREFF_FEED_WRITER_DEFAULT_HISTORY_DAYS;
}

TreffFeedWriter *
treff_feed_writer_new (const char *folder)
{
  TreffFeedWriter *self;

  g_return_val_if_fail (folder != NULL && *folder != '\0', NULL);

  self = g_object_new (TREFF_TYPE_FEED_WRITER, NULL);
  self->folder = g_strdup (folder);

  return self;
}

const char *
treff_feed_writer_get_folder (TreffFeedWriter *self)
{
  g_return_val_if_fail (TREFF_IS_FEED_WRITER (self), NULL);

  return self->folder;
}

static void
set_text (char       **field,
          const char  *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_free (*field);
  *field = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/* Shown in the feeds' names and on the index page. */
void
treff_feed_writer_set_centre_name (TreffFeedWriter *self,
                                   const char      *name)
{
  g_return_if_fail (TREFF_IS_FEED_WRITER (self));

  set_text (&self->centre_name, name);
}

void
treff_feed_writer_set_centre_address (TreffFeedWriter *self,
                                      const char      *address)
{
  g_return_if_fail (TREFF_IS_FEED_WRITER (self));

  set_text (&self->centre_address, address);
}

/**
 * treff_feed_writer_set_base_url:
 * @base_url: (nullable): where the folder can be reached on the web,
 *   "https://example.org/kalender"; the index page then has webcal:// links
 */
void
treff_feed_writer_set_base_url (TreffFeedWriter *self,
                                const char      *base_url)
{
  g_return_if_fail (TREFF_IS_FEED_WRITER (self));

  set_text (&self->base_url, base_url);
  if (self->base_url != NULL && !treff_feed_writer_check_base_url (self->base_url, NULL))
    g_clear_pointer (&self->base_url, g_free);

  while (self->base_url != NULL && g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
}

/**
 * treff_feed_writer_set_private_bookings:
 * @privacy: %TREFF_FEED_PRIVACY_BUSY or %TREFF_FEED_PRIVACY_HIDE: how the
 *   public programme shows private bookings. Room feeds always show them
 *   as "Booked": a room must not look free when it is not.
 */
void
treff_feed_writer_set_private_bookings (TreffFeedWriter  *self,
                                        TreffFeedPrivacy  privacy)
{
  g_return_if_fail (TREFF_IS_FEED_WRITER (self));
  g_return_if_fail (privacy == TREFF_FEED_PRIVACY_BUSY || privacy == TREFF_FEED_PRIVACY_HIDE);

  self->private_bookings = privacy;
}

/* The internal feed names organisers and their phone numbers: written
 * only when asked for, because the folder may be shared. */
void
treff_feed_writer_set_include_internal (TreffFeedWriter *self,
                                        gboolean         include)
{
  g_return_if_fail (TREFF_IS_FEED_WRITER (self));

  self->include_internal = !!include;
}

/* Bookings whose dates all ended longer ago than this are left out. */
void
treff_feed_writer_set_history_days (TreffFeedWriter *self,
                                    guint            days)
{
  g_return_if_fail (TREFF_IS_FEED_WRITER (self));

  self->history_days = days;
}

/**
 * treff_feed_writer_check_base_url:
 *
 * Fails with a sentence for the user unless @base_url is empty or an
 * http(s) address that calendar apps can subscribe to.
 */
gboolean
treff_feed_writer_check_base_url (const char  *base_url,
                                  GError     **error)
{
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;

  if (base_url == NULL || *base_url == '\0')
    return TRUE;

  if (g_uri_split_network (base_url, G_URI_FLAGS_NONE, &scheme, &host, NULL, NULL) &&
      (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
      host != NULL && *host != '\0')
    return TRUE;

  g_set_error (error, TREFF_ERROR, TREFF_ERROR_INVALID,
               _("“%s” is not a web address. Enter the address at which the folder can be "
                 "opened in a web browser, such as “https://example.org/kalender”."),
               base_url);
  return FALSE;
}

static char *
dup_feed_name (TreffFeedWriter *self,
               const char      *name)
{
  if (self->centre_name == NULL)
    return g_strdup (name);

  /* Translators: the name of a subscribed calendar: "Gruppenraum – Mütterzentrum Dortmund" */
  return g_strdup_printf (C_("feed name", "%s – %s"), name, self->centre_name);
}

/* The page names the centre once, in its heading: the entries without
 * the centre's name that the calendar names carry. */
static char *
dup_short_name (TreffFeedWriter *self,
                TreffFeed       *feed)
{
  const char *name = treff_feed_get_display_name (feed);

  if (self->centre_name != NULL)
    {
      g_autofree char *with_centre = dup_feed_name (self, "");

      if (g_str_has_suffix (name, with_centre) && strlen (name) > strlen (with_centre))
        return g_strndup (name, strlen (name) - strlen (with_centre));
    }

  return g_strdup (name);
}

static int
compare_feeds_by_name (gconstpointer a,
                       gconstpointer b)
{
  return g_utf8_collate (treff_feed_get_display_name (*(TreffFeed **)a),
                         treff_feed_get_display_name (*(TreffFeed **)b));
}

static int
compare_rooms_by_id (gconstpointer a,
                     gconstpointer b)
{
  gint64 id_a = treff_room_get_id (*(TreffRoom **)a);
  gint64 id_b = treff_room_get_id (*(TreffRoom **)b);

  return (id_a > id_b) - (id_a < id_b);
}

/**
 * treff_feed_writer_list_feeds:
 *
 * The feeds this writer publishes: the public programme, one feed per
 * bookable room in use, and the internal feed if enabled. Room feeds are named
 * after the room ("raum-gruppenraum"); if two names give the same file
 * name, the later room's id is added.
 *
 * Returns: (transfer full) (element-type TreffFeed):
 */
GPtrArray *
treff_feed_writer_list_feeds (TreffFeedWriter  *self,
                              TreffStore       *store,
                              GError          **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) room_feeds = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GHashTable) slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *programme_name = NULL;

  g_return_val_if_fail (TREFF_IS_FEED_WRITER (self), NULL);
  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);

  rooms = treff_store_list_rooms (store, FALSE, error);
  if (rooms == NULL)
    return NULL;

  /* Translators: the calendar of all public events of the centre */
  programme_name = dup_feed_name (self, _("Programme"));
  g_ptr_array_add (feeds, treff_feed_new (TREFF_FEED_SLUG_PROGRAMME, programme_name,
                                          TREFF_FEED_FILTER_ALL, self->private_bookings));
  g_hash_table_add (slugs, g_strdup (TREFF_FEED_SLUG_PROGRAMME));
  g_hash_table_add (slugs, g_strdup (TREFF_FEED_SLUG_INTERNAL));

  /* The oldest room keeps the plain name when two names collide. */
  g_ptr_array_sort (rooms, compare_rooms_by_id);
  for (guint i = 0; i < rooms->len; i++)
    {
      TreffRoom *room = g_ptr_array_index (rooms, i);
      g_autofree char *name_slug = NULL;
      g_autofree char *slug = NULL;
      g_autofree char *display_name = NULL;

      /* The office is not booked: its calendar would stay empty. */
      if (!treff_room_get_bookable (room))
        continue;

      name_slug = treff_feed_slugify (treff_room_get_name (room));
      if (*name_slug == '\0')
        slug = g_strdup_printf (TREFF_FEED_SLUG_ROOM_PREFIX "%" G_GINT64_FORMAT, treff_room_get_id (room));
      else
        slug = g_strconcat (TREFF_FEED_SLUG_ROOM_PREFIX, name_slug, NULL);

      if (g_hash_table_contains (slugs, slug))
        {
          char *unique = g_strdup_printf ("%s-%" G_GINT64_FORMAT, slug, treff_room_get_id (room));

          g_free (slug);
          slug = unique;
        }
      g_hash_table_add (slugs, g_strdup (slug));

      display_name = dup_feed_name (self, treff_room_get_name (room));
      g_ptr_array_add (room_feeds, treff_feed_new_for_room (treff_room_get_id (room), slug, display_name,
                                                            TREFF_FEED_PRIVACY_BUSY));
    }

  /* Listed by name, as the rooms page lists them. */
  g_ptr_array_sort (room_feeds, compare_feeds_by_name);
  g_ptr_array_extend_and_steal (feeds, g_steal_pointer (&room_feeds));

  if (self->include_internal)
    {
      /* Translators: the calendar with every booking, organisers and phone numbers */
      g_autofree char *internal_name = dup_feed_name (self, _("All Bookings (Internal)"));

      g_ptr_array_add (feeds, treff_feed_new (TREFF_FEED_SLUG_INTERNAL, internal_name,
                                              TREFF_FEED_FILTER_ALL, TREFF_FEED_PRIVACY_INTERNAL));
    }

  return g_steal_pointer (&feeds);
}

static char *
dup_webcal_url (const char *https_url)
{
  const char *colon = strstr (https_url, "://");

  if (colon == NULL)
    return g_strdup (https_url);

  return g_strconcat ("webcal", colon, NULL);
}

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

static const char index_style[] =
  "body{margin:0;background:#f6f5f4;color:#241f31;"
  "font:16px/1.5 Cantarell,'Noto Sans',system-ui,sans-serif}"
  "main{max-width:40rem;margin:0 auto;padding:2rem 1rem}"
  "h1{font-size:1.6rem;margin:0 0 .5rem}"
  "h2{font-size:1.15rem;margin:2rem 0 0}"
  "ul{list-style:none;padding:0;margin:1.5rem 0}"
  "li{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12);"
  "padding:.9rem 1rem;margin:.6rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;"
  "align-items:center;justify-content:space-between}"
  ".name{font-weight:bold}"
  ".links{display:flex;gap:.5rem;flex-wrap:wrap}"
  "a{color:#1c71d8}"
  "a.button{background:#3584e4;color:#fff;border-radius:6px;padding:.3rem .8rem;"
  "text-decoration:none;font-weight:bold}"
  "code{word-break:break-all;font-size:.9rem}"
  ".help{color:#5e5c64;font-size:.95rem}"
  "@media (prefers-color-scheme:dark){body{background:#242424;color:#fff}"
  "li{background:#383838}a{color:#78aeed}.help{color:#c0bfbc}}";

/**
 * treff_feed_writer_build_index:
 * @feeds: (element-type TreffFeed): the feeds to list; the internal feed
 *   is never listed (the page is public)
 *
 * An HTML page that lists the feeds with links to subscribe to them. It
 * contains the names of the centre and its rooms, and nothing personal.
 *
 * Returns: (transfer full): the page's HTML
 */
char *
treff_feed_writer_build_index (TreffFeedWriter *self,
                               GPtrArray       *feeds)
{
  g_autoptr(GString) html = g_string_sized_new (4096);
  const char *title;
  g_autofree char *heading = NULL;
  gboolean in_list = FALSE;
  gboolean in_rooms = FALSE;

  g_return_val_if_fail (TREFF_IS_FEED_WRITER (self), NULL);
  g_return_val_if_fail (feeds != NULL, NULL);

  if (self->centre_name != NULL)
    /* Translators: the heading of the published index page: "Calendars of Mütterzentrum Dortmund" */
    heading = g_strdup_printf (_("Calendars of %s"), self->centre_name);
  title = heading != NULL ? heading : _("Calendars");

  g_string_append (html, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language code of the published index page, such as "de" */
  append_escaped (html, C_("html lang", "en"));
  g_string_append (html, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"generator\" content=\"Treffpunkt\">\n<title>");
  append_escaped (html, title);
  g_string_append (html, "</title>\n<style>");
  g_string_append (html, index_style);
  g_string_append (html, "</style>\n</head>\n<body>\n<main>\n<h1>");
  append_escaped (html, title);
  g_string_append (html, "</h1>\n<p>");
  append_escaped (html, _("Subscribe to these calendars on your phone or computer: "
                          "they update themselves when the plan changes."));
  g_string_append (html, "</p>\n");

  for (guint i = 0; i < feeds->len; i++)
    {
      TreffFeed *feed = g_ptr_array_index (feeds, i);
      TreffFeedFilter filter = treff_feed_get_filter (feed);
      g_autofree char *file_name = NULL;
      g_autofree char *name = NULL;

      if (treff_feed_get_privacy (feed) == TREFF_FEED_PRIVACY_INTERNAL)
        continue;

      /* A heading before the first room. */
      if (filter == TREFF_FEED_FILTER_ROOM && !in_rooms)
        {
          if (in_list)
            g_string_append (html, "</ul>\n");
          g_string_append (html, "<h2>");
          append_escaped (html, _("Rooms"));
          g_string_append (html, "</h2>\n<ul>\n");
          in_rooms = in_list = TRUE;
        }
      else if (!in_list)
        {
          g_string_append (html, "<ul>\n");
          in_list = TRUE;
        }

      file_name = treff_feed_dup_file_name (feed);
      name = dup_short_name (self, feed);
      g_string_append (html, "<li><span class=\"name\">");
      append_escaped (html, name);
      g_string_append (html, "</span><span class=\"links\">");

      if (self->base_url != NULL)
        {
          g_autofree char *url = g_strconcat (self->base_url, "/", file_name, NULL);
          g_autofree char *webcal = dup_webcal_url (url);

          g_string_append (html, "<a class=\"button\" href=\"");
          append_escaped (html, webcal);
          g_string_append (html, "\">");
          append_escaped (html, _("Subscribe"));
          g_string_append (html, "</a><a href=\"");
          append_escaped (html, url);
          g_string_append (html, "\">");
          append_escaped (html, _("Address"));
          g_string_append (html, "</a>");
        }
      else
        {
          g_string_append (html, "<a href=\"");
          append_escaped (html, file_name);
          g_string_append (html, "\"><code>");
          append_escaped (html, file_name);
          g_string_append (html, "</code></a>");
        }

      g_string_append (html, "</span></li>\n");
    }

  if (in_list)
    g_string_append (html, "</ul>\n");
  g_string_append (html, "<p class=\"help\">");
  if (self->base_url != NULL)
    append_escaped (html, _("“Subscribe” opens your calendar app. If nothing happens, copy the "
                            "link “Address” and add it in your calendar app as a new calendar "
                            "subscription (“Add calendar from URL”)."));
  else
    append_escaped (html, _("To subscribe, copy the link of a calendar (right-click it and choose "
                            "“Copy Link”) and add it in your calendar app as a new calendar "
                            "subscription (“Add calendar from URL”). Downloading the file "
                            "instead gives a copy that does not update."));
  g_string_append (html, "</p>\n</main>\n</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&html), FALSE);
}

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
               _("The calendar feeds could not be written to “%s”: %s."),
               display, g_strerror (saved_errno));
}

/* A temporary file next to the target, written, synced and renamed over it. */
static gboolean
write_atomically (const char  *folder,
                  const char  *name,
                  const char  *contents,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *template = NULL;
  gsize written = 0;
  int fd;

  template = g_strdup_printf ("%s%s.%s.XXXXXX", folder, G_DIR_SEPARATOR_S, name);
  fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      return FALSE;
    }

  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (template);
          set_io_error (error, saved_errno, path);
          return FALSE;
        }
      written += (gsize)n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (template);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }

  if (g_rename (template, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (template);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }

  return TRUE;
}

/* DTSTAMP says when the file was made; only a change of anything else is
 * worth a new file. */
static gboolean
same_but_stamps (const char *a,
                 const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      const char *end_a = strchr (a, '\n');
      const char *end_b = strchr (b, '\n');
      gsize len_a = end_a ? (gsize)(end_a - a + 1) : strlen (a);
      gsize len_b = end_b ? (gsize)(end_b - b + 1) : strlen (b);
      gboolean stamp_a = g_str_has_prefix (a, "DTSTAMP:");
      gboolean stamp_b = g_str_has_prefix (b, "DTSTAMP:");

      if (stamp_a != stamp_b)
        return FALSE;
      if (!stamp_a && (len_a != len_b || memcmp (a, b, len_a) != 0))
        return FALSE;

      a += len_a;
      b += len_b;
    }

  return *a == '\0' && *b == '\0';
}

static gboolean
write_if_changed (const char  *folder,
                  const char  *name,
                  const char  *contents,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *existing = NULL;

  if (g_file_get_contents (path, &existing, NULL, NULL) && same_but_stamps (existing, contents))
    return TRUE;

  return write_atomically (folder, name, contents, strlen (contents), error);
}

/* Only plain names of files Treffpunkt writes: a manifest edited by hand
 * can never make it delete anything else. */
static gboolean
is_own_file_name (const char *name)
{
  return *name != '\0' && *name != '.' &&
         strchr (name, '/') == NULL && strchr (name, '\\') == NULL &&
         (g_str_has_suffix (name, ".ics") || g_str_equal (name, TREFF_FEED_INDEX_FILE));
}

static GPtrArray *
read_manifest (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, TREFF_FEED_WRITER_MANIFEST, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return names;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '#' && is_own_file_name (lines[i]))
        g_ptr_array_add (names, g_strdup (lines[i]));
    }

  return names;
}

static gboolean
write_manifest (const char  *folder,
                GPtrArray   *names,
                GError     **error)
{
  g_autoptr(GString) text = g_string_new ("# Files written by Treffpunkt. It removes the ones it no longer "
                                          "needs and leaves everything else alone.\n");

  for (guint i = 0; i < names->len; i++)
    {
      g_string_append (text, g_ptr_array_index (names, i));
      g_string_append_c (text, '\n');
    }

  return write_atomically (folder, TREFF_FEED_WRITER_MANIFEST, text->str, text->len, error);
}

static gboolean
contains_name (GPtrArray  *names,
               const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

/* The renames are durable only once the folder itself is synced. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * treff_feed_writer_write:
 * @now: the feeds' DTSTAMP, and where their history ends
 *
 * Writes every feed and the index page into the folder, and removes the
 * feeds it wrote before that are no longer published (renamed or deleted
 * rooms, the internal feed once switched off).
 */
gboolean
treff_feed_writer_write (TreffFeedWriter  *self,
                         TreffStore       *store,
                         GDateTime        *now,
                         GError          **error)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) old_names = NULL;
  g_autoptr(GPtrArray) all_names = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(TreffFeedData) data = NULL;
  TreffFeedOptions options = { 0 };

  g_return_val_if_fail (TREFF_IS_FEED_WRITER (self), FALSE);
  g_return_val_if_fail (TREFF_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  /* An unmounted network folder must not turn into a local one. */
  if (!g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (self->folder);

      g_set_error (error, TREFF_ERROR, TREFF_ERROR_IO,
                   _("The folder “%s” for calendar feeds does not exist. "
                     "Connect the drive it is on, or choose another folder."),
                   display);
      return FALSE;
    }

  feeds = treff_feed_writer_list_feeds (self, store, error);
  if (feeds == NULL)
    return FALSE;

  since = g_date_time_add_days (now, -(int)self->history_days);
  options.centre_address = self->centre_address;
  options.stamp = now;
  options.since = since;

  /* One reading of the store for all feeds (they show rooms and the
   * whole house, never an owner's bookings), and everything is built
   * before anything is written. */
  data = treff_feed_load_data (NULL, store, &options, error);
  if (data == NULL)
    return FALSE;

  for (guint i = 0; i < feeds->len; i++)
    {
      TreffFeed *feed = g_ptr_array_index (feeds, i);
      char *text = treff_feed_build_from_data (feed, data, &options, error);

      if (text == NULL)
        return FALSE;

      g_ptr_array_add (texts, text);
      g_ptr_array_add (names, treff_feed_dup_file_name (feed));
    }
  g_ptr_array_add (texts, treff_feed_writer_build_index (self, feeds));
  g_ptr_array_add (names, g_strdup (TREFF_FEED_INDEX_FILE));

  /* Old and new names first: whatever happens next, every file
   * Treffpunkt wrote is listed. */
  old_names = read_manifest (self->folder);
  all_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < old_names->len; i++)
    g_ptr_array_add (all_names, g_strdup (g_ptr_array_index (old_names, i)));
  for (guint i = 0; i < names->len; i++)
    if (!contains_name (all_names, g_ptr_array_index (names, i)))
      g_ptr_array_add (all_names, g_strdup (g_ptr_array_index (names, i)));

  if (!write_manifest (self->folder, all_names, error))
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      if (!write_if_changed (self->folder, g_ptr_array_index (names, i),
                             g_ptr_array_index (texts, i), error))
        return FALSE;
    }

  for (guint i = 0; i < old_names->len; i++)
    {
      const char *name = g_ptr_array_index (old_names, i);
      g_autofree char *path = NULL;

      if (contains_name (names, name))
        continue;

      path = g_build_filename (self->folder, name, NULL);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          set_io_error (error, errno, path);
          return FALSE;
        }
    }

  if (!write_manifest (self->folder, names, error))
    return FALSE;

  sync_folder (self->folder);
  return TRUE;
}
