//! Every fixed word printed on a handout, in one table per language.
//!
//! Layout and wording read their words from here, never from string literals, so adding a
//! language means adding a table.

/// Where the day goes in a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// "December 10, 2026".
    MonthFirst,
    /// "10 décembre 2026".
    DayFirst,
}

/// How a language writes a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockStyle {
    /// "2:30 PM".
    TwelveHour,
    /// "14 h 30", "14 h" (Quebec French).
    FrenchHours,
}

/// The fixed words and phrases of one language.
#[derive(Debug)]
pub struct Words {
    /// The plan's code for the language: `en`, `fr`.
    pub code: &'static str,
    /// The order of day and month in dates.
    pub date_order: DateOrder,
    /// How the first day of a month is written ("1er" in French).
    pub first_of_month: &'static str,
    /// French typography: a no-break space before `:` `;` `!` `?` and inside « ».
    pub spaced_punctuation: bool,
    /// "Page {page} of {pages}".
    pub page_of_template: &'static str,
    /// BCP 47 language tag, written into the PDF.
    pub language_tag: &'static str,
    /// The handout's title.
    pub title: &'static str,
    /// Label before the client's name.
    pub prepared_for: &'static str,
    /// Label before the therapist.
    pub therapist: &'static str,
    /// Label before the session date.
    pub session_date: &'static str,
    /// Heading of the therapist's notes.
    pub notes_heading: &'static str,
    /// Heading of the follow-up box.
    pub next_appointment: &'static str,
    /// The follow-up note when the plan gives none.
    pub default_follow_up_note: &'static str,
    /// How to change the appointment, with the clinic's phone.
    pub to_change_call: &'static str,
    /// Under a video's QR code.
    pub scan_to_watch: &'static str,
    /// Under the booking QR code.
    pub scan_to_book: &'static str,
    /// Under the booking QR code when the follow-up note is not hep's "feel free to cancel".
    pub scan_to_book_or_change: &'static str,
    /// How times of day are written.
    pub clock: ClockStyle,
    /// A date with its time: "{date} at {time}".
    pub date_at_time: &'static str,
    /// The calendar event's title.
    pub calendar_summary: &'static str,
    /// The calendar event's phone line: "Phone: {phone}".
    pub calendar_phone: &'static str,
    /// The calendar event's booking line: "Book or cancel online: {url}".
    pub calendar_booking: &'static str,
    /// What a screen reader says for the booking QR code.
    pub booking_qr_alt: &'static str,
    /// What a screen reader says for an exercise's video QR code.
    pub video_qr_alt: &'static str,
    /// Label of the dosage line.
    pub dosage_label: &'static str,
    /// Label of the frequency line.
    pub how_often_label: &'static str,
    /// Heading of the first page's table of exercises.
    pub summary_heading: &'static str,
    /// The table's header over the exercises' names.
    pub exercise_label: &'static str,
    /// Heading of the tips.
    pub tips_heading: &'static str,
    /// Heading of the precautions.
    pub caution_heading: &'static str,
    /// Heading of the therapist's note on one exercise when the plan names no therapist.
    pub note_heading: &'static str,
    /// The therapist's note, signed: "From {name}".
    pub note_from: &'static str,
    /// The same before a name that starts with a vowel sound, for languages that elide:
    /// "De la part d’{name}".
    pub note_from_elided: &'static str,
    /// Heading of the progression.
    pub progression_heading: &'static str,
    /// Label before the equipment list.
    pub equipment_label: &'static str,
    /// Day names, Monday first.
    pub weekdays: [&'static str; 7],
    /// Short day names for the log's columns, Monday first.
    pub weekdays_short: [&'static str; 7],
    /// The log's heading.
    pub log_heading: &'static str,
    /// How to use the log.
    pub log_instruction: &'static str,
    /// The line under the log.
    pub log_closing: &'static str,
    /// A weekly row's note: "any {n} days".
    pub log_any_days: &'static str,
    /// An as-needed row's note.
    pub log_as_needed: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// Dosage and frequency phrases; `{n}`-style placeholders are filled by `wording`.
    pub phrases: Phrases,
}

/// Templates for the dosage and frequency sentences. `[singular, plural]` pairs are chosen by
/// the number they count.
#[derive(Debug)]
pub struct Phrases {
    /// "{sets} sets of {reps}".
    pub sets_of_reps: &'static str,
    /// "Do it {reps} times" / "Do it once".
    pub do_reps: [&'static str; 2],
    /// "Hold {hold}".
    pub hold: &'static str,
    /// "Repeat {reps} times" / "Do it once".
    pub repeat: [&'static str; 2],
    /// "Hold each one {hold}".
    pub hold_each: &'static str,
    /// "Keep going for {duration}".
    pub keep_going: &'static str,
    /// "Rest {rest} between sets".
    pub rest_between_sets: &'static str,
    /// "Rest {rest} between each one".
    pub rest_between_reps: &'static str,
    /// " on each side".
    pub on_each_side: &'static str,
    /// " on your left side".
    pub on_left_side: &'static str,
    /// " on your right side".
    pub on_right_side: &'static str,
    /// ", switching sides each time".
    pub alternating: &'static str,
    /// "{n} second" / "{n} seconds".
    pub seconds: [&'static str; 2],
    /// "{n} minute" / "{n} minutes".
    pub minutes: [&'static str; 2],
    /// "Once a day", "Twice a day", "{n} times a day".
    pub times_a_day: [&'static str; 3],
    /// "every day".
    pub every_day: &'static str,
    /// "every other day".
    pub every_other_day: &'static str,
    /// "{n} day a week" / "{n} days a week".
    pub days_a_week: [&'static str; 2],
    /// "any {n} days" hint appended to weekly schedules: " (any days you like)".
    pub any_days: &'static str,
    /// "As needed, when you feel stiff or sore".
    pub as_needed: &'static str,
    /// Joins a daily and a weekly part: "{per_day}, {days}".
    pub per_day_and_days: &'static str,
    /// "tomorrow".
    pub tomorrow: &'static str,
    /// "in {n} day" / "in {n} days".
    pub in_days: [&'static str; 2],
    /// "in {n} week" / "in {n} weeks".
    pub in_weeks: [&'static str; 2],
    /// "in {n} month" / "in {n} months".
    pub in_months: [&'static str; 2],
}

/// English, as written in Canadian clinics.
pub static ENGLISH: Words = Words {
    code: "en",
    date_order: DateOrder::MonthFirst,
    first_of_month: "1",
    spaced_punctuation: false,
    page_of_template: "Page {page} of {pages}",
    language_tag: "en-CA",
    title: "Your home exercise program",
    prepared_for: "Prepared for",
    therapist: "Therapist",
    session_date: "Date",
    notes_heading: "A note from your therapist",
    next_appointment: "Your next appointment",
    default_follow_up_note: "If your pain is gone before then, feel free to cancel.",
    to_change_call: "To change it, call {phone}.",
    scan_to_watch: "Scan to watch",
    scan_to_book: "Scan to book or cancel",
    scan_to_book_or_change: "Scan to book or change",
    clock: ClockStyle::TwelveHour,
    date_at_time: "{date} at {time}",
    calendar_summary: "Book or confirm your massage therapy follow-up",
    calendar_phone: "Phone: {phone}",
    calendar_booking: "Book or cancel online: {url}",
    booking_qr_alt: "QR code that opens the clinic's online booking",
    video_qr_alt: "QR code that opens a video of this exercise",
    dosage_label: "Do",
    how_often_label: "How often",
    summary_heading: "Your exercises at a glance",
    exercise_label: "Exercise",
    tips_heading: "Tips",
    caution_heading: "Be careful",
    note_heading: "Note",
    note_from: "From {name}",
    note_from_elided: "From {name}",
    progression_heading: "Next step",
    equipment_label: "You need",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    log_heading: "Your exercise log",
    log_instruction: "Tick a box each time you do an exercise. Shaded days are rest days.",
    log_closing: "Bring this sheet to your next visit.",
    log_any_days: "any {n} days",
    log_as_needed: "when you need it",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    phrases: Phrases {
        sets_of_reps: "{sets} sets of {reps}",
        do_reps: ["Do it once", "Do it {reps} times"],
        hold: "Hold {hold}",
        repeat: ["Do it once", "Repeat {reps} times"],
        hold_each: "Hold each one {hold}",
        keep_going: "Keep going for {duration}",
        rest_between_sets: "Rest {rest} between sets",
        rest_between_reps: "Rest {rest} between each one",
        on_each_side: " on each side",
        on_left_side: " on your left side",
        on_right_side: " on your right side",
        alternating: ", switching sides each time",
        seconds: ["{n} second", "{n} seconds"],
        minutes: ["{n} minute", "{n} minutes"],
        times_a_day: ["Once a day", "Twice a day", "{n} times a day"],
        every_day: "every day",
        every_other_day: "every other day",
        days_a_week: ["{n} day a week", "{n} days a week"],
        any_days: " (any days you like)",
        as_needed: "As needed, when you feel stiff or sore",
        per_day_and_days: "{per_day}, {days}",
        tomorrow: "tomorrow",
        in_days: ["in {n} day", "in {n} days"],
        in_weeks: ["in {n} week", "in {n} weeks"],
        in_months: ["in {n} month", "in {n} months"],
    },
};

/// Canadian French.
pub static FRENCH: Words = Words {
    code: "fr",
    date_order: DateOrder::DayFirst,
    first_of_month: "1er",
    spaced_punctuation: true,
    page_of_template: "Page {page} de {pages}",
    language_tag: "fr-CA",
    title: "Votre programme d’exercices à domicile",
    prepared_for: "Préparé pour",
    therapist: "Thérapeute",
    session_date: "Date",
    notes_heading: "Un mot de votre thérapeute",
    next_appointment: "Votre prochain rendez-vous",
    default_follow_up_note: "Si la douleur disparaît d’ici là, n’hésitez pas à annuler.",
    to_change_call: "Pour le changer, appelez le {phone}.",
    scan_to_watch: "Balayez pour voir la vidéo",
    scan_to_book: "Balayez pour réserver ou annuler",
    scan_to_book_or_change: "Balayez pour réserver ou modifier",
    clock: ClockStyle::FrenchHours,
    date_at_time: "{date} à {time}",
    calendar_summary: "Réservez ou confirmez votre suivi en massothérapie",
    calendar_phone: "Téléphone : {phone}",
    calendar_booking: "Réserver ou annuler en ligne : {url}",
    booking_qr_alt: "Code QR qui ouvre la réservation en ligne de la clinique",
    video_qr_alt: "Code QR qui ouvre une vidéo de cet exercice",
    dosage_label: "À faire",
    how_often_label: "Fréquence",
    summary_heading: "Vos exercices en bref",
    exercise_label: "Exercice",
    tips_heading: "Conseils",
    caution_heading: "Attention",
    note_heading: "Note",
    note_from: "De la part de {name}",
    note_from_elided: "De la part d’{name}",
    progression_heading: "Étape suivante",
    equipment_label: "Matériel",
    weekdays: [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    weekdays_short: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    log_heading: "Votre journal d’exercices",
    log_instruction: "Cochez une case chaque fois que vous faites un exercice. Les jours grisés sont des jours de repos.",
    log_closing: "Apportez cette feuille à votre prochain rendez-vous.",
    log_any_days: "{n} jours au choix",
    log_as_needed: "au besoin",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    phrases: Phrases {
        sets_of_reps: "{sets} séries de {reps}",
        do_reps: ["Faites-le une fois", "Faites-le {reps} fois"],
        hold: "Tenez {hold}",
        repeat: ["Faites-le une fois", "Répétez {reps} fois"],
        hold_each: "Tenez chaque répétition {hold}",
        keep_going: "Continuez pendant {duration}",
        rest_between_sets: "Reposez-vous {rest} entre les séries",
        rest_between_reps: "Reposez-vous {rest} entre les répétitions",
        on_each_side: " de chaque côté",
        on_left_side: " du côté gauche",
        on_right_side: " du côté droit",
        alternating: ", en alternant les côtés",
        seconds: ["{n} seconde", "{n} secondes"],
        minutes: ["{n} minute", "{n} minutes"],
        times_a_day: [
            "Une fois par jour",
            "Deux fois par jour",
            "{n} fois par jour",
        ],
        every_day: "tous les jours",
        every_other_day: "un jour sur deux",
        days_a_week: ["{n} jour par semaine", "{n} jours par semaine"],
        any_days: " (les jours de votre choix)",
        as_needed: "Au besoin, quand vous êtes raide ou endolori",
        per_day_and_days: "{per_day}, {days}",
        tomorrow: "demain",
        in_days: ["dans {n} jour", "dans {n} jours"],
        in_weeks: ["dans {n} semaine", "dans {n} semaines"],
        in_months: ["dans {n} mois", "dans {n} mois"],
    },
};

/// Every language with a table, by plan code.
pub static LANGUAGES: [&Words; 2] = [&ENGLISH, &FRENCH];

impl Words {
    /// The table for a plan's language code.
    pub fn for_code(code: &str) -> Option<&'static Words> {
        LANGUAGES.iter().copied().find(|words| words.code == code)
    }

    /// The label of the therapist's note signed with `name`, elided before a vowel.
    pub fn note_from(&self, name: &str) -> String {
        let elides = name
            .chars()
            .next()
            .is_some_and(|first| "AEIOUYÂÀÉÈÊËÎÏÔÛÙÜHaeiouyâàéèêëîïôûùüh".contains(first));
        let template = if elides {
            self.note_from_elided
        } else {
            self.note_from
        };
        template.replace("{name}", name)
    }

    /// Applies the language's typography: a number and the word after it stay on one line
    /// ("30 seconds", "2 semaines"), and in French, a no-break space goes before `:` `;` `!`
    /// `?` and inside « », replacing a plain space or adding one.
    pub fn typeset(&self, text: &str) -> String {
        let text = bind_numbers(text);
        if !self.spaced_punctuation {
            return text;
        }
        const NO_BREAK: char = '\u{a0}';
        let mut out = String::with_capacity(text.len() + 8);
        let chars: Vec<char> = text.chars().collect();
        for (index, &c) in chars.iter().enumerate() {
            let before_punctuation = matches!(c, ':' | ';' | '!' | '?' | '»');
            // "https://": no space inside links.
            let in_link = c == ':' && chars.get(index + 1) == Some(&'/');
            if before_punctuation && !in_link && index > 0 {
                if out.ends_with(' ') {
                    out.pop();
                }
                if !out.ends_with(NO_BREAK) {
                    out.push(NO_BREAK);
                }
                out.push(c);
                continue;
            }
            if c == ' ' && out.ends_with('«') {
                out.push(NO_BREAK);
                continue;
            }
            out.push(c);
            if c == '«' && chars.get(index + 1).is_some_and(|next| *next != ' ') {
                out.push(NO_BREAK);
            }
        }
        out
    }
}

/// `text` with a no-break space between a number and the word after it, so that "30 seconds"
/// or "3 sets" never break across lines.
pub fn bind_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_letter = chars.peek().is_some_and(|next| next.is_alphabetic());
        if c == ' ' && previous.is_ascii_digit() && next_is_letter {
            out.push('\u{a0}');
        } else {
            out.push(c);
        }
        previous = c;
    }
    out
}

/// "Page 2 / 3": the page number of a bilingual handout, the same in English and French, and
/// short enough to leave the footer its room.
pub fn page_of_both(page: usize, pages: usize) -> String {
    format!("Page {page} / {pages}")
}

impl Words {
    /// The labels of a card's rows, at the card's label column (the therapist's signed note
    /// aside): Do, How often, You need, Tips, Be careful, Next step.
    pub fn card_labels(&self) -> [&'static str; 6] {
        [
            self.dosage_label,
            self.how_often_label,
            self.equipment_label,
            self.tips_heading,
            self.caution_heading,
            self.progression_heading,
        ]
    }

    /// "Page 2 of 3".
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        self.page_of_template
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }
}
