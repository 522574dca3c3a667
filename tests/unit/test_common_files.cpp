// Private directories and files, the data lock, appends and atomic rewrites, on the real filesystem.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <functional>

#include "files.hpp"
#include "fixtures.hpp"

using namespace std::chrono_literals;
using tend::Exit;
using tend::test::error_from;
using tend::test::mode_of;
using tend::test::names_in;
using tend::test::read_bytes;
using tend::test::ScopedUmask;
using tend::test::TempDir;
using tend::test::write_bytes;
namespace fs = std::filesystem;

namespace {

// A descriptor on a directory that the test itself locks with flock, standing in for another process.
class OtherHolder {
public:
    explicit OtherHolder(const fs::path& dir) : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        REQUIRE(fd_ >= 0);
    }
    ~OtherHolder() { ::close(fd_); }
    OtherHolder(const OtherHolder&) = delete;
    OtherHolder& operator=(const OtherHolder&) = delete;

    bool try_lock(int operation) { return ::flock(fd_, operation | LOCK_NB) == 0; }
    void unlock() { REQUIRE(::flock(fd_, LOCK_UN) == 0); }

private:
    int fd_;
};

}  // namespace

TEST_CASE("ensure_private_dir makes 0700 directories and parents under umask 0") {
    TempDir tmp;
    ScopedUmask mask(0);
    const fs::path deep = tmp / "a" / "b" / "c";
    tend::ensure_private_dir(deep);
    CHECK(fs::is_directory(deep));
    CHECK(mode_of(tmp / "a") == 0700u);
    CHECK(mode_of(tmp / "a" / "b") == 0700u);
    CHECK(mode_of(deep) == 0700u);
}

TEST_CASE("ensure_private_dir makes 0700 directories and parents under umask 0277") {
    TempDir tmp;
    ScopedUmask mask(0277);
    const fs::path deep = tmp / "a" / "b" / "c";
    tend::ensure_private_dir(deep);
    CHECK(fs::is_directory(deep));
    CHECK(mode_of(tmp / "a") == 0700u);
    CHECK(mode_of(tmp / "a" / "b") == 0700u);
    CHECK(mode_of(deep) == 0700u);
}

TEST_CASE("ensure_private_dir accepts a trailing slash") {
    TempDir tmp;
    ScopedUmask mask(022);
    tend::ensure_private_dir((tmp / "x" / "y").string() + "/");
    CHECK(mode_of(tmp / "x") == 0700u);
    CHECK(mode_of(tmp / "x" / "y") == 0700u);
}

TEST_CASE("ensure_private_dir leaves an existing directory as it is") {
    TempDir tmp;
    fs::create_directory(tmp / "shared");
    fs::permissions(tmp / "shared", fs::perms(0755), fs::perm_options::replace);
    tend::ensure_private_dir(tmp / "shared");
    CHECK(mode_of(tmp / "shared") == 0755u);
}

TEST_CASE("ensure_private_dir refuses a file in the way") {
    TempDir tmp;
    write_bytes(tmp / "plain", "x");
    const auto error = error_from([&] { tend::ensure_private_dir(tmp / "plain"); });
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
    CHECK(tend::test::contains(error->what(), "not a directory"));
}

TEST_CASE("read_file_if_exists gives nullopt for a missing file and the exact bytes otherwise") {
    TempDir tmp;
    CHECK_FALSE(tend::read_file_if_exists(tmp / "missing").has_value());
    const std::string bytes("a\0b\nc\xff", 6);
    write_bytes(tmp / "f", bytes);
    const auto read = tend::read_file_if_exists(tmp / "f");
    REQUIRE(read);
    CHECK(*read == bytes);
}

TEST_CASE("read_file_if_exists follows a symlink only when allowed to") {
    TempDir tmp;
    write_bytes(tmp / "target", "elsewhere\n");
    fs::create_symlink(tmp / "target", tmp / "link");
    CHECK(tend::read_file_if_exists(tmp / "link") == std::optional<std::string>("elsewhere\n"));
    CHECK(tend::read_file_if_exists(tmp / "link", tend::Symlinks::follow) == std::optional<std::string>("elsewhere\n"));
    const auto error = error_from([&] { (void)tend::read_file_if_exists(tmp / "link", tend::Symlinks::refuse); });
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
    CHECK(tend::read_file_if_exists(tmp / "target", tend::Symlinks::refuse) ==
          std::optional<std::string>("elsewhere\n"));
}

