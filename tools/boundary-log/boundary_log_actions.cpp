// What boundary-log's commands do: plain functions of options and a session.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <ostream>

#include "boundary_log.hpp"
#include "boundary_record.hpp"
#include "boundary_summary.hpp"
#include "couple.hpp"
#include "error.hpp"
#include "feelings.hpp"
#include "input.hpp"
#include "json.hpp"
#include "safety.hpp"

namespace boundary_log {
using tend::BoundaryEvent;
using tend::BoundaryState;
using tend::Record;
using tend::Session;

namespace {

constexpr std::int64_t max_number = 1'000'000'000;

// The events whose counts list and show give, in this order.
constexpr std::array counted_events{BoundaryEvent::held,     BoundaryEvent::tested,   BoundaryEvent::crossed,
                                    BoundaryEvent::violated, BoundaryEvent::repaired, BoundaryEvent::renegotiated};

// Text that must say something: trimmed, and not empty (`ask` says what is missing).
std::string checked_wording(std::string_view text, std::string_view flag, std::string_view ask) {
    std::string wording = tend::checked_text(tend::trimmed(text), flag);
    if (wording.empty()) tend::usage_error(fmt::format("{}: empty; {}", flag, ask));
    return wording;
}

std::string checked_type(const std::string& typed) {
    const std::string type = tend::normalize_word(typed);
    if (!tend::is_boundary_type(type))
        tend::usage_error(fmt::format("--type: '{}' is not a boundary type; use {}", tend::neutralize(typed),
                                      fmt::join(tend::boundary_types, ", ")));
    return type;
}

std::string checked_with(const std::string& typed) {
    return checked_wording(typed, "--with", "say who or what it is with, e.g. partner or work");
}

std::int64_t parse_number(const std::string& typed) {
    std::string_view text = typed;
    if (text.starts_with('#')) text.remove_prefix(1);
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || number < 1 || number > max_number)
        tend::usage_error(
            fmt::format("'{}' is not a boundary number; 'boundary-log list' shows them", tend::neutralize(typed)));
    return number;
}

std::optional<std::string> note_of(const Options& options, const Session& session) {
    if (!options.note) return std::nullopt;
    std::string note = tend::typed_text(session, *options.note, "--note");
    if (tend::trimmed(note).empty()) return std::nullopt;
    return note;
}

// A new record of the event, with the common fields; its own go in with write_boundary_entry().
Record new_record(const Options& options, const Session& session) {
    const tend::Instant at =
        options.at ? tend::past_time(session, *options.at, "--at", "log what has already happened") : session.now;
    return tend::new_record(tend::in_zone(at, session.zone), session.now_here());
}

std::vector<BoundaryState> read_boundaries(const Session& session) {
    // read_latest gives newest first, the last written first among equal times; reversed, events
    // of the same second stay in the order they were logged.
    auto records = session.store(tend::boundary_format).read_latest(std::numeric_limits<std::size_t>::max());
    std::reverse(records.begin(), records.end());
    return tend::derive_boundaries(std::move(records));
}

// The boundary with this number; a usage error when there is none.
const BoundaryState& found_boundary(const std::vector<BoundaryState>& states, std::int64_t number) {
    const BoundaryState* state = tend::find_boundary(states, number);
    if (!state) tend::usage_error(fmt::format("no boundary {}; 'boundary-log list --all' shows them", number));
    return *state;
}

// The boundary an event is about, when it can take one at `at`; a usage error otherwise.
const BoundaryState& loggable(const std::vector<BoundaryState>& states, std::int64_t number, tend::Instant at) {
    const BoundaryState& state = found_boundary(states, number);
    if (state.retired)
        tend::usage_error(
            fmt::format("boundary {} is retired, so it takes no new events; 'boundary-log show {}' "
                        "has its history",
                        number, number));
    if (at < state.added.instant)
        tend::usage_error(fmt::format("--at: {} is before boundary {} was set ({})",
                                      tend::format_local_minutes(tend::OffsetTime{at, state.added.offset}.local()),
                                      number, tend::format_local_minutes(state.added.local())));
    return state;
}

tend::Json optional_json(const std::optional<std::string>& value) {
    return value ? tend::Json(*value) : tend::Json(nullptr);
}

tend::Json state_json(const BoundaryState& state) {
    tend::Json counts = tend::Json::object();
    for (const auto event : counted_events) counts.set(std::string(tend::event_name(event)), state.count(event));
    return tend::Json::object()
        .set("boundary", state.number)
        .set("text", state.text)
        .set("type", optional_json(state.type))
        .set("with", optional_json(state.with))
        .set("hard", state.hard)
        .set("if_crossed", optional_json(state.if_crossed))
        .set("added", state.added)
        .set("retired", state.retired)
        .set("last_event", std::string(tend::event_name(state.last_event)))
        .set("last_at", state.last_at)
        .set("counts", std::move(counts));
}

std::string kind_line(const BoundaryState& state) {
    std::vector<std::string> parts;
    if (state.type) parts.push_back(tend::neutralize(*state.type));
    if (state.with) parts.push_back("with " + tend::neutralize(*state.with));
    parts.emplace_back(state.hard ? "hard" : "soft");
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string counts_text(const BoundaryState& state, std::size_t how_many) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < how_many; ++i)
        parts.push_back(fmt::format("{} {}", tend::event_name(counted_events[i]), state.count(counted_events[i])));
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string heading(const BoundaryState& state, const tend::Style& style, std::size_t width) {
    std::string line = fmt::format("{}  {}", style.cyan(fmt::format("{:>{}}", state.number, width)),
                                   style.bold(tend::neutralize(state.text)));
    if (state.retired) line += "  " + style.dim("(retired)");
    return line;
}

std::string event_line(const Record& record, const tend::Style& style) {
    const tend::BoundaryEntry entry = tend::read_boundary_entry(record);
    std::vector<std::string> details;
    if (entry.text)
        details.push_back((entry.event == BoundaryEvent::renegotiated ? "now: " : "") + tend::neutralize(*entry.text));
    if (entry.intensity) details.push_back(fmt::format("intensity {}", *entry.intensity));
    if (entry.note) details.push_back(style.dim(tend::neutralize(*entry.note)));
    const std::string name{tend::event_name(entry.event)};
    const std::string when = tend::format_local_minutes(tend::record_at(record).local());
    if (details.empty()) return fmt::format("{}  {}", when, name);
    return fmt::format("{}  {:<12}  {}", when, name, fmt::join(details, "; "));
}

std::size_t number_width(const std::vector<BoundaryState>& states) {
    std::size_t width = 1;
    for (const auto& state : states) width = std::max(width, fmt::format("{}", state.number).size());
    return width;
}

// What an event's confirmation says, indexed by BoundaryEvent; {0} is the number.
constexpr std::array<std::string_view, 8> logged_messages{
    "Boundary {0} is set.",
    "Logged: boundary {0} held.",
    "Logged: boundary {0} was tested.",
    "Logged: boundary {0} was crossed.",
    "Logged: boundary {0} was violated.",
    "Logged: boundary {0} was repaired.",
    "Logged: boundary {0} is renegotiated.",
    "Boundary {0} is retired; 'boundary-log show {0}' keeps its history.",
};

// A violation always brings the grounding message, in words that name it as someone else's
// act; any other event does when its intensity reaches the threshold. A boundary held at full
// strength is not distress: it gets one kind line instead.
void offer_grounding_if_needed(const Session& session, BoundaryEvent event, const Record& stored,
                               std::optional<int> intensity) {
    const int threshold = session.config.safety.threshold;
    const bool intense = threshold > 0 && intensity && *intensity >= threshold;
    if (event != BoundaryEvent::violated && !intense) return;
    if (event == BoundaryEvent::held) {
        session.note("Holding that took a lot. Go gently with yourself for a while.");
        return;
    }
    tend::Grounding grounding;
    grounding.moment = event == BoundaryEvent::violated ? tend::Moment::violated : tend::Moment::distress;
    grounding.past = !tend::is_about_now(tend::record_at(stored).instant, session.now);
    tend::print_grounding_line(session.io.err, session.config.safety, grounding);
}

// The boundary whose number the person typed (ID), as it stands.
BoundaryState named_boundary(const Options& options, const Session& session) {
    const auto states = read_boundaries(session);
    return found_boundary(states, parse_number(options.id));
}

// An event as its shared copy has it: the event, `of` (its boundary's added record) and the
// boundary as it stood then (`wording`, type, hard); never a note, intensity, with or
// if_crossed.
Record shareable(const Record& event, const BoundaryState& state, const std::string& wording) {
    Record view;
    view.insert_or_assign("id", tend::record_id(event));
    view.insert_or_assign("at", *event.get("at"));
    view.insert_or_assign("event", std::string(tend::event_name(tend::read_boundary_entry(event).event)));
    view.insert_or_assign("of", tend::record_id(state.events.front()));
    view.insert_or_assign("text", wording);
    if (state.type) view.insert_or_assign("type", *state.type);
    view.insert_or_assign("hard", state.hard);
    return view;
}

// Every event of a boundary, oldest first, as shared copies: each with the wording it had then.
std::vector<Record> shareable_events(const BoundaryState& state) {
    std::vector<Record> views;
    std::string wording;
    for (const auto& event : state.events) {
        const tend::BoundaryEntry entry = tend::read_boundary_entry(event);
        if (entry.event == BoundaryEvent::added || entry.event == BoundaryEvent::renegotiated)
            wording = entry.text.value_or("");
        views.push_back(shareable(event, state, wording));
    }
    return views;
}

// An event just logged on a boundary that is shared goes to the couple's folder too. The event
// is saved already, so trouble here is a warning, never a lost event.
void share_if_shared(const Session& session, const BoundaryState& state, const Record& stored, bool quiet) {
    const auto folder = tend::couple_folder(session);
    if (!folder) return;
    try {
        if (!tend::is_shared(session, *folder, tend::shared_boundary_format, tend::record_id(state.events.front())))
            return;
        const std::string wording = tend::read_boundary_entry(stored).text.value_or(state.text);
        if (tend::share_record(session, *folder, tend::shared_boundary_format, shareable(stored, state, wording),
                               tend::shared_boundary_keys) &&
            !quiet)
            session.note(
                fmt::format("Boundary {} is shared, so your partner sees this too (its kind and time{}; "
                            "never your note or intensity).",
                            state.number, stored.contains("text") ? ", and the new wording" : ""));
    } catch (const tend::Error& e) {
        session.warn(
            fmt::format("the event is saved, but its copy could not reach the couple's folder ({})", e.what()));
    }
}

}  // namespace

