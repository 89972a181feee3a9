//! Benchmark of the PDF report: the median time to render the full report (the workshop
//! company こはぜ屋 and an assessment answered `no` throughout) and its size. Prints figures;
//! asserts nothing (machines are noisy). Budget: ≤ 150 ms and ≤ 300 KB on the 2-core CI
//! machine. Run: `cargo bench --bench report`, or `scripts/bench-report.sh` to compare with
//! LibreOffice converting an equivalent document.
//!
//! With `MAMORI_BENCH_OUT=DIR`, also writes `DIR/kohazeya.pdf` and `DIR/kohazeya.html`: the
//! same text page by page (read back from the PDF), for LibreOffice to convert.

use std::time::Instant;

use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::load::load_embedded;
use mamori::model::schema::{Answer, ChecklistKind};
use mamori::model::text::Lang;
use mamori::report::{render, ReportOptions};

const RUNS: usize = 21;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bundle = load_embedded().bundle;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let kohazeya = Assessment::load(&root.join("examples/workshop/kohazeya.ron"))?;
    let mut all_no = Assessment::new(&bundle, Date::parse("2026-11-22")?);
    all_no.company.name = "全部いいえ株式会社".into();
    for (c, q) in bundle.questions() {
        let v = if c.kind == ChecklistKind::Screening {
            Answer::Yes
        } else {
            Answer::No
        };
        all_no.set_answer(&q.id, Some(v));
    }
    let options = |lang| ReportOptions {
        lang,
        adviser_copy: false,
        today: Date::parse("2026-11-29").unwrap_or(Date {
            year: 2026,
            month: 11,
            day: 29,
        }),
    };

    // The first render also prepares the font (hinting stripped once per run).
    let t = Instant::now();
    render(&bundle, &kohazeya, &options(Lang::Ja))?;
    println!(
        "report: first render (includes font preparation): {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );

    // Parts of a render: parsing the font for printpdf, and saving (subsetting, compression).
    let mut parse = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let _ = printpdf::ParsedFont::from_bytes(
            mamori::report::font::embeddable_font(),
            0,
            &mut Vec::new(),
        );
        parse.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    parse.sort_by(f64::total_cmp);
    println!("report: printpdf font parse: median {:.1} ms", parse[2]);

    let mut kohazeya_pdf = Vec::new();
    for (name, a) in [("kohazeya", &kohazeya), ("all-no", &all_no)] {
        for lang in Lang::ALL {
            let mut times = Vec::with_capacity(RUNS);
            let mut pdf = Vec::new();
            for _ in 0..RUNS {
                let t = Instant::now();
                pdf = render(&bundle, a, &options(lang))?;
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            times.sort_by(f64::total_cmp);
            let pages = pdf
                .windows(11)
                .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
                .count();
            println!(
                "report: {name} {}: median {:.1} ms (min {:.1}, max {:.1}, {RUNS} runs), {} KB, {} pages",
                lang.code(),
                times[RUNS / 2],
                times[0],
                times[RUNS - 1],
                pdf.len() / 1024,
                pages
            );
            if name == "kohazeya" && lang == Lang::Ja {
                kohazeya_pdf = pdf;
            }
        }
    }

    if let Some(dir) = std::env::var_os("MAMORI_BENCH_OUT") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("kohazeya.pdf"), &kohazeya_pdf)?;
        std::fs::write(dir.join("kohazeya.html"), equivalent_html(&kohazeya_pdf)?)?;
        println!(
            "report: wrote {}/kohazeya.pdf and kohazeya.html",
            dir.display()
        );
    }
    Ok(())
}

/// The text of `pdf`, page by page, as an HTML document with a page break between pages.
fn equivalent_html(pdf: &[u8]) -> Result<String, Box<dyn std::error::Error>> {
    use printpdf::{PdfDocument, PdfParseOptions};
    let doc = PdfDocument::parse(pdf, &PdfParseOptions::default(), &mut Vec::new())?;
    let mut html = String::from(
        "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>mamori report</title>\
         <style>@page { size: A4; margin: 18mm } body { font-family: 'BIZ UDPGothic', sans-serif; \
         font-size: 9.5pt } p { margin: 0 } .page { page-break-after: always }</style></head><body>\n",
    );
    for page in doc.extract_text() {
        html.push_str("<div class=\"page\">\n");
        for line in page {
            let escaped = line
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            html.push_str(&format!("<p>{escaped}</p>\n"));
        }
        html.push_str("</div>\n");
    }
    html.push_str("</body></html>\n");
    Ok(html)
}
