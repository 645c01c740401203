//! Prepare mode driven through egui like a facilitator would: templates from the start screen,
//! the agenda editor, pasting a list, groups, a chat import, undo — and every time the session
//! file on disk is checked, not only the model in memory.

use crate::support::{harness, session, shows_part};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use stelling::model::{ItemKind, Language, Session, validate};
use stelling::store::{self, settings::Settings, templates::Template};
use stelling::ui::{App, Screen};

fn app_in(dir: &std::path::Path, language: Language) -> App {
    let mut app = App::with_settings(Settings {
        language: Some(language),
        recent: Vec::new(),
    });
    app.sessions_dir = dir.to_path_buf();
    app
}

/// A session made from `template` through the app, open on the prepare screen.
fn from_template(
    dir: &std::path::Path,
    template: Template,
    language: Language,
) -> Harness<'static, App> {
    let mut app = app_in(dir, language);
    app.new_from_template(template, language);
    assert!(app.message.is_none(), "{:?}", app.message);
    harness(app)
}

/// A new session from `template` in a new home folder, open on the prepare screen.
fn started(template: Template, language: Language) -> (tempfile::TempDir, Harness<'static, App>) {
    let home = tempfile::tempdir().unwrap();
    let h = from_template(home.path(), template, language);
    (home, h)
}

/// [`started`], then down the agenda to the item at place `item`.
fn started_at(
    template: Template,
    language: Language,
    item: usize,
) -> (tempfile::TempDir, Harness<'static, App>) {
    let (home, mut h) = started(template, language);
    for _ in 0..item {
        press(&mut h, Key::ArrowDown);
    }
    (home, h)
}

/// Three hands for the first option in the first round of the second item; returns its id.
fn three_hands_on_the_second_item(h: &mut Harness<'_, App>) -> stelling::model::Id {
    let s = session(h);
    let item = &s.agenda[1];
    let (round, option) = (item.rounds[0].id, item.options[0].id);
    h.state_mut().apply(stelling::model::Change::Tally {
        item: item.id,
        round,
        option,
        group: None,
        delta: 3,
    });
    item.id
}

/// Table 3's proposal "Korte lijnen", with nothing else in it yet.
fn short_lines(id: stelling::model::Id, table3: stelling::model::Id) -> stelling::model::Proposal {
    stelling::model::Proposal {
        id,
        group: Some(table3),
        title: "Korte lijnen".into(),
        description: String::new(),
        actions: Vec::new(),
        feedback: Vec::new(),
    }
}

/// [`retype`], then Enter.
fn enter(h: &mut Harness<'_, App>, value: &str, text: &str) {
    retype(h, value, text);
    press(h, Key::Enter);
}

/// Clicks the first item of the agenda list (an information item in every template).
fn click_first_item(h: &mut Harness<'_, App>) {
    h.get_all_by_label_contains("1. ℹ").next().unwrap().click();
    h.run_steps(2);
}

/// Puts the keyboard in the field now showing `value` and types `text` over it.
fn retype(h: &mut Harness<'_, App>, value: &str, text: &str) {
    let field = h.query_all_by_value(value).next();
    field
        .unwrap_or_else(|| panic!("a field showing {value:?}"))
        .focus();
    h.run_steps(1);
    press_mod(h, Modifiers::COMMAND, Key::A);
    type_text(h, text);
}

fn path(h: &Harness<'_, App>) -> PathBuf {
    h.state()
        .open
        .as_ref()
        .unwrap()
        .autosave
        .path()
        .to_path_buf()
}

fn texts(s: &Session) -> Vec<String> {
    s.agenda.iter().map(|i| i.text.clone()).collect()
}

/// Runs frames until the background save has caught up, then returns the file's session.
fn saved(h: &mut Harness<'_, App>) -> Session {
    crate::support::settle(h);
    store::load(&path(h)).expect("the saved file loads")
}

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

fn press_mod(h: &mut Harness<'_, App>, m: Modifiers, key: Key) {
    h.key_press_modifiers(m, key);
    h.run_steps(2);
}

fn type_text(h: &mut Harness<'_, App>, text: &str) {
    h.event(egui::Event::Text(text.into()));
    h.run_steps(2);
}

