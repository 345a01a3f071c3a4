//! "Jag är här": an office visitor tells their counsellor they have arrived, from their phone,
//! from an hour before the visit. A plain form: it works without JavaScript.

use crate::{
    api::booking::CheckInVisit,
    domain::{arrival::CheckIn, time::clock},
    i18n::*,
};
use leptos::{prelude::*, server_fn::ServerFn};

#[component]
pub fn CheckInBox(id: i64, state: CheckIn) -> impl IntoView {
    let i18n = use_i18n();
    match state {
        CheckIn::Open => view! {
            <form method="post" action=CheckInVisit::PATH class="check-in">
                <input type="hidden" name="mote" value=id.to_string()/>
                <p>{t!(i18n, checkin_open_text)}</p>
                <button type="submit" class="button">{t!(i18n, checkin_button)}</button>
            </form>
        }
        .into_any(),
        CheckIn::Opens(at) => view! {
            <p class="muted">{t_string!(i18n, checkin_opens, time = clock(at)).to_string()}</p>
        }
        .into_any(),
        CheckIn::Done(at) => view! {
            <p class="notice notice--success" role="status">
                {t_string!(i18n, checkin_done, time = clock(at)).to_string()}
            </p>
        }
        .into_any(),
        CheckIn::Closed => ().into_any(),
    }
}
