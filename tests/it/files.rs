//! Files on disk: nothing can destroy an assessment, lose an answer or widen who can read it
//! (modes, links, read-only files, FIFOs, size limit, temp files, all-or-nothing exports).
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common;

use mamori::model::assessment::{Assessment, AssessmentError, MAX_NOTE_CHARS};
use mamori::model::diag::MAX_FILE_BYTES;
use mamori::model::fsutil::{backup_path, read_regular, write_all_or_nothing, write_atomic};
use mamori::model::schema::Answer;

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn chmod(p: &Path, m: u32) {
    fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn mkfifo(p: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .unwrap();
    assert!(ok.success());
}

fn sample() -> Assessment {
    common::answered(&common::mini(), &[("quick.rules", Answer::No)])
}

#[test]
fn new_files_are_created_for_the_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.ron");
    sample().save(&p).unwrap();
    assert_eq!(mode(&p), 0o600);
    write_atomic(&dir.path().join("r.pdf"), b"%PDF").unwrap();
    assert_eq!(mode(&dir.path().join("r.pdf")), 0o600);
}

#[test]
fn a_save_keeps_the_mode_of_the_file_and_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.ron");
    let mut a = sample();
    a.save(&p).unwrap();
    // An older mamori left a world-readable backup: it must not stay so.
    fs::write(backup_path(&p), "old").unwrap();
    chmod(&backup_path(&p), 0o644);
    chmod(&p, 0o600);
    a.set_answer("quick.rules", Some(Answer::Yes));
    a.save(&p).unwrap();
    assert_eq!(mode(&p), 0o600);
    assert_eq!(mode(&backup_path(&p)), 0o600);
    // A file the owner chose to share stays shared.
    chmod(&p, 0o640);
    a.set_answer("quick.rules", Some(Answer::No));
    a.save(&p).unwrap();
    assert_eq!(mode(&p), 0o640);
}

#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("ro.ron");
    let mut a = sample();
    a.save(&p).unwrap();
    let before = fs::read(&p).unwrap();
    chmod(&p, 0o444);
    a.set_answer("quick.rules", Some(Answer::Yes));
    let err = a.save(&p).unwrap_err().to_string();
    assert!(err.contains("read-only") && err.contains("ro.ron"), "{err}");
    assert_eq!(fs::read(&p).unwrap(), before);
    assert_eq!(mode(&p), 0o444);
    assert!(!backup_path(&p).exists());
}

#[test]
fn a_link_is_followed_and_its_target_replaced() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/target.ron");
    let link = dir.path().join("link.ron");
    let mut a = sample();
    a.save(&target).unwrap();
    std::os::unix::fs::symlink("real/target.ron", &link).unwrap();
    a.set_answer("quick.rules", Some(Answer::Yes));
    a.save(&link).unwrap();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let back = Assessment::load(&target).unwrap();
    assert_eq!(back.answer("quick.rules"), Some(Answer::Yes));
    // The backup and the temp files live next to the target, not next to the link.
    assert!(backup_path(&target).exists());
    assert_eq!(names(dir.path()), ["link.ron", "real"]);
}

#[test]
fn a_fifo_or_a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    let t = Instant::now();
    let err = Assessment::load(&fifo).unwrap_err().to_string();
    assert!(
        err.contains("named pipe") && err.contains("pipe.ron"),
        "{err}"
    );
    let err = read_regular(Path::new("/dev/zero"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("device"), "{err}");
    // Writing over one is refused too (a rename would silently replace it).
    let err = write_atomic(&fifo, b"x").unwrap_err().to_string();
    assert!(err.contains("named pipe"), "{err}");
    assert!(t.elapsed() < Duration::from_secs(1));
}

#[test]
fn saving_never_writes_what_loading_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.ron");
    let mut a = sample();
    a.save(&p).unwrap();
    let before = fs::read(&p).unwrap();
    // Long notes on many questions: each note is within its limit, the file is not.
    for i in 0..(MAX_FILE_BYTES / (MAX_NOTE_CHARS * 3) + 2) {
        a.answers.entry(format!("extra.{i}")).or_default().note = "秘".repeat(MAX_NOTE_CHARS);
    }
    let err = a.save(&p).unwrap_err();
    assert!(matches!(err, AssessmentError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("unchanged"), "{err}");
    assert_eq!(fs::read(&p).unwrap(), before);
    assert_eq!(names(dir.path()), ["big.ron"]);
}

#[test]
fn a_compact_file_does_not_grow_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.ron");
    // Written compactly by hand or by another tool: many short answers.
    let mut text = String::from(
        "Assessment(format_version:2,questionnaire:(id:\"mini\",version:1),date:\"2026-11-22\",answers:{",
    );
    for i in 0..20_000 {
        text.push_str(&format!("\"x.{i}\":(value:Some(Yes),note:\"ok\"),"));
    }
    text.push_str("})");
    fs::write(&p, &text).unwrap();
    let a = Assessment::load(&p).unwrap();
    a.save(&p).unwrap();
    let saved = fs::metadata(&p).unwrap().len() as f64;
    let growth = saved / text.len() as f64;
    assert!(growth < 2.0, "the file grew {growth:.1}×");
    assert_eq!(Assessment::load(&p).unwrap(), a);
}

