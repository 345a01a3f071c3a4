//! Step 4: what you are looking for.

use crate::{
    components::{
        fields::{CheckboxGroup, GroupFrame, Input, RadioGroup, TextField},
        messages::{extent_name, region_name, situation_name},
        occupation_picker::OccupationPicker,
    },
    domain::{
        choices::{Extent, Region, Situation},
        registration::{WishesForm, MAX_DESIRED_OCCUPATIONS},
        Occupation,
    },
    i18n::*,
};
use leptos::prelude::*;

#[component]
pub fn WishesStep(
    form: WishesForm,
    /// The chosen occupations, named.
    desired: Vec<Occupation>,
    query: String,
    results: Vec<Occupation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let regions: Vec<_> = Region::ALL
        .iter()
        .map(|r| (r.as_str(), region_name(i18n, *r)))
        .collect();
    let extents: Vec<_> = Extent::ALL
        .iter()
        .map(|e| (e.as_str(), extent_name(i18n, *e)))
        .collect();
    let situations: Vec<_> = Situation::ALL
        .iter()
        .map(|s| (s.as_str(), situation_name(i18n, *s)))
        .collect();
    view! {
        <GroupFrame
            key="occupations".to_owned()
            legend=t_string!(i18n, reg_occupations).to_owned()
            hint=Some(t_string!(i18n, reg_occupations_hint).to_owned())
            optional=false
            columns=false
        >
            <OccupationPicker
                key="occupations".to_owned()
                limit=MAX_DESIRED_OCCUPATIONS
                chosen=desired
                query
                results
            />
        </GroupFrame>
        <CheckboxGroup
            key="regions"
            legend=t_string!(i18n, reg_regions)
            hint=t_string!(i18n, reg_regions_hint)
            values=form.regions
            options=regions
            columns=true
        />
        <RadioGroup key="extent" legend=t_string!(i18n, reg_extent) value=form.extent options=extents/>
        <TextField
            key="earliest_start"
            label=t_string!(i18n, reg_earliest_start)
            hint=t_string!(i18n, reg_earliest_start_hint)
            value=form.earliest_start
            input=Input::TEXT.kind("date")
            optional=true
        />
        <RadioGroup
            key="situation"
            legend=t_string!(i18n, reg_situation)
            value=form.situation
            options=situations
        />
    }
}
