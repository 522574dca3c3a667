// The feeling-word vocabulary: four groups by pleasantness and energy, the person's own words, suggestions.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "feelings.hpp"
#include "fixtures.hpp"

using tend::FeelingVocabulary;

TEST_CASE("the shipped vocabulary has four groups, one for each pleasantness and energy") {
    const auto vocabulary = FeelingVocabulary::shipped({});
    REQUIRE(vocabulary.groups().size() == 4);
    std::set<std::pair<std::string, std::string>> kinds;
    for (const auto& group : vocabulary.groups()) {
        CAPTURE(group.name);
        CHECK_FALSE(group.name.empty());
        CHECK_FALSE(group.description.empty());
        CHECK(group.words.size() >= 10);
        kinds.emplace(group.pleasantness, group.energy);
    }
    const std::set<std::pair<std::string, std::string>> expected{
        {"pleasant", "high"}, {"pleasant", "low"}, {"unpleasant", "high"}, {"unpleasant", "low"}};
    CHECK(kinds == expected);
}

TEST_CASE("no shipped word is in two groups or twice in one") {
    const auto vocabulary = FeelingVocabulary::shipped({});
    std::map<std::string, int> count;
    for (const auto& group : vocabulary.groups())
        for (const auto& word : group.words) ++count[word];
    REQUIRE_FALSE(count.empty());
    for (const auto& [word, n] : count) {
        CAPTURE(word);
        CHECK(n == 1);
    }
}

TEST_CASE("shipped words are already normalised") {
    const auto vocabulary = FeelingVocabulary::shipped({});
    for (const auto& group : vocabulary.groups())
        for (const auto& word : group.words) {
            CAPTURE(word);
            CHECK(word == tend::normalize_word(word));
            CHECK_FALSE(word.empty());
        }
}

TEST_CASE("group_of finds a word's group") {
    const auto vocabulary = FeelingVocabulary::shipped({});
    const auto* tired = vocabulary.group_of("tired");
    REQUIRE(tired);
    CHECK(tired->pleasantness == "unpleasant");
    CHECK(tired->energy == "low");
    const auto* calm = vocabulary.group_of("calm");
    REQUIRE(calm);
    CHECK(calm->pleasantness == "pleasant");
    CHECK(calm->energy == "low");
    const auto* anxious = vocabulary.group_of("anxious");
    REQUIRE(anxious);
    CHECK(anxious->energy == "high");
    CHECK(vocabulary.group_of("xyzzy") == nullptr);
}

TEST_CASE("the person's own words are added as a group of their own, normalised") {
    const auto vocabulary = FeelingVocabulary::shipped({"Wobbly", "  fizzy "});
    REQUIRE(vocabulary.groups().size() == 5);
    const auto* wobbly = vocabulary.group_of("wobbly");
    REQUIRE(wobbly);
    CHECK(wobbly == &vocabulary.groups().back());
    CHECK(vocabulary.group_of("fizzy") == wobbly);
    CHECK(vocabulary.group_of("Wobbly") == nullptr);
    const auto shipped_only = FeelingVocabulary::shipped({});
    CHECK(shipped_only.group_of("wobbly") == nullptr);
}

TEST_CASE("the words survivors need to say are in the vocabulary, on the right side of the grid") {
    const auto vocabulary = FeelingVocabulary::shipped({});
    for (const char* word : {"unsafe", "frozen", "ashamed", "betrayed", "worried", "afraid", "confused"}) {
        CAPTURE(word);
        REQUIRE(vocabulary.group_of(word));
        CHECK(vocabulary.group_of(word)->pleasantness == "unpleasant");
        CHECK(vocabulary.group_of(word)->energy == "high");
    }
    for (const char* word : {"numb", "guilty", "rejected", "abandoned", "vulnerable"}) {
        CAPTURE(word);
        REQUIRE(vocabulary.group_of(word));
        CHECK(vocabulary.group_of(word)->pleasantness == "unpleasant");
        CHECK(vocabulary.group_of(word)->energy == "low");
    }
    REQUIRE(vocabulary.group_of("happy"));
    CHECK(vocabulary.group_of("happy")->pleasantness == "pleasant");
    REQUIRE(vocabulary.group_of("safe"));
    CHECK(vocabulary.group_of("safe")->pleasantness == "pleasant");
}

TEST_CASE("no word is in two groups") {
    std::set<std::string> seen;
    const auto vocabulary = FeelingVocabulary::shipped({});
    for (const auto& group : vocabulary.groups())
        for (const auto& word : group.words) CHECK_MESSAGE(seen.insert(word).second, word);
}

TEST_CASE("normalize_word trims and lower-cases") {
    CHECK(tend::normalize_word("  Tired\t\n") == "tired");
    CHECK(tend::normalize_word("ON-EDGE") == "on-edge");
    CHECK(tend::normalize_word("") == "");
}

TEST_CASE("a vocabulary parses from text in the shipped format") {
    const auto vocabulary = FeelingVocabulary::parse(
        "[[group]]\nname = \"g\"\npleasantness = \"pleasant\"\nenergy = \"high\"\nwords = [\"Glad\"]\n", "mine.toml");
    REQUIRE(vocabulary.groups().size() == 1);
    CHECK(vocabulary.groups()[0].words == std::vector<std::string>{"glad"});
}

TEST_CASE("a vocabulary that does not parse or has no groups is a data error") {
    const auto syntax = tend::test::error_from([] { (void)FeelingVocabulary::parse("[[group]\n", "mine.toml"); });
    REQUIRE(syntax);
    CHECK(syntax->code() == tend::Exit::data);
    CHECK(std::string(syntax->what()).starts_with("mine.toml:1:"));
    const auto empty = tend::test::error_from([] { (void)FeelingVocabulary::parse("# none\n", "mine.toml"); });
    REQUIRE(empty);
    CHECK(empty->code() == tend::Exit::data);
    const auto no_words = tend::test::error_from(
        [] { (void)FeelingVocabulary::parse("\n[[group]]\nname = \"g\"\nwords = []\n", "mine.toml"); });
    REQUIRE(no_words);
    CHECK(no_words->code() == tend::Exit::data);
    CHECK(std::string(no_words->what()).starts_with("mine.toml:2"));
}
