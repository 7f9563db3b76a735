/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-recurrence.h — how a series repeats, as the editor shows it and as RRULE text */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TREFF_REPEAT_NONE,
  TREFF_REPEAT_DAILY,
  TREFF_REPEAT_WEEKLY,            /* on chosen weekdays, every N weeks */
  TREFF_REPEAT_MONTHLY_BY_DATE,   /* on the 15th */
  TREFF_REPEAT_MONTHLY_BY_WEEKDAY /* every first Saturday, every last Friday */
} TreffRepeat;

/* Weekdays as a bit mask, bit 0 = Monday … bit 6 = Sunday. */
#define TREFF_WEEKDAY_BIT(iso_weekday) (1u << ((iso_weekday) - 1))

/* The longest a series may run, so every series can be stored date by date. */
#define TREFF_RECURRENCE_MAX_YEARS 10

/* Limits the editor and treff_recurrence_validate () agree on. */
#define TREFF_RECURRENCE_MAX_INTERVAL 99
#define TREFF_RECURRENCE_MAX_COUNT    1000
/* treff_recurrence_expand () never returns more dates than this. */
#define TREFF_RECURRENCE_MAX_DATES    5000

typedef struct
{
  TreffRepeat repeat;
  guint       interval;      /* every N days/weeks/months, >= 1 */
  guint       weekdays;      /* TREFF_REPEAT_WEEKLY: mask of TREFF_WEEKDAY_BIT */
  int         week_of_month; /* TREFF_REPEAT_MONTHLY_BY_WEEKDAY: 1…4, or -1 for the last */
  guint       count;         /* number of dates, or 0 when until is used */
  GDate       until;         /* last possible date (inclusive), when count is 0 */
} TreffRecurrence;

#define TREFF_TYPE_RECURRENCE (treff_recurrence_get_type ())
GType            treff_recurrence_get_type     (void) G_GNUC_CONST;
TreffRecurrence *treff_recurrence_copy         (const TreffRecurrence  *self);
void             treff_recurrence_free         (TreffRecurrence        *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TreffRecurrence, treff_recurrence_free)

void      treff_recurrence_init_none    (TreffRecurrence        *self);
gboolean  treff_recurrence_is_none      (const TreffRecurrence  *self);
void      treff_recurrence_normalize    (TreffRecurrence        *self);
gboolean  treff_recurrence_equal        (const TreffRecurrence  *a,
                                         const TreffRecurrence  *b);
char     *treff_recurrence_to_rrule     (const TreffRecurrence  *self,
                                         GDateTime              *first_start);
gboolean  treff_recurrence_from_rrule   (TreffRecurrence        *self,
                                         const char             *rrule,
                                         GError                **error);
gboolean  treff_recurrence_validate     (const TreffRecurrence  *self,
                                         GDateTime              *first_start,
                                         GError                **error);
GPtrArray *treff_recurrence_expand      (const char             *rrule,
                                         GDateTime              *first_start,
                                         GError                **error);
char     *treff_recurrence_describe     (const TreffRecurrence  *self,
                                         GDateTime              *first_start);

GDateTime *treff_recurrence_new_date_time (GTimeZone            *zone,
                                           int                   year,
                                           int                   month,
                                           int                   day,
                                           int                   hour,
                                           int                   minute,
                                           int                   second);

G_END_DECLS
