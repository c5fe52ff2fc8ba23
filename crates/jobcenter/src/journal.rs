//! The journal (DESIGN.md section 6, PRF-7, REP-3): one call writes the
//! client's "Verlauf" entry and the audit event, in the caller's
//! transaction, with a typed actor and a typed event kind. Every event kind
//! has a label in de/en/uk (`portal-event-<kind>`, tested).

use crate::audit;
use crate::db::{Tx, new_id};
use crate::web::seiten::{Keyset, Seite};
use sqlx::{AnyPool, Row};

/// Who caused an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Akteur {
    /// The client on their own profile.
    Klient { account_id: String },
    /// A representative under a power of attorney (REP-3).
    Vertretung { account_id: String, vollmacht_id: String },
    /// A staff member of the jobcenter.
    Mitarbeiter { account_id: String },
    /// The system itself (deadlines, scans, imports).
    System,
}

impl Akteur {
    /// The stored `actor_kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Akteur::Klient { .. } => "client",
            Akteur::Vertretung { .. } => "representative",
            Akteur::Mitarbeiter { .. } => "staff",
            Akteur::System => "system",
        }
    }

    /// The acting account, if any.
    pub fn account_id(&self) -> Option<&str> {
        match self {
            Akteur::Klient { account_id } | Akteur::Vertretung { account_id, .. } | Akteur::Mitarbeiter { account_id } => Some(account_id),
            Akteur::System => None,
        }
    }

    fn vollmacht_id(&self) -> Option<&str> {
        match self {
            Akteur::Vertretung { vollmacht_id, .. } => Some(vollmacht_id),
            _ => None,
        }
    }
}

/// What happened to a client's profile. The stored kind is [`Ereignis::kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ereignis {
    /// The profile was activated with a Freischaltcode (PRF-3).
    Freigeschaltet,
    OnlineEinwilligungErteilt,
    OnlineEinwilligungWiderrufen,
    KommunikationsoptionenGeaendert,
    KundendatenAngelegt,
    FreischaltcodeAusgestellt,
    ZugangshilfeFaktorenZurueckgesetzt,
    ZugangshilfeEinmalZugang,
    /// Files were sent with "Datei hochladen" (POR-4).
    DateienGesendet,
    /// The scanner found something in a sent file; it is quarantined.
    DateiInQuarantaene,
    /// Staff took up a sending or an item.
    VorgangInBearbeitung,
    /// Staff finished it.
    VorgangErledigt,
    /// A message was sent to the jobcenter (POR-2).
    NachrichtGesendet,
    /// The jobcenter answered in a mailbox thread.
    NachrichtBeantwortet,
    /// An answer of the jobcenter was read.
    NachrichtGelesen,
    /// An attachment of a message was opened.
    AnhangGeoeffnet,
    /// A document was made available in "Bescheide und Nachweise" (POR-3).
    DokumentBereitgestellt,
    /// It was retrieved (the "Abruf", SGB X § 37 Abs. 2a).
    DokumentAbgerufen,
    /// It went to the print queue (no online communication, or not
    /// retrieved in time).
    DokumentPerPost,
    /// An application was sent online (APP-2).
    AntragGesendet,
    /// Staff changed what the client sees of an application (APP-3).
    AntragStatusGeaendert,
    /// Staff asked for documents for an application.
    UnterlagenNachgefordert,
    /// The client sent documents a request asked for.
    UnterlagenNachgereicht,
    /// The client booked an appointment (POR-5).
    TerminGebucht,
    /// The client cancelled an appointment.
    TerminAbgesagt,
    /// Staff invited the client to an appointment.
    TerminEingeladen,
    /// The client asked to move an invitation.
    TerminVerschiebungAngefragt,
    /// Staff answered a request to move: a new date, or declined.
    TerminVerschiebungBeantwortet,
}

