//! The app and the frame loop: settings, the message line, the dialogs, opening, saving and
//! closing the session (its state is in [`super::state`]), the keys that work everywhere, and
//! carrying out what the screens ask for ([`Request`]). The screens are its children: they get
//! the state and return requests, and none of them knows this module.

use super::background::{Task, picked, session_files};
use super::commands::{self, Command};
use super::request::Request;
use super::state::live::LiveOptions;
use super::state::{OpenSession, RunState, Screen, clamp_view};
use super::texts::{Texts, texts};
use super::{beamer, errors, live, merge_view, prepare_view, report_view, run_view, start};
use crate::model::{Change, Document, Language, Session};
use crate::store::{self, Access, Autosave, LockError, SessionLock, settings};

use std::path::{Path, PathBuf};
use std::time::Instant;

/// A native file dialog running on its own thread, so the UI never freezes.
enum Dialog {
    Open(Task<Option<PathBuf>>),
    SaveAs(Task<Option<PathBuf>>),
    /// A chat to import: picked, read and parsed on the dialog's thread.
    Chat(Task<Option<Result<prepare_view::ChatFile, String>>>),
    /// Where to save a report; the export starts once a path is picked ([`App::export_to`]).
    Export(report_view::ExportFormat, Task<Option<PathBuf>>),
}

/// A dialog's answer, taken out of it.
enum Answer {
    Path(Option<PathBuf>),
    Chat(Option<Result<prepare_view::ChatFile, String>>),
}

pub struct App {
    pub settings: settings::Settings,
    pub open: Option<OpenSession>,
    /// An error to show until dismissed (a file that would not open, for example).
    pub message: Option<String>,
    pub show_shortcuts: bool,
    /// A close was refused once because saving failed; the next close goes through.
    pub close_anyway: bool,
    /// Where new sessions and example copies go.
    pub sessions_dir: PathBuf,
    /// Whether settings changes are written to the settings file (off in tests).
    pub persist: bool,
    dialog: Option<Dialog>,
    /// Handing out subgroup copies and merging them back ([`merge_view`]).
    pub merge: merge_view::MergeState,
    /// Where live voting listens (`--port`, `--bind`).
    pub live_options: LiveOptions,
    /// Print the join address on standard output when live voting starts (`--live`).
    pub print_join: bool,
    /// The window the live server wakes when a ballot arrives.
    waker: live::Waker,
}

impl App {
    /// Starts with FILE, else the last session used, else an example (first start).
    /// With `live`, live voting starts on that session at once and the join address is printed.
    pub fn launch(file: Option<PathBuf>, live: Option<LiveOptions>) -> Self {
        let mut app = App::with_settings(settings::load_settings());
        app.sessions_dir = settings::sessions_dir();
        app.persist = true;
        match file {
            Some(path) => app.open_path(&path),
            None => {
                if let Some(last) = app.settings.recent.first().cloned() {
                    if last.exists() {
                        app.open_path(&last);
                    }
                } else if let Some(example) = store::examples::EXAMPLES.first() {
                    app.open_example(example);
                }
            }
        }
        if let Some(options) = live {
            app.live_options = options;
            app.print_join = true;
            app.start_live();
        }
        app
    }

    /// Starts live voting on the open session; a failure (no free port) is shown.
    /// With `--live`, a failure goes to standard error too, for the script that waits for the
    /// address.
    pub fn start_live(&mut self) {
        let t = self.texts();
        let Some(open) = &mut self.open else {
            if self.print_join {
                eprintln!("stelling: {}: {}", t.live.failed, t.could_not_open);
            }
            return;
        };
        match live::start(open, self.live_options, &self.waker) {
            Ok(url) => {
                if self.print_join {
                    println!("{url}");
                }
            }
            Err(e) => {
                let message = format!("{}: {e}", t.live.failed);
                if self.print_join {
                    eprintln!("stelling: {message}");
                }
                self.message = Some(message);
            }
        }
    }

    /// Stops live voting; the ballots stay in the session.
    pub fn stop_live(&mut self) {
        if let Some(open) = &mut self.open {
            live::stop(open);
        }
    }

    /// An app with no session open, for tests and the start screen.
    pub fn with_settings(settings: settings::Settings) -> Self {
        App {
            settings,
            open: None,
            message: None,
            show_shortcuts: false,
            close_anyway: false,
            sessions_dir: std::env::temp_dir().join("stelling"),
            persist: false,
            dialog: None,
            merge: Default::default(),
            live_options: LiveOptions::default(),
            print_join: false,
            waker: Default::default(),
        }
    }

    /// The presenter's language: the user's choice, else the system's.
    pub fn language(&self) -> Language {
        self.settings
            .language
            .unwrap_or_else(settings::system_language)
    }

