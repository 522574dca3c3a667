// The HTML report: one self-contained page to read in a browser or print for a therapist.
// Inline CSS (with a print stylesheet) and inline SVG charts; no scripts, no outside links.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include "render.hpp"
#include "render_common.hpp"

namespace report {
namespace {

using namespace shared;

constexpr std::size_t chart_points = 120;  // longer periods are drawn in buckets of days

constexpr std::string_view stylesheet =
    R"(:root{--ink:#1f2328;--muted:#59636e;--line:#d5dae0;--accent:#2f6f9f;--soft:#f3f6f9}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}
h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .3rem}
p{margin:.4rem 0}
.muted{color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
table{border-collapse:collapse;margin:.5rem 0}
th,td{padding:.25rem .7rem;text-align:right;border-bottom:1px solid var(--line);font-variant-numeric:tabular-nums}
th{font-weight:600;color:var(--muted)}
th:first-child,td:first-child{text-align:left}
ul{padding-left:1.2rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(15.5rem,1fr));gap:.8rem;margin:.8rem 0}
figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:.4rem .5rem .2rem;background:var(--soft)}
figcaption{font-size:.9rem;font-weight:600}
svg{display:block;width:100%;height:auto}
.words{white-space:pre-wrap;margin:.2rem 0 .8rem;padding:.1rem .8rem;border-left:3px solid var(--line)}
.prompt{font-style:italic}
.days{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0}
.days li{min-width:2.6rem;text-align:center;border:1px solid var(--line);border-radius:4px;padding:.1rem .3rem;font-size:.85rem}
.days li.yes{background:var(--accent);border-color:var(--accent);color:#fff}
.days li.later{border-style:dashed;color:var(--muted)}
@media print{
body{margin:0;max-width:none;font-size:10.5pt}
h2{break-after:avoid;page-break-after:avoid}
section,figure,table,li,.words{break-inside:avoid;page-break-inside:avoid}
.charts{grid-template-columns:repeat(3,1fr)}
figure{background:none}
.days li.yes{background:none;color:var(--ink);font-weight:700;border-width:2px}
@page{margin:1.5cm}
}
)";

std::string counts_html(const std::vector<Count>& counts, std::size_t limit) {
    const std::size_t shown = shown_counts(counts, limit);
    std::string out;
    for (std::size_t i = 0; i < shown; ++i)
        out += fmt::format("{}{} <span class=\"muted\">{}</span>", i ? ", " : "", h(counts[i].name), counts[i].count);
    return out + more_counts(counts, shown);
}

// A line chart of one dimension over the period on the fixed 0-10 scale; gaps where no value.
std::string chart(const ReportData& data, std::size_t dimension) {
    const DimensionStats& stats = data.checkins.dimensions[dimension];
    const Series series = dimension_series(data, dimension, chart_points);
    constexpr double left = 22, right = 296, top = 8, bottom = 96, width = 300, height = 116;
    const double step = (right - left) / static_cast<double>(std::max<std::size_t>(series.values.size(), 1));
    const auto x = [&](std::size_t i) { return left + (static_cast<double>(i) + 0.5) * step; };
    const auto y = [&](double v) { return bottom - (bottom - top) * v / 10.0; };
    const std::string per = per_bucket(series);
    std::string svg = fmt::format(
        "<figure><figcaption>{}</figcaption>\n<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}, {}, 0 to 10\">"
        "<title>{}, {}, 0 to 10</title>\n",
        stats.name, width, height, stats.name, per, stats.name, per);
    for (const int level : {0, 5, 10})
        svg += fmt::format(
            "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#d5dae0\" stroke-width=\"1\"/>"
            "<text x=\"{}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"end\" fill=\"#59636e\">{}</text>\n",
            left, y(level), right, y(level), left - 4, y(level) + 3, level);
    // A label under each day of a short period; the first and last day of a longer one.
    if (series.days_per_bucket == 1 && series.values.size() <= 14) {
        for (std::size_t i = 0; i < series.values.size(); ++i)
            svg += fmt::format(
                "<text x=\"{:.1f}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" "
                "fill=\"#59636e\">{}</text>",
                x(i), height - 6, weekday_short(data.days[i].day).substr(0, 2));
        svg += "\n";
    } else {
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#59636e\">{}</text>", left, height - 6,
                           short_day(data.period.first));
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"end\" fill=\"#59636e\">{}</text>\n",
                           right, height - 6, short_day(data.period.last));
    }
    // Runs of consecutive values are joined; a lone value is a dot.
    std::string points;
    const auto flush = [&] {
        if (points.empty()) return;
        svg += fmt::format(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#2f6f9f\" stroke-width=\"2\" "
            "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n",
            points);
        points.clear();
    };
    for (std::size_t i = 0; i < series.values.size(); ++i) {
        if (!series.values[i]) {
            flush();
            continue;
        }
        points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x(i), y(*series.values[i]));
    }
    flush();
    if (series.values.size() <= 62)
        for (std::size_t i = 0; i < series.values.size(); ++i)
            if (series.values[i])
                svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.6\" fill=\"#2f6f9f\"/>\n", x(i),
                                   y(*series.values[i]));
    return svg + "</svg></figure>\n";
}

