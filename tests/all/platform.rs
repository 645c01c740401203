//! What differs between Windows, macOS and Linux, checked on every platform: suggested file
//! names that Windows accepts, files with Windows line endings (CRLF), and folders with spaces
//! and non-ASCII characters, as a Dutch facilitator's OneDrive folder has them. Also the
//! platform glue of `stelling::platform`: when a console is wanted, and the icons.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use stelling::import::{chat, list};
use stelling::model::Language;
use stelling::platform;
use stelling::store::{self, SessionLock, examples::EXAMPLES};

// ---------------------------------------------------------------------------------------------
// Suggested file names

/// Why Windows would refuse `name` as a file name, if it would: checked here independently of
/// `store::file_name_for`, after Microsoft's "Naming Files, Paths, and Namespaces".
fn windows_refuses(name: &str) -> Option<String> {
    if let Some(c) = name
        .chars()
        .find(|c| "<>:\"/\\|?*".contains(*c) || (*c as u32) < 0x20)
    {
        return Some(format!("contains {c:?}"));
    }
    if name.ends_with(['.', ' ']) {
        return Some("ends with a dot or a space".into());
    }
    // The part before the first dot, trailing spaces ignored, may not be a device name.
    let first = name.split('.').next().unwrap_or("");
    let base = first.trim_end().to_uppercase();
    let device = ["CON", "PRN", "AUX", "NUL"].contains(&base.as_str())
        || ["COM", "LPT"].iter().any(|d| {
            base.strip_prefix(d).is_some_and(|n| {
                let mut n = n.chars();
                n.next().is_some_and(|c| "0123456789¹²³".contains(c)) && n.next().is_none()
            })
        });
    if device {
        return Some(format!("{base} is a device name"));
    }
    if name.len() > 255 {
        return Some("longer than 255 bytes".into());
    }
    None
}

const HOSTILE_TITLES: &[&str] = &[
    "Wat nu? Keuzes in <de> klas",
    "Jeugdhulp: 2026/2027",
    "\"Samen\" | apart * alleen",
    r"C:\Users\Ann\Documents\sessie",
    r"\\server\share\map",
    "../../etc/passwd",
    "..",
    ".",
    "CON",
    "nul.txt",
    "com1",
    "LPT9 ",
    "Com²",
    "aux.ron",
    "Einde. ",
    "tab\there\r\nen\u{0}nul\u{1b}escape",
    "Één ‘test’ — café",
    "🙂👍🏽 vergadering",
];

#[test]
fn suggested_file_names_are_accepted_by_windows() {
    for title in HOSTILE_TITLES {
        let name = store::file_name_for(title);
        assert!(name.ends_with(".ron"), "{title:?} became {name:?}");
        assert_eq!(windows_refuses(&name), None, "{title:?} became {name:?}");
        let stem = name.strip_suffix(".ron").unwrap();
        assert_eq!(
            windows_refuses(stem),
            None,
            "{title:?} became {name:?}: its name without .ron is refused"
        );
    }
}

#[test]
fn suggested_file_names_stay_inside_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    for title in HOSTILE_TITLES {
        let name = store::file_name_for(title);
        let path = dir.path().join(&name);
        assert_eq!(path.parent(), Some(dir.path()), "{title:?} became {name:?}");
        assert_eq!(
            path.file_name().and_then(|n| n.to_str()),
            Some(name.as_str()),
            "{title:?} became {name:?}"
        );
    }
}

#[test]
fn sessions_save_and_load_under_suggested_names() {
    let dir = tempfile::tempdir().unwrap();
    let session = EXAMPLES[0].session().unwrap();
    let mut names = Vec::new();
    for title in HOSTILE_TITLES {
        let name = store::file_name_for(title);
        if names.contains(&name) {
            continue;
        }
        let path = dir.path().join(&name);
        store::save(&path, &session).unwrap_or_else(|e| panic!("{title:?} as {name:?}: {e}"));
        assert_eq!(store::load(&path).unwrap(), session, "{name:?}");
        names.push(name);
    }
    // The folder holds exactly these names: none was shortened or changed by the file system.
    let mut listed: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    listed.sort();
    names.sort();
    assert_eq!(listed, names);
}

// ---------------------------------------------------------------------------------------------
// Windows line endings

fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

const LIST: &str = "\u{FEFF}Stellingen voor de ouderavond\n\
                    \n\
                    - Huiswerk hoort op school\n\
                    • Elke klas een eigen moestuin\n\
                    1. De mentor belt één keer per maand\n\
                    \n\
                    2) Ouders mogen altijd meekijken   \n";

