// Reading config.toml: one table of known keys per section, checked value by value.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.hpp"

#include <toml++/toml.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <functional>
#include <map>

#include "device.hpp"
#include "error.hpp"
#include "exercise_toml.hpp"
#include "record.hpp"
#include "files.hpp"
#include "safety.hpp"
#include "terminal.hpp"
#include "time.hpp"

namespace tend {
namespace fs = std::filesystem;

namespace {

Place at(const fs::path& file, const toml::node& node) {
    return {file.string(), node.source().begin.line, node.source().begin.column};
}

// A finding at a node of the config.
Finding found(const fs::path& file, const toml::node& node, std::string what) {
    return {file, node.source().begin.line, node.source().begin.column, std::move(what)};
}

[[noreturn]] void bad_value(const fs::path& file, const toml::node& node, std::string_view section,
                            std::string_view key, std::string_view expected) {
    fail_at(Exit::data, at(file, node), fmt::format("[{}] {} must be {}", section, key, expected));
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
    if (auto day = parse_weekday(text(file, node, section, key))) return *day;  // as --week-start takes it
    bad_value(file, node, section, key, "a day name like \"monday\" or \"sunday\"");
}

// A value's problem, its place kept as data: `left` says what tend does instead.
Finding left_out(const Error& e, const fs::path& file, std::string_view left) {
    Finding finding = finding_of(e, file);
    finding.message += left;
    return finding;
}

Finding kept_default(const Error& e, const fs::path& file) {
    return left_out(e, file, "; the default is used until it is fixed");
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
                found(file, value, fmt::format("unknown key '{}' in [{}], ignored", neutralize(key.str()), section)));
            continue;
        }
        try {
            reader->second(value);
        } catch (const Error& e) {
            config.problems.push_back(kept_default(e, file));
        }
    }
}

void read_patterns(const fs::path& file, const toml::node& node, Config& config) {
    const toml::table* table = node.as_table();
    if (!table) bad_value(file, node, "breathe", "patterns", "a table of name = \"in-hold-out-hold\"");
    for (const auto& [name, value] : *table) {
        try {
            config.breathe.patterns.emplace_back(std::string(name.str()),
                                                 text(file, value, "breathe.patterns", name.str()));
        } catch (const Error& e) {
            config.problems.push_back(kept_default(e, file));
        }
    }
}

void read_exercises(const fs::path& file, const toml::node& node, Config& config) {
    const toml::table* table = node.as_table();
    if (!table) bad_value(file, node, "breathe", "exercises", "a table of exercises, written [breathe.exercises.NAME]");
    for (const auto& [name, value] : *table) {
        const std::string where = fmt::format("[breathe.exercises] {}", neutralize(name.str()));
        const toml::table* exercise = value.as_table();
        const char* problem = name.str().empty() || name.str().size() > 40 || neutralize(name.str()) != name.str()
                                  ? "an exercise name is 1 to 40 characters of plain text"
                              : !exercise ? "an exercise is a table with steps"
                                          : nullptr;
        if (problem) {
            config.problems.push_back(
                found(file, value, fmt::format("{}: {}; this exercise is left out", where, problem)));
            continue;
        }
        // One broken exercise must not stop a check-in or hide the safety plan: it is left out.
        try {
            config.breathe.exercises.push_back(
                parse_exercise(*exercise, std::string(name.str()), file.string(), where));
        } catch (const Error& e) {
            config.problems.push_back(left_out(e, file, "; this exercise is left out"));
        }
    }
}

