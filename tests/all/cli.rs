//! The real binary on the shipped examples and on broken files.

use crate::support::{contains_text, examples, stelling};
use stelling::model::{Decimal, ItemKind, round_shares};

#[test]
fn check_accepts_every_example() {
    let files = examples();
    let mut args = vec!["check"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let out = stelling(&args);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.lines().filter(|l| l.ends_with(": ok")).count(),
        files.len(),
        "{stdout}"
    );
}

#[test]
fn check_reports_file_line_and_column_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = examples()[0].clone();
    let text = std::fs::read_to_string(&good).unwrap();
    // Break line 3: drop the quote that opens the title's text.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let title = lines
        .iter()
        .position(|l| l.trim_start().starts_with("title:"))
        .unwrap();
    lines[title] = lines[title].replacen(": \"", ": ", 1);
    let broken = dir.path().join("kapot.ron");
    std::fs::write(&broken, lines.join("\n")).unwrap();
    let before = std::fs::read(&broken).unwrap();

    let out = stelling(&["check", good.to_str().unwrap(), broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = format!("{}:{}:", broken.display(), title + 1);
    assert!(
        stdout.contains(&expected),
        "expected {expected} in {stdout}"
    );
    let after_prefix = stdout.split(&expected).nth(1).unwrap();
    let column: String = after_prefix
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert!(
        column.parse::<usize>().unwrap() > 0,
        "a column follows the line: {stdout}"
    );
    assert!(
        stdout.contains(": ok"),
        "the good file is still reported ok: {stdout}"
    );
    assert_eq!(
        std::fs::read(&broken).unwrap(),
        before,
        "check never writes"
    );
}

#[test]
fn check_on_a_missing_file_fails_with_a_message() {
    let out = stelling(&["check", "/nonexistent/sessie.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("does not exist"));
}

#[test]
fn markdown_export_holds_every_proposition_reaction_and_percentage() {
    for file in examples() {
        let session = stelling::store::load(&file).unwrap();
        let out = stelling(&["export", file.to_str().unwrap(), "--format", "md"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let md = String::from_utf8(out.stdout).unwrap();
        assert!(contains_text(&md, &session.title));
        for item in &session.agenda {
            assert!(
                contains_text(&md, &item.text),
                "{}: item text missing: {}",
                file.display(),
                item.text
            );
            for reaction in item.reactions() {
                assert!(
                    contains_text(&md, &reaction.text),
                    "{}: reaction missing: {}",
                    file.display(),
                    reaction.text
                );
            }
            if item.kind != ItemKind::Proposition {
                continue;
            }
            for round in &item.rounds {
                let shares = round_shares(round, &item.options);
                for (option, share) in item.options.iter().zip(shares) {
                    let row = format!(
                        "| {} | {} | {} |",
                        option.label,
                        share.count,
                        Decimal::of(session.language).share(share)
                    );
                    assert!(md.contains(&row), "{}: row {row} missing", file.display());
                }
            }
        }
        for p in session.agenda.iter().flat_map(|i| &i.proposals) {
            assert!(contains_text(&md, &p.title));
            for a in &p.actions {
                assert!(contains_text(&md, &a.text));
            }
        }
        for c in session.agenda.iter().flat_map(|i| &i.commitments) {
            assert!(contains_text(&md, &c.action));
        }
        for s in session.agenda.iter().flat_map(|i| &i.statements) {
            assert!(contains_text(&md, &s.text));
        }
    }
}

#[test]
fn export_writes_to_a_file_and_refuses_a_broken_session() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("verslag.md");
    let file = examples()[0].clone();
    let out = stelling(&[
        "export",
        file.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let written = std::fs::read_to_string(&out_path).unwrap();
    let stdout = stelling(&["export", file.to_str().unwrap()]).stdout;
    assert_eq!(
        written.as_bytes(),
        stdout,
        "file and standard output hold the same report"
    );

    let broken = dir.path().join("half.ron");
    std::fs::write(&broken, "(version: 1, title: \"half").unwrap();
    let out = stelling(&["export", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("half.ron:1:"));
}

#[test]
fn help_and_version() {
    let out = stelling(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for word in ["check", "export"] {
        assert!(help.contains(word));
    }
    let out = stelling(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}
