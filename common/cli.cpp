// CLI11 glue compiled once for all the tools: the help formatter, the validators, the list
// options, and dispatch()'s parsing, help and error answers (see cli.hpp).
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

namespace tend::cli {
namespace {

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

}  // namespace

// --version, --data-dir and --color, and a footer pointing to the man page.
void add_common_options(CLI::App& app, CommonOptions& options, const std::string& tool) {
    app.set_version_flag("--version", std::string(tool) + " (tend) " + tend::version, "Print the version and exit");
    app.set_help_flag("-h,--help", "Print this help and exit");
    app.add_option("--data-dir", options.data_dir, "Keep data in DIR (default: $TEND_DATA_DIR, then XDG)")
        ->check(CLI::Validator(
            [](const std::string& dir) {
                return dir.empty() ? std::string("give a directory, not an empty value") : "";
            },
            ""))
        ->option_text("DIR");
    app.add_option("--color", options.color, "Colour: auto, always or never (NO_COLOR is honoured)")
        ->option_text("WHEN")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.footer("See " + tool + "(1) for details, tend(5) for the files and tend(7) for an overview.");
    auto formatter = std::make_shared<HelpFormatter>();
    formatter->column_width(32);
    app.formatter(formatter);
}

// --utc, beside each --json: times in UTC with a Z (the rest of the output is the same).
CLI::Option* add_utc(CLI::App& command, CommonOptions& options) {
    return command.add_flag("--utc", options.utc, "Write JSON times in UTC, such as 2026-11-20T20:00:00Z");
}

// --json, and --utc that goes with it: every command that prints JSON takes both, so a script
// can ask any of them for UTC times.
CLI::Option* add_json(CLI::App& command, bool& json, CommonOptions& options, const std::string& help) {
    CLI::Option* flag = command.add_flag("--json", json, help);
    add_utc(command, options)->needs(flag);
    return flag;
}

// A whole number from min to max in plain decimal digits. CLI11's own Range converts with
// strtoll base 0, so "0x5" passed as 5 and "010" as 8 (octal); nobody means either. The
// text is handed on without leading zeros, so that "010" is ten: give it to ->transform(),
// since ->check() keeps the text as typed.
CLI::Validator whole_number(long long min, long long max) {
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
CLI::Validator decimal_number(double min, double max, const std::string& range) {
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

// Splits "a,b" into words, keeping empty ones for the caller to name.
std::vector<std::string> split_commas(std::string_view argument) {
    std::vector<std::string> words;
    std::size_t start = 0;
    for (std::size_t comma; (comma = argument.find(',', start)) != std::string_view::npos; start = comma + 1)
        words.emplace_back(argument.substr(start, comma - start));
    words.emplace_back(argument.substr(start));
    return words;
}

// The one way a list is given: "--name a,b", "--name a --name b" or both. CLI11 2.1's
// delimiter() lets an argument of only commas swallow the next option ("--deck , --json"), so
// each argument is one value here and split after. With `allowed`, every word must be one of them.
CLI::Option* add_list(CLI::App& app, const std::string& name, std::vector<std::string>& words, const std::string& help,
                      std::vector<std::string> allowed) {
    auto* option = app.add_option_function<std::vector<std::string>>(
        name,
        [&words, name, allowed](const std::vector<std::string>& arguments) {
            for (const auto& argument : arguments)
                for (auto& word : split_commas(argument)) {
                    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), word) == allowed.end()) {
                        std::string known;
                        for (const auto& item : allowed) known += (known.empty() ? "" : ", ") + item;
                        throw CLI::ValidationError(name, "'" + neutralize(word) + "' is not one of " + known);
                    }
                    words.push_back(std::move(word));
                }
        },
        help);
    return option->allow_extra_args(false);
}