// Never fails: whatever part of a plan can be read is kept, so the plan is there when needed.
void read_safety_plan(const fs::path& file, const toml::node& node, Config& config) {
    SafetyPlan& plan = config.safety.plan;
    plan.present = true;
    const toml::table* table = node.as_table();
    if (!table) {
        plan.problems.push_back(found(file, node, "[safety.plan] must be a table, written [safety.plan]"));
        return;
    }
    // In the order written, so that messages follow the file.
    std::vector<std::pair<std::string_view, const toml::node*>> entries;
    for (const auto& [key, value] : *table) entries.emplace_back(key.str(), &value);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        const auto &x = a.second->source().begin, &y = b.second->source().begin;
        return std::pair(x.line, x.column) < std::pair(y.line, y.column);
    });
    for (const auto& [key, entry] : entries) {
        const toml::node& value = *entry;
        const SafetyPlanPart* part = find_safety_plan_part(key);
        if (!part) {
            plan.problems.push_back(
                found(file, value, fmt::format("unknown part '{}' in [safety.plan], left out", neutralize(key))));
            continue;
        }
        std::vector<std::string>& items = plan.*(part->items);
        if (value.is_string()) {
            items.push_back(value.as_string()->get());
            continue;
        }
        const toml::array* array = value.as_array();
        if (!array) {
            plan.problems.push_back(found(
                file, value,
                fmt::format("[safety.plan] {} must be a list of strings, like [\"a\", \"b\"]; left out", part->key)));
            continue;
        }
        for (const auto& item : *array) {
            if (item.is_string())
                items.push_back(item.as_string()->get());
            else
                plan.problems.push_back(found(
                    file, item,
                    fmt::format("[safety.plan] {}: an item that is not a string in quotes, left out", part->key)));
        }
    }
}

}  // namespace

namespace {

// Reads every known section of one parsed table (the whole file, or one part of it) into
// `config`; a wrong value or section is a problem, and the rest is still read.
void read_root(const toml::table& root, const fs::path& file, Config& config) {
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
                  {"message", [&](const toml::node& v) { config.safety.message = text(f, v, "safety", "message"); }},
                  {"plan", [&](const toml::node& v) { read_safety_plan(f, v, config); }}},
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
                  {"patterns", [&](const toml::node& v) { read_patterns(f, v, config); }},
                  {"exercises", [&](const toml::node& v) { read_exercises(f, v, config); }}},
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
                  {"exclude", [&](const toml::node& v) { config.prompt.exclude = texts(f, v, "prompt", "exclude"); }},
                  {"depth",
                   [&](const toml::node& v) { config.prompt.depth = integer_in(f, v, "prompt", "depth", 1, 3); }},
                  {"with",
                   [&](const toml::node& v) {
                       const std::string with = text(f, v, "prompt", "with");
                       if (with != "together" && with != "solo" && with != "either")
                           bad_value(f, v, "prompt", "with", "\"together\", \"solo\" or \"either\"");
                       config.prompt.with = with;
                   }}},
                 config);
         }},
        {"couple",
         [&](const toml::node& node) {
             read_section(f, node, "couple",
                          {{"dir",
                            [&](const toml::node& v) {
                                const std::string dir = text(f, v, "couple", "dir");
                                if (!dir.starts_with('/') && !dir.starts_with("~/"))
                                    bad_value(f, v, "couple", "dir", "a folder's full path, or one starting with ~/");
                                config.couple.dir = dir;
                            }},
                           {"name",
                            [&](const toml::node& v) {
                                const std::string name = text(f, v, "couple", "name");
                                if (name.empty() || name.size() > 40)
                                    bad_value(f, v, "couple", "name", "a name of 1 to 40 characters");
                                config.couple.name = name;
                            }}},
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
        {"device",
         [&](const toml::node& node) {
             read_section(f, node, "device",
                          {{"name",
                            [&](const toml::node& v) {
                                const std::string name = text(f, v, "device", "name");
                                if (!is_device_name(name))
                                    bad_value(f, v, "device", "name",
                                              "a name of 1 to 32 of a-z, 0-9, '.', '_' and '-'");
                                config.device.name = name;
                            }}},
                          config);
         }},
    };
    for (const auto& [key, node] : root) {
        const auto section = sections.find(key.str());
        if (section == sections.end()) {
            config.warnings.push_back(
                found(file, node, fmt::format("unknown setting '{}', ignored", neutralize(key.str()))));
            continue;
        }
        try {
            section->second(node);
        } catch (const Error& e) {
            config.problems.push_back(kept_default(e, file));
        }
    }
}

// Whether a line opens a table ("[safety]", "[[x]]", "[breathe.patterns]  # note"): where a
// file that does not parse as a whole is cut into parts that may parse on their own.
bool is_table_header(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.starts_with('[')) return false;
    const auto close = line.find(']');
    if (close == std::string_view::npos) return line.find_first_of(",=\"'") == std::string_view::npos;
    std::string_view rest = line.substr(close + 1);
    if (rest.starts_with(']')) rest.remove_prefix(1);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    return rest.empty() || rest.front() == '#' || rest.front() == '\r';
}

