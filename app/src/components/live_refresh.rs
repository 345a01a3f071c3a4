//! Keeps a staff page that shows today's visits current: every few seconds it asks the
//! server for the office's pulse (a short fingerprint of today's arrivals and fetches) and,
//! when it has changed, loads the page afresh, unless someone is typing in a form, when it
//! says so instead. Without JavaScript the same place holds a plain refresh link.

use crate::i18n::*;
use leptos::prelude::*;

/// How often the page asks, in milliseconds.
#[cfg(feature = "hydrate")]
const EVERY_MS: u64 = 4000;

#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn LiveRefresh(office: i64, pulse: String, href: String) -> impl IntoView {
    let i18n = use_i18n();
    let stale = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    watch(office, pulse, stale);
    #[cfg(not(feature = "hydrate"))]
    let _ = (office, pulse);
    view! {
        <p class="live-refresh">
            <span role="status">
                {move || stale.get().then(|| t_string!(i18n, live_changed))}
            </span>
            " "
            <a href=href>{t!(i18n, live_refresh)}</a>
        </p>
    }
}

/// Polls the pulse; reloads when it changed and nothing is being typed.
#[cfg(feature = "hydrate")]
fn watch(office: i64, pulse: String, stale: RwSignal<bool>) {
    use crate::api::office::office_pulse;
    use std::time::Duration;
    Effect::new(move |_| {
        let pulse = pulse.clone();
        let busy = StoredValue::new(false);
        let handle = set_interval_with_handle(
            move || {
                if busy.get_value() || stale.get_untracked() {
                    return;
                }
                busy.set_value(true);
                let pulse = pulse.clone();
                leptos::task::spawn_local(async move {
                    if let Ok(now) = office_pulse(office).await {
                        if now != pulse {
                            if typing() {
                                stale.set(true);
                            } else {
                                let _ = window().location().reload();
                            }
                        }
                    }
                    busy.set_value(false);
                });
            },
            Duration::from_millis(EVERY_MS),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    });
}

/// Whether the focus is in a form field (reloading would lose what is being typed).
#[cfg(feature = "hydrate")]
fn typing() -> bool {
    document()
        .active_element()
        .map(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}
