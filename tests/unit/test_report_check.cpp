// report --check: the data checker on real temp dirs, the finding parser, and the text and JSON output.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <tuple>

#include "check.hpp"
#include "checkin_record.hpp"
#include "config.hpp"
#include "data_check.hpp"
#include "deck.hpp"
#include "fixtures.hpp"
#include "report.hpp"
#include "runner.hpp"

using namespace std::chrono_literals;
using tend::Finding;
using tend::Severity;
using tend::test::contains;
using tend::test::mode_of;
using tend::test::read_bytes;
using tend::test::TempDir;
using tend::test::write_bytes;
namespace fs = std::filesystem;

namespace {

std::string record(std::string_view id, std::string_view at, int mood) {
    return "[[checkin]]\nid = \"" + std::string(id) + "\"\nat = " + std::string(at) +
           "\nrecorded = " + std::string(at) + "\nmood = " + std::to_string(mood) + "\n\n";
}

// "a2" is the id code of 2026-11 (months since 2000-01 in Crockford base 32), "a1" of 2026-10.
const std::string november =
    record("a2aaa", "2026-11-20T21:00:00+00:00", 6) + record("a2bbb", "2026-11-21T08:00:00+00:00", 7);

std::vector<Finding> problems_of(const std::vector<Finding>& findings) {
    std::vector<Finding> out;
    for (const auto& f : findings)
        if (f.severity == Severity::problem) out.push_back(f);
    return out;
}

struct DataFixture {
    TempDir tmp;
    fs::path data = tmp / "data";
    fs::path config = tmp / "config.toml";

    DataFixture() {
        fs::create_directories(data / "checkin");
        fs::permissions(data, fs::perms::owner_all);
        fs::permissions(data / "checkin", fs::perms::owner_all);
    }
    fs::path write_month(std::string_view name, std::string_view text, std::string_view kind = "checkin") const {
        const fs::path file = data / std::string(kind) / std::string(name);
        fs::create_directories(file.parent_path());
        fs::permissions(file.parent_path(), fs::perms::owner_all);
        write_bytes(file, text);
        ::chmod(file.c_str(), 0600);
        return file;
    }
    tend::DataCheck check() const { return tend::check_data(tend::Paths{data, config}, 100ms, "this-device"); }
};

bool has(const tend::DataCheck& check, Severity severity, std::string_view file_end, std::string_view words) {
    for (const auto& f : check.findings)
        if (f.severity == severity && f.file.string().ends_with(file_end) && contains(f.message, words)) return true;
    return false;
}

}  // namespace

TEST_CASE("month_of_file_name takes YYYY-MM.toml and nothing else") {
    CHECK(tend::month_of_file_name("2026-11.toml") == date::year{2026} / date::November);
    CHECK_FALSE(tend::month_of_file_name("2026-13.toml"));
    CHECK_FALSE(tend::month_of_file_name("2026-00.toml"));
    CHECK_FALSE(tend::month_of_file_name("2026-1.toml"));
    CHECK_FALSE(tend::month_of_file_name("notes.toml"));
    CHECK_FALSE(tend::month_of_file_name("abcd-ef.toml"));
}

TEST_CASE("config and deck problems carry their place as data, and read as file:line:col when printed") {
    const tend::Config config = tend::parse_config("[report]\nweek_start = 7\nnope = 1\n", "/h/config.toml");
    REQUIRE(config.problems.size() == 1);
    const Finding& bad = config.problems.front();
    CHECK(bad.file == fs::path("/h/config.toml"));
    CHECK((bad.line == 2 && bad.column == 14));
    CHECK(bad.message.starts_with("[report] week_start must be "));
    CHECK(bad.located() == "/h/config.toml:2:14: " + bad.message);
    REQUIRE(config.warnings.size() == 1);
    CHECK((config.warnings.front().line == 3 && config.warnings.front().column == 8));

    // A file that does not parse: the parser's own place, not a number read back out of text.
    const tend::Config broken = tend::parse_config("[safety]\ncontacts = [\"Sam\"\n", "/h/config.toml");
    REQUIRE_FALSE(broken.problems.empty());
    CHECK(broken.problems.front().line == 2);
    CHECK(broken.problems.front().column > 0);

    const tend::DeckLoad deck = tend::parse_text_deck("one\n%\n%\ntwo\n", "/h/decks/mine.txt");
    REQUIRE(deck.problems.size() == 1);
    CHECK((deck.problems.front().line == 2 && deck.problems.front().column == 0));
    CHECK(deck.problems.front().located().starts_with("/h/decks/mine.txt:2: empty prompt"));
}

