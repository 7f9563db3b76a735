/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rooms.c — rooms in the store: saving, validation, unique names, archiving, Undo */
#include "config.h"

#include "treff-error.h"
#include "treff-store-private.h"
#include "treff-test-util.h"

/* Adds @room, which the store must refuse with @code, and checks that
 * nothing was saved or announced and the room kept its id. */
static void
assert_add_refused (TreffStore *store,
                    TreffRoom  *room,
                    int         code,
                    const char *wording)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names_before = treff_test_dup_room_names (store, TRUE);
  g_autofree char *names_after = NULL;
  gint64 id_before = treff_room_get_id (room);
  TreffTestChanges changes;
  gulong handler;

  handler = treff_test_watch_changes (store, &changes);
  g_assert_false (treff_store_add_room (store, room, &error));
  g_assert_error (error, TREFF_ERROR, code);
  treff_assert_contains (error->message, wording);

  g_assert_cmpint (treff_room_get_id (room), ==, id_before);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  names_after = treff_test_dup_room_names (store, TRUE);
  g_assert_cmpstr (names_after, ==, names_before);
  g_signal_handler_disconnect (store, handler);
}

static void
test_rooms_crud (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_room_new ("Werkstatt");
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(TreffRoom) updated = NULL;
  g_autoptr(TreffRoom) gone = NULL;
  g_autoptr(GError) error = NULL;
  const char * const equipment[] = { "Werkbank", "Werkzeug", "Lötstation", NULL };
  const char * const new_equipment[] = { "Lötstation", "Nähmaschine", NULL };
  TreffTestChanges changes;
  gint64 id;

  treff_test_watch_changes (centre->store, &changes);

  treff_room_set_capacity (room, 10);
  treff_room_set_equipment (room, equipment);
  treff_room_set_accessible (room, TRUE);
  treff_room_set_colour (room, "#986a44");
  treff_room_set_notes (room, "Repair-Café jeden ersten Samstag");
  g_assert_cmpint (treff_room_get_id (room), ==, 0);
  treff_store_add_room (centre->store, room, &error);
  g_assert_no_error (error);
  id = treff_room_get_id (room);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
  g_assert_cmpuint (changes.topics, ==, TREFF_STORE_TOPIC_ROOMS);

  loaded = treff_store_get_room (centre->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (loaded != room);
  g_assert_cmpstr (treff_room_get_name (loaded), ==, "Werkstatt");
  g_assert_cmpuint (treff_room_get_capacity (loaded), ==, 10);
  g_assert_cmpstrv (treff_room_get_equipment (loaded), equipment);
  g_assert_true (treff_room_get_accessible (loaded));
  g_assert_cmpstr (treff_room_get_colour (loaded), ==, "#986a44");
  g_assert_true (treff_room_get_bookable (loaded));
  g_assert_cmpstr (treff_room_get_notes (loaded), ==, "Repair-Café jeden ersten Samstag");
  g_assert_false (treff_room_get_archived (loaded));

  treff_room_set_name (loaded, "Offene Werkstatt");
  treff_room_set_capacity (loaded, 12);
  treff_room_set_equipment (loaded, new_equipment);
  treff_room_set_accessible (loaded, FALSE);
  treff_room_set_colour (loaded, "#C01C28");
  treff_room_set_bookable (loaded, FALSE);
  treff_room_set_notes (loaded, "");
  treff_store_update_room (centre->store, loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_emissions, ==, 2);

  updated = treff_store_get_room (centre->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (treff_room_get_id (updated), ==, id);
  g_assert_cmpstr (treff_room_get_name (updated), ==, "Offene Werkstatt");
  g_assert_cmpuint (treff_room_get_capacity (updated), ==, 12);
  g_assert_cmpstrv (treff_room_get_equipment (updated), new_equipment);
  g_assert_false (treff_room_get_accessible (updated));
  g_assert_cmpstr (treff_room_get_colour (updated), ==, "#C01C28");
  g_assert_false (treff_room_get_bookable (updated));
  g_assert_cmpstr (treff_room_get_notes (updated), ==, "");
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 1);

  treff_store_delete_room (centre->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_emissions, ==, 3);
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 0);
  gone = treff_store_get_room (centre->store, id, &error);
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  /* Saving a room someone else deleted meanwhile says so, by name. */
  g_assert_false (treff_store_update_room (centre->store, updated, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  treff_assert_contains (error->message, "Offene Werkstatt");
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 0);
  g_assert_cmpuint (changes.n_emissions, ==, 3);
}

static void
test_rooms_validation (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(GString) umlauts = g_string_new (NULL);
  g_autoptr(TreffRoom) room = NULL;
  g_autoptr(GError) error = NULL;
  const char * const bad_colours[] = { "", "red", "3584e4", "#3584e", "#3584e4f", "#35g4e4", " #3584e4" };

  /* A name of exactly 60 characters is fine even at 120 bytes. */
  for (guint i = 0; i < TREFF_ROOM_NAME_MAX_CHARS; i++)
    g_string_append (umlauts, "Ü");
  g_assert_true (treff_room_check_name (umlauts->str, &error));
  g_assert_no_error (error);
  room = treff_room_new (umlauts->str);
  treff_room_set_capacity (room, 5);
  treff_store_add_room (centre->store, room, &error);
  g_assert_no_error (error);
  g_clear_object (&room);

  g_string_append (umlauts, "ä");
  room = treff_room_new (umlauts->str);
  treff_room_set_capacity (room, 5);
  assert_add_refused (centre->store, room, TREFF_ERROR_INVALID, "name is too long");
  g_assert_false (treff_room_check_name (umlauts->str, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  treff_assert_contains (error->message, "60");
  g_clear_error (&error);
  g_clear_object (&room);

  room = treff_room_new ("");
  treff_room_set_capacity (room, 5);
  assert_add_refused (centre->store, room, TREFF_ERROR_INVALID, "name for the room");
  g_clear_object (&room);

  /* Blanks are not a name: "   " is empty once stripped. */
  g_assert_false (treff_room_check_name ("   ", &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  treff_assert_contains (error->message, "name for the room");
  g_clear_error (&error);
  room = treff_room_new ("   ");
  treff_room_set_capacity (room, 5);
  assert_add_refused (centre->store, room, TREFF_ERROR_INVALID, "name for the room");
  g_clear_object (&room);

  room = treff_room_new ("Gruppenraum");
  assert_add_refused (centre->store, room, TREFF_ERROR_INVALID, "how many people fit");
  treff_room_set_capacity (room, TREFF_ROOM_CAPACITY_MAX + 1);
  assert_add_refused (centre->store, room, TREFF_ERROR_INVALID, "1001 people");
  g_assert_false (treff_room_check_capacity (1001, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  treff_assert_contains (error->message, "at most 1000");
  g_clear_error (&error);

  /* The limits themselves are allowed. */
  g_assert_true (treff_room_check_capacity (1, NULL));
  g_assert_true (treff_room_check_capacity (TREFF_ROOM_CAPACITY_MAX, NULL));

  treff_room_set_capacity (room, 20);
  for (guint i = 0; i < G_N_ELEMENTS (bad_colours); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad_colours[i]);

      treff_room_set_colour (room, bad_colours[i]);
      assert_add_refused (centre->store, room, TREFF_ERROR_INVALID, quoted);
      treff_assert_contains (quoted, bad_colours[i]);
    }
  g_assert_false (treff_room_check_colour (NULL, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (treff_room_check_colour ("#A1b2C3", NULL));
  treff_room_set_colour (room, "#A1b2C3");
  treff_store_add_room (centre->store, room, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 2);
}

static void
test_rooms_duplicate (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) kueche = treff_test_add_room (centre->store, "Küche", 8);
  g_autoptr(TreffRoom) room = NULL;
  g_autoptr(GError) error = NULL;

  room = treff_room_new ("KÜCHE");
  treff_room_set_capacity (room, 8);
  assert_add_refused (centre->store, room, TREFF_ERROR_DUPLICATE, "There is already a room called “KÜCHE”");
  g_clear_object (&room);

  /* The same word typed with a combining umlaut (as macOS writes it). */
  room = treff_room_new ("  ku\xcc\x88" "che ");
  treff_room_set_capacity (room, 8);
  assert_add_refused (centre->store, room, TREFF_ERROR_DUPLICATE, "ku\xcc\x88" "che");
  g_clear_object (&room);

  g_assert_false (treff_store_check_room_name_free (centre->store, " kÜche ", 0, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_DUPLICATE);
  treff_assert_contains (error->message, "“kÜche”");
  g_clear_error (&error);

  /* In capitals ß is written SS. */
  g_clear_object (&room);
  room = treff_test_add_room (centre->store, "Großer Saal", 80);
  g_clear_object (&room);
  room = treff_room_new ("GROSSER SAAL");
  treff_room_set_capacity (room, 80);
  assert_add_refused (centre->store, room, TREFF_ERROR_DUPLICATE, "“GROSSER SAAL”");

  /* Without the umlaut it is another word. */
  g_assert_true (treff_store_check_room_name_free (centre->store, "Kuche", 0, &error));
  g_assert_no_error (error);
  g_clear_object (&room);
  room = treff_test_add_room (centre->store, "Kuche", 4);
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 3);
}

static void
test_rooms_duplicate_archived (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) werkstatt = treff_test_add_room (centre->store, "Werkstatt", 10);
  g_autoptr(TreffRoom) room = NULL;
  g_autoptr(GError) error = NULL;

  treff_store_set_room_archived (centre->store, treff_room_get_id (werkstatt), TRUE, &error);
  g_assert_no_error (error);

  room = treff_room_new ("werkstatt");
  treff_room_set_capacity (room, 10);
  assert_add_refused (centre->store, room, TREFF_ERROR_DUPLICATE,
                      "An archived room is already called “werkstatt”");

  /* A room that is in use gets the other wording. */
  treff_store_set_room_archived (centre->store, treff_room_get_id (werkstatt), FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (treff_store_add_room (centre->store, room, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_DUPLICATE);
  treff_assert_not_contains (error->message, "archived");
  treff_assert_contains (error->message, "“werkstatt”");
}

static void
test_rooms_rename_own_name (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) kueche = treff_test_add_room (centre->store, "Küche", 8);
  g_autoptr(TreffRoom) cafe = treff_test_add_room (centre->store, "Café", 30);
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = treff_room_get_id (kueche);

  g_assert_true (treff_store_check_room_name_free (centre->store, "KÜCHE", id, &error));
  g_assert_no_error (error);
  g_assert_false (treff_store_check_room_name_free (centre->store, "KÜCHE", 0, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_DUPLICATE);
  g_clear_error (&error);

  treff_room_set_name (kueche, "KÜCHE");
  treff_store_update_room (centre->store, kueche, &error);
  g_assert_no_error (error);
  loaded = treff_store_get_room (centre->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (treff_room_get_name (loaded), ==, "KÜCHE");

  /* Another room's name in other case is still taken, and the failed
   * update leaves the saved room as it was. */
  treff_room_set_name (kueche, "CAFÉ");
  g_assert_false (treff_store_update_room (centre->store, kueche, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_DUPLICATE);
  treff_assert_contains (error->message, "“CAFÉ”");
  g_clear_error (&error);
  g_clear_object (&loaded);
  loaded = treff_store_get_room (centre->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (treff_room_get_name (loaded), ==, "KÜCHE");
}

static void
test_rooms_stripped (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, " \t Gruppenraum  \n", 20);
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  loaded = treff_store_get_room (centre->store, treff_room_get_id (room), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (treff_room_get_name (loaded), ==, "Gruppenraum");
  stored = treff_test_query_text (centre->store->db, "SELECT name FROM rooms;");
  g_assert_cmpstr (stored, ==, "Gruppenraum");

  g_assert_false (treff_store_check_room_name_free (centre->store, "gruppenraum ", 0, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_DUPLICATE);
}

/* One room is read on its own: its equipment, not its neighbours', and
 * an archived room too. */
static void
test_rooms_get_one (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) werkstatt = treff_room_new ("Werkstatt");
  g_autoptr(TreffRoom) kueche = treff_room_new ("Küche");
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char * const tools[] = { "Werkbank", "Lötstation", NULL };
  const char * const kitchen[] = { "Herd", NULL };

  treff_room_set_capacity (werkstatt, 10);
  treff_room_set_equipment (werkstatt, tools);
  treff_room_set_capacity (kueche, 8);
  treff_room_set_equipment (kueche, kitchen);
  treff_store_add_room (centre->store, werkstatt, &error);
  g_assert_no_error (error);
  treff_store_add_room (centre->store, kueche, &error);
  g_assert_no_error (error);
  treff_store_set_room_archived (centre->store, treff_room_get_id (kueche), TRUE, &error);
  g_assert_no_error (error);

  loaded = treff_store_get_room (centre->store, treff_room_get_id (werkstatt), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (treff_room_get_name (loaded), ==, "Werkstatt");
  g_assert_cmpstrv (treff_room_get_equipment (loaded), tools);
  g_clear_object (&loaded);

  loaded = treff_store_get_room (centre->store, treff_room_get_id (kueche), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (treff_room_get_name (loaded), ==, "Küche");
  g_assert_cmpuint (treff_room_get_capacity (loaded), ==, 8);
  g_assert_true (treff_room_get_archived (loaded));
  g_assert_cmpstrv (treff_room_get_equipment (loaded), kitchen);
  g_clear_object (&loaded);

  loaded = treff_store_get_room (centre->store, treff_room_get_id (kueche) + 1, &error);
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static void
test_rooms_equipment (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_room_new ("Werkstatt");
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parsed = NULL;
  g_autofree char *text = NULL;
  const char * const expected[] = { "Beamer", "küche", "Werkbank", NULL };
  const char * const unsorted[] = { "Werkbank", "Akkuschrauber", "Lötstation", "Beamer", NULL };
  const char * const empty[] = { NULL };

  parsed = treff_room_parse_equipment ("Beamer, küche;  Küche\n, ,Werkbank");
  g_assert_cmpstrv (parsed, expected);
  g_clear_pointer (&parsed, g_strfreev);
  parsed = treff_room_parse_equipment (" ;\n, ");
  g_assert_cmpstrv (parsed, empty);

  treff_room_set_capacity (room, 10);
  treff_room_set_equipment (room, unsorted);
  text = treff_room_dup_equipment_text (room);
  g_assert_cmpstr (text, ==, "Werkbank, Akkuschrauber, Lötstation, Beamer");
  treff_store_add_room (centre->store, room, &error);
  g_assert_no_error (error);

  loaded = treff_store_get_room (centre->store, treff_room_get_id (room), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (treff_room_get_equipment (loaded), unsorted);

  /* Removing all equipment removes it from the database too. */
  treff_room_set_equipment (loaded, NULL);
  treff_store_update_room (centre->store, loaded, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = treff_store_get_room (centre->store, treff_room_get_id (room), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (treff_room_get_equipment (loaded), empty);
  g_assert_cmpint (treff_test_query_int (centre->store->db, "SELECT count(*) FROM room_equipment;"), ==, 0);
}

static void
test_rooms_archive (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) gruppenraum = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) werkstatt = treff_test_add_room (centre->store, "Werkstatt", 10);
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *active = NULL;
  g_autofree char *all = NULL;
  TreffTestChanges changes;

  treff_test_watch_changes (centre->store, &changes);
  treff_store_set_room_archived (centre->store, treff_room_get_id (gruppenraum), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_emissions, ==, 1);

  active = treff_test_dup_room_names (centre->store, FALSE);
  g_assert_cmpstr (active, ==, "Werkstatt");
  all = treff_test_dup_room_names (centre->store, TRUE);
  g_assert_cmpstr (all, ==, "Gruppenraum, Werkstatt");
  loaded = treff_store_get_room (centre->store, treff_room_get_id (gruppenraum), &error);
  g_assert_no_error (error);
  g_assert_true (treff_room_get_archived (loaded));
  g_assert_cmpuint (treff_room_get_capacity (loaded), ==, 20);

  /* Archived rooms still count: the centre is not empty. */
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 2);

  treff_store_set_room_archived (centre->store, treff_room_get_id (gruppenraum), FALSE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&active, g_free);
  active = treff_test_dup_room_names (centre->store, FALSE);
  g_assert_cmpstr (active, ==, "Gruppenraum, Werkstatt");

  g_assert_false (treff_store_set_room_archived (centre->store, 4711, TRUE, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
}

static void
test_rooms_delete_missing (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) room = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(GError) error = NULL;
  TreffTestChanges changes;

  treff_test_watch_changes (centre->store, &changes);
  g_assert_false (treff_store_delete_room (centre->store, treff_room_get_id (room) + 1, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 1);
  g_assert_cmpuint (changes.n_emissions, ==, 0);
  g_clear_error (&error);

  /* Deleting twice: the second time the room is gone. */
  treff_store_delete_room (centre->store, treff_room_get_id (room), &error);
  g_assert_no_error (error);
  g_assert_false (treff_store_delete_room (centre->store, treff_room_get_id (room), &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_NOT_FOUND);
  g_assert_cmpuint (changes.n_emissions, ==, 1);
}

/* Undo of a delete adds the very same object again; the room must come
 * back under its old id, not as a new room. */
static void
test_rooms_undo_delete (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) cafe = treff_test_add_room (centre->store, "Café", 40);
  g_autoptr(TreffRoom) gruppenraum = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) werkstatt = treff_test_add_room (centre->store, "Werkstatt", 10);
  g_autoptr(TreffRoom) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char * const equipment[] = { "Kaffeemaschine", "Spielecke", NULL };
  gint64 id = treff_room_get_id (cafe);

  treff_room_set_equipment (cafe, equipment);
  treff_store_update_room (centre->store, cafe, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, <, treff_room_get_id (werkstatt));

  treff_store_delete_room (centre->store, id, &error);
  g_assert_no_error (error);
  treff_store_add_room (centre->store, cafe, &error);
  g_assert_no_error (error);
  g_assert_cmpint (treff_room_get_id (cafe), ==, id);

  loaded = treff_store_get_room (centre->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (treff_room_get_name (loaded), ==, "Café");
  g_assert_cmpuint (treff_room_get_capacity (loaded), ==, 40);
  g_assert_cmpstrv (treff_room_get_equipment (loaded), equipment);
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 3);
}

static void
test_rooms_unused_colour (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) first = NULL;
  g_autoptr(TreffRoom) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *colour = NULL;

  colour = treff_store_dup_unused_room_colour (centre->store);
  g_assert_cmpstr (colour, ==, "#3584e4");
  g_clear_pointer (&colour, g_free);

  /* Colours compare without regard to case. */
  first = treff_room_new ("Gruppenraum");
  treff_room_set_capacity (first, 20);
  treff_room_set_colour (first, "#3584E4");
  treff_store_add_room (centre->store, first, &error);
  g_assert_no_error (error);
  second = treff_room_new ("Werkstatt");
  treff_room_set_capacity (second, 10);
  treff_room_set_colour (second, "#2ec27e");
  treff_store_add_room (centre->store, second, &error);
  g_assert_no_error (error);

  colour = treff_store_dup_unused_room_colour (centre->store);
  g_assert_cmpstr (colour, ==, "#e66100");
  g_clear_pointer (&colour, g_free);

  /* A colour that is free again is offered again. */
  treff_store_delete_room (centre->store, treff_room_get_id (first), &error);
  g_assert_no_error (error);
  colour = treff_store_dup_unused_room_colour (centre->store);
  g_assert_cmpstr (colour, ==, "#3584e4");
}

/* The equipment is written after the room row; make that step fail so
 * the add fails after the room already had an id inside the transaction. */
static void
test_rooms_failed_add (void)
{
  g_autoptr(TreffTestCentre) centre = treff_test_centre_new ();
  g_autoptr(TreffRoom) existing = treff_test_add_room (centre->store, "Gruppenraum", 20);
  g_autoptr(TreffRoom) room = treff_room_new ("Werkstatt");
  g_autoptr(TreffRoom) undone = NULL;
  const char * const equipment[] = { "Werkbank", "Sprengstoff", NULL };
  g_autoptr(GError) error = NULL;
  gint64 old_id;

  treff_test_exec (centre->store->db,
                   "CREATE TEMP TRIGGER refuse_tag BEFORE INSERT ON main.room_equipment "
                   "WHEN NEW.tag = 'Sprengstoff' BEGIN SELECT RAISE (ABORT, 'refused'); END;");

  treff_room_set_capacity (room, 10);
  treff_room_set_equipment (room, equipment);
  assert_add_refused (centre->store, room, TREFF_ERROR_IO, "Nothing was saved");
  g_assert_cmpint (treff_room_get_id (room), ==, 0);
  g_assert_cmpint (treff_test_query_int (centre->store->db,
                                         "SELECT count(*) FROM rooms WHERE name = 'Werkstatt';"), ==, 0);
  g_assert_cmpint (treff_test_query_int (centre->store->db, "SELECT count(*) FROM room_equipment;"), ==, 0);

  /* An Undo that fails keeps the id it came with. */
  old_id = treff_room_get_id (existing);
  treff_store_delete_room (centre->store, old_id, &error);
  g_assert_no_error (error);
  undone = g_object_ref (existing);
  treff_room_set_equipment (undone, equipment);
  assert_add_refused (centre->store, undone, TREFF_ERROR_IO, "Nothing was saved");
  g_assert_cmpint (treff_room_get_id (undone), ==, old_id);
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rooms/crud", test_rooms_crud);
  g_test_add_func ("/rooms/validation", test_rooms_validation);
  g_test_add_func ("/rooms/duplicate", test_rooms_duplicate);
  g_test_add_func ("/rooms/duplicate-archived", test_rooms_duplicate_archived);
  g_test_add_func ("/rooms/rename-own-name", test_rooms_rename_own_name);
  g_test_add_func ("/rooms/stripped", test_rooms_stripped);
  g_test_add_func ("/rooms/get-one", test_rooms_get_one);
  g_test_add_func ("/rooms/equipment", test_rooms_equipment);
  g_test_add_func ("/rooms/archive", test_rooms_archive);
  g_test_add_func ("/rooms/delete-missing", test_rooms_delete_missing);
  g_test_add_func ("/rooms/undo-delete", test_rooms_undo_delete);
  g_test_add_func ("/rooms/unused-colour", test_rooms_unused_colour);
  g_test_add_func ("/rooms/failed-add", test_rooms_failed_add);

  return g_test_run ();
}
