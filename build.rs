//! Embeds every `.ron` file under `questionnaires/` and `examples/workshop/` into the binary
//! as `(relative path, bytes)` lists. For Windows (GNU toolchain) it also links the programs'
//! resources: the icon, the version information and the manifest (`packaging/windows/`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

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
    windows_resources(manifest);
}

/// On a Windows target, compiles the resource script (icon, version, manifest) with MinGW's
/// `windres` (or `$WINDRES`) and links the object into every program of the package.
fn windows_resources(manifest: &Path) {
    println!("cargo:rerun-if-changed=assets/icon/mamori.ico");
    println!("cargo:rerun-if-changed=packaging/windows/mamori.manifest");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    if std::env::var("CARGO_CFG_TARGET_ENV").as_deref() != Ok("gnu") {
        println!(
            "cargo:warning=the icon and version resources are linked only with the GNU (MinGW) toolchain"
        );
        return;
    }
    let version = std::env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let mut numbers: Vec<String> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|n| n.parse::<u16>().unwrap_or(0).to_string())
        .collect();
    numbers.resize(4, "0".into());
    let numbers = numbers.join(",");
    let path = |p: &str| manifest.join(p).to_string_lossy().replace('\\', "/");
    let rc = format!(
        r#"1 ICON "{icon}"
1 24 "{manifest}"
1 VERSIONINFO
FILEVERSION {numbers}
PRODUCTVERSION {numbers}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "FileDescription", "mamori"
      VALUE "FileVersion", "{version}"
      VALUE "ProductName", "mamori"
      VALUE "ProductVersion", "{version}"
      VALUE "LegalCopyright", "MIT OR Apache-2.0"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#,
        icon = path("assets/icon/mamori.ico"),
        manifest = path("packaging/windows/mamori.manifest"),
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let script = out.join("mamori.rc");
    let object = out.join("mamori-resources.o");
    fs::write(&script, rc).expect("OUT_DIR is writable");
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| {
        let cross = "x86_64-w64-mingw32-windres";
        if Command::new(cross).arg("--version").output().is_ok() {
            cross.into()
        } else {
            "windres".into()
        }
    });
    let status = Command::new(&windres)
        .arg("--input")
        .arg(&script)
        .arg("--output-format=coff")
        .arg("--output")
        .arg(&object)
        .status()
        .unwrap_or_else(|e| {
            panic!("{windres} cannot be run ({e}); install MinGW-w64 binutils or set WINDRES")
        });
    assert!(status.success(), "{windres} failed on {}", script.display());
    println!("cargo:rustc-link-arg-bins={}", object.display());
}
