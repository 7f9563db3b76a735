/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-occurrence-list.c — the dates of a time range as a GListModel that follows the store
 *
 * Only the range that is shown is loaded: one indexed query per reload. */
#define G_LOG_DOMAIN "treff-occurrence-list"

#include "config.h"

#include "treff-occurrence-list.h"

struct _TreffOccurrenceList
{
  GObject     parent_instance;

  TreffStore *store;
  GDateTime  *from;
  GDateTime  *to;
  GPtrArray  *occurrences;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TreffOccurrenceList, treff_occurrence_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
treff_occurrence_list_get_item_type (GListModel *model)
{
  return TREFF_TYPE_OCCURRENCE;
}

static guint
treff_occurrence_list_get_n_items (GListModel *model)
{
  return TREFF_OCCURRENCE_LIST (model)->occurrences->len;
}

static gpointer
treff_occurrence_list_get_item (GListModel *model,
                                guint       position)
{
  TreffOccurrenceList *self = TREFF_OCCURRENCE_LIST (model);

  if (position >= self->occurrences->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->occurrences, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = treff_occurrence_list_get_item_type;
  iface->get_n_items = treff_occurrence_list_get_n_items;
  iface->get_item = treff_occurrence_list_get_item;
}

static void
reload (TreffOccurrenceList *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;

  if (self->from == NULL || self->to == NULL)
    fresh = g_ptr_array_new_with_free_func (g_object_unref);
  else
    fresh = treff_store_list_occurrences (self->store, self->from, self->to, &error);

  if (fresh == NULL)
    {
      g_warning ("Cannot load the bookings of the week: %s", error->message);
      return;
    }

  old = g_steal_pointer (&self->occurrences);
  self->occurrences = g_steal_pointer (&fresh);
  if (old->len > 0 || self->occurrences->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->occurrences->len);
}

static void
on_store_changed (TreffOccurrenceList *self,
                  guint                topics,
                  TreffStore          *store)
{
  /* Room names and colours are shown with each date. */
  if (topics & (TREFF_STORE_TOPIC_BOOKINGS | TREFF_STORE_TOPIC_ROOMS))
    reload (self);
}

static void
treff_occurrence_list_dispose (GObject *object)
{
  TreffOccurrenceList *self = TREFF_OCCURRENCE_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (treff_occurrence_list_parent_class)->dispose (object);
}

static void
treff_occurrence_list_finalize (GObject *object)
{
  TreffOccurrenceList *self = TREFF_OCCURRENCE_LIST (object);

  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);

  G_OBJECT_CLASS (treff_occurrence_list_parent_class)->finalize (object);
}

static void
treff_occurrence_list_class_init (TreffOccurrenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = treff_occurrence_list_dispose;
  object_class->finalize = treff_occurrence_list_finalize;
}

static void
treff_occurrence_list_init (TreffOccurrenceList *self)
{
  self->occurrences = g_ptr_array_new_with_free_func (g_object_unref);
}

TreffOccurrenceList *
treff_occurrence_list_new (TreffStore *store)
{
  TreffOccurrenceList *self;

  g_return_val_if_fail (TREFF_IS_STORE (store), NULL);

  self = g_object_new (TREFF_TYPE_OCCURRENCE_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * treff_occurrence_list_set_range:
 *
 * Shows the dates overlapping [@from, @to).
 */
void
treff_occurrence_list_set_range (TreffOccurrenceList *self,
                                 GDateTime           *from,
                                 GDateTime           *to)
{
  g_return_if_fail (TREFF_IS_OCCURRENCE_LIST (self));
  g_return_if_fail (from != NULL && to != NULL);

  if (self->from != NULL && g_date_time_equal (self->from, from) &&
      self->to != NULL && g_date_time_equal (self->to, to))
    return;

  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  self->from = g_date_time_ref (from);
  self->to = g_date_time_ref (to);
  reload (self);
}
