// CLI11 glue shared by the tools; include it from one translation unit per tool only,
// since CLI11 is header-only and costs seconds to compile.
#pragma once

#include <CLI/CLI.hpp>

#include <cctype>
#include <string>

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
    try {
        app.parse(argc, argv);
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
        usage_error(lower_first(e.what()));
    }
}

}  // namespace tend::cli
