//! The desktop app (eframe/egui): state, commands and file handling.
//!
//! The app reads state and emits [`Command`]s; commands are applied after the frame is drawn
//! (the deferred-command pattern of egui's demo app). Drawing lives in [`screens`], colours and
//! sizes in [`theme`]. All scoring comes from [`crate::model`], the same as the CLI and report.

pub mod args;
pub mod logger;
pub mod native;
pub mod screens;
pub mod secure;
pub mod teams;
pub mod theme;
pub mod verdict;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use args::{AppArgs, ScriptedPage};

use crate::model::assessment::{Assessment, Mode, StaffBand};
use crate::model::crypt::WorkFactor;
use crate::model::date::Date;
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
}

/// Something the user asked for, applied after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show a page.
    Go(Screen),
    /// Answer a question and move to the next one.
    Answer(String, Answer),
    /// Remove the answer to a question.
    ClearAnswer(String),
    /// The next question in the flow.
    Next,
    /// The previous question in the flow.
    Prev,
    /// Start a new assessment from the start form.
    NewAssessment,
    /// Open a file.
    Open(PathBuf),
    /// Ask for a file to open.
    OpenDialog,
    /// Ask where to save a copy, then continue in it.
    SaveAsDialog,
    /// Save a copy under this path and continue in it.
    SaveAs(PathBuf),
    /// Open a workshop example (a copy of it).
    OpenExample(usize),
    /// Reopen the file and question of last time.
    Continue,
    /// Undo the last answer change.
    Undo,
    /// Switch the projector view on or off.
    TogglePresentation,
    /// Close the error message.
    DismissError,
    /// Close the typed-path prompt without doing anything.
    DismissPathPrompt,
    /// The note or flag of the current assessment changed: save soon.
    Edited,
    /// Add a row to the information inventory.
    AddInventoryRow(crate::model::inventory::InventoryItem),
    /// Remove an inventory row (undoable).
    RemoveInventoryRow(usize),
    /// Set who acts on a finding (question id, owner).
    SetOwner(String, String),
    /// Set a finding's due date as typed (question id, text `YYYY-MM-DD` or empty).
    SetDue(String, String),
    /// Ask where to export the CSV.
    ExportCsvDialog,
    /// Export the findings and inventory CSV to this path.
    ExportCsv(PathBuf),
    /// Ask for older visits to compare with.
    CompareAddDialog,
    /// Add an older visit to the comparison.
    CompareAdd(PathBuf),
    /// Remove an older visit from the comparison.
    CompareRemove(usize),
    /// Ask for files to add to the class view.
    ClassAddDialog,
    /// Ask for a folder to add to the class view.
    ClassFolderDialog,
    /// Add a file or folder to the class view.
    ClassAdd(PathBuf),
    /// Empty the class view.
    ClassClear,
    /// Show the class view on the projector (large text), or leave it.
    ClassProjector,
    /// Ask where to write the PDF report (save dialog, or a typed path without one).
    ExportPdfDialog,
    /// Write the PDF report of the open assessment to this path.
    ExportPdf(PathBuf),
    /// Ask for a passphrase and a file name, then save the open check encrypted.
    SaveEncryptedDialog,
    /// Apply the passphrase dialog (open or save encrypted).
    SubmitPassphrase,
    /// Close the passphrase dialog without doing anything.
    DismissPassPrompt,
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

/// Whether a native file dialog can be shown: rfd's portal backend needs a D-Bus session (for
/// xdg-desktop-portal) or `zenity`. Without either it returns nothing, exactly as on cancel,
/// so the app asks for a typed path instead of pretending the user cancelled.
pub fn file_dialogs_available() -> bool {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty()) {
        return true;
    }
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

/// The open assessment and where it is saved.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The answers.
    pub assessment: Assessment,
    /// The file it autosaves to.
    pub path: PathBuf,
    /// The passphrase when the file is encrypted (kept only in memory); every save of the
    /// check is then encrypted.
    pub passphrase: Option<crate::model::crypt::SecretString>,
}

/// A `--screenshot` run: draw, capture, save as PNG, close.
#[derive(Debug)]
struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

/// The outcome of a `--screenshot` run, read by `main` after the window closed.
pub type ScreenshotResult = Arc<Mutex<Option<Result<(), String>>>>;

