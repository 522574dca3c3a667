// The couple's folder's record kinds: what each shared copy may carry, and its fields read once.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "couple.hpp"
#include "fixtures.hpp"

using tend::Record;

namespace {

// A shared copy as its sharer's device writes it: the common fields, by and source, then `more`.
Record shared(const toml::table& more) {
    Record record{{"id", "a3c001"},
                  {"at", toml::date_time{toml::date{2026, 12, 1}, toml::time{20, 0}, toml::time_offset{}}},
                  {"recorded", toml::date_time{toml::date{2026, 12, 1}, toml::time{20, 0}, toml::time_offset{}}},
                  {"by", "Alex"},
                  {"source", "a3c0zz"}};
    for (const auto& [key, value] : more) record.insert_or_assign(key, value);
    return record;
}

}  // namespace

TEST_CASE("every kind of the couple's folder is listed once, by its own name") {
    std::vector<std::string_view> kinds;
    for (const auto* format : tend::couple_formats()) kinds.push_back(format->kind);
    CHECK(kinds == std::vector<std::string_view>{"answer", "numbers", "boundary", "pass"});
}

TEST_CASE("a pass carries who, when and which prompt, and nothing more: never why or the prompt's words") {
    const Record pass = shared(toml::table{{"prompt_id", "repair-007"}, {"deck", "repair"}});
    CHECK(tend::validate_record(pass, tend::shared_pass_format).empty());
    const tend::SharedPass read = tend::read_shared_pass(pass);
    CHECK(read.prompt_id == "repair-007");
    CHECK(read.deck == "repair");
    CHECK(tend::shared_pass_keys.size() == 2);
    for (const auto* key : {"prompt_text", "text", "note", "notes", "reason"}) {
        INFO(key);
        Record more = pass;
        more.insert_or_assign(key, "because of what happened");
        CHECK_FALSE(tend::validate_record(more, tend::shared_pass_format).empty());
    }
}

TEST_CASE("a shared answer, a check-in's numbers and a boundary's event are read into their fields") {
    const tend::SharedAnswer answer = tend::read_shared_answer(shared(toml::table{
        {"prompt_id", "reveal-009"}, {"deck", "reveal"}, {"prompt_text", "What softened?"}, {"text", "You stayed."}}));
    CHECK(answer.prompt_id == "reveal-009");
    CHECK(answer.deck == "reveal");
    CHECK(answer.prompt_text == "What softened?");
    CHECK(answer.text == "You stayed.");

    const Record numbers_record = shared(toml::table{{"mood", 7}, {"closeness", 8}});
    CHECK(tend::validate_record(numbers_record, tend::shared_numbers_format).empty());
    const auto numbers = tend::read_shared_numbers(numbers_record).values;
    CHECK(numbers == std::array<std::optional<int>, 5>{7, std::nullopt, std::nullopt, 8, std::nullopt});

    const Record boundary_record =
        shared(toml::table{{"of", "a3c0aa"}, {"event", "held"}, {"text", "I take twenty minutes"}, {"hard", true}});
    CHECK(tend::validate_record(boundary_record, tend::shared_boundary_format).empty());
    const tend::SharedBoundary boundary = tend::read_shared_boundary(boundary_record);
    CHECK(boundary.of == "a3c0aa");
    CHECK(boundary.event == "held");
    CHECK(boundary.text == "I take twenty minutes");
    CHECK_FALSE(boundary.type.has_value());
    CHECK(boundary.hard);
}
