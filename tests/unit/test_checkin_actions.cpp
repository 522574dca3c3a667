// checkin's commands in-process: captured streams, a temp data dir, TEND_NOW for the time.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "checkin.hpp"
#include "checkin_record.hpp"
#include "fixtures.hpp"
#include "runner.hpp"
#include "store.hpp"

using namespace std::chrono_literals;
using tend::test::contains;
using tend::test::read_bytes;
using tend::test::ScopedTz;
using tend::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Run {
    int status;
    std::string out;
    std::string err;
};

struct Machine {
    TempDir home;
    std::string now = "2026-11-21T19:10:00+00:00";

    fs::path data() const { return home / "data"; }

    Run run(std::vector<std::string> args) const {
        tend::test::TestIo t({{"HOME", home.path().string()},
                              {"TEND_DEVICE", "this-device"},
                              {"TEND_DATA_DIR", data().string()},
                              {"TEND_CONFIG", (home / "config.toml").string()},
                              {"TEND_NOW", now}});
        std::vector<const char*> argv{"checkin"};
        for (const auto& arg : args) argv.push_back(arg.c_str());
        const int status = tend::run_tool("checkin", static_cast<int>(argv.size()), argv.data(), t.io, checkin::main);
        return {status, t.out.str(), t.err.str()};
    }

    std::vector<tend::Record> records() const {
        tend::RecordStore store(data(), tend::checkin_format, 100ms);
        auto all = store.read_latest(1000);
        std::reverse(all.begin(), all.end());
        return all;
    }
};

std::int64_t mood(const tend::Record& record) {
    return tend::field<std::int64_t>(record, "mood").value_or(-1);
}

}  // namespace

TEST_CASE("a check-in is saved with its id said, and undo takes back exactly that one") {
    ScopedTz tz("Europe/London");
    Machine m;
    REQUIRE(m.run({"4"}).status == 0);
    const Run saved = m.run({"7", "--note", "a better evening"});
    REQUIRE(saved.status == 0);
    const auto records = m.records();
    REQUIRE(records.size() == 2);
    const std::string id = tend::record_id(records.back());
    CHECK(saved.err == "Saved check-in " + id + ".\n");
    CHECK(read_bytes(m.data() / ".local" / "checkin.last") == id + "\n");

    const Run undone = m.run({"undo"});
    CHECK(undone.status == 0);
    CHECK(contains(undone.err, "Undone: check-in " + id));
    REQUIRE(m.records().size() == 1);
    CHECK(mood(m.records().front()) == 4);
    CHECK_FALSE(fs::exists(m.data() / ".local" / "checkin.last"));
    CHECK(m.run({"undo"}).status == 1);
}

TEST_CASE("edit changes one field in the same transaction as it reads, and a move keeps undo pointing at it") {
    ScopedTz tz("Europe/London");
    Machine m;
    REQUIRE(m.run({"5", "--note", "kept"}).status == 0);
    const std::string id = tend::record_id(m.records().front());
    REQUIRE(m.run({"edit", id, "--mood", "2"}).status == 0);
    CHECK(mood(m.records().front()) == 2);
    CHECK(tend::field<std::string>(m.records().front(), "note") == std::optional<std::string>("kept"));

    const Run moved = m.run({"edit", id, "--at", "2026-10-05T12:00"});
    REQUIRE(moved.status == 0);
    const std::string new_id = tend::record_id(m.records().front());
    CHECK(new_id != id);
    CHECK(contains(moved.err, "is now " + new_id));
    CHECK(read_bytes(m.data() / ".local" / "checkin.last") == new_id + "\n");
    CHECK_FALSE(fs::exists(tend::staging_dir(m.data())));
}

TEST_CASE("edit and delete of an unknown id are usage errors that create nothing") {
    Machine m;
    CHECK(m.run({"edit", "zzzzz", "--mood", "1"}).status == 2);
    CHECK(m.run({"delete", "zzzzz"}).status == 2);
    CHECK(m.run({"undo"}).status == 1);
    CHECK_FALSE(fs::exists(m.data()));
}