TEST_CASE("read_file_if_exists on a directory is an io error") {
    TempDir tmp;
    const auto error = error_from([&] { (void)tend::read_file_if_exists(tmp.path()); });
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
}

TEST_CASE("AppendFile creates a 0600 file under umask 0") {
    TempDir tmp;
    ScopedUmask mask(0);
    {
        tend::AppendFile file(tmp / "m.toml");
        CHECK(file.contents().empty());
        file.append("one\n");
    }
    CHECK(mode_of(tmp / "m.toml") == 0600u);
    CHECK(read_bytes(tmp / "m.toml") == "one\n");
}

TEST_CASE("AppendFile creates a 0600 file under umask 0277") {
    TempDir tmp;
    ScopedUmask mask(0277);
    {
        tend::AppendFile file(tmp / "m.toml");
        file.append("one\n");
    }
    CHECK(mode_of(tmp / "m.toml") == 0600u);
    CHECK(read_bytes(tmp / "m.toml") == "one\n");
}

TEST_CASE("AppendFile reads what is there and appends after it") {
    TempDir tmp;
    write_bytes(tmp / "m.toml", "first\n");
    {
        tend::AppendFile file(tmp / "m.toml");
        CHECK(file.contents() == "first\n");
        file.append("second\n");
        CHECK(file.contents() == "first\nsecond\n");
        file.append("third\n");
    }
    CHECK(read_bytes(tmp / "m.toml") == "first\nsecond\nthird\n");
}

TEST_CASE("an AppendFile that is never written to leaves no empty file behind") {
    TempDir tmp;
    { tend::AppendFile file(tmp / "m.toml"); }
    CHECK_FALSE(fs::exists(tmp / "m.toml"));
}

TEST_CASE("an AppendFile left unwritten keeps an existing file") {
    TempDir tmp;
    write_bytes(tmp / "m.toml", "kept\n");
    { tend::AppendFile file(tmp / "m.toml"); }
    CHECK(read_bytes(tmp / "m.toml") == "kept\n");
}

TEST_CASE("AppendFile refuses to follow a symlink") {
    TempDir tmp;
    write_bytes(tmp / "target", "elsewhere\n");
    fs::create_symlink(tmp / "target", tmp / "m.toml");
    const auto error = error_from([&] { tend::AppendFile file(tmp / "m.toml"); });
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
    CHECK(read_bytes(tmp / "target") == "elsewhere\n");
}

TEST_CASE("a short append is cut back so the file stays byte-identical") {
    TempDir tmp;
    const std::string old = "[[checkin]]\nid = \"pa234\"\n";
    write_bytes(tmp / "m.toml", old);
    std::optional<tend::Error> error;
    {
        tend::AppendFile file(tmp / "m.toml");
        tend::test::ScopedFileSizeLimit limit(old.size() + 10);
        error = error_from([&] { file.append(std::string(200, 'x')); });
    }
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
    CHECK(read_bytes(tmp / "m.toml") == old);
}

TEST_CASE("a failed first append leaves no new file behind") {
    TempDir tmp;
    std::optional<tend::Error> error;
    {
        tend::AppendFile file(tmp / "m.toml");
        tend::test::ScopedFileSizeLimit limit(10);
        error = error_from([&] { file.append(std::string(200, 'x')); });
    }
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
    CHECK_FALSE(fs::exists(tmp / "m.toml"));
}

TEST_CASE("an AtomicFile whose write fails leaves the target untouched and no temp file") {
    TempDir tmp;
    write_bytes(tmp / "f.toml", "old contents\n");
    std::optional<tend::Error> error;
    {
        tend::test::ScopedFileSizeLimit limit(100);
        error = error_from([&] {
            tend::AtomicFile file(tmp / "f.toml");
            file.write(std::string(500, 'x'));
            file.commit();
        });
    }
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
    CHECK(read_bytes(tmp / "f.toml") == "old contents\n");
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"f.toml"});
}

