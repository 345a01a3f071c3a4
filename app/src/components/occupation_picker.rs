//! Picking desired occupations from the taxonomy. Without JavaScript it is a search field
//! with a button; the server lists matches as buttons that add them. With JavaScript the
//! same markup searches as you type, and adding or removing happens in place, announced in
//! a live region. The chosen codes post as `form[{key}][]`, or as `form[{key}]` when only
//! one may be chosen (a recruitment need's occupation), where adding one replaces the other.

use crate::{
    domain::{
        form_data::{error_id, field_id, field_name, list_name},
        Occupation,
    },
    i18n::*,
};
use leptos::prelude::*;

#[island]
pub fn OccupationPicker(
    /// The form field the chosen codes post as.
    key: String,
    /// How many may be chosen; with one, choosing another replaces it.
    limit: usize,
    chosen: Vec<Occupation>,
    /// What was searched for without JavaScript (`?sok=`), and what it found.
    query: String,
    results: Vec<Occupation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = move || i18n.get_locale_untracked() == Locale::sv;
    let chosen = RwSignal::new(chosen);
    let query = RwSignal::new(query);
    let results = RwSignal::new(results);
    let searched = RwSignal::new(!query.get_untracked().trim().is_empty());
    let announcement = RwSignal::new(String::new());
    let root = NodeRef::<leptos::html::Div>::new();
    let search_box = NodeRef::<leptos::html::Input>::new();
    // Answers can arrive out of order; only the latest search counts.
    let generation = StoredValue::new(0u32);

    let run_search = move || {
        let q = query.get_untracked();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        // The hint promises suggestions from two letters on: fewer show nothing, not "none".
        if q.trim().chars().nth(1).is_none() {
            results.set(Vec::new());
            searched.set(false);
            return;
        }
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let found = search(&q).await.unwrap_or_default();
            if generation.get_value() == mine {
                results.set(found);
                searched.set(true);
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (q, mine);
    };
    // The step form saves the draft when something in it changes: say so.
    let changed = move || {
        #[cfg(feature = "hydrate")]
        if let Some(el) = root.get_untracked() {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(ev) = web_sys::Event::new_with_event_init_dict("change", &init) {
                let _ = el.dispatch_event(&ev);
            }
        }
    };
    let add = move |o: Occupation| {
        let name = o.name(swedish()).to_owned();
        let added = chosen.try_update(|list| {
            if limit == 1 && list.first().is_some_and(|c| c.code != o.code) {
                list.clear();
            }
            let fits = list.len() < limit && !list.iter().any(|c| c.code == o.code);
            if fits {
                list.push(o);
            }
            fits
        });
        if added == Some(true) {
            announcement.set(t_string!(i18n, reg_occupation_added, name = name).to_string());
            changed();
        }
        // The chosen result leaves the list; focus stays where the person is searching
        // rather than falling to the top of the page.
        if let Some(input) = search_box.get_untracked() {
            let _ = input.focus();
        }
    };
    let remove = move |o: Occupation| {
        chosen.update(|list| list.retain(|c| c.code != o.code));
        let name = o.name(swedish()).to_owned();
        announcement.set(t_string!(i18n, reg_occupation_removed, name = name).to_string());
        changed();
        if let Some(input) = search_box.get_untracked() {
            let _ = input.focus();
        }
    };
    // Text typed before the page became interactive is in the box but not yet in the
    // signal: take it over once the box is there, and search for it.
    #[cfg(feature = "hydrate")]
    Effect::new(move || {
        if let Some(input) = search_box.get() {
            let typed = input.value();
            if typed != query.get_untracked() {
                query.set(typed);
                run_search();
            }
        }
    });
    let shown_results = move || {
        let chosen = chosen.get();
        results
            .get()
            .into_iter()
            .filter(|r| !chosen.iter().any(|c| c.code == r.code))
            .collect::<Vec<_>>()
    };

    let input_name = StoredValue::new(if limit == 1 {
        field_name(&key)
    } else {
        list_name(&key)
    });
    let search_id = format!("{}-search", field_id(&key));
    let described = format!("{}-tips {}", field_id(&key), error_id(&key));
    view! {
        // `#yrken`: where a post without JavaScript returns to.
        <div class="picker" id="yrken" node_ref=root>
            <h3 class="picker__title">
                {move || {
                    if limit == 1 {
                        t_string!(i18n, reg_occupation_chosen_one)
                    } else {
                        t_string!(i18n, reg_occupations_chosen)
                    }
                }}
            </h3>
            <Show
                when=move || !chosen.with(Vec::is_empty)
                fallback=move || view! { <p class="muted">{t!(i18n, reg_occupations_none)}</p> }
            >
                <ul class="chips">
                    <For each=move || chosen.get() key=|o| o.code.clone() let:o>
                        <li class="chip">
                            <input type="hidden" name=input_name.get_value() value=o.code.clone()/>
                            <span>
                                {o.name(swedish()).to_owned()}
                                " "
                                <span class="muted">"(" {o.field_name(swedish()).to_owned()} ")"</span>
                            </span>
                            <button
                                type="submit"
                                class="chip__remove"
                                name="intent"
                                value=format!("remove-{}", o.code)
                                aria-label=t_string!(
                                    i18n, reg_occupation_remove, name = o.name(swedish()).to_owned()
                                ).to_string()
                                on:click={
                                    let o = o.clone();
                                    move |ev| {
                                        ev.prevent_default();
                                        remove(o.clone());
                                    }
                                }
                            >
                                <span aria-hidden="true">"×"</span>
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
            <div class="field">
                <label for=search_id.clone()>{t!(i18n, reg_occupation_search)}</label>
                <div class="search-row">
                    <input
                        id=search_id
                        type="search"
                        name="query"
                        autocomplete="off"
                        aria-describedby=described
                        aria-controls="occupation-results"
                        node_ref=search_box
                        // An attribute, not a property bound to the signal: hydration then
                        // leaves alone what was typed while the page was still loading.
                        value=query.get_untracked()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            announcement.set(String::new());
                            run_search();
                        }
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                // Enter searches here rather than sending the whole step.
                                ev.prevent_default();
                                run_search();
                            }
                        }
                    />
                    <button
                        type="submit"
                        class="button button--secondary"
                        name="intent"
                        value="search"
                        on:click=move |ev| {
                            ev.prevent_default();
                            run_search();
                        }
                    >
                        {t!(i18n, reg_occupation_search_button)}
                    </button>
                </div>
            </div>
            <p class="muted" role="status" aria-live="polite">
                {move || {
                    let count = shown_results().len();
                    let found = if !searched.get() {
                        String::new()
                    } else if count == 0 {
                        t_string!(i18n, reg_occupation_no_results).to_string()
                    } else {
                        t_string!(i18n, reg_occupation_results, count = count).to_string()
                    };
                    // After adding or removing, only what happened is said.
                    let said = announcement.get();
                    if said.is_empty() { found } else { said }
                }}
            </p>
            <ul class="results" id="occupation-results">
                <For each=shown_results key=|o| o.code.clone() let:o>
                    <li>
                        <button
                            type="submit"
                            class="result"
                            name="intent"
                            value=format!("add-{}", o.code)
                            on:click={
                                let o = o.clone();
                                move |ev| {
                                    ev.prevent_default();
                                    add(o.clone());
                                }
                            }
                        >
                            <span class="result__name">{o.name(swedish()).to_owned()}</span>
                            <span class="result__field">{o.field_name(swedish()).to_owned()}</span>
                        </button>
                    </li>
                </For>
            </ul>
        </div>
    }
}

/// Asks the `SearchOccupations` endpoint. With `fetch` directly rather than through the
/// server function's client: that client, its error decoding and its HTTP layer would add
/// about 8 KB (brotli) to every page's wasm for this one call. `None` when the answer does
/// not come; the list then stays as it was.
#[cfg(feature = "hydrate")]
async fn search(query: &str) -> Option<Vec<Occupation>> {
    use crate::api::registration::SearchOccupations;
    use leptos::server_fn::ServerFn;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let mut body = String::from("{\"query\":");
    crate::domain::form_data::write_json_string(query, &mut body);
    body.push('}');
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&wasm_bindgen::JsValue::from_str(&body));
    let headers = web_sys::Headers::new().ok()?;
    headers.set("content-type", "application/json").ok()?;
    headers.set("accept", "application/json").ok()?;
    init.set_headers(&headers);
    let answer = JsFuture::from(window().fetch_with_str_and_init(SearchOccupations::PATH, &init))
        .await
        .ok()?;
    let response: web_sys::Response = answer.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&text).ok()
}
