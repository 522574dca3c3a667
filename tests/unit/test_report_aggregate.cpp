// report's aggregation on fixed records: counts, means, changes, rankings, boundaries, prompts, practice.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cmath>

#include "aggregate.hpp"
#include "fixtures.hpp"
#include "test_report_fixtures.hpp"

namespace {

using report::Count;
using report::ReportData;
using report::test::day;
using tend::test::ScopedTz;

ReportData fixture(bool notes = true, tend::LocalDay today = day(2026, 11, 22)) {
    const report::Period week = report::named_week("2026-W47", date::Monday);
    return report::aggregate(week, report::test::fixture_week(), tend::Zone::local(), today,
                             tend::FeelingVocabulary::shipped({}), notes);
}

bool near(std::optional<double> value, double expected) {
    return value && std::abs(*value - expected) < 1e-9;
}

}  // namespace

TEST_CASE("report aggregate: check-in counts, means, extremes and the change from the week before") {
    ScopedTz tz("Europe/London");
    const ReportData data = fixture();
    CHECK(data.checkins.count == 6);
    CHECK(data.checkins.previous_count == 3);
    const auto& mood = data.checkins.dimensions[0];
    CHECK(mood.name == "mood");
    CHECK(mood.count == 6);
    CHECK(near(mood.mean, (6 + 7 + 5 + 8 + 6 + 7) / 6.0));
    CHECK(mood.min == 5);
    CHECK(mood.max == 8);
    CHECK(near(mood.previous_mean, 5.0));
    CHECK(near(mood.change, 39 / 6.0 - 5.0));
    const auto& energy = data.checkins.dimensions[1];
    CHECK(energy.count == 4);
    CHECK(energy.previous_count == 2);
    const auto& anxiety = data.checkins.dimensions[2];
    CHECK(anxiety.higher_is_harder);
    CHECK(near(anxiety.mean, (5 + 7 + 2 + 4 + 3) / 5.0));
    CHECK(near(anxiety.change, 21 / 5.0 - 6.0));
}

TEST_CASE("report aggregate: per-day means, gaps and the day of a late check-in") {
    ScopedTz tz("Europe/London");
    const ReportData data = fixture();
    REQUIRE(data.days.size() == 7);
    CHECK(near(data.days[0].means[0], 6.5));  // two check-ins on Monday
    CHECK(data.days[0].checkins == 2);
    CHECK_FALSE(data.days[2].means[0]);  // nothing on Wednesday
    CHECK(data.days[6].checkins == 1);   // 23:30 on Sunday is Sunday; 00:00:30 on Monday is not
    CHECK_FALSE(data.days[6].means[1]);
}

TEST_CASE("report aggregate: feelings and tags rank by count, then by name") {
    ScopedTz tz("Europe/London");
    const ReportData data = fixture();
    CHECK(data.checkins.feelings ==
          std::vector<Count>{
              {"tired", 3}, {"calm", 2}, {"close", 1}, {"grateful", 1}, {"hopeful", 1}, {"tense", 1}, {"wobbly", 1}});
    CHECK(data.checkins.tags == std::vector<Count>{{"home", 2}, {"work", 2}, {"partner", 1}});
    // Groups follow the vocabulary's order; a word it does not know counts as "other".
    CHECK(data.checkins.feeling_groups ==
          std::vector<Count>{{"bright", 2}, {"settled", 3}, {"stirred", 1}, {"heavy", 3}, {"other", 1}});
}

TEST_CASE("report aggregate: notes are kept in time order, and none without notes") {
    ScopedTz tz("Europe/London");
    const ReportData data = fixture();
    REQUIRE(data.checkins.notes.size() == 3);
    CHECK(data.checkins.notes[0].text == "Slept badly; talked it through at breakfast.");
    CHECK(tend::format_rfc3339(data.checkins.notes[0].at) == "2026-11-16T08:10:00+00:00");
    const ReportData bare = fixture(false);
    CHECK(bare.checkins.notes.empty());
    CHECK(bare.boundaries.notes.empty());
    for (const auto& boundary : bare.boundaries.boundaries) CHECK_FALSE(boundary.text);
    // An answer's prompt id and deck name can say what it was about: only the count stays.
    CHECK(bare.prompts.answers.empty());
    CHECK(bare.prompts.answered == data.prompts.answered);
    CHECK(bare.checkins.tags.empty());
    CHECK(bare.checkins.count == data.checkins.count);
}

