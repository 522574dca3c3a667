// Running the person's editor on a private temp file.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

#include "error.hpp"
#include "files.hpp"

namespace tend {

namespace {

// Removes the temp file on every path out, including errors. It lives in the data directory's
// staging room, entered while this process lives: if the terminal closes or the process is
// killed, the next tend program that takes the data lock finds nobody inside and removes it.
class TempText {
public:
    explicit TempText(const std::filesystem::path& data_dir) : room_(enter_staging(data_dir, false)) {
        const std::filesystem::path dir = staging_dir(data_dir);
        std::string pattern = (dir / "edit-XXXXXX.txt").string();
        fd_ = ::mkstemps(pattern.data(), 4);  // created 0600
        if (fd_ < 0) {
            const int saved = errno;
            ::close(room_);
            fail_errno(dir.string(), saved);
        }
        path_ = pattern;
    }
    ~TempText() {
        ::unlink(path_.c_str());
        if (fd_ >= 0) ::close(fd_);
        ::close(room_);
        ::rmdir(path_.parent_path().c_str());  // the staging room, when nothing else is in it
    }
    TempText(const TempText&) = delete;
    TempText& operator=(const TempText&) = delete;

    void write(std::string_view text) {
        if (const int errnum = write_all(fd_, text); errnum != 0) fail_errno(path_.string(), errnum);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    int room_;  // the shared flock on the staging room: "this buffer's owner is alive"
    std::filesystem::path path_;
    int fd_ = -1;
};

std::string without_comments(const std::string& text) {
    std::istringstream lines(text);
    std::string kept;
    for (std::string line; std::getline(lines, line);)
        if (!line.starts_with('#')) kept += line + '\n';
    while (!kept.empty() && (kept.back() == '\n' || kept.back() == ' ' || kept.back() == '\t')) kept.pop_back();
    return kept;
}

}  // namespace

std::string editor_command(const Io& io) {
    if (auto visual = io.getenv_nonempty("VISUAL")) return *visual;
    if (auto editor = io.getenv_nonempty("EDITOR")) return *editor;
    // Debian Policy 11.4: with neither set, sensible-editor picks the system's choice
    // (update-alternatives' editor, then nano or vi). Elsewhere, vi is the POSIX editor.
    const std::string path = io.getenv_nonempty("PATH").value_or("/usr/bin:/bin");
    for (std::size_t start = 0; start <= path.size();) {
        const std::size_t end = std::min(path.find(':', start), path.size());
        const std::string dir = path.substr(start, end - start);
        if (!dir.empty() && ::access((dir + "/sensible-editor").c_str(), X_OK) == 0) return "sensible-editor";
        start = end + 1;
    }
    return "vi";
}

std::string edit_text(const Session& session, std::string_view flag, std::string_view initial) {
    if (!session.io.in_tty || !session.io.err_tty)
        usage_error(
            fmt::format("{}: the editor needs a terminal; give the text as an argument or '-' for stdin", flag));
    const std::string editor = editor_command(session.io);
    session.prepare_data_dir();
    TempText file(session.paths.data_dir);
    file.write(initial);
    file.write("\n# Write above. Lines starting with # are left out; an empty text saves nothing.\n");

    // The editor command may carry arguments ("code --wait"), so the shell splits it.
    const std::string command = editor + " \"$1\"";
    const pid_t child = ::fork();
    if (child < 0) fail_errno("fork", errno, Exit::failure);
    if (child == 0) {
        ::execl("/bin/sh", "sh", "-c", command.c_str(), "sh", file.path().c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0)
        if (errno != EINTR) fail_errno("waitpid", errno, Exit::failure);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail(Exit::failure, fmt::format("{}: the editor '{}' did not finish cleanly; nothing was saved", flag, editor));
    const auto text = read_file_if_exists(file.path());
    return without_comments(text.value_or(""));
}

}  // namespace tend
