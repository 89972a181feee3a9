//! Pages and commands for advisers and trainers: the information inventory editor, owner and
//! due date per finding with the CSV export, the comparison of visits (with a trend from three
//! visits on) and the anonymous class view for the projector.
//!
//! Like the other pages, drawing only reads state and pushes [`Command`]s; the commands are
//! applied by [`apply`] after the frame.

use std::collections::BTreeMap;
use std::path::PathBuf;

use egui::{RichText, Ui};

use super::widgets::bar_ui;
use super::{theme, Command, MamoriApp, PathPurpose, Screen};
use crate::model::aggregate::{aggregate_files, ClassAggregate, Skipped};
use crate::model::assessment::Assessment;
use crate::model::compare::compare;
use crate::model::date::Date;
use crate::model::export::write_csv_pair;
use crate::model::inventory::{
    suggestions, CategorySuggestions, InfoCategory, InventoryItem, Location, SecrecyRank,
};
use crate::model::schema::{Answer, Bundle, Objective};
use crate::model::scoring::Band;
use crate::model::text::Lang;

/// State of the adviser and trainer pages.
#[derive(Debug, Default)]
pub struct TeamsState {
    /// Due dates as typed, by question id (kept while not yet a valid date).
    pub due_text: BTreeMap<String, String>,
    /// Older visits chosen for the comparison: path and content.
    pub older: Vec<(PathBuf, Assessment)>,
    /// Files and folders chosen for the class view.
    pub class_paths: Vec<PathBuf>,
    /// The class picture of `class_paths`, recomputed when they change.
    pub class: Option<ClassAggregate>,
    /// The files left out of the class picture, with names and messages: shown to the
    /// trainer outside the projector view only.
    pub class_skipped: Vec<Skipped>,
    /// The inventory suggestions (read once).
    pub suggestions: Vec<CategorySuggestions>,
}

impl TeamsState {
    /// Fresh state with the built-in suggestions.
    pub fn new() -> TeamsState {
        TeamsState {
            suggestions: suggestions().unwrap_or_default(),
            ..TeamsState::default()
        }
    }
}

fn tr(b: &Bundle, lang: Lang, key: &str) -> String {
    b.s(key, lang).to_string()
}

