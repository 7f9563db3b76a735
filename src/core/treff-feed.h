/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-feed.h — what goes into one iCalendar feed, and the feed built from the store */
#pragma once

#include <glib-object.h>

#include "treff-store.h"

G_BEGIN_DECLS

/* Which bookings a feed shows. */
typedef enum
{
  TREFF_FEED_FILTER_ALL,     /* every booking of the house */
  TREFF_FEED_FILTER_ROOM,    /* the dates that take place in one room */
  TREFF_FEED_FILTER_PUBLIC,  /* public bookings only */
  TREFF_FEED_FILTER_OWNER,   /* the bookings of one course, shift, … (owner kind and id) */
} TreffFeedFilter;

/* What a feed shows of each booking. */
typedef enum
{
  TREFF_FEED_PRIVACY_INTERNAL,  /* titles, organisers and contacts: for the house's staff */
  TREFF_FEED_PRIVACY_BUSY,      /* public-safe: private bookings as "Booked", no names */
  TREFF_FEED_PRIVACY_HIDE,      /* public-safe: private bookings left out */
} TreffFeedPrivacy;

#define TREFF_TYPE_FEED_FILTER (treff_feed_filter_get_type ())
GType treff_feed_filter_get_type (void) G_GNUC_CONST;

#define TREFF_TYPE_FEED_PRIVACY (treff_feed_privacy_get_type ())
GType treff_feed_privacy_get_type (void) G_GNUC_CONST;

/* What the building of a feed needs besides the feed's description. */
typedef struct
{
  const char *centre_address;  /* added to each LOCATION after the room; may be NULL */
  GDateTime  *stamp;           /* the DTSTAMP of every event; NULL: now */
  GDateTime  *since;           /* leave out bookings whose dates all ended before; NULL: none */
} TreffFeedOptions;

#define TREFF_TYPE_FEED (treff_feed_get_type ())
G_DECLARE_FINAL_TYPE (TreffFeed, treff_feed, TREFF, FEED, GObject)

TreffFeed        *treff_feed_new                (const char             *slug,
                                                 const char             *display_name,
                                                 TreffFeedFilter         filter,
                                                 TreffFeedPrivacy        privacy);
TreffFeed        *treff_feed_new_for_room       (gint64                  room_id,
                                                 const char             *slug,
                                                 const char             *display_name,
                                                 TreffFeedPrivacy        privacy);
TreffFeed        *treff_feed_new_for_owner      (const char             *owner_kind,
                                                 gint64                  owner_id,
                                                 const char             *slug,
                                                 const char             *display_name,
                                                 TreffFeedPrivacy        privacy);

const char       *treff_feed_get_slug           (TreffFeed              *self);
const char       *treff_feed_get_display_name   (TreffFeed              *self);
TreffFeedFilter   treff_feed_get_filter         (TreffFeed              *self);
TreffFeedPrivacy  treff_feed_get_privacy        (TreffFeed              *self);
gint64            treff_feed_get_room_id        (TreffFeed              *self);
const char       *treff_feed_get_owner_kind     (TreffFeed              *self);
gint64            treff_feed_get_owner_id       (TreffFeed              *self);
char             *treff_feed_dup_file_name      (TreffFeed              *self);

char             *treff_feed_build              (TreffFeed              *self,
                                                 TreffStore             *store,
                                                 const TreffFeedOptions *options,
                                                 GError                **error);

char             *treff_feed_slugify            (const char             *text);

G_END_DECLS
