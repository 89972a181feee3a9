//! The shipped questionnaires: valid, complete, and linked the way the issue requires.
use crate::common;

use std::collections::BTreeMap;

use mamori::model::load::{load_dir, load_embedded};
use mamori::model::schema::{ChecklistKind, LegalRequirement, Objective};

#[test]
fn embedded_questionnaires_validate() {
    let out = load_embedded();
    let list: Vec<String> = out.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(out.is_clean(), "{}", list.join("\n"));
    assert_eq!(out.bundle.id_version(), ("mamori", 1));
}

#[test]
fn the_folder_loads_the_same_as_the_embedded_copy() {
    let from_dir = load_dir(&common::root().join("questionnaires"));
    assert!(from_dir.is_clean(), "{:#?}", from_dir.diagnostics);
    let embedded = load_embedded().bundle;
    let ids = |b: &mamori::model::schema::Bundle| {
        b.questions().map(|(_, q)| q.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&from_dir.bundle), ids(&embedded));
}

#[test]
fn nine_detailed_checklists_with_enough_questions() {
    let b = load_embedded().bundle;
    let detailed: Vec<(&str, usize)> = b
        .checklists
        .iter()
        .filter(|c| c.kind == ChecklistKind::Detailed)
        .map(|c| (c.id.as_str(), c.questions.len()))
        .collect();
    let ids: Vec<&str> = detailed.iter().map(|d| d.0).collect();
    assert_eq!(
        ids,
        [
            "rules",
            "inventory",
            "pc",
            "departing",
            "marking",
            "disclosure",
            "nda",
            "joint_dev",
            "license"
        ]
    );
    for (id, n) in detailed {
        assert!((6..=14).contains(&n), "{id} has {n} questions");
    }
}

#[test]
fn quick_check_is_the_leaflets_five_items_each_linked_to_advice_and_a_desk() {
    let b = load_embedded().bundle;
    let quick = b.checklist("quick").unwrap();
    assert_eq!(quick.kind, ChecklistKind::Quick);
    let ids: Vec<&str> = quick.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "quick.rules",
            "quick.pc",
            "quick.departing",
            "quick.marking",
            "quick.disclosure"
        ]
    );
    for q in &quick.questions {
        assert!(
            q.advice.iter().any(|a| b.advice(a).is_some()),
            "{} has no advice",
            q.id
        );
        assert!(
            q.contacts.iter().any(|c| b.contact(c).is_some()),
            "{} has no desk",
            q.id
        );
        assert_eq!(q.source.file, "001_1578f215ca40627e.txt", "{}", q.id);
    }
    let rule = quick.consult.as_ref().expect("the leaflet's consult rule");
    assert!(rule.contacts.contains(&"eigyo_himitsu_110".to_string()));
    assert!(b.advice(&rule.advice).is_some());
}

#[test]
fn each_case_is_reachable_from_at_least_two_questions() {
    let b = load_embedded().bundle;
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, q) in b.questions() {
        for a in &q.advice {
            *count.entry(a.as_str()).or_default() += 1;
        }
    }
    for case in ["case01", "case02", "case03", "case04"] {
        let adv = b.advice(case).unwrap_or_else(|| panic!("{case} missing"));
        assert_eq!(adv.case_no, Some(case[4..].parse().unwrap()));
        assert!(adv.actions.len() >= 2);
        assert!(
            count.get(case).copied().unwrap_or(0) >= 2,
            "{case}: {count:?}"
        );
    }
}

#[test]
fn contracts_checklists_are_skipped_by_screening() {
    let b = load_embedded().bundle;
    for (list, gate) in [
        ("nda", "screen.partners"),
        ("joint_dev", "screen.joint_dev"),
        ("license", "screen.licensing"),
    ] {
        let c = b.checklist(list).unwrap();
        let cond = c
            .applies_if
            .as_ref()
            .unwrap_or_else(|| panic!("{list} has no condition"));
        assert_eq!(cond.questions(), [gate], "{list}");
    }
}

#[test]
fn both_axes_are_covered() {
    let b = load_embedded().bundle;
    for o in Objective::ALL {
        assert!(
            b.questions()
                .filter(|(_, q)| q.objectives.contains(&o))
                .count()
                >= 3,
            "{o:?}"
        );
    }
    for l in LegalRequirement::ALL {
        assert!(b.questions().any(|(_, q)| q.legal.contains(&l)), "{l:?}");
    }
}

