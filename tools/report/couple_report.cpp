// report --couple: reading the couple's folder, and the side-by-side view in five formats.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "couple_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "checkin_record.hpp"
#include "couple.hpp"
#include "error.hpp"
#include "json.hpp"
#include "prompt_library.hpp"
#include "prompt_pick.hpp"
#include "prompt_record.hpp"
#include "render_common.hpp"
#include "terminal.hpp"

namespace report {
namespace {

using namespace shared;
using tend::Json;

constexpr const auto& number_names = tend::rating_names;  // in CoupleNumbers::values' order

std::string who(const CoupleAnswer& a) {
    return a.yours ? "You" : a.by;
}
std::string who(const CoupleNumbers& n) {
    return n.yours ? "You" : n.by;
}
std::string who(const CouplePass& p) {
    return p.yours ? "You" : p.by;
}

// Never why: a pass says only that its author chose not to answer this one.
std::string pass_words(const CouplePass& p) {
    return fmt::format("{} passed on this one.", who(p));
}

constexpr std::string_view waiting_words = "shared an answer; it shows once you have answered or skipped this prompt";
constexpr std::string_view nothing_shared = "Nothing was shared in the couple's folder in this period.";
constexpr std::string_view held_back_words = "Held back for you: one you chose to skip, so its words are not shown.";
constexpr std::string_view no_seed_words =
    "There is no shared prompt of the day without a [prompt] seed; the same word in both your configs makes one.";

std::string day_heading(const CoupleDay& d) {
    return fmt::format("{} \u00b7 {} \u00b7 check {}", short_day(d.day), tend::neutralize(d.prompt_id), d.check_code);
}

std::string notes_words(const CoupleDay& d) {
    return d.notes.empty() ? std::string()
                           : tend::neutralize(fmt::format("Content note: {}.", fmt::join(d.notes, ", ")));
}

std::string numbers_words(const CoupleNumbers& n) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < n.values.size(); ++i)
        if (n.values[i]) parts.push_back(fmt::format("{} {}", number_names[i], *n.values[i]));
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string who(const CoupleBoundary& b) {
    return b.yours ? "You" : b.by;
}

// "emotional, hard": what a shared boundary is, besides its wording.
std::string boundary_kind(const CoupleBoundary& b) {
    return b.type ? fmt::format("{}, {}", *b.type, b.hard ? "hard" : "soft") : std::string(b.hard ? "hard" : "soft");
}

std::string title(const CoupleReport& r) {
    return fmt::format("Together: {}", period_name(r.period));
}

void text_answers(std::string& out, const std::vector<CoupleAnswer>& answers, const tend::Style& style) {
    for (const auto& a : answers) {
        out += fmt::format("  {}, {}:", style.bold(tend::neutralize(who(a))), day_and_time(a.at));
        if (!a.text) {
            out += " " + style.dim(std::string(waiting_words)) + "\n";
            continue;
        }
        out += "\n";
        for (const auto& line : own_lines(*a.text))
            for (const auto& piece : wrap(line, 72)) out += "    " + piece + "\n";
    }
}

std::string render_text(const CoupleReport& r, const tend::Style& style) {
    std::string out = style.bold(title(r)) + "\n" + day_span(r.period.first, r.period.last) + "\n";
    if (!r.seeded) out += "\n" + std::string(no_seed_words) + "\n";
    if (!r.days.empty()) out += "\n" + style.bold("The shared prompt of each day") + "\n";
    for (const auto& d : r.days) {
        out += "\n" + style.cyan(day_heading(d)) + "\n";
        if (d.prompt_text && !d.notes.empty()) out += "  " + style.yellow(notes_words(d)) + "\n";
        if (d.prompt_text) {
            for (const auto& line : wrap(tend::neutralize(*d.prompt_text), 76)) out += "  " + line + "\n";
        } else {
            out += "  " + style.dim(std::string(held_back_words)) + "\n";
        }
        text_answers(out, d.answers, style);
        for (const auto& p : d.passes) out += "  " + style.dim(tend::neutralize(pass_words(p))) + "\n";
    }
    if (r.empty()) return out + "\n" + std::string(nothing_shared) + "\n";
    if (!r.prompts.empty()) out += "\n" + style.bold("Other shared answers") + "\n";
    for (const auto& p : r.prompts) {
        out += "\n" + style.cyan(tend::neutralize(p.prompt_id)) + "\n";
        for (const auto& line : wrap(tend::neutralize(p.prompt_text), 76)) out += "  " + line + "\n";
        text_answers(out, p.answers, style);
    }
    if (!r.numbers.empty()) out += "\n" + style.bold("Shared check-in numbers") + "\n";
    for (const auto& n : r.numbers)
        out += fmt::format("  {}  {}: {}\n", day_and_time(n.at), tend::neutralize(who(n)), numbers_words(n));
    if (!r.boundaries.empty()) out += "\n" + style.bold("Shared boundaries") + "\n";
    for (const auto& b : r.boundaries) {
        out += fmt::format("\n  {}: {} {}\n", style.bold(tend::neutralize(who(b))), tend::neutralize(b.text),
                           style.dim(fmt::format("({})", tend::neutralize(boundary_kind(b)))));
        for (const auto& e : b.events) out += fmt::format("    {}  {}\n", day_and_time(e.at), e.event);
    }
    return out;
}

void markdown_answers(std::string& out, const std::vector<CoupleAnswer>& answers) {
    for (const auto& a : answers) {
        out += fmt::format("\n**{}**, {}:", md(who(a)), md(day_and_time(a.at)));
        out += a.text ? "\n\n" + md_block(*a.text, "> ") : " _" + md(std::string(waiting_words)) + "_\n";
    }
}

std::string render_markdown(const CoupleReport& r) {
    std::string out = fmt::format("# {}\n\n{}\n", md(title(r)), md(day_span(r.period.first, r.period.last)));
    if (!r.seeded) out += "\n" + md(std::string(no_seed_words)) + "\n";
    if (!r.days.empty()) out += "\n## The shared prompt of each day\n";
    for (const auto& d : r.days) {
        out += fmt::format("\n### {}\n\n", md(day_heading(d)));
        if (d.prompt_text && !d.notes.empty()) out += md(notes_words(d)) + "\n\n";
        out += d.prompt_text ? fmt::format("*{}*\n", md(*d.prompt_text))
                             : fmt::format("_{}_\n", md(std::string(held_back_words)));
        markdown_answers(out, d.answers);
        for (const auto& p : d.passes) out += fmt::format("\n_{}_\n", md(pass_words(p)));
    }
    if (r.empty()) return out + "\n" + std::string(nothing_shared) + "\n";
    if (!r.prompts.empty()) out += "\n## Other shared answers\n";
    for (const auto& p : r.prompts) {
        out += fmt::format("\n### {}\n\n*{}*\n", md(p.prompt_id), md(p.prompt_text));
        markdown_answers(out, p.answers);
    }
    if (!r.numbers.empty()) out += "\n## Shared check-in numbers\n\n";
    for (const auto& n : r.numbers)
        out += fmt::format("- {}, **{}**: {}\n", md(day_and_time(n.at)), md(who(n)), md(numbers_words(n)));
    if (!r.boundaries.empty()) out += "\n## Shared boundaries\n";
    for (const auto& b : r.boundaries) {
        out += fmt::format("\n**{}**: {} ({})\n\n", md(who(b)), md(b.text), md(boundary_kind(b)));
        for (const auto& e : b.events) out += fmt::format("- {}: {}\n", md(day_and_time(e.at)), e.event);
    }
    return out;
}

Json answers_json(const std::vector<CoupleAnswer>& answers) {
    Json array = Json::array();
    for (const auto& a : answers)
        array.push(Json::object()
                       .set("by", a.by)
                       .set("yours", a.yours)
                       .set("at", a.at)
                       .set("revealed", a.text.has_value())
                       .set("text", a.text ? Json(*a.text) : Json(nullptr)));
    return array;
}

Json passes_json(const std::vector<CouplePass>& passes) {
    Json array = Json::array();
    for (const auto& p : passes) array.push(Json::object().set("by", p.by).set("yours", p.yours).set("at", p.at));
    return array;
}

std::string render_json(const CoupleReport& r, tend::TimeStyle times) {
    Json days = Json::array();
    for (const auto& d : r.days) {
        Json notes = Json::array();
        for (const auto& note : d.notes) notes.push(note);
        days.push(Json::object()
                      .set("date", tend::format_day(d.day))
                      .set("prompt_id", d.prompt_id)
                      .set("deck", d.deck)
                      .set("depth", d.depth)
                      .set("notes", std::move(notes))
                      .set("held_back", !d.prompt_text)
                      .set("prompt_text", d.prompt_text ? Json(*d.prompt_text) : Json(nullptr))
                      .set("check_code", d.check_code)
                      .set("answers", answers_json(d.answers))
                      .set("passes", passes_json(d.passes)));
    }
    Json prompts = Json::array();
    for (const auto& p : r.prompts)
        prompts.push(Json::object()
                         .set("prompt_id", p.prompt_id)
                         .set("deck", p.deck)
                         .set("prompt_text", p.prompt_text)
                         .set("answers", answers_json(p.answers)));
    Json numbers = Json::array();
    for (const auto& n : r.numbers) {
        Json row = Json::object().set("by", n.by).set("yours", n.yours).set("at", n.at);
        for (std::size_t i = 0; i < n.values.size(); ++i)
            row.set(std::string(number_names[i]), n.values[i] ? Json(*n.values[i]) : Json(nullptr));
        numbers.push(std::move(row));
    }
    Json boundaries = Json::array();
    for (const auto& b : r.boundaries) {
        Json events = Json::array();
        for (const auto& e : b.events) events.push(Json::object().set("event", e.event).set("at", e.at));
        boundaries.push(Json::object()
                            .set("by", b.by)
                            .set("yours", b.yours)
                            .set("text", b.text)
                            .set("type", b.type ? Json(*b.type) : Json(nullptr))
                            .set("hard", b.hard)
                            .set("events", std::move(events)));
    }
    return Json::object()
               .set("schema", std::string(couple_json_schema))
               .set("period", Json::object()
                                  .set("label", r.period.label)
                                  .set("first", tend::format_day(r.period.first))
                                  .set("last", tend::format_day(r.period.last)))
               .set("you", r.you)
               .set("seeded", r.seeded)
               .set("days", std::move(days))
               .set("prompts", std::move(prompts))
               .set("numbers", std::move(numbers))
               .set("boundaries", std::move(boundaries))
               .dump({.times = times}) +
           "\n";
}

void html_answers(std::string& body, const std::vector<CoupleAnswer>& answers) {
    for (const auto& a : answers) {
        body += fmt::format("<p><strong>{}</strong>, {}:", h(who(a)), h(day_and_time(a.at)));
        body += a.text ? fmt::format("</p>\n<p class=\"words\">{}</p>\n", h(*a.text, true))
                       : fmt::format(" <span class=\"muted\">{}</span></p>\n", h(waiting_words));
    }
}

std::string render_html(const CoupleReport& r) {
    std::string body;
    if (!r.seeded) body += fmt::format("<p class=\"muted\">{}</p>\n", h(no_seed_words));
    if (!r.days.empty()) body += "<h2>The shared prompt of each day</h2>\n";
    for (const auto& d : r.days) {
        body += fmt::format("<section>\n<h3>{}</h3>\n", h(day_heading(d)));
        if (d.prompt_text && !d.notes.empty()) body += fmt::format("<p class=\"muted\">{}</p>\n", h(notes_words(d)));
        body += d.prompt_text ? fmt::format("<p class=\"prompt\">{}</p>\n", h(*d.prompt_text))
                              : fmt::format("<p class=\"muted\">{}</p>\n", h(held_back_words));
        html_answers(body, d.answers);
        for (const auto& p : d.passes) body += fmt::format("<p class=\"muted\">{}</p>\n", h(pass_words(p)));
        body += "</section>\n";
    }
    if (r.empty()) body += fmt::format("<p class=\"empty\">{}</p>\n", h(nothing_shared));
    if (!r.prompts.empty()) body += "<h2>Other shared answers</h2>\n";
    for (const auto& p : r.prompts) {
        body += fmt::format("<section>\n<h3>{}</h3>\n<p class=\"prompt\">{}</p>\n", h(p.prompt_id), h(p.prompt_text));
        html_answers(body, p.answers);
        body += "</section>\n";
    }
    if (!r.numbers.empty()) {
        body += "<h2>Shared check-in numbers</h2>\n<table>\n<tr><th>When</th><th>Who</th>";
        for (const auto name : number_names) body += fmt::format("<th>{}</th>", name);
        body += "</tr>\n";
        for (const auto& n : r.numbers) {
            body += fmt::format("<tr><td>{}</td><td>{}</td>", h(day_and_time(n.at)), h(who(n)));
            for (const auto& value : n.values)
                body += fmt::format("<td>{}</td>", value ? fmt::format("{}", *value) : "");
            body += "</tr>\n";
        }
        body += "</table>\n";
    }
    if (!r.boundaries.empty()) body += "<h2>Shared boundaries</h2>\n";
    for (const auto& b : r.boundaries) {
        body += fmt::format("<section>\n<p><strong>{}</strong>: {} <span class=\"muted\">({})</span></p>\n<ul>\n",
                            h(who(b)), h(b.text), h(boundary_kind(b)));
        for (const auto& e : b.events) body += fmt::format("<li>{}: {}</li>\n", h(day_and_time(e.at)), h(e.event));
        body += "</ul>\n</section>\n";
    }
    const std::string heading = h(title(r));
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n"
        "<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}}"
        ".muted,.empty{{color:#59636e}}.prompt{{font-style:italic}}"
        ".words{{white-space:pre-wrap;padding:.1rem .8rem;border-left:3px solid #d5dae0}}"
        "td,th{{padding:.2rem .6rem;text-align:right}}td:first-child,th:first-child,td:nth-child(2),th:nth-child(2)"
        "{{text-align:left}}@media print{{section{{break-inside:avoid}}}}</style>\n"
        "</head>\n<body>\n<h1>{}</h1>\n<p class=\"muted\">{}</p>\n{}</body>\n</html>\n",
        heading, heading, h(day_span(r.period.first, r.period.last)), body);
}

