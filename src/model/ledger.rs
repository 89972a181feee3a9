//! The disclosure ledger (開示記録, case 02): what was given to whom, when, in what form, how it
//! was marked, under which NDA and until when, with the warnings the case teaches.
//!
//! Case 02 of the JPO pamphlet (`000_…`, 「参考 重要な情報を開示 / 受領する場合の管理台帳の例」)
//! recommends recording important disclosures as evidence: the company in the case could not
//! even prove that it had handed over the sample. The entries are saved in the assessment file
//! (`Assessment::ledger`); the warnings are computed here, given today's date, and never stored.

use serde::{Deserialize, Serialize};

use super::date::Date;

pub mod csv;

/// How the information left the company.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum DisclosureForm {
    /// 紙(図面・書類)
    #[default]
    Paper,
    /// 電子データ(メール添付、ファイル)
    Data,
    /// サンプル・試作品などの物
    Sample,
    /// 口頭(説明・打ち合わせ)
    Verbal,
}

impl DisclosureForm {
    /// All four, in the order offered.
    pub const ALL: [DisclosureForm; 4] = [
        DisclosureForm::Paper,
        DisclosureForm::Data,
        DisclosureForm::Sample,
        DisclosureForm::Verbal,
    ];

    /// The code used on the command line, in JSON and CSV: `paper`, `data`, `sample`, `verbal`.
    pub fn code(self) -> &'static str {
        match self {
            DisclosureForm::Paper => "paper",
            DisclosureForm::Data => "data",
            DisclosureForm::Sample => "sample",
            DisclosureForm::Verbal => "verbal",
        }
    }

    /// Parses the code.
    pub fn from_code(s: &str) -> Option<DisclosureForm> {
        DisclosureForm::ALL
            .into_iter()
            .find(|f| f.code().eq_ignore_ascii_case(s.trim()))
    }

    /// The key of the label in the strings files.
    pub fn string_key(self) -> String {
        format!("ledger.form.{}", self.code())
    }
}

/// Where the disclosed material stands now.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum LedgerStatus {
    /// Still with the partner (開示中).
    #[default]
    Out,
    /// Given back (返却済み).
    Returned,
    /// Destroyed, with confirmation (廃棄確認済み).
    Destroyed,
}

impl LedgerStatus {
    /// All three.
    pub const ALL: [LedgerStatus; 3] = [
        LedgerStatus::Out,
        LedgerStatus::Returned,
        LedgerStatus::Destroyed,
    ];

    /// Stable code: `out`, `returned`, `destroyed`.
    pub fn code(self) -> &'static str {
        match self {
            LedgerStatus::Out => "out",
            LedgerStatus::Returned => "returned",
            LedgerStatus::Destroyed => "destroyed",
        }
    }

    /// Parses the code.
    pub fn from_code(s: &str) -> Option<LedgerStatus> {
        LedgerStatus::ALL
            .into_iter()
            .find(|f| f.code().eq_ignore_ascii_case(s.trim()))
    }

    /// The key of the label in the strings files.
    pub fn string_key(self) -> String {
        format!("ledger.status.{}", self.code())
    }
}

/// The NDA a disclosure was made under.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NdaRef {
    /// The contract's reference (number or name).
    pub reference: String,
    /// The date it was signed.
    pub date: Option<Date>,
    /// The purpose it allows (目的), e.g. "見積のため".
    pub purpose: String,
}

/// One disclosure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerEntry {
    /// When it was given.
    pub date: Date,
    /// To whom (company and person).
    pub partner: String,
    /// What was given, in the company's words.
    pub what: String,
    /// The inventory item it belongs to (its name), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Paper, data, sample or verbal.
    pub form: DisclosureForm,
    /// Marked as confidential as the NDA requires.
    #[serde(default)]
    pub marked: bool,
    /// A verbal disclosure confirmed afterwards in writing (minutes, e-mail).
    #[serde(default, skip_serializing_if = "is_false")]
    pub confirmed_in_writing: bool,
    /// The NDA it was given under; `None`: no NDA.
    #[serde(default)]
    pub nda: Option<NdaRef>,
    /// The date by which it is to be returned or destroyed.
    #[serde(default)]
    pub return_by: Option<Date>,
    /// Where it stands now.
    #[serde(default)]
    pub status: LedgerStatus,
    /// A free note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What the ledger warns about (each kind is a lesson of case 02).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum LedgerWarning {
    /// Disclosed without an NDA.
    NoNda,
    /// A document, file or sample given without the confidential marking.
    Unmarked,
    /// A verbal disclosure not confirmed in writing.
    VerbalNotConfirmed,
    /// The return-or-destroy date has passed and the material is still out.
    ReturnOverdue,
}

impl LedgerWarning {
    /// All kinds, in the order shown.
    pub const ALL: [LedgerWarning; 4] = [
        LedgerWarning::NoNda,
        LedgerWarning::Unmarked,
        LedgerWarning::VerbalNotConfirmed,
        LedgerWarning::ReturnOverdue,
    ];

    /// Stable code used in JSON and CSV.
    pub fn code(self) -> &'static str {
        match self {
            LedgerWarning::NoNda => "no_nda",
            LedgerWarning::Unmarked => "unmarked",
            LedgerWarning::VerbalNotConfirmed => "verbal_not_confirmed",
            LedgerWarning::ReturnOverdue => "return_overdue",
        }
    }

    /// The key of the warning's text in the strings files.
    pub fn string_key(self) -> String {
        format!("ledger.warning.{}", self.code())
    }
}

