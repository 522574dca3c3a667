// Reading prompt decks. Every problem is collected rather than thrown, so that `prompt check`
// can list them all and a broken user deck can be skipped without stopping the others.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deck.hpp"

#include <toml++/toml.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "error.hpp"
#include "files.hpp"
#include "terminal.hpp"

namespace tend {
namespace fs = std::filesystem;

const std::vector<std::string_view> known_notes{
    "abuse",     "body", "childhood",     "conflict", "family", "grief", "health", "money", "past-relationships",
    "self-harm", "sex",  "substance-use", "trauma",
};

const std::vector<NoteRule> note_rules{
    {"conflict", {"argument", "fight", "disagree", "conflict", "apolog", "sorry", "forgiv"}},
    {"body", {"your body", "in the body", "touch and", "touched"}},
    {"childhood", {"child", "grew up", "growing up", "raised you", "teenager", "when you were small", "at fifteen"}},
    {"sex", {"intimacy", "sexual"}},
    {"abuse", {"control", "threat", "abuse"}},
    {"trauma", {"painful to live", "trauma", "made to feel ashamed", "stay safe when", "go wrong"}},
    {"self-harm", {"self-harm", "hurt yourself", "feeling gets too big"}},
    {"substance-use", {"alcohol", "drinking", "drug", "substance", "feeling gets too big"}},
    {"grief", {"griev", "loss of", "died"}},
};

std::string_view with_name(With with) {
    switch (with) {
        case With::solo:
            return "solo";
        case With::together:
            return "together";
        case With::either:
            return "either";
    }
    return "either";
}

std::optional<With> parse_with(std::string_view text) {
    for (const With with : {With::solo, With::together, With::either})
        if (with_name(with) == text) return with;
    return std::nullopt;
}

bool is_valid_name(std::string_view name) {
    if (name.empty() || name.front() == '-' || name.back() == '-') return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string deck_name_from_file(const fs::path& file) {
    std::string name;
    for (const char raw : file.stem().string()) {
        const char c = (raw >= 'A' && raw <= 'Z') ? static_cast<char>(raw - 'A' + 'a') : raw;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            name += c;
        } else if (!name.empty() && name.back() != '-') {
            name += '-';
        }
    }
    while (!name.empty() && name.back() == '-') name.pop_back();
    if (name.size() > max_name_bytes) name.resize(max_name_bytes);
    while (!name.empty() && name.back() == '-') name.pop_back();
    return name.empty() ? "deck" : name;
}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

// Problems for one deck file, kept with their lines so they can be listed in file order.
class Problems {
public:
    explicit Problems(const fs::path& file) : file_(file) {}
    void add(std::size_t line, std::string_view what, std::size_t column = 0) {
        found_.push_back(Finding{file_, line, column, std::string(what)});
    }
    std::vector<Finding> in_line_order() {
        std::stable_sort(found_.begin(), found_.end(), [](const auto& x, const auto& y) { return x.line < y.line; });
        return std::move(found_);
    }

private:
    fs::path file_;
    std::vector<Finding> found_;
};

std::size_t line_of(const toml::node& node) {
    return node.source().begin.line;
}

std::string label(const DeckPrompt& prompt) {
    return prompt.id.empty() ? std::string("this prompt") : fmt::format("prompt '{}'", neutralize(prompt.id));
}

// Checks what every prompt needs, whatever its format; records the first line of each text.
void check_text(const DeckPrompt& prompt, Problems& problems) {
    if (prompt.text.empty()) {
        problems.add(prompt.line, label(prompt) + " has empty text");
        return;
    }
    if (prompt.text.size() > max_prompt_bytes)
        problems.add(prompt.line, fmt::format("{} is longer than {} bytes", label(prompt), max_prompt_bytes));
    if (!is_valid_utf8(prompt.text)) {
        problems.add(prompt.line, label(prompt) + " is not valid UTF-8");
    } else if (neutralize(prompt.text, true) != prompt.text) {
        problems.add(prompt.line, label(prompt) + " holds a control character or escape sequence");
    }
}

// Duplicate ids and duplicate texts inside one deck.
void check_duplicates(const Deck& deck, Problems& problems) {
    std::map<std::string, std::size_t, std::less<>> ids;
    std::map<std::string, const DeckPrompt*, std::less<>> texts;
    for (const auto& prompt : deck.prompts) {
        if (!prompt.id.empty()) {
            const auto [it, fresh] = ids.emplace(prompt.id, prompt.line);
            if (!fresh)
                problems.add(prompt.line, fmt::format("duplicate id '{}' (first used at line {})",
                                                      neutralize(prompt.id), it->second));
        }
        if (prompt.text.empty()) continue;
        const auto [it, fresh] = texts.emplace(folded_text(prompt.text), &prompt);
        if (!fresh)
            problems.add(prompt.line,
                         fmt::format("{} has the same text as the prompt at line {}", label(prompt), it->second->line));
    }
}

bool is_three_digits(std::string_view text) {
    return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_id(const DeckPrompt& prompt, const Deck& deck, DeckRules rules, Problems& problems) {
    const std::string id = neutralize(prompt.id);
    if (prompt.id.empty()) {
        problems.add(prompt.line, "[[prompt]] has no 'id'; give it one like \"" + deck.name + "-001\"");
        return;
    }
    if (!is_valid_name(prompt.id) || prompt.id.size() > max_id_bytes) {
        problems.add(prompt.line,
                     fmt::format("id '{}' must be up to {} lower-case letters, digits and hyphens", id, max_id_bytes));
        return;
    }
    const std::string prefix = deck.name + "-";
    if (!prompt.id.starts_with(prefix) || prompt.id.size() == prefix.size()) {
        problems.add(prompt.line, fmt::format("id '{}' must start with the deck's name, '{}'", id, prefix));
        return;
    }
    if (rules == DeckRules::shipped && !is_three_digits(std::string_view(prompt.id).substr(prefix.size())))
        problems.add(prompt.line, fmt::format("id '{}' must be '{}' and three digits", id, prefix));
}

std::optional<std::string> string_value(const toml::node& node, std::string_view key, Problems& problems) {
    if (!node.is_string()) {
        problems.add(line_of(node), fmt::format("'{}' must be a string in quotes", key));
        return std::nullopt;
    }
    return node.as_string()->get();
}

void read_deck_table(const toml::table* table, Deck& deck, DeckRules rules, Problems& problems) {
    constexpr std::array<std::string_view, 4> keys{"name", "title", "description", "how_to_use"};
    if (!table) {
        if (rules == DeckRules::shipped)
            problems.add(1, "no [deck] table with name, title, description and how_to_use");
        return;
    }
    for (const auto& [key, node] : *table) {
        if (std::find(keys.begin(), keys.end(), key.str()) == keys.end()) {
            problems.add(line_of(node), fmt::format("unknown key '{}' in [deck]; it takes {}", neutralize(key.str()),
                                                    "name, title, description and how_to_use"));
            continue;
        }
        auto value = string_value(node, key.str(), problems);
        if (!value) continue;
        std::string text = trimmed(*value);
        if (key.str() == "name") {
            if (!is_valid_name(text) || text.size() > max_name_bytes) {
                problems.add(line_of(node), fmt::format("deck name '{}' must be up to {} lower-case letters, digits "
                                                        "and hyphens",
                                                        neutralize(text), max_name_bytes));
                continue;
            }
            deck.name = std::move(text);
        } else if (key.str() == "title") {
            deck.title = std::move(text);
        } else if (key.str() == "description") {
            deck.description = std::move(text);
        } else {
            deck.how_to_use = std::move(text);
        }
    }
    if (rules != DeckRules::shipped) return;
    const std::array<std::pair<std::string_view, const std::string*>, 4> required{{{"name", &deck.name},
                                                                                   {"title", &deck.title},
                                                                                   {"description", &deck.description},
                                                                                   {"how_to_use", &deck.how_to_use}}};
    for (const auto& [key, value] : required)
        if (value->empty()) problems.add(line_of(*table), fmt::format("[deck] needs a non-empty '{}'", key));
}

void read_notes(const toml::node& node, DeckPrompt& prompt, DeckRules rules, Problems& problems) {
    const toml::array* array = node.as_array();
    if (!array) {
        problems.add(line_of(node), "'notes' must be a list of strings, like [\"family\", \"body\"]");
        return;
    }
    for (const auto& item : *array) {
        auto note = string_value(item, "notes", problems);
        if (!note) continue;
        if (!is_valid_name(*note) || note->size() > max_name_bytes) {
            problems.add(line_of(item), fmt::format("content note '{}' must be lower-case letters, digits and hyphens",
                                                    neutralize(*note)));
            continue;
        }
        if (rules == DeckRules::shipped &&
            std::find(known_notes.begin(), known_notes.end(), *note) == known_notes.end()) {
            problems.add(line_of(item),
                         fmt::format("content note '{}' is not one of the known notes", neutralize(*note)));
            continue;
        }
        if (std::find(prompt.notes.begin(), prompt.notes.end(), *note) == prompt.notes.end())
            prompt.notes.push_back(*note);
    }
}

// The first note a shipped prompt's words call for and it lacks, with the words that call for it.
std::optional<std::pair<std::string_view, std::string_view>> needed_note(const DeckPrompt& prompt) {
    std::string lower = prompt.text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& rule : note_rules) {
        if (std::find(prompt.notes.begin(), prompt.notes.end(), rule.note) != prompt.notes.end()) continue;
        for (const auto words : rule.words)
            if (lower.find(words) != std::string::npos) return std::pair{rule.note, words};
    }
    return std::nullopt;
}

DeckPrompt read_prompt(const toml::table& table, DeckRules rules, Problems& problems) {
    DeckPrompt prompt;
    prompt.line = line_of(table);
    bool has_text = false;
    for (const auto& [key, node] : table) {
        const std::string_view name = key.str();
        if (name == "id") {
            if (auto id = string_value(node, "id", problems)) prompt.id = *id;
        } else if (name == "text") {
            has_text = true;
            if (auto text = string_value(node, "text", problems)) prompt.text = trimmed(*text);
        } else if (name == "depth") {
            const auto depth = node.value<int64_t>();
            if (!node.is_integer() || !depth || *depth < 1 || *depth > 3) {
                problems.add(line_of(node), "'depth' must be 1 (light), 2 or 3 (deep)");
                continue;
            }
            prompt.depth = static_cast<int>(*depth);
        } else if (name == "with") {
            auto text = string_value(node, "with", problems);
            if (!text) continue;
            if (auto with = parse_with(*text)) {
                prompt.with = *with;
            } else {
                problems.add(line_of(node),
                             fmt::format("'with' is '{}'; it must be solo, together or either", neutralize(*text)));
            }
        } else if (name == "notes") {
            read_notes(node, prompt, rules, problems);
        } else {
            problems.add(line_of(node), fmt::format("unknown key '{}' in [[prompt]]; it takes id, text, depth, with "
                                                    "and notes",
                                                    neutralize(name)));
        }
    }
    if (!has_text) {
        problems.add(prompt.line, label(prompt) + " has no 'text'");
    } else {
        check_text(prompt, problems);
        if (rules == DeckRules::shipped)
            if (auto needed = needed_note(prompt))
                problems.add(prompt.line, fmt::format("{} speaks of '{}' and needs the content note '{}'",
                                                      label(prompt), needed->second, needed->first));
    }
    return prompt;
}

}  // namespace

