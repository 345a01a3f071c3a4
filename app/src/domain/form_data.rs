//! How the registration forms name their fields, and how the browser turns a form's fields
//! back into the same struct the server receives.
//!
//! A field has a *key*, the name its errors are filed under (`entries.2.employer`), an HTML
//! `name` the server function decodes (`form[entries][2][employer]`, the nested
//! query-string style of `serde_qs`), and an element id (`f-entries-2-employer`). The
//! functions here are the only place those three are derived from each other.

use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

/// The argument every step form's fields belong to.
const FORM_ARG: &str = "form";

/// `entries.2.employer` → `form[entries][2][employer]`. A top-level argument of its own
/// (`password`) keeps its plain name.
pub fn field_name(key: &str) -> String {
    // The review step's own fields are arguments of their server function, not of the form.
    if matches!(key, "password" | "bekraftat") {
        return key.to_owned();
    }
    let mut name = FORM_ARG.to_owned();
    for part in key.split('.') {
        name.push('[');
        name.push_str(part);
        name.push(']');
    }
    name
}

/// The name of a group of checkboxes that posts a list: `form[licences][]`.
pub fn list_name(key: &str) -> String {
    format!("{}[]", field_name(key))
}

/// `entries.2.employer` → `f-entries-2-employer`.
pub fn field_id(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

/// The id of the element holding a field's error message.
pub fn error_id(key: &str) -> String {
    format!("{}-fel", field_id(key))
}

/// `form[entries][2][employer]` → `entries.2.employer`; `form[licences][]` → `licences`;
/// `password` → `password`. `None` for names that are not fields (`intent`).
pub fn key_of(name: &str) -> Option<String> {
    if name == "password" {
        return Some(name.to_owned());
    }
    let rest = name.strip_prefix(FORM_ARG)?;
    let parts = path_of(rest)?;
    let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join("."))
}

/// `[entries][2][employer]` → `["entries", "2", "employer"]`.
fn path_of(brackets: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut rest = brackets;
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[')?;
        let end = inner.find(']')?;
        parts.push(&inner[..end]);
        rest = &inner[end + 1..];
    }
    (!parts.is_empty()).then_some(parts)
}

/// Where a field comes on its page, so errors are listed (and the first one focused) in
/// the order the fields appear: `entries.1.from` after `entries.0.description`.
pub fn page_order(key: &str) -> (usize, usize, usize) {
    const TOP: [&str; 26] = [
        "_",
        "first_name",
        "last_name",
        "personal_number",
        "email",
        "phone",
        "postcode",
        "preferred_language",
        "interpreter",
        "interpreter_language",
        "accessibility_needs",
        "entries",
        "languages",
        "licences",
        "other_skills",
        "occupations",
        "regions",
        "extent",
        "earliest_start",
        "situation",
        "meetings",
        "activities",
        "worked",
        "days_worked",
        "hours_worked",
        "none_reason",
    ];
    const INNER: [&str; 17] = [
        "employer",
        "occupation",
        "from",
        "to",
        "description",
        "language",
        "level",
        "field",
        "school",
        "year",
        "done",
        "date",
        "title",
        "organisation",
        "town",
        "way",
        "stage",
    ];
    let rank = |list: &[&str], part: Option<&str>| {
        part.and_then(|p| list.iter().position(|k| *k == p))
            .unwrap_or(list.len())
    };
    let mut parts = key.split('.');
    let top = rank(&TOP, parts.next());
    let index = parts.next().and_then(|i| i.parse().ok()).unwrap_or(0);
    let inner = match parts.next() {
        Some(p) => rank(&INNER, Some(p)) + 1,
        None => 0,
    };
    (top, index, inner)
}

/// Errors in the order of `fields` (the top-level keys of a form whose fields come in an
/// order of their own, such as the employer's), then in page order for the rest; `_` first.
pub fn in_order_of<'a, V>(
    errors: impl IntoIterator<Item = (&'a String, V)>,
    fields: &[&str],
) -> Vec<(&'a String, V)> {
    let mut list = in_page_order(errors);
    list.sort_by_key(|(key, _)| {
        let top = key.split('.').next().unwrap_or_default();
        match fields.iter().position(|f| *f == top) {
            _ if top == "_" => 0,
            Some(i) => i + 1,
            None => fields.len() + 1,
        }
    });
    list
}

/// Errors in page order.
pub fn in_page_order<'a, V>(
    errors: impl IntoIterator<Item = (&'a String, V)>,
) -> Vec<(&'a String, V)> {
    let mut list: Vec<_> = errors.into_iter().collect();
    list.sort_by_key(|(key, _)| page_order(key));
    list
}

