/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-util.c — the database, rooms and timing that the benchmarks share */
#include "config.h"

#include "bench-util.h"

typedef struct
{
  TreffStore    *store;
  guint          n_rooms;
  BenchFillFunc  fill;
} Fill;

/* "Raum 1" … "Raum @n_rooms", for 20 people each, then the rest. */
static gboolean
fill_in_transaction (gpointer   user_data,
                     GError   **error)
{
  const Fill *fill = user_data;
  g_autofree gint64 *room_ids = g_new0 (gint64, fill->n_rooms);

  for (guint r = 0; r < fill->n_rooms; r++)
    {
      g_autofree char *name = g_strdup_printf ("Raum %u", r + 1);
      g_autoptr(TreffRoom) room = treff_room_new (name);

      treff_room_set_capacity (room, 20);
      if (!treff_store_add_room (fill->store, room, error))
        return FALSE;
      room_ids[r] = treff_room_get_id (room);
    }

  return fill->fill (fill->store, room_ids, error);
}

/**
 * bench_open_store:
 * @folder: (nullable): where the database lives; the temporary folder if %NULL
 * @n_rooms: how many rooms a new database gets before @fill runs
 * @fill: fills a new database, in the same transaction as its rooms
 *
 * Opens the benchmark's database, creating and filling it on the first run
 * so that later runs measure only what they time. Exits on any error.
 */
TreffStore *
bench_open_store (const char    *folder,
                  const char    *file_name,
                  guint          n_rooms,
                  BenchFillFunc  fill)
{
  g_autofree char *path = g_build_filename (folder ? folder : g_get_tmp_dir (), file_name, NULL);
  g_autoptr(TreffStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = treff_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  if (treff_store_count_rooms (store) == 0)
    {
      Fill data = { store, n_rooms, fill };
      gint64 started = g_get_monotonic_time ();

      if (!treff_store_run_transaction (store, fill_in_transaction, &data, &error))
        g_error ("%s", error->message);
      g_print ("Created %s in %.1f s\n", path, (g_get_monotonic_time () - started) / 1e6);
    }

  return g_steal_pointer (&store);
}

/* Adds the milliseconds since @started (g_get_monotonic_time ()) to @times. */
void
bench_record (GArray *times,
              gint64  started)
{
  double ms = (g_get_monotonic_time () - started) / 1000.0;

  g_array_append_val (times, ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Sorts @times (doubles, in milliseconds) and returns their median. */
double
bench_median_ms (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}