#[test]
fn every_template_loads_validates_and_gets_fresh_ids_and_todays_date() {
    let today = chrono::Local::now().date_naive();
    for template in Template::ALL {
        for language in [Language::Nl, Language::En] {
            let shipped = template.parse(language).unwrap();
            validate::session(&shipped).unwrap();
            assert_eq!(shipped.language, language, "{template:?}");
            assert!(!shipped.title.trim().is_empty());
            let made = template.instantiate(language, today);
            validate::session(&made).unwrap();
            assert_eq!(made.date, Some(today));
            assert_eq!(texts(&made), texts(&shipped));
            let placeholder: std::collections::HashSet<_> = shipped.all_ids().into_iter().collect();
            assert!(
                made.all_ids().iter().all(|id| !placeholder.contains(id)),
                "{template:?}: every id is new"
            );
            if template != Template::Blank {
                assert!(made.agenda.len() >= 4, "{template:?} has an agenda");
                // The planned minutes fit the time slot the template sets.
                let planned: u32 = made.agenda.iter().filter_map(|i| i.planned_minutes).sum();
                let slot = (made.end_time.unwrap() - made.start_time.unwrap()).num_minutes();
                assert!(i64::from(planned) <= slot, "{template:?} {language:?}");
            }
        }
        // The two languages are translations, not copies.
        let (nl, en) = (
            template.parse(Language::Nl).unwrap(),
            template.parse(Language::En).unwrap(),
        );
        assert_ne!(nl.title, en.title);
        assert_eq!(nl.agenda.len(), en.agenda.len());
        let kinds = |s: &Session| s.agenda.iter().map(|i| i.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&nl), kinds(&en));
    }
    let kinds_of = |t: Template| -> Vec<ItemKind> {
        t.parse(Language::En)
            .unwrap()
            .agenda
            .iter()
            .map(|i| i.kind)
            .collect()
    };
    assert!(kinds_of(Template::PropositionWorkshop).contains(&ItemKind::Proposition));
    assert!(kinds_of(Template::TableGroups).contains(&ItemKind::Proposals));
    assert!(kinds_of(Template::TableGroups).contains(&ItemKind::Commitments));
    assert!(kinds_of(Template::SubgroupThemes).contains(&ItemKind::Statements));
    assert!(kinds_of(Template::OnlineFeedback).contains(&ItemKind::Commitments));
}

#[test]
fn each_template_opens_from_the_start_screen_in_prepare_mode_and_is_saved() {
    let home = tempfile::tempdir().unwrap();
    for (language, names) in [
        (
            Language::Nl,
            [
                "Workshop met stellingen",
                "Conferentie met tafelgroepen",
                "Subgroepen × thema’s",
                "Online terugkoppeling",
                "Leeg",
            ],
        ),
        (
            Language::En,
            [
                "Workshop with propositions",
                "Conference in table groups",
                "Subgroups × themes",
                "Online feedback meeting",
                "Blank",
            ],
        ),
    ] {
        let mut h = harness(app_in(home.path(), language));
        for (template, name) in Template::ALL.into_iter().zip(names) {
            h.get_by_label(&format!("➕ {name}")).click();
            h.run_steps(2);
            let open = h.state().open.as_ref().expect("the new session opened");
            assert_eq!(open.view.screen, Screen::Prepare);
            let file = open.autosave.path().to_path_buf();
            assert!(file.starts_with(home.path()));
            let on_disk = store::load(&file).unwrap();
            assert_eq!(on_disk, session(&h));
            assert_eq!(on_disk.title, template.parse(language).unwrap().title);
            assert_eq!(on_disk.language, language);
            assert_eq!(on_disk.date, Some(chrono::Local::now().date_naive()));
            // Back to the start screen for the next one.
            press_mod(&mut h, Modifiers::COMMAND, Key::W);
            assert!(h.state().open.is_none());
        }
    }
    // Ten sessions, none overwriting another (the blank ones share a title).
    let files = std::fs::read_dir(home.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "ron")
        })
        .count();
    assert_eq!(files, 10);
}

#[test]
fn add_type_reorder_duplicate_delete_and_undo_reach_the_file() {
    let (_home, mut h) = started(Template::Blank, Language::En);
    assert!(h.query_all_by_label("The agenda is still empty.").count() > 0);

    // Three propositions: the add button puts the cursor in the text; Enter stores it.
    for text in [
        "Eerste stelling",
        "Tweede stelling — met ‘quotes’",
        "Derde: één ë",
    ] {
        h.get_by_label("➕ Add item").click();
        h.run_steps(2);
        type_text(&mut h, text);
        press(&mut h, Key::Enter);
    }
    let s = session(&h);
    assert_eq!(
        texts(&s),
        [
            "Eerste stelling",
            "Tweede stelling — met ‘quotes’",
            "Derde: één ë"
        ]
    );
    assert!(
        s.agenda
            .iter()
            .all(|i| i.kind == ItemKind::Proposition && i.options.len() == 3)
    );
    assert_eq!(h.state().open.as_ref().unwrap().view.current, 2);

    // Typing is one undo step, not one per letter: undo empties the third text at once.
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).agenda[2].text, "");
    press_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(session(&h).agenda[2].text, "Derde: één ë");

    // Alt+↑ moves the selected (third) item up twice.
    press_mod(&mut h, Modifiers::ALT, Key::ArrowUp);
    press_mod(&mut h, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(
        texts(&session(&h)),
        [
            "Derde: één ë",
            "Eerste stelling",
            "Tweede stelling — met ‘quotes’"
        ]
    );
    assert_eq!(
        h.state().open.as_ref().unwrap().view.current,
        0,
        "the selection follows"
    );
    // And the button moves it down again.
    h.get_by_label("⬇ Move down").click();
    h.run_steps(2);
    assert_eq!(
        texts(&session(&h)),
        [
            "Eerste stelling",
            "Derde: één ë",
            "Tweede stelling — met ‘quotes’"
        ]
    );

    // Duplicate (Ctrl+D) copies text and answers with new ids; Delete removes the copy.
    press_mod(&mut h, Modifiers::COMMAND, Key::D);
    let s = session(&h);
    assert_eq!(s.agenda.len(), 4);
    assert_eq!(s.agenda[2].text, "Derde: één ë");
    assert_ne!(s.agenda[2].id, s.agenda[1].id);
    validate::session(&s).unwrap();
    press(&mut h, Key::Delete);
    assert_eq!(session(&h).agenda.len(), 3);

    // The kind of the selected item changes with one click, and back with one undo.
    // After a delete, the item that took its place is selected.
    assert_eq!(h.state().open.as_ref().unwrap().view.current, 2);
    h.get_by_label("ℹ Info").click(); // the selected item's kind becomes Info
    h.run_steps(2);
    assert_eq!(session(&h).agenda[2].kind, ItemKind::Info);
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).agenda[2].kind, ItemKind::Proposition);

    let on_disk = saved(&mut h);
    assert_eq!(on_disk, session(&h));
    assert_eq!(
        texts(&on_disk),
        [
            "Eerste stelling",
            "Derde: één ë",
            "Tweede stelling — met ‘quotes’"
        ]
    );
}

