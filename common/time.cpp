// Zones, "now", RFC 3339 and the human time forms.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "time.hpp"

#include <date/iso_week.h>
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>
#include <ctime>
#include <optional>

#include "error.hpp"
#include "terminal.hpp"

namespace tend {
using namespace std::chrono;

Zone Zone::local() {
    return Zone(nullptr);
}

seconds Zone::offset_at(Instant instant) const {
    if (rules_) return rules_->offset_at(instant);
    const std::time_t t = instant.time_since_epoch().count();
    std::tm parts{};
    if (!localtime_r(&t, &parts)) return seconds{0};
    return seconds{parts.tm_gmtoff};
}

Instant Zone::to_instant(LocalTime local) const {
    // The offsets a day either side of the wall-clock time bracket any single DST change.
    const Instant naive{local.time_since_epoch()};
    const seconds before = offset_at(naive - hours{24});
    const seconds after = offset_at(naive + hours{24});
    std::optional<Instant> best;
    for (const seconds offset : {before, after}) {
        const Instant candidate = naive - offset;
        if (offset_at(candidate) == offset && (!best || candidate < *best)) best = candidate;
    }
    if (best) return *best;
    return naive - before;  // in a gap: read with the offset from before it, i.e. moved forward
}

Instant current_instant(const Io& io) {
    if (auto fixed = io.getenv_nonempty("TEND_NOW")) return parse_rfc3339(*fixed, "TEND_NOW").instant;
    return floor<seconds>(io.clock());
}

OffsetTime in_zone(Instant instant, const Zone& zone) {
    return {instant, duration_cast<minutes>(zone.offset_at(instant))};
}

std::string format_day(LocalDay day) {
    const date::year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string format_local_minutes(LocalTime local) {
    const LocalDay day = date::floor<date::days>(local);
    const date::hh_mm_ss<seconds> clock{local - day};
    return fmt::format("{} {:02}:{:02}", format_day(day), clock.hours().count(), clock.minutes().count());
}

std::string format_rfc3339(const OffsetTime& time, TimeStyle style) {
    const LocalTime in_utc{time.instant.time_since_epoch()};
    const int utc_year = static_cast<int>(date::year_month_day{date::floor<date::days>(in_utc)}.year());
    // RFC 3339 has four-digit years: a hand-typed 9999-12-31T23:30:00-01:00 is in the year
    // 10000 in UTC, so it keeps its offset, a time every reader still reads.
    const bool utc = style == TimeStyle::utc && utc_year >= 0 && utc_year <= 9999;
    const LocalTime local = utc ? in_utc : time.local();
    const LocalDay day = date::floor<date::days>(local);
    const date::hh_mm_ss<seconds> clock{local - day};
    const std::string stamp = fmt::format("{}T{:02}:{:02}:{:02}", format_day(day), clock.hours().count(),
                                          clock.minutes().count(), clock.seconds().count());
    if (utc) return stamp + 'Z';
    const auto offset = time.offset.count();
    const auto magnitude = offset < 0 ? -offset : offset;
    return fmt::format("{}{}{:02}:{:02}", stamp, offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
}

namespace {

// A small cursor over typed text, for the fixed-width fields of dates and times.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}
    bool done() const { return pos_ == text_.size(); }
    bool eat(char c) {
        if (pos_ < text_.size() && text_[pos_] == c) return ++pos_, true;
        return false;
    }
    bool eat_any(std::string_view chars) {
        if (pos_ < text_.size() && chars.find(text_[pos_]) != std::string_view::npos) return ++pos_, true;
        return false;
    }
    std::optional<int> digits(std::size_t count) {
        if (pos_ + count > text_.size()) return std::nullopt;
        int value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = text_[pos_ + i];
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
            value = value * 10 + (c - '0');
        }
        pos_ += count;
        return value;
    }
    void skip_digits() {
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    std::string_view rest() const { return text_.substr(pos_); }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

std::optional<LocalDay> scan_date(Scanner& s) {
    const auto y = s.digits(4);
    if (!y || !s.eat('-')) return std::nullopt;
    const auto m = s.digits(2);
    if (!m || !s.eat('-')) return std::nullopt;
    const auto d = s.digits(2);
    if (!d) return std::nullopt;
    const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return LocalDay{ymd};
}

// hh:mm or hh:mm:ss; a one-digit hour is allowed for what people type (9:30).
std::optional<seconds> scan_clock(Scanner& s, bool allow_short_hour) {
    auto h = s.digits(2);
    if (!h && allow_short_hour) h = s.digits(1);
    if (!h || !s.eat(':')) return std::nullopt;
    const auto m = s.digits(2);
    if (!m) return std::nullopt;
    int sec = 0;
    if (s.eat(':')) {
        const auto parsed = s.digits(2);
        if (!parsed) return std::nullopt;
        sec = *parsed;
    }
    if (*h > 23 || *m > 59 || sec > 59) return std::nullopt;
    return hours{*h} + minutes{*m} + seconds{sec};
}

std::optional<OffsetTime> try_parse_rfc3339(std::string_view text) {
    Scanner s(text);
    const auto day = scan_date(s);
    if (!day || !s.eat_any("Tt ")) return std::nullopt;
    const auto clock = scan_clock(s, false);
    if (!clock) return std::nullopt;
    if (s.eat('.')) s.skip_digits();
    minutes offset{0};
    if (!s.eat_any("Zz")) {
        const bool negative = s.rest().starts_with('-');
        if (!s.eat_any("+-")) return std::nullopt;
        const auto oh = s.digits(2);
        if (!oh || !s.eat(':')) return std::nullopt;
        const auto om = s.digits(2);
        if (!om || *oh > 23 || *om > 59) return std::nullopt;
        offset = minutes{(*oh * 60 + *om) * (negative ? -1 : 1)};
    }
    if (!s.done()) return std::nullopt;
    const LocalTime local{*day + *clock};
    return OffsetTime{Instant{local.time_since_epoch() - offset}, offset};
}

// -2h, -30m, -1d, -1h30m: a span back from now. Each amount is digits only (from_chars would
// take a sign: "--1d" read as a day ahead, and a huge one overflowed), and the whole span is at
// most 100000 days, so that the time stays one RFC 3339 can write.
std::optional<seconds> parse_relative(std::string_view text) {
    if (text.size() < 3 || text[0] != '-') return std::nullopt;
    seconds total{0};
    std::size_t pos = 1;
    while (pos < text.size()) {
        if (!std::isdigit(static_cast<unsigned char>(text[pos]))) return std::nullopt;
        long long amount = 0;
        const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), amount);
        if (ec != std::errc{} || end == text.data() + text.size() || amount > 100000) return std::nullopt;
        pos = static_cast<std::size_t>(end - text.data());
        switch (text[pos++]) {
            case 'd':
                total += days{amount};
                break;
            case 'h':
                total += hours{amount};
                break;
            case 'm':
                total += minutes{amount};
                break;
            case 's':
                total += seconds{amount};
                break;
            default:
                return std::nullopt;
        }
        if (total > days{100000}) return std::nullopt;
    }
    return total;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

Instant day_as(LocalDay day, DayMeaning meaning, Instant now, const Zone& zone) {
    switch (meaning) {
        case DayMeaning::start:
            return zone.start_of_day(day);
        case DayMeaning::end:
            return zone.start_of_day(day + date::days{1}) - seconds{1};
        case DayMeaning::moment:
            if (day == zone.day_of(now)) return now;
            return zone.to_instant(LocalTime{day} + hours{12});
    }
    return now;
}

}  // namespace

std::optional<date::weekday> parse_weekday(std::string_view text) {
    const std::string word = lower(text);
    for (unsigned i = 0; i < weekday_names.size(); ++i) {
        const std::string_view name = weekday_names[i];
        if (word == name || (word.size() == 3 && name.starts_with(word))) return date::weekday{i};
    }
    return std::nullopt;
}

OffsetTime parse_rfc3339(std::string_view text, std::string_view what) {
    if (auto parsed = try_parse_rfc3339(text)) return *parsed;
    usage_error(fmt::format("{}: '{}' is not an RFC 3339 time like 2026-11-21T19:10:00+01:00", what, neutralize(text)));
}

Instant parse_human_time(std::string_view text, std::string_view flag, Instant now, const Zone& zone,
                         DayMeaning meaning) {
    const std::string word = lower(text);
    const LocalDay today = zone.day_of(now);

    if (word == "now") return now;
    if (word == "today") return day_as(today, meaning, now, zone);
    if (word == "yesterday") return day_as(today - date::days{1}, meaning, now, zone);
    if (auto back = parse_relative(word)) return now - *back;
    if (auto weekday = parse_weekday(word)) {
        const LocalDay day = today - (date::weekday{today} - *weekday);
        return day_as(day, meaning, now, zone);
    }
    if (auto full = try_parse_rfc3339(word)) return full->instant;

    Scanner s(word);
    if (word.starts_with("yesterday ")) {
        Scanner clock_part(std::string_view(word).substr(10));
        if (auto clock = scan_clock(clock_part, true); clock && clock_part.done())
            return zone.to_instant(LocalTime{today - date::days{1}} + *clock);
    } else if (auto day = scan_date(s)) {
        if (s.done()) return day_as(*day, meaning, now, zone);
        if (s.eat_any("t ")) {
            if (auto clock = scan_clock(s, true); clock && s.done()) return zone.to_instant(LocalTime{*day} + *clock);
        }
    } else {
        Scanner clock_part(word);
        if (auto clock = scan_clock(clock_part, true); clock && clock_part.done()) {
            // A bare time is the most recent one: 23:00 typed just after midnight means last night.
            const Instant at_today = zone.to_instant(LocalTime{today} + *clock);
            if (at_today <= now) return at_today;
            return zone.to_instant(LocalTime{today - date::days{1}} + *clock);
        }
    }
    usage_error(
        fmt::format("{}: '{}' is not a time I understand; try now, today, yesterday 21:00, 21:00, -2h, "
                    "2026-11-20, 2026-11-20T21:00 or mon",
                    flag, neutralize(text)));
}

std::string month_key(LocalDay day) {
    const date::year_month_day ymd{day};
    return month_key(ymd.year() / ymd.month());
}

std::string month_key(date::year_month month) {
    return fmt::format("{:04}-{:02}", static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
}

std::vector<date::year_month> months_spanning(LocalDay first, LocalDay last) {
    std::vector<date::year_month> months;
    const date::year_month_day a{first};
    const date::year_month_day b{last};
    for (date::year_month ym{a.year(), a.month()}; ym <= date::year_month{b.year(), b.month()}; ym += date::months{1})
        months.push_back(ym);
    return months;
}

IsoWeek iso_week_of(LocalDay day) {
    const iso_week::year_weeknum_weekday iso{day};
    return {static_cast<int>(iso.year()), static_cast<unsigned>(iso.weeknum())};
}

LocalDay iso_week_start(IsoWeek week) {
    const iso_week::year_weeknum_weekday iso{iso_week::year{week.year}, iso_week::weeknum{week.week}, iso_week::mon};
    if (!iso.ok()) usage_error(fmt::format("week {}-W{:02}: {} has no such week", week.year, week.week, week.year));
    return LocalDay{iso};
}

}  // namespace tend