// RFC 4180: every cell quoted, quotes doubled; a person's words made harmless first.
std::string csv(std::string_view text) {
    std::string out = "\"";
    for (const char c : tend::neutralize(text, true)) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string render_csv(const CoupleReport& r) {
    std::string out =
        "date,at,kind,by,yours,prompt_id,prompt_text,text,mood,energy,anxiety,closeness,safety,check_code,held_back,"
        "event\n";
    const auto row_start = [](const tend::OffsetTime& at, std::string_view kind, const std::string& by, bool yours) {
        return fmt::format("{},{},{},{},{}", tend::format_day(at.day()), tend::format_rfc3339(at), kind, csv(by),
                           yours ? 1 : 0);
    };
    const auto answer_rows = [&](const std::vector<CoupleAnswer>& answers, const std::string& id,
                                 const std::string& text) {
        for (const auto& a : answers)
            out += row_start(a.at, "answer", a.by, a.yours) +
                   fmt::format(",{},{},{},,,,,,,,\n", csv(id), csv(text), a.text ? csv(*a.text) : "");
    };
    for (const auto& d : r.days) {
        out += fmt::format("{},,day,,,{},{},,,,,,,{},{},\n", tend::format_day(d.day), csv(d.prompt_id),
                           d.prompt_text ? csv(*d.prompt_text) : "", csv(d.check_code), d.prompt_text ? 0 : 1);
        answer_rows(d.answers, d.prompt_id, d.prompt_text.value_or(""));
        for (const auto& p : d.passes)
            out += row_start(p.at, "pass", p.by, p.yours) + fmt::format(",{},,,,,,,,,,\n", csv(d.prompt_id));
    }
    for (const auto& p : r.prompts) answer_rows(p.answers, p.prompt_id, p.prompt_text);
    for (const auto& n : r.numbers) {
        out += row_start(n.at, "numbers", n.by, n.yours) + ",,,";
        for (const auto& value : n.values) out += "," + (value ? fmt::format("{}", *value) : std::string());
        out += ",,,\n";
    }
    for (const auto& b : r.boundaries)
        for (const auto& e : b.events)
            out += row_start(e.at, "boundary", b.by, b.yours) +
                   fmt::format(",,,{},,,,,,,,{}\n", csv(b.text), csv(e.event));
    return out;
}

// Each day of the period up to today, with the shared prompt both partners' `prompt today`
// gives: the same function over the same pool (the shipped decks and the couple's), and this
// person's own [prompt] filters only to hold its words back, as `prompt today` does.
std::vector<CoupleDay> couple_days(const tend::Session& session, const tend::CoupleFolder& folder,
                                   const Period& period) {
    tend::Library library;
    library.add_couple_decks(folder.decks());
    for (const auto& skipped : library.skipped())
        session.warn(fmt::format("{}; this deck is left out of the shared prompts until it is fixed",
                                 tend::neutralize(skipped.problems.front().located())));
    const auto pool = tend::shared_pool(library);
    const tend::Filter own = tend::own_day_filter(session.config.prompt);
    const tend::LocalDay today = session.zone.day_of(session.now);
    std::vector<CoupleDay> days;
    for (tend::LocalDay day = period.first; day <= period.last && day <= today; day += date::days{1}) {
        const tend::SharedPick pick = tend::shared_prompt_of_the_day(pool, day, session.config.prompt.seed);
        if (!pick.card) break;
        const tend::Card& card = *pick.card;
        CoupleDay d{day, std::string(card.id), std::string(card.deck), card.depth, {}, std::nullopt, pick.code, {}, {}};
        for (const auto note : card.note_list()) d.notes.emplace_back(note);
        if (!tend::filter_miss(own, card)) d.prompt_text = std::string(card.text);
        days.push_back(std::move(d));
    }
    return days;
}

// The day an answer to `prompt_id` goes beside: the last day up to the answer's own whose shared
// prompt it is, else the first such day (an answer written the evening before); null for none.
CoupleDay* day_of_prompt(std::vector<CoupleDay>& days, std::string_view prompt_id, tend::LocalDay answered) {
    CoupleDay* found = nullptr;
    for (auto& d : days) {
        if (d.prompt_id != prompt_id) continue;
        if (found && d.day > answered) break;
        found = &d;
    }
    return found;
}

}  // namespace

