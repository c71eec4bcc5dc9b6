//! Points in the picture's plane, and the little vector arithmetic the poses need.

use std::ops::{Add, Mul, Sub};

/// A point (or a direction) in picture units; y grows downward, as in SVG.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    pub fn dot(self, other: Point) -> f32 {
        self.x * other.x + self.y * other.y
    }

    pub fn length(self) -> f32 {
        self.dot(self).sqrt()
    }

    /// The same direction with length one; zero stays zero.
    pub fn unit(self) -> Point {
        let length = self.length();
        if length < 1e-6 {
            Point::default()
        } else {
            self * (1.0 / length)
        }
    }

    /// Turned a quarter to the left (counter-clockwise on screen).
    pub fn perpendicular(self) -> Point {
        Point::new(self.y, -self.x)
    }

    /// The point a fraction `t` of the way to `other`.
    pub fn lerp(self, other: Point, t: f32) -> Point {
        self + (other - self) * t
    }

    /// Distance from this point to the segment `a`–`b`.
    pub fn distance_to_segment(self, a: Point, b: Point) -> f32 {
        let along = b - a;
        let t = ((self - a).dot(along) / along.dot(along).max(1e-6)).clamp(0.0, 1.0);
        (self - a.lerp(b, t)).length()
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }
}

impl Sub for Point {
    type Output = Point;
    fn sub(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }
}

impl Mul<f32> for Point {
    type Output = Point;
    fn mul(self, factor: f32) -> Point {
        Point::new(self.x * factor, self.y * factor)
    }
}

/// Where the elbow goes for a hand at `target`: two segments of `upper` and `fore`
/// from `shoulder`, bending toward `bend`. Out of reach, the arm points straight at it.
pub fn elbow_for(shoulder: Point, target: Point, upper: f32, fore: f32, bend: Point) -> Point {
    let to_target = target - shoulder;
    let distance = to_target.length();
    let direction = to_target.unit();
    if distance >= upper + fore || distance < 1e-3 {
        return shoulder + direction * (distance * upper / (upper + fore));
    }
    // Along the reach, then out to the side: the law of cosines without angles.
    let along = (upper * upper - fore * fore + distance * distance) / (2.0 * distance);
    let out = (upper * upper - along * along).max(0.0).sqrt();
    let side = direction.perpendicular();
    let side = if side.dot(bend) >= 0.0 { side } else { side * -1.0 };
    shoulder + direction * along + side * out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_elbow_keeps_both_segments_their_length() {
        let shoulder = Point::new(10.0, 10.0);
        for target in [
            Point::new(30.0, 20.0),
            Point::new(12.0, 35.0),
            Point::new(-5.0, 18.0),
        ] {
            let elbow = elbow_for(shoulder, target, 15.0, 14.0, Point::new(1.0, 0.0));
            assert!(((elbow - shoulder).length() - 15.0).abs() < 0.01);
            assert!(((target - elbow).length() - 14.0).abs() < 0.01);
            assert!((elbow - shoulder).dot(Point::new(1.0, 0.0)) > -15.0);
        }
    }

    #[test]
    fn distance_to_a_segment_is_to_its_nearest_point() {
        let (a, b) = (Point::new(0.0, 0.0), Point::new(10.0, 0.0));
        assert_eq!(Point::new(5.0, 3.0).distance_to_segment(a, b), 3.0);
        assert_eq!(Point::new(13.0, 4.0).distance_to_segment(a, b), 5.0);
    }
}
