//! Keyset pagination for every list that can grow (DESIGN.md section 6):
//! a page is "the next `limit` rows after (time, id)", so page 1000 costs
//! what page 1 costs. The cursor travels as `?nach=<time>.<id>`.

/// The position after which the next page starts: the last row's sort
/// time and id (ids are UUIDv7 text, unique, so ties are broken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyset {
    pub at: i64,
    pub id: String,
}

impl Keyset {
    /// The cursor as it goes into a link (`1733000000.0193…`).
    pub fn encode(&self) -> String {
        format!("{}.{}", self.at, self.id)
    }

    /// A cursor from a link; `None` for anything malformed (the list then
    /// starts at the top rather than failing).
    pub fn parse(s: &str) -> Option<Self> {
        let (at, id) = s.split_once('.')?;
        let at = at.parse().ok()?;
        let ok = !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
        ok.then(|| Self { at, id: id.to_owned() })
    }
}

/// One page of a list and the cursor of the next one, if there is more.
#[derive(Debug, Clone)]
pub struct Seite<T> {
    pub items: Vec<T>,
    pub next: Option<Keyset>,
}

impl<T> Seite<T> {
    /// From a query that fetched `limit + 1` rows: the extra row only
    /// tells that there is a next page.
    pub fn from_overfetch(mut items: Vec<T>, limit: i64, key: impl Fn(&T) -> Keyset) -> Self {
        let limit = usize::try_from(limit).unwrap_or(0);
        let more = items.len() > limit;
        items.truncate(limit);
        let next = if more { items.last().map(key) } else { None };
        Self { items, next }
    }

    /// The link to the next page: `path` with `nach=` set (other query
    /// parameters kept as given in `path`).
    pub fn next_href(&self, path: &str) -> Option<String> {
        let next = self.next.as_ref()?;
        let sep = if path.contains('?') { '&' } else { '?' };
        Some(format!("{path}{sep}nach={}", next.encode()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_junk_is_ignored() {
        let k = Keyset { at: 1_733_000_000, id: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b".into() };
        assert_eq!(Keyset::parse(&k.encode()), Some(k));
        for junk in ["", "x.y", "12", "12.", "12.'; DROP TABLE x", "12.abc def"] {
            assert_eq!(Keyset::parse(junk), None, "{junk}");
        }
    }

    #[test]
    fn an_overfetched_row_makes_a_next_page() {
        let key = |n: &i64| Keyset { at: *n, id: format!("{n:x}") };
        let p = Seite::from_overfetch(vec![5, 4, 3], 2, key);
        assert_eq!(p.items, vec![5, 4]);
        assert_eq!(p.next, Some(Keyset { at: 4, id: "4".into() }));
        assert_eq!(p.next_href("/a?x=1").as_deref(), Some("/a?x=1&nach=4.4"));
        let last = Seite::from_overfetch(vec![2, 1], 2, key);
        assert_eq!(last.next, None);
        assert_eq!(last.next_href("/a"), None);
    }
}
