// What checkin's commands do: plain functions of options and a session.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <ostream>
#include <sstream>

#include "checkin.hpp"
#include "couple.hpp"
#include "checkin_record.hpp"
#include "editor.hpp"
#include "error.hpp"
#include "feelings.hpp"
#include "input.hpp"
#include "files.hpp"
#include "json.hpp"
#include "safety.hpp"

namespace checkin {
using tend::Record;
using tend::Session;

namespace {

// Letters of any script, digits, spaces, hyphens and apostrophes: what a feeling is named with.
bool is_feeling_word(const std::string& word) {
    if (!tend::is_valid_utf8(word) || word.size() > 64 || tend::neutralize(word) != word) return false;
    const auto letter = [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
    };
    return std::any_of(word.begin(), word.end(), letter) && std::all_of(word.begin(), word.end(), [](char c) {
               const auto byte = static_cast<unsigned char>(c);
               return byte >= 0x80 || std::isalnum(byte) || c == '-' || c == '\'' || c == ' ';
           });
}

// The words as the person wrote them (trimmed, lower case). A word tend does not know is the
// person's own and is kept as it is, never swapped for a near one (which may be its opposite:
// "unsafe" is one letter from "safe"); `own` collects them for a one-line hint.
std::vector<std::string> checked_feelings(const std::vector<std::string>& typed, const Session& session,
                                          std::vector<std::string>* own = nullptr) {
    const auto vocabulary = tend::FeelingVocabulary::shipped(session.config.checkin.feelings);
    std::vector<std::string> words;
    for (const auto& raw : typed) {
        const std::string word = tend::normalize_word(raw);
        if (word.empty()) continue;
        if (!is_feeling_word(word))
            tend::usage_error(
                fmt::format("--feel: '{}' is not a word; use up to 64 characters of letters, digits, "
                            "spaces, hyphens and apostrophes",
                            tend::neutralize(word)));
        if (std::find(words.begin(), words.end(), word) != words.end()) continue;
        words.push_back(word);
        if (own && !vocabulary.group_of(word)) own->push_back(word);
    }
    return words;
}

// One line for the words kept as the person's own.
void hint_own_words(const Session& session, const std::vector<std::string>& own) {
    if (own.empty()) return;
    std::vector<std::string> quoted;
    for (const auto& word : own) quoted.push_back("'" + tend::neutralize(word) + "'");
    session.note(
        fmt::format("Kept {} as your own word{}, just as you wrote {}; 'checkin feelings' lists tend's, "
                    "and [checkin] feelings in your config can hold yours.",
                    fmt::join(quoted, ", "), own.size() == 1 ? "" : "s", own.size() == 1 ? "it" : "them"));
}

std::vector<std::string> checked_tags(const std::vector<std::string>& typed) {
    std::vector<std::string> tags;
    for (const auto& raw : typed) {
        const std::string tag = tend::normalize_word(raw);
        if (tag.empty()) continue;
        if (!tend::is_valid_utf8(tag) || tag.size() > 64 || tend::neutralize(tag) != tag)
            tend::usage_error(
                fmt::format("--tag: '{}' is not a tag; use up to 64 characters of plain text", tend::neutralize(tag)));
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    }
    return tags;
}

// Writes the values that were given into a check-in, checking each on the way. Blank words
// and notes are nothing, not empty values.
void apply_values(const EntryValues& values, tend::CheckinEntry& entry, const Session& session) {
    for (std::size_t i = 0; i < values.ratings.size(); ++i)
        if (const auto& rating = values.ratings[i]) entry.ratings[i] = *rating;
    if (!values.feelings.empty()) {
        std::vector<std::string> own;
        entry.feelings = checked_feelings(values.feelings, session, &own);
        hint_own_words(session, own);
    }
    if (!values.tags.empty()) entry.tags = checked_tags(values.tags);
    if (values.note && values.edit_note) tend::usage_error("--edit-note: give the note one way, not with --note too");
    if (values.note) {
        std::string note = tend::typed_text(session, *values.note, "--note");
        entry.note = tend::trimmed(note).empty() ? std::nullopt : std::optional(std::move(note));
    }
    if (values.edit_note) {
        std::string note = tend::edit_text(session, "--edit-note", entry.note.value_or(std::string{}));
        entry.note = note.empty() ? std::nullopt : std::optional(tend::checked_text(std::move(note), "--edit-note"));
    }
}

// The values given, and the time when one was given, into a check-in's record.
void apply_values(const EntryValues& values, Record& record, const Session& session) {
    tend::CheckinEntry entry = tend::read_checkin_entry(record);
    apply_values(values, entry, session);
    tend::write_checkin_entry(entry, record);
    if (values.at)
        record.insert_or_assign(
            "at",
            tend::to_toml(tend::in_zone(
                tend::past_time(session, *values.at, "--at", "a check-in is about now or the past"), session.zone)));
}

// Empties the field --clear names in a check-in; false when there is no such field.
bool clear_field(tend::CheckinEntry& entry, std::string_view name) {
    if (name == "feelings")
        entry.feelings.clear();
    else if (name == "tags")
        entry.tags.clear();
    else if (name == "note")
        entry.note.reset();
    else if (auto* dimension = std::find_if(tend::checkin_dimensions.begin(), tend::checkin_dimensions.end(),
                                            [&](const tend::Dimension& d) { return d.name == name; });
             dimension != tend::checkin_dimensions.end())
        entry.ratings[static_cast<std::size_t>(dimension - tend::checkin_dimensions.begin())].reset();
    else
        return false;
    return true;
}

std::optional<int> ask_number(const Session& session, const tend::Dimension& dimension) {
    for (;;) {
        auto answer = session.ask(fmt::format("{} [Enter skips]: ", dimension.question));
        if (!answer) throw tend::ExitRequest{tend::Exit::ok};
        const std::string text = tend::normalize_word(*answer);
        if (text.empty()) return std::nullopt;
        int value = -1;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc{} && end == text.data() + text.size() && value >= 0 && value <= 10) return value;
        session.note("A whole number from 0 to 10, please, or Enter to skip.");
    }
}

// Questions on a terminal when no values were given; Enter skips any of them.
EntryValues ask_values(const Session& session) {
    session.note("How are you right now? Answer what you like; Enter skips a question, Ctrl-D stops.");
    EntryValues values;
    for (std::size_t i = 0; i < values.ratings.size(); ++i)
        values.ratings[i] = ask_number(session, tend::checkin_dimensions[i]);
    for (;;) {
        auto answer = session.ask("Feelings, comma-separated ('?' lists them) [Enter skips]: ");
        if (!answer) throw tend::ExitRequest{tend::Exit::ok};
        if (tend::normalize_word(*answer) == "?") {
            feelings(Options{}, session);
            continue;
        }
        std::vector<std::string> words;
        std::stringstream stream(*answer);
        for (std::string word; std::getline(stream, word, ',');) words.push_back(word);
        try {
            std::vector<std::string> own;
            checked_feelings(words, session, &own);
            if (!own.empty()) {
                auto keep = session.ask(fmt::format("{} is not among tend's words; keep it as your own? [Y/n] ",
                                                    tend::neutralize(fmt::format("'{}'", fmt::join(own, "', '")))));
                if (!keep) throw tend::ExitRequest{tend::Exit::ok};
                if (tend::normalize_word(*keep).starts_with('n')) continue;
            }
            values.feelings = words;
            break;
        } catch (const tend::Error& e) {
            session.note(e.what());
        }
    }
    if (auto tags = session.ask("Tags, comma-separated [Enter skips]: ")) {
        std::stringstream stream(*tags);
        for (std::string tag; std::getline(stream, tag, ',');) values.tags.push_back(tag);
    } else {
        throw tend::ExitRequest{tend::Exit::ok};
    }
    auto note = session.ask("A note [Enter skips]: ");
    if (!note) throw tend::ExitRequest{tend::Exit::ok};
    if (!tend::normalize_word(*note).empty()) values.note = *note;
    return values;
}

[[noreturn]] void no_such_checkin(const std::string& typed) {
    tend::usage_error(fmt::format("no check-in with id '{}'; 'checkin list' shows them", tend::neutralize(typed)));
}

// A transaction for changing check-ins; with none saved yet there is nothing to change, and
// nothing (not even the data directory) is created.
tend::Transaction changing(const Session& session, const std::string& typed) {
    if (!session.store(tend::checkin_format).has_records()) no_such_checkin(typed);
    return session.transaction();
}

// The check-in with the id a person typed, read in the transaction that will change it.
tend::StoredRecord found_checkin(tend::Transaction& t, const std::string& typed) {
    auto found = t.find(tend::checkin_format, tend::normalize_word(typed));
    if (!found) no_such_checkin(typed);
    return std::move(*found);
}

void print_record_json(const Session& session, const Record& record) {
    session.print_json(tend::record_to_json(record, tend::checkin_format));
}

// The grounding message for a check-in whose ratings reach the threshold, in words that fit
// its time: a back-dated one is not "right now".
void offer_grounding_if_needed(const Session& session, const Record& record) {
    const int threshold = session.config.safety.threshold;
    const tend::CheckinEntry entry = tend::read_checkin_entry(record);
    const auto distress = tend::checkin_distress(entry);
    if (threshold <= 0 || !distress || *distress < threshold) return;
    tend::Grounding grounding;
    grounding.past = !tend::is_about_now(tend::record_at(record).instant, session.now);
    if (auto safety = entry.rating("safety"))
        grounding.unsafe = tend::feels_unsafe(static_cast<int>(*safety), threshold);
    print_grounding_line(session.io.err, session.config.safety, grounding);
}

// An edit grounds only when it gives a rating of its own: changing a tag or a note of a hard
// day is looking back, not a new moment of distress.
bool gives_a_distress_rating(const EntryValues& values) {
    for (std::size_t i = 0; i < values.ratings.size(); ++i)
        if (values.ratings[i] && tend::checkin_dimensions[i].tells_distress) return true;
    return false;
}

// `columns`: the terminal's width, to fit the note into what is left of the line; nullopt
// (output piped) keeps the whole note.
std::string summary_line(const Record& record, const tend::Style& style, std::optional<std::size_t> columns) {
    const tend::OffsetTime at = tend::record_at(record);
    const tend::CheckinEntry entry = tend::read_checkin_entry(record);
    std::string line =
        fmt::format("{}  {}", style.cyan(tend::record_id(record)), tend::format_local_minutes(at.local()));
    for (std::size_t i = 0; i < entry.ratings.size(); ++i)
        if (const auto value = entry.ratings[i])
            line += fmt::format("  {} {}", tend::checkin_dimensions[i].name, *value);
    if (!entry.feelings.empty())
        line += "  " + style.yellow(tend::neutralize(fmt::format("{}", fmt::join(entry.feelings, ", "))));
    for (const auto& tag : entry.tags) line += "  " + style.dim("#" + tend::neutralize(tag));
    if (const auto& note = entry.note) {
        const std::string safe = tend::neutralize(*note);
        // At least a few words of the note, even when the rest of the line already fills it.
        constexpr std::size_t least = 12;
        const std::size_t used = tend::display_width(line) + 2;
        const std::size_t room = columns ? std::max(least, *columns > used ? *columns - used : 0) : 0;
        line += "  " + (columns ? tend::truncate_display(safe, room) : safe);
    }
    return line;
}

// A deleted check-in's shared numbers go first: should the rest fail, nothing deleted lives on
// with a partner.
void unshare_numbers(const Session& session, const std::string& id) {
    if (tend::follow_change(session, tend::shared_numbers_format, id, std::nullopt, tend::shared_numbers_keys) > 0)
        session.note("Its shared numbers are gone from the couple's folder too.");
}

// The saved check-in with the id a person typed, read only (sharing never changes it).
Record named_checkin(const Options& options, const Session& session) {
    auto found = session.store(tend::checkin_format).find(tend::normalize_word(options.id));
    if (!found) no_such_checkin(options.id);
    return std::move(found->record);
}

}  // namespace