TEST_CASE("report aggregate: breathing sessions, minutes, patterns and distress before and after") {
    ScopedTz tz("Europe/London");
    const auto& breathing = fixture().breathing;
    CHECK(breathing.sessions == 3);
    CHECK(breathing.previous_sessions == 1);
    CHECK(near(breathing.minutes, (180 + 240 + 90) / 60.0));
    CHECK(breathing.ended_early == 1);
    REQUIRE(breathing.patterns.size() == 2);
    CHECK(breathing.patterns[0].name == "calm");
    CHECK(breathing.patterns[0].sessions == 2);
    CHECK(near(breathing.patterns[0].minutes, 4.5));
    CHECK(breathing.patterns[1].name == "box");
    CHECK(breathing.rated_before == 3);
    CHECK(breathing.rated_after == 2);
    CHECK(breathing.rated_both == 2);
    CHECK(near(breathing.mean_before, 20 / 3.0));
    CHECK(near(breathing.mean_after, 3.5));
    CHECK(near(breathing.mean_change, -2.5));  // (4-7 + 3-5) / 2
}

TEST_CASE("report aggregate: exercises apart from breathing, each with distress before and after") {
    ScopedTz tz("Europe/London");
    const ReportData data = fixture();
    const auto& section = data.exercises;
    CHECK(section.sessions == 3);
    CHECK(section.previous_sessions == 1);
    CHECK(near(section.minutes, (217 + 70 + 217) / 60.0));
    CHECK(section.ended_early == 1);
    REQUIRE(section.exercises.size() == 2);
    const auto& grounding = section.exercises[0];
    CHECK(grounding.name == "grounding");
    CHECK(grounding.sessions == 2);
    CHECK(grounding.rated_both == 2);
    CHECK(near(grounding.mean_before, 7.0));  // 8 and 6
    CHECK(near(grounding.mean_after, 4.5));   // 5 and 4
    CHECK(near(grounding.mean_change, -2.5));
    const auto& muscles = section.exercises[1];
    CHECK(muscles.name == "muscles");
    CHECK(muscles.ended_early == 1);
    CHECK(muscles.rated_both == 0);
    CHECK_FALSE(muscles.mean_change);
    // Per day: the Tuesday had a breath and an exercise, counted apart; both are practice.
    CHECK(data.days[1].breathe_sessions == 1);
    CHECK(data.days[1].exercise_sessions == 1);
    CHECK(near(data.days[1].exercise_minutes, 217 / 60.0));
}

TEST_CASE("report aggregate: boundary events by kind, held against crossed, the most tested") {
    ScopedTz tz("Europe/London");
    const auto& section = fixture().boundaries;
    CHECK(section.events == 6);
    REQUIRE(section.by_kind.size() == 8);
    CHECK(section.by_kind[0] == Count{"added", 0});
    CHECK(section.by_kind[1] == Count{"held", 1});
    CHECK(section.by_kind[2] == Count{"tested", 2});
    CHECK(section.by_kind[3] == Count{"crossed", 1});
    CHECK(section.held == 1);
    CHECK(section.crossed == 1);
    CHECK(section.violated == 0);
    REQUIRE(section.boundaries.size() == 3);
    // Boundaries 1 and 2 were tested once each; 2 was also crossed, so it was tested more.
    REQUIRE(section.most_tested);
    CHECK(section.most_tested->number == 2);
    // Wording: 1 was added before anything read (number only); 2 in the week before; 3 renegotiated.
    CHECK_FALSE(section.boundaries[0].text);
    CHECK(section.boundaries[1].text == "I keep my phone out of the bedroom");
    CHECK(section.boundaries[2].text == "We talk about money on Sundays, not at night.");
    CHECK(section.boundaries[1].events == std::vector<Count>{{"tested", 1}, {"crossed", 1}, {"repaired", 1}});
    REQUIRE(section.notes.size() == 2);
    CHECK(section.notes[1].context == "boundary 2, crossed");
}

