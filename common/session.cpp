// Building a Session from common options and the environment.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.hpp"

#include <istream>
#include <ostream>

#include <fmt/format.h>

#include "files.hpp"

namespace tend {

Session::Session(std::string_view tool_name, Io& io_, const CommonOptions& options)
    : io(io_),
      tool(tool_name),
      paths(resolve_paths(io_, options.data_dir)),
      config(load_config(paths.config_file)),
      zone(Zone::local()),
      now(current_instant(io_)),
      out_style(use_color(parse_color_when(options.color), io_.out_tty, io_)),
      err_style(use_color(parse_color_when(options.color), io_.err_tty, io_)),
      json_times(time_style(options)),
      lock_wait_(lock_wait(io_)) {
    for (const auto& warning : config.warnings) warn(warning.located());
    for (const auto& problem : config.problems) warn(problem.located());
}

std::chrono::milliseconds Session::lock_wait(const Io& io) {
    return lock_timeout(io.getenv("TEND_LOCK_TIMEOUT"));
}

void Session::print_json(const Json& value) const {
    io.out << value.dump({.times = json_times}) << '\n';
}

Warn Session::warner() const {
    return [this](const std::string& message) { warn(neutralize(message)); };
}

Warn Session::noter() const {
    return [this](const std::string& message) { note(neutralize(message)); };
}

const Device& Session::device() const {
    if (!device_) device_ = resolve_device(io, config.device.name, warner());
    return *device_;
}

RecordStore Session::store(const RecordFormat& format) const {
    RecordStore store(paths.data_dir, format, lock_wait_, warner(), noter(), device().name);
    store.use_listing_cache(cache_file("listing"));
    return store;
}

Transaction Session::transaction() const {
    prepare_data_dir();
    Transaction t(paths.data_dir, device().name, lock_wait_, warner(), noter());
    t.use_listing_cache(cache_file("listing"));
    return t;
}

std::filesystem::path Session::cache_file(std::string_view name) const {
    // $XDG_CACHE_HOME/tend (else ~/.cache/tend), one file per data directory: a cache is not data.
    std::filesystem::path dir;
    if (auto cache = io.getenv_nonempty("XDG_CACHE_HOME"); cache && std::filesystem::path(*cache).is_absolute())
        dir = std::filesystem::path(*cache) / "tend";
    else if (auto home = io.getenv_nonempty("HOME"))
        dir = std::filesystem::path(*home) / ".cache" / "tend";
    else
        return {};
    std::error_code ec;
    const std::string data = std::filesystem::absolute(paths.data_dir, ec).lexically_normal().string();
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a: a stable name for the data directory
    for (const char c : data) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return dir / fmt::format("{}-{:016x}", name, hash);
}

std::optional<Record> Session::save(const RecordFormat& format, Record record, Effort effort) const {
    prepare_data_dir();
    const auto save = [&](std::optional<Transaction> t) -> std::optional<Record> {
        if (!t) return std::nullopt;
        t->use_listing_cache(cache_file("listing"));
        Record stored = t->append(format, record);
        t->set_last(format, record_id(stored));
        t->commit();
        return stored;
    };
    const std::string& me = device().name;
    if (effort == Effort::moment) return save(Transaction(paths.data_dir, me, lock_wait_, warner(), noter()));
    if (auto stored = save(Transaction::try_begin(paths.data_dir, me, lock_wait_, warner(), noter()))) return stored;
    note("Another tend program is writing your data just now; waiting a little longer so that this is saved...");
    if (auto stored = save(Transaction::try_begin(paths.data_dir, me, lock_wait_ * 6, warner(), noter())))
        return stored;
    // Still busy: kept where only this user can read it, to be added by the next tend program.
    record.insert_or_assign("id", std::string("pending"));
    const auto kept = write_pending(paths.data_dir, serialize_record(record, format));
    note(
        fmt::format("The data is still busy, so this is kept safely for now ({}); the next tend command you run "
                    "adds it to your records.",
                    neutralize(kept.string())));
    return std::nullopt;
}

void Session::prepare_data_dir() const {
    check_data_dir_owner(paths.data_dir);
    std::error_code ec;
    if (std::filesystem::exists(paths.data_dir, ec)) return;
    ensure_private_dir(paths.data_dir);
    if (io.err_tty) note("tend keeps your data, privately, in " + neutralize(paths.data_dir.string()));
}

void Session::warn(std::string_view message) const {
    io.err << tool << ": warning: " << message << '\n';
}

void Session::note(std::string_view message) const {
    io.err << message << '\n';
}

std::optional<std::string> Session::ask(std::string_view question) const {
    if (!io.in_tty) return std::nullopt;
    io.err << question << std::flush;
    std::string line;
    if (!std::getline(io.in, line)) {
        io.err << '\n';
        return std::nullopt;
    }
    return line;
}

}  // namespace tend