int add(const Options& options, const Session& session) {
    // Checked before anything is asked or written: a share with nowhere to go is a usage error.
    const auto folder = options.share ? std::optional(tend::required_couple_folder(session, "--share")) : std::nullopt;
    EntryValues values = options.values;
    const bool asked = !values.any();
    if (asked) {
        if (!session.io.in_tty)
            tend::usage_error(
                "nothing to record; give a mood (checkin 6) or --mood, --energy, --anxiety, "
                "--closeness, --safety, --feel, --tag or --note");
        const std::optional<std::string> at = values.at;
        values = ask_values(session);
        values.at = at;
        if (!values.any()) {
            session.note("Nothing saved, and that's fine.");
            return 0;
        }
    }
    Record record = tend::new_record(session.now_here(), session.now_here());
    apply_values(values, record, session);
    if (tend::read_checkin_entry(record).empty())
        tend::usage_error("nothing to record: the values given were blank; give a mood (checkin 6) or another value");

    // Answered question by question: minutes of effort, never lost to a busy lock.
    const auto saved = session.save(tend::checkin_format, std::move(record),
                                    asked ? Session::Effort::minutes : Session::Effort::moment);
    if (!saved) return 0;
    const Record& stored = *saved;
    const std::string id = tend::record_id(stored);

    if (options.json) print_record_json(session, stored);
    if (!options.quiet) session.note(fmt::format("Saved check-in {}.", id));
    offer_grounding_if_needed(session, stored);
    if (folder &&
        tend::share_record(session, *folder, tend::shared_numbers_format, stored, tend::shared_numbers_keys) &&
        !options.quiet)
        session.note("Shared its numbers with your partner; 'checkin unshare " + id + "' takes them back.");
    return 0;
}

