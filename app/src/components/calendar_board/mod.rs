//! The interactive calendar board of the staff pages: columns of quarter-hours (a
//! counsellor's days, or an office's counsellors on one day) with meetings and open time.
//!
//! Open time is changed in place: drag over empty time to add it, drag a span to move it,
//! drag its lower edge to change its end, or do each from the keyboard (arrow keys between
//! cells, Enter for the form, Delete to remove, Alt+arrow to move, Shift+arrow to resize).
//! Every change shows at once and is saved in the background; when the server refuses it,
//! it is undone and the board says why. The form under the board also works without
//! JavaScript (a plain post that comes back to the same view).
//!
//! This is an island only in the staff wasm (`staff` feature): job seekers' wasm leaves it
//! out, and the server draws it either way.

// Drags begin only in the browser; the server draws the board without them.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod drag;
mod editor;
mod keyboard;
mod pointer;
mod state;

use crate::{
    components::meeting_words::{channel_icon, channel_name, is_swedish, status_name},
    domain::{
        open_time::{clock_text, DAY_ENDS, DAY_STARTS, GRID_MINUTES},
        time::{day_and_month, weekday_name},
        BookingStatus,
    },
    i18n::*,
    views::calendar::{Away, Board, BoardColumn, BoardMeeting, ClosedDay},
};
use editor::{Editor, OpenTimeEditor};
use leptos::prelude::*;
use state::BoardState;

const ROWS: u32 = (DAY_ENDS - DAY_STARTS) / GRID_MINUTES;

#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn CalendarBoard(board: Board) -> impl IntoView {
    // Drawn once from the server's data (texts read the language once); what changes is in
    // closures, which track what they read on their own.
    untrack(move || board_view(board))
}

