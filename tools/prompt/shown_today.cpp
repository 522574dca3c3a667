// The memo of the day's shown prompt: .local/prompt-today, this device's own state (never synced).
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shown_today.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "error.hpp"
#include "files.hpp"
#include "prompt_record.hpp"
#include "store.hpp"

namespace prompt {
namespace {

namespace fs = std::filesystem;

fs::path memo_file(const fs::path& data_dir) {
    return tend::local_state_dir(data_dir) / "prompt-today";
}

// The memo as the data directory stands now: the day, the prompt, and a stamp of each device's
// prompt file for the day's month, the only file that can hold a record of that day (a record
// lives in the month of its own wall-clock time). A shown record is never edited or deleted by
// tend, so the answer can only change when one of those files changes (a hand edit, a sync
// replacing it) or goes; ctime moves with every write, rename and chmod, and cannot be set back.
// A new device, or a new file, makes the text differ too. nullopt without a devices directory.
std::optional<std::string> memo_text(const fs::path& data_dir, tend::LocalDay day, std::string_view id) {
    std::error_code error;
    std::vector<std::string> devices;
    for (fs::directory_iterator it(tend::devices_dir(data_dir), error), end; !error && it != end; it.increment(error))
        devices.push_back(it->path().filename().string());
    if (error) return std::nullopt;
    std::sort(devices.begin(), devices.end());
    std::string text = fmt::format("{}\t{}\n", tend::format_day(day), id);
    const std::string file_name = tend::month_key(day) + ".toml";
    for (const auto& device : devices) {
        const fs::path file = tend::devices_dir(data_dir) / device / tend::prompt_format.kind / file_name;
        struct stat st {};
        if (::lstat(file.c_str(), &st) != 0) {
            if (errno != ENOENT) return std::nullopt;
            text += fmt::format("{}\t-\n", device);
            continue;
        }
        text += fmt::format("{}\t{} {} {} {}.{:09} {}.{:09}\n", device, st.st_dev, st.st_ino, st.st_size,
                            st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
    }
    return text;
}

}  // namespace

bool remembered_shown(const fs::path& data_dir, tend::LocalDay day, std::string_view id) {
    std::optional<std::string> memo;
    try {
        memo = tend::read_file_if_exists(memo_file(data_dir), tend::Symlinks::refuse);
    } catch (const tend::Error&) {
        return false;
    }
    if (!memo || !memo->starts_with(fmt::format("{}\t{}\n", tend::format_day(day), id))) return false;
    const auto now = memo_text(data_dir, day, id);
    return now && *now == *memo;
}

void remember_shown(const fs::path& data_dir, tend::LocalDay day, std::string_view id) noexcept {
    try {
        const auto text = memo_text(data_dir, day, id);
        if (!text) return;
        tend::ensure_private_dir(tend::local_state_dir(data_dir));
        tend::AtomicFile memo(memo_file(data_dir));
        memo.write(*text);
        memo.commit();
    } catch (...) {
    }
}

}  // namespace prompt
