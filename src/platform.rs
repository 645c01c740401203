//! Platform glue the rest of the program need not know about: the console on Windows.
//!
//! `stelling.exe` is built as a Windows GUI program (`#![windows_subsystem = "windows"]` in
//! `main.rs`), so a double-click opens no black console window behind the app. The price: a GUI
//! program gets no console, so `stelling.exe check …` typed in a terminal would print nothing.
//! [`attach_console_for_commands`] therefore attaches to the console of the terminal it was
//! started from, for commands only. Considered and not chosen: a console program that frees
//! its console on a double-click (the console still flashes up), and a second `.exe` for the
//! command line (two files to copy, and to keep apart).

use std::ffi::OsString;

/// Whether these arguments (the program name first) run a command, or print help, a version or
/// a usage error, rather than open the window. Those want a console; the window does not, and
/// keeping it detached means closing the terminal does not close the app.
pub fn wants_console(args: impl IntoIterator<Item = OsString>) -> bool {
    use clap::Parser;
    match crate::cli::Cli::try_parse_from(args) {
        Ok(cli) => cli.command.is_some(),
        Err(_) => true,
    }
}

/// On Windows, for commands (see [`wants_console`]): attaches to the console of the terminal
/// that started the program, so `println!` reaches it. Output redirected to a file or pipe
/// (`stelling.exe export … > rapport.md`) stays redirected. Started by double-click there is
/// no such console and nothing happens. Elsewhere this does nothing.
pub fn attach_console_for_commands() {
    #[cfg(windows)]
    if wants_console(std::env::args_os()) {
        attach_parent_console();
    }
}

#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_INPUT_HANDLE,
        STD_OUTPUT_HANDLE, SetStdHandle,
    };
    // SAFETY: plain Win32 calls on this process's own standard handles, made at start-up
    // before any other thread uses them.
    unsafe {
        let inherited = [STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE]
            .map(|which| (which, GetStdHandle(which)));
        if AttachConsole(ATTACH_PARENT_PROCESS) == 0 {
            // Started by Explorer, or the parent has no console: nothing to print to.
            return;
        }
        // Attaching may replace the standard handles with the console's; put back the ones
        // the parent handed over (a redirect to a file or pipe), so they are not lost.
        for (which, handle) in inherited {
            if !handle.is_null() && handle != INVALID_HANDLE_VALUE {
                SetStdHandle(which, handle);
            }
        }
    }
}
