//! Fuzz target: any bytes through the assessment-file reader.
//!
//! Properties: no panic; a file that loads is scored without panic, and saving it and reading
//! the saved text back gives the same assessment.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mamori::model::assessment::Assessment;
use mamori::model::load::load_embedded;
use mamori::model::schema::Bundle;
use mamori::model::scoring::score;

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| load_embedded().bundle)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(a) = Assessment::from_bytes("fuzz.ron", data) {
        let _ = score(bundle(), &a);
        let text = match a.to_ron_string() {
            Ok(text) => text,
            Err(e) => panic!("a loaded assessment cannot be written as text: {e}"),
        };
        match Assessment::from_ron_str("saved.ron", &text) {
            Ok(back) => assert_eq!(back, a, "save/load round trip changed the assessment"),
            Err(e) => panic!("a loaded assessment saved as text that does not load: {e}\n{text}"),
        }
    }
});
