//! The English words.

use super::{BeamerWords, PhoneWords, Refusals, ReportWords, SessionWords, Words};
use crate::model::Decimal;

/// A round without a label: the model names new rounds so, the report falls back to it.
fn round(number: usize) -> String {
    format!("Round {number}")
}

pub const EN: Words = Words {
    report: ReportWords {
        report: "Report",
        date_format: "%Y-%m-%d",
        decimal: Decimal::Point,

        date: "Date",
        time: "Time",
        place: "Place",
        facilitators: "Facilitators",
        participants: "Participants",
        groups: "Groups",
        group: "Group",
        no_group: "No group",
        no_agenda: "No agenda items.",

        proposition: "Proposition",
        question: "Question",
        proposals: "Improvement proposals",
        commitments: "Commitments",
        statements: "Statements",
        info: "Information",

        round,
        answer: "Answer",
        count: "Count",
        share: "Percentage",
        total: "Total",
        answers: "answers",
        by_phone: "by phone",
        by_hand: "counted by hand",
        shift: "Shift",
        points: "pp",

        reactions: "Reactions",
        stance_for: "For",
        stance_against: "Against",
        stance_neutral: "Neutral",
        stance_question: "Question",
        highlighted: "Highlighted",

        proposal: "Proposal",
        description: "Description",
        actions: "Actions",
        action: "Action",
        owner: "Owner",
        due: "Due",
        feedback: "Feedback",
        feedback_from: |group| format!("from {group}"),

        commitment: "Commitment",
        person: "Person",
        organisation: "Organisation",
        start: "Start",
        follow_up: "Follow-up",

        theme: "Theme",
        no_theme: "No theme",

        ranking: "Ranking of the propositions",
        ranking_intro: "From most shared agreement to most divided.",
        agreement: "Agreement",
        consensus: "Shared agreement",
        division: "Division",
        answers_column: "Answers",
        unranked: |numbers| format!("Not ranked (no answers): agenda item {numbers}."),
        ranking_note_groups: "Shared agreement = the product over all groups of \
                              (agree + 1) / (answers + 2), where ‘agree’ is how often the group chose \
                              the first response option and ‘answers’ all of the group’s answers; a \
                              proposition only scores high when every group agrees. Division = the \
                              highest minus the lowest agreement rate (agree / answers) of the \
                              groups that answered, in percentage points. Always the last round \
                              with answers; ties go to the less divided, then to agenda order.",
        ranking_note_room: "Agreement = the share of the first response option in all answers of \
                            the last round with answers; ties in agenda order.",

        actions_overview: "Actions overview",
        actions_overview_intro: "All actions from the proposals (by due date) and all commitments \
                                 (by follow-up date), in date order; undated ones last.",
        source: "Source",
        undated: "no date",
        no_actions: "No actions.",

        page: |n, of| format!("page {n} of {of}"),

        follow_up_event: |what| format!("Follow-up: {what}"),
        session: "Session",
        follow_up_reminder: |what| format!("Follow-up tomorrow: {what}"),
    },

    beamer: BeamerWords {
        window_title: "Audience",
        no_quotes: "No highlighted reactions yet.",
        no_answers: "No answers yet.",
        nothing_yet: "What the groups bring in will appear here.",
        mean: "mean",
        join: "Vote on your phone",
    },

    session: SessionWords {
        default_options: &["Agree", "Disagree", "Not sure"],
        yes_no: &["Yes", "No"],
        round,
        other_version: "[other version] ",
    },

    phone: PhoneWords {
        title: "Vote",
        connecting: "Connecting…",
        wait: "Wait for the next question.",
        blank: "The screen is dark for a moment.",
        your_answer: "Your answer: {answer}",
        thanks: "Thanks, your answer is in.",
        change_hint: "You can change it until the round closes.",
        sending: "Sending…",
        closed: "Voting is closed.",
        open: "Voting is open.",
        new_round: "New round: {round}",
        results: "Results",
        total: "{count} answers",
        total_one: "1 answer",
        pick_group: "Which table or group are you in?",
        your_group: "Your group: {group}",
        change_group: "Change",
        offline: "No connection. Your answer is sent as soon as it is back.",
        reconnecting: "Reconnecting…",
        rate_limited: "Too many taps at once. Wait a moment.",
        full: "This session is full.",
        error: "Something went wrong. Try again.",
    },

    refusals: Refusals {
        closed: "This round is closed; your vote was not counted.",
        bad_request: "The laptop did not understand that request. Reload the page.",
        too_large: "That request is too large.",
        too_fast: "Slow down a little: try again in a few seconds.",
        full: "Too many phones are connected to this session already.",
        no_device: "This phone has no key yet. Reload the page.",
        not_found: "There is no such page.",
        timeout: "The laptop did not answer in time. Try again.",
    },
};
