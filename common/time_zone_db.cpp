// Zone::named: a zone read straight from its file in the system tz database (TZif, RFC 8536).
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading the file here, instead of through libdate-tz, keeps that library (and the shared
// libstdc++ it needs) out of checkin's start-up: only `checkin import --tz` reads a zone file,
// and then only the one it names. The file's transitions answer for the instants they cover;
// after the last one, its footer's POSIX TZ rule does (slim files rely on it from the 1990s on).
#include <fmt/format.h>

#include "error.hpp"
#include "terminal.hpp"
#include "time.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace tend {
namespace {
using namespace std::chrono;

// A POSIX TZ rule, e.g. "GMT0BST,M3.5.0/1,M10.5.0": the footer of a TZif file.
struct PosixRule {
    // When DST starts or ends within a year: a day of the year and the local time on it.
    struct Change {
        enum class Kind { julian_no_leap, zero_based, month_week_day } kind = Kind::month_week_day;
        int day = 0;  // Jn: 1..365; n: 0..365; Mm.w.d: d (0 = Sunday)
        int month = 0, week = 0;
        seconds time{2h};
    };
    seconds std_offset{0};  // east of UTC, as tend counts (POSIX counts west)
    std::optional<seconds> dst_offset;
    Change start, end;

    seconds offset_at(Instant instant) const;
};

class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    std::optional<long> number() {
        if (at_end() || peek() < '0' || peek() > '9') return std::nullopt;
        long value = 0;
        while (!at_end() && peek() >= '0' && peek() <= '9' && value < 1000000)
            value = value * 10 + (text_[pos_++] - '0');
        return value;
    }
    // A zone abbreviation: letters, or anything but '>' between '<' and '>'.
    bool name() {
        if (eat('<')) {
            while (!at_end() && peek() != '>') ++pos_;
            return eat('>');
        }
        const std::size_t first = pos_;
        while (!at_end() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))) ++pos_;
        return pos_ - first >= 3;
    }
    // [+-]hh[:mm[:ss]], hours up to 167 (RFC 8536's extension for transition times).
    std::optional<seconds> hms() {
        const bool negative = eat('-');
        if (!negative) eat('+');
        auto h = number();
        if (!h || *h > 167) return std::nullopt;
        long total = *h * 3600;
        for (long scale : {60L, 1L}) {
            if (!eat(':')) break;
            auto part = number();
            if (!part || *part > 59) return std::nullopt;
            total += *part * scale;
        }
        return seconds{negative ? -total : total};
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

std::optional<PosixRule::Change> parse_change(Reader& in) {
    PosixRule::Change change;
    if (in.eat('M')) {
        change.kind = PosixRule::Change::Kind::month_week_day;
        auto month = in.number();
        if (!month || *month < 1 || *month > 12 || !in.eat('.')) return std::nullopt;
        auto week = in.number();
        if (!week || *week < 1 || *week > 5 || !in.eat('.')) return std::nullopt;
        auto day = in.number();
        if (!day || *day > 6) return std::nullopt;
        change.month = static_cast<int>(*month);
        change.week = static_cast<int>(*week);
        change.day = static_cast<int>(*day);
    } else {
        const bool julian = in.eat('J');
        auto day = in.number();
        if (!day || *day > 365 || (julian && *day < 1)) return std::nullopt;
        change.kind = julian ? PosixRule::Change::Kind::julian_no_leap : PosixRule::Change::Kind::zero_based;
        change.day = static_cast<int>(*day);
    }
    if (in.eat('/')) {
        auto time = in.hms();
        if (!time) return std::nullopt;
        change.time = *time;
    }
    return change;
}

std::optional<PosixRule> parse_posix_rule(std::string_view text) {
    Reader in(text);
    PosixRule rule;
    if (!in.name()) return std::nullopt;
    auto std_offset = in.hms();
    if (!std_offset) return std::nullopt;
    rule.std_offset = -*std_offset;
    if (in.at_end()) return rule;
    if (!in.name()) return std::nullopt;
    rule.dst_offset = rule.std_offset + 1h;
    if (!in.at_end() && in.peek() != ',') {
        auto dst_offset = in.hms();
        if (!dst_offset) return std::nullopt;
        rule.dst_offset = -*dst_offset;
    }
    if (in.at_end()) {
        // POSIX leaves the default rule to the implementation; glibc's is the US one.
        rule.start = {PosixRule::Change::Kind::month_week_day, 0, 3, 2, 2h};
        rule.end = {PosixRule::Change::Kind::month_week_day, 0, 11, 1, 2h};
        return rule;
    }
    if (!in.eat(',')) return std::nullopt;
    auto start = parse_change(in);
    if (!start || !in.eat(',')) return std::nullopt;
    auto end = parse_change(in);
    if (!end || !in.at_end()) return std::nullopt;
    rule.start = *start;
    rule.end = *end;
    return rule;
}

// The local midnight that starts the change's day in year y, as days since the epoch.
date::sys_days change_day(const PosixRule::Change& change, int y) {
    const date::year year{y};
    const date::sys_days jan1{year / date::January / 1};
    switch (change.kind) {
        case PosixRule::Change::Kind::julian_no_leap:
            // Jn counts 1..365 and never names February 29th.
            return jan1 + date::days{change.day - 1 + (year.is_leap() && change.day >= 60 ? 1 : 0)};
        case PosixRule::Change::Kind::zero_based:
            return jan1 + date::days{change.day};
        case PosixRule::Change::Kind::month_week_day:
            break;
    }
    const date::month month{static_cast<unsigned>(change.month)};
    const date::sys_days first{year / month / 1};
    const date::weekday wanted{static_cast<unsigned>(change.day)};
    date::sys_days day = first + (wanted - date::weekday{first}) + date::days{7 * (change.week - 1)};
    // Week 5 is the last such weekday of the month, which may be the fourth.
    while (date::year_month_day{day}.month() != month) day -= date::days{7};
    return day;
}

seconds PosixRule::offset_at(Instant instant) const {
    if (!dst_offset) return std_offset;
    // The year of the instant's standard local time; the changes are local times in that year,
    // the start read in standard time and the end in DST.
    const int y = static_cast<int>(date::year_month_day{floor<date::days>(instant + std_offset)}.year());
    const Instant starts = change_day(start, y) + start.time - std_offset;
    const Instant ends = change_day(end, y) + end.time - *dst_offset;
    const bool in_dst = starts < ends ? (instant >= starts && instant < ends) : !(instant >= ends && instant < starts);
    return in_dst ? *dst_offset : std_offset;
}

class FileZone final : public ZoneRules {
public:
    FileZone(std::vector<std::int64_t> transitions, std::vector<std::uint8_t> types, std::vector<seconds> offsets,
             std::optional<PosixRule> footer)
        : transitions_(std::move(transitions)),
          types_(std::move(types)),
          offsets_(std::move(offsets)),
          footer_(std::move(footer)) {}

    seconds offset_at(Instant instant) const override {
        const std::int64_t t = instant.time_since_epoch().count();
        const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), t);
        if (after == transitions_.end() && footer_) return footer_->offset_at(instant);
        // Before the first transition: the first local time type (RFC 8536, 3.2).
        if (after == transitions_.begin()) return offsets_.front();
        return offsets_[types_[static_cast<std::size_t>(after - transitions_.begin() - 1)]];
    }

