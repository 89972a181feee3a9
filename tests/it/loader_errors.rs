//! Every kind of questionnaire error is reported with its exact file:line:col.

use crate::common::{load_mutated, mini_dir};
use mamori::model::diag::Diagnostic;
use mamori::model::load::load_dir;

const BASIC: &str = "checklists/10_basic.ron";

fn only(diags: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(diags.len(), 1, "{diags:#?}");
    &diags[0]
}

fn at(d: &Diagnostic) -> (String, usize, usize) {
    let file = d.file.rsplit('/').take(2).collect::<Vec<_>>();
    (format!("{}/{}", file[1], file[0]), d.line, d.col)
}

#[test]
fn the_fixture_is_clean() {
    let dir = mini_dir();
    let out = load_dir(dir.path());
    assert!(out.is_clean(), "{:#?}", out.diagnostics);
    assert_eq!(out.bundle.checklists.len(), 4);
}

#[test]
fn syntax_error() {
    let (_d, out) = load_mutated(&[(BASIC, "weight: 1,\n            critical: false,\n            objectives: [AccessControl, Visibility]", "weight: 1\n            critical: false,\n            objectives: [AccessControl, Visibility]")]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 16, 13), "{d}");
}

#[test]
fn unknown_field() {
    let (_d, out) = load_mutated(&[(BASIC, "weight: 2,", "weight: 2, colour: \"red\",")]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 28, 24), "{d}");
    assert!(d.message.contains("colour"), "{d}");
    assert!(d.hint.contains("spelling"), "{d}");
}

#[test]
fn wrong_type() {
    let (_d, out) = load_mutated(&[(BASIC, "weight: 2,", "weight: \"two\",")]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 28, 21), "{d}");
}

#[test]
fn duplicate_id() {
    let (_d, out) = load_mutated(&[(BASIC, "id: \"basic.e\"", "id: \"basic.b\"")]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 64, 17), "{d}");
    assert!(d.message.contains("used twice"), "{d}");
}

#[test]
fn dangling_advice_link() {
    let (_d, out) = load_mutated(&[(
        BASIC,
        "advice: [\"case01\", \"case02\"]",
        "advice: [\"case01\", \"case09\"]",
    )]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 45, 32), "{d}");
    assert!(d.message.contains("case09"), "{d}");
}

#[test]
fn dangling_contact_link() {
    let (_d, out) = load_mutated(&[(BASIC, "contacts: [\"desk\"]", "contacts: [\"nodesk\"]")]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 46, 24), "{d}");
    assert!(d.message.contains("nodesk"), "{d}");
}

#[test]
fn condition_names_unknown_question() {
    let (_d, out) = load_mutated(&[(BASIC, "question: \"basic.a\"", "question: \"basic.zz\"")]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 60, 49), "{d}");
}

#[test]
fn missing_english() {
    let (_d, out) = load_mutated(&[(
        BASIC,
        "help: (ja: \"Aの説明。\", en: \"About A.\")",
        "help: (ja: \"Aの説明。\")",
    )]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 14, 31), "{d}");
    assert!(d.message.contains("en"), "{d}");
}

#[test]
fn empty_text() {
    let (_d, out) = load_mutated(&[(BASIC, "en: \"Do you do A?\"", "en: \"\"")]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), (BASIC.into(), 13, 37), "{d}");
    assert!(d.message.contains("English"), "{d}");
}

#[test]
fn every_error_in_a_file_is_reported() {
    let (_d, out) = load_mutated(&[
        (BASIC, "en: \"Do you do A?\"", "en: \"\""),
        (
            BASIC,
            "advice: [\"case01\", \"case02\"]",
            "advice: [\"case01\", \"case09\"]",
        ),
        (BASIC, "weight: 2,", "weight: \"two\","),
    ]);
    let places: Vec<_> = out.diagnostics.iter().map(at).collect();
    assert_eq!(
        places,
        vec![
            (BASIC.into(), 28, 21),
            (BASIC.into(), 13, 37),
            (BASIC.into(), 45, 32)
        ],
        "{:#?}",
        out.diagnostics
    );
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let (_d, out) = load_mutated(&[("checklists/20_lic.ron", "order: 20,", "order: 20")]);
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", out.diagnostics);
    let ids: Vec<_> = out
        .bundle
        .checklists
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["quick", "screen", "basic"]);
}

