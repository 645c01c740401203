//! Every action a facilitator can reach by keyboard, in one table: its shortcuts, its label in
//! Dutch and English, and where it applies. Key handling, the shortcut overview (F1), hover
//! texts and the README's shortcut table all read this table, so they cannot drift apart.
//! The exact matcher in `keys.rs` stays the engine.

use super::keys;
use super::state::Screen;
use crate::model::Language;
use egui::{Key, Modifiers};

/// Where a command's shortcuts work. Beamer keys work from the presenter too, so they share
/// their keys with the run view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Everywhere,
    Run,
    Beamer,
    Prepare,
    Report,
    /// A capture form that has the keyboard.
    Form,
}

impl Place {
    /// Whether a key can mean something in both places at once.
    #[cfg(test)]
    fn overlaps(self, other: Place) -> bool {
        use Place::*;
        self == other
            || self == Everywhere
            || other == Everywhere
            || matches!((self, other), (Run, Beamer) | (Beamer, Run))
    }
}

/// One key with exactly these modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut(pub Modifiers, pub Key);

const fn plain(key: Key) -> Shortcut {
    Shortcut(Modifiers::NONE, key)
}
const fn shift(key: Key) -> Shortcut {
    Shortcut(Modifiers::SHIFT, key)
}
const fn ctrl(key: Key) -> Shortcut {
    Shortcut(Modifiers::COMMAND, key)
}
const fn alt(key: Key) -> Shortcut {
    Shortcut(Modifiers::ALT, key)
}

impl Shortcut {
    /// A key that also types something (a letter, digit, sign, space or Enter): such a key
    /// belongs to a text field while one has the keyboard.
    pub fn types(self) -> bool {
        let Shortcut(m, key) = self;
        let modified = m.alt || m.ctrl || m.command || m.mac_cmd;
        let special = matches!(
            key,
            Key::ArrowUp
                | Key::ArrowDown
                | Key::ArrowLeft
                | Key::ArrowRight
                | Key::PageUp
                | Key::PageDown
                | Key::Home
                | Key::End
                | Key::Escape
                | Key::Insert
                | Key::F1
                | Key::F2
                | Key::F3
                | Key::F5
                | Key::F6
                | Key::F7
                | Key::F8
                | Key::F9
                | Key::F11
        );
        !modified && !special
    }

    /// How the key is written in the overview and the README, e.g. "Ctrl + Shift + Z".
    pub fn text(self) -> String {
        let Shortcut(m, key) = self;
        let mut s = String::new();
        if m.command || m.ctrl {
            s.push_str("Ctrl + ");
        }
        if m.shift {
            s.push_str("Shift + ");
        }
        if m.alt {
            s.push_str("Alt + ");
        }
        s.push_str(key_name(key));
        s
    }
}

fn key_name(key: Key) -> &'static str {
    match key {
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::PageUp => "PgUp",
        Key::PageDown => "PgDn",
        Key::Escape => "Esc",
        Key::OpenBracket => "[",
        Key::CloseBracket => "]",
        Key::Questionmark => "?",
        Key::Num0 => "0",
        Key::Num1 => "1",
        Key::Num2 => "2",
        Key::Num3 => "3",
        Key::Num4 => "4",
        Key::Num9 => "9",
        other => other.name(),
    }
}

/// Everything a facilitator can do by keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    ShortcutOverview,
    Leave,
    Language,
    Open,
    Close,
    ScreenPrepare,
    ScreenRun,
    ScreenReport,
    Undo,
    Redo,
    Save,
    SaveAs,
    NextItem,
    PreviousItem,
    FirstItem,
    LastItem,
    Tally,
    Untally,
    NextGroup,
    PreviousGroup,
    WholeRoom,
    Capture,
    Stance,
    NewRound,
    PreviousRound,
    NextRound,
    SelectReaction,
    Highlight,
    Edit,
    KeepEdit,
    Delete,
    MoveReactionUp,
    MoveReactionDown,
    RenameRound,
    Timer,
    BeamerWindow,
    FullScreen,
    Reveal,
    Blank,
    Quotes,
    QuotesOff,
    TitleSlide,
    Progress,
    BeamerTimer,
    BeamerTheme,
    Preview,
    LiveMode,
    Voting,
    JoinCode,
    Section,
    PreviousAgendaItem,
    NextAgendaItem,
    FirstAgendaItem,
    LastAgendaItem,
    MoveItemUp,
    MoveItemDown,
    AddItem,
    DuplicateItem,
    DeleteItem,
    EditItem,
    AddPastedList,
    NextField,
    PreviousField,
    SubmitForm,
    SubmitLine,
    ScrollPageDown,
    ScrollPageUp,
    ScrollTop,
    ScrollBottom,
    ScrollDown,
    /// Keep last: the tests count the commands by it.
    ScrollUp,
}

