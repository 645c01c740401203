//! The command line: `stelling [FILE]` opens the app; subcommands check and export session
//! files without a window, using the same library code as the app: check, export, import, and
//! split and merge for several facilitators.

use crate::store;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `println!` through [`print_out`]: a closed standard output ends the program quietly.
macro_rules! say {
    ($($arg:tt)*) => {
        print_out(format!("{}\n", format_args!($($arg)*)).as_bytes())
    };
}

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
    /// Start live voting on FILE at once (phones vote over the local network) and print the
    /// join address on standard output, one line `http://…`.
    #[arg(long, requires = "file")]
    pub live: bool,
    /// The first port live voting tries (a taken one moves to the next); 8080 by default.
    #[arg(long, requires = "live")]
    pub port: Option<u16>,
    /// The address live voting listens on, e.g. 127.0.0.1; every IPv4 address by default.
    #[arg(long, requires = "live")]
    pub bind: Option<std::net::IpAddr>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Where to listen, when `--live` asks for live voting at launch.
    pub fn live_options(&self) -> Option<crate::ui::state::live::LiveOptions> {
        self.live.then_some(crate::ui::state::live::LiveOptions {
            port: self.port,
            bind: self.bind,
        })
    }
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
        /// For CSV: a byte-order mark and `;` between fields, as (Dutch) Excel expects.
        #[arg(long)]
        excel: bool,
        /// Overwrite the -o file if it exists. Never a session file, the session being
        /// exported, or a file another copy of Stelling has open: those are always refused.
        #[arg(long)]
        force: bool,
    },
    /// Turn a plain list (one proposition a line) into a new session, or add a saved meeting
    /// chat to a session's agenda item as reactions (with --into).
    #[command(after_help = "Examples:\n  \
        stelling import stellingen.txt --title \"Buurtavond\" --language nl\n  \
        stelling import meeting_saved_chat.txt --into overleg.ron --item 3")]
    Import(ImportArgs),
    /// Save one copy of a prepared session per group, for each subgroup's facilitator: on
    /// their laptop, tallies, reactions, statements and proposals belong to that group.
    #[command(
        after_help = "Example:\n  stelling split conferentie.ron -o kopieen\n\n\
        Afterwards, combine the copies with `stelling merge`."
    )]
    Split {
        file: PathBuf,
        /// Folder for the copies (created if missing); one file per group, named after it.
        #[arg(long, short)]
        output: PathBuf,
        /// Overwrite copies that already exist (the old ones are kept as .bak).
        #[arg(long)]
        force: bool,
    },
    /// Combine the copies of one session, recorded by several facilitators, into one file.
    /// Prints what was combined and every conflict (both versions are kept).
    #[command(after_help = "Example:\n  \
        stelling merge kopieen/*.ron -o conferentie-samen.ron")]
    Merge {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The merged session file.
        #[arg(long, short)]
        output: PathBuf,
        /// Also merge files that do not come from the same prepared session, and overwrite
        /// the output file if it exists (the old one is kept as .bak).
        #[arg(long)]
        force: bool,
        /// When two different records in the files share an id (after a hand edit, say),
        /// keep both: one gets a new id. Without it such files are refused.
        #[arg(long)]
        renumber: bool,
    },
}

/// `stelling import`: a list into a new session, or a chat into an existing one.
#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// A text file: a list, one proposition a line; with --into, a saved chat (Zoom, Teams…).
    pub file: PathBuf,
    /// The new session file; default: FILE with the extension .ron, next to it.
    #[arg(long, short, conflicts_with = "into")]
    pub output: Option<PathBuf>,
    /// Title of the new session; default: the file's name.
    #[arg(long, conflicts_with = "into")]
    pub title: Option<String>,
    /// Language of the new session; default: the system's.
    #[arg(long, value_enum, conflicts_with = "into")]
    pub language: Option<LanguageArg>,
    /// Overwrite the output file if it exists (the old one is kept as .bak).
    #[arg(long, conflicts_with = "into")]
    pub force: bool,
    /// Add the chat's messages as reactions to this session file.
    #[arg(long, value_name = "SESSION", requires = "item")]
    pub into: Option<PathBuf>,
    /// Agenda item to add the reactions to, counted from 1 as the agenda shows it.
    #[arg(long, value_name = "N", requires = "into")]
    pub item: Option<usize>,
    /// Round of that item, counted from 1; default: its last round.
    #[arg(long, value_name = "R", requires = "into")]
    pub round: Option<usize>,
    /// Keep the senders' names with their reactions (only if the participants agreed).
    #[arg(long, requires = "into")]
    pub keep_names: bool,
    /// Also add messages sent to one person rather than to everyone.
    #[arg(long, requires = "into")]
    pub include_private: bool,
    /// The chat's date (YYYY-MM-DD) for the reactions' times; default: the session's date,
    /// else the chat file's date.
    #[arg(long, value_name = "DATE", requires = "into")]
    pub date: Option<chrono::NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    Nl,
    En,
}

impl From<LanguageArg> for crate::model::Language {
    fn from(l: LanguageArg) -> Self {
        match l {
            LanguageArg::Nl => crate::model::Language::Nl,
            LanguageArg::En => crate::model::Language::En,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown.
    Md,
    /// One self-contained HTML page (inline CSS and SVG charts; prints well).
    Html,
    /// One table of tallies and reactions (RFC 4180; with --excel for Excel).
    Csv,
    /// iCalendar file with the follow-up dates of commitments.
    Ics,
    /// A4 PDF with charts and page numbers (needs -o, or standard output that is not a
    /// terminal).
    Pdf,
}

/// The process arguments, parsed; `--help`, `--version` and usage errors end the program here.
pub fn parse() -> Cli {
    Cli::parse()
}

/// Runs a command on session files; what it printed and its outcome are the exit code.
pub fn run_command(command: Command) -> ExitCode {
    match command {
        Command::Check { files } => match expand_patterns(files, cfg!(windows)) {
            Ok(files) => check(&files),
            Err(e) => report_result(Err(e)),
        },
        Command::Export {
            file,
            format,
            output,
            excel,
            force,
        } => report_result(export(&file, format, excel, output.as_deref(), force)),
        Command::Import(args) => report_result(import(&args)),
        Command::Split {
            file,
            output,
            force,
        } => report_result(split(&file, &output, force)),
        Command::Merge {
            files,
            output,
            force,
            renumber,
        } => report_result(
            expand_patterns(files, cfg!(windows))
                .and_then(|files| merge(&files, &output, force, renumber)),
        ),
    }
}

/// Writes `bytes` to standard output. When the reader has gone (`stelling export … | head`),
/// the program ends at once, quietly and with success, as command-line tools do: Rust ignores
/// SIGPIPE, so `println!` would panic and a plain write fail with "Broken pipe". Any other
/// failure (a full disk behind `>`) ends it with a message and exit code 1.
fn print_out(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            eprintln!("stelling: could not write the output: {e}");
            std::process::exit(1);
        }
    }
}

/// The file arguments with `*` and `?` patterns expanded, on Windows (`windows`), whose
/// shells (cmd, PowerShell) pass `kopieen\*.ron` on as it is; elsewhere the shell has done
/// it and the arguments come back unchanged. Only the last part of a path may hold a pattern;
/// it matches file names without regard to case, as Windows does, and the matches come sorted
/// by name. A pattern that matches no file is an error that names it. Windows file names
/// cannot contain `*` or `?`, so an argument with one is always a pattern.
pub fn expand_patterns(args: Vec<PathBuf>, windows: bool) -> anyhow::Result<Vec<PathBuf>> {
    if !windows {
        return Ok(args);
    }
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        let text = arg.to_string_lossy().into_owned();
        if !text.contains(['*', '?']) {
            out.push(arg);
            continue;
        }
        let (dir, pattern) = split_pattern(&text);
        let folder = if dir.is_empty() { "." } else { dir };
        let mut matched: Vec<PathBuf> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| entry.path().is_file())
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| wildcard_match(pattern, name))
            .map(|name| PathBuf::from(format!("{dir}{name}")))
            .collect();
        if matched.is_empty() {
            anyhow::bail!("{text}: no file matches this pattern");
        }
        matched.sort();
        out.extend(matched);
    }
    Ok(out)
}

/// `kopieen\*.ron` → (`kopieen\`, `*.ron`): the folder part keeps its separator (`/`, `\`,
/// or a drive's `:`), so `C:\` and `C:` stay what they are.
fn split_pattern(text: &str) -> (&str, &str) {
    match text.rfind(['/', '\\', ':']) {
        Some(i) => text.split_at(i + 1),
        None => ("", text),
    }
}

/// Whether `name` fits `pattern`: `*` any run of characters, `?` one; case does not count.
fn wildcard_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let n: Vec<char> = name.to_lowercase().chars().collect();
    let (mut i, mut j) = (0, 0);
    // The last `*` seen, and where in the name its run started.
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((s, from)) = star {
            // Let that `*` take one more character and try again from there.
            star = Some((s, from + 1));
            i = s + 1;
            j = from + 1;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
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
            Ok(_) => say!("{}: ok", file.display()),
            Err(e) => {
                failed = true;
                say!("{e}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn export(
    file: &Path,
    format: Format,
    excel: bool,
    output: Option<&Path>,
    force: bool,
) -> anyhow::Result<()> {
    // Binary bytes on a terminal would garble it; say so before doing any work.
    if format == Format::Pdf && output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!(
            "a PDF is binary: write it to a file with -o report.pdf, or redirect the output"
        );
    }
    // Before any work too: a report never takes the place of a session.
    if let Some(out) = output {
        store::check_export_target(out, file, force)?;
    }
    let session = store::load(file)?;
    let bytes = match format {
        Format::Md => crate::report::markdown(&session).into_bytes(),
        Format::Html => crate::report::html(&session).into_bytes(),
        Format::Csv => crate::report::csv(&session, excel),
        Format::Ics => crate::report::ics(&session).into_bytes(),
        Format::Pdf => crate::report::pdf(&session)?,
    };
    match output {
        Some(out) => store::write_export(out, &bytes)
            .map_err(|e| anyhow::anyhow!("could not write {}: {e}", out.display()))?,
        None => print_out(&bytes),
    }
    Ok(())
}

fn import(args: &ImportArgs) -> anyhow::Result<()> {
    let text = read_text(&args.file)?;
    match (&args.into, args.item) {
        (Some(into), Some(item)) => import_chat(args, &text, into, item),
        _ => import_list(args, &text),
    }
}

/// The file's text: UTF-8, UTF-16 with a byte order mark, or else Windows-1252 (with a note).
fn read_text(file: &Path) -> anyhow::Result<String> {
    let name = file.display();
    let (text, encoding) =
        crate::import::read_text(file).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    if encoding == crate::import::Encoding::Windows1252 {
        eprintln!("{name}: not UTF-8; read as Windows-1252 (check accented letters)");
    }
    Ok(text)
}

fn import_list(args: &ImportArgs, text: &str) -> anyhow::Result<()> {
    use crate::import::{chat, list};
    let file = &args.file;
    let lines = list::parse(text);
    if lines.is_empty() {
        anyhow::bail!(
            "{}: no propositions found (the file is empty or only has blank lines)",
            file.display()
        );
    }
    let looks_like_chat = chat::parse(text);
    let chat_messages = looks_like_chat.messages.len() + looks_like_chat.private.len();
    if chat_messages >= 2 && chat_messages * 2 >= lines.len() {
        eprintln!(
            "{}: this looks like a saved chat; to add it to a session as reactions, use \
             --into SESSION.ron --item N",
            file.display()
        );
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| file.with_extension("ron"));
    // Over an existing session (perhaps through a link): the real file, under its own lock.
    let target = real_session_path(&output)?;
    let _lock = if output.exists() {
        if !args.force {
            anyhow::bail!(
                "{} already exists; choose another name with -o, or overwrite it with --force",
                output.display()
            );
        }
        Some(
            store::SessionLock::acquire(&target)
                .map_err(|e| anyhow::anyhow!("{}: {e}", output.display()))?,
        )
    } else {
        None
    };
    let title = args.title.clone().unwrap_or_else(|| {
        file.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let language = args
        .language
        .map(Into::into)
        .unwrap_or_else(store::settings::system_language);
    let session = list::new_session(title, language, &lines);
    store::save(&target, &session)?;
    say!(
        "{}: {} proposition{} from {}",
        output.display(),
        lines.len(),
        if lines.len() == 1 { "" } else { "s" },
        file.display()
    );
    Ok(())
}

fn import_chat(args: &ImportArgs, text: &str, into: &Path, number: usize) -> anyhow::Result<()> {
    use crate::import::chat;
    use chrono::{Offset, TimeZone};
    let file = &args.file;
    let mut parsed = chat::parse(text);
    let private = parsed.private.len();
    if args.include_private {
        parsed.include_private();
    }
    let report_unparsed = || {
        for (line, text) in &parsed.unparsed {
            eprintln!("{}:{line}: not imported: {text}", file.display());
        }
    };
    if parsed.messages.is_empty() {
        report_unparsed();
        if private > 0 {
            anyhow::bail!(
                "{}: only private messages ({private}); add them with --include-private",
                file.display()
            );
        }
        anyhow::bail!(
            "{}: no chat messages found ({} line{} not understood); expected lines such as \
             \"10:02:33 From Name to Everyone: text\" or \"[10:02] Name: text\"",
            file.display(),
            parsed.unparsed.len(),
            if parsed.unparsed.len() == 1 { "" } else { "s" }
        );
    }

    // Checked before locking, so a mistyped name leaves no lock file behind. A link is looked
    // at itself: one that leads nowhere gets its own words from `real_session_path`.
    if into.symlink_metadata().is_err() {
        anyhow::bail!("{}: the file does not exist", into.display());
    }
    let target = real_session_path(into)?;
    let _lock = store::SessionLock::acquire(&target)
        .map_err(|e| anyhow::anyhow!("{}: {e}", into.display()))?;
    let mut session = store::load(&target)?;
    let count = session.agenda.len();
    let Some(item) = number.checked_sub(1).and_then(|i| session.agenda.get(i)) else {
        match count {
            0 => anyhow::bail!("{}: the agenda is empty; add an item first", into.display()),
            _ => anyhow::bail!(
                "{}: there is no item {number}; the agenda has items 1 to {count}",
                into.display()
            ),
        }
    };
    let rounds = item.rounds.len();
    let round_index = match args.round {
        None => rounds.saturating_sub(1),
        Some(r) if (1..=rounds).contains(&r) => r - 1,
        Some(r) => anyhow::bail!(
            "{}: item {number} has no round {r}; it has rounds 1 to {rounds}",
            into.display()
        ),
    };
    let Some(round) = item.rounds.get(round_index) else {
        anyhow::bail!("{}: item {number} has no rounds", into.display());
    };
    let (item_id, round_id, round_label) = (item.id, round.id, round.label.clone());
    let item_text = crate::model::shorten::quoted_title(&item.text);

    let (date, date_source) = match (args.date, session.date) {
        (Some(d), _) => (d, "given"),
        (None, Some(d)) => (d, "the session's date"),
        (None, None) => (file_date(file), "the chat file's date"),
    };
    let first_time = parsed
        .messages
        .iter()
        .find_map(|m| m.time)
        .unwrap_or_default();
    let offset = chrono::Local
        .from_local_datetime(&date.and_time(first_time))
        .earliest()
        .map_or_else(|| chrono::Local::now().offset().fix(), |t| t.offset().fix());
    let change = chat::to_changes(
        &session,
        item_id,
        round_id,
        &parsed,
        args.keep_names,
        date,
        offset,
    );
    session
        .apply(change)
        .map_err(|e| anyhow::anyhow!("{}: could not add the reactions: {e}", into.display()))?;
    store::save(&target, &session)?;

    report_unparsed();
    let added = parsed.messages.len();
    say!(
        "{}: added {added} reaction{} to item {number} ({item_text}), {round_label}",
        into.display(),
        if added == 1 { "" } else { "s" },
    );
    if parsed.messages.iter().any(|m| m.time.is_some()) {
        say!("times dated {date} ({date_source}; change with --date)");
    }
    if private > 0 && !args.include_private {
        say!(
            "left out {private} private message{} (add them with --include-private)",
            if private == 1 { "" } else { "s" }
        );
    }
    if !args.keep_names && parsed.messages.iter().any(|m| m.name.is_some()) {
        say!("names left out (keep them with --keep-names, only if participants agreed)");
    }
    if !parsed.unparsed.is_empty() {
        say!(
            "{} line{} not imported (listed above)",
            parsed.unparsed.len(),
            if parsed.unparsed.len() == 1 { "" } else { "s" }
        );
    }
    Ok(())
}

/// The local date the file was last written (chats are saved when the meeting ends), or today.
fn file_date(file: &Path) -> chrono::NaiveDate {
    std::fs::metadata(file)
        .and_then(|m| m.modified())
        .map(|t| chrono::DateTime::<chrono::Local>::from(t).date_naive())
        .unwrap_or_else(|_| chrono::Local::now().date_naive())
}

/// `stelling split`: one copy per group in `folder`, each named after the session and group.
fn split(file: &Path, folder: &Path, force: bool) -> anyhow::Result<()> {
    use store::copies::{self, CopiesError};
    let session = store::load(file)?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sessie".into());
    let written = match copies::write(&session, folder, &stem, force) {
        Ok(written) => written,
        Err(CopiesError::NoGroups) => anyhow::bail!(
            "{}: the session has no groups; add the subgroups first (in the app, or under \
             `groups` in the file)",
            file.display()
        ),
        Err(e @ CopiesError::Exist(_)) => {
            anyhow::bail!("{e}; choose another folder with -o, or overwrite with --force")
        }
        Err(e) => anyhow::bail!("{e}"),
    };
    for c in &written {
        say!("{}: records {}", c.path.display(), c.group);
    }
    say!(
        "{} copies of {}; hand one to each subgroup's facilitator, then combine them with \
         `stelling merge`",
        written.len(),
        file.display()
    );
    Ok(())
}

/// `stelling merge`: loads every file, merges, prints the summary and conflicts, then writes.
fn merge(files: &[PathBuf], output: &Path, force: bool, renumber: bool) -> anyhow::Result<()> {
    use crate::model::merge::{self, MergeError};
    let mut sessions = Vec::with_capacity(files.len());
    for file in files {
        sessions.push(store::load(file)?);
    }
    let name = |index: usize| {
        files
            .get(index)
            .map_or_else(String::new, |f| f.display().to_string())
    };
    let merged = match merge::merge_with(&sessions, force, renumber) {
        Ok(merged) => merged,
        Err(e @ MergeError::DifferentSessions { index, .. }) => {
            anyhow::bail!("{}: {e}; to merge anyway, add --force", name(index))
        }
        Err(MergeError::IdClash(clash)) => anyhow::bail!(
            "{} and {} are different records with the same id {} (after a hand edit?); to keep \
             both, the second with a new id, add --renumber",
            clash.kept.describe(&name(clash.kept.file)),
            clash.other.describe(&name(clash.other.file)),
            clash.id
        ),
        Err(e) => anyhow::bail!("{e}"),
    };
    if files.iter().any(|f| store::same_file(f, output)) {
        anyhow::bail!(
            "{} is one of the files to merge; write the merged session to a new file",
            output.display()
        );
    }
    if output.exists() && !force {
        anyhow::bail!(
            "{} already exists; choose another name with -o, or overwrite it with --force",
            output.display()
        );
    }
    // Only a file being overwritten can be open in the app; a new one needs no lock.
    let target = real_session_path(output)?;
    let _lock = if output.exists() {
        Some(
            store::SessionLock::acquire(&target)
                .map_err(|e| anyhow::anyhow!("{}: {e}", output.display()))?,
        )
    } else {
        None
    };
    store::save(&target, &merged.session)?;

    for (file, counts) in files.iter().zip(&merged.summary.inputs) {
        match &counts.recording_group {
            Some(g) => say!("{} ({g}): {counts}", file.display()),
            None => say!("{}: {counts}", file.display()),
        }
    }
    say!("{}: {}", output.display(), merged.summary.merged);
    for text in &merged.summary.only_in_some {
        say!("not in every file, kept: “{text}”");
    }
    for clash in &merged.renumbered {
        say!(
            "same id, both kept: {} has a new id {} ({} keeps {})",
            clash.other.describe(&name(clash.other.file)),
            clash.new_id,
            clash.kept.describe(&name(clash.kept.file)),
            clash.id
        );
    }
    if merged.conflicts.is_empty() {
        say!("no conflicts");
    } else {
        say!(
            "{} conflict{} (both versions kept where they differ):",
            merged.conflicts.len(),
            if merged.conflicts.len() == 1 { "" } else { "s" }
        );
        for c in &merged.conflicts {
            say!("- {c}");
        }
    }
    Ok(())
}

/// The file a command writes for the session `path` names (see
/// [`store::resolve_session_path`]): through a link, the link's target.
/// Nothing there yet: the new file is written as named.
fn real_session_path(path: &Path) -> anyhow::Result<PathBuf> {
    if path.symlink_metadata().is_err() {
        return Ok(path.to_path_buf());
    }
    store::resolve_session_path(path).map_err(|e| {
        if store::is_link_loop(&e) {
            anyhow::anyhow!("{}: {}", path.display(), store::NotAFile::LinkLoop)
        } else {
            anyhow::anyhow!("{}: cannot find the file it names ({e})", path.display())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_patterns_expand_to_the_matching_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.ron", "A.RON", "c.md", "d.ron.bak", "e.ron"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("map.ron")).unwrap();
        let base = dir.path().display().to_string();
        let pattern = PathBuf::from(format!("{base}/*.ron"));
        let plain = PathBuf::from("los.ron");
        let got = expand_patterns(vec![plain.clone(), pattern.clone()], true).unwrap();
        let names: Vec<String> = got.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(
            names,
            [
                "los.ron".to_string(),
                format!("{base}/A.RON"),
                format!("{base}/b.ron"),
                format!("{base}/e.ron"),
            ]
        );
        let one = PathBuf::from(format!("{base}/?.md"));
        assert_eq!(
            expand_patterns(vec![one], true).unwrap(),
            [dir.path().join("c.md")]
        );
        // Elsewhere the shell expands; the arguments pass unchanged.
        assert_eq!(
            expand_patterns(vec![pattern.clone()], false).unwrap(),
            [pattern]
        );
        let none = PathBuf::from(format!("{base}/*.txt"));
        let e = expand_patterns(vec![none], true).unwrap_err().to_string();
        assert!(
            e.contains(&format!("{base}/*.txt")) && e.contains("no file"),
            "{e}"
        );
    }

    #[test]
    fn patterns_split_at_the_last_separator_of_either_kind() {
        assert_eq!(split_pattern(r"kopieen\*.ron"), (r"kopieen\", "*.ron"));
        assert_eq!(split_pattern(r"C:\a/b\x?.ron"), (r"C:\a/b\", "x?.ron"));
        assert_eq!(split_pattern("C:*.ron"), ("C:", "*.ron"));
        assert_eq!(split_pattern("*.ron"), ("", "*.ron"));
    }

    #[test]
    fn wildcards_match_like_windows() {
        assert!(wildcard_match("*.ron", "Sessie 1.RON"));
        assert!(wildcard_match("k*e?.r*", "kopie1.ron"));
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("a*b*c", "aXbYbZc"));
        assert!(!wildcard_match("*.ron", "a.ron.bak"));
        assert!(!wildcard_match("?.ron", "ab.ron"));
        assert!(!wildcard_match("a*b", "aXc"));
    }
}
