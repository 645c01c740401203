//! `stelling`: the app, or a command on session files. Everything lives in the library.

// On Windows a GUI program: started by double-click, no console window opens behind the app.
// Commands typed in a terminal attach to its console, see `stelling::platform`.
#![windows_subsystem = "windows"]

fn main() -> std::process::ExitCode {
    stelling::platform::attach_console_for_commands();
    stelling::cli::main()
}