/// One row of the table.
pub struct Spec {
    pub command: Command,
    /// Where it applies: keys must be unique there (see the tests), and the overview of a
    /// screen lists what applies there.
    pub place: Place,
    pub keys: &'static [Shortcut],
    pub nl: &'static str,
    pub en: &'static str,
}

const DIGITS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

const fn each(m: Modifiers, keys: [Key; 9]) -> [Shortcut; 9] {
    let mut out = [Shortcut(m, Key::Num0); 9];
    let mut i = 0;
    while i < 9 {
        out[i] = Shortcut(m, keys[i]);
        i += 1;
    }
    out
}

const TALLY: [Shortcut; 9] = each(Modifiers::NONE, DIGITS);
const UNTALLY: [Shortcut; 9] = each(Modifiers::SHIFT, DIGITS);
const FOUR: [Shortcut; 9] = each(Modifiers::COMMAND, DIGITS);

macro_rules! row {
    ($command:ident, $place:ident, [$($key:expr),+ $(,)?], $nl:expr, $en:expr) => {
        Spec {
            command: Command::$command,
            place: Place::$place,
            keys: &[$($key),+],
            nl: $nl,
            en: $en,
        }
    };
}

/// The table, in the order of the overview.
pub const TABLE: &[Spec] = &[
    row!(
        NextItem,
        Run,
        [
            plain(Key::ArrowDown),
            plain(Key::PageDown),
            plain(Key::ArrowRight)
        ],
        "volgend agendapunt (ook met een presenter-clicker)",
        "next agenda item (presenter clickers work too)"
    ),
    row!(
        PreviousItem,
        Run,
        [
            plain(Key::ArrowUp),
            plain(Key::PageUp),
            plain(Key::ArrowLeft)
        ],
        "vorig agendapunt",
        "previous agenda item"
    ),
    row!(
        FirstItem,
        Run,
        [plain(Key::Home)],
        "eerste agendapunt",
        "first agenda item"
    ),
    row!(
        LastItem,
        Run,
        [plain(Key::End)],
        "laatste agendapunt",
        "last agenda item"
    ),
    Spec {
        command: Command::Tally,
        place: Place::Run,
        keys: &TALLY,
        nl: "tel één hand op bij antwoord 1 … 9",
        en: "add one hand to answer 1 … 9",
    },
    Spec {
        command: Command::Untally,
        place: Place::Run,
        keys: &UNTALLY,
        nl: "tel één af (nooit onder nul)",
        en: "remove one (never below zero)",
    },
    row!(
        NextGroup,
        Run,
        [plain(Key::G)],
        "volgende groep",
        "next group"
    ),
    row!(
        PreviousGroup,
        Run,
        [shift(Key::G)],
        "vorige groep",
        "previous group"
    ),
    row!(
        WholeRoom,
        Run,
        [plain(Key::Num0)],
        "hele zaal (geen groep)",
        "whole room (no group)"
    ),
    row!(
        Capture,
        Run,
        [plain(Key::Enter), plain(Key::R)],
        "reactie typen; Enter slaat op met het gekozen standpunt en de groep",
        "type a reaction; Enter stores it with the chosen stance and group"
    ),
    Spec {
        command: Command::Stance,
        place: Place::Run,
        keys: FOUR.split_at(4).0,
        nl: "standpunt: voor, tegen, neutraal, vraag",
        en: "stance: for, against, neutral, question",
    },
    row!(NewRound, Run, [plain(Key::N)], "nieuwe ronde", "new round"),
    row!(
        PreviousRound,
        Run,
        [plain(Key::OpenBracket)],
        "vorige ronde",
        "previous round"
    ),
    row!(
        NextRound,
        Run,
        [plain(Key::CloseBracket)],
        "volgende ronde",
        "next round"
    ),
    row!(
        SelectReaction,
        Run,
        [plain(Key::S)],
        "reactie kiezen (van nieuw naar oud)",
        "select a reaction (newest first)"
    ),
    row!(
        Highlight,
        Run,
        [plain(Key::H)],
        "gekozen reactie uitlichten (zonder keuze: de laatste)",
        "highlight the selected reaction (without a selection: the last one)"
    ),
    row!(
        Edit,
        Run,
        [plain(Key::E)],
        "gekozen reactie bewerken",
        "edit the selected reaction"
    ),
    row!(
        KeepEdit,
        Run,
        [ctrl(Key::Enter)],
        "bewerking opslaan",
        "keep the edit"
    ),
    row!(
        Delete,
        Run,
        [plain(Key::Delete), plain(Key::Backspace)],
        "gekozen reactie verwijderen",
        "delete the selected reaction"
    ),
    row!(
        MoveReactionUp,
        Run,
        [alt(Key::ArrowUp)],
        "gekozen reactie omhoog",
        "move the selected reaction up"
    ),
    row!(
        MoveReactionDown,
        Run,
        [alt(Key::ArrowDown)],
        "gekozen reactie omlaag",
        "move the selected reaction down"
    ),
    row!(
        RenameRound,
        Run,
        [plain(Key::F2)],
        "ronde hernoemen",
        "rename the round"
    ),
    row!(
        Timer,
        Run,
        [plain(Key::T)],
        "timer van het punt starten / pauzeren",
        "start / pause the item's timer"
    ),
    row!(
        BeamerWindow,
        Beamer,
        [plain(Key::F5)],
        "beamervenster openen / sluiten",
        "open / close the beamer window"
    ),
    row!(
        FullScreen,
        Beamer,
        [plain(Key::F11)],
        "beamer volledig scherm",
        "beamer full screen"
    ),
    row!(
        Reveal,
        Beamer,
        [plain(Key::V)],
        "resultaten op de beamer tonen / verbergen",
        "show / hide the results on the beamer"
    ),
    row!(
        Blank,
        Beamer,
        [plain(Key::B)],
        "beamer zwart",
        "blank the beamer"
    ),
    row!(
        Quotes,
        Beamer,
        [plain(Key::Q)],
        "volgend uitgelicht citaat op de beamer",
        "next highlighted quote on the beamer"
    ),
    row!(
        QuotesOff,
        Beamer,
        [shift(Key::Q)],
        "citaten weg",
        "quotes off"
    ),
    row!(
        TitleSlide,
        Beamer,
        [plain(Key::F6)],
        "titeldia",
        "title slide"
    ),
    row!(
        Progress,
        Beamer,
        [plain(Key::F7)],
        "voortgang op de beamer",
        "progress mark on the beamer"
    ),
    row!(
        BeamerTimer,
        Beamer,
        [plain(Key::F8)],
        "timer op de beamer",
        "timer on the beamer"
    ),
    row!(
        BeamerTheme,
        Beamer,
        [plain(Key::F9)],
        "licht / donker op de beamer",
        "light / dark beamer theme"
    ),
    row!(
        Preview,
        Beamer,
        [plain(Key::P)],
        "voorbeeld van de beamer in dit venster",
        "beamer preview in this window"
    ),
    row!(
        LiveMode,
        Everywhere,
        [plain(Key::F3)],
        "live stemmen met telefoons starten / stoppen",
        "start / stop live voting from phones"
    ),
    row!(
        Voting,
        Run,
        [plain(Key::O)],
        "live stemmen sluiten / heropenen",
        "close / reopen live voting"
    ),
    row!(
        JoinCode,
        Beamer,
        [plain(Key::J)],
        "deelcode (QR en adres) op de beamer",
        "join code (QR and address) on the beamer"
    ),
    row!(Undo, Everywhere, [ctrl(Key::Z)], "ongedaan maken", "undo"),
    row!(
        Redo,
        Everywhere,
        [
            Shortcut(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
            ctrl(Key::Y)
        ],
        "opnieuw",
        "redo"
    ),
    row!(Save, Everywhere, [ctrl(Key::S)], "nu opslaan", "save now"),
    row!(
        SaveAs,
        Everywhere,
        [Shortcut(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S)],
        "opslaan als",
        "save as"
    ),
    row!(
        Open,
        Everywhere,
        [ctrl(Key::O)],
        "sessie openen",
        "open a session"
    ),
    row!(
        Close,
        Everywhere,
        [ctrl(Key::W)],
        "naar het startscherm",
        "back to the start screen"
    ),
    row!(
        ScreenPrepare,
        Everywhere,
        [ctrl(Key::E)],
        "scherm voorbereiden",
        "prepare screen"
    ),
    row!(
        ScreenRun,
        Everywhere,
        [ctrl(Key::P)],
        "scherm presenteren",
        "present screen"
    ),
    row!(
        ScreenReport,
        Everywhere,
        [ctrl(Key::R)],
        "scherm verslag",
        "report screen"
    ),
    row!(
        Language,
        Everywhere,
        [ctrl(Key::L)],
        "taal wisselen (Nederlands / English)",
        "switch language (Nederlands / English)"
    ),
    row!(
        ShortcutOverview,
        Everywhere,
        [
            plain(Key::F1),
            plain(Key::Questionmark),
            shift(Key::Questionmark)
        ],
        "alle sneltoetsen",
        "all shortcuts"
    ),
    row!(
        Leave,
        Everywhere,
        [plain(Key::Escape)],
        "formulier, bewerking of dit overzicht verlaten",
        "leave a form, an edit or this overview"
    ),
    Spec {
        command: Command::Section,
        place: Place::Prepare,
        keys: FOUR.split_at(4).0,
        nl: "voorbereiden: agenda, sessie, lijst plakken, chat",
        en: "prepare: agenda, session, paste a list, chat",
    },
    row!(
        PreviousAgendaItem,
        Prepare,
        [plain(Key::ArrowUp)],
        "voorbereiden: vorig punt",
        "prepare: previous item"
    ),
    row!(
        NextAgendaItem,
        Prepare,
        [plain(Key::ArrowDown)],
        "voorbereiden: volgend punt",
        "prepare: next item"
    ),
    row!(
        FirstAgendaItem,
        Prepare,
        [plain(Key::Home)],
        "voorbereiden: eerste punt",
        "prepare: first item"
    ),
    row!(
        LastAgendaItem,
        Prepare,
        [plain(Key::End)],
        "voorbereiden: laatste punt",
        "prepare: last item"
    ),
    row!(
        MoveItemUp,
        Prepare,
        [alt(Key::ArrowUp)],
        "voorbereiden: gekozen punt omhoog",
        "prepare: move the selected item up"
    ),
    row!(
        MoveItemDown,
        Prepare,
        [alt(Key::ArrowDown)],
        "voorbereiden: gekozen punt omlaag",
        "prepare: move the selected item down"
    ),
    row!(
        AddItem,
        Prepare,
        [ctrl(Key::N), plain(Key::Insert)],
        "voorbereiden: punt toevoegen",
        "prepare: add an item"
    ),
    row!(
        DuplicateItem,
        Prepare,
        [ctrl(Key::D)],
        "voorbereiden: punt dupliceren",
        "prepare: duplicate the item"
    ),
    row!(
        DeleteItem,
        Prepare,
        [plain(Key::Delete)],
        "voorbereiden: punt verwijderen",
        "prepare: delete the item"
    ),
    row!(
        EditItem,
        Prepare,
        [plain(Key::F2), plain(Key::Enter)],
        "voorbereiden: punt bewerken",
        "prepare: edit the item"
    ),
    row!(
        AddPastedList,
        Prepare,
        [ctrl(Key::Enter)],
        "voorbereiden: geplakte lijst toevoegen",
        "prepare: add the pasted list"
    ),
    row!(
        NextField,
        Form,
        [plain(Key::Tab)],
        "formulier: volgend veld (van de knop terug naar het eerste)",
        "form: next field (from its button back to the first)"
    ),
    row!(
        PreviousField,
        Form,
        [shift(Key::Tab)],
        "formulier: vorig veld",
        "form: previous field"
    ),
    row!(
        SubmitForm,
        Form,
        [ctrl(Key::Enter)],
        "formulier met een veld van meer regels: toevoegen",
        "form with a multi-line field: add the entry"
    ),
    row!(
        SubmitLine,
        Form,
        [plain(Key::Enter)],
        "veld van één regel: opslaan of toevoegen",
        "one-line field: store it or add the entry"
    ),
    row!(
        ScrollPageDown,
        Report,
        [plain(Key::PageDown)],
        "verslag: pagina omlaag",
        "report: page down"
    ),
    row!(
        ScrollPageUp,
        Report,
        [plain(Key::PageUp)],
        "verslag: pagina omhoog",
        "report: page up"
    ),
    row!(
        ScrollTop,
        Report,
        [plain(Key::Home)],
        "verslag: naar het begin",
        "report: to the top"
    ),
    row!(
        ScrollBottom,
        Report,
        [plain(Key::End)],
        "verslag: naar het eind",
        "report: to the end"
    ),
    row!(
        ScrollDown,
        Report,
        [plain(Key::ArrowDown)],
        "verslag: omlaag schuiven",
        "report: scroll down"
    ),
    row!(
        ScrollUp,
        Report,
        [plain(Key::ArrowUp)],
        "verslag: omhoog schuiven",
        "report: scroll up"
    ),
];

impl Command {
    /// This command's row of the table.
    pub fn spec(self) -> &'static Spec {
        TABLE
            .iter()
            .find(|s| s.command == self)
            .expect("every command has a row in the table")
    }

    /// Its shortcuts as shown to the user: "1 … 9" for a run of digits, else a list.
    pub fn keys_text(self) -> String {
        let keys = self.spec().keys;
        if keys.len() > 2
            && keys
                .iter()
                .all(|k| k.1 != Key::Num0 && key_name(k.1).len() == 1)
        {
            let first = keys[0].text();
            let last = key_name(keys[keys.len() - 1].1);
            return format!("{first} … {last}");
        }
        let texts: Vec<String> = keys.iter().map(|k| k.text()).collect();
        texts.join(", ")
    }

    pub fn label(self, language: Language) -> &'static str {
        let spec = self.spec();
        match language {
            Language::Nl => spec.nl,
            Language::En => spec.en,
        }
    }

    /// The `n`th shortcut alone (answer `n` of a tally), empty past the last one.
    pub fn nth_text(self, n: usize) -> String {
        self.spec()
            .keys
            .get(n)
            .map(|k| k.text())
            .unwrap_or_default()
    }

    /// A hover text naming the shortcut: "Blank (B)".
    pub fn hint(self, what: &str) -> String {
        format!("{what} ({})", self.keys_text())
    }
}

