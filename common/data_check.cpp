// Reading everything tend keeps and listing what is wrong with it, without writing anything.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_check.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>

#include "config.hpp"
#include "deck.hpp"
#include "device.hpp"
#include "error.hpp"
#include "files.hpp"
#include "store.hpp"
#include "terminal.hpp"

namespace tend {
namespace fs = std::filesystem;

namespace {

constexpr mode_t private_file_mode = 0600;
constexpr mode_t private_dir_mode = 0700;

// The path quoted for a shell, so a fix can be pasted as it is.
std::string shell_quoted(const fs::path& path) {
    std::string out = "'";
    for (const char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class Checker {
public:
    explicit Checker(DataCheck& result) : result_(result) {}

    void add(const fs::path& file, std::string message, Severity severity = Severity::problem, std::size_t line = 0,
             std::size_t column = 0) {
        result_.findings.push_back(Finding{file, line, column, neutralize(message), severity});
    }
    void add(Finding finding) {
        finding.message = neutralize(finding.message);
        result_.findings.push_back(std::move(finding));
    }
    void add(Finding finding, Severity severity) {
        finding.severity = severity;
        add(std::move(finding));
    }

    // Owner and mode of something tend made: warnings, each with the command that fixes it.
    void check_private(const fs::path& path, const struct stat& st, bool directory) {
        const mode_t wanted = directory ? private_dir_mode : private_file_mode;
        const mode_t mode = st.st_mode & 07777;
        if (st.st_uid != ::geteuid())
            add(path,
                fmt::format("belongs to another user (uid {}); tend's {} should be yours alone", st.st_uid,
                            directory ? "directories" : "files"),
                Severity::warning);
        if (mode == wanted) return;
        const bool others = (mode & 077) != 0;
        add(path,
            fmt::format("has mode {:04o}{}; tend keeps {} {:04o}, for you alone; to fix it: chmod {:o} {}", mode,
                        others ? ", so others on this machine can read it" : "", directory ? "directories" : "files",
                        wanted, wanted, shell_quoted(path)),
            Severity::warning);
    }

    // A file the person wrote (config, deck) keeps the mode their umask gave it; others on the
    // machine reading it is worth a warning, not a demand for exactly 0600.
    void check_not_shared(const fs::path& file, std::string_view why) {
        struct stat st {};
        if (::stat(file.c_str(), &st) != 0 || (st.st_mode & 077) == 0) return;
        add(file,
            fmt::format("has mode {:04o}, so others on this machine can read it{}; to keep it yours alone: chmod "
                        "go-rwx {}",
                        st.st_mode & 07777, why, shell_quoted(file)),
            Severity::warning);
    }

    void check_config(const fs::path& file) {
        std::error_code ec;
        result_.config_exists = fs::exists(file, ec);
        if (!result_.config_exists) return;
        result_.files.push_back(CheckedFile{file, "config", 0});
        try {
            const Config config = load_config(file);
            for (const auto& warning : config.warnings) add(warning, Severity::warning);
            for (const auto& problem : config.problems) add(problem);
            // Read leniently by the tools (the rest of a plan is always shown), but worth fixing.
            for (const auto& problem : config.safety.plan.problems) add(problem);
        } catch (const Error& e) {
            add(finding_of(e, file));
        }
        check_not_shared(file, " (it may hold your safety contacts and their numbers)");
    }

    // One device's directory of a kind (or the old layout's, `root` being the data directory).
    void check_kind(const fs::path& root, const RecordFormat& format) {
        const fs::path dir = root / std::string(format.kind);
        struct stat st {};
        if (::lstat(dir.c_str(), &st) != 0) {
            if (errno != ENOENT) add(dir, fmt::format("cannot be looked at: {}", std::strerror(errno)));
            return;
        }
        if (!S_ISDIR(st.st_mode)) {
            add(dir,
                fmt::format("is not a directory; tend keeps its {} records in a directory of this name", format.kind));
            return;
        }
        check_private(dir, st, true);
        std::map<std::string, std::pair<fs::path, std::size_t>> ids;  // across the months of this kind
        for (const auto& file : sorted_entries(dir)) {
            const std::string name = file.filename().string();
            if (name.starts_with('.')) {
                if (is_temp_file_name(name))
                    add(file,
                        "a temp file left by a rewrite that was stopped; the file it was for is whole. "
                        "When no tend program is running, it is safe to remove: rm " +
                            shell_quoted(file),
                        Severity::warning);
                continue;  // other dot files (such as checkin's .last) are tend's own
            }
            const auto month = month_of_file_name(name);
            if (name.find(".sync-conflict-") != std::string::npos) {
                add(file,
                    "Syncthing kept this copy when two changes to one file met. tend reads its records with the "
                    "file's own, and the device that owns the file folds them back in and removes the copy at "
                    "its next write; until then, leave it where it is",
                    Severity::problem);
                continue;
            }
            if (!month && !is_month_file_name(name)) {
                if (name.ends_with(".toml"))
                    add(file,
                        "is not named like a month (YYYY-MM.toml), so tend does not read it; if it holds "
                        "records, give it the name of their month",
                        Severity::warning);
                continue;
            }
            check_month_file(file, format, month, ids);
        }
    }

    void check_decks(const fs::path& dir) {
        std::vector<DeckLoad> loads;
        for (const auto& file : deck_files(dir)) loads.push_back(load_deck_file(file));
        std::vector<const Deck*> usable;
        for (const auto& load : loads)
            if (load.ok()) usable.push_back(&load.deck);
        const auto across = cross_deck_problems(usable, false);
        for (const auto& load : loads) {
            result_.files.push_back(CheckedFile{load.deck.file, "deck", load.deck.prompts.size()});
            check_not_shared(load.deck.file, " (your own prompts)");
            for (const auto& problem : load.problems) add(problem);
            for (const auto& problem : across)
                if (problem.file == load.deck.file) add(problem);
        }
    }

private:
    std::vector<fs::path> sorted_entries(const fs::path& dir) {
        std::vector<fs::path> entries;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
        if (ec) add(dir, fmt::format("cannot be listed: {}", ec.message()));
        std::sort(entries.begin(), entries.end());
        return entries;
    }

    void check_month_file(const fs::path& file, const RecordFormat& format, std::optional<date::year_month> month,
                          std::map<std::string, std::pair<fs::path, std::size_t>>& ids) {
        struct stat st {};
        if (::lstat(file.c_str(), &st) != 0) {
            add(file, fmt::format("cannot be looked at: {}", std::strerror(errno)));
            return;
        }
        if (S_ISLNK(st.st_mode)) {
            std::error_code ec;
            const fs::path target = fs::read_symlink(file, ec);
            add(file, fmt::format("is a symbolic link{}; tend reads month files only where they are, so these "
                                  "records are not read. Put the file itself here, e.g. with mv",
                                  ec ? std::string() : " to " + target.string()));
            return;
        }
        if (!S_ISREG(st.st_mode)) {
            add(file, "is not a regular file, so tend cannot read records from it");
            return;
        }
        check_private(file, st, false);
        if (!month)
            add(file, fmt::format("is not a month; tend lists it with the {} months but reports never read it; "
                                  "rename it YYYY-MM.toml after its records' month",
                                  format.kind));
        std::optional<std::string> text;
        try {
            text = read_file_if_exists(file, Symlinks::refuse);
        } catch (const Error& e) {
            add(finding_of(e, file));
            return;
        }
        if (!text) return;  // removed since it was listed
        MonthCheck checked = check_month_text(*text, file, format, month);
        result_.files.push_back(CheckedFile{file, std::string(format.kind), checked.records});
        result_.records += checked.records;
        for (auto& finding : checked.findings) add(std::move(finding));
        for (const auto& [id, line] : checked.ids) {
            const auto [it, fresh] = ids.emplace(id, std::pair{file, line});
            if (!fresh)
                add(file,
                    fmt::format("id '{}' is already used at {}:{}; 'edit' and 'delete' would find only one of them", id,
                                it->second.first.string(), it->second.second),
                    Severity::problem, line, 1);
        }
    }

public:
    // What the devices' versions leave unsettled: old text waiting for its device to purge it,
    // and ids two devices both made. Read through the store, as every tool reads.
    void check_devices(const fs::path& data, const std::string& device) {
        try {
            // Without a name yet, every tree is another device's.
            Transaction t = Transaction::inspect(data, device.empty() ? std::string("(unnamed)") : device);
            for (const RecordFormat* format : record_formats())
                for (const auto& u : t.unsettled(*format)) {
                    const fs::path file =
                        devices_dir(data) / u.holder / std::string(format->kind) / (month_key(u.month) + ".toml");
                    using What = Transaction::Unsettled::What;
                    if (u.what == What::same_id)
                        add(file,
                            fmt::format("id '{}' was made on {} too; both records are kept and shown, and {} gives "
                                        "its own a new id at its next write",
                                        u.id, u.winner, u.holder),
                            Severity::warning);
                    else
                        add(file,
                            fmt::format("record '{}' was {} on {}; its old version here waits for {}'s next write, "
                                        "which removes it",
                                        u.id, u.what == What::deleted ? "deleted" : "changed", u.winner, u.holder),
                            Severity::warning);
                }
        } catch (const Error& e) {
            if (e.code() == Exit::locked) throw;
            // The files themselves are checked one by one: what the store refuses is already listed.
        }
    }

private:
    DataCheck& result_;
};

bool is_conflict_marker_line(std::string_view line) {
    for (const std::string_view marker : {"<<<<<<<", "=======", ">>>>>>>", "|||||||"})
        if (line.starts_with(marker) && (line.size() == marker.size() || line[marker.size()] == ' ')) return true;
    return false;
}

}  // namespace

std::size_t DataCheck::count(Severity severity) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

std::size_t DataCheck::files_with(Severity severity) const {
    std::set<fs::path> with;
    for (const auto& finding : findings)
        if (finding.severity == severity) with.insert(finding.file);
    return with.size();
}

std::optional<date::year_month> month_of_file_name(std::string_view name) {
    if (name.size() != 12 || !name.ends_with(".toml") || name[4] != '-') return std::nullopt;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6})
        if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
    const int year = std::stoi(std::string(name.substr(0, 4)));
    const unsigned month = static_cast<unsigned>(std::stoi(std::string(name.substr(5, 2))));
    if (year < 1 || month < 1 || month > 12) return std::nullopt;
    return date::year{year} / date::month{month};
}

MonthCheck check_month_text(const std::string& text, const fs::path& file, const RecordFormat& format,
                            std::optional<date::year_month> month) {
    MonthCheck out;
    for (std::size_t pos = 0, line = 1; pos < text.size(); ++line) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        if (is_conflict_marker_line(std::string_view(text).substr(pos, end - pos)) &&
            text.find("<<<<<<<") != text.npos) {
            out.findings.push_back(
                Finding{file, line, 1,
                        "git left this file with conflict markers (<<<<<<<, =======, >>>>>>>). tend reads the records "
                        "of both sides; to settle it, keep both sides' tables, remove the marker lines and commit. "
                        "With tend's own layout each device writes only its own files, so this should not happen "
                        "again (see tend(5))"});
            return out;
        }
        pos = end + 1;
    }
    const auto add = [&](const toml::node& node, std::string message, Severity severity = Severity::problem) {
        out.findings.push_back(
            Finding{file, node.source().begin.line, node.source().begin.column, neutralize(message), severity});
    };
    // The store's own reader, going on past the first problem: what it refuses is never sound here.
    MonthText read = read_month_text(text, file, format, MonthText::Mode::all);
    for (const auto& problem : read.problems)
        out.findings.push_back(Finding{file, problem.line, problem.column, neutralize(problem.what)});
    out.records = read.tables;
    out.ids = std::move(read.ids);
    for (const auto& record : read.records) {
        if (const auto id = record["id"].value<std::string>(); id && !id->empty()) {
            const auto id_month = month_of_id(*id);
            if (month && id_month && *id_month != *month)
                add(record,
                    fmt::format("id '{}' was made for {}, not {}; it can stay, but a new {} record could one day "
                                "be given the same id",
                                *id, month_key(*id_month), month_key(*month), month_key(*id_month)),
                    Severity::warning);
        }
        const toml::date_time* at = record["at"].as_date_time() ? &record["at"].as_date_time()->get() : nullptr;
        if (month && at && at->offset) {
            const date::year_month_day day{from_toml(*at).day()};
            const date::year_month at_month{day.year(), day.month()};
            if (at_month != *month)
                add(*record.get("at"),
                    fmt::format("'at' is in {}, but this file holds {}; reports look for it in {}.toml and "
                                "miss it here, so move the record to that file",
                                month_key(at_month), month_key(*month), month_key(at_month)));
        }
    }
    std::stable_sort(out.findings.begin(), out.findings.end(), [](const Finding& a, const Finding& b) {
        return std::pair{a.line, a.column} < std::pair{b.line, b.column};
    });
    return out;
}

