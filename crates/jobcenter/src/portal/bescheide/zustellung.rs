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

/// Publishes a stored PDF for the record's client: online with the mail
/// (no content) when the client consented to online communication, else
/// straight to the print queue. Returns the document id and whether it
/// went online.
pub async fn veroeffentlichen(
    state: &AppState,
    akte: &Akte<AnyStaff>,
    v: &Veroeffentlichung,
    gespeichert: &ablage::Gespeichert,
) -> anyhow::Result<(String, bool)> {
    let now = state.now();
    let id = new_id();
    let client_id = akte.client.id.as_str();
    let mut tx = state.db.begin().await?;
    let online = post::channel(&mut *tx, client_id).await? == Channel::Online;
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
        online,
    };
    store::einfuegen(&mut tx, &state.secrets, &neu, now).await?;
    let details = json!({ "document": id, "kind": v.art.as_str(), "level": v.stufe.as_str() });
    if online {
        let link = format!("{}/bescheide/{id}", state.config.base_url());
        for (email, lang) in crate::portal::store::eigene_konten(&mut *tx, client_id).await? {
            let lang = crate::konto::account_lang(&lang);
            let art = lang.t(&v.art.label_key());
            crate::konto::queue_mail(state, &mut tx, lang, "bescheid-neu", &email, &[("art", &art), ("link", &link)]).await?;
        }
        journal::record(&mut tx, akte, Ereignis::DokumentBereitgestellt, details, &akte.ctx().actor, now).await?;
    } else {
        let titel = drucktitel(crate::i18n::Lang::De, v.art, v.datum);
        post::queue_document(&mut tx, client_id, &titel, &id, now).await?;
        journal::record(&mut tx, akte, Ereignis::DokumentPerPost, details, &akte.ctx().actor, now).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok((id, online))
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
    let mut posted = 0;
    for dok in store::wartende(&state.db.pool, &state.secrets).await? {
        let Some(notified) = dok.notified_at else { continue };
        if heute <= fristen::abholfrist_endet(tag(notified), &state.config.zustellung.regeln) {
            continue;
        }
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
    Ok(posted)
}