#[test]
fn typed_text_survives_switching_screen_and_item_without_enter() {
    let (_home, mut h) = started_at(Template::PropositionWorkshop, Language::Nl, 1);
    press(&mut h, Key::F2);
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Scholen moeten ouders vaker uitnodigen");
    // Straight to the run screen with the cursor still in the field.
    press_mod(&mut h, Modifiers::COMMAND, Key::P);
    assert_eq!(h.state().open.as_ref().unwrap().view.screen, Screen::Run);
    assert_eq!(
        session(&h).agenda[1].text,
        "Scholen moeten ouders vaker uitnodigen"
    );

    // Back, edit the next item and click another item in the list.
    press_mod(&mut h, Modifiers::COMMAND, Key::E);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Tweede, nieuw");
    click_first_item(&mut h);
    let s = session(&h);
    assert_eq!(s.agenda[2].text, "Tweede, nieuw");
    assert_eq!(h.state().open.as_ref().unwrap().view.current, 0);
    assert_eq!(saved(&mut h), s);

    // Typed text survives switching to another tab of the prepare screen too.
    press(&mut h, Key::Enter);
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Welkom, ook online");
    press_mod(&mut h, Modifiers::COMMAND, Key::Num3);
    assert_eq!(session(&h).agenda[0].text, "Welkom, ook online");
    assert_eq!(saved(&mut h).agenda[0].text, "Welkom, ook online");
}

#[test]
fn answer_presets_custom_answers_and_inline_warnings() {
    let (_home, mut h) = started_at(Template::PropositionWorkshop, Language::En, 1);
    // The preset picker: yes / no.
    h.get_by_label("Set of answers").click();
    h.run_steps(2);
    h.get_by_label("Yes / no").click();
    h.run_steps(2);
    let labels = |h: &Harness<'_, App>| {
        let options = session(h).agenda[1].options.clone();
        options.into_iter().map(|o| o.label).collect::<Vec<_>>()
    };
    assert_eq!(labels(&h), ["Yes", "No"]);
    // A third answer typed as a duplicate: the warning shows, the file has what was typed.
    h.get_by_label("➕ Add answer").click();
    h.run_steps(2);
    // The new answer has the cursor.
    type_text(&mut h, "yes");
    press(&mut h, Key::Enter);
    assert_eq!(labels(&h), ["Yes", "No", "yes"]);
    assert!(
        h.query_by_label("⚠ This answer appears twice: ‘yes’")
            .is_some()
    );
    // Removing all answers is refused with a message and never reaches the file.
    for _ in 0..3 {
        h.get_all_by_label("✖").next().unwrap().click();
        h.run_steps(2);
    }
    assert!(shows_part(&h, "needs at least one answer"));
    assert_eq!(
        labels(&h),
        ["yes"],
        "each removal is a change; the last answer stays in the file"
    );
    h.get_by_label("Set of answers").click();
    h.run_steps(2);
    h.get_by_label("Scale 1–5").click();
    h.run_steps(2);
    assert_eq!(labels(&h), ["1", "2", "3", "4", "5"]);
    assert!(
        h.query_by_label_contains("needs at least one answer")
            .is_none()
    );
    assert_eq!(saved(&mut h).agenda[1].options.len(), 5);
}