int list(const Options& options, const Session& session) {
    const auto& filter = options.list;
    const auto store = session.store(tend::checkin_format);
    const auto until = [&](tend::Instant from) {
        return filter.until
                   ? tend::parse_human_time(*filter.until, "--until", session.now, session.zone, tend::DayMeaning::end)
                   : std::max(from, session.now) + std::chrono::hours{24 * 366};
    };
    std::vector<Record> records;
    if (filter.since) {
        const tend::Instant from =
            tend::parse_human_time(*filter.since, "--since", session.now, session.zone, tend::DayMeaning::start);
        const tend::Instant to = until(from);
        if (to < from) tend::usage_error("--until: comes before --since");
        records = store.read_range(from, to);
    } else {
        // Without --since, read back only as many months as --last needs.
        const bool only_last = filter.last && filter.tags.empty() && !filter.until;
        records = store.read_latest(only_last ? *filter.last : std::numeric_limits<std::size_t>::max());
        std::reverse(records.begin(), records.end());
        const tend::Instant to = until(session.now);
        std::erase_if(records, [&](const Record& r) { return tend::record_at(r).instant > to; });
    }
    if (!filter.tags.empty()) {
        const auto wanted = checked_tags(filter.tags);
        std::erase_if(records, [&](const Record& r) {
            const auto tags = tend::read_checkin_entry(r).tags;
            return std::none_of(wanted.begin(), wanted.end(), [&](const std::string& t) {
                return std::find(tags.begin(), tags.end(), t) != tags.end();
            });
        });
    }
    if (filter.last && records.size() > *filter.last)
        records.erase(records.begin(), records.end() - static_cast<std::ptrdiff_t>(*filter.last));

    if (options.json) {
        tend::Json array = tend::Json::array();
        for (const auto& record : records) array.push(tend::record_to_json(record, tend::checkin_format));
        session.print_json(array);
        return 0;
    }
    if (records.empty()) {
        session.note("No check-ins here yet. 'checkin 6' saves one.");
        return 0;
    }
    for (const auto& record : records)
        session.io.out << summary_line(record, session.out_style, tend::terminal_columns(session.io)) << '\n';
    return 0;
}

