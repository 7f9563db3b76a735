/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-holidays.h — public holidays of North Rhine-Westphalia, computed */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        treff_holidays_easter_sunday (int          year,
                                          GDate       *easter);
const char *treff_holidays_nrw_name      (const GDate *day);

G_END_DECLS