fn board_view(board: Board) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let Board {
        columns,
        meetings,
        open,
        now,
        refused,
        back,
    } = board;
    let state = BoardState::new(i18n, columns, open, back, refused.as_ref());
    let BoardState {
        columns,
        back,
        open,
        cursor,
        drag,
        message,
        just_dragged,
        details,
        editor,
        n_columns,
        ..
    } = state;
    let any_editable = columns.with_value(|c| c.iter().any(|c| c.editable));
    let open_at_first = refused.is_some();

    let heading = move |col: &BoardColumn| match &col.counsellor_name {
        Some(name) => name.clone(),
        None => format!(
            "{} {}",
            weekday_name(col.date.0, swedish),
            day_and_month(col.date.0, swedish)
        ),
    };

    let hours = (DAY_STARTS / 60..DAY_ENDS / 60)
        .map(|h| view! { <span class="board__hour">{clock_text(h * 60)}</span> })
        .collect_view();

    let headings = columns.with_value(|cols| {
        cols.iter()
            .enumerate()
            .map(|(i, col)| {
                let today = now.is_some_and(|(d, _)| d == col.date);
                view! {
                    <div class="board__heading" class:board__heading--today=today id=format!("kolumn-{i}")>
                        {heading(col)}
                        {today.then(|| view! { " " <span class="tag">{t!(i18n, cal_today)}</span> })}
                        {col.closed.as_ref().map(|c| view! { " " <span class="tag tag--closed">{closed_text(i18n, c, swedish)}</span> })}
                        {col.away.as_ref().map(|a| view! { " " <span class="tag tag--away">{away_text(i18n, a)}</span> })}
                    </div>
                }
            })
            .collect_view()
    });

    let meetings = StoredValue::new(meetings);
    let body = columns.with_value(|cols| {
        cols.iter()
            .enumerate()
            .map(|(column, col)| {
                let label = heading(col);
                let col_editable = col.editable;
                let cells = (0..ROWS)
                    .map(|row| {
                        let minute = DAY_STARTS + row * GRID_MINUTES;
                        let cell_label = t_string!(i18n, cal_cell, day = label.clone(), time = clock_text(minute))
                            .to_string();
                        view! {
                            <button
                                type="button"
                                class="board__cell"
                                class:board__cell--hour=minute.is_multiple_of(60)
                                id=cell_id(column, minute)
                                data-minute=minute
                                aria-label=cell_label
                                tabindex=move || if cursor.get() == (column, minute) { "0" } else { "-1" }
                                on:keydown=move |ev| keyboard::on_cell_key(state, ev, column, minute)
                                on:focus=move |_| cursor.set((column, minute))
                            ></button>
                        }
                    })
                    .collect_view();
                let now_line = now
                    .filter(|(d, _)| *d == col.date)
                    .map(|(_, minute)| {
                        view! {
                            <div class="board__now" style=position(minute, minute)>
                                <span class="visually-hidden">
                                    {t_string!(i18n, cal_now, time = clock_text(minute)).to_string()}
                                </span>
                            </div>
                        }
                    });
                let meeting_blocks = meetings.with_value(|ms| {
                    ms.iter()
                        .filter(|m| m.column == column)
                        .map(|m| meeting_block(i18n, m, swedish))
                        .collect_view()
                });
                let spans = move || {
                    open.with(|o| {
                        o.iter()
                            .filter(|s| s.column == column)
                            .filter(|s| drag.with(|d| d.and_then(|d| d.id()) != Some(s.id)))
                            .map(|s| {
                                let span = *s;
                                let text = t_string!(
                                    i18n,
                                    cal_open_block,
                                    from = clock_text(span.starts),
                                    to = clock_text(span.ends)
                                )
                                .to_string();
                                view! {
                                    <div class="board__open" style=position(span.starts, span.ends) data-open=span.id>
                                        <button
                                            type="button"
                                            class="board__open-body"
                                            id=span_id(span.id)
                                            disabled=!col_editable
                                            on:click=move |_| {
                                                if just_dragged.get_value() {
                                                    just_dragged.set_value(false);
                                                } else {
                                                    state.edit_span(span);
                                                }
                                            }
                                            on:keydown=move |ev| keyboard::on_span_key(state, ev, span.id)
                                        >
                                            {text}
                                        </button>
                                        {col_editable.then(|| view! { <span class="board__edge" aria-hidden="true"></span> })}
                                    </div>
                                }
                            })
                            .collect_view()
                    })
                };
                let preview = move || {
                    drag.get().and_then(|d| {
                        let (c, s, e) = d.preview();
                        (c == column).then(|| view! {
                            <div class="board__open board__open--preview" style=position(s, e) aria-hidden="true">
                                {format!("{}–{}", clock_text(s), clock_text(e))}
                            </div>
                        })
                    })
                };
                view! {
                    <div
                        class="board__column"
                        class:board__column--editable=col_editable
                        class:board__column--away=col.away.is_some()
                        data-column=column
                        role="group"
                        aria-labelledby=format!("kolumn-{column}")
                        on:pointerdown=move |ev| pointer::on_down(state, ev, column)
                        on:pointermove=move |ev| pointer::on_move(state, ev)
                        on:pointerup=move |ev| pointer::on_up(state, ev)
                        on:pointercancel=move |_| drag.set(None)
                    >
                        {cells}
                        {spans}
                        {meeting_blocks}
                        {preview}
                        {now_line}
                    </div>
                }
            })
            .collect_view()
    });

    let form = any_editable.then(|| {
        view! { <OpenTimeEditor columns editor back details open_at_first on_save=move |e: Editor| state.save_form(e) on_remove=move |id| state.remove(id)/> }
    });

    view! {
        <div class="board" id="kalender" style=format!("--columns:{n_columns}")>
            <p class="board__help" id="kalender-hjalp">
                {if any_editable { t!(i18n, cal_board_help).into_any() } else { t!(i18n, cal_read_only).into_any() }}
            </p>
            <p
                class="board__message"
                class:notice--error=move || message.with(|m| m.as_ref().is_some_and(|m| m.0))
                role="status"
                aria-live="polite"
            >
                {move || message.with(|m| m.as_ref().map(|m| m.1.clone()))}
            </p>
            <div class="board__scroll">
                <div class="board__grid" aria-describedby="kalender-hjalp">
                    <div class="board__corner"></div>
                    {headings}
                    <div class="board__hours" aria-hidden="true">{hours}</div>
                    {body}
                </div>
            </div>
            {form}
        </div>
    }
}