#[test]
fn paste_a_list_of_eight_propositions_with_bullets_and_blank_lines() {
    let (_home, mut h) = started(Template::Blank, Language::Nl);
    press_mod(&mut h, Modifiers::COMMAND, Key::Num3);
    let list = "Stellingen voor de ouderavond\n\
                \n\
                - Huiswerk hoort op school gemaakt te worden.\n\
                * Een mobiele telefoon hoort niet in de klas.\n\
                • Ouders moeten één keer per jaar meedraaien in de klas.\n\
                \n\
                1. De school begint om half negen, niet eerder.\n\
                2) Elke leerling krijgt een mentor uit een hogere klas.\n\
                \n\
                - Rapporten zijn overbodig als er een portfolio is.\n\
                -   Sport hoort elke dag op het rooster.   \n\
                \n\n";
    h.get_by_role(egui::accesskit::Role::MultilineTextInput)
        .focus();
    h.run_steps(1);
    h.event(egui::Event::Paste(list.into()));
    h.run_steps(3);
    // The preview says what will happen before anything does.
    assert!(
        h.query_by_label("Nieuwe agendapunten: 8, vanaf nummer 1")
            .is_some()
    );
    assert!(shows_part(&h, "5. ⚖ De school begint om half negen"));
    assert!(session(&h).agenda.is_empty());
    h.get_by_label("➕ Op de agenda zetten (8)").click();
    h.run_steps(2);
    let expected = [
        "Stellingen voor de ouderavond",
        "Huiswerk hoort op school gemaakt te worden.",
        "Een mobiele telefoon hoort niet in de klas.",
        "Ouders moeten één keer per jaar meedraaien in de klas.",
        "De school begint om half negen, niet eerder.",
        "Elke leerling krijgt een mentor uit een hogere klas.",
        "Rapporten zijn overbodig als er een portfolio is.",
        "Sport hoort elke dag op het rooster.",
    ];
    let s = session(&h);
    assert_eq!(texts(&s), expected);
    assert!(s.agenda.iter().all(|i| i.kind == ItemKind::Proposition));
    assert_eq!(s.agenda[0].options[0].label, "Eens");
    assert!(shows_part(&h, "✔ Op de agenda gezet: 1–8"));
    // One paste, one undo step.
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(session(&h).agenda.is_empty());
    press_mod(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(texts(&saved(&mut h)), expected);
}

#[test]
fn rename_add_and_remove_groups_asking_first_when_a_group_has_data() {
    let (_home, mut h) = started(Template::TableGroups, Language::En);
    press_mod(&mut h, Modifiers::COMMAND, Key::Num2);
    // Rename "Table 1".
    enter(&mut h, "Table 1", "Tafel bij het raam");
    let names = |s: &Session| s.groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&session(&h)),
        ["Tafel bij het raam", "Table 2", "Table 3", "Table 4"]
    );
    // An empty name is refused with a message.
    h.query_all_by_value("Table 2").next().unwrap().focus();
    h.run_steps(1);
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    press(&mut h, Key::Backspace);
    press(&mut h, Key::Enter);
    assert_eq!(session(&h).groups[1].name, "Table 2");
    assert!(shows_part(&h, "A group needs a name"));

    // Table 3 has a proposal: removing it asks first and says what happens.
    let s = session(&h);
    let proposals = s
        .agenda
        .iter()
        .find(|i| i.kind == ItemKind::Proposals)
        .unwrap()
        .id;
    let table3 = s.groups[2].id;
    let mut with_data = s.agenda.iter().find(|i| i.id == proposals).unwrap().clone();
    with_data.proposals.push(short_lines(s.fresh_id(), table3));
    h.state_mut()
        .apply(stelling::model::Change::ReplaceItem(Box::new(with_data)));
    h.run_steps(2);
    h.get_all_by_label("🗑 Delete").nth(2).unwrap().click();
    h.run_steps(2);
    assert!(h.query_by_label("Remove group ‘Table 3’?").is_some());
    assert!(
        h.query_by_label("• Proposals stay, without a group: 1")
            .is_some()
    );
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(session(&h).groups.len(), 4);
    h.get_all_by_label("🗑 Delete").nth(2).unwrap().click();
    h.run_steps(2);
    h.get_by_label("🗑 Yes, remove").click();
    h.run_steps(2);
    let s = session(&h);
    assert_eq!(names(&s), ["Tafel bij het raam", "Table 2", "Table 4"]);
    let p = &s.item(proposals).unwrap().proposals[0];
    assert_eq!(
        (p.title.as_str(), p.group),
        ("Korte lijnen", None),
        "nothing dangles"
    );
    validate::session(&s).unwrap();

    // A group without data goes at once; a new one is added with Enter.
    h.get_all_by_label("🗑 Delete").nth(2).unwrap().click();
    h.run_steps(2);
    assert_eq!(names(&session(&h)), ["Tafel bij het raam", "Table 2"]);
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .last()
        .unwrap()
        .focus();
    h.run_steps(1);
    type_text(&mut h, "Gemeente Zuidhorn");
    press(&mut h, Key::Enter);
    assert_eq!(
        names(&session(&h)),
        ["Tafel bij het raam", "Table 2", "Gemeente Zuidhorn"]
    );

    // Undo the add and the removal of Table 4: back in its place. The cursor stays in the
    // new-group field for the next name; Escape leaves it, so Ctrl+Z is for the session.
    press(&mut h, Key::Escape);
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        names(&session(&h)),
        ["Tafel bij het raam", "Table 2", "Table 4"]
    );
    let on_disk = saved(&mut h);
    assert_eq!(
        names(&on_disk),
        ["Tafel bij het raam", "Table 2", "Table 4"]
    );
    assert_eq!(on_disk, session(&h));
}