// CLI11 2.1 reads "--name=" (nothing after the '=') as no value at all and takes the next
// argument instead, so "--pattern= --no-log" made "--no-log" the pattern. Split in two, the
// empty value is an empty value.
std::vector<std::string> split_empty_assignments(int argc, const char* const* argv) {
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
std::string lower_first(std::string message) {
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

// How many single-character edits (insert, delete, change, swap two) turn a into b.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// The command named in args, found before any option is built: the first word that is not an
// option or an option's value. Returns the index of that word (0 when there is none).
std::size_t first_word(const CLI::App& root, const std::vector<std::string>& args) {
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") return 0;
        if (arg.size() < 2 || arg[0] != '-') return i;
        if (arg.find('=') != std::string::npos || (arg[1] != '-' && arg.size() > 2)) continue;
        const CLI::Option* option = root.get_option_no_throw(arg);
        if (option && option->get_expected_min() > 0) ++i;  // its value, whatever it looks like
    }
    return 0;
}

namespace {

// "'tody' is not a command; did you mean 'today'? The commands: today, answer, ..."
[[noreturn]] void unknown_command(const CommandLine& line, std::string_view word) {
    const char* nearest = nullptr;
    std::size_t best = word.size() < 4 ? 1 : 2;  // further than this is no likely typo
    std::string names;
    for (const auto& [name, help] : line.commands) {
        names += (names.empty() ? "" : ", ") + std::string(name);
        const std::size_t distance = edit_distance(word, name);
        const bool prefix = word.size() >= 2 && std::string_view(name).starts_with(word);
        if (distance <= best || (prefix && !nearest)) {
            best = std::min(best, distance);
            nearest = name;
        }
    }
    std::string message = line.positional ? std::string(line.positional) + ": '" + neutralize(word) +
                                                "' is neither a number nor a command"
                                          : "'" + neutralize(word) + "' is not a command";
    if (nearest) message += "; did you mean '" + std::string(nearest) + "'?";
    usage_error(message + "\nThe commands: " + names);
}

}  // namespace

int parse_and_run(const CommandLine& line, CommonOptions& common, int argc, const char* const* argv, Io& io) {
    CLI::App app{line.description, line.name};
    add_common_options(app, common, line.name);
    line.setup(app);

    const std::vector<std::string> args = split_empty_assignments(argc, argv);
    std::optional<std::size_t> chosen;
    CLI::App* chosen_app = nullptr;
    if (!line.commands.empty()) {
        app.fallthrough();  // --data-dir and --color after the command
        app.require_subcommand(0, 1);
        if (const std::size_t at = first_word(app, args)) {
            const std::string& word = args[at];
            for (std::size_t i = 0; i < line.commands.size(); ++i)
                if (word == line.commands[i].first) chosen = i;
            const bool could_be_positional =
                line.positional && !word.empty() && (std::isdigit(static_cast<unsigned char>(word[0])) != 0);
            if (!chosen && !could_be_positional) unknown_command(line, word);
        }
        for (std::size_t i = 0; i < line.commands.size(); ++i) {
            if (chosen && *chosen != i) continue;
            auto* sub = app.add_subcommand(line.commands[i].first, line.commands[i].second);
            if (chosen) {
                chosen_app = sub;
                line.setup_command(i, *sub);
            }
        }
    }

    std::vector<const char*> pointers;
    for (const auto& arg : args) pointers.push_back(arg.c_str());
    try {
        app.parse(static_cast<int>(pointers.size()), pointers.data());
    } catch (const CLI::CallForHelp&) {
        io.out << app.help();
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        io.out << app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion& e) {
        io.out << e.what() << '\n';
        return 0;
    } catch (const CLI::ParseError& e) {
        usage_error(lower_first(neutralize(e.what(), true)));
    }
    if (chosen_app && !chosen_app->parsed()) chosen.reset();
    // A root option reached through fallthrough belongs to the root's own work: refuse it
    // with a command that has no option of that name, rather than ignore it.
    if (chosen) {
        const std::string tool = line.name;
        const std::string command = line.commands[*chosen].first;
        for (const CLI::Option* option : app.get_options()) {
            const std::string name = option->get_name();
            if (option->count() == 0 || name == "--data-dir" || name == "--color") continue;
            if (chosen_app->get_option_no_throw(name)) continue;
            usage_error(name + " does not go with '" + tool + " " + command + "'; see '" + tool + " " + command +
                        " --help'");
        }
    }
    return line.run(&app, chosen);
}

}  // namespace tend::cli