impl Ereignis {
    /// Every kind, for the test that each has its labels.
    pub const ALLE: [Ereignis; 28] = [
        Ereignis::Freigeschaltet,
        Ereignis::OnlineEinwilligungErteilt,
        Ereignis::OnlineEinwilligungWiderrufen,
        Ereignis::KommunikationsoptionenGeaendert,
        Ereignis::KundendatenAngelegt,
        Ereignis::FreischaltcodeAusgestellt,
        Ereignis::ZugangshilfeFaktorenZurueckgesetzt,
        Ereignis::ZugangshilfeEinmalZugang,
        Ereignis::DateienGesendet,
        Ereignis::DateiInQuarantaene,
        Ereignis::VorgangInBearbeitung,
        Ereignis::VorgangErledigt,
        Ereignis::NachrichtGesendet,
        Ereignis::NachrichtBeantwortet,
        Ereignis::NachrichtGelesen,
        Ereignis::AnhangGeoeffnet,
        Ereignis::DokumentBereitgestellt,
        Ereignis::DokumentAbgerufen,
        Ereignis::DokumentPerPost,
        Ereignis::AntragGesendet,
        Ereignis::AntragStatusGeaendert,
        Ereignis::UnterlagenNachgefordert,
        Ereignis::UnterlagenNachgereicht,
        Ereignis::TerminGebucht,
        Ereignis::TerminAbgesagt,
        Ereignis::TerminEingeladen,
        Ereignis::TerminVerschiebungAngefragt,
        Ereignis::TerminVerschiebungBeantwortet,
    ];

    /// The kind as stored in `client_events.kind` and `audit_events.kind`.
    pub fn kind(self) -> &'static str {
        match self {
            Ereignis::Freigeschaltet => "activated",
            Ereignis::OnlineEinwilligungErteilt => "online_consent_granted",
            Ereignis::OnlineEinwilligungWiderrufen => "online_consent_revoked",
            Ereignis::KommunikationsoptionenGeaendert => "communication_options_changed",
            Ereignis::KundendatenAngelegt => "client_created",
            Ereignis::FreischaltcodeAusgestellt => "code_issued",
            Ereignis::ZugangshilfeFaktorenZurueckgesetzt => "access_help_factors_reset",
            Ereignis::ZugangshilfeEinmalZugang => "access_help_one_time_access",
            Ereignis::DateienGesendet => "files_sent",
            Ereignis::DateiInQuarantaene => "file_quarantined",
            Ereignis::VorgangInBearbeitung => "item_in_progress",
            Ereignis::VorgangErledigt => "item_done",
            Ereignis::NachrichtGesendet => "message_sent",
            Ereignis::NachrichtBeantwortet => "message_answered",
            Ereignis::NachrichtGelesen => "message_read",
            Ereignis::AnhangGeoeffnet => "attachment_opened",
            Ereignis::DokumentBereitgestellt => "document_published",
            Ereignis::DokumentAbgerufen => "document_retrieved",
            Ereignis::DokumentPerPost => "document_posted",
            Ereignis::AntragGesendet => "application_sent",
            Ereignis::AntragStatusGeaendert => "application_status",
            Ereignis::UnterlagenNachgefordert => "documents_requested",
            Ereignis::UnterlagenNachgereicht => "documents_supplied",
            Ereignis::TerminGebucht => "appointment_booked",
            Ereignis::TerminAbgesagt => "appointment_cancelled",
            Ereignis::TerminEingeladen => "appointment_invited",
            Ereignis::TerminVerschiebungAngefragt => "appointment_move_requested",
            Ereignis::TerminVerschiebungBeantwortet => "appointment_move_answered",
        }
    }

    /// The kind in the acting account's audit trail (and its Konto
    /// "Verlauf"), where it differs from the client's history.
    pub fn audit_kind(self) -> &'static str {
        match self {
            Ereignis::Freigeschaltet => "profile_activated",
            other => other.kind(),
        }
    }

    /// The translation key of the label shown in "Verlauf".
    pub fn label_key(self) -> String {
        label_key_of(self.kind())
    }
}

/// The label key of a stored kind (older rows may hold kinds that are no
/// [`Ereignis`] any more; the caller falls back to a general label).
pub fn label_key_of(kind: &str) -> String {
    format!("portal-event-{}", kind.replace('_', "-"))
}

/// Something an event is about: a client, and who acts. Implemented by the
/// portal's [`Mandat`](crate::portal::handelnd::Mandat) and the back
/// office's record access ([`Akte`](crate::backoffice::akte::Akte)).
pub trait Bezug {
    fn client_id(&self) -> &str;
    fn akteur(&self) -> Akteur;
}

