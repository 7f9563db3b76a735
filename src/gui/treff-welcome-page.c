/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-welcome-page.c — what a new, empty centre sees first
 *
 * Its buttons activate the window's win.add-room and win.open-example. */
#define G_LOG_DOMAIN "treff-welcome-page"

#include "config.h"

#include <adwaita.h>

#include "treff-welcome-page.h"

struct _TreffWelcomePage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (TreffWelcomePage, treff_welcome_page, GTK_TYPE_WIDGET)

static void
treff_welcome_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TREFF_TYPE_WELCOME_PAGE);
  /* The template's root child is not bound to a field, so it is not
   * released by dispose_template(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (treff_welcome_page_parent_class)->dispose (object);
}

static void
treff_welcome_page_class_init (TreffWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = treff_welcome_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/treffpunkt/Treffpunkt/treff-welcome-page.ui");
}

static void
treff_welcome_page_init (TreffWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
