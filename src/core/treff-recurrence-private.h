/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-recurrence-private.h — libical's encoding of rules, shared with the iCalendar import */
#pragma once

#include <libical/ical.h>

#include "treff-recurrence.h"

G_BEGIN_DECLS

icalrecurrencetype_weekday treff_ical_weekday_from_iso (guint                            iso_weekday);
guint                      treff_ical_weekday_to_iso   (icalrecurrencetype_weekday       weekday);
short                      treff_ical_encode_by_day    (int                              position,
                                                        icalrecurrencetype_weekday       weekday);
guint                      treff_ical_count_by         (const short                     *by,
                                                        guint                            size);
gboolean                   treff_recurrence_from_ical  (TreffRecurrence                 *self,
                                                        const struct icalrecurrencetype *rule);

G_END_DECLS
