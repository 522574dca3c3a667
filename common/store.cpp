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
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "boundary_record.hpp"
#include "breathe_record.hpp"
#include "checkin_record.hpp"
#include "data_check.hpp"
#include "month_parse.hpp"
#include "prompt_record.hpp"
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

// The month files of `kind_dir` that can hold days first to last, oldest first. A short span
// (a week's report and the week before it) probes its two or three names; a longer one lists
// the directory once, so a report over all the years opens only the files that exist, never
// the empty months of its comparison period.
std::vector<fs::path> month_files_between(const fs::path& kind_dir, LocalDay first, LocalDay last) {
    const auto months = months_spanning(first, last);
    std::vector<fs::path> files;
    const auto name_of = [](date::year_month month) { return month_key(month) + ".toml"; };
    if (months.size() <= 3) {
        for (const auto& month : months) files.push_back(kind_dir / name_of(month));
        return files;
    }
    const std::string from = name_of(months.front()), to = name_of(months.back());
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kind_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (is_month_file_name(name) && name >= from && name <= to) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
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

// How a person calls a record of this kind.
std::string noun_of(std::string_view kind) {
    if (kind == "checkin") return "check-in";
    if (kind == "breathe") return "breathing session";
    return std::string(kind) + " record";
}

bool state_appends_text(const std::optional<std::string>& original, const std::string& text) {
    return text.starts_with(original.value_or("")) && (original || !text.empty());
}

}  // namespace

std::span<const RecordFormat* const> record_formats() {
    static constexpr const RecordFormat* formats[] = {&checkin_format, &breathe_format, &boundary_format,
                                                      &prompt_format};
    return formats;
}

std::vector<Record> parse_month_text(const std::string& text, const fs::path& file, const RecordFormat& format) {
    std::optional<toml::table> written = parse_written_toml(text, file.string());  // the fast path
    toml::table root = written ? std::move(*written) : parse_toml(text, file);
    std::vector<Record> records;
    if (!records_array(root, file, format)) return records;
    // The records are moved out of the document, which goes when this returns: a copy cost as much again.
    toml::array& array = *root.get_as<toml::array>(format.kind);
    std::set<std::string> seen;
    records.reserve(array.size());
    for (auto& node : array) {
        auto& table = *node.as_table();
        if (auto problems = validate_record(table, format); !problems.empty()) data_error(file, problems.front());
        const std::string id = record_id(table);
        if (!seen.insert(id).second)
            data_error(file, fmt::format("{}:{}: duplicate id '{}'", table.source().begin.line,
                                         table.source().begin.column, neutralize(id)));
        records.push_back(std::move(table));
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

bool is_month_file_name(std::string_view name) {
    return name.size() == 12 && name.ends_with(".toml") && name[4] == '-' && !name.starts_with('.');
}

namespace {

fs::path month_file_of(const fs::path& data_dir, const RecordFormat& format, date::year_month month) {
    return data_dir / std::string(format.kind) / (month_key(month) + ".toml");
}

std::string trimmed_line(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    return std::string(text);
}

}  // namespace

// --- Transaction ---

struct Transaction::MonthState {
    const RecordFormat* format;
    date::year_month month;
    fs::path path;
    std::optional<std::string> original;  // the bytes on disk, nullopt when there is no file
    std::string text;                     // the bytes as they will be
    std::vector<Record> records;          // what `text` holds, in file order

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
};

Transaction::Transaction(fs::path data_dir, DataLock lock, Warn warn, Warn note)
    : data_dir_(std::move(data_dir)), lock_(std::move(lock)), warn_(std::move(warn)), note_(std::move(note)) {
    land_pending();
}

Transaction::Transaction(fs::path data_dir, std::chrono::milliseconds lock_wait, Warn warn, Warn note)
    : Transaction(data_dir, DataLock(data_dir, DataLock::Mode::exclusive, lock_wait, warn), std::move(warn),
                  std::move(note)) {}

std::optional<Transaction> Transaction::try_begin(fs::path data_dir, std::chrono::milliseconds lock_wait, Warn warn,
                                                  Warn note) {
    auto lock = DataLock::try_exclusive(data_dir, lock_wait, warn);
    if (!lock) return std::nullopt;
    return Transaction(std::move(data_dir), std::move(*lock), std::move(warn), std::move(note));
}

Transaction::Transaction(Transaction&& other) noexcept
    : data_dir_(std::move(other.data_dir_)),
      lock_(std::move(other.lock_)),
      warn_(std::move(other.warn_)),
      note_(std::move(other.note_)),
      months_(std::move(other.months_)),
      last_(std::move(other.last_)),
      landed_(std::move(other.landed_)),
      committed_(other.committed_) {
    other.lock_.reset();
}

Transaction::~Transaction() {
    // The staging room goes when nothing is left in it (the lock holder tidied it at the start).
    if (lock_) ::rmdir(staging_dir(data_dir_).c_str());
}

fs::path Transaction::kind_dir(const RecordFormat& format) const {
    return data_dir_ / std::string(format.kind);
}

Transaction::MonthState& Transaction::month(const RecordFormat& format, date::year_month month) {
    const fs::path path = month_file_of(data_dir_, format, month);
    auto& state = months_[path];
    if (state) return *state;
    const fs::path dir = kind_dir(format);
    if (const int fd = open_private(dir, O_RDONLY | O_DIRECTORY, FileType::directory, warn_); fd >= 0) ::close(fd);
    auto loaded = std::make_unique<MonthState>();
    loaded->format = &format;
    loaded->month = month;
    loaded->path = path;
    loaded->original = read_private_file(path, warn_);
    loaded->text = loaded->original.value_or("");
    loaded->records = parse_month_text(loaded->text, path, format);
    state = std::move(loaded);
    return *state;
}

std::vector<fs::path> Transaction::month_files_newest_first(const RecordFormat& format) {
    std::set<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kind_dir(format), ec)) {
        const std::string name = entry.path().filename().string();
        if (is_month_file_name(name)) files.insert(entry.path());
        // An older tend wrote its temp files here; a killed one's can hold old text.
        if (is_temp_file_name(name)) ::unlink(entry.path().c_str());
    }
    for (const auto& [path, state] : months_)
        if (state->format == &format && !state->text.empty()) files.insert(path);
    return {files.rbegin(), files.rend()};
}