#[test]
fn a_list_with_crlf_reads_like_one_with_lf() {
    let lf = list::parse(LIST);
    assert_eq!(
        lf,
        [
            "Stellingen voor de ouderavond",
            "Huiswerk hoort op school",
            "Elke klas een eigen moestuin",
            "De mentor belt één keer per maand",
            "Ouders mogen altijd meekijken",
        ]
    );
    assert_eq!(list::parse(&crlf(LIST)), lf);
    // Windows files rarely end with a line break; a mix of both endings happens after pasting.
    assert_eq!(list::parse(crlf(LIST).trim_end()), lf);
    let mixed: String = LIST
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| {
            if i % 2 == 0 {
                line.replace('\n', "\r\n")
            } else {
                line.to_string()
            }
        })
        .collect();
    assert!(mixed.contains("\r\n") && mixed.replace("\r\n", "").contains('\n'));
    assert_eq!(list::parse(&mixed), lf);
}

const CHAT: &str = "10:00:05 From Ann de Vries to Everyone:\n\
                    \tIk ben het eens\n\
                    10:01:10 From Bram to Everyone:\n\
                    \tNiet mee eens,\n\
                    \twant het kost te veel tijd\n\
                    10:02:00 From Cas to Ann de Vries (Direct Message):\n\
                    \tZullen we straks bellen?\n";

#[test]
fn a_chat_with_crlf_reads_like_one_with_lf() {
    let lf = chat::parse(CHAT);
    assert_eq!(lf.messages.len(), 2, "{lf:#?}");
    assert_eq!(lf.private.len(), 1, "{lf:#?}");
    assert!(lf.unparsed.is_empty(), "{lf:#?}");
    let texts: Vec<&str> = lf.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Ik ben het eens",
            "Niet mee eens,\nwant het kost te veel tijd"
        ]
    );
    let windows = chat::parse(&crlf(CHAT));
    assert_eq!(windows, lf);
    assert!(
        !format!("{windows:?}").contains("\\r"),
        "a carriage return got through: {windows:#?}"
    );
}

#[test]
fn session_files_with_crlf_load_like_the_original() {
    for example in EXAMPLES {
        let session = example.session().unwrap();
        let windows = crlf(example.text);
        assert_ne!(
            windows, example.text,
            "{} has line breaks",
            example.file_name
        );
        let loaded = store::parse(&windows, Path::new(example.file_name))
            .unwrap_or_else(|e| panic!("{}: {e}", example.file_name));
        assert_eq!(loaded, session, "{}", example.file_name);
    }
}

/// Multi-line texts are written as they are, so a session file whose line ends became CRLF (Git
/// for Windows does that by default, and so do some editors) has CRLF inside those texts: they
/// must come back as they were, without carriage returns.
#[test]
fn multi_line_texts_in_a_crlf_session_file_keep_plain_line_breaks() {
    let mut session = EXAMPLES[0].session().unwrap();
    session.notes = "Eerste regel\nTweede regel, met ‘aanhalingstekens’\n\nNa een witregel".into();
    let text = store::to_ron(&session);
    assert!(
        text.contains("Eerste regel\nTweede"),
        "the text is written unescaped, so this test means something"
    );
    let loaded = store::parse(&crlf(&text), Path::new("sessie.ron")).unwrap();
    assert_eq!(loaded.notes, session.notes);
    assert_eq!(loaded, session);
    // A carriage return the user really typed (escaped in the file) stays.
    session.notes = "met\rCR".into();
    let text = store::to_ron(&session);
    let loaded = store::parse(&crlf(&text), Path::new("sessie.ron")).unwrap();
    assert_eq!(loaded.notes, "met\rCR");
}

