/* A preload shim for tests: makes chosen file calls fail (ENOSPC, EIO, ...) on chosen paths.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set in the environment of the process under test, with LD_PRELOAD=<this library>:
 *   FAULT_CALL         comma-separated families: write (write, pwrite, writev, pwritev),
 *                      fsync, fdatasync, rename (rename, renameat, renameat2),
 *                      create (open/openat/creat with O_CREAT, and the mkstemp family)
 *   FAULT_ERRNO        ENOSPC (default), EIO, EDQUOT, EROFS, or a number
 *   FAULT_AFTER        let this many matching calls through first (default 0)
 *   FAULT_COUNT        fail this many matching calls, then let the rest through (default: all)
 *   FAULT_PATH_SUBSTR  only calls on a path holding this text; without it, any fd above 2
 *   FAULT_SHORT        1: a failing write first writes half its bytes and returns that count,
 *                      as a full disk does; the next matching write fails with FAULT_ERRNO
 *   FAULT_LOG          a file to which one line per injected fault is appended
 * Standard input, output and error are never touched.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum family { F_WRITE = 1, F_FSYNC = 2, F_FDATASYNC = 4, F_RENAME = 8, F_CREATE = 16 };

static int configured;
static int families;
static int fault_errno = ENOSPC;
static long after;
static long count = -1;
static const char* path_substr;
static int short_writes;
static const char* log_path;
static long seen;
static long injected;
static int short_done;

#define REAL(name) ((__typeof__(&name))real_symbol(#name))

static void* real_symbol(const char* name) {
    void* fn = dlsym(RTLD_NEXT, name);
    if (!fn) {
        static const char msg[] = "fault_inject: a libc symbol is missing\n";
        ssize_t ignored = ((ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write"))(2, msg, sizeof msg - 1);
        (void)ignored;
        abort();
    }
    return fn;
}

static int family_of(const char* name, size_t len) {
    static const struct {
        const char* name;
        int family;
    } table[] = {
        {"write", F_WRITE},         {"pwrite", F_WRITE},  {"writev", F_WRITE},    {"fsync", F_FSYNC},
        {"fdatasync", F_FDATASYNC}, {"rename", F_RENAME}, {"renameat", F_RENAME}, {"create", F_CREATE},
        {"open", F_CREATE},         {"openat", F_CREATE}, {"mkostemp", F_CREATE},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; ++i)
        if (strlen(table[i].name) == len && strncmp(table[i].name, name, len) == 0) return table[i].family;
    return 0;
}

static int errno_of(const char* text) {
    static const struct {
        const char* name;
        int value;
    } table[] = {
        {"ENOSPC", ENOSPC}, {"EIO", EIO}, {"EDQUOT", EDQUOT}, {"EROFS", EROFS}, {"EFBIG", EFBIG},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; ++i)
        if (strcmp(table[i].name, text) == 0) return table[i].value;
    const int value = atoi(text);
    return value > 0 ? value : ENOSPC;
}

static void configure(void) {
    if (configured) return;
    configured = 1;
    const char* calls = getenv("FAULT_CALL");
    if (calls) {
        for (const char* p = calls; *p;) {
            const size_t len = strcspn(p, ",");
            families |= family_of(p, len);
            p += len;
            if (*p == ',') ++p;
        }
    }
    const char* value;
    if ((value = getenv("FAULT_ERRNO")) && *value) fault_errno = errno_of(value);
    if ((value = getenv("FAULT_AFTER")) && *value) after = atol(value);
    if ((value = getenv("FAULT_COUNT")) && *value) count = atol(value);
    if ((value = getenv("FAULT_PATH_SUBSTR")) && *value) path_substr = value;
    if ((value = getenv("FAULT_SHORT")) && *value) short_writes = atoi(value) != 0;
    if ((value = getenv("FAULT_LOG")) && *value) log_path = value;
}

static int path_matches(const char* path) {
    if (!path) return 0;
    return !path_substr || strstr(path, path_substr) != NULL;
}

static int fd_matches(int fd, char* path, size_t size) {
    if (fd <= 2) return 0;
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, path, size - 1);
    if (n < 0) return !path_substr;
    path[n] = '\0';
    return path_matches(path);
}

static void log_fault(const char* call, const char* path) {
    ++injected;
    if (!log_path) return;
    const int fd = REAL(open)(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return;
    char line[PATH_MAX + 128];
    const int n =
        snprintf(line, sizeof line, "%ld %s %s %s\n", (long)getpid(), call, strerror(fault_errno), path ? path : "?");
    if (n > 0) {
        ssize_t ignored = REAL(write)(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
        (void)ignored;
    }
    REAL(close)(fd);
}

/* Whether this matching call is one to fail; counts it. */
static int should_fail(int family) {
    configure();
    if (!(families & family)) return 0;
    const long index = seen++;
    if (index < after) return 0;
    return count < 0 || index - after < count;
}

