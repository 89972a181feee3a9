//! Benchmark of `aggregate` (load + merge) over 1000 generated assessment files of the
//! built-in questionnaire. Prints figures; asserts nothing (machines are noisy).
//! Run: `cargo bench --bench aggregate` (budget: ≤ 1 s on the 2-core CI machine).

use std::time::Instant;

use mamori::model::aggregate::{aggregate, load_set};
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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bundle = load_embedded().bundle;
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
        let set = load_set(&bundle, &[dir.path().to_path_buf()]);
        let loaded = t.elapsed();
        let agg = aggregate(&bundle, &set);
        let total = t.elapsed();
        assert_eq!(agg.participants, FILES, "{:?}", agg.skipped.first());
        println!(
            "aggregate {FILES} files: load {:.3} s + merge {:.3} s = {:.3} s",
            loaded.as_secs_f64(),
            (total - loaded).as_secs_f64(),
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
