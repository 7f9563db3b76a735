/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-error.h — the error domain of Treffpunkt's core */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TREFF_ERROR (treff_error_quark ())

typedef enum
{
  TREFF_ERROR_INVALID,     /* a value the user entered is not acceptable */
  TREFF_ERROR_DUPLICATE,   /* a name that must be unique is taken */
  TREFF_ERROR_NOT_FOUND,   /* the record was removed meanwhile */
  TREFF_ERROR_IN_USE,      /* the record has history and cannot be deleted */
  TREFF_ERROR_CONFLICT,    /* overlaps another booking */
  TREFF_ERROR_CORRUPT,     /* the database file is damaged or not a database */
  TREFF_ERROR_TOO_NEW,     /* written by a newer Treffpunkt */
  TREFF_ERROR_IO,          /* reading or writing a file failed */
  TREFF_ERROR_NOT_EMPTY,   /* the operation needs an empty database */
} TreffError;

GQuark treff_error_quark (void);

G_END_DECLS
