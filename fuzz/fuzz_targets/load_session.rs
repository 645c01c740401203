//! Any bytes as a session file: a session or an error, never a panic; what loads is valid and
//! survives a save and a load unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use stelling::model::validate;
use stelling::store;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(session) = store::parse(text, Path::new("fuzz.ron")) {
        assert_eq!(validate::session(&session), Ok(()));
        let again = store::parse(&store::to_ron(&session), Path::new("again.ron"))
            .expect("what was saved loads");
        assert_eq!(again, session);
    }
});