/// The mamori desktop app.
pub struct MamoriApp {
    /// The questionnaires.
    pub bundle: Bundle,
    /// Preferences.
    pub prefs: Prefs,
    /// The open assessment.
    pub doc: Option<Doc>,
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
    /// State of the adviser and trainer pages.
    pub teams: teams::TeamsState,
    /// The "adviser copy (with private notes)" box of the results page: off by default, and
    /// only heeded for an assessment in adviser mode.
    pub adviser_copy: bool,
    undo: Vec<Assessment>,
    pending: Vec<Command>,
    save_due: Option<Instant>,
    applied_style: Option<(bool, f32)>,
    fonts_installed: bool,
    screenshot: Option<ScreenshotJob>,
    saver: secure::Saver,
    /// The scrypt work factor of encrypted saves: the standard one; tests set a low one.
    pub work_factor: WorkFactor,
}

const UNDO_LIMIT: usize = 200;
const SAVE_DELAY: Duration = Duration::from_millis(400);

impl MamoriApp {
    /// A new app over `bundle`, saving new assessments under `data_dir`.
    pub fn new(bundle: Bundle, prefs: Prefs, data_dir: PathBuf) -> Self {
        MamoriApp {
            bundle,
            prefs,
            doc: None,
            screen: Screen::Start,
            form: NewForm::default(),
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
            teams: teams::TeamsState::new(),
            adviser_copy: false,
            undo: Vec::new(),
            pending: Vec::new(),
            save_due: None,
            applied_style: None,
            fonts_installed: false,
            screenshot: None,
            saver: secure::Saver::default(),
            work_factor: WorkFactor::Standard,
        }
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

    /// Queues a command, applied after the frame.
    pub fn send(&mut self, c: Command) {
        self.pending.push(c);
    }

    /// Asks for a screenshot of the first frames, saved as PNG at `path`; the window closes
    /// afterwards. Returns where the outcome will be written.
    pub fn request_screenshot(&mut self, path: PathBuf) -> ScreenshotResult {
        let result: ScreenshotResult = Arc::new(Mutex::new(None));
        self.screenshot = Some(ScreenshotJob {
            path,
            frames: 0,
            requested: false,
            result: result.clone(),
        });
        result
    }

    /// Draws the whole app into `ui` and applies the commands it produced.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            theme::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        let zoom = self.prefs.text_scale.clamp(
            *theme::TEXT_SCALE_RANGE.start(),
            *theme::TEXT_SCALE_RANGE.end(),
        ) * if self.presentation {
            theme::PRESENTATION_ZOOM
        } else {
            1.0
        };
        if self.applied_style != Some((self.prefs.dark, zoom)) {
            theme::apply_style(&ctx, self.prefs.dark);
            ctx.set_zoom_factor(zoom);
            self.applied_style = Some((self.prefs.dark, zoom));
        }
        self.keyboard(&ctx);
        for f in ctx.input(|i| i.raw.dropped_files.clone()) {
            self.send(Command::Open(f.path().to_path_buf()));
        }
        screens::root_ui(self, ui);
        let commands = std::mem::take(&mut self.pending);
        if !commands.is_empty() {
            // Show the effect of the commands in the next frame right away.
            ctx.request_repaint();
        }
        for c in commands {
            self.apply(c);
        }
        if let Some(due) = self.save_due {
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

    fn keyboard(&mut self, ctx: &egui::Context) {
        use egui::{Key, Modifiers};
        let typing = ctx.egui_wants_keyboard_input();
        let pressed = |k: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, k));
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Z)) && !typing {
            self.send(Command::Undo);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::O)) {
            self.send(Command::OpenDialog);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
            self.send(Command::SaveAsDialog);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::E)) {
            self.send(Command::ExportPdfDialog);
        }
        if self.error.is_some() && pressed(Key::Escape) {
            self.send(Command::DismissError);
        } else if self.path_prompt.is_some() && pressed(Key::Escape) {
            self.send(Command::DismissPathPrompt);
        } else if self.pass_prompt.is_some() && pressed(Key::Escape) {
            self.send(Command::DismissPassPrompt);
        }
        if typing {
            return;
        }
        if let Screen::Question(id) = self.screen.clone() {
            let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
            for (k, a) in keys.into_iter().zip(Answer::ALL) {
                if pressed(k) {
                    self.send(Command::Answer(id.clone(), a));
                }
            }
            if pressed(Key::ArrowRight) {
                self.send(Command::Next);
            }
            if pressed(Key::ArrowLeft) {
                self.send(Command::Prev);
            }
        }
        if self.presentation && pressed(Key::Escape) {
            self.send(Command::TogglePresentation);
        }
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

    /// Whether a detailed checklist is suggested first (its quick-check item is weak).
    pub fn is_suggested(&self, checklist_id: &str) -> bool {
        self.doc
            .as_ref()
            .is_some_and(|d| crate::model::flow::is_suggested(&d.assessment, checklist_id))
    }

    fn apply(&mut self, c: Command) {
        match c {
            Command::Go(s) => self.go(s),
            Command::Answer(id, value) => {
                let Some(doc) = &mut self.doc else { return };
                self.undo.push(doc.assessment.clone());
                if self.undo.len() > UNDO_LIMIT {
                    self.undo.remove(0);
                }
                doc.assessment.set_answer(&id, Some(value));
                self.save_now();
                self.advance_from(&id);
            }
            Command::ClearAnswer(id) => {
                let Some(doc) = &mut self.doc else { return };
                self.undo.push(doc.assessment.clone());
                doc.assessment.set_answer(&id, None);
                self.save_now();
            }
            Command::Next | Command::Prev => {
                if let Screen::Question(id) = self.screen.clone() {
                    let flow = self.flow();
                    let pos = flow.iter().position(|q| *q == id);
                    let target = match (&c, pos) {
                        (Command::Next, Some(i)) => flow.get(i + 1).cloned(),
                        (Command::Prev, Some(i)) if i > 0 => flow.get(i - 1).cloned(),
                        (_, None) => flow.first().cloned(),
                        _ => None,
                    };
                    match target {
                        Some(q) => self.go(Screen::Question(q)),
                        None if c == Command::Next => self.go(Screen::Results),
                        None => {}
                    }
                }
            }
            Command::NewAssessment => self.new_assessment(),
            Command::Open(p) => self.open(&p),
            Command::OpenDialog => {
                if !self.file_dialogs {
                    self.prompt_path(PathPurpose::Open);
                    return;
                }
                let picked = rfd::FileDialog::new()
                    .add_filter("mamori", &["ron"])
                    .set_title(self.t("ui.open_title"))
                    .pick_file();
                match picked {
                    Some(p) => self.open(&p),
                    None => self.notice = Some(self.t("ui.dialog_none").to_string()),
                }
            }
            Command::SaveAsDialog => {
                if self.doc.is_none() {
                    return;
                }
                if !self.file_dialogs {
                    self.prompt_path(PathPurpose::SaveAs);
                    return;
                }
                let picked = rfd::FileDialog::new()
                    .add_filter("mamori", &["ron"])
                    .set_file_name("assessment.ron")
                    .save_file();
                match picked {
                    Some(p) => self.save_as(p),
                    None => self.notice = Some(self.t("ui.dialog_none").to_string()),
                }
            }
            Command::DismissPathPrompt => self.path_prompt = None,
            Command::SaveAs(p) => self.save_as(p),
            Command::OpenExample(i) => self.open_example(i),
            Command::Continue => {
                if let Some(p) = self.prefs.last_file.clone() {
                    let q = self.prefs.last_question.clone();
                    self.open(&p);
                    if let (Some(q), Some(_)) = (q, &self.doc) {
                        if self.flow().contains(&q) {
                            self.go(Screen::Question(q));
                        }
                    }
                }
            }
            Command::Undo => {
                if let (Some(prev), Some(doc)) = (self.undo.pop(), &mut self.doc) {
                    doc.assessment = prev;
                    self.save_now();
                    self.notice = Some(self.t("ui.undone").to_string());
                }
            }
            Command::TogglePresentation => {
                self.presentation = !self.presentation;
                if self.presentation {
                    self.screen = Screen::Results;
                }
            }
            Command::DismissError => {
                self.error = None;
                self.error_detail = None;
            }
            Command::Edited => self.save_due = Some(Instant::now() + SAVE_DELAY),
            c @ (Command::AddInventoryRow(_)
            | Command::RemoveInventoryRow(_)
            | Command::SetOwner(..)
            | Command::SetDue(..)
            | Command::ExportCsvDialog
            | Command::ExportCsv(_)
            | Command::CompareAddDialog
            | Command::CompareAdd(_)
            | Command::CompareRemove(_)
            | Command::ClassAddDialog
            | Command::ClassFolderDialog
            | Command::ClassAdd(_)
            | Command::ClassClear
            | Command::ClassProjector) => teams::apply(self, c),
            Command::ExportPdfDialog => {
                let Some(doc) = &self.doc else { return };
                if !self.file_dialogs {
                    self.prompt_path(PathPurpose::ExportPdf);
                    return;
                }
                let name = pdf_path_for(&doc.path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "mamori-report.pdf".into());
                let picked = rfd::FileDialog::new()
                    .add_filter("PDF", &["pdf"])
                    .set_title(self.t("ui.export_pdf_title"))
                    .set_file_name(name)
                    .save_file();
                match picked {
                    Some(p) => self.export_pdf(&p),
                    None => self.notice = Some(self.t("ui.dialog_none").to_string()),
                }
            }
            Command::ExportPdf(p) => self.export_pdf(&p),
            Command::SaveEncryptedDialog => secure::ask_save_encrypted(self),
            Command::SubmitPassphrase => secure::submit(self),
            Command::DismissPassPrompt => self.pass_prompt = None,
        }
    }

    /// Shows the errors of finished background (encrypted) saves.
    fn saver_errors(&mut self) {
        let errors = self.saver.take_errors();
        if !errors.is_empty() {
            self.error = Some(format!(
                "{}\n\n{}",
                errors.join("\n"),
                self.t("ui.error_unsaved")
            ));
        }
    }

    /// Saves the open check encrypted at `path` and continues in it, encrypted from now on.
    /// When the check was the app's own plaintext file (in the data folder) and `path` is
    /// another file, the plaintext file and its backup are deleted.
    fn save_encrypted_as(&mut self, path: PathBuf, pass: crate::model::crypt::SecretString) {
        self.saver.wait();
        let Some(doc) = &mut self.doc else { return };
        if let Err(e) = doc
            .assessment
            .save_with_work(&path, Some(&pass), self.work_factor)
        {
            self.show_file_error(&path, &e, "");
            return;
        }
        let old = std::mem::replace(&mut doc.path, path.clone());
        doc.passphrase = Some(pass);
        self.save_due = None;
        if old != path && old.starts_with(&self.data_dir) {
            for f in [crate::model::fsutil::backup_path(&old), old.clone()] {
                if let Err(e) = std::fs::remove_file(&f) {
                    if e.kind() != std::io::ErrorKind::NotFound {
                        self.error = Some(format!("{}: {e}", f.display()));
                    }
                }
            }
            self.prefs.recent.retain(|r| *r != old);
        }
        self.remember_open();
        self.notice = Some(format!(
            "{}: {}",
            self.t("ui.saved_encrypted"),
            path.display()
        ));
    }

    /// Whether the PDF report will include the adviser's private notes.
    pub fn exports_adviser_copy(&self) -> bool {
        self.adviser_copy
            && self
                .doc
                .as_ref()
                .is_some_and(|d| d.assessment.mode == crate::model::assessment::Mode::Adviser)
    }

    fn export_pdf(&mut self, path: &Path) {
        let Some(doc) = &self.doc else { return };
        let options = crate::report::ReportOptions {
            lang: self.prefs.lang,
            adviser_copy: self.exports_adviser_copy(),
            today: Date::today(),
        };
        match crate::report::write(path, &self.bundle, &doc.assessment, &options) {
            Ok(missing) => {
                let mut notice = format!("{}: {}", self.t("ui.pdf_written"), path.display());
                if !missing.is_empty() {
                    let chars: Vec<String> = missing.iter().map(ToString::to_string).collect();
                    notice.push_str(&format!(
                        " — {} {}",
                        self.t("ui.pdf_missing_chars"),
                        chars.join(" ")
                    ));
                }
                self.notice = Some(notice);
            }
            Err(e) => self.error = Some(format!("{}: {e}", self.t("ui.error_pdf"))),
        }
    }

    fn go(&mut self, s: Screen) {
        if let Screen::Question(q) = &s {
            self.prefs.last_question = Some(q.clone());
        }
        self.screen = s;
    }

    /// After answering `id`, the next applicable question; the end of the quick check leads
    /// to the overview (with its suggestion), the end of everything to the results.
    fn advance_from(&mut self, id: &str) {
        use crate::model::flow::{next_after, Next};
        let Some(doc) = &self.doc else { return };
        match next_after(&self.bundle, &doc.assessment, id) {
            Some(Next::Question(q)) => self.go(Screen::Question(q)),
            Some(Next::Overview) => self.go(Screen::Overview),
            Some(Next::Results) => self.go(Screen::Results),
            None => {}
        }
    }

    /// The first unanswered question of the flow, if any.
    pub fn next_unanswered(&self) -> Option<String> {
        let doc = self.doc.as_ref()?;
        crate::model::flow::next_unanswered(&self.bundle, &doc.assessment)
    }

    fn new_assessment(&mut self) {
        let date = match Date::parse(&self.form.date) {
            Ok(d) => d,
            Err(e) => {
                self.error = Some(format!("{}: {e}", self.t("ui.error_date")));
                return;
            }
        };
        let mut a = Assessment::new(&self.bundle, date);
        a.company.name = self.form.company.trim().to_string();
        a.company.industry = self.form.industry.trim().to_string();
        a.company.staff_band = self.form.staff_band;
        a.company.prefecture = self.form.prefecture.trim().to_string();
        a.assessor = self.form.assessor.trim().to_string();
        a.mode = self.form.mode;
        let stem = if a.company.name.is_empty() {
            "assessment".to_string()
        } else {
            a.company.name.clone()
        };
        let path = unique_path(
            &self.data_dir.join("assessments"),
            &format!("{stem}-{date}"),
        );
        self.start_doc(a, path);
        if let Some(first) = self.flow().first().cloned() {
            self.go(Screen::Question(first));
        }
    }

    fn start_doc(&mut self, a: Assessment, path: PathBuf) {
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                self.error = Some(format!(
                    "{}: {}: {e}",
                    self.t("ui.error_save"),
                    dir.display()
                ));
                return;
            }
        }
        self.flush();
        self.undo.clear();
        self.teams.due_text.clear();
        self.doc = Some(Doc {
            assessment: a,
            path,
            passphrase: None,
        });
        self.save_now();
        self.remember_open();
    }

    fn remember_open(&mut self) {
        if let Some(doc) = &self.doc {
            let p = doc.path.clone();
            self.prefs.recent.retain(|r| *r != p);
            self.prefs.recent.insert(0, p.clone());
            self.prefs.recent.truncate(8);
            self.prefs.last_file = Some(p);
        }
    }

    /// Shows a file error in the user's language: what happened, which file, what to do and
    /// `after` (e.g. that the open check stays open); the technical text goes behind 「詳細」.
    pub fn show_file_error(
        &mut self,
        path: &Path,
        e: &crate::model::assessment::AssessmentError,
        after: &str,
    ) {
        let kind = e.kind().key();
        let place = match e.line_col() {
            Some((line, col)) => format!("{}:{line}:{col}", path.display()),
            None => path.display().to_string(),
        };
        let mut message = format!(
            "{}\n{}: {place}\n\n{}",
            self.t(&format!("ui.error_kind_{kind}")),
            self.t("ui.error_where"),
            self.t(&format!("ui.error_todo_{kind}")),
        );
        if !after.is_empty() {
            message.push_str("\n\n");
            message.push_str(self.t(after));
        }
        self.error = Some(message);
        self.error_detail = Some(e.to_string());
    }

    /// Opens an assessment file; on any problem, shows the error and keeps the open one.
    /// An encrypted file asks for its passphrase first.
    pub fn open(&mut self, path: &Path) {
        if secure::is_encrypted_file(path) {
            secure::ask_open(self, path);
            return;
        }
        self.open_loaded(path, Assessment::load(path), None);
    }

    /// Makes a loaded file the open check (or shows why it did not load).
    fn open_loaded(
        &mut self,
        path: &Path,
        loaded: Result<Assessment, crate::model::assessment::AssessmentError>,
        passphrase: Option<crate::model::crypt::SecretString>,
    ) {
        match loaded {
            Ok(a) => {
                let (id, _) = self.bundle.id_version();
                if a.questionnaire.id != id {
                    self.error = Some(format!(
                        "{}: {} ({} '{}', {} '{}')",
                        path.display(),
                        self.t("ui.error_foreign"),
                        self.t("ui.file_questionnaire"),
                        a.questionnaire.id,
                        self.t("ui.loaded_questionnaire"),
                        id
                    ));
                    return;
                }
                self.flush();
                self.undo.clear();
                self.teams.due_text.clear();
                self.doc = Some(Doc {
                    assessment: a,
                    path: path.to_path_buf(),
                    passphrase,
                });
                self.remember_open();
                self.go(Screen::Overview);
            }
            Err(e) => {
                // The file is left as it is: it is never assigned as the autosave target.
                let kept = if self.doc.is_some() {
                    "ui.error_kept"
                } else {
                    "ui.error_not_opened"
                };
                self.show_file_error(path, &e, kept);
            }
        }
    }

    fn open_example(&mut self, i: usize) {
        let Some((name, bytes)) = WORKSHOP_EXAMPLES.get(i) else {
            return;
        };
        match Assessment::from_bytes(name, bytes) {
            Ok(a) => {
                let stem = name.trim_end_matches(".ron");
                let path = unique_path(&self.data_dir.join("workshop"), stem);
                self.start_doc(a, path);
                self.go(Screen::Overview);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn prompt_path(&mut self, purpose: PathPurpose) {
        let text = match (purpose, &self.doc) {
            (PathPurpose::SaveAs, Some(doc)) => doc.path.display().to_string(),
            (PathPurpose::ExportPdf, Some(doc)) => pdf_path_for(&doc.path).display().to_string(),
            _ => String::new(),
        };
        self.path_prompt = Some(PathPrompt { purpose, text });
    }

    fn save_as(&mut self, path: PathBuf) {
        self.saver.wait();
        let Some(doc) = &mut self.doc else { return };
        match doc
            .assessment
            .save_with_work(&path, doc.passphrase.as_ref(), self.work_factor)
        {
            Ok(()) => {
                doc.path = path.clone();
                self.save_due = None;
                self.remember_open();
                self.notice = Some(format!("{}: {}", self.t("ui.saved_to"), path.display()));
            }
            Err(e) => self.show_file_error(&path, &e, ""),
        }
    }

    fn save_now(&mut self) {
        self.save_due = None;
        if let Some(doc) = &self.doc {
            if let Some(pass) = &doc.passphrase {
                // About a second of scrypt work: written on the saver's thread.
                self.saver
                    .submit(&doc.assessment, &doc.path, pass, self.work_factor);
                return;
            }
            if let Err(e) = doc.assessment.save(&doc.path) {
                let path = doc.path.clone();
                self.show_file_error(&path, &e, "ui.error_unsaved");
            }
        }
    }

    /// Writes pending edits now (called on exit and before switching files).
    pub fn flush(&mut self) {
        if self.save_due.is_some() {
            self.save_now();
        }
        self.saver.wait();
        self.saver_errors();
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        job.frames += 1;
        ctx.request_repaint();
        // Let fonts and layout settle for a few frames, then capture.
        if !job.requested && job.frames >= 3 {
            job.requested = true;
            let path = job.path.clone();
            let result = job.result.clone();
            let ctx2 = ctx.clone();
            ctx.request_screenshot(move |image| {
                let outcome = write_png(&path, &image);
                if let Ok(mut r) = result.lock() {
                    *r = Some(outcome);
                }
                ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx2.request_repaint();
            });
        }
    }
}

/// Writes an egui image as an 8-bit RGBA PNG.
pub fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for px in &image.pixels {
        bytes.extend_from_slice(&px.to_srgba_unmultiplied());
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&bytes).map_err(|e| e.to_string())?;
    }
    crate::model::fsutil::write_atomic(path, &out).map_err(|e| format!("{}: {e}", path.display()))
}

/// The suggested report path for an assessment file: the same name ending in `.pdf`.
fn pdf_path_for(assessment: &Path) -> PathBuf {
    assessment.with_extension("pdf")
}

/// `dir/stem.ron`, or `dir/stem-2.ron` … when taken. File-system-unsafe characters become `_`.
fn unique_path(dir: &Path, stem: &str) -> PathBuf {
    let clean: String = stem
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let mut p = dir.join(format!("{clean}.ron"));
    let mut n = 2;
    while p.exists() {
        p = dir.join(format!("{clean}-{n}.ron"));
        n += 1;
    }
    p
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
