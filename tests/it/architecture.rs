//! The pure core must not know about the GUI or the PDF library.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/model is readable") {
        let p = e.expect("directory entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn core_imports_neither_egui_nor_printpdf() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model"),
        &mut files,
    );
    assert!(files.len() >= 5, "{files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for banned in ["egui", "eframe", "printpdf", "rfd::"] {
                assert!(
                    !code.contains(banned),
                    "{}:{}: the pure core uses {banned}: {line}",
                    f.display(),
                    n + 1
                );
            }
        }
    }
}
