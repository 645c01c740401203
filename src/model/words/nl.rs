//! The Dutch words.

use super::{BeamerWords, PhoneWords, Refusals, ReportWords, SessionWords, Words};
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

    phone: PhoneWords {
        title: "Stemmen",
        connecting: "Verbinden…",
        wait: "Wacht op de volgende vraag.",
        blank: "Het scherm is even donker.",
        your_answer: "Je antwoord: {answer}",
        thanks: "Dank je, je antwoord is binnen.",
        change_hint: "Je kunt het wijzigen tot de ronde sluit.",
        sending: "Versturen…",
        closed: "Stemmen is gesloten.",
        open: "Stemmen is open.",
        new_round: "Nieuwe ronde: {round}",
        results: "Uitslag",
        total: "{count} antwoorden",
        total_one: "1 antwoord",
        pick_group: "Aan welke tafel of in welke groep zit je?",
        your_group: "Je groep: {group}",
        change_group: "Wijzigen",
        offline: "Geen verbinding. Je antwoord gaat weg zodra die terug is.",
        reconnecting: "Opnieuw verbinden…",
        rate_limited: "Even te veel tikken. Wacht een moment.",
        full: "Deze sessie is vol.",
        error: "Er ging iets mis. Probeer het opnieuw.",
    },

    refusals: Refusals {
        closed: "Deze ronde is gesloten; je stem is niet meegeteld.",
        bad_request: "Dat verzoek begrijpt de laptop niet. Laad de pagina opnieuw.",
        too_large: "Dat verzoek is te groot.",
        too_fast: "Even rustig aan: probeer het over een paar seconden opnieuw.",
        full: "Er zijn al te veel telefoons verbonden met deze sessie.",
        no_device: "Deze telefoon heeft nog geen sleutel. Laad de pagina opnieuw.",
        not_found: "Deze pagina bestaat niet.",
        timeout: "De laptop antwoordde niet op tijd. Probeer het opnieuw.",
    },
};
