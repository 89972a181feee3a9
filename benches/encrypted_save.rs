//! Benchmark of saving and opening an encrypted assessment (age, scrypt passphrase) with the
//! work factor age picks for this machine (about one second by design). Prints figures;
//! checks only that the file opens again. Run: `cargo bench --bench encrypted_save`.
//! This is why the app writes encrypted autosaves on a background thread.

use std::time::Instant;

use mamori::model::assessment::Assessment;
use mamori::model::crypt::SecretString;
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;

const RUNS: usize = 3;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bundle = load_embedded().bundle;
    let mut a = Assessment::new(&bundle, mamori::model::date::Date::parse("2026-11-22")?);
    a.company.name = "株式会社ベンチ".into();
    for (_, q) in bundle.questions() {
        a.set_answer(&q.id, Some(Answer::Partly));
    }
    let dir = std::env::temp_dir().join(format!("mamori-bench-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("a.ron");
    let pass = SecretString::from("bench passphrase".to_string());
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;

    let mut plain = Vec::new();
    let mut save = Vec::new();
    let mut open = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        a.save(&path)?;
        plain.push(ms(t));
        let t = Instant::now();
        a.save_encrypted(&path, &pass)?;
        save.push(ms(t));
        let t = Instant::now();
        let back = Assessment::load_with(&path, Some(&pass))?;
        open.push(ms(t));
        assert_eq!(back, a);
    }
    let bytes = std::fs::read(&path)?;
    let header = String::from_utf8_lossy(&bytes[..bytes.len().min(80)]).into_owned();
    let log_n = header
        .lines()
        .find(|l| l.starts_with("-> scrypt"))
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or("?")
        .to_string();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "encrypted save/open of one assessment ({} bytes encrypted), {RUNS} runs",
        bytes.len()
    );
    println!("scrypt work factor chosen by age: 2^{log_n}");
    println!(
        "plain save (with backup, fsync): median {:.1} ms",
        median(&mut plain)
    );
    println!("encrypted save: median {:.0} ms", median(&mut save));
    println!("encrypted open: median {:.0} ms", median(&mut open));
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