/// Applies one of the commands of this module.
pub(super) fn apply(app: &mut MamoriApp, c: Command) {
    match c {
        Command::AddInventoryRow(item) => {
            let Some(doc) = &mut app.doc else { return };
            app.undo.push(doc.assessment.clone());
            doc.assessment.inventory.push(item);
            app.save_now();
        }
        Command::RemoveInventoryRow(i) => {
            let Some(doc) = &mut app.doc else { return };
            if i >= doc.assessment.inventory.len() {
                return;
            }
            app.undo.push(doc.assessment.clone());
            doc.assessment.inventory.remove(i);
            app.save_now();
            app.notice = Some(app.t("ui.inv_removed").to_string());
        }
        Command::SetOwner(id, owner) => {
            let Some(doc) = &mut app.doc else { return };
            doc.assessment.actions.entry(id.clone()).or_default().owner = owner;
            tidy_action(&mut doc.assessment, &id);
            app.send(Command::Edited);
        }
        Command::SetDue(id, text) => {
            let Some(doc) = &mut app.doc else { return };
            let trimmed = text.trim();
            let action = doc.assessment.actions.entry(id.clone()).or_default();
            if trimmed.is_empty() {
                action.due = None;
            } else if let Ok(d) = Date::parse(trimmed) {
                action.due = Some(d);
            }
            tidy_action(&mut doc.assessment, &id);
            app.teams.due_text.insert(id, text);
            app.send(Command::Edited);
        }
        Command::ExportCsvDialog => {
            let Some(doc) = &app.doc else { return };
            let suggested = doc.path.with_extension("csv");
            if !app.file_dialogs {
                app.path_prompt = Some(super::PathPrompt {
                    purpose: PathPurpose::ExportCsv,
                    text: suggested.display().to_string(),
                });
                return;
            }
            let name = suggested
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "mamori.csv".into());
            let picked = rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .set_file_name(name)
                .save_file();
            match picked {
                Some(p) => apply(app, Command::ExportCsv(p)),
                None => app.notice = Some(app.t("ui.dialog_none").to_string()),
            }
        }
        Command::ExportCsv(path) => {
            app.flush();
            let Some(doc) = &app.doc else { return };
            if path == doc.path {
                app.error = Some(format!(
                    "{}: {}",
                    path.display(),
                    app.t("ui.inv_csv_same_file")
                ));
                return;
            }
            match write_csv_pair(&app.bundle, &doc.assessment, &path, app.prefs.lang) {
                Ok(inv) => {
                    app.notice = Some(format!(
                        "{}: {} , {}",
                        app.t("ui.csv_saved"),
                        path.display(),
                        inv.display()
                    ))
                }
                Err(e) => app.error = Some(e.to_string()),
            }
        }
        Command::CompareAddDialog => {
            if !app.file_dialogs {
                app.prompt_path(PathPurpose::CompareAdd);
                return;
            }
            let picked = rfd::FileDialog::new()
                .add_filter("mamori", &["ron"])
                .pick_files();
            match picked {
                Some(list) => {
                    for p in list {
                        apply(app, Command::CompareAdd(p));
                    }
                }
                None => app.notice = Some(app.t("ui.dialog_none").to_string()),
            }
        }
        Command::CompareAdd(path) => {
            if app.teams.older.iter().any(|(p, _)| *p == path) {
                return;
            }
            // An encrypted older visit opens with the open check's passphrase.
            let pass = app.doc.as_ref().and_then(|d| d.passphrase.clone());
            match Assessment::load_with(&path, pass.as_ref()) {
                Ok(a) => app.teams.older.push((path, a)),
                Err(e) => app.show_file_error(&path, &e, "ui.error_kept"),
            }
        }
        Command::CompareRemove(i) if i < app.teams.older.len() => {
            app.teams.older.remove(i);
        }
        Command::ClassAddDialog => {
            if !app.file_dialogs {
                app.prompt_path(PathPurpose::ClassAdd);
                return;
            }
            match rfd::FileDialog::new()
                .add_filter("mamori", &["ron"])
                .pick_files()
            {
                Some(list) => {
                    app.teams.class_paths.extend(list);
                    refresh_class(app);
                }
                None => app.notice = Some(app.t("ui.dialog_none").to_string()),
            }
        }
        Command::ClassFolderDialog => match rfd::FileDialog::new().pick_folder() {
            Some(dir) => apply(app, Command::ClassAdd(dir)),
            None => app.notice = Some(app.t("ui.dialog_none").to_string()),
        },
        Command::ClassAdd(path) => {
            if !app.teams.class_paths.contains(&path) {
                app.teams.class_paths.push(path);
            }
            refresh_class(app);
        }
        Command::ClassClear => {
            app.teams.class_paths.clear();
            app.teams.class = None;
        }
        Command::ClassProjector => {
            app.presentation = !app.presentation;
            app.screen = Screen::Class;
        }
        _ => {}
    }
}

/// Drops an action with neither owner nor date, so the file stays tidy.
fn tidy_action(a: &mut Assessment, id: &str) {
    if a.actions.get(id).is_some_and(|x| x.is_empty()) {
        a.actions.remove(id);
    }
}

fn refresh_class(app: &mut MamoriApp) {
    let (class, skipped) = aggregate_files(&app.bundle, &app.teams.class_paths, None);
    app.teams.class = Some(class);
    app.teams.class_skipped = skipped;
}

