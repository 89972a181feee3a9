//! The class view: files and folders of a workshop merged into one anonymous picture.

use super::ClassCommand;
use crate::app::{MamoriApp, PathPurpose, Screen};
use crate::model::aggregate::{aggregate, load_set};

pub(super) fn apply(app: &mut MamoriApp, c: ClassCommand) {
    match c {
        ClassCommand::AddDialog => add_dialog(app),
        ClassCommand::FolderDialog => match rfd::FileDialog::new().pick_folder() {
            Some(dir) => apply(app, ClassCommand::Add(dir)),
            None => app.dialog_cancelled(),
        },
        ClassCommand::Add(path) => {
            if !app.class.paths.contains(&path) {
                app.class.paths.push(path);
            }
            refresh(app);
        }
        ClassCommand::Clear => {
            app.class.paths.clear();
            app.class.picture = None;
        }
        ClassCommand::Projector => {
            app.presentation = !app.presentation;
            app.screen = Screen::Class;
        }
    }
}

fn add_dialog(app: &mut MamoriApp) {
    if !app.file_dialogs {
        app.prompt_path(PathPurpose::ClassAdd);
        return;
    }
    match rfd::FileDialog::new()
        .add_filter("mamori", &["ron"])
        .pick_files()
    {
        Some(list) => {
            app.class.paths.extend(list);
            refresh(app);
        }
        None => app.dialog_cancelled(),
    }
}

/// Recomputes the class picture from the chosen files and folders.
fn refresh(app: &mut MamoriApp) {
    let set = load_set(&app.bundle, &app.class.paths);
    app.class.picture = Some(aggregate(&app.bundle, &set));
    app.class.skipped = set.skipped;
}