int add(const Options& options, const Session& session) {
    if (options.add.hard && options.add.soft) tend::usage_error("--hard and --soft: choose one");
    // Checked before anything is written: a share with nowhere to go is a usage error.
    const auto folder = options.share ? std::optional(tend::required_couple_folder(session, "--share")) : std::nullopt;
    const std::string wording = checked_wording(fmt::format("{}", fmt::join(options.add.words, " ")), "TEXT",
                                                "say the boundary in a few words of your own");
    Record record = new_record(options, session);
    tend::BoundaryEntry entry;
    entry.text = wording;
    if (options.add.type) entry.type = checked_type(*options.add.type);
    if (options.add.with) entry.with = checked_with(*options.add.with);
    entry.hard = options.add.hard;
    if (options.add.if_crossed)
        entry.if_crossed = checked_wording(*options.add.if_crossed, "--if-crossed", "say what you will do");
    entry.note = note_of(options, session);

    // The number is taken in the transaction that writes it, seeing every record, so two
    // writers at once never share one and a retired boundary's number is never reused.
    tend::Transaction t = session.transaction();
    entry.boundary = tend::next_boundary_number(t.all(tend::boundary_format));
    tend::write_boundary_entry(entry, record);
    const Record stored = t.append(tend::boundary_format, std::move(record));
    t.set_last(tend::boundary_format, tend::record_id(stored));
    t.commit();
    const std::int64_t number = entry.boundary;
    if (options.json)
        session.print_json(tend::record_to_json(stored, tend::boundary_format));
    else
        session.io.out << number << '\n';
    if (!options.quiet)
        session.note(fmt::format(
            "Boundary {} is set. 'boundary-log held {}' (or tested, crossed, ...) logs how it goes.", number, number));
    if (folder) {
        const auto states = tend::derive_boundaries({stored});
        if (tend::share_records(session, *folder, tend::shared_boundary_format, shareable_events(states.front()),
                                tend::shared_boundary_keys) > 0 &&
            !options.quiet)
            session.note(fmt::format("Shared it with your partner; 'boundary-log unshare {}' takes it back.", number));
    }
    return 0;
}

