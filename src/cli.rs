//! The `mamori` command line. [`run`] parses arguments and writes to the given writers, so
//! tests call it directly; `main.rs` is thin glue around it.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use clap::{Parser, Subcommand};
use serde_json::{json, Value};

use crate::model::assessment::{Assessment, Mode};
use crate::model::date::Date;
use crate::model::load::{load_dir, load_embedded, LoadOutcome};
use crate::model::schema::{Answer, Bundle};
use crate::model::scoring::{score, Band, ScoreReport, GOOD_FROM, IMPROVE_FROM};
use crate::model::text::Lang;

mod secure;
mod teams;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "mamori",
    version,
    about = "mamori (守り): trade-secret and IP-partnership self-check for small companies",
    long_about = None
)]
pub struct Cli {
    /// Load questionnaires from this folder instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub questionnaires: Option<PathBuf>,
    /// App: open this assessment file at start.
    #[arg(long, value_name = "FILE")]
    pub open: Option<PathBuf>,
    /// App: draw the page given by --screen in a real window, save it as PNG, and exit.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// App: the page for --screenshot or --bench (start, overview, question, results, cases, contacts, settings).
    #[arg(long, default_value = "start", value_parser = ["start", "overview", "question", "results", "cases", "contacts", "settings"])]
    pub screen: String,
    /// App: the language for --screenshot or --bench (ja or en).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// App: measure start-up and frame times in a real window, print them, and exit.
    #[arg(long)]
    pub bench: bool,
    /// App: text size in percent (100–200), e.g. 200 for a projector; saved as the preference.
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u16).range(100..=200))]
    pub text_size: Option<u16>,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate questionnaires (the built-in ones, or DIR); list every error.
    Check {
        /// A questionnaire folder (default: the built-in questionnaires).
        dir: Option<PathBuf>,
    },
    /// List questionnaires, checklists, question ids and texts, and advice links.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Language of the texts: ja or en.
        #[arg(long, default_value = "ja", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Write a new, empty assessment file.
    New {
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Company name.
        #[arg(long)]
        company: Option<String>,
        /// Who fills it in.
        #[arg(long)]
        assessor: Option<String>,
        /// self, adviser or workshop.
        #[arg(long, default_value = "self", value_parser = parse_mode)]
        mode: Mode,
        /// Date of the assessment, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Overwrite FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Set one answer in an assessment file, in place.
    Answer {
        /// The assessment file.
        file: PathBuf,
        /// The question id (see `mamori list`).
        question_id: String,
        /// yes, partly, no, unknown or na.
        #[arg(value_parser = parse_answer)]
        value: Answer,
        /// A note to keep with the answer.
        #[arg(long)]
        note: Option<String>,
        /// Flag the question to review later.
        #[arg(long, conflicts_with = "no_review_later")]
        review_later: bool,
        /// Clear the review-later flag.
        #[arg(long)]
        no_review_later: bool,
        /// The passphrase of an encrypted file (it stays encrypted): the first line of FILE.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Score an assessment: checklists, overall band, findings, desks, the to-confirm list.
    Score {
        /// The assessment file.
        file: PathBuf,
        /// Print JSON (field names documented in docs/cli.md).
        #[arg(long)]
        json: bool,
        /// Language of the texts: ja or en.
        #[arg(long, default_value = "ja", value_parser = parse_lang)]
        lang: Lang,
        /// The passphrase of an encrypted file: the first line of this file.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Export the findings (one row per finding) and the information inventory as CSV.
    Export {
        /// The assessment file.
        file: PathBuf,
        /// The findings CSV to write; the inventory goes next to it as NAME-inventory.csv.
        #[arg(long, value_name = "OUT.csv")]
        csv: PathBuf,
        /// Language of the texts: ja or en.
        #[arg(long, default_value = "ja", value_parser = parse_lang)]
        lang: Lang,
        /// The passphrase of an encrypted FILE: the first line of this file.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Merge a workshop class into one anonymous picture (files or folders of .ron files).
    Aggregate {
        /// Assessment files, or folders holding them.
        #[arg(required = true, value_name = "FILES")]
        files: Vec<PathBuf>,
        /// Print JSON (format mamori-aggregate/1, documented in docs/cli.md).
        #[arg(long)]
        json: bool,
        /// Also write the class report as PDF.
        #[arg(long, value_name = "class.pdf")]
        out: Option<PathBuf>,
        /// Language of the texts: ja or en.
        #[arg(long, default_value = "ja", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Compare visits to one company: the newest file first, then older ones.
    Compare {
        /// The newest assessment.
        new: PathBuf,
        /// The previous visit, then any earlier ones.
        #[arg(required = true, value_name = "OLD")]
        old: Vec<PathBuf>,
        /// Language of the texts: ja or en.
        #[arg(long, default_value = "ja", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Write the PDF report of an assessment (A4; see docs/report.md).
    Report {
        /// The assessment file.
        file: PathBuf,
        /// The PDF file to write (replaced atomically if it exists).
        #[arg(long, value_name = "OUT.pdf")]
        out: PathBuf,
        /// Language of the report: ja or en.
        #[arg(long, default_value = "ja", value_parser = parse_lang)]
        lang: Lang,
        /// The adviser's copy: include the private notes (never hand this one to the company).
        #[arg(long)]
        adviser_copy: bool,
        /// Instead of the report, compare FILE (the newest visit) with these older visits.
        #[arg(long, value_name = "OLD", num_args = 1..)]
        compare: Vec<PathBuf>,
        /// The passphrase of an encrypted FILE: the first line of this file.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Encrypt an assessment file with a passphrase (age, scrypt); IN is left as it is.
    Encrypt {
        /// The plaintext assessment file.
        #[arg(value_name = "IN")]
        input: PathBuf,
        /// The encrypted file to write (must not exist).
        #[arg(value_name = "OUT")]
        output: PathBuf,
        /// The passphrase: the first line of this file.
        #[arg(long, value_name = "FILE")]
        passphrase_file: PathBuf,
    },
    /// Decrypt an encrypted assessment file; IN is left as it is.
    Decrypt {
        /// The encrypted assessment file.
        #[arg(value_name = "IN")]
        input: PathBuf,
        /// The plaintext file to write (must not exist).
        #[arg(value_name = "OUT")]
        output: PathBuf,
        /// The passphrase: the first line of this file.
        #[arg(long, value_name = "FILE")]
        passphrase_file: PathBuf,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("'{s}' is not a language: use ja or en"))
}

fn parse_mode(s: &str) -> Result<Mode, String> {
    Mode::from_code(s).ok_or_else(|| format!("'{s}' is not a mode: use self, adviser or workshop"))
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

fn parse_answer(s: &str) -> Result<Answer, String> {
    Answer::from_code(s)
        .ok_or_else(|| format!("'{s}' is not an answer: use yes, partly, no, unknown or na"))
}

/// Parses arguments; on `--help`, `--version` or a bad argument, prints and gives the exit code.
pub fn parse<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> Result<Cli, i32>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    Cli::try_parse_from(args).map_err(|e| {
        use clap::error::ErrorKind;
        let text = e.render().to_string();
        match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                let _ = write!(out, "{text}");
                0
            }
            _ => {
                let _ = write!(err, "{text}");
                2
            }
        }
    })
}

/// Runs the command line with `args` (the first is the program name); returns the exit code.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    match parse(args, out, err) {
        Ok(cli) => run_cli(cli, out, err),
        Err(code) => code,
    }
}

/// Runs already-parsed arguments; returns the exit code.
pub fn run_cli(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match dispatch(cli, out, err) {
        Ok(code) => code,
        // The reader went away (e.g. `| head`): stop quietly, like other command-line tools.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            0
        }
        Err(e) => {
            let _ = writeln!(err, "mamori: error: {e:#}");
            1
        }
    }
}

fn dispatch(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let Some(command) = cli.command else {
        use clap::CommandFactory;
        write!(out, "{}", Cli::command().render_help())?;
        return Ok(0);
    };
    match command {
        Command::Check { dir } => {
            let dir = dir.or(cli.questionnaires);
            let outcome = load_from(dir.as_deref());
            check_cmd(&outcome, dir.as_deref(), out)
        }
        Command::List { json, lang } => {
            let bundle = load_clean(cli.questionnaires.as_deref())?;
            list_cmd(&bundle, json, lang, out)?;
            Ok(0)
        }
        Command::New {
            out: path,
            company,
            assessor,
            mode,
            date,
            force,
        } => {
            let bundle = load_clean(cli.questionnaires.as_deref())?;
            if path.exists() && !force {
                bail!(
                    "{} already exists; nothing was written. Choose another name, or add --force to replace it",
                    path.display()
                );
            }
            let mut a = Assessment::new(&bundle, date.unwrap_or_else(Date::today));
            a.company.name = company.unwrap_or_default();
            a.assessor = assessor.unwrap_or_default();
            a.mode = mode;
            a.save(&path)?;
            writeln!(out, "{}", path.display())?;
            Ok(0)
        }
        Command::Answer {
            file,
            question_id,
            value,
            note,
            review_later,
            no_review_later,
            passphrase_file,
        } => {
            let bundle = load_clean(cli.questionnaires.as_deref())?;
            let pass = secure::passphrase(passphrase_file.as_deref())?;
            let mut a = Assessment::load_with(&file, pass.as_ref())?;
            check_same_questionnaire(&bundle, &a, &file, err)?;
            let Some((c, q)) = bundle.question(&question_id) else {
                bail!(
                    "there is no question '{question_id}'{}; {} was not changed. `mamori list` shows every id",
                    suggest(&bundle, &question_id),
                    file.display()
                );
            };
            let entry = a.answers.entry(q.id.clone()).or_default();
            entry.value = Some(value);
            if let Some(n) = note {
                entry.note = n;
            }
            if review_later {
                entry.review_later = true;
            }
            if no_review_later {
                entry.review_later = false;
            }
            a.save_with(&file, pass.as_ref())?;
            writeln!(out, "{} = {}", q.id, value.code())?;
            if !crate::model::scoring::question_applies(c, q, &a) {
                writeln!(
                    err,
                    "mamori: note: '{}' does not apply with the current screening answers; the answer is kept but not scored",
                    q.id
                )?;
            }
            Ok(0)
        }
        Command::Score {
            file,
            json,
            lang,
            passphrase_file,
        } => {
            let bundle = load_clean(cli.questionnaires.as_deref())?;
            let pass = secure::passphrase(passphrase_file.as_deref())?;
            let a = Assessment::load_with(&file, pass.as_ref())?;
            check_same_questionnaire(&bundle, &a, &file, err)?;
            let report = score(&bundle, &a);
            if json {
                let v = score_json(&bundle, &a, &report, lang);
                writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                write_score_text(&bundle, &a, &report, lang, out)?;
            }
            Ok(0)
        }
        Command::Export {
            file,
            csv,
            lang,
            passphrase_file,
        } => {
            let bundle = load_clean(cli.questionnaires.as_deref())?;
            let pass = secure::passphrase(passphrase_file.as_deref())?;
            teams::export_cmd(&bundle, &file, &csv, lang, pass.as_ref(), out, err)
        }
        Command::Aggregate {
            files,
            json,
            out: pdf,
            lang,
        } => {
            let bundle = load_clean(cli.questionnaires.as_deref())?;
            teams::aggregate_cmd(&bundle, &files, (json, pdf.as_deref()), lang, out, err)
        }
        Command::Compare { new, old, lang } => {
            let bundle = load_clean(cli.questionnaires.as_deref())?;
            teams::compare_cmd(&bundle, &new, &old, lang, out, err)
        }
        Command::Report {
            file,
            out: path,
            lang,
            adviser_copy,
            compare,
            passphrase_file,
        } => {
            let bundle = load_clean(cli.questionnaires.as_deref())?;
            let pass = secure::passphrase(passphrase_file.as_deref())?;
            let a = Assessment::load_with(&file, pass.as_ref())?;
            check_same_questionnaire(&bundle, &a, &file, err)?;
            let options = crate::report::ReportOptions {
                lang,
                adviser_copy,
                today: Date::today(),
            };
            if !compare.is_empty() {
                return teams::compare_report_cmd(&bundle, &a, &compare, &path, &options, out, err);
            }
            crate::report::write(&path, &bundle, &a, &options)?;
            writeln!(out, "{}", path.display())?;
            Ok(0)
        }
        Command::Encrypt {
            input,
            output,
            passphrase_file,
        } => secure::encrypt_cmd(&input, &output, &passphrase_file, out),
        Command::Decrypt {
            input,
            output,
            passphrase_file,
        } => secure::decrypt_cmd(&input, &output, &passphrase_file, out),
    }
}

fn load_from(dir: Option<&Path>) -> LoadOutcome {
    match dir {
        Some(d) => load_dir(d),
        None => load_embedded(),
    }
}

/// Loads the questionnaires; any problem is an error listing all of them.
fn load_clean(dir: Option<&Path>) -> anyhow::Result<Bundle> {
    let outcome = load_from(dir);
    if outcome.is_clean() {
        return Ok(outcome.bundle);
    }
    let list: Vec<String> = outcome.diagnostics.iter().map(|d| d.to_string()).collect();
    Err(anyhow!(
        "the questionnaires{} have {} problem(s); fix them first (`mamori check` lists them):\n{}",
        dir.map(|d| format!(" in {}", d.display()))
            .unwrap_or_default(),
        list.len(),
        list.join("\n")
    ))
}

fn check_same_questionnaire(
    bundle: &Bundle,
    a: &Assessment,
    file: &Path,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let (id, version) = bundle.id_version();
    if a.questionnaire.id != id {
        bail!(
            "{} answers the questionnaire '{}', but the loaded questionnaire is '{}'; the file was not changed. Load the right one with --questionnaires DIR",
            file.display(),
            a.questionnaire.id,
            id
        );
    }
    if a.questionnaire.version != version {
        writeln!(
            err,
            "mamori: note: {} was made with questionnaire version {}, the loaded one is version {}; answers are matched by question id",
            file.display(),
            a.questionnaire.version,
            version
        )?;
    }
    Ok(())
}

fn suggest(bundle: &Bundle, wanted: &str) -> String {
    let prefix = wanted.split('.').next().unwrap_or(wanted);
    let near: Vec<&str> = bundle
        .questions()
        .map(|(_, q)| q.id.as_str())
        .filter(|id| id.starts_with(&format!("{prefix}.")) || id.contains(wanted))
        .take(6)
        .collect();
    if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean one of: {}?)", near.join(", "))
    }
}

