//! `/personal/admin/konton`: every staff account (administrators only), with its role,
//! office, when it last signed in, and whether a link to set its password is waiting.

use super::{last_sign_in_text, notice_view, role_name};
use crate::{
    api::admin::load_accounts,
    i18n::*,
    pages::staff::{require_staff, staff_load_failed},
    paths,
    views::admin::AccountsView,
};
use leptos::prelude::*;
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

#[component]
fn Accounts(view: AccountsView) -> impl IntoView {
    let i18n = use_i18n();
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
        </div>
    }
}
