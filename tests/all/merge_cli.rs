//! `stelling split` and `stelling merge` with the real binary: the subgroup example handed out
//! to four facilitators, recorded on four "laptops" through the library, merged, and reported.

use crate::support::{arg, contains_text, reaction, ron_files, stderr, stdout, stelling};
use std::path::{Path, PathBuf};
use stelling::model::*;
use stelling::store;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/subgroepen-themas.ron")
}

/// The subgroup example with a proposition added while preparing, so the room can vote.
fn prepare(dir: &Path) -> (PathBuf, Id) {
    let mut s = store::load(&example()).unwrap();
    let item = Item::new(
        &s,
        ItemKind::Proposition,
        "Eén route voor elk kind is haalbaar.",
    );
    let id = item.id;
    s.apply(Change::AddItem {
        index: 1,
        item: Box::new(item),
    })
    .unwrap();
    let path = dir.join("conferentie.ron");
    store::save(&path, &s).unwrap();
    (path, id)
}

fn split_into(prepared: &Path, folder: &Path) -> Vec<PathBuf> {
    let out = stelling(&["split", arg(prepared), "-o", arg(folder)]);
    assert!(out.status.success(), "{}", stderr(&out));
    ron_files(folder)
}

/// What one subgroup's facilitator records on their laptop: the session opened from the copy,
/// changed through the model as the app does, saved.
fn record(path: &Path, proposition: Id, laptop: u32) -> Vec<String> {
    let mut s = store::load(path).unwrap();
    let group = s.recording_group.expect("a copy records a group");
    let item = s.item(proposition).unwrap().clone();
    let round = item.rounds[0].id;
    for (k, option) in item.options.iter().enumerate() {
        s.apply(Change::Tally {
            item: item.id,
            round,
            option: option.id,
            group: Some(group),
            delta: i64::from(laptop * 10 + k as u32 + 1),
        })
        .unwrap();
    }
    let name = s.group_name(Some(group)).to_string();
    let mut said = Vec::new();
    for n in 0..=laptop {
        let text = format!("{name} zegt: punt {n} over de route");
        s.apply(Change::AddReaction {
            item: item.id,
            round,
            index: usize::MAX,
            reaction: Reaction {
                id: s.fresh_id(),
                text: text.clone(),
                stance: Stance::ALL[n as usize % 4],
                group: Some(group),
                by: None,
                time: None,
                highlighted: n == 0,
            },
        })
        .unwrap();
        said.push(text);
    }
    // The panel discussion (a question) gets a reaction from every subgroup too.
    let panel = s
        .agenda
        .iter()
        .find(|i| i.kind == ItemKind::Question)
        .unwrap()
        .clone();
    let text = format!("Vraag uit {name} aan het panel");
    s.apply(Change::AddReaction {
        item: panel.id,
        round: panel.rounds[0].id,
        index: usize::MAX,
        reaction: reaction(s.fresh_id(), text.clone(), Stance::Question, Some(group)),
    })
    .unwrap();
    said.push(text);
    store::save(path, &s).unwrap();
    said
}

