// The memo of the day's shown prompt: it answers only while no device's file of that month changed.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "fixtures.hpp"
#include "shown_today.hpp"

namespace fs = std::filesystem;
using prompt::remember_shown;
using prompt::remembered_shown;
using tend::test::local_day;

namespace {

void append(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::app) << text;
}

struct Data {
    tend::test::TempDir tmp;
    fs::path dir = tmp / "data";
    fs::path file(const char* device, const char* month = "2026-11") const {
        return dir / "devices" / device / "prompt" / (std::string(month) + ".toml");
    }
};

}  // namespace

TEST_CASE("the shown prompt is remembered for its day and its id only") {
    Data data;
    const auto day = local_day(2026, 11, 21);
    append(data.file("laptop"), "[[prompt]]\n");
    CHECK_FALSE(remembered_shown(data.dir, day, "repair-007"));
    remember_shown(data.dir, day, "repair-007");
    CHECK(remembered_shown(data.dir, day, "repair-007"));
    CHECK_FALSE(remembered_shown(data.dir, day, "repair-008"));
    CHECK_FALSE(remembered_shown(data.dir, local_day(2026, 11, 22), "repair-007"));
    struct stat st {};
    REQUIRE(::stat((data.dir / ".local" / "prompt-today").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("the memo stops answering when any device's file of the month changes, appears or goes") {
    Data data;
    const auto day = local_day(2026, 11, 21);
    append(data.file("laptop"), "[[prompt]]\n");
    const auto again = [&] {
        remember_shown(data.dir, day, "x");
        REQUIRE(remembered_shown(data.dir, day, "x"));
    };
    again();
    SUBCASE("a change to the file") {
        append(data.file("laptop"), "\n");
        CHECK_FALSE(remembered_shown(data.dir, day, "x"));
    }
    SUBCASE("a file rewritten to the same size (the record taken out by hand)") {
        const auto size = fs::file_size(data.file("laptop"));
        fs::remove(data.file("laptop"));
        append(data.file("laptop"), std::string(size, '#'));
        CHECK_FALSE(remembered_shown(data.dir, day, "x"));
    }
    SUBCASE("the file gone") {
        fs::remove(data.file("laptop"));
        CHECK_FALSE(remembered_shown(data.dir, day, "x"));
    }
    SUBCASE("another device's file of that month arrives") {
        append(data.file("desktop"), "[[prompt]]\n");
        CHECK_FALSE(remembered_shown(data.dir, day, "x"));
        again();
        append(data.file("desktop"), "\n");
        CHECK_FALSE(remembered_shown(data.dir, day, "x"));
    }
    SUBCASE("a new device, without a file of that month yet") {
        fs::create_directories(data.dir / "devices" / "phone");
        CHECK_FALSE(remembered_shown(data.dir, day, "x"));
    }
    SUBCASE("files of other months change nothing") {
        append(data.file("laptop", "2026-10"), "[[prompt]]\n");
        CHECK(remembered_shown(data.dir, day, "x"));
    }
}

TEST_CASE("no memo is trusted or written when there is nothing to stamp") {
    Data data;
    const auto day = local_day(2026, 11, 21);
    remember_shown(data.dir, day, "x");  // no data directory: nothing written, nothing thrown
    CHECK_FALSE(fs::exists(data.dir / ".local" / "prompt-today"));
    CHECK_FALSE(remembered_shown(data.dir, day, "x"));
    append(data.dir / ".local" / "prompt-today", "2026-11-21\tx\n");  // a memo, but no devices to match
    CHECK_FALSE(remembered_shown(data.dir, day, "x"));
}