/// The owner and due-date fields under finding number `n` on the results page.
pub(super) fn finding_action_ui(
    ui: &mut Ui,
    (b, lang): (&Bundle, Lang),
    a: &Assessment,
    due_text: &BTreeMap<String, String>,
    pending: &mut Vec<Command>,
    (question_id, n): (&str, usize),
) {
    let action = a.actions.get(question_id).cloned().unwrap_or_default();
    let mut owner = action.owner.clone();
    let mut due = due_text
        .get(question_id)
        .cloned()
        .unwrap_or_else(|| action.due.map(|d| d.to_string()).unwrap_or_default());
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(format!("{} {n}", tr(b, lang, "ui.owner")));
        let r = ui
            .add(egui::TextEdit::singleline(&mut owner).desired_width(180.0))
            .labelled_by(l.id);
        if r.changed() {
            pending.push(Command::SetOwner(question_id.to_string(), owner.clone()));
        }
        let l = ui.label(format!("{} {n}", tr(b, lang, "ui.due")));
        let r = ui
            .add(egui::TextEdit::singleline(&mut due).desired_width(120.0))
            .labelled_by(l.id);
        if r.changed() {
            pending.push(Command::SetDue(question_id.to_string(), due.clone()));
        }
    });
    if !due.trim().is_empty() && Date::parse(due.trim()).is_err() {
        ui.label(RichText::new(tr(b, lang, "ui.due_invalid")).strong());
    } else if let Some(d) = action.due {
        ui.label(RichText::new(format!("{}: {}", tr(b, lang, "ui.due"), d.display(lang))).weak());
    }
}

/// The "Export CSV", inventory and comparison buttons on the results page.
pub(super) fn results_buttons_ui(b: &Bundle, lang: Lang, pending: &mut Vec<Command>, ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(b, lang, "ui.export_csv")).clicked() {
            pending.push(Command::ExportCsvDialog);
        }
        if ui.button(tr(b, lang, "ui.inv_open")).clicked() {
            pending.push(Command::Go(Screen::Inventory));
        }
        if ui.button(tr(b, lang, "ui.nav_compare")).clicked() {
            pending.push(Command::Go(Screen::Compare));
        }
    });
    ui.label(RichText::new(tr(b, lang, "ui.export_csv_hint")).weak());
}

fn combo<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: String,
    label: &str,
    value: &mut Option<T>,
    options: &[(T, String)],
    none: &str,
) -> bool {
    let shown = value
        .and_then(|v| options.iter().find(|(o, _)| *o == v))
        .map(|(_, l)| l.clone())
        .unwrap_or_else(|| none.to_string());
    let mut changed = false;
    egui::ComboBox::new(id, label)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, none).changed();
            for (o, l) in options {
                changed |= ui.selectable_value(value, Some(*o), l).changed();
            }
        });
    changed
}

