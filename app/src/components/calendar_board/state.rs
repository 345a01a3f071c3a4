//! What the board holds while it is used (the open time drawn, the cell with the keyboard,
//! the drag under way, the message above the board, the form under it) and the changes made
//! to it. A change is drawn at once and saved in the background; when the server refuses it,
//! it is undone and the board says why.

use super::{drag::Drag, editor::Editor, focus_later, has_focus, span_id};
use crate::{
    components::messages::refusal_text,
    domain::{
        open_time::{clock_text, OpenTimeForm, DAY_ENDS},
        time::iso_date,
    },
    i18n::*,
    views::calendar::{BoardColumn, BoardOpen, RefusedOpenTime},
};
use leptos::{html, prelude::*};

/// A change to open time, and how to undo it.
#[derive(Debug, Clone, Copy)]
enum Change {
    Add(BoardOpen),
    Update { was: BoardOpen, now: BoardOpen },
    Remove(BoardOpen),
}

/// The board's signals and values, shared by its handlers and its view.
#[derive(Clone, Copy)]
pub(super) struct BoardState {
    pub i18n: leptos_i18n::I18nContext<Locale>,
    pub columns: StoredValue<Vec<BoardColumn>>,
    pub back: StoredValue<String>,
    pub open: RwSignal<Vec<BoardOpen>>,
    pub cursor: RwSignal<(usize, u32)>,
    pub drag: RwSignal<Option<Drag>>,
    pub message: RwSignal<Option<(bool, String)>>,
    next_temp: StoredValue<i64>,
    // A click that ends a drag must not also open the form.
    pub just_dragged: StoredValue<bool>,
    pub details: NodeRef<html::Details>,
    pub editor: RwSignal<Editor>,
    pub n_columns: usize,
}

impl BoardState {
    pub fn new(
        i18n: leptos_i18n::I18nContext<Locale>,
        columns: Vec<BoardColumn>,
        open: Vec<BoardOpen>,
        back: String,
        refused: Option<&RefusedOpenTime>,
    ) -> Self {
        let columns = StoredValue::new(columns);
        let first_editable = columns.with_value(|c| c.iter().position(|c| c.editable).unwrap_or(0));
        let editor = RwSignal::new(refused.map_or_else(
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
        BoardState {
            i18n,
            columns,
            back: StoredValue::new(back),
            open: RwSignal::new(open),
            cursor: RwSignal::new((first_editable, 8 * 60)),
            drag: RwSignal::new(None),
            message: RwSignal::new(None),
            next_temp: StoredValue::new(-1i64),
            just_dragged: StoredValue::new(false),
            details: NodeRef::new(),
            editor,
            n_columns: columns.with_value(|c| c.len()),
        }
    }

    pub fn editable(self, column: usize) -> bool {
        self.columns
            .with_value(|c| c.get(column).is_some_and(|c| c.editable))
    }

    fn column_of(self, counsellor: i64, date: &str) -> Option<usize> {
        self.columns.with_value(|cols| {
            cols.iter()
                .position(|c| c.counsellor_id == counsellor && iso_date(c.date.0) == date)
        })
    }

    // Saves a change that is already drawn; undoes it when the server refuses.
    fn commit(self, change: Change) {
        let BoardState {
            i18n,
            columns,
            open,
            message,
            ..
        } = self;
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
        let back = self.back.get_value();
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
    }

    pub fn add(self, column: usize, starts: u32, ends: u32) {
        let id = self.next_temp.get_value();
        self.next_temp.set_value(id - 1);
        self.commit(Change::Add(BoardOpen {
            id,
            column,
            starts,
            ends,
        }));
    }

    pub fn update(self, id: i64, column: usize, starts: u32, ends: u32) {
        let Some(was) = self
            .open
            .with_untracked(|o| o.iter().find(|s| s.id == id).copied())
        else {
            return;
        };
        self.commit(Change::Update {
            was,
            now: BoardOpen {
                id,
                column,
                starts,
                ends,
            },
        });
    }

    pub fn remove(self, id: i64) {
        if let Some(span) = self
            .open
            .with_untracked(|o| o.iter().find(|s| s.id == id).copied())
        {
            self.commit(Change::Remove(span));
        }
    }

    fn show_editor(self, e: Editor) {
        self.editor.set(e);
        if let Some(d) = self.details.get_untracked() {
            d.set_open(true);
        }
        focus_later("f-open-starts");
    }

    pub fn edit_span(self, span: BoardOpen) {
        let date = self.columns.with_value(|c| iso_date(c[span.column].date.0));
        self.show_editor(Editor {
            column: span.column,
            id: Some(span.id),
            form: OpenTimeForm {
                date,
                starts: clock_text(span.starts),
                ends: clock_text(span.ends),
            },
            error: None,
        });
    }

    pub fn new_at(self, column: usize, starts: u32) {
        let date = self.columns.with_value(|c| iso_date(c[column].date.0));
        self.show_editor(Editor {
            column,
            id: None,
            form: OpenTimeForm {
                date,
                starts: clock_text(starts),
                ends: clock_text((starts + 60).min(DAY_ENDS)),
            },
            error: None,
        });
    }

    /// Saves what the form under the board holds, drawn where it lands.
    pub fn save_form(self, e: Editor) {
        let Ok(time) = e.form.parse() else { return };
        let counsellor = self.columns.with_value(|c| c[e.column].counsellor_id);
        let column = self.column_of(counsellor, &e.form.date);
        match (e.id, column) {
            (None, Some(column)) => {
                let id = self.next_temp.get_value();
                self.add(column, time.starts, time.ends);
                focus_later(&span_id(id));
            }
            (Some(id), Some(column)) => {
                self.update(id, column, time.starts, time.ends);
                focus_later(&span_id(id));
            }
            // Another week: saved there, and no longer drawn here.
            (id, None) => self.save_elsewhere(counsellor, id, e.form.clone()),
        }
    }

    /// Saves a change that takes open time out of the days shown (the form's date is in
    /// another week): nothing to draw optimistically, so it is removed from view once saved.
    fn save_elsewhere(self, counsellor: i64, id: Option<i64>, form: OpenTimeForm) {
        let BoardState {
            i18n,
            open,
            message,
            ..
        } = self;
        let back = self.back.get_value();
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
}
