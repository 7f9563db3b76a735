/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-closure.c — closure and school-holiday periods: which days they contain, validation */
#include "config.h"

#include <locale.h>

#include "treff-closure.h"
#include "treff-error.h"
#include "treff-test-util.h"

static void
test_contains (void)
{
  GDate first = treff_test_date (2026, 12, 23);
  GDate last = treff_test_date (2027, 1, 1);
  g_autoptr(TreffClosure) closure =
    treff_closure_new (TREFF_CLOSURE_KIND_CLOSED, "  Weihnachtsferien  ", &first, &last);
  GDate before = treff_test_date (2026, 12, 22);
  GDate inside = treff_test_date (2026, 12, 31);
  GDate after = treff_test_date (2027, 1, 2);
  GDate unset;

  g_date_clear (&unset, 1);
  g_assert_cmpstr (treff_closure_get_title (closure), ==, "Weihnachtsferien");
  g_assert_cmpint (treff_closure_get_kind (closure), ==, TREFF_CLOSURE_KIND_CLOSED);
  g_assert_cmpint (g_date_compare (treff_closure_get_first_day (closure), &first), ==, 0);
  g_assert_cmpint (g_date_compare (treff_closure_get_last_day (closure), &last), ==, 0);

  g_assert_false (treff_closure_contains (closure, &before));
  g_assert_true (treff_closure_contains (closure, &first));
  g_assert_true (treff_closure_contains (closure, &inside));
  g_assert_true (treff_closure_contains (closure, &last));
  g_assert_false (treff_closure_contains (closure, &after));
  g_assert_false (treff_closure_contains (closure, &unset));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notified)
{
  (*n_notified)++;
}

static void
test_properties (void)
{
  GDate first = treff_test_date (2026, 10, 17);
  GDate last = treff_test_date (2026, 10, 31);
  g_autoptr(TreffClosure) closure =
    treff_closure_new (TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS, "Herbstferien", &first, &last);
  g_autoptr(GDate) first_property = NULL;
  TreffClosureKind kind;
  guint n_notified = 0;

  g_object_get (closure, "first-day", &first_property, "kind", &kind, NULL);
  g_assert_cmpint (g_date_compare (first_property, &first), ==, 0);
  g_assert_cmpint (kind, ==, TREFF_CLOSURE_KIND_SCHOOL_HOLIDAYS);

  g_signal_connect (closure, "notify::id", G_CALLBACK (count_notify), &n_notified);
  treff_closure_set_id (closure, 4);
  treff_closure_set_id (closure, 4);
  g_assert_cmpint (treff_closure_get_id (closure), ==, 4);
  g_assert_cmpuint (n_notified, ==, 1);
}

static void
assert_invalid (const char  *title,
                const GDate *first,
                const GDate *last,
                const char  *expected_message)
{
  g_autoptr(TreffClosure) closure =
    treff_closure_new (TREFF_CLOSURE_KIND_CLOSED, title, first, last);
  g_autoptr(GError) error = NULL;

  g_assert_false (treff_closure_validate (closure, &error));
  g_assert_error (error, TREFF_ERROR, TREFF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
assert_valid (const char  *title,
              const GDate *first,
              const GDate *last)
{
  g_autoptr(TreffClosure) closure =
    treff_closure_new (TREFF_CLOSURE_KIND_CLOSED, title, first, last);
  g_autoptr(GError) error = NULL;

  g_assert_true (treff_closure_validate (closure, &error));
  g_assert_no_error (error);
}

static void
test_validate (void)
{
  GDate first = treff_test_date (2026, 7, 13);
  GDate last = treff_test_date (2026, 7, 31);
  GDate same = treff_test_date (2026, 7, 13);
  GDate year_later = treff_test_date (2027, 7, 13);  /* 366 days including both ends */
  GDate too_late = treff_test_date (2027, 7, 14);

  assert_valid ("Sommerschließung", &first, &last);
  assert_valid ("Betriebsausflug", &first, &same);
  assert_valid ("Umbau", &first, &year_later);

  assert_invalid ("  ", &first, &last,
                  "Enter a title for the period, such as “Summer closure” or “Autumn holidays”.");
  assert_invalid ("Sommerschließung", NULL, &last,
                  "Choose the first and the last day of the period.");
  assert_invalid ("Sommerschließung", &last, &first,
                  "The last day, Mon, 7/13/2026, is before the first day, Fri, 7/31/2026.");
  assert_invalid ("Umbau", &first, &too_late,
                  "A period can last at most 366 days, but Mon, 7/13/2026 to Wed, 7/14/2027 are 367 days.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/closure/contains", test_contains);
  g_test_add_func ("/closure/properties", test_properties);
  g_test_add_func ("/closure/validate", test_validate);

  return g_test_run ();
}