fn check_cmd(
    outcome: &LoadOutcome,
    dir: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let where_ = dir
        .map(|d| d.display().to_string())
        .unwrap_or_else(|| "built-in questionnaires".into());
    if outcome.is_clean() {
        let b = &outcome.bundle;
        let (id, version) = b.id_version();
        writeln!(
            out,
            "ok: {where_}: questionnaire '{id}' version {version}: {} checklists, {} questions, {} advice entries, {} contacts, {} strings",
            b.checklists.len(),
            b.questions().count(),
            b.advice.len(),
            b.contacts.len(),
            b.strings.len()
        )?;
        return Ok(0);
    }
    for d in &outcome.diagnostics {
        writeln!(out, "{d}")?;
    }
    writeln!(out, "{where_}: {} error(s)", outcome.diagnostics.len())?;
    Ok(1)
}

fn list_cmd(b: &Bundle, json: bool, lang: Lang, out: &mut dyn Write) -> anyhow::Result<()> {
    if json {
        let (id, version) = b.id_version();
        let v = json!({
            "questionnaire": {
                "id": id,
                "version": version,
                "title": b.questionnaire.as_ref().map(|q| q.title.get(lang)),
            },
            "checklists": b.checklists.iter().map(|c| json!({
                "id": c.id,
                "kind": c.kind.code(),
                "title": c.title.get(lang),
                "conditional": c.applies_if.is_some(),
                "questions": c.questions.iter().map(|q| json!({
                    "id": q.id,
                    "text": q.text.get(lang),
                    "weight": q.weight,
                    "critical": q.critical,
                    "conditional": q.applies_if.is_some(),
                    "objectives": q.objectives.iter().map(|o| o.code()).collect::<Vec<_>>(),
                    "legal": q.legal.iter().map(|l| l.code()).collect::<Vec<_>>(),
                    "advice": q.advice,
                    "contacts": q.contacts,
                    "source": { "file": q.source.file, "heading": q.source.heading },
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "advice": b.advice.iter().map(|a| json!({
                "id": a.id, "case_no": a.case_no, "title": a.title.get(lang), "contacts": a.contacts,
            })).collect::<Vec<_>>(),
            "contacts": b.contacts.iter().map(|c| json!({
                "id": c.id, "name": c.name.get(lang), "phone": c.phone,
            })).collect::<Vec<_>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    if let Some(q) = &b.questionnaire {
        writeln!(out, "{} ({} v{})", q.title.get(lang), q.id, q.version)?;
    }
    for c in &b.checklists {
        writeln!(
            out,
            "\n[{}] {} ({})",
            c.id,
            c.title.get(lang),
            c.kind.code()
        )?;
        for q in &c.questions {
            let mark = if q.critical { "!" } else { " " };
            writeln!(out, " {mark} {}  {}", q.id, q.text.get(lang))?;
            if !q.advice.is_empty() {
                writeln!(out, "      -> {}", q.advice.join(", "))?;
            }
        }
    }
    writeln!(out)?;
    for a in &b.advice {
        writeln!(out, "{}  {}", a.id, a.title.get(lang))?;
    }
    Ok(())
}

fn fmt_score(s: Option<f64>) -> String {
    s.map(|v| format!("{:.0}", v)).unwrap_or_else(|| "—".into())
}

fn band_label(b: &Bundle, band: Option<Band>, lang: Lang) -> String {
    match band {
        Some(band) => b.s(&band.string_key(), lang).to_string(),
        None => b.s("band.none", lang).to_string(),
    }
}

fn write_score_text(
    b: &Bundle,
    a: &Assessment,
    r: &ScoreReport,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let s = |k: &str| b.s(k, lang).to_string();
    writeln!(out, "{}", s("score.heading"))?;
    if !a.company.name.is_empty() {
        writeln!(out, "{}: {}", s("score.company"), a.company.name)?;
    }
    writeln!(out, "{}: {}", s("score.date"), a.date.display(lang))?;
    writeln!(
        out,
        "{}: {} / 100  {}",
        s("score.overall"),
        fmt_score(r.overall),
        band_label(b, r.band(), lang)
    )?;
    writeln!(
        out,
        "  ({})",
        s("score.band_rule")
            .replace("{good}", &format!("{GOOD_FROM:.0}"))
            .replace("{improve}", &format!("{IMPROVE_FROM:.0}"))
    )?;

    writeln!(out, "\n{}", s("score.checklists"))?;
    for cs in &r.checklists {
        let Some(c) = b.checklist(&cs.id) else {
            continue;
        };
        if cs.status == crate::model::scoring::Status::NotApplicable {
            writeln!(
                out,
                "  {}  {}",
                c.title.get(lang),
                s("status.not_applicable")
            )?;
            continue;
        }
        writeln!(
            out,
            "  {}  {}  {}  {} {}/{}",
            c.title.get(lang),
            fmt_score(cs.score),
            band_label(b, cs.band(), lang),
            s("score.answered"),
            cs.answered,
            cs.applicable
        )?;
    }
    writeln!(out, "\n{}", s("score.objectives"))?;
    for o in &r.objectives {
        writeln!(out, "  {}  {}", s(&o.key.string_key()), fmt_score(o.score))?;
    }
    writeln!(out, "\n{}", s("score.legal"))?;
    for l in &r.legal {
        writeln!(out, "  {}  {}", s(&l.key.string_key()), fmt_score(l.score))?;
    }

    writeln!(out, "\n{}", s("score.findings"))?;
    if r.findings.is_empty() {
        writeln!(out, "  {}", s("score.no_findings"))?;
    }
    for f in &r.findings {
        let Some((_, q)) = b.question(&f.question_id) else {
            continue;
        };
        writeln!(
            out,
            "  [{}] {}  {} — {}",
            s(&f.severity.string_key()),
            q.id,
            q.text.get(lang),
            s(f.answer.string_key())
        )?;
        for id in &f.advice {
            if let Some(adv) = b.advice(id) {
                writeln!(
                    out,
                    "      {}: {} {}",
                    s("score.advice"),
                    id,
                    adv.title.get(lang)
                )?;
            }
        }
        let desks: Vec<String> = f
            .contacts
            .iter()
            .filter_map(|id| b.contact(id))
            .map(|c| match c.phone_display(lang) {
                Some(p) => format!("{} {}", c.name.get(lang), p),
                None => c.name.get(lang).to_string(),
            })
            .collect();
        if !desks.is_empty() {
            writeln!(out, "      {}: {}", s("score.contact"), desks.join(" / "))?;
        }
        if let Some(note) = a
            .answers
            .get(&f.question_id)
            .map(|e| e.note.trim())
            .filter(|n| !n.is_empty())
        {
            writeln!(out, "      {}: {}", s("score.note"), note)?;
        }
    }

    writeln!(out, "\n{}", s("score.to_confirm"))?;
    if r.to_confirm.is_empty() {
        writeln!(out, "  {}", s("score.to_confirm_none"))?;
    }
    for id in &r.to_confirm {
        if let Some((_, q)) = b.question(id) {
            writeln!(out, "  {}  {}", id, q.text.get(lang))?;
        }
    }
    if !r.review_later.is_empty() {
        writeln!(out, "\n{}", s("score.review_later"))?;
        for id in &r.review_later {
            if let Some((_, q)) = b.question(id) {
                writeln!(out, "  {}  {}", id, q.text.get(lang))?;
            }
        }
    }
    if !r.unanswered.is_empty() {
        writeln!(out, "\n{}: {}", s("score.unanswered"), r.unanswered.len())?;
    }
    if !r.orphan_answers.is_empty() {
        writeln!(out, "\n{}:", s("score.orphans"))?;
        for line in crate::model::scoring::orphan_answer_lines(b, a, r, lang) {
            writeln!(out, "  {line}")?;
        }
    }

    writeln!(out, "\n{}", s("score.consult"))?;
    match &r.consult {
        Some(c) => {
            if let Some(adv) = b.advice(&c.advice) {
                writeln!(out, "  {}", adv.problem.get(lang))?;
            }
        }
        None => writeln!(out, "  {}", s("score.consult_none"))?,
    }
    let contacts = r.contacts();
    if !contacts.is_empty() {
        writeln!(out, "\n{}", s("score.contacts"))?;
        for id in contacts {
            let Some(c) = b.contact(&id) else { continue };
            let mut line = format!("  {}", c.name.get(lang));
            for part in [c.phone.as_deref(), c.email.as_deref(), c.url.as_deref()]
                .into_iter()
                .flatten()
            {
                line.push_str("  ");
                line.push_str(part);
            }
            if let Some(h) = &c.hours {
                line.push_str(&format!("  ({}: {})", s("score.hours"), h.get(lang)));
            }
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The `score --json` document (field names documented in `docs/cli.md`, stable).
pub fn score_json(b: &Bundle, a: &Assessment, r: &ScoreReport, lang: Lang) -> Value {
    let s = |k: &str| b.s(k, lang).to_string();
    let question_text = |id: &str| b.question(id).map(|(_, q)| q.text.get(lang).to_string());
    let contact_json = |id: &str| {
        b.contact(id).map(|c| {
            json!({
                "id": c.id,
                "name": c.name.get(lang),
                "phone": c.phone,
                "extension": c.extension,
                "hours": c.hours.as_ref().map(|h| h.get(lang)),
                "email": c.email,
                "url": c.url,
            })
        })
    };
    json!({
        "format": "mamori-score/1",
        "lang": lang.code(),
        "questionnaire": { "id": a.questionnaire.id, "version": a.questionnaire.version },
        "company": a.company.name,
        "date": a.date.to_string(),
        "overall": {
            "score": r.overall,
            "band": r.band().map(|x| x.code()),
            "band_label": band_label(b, r.band(), lang),
        },
        "bands": { "good_from": GOOD_FROM, "needs_improvement_from": IMPROVE_FROM },
        "checklists": r.checklists.iter().map(|cs| json!({
            "id": cs.id,
            "kind": cs.kind.code(),
            "title": b.checklist(&cs.id).map(|c| c.title.get(lang)),
            "status": cs.status.code(),
            "answered": cs.answered,
            "applicable": cs.applicable,
            "score": cs.score,
            "band": cs.band().map(|x| x.code()),
        })).collect::<Vec<_>>(),
        "objectives": r.objectives.iter().map(|o| json!({
            "id": o.key.code(), "label": s(&o.key.string_key()), "score": o.score, "answered": o.answered,
        })).collect::<Vec<_>>(),
        "legal": r.legal.iter().map(|o| json!({
            "id": o.key.code(), "label": s(&o.key.string_key()), "score": o.score, "answered": o.answered,
        })).collect::<Vec<_>>(),
        "findings": r.findings.iter().map(|f| json!({
            "question_id": f.question_id,
            "checklist_id": f.checklist_id,
            "question": question_text(&f.question_id),
            "answer": f.answer.code(),
            "severity": f.severity.code(),
            "critical": f.critical,
            "advice": f.advice,
            "contacts": f.contacts,
            "note": a.answers.get(&f.question_id).map(|e| e.note.clone()).unwrap_or_default(),
        })).collect::<Vec<_>>(),
        "to_confirm": r.to_confirm.iter().map(|id| json!({ "question_id": id, "question": question_text(id) })).collect::<Vec<_>>(),
        "review_later": r.review_later.iter().map(|id| json!({ "question_id": id, "question": question_text(id) })).collect::<Vec<_>>(),
        "unanswered": r.unanswered,
        "orphan_answers": r.orphan_answers,
        "consult": {
            "recommended": r.consult.is_some(),
            "weak_items": r.consult.as_ref().map(|c| c.weak_items.clone()).unwrap_or_default(),
            "advice": r.consult.as_ref().map(|c| c.advice.clone()),
        },
        "contacts": r.contacts().iter().filter_map(|id| contact_json(id)).collect::<Vec<_>>(),
    })
}
