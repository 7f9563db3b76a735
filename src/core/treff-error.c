/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-error.c — the error domain of Treffpunkt's core */
#include "treff-error.h"

G_DEFINE_QUARK (treff-error-quark, treff_error)
