//! Every page of the app. Functions that draw end in `_ui`; they read the app state and push
//! [`Command`]s, which the app applies after the frame.

use egui::{Align, Layout, RichText, ScrollArea, Ui};

use super::theme;
use super::widgets::bar_ui;
use super::{Command, MamoriApp, PathPurpose, Screen};
use crate::model::assessment::{Mode, StaffBand};
use crate::model::schema::{Answer, Bundle, ChecklistKind};
use crate::model::scoring::{score, Band, ScoreReport, Status};
use crate::model::text::Lang;

/// A UI string as an owned `String` (so drawing code can borrow the app mutably).
fn tr(b: &Bundle, lang: Lang, key: &str) -> String {
    b.s(key, lang).to_string()
}

/// The whole window: navigation bar, status bar, the current page, and the error dialog.
pub fn root_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let (b, lang) = (&app.bundle, app.prefs.lang);
    if app.presentation {
        egui::Panel::top("presentation_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(tr(b, lang, "ui.presentation")).strong());
                if ui.button(tr(b, lang, "ui.presentation_exit")).clicked() {
                    app.pending.push(Command::TogglePresentation);
                }
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical().show(ui, |ui| {
                if app.screen == Screen::Class {
                    super::teams::class_ui(app, ui)
                } else {
                    results_ui(app, ui)
                }
            });
        });
        error_ui(app, ui);
        return;
    }
    egui::Panel::top("nav").show(ui, |ui| nav_ui(app, ui));
    egui::Panel::bottom("status").show(ui, |ui| status_ui(app, ui));
    egui::CentralPanel::default().show(ui, |ui| {
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(980.0));
                match app.screen.clone() {
                    Screen::Start => start_ui(app, ui),
                    Screen::Overview => with_doc_ui(app, ui, overview_ui),
                    Screen::Question(id) => {
                        with_doc_ui(app, ui, |app, ui| question_ui(app, ui, &id))
                    }
                    Screen::Results => with_doc_ui(app, ui, results_ui),
                    Screen::Cases(sel) => cases_ui(app, ui, sel.as_deref()),
                    Screen::Contacts => contacts_ui(app, ui),
                    Screen::Settings => settings_ui(app, ui),
                    Screen::Inventory => with_doc_ui(app, ui, super::teams::inventory_ui),
                    Screen::Compare => with_doc_ui(app, ui, super::teams::compare_ui),
                    Screen::Class => super::teams::class_ui(app, ui),
                }
            });
    });
    path_prompt_ui(app, ui);
    super::secure::pass_prompt_ui(app, ui);
    error_ui(app, ui);
}

fn nav_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let question_target = app
        .next_unanswered()
        .or_else(|| app.prefs.last_question.clone())
        .or_else(|| app.flow().first().cloned());
    let (b, lang) = (&app.bundle, app.prefs.lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("mamori 守り").strong());
        ui.separator();
        let current = app.screen.clone();
        let mut items: Vec<(String, Screen, bool)> =
            vec![(tr(b, lang, "ui.nav_start"), Screen::Start, true)];
        let has_doc = app.doc.is_some();
        items.push((tr(b, lang, "ui.nav_overview"), Screen::Overview, has_doc));
        if let Some(q) = question_target {
            items.push((
                tr(b, lang, "ui.nav_questions"),
                Screen::Question(q),
                has_doc,
            ));
        }
        items.push((tr(b, lang, "ui.nav_results"), Screen::Results, has_doc));
        items.push((tr(b, lang, "ui.nav_cases"), Screen::Cases(None), true));
        items.push((tr(b, lang, "ui.nav_contacts"), Screen::Contacts, true));
        items.push((tr(b, lang, "ui.nav_settings"), Screen::Settings, true));
        items.push((tr(b, lang, "ui.nav_inventory"), Screen::Inventory, has_doc));
        items.push((tr(b, lang, "ui.nav_compare"), Screen::Compare, has_doc));
        items.push((tr(b, lang, "ui.nav_class"), Screen::Class, true));
        for (label, target, enabled) in items {
            let selected = std::mem::discriminant(&current) == std::mem::discriminant(&target);
            if ui
                .add_enabled(enabled, egui::Button::new(label).selected(selected))
                .clicked()
            {
                app.pending.push(Command::Go(target));
            }
        }
        ui.separator();
        if ui
            .button(tr(b, lang, "ui.open"))
            .on_hover_text("Ctrl+O")
            .clicked()
        {
            app.pending.push(Command::OpenDialog);
        }
        if ui
            .add_enabled(has_doc, egui::Button::new(tr(b, lang, "ui.save_as")))
            .on_hover_text("Ctrl+Shift+S")
            .clicked()
        {
            app.pending.push(Command::SaveAsDialog);
        }
        if ui
            .add_enabled(has_doc, egui::Button::new(tr(b, lang, "ui.save_encrypted")))
            .clicked()
        {
            app.pending.push(Command::SaveEncryptedDialog);
        }
        if ui
            .add_enabled(
                !app.undo.is_empty(),
                egui::Button::new(tr(b, lang, "ui.undo")),
            )
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            app.pending.push(Command::Undo);
        }
    });
}

