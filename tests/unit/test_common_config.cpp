// config.toml: defaults, every key, and errors that point at file:line:col.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "config.hpp"
#include "fixtures.hpp"

using namespace std::chrono_literals;
using tend::parse_config;
using tend::test::contains;

namespace {

const std::filesystem::path config_path = "/home/sam/.config/tend/config.toml";

// The first problem parse_config finds in `text`, which must have one. It never throws.
std::string config_problem(const std::string& text) {
    const auto config = parse_config(text, config_path);
    REQUIRE_FALSE(config.problems.empty());
    return config.problems.front().located();
}

void check_data_error_at(const std::string& text, std::string_view line_col, std::string_view what) {
    CAPTURE(text);
    const auto problem = config_problem(text);
    CHECK(problem.starts_with(config_path.string() + ":" + std::string(line_col) + ": "));
    CHECK(contains(problem, what));
}

void check_defaults(const tend::Config& config) {
    CHECK(config.safety.threshold == 9);
    CHECK(config.safety.contacts.empty());
    CHECK(config.safety.crisis_line.empty());
    CHECK(config.safety.message.empty());
    CHECK(config.checkin.every_days == 1);
    CHECK_FALSE(config.checkin.due_from.has_value());
    CHECK(config.checkin.feelings.empty());
    CHECK(config.breathe.pattern.empty());
    CHECK(config.breathe.minutes == doctest::Approx(3.0));
    CHECK(config.breathe.patterns.empty());
    CHECK(config.prompt.seed.empty());
    CHECK(config.prompt.cooldown_days == 30);
    CHECK(config.prompt.exclude.empty());
    CHECK(config.report.week_start == date::Monday);
    CHECK(config.warnings.empty());
    CHECK(config.problems.empty());
}

void check_defaults_but_problems(tend::Config config) {
    config.problems.clear();
    check_defaults(config);
}

}  // namespace

TEST_CASE("a missing config file gives the defaults") {
    tend::test::TempDir tmp;
    check_defaults(tend::load_config(tmp / "no" / "config.toml"));
}

TEST_CASE("an empty or comment-only config gives the defaults") {
    check_defaults(parse_config("", config_path));
    check_defaults(parse_config("# nothing set yet\n\n[safety]\n", config_path));
}

TEST_CASE("load_config reads the file it is given") {
    tend::test::TempDir tmp;
    tend::test::write_bytes(tmp / "config.toml", "[safety]\nthreshold = 7\n");
    CHECK(tend::load_config(tmp / "config.toml").safety.threshold == 7);
}

TEST_CASE("every key of every section is read") {
    const auto config = parse_config(R"([safety]
threshold = 7
contacts = ["Sam 07700 900123", "Alex"]
crisis_line = "116 123"
message = "You have got through this before."

[checkin]
every_days = 2
due_from = "18:30"
feelings = ["Wobbly", "fizzy"]

[breathe]
pattern = "box"
minutes = 5.5

[breathe.patterns]
slow = "4-2-6-0"

[prompt]
seed = "our seed"
cooldown_days = 0
exclude = ["grief"]

[report]
week_start = "sunday"
)",
                                     config_path);
    CHECK(config.safety.threshold == 7);
    CHECK(config.safety.contacts == std::vector<std::string>{"Sam 07700 900123", "Alex"});
    CHECK(config.safety.crisis_line == "116 123");
    CHECK(config.safety.message == "You have got through this before.");
    CHECK(config.checkin.every_days == 2);
    REQUIRE(config.checkin.due_from.has_value());
    CHECK(config.checkin.due_from->count() == 18 * 60 + 30);
    CHECK(config.checkin.feelings == std::vector<std::string>{"Wobbly", "fizzy"});
    CHECK(config.breathe.pattern == "box");
    CHECK(config.breathe.minutes == doctest::Approx(5.5));
    REQUIRE(config.breathe.patterns.size() == 1);
    CHECK(config.breathe.patterns[0].first == "slow");
    CHECK(config.breathe.patterns[0].second == "4-2-6-0");
    CHECK(config.prompt.seed == "our seed");
    CHECK(config.prompt.cooldown_days == 0);
    CHECK(config.prompt.exclude == std::vector<std::string>{"grief"});
    CHECK(config.report.week_start == date::Sunday);
    CHECK(config.warnings.empty());
}

TEST_CASE("a whole number of breathing minutes is accepted") {
    CHECK(parse_config("[breathe]\nminutes = 10\n", config_path).breathe.minutes == doctest::Approx(10.0));
}

TEST_CASE("several breathing patterns are all kept") {
    const auto config = parse_config("[breathe.patterns]\nslow = \"4-2-6-0\"\nquick = \"3-3\"\n", config_path);
    REQUIRE(config.breathe.patterns.size() == 2);
    const auto has = [&](std::string_view name, std::string_view spec) {
        for (const auto& [n, s] : config.breathe.patterns)
            if (n == name && s == spec) return true;
        return false;
    };
    CHECK(has("slow", "4-2-6-0"));
    CHECK(has("quick", "3-3"));
}

