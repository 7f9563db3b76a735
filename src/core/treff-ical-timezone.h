/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-ical-timezone.h — short VTIMEZONEs with plain TZIDs such as "Europe/Berlin" */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *treff_ical_timezone_dup_vtimezone (const char  *tzid,
                                             int          from_year,
                                             GError     **error);
gboolean  treff_ical_timezone_is_utc        (const char  *tzid);

G_END_DECLS
