//! Starting, opening and saving assessments.

use super::FileCommand;
use crate::app::{secure, unique_path, MamoriApp, PathPurpose, Screen, WORKSHOP_EXAMPLES};
use crate::model::assessment::Assessment;
use crate::model::date::Date;

pub(super) fn apply(app: &mut MamoriApp, c: FileCommand) {
    match c {
        FileCommand::NewAssessment => app.new_assessment(),
        FileCommand::Open(p) => app.open(&p),
        FileCommand::OpenDialog => open_dialog(app),
        FileCommand::SaveAsDialog => save_as_dialog(app),
        FileCommand::SaveAs(p) => app.save_as(p),
        FileCommand::OpenExample(i) => app.open_example(i),
        FileCommand::Continue => continue_last(app),
        FileCommand::SaveEncryptedDialog => secure::ask_save_encrypted(app),
        FileCommand::SubmitPassphrase => secure::submit(app),
    }
}

fn open_dialog(app: &mut MamoriApp) {
    if !app.file_dialogs {
        app.prompt_path(PathPurpose::Open);
        return;
    }
    let picked = rfd::FileDialog::new()
        .add_filter("mamori", &["ron"])
        .set_title(app.t("ui.open_title"))
        .pick_file();
    match picked {
        Some(p) => app.open(&p),
        None => app.dialog_cancelled(),
    }
}

fn save_as_dialog(app: &mut MamoriApp) {
    if app.doc.is_none() {
        return;
    }
    if !app.file_dialogs {
        app.prompt_path(PathPurpose::SaveAs);
        return;
    }
    let picked = rfd::FileDialog::new()
        .add_filter("mamori", &["ron"])
        .set_file_name("assessment.ron")
        .save_file();
    match picked {
        Some(p) => app.save_as(p),
        None => app.dialog_cancelled(),
    }
}

/// Reopens the file of last time at the question of last time.
fn continue_last(app: &mut MamoriApp) {
    let Some(p) = app.prefs.last_file.clone() else {
        return;
    };
    let q = app.prefs.last_question.clone();
    app.open(&p);
    if let (Some(q), Some(_)) = (q, &app.doc) {
        if app.flow().contains(&q) {
            app.go(Screen::Question(q));
        }
    }
}

impl MamoriApp {
    /// Starts a new assessment from the start form, saved in the data folder.
    pub(crate) fn new_assessment(&mut self) {
        let date = match Date::parse(&self.form.date) {
            Ok(d) => d,
            Err(e) => {
                self.error = Some(format!("{}: {e}", self.t("ui.error_date")));
                return;
            }
        };
        let form = &self.form;
        let mut a = Assessment::new(&self.bundle, date);
        a.company.name = form.company.trim().to_string();
        a.company.industry = form.industry.trim().to_string();
        a.company.staff_band = form.staff_band;
        a.company.prefecture = form.prefecture.trim().to_string();
        a.assessor = form.assessor.trim().to_string();
        a.mode = form.mode;
        let stem = if a.company.name.is_empty() {
            "assessment".to_string()
        } else {
            a.company.name.clone()
        };
        let path = unique_path(&self.data_dir.join("assessments"), &format!("{stem}-{date}"));
        self.start_doc(a, path);
        if let Some(first) = self.flow().first().cloned() {
            self.go(Screen::Question(first));
        }
    }

    /// Opens a copy of workshop example `i` in the data folder.
    pub(crate) fn open_example(&mut self, i: usize) {
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
}
