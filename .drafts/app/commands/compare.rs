//! The comparison of the open assessment with older visits.

use super::CompareCommand;
use crate::app::{MamoriApp, PathPurpose};
use crate::model::assessment::Assessment;

pub(super) fn apply(app: &mut MamoriApp, c: CompareCommand) {
    match c {
        CompareCommand::AddDialog => add_dialog(app),
        CompareCommand::Add(path) => {
            if app.compare.older.iter().any(|(p, _)| *p == path) {
                return;
            }
            // An encrypted older visit opens with the open check's passphrase.
            let pass = app.doc.as_ref().and_then(|d| d.passphrase.clone());
            match Assessment::load_with(&path, pass.as_ref()) {
                Ok(a) => app.compare.older.push((path, a)),
                Err(e) => app.error = Some(format!("{e}\n\n{}", app.t("ui.error_kept"))),
            }
        }
        CompareCommand::Remove(i) => {
            if i < app.compare.older.len() {
                app.compare.older.remove(i);
            }
        }
    }
}

fn add_dialog(app: &mut MamoriApp) {
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
                apply(app, CompareCommand::Add(p));
            }
        }
        None => app.dialog_cancelled(),
    }
}
