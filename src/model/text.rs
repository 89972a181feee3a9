//! Bilingual text and the language choice.

use serde::{Deserialize, Serialize};

/// A display language. Japanese first; English selectable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 日本語
    #[default]
    Ja,
    /// English
    En,
}

impl Lang {
    /// Both languages, Japanese first.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// Parses the command-line code `ja` or `en`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "japanese" => Some(Lang::Ja),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code used on the command line and in JSON: `ja` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// Parses `ja` or `en` (as [`Lang::from_code`]), with a message naming both.
    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::from_code(s).ok_or_else(|| format!("'{s}' is not a language: use ja or en"))
    }
}

/// A user-facing text in both languages. Both halves must be non-empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text from both halves.
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            ja: ja.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}
