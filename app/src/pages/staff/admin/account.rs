//! `/personal/admin/konton/{id}`: one staff account: its role and office, closing or opening
//! it, and emailing a new one-time link to set its password (nobody else ever sets it).

use super::{last_sign_in_text, notice_view, role_name};
use crate::{
    api::admin::{load_account, SaveAccount, SendPasswordLink, SetAccountActive},
    components::{
        fields::{provide_shown_errors, ErrorSummary, SelectList},
        meeting_words::{is_swedish, when_text},
        messages::I18n,
    },
    domain::staff::Role,
    error::AppError,
    i18n::*,
    pages::staff::{require_staff, staff_load_failed},
    paths,
    views::admin::AccountEditView,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Stylesheet, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    require_staff(
        &id.map(paths::admin_account)
            .unwrap_or_else(|| paths::ADMIN_ACCOUNTS.to_owned()),
    );
    let load = Resource::new_blocking(
        || (),
        move |_| async move {
            match id {
                Some(id) => load_account(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=t_string!(i18n, adm_accounts_title).to_owned()/>
        <Stylesheet id="staff" href="/staff/staff.css"/>
        {Suspend::new(async move {
            match load.await {
                Ok(view) => view! { <Account view/> }.into_any(),
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
        "role" => t_string!(i18n, adm_col_role),
        "office" => t_string!(i18n, adm_office),
        _ => t_string!(i18n, adm_form),
    }
    .to_owned()
}

#[component]
fn Account(view: AccountEditView) -> impl IntoView {
    let i18n = use_i18n();
    let AccountEditView {
        account,
        form,
        errors,
        offices,
        notice,
    } = view;
    provide_shown_errors(errors, label_of);
    let swedish = is_swedish(i18n);
    let roles: Vec<(String, String)> = Role::ALL
        .iter()
        .filter(|r| **r != Role::Counsellor || account.counsellor_id.is_some())
        .map(|r| (r.as_str().to_owned(), role_name(i18n, *r).to_owned()))
        .collect();
    let offices: Vec<(String, String)> = offices
        .into_iter()
        .map(|o| (o.code, if swedish { o.sv } else { o.en }))
        .collect();
    let id = account.id.to_string();
    let version = form.version.clone();
    view! {
        <div class="page page--form admin">
            <p><a href=paths::ADMIN_ACCOUNTS>"← " {t!(i18n, adm_accounts_title)}</a></p>
            <h1>{account.name.clone()}</h1>
            {notice_view(i18n, notice)}
            <dl class="admin__facts">
                <dt>{t!(i18n, adm_col_email)}</dt>
                <dd>{account.email.clone()}</dd>
                <dt>{t!(i18n, adm_created)}</dt>
                <dd>{when_text(i18n, account.created_at)}</dd>
                <dt>{t!(i18n, adm_col_signin)}</dt>
                <dd>
                    {last_sign_in_text(i18n, account.last_sign_in)}
                    {account.link_waiting.then(|| view! { " · " {t!(i18n, adm_link_waiting)} })}
                </dd>
                <dt>{t!(i18n, adm_col_status)}</dt>
                <dd>{if account.active { t!(i18n, adm_active).into_any() } else { t!(i18n, adm_closed).into_any() }}</dd>
            </dl>
            {account.counsellor_id.map(|c| view! {
                <p><a href=paths::admin_counsellor(c)>{t!(i18n, adm_counsellor_link)}</a></p>
            })}
            <h2>{t!(i18n, adm_role_heading)}</h2>
            <form method="post" action=SaveAccount::PATH novalidate>
                <ErrorSummary/>
                <input type="hidden" name="id" value=id.clone()/>
                <input type="hidden" name="form[version]" value=version.clone()/>
                <SelectList key="role" label=t_string!(i18n, adm_col_role) value=form.role options=roles hint=t_string!(i18n, adm_role_hint)/>
                <SelectList key="office" label=t_string!(i18n, adm_office) value=form.office options=offices conditional=true hint=t_string!(i18n, adm_office_hint)/>
                <button type="submit" class="button">{t!(i18n, adm_save)}</button>
            </form>
            {account.active.then(|| view! {
                <h2>{t!(i18n, adm_password_heading)}</h2>
                <p>{t!(i18n, adm_send_link_lead)}</p>
                <form method="post" action=SendPasswordLink::PATH>
                    <input type="hidden" name="id" value=id.clone()/>
                    <button type="submit" class="button button--link">{t!(i18n, adm_send_link)}</button>
                </form>
            })}
            <h2>{if account.active { t!(i18n, adm_close_heading).into_any() } else { t!(i18n, adm_open_heading).into_any() }}</h2>
            {account.active.then(|| view! { <p>{t!(i18n, adm_close_lead)}</p> })}
            <form method="post" action=SetAccountActive::PATH>
                <input type="hidden" name="id" value=id.clone()/>
                <input type="hidden" name="aktiv" value=if account.active { "nej" } else { "ja" }/>
                <input type="hidden" name="version" value=version/>
                <button type="submit" class=if account.active { "button button--danger" } else { "button" }>
                    {if account.active { t!(i18n, adm_close_account).into_any() } else { t!(i18n, adm_open_account).into_any() }}
                </button>
            </form>
        </div>
    }
}