fn status_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let (b, lang) = (&app.bundle, app.prefs.lang);
    ui.horizontal_wrapped(|ui| {
        match &app.doc {
            Some(doc) => {
                ui.label(format!(
                    "{}: {}",
                    tr(b, lang, "ui.autosaved"),
                    doc.path.display()
                ));
            }
            None => {
                ui.label(tr(b, lang, "ui.no_doc"));
            }
        }
        if let Some(n) = &app.notice {
            ui.separator();
            ui.label(n);
        }
    });
}

fn error_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let Some(message) = app.error.clone() else {
        return;
    };
    let (b, lang) = (&app.bundle, app.prefs.lang);
    let title = tr(b, lang, "ui.error_title");
    let close = tr(b, lang, "ui.close");
    let mut dismiss = false;
    egui::Modal::new(egui::Id::unique("error_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        ui.heading(title);
        ui.label(message);
        if let Some(detail) = &app.error_detail {
            ui.add_space(theme::ITEM_GAP);
            ui.collapsing(tr(b, lang, "ui.error_detail"), |ui| ui.label(detail));
        }
        ui.add_space(theme::ITEM_GAP);
        let r = ui.button(close);
        r.request_focus();
        if r.clicked() {
            dismiss = true;
        }
    });
    if dismiss {
        app.pending.push(Command::DismissError);
    }
}

/// Asks for a typed path when the system has no file dialog (see
/// [`crate::app::file_dialogs_available`]).
fn path_prompt_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let Some(prompt) = app.path_prompt.as_mut() else {
        return;
    };
    let (b, lang) = (&app.bundle, app.prefs.lang);
    let (title, action) = match prompt.purpose {
        PathPurpose::Open => ("ui.open_title", "ui.open_typed"),
        PathPurpose::SaveAs => ("ui.save_as_title", "ui.save_here"),
        PathPurpose::ExportCsv => ("ui.export_csv", "ui.save_here"),
        PathPurpose::CompareAdd => ("ui.cmp_add", "ui.open_typed"),
        PathPurpose::ClassAdd => ("ui.class_add", "ui.open_typed"),
        PathPurpose::ExportPdf => ("ui.export_pdf_title", "ui.export_here"),
    };
    let mut submit = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("path_prompt")).show(ui.ctx(), |ui| {
        ui.set_max_width(640.0);
        ui.heading(tr(b, lang, title));
        ui.label(tr(b, lang, "ui.dialog_unavailable"));
        ui.add_space(theme::ITEM_GAP);
        let l = ui.label(tr(b, lang, "ui.path_label"));
        let r = ui
            .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(600.0))
            .labelled_by(l.id);
        // Read Enter before giving the field focus again, or the re-focus hides it.
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !enter && ui.memory(|m| m.focused().is_none()) {
            r.request_focus();
        }
        ui.horizontal(|ui| {
            if ui.button(tr(b, lang, action)).clicked() || enter {
                submit = true;
            }
            if ui.button(tr(b, lang, "ui.cancel")).clicked() {
                cancel = true;
            }
        });
    });
    let text = prompt.text.trim().to_string();
    if submit && !text.is_empty() {
        let purpose = prompt.purpose;
        app.pending.push(Command::DismissPathPrompt);
        app.pending.push(match purpose {
            PathPurpose::Open => Command::Open(text.into()),
            PathPurpose::SaveAs => Command::SaveAs(text.into()),
            PathPurpose::ExportCsv => Command::ExportCsv(text.into()),
            PathPurpose::CompareAdd => Command::CompareAdd(text.into()),
            PathPurpose::ClassAdd => Command::ClassAdd(text.into()),
            PathPurpose::ExportPdf => Command::ExportPdf(text.into()),
        });
    } else if cancel {
        app.pending.push(Command::DismissPathPrompt);
    }
}

