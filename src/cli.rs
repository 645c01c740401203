//! The command line: `stelling [FILE]` opens the app; subcommands check and export session
//! files without a window, using the same library code as the app.

use crate::store;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "stelling",
    version,
    about = "Show propositions on a beamer, record the room's reactions, export a report.",
    long_about = "Stelling is an offline presenter for facilitators of workshops, conferences and \
                  feedback meetings. Without a command it opens the app (with FILE, or the last \
                  session used, or an example on first start).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Session file to open in the app.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check session files; prints `ok` or the errors per file, exits 1 if any file fails.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a summary report of a session.
    Export {
        file: PathBuf,
        #[arg(long, short, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Where to write the report; standard output when left out.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown.
    Md,
}

/// Parses the process arguments and runs what they ask for.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => match crate::ui::run(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("stelling: {e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Check { files }) => check(&files),
        Some(Command::Export {
            file,
            format,
            output,
        }) => report_result(export(&file, format, output.as_deref())),
    }
}

fn report_result(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stelling: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Prints `FILE: ok` or `FILE:LINE:COL: problem` per file.
fn check(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for file in files {
        match store::load(file) {
            Ok(_) => println!("{}: ok", file.display()),
            Err(e) => {
                failed = true;
                println!("{e}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn export(file: &Path, format: Format, output: Option<&Path>) -> anyhow::Result<()> {
    let session = store::load(file)?;
    let bytes = match format {
        Format::Md => crate::report::markdown(&session).into_bytes(),
    };
    match output {
        Some(out) => store::write_export(out, &bytes)
            .map_err(|e| anyhow::anyhow!("could not write {}: {e}", out.display()))?,
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(())
}
