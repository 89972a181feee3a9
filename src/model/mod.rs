//! The pure core of mamori: questionnaire schema and validation, assessments, scoring and
//! findings. Nothing here knows about egui or PDF; the app, the report and the command line
//! all read the same [`scoring::ScoreReport`].

pub mod assessment;
pub mod assessment_io;
pub mod crypt;
pub mod date;
pub mod diag;
pub mod flow;
pub mod fsutil;
pub mod inventory;
pub mod ledger;
pub mod load;
pub mod lock;
pub mod migrate;
pub mod open_close;
pub mod plan;
pub mod region;
pub mod schema;
pub mod scoring;
pub mod situation;
pub mod sources;
pub mod text;
pub mod verdict;
pub mod words;

pub mod aggregate;
pub mod clock;
pub mod compare;
pub mod export;