/// Pages that need an open assessment show a way to start one when there is none.
fn with_doc_ui(app: &mut MamoriApp, ui: &mut Ui, page: impl FnOnce(&mut MamoriApp, &mut Ui)) {
    if app.doc.is_some() {
        page(app, ui);
        return;
    }
    let (b, lang) = (&app.bundle, app.prefs.lang);
    ui.label(tr(b, lang, "ui.no_doc"));
    if ui.button(tr(b, lang, "ui.nav_start")).clicked() {
        app.pending.push(Command::Go(Screen::Start));
    }
}

/// A text field with a visible label that is also its accessible name.
fn labelled_text(ui: &mut Ui, label: &str, value: &mut String) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(320.0))
        .labelled_by(l.id)
}

fn start_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let (b, lang) = (&app.bundle, app.prefs.lang);
    ui.heading(tr(b, lang, "ui.title"));
    ui.label(tr(b, lang, "ui.intro"));
    ui.add_space(theme::SECTION_GAP);

    if let Some(last) = app.prefs.last_file.clone() {
        if last.exists()
            && ui
                .button(format!(
                    "{} ({})",
                    tr(b, lang, "ui.continue"),
                    last.display()
                ))
                .clicked()
        {
            app.pending.push(Command::Continue);
        }
        ui.add_space(theme::SECTION_GAP);
    }

    ui.label(theme::section(&tr(b, lang, "ui.new_heading")));
    egui::Grid::new("new_form")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            labelled_text(ui, &tr(b, lang, "ui.company"), &mut app.form.company);
            ui.end_row();
            labelled_text(ui, &tr(b, lang, "ui.industry"), &mut app.form.industry);
            ui.end_row();
            ui.label(tr(b, lang, "ui.staff"));
            let none = tr(b, lang, "ui.staff_unset");
            let shown = app
                .form
                .staff_band
                .map(|s| s.label().to_string())
                .unwrap_or(none.clone());
            egui::ComboBox::from_label(tr(b, lang, "ui.staff_people"))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut app.form.staff_band, None, none);
                    for s in StaffBand::ALL {
                        ui.selectable_value(&mut app.form.staff_band, Some(s), s.label());
                    }
                });
            ui.end_row();
            labelled_text(ui, &tr(b, lang, "ui.prefecture"), &mut app.form.prefecture);
            ui.end_row();
            labelled_text(ui, &tr(b, lang, "ui.assessor"), &mut app.form.assessor);
            ui.end_row();
            labelled_text(ui, &tr(b, lang, "ui.date"), &mut app.form.date);
            ui.end_row();
            ui.label(tr(b, lang, "ui.mode"));
            ui.horizontal_wrapped(|ui| {
                for m in Mode::ALL {
                    ui.radio_value(&mut app.form.mode, m, b.s(m.string_key(), lang));
                }
            });
            ui.end_row();
        });
    ui.add_space(theme::ITEM_GAP);
    if ui
        .button(RichText::new(tr(b, lang, "ui.begin")).size(theme::ANSWER_SIZE))
        .clicked()
    {
        app.pending.push(Command::NewAssessment);
    }

    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(&tr(b, lang, "ui.open_heading")));
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(b, lang, "ui.open")).clicked() {
            app.pending.push(Command::OpenDialog);
        }
        let l = ui.label(tr(b, lang, "ui.open_path"));
        let r = ui
            .add(egui::TextEdit::singleline(&mut app.form.open_path).desired_width(360.0))
            .labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(tr(b, lang, "ui.open_typed")).clicked() || enter)
            && !app.form.open_path.trim().is_empty()
        {
            app.pending
                .push(Command::Open(app.form.open_path.trim().into()));
        }
    });
    ui.label(RichText::new(tr(b, lang, "ui.drop_hint")).weak());

    if !app.prefs.recent.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(&tr(b, lang, "ui.recent")));
        for p in app.prefs.recent.clone() {
            if ui.button(p.display().to_string()).clicked() {
                app.pending.push(Command::Open(p));
            }
        }
    }

    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(&tr(b, lang, "ui.workshop")));
    ui.label(tr(b, lang, "ui.workshop_hint"));
    for (i, label) in app.example_names.clone().into_iter().enumerate() {
        if ui.button(label).clicked() {
            app.pending.push(Command::OpenExample(i));
        }
    }
}

