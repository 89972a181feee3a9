//! Encryption at rest: the library (save/load encrypted, backups never in plaintext) and the
//! CLI (`encrypt`, `decrypt`, `--passphrase-file` on `score` and `answer`). Each CLI call does
//! one scrypt derivation of about a second, so the CLI test keeps their number small.
use crate::common;

use crate::common::{mamori, p};

use std::path::Path;

use mamori::model::assessment::{Assessment, AssessmentError};
use mamori::model::crypt::{is_encrypted, CryptError, SecretString, WorkFactor};
use mamori::model::fsutil::backup_path;
use mamori::model::schema::Answer;

const COMPANY: &str = "株式会社ひみつ工業";

fn contains_plaintext(path: &Path, needle: &str) -> bool {
    std::fs::read(path)
        .unwrap()
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn sample() -> Assessment {
    let b = mamori::model::load::load_embedded().bundle;
    let mut a = common::answered(&b, &[("quick.rules", Answer::No)]);
    a.company.name = COMPANY.into();
    a
}

#[test]
fn library_saves_encrypted_and_never_keeps_a_plaintext_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ron");
    let pass = SecretString::from("正しい合言葉".to_string());
    let mut a = sample();
    // First in plaintext (with a plaintext backup), then encrypted over it.
    a.save(&path).unwrap();
    a.assessor = "宮沢".into();
    a.save(&path).unwrap();
    assert!(contains_plaintext(&backup_path(&path), COMPANY));
    a.save_with_work(&path, Some(&pass), WorkFactor::LogN(4))
        .unwrap();
    assert!(is_encrypted(&std::fs::read(&path).unwrap()));
    assert!(!backup_path(&path).exists(), "the plaintext backup must go");
    // Further encrypted saves keep an encrypted backup.
    a.set_answer("quick.pc", Some(Answer::Yes));
    a.save_with_work(&path, Some(&pass), WorkFactor::LogN(4))
        .unwrap();
    for f in [path.clone(), backup_path(&path)] {
        assert!(is_encrypted(&std::fs::read(&f).unwrap()), "{f:?}");
        assert!(!contains_plaintext(&f, COMPANY), "{f:?}");
    }
    assert_eq!(Assessment::load_with(&path, Some(&pass)).unwrap(), a);
    // Without a passphrase, or with a wrong one: a clear error; the file is unchanged.
    let before = std::fs::read(&path).unwrap();
    let err = Assessment::load(&path).unwrap_err();
    assert!(matches!(err, AssessmentError::Encrypted { .. }), "{err}");
    assert!(err.to_string().contains("encrypted"), "{err}");
    let wrong = SecretString::from("違う".to_string());
    let err = Assessment::load_with(&path, Some(&wrong)).unwrap_err();
    assert!(
        matches!(
            err,
            AssessmentError::Crypt {
                reason: CryptError::WrongPassphrase,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("passphrase is wrong"), "{err}");
    // A damaged file.
    let mut damaged = before.clone();
    let n = damaged.len();
    damaged[n - 10] ^= 0xff;
    let err = Assessment::read("d.ron", &damaged, Some(&pass)).unwrap_err();
    assert!(err.to_string().contains("damaged"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn cli_encrypt_score_answer_decrypt() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.ron");
    sample().save(&plain).unwrap();
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "合言葉 with spaces\n").unwrap();
    let wrong = dir.path().join("wrong.txt");
    std::fs::write(&wrong, "違う合言葉\r\n").unwrap();
    let enc = dir.path().join("secret.ron");

    let o = mamori(&["encrypt", p(&plain), p(&enc), "--passphrase-file", p(&pass)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(is_encrypted(&std::fs::read(&enc).unwrap()));
    assert!(!contains_plaintext(&enc, COMPANY));

    // Score with the passphrase.
    let o = mamori(&["score", p(&enc), "--passphrase-file", p(&pass)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains(COMPANY));
    // Without it (no scrypt work): told the file is encrypted.
    let o = mamori(&["score", p(&enc)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("encrypted") && err.contains("--passphrase-file"),
        "{err}"
    );
    // Wrong passphrase: clear error, file untouched.
    let before = std::fs::read(&enc).unwrap();
    let o = mamori(&[
        "answer",
        p(&enc),
        "quick.pc",
        "yes",
        "--passphrase-file",
        p(&wrong),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("passphrase is wrong"), "{err}");
    assert_eq!(err.matches("passphrase is wrong").count(), 1, "{err}");
    assert_eq!(std::fs::read(&enc).unwrap(), before);

    // Answer in place: the file and its backup stay encrypted.
    let o = mamori(&[
        "answer",
        p(&enc),
        "quick.pc",
        "yes",
        "--passphrase-file",
        p(&pass),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in [enc.clone(), backup_path(&enc)] {
        assert!(is_encrypted(&std::fs::read(&f).unwrap()), "{f:?}");
        assert!(!contains_plaintext(&f, COMPANY), "{f:?}");
    }

    // The report and the CSV export open the encrypted file too.
    let pdf = dir.path().join("report.pdf");
    let o = mamori(&[
        "report",
        p(&enc),
        "--out",
        p(&pdf),
        "--passphrase-file",
        p(&pass),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let csv = dir.path().join("findings.csv");
    let o = mamori(&[
        "export",
        p(&enc),
        "--csv",
        p(&csv),
        "--passphrase-file",
        p(&pass),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(csv.exists());

    // Decrypt to a new file; an existing OUT is refused.
    let out = dir.path().join("back.ron");
    let o = mamori(&["decrypt", p(&enc), p(&plain), "--passphrase-file", p(&pass)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    let o = mamori(&["decrypt", p(&enc), p(&out), "--passphrase-file", p(&pass)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let back = Assessment::load(&out).unwrap();
    assert_eq!(back.company.name, COMPANY);
    assert_eq!(back.answer("quick.pc"), Some(Answer::Yes));

    // An empty passphrase file and a missing one.
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "\n").unwrap();
    let o = mamori(&[
        "encrypt",
        p(&plain),
        p(&dir.path().join("x.ron")),
        "--passphrase-file",
        p(&empty),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("empty"));
    let o = mamori(&[
        "score",
        p(&enc),
        "--passphrase-file",
        p(&dir.path().join("nope.txt")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nope.txt"));
}