int edit(const Options& options, const Session& session) {
    if (!options.values.any() && !options.values.at && options.clear.empty())
        tend::usage_error("nothing to change; give new values (e.g. --mood 5) or --clear FIELD");
    // One transaction from the read to the rename: a second edit of the same check-in waits
    // for this one and then changes what this one wrote, so neither change is lost.
    tend::Transaction t = changing(session, options.id);
    Record record = found_checkin(t, options.id).record;
    const std::string id = tend::record_id(record);
    tend::CheckinEntry entry = tend::read_checkin_entry(record);
    for (const auto& name : options.clear)
        if (!clear_field(entry, name))
            tend::usage_error(fmt::format("--clear: '{}' is not a field; use {}, feelings, tags or note",
                                          tend::neutralize(name), fmt::join(tend::rating_names, ", ")));
    tend::write_checkin_entry(entry, record);
    apply_values(options.values, record, session);
    if (tend::read_checkin_entry(record).empty())
        tend::usage_error("that would leave the check-in empty; to remove it, use 'checkin delete " + id + "'");
    const auto stored = t.replace(tend::checkin_format, id, record);
    const std::string new_id = tend::record_id(*stored);
    if (new_id != id && t.last(tend::checkin_format) == id) t.set_last(tend::checkin_format, new_id);
    t.commit();
    // A shared check-in's numbers follow it, under its new id and time when it moved.
    if (tend::follow_change(session, tend::shared_numbers_format, id, std::nullopt, tend::shared_numbers_keys) > 0)
        tend::share_record(session, *tend::couple_folder(session), tend::shared_numbers_format, *stored,
                           tend::shared_numbers_keys);
    if (options.json) print_record_json(session, *stored);
    if (new_id != id)
        session.note(fmt::format("Moved to another month, so check-in {} is now {}.", id, new_id));
    else if (!options.quiet)
        session.note(fmt::format("Updated check-in {}.", new_id));
    if (gives_a_distress_rating(options.values)) offer_grounding_if_needed(session, *stored);
    return 0;
}

