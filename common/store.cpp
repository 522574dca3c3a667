// Monthly record files, one tree per device: parse-checked appends under an flock, surgical atomic rewrites.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <random>
#include <set>

#include "error.hpp"
#include "files.hpp"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "data_check.hpp"
#include "device.hpp"
#include "month_parse.hpp"
#include "versions.hpp"
#include "terminal.hpp"

namespace tend {
namespace fs = std::filesystem;

namespace {

constexpr int id_epoch_year = 2000;

std::string month_code(date::year_month month) {
    const int index = (static_cast<int>(month.year()) - id_epoch_year) * 12 +
                      static_cast<int>(static_cast<unsigned>(month.month())) - 1;
    const auto wrapped = static_cast<std::size_t>(((index % 1024) + 1024) % 1024);
    return {id_alphabet[wrapped / 32], id_alphabet[wrapped % 32]};
}

date::year_month month_of(const Record& record) {
    const date::year_month_day ymd{record_at(record).day()};
    return {ymd.year(), ymd.month()};
}

std::string new_id(date::year_month month, char device, const std::set<std::string>& taken) {
    std::random_device random;
    std::uniform_int_distribution<std::size_t> pick(0, id_alphabet.size() - 1);
    for (;;) {
        std::string id = month_code(month) + device;
        for (int i = 0; i < 3; ++i) id += id_alphabet[pick(random)];
        if (!taken.contains(id)) return id;
    }
}

std::set<std::string> ids_of(const std::vector<Record>& records) {
    std::set<std::string> ids;
    for (const auto& record : records) ids.insert(record_id(record));
    return ids;
}

// Whether a directory exists; unreadable counts as absent here and fails later with errno.
bool directory_exists(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir, ec);
}

[[noreturn]] void data_error(const fs::path& file, const std::string& problem) {
    fail(Exit::data, fmt::format("{}:{}; tend leaves this file untouched until it is fixed by hand (see tend(5))",
                                 file.string(), problem));
}

// Byte offset where each 1-based line starts.
std::vector<std::size_t> line_starts(const std::string& text) {
    std::vector<std::size_t> starts{0, 0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts.push_back(i + 1);
    return starts;
}

// Where a record's own text ends: before the comment and blank lines that lead into line
// `next_line` (the next record's header, or one past the last line). Lines 1-based.
std::size_t record_end(const std::string& text, const std::vector<std::size_t>& starts, std::size_t next_line) {
    std::size_t line = next_line;
    while (line > 1) {
        const std::size_t from = starts[line - 1];
        const std::size_t to = line < starts.size() ? starts[line] : text.size();
        std::string_view content = std::string_view(text).substr(from, to - from);
        while (!content.empty() && std::isspace(static_cast<unsigned char>(content.front()))) content.remove_prefix(1);
        // A line inside a multi-line string can start with '#'; the one closing it holds quotes.
        const bool comment = content.starts_with('#') && content.find("\"\"\"") == std::string_view::npos &&
                             content.find("\'\'\'") == std::string_view::npos;
        if (!content.empty() && !comment) break;
        --line;
    }
    return line < starts.size() ? starts[line] : text.size();
}

std::string file_header(const RecordFormat& format, date::year_month month) {
    return fmt::format("# tend {} records for {}: one [[{}]] table each, described in tend(5).\n", format.kind,
                       month_key(month), format.kind);
}

// Serialises, parses back and compares, so nothing lands that would not read back the same.
std::string checked_block(const Record& record, const RecordFormat& format) {
    if (auto problems = validate_record(record, format); !problems.empty())
        fail(Exit::failure, fmt::format("internal: record does not match its format: {}", problems.front().text()));
    std::string block = serialize_record(record, format);
    toml::table parsed;
    try {
        parsed = toml::parse(std::string_view(block));
    } catch (const toml::parse_error& e) {
        fail(Exit::failure, fmt::format("internal: serialised record does not parse: {}", e.description()));
    }
    const toml::array* array = parsed[format.kind].as_array();
    if (!array || array->size() != 1 || !array->get(0)->is_table() || *array->get(0)->as_table() != record)
        fail(Exit::failure, "internal: serialised record does not read back the same; nothing was written");
    return block;
}

// Where a month file as it would be after an append goes wrong: the first record written as an
// inline table ({ ... }) or in an array of them, after which no [[kind]] table may follow.
[[noreturn]] void refuse_layout(const std::string& text, const fs::path& file, const RecordFormat& format) {
    std::size_t line = 1, column = 1;
    try {
        const toml::table root = toml::parse(std::string_view(text));
        if (const toml::array* array = root[format.kind].as_array()) {
            line = array->source().begin.line;
            column = array->source().begin.column;
            for (const auto& node : *array)
                if (const toml::table* table = node.as_table(); table && table->is_inline()) {
                    line = table->source().begin.line;
                    column = table->source().begin.column;
                    break;
                }
        }
    } catch (const toml::parse_error&) {
    }
    data_error(file, fmt::format("{}:{}: the records here are not written as [[{}]] tables, so a new one cannot be "
                                 "added after them; nothing was written. Write each record as a [[{}]] table, "
                                 "as tend does",
                                 line, column, format.kind, format.kind));
}

bool state_appends_text(const std::optional<std::string>& original, const std::string& text) {
    return text.starts_with(original.value_or("")) && (original || !text.empty());
}

}  // namespace

MonthText read_month_text(const std::string& text, const fs::path& file, const RecordFormat& format,
                          MonthText::Mode mode) {
    MonthText out;
    const auto stop = [&] { return mode == MonthText::Mode::first && !out.problems.empty(); };
    std::optional<toml::table> root = parse_written_toml(text, file.string());  // the fast path
    if (!root) {
        try {
            root = toml::parse(std::string_view(text), std::string_view(file.string()));
        } catch (const toml::parse_error& e) {
            out.problems.push_back({e.source().begin.line, e.source().begin.column, std::string(e.description())});
            return out;
        }
    }
    for (const auto& [key, node] : *root) {
        if (key.str() == format.kind) continue;
        out.problems.push_back(problem_at(node, fmt::format("unexpected '{}'; this file holds only [[{}]] records",
                                                            neutralize(key.str()), format.kind)));
        if (stop()) return out;
    }
    toml::node* node = root->get(format.kind);
    if (!node) return out;
    toml::array* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
        out.problems.push_back(
            problem_at(*node, fmt::format("'{}' must be written as [[{}]] tables", format.kind, format.kind)));
        return out;
    }
    // The records are moved out of the document, which goes when this returns: a copy cost as much again.
    std::map<std::string, std::size_t, std::less<>> first_lines;  // id -> line of its first record here
    out.records.reserve(array->size());
    for (auto& entry : *array) {
        auto& table = *entry.as_table();
        ++out.tables;
        bool sound = true;
        for (auto& problem : validate_record(table, format)) {
            out.problems.push_back(std::move(problem));
            sound = false;
            if (stop()) return out;
        }
        const auto line = static_cast<std::size_t>(table.source().begin.line);
        if (const auto* id = table["id"].as_string(); id && !id->get().empty()) {
            if (const auto [it, fresh] = first_lines.emplace(id->get(), line); !fresh) {
                out.problems.push_back(
                    problem_at(table, fmt::format("id '{}' is used twice in this file; line {} has it too",
                                                  neutralize(id->get()), it->second)));
                sound = false;
                if (stop()) return out;
            } else if (mode == MonthText::Mode::all) {
                out.ids.emplace_back(id->get(), line);
            }
        }
        if (sound || mode == MonthText::Mode::all) out.records.push_back(std::move(table));
    }
    return out;
}