TEST_CASE("a wrong type is a problem at file:line:col") {
    check_data_error_at("[safety]\nthreshold = \"9\"\n", "2:13",
                        "[safety] threshold must be a whole number from 0 to 10");
    check_data_error_at("[safety]\ncrisis_line = 116\n", "2:15", "[safety] crisis_line must be a string");
    check_data_error_at("[safety]\ncontacts = \"Sam\"\n", "2:12", "[safety] contacts must be a list of strings");
    check_data_error_at("[safety]\ncontacts = [\"Sam\", 2]\n", "2:20", "[safety] contacts must be a string");
    check_data_error_at("[checkin]\nevery_days = 1.5\n", "2:14", "[checkin] every_days");
    check_data_error_at("[checkin]\nfeelings = [true]\n", "2:13", "[checkin] feelings");
    check_data_error_at("[breathe]\nminutes = \"3\"\n", "2:11", "[breathe] minutes");
    check_data_error_at("[breathe]\npatterns = 3\n", "2:12", "[breathe] patterns");
    check_data_error_at("[breathe.patterns]\nslow = 4\n", "2:8", "slow must be a string");
    check_data_error_at("[prompt]\nseed = 12\n", "2:8", "[prompt] seed");
    check_data_error_at("[report]\nweek_start = 1\n", "2:14", "[report] week_start");
}

TEST_CASE("[couple] names a folder by its full path or from ~/, and a name of 1 to 40 characters") {
    const auto config = parse_config("[couple]\ndir = \"~/together\"\nname = \"Alex\"\n", config_path);
    CHECK(config.problems.empty());
    CHECK(config.couple.dir == "~/together");
    CHECK(config.couple.name == "Alex");
    CHECK(parse_config("[couple]\ndir = \"/srv/us\"\n", config_path).couple.dir == "/srv/us");
    check_data_error_at("[couple]\ndir = \"together\"\n", "2:7", "[couple] dir must be a folder's full path");
    check_data_error_at("[couple]\nname = \"\"\n", "2:8", "[couple] name must be a name of 1 to 40");
    check_data_error_at("[couple]\nname = 3\n", "2:8", "[couple] name must be a string");
}

TEST_CASE("a value out of range is a problem at file:line:col") {
    check_data_error_at("[safety]\nthreshold = 11\n", "2:13", "from 0 to 10");
    check_data_error_at("[safety]\nthreshold = -1\n", "2:13", "from 0 to 10");
    check_data_error_at("[checkin]\nevery_days = 0\n", "2:14", "from 1 to 365");
    check_data_error_at("[checkin]\nevery_days = 366\n", "2:14", "from 1 to 365");
    check_data_error_at("[breathe]\nminutes = 0\n", "2:11", "above 0, at most 120");
    check_data_error_at("[breathe]\nminutes = 120.5\n", "2:11", "above 0, at most 120");
    check_data_error_at("[prompt]\ncooldown_days = -1\n", "2:17", "from 0 to 3650");
    check_data_error_at("[prompt]\ncooldown_days = 3651\n", "2:17", "from 0 to 3650");
}

TEST_CASE("the ends of each range are accepted") {
    CHECK(parse_config("[safety]\nthreshold = 0\n", config_path).safety.threshold == 0);
    CHECK(parse_config("[safety]\nthreshold = 10\n", config_path).safety.threshold == 10);
    CHECK(parse_config("[checkin]\nevery_days = 365\n", config_path).checkin.every_days == 365);
    CHECK(parse_config("[breathe]\nminutes = 120\n", config_path).breathe.minutes == doctest::Approx(120.0));
    CHECK(parse_config("[prompt]\ncooldown_days = 3650\n", config_path).prompt.cooldown_days == 3650);
}

TEST_CASE("a malformed time of day or day name is a problem") {
    for (const std::string bad : {"25:00", "18:60", "1800", "18:0", "6pm", "", "18:00:00"}) {
        CAPTURE(bad);
        check_data_error_at("[checkin]\ndue_from = \"" + std::string(bad) + "\"\n", "2:12", "a time of day");
    }
    check_data_error_at("[report]\nweek_start = \"someday\"\n", "2:14", "a day name");
}

TEST_CASE("a day name is read in the forms --week-start takes") {
    for (const std::string day : {"sunday", "Sunday", "SUN", "sun"}) {
        CAPTURE(day);
        CHECK(parse_config("[report]\nweek_start = \"" + day + "\"\n", config_path).report.week_start == date::Sunday);
    }
    CHECK(parse_config("[report]\nweek_start = \"mon\"\n", config_path).report.week_start == date::Monday);
}

TEST_CASE("the times of day at the edges are read") {
    CHECK(parse_config("[checkin]\ndue_from = \"00:00\"\n", config_path).checkin.due_from == std::optional(0min));
    CHECK(parse_config("[checkin]\ndue_from = \"23:59\"\n", config_path).checkin.due_from ==
          std::optional(std::chrono::minutes{23 * 60 + 59}));
}

