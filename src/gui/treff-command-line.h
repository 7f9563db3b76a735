/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-command-line.h — what treffpunkt does without a window: example, printed plan, feeds, import */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int treff_command_line_run (const char   *database_path,
                            GVariantDict *options);

G_END_DECLS
