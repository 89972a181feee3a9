//! The seed documents by title: users see 「INPIT『営業秘密110番』リーフレット(2019年)」, never the
//! file name a [`SourceRef`] stores.
//!
//! `questionnaires/sources.ron` holds one [`Source`] per seed document; the loader checks that
//! every cited file has one, so a shipped build never needs the fallback in
//! [`Bundle::source_title`](super::schema::Bundle::source_title).

use serde::{Deserialize, Serialize};

use super::text::{Lang, Text};

/// Where an item comes from: a seed document and a heading in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The seed file name (one of [`super::schema::SEED_FILES`]).
    pub file: String,
    /// A heading as it stands in that document.
    pub heading: String,
}

/// One of the public documents everything cites.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The seed file name, as `SourceRef::file` cites it (data only; never shown).
    pub file: String,
    /// Who published it, short: 「INPIT」, 「特許庁」.
    pub publisher: Text,
    /// The document's own title.
    pub title: Text,
    /// What it is: 「リーフレット」 / "leaflet".
    pub kind: Text,
    /// When it was published, as far as the document says: 「2019年」, 「2018年頃」.
    pub year: Text,
}

impl Source {
    /// The title as users see it: 「INPIT『営業秘密110番』リーフレット(2019年)」 or
    /// "INPIT leaflet 'Trade Secret Hotline 110' (2019)".
    pub fn display_title(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!(
                "{}『{}』{}({})",
                self.publisher.ja, self.title.ja, self.kind.ja, self.year.ja
            ),
            Lang::En => format!(
                "{} {} '{}' ({})",
                self.publisher.en, self.kind.en, self.title.en, self.year.en
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::Bundle;

    fn leaflet() -> Source {
        Source {
            file: "001_1578f215ca40627e.txt".into(),
            publisher: Text::new("INPIT", "INPIT"),
            title: Text::new("営業秘密110番", "Trade Secret Hotline 110"),
            kind: Text::new("リーフレット", "leaflet"),
            year: Text::new("2019年", "2019"),
        }
    }

    #[test]
    fn titles_read_as_a_citation_in_both_languages() {
        let s = leaflet();
        assert_eq!(
            s.display_title(Lang::Ja),
            "INPIT『営業秘密110番』リーフレット(2019年)"
        );
        assert_eq!(
            s.display_title(Lang::En),
            "INPIT leaflet 'Trade Secret Hotline 110' (2019)"
        );
    }

    #[test]
    fn a_reference_shows_title_and_heading_but_never_the_file_name() {
        let b = Bundle {
            sources: vec![leaflet()],
            ..Bundle::default()
        };
        let r = SourceRef {
            file: "001_1578f215ca40627e.txt".into(),
            heading: "あなたの会社は大丈夫?".into(),
        };
        for lang in [Lang::Ja, Lang::En] {
            let line = b.source_line(&r, lang);
            assert!(line.contains("営業秘密110番") || line.contains("Trade Secret Hotline 110"));
            assert!(line.contains("あなたの会社は大丈夫?"), "{line}");
            assert!(!line.contains("1578f215ca40627e"), "{line}");
        }
        let unknown = SourceRef {
            file: "999_deadbeef.txt".into(),
            heading: "x".into(),
        };
        assert!(!b.source_title(&unknown.file, Lang::Ja).contains("999"));
    }
}
