// report --check: a read-only look at everything tend keeps, printed for a person or as JSON.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "check.hpp"

#include <fmt/format.h>

#include <ostream>

#include "error.hpp"
#include "report.hpp"
#include "session.hpp"

namespace report {
namespace {

// "3,402": counts of records can run into thousands.
std::string grouped(std::size_t value) {
    std::string digits = std::to_string(value);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

std::string count_of(std::size_t count, std::string_view singular, std::string_view plural) {
    return fmt::format("{} {}", grouped(count), count == 1 ? singular : plural);
}

std::string where(const tend::Finding& finding) {
    std::string out = tend::neutralize(finding.file.string());
    if (finding.line) out += fmt::format(":{}", finding.line);
    if (finding.line && finding.column) out += fmt::format(":{}", finding.column);
    return out;
}

std::string origin(std::string_view from) {
    return from == "default" ? "the default" : fmt::format("from {}", from);
}

std::string summary(const tend::DataCheck& check) {
    const std::size_t problems = check.count(tend::Severity::problem);
    const std::size_t warnings = check.count(tend::Severity::warning);
    const std::string warned =
        warnings ? fmt::format("; {} to look at", count_of(warnings, "warning", "warnings")) : "";
    if (problems)
        return fmt::format("{} in {}{}; nothing was changed", count_of(problems, "problem", "problems"),
                           count_of(check.files_with(tend::Severity::problem), "file", "files"), warned);
    if (check.files.empty()) return "Nothing to check yet, and no problems" + warned;
    return fmt::format("{}, {}, no problems{}", count_of(check.files.size(), "file", "files"),
                       count_of(check.records, "record", "records"), warned);
}

tend::Json findings_json(const tend::DataCheck& check, tend::Severity severity) {
    tend::Json list = tend::Json::array();
    const auto position = [](std::size_t value) {
        return value ? tend::Json(static_cast<std::int64_t>(value)) : tend::Json();
    };
    for (const auto& finding : check.findings) {
        if (finding.severity != severity) continue;
        list.push(tend::Json::object()
                      .set("file", finding.file.string())
                      .set("line", position(finding.line))
                      .set("column", position(finding.column))
                      .set("message", finding.message));
    }
    return list;
}

}  // namespace

void refuse_with_check(const std::vector<std::string>& given) {
    if (given.empty()) return;
    tend::usage_error(
        fmt::format("--check: looks at all your files and prints its own list, so it does not take "
                    "{}; leave {} out",
                    fmt::join(given, ", "), given.size() == 1 ? "it" : "them"));
}

// The device line: this one's name and where it came from, and the others whose files are here.
std::string device_text(const std::optional<tend::Device>& device, const tend::DataCheck& check) {
    std::string out = device
                          ? fmt::format("Device:  {} ({})", tend::neutralize(device->name), origin(device->from))
                          : std::string("Device:  not named yet; tend names it after this machine at the first write");
    std::vector<std::string> others;
    for (const auto& name : check.devices)
        if (!device || name != device->name) others.push_back(tend::neutralize(name));
    if (!others.empty())
        out += fmt::format("\nOthers:  {} (their files are read, never written)", fmt::join(others, ", "));
    return out + "\n";
}

std::string render_check_text(const tend::ExplainedPaths& paths, const std::optional<tend::Device>& device,
                              const tend::DataCheck& check, const tend::Style& style) {
    std::string data_note = origin(paths.data_from);
    if (check.data_dir_target) data_note += ", a link to " + tend::neutralize(check.data_dir_target->string());
    if (!check.data_dir_exists) data_note += "; not there yet: tend makes it, private to you, with the first record";
    std::string config_note = origin(paths.config_from);
    if (!check.config_exists) config_note += "; not there, so tend uses its defaults";

    std::string out =
        fmt::format("Data:    {} ({})\nConfig:  {} ({})\n", tend::neutralize(paths.paths.data_dir.string()), data_note,
                    tend::neutralize(paths.paths.config_file.string()), config_note);
    out += device_text(device, check);
    if (!check.findings.empty()) out += '\n';
    for (const auto& finding : check.findings)
        out += fmt::format("{}: {}{}\n", where(finding), finding.severity == tend::Severity::warning ? "warning: " : "",
                           tend::neutralize(finding.message));
    const std::string line = summary(check);
    const bool sound = check.count(tend::Severity::problem) == 0;
    out += '\n' + (sound ? style.green(line) : style.yellow(line)) + '\n';
    return out;
}

tend::Json check_json(const tend::ExplainedPaths& paths, const std::optional<tend::Device>& device,
                      const tend::DataCheck& check) {
    tend::Json devices = tend::Json::array();
    for (const auto& name : check.devices) devices.push(name);
    tend::Json files = tend::Json::array();
    for (const auto& file : check.files)
        files.push(tend::Json::object()
                       .set("path", file.path.string())
                       .set("kind", file.kind)
                       .set("records", file.kind == "config" ? tend::Json()
                                                             : tend::Json(static_cast<std::int64_t>(file.records))));
    return tend::Json::object()
        .set("schema", std::string(check_schema))
        .set("data_dir",
             tend::Json::object()
                 .set("path", paths.paths.data_dir.string())
                 .set("from", paths.data_from)
                 .set("exists", check.data_dir_exists)
                 .set("link_to", check.data_dir_target ? tend::Json(check.data_dir_target->string()) : tend::Json()))
        .set("config", tend::Json::object()
                           .set("path", paths.paths.config_file.string())
                           .set("from", paths.config_from)
                           .set("exists", check.config_exists))
        .set("device", tend::Json::object()
                           .set("name", device ? tend::Json(device->name) : tend::Json())
                           .set("from", device ? tend::Json(device->from) : tend::Json())
                           .set("devices", std::move(devices)))
        .set("files", std::move(files))
        .set("records", static_cast<std::int64_t>(check.records))
        .set("problems", findings_json(check, tend::Severity::problem))
        .set("warnings", findings_json(check, tend::Severity::warning))
        .set("sound", check.count(tend::Severity::problem) == 0);
}

int run_check(const Options& options, tend::Io& io) {
    const tend::ExplainedPaths paths = tend::explain_paths(io, options.common.data_dir);
    // Named as the tools would name it, but never made here: --check changes nothing.
    const auto device = tend::known_device(io, tend::load_config(paths.paths.config_file).device.name);
    const tend::DataCheck check =
        tend::check_data(paths.paths, tend::Session::lock_wait(io), device ? device->name : std::string());
    if (options.json) {
        io.out << check_json(paths, device, check).dump({.times = tend::time_style(options.common)}) << '\n';
    } else {
        const tend::Style style(tend::use_color(tend::parse_color_when(options.common.color), io.out_tty, io));
        io.out << render_check_text(paths, device, check, style);
    }
    return static_cast<int>(check.count(tend::Severity::problem) ? tend::Exit::data : tend::Exit::ok);
}

}  // namespace report
