//! Advisers and trainers (issue 6) on fixture files of the mini questionnaire: the comparison
//! arithmetic, the class aggregate, the CSV export and the inventory in the assessment file.
use crate::common;

use std::path::PathBuf;

use mamori::model::aggregate::{aggregate_files, SkipKind};
use mamori::model::assessment::{Assessment, FindingAction};
use mamori::model::compare::{compare, CompareError};
use mamori::model::date::Date;
use mamori::model::export::{findings_csv, inventory_csv, parse_csv, BOM};
use mamori::model::inventory::{InfoCategory, InventoryItem, Location, SecrecyRank};
use mamori::model::schema::Answer;
use mamori::model::scoring::score;
use mamori::model::text::Lang;

fn fixture(name: &str) -> PathBuf {
    common::root().join("tests/fixtures/visits").join(name)
}

fn load(name: &str) -> Assessment {
    Assessment::load(&fixture(name)).unwrap()
}

fn ids(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn two_visits_give_resolved_new_and_still_open_findings() {
    let b = common::mini();
    let c = compare(&b, &load("visit2.ron"), &[load("visit1.ron")]).unwrap();
    assert_eq!(ids(&c.resolved), ["quick.rules", "basic.a", "basic.b"]);
    assert_eq!(ids(&c.new_findings), ["basic.d"]);
    assert_eq!(ids(&c.still_open), ["quick.pc", "basic.c"]);
    assert_eq!(ids(&c.confirmed), ["quick.pc", "basic.b"]);
    assert!(c.still_to_confirm.is_empty());
    // basic: 3 of 9 weighted points before (a no 1, b unknown 2, c no 3, e yes 3), 6 of 10 after.
    let basic = c.checklists.iter().find(|x| x.id == "basic").unwrap();
    assert!((basic.before.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert!((basic.after.unwrap() - 60.0).abs() < 1e-9);
    assert!((basic.delta().unwrap() - (60.0 - 100.0 / 3.0)).abs() < 1e-9);
    assert!(!c.has_trend());
    assert!(!c.versions_differ && !c.company_differs);
    assert!(c.added_questions.is_empty() && c.removed_questions.is_empty());
}

#[test]
fn three_visits_give_a_trend_oldest_first() {
    let b = common::mini();
    let c = compare(
        &b,
        &load("visit3.ron"),
        &[load("visit2.ron"), load("visit1.ron")],
    )
    .unwrap();
    assert!(c.has_trend());
    let dates: Vec<String> = c.visits.iter().map(|v| v.date.to_string()).collect();
    assert_eq!(dates, ["2026-01-10", "2026-05-10", "2026-09-10"]);
    let overall: Vec<f64> = c.visits.iter().map(|v| v.overall.unwrap()).collect();
    assert!(
        overall[0] < overall[1] && overall[1] < overall[2],
        "{overall:?}"
    );
    // Newest against the previous visit only.
    assert_eq!(ids(&c.resolved), ["quick.pc", "basic.d"]);
    assert_eq!(ids(&c.still_open), ["basic.c"]);
    assert!(c.new_findings.is_empty());
}

#[test]
fn other_questionnaire_versions_compare_on_shared_questions() {
    let b = common::mini();
    let c = compare(&b, &load("visit1.ron"), &[load("visit0_v2.ron")]).unwrap();
    assert!(c.versions_differ);
    assert_eq!(ids(&c.removed_questions), ["basic.old"]);
    assert_eq!(ids(&c.added_questions), ["basic.e"]);
    // basic.e is not shared, so it counts neither for the score change nor as a finding.
    let basic = c.checklists.iter().find(|x| x.id == "basic").unwrap();
    assert_eq!(basic.before, Some(0.0));
    assert_eq!(basic.after, Some(0.0));
    assert_eq!(
        ids(&c.still_open),
        ["quick.rules", "quick.pc", "basic.a", "basic.b", "basic.c"]
    );
}

#[test]
fn a_comparison_needs_two_files_of_the_same_questionnaire() {
    let b = common::mini();
    assert_eq!(
        compare(&b, &load("visit1.ron"), &[]).unwrap_err(),
        CompareError::TooFew
    );
    let mut other = load("visit1.ron");
    other.questionnaire.id = "other".into();
    let e = compare(&b, &load("visit2.ron"), &[other]).unwrap_err();
    assert!(e.to_string().contains("'other'"), "{e}");
    let mut renamed = load("visit1.ron");
    renamed.company.name = "別の会社".into();
    assert!(
        compare(&b, &load("visit2.ron"), &[renamed])
            .unwrap()
            .company_differs
    );
}

#[test]
fn the_class_aggregate_counts_and_skips_bad_files() {
    let b = common::mini();
    let (agg, skipped) = aggregate_files(&b, &[fixture("class")], None);
    assert_eq!(agg.participants, 4);
    // The trainer's list has the names and messages; the class picture only the kinds.
    let names: Vec<&str> = skipped.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(names, ["broken.ron", "foreign.ron"]);
    assert!(skipped[0].reason.contains("broken.ron:"), "{skipped:?}");
    assert!(skipped[1].reason.contains("'other'"), "{skipped:?}");
    assert_eq!(
        agg.skipped,
        [SkipKind::NotAnAssessment, SkipKind::OtherQuestionnaire]
    );
    assert_eq!(
        agg.skipped_counts(),
        [
            (SkipKind::NotAnAssessment, 1),
            (SkipKind::OtherQuestionnaire, 1)
        ]
    );
    assert_eq!(agg.versions, [1, 2]);
    let q = |id: &str| agg.questions.iter().find(|q| q.question_id == id).unwrap();
    assert_eq!(q("quick.rules").count(Answer::No), 2);
    assert_eq!(q("quick.rules").count(Answer::Yes), 2);
    assert_eq!(q("quick.pc").count(Answer::Unknown), 1);
    assert_eq!(q("basic.c").count(Answer::Partly), 1);
    // basic.d applies to p2, p3 (basic.a yes) and is answered by both; basic.e is unanswered
    // by p4, made with version 2, which did not have it.
    assert_eq!(q("basic.d").unanswered, 0);
    assert_eq!(q("basic.e").unanswered, 1);
    assert_eq!(agg.findings[0].question_id, "basic.c");
    assert_eq!((agg.findings[0].count, agg.findings[0].high), (4, 3));
    assert_eq!(agg.findings[0].cases, ["case01", "case02"]);
    assert_eq!(agg.objectives.len(), 5);
    assert_eq!(agg.weakest[0].id, "quick");
    let basic = agg.checklists.iter().find(|m| m.id == "basic").unwrap();
    assert_eq!(basic.scored, 4);
}

#[test]
fn the_aggregate_holds_no_name_and_no_note() {
    let b = common::mini();
    let (agg, _) = aggregate_files(&b, &[fixture("class")], None);
    let json = serde_json::to_string(&agg).unwrap();
    for secret in [
        "テスト精工",
        "ヨソモノ",
        "山田",
        "規程はまだない",
        "USBの持ち出し",
        "秘密の相談メモ",
        "焼き入れ",
    ] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
}

#[test]
fn the_csv_has_the_bom_the_columns_and_round_trips_japanese() {
    let b = common::mini();
    let a = load("visit2.ron");
    let r = score(&b, &a);
    let text = findings_csv(&b, &a, &r, Lang::Ja);
    assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    assert!(text.starts_with(BOM));
    let rows = parse_csv(&text);
    assert_eq!(
        rows[0],
        [
            "分野",
            "質問ID",
            "質問",
            "回答",
            "重要度",
            "関連する事例",
            "最初の一歩",
            "相談窓口",
            "担当者",
            "期限"
        ]
    );
    assert_eq!(rows.len(), 1 + r.findings.len());
    let c = rows.iter().find(|r| r[1] == "basic.c").unwrap();
    assert_eq!(c[8], "総務 佐藤");
    assert_eq!(c[9], "2026-07-31");
    assert!(c[5].starts_with("case01"), "{c:?}");
    let (_, q) = b.question("basic.c").unwrap();
    assert_eq!(c[2], q.text.ja);
    let en = parse_csv(&findings_csv(&b, &a, &r, Lang::En));
    assert_eq!(en[0][0], "Checklist");

    let inv = parse_csv(&inventory_csv(&b, &a, Lang::Ja));
    assert_eq!(
        inv[0],
        [
            "情報の名前",
            "分類",
            "ランク",
            "保管場所",
            "アクセスできる人"
        ]
    );
    assert_eq!(
        inv[1],
        [
            "焼き入れの温度条件",
            "技術・製造",
            "極秘",
            "電子ファイル・データ / 社員の頭の中(ノウハウ)",
            "製造部長のみ"
        ]
    );
}

#[test]
fn a_formula_typed_as_owner_is_neutralised_in_the_csv() {
    let b = common::mini();
    let mut a = load("visit2.ron");
    a.actions.insert(
        "basic.c".into(),
        FindingAction {
            owner: "=HYPERLINK(\"http://x\",\"担当\")".into(),
            due: None,
        },
    );
    let text = findings_csv(&b, &a, &score(&b, &a), Lang::Ja);
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"担当\"\")\""),
        "{text}"
    );
    let rows = parse_csv(&text);
    let c = rows.iter().find(|r| r[1] == "basic.c").unwrap();
    assert_eq!(c[8], "'=HYPERLINK(\"http://x\",\"担当\")");
}

#[test]
fn the_inventory_and_actions_round_trip_through_the_file() {
    let b = common::mini();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.ron");
    let mut a = common::answered(&b, &[("basic.a", Answer::No)]);
    a.inventory.push(InventoryItem {
        name: "金型の図面, \"第2版\"\n改訂中".into(),
        category: Some(InfoCategory::FromOthers),
        rank: Some(SecrecyRank::DepartmentOnly),
        locations: vec![Location::Paper, Location::Objects, Location::Heads],
        access: "設計課".into(),
        ..InventoryItem::default()
    });
    a.inventory.push(InventoryItem::default());
    a.actions.insert(
        "basic.a".into(),
        FindingAction {
            owner: "社長".into(),
            due: Some(Date::parse("2027-01-31").unwrap()),
        },
    );
    a.save(&p).unwrap();
    assert_eq!(Assessment::load(&p).unwrap(), a);
    // A file without them stays as it was: nothing new is written.
    let plain = common::answered(&b, &[("basic.a", Answer::No)]);
    let text = plain.to_ron_string().unwrap();
    assert!(
        !text.contains("inventory") && !text.contains("actions"),
        "{text}"
    );
}

#[test]
fn opens_inventory_is_only_allowed_in_detailed_checklists() {
    let (_d, out) = common::load_mutated(&[(
        "checklists/00_quick.ron",
        "advice: [\"case01\"],",
        "advice: [\"case01\"], opens_inventory: true,",
    )]);
    let msgs: Vec<String> = out.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 1, "{msgs:#?}");
    assert!(
        msgs[0].contains("00_quick.ron:") && msgs[0].contains("opens_inventory"),
        "{msgs:#?}"
    );
    let b = mamori::model::load::load_embedded().bundle;
    assert!(b.question("inventory.list").unwrap().1.opens_inventory);
}
