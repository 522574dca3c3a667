// The [[prompt]] history record: its format, events, and a round trip through the store.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "prompt_record.hpp"
#include "store.hpp"

using namespace std::chrono_literals;
using tend::PromptEvent;
using tend::Record;
using tend::test::TempDir;
using tend::test::toml_time;

TEST_CASE("prompt events have names both ways, and unknown ones are skipped rather than fatal") {
    for (const auto event :
         {PromptEvent::shown, PromptEvent::answered, PromptEvent::skipped, PromptEvent::fav, PromptEvent::unfav})
        CHECK(tend::parse_prompt_event(tend::prompt_event_name(event)) == event);
    CHECK_FALSE(tend::parse_prompt_event("liked"));
    Record record{{"event", "liked"}};
    CHECK_FALSE(tend::prompt_event(record));
    CHECK_FALSE(tend::prompt_event(Record{}));
}

TEST_CASE("an answer round-trips through the store with its prompt text and answer intact") {
    TempDir tmp;
    tend::RecordStore store(tmp / "data", tend::prompt_format, 100ms);
    Record answer{{"at", toml_time("2026-11-21T19:10:00+00:00")},
                  {"recorded", toml_time("2026-11-21T19:10:00+00:00")},
                  {"event", "answered"},
                  {"prompt_id", "reveal-003"},
                  {"deck", "reveal"},
                  {"prompt_text", "What were you quietly proud of?"},
                  {"text", "Line one\nand \"two\"\x1b"}};
    const Record stored = store.append(answer);
    const auto records = store.read_latest(10);
    REQUIRE(records.size() == 1);
    CHECK(records[0] == stored);
    CHECK(tend::prompt_event(records[0]) == PromptEvent::answered);
    CHECK(tend::field<std::string>(records[0], "text") == "Line one\nand \"two\"\x1b");
    const std::string file =
        tend::test::read_bytes(tmp / "data" / "devices" / "this-device" / "prompt" / "2026-11.toml");
    CHECK(tend::test::contains(file, "text = \"Line one\\nand \\\"two\\\"\\u001B\""));
}

TEST_CASE("a prompt record without its required fields does not validate") {
    Record record{{"id", "a2abc"},
                  {"at", toml_time("2026-11-21T19:10:00+00:00")},
                  {"recorded", toml_time("2026-11-21T19:10:00+00:00")},
                  {"event", "shown"}};
    const auto problems = tend::validate_record(record, tend::prompt_format);
    REQUIRE(problems.size() == 2);
    CHECK(tend::test::contains(problems[0].what, "no 'prompt_id'"));
    CHECK(tend::test::contains(problems[1].what, "no 'deck'"));
}

TEST_CASE("a prompt entry is written into a record and read back from it typed") {
    const tend::PromptEntry answer{PromptEvent::answered, "repair-3", "repair", "What helped?", "Time."};
    Record record = tend::new_record(tend::test::offset_time("2026-11-21T19:10:00+00:00"),
                                     tend::test::offset_time("2026-11-21T19:12:00+00:00"));
    tend::write_prompt_entry(answer, record);
    record.insert_or_assign("id", "a2abc");  // given by the store when it lands
    CHECK(tend::validate_record(record, tend::prompt_format).empty());
    const auto back = tend::read_prompt_entry(record);
    REQUIRE(back);
    CHECK(back->event == PromptEvent::answered);
    CHECK(back->prompt_id == "repair-3");
    CHECK(back->deck == "repair");
    CHECK(back->prompt_text == "What helped?");
    CHECK(back->text == "Time.");

    Record shown = tend::new_record(tend::test::offset_time("2026-11-21T19:10:00+00:00"),
                                    tend::test::offset_time("2026-11-21T19:10:00+00:00"));
    tend::write_prompt_entry({PromptEvent::shown, "repair-3", "repair", std::nullopt, std::nullopt}, shown);
    CHECK_FALSE(shown.contains("text"));
    CHECK_FALSE(shown.contains("prompt_text"));
    shown.insert_or_assign("event", "liked");
    CHECK_FALSE(tend::read_prompt_entry(shown));
}
