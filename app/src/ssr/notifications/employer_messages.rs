//! Emails to the people who act for employers: the invitation to a colleague, and the note
//! that someone tried to register with their organisation or address. Employers' users have
//! no language on record, so each is in Swedish with English below, as staff's are.

use super::compose::AccountMessage;
use crate::domain::employer::registration::INVITATION_VALID_DAYS;

/// The invitation: who invited, to which organisation, the one-time link and how long it
/// works. Nothing else about the organisation is in it.
pub fn compose_invitation(organisation: &str, inviter: &str, link: &str) -> AccountMessage {
    let days = INVITATION_VALID_DAYS;
    AccountMessage {
        subject: format!("Inbjudan till Tidbok från {organisation} / Invitation to Tidbok"),
        text: format!(
            "Hej!\n\n\
             {inviter} bjuder in dig att företräda {organisation} i Tidbok, \
             Arbetsförmedlingens tjänst för arbetsgivare. Skapa ditt konto här:\n{link}\n\n\
             Länken fungerar en gång och i {days} dagar. Väntade du dig inte det här mejlet? \
             Då behöver du inte göra något.\n\n\
             ---\n\n\
             Hello,\n\n\
             {inviter} invites you to act for {organisation} in Tidbok, the employment \
             service's pages for employers. Create your account here:\n{link}\n\n\
             The link works once and for {days} days. Did you not expect this email? Then you \
             need not do anything.\n\n\
             Tidbok – det här mejlet går inte att svara på / this email cannot be replied to.\n"
        ),
    }
}

/// Someone tried to register an organisation with this user's organisation number or
/// address. The person who tried was told nothing about the account.
pub fn compose_registration_attempt(first_name: &str, site: &str) -> AccountMessage {
    AccountMessage {
        subject: "Någon försökte registrera er organisation / Someone tried to register your \
                  organisation"
            .into(),
        text: format!(
            "Hej {first_name}!\n\n\
             Någon försökte just registrera en organisation i Tidbok med ert \
             organisationsnummer eller din e-postadress. Ni har redan ett konto, så inget nytt \
             skapades, och den som försökte fick inte veta det.\n\n\
             Var det en kollega? Bjud in hen från översikten: {site}/arbetsgivare/oversikt\n\
             Var det inte någon ni känner? Då behöver du inte göra något.\n\n\
             ---\n\n\
             Hello {first_name},\n\n\
             Someone just tried to register an organisation in Tidbok with your organisation \
             number or your email address. You already have an account, so nothing new was \
             created, and the person who tried was not told so.\n\n\
             Was it a colleague? Invite them from the overview: {site}/arbetsgivare/oversikt\n\
             Was it nobody you know? Then you need not do anything.\n\n\
             Tidbok – det här mejlet går inte att svara på / this email cannot be replied to.\n"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_names_who_invited_to_what_and_how_long_the_link_works() {
        let m = compose_invitation(
            "Korvkiosken AB",
            "Karin Berg",
            "https://tidbok.example/arbetsgivare/inbjudan/abc",
        );
        assert!(m.subject.contains("Korvkiosken AB"));
        assert!(m
            .text
            .contains("Karin Berg bjuder in dig att företräda Korvkiosken AB"));
        assert!(m
            .text
            .contains("https://tidbok.example/arbetsgivare/inbjudan/abc"));
        assert!(m.text.contains("i 7 dagar") && m.text.contains("for 7 days"));
    }

    #[test]
    fn an_attempt_points_to_inviting_and_tells_nothing_of_the_one_who_tried() {
        let m = compose_registration_attempt("Karin", "https://tidbok.example");
        assert!(m.text.starts_with("Hej Karin!"));
        assert!(m
            .text
            .contains("https://tidbok.example/arbetsgivare/oversikt"));
        assert!(!m.text.contains('@'));
    }
}
