/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-closure.h — a period the centre is closed, or a school-holiday period */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TREFF_CLOSURE_KIND_CLOSED,          /* the centre is closed: blocks bookings */
  TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, /* series may pause during these */
} TreffClosureKind;

/* The longest closure or holiday period, first and last day included. */
#define TREFF_CLOSURE_MAX_DAYS 366

#define TREFF_TYPE_CLOSURE_KIND (treff_closure_kind_get_type ())
GType treff_closure_kind_get_type (void) G_GNUC_CONST;

#define TREFF_TYPE_CLOSURE (treff_closure_get_type ())
G_DECLARE_FINAL_TYPE (TreffClosure, treff_closure, TREFF, CLOSURE, GObject)

TreffClosure     *treff_closure_new           (TreffClosureKind  kind,
                                               const char       *title,
                                               const GDate      *first_day,
                                               const GDate      *last_day);
gint64            treff_closure_get_id        (TreffClosure     *self);
void              treff_closure_set_id        (TreffClosure     *self,
                                               gint64            id);
TreffClosureKind  treff_closure_get_kind      (TreffClosure     *self);
const char       *treff_closure_get_title     (TreffClosure     *self);
const GDate      *treff_closure_get_first_day (TreffClosure     *self);
const GDate      *treff_closure_get_last_day  (TreffClosure     *self);
gboolean          treff_closure_contains      (TreffClosure     *self,
                                               const GDate      *day);
gboolean          treff_closure_validate      (TreffClosure     *self,
                                               GError          **error);

G_END_DECLS