/// The information inventory editor.
pub(super) fn inventory_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let lang = app.prefs.lang;
    let b = &app.bundle;
    ui.heading(tr(b, lang, "ui.inv_heading"));
    ui.label(tr(b, lang, "ui.inv_intro"));
    ui.add_space(theme::ITEM_GAP);
    let cats: Vec<(InfoCategory, String)> = InfoCategory::ALL
        .iter()
        .map(|c| (*c, tr(b, lang, &c.string_key())))
        .collect();
    let ranks: Vec<(SecrecyRank, String)> = SecrecyRank::ALL
        .iter()
        .map(|r| (*r, tr(b, lang, &r.string_key())))
        .collect();
    let unset = tr(b, lang, "ui.staff_unset");
    let Some(doc) = app.doc.as_mut() else { return };
    let mut edited = false;
    if doc.assessment.inventory.is_empty() {
        ui.label(RichText::new(tr(b, lang, "ui.inv_empty")).strong());
    }
    for (i, item) in doc.assessment.inventory.iter_mut().enumerate() {
        let n = i + 1;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let l = ui.label(format!("{} {n}", tr(b, lang, "ui.inv_name")));
            edited |= ui
                .add(egui::TextEdit::singleline(&mut item.name).desired_width(f32::INFINITY))
                .labelled_by(l.id)
                .changed();
            ui.horizontal_wrapped(|ui| {
                edited |= combo(
                    ui,
                    format!("inv_cat_{i}"),
                    &format!("{} {n}", tr(b, lang, "ui.inv_category")),
                    &mut item.category,
                    &cats,
                    &unset,
                );
                edited |= combo(
                    ui,
                    format!("inv_rank_{i}"),
                    &format!("{} {n}", tr(b, lang, "ui.inv_rank")),
                    &mut item.rank,
                    &ranks,
                    &unset,
                );
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{} {n}:", tr(b, lang, "ui.inv_locations")));
                for loc in Location::ALL {
                    let mut on = item.locations.contains(&loc);
                    if ui
                        .checkbox(&mut on, tr(b, lang, &loc.string_key()))
                        .changed()
                    {
                        edited = true;
                        if on {
                            item.locations.push(loc);
                            item.locations.sort();
                        } else {
                            item.locations.retain(|x| *x != loc);
                        }
                    }
                }
            });
            let l = ui.label(format!("{} {n}", tr(b, lang, "ui.inv_access")));
            edited |= ui
                .add(egui::TextEdit::singleline(&mut item.access).desired_width(f32::INFINITY))
                .labelled_by(l.id)
                .changed();
            if ui
                .button(format!("{} {n}", tr(b, lang, "ui.inv_remove")))
                .clicked()
            {
                app.pending.push(Command::RemoveInventoryRow(i));
            }
        });
    }
    if edited {
        app.pending.push(Command::Edited);
    }
    ui.add_space(theme::ITEM_GAP);
    if ui.button(tr(b, lang, "ui.inv_add")).clicked() {
        app.pending
            .push(Command::AddInventoryRow(InventoryItem::default()));
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(&tr(b, lang, "ui.inv_suggestions")));
    ui.label(RichText::new(tr(b, lang, "ui.inv_suggestions_hint")).weak());
    for s in &app.teams.suggestions {
        ui.label(RichText::new(tr(b, lang, &s.category.string_key())).strong());
        ui.horizontal_wrapped(|ui| {
            for e in &s.examples {
                if ui.button(format!("+ {}", e.get(lang))).clicked() {
                    app.pending.push(Command::AddInventoryRow(InventoryItem {
                        name: e.get(lang).to_string(),
                        category: Some(s.category),
                        ..InventoryItem::default()
                    }));
                }
            }
        });
        ui.label(
            RichText::new(format!(
                "{}: {}",
                tr(b, lang, "ui.source"),
                b.source_line(&s.source, lang)
            ))
            .weak()
            .small(),
        );
    }
}

fn words(b: &Bundle, lang: Lang, delta: Option<f64>) -> String {
    match delta {
        Some(d) if d.round() > 0.0 => format!("{d:+.0} {}", b.s("score.cmp_up", lang)),
        Some(d) if d.round() < 0.0 => format!("{d:+.0} {}", b.s("score.cmp_down", lang)),
        Some(_) => format!("±0 {}", b.s("score.cmp_same", lang)),
        None => "—".into(),
    }
}

fn num(s: Option<f64>) -> String {
    s.map(|v| format!("{v:.0}")).unwrap_or_else(|| "—".into())
}

fn question_list(ui: &mut Ui, b: &Bundle, lang: Lang, key: &str, ids: &[String]) {
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(&format!(
        "{} ({})",
        b.s(key, lang),
        ids.len()
    )));
    if ids.is_empty() {
        ui.label(b.s("score.cmp_none", lang));
    }
    for id in ids {
        let text = b
            .question(id)
            .map(|(_, q)| q.text.get(lang).to_string())
            .unwrap_or_else(|| id.clone());
        ui.label(format!("・{text}"));
    }
}

