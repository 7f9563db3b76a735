/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-feed-private.h — what the store hands the feed builder (treff-store-feeds.c)
 *
 * Plain structs, not GObjects: a feed of thousands of events is built in
 * milliseconds. Every string lives in the data's string chunk. */
#pragma once

#include "treff-booking.h"
#include "treff-feed.h"
#include "treff-store.h"

G_BEGIN_DECLS

/* Which bookings to load; see TreffFeedFilter. */
typedef struct
{
  gboolean    public_only;
  gint64      room_id;      /* 0: every room */
  const char *owner_kind;   /* NULL: any owner */
  gint64      owner_id;
  gboolean    has_since;
  gint64      since_utc;    /* with has_since: only bookings with a date ending after it */
} TreffFeedQuery;

/* One stored date of a booking. */
typedef struct
{
  const char *original_start;  /* the series slot, local wall-clock text "2026-11-23T18:00:00" */
  gint64      start_utc;
  gint64      end_utc;
  gint64      room_id;
  const char *title;           /* the date's own title, or NULL */
  guint       cancelled : 1;
  guint       moved : 1;       /* has its own times */
} TreffFeedDate;

typedef struct
{
  gint64              id;
  gint64              room_id;
  const char         *title;
  TreffBookingKind    kind;
  TreffBookingStatus  status;
  const char         *organiser;
  const char         *phone;
  const char         *email;
  const char         *notes;
  const char         *starts;    /* local wall-clock text of the first date */
  const char         *ends;
  const char         *rrule;     /* "" for a single date; UNTIL is floating local time */
  const char         *created;   /* "2026-11-23T14:05:00Z" */
  const char         *modified;
  guint               sequence;
  guint               all_day : 1;
  guint               is_public : 1;
  guint               pauses : 1;    /* in school holidays */
  guint               first_date;  /* index into TreffFeedData.dates */
  guint               n_dates;
} TreffFeedBooking;

typedef struct
{
  char         *centre_uid;
  char         *time_zone;   /* the store's zone identifier, "Europe/Berlin" */
  GTimeZone    *zone;
  GArray       *bookings;    /* of TreffFeedBooking, by id */
  GArray       *dates;       /* of TreffFeedDate, by booking and original start */
  GHashTable   *room_names;  /* gint64 * → const char * */
  GStringChunk *strings;
} TreffFeedData;

TreffFeedData *treff_store_load_feed_data (TreffStore           *store,
                                           const TreffFeedQuery *query,
                                           GError              **error);
void           treff_feed_data_free       (TreffFeedData        *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TreffFeedData, treff_feed_data_free)

/* treff-feed.c: one reading of the store for the feeds published together */
TreffFeedData *treff_feed_load_data       (TreffFeed               *self,
                                           TreffStore              *store,
                                           const TreffFeedOptions  *options,
                                           GError                 **error);
char          *treff_feed_build_from_data (TreffFeed               *self,
                                           TreffFeedData           *data,
                                           const TreffFeedOptions  *options,
                                           GError                 **error);

G_END_DECLS
