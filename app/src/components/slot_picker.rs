//! The days and times of the booking picker. The server draws every day's times (one
//! fieldset per day, all but the chosen one hidden) and each day as a link that works
//! without JavaScript. With JavaScript this island:
//! - shows a day's times in place when its link is clicked, and keeps the address in step;
//! - moves between days with the arrow keys, Home and End (times are radio buttons, which
//!   the browser already moves between with the arrows);
//! - says what changed in a live region: the day and how many times it has, the chosen time;
//! - sends the confirm once, however often it is clicked.
//!
//! The words it says come from the server, in `data-announce` attributes, so the browser
//! needs no text of its own.

use leptos::prelude::*;

#[island]
pub fn SlotPicker(children: Children) -> impl IntoView {
    view! {
        <div
            class="slot-picker"
            on:click=move |ev| {
                #[cfg(feature = "hydrate")]
                browser::click(&ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
            on:keydown=move |ev| {
                #[cfg(feature = "hydrate")]
                browser::key(&ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
            on:change=move |ev| {
                #[cfg(feature = "hydrate")]
                browser::changed(&ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
            on:submit=move |ev| {
                #[cfg(feature = "hydrate")]
                browser::submit(&ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
        >
            {children()}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::{ev, prelude::*};
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, HtmlInputElement};

    fn target(ev: &web_sys::Event) -> Option<Element> {
        ev.target()?.dyn_into::<Element>().ok()
    }

    fn day_links() -> Vec<HtmlElement> {
        let Ok(list) = document().query_selector_all(".slot-picker a[data-day]") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
            .collect()
    }

    fn announce(text: &str) {
        if let Some(region) = document().get_element_by_id("vald-tid") {
            region.set_text_content(Some(text));
        }
    }

    /// Shows the times of the link's day, marks it current, and says so.
    fn choose(link: &HtmlElement, focus: bool) {
        let Some(day) = link.get_attribute("data-day") else {
            return;
        };
        for other in day_links() {
            if other.get_attribute("data-day").as_deref() == Some(&day) {
                let _ = other.set_attribute("aria-current", "date");
            } else {
                let _ = other.remove_attribute("aria-current");
            }
        }
        if let Ok(panels) = document().query_selector_all(".slot-picker [data-day-times]") {
            for i in 0..panels.length() {
                let Some(panel) = panels
                    .item(i)
                    .and_then(|p| p.dyn_into::<HtmlElement>().ok())
                else {
                    continue;
                };
                let shown = panel.get_attribute("data-day-times").as_deref() == Some(&day);
                panel.set_hidden(!shown);
                if !shown {
                    // A time on a day no longer shown is not what the person means to book.
                    if let Ok(radios) = panel.query_selector_all("input[type=radio]") {
                        for j in 0..radios.length() {
                            if let Some(r) = radios
                                .item(j)
                                .and_then(|r| r.dyn_into::<HtmlInputElement>().ok())
                            {
                                r.set_checked(false);
                            }
                        }
                    }
                }
            }
        }
        if let (Some(href), Ok(history)) = (link.get_attribute("href"), window().history()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
        if let Some(text) = link.get_attribute("data-announce") {
            announce(&text);
        }
        if focus {
            let _ = link.focus();
        }
    }

    pub fn click(ev: &ev::MouseEvent) {
        let Some(link) = target(ev)
            .and_then(|t| t.closest("a[data-day]").ok().flatten())
            .and_then(|l| l.dyn_into::<HtmlElement>().ok())
        else {
            return;
        };
        // A click that asks for a new tab keeps its usual meaning.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        choose(&link, false);
    }

    pub fn key(ev: &ev::KeyboardEvent) {
        let Some(current) = target(ev).filter(|t| t.has_attribute("data-day")) else {
            return;
        };
        let links = day_links();
        let Some(at) = links.iter().position(|l| {
            let el: &Element = l.as_ref();
            el == &current
        }) else {
            return;
        };
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1).min(links.len() - 1),
            "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
            "Home" => 0,
            "End" => links.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        choose(&links[next], true);
    }

    pub fn changed(ev: &ev::Event) {
        if let Some(text) = target(ev)
            .filter(|t| t.get_attribute("name").as_deref() == Some("tid"))
            .and_then(|t| t.get_attribute("data-announce"))
        {
            announce(&text);
        }
    }

    pub fn submit(ev: &ev::SubmitEvent) {
        let Some(form) = target(ev) else {
            return;
        };
        if form.has_attribute("data-sending") {
            ev.prevent_default();
            return;
        }
        let _ = form.set_attribute("data-sending", "");
        if let Some(button) = ev
            .submitter()
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            let _ = button.set_attribute("aria-disabled", "true");
            if let Some(label) = form.get_attribute("data-sending-label") {
                button.set_inner_text(&label);
            }
        }
    }
}