#[test]
fn session_details_are_typed_and_picked() {
    let (_home, mut h) = started(Template::PropositionWorkshop, Language::En);
    press_mod(&mut h, Modifiers::COMMAND, Key::Num2);
    enter(&mut h, "13:30", "9.15");
    let s = session(&h);
    assert_eq!(s.start_time.unwrap().format("%H:%M").to_string(), "09:15");
    // The calendar: today, then clear.
    h.get_by_label("📅 Calendar").click();
    h.run_steps(2);
    h.get_by_label("No date").click();
    h.run_steps(2);
    assert_eq!(session(&h).date, None);
    // A title typed without Enter, then a click on the room's language: both are kept (the
    // language change must not put the old title back).
    retype(
        &mut h,
        "Workshop with propositions",
        "Ouderavond ‘Samen’ — één avond",
    );
    // The language buttons of the form come after the status bar's.
    h.get_all_by_label("Nederlands").last().unwrap().click();
    h.run_steps(2);
    let s2 = session(&h);
    assert_eq!(s2.title, "Ouderavond ‘Samen’ — één avond");
    assert_eq!(s2.language, Language::Nl);
    assert_eq!(h.state().language(), Language::En, "the UI language stays");
    // An invalid time is refused with a message and the old one stays.
    enter(&mut h, "15:00", "25:61");
    assert!(shows_part(&h, "Time as 13:30"));
    assert_eq!(session(&h).end_time, s.end_time);
    let on_disk = saved(&mut h);
    assert_eq!(on_disk.date, None);
    assert_eq!(on_disk.start_time, s.start_time);
    assert_eq!(on_disk.title, "Ouderavond ‘Samen’ — één avond");
    assert_eq!(on_disk, session(&h));
}

#[test]
fn chat_import_through_the_preview_keeps_names_out_and_reports_unparsed_lines() {
    // The chat should go to the question about the updates (item 3).
    let (_home, mut h) = started_at(Template::OnlineFeedback, Language::En, 2);
    press_mod(&mut h, Modifiers::COMMAND, Key::Num4);
    let chat = "Meeting chat, saved 14 March\n\
                15:31:02 From Anneke de Wit to Everyone: Goed om te horen dat de werkgroep loopt!\n\
                15:31:40 From Hassan to Everyone: Wanneer komen de resultaten?\n\
                15:32:05 From Zoë 🌻 to Everyone: Ik doe graag mee\n\
                met de nieuwe werkgroep\n\
                15:32:30 From Piet to Anneke de Wit(privately): alleen voor jou\n";
    h.get_by_role(egui::accesskit::Role::MultilineTextInput)
        .focus();
    h.run_steps(1);
    h.event(egui::Event::Paste(chat.into()));
    h.run_steps(3);
    h.get_by_label("Read pasted text").click();
    h.run_steps(2);
    // The preview: three messages, the multi-line one whole, no names, the odd line reported.
    assert!(shows_part(&h, "messages: 3, lines not recognised: 1"));
    assert!(h.query_by_label("Wanneer komen de resultaten?").is_some());
    assert!(h.query_by_label("Ik doe graag mee …").is_some());
    assert!(
        h.query_by_label("Hassan").is_none(),
        "names are off by default"
    );
    assert!(
        h.query_by_label("Line 1: Meeting chat, saved 14 March")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("alleen voor jou").is_none(),
        "private stays out"
    );
    let target = session(&h).agenda[2].id;
    assert_eq!(
        h.query_all_by_label("To item").count(),
        2,
        "a label and the picker"
    );
    h.get_by_label("⬇ Import as reactions (3)").click();
    h.run_steps(2);
    let s = session(&h);
    let reactions: Vec<_> = s.item(target).unwrap().reactions().cloned().collect();
    assert_eq!(
        reactions
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>(),
        [
            "Goed om te horen dat de werkgroep loopt!",
            "Wanneer komen de resultaten?",
            "Ik doe graag mee\nmet de nieuwe werkgroep"
        ]
    );
    assert!(reactions.iter().all(|r| r.by.is_none()));
    assert_eq!(reactions[1].stance, stelling::model::Stance::Question);
    assert_eq!(
        reactions[0].time.unwrap().format("%H:%M:%S").to_string(),
        "15:31:02"
    );
    assert!(shows_part(&h, "✔ Reactions added to item 3: 3."));
    // One undo step takes the whole import back.
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).item(target).unwrap().reactions().count(), 0);
    press_mod(&mut h, Modifiers::COMMAND, Key::Y);
    let on_disk = saved(&mut h);
    assert_eq!(on_disk.item(target).unwrap().reactions().count(), 3);
    assert_eq!(on_disk, session(&h));
}

