/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-occurrence-list.h — the dates of a time range as a GListModel that follows the store */
#pragma once

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_OCCURRENCE_LIST (treff_occurrence_list_get_type ())
G_DECLARE_FINAL_TYPE (TreffOccurrenceList, treff_occurrence_list, TREFF, OCCURRENCE_LIST, GObject)

TreffOccurrenceList *treff_occurrence_list_new       (TreffStore          *store);
void                 treff_occurrence_list_set_range (TreffOccurrenceList *self,
                                                      GDateTime           *from,
                                                      GDateTime           *to);

G_END_DECLS