#[test]
fn a_temp_file_of_a_killed_run_is_removed_when_the_folder_is_next_written() {
    let dir = tempfile::tempdir().unwrap();
    // Process 4194305 cannot exist (above Linux's highest pid); pid 1 always runs.
    let dead = dir.path().join(".out.pdf.tmp-4194305");
    let dead_new = dir.path().join(".out.pdf.tmp-4194305-7");
    let alive = dir.path().join(".other.pdf.tmp-1-0");
    let foreign = dir.path().join(".notes.tmp-x");
    for f in [&dead, &dead_new, &alive, &foreign] {
        fs::write(f, "secret").unwrap();
    }
    write_atomic(&dir.path().join("out.pdf"), b"%PDF").unwrap();
    assert_eq!(
        names(dir.path()),
        [".notes.tmp-x", ".other.pdf.tmp-1-0", "out.pdf"]
    );
}

#[test]
fn a_csv_pair_is_written_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("out.csv");
    let inv = dir.path().join("out-inventory.csv");
    fs::write(&csv, "old findings").unwrap();
    // The second file cannot be written: a folder has its name.
    fs::create_dir(&inv).unwrap();
    let (failed, _) =
        write_all_or_nothing(&[(&csv, b"new findings"), (&inv, b"new inv")]).unwrap_err();
    assert_eq!(failed, inv);
    assert_eq!(fs::read_to_string(&csv).unwrap(), "old findings");
    assert_eq!(names(dir.path()), ["out-inventory.csv", "out.csv"]);
    // Through the export, the message names both files.
    let b = common::mini();
    let a = sample();
    let err = mamori::model::export::write_csv_pair(&b, &a, &csv, mamori::model::text::Lang::En)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("out.csv") && err.contains("out-inventory.csv"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&csv).unwrap(), "old findings");
}

#[test]
fn an_os_error_is_printed_once() {
    let o = common::mamori(&["score", "/nonexistent-mamori/a.ron"]);
    let err = common::stderr(&o);
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
}

const MEMORY_CHILD: &str = "MAMORI_AGGREGATE_MEMORY_CHILD";

/// The peak resident memory of this process so far (VmHWM), in kB.
fn peak_kb() -> u64 {
    let s = fs::read_to_string("/proc/self/status").unwrap();
    let line = s.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// The child of `aggregate_holds_one_file_at_a_time`: aggregates the folder it is given and
/// prints how much its peak memory grew meanwhile (alone in its process, so nothing else
/// counts).
#[test]
#[ignore = "the child process of `aggregate_holds_one_file_at_a_time`"]
fn child_aggregate_memory() {
    let dir = std::env::var(MEMORY_CHILD).expect("run by the memory test only");
    let b = mamori::model::load::load_embedded().bundle;
    let before = peak_kb();
    let (agg, skipped) = mamori::model::aggregate::aggregate_files(&b, &[dir.into()], None);
    assert!(skipped.is_empty(), "{skipped:?}");
    println!(
        "participants {} peak-growth-kb {}",
        agg.participants,
        peak_kb() - before
    );
}

#[test]
fn aggregate_holds_one_file_at_a_time() {
    // 30 files of about 2 MB (one file under 30 names: each is still read and parsed alone).
    let dir = tempfile::tempdir().unwrap();
    let b = mamori::model::load::load_embedded().bundle;
    let mut a = Assessment::new(&b, mamori::model::date::Date::parse("2026-11-22").unwrap());
    for (_, q) in b.questions() {
        a.set_answer(&q.id, Some(Answer::Partly));
    }
    for i in 0..100 {
        a.answers.entry(format!("old.q{i}")).or_default().note = "記録".repeat(3000);
    }
    let first = dir.path().join("p00.ron");
    a.save(&first).unwrap();
    let size = fs::metadata(&first).unwrap().len();
    assert!(size > 1_500_000, "{size}");
    for n in 1..30 {
        fs::hard_link(&first, dir.path().join(format!("p{n:02}.ron"))).unwrap();
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "files::child_aggregate_memory",
            "--nocapture",
        ])
        .env(MEMORY_CHILD, dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = text
        .lines()
        .find(|l| l.starts_with("participants"))
        .unwrap();
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(words[1], "30", "{line}");
    let growth_mb = words[3].parse::<u64>().unwrap() / 1024;
    println!("aggregate of 30 files of {size} bytes: peak memory grew {growth_mb} MB");
    // All 30 at once would take more than 30 × 2 MB; one at a time, a few times one file.
    assert!(
        growth_mb < 25,
        "peak memory grew {growth_mb} MB over 30 files of {size} bytes"
    );
}
