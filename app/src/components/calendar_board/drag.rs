//! What a pointer drag on the board does, apart from the DOM: the board says which column
//! and quarter-hour the pointer is over, this says which span to draw meanwhile and which
//! change to save when the pointer is let go.

use crate::domain::open_time::{DAY_ENDS, DAY_STARTS, GRID_MINUTES};

/// What was grabbed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grip {
    /// Empty time, at the quarter-hour `anchor`: dragging draws new open time.
    Empty { anchor: u32 },
    /// A span of open time by its body, `offset` minutes below its start: dragging moves it.
    Body {
        id: i64,
        offset: u32,
        from: (usize, u32, u32),
    },
    /// A span by its lower edge: dragging changes where it ends.
    Edge { id: i64, from: (usize, u32, u32) },
}

/// A drag under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drag {
    pub grip: Grip,
    /// The column the drag began in.
    pub column: usize,
    /// Where the pointer is now: a column and the start of a quarter-hour.
    pub over: (usize, u32),
}

impl Drag {
    pub fn new(grip: Grip, column: usize, at: u32) -> Self {
        Drag {
            grip,
            column,
            over: (column, at),
        }
    }

    /// The span to draw now: column, start and end (minutes since midnight).
    pub fn preview(&self) -> (usize, u32, u32) {
        let (over_column, at) = self.over;
        match self.grip {
            Grip::Empty { anchor } => (
                self.column,
                anchor.min(at),
                (anchor.max(at) + GRID_MINUTES).min(DAY_ENDS),
            ),
            Grip::Body {
                offset,
                from: (_, starts, ends),
                ..
            } => {
                let length = ends - starts;
                let start = at
                    .saturating_sub(offset)
                    .clamp(DAY_STARTS, DAY_ENDS - length);
                (over_column, start, start + length)
            }
            Grip::Edge {
                from: (column, starts, _),
                ..
            } => (
                column,
                starts,
                (at + GRID_MINUTES).clamp(starts + GRID_MINUTES, DAY_ENDS),
            ),
        }
    }

    /// The change to save when the pointer is let go, if the drag changed anything. A press
    /// on empty time without moving draws nothing (it only chooses the cell).
    pub fn outcome(&self) -> Option<(usize, u32, u32)> {
        let now = self.preview();
        match self.grip {
            Grip::Empty { anchor } => (self.over.1 != anchor).then_some(now),
            Grip::Body { from, .. } | Grip::Edge { from, .. } => (now != from).then_some(now),
        }
    }

    /// The span being changed, if any.
    pub fn id(&self) -> Option<i64> {
        match self.grip {
            Grip::Empty { .. } => None,
            Grip::Body { id, .. } | Grip::Edge { id, .. } => Some(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NINE: u32 = 9 * 60;

    #[test]
    fn dragging_down_or_up_over_empty_time_draws_the_quarters_passed() {
        let mut d = Drag::new(Grip::Empty { anchor: NINE }, 2, NINE);
        assert_eq!(d.outcome(), None, "a press alone draws nothing");
        d.over = (2, NINE + 45);
        assert_eq!(d.outcome(), Some((2, NINE, NINE + 60)));
        d.over = (3, NINE - 30);
        assert_eq!(
            d.outcome(),
            Some((2, NINE - 30, NINE + 15)),
            "stays in its day"
        );
    }

    #[test]
    fn a_span_moves_with_the_pointer_to_another_day_and_keeps_its_length() {
        let from = (0, NINE, NINE + 90);
        let mut d = Drag::new(
            Grip::Body {
                id: 7,
                offset: 30,
                from,
            },
            0,
            NINE + 30,
        );
        assert_eq!(d.outcome(), None);
        d.over = (1, NINE + 90);
        assert_eq!(d.outcome(), Some((1, NINE + 60, NINE + 150)));
        d.over = (1, DAY_ENDS - 15);
        assert_eq!(
            d.preview(),
            (1, DAY_ENDS - 90, DAY_ENDS),
            "stops at the day's end"
        );
        d.over = (1, DAY_STARTS);
        assert_eq!(d.preview(), (1, DAY_STARTS, DAY_STARTS + 90));
    }

    #[test]
    fn an_edge_changes_the_end_but_never_below_a_quarter() {
        let from = (0, NINE, NINE + 60);
        let mut d = Drag::new(Grip::Edge { id: 7, from }, 0, NINE + 45);
        assert_eq!(d.outcome(), None);
        d.over = (0, NINE + 105);
        assert_eq!(d.outcome(), Some((0, NINE, NINE + 120)));
        d.over = (0, NINE - 60);
        assert_eq!(d.preview(), (0, NINE, NINE + 15));
        assert_eq!(d.id(), Some(7));
    }

    proptest! {
        #[test]
        fn every_preview_is_valid_open_time(
            start_q in 0u32..47,
            len_q in 1u32..48,
            at_q in 0u32..48,
            anchor_q in 0u32..48,
            kind in 0u8..3,
        ) {
            let starts = DAY_STARTS + start_q * 15;
            let ends = (starts + len_q * 15).min(DAY_ENDS);
            prop_assume!(ends > starts);
            let at = DAY_STARTS + at_q * 15;
            let grip = match kind {
                0 => Grip::Empty { anchor: DAY_STARTS + anchor_q * 15 },
                1 => Grip::Body { id: 1, offset: at.saturating_sub(starts), from: (0, starts, ends) },
                _ => Grip::Edge { id: 1, from: (0, starts, ends) },
            };
            let mut d = Drag::new(grip, 0, at);
            d.over = (0, DAY_STARTS + (at_q * 7 % 48) * 15);
            let (_, s, e) = d.preview();
            prop_assert!(DAY_STARTS <= s && s < e && e <= DAY_ENDS, "{s}..{e}");
            prop_assert_eq!(s % 15, 0);
            prop_assert_eq!(e % 15, 0);
        }
    }
}
