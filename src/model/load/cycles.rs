//! Conditions that depend on themselves: question A applies when B is answered, and B when A
//! is (or checklist X applies after a question of Y, and Y after one of X). With such a
//! cycle, whether the items apply depends on themselves: answered "no" both hide each other
//! and a weak answer (a critical finding) disappears. Every cycle is reported once.

use std::collections::{BTreeSet, HashMap};

use super::source::{Known, Loader, Span, Spans};
use crate::model::schema::Bundle;

/// One item that can carry a condition.
struct Node {
    /// As in messages: "question 'a.x'", "checklist 'a'".
    what: String,
    span: Span,
    /// The items it depends on.
    edges: Vec<usize>,
}

/// The items and their dependencies: an item depends on the questions its condition names,
/// and a question also on its checklist (it applies only where its checklist applies).
fn graph(bundle: &Bundle, spans: &Spans) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut checklist_at = HashMap::new();
    let mut question_at = HashMap::new();
    for (c, &span) in bundle.checklists.iter().zip(&spans.checklists) {
        checklist_at.insert(c.id.as_str(), nodes.len());
        nodes.push(Node {
            what: format!("checklist '{}'", c.id),
            span,
            edges: Vec::new(),
        });
    }
    for (c, q) in bundle.questions() {
        let Some(&span) = spans.first_question.get(&q.id) else {
            continue;
        };
        question_at.entry(q.id.as_str()).or_insert(nodes.len());
        nodes.push(Node {
            what: format!("question '{}'", q.id),
            span,
            edges: checklist_at
                .get(c.id.as_str())
                .copied()
                .into_iter()
                .collect(),
        });
    }
    let named = |cond: Option<&crate::model::schema::Condition>| -> Vec<usize> {
        cond.map(|c| c.questions())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|id| question_at.get(id).copied())
            .collect()
    };
    let mut extra: Vec<(usize, Vec<usize>)> = Vec::new();
    for c in &bundle.checklists {
        extra.push((checklist_at[c.id.as_str()], named(c.applies_if.as_ref())));
    }
    for (_, q) in bundle.questions() {
        if let Some(&i) = question_at.get(q.id.as_str()) {
            extra.push((i, named(q.applies_if.as_ref())));
        }
    }
    for (i, mut e) in extra {
        nodes[i].edges.append(&mut e);
    }
    nodes
}

/// The cycles of the graph, each as the list of its items in order (found by a depth-first
/// walk; each set of items once).
fn cycles(nodes: &[Node]) -> Vec<Vec<usize>> {
    // 0: not seen, 1: on the current path, 2: done.
    let mut state = vec![0u8; nodes.len()];
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut seen: BTreeSet<Vec<usize>> = BTreeSet::new();
    for start in 0..nodes.len() {
        if state[start] != 0 {
            continue;
        }
        // The path, each item with the next edge to follow.
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = path.last_mut() {
            let Some(&to) = nodes[node].edges.get(*next) else {
                state[node] = 2;
                path.pop();
                continue;
            };
            *next += 1;
            match state[to] {
                0 => {
                    state[to] = 1;
                    path.push((to, 0));
                }
                1 => {
                    let from = path.iter().position(|(n, _)| *n == to).unwrap_or(0);
                    let cycle: Vec<usize> = path[from..].iter().map(|(n, _)| *n).collect();
                    let mut key = cycle.clone();
                    key.sort_unstable();
                    if seen.insert(key) {
                        found.push(cycle);
                    }
                }
                _ => {}
            }
        }
    }
    found
}

/// Reports every cycle of conditions, at the first of its items that has a condition.
pub(super) fn condition_cycles(loader: &mut Loader, bundle: &Bundle, spans: &Spans, _: &Known) {
    let nodes = graph(bundle, spans);
    for cycle in cycles(&nodes) {
        let chain: Vec<&str> = cycle
            .iter()
            .chain(cycle.first())
            .map(|&i| nodes[i].what.as_str())
            .collect();
        let at = &nodes[cycle[0]];
        loader.report(
            at.span,
            &["applies_if:"],
            format!(
                "{}: the conditions form a cycle: {}",
                at.what,
                chain.join(" → ")
            ),
            "Whether these items apply would depend on themselves (answered no, they hide each other and their findings). Make each condition depend on a screening question instead",
        );
    }
}
