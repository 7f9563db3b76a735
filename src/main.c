/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — starts Treffpunkt */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "treff-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TreffApplication) app = NULL;
  const char *localedir;

  /* Lets an uninstalled build (meson devenv, tests) find its translations. */
  localedir = g_getenv ("TREFFPUNKT_LOCALEDIR");
  if (localedir == NULL)
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = treff_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