#[test]
fn every_desk_of_the_sources_is_there_with_its_number() {
    let b = load_embedded().bundle;
    let phone = |id: &str| {
        b.contact(id)
            .unwrap_or_else(|| panic!("{id}"))
            .phone
            .clone()
            .unwrap_or_default()
    };
    assert!(phone("chizai_sogo").contains("0570-082100"));
    assert!(phone("eigyo_himitsu_110").contains("03-3581-1101"));
    assert!(phone("kansai_senmon").contains("06-6486-9122"));
    assert!(phone("shitauke_kakekomi").contains("0120-418-618"));
    assert!(phone("jpo_kikaku").contains("03-6810-7496"));
    assert!(phone("meti_chizai").contains("03-3501-3752"));
    assert!(b.contact("ipa_anshin").is_some());
    assert!(b.contact("jetro_china").is_some());
}

#[test]
fn every_string_key_used_in_the_code_is_defined() {
    let b = load_embedded().bundle;
    let mut missing = Vec::new();
    let mut stack = vec![common::root().join("src")];
    let mut used = 0;
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for (i, part) in text.split('"').enumerate() {
                // Odd parts are inside string literals.
                let is_key = i % 2 == 1
                    && ["ui.", "score.", "report."]
                        .iter()
                        .any(|pre| part.starts_with(pre))
                    && part.len() > 4
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
                if is_key {
                    used += 1;
                    if !b.strings.contains_key(part) {
                        missing.push(format!("{}: {part}", p.display()));
                    }
                }
            }
        }
    }
    assert!(used > 50, "found only {used} keys");
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn workshop_companies_are_complete_and_span_the_bands() {
    use mamori::model::assessment::{Assessment, Mode};
    use mamori::model::scoring::{score, Band};
    let bundle = load_embedded().bundle;
    let mut bands = Vec::new();
    for (name, bytes) in mamori::app::WORKSHOP_EXAMPLES {
        let a = Assessment::from_bytes(name, bytes).unwrap();
        assert_eq!(a.mode, Mode::Workshop, "{name}");
        let r = score(&bundle, &a);
        assert!(r.unanswered.is_empty(), "{name}: {:?}", r.unanswered);
        assert!(
            r.orphan_answers.is_empty(),
            "{name}: {:?}",
            r.orphan_answers
        );
        bands.push(r.band().unwrap());
    }
    assert!(bands.len() >= 3, "{bands:?}");
    assert!(bands.contains(&Band::ActionNeeded) && bands.contains(&Band::NeedsImprovement));
}

/// Every user-facing text of the questionnaires, with where it stands (for messages).
fn all_texts(b: &mamori::model::schema::Bundle) -> Vec<(String, &mamori::model::text::Text)> {
    let mut out = Vec::new();
    for c in &b.checklists {
        out.push((format!("{} title", c.id), &c.title));
        out.push((format!("{} summary", c.id), &c.summary));
        for q in &c.questions {
            out.push((format!("{} text", q.id), &q.text));
            out.push((format!("{} help", q.id), &q.help));
        }
    }
    for a in &b.advice {
        out.push((format!("{} title", a.id), &a.title));
        out.push((format!("{} problem", a.id), &a.problem));
        out.push((format!("{} first_step", a.id), &a.first_step));
        for t in &a.actions {
            out.push((format!("{} action", a.id), t));
        }
    }
    for c in &b.contacts {
        out.push((format!("{} name", c.id), &c.name));
        out.push((format!("{} organisation", c.id), &c.organisation));
        out.push((format!("{} handles", c.id), &c.handles));
        out.extend(c.hours.iter().map(|h| (format!("{} hours", c.id), h)));
        out.extend(c.note.iter().map(|n| (format!("{} note", c.id), n)));
    }
    for (k, t) in &b.strings {
        out.push((format!("string {k}"), t));
    }
    for s in &b.situations {
        out.push((format!("situation {} title", s.id), &s.title));
        out.push((format!("situation {} summary", s.id), &s.summary));
        for st in &s.steps {
            out.push((format!("{} text", st.id), &st.text));
            out.push((format!("{} why", st.id), &st.why));
        }
    }
    out
}

/// Sentences of a text: Japanese split at 。, English at ". ".
fn sentences(t: &mamori::model::text::Text) -> Vec<String> {
    let mut out: Vec<String> = t.ja.split('。').map(str::to_string).collect();
    out.extend(t.en.split(". ").map(str::to_string));
    out
}