std::string folded_text(std::string_view text) {
    // Word by word, each appended whole: a character at a time cost a deck of 60 prompts
    // 200,000 instructions at every start.
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        while (pos < text.size() && is_space(text[pos])) ++pos;
        const std::size_t start = pos;
        while (pos < text.size() && !is_space(text[pos])) ++pos;
        if (start == pos) break;
        if (!out.empty()) out += ' ';
        out.append(text.substr(start, pos - start));
    }
    return out;
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t state) {
    for (const char c : bytes) {
        state ^= static_cast<unsigned char>(c);
        state *= 1099511628211ull;
    }
    return state;
}

std::uint64_t splitmix64(std::uint64_t value) {
    value += 0x9E3779B97F4A7C15ull;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
    return value ^ (value >> 31);
}

namespace {

void read_toml_deck(std::string_view text, const fs::path& file, DeckRules rules, DeckLoad& load, Problems& problems) {
    toml::table root;
    try {
        root = toml::parse(text, std::string_view(file.string()));
    } catch (const toml::parse_error& e) {
        problems.add(e.source().begin.line, e.description(), e.source().begin.column);
        return;
    }
    for (const auto& [key, node] : root)
        if (key.str() != "deck" && key.str() != "prompt")
            problems.add(line_of(node),
                         fmt::format("unknown key '{}'; a deck holds a [deck] table and [[prompt]] tables",
                                     neutralize(key.str())));

    const toml::node* deck_node = root.get("deck");
    if (deck_node && !deck_node->is_table()) problems.add(line_of(*deck_node), "'deck' must be a [deck] table");
    read_deck_table(deck_node ? deck_node->as_table() : nullptr, load.deck, rules, problems);
    const std::string file_name = deck_name_from_file(file);
    if (load.deck.name.empty()) load.deck.name = file_name;
    if (rules == DeckRules::shipped && load.deck.name != file.stem().string())
        problems.add(deck_node ? line_of(*deck_node) : 1, fmt::format("deck name '{}' must match the file name '{}'",
                                                                      load.deck.name, file.filename().string()));
    if (load.deck.title.empty()) load.deck.title = load.deck.name;

    const toml::node* prompts = root.get("prompt");
    if (!prompts) {
        problems.add(1, "no [[prompt]] tables; a deck needs at least one prompt");
        return;
    }
    const toml::array* array = prompts->as_array();
    if (!array || !array->is_array_of_tables()) {
        problems.add(line_of(*prompts), "'prompt' must be written as [[prompt]] tables");
        return;
    }
    for (const auto& node : *array) {
        DeckPrompt prompt = read_prompt(*node.as_table(), rules, problems);
        check_id(prompt, load.deck, rules, problems);
        load.deck.prompts.push_back(std::move(prompt));
    }
    check_duplicates(load.deck, problems);
}

}  // namespace

