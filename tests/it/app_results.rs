//! The results page, top first: the score with 「回答済み N / M」 (the same count as the PDF's
//! cover), the verdict, the three actions to take first, the one desk to call; below, the
//! findings grouped by action and each desk named once.

use crate::common::ui::{harness_in, has_text, s, start_new};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{DocCommand, MamoriApp, Nav, Screen};
use mamori::model::assessment::Mode;
use mamori::model::date::Date;
use mamori::model::load::load_embedded;
use mamori::model::plan::ActionPlan;
use mamori::model::schema::{Answer, ChecklistKind};
use mamori::model::scoring::score_on;
use mamori::model::text::Lang;

/// The top of the label whose text is exactly `text`.
fn top_of(h: &Harness<'_, MamoriApp>, text: &str) -> f32 {
    first_rect(h, text).top()
}

/// How many widgets' labels contain `text`.
fn count(h: &Harness<'_, MamoriApp>, text: &str) -> usize {
    h.query_all_by_label_contains(text).count()
}

#[test]
fn the_top_says_score_progress_verdict_first_actions_and_one_desk() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_in(dir.path(), Mode::SelfCheck);
    start_new(&mut h, "株式会社結果");
    let answers = [
        ("quick.rules", Answer::No),
        ("quick.pc", Answer::No),
        ("quick.departing", Answer::Partly),
        ("quick.marking", Answer::Yes),
        ("quick.disclosure", Answer::No),
    ];
    for (q, a) in answers {
        h.state_mut().send(DocCommand::Answer(q.into(), a));
        h.run();
    }
    h.state_mut().send(Nav::Enter(Screen::Results));
    h.run();
    let b = load_embedded().bundle;
    let a = h.state().doc.as_ref().unwrap().assessment.clone();
    let r = score_on(&b, &a, Date::today());
    // The count by hand: the applicable questions of the scored checklists; five answered.
    let applicable: usize = r
        .checklists
        .iter()
        .filter(|c| c.kind != ChecklistKind::Screening)
        .map(|c| c.applicable)
        .sum();
    assert_eq!(r.progress(), (5, applicable));
    let progress = format!("{} 5 / {applicable}", s(&h, "score.answered"));
    assert!(has_text(&h, &progress), "{progress}");
    // The same numbers as the PDF's cover.
    let cover = b
        .s("report.progress_value", Lang::Ja)
        .replace("{answered}", "5")
        .replace("{applicable}", &applicable.to_string());
    let options = mamori::report::ReportOptions {
        lang: Lang::Ja,
        adviser_copy: false,
        today: Date::today(),
    };
    let pdf = mamori::report::render(&b, &a, &options).unwrap();
    let text = crate::common::pdf::all_text(&pdf);
    assert!(
        crate::common::pdf::has(&text, &cover),
        "{cover} not in the PDF"
    );

    // The verdict, then the three actions to take first with their first steps, then the
    // desk to call — all above the checklists' bars and the findings.
    let plan = ActionPlan::of(&b, &a, &r);
    assert!(plan.actions.len() >= 3);
    let verdict = top_of(&h, &progress);
    let bars = top_of(&h, &s(&h, "score.checklists"));
    let findings = top_of(&h, &s(&h, "ui.findings_by_action"));
    for (i, action) in plan.top3().iter().enumerate() {
        let line = format!("{}. {}", i + 1, action.title.get(Lang::Ja));
        let first = h.query_all_by_label(&line).next().unwrap().rect().top();
        assert!(verdict < first && first < bars, "{line}");
        assert!(has_text(&h, action.first_step().text.get(Lang::Ja)));
    }
    let (id, recommended) = r.desk_to_call().unwrap();
    assert!(recommended, "weak points: a desk is recommended");
    let desk = b.contact(id).unwrap();
    let call = format!("{}: {}", s(&h, "report.call"), desk.name.get(Lang::Ja));
    let call_top = h
        .query_all_by_label_contains(&call)
        .next()
        .unwrap()
        .rect()
        .top();
    assert!(verdict < call_top && call_top < bars);
    // The consultation card lists this company's weak quick-check items.
    let weak = b.question("quick.pc").unwrap().1.text.get(Lang::Ja);
    let weak_top = top_of(&h, &format!("・{weak}"));
    assert!(weak_top < bars);

    // Below: the findings grouped by action, each action's title once more above its
    // cards, and every desk named once, not on every card.
    assert!(bars < findings);
    for (i, action) in plan.actions.iter().enumerate() {
        let line = format!("{}. {}", i + 1, action.title.get(Lang::Ja));
        assert!(count(&h, &line) >= 1, "{line}");
    }
    let phone = desk.phone_display(Lang::Ja).unwrap();
    assert!(
        count(&h, &phone) <= 2,
        "the desk to call and the list of desks name {phone}, the cards do not"
    );
    assert!(has_text(&h, &s(&h, "ui.findings_desks")));
}