fn meeting_block(
    i18n: leptos_i18n::I18nContext<Locale>,
    m: &BoardMeeting,
    swedish: bool,
) -> impl IntoView {
    let kind = if swedish {
        m.meeting_sv.clone()
    } else {
        m.meeting_en.clone()
    };
    let status = (m.status != BookingStatus::Booked).then(|| status_name(i18n, m.status));
    view! {
        <a
            class=format!("board__meeting board__meeting--{}", m.channel.as_str())
            class:board__meeting--done=m.status != BookingStatus::Booked
            class:board__meeting--employer=m.employer
            href=m.href.clone()
            style=position(m.starts, m.ends)
        >
            <span class="board__meeting-time">{format!("{}–{}", clock_text(m.starts), clock_text(m.ends))}</span>
            " "
            <strong>{m.who.clone()}</strong>
            " "
            <span class="board__meeting-channel">
                <span aria-hidden="true">{channel_icon(m.channel)}</span>
                " "
                {channel_name(i18n, m.channel)}
            </span>
            " "
            <span class="board__meeting-type">
                {m.employer.then(|| view! { <span aria-hidden="true">"🏢 "</span> })}
                {kind}
            </span>
            {status.map(|s| view! { " " <span class="tag">{s}</span> })}
            {m.in_absence.then(|| view! {
                " " <span class="tag tag--to-report">"⚠ " {t!(i18n, cal_in_absence)}</span>
            })}
            {m.awaiting_outcome.then(|| view! {
                " " <span class="tag tag--to-report">"⚑ " {t!(i18n, cal_awaiting_outcome)}</span>
            })}
            {m.arrival.map(|a| {
                let text = if a.fetched {
                    t_string!(i18n, cal_fetched, min = a.waited).to_string()
                } else {
                    t_string!(i18n, cal_arrived, time = clock_text(a.at), min = a.waited).to_string()
                };
                view! { " " <span class="tag tag--arrived" class:tag--waiting=!a.fetched>{text}</span> }
            })}
        </a>
    }
}

/// Where a span sits in its column, in rows of a quarter-hour.
fn position(starts: u32, ends: u32) -> String {
    let top = (starts.saturating_sub(DAY_STARTS)) / GRID_MINUTES;
    let rows = ends.saturating_sub(starts) / GRID_MINUTES;
    format!("--top:{top};--rows:{rows}")
}

fn cell_id(column: usize, minute: u32) -> String {
    format!("ruta-{column}-{minute}")
}

fn span_id(id: i64) -> String {
    format!("oppen-{id}")
}

/// Whether the element with this id has the focus.
fn has_focus(id: &str) -> bool {
    #[cfg(feature = "hydrate")]
    return document().active_element().is_some_and(|el| el.id() == id);
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = id;
        false
    }
}

/// Moves focus to an element that is on the page now.
fn focus_now(id: &str) {
    #[cfg(feature = "hydrate")]
    browser::focus(id);
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// Moves focus to an element once the board has redrawn.
fn focus_later(id: &str) {
    #[cfg(feature = "hydrate")]
    browser::focus_later(id.to_owned());
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::HtmlElement;

    pub fn focus(id: &str) {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }

    pub fn focus_later(id: String) {
        request_animation_frame(move || focus(&id));
    }
}

/// What an absence is called on the board: its kind and its note.
fn away_text(i18n: leptos_i18n::I18nContext<Locale>, away: &Away) -> String {
    let kind = if away.training {
        t_string!(i18n, wh_kind_training)
    } else {
        t_string!(i18n, wh_kind_absence)
    };
    if away.note.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind}: {}", away.note)
    }
}

/// What a closed day is called on the board.
fn closed_text(
    i18n: leptos_i18n::I18nContext<Locale>,
    closed: &ClosedDay,
    swedish: bool,
) -> String {
    match closed {
        ClosedDay::Holiday(h) if swedish => h.swedish().to_owned(),
        ClosedDay::Holiday(h) => h.english().to_owned(),
        ClosedDay::Office(reason) if reason.is_empty() => {
            t_string!(i18n, cal_office_closed).to_owned()
        }
        ClosedDay::Office(reason) => format!("{}: {reason}", t_string!(i18n, cal_office_closed)),
    }
}
