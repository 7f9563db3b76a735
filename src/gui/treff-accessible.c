/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-accessible.c — accessible names where GTK does not set them itself */
#include "config.h"

#include "treff-accessible.h"

/* An entry row draws its title inside itself, but libadwaita 1.2 does not
 * give it to the text field: screen readers (and AT-SPI tests) need it. */
void
treff_accessible_label_entry_row (AdwEntryRow *row)
{
  GtkEditable *text;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);
}

/* GtkColorButton and GtkMenuButton wrap the button that takes the click;
 * in GTK 4.8 their own accessible label does not reach it. */
void
treff_accessible_label_inner_button (GtkWidget  *wrapper,
                                     const char *label)
{
  GtkWidget *inner;

  g_return_if_fail (GTK_IS_WIDGET (wrapper));

  inner = gtk_widget_get_first_child (wrapper);
  if (inner != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}
