/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-example.c — the example centre that shows a newcomer a living app
 *
 * A Mehrgenerationenhaus as described in shared/DOMAIN.md. The names are
 * German on purpose: they are data of a German centre, not UI text. */
#define G_LOG_DOMAIN "treff-example"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "treff-error.h"
#include "treff-example.h"

typedef struct
{
  const char *name;
  guint       capacity;
  const char *equipment;
  gboolean    accessible;
  const char *colour;
  gboolean    bookable;
  const char *notes;
} ExampleRoom;

static const ExampleRoom example_rooms[] = {
  { "Offener Treff / Café", 40, "Küchenzeile, Kaffeemaschine, Spielecke", TRUE, "#e66100", TRUE,
    "Erdgeschoss. Vormittags Offener Treff mit Café-Theke (09:00–12:00)." },
  { "Gruppenraum", 20, "Beamer, Flipchart, Whiteboard", TRUE, "#3584e4", TRUE,
    "Erdgeschoss, Tische für 20 Personen." },
  { "Bewegungsraum", 15, "Spiegel, Matten, Musikanlage", FALSE, "#2ec27e", TRUE,
    "1. Obergeschoss, kein Aufzug. Bitte Hallenschuhe." },
  { "Werkstatt", 10, "Werkbank, Werkzeug, Lötstation", TRUE, "#986a44", TRUE,
    "Repair-Café jeden ersten Samstag im Monat." },
  { "Küche", 8, "Herd, Backofen, Spülmaschine", TRUE, "#f5c211", TRUE,
    "Lehrküche; Hygienebelehrung nötig für Arbeit an Lebensmitteln." },
  { "Kinderraum", 12, "Spielzeug, Wickeltisch, Matten", TRUE, "#9141ac", TRUE,
    "Für Krabbelgruppe und Kinderbetreuung." },
  { "Seminarraum", 25, "Beamer, Leinwand, WLAN", FALSE, "#c01c28", TRUE,
    "1. Obergeschoss, kein Aufzug." },
  { "Büro", 3, "PC, Drucker, Telefon", TRUE, "#5e5c64", FALSE,
    "Büro der Koordination, nicht buchbar." },
};

static gboolean
fill_in_transaction (gpointer   user_data,
                     GError   **error)
{
  TreffStore *store = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (example_rooms); i++)
    {
      const ExampleRoom *example = &example_rooms[i];
      g_autoptr(TreffRoom) room = treff_room_new (example->name);
      g_auto(GStrv) equipment = treff_room_parse_equipment (example->equipment);

      treff_room_set_capacity (room, example->capacity);
      treff_room_set_equipment (room, (const char * const *)equipment);
      treff_room_set_accessible (room, example->accessible);
      treff_room_set_colour (room, example->colour);
      treff_room_set_bookable (room, example->bookable);
      treff_room_set_notes (room, example->notes);

      if (!treff_store_add_room (store, room, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * treff_example_fill:
 *
 * Fills an empty database with the example centre, all in one transaction.
 * A database that already has rooms fails with %TREFF_ERROR_NOT_EMPTY and
 * stays as it is.
 */
gboolean
treff_example_fill (TreffStore  *store,
                    GError     **error)
{
  g_return_val_if_fail (TREFF_IS_STORE (store), FALSE);

  if (treff_store_count_rooms (store) > 0)
    {
      g_set_error (error, TREFF_ERROR, TREFF_ERROR_NOT_EMPTY,
                   _("The database “%s” already holds a centre. "
                     "The example centre can only be created in an empty database."),
                   treff_store_get_path (store));
      return FALSE;
    }

  return treff_store_run_transaction (store, fill_in_transaction, store, error);
}
