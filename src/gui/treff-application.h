/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-application.h — the application: command line, store, windows */
#pragma once

#include <adwaita.h>

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_APPLICATION (treff_application_get_type ())
G_DECLARE_FINAL_TYPE (TreffApplication, treff_application, TREFF, APPLICATION, AdwApplication)

TreffApplication *treff_application_new (void);

G_END_DECLS
