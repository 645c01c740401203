//! Exporting a big session (100 propositions, 10,000 reactions, three groups, two rounds each)
//! in every report format. Goal: each well under a second, the PDF included.
//!
//! `cargo bench --bench report`

use stelling::model::Session;
use stelling::model::sample::large_session;
use stelling::report;

fn main() {
    divan::main();
}

/// The report formats, each timed on its own (`export/markdown`, …, `export/pdf`).
const FORMATS: [&str; 5] = ["markdown", "html", "csv", "ics", "pdf"];

/// The report in `format`; its length keeps the work from being optimised away.
fn export_as(format: &str, s: &Session) -> usize {
    match format {
        "markdown" => report::markdown(s).len(),
        "html" => report::html(s).len(),
        "csv" => report::csv(s, false).len(),
        "ics" => report::ics(s).len(),
        "pdf" => report::pdf(s).expect("a PDF").len(),
        other => unreachable!("no report format {other}"),
    }
}

#[divan::bench(sample_count = 10, args = FORMATS)]
fn export(bencher: divan::Bencher, format: &str) {
    let s = large_session(100, 10_000);
    bencher.bench(|| export_as(format, divan::black_box(&s)));
}
