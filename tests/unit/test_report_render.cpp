// report's renderers against golden files (tests/unit/golden/report/); TEND_UPDATE_GOLDEN=1 rewrites them.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cstdlib>

#include "aggregate.hpp"
#include "fixtures.hpp"
#include "render.hpp"
#include "render_common.hpp"
#include "test_report_fixtures.hpp"

namespace {

using report::Format;
using report::ReportData;
using report::test::day;
using tend::test::contains;
using tend::test::ScopedTz;

const std::filesystem::path golden_dir = std::filesystem::path(TEND_SOURCE_DIR) / "tests/unit/golden/report";

// Compares with the golden file, or (re)writes it when TEND_UPDATE_GOLDEN=1. Review changes by eye.
void check_golden(const std::string& name, const std::string& actual) {
    const std::filesystem::path file = golden_dir / name;
    const char* update = std::getenv("TEND_UPDATE_GOLDEN");
    if (update && std::string_view(update) == "1") {
        std::filesystem::create_directories(golden_dir);
        tend::test::write_bytes(file, actual);
        MESSAGE("rewrote " << file.string());
        return;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(file),
                    file.string() << " is missing; run the unit tests with TEND_UPDATE_GOLDEN=1 to write it");
    const std::string expected = tend::test::read_bytes(file);
    CHECK_MESSAGE(actual == expected, name << " differs from its golden file; if the change is meant, rerun "
                                              "with TEND_UPDATE_GOLDEN=1 and review the diff");
}

ReportData week(bool notes = true) {
    return report::aggregate(report::named_week("2026-W47", date::Monday), report::test::fixture_week(),
                             tend::Zone::local(), day(2026, 11, 22), tend::FeelingVocabulary::shipped({}), notes);
}

ReportData empty_week() {
    return report::aggregate(report::named_week("2026-W47", date::Monday), {}, tend::Zone::local(), day(2026, 11, 21),
                             tend::FeelingVocabulary::shipped({}), true);
}

// 200 days with a check-in every third day, so the per-day series has to be drawn in buckets.
ReportData long_range() {
    report::ReportRecords records;
    const report::Period period{report::PeriodKind::range, day(2026, 5, 6), day(2026, 11, 21),
                                "2026-05-06 to 2026-11-21"};
    int n = 0;
    for (tend::LocalDay d = period.first; d <= period.last; d += date::days{3}, ++n) {
        const std::string at = tend::format_day(d) + "T12:00:00+00:00";
        records.checkins.push_back(
            report::test::checkin("c" + std::to_string(n), at, {n % 11, (n * 3) % 11, 10 - n % 11, 5, (n * 7) % 11}));
    }
    return report::aggregate(period, records, tend::Zone::local(), day(2026, 11, 21),
                             tend::FeelingVocabulary::shipped({}), true);
}

const std::array<std::pair<Format, const char*>, 5> formats{{{Format::text, "txt"},
                                                             {Format::markdown, "md"},
                                                             {Format::json, "json"},
                                                             {Format::html, "html"},
                                                             {Format::csv, "csv"}}};

std::string render(Format format, const ReportData& data) {
    return report::render(format, data, tend::Style(false), tend::TimeStyle::offset);
}

}  // namespace

TEST_CASE("report render: a full week in every format matches its golden file") {
    ScopedTz tz("Europe/London");
    const ReportData data = week();
    for (const auto& [format, extension] : formats)
        check_golden(std::string("week.") + extension, render(format, data));
}

TEST_CASE("report render: --no-notes in every format matches its golden file, with no free text left") {
    ScopedTz tz("Europe/London");
    const ReportData data = week(false);
    for (const auto& [format, extension] : formats) {
        const std::string out = render(format, data);
        check_golden(std::string("week_no_notes.") + extension, out);
        for (const auto& text : report::test::fixture_free_texts())
            CHECK_MESSAGE(!contains(out, text), extension << ": " << text);
    }
}

TEST_CASE("report render: an empty week says so kindly in every format") {
    ScopedTz tz("Europe/London");
    const ReportData data = empty_week();
    for (const auto& [format, extension] : formats)
        check_golden(std::string("empty.") + extension, render(format, data));
    const std::string text = render(Format::text, data);
    CHECK(contains(text, "No check-ins this week."));
    CHECK(contains(text, "No breathing sessions this week."));
    CHECK_FALSE(contains(text, "streak"));
}