void notes(std::string& out, const std::vector<Note>& list) {
    if (list.empty()) return;
    out += "<h3>Notes</h3>\n<ul>\n";
    for (const auto& note : list) {
        out += fmt::format("<li><span class=\"muted\">{}</span>", day_and_time(note.at));
        if (!note.context.empty()) out += fmt::format(" · {}", h(note.context));
        out += fmt::format("<div class=\"words\">{}</div></li>\n", h(note.text, true));
    }
    out += "</ul>\n";
}

void checkins(std::string& out, const ReportData& data) {
    const CheckinSection& section = data.checkins;
    out += "<section id=\"checkins\">\n<h2>Check-ins</h2>\n";
    if (!section.count) {
        out += fmt::format("<p class=\"empty\">{}</p>\n</section>\n", no_checkins(data.period));
        return;
    }
    out += fmt::format("<p>{} <span class=\"muted\">({}: {})</span></p>\n",
                       count_of(section.count, "check-in", "check-ins"), period_before(data.period),
                       section.previous_count);
    out +=
        "<table>\n<thead><tr><th>0 to "
        "10</th><th>mean</th><th>low</th><th>high</th><th>change</th></tr></thead>\n<tbody>\n";
    for (const auto& stats : section.dimensions) {
        const DimensionCells cells = dimension_cells(stats);
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", stats.name, cells.mean,
                           cells.low, cells.high, cells.change);
    }
    out += "</tbody>\n</table>\n<div class=\"charts\">\n";
    for (std::size_t i = 0; i < section.dimensions.size(); ++i) out += chart(data, i);
    out += "</div>\n";
    out += fmt::format("<p><strong>Feelings:</strong> {}</p>\n",
                       section.feelings.empty() ? "none named" : counts_html(section.feelings, 8));
    if (!section.feeling_groups.empty())
        out += fmt::format("<p><strong>Feeling groups:</strong> {}</p>\n",
                           counts_html(section.feeling_groups, section.feeling_groups.size()));
    if (data.notes)  // tags are the person's own words: left out with the notes
        out += fmt::format("<p><strong>Tags:</strong> {}</p>\n",
                           section.tags.empty() ? "none" : counts_html(section.tags, 8));
    notes(out, section.notes);
    out += "</section>\n";
}

void breathing(std::string& out, const ReportData& data) {
    const BreathingSection& section = data.breathing;
    out += "<section id=\"breathing\">\n<h2>Breathing</h2>\n";
    if (!section.sessions) {
        out += fmt::format("<p class=\"empty\">{}</p>\n</section>\n", no_breathing(data.period));
        return;
    }
    out += fmt::format("<p>{}, {} <span class=\"muted\">({}: {})</span></p>\n",
                       count_of(section.sessions, "session", "sessions"), minutes_text(section.minutes),
                       period_before(data.period), count_of(section.previous_sessions, "session", "sessions"));
    out += "<table>\n<thead><tr><th>pattern</th><th>sessions</th><th>time</th></tr></thead>\n<tbody>\n";
    for (const auto& pattern : section.patterns)
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", h(pattern.name), pattern.sessions,
                           minutes_text(pattern.minutes));
    out += "</tbody>\n</table>\n";
    if (const std::string distress = distress_summary(section, "<strong>", "</strong>"); !distress.empty())
        out += "<p>Distress (0 to 10): " + distress + ".</p>\n";
    if (section.ended_early)
        out += fmt::format("<p class=\"muted\">{} ended early.</p>\n",
                           count_of(section.ended_early, "session", "sessions"));
    out += "</section>\n";
}

