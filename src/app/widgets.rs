//! Widgets shared by the pages: a labelled bar with its score and band in words, labelled
//! fields and choices, progress, the consultation card, the adviser's private frame, the
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

/// A progress bar over every question: 「すべての質問 3 / 40」.
pub fn progress_ui(ui: &mut Ui, v: &View<'_>, (done, total): (usize, usize)) {
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .text(format!("{} {done} / {total}", v.t("ui.progress_all"))),
    );
}

/// When a quick-check item is weak: the card that recommends a consultation desk.
pub fn consult_ui(ui: &mut Ui, v: &View<'_>, report: &ScoreReport) {
    let (b, lang) = (v.bundle, v.lang);
    let Some(consult) = &report.consult else {
        return;
    };
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(
            theme::CARD_STROKE,
            theme::band_color(Some(Band::ActionNeeded)),
        ))
        .show(ui, |ui| {
            ui.label(theme::section(v.t("ui.consult_heading")));
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
