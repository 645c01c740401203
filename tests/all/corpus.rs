//! The bad-file corpus: every file in `tests/corpus/bad/` is a session broken the way a hand
//! edit, a cut-off copy or a wrong file breaks one. Each goes through the real binary's
//! `check`, `export` and `import --into`, which must all refuse it: exit code 1, a message that
//! names the file, no panic, no hang, and the file byte for byte as it was.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::Duration;

/// Longer than any refusal takes, even of the largest corpus file on a busy machine.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// A short chat in Zoom's format, for `import --into`.
const CHAT: &str = "19:41:02 From Mila to Everyone: Prima plan\n\
                    19:41:40 From Ruud to Everyone: Wie betaalt het onderhoud?\n";

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 40, "the corpus is there: {}", dir.display());
    files
}

/// What one run of the binary did.
struct Run {
    code: Option<i32>,
    output: String,
}

/// Runs the binary, killed when it takes longer than [`TIME_LIMIT`].
fn run(args: &[&std::ffi::OsStr]) -> Result<Run, String> {
    let output = support::run_limited(args, TIME_LIMIT)?;
    Ok(Run {
        code: output.status.code(),
        output: support::both(&output),
    })
}

/// Runs one command on a bad file and says what is wrong with how it refused, if anything.
fn refuses(what: &str, args: &[&std::ffi::OsStr], file: &Path) -> Vec<String> {
    let before = std::fs::read(file).unwrap();
    let mut problems = Vec::new();
    match run(args) {
        Err(hang) => problems.push(format!("{what}: {hang}")),
        Ok(run) => {
            if run.code != Some(1) {
                problems.push(format!("{what}: exit code {:?}, not 1", run.code));
            }
            let name = file.file_name().unwrap().to_string_lossy();
            if !run.output.contains(name.as_ref()) {
                problems.push(format!("{what}: the message does not name {name}"));
            }
            if run.output.contains("panicked") {
                problems.push(format!("{what}: panicked"));
            }
            if problems.iter().any(|p| p.starts_with(what)) {
                problems.push(format!("{what} said: {}", run.output.trim()));
            }
        }
    }
    if std::fs::read(file).unwrap() != before {
        problems.push(format!("{what}: changed the file"));
    }
    problems
}

#[test]
fn every_bad_file_is_refused_clearly_quickly_and_untouched() {
    let mut problems = Vec::new();
    for file in corpus() {
        let name = file.file_name().unwrap().to_owned();
        let scratch = tempfile::tempdir().unwrap();
        let s = scratch.path();
        let report = s.join("verslag.md");
        let chat = s.join("chat.txt");
        std::fs::write(&chat, CHAT).unwrap();
        // `import` writes into its session, so it gets a copy under the same name.
        let copy_dir = s.join("kopie");
        std::fs::create_dir(&copy_dir).unwrap();
        let copy = copy_dir.join(&name);
        std::fs::copy(&file, &copy).unwrap();

        let mut found = Vec::new();
        found.extend(refuses(
            "check",
            &["check".as_ref(), file.as_os_str()],
            &file,
        ));
        let export = [
            "export".as_ref(),
            file.as_os_str(),
            "--format".as_ref(),
            "md".as_ref(),
            "-o".as_ref(),
            report.as_os_str(),
        ];
        found.extend(refuses("export", &export, &file));
        if report.exists() {
            found.push("export: wrote a report".into());
        }
        let import = [
            "import".as_ref(),
            chat.as_os_str(),
            "--into".as_ref(),
            copy.as_os_str(),
            "--item".as_ref(),
            "1".as_ref(),
        ];
        found.extend(refuses("import", &import, &copy));
        if std::fs::read(&copy).unwrap() != std::fs::read(&file).unwrap() {
            found.push("import: changed the session".into());
        }
        // The lock's side-car file stays by design (see `store::lock`); nothing else may.
        let lock = stelling::store::lock_path(&copy);
        let leftovers: Vec<_> = std::fs::read_dir(&copy_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| *p != copy && *p != lock)
            .collect();
        if !leftovers.is_empty() {
            found.push(format!("import: left {leftovers:?} next to the session"));
        }
        problems.extend(
            found
                .into_iter()
                .map(|p| format!("{}: {p}", file.display())),
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