impl Bezug for crate::portal::handelnd::Mandat {
    fn client_id(&self) -> &str {
        crate::portal::handelnd::Mandat::client_id(self)
    }
    fn akteur(&self) -> Akteur {
        crate::portal::handelnd::Mandat::akteur(self)
    }
}

/// A subject built where no extractor exists yet: redeeming a code (the
/// profile is being made), the CLI, the worker.
#[derive(Debug, Clone)]
pub(crate) struct Direkt {
    pub client_id: String,
    pub akteur: Akteur,
}

impl Bezug for Direkt {
    fn client_id(&self) -> &str {
        &self.client_id
    }
    fn akteur(&self) -> Akteur {
        self.akteur.clone()
    }
}

/// Records `ereignis` for the subject's client: a "Verlauf" row and an
/// audit event of the acting account (none for the system), both in `tx`.
pub async fn record(
    tx: &mut Tx,
    bezug: &impl Bezug,
    ereignis: Ereignis,
    details: serde_json::Value,
    request: &audit::Actor,
    now: i64,
) -> anyhow::Result<()> {
    let akteur = bezug.akteur();
    sqlx::query(
        "INSERT INTO client_events (id, client_id, kind, actor_account_id, actor_kind, at, details, power_of_attorney_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(bezug.client_id())
    .bind(ereignis.kind())
    .bind(akteur.account_id())
    .bind(akteur.kind())
    .bind(now)
    .bind(details.to_string())
    .bind(akteur.vollmacht_id())
    .execute(&mut **tx)
    .await?;
    let mut audit_details = serde_json::json!({"client": bezug.client_id(), "actor": akteur.kind()});
    if let Some(v) = akteur.vollmacht_id() {
        audit_details["power_of_attorney"] = v.into();
    }
    if let (Some(map), serde_json::Value::Object(extra)) = (audit_details.as_object_mut(), details) {
        map.extend(extra);
    }
    audit::record(tx, akteur.account_id(), ereignis.audit_kind(), request, audit_details, now).await
}

/// One entry of a client's "Verlauf".
#[derive(Debug, Clone)]
pub struct Eintrag {
    pub id: String,
    pub kind: String,
    pub actor_kind: String,
    pub at: i64,
}

/// A page of the subject's client's history, newest first, after `nach`
/// (keyset on `(at, id)`, so a page costs the same on the first and the
/// 1000th page).
pub async fn seite(pool: &AnyPool, bezug: &impl Bezug, nach: Option<&Keyset>, limit: i64) -> sqlx::Result<Seite<Eintrag>> {
    let client_id = bezug.client_id();
    // The first page starts above every row.
    let (at, id) = nach.map_or((i64::MAX, String::new()), |k| (k.at, k.id.clone()));
    let rows = sqlx::query(
        "SELECT id, kind, actor_kind, at FROM client_events
         WHERE client_id = $1 AND (at, id) < ($2, $3)
         ORDER BY at DESC, id DESC LIMIT $4",
    )
    .bind(client_id)
    .bind(at)
    .bind(id)
    .bind(limit + 1)
    .fetch_all(pool)
    .await?;
    let items = rows
        .iter()
        .map(|r| Ok(Eintrag { id: r.try_get("id")?, kind: r.try_get("kind")?, actor_kind: r.try_get("actor_kind")?, at: r.try_get("at")? }))
        .collect::<sqlx::Result<Vec<_>>>()?;
    Ok(Seite::from_overfetch(items, limit, |e| Keyset { at: e.at, id: e.id.clone() }))
}

#[cfg(test)]
mod tests {
    use super::Ereignis;
    use crate::i18n::Lang;

    #[test]
    fn every_event_kind_has_a_label_in_every_language() {
        for e in Ereignis::ALLE {
            for lang in Lang::ALL {
                let key = e.label_key();
                // The key sets of the languages are kept equal by a test
                // in i18n.rs, so a key found here exists in every language.
                assert_ne!(lang.t(&key), key, "{key} missing in {}", lang.code());
            }
        }
    }

    #[test]
    fn event_kinds_are_distinct() {
        let mut kinds: Vec<_> = Ereignis::ALLE.iter().map(|e| e.kind()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), Ereignis::ALLE.len());
    }
}
