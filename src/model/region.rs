//! Japan's 47 prefectures, and which region a desk serves.
//!
//! The company's prefecture chooses the regional desks (e.g. the Kansai desk serves the seven
//! prefectures of 近畿 listed in the INPIT leaflet, `001_…`); contacts name the prefectures
//! they serve by these Japanese names.

use super::schema::{Bundle, Contact, ContactKind};

/// The 47 prefectures: (Japanese name as written officially, English name).
pub const PREFECTURES: [(&str, &str); 47] = [
    ("北海道", "Hokkaido"),
    ("青森県", "Aomori"),
    ("岩手県", "Iwate"),
    ("宮城県", "Miyagi"),
    ("秋田県", "Akita"),
    ("山形県", "Yamagata"),
    ("福島県", "Fukushima"),
    ("茨城県", "Ibaraki"),
    ("栃木県", "Tochigi"),
    ("群馬県", "Gunma"),
    ("埼玉県", "Saitama"),
    ("千葉県", "Chiba"),
    ("東京都", "Tokyo"),
    ("神奈川県", "Kanagawa"),
    ("新潟県", "Niigata"),
    ("富山県", "Toyama"),
    ("石川県", "Ishikawa"),
    ("福井県", "Fukui"),
    ("山梨県", "Yamanashi"),
    ("長野県", "Nagano"),
    ("岐阜県", "Gifu"),
    ("静岡県", "Shizuoka"),
    ("愛知県", "Aichi"),
    ("三重県", "Mie"),
    ("滋賀県", "Shiga"),
    ("京都府", "Kyoto"),
    ("大阪府", "Osaka"),
    ("兵庫県", "Hyogo"),
    ("奈良県", "Nara"),
    ("和歌山県", "Wakayama"),
    ("鳥取県", "Tottori"),
    ("島根県", "Shimane"),
    ("岡山県", "Okayama"),
    ("広島県", "Hiroshima"),
    ("山口県", "Yamaguchi"),
    ("徳島県", "Tokushima"),
    ("香川県", "Kagawa"),
    ("愛媛県", "Ehime"),
    ("高知県", "Kochi"),
    ("福岡県", "Fukuoka"),
    ("佐賀県", "Saga"),
    ("長崎県", "Nagasaki"),
    ("熊本県", "Kumamoto"),
    ("大分県", "Oita"),
    ("宮崎県", "Miyazaki"),
    ("鹿児島県", "Kagoshima"),
    ("沖縄県", "Okinawa"),
];

/// The official Japanese name of the prefecture `input` names, if it names one: the full
/// name (`大阪府`), the name without 都・府・県 (`大阪`), or the English name in any case
/// (`Osaka`, `osaka-fu`, `Osaka Prefecture`). Surrounding spaces are ignored.
pub fn canonical(input: &str) -> Option<&'static str> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let en = lower
        .trim_end_matches(" prefecture")
        .trim_end_matches("-fu")
        .trim_end_matches("-ken")
        .trim_end_matches("-to")
        .trim_end_matches(" metropolis")
        .trim();
    PREFECTURES.iter().find_map(|&(ja, en_name)| {
        let short = ja.strip_suffix(['都', '府', '県']).unwrap_or(ja);
        let hit = s == ja || s == short || en == en_name.to_ascii_lowercase();
        hit.then_some(ja)
    })
}

/// The English name of a prefecture given by its official Japanese name.
pub fn english(ja: &str) -> Option<&'static str> {
    PREFECTURES.iter().find(|(j, _)| *j == ja).map(|(_, e)| *e)
}

/// The desks for one company: which to recommend, which else serve it, and the information
/// contacts, which are never recommended and are listed apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Desks {
    /// The company's prefecture (official name), when it names one.
    pub prefecture: Option<&'static str>,
    /// Consultation desks to recommend: the regional desks serving the prefecture first, then
    /// the desks named by the consultation rule and the findings, in first-named order. Empty
    /// when nothing is weak.
    pub recommended: Vec<String>,
    /// The other consultation desks that serve the company (regional ones first).
    pub other: Vec<String>,
    /// Information contacts (about a document or the law; not for a company's own case).
    pub information: Vec<String>,
}

