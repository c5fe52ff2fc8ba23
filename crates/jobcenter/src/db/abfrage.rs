//! A small `$N` query builder for filters (DESIGN.md section 2: sqlx's
//! `QueryBuilder<Any>` emits `?`, which PostgreSQL refuses). Values are
//! always bound, never formatted into the SQL.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Arguments};

/// A value to bind.
#[derive(Debug, Clone, PartialEq)]
pub enum Wert {
    Text(String),
    Zahl(i64),
    Null,
}

/// SQL text plus its arguments; `bind` appends `$n` and remembers the value.
#[derive(Debug, Clone, Default)]
pub struct Abfrage {
    sql: String,
    args: Vec<Wert>,
}

impl Abfrage {
    pub fn new(sql: &str) -> Self {
        Self { sql: sql.to_owned(), args: Vec::new() }
    }

    /// Appends SQL text (never user input).
    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// Appends the placeholder of a new argument.
    pub fn bind(&mut self, v: impl Into<Wert>) -> &mut Self {
        self.args.push(v.into());
        self.sql.push('$');
        self.sql.push_str(&self.args.len().to_string());
        self
    }

    /// The SQL so far (for tests and logs; no values in it).
    pub fn sql(&self) -> &str {
        &self.sql
    }

    /// The query, ready for `fetch_all` and friends.
    pub fn query(&self) -> Query<'_, Any, AnyArguments> {
        let mut args = AnyArguments::default();
        for a in &self.args {
            let r = match a {
                Wert::Text(s) => args.add(s.clone()),
                Wert::Zahl(n) => args.add(*n),
                Wert::Null => args.add(Option::<String>::None),
            };
            // Adding an owned String or i64 to AnyArguments cannot fail.
            debug_assert!(r.is_ok());
        }
        sqlx::query_with(sqlx::AssertSqlSafe(self.sql.clone()), args)
    }
}

impl From<&str> for Wert {
    fn from(s: &str) -> Self {
        Wert::Text(s.to_owned())
    }
}
impl From<String> for Wert {
    fn from(s: String) -> Self {
        Wert::Text(s)
    }
}
impl From<&String> for Wert {
    fn from(s: &String) -> Self {
        Wert::Text(s.clone())
    }
}
impl From<i64> for Wert {
    fn from(n: i64) -> Self {
        Wert::Zahl(n)
    }
}
impl<T: Into<Wert>> From<Option<T>> for Wert {
    fn from(v: Option<T>) -> Self {
        v.map_or(Wert::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::Abfrage;

    #[test]
    fn placeholders_are_numbered_in_order() {
        let mut q = Abfrage::new("SELECT id FROM work_items WHERE office_id = ");
        q.bind("o1");
        q.push(" AND state = ").bind("eingegangen").push(" AND version > ").bind(3_i64);
        assert_eq!(q.sql(), "SELECT id FROM work_items WHERE office_id = $1 AND state = $2 AND version > $3");
    }
}
