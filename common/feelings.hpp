// The feeling-word vocabulary: tend's own words grouped by pleasantness and energy, plus the person's.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tend {

struct FeelingGroup {
    std::string name;          // e.g. "bright"
    std::string pleasantness;  // pleasant | unpleasant
    std::string energy;        // high | low
    std::string description;
    std::vector<std::string> words;
};

class FeelingVocabulary {
public:
    // Parses the shipped vocabulary (data/feelings.toml, compiled in) and adds the
    // person's own words from [checkin] feelings as a group of their own.
    static FeelingVocabulary shipped(const std::vector<std::string>& own_words);
    // Parses vocabulary text in the same format (for tests and checks).
    static FeelingVocabulary parse(std::string_view text, std::string_view source);

    const std::vector<FeelingGroup>& groups() const { return groups_; }
    // The group holding a word (lower case), or nullptr.
    const FeelingGroup* group_of(std::string_view word) const;

private:
    std::vector<FeelingGroup> groups_;
};

// Normalises a typed feeling or tag: trimmed and lower-cased (ASCII).
std::string normalize_word(std::string_view word);

}  // namespace tend