DeckLoad parse_toml_deck(std::string_view text, const fs::path& file, DeckRules rules) {
    DeckLoad load;
    load.deck.file = file;
    Problems problems(file);
    read_toml_deck(text, file, rules, load, problems);
    load.problems = problems.in_line_order();
    return load;
}

DeckLoad parse_text_deck(std::string_view text, const fs::path& file) {
    DeckLoad load;
    load.deck.file = file;
    load.deck.name = deck_name_from_file(file);
    load.deck.title = load.deck.name;
    load.deck.description = "Your own prompts, from " + file.filename().string();
    Problems problems(file);

    struct Chunk {
        std::size_t first_line = 0;  // of its text; of the separator above it when empty
        std::string text;
    };
    std::vector<Chunk> chunks(1, Chunk{1, {}});
    std::size_t number = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        if (line.ends_with('\r')) line.remove_suffix(1);  // files written on Windows
        pos = end + 1;
        ++number;
        if (trimmed(line) == "%") {
            chunks.push_back(Chunk{number, {}});
            continue;
        }
        Chunk& chunk = chunks.back();
        if (trimmed(chunk.text).empty() && !trimmed(line).empty()) chunk.first_line = number;
        chunk.text.append(line).append("\n");
    }
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        DeckPrompt prompt;
        prompt.text = trimmed(chunks[i].text);
        prompt.line = chunks[i].first_line;
        if (prompt.text.empty()) {
            // Only a '%' before the first prompt or after the last one may have nothing beside it.
            if (i != 0 && i + 1 != chunks.size())
                problems.add(prompt.line, "empty prompt: two '%' lines with no text between them");
            continue;
        }
        prompt.id = fmt::format("{}-{:08x}", load.deck.name,
                                static_cast<std::uint32_t>(splitmix64(fnv1a(folded_text(prompt.text))) >> 32));
        check_text(prompt, problems);
        load.deck.prompts.push_back(std::move(prompt));
    }
    if (load.deck.prompts.empty())
        problems.add(1, "no prompts; write each prompt on its own, with a line holding only '%' between them");
    check_duplicates(load.deck, problems);
    load.problems = problems.in_line_order();
    return load;
}