TEST_CASE("report render: a long range is drawn in buckets of days") {
    ScopedTz tz("Europe/London");
    const ReportData data = long_range();
    check_golden("long_range.txt", render(Format::text, data));
    check_golden("long_range.html", render(Format::html, data));
    CHECK(contains(render(Format::text, data), "per 6 days"));
    const std::string csv = render(Format::csv, data);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 201);
}

TEST_CASE("report render: text fits 80 columns and makes people's words harmless") {
    ScopedTz tz("Europe/London");
    for (const ReportData& data : {week(), week(false), empty_week(), long_range()}) {
        const std::string text = render(Format::text, data);
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = text.find('\n', start);
            const std::string line = text.substr(start, end - start);
            CHECK_MESSAGE(tend::display_width(line) <= 80, line);
            start = end + 1;
        }
        CHECK_FALSE(contains(text, "\x1b"));
        CHECK_FALSE(contains(text, "\r"));
        CHECK_FALSE(contains(text, "\u202e"));
    }
    const std::string text = render(Format::text, week());
    CHECK(contains(text, "\\x1b[31mred"));
    CHECK(contains(text, "\\u202e"));
}

TEST_CASE("report render: colour only when the style asks for it") {
    ScopedTz tz("Europe/London");
    CHECK(contains(report::render_text(week(), tend::Style(true)), "\x1b[1m"));
    CHECK_FALSE(contains(report::render_text(week(), tend::Style(false)), "\x1b"));
    for (const auto& [format, extension] : formats)
        if (format != Format::text)
            CHECK_FALSE(contains(report::render(format, week(), tend::Style(true), tend::TimeStyle::offset), "\x1b"));
}

TEST_CASE("report render: with --utc the JSON report is the same but for its times, in UTC with a Z") {
    ScopedTz tz("Europe/London");  // November: the offsets are +00:00, so only the suffix changes
    std::string expected = render(Format::json, week());
    REQUIRE(contains(expected, "+00:00\""));
    for (std::size_t at; (at = expected.find("+00:00\"")) != std::string::npos;) expected.replace(at, 7, "Z\"");
    CHECK(report::render_json(week(), tend::TimeStyle::utc) == expected);
}

TEST_CASE("report render: HTML is one page with charts and no scripts or outside links") {
    ScopedTz tz("Europe/London");
    const std::string html = render(Format::html, week());
    for (const char* banned : {"<script", "http:", "https:", "src=", "href=", "@import", "url(", "<link", "<iframe"})
        CHECK_MESSAGE(!contains(html, banned), banned);
    CHECK(std::count(html.begin(), html.end(), '\n') > 0);
    std::size_t charts = 0;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++charts;
    CHECK(charts == 5);
    CHECK(contains(html, "@media print"));
    CHECK(contains(html, "&lt;work&gt; &amp; *stars*"));
    CHECK_FALSE(contains(html, "<work>"));
}

TEST_CASE("report render: JSON carries its schema, and CSV one row per day") {
    ScopedTz tz("Europe/London");
    CHECK(render(Format::json, week()).starts_with("{\n  \"schema\": \"tend.report/2\",\n"));
    const std::string csv = render(Format::csv, week());
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 8);
    CHECK(csv.starts_with("date,checkins,mood,energy,anxiety,closeness,safety,"));
}

TEST_CASE("report render: the same data renders to the same bytes") {
    ScopedTz tz("Europe/London");
    for (const auto& [format, extension] : formats) CHECK(render(format, week()) == render(format, week()));
}

TEST_CASE("report render: formats by name and by file extension") {
    CHECK(report::format_named("markdown") == Format::markdown);
    CHECK_FALSE(report::format_named("md"));
    CHECK(report::format_for_file("week.MD") == Format::markdown);
    CHECK(report::format_for_file("/tmp/x/report.html") == Format::html);
    CHECK(report::format_for_file("a.htm") == Format::html);
    CHECK(report::format_for_file("a.csv") == Format::csv);
    CHECK(report::format_for_file("a.txt") == Format::text);
    CHECK(report::format_for_file("a.json") == Format::json);
    CHECK_FALSE(report::format_for_file("a.pdf"));
    CHECK_FALSE(report::format_for_file("report"));
}

TEST_CASE("report render: minutes read as people say them") {
    using report::shared::minutes_text;
    CHECK(minutes_text(0) == "0.0 min");
    CHECK(minutes_text(2.0 / 60) == "2 s");
    CHECK(minutes_text(0.001) == "1 s");
    CHECK(minutes_text(0.5) == "30 s");
    CHECK(minutes_text(1.5) == "1.5 min");
    CHECK(minutes_text(23.4) == "23 min");
}