TEST_CASE("an error without a place becomes a finding in the file it was about, its name not said twice") {
    const tend::Error io(tend::Exit::io, "/d/checkin/2026-11.toml: Permission denied");
    const Finding none = tend::finding_of(io, "/d/checkin/2026-11.toml");
    CHECK((none.line == 0 && none.message == "Permission denied"));
    const tend::Error placed(tend::Exit::data, tend::Place{"/d/x.toml", 4, 2}, "'mood' must be an integer");
    const Finding at = tend::finding_of(placed, "/elsewhere");
    CHECK((at.file == fs::path("/d/x.toml") && at.line == 4 && at.column == 2));
    CHECK(at.message == "'mood' must be an integer");
    CHECK(std::string(placed.what()) == "/d/x.toml:4:2: 'mood' must be an integer");
}

TEST_CASE("a sound month file has no findings and counts its records") {
    const auto checked =
        tend::check_month_text(november, "2026-11.toml", tend::checkin_format, date::year{2026} / date::November);
    CHECK(checked.findings.empty());
    CHECK(checked.records == 2);
    CHECK(checked.ids.size() == 2);
}

TEST_CASE("a syntax error is one problem with its line and column") {
    const auto checked =
        tend::check_month_text(november + "[[checkin]\n", "f.toml", tend::checkin_format, std::nullopt);
    REQUIRE(checked.findings.size() == 1);
    CHECK(checked.findings[0].line == 13);
    CHECK(checked.findings[0].column > 0);
}

TEST_CASE("every bad record is listed, not only the first") {
    std::string text = november;
    text.replace(text.find("mood = 6"), 8, "mood = 60");
    text.replace(text.find("mood = 7"), 8, "mood = \"x\"");
    text +=
        "[[checkin]]\nid = \"a2aaa\"\nat = 2026-11-21T09:00:00+00:00\nrecorded = 2026-11-21T09:00:00+00:00\nmod = 3\n";
    const auto found = problems_of(
        tend::check_month_text(text, "f.toml", tend::checkin_format, date::year{2026} / date::November).findings);
    REQUIRE(found.size() == 4);
    CHECK((found[0].line == 5 && contains(found[0].message, "outside 0 to 10")));
    CHECK((found[1].line == 11 && contains(found[1].message, "'mood' must be")));
    CHECK((found[2].line == 13 && contains(found[2].message, "used twice in this file; line 1 has it too")));
    CHECK((found[3].line == 17 && contains(found[3].message, "unknown key 'mod'")));
}

TEST_CASE("a record whose at belongs to another month is a problem; an id of another month a warning") {
    const std::string text = record("a1ccc", "2026-10-31T21:00:00+00:00", 5);
    const auto checked =
        tend::check_month_text(text, "2026-11.toml", tend::checkin_format, date::year{2026} / date::November);
    const auto found = problems_of(checked.findings);
    REQUIRE(found.size() == 1);
    CHECK((found[0].line == 3 && found[0].column == 6));
    CHECK(contains(found[0].message, "'at' is in 2026-10, but this file holds 2026-11"));
    CHECK(checked.findings.size() == 2);  // and the id made for 2026-10
    // The local day of the record's own offset decides, as it does when the store appends.
    const auto local = tend::check_month_text(record("a2ddd", "2026-11-01T00:30:00+01:00", 5), "2026-11.toml",
                                              tend::checkin_format, date::year{2026} / date::November);
    CHECK(local.findings.empty());
}

TEST_CASE("keys other than the kind's records are problems") {
    const auto found =
        tend::check_month_text("title = \"mine\"\n" + november, "f.toml", tend::checkin_format, std::nullopt);
    REQUIRE(found.findings.size() == 1);
    CHECK(found.findings[0].line == 1);
    CHECK(contains(found.findings[0].message, "unexpected 'title'"));
}

TEST_CASE("check_data on a missing data dir says so and creates nothing") {
    TempDir tmp;
    const auto check = tend::check_data(tend::Paths{tmp / "data", tmp / "config.toml"}, 100ms, "");
    CHECK_FALSE(check.data_dir_exists);
    CHECK_FALSE(check.config_exists);
    CHECK(check.findings.empty());
    CHECK(check.files.empty());
    CHECK_FALSE(fs::exists(tmp / "data"));
}