#[test]
fn missing_file_and_foreign_seed() {
    let dir = mini_dir();
    std::fs::remove_file(dir.path().join("contacts.ron")).unwrap();
    let out = load_dir(dir.path());
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.message.contains("no contacts.ron")),
        "{:#?}",
        out.diagnostics
    );

    let (_d, out) = load_mutated(&[("contacts.ron", "001_1578f215ca40627e.txt", "wikipedia.txt")]);
    let d = only(&out.diagnostics);
    assert!(d.file.ends_with("contacts.ron"), "{d}");
    assert_eq!((d.line, d.col), (12, 18), "{d}");
}

#[test]
fn invalid_utf8_and_bom() {
    let dir = mini_dir();
    let p = dir.path().join(BASIC);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&p).unwrap());
    std::fs::write(&p, &bytes).unwrap();
    assert!(load_dir(dir.path()).is_clean(), "a BOM is accepted");

    let mut bytes = std::fs::read(&p).unwrap();
    let at_line_3 = bytes.windows(6).position(|w| w == b"order:").unwrap();
    bytes.insert(at_line_3, 0xFF);
    std::fs::write(&p, &bytes).unwrap();
    let out = load_dir(dir.path());
    let d = only(&out.diagnostics);
    assert_eq!((d.line, d.col), (3, 5), "{d}");
    assert!(d.message.contains("UTF-8"), "{d}");
}

#[test]
fn one_file_can_be_swapped_into_the_built_in_folder() {
    use mamori::model::load::{load_embedded, load_embedded_with, EMBEDDED};
    const RULES: &str = "checklists/10_rules.ron";
    let original = EMBEDDED.iter().find(|(p, _)| *p == RULES).unwrap().1;
    let same = load_embedded_with(RULES, original);
    assert!(same.is_clean(), "{:#?}", same.diagnostics);
    assert_eq!(
        same.bundle.checklists.len(),
        load_embedded().bundle.checklists.len()
    );

    let mut broken = original.to_vec();
    broken.truncate(original.len() / 2);
    let out = load_embedded_with(RULES, &broken);
    assert!(!out.is_clean());
    let d = &out.diagnostics[0];
    assert_eq!(d.file, format!("questionnaires/{RULES}"), "{d}");
    assert!(d.line > 1, "{d}");
    assert!(!out.bundle.checklists.iter().any(|c| c.id == "rules"));
}

#[test]
fn a_cited_document_without_a_title_in_sources_ron() {
    let entry = "    Source(\n        file: \"001_1578f215ca40627e.txt\",";
    let (_d, out) = load_mutated(&[(
        "sources.ron",
        entry,
        "    Source(\n        file: \"002_70f7e44975e983c5.txt\",",
    )]);
    let msgs: Vec<String> = out.diagnostics.iter().map(|d| d.to_string()).collect();
    // The duplicate entry, and every item citing the leaflet, each at its own line.
    assert!(
        msgs.iter()
            .any(|m| m.contains("sources.ron:") && m.contains("described twice")),
        "{msgs:#?}"
    );
    let missing: Vec<&Diagnostic> = out
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("has no entry in sources.ron"))
        .collect();
    assert!(!missing.is_empty(), "{msgs:#?}");
    assert!(missing.iter().all(|d| d.line > 1), "{msgs:#?}");
}

#[test]
fn a_folder_without_sources_ron() {
    let dir = mini_dir();
    std::fs::remove_file(dir.path().join("sources.ron")).unwrap();
    let out = load_dir(dir.path());
    let d = only(&out.diagnostics);
    assert!(d.message.contains("no sources.ron"), "{d}");
}

#[test]
fn a_desk_whose_date_is_not_shown() {
    let (_d, out) = load_mutated(&[(
        "contacts.ron",
        "as_of: (ja: \"2020年の資料による\",",
        "as_of: (ja: \"資料による\",",
    )]);
    let d = only(&out.diagnostics);
    assert!(d.file.ends_with("contacts.ron"), "{d}");
    assert!(d.message.contains("2020"), "{d}");
    assert!(d.line > 1 && d.col > 1, "{d}");
}

