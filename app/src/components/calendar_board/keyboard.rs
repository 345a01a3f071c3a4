//! The board from the keyboard: arrow keys between cells and Enter for the form; on a span,
//! Delete removes it, Alt+up/down moves it within the day, Alt+left/right to the day before
//! or after, and Shift+up/down resizes it.

use super::{cell_id, focus_later, focus_now, span_id, state::BoardState};
use crate::{
    domain::open_time::{OpenTime, DAY_ENDS, DAY_STARTS, GRID_MINUTES},
    i18n::*,
    views::calendar::BoardOpen,
};
use leptos::prelude::*;

/// Keyboard on a cell: move between cells, Enter for the form.
pub(super) fn on_cell_key(
    state: BoardState,
    ev: leptos::ev::KeyboardEvent,
    column: usize,
    minute: u32,
) {
    let i18n = state.i18n;
    let (c, m) = match ev.key().as_str() {
        "ArrowUp" => (column, minute.saturating_sub(GRID_MINUTES).max(DAY_STARTS)),
        "ArrowDown" => (column, (minute + GRID_MINUTES).min(DAY_ENDS - GRID_MINUTES)),
        "ArrowLeft" => (column.saturating_sub(1), minute),
        "ArrowRight" => ((column + 1).min(state.n_columns - 1), minute),
        "PageUp" => (column, minute.saturating_sub(60).max(DAY_STARTS)),
        "PageDown" => (column, (minute + 60).min(DAY_ENDS - GRID_MINUTES)),
        "Home" => (column, DAY_STARTS),
        "End" => (column, DAY_ENDS - GRID_MINUTES),
        "Enter" | " " => {
            ev.prevent_default();
            if state.editable(column) {
                state.new_at(column, minute);
            } else {
                state.message.set(Some((
                    true,
                    untrack(|| t_string!(i18n, cal_read_only).to_owned()),
                )));
            }
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    state.cursor.set((c, m));
    // Cells are never redrawn: focus at once, so quick key presses each take a step.
    focus_now(&cell_id(c, m));
}

/// Moves a span to the same hours the day before or after, when that day is on the board
/// (the week view); otherwise says so.
fn to_next_day(state: BoardState, span: BoardOpen, later: bool) {
    let target = state.columns.with_value(|cols| {
        let from = &cols[span.column];
        let day = if later {
            from.date.0.succ_opt()
        } else {
            from.date.0.pred_opt()
        }?;
        cols.iter()
            .position(|c| c.counsellor_id == from.counsellor_id && c.date.0 == day && c.editable)
    });
    match target {
        Some(column) => {
            state.update(span.id, column, span.starts, span.ends);
            focus_later(&span_id(span.id));
        }
        None => {
            let i18n = state.i18n;
            state.message.set(Some((
                true,
                untrack(|| t_string!(i18n, cal_no_day_there).to_owned()),
            )));
        }
    }
}

/// Keyboard on a span: Delete removes it, Alt+arrow moves it, Shift+arrow resizes it.
pub(super) fn on_span_key(state: BoardState, ev: leptos::ev::KeyboardEvent, id: i64) {
    // A span not yet saved (its id is still the board's own) waits for the server.
    let Some(span) = state
        .open
        .with_untracked(|o| o.iter().find(|s| s.id == id && id > 0).copied())
    else {
        return;
    };
    if !state.editable(span.column) {
        return;
    }
    let key = ev.key();
    if ev.alt_key() && (key == "ArrowLeft" || key == "ArrowRight") {
        ev.prevent_default();
        to_next_day(state, span, key == "ArrowRight");
        return;
    }
    let step: i64 = match key.as_str() {
        "ArrowUp" => -i64::from(GRID_MINUTES),
        "ArrowDown" => i64::from(GRID_MINUTES),
        "Delete" | "Backspace" => {
            ev.prevent_default();
            state.remove(id);
            focus_later(&cell_id(span.column, span.starts));
            return;
        }
        _ => return,
    };
    let date = state.columns.with_value(|c| c[span.column].date.0);
    let Ok(time) = OpenTime::new(date, span.starts, span.ends) else {
        return;
    };
    let changed = if ev.alt_key() {
        time.shifted(step)
    } else if ev.shift_key() {
        let ends = (i64::from(span.ends) + step) as u32;
        match OpenTime::new(date, span.starts, ends) {
            Ok(t) => t,
            Err(_) => return,
        }
    } else {
        return;
    };
    ev.prevent_default();
    if changed != time {
        state.update(id, span.column, changed.starts, changed.ends);
        focus_later(&span_id(id));
    }
}
