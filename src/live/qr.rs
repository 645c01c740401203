//! The join address as a QR code: a square of dark and light modules, drawn by the UI.

/// A QR code's modules, row by row; `true` is dark.
pub struct Qr {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// The QR code of `text` (an address fits easily), or `None` if it is too long for one.
pub fn qr(text: &str) -> Option<Qr> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    Some(Qr {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_makes_a_small_square_code() {
        let q = super::qr("http://192.168.1.20:8080/").unwrap();
        assert_eq!(q.dark.len(), q.width * q.width);
        assert!(q.width >= 21 && q.width <= 33, "{}", q.width);
        // The finder pattern's corner is dark.
        assert!(q.dark[0]);
    }
}