TEST_CASE("AtomicFile commit replaces the file") {
    TempDir tmp;
    write_bytes(tmp / "f.toml", "old contents\n");
    {
        tend::AtomicFile file(tmp / "f.toml");
        file.write("new ");
        file.write("contents\n");
        file.commit();
    }
    CHECK(read_bytes(tmp / "f.toml") == "new contents\n");
    CHECK(mode_of(tmp / "f.toml") == 0600u);
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"f.toml"});
}

TEST_CASE("AtomicFile commit creates a missing file") {
    TempDir tmp;
    {
        tend::AtomicFile file(tmp / "new.toml");
        file.write("hello\n");
        file.commit();
    }
    CHECK(read_bytes(tmp / "new.toml") == "hello\n");
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"new.toml"});
}

TEST_CASE("an AtomicFile destroyed without commit leaves the target untouched and no temp file") {
    TempDir tmp;
    write_bytes(tmp / "f.toml", "old contents\n");
    {
        tend::AtomicFile file(tmp / "f.toml");
        file.write("half-written");
        CHECK(names_in(tmp.path()).size() == 2);  // the temp file exists while it is being written
    }
    CHECK(read_bytes(tmp / "f.toml") == "old contents\n");
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"f.toml"});
}

TEST_CASE("an AtomicFile destroyed by an exception leaves the target untouched") {
    TempDir tmp;
    write_bytes(tmp / "f.toml", "old contents\n");
    try {
        tend::AtomicFile file(tmp / "f.toml");
        file.write("partial");
        throw std::runtime_error("interrupted");
    } catch (const std::runtime_error&) {
    }
    CHECK(read_bytes(tmp / "f.toml") == "old contents\n");
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"f.toml"});
}

TEST_CASE("an exclusive DataLock times out with Exit::locked while another holds the lock") {
    TempDir tmp;
    OtherHolder other(tmp.path());
    REQUIRE(other.try_lock(LOCK_EX));
    const auto started = std::chrono::steady_clock::now();
    const auto error = error_from([&] { tend::DataLock lock(tmp.path(), tend::DataLock::Mode::exclusive, 50ms); });
    const auto waited = std::chrono::steady_clock::now() - started;
    REQUIRE(error);
    CHECK(error->code() == Exit::locked);
    CHECK(tend::test::contains(error->what(), tmp.path().string()));
    CHECK(waited >= 50ms);
    CHECK(waited < 2s);
}

TEST_CASE("an exclusive DataLock waits out a shared holder too") {
    TempDir tmp;
    OtherHolder other(tmp.path());
    REQUIRE(other.try_lock(LOCK_SH));
    const auto error = error_from([&] { tend::DataLock lock(tmp.path(), tend::DataLock::Mode::exclusive, 0ms); });
    REQUIRE(error);
    CHECK(error->code() == Exit::locked);
}

TEST_CASE("a shared DataLock is taken beside another shared holder") {
    TempDir tmp;
    OtherHolder other(tmp.path());
    REQUIRE(other.try_lock(LOCK_SH));
    CHECK_FALSE(error_from([&] { tend::DataLock lock(tmp.path(), tend::DataLock::Mode::shared, 0ms); }));
}

TEST_CASE("a shared DataLock times out while another holds it exclusively") {
    TempDir tmp;
    OtherHolder other(tmp.path());
    REQUIRE(other.try_lock(LOCK_EX));
    const auto error = error_from([&] { tend::DataLock lock(tmp.path(), tend::DataLock::Mode::shared, 0ms); });
    REQUIRE(error);
    CHECK(error->code() == Exit::locked);
}

TEST_CASE("a DataLock is taken once the other holder lets go") {
    TempDir tmp;
    OtherHolder other(tmp.path());
    REQUIRE(other.try_lock(LOCK_EX));
    other.unlock();
    CHECK_FALSE(error_from([&] { tend::DataLock lock(tmp.path(), tend::DataLock::Mode::exclusive, 0ms); }));
}

TEST_CASE("a DataLock holds the lock until it is destroyed") {
    TempDir tmp;
    OtherHolder other(tmp.path());
    {
        tend::DataLock lock(tmp.path(), tend::DataLock::Mode::exclusive, 0ms);
        CHECK_FALSE(other.try_lock(LOCK_SH));
    }
    CHECK(other.try_lock(LOCK_EX));
}