/// The comparison of the open assessment with older visits.
pub(super) fn compare_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let (b, lang, dark) = (&app.bundle, app.prefs.lang, app.prefs.dark);
    let Some(doc) = &app.doc else { return };
    ui.heading(b.s("score.cmp_heading", lang));
    ui.label(format!(
        "{}: {}  {}",
        tr(b, lang, "ui.cmp_newest"),
        doc.assessment.company.name,
        doc.assessment.date.display(lang)
    ));
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(&tr(b, lang, "ui.cmp_older")));
    if app.teams.older.is_empty() {
        ui.label(tr(b, lang, "ui.cmp_pick_hint"));
    }
    for (i, (p, a)) in app.teams.older.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}  {}", a.date.display(lang), p.display()));
            if ui
                .button(format!("{} {}", tr(b, lang, "ui.cmp_remove"), i + 1))
                .clicked()
            {
                app.pending.push(Command::CompareRemove(i));
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(b, lang, "ui.cmp_add")).clicked() {
            app.pending.push(Command::CompareAddDialog);
        }
    });
    let recent: Vec<PathBuf> = app
        .prefs
        .recent
        .iter()
        .filter(|p| **p != doc.path && !app.teams.older.iter().any(|(o, _)| o == *p))
        .cloned()
        .collect();
    if !recent.is_empty() {
        ui.label(RichText::new(tr(b, lang, "ui.cmp_from_recent")).weak());
        for p in recent {
            if ui.button(format!("+ {}", p.display())).clicked() {
                app.pending.push(Command::CompareAdd(p));
            }
        }
    }
    let older: Vec<Assessment> = app.teams.older.iter().map(|(_, a)| a.clone()).collect();
    if older.is_empty() {
        return;
    }
    let c = match compare(b, &doc.assessment, &older) {
        Ok(c) => c,
        Err(e) => {
            ui.label(RichText::new(e.to_string()).strong());
            return;
        }
    };
    ui.add_space(theme::SECTION_GAP);
    if c.reordered {
        ui.label(RichText::new(b.s("score.cmp_reordered", lang)).strong());
    }
    if c.company_differs {
        ui.label(RichText::new(b.s("score.cmp_company_differs", lang)).strong());
    }
    if c.versions_differ {
        ui.label(b.s("score.cmp_versions", lang));
    }
    ui.label(
        RichText::new(format!(
            "{}: {} → {}  ({})",
            b.s("score.cmp_overall", lang),
            num(c.overall.before),
            num(c.overall.after),
            words(b, lang, c.overall.delta())
        ))
        .size(theme::ANSWER_SIZE)
        .strong(),
    );
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(b.s("score.cmp_checklists", lang)));
    for ch in &c.checklists {
        let title = b
            .checklist(&ch.id)
            .map(|x| x.title.get(lang).to_string())
            .unwrap_or_else(|| ch.id.clone());
        ui.label(format!(
            "{title}: {} → {}  ({})",
            num(ch.before),
            num(ch.after),
            words(b, lang, ch.delta())
        ));
    }
    question_list(ui, b, lang, "score.cmp_resolved", &c.resolved);
    question_list(ui, b, lang, "score.cmp_new", &c.new_findings);
    question_list(ui, b, lang, "score.cmp_open", &c.still_open);
    question_list(ui, b, lang, "score.cmp_improved", &c.improved);
    question_list(ui, b, lang, "score.cmp_not_answered", &c.not_answered_now);
    question_list(ui, b, lang, "score.cmp_confirmed", &c.confirmed);
    question_list(ui, b, lang, "score.cmp_still_confirm", &c.still_to_confirm);
    if c.versions_differ {
        question_list(ui, b, lang, "score.cmp_added", &c.added_questions);
        question_list(ui, b, lang, "score.cmp_removed", &c.removed_questions);
    }
    if c.has_trend() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(b.s("score.cmp_trend", lang)));
        for v in &c.visits {
            let band = v
                .overall
                .map(|s| b.s(&Band::of(s).string_key(), lang).to_string())
                .unwrap_or_else(|| b.s("band.none", lang).to_string());
            bar_ui(ui, dark, &v.date.display(lang), v.overall, &band);
        }
    }
}

