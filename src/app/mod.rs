//! The desktop app (eframe/egui): state, the frame loop and the keyboard.
//!
//! Pages ([`pages`]) draw from the state they are given and push [`Command`]s; the commands are
//! applied after the frame (the deferred-command pattern of egui's demo app), each area by its
//! own function ([`apply`], [`files`]). The open check, its autosave and undo live in
//! [`document`]; colours and sizes in [`theme`]. All scoring comes from [`crate::model`], the
//! same as the CLI and report.

pub mod apply;
pub mod args;
pub mod commands;
pub mod dialogs;
pub mod document;
pub mod export;
pub mod files;
pub mod native;
pub mod opening;
pub mod pages;
pub mod recent;
pub mod saver;
pub mod screenshot;
pub mod secure;
pub mod theme;
pub mod verdict;
pub mod view;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use args::{AppArgs, ScriptedPage};
pub use commands::{
    ClassCommand, Command, Commands, CompareCommand, DialogCommand, DocCommand, FileCommand,
    GuideCommand, InventoryCommand, Nav,
};
pub use document::{Document, UNDO_LIMIT};
use screenshot::ScreenshotJob;
pub use screenshot::{write_png, ScreenshotResult};

use crate::model::assessment::{Assessment, Mode, StaffBand};
use crate::model::crypt::WorkFactor;
use crate::model::date::Date;
use crate::model::inventory::CategorySuggestions;
use crate::model::schema::{Answer, Bundle};
use crate::model::text::Lang;

/// Workshop companies shipped under `examples/workshop/`, embedded: `(file name, bytes)`.
pub static WORKSHOP_EXAMPLES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/workshop.rs"));

/// Preferences kept between runs (eframe storage).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Display language.
    pub lang: Lang,
    /// Text size, 1.0–2.0.
    pub text_scale: f32,
    /// Dark mode.
    pub dark: bool,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The file open when the app was last closed.
    pub last_file: Option<PathBuf>,
    /// The question shown when the app was last closed.
    pub last_question: Option<String>,
    /// Who uses the app, which decides the pages of the navigation bar: an owner's
    /// self-check (the default), an adviser (adds the adviser's tools) or a workshop (adds
    /// the class view and the fictional companies).
    pub nav_mode: Mode,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::Ja,
            text_scale: 1.0,
            dark: false,
            recent: Vec::new(),
            last_file: None,
            last_question: None,
            nav_mode: Mode::SelfCheck,
        }
    }
}

/// Which page is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// New assessment, open, recent files, workshop examples.
    Start,
    /// Every checklist as a task list.
    Overview,
    /// One question.
    Question(String),
    /// Scores, charts, findings.
    Results,
    /// The case library, optionally with one advice entry open.
    Cases(Option<String>),
    /// The consultation desks.
    Contacts,
    /// Language, text size, theme.
    Settings,
    /// The information inventory editor.
    Inventory,
    /// The open assessment compared with older visits.
    Compare,
    /// The anonymous class view (several files or a folder).
    Class,
    /// The situation checklists (場面別チェック), optionally one situation open.
    Situations(Option<String>),
    /// The disclosure ledger (開示記録).
    Ledger,
    /// The patent-or-secret decision (オープン・クローズ) for an inventory item (its index).
    OpenClose(Option<usize>),
}

/// The fields of the start form.
#[derive(Clone, Debug, PartialEq)]
pub struct NewForm {
    /// Company name.
    pub company: String,
    /// Industry.
    pub industry: String,
    /// Staff band.
    pub staff_band: Option<StaffBand>,
    /// Prefecture.
    pub prefecture: String,
    /// Assessor.
    pub assessor: String,
    /// Date as typed, YYYY-MM-DD.
    pub date: String,
    /// Mode.
    pub mode: Mode,
    /// A path typed to open a file without a dialog.
    pub open_path: String,
}

impl Default for NewForm {
    fn default() -> Self {
        NewForm {
            company: String::new(),
            industry: String::new(),
            staff_band: None,
            prefecture: String::new(),
            assessor: String::new(),
            date: Date::today().to_string(),
            mode: Mode::SelfCheck,
            open_path: String::new(),
        }
    }
}

/// What a typed path is for, when no file dialog is available.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open an assessment file.
    Open,
    /// Save a copy of the open assessment and continue in it.
    SaveAs,
    /// Export the findings and inventory as CSV.
    ExportCsv,
    /// Add an older visit to the comparison.
    CompareAdd,
    /// Add a file or folder to the class view.
    ClassAdd,
    /// Write the PDF report of the open assessment.
    ExportPdf,
}