std::vector<Record> parse_month_text(const std::string& text, const fs::path& file, const RecordFormat& format) {
    MonthText read = read_month_text(text, file, format, MonthText::Mode::first);
    if (!read.problems.empty()) data_error(file, read.problems.front().text());
    return std::move(read.records);
}

std::optional<date::year_month> month_of_id(std::string_view id) {
    if (id.size() < 2) return std::nullopt;
    const auto a = id_alphabet.find(id[0]);
    const auto b = id_alphabet.find(id[1]);
    if (a == std::string_view::npos || b == std::string_view::npos) return std::nullopt;
    const auto index = static_cast<int>(a * 32 + b);
    return date::year_month{date::year{id_epoch_year + index / 12}, date::month{static_cast<unsigned>(index % 12 + 1)}};
}

bool is_month_file_name(std::string_view name) {
    return name.size() == 12 && name.ends_with(".toml") && name[4] == '-' && !name.starts_with('.');
}

namespace {

std::string trimmed_line(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    return std::string(text);
}

}  // namespace

// --- The layout: one tree per device ---

// One device's files of one kind: its month files and Syncthing's conflict copies of them.
struct DeviceFiles {
    std::string device;
    fs::path dir;
    bool own = false;
    std::vector<date::year_month> months;  // sorted: a listing of 20 years builds no paths
    std::map<date::year_month, std::vector<fs::path>> copies;

    bool has(date::year_month month) const { return std::binary_search(months.begin(), months.end(), month); }
    fs::path file(date::year_month month) const { return dir / (month_key(month) + ".toml"); }
};

namespace {

constexpr std::string_view conflict_infix = ".sync-conflict-";

// month_of_file_name() without a string made: the store lists every month file at each read.
std::optional<date::year_month> month_of_name(std::string_view name) {
    if (name.size() != 12 || name[4] != '-' || !name.ends_with(".toml")) return std::nullopt;
    int digits[6];
    std::size_t n = 0;
    for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
        if (name[i] < '0' || name[i] > '9') return std::nullopt;
        digits[n++] = name[i] - '0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const unsigned month = static_cast<unsigned>(digits[4] * 10 + digits[5]);
    if (month < 1 || month > 12) return std::nullopt;
    return date::year{year} / date::month{month};
}

// Syncthing's copy of a month file that two devices changed at once:
// "2026-11.sync-conflict-20261201-120000-ABCDEFG.toml". The month it is a copy of.
std::optional<date::year_month> month_of_conflict_copy(std::string_view name) {
    if (name.size() <= 7 + conflict_infix.size() + 5 || !name.ends_with(".toml") ||
        name.substr(7, conflict_infix.size()) != conflict_infix)
        return std::nullopt;
    return month_of_file_name(fmt::format("{}.toml", name.substr(0, 7)));
}

// One read of a kind directory. `tidy` removes temp files an older tend left among the records.
// `check` opens it as open_private() does (owned by this user, a loose mode tightened with one
// warning); without it (report --check) nothing is changed.
DeviceFiles list_device_files(fs::path dir, std::string device, bool own, bool tidy, const Warn* check) {
    DeviceFiles files{std::move(device), std::move(dir), own, {}, {}};
    DIR* stream = nullptr;
    if (check) {
        const int fd = open_private(files.dir, O_RDONLY | O_DIRECTORY, FileType::directory, *check);
        if (fd < 0) return files;
        stream = ::fdopendir(fd);
        if (!stream) ::close(fd);
    } else {
        stream = ::opendir(files.dir.c_str());
    }
    if (!stream) return files;
    while (const dirent* entry = ::readdir(stream)) {
        const std::string_view name = entry->d_name;
        if (auto month = month_of_name(name)) {
            files.months.push_back(*month);
        } else if (is_month_file_name(name)) {
            continue;  // shaped like a month but not one (2026-13.toml): not read, report --check says so
        } else if (auto copied = month_of_conflict_copy(name)) {
            files.copies[*copied].push_back(files.dir / std::string(name));
        } else if (tidy && is_temp_file_name(name)) {
            ::unlink((files.dir / std::string(name)).c_str());  // a killed rewrite's temp can hold old text
        }
    }
    ::closedir(stream);
    std::sort(files.months.begin(), files.months.end());
    for (auto& [month, list] : files.copies) std::sort(list.begin(), list.end());
    return files;
}

// A directory's identity and last change: any entry made, renamed or removed in it, and any
// chmod, changes its ctime.
std::string dir_stamp(const fs::path& dir, bool& settled) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return {};
    // A listing made in the same clock tick as a change could miss it (timestamps are coarse):
    // only a directory unchanged for a while is remembered.
    settled = std::chrono::system_clock::now().time_since_epoch() - std::chrono::seconds{st.st_ctim.tv_sec} >
              std::chrono::seconds{2};
    return fmt::format("{}:{}:{}.{:09}", st.st_dev, st.st_ino, st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

}  // namespace

// What the kind directories held when this machine last listed them, in the user's cache, so a
// short read need not list 20 years of month files on every device (a listing of a few hundred
// entries costs more than the week it is for). An entry is used only while its directory's
// stamp is unchanged, and only for a directory with nothing but month files in it.
class ListingCache {
public:
    explicit ListingCache(fs::path file) : file_(std::move(file)) {
        std::optional<std::string> text;
        try {
            text = read_file_if_exists(file_, Symlinks::refuse);
        } catch (const Error&) {
        }
        if (!text) return;
        std::string_view rest = *text;
        while (!rest.empty()) {
            const auto end = std::min(rest.find('\n'), rest.size());
            parse_line(rest.substr(0, end));
            rest.remove_prefix(std::min(end + 1, rest.size()));
        }
    }

    const std::vector<date::year_month>* find(const std::string& dir, const std::string& stamp) {
        const auto it = entries_.find(dir);
        return it != entries_.end() && it->second.stamp == stamp && !stamp.empty() ? expanded(it->second) : nullptr;
    }

    void remember(const std::string& dir, std::string stamp, const std::vector<date::year_month>& months) {
        entries_[dir] = {std::move(stamp), {}, true, true, months};
        dirty_ = true;
    }

    // Best effort: the cache is only ever a shortcut, never the record of anything.
    void save() noexcept {
        if (!dirty_) return;
        try {
            std::string out;
            for (auto& [dir, entry] : entries_) {
                const auto* months = expanded(entry);
                if (!months) continue;  // not what this tend writes: left out, and listed anew
                out += dir + '\t' + entry.stamp + '\t';
                // Runs of consecutive months, "2006-11+240": a few bytes for 20 years.
                for (std::size_t i = 0; i < months->size();) {
                    std::size_t j = i + 1;
                    while (j < months->size() && (*months)[j] == (*months)[j - 1] + date::months{1}) ++j;
                    out += fmt::format("{}{}+{}", i ? "," : "", month_key((*months)[i]), j - i);
                    i = j;
                }
                out += '\n';
            }
            ensure_private_dir(file_.parent_path());
            AtomicFile replacement(file_);
            replacement.write(out);
            replacement.commit();
        } catch (...) {
        }
    }

private:
    struct Entry {
        std::string stamp;
        std::string runs;  // as the file has them, until expanded
        bool expanded = false;
        bool valid = false;
        std::vector<date::year_month> months;
    };

    void parse_line(std::string_view line) {
        const auto tab1 = line.find('\t');
        const auto tab2 = tab1 == line.npos ? line.npos : line.find('\t', tab1 + 1);
        if (tab2 == line.npos) return;
        entries_[std::string(line.substr(0, tab1))] = {
            std::string(line.substr(tab1 + 1, tab2 - tab1 - 1)), std::string(line.substr(tab2 + 1)), false, false, {}};
    }

