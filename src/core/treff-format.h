/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-format.h — dates and times as the user's locale writes them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *treff_format_date            (GDateTime   *date);
char *treff_format_day             (const GDate *day);
char *treff_format_time            (GDateTime   *time);
char *treff_format_date_time       (GDateTime   *date_time);
char *treff_format_time_range      (GDateTime   *start,
                                    GDateTime   *end);
char *treff_format_date_time_range (GDateTime   *start,
                                    GDateTime   *end);
gboolean treff_parse_time          (const char  *text,
                                    guint       *hour,
                                    guint       *minute,
                                    GError     **error);

G_END_DECLS
