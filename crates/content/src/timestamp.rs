//! RFC 3339 timestamps as they appear in content files.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// A point in time, kept both as Unix seconds (for sorting and ranking) and as
/// the RFC 3339 text it was written with (for `<time datetime>` and feeds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp {
    unix: i64,
    text: String,
}

impl Timestamp {
    /// Parses an RFC 3339 timestamp such as `2026-11-02T09:30:00Z`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parsed = OffsetDateTime::parse(text.trim(), &Rfc3339)
            .map_err(|e| format!("`{text}` is not an RFC 3339 date-time ({e})"))?;
        // Every time must be writable in UTC too (feeds, `from_unix`): not
        // `0000-01-01T00:00:00+01:00`, which is in the year -1.
        const UTC_YEARS_0000_TO_9999: std::ops::RangeInclusive<i64> =
            -62_167_219_200..=253_402_300_799;
        if !UTC_YEARS_0000_TO_9999.contains(&parsed.unix_timestamp()) {
            return Err(format!("`{text}` is outside the years 0000-9999 in UTC"));
        }
        Ok(Self {
            unix: parsed.unix_timestamp(),
            text: text.trim().to_owned(),
        })
    }

    /// Builds a timestamp from Unix seconds, written in UTC.
    pub fn from_unix(unix: i64) -> Self {
        let text = OffsetDateTime::from_unix_timestamp(unix)
            .ok()
            .and_then(|t| t.format(&Rfc3339).ok())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
        Self { unix, text }
    }

    /// Seconds since the Unix epoch.
    pub fn unix(&self) -> i64 {
        self.unix
    }

    /// Milliseconds since the Unix epoch, as JavaScript's `Date` wants them.
    pub fn unix_millis(&self) -> f64 {
        self.unix as f64 * 1000.0
    }

    /// The RFC 3339 text, suitable for `<time datetime>`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The date in RFC 2822 form, as RSS wants it.
    pub fn rfc2822(&self) -> String {
        OffsetDateTime::from_unix_timestamp(self.unix)
            .ok()
            .and_then(|t| {
                t.format(&time::format_description::well_known::Rfc2822)
                    .ok()
            })
            .unwrap_or_default()
    }

    /// The date and time in UTC, for pages to write in the reader's
    /// language (`folio_views::i18n`). Pages are written once for every
    /// reader (at build time, and identically by the app), so the date
    /// cannot follow a reader's time zone without changing under their
    /// eyes. `None` outside what the calendar library can represent.
    pub fn civil_utc(&self) -> Option<Civil> {
        let t = OffsetDateTime::from_unix_timestamp(self.unix).ok()?;
        Some(Civil {
            year: t.year(),
            month: u8::from(t.month()),
            day: t.day(),
            hour: t.hour(),
            minute: t.minute(),
        })
    }

    /// The calendar date in UTC as `YYYY-MM-DD`, for sitemaps and fallbacks.
    pub fn date_utc(&self) -> String {
        match OffsetDateTime::from_unix_timestamp(self.unix) {
            Ok(t) if (0..=9999).contains(&t.year()) => {
                format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
            }
            // Outside what RFC 3339 can write: the date as written.
            _ => self.text.get(..10).map(str::to_owned).unwrap_or_default(),
        }
    }
}

/// A calendar date and time of day (UTC): month 1-12, day 1-31.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.unix
            .cmp(&other.unix)
            .then_with(|| self.text.cmp(&other.text))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_and_offsets_to_the_same_instant() {
        let a = Timestamp::parse("2026-11-02T09:30:00Z").unwrap();
        let b = Timestamp::parse("2026-11-02T10:30:00+01:00").unwrap();
        assert_eq!(a.unix(), b.unix());
        assert_eq!(a.unix(), 1_793_611_800);
        assert_eq!(a.as_str(), "2026-11-02T09:30:00Z");
    }

    #[test]
    fn rejects_dates_without_time_or_zone() {
        assert!(Timestamp::parse("2026-11-02").is_err());
        assert!(Timestamp::parse("2026-11-02T09:30:00").is_err());
        assert!(Timestamp::parse("yesterday").is_err());
    }

    #[test]
    fn round_trips_through_unix_seconds() {
        let t = Timestamp::from_unix(1_793_611_800);
        assert_eq!(t.as_str(), "2026-11-02T09:30:00Z");
        assert_eq!(t.date_utc(), "2026-11-02");
        assert_eq!(t.rfc2822(), "Mon, 02 Nov 2026 09:30:00 +0000");
    }

    #[test]
    fn long_dates_are_written_in_utc() {
        let t = Timestamp::parse("2026-11-02T23:30:00-02:00").unwrap();
        let c = t.civil_utc().unwrap();
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute),
            (2026, 11, 3, 1, 30)
        );
        let epoch = Timestamp::from_unix(0).civil_utc().unwrap();
        assert_eq!((epoch.year, epoch.month, epoch.day), (1970, 1, 1));
    }
}
