//! A short rating after a meeting: how satisfied (1–5), whether the person got the help they
//! needed, and optionally in their own words. Asked once per meeting held, one to three hours
//! after it, open for 14 days, reminded of once; answers are counted in groups of at least
//! five, so nobody's answer can be picked out.

pub use super::choices::Helped;
use super::field_error::{optional_text, Errors, FieldError, FieldErrors};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The longest free text.
pub const MAX_COMMENT: usize = 1200;
/// How long the question stays open after it was asked.
pub const OPEN_DAYS: i64 = 14;
/// The fewest answers a figure is shown for.
pub const MIN_GROUP: u32 = 5;
/// How long after a meeting is marked held the question is sent (within one to three hours).
pub const ASK_AFTER: Duration = Duration::hours(1);
/// How long after the question the one reminder goes, when there is no answer yet.
pub const REMIND_AFTER: Duration = Duration::days(4);

/// The satisfaction scale, 1 "Mycket missnöjd" to 5 "Mycket nöjd".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Score(u8);

impl Score {
    pub const ALL: [Score; 5] = [Score(1), Score(2), Score(3), Score(4), Score(5)];

    pub fn parse(input: &str) -> Result<Score, FieldError> {
        match input.trim() {
            "" => Err(FieldError::Required),
            s => s
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .map(Score)
                .ok_or(FieldError::Choice),
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// The answer as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RatingForm {
    pub score: String,
    pub helped: String,
    pub comment: String,
}

/// An answer, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub score: Score,
    pub helped: Helped,
    pub comment: Option<String>,
}

impl RatingForm {
    pub fn parse(&self) -> Result<Rating, FieldErrors> {
        let mut errors = Errors::default();
        let score = errors.check("score", Score::parse(&self.score));
        let helped = errors.check(
            "helped",
            super::field_error::choice(&self.helped, Helped::parse),
        );
        let comment = errors.check("comment", optional_text(&self.comment, MAX_COMMENT));
        errors.finish()?;
        match (score, helped) {
            (Some(score), Some(helped)) => Ok(Rating {
                score,
                helped,
                comment: comment.filter(|c| !c.is_empty()),
            }),
            _ => Err(FieldErrors::from([(
                "score".to_owned(),
                FieldError::Required,
            )])),
        }
    }
}

/// When the question asked at `asked_at` closes.
pub fn closes_at(asked_at: DateTime<Utc>) -> DateTime<Utc> {
    asked_at + Duration::days(OPEN_DAYS)
}

/// Answers counted together (one office, counsellor, channel or kind of meeting): shown only
/// from [`MIN_GROUP`] answers on; how many there are is always shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Questions asked (for the response rate).
    pub asked: u32,
    pub answers: u32,
    pub score_sum: u32,
    pub yes: u32,
    pub partly: u32,
    pub no: u32,
}

/// What a tally may show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct TallyShown {
    pub asked: u32,
    pub answers: u32,
    /// Share of the questions answered, 0–1; `None` when none were asked.
    pub response_rate: Option<f64>,
    /// `None` below [`MIN_GROUP`] answers.
    pub results: Option<Results>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// The mean score, 1–5.
    pub mean: f64,
    /// Shares of yes, partly and no, 0–1.
    pub yes: f64,
    pub partly: f64,
    pub no: f64,
}

impl Tally {
    pub fn add(&mut self, score: Score, helped: Helped) {
        self.answers += 1;
        self.score_sum += u32::from(score.get());
        match helped {
            Helped::Yes => self.yes += 1,
            Helped::Partly => self.partly += 1,
            Helped::No => self.no += 1,
        }
    }

