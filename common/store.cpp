// Monthly record files: parse-checked appends under an flock, surgical atomic rewrites.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <set>

#include "error.hpp"
#include "files.hpp"
#include "terminal.hpp"

namespace tend {
namespace fs = std::filesystem;

namespace {

// Crockford's base 32, lower case: no i, l, o or u to misread or mistype.
constexpr std::string_view id_alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
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

bool earlier(const Record& a, const Record& b) {
    return record_at(a).instant < record_at(b).instant;
}

std::string new_id(date::year_month month, const std::set<std::string>& taken) {
    std::random_device random;
    std::uniform_int_distribution<std::size_t> pick(0, id_alphabet.size() - 1);
    for (;;) {
        std::string id = month_code(month);
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

const toml::array* records_array(const toml::table& root, const fs::path& file, const RecordFormat& format) {
    for (const auto& [key, node] : root) {
        if (key.str() != format.kind)
            data_error(file, fmt::format("{}:{}: unexpected '{}'; this file holds only [[{}]] records",
                                         node.source().begin.line, node.source().begin.column, neutralize(key.str()),
                                         format.kind));
    }
    const toml::node* node = root.get(format.kind);
    if (!node) return nullptr;
    const toml::array* array = node->as_array();
    if (!array || !array->is_array_of_tables())
        data_error(file, fmt::format("{}:{}: '{}' must be written as [[{}]] tables", node->source().begin.line,
                                     node->source().begin.column, format.kind, format.kind));
    return array;
}

toml::table parse_toml(const std::string& text, const fs::path& file) {
    try {
        return toml::parse(std::string_view(text), std::string_view(file.string()));
    } catch (const toml::parse_error& e) {
        data_error(file, fmt::format("{}:{}: {}", e.source().begin.line, e.source().begin.column, e.description()));
    }
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
        fail(Exit::failure, fmt::format("internal: record does not match its format: {}", problems.front()));
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

}  // namespace

std::vector<Record> parse_month_text(const std::string& text, const fs::path& file, const RecordFormat& format) {
    const toml::table root = parse_toml(text, file);
    std::vector<Record> records;
    const toml::array* array = records_array(root, file, format);
    if (!array) return records;
    std::set<std::string> seen;
    for (const auto& node : *array) {
        const auto& table = *node.as_table();
        if (auto problems = validate_record(table, format); !problems.empty()) data_error(file, problems.front());
        const std::string id = record_id(table);
        if (!seen.insert(id).second)
            data_error(file, fmt::format("{}:{}: duplicate id '{}'", table.source().begin.line,
                                         table.source().begin.column, neutralize(id)));
        records.push_back(table);
    }
    return records;
}

std::optional<date::year_month> month_of_id(std::string_view id) {
    if (id.size() < 2) return std::nullopt;
    const auto a = id_alphabet.find(id[0]);
    const auto b = id_alphabet.find(id[1]);
    if (a == std::string_view::npos || b == std::string_view::npos) return std::nullopt;
    const auto index = static_cast<int>(a * 32 + b);
    return date::year_month{date::year{id_epoch_year + index / 12}, date::month{static_cast<unsigned>(index % 12 + 1)}};
}

RecordStore::RecordStore(fs::path data_dir, const RecordFormat& format, std::chrono::milliseconds lock_wait)
    : data_dir_(std::move(data_dir)),
      kind_dir_(data_dir_ / std::string(format.kind)),
      format_(format),
      lock_wait_(lock_wait) {}

bool is_month_file_name(std::string_view name) {
    return name.size() == 12 && name.ends_with(".toml") && name[4] == '-' && !name.starts_with('.');
}

fs::path RecordStore::month_file(date::year_month month) const {
    return kind_dir_ / (month_key(month) + ".toml");
}

Record RecordStore::append(Record record) {
    return append(std::move(record), nullptr);
}

Record RecordStore::append(Record record, const Completer& complete) {
    ensure_private_dir(data_dir_);
    DataLock lock(data_dir_, DataLock::Mode::exclusive, lock_wait_);
    ensure_private_dir(kind_dir_);  // under the lock, once the data dir is known to be the user's
    remove_stale_temp_files(kind_dir_);
    if (complete) {
        std::vector<Record> all;
        for (const auto& file : month_files_newest_first()) {
            auto month = read_month(file);
            all.insert(all.end(), month.begin(), month.end());
        }
        std::stable_sort(all.begin(), all.end(), earlier);
        complete(record, all);
    }
    return append_locked(std::move(record));
}

// The append itself, under the exclusive lock the caller holds: an id fresh in the month
// file, the block checked, then one write after the file's header or a blank line.
Record RecordStore::append_locked(Record record) {
    const date::year_month month = month_of(record);
    const fs::path path = month_file(month);
    AppendFile file(path);
    const std::vector<Record> existing = parse_month_text(file.contents(), path, format_);
    record.insert_or_assign("id", new_id(month, ids_of(existing)));
    std::string block = checked_block(record, format_);
    if (file.contents().empty()) {
        block = file_header(format_, month) + "\n" + block;
    } else {
        block.insert(0, file.contents().ends_with('\n') ? "\n" : "\n\n");
    }
    file.append(block);
    return record;
}

std::vector<Record> RecordStore::read_month(const fs::path& file) const {
    auto text = read_file_if_exists(file, Symlinks::refuse);
    if (!text) return {};
    return parse_month_text(*text, file, format_);
}

std::vector<Record> RecordStore::read_range(Instant from, Instant to) const {
    std::vector<Record> records;
    if (!directory_exists(kind_dir_) || to < from) return records;
    DataLock lock(data_dir_, DataLock::Mode::shared, lock_wait_);
    // A record's file is the month of its own wall-clock time, up to 14 hours from UTC.
    const LocalDay first = date::floor<date::days>(LocalTime{from.time_since_epoch()}) - date::days{1};
    const LocalDay last = date::floor<date::days>(LocalTime{to.time_since_epoch()}) + date::days{1};
    for (const auto& month : months_spanning(first, last)) {
        for (auto& record : read_month(month_file(month))) {
            const Instant at = record_at(record).instant;
            if (at >= from && at <= to) records.push_back(std::move(record));
        }
    }
    std::stable_sort(records.begin(), records.end(), earlier);
    return records;
}

std::vector<fs::path> RecordStore::month_files_newest_first() const {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kind_dir_, ec)) {
        // Only YYYY-MM.toml: temp files and the user's own notes are not records.
        if (is_month_file_name(entry.path().filename().string())) files.push_back(entry.path());
    }
    std::sort(files.rbegin(), files.rend());
    return files;
}

std::vector<Record> RecordStore::read_latest(std::size_t wanted) const {
    std::vector<Record> records;
    if (!directory_exists(kind_dir_)) return records;
    DataLock lock(data_dir_, DataLock::Mode::shared, lock_wait_);
    for (const auto& file : month_files_newest_first()) {
        // Later in a file means written later: reversed, the newest of equal times comes first.
        auto month = read_month(file);
        records.insert(records.end(), month.rbegin(), month.rend());
        if (records.size() >= wanted) break;
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const Record& a, const Record& b) { return record_at(a).instant > record_at(b).instant; });
    if (records.size() > wanted) records.resize(wanted);
    return records;
}

std::optional<StoredRecord> RecordStore::find_unlocked(const std::string& id) const {
    std::vector<fs::path> files = month_files_newest_first();
    if (auto month = month_of_id(id)) {
        const fs::path hinted = month_file(*month);
        std::erase(files, hinted);
        files.insert(files.begin(), hinted);
    }
    for (const auto& file : files) {
        for (auto& record : read_month(file))
            if (record_id(record) == id) return StoredRecord{std::move(record), file};
    }
    return std::nullopt;
}

std::optional<StoredRecord> RecordStore::find(const std::string& id) const {
    if (!directory_exists(kind_dir_)) return std::nullopt;
    DataLock lock(data_dir_, DataLock::Mode::shared, lock_wait_);
    return find_unlocked(id);
}

std::optional<Record> RecordStore::replace(const std::string& id, std::optional<Record> replacement) {
    if (!directory_exists(kind_dir_))
        usage_error(fmt::format("no {} record with id '{}'", format_.kind, neutralize(id)));
    DataLock lock(data_dir_, DataLock::Mode::exclusive, lock_wait_);
    remove_stale_temp_files(kind_dir_);
    const auto found = find_unlocked(id);
    if (!found) usage_error(fmt::format("no {} record with id '{}'", format_.kind, neutralize(id)));

    std::optional<Record> stored;
    const bool moves = replacement && month_of(*replacement) != month_of(found->record);
    if (moves) {
        // Write the new copy before removing the old one: a crash between leaves two, never none.
        stored = append_locked(std::move(*replacement));
        replacement.reset();
    } else if (replacement) {
        replacement->insert_or_assign("id", id);
        stored = replacement;
    }

    const std::string text = *read_file_if_exists(found->file, Symlinks::refuse);
    const toml::table root = parse_toml(text, found->file);
    const toml::array& array = *records_array(root, found->file, format_);
    const auto starts = line_starts(text);
    std::string rewritten;
    std::vector<Record> expected;
    std::size_t copied = 0;  // text before this offset is already in `rewritten`
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto& table = *array.get(i)->as_table();
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
            rewritten += checked_block(*replacement, format_);
            expected.push_back(*replacement);
        } else if (rewritten.empty() || rewritten.ends_with("\n\n")) {
            // A removed record takes its separating blank lines with it.
            while (copied < text.size() && text[copied] == '\n') ++copied;
        }
    }
    rewritten += text.substr(copied);

    // The new text must hold exactly the records we meant, before it replaces the old.
    const auto check = parse_month_text(rewritten, found->file, format_);
    if (check != expected)
        fail(Exit::failure, fmt::format("internal: rewriting {} would change other records; nothing was changed",
                                        found->file.string()));
    AtomicFile file(found->file);
    file.write(rewritten);
    file.commit();
    return stored;
}

}  // namespace tend