#[test]
fn chat_import_with_names_kept_on_request() {
    let (_home, mut h) = started(Template::OnlineFeedback, Language::Nl);
    press_mod(&mut h, Modifiers::COMMAND, Key::Num4);
    h.get_by_role(egui::accesskit::Role::MultilineTextInput)
        .focus();
    h.run_steps(1);
    h.event(egui::Event::Paste(
        "[10:02] Daan: Mooi plan\n[10:03] Lotte: Eens\n".into(),
    ));
    h.run_steps(1);
    h.get_by_label("Geplakte tekst lezen").click();
    h.run_steps(2);
    h.get_by_label("Namen bewaren (alleen als de deelnemers dat goed vinden)")
        .click();
    h.run_steps(2);
    assert!(h.query_by_label("Daan").is_some());
    h.get_by_label("⬇ Importeren als reacties (2)").click();
    h.run_steps(2);
    let s = saved(&mut h);
    let by: Vec<_> = s
        .agenda
        .iter()
        .flat_map(|i| i.reactions())
        .map(|r| r.by.clone())
        .collect();
    assert_eq!(by, [Some("Daan".to_string()), Some("Lotte".to_string())]);
}

#[test]
fn items_are_reordered_by_dragging_their_handle() {
    let (_home, mut h) = started(Template::PropositionWorkshop, Language::En);
    let before = texts(&session(&h));
    let row = |h: &Harness<'_, App>, prefix: &str| {
        h.query_all_by_label_contains(prefix)
            .next()
            .unwrap_or_else(|| panic!("no row {prefix}"))
            .rect()
    };
    let handle = |h: &Harness<'_, App>, n: usize| {
        h.query_all_by_label(" ↕ ").nth(n).unwrap().rect().center()
    };
    let drag = |h: &mut Harness<'_, App>, from: egui::Pos2, to: egui::Pos2| {
        h.drag_at(from);
        h.run_steps(1);
        h.hover_at(from + egui::vec2(0.0, 8.0));
        h.run_steps(1);
        h.hover_at(to);
        h.run_steps(1);
        h.drop_at(to);
        h.run_steps(3);
    };

    // The first item onto the lower half of the fourth: it lands after it.
    let target = row(&h, "4. ⚖");
    let to = egui::pos2(target.center().x, target.bottom() - 3.0);
    let from = handle(&h, 0);
    drag(&mut h, from, to);
    let after = texts(&session(&h));
    assert_eq!(after, [1, 2, 3, 0, 4, 5].map(|n| before[n].clone()));

    // The last item onto the upper half of the first: it becomes the first.
    let target = row(&h, "1. ⚖");
    let to = egui::pos2(target.center().x, target.top() + 3.0);
    let from = handle(&h, 5);
    drag(&mut h, from, to);
    let after = texts(&session(&h));
    assert_eq!(after[0], before[5]);
    assert_eq!(after[1], before[1]);

    // Each drag is one undo step.
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(texts(&session(&h)), before);
    press_mod(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(texts(&saved(&mut h))[3], before[0]);
}

#[test]
fn themes_of_a_statements_item_are_renamed_added_and_removed() {
    let (_home, mut h) = started_at(Template::SubgroupThemes, Language::Nl, 1);
    let item = session(&h).agenda[1].clone();
    assert_eq!(item.kind, ItemKind::Statements);
    let names = |h: &Harness<'_, App>| -> Vec<String> {
        session(h).agenda[1]
            .themes
            .iter()
            .map(|t| t.name.clone())
            .collect()
    };
    enter(&mut h, "Tijd en geld", "Geld, tijd en ruimte");
    assert_eq!(names(&h)[3], "Geld, tijd en ruimte");
    // A new theme with Enter.
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|n| n.value().as_deref() == Some(""))
        .unwrap()
        .focus();
    h.run_steps(1);
    type_text(&mut h, "Jongeren aan tafel");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Escape);
    assert_eq!(names(&h).len(), 6);
    assert_eq!(names(&h)[5], "Jongeren aan tafel");
    // Remove the first theme (no statements yet).
    h.get_all_by_label("✖").next().unwrap().click();
    h.run_steps(2);
    let on_disk = saved(&mut h);
    let saved_names: Vec<_> = on_disk.agenda[1]
        .themes
        .iter()
        .map(|t| t.name.clone())
        .collect();
    assert_eq!(
        saved_names,
        [
            "Vroeg signaleren",
            "Stem van de deelnemer",
            "Geld, tijd en ruimte",
            "Wat morgen al kan",
            "Jongeren aan tafel"
        ]
    );
}

#[test]
fn deleting_an_item_with_votes_asks_first_and_undo_brings_the_votes_back() {
    let (_home, mut h) = started(Template::PropositionWorkshop, Language::En);
    // An item without data goes at once.
    press(&mut h, Key::End);
    press(&mut h, Key::Delete);
    assert_eq!(session(&h).agenda.len(), 5);
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).agenda.len(), 6);

    // The second item gets three votes.
    let item = three_hands_on_the_second_item(&mut h);
    press(&mut h, Key::Home);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Delete);
    assert!(h.query_by_label("• Counted votes: 3").is_some());
    // Enter answers with the focused, safe button: nothing is deleted.
    press(&mut h, Key::Enter);
    assert!(h.query_by_label("• Counted votes: 3").is_none());
    assert_eq!(session(&h).agenda.len(), 6);
    press(&mut h, Key::Delete);
    h.get_by_label("🗑 Yes, remove").click();
    h.run_steps(2);
    let after = session(&h);
    assert_eq!(after.agenda.len(), 5);
    assert!(after.item(item).is_none());
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    let back = saved(&mut h);
    assert_eq!(back.item(item).unwrap().rounds[0].answers(), 3);
    assert_eq!(back, session(&h));
}

