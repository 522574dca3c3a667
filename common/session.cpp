// Building a Session from common options and the environment.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.hpp"

#include <istream>
#include <ostream>

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
      lock_wait_(lock_timeout(io_.getenv("TEND_LOCK_TIMEOUT"))) {
    for (const auto& warning : config.warnings) warn(warning);
    for (const auto& problem : config.problems) warn(problem);
}

RecordStore Session::store(const RecordFormat& format) const {
    return RecordStore(paths.data_dir, format, lock_wait_);
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
