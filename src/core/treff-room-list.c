/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-room-list.c — the store's rooms as a GListModel that follows changes */
#define G_LOG_DOMAIN "treff-room-list"

#include "config.h"

#include "treff-room-list.h"

struct _TreffRoomList
{
  GObject     parent_instance;

  TreffStore *store;
  GPtrArray  *rooms;
  gboolean    include_archived;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TreffRoomList, treff_room_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_INCLUDE_ARCHIVED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
treff_room_list_get_item_type (GListModel *model)
{
  return TREFF_TYPE_ROOM;
}

static guint
treff_room_list_get_n_items (GListModel *model)
{
  return TREFF_ROOM_LIST (model)->rooms->len;
}

static gpointer
treff_room_list_get_item (GListModel *model,
                          guint       position)
{
  TreffRoomList *self = TREFF_ROOM_LIST (model);

  if (position >= self->rooms->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rooms, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = treff_room_list_get_item_type;
  iface->get_n_items = treff_room_list_get_n_items;
  iface->get_item = treff_room_list_get_item;
}

static gboolean
same_room_at (GPtrArray *a,
              guint      i,
              GPtrArray *b,
              guint      j)
{
  return treff_room_get_id (g_ptr_array_index (a, i)) ==
         treff_room_get_id (g_ptr_array_index (b, j));
}

/* Replaces the rows with a fresh read of the store. Rooms that stay keep
 * their objects (updated in place, so bound widgets follow), and only the
 * range between the unchanged head and tail is reported as changed. */
static void
reload (TreffRoomList *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old = NULL;
  guint head = 0;
  guint tail = 0;
  guint n_old;

  fresh = treff_store_list_rooms (self->store, self->include_archived, &error);
  if (fresh == NULL)
    {
      g_warning ("Cannot reload rooms: %s", error->message);
      return;
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      TreffRoom *room = g_ptr_array_index (fresh, i);

      for (guint j = 0; j < self->rooms->len; j++)
        {
          TreffRoom *known = g_ptr_array_index (self->rooms, j);

          if (treff_room_get_id (known) == treff_room_get_id (room))
            {
              treff_room_assign (known, room);
              g_ptr_array_index (fresh, i) = g_object_ref (known);
              g_object_unref (room);
              break;
            }
        }
    }

  n_old = self->rooms->len;
  while (head < n_old && head < fresh->len && same_room_at (self->rooms, head, fresh, head))
    head++;
  while (tail < n_old - head && tail < fresh->len - head &&
         same_room_at (self->rooms, n_old - 1 - tail, fresh, fresh->len - 1 - tail))
    tail++;

  old = g_steal_pointer (&self->rooms);
  self->rooms = g_steal_pointer (&fresh);

  if (n_old != self->rooms->len || head + tail != n_old)
    g_list_model_items_changed (G_LIST_MODEL (self), head,
                                n_old - head - tail,
                                self->rooms->len - head - tail);
  if (n_old != self->rooms->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_store_changed (TreffRoomList *self,
                  guint          topics,
                  TreffStore    *store)
{
  if (topics & TREFF_STORE_TOPIC_ROOMS)
    reload (self);
}

static void
treff_room_list_constructed (GObject *object)
{
  TreffRoomList *self = TREFF_ROOM_LIST (object);

  G_OBJECT_CLASS (treff_room_list_parent_class)->constructed (object);

  g_assert (TREFF_IS_STORE (self->store));
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
treff_room_list_dispose (GObject *object)
{
  TreffRoomList *self = TREFF_ROOM_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (treff_room_list_parent_class)->dispose (object);
}

static void
treff_room_list_finalize (GObject *object)
{
  TreffRoomList *self = TREFF_ROOM_LIST (object);

  g_clear_pointer (&self->rooms, g_ptr_array_unref);

  G_OBJECT_CLASS (treff_room_list_parent_class)->finalize (object);
}

static void
treff_room_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TreffRoomList *self = TREFF_ROOM_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_INCLUDE_ARCHIVED:
      g_value_set_boolean (value, self->include_archived);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rooms->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_room_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TreffRoomList *self = TREFF_ROOM_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INCLUDE_ARCHIVED:
      treff_room_list_set_include_archived (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_room_list_class_init (TreffRoomListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = treff_room_list_constructed;
  object_class->dispose = treff_room_list_dispose;
  object_class->finalize = treff_room_list_finalize;
  object_class->get_property = treff_room_list_get_property;
  object_class->set_property = treff_room_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TREFF_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_ARCHIVED] =
    g_param_spec_boolean ("include-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
treff_room_list_init (TreffRoomList *self)
{
  self->rooms = g_ptr_array_new_with_free_func (g_object_unref);
}

TreffRoomList *
treff_room_list_new (TreffStore *store,
                     gboolean    include_archived)
{
  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);

  return g_object_new (TREFF_TYPE_ROOM_LIST,
                       "store", store,
                       "include-archived", include_archived,
                       NULL);
}

TreffStore *
treff_room_list_get_store (TreffRoomList *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM_LIST (self), NULL);

  return self->store;
}

gboolean
treff_room_list_get_include_archived (TreffRoomList *self)
{
  g_return_val_if_fail (TREFF_IS_ROOM_LIST (self), FALSE);

  return self->include_archived;
}

void
treff_room_list_set_include_archived (TreffRoomList *self,
                                      gboolean       include_archived)
{
  g_return_if_fail (TREFF_IS_ROOM_LIST (self));

  include_archived = !!include_archived;
  if (self->include_archived == include_archived)
    return;

  self->include_archived = include_archived;
  /* During construction the store is not set yet; constructed() loads. */
  if (self->store != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_ARCHIVED]);
}
