/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-util.h — the database, rooms and timing that the benchmarks share */
#pragma once

#include "treff-store.h"

G_BEGIN_DECLS

/* Fills a new database: @room_ids are those of the rooms already added. */
typedef gboolean (*BenchFillFunc) (TreffStore    *store,
                                   const gint64  *room_ids,
                                   GError       **error);

TreffStore *bench_open_store (const char     *folder,
                              const char     *file_name,
                              guint           n_rooms,
                              BenchFillFunc   fill);
void        bench_record     (GArray         *times,
                              gint64          started);
double      bench_median_ms  (GArray         *times);

G_END_DECLS