    pub fn texts(&self) -> &'static Texts {
        texts(self.language())
    }

    pub fn set_language(&mut self, language: Language) {
        self.settings.language = Some(language);
        self.persist_settings();
    }

    fn persist_settings(&mut self) {
        // Settings are a convenience: failing to store them is not worth interrupting a session.
        if self.persist {
            let _ = settings::save_settings(&self.settings);
        }
    }

    /// Opens a session file for editing; on failure the reason is shown and nothing is written.
    /// A session whose folder or file cannot be written opens read-only.
    pub fn open_path(&mut self, path: &Path) {
        self.open_path_with(path, SessionLock::acquire);
    }

    /// Like [`App::open_path`] with the lock taken by `acquire`: tests inject a read-only
    /// folder's failure here.
    pub fn open_path_with(
        &mut self,
        path: &Path,
        acquire: impl FnOnce(&Path) -> Result<SessionLock, LockError>,
    ) {
        self.commit_prepare_drafts();
        if let Some(old) = &self.open
            && store::same_file(old.autosave.path(), path)
        {
            return;
        }
        // Never drop a session whose changes cannot be written: it stays open and says why.
        let note = match self.flush_note() {
            Ok(note) => note,
            Err(e) => {
                self.message = Some(errors::save_error(&e, self.texts()));
                return;
            }
        };
        match open_session(path, acquire) {
            Ok(open) => {
                let path = open.autosave.path().to_path_buf();
                self.settings.remember(&path);
                self.persist_settings();
                self.open = Some(open);
                self.message = note;
                if let Some((when, what)) = store::crash::take_note(&path) {
                    let t = self.texts();
                    self.message = Some(format!("{} ({when}) {what}", t.crashed_last_time));
                }
            }
            Err(e) => {
                let t = self.texts();
                self.message = Some(format!(
                    "{}: {}",
                    t.could_not_open,
                    errors::open_error(&e, t)
                ));
            }
        }
    }

    pub fn open_example(&mut self, example: &store::examples::Example) {
        match store::examples::install(example, &self.sessions_dir) {
            Ok(path) => self.open_path(&path),
            Err(e) => self.message = Some(format!("{}: {e}", self.texts().could_not_open)),
        }
    }

    /// Creates an empty session in the sessions folder and opens it.
    pub fn new_session(&mut self) {
        let t = self.texts();
        let session = Session::new(t.new_session_title, self.language());
        self.create_session(session);
    }

    /// Creates a session from a template (fresh ids, today's date) in the sessions folder and
    /// opens it on the prepare screen.
    pub fn new_from_template(&mut self, template: store::templates::Template, language: Language) {
        let today = chrono::Local::now().date_naive();
        self.create_session(template.instantiate(language, today));
        if let Some(open) = &mut self.open
            && self.message.is_none()
        {
            open.view.screen = Screen::Prepare;
        }
    }

    /// Saves a new session under a free name in the sessions folder and opens it.
    fn create_session(&mut self, session: Session) {
        let t = self.texts();
        let dir = self.sessions_dir.clone();
        let path = free_path(&dir, &store::file_name_for(&session.title));
        let result = std::fs::create_dir_all(&dir)
            .map_err(|e| e.to_string())
            .and_then(|()| store::save(&path, &session).map_err(|e| e.to_string()));
        match result {
            Ok(()) => self.open_path(&path),
            Err(e) => self.message = Some(format!("{}: {e}", t.could_not_open)),
        }
    }

    /// Saves and closes the open session, back to the start screen.
    pub fn close_session(&mut self) {
        self.commit_prepare_drafts();
        self.commit_statement_drafts();
        match self.flush_note() {
            Ok(note) => {
                self.open = None;
                self.message = note;
            }
            Err(e) => self.message = Some(errors::save_error(&e, self.texts())),
        }
    }

    /// Ends the standstill after another program changed the session file: either this
    /// version replaces it (the other one is kept beside it), or the other one is loaded (this
    /// one is kept beside it). Nothing is lost either way.
    pub fn resolve_changed_elsewhere(&mut self, keep_mine: bool) {
        let t = self.texts();
        let Some(open) = &mut self.open else { return };
        if keep_mine {
            self.message = Some(match open.autosave.keep_mine(&open.doc, t.side_theirs) {
                Ok(side) => format!("{} {}", t.other_kept_beside, side.display()),
                Err(e) => errors::save_error(&e, t),
            });
            return;
        }
        let path = open.autosave.path().to_path_buf();
        let theirs = match store::load(&path) {
            Ok(session) => session,
            Err(e) => {
                let why = errors::load_error(&e, t);
                self.message = Some(format!("{}: {why}", t.could_not_open));
                return;
            }
        };
        match open.autosave.save_beside(&open.doc, t.side_mine) {
            Ok(side) => {
                open.doc = Document::new(theirs);
                open.autosave.reload(&open.doc);
                open.view.editing = None;
                open.view.selected_reaction = None;
                clamp_view(open);
                self.message = Some(format!("{} {}", t.saved_beside, side.display()));
            }
            Err(e) => self.message = Some(errors::save_error(&e, t)),
        }
    }

    /// Runs `frame` and, should it panic, saves the session first (beside the file if need
    /// be) and leaves a crash note next to it, so the next start can say what happened. The
    /// panic is handed back: after one, the window's state cannot be trusted.
    pub fn guarded(
        &mut self,
        frame: impl FnOnce(&mut App),
    ) -> Result<(), Box<dyn std::any::Any + Send>> {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| frame(self)));
        let t = self.texts();
        if result.is_err() {
            // Whatever was being typed goes in too, unless that panics as well.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                self.commit_prepare_drafts();
                self.commit_statement_drafts();
            }));
        }
        if let Err(payload) = &result
            && let Some(open) = &mut self.open
        {
            let _ = open.autosave.flush(&open.doc, t.side_mine);
            let path = open.autosave.path().to_path_buf();
            store::crash::write_note(&path, &store::crash::panic_message(payload.as_ref()));
        }
        result
    }

    /// Saves whatever is unsaved now. If another program changed the file meanwhile, this
    /// version goes next to it, and the note says where.
    fn flush_note(&mut self) -> Result<Option<String>, store::SaveError> {
        let t = self.texts();
        let Some(open) = &mut self.open else {
            return Ok(None);
        };
        let side = open.autosave.flush(&open.doc, t.side_mine)?;
        Ok(side.map(|p| format!("{} {}", t.saved_beside, p.display())))
    }

    /// Stores what was typed in run mode but not yet confirmed: statements, a reaction in the
    /// capture field, a reaction being edited.
    fn commit_statement_drafts(&mut self) {
        let Some(open) = &mut self.open else { return };
        let current = open.current_item_id();
        let changes = run_view::take_drafts(open, current);
        for change in changes {
            self.apply(change);
        }
    }

    /// Stores what was typed on the prepare screen but is not a change yet.
    fn commit_prepare_drafts(&mut self) {
        let t = self.texts();
        let Some(open) = &mut self.open else { return };
        for change in prepare_view::commit_drafts(open, t) {
            self.apply(change);
        }
    }

    /// Carries out what a screen asked for, in order, and keeps the view's indices valid after
    /// the changes.
    pub fn carry_out(&mut self, requests: impl IntoIterator<Item = Request>) {
        for request in requests {
            match request {
                Request::Apply(change) => self.apply(change),
                Request::ChooseSession => self.start_open_dialog(),
                Request::Open(path) => self.open_path(&path),
                Request::OpenExample(example) => self.open_example(example),
                Request::NewFromTemplate(template, language) => {
                    self.new_from_template(template, language)
                }
                Request::SaveAs => self.start_save_as_dialog(),
                Request::ChooseChatFile => self.start_chat_dialog(),
                Request::HandOutCopies => {
                    if let Some(open) = &self.open {
                        merge_view::start_hand_out(&mut self.merge, open, &self.sessions_dir);
                    }
                }
                Request::MergeFiles => merge_view::start_merge(&mut self.merge, &self.sessions_dir),
                Request::Export(format) => self.start_export_dialog(format),
                Request::OpenFolder(folder) => {
                    if let Err(e) = report_view::export::open_folder(&folder) {
                        self.message = Some(format!("{}: {e}", folder.display()));
                    }
                }
                Request::Show(screen) => {
                    if let Some(open) = &mut self.open {
                        open.view.screen = screen;
                    }
                }
                Request::SetLanguage(language) => self.set_language(language),
                Request::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
                Request::CloseSession => self.close_session(),
                Request::StartLive => self.start_live(),
                Request::StopLive => self.stop_live(),
            }
        }
        if let Some(open) = &mut self.open {
            clamp_view(open);
        }
    }

    /// Writes one copy of the open session per group into `folder` (see
    /// [`merge_view::hand_out_to`]).
    pub fn hand_out_to(&mut self, folder: &Path) {
        if let Some(open) = &self.open {
            merge_view::hand_out_to(&mut self.merge, open, folder);
        }
    }

    /// Saves the merged session of the merge window to `path` and opens it (see
    /// [`merge_view::save_merged`]).
    pub fn save_merged(&mut self, path: PathBuf) {
        let t = self.texts();
        if let Some(saved) = merge_view::save_merged(&mut self.merge, path, t) {
            self.open_path(&saved);
        }
    }

    /// Applies a change to the open session; a refused change is shown, never lost silently.
    pub fn apply(&mut self, change: Change) {
        if let Some(open) = &mut self.open
            && let Err(e) = open.doc.apply(change)
        {
            self.message = Some(errors::model_error(&e, self.texts()));
        }
    }

    /// Saves now whatever is unsaved (window closing).
    pub fn flush(&mut self) -> Result<(), store::SaveError> {
        self.commit_prepare_drafts();
        self.commit_statement_drafts();
        if let Some(note) = self.flush_note()? {
            self.message = Some(note);
        }
        Ok(())
    }

    pub fn start_open_dialog(&mut self) {
        if self.dialog.is_some() {
            return; // One dialog at a time: a second would drop the first one's answer.
        }
        let dir = self.sessions_dir.clone();
        self.dialog = Some(Dialog::Open(Task::spawn(move || {
            session_files(dir).pick_file()
        })));
    }

    pub fn start_save_as_dialog(&mut self) {
        if self.dialog.is_some() {
            return; // One dialog at a time: a second would drop the first one's answer.
        }
        let Some(open) = &self.open else { return };
        let name = store::file_name_for(&open.doc.session().title);
        let dir = open
            .autosave
            .path()
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.sessions_dir.clone());
        self.dialog = Some(Dialog::SaveAs(Task::spawn(move || {
            session_files(dir).set_file_name(name).save_file()
        })));
    }

    /// Saves the open session under a new name and keeps working there (also the way on from
    /// a read-only session).
    pub fn save_as(&mut self, path: PathBuf) {
        let Some(open) = &mut self.open else { return };
        if store::same_file(open.autosave.path(), &path) {
            if let Err(e) = self.flush() {
                self.message = Some(errors::save_error(&e, self.texts()));
            }
            return;
        }
        let path = match store::resolve_session_path(&path) {
            Ok(path) => path,
            Err(error) => {
                let e = store::SaveError { path, error };
                self.message = Some(errors::save_error(&e, self.texts()));
                return;
            }
        };
        let lock = match SessionLock::acquire(&path) {
            Ok(lock) => lock,
            Err(e) => {
                self.message = Some(errors::open_error(
                    &errors::OpenError::Lock(e),
                    self.texts(),
                ));
                return;
            }
        };
        match open.autosave.save_as(path.clone(), &open.doc, lock) {
            Ok(()) => {
                // What was said about saving (read-only, a full disk) no longer holds.
                self.message = None;
                self.settings.remember(&path);
                self.persist_settings();
            }
            Err(e) => self.message = Some(errors::save_error(&e, self.texts())),
        }
    }

    /// Asks for a chat file to import; it is read and parsed off the UI thread, so a big
    /// chat or a slow network drive never freezes the window.
    pub fn start_chat_dialog(&mut self) {
        if self.dialog.is_some() {
            return; // One dialog at a time: a second would drop the first one's answer.
        }
        let t = self.texts();
        self.dialog = Some(Dialog::Chat(Task::spawn(move || {
            let picked = rfd::FileDialog::new()
                .add_filter("Chat", &["txt", "log", "text"])
                .add_filter("*", &["*"])
                .pick_file();
            picked.map(|path| prepare_view::read_chat_file(&path, t))
        })));
    }

    /// Asks where to save the report in `format`, in the session file's folder under the
    /// session's name; the export starts when a path is picked.
    pub fn start_export_dialog(&mut self, format: report_view::ExportFormat) {
        if self.dialog.is_some() {
            return; // One dialog at a time: a second would drop the first one's answer.
        }
        let Some(open) = &self.open else { return };
        let name = format.file_name(&open.doc.session().title);
        let dir = report_view::folder_of(open.autosave.path(), &self.sessions_dir);
        self.dialog = Some(Dialog::Export(
            format,
            Task::spawn(move || {
                rfd::FileDialog::new()
                    .add_filter(format.filter_name(), &[format.extension()])
                    .set_directory(dir)
                    .set_file_name(name)
                    .save_file()
            }),
        ));
    }

    /// Whether an export's save dialog is open (the report screen waits for it).
    fn export_dialog_open(&self) -> bool {
        matches!(self.dialog, Some(Dialog::Export(..)))
    }

    /// Renders the report in `format` from a copy of the session and writes it to `path`
    /// atomically, on a thread of its own: a PDF of a big session takes half a second, and the
    /// window keeps drawing meanwhile. The report screen shows progress and the outcome. The
    /// save dialog ends here too.
    pub fn export_to(&mut self, format: report_view::ExportFormat, path: PathBuf) {
        let t = self.texts();
        let Some(open) = &mut self.open else { return };
        let session = open.doc.session().clone();
        let target = path.clone();
        let input = open.autosave.path().to_path_buf();
        let done = Task::spawn(move || {
            // The save dialog asked about overwriting; a session is refused all the same.
            store::check_export_target(&target, &input, true)
                .map_err(|e| errors::export_target_error(&e, t))
                .and_then(|()| format.render(&session))
                .and_then(|bytes| store::write_export(&target, &bytes).map_err(|e| e.to_string()))
        });
        open.view.report.export = Some(report_view::ExportStatus::Running { format, path, done });
    }

    /// Takes the open dialog's answer once it has come, and acts on it.
    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let answer = match &self.dialog {
            None => return,
            Some(Dialog::Open(task) | Dialog::SaveAs(task) | Dialog::Export(_, task)) => {
                task.poll_in(ctx).map(|a| Answer::Path(picked(a)))
            }
            Some(Dialog::Chat(task)) => task.poll_in(ctx).map(|a| Answer::Chat(picked(a))),
        };
        let (Some(answer), Some(dialog)) = (answer, self.dialog.take()) else {
            return;
        };
        match (dialog, answer) {
            (Dialog::Open(_), Answer::Path(Some(path))) => self.open_path(&path),
            (Dialog::SaveAs(_), Answer::Path(Some(path))) => self.save_as(path),
            (Dialog::Export(format, _), Answer::Path(Some(path))) => {
                self.export_to(format, format.with_extension(path))
            }
            (Dialog::Chat(_), Answer::Chat(chat)) => {
                if let Some(open) = &mut self.open {
                    match chat {
                        Some(result) => open.view.prepare.chat.loaded(result),
                        None => open.view.prepare.chat.loading = false,
                    }
                }
            }
            _ => {}
        }
    }

    /// Draws one frame. The eframe wrapper and the UI tests both call this.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let _ = self.waker.set(ctx.clone());
        // The phones' ballots first, so this frame's tally table already counts them.
        if let Some(open) = &mut self.open {
            live::pump(open);
        }
        self.poll_dialog(&ctx);
        self.global_keys(&ctx);
        self.status_bar(ui);
        self.screen_tabs(ui);
        if self
            .open
            .as_ref()
            .is_some_and(|o| o.view.screen != Screen::Prepare)
        {
            // Whatever was typed on the prepare screen is kept when leaving it.
            self.commit_prepare_drafts();
        }
        let t = self.texts();
        let choosing = self.export_dialog_open();
        let requests = match &mut self.open {
            Some(open) => match open.view.screen {
                Screen::Prepare => prepare_view::show(open, t, ui),
                Screen::Run => run_view::show(open, t, ui),
                Screen::Report => report_view::show(open, t, choosing, ui),
            },
            None => start::show(&self.settings.recent, self.language(), t, ui),
        };
        self.carry_out(requests);
        if self.show_shortcuts {
            self.shortcuts_overlay(&ctx);
        }
        let requests = merge_view::show(
            &mut self.merge,
            self.open.as_ref(),
            &self.sessions_dir,
            t,
            &ctx,
        );
        self.carry_out(requests);
        if let Some(open) = &mut self.open {
            let requests = beamer::show_window(open, &ctx, run_view::keys);
            self.carry_out(requests);
        }
        // Again after the screens: the phones follow this frame's moves at once.
        if let Some(open) = &mut self.open {
            // The server wakes the window for ballots and for phones coming and going.
            live::pump(open);
        }
        self.autosave(&ctx);
    }

    /// Saves in the background; the writer wakes the window when a save ends, and a frame
    /// whose tick changed the status is drawn again, because the status line was drawn before
    /// the tick.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(open) = &mut self.open else { return };
        if !open.autosave.has_waker() {
            let ctx = ctx.clone();
            open.autosave.set_waker(move || ctx.request_repaint());
        }
        let before = open.autosave.status().clone();
        let wait = open.autosave.tick(&open.doc, Instant::now());
        if *open.autosave.status() != before {
            ctx.request_repaint();
        } else if let Some(wait) = wait {
            ctx.request_repaint_after(wait);
        }
    }

    fn global_keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let pressed = |c: Command| commands::pressed(ctx, c);
        // F1 always; ? only while no text field takes it as a character.
        if commands::pressed_unless_typing(ctx, Command::ShortcutOverview, typing) {
            self.show_shortcuts = !self.show_shortcuts;
        }
        if self.show_shortcuts && pressed(Command::Leave) {
            self.show_shortcuts = false;
        }
        if pressed(Command::Language) {
            let next = match self.language() {
                Language::Nl => Language::En,
                Language::En => Language::Nl,
            };
            self.set_language(next);
        }
        if pressed(Command::Open) {
            self.start_open_dialog();
        }
        if self.open.is_none() {
            return;
        }
        if pressed(Command::Close) {
            self.close_session();
            return;
        }
        if pressed(Command::LiveMode) {
            if self.open.as_ref().is_some_and(|o| o.live.is_some()) {
                self.stop_live();
            } else {
                self.start_live();
            }
        }
        for (key, screen) in [
            (Command::ScreenPrepare, Screen::Prepare),
            (Command::ScreenRun, Screen::Run),
            (Command::ScreenReport, Screen::Report),
        ] {
            if pressed(key) {
                self.carry_out([Request::Show(screen)]);
            }
        }
        // While typing, Ctrl+Z belongs to the text field, not to the session.
        if typing {
        } else if pressed(Command::Redo) {
            self.redo();
        } else if pressed(Command::Undo) {
            self.undo();
        }
        if pressed(Command::SaveAs) {
            self.start_save_as_dialog();
        } else if pressed(Command::Save)
            && let Err(e) = self.flush()
        {
            self.message = Some(errors::save_error(&e, self.texts()));
        }
    }

    pub fn undo(&mut self) {
        if let Some(open) = &mut self.open {
            open.doc.undo();
            open.view.editing = None;
            clamp_view(open);
        }
    }

    pub fn redo(&mut self) {
        if let Some(open) = &mut self.open {
            open.doc.redo();
            open.view.editing = None;
            clamp_view(open);
        }
    }

    /// Tabs for the three screens of an open session.
    fn screen_tabs(&mut self, ui: &mut egui::Ui) {
        let t = self.texts();
        let Some(open) = &mut self.open else {
            return;
        };
        egui::Panel::top("screens").show(ui, |ui| {
            ui.horizontal(|ui| {
                for (screen, label, keys) in [
                    (Screen::Prepare, t.screen_prepare, "Ctrl+E"),
                    (Screen::Run, t.screen_run, "Ctrl+P"),
                    (Screen::Report, t.screen_report, "Ctrl+R"),
                ] {
                    ui.selectable_value(
                        &mut open.view.screen,
                        screen,
                        egui::RichText::new(label).size(18.0),
                    )
                    .on_hover_text(keys);
                }
            });
        });
    }

    /// The save status on the left, the buttons on the right. The right side is laid out
    /// first and the left side gets the room that is left, its texts cut short (the full text
    /// on hover): a long failure message can neither push Save as… out of the window nor
    /// draw it over the language buttons. Save as…, the way out, comes right after "not
    /// saved", before the message that explains it.
    fn status_bar(&mut self, ui: &mut egui::Ui) {
        let t = self.texts();
        let mut save_as = false;
        let mut buttons = Vec::new();
        egui::Panel::bottom("status").show(ui, |ui| {
            egui::containers::Sides::new()
                .shrink_left()
                .truncate()
                .show(
                    ui,
                    |ui| save_as = self.save_status(ui, t),
                    |ui| buttons = self.status_buttons(ui, t),
                );
        });
        let save_as = save_as.then_some(Request::SaveAs);
        self.carry_out(save_as.into_iter().chain(buttons));
        // Keep mine (true) or load theirs (false), when another program changed the file.
        let mut resolve = None;
        let changed_elsewhere = self
            .open
            .as_ref()
            .is_some_and(|o| *o.autosave.status() == store::SaveStatus::ChangedElsewhere);
        if changed_elsewhere {
            // A choice to make before anything is saved again: up top, with room to explain.
            egui::Panel::top("changed-elsewhere").show(ui, |ui| {
                ui.add_space(4.0);
                ui.label(
                    egui::RichText::new(format!("⚠ {}", t.changed_elsewhere))
                        .strong()
                        .size(18.0)
                        .color(super::theme::WARN),
                );
                ui.label(t.changed_elsewhere_hint);
                ui.horizontal(|ui| {
                    if ui.button(t.keep_mine).clicked() {
                        resolve = Some(true);
                    }
                    if ui.button(t.load_theirs).clicked() {
                        resolve = Some(false);
                    }
                });
                ui.add_space(4.0);
            });
        }
        if let Some(keep_mine) = resolve {
            self.resolve_changed_elsewhere(keep_mine);
        }
        self.not_saving_banner(ui);
        if let Some(message) = self.message.clone() {
            egui::Panel::top("message").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    super::widgets::alert(ui, message);
                    if ui.button(t.close).clicked() {
                        self.message = None;
                    }
                });
            });
        }
    }

    /// Up top while nothing is saved to the session file (read-only, or another copy holds
    /// its lock): what happened, what it means, and Save as… as the way on.
    fn not_saving_banner(&mut self, ui: &mut egui::Ui) {
        let t = self.texts();
        let Some(open) = &self.open else { return };
        let (title, hint) = match (open.autosave.read_only(), open.autosave.status()) {
            (Some(store::ReadOnly::Folder), _) => {
                (t.read_only_title.to_string(), t.read_only_folder_hint)
            }
            (Some(store::ReadOnly::File), _) => {
                (t.read_only_title.to_string(), t.read_only_file_hint)
            }
            (None, store::SaveStatus::LockedElsewhere { holder }) => {
                ((t.lock_lost)(holder), t.lock_lost_hint)
            }
            _ => return,
        };
        let mut save_as = false;
        egui::Panel::top("not-saving").show(ui, |ui| {
            ui.add_space(4.0);
            ui.label(
                egui::RichText::new(format!("⚠ {title}"))
                    .strong()
                    .size(18.0)
                    .color(WARN),
            );
            ui.label(hint);
            save_as = ui.button(t.save_as).clicked();
            ui.add_space(4.0);
        });
        if save_as {
            self.start_save_as_dialog();
        }
    }

    /// The window is asked to close: saves, and refuses once if that fails (the message says
    /// why; a second close goes through). Returns whether the window must stay open.
    pub fn on_close_request(&mut self) -> bool {
        let result = self.flush();
        let Err(e) = result else { return false };
        if self.close_anyway {
            return false;
        }
        let read_only = self
            .open
            .as_ref()
            .is_some_and(|o| o.autosave.read_only().is_some());
        let t = self.texts();
        self.message = Some(if read_only {
            t.read_only_close.to_string()
        } else {
            errors::save_error(&e, t)
        });
        self.close_anyway = true;
        true
    }

    /// The left side of the status bar: the recording group and the save status. Returns
    /// whether Save as… was clicked.
    fn save_status(&self, ui: &mut egui::Ui, t: &'static Texts) -> bool {
        let Some(open) = &self.open else {
            return false;
        };
        let mut save_as = false;
        let session = open.doc.session();
        let group = session.recording_group.and_then(|g| session.group(g));
        let recording = |ui: &mut egui::Ui| {
            if let Some(group) = group {
                ui.label(
                    egui::RichText::new(format!("👥 {} {}", t.merge_records, group.name)).strong(),
                );
                ui.separator();
            }
        };
        let path = open.autosave.path().display().to_string();
        match open.autosave.status() {
            store::SaveStatus::Failed { kind, message } => {
                super::widgets::alert(ui, t.save_failed);
                save_as = ui.button(t.save_as).clicked();
                recording(ui);
                let message = errors::io_problem(*kind, message, t);
                let mut job = egui::text::LayoutJob::default();
                for (text, colour) in [
                    (format!("{message}  "), WARN),
                    (t.save_failed_hint.to_string(), ui.visuals().text_color()),
                ] {
                    egui::RichText::new(text).color(colour).append_to(
                        &mut job,
                        ui.style(),
                        egui::FontSelection::Default,
                        egui::Align::Center,
                    );
                }
                ui.label(job);
            }
            store::SaveStatus::ChangedElsewhere => {
                recording(ui);
                super::widgets::alert(ui, t.changed_elsewhere);
            }
            store::SaveStatus::LockedElsewhere { holder } => {
                recording(ui);
                super::widgets::alert(ui, (t.lock_lost)(holder));
            }
            store::SaveStatus::ReadOnly => {
                recording(ui);
                super::widgets::alert(ui, t.read_only_status);
                ui.weak(path);
            }
            store::SaveStatus::Saved { at } => {
                recording(ui);
                ui.label(format!("✔ {} {}", t.saved_at, at.format("%H:%M:%S")));
                ui.weak(path);
            }
            store::SaveStatus::Pending => {
                recording(ui);
                ui.label(t.unsaved);
                ui.weak(path);
            }
            store::SaveStatus::Unchanged => {
                recording(ui);
                ui.label(t.not_saved_yet);
                ui.weak(path);
            }
        }
        save_as
    }

    /// The right side of the status bar, laid out right to left; returns what was clicked.
    fn status_buttons(&self, ui: &mut egui::Ui, t: &'static Texts) -> Vec<Request> {
        let mut language = self.language();
        // Not focusable: Tab and Space from a form must not switch the whole window (Ctrl+L
        // is the keyboard's way).
        for (choice, name) in [(Language::En, "English"), (Language::Nl, "Nederlands")] {
            let button =
                egui::Button::selectable(language == choice, name).sense(egui::Sense::CLICK);
            if ui.add(button).clicked() {
                language = choice;
            }
        }
        let mut clicked = Vec::new();
        if language != self.language() {
            clicked.push(Request::SetLanguage(language));
        }
        if ui.button(format!("⌨ {}", t.shortcuts)).clicked() {
            clicked.push(Request::ToggleShortcuts);
        }
        if self.open.is_some() && ui.button(format!("🏠 {}", t.back_to_start)).clicked() {
            clicked.push(Request::CloseSession);
        }
        clicked
    }

    fn shortcuts_overlay(&mut self, ctx: &egui::Context) {
        let t = self.texts();
        // Two columns side by side, so the whole list fits a laptop screen; a small window
        // scrolls.
        let screen = ctx.content_rect().size();
        let size = egui::vec2(
            (screen.x - 60.0).clamp(300.0, 1240.0),
            (screen.y - 40.0).max(150.0),
        );
        egui::Window::new(t.shortcuts)
            .collapsible(false)
            .resizable(false)
            .fixed_size(size)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.weak(t.shortcuts_close);
                ui.weak(commands::form_line(self.language()));
                ui.add_space(6.0);
                let screen = self.open.as_ref().map(|o| o.view.screen);
                let list = commands::overview(self.language(), commands::places_on(screen));
                let (left, right) = list.split_at(list.len().div_ceil(2));
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.columns(2, |columns| {
                            for (n, (ui, half)) in columns.iter_mut().zip([left, right]).enumerate()
                            {
                                // As wide as the longest keys of this half (monospace).
                                let chars = half.iter().map(|(k, _)| k.chars().count());
                                let keys_width = chars.max().unwrap_or(8) as f32 * 9.0 + 8.0;
                                let what_width =
                                    (ui.available_width() - keys_width - 24.0).max(80.0);
                                egui::Grid::new(("shortcuts", n))
                                    .num_columns(2)
                                    .spacing([12.0, 2.0])
                                    .min_col_width(keys_width)
                                    .max_col_width(keys_width.max(what_width))
                                    .striped(true)
                                    .show(ui, |ui| {
                                        for (keys, what) in half {
                                            ui.label(
                                                egui::RichText::new(keys).monospace().strong(),
                                            );
                                            ui.scope(|ui| {
                                                ui.set_max_width(what_width);
                                                ui.add(egui::Label::new(*what).wrap());
                                            });
                                            ui.end_row();
                                        }
                                    });
                            }
                        });
                    });
            });
    }
}

