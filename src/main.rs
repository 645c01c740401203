//! `stelling`: the app, or a command on session files. Everything lives in the library; here
//! the arguments decide between the window and a command.

// On Windows a GUI program: started by double-click, no console window opens behind the app.
// Commands typed in a terminal attach to its console, see `stelling::platform`.
#![windows_subsystem = "windows"]

use std::process::ExitCode;

fn main() -> ExitCode {
    stelling::platform::attach_console_for_commands();
    let args = stelling::cli::parse();
    let live = args.live_options();
    match args.command {
        Some(command) => stelling::cli::run_command(command),
        None => match stelling::ui::run(args.file, live) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("stelling: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