fn progress_counts(app: &MamoriApp) -> (usize, usize) {
    let Some(doc) = &app.doc else { return (0, 0) };
    let flow = app.flow();
    let answered = flow
        .iter()
        .filter(|q| doc.assessment.answer(q).is_some())
        .count();
    (answered, flow.len())
}

fn consult_ui(app: &MamoriApp, ui: &mut Ui, report: &ScoreReport) {
    let (b, lang) = (&app.bundle, app.prefs.lang);
    let Some(consult) = &report.consult else {
        return;
    };
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(
            2.0,
            theme::band_color(Some(Band::ActionNeeded)),
        ))
        .show(ui, |ui| {
            ui.label(theme::section(&tr(b, lang, "ui.consult_heading")));
            if let Some(adv) = b.advice(&consult.advice) {
                ui.label(adv.problem.get(lang));
            }
            for id in &consult.contacts {
                if let Some(c) = b.contact(id) {
                    let phone = c.phone_display(lang).unwrap_or_default();
                    ui.label(RichText::new(format!("{}  {}", c.name.get(lang), phone)).strong());
                }
            }
        });
}

fn overview_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let flow = app.flow();
    let order = app.checklist_order();
    let next = app.next_unanswered();
    let suggested: Vec<String> = order
        .iter()
        .filter(|id| app.is_suggested(id))
        .cloned()
        .collect();
    let Some(doc) = &app.doc else { return };
    let (b, lang) = (&app.bundle, app.prefs.lang);
    let a = &doc.assessment;
    let report = score(b, a);
    ui.heading(tr(b, lang, "ui.overview_heading"));
    ui.label(format!(
        "{}  {}  {}",
        a.company.name,
        a.date.display(lang),
        b.s(a.mode.string_key(), lang)
    ));
    let (done, total) = progress_counts(app);
    ui.add(
        egui::ProgressBar::new(if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        })
        .text(format!(
            "{} {done} / {total}",
            tr(b, lang, "ui.progress_all")
        )),
    );
    ui.add_space(theme::ITEM_GAP);
    consult_ui(app, ui, &report);
    if let Some(next) = next {
        if ui
            .button(RichText::new(tr(b, lang, "ui.continue_answering")).size(theme::ANSWER_SIZE))
            .clicked()
        {
            app.pending.push(Command::Go(Screen::Question(next)));
        }
    } else if ui.button(tr(b, lang, "ui.nav_results")).clicked() {
        app.pending.push(Command::Go(Screen::Results));
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(&tr(b, lang, "ui.checklists")));
    let suggested_any = b
        .checklists
        .iter()
        .any(|c| c.kind == ChecklistKind::Detailed && suggested.contains(&c.id));
    if suggested_any {
        ui.label(tr(b, lang, "ui.suggested_hint"));
    }
    for id in order {
        let (Some(c), Some(cs)) = (
            b.checklist(&id),
            report.checklists.iter().find(|x| x.id == id),
        ) else {
            continue;
        };
        ui.add_space(theme::ITEM_GAP);
        ui.horizontal_wrapped(|ui| {
            let mut title = RichText::new(c.title.get(lang)).strong();
            if cs.status == Status::NotApplicable {
                title = title.weak();
            }
            ui.label(title);
            if c.kind == ChecklistKind::Detailed
                && suggested.contains(&c.id)
                && cs.status != Status::Done
            {
                ui.label(
                    RichText::new(tr(b, lang, "ui.suggested"))
                        .color(theme::band_text(
                            Some(Band::ActionNeeded),
                            ui.visuals().dark_mode,
                        ))
                        .strong(),
                );
            }
            ui.label(b.s(&cs.status.string_key(), lang));
        });
        if cs.status == Status::NotApplicable {
            ui.label(RichText::new(tr(b, lang, "ui.not_applicable_why")).weak());
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            let frac = if cs.applicable == 0 {
                0.0
            } else {
                cs.answered as f32 / cs.applicable as f32
            };
            ui.add(
                egui::ProgressBar::new(frac)
                    .desired_width(ui.available_width().min(320.0))
                    .text(format!(
                        "{} {}/{}",
                        b.s("score.answered", lang),
                        cs.answered,
                        cs.applicable
                    )),
            );
            let first_open = c
                .questions
                .iter()
                .find(|q| flow.contains(&q.id) && doc.assessment.answer(&q.id).is_none())
                .or_else(|| c.questions.iter().find(|q| flow.contains(&q.id)))
                .map(|q| q.id.clone());
            if let Some(q) = first_open {
                if ui
                    .button(format!(
                        "{}: {}",
                        tr(b, lang, "ui.open_checklist"),
                        c.title.get(lang)
                    ))
                    .clicked()
                {
                    app.pending.push(Command::Go(Screen::Question(q)));
                }
            }
        });
    }
}

