//! A small logger for the desktop app: eframe, winit and rfd report problems (a missing file
//! dialog portal, a GL context that failed) only through the `log` crate, so without a logger
//! those reasons would be lost. Messages go to standard error; the level comes from the
//! `MAMORI_LOG` environment variable (`error`, `warn`, `info`, `debug`, `trace`; default `warn`).

use std::io::Write;

use log::{LevelFilter, Log, Metadata, Record};

struct StderrLogger {
    level: LevelFilter,
}

impl Log for StderrLogger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= self.level
    }

    fn log(&self, record: &Record<'_>) {
        if self.enabled(record.metadata()) {
            let _ = writeln!(std::io::stderr().lock(), "{}", format_record(record));
        }
    }

    fn flush(&self) {}
}

/// One log line: `mamori: [WARN rfd::backend] message`.
fn format_record(record: &Record<'_>) -> String {
    format!(
        "mamori: [{} {}] {}",
        record.level(),
        record.target(),
        record.args()
    )
}

/// Parses a `MAMORI_LOG` value; anything unknown gives `warn`.
pub fn level_from(value: Option<&str>) -> LevelFilter {
    match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        Some("off") => LevelFilter::Off,
        Some("error") => LevelFilter::Error,
        Some("info") => LevelFilter::Info,
        Some("debug") => LevelFilter::Debug,
        Some("trace") => LevelFilter::Trace,
        _ => LevelFilter::Warn,
    }
}

/// Installs the logger once; a second call (or another logger already set) changes nothing.
pub fn install() {
    let level = level_from(std::env::var("MAMORI_LOG").ok().as_deref());
    let logger = Box::leak(Box::new(StderrLogger { level }));
    if log::set_logger(logger).is_ok() {
        log::set_max_level(level);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use log::Level;

    fn writes(value: Option<&str>, level: Level) -> bool {
        level <= level_from(value)
    }

    #[test]
    fn default_is_warn_and_values_are_understood() {
        assert!(writes(None, Level::Warn));
        assert!(!writes(None, Level::Info));
        assert!(writes(Some("DEBUG"), Level::Debug));
        assert!(!writes(Some("off"), Level::Error));
        assert!(writes(Some("nonsense"), Level::Error));
    }

    #[test]
    fn a_line_names_level_and_target() {
        let args = format_args!("no portal");
        let record = Record::builder()
            .args(args)
            .level(Level::Warn)
            .target("rfd")
            .build();
        assert_eq!(format_record(&record), "mamori: [WARN rfd] no portal");
    }
}