/// Whether `command` was pressed this frame (consumed).
pub fn pressed(ctx: &egui::Context, command: Command) -> bool {
    command
        .spec()
        .keys
        .iter()
        .any(|Shortcut(m, k)| keys::pressed(ctx, *m, *k))
}

/// Whether `command` was pressed; while `typing`, keys that type text are left to the field.
pub fn pressed_unless_typing(ctx: &egui::Context, command: Command, typing: bool) -> bool {
    command
        .spec()
        .keys
        .iter()
        .filter(|k| !(typing && k.types()))
        .any(|Shortcut(m, k)| keys::pressed(ctx, *m, *k))
}

/// How many times `command` was pressed this frame (consumed).
pub fn presses(ctx: &egui::Context, command: Command) -> usize {
    command
        .spec()
        .keys
        .iter()
        .map(|Shortcut(m, k)| keys::presses(ctx, *m, *k))
        .sum()
}

/// How many times the `n`th shortcut of `command` (tally 1 … 9, stance 1 … 4) was pressed.
pub fn presses_nth(ctx: &egui::Context, command: Command, n: usize) -> usize {
    command
        .spec()
        .keys
        .get(n)
        .map_or(0, |Shortcut(m, k)| keys::presses(ctx, *m, *k))
}

/// Whether `command` was pressed, left for the widgets to see.
pub fn sees(ctx: &egui::Context, command: Command) -> bool {
    command
        .spec()
        .keys
        .iter()
        .any(|Shortcut(m, k)| keys::sees(ctx, *m, *k))
}

