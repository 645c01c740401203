//! Tools shared by the integration tests that run the real binary.
#![allow(dead_code)] // Each test binary uses its own part.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Longer than any command takes on a busy machine; a command still running then is waiting
/// on something (a pipe, a device) and fails its test instead of hanging it.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Runs the binary with `args`, its output going to files (a full pipe would look like a
/// hang), and kills it after `limit`. `Err` says it was killed.
pub fn run_limited<S: AsRef<OsStr>>(args: &[S], limit: Duration) -> Result<Output, String> {
    let scratch = tempfile::tempdir().unwrap();
    let (out, err) = (scratch.path().join("out"), scratch.path().join("err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_stelling"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            let shown: Vec<_> = args.iter().map(|a| a.as_ref().to_string_lossy()).collect();
            return Err(format!(
                "stelling {shown:?} still ran after {limit:?}; killed"
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| std::fs::read(p).unwrap();
    Ok(Output {
        status,
        stdout: read(&out),
        stderr: read(&err),
    })
}

/// [`run_limited`] with [`TIME_LIMIT`], failing the test on a hang.
pub fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    run_limited(args, TIME_LIMIT).unwrap_or_else(|hang| panic!("{hang}"))
}

/// Standard output and standard error of a run, as text.
pub fn both(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}
