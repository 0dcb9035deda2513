//! Colours, as the clinic's brand and the theme give them and the PDF paints them.

/// A colour in 8-bit sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb {
    /// Red.
    pub red: u8,
    /// Green.
    pub green: u8,
    /// Blue.
    pub blue: u8,
}

impl Rgb {
    /// A colour from its three channels.
    pub const fn new(red: u8, green: u8, blue: u8) -> Rgb {
        Rgb { red, green, blue }
    }

    /// This colour mixed with white: `amount` 0 is this colour, 1 is white. Used for tints.
    pub fn tint(self, amount: f32) -> Rgb {
        let mix = |channel: u8| {
            let channel = f32::from(channel);
            (channel + (255.0 - channel) * amount.clamp(0.0, 1.0)).round() as u8
        };
        Rgb::new(mix(self.red), mix(self.green), mix(self.blue))
    }
}