TEST_CASE("check_data finds problems across files and months, and changes nothing") {
    DataFixture f;
    const fs::path nov = f.write_month("2026-11.toml", november);
    f.write_month("2026-10.toml", record("a2aaa", "2026-10-02T21:00:00+00:00", 4));
    const auto before = read_bytes(nov);
    const auto check = f.check();
    CHECK(check.data_dir_exists);
    CHECK(check.records == 3);
    CHECK(check.files.size() == 2);
    CHECK(check.count(Severity::problem) >= 1);
    CHECK(has(check, Severity::problem, "2026-11.toml", "id 'a2aaa' is already used at"));
    CHECK(read_bytes(nov) == before);
    CHECK(mode_of(nov) == 0600);
}

TEST_CASE("check_data warns about permissions, with the chmod that fixes them") {
    DataFixture f;
    const fs::path nov = f.write_month("2026-11.toml", november);
    ::chmod(nov.c_str(), 0644);
    ::chmod(f.data.c_str(), 0755);
    const auto check = f.check();
    CHECK(check.count(Severity::problem) == 0);
    CHECK(has(check, Severity::warning, "2026-11.toml", "chmod 600 '"));
    CHECK(has(check, Severity::warning, "data", "chmod 700 '"));
    CHECK(mode_of(nov) == 0644);  // told, never changed
}

TEST_CASE("check_data refuses symlinked month files and notes stray temp files") {
    DataFixture f;
    const fs::path elsewhere = f.tmp / "elsewhere.toml";
    write_bytes(elsewhere, november);
    fs::create_symlink(elsewhere, f.data / "checkin" / "2026-11.toml");
    f.write_month(".2026-10.toml.tmp.Ab12Cd", "half");
    f.write_month(".last", "a2aaa");
    f.write_month("notes.toml", "x = 1");
    f.write_month("2026-13.toml", "");
    const auto check = f.check();
    CHECK(has(check, Severity::problem, "2026-11.toml", "is a symbolic link"));
    CHECK(has(check, Severity::warning, ".2026-10.toml.tmp.Ab12Cd", "rm '"));
    CHECK(has(check, Severity::warning, "notes.toml", "not named like a month"));
    CHECK(has(check, Severity::problem, "2026-13.toml", "is not a month"));
    CHECK_FALSE(has(check, Severity::warning, ".last", ""));
    CHECK(fs::is_symlink(f.data / "checkin" / "2026-11.toml"));
}

TEST_CASE("check_data reads the config: a bad value is a problem, an unknown key a warning") {
    DataFixture f;
    write_bytes(f.config, "[safety]\nthreshold = 11\n");
    auto check = f.check();
    CHECK(check.config_exists);
    REQUIRE(check.count(Severity::problem) == 1);
    CHECK((check.findings[0].file == f.config && check.findings[0].line == 2));
    write_bytes(f.config, "[safety]\nthreshhold = 8\n");
    check = f.check();
    CHECK(check.count(Severity::problem) == 0);
    CHECK(has(check, Severity::warning, "config.toml", "unknown key 'threshhold'"));
}

TEST_CASE("check_data checks the user's decks with the prompt checker") {
    DataFixture f;
    fs::create_directories(f.data / "decks");
    write_bytes(f.data / "decks" / "ours.txt", "What made you laugh today?\n%\n%\nWhat do you need?\n");
    const auto check = f.check();
    CHECK(has(check, Severity::problem, "ours.txt", "empty prompt"));
    REQUIRE(!check.files.empty());
    CHECK(check.files.back().kind == "deck");
}

TEST_CASE("explain_paths says where each path came from") {
    tend::test::TestIo flagged(tend::Env{{"HOME", "/h"}, {"TEND_DATA_DIR", "/t"}});
    auto paths = tend::explain_paths(flagged.io, fs::path("/flag"));
    CHECK((paths.paths.data_dir == "/flag" && paths.data_from == "--data-dir" && paths.config_from == "default"));
    paths = tend::explain_paths(flagged.io, std::nullopt);
    CHECK((paths.paths.data_dir == "/t" && paths.data_from == "TEND_DATA_DIR"));
    tend::test::TestIo xdg(tend::Env{{"HOME", "/h"}, {"XDG_DATA_HOME", "/x"}, {"XDG_CONFIG_HOME", "relative"}});
    paths = tend::explain_paths(xdg.io, std::nullopt);
    CHECK((paths.paths.data_dir == "/x/tend" && paths.data_from == "XDG_DATA_HOME"));
    CHECK((paths.paths.config_file == "/h/.config/tend/config.toml" && paths.config_from == "default"));
    tend::test::TestIo config(tend::Env{{"HOME", "/h"}, {"TEND_CONFIG", "/c.toml"}});
    CHECK(tend::explain_paths(config.io, std::nullopt).config_from == "TEND_CONFIG");
}

