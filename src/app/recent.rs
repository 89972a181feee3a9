//! How recent files are named on the start and comparison pages: an unencrypted file by its
//! path, an encrypted one neutrally — 「暗号化されたファイル(2026年12月1日に保存)」 — since its
//! path may name the company whose check it protects. 「前回の続きから」 (Continue) describes
//! an unencrypted file by what is in it: company, date of the check and how much is answered.
//! Worked out when the list or the language changes (or the start page is entered again),
//! not on every frame.

use std::path::{Path, PathBuf};

use super::secure::is_encrypted_file;
use crate::model::assessment::Assessment;
use crate::model::date::{local_zone, Date};
use crate::model::schema::Bundle;
use crate::model::text::Lang;

/// The names shown for the recent files (and the last file).
#[derive(Debug, Default)]
pub struct RecentNames {
    paths: Vec<PathBuf>,
    lang: Option<Lang>,
    names: Vec<String>,
    summaries: Vec<String>,
}

impl RecentNames {
    /// Names `paths` in `lang`, unless they are named already.
    pub fn update(&mut self, paths: Vec<PathBuf>, bundle: &Bundle, lang: Lang) {
        if self.paths == paths && self.lang == Some(lang) {
            return;
        }
        self.names = paths.iter().map(|p| name_of(p, bundle, lang)).collect();
        self.summaries = paths.iter().map(|p| summary_of(p, bundle, lang)).collect();
        self.paths = paths;
        self.lang = Some(lang);
    }

    /// The name shown for `path`: the neutral name of an encrypted file, else the path.
    pub fn name(&self, path: &Path) -> String {
        self.paths
            .iter()
            .position(|p| p == path)
            .map(|i| self.names[i].clone())
            .unwrap_or_else(|| path.display().to_string())
    }

    /// What `path` holds, for 「前回の続きから」: company, date and 「回答済み N / M」; an
    /// encrypted file neutrally, a file that cannot be read by its path.
    pub fn summary(&self, path: &Path) -> String {
        self.paths
            .iter()
            .position(|p| p == path)
            .map(|i| self.summaries[i].clone())
            .unwrap_or_else(|| path.display().to_string())
    }

    /// Forgets the names, so they are worked out again (the files may have changed).
    pub fn refresh(&mut self) {
        self.paths.clear();
    }
}

/// Company, date of the check and progress of an unencrypted file; else its shown name.
fn summary_of(path: &Path, bundle: &Bundle, lang: Lang) -> String {
    if is_encrypted_file(path) {
        return name_of(path, bundle, lang);
    }
    let Ok(a) = Assessment::load(path) else {
        return path.display().to_string();
    };
    let company = match a.company.name.trim() {
        "" => bundle.s("ui.company_unnamed", lang),
        name => name,
    };
    let prefs = super::Prefs {
        lang,
        ..Default::default()
    };
    let scores = super::view::ScoreCache::default();
    let v = super::view::View::new(bundle, &prefs, &scores, false);
    let progress = v.words().progress(&v.score(&a));
    format!("{company}  {}  {progress}", a.date.display(lang))
}

/// The shown name of one file.
fn name_of(path: &Path, bundle: &Bundle, lang: Lang) -> String {
    if !is_encrypted_file(path) {
        return path.display().to_string();
    }
    let saved = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok())
        .map(|t| Date::today_in(t, &local_zone()).display(lang))
        .unwrap_or_else(|| "—".into());
    bundle
        .s("ui.recent_encrypted", lang)
        .replace("{date}", &saved)
}
