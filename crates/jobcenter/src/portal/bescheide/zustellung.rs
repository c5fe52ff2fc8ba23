//! The operations of delivery, written once for every adapter: publish
//! (online or to the print queue, OKO-3), the "Abruf" with its dates, and
//! the end of the retrieval period (run by housekeeping).

use super::store::{self, Dokument};
use super::{Art, Stufe, datum, tag};
use crate::app::AppState;
use crate::backoffice::AnyStaff;
use crate::backoffice::akte::Akte;
use crate::backoffice::store::{self as post, Channel};
use crate::db::new_id;
use crate::journal::{self, Akteur, Ereignis};
use crate::portal::handelnd::Mandat;
use chrono::NaiveDate;
use domain::fristen;
use serde_json::json;

/// What staff publish.
#[derive(Debug, Clone)]
pub struct Veroeffentlichung {
    pub art: Art,
    pub titel: String,
    pub datum: NaiveDate,
    pub stufe: Stufe,
}

/// The print queue's title: kind and date, nothing of the content.
fn drucktitel(lang: crate::i18n::Lang, art: Art, d: NaiveDate) -> String {
    format!("{} vom {}", lang.t(&art.label_key()), datum(d))
}

/// What became of a publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ergebnis {
    /// Made available online, the client told by mail.
    Online,
    /// In the print queue (no online communication).
    Post,
    /// Waiting for a second member's release (four eyes).
    Freigabe,
}

impl Ergebnis {
    pub fn as_str(self) -> &'static str {
        match self {
            Ergebnis::Online => "online",
            Ergebnis::Post => "post",
            Ergebnis::Freigabe => "freigabe",
        }
    }
}

/// Why a release was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abgelehnt {
    /// Nothing waits for release (released already, or no such document).
    NichtOffen,
    /// Four eyes: the member who published it cannot release it.
    SelbePerson,
    /// The member is not in the benefits team.
    NichtBerechtigt,
}

impl Abgelehnt {
    pub const ALLE: [Abgelehnt; 3] = [Abgelehnt::NichtOffen, Abgelehnt::SelbePerson, Abgelehnt::NichtBerechtigt];

    pub fn message_key(self) -> &'static str {
        match self {
            Abgelehnt::NichtOffen => "bo-bescheide-error-nicht-offen",
            Abgelehnt::SelbePerson => "bo-bescheide-error-selbe-person",
            Abgelehnt::NichtBerechtigt => "arbeit-error-not-allowed",
        }
    }
}

/// Publishes a stored PDF for the record's client. A kind that needs four
/// eyes (configuration) waits as a work item of the benefits team until a
/// second member releases it ([`freigeben`]); every other is delivered at
/// once ([`zustellen`]). Returns the document id and what became of it.
pub async fn veroeffentlichen(
    state: &AppState,
    akte: &Akte<AnyStaff>,
    v: &Veroeffentlichung,
    gespeichert: &ablage::Gespeichert,
) -> anyhow::Result<(String, Ergebnis)> {
    let now = state.now();
    let id = new_id();
    let client_id = akte.client.id.as_str();
    let mut tx = state.db.begin().await?;
    let iso = v.datum.format("%Y-%m-%d").to_string();
    let neu = store::Neu {
        id: &id,
        client_id,
        office_id: &akte.client.office_id,
        art: v.art,
        titel: &v.titel,
        datum: &iso,
        stufe: v.stufe,
        gespeichert,
        published_by: &akte.staff.member.account_id,
    };
    store::einfuegen(&mut tx, &state.secrets, &neu, now).await?;
    let ergebnis = if state.config.zustellung.vier_augen.contains(&v.art) {
        let team = crate::arbeit::Team::Leistung.into();
        crate::arbeit::store::anlegen(&mut tx, akte, &akte.client.office_id, crate::arbeit::store::Art::Veroeffentlichung, &id, team, now)
            .await?;
        Ergebnis::Freigabe
    } else {
        zustellen(state, &mut tx, akte, &id, v.art, v.datum, now).await?
    };
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok((id, ergebnis))
}

/// A second member releases a document waiting for four eyes: it is
/// delivered now and its work item closed.
pub async fn freigeben(state: &AppState, akte: &Akte<AnyStaff>, id: &str) -> anyhow::Result<Result<Ergebnis, Abgelehnt>> {
    let member = &akte.staff.member;
    let Some(d) = store::eines(&state.db.pool, &state.secrets, &akte.client.id, store::Sicht::Mitarbeiter, id).await? else {
        return Ok(Err(Abgelehnt::NichtOffen));
    };
    if !d.zur_freigabe {
        return Ok(Err(Abgelehnt::NichtOffen));
    }
    if d.published_by.as_deref() == Some(member.account_id.as_str()) {
        return Ok(Err(Abgelehnt::SelbePerson));
    }
    if !member.roles.contains(&crate::backoffice::RoleName::Leistung) {
        return Ok(Err(Abgelehnt::NichtBerechtigt));
    }
    let now = state.now();
    let datum = NaiveDate::parse_from_str(&d.datum, "%Y-%m-%d").unwrap_or_else(|_| tag(now));
    let mut tx = state.db.begin().await?;
    let n = sqlx::query(
        "UPDATE decisions SET released_by = $1, released_at = $2 WHERE id = $3 AND delivery = 'freigabe' AND released_at IS NULL",
    )
    .bind(&member.account_id)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n != 1 {
        return Ok(Err(Abgelehnt::NichtOffen));
    }
    let ergebnis = zustellen(state, &mut tx, akte, id, d.art, datum, now).await?;
    crate::arbeit::store::durch_vorgang_erledigt(&mut tx, crate::arbeit::store::Art::Veroeffentlichung, id, &member.account_id, now)
        .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Ok(ergebnis))
}

