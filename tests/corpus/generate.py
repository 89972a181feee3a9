#!/usr/bin/env python3
"""Writes the bad-input corpus (tests/corpus/{questionnaire,assessment}/) and its table
(tests/corpus/expect.tsv) from the shipped files. Run from the repository root:
    python3 tests/corpus/generate.py
The 50 MB file and the deepest nesting are made by tests/bad_input.rs at run time instead."""
import os, random, json

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "corpus")
rng = random.Random(5)

def read(p):
    with open(os.path.join(ROOT, p), "rb") as f:
        return f.read()

def sub(text, old, new, count=1):
    assert old in text, old
    return text.replace(old, new, count)

PDF = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages"
       b" /Kids [] /Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R >>"
       b"\nstartxref\n110\n%%EOF\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(rng.randrange(256) for _ in range(200))
JUNK = bytes(rng.randrange(256) for _ in range(4096))

rows = []  # (kind, name, target, expect)

def put(kind, name, data, target, expect):
    d = os.path.join(OUT, kind)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
    rows.append((kind, name, target, expect))

# ---------- questionnaire files (each replaces TARGET in the built-in folder) ----------
RULES = "checklists/10_rules.ron"
B = read("questionnaires/" + RULES).decode("utf-8")
Q = lambda name, data, expect, target=RULES: put("questionnaire", name, data, target, expect)