/// The places whose commands work on a screen (`None`: the start screen), the screen's own
/// first: the overview shows these, so the whole list fits a laptop screen.
pub fn places_on(screen: Option<Screen>) -> &'static [Place] {
    match screen {
        Some(Screen::Run) => &[Place::Run, Place::Beamer, Place::Everywhere],
        Some(Screen::Prepare) => &[Place::Prepare, Place::Everywhere],
        Some(Screen::Report) => &[Place::Report, Place::Everywhere],
        None => &[Place::Everywhere],
    }
}

/// The keys of the forms, shown under every screen's overview as one line.
pub fn form_line(language: Language) -> String {
    overview(language, &[Place::Form])
        .iter()
        .map(|(keys, what)| format!("{keys}: {what}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The overview's rows (keys, what) in `language`: the commands of `places`, in that order.
pub fn overview(language: Language, places: &[Place]) -> Vec<(String, &'static str)> {
    places
        .iter()
        .flat_map(|place| TABLE.iter().filter(move |s| s.place == *place))
        .map(|s| (s.command.keys_text(), s.command.label(language)))
        .collect()
}

#[cfg(test)]
/// The README's table rows: every command outside the prepare and report screens.
pub fn readme_rows() -> String {
    TABLE
        .iter()
        .filter(|s| !matches!(s.place, Place::Prepare | Place::Report | Place::Form))
        .map(|s| format!("| {} | {} |\n", s.command.keys_text(), s.en))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_in_one_place() {
        for (i, a) in TABLE.iter().enumerate() {
            for b in &TABLE[i + 1..] {
                if !a.place.overlaps(b.place) {
                    continue;
                }
                for key in a.keys {
                    assert!(
                        !b.keys.contains(key),
                        "{:?} and {:?} share {}",
                        a.command,
                        b.command,
                        key.text()
                    );
                }
            }
        }
    }

    #[test]
    fn every_command_has_one_row() {
        for spec in TABLE {
            let rows = TABLE.iter().filter(|s| s.command == spec.command).count();
            assert_eq!(rows, 1, "{:?}", spec.command);
        }
        // No row twice and as many rows as commands: no command lacks its row.
        assert_eq!(TABLE.len(), Command::ScrollUp as usize + 1);
    }

    #[test]
    fn readme_shows_exactly_the_table() {
        let readme = include_str!("../../README.md");
        let start = "<!-- shortcuts -->\n";
        let end = "<!-- /shortcuts -->";
        let from = readme.find(start).expect("README has the start marker") + start.len();
        let to = readme[from..].find(end).expect("README has the end marker") + from;
        let header = "| keys | what it does |\n|---|---|\n";
        assert_eq!(readme[from..to], format!("{header}{}", readme_rows()));
    }

    #[test]
    fn a_run_of_digits_is_shown_as_a_range() {
        assert_eq!(Command::Tally.keys_text(), "1 … 9");
        assert_eq!(Command::Untally.keys_text(), "Shift + 1 … 9");
        assert_eq!(Command::Stance.keys_text(), "Ctrl + 1 … 4");
        assert_eq!(Command::Blank.hint("Blank"), "Blank (B)");
    }

    /// Keys are read through this table only: no screen asks egui for a key itself.
    #[test]
    fn no_key_is_read_outside_the_table() {
        fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    rust_files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        rust_files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
            &mut files,
        );
        assert!(files.len() > 20, "src/ui was not found");
        for file in files {
            if file.ends_with("keys.rs") || file.ends_with("commands.rs") {
                continue;
            }
            let code = std::fs::read_to_string(&file).unwrap();
            for call in ["key_pressed(", "consume_key(", "key_down("] {
                assert!(!code.contains(call), "{} calls {call}", file.display());
            }
        }
    }

    #[test]
    fn every_command_reads_in_both_languages() {
        for spec in TABLE {
            assert!(!spec.keys.is_empty(), "{:?} has no key", spec.command);
            assert!(!spec.nl.is_empty() && !spec.en.is_empty());
            assert_ne!(spec.nl, spec.en, "{:?} is not translated", spec.command);
        }
        // Every command is in the overview of some screen, once.
        let screens = [
            None,
            Some(Screen::Run),
            Some(Screen::Prepare),
            Some(Screen::Report),
        ];
        for spec in TABLE {
            let label = spec.command.label(Language::En);
            let shown = screens
                .iter()
                .filter(|s| {
                    overview(Language::En, places_on(**s))
                        .iter()
                        .any(|(_, w)| *w == label)
                })
                .count();
            // The forms' keys stand on one line above every overview.
            let in_form_line = spec.place == Place::Form && form_line(Language::En).contains(label);
            assert!(
                shown >= 1 || in_form_line,
                "{:?} is in no screen's overview",
                spec.command
            );
        }
        let run = overview(Language::Nl, places_on(Some(Screen::Run)));
        assert!(
            run.len() < TABLE.len(),
            "the run overview leaves out prepare's commands"
        );
    }

    fn press(key: Key) -> egui::Event {
        egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    /// While a text field has the keyboard, "?" is typed, but F1 still opens the overview.
    #[test]
    fn keys_that_type_wait_while_typing() {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            events: vec![press(Key::Questionmark)],
            ..Default::default()
        };
        let mut out = ctx.run_ui(input, |ui| {
            let c = Command::ShortcutOverview;
            assert!(!pressed_unless_typing(ui.ctx(), c, true));
            assert!(pressed_unless_typing(ui.ctx(), c, false));
        });
        out.textures_delta.clear();
        let input = egui::RawInput {
            events: vec![press(Key::F1)],
            ..Default::default()
        };
        let mut out = ctx.run_ui(input, |ui| {
            assert!(pressed_unless_typing(
                ui.ctx(),
                Command::ShortcutOverview,
                true
            ));
        });
        out.textures_delta.clear();
    }
}
