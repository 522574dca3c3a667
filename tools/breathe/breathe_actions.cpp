// What breathe's commands do: plain functions of options and a session.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <memory>
#include <ostream>

#include "breath_display.hpp"
#include "breath_terminal.hpp"
#include "breathe.hpp"
#include "breathe_record.hpp"
#include "breathing_pattern.hpp"
#include "error.hpp"
#include "exercise.hpp"
#include "exercise_display.hpp"
#include "json.hpp"
#include "safety.hpp"

namespace breathe {
using tend::Record;
using tend::Session;

namespace {

constexpr int settle_seconds = 3;

// Everything decided before the first breath.
struct Prepared {
    tend::BreathingPattern pattern;
    std::optional<tend::Exercise> exercise;  // instead of the pattern
    Plan plan;
    StepPlan steps;  // the exercise's
    std::optional<int> before;
};

std::optional<int> ask_rating(const Session& session, std::string_view when) {
    for (;;) {
        const auto answer = session.ask(
            fmt::format("How distressed do you feel {}, 0 (calm) to 10 (overwhelmed)? [Enter skips]: ", when));
        if (!answer) return std::nullopt;
        std::string text = *answer;
        std::erase_if(text, [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
        if (text.empty()) return std::nullopt;
        int value = -1;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc{} && end == text.data() + text.size() && value >= 0 && value <= 10) return value;
        session.note("A whole number from 0 to 10, please, or Enter to skip.");
    }
}

bool animated(const Session& session) {
    return session.io.out_tty && session.io.getenv("TERM").value_or("") != "dumb";
}

// UTF-8 block characters for the bar unless the locale says otherwise.
bool unicode_locale(const Session& session) {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        if (auto value = session.io.getenv_nonempty(name)) {
            std::string lower;
            for (char c : *value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
        }
    }
    return false;
}

constexpr std::string_view safe_breathing_note =
    "Breathe gently, never forcing it; if you feel dizzy or lightheaded, stop and breathe normally.";
constexpr std::string_view long_hold_caution = "Long holds: go gently, and breathe normally if you feel dizzy.";

// No session saved yet: the first time on a terminal brings the one-line safety note.
bool first_session(const Session& session) {
    return session.store(tend::breathe_format).read_latest(1).empty();
}

// The patterns, with a warning for each one of the person's that could not be used.
tend::PatternCatalog loaded_patterns(const Session& session) {
    auto catalog = tend::PatternCatalog::load(session.config.breathe, session.paths.config_file);
    for (const auto& problem : catalog.problems()) session.warn(problem + "; left out until it is fixed");
    return catalog;
}

Prepared prepare(const Options& options, const Session& session) {
    const auto& config = session.config.breathe;
    Prepared prepared;
    if (options.exercise) {
        const auto catalog = tend::ExerciseCatalog::load(config.exercises);
        const tend::Exercise& exercise = catalog.resolve(*options.exercise, "--exercise");
        prepared.exercise = options.minutes ? tend::scaled_to(exercise, *options.minutes) : exercise;
        for (const auto& step : prepared.exercise->steps) prepared.steps.steps.push_back(step.length);
    } else {
        const auto catalog = loaded_patterns(session);
        prepared.pattern = options.pattern ? catalog.resolve(*options.pattern, "--pattern") : catalog.default_pattern();
        prepared.plan.phases = prepared.pattern.phases;
        // A pattern with a length of its own (4-7-8: four breaths) keeps it unless one is asked for.
        if (options.cycles)
            prepared.plan.cycles = *options.cycles;
        else if (!options.minutes && prepared.pattern.default_cycles > 0)
            prepared.plan.cycles = prepared.pattern.default_cycles;
        else
            prepared.plan.cycles =
                cycles_for_minutes(options.minutes.value_or(config.minutes), prepared.pattern.cycle());
    }
    prepared.plan.settle_seconds = prepared.steps.settle_seconds = options.no_settle ? 0 : settle_seconds;

    const bool needs_questions = options.rate && !(options.before && options.after);
    if (needs_questions && !session.io.in_tty)
        tend::usage_error("--rate: asks on a terminal, and standard input is not one; give --before N and --after N");
    // A month file that does not parse stops us now, not after the exercise. A busy lock does
    // not: breathing is never blocked, and saving waits for the lock or keeps the record.
    if (!options.no_log) {
        try {
            session.store(tend::breathe_format).read_range(session.now, session.now);
        } catch (const tend::Error& e) {
            if (e.code() != tend::Exit::locked) throw;
        }
    }

    prepared.before = options.before;
    if (options.rate && !prepared.before) prepared.before = ask_rating(session, "right now");
    return prepared;
}

// The breaths (or steps) themselves. Without a display of its own, one plain line per phase or
// step: on stderr with --json, which keeps stdout for the record.
Outcome breathe_with(const Options& options, const Session& session, const Prepared& prepared, Devices& devices) {
    std::ostream& out = options.json ? session.io.err : session.io.out;
    PlainDisplay plain = prepared.exercise ? PlainDisplay(out, plain_step_lines(*prepared.exercise))
                                           : PlainDisplay(out, prepared.plan.phases);
    Display& display = devices.display ? *devices.display : plain;
    if (prepared.exercise)
        return run_exercise(prepared.steps, devices.clock, devices.keys, devices.pending_signal, display);
    return run_session(prepared.plan, devices.clock, devices.keys, devices.pending_signal, display);
}

std::string minutes_and_seconds(double seconds) {
    const auto whole = static_cast<long long>(std::llround(seconds));
    return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

std::string breaths(int count) {
    return fmt::format("{} breath{}", count, count == 1 ? "" : "s");
}

std::string steps(int count) {
    return fmt::format("{} step{}", count, count == 1 ? "" : "s");
}

// "3 breaths" or "3 steps", whichever the session was made of.
std::string units(const tend::BreatheEntry& entry, int count) {
    return entry.exercise ? steps(count) : breaths(count);
}

void say_how_it_went(const Session& session, const tend::BreatheEntry& entry, const Outcome& outcome,
                     const std::optional<std::string>& id) {
    std::string line;
    if (!entry.interrupted && entry.exercise)
        line = fmt::format("{}, all {}, {}.", tend::neutralize(*entry.exercise), steps(entry.cycles),
                           minutes_and_seconds(entry.seconds));
    else if (!entry.interrupted)
        line = fmt::format("{} of {}, {}.", breaths(entry.cycles), tend::neutralize(entry.pattern),
                           minutes_and_seconds(entry.seconds));
    else if (outcome.done_cycles == 0)
        line = entry.exercise ? "Stopped during the first step; that's all right."
                              : "Stopped before a whole breath; that's all right.";
    else
        line = fmt::format("Stopped after {} of {}, {}.", entry.cycles, units(entry, entry.planned_cycles),
                           minutes_and_seconds(entry.seconds));
    if (!id)
        line += " Not saved (--no-log).";
    else if (id->empty())
        line += " Kept safely until the data is free; the next tend command saves it.";
    else
        line += fmt::format(" Saved as {}.", *id);
    session.note(line);
}

void offer_grounding_if_needed(const Session& session, const tend::BreatheEntry& entry) {
    const int threshold = session.config.safety.threshold;
    const int worst = std::max(entry.before.value_or(-1), entry.after.value_or(-1));
    if (threshold > 0 && worst >= threshold)
        tend::print_grounding_line(session.io.err, session.config.safety, {tend::Moment::after_breathing});
}

int conclude(const Options& options, const Session& session, const Prepared& prepared, const Outcome& outcome) {
    tend::BreatheEntry entry;
    if (prepared.exercise) {
        entry.exercise = prepared.exercise->name;
    } else {
        entry.pattern = prepared.pattern.name;
        entry.spec = prepared.pattern.spec;
    }
    entry.planned_cycles = outcome.planned_cycles;
    entry.cycles = outcome.done_cycles;
    entry.seconds = std::chrono::duration<double>(outcome.breathing).count();
    entry.interrupted = outcome.interrupted();
    entry.before = prepared.before;
    entry.after = options.after;
    entry.worst_lateness_ms = std::chrono::duration<double, std::milli>(outcome.worst_lateness).count();
    // After Ctrl-C or a signal the person wants out: no more questions.
    if (options.rate && !entry.after && outcome.ending != Ending::signal && outcome.ending != Ending::output_failed)
        entry.after = ask_rating(session, "now");

    const auto elapsed = std::chrono::seconds{prepared.plan.settle_seconds} +
                         std::chrono::duration_cast<std::chrono::seconds>(outcome.breathing + outcome.paused);
    Record record = tend::new_record(session.now_here(), tend::in_zone(session.now + elapsed, session.zone));
    tend::write_breathe_entry(entry, record);

    std::optional<std::string> id;
    if (!options.no_log) {
        // A finished session is minutes of effort: a busy lock waits longer, then keeps it for later.
        id = "";  // kept in the pending room until a tend program gets the lock
        if (auto stored = session.save(tend::breathe_format, record, Session::Effort::minutes)) {
            record = std::move(*stored);
            id = tend::record_id(record);
        }
    }
    if (options.json) session.print_json(tend::record_to_json(record, tend::breathe_format));
    say_how_it_went(session, entry, outcome, id);
    offer_grounding_if_needed(session, entry);
    return 0;
}

std::string log_line(const Record& record, const tend::Style& style) {
    const tend::BreatheEntry entry = tend::read_breathe_entry(record);
    std::string line = fmt::format("{}  {}  {}", style.cyan(tend::record_id(record)),
                                   tend::format_local_minutes(tend::record_at(record).local()),
                                   style.bold(tend::neutralize(entry.name())));
    if (entry.exercise)
        line += " " + style.dim("exercise");
    else if (entry.pattern != entry.spec)
        line += " " + style.dim(tend::neutralize(entry.spec));
    if (entry.interrupted)
        line += fmt::format("  {} of {}, stopped", entry.cycles, units(entry, entry.planned_cycles));
    else
        line += "  " + units(entry, entry.cycles);
    line += "  " + minutes_and_seconds(entry.seconds);
    if (entry.before && entry.after)
        line += fmt::format("  distress {} → {}", *entry.before, *entry.after);
    else if (entry.before)
        line += fmt::format("  distress before {}", *entry.before);
    else if (entry.after)
        line += fmt::format("  distress after {}", *entry.after);
    return line;
}

}  // namespace

int run_with(const Options& options, const Session& session, Devices& devices) {
    const Prepared prepared = prepare(options, session);
    const Outcome outcome = breathe_with(options, session, prepared, devices);
    return conclude(options, session, prepared, outcome);
}

int session(const Options& options, const Session& session) {
    const Prepared prepared = prepare(options, session);
    const bool on_terminal = animated(session);
    const bool keys = on_terminal && session.io.in_tty;
    // From here to the log, signals only stop the session: it is always logged.
    SignalScope signals;
    SteadyClock clock;
    Outcome outcome;
    if (on_terminal) {
        if (!prepared.exercise && first_session(session)) session.note(safe_breathing_note);
        if (keys)
            session.note(session.err_style.dim(prepared.exercise ? "Space pauses, n moves on, q stops."
                                                                 : "Space pauses, q stops."));
        const TerminalLook look{options.bell, unicode_locale(session), session.out_style,
                                [] { return terminal_columns(STDOUT_FILENO); }};
        std::unique_ptr<Display> display;
        if (prepared.exercise)
            display = std::make_unique<ExerciseDisplay>(session.io.out, plain_step_lines(*prepared.exercise), look);
        else
            display = std::make_unique<TerminalDisplay>(session.io.out, prepared.plan.phases, look);
        TerminalGuard guard(STDIN_FILENO, session.io.out, keys);
        TerminalKeys key_source(keys ? STDIN_FILENO : -1, &guard);
        Devices devices{clock, key_source, SignalScope::pending, display.get()};
        outcome = breathe_with(options, session, prepared, devices);
    } else {
        TerminalKeys no_keys(-1, nullptr);
        Devices devices{clock, no_keys, SignalScope::pending};
        outcome = breathe_with(options, session, prepared, devices);
    }
    return conclude(options, session, prepared, outcome);
}

int list(const Options& options, const Session& session) {
    const auto catalog = loaded_patterns(session);
    const auto exercises = tend::ExerciseCatalog::load(session.config.breathe.exercises);
    const std::string& default_name = catalog.default_pattern().name;
    if (options.json) {
        tend::Json array = tend::Json::array();
        for (const auto& pattern : catalog.patterns())
            array.push(tend::Json::object()
                           .set("kind", "pattern")
                           .set("name", pattern.name)
                           .set("spec", pattern.spec)
                           .set("breaths_per_minute", std::round(pattern.breaths_per_minute() * 100) / 100)
                           .set("description", pattern.description)
                           .set("built_in", pattern.built_in)
                           .set("caution", pattern.has_long_hold() ? std::string(long_hold_caution) : std::string())
                           .set("default", pattern.name == default_name));
        for (const auto& exercise : exercises.exercises())
            array.push(tend::Json::object()
                           .set("kind", "exercise")
                           .set("name", exercise.name)
                           .set("steps", static_cast<int>(exercise.steps.size()))
                           .set("seconds", std::chrono::duration<double>(exercise.length()).count())
                           .set("description", exercise.description)
                           .set("built_in", exercise.built_in));
        session.print_json(array);
        return 0;
    }
    std::size_t name_width = 0, spec_width = 0;
    for (const auto& pattern : catalog.patterns()) {
        name_width = std::max(name_width, tend::display_width(pattern.name));
        spec_width = std::max(spec_width, pattern.spec.size());
    }

    const tend::Style& style = session.out_style;
    for (const auto& pattern : catalog.patterns()) {
        const std::string name = tend::neutralize(pattern.name);
        std::string description =
            pattern.built_in ? pattern.description : std::string("Your own, from [breathe.patterns] in your config.");
        if (pattern.name == default_name) description += " (default)";
        if (pattern.has_long_hold()) description += " " + std::string(long_hold_caution);
        session.io.out << style.bold(name) << std::string(name_width - tend::display_width(name) + 2, ' ')
                       << fmt::format("{:<{}}  {:>4.1f}/min  ", pattern.spec, spec_width, pattern.breaths_per_minute())
                       << tend::neutralize(description) << '\n';
    }
    session.io.out << "\nExercises, for --exercise NAME:\n";
    name_width = 0;
    for (const auto& exercise : exercises.exercises())
        name_width = std::max(name_width, tend::display_width(tend::neutralize(exercise.name)));
    for (const auto& exercise : exercises.exercises()) {
        const std::string name = tend::neutralize(exercise.name);
        const std::string description = exercise.built_in || !exercise.description.empty()
                                            ? exercise.description
                                            : std::string("Your own, from [breathe.exercises] in your config.");
        const auto seconds = std::chrono::duration<double>(exercise.length()).count();
        session.io.out << style.bold(name) << std::string(name_width - tend::display_width(name) + 2, ' ')
                       << fmt::format("{:<9} {:>5}  ", steps(static_cast<int>(exercise.steps.size())),
                                      minutes_and_seconds(seconds))
                       << tend::neutralize(description) << '\n';
    }
    return 0;
}

int log(const Options& options, const Session& session) {
    const auto& filter = options.log;
    const auto store = session.store(tend::breathe_format);
    const auto until = [&] {
        return filter.until
                   ? tend::parse_human_time(*filter.until, "--until", session.now, session.zone, tend::DayMeaning::end)
                   : session.now + std::chrono::hours{24 * 366};
    };
    std::vector<Record> records;
    if (filter.since) {
        const tend::Instant from =
            tend::parse_human_time(*filter.since, "--since", session.now, session.zone, tend::DayMeaning::start);
        const tend::Instant to = until();
        if (to < from) tend::usage_error("--until: comes before --since");
        records = store.read_range(from, to);
    } else {
        // Without --since, read back only as many months as --last needs.
        records =
            store.read_latest(filter.last && !filter.until ? *filter.last : std::numeric_limits<std::size_t>::max());
        std::reverse(records.begin(), records.end());
        const tend::Instant to = until();
        std::erase_if(records, [&](const Record& r) { return tend::record_at(r).instant > to; });
    }
    if (filter.last && records.size() > *filter.last)
        records.erase(records.begin(), records.end() - static_cast<std::ptrdiff_t>(*filter.last));

    if (options.json) {
        tend::Json array = tend::Json::array();
        for (const auto& record : records) array.push(tend::record_to_json(record, tend::breathe_format));
        session.print_json(array);
        return 0;
    }
    if (records.empty()) {
        session.note(filter.since || filter.until ? "No breathing sessions in that time."
                                                  : "No breathing sessions here yet. 'breathe' starts one.");
        return 0;
    }
    for (const auto& record : records) session.io.out << log_line(record, session.out_style) << '\n';
    return 0;
}

}  // namespace breathe
