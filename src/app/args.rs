//! The desktop app's own command-line flags (`main.rs` parses them next to
//! [`crate::cli::Cli`]), so the app does not depend on the command line.

use std::path::PathBuf;

use crate::model::text::Lang;

/// Flags that only the desktop app reads.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct AppArgs {
    /// App: open this assessment file at start.
    #[arg(long, value_name = "FILE")]
    pub open: Option<PathBuf>,
    /// App: draw the page given by --screen in a real window, save it as PNG, and exit.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// App: the page for --screenshot or --bench.
    #[arg(long, value_enum, default_value_t = ScriptedPage::Start)]
    pub screen: ScriptedPage,
    /// App: the language for --screenshot or --bench (ja or en).
    #[arg(long)]
    pub lang: Option<Lang>,
    /// App: measure start-up and frame times in a real window, print them, and exit.
    #[arg(long)]
    pub bench: bool,
    /// App: text size in percent (100–200), e.g. 200 for a projector; saved as the preference.
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u16).range(100..=200))]
    pub text_size: Option<u16>,
}

/// The pages a `--screenshot` or `--bench` run can show (every page of the app).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ScriptedPage {
    /// The start page.
    #[default]
    Start,
    /// The task list of every checklist.
    Overview,
    /// A question of a detailed checklist.
    Question,
    /// The results.
    Results,
    /// The case library, case 01 open.
    Cases,
    /// The consultation desks.
    Contacts,
    /// The settings.
    Settings,
    /// The information inventory.
    Inventory,
    /// The comparison of visits (before any older visit is chosen).
    Compare,
    /// The situation checklist 「図面・サンプルを社外に渡すとき」.
    Situations,
    /// The disclosure ledger.
    Ledger,
    /// The patent-or-secret decision for the first technical inventory item.
    OpenClose,
    /// The class view of the workshop companies.
    Class,
    /// The results in the projector view.
    Projector,
}

impl ScriptedPage {
    /// The name given on the command line.
    pub fn name(self) -> String {
        use clap::ValueEnum;
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }
}
