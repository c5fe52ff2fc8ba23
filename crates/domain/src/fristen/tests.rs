use super::*;
use Bundesland::*;
use proptest::prelude::*;

fn tag(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn frist(bekanntgabe: &str, land: Bundesland) -> NaiveDate {
    widerspruch_bis(tag(bekanntgabe), &Zustellregeln::default(), &Feiertage::new(land, vec![]))
}

#[test]
fn bundesland_codes_round_trip_in_any_case() {
    for land in Bundesland::ALLE {
        assert_eq!(Bundesland::parse(land.code()), Some(land));
        assert_eq!(Bundesland::parse(&land.code().to_lowercase()), Some(land));
    }
    assert_eq!(Bundesland::parse(" nw "), Some(Nw));
    assert_eq!(Bundesland::parse("Nw"), Some(Nw));
    assert_eq!(Bundesland::parse(""), None);
    assert_eq!(Bundesland::parse("XX"), None);
    assert_eq!(Bundesland::parse("Bayern"), None);
}

#[test]
fn easter_sunday_of_known_years() {
    for (jahr, ostern) in [
        (2000, "2000-04-23"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"),
    ] {
        assert_eq!(ostersonntag(jahr), tag(ostern), "{jahr}");
    }
}

#[test]
fn nationwide_holidays_2026_hold_in_every_state() {
    let bundesweit =
        ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"];
    for land in Bundesland::ALLE {
        let feiertage = Feiertage::new(land, vec![]);
        for d in bundesweit {
            assert!(feiertage.ist_feiertag(tag(d)), "{d} in {}", land.code());
        }
        for d in ["2026-04-05", "2026-12-24", "2026-12-31", "2026-04-02"] {
            assert_eq!(feiertage.ist_feiertag(tag(d)), land == Bb && d == "2026-04-05", "{d} in {}", land.code());
        }
    }
}

#[test]
fn state_holidays_2026_hold_only_in_their_states() {
    let tabelle: [(&str, &[Bundesland]); 9] = [
        ("2026-01-06", &[Bw, By, St]),
        ("2026-03-08", &[Be, Mv]),
        ("2026-05-24", &[Bb]),
        ("2026-06-04", &[Bw, By, He, Nw, Rp, Sl]),
        ("2026-08-15", &[Sl]),
        ("2026-09-20", &[Th]),
        ("2026-10-31", &[Bb, Hb, Hh, Mv, Ni, Sn, St, Sh, Th]),
        ("2026-11-01", &[Bw, By, Nw, Rp, Sl]),
        ("2026-11-18", &[Sn]),
    ];
    for (d, laender) in tabelle {
        for land in Bundesland::ALLE {
            assert_eq!(Feiertage::new(land, vec![]).ist_feiertag(tag(d)), laender.contains(&land), "{d} in {}", land.code());
        }
    }
}

#[test]
fn buss_und_bettag_is_the_wednesday_before_23_november() {
    let sachsen = Feiertage::new(Sn, vec![]);
    for (jahr, d) in [(2024, "2024-11-20"), (2025, "2025-11-19"), (2026, "2026-11-18"), (2027, "2027-11-17"), (2028, "2028-11-22")] {
        assert!(sachsen.ist_feiertag(tag(d)), "{jahr}");
        assert_eq!(tag(d).weekday(), Weekday::Wed);
    }
}

#[test]
fn saturday_is_no_working_day() {
    let feiertage = Feiertage::new(Be, vec![]);
    assert!(feiertage.ist_werktag(tag("2026-03-06")));
    assert!(!feiertage.ist_werktag(tag("2026-03-07")));
    assert!(!feiertage.ist_werktag(tag("2026-03-08")));
    assert_eq!(feiertage.naechster_werktag(tag("2026-03-06")), tag("2026-03-06"));
    assert_eq!(feiertage.naechster_werktag(tag("2026-03-07")), tag("2026-03-09"));
}

#[test]
fn extra_configured_days_are_holidays() {
    let mit = Feiertage::new(Be, vec![tag("2025-05-08"), tag("2025-05-08")]);
    let ohne = Feiertage::new(Be, vec![]);
    assert!(mit.ist_feiertag(tag("2025-05-08")) && !ohne.ist_feiertag(tag("2025-05-08")));
    let regeln = Zustellregeln::default();
    assert_eq!(widerspruch_bis(tag("2025-04-08"), &regeln, &mit), tag("2025-05-09"));
    assert_eq!(widerspruch_bis(tag("2025-04-08"), &regeln, &ohne), tag("2025-05-08"));
}

#[test]
fn announced_the_day_after_retrieval() {
    let benachrichtigt = tag("2026-03-02");
    let abruf = tag("2026-03-05");
    assert!(abruf <= abholfrist_endet(benachrichtigt, &Zustellregeln::default()));
    assert_eq!(bekanntgabe(abruf), tag("2026-03-06"));
    assert_eq!(bekanntgabe(tag("2026-12-31")), tag("2027-01-01"));
    // 6 April 2026 is Ostermontag.
    assert_eq!(frist("2026-03-06", Nw), tag("2026-04-07"));
}

#[test]
fn month_deadline_ends_on_the_same_number_or_the_months_last_day() {
    assert_eq!(monatsfrist_ende(tag("2026-03-15"), 1), tag("2026-04-15"));
    assert_eq!(monatsfrist_ende(tag("2026-01-31"), 1), tag("2026-02-28"));
    assert_eq!(monatsfrist_ende(tag("2028-01-31"), 1), tag("2028-02-29"));
    assert_eq!(monatsfrist_ende(tag("2026-03-31"), 1), tag("2026-04-30"));
    assert_eq!(frist("2026-03-15", He), tag("2026-04-15"));
    assert_eq!(frist("2028-01-31", He), tag("2028-02-29"));
    assert_eq!(frist("2026-03-31", He), tag("2026-04-30"));
}

#[test]
fn deadline_on_a_weekend_moves_to_the_next_working_day() {
    // 28 February 2026 is a Saturday.
    assert_eq!(frist("2026-01-31", Hh), tag("2026-03-02"));
    // 24 May 2026 is a Sunday, 25 May Pfingstmontag.
    assert_eq!(frist("2026-04-24", Hh), tag("2026-05-26"));
}

#[test]
fn deadline_across_the_year_end() {
    assert_eq!(frist("2026-11-30", By), tag("2026-12-30"));
    // 1 January 2027 is Neujahr, then Saturday and Sunday.
    assert_eq!(frist("2026-12-01", By), tag("2027-01-04"));
}

#[test]
fn state_holiday_moves_the_deadline_only_in_its_state() {
    // Fronleichnam, Thursday 4 June 2026.
    assert_eq!(frist("2026-05-04", Nw), tag("2026-06-05"));
    assert_eq!(frist("2026-05-04", Be), tag("2026-06-04"));
    // Buß- und Bettag, Wednesday 18 November 2026.
    assert_eq!(frist("2026-10-18", Sn), tag("2026-11-18").succ_opt().unwrap());
    assert_eq!(frist("2026-10-18", Th), tag("2026-11-18"));
    // Reformationstag, Friday 31 October 2025: no announcement day has a
    // one-month deadline ending on a 31 October, so two months here.
    let regeln = Zustellregeln { widerspruchsfrist_monate: 2, ..Zustellregeln::default() };
    assert_eq!(widerspruch_bis(tag("2025-08-31"), &regeln, &Feiertage::new(Ni, vec![])), tag("2025-11-03"));
    assert_eq!(widerspruch_bis(tag("2025-08-31"), &regeln, &Feiertage::new(By, vec![])), tag("2025-10-31"));
    assert_eq!(Feiertage::new(Ni, vec![]).naechster_werktag(tag("2025-10-31")), tag("2025-11-03"));
}

#[test]
fn retrieval_period_counts_calendar_days_after_the_notification() {
    let regeln = Zustellregeln::default();
    assert_eq!(abholfrist_endet(tag("2026-03-02"), &regeln), tag("2026-03-12"));
    // Not moved off the weekend (14 March 2026 is a Saturday).
    assert_eq!(abholfrist_endet(tag("2026-03-04"), &regeln), tag("2026-03-14"));
    assert_eq!(abholfrist_endet(tag("2026-12-25"), &regeln), tag("2027-01-04"));
    assert_eq!(abholfrist_endet(tag("2026-03-02"), &Zustellregeln { abholfrist_tage: 14, ..regeln }), tag("2026-03-16"));
}

fn datum() -> impl Strategy<Value = NaiveDate> {
    (0u64..110_000).prop_map(|n| tag("1950-01-01").checked_add_days(Days::new(n)).unwrap())
}

fn land() -> impl Strategy<Value = Bundesland> {
    (0usize..16).prop_map(|i| Bundesland::ALLE[i])
}

proptest! {
    #[test]
    fn widerspruch_bis_is_a_working_day_within_a_month_and_five_days(bekanntgabe in datum(), land in land()) {
        let feiertage = Feiertage::new(land, vec![]);
        let bis = widerspruch_bis(bekanntgabe, &Zustellregeln::default(), &feiertage);
        prop_assert!(feiertage.ist_werktag(bis));
        prop_assert!(bis > bekanntgabe);
        prop_assert!(bis <= monatsfrist_ende(bekanntgabe, 1) + Days::new(5));
    }

    #[test]
    fn naechster_werktag_skips_only_days_off(d in datum(), land in land()) {
        let feiertage = Feiertage::new(land, vec![]);
        let werktag = feiertage.naechster_werktag(d);
        prop_assert!(feiertage.ist_werktag(werktag));
        prop_assert_eq!(feiertage.naechster_werktag(werktag), werktag);
        prop_assert!(d.iter_days().take_while(|t| *t < werktag).all(|t| !feiertage.ist_werktag(t)));
    }

    #[test]
    fn easter_is_a_sunday_between_22_march_and_25_april(jahr in 1583i32..5000) {
        let ostern = ostersonntag(jahr);
        prop_assert_eq!(ostern.weekday(), Weekday::Sun);
        prop_assert!(ostern >= NaiveDate::from_ymd_opt(jahr, 3, 22).unwrap());
        prop_assert!(ostern <= NaiveDate::from_ymd_opt(jahr, 4, 25).unwrap());
    }
}
