/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-room-list.c — the rooms GListModel reports exactly what changed in the store */
#include "config.h"

#include "treff-error.h"
#include "treff-room-list.h"
#include "treff-test-util.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

/* Records every items-changed and replays it on a copy of the list, as a
 * list view would: if the reported ranges are wrong, the copy differs
 * from the model. */
typedef struct
{
  GListModel *model;
  GArray     *changes;
  GPtrArray  *mirror;
  guint       n_items_notifies;
  gulong      items_changed_handler;
  gulong      notify_handler;
} Recorder;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  Change change = { position, removed, added };

  g_array_append_val (recorder->changes, change);

  g_assert_cmpuint (position + removed, <=, recorder->mirror->len);
  g_ptr_array_remove_range (recorder->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (recorder->mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
on_n_items_notify (GObject    *object,
                   GParamSpec *pspec,
                   Recorder   *recorder)
{
  recorder->n_items_notifies++;
}

static Recorder *
recorder_new (GListModel *model)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->model = g_object_ref (model);
  recorder->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  recorder->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (recorder->mirror, g_list_model_get_item (model, i));

  recorder->items_changed_handler =
    g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), recorder);
  recorder->notify_handler =
    g_signal_connect (model, "notify::n-items", G_CALLBACK (on_n_items_notify), recorder);

  return recorder;
}

static void
recorder_free (Recorder *recorder)
{
  g_signal_handler_disconnect (recorder->model, recorder->items_changed_handler);
  g_signal_handler_disconnect (recorder->model, recorder->notify_handler);
  g_object_unref (recorder->model);
  g_array_unref (recorder->changes);
  g_ptr_array_unref (recorder->mirror);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

/* Checks the emissions since the last call were exactly @expected and
 * that replaying them gave the model's items, the same objects. */
static void
assert_changes (Recorder     *recorder,
                const Change *expected,
                guint         n_expected)
{
  guint n_items = g_list_model_get_n_items (recorder->model);

  g_assert_cmpuint (recorder->changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const Change *change = &g_array_index (recorder->changes, Change, i);

      g_assert_cmpuint (change->position, ==, expected[i].position);
      g_assert_cmpuint (change->removed, ==, expected[i].removed);
      g_assert_cmpuint (change->added, ==, expected[i].added);
    }

  g_assert_cmpuint (recorder->mirror->len, ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TreffRoom) room = g_list_model_get_item (recorder->model, i);
      g_assert_true (g_ptr_array_index (recorder->mirror, i) == room);
    }

  g_array_set_size (recorder->changes, 0);
}

#define assert_no_changes(recorder) assert_changes ((recorder), NULL, 0)

/* "Bewegungsraum, Gruppenraum" — the names the model shows, in order. */
static char *
dup_model_names (GListModel *model)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TreffRoom) room = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", treff_room_get_name (room));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_model_names(model, expected) \
  G_STMT_START { \
    g_autofree char *__names = dup_model_names (G_LIST_MODEL (model)); \
    g_assert_cmpstr (__names, ==, (expected)); \
  } G_STMT_END

/* Which properties of an object were notified, as "capacity,name". */
typedef struct
{
  GObject *object;
  GString *names;
  gulong   handler;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  g_string_append_printf (log->names, "%s%s", log->names->len > 0 ? "," : "", pspec->name);
}

static NotifyLog *
notify_log_new (gpointer object)
{
  NotifyLog *log = g_new0 (NotifyLog, 1);

  log->object = g_object_ref (object);
  log->names = g_string_new (NULL);
  log->handler = g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);
  return log;
}

static void
notify_log_free (NotifyLog *log)
{
  g_signal_handler_disconnect (log->object, log->handler);
  g_object_unref (log->object);
  g_string_free (log->names, TRUE);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyLog, notify_log_free)

/* A centre with Bewegungsraum, Gruppenraum, Küche and Werkstatt. */
static TreffTestCentre *
centre_new (void)
{
  const char * const names[] = { "Werkstatt", "Gruppenraum", "Küche", "Bewegungsraum" };
  TreffTestCentre *centre = treff_test_centre_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (treff_test_add_room (centre->store, names[i], 10 + i));

  return centre;
}

