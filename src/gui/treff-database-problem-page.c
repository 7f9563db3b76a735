/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-database-problem-page.c — says why the database cannot be opened and offers a backup
 *
 * The damaged file itself is never touched here: restoring moves it aside
 * (treff_backup_restore) before the backup takes its place. */
#define G_LOG_DOMAIN "treff-database-problem-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "treff-backup.h"
#include "treff-database-problem-page.h"
#include "treff-error.h"
#include "treff-format.h"

struct _TreffDatabaseProblemPage
{
  GtkWidget      parent_instance;

  char          *database_path;
  GPtrArray     *backups;

  AdwStatusPage *status_page;
  GtkButton     *restore_button;
};

G_DEFINE_FINAL_TYPE (TreffDatabaseProblemPage, treff_database_problem_page, GTK_TYPE_WIDGET)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The status page reads its description as markup; paths may hold "&". */
static void
set_description (TreffDatabaseProblemPage *self,
                 const char               *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_status_page_set_description (self->status_page, escaped);
}

static void
on_restore_response (AdwMessageDialog         *dialog,
                     const char               *response,
                     TreffDatabaseProblemPage *self)
{
  GtkDropDown *chooser = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *backup;

  if (!g_str_equal (response, "restore"))
    return;

  backup = g_ptr_array_index (self->backups, gtk_drop_down_get_selected (chooser));
  kept = treff_backup_restore (self->database_path, backup, &error);
  if (kept == NULL)
    {
      set_description (self, error->message);
      return;
    }

  g_signal_emit (self, signals[RESTORED], 0);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TreffDatabaseProblemPage *self = TREFF_DATABASE_PROBLEM_PAGE (widget);
  g_autoptr(GtkStringList) dates = gtk_string_list_new (NULL);
  GtkWidget *chooser;
  GtkWidget *dialog;

  for (guint i = 0; i < self->backups->len; i++)
    {
      g_autoptr(GDateTime) day = treff_backup_get_date (g_ptr_array_index (self->backups, i));
      g_autofree char *label = treff_format_date (day);

      gtk_string_list_append (dates, label);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Restore a Backup?"),
                                   _("The database is replaced by the backup of the chosen day. "
                                     "Changes made after that day are not in the backup. "
                                     "The damaged file is kept next to the database under a new name."));
  chooser = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&dates)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backup"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), chooser);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TreffDatabaseProblemPage *self = TREFF_DATABASE_PROBLEM_PAGE (widget);
  g_autofree char *folder = g_path_get_dirname (self->database_path);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
treff_database_problem_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TREFF_TYPE_DATABASE_PROBLEM_PAGE);
  /* The template's root child is not bound to a field, so it is not
   * released by dispose_template(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (treff_database_problem_page_parent_class)->dispose (object);
}

static void
treff_database_problem_page_finalize (GObject *object)
{
  TreffDatabaseProblemPage *self = TREFF_DATABASE_PROBLEM_PAGE (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  G_OBJECT_CLASS (treff_database_problem_page_parent_class)->finalize (object);
}

static void
treff_database_problem_page_class_init (TreffDatabaseProblemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_database_problem_page_dispose;
  object_class->finalize = treff_database_problem_page_finalize;

  /**
   * TreffDatabaseProblemPage::restored:
   *
   * A backup now stands in place of the database: open it again.
   */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-database-problem-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TreffDatabaseProblemPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, TreffDatabaseProblemPage, restore_button);

  gtk_widget_class_install_action (widget_class, "problem.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "problem.open-folder", NULL, open_folder_action);
}

static void
treff_database_problem_page_init (TreffDatabaseProblemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->backups = g_ptr_array_new_with_free_func (g_free);
}

/**
 * treff_database_problem_page_show:
 * @error: why treff_store_open() refused the database
 *
 * Explains the problem; for a damaged database, offers its backups.
 */
void
treff_database_problem_page_show (TreffDatabaseProblemPage *self,
                                  const char               *database_path,
                                  const GError             *error)
{
  const char *title;

  g_return_if_fail (TREFF_IS_DATABASE_PROBLEM_PAGE (self));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (error != NULL);

  g_free (self->database_path);
  self->database_path = g_strdup (database_path);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  self->backups = treff_backup_list (database_path);

  if (g_error_matches (error, TREFF_ERROR, TREFF_ERROR_CORRUPT))
    title = _("The Database Is Damaged");
  else if (g_error_matches (error, TREFF_ERROR, TREFF_ERROR_TOO_NEW))
    title = _("The Database Is From a Newer Treffpunkt");
  else
    title = _("The Database Cannot Be Opened");

  adw_status_page_set_title (self->status_page, title);
  set_description (self, error->message);

  /* A newer version's file is fine; only a damaged one wants a backup. */
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button),
                          self->backups->len > 0 &&
                          g_error_matches (error, TREFF_ERROR, TREFF_ERROR_CORRUPT));
}