private:
    std::vector<std::int64_t> transitions_;
    std::vector<std::uint8_t> types_;  // the local time type from each transition on
    std::vector<seconds> offsets_;     // each local time type's UTC offset
    std::optional<PosixRule> footer_;
};

class Bytes {
public:
    explicit Bytes(std::string_view data) : data_(data) {}
    bool has(std::size_t n) const { return data_.size() - pos_ >= n; }
    std::string_view take(std::size_t n) {
        const auto part = data_.substr(pos_, n);
        pos_ += n;
        return part;
    }
    std::int64_t integer(std::size_t width) {  // big-endian, two's complement
        std::uint64_t value = 0;
        for (const char c : take(width)) value = value << 8 | static_cast<unsigned char>(c);
        if (width < 8 && (value >> (8 * width - 1))) value |= ~std::uint64_t{0} << (8 * width);
        return static_cast<std::int64_t>(value);
    }
    std::string_view rest() const { return data_.substr(pos_); }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
};

// A TZif file's rules, or nothing when the bytes are not a TZif file this reader understands.
std::unique_ptr<FileZone> parse_tzif(std::string_view data) {
    Bytes in(data);
    struct Counts {
        std::int64_t isut, isstd, leap, time, type, chars;
    };
    auto header = [&in]() -> std::optional<std::pair<char, Counts>> {
        if (!in.has(44) || in.take(4) != "TZif") return std::nullopt;
        const char version = in.take(1)[0];
        in.take(15);
        Counts c{in.integer(4), in.integer(4), in.integer(4), in.integer(4), in.integer(4), in.integer(4)};
        if (c.isut < 0 || c.isstd < 0 || c.leap < 0 || c.time < 0 || c.type < 1 || c.type > 256 || c.chars < 0)
            return std::nullopt;
        return std::pair{version, c};
    };
    auto first = header();
    if (!first) return nullptr;
    std::size_t width = 4;
    Counts c = first->second;
    auto block_size = [](const Counts& n, std::size_t time_width) {
        return static_cast<std::size_t>(n.time) * (time_width + 1) + static_cast<std::size_t>(n.type) * 6 +
               static_cast<std::size_t>(n.chars) + static_cast<std::size_t>(n.leap) * (time_width + 4) +
               static_cast<std::size_t>(n.isstd + n.isut);
    };
    if (first->first >= '2') {
        // Version 2 and later repeat the data with 64-bit times, then add the footer.
        if (!in.has(block_size(c, 4))) return nullptr;
        in.take(block_size(c, 4));
        auto second = header();
        if (!second) return nullptr;
        c = second->second;
        width = 8;
    }
    if (!in.has(block_size(c, width))) return nullptr;
    std::vector<std::int64_t> transitions;
    for (std::int64_t i = 0; i < c.time; ++i) transitions.push_back(in.integer(width));
    if (!std::is_sorted(transitions.begin(), transitions.end())) return nullptr;
    std::vector<std::uint8_t> types;
    for (std::int64_t i = 0; i < c.time; ++i) {
        const auto type = static_cast<std::uint8_t>(in.integer(1));
        if (type >= c.type) return nullptr;
        types.push_back(type);
    }
    std::vector<seconds> offsets;
    for (std::int64_t i = 0; i < c.type; ++i) {
        offsets.emplace_back(in.integer(4));
        in.take(2);  // is-DST and the abbreviation's index: tend shows offsets, not names
    }
    in.take(block_size(c, width) - static_cast<std::size_t>(c.time) * (width + 1) -
            static_cast<std::size_t>(c.type) * 6);
    std::optional<PosixRule> footer;
    if (width == 8) {
        const std::string_view rest = in.rest();
        if (rest.size() < 2 || rest.front() != '\n') return nullptr;
        const std::string_view rule = rest.substr(1, rest.find('\n', 1) - 1);
        if (!rule.empty()) {
            footer = parse_posix_rule(rule);
            if (!footer) return nullptr;
        }
    }
    return std::make_unique<FileZone>(std::move(transitions), std::move(types), std::move(offsets), std::move(footer));
}

