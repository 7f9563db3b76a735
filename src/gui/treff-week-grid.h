/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-week-grid.h — the dates of a week (or of one day, room by room) on an hour grid */
#pragma once

#include <gtk/gtk.h>

#include "treff-occurrence.h"

G_BEGIN_DECLS

typedef enum
{
  TREFF_WEEK_GRID_MODE_WEEK,   /* a column per day */
  TREFF_WEEK_GRID_MODE_ROOMS,  /* one day, a column per room */
} TreffWeekGridMode;

typedef enum
{
  TREFF_WEEK_GRID_COLOUR_BY_ROOM,
  TREFF_WEEK_GRID_COLOUR_BY_KIND,
} TreffWeekGridColourBy;

#define TREFF_TYPE_WEEK_GRID_MODE (treff_week_grid_mode_get_type ())
GType treff_week_grid_mode_get_type (void) G_GNUC_CONST;
#define TREFF_TYPE_WEEK_GRID_COLOUR_BY (treff_week_grid_colour_by_get_type ())
GType treff_week_grid_colour_by_get_type (void) G_GNUC_CONST;

#define TREFF_TYPE_WEEK_GRID (treff_week_grid_get_type ())
G_DECLARE_FINAL_TYPE (TreffWeekGrid, treff_week_grid, TREFF, WEEK_GRID, GtkWidget)

GtkWidget             *treff_week_grid_new                (void);
GListModel            *treff_week_grid_get_model          (TreffWeekGrid         *self);
void                   treff_week_grid_set_model          (TreffWeekGrid         *self,
                                                           GListModel            *model);
GListModel            *treff_week_grid_get_rooms          (TreffWeekGrid         *self);
void                   treff_week_grid_set_rooms          (TreffWeekGrid         *self,
                                                           GListModel            *rooms);
TreffWeekGridMode      treff_week_grid_get_mode           (TreffWeekGrid         *self);
void                   treff_week_grid_set_mode           (TreffWeekGrid         *self,
                                                           TreffWeekGridMode      mode);
GDateTime             *treff_week_grid_get_first_day      (TreffWeekGrid         *self);
void                   treff_week_grid_set_first_day      (TreffWeekGrid         *self,
                                                           GDateTime             *first_day);
guint                  treff_week_grid_get_n_columns      (TreffWeekGrid         *self);
int                    treff_week_grid_get_day_start_hour (TreffWeekGrid         *self);
void                   treff_week_grid_set_day_start_hour (TreffWeekGrid         *self,
                                                           int                    hour);
int                    treff_week_grid_get_day_end_hour   (TreffWeekGrid         *self);
void                   treff_week_grid_set_day_end_hour   (TreffWeekGrid         *self,
                                                           int                    hour);
TreffWeekGridColourBy  treff_week_grid_get_colour_by      (TreffWeekGrid         *self);
void                   treff_week_grid_set_colour_by      (TreffWeekGrid         *self,
                                                           TreffWeekGridColourBy  colour_by);
gboolean               treff_week_grid_get_show_cancelled (TreffWeekGrid         *self);
void                   treff_week_grid_set_show_cancelled (TreffWeekGrid         *self,
                                                           gboolean               show_cancelled);
void                   treff_week_grid_set_day_mark       (TreffWeekGrid         *self,
                                                           const GDate           *day,
                                                           const char            *label,
                                                           gboolean               closed);
void                   treff_week_grid_clear_day_marks    (TreffWeekGrid         *self);
guint                  treff_week_grid_get_n_tiles        (TreffWeekGrid         *self);
GtkWidget             *treff_week_grid_get_header         (TreffWeekGrid         *self);
gboolean               treff_week_grid_focus_occurrence   (TreffWeekGrid         *self,
                                                           gint64                 booking_id,
                                                           GDateTime             *original_start);

G_END_DECLS