static int fd_call_fails(int family, int fd, const char* call) {
    configure();
    if (!(families & family)) return 0;
    char path[PATH_MAX];
    if (!fd_matches(fd, path, sizeof path)) return 0;
    if (!should_fail(family)) return 0;
    log_fault(call, path);
    return 1;
}

static int path_call_fails(int family, const char* a, const char* b, const char* call) {
    configure();
    if (!(families & family)) return 0;
    if (!path_matches(a) && !path_matches(b)) return 0;
    if (!should_fail(family)) return 0;
    log_fault(call, a);
    return 1;
}

ssize_t write(int fd, const void* buf, size_t n) {
    if (fd_call_fails(F_WRITE, fd, "write")) {
        if (short_writes && !short_done && n > 1) {
            short_done = 1;
            return REAL(write)(fd, buf, n / 2);
        }
        errno = fault_errno;
        return -1;
    }
    return REAL(write)(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t offset) {
    if (fd_call_fails(F_WRITE, fd, "pwrite")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(pwrite)(fd, buf, n, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off_t offset) {
    if (fd_call_fails(F_WRITE, fd, "pwrite64")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(pwrite64)(fd, buf, n, offset);
}

ssize_t writev(int fd, const struct iovec* iov, int iovcnt) {
    if (fd_call_fails(F_WRITE, fd, "writev")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(writev)(fd, iov, iovcnt);
}

ssize_t pwritev(int fd, const struct iovec* iov, int iovcnt, off_t offset) {
    if (fd_call_fails(F_WRITE, fd, "pwritev")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(pwritev)(fd, iov, iovcnt, offset);
}

int fsync(int fd) {
    if (fd_call_fails(F_FSYNC, fd, "fsync")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(fsync)(fd);
}

int fdatasync(int fd) {
    if (fd_call_fails(F_FDATASYNC, fd, "fdatasync")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(fdatasync)(fd);
}

int rename(const char* from, const char* to) {
    if (path_call_fails(F_RENAME, from, to, "rename")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(rename)(from, to);
}

int renameat(int from_dir, const char* from, int to_dir, const char* to) {
    if (path_call_fails(F_RENAME, from, to, "renameat")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(renameat)(from_dir, from, to_dir, to);
}

int renameat2(int from_dir, const char* from, int to_dir, const char* to, unsigned int flags) {
    if (path_call_fails(F_RENAME, from, to, "renameat2")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(renameat2)(from_dir, from, to_dir, to, flags);
}

static mode_t mode_arg(int flags, va_list args) {
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(args, int) : 0;
}

#define CREATE_FAILS(flags, path, call) (((flags)&O_CREAT) && path_call_fails(F_CREATE, (path), NULL, (call)))

int open(const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_arg(flags, args);
    va_end(args);
    if (CREATE_FAILS(flags, path, "open")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(open)(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_arg(flags, args);
    va_end(args);
    if (CREATE_FAILS(flags, path, "open64")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(open64)(path, flags, mode);
}

int openat(int dir, const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_arg(flags, args);
    va_end(args);
    if (CREATE_FAILS(flags, path, "openat")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(openat)(dir, path, flags, mode);
}

int openat64(int dir, const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_arg(flags, args);
    va_end(args);
    if (CREATE_FAILS(flags, path, "openat64")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(openat64)(dir, path, flags, mode);
}

int creat(const char* path, mode_t mode) {
    if (path_call_fails(F_CREATE, path, NULL, "creat")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(creat)(path, mode);
}

int mkostemp(char* template, int flags) {
    if (path_call_fails(F_CREATE, template, NULL, "mkostemp")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(mkostemp)(template, flags);
}

int mkstemp(char* template) {
    if (path_call_fails(F_CREATE, template, NULL, "mkstemp")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(mkstemp)(template);
}

int mkostemps(char* template, int suffixlen, int flags) {
    if (path_call_fails(F_CREATE, template, NULL, "mkostemps")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(mkostemps)(template, suffixlen, flags);
}

int mkstemps(char* template, int suffixlen) {
    if (path_call_fails(F_CREATE, template, NULL, "mkstemps")) {
        errno = fault_errno;
        return -1;
    }
    return REAL(mkstemps)(template, suffixlen);
}
