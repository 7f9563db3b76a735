/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-gui-util.c — small helpers that the dialogs and pages share */
#include "config.h"

#include "treff-gui-util.h"

/* Shows @text in @label, or hides the label when @text is NULL. */
void
treff_label_show_text (GtkLabel   *label,
                       const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* Marks a field whose value cannot be saved. */
void
treff_widget_set_error (GtkWidget *widget,
                        gboolean   error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

char *
treff_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* GtkCalendar works on local days: give it the same calendar day, at
 * noon, a time that every day has. */
void
treff_calendar_select_date (GtkCalendar *calendar,
                            const GDate *date)
{
  g_autoptr(GDateTime) date_time = NULL;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));
  g_return_if_fail (date != NULL);

  date_time = g_date_time_new_local (g_date_get_year (date),
                                     g_date_get_month (date),
                                     g_date_get_day (date), 12, 0, 0);
  gtk_calendar_select_day (calendar, date_time);
}

/**
 * treff_settings_new_if_installed:
 * @key: a key the caller reads
 *
 * The app's settings, or %NULL when their schema is not installed, or is
 * an older one without @key: an uninstalled build run from the command
 * line, where g_settings_new () would abort.
 *
 * Returns: (transfer full) (nullable):
 */
GSettings *
treff_settings_new_if_installed (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}
