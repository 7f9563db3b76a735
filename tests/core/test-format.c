/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c — dates as the untranslated (C locale) program writes them */
#include "config.h"

#include <locale.h>

#include "treff-format.h"

static void
assert_date (int         year,
             int         month,
             int         day,
             const char *expected)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 18, 30, 0);
  g_autofree char *text = treff_format_date (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_date (void)
{
  assert_date (2026, 11, 23, "Mon, 11/23/2026");
  /* No leading zeros: "3/5", not "03/05". */
  assert_date (2026, 3, 5, "Thu, 3/5/2026");
  assert_date (2027, 1, 1, "Fri, 1/1/2027");
}

int
main (int   argc,
      char *argv[])
{
  /* The msgid format, whatever language the person running the tests uses. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/date", test_format_date);

  return g_test_run ();
}