/// Delivers a document waiting as 'freigabe', in `tx`: online with the mail
/// (no content) when the client consented to online communication (OKO-3),
/// else into the print queue; journaled either way.
async fn zustellen(
    state: &AppState,
    tx: &mut crate::db::Tx,
    akte: &Akte<AnyStaff>,
    id: &str,
    art: Art,
    datum_des_dokuments: NaiveDate,
    now: i64,
) -> anyhow::Result<Ergebnis> {
    let client_id = akte.client.id.as_str();
    let online = post::channel(&mut **tx, client_id).await? == Channel::Online;
    let details = json!({ "document": id, "kind": art.as_str() });
    if online {
        sqlx::query("UPDATE decisions SET delivery = 'online', notified_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        let link = format!("{}/bescheide/{id}", state.config.base_url());
        for (email, lang) in crate::portal::store::eigene_konten(&mut **tx, client_id).await? {
            let lang = crate::konto::account_lang(&lang);
            let art = lang.t(&art.label_key());
            crate::konto::queue_mail(state, tx, lang, "bescheid-neu", &email, &[("art", &art), ("link", &link)]).await?;
        }
        journal::record(tx, akte, Ereignis::DokumentBereitgestellt, details, &akte.ctx().actor, now).await?;
        Ok(Ergebnis::Online)
    } else {
        sqlx::query("UPDATE decisions SET delivery = 'post', posted_at = $1, post_reason = 'ohne_einwilligung' WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        post::queue_document(tx, client_id, &drucktitel(crate::i18n::Lang::De, art, datum_des_dokuments), id, now).await?;
        journal::record(tx, akte, Ereignis::DokumentPerPost, details, &akte.ctx().actor, now).await?;
        Ok(Ergebnis::Post)
    }
}

/// The first retrieval of a document made available online, by a session
/// at the document's level: records who retrieved it, the announcement
/// (the day after) and, for a Bescheid, the deadline for an objection.
/// Anything else (already retrieved, posted, sent by post) changes nothing.
pub async fn abrufen(state: &AppState, mandat: &Mandat, request: &crate::audit::Actor, dok: &Dokument) -> anyhow::Result<bool> {
    if !dok.online || dok.retrieved_at.is_some() || dok.posted_at.is_some() {
        return Ok(false);
    }
    let now = state.now();
    let bekannt = fristen::bekanntgabe(tag(now));
    let z = &state.config.zustellung;
    let frist = (dok.art == Art::Bescheid).then(|| fristen::widerspruch_bis(bekannt, &z.regeln, &z.feiertage()));
    let vollmacht = match mandat.akteur() {
        Akteur::Vertretung { vollmacht_id, .. } => Some(vollmacht_id),
        _ => None,
    };
    let mut tx = state.db.begin().await?;
    let n = sqlx::query(
        "UPDATE decisions SET retrieved_at = $1, retrieved_by = $2, retrieved_power_of_attorney_id = $3, announced_on = $4,
             objection_until = $5
         WHERE id = $6 AND client_id = $7 AND delivery = 'online' AND retrieved_at IS NULL AND posted_at IS NULL",
    )
    .bind(now)
    .bind(mandat.account_id())
    .bind(vollmacht)
    .bind(bekannt.format("%Y-%m-%d").to_string())
    .bind(frist.map(|f| f.format("%Y-%m-%d").to_string()))
    .bind(&dok.id)
    .bind(mandat.client_id())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 1 {
        let details = json!({ "document": dok.id, "announced_on": bekannt.to_string() });
        journal::record(&mut tx, mandat, Ereignis::DokumentAbgerufen, details, request, now).await?;
    }
    tx.commit().await?;
    Ok(n == 1)
}

/// Housekeeping: documents not retrieved by the end of the retrieval
/// period go to the print queue ("Per Post versandt"). Returns how many.
pub async fn abholfrist(state: &AppState) -> anyhow::Result<u64> {
    let now = state.now();
    let heute = tag(now);
    let regeln = &state.config.zustellung.regeln;
    // Only documents notified at least the period's days minus one ago can
    // be due (the exact day rule is checked below); in batches, oldest
    // first, so memory stays flat however many wait.
    let vor = now - (i64::from(regeln.abholfrist_tage) - 1) * 86_400;
    let mut posted = 0;
    loop {
        let batch = store::wartende(&state.db.pool, vor, 500).await?;
        let mut faellig = 0;
        for dok in &batch {
            if heute <= fristen::abholfrist_endet(tag(dok.notified_at), regeln) {
                // Everything after this one was notified later.
                return Ok(posted);
            }
            faellig += 1;
            let mut tx = state.db.begin().await?;
            let n = sqlx::query(
                "UPDATE decisions SET posted_at = $1, post_reason = 'nicht_abgerufen'
                 WHERE id = $2 AND retrieved_at IS NULL AND posted_at IS NULL",
            )
            .bind(now)
            .bind(&dok.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 1 {
                let d = NaiveDate::parse_from_str(&dok.datum, "%Y-%m-%d").unwrap_or(heute);
                post::queue_document(&mut tx, &dok.client_id, &drucktitel(crate::i18n::Lang::De, dok.art, d), &dok.id, now).await?;
                let bezug = journal::Direkt { client_id: dok.client_id.clone(), akteur: Akteur::System };
                let details = json!({ "document": dok.id, "reason": "nicht_abgerufen" });
                journal::record(&mut tx, &bezug, Ereignis::DokumentPerPost, details, &crate::audit::Actor::default(), now).await?;
                posted += 1;
            }
            tx.commit().await?;
        }
        if batch.len() < 500 || faellig == 0 {
            return Ok(posted);
        }
    }
}