/// The pages reuse the last score while the check is unchanged, and never show a stale one:
/// after any edit the cached view scores exactly like `score_on`.
#[test]
fn the_score_cache_follows_every_edit() {
    use mamori::app::view::{ScoreCache, View};
    use mamori::app::Prefs;
    let b = load_embedded().bundle;
    let cache = ScoreCache::default();
    let prefs = Prefs::default();
    let v = View::new(&b, &prefs, &cache, false);
    let mut a = mamori::model::assessment::Assessment::new(&b, v.today);
    assert_eq!(v.score(&a), score_on(&b, &a, v.today));
    let ids: Vec<String> = b.checklists[1]
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        let answer = if i % 2 == 0 { Answer::Yes } else { Answer::No };
        a.answers.entry(id.clone()).or_default().value = Some(answer);
        let cached = v.score(&a);
        assert_eq!(cached, score_on(&b, &a, v.today), "after answering {id}");
        assert_eq!(v.score(&a), cached, "asked twice");
    }
    a.company.prefecture = "大阪府".into();
    assert_eq!(
        v.score(&a),
        score_on(&b, &a, v.today),
        "after the prefecture"
    );
}

/// With nothing answered, a progress bar is an empty track with at most a sliver of fill,
/// not a filled circle under its first character (egui's default rounding makes the
/// smallest fill as wide as the bar is tall).
#[test]
fn progress_bars_at_zero_are_not_circles() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = crate::common::ui::harness(dir.path());
    start_new(&mut h, "円株式会社");
    h.state_mut().send(Nav::Go(Screen::Overview));
    h.run();
    let visuals = h.ctx.global_style().visuals.clone();
    let rects: Vec<egui::epaint::RectShape> = h
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::epaint::Shape::Rect(r) => Some(r.clone()),
            _ => None,
        })
        .collect();
    // A bar: its track (the darkest background) and, starting at the same corner with the
    // same height, its fill.
    let tracks = rects.iter().filter(|r| r.fill == visuals.extreme_bg_color);
    let mut bars = 0;
    for track in tracks {
        let fills = rects.iter().filter(|r| {
            r.fill == visuals.selection.bg_fill
                && r.rect.min == track.rect.min
                && (r.rect.height() - track.rect.height()).abs() < 0.5
        });
        for f in fills {
            bars += 1;
            assert!(
                f.rect.width() < f.rect.height() / 2.0,
                "a fill {:?} as wide as a circle at 0 answers",
                f.rect
            );
        }
    }
    assert!(bars > 0, "the overview has progress bars");
}

#[test]
fn the_score_and_verdict_are_never_broken_inside_a_word_in_the_projector() {
    use crate::common::ui::harness_sized;
    use mamori::app::Prefs;
    let dir = tempfile::tempdir().unwrap();
    let b = load_embedded().bundle;
    let a = crate::common::all(&b, Answer::No);
    let path = dir.path().join("要対策.ron");
    a.save(&path).unwrap();
    let mut h = harness_sized(dir.path(), Prefs::default(), [1100.0, 2000.0]);
    h.state_mut().open(&path);
    h.state_mut().send(Nav::Enter(Screen::Results));
    h.state_mut().send(Nav::TogglePresentation);
    h.run();
    assert!(h.state().presentation);
    let verdict = format!(
        "{}:{}",
        s(&h, "verdict.heading"),
        s(&h, "band.action_needed")
    );
    let overall = format!("{} 0 / 100", s(&h, "score.overall"));
    // Across widths, each large label stays one line (as tall as the score): once, at the
    // projector's width, 「判定 要対策」 broke into 「判定 要対」 and 「策」.
    for width in (640..=1400).step_by(20) {
        h.set_size(egui::vec2(width as f32, 2000.0));
        h.run();
        let one_line = first_rect(&h, &overall).height();
        let r = first_rect(&h, &verdict);
        assert!(
            r.height() < one_line * 1.3,
            "at {width} px the verdict is {} tall, one line is {one_line}",
            r.height()
        );
    }
}

/// The rectangle of the first label whose text is exactly `label`.
fn first_rect(h: &Harness<'_, MamoriApp>, label: &str) -> egui::Rect {
    h.query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no '{label}'"))
        .rect()
}

#[test]
fn the_english_verdict_reads_verdict_colon_word() {
    use crate::common::ui::harness_sized;
    use mamori::app::Prefs;
    let dir = tempfile::tempdir().unwrap();
    let b = load_embedded().bundle;
    let path = dir.path().join("a.ron");
    crate::common::all(&b, Answer::No).save(&path).unwrap();
    let prefs = Prefs {
        lang: Lang::En,
        ..Prefs::default()
    };
    let mut h = harness_sized(dir.path(), prefs, [1100.0, 4000.0]);
    h.state_mut().open(&path);
    for screen in [Screen::Overview, Screen::Results] {
        h.state_mut().send(Nav::Go(screen));
        h.run();
        let shown = count(&h, "Verdict: Action needed");
        assert_eq!(shown, 1, "{:?}", h.state().screen);
    }
}