int log_event(const Options& options, const Session& session) {
    const BoundaryEvent event = options.event;
    const std::int64_t number = parse_number(options.id);
    if (event == BoundaryEvent::renegotiated && !options.values.text)
        tend::usage_error("renegotiated: give the new wording with --text TEXT");
    Record record = new_record(options, session);
    tend::BoundaryEntry entry;
    entry.event = event;
    entry.boundary = number;

    // Checked once before anything is written or read from stdin, and again under the lock.
    const auto states = read_boundaries(session);
    const BoundaryState& before = loggable(states, number, tend::record_at(record).instant);

    if (options.values.text) {
        // '-' reads the new wording from standard input, as --note does; only one of them can.
        if (*options.values.text == "-" && options.note && *options.note == "-")
            tend::usage_error("--text - and --note - both ask for standard input; give one of them as text");
        const std::string typed = tend::typed_text(session, *options.values.text, "--text");
        entry.text = checked_wording(typed, "--text", "give the new wording");
    }
    entry.intensity = options.values.intensity;
    entry.note = note_of(options, session);

    tend::Transaction t = session.transaction();
    const auto now_states = tend::derive_boundaries(t.all(tend::boundary_format));
    const BoundaryState& state = loggable(now_states, number, tend::record_at(record).instant);
    // Named by its `added` record too, which stays the same when its number is shown anew.
    entry.of = tend::record_id(state.events.front());
    tend::write_boundary_entry(entry, record);
    const Record stored = t.append(tend::boundary_format, std::move(record));
    t.set_last(tend::boundary_format, tend::record_id(stored));
    t.commit();

    if (options.json) session.print_json(tend::record_to_json(stored, tend::boundary_format));
    if (!options.quiet) {
        session.note(fmt::format(fmt::runtime(logged_messages[static_cast<std::size_t>(event)]), number));
        if (event == BoundaryEvent::renegotiated)
            session.note("  It now reads: " + tend::neutralize(entry.text.value_or("")));
        // After a violation the plan is the person's own support, never a duty they failed.
        if (event == BoundaryEvent::crossed && before.if_crossed)
            session.note("  What you said you'd do: " + tend::neutralize(*before.if_crossed));
        if (event == BoundaryEvent::violated && before.if_crossed)
            session.note("  What you planned for yourself, if it helps now: " + tend::neutralize(*before.if_crossed));
    }
    share_if_shared(session, state, stored, options.quiet);
    offer_grounding_if_needed(session, event, stored, options.values.intensity);
    return 0;
}

