/* SPDX-License-Identifier: GPL-3.0-or-later */
/* treff-booking-tile.c — one date of a booking as a coloured, activatable tile in the week plan
 *
 * The colour is the room's (or the booking kind's), so it is drawn here
 * rather than in CSS. A requested booking is tentative: a lighter, striped
 * fill, a dashed border and a "?" before the title. A cancelled date is
 * dimmed and struck through. Lines that do not fit a short tile are left
 * out, the title last. */
#define G_LOG_DOMAIN "treff-booking-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "treff-booking-tile.h"

#define PADDING_START  8  /* the colour bar and a little air */
#define PADDING_END    4
#define PADDING_TOP    2
#define PADDING_BOTTOM 2
#define COLOUR_BAR     3
#define RADIUS         5

enum {
  LINE_TITLE,
  LINE_TIME,
  LINE_ROOM,
  N_LINES
};

struct _TreffBookingTile
{
  GtkWidget        parent_instance;

  TreffOccurrence *occurrence;
  char            *colour;
  char            *label;
  GdkRGBA          rgba;
  gboolean         show_room;
  gboolean         compact;
  gboolean         cancelled;
  gboolean         requested;

  GtkWidget       *lines[N_LINES];
  gboolean         line_fits[N_LINES];
};

G_DEFINE_FINAL_TYPE (TreffBookingTile, treff_booking_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OCCURRENCE,
  PROP_COLOUR,
  PROP_SHOW_ROOM,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_colour (TreffBookingTile *self)
{
  if (self->colour == NULL || !gdk_rgba_parse (&self->rgba, self->colour))
    gdk_rgba_parse (&self->rgba, "#3584e4");

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static char *
dup_tooltip (TreffBookingTile *self)
{
  TreffBooking *booking = treff_occurrence_get_booking (self->occurrence);
  g_autofree char *times = treff_occurrence_dup_time_range (self->occurrence);
  const char *organiser = treff_booking_get_organiser (booking);
  GString *text = g_string_new (treff_occurrence_get_title (self->occurrence));

  g_string_append_c (text, '\n');
  /* Translators: the time and the room of a booking in its tooltip, "18:00–19:30 · Bewegungsraum" */
  g_string_append_printf (text, C_("booking tooltip", "%s · %s"), times, treff_occurrence_get_room_name (self->occurrence));
  if (organiser != NULL && *organiser != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append (text, organiser);
    }
  if (self->cancelled)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Cancelled"));
    }
  else if (self->requested)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Requested, not confirmed yet"));
    }

  return g_string_free (text, FALSE);
}

static void
set_line_text (TreffBookingTile *self,
               guint             line,
               const char       *text,
               PangoAttrList    *attributes)
{
  gtk_label_set_text (GTK_LABEL (self->lines[line]), text);
  gtk_label_set_attributes (GTK_LABEL (self->lines[line]), attributes);
}

/* A compact tile has one line: the title, then the times, dimmer. */
static void
update_title (TreffBookingTile *self)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *times = NULL;
  GString *text = g_string_new (NULL);
  PangoAttribute *bold;
  PangoAttribute *dim;

  if (self->requested)
    /* Translators: a requested (not yet confirmed) booking in the week plan, "? Kindergeburtstag" */
    g_string_printf (text, _("? %s"), treff_occurrence_get_title (self->occurrence));
  else
    g_string_assign (text, treff_occurrence_get_title (self->occurrence));

  bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  bold->end_index = text->len;
  pango_attr_list_insert (attributes, bold);
  if (self->cancelled)
    pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));

  if (self->compact)
    {
      times = treff_occurrence_dup_time_range (self->occurrence);
      g_string_append (text, "  ");
      dim = pango_attr_foreground_alpha_new (0.7 * G_MAXUINT16);
      dim->start_index = text->len;
      g_string_append (text, times);
      pango_attr_list_insert (attributes, dim);
    }

  set_line_text (self, LINE_TITLE, text->str, attributes);
  g_string_free (text, TRUE);
}

