//! Any bytes as a pasted list: decoded and parsed without a panic, and the lines make a
//! valid new session.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stelling::import::{decode, list};
use stelling::model::{Language, validate};

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = decode(data) else {
        return;
    };
    let lines = list::parse(&text);
    let session = list::new_session("Fuzz", Language::Nl, &lines);
    assert_eq!(validate::session(&session), Ok(()));
});
