/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-welcome-page.h — what a new, empty centre sees first */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TREFF_TYPE_WELCOME_PAGE (treff_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (TreffWelcomePage, treff_welcome_page, TREFF, WELCOME_PAGE, GtkWidget)

G_END_DECLS
