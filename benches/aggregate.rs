//! Benchmark of `aggregate` (load + merge) over 1000 generated assessment files of the
//! built-in questionnaire, then its peak memory over 1000 files of about 4 MB each (the
//! largest a mamori file may be). Prints figures; asserts nothing (machines are noisy).
//! Run: `cargo bench --bench aggregate` (budgets: ≤ 1 s on the 2-core CI machine for the small
//! files; peak memory < 200 MB for the large ones).

use std::time::Instant;

use mamori::model::aggregate::aggregate_files;
use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;

const FILES: usize = 1000;
const RUNS: usize = 5;

/// A small deterministic generator, so every run aggregates the same class.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// The peak resident memory of this process so far (VmHWM), in MB.
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// 1000 files of about 4 MB each: every question answered with a long note, and answers to
/// questions the questionnaire does not have (kept in the file) to fill it up. Ten different
/// files, each linked under 100 names (hard links), so the disk holds 40 MB, not 4 GB; each
/// name is still opened, read and parsed on its own.
fn large_class(bundle: &mamori::model::schema::Bundle) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let date = Date::parse("2026-11-22")?;
    let started = Instant::now();
    let mut size = 0;
    for k in 0..10 {
        let mut a = Assessment::new(bundle, date);
        for (_, q) in bundle.questions() {
            a.set_answer(&q.id, Some(Answer::ALL[k % 5]));
        }
        let note = format!("{k}: {}", "秘密管理の記録。".repeat(1000));
        let mut i = 0;
        // One note (about 24 KB) at a time, so the file stays under the 4 MiB limit.
        while a.to_ron_string()?.len() < 3_900_000 {
            a.answers.entry(format!("old.q{i}")).or_default().note = note.clone();
            i += 1;
        }
        let first = dir.path().join(format!("p{k}-000.ron"));
        a.save(&first)?;
        size = std::fs::metadata(&first)?.len();
        for n in 1..100 {
            std::fs::hard_link(&first, dir.path().join(format!("p{k}-{n:03}.ron")))?;
        }
    }
    println!(
        "generated 1000 files of {:.1} MB in {:.1} s; peak memory before aggregating: {:.0} MB",
        size as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        peak_mb()
    );
    let t = Instant::now();
    let (agg, skipped) = aggregate_files(bundle, &[dir.path().to_path_buf()], None);
    assert_eq!(agg.participants, 1000, "{:?}", skipped.first());
    println!(
        "aggregate 1000 files of {:.1} MB: {:.1} s, peak memory (VmHWM) {:.0} MB (budget 200 MB)",
        size as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        peak_mb()
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bundle = load_embedded().bundle;
    // First, while the process is small: the peak memory of the large class.
    large_class(&bundle)?;
    let dir = tempfile::tempdir()?;
    let mut rng = Lcg(42);
    let date = Date::parse("2026-11-22")?;
    let started = Instant::now();
    for i in 0..FILES {
        let mut a = Assessment::new(&bundle, date);
        a.company.name = format!("受講者{i:04}");
        for (_, q) in bundle.questions() {
            // About one question in ten is left unanswered.
            let r = rng.next() % 11;
            if let Some(v) = Answer::ALL.get(r as usize % 6).filter(|_| r < 10) {
                a.set_answer(&q.id, Some(*v));
            }
        }
        a.save(&dir.path().join(format!("p{i:04}.ron")))?;
    }
    println!(
        "generated {FILES} files in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let (agg, skipped) = aggregate_files(&bundle, &[dir.path().to_path_buf()], None);
        let total = t.elapsed();
        assert_eq!(agg.participants, FILES, "{:?}", skipped.first());
        println!(
            "aggregate {FILES} files (read, parse, score and merge one at a time): {:.3} s",
            total.as_secs_f64()
        );
        times.push(total.as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "median of {RUNS}: {:.3} s (budget 1 s), best {:.3} s",
        times[RUNS / 2],
        times[0]
    );
    Ok(())
}