int list(const Options& options, const Session& session) {
    const auto& filter = options.list;
    const std::optional<std::string> type = filter.type ? std::optional(checked_type(*filter.type)) : std::nullopt;
    const std::optional<std::string> with =
        filter.with ? std::optional(tend::normalize_word(*filter.with)) : std::nullopt;
    auto t = session.store(tend::boundary_format).read_transaction();
    std::size_t set = 0;
    auto states = t ? tend::listed_boundaries(*t, session.cache_file("boundaries"), filter.all, &set)
                    : std::vector<BoundaryState>{};
    const bool any = set > 0;
    std::erase_if(states, [&](const BoundaryState& state) {
        return (type && state.type != type) || (with && (!state.with || tend::normalize_word(*state.with) != *with));
    });

    if (options.json) {
        tend::Json array = tend::Json::array();
        for (const auto& state : states) array.push(state_json(state));
        session.print_json(array);
        return 0;
    }
    if (states.empty()) {
        if (!any)
            session.note("No boundaries yet. 'boundary-log add \"...\"' sets one, in your own words.");
        else if (type || with)
            session.note("No boundaries match.");
        else
            session.note("No active boundaries. 'boundary-log list --all' shows the retired ones.");
        return 0;
    }
    const tend::Style& style = session.out_style;
    const std::size_t width = number_width(states);
    const std::string indent(width + 2, ' ');
    for (std::size_t i = 0; i < states.size(); ++i) {
        const BoundaryState& state = states[i];
        if (i) session.io.out << '\n';
        session.io.out << heading(state, style, width) << '\n'
                       << indent << kind_line(state) << '\n'
                       << indent
                       << style.dim(fmt::format("last {} {}; ", tend::event_name(state.last_event),
                                                tend::format_local_minutes(state.last_at.local())))
                       << counts_text(state, 4) << '\n';
    }
    return 0;
}

