// Reading config.toml: one table of known keys per section, checked value by value.
#include "config.hpp"

#include <toml++/toml.h>
#include <fmt/format.h>

#include <functional>
#include <map>

#include "error.hpp"
#include "record.hpp"
#include "files.hpp"
#include "terminal.hpp"
#include "time.hpp"

namespace tend {
namespace fs = std::filesystem;

namespace {

std::string at(const fs::path& file, const toml::node& node) {
    return fmt::format("{}:{}:{}", file.string(), node.source().begin.line, node.source().begin.column);
}

[[noreturn]] void bad_value(const fs::path& file, const toml::node& node, std::string_view section,
                            std::string_view key, std::string_view expected) {
    fail(Exit::data, fmt::format("{}: [{}] {} must be {}", at(file, node), section, key, expected));
}

int integer_in(const fs::path& file, const toml::node& node, std::string_view section, std::string_view key, int low,
               int high) {
    const auto value = node.value<int64_t>();
    if (!node.is_integer() || !value || *value < low || *value > high)
        bad_value(file, node, section, key, fmt::format("a whole number from {} to {}", low, high));
    return static_cast<int>(*value);
}

std::string text(const fs::path& file, const toml::node& node, std::string_view section, std::string_view key) {
    if (!node.is_string()) bad_value(file, node, section, key, "a string in quotes");
    return node.as_string()->get();
}

std::vector<std::string> texts(const fs::path& file, const toml::node& node, std::string_view section,
                               std::string_view key) {
    const toml::array* array = node.as_array();
    if (!array) bad_value(file, node, section, key, "a list of strings, like [\"a\", \"b\"]");
    std::vector<std::string> values;
    for (const auto& item : *array) values.push_back(text(file, item, section, key));
    return values;
}

std::optional<std::chrono::minutes> clock_time(const fs::path& file, const toml::node& node, std::string_view section,
                                               std::string_view key) {
    const std::string value = text(file, node, section, key);
    unsigned h = 0, m = 0;
    char colon = 0;
    if (value.size() != 5 || std::sscanf(value.c_str(), "%2u%c%2u", &h, &colon, &m) != 3 || colon != ':' || h > 23 ||
        m > 59)
        bad_value(file, node, section, key, "a time of day like \"18:00\"");
    return std::chrono::hours{h} + std::chrono::minutes{m};
}

date::weekday weekday_name(const fs::path& file, const toml::node& node, std::string_view section,
                           std::string_view key) {
    const std::string value = text(file, node, section, key);
    for (unsigned i = 0; i < weekday_names.size(); ++i)
        if (value == weekday_names[i]) return date::weekday{i};
    bad_value(file, node, section, key, "a day name like \"monday\" or \"sunday\"");
}

using KeyReader = std::function<void(const toml::node&)>;

// Reads each key of a section through its reader; keys with no reader become warnings.
void read_section(const fs::path& file, const toml::node& node, std::string_view section,
                  const std::map<std::string, KeyReader, std::less<>>& readers, Config& config) {
    const toml::table* table = node.as_table();
    if (!table) bad_value(file, node, section, "", "a table, written [" + std::string(section) + "]");
    for (const auto& [key, value] : *table) {
        const auto reader = readers.find(key.str());
        if (reader == readers.end()) {
            config.warnings.push_back(
                fmt::format("{}: unknown key '{}' in [{}], ignored", at(file, value), neutralize(key.str()), section));
            continue;
        }
        reader->second(value);
    }
}

void read_patterns(const fs::path& file, const toml::node& node, Config& config) {
    const toml::table* table = node.as_table();
    if (!table) bad_value(file, node, "breathe", "patterns", "a table of name = \"in-hold-out-hold\"");
    for (const auto& [name, value] : *table)
        config.breathe.patterns.emplace_back(std::string(name.str()),
                                             text(file, value, "breathe.patterns", name.str()));
}

}  // namespace

Config parse_config(const std::string& source, const fs::path& file) {
    const toml::table root = parse_toml_document(source, file.string());
    Config config;
    const fs::path& f = file;
    const std::map<std::string, std::function<void(const toml::node&)>, std::less<>> sections{
        {"safety",
         [&](const toml::node& node) {
             read_section(
                 f, node, "safety",
                 {{"threshold",
                   [&](const toml::node& v) {
                       config.safety.threshold = integer_in(f, v, "safety", "threshold", 0, 10);
                   }},
                  {"contacts",
                   [&](const toml::node& v) { config.safety.contacts = texts(f, v, "safety", "contacts"); }},
                  {"crisis_line",
                   [&](const toml::node& v) { config.safety.crisis_line = text(f, v, "safety", "crisis_line"); }},
                  {"message", [&](const toml::node& v) { config.safety.message = text(f, v, "safety", "message"); }}},
                 config);
         }},
        {"checkin",
         [&](const toml::node& node) {
             read_section(
                 f, node, "checkin",
                 {{"every_days",
                   [&](const toml::node& v) {
                       config.checkin.every_days = integer_in(f, v, "checkin", "every_days", 1, 365);
                   }},
                  {"due_from",
                   [&](const toml::node& v) { config.checkin.due_from = clock_time(f, v, "checkin", "due_from"); }},
                  {"feelings",
                   [&](const toml::node& v) { config.checkin.feelings = texts(f, v, "checkin", "feelings"); }}},
                 config);
         }},
        {"breathe",
         [&](const toml::node& node) {
             read_section(
                 f, node, "breathe",
                 {{"pattern", [&](const toml::node& v) { config.breathe.pattern = text(f, v, "breathe", "pattern"); }},
                  {"minutes",
                   [&](const toml::node& v) {
                       const auto minutes = v.value<double>();
                       if (!v.is_number() || !minutes || *minutes <= 0 || *minutes > 120)
                           bad_value(f, v, "breathe", "minutes", "a number of minutes above 0, at most 120");
                       config.breathe.minutes = *minutes;
                   }},
                  {"patterns", [&](const toml::node& v) { read_patterns(f, v, config); }}},
                 config);
         }},
        {"prompt",
         [&](const toml::node& node) {
             read_section(
                 f, node, "prompt",
                 {{"seed", [&](const toml::node& v) { config.prompt.seed = text(f, v, "prompt", "seed"); }},
                  {"cooldown_days",
                   [&](const toml::node& v) {
                       config.prompt.cooldown_days = integer_in(f, v, "prompt", "cooldown_days", 0, 3650);
                   }},
                  {"exclude", [&](const toml::node& v) { config.prompt.exclude = texts(f, v, "prompt", "exclude"); }}},
                 config);
         }},
        {"report",
         [&](const toml::node& node) {
             read_section(f, node, "report",
                          {{"week_start",
                            [&](const toml::node& v) {
                                config.report.week_start = weekday_name(f, v, "report", "week_start");
                            }}},
                          config);
         }},
    };
    for (const auto& [key, node] : root) {
        const auto section = sections.find(key.str());
        if (section == sections.end()) {
            config.warnings.push_back(
                fmt::format("{}: unknown setting '{}', ignored", at(file, node), neutralize(key.str())));
            continue;
        }
        section->second(node);
    }
    return config;
}

Config load_config(const fs::path& file) {
    const auto source = read_file_if_exists(file);
    if (!source) return Config{};
    return parse_config(*source, file);
}

}  // namespace tend