/// The class picture: anonymous, for the projector.
pub(super) fn class_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let (b, lang, dark) = (&app.bundle, app.prefs.lang, app.prefs.dark);
    ui.heading(b.s("score.agg_heading", lang));
    if !app.presentation {
        ui.label(tr(b, lang, "ui.class_intro"));
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr(b, lang, "ui.class_add")).clicked() {
                app.pending.push(Command::ClassAddDialog);
            }
            if app.file_dialogs && ui.button(tr(b, lang, "ui.class_folder")).clicked() {
                app.pending.push(Command::ClassFolderDialog);
            }
            if !app.teams.class_paths.is_empty() {
                if ui.button(tr(b, lang, "ui.class_clear")).clicked() {
                    app.pending.push(Command::ClassClear);
                }
                if ui.button(tr(b, lang, "ui.presentation")).clicked() {
                    app.pending.push(Command::ClassProjector);
                }
            }
        });
    }
    let Some(agg) = &app.teams.class else {
        return;
    };
    ui.add_space(theme::ITEM_GAP);
    ui.label(
        RichText::new(format!(
            "{}: {}",
            b.s("score.agg_participants", lang),
            agg.participants
        ))
        .size(theme::SCORE_SIZE),
    );
    ui.label(format!(
        "{}: {} / 100",
        b.s("score.overall", lang),
        num(agg.overall.mean)
    ));
    if !agg.skipped.is_empty() {
        ui.add_space(theme::ITEM_GAP);
        ui.label(theme::section(b.s("score.agg_skipped", lang)));
        for (kind, n) in agg.skipped_counts() {
            ui.label(format!("・{}: {n}", b.s(&kind.string_key(), lang)));
        }
        if !app.presentation {
            ui.label(b.s("score.agg_skipped_names", lang));
            for s in &app.teams.class_skipped {
                ui.label(format!("・{}: {}", s.file, s.reason));
            }
        }
    }
    let band_words = |s: Option<f64>| match s {
        Some(x) => b.s(&Band::of(x).string_key(), lang).to_string(),
        None => b.s("band.none", lang).to_string(),
    };
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.agg_weakest", lang)));
    for m in &agg.weakest {
        let title = b
            .checklist(&m.id)
            .map(|c| c.title.get(lang).to_string())
            .unwrap_or_else(|| m.id.clone());
        bar_ui(ui, dark, &title, m.mean, &band_words(m.mean));
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.objectives", lang)));
    for (m, o) in agg.objectives.iter().zip(Objective::ALL) {
        bar_ui(
            ui,
            dark,
            b.s(&o.string_key(), lang),
            m.mean,
            &band_words(m.mean),
        );
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.agg_findings", lang)));
    if agg.findings.is_empty() {
        ui.label(b.s("score.no_findings", lang));
    }
    for f in agg.findings.iter().take(10) {
        let Some((_, q)) = b.question(&f.question_id) else {
            continue;
        };
        ui.label(
            RichText::new(format!(
                "{} {}: {}",
                f.count,
                b.s("score.agg_people", lang),
                q.text.get(lang)
            ))
            .strong(),
        );
        for c in &f.cases {
            if let Some(adv) = b.advice(c) {
                if ui
                    .button(format!(
                        "{}: {}",
                        tr(b, lang, "ui.read"),
                        adv.title.get(lang)
                    ))
                    .clicked()
                {
                    app.pending
                        .push(Command::Go(Screen::Cases(Some(c.clone()))));
                }
            }
        }
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.agg_distribution", lang)));
    let labels: Vec<&str> = Answer::ALL
        .iter()
        .map(|a| b.s(a.string_key(), lang))
        .collect();
    for q in &agg.questions {
        let Some((_, question)) = b.question(&q.question_id) else {
            continue;
        };
        let parts: Vec<String> = Answer::ALL
            .iter()
            .zip(&labels)
            .map(|(a, l)| format!("{l} {}", q.count(*a)))
            .collect();
        ui.label(RichText::new(question.text.get(lang)).strong());
        ui.label(parts.join(" / "));
    }
}
