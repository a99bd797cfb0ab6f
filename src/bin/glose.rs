//! The `glose` command line: the same core as the extension, on saved pages (see CONTRACT.md).

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "glose", version, about = "Finds the journalist's own opinion in news pages and summarises reader comments.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Whole report for one saved page.
    Annotate {
        /// The saved HTML page.
        page: PathBuf,
        /// The page's URL, copied into the report.
        #[arg(long)]
        url: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Classify sentences read from stdin, one per line: prints LABEL<TAB>SCORE per line.
    Classify {
        /// Language of the sentences (auto detects per line).
        #[arg(long, default_value = "auto")]
        lang: String,
    },
    /// Annotate every *.html under DIR in parallel, writing one JSON report each into --out.
    Batch {
        /// Folder searched recursively for *.html.
        dir: PathBuf,
        /// Folder for the reports.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Md,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate { page, url, format } => annotate(&page, url, format),
        Command::Classify { lang } => classify(&lang),
        Command::Batch { dir, out } => batch(&dir, &out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("glose: {message}");
            ExitCode::FAILURE
        }
    }
}

fn report_for(path: &Path, url: Option<String>) -> Result<glose::Report, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let snapshot = glose::read_html::parse_bytes(&bytes);
    // The time of reading: relative comment dates count back from it when the page has no date.
    let now = Some(now_iso8601());
    let embedder = encoder().map(|e| e as std::sync::Arc<dyn glose::SentenceEmbedder>);
    Ok(glose::analyze(&snapshot, &glose::Options { url, now, embedder, ..glose::Options::default() }))
}

/// The sentence encoder of the final opinion model: `$GLOSE_ENCODER`, else
/// `target/encoder/glose-use.bin` beside the binary's build folder or under the working
/// directory (`scripts/fetch-encoder.sh` puts it there). Without it the fast model decides
/// alone, and the CLI says so once on stderr.
fn encoder() -> Option<std::sync::Arc<glose::Encoder>> {
    static ENCODER: std::sync::OnceLock<Option<std::sync::Arc<glose::Encoder>>> = std::sync::OnceLock::new();
    ENCODER
        .get_or_init(|| {
            let mut candidates: Vec<std::path::PathBuf> = std::env::var_os("GLOSE_ENCODER").map(Into::into).into_iter().collect();
            if let Some(build) = std::env::current_exe().ok().and_then(|exe| exe.parent()?.parent().map(Path::to_path_buf)) {
                candidates.push(build.join("encoder/glose-use.bin"));
            }
            candidates.push("target/encoder/glose-use.bin".into());
            for path in &candidates {
                if let Ok(bytes) = std::fs::read(path) {
                    match glose::Encoder::from_bytes(&bytes) {
                        Ok(encoder) => return Some(std::sync::Arc::new(encoder)),
                        Err(e) => eprintln!("glose: {} is not a usable sentence encoder ({e}); opinion scores come from the fast model alone", path.display()),
                    }
                    return None;
                }
            }
            eprintln!("glose: no sentence encoder (run scripts/fetch-encoder.sh, or set GLOSE_ENCODER): opinion scores come from the fast model alone");
            None
        })
        .clone()
}

fn annotate(path: &Path, url: Option<String>, format: Format) -> Result<(), String> {
    let report = report_for(path, url)?;
    let out = match format {
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
        Format::Md => glose::export::markdown::render(&report, &[], &now_iso8601()),
        Format::Text => glose::export::text::render(&report),
    };
    std::io::stdout().write_all(out.as_bytes()).map_err(|e| e.to_string())
}

fn classify(lang: &str) -> Result<(), String> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
        let sentence = line.trim();
        if sentence.is_empty() {
            writeln!(out, "factual\t0").map_err(|e| e.to_string())?;
            continue;
        }
        let lang = Some(lang).filter(|&l| l != "auto");
        let encoder = encoder();
        let (label, score) = glose::classify_sentence(sentence, lang, encoder.as_deref().map(|e| e as &dyn glose::SentenceEmbedder));
        writeln!(out, "{}\t{:.4}", label.as_str(), score).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn batch(dir: &Path, out: &Path) -> Result<(), String> {
    let mut pages = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("html")) {
                pages.push(path);
            }
        }
    }
    pages.sort();
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let failures: Vec<String> = pages
        .par_iter()
        .filter_map(|page| {
            let relative = page.strip_prefix(dir).unwrap_or(page);
            let name = relative.with_extension("json").to_string_lossy().replace(['/', '\\'], "__");
            let result = report_for(page, None).and_then(|report| {
                let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
                std::fs::write(out.join(&name), json).map_err(|e| format!("cannot write {name}: {e}"))
            });
            result.err()
        })
        .collect();
    eprintln!("glose: {} pages, {} failed", pages.len(), failures.len());
    for f in &failures {
        eprintln!("glose: {f}");
    }
    if failures.is_empty() { Ok(()) } else { Err(format!("{} pages failed", failures.len())) }
}

/// Now, in UTC, as `YYYY-MM-DDTHH:MM:SSZ`: the CLI reads the clock, the library never does.
fn now_iso8601() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    glose::iso8601_utc(secs)
}
