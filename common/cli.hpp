// CLI11 glue shared by the tools. CLI11 is header-only and costs seconds to compile, so
// everything that does not depend on a tool's Options type (the help formatter, the validators,
// parsing, the help and error answers) is compiled once, in cli.cpp; include this header from
// one translation unit per tool only.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "error.hpp"
#include "io.hpp"
#include "session.hpp"
#include "tend_version.hpp"

namespace tend::cli {

// --version, --data-dir and --color, and a footer pointing to the man page.
void add_common_options(CLI::App& app, CommonOptions& options, const std::string& tool);

// --utc, beside each --json: times in UTC with a Z (the rest of the output is the same).
CLI::Option* add_utc(CLI::App& command, CommonOptions& options);

// --json, and --utc that goes with it: every command that prints JSON takes both, so a script
// can ask any of them for UTC times.
CLI::Option* add_json(CLI::App& command, bool& json, CommonOptions& options, const std::string& help);

// A whole number from min to max in plain decimal digits. CLI11's own Range converts with
// strtoll base 0, so "0x5" passed as 5 and "010" as 8 (octal); nobody means either. The
// text is handed on without leading zeros, so that "010" is ten: give it to ->transform(),
// since ->check() keeps the text as typed.
CLI::Validator whole_number(long long min, long long max);

// A number from min to max in plain decimals (5, 2.5, .5): no signs, exponents, hex, nan or inf,
// which CLI11's conversion (strtold) took, and nan passed its Range check.
CLI::Validator decimal_number(double min, double max, const std::string& range);

// Splits "a,b" into words, keeping empty ones for the caller to name.
std::vector<std::string> split_commas(std::string_view argument);

// The one way a list is given: "--name a,b", "--name a --name b" or both. CLI11 2.1's
// delimiter() lets an argument of only commas swallow the next option ("--deck , --json"), so
// each argument is one value here and split after. With `allowed`, every word must be one of them.
CLI::Option* add_list(CLI::App& app, const std::string& name, std::vector<std::string>& words, const std::string& help,
                      std::vector<std::string> allowed = {});

// CLI11 2.1 reads "--name=" (nothing after the '=') as no value at all and takes the next
// argument instead, so "--pattern= --no-log" made "--no-log" the pattern. Split in two, the
// empty value is an empty value.
std::vector<std::string> split_empty_assignments(int argc, const char* const* argv);

// CLI11's messages start with a capital; tend's read "<where>: <what>" in lower case.
std::string lower_first(std::string message);

// How many single-character edits (insert, delete, change, swap two) turn a into b.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The command named in args, found before any option is built: the first word that is not an
// option or an option's value. Returns the index of that word (0 when there is none).
std::size_t first_word(const CLI::App& root, const std::vector<std::string>& args);

// One subcommand of a tool, as a row of its command table: the options are added by setup()
// only when this is the command asked for, so a run builds one subcommand, not the whole tree.
template <class Options>
struct Command {
    const char* name;
    const char* help;
    void (*setup)(CLI::App& command, Options& options);
    int (*run)(const Options& options, const Session& session);
    // Run without CLI11 when nothing but its name (and --data-dir) is given, as a shell rc runs
    // `prompt today`: its options' defaults are then all there is to parse. Only for a command
    // with no required option or argument.
    bool plain = false;
};

// A tool: its root options and what it does with no command, and its command table.
template <class Options>
struct Tool {
    const char* name;
    const char* description;
    void (*setup)(CLI::App& app, Options& options);
    int (*run)(const Options& options, const Session& session);
    std::span<const Command<Options>> commands{};
    // The name of a number the first word can also be (checkin's MOOD), or nullptr.
    const char* positional = nullptr;
    // After parsing, with the chosen command (nullptr: none): checks across options, or an
    // answer that needs no Session (report --check). An exit status ends the run there. `app`
    // is nullptr when a plain command was read without CLI11 (nothing was given but its name).
    std::optional<int> (*after_parse)(Options& options, const CLI::App* app, const Command<Options>* chosen,
                                      Io& io) = nullptr;
};

// The plain command argv names, read without CLI11: exactly one word, a plain command of the
// table, and at most one --data-dir DIR (or --data-dir=DIR) before or after it, DIR neither
// empty nor starting with '-'. Sets options.common.data_dir and returns the command; nullptr
// for anything else (help, an error, any other option), which CLI11 then reads, so every
// answer and message stays CLI11's. Building CLI11's options and parsing with them cost more
// instructions than the rest of `prompt today`'s own work.
template <class Options>
const Command<Options>* plain_command(const Tool<Options>& tool, int argc, const char* const* argv, Options& options) {
    constexpr std::string_view data_dir = "--data-dir";
    const Command<Options>* chosen = nullptr;
    std::optional<std::string_view> dir;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with(data_dir)) {
            if (dir) return nullptr;
            if (arg == data_dir && i + 1 < argc)
                dir = argv[++i];
            else if (arg.size() > data_dir.size() && arg[data_dir.size()] == '=')
                dir = arg.substr(data_dir.size() + 1);
            else
                return nullptr;
            if (dir->empty() || dir->front() == '-') return nullptr;
            continue;
        }
        if (chosen) return nullptr;
        for (const auto& command : tool.commands)
            if (command.plain && arg == command.name) chosen = &command;
        if (!chosen) return nullptr;
    }
    if (chosen && dir) options.common.data_dir = std::filesystem::path(*dir);
    return chosen;
}

