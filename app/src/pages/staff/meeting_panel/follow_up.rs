//! The panel's follow-up picker. A search (a plain GET form: field, language, colleague,
//! channel) sets the address, `uppf_*`, and the server draws the chosen colleague's free times
//! for a week as radio buttons in the booking form; weeks are links. Nothing needs JavaScript,
//! and the arrow keys move between the times as between any radio buttons.

use super::{field_error, rule_error};
use crate::{
    api::case_file::{load_follow_up_times, BookFollowUp},
    components::{
        meeting_words::{channel_icon, channel_name, is_swedish, time_range},
        messages::language_name,
    },
    domain::{
        case::{slot_value, FollowUpQuery},
        choices::LanguageCode,
        time::{day_and_month, iso_date, long_date},
        Channel,
    },
    i18n::*,
    views::case_file::{FollowUpTimes, PanelForm, PanelRefusal},
};
use chrono::Days;
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_query_map;

/// The address's names for the search.
const KEYS: [&str; 5] = [
    "uppf_handl",
    "uppf_kanal",
    "uppf_omr",
    "uppf_sprak",
    "uppf_fran",
];

#[component]
pub fn FollowUpPicker(booking: i64, back: String, refused: Option<PanelRefusal>) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map().get_untracked();
    let get = |k: &str| params.get(k).unwrap_or_default();
    let query = FollowUpQuery {
        counsellor: get("uppf_handl"),
        channel: get("uppf_kanal"),
        field: get("uppf_omr"),
        language: get("uppf_sprak"),
        from: get("uppf_fran"),
    };
    // The calendar's own place (week, day, colleague, the open panel), kept by the search.
    let keep: Vec<(String, String)> = params
        .into_iter()
        .filter(|(k, _)| !KEYS.contains(&k.as_ref()))
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let load = load_follow_up_times(booking, query);
    view! {
        <h3 id="follow_up">{t!(i18n, case_follow_up)}</h3>
        {Suspend::new(async move {
            match load.await {
                Ok(times) => view! { <Picker times booking back keep refused/> }.into_any(),
                Err(_) => view! {
                    <p class="notice notice--error" role="alert">{t!(i18n, cal_err_other)}</p>
                }
                    .into_any(),
            }
        })}
    }
}

