/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-format.h — dates and times as the user's locale writes them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *treff_format_date (GDateTime *date);

G_END_DECLS
