/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-example.h — the example centre that shows a newcomer a living app */
#pragma once

#include "treff-store.h"

G_BEGIN_DECLS

gboolean treff_example_fill (TreffStore  *store,
                             GError     **error);

G_END_DECLS
