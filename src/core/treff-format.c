/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-format.c — dates and times as the user's locale writes them
 *
 * The formats are translatable strings, as in GNOME Calendar, because the
 * C library's %x does not give the German "Mo, 23.11.2026". */
#define G_LOG_DOMAIN "treff-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-format.h"

/* "Mon, 11/23/2026" in English, "Mo, 23.11.2026" in German */
char *
treff_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a date as in "Mon, 11/23/2026", in g_date_time_format () syntax */
  return g_date_time_format (date, C_("date format", "%a, %-m/%-d/%Y"));
}