static TreffRoom *
get_room_at (TreffRoomList *list,
             guint          position)
{
  TreffRoom *room = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (room);
  /* The list keeps the object; the test only needs the pointer. */
  g_object_unref (room);
  return room;
}

static void
rename_room (TreffStore *store,
             TreffRoom  *shown,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffRoom) copy = treff_room_copy (shown);

  treff_room_set_name (copy, name);
  treff_store_update_room (store, copy, &error);
  g_assert_no_error (error);
}

static void
test_list_initial (void)
{
  g_autoptr(TreffTestCentre) centre = centre_new ();
  g_autoptr(TreffRoomList) list = treff_room_list_new (centre->store, FALSE);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == TREFF_TYPE_ROOM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  assert_model_names (list, "Bewegungsraum, Gruppenraum, Küche, Werkstatt");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 4));
  g_assert_true (treff_room_list_get_store (list) == centre->store);

  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_list_add_middle (void)
{
  g_autoptr(TreffTestCentre) centre = centre_new ();
  g_autoptr(TreffRoomList) list = treff_room_list_new (centre->store, FALSE);
  g_autoptr(Recorder) recorder = recorder_new (G_LIST_MODEL (list));
  g_autoptr(TreffRoom) room = NULL;
  const Change expected[] = { { 3, 0, 1 } };

  /* Lower case sorts with the others: "lager" comes after "Küche". */
  room = treff_test_add_room (centre->store, "lager", 4);
  assert_changes (recorder, expected, G_N_ELEMENTS (expected));
  assert_model_names (list, "Bewegungsraum, Gruppenraum, Küche, lager, Werkstatt");
  g_assert_cmpuint (recorder->n_items_notifies, ==, 1);
  g_assert_cmpint (treff_room_get_id (get_room_at (list, 3)), ==, treff_room_get_id (room));

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_list_update_in_place (void)
{
  g_autoptr(TreffTestCentre) centre = centre_new ();
  g_autoptr(TreffRoomList) list = treff_room_list_new (centre->store, FALSE);
  g_autoptr(Recorder) recorder = recorder_new (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;
  g_autoptr(TreffRoom) copy = NULL;
  TreffRoom *shown = get_room_at (list, 1);
  g_autoptr(NotifyLog) log = notify_log_new (shown);

  g_assert_cmpstr (treff_room_get_name (shown), ==, "Gruppenraum");

  /* The editor works on a copy; the list's object follows the store. */
  copy = treff_room_copy (shown);
  treff_room_set_capacity (copy, 25);
  treff_store_update_room (centre->store, copy, &error);
  g_assert_no_error (error);
  assert_no_changes (recorder);
  g_assert_true (get_room_at (list, 1) == shown);
  g_assert_cmpuint (treff_room_get_capacity (shown), ==, 25);
  g_assert_cmpstr (log->names->str, ==, "capacity");
  g_string_truncate (log->names, 0);

  /* A new name that keeps the room in its place. */
  rename_room (centre->store, shown, "Gruppenraum Ost");
  assert_no_changes (recorder);
  g_assert_true (get_room_at (list, 1) == shown);
  g_assert_cmpstr (treff_room_get_name (shown), ==, "Gruppenraum Ost");
  g_assert_cmpstr (log->names->str, ==, "name");
  g_assert_cmpuint (recorder->n_items_notifies, ==, 0);

  g_clear_pointer (&log, notify_log_free);
  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_list_rename_moves (void)
{
  g_autoptr(TreffTestCentre) centre = centre_new ();
  g_autoptr(TreffRoomList) list = treff_room_list_new (centre->store, FALSE);
  g_autoptr(Recorder) recorder = recorder_new (G_LIST_MODEL (list));
  TreffRoom *kueche = get_room_at (list, 2);
  const Change to_front[] = { { 0, 3, 3 } };
  const Change to_end[] = { { 0, 4, 4 } };
  const Change one_step[] = { { 1, 2, 2 } };

  /* Küche → Aula moves from 2 to 0; Werkstatt at the end stays. */
  rename_room (centre->store, kueche, "Aula");
  assert_changes (recorder, to_front, G_N_ELEMENTS (to_front));
  assert_model_names (list, "Aula, Bewegungsraum, Gruppenraum, Werkstatt");
  g_assert_true (get_room_at (list, 0) == kueche);
  g_assert_cmpuint (recorder->n_items_notifies, ==, 0);

  rename_room (centre->store, kueche, "Zirkus");
  assert_changes (recorder, to_end, G_N_ELEMENTS (to_end));
  assert_model_names (list, "Bewegungsraum, Gruppenraum, Werkstatt, Zirkus");
  g_assert_true (get_room_at (list, 3) == kueche);

  /* Gruppenraum → Yogaraum swaps it with Werkstatt; the ends stay. */
  rename_room (centre->store, get_room_at (list, 1), "Yogaraum");
  assert_changes (recorder, one_step, G_N_ELEMENTS (one_step));
  assert_model_names (list, "Bewegungsraum, Werkstatt, Yogaraum, Zirkus");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpuint (recorder->n_items_notifies, ==, 0);

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_list_delete (void)
{
  g_autoptr(TreffTestCentre) centre = centre_new ();
  g_autoptr(TreffRoomList) list = treff_room_list_new (centre->store, FALSE);
  g_autoptr(Recorder) recorder = recorder_new (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;
  const Change middle[] = { { 1, 1, 0 } };
  const Change last[] = { { 2, 1, 0 } };

  treff_store_delete_room (centre->store, treff_room_get_id (get_room_at (list, 1)), &error);
  g_assert_no_error (error);
  assert_changes (recorder, middle, G_N_ELEMENTS (middle));
  assert_model_names (list, "Bewegungsraum, Küche, Werkstatt");
  g_assert_cmpuint (recorder->n_items_notifies, ==, 1);

  treff_store_delete_room (centre->store, treff_room_get_id (get_room_at (list, 2)), &error);
  g_assert_no_error (error);
  assert_changes (recorder, last, G_N_ELEMENTS (last));
  assert_model_names (list, "Bewegungsraum, Küche");
  g_assert_cmpuint (recorder->n_items_notifies, ==, 2);

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_list_include_archived (void)
{
  g_autoptr(TreffTestCentre) centre = centre_new ();
  g_autoptr(TreffRoomList) list = treff_room_list_new (centre->store, FALSE);
  g_autoptr(TreffRoomList) all = NULL;
  g_autoptr(Recorder) recorder = recorder_new (G_LIST_MODEL (list));
  g_autoptr(Recorder) all_recorder = NULL;
  g_autoptr(NotifyLog) list_log = notify_log_new (list);
  g_autoptr(NotifyLog) room_log = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kueche_id = treff_room_get_id (get_room_at (list, 2));
  TreffRoom *shown;
  const Change hide[] = { { 2, 1, 0 } };
  const Change show[] = { { 2, 0, 1 } };

  /* A list made with archived rooms shows them from the start. */
  treff_store_set_room_archived (centre->store, kueche_id, TRUE, &error);
  g_assert_no_error (error);
  assert_changes (recorder, hide, G_N_ELEMENTS (hide));
  assert_model_names (list, "Bewegungsraum, Gruppenraum, Werkstatt");
  all = treff_room_list_new (centre->store, TRUE);
  g_assert_true (treff_room_list_get_include_archived (all));
  assert_model_names (all, "Bewegungsraum, Gruppenraum, Küche, Werkstatt");
  g_string_truncate (list_log->names, 0);

  treff_room_list_set_include_archived (list, TRUE);
  assert_changes (recorder, show, G_N_ELEMENTS (show));
  g_assert_true (treff_room_get_archived (get_room_at (list, 2)));
  g_assert_cmpint (treff_room_get_id (get_room_at (list, 2)), ==, kueche_id);
  g_assert_cmpstr (list_log->names->str, ==, "n-items,include-archived");
  g_string_truncate (list_log->names, 0);

  treff_room_list_set_include_archived (list, TRUE);
  assert_no_changes (recorder);
  g_assert_cmpstr (list_log->names->str, ==, "");

  /* Restoring the room in a list that shows archived rooms only changes
   * the object, in place. */
  shown = get_room_at (list, 2);
  room_log = notify_log_new (shown);
  treff_store_set_room_archived (centre->store, kueche_id, FALSE, &error);
  g_assert_no_error (error);
  assert_no_changes (recorder);
  g_assert_true (get_room_at (list, 2) == shown);
  g_assert_false (treff_room_get_archived (shown));
  g_assert_cmpstr (room_log->names->str, ==, "archived");

  treff_store_set_room_archived (centre->store, kueche_id, TRUE, &error);
  g_assert_no_error (error);
  assert_no_changes (recorder);
  treff_room_list_set_include_archived (list, FALSE);
  assert_changes (recorder, hide, G_N_ELEMENTS (hide));
  assert_model_names (list, "Bewegungsraum, Gruppenraum, Werkstatt");
  g_assert_false (treff_room_list_get_include_archived (list));

  /* The property works like the setter. */
  all_recorder = recorder_new (G_LIST_MODEL (all));
  g_object_set (all, "include-archived", FALSE, NULL);
  assert_changes (all_recorder, hide, G_N_ELEMENTS (hide));

  g_clear_pointer (&room_log, notify_log_free);
  g_clear_pointer (&list_log, notify_log_free);
  g_clear_pointer (&all_recorder, recorder_free);
  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (g_steal_pointer (&all));
  g_assert_finalize_object (g_steal_pointer (&list));
}

static gboolean
add_then_fail (gpointer   user_data,
               GError   **error)
{
  TreffStore *store = user_data;
  g_autoptr(TreffRoom) first = treff_room_new ("Aula");
  g_autoptr(TreffRoom) second = treff_room_new ("Lager");

  treff_room_set_capacity (first, 100);
  treff_room_set_capacity (second, 2);
  if (!treff_store_add_room (store, first, error) ||
      !treff_store_add_room (store, second, error))
    return FALSE;

  g_set_error_literal (error, TREFF_ERROR, TREFF_ERROR_CONFLICT, "Abgebrochen");
  return FALSE;
}

static void
test_list_failed_transaction (void)
{
  g_autoptr(TreffTestCentre) centre = centre_new ();
  g_autoptr(TreffRoomList) list = treff_room_list_new (centre->store, TRUE);
  g_autoptr(Recorder) recorder = recorder_new (G_LIST_MODEL (list));
  g_autoptr(NotifyLog) room_log = notify_log_new (get_room_at (list, 0));
  g_autoptr(TreffRoom) duplicate = treff_room_new ("werkstatt");
  g_autoptr(GError) error = NULL;

  g_assert_false (treff_store_run_transaction (centre->store, add_then_fail, centre->store, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_no_changes (recorder);
  assert_model_names (list, "Bewegungsraum, Gruppenraum, Küche, Werkstatt");

  treff_room_set_capacity (duplicate, 10);
  g_assert_false (treff_store_add_room (centre->store, duplicate, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_DUPLICATE);
  assert_no_changes (recorder);
  g_assert_cmpuint (recorder->n_items_notifies, ==, 0);
  g_assert_cmpstr (room_log->names->str, ==, "");

  g_clear_pointer (&room_log, notify_log_free);
  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* A list that is gone no longer listens: changes after it must not crash
 * or keep it alive. */
static void
test_list_outlived_by_store (void)
{
  g_autoptr(TreffTestCentre) centre = centre_new ();
  g_autoptr(TreffRoomList) list = treff_room_list_new (centre->store, FALSE);
  g_autoptr(TreffRoom) room = NULL;

  g_assert_finalize_object (g_steal_pointer (&list));
  room = treff_test_add_room (centre->store, "Aula", 100);
  g_assert_cmpuint (treff_store_count_rooms (centre->store), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/room-list/initial", test_list_initial);
  g_test_add_func ("/room-list/add-middle", test_list_add_middle);
  g_test_add_func ("/room-list/update-in-place", test_list_update_in_place);
  g_test_add_func ("/room-list/rename-moves", test_list_rename_moves);
  g_test_add_func ("/room-list/delete", test_list_delete);
  g_test_add_func ("/room-list/include-archived", test_list_include_archived);
  g_test_add_func ("/room-list/failed-transaction", test_list_failed_transaction);
  g_test_add_func ("/room-list/outlived-by-store", test_list_outlived_by_store);

  return g_test_run ();
}