std::vector<Record> Transaction::all(const RecordFormat& format) {
    std::vector<Record> records;
    auto files = month_files_newest_first(format);
    for (auto it = files.rbegin(); it != files.rend(); ++it) {
        const auto month = month_of_file_name(it->filename().string());
        if (!month) {
            // A name shaped like a month but not one (2026-13.toml) holds no records tend reads.
            continue;
        }
        const auto& state = this->month(format, *month);
        records.insert(records.end(), state.records.begin(), state.records.end());
    }
    std::stable_sort(records.begin(), records.end(), earlier);
    return records;
}

std::vector<Record> Transaction::range(const RecordFormat& format, Instant from, Instant to) {
    std::vector<Record> records;
    if (to < from) return records;
    const LocalDay first = date::floor<date::days>(LocalTime{from.time_since_epoch()}) - date::days{1};
    const LocalDay last = date::floor<date::days>(LocalTime{to.time_since_epoch()}) + date::days{1};
    for (const auto& m : months_spanning(first, last))
        for (const auto& record : month(format, m).records) {
            const Instant at = record_at(record).instant;
            if (at >= from && at <= to) records.push_back(record);
        }
    std::stable_sort(records.begin(), records.end(), earlier);
    return records;
}

std::optional<StoredRecord> Transaction::find(const RecordFormat& format, const std::string& id) {
    std::vector<std::optional<date::year_month>> months;
    if (auto hinted = month_of_id(id)) months.push_back(*hinted);
    for (const auto& file : month_files_newest_first(format))
        months.push_back(month_of_file_name(file.filename().string()));
    for (const auto& m : months) {
        if (!m) continue;
        const auto& state = month(format, *m);
        for (const auto& record : state.records)
            if (record_id(record) == id) return StoredRecord{record, state.path};
    }
    return std::nullopt;
}

Record Transaction::append(const RecordFormat& format, Record record) {
    auto& state = month(format, month_of(record));
    record.insert_or_assign("id", new_id(state.month, ids_of(state.records)));
    std::string block = checked_block(record, format);
    std::string text = state.text;
    if (text.empty())
        text = file_header(format, state.month) + "\n" + block;
    else
        text += (text.ends_with('\n') ? "\n" : "\n\n") + block;
    std::vector<Record> expected = state.records;
    expected.push_back(record);
    state.accept(std::move(text), std::move(expected));
    return record;
}

