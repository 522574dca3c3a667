// The boundary summary: folded from the states, written and read back, and used by list only while
// the files it was folded from are unchanged.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include "boundary_summary.hpp"
#include "files.hpp"
#include "fixtures.hpp"
#include "store.hpp"

using namespace std::chrono_literals;
using tend::BoundaryEvent;
using tend::BoundarySummary;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view month_text = R"([[boundary]]
id = "a2h00"
at = 2026-11-01T20:00:00+00:00
recorded = 2026-11-01T20:00:00+00:00
event = "added"
boundary = 1
text = "Knock before coming in"
type = "physical"
with = "my brother"

[[boundary]]
id = "a2h01"
at = 2026-11-02T20:00:00+01:00
recorded = 2026-11-02T20:00:00+01:00
event = "held"
boundary = 1
of = "a2h00"

[[boundary]]
id = "a2h02"
at = 2026-11-03T20:00:00+00:00
recorded = 2026-11-03T20:00:00+00:00
event = "renegotiated"
boundary = 1
of = "a2h00"
text = "Knock and wait"

[[boundary]]
id = "a2h03"
at = 2026-11-04T20:00:00+00:00
recorded = 2026-11-04T20:00:00+00:00
event = "renegotiated"
boundary = 1
of = "a2h00"
note = "no new words this time"
)";

std::vector<tend::BoundaryState> states_of_text(std::string_view text) {
    return tend::derive_boundaries(tend::parse_month_text(std::string(text), "2026-11.toml", tend::boundary_format));
}

struct ListFixture {
    tend::test::TempDir tmp;
    fs::path data = tmp / "data";
    fs::path month = data / "devices" / "this-device" / "boundary" / "2026-11.toml";
    fs::path summary = tmp / "cache" / "boundaries";

    explicit ListFixture(std::string_view text = month_text) {
        for (fs::path dir = month.parent_path(); dir != tmp.path(); dir = dir.parent_path()) {
            fs::create_directories(dir);
            fs::permissions(dir, fs::perms::owner_all);
        }
        write(text);
    }

    void write(std::string_view text) {
        tend::test::write_bytes(month, text);
        fs::permissions(month, fs::perms::owner_read | fs::perms::owner_write);
        // Only a file unchanged for over 2 s is remembered.
        const timespec old[2] = {{1'000'000'000, 0}, {1'000'000'000, 0}};
        ::utimensat(AT_FDCWD, month.c_str(), old, 0);
    }

    std::vector<tend::BoundaryState> list(bool all = true) {
        auto t = tend::Transaction::read(data, "this-device", 50ms);
        return tend::listed_boundaries(t, summary, all);
    }
};

}  // namespace

TEST_CASE("a summary names the records with the wording, and holds none of it") {
    const auto summary = tend::summarize_boundaries(states_of_text(month_text), "stamps\n");
    REQUIRE(summary);
    REQUIRE(summary->entries.size() == 1);
    const auto& entry = summary->entries[0];
    CHECK(entry.added_id == "a2h00");
    CHECK(entry.wording_id == "a2h02");  // a renegotiation without new words keeps the last ones
    CHECK(entry.last_event == BoundaryEvent::renegotiated);
    CHECK(entry.counts[static_cast<std::size_t>(BoundaryEvent::renegotiated)] == 2);
    const std::string text = tend::serialize_summary(*summary);
    for (const auto* words : {"Knock", "brother", "physical", "no new words"})
        CHECK(text.find(words) == std::string::npos);
}

TEST_CASE("a summary reads back as it was written") {
    auto summary = tend::summarize_boundaries(states_of_text(month_text), "devices/x/boundary/2026-11.toml\t1 2\n");
    REQUIRE(summary);
    summary->entries[0].set_as = 4;
    const auto back = tend::parse_summary(tend::serialize_summary(*summary));
    REQUIRE(back);
    REQUIRE(back->entries.size() == 1);
    const auto& a = summary->entries[0];
    const auto& b = back->entries[0];
    CHECK(b.number == a.number);
    CHECK(b.set_as == 4);
    CHECK(b.added_id == a.added_id);
    CHECK(b.wording_id == a.wording_id);
    CHECK(b.retired == a.retired);
    CHECK(b.last_event == a.last_event);
    CHECK(b.last_at.instant == a.last_at.instant);
    CHECK(b.last_at.offset == a.last_at.offset);
    CHECK(b.counts == a.counts);
    CHECK(back->stamps == summary->stamps);
}

