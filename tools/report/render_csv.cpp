// The CSV report: one row per day, numbers only (no free text, so nothing to leave out).
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <array>
#include <cctype>

#include "render.hpp"
#include "render_common.hpp"

namespace report {
namespace {

std::string number(std::optional<double> value) {
    if (!value) return "";
    return fmt::format("{}", shared::hundredths(*value));
}

}  // namespace

std::string render_csv(const ReportData& data) {
    std::string out = "date,checkins";
    for (const auto& dimension : data.checkins.dimensions) out += "," + dimension.name;
    out +=
        ",breathe_sessions,breathe_minutes,exercise_sessions,exercise_minutes,boundary_events,held,crossed,violated,"
        "prompts_answered,prompts_skipped,practice\n";
    for (const auto& day : data.days) {
        out += fmt::format("{},{}", tend::format_day(day.day), day.checkins);
        for (const auto& mean : day.means) out += "," + number(mean);
        out += fmt::format(",{},{},{},{},{},{},{},{},{},{},{}\n", day.breathe_sessions, number(day.breathe_minutes),
                           day.exercise_sessions, number(day.exercise_minutes), day.boundary_events, day.held,
                           day.crossed, day.violated, day.prompts_answered, day.prompts_skipped, day.practice ? 1 : 0);
    }
    return out;
}

std::optional<Format> format_named(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, Format>, 5> names{{{"text", Format::text},
                                                                               {"markdown", Format::markdown},
                                                                               {"json", Format::json},
                                                                               {"html", Format::html},
                                                                               {"csv", Format::csv}}};
    for (const auto& [known, format] : names)
        if (known == name) return format;
    return std::nullopt;
}

std::optional<Format> format_for_file(const std::filesystem::path& file) {
    static constexpr std::array<std::pair<std::string_view, Format>, 7> extensions{{{".txt", Format::text},
                                                                                    {".md", Format::markdown},
                                                                                    {".markdown", Format::markdown},
                                                                                    {".json", Format::json},
                                                                                    {".html", Format::html},
                                                                                    {".htm", Format::html},
                                                                                    {".csv", Format::csv}}};
    std::string extension = file.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [known, format] : extensions)
        if (known == extension) return format;
    return std::nullopt;
}

std::string render(Format format, const ReportData& data, const tend::Style& style, tend::TimeStyle times) {
    switch (format) {
        case Format::text:
            return render_text(data, style);
        case Format::markdown:
            return render_markdown(data);
        case Format::json:
            return render_json(data, times);
        case Format::html:
            return render_html(data);
        case Format::csv:
            return render_csv(data);
    }
    return render_text(data, style);
}

}  // namespace report
