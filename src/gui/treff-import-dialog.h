/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-import-dialog.h — importing a calendar file: preview every event, then import in one go */
#pragma once

#include <adwaita.h>

#include "treff-store.h"

G_BEGIN_DECLS

#define TREFF_TYPE_IMPORT_DIALOG (treff_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TreffImportDialog, treff_import_dialog, TREFF, IMPORT_DIALOG, AdwWindow)

TreffImportDialog *treff_import_dialog_new         (TreffStore        *store);
void               treff_import_dialog_choose_file (TreffImportDialog *self);
void               treff_import_dialog_load_file   (TreffImportDialog *self,
                                                    GFile             *file);
gboolean           treff_import_dialog_get_busy    (TreffImportDialog *self);

G_END_DECLS
