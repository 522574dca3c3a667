// report's renderers: each a pure function from ReportData to the bytes of one format.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "report_data.hpp"
#include "terminal.hpp"

namespace report {

enum class Format { text, markdown, json, html, csv };

// text, markdown, json, html, csv; nullopt for anything else.
std::optional<Format> format_named(std::string_view name);
// .txt, .md (.markdown), .json, .html (.htm), .csv, in any case; nullopt for anything else.
std::optional<Format> format_for_file(const std::filesystem::path& file);

// The JSON schema's name and version; a change that drops or renames a key makes a new version.
inline constexpr std::string_view json_schema = "tend.report/2";

// Text for a terminal or mail, at most 80 columns outside people's own words (which are
// wrapped); `style` adds colour only when it is enabled.
std::string render_text(const ReportData& data, const tend::Style& style);
std::string render_markdown(const ReportData& data);
// Times with their offset, or in UTC under --utc; days stay the person's local days.
std::string render_json(const ReportData& data, tend::TimeStyle times);
// One self-contained page: inline CSS with a print stylesheet, inline SVG charts, no scripts
// and no links to anything outside it.
std::string render_html(const ReportData& data);
// One row per day of the period, with a header row; no free text at all.
std::string render_csv(const ReportData& data);

std::string render(Format format, const ReportData& data, const tend::Style& style, tend::TimeStyle times);

}  // namespace report
