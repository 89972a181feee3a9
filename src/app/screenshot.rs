//! `--screenshot` runs: draw the first frames, capture the window, save it as PNG, close.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::MamoriApp;

/// A `--screenshot` run: draw, capture, save as PNG, close.
#[derive(Debug)]
pub(super) struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

/// The outcome of a `--screenshot` run, read by `main` after the window closed.
pub type ScreenshotResult = Arc<Mutex<Option<Result<(), String>>>>;

impl MamoriApp {
    /// Asks for a screenshot of the first frames, saved as PNG at `path`; the window closes
    /// afterwards. Returns where the outcome will be written.
    pub fn request_screenshot(&mut self, path: PathBuf) -> ScreenshotResult {
        let result: ScreenshotResult = Arc::new(Mutex::new(None));
        self.screenshot = Some(ScreenshotJob {
            path,
            frames: 0,
            requested: false,
            result: result.clone(),
        });
        result
    }

    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        job.frames += 1;
        ctx.request_repaint();
        // Let fonts and layout settle for a few frames, then capture.
        if !job.requested && job.frames >= 3 {
            job.requested = true;
            let path = job.path.clone();
            let result = job.result.clone();
            let ctx2 = ctx.clone();
            ctx.request_screenshot(move |image| {
                let outcome = write_png(&path, &image);
                if let Ok(mut r) = result.lock() {
                    *r = Some(outcome);
                }
                ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx2.request_repaint();
            });
        }
    }
}

/// Writes an egui image as an 8-bit RGBA PNG.
pub fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for px in &image.pixels {
        bytes.extend_from_slice(&px.to_srgba_unmultiplied());
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&bytes).map_err(|e| e.to_string())?;
    }
    crate::model::fsutil::write_atomic(path, &out).map_err(|e| format!("{}: {e}", path.display()))
}
