//! QR codes for links: encoded here, once, so layout only draws squares. Nothing is fetched;
//! the URL is only encoded.

use qrcode::{Color, EcLevel, QrCode};

use crate::load::refusal::Refusal;

/// A QR code as a square grid of modules, without its quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side.
    pub width: usize,
    /// Row by row, `true` for a dark module.
    pub dark: Vec<bool>,
    /// The encoded link, also used for the PDF's clickable area.
    pub url: String,
}

impl QrMatrix {
    /// Encodes a web link, refusing what a phone could not open.
    pub fn for_url(url: &str) -> Result<QrMatrix, Refusal> {
        let url = url.trim();
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if !scheme_ok || url.contains(char::is_whitespace) || url.len() < 12 {
            return Err(Refusal::new(format!(
                "`{url}` is not a web link starting with https://"
            )));
        }
        let code =
            QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).map_err(|error| {
                Refusal::new(format!("`{url}` cannot be made into a QR code ({error})"))
                    .with_hint("use a shorter link")
            })?;
        Ok(QrMatrix {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|color| color == Color::Dark)
                .collect(),
            url: url.to_string(),
        })
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_encode_and_other_text_does_not() {
        let code = QrMatrix::for_url("https://riversidemassage.ca/book").unwrap();
        assert!(code.width >= 21 && code.dark.len() == code.width * code.width);
        assert!(code.is_dark(0, 0), "finder pattern corner");
        assert!(QrMatrix::for_url("javascript:alert(1)").is_err());
        assert!(QrMatrix::for_url("https://example.com/a b").is_err());
        assert!(QrMatrix::for_url(&format!("https://example.com/{}", "x".repeat(3000))).is_err());
    }
}