    pub fn shown(&self) -> TallyShown {
        let n = f64::from(self.answers);
        TallyShown {
            asked: self.asked,
            answers: self.answers,
            response_rate: (self.asked > 0)
                .then(|| f64::from(self.answers.min(self.asked)) / f64::from(self.asked)),
            results: (self.answers >= MIN_GROUP).then(|| Results {
                mean: f64::from(self.score_sum) / n,
                yes: f64::from(self.yes) / n,
                partly: f64::from(self.partly) / n,
                no: f64::from(self.no) / n,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn form(score: &str, helped: &str, comment: &str) -> RatingForm {
        RatingForm {
            score: score.into(),
            helped: helped.into(),
            comment: comment.into(),
        }
    }

    #[test]
    fn an_answer_needs_the_score_and_the_help_and_may_say_more() {
        let r = form("4", "delvis", "  Bra bemötande. ").parse().unwrap();
        assert_eq!((r.score.get(), r.helped), (4, Helped::Partly));
        assert_eq!(r.comment.as_deref(), Some("Bra bemötande."));
        assert_eq!(form("5", "ja", "   ").parse().unwrap().comment, None);
        let e = form("", "", "").parse().unwrap_err();
        assert_eq!(e.get("score"), Some(&FieldError::Required));
        assert_eq!(e.get("helped"), Some(&FieldError::Required));
        let e = form("6", "kanske", &"x".repeat(MAX_COMMENT + 1))
            .parse()
            .unwrap_err();
        assert_eq!(e.get("score"), Some(&FieldError::Choice));
        assert_eq!(e.get("helped"), Some(&FieldError::Choice));
        assert_eq!(e.get("comment"), Some(&FieldError::TooLong));
        assert!(form("1", "nej", &"å".repeat(MAX_COMMENT)).parse().is_ok());
    }

    #[test]
    fn the_question_is_open_fourteen_days() {
        let asked = Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap();
        assert_eq!(
            closes_at(asked),
            Utc.with_ymd_and_hms(2026, 12, 21, 12, 0, 0).unwrap()
        );
        assert!(ASK_AFTER >= Duration::hours(1) && ASK_AFTER <= Duration::hours(3));
        assert!(REMIND_AFTER < Duration::days(OPEN_DAYS));
    }

    #[test]
    fn four_answers_show_only_how_many_and_five_show_the_results() {
        let mut t = Tally {
            asked: 10,
            ..Tally::default()
        };
        for s in [5, 4, 4, 3] {
            t.add(Score::parse(&s.to_string()).unwrap(), Helped::Yes);
        }
        let shown = t.shown();
        assert_eq!((shown.answers, shown.results), (4, None));
        assert_eq!(shown.response_rate, Some(0.4));
        t.add(Score::parse("4").unwrap(), Helped::No);
        let r = t.shown().results.expect("five answers");
        assert_eq!(r.mean, 4.0);
        assert_eq!((r.yes, r.no, r.partly), (0.8, 0.2, 0.0));
    }

    proptest! {
        #[test]
        fn results_are_never_shown_for_fewer_than_five(
            answers in proptest::collection::vec((1u8..=5, 0usize..3), 0..12),
            unanswered in 0u32..10,
        ) {
            let mut t = Tally::default();
            for (s, h) in &answers {
                t.add(Score(*s), Helped::ALL[*h]);
            }
            t.asked = t.answers + unanswered;
            let shown = t.shown();
            prop_assert_eq!(shown.answers as usize, answers.len());
            prop_assert_eq!(shown.results.is_some(), answers.len() >= MIN_GROUP as usize);
            if let Some(r) = shown.results {
                prop_assert!((1.0..=5.0).contains(&r.mean));
                prop_assert!((r.yes + r.partly + r.no - 1.0).abs() < 1e-9);
            }
            if let Some(rate) = shown.response_rate {
                prop_assert!((0.0..=1.0).contains(&rate));
            }
        }

        #[test]
        fn only_one_to_five_is_a_score(s in "\\PC{0,4}") {
            if let Ok(score) = Score::parse(&s) {
                prop_assert!((1..=5).contains(&score.get()));
                prop_assert_eq!(s.trim(), score.get().to_string());
            }
        }
    }
}