TEST_CASE("text that is not a summary is not read as one") {
    const std::string good = tend::serialize_summary(*tend::summarize_boundaries(states_of_text(month_text), ""));
    CHECK(tend::parse_summary(good));
    CHECK_FALSE(tend::parse_summary(""));
    CHECK_FALSE(tend::parse_summary("tend boundary summary 2\nfiles\n"));
    CHECK_FALSE(tend::parse_summary(good.substr(0, good.find("files\n"))));  // cut short
    std::string bad_count = good;
    bad_count.replace(bad_count.find(" 1 1 0 0 0 0 2 0"), 16, " 1 1 0 0 0 0 x 0");
    CHECK_FALSE(tend::parse_summary(bad_count));
    std::string bad_event = good;
    bad_event.replace(bad_event.find(" a2h02 0 6 "), 11, " a2h02 0 9 ");
    CHECK_FALSE(tend::parse_summary(bad_event));
}

TEST_CASE("an id that cannot be written down leaves no summary") {
    std::string text(month_text);
    text.replace(text.find("\"a2h00\""), 7, "\"a2 h0\"");
    text.replace(text.find("of = \"a2h00\""), 12, "of = \"a2 h0\"");
    CHECK_FALSE(tend::summarize_boundaries(states_of_text(text), ""));
}

TEST_CASE("list uses the summary while the files are unchanged, and makes it anew when one changes") {
    ListFixture f;
    auto first = f.list();
    REQUIRE(first.size() == 1);
    CHECK(first[0].text == "Knock and wait");
    CHECK(first[0].count(BoundaryEvent::held) == 1);
    REQUIRE(fs::exists(f.summary));

    // What the summary says is what list shows: it is read, not the records.
    std::string saved = *tend::read_file_if_exists(f.summary);
    std::string changed = saved;
    changed.replace(changed.find(" 1 1 0 0 0 0 2 0"), 16, " 1 5 0 0 0 0 2 0");
    tend::test::write_bytes(f.summary, changed);
    auto from_summary = f.list();
    REQUIRE(from_summary.size() == 1);
    CHECK(from_summary[0].count(BoundaryEvent::held) == 5);
    CHECK(from_summary[0].text == "Knock and wait");
    CHECK(from_summary[0].with == "my brother");
    CHECK(from_summary[0].type == "physical");
    CHECK(from_summary[0].added.instant == first[0].added.instant);
    CHECK(from_summary[0].last_at.offset == first[0].last_at.offset);

    // A hand edit of the month (same mtime, longer file) is seen, and the summary made anew.
    f.write(std::string(month_text) + R"(
[[boundary]]
id = "a2h04"
at = 2026-11-05T20:00:00+00:00
recorded = 2026-11-05T20:00:00+00:00
event = "retired"
boundary = 1
of = "a2h00"
)");
    auto after = f.list();
    REQUIRE(after.size() == 1);
    CHECK(after[0].retired);
    CHECK(after[0].count(BoundaryEvent::held) == 1);
    CHECK(f.list(false).empty());
    CHECK(*tend::read_file_if_exists(f.summary) != saved);
}

TEST_CASE("a summary whose records are not where it says is not trusted") {
    ListFixture f;
    (void)f.list();
    std::string saved = *tend::read_file_if_exists(f.summary);
    saved.replace(saved.find(" a2h02 "), 7, " a2h0q ");
    tend::test::write_bytes(f.summary, saved);
    const auto states = f.list();
    REQUIRE(states.size() == 1);
    CHECK(states[0].text == "Knock and wait");
}

TEST_CASE("without a summary file list reads the records") {
    ListFixture f;
    auto t = tend::Transaction::read(f.data, "this-device", 50ms);
    const auto states = tend::listed_boundaries(t, {}, true);
    REQUIRE(states.size() == 1);
    CHECK(states[0].count(BoundaryEvent::held) == 1);
    CHECK_FALSE(fs::exists(f.summary));
}