impl Desks {
    /// Chooses the desks for a company in `prefecture` (free text, see [`canonical`]) given
    /// the desks its weak answers name, in first-named order.
    pub fn choose<'a>(
        b: &Bundle,
        prefecture: &str,
        named: impl IntoIterator<Item = &'a String>,
    ) -> Desks {
        let prefecture = canonical(prefecture);
        let consultation: Vec<String> = b
            .contacts
            .iter()
            .filter(|c| c.kind == ContactKind::Consultation && serves(c, prefecture))
            .map(|c| c.id.clone())
            .collect();
        let regional = regional(b, prefecture);
        let mut recommended: Vec<String> = Vec::new();
        for id in named {
            if consultation.contains(id) && !recommended.contains(id) {
                recommended.push(id.clone());
            }
        }
        if !recommended.is_empty() {
            recommended.retain(|id| !regional.contains(id));
            recommended.splice(0..0, regional.iter().cloned());
        }
        let mut other: Vec<String> = Vec::new();
        for id in regional.iter().chain(&consultation) {
            if !recommended.contains(id) && !other.contains(id) {
                other.push(id.clone());
            }
        }
        let information = b
            .contacts
            .iter()
            .filter(|c| c.kind == ContactKind::Information && serves(c, prefecture))
            .map(|c| c.id.clone())
            .collect();
        Desks {
            prefecture,
            recommended,
            other,
            information,
        }
    }

    /// The desks a weak answer names, as fits the company: information contacts and desks
    /// of other regions left out, the regional desks serving the company put first.
    pub fn fitting(&self, b: &Bundle, named: &[String]) -> Vec<String> {
        let fits = |id: &String| {
            b.contact(id)
                .is_some_and(|c| c.kind == ContactKind::Consultation && serves(c, self.prefecture))
        };
        if !named.iter().any(fits) {
            return Vec::new();
        }
        let mut out = regional(b, self.prefecture);
        for id in named.iter().filter(|id| fits(id)) {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    }
}

/// The regional consultation desks that serve `prefecture`, in file order.
fn regional(b: &Bundle, prefecture: Option<&str>) -> Vec<String> {
    b.contacts
        .iter()
        .filter(|c| c.kind == ContactKind::Consultation && !c.regions.is_empty())
        .filter(|c| serves(c, prefecture))
        .map(|c| c.id.clone())
        .collect()
}

/// Whether a contact serves a company in `prefecture` (a national one serves everyone; a
/// regional one only its prefectures, never a company whose prefecture is not known).
pub fn serves(c: &Contact, prefecture: Option<&str>) -> bool {
    c.regions.is_empty() || prefecture.is_some_and(|p| c.regions.iter().any(|r| r == p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_and_without_suffix_and_in_english() {
        assert_eq!(canonical("大阪府"), Some("大阪府"));
        assert_eq!(canonical(" 大阪 "), Some("大阪府"));
        assert_eq!(canonical("Hyogo"), Some("兵庫県"));
        assert_eq!(canonical("osaka-fu"), Some("大阪府"));
        assert_eq!(canonical("Tokyo Metropolis"), Some("東京都"));
        assert_eq!(canonical("北海道"), Some("北海道"));
        assert_eq!(canonical("京都"), Some("京都府"));
        assert_eq!(canonical("東京"), Some("東京都"));
        assert_eq!(canonical("Kyoto"), Some("京都府"));
    }

    #[test]
    fn unknown_names_are_none() {
        for s in ["", "  ", "大阪市", "Osaka City", "近畿", "kansai"] {
            assert_eq!(canonical(s), None, "{s}");
        }
    }
}
