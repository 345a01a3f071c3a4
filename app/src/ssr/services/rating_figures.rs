//! The ratings on the office's figures page and in its CSV: counted per office, counsellor,
//! way of meeting and kind of meeting, shown from five answers on (how many always), and the
//! free texts without who wrote them or about whom.

use crate::{
    domain::{
        figures::CsvStyle,
        rating::{Helped, Score, Tally, TallyShown},
        Channel,
    },
    error::AppError,
    ssr::store::{RatingFactRow, Store},
    views::rating::{RatingComment, RatingFigures},
};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

fn count(tally: &mut Tally, fact: &RatingFactRow) {
    tally.asked += 1;
    let score = fact.score.and_then(|s| Score::parse(&s.to_string()).ok());
    let helped = fact.helped.as_deref().and_then(Helped::parse);
    if let (Some(score), Some(helped)) = (score, helped) {
        tally.add(score, helped);
    }
}

/// The office's ratings for questions asked in `from`..`to`, and each counsellor's by id.
#[tracing::instrument(skip_all, fields(office_id = office))]
pub async fn rating_figures(
    store: &Store,
    office: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<(RatingFigures, BTreeMap<i64, TallyShown>), AppError> {
    let facts = store.rating_facts(office, from, to).await?;
    let mut all = Tally::default();
    let mut counsellors: BTreeMap<i64, Tally> = BTreeMap::new();
    let mut channels: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut kinds: BTreeMap<String, (String, String, Tally)> = BTreeMap::new();
    for f in &facts {
        count(&mut all, f);
        count(counsellors.entry(f.counsellor_id).or_default(), f);
        count(channels.entry(f.channel.as_str()).or_default(), f);
        let kind = kinds.entry(f.meeting_type.clone()).or_insert_with(|| {
            (
                f.meeting_name_sv.clone(),
                f.meeting_name_en.clone(),
                Tally::default(),
            )
        });
        count(&mut kind.2, f);
    }
    let comments = store
        .rating_comments(office, from, to)
        .await?
        .into_iter()
        .map(|(written, text)| RatingComment { written, text })
        .collect();
    let figures = RatingFigures {
        office: all.shown(),
        by_channel: Channel::ALL
            .into_iter()
            .filter_map(|c| channels.get(c.as_str()).map(|t| (c, t.shown())))
            .collect(),
        by_meeting_type: kinds
            .into_values()
            .map(|(sv, en, t)| (sv, en, t.shown()))
            .collect(),
        comments,
    };
    let by_counsellor = counsellors
        .into_iter()
        .map(|(id, t)| (id, t.shown()))
        .collect();
    Ok((figures, by_counsellor))
}

/// The CSV's rating columns' headings.
pub fn csv_header(swedish: bool) -> [&'static str; 7] {
    if swedish {
        [
            "Frågor efter mötet",
            "Svar",
            "Svarsfrekvens (%)",
            "Nöjdhet 1–5 (medel, minst 5 svar)",
            "Fick den hjälp de behövde: ja (%)",
            "Fick den hjälp de behövde: delvis (%)",
            "Fick den hjälp de behövde: nej (%)",
        ]
    } else {
        [
            "Questions after the meeting",
            "Answers",
            "Response rate (%)",
            "Satisfaction 1–5 (mean, at least 5 answers)",
            "Got the help they needed: yes (%)",
            "Got the help they needed: partly (%)",
            "Got the help they needed: no (%)",
        ]
    }
}

/// The rating columns of one row: the counts always, the results only from five answers on.
pub fn csv_cells(t: &TallyShown, style: CsvStyle) -> [String; 7] {
    let percent = |v: f64| format!("{:.0}", v * 100.0);
    let r = t.results;
    [
        t.asked.to_string(),
        t.answers.to_string(),
        t.response_rate.map(percent).unwrap_or_default(),
        r.map(|r| style.decimal(r.mean)).unwrap_or_default(),
        r.map(|r| percent(r.yes)).unwrap_or_default(),
        r.map(|r| percent(r.partly)).unwrap_or_default(),
        r.map(|r| percent(r.no)).unwrap_or_default(),
    ]
}

/// Rows of their own for each kind of meeting's ratings (the other columns empty).
pub fn csv_kind_rows(
    figures: &RatingFigures,
    swedish: bool,
    from: &str,
    to: &str,
    before: usize,
    style: CsvStyle,
) -> Vec<Vec<String>> {
    figures
        .by_meeting_type
        .iter()
        .map(|(sv, en, t)| {
            let name = if swedish {
                format!("Nöjdhet: {sv}")
            } else {
                format!("Satisfaction: {en}")
            };
            let mut row = vec![name, from.to_owned(), to.to_owned()];
            row.extend(std::iter::repeat_n(String::new(), before));
            row.extend(csv_cells(t, style));
            row
        })
        .collect()
}
