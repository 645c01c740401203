//! The Dutch words.

use super::{BeamerWords, ReportWords, SessionWords, Words};
use crate::model::Decimal;

/// A round without a label: the model names new rounds so, the report falls back to it.
fn round(number: usize) -> String {
    format!("Ronde {number}")
}

pub const NL: Words = Words {
    report: ReportWords {
        report: "Verslag",
        date_format: "%d-%m-%Y",
        decimal: Decimal::Comma,

        date: "Datum",
        time: "Tijd",
        place: "Plaats",
        facilitators: "Begeleiding",
        participants: "Deelnemers",
        groups: "Groepen",
        group: "Groep",
        no_group: "Zonder groep",
        no_agenda: "Geen agendapunten.",

        proposition: "Stelling",
        question: "Vraag",
        proposals: "Verbetervoorstellen",
        commitments: "Toezeggingen",
        statements: "Statements",
        info: "Informatie",

        round,
        answer: "Antwoord",
        count: "Aantal",
        share: "Percentage",
        total: "Totaal",
        answers: "antwoorden",
        by_phone: "via telefoon",
        by_hand: "met de hand geteld",
        shift: "Verschuiving",
        points: "pp",

        reactions: "Reacties",
        stance_for: "Voor",
        stance_against: "Tegen",
        stance_neutral: "Neutraal",
        stance_question: "Vraag",
        highlighted: "Uitgelicht",

        proposal: "Voorstel",
        description: "Beschrijving",
        actions: "Acties",
        action: "Actie",
        owner: "Eigenaar",
        due: "Uiterlijk",
        feedback: "Feedback",
        feedback_from: |group| format!("van {group}"),

        commitment: "Toezegging",
        person: "Persoon",
        organisation: "Organisatie",
        start: "Start",
        follow_up: "Opvolging",

        theme: "Thema",
        no_theme: "Zonder thema",

        ranking: "Rangorde van de stellingen",
        ranking_intro: "Van meest gedeelde instemming naar meest verdeeld.",
        agreement: "Instemming",
        consensus: "Gedeelde instemming",
        division: "Verdeeldheid",
        answers_column: "Antwoorden",
        unranked: |numbers| format!("Niet in de rangorde (geen antwoorden): agendapunt {numbers}."),
        ranking_note_groups: "Gedeelde instemming = het product over alle groepen van \
                              (eens + 1) / (antwoorden + 2), met ‘eens’ het aantal keer dat de groep \
                              de eerste antwoordoptie koos en ‘antwoorden’ alle antwoorden van de \
                              groep; een stelling scoort alleen hoog als elke groep het eens is. \
                              Verdeeldheid = het hoogste min het laagste instemmingspercentage \
                              (eens / antwoorden) van de groepen die antwoordden, in procentpunten. \
                              Steeds de laatste ronde met antwoorden; bij gelijke stand eerst de \
                              minst verdeelde, dan de volgorde van de agenda.",
        ranking_note_room: "Instemming = het aandeel van de eerste antwoordoptie in alle antwoorden \
                            van de laatste ronde met antwoorden; bij gelijke stand de volgorde van \
                            de agenda.",

        actions_overview: "Actieoverzicht",
        actions_overview_intro: "Alle acties uit de voorstellen (op uiterste datum) en alle toezeggingen \
                                 (op datum van opvolging), op datum; zonder datum onderaan.",
        source: "Herkomst",
        undated: "zonder datum",
        no_actions: "Geen acties.",

        page: |n, of| format!("pagina {n} van {of}"),

        follow_up_event: |what| format!("Terugkoppeling: {what}"),
        session: "Sessie",
        follow_up_reminder: |what| format!("Terugkoppeling morgen: {what}"),
    },

    beamer: BeamerWords {
        window_title: "Publiek",
        no_quotes: "Nog geen uitgelichte reacties.",
        no_answers: "Nog geen antwoorden.",
        nothing_yet: "Hier komt straks wat de groepen inbrengen.",
        mean: "gemiddeld",
        join: "Stem mee met je telefoon",
    },

    session: SessionWords {
        default_options: &["Eens", "Oneens", "Twijfel"],
        yes_no: &["Ja", "Nee"],
        round,
        other_version: "[andere versie] ",
    },
};
