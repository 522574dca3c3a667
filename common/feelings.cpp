// Loading and looking up feeling words.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feelings.hpp"

#include <toml++/toml.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "error.hpp"
#include "record.hpp"

namespace tend {
namespace embedded {
extern const std::string_view feelings_toml;
}

std::string normalize_word(std::string_view word) {
    while (!word.empty() && std::isspace(static_cast<unsigned char>(word.front()))) word.remove_prefix(1);
    while (!word.empty() && std::isspace(static_cast<unsigned char>(word.back()))) word.remove_suffix(1);
    std::string out(word);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

FeelingVocabulary FeelingVocabulary::parse(std::string_view text, std::string_view source) {
    const toml::table root = parse_toml_document(text, source);
    FeelingVocabulary vocabulary;
    const toml::array* groups = root["group"].as_array();
    if (!groups) fail(Exit::data, fmt::format("{}: no [[group]] tables", source));
    for (const auto& node : *groups) {
        const toml::table* table = node.as_table();
        if (!table) continue;
        FeelingGroup group{(*table)["name"].value_or(std::string{}),
                           (*table)["pleasantness"].value_or(std::string{}),
                           (*table)["energy"].value_or(std::string{}),
                           (*table)["description"].value_or(std::string{}),
                           {}};
        if (const toml::array* words = (*table)["words"].as_array())
            for (const auto& word : *words)
                if (auto w = word.value<std::string>()) group.words.push_back(normalize_word(*w));
        if (group.name.empty() || group.words.empty())
            fail(Exit::data,
                 fmt::format("{}:{}: a [[group]] needs a name and words", source, table->source().begin.line));
        vocabulary.groups_.push_back(std::move(group));
    }
    return vocabulary;
}

FeelingVocabulary FeelingVocabulary::shipped(const std::vector<std::string>& own_words) {
    FeelingVocabulary vocabulary = parse(embedded::feelings_toml, "feelings.toml");
    if (!own_words.empty()) {
        FeelingGroup own{"your own", "", "", "Words from [checkin] feelings in your config", {}};
        for (const auto& word : own_words) own.words.push_back(normalize_word(word));
        vocabulary.groups_.push_back(std::move(own));
    }
    return vocabulary;
}

const FeelingGroup* FeelingVocabulary::group_of(std::string_view word) const {
    for (const auto& group : groups_)
        if (std::find(group.words.begin(), group.words.end(), word) != group.words.end()) return &group;
    return nullptr;
}

}  // namespace tend