fn question_ui(app: &mut MamoriApp, ui: &mut Ui, id: &str) {
    let lang = app.prefs.lang;
    let flow = app.flow();
    let (done, total) = progress_counts(app);
    let Some(doc) = app.doc.as_mut() else { return };
    let b = &app.bundle;
    let Some((c, q)) = b.question(id) else {
        ui.label(tr(b, lang, "ui.no_question"));
        return;
    };
    let in_checklist: Vec<&str> = c
        .questions
        .iter()
        .filter(|x| flow.contains(&x.id))
        .map(|x| x.id.as_str())
        .collect();
    let pos = in_checklist
        .iter()
        .position(|x| *x == id)
        .map(|i| i + 1)
        .unwrap_or(0);
    ui.label(format!(
        "{}  ({} {pos} / {})",
        c.title.get(lang),
        tr(b, lang, "ui.question_no"),
        in_checklist.len()
    ));
    if !flow.contains(&id.to_string()) {
        ui.label(RichText::new(tr(b, lang, "ui.question_skipped")).strong());
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(
        RichText::new(q.text.get(lang))
            .size(theme::QUESTION_SIZE)
            .strong(),
    );
    if q.critical {
        ui.label(RichText::new(tr(b, lang, "ui.critical")).strong());
    }
    ui.add_space(theme::ITEM_GAP);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(tr(b, lang, "ui.why")).strong());
        ui.label(q.help.get(lang));
        ui.label(
            RichText::new(format!(
                "{}: {}",
                tr(b, lang, "ui.source"),
                b.source_line(&q.source, lang)
            ))
            .weak()
            .small(),
        );
    });
    if q.opens_inventory {
        let n = doc.assessment.inventory.len();
        if ui
            .button(format!("{} ({n})", tr(b, lang, "ui.inv_open")))
            .clicked()
        {
            app.pending.push(Command::Go(Screen::Inventory));
        }
    }
    ui.add_space(theme::ITEM_GAP);
    let current = doc.assessment.answer(id);
    ui.label(RichText::new(tr(b, lang, "ui.answer_keys")).weak());
    ui.horizontal_wrapped(|ui| {
        for (i, a) in Answer::ALL.into_iter().enumerate() {
            let text = RichText::new(format!("{}  {}", i + 1, b.s(a.string_key(), lang)))
                .size(theme::ANSWER_SIZE);
            if ui
                .add(egui::Button::new(text).selected(current == Some(a)))
                .clicked()
            {
                app.pending.push(Command::Answer(id.to_string(), a));
            }
        }
    });
    if let Some(a) = current {
        ui.label(format!(
            "{}: {}",
            tr(b, lang, "ui.your_answer"),
            b.s(a.string_key(), lang)
        ));
    }
    ui.add_space(theme::ITEM_GAP);
    let entry = doc.assessment.answers.entry(id.to_string()).or_default();
    let l = ui.label(tr(b, lang, "ui.note"));
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut entry.note)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    let mut edited = r.changed();
    edited |= ui
        .checkbox(&mut entry.review_later, tr(b, lang, "ui.review_later"))
        .changed();
    if doc.assessment.mode == Mode::Adviser {
        ui.add_space(theme::ITEM_GAP);
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(
                2.0,
                theme::private_color(ui.visuals().dark_mode),
            ))
            .show(ui, |ui| {
                let l = ui.label(
                    RichText::new(tr(b, lang, "ui.adviser_note"))
                        .strong()
                        .color(theme::private_color(ui.visuals().dark_mode)),
                );
                let note = doc
                    .assessment
                    .adviser
                    .per_question
                    .entry(id.to_string())
                    .or_default();
                let r = ui
                    .add(
                        egui::TextEdit::multiline(note)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                edited |= r.changed();
            });
    }
    if edited {
        app.pending.push(Command::Edited);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(b, lang, "ui.prev")).clicked() {
            app.pending.push(Command::Prev);
        }
        if ui.button(tr(b, lang, "ui.next")).clicked() {
            app.pending.push(Command::Next);
        }
        if ui.button(tr(b, lang, "ui.nav_results")).clicked() {
            app.pending.push(Command::Go(Screen::Results));
        }
        if current.is_some() && ui.button(tr(b, lang, "ui.clear_answer")).clicked() {
            app.pending.push(Command::ClearAnswer(id.to_string()));
        }
    });
    ui.add_space(theme::ITEM_GAP);
    ui.add(
        egui::ProgressBar::new(if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        })
        .text(format!(
            "{} {done} / {total}",
            tr(b, lang, "ui.progress_all")
        )),
    );
}