std::vector<Record> Transaction::append_all(const RecordFormat& format, std::vector<Record> records) {
    // Grouped by month, so that each month file is read back once, not once per record.
    std::map<date::year_month, std::vector<std::size_t>> by_month;
    for (std::size_t i = 0; i < records.size(); ++i) by_month[month_of(records[i])].push_back(i);
    for (const auto& [which, indices] : by_month) {
        auto& state = month(format, which);
        std::set<std::string> taken = ids_of(state.records);
        std::vector<Record> expected = state.records;
        std::string text = state.text.empty() ? file_header(format, state.month) : state.text;
        for (const std::size_t i : indices) {
            Record& record = records[i];
            if (const std::string id = record_id(record); id.empty()) {
                record.insert_or_assign("id", new_id(state.month, taken));
            } else if (taken.contains(id)) {
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

std::optional<Record> Transaction::replace(const RecordFormat& format, const std::string& id,
                                           std::optional<Record> replacement) {
    const auto found = find(format, id);
    if (!found) usage_error(fmt::format("no {} record with id '{}'", format.kind, neutralize(id)));
    auto& state = *months_.at(found->file);

    std::optional<Record> stored;
    const bool moves = replacement && month_of(*replacement) != state.month;
    if (moves) {
        stored = append(format, std::move(*replacement));  // the move lands with the removal, as one change
        replacement.reset();
    } else if (replacement) {
        replacement->insert_or_assign("id", id);
        stored = replacement;
    }

    const std::string& text = state.text;
    const toml::table root = parse_toml(text, state.path);
    const toml::array& array = *records_array(root, state.path, format);
    const auto starts = line_starts(text);
    std::string rewritten;
    std::vector<Record> expected;
    std::size_t copied = 0;  // text before this offset is already in `rewritten`
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto& table = *array.get(i)->as_table();
        if (table.is_inline())
            data_error(state.path, fmt::format("{}:{}: this record is an inline table, which tend cannot change in "
                                               "place; nothing was changed. Write the records as [[{}]] tables",
                                               table.source().begin.line, table.source().begin.column, format.kind));
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
            rewritten += checked_block(*replacement, format);
            expected.push_back(*replacement);
        } else if (rewritten.empty() || rewritten.ends_with("\n\n")) {
            // A removed record takes its separating blank lines with it.
            while (copied < text.size() && text[copied] == '\n') ++copied;
        }
    }
    rewritten += text.substr(copied);

    // The new text must hold exactly the records we meant, before it replaces the old.
    const auto check = parse_month_text(rewritten, state.path, format);
    if (check != expected)
        fail(Exit::failure, fmt::format("internal: rewriting {} would change other records; nothing was changed",
                                        state.path.string()));
    state.text = std::move(rewritten);
    state.records = std::move(expected);
    return stored;
}

std::optional<std::string> Transaction::last(const RecordFormat& format) {
    if (auto it = last_.find(std::string(format.kind)); it != last_.end()) return it->second;
    const auto text = read_private_file(kind_dir(format) / ".last", warn_);
    if (!text) return std::nullopt;
    std::string id = trimmed_line(*text);
    if (id.empty()) return std::nullopt;
    return id;
}

void Transaction::set_last(const RecordFormat& format, std::optional<std::string> id) {
    last_[std::string(format.kind)] = std::move(id);
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

void Transaction::commit() {
    if (committed_) fail(Exit::failure, "internal: a transaction was committed twice");
    committed_ = true;
    std::vector<MonthState*> changed;
    for (auto& [path, state] : months_)
        if (state->changed()) changed.push_back(state.get());
    for (auto* state : changed) ensure_private_dir(state->path.parent_path());
    if (!landed_.empty()) {
        std::vector<std::pair<fs::path, std::string>> files;
        for (auto* state : changed) files.emplace_back(state->path, state->text);
        commit_together(data_dir_, files, landed_);
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

    for (const auto& [kind, id] : last_) {
        // Only a convenience for undo: once the records are saved, failing here is a warning.
        const fs::path hint = data_dir_ / kind / ".last";
        try {
            if (id) {
                ensure_private_dir(hint.parent_path());
                AtomicFile file(hint, ensure_staging_dir(data_dir_, hint));
                file.write(*id + "\n");
                file.commit();
            } else if (::unlink(hint.c_str()) != 0 && errno != ENOENT) {
                fail_errno(hint.string(), errno);
            }
        } catch (const Error& e) {
            if (warn_)
                warn_(fmt::format("{} {} is saved; 'undo' just will not find it ({})", noun_of(kind), id.value_or(""),
                                  e.what()));
        }
    }
}

// --- RecordStore ---

RecordStore::RecordStore(fs::path data_dir, const RecordFormat& format, std::chrono::milliseconds lock_wait, Warn warn,
                         Warn note)
    : data_dir_(std::move(data_dir)),
      kind_dir_(data_dir_ / std::string(format.kind)),
      format_(format),
      lock_wait_(lock_wait),
      warn_(std::move(warn)),
      note_(std::move(note)) {}

fs::path RecordStore::month_file(date::year_month month) const {
    return month_file_of(data_dir_, format_, month);
}

Transaction RecordStore::transaction() const {
    ensure_private_dir(data_dir_);
    return Transaction(data_dir_, lock_wait_, warn_, note_);
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
    if (!directory_exists(kind_dir_))
        usage_error(fmt::format("no {} record with id '{}'", format_.kind, neutralize(id)));
    Transaction t = transaction();
    auto stored = t.replace(format_, id, std::move(replacement));
    t.commit();
    return stored;
}

void RecordStore::check_kind_dir() const {
    if (const int fd = open_private(kind_dir_, O_RDONLY | O_DIRECTORY, FileType::directory, warn_); fd >= 0)
        ::close(fd);
}

void RecordStore::settle() const {
    struct stat st {};
    if (::lstat(staging_dir(data_dir_).c_str(), &st) != 0) return;
    if (auto t = Transaction::try_begin(data_dir_, std::chrono::milliseconds{0}, warn_, note_)) t->commit();
}

std::vector<Record> RecordStore::read_month(const fs::path& file) const {
    auto text = read_private_file(file, warn_);
    if (!text) return {};
    return parse_month_text(*text, file, format_);
}

std::vector<Record> RecordStore::read_range(Instant from, Instant to) const {
    std::vector<Record> records;
    if (!directory_exists(kind_dir_) || to < from) return records;
    settle();
    DataLock lock(data_dir_, DataLock::Mode::shared, lock_wait_, warn_);
    check_kind_dir();
    // A record's file is the month of its own wall-clock time, up to 14 hours from UTC.
    const LocalDay first = date::floor<date::days>(LocalTime{from.time_since_epoch()}) - date::days{1};
    const LocalDay last = date::floor<date::days>(LocalTime{to.time_since_epoch()}) + date::days{1};
    // Each record's time is read once: sorting by record_at() parsed it again at every comparison.
    std::vector<std::pair<Instant, Record>> timed;
    for (const auto& file : month_files_between(kind_dir_, first, last)) {
        for (auto& record : read_month(file)) {
            const Instant at = record_at(record).instant;
            if (at >= from && at <= to) timed.emplace_back(at, std::move(record));
        }
    }
    std::stable_sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    records.reserve(timed.size());
    for (auto& [at, record] : timed) records.push_back(std::move(record));
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
    settle();
    DataLock lock(data_dir_, DataLock::Mode::shared, lock_wait_, warn_);
    check_kind_dir();
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

std::vector<Record> RecordStore::read_all() const {
    std::vector<Record> records;
    if (!directory_exists(kind_dir_)) return records;
    settle();
    DataLock lock(data_dir_, DataLock::Mode::shared, lock_wait_, warn_);
    check_kind_dir();
    auto files = month_files_newest_first();
    for (auto it = files.rbegin(); it != files.rend(); ++it) {
        auto month = read_month(*it);
        records.insert(records.end(), std::make_move_iterator(month.begin()), std::make_move_iterator(month.end()));
    }
    return records;
}

std::optional<StoredRecord> RecordStore::find(const std::string& id) const {
    if (!directory_exists(kind_dir_)) return std::nullopt;
    settle();
    DataLock lock(data_dir_, DataLock::Mode::shared, lock_wait_, warn_);
    check_kind_dir();
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

}  // namespace tend
