// Fuzzes the times a person types (parse_human_time) and the RFC 3339 parser, in several zones.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "error.hpp"
#include "fuzz_common.hpp"
#include "time.hpp"

using namespace std::chrono;
using tend_fuzz::check;

namespace {

// A fixed offset, east or west of UTC, with no DST.
class FixedRules : public tend::ZoneRules {
public:
    explicit FixedRules(seconds offset) : offset_(offset) {}
    seconds offset_at(tend::Instant) const override { return offset_; }

private:
    seconds offset_;
};

// Central European rules: +01:00, +02:00 from the last Sunday of March 01:00 UTC to the
// last Sunday of October 01:00 UTC, so DST gaps and overlaps are reachable.
class EuropeRules : public tend::ZoneRules {
public:
    seconds offset_at(tend::Instant instant) const override {
        const date::year year = date::year_month_day{date::floor<date::days>(instant)}.year();
        const auto change = [&](date::month month) {
            return date::sys_days{date::year_month_weekday_last{year, month, date::weekday_last{date::Sunday}}} +
                   hours{1};
        };
        const bool summer = instant >= change(date::March) && instant < change(date::October);
        return summer ? hours{2} : hours{1};
    }
};

// 2026-11-21T19:10:00Z, a Saturday; and 2026-03-29T00:30:00Z, half an hour before a DST change.
constexpr tend::Instant nows[] = {tend::Instant{seconds{1'795'288'200}}, tend::Instant{seconds{1'774'744'200}}};

const FixedRules utc{seconds{0}};
const FixedRules west{-(hours{9} + minutes{30})};
const EuropeRules europe;

tend::Zone zone_for(std::uint8_t choice) {
    switch (choice % 4) {
        case 0:
            return tend::Zone(&utc);
        case 1:
            return tend::Zone(&west);
        case 2:
            return tend::Zone(&europe);
        default:
            return tend::Zone::local();  // TZ, set below to POSIX rules with a midnight DST change
    }
}

// What RFC 3339 can write: years 0000 to 9999 with offsets up to a day, so one day either side.
bool in_rfc3339_range(tend::Instant instant) {
    constexpr tend::Instant first{date::sys_days{date::year{0} / 1 / 1} - date::days{1}};
    constexpr tend::Instant last{date::sys_days{date::year{10000} / 1 / 1} + date::days{1}};
    return instant >= first && instant <= last;
}

// Years 0001 to 9998: whatever the offset, the local date has four digits.
bool in_four_digit_years(tend::Instant instant) {
    constexpr tend::Instant first{date::sys_days{date::year{1} / 1 / 2}};
    constexpr tend::Instant last{date::sys_days{date::year{9998} / 12 / 30}};
    return instant >= first && instant <= last;
}

void check_rfc3339(std::string_view text) {
    tend::OffsetTime parsed;
    try {
        parsed = tend::parse_rfc3339(text, "fuzz");
    } catch (const tend::Error&) {
        return;
    }
    const std::string formatted = tend::format_rfc3339(parsed);
    const tend::OffsetTime again = tend::parse_rfc3339(formatted, "fuzz (formatted)");
    check(again.instant == parsed.instant && again.offset == parsed.offset, "rfc3339 reparse", formatted);
    check(tend::format_rfc3339(again) == formatted, "rfc3339 format is stable", formatted);
    // --utc's form: the same instant, with a Z and no fraction (which jq's fromdateiso8601 reads), or
    // as it was when UTC is in a year RFC 3339 cannot write.
    const std::string utc = tend::format_rfc3339(parsed, tend::TimeStyle::utc);
    const tend::OffsetTime back = tend::parse_rfc3339(utc, "fuzz (utc)");
    check(back.instant == parsed.instant && (utc == formatted || (utc.size() == 20 && utc.back() == 'Z')),
          "rfc3339 in UTC", utc);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setenv("TZ", "<-04>4<-03>,M9.1.0/0,M4.1.0/0", 1);  // Chile-like: DST starts at midnight
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::uint8_t choice = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const tend::Zone zone = zone_for(choice);
    const tend::Instant now = nows[(choice >> 2) & 1];

    check_rfc3339(text);

    // The same text read as a moment, a start and an end: all accepted or all refused, in order.
    tend::Instant at[3];
    int accepted = 0;
    const tend::DayMeaning meanings[] = {tend::DayMeaning::start, tend::DayMeaning::moment, tend::DayMeaning::end};
    for (int i = 0; i < 3; ++i) {
        try {
            at[i] = tend::parse_human_time(text, "--at", now, zone, meanings[i]);
            ++accepted;
        } catch (const tend::Error& e) {
            check(e.code() == tend::Exit::usage, "human time refused with a usage error", e.what());
        }
    }
    check(accepted == 0 || accepted == 3, "every meaning accepts the same texts", text);
    if (accepted == 0) return 0;
    check(at[0] <= at[1] && at[1] <= at[2], "start <= moment <= end", text);
    for (const tend::Instant instant : at) {
        check(in_rfc3339_range(instant), "an accepted time can be written in RFC 3339", text);
        if (!in_four_digit_years(instant)) continue;
        const std::string formatted = tend::format_rfc3339(tend::in_zone(instant, zone));
        check(tend::parse_rfc3339(formatted, "fuzz").instant == instant, "accepted time formats and reparses",
              formatted);
    }
    return 0;
}