int remove(const Options& options, const Session& session) {
    tend::Transaction t = changing(session, options.id);
    const Record record = found_checkin(t, options.id).record;
    const std::string id = tend::record_id(record);
    t.replace(tend::checkin_format, id, std::nullopt);
    if (t.last(tend::checkin_format) == id) t.set_last(tend::checkin_format, std::nullopt);
    unshare_numbers(session, id);
    t.commit();
    if (!options.quiet)
        session.note(fmt::format("Deleted check-in {} from {}.", id,
                                 tend::format_local_minutes(tend::record_at(record).local())));
    return 0;
}

int undo(const Options& options, const Session& session) {
    if (!session.store(tend::checkin_format).has_records()) {
        session.note("There is no check-in to undo.");
        return 1;
    }
    tend::Transaction t = session.transaction();
    const auto id = t.last(tend::checkin_format);
    const auto found = id ? t.find(tend::checkin_format, *id) : std::nullopt;  // a stale pointer is harmless
    if (!found) {
        session.note("There is no check-in to undo.");
        return 1;
    }
    t.replace(tend::checkin_format, *id, std::nullopt);
    t.set_last(tend::checkin_format, std::nullopt);
    unshare_numbers(session, *id);
    t.commit();
    if (!options.quiet)
        session.note(fmt::format("Undone: check-in {} from {} is deleted.", *id,
                                 tend::format_local_minutes(tend::record_at(found->record).local())));
    return 0;
}

