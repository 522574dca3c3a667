// Breathing specs, the built-in patterns and the person's own from the config.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "breathing_pattern.hpp"
#include "fixtures.hpp"

namespace tend::test {
namespace {

using std::chrono::milliseconds;

BreathingPattern spec(std::string_view text) {
    return parse_breathing_spec(text, "--pattern", Exit::usage);
}

std::vector<std::pair<PhaseKind, long long>> phases_of(const BreathingPattern& pattern) {
    std::vector<std::pair<PhaseKind, long long>> out;
    for (const auto& phase : pattern.phases) out.emplace_back(phase.kind, phase.length.count());
    return out;
}

std::string spec_error(std::string_view text) {
    const auto error = error_from([&] { spec(text); });
    REQUIRE(error);
    CHECK(error->code() == Exit::usage);
    return error->what();
}

}  // namespace

TEST_CASE("four numbers are in-hold-out-hold, and holds of 0 are left out of the phases") {
    CHECK(phases_of(spec("4-4-4-4")) == std::vector<std::pair<PhaseKind, long long>>{{PhaseKind::inhale, 4000},
                                                                                     {PhaseKind::hold_in, 4000},
                                                                                     {PhaseKind::exhale, 4000},
                                                                                     {PhaseKind::hold_out, 4000}});
    CHECK(phases_of(spec("4-0-6-0")) ==
          std::vector<std::pair<PhaseKind, long long>>{{PhaseKind::inhale, 4000}, {PhaseKind::exhale, 6000}});
}

TEST_CASE("three numbers are in-hold-out and two are in-out") {
    CHECK(phases_of(spec("4-7-8")) == std::vector<std::pair<PhaseKind, long long>>{{PhaseKind::inhale, 4000},
                                                                                   {PhaseKind::hold_in, 7000},
                                                                                   {PhaseKind::exhale, 8000}});
    CHECK(phases_of(spec("5.5-5.5")) ==
          std::vector<std::pair<PhaseKind, long long>>{{PhaseKind::inhale, 5500}, {PhaseKind::exhale, 5500}});
}

TEST_CASE("decimals are exact to the millisecond and the spec is written back shortest") {
    CHECK(spec("0.25-.5").phases[1].length == milliseconds{500});
    CHECK(spec("0.25-.5").spec == "0.25-0.5");
    CHECK(spec("04-7.50-8.000").spec == "4-7.5-8");
    CHECK(spec("30-30-30-30").cycle() == milliseconds{120'000});
    CHECK(spec("0.001-0.001").cycle() == milliseconds{2});
}

TEST_CASE("a top-up inhale is written IN+TOPUP and follows the inhale") {
    const auto sigh = spec("2+1-0-6-0");
    CHECK(phases_of(sigh) == std::vector<std::pair<PhaseKind, long long>>{
                                 {PhaseKind::inhale, 2000}, {PhaseKind::top_up, 1000}, {PhaseKind::exhale, 6000}});
    CHECK(sigh.spec == "2+1-0-6-0");
    CHECK(phase_word(PhaseKind::top_up) == "top up");
}

TEST_CASE("breaths per minute come from the length of one breath") {
    CHECK(spec("4-0-6-0").breaths_per_minute() == doctest::Approx(6.0));
    CHECK(spec("4-4-4-4").breaths_per_minute() == doctest::Approx(3.75));
    CHECK(spec("5.5-5.5").breaths_per_minute() == doctest::Approx(60.0 / 11.0));
}

TEST_CASE("bad specs are usage errors that say what is wrong") {
    CHECK(contains(spec_error("0-0-0-0"), "'0-0-0-0': the inhale must be longer than 0 seconds"));
    CHECK(contains(spec_error("4-0-0-0"), "the exhale must be longer than 0 seconds"));
    CHECK(contains(spec_error("31-0-1"), "the inhale is 31 s; each phase is at most 30 seconds"));
    CHECK(contains(spec_error("4-30.5-4"), "the hold is 30.5 s"));
    CHECK(contains(spec_error("1"), "give 2 to 4 numbers"));
    CHECK(contains(spec_error("1-2-3-4-5"), "give 2 to 4 numbers"));
    CHECK(contains(spec_error(""), "give 2 to 4 numbers"));
    CHECK(contains(spec_error("a-b"), "'a' is not a number of seconds (the inhale)"));
    CHECK(contains(spec_error("4-x-6"), "'x' is not a number of seconds (the hold)"));
    CHECK(contains(spec_error("-4-4"), "phases cannot be negative"));
    CHECK(contains(spec_error("4--6"), "phases cannot be negative"));
    CHECK(contains(spec_error("4-6-"), "the exhale has no number"));
    CHECK(contains(spec_error("4-6-2-"), "the last hold has no number"));
    CHECK(contains(spec_error("1.2345-2"), "'1.2345' has more than 3 decimals"));
    CHECK(contains(spec_error("1e1-2"), "'1e1' is not a number"));
    CHECK(contains(spec_error("4-2+1-6"), "only the inhale can have a top-up"));
    CHECK(contains(spec_error("2+0-6"), "the top-up inhale must be longer than 0 seconds"));
    CHECK(contains(spec_error("2+x-6"), "the top-up 'x' is not a number"));
    CHECK(contains(spec_error("4.-6"), "'4.' is not a number"));
    CHECK(spec_error("4-\x1b[31m-6").find('\x1b') == std::string::npos);
}

TEST_CASE("the built-in patterns all parse, each with a description, and calm is the default") {
    const auto catalog = PatternCatalog::load(BreatheConfig{}, "config.toml");
    for (const char* name : {"calm", "box", "4-7-8", "coherent", "sigh"}) {
        const BreathingPattern* pattern = catalog.find(name);
        REQUIRE_MESSAGE(pattern, name);
        CHECK(pattern->built_in);
        CHECK_FALSE(pattern->description.empty());
        CHECK(pattern->description.find('\n') == std::string::npos);
    }
    CHECK(catalog.find("calm")->spec == "4-0-6-0");
    CHECK(catalog.find("box")->spec == "4-4-4-4");
    CHECK(catalog.find("4-7-8")->spec == "4-7-8");
    CHECK(catalog.find("coherent")->spec == "5.5-0-5.5-0");
    CHECK(catalog.find("sigh")->phases.at(1).kind == PhaseKind::top_up);
    CHECK(catalog.default_pattern().name == "calm");
}

TEST_CASE("resolve takes a name first, then a spec, and names a mistyped name as such") {
    const auto catalog = PatternCatalog::load(BreatheConfig{}, "config.toml");
    CHECK(catalog.resolve("box", "--pattern").name == "box");
    CHECK(catalog.resolve("4-7-8", "--pattern").built_in);
    const auto typed = catalog.resolve("3-1-5", "--pattern");
    CHECK(typed.name == "3-1-5");
    CHECK_FALSE(typed.built_in);
    const auto error = error_from([&] { catalog.resolve("calmm", "--pattern"); });
    REQUIRE(error);
    CHECK(error->code() == Exit::usage);
    CHECK(contains(error->what(), "--pattern: 'calmm' is not a pattern name"));
    CHECK(contains(error->what(), "breathe --list"));
}

TEST_CASE("config patterns join the catalog, replace a built-in of the same name, and can be the default") {
    BreatheConfig config;
    config.patterns = {{"evening", "4-2-7"}, {"box", "3-3-3-3"}};
    config.pattern = "evening";
    const auto catalog = PatternCatalog::load(config, "/home/x/.config/tend/config.toml");
    REQUIRE(catalog.find("evening"));
    CHECK_FALSE(catalog.find("evening")->built_in);
    CHECK(catalog.find("evening")->spec == "4-2-7");
    CHECK(catalog.find("box")->spec == "3-3-3-3");
    CHECK(catalog.default_pattern().name == "evening");

    config.pattern = "5-5";
    CHECK(PatternCatalog::load(config, "c.toml").default_pattern().spec == "5-5");
}

TEST_CASE("a bad config pattern is left out as a problem naming the config file and the pattern") {
    BreatheConfig config;
    config.patterns = {{"evening", "4-x-7"}, {"slow", "4-2-6-0"}};
    const auto catalog = PatternCatalog::load(config, "/home/x/.config/tend/config.toml");
    CHECK(catalog.find("evening") == nullptr);
    CHECK(catalog.find("slow") != nullptr);
    REQUIRE(catalog.problems().size() == 1);
    CHECK(contains(catalog.problems()[0], "/home/x/.config/tend/config.toml: [breathe.patterns] evening: '4-x-7'"));

    BreatheConfig unknown_default;
    unknown_default.pattern = "nope";
    const auto fallback = PatternCatalog::load(unknown_default, "c.toml");
    CHECK(fallback.default_pattern().name == "calm");
    REQUIRE(fallback.problems().size() == 1);
    CHECK(contains(fallback.problems()[0], "c.toml: [breathe] pattern: 'nope'"));

    BreatheConfig bad_name;
    bad_name.patterns = {{"bad\x1bname", "4-4"}};
    const auto named = PatternCatalog::load(bad_name, "c.toml");
    REQUIRE(named.problems().size() == 1);
    CHECK(named.problems()[0].find('\x1b') == std::string::npos);
}

TEST_CASE("catalog text is checked: a pattern needs a name and a valid spec") {
    CHECK(error_from([] { PatternCatalog::parse("[[pattern]]\nname = \"x\"\n", "p.toml"); })->code() == Exit::data);
    const auto bad = error_from([] { PatternCatalog::parse("[[pattern]]\nname = \"x\"\nspec = \"0-1\"\n", "p.toml"); });
    REQUIRE(bad);
    CHECK(contains(bad->what(), "p.toml:1: x: '0-1': the inhale must be longer"));
    CHECK(error_from([] { PatternCatalog::parse("nonsense = [", "p.toml"); })->code() == Exit::data);
}

TEST_CASE("format_seconds writes seconds shortest") {
    CHECK(format_seconds(milliseconds{4000}) == "4");
    CHECK(format_seconds(milliseconds{5500}) == "5.5");
    CHECK(format_seconds(milliseconds{250}) == "0.25");
    CHECK(format_seconds(milliseconds{1}) == "0.001");
}

}  // namespace tend::test