TEST_CASE("a DataLock on a missing directory is an io error") {
    TempDir tmp;
    const auto error = error_from([&] { tend::DataLock lock(tmp / "missing", tend::DataLock::Mode::shared, 0ms); });
    REQUIRE(error);
    CHECK(error->code() == Exit::io);
}

TEST_CASE("lock_timeout defaults to 10 seconds") {
    CHECK(tend::lock_timeout(std::nullopt) == 10s);
    CHECK(tend::lock_timeout(std::string()) == 10s);
}

TEST_CASE("lock_timeout reads seconds with decimals") {
    CHECK(tend::lock_timeout(std::string("2.5")) == 2500ms);
    CHECK(tend::lock_timeout(std::string("0")) == 0ms);
    CHECK(tend::lock_timeout(std::string("0.05")) == 50ms);
    CHECK(tend::lock_timeout(std::string("3600")) == 3600s);
}

TEST_CASE("lock_timeout rejects what is not a number of seconds from 0 to 3600") {
    for (const std::string bad : {"abc", "-1", "3601", "5s", "nan", "inf", "1e9"}) {
        CAPTURE(bad);
        const auto error = error_from([&] { (void)tend::lock_timeout(std::string(bad)); });
        REQUIRE(error);
        CHECK(error->code() == Exit::usage);
        CHECK(tend::test::contains(error->what(), "TEND_LOCK_TIMEOUT"));
    }
}

TEST_CASE("AtomicFile commit leaves no backup of the old file behind") {
    TempDir tmp;
    write_bytes(tmp / "f.toml", "old\n");
    for (int i = 0; i < 3; ++i) {
        tend::AtomicFile file(tmp / "f.toml");
        file.write("new\n");
        file.commit();
    }
    CHECK(read_bytes(tmp / "f.toml") == "new\n");
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"f.toml"});
}

TEST_CASE("tidy_staging removes dead leftovers, keeps pending records and live buffers, then the empty room") {
    TempDir tmp;
    const fs::path staging = tend::staging_dir(tmp.path());
    const int room = tend::enter_staging(tmp.path(), false);  // an editor still open in another process
    for (const char* name : {"tmp-2026-11.toml.a1b2c3", "tmp-2026-11.toml.a1b2c3.old", "edit-zzzzzz.txt",
                             "pending-abcdef.toml", "part-qqqqqq.toml"})
        write_bytes(staging / name, "x");
    tend::tidy_staging(tmp.path());
    CHECK(names_in(staging) == std::vector<std::string>{"edit-zzzzzz.txt", "part-qqqqqq.toml", "pending-abcdef.toml"});
    ::close(room);  // the editor is gone (closed, killed, or its terminal hung up)
    tend::tidy_staging(tmp.path());
    CHECK(names_in(staging) == std::vector<std::string>{"pending-abcdef.toml"});
    fs::remove(staging / "pending-abcdef.toml");
    tend::tidy_staging(tmp.path());
    CHECK_FALSE(fs::exists(staging));
    tend::tidy_staging(tmp.path());  // no staging room is nothing to tidy
}

TEST_CASE("commit_together writes every file, and a journal left by a kill is finished by the next lock") {
    TempDir tmp;
    fs::create_directory(tmp / "checkin");
    write_bytes(tmp / "checkin" / "2026-10.toml", "old october\n");
    tend::commit_together(tmp.path(), {{tmp / "checkin" / "2026-10.toml", "new october\n"},
                                       {tmp / "checkin" / "2026-11.toml", "new november\n"}});
    CHECK(read_bytes(tmp / "checkin" / "2026-10.toml") == "new october\n");
    CHECK(read_bytes(tmp / "checkin" / "2026-11.toml") == "new november\n");
    CHECK(mode_of(tmp / "checkin" / "2026-11.toml") == 0600);
    CHECK(names_in(tend::staging_dir(tmp.path())).empty());

    // As a process killed after its journal was durable leaves it: the renames still to do.
    const fs::path staging = tend::staging_dir(tmp.path());
    write_bytes(staging / "tmp-a", "moved in\n");
    write_bytes(staging / "journal", "tmp-a\tcheckin/2026-10.toml\ntmp-gone\tcheckin/2026-11.toml\n");
    { tend::DataLock lock(tmp.path(), tend::DataLock::Mode::exclusive, 0ms); }
    CHECK(read_bytes(tmp / "checkin" / "2026-10.toml") == "moved in\n");
    CHECK(read_bytes(tmp / "checkin" / "2026-11.toml") == "new november\n");
    CHECK_FALSE(fs::exists(staging));
}