    // An entry's months, expanded from its runs when first asked for: a read needs the few
    // directories of its own kind, not every line of the file. nullptr for runs this tend did
    // not write.
    const std::vector<date::year_month>* expanded(Entry& entry) {
        if (!entry.expanded) {
            entry.expanded = true;
            entry.valid = expand(entry.runs, entry.months);
            entry.runs.clear();
        }
        return entry.valid ? &entry.months : nullptr;
    }

    static bool expand(std::string_view runs, std::vector<date::year_month>& months) {
        while (!runs.empty()) {
            const auto comma = std::min(runs.find(','), runs.size());
            const std::string_view run = runs.substr(0, comma);
            runs.remove_prefix(std::min(comma + 1, runs.size()));
            const auto plus = run.find('+');
            const auto first =
                plus == run.npos ? std::nullopt : month_of_name(std::string(run.substr(0, plus)) + ".toml");
            if (!first) return false;
            std::size_t count = 0;
            for (const char c : run.substr(plus + 1)) {
                if (c < '0' || c > '9' || count > 100000) return false;
                count = count * 10 + static_cast<std::size_t>(c - '0');
            }
            for (std::size_t i = 0; i < count; ++i) months.push_back(*first + date::months{static_cast<int>(i)});
        }
        return true;
    }

    fs::path file_;
    std::map<std::string, Entry> entries_;
    bool dirty_ = false;
};

namespace {

// The devices whose trees are in devices/, by name.
std::vector<std::string> other_device_names(const fs::path& data_dir, const std::string& me) {
    std::vector<std::string> names;
    DIR* stream = ::opendir(devices_dir(data_dir).c_str());
    if (!stream) return names;
    while (const dirent* entry = ::readdir(stream)) {
        const std::string name = entry->d_name;
        if (name != me && is_device_name(name) && (entry->d_type == DT_DIR || entry->d_type == DT_UNKNOWN))
            names.push_back(name);
    }
    ::closedir(stream);
    std::sort(names.begin(), names.end());
    return names;
}

bool is_conflict_marker(std::string_view line, std::string_view marker) {
    return line.starts_with(marker) && (line.size() == marker.size() || line[marker.size()] == ' ');
}

// A file git left with conflict markers, as its two sides: ours (above =======) and theirs,
// each with the lines both share. nullopt when there is no marker.
std::optional<std::pair<std::string, std::string>> conflict_sides(const std::string& text) {
    if (text.find("<<<<<<<") == std::string::npos) return std::nullopt;
    enum class Part { both, ours, base, theirs } part = Part::both;
    std::string ours, theirs;
    bool marked = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end + 1;
        const std::string_view line = std::string_view(text).substr(pos, end - pos);
        const std::string_view bare = line.substr(0, line.find_last_not_of("\r\n") + 1);
        pos = end;
        if (is_conflict_marker(bare, "<<<<<<<")) {
            part = Part::ours;
            marked = true;
        } else if (part != Part::both && is_conflict_marker(bare, "|||||||")) {
            part = Part::base;  // diff3's common ancestor: neither side's now
        } else if (part != Part::both && bare == "=======") {
            part = Part::theirs;
        } else if (part != Part::both && is_conflict_marker(bare, ">>>>>>>")) {
            part = Part::both;
        } else {
            if (part == Part::both || part == Part::ours) ours += line;
            if (part == Part::both || part == Part::theirs) theirs += line;
        }
    }
    if (!marked) return std::nullopt;
    return std::pair{std::move(ours), std::move(theirs)};
}

// The first line of a git conflict marker, 1-based.
std::size_t conflict_line(const std::string& text) {
    const auto at = text.starts_with("<<<<<<<") ? 0 : text.find("\n<<<<<<<");
    return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) +
           (at == 0 ? 1 : 2);
}

std::string conflict_advice(std::string_view kind) {
    return fmt::format(
        "tend reads the records of both sides. To settle it, keep both sides' [[{}]] tables, remove the lines "
        "<<<<<<<, ======= and >>>>>>>, and commit; the device that owns the file also does this itself at its "
        "next write (see tend(5))",
        kind);
}

// The records of a month file's text. A file with git's conflict markers is read as both
// sides (the same record on both counts once) with a warning; a side that does not parse is
// an error naming the file, as any file that does not parse.
std::vector<Record> records_of_text(const std::string& text, const fs::path& file, const RecordFormat& format,
                                    const Warn& warn) {
    auto sides = conflict_sides(text);
    if (!sides) return parse_month_text(text, file, format);
    std::vector<Record> records = parse_month_text(sides->first, file, format);
    for (auto& record : parse_month_text(sides->second, file, format))
        if (std::find(records.begin(), records.end(), record) == records.end()) records.push_back(std::move(record));
    if (warn)
        warn(fmt::format("{}:{}: this file has unresolved git conflict markers. {}", file.string(), conflict_line(text),
                         conflict_advice(format.kind)));
    return records;
}

std::string copy_advice(const fs::path& copy, const fs::path& original) {
    return fmt::format(
        "{}: Syncthing kept this copy of {} when two changes met; tend reads the records in both, and the device "
        "that owns them folds the copy back in and removes it at its next write, so nothing is lost",
        copy.string(), original.filename().string());
}

std::string ignore_block(std::string_view comment) {
    return fmt::format(
        "{0} Written by tend: what belongs to this machine alone, never to be synced (see tend(5)).\n"
        "/.staging\n/.local\n",
        comment);
}

// .gitignore and .stignore, so that git and Syncthing leave each machine's own state alone.
// A file the person has already gets the lines added at its end; every byte of theirs stays.
void write_ignore_files(const fs::path& data_dir) {
    for (const auto& [name, comment] : {std::pair{".gitignore", "#"}, std::pair{".stignore", "//"}}) {
        const fs::path file = data_dir / name;
        const auto text = read_file_if_exists(file, Symlinks::refuse);
        if (text && text->find("/.local") != std::string::npos) continue;
        std::string out = text.value_or("");
        if (!out.empty() && !out.ends_with('\n')) out += '\n';
        out += ignore_block(comment);
        AtomicFile replacement(file, ensure_staging_dir(data_dir, file));
        replacement.write(out);
        replacement.commit();
    }
}