static void
fill_in (TreffBookingTile *self)
{
  TreffBooking *booking = treff_occurrence_get_booking (self->occurrence);
  g_autofree char *times = treff_occurrence_dup_time_range (self->occurrence);
  g_autofree char *tooltip = NULL;

  self->cancelled = treff_occurrence_is_cancelled (self->occurrence);
  self->requested = !self->cancelled &&
                    treff_booking_get_status (booking) == TREFF_BOOKING_STATUS_REQUESTED;

  update_title (self);
  set_line_text (self, LINE_TIME, times, NULL);
  set_line_text (self, LINE_ROOM, treff_occurrence_get_room_name (self->occurrence), NULL);

  /* The name already ends in "requested" or "cancelled". */
  g_free (self->label);
  self->label = treff_occurrence_dup_accessible_name (self->occurrence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  -1);

  tooltip = dup_tooltip (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
update_line_visibility (TreffBookingTile *self)
{
  gtk_widget_set_visible (self->lines[LINE_TIME], !self->compact);
  gtk_widget_set_visible (self->lines[LINE_ROOM], !self->compact && self->show_room);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_click_pressed (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  TreffBookingTile *self)
{
  /* The grid below must not take this click for a free slot. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_click_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   TreffBookingTile *self)
{
  if (n_press == 1 && gtk_widget_contains (GTK_WIDGET (self), x, y))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      g_signal_emit (self, signals[ACTIVATE], 0);
    }
}

static void
treff_booking_tile_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TreffBookingTile *self = TREFF_BOOKING_TILE (widget);
  int total = 0;

  /* The grid decides the size from the times; the tile only says what
   * would show everything. */
  for (guint i = 0; i < N_LINES; i++)
    {
      int line_natural;

      if (!gtk_widget_get_visible (self->lines[i]))
        continue;

      gtk_widget_measure (self->lines[i], orientation, -1, NULL, &line_natural, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        total += line_natural;
      else
        total = MAX (total, line_natural);
    }

  *minimum = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *natural = total + PADDING_TOP + PADDING_BOTTOM;
  else
    *natural = total + PADDING_START + PADDING_END;
}

static void
treff_booking_tile_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TreffBookingTile *self = TREFF_BOOKING_TILE (widget);
  int line_width = width - PADDING_START - PADDING_END;
  int y = PADDING_TOP;

  for (guint i = 0; i < N_LINES; i++)
    {
      int min_width, line_height;

      if (!gtk_widget_get_visible (self->lines[i]))
        {
          self->line_fits[i] = FALSE;
          continue;
        }

      gtk_widget_measure (self->lines[i], GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (self->lines[i], GTK_ORIENTATION_VERTICAL, MAX (line_width, min_width),
                          NULL, &line_height, NULL, NULL);
      gtk_widget_size_allocate (self->lines[i],
                                &(GtkAllocation) { PADDING_START, y, MAX (line_width, min_width), line_height },
                                -1);
      /* The title is always drawn, cut off if need be: it is what the
       * tile is about. */
      self->line_fits[i] = i == LINE_TITLE || y + line_height <= height - PADDING_BOTTOM + 1;
      y += line_height;
    }
}

static void
append_tentative_marks (TreffBookingTile *self,
                        GtkSnapshot      *snapshot,
                        int               width,
                        int               height)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  const double dashes[] = { 4.0, 3.0 };

  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { self->rgba.red, self->rgba.green, self->rgba.blue, 0.18 });
  cairo_set_line_width (cr, 2.0);
  for (int x = -height; x < width; x += 10)
    {
      cairo_move_to (cr, x, height);
      cairo_line_to (cr, x + height, 0);
    }
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { self->rgba.red, self->rgba.green, self->rgba.blue, 0.9 });
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (cr, 0.5, 0.5, width - 1.0, height - 1.0);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
append_focus_ring (TreffBookingTile *self,
                   GtkSnapshot      *snapshot,
                   int               width,
                   int               height)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA accent;
  GskRoundedRect outline;

  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), RADIUS);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { accent, accent, accent, accent });
}

static void
treff_booking_tile_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TreffBookingTile *self = TREFF_BOOKING_TILE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean hover = (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_PRELIGHT) != 0;
  GdkRGBA fill = self->rgba;
  GdkRGBA bar = self->rgba;
  GskRoundedRect shape;

  if (width <= 0 || height <= 0)
    return;

  fill.alpha = self->requested ? 0.10 : 0.26;
  if (hover)
    fill.alpha += 0.10;
  if (self->requested)
    bar.alpha = 0.5;

  if (self->cancelled)
    gtk_snapshot_push_opacity (snapshot, 0.5);

  gsk_rounded_rect_init_from_rect (&shape, &GRAPHENE_RECT_INIT (0, 0, width, height), RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->requested)
    append_tentative_marks (self, snapshot, width, height);
  gtk_snapshot_append_color (snapshot, &bar, &GRAPHENE_RECT_INIT (0, 0, COLOUR_BAR, height));

  for (guint i = 0; i < N_LINES; i++)
    {
      if (self->line_fits[i] && gtk_widget_get_visible (self->lines[i]))
        gtk_widget_snapshot_child (widget, self->lines[i], snapshot);
    }
  gtk_snapshot_pop (snapshot);

  if (self->cancelled)
    gtk_snapshot_pop (snapshot);

  if (gtk_widget_has_visible_focus (widget))
    append_focus_ring (self, snapshot, width, height);
}

static void
treff_booking_tile_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (treff_booking_tile_parent_class)->state_flags_changed (widget, previous);
}

static void
treff_booking_tile_constructed (GObject *object)
{
  TreffBookingTile *self = TREFF_BOOKING_TILE (object);

  G_OBJECT_CLASS (treff_booking_tile_parent_class)->constructed (object);

  g_assert (TREFF_IS_OCCURRENCE (self->occurrence));
  fill_in (self);
}

static void
treff_booking_tile_dispose (GObject *object)
{
  TreffBookingTile *self = TREFF_BOOKING_TILE (object);

  for (guint i = 0; i < N_LINES; i++)
    g_clear_pointer (&self->lines[i], gtk_widget_unparent);
  g_clear_object (&self->occurrence);

  G_OBJECT_CLASS (treff_booking_tile_parent_class)->dispose (object);
}