#[test]
fn a_long_list_with_odd_unicode_pastes_without_trouble_and_blank_text_adds_nothing() {
    let (_home, mut h) = started(Template::Blank, Language::En);
    press_mod(&mut h, Modifiers::COMMAND, Key::Num3);
    // Only blank lines and bullets: nothing to add, no button.
    h.event(egui::Event::Paste("\n  \n-\n•\n\t\n".into()));
    h.run_steps(3);
    assert!(h.query_by_label("Nothing to add yet.").is_some());
    assert!(h.query_by_label_contains("Add to the agenda").is_none());
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    press(&mut h, Key::Backspace);

    let odd = [
        "Ελληνικά και Русский: ook welkom",
        "Zoë’s idee — één 🌻 voor iedereen",
        "e\u{301}e\u{301}n ke\u{301}er (combining accents)",
        "zero\u{200B}width\u{FEFF}joiners",
        "👨‍👩‍👧‍👦 families first",
    ];
    let list: String = (0..600)
        .map(|n| format!("- {} {n}\n", odd[n % odd.len()]))
        .collect();
    h.event(egui::Event::Paste(list));
    h.run_steps(3);
    assert!(
        h.query_by_label("New agenda items: 600, from number 1")
            .is_some()
    );
    h.get_by_label("➕ Add to the agenda (600)").click();
    h.run_steps(2);
    let s = session(&h);
    assert_eq!(s.agenda.len(), 600);
    assert_eq!(s.agenda[1].text, "Zoë’s idee — één 🌻 voor iedereen 1");
    validate::session(&s).unwrap();
    // The agenda shows them, and one undo takes them all away.
    press_mod(&mut h, Modifiers::COMMAND, Key::Num1);
    assert!(
        h.query_by_label("1. ⚖ Ελληνικά και Русский: ook welkom 0")
            .is_some()
    );
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(session(&h).agenda.is_empty());
}

#[test]
fn a_new_empty_session_opens_ready_to_prepare() {
    let home = tempfile::tempdir().unwrap();
    let mut h = harness(app_in(home.path(), Language::Nl));
    h.get_by_label("➕ Nieuwe lege sessie").click();
    h.run_steps(2);
    let open = h.state().open.as_ref().expect("opened");
    assert_eq!(open.view.screen, Screen::Prepare);
    let s = session(&h);
    assert_eq!(s.title, "Nieuwe sessie");
    assert_eq!(s.language, Language::Nl);
    assert!(s.agenda.is_empty());
    assert_eq!(store::load(&path(&h)).unwrap(), s);
}

/// Removes every answer of the selected proposition with its ✖ buttons.
fn remove_all_answers(h: &mut Harness<'_, App>) {
    while h.query_all_by_label("✖").next().is_some() {
        h.get_all_by_label("✖").next().unwrap().click();
        h.run_steps(2);
    }
    assert!(shows_part(h, "needs at least one answer"));
}

#[test]
fn text_typed_for_a_proposition_without_answers_is_kept() {
    let (_home, mut h) = started_at(Template::PropositionWorkshop, Language::En, 1);
    let item = session(&h).agenda[1].clone();
    assert_eq!(item.kind, ItemKind::Proposition);
    remove_all_answers(&mut h);
    // Each removal is a change; the last answer stays in the file.
    let kept = session(&h).item(item.id).unwrap().options.clone();
    assert_eq!(kept.len(), 1);
    press(&mut h, Key::F2);
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Nieuwe tekst zonder antwoorden");
    // A click on another item: the text is stored, the answers stay as they were.
    click_first_item(&mut h);
    let s = session(&h);
    let stored = s.item(item.id).unwrap();
    assert_eq!(stored.text, "Nieuwe tekst zonder antwoorden");
    assert_eq!(stored.options, kept);
    assert_eq!(saved(&mut h), s);

    // The same with Ctrl+W straight after typing: the file has the text.
    press(&mut h, Key::ArrowDown);
    remove_all_answers(&mut h);
    press(&mut h, Key::F2);
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Tweede versie");
    let file = path(&h);
    press_mod(&mut h, Modifiers::COMMAND, Key::W);
    assert!(h.state().open.is_none());
    let on_disk = store::load(&file).unwrap();
    let stored = on_disk.item(item.id).unwrap();
    assert_eq!(stored.text, "Tweede versie");
    assert_eq!(stored.options, kept);
}

#[test]
fn undo_and_redo_of_details_work_while_a_field_is_invalid() {
    let (_home, mut h) = started(Template::PropositionWorkshop, Language::En);
    let before = session(&h);
    press_mod(&mut h, Modifiers::COMMAND, Key::Num2);
    enter(&mut h, "Workshop with propositions", "Nieuwe titel");
    assert_eq!(session(&h).title, "Nieuwe titel");
    enter(&mut h, "15:00", "25:61");
    assert!(shows_part(&h, "Time as 13:30"));
    assert_eq!(session(&h).end_time, before.end_time);

    // To the run screen, and undo the title: it goes back and stays back.
    press_mod(&mut h, Modifiers::COMMAND, Key::P);
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).title, "Workshop with propositions");
    press_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(session(&h).title, "Nieuwe titel", "redo still has the step");
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    // Back on the details tab, the refused draft does not put the title back either.
    press_mod(&mut h, Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    press_mod(&mut h, Modifiers::COMMAND, Key::P);
    let s = session(&h);
    assert_eq!(s.title, "Workshop with propositions");
    assert_eq!(s.end_time, before.end_time);
    assert_eq!(saved(&mut h), s);
}

