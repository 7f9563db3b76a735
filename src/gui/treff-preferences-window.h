/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-preferences-window.h — the centre's name and address, time zone, week plan range, calendar feeds */
#pragma once

#include <adwaita.h>

#include "treff-feed-publisher.h"

G_BEGIN_DECLS

#define TREFF_TYPE_PREFERENCES_WINDOW (treff_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TreffPreferencesWindow, treff_preferences_window, TREFF, PREFERENCES_WINDOW, AdwPreferencesWindow)

TreffPreferencesWindow *treff_preferences_window_new                (void);
void                    treff_preferences_window_set_feed_publisher (TreffPreferencesWindow *self,
                                                                     TreffFeedPublisher     *publisher);

G_END_DECLS