DeckLoad load_deck_file(const fs::path& file, DeckRules rules) {
    const auto unreadable = [&](Finding problem) {
        DeckLoad load;
        load.deck.file = file;
        load.problems.push_back(std::move(problem));
        return load;
    };
    const std::string extension = file.extension().string();
    if (extension != ".toml" && extension != ".txt")
        return unreadable({file, 0, 0, "not a deck: deck files end in .toml or .txt"});
    std::optional<std::string> text;
    try {
        text = read_file_if_exists(file);
    } catch (const Error& e) {
        return unreadable(finding_of(e, file));
    }
    if (!text) return unreadable({file, 0, 0, "no such file"});
    return extension == ".toml" ? parse_toml_deck(*text, file, rules) : parse_text_deck(*text, file);
}

std::vector<fs::path> deck_files(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const fs::path& path = entry.path();
        const std::string name = path.filename().string();
        const std::string extension = path.extension().string();
        if (name.starts_with('.') || (extension != ".toml" && extension != ".txt")) continue;
        std::error_code type_ec;
        if (!entry.is_regular_file(type_ec)) continue;
        files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<Finding> cross_deck_problems(const std::vector<const Deck*>& decks, bool same_text) {
    std::vector<Finding> problems;
    std::map<std::string, const Deck*, std::less<>> names;
    std::map<std::string, std::pair<const Deck*, const DeckPrompt*>, std::less<>> ids;
    std::map<std::string, std::pair<const Deck*, const DeckPrompt*>, std::less<>> texts;
    const auto where = [](const Deck& deck, const DeckPrompt* prompt) {
        return prompt ? fmt::format("{}:{}", deck.file.string(), prompt->line) : deck.file.string();
    };
    for (const Deck* deck : decks) {
        if (const auto [it, fresh] = names.emplace(deck->name, deck); !fresh) {
            problems.push_back({deck->file, 0, 0,
                                fmt::format("deck name '{}' is already taken by {}", neutralize(deck->name),
                                            where(*it->second, nullptr))});
            continue;
        }
        for (const auto& prompt : deck->prompts) {
            if (const auto [it, fresh] = ids.emplace(prompt.id, std::pair{deck, &prompt}); !fresh)
                problems.push_back({deck->file, prompt.line, 0,
                                    fmt::format("id '{}' is already used at {}", neutralize(prompt.id),
                                                where(*it->second.first, it->second.second))});
            if (!same_text) continue;
            if (const auto [it, fresh] = texts.emplace(folded_text(prompt.text), std::pair{deck, &prompt}); !fresh)
                problems.push_back(
                    {deck->file, prompt.line, 0,
                     fmt::format("prompt '{}' has the same text as '{}' at {}", neutralize(prompt.id),
                                 neutralize(it->second.second->id), where(*it->second.first, it->second.second))});
        }
    }
    return problems;
}

}  // namespace tend