#[test]
fn a_group_or_theme_being_renamed_is_kept_when_leaving_by_key() {
    let (home, mut h) = started(Template::TableGroups, Language::En);
    let names = |s: &Session| s.groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>();
    let rename = |h: &mut Harness<'_, App>, old: &str, new: &str| {
        h.query_all_by_value(old).next().unwrap().focus();
        h.run_steps(1);
        press_mod(h, Modifiers::COMMAND, Key::A);
        type_text(h, new);
    };
    press_mod(&mut h, Modifiers::COMMAND, Key::Num2);
    rename(&mut h, "Table 1", "Raamtafel");
    press_mod(&mut h, Modifiers::COMMAND, Key::P);
    assert_eq!(names(&session(&h))[0], "Raamtafel");
    press_mod(&mut h, Modifiers::COMMAND, Key::E);
    rename(&mut h, "Table 2", "Deurtafel");
    press_mod(&mut h, Modifiers::COMMAND, Key::Num1);
    assert_eq!(names(&session(&h))[1], "Deurtafel");
    press_mod(&mut h, Modifiers::COMMAND, Key::Num2);
    rename(&mut h, "Table 3", "Hoektafel");
    let file = path(&h);
    press_mod(&mut h, Modifiers::COMMAND, Key::W);
    assert!(h.state().open.is_none());
    assert_eq!(
        names(&store::load(&file).unwrap()),
        ["Raamtafel", "Deurtafel", "Hoektafel", "Table 4"]
    );

    // Themes of a statements item, the same three ways.
    let mut h = from_template(home.path(), Template::SubgroupThemes, Language::Nl);
    press(&mut h, Key::ArrowDown);
    let themes = |s: &Session| -> Vec<String> {
        s.agenda[1].themes.iter().map(|t| t.name.clone()).collect()
    };
    let old = themes(&session(&h));
    rename(&mut h, &old[0], "Eerste thema");
    press_mod(&mut h, Modifiers::COMMAND, Key::Num3);
    assert_eq!(themes(&session(&h))[0], "Eerste thema");
    press_mod(&mut h, Modifiers::COMMAND, Key::Num1);
    rename(&mut h, &old[1], "Tweede thema");
    press_mod(&mut h, Modifiers::COMMAND, Key::P);
    assert_eq!(themes(&session(&h))[1], "Tweede thema");
    press_mod(&mut h, Modifiers::COMMAND, Key::E);
    rename(&mut h, &old[2], "Derde thema");
    let file = path(&h);
    press_mod(&mut h, Modifiers::COMMAND, Key::W);
    assert!(h.state().open.is_none());
    assert_eq!(
        themes(&store::load(&file).unwrap())[..3],
        ["Eerste thema", "Tweede thema", "Derde thema"]
    );
}

#[test]
fn cancel_has_the_keyboard_every_time_a_delete_question_is_asked() {
    let (home, mut h) = started(Template::PropositionWorkshop, Language::En);
    three_hands_on_the_second_item(&mut h);
    press(&mut h, Key::ArrowDown);
    let order = texts(&session(&h));
    for _ in 0..2 {
        press(&mut h, Key::Delete);
        assert!(h.query_by_label("• Counted votes: 3").is_some());
        // The agenda's keys wait while the question is open.
        press_mod(&mut h, Modifiers::ALT, Key::ArrowDown);
        assert_eq!(texts(&session(&h)), order);
        // Enter answers with the focused, safe button, the second time too.
        press(&mut h, Key::Enter);
        assert!(h.query_by_label("• Counted votes: 3").is_none());
        assert_eq!(session(&h).agenda.len(), 6);
    }

    // Removing a group with data asks the same way.
    let mut h = from_template(home.path(), Template::TableGroups, Language::En);
    let s = session(&h);
    let table3 = s.groups[2].id;
    let mut with_data = s
        .agenda
        .iter()
        .find(|i| i.kind == ItemKind::Proposals)
        .unwrap()
        .clone();
    with_data.proposals.push(short_lines(s.fresh_id(), table3));
    h.state_mut()
        .apply(stelling::model::Change::ReplaceItem(Box::new(with_data)));
    press_mod(&mut h, Modifiers::COMMAND, Key::Num2);
    for _ in 0..2 {
        h.get_all_by_label("🗑 Delete").nth(2).unwrap().click();
        h.run_steps(2);
        assert!(h.query_by_label("Remove group ‘Table 3’?").is_some());
        press(&mut h, Key::Enter);
        assert!(h.query_by_label("Remove group ‘Table 3’?").is_none());
        assert_eq!(session(&h).groups.len(), 4);
    }
}
