// Running $EDITOR on a temp file, as git does for a commit message.
#include "editor.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <vector>

#include "error.hpp"
#include "files.hpp"

extern char** environ;

namespace prompt {
namespace fs = std::filesystem;

namespace {

// Removes the temp file on every way out.
class TempFile {
public:
    explicit TempFile(const fs::path& dir) {
        std::string name = (dir / ".answer-XXXXXX.txt").string();
        fd_ = ::mkstemps(name.data(), 4);
        if (fd_ < 0) tend::fail_errno(name, errno);
        path_ = name;
    }
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        std::error_code ignored;
        fs::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    void write_all(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) tend::fail_errno(path_.string(), errno);
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        ::close(fd_);
        fd_ = -1;
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
    int fd_ = -1;
};

std::string editor_command(const tend::Io& io) {
    if (auto visual = io.getenv_nonempty("VISUAL")) return *visual;
    if (auto editor = io.getenv_nonempty("EDITOR")) return *editor;
    return "vi";
}

// The editor through the shell, so "code --wait" or "emacs -nw" work; the file name goes in
// as "$1", never pasted into the command, so no character in it is ever interpreted.
void run_editor(const std::string& editor, const fs::path& file) {
    const std::string script = editor + " \"$1\"";
    const std::string path = file.string();
    std::vector<char*> argv{const_cast<char*>("sh"), const_cast<char*>("-c"), const_cast<char*>(script.c_str()),
                            const_cast<char*>("sh"), const_cast<char*>(path.c_str()), nullptr};
    pid_t pid = 0;
    if (const int rc = ::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv.data(), environ); rc != 0)
        tend::fail_errno("/bin/sh", rc, tend::Exit::failure);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) tend::fail_errno("waiting for the editor", errno, tend::Exit::failure);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        tend::fail(tend::Exit::failure,
                   fmt::format("editor '{}' did not finish cleanly (status {}); nothing was saved", editor,
                               WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)));
}

}  // namespace

std::string strip_comments(std::string_view text) {
    std::string kept;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        if (!line.starts_with('#')) kept.append(line).append("\n");
        pos = end + 1;
    }
    const auto first = kept.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = kept.find_last_not_of(" \t\r\n");
    return kept.substr(first, last - first + 1);
}

std::string edit_text(const tend::Io& io, const fs::path& dir, std::string_view comment) {
    tend::ensure_private_dir(dir);
    TempFile file(dir);
    std::string contents = "\n";
    for (std::size_t pos = 0; pos <= comment.size();) {
        const std::size_t end = std::min(comment.find('\n', pos), comment.size());
        const std::string_view line = comment.substr(pos, end - pos);
        contents += line.empty() ? "#\n" : fmt::format("# {}\n", line);
        pos = end + 1;
    }
    file.write_all(contents);
    run_editor(editor_command(io), file.path());
    auto text = tend::read_file_if_exists(file.path());
    return text ? strip_comments(*text) : std::string{};
}

}  // namespace prompt
