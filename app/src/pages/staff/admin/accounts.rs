//! `/personal/admin/konton`: every staff account (administrators only), with its role,
//! office, when it last signed in, and whether a link to set its password is waiting.

use super::{last_sign_in_text, notice_view, role_name};
use crate::{
    api::admin::{load_accounts, CreateAccount},
    components::{
        fields::{provide_shown_errors, ErrorSummary, Input, SelectList, TextField},
        meeting_words::is_swedish,
        messages::I18n,
    },
    domain::staff::Role,
    i18n::*,
    pages::staff::{require_staff, staff_load_failed},
    paths,
    views::admin::AccountsView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};

#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    require_staff(paths::ADMIN_ACCOUNTS);
    let load = load_accounts();
    view! {
        <Title text=t_string!(i18n, adm_accounts_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Accounts view/> }.into_any(),
                Err(e) => staff_load_failed(
                    i18n,
                    e,
                    t_string!(i18n, adm_accounts_title),
                    t_string!(i18n, adm_accounts_forbidden),
                ),
            }
        })}
    }
}

fn label_of(i18n: I18n, key: &str) -> String {
    match key {
        "first_name" => t_string!(i18n, adm_first_name),
        "last_name" => t_string!(i18n, adm_last_name),
        "email" => t_string!(i18n, adm_email),
        "role" => t_string!(i18n, adm_col_role),
        "office" => t_string!(i18n, adm_office),
        _ => t_string!(i18n, adm_form),
    }
    .to_owned()
}

#[component]
fn Accounts(view: AccountsView) -> impl IntoView {
    let i18n = use_i18n();
    provide_shown_errors(view.errors, label_of);
    let swedish = is_swedish(i18n);
    let roles: Vec<(String, String)> = [Role::OfficeManager, Role::Admin]
        .iter()
        .map(|r| (r.as_str().to_owned(), role_name(i18n, *r).to_owned()))
        .collect();
    let offices: Vec<(String, String)> = view
        .offices
        .into_iter()
        .map(|o| (o.code, if swedish { o.sv } else { o.en }))
        .collect();
    let form = view.new_account;
    view! {
        <div class="page page--wide admin">
            <h1>{t!(i18n, adm_accounts_title)}</h1>
            {notice_view(i18n, view.notice)}
            <p class="lead">{t!(i18n, adm_accounts_lead)}</p>
            <div class="table-scroll" role="region" aria-labelledby="konton-rubrik" tabindex="0">
                <table class="admin__table">
                    <caption id="konton-rubrik">{t!(i18n, adm_accounts_title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, adm_col_name)}</th>
                            <th scope="col">{t!(i18n, adm_col_role)}</th>
                            <th scope="col">{t!(i18n, adm_col_office)}</th>
                            <th scope="col">{t!(i18n, adm_col_signin)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {view.accounts.into_iter().map(|a| view! {
                            <tr class:admin__inactive=!a.active>
                                <th scope="row">
                                    <a href=paths::admin_account(a.id)>{a.name}</a>
                                    <br/>
                                    <span class="muted">{a.email}</span>
                                    {(!a.active).then(|| view! { " " <span class="tag tag--closed">{t!(i18n, adm_closed)}</span> })}
                                </th>
                                <td>{role_name(i18n, a.role)}</td>
                                <td>{a.office.unwrap_or_else(|| "–".to_owned())}</td>
                                <td>
                                    {last_sign_in_text(i18n, a.last_sign_in)}
                                    {a.link_waiting.then(|| view! { <br/> <span class="muted">{t!(i18n, adm_link_waiting)}</span> })}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <section class="admin__section" aria-labelledby="nytt-konto-rubrik" id="nytt-konto">
                <h2 id="nytt-konto-rubrik">{t!(i18n, adm_new_account)}</h2>
                <p>{t!(i18n, adm_new_account_lead)}</p>
                <form method="post" action=CreateAccount::PATH novalidate>
                    <ErrorSummary/>
                    <TextField key="first_name" label=t_string!(i18n, adm_first_name) value=form.first_name input=Input::TEXT.autocomplete("off")/>
                    <TextField key="last_name" label=t_string!(i18n, adm_last_name) value=form.last_name input=Input::TEXT.autocomplete("off")/>
                    <TextField key="email" label=t_string!(i18n, adm_email) value=form.email input=Input::TEXT.kind("email").autocomplete("off")/>
                    <SelectList key="role" label=t_string!(i18n, adm_col_role) value=form.role options=roles/>
                    <SelectList key="office" label=t_string!(i18n, adm_office) value=form.office options=offices conditional=true hint=t_string!(i18n, adm_office_hint)/>
                    <button type="submit" class="button">{t!(i18n, adm_create_account)}</button>
                </form>
            </section>
        </div>
    }
}