struct Part {
    std::size_t first_line = 1;  // 1-based
    std::vector<std::string_view> lines;
};

std::vector<Part> parts_of(std::string_view source) {
    std::vector<Part> parts(1);
    std::size_t number = 1;
    while (!source.empty() || number == 1) {
        const auto end = source.find('\n');
        const std::string_view line = source.substr(0, end);
        if (is_table_header(line) && !parts.back().lines.empty()) parts.push_back(Part{number, {}});
        parts.back().lines.push_back(line);
        if (end == std::string_view::npos) break;
        source.remove_prefix(end + 1);
        ++number;
    }
    return parts;
}

// The text of some lines, placed at their own line numbers so that messages point into the file.
std::string placed(std::size_t first_line, const std::vector<std::string_view>& lines) {
    std::string text(first_line - 1, '\n');
    for (const auto& line : lines) (text += line) += '\n';
    return text;
}

std::optional<toml::table> try_parse(const std::string& text, const fs::path& file, std::optional<Finding>* problem) {
    try {
        return parse_toml_document(text, file.string());
    } catch (const Error& e) {
        if (problem) *problem = finding_of(e, file);
        return std::nullopt;
    }
}

// A file that does not parse: each table is read on its own, so one mistake cannot hide the
// [safety] words. Within a part that still does not parse, each one-line `key = value` under
// its header is tried alone.
void read_in_parts(std::string_view source, const fs::path& file, Config& config) {
    for (const Part& part : parts_of(source)) {
        std::optional<Finding> problem;
        if (auto table = try_parse(placed(part.first_line, part.lines), file, &problem)) {
            read_root(*table, file, config);
            continue;
        }
        problem->message += "; the rest of the file is still read";
        config.problems.push_back(std::move(*problem));
        const bool has_header = is_table_header(part.lines.front());
        for (std::size_t i = has_header ? 1 : 0; i < part.lines.size(); ++i) {
            std::vector<std::string_view> lines;
            if (has_header) lines.push_back(part.lines.front());
            lines.resize(i, std::string_view{});
            lines.push_back(part.lines[i]);
            if (auto table = try_parse(placed(part.first_line, lines), file, nullptr)) read_root(*table, file, config);
        }
    }
}

// The config's bytes without ever blocking: a FIFO or device is not read, a directory or an
// unreadable file is a problem, and a missing file is no file.
std::optional<std::string> read_config_bytes(const fs::path& file, Config& config) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            config.problems.push_back(
                {file, 0, 0, fmt::format("cannot be read ({}); tend goes on with its defaults", std::strerror(errno))});
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        config.problems.push_back({file, 0, 0,
                                   fmt::format("is {}, not a plain file, so tend goes on with its defaults",
                                               S_ISDIR(st.st_mode)    ? "a directory"
                                               : S_ISFIFO(st.st_mode) ? "a named pipe"
                                                                      : "a special file")});
        return std::nullopt;
    }
    std::string bytes;
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            config.problems.push_back(
                {file, 0, 0, fmt::format("cannot be read ({}); tend goes on with its defaults", std::strerror(errno))});
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return bytes;
}

}  // namespace

Config parse_config(const std::string& source, const fs::path& file) {
    Config config;
    if (auto root = try_parse(source, file, nullptr))
        read_root(*root, file, config);
    else
        read_in_parts(source, file, config);
    return config;
}

Config load_config(const fs::path& file) {
    Config config;
    const auto source = read_config_bytes(file, config);
    if (!source) return config;
    return parse_config(*source, file);
}

}  // namespace tend