int share(const Options& options, const Session& session) {
    const auto folder = tend::required_couple_folder(session, "share");
    const Record record = named_checkin(options, session);
    const std::string id = tend::record_id(record);
    const bool shared =
        tend::share_record(session, folder, tend::shared_numbers_format, record, tend::shared_numbers_keys);
    if (options.quiet) return 0;
    session.note(shared ? fmt::format("Shared the numbers of check-in {} with your partner (never its feelings, tags "
                                      "or note); 'checkin unshare {}' takes them back.",
                                      id, id)
                        : fmt::format("The numbers of check-in {} are shared already.", id));
    return 0;
}

int unshare(const Options& options, const Session& session) {
    const auto folder = tend::required_couple_folder(session, "unshare");
    const Record record = named_checkin(options, session);
    const std::string id = tend::record_id(record);
    // From whichever of this person's devices shared them: the device store's rule takes them back.
    tend::Transaction t = tend::couple_transaction(session, folder);
    const auto taken = tend::withdraw(session, t, tend::shared_numbers_format, id);
    t.commit();
    if (options.quiet) return 0;
    if (taken.empty()) {
        session.note(fmt::format("The numbers of check-in {} are not shared; nothing to take back.", id));
        return 0;
    }
    tend::note_taken_back(session, folder, taken,
                          fmt::format("the numbers of check-in {} (it stays in your own log)", id));
    return 0;
}

int due(const Options& options, const Session& session) {
    const auto& settings = session.config.checkin;
    const tend::LocalTime local = session.zone.to_local(session.now);
    const tend::LocalDay today = date::floor<date::days>(local);
    // Plain words only on a terminal, so that cron mail stays empty; JSON when asked.
    const auto answer = [&](bool is_due, const std::string& reason) {
        if (options.json)
            session.print_json(tend::Json::object().set("due", is_due).set("reason", reason));
        else if (session.io.out_tty)
            session.io.out << reason << '\n';
        return is_due ? 0 : 1;
    };
    if (settings.due_from && local - tend::LocalTime{today} < *settings.due_from)
        return answer(false, "Not yet: check-ins are due from " +
                                 tend::format_local_minutes(tend::LocalTime{today} + *settings.due_from).substr(11) +
                                 ".");
    const tend::LocalDay first = today - date::days{settings.every_days - 1};
    const auto records = session.store(tend::checkin_format).read_range(session.zone.start_of_day(first), session.now);
    if (records.empty()) return answer(true, "A check-in is due. 'checkin' asks a few questions, or try 'checkin 6'.");
    return answer(false, "Not due: you checked in at " +
                             tend::format_local_minutes(tend::record_at(records.back()).local()) + ".");
}

int import_entries(const Options& options, const Session& session) {
    return import_history(options.import, session);
}

int feelings(const Options& options, const Session& session) {
    const auto vocabulary = tend::FeelingVocabulary::shipped(session.config.checkin.feelings);
    if (options.json) {
        tend::Json groups = tend::Json::array();
        for (const auto& group : vocabulary.groups()) {
            tend::Json words = tend::Json::array();
            for (const auto& word : group.words) words.push(word);
            groups.push(tend::Json::object()
                            .set("name", group.name)
                            .set("pleasantness", group.pleasantness)
                            .set("energy", group.energy)
                            .set("description", group.description)
                            .set("words", std::move(words)));
        }
        session.print_json(groups);
        return 0;
    }
    const tend::Style& style = session.out_style;
    for (const auto& group : vocabulary.groups()) {
        session.io.out << style.bold(group.name) << ": " << tend::neutralize(group.description) << '\n';
        std::string line = " ";
        for (const auto& word : group.words) {
            if (line.size() + word.size() > 76) {
                session.io.out << line << '\n';
                line = " ";
            }
            line += " " + tend::neutralize(word);
        }
        session.io.out << line << "\n\n";
    }
    return 0;
}

}  // namespace checkin