bool CoupleReport::empty() const {
    return prompts.empty() && numbers.empty() && boundaries.empty() &&
           std::all_of(days.begin(), days.end(),
                       [](const CoupleDay& d) { return d.answers.empty() && d.passes.empty(); });
}

CoupleReport read_couple_report(const tend::Session& session, const Period& period) {
    const auto folder = tend::couple_folder(session);
    if (!folder)
        tend::usage_error(
            "--couple: there is no couple's folder; set [couple] dir in your config to the folder you and your "
            "partner sync (see 'man 7 tend')");
    const tend::Instant from = period_begin(period, session.zone);
    const tend::Instant to = period_end(period, session.zone);
    CoupleReport report;
    report.period = period;
    report.you = folder->name;
    report.seeded = !session.config.prompt.seed.empty();
    if (report.seeded) report.days = couple_days(session, *folder, period);

    std::set<std::string, std::less<>> answered_or_skipped;
    for (const auto& record :
         session.store(tend::prompt_format).read_range(from - date::days{366}, session.now + date::days{1})) {
        const auto entry = tend::read_prompt_entry(record);
        if (entry && (entry->event == tend::PromptEvent::answered || entry->event == tend::PromptEvent::skipped))
            answered_or_skipped.insert(entry->prompt_id);
    }
    for (const auto& shared : tend::shared_records(session, *folder, tend::shared_answer_format, from, to)) {
        tend::SharedAnswer copy = tend::read_shared_answer(shared.record);
        const std::string& id = copy.prompt_id;
        const bool yours = shared.by() == folder->name;
        const bool shown = yours || answered_or_skipped.contains(id);
        CoupleAnswer answer{shared.by(), yours, tend::record_at(shared.record),
                            shown ? std::optional(copy.text) : std::nullopt};
        if (CoupleDay* day = day_of_prompt(report.days, id, answer.at.day())) {
            day->answers.push_back(std::move(answer));
            continue;
        }
        auto it = std::find_if(report.prompts.begin(), report.prompts.end(),
                               [&](const CouplePrompt& p) { return p.prompt_id == id; });
        if (it == report.prompts.end()) {
            report.prompts.push_back({id, std::move(copy.deck), std::move(copy.prompt_text), {}});
            it = report.prompts.end() - 1;
        }
        it->answers.push_back(std::move(answer));
    }
    // A pass goes beside the day whose shared prompt it passed on; one whose prompt is no day's in the
    // period (the couple's decks changed since) has nothing to stand beside, and says nothing alone.
    for (const auto& shared : tend::shared_records(session, *folder, tend::shared_pass_format, from, to)) {
        const CouplePass pass{shared.by(), shared.by() == folder->name, tend::record_at(shared.record)};
        if (CoupleDay* day = day_of_prompt(report.days, tend::read_shared_pass(shared.record).prompt_id, pass.at.day()))
            day->passes.push_back(pass);
    }
    for (const auto& shared : tend::shared_records(session, *folder, tend::shared_numbers_format, from, to)) {
        report.numbers.push_back({shared.by(), shared.by() == folder->name, tend::record_at(shared.record),
                                  tend::read_shared_numbers(shared.record).values});
    }
    // Grouped by who shared it and its `of`, the same on all of a boundary's events.
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto& shared : tend::shared_records(session, *folder, tend::shared_boundary_format, from, to)) {
        tend::SharedBoundary copy = tend::read_shared_boundary(shared.record);
        const std::pair key{shared.by(), copy.of};
        auto it = std::find(keys.begin(), keys.end(), key);
        if (it == keys.end()) {
            keys.push_back(key);
            report.boundaries.push_back({shared.by(), shared.by() == folder->name, {}, {}, false, {}});
            it = keys.end() - 1;
        }
        CoupleBoundary& b = report.boundaries[static_cast<std::size_t>(it - keys.begin())];
        b.text = std::move(copy.text);
        b.type = std::move(copy.type);
        b.hard = copy.hard;
        b.events.push_back({std::move(copy.event), tend::record_at(shared.record)});
    }
    return report;
}

std::string render_couple(Format format, const CoupleReport& report, const tend::Style& style, tend::TimeStyle times) {
    switch (format) {
        case Format::text:
            return render_text(report, style);
        case Format::markdown:
            return render_markdown(report);
        case Format::json:
            return render_json(report, times);
        case Format::html:
            return render_html(report);
        case Format::csv:
            return render_csv(report);
    }
    return render_text(report, style);
}

}  // namespace report
