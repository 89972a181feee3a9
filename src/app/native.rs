//! Opening the app in a native window (eframe), including the `--screenshot` and `--bench`
//! runs used by `scripts/gui-smoke.sh` and `scripts/bench-gui.sh`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail};

use super::{AppArgs, MamoriApp, Prefs, Screen, ScreenshotResult, ScriptedPage, WORKSHOP_EXAMPLES};
use crate::model::fsutil::write_atomic;
use crate::model::load::{load_dir, load_embedded};

/// Frames measured by `--bench` after the first one.
const BENCH_FRAMES: usize = 120;

/// Wraps the app to time frames for `--bench`.
struct Runner {
    app: MamoriApp,
    started: Instant,
    bench: Option<Bench>,
}

#[derive(Default)]
struct Bench {
    first_ui: Option<Duration>,
    second_ui: Option<Duration>,
    frames: Vec<Duration>,
    report: Arc<Mutex<Option<String>>>,
}

impl eframe::App for Runner {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let t = Instant::now();
        self.app.ui(ui);
        let spent = t.elapsed();
        let Some(b) = &mut self.bench else { return };
        if b.first_ui.is_none() {
            b.first_ui = Some(self.started.elapsed());
        } else if b.second_ui.is_none() {
            // The first frame has been presented once the second one starts.
            b.second_ui = Some(self.started.elapsed());
        } else {
            b.frames.push(spent);
        }
        if b.frames.len() >= BENCH_FRAMES {
            let mut f = b.frames.clone();
            f.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            let mean = f.iter().map(|d| ms(*d)).sum::<f64>() / f.len() as f64;
            let text = format!(
                "first ui() call: {:.1} ms after start\nfirst frame presented: {:.1} ms after start\nframes measured: {}\nui() CPU time per frame: mean {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
                ms(b.first_ui.unwrap_or_default()),
                ms(b.second_ui.unwrap_or_default()),
                f.len(),
                mean,
                ms(f[f.len() / 2]),
                ms(f[f.len() * 95 / 100]),
                ms(f[f.len() - 1]),
            );
            if let Ok(mut r) = b.report.lock() {
                *r = Some(text);
            }
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
        let _ = frame;
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::App::save(&mut self.app, storage);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        eframe::App::on_exit(&mut self.app, gl);
    }
}

/// What the window needs, said when it cannot be opened.
const WINDOW_NEEDS: &str = if cfg!(windows) {
    "mamori draws with OpenGL 2 or newer, which the graphics driver provides; update the driver, or run mamori on the computer itself rather than over Remote Desktop"
} else {
    "A display (X11 or Wayland) with OpenGL is needed; on a server, run under Xvfb (see scripts/gui-smoke.sh)"
};

/// The window icon, 64 px: the shield of `assets/icon/` that the packages use too.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/mamori-64.png");

