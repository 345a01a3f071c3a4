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

use crate::{
    components::{
        meeting_words::{channel_icon, channel_name, is_swedish, status_name},
        messages::refusal_text,
    },
    domain::{
        open_time::{clock_text, OpenTime, OpenTimeForm, DAY_ENDS, DAY_STARTS, GRID_MINUTES},
        registration::{FieldError, FieldErrors},
        time::{day_and_month, iso_date, weekday_name},
    },
    error::AppError,
    i18n::*,
    views::calendar::{Board, BoardColumn, BoardMeeting, BoardOpen},
};
use drag::Drag;
use leptos::{html, prelude::*};

const ROWS: u32 = (DAY_ENDS - DAY_STARTS) / GRID_MINUTES;
const SAVE_ACTION: &str = "/api/personal/oppen-tid";
const REMOVE_ACTION: &str = "/api/personal/oppen-tid/ta-bort";

/// The form under the board, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Editor {
    column: usize,
    id: Option<i64>,
    form: OpenTimeForm,
    /// The field in error (empty: the whole form) and the refusal.
    error: Option<(String, AppError)>,
}

/// A change to open time, and how to undo it.
#[derive(Debug, Clone, Copy)]
enum Change {
    Add(BoardOpen),
    Update { was: BoardOpen, now: BoardOpen },
    Remove(BoardOpen),
}

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
    let columns = StoredValue::new(columns);
    let back = StoredValue::new(back);
    let open = RwSignal::new(open);
    let any_editable = columns.with_value(|c| c.iter().any(|c| c.editable));
    let first_editable = columns.with_value(|c| c.iter().position(|c| c.editable).unwrap_or(0));
    let cursor = RwSignal::new((first_editable, 8 * 60));
    let drag = RwSignal::new(None::<Drag>);
    let message = RwSignal::new(None::<(bool, String)>);
    let next_temp = StoredValue::new(-1i64);
    // A click that ends a drag must not also open the form.
    let just_dragged = StoredValue::new(false);
    let details = NodeRef::<html::Details>::new();

    let editor = RwSignal::new(refused.as_ref().map_or_else(
        || Editor {
            column: first_editable,
            ..Editor::default()
        },
        |r| {
            let column = columns.with_value(|cols| {
                cols.iter()
                    .position(|c| {
                        c.counsellor_id == r.counsellor_id && iso_date(c.date.0) == r.form.date
                    })
                    .or_else(|| cols.iter().position(|c| c.counsellor_id == r.counsellor_id))
                    .unwrap_or(first_editable)
            });
            Editor {
                column,
                id: r.id,
                form: r.form.clone(),
                error: Some((r.field.clone(), r.error.clone())),
            }
        },
    ));
    let open_at_first = refused.is_some();

    let column_of = move |counsellor: i64, date: &str| {
        columns.with_value(|cols| {
            cols.iter()
                .position(|c| c.counsellor_id == counsellor && iso_date(c.date.0) == date)
        })
    };

    // Saves a change that is already drawn; undoes it when the server refuses.
    let commit = move |change: Change| {
        match change {
            Change::Add(span) => open.update(|o| o.push(span)),
            Change::Update { now, .. } => open.update(|o| {
                if let Some(s) = o.iter_mut().find(|s| s.id == now.id) {
                    *s = now;
                }
            }),
            Change::Remove(span) => open.update(|o| o.retain(|s| s.id != span.id)),
        }
        message.set(Some((
            false,
            untrack(|| t_string!(i18n, cal_saving).to_owned()),
        )));
        let back = back.get_value();
        leptos::task::spawn_local(async move {
            let form_of = |span: &BoardOpen| {
                columns.with_value(|cols| {
                    let col = &cols[span.column];
                    (
                        col.counsellor_id,
                        OpenTimeForm {
                            date: iso_date(col.date.0),
                            starts: clock_text(span.starts),
                            ends: clock_text(span.ends),
                        },
                    )
                })
            };
            let result = match change {
                Change::Add(span) => {
                    let (counsellor, form) = form_of(&span);
                    crate::api::calendar::save_open_time(counsellor, None, form, span.column, back)
                        .await
                        .map(|saved| {
                            let had_focus = has_focus(&span_id(span.id));
                            open.update(|o| {
                                if let Some(s) = o.iter_mut().find(|s| s.id == span.id) {
                                    s.id = saved.id;
                                }
                            });
                            // The span is drawn again under its real id: keep the focus on it.
                            if had_focus {
                                focus_later(&span_id(saved.id));
                            }
                            untrack(|| t_string!(i18n, cal_saved).to_owned())
                        })
                }
                Change::Update { now, .. } => {
                    let (counsellor, form) = form_of(&now);
                    crate::api::calendar::save_open_time(
                        counsellor,
                        Some(now.id),
                        form,
                        now.column,
                        back,
                    )
                    .await
                    .map(|_| untrack(|| t_string!(i18n, cal_saved).to_owned()))
                }
                Change::Remove(span) => crate::api::calendar::remove_open_time(
                    span.id,
                    0,
                    OpenTimeForm::default(),
                    back,
                )
                .await
                .map(|_| untrack(|| t_string!(i18n, cal_removed).to_owned())),
            };
            match result {
                Ok(done) => message.set(Some((false, done))),
                Err(error) => {
                    match change {
                        Change::Add(span) => open.update(|o| o.retain(|s| s.id != span.id)),
                        Change::Update { was, .. } => open.update(|o| {
                            if let Some(s) = o.iter_mut().find(|s| s.id == was.id) {
                                *s = was;
                            }
                        }),
                        Change::Remove(span) => open.update(|o| o.push(span)),
                    }
                    let why = untrack(|| refusal_text(i18n, &error));
                    message.set(Some((
                        true,
                        untrack(|| t_string!(i18n, cal_undone, why = why).to_string()),
                    )));
                }
            }
        });
    };

    let add = move |column: usize, starts: u32, ends: u32| {
        let id = next_temp.get_value();
        next_temp.set_value(id - 1);
        commit(Change::Add(BoardOpen {
            id,
            column,
            starts,
            ends,
        }));
    };
    let update = move |id: i64, column: usize, starts: u32, ends: u32| {
        let Some(was) = open.with_untracked(|o| o.iter().find(|s| s.id == id).copied()) else {
            return;
        };
        commit(Change::Update {
            was,
            now: BoardOpen {
                id,
                column,
                starts,
                ends,
            },
        });
    };
    let remove = move |id: i64| {
        if let Some(span) = open.with_untracked(|o| o.iter().find(|s| s.id == id).copied()) {
            commit(Change::Remove(span));
        }
    };

    let show_editor = move |e: Editor| {
        editor.set(e);
        if let Some(d) = details.get_untracked() {
            d.set_open(true);
        }
        focus_later("f-open-starts");
    };
    let edit_span = move |span: BoardOpen| {
        let date = columns.with_value(|c| iso_date(c[span.column].date.0));
        show_editor(Editor {
            column: span.column,
            id: Some(span.id),
            form: OpenTimeForm {
                date,
                starts: clock_text(span.starts),
                ends: clock_text(span.ends),
            },
            error: None,
        });
    };
    let new_at = move |column: usize, starts: u32| {
        let date = columns.with_value(|c| iso_date(c[column].date.0));
        show_editor(Editor {
            column,
            id: None,
            form: OpenTimeForm {
                date,
                starts: clock_text(starts),
                ends: clock_text((starts + 60).min(DAY_ENDS)),
            },
            error: None,
        });
    };

    let editable =
        move |column: usize| columns.with_value(|c| c.get(column).is_some_and(|c| c.editable));
    let n_columns = columns.with_value(|c| c.len());

    // Keyboard on a cell: move between cells, Enter for the form.
    let on_cell_key = move |ev: leptos::ev::KeyboardEvent, column: usize, minute: u32| {
        let (c, m) = match ev.key().as_str() {
            "ArrowUp" => (column, minute.saturating_sub(GRID_MINUTES).max(DAY_STARTS)),
            "ArrowDown" => (column, (minute + GRID_MINUTES).min(DAY_ENDS - GRID_MINUTES)),
            "ArrowLeft" => (column.saturating_sub(1), minute),
            "ArrowRight" => ((column + 1).min(n_columns - 1), minute),
            "PageUp" => (column, minute.saturating_sub(60).max(DAY_STARTS)),
            "PageDown" => (column, (minute + 60).min(DAY_ENDS - GRID_MINUTES)),
            "Home" => (column, DAY_STARTS),
            "End" => (column, DAY_ENDS - GRID_MINUTES),
            "Enter" | " " => {
                ev.prevent_default();
                if editable(column) {
                    new_at(column, minute);
                } else {
                    message.set(Some((
                        true,
                        untrack(|| t_string!(i18n, cal_read_only).to_owned()),
                    )));
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        cursor.set((c, m));
        // Cells are never redrawn: focus at once, so quick key presses each take a step.
        focus_now(&cell_id(c, m));
    };

    // Keyboard on a span: Delete removes it, Alt+arrow moves it, Shift+arrow resizes it.
    let on_span_key = move |ev: leptos::ev::KeyboardEvent, id: i64| {
        // A span not yet saved (its id is still the board's own) waits for the server.
        let Some(span) = open.with_untracked(|o| o.iter().find(|s| s.id == id && id > 0).copied())
        else {
            return;
        };
        if !editable(span.column) {
            return;
        }
        let key = ev.key();
        let step: i64 = match key.as_str() {
            "ArrowUp" => -i64::from(GRID_MINUTES),
            "ArrowDown" => i64::from(GRID_MINUTES),
            "Delete" | "Backspace" => {
                ev.prevent_default();
                remove(id);
                focus_later(&cell_id(span.column, span.starts));
                return;
            }
            _ => return,
        };
        let date = columns.with_value(|c| c[span.column].date.0);
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
            update(id, span.column, changed.starts, changed.ends);
            focus_later(&span_id(id));
        }
    };

    // Pointer: press, drag, let go.
    let on_down = move |ev: leptos::ev::PointerEvent, column: usize| {
        #[cfg(feature = "hydrate")]
        if ev.button() == 0 && editable(column) {
            use drag::Grip;
            let Some((grip_kind, id, at)) = browser::pressed(&ev) else {
                return;
            };
            let grip = match (
                grip_kind,
                // Not a span the server has yet.
                id.filter(|id| *id > 0)
                    .and_then(|id| open.with_untracked(|o| o.iter().find(|s| s.id == id).copied())),
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
            drag.set(Some(Drag::new(grip, column, at)));
            cursor.set((column, at));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, column);
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if drag.with_untracked(Option::is_none) {
            return;
        }
        #[cfg(feature = "hydrate")]
        if let Some(over) = browser::over(&ev) {
            drag.update(|d| {
                if let Some(d) = d {
                    d.over = over;
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let on_up = move |_ev: leptos::ev::PointerEvent| {
        let Some(done) = drag.get_untracked() else {
            return;
        };
        drag.set(None);
        let Some((column, starts, ends)) = done.outcome() else {
            return;
        };
        just_dragged.set_value(true);
        let column = if editable(column) {
            column
        } else {
            done.column
        };
        match done.id() {
            None => add(column, starts, ends),
            Some(id) => update(id, column, starts, ends),
        }
    };

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
                                on:keydown=move |ev| on_cell_key(ev, column, minute)
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
                                                    edit_span(span);
                                                }
                                            }
                                            on:keydown=move |ev| on_span_key(ev, span.id)
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
                        data-column=column
                        role="group"
                        aria-labelledby=format!("kolumn-{column}")
                        on:pointerdown=move |ev| on_down(ev, column)
                        on:pointermove=on_move
                        on:pointerup=on_up
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
        view! { <OpenTimeEditor columns editor back details open_at_first on_save=move |e: Editor| {
            let Ok(time) = e.form.parse() else { return };
            let counsellor = columns.with_value(|c| c[e.column].counsellor_id);
            let column = column_of(counsellor, &e.form.date);
            match (e.id, column) {
                (None, Some(column)) => {
                    let id = next_temp.get_value();
                    add(column, time.starts, time.ends);
                    focus_later(&span_id(id));
                }
                (Some(id), Some(column)) => {
                    update(id, column, time.starts, time.ends);
                    focus_later(&span_id(id));
                }
                // Another week: saved there, and no longer drawn here.
                (id, None) => save_elsewhere(i18n, message, open, counsellor, id, e.form.clone(), back.get_value()),
            }
        } on_remove=move |id| remove(id)/> }
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

/// Saves a change that takes open time out of the days shown (the form's date is in another
/// week): nothing to draw optimistically, so it is removed from view once saved.
fn save_elsewhere(
    i18n: leptos_i18n::I18nContext<Locale>,
    message: RwSignal<Option<(bool, String)>>,
    open: RwSignal<Vec<BoardOpen>>,
    counsellor: i64,
    id: Option<i64>,
    form: OpenTimeForm,
    back: String,
) {
    message.set(Some((
        false,
        untrack(|| t_string!(i18n, cal_saving).to_owned()),
    )));
    leptos::task::spawn_local(async move {
        match crate::api::calendar::save_open_time(counsellor, id, form, 0, back).await {
            Ok(_) => {
                if let Some(id) = id {
                    open.update(|o| o.retain(|s| s.id != id));
                }
                message.set(Some((
                    false,
                    untrack(|| t_string!(i18n, cal_saved_elsewhere).to_owned()),
                )));
            }
            Err(error) => {
                let why = untrack(|| refusal_text(i18n, &error));
                message.set(Some((
                    true,
                    untrack(|| t_string!(i18n, cal_undone, why = why).to_string()),
                )));
            }
        }
    });
}

/// The form under the board: add open time, or change or remove the span chosen. A plain
/// form that posts without JavaScript; with it, the board saves instead.
#[component]
fn OpenTimeEditor(
    columns: StoredValue<Vec<BoardColumn>>,
    editor: RwSignal<Editor>,
    back: StoredValue<String>,
    details: NodeRef<html::Details>,
    open_at_first: bool,
    on_save: impl Fn(Editor) + Copy + Send + Sync + 'static,
    on_remove: impl Fn(i64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let counsellors: Vec<(i64, String)> = columns.with_value(|cols| {
        let mut seen: Vec<(i64, String)> = Vec::new();
        for c in cols.iter().filter(|c| c.editable) {
            if !seen.iter().any(|(id, _)| *id == c.counsellor_id) {
                seen.push((
                    c.counsellor_id,
                    c.counsellor_name.clone().unwrap_or_default(),
                ));
            }
        }
        seen
    });
    let many = counsellors.len() > 1;
    let counsellor = move || {
        editor.with(|e| columns.with_value(|c| c.get(e.column).map_or(0, |c| c.counsellor_id)))
    };
    let error_of = move |field: &'static str| {
        move || {
            editor.with(|e| {
                e.error
                    .as_ref()
                    .filter(|(f, _)| f == field)
                    .map(|(_, error)| refusal_text(i18n, error))
            })
        }
    };
    let field = move |name: &'static str, id: &'static str, label: String, kind: &'static str| {
        let error = error_of(name);
        let error_id = format!("{id}-fel");
        let described = format!("{id}-fel f-open-hint");
        view! {
            <div class="field" class:field--error=move || error().is_some()>
                <label for=id>{label}</label>
                <input
                    id=id
                    name=format!("form[{name}]")
                    type=kind
                    step=(kind == "time").then_some("900")
                    min=(kind == "time").then(|| clock_text(DAY_STARTS))
                    max=(kind == "time").then(|| clock_text(DAY_ENDS))
                    aria-describedby=described
                    aria-invalid=move || error().is_some().then_some("true")
                    prop:value=move || editor.with(|e| match name {
                        "date" => e.form.date.clone(),
                        "starts" => e.form.starts.clone(),
                        _ => e.form.ends.clone(),
                    })
                    value=editor.with_untracked(|e| match name {
                        "date" => e.form.date.clone(),
                        "starts" => e.form.starts.clone(),
                        _ => e.form.ends.clone(),
                    })
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        editor.update(|e| {
                            match name {
                                "date" => e.form.date = value,
                                "starts" => e.form.starts = value,
                                _ => e.form.ends = value,
                            }
                            e.error = None;
                        });
                    }
                />
                <p class="field__error" id=error_id>{error}</p>
            </div>
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let e = editor.get_untracked();
        match e.form.parse() {
            Ok(_) => {
                on_save(e);
                if let Some(d) = details.get_untracked() {
                    d.set_open(false);
                }
            }
            Err((error, field)) => {
                let refusal = AppError::Validation(FieldErrors::from([(
                    field.to_owned(),
                    FieldError::OpenTime(error),
                )]));
                editor.update(|e| e.error = Some((field.to_owned(), refusal)));
                focus_later(match field {
                    "date" => "f-open-date",
                    "starts" => "f-open-starts",
                    _ => "f-open-ends",
                });
            }
        }
    };
    view! {
        <details class="board__form" id="oppen-tid" node_ref=details open=open_at_first>
            <summary>{t!(i18n, cal_form_title)}</summary>
            <form method="post" action=SAVE_ACTION on:submit=submit novalidate>
                <h3>
                    {move || if editor.with(|e| e.id.is_some()) {
                        t_string!(i18n, cal_form_edit)
                    } else {
                        t_string!(i18n, cal_form_new)
                    }}
                </h3>
                {error_of("")().map(|text| view! { <p class="notice notice--error" role="alert">{text}</p> })}
                <input type="hidden" name="back" value=back.get_value()/>
                {move || editor.with(|e| e.id).map(|id| view! { <input type="hidden" name="id" value=id.to_string()/> })}
                {if many {
                    view! {
                        <div class="field">
                            <label for="f-open-who">{t!(i18n, cal_counsellor)}</label>
                            <select
                                id="f-open-who"
                                name="counsellor"
                                on:change=move |ev| {
                                    let chosen: i64 = event_target_value(&ev).parse().unwrap_or_default();
                                    if let Some(column) = columns.with_value(|c| c.iter().position(|c| c.counsellor_id == chosen)) {
                                        editor.update(|e| e.column = column);
                                    }
                                }
                            >
                                {counsellors
                                    .iter()
                                    .map(|(id, name)| {
                                        let id = *id;
                                        view! {
                                            <option value=id.to_string() selected=move || counsellor() == id>
                                                {name.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                        .into_any()
                } else {
                    view! { <input type="hidden" name="counsellor" prop:value=move || counsellor().to_string() value=counsellor().to_string()/> }
                        .into_any()
                }}
                <p class="field__hint" id="f-open-hint">{t!(i18n, cal_form_hint)}</p>
                <div class="board__form-row">
                    {field("date", "f-open-date", t_string!(i18n, cal_form_date).to_owned(), "date")}
                    {field("starts", "f-open-starts", t_string!(i18n, cal_form_starts).to_owned(), "time")}
                    {field("ends", "f-open-ends", t_string!(i18n, cal_form_ends).to_owned(), "time")}
                </div>
                <div class="board__form-actions">
                    <button type="submit" class="button">{t!(i18n, cal_form_save)}</button>
                    {move || editor.with(|e| e.id).map(|id| view! {
                        <button
                            type="submit"
                            class="button button--secondary"
                            formaction=REMOVE_ACTION
                            on:click=move |ev| {
                                ev.prevent_default();
                                on_remove(id);
                                if let Some(d) = details.get_untracked() {
                                    d.set_open(false);
                                }
                            }
                        >
                            {t!(i18n, cal_form_remove)}
                        </button>
                    })}
                </div>
            </form>
        </details>
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
    let status = (m.status != "booked").then(|| status_name(i18n, &m.status));
    view! {
        <a
            class=format!("board__meeting board__meeting--{}", m.channel.as_str())
            class:board__meeting--done=m.status != "booked"
            href=m.href.clone()
            style=position(m.starts, m.ends)
        >
            <span class="board__meeting-time">{format!("{}–{}", clock_text(m.starts), clock_text(m.ends))}</span>
            " "
            <strong>{m.seeker_name.clone()}</strong>
            " "
            <span class="board__meeting-channel">
                <span aria-hidden="true">{channel_icon(m.channel)}</span>
                " "
                {channel_name(i18n, m.channel)}
            </span>
            " "
            <span class="board__meeting-type">{kind}</span>
            {status.map(|s| view! { " " <span class="tag">{s}</span> })}
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
    use super::{DAY_STARTS, GRID_MINUTES, ROWS};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, PointerEvent};

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