#[test]
fn a_broken_crlf_session_file_names_the_right_line() {
    let text = crlf(EXAMPLES[0].text);
    let line = text.lines().position(|l| l.contains("title:")).unwrap() + 1;
    let broken = text.replacen("title:", "title: @", 1);
    match store::parse(&broken, Path::new("sessie.ron")) {
        Err(store::LoadError::Syntax { line: at, .. }) => assert_eq!(at, line),
        other => panic!("expected a syntax error on line {line}, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Folders with spaces and non-ASCII characters

/// `…/Sessies met spaties/Één ‘test’/`, created.
fn awkward_folder(root: &Path) -> PathBuf {
    let dir = root.join("Sessies met spaties").join("Één ‘test’");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn open_save_and_export_in_a_folder_with_spaces_and_accents() {
    let root = tempfile::tempdir().unwrap();
    let dir = awkward_folder(root.path());
    let path = dir.join("sessie.ron");
    let mut session = EXAMPLES[0].session().unwrap();

    let lock = SessionLock::acquire(&path).unwrap();
    store::save(&path, &session).unwrap();
    assert_eq!(store::load(&path).unwrap(), session);
    session.title.push_str(" (bijgewerkt)");
    store::save(&path, &session).unwrap();
    assert_eq!(store::load(&path).unwrap(), session);
    assert!(
        store::backup_path(&path).exists(),
        "the second save keeps a backup"
    );
    drop(lock);

    let report = dir.join("Verslag – één ‘test’.md");
    store::write_export(&report, stelling::report::markdown(&session).as_bytes()).unwrap();
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        stelling::report::markdown(&session)
    );

    // Nothing is left behind but the session, its backup, the report and the lock's side-car
    // file (kept on purpose, see `SessionLock`).
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            ".sessie.ron.lock",
            "Verslag – één ‘test’.md",
            "sessie.ron",
            "sessie.ron.bak"
        ]
    );
}

#[test]
fn examples_install_into_a_folder_with_spaces_and_accents() {
    let root = tempfile::tempdir().unwrap();
    let dir = awkward_folder(root.path()).join("Nieuw");
    for example in EXAMPLES {
        let path = store::examples::install(example, &dir).unwrap();
        assert_eq!(path.parent(), Some(dir.as_path()));
        assert_eq!(store::load(&path).unwrap(), example.session().unwrap());
    }
}

fn stelling(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stelling"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_commands_take_paths_with_spaces_and_accents() {
    let root = tempfile::tempdir().unwrap();
    let dir = awkward_folder(root.path());
    let path = dir.join("sessie.ron");
    std::fs::write(&path, EXAMPLES[0].text).unwrap();

    let out = stelling(&["check".as_ref(), path.as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}: ok\n", path.display())
    );

    let report = dir.join("Verslag ‘één’.md");
    let out = stelling(&[
        "export".as_ref(),
        path.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        report.as_os_str(),
    ]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        stelling::report::markdown(&EXAMPLES[0].session().unwrap())
    );

    // A list saved by Notepad: CRLF, in the same folder; the new session lands next to it.
    let list_file = dir.join("stellingen voor de ouderavond.txt");
    std::fs::write(&list_file, crlf(LIST)).unwrap();
    let new_session = dir.join("Ouderavond – één.ron");
    let out = stelling(&[
        "import".as_ref(),
        list_file.as_os_str(),
        "-o".as_ref(),
        new_session.as_os_str(),
        "--title".as_ref(),
        "Ouderavond".as_ref(),
        "--language".as_ref(),
        "nl".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let imported = store::load(&new_session).unwrap();
    assert_eq!(
        imported.agenda.len(),
        list::new_session("Ouderavond", Language::Nl, &list::parse(LIST))
            .agenda
            .len()
    );
    assert!(
        !store::to_ron(&imported).contains('\r'),
        "no carriage return in the session"
    );
}

// ---------------------------------------------------------------------------------------------
// Platform glue

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

#[test]
fn commands_want_a_console_and_the_window_does_not() {
    for window in [
        &["stelling"][..],
        &["stelling", "sessie.ron"],
        &["stelling", r"C:\Users\Ann\Één ‘test’\sessie.ron"],
    ] {
        assert!(!platform::wants_console(args(window)), "{window:?}");
    }
    for command in [
        &["stelling", "check", "a.ron"][..],
        &["stelling", "export", "a.ron", "--format", "md"],
        &["stelling", "import", "lijst.txt"],
        &["stelling", "split", "a.ron", "-o", "kopieen"],
        &["stelling", "merge", "a.ron", "b.ron", "-o", "samen.ron"],
        // Help, the version and usage errors print too.
        &["stelling", "--help"],
        &["stelling", "check", "--help"],
        &["stelling", "--version"],
        &["stelling", "check"],
        &["stelling", "--no-such-option"],
        &["stelling", "a.ron", "b.ron"],
    ] {
        assert!(platform::wants_console(args(command)), "{command:?}");
    }
}

#[test]
fn the_window_icon_is_built_in() {
    let icon = stelling::ui::window_icon().expect("assets/stelling.png decodes");
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    let alpha = |x: usize, y: usize| icon.rgba[(y * 256 + x) * 4 + 3];
    assert_eq!(alpha(0, 0), 0, "rounded corners are transparent");
    assert_eq!(alpha(128, 128), 255, "the middle is opaque");
}

/// The `.ico` that `build.rs` embeds in `stelling.exe`: a real icon file with the sizes Windows
/// picks from (16 for lists, 32 and 48 for the desktop, 256 for large icons).
#[test]
fn the_windows_icon_file_holds_every_size() {
    let ico =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/stelling.ico")).unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "ICO header");
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    let sizes: Vec<u32> = (0..count)
        .map(|i| {
            let width = ico[6 + 16 * i];
            if width == 0 { 256 } else { u32::from(width) }
        })
        .collect();
    for size in [16, 24, 32, 48, 256] {
        assert!(sizes.contains(&size), "{size} px missing in {sizes:?}");
    }
}
