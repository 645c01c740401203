//! Every integration test but the crash test, as modules of one test binary: CI compiles and
//! links one binary instead of one per file. `support` holds the tools they share.

mod autosave;
mod cli;
mod corpus;
mod examples;
mod export_target;
mod import_cli;
mod merge;
mod merge_cli;
mod merge_ui;
mod merge_ui_ids;
mod model;
mod one_number;
mod platform;
mod report_bidi;
mod report_golden;
mod report_pdf;
mod session_file;
mod special_files;
mod store;
mod support;
mod ui_audience;
mod ui_corpus;
mod ui_examples;
mod ui_export_target;
mod ui_huge_texts;
mod ui_keys;
mod ui_prepare;
mod ui_report;
mod ui_requests;
mod ui_run;
mod ui_status;
mod ui_typing;