impl LedgerEntry {
    /// A new entry given today with no NDA, not marked, still out.
    pub fn new(date: Date, partner: &str, what: &str, form: DisclosureForm) -> LedgerEntry {
        LedgerEntry {
            date,
            partner: partner.to_string(),
            what: what.to_string(),
            item: None,
            form,
            marked: false,
            confirmed_in_writing: false,
            nda: None,
            return_by: None,
            status: LedgerStatus::Out,
            note: String::new(),
        }
    }

    /// True when an NDA with a reference is recorded.
    pub fn has_nda(&self) -> bool {
        self.nda
            .as_ref()
            .is_some_and(|n| !n.reference.trim().is_empty())
    }

    /// The warnings of this entry on `today`, in [`LedgerWarning::ALL`] order.
    pub fn warnings(&self, today: Date) -> Vec<LedgerWarning> {
        let mut out = Vec::new();
        if !self.has_nda() {
            out.push(LedgerWarning::NoNda);
        }
        if self.form != DisclosureForm::Verbal && !self.marked {
            out.push(LedgerWarning::Unmarked);
        }
        if self.form == DisclosureForm::Verbal && !self.confirmed_in_writing {
            out.push(LedgerWarning::VerbalNotConfirmed);
        }
        if self.status == LedgerStatus::Out && self.return_by.is_some_and(|d| d < today) {
            out.push(LedgerWarning::ReturnOverdue);
        }
        out
    }
}

/// Every warning of a ledger on `today`: `(entry index, warning)`, in entry order.
pub fn all_warnings(ledger: &[LedgerEntry], today: Date) -> Vec<(usize, LedgerWarning)> {
    ledger
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.warnings(today).into_iter().map(move |w| (i, w)))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn good(form: DisclosureForm) -> LedgerEntry {
        let mut e = LedgerEntry::new(d("2026-11-02"), "D社 技術部", "試験データ", form);
        e.marked = true;
        e.confirmed_in_writing = form == DisclosureForm::Verbal;
        e.nda = Some(NdaRef {
            reference: "NDA-2026-07".into(),
            date: Some(d("2026-10-20")),
            purpose: "見積のため".into(),
        });
        e.return_by = Some(d("2026-12-31"));
        e
    }

    #[test]
    fn a_complete_entry_has_no_warning() {
        for form in DisclosureForm::ALL {
            assert_eq!(good(form).warnings(d("2026-12-01")), vec![], "{form:?}");
        }
    }

    #[test]
    fn no_nda_is_warned_also_when_the_reference_is_blank() {
        let mut e = good(DisclosureForm::Data);
        e.nda = None;
        assert_eq!(e.warnings(d("2026-12-01")), vec![LedgerWarning::NoNda]);
        e.nda = Some(NdaRef {
            reference: "  ".into(),
            ..NdaRef::default()
        });
        assert_eq!(e.warnings(d("2026-12-01")), vec![LedgerWarning::NoNda]);
    }

    #[test]
    fn unmarked_paper_data_or_sample_is_warned_but_verbal_is_not() {
        for form in [
            DisclosureForm::Paper,
            DisclosureForm::Data,
            DisclosureForm::Sample,
        ] {
            let mut e = good(form);
            e.marked = false;
            assert_eq!(e.warnings(d("2026-12-01")), vec![LedgerWarning::Unmarked]);
        }
        let mut v = good(DisclosureForm::Verbal);
        v.marked = false;
        assert_eq!(v.warnings(d("2026-12-01")), vec![]);
    }

    #[test]
    fn verbal_disclosure_not_confirmed_in_writing_is_warned() {
        let mut e = good(DisclosureForm::Verbal);
        e.confirmed_in_writing = false;
        assert_eq!(
            e.warnings(d("2026-12-01")),
            vec![LedgerWarning::VerbalNotConfirmed]
        );
        let mut s = good(DisclosureForm::Sample);
        s.confirmed_in_writing = false;
        assert_eq!(s.warnings(d("2026-12-01")), vec![]);
    }

    #[test]
    fn return_date_passed_is_warned_only_while_the_material_is_out() {
        let mut e = good(DisclosureForm::Sample);
        e.return_by = Some(d("2026-11-30"));
        assert_eq!(e.warnings(d("2026-11-30")), vec![], "due today is not late");
        assert_eq!(
            e.warnings(d("2026-12-01")),
            vec![LedgerWarning::ReturnOverdue]
        );
        for status in [LedgerStatus::Returned, LedgerStatus::Destroyed] {
            e.status = status;
            assert_eq!(e.warnings(d("2026-12-01")), vec![], "{status:?}");
        }
    }

    #[test]
    fn warnings_come_in_a_fixed_order_and_are_listed_per_entry() {
        let bare = LedgerEntry::new(d("2026-01-05"), "E社", "図面一式", DisclosureForm::Paper);
        let mut late = bare.clone();
        late.return_by = Some(d("2026-02-01"));
        let all = all_warnings(&[good(DisclosureForm::Paper), late], d("2026-12-01"));
        assert_eq!(
            all,
            vec![
                (1, LedgerWarning::NoNda),
                (1, LedgerWarning::Unmarked),
                (1, LedgerWarning::ReturnOverdue)
            ]
        );
    }

    #[test]
    fn codes_round_trip() {
        for f in DisclosureForm::ALL {
            assert_eq!(DisclosureForm::from_code(f.code()), Some(f));
        }
        for s in LedgerStatus::ALL {
            assert_eq!(LedgerStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(DisclosureForm::from_code("fax"), None);
    }
}