#[component]
fn Picker(
    times: FollowUpTimes,
    booking: i64,
    back: String,
    keep: Vec<(String, String)>,
    refused: Option<PanelRefusal>,
) -> impl IntoView {
    let i18n = use_i18n();
    let swedish = is_swedish(i18n);
    let FollowUpTimes {
        counsellors,
        fields,
        languages,
        field,
        language,
        chosen,
        from,
        days,
        next_free,
        has_earlier,
    } = times;
    let path = back.split('?').next().unwrap_or_default().to_owned();
    let (chosen_id, channel) = chosen.unzip();
    let chosen_one = counsellors
        .iter()
        .find(|c| Some(c.id) == chosen_id)
        .cloned();
    // A week's address: the search as it stands, from another day.
    let week_link = {
        let keep = keep.clone();
        let (field, language) = (field.clone(), language.clone());
        move |day: chrono::NaiveDate| {
            let mut q: Vec<(String, String)> = keep.clone();
            q.push((
                "uppf_handl".into(),
                chosen_id.map(|i| i.to_string()).unwrap_or_default(),
            ));
            q.push((
                "uppf_kanal".into(),
                channel.map(|c| c.as_str().to_owned()).unwrap_or_default(),
            ));
            q.push(("uppf_omr".into(), field.clone()));
            q.push(("uppf_sprak".into(), language.clone()));
            q.push(("uppf_fran".into(), iso_date(day)));
            let query = q
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| format!("{k}={}", crate::paths::encode_query_value(&v)))
                .collect::<Vec<_>>()
                .join("&");
            format!("{path}?{query}#fu-tider")
        }
    };
    let typed = refused
        .as_ref()
        .filter(|r| r.form == Some(PanelForm::FollowUp))
        .map(|r| r.follow_up.clone())
        .unwrap_or_default();
    let rule = rule_error(i18n, &refused, PanelForm::FollowUp);
    let slot_error = ["slot", "date", "time", "counsellor", "channel"]
        .into_iter()
        .find_map(|f| field_error(i18n, &refused, PanelForm::FollowUp, f))
        .map(|_| t_string!(i18n, fu_choose));
    let to = from.0 + Days::new(6);
    let week = t_string!(
        i18n,
        fu_week,
        from = day_and_month(from.0, swedish),
        to = day_and_month(to, swedish)
    )
    .to_string();
    let search_action = format!("{}#follow_up", back.split('?').next().unwrap_or_default());
    view! {
        <p class="field__hint">{t!(i18n, fu_hint)}</p>
        <form method="get" action=search_action class="follow-search">
            {keep.iter().map(|(k, v)| view! { <input type="hidden" name=k.clone() value=v.clone()/> }).collect_view()}
            <div class="board__form-row">
                <div class="field">
                    <label for="f-fu-omr">{t!(i18n, fu_field)}</label>
                    <select id="f-fu-omr" name="uppf_omr">
                        <option value="" selected=field.is_empty()>{t!(i18n, fu_any)}</option>
                        {fields.iter().map(|(code, sv, en)| view! {
                            <option value=code.clone() selected=*code == field>
                                {if swedish { sv.clone() } else { en.clone() }}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="f-fu-sprak">{t!(i18n, fu_language)}</label>
                    <select id="f-fu-sprak" name="uppf_sprak">
                        <option value="" selected=language.is_empty()>{t!(i18n, fu_any)}</option>
                        {languages.iter().filter_map(|code| LanguageCode::parse(code).map(|l| (code, l))).map(|(code, l)| view! {
                            <option value=code.clone() selected=*code == language>{language_name(i18n, l)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {if counsellors.is_empty() {
                view! { <p class="notice" role="status">{t!(i18n, fu_nobody)}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for="f-fu-who">{t!(i18n, case_with)}</label>
                        <select id="f-fu-who" name="uppf_handl">
                            {counsellors.iter().map(|c| {
                                let channels = c.channels.iter().map(|ch| channel_name(i18n, *ch)).collect::<Vec<_>>().join(", ");
                                view! {
                                    <option value=c.id.to_string() selected=Some(c.id) == chosen_id>
                                        {format!("{} ({}) – {channels}", c.name, c.office)}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                    <fieldset class="field">
                        <legend>{t!(i18n, case_how)}</legend>
                        {[Channel::Office, Channel::Phone, Channel::Video].into_iter().map(|ch| {
                            let id = format!("f-fu-{}", ch.as_str());
                            view! {
                                <div>
                                    <input type="radio" id=id.clone() name="uppf_kanal" value=ch.as_str() checked=channel == Some(ch)/>
                                    " "
                                    <label for=id>{channel_name(i18n, ch)}</label>
                                </div>
                            }
                        }).collect_view()}
                        <p class="field__hint">{t!(i18n, fu_channel_hint)}</p>
                    </fieldset>
                }.into_any()
            }}
            <button type="submit" class="button button--secondary">{t!(i18n, fu_show)}</button>
        </form>

        {chosen_one.zip(channel).map(|(who, channel)| {
            let heading = t_string!(i18n, fu_times_for, name = who.name.clone(), channel = channel_name(i18n, channel)).to_string();
            let empty = days.is_empty();
            view! {
                <h4 id="fu-tider">
                    <span aria-hidden="true">{channel_icon(channel)}</span> " " {heading}
                </h4>
                <nav class="board__form-actions" aria-label=t_string!(i18n, fu_weeks)>
                    {has_earlier.then(|| view! {
                        <a href=week_link(from.0 - Days::new(7))>{t!(i18n, fu_earlier)}</a>
                    })}
                    <span>{week.clone()}</span>
                    <a href=week_link(from.0 + Days::new(7))>{t!(i18n, fu_later)}</a>
                </nav>
                {rule.map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
                {if empty {
                    view! {
                        <p class="notice" role="status">{t!(i18n, fu_none_week)}</p>
                        {match next_free {
                            Some(d) => view! {
                                <p><a href=week_link(d.0)>{t_string!(i18n, fu_next_free, day = long_date(d.0, swedish)).to_string()}</a></p>
                            }.into_any(),
                            None => view! { <p>{t!(i18n, fu_none_ahead)}</p> }.into_any(),
                        }}
                    }.into_any()
                } else {
                    view! {
                        <form method="post" action=BookFollowUp::PATH>
                            <input type="hidden" name="booking" value=booking.to_string()/>
                            <input type="hidden" name="back" value=back.clone()/>
                            <input type="hidden" name="follow_up[counsellor]" value=who.id.to_string()/>
                            <input type="hidden" name="follow_up[channel]" value=channel.as_str()/>
                            <p class="field__error" id="fu-fel">{slot_error}</p>
                            {days.into_iter().map(|(day, slots)| view! {
                                <fieldset class="field times__day" aria-describedby="fu-fel">
                                    <legend>{long_date(day.0, swedish)}</legend>
                                    <div class="times__list">
                                        {slots.into_iter().map(|s| {
                                            let value = slot_value(s.start);
                                            let id = format!("fu-{}", value.replace([' ', ':'], "-"));
                                            view! {
                                                <div class="time">
                                                    <input type="radio" name="follow_up[slot]" id=id.clone() value=value.clone() checked=typed.slot == value/>
                                                    <label for=id>
                                                        <span class="time__clock">{time_range(i18n, s.start, s.end)}</span>
                                                    </label>
                                                </div>
                                            }
                                        }).collect_view()}
                                    </div>
                                </fieldset>
                            }).collect_view()}
                            <button type="submit" class="button">{t!(i18n, case_book_follow_up)}</button>
                        </form>
                    }.into_any()
                }}
            }
        })}
    }
}
