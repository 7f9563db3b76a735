/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-database-problem-page.h — says why the database cannot be opened and offers a backup */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TREFF_TYPE_DATABASE_PROBLEM_PAGE (treff_database_problem_page_get_type ())
G_DECLARE_FINAL_TYPE (TreffDatabaseProblemPage, treff_database_problem_page, TREFF, DATABASE_PROBLEM_PAGE, GtkWidget)

void treff_database_problem_page_show (TreffDatabaseProblemPage *self,
                                       const char               *database_path,
                                       const GError             *error);

G_END_DECLS
