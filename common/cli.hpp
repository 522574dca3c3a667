// CLI11 glue shared by the tools; include it from one translation unit per tool only,
// since CLI11 is header-only and costs seconds to compile.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
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

// --help at most 80 columns wide: an option's or subcommand's description is wrapped at word
// boundaries under its own column, as man pages and coreutils' --help are.
class HelpFormatter : public CLI::Formatter {
public:
    static constexpr std::size_t width = 80;

    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        return entry(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
    }
    std::string make_subcommand(const CLI::App* sub) const override {
        return entry(sub->get_display_name(true), sub->get_description());
    }
    std::string make_description(const CLI::App* app) const override {
        return fold(CLI::Formatter::make_description(app));
    }
    std::string make_footer(const CLI::App* app) const override { return fold(CLI::Formatter::make_footer(app)); }

private:
    // Lines past the width broken at their last space that fits, the rest keeping the indent.
    static std::string fold(const std::string& text) {
        std::string out;
        for (std::size_t start = 0; start < text.size();) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            std::string line = text.substr(start, end - start);
            const std::string indent =
                line.substr(0, line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' '));
            while (line.size() > width) {
                const std::size_t cut = line.rfind(' ', width);
                if (cut == std::string::npos || cut <= indent.size()) break;
                out += line.substr(0, cut) + "\n";
                line = indent + line.substr(cut + 1);
            }
            out += line;
            if (end < text.size()) out += '\n';
            start = end + 1;
        }
        return out;
    }

    std::string entry(const std::string& name, const std::string& description) const {
        const std::size_t column = get_column_width();
        std::string out = "  " + name;
        if (description.empty()) return out + "\n";
        if (out.size() >= column)
            out += "\n" + std::string(column, ' ');
        else
            out += std::string(column - out.size(), ' ');
        std::size_t used = column;
        bool first = true;
        for (std::size_t pos = 0; pos < description.size();) {
            const std::size_t end = std::min(description.find(' ', pos), description.size());
            const std::string word = description.substr(pos, end - pos);
            pos = end + 1;
            if (word.empty()) continue;
            if (!first && used + 1 + word.size() > width) {
                out += "\n" + std::string(column, ' ');
                used = column;
                first = true;
            }
            if (!first) out += ' ', ++used;
            out += word;
            used += word.size();
            first = false;
        }
        return out + "\n";
    }
};

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
    auto formatter = std::make_shared<HelpFormatter>();
    formatter->column_width(32);
    app.formatter(formatter);
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
