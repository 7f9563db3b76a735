/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-accessible.h — accessible names where GTK does not set them itself */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void treff_accessible_label_entry_row  (AdwEntryRow    *row);
void treff_accessible_label_inner_button (GtkWidget *wrapper,
                                          const char *label);

G_END_DECLS