TEST_CASE("a FIFO where a data file belongs is an error, never a hang") {
    TempDir tmp;
    REQUIRE(::mkfifo((tmp / "2026-11.toml").c_str(), 0600) == 0);
    for (const auto& read :
         std::vector<std::function<void()>>{[&] { (void)tend::read_file_if_exists(tmp / "2026-11.toml"); },
                                            [&] { (void)tend::read_private_file(tmp / "2026-11.toml", {}); },
                                            [&] { tend::AppendFile file(tmp / "2026-11.toml"); }}) {
        const auto error = error_from(read);
        REQUIRE(error);
        CHECK(error->code() == Exit::io);
        CHECK(tend::test::contains(error->what(), "is a FIFO"));
    }
}

TEST_CASE("a data file of one's own that others can read is made private with one warning") {
    TempDir tmp;
    write_bytes(tmp / "f.toml", "x");
    fs::permissions(tmp / "f.toml", fs::perms(0644));
    std::vector<std::string> warnings;
    const tend::Warn warn = [&](const std::string& w) { warnings.push_back(w); };
    CHECK(tend::read_private_file(tmp / "f.toml", warn) == std::optional<std::string>("x"));
    CHECK(mode_of(tmp / "f.toml") == 0600);
    REQUIRE(warnings.size() == 1);
    CHECK(tend::test::contains(warnings[0], "mode 0644"));
    (void)tend::read_private_file(tmp / "f.toml", warn);
    CHECK(warnings.size() == 1);
}

TEST_CASE("a data file that belongs to another user is refused with exit 1") {
    if (::geteuid() != 0) return;  // only root can give a file away
    TempDir tmp;
    write_bytes(tmp / "f.toml", "x");
    REQUIRE(::chown((tmp / "f.toml").c_str(), 65534, 65534) == 0);
    const auto error = error_from([&] { (void)tend::read_private_file(tmp / "f.toml", {}); });
    REQUIRE(error);
    CHECK(error->code() == Exit::failure);
    CHECK(tend::test::contains(error->what(), "belongs to another user"));
}

TEST_CASE("write_pending keeps a record in the staging room for the next lock holder") {
    TempDir tmp;
    const fs::path kept = tend::write_pending(tmp.path(), "[[breathe]]\n");
    CHECK(read_bytes(kept) == "[[breathe]]\n");
    CHECK(mode_of(kept) == 0600);
    CHECK(tend::pending_files(tmp.path()) == std::vector<fs::path>{kept});
    tend::tidy_staging(tmp.path());
    CHECK(fs::exists(kept));
}

TEST_CASE("a data dir that is a symlink to one's own directory is followed") {
    TempDir tmp;
    fs::create_directory(tmp / "target");
    fs::create_directory_symlink(tmp / "target", tmp / "data");
    CHECK_NOTHROW(tend::check_data_dir_owner(tmp / "data"));
    CHECK_NOTHROW(tend::check_data_dir_owner(tmp / "target"));
    CHECK_NOTHROW(tend::check_data_dir_owner(tmp / "missing"));
    CHECK_NOTHROW(tend::DataLock(tmp / "data", tend::DataLock::Mode::exclusive, 0ms));
}

TEST_CASE("a data dir that is a symlink to another user's directory is refused") {
    if (::geteuid() != 0) return;  // only root can give a directory away
    TempDir tmp;
    fs::create_directory(tmp / "target");
    REQUIRE(::chown((tmp / "target").c_str(), 65534, 65534) == 0);
    fs::create_directory_symlink(tmp / "target", tmp / "data");
    for (const auto& path : {tmp / "data", fs::path((tmp / "data").string() + "/")}) {
        const auto error = error_from([&] { tend::check_data_dir_owner(path); });
        REQUIRE(error);
        CHECK(error->code() == Exit::failure);
        CHECK(tend::test::contains(error->what(), "belongs to another user"));
    }
    const auto error = error_from([&] { tend::DataLock lock(tmp / "data", tend::DataLock::Mode::shared, 0ms); });
    REQUIRE(error);
    CHECK(error->code() == Exit::failure);
}