/// Builds a step's form from the `(name, value)` pairs a form would post, as the server
/// function's decoder does: numbered entries become lists in index order, `[]` appends.
/// Names outside the form argument are ignored. `None` only if the pairs cannot make a `T`.
///
/// The pairs become a small tree, written out as JSON and read with `serde_json::from_str`:
/// the browser has that reader already (island props arrive as JSON), whereas
/// `serde_json::Value` would bring a second deserializer into the wasm.
pub fn from_pairs<T: DeserializeOwned>(
    pairs: impl IntoIterator<Item = (String, String)>,
) -> Option<T> {
    let mut root = Node::Map(BTreeMap::new());
    for (name, value) in pairs {
        let Some(path) = name.strip_prefix(FORM_ARG).and_then(path_of) else {
            continue;
        };
        root.insert(&path, value);
    }
    let mut json = String::new();
    root.write_json(&mut json);
    serde_json::from_str(&json).ok()
}

enum Node {
    Text(String),
    /// `name[]` items, in the order posted.
    List(Vec<Node>),
    /// Named or numbered children; numbered ones (`entries[2]`) become a list in index order.
    Map(BTreeMap<String, Node>),
}

impl Node {
    fn insert(&mut self, path: &[&str], value: String) {
        let Some((first, rest)) = path.split_first() else {
            return;
        };
        if first.is_empty() {
            if !matches!(self, Node::List(_)) {
                *self = Node::List(Vec::new());
            }
            if let (Node::List(items), true) = (self, rest.is_empty()) {
                items.push(Node::Text(value));
            }
            return;
        }
        if !matches!(self, Node::Map(_)) {
            *self = Node::Map(BTreeMap::new());
        }
        let Node::Map(map) = self else { return };
        if rest.is_empty() {
            map.insert((*first).to_owned(), Node::Text(value));
        } else {
            map.entry((*first).to_owned())
                .or_insert_with(|| Node::Map(BTreeMap::new()))
                .insert(rest, value);
        }
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Node::Text(text) => write_json_string(text, out),
            Node::List(items) => write_list(items.iter(), out),
            Node::Map(map) => {
                let numbered = !map.is_empty() && map.keys().all(|k| k.parse::<usize>().is_ok());
                if numbered {
                    let mut items: Vec<(usize, &Node)> = map
                        .iter()
                        .map(|(k, v)| (k.parse().unwrap_or(usize::MAX), v))
                        .collect();
                    items.sort_by_key(|(i, _)| *i);
                    write_list(items.into_iter().map(|(_, v)| v), out);
                } else {
                    out.push('{');
                    for (i, (key, value)) in map.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        write_json_string(key, out);
                        out.push(':');
                        value.write_json(out);
                    }
                    out.push('}');
                }
            }
        }
    }
}

fn write_list<'a>(items: impl Iterator<Item = &'a Node>, out: &mut String) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        item.write_json(out);
    }
    out.push(']');
}

