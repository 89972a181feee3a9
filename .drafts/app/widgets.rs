//! The drawing context [`Cx`] and the widgets shared by the pages: labelled bars with their words, the consultation card,
//! labelled fields and choices, a progress bar, lists of questions and the source line.
//! Sizes come from [`theme`]; no widget tells anything by colour alone.

use egui::{RichText, Ui};

use super::{theme, Command, Prefs};
use crate::model::schema::{Bundle, SourceRef};
use crate::model::scoring::{Band, ScoreReport};
use crate::model::text::Lang;
use crate::model::words::Words;

/// What every page and widget reads (texts, language, theme) and where pages send commands.
pub struct Cx<'a> {
    /// The questionnaire's texts in the display language.
    pub w: Words<'a>,
    /// The questionnaire.
    pub b: &'a Bundle,
    /// The display language.
    pub lang: Lang,
    /// Dark mode.
    pub dark: bool,
    /// The projector view (large text, no editing).
    pub presentation: bool,
    out: &'a mut Vec<Command>,
}

impl<'a> Cx<'a> {
    /// A context over `b` in the language and theme of `prefs`, sending into `out`.
    pub fn new(b: &'a Bundle, prefs: &Prefs, presentation: bool, out: &'a mut Vec<Command>) -> Self {
        Cx {
            w: Words::new(b, prefs.lang),
            b,
            lang: prefs.lang,
            dark: prefs.dark,
            presentation,
            out,
        }
    }

    /// The UI string `key`.
    pub fn s(&self, key: &'a str) -> &'a str {
        self.w.s(key)
    }

    /// Sends a command, applied after the frame.
    pub fn send(&mut self, c: impl Into<Command>) {
        self.out.push(c.into());
    }
}

/// One labelled bar: label, the bar, and the score and band in words beside it. In a narrow
/// window (large text) the label goes on its own line above the bar, whole.
pub fn bar_ui(ui: &mut Ui, dark: bool, label: &str, score: Option<f64>, words: &str) {
    let narrow = ui.available_width() < theme::CHART_LABEL_WIDTH + theme::BAR_MAX_WIDTH;
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
        let width = (ui.available_width() - theme::BAR_CAPTION_WIDTH)
            .clamp(theme::BAR_MIN_WIDTH, theme::BAR_MAX_WIDTH);
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(width, theme::BAR_HEIGHT), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, theme::BAR_ROUNDING, theme::track_color(dark));
        if let Some(s) = score {
            let mut fill = rect;
            fill.set_width(rect.width() * (s as f32 / 100.0).clamp(0.0, 1.0));
            painter.rect_filled(fill, theme::BAR_ROUNDING, theme::band_color(Some(Band::of(s))));
        }
        let number = Words::score(score);
        ui.label(RichText::new(format!("{number}  {words}")).strong());
    });
}

/// A bar whose words are the band of its score.
pub fn band_bar_ui(cx: &Cx, ui: &mut Ui, label: &str, score: Option<f64>) {
    bar_ui(ui, cx.dark, label, score, &cx.w.band_of(score));
}

/// The card recommending a consultation desk when a quick-check item is weak.
pub fn consult_ui(cx: &Cx, ui: &mut Ui, report: &ScoreReport) {
    let Some(consult) = &report.consult else {
        return;
    };
    let (b, lang) = (cx.b, cx.lang);
    let stroke = egui::Stroke::new(
        theme::CARD_STROKE,
        theme::band_color(Some(Band::ActionNeeded)),
    );
    egui::Frame::group(ui.style()).stroke(stroke).show(ui, |ui| {
        ui.label(theme::section(cx.s("ui.consult_heading")));
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

/// A frame for the adviser's private notes, marked in words and by its colour; `add` gets
/// the id of the title label (to name a field by it).
pub fn private_frame_ui(ui: &mut Ui, title: &str, add: impl FnOnce(&mut Ui, egui::Id)) {
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(theme::CARD_STROKE, theme::PRIVATE))
        .show(ui, |ui| {
            let l = ui.label(RichText::new(title).strong().color(theme::PRIVATE));
            add(ui, l.id);
        });
}

/// A text field with a visible label that is also its accessible name.
pub fn labelled_text(ui: &mut Ui, label: &str, value: &mut String, width: f32) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(l.id)
}

/// A multi-line note field with a visible label.
pub fn labelled_note(ui: &mut Ui, label_id: egui::Id, value: &mut String) -> egui::Response {
    ui.add(
        egui::TextEdit::multiline(value)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label_id)
}

/// A labelled choice of one of `options`, or none; true when it changed.
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

/// "Answered 8 / 11" as a progress bar.
pub fn progress_ui(cx: &Cx, ui: &mut Ui, done: usize, total: usize) {
    let frac = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    let text = format!("{} {done} / {total}", cx.s("ui.progress_all"));
    ui.add(egui::ProgressBar::new(frac).text(text));
}

/// A heading with a count, then the questions' texts (or "none").
pub fn question_list_ui(cx: &Cx, ui: &mut Ui, key: &str, ids: &[String]) {
    ui.add_space(theme::ITEM_GAP);
    let heading = format!("{} ({})", cx.b.s(key, cx.lang), ids.len());
    ui.label(theme::section(&heading));
    if ids.is_empty() {
        ui.label(cx.s("score.cmp_none"));
    }
    for id in ids {
        let text = cx
            .b
            .question(id)
            .map(|(_, q)| q.text.get(cx.lang).to_string())
            .unwrap_or_else(|| id.clone());
        ui.label(format!("・{text}"));
    }
}

/// The small line naming where a text comes from.
pub fn source_ui(cx: &Cx, ui: &mut Ui, source: &SourceRef) {
    let text = format!(
        "{}: {} — {}",
        cx.s("ui.source"),
        source.file,
        source.heading
    );
    ui.label(RichText::new(text).weak().small());
}