static void
treff_booking_tile_finalize (GObject *object)
{
  TreffBookingTile *self = TREFF_BOOKING_TILE (object);

  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (treff_booking_tile_parent_class)->finalize (object);
}

static void
treff_booking_tile_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TreffBookingTile *self = TREFF_BOOKING_TILE (object);

  switch (prop_id)
    {
    case PROP_OCCURRENCE:
      g_value_set_object (value, self->occurrence);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case PROP_SHOW_ROOM:
      g_value_set_boolean (value, self->show_room);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_booking_tile_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TreffBookingTile *self = TREFF_BOOKING_TILE (object);

  switch (prop_id)
    {
    case PROP_OCCURRENCE:
      self->occurrence = g_value_dup_object (value);
      break;
    case PROP_COLOUR:
      treff_booking_tile_set_colour (self, g_value_get_string (value));
      break;
    case PROP_SHOW_ROOM:
      treff_booking_tile_set_show_room (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
treff_booking_tile_class_init (TreffBookingTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = treff_booking_tile_constructed;
  object_class->dispose = treff_booking_tile_dispose;
  object_class->finalize = treff_booking_tile_finalize;
  object_class->get_property = treff_booking_tile_get_property;
  object_class->set_property = treff_booking_tile_set_property;

  widget_class->measure = treff_booking_tile_measure;
  widget_class->size_allocate = treff_booking_tile_size_allocate;
  widget_class->snapshot = treff_booking_tile_snapshot;
  widget_class->state_flags_changed = treff_booking_tile_state_flags_changed;

  properties[PROP_OCCURRENCE] =
    g_param_spec_object ("occurrence", NULL, NULL, TREFF_TYPE_OCCURRENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ROOM] =
    g_param_spec_boolean ("show-room", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TreffBookingTile::activate:
   *
   * Emitted on a click, Enter or Space: the user wants to open the date.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "booking-tile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
treff_booking_tile_init (TreffBookingTile *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->show_room = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  for (guint i = 0; i < N_LINES; i++)
    {
      self->lines[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->lines[i]), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (self->lines[i]), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (self->lines[i]), TRUE);
      /* The tile's own name says it all; the lines would repeat it. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->lines[i]),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      gtk_widget_set_parent (self->lines[i], GTK_WIDGET (self));
      if (i != LINE_TITLE)
        gtk_widget_add_css_class (self->lines[i], "caption");
    }

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_colour (self);
}

GtkWidget *
treff_booking_tile_new (TreffOccurrence *occurrence)
{
  g_return_val_if_fail (TREFF_IS_OCCURRENCE (occurrence), NULL);

  return g_object_new (TREFF_TYPE_BOOKING_TILE,
                       "occurrence", occurrence,
                       "colour", treff_occurrence_get_room_colour (occurrence),
                       NULL);
}

TreffOccurrence *
treff_booking_tile_get_occurrence (TreffBookingTile *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING_TILE (self), NULL);

  return self->occurrence;
}

const char *
treff_booking_tile_get_colour (TreffBookingTile *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING_TILE (self), NULL);

  return self->colour;
}

/**
 * treff_booking_tile_set_colour:
 * @colour: (nullable): a CSS colour such as "#3584e4"
 */
void
treff_booking_tile_set_colour (TreffBookingTile *self,
                               const char       *colour)
{
  g_return_if_fail (TREFF_IS_BOOKING_TILE (self));

  if (g_strcmp0 (self->colour, colour) == 0)
    return;

  g_free (self->colour);
  self->colour = g_strdup (colour);
  update_colour (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

gboolean
treff_booking_tile_get_show_room (TreffBookingTile *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING_TILE (self), FALSE);

  return self->show_room;
}

/* In the rooms-side-by-side view the column already names the room. */
void
treff_booking_tile_set_show_room (TreffBookingTile *self,
                                  gboolean          show_room)
{
  g_return_if_fail (TREFF_IS_BOOKING_TILE (self));

  show_room = !!show_room;
  if (self->show_room == show_room)
    return;

  self->show_room = show_room;
  update_line_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ROOM]);
}

gboolean
treff_booking_tile_get_compact (TreffBookingTile *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING_TILE (self), FALSE);

  return self->compact;
}

/* A compact tile shows only its title on one line: for all-day dates. */
void
treff_booking_tile_set_compact (TreffBookingTile *self,
                                gboolean          compact)
{
  g_return_if_fail (TREFF_IS_BOOKING_TILE (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update_title (self);
  update_line_visibility (self);
}

/* The accessible name, as a screen reader says it. */
const char *
treff_booking_tile_get_label (TreffBookingTile *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING_TILE (self), NULL);

  return self->label;
}

gboolean
treff_booking_tile_is_cancelled (TreffBookingTile *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING_TILE (self), FALSE);

  return self->cancelled;
}

gboolean
treff_booking_tile_is_requested (TreffBookingTile *self)
{
  g_return_val_if_fail (TREFF_IS_BOOKING_TILE (self), FALSE);

  return self->requested;
}
