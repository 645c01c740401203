//! Work off the UI thread: a native dialog (which blocks its thread until answered), reading a
//! chat, writing an export. The window polls the task each frame and never freezes meanwhile.

use std::sync::mpsc;
use std::time::Duration;

/// How often a frame is drawn while a task runs, to see its answer.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// A native file dialog for session files, opening in `dir`; run it in a [`Task`].
pub fn session_files(dir: std::path::PathBuf) -> rfd::FileDialog {
    rfd::FileDialog::new()
        .add_filter("Stelling", &["ron"])
        .set_directory(dir)
}

/// A job running on its own thread, with its answer to come.
pub struct Task<T> {
    answer: mpsc::Receiver<T>,
}

/// The thread of a [`Task`] ended without an answer: it panicked.
#[derive(Debug, PartialEq, Eq)]
pub struct Stopped;

impl<T: Send + 'static> Task<T> {
    /// Runs `job` on a thread of its own.
    pub fn spawn(job: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, answer) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(job());
        });
        Task { answer }
    }
}

impl<T> Task<T> {
    /// The answer once it has arrived (once only), or `Err(Stopped)` when the thread ended
    /// without one; `None` while it runs.
    pub fn poll(&self) -> Option<Result<T, Stopped>> {
        match self.answer.try_recv() {
            Ok(answer) => Some(Ok(answer)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(Stopped)),
        }
    }

    /// Like [`Task::poll`], and while the task runs asks `ctx` for another frame soon, so the
    /// answer is seen without the user moving the mouse.
    pub fn poll_in(&self, ctx: &egui::Context) -> Option<Result<T, Stopped>> {
        let answer = self.poll();
        if answer.is_none() {
            ctx.request_repaint_after(POLL_INTERVAL);
        }
        answer
    }
}

/// A native dialog's answer: `None` when cancelled, or when the dialog's thread failed.
pub fn picked<T>(answer: Result<Option<T>, Stopped>) -> Option<T> {
    answer.ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T>(task: &Task<T>) -> Result<T, Stopped> {
        let start = std::time::Instant::now();
        loop {
            if let Some(answer) = task.poll() {
                return answer;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no answer");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_task_hands_over_its_answer() {
        let (go, wait_for_go) = mpsc::channel::<()>();
        let task = Task::spawn(move || {
            wait_for_go.recv().unwrap();
            42
        });
        assert!(task.poll().is_none(), "still running");
        go.send(()).unwrap();
        assert_eq!(wait(&task), Ok(42));
    }

    #[test]
    fn a_task_whose_thread_panics_says_it_stopped() {
        let task: Task<u8> = Task::spawn(|| panic!("on purpose"));
        assert_eq!(wait(&task), Err(Stopped));
        assert_eq!(picked(Err::<Option<u8>, _>(Stopped)), None);
    }
}
