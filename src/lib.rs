//! mamori (守り): an offline self-check of how well a small company guards its trade secrets
//! and its IP in partnerships.
//!
//! - [`core`]: pure logic (questionnaires, assessments, scoring); no GUI, no PDF.
//! - [`cli`]: the `mamori` command line, writing to any `Write` so tests capture it.

pub mod cli;
pub mod core;
