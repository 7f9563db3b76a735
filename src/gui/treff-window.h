/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-window.h — the main window: welcome, the capability pages, problems */
#pragma once

#include <adwaita.h>

#include "treff-application.h"

G_BEGIN_DECLS

#define TREFF_TYPE_WINDOW (treff_window_get_type ())
G_DECLARE_FINAL_TYPE (TreffWindow, treff_window, TREFF, WINDOW, AdwApplicationWindow)

TreffWindow *treff_window_new       (TreffApplication *application,
                                     const char       *database_path);
TreffStore  *treff_window_get_store (TreffWindow      *self);

G_END_DECLS
