// The editor tend opens for long text: $VISUAL, $EDITOR, then Debian's sensible-editor, then vi.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>

#include "editor.hpp"
#include "fixtures.hpp"

using namespace tend;
using namespace tend::test;

TEST_CASE("VISUAL wins over EDITOR, and EDITOR over the fallback") {
    CHECK(editor_command(TestIo(Env{{"VISUAL", "nano"}, {"EDITOR", "ed"}}).io) == "nano");
    CHECK(editor_command(TestIo(Env{{"VISUAL", ""}, {"EDITOR", "code --wait"}}).io) == "code --wait");
}

TEST_CASE("with neither set, sensible-editor when it is on PATH, else vi") {
    TempDir dir;
    const auto bin = dir.path() / "bin";
    std::filesystem::create_directory(bin);
    const Env without = {{"PATH", (dir.path() / "none").string() + ":" + bin.string()}};
    CHECK(editor_command(TestIo(without).io) == "vi");

    std::ofstream(bin / "sensible-editor") << "#!/bin/sh\n";
    ::chmod((bin / "sensible-editor").c_str(), 0700);
    CHECK(editor_command(TestIo(without).io) == "sensible-editor");
    CHECK(editor_command(TestIo(Env{{"PATH", bin.string()}, {"EDITOR", ""}}).io) == "sensible-editor");
    CHECK(editor_command(TestIo({{"PATH", (dir.path() / "none").string()}}).io) == "vi");
}
