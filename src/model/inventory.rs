//! The information inventory (情報の棚卸し, case 01 steps 1 and 2): the rows in which a company
//! lists the information it must protect, and the leaflet's examples offered as suggestions.
//!
//! The rows are saved in the assessment file (`Assessment::inventory`). The suggestions are
//! data, `questionnaires/inventory/suggestions.ron`, embedded at build time; each category cites
//! the seed document and heading its examples come from.

use serde::{Deserialize, Serialize};

use super::diag::{from_ron_error, Diagnostic};
use super::open_close::OpenCloseAnswers;
use super::sources::SourceRef;
use super::text::Text;

/// The leaflet's four categories of information worth protecting (`001_…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InfoCategory {
    /// 技術・製造
    TechManufacturing,
    /// 営業
    Sales,
    /// 経営
    Management,
    /// 他社から開示された情報
    FromOthers,
}

impl InfoCategory {
    /// All four, in the leaflet's order.
    pub const ALL: [InfoCategory; 4] = [
        InfoCategory::TechManufacturing,
        InfoCategory::Sales,
        InfoCategory::Management,
        InfoCategory::FromOthers,
    ];

    /// Stable id used in CSV and JSON.
    pub fn code(self) -> &'static str {
        match self {
            InfoCategory::TechManufacturing => "tech_manufacturing",
            InfoCategory::Sales => "sales",
            InfoCategory::Management => "management",
            InfoCategory::FromOthers => "from_others",
        }
    }

    /// The key of the label in `strings.ron`.
    pub fn string_key(self) -> String {
        format!("inventory.category.{}", self.code())
    }
}

/// How secret the information is (the classification of `004_…`: 極秘・部外秘・社外秘).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SecrecyRank {
    /// 極秘: only the named few.
    TopSecret,
    /// 部外秘: only the department.
    DepartmentOnly,
    /// 社外秘: only the company.
    CompanyOnly,
}

impl SecrecyRank {
    /// All three, most secret first.
    pub const ALL: [SecrecyRank; 3] = [
        SecrecyRank::TopSecret,
        SecrecyRank::DepartmentOnly,
        SecrecyRank::CompanyOnly,
    ];

    /// Stable id used in CSV and JSON.
    pub fn code(self) -> &'static str {
        match self {
            SecrecyRank::TopSecret => "top_secret",
            SecrecyRank::DepartmentOnly => "department_only",
            SecrecyRank::CompanyOnly => "company_only",
        }
    }

    /// The key of the label in `strings.ron`.
    pub fn string_key(self) -> String {
        format!("inventory.rank.{}", self.code())
    }
}

/// Where a piece of information lives (case 01: documents, data, moulds and prototypes, and
/// know-how in people's heads).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Location {
    /// 紙の書類
    Paper,
    /// 電子ファイル・データ
    Files,
    /// 金型・試作品などの物
    Objects,
    /// 社員の頭の中(ノウハウ)
    Heads,
}

impl Location {
    /// All four.
    pub const ALL: [Location; 4] = [
        Location::Paper,
        Location::Files,
        Location::Objects,
        Location::Heads,
    ];

    /// Stable id used in CSV and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Location::Paper => "paper",
            Location::Files => "files",
            Location::Objects => "objects",
            Location::Heads => "heads",
        }
    }

    /// The key of the label in `strings.ron`.
    pub fn string_key(self) -> String {
        format!("inventory.location.{}", self.code())
    }
}

/// One row of the inventory.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InventoryItem {
    /// What the information is, in the company's words.
    pub name: String,
    /// The leaflet's category.
    pub category: Option<InfoCategory>,
    /// 極秘 / 部外秘 / 社外秘.
    pub rank: Option<SecrecyRank>,
    /// Where it lives (one or more).
    pub locations: Vec<Location>,
    /// Who may access it, free text (e.g. "製造部の課長以上").
    pub access: String,
    /// The answers of the patent-or-secret decision for a technical item; left out of the file
    /// while nothing is answered.
    #[serde(skip_serializing_if = "OpenCloseAnswers::is_empty")]
    pub open_close: OpenCloseAnswers,
}

/// The suggested examples of one category.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySuggestions {
    /// The category.
    pub category: InfoCategory,
    /// Where the examples come from.
    pub source: SourceRef,
    /// Example names.
    pub examples: Vec<Text>,
}

const SUGGESTIONS_FILE: &str = "questionnaires/inventory/suggestions.ron";
const SUGGESTIONS: &str = include_str!("../../questionnaires/inventory/suggestions.ron");

/// The built-in suggestions, one entry per category in the leaflet's order. The loader reads
/// them with the rest of the questionnaire folder into [`Bundle::inventory_suggestions`]
/// (crate::model::schema::Bundle), reporting a broken file with the other diagnostics; use
/// that.
pub fn suggestions() -> Result<Vec<CategorySuggestions>, Diagnostic> {
    parse_suggestions(SUGGESTIONS_FILE, SUGGESTIONS)
}

/// Parses a suggestions file; `shown` names it in messages.
pub fn parse_suggestions(shown: &str, text: &str) -> Result<Vec<CategorySuggestions>, Diagnostic> {
    ron::Options::default()
        .from_str::<Vec<CategorySuggestions>>(text)
        .map_err(|e| from_ron_error(shown, text, 0, &e, "docs/assessment-format.md"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::schema::SEED_FILES;

    #[test]
    fn every_category_has_cited_examples_in_both_languages() {
        let s = suggestions().unwrap();
        let cats: Vec<InfoCategory> = s.iter().map(|c| c.category).collect();
        assert_eq!(cats, InfoCategory::ALL.to_vec());
        for c in &s {
            assert!(SEED_FILES.contains(&c.source.file.as_str()), "{c:?}");
            assert!(!c.source.heading.trim().is_empty());
            assert!(c.examples.len() >= 3, "{c:?}");
            for e in &c.examples {
                assert!(!e.ja.trim().is_empty() && !e.en.trim().is_empty());
            }
        }
    }

    #[test]
    fn a_broken_suggestions_file_is_reported_with_its_position() {
        let e = parse_suggestions("s.ron", "[\n (category: Nope)\n]").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("s.ron", 2));
    }
}
