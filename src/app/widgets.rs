//! Widgets shared by the pages: a labelled bar with its score and band in words, labelled
//! fields and choices, progress, the desk to call, the adviser's private frame, the
//! source line and the buttons that open a case.

use egui::{RichText, Ui};

use super::commands::{Commands, Nav};
use super::view::View;
use super::{theme, Screen};
use crate::model::schema::Bundle;
use crate::model::scoring::{Band, ScoreReport};
use crate::model::sources::SourceRef;
use crate::model::words::Words;

/// One labelled bar: label, the bar, and the score and band in words beside it. In a narrow
/// window (large text) the label goes on its own line above the bar, whole.
pub fn bar_ui(ui: &mut Ui, dark: bool, label: &str, score: Option<f64>, words: &str) {
    let narrow = ui.available_width() < theme::CHART_LABEL_WIDTH + theme::BAR_WIDTH.end();
    if narrow {
        ui.label(label);
    }
    ui.horizontal_wrapped(|ui| {
        if !narrow {
            ui.add_sized(
                [theme::CHART_LABEL_WIDTH, theme::BAR_HEIGHT],
                egui::Label::new(label).truncate(),
            );
        }
        let width = (ui.available_width() - theme::BAR_WORDS_ROOM)
            .clamp(*theme::BAR_WIDTH.start(), *theme::BAR_WIDTH.end());
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(width, theme::BAR_HEIGHT), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, theme::BAR_ROUNDING, theme::track_color(dark));
        if let Some(s) = score {
            let mut fill = rect;
            fill.set_width(rect.width() * (s as f32 / 100.0).clamp(0.0, 1.0));
            painter.rect_filled(
                fill,
                theme::BAR_ROUNDING,
                theme::band_color(Some(Band::of(s))),
            );
        }
        ui.label(RichText::new(format!("{}  {words}", Words::score(score))).strong());
    });
}

/// A bar whose words are the band of its score.
pub fn band_bar_ui(ui: &mut Ui, v: &View<'_>, label: &str, score: Option<f64>) {
    bar_ui(ui, v.dark, label, score, &v.words().band_of(score));
}

/// A text field with a visible label that is also its accessible name.
pub fn labelled_text(ui: &mut Ui, label: &str, value: &mut String, width: f32) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(l.id)
}

/// A labelled choice of one of `options` or none (shown as `none`); true when it changed.
pub fn combo<T: Copy + PartialEq>(
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
    // The label before its control, as everywhere else; it names the control for screen
    // readers, and `id` tells this choice apart from the same one in other rows.
    let l = ui.label(label);
    let r = egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, none).changed();
            for (o, l) in options {
                changed |= ui.selectable_value(value, Some(*o), l).changed();
            }
        });
    r.response.labelled_by(l.id);
    changed
}

/// A progress bar over every question: 「すべての質問 3 / 40」.
pub fn progress_ui(ui: &mut Ui, v: &View<'_>, (done, total): (usize, usize)) {
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .corner_radius(theme::BAR_ROUNDING)
            .text(format!("{} {done} / {total}", v.t("ui.progress_all"))),
    );
}

/// The one desk to call: the quick check's rule in one sentence, the company's own weak
/// quick-check items, and the first desk for this company with its phone and hours (the same
/// desk as the PDF's 「まず相談する窓口」), with a way to all desks. Framed in the "action
/// needed" colour, and headed in words, when a quick-check item is weak.
pub fn call_ui(ui: &mut Ui, v: &View<'_>, report: &ScoreReport, out: &mut Commands) {
    let (b, lang) = (v.bundle, v.lang);
    let to_call = report.desk_to_call();
    let desk = to_call.and_then(|(id, _)| b.contact(id));
    if report.consult.is_none() && desk.is_none() {
        return;
    }
    let call = match to_call {
        Some((_, false)) => "report.call.questions",
        _ => "report.call",
    };
    let mut frame = egui::Frame::group(ui.style());
    if report.consult.is_some() {
        let colour = theme::band_color(Some(Band::ActionNeeded));
        frame = frame.stroke(egui::Stroke::new(theme::CARD_STROKE, colour));
    }
    frame.show(ui, |ui| {
        let heading = match report.consult {
            Some(_) => "ui.consult_heading",
            None => call,
        };
        ui.label(theme::section(v.t(heading)));
        ui.label(v.words().quick_check(report));
        for id in report.consult.iter().flat_map(|c| &c.weak_items) {
            if let Some((_, q)) = b.question(id) {
                ui.label(format!("・{}", q.text.get(lang)));
            }
        }
        if let Some(d) = desk {
            let phone = d.phone_display(lang).unwrap_or_default();
            let line = format!("{}: {}  {phone}", v.t(call), d.name.get(lang));
            ui.label(RichText::new(line).strong());
            if let Some(hours) = &d.hours {
                ui.label(hours.get(lang));
            }
        }
        if !v.presentation && ui.button(v.t("ui.all_desks")).clicked() {
            out.send(Nav::Go(Screen::Contacts));
        }
    });
}

/// The adviser's private part, framed and titled in the private colour (and in words).
pub fn private_frame_ui<R>(
    ui: &mut Ui,
    title: &str,
    body: impl FnOnce(&mut Ui, egui::Response) -> R,
) -> R {
    let colour = theme::private_color(ui.visuals().dark_mode);
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(theme::CARD_STROKE, colour))
        .show(ui, |ui| {
            let l = ui.label(RichText::new(title).strong().color(colour));
            body(ui, l)
        })
        .inner
}

/// 「出典: …」 under a question, case, desk or suggestion.
pub fn source_ui(ui: &mut Ui, v: &View<'_>, source: &SourceRef) {
    let line = v.bundle.source_line(source, v.lang);
    ui.label(
        RichText::new(format!("{}: {line}", v.t("ui.source")))
            .weak()
            .small(),
    );
}

/// A 「読む: 事例01 …」 button for each advice entry in `ids` that opens its case page.
pub fn advice_buttons_ui(ui: &mut Ui, v: &View<'_>, ids: &[String], out: &mut Commands) {
    let b: &Bundle = v.bundle;
    for id in ids {
        if let Some(adv) = b.advice(id) {
            let label = format!("{}: {}", v.t("ui.read"), adv.title.get(v.lang));
            if ui.button(label).clicked() {
                out.send(Nav::Go(Screen::Cases(Some(id.clone()))));
            }
        }
    }
}