#[test]
fn the_subcontract_act_is_named_only_beside_its_2026_name() {
    // Since 2026-01-01 下請法 is 中小受託取引適正化法 (取適法); 親事業者 is 委託事業者 and 下請事業者 is
    // 中小受託事業者. An old term may stand only in a sentence that also gives the new one.
    let old_new: [(&str, &[&str]); 5] = [
        ("下請法", &["取適法", "中小受託取引適正化法"]),
        ("下請代金", &["製造委託等代金"]),
        ("親事業者", &["委託事業者"]),
        ("下請事業者", &["中小受託事業者"]),
        ("Subcontract Act", &["Toriteki"]),
    ];
    let b = load_embedded().bundle;
    let mut bad = Vec::new();
    for (at, t) in all_texts(&b) {
        for s in sentences(t) {
            for (old, new) in &old_new {
                if s.contains(old) && !new.iter().any(|n| s.contains(n)) {
                    bad.push(format!("{at}: {s}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
    // The test itself finds an old term on its own.
    let stale = mamori::model::text::Text::new("下請法の保護対象です。", "x");
    assert!(sentences(&stale)
        .iter()
        .any(|s| s.contains("下請法") && !s.contains("取適法")));
}

#[test]
fn no_seed_file_name_in_any_text_users_read() {
    let b = load_embedded().bundle;
    let mut bad = Vec::new();
    for (at, t) in all_texts(&b) {
        for file in mamori::model::schema::SEED_FILES {
            let hex = &file[4..20];
            for s in [&t.ja, &t.en] {
                if s.contains(file) || s.contains(hex) {
                    bad.push(format!("{at}: {file}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn customer_requests_and_patents_apply_to_companies_that_do_not_exhibit() {
    use mamori::model::schema::Answer;
    use mamori::model::scoring::question_applies;
    let b = load_embedded().bundle;
    let a = common::answered(&b, &[("screen.exhibit", Answer::No)]);
    let about = ["取引先", "特許", "出願", "出資", "買収"];
    let exhibit_words = [
        "展示",
        "広告",
        "見学",
        "来訪",
        "来場",
        "パンフレット・カタログ",
    ];
    let mut hidden = Vec::new();
    let mut checked = 0;
    for (c, q) in b.questions() {
        let topical = about.iter().any(|w| q.text.ja.contains(w));
        let on_show = exhibit_words.iter().any(|w| q.text.ja.contains(w));
        if c.kind == ChecklistKind::Detailed && topical && !on_show {
            checked += 1;
            if !question_applies(c, q, &a) {
                hidden.push(q.id.as_str());
            }
        }
    }
    assert!(hidden.is_empty(), "hidden when not exhibiting: {hidden:?}");
    for id in [
        "disclosure.urgent_requests",
        "disclosure.patent_spec",
        "disclosure.customer_pressure",
        "disclosure.prior_use_evidence",
    ] {
        let (c, q) = b.question(id).unwrap();
        assert!(question_applies(c, q, &a), "{id}");
    }
    assert!(checked >= 10, "{checked}");
    // The trade-show questions themselves still depend on exhibiting.
    let (c, q) = b.question("disclosure.decide_beforehand").unwrap();
    assert!(!question_applies(c, q, &a));
}

#[test]
fn trust_means_what_meti_means_not_contract_terms() {
    // 003: 信頼関係の維持・向上等 = work-life balance, communication, awards, sharing leak cases.
    let b = load_embedded().bundle;
    let contract_lists = ["nda", "joint_dev", "license"];
    let mut bad = Vec::new();
    for (c, q) in b.questions() {
        let contract = contract_lists.contains(&c.id.as_str()) || q.text.ja.contains("契約");
        if contract && q.objectives.contains(&Objective::Trust) {
            bad.push(q.id.as_str());
        }
    }
    assert!(bad.is_empty(), "{bad:?}");
    let trust: Vec<&str> = b
        .questions()
        .filter(|(_, q)| q.objectives.contains(&Objective::Trust))
        .map(|(_, q)| q.id.as_str())
        .collect();
    assert!(
        trust.contains(&"rules.trust") && trust.len() >= 3,
        "{trust:?}"
    );
}

/// Character 3-grams of a text.
fn trigrams(s: &str) -> std::collections::BTreeSet<String> {
    let c: Vec<char> = s.chars().collect();
    c.windows(3).map(|w| w.iter().collect()).collect()
}

fn jaccard(a: &str, b: &str) -> f64 {
    let (x, y) = (trigrams(a), trigrams(b));
    let union = x.union(&y).count();
    if union == 0 {
        return 0.0;
    }
    x.intersection(&y).count() as f64 / union as f64
}

#[test]
fn no_two_questions_ask_the_same_thing() {
    // Japanese question texts sharing more than 30 % of their character 3-grams (Jaccard) are
    // treated as the same question, unless listed here with the reason they differ.
    const THRESHOLD: f64 = 0.30;
    let allowed: [(&str, &str, &str); 2] = [
        (
            "quick.rules",
            "rules.training",
            "the leaflet's quick-check item asks whether rules exist; the detailed one whether staff are taught them",
        ),
        (
            "quick.rules",
            "rules.responsible",
            "the leaflet's quick-check item asks whether rules exist; the detailed one whether someone is in charge",
        ),
    ];
    let b = load_embedded().bundle;
    let qs: Vec<(&str, &str)> = b
        .questions()
        .map(|(_, q)| (q.id.as_str(), q.text.ja.as_str()))
        .collect();
    let mut close = Vec::new();
    for (i, (a, ta)) in qs.iter().enumerate() {
        for (bq, tb) in &qs[i + 1..] {
            let j = jaccard(ta, tb);
            let listed = allowed
                .iter()
                .any(|(x, y, why)| !why.is_empty() && ((x, y) == (a, bq) || (y, x) == (a, bq)));
            if j > THRESHOLD && !listed {
                close.push(format!("{a} ~ {bq}: {j:.2}"));
            }
        }
    }
    assert!(close.is_empty(), "{close:#?}");
    // Each listed pair is still in the questionnaire, so the list does not go stale.
    for (x, y, _) in allowed {
        assert!(
            b.question(x).is_some() && b.question(y).is_some(),
            "{x} {y}"
        );
    }
    // The measure catches a near-copy.
    let t = &b.question("nda.ledger").unwrap().1.text.ja;
    assert!(jaccard(t, &t.replace("管理台帳", "台帳")) > THRESHOLD);
}

#[test]
fn the_topics_the_sources_cover_have_their_questions() {
    // (question, what it covers, seed file it must cite)
    let topics = [
        (
            "inventory.export_control",
            "外為法の該非判定",
            "004_56c9afb971f0114f.txt",
        ),
        (
            "inventory.core_abroad",
            "コア技術の海外移転",
            "004_56c9afb971f0114f.txt",
        ),
        (
            "rules.publications",
            "論文・出版物・副業",
            "004_56c9afb971f0114f.txt",
        ),
        (
            "disclosure.investment_talks",
            "買収・資本提携",
            "004_56c9afb971f0114f.txt",
        ),
        (
            "rules.visible_workplace",
            "座席配置・防犯カメラ・整理整頓",
            "003_311f4a32c2067400.txt",
        ),
        (
            "rules.leak_remedies",
            "差止め・損害賠償・営業秘密保護対策官",
            "003_311f4a32c2067400.txt",
        ),
        (
            "pc.limited_data",
            "限定提供データ",
            "003_311f4a32c2067400.txt",
        ),
        (
            "rules.owner_talk",
            "陸王: 社長自身の不用意な話",
            "000_2e82ae27a30af10f.txt",
        ),
    ];
    let b = load_embedded().bundle;
    for (id, what, file) in topics {
        let (_, q) = b
            .question(id)
            .unwrap_or_else(|| panic!("{id} ({what}) missing"));
        assert_eq!(q.source.file, file, "{id}");
        assert!(!q.advice.is_empty(), "{id}");
    }
    let linked = |advice: &str| {
        b.questions()
            .filter(|(_, q)| q.advice.iter().any(|a| a == advice))
            .count()
    };
    let leak = b
        .advice("leak_suspected")
        .expect("the leak-response advice");
    assert!(linked("leak_suspected") >= 2);
    assert!(leak.contacts.iter().any(|c| c == "eigyo_himitsu_110"));
    let jetro_linked = b
        .questions()
        .any(|(_, q)| q.contacts.iter().any(|c| c == "jetro_china"))
        || b.advice
            .iter()
            .any(|a| a.contacts.iter().any(|c| c == "jetro_china"));
    assert!(jetro_linked, "jetro_china is linked from nothing");
}

/// A seed file name or its hex part, if `text` contains one.
fn seed_id_in(text: &str) -> Option<&'static str> {
    mamori::model::schema::SEED_FILES
        .into_iter()
        .find(|f| text.contains(f) || text.contains(&f[4..20]))
}

#[test]
fn score_and_list_output_name_documents_by_title_never_by_file() {
    let kohazeya = common::root().join("examples/workshop/kohazeya.ron");
    let k = common::p(&kohazeya);
    for args in [
        vec!["score", k],
        vec!["score", k, "--lang", "en"],
        vec!["score", k, "--json"],
        vec!["score", k, "--json", "--lang", "en"],
        vec!["list"],
        vec!["list", "--json"],
    ] {
        let out = common::mamori(&args);
        assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
        let text = common::stdout(&out);
        assert_eq!(seed_id_in(&text), None, "{args:?}");
    }
    let list = common::stdout(&common::mamori(&["list", "--json"]));
    assert!(
        list.contains("INPIT『営業秘密110番』リーフレット(2019年)"),
        "titles are shown"
    );
}
