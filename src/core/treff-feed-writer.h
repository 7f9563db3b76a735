/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-feed-writer.h — publishing the centre's calendar feeds into a folder */
#pragma once

#include "treff-feed.h"
#include "treff-store.h"

G_BEGIN_DECLS

/* The list of files Treffpunkt wrote into the folder, so it removes only
 * its own files when a room is renamed or deleted. */
#define TREFF_FEED_WRITER_MANIFEST ".treffpunkt-feeds"

/* Stable file names, the same in every language. */
#define TREFF_FEED_SLUG_PROGRAMME "programm"
#define TREFF_FEED_SLUG_INTERNAL  "intern"
#define TREFF_FEED_SLUG_ROOM_PREFIX "raum-"
#define TREFF_FEED_INDEX_FILE "index.html"

/* How far back feeds reach, unless told otherwise. */
#define TREFF_FEED_WRITER_DEFAULT_HISTORY_DAYS 365

#define TREFF_TYPE_FEED_WRITER (treff_feed_writer_get_type ())
G_DECLARE_FINAL_TYPE (TreffFeedWriter, treff_feed_writer, TREFF, FEED_WRITER, GObject)

TreffFeedWriter  *treff_feed_writer_new                  (const char       *folder);
const char       *treff_feed_writer_get_folder           (TreffFeedWriter  *self);
void              treff_feed_writer_set_centre_name      (TreffFeedWriter  *self,
                                                          const char       *name);
void              treff_feed_writer_set_centre_address   (TreffFeedWriter  *self,
                                                          const char       *address);
void              treff_feed_writer_set_base_url         (TreffFeedWriter  *self,
                                                          const char       *base_url);
void              treff_feed_writer_set_private_bookings (TreffFeedWriter  *self,
                                                          TreffFeedPrivacy  privacy);
void              treff_feed_writer_set_include_internal (TreffFeedWriter  *self,
                                                          gboolean          include);
void              treff_feed_writer_set_history_days     (TreffFeedWriter  *self,
                                                          guint             days);

GPtrArray        *treff_feed_writer_list_feeds           (TreffFeedWriter  *self,
                                                          TreffStore       *store,
                                                          GError          **error);
char             *treff_feed_writer_build_index          (TreffFeedWriter  *self,
                                                          GPtrArray        *feeds);
gboolean          treff_feed_writer_write                (TreffFeedWriter  *self,
                                                          TreffStore       *store,
                                                          GDateTime        *now,
                                                          GError          **error);

gboolean          treff_feed_writer_check_base_url       (const char       *base_url,
                                                          GError          **error);

G_END_DECLS