/// Decodes [`ICON_PNG`] for the title bar and task bar; `None` if it cannot be read.
fn window_icon() -> Option<egui::IconData> {
    let mut decoder = png::Decoder::new(ICON_PNG);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut rgba).ok()?;
    if info.color_type != png::ColorType::Rgba {
        return None;
    }
    rgba.truncate(info.buffer_size());
    Some(egui::IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

/// Opens the app window and runs until it is closed; `questionnaires` is the folder given
/// with `--questionnaires`, if any.
pub fn run(questionnaires: Option<&Path>, cli: &AppArgs, started: Instant) -> anyhow::Result<()> {
    let outcome = match questionnaires {
        Some(dir) => load_dir(dir),
        None => load_embedded(),
    };
    let problems = outcome.diagnostics;
    let bundle = outcome.bundle;
    let scripted = cli.screenshot.is_some() || cli.bench;
    let data_dir = if scripted {
        std::env::temp_dir().join(format!("mamori-run-{}", std::process::id()))
    } else {
        eframe::storage_dir("mamori").unwrap_or_else(|| PathBuf::from(".mamori"))
    };
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("mamori 守り")
            .with_app_id("mamori")
            .with_inner_size(super::theme::WINDOW_SIZE)
            .with_min_inner_size(super::theme::MIN_WINDOW_SIZE)
            .with_drag_and_drop(true),
        ..Default::default()
    };
    if let Some(icon) = window_icon() {
        options.viewport = options.viewport.with_icon(icon);
    }
    if scripted {
        options.persist_window = false;
        options.persistence_path = Some(data_dir.join("prefs.ron"));
    }

    let shot: Arc<Mutex<Option<ScreenshotResult>>> = Arc::new(Mutex::new(None));
    let bench_report: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let (shot2, bench2) = (shot.clone(), bench_report.clone());
    let screenshot = cli.screenshot.clone();
    let (bench, screen, lang, open) = (cli.bench, cli.screen, cli.lang, cli.open.clone());
    let text_size = cli.text_size;
    let dir2 = data_dir.clone();

    eframe::run_native(
        "mamori",
        options,
        Box::new(move |cc| {
            let mut prefs: Prefs = if scripted {
                Prefs::default()
            } else {
                cc.storage
                    .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                    .unwrap_or_default()
            };
            if let Some(l) = lang {
                prefs.lang = l;
            }
            if let Some(pct) = text_size {
                prefs.text_scale = f32::from(pct) / 100.0;
            }
            let mut app = MamoriApp::new(bundle, prefs, dir2);
            app.file_dialogs = !scripted && super::file_dialogs_available();
            app.report_load_problems(&problems);
            if let Some(f) = open {
                app.open(&f);
            }
            if scripted {
                prepare_scripted(&mut app, screen);
            }
            if let Some(p) = screenshot {
                let r = app.request_screenshot(p);
                if let Ok(mut s) = shot2.lock() {
                    *s = Some(r);
                }
            }
            let bench = bench.then(|| Bench {
                report: bench2,
                ..Bench::default()
            });
            Ok(Box::new(Runner {
                app,
                started,
                bench,
            }))
        }),
    )
    .map_err(|e| anyhow!("the window could not be opened: {e}. {WINDOW_NEEDS}"))?;

    if scripted {
        let _ = std::fs::remove_dir_all(&data_dir);
    }
    if let Some(text) = bench_report.lock().ok().and_then(|r| r.clone()) {
        println!("page: {}\n{text}", cli.screen.name());
    } else if cli.bench {
        bail!("the benchmark ended before {BENCH_FRAMES} frames were drawn");
    }
    if let Some(path) = &cli.screenshot {
        let outcome = shot
            .lock()
            .ok()
            .and_then(|s| s.clone())
            .and_then(|r| r.lock().ok().and_then(|o| o.clone()));
        match outcome {
            Some(Ok(())) => println!("{}", path.display()),
            Some(Err(e)) => bail!("the screenshot could not be saved: {e}"),
            None => bail!("the window closed before a screenshot was taken"),
        }
    }
    Ok(())
}