DataCheck check_data(const Paths& paths, std::chrono::milliseconds lock_wait, const std::string& device) {
    DataCheck result;
    Checker checker(result);
    checker.check_config(paths.config_file);

    const fs::path& data = paths.data_dir;
    struct stat st {};
    if (::lstat(data.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        std::error_code ec;
        if (auto target = fs::read_symlink(data, ec); !ec) result.data_dir_target = target;
    }
    if (::stat(data.c_str(), &st) != 0) {
        if (errno != ENOENT) checker.add(data, fmt::format("cannot be looked at: {}", std::strerror(errno)));
        return result;
    }
    if (!S_ISDIR(st.st_mode)) {
        checker.add(data, "is not a directory; tend needs a directory here for your data");
        return result;
    }
    result.data_dir_exists = true;
    checker.check_private(data, st, true);

    // A shared lock: no writer is half-way through, so a temp file seen now is truly left over.
    std::optional<DataLock> lock;
    try {
        lock.emplace(data, DataLock::Mode::shared, lock_wait);
    } catch (const Error& e) {
        if (e.code() == Exit::locked) throw;
        checker.add(finding_of(e, data));
    }
    // The old layout's directories, while they are there, then each device's tree.
    for (const RecordFormat* format : record_formats()) checker.check_kind(data, *format);
    const fs::path devices = devices_dir(data);
    if (::lstat(devices.c_str(), &st) == 0) {
        checker.check_private(devices, st, true);
        std::vector<fs::path> trees;
        std::error_code ec;
        for (fs::directory_iterator it(devices, ec), end; !ec && it != end; it.increment(ec))
            trees.push_back(it->path());
        std::sort(trees.begin(), trees.end());
        for (const auto& tree : trees) {
            const std::string name = tree.filename().string();
            if (!is_device_name(name) || ::lstat(tree.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
                if (!name.starts_with('.'))
                    checker.add(tree, "is not a device's directory, so tend does not read it", Severity::warning);
                continue;
            }
            result.devices.push_back(name);
            checker.check_private(tree, st, true);
            for (const RecordFormat* format : record_formats()) checker.check_kind(tree, *format);
        }
        checker.check_devices(data, device);
    }
    checker.check_decks(data / "decks");
    return result;
}

}  // namespace tend