/// `text` as a JSON string, quotes and escapes included.
pub fn write_json_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registration::{AboutForm, EducationForm, ExperienceForm, WishesForm};
    use proptest::prelude::*;
    use serde::Deserialize;

    #[test]
    fn a_form_with_an_order_of_its_own_lists_its_errors_in_it() {
        let errors: BTreeMap<String, u8> = [
            "password",
            "first_name",
            "postcode",
            "org_number",
            "_",
            "stray",
        ]
        .into_iter()
        .map(|k| (k.to_owned(), 0))
        .collect();
        let order = ["org_number", "postcode", "first_name", "password"];
        let keys: Vec<&str> = in_order_of(&errors, &order)
            .into_iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "_",
                "org_number",
                "postcode",
                "first_name",
                "password",
                "stray"
            ]
        );
        // The registration's own order puts the person first.
        let keys: Vec<&str> = in_page_order(&errors)
            .into_iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(&keys[..3], ["_", "first_name", "postcode"]);
    }

    /// What the server function receives: the same arguments, decoded by `serde_qs` the
    /// way `server_fn` configures it.
    #[derive(Deserialize)]
    struct Args<T: Default> {
        #[serde(default)]
        form: T,
    }

    fn posted(pairs: &[(String, String)]) -> String {
        pairs
            .iter()
            .map(|(n, v)| format!("{}={}", enc(n), enc(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    fn enc(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    }

    fn server_decodes<T: DeserializeOwned + Default>(pairs: &[(String, String)]) -> T {
        serde_qs::Config::new(5, false)
            .deserialize_str::<Args<T>>(&posted(pairs))
            .expect("the server decodes it")
            .form
    }

    fn pair(name: &str, value: &str) -> (String, String) {
        (name.to_owned(), value.to_owned())
    }

    #[test]
    fn names_ids_and_keys_are_derived_from_each_other() {
        assert_eq!(
            field_name("entries.2.employer"),
            "form[entries][2][employer]"
        );
        assert_eq!(field_name("first_name"), "form[first_name]");
        assert_eq!(field_name("password"), "password");
        assert_eq!(list_name("licences"), "form[licences][]");
        assert_eq!(field_id("entries.2.employer"), "f-entries-2-employer");
        assert_eq!(error_id("email"), "f-email-fel");
        for key in [
            "entries.2.employer",
            "first_name",
            "password",
            "languages.0.level",
        ] {
            assert_eq!(key_of(&field_name(key)).as_deref(), Some(key));
        }
        assert_eq!(key_of("form[licences][]").as_deref(), Some("licences"));
        assert_eq!(key_of("intent"), None);
        assert_eq!(key_of("form[broken"), None);
    }

    #[test]
    fn errors_are_listed_in_the_order_of_the_page() {
        let keys = [
            "entries.1.from",
            "entries.0.description",
            "email",
            "entries.10.employer",
            "entries.1.employer",
            "first_name",
            "password",
        ];
        let mut sorted = keys.to_vec();
        sorted.sort_by_key(|k| page_order(k));
        assert_eq!(
            sorted,
            [
                "first_name",
                "email",
                "entries.0.description",
                "entries.1.employer",
                "entries.1.from",
                "entries.10.employer",
                "password",
            ]
        );
    }

    #[test]
    fn the_browser_builds_what_the_server_decodes() {
        let pairs = vec![
            pair("form[entries][1][employer]", "Second AB"),
            pair("form[entries][0][employer]", "First & Co"),
            pair("form[entries][0][from]", "2020-01"),
            pair("form[entries][1][occupation]", "Städare"),
            pair("intent", "next"),
        ];
        let browser: ExperienceForm = from_pairs(pairs.clone()).unwrap();
        assert_eq!(browser.entries.len(), 2);
        assert_eq!(browser.entries[0].employer, "First & Co");
        assert_eq!(browser.entries[1].occupation, "Städare");
        assert_eq!(browser, server_decodes::<ExperienceForm>(&pairs));

        let pairs = vec![
            pair("form[licences][]", "B"),
            pair("form[licences][]", "C"),
            pair("form[languages][0][language]", "sv"),
            pair("form[languages][0][level]", "goda"),
            pair("form[other_skills]", "Truckkort"),
        ];
        let browser: EducationForm = from_pairs(pairs.clone()).unwrap();
        assert_eq!(browser.licences, ["B", "C"]);
        assert_eq!(browser, server_decodes::<EducationForm>(&pairs));

        let pairs = vec![
            pair("form[occupations][]", "snickare"),
            pair("form[regions][]", "skane"),
            pair("form[extent]", "full"),
        ];
        let browser: WishesForm = from_pairs(pairs.clone()).unwrap();
        assert_eq!(browser.occupations, ["snickare"]);
        assert_eq!(browser, server_decodes::<WishesForm>(&pairs));

        // A form with no fields at all is an empty form on both sides.
        let none: Vec<(String, String)> = vec![pair("intent", "add")];
        assert_eq!(
            from_pairs::<ExperienceForm>(none.clone()).unwrap(),
            ExperienceForm::default()
        );
        assert_eq!(
            server_decodes::<ExperienceForm>(&none),
            ExperienceForm::default()
        );
    }

    proptest! {
        /// Whatever is typed into step 1, the browser checks exactly what the server gets.
        #[test]
        fn any_typed_text_reaches_both_sides_alike(
            first in ".{0,20}", email in ".{0,20}", phone in "[0-9 +-]{0,14}", needs in ".{0,40}"
        ) {
            let pairs = vec![
                pair("form[first_name]", &first),
                pair("form[email]", &email),
                pair("form[phone]", &phone),
                pair("form[accessibility_needs]", &needs),
            ];
            let browser: AboutForm = from_pairs(pairs.clone()).unwrap();
            prop_assert_eq!(&browser.first_name, &first);
            prop_assert_eq!(browser, server_decodes::<AboutForm>(&pairs));
        }
    }
}