/// The Export PDF button (Ctrl+E) and, in adviser mode, the adviser-copy box; true when the
/// button was clicked.
fn export_pdf_ui(ui: &mut Ui, b: &Bundle, lang: Lang, adviser: bool, copy: &mut bool) -> bool {
    let mut export = false;
    ui.horizontal_wrapped(|ui| {
        export = ui.button(tr(b, lang, "ui.export_pdf")).clicked();
        if adviser {
            ui.checkbox(copy, tr(b, lang, "ui.adviser_copy_box"));
        }
    });
    export
}

fn results_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let Some(doc) = &app.doc else { return };
    let (b, lang, dark) = (&app.bundle, app.prefs.lang, app.prefs.dark);
    let a = &doc.assessment;
    let r = score(b, a);
    let band_words = |band: Option<Band>| match band {
        Some(x) => b.s(&x.string_key(), lang).to_string(),
        None => b.s("band.none", lang).to_string(),
    };
    ui.heading(tr(b, lang, "ui.results_heading"));
    ui.label(format!("{}  {}", a.company.name, a.date.display(lang)));
    ui.horizontal_wrapped(|ui| {
        let number = r
            .overall
            .map(|s| format!("{s:.0}"))
            .unwrap_or_else(|| "—".into());
        ui.label(
            RichText::new(format!("{} {number} / 100", b.s("score.overall", lang)))
                .size(theme::SCORE_SIZE),
        );
        super::verdict::verdict_word_ui(ui, b, lang, &r);
    });
    super::verdict::verdict_reasons_ui(ui, b, lang, &r);
    ui.label(
        RichText::new(
            b.s("score.band_rule", lang)
                .replace("{good}", "80")
                .replace("{improve}", "50"),
        )
        .weak(),
    );
    if !app.presentation && ui.button(tr(b, lang, "ui.presentation")).clicked() {
        app.pending.push(Command::TogglePresentation);
    }
    if !app.presentation {
        let mut copy = app.adviser_copy;
        let adviser = a.mode == crate::model::assessment::Mode::Adviser;
        if export_pdf_ui(ui, b, lang, adviser, &mut copy) {
            app.pending.push(Command::ExportPdfDialog);
        }
        app.adviser_copy = copy;
    }
    ui.add_space(theme::SECTION_GAP);
    consult_ui(app, ui, &r);
    if r.consult.is_none() {
        ui.label(b.s("score.consult_none", lang));
    }

    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.checklists", lang)));
    for cs in &r.checklists {
        let Some(c) = b.checklist(&cs.id) else {
            continue;
        };
        if c.kind == ChecklistKind::Screening {
            continue;
        }
        let words = match cs.status {
            Status::NotApplicable => b.s("status.not_applicable", lang).to_string(),
            _ => format!(
                "{}  ({} {}/{})",
                band_words(cs.band()),
                b.s("score.answered", lang),
                cs.answered,
                cs.applicable
            ),
        };
        let score = if cs.status == Status::NotApplicable {
            None
        } else {
            cs.score
        };
        bar_ui(ui, dark, c.title.get(lang), score, &words);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.objectives", lang)));
    for o in &r.objectives {
        bar_ui(
            ui,
            dark,
            b.s(&o.key.string_key(), lang),
            o.score,
            &band_words(o.score.map(Band::of)),
        );
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.legal", lang)));
    ui.label(RichText::new(tr(b, lang, "ui.legal_hint")).weak());
    for l in &r.legal {
        bar_ui(
            ui,
            dark,
            b.s(&l.key.string_key(), lang),
            l.score,
            &band_words(l.score.map(Band::of)),
        );
    }

    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.findings", lang)));
    if r.findings.is_empty() {
        ui.label(b.s("score.no_findings", lang));
    }
    if !app.presentation {
        super::teams::results_buttons_ui(b, lang, &mut app.pending, ui);
    }
    for (n, f) in r.findings.iter().enumerate() {
        let Some((_, q)) = b.question(&f.question_id) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("[{}]", b.s(&f.severity.string_key(), lang)))
                        .strong()
                        .color(theme::severity_color(f.severity, ui.visuals().dark_mode)),
                );
                ui.label(RichText::new(q.text.get(lang)).strong());
            });
            ui.label(format!(
                "{}: {}",
                tr(b, lang, "ui.your_answer"),
                b.s(f.answer.string_key(), lang)
            ));
            ui.horizontal_wrapped(|ui| {
                for id in &f.advice {
                    if let Some(adv) = b.advice(id) {
                        if ui
                            .button(format!(
                                "{}: {}",
                                tr(b, lang, "ui.read"),
                                adv.title.get(lang)
                            ))
                            .clicked()
                        {
                            app.pending
                                .push(Command::Go(Screen::Cases(Some(id.clone()))));
                        }
                    }
                }
            });
            let desks: Vec<String> = f
                .contacts
                .iter()
                .filter_map(|id| b.contact(id))
                .map(|c| {
                    format!(
                        "{} {}",
                        c.name.get(lang),
                        c.phone_display(lang).unwrap_or_default()
                    )
                })
                .collect();
            if !desks.is_empty() {
                ui.label(format!(
                    "{}: {}",
                    b.s("score.contact", lang),
                    desks.join(" / ")
                ));
            }
            if !app.presentation {
                super::teams::finding_action_ui(
                    ui,
                    (b, lang),
                    a,
                    &app.teams.due_text,
                    &mut app.pending,
                    (&f.question_id, n + 1),
                );
            }
        });
    }

    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("score.to_confirm", lang)));
    if r.to_confirm.is_empty() {
        ui.label(b.s("score.to_confirm_none", lang));
    }
    for id in &r.to_confirm {
        if let Some((_, q)) = b.question(id) {
            ui.label(format!("・{}", q.text.get(lang)));
        }
    }
    if !r.review_later.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(b.s("score.review_later", lang)));
        for id in &r.review_later {
            if let Some((_, q)) = b.question(id) {
                if ui.button(q.text.get(lang)).clicked() {
                    app.pending.push(Command::Go(Screen::Question(id.clone())));
                }
            }
        }
    }
    if !r.orphan_answers.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(b.s("score.orphans", lang)));
        for line in crate::model::scoring::orphan_answer_lines(b, a, &r, lang) {
            ui.label(line);
        }
    }
    if a.mode == Mode::Adviser && !app.presentation {
        ui.add_space(theme::SECTION_GAP);
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(
                2.0,
                theme::private_color(ui.visuals().dark_mode),
            ))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(tr(b, lang, "ui.adviser_general"))
                        .strong()
                        .color(theme::private_color(ui.visuals().dark_mode)),
                );
                if let Some(doc) = app.doc.as_mut() {
                    let l = ui.label(tr(b, lang, "ui.note"));
                    let r = ui
                        .add(
                            egui::TextEdit::multiline(&mut doc.assessment.adviser.general)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    if r.changed() {
                        app.pending.push(Command::Edited);
                    }
                }
            });
    }
}