// A name as the tz database spells them ("America/Argentina/Buenos_Aires", "Etc/GMT+5"): never
// a path out of the database's directory.
bool plausible_zone_name(std::string_view name) {
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
    for (const char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                        c == '_' || c == '-' || c == '+' || c == '.';
        if (!ok) return false;
    }
    return name.find("..") == std::string_view::npos && name.find("//") == std::string_view::npos;
}

std::unique_ptr<FileZone> load_zone(std::string_view name) {
    if (!plausible_zone_name(name)) return nullptr;
    const std::filesystem::path path = fmt::format("/usr/share/zoneinfo/{}", name);
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return nullptr;  // "Europe" is a directory
    std::ifstream file(path, std::ios::binary);
    if (!file) return nullptr;
    const std::string data{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (file.bad()) return nullptr;
    return parse_tzif(data);
}

}  // namespace

Zone Zone::named(std::string_view name) {
    // Each zone is read once and lives as long as the process, as Zone's rules must.
    static std::mutex guard;
    static std::map<std::string, std::unique_ptr<FileZone>, std::less<>> zones;
    const std::lock_guard lock(guard);
    auto found = zones.find(name);
    if (found == zones.end()) {
        auto zone = load_zone(name);
        if (!zone) usage_error(fmt::format("time zone '{}': not in the system tz database", neutralize(name)));
        found = zones.emplace(std::string(name), std::move(zone)).first;
    }
    return Zone(found->second.get());
}

}  // namespace tend
