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

fn session() -> Session {
    large_session(100, 10_000)
}

#[divan::bench(sample_count = 10)]
fn markdown(bencher: divan::Bencher) {
    let s = session();
    bencher.bench(|| report::markdown(divan::black_box(&s)));
}

#[divan::bench(sample_count = 10)]
fn html(bencher: divan::Bencher) {
    let s = session();
    bencher.bench(|| report::html(divan::black_box(&s)));
}

#[divan::bench(sample_count = 10)]
fn csv(bencher: divan::Bencher) {
    let s = session();
    bencher.bench(|| report::csv(divan::black_box(&s), false));
}

#[divan::bench(sample_count = 10)]
fn ics(bencher: divan::Bencher) {
    let s = session();
    bencher.bench(|| report::ics(divan::black_box(&s)));
}

#[divan::bench(sample_count = 10)]
fn pdf(bencher: divan::Bencher) {
    let s = session();
    bencher.bench(|| report::pdf(divan::black_box(&s)).expect("a PDF"));
}