fn cases_ui(app: &mut MamoriApp, ui: &mut Ui, selected: Option<&str>) {
    let (b, lang) = (&app.bundle, app.prefs.lang);
    ui.heading(tr(b, lang, "ui.cases_heading"));
    ui.label(tr(b, lang, "ui.cases_intro"));
    ui.horizontal_wrapped(|ui| {
        for adv in &b.advice {
            let on = selected == Some(adv.id.as_str());
            if ui
                .add(egui::Button::new(adv.title.get(lang)).selected(on))
                .clicked()
            {
                app.pending
                    .push(Command::Go(Screen::Cases(Some(adv.id.clone()))));
            }
        }
    });
    let Some(adv) = selected
        .and_then(|id| b.advice(id))
        .or_else(|| b.advice.first())
    else {
        return;
    };
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(adv.title.get(lang)));
    ui.label(RichText::new(tr(b, lang, "ui.what_went_wrong")).strong());
    ui.label(adv.problem.get(lang));
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(tr(b, lang, "ui.key_points")).strong());
    for act in &adv.actions {
        ui.label(format!("・{}", act.get(lang)));
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(tr(b, lang, "ui.first_step")).strong());
    ui.label(adv.first_step.get(lang));
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(b.s("score.contacts", lang)).strong());
    for id in &adv.contacts {
        if let Some(c) = b.contact(id) {
            ui.label(format!(
                "{}  {}",
                c.name.get(lang),
                c.phone_display(lang).unwrap_or_default()
            ));
        }
    }
    ui.label(
        RichText::new(format!(
            "{}: {}",
            tr(b, lang, "ui.source"),
            b.source_line(&adv.source, lang)
        ))
        .weak()
        .small(),
    );
}

