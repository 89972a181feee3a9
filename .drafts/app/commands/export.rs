//! Writing the PDF report and the CSV files of the open assessment.

use std::path::{Path, PathBuf};

use super::ExportCommand;
use crate::app::{MamoriApp, PathPurpose};
use crate::model::date::Date;
use crate::model::export::write_csv_pair;

pub(super) fn apply(app: &mut MamoriApp, c: ExportCommand) {
    match c {
        ExportCommand::PdfDialog => pdf_dialog(app),
        ExportCommand::Pdf(p) => export_pdf(app, &p),
        ExportCommand::CsvDialog => csv_dialog(app),
        ExportCommand::Csv(p) => export_csv(app, p),
    }
}

/// The suggested report path for an assessment file: the same name ending in `.pdf`.
pub(crate) fn pdf_path_for(assessment: &Path) -> PathBuf {
    assessment.with_extension("pdf")
}

fn pdf_dialog(app: &mut MamoriApp) {
    let Some(doc) = &app.doc else { return };
    if !app.file_dialogs {
        app.prompt_path(PathPurpose::ExportPdf);
        return;
    }
    let name = pdf_path_for(&doc.path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "mamori-report.pdf".into());
    let picked = rfd::FileDialog::new()
        .add_filter("PDF", &["pdf"])
        .set_title(app.t("ui.export_pdf_title"))
        .set_file_name(name)
        .save_file();
    match picked {
        Some(p) => export_pdf(app, &p),
        None => app.dialog_cancelled(),
    }
}

fn export_pdf(app: &mut MamoriApp, path: &Path) {
    let Some(doc) = &app.doc else { return };
    let options = crate::report::ReportOptions {
        lang: app.prefs.lang,
        adviser_copy: app.exports_adviser_copy(),
        today: Date::today(),
    };
    match crate::report::write(path, &app.bundle, &doc.assessment, &options) {
        Ok(()) => {
            app.notice = Some(format!("{}: {}", app.t("ui.pdf_written"), path.display()));
        }
        Err(e) => app.error = Some(format!("{}: {e}", app.t("ui.error_pdf"))),
    }
}

fn csv_dialog(app: &mut MamoriApp) {
    let Some(doc) = &app.doc else { return };
    if !app.file_dialogs {
        app.prompt_path(PathPurpose::ExportCsv);
        return;
    }
    let name = doc
        .path
        .with_extension("csv")
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "mamori.csv".into());
    let picked = rfd::FileDialog::new()
        .add_filter("CSV", &["csv"])
        .set_file_name(name)
        .save_file();
    match picked {
        Some(p) => export_csv(app, p),
        None => app.dialog_cancelled(),
    }
}

fn export_csv(app: &mut MamoriApp, path: PathBuf) {
    app.flush();
    let Some(doc) = &app.doc else { return };
    if path == doc.path {
        let why = app.t("ui.inv_csv_same_file");
        app.error = Some(format!("{}: {why}", path.display()));
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