// After the parse: the tool's checks across options, then a Session and the command's run().
template <class Options>
int run_parsed(const Tool<Options>& tool, Options& options, const CLI::App* app, const Command<Options>* chosen,
               Io& io) {
    if (tool.after_parse)
        if (auto status = tool.after_parse(options, app, chosen, io)) return *status;
    Session session(tool.name, io, options.common);
    return chosen ? chosen->run(options, session) : tool.run(options, session);
}

// What the parser needs of a tool, without its Options type, so that CLI11's parsing, help and
// errors are compiled once (cli.cpp) rather than in every tool.
struct CommandLine {
    const char* name;
    const char* description;
    const char* positional;                                     // as Tool::positional
    std::vector<std::pair<const char*, const char*>> commands;  // each command's name and help
    std::function<void(CLI::App& app)> setup;                   // the root's options
    std::function<void(std::size_t command, CLI::App& sub)> setup_command;
    // After the parse: the app (alive until it returns) and the chosen command, if any.
    std::function<int(const CLI::App* app, std::optional<std::size_t> command)> run;
};

// Builds the root (and the command asked for, or every command's name for --help), parses
// argv with CLI11, answers --help and refuses what does not parse, then calls line.run.
int parse_and_run(const CommandLine& line, CommonOptions& common, int argc, const char* const* argv, Io& io);

// Parses argv against the tool's table and runs what was asked for: a Session, then the
// command's run(). --version answers before anything is built, and so does a plain command
// given alone; --help builds the root with each command's name and help line; a command's
// --help builds that command alone.
template <class Options>
int dispatch(const Tool<Options>& tool, int argc, const char* const* argv, Io& io) {
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        io.out << tool.name << " (tend) " << tend::version << '\n';
        return 0;
    }
    Options options;
    if (const Command<Options>* plain = plain_command(tool, argc, argv, options))
        return run_parsed(tool, options, nullptr, plain, io);
    CommandLine line{
        .name = tool.name,
        .description = tool.description,
        .positional = tool.positional,
        .commands = {},
        .setup = [&](CLI::App& app) { tool.setup(app, options); },
        .setup_command = [&](std::size_t command, CLI::App& sub) { tool.commands[command].setup(sub, options); },
        .run =
            [&](const CLI::App* app, std::optional<std::size_t> command) {
                return run_parsed(tool, options, app, command ? &tool.commands[*command] : nullptr, io);
            },
    };
    line.commands.reserve(tool.commands.size());
    for (const auto& command : tool.commands) line.commands.emplace_back(command.name, command.help);
    return parse_and_run(line, options.common, argc, argv, io);
}

}  // namespace tend::cli
