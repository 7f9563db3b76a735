/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-gui-test-util.h — finding template children and waiting for GTK in the GUI tests */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       treff_test_wait_for_idle (void);
GtkWidget *treff_test_find_widget   (GtkWidget  *root,
                                     const char *id);
GtkWidget *treff_test_get_widget    (GtkWidget  *root,
                                     const char *id);

G_END_DECLS