use super::theme::WARN;

/// Opens the real file behind `path` (see [`store::resolve_session_path`]) with its lock taken
/// by `acquire`, or read-only.
fn open_session(
    path: &Path,
    acquire: impl FnOnce(&Path) -> Result<SessionLock, LockError>,
) -> Result<OpenSession, errors::OpenError> {
    let path = &store::resolve_session_path(path).map_err(|error| {
        let path = path.to_path_buf();
        errors::OpenError::Load(if store::is_link_loop(&error) {
            store::LoadError::NotAFile {
                path,
                kind: store::NotAFile::LinkLoop,
            }
        } else {
            store::LoadError::Io { path, error }
        })
    })?;
    // A missing file leaves no lock file behind.
    if let Err(error) = std::fs::metadata(path) {
        return Err(errors::OpenError::Load(store::LoadError::Io {
            path: path.clone(),
            error,
        }));
    }
    let access = Access::for_session_with(path, acquire).map_err(errors::OpenError::Lock)?;
    let session = store::load(path).map_err(errors::OpenError::Load)?;
    // A subgroup's copy records that group unless the facilitator picks another.
    let group = session
        .recording_group
        .filter(|g| session.group(*g).is_some());
    let doc = Document::new(session);
    let autosave = Autosave::with_access(path.to_path_buf(), &doc, access);
    Ok(OpenSession {
        doc,
        autosave,
        view: RunState {
            group,
            forms: super::state::forms::FormState {
                proposal: super::state::forms::ProposalDraft {
                    group,
                    ..Default::default()
                },
                ..Default::default()
            },
            ..RunState::default()
        },
        live: None,
    })
}

/// `dir/name.ron`, or `dir/name-2.ron` and so on if that exists.
fn free_path(dir: &Path, file_name: &str) -> PathBuf {
    let stem = file_name.trim_end_matches(".ron");
    (1..)
        .map(|n| match n {
            1 => dir.join(file_name),
            n => dir.join(format!("{stem}-{n}.ron")),
        })
        .find(|p| !p.exists())
        .expect("some numbered name is free")
}