TEST_CASE("the text output: paths, findings as file:line:col, and a summary") {
    tend::ExplainedPaths paths{tend::Paths{"/d", "/c.toml"}, "TEND_DATA_DIR", "default"};
    tend::DataCheck check;
    check.data_dir_exists = true;
    check.files = {{"/d/checkin/2026-11.toml", "checkin", 3402}};
    check.records = 3402;
    const tend::Style plain(false);
    check.devices = {"desk", "laptop"};
    const tend::Device laptop{"laptop", "TEND_DEVICE"};
    CHECK(report::render_check_text(paths, laptop, check, plain) ==
          "Data:    /d (from TEND_DATA_DIR)\n"
          "Config:  /c.toml (the default; not there, so tend uses its defaults)\n"
          "Device:  laptop (from TEND_DEVICE)\n"
          "Others:  desk (their files are read, never written)\n"
          "\n"
          "1 file, 3,402 records, no problems\n");
    check.findings = {Finding{"/d/checkin/2026-11.toml", 4, 8, "'mood' must be an integer", Severity::problem},
                      Finding{"/d/checkin/2026-11.toml", 0, 0, "has mode 0644", Severity::warning}};
    const std::string text = report::render_check_text(paths, std::nullopt, check, plain);
    CHECK(contains(text, "Device:  not named yet"));
    CHECK(contains(text, "\n/d/checkin/2026-11.toml:4:8: 'mood' must be an integer\n"));
    CHECK(contains(text, "\n/d/checkin/2026-11.toml: warning: has mode 0644\n"));
    CHECK(text.ends_with("\n1 problem in 1 file; 1 warning to look at; nothing was changed\n"));
}

TEST_CASE("the JSON output has the paths, the files and the problems with their positions") {
    tend::ExplainedPaths paths{tend::Paths{"/d", "/c.toml"}, "default", "TEND_CONFIG"};
    tend::DataCheck check;
    check.config_exists = true;
    check.files = {{"/c.toml", "config", 0}};
    check.findings = {Finding{"/c.toml", 2, 13, "[safety] threshold must be a whole number from 0 to 10"}};
    const std::string json = report::check_json(paths, std::nullopt, check).dump({.pretty = false});
    CHECK(contains(json, R"("device":{"name":null,"from":null,"devices":[]},)"));
    CHECK(json.starts_with(R"({"schema":"tend.check/1","data_dir":{"path":"/d","from":"default","exists":false,)"));
    CHECK(contains(json, R"("files":[{"path":"/c.toml","kind":"config","records":null}],"records":0,)"));
    CHECK(contains(json, R"("problems":[{"file":"/c.toml","line":2,"column":13,"message":)"));
    CHECK(json.ends_with(R"("warnings":[],"sound":false})"));
}

TEST_CASE("report --check exits 65 with problems, 0 without, and refuses period options") {
    DataFixture f;
    const auto run = [&](std::vector<const char*> args) {
        tend::test::TestIo t(tend::Env{
            {"HOME", f.tmp.path().string()}, {"TEND_DATA_DIR", f.data.string()}, {"TEND_CONFIG", f.config.string()}});
        args.insert(args.begin(), "report");
        const int status = tend::run_tool("report", static_cast<int>(args.size()), args.data(), t.io, report::main);
        return std::tuple{status, t.out.str(), t.err.str()};
    };
    f.write_month("2026-11.toml", november);
    auto [status, out, err] = run({"--check"});
    CHECK(status == 0);
    CHECK(contains(out, "1 file, 2 records, no problems"));
    CHECK(err.empty());
    write_bytes(f.config, "[report]\nweek_start = 3\n");
    std::tie(status, out, err) = run({"--check"});
    CHECK(status == 65);
    CHECK(contains(out, f.config.string() + ":2:14: "));
    std::tie(status, out, err) = run({"--check", "--week", "last", "-o", "x.md"});
    CHECK(status == 2);
    CHECK(contains(err, "report: error: --check: "));
    CHECK(contains(err, "--week, -o; leave them out"));
}
