//! The board under the pointer: press, drag, let go. What a drag means is `drag`'s; this
//! reads where the pointer is and saves the outcome.

use super::state::BoardState;
use leptos::prelude::*;

pub(super) fn on_down(state: BoardState, ev: leptos::ev::PointerEvent, column: usize) {
    #[cfg(feature = "hydrate")]
    if ev.button() == 0 && state.editable(column) {
        use super::drag::{Drag, Grip};
        let Some((grip_kind, id, at)) = browser::pressed(&ev) else {
            return;
        };
        let grip = match (
            grip_kind,
            // Not a span the server has yet.
            id.filter(|id| *id > 0).and_then(|id| {
                state
                    .open
                    .with_untracked(|o| o.iter().find(|s| s.id == id).copied())
            }),
        ) {
            (browser::Pressed::Empty, _) => Grip::Empty { anchor: at },
            (browser::Pressed::Body, Some(s)) => Grip::Body {
                id: s.id,
                offset: at.saturating_sub(s.starts),
                from: (s.column, s.starts, s.ends),
            },
            (browser::Pressed::Edge, Some(s)) => Grip::Edge {
                id: s.id,
                from: (s.column, s.starts, s.ends),
            },
            _ => return,
        };
        browser::capture(&ev);
        state.drag.set(Some(Drag::new(grip, column, at)));
        state.cursor.set((column, at));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (state, ev, column);
}

pub(super) fn on_move(state: BoardState, ev: leptos::ev::PointerEvent) {
    if state.drag.with_untracked(Option::is_none) {
        return;
    }
    #[cfg(feature = "hydrate")]
    if let Some(over) = browser::over(&ev) {
        state.drag.update(|d| {
            if let Some(d) = d {
                d.over = over;
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

pub(super) fn on_up(state: BoardState, _ev: leptos::ev::PointerEvent) {
    let Some(done) = state.drag.get_untracked() else {
        return;
    };
    state.drag.set(None);
    let Some((column, starts, ends)) = done.outcome() else {
        // A press on empty time that drew nothing: a tap. On a touch screen dragging
        // scrolls the day, so a tap opens the form at that quarter-hour instead.
        if let super::drag::Grip::Empty { anchor } = done.grip {
            if state.editable(done.column) {
                state.new_at(done.column, anchor);
            }
        }
        return;
    };
    state.just_dragged.set_value(true);
    let column = if state.editable(column) {
        column
    } else {
        done.column
    };
    match done.id() {
        None => state.add(column, starts, ends),
        Some(id) => state.update(id, column, starts, ends),
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::{
        components::calendar_board::ROWS,
        domain::open_time::{DAY_STARTS, GRID_MINUTES},
    };
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, PointerEvent};

    pub enum Pressed {
        Empty,
        Body,
        Edge,
    }

    fn target(ev: &PointerEvent) -> Option<Element> {
        ev.target()?.dyn_into::<Element>().ok()
    }

    /// What the press landed on (empty time, a span's body or its edge, with the span's id)
    /// and the quarter-hour under the pointer. Presses on meetings are left to the link.
    pub fn pressed(ev: &PointerEvent) -> Option<(Pressed, Option<i64>, u32)> {
        let el = target(ev)?;
        if el.closest(".board__meeting").ok().flatten().is_some() {
            return None;
        }
        let column = el.closest(".board__column").ok().flatten()?;
        let at = minute_at(&column, ev.client_y());
        let span = el.closest(".board__open").ok().flatten();
        let id = span
            .as_ref()
            .and_then(|s| s.get_attribute("data-open"))
            .and_then(|id| id.parse().ok());
        let kind = match (span, el.class_list().contains("board__edge")) {
            (None, _) => Pressed::Empty,
            (Some(_), true) => Pressed::Edge,
            (Some(_), false) => Pressed::Body,
        };
        Some((kind, id, at))
    }

    /// Keeps the pointer's moves coming to the column until it is let go.
    pub fn capture(ev: &PointerEvent) {
        if let Some(col) = target(ev).and_then(|el| el.closest(".board__column").ok().flatten()) {
            let _ = col.set_pointer_capture(ev.pointer_id());
        }
        ev.prevent_default();
    }

    /// The column and quarter-hour under the pointer.
    pub fn over(ev: &PointerEvent) -> Option<(usize, u32)> {
        let columns = document().query_selector_all(".board__column").ok()?;
        let x = f64::from(ev.client_x());
        for i in 0..columns.length() {
            let col = columns.item(i)?.dyn_into::<Element>().ok()?;
            let rect = col.get_bounding_client_rect();
            if x >= rect.left() && x < rect.right() {
                let index = col.get_attribute("data-column")?.parse().ok()?;
                return Some((index, minute_at(&col, ev.client_y())));
            }
        }
        None
    }

    fn minute_at(column: &Element, y: i32) -> u32 {
        let rect = column.get_bounding_client_rect();
        let share = (f64::from(y) - rect.top()) / rect.height().max(1.0);
        let row = (share * f64::from(ROWS))
            .floor()
            .clamp(0.0, f64::from(ROWS - 1)) as u32;
        DAY_STARTS + row * GRID_MINUTES
    }
}
