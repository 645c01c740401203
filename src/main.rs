//! `stelling`: the app, or a command on session files. Everything lives in the library.

fn main() -> std::process::ExitCode {
    stelling::cli::main()
}
