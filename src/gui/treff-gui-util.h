/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-gui-util.h — small helpers that the dialogs and pages share */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  treff_label_show_text       (GtkLabel    *label,
                                   const char  *text);
void  treff_widget_set_error      (GtkWidget   *widget,
                                   gboolean     error);
char *treff_text_view_dup_text    (GtkTextView *view);
void  treff_calendar_select_date  (GtkCalendar *calendar,
                                   const GDate *date);

GSettings *treff_settings_new_if_installed (const char *key);

G_END_DECLS