/// Sets up the page a `--screenshot` or `--bench` run shows, on a copy of the first
/// workshop company (or a new assessment when none is shipped).
fn prepare_scripted(app: &mut MamoriApp, screen: ScriptedPage) {
    use crate::model::assessment::Mode;
    // The mode whose navigation bar has the page.
    app.prefs.nav_mode = match screen {
        ScriptedPage::Inventory
        | ScriptedPage::Compare
        | ScriptedPage::Ledger
        | ScriptedPage::OpenClose => Mode::Adviser,
        ScriptedPage::Class | ScriptedPage::Projector => Mode::Workshop,
        _ => Mode::SelfCheck,
    };
    let needs_doc = !matches!(screen, ScriptedPage::Start | ScriptedPage::Class);
    if needs_doc && app.doc.is_none() {
        if WORKSHOP_EXAMPLES.is_empty() {
            app.new_assessment();
        } else {
            app.open_example(0);
        }
    }
    app.screen = match screen {
        ScriptedPage::Start => Screen::Start,
        ScriptedPage::Overview => Screen::Overview,
        ScriptedPage::Question => {
            // A question of a detailed checklist shows every part of the page.
            let flow = app.flow();
            let q = flow
                .iter()
                .find(|q| q.starts_with("rules."))
                .or_else(|| flow.first())
                .cloned();
            q.map(Screen::Question).unwrap_or(Screen::Overview)
        }
        ScriptedPage::Results => Screen::Results,
        ScriptedPage::Cases => Screen::Cases(Some("case01".into())),
        ScriptedPage::Contacts => Screen::Contacts,
        ScriptedPage::Settings => Screen::Settings,
        ScriptedPage::Inventory => Screen::Inventory,
        ScriptedPage::Compare => {
            scripted_compare(app);
            Screen::Compare
        }
        ScriptedPage::Situations => Screen::Situations(Some("samples_out".into())),
        ScriptedPage::Ledger => Screen::Ledger,
        ScriptedPage::OpenClose => scripted_open_close(app),
        ScriptedPage::Class => {
            scripted_class(app);
            Screen::Class
        }
        ScriptedPage::Projector => {
            app.presentation = true;
            Screen::Results
        }
    };
}

/// The decision for the first technical item of the open check (the list when it has none).
fn scripted_open_close(app: &MamoriApp) -> Screen {
    use crate::model::inventory::InfoCategory;
    let items = app.doc.as_ref().map(|d| d.assessment.inventory.as_slice());
    let first = items
        .unwrap_or_default()
        .iter()
        .position(|item| item.category == Some(InfoCategory::TechManufacturing));
    Screen::OpenClose(first)
}

/// Puts copies of every workshop company in a folder of the data folder and shows them as
/// the class.
fn scripted_class(app: &mut MamoriApp) {
    let dir = app.data_dir.join("class");
    for (name, bytes) in WORKSHOP_EXAMPLES {
        let path = dir.join(name);
        let written = std::fs::create_dir_all(&dir).and_then(|()| write_atomic(&path, bytes));
        if let Err(e) = written {
            log::warn!("{}: {e}", path.display());
        }
    }
    app.send(super::ClassCommand::Add(dir));
}

/// An older visit of the open company for the comparison page: the same file a year
/// earlier, when the rules, PC and departing-staff answers were all still "no" (fictional,
/// like the workshop company itself).
fn scripted_compare(app: &mut MamoriApp) {
    use crate::model::schema::Answer;
    let Some(doc) = app.doc.as_ref() else {
        return;
    };
    let mut older = doc.assessment.clone();
    let d = older.date;
    older.date = crate::model::date::Date::new(d.year - 1, d.month, d.day.min(28)).unwrap_or(d);
    for (id, e) in older.answers.iter_mut() {
        let earlier = ["rules.", "pc.", "departing."]
            .iter()
            .any(|p| id.starts_with(p));
        if earlier && matches!(e.value, Some(Answer::Yes | Answer::Partly)) {
            e.value = Some(Answer::No);
        }
    }
    let path = app.data_dir.join("compare").join("older-visit.ron");
    let written = older
        .to_ron_string()
        .map_err(|e| e.to_string())
        .and_then(|text| {
            std::fs::create_dir_all(app.data_dir.join("compare"))
                .and_then(|()| write_atomic(&path, text.as_bytes()))
                .map_err(|e| e.to_string())
        });
    match written {
        Ok(()) => app.send(super::CompareCommand::Add(path)),
        Err(e) => log::warn!("{}: {e}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes_to_64_px_rgba() {
        let icon = super::window_icon().expect("assets/icon/mamori-64.png decodes");
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
        // Not blank: the shield is opaque in the middle, the corners are transparent.
        let alpha = |x: usize, y: usize| icon.rgba[(y * 64 + x) * 4 + 3];
        assert_eq!(alpha(32, 32), 255);
        assert_eq!(alpha(0, 63), 0);
    }
}
