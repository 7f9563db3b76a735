/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-feed-publisher.h — keeps the published calendar feeds up to date */
#pragma once

#include <gtk/gtk.h>

#include "treff-feed-writer.h"
#include "treff-store.h"

G_BEGIN_DECLS

/* How long after a change the feeds are written: several quick edits
 * become one publish. */
#define TREFF_FEED_PUBLISHER_DELAY_MS 3000

#define TREFF_TYPE_FEED_PUBLISHER (treff_feed_publisher_get_type ())
G_DECLARE_FINAL_TYPE (TreffFeedPublisher, treff_feed_publisher, TREFF, FEED_PUBLISHER, GObject)

TreffFeedPublisher *treff_feed_publisher_new                (const char          *database_path,
                                                             GSettings           *settings);
void                treff_feed_publisher_set_store          (TreffFeedPublisher  *self,
                                                             TreffStore          *store);
void                treff_feed_publisher_attach_window      (TreffFeedPublisher  *self,
                                                             GtkWindow           *window);
void                treff_feed_publisher_schedule           (TreffFeedPublisher  *self);
void                treff_feed_publisher_publish_now        (TreffFeedPublisher  *self);
gboolean            treff_feed_publisher_get_enabled        (TreffFeedPublisher  *self);
gboolean            treff_feed_publisher_get_busy           (TreffFeedPublisher  *self);
const char         *treff_feed_publisher_get_error_message  (TreffFeedPublisher  *self);
char               *treff_feed_publisher_dup_status         (TreffFeedPublisher  *self);

TreffFeedWriter    *treff_feed_publisher_new_writer         (GSettings           *settings,
                                                             const char          *folder);
gboolean            treff_feed_publisher_export             (GSettings           *settings,
                                                             const char          *database_path,
                                                             const char          *folder,
                                                             GError             **error);

G_END_DECLS
