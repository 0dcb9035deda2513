//! Rectangles, rounded boxes and circles.

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;

use crate::layout::geometry::Rect;
use crate::layout::page::Shape;
use crate::model::colour::Rgb;

/// A krilla colour from ours.
pub fn color(color: Rgb) -> rgb::Color {
    rgb::Color::new(color.red, color.green, color.blue)
}

/// Draws a shape with its fill under its outline.
pub fn draw_shape(surface: &mut Surface, shape: &Shape) {
    let Some(path) = rounded_rect(shape.rect, shape.corner_radius) else {
        return;
    };
    surface.set_fill(shape.fill.map(|fill| Fill {
        paint: color(fill).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
    surface.set_stroke(shape.stroke.map(|(stroke, width)| Stroke {
        paint: color(stroke).into(),
        width,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

/// A rectangle with corners rounded by `radius` (a circle when the radius is half the side).
fn rounded_rect(rect: Rect, radius: f32) -> Option<Path> {
    let radius = radius.min(rect.width / 2.0).min(rect.height / 2.0).max(0.0);
    let (left, top, right, bottom) = (rect.x, rect.y, rect.right(), rect.bottom());
    let mut builder = PathBuilder::new();
    if radius <= 0.0 {
        builder.move_to(left, top);
        builder.line_to(right, top);
        builder.line_to(right, bottom);
        builder.line_to(left, bottom);
        builder.close();
        return builder.finish();
    }
    // Cubic Bézier circle approximation constant.
    let k = radius * 0.552_284_8;
    builder.move_to(left + radius, top);
    builder.line_to(right - radius, top);
    builder.cubic_to(
        right - radius + k,
        top,
        right,
        top + radius - k,
        right,
        top + radius,
    );
    builder.line_to(right, bottom - radius);
    builder.cubic_to(
        right,
        bottom - radius + k,
        right - radius + k,
        bottom,
        right - radius,
        bottom,
    );
    builder.line_to(left + radius, bottom);
    builder.cubic_to(
        left + radius - k,
        bottom,
        left,
        bottom - radius + k,
        left,
        bottom - radius,
    );
    builder.line_to(left, top + radius);
    builder.cubic_to(
        left,
        top + radius - k,
        left + radius - k,
        top,
        left + radius,
        top,
    );
    builder.close();
    builder.finish()
}
