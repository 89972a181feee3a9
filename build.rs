//! Embeds every `.ron` file under `questionnaires/` and `examples/workshop/` into the binary
//! as `(relative path, bytes)` lists.

use std::fs;
use std::path::Path;

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(root, &p, out);
        } else if p.extension().is_some_and(|e| e == "ron") {
            if let Ok(rel) = p.strip_prefix(root) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
}

/// Writes `OUT_DIR/<out>` as a Rust array of `(relative path, include_bytes!(…))`.
fn embed(root: &Path, watch: &str, out: &str) {
    println!("cargo:rerun-if-changed={watch}");
    let mut files = Vec::new();
    collect(root, root, &mut files);
    let mut code = String::from("&[\n");
    for rel in &files {
        println!("cargo:rerun-if-changed={watch}/{rel}");
        let abs = root.join(rel);
        code.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?}) as &[u8]),\n",
            abs.to_string_lossy()
        ));
    }
    code.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(out);
    fs::write(out, code).expect("OUT_DIR is writable");
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let manifest = Path::new(&manifest);
    embed(
        &manifest.join("questionnaires"),
        "questionnaires",
        "embedded.rs",
    );
    embed(
        &manifest.join("examples/workshop"),
        "examples/workshop",
        "workshop.rs",
    );
}
