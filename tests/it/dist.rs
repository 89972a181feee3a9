//! What the packages rely on: the console program `mamori-cli` (on Windows it runs the GUI
//! program `mamori.exe` for cmd and PowerShell) passes output and exit codes through;
//! passphrase files as Windows editors write them; the icon files the packages ship.

use std::process::Command;

use crate::common::{mamori, mamori_bin, p, root};

fn mamori_cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mamori-cli"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_console_program_passes_output_errors_and_exit_codes_through() {
    for args in [&["--version"][..], &["list"][..], &["list", "--json"][..]] {
        let direct = mamori_bin(args);
        let relayed = mamori_cli(args);
        assert_eq!(relayed.status.code(), direct.status.code(), "{args:?}");
        assert_eq!(relayed.stdout, direct.stdout, "{args:?}");
        assert_eq!(relayed.stderr, direct.stderr, "{args:?}");
    }
    let o = mamori_cli(&["score", "存在しない.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("mamori: error") && err.contains("存在しない.ron"),
        "{err}"
    );
    // A usage error keeps clap's exit code 2.
    assert_eq!(mamori_cli(&["score"]).status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn mamori_cli_says_whether_the_program_is_missing_or_could_not_start() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let cli = dir.path().join("mamori-cli");
    std::fs::copy(env!("CARGO_BIN_EXE_mamori-cli"), &cli).unwrap();
    let run = || {
        Command::new(&cli)
            .args(["score", "x.ron"])
            .output()
            .unwrap()
    };
    // Alone in its folder: reinstall.
    let o = run();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("is missing") && err.contains("reinstall"),
        "{err}"
    );
    // There, but not startable (under Wine, a passing CreateProcess failure gave this): the
    // command did not run, so nothing changed and it may simply be tried again.
    let target = dir.path().join("mamori");
    std::fs::write(&target, "not a program").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = run();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(!err.contains("is missing"), "{err}");
    assert!(
        err.contains("nothing was changed") && err.contains("try it again"),
        "{err}"
    );
}

#[test]
fn passphrase_files_with_a_byte_order_mark_and_crlf_work() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("自社.ron");
    let o = mamori(&["new", "--out", p(&plain), "--company", "株式会社テスト"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Notepad: UTF-8 with a byte-order mark, CRLF.
    let notepad = dir.path().join("notepad.txt");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice("合言葉 2026\r\n".as_bytes());
    std::fs::write(&notepad, bytes).unwrap();
    // Windows PowerShell 5 `echo … > file`: UTF-16 LE with its mark, CRLF.
    let powershell = dir.path().join("powershell.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("合言葉 2026\r\n".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&powershell, bytes).unwrap();
    let lf = dir.path().join("lf.txt");
    std::fs::write(&lf, "合言葉 2026\n").unwrap();

    let enc = dir.path().join("暗号化.ron");
    let o = mamori(&[
        "encrypt",
        p(&plain),
        p(&enc),
        "--passphrase-file",
        p(&notepad),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for pass in [&powershell, &lf] {
        let o = mamori(&["score", p(&enc), "--passphrase-file", p(pass)]);
        assert!(
            o.status.success(),
            "{}: {}",
            pass.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(String::from_utf8_lossy(&o.stdout).contains("株式会社テスト"));
    }
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn the_icon_files_have_every_size() {
    let dir = root().join("assets/icon");
    for s in [16u32, 32, 48, 64, 128, 256] {
        let bytes = std::fs::read(dir.join(format!("mamori-{s}.png"))).unwrap();
        assert_eq!(png_size(&bytes), (s, s));
        assert!(
            bytes.len() < 16 * 1024,
            "mamori-{s}.png is {} bytes",
            bytes.len()
        );
    }
    // The Windows icon: an ICONDIR with the six sizes (256 is stored as 0).
    let ico = std::fs::read(dir.join("mamori.ico")).unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let count = usize::from(u16::from_le_bytes([ico[4], ico[5]]));
    let mut sizes: Vec<u32> = (0..count)
        .map(|i| match ico[6 + 16 * i] {
            0 => 256,
            w => u32::from(w),
        })
        .collect();
    sizes.sort_unstable();
    assert_eq!(sizes, [16, 32, 48, 64, 128, 256]);
    assert!(ico.len() < 64 * 1024, "mamori.ico is {} bytes", ico.len());
}
