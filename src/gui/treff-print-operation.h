/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-print-operation.h — printing the week plan through GTK's print dialog */
#pragma once

#include <gtk/gtk.h>

#include "treff-store.h"

G_BEGIN_DECLS

char *treff_print_dup_centre_name (void);
void  treff_print_week            (GtkWindow   *parent,
                                   TreffStore  *store,
                                   const GDate *monday,
                                   gboolean     internal);

G_END_DECLS