#[test]
fn four_subgroups_split_record_merge_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let (prepared, proposition) = prepare(dir.path());
    let folder = dir.path().join("kopieen");
    let files = split_into(&prepared, &folder);
    assert_eq!(files.len(), 4, "{files:?}");
    let base = store::load(&prepared).unwrap();
    for (file, group) in files.iter().zip(&base.groups) {
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(name.contains(&group.name), "{name} names {}", group.name);
        let copy = store::load(file).unwrap();
        assert_eq!(copy.recording_group, Some(group.id));
        assert_eq!(copy.id, base.id);
    }

    let mut said = Vec::new();
    for (laptop, file) in files.iter().enumerate() {
        said.extend(record(file, proposition, laptop as u32));
    }

    let merged = dir.path().join("samen.ron");
    let mut args = vec!["merge"];
    args.extend(files.iter().map(|f| arg(f)));
    args.extend(["-o", arg(&merged)]);
    let out = stelling(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("no conflicts"), "{text}");
    assert!(text.contains("(Subgroep C)"), "{text}");

    let m = store::load(&merged).unwrap();
    assert_eq!(m.recording_group, None);
    let item = m.item(proposition).unwrap();
    let round = &item.rounds[0];
    for (k, option) in item.options.iter().enumerate() {
        // Laptop n counted n * 10 + k + 1 for its own group.
        let expected: u32 = (0..4).map(|n| n * 10 + k as u32 + 1).sum();
        assert_eq!(round.total(option.id), u64::from(expected));
        for (n, g) in m.groups.iter().enumerate() {
            assert_eq!(
                round.count(option.id, Some(g.id)),
                u64::from(n as u32 * 10 + k as u32 + 1)
            );
        }
    }
    // The six panel reactions already in the example are there once, not four times.
    let reactions: Vec<&Reaction> = m.agenda.iter().flat_map(|i| i.reactions()).collect();
    assert_eq!(reactions.len(), 6 + said.len());

    let md_out = stelling(&["export", arg(&merged), "--format", "md"]);
    assert!(md_out.status.success(), "{}", stderr(&md_out));
    let md = stdout(&md_out);
    let csv_out = stelling(&["export", arg(&merged), "--format", "csv"]);
    assert!(csv_out.status.success(), "{}", stderr(&csv_out));
    let csv = stdout(&csv_out);
    for r in &reactions {
        assert!(
            contains_text(&md, &r.text),
            "“{}” is not in the Markdown",
            r.text
        );
        assert!(csv.contains(&r.text), "“{}” is not in the CSV", r.text);
    }
    // Per-group columns next to the total.
    assert!(
        md.contains(
            "| Antwoord | Aantal | Percentage | Subgroep A | Subgroep B | Subgroep C | Subgroep D |"
        ),
        "{md}"
    );
    let totals = round.answers();
    assert!(
        md.contains(&format!("| **Totaal** | **{totals}** |")),
        "{md}"
    );
    assert!(csv.contains(",Subgroep D,"), "{csv}");

    // HTML and PDF: the same per-group columns and every reaction.
    let html_out = stelling(&["export", arg(&merged), "--format", "html"]);
    assert!(html_out.status.success(), "{}", stderr(&html_out));
    let html = stdout(&html_out);
    let header: String = m
        .groups
        .iter()
        .map(|g| format!("<th scope=\"col\" class=\"num\">{}</th>", g.name))
        .collect();
    assert!(
        html.contains(&header),
        "per-group columns in the HTML table"
    );
    assert!(html.contains(&format!(
        "<tr class=\"total\"><th scope=\"row\">Totaal</th><td class=\"num\">{totals}</td>"
    )));
    for r in &reactions {
        assert!(html.contains(&r.text), "“{}” is not in the HTML", r.text);
    }
    let pdf_path = dir.path().join("verslag.pdf");
    let pdf_out = stelling(&[
        "export",
        arg(&merged),
        "--format",
        "pdf",
        "-o",
        arg(&pdf_path),
    ]);
    assert!(pdf_out.status.success(), "{}", stderr(&pdf_out));
    let pdf = pdf_extract::extract_text(&pdf_path).expect("a readable PDF");
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let pdf = squeeze(&pdf);
    for g in &m.groups {
        assert!(
            pdf.contains(&squeeze(&g.name)),
            "{} is not in the PDF",
            g.name
        );
    }
    for r in &reactions {
        assert!(
            pdf.contains(&squeeze(&r.text)),
            "“{}” is not in the PDF",
            r.text
        );
    }
}

#[test]
fn a_conflicting_edit_is_reported_and_both_versions_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (prepared, proposition) = prepare(dir.path());
    let files = split_into(&prepared, &dir.path().join("kopieen"));
    let mut b = store::load(&files[1]).unwrap();
    let mut item = b.item(proposition).unwrap().clone();
    item.text = "Eén route voor elk kind is haalbaar, mits de regio investeert.".into();
    b.apply(Change::ReplaceItem(Box::new(item))).unwrap();
    store::save(&files[1], &b).unwrap();

    let merged = dir.path().join("samen.ron");
    let out = stelling(&["merge", arg(&files[0]), arg(&files[1]), "-o", arg(&merged)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("1 conflict"), "{text}");
    assert!(text.contains("mits de regio"), "{text}");
    assert!(text.contains("[andere versie]"), "{text}");
    assert!(!text.contains("not in every file"), "{text}");
    let m = store::load(&merged).unwrap();
    let versions: Vec<&str> = m
        .agenda
        .iter()
        .filter(|i| i.text.contains("Eén route voor elk kind"))
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(versions.len(), 2, "{versions:?}");
    assert!(versions.iter().any(|t| t.starts_with("[andere versie]")));
    assert!(versions.iter().any(|t| !t.starts_with("[andere versie]")));
}

