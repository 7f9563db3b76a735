/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-closures-window.h — entering the centre's closure weeks and school holidays */
#pragma once

#include <adwaita.h>

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_CLOSURES_WINDOW (treff_closures_window_get_type ())
G_DECLARE_FINAL_TYPE (TreffClosuresWindow, treff_closures_window, TREFF, CLOSURES_WINDOW, AdwWindow)

TreffClosuresWindow *treff_closures_window_new (TreffStore *store);

G_END_DECLS