/// The prompt for a typed path, shown instead of a file dialog when the system has none.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: PathPurpose,
    /// The path as typed so far.
    pub text: String,
}

/// Whether a native file dialog can be shown. On Windows and macOS rfd uses the system's own
/// dialog, which is always there. Elsewhere rfd's portal backend needs a D-Bus session (for
/// xdg-desktop-portal) or `zenity`; without either it returns nothing, exactly as on cancel,
/// so the app asks for a typed path instead of pretending the user cancelled.
pub fn file_dialogs_available() -> bool {
    dialogs_available_on(
        std::env::consts::OS,
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS"),
        std::env::var_os("PATH"),
    )
}

/// [`file_dialogs_available`] for a given system and environment.
pub fn dialogs_available_on(
    os: &str,
    dbus_session: Option<std::ffi::OsString>,
    path: Option<std::ffi::OsString>,
) -> bool {
    if matches!(os, "windows" | "macos") {
        return true;
    }
    if dbus_session.is_some_and(|v| !v.is_empty()) {
        return true;
    }
    path.is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

/// The mamori desktop app.
pub struct MamoriApp {
    /// The questionnaires.
    pub bundle: Bundle,
    /// Preferences.
    pub prefs: Prefs,
    /// The open assessment.
    pub doc: Option<Document>,
    /// The page shown.
    pub screen: Screen,
    /// The start form.
    pub form: NewForm,
    /// An error to show (what, where, what to do).
    pub error: Option<String>,
    /// The technical detail of the error, shown behind 「詳細」 (Details).
    pub error_detail: Option<String>,
    /// A short confirmation, e.g. where a file was saved.
    pub notice: Option<String>,
    /// Projector view.
    pub presentation: bool,
    /// Where new assessments and example copies are saved.
    pub data_dir: PathBuf,
    /// Whether native file dialogs can be used (see [`file_dialogs_available`]); when not,
    /// Open and Save As ask for a typed path. Off by default, so tests never block on a dialog.
    pub file_dialogs: bool,
    /// The typed-path prompt, when one is open.
    pub path_prompt: Option<PathPrompt>,
    /// The passphrase dialog, when one is open.
    pub pass_prompt: Option<secure::PassPrompt>,
    /// The company names of the workshop examples, read once (not on every frame).
    pub example_names: Vec<String>,
    /// The inventory suggestions, read once.
    pub suggestions: Vec<CategorySuggestions>,
    /// The older visits of the comparison page.
    pub compare: pages::compare::CompareState,
    /// The last score of the open check, for the pages (see [`view::ScoreCache`]).
    pub scores: view::ScoreCache,
    /// The files and picture of the class page.
    pub class: pages::class::ClassState,
    /// How the recent files are named (encrypted ones neutrally).
    pub recent_names: recent::RecentNames,
    /// The page a case was opened from (results or class), for the way back to it.
    pub case_from: Option<Screen>,
    /// Show the page from its top in the next frame (on start and from the navigation bar);
    /// otherwise each page keeps its own scroll position.
    pub scroll_top: bool,
    /// The copy of the report being exported, chosen in the export dialog for this export
    /// only (never kept after it); the adviser's copy is only heeded in adviser mode.
    pub export_copy: Option<export::ReportCopy>,
    /// The export dialog's question 「会社用 / アドバイザー控え」 is open.
    pub copy_choice: bool,
    /// Where PDF and CSV exports go by default (the user's documents folder).
    pub documents_dir: PathBuf,
    commands: Commands,
    lang_shown: Lang,
    mode_shown: Mode,
    applied_style: Option<(bool, f32)>,
    fonts_installed: bool,
    screenshot: Option<ScreenshotJob>,
    saver: saver::Saver,
    /// The scrypt work factor of encrypted saves: the standard one; tests set a low one.
    pub work_factor: WorkFactor,
}

impl MamoriApp {
    /// A new app over `bundle`, saving new assessments under `data_dir`.
    pub fn new(bundle: Bundle, prefs: Prefs, data_dir: PathBuf) -> Self {
        let (lang_shown, prefs_mode) = (prefs.lang, prefs.nav_mode);
        let documents_dir = export::documents_dir(&data_dir);
        let form = NewForm {
            mode: prefs.nav_mode,
            ..NewForm::default()
        };
        let mut app = MamoriApp {
            bundle,
            prefs,
            doc: None,
            screen: Screen::Start,
            form,
            error: None,
            error_detail: None,
            notice: None,
            presentation: false,
            data_dir,
            file_dialogs: false,
            path_prompt: None,
            pass_prompt: None,
            example_names: WORKSHOP_EXAMPLES
                .iter()
                .map(|(name, bytes)| {
                    Assessment::from_bytes(name, bytes)
                        .map(|a| a.company.name)
                        .unwrap_or_else(|_| name.to_string())
                })
                .collect(),
            suggestions: Vec::new(),
            compare: Default::default(),
            scores: Default::default(),
            class: Default::default(),
            recent_names: Default::default(),
            case_from: None,
            scroll_top: true,
            export_copy: None,
            copy_choice: false,
            documents_dir,
            commands: Commands::default(),
            lang_shown,
            mode_shown: prefs_mode,
            applied_style: None,
            fonts_installed: false,
            screenshot: None,
            saver: saver::Saver::default(),
            work_factor: WorkFactor::Standard,
        };
        match crate::model::inventory::suggestions() {
            Ok(s) => app.suggestions = s,
            Err(d) => app.report_load_problems(&[d]),
        }
        app
    }

    /// Shows the problems found while loading the questionnaires (a trainer's folder given
    /// with `--questionnaires`) in the window: every diagnostic with its file:line:col and
    /// what to do. The app goes on with whatever loaded.
    pub fn report_load_problems(&mut self, diagnostics: &[crate::model::diag::Diagnostic]) {
        if diagnostics.is_empty() {
            return;
        }
        let list: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
        self.error = Some(format!(
            "{}\n{}",
            self.t("ui.questionnaire_problems"),
            list.join("\n")
        ));
    }

    /// The UI string `key` in the current language.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.bundle.s(key, self.prefs.lang)
    }

    /// Queues a command of any area, applied after the frame.
    pub fn send(&mut self, c: impl Into<Command>) {
        self.commands.send(c);
    }

    /// Draws the whole app into `ui` and applies the commands it produced.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.style(&ctx);
        if self.prefs.lang != self.lang_shown {
            // A status message is in the language it was given in: a switch clears it.
            self.notice = None;
            self.lang_shown = self.prefs.lang;
        }
        if self.prefs.nav_mode != self.mode_shown {
            // Who uses the app is also how the next check is done (the start form's mode).
            self.form.mode = self.prefs.nav_mode;
            self.mode_shown = self.prefs.nav_mode;
        }
        self.keyboard(&ctx);
        for f in ctx.input(|i| i.raw.dropped_files.clone()) {
            self.send(FileCommand::Open(f.path().to_path_buf()));
        }
        let named = self.prefs.recent.iter().chain(&self.prefs.last_file);
        self.recent_names
            .update(named.cloned().collect(), &self.bundle, self.prefs.lang);
        pages::root_ui(self, ui);
        // After drawing: work on the worker thread is taken once its spinner showed (the
        // class view's before the dialog's, whose result may start the class's reading).
        if self.class.poll() {
            ctx.request_repaint();
        } else if self.class.reading.is_some() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
        if secure::poll(self) {
            ctx.request_repaint();
        } else if self.pass_prompt.as_ref().is_some_and(|p| p.work.is_some()) {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
        let commands = self.commands.take();
        if !commands.is_empty() {
            // Show the effect of the commands in the next frame right away.
            ctx.request_repaint();
        }
        for c in commands {
            self.apply(c);
        }
        if let Some(due) = self.doc.as_ref().and_then(Document::save_due) {
            if Instant::now() >= due {
                self.flush();
            } else {
                ctx.request_repaint_after(due - Instant::now());
            }
        }
        self.saver_errors();
        if self.saver.pending() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        self.screenshot_step(&ctx);
    }

    /// Installs the fonts once and applies the theme and zoom when they changed.
    fn style(&mut self, ctx: &egui::Context) {
        if !self.fonts_installed {
            theme::install_fonts(ctx);
            // Ctrl + and Ctrl − change the text-size setting (see `keyboard`), not egui's own
            // zoom, so the setting and the window always agree.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.fonts_installed = true;
        }
        let range = theme::TEXT_SCALE_RANGE;
        let zoom = self.prefs.text_scale.clamp(*range.start(), *range.end())
            * if self.presentation {
                theme::PRESENTATION_ZOOM
            } else {
                1.0
            };
        if self.applied_style != Some((self.prefs.dark, zoom)) {
            theme::apply_style(ctx, self.prefs.dark);
            ctx.set_zoom_factor(zoom);
            self.applied_style = Some((self.prefs.dark, zoom));
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context) {
        use egui::{Key, Modifiers};
        let typing = ctx.egui_wants_keyboard_input();
        let pressed = |k: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, k));
        let command = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_key(m, k));
        if command(Modifiers::COMMAND, Key::Z) && !typing {
            self.send(DocCommand::Undo);
        }
        if command(Modifiers::COMMAND, Key::O) {
            self.send(FileCommand::OpenDialog);
        }
        if command(Modifiers::COMMAND | Modifiers::SHIFT, Key::S) {
            self.send(FileCommand::SaveAsDialog);
        }
        if command(Modifiers::COMMAND, Key::E) {
            self.send(FileCommand::ExportPdfDialog);
        }
        self.text_size_keys(ctx);
        if self.error.is_some() && pressed(Key::Escape) {
            self.send(DialogCommand::DismissError);
        } else if self.path_prompt.is_some() && pressed(Key::Escape) {
            self.send(DialogCommand::DismissPathPrompt);
        } else if self.pass_prompt.is_some() && pressed(Key::Escape) {
            self.send(DialogCommand::DismissPassPrompt);
        } else if self.copy_choice && pressed(Key::Escape) {
            self.send(DialogCommand::DismissCopyChoice);
        }
        if typing {
            return;
        }
        if let Screen::Question(id) = self.screen.clone() {
            let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
            for (k, a) in keys.into_iter().zip(Answer::ALL) {
                if pressed(k) {
                    self.send(DocCommand::Answer(id.clone(), a));
                }
            }
            if pressed(Key::ArrowRight) {
                self.send(Nav::Next);
            }
            if pressed(Key::ArrowLeft) {
                self.send(Nav::Prev);
            }
        }
        if self.presentation && pressed(Key::Escape) {
            self.send(Nav::TogglePresentation);
        }
    }

    /// Ctrl + (or Ctrl =) and Ctrl − step the text size by 10 %, Ctrl 0 resets it; at once.
    fn text_size_keys(&mut self, ctx: &egui::Context) {
        use egui::gui_zoom::kb_shortcuts::{ZOOM_IN, ZOOM_IN_SECONDARY, ZOOM_OUT, ZOOM_RESET};
        let pressed = |k| ctx.input_mut(|i| i.consume_shortcut(&k));
        let step = if pressed(ZOOM_IN) || pressed(ZOOM_IN_SECONDARY) {
            theme::TEXT_SCALE_STEP
        } else if pressed(ZOOM_OUT) {
            -theme::TEXT_SCALE_STEP
        } else if pressed(ZOOM_RESET) {
            *theme::TEXT_SCALE_RANGE.start() - self.prefs.text_scale
        } else {
            return;
        };
        self.prefs.text_scale = theme::text_scale(self.prefs.text_scale + step);
    }

    /// The questions in the order the app walks them ([`crate::model::flow::flow`]).
    pub fn flow(&self) -> Vec<String> {
        match &self.doc {
            Some(doc) => crate::model::flow::flow(&self.bundle, &doc.assessment),
            None => Vec::new(),
        }
    }

    /// Checklist ids in walking order ([`crate::model::flow::checklist_order`]).
    pub fn checklist_order(&self) -> Vec<String> {
        let a = self.doc.as_ref().map(|d| &d.assessment);
        crate::model::flow::checklist_order(&self.bundle, a)
    }

    /// The first unanswered question of the flow, if any.
    pub fn next_unanswered(&self) -> Option<String> {
        let doc = self.doc.as_ref()?;
        crate::model::flow::next_unanswered(&self.bundle, &doc.assessment)
    }

    /// Whether the PDF report will include the adviser's private notes.
    pub fn exports_adviser_copy(&self) -> bool {
        self.export_copy == Some(export::ReportCopy::Adviser)
            && self
                .doc
                .as_ref()
                .is_some_and(|d| d.assessment.mode == Mode::Adviser)
    }
}

/// `dir/stem.ron`, or `dir/stem-2.ron` … when taken (the stem made safe by [`clean_stem`]).
fn unique_path(dir: &Path, stem: &str) -> PathBuf {
    let clean = clean_stem(stem);
    let mut p = dir.join(format!("{clean}.ron"));
    let mut n = 2;
    while p.exists() {
        p = dir.join(format!("{clean}-{n}.ron"));
        n += 1;
    }
    p
}

/// A file name stem safe on every system: characters a file system refuses become `_`, and
/// at most 80 characters are kept.
fn clean_stem(stem: &str) -> String {
    stem.chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect()
}

impl eframe::App for MamoriApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        MamoriApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.flush();
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush();
    }
}