#[test]
fn split_and_merge_refuse_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("kopieen");
    let files = split_into(&example(), &folder);
    assert_eq!(files.len(), 4);

    // A second split would overwrite the copies, perhaps already recorded on.
    let again = stelling(&["split", arg(&example()), "-o", arg(&folder)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    let forced = stelling(&["split", arg(&example()), "-o", arg(&folder), "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));

    // A session without groups has nobody to hand copies to.
    let workshop = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/stellingenworkshop.ron");
    let no_groups = store::load(&workshop).unwrap().groups.is_empty();
    if no_groups {
        let out = stelling(&["split", arg(&workshop), "-o", arg(&dir.path().join("x"))]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("no groups"), "{}", stderr(&out));
    }

    // Files from different prepared sessions.
    let merged = dir.path().join("samen.ron");
    let out = stelling(&["merge", arg(&files[0]), arg(&workshop), "-o", arg(&merged)]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("does not come from the same prepared session")
            && message.contains("--force"),
        "{message}"
    );
    assert!(!merged.exists());
    let out = stelling(&[
        "merge",
        arg(&files[0]),
        arg(&workshop),
        "-o",
        arg(&merged),
        "--force",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    store::load(&merged).unwrap();

    // The output exists now; an input is never overwritten, also not with --force.
    let out = stelling(&["merge", arg(&files[0]), arg(&files[1]), "-o", arg(&merged)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    let before = std::fs::read(&files[0]).unwrap();
    let out = stelling(&[
        "merge",
        arg(&files[0]),
        arg(&files[1]),
        "-o",
        arg(&files[0]),
        "--force",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("one of the files to merge"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&files[0]).unwrap(), before);

    // A broken input names the file and line.
    let broken = dir.path().join("kapot.ron");
    std::fs::write(&broken, "(version: 1, id: ").unwrap();
    let out = stelling(&[
        "merge",
        arg(&files[0]),
        arg(&broken),
        "-o",
        arg(&dir.path().join("y.ron")),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("kapot.ron:1:"), "{}", stderr(&out));
}

/// A reaction with id `id` added to item `item` (counted from 0) of the session in `path`.
fn add_reaction_with_id(path: &Path, item: usize, id: Id, text: &str) {
    let mut s = store::load(path).unwrap();
    let it = &s.agenda[item];
    let (item, round) = (it.id, it.rounds[0].id);
    s.apply(Change::AddReaction {
        item,
        round,
        index: usize::MAX,
        reaction: reaction(id, text, Stance::Neutral, None),
    })
    .unwrap();
    store::save(path, &s).unwrap();
}

/// Two copies where one id names two different reactions (a reaction copied by hand from
/// one file into another item of the other): named with file and record, refused without
/// --renumber, both kept with it.
#[test]
fn an_id_used_by_two_records_is_named_and_renumber_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let (prepared, _) = prepare(dir.path());
    let files = split_into(&prepared, &dir.path().join("kopieen"));
    let (a, b) = (&files[0], &files[1]);
    let id = Id(0x5eed_0000_0000_0001);
    add_reaction_with_id(a, 0, id, "Goed begin van de dag");
    add_reaction_with_id(b, 1, id, "De route is te lang");
    let merged = dir.path().join("samen.ron");

    for extra in [&[][..], &["--force"][..]] {
        let mut args = vec!["merge", arg(a), arg(b), "-o", arg(&merged)];
        args.extend_from_slice(extra);
        let out = stelling(&args);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{message}");
        for needle in [
            arg(a),
            arg(b),
            "“Goed begin van de dag” (item 1)",
            "“De route is te lang” (item 2)",
            "--renumber",
        ] {
            assert!(message.contains(needle), "{needle} not in: {message}");
        }
        assert!(!merged.exists());
    }

    let out = stelling(&["merge", arg(a), arg(b), "-o", arg(&merged), "--renumber"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("same id, both kept"),
        "{}",
        stdout(&out)
    );
    let m = store::load(&merged).unwrap();
    let texts: Vec<(usize, &str, Id)> = m
        .agenda
        .iter()
        .enumerate()
        .flat_map(|(n, i)| i.reactions().map(move |r| (n, r.text.as_str(), r.id)))
        .filter(|(_, t, _)| t.starts_with("Goed begin") || t.starts_with("De route"))
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(texts.iter().filter(|(_, _, i)| *i == id).count(), 1);
    assert_eq!((texts[0].0, texts[1].0), (0, 1));

    // The merge laws still hold: the other order gives the same session, and merging the
    // result again with a copy changes nothing.
    let swapped = dir.path().join("andersom.ron");
    let out = stelling(&["merge", arg(b), arg(a), "-o", arg(&swapped), "--renumber"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let canonical = |p: &Path| stelling::model::merge::canonical(&store::load(p).unwrap());
    assert_eq!(canonical(&swapped), canonical(&merged));
    let again = dir.path().join("nogmaals.ron");
    let out = stelling(&[
        "merge",
        arg(&merged),
        arg(b),
        "-o",
        arg(&again),
        "--renumber",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(canonical(&again), canonical(&merged));
}