std::string stamp_of(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return {};
    return fmt::format("{} {}.{:09}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

}  // namespace

fs::path devices_dir(const fs::path& data_dir) {
    return data_dir / "devices";
}

fs::path local_state_dir(const fs::path& data_dir) {
    return data_dir / ".local";
}

// --- Transaction ---

struct Transaction::MonthState {
    const RecordFormat* format;
    date::year_month month;
    fs::path path;
    std::optional<std::string> original;  // the bytes on disk, nullopt when there is no file
    std::string text;                     // the bytes as they will be
    std::vector<Record> records;          // what `text` holds, in file order
    std::vector<fs::path> folded;         // Syncthing copies whose records `text` now holds

    bool changed() const { return text != original.value_or(""); }

    // Takes `new_text` as the month's bytes once the whole file, read back, holds exactly
    // `expected`: a layout of the person's own that a [[kind]] block cannot follow is refused
    // before a byte is written.
    void accept(std::string new_text, std::vector<Record> expected) {
        std::vector<Record> check;
        try {
            check = parse_month_text(new_text, path, *format);
        } catch (const Error&) {
            refuse_layout(text, path, *format);
        }
        if (check != expected) refuse_layout(text, path, *format);
        text = std::move(new_text);
        records = std::move(expected);
    }

    // Adds one block after the records, as an append does.
    void add_block(const Record& record) {
        std::string block = checked_block(record, *format);
        std::string next = text.empty() ? file_header(*format, month) + "\n" + block
                                        : text + (text.ends_with('\n') ? "\n" : "\n\n") + block;
        std::vector<Record> expected = records;
        expected.push_back(record);
        accept(std::move(next), std::move(expected));
    }

    // Replaces (or with nullopt, removes) the record with this id; every other byte stays.
    void rewrite(const std::string& id, const std::optional<Record>& replacement);
};

void Transaction::MonthState::rewrite(const std::string& id, const std::optional<Record>& replacement) {
    // The text read as sound when the month was loaded; read again for each table's place.
    toml::table root;
    try {
        root = toml::parse(std::string_view(text), std::string_view(path.string()));
    } catch (const toml::parse_error& e) {
        data_error(path, fmt::format("{}:{}: {}", e.source().begin.line, e.source().begin.column, e.description()));
    }
    const toml::array* tables = root[format->kind].as_array();
    const toml::array none;
    const toml::array& array = tables ? *tables : none;
    const auto starts = line_starts(text);
    std::string rewritten;
    std::vector<Record> expected;
    std::size_t copied = 0;  // text before this offset is already in `rewritten`
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto& table = *array.get(i)->as_table();
        if (table.is_inline())
            data_error(path, fmt::format("{}:{}: this record is an inline table, which tend cannot change in "
                                         "place; nothing was changed. Write the records as [[{}]] tables",
                                         table.source().begin.line, table.source().begin.column, format->kind));
        const std::size_t header = starts.at(table.source().begin.line);
        const std::size_t next_line =
            i + 1 < array.size() ? array.get(i + 1)->as_table()->source().begin.line : starts.size();
        const std::size_t end = record_end(text, starts, next_line);
        rewritten += text.substr(copied, header - copied);  // comments and blank lines before it stay
        copied = end;
        if (record_id(table) != id) {
            rewritten += text.substr(header, end - header);
            expected.push_back(table);
        } else if (replacement) {
            rewritten += checked_block(*replacement, *format);
            expected.push_back(*replacement);
        } else if (rewritten.empty() || rewritten.ends_with("\n\n")) {
            // A removed record takes its separating blank lines with it.
            while (copied < text.size() && text[copied] == '\n') ++copied;
        }
    }
    rewritten += text.substr(copied);

    // The new text must hold exactly the records we meant, before it replaces the old.
    const auto check = parse_month_text(rewritten, path, *format);
    if (check != expected)
        fail(Exit::failure,
             fmt::format("internal: rewriting {} would change other records; nothing was changed", path.string()));
    text = std::move(rewritten);
    records = std::move(expected);
}

Transaction::Transaction(fs::path data_dir, std::string device, std::optional<DataLock> lock, Warn warn, Warn note,
                         bool writable)
    : data_dir_(std::move(data_dir)),
      device_(std::move(device)),
      lock_(std::move(lock)),
      warn_(std::move(warn)),
      note_(std::move(note)),
      writable_(writable) {
    if (!writable_) return;
    move_old_layout();
    land_pending();
}

Transaction::Transaction(fs::path data_dir, std::string device, std::chrono::milliseconds lock_wait, Warn warn,
                         Warn note)
    : Transaction(data_dir, std::move(device), DataLock(data_dir, DataLock::Mode::exclusive, lock_wait, warn),
                  std::move(warn), std::move(note), true) {}

std::optional<Transaction> Transaction::try_begin(fs::path data_dir, std::string device,
                                                  std::chrono::milliseconds lock_wait, Warn warn, Warn note) {
    auto lock = DataLock::try_exclusive(data_dir, lock_wait, warn);
    if (!lock) return std::nullopt;
    return Transaction(std::move(data_dir), std::move(device), std::move(*lock), std::move(warn), std::move(note),
                       true);
}

Transaction Transaction::read(fs::path data_dir, std::string device, std::chrono::milliseconds lock_wait, Warn warn) {
    DataLock lock(data_dir, DataLock::Mode::shared, lock_wait, warn);
    return Transaction(std::move(data_dir), std::move(device), std::move(lock), std::move(warn), {}, false);
}

Transaction Transaction::inspect(fs::path data_dir, std::string device) {
    Transaction t(std::move(data_dir), std::move(device), std::nullopt, {}, {}, false);
    t.inspecting_ = true;
    return t;
}

std::optional<std::string> Transaction::read_data_file(const fs::path& file) const {
    // What only looks (report --check) changes nothing, not even a loose mode.
    return inspecting_ ? read_file_if_exists(file, Symlinks::refuse) : read_private_file(file, warn_);
}

Transaction::Transaction(Transaction&& other) noexcept
    : data_dir_(std::move(other.data_dir_)),
      device_(std::move(other.device_)),
      lock_(std::move(other.lock_)),
      warn_(std::move(other.warn_)),
      note_(std::move(other.note_)),
      writable_(other.writable_),
      inspecting_(other.inspecting_),
      months_(std::move(other.months_)),
      listings_(std::move(other.listings_)),
      listing_cache_file_(std::move(other.listing_cache_file_)),
      listing_cache_(std::move(other.listing_cache_)),
      others_(std::move(other.others_)),
      warned_(std::move(other.warned_)),
      last_(std::move(other.last_)),
      landed_(std::move(other.landed_)),
      committed_(other.committed_) {
    other.lock_.reset();
}

Transaction::~Transaction() {
    // The staging room goes when nothing is left in it (the lock holder tidied it at the start).
    if (lock_ && writable_) ::rmdir(staging_dir(data_dir_).c_str());
    if (listing_cache_ && lock_) listing_cache_->save();
}

fs::path Transaction::own_root() const {
    return devices_dir(data_dir_) / device_;
}

void Transaction::warn_once(const fs::path& file, const std::string& message) {
    if (warned_.insert(file).second && warn_) warn_(message);
}

