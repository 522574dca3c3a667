// CLI11 glue shared by the tools; include it from one translation unit per tool only,
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
// since CLI11 is header-only and costs seconds to compile.
#pragma once

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "error.hpp"
#include "io.hpp"
#include "session.hpp"
#include "tend_version.hpp"

namespace tend::cli {

// --version, --data-dir and --color, and a footer pointing to the man page.
inline void add_common_options(CLI::App& app, CommonOptions& options, const std::string& tool) {
    app.set_version_flag("--version", std::string(tool) + " (tend) " + tend::version, "Print the version and exit");
    app.set_help_flag("-h,--help", "Print this help and exit");
    app.add_option("--data-dir", options.data_dir, "Keep data in DIR (default: $TEND_DATA_DIR, then XDG)")
        ->option_text("DIR");
    app.add_option("--color", options.color, "Colour: auto, always or never (NO_COLOR is honoured)")
        ->option_text("WHEN")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.footer("See " + tool + "(1) for details, tend(5) for the files and tend(7) for an overview.");
    app.get_formatter()->column_width(32);
}

// A whole number from min to max in plain decimal digits. CLI11's own Range converts with
// strtoll base 0, so "0x5" passed as 5 and "010" as 8 (octal); nobody means either. The
// text is handed on without leading zeros, so that "010" is ten: give it to ->transform(),
// since ->check() keeps the text as typed.
inline CLI::Validator whole_number(long long min, long long max) {
    const std::string range = std::to_string(min) + " to " + std::to_string(max);
    return CLI::Validator(
        [min, max, range](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 18 &&
                                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digits) {
                const long long value = std::stoll(text);
                if (value >= min && value <= max) {
                    text = std::to_string(value);
                    return {};
                }
            }
            return "'" + neutralize(text) + "' is not a whole number from " + range;
        },
        "INT in [" + std::to_string(min) + " - " + std::to_string(max) + "]");
}

// A number from min to max in plain decimals (5, 2.5, .5): no signs, exponents, hex, nan or inf,
// which CLI11's conversion (strtold) took, and nan passed its Range check.
inline CLI::Validator decimal_number(double min, double max, const std::string& range) {
    return CLI::Validator(
        [min, max, range](std::string& text) -> std::string {
            const auto dot = text.find('.');
            const bool shape =
                !text.empty() && text != "." && text.size() <= 18 &&
                text.find('.', dot == std::string::npos ? dot : dot + 1) == std::string::npos &&
                std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
            if (shape) {
                const double value = std::stod(text);
                if (value >= min && value <= max) return {};
            }
            return "'" + neutralize(text) + "' is not a number from " + range;
        },
        "NUMBER in [" + range + "]");
}

// CLI11 2.1 reads "--name=" (nothing after the '=') as no value at all and takes the next
// argument instead, so "--pattern= --no-log" made "--no-log" the pattern. Split in two, the
// empty value is an empty value.
inline std::vector<std::string> split_empty_assignments(int argc, const char* const* argv) {
    std::vector<std::string> args;
    bool options_end = false;
    for (int i = 0; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--") options_end = true;
        if (i > 0 && !options_end && arg.starts_with("--") && arg.size() > 3 && arg.back() == '=' &&
            arg.find('=') == arg.size() - 1) {
            arg.pop_back();
            args.push_back(std::move(arg));
            args.emplace_back();
            continue;
        }
        args.push_back(std::move(arg));
    }
    return args;
}

// CLI11's messages start with a capital; tend's read "<where>: <what>" in lower case.
inline std::string lower_first(std::string message) {
    const auto lower_at = [&](std::size_t i) {
        const auto c = [&](std::size_t k) { return static_cast<unsigned char>(message[k]); };
        if (i + 1 < message.size() && std::isupper(c(i)) && std::islower(c(i + 1)))
            message[i] = static_cast<char>(std::tolower(c(i)));
    };
    lower_at(0);
    for (auto pos = message.find(": "); pos != std::string::npos; pos = message.find(": ", pos + 2)) lower_at(pos + 2);
    while (!message.empty() && (message.back() == '\n' || message.back() == '.')) message.pop_back();
    return message;
}

// Parses the command line: help and version go to stdout and end the run with 0;
// parse errors become usage errors (exit 2).
inline void parse(CLI::App& app, int argc, const char* const* argv, Io& io) {
    const std::vector<std::string> args = split_empty_assignments(argc, argv);
    std::vector<const char*> pointers;
    for (const auto& arg : args) pointers.push_back(arg.c_str());
    try {
        app.parse(static_cast<int>(pointers.size()), pointers.data());
    } catch (const CLI::CallForHelp&) {
        io.out << app.help();
        throw ExitRequest{Exit::ok};
    } catch (const CLI::CallForAllHelp&) {
        io.out << app.help("", CLI::AppFormatMode::All);
        throw ExitRequest{Exit::ok};
    } catch (const CLI::CallForVersion& e) {
        io.out << e.what() << '\n';
        throw ExitRequest{Exit::ok};
    } catch (const CLI::ParseError& e) {
        usage_error(lower_first(neutralize(e.what(), true)));
    }
}

}  // namespace tend::cli
