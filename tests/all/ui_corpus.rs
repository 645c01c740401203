//! Broken session files opened in the window: the reason is shown in the window's language,
//! with the line and column (issue 14, items 3, 13, 18 and 21), and the file is left as it was.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use stelling::model::Language;
use stelling::ui::App;

/// Opens a copy of `tests/corpus/bad/NAME` in a window speaking `language`; returns the
/// harness, once the window has been drawn.
fn open_bad(name: &str, language: Language, dir: &Path) -> Harness<'static, App> {
    let original = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/bad")
        .join(name);
    let path = dir.join(name);
    std::fs::copy(&original, &path).unwrap();
    let mut app = crate::support::app(language);
    app.sessions_dir = dir.to_path_buf();
    app.open_path(&path);
    assert!(app.open.is_none(), "{name} does not open");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(&original).unwrap(),
        "{name} is left as it was"
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(2);
    h
}

/// Opens each broken file in a window speaking `language` and checks that the message is on
/// screen and holds every part given for that file; a failure names the file.
fn explains(language: Language, cases: &[(&str, &[&str])]) {
    let dir = tempfile::tempdir().unwrap();
    for (file, parts) in cases {
        let h = open_bad(file, language, dir.path());
        let message = h.state().message.clone().expect("a message is shown");
        for part in *parts {
            assert!(message.contains(part), "{file}: {part:?} in {message}");
        }
        assert!(
            h.query_by_label_contains(parts[0]).is_some(),
            "{file}: on screen: {message}"
        );
    }
}

#[test]
fn a_broken_file_is_explained_in_dutch_with_line_and_column() {
    explains(
        Language::Nl,
        &[
            (
                "unknown-field-reaction.ron",
                &[
                    "regel 35, kolom 77",
                    "geen veld `higlighted` in een reactie",
                    "(bedoelt u `highlighted`?)",
                ],
            ),
            (
                "id-twice.ron",
                &[
                    "regel 23, kolom 10",
                    "een id komt twee keer voor",
                    "in agendapunt 1, “De speeltuin krijgt een waterpomp”",
                ],
            ),
            (
                "year-10000.ron",
                &["regel 5, kolom 14", "\"+10000-05-12\" is geen datum"],
            ),
            (
                "cut-inside-text.ron",
                &[
                    "regel 35, kolom 44",
                    "midden in een tekst",
                    "cut-inside-text.ron.bak",
                ],
            ),
            (
                "starts-with-hash.ron",
                &["regel 1, kolom 1", "schrijf commentaar als // …"],
            ),
        ],
    );
}

#[test]
fn a_broken_file_is_explained_in_english_with_line_and_column() {
    explains(
        Language::En,
        &[
            (
                "unknown-group.ron",
                &[
                    "line 35, column 77",
                    "there is no group with id c0ffee00000000ff",
                    "in agenda item 1, “De speeltuin krijgt een waterpomp”",
                ],
            ),
            (
                "misspelt-stance.ron",
                &[
                    "line 35, column 72",
                    "`Agianst` is not a choice for a stance (did you mean `Against`?)",
                ],
            ),
        ],
    );
}