TEST_CASE("a section that is not a table is a problem") {
    CHECK(config_problem("safety = 3\n").starts_with(config_path.string() + ":1:10: "));
}

TEST_CASE("a wrong value keeps its default and everything else is still read") {
    const auto config = parse_config(
        "[report]\nweek_start = \"Moonday\"\n[safety]\nthreshold = 11\nmessage = \"Breathe, you are here\"\n"
        "[checkin]\nevery_days = 2\n",
        config_path);
    CHECK(config.report.week_start == date::Monday);
    CHECK(config.safety.threshold == 9);
    CHECK(config.safety.message == "Breathe, you are here");
    CHECK(config.checkin.every_days == 2);
    REQUIRE(config.problems.size() == 2);
    CHECK(config.problems[0].located().starts_with(config_path.string() + ":2:14: [report] week_start"));
    CHECK(contains(config.problems[0].located(), "the default is used until it is fixed"));
    CHECK(config.problems[1].located().starts_with(config_path.string() + ":4:13: [safety] threshold"));
}

TEST_CASE("a syntax error elsewhere never hides the [safety] words") {
    const auto config = parse_config(
        "[prompt\nseed = \"x\"\n\n[safety]\ncontacts = [\"Sam 07700 900123\"]\nmessage = \"You are safe here\"\n"
        "[report]\nweek_start = = 3\n",
        config_path);
    CHECK(config.safety.contacts == std::vector<std::string>{"Sam 07700 900123"});
    CHECK(config.safety.message == "You are safe here");
    REQUIRE(config.problems.size() == 2);
    CHECK(config.problems[0].located().starts_with(config_path.string() + ":1:"));
    CHECK(config.problems[1].located().starts_with(config_path.string() + ":8:"));
}

TEST_CASE("a broken line inside [safety] leaves the other lines of [safety] in use") {
    const auto config = parse_config(
        "[safety]\ncontacts = [\"Sam\", \nmessage = \"Still here\"\ncrisis_line = \"my line\"\n", config_path);
    CHECK(config.safety.message == "Still here");
    CHECK(config.safety.crisis_line == "my line");
    CHECK(config.safety.contacts.empty());
    REQUIRE(config.problems.size() == 1);
    CHECK(config.problems[0].located().starts_with(config_path.string() + ":"));
}

TEST_CASE("an unknown key is a warning with file:line:col and the rest is still read") {
    const auto config = parse_config("[safety]\ncolour = \"blue\"\nthreshold = 6\n", config_path);
    CHECK(config.safety.threshold == 6);
    REQUIRE(config.warnings.size() == 1);
    CHECK(config.warnings[0].located().starts_with(config_path.string() + ":2:10: "));
    CHECK(contains(config.warnings[0].located(), "unknown key 'colour' in [safety]"));
}

TEST_CASE("an unknown section is a warning") {
    const auto config = parse_config("[sleep]\nhours = 8\n\n[safety]\nthreshold = 8\n", config_path);
    CHECK(config.safety.threshold == 8);
    REQUIRE(config.warnings.size() == 1);
    CHECK(config.warnings[0].located().starts_with(config_path.string() + ":1:"));
    CHECK(contains(config.warnings[0].located(), "'sleep'"));
}

TEST_CASE("an unknown key is neutralised in its warning") {
    const auto config = parse_config("[safety]\n\"bad\\u001b[2J\" = 1\n", config_path);
    REQUIRE(config.warnings.size() == 1);
    CHECK_FALSE(contains(config.warnings[0].located(), "\x1b"));
}

TEST_CASE("a syntax error is a problem with file:line:col") {
    CHECK(config_problem("# my config\n[safety]\nthreshold = = 3\n").starts_with(config_path.string() + ":3:"));
}

TEST_CASE("a duplicate key is a problem") {
    CHECK(config_problem("[safety]\nthreshold = 3\nthreshold = 4\n").starts_with(config_path.string() + ":3:"));
}

TEST_CASE("a config that is a directory or a FIFO is a problem, never read and never waited on") {
    tend::test::TempDir tmp;
    std::filesystem::create_directory(tmp / "dir.toml");
    REQUIRE(::mkfifo((tmp / "fifo.toml").c_str(), 0600) == 0);
    for (const char* name : {"dir.toml", "fifo.toml"}) {
        CAPTURE(name);
        const auto config = tend::load_config(tmp / name);
        check_defaults_but_problems(config);
        REQUIRE(config.problems.size() == 1);
        CHECK(config.problems[0].located().starts_with((tmp / name).string() + ": is a "));
    }
}

TEST_CASE("load_config never changes the file") {
    tend::test::TempDir tmp;
    const std::string text = "# mine, with comments\n[safety]\nthreshold = 7 # lower\nunknown = 1\n";
    tend::test::write_bytes(tmp / "config.toml", text);
    (void)tend::load_config(tmp / "config.toml");
    CHECK(tend::test::read_bytes(tmp / "config.toml") == text);
}
