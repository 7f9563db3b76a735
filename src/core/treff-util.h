/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-util.h — small helpers that the domain objects and widgets share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean treff_set_string             (char       **field,
                                       const char  *value);
gboolean treff_set_stripped_string    (char       **field,
                                       const char  *value);
gboolean treff_date_time_is_midnight  (GDateTime   *date_time);
void     treff_date_from_date_time    (GDate       *date,
                                       GDateTime   *date_time);

G_END_DECLS