int show(const Options& options, const Session& session) {
    const std::int64_t number = parse_number(options.id);
    const auto states = read_boundaries(session);
    const BoundaryState& state = found_boundary(states, number);

    if (options.json) {
        tend::Json events = tend::Json::array();
        for (const auto& record : state.events) events.push(tend::record_to_json(record, tend::boundary_format));
        tend::Json object = state_json(state);
        object.set("events", std::move(events));
        session.print_json(object);
        return 0;
    }
    const tend::Style& style = session.out_style;
    const std::size_t width = std::to_string(state.number).size();
    const std::string indent(width + 2, ' ');
    auto& out = session.io.out;
    out << heading(state, style, width) << '\n' << indent << kind_line(state) << '\n';
    if (state.if_crossed) out << indent << "if crossed: " << tend::neutralize(*state.if_crossed) << '\n';
    if (state.set_as)
        out << indent
            << fmt::format("set as {} on another device before the two synced; {} was taken, so it is {} now",
                           *state.set_as, *state.set_as, state.number)
            << '\n';
    out << indent << counts_text(state, counted_events.size()) << "\n\n";
    for (const auto& record : state.events) out << indent << event_line(record, style) << '\n';
    return 0;
}

int undo(const Options& options, const Session& session) {
    const auto nothing = [&] {
        session.note("There is nothing to undo.");
        return 1;
    };
    if (!session.store(tend::boundary_format).has_records()) return nothing();
    // One transaction: what was logged last is found, taken out, and the rest checked to still
    // add up, before anything is written.
    tend::Transaction t = session.transaction();
    const auto id = t.last(tend::boundary_format);
    const auto found = id ? t.find(tend::boundary_format, *id) : std::nullopt;
    if (!found) return nothing();
    // Read before anything changes: an event this version does not know is refused untouched.
    const tend::BoundaryEntry taken = tend::read_boundary_entry(found->record);
    t.replace(tend::boundary_format, *id, std::nullopt);
    (void)tend::derive_boundaries(t.all(tend::boundary_format));
    t.set_last(tend::boundary_format, std::nullopt);
    // Its shared copy goes first: should the rest fail, nothing taken back lives on with a partner.
    const bool was_shared =
        tend::follow_change(session, tend::shared_boundary_format, *id, std::nullopt, tend::shared_boundary_keys) > 0;
    t.commit();
    if (was_shared && !options.quiet) session.note("Its shared copy is gone from the couple's folder too.");
    if (!options.quiet) {
        session.note(
            taken.event == BoundaryEvent::added
                ? fmt::format("Undone: boundary {} is taken back, as if it had never been set.", taken.boundary)
                : fmt::format("Undone: the '{}' logged for boundary {} at {} is taken back.",
                              tend::event_name(taken.event), taken.boundary,
                              tend::format_local_minutes(tend::record_at(found->record).local())));
    }
    return 0;
}

int share(const Options& options, const Session& session) {
    const auto folder = tend::required_couple_folder(session, "share");
    const BoundaryState state = named_boundary(options, session);
    const std::int64_t number = state.number;
    const std::size_t shared = tend::share_records(session, folder, tend::shared_boundary_format,
                                                   shareable_events(state), tend::shared_boundary_keys);
    if (options.quiet) return 0;
    if (shared == 0) {
        session.note(fmt::format("Boundary {} is shared already.", number));
        return 0;
    }
    session.note(fmt::format(
        "Shared boundary {} with your partner: its wording, type, and the kind and time of its events, now and as you "
        "log them; never your notes, intensities, who it is with or what you plan if it is crossed. "
        "'boundary-log unshare {}' takes it back.",
        number, number));
    return 0;
}

int unshare(const Options& options, const Session& session) {
    const auto folder = tend::required_couple_folder(session, "unshare");
    const BoundaryState state = named_boundary(options, session);
    const std::int64_t number = state.number;
    // From whichever of this person's devices shared its events: the device store's rule takes
    // them back.
    tend::Transaction t = tend::couple_transaction(session, folder);
    std::vector<tend::SharedCopy> taken;
    for (const auto& event : state.events)
        for (auto& copy : tend::withdraw(session, t, tend::shared_boundary_format, tend::record_id(event)))
            taken.push_back(std::move(copy));
    t.commit();
    if (options.quiet) return 0;
    if (taken.empty()) {
        session.note(fmt::format("Boundary {} is not shared; nothing to take back.", number));
        return 0;
    }
    tend::note_taken_back(session, folder, taken, fmt::format("boundary {} (it stays in your own log)", number));
    return 0;
}

}  // namespace boundary_log