void exercises(std::string& out, const ReportData& data) {
    const ExerciseSection& section = data.exercises;
    if (!any_exercises(section)) return;
    out += "<section id=\"exercises\">\n<h2>Exercises</h2>\n";
    if (!section.sessions) {
        out += fmt::format("<p class=\"empty\">{}</p>\n</section>\n", no_exercises(data.period));
        return;
    }
    out += fmt::format("<p>{}, {} <span class=\"muted\">({}: {})</span></p>\n",
                       count_of(section.sessions, "session", "sessions"), minutes_text(section.minutes),
                       period_before(data.period), count_of(section.previous_sessions, "session", "sessions"));
    out +=
        "<table>\n<thead><tr><th>exercise</th><th>sessions</th><th>time</th><th>distress before → after</th>"
        "</tr></thead>\n<tbody>\n";
    for (const auto& exercise : section.exercises) {
        const std::string effect = exercise_effect(exercise, "<strong>", "</strong>");
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", h(exercise.name),
                           exercise.sessions, minutes_text(exercise.minutes), effect.empty() ? "–" : effect);
    }
    out += "</tbody>\n</table>\n";
    if (section.ended_early)
        out += fmt::format("<p class=\"muted\">{} ended early.</p>\n",
                           count_of(section.ended_early, "session", "sessions"));
    out += "</section>\n";
}

void boundaries(std::string& out, const ReportData& data) {
    const BoundarySection& section = data.boundaries;
    out += "<section id=\"boundaries\">\n<h2>Boundaries</h2>\n";
    if (!section.events) {
        out += fmt::format("<p class=\"empty\">{}</p>\n</section>\n", no_boundaries(data.period));
        return;
    }
    out += fmt::format("<p>{}: {}.</p>\n<p>{}</p>\n", count_of(section.events, "event", "events"),
                       event_counts(logged_kinds(section)), held_crossed_violated(section));
    if (section.most_tested)
        out += fmt::format("<p>Most tested: <strong>boundary {}</strong>, tested {}.</p>\n",
                           section.most_tested->number, count_of(section.most_tested->tested, "time", "times"));
    out += "<ul>\n";
    for (const auto& boundary : section.boundaries) {
        out += fmt::format("<li><strong>Boundary {}</strong>: {}", boundary.number, event_counts(boundary.events));
        if (boundary.text) out += fmt::format("<div class=\"words\">{}</div>", h(*boundary.text, true));
        out += "</li>\n";
    }
    out += "</ul>\n";
    notes(out, section.notes);
    out += "</section>\n";
}

void prompts(std::string& out, const ReportData& data) {
    const PromptSection& section = data.prompts;
    out += "<section id=\"prompts\">\n<h2>Prompts</h2>\n";
    if (!any_prompts(section)) {
        out += fmt::format("<p class=\"empty\">{}</p>\n</section>\n", no_prompts(data.period));
        return;
    }
    out += fmt::format("<p>{}.</p>\n", prompt_counts(section));
    for (const auto& answer : section.answers) {
        out += fmt::format("<h3>{} <span class=\"muted\">· {} ({})</span></h3>\n", day_and_time(answer.at),
                           h(answer.prompt_id), h(answer.deck));
        if (answer.prompt_text) out += fmt::format("<p class=\"prompt\">{}</p>\n", h(*answer.prompt_text));
        if (answer.answer) out += fmt::format("<div class=\"words\">{}</div>\n", h(*answer.answer, true));
    }
    out += "</section>\n";
}

void practice(std::string& out, const ReportData& data) {
    out += fmt::format("<section id=\"practice\">\n<h2>Practice</h2>\n<p>{}</p>\n", practice_line(data));
    if (data.days.size() <= 62) {
        out += "<ul class=\"days\">\n";
        for (const auto& day : data.days)
            out += fmt::format("<li class=\"{}\">{}<br>{}</li>\n",
                               day.future     ? "later"
                               : day.practice ? "yes"
                                              : "no",
                               weekday_short(day.day), day_of_month(day.day));
        out += "</ul>\n";
    }
    out += "</section>\n";
}

}  // namespace

std::string render_html(const ReportData& data) {
    const std::string title = "tend report: " + period_name(data.period);
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n"
        "<style>\n{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        title, stylesheet, title);
    if (data.period.kind != PeriodKind::range)
        out += fmt::format("<p>{}</p>\n", day_span(data.period.first, data.period.last));
    out += fmt::format("<p class=\"muted\">Compared with {}: {}.</p>\n", period_before(data.period),
                       day_span(data.previous.first, data.previous.last));
    if (!data.notes) out += fmt::format("<p><em>{}</em></p>\n", notes_left_out);
    out += "</header>\n<main>\n";
    checkins(out, data);
    breathing(out, data);
    exercises(out, data);
    boundaries(out, data);
    prompts(out, data);
    practice(out, data);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace report