TEST_CASE("report aggregate: an unknown boundary event is a data error naming its file and id") {
    ScopedTz tz("Europe/London");
    report::ReportRecords records;
    records.boundaries = {report::test::boundary("dq0zz", "2026-11-18T10:00:00+00:00", "shouted", 1)};
    const auto error = tend::test::error_from([&] {
        report::aggregate(report::named_week("2026-W47", date::Monday), records, tend::Zone::local(), day(2026, 11, 22),
                          tend::FeelingVocabulary::shipped({}), true);
    });
    REQUIRE(error);
    CHECK(error->code() == tend::Exit::data);
    CHECK(tend::test::contains(error->what(), "boundary/2026-11.toml"));
    CHECK(tend::test::contains(error->what(), "dq0zz"));
}

TEST_CASE("report aggregate: prompts answered, skipped, shown and kept, and days with practice") {
    ScopedTz tz("Europe/London");
    const ReportData data = fixture();
    CHECK(data.prompts.shown == 2);
    CHECK(data.prompts.answered == 1);
    CHECK(data.prompts.skipped == 1);
    CHECK(data.prompts.favourited == 1);
    REQUIRE(data.prompts.answers.size() == 1);
    CHECK(data.prompts.answers[0].prompt_id == "reveal-003");
    CHECK(data.prompts.answers[0].answer == "I was proud that I asked for a pause.\nIt felt strange, and it helped.");
    // Every day but Wednesday had something; a prompt only shown would not count.
    CHECK(data.practice_days == 6);
    CHECK_FALSE(data.days[2].practice);
    CHECK(data.days_so_far == 7);
    CHECK(data.records == 6 + 3 + 3 + 6 + 5);  // check-ins, breaths, exercises, boundary events, prompts
}

TEST_CASE("report aggregate: without notes, an exercise of the person's own is not named") {
    ScopedTz tz("Europe/London");
    report::ReportRecords records;
    records.breathes = {
        report::test::exercise("eq001", "2026-11-17T08:00:00+00:00", "after the call with Dad", 60, 8, 6),
        report::test::exercise("eq002", "2026-11-18T08:00:00+00:00", "grounding", 217, 7, 5),
    };
    const auto aggregate_with = [&](bool notes) {
        return report::aggregate(report::named_week("2026-W47", date::Monday), records, tend::Zone::local(),
                                 day(2026, 11, 22), tend::FeelingVocabulary::shipped({}), notes);
    };
    const ReportData bare = aggregate_with(false);
    REQUIRE(bare.exercises.exercises.size() == 2);
    CHECK(bare.exercises.exercises[0].name == "grounding");
    CHECK(bare.exercises.exercises[1].name == "your own exercise");
    CHECK(aggregate_with(true).exercises.exercises[0].name == "after the call with Dad");
}

TEST_CASE("report aggregate: a prompt only shown is not practice, and days to come are marked") {
    ScopedTz tz("Europe/London");
    report::ReportRecords records;
    records.prompts = {report::test::prompt("pq001", "2026-11-18T08:00:00+00:00", "shown", "reveal-001", "reveal")};
    const ReportData data =
        report::aggregate(report::named_week("2026-W47", date::Monday), records, tend::Zone::local(), day(2026, 11, 19),
                          tend::FeelingVocabulary::shipped({}), true);
    CHECK(data.practice_days == 0);
    CHECK(data.empty());  // nothing of the person's own: --quiet-if-empty stays quiet
    CHECK(data.days_so_far == 4);
    CHECK_FALSE(data.days[3].future);
    CHECK(data.days[4].future);
}

TEST_CASE("report aggregate: a period whose records are all in the week before is empty") {
    ScopedTz tz("Europe/London");
    report::ReportRecords records;
    records.checkins = {report::test::checkin("cq001", "2026-11-12T08:00:00+00:00", {5})};
    const ReportData data =
        report::aggregate(report::named_week("2026-W47", date::Monday), records, tend::Zone::local(), day(2026, 11, 22),
                          tend::FeelingVocabulary::shipped({}), true);
    CHECK(data.empty());
    CHECK(data.checkins.count == 0);
    CHECK(data.checkins.previous_count == 1);
    CHECK(data.checkins.dimensions[0].previous_mean == 5.0);
    CHECK_FALSE(data.checkins.dimensions[0].change);
}
