// The user's config.toml: read (never written), checked, with defaults for everything.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>

#include "exercise.hpp"
#include "finding.hpp"

namespace tend {

// [safety.plan]: the person's own safety plan (after the Stanley-Brown plan), each part a list.
// Read leniently: a part that cannot be read becomes a problem and the rest is still there.
struct SafetyPlan {
    bool present = false;  // the config has a [safety.plan] table
    std::vector<std::string> warning_signs, coping, distractions, people, professionals, environment, reasons;
    std::vector<Finding> problems;  // each part or item left out, where it is
};

struct SafetyConfig {
    int threshold = 9;                  // distress 0-10 at which the grounding line appears
    std::vector<std::string> contacts;  // the person's own people, e.g. "Sam 07700 900123"
    std::string crisis_line;            // the person's own crisis line; tend never assumes one
    std::string message;                // their own words, shown first
    SafetyPlan plan;
};

struct CheckinConfig {
    int every_days = 1;                            // due when none in the last N local days
    std::optional<std::chrono::minutes> due_from;  // and not before this time of day
    std::vector<std::string> feelings;             // the person's own feeling words
};

struct BreatheConfig {
    std::string pattern;  // default pattern name or spec; empty: the built-in default
    double minutes = 3;
    std::vector<std::pair<std::string, std::string>> patterns;  // [breathe.patterns] name = "4-2-6-0"
    std::vector<Exercise> exercises;                            // [breathe.exercises.NAME], in file order
};

struct PromptConfig {
    std::string seed;
    int cooldown_days = 30;
    std::vector<std::string> exclude;
    std::optional<int> depth;  // the deepest prompt given unasked-for-more, 1-3
    std::string with;          // "together", "solo" or "either"; empty: not set
};

// [couple]: the folder two partners sync between them, and how this person is named there.
struct CoupleConfig {
    std::string dir;   // absolute, or starting with "~/"; empty: no couple folder
    std::string name;  // shown beside what they share; empty: the device's name
};

struct ReportConfig {
    date::weekday week_start = date::Monday;
};

struct DeviceConfig {
    std::string name;  // this device's name in a synced data directory; empty: the machine's own
};

struct Config {
    SafetyConfig safety;
    CheckinConfig checkin;
    BreatheConfig breathe;
    PromptConfig prompt;
    CoupleConfig couple;
    ReportConfig report;
    DeviceConfig device;
    std::vector<Finding> warnings;  // unknown keys, for the tool to print (Finding::located)
    // What is wrong ("[report] week_start must be ...", where), each left at its default: a
    // tool warns and goes on, `report --check` counts them as problems.
    std::vector<Finding> problems;
};

// Never throws and never blocks: care must not wait on a config mistake. A missing file gives
// the defaults; an unreadable file, a directory or a FIFO gives the defaults and a problem.
Config load_config(const std::filesystem::path& file);

// Parses the text of a config file (`file` names it in messages). A wrong value keeps its
// default; a file that does not parse is read table by table, so [safety] is used whenever it
// parses on its own.
Config parse_config(const std::string& text, const std::filesystem::path& file);

}  // namespace tend
