//! The class view: the anonymous picture of a workshop class (several files or a folder), for
//! the projector — participants, the weakest checklists, the five objectives, the most common
//! findings with their cases and the answers to every question. Skipped files are named to the
//! trainer only, never on the projector.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, TryRecvError};

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{ClassCommand, Commands};
use crate::app::theme;
use crate::app::widgets::{advice_buttons_ui, band_bar_ui};
use crate::model::aggregate::{aggregate_files, ClassAggregate, Skipped};
use crate::model::crypt::SecretString;
use crate::model::schema::{Answer, Bundle, Objective};
use crate::model::words::Words;

/// The files of the class view and their picture.
#[derive(Debug, Default)]
pub struct ClassState {
    /// Files and folders chosen.
    pub paths: Vec<PathBuf>,
    /// The class picture of `paths`, recomputed when they change.
    pub aggregate: Option<ClassAggregate>,
    /// The files left out of the picture, with names and messages: shown to the trainer
    /// outside the projector view only.
    pub skipped: Vec<Skipped>,
    /// The passphrase of the encrypted files, once given (kept only in memory).
    pub passphrase: Option<SecretString>,
    /// The picture being read on a worker thread: with a passphrase, every encrypted file
    /// costs a key derivation (about a second by design), which must not freeze the window.
    pub reading: Option<Receiver<(ClassAggregate, Vec<Skipped>)>>,
}

impl ClassState {
    /// Reads the files again and recomputes the picture: at once when no passphrase is
    /// given (encrypted files are then left out, unread), else on a worker thread, whose
    /// result [`ClassState::poll`] takes.
    pub fn refresh(&mut self, bundle: &Bundle) {
        let Some(pass) = self.passphrase.clone() else {
            let (aggregate, skipped) = aggregate_files(bundle, &self.paths, None);
            self.aggregate = Some(aggregate);
            self.skipped = skipped;
            self.reading = None;
            return;
        };
        let (bundle, paths) = (bundle.clone(), self.paths.clone());
        let (send, result) = channel();
        std::thread::spawn(move || {
            // The receiver is gone when the class view was cleared meanwhile: nothing to tell.
            let _ = send.send(aggregate_files(&bundle, &paths, Some(&pass)));
        });
        self.reading = Some(result);
    }

    /// Takes the picture read on the worker thread once it is there (called after the frame
    /// is drawn, so the page's spinner shows at least once); true when something changed.
    pub fn poll(&mut self) -> bool {
        let Some(result) = &self.reading else {
            return false;
        };
        match result.try_recv() {
            Ok((aggregate, skipped)) => {
                self.aggregate = Some(aggregate);
                self.skipped = skipped;
                self.reading = None;
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                // A panic in the worker: keep the picture as it was, and say so in the log.
                log::error!("the class view's files could not be read: the worker stopped");
                self.reading = None;
                true
            }
        }
    }
}

/// Draws the class view; `file_dialogs` offers the folder dialog when there is one.
pub fn ui(ui: &mut Ui, v: &View<'_>, state: &ClassState, file_dialogs: bool, out: &mut Commands) {
    ui.heading(v.t("score.agg_heading"));
    if !v.presentation {
        ui.label(v.t("ui.class_intro"));
        buttons_ui(ui, v, !state.paths.is_empty(), file_dialogs, out);
    }
    if state.reading.is_some() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(v.t("ui.class_reading"));
        });
    }
    let Some(agg) = &state.aggregate else {
        return;
    };
    ui.add_space(theme::ITEM_GAP);
    // The class's score is what the room reads first; the number of participants beside it.
    let overall = format!(
        "{}: {} / 100",
        v.t("score.overall"),
        Words::score(agg.overall.mean)
    );
    ui.label(RichText::new(overall).size(theme::SCORE_SIZE));
    ui.label(format!(
        "{}: {}",
        v.t("score.agg_participants"),
        agg.participants
    ));
    if !agg.skipped.is_empty() {
        ui.add_space(theme::ITEM_GAP);
        ui.label(theme::section(v.t("score.agg_skipped")));
        for (kind, n) in agg.skipped_counts() {
            ui.label(format!("・{}: {n}", v.words().owned(&kind.string_key())));
        }
        if !v.presentation {
            ui.label(v.t("score.agg_skipped_names"));
            for s in &state.skipped {
                // In the user's language; the technical reason on hover.
                let key = match s.error {
                    Some(e) => format!("ui.error_kind_{}", e.key()),
                    None => s.kind.string_key(),
                };
                let why = v.t(&key);
                ui.label(format!("・{}: {why}", s.file))
                    .on_hover_text(&s.reason);
            }
        }
    }
    charts_ui(ui, v, agg);
    findings_ui(ui, v, agg, out);
    distribution_ui(ui, v, agg);
}

fn buttons_ui(ui: &mut Ui, v: &View<'_>, has_files: bool, dialogs: bool, out: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        if ui.button(v.t("ui.class_add")).clicked() {
            out.send(ClassCommand::AddDialog);
        }
        if dialogs && ui.button(v.t("ui.class_folder")).clicked() {
            out.send(ClassCommand::FolderDialog);
        }
        if has_files {
            if ui.button(v.t("ui.class_clear")).clicked() {
                out.send(ClassCommand::Clear);
            }
            if ui.button(v.t("ui.presentation")).clicked() {
                out.send(ClassCommand::Projector);
            }
        }
    });
}

/// The weakest checklists and the five objectives as bars.
fn charts_ui(ui: &mut Ui, v: &View<'_>, agg: &ClassAggregate) {
    let (b, lang) = (v.bundle, v.lang);
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.agg_weakest")));
    for m in &agg.weakest {
        let title = b
            .checklist(&m.id)
            .map(|c| c.title.get(lang).to_string())
            .unwrap_or_else(|| m.id.clone());
        band_bar_ui(ui, v, &title, m.mean);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.objectives")));
    for (m, o) in agg.objectives.iter().zip(Objective::ALL) {
        band_bar_ui(ui, v, &v.words().owned(&o.string_key()), m.mean);
    }
}

/// The ten most common findings: how many people, the question, the cases to read.
fn findings_ui(ui: &mut Ui, v: &View<'_>, agg: &ClassAggregate, out: &mut Commands) {
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.agg_findings")));
    if agg.findings.is_empty() {
        ui.label(v.t("score.no_findings"));
    }
    for f in agg.findings.iter().take(10) {
        let Some((_, q)) = v.bundle.question(&f.question_id) else {
            continue;
        };
        ui.label(
            RichText::new(format!(
                "{} {}: {}",
                f.count,
                v.t("score.agg_people"),
                q.text.get(v.lang)
            ))
            .strong(),
        );
        advice_buttons_ui(ui, v, &f.cases, out);
    }
}

/// How the class answered every question.
fn distribution_ui(ui: &mut Ui, v: &View<'_>, agg: &ClassAggregate) {
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.agg_distribution")));
    let w = v.words();
    for q in &agg.questions {
        let Some((_, question)) = v.bundle.question(&q.question_id) else {
            continue;
        };
        let parts: Vec<String> = Answer::ALL
            .iter()
            .map(|a| format!("{} {}", w.answer(*a), q.count(*a)))
            .collect();
        ui.label(RichText::new(question.text.get(v.lang)).strong());
        ui.label(parts.join(" / "));
    }
}
