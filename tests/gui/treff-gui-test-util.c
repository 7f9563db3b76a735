/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-gui-test-util.c — finding template children and waiting for GTK in the GUI tests */
#include "config.h"

#include "treff-gui-test-util.h"

/* Lets GTK finish what is pending: layout, idle handlers, signals. */
void
treff_test_wait_for_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The widget below @root (or @root itself) with the template id @id, or NULL. */
GtkWidget *
treff_test_find_widget (GtkWidget  *root,
                        const char *id)
{
  const char *own = GTK_IS_BUILDABLE (root) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)) : NULL;

  if (g_strcmp0 (own, id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = treff_test_find_widget (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Like treff_test_find_widget (), but the widget must exist. */
GtkWidget *
treff_test_get_widget (GtkWidget  *root,
                       const char *id)
{
  GtkWidget *widget = treff_test_find_widget (root, id);

  if (widget == NULL)
    g_error ("No widget with id “%s”", id);

  return widget;
}
