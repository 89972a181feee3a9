//! The integration tests as one binary (one link instead of twenty): each module is one
//! area; `common` holds the shared helpers.
#![allow(clippy::unwrap_used)]

mod advisers;
mod app;
mod app_class;
mod app_compare;
mod app_encrypted_files;
mod app_encryption;
mod app_guide;
mod app_inventory;
mod app_report;
mod app_safety;
mod app_scroll;
mod app_settings;
mod app_undo;
mod architecture;
mod assessment_io;
mod bad_input;
mod cli;
mod cli_advisers;
mod common;
mod compare_visits;
mod content;
mod contrast;
mod dates;
mod dist;
mod encryption;
mod files;
mod files_cli;
mod formats;
mod glyphs;
mod guide;
mod guide_cli;
mod kill;
mod ledger_findings;
mod licenses;
mod loader_errors;
mod loader_safety;
mod report;
mod report_class;
mod report_compare;
mod report_inventory;
mod report_layout;
mod scoring;
mod sizes;
mod verdict;
