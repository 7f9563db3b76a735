/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-week-print.h — the printed week plan of all rooms, for the notice board and the cleaners */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "treff-store.h"

G_BEGIN_DECLS

/* Who the printout is for: it decides what of a booking is shown. */
typedef enum
{
  TREFF_WEEK_PRINT_PUBLIC,    /* notice board: private bookings only as "Booked", no names */
  TREFF_WEEK_PRINT_INTERNAL,  /* office and cleaners: every title and organiser */
} TreffWeekPrintAudience;

#define TREFF_TYPE_WEEK_PRINT (treff_week_print_get_type ())
G_DECLARE_FINAL_TYPE (TreffWeekPrint, treff_week_print, TREFF, WEEK_PRINT, GObject)

gboolean        treff_week_print_parse_week       (const char              *text,
                                                   GDate                   *monday,
                                                   GError                 **error);
char           *treff_week_print_format_week      (const GDate             *monday);

TreffWeekPrint *treff_week_print_new              (const GDate             *monday,
                                                   TreffWeekPrintAudience   audience);
void            treff_week_print_get_monday       (TreffWeekPrint          *self,
                                                   GDate                   *monday);
TreffWeekPrintAudience
                treff_week_print_get_audience     (TreffWeekPrint          *self);
const char     *treff_week_print_get_centre_name  (TreffWeekPrint          *self);
void            treff_week_print_set_centre_name  (TreffWeekPrint          *self,
                                                   const char              *centre_name);
void            treff_week_print_set_room_ids     (TreffWeekPrint          *self,
                                                   const gint64            *room_ids,
                                                   guint                    n_room_ids);
void            treff_week_print_set_printed_at   (TreffWeekPrint          *self,
                                                   GDateTime               *printed_at);
gboolean        treff_week_print_load             (TreffWeekPrint          *self,
                                                   TreffStore              *store,
                                                   GError                 **error);
guint           treff_week_print_get_n_rooms      (TreffWeekPrint          *self);
void            treff_week_print_draw             (TreffWeekPrint          *self,
                                                   cairo_t                 *cr,
                                                   double                   width,
                                                   double                   height);
double          treff_week_print_get_font_size    (TreffWeekPrint          *self);
gboolean        treff_week_print_write_pdf        (TreffWeekPrint          *self,
                                                   const char              *path,
                                                   GError                 **error);

G_END_DECLS
