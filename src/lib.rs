//! mamori (守り): an offline self-check of how well a small company guards its trade secrets
//! and its IP in partnerships.
//!
//! - [`model`]: the pure layer (questionnaires, assessments, scoring); no GUI, no PDF.
//! - [`app`]: the egui desktop app.
//! - [`report`]: the PDF report (printpdf), with a small reusable layout engine.
//! - [`cli`]: the `mamori` command line, writing to any `Write` so tests capture it.

pub mod app;
pub mod assets;
pub mod cli;
pub mod model;
pub mod report;