// A data directory from before devices becomes this device's tree, kind by kind: each kind's
// directory is renamed whole (one atomic step; a kill between kinds leaves the rest for the
// next run), so no byte the person wrote is rewritten. Where this device already has a
// directory of that kind, month files move one by one, and one whose name is taken stays
// where it is and is still read.
void Transaction::move_old_layout() {
    bool own_tree = false;
    for (const RecordFormat* format : record_formats()) {
        const fs::path old_dir = data_dir_ / std::string(format->kind);
        struct stat st {};
        if (::lstat(old_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        if (!own_tree) {
            ensure_private_dir(own_root());
            own_tree = true;
        }
        const fs::path new_dir = own_root() / std::string(format->kind);
        const fs::path old_last = old_dir / ".last";
        if (::rename(old_dir.c_str(), new_dir.c_str()) == 0) {
            sync_directory(data_dir_);
            sync_directory(own_root());
            const fs::path moved_last = new_dir / ".last";
            if (::access(moved_last.c_str(), F_OK) == 0) {
                ensure_private_dir(local_state_dir(data_dir_));
                ::rename(moved_last.c_str(), last_file(*format).c_str());
            }
            continue;
        }
        if (errno != EEXIST && errno != ENOTEMPTY) fail_errno(old_dir.string(), errno);
        ensure_private_dir(new_dir);
        bool left = false;
        const auto old_files = list_device_files(old_dir, device_, true, true, &warn_);
        for (const auto& month : old_files.months) {
            const fs::path file = old_files.file(month);
            const fs::path target = new_dir / file.filename();
            if (::access(target.c_str(), F_OK) == 0) {
                left = true;
                continue;
            }
            if (::rename(file.c_str(), target.c_str()) != 0) fail_errno(file.string(), errno);
        }
        sync_directory(new_dir);
        sync_directory(old_dir);
        if (!left) {
            if (::access(old_last.c_str(), F_OK) == 0) {
                ensure_private_dir(local_state_dir(data_dir_));
                ::rename(old_last.c_str(), last_file(*format).c_str());
            }
            ::rmdir(old_dir.c_str());  // only when empty: files of the person's own stay
        }
    }
    if (own_tree) write_ignore_files(data_dir_);
}

fs::path Transaction::last_file(const RecordFormat& format) const {
    return local_state_dir(data_dir_) / (std::string(format.kind) + ".last");
}

const std::vector<DeviceFiles>& Transaction::listing(const RecordFormat& format) {
    auto& list = listings_[std::string(format.kind)];
    if (list) return *list;
    list = std::make_unique<std::vector<DeviceFiles>>();
    const std::string kind(format.kind);
    const Warn* check = inspecting_ ? nullptr : &warn_;
    if (!listing_cache_file_.empty() && !listing_cache_)
        listing_cache_ = std::make_unique<ListingCache>(listing_cache_file_);
    const auto list_dir = [&](fs::path dir, std::string device, bool own, bool tidy) {
        if (!listing_cache_) return list_device_files(std::move(dir), std::move(device), own, tidy, check);
        bool settled = false;
        const std::string key = fs::path(dir).lexically_relative(data_dir_).string();
        std::string stamp = dir_stamp(dir, settled);
        if (const auto* months = listing_cache_->find(key, stamp))
            return DeviceFiles{std::move(device), std::move(dir), own, *months, {}};
        DeviceFiles files = list_device_files(std::move(dir), std::move(device), own, tidy, check);
        if (settled && files.copies.empty()) listing_cache_->remember(key, std::move(stamp), files.months);
        return files;
    };
    list->push_back(list_dir(own_root() / kind, device_, true, writable_));
    // A tree from before devices, not yet moved (a reader cannot move it): this device's too.
    list->push_back(list_dir(data_dir_ / kind, device_, false, false));
    if (list->back().months.empty() && list->back().copies.empty()) list->pop_back();
    for (const auto& name : other_device_names(data_dir_, device_))
        list->push_back(list_dir(devices_dir(data_dir_) / name / kind, name, false, false));
    return *list;
}

const std::vector<Record>& Transaction::other_records(const RecordFormat& format, const fs::path& file) {
    auto& cached = others_[file];
    if (cached) return *cached;
    cached = std::make_unique<std::vector<Record>>();
    if (auto text = read_data_file(file))
        *cached = records_of_text(*text, file, format, [&](const std::string& m) { warn_once(file, m); });
    return *cached;
}

fs::path Transaction::own_month_path(const RecordFormat& format, date::year_month month) const {
    return own_root() / std::string(format.kind) / (month_key(month) + ".toml");
}

Transaction::MonthState& Transaction::month(const RecordFormat& format, date::year_month month) {
    const fs::path path = own_month_path(format, month);
    auto& state = months_[path];
    if (state) return *state;
    auto loaded = std::make_unique<MonthState>();
    loaded->format = &format;
    loaded->month = month;
    loaded->path = path;
    loaded->original = read_data_file(path);
    loaded->text = loaded->original.value_or("");
    const Warn warn_file = [&](const std::string& m) { warn_once(path, m); };
    if (auto sides = loaded->original ? conflict_sides(*loaded->original) : std::nullopt) {
        // This device's own file, with both sides of a git merge: written back as one, its
        // side as it was and the records only the other side had after them.
        loaded->records = parse_month_text(sides->first, path, format);
        loaded->text = sides->first;
        records_of_text(*loaded->original, path, format, warn_file);
        for (auto& record : parse_month_text(sides->second, path, format))
            if (std::find(loaded->records.begin(), loaded->records.end(), record) == loaded->records.end())
                loaded->add_block(record);
    } else {
        loaded->records = parse_month_text(loaded->text, path, format);
    }
    const auto& own = listing(format).front();
    if (auto copies = own.copies.find(month); copies != own.copies.end()) {
        // Syncthing's copies of this device's own file: their records are this device's too.
        for (const auto& copy : copies->second) {
            const auto text = read_data_file(copy);
            if (!text) continue;
            warn_once(copy, copy_advice(copy, path));
            for (auto& record : records_of_text(*text, copy, format, warn_file)) {
                const std::string id = record_id(record);
                const auto same = std::find_if(loaded->records.begin(), loaded->records.end(),
                                               [&](const Record& r) { return record_id(r) == id; });
                if (same == loaded->records.end())
                    loaded->add_block(record);
                else if (revision_of(record) > revision_of(*same))
                    loaded->rewrite(id, record);
            }
            loaded->folded.push_back(copy);
        }
    }
    state = std::move(loaded);
    return *state;
}

std::vector<Version> Transaction::versions(const RecordFormat& format, date::year_month m, std::size_t* sources,
                                           std::vector<fs::path>* files_read) {
    std::vector<Version> out;
    std::size_t files_with_records = 0;
    const auto add = [&](const std::vector<Record>& records, std::string_view device) {
        if (!records.empty()) ++files_with_records;
        for (const auto& record : records) out.push_back({&record, device});
    };
    const auto add_file = [&](const fs::path& file, std::string_view device) {
        add(other_records(format, file), device);
        if (files_read) files_read->push_back(file);
    };
    // A reader needs only the records of its own files, not their bytes kept for a rewrite, and
    // opens only a file its listing has: a month of another device's is not probed here too.
    if (writable_)
        add(month(format, m).records, device_);
    else if (listing(format).front().has(m))
        add_file(own_month_path(format, m), device_);
    for (const auto& files : listing(format)) {
        if (files.own && writable_) continue;
        if (files.own) {
            if (auto copies = files.copies.find(m); copies != files.copies.end())
                for (const auto& copy : copies->second) {
                    warn_once(copy, copy_advice(copy, own_month_path(format, m)));
                    add_file(copy, files.device);
                }
            continue;
        }
        if (files.has(m)) add_file(files.file(m), files.device);
        if (auto copies = files.copies.find(m); copies != files.copies.end())
            for (const auto& copy : copies->second) {
                const fs::path original = files.dir / (month_key(m) + ".toml");
                warn_once(copy, copy_advice(copy, original));
                add_file(copy, files.device);
            }
    }
    if (sources) *sources = files_with_records;
    return out;
}

std::vector<date::year_month> Transaction::months_with_files(const RecordFormat& format) {
    std::set<date::year_month> months;
    for (const auto& files : listing(format)) {
        months.insert(files.months.begin(), files.months.end());
        for (const auto& [m, list] : files.copies) months.insert(m);
    }
    for (const auto& [path, state] : months_)
        if (state->format == &format && !state->text.empty()) months.insert(state->month);
    return {months.begin(), months.end()};
}

std::string Transaction::file_stamps(const RecordFormat& format, bool& settled) {
    // `list` stamps 20 years of month files on every run: one fstatat() each, relative to its
    // directory, folded into two 64-bit digests of different mixes rather than written out.
    settled = true;
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    std::uint64_t a = 14695981039346656037ull;
    std::uint64_t b = 0x9e3779b97f4a7c15ull;
    std::size_t count = 0;
    const auto mix = [&](std::uint64_t value) {
        a = (a ^ value) * 1099511628211ull;
        b = (b + value) * 0xbf58476d1ce4e5b9ull;
        b ^= b >> 31;
    };
    const auto mix_text = [&](std::string_view text) {
        for (const char c : text) mix(static_cast<unsigned char>(c));
        mix(0x100);  // ends the name
    };
    const auto stamp = [&](int dir_fd, const std::string& name) {
        struct stat st {};
        if (dir_fd < 0 || ::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) st = {};
        if (now - (std::chrono::seconds{st.st_mtim.tv_sec} + std::chrono::nanoseconds{st.st_mtim.tv_nsec}) <
            std::chrono::seconds{2})
            settled = false;
        mix_text(name);
        for (const auto value :
             {static_cast<std::int64_t>(st.st_size), static_cast<std::int64_t>(st.st_ino),
              static_cast<std::int64_t>(st.st_mtim.tv_sec), static_cast<std::int64_t>(st.st_mtim.tv_nsec),
              static_cast<std::int64_t>(st.st_ctim.tv_sec), static_cast<std::int64_t>(st.st_ctim.tv_nsec)})
            mix(static_cast<std::uint64_t>(value));
        ++count;
    };
    for (const auto& files : listing(format)) {
        mix_text(files.dir.lexically_relative(data_dir_).string());
        const int dir_fd = ::open(files.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        std::string name = "YYYY-MM.toml";
        for (const auto m : files.months) {
            const int year = static_cast<int>(m.year());
            const unsigned month = static_cast<unsigned>(m.month());
            for (int i = 3, y = year; i >= 0; --i, y /= 10)
                name[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
            name[5] = static_cast<char>('0' + month / 10);
            name[6] = static_cast<char>('0' + month % 10);
            stamp(dir_fd, name);
        }
        for (const auto& [m, list] : files.copies)
            for (const auto& copy : list) stamp(dir_fd, copy.filename().string());
        if (dir_fd >= 0) ::close(dir_fd);
    }
    return fmt::format("{} {:016x}{:016x}\n", count, a, b);
}

std::vector<Transaction::Timed> Transaction::shown(const RecordFormat& format, date::year_month m) {
    std::size_t sources = 0;
    std::vector<fs::path> files_read;
    const auto all_versions = versions(format, m, &sources, &files_read);
    // A read-only transaction hands its cached records over instead of copying them (a copy of
    // 20 years cost as much as parsing them, and twice the memory), and forgets those files: a
    // later read of the month parses them again. A writer keeps its records for the rewrite.
    // The records are the cache's own, never const objects, so moving from them is sound.
    const auto take = [&](Instant at, const Record& record) {
        return writable_ ? Timed{at, record} : Timed{at, std::move(const_cast<Record&>(record))};
    };
    std::vector<Timed> records;
    if (sources <= 1) {
        // One file holds one version of each id: only its deletion markers to leave out.
        std::vector<std::pair<Instant, const Record*>> timed;
        timed.reserve(all_versions.size());
        for (const auto& v : all_versions)
            if (!is_deletion(*v.record)) timed.emplace_back(record_at(*v.record).instant, v.record);
        // Each time is read once; a file is almost always in time order already.
        const auto by_time = [](const auto& a, const auto& b) { return a.first < b.first; };
        if (!std::is_sorted(timed.begin(), timed.end(), by_time)) std::stable_sort(timed.begin(), timed.end(), by_time);
        records.reserve(timed.size());
        for (const auto& [at, record] : timed) records.push_back(take(at, *record));
    } else {
        const auto merged = merge_versions(all_versions);
        records.reserve(merged.shown.size());
        for (const Version* v : merged.shown) records.push_back(take(record_at(*v->record).instant, *v->record));
    }
    if (!writable_)
        for (const auto& file : files_read) others_.erase(file);
    return records;
}

namespace {

// Oldest first, equal times in the order given.
std::vector<Record> in_time_order(std::vector<Transaction::Timed> timed) {
    const auto by_time = [](const auto& a, const auto& b) { return a.at < b.at; };
    if (!std::is_sorted(timed.begin(), timed.end(), by_time)) std::stable_sort(timed.begin(), timed.end(), by_time);
    std::vector<Record> records;
    records.reserve(timed.size());
    for (auto& t : timed) records.push_back(std::move(t.record));
    return records;
}

}  // namespace

std::vector<Record> Transaction::all(const RecordFormat& format) {
    std::vector<Timed> timed;
    for (const auto& m : months_with_files(format)) {
        auto month_records = shown(format, m);
        timed.insert(timed.end(), std::make_move_iterator(month_records.begin()),
                     std::make_move_iterator(month_records.end()));
    }
    return in_time_order(std::move(timed));
}

std::vector<Record> Transaction::in_month(const RecordFormat& format, date::year_month month) {
    return in_time_order(shown(format, month));
}

std::vector<Record> Transaction::range(const RecordFormat& format, Instant from, Instant to) {
    std::vector<Timed> timed;
    if (to < from) return {};
    // A record's file is the month of its own wall-clock time, up to 14 hours from UTC.
    const LocalDay first = date::floor<date::days>(LocalTime{from.time_since_epoch()}) - date::days{1};
    const LocalDay last = date::floor<date::days>(LocalTime{to.time_since_epoch()}) + date::days{1};
    const auto& files = listing(format);
    for (const auto& m : months_spanning(first, last)) {
        // A month of the span is read when some device has it: a few lookups, whatever the history.
        const bool staged = !months_.empty() && months_.contains(own_month_path(format, m));
        if (!staged && std::none_of(files.begin(), files.end(),
                                    [&](const DeviceFiles& f) { return f.has(m) || f.copies.contains(m); }))
            continue;
        for (auto& record : shown(format, m))
            if (record.at >= from && record.at <= to) timed.push_back(std::move(record));
    }
    return in_time_order(std::move(timed));
}

std::vector<Record> Transaction::latest(const RecordFormat& format, std::size_t wanted) {
    std::vector<Timed> timed;
    const auto months = months_with_files(format);
    for (auto m = months.rbegin(); m != months.rend() && timed.size() < wanted; ++m) {
        // Later in a file means written later: reversed, the newest of equal times comes first.
        auto month_records = shown(format, *m);
        timed.insert(timed.end(), std::make_move_iterator(month_records.rbegin()),
                     std::make_move_iterator(month_records.rend()));
    }
    std::stable_sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.at > b.at; });
    if (timed.size() > wanted) timed.resize(wanted);
    std::vector<Record> records;
    records.reserve(timed.size());
    for (auto& t : timed) records.push_back(std::move(t.record));
    return records;
}

std::optional<StoredRecord> Transaction::find(const RecordFormat& format, const std::string& id) {
    std::vector<date::year_month> months;
    if (auto hinted = month_of_id(id)) months.push_back(*hinted);
    const auto with_files = months_with_files(format);
    months.insert(months.end(), with_files.rbegin(), with_files.rend());
    for (const auto& m : months) {
        const auto all_versions = versions(format, m);
        const auto merged = merge_versions(all_versions);
        const Version* found = nullptr;
        for (const Version* v : merged.shown)
            if (record_id(*v->record) == id && (!found || v->device == device_)) found = v;
        if (!found) continue;
        const fs::path file = found->device == device_ ? own_month_path(format, m)
                                                       : devices_dir(data_dir_) / std::string(found->device) /
                                                             std::string(format.kind) / (month_key(m) + ".toml");
        return StoredRecord{*found->record, file};
    }
    return std::nullopt;
}

std::vector<Transaction::Unsettled> Transaction::unsettled(const RecordFormat& format) {
    std::vector<Unsettled> out;
    for (const auto& m : months_with_files(format)) {
        const auto all_versions = versions(format, m);
        const auto merged = merge_versions(all_versions);
        for (const Version* old : merged.superseded) {
            const std::string id = record_id(*old->record);
            const Version* winner = old;
            for (const auto& v : all_versions)
                if (record_id(*v.record) == id && wins_over(v, *winner)) winner = &v;
            out.push_back({is_deletion(*winner->record) ? Unsettled::What::deleted : Unsettled::What::changed, id, m,
                           std::string(old->device), std::string(winner->device)});
        }
        for (const auto& [keeper, other] : merged.collisions)
            out.push_back({Unsettled::What::same_id, record_id(*keeper->record), m, std::string(other->device),
                           std::string(keeper->device)});
    }
    return out;
}

std::set<std::string> Transaction::ids_in(const RecordFormat& format, date::year_month m) {
    std::set<std::string> ids;
    for (const auto& v : versions(format, m)) ids.insert(record_id(*v.record));
    return ids;
}

Record Transaction::append(const RecordFormat& format, Record record) {
    require_writable();
    const auto m = month_of(record);
    record.insert_or_assign("id", new_id(m, device_tag(device_), ids_in(format, m)));
    month(format, m).add_block(record);
    return record;
}

std::vector<Record> Transaction::append_all(const RecordFormat& format, std::vector<Record> records) {
    require_writable();
    // Grouped by month, so that each month file is read back once, not once per record.
    std::map<date::year_month, std::vector<std::size_t>> by_month;
    for (std::size_t i = 0; i < records.size(); ++i) by_month[month_of(records[i])].push_back(i);
    for (const auto& [which, indices] : by_month) {
        std::set<std::string> taken = ids_in(format, which);
        auto& state = month(format, which);
        const std::set<std::string> own = ids_of(state.records);
        std::vector<Record> expected = state.records;
        std::string text = state.text.empty() ? file_header(format, state.month) : state.text;
        for (const std::size_t i : indices) {
            Record& record = records[i];
            if (const std::string id = record_id(record); id.empty()) {
                record.insert_or_assign("id", new_id(state.month, device_tag(device_), taken));
            } else if (own.contains(id) || std::count_if(expected.begin(), expected.end(),
                                                         [&](const Record& r) { return record_id(r) == id; })) {
                fail(Exit::failure,
                     fmt::format("internal: id '{}' is taken in {}", neutralize(id), state.path.string()));
            }
            taken.insert(record_id(record));
            text += (text.ends_with('\n') ? "\n" : "\n\n") + checked_block(record, format);
            expected.push_back(record);
        }
        state.accept(std::move(text), std::move(expected));
    }
    return records;
}

void Transaction::put_own(const RecordFormat& format, date::year_month m, const Record& version) {
    auto& state = month(format, m);
    const std::string id = record_id(version);
    const bool held =
        std::any_of(state.records.begin(), state.records.end(), [&](const Record& r) { return record_id(r) == id; });
    if (held)
        state.rewrite(id, version);
    else
        state.add_block(version);
}

std::optional<Record> Transaction::replace(const RecordFormat& format, const std::string& id,
                                           std::optional<Record> replacement) {
    require_writable();
    const auto found = find(format, id);
    if (!found) usage_error(fmt::format("no {} record with id '{}'", format.kind, neutralize(id)));
    const auto m = month_of(found->record);
    const auto all_versions = versions(format, m);
    const std::int64_t revision = merge_versions(all_versions).top_revision[id] + 1;

    std::optional<Record> stored;
    if (replacement && month_of(*replacement) != m) {
        // Moved to another month: a new record there, and this one deleted, as one change.
        replacement->erase("revision");
        replacement->erase("deleted");
        stored = append(format, std::move(*replacement));
        put_own(format, m, deletion_marker(found->record, revision));
    } else if (replacement) {
        replacement->insert_or_assign("id", id);
        replacement->insert_or_assign("revision", revision);
        replacement->erase("deleted");
        put_own(format, m, *replacement);
        stored = std::move(replacement);
    } else {
        // What it said goes at once from this device's files; the marker tells the others.
        put_own(format, m, deletion_marker(found->record, revision));
    }
    return stored;
}

std::optional<std::string> Transaction::last(const RecordFormat& format) {
    if (auto it = last_.find(std::string(format.kind)); it != last_.end()) return it->second;
    const auto text = read_private_file(last_file(format), warn_);
    if (!text) return std::nullopt;
    std::string id = trimmed_line(*text);
    if (id.empty()) return std::nullopt;
    return id;
}

void Transaction::set_last(const RecordFormat& format, std::optional<std::string> id) {
    last_[std::string(format.kind)] = std::move(id);
}

void Transaction::require_writable() const {
    if (!writable_) fail(Exit::failure, "internal: a change in a read-only transaction");
}

// A record kept in the pending room while the lock was busy is landed here. Its file goes in
// the same journal as the months it lands in, so it is landed exactly once even if this
// process is killed half-way.
void Transaction::land_pending() {
    for (const auto& file : pending_files(data_dir_)) {
        std::vector<std::pair<const RecordFormat*, Record>> kept;
        try {
            const auto text = read_private_file(file, warn_);
            if (!text) continue;
            const toml::table root = parse_toml_document(*text, file.string());
            for (const RecordFormat* format : record_formats())
                if (root.contains(format->kind))
                    for (auto& record : parse_month_text(*text, file, *format)) kept.emplace_back(format, record);
        } catch (const Error& e) {
            if (warn_)
                warn_(fmt::format("a record kept while the data was busy cannot be read, so it stays in {} ({})",
                                  file.string(), e.what()));
            continue;
        }
        // Staged on copies, so that a month file that cannot take it leaves the rest as it was.
        std::map<fs::path, std::unique_ptr<MonthState>> before;
        for (const auto& [path, state] : months_) before[path] = std::make_unique<MonthState>(*state);
        try {
            std::vector<std::string> ids;
            for (auto& [format, record] : kept) {
                const Record stored = append(*format, record);
                set_last(*format, record_id(stored));
                ids.push_back(fmt::format("{} {}", format->kind, record_id(stored)));
            }
            landed_.push_back(file);
            if (note_)
                note_(
                    fmt::format("Added what was kept while another tend program was busy: {}.", fmt::join(ids, ", ")));
        } catch (const Error& e) {
            months_ = std::move(before);
            if (warn_)
                warn_(fmt::format("a record kept while the data was busy waits in {} ({})", file.string(), e.what()));
        }
    }
}

// Before this device writes: what other devices changed since it last looked (their files'
// sizes and times, kept in .local/seen) may have deleted or edited records this device holds,
// or collided with one of its ids. Each such month is sorted out, and this device's stale
// versions leave its files in the same commit: a deleted text does not live on.
void Transaction::purge_superseded(std::map<std::string, std::string>& seen) {
    const fs::path seen_file = local_state_dir(data_dir_) / "seen";
    std::map<std::string, std::string> before;
    if (auto text = read_private_file(seen_file, warn_)) {
        std::size_t pos = 0;
        while (pos < text->size()) {
            std::size_t end = text->find('\n', pos);
            if (end == std::string::npos) end = text->size();
            const std::string line = text->substr(pos, end - pos);
            if (const auto tab = line.find('\t'); tab != std::string::npos)
                before[line.substr(0, tab)] = line.substr(tab + 1);
            pos = end + 1;
        }
    }
    for (const RecordFormat* format : kinds_.empty() ? record_formats() : kinds_) {
        std::set<date::year_month> touched;
        for (const auto& files : listing(*format)) {
            if (files.own) continue;
            const auto look = [&](date::year_month m, const fs::path& file) {
                const std::string key = fs::relative(file, data_dir_).string();
                std::string stamp = stamp_of(file);
                if (before[key] != stamp) touched.insert(m);
                seen[key] = std::move(stamp);
            };
            for (const auto& m : files.months) look(m, files.file(m));
            for (const auto& [m, list] : files.copies)
                for (const auto& copy : list) look(m, copy);
        }
        const auto& own = listing(*format).front();
        for (const auto& m : touched) {
            if (!own.has(m) && !months_.contains(own_month_path(*format, m))) continue;
            // What to change is decided first: the versions point into the records it changes.
            std::vector<std::string> stale;
            std::vector<std::pair<Record, std::string>> renamed;  // this device's record, the other device
            {
                const auto all_versions = versions(*format, m);
                const auto merged = merge_versions(all_versions);
                for (const Version* v : merged.superseded)
                    if (v->device == device_) stale.push_back(record_id(*v->record));
                for (const auto& [keeper, other] : merged.collisions)
                    if (other->device == device_) renamed.emplace_back(*other->record, std::string(keeper->device));
            }
            auto& state = month(*format, m);
            for (const auto& id : stale) state.rewrite(id, std::nullopt);
            for (auto& [record, other_device] : renamed) {
                // Two devices made the same id; this one's record takes a new one, nothing else changes.
                const std::string old_id = record_id(record);
                record.insert_or_assign("id", new_id(m, device_tag(device_), ids_in(*format, m)));
                state.rewrite(old_id, std::nullopt);
                state.add_block(record);
                if (note_)
                    note_(fmt::format("{} {} had the same id as one from {}; this one is now {}.",
                                      record_noun(format->kind), neutralize(old_id), other_device, record_id(record)));
            }
        }
    }
}

void Transaction::commit() {
    if (committed_) fail(Exit::failure, "internal: a transaction was committed twice");
    require_writable();
    committed_ = true;
    const auto any_change = [&] {
        if (!landed_.empty()) return true;
        for (const auto& [path, state] : months_)
            if (state->changed()) return true;
        return false;
    };
    if (!any_change() && last_.empty() && !purge_wanted_) return;
    std::map<std::string, std::string> seen;
    purge_superseded(seen);
    std::vector<MonthState*> changed;
    std::vector<fs::path> used_up = landed_;
    for (auto& [path, state] : months_)
        if (state->changed()) {
            changed.push_back(state.get());
            used_up.insert(used_up.end(), state->folded.begin(), state->folded.end());
        }
    for (auto* state : changed) ensure_private_dir(state->path.parent_path());
    const bool first_write = !changed.empty() && ::access(own_root().c_str(), F_OK) != 0;
    if (used_up.size() > landed_.size() || !landed_.empty()) {
        std::vector<std::pair<fs::path, std::string>> files;
        for (auto* state : changed) files.emplace_back(state->path, state->text);
        commit_together(data_dir_, files, used_up);
    } else if (changed.size() == 1 && state_appends_text(changed.front()->original, changed.front()->text)) {
        // One new block after the old bytes: a single write(), truncated back if it falls short.
        MonthState& state = *changed.front();
        AppendFile file(state.path, warn_);
        if (file.contents() != state.original.value_or(""))
            fail(Exit::failure,
                 fmt::format("internal: {} changed under the lock; nothing was written", state.path.string()));
        file.append(std::string_view(state.text).substr(file.contents().size()));
    } else if (changed.size() == 1) {
        MonthState& state = *changed.front();
        AtomicFile file(state.path, ensure_staging_dir(data_dir_, state.path));
        file.write(state.text);
        file.commit();
    } else if (!changed.empty()) {
        std::vector<std::pair<fs::path, std::string>> files;
        for (auto* state : changed) files.emplace_back(state->path, state->text);
        commit_together(data_dir_, files);
    }
    for (auto* state : changed) state->original = state->text;

    // What follows is this device's own bookkeeping: once the records are saved, failing here
    // is a warning, never a lost record.
    const auto keep = [&](const fs::path& file, const std::string& text, const std::string& what) {
        try {
            ensure_private_dir(file.parent_path());
            AtomicFile replacement(file, ensure_staging_dir(data_dir_, file));
            replacement.write(text);
            replacement.commit();
        } catch (const Error& e) {
            if (warn_) warn_(fmt::format("{} ({})", what, e.what()));
        }
    };
    if (first_write || ::access((data_dir_ / ".stignore").c_str(), F_OK) != 0) {
        try {
            write_ignore_files(data_dir_);
        } catch (const Error& e) {
            if (warn_) warn_(fmt::format("a sync engine may carry this machine's own state: {}", e.what()));
        }
    }
    if (!seen.empty()) {
        std::string text;
        for (const auto& [key, stamp] : seen) text += key + "\t" + stamp + "\n";
        keep(local_state_dir(data_dir_) / "seen", text, "tend will look at the other devices' files again next time");
    }
    for (const auto& [kind, id] : last_) {
        const fs::path hint = local_state_dir(data_dir_) / (kind + ".last");
        const std::string what =
            fmt::format("{} {} is saved; 'undo' just will not find it", record_noun(kind), id.value_or(""));
        if (id) {
            keep(hint, *id + "\n", what);
        } else if (::unlink(hint.c_str()) != 0 && errno != ENOENT && warn_) {
            warn_(fmt::format("{} ({})", what, std::strerror(errno)));
        }
    }
}

// --- RecordStore ---

RecordStore::RecordStore(fs::path data_dir, const RecordFormat& format, std::chrono::milliseconds lock_wait, Warn warn,
                         Warn note, std::string device)
    : data_dir_(std::move(data_dir)),
      format_(format),
      lock_wait_(lock_wait),
      warn_(std::move(warn)),
      note_(std::move(note)),
      device_(std::move(device)) {}

Transaction RecordStore::transaction() const {
    ensure_private_dir(data_dir_);
    Transaction t(data_dir_, device_, lock_wait_, warn_, note_);
    t.use_listing_cache(listing_cache_);
    return t;
}

Record RecordStore::append(Record record) {
    return append(std::move(record), nullptr);
}

Record RecordStore::append(Record record, const Completer& complete) {
    Transaction t = transaction();
    if (complete) complete(record, t.all(format_));
    Record stored = t.append(format_, std::move(record));
    t.commit();
    return stored;
}

std::optional<Record> RecordStore::replace(const std::string& id, std::optional<Record> replacement) {
    if (!has_data()) usage_error(fmt::format("no {} record with id '{}'", format_.kind, neutralize(id)));
    Transaction t = transaction();
    auto stored = t.replace(format_, id, std::move(replacement));
    t.commit();
    return stored;
}

bool RecordStore::has_data() const {
    return directory_exists(devices_dir(data_dir_)) || directory_exists(data_dir_ / std::string(format_.kind));
}

bool RecordStore::has_records() const {
    if (!has_data()) return false;
    auto t = reader();
    return !t.months_with_files(format_).empty();
}

void RecordStore::settle() const {
    // Before a read: a killed transaction to finish, records kept while the lock was busy, or
    // a data directory from before devices; done when the exclusive lock is free at once.
    struct stat st {};
    bool work = ::lstat(staging_dir(data_dir_).c_str(), &st) == 0;
    for (const RecordFormat* format : record_formats())
        work = work || (::lstat((data_dir_ / std::string(format->kind)).c_str(), &st) == 0 && S_ISDIR(st.st_mode));
    if (!work) return;
    if (auto t = Transaction::try_begin(data_dir_, device_, std::chrono::milliseconds{0}, warn_, note_)) t->commit();
}

Transaction RecordStore::reader() const {
    settle();
    Transaction t = Transaction::read(data_dir_, device_, lock_wait_, warn_);
    t.use_listing_cache(listing_cache_);
    return t;
}

std::optional<Transaction> RecordStore::read_transaction() const {
    if (!has_data()) return std::nullopt;
    return reader();
}

std::vector<Record> RecordStore::read_range(Instant from, Instant to) const {
    if (!has_data() || to < from) return {};
    return reader().range(format_, from, to);
}

std::vector<Record> RecordStore::read_latest(std::size_t wanted) const {
    if (!has_data()) return {};
    return reader().latest(format_, wanted);
}

std::vector<Record> RecordStore::read_all() const {
    if (!has_data()) return {};
    return reader().all(format_);
}

std::optional<StoredRecord> RecordStore::find(const std::string& id) const {
    if (!has_data()) return std::nullopt;
    return reader().find(format_, id);
}

}  // namespace tend