Q("empty.ron", "", "empty")
Q("whitespace-only.ron", "   \n\n\t  \n", "empty")
Q("comment-only.ron", "// nothing but a comment\n", "empty")
Q("truncated-half.ron", B[: len(B) // 2], "cut off")
Q("truncated-10-bytes.ron", B[:10], "empty")
Q("truncated-mid-string.ron", B[: B.index("秘密情報の扱い方") + 4], "string")
Q("missing-last-paren.ron", B.rstrip()[:-1], "end")
Q("order-is-text.ron", sub(B, "order: 10,", 'order: "ten",'), "expected")
Q("weight-is-text.ron", sub(B, "weight: 1.0,", 'weight: "heavy",'), "expected")
Q("question-weight-is-text.ron", sub(B, "weight: 3,", 'weight: "3",'), "expected")
Q("critical-is-yes.ron", sub(B, "critical: true,", "critical: yes,"), "expected")
Q("unknown-objective.ron", sub(B, "objectives: [Awareness],", "objectives: [Bravery],"), "bravery")
Q("unknown-legal.ron", sub(B, "legal: [SecrecyManagement],", "legal: [Secrecy],"), "secrecy")
Q("unknown-kind.ron", sub(B, "kind: Detailed,", "kind: Big,"), "big")
Q("unknown-checklist-field.ron", sub(B, "    order: 10,\n", '    order: 10,\n    colour: "red",\n'), "colour")
Q("unknown-question-field.ron", sub(B, "            weight: 3,\n", "            weight: 3,\n            extra: 1,\n"), "extra")
Q("missing-order.ron", sub(B, "    order: 10,\n", ""), "order")
Q("missing-question-weight.ron", sub(B, "            weight: 3,\n", ""), "weight")
Q("duplicate-field.ron", sub(B, "    order: 10,\n", "    order: 10,\n    order: 11,\n"), "order")
Q("duplicate-question-id.ron", sub(B, 'id: "rules.leadership"', 'id: "rules.written_policy"'), "used twice")
Q("duplicate-checklist-id.ron", sub(B, 'id: "rules",', 'id: "quick",'), "used twice")
Q("dangling-advice.ron", sub(B, 'advice: ["rules_policy"],', 'advice: ["no_such_advice"],'), "does not exist")
Q("dangling-contact.ron", sub(B, '"eigyo_himitsu_110", "chizai_sogo"', '"no_such_desk", "chizai_sogo"'), "does not exist")
Q("unknown-source-file.ron", sub(B, 'file: "001_1578f215ca40627e.txt"', 'file: "999_missing.txt"'), "999_missing.txt")
Q("empty-japanese-text.ron", sub(B, 'ja: "社内ルールと体制",', 'ja: "",'), "empty")
Q("condition-unknown-question.ron", sub(B, 'question: "screen.partners"', 'question: "screen.nobody"'), "does not exist")
Q("question-id-wrong-prefix.ron", sub(B, 'id: "rules.leadership"', 'id: "pc.leadership"'), "rules.")
Q("negative-weight.ron", sub(B, "weight: 1.0,", "weight: -1.0,"), "outside")
Q("question-weight-9.ron", sub(B, "weight: 3,", "weight: 9,"), "1–3")
Q("empty-id.ron", sub(B, 'id: "rules",', 'id: "",'), "not valid")
Q("no-questions.ron", B[: B.index("    questions: [")] + "    questions: [],\n)\n", "no questions")
Q("unterminated-string.ron", sub(B, 'en: "Internal rules and organisation",', 'en: "Internal rules and organisation,'), "")
Q("unterminated-block-comment.ron", "/* " + B, "comment")
Q("second-value-after-end.ron", B + "\nChecklist()\n", "trailing")
Q("invalid-utf8.ron", B.encode("utf-8")[:200] + b"\xff\xfe" + B.encode("utf-8")[200:], "utf-8")
Q("shift-jis.ron", B.encode("shift_jis", errors="replace"), "utf-8")
Q("utf16-with-bom.ron", B.encode("utf-16"), "utf-8")
Q("binary-junk.ron", JUNK, "utf-8")
Q("nul-bytes.ron", b"\x00" * 64, "")
Q("pdf-renamed.ron", PDF, "")
Q("png-renamed.ron", PNG, "utf-8")
Q("zip-renamed.ron", ZIP, "utf-8")
Q("json-instead-of-ron.ron", json.dumps({"id": "rules", "order": 10, "questions": []}), "expected opening")
Q("nested-conditions-200.ron", sub(B, 'applies_if: Some(AnswerIn(question: "screen.partners", any_of: [Yes, Partly, Unknown])),',
    "applies_if: Some(" + "All([" * 200 + 'AnswerIn(question: "screen.partners", any_of: [Yes])' + "])" * 200 + "),"), "recursion")
Q("nested-brackets-5000.ron", "[" * 5000 + "]" * 5000, "expected opening")
Q("nested-in-questions-5000.ron", sub(B, "    questions: [\n", "    questions: [\n" + "[" * 5000 + "]" * 5000 + ",\n"), "recursion")
Q("questionnaire-wrong-type.ron", sub(read("questionnaires/questionnaire.ron").decode(), "version: 1,", 'version: "one",'), "expected", "questionnaire.ron")
Q("questionnaire-bad-id.ron", sub(read("questionnaires/questionnaire.ron").decode(), 'id: "mamori",', 'id: "Mamori Check!",'), "not valid", "questionnaire.ron")
C = read("questionnaires/contacts.ron").decode()
Q("contacts-truncated.ron", C[: len(C) // 3], "end", "contacts.ron")
Q("contacts-duplicate-id.ron", sub(C, 'id: "eigyo_himitsu_110",', 'id: "chizai_sogo",'), "used twice", "contacts.ron")
Q("contacts-bad-phone.ron", sub(C, 'phone: Some("0570-082100"),', 'phone: Some("call us!"),'), "phone", "contacts.ron")
Q("contacts-unknown-region.ron", sub(C, '"兵庫県", "奈良県"', '"兵庫県", "近畿地方", "奈良県"'), "not the name of a prefecture", "contacts.ron")
Q("contacts-missing-kind.ron", sub(C, "        kind: Information,\n", "", 1), "kind", "contacts.ron")
A = read("questionnaires/advice/cases.ron").decode()
Q("advice-case-number-mismatch.ron", sub(A, "case_no: Some(1),", "case_no: Some(3),"), "case_no", "advice/cases.ron")
S = read("questionnaires/strings.ron").decode()
Q("strings-missing-key.ron", sub(S, '    "answer.yes": (ja: "はい・実施している", en: "Yes, in place"),\n', ""), "answer.yes", "strings.ron")
Q("strings-missing-english.ron", sub(S, '"answer.yes": (ja: "はい・実施している", en: "Yes, in place"),', '"answer.yes": (ja: "はい・実施している"),'), "en", "strings.ron")
# Valid files in other encodings of line ends / with a BOM: these must LOAD.
Q("ok-utf8-bom.ron", b"\xef\xbb\xbf" + B.encode("utf-8"), "OK")
Q("ok-crlf.ron", B.replace("\n", "\r\n"), "OK")
Q("ok-bom-crlf.ron", b"\xef\xbb\xbf" + B.replace("\n", "\r\n").encode("utf-8"), "OK")

# ---------- assessment files ----------
E = read("examples/assessment.ron").decode("utf-8")
X = lambda name, data, expect: put("assessment", name, data, "-", expect)
X("empty.ron", "", "empty")
X("whitespace-only.ron", "\n  \n", "empty")
X("comment-only.ron", "// mamori assessment file\n", "empty")
X("truncated-half.ron", E[: len(E) // 2], "cut off")
X("truncated-20-bytes.ron", E[:20], "empty")
X("truncated-after-header.ron", E[: E.index("    questionnaire:")], "cut off")
X("truncated-mid-string.ron", E[: E.index("株式会社サンプル精工") + 3], "string")
X("missing-last-paren.ron", E.rstrip()[:-1], "end")
X("version-is-text.ron", sub(E, "format_version: 2,", 'format_version: "2",'), "expected")
X("version-zero.ron", sub(E, "format_version: 2,", "format_version: 0,"), "format_version 0")
X("version-99.ron", sub(E, "format_version: 2,", "format_version: 99,"), "99")
X("version-negative.ron", sub(E, "format_version: 2,", "format_version: -1,"), "")
X("missing-version.ron", sub(E, "    format_version: 2,\n", ""), "format_version")
X("missing-date.ron", sub(E, '    date: "2026-11-22",\n', ""), "date")
X("missing-questionnaire.ron", E[: E.index("    questionnaire:")] + E[E.index("    company:"):], "questionnaire")
X("bad-date.ron", sub(E, '"2026-11-22"', '"2026-02-30"'), "2026-02-30")
X("date-wrong-format.ron", sub(E, '"2026-11-22"', '"22/11/2026"'), "22/11/2026")
X("date-is-number.ron", sub(E, '"2026-11-22"', "20261122"), "expected")
X("unknown-mode.ron", sub(E, "mode: SelfCheck,", "mode: Boss,"), "boss")
X("unknown-answer.ron", sub(E, "value: Some(Yes),", "value: Some(Maybe),"), "maybe")
X("answer-is-bool.ron", sub(E, "value: Some(Yes),", "value: true,"), "expected")
X("unknown-top-field.ron", sub(E, "    mode: SelfCheck,\n", "    mode: SelfCheck,\n    colour: \"red\",\n"), "colour")
X("unknown-company-field.ron", sub(E, "        prefecture: \"\",\n", "        prefecture: \"\",\n        capital: 100,\n"), "capital")
X("unknown-answer-field.ron", sub(E, "            review_later: false,\n", "            review_later: false,\n            score: 3,\n"), "score")
X("duplicate-field.ron", sub(E, "    mode: SelfCheck,\n", "    mode: SelfCheck,\n    mode: Adviser,\n"), "mode")
X("duplicate-answer-id.ron", sub(E, '        "quick.disclosure": AnswerEntry(', '        "quick.departing": AnswerEntry('), "quick.departing")
X("review-later-is-text.ron", sub(E, "review_later: false,", 'review_later: "no",'), "expected")
X("staff-band-unknown.ron", sub(E, "staff_band: None,", "staff_band: Some(Huge),"), "huge")
X("answers-is-list.ron", sub(E, "    answers: {", "    answers: [", 1).replace("    },\n    adviser", "    ],\n    adviser"), "expected")
X("unterminated-string.ron", sub(E, '"株式会社サンプル精工"', '"株式会社サンプル精工'), "string")
X("unterminated-block-comment.ron", "/* " + E, "comment")
X("second-value-after-end.ron", E + "\nAssessment()\n", "trailing")
X("questionnaire-file-instead.ron", read("questionnaires/questionnaire.ron"), "")
X("checklist-file-instead.ron", read("questionnaires/" + RULES), "")
X("invalid-utf8.ron", E.encode("utf-8")[:150] + b"\xc3\x28" + E.encode("utf-8")[150:], "utf-8")
X("shift-jis.ron", E.encode("shift_jis", errors="replace"), "utf-8")
X("utf16-with-bom.ron", E.encode("utf-16"), "utf-8")
X("binary-junk.ron", JUNK, "utf-8")
X("nul-bytes.ron", b"\x00" * 64, "")
X("pdf-renamed.ron", PDF, "")
X("png-renamed.ron", PNG, "utf-8")
X("zip-renamed.ron", ZIP, "utf-8")
X("json-instead-of-ron.ron", json.dumps({"format_version": 2, "date": "2026-11-22"}), "expected opening")
X("nested-brackets-5000.ron", "(" * 5000 + ")" * 5000, "")
X("nested-unknown-field-5000.ron", sub(E, "Assessment(\n", "Assessment(\n    deep: " + "[" * 5000 + "]" * 5000 + ",\n"), "deep")
X("nested-in-note-field.ron", sub(E, 'note: "",', "note: " + "[" * 300 + "]" * 300 + ",", 1), "")
X("ok-utf8-bom.ron", b"\xef\xbb\xbf" + E.encode("utf-8"), "OK")
X("ok-crlf.ron", E.replace("\n", "\r\n"), "OK")
X("ok-bom-crlf.ron", b"\xef\xbb\xbf" + E.replace("\n", "\r\n").encode("utf-8"), "OK")
X("ok-format-v1.ron", sub(E, "format_version: 2,", "format_version: 1,"), "OK")

with open(os.path.join(OUT, "expect.tsv"), "w", encoding="utf-8") as f:
    f.write("# kind\tfile\treplaces (questionnaire files)\texpected in the message, lower case ('' = any clear error; OK = must load)\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
bad = {k: sum(1 for r in rows if r[0] == k and r[3] != "OK") for k in ("questionnaire", "assessment")}
print(f"wrote {len(rows)} files; bad: {bad}")
