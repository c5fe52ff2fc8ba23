//! Back-office rows for the portal tests on the real database: an office
//! and a Freischaltcode through the back office's own store functions
//! (`backoffice::store`), a staff member (the pAp) and a client record with
//! a chosen Kundennummer by SQL (the back office's own functions draw the
//! Kundennummer themselves; its tests cover them).

use super::TestApp;
use domain::Freischaltcode;

/// A client record created for a test.
#[derive(Debug, Clone)]
pub struct ClientRecord {
    pub id: String,
    pub kundennummer: String,
    pub given_name: String,
    pub family_name: String,
}

impl ClientRecord {
    pub fn name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

fn id() -> String {
    uuid::Uuid::now_v7().to_string()
}

impl TestApp {
    /// An office ("Dienststelle"); returns its id.
    pub async fn fixture_office(&self, name: &str) -> String {
        let office = jobcenter::backoffice::store::NewOffice {
            name,
            street: "Vahrenwalder Straße 245",
            postcode: "30179",
            city: "Hannover",
            phone: "0511 6559-0",
        };
        let mut tx = self.state.db.begin().await.unwrap();
        let id = jobcenter::backoffice::store::insert_office(&mut tx, &office, self.state.now()).await.unwrap();
        tx.commit().await.unwrap();
        id
    }

    /// A staff member with an account (no password: never logs in here);
    /// returns the account id.
    pub async fn fixture_staff(&self, email: &str, display_name: &str, phone: &str, office: &str) -> String {
        let account = id();
        let now = self.state.now();
        sqlx::query(
            "INSERT INTO accounts (id, email, email_lower, email_confirmed_at, lang, created_at, updated_at) VALUES ($1, $2, $3, $4, 'de', $4, $4)",
        )
        .bind(&account)
        .bind(email)
        .bind(email.to_lowercase())
        .bind(now)
        .execute(&self.state.db.writer)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO staff (account_id, display_name, office_id, roles, phone, active, created_at, updated_at)
             VALUES ($1, $2, $3, 'service,vermittlung', $4, 1, $5, $5)",
        )
        .bind(&account)
        .bind(display_name)
        .bind(office)
        .bind(phone)
        .bind(now)
        .execute(&self.state.db.writer)
        .await
        .unwrap();
        account
    }

    /// A client record in `office`, with `pap` as "Ihr Kontakt" if given.
    pub async fn fixture_client(&self, kundennummer: &str, given: &str, family: &str, office: &str, pap: Option<&str>) -> ClientRecord {
        let client = id();
        let now = self.state.now();
        sqlx::query(
            "INSERT INTO clients (id, kundennummer, given_name, family_name, name_search, birth_date, street, postcode, city, bg_number,
                                  office_id, pap_staff_id, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, '1990-04-12', 'Lister Meile 1', '30161', 'Hannover', '97122//0000004', $6, $7, 'test', $8, $8)",
        )
        .bind(&client)
        .bind(kundennummer)
        .bind(given)
        .bind(family)
        .bind(format!("{} {}", given.to_lowercase(), family.to_lowercase()))
        .bind(office)
        .bind(pap)
        .bind(now)
        .execute(&self.state.db.writer)
        .await
        .unwrap();
        ClientRecord { id: client, kundennummer: kundennummer.into(), given_name: given.into(), family_name: family.into() }
    }

    /// A fresh Freischaltcode for `client`, valid for `valid_secs`, issued
    /// as the back office issues it (earlier live codes are voided).
    pub async fn fixture_code(&self, client: &ClientRecord, valid_secs: i64) -> Freischaltcode {
        let code = Freischaltcode::generate(|| jobcenter::crypto::random_bytes::<1>()[0]);
        let now = self.state.now();
        let mut tx = self.state.db.begin().await.unwrap();
        let hash = jobcenter::crypto::token_hash(code.canonical());
        jobcenter::backoffice::store::insert_code(&mut tx, &client.id, &hash, "test", now, now + valid_secs).await.unwrap();
        tx.commit().await.unwrap();
        code
    }

    /// An office, a pAp and a client record with a code valid for 30 days.
    pub async fn fixture_client_with_code(&self, kundennummer: &str, given: &str, family: &str) -> (ClientRecord, Freischaltcode) {
        let office = self.fixture_office("Jobcenter Region Hannover, Hannover-Mitte").await;
        let pap_email = format!("pap.{}@jobcenter.example", kundennummer.to_lowercase());
        let pap = self.fixture_staff(&pap_email, "Petra Ansprech", "0511 6559 4041", &office).await;
        let client = self.fixture_client(kundennummer, given, family, &office, Some(&pap)).await;
        let code = self.fixture_code(&client, 30 * 86_400).await;
        (client, code)
    }
}