fn contacts_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let (b, lang) = (&app.bundle, app.prefs.lang);
    ui.heading(b.s("score.contacts", lang));
    ui.label(tr(b, lang, "ui.contacts_intro"));
    // Consultation desks first (with an open check, only those serving its prefecture), then
    // the information contacts apart: they are never offered as a desk for one's own case.
    let serves = app
        .doc
        .as_ref()
        .map(|d| score(b, &d.assessment).desks)
        .map(|d| [d.recommended, d.other].concat());
    let info = |c: &&crate::model::schema::Contact| {
        c.kind == crate::model::schema::ContactKind::Information
    };
    let consult: Vec<_> = b
        .contacts
        .iter()
        .filter(|c| !info(c))
        .filter(|c| serves.as_ref().is_none_or(|ids| ids.contains(&c.id)))
        .collect();
    let information: Vec<_> = b.contacts.iter().filter(info).collect();
    for (i, c) in consult
        .into_iter()
        .chain(information.iter().copied())
        .enumerate()
    {
        if information
            .first()
            .is_some_and(|first| std::ptr::eq(*first, c))
            && i > 0
        {
            ui.add_space(theme::SECTION_GAP);
            ui.label(theme::section(b.s("desks.information", lang)));
        }
        ui.add_space(theme::ITEM_GAP);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(c.name.get(lang))
                    .strong()
                    .size(theme::ANSWER_SIZE),
            );
            ui.label(c.organisation.get(lang));
            ui.label(RichText::new(c.as_of.get(lang)).italics());
            if let Some(p) = c.phone_display(lang) {
                ui.label(format!("{}: {p}", tr(b, lang, "ui.phone")));
            }
            if let Some(h) = &c.hours {
                ui.label(format!("{}: {}", b.s("score.hours", lang), h.get(lang)));
            }
            if let Some(e) = &c.email {
                ui.label(format!("{}: {e}", tr(b, lang, "ui.email")));
            }
            if let Some(u) = &c.url {
                ui.label(format!("{}: {u}", tr(b, lang, "ui.web")));
            }
            ui.label(c.handles.get(lang));
            if let Some(n) = &c.note {
                ui.label(RichText::new(n.get(lang)).weak());
            }
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    tr(b, lang, "ui.source"),
                    b.source_line(&c.source, lang)
                ))
                .weak()
                .small(),
            );
        });
    }
}

fn settings_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let (b, lang) = (&app.bundle, app.prefs.lang);
    ui.heading(tr(b, lang, "ui.nav_settings"));
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(&tr(b, lang, "ui.language")));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut app.prefs.lang, Lang::Ja, "日本語");
        ui.radio_value(&mut app.prefs.lang, Lang::En, "English");
    });
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(&tr(b, lang, "ui.text_size")));
    let mut percent = (app.prefs.text_scale * 100.0).round();
    let range = theme::TEXT_SCALE_RANGE;
    if ui
        .add(
            egui::Slider::new(
                &mut percent,
                (range.start() * 100.0)..=(range.end() * 100.0),
            )
            .step_by(10.0)
            .suffix(" %")
            .text(tr(b, lang, "ui.text_size")),
        )
        .changed()
    {
        app.prefs.text_scale = percent / 100.0;
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(&tr(b, lang, "ui.theme")));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut app.prefs.dark, false, tr(b, lang, "ui.light"));
        ui.radio_value(&mut app.prefs.dark, true, tr(b, lang, "ui.dark"));
    });
    ui.add_space(theme::SECTION_GAP);
    ui.with_layout(Layout::top_down(Align::Min), |ui| {
        ui.label(RichText::new(tr(b, lang, "ui.disclaimer")).weak());
    });
}
