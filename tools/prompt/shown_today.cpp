// The memo of the day's shown prompt: .local/prompt-today, this device's own state (never synced).
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shown_today.hpp"

#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <string>
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
    // opendir and lstat on plain strings: std::filesystem's iterator and paths cost this check,
    // run by every `prompt today`, more than the rest of it together.
    const std::string devices_dir = tend::devices_dir(data_dir).string();
    DIR* dir = ::opendir(devices_dir.c_str());
    if (!dir) return std::nullopt;
    std::vector<std::string> devices;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name != "." && name != "..") devices.emplace_back(name);
    }
    ::closedir(dir);
    std::sort(devices.begin(), devices.end());
    std::string text = fmt::format("{}\t{}\n", tend::format_day(day), id);
    const std::string file_name = fmt::format("/{}/{}.toml", tend::prompt_format.kind, tend::month_key(day));
    for (const auto& device : devices) {
        const std::string file = devices_dir + '/' + device + file_name;
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