#[test]
fn a_region_must_be_the_official_name_of_a_prefecture() {
    let (_d, out) = load_mutated(&[(
        "contacts.ron",
        "        kind: Consultation,\n",
        "        kind: Consultation,\n        regions: [\"大阪府\", \"Kansai\"],\n",
    )]);
    let d = only(&out.diagnostics);
    assert!(d.file.ends_with("contacts.ron"), "{d}");
    assert_eq!((d.line, d.col), (5, 26), "{d}");
    assert!(
        d.message
            .contains("'Kansai' is not the name of a prefecture"),
        "{d}"
    );
    assert!(d.hint.contains("大阪府"), "{d}");
    // A short name is reported with the official one to write instead.
    let (_d, out) = load_mutated(&[(
        "contacts.ron",
        "        kind: Consultation,\n",
        "        kind: Consultation,\n        regions: [\"兵庫\"],\n",
    )]);
    let d = only(&out.diagnostics);
    assert_eq!((d.line, d.col), (5, 19), "{d}");
    assert!(d.hint.contains("\"兵庫県\""), "{d}");
}

#[test]
fn a_consultation_rule_may_not_recommend_an_information_contact() {
    let (_d, out) = load_mutated(&[("contacts.ron", "kind: Consultation,", "kind: Information,")]);
    let d = only(&out.diagnostics);
    assert_eq!(at(d), ("checklists/00_quick.ron".into(), 9, 31), "{d}");
    assert!(d.message.contains("'desk', an information contact"), "{d}");
}

#[test]
fn first_step_and_find_out_need_both_languages() {
    let (_d, out) = load_mutated(&[(
        BASIC,
        "id: \"basic.a\",",
        "id: \"basic.a\", first_step: Some((ja: \"表を作る。\", en: \"Make a table.\")), find_out: Some((ja: \"\", en: \"Ask.\")),",
    )]);
    let d = only(&out.diagnostics);
    assert!(
        d.message
            .contains("question 'basic.a': the Japanese text (ja) is empty"),
        "{d}"
    );
    assert_eq!(at(d), (BASIC.into(), 12, 98), "{d}");
}

#[test]
fn the_inventory_examples_load_with_the_folder_and_a_broken_file_is_reported_at_its_place() {
    use mamori::model::inventory::InfoCategory;
    use mamori::model::load::{load_embedded, load_embedded_with};
    let shipped = load_embedded();
    assert!(shipped.is_clean(), "{:#?}", shipped.diagnostics);
    let cats: Vec<InfoCategory> = shipped
        .bundle
        .inventory_suggestions
        .iter()
        .map(|c| c.category)
        .collect();
    assert_eq!(cats, InfoCategory::ALL.to_vec());

    let broken = load_embedded_with("inventory/suggestions.ron", b"[\n (category: Nope)\n]");
    let d = only(&broken.diagnostics);
    assert_eq!(
        (d.file.as_str(), d.line),
        ("questionnaires/inventory/suggestions.ron", 2),
        "{d:#?}"
    );
    assert!(broken.bundle.inventory_suggestions.is_empty());

    let uncited = std::str::from_utf8(
        mamori::model::load::EMBEDDED
            .iter()
            .find(|(p, _)| *p == "inventory/suggestions.ron")
            .unwrap()
            .1,
    )
    .unwrap()
    .replacen("001_1578f215ca40627e.txt", "999_nowhere.txt", 1);
    let out = load_embedded_with("inventory/suggestions.ron", uncited.as_bytes());
    let d = only(&out.diagnostics);
    assert!(d.message.contains("999_nowhere.txt"), "{d:#?}");
    assert!(
        d.file.ends_with("inventory/suggestions.ron") && d.line > 1,
        "{d:#?}"
    );
}

#[test]
fn a_folder_on_disk_reads_its_own_inventory_examples() {
    let dir = mini_dir();
    assert!(load_dir(dir.path()).bundle.inventory_suggestions.is_empty());
    let inv = dir.path().join("inventory");
    std::fs::create_dir_all(&inv).unwrap();
    std::fs::write(
        inv.join("suggestions.ron"),
        "[(category: Sales, source: (file: \"001_1578f215ca40627e.txt\", heading: \"x\"), examples: [(ja: \"顧客名簿\", en: \"Customer list\")])]",
    )
    .unwrap();
    let out = load_dir(dir.path());
    assert_eq!(
        out.bundle.inventory_suggestions.len(),
        1,
        "{:#?}",
        out.diagnostics
    );
}
