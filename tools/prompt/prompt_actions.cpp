// What prompt's commands do: plain functions of options and a session.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <ostream>
#include <random>
#include <ranges>
#include <span>

#include "deck.hpp"
#include "editor.hpp"
#include "input.hpp"
#include "error.hpp"
#include "feelings.hpp"
#include "files.hpp"
#include "json.hpp"
#include "prompt_library.hpp"
#include "prompt_pick.hpp"
#include "prompt.hpp"
#include "prompt_record.hpp"
#include "share.hpp"
#include "shown_today.hpp"
#include "store.hpp"
#include "terminal.hpp"

namespace prompt {
using tend::Card;
using tend::DeckInfo;
using tend::Filter;
using tend::Library;
using tend::Miss;
using tend::PromptEvent;
using tend::RandomPick;
using tend::Record;
using tend::Session;
namespace fs = std::filesystem;

namespace {

constexpr date::days revisit_after{30};
constexpr std::size_t fit_columns = 60;

fs::path user_deck_dir(const Session& session) {
    return session.paths.data_dir / "decks";
}

// The shipped decks and the person's own. A broken deck of theirs is a warning, never the end.
Library load_library(const Session& session) {
    Library library;
    if (const auto folder = tend::couple_folder(session)) library.add_couple_decks(folder->decks());
    library.add_user_decks(user_deck_dir(session));
    for (const auto& skipped : library.skipped())
        session.warn(fmt::format("{}; this deck is left out until it is fixed ('prompt check' lists every problem)",
                                 tend::neutralize(skipped.problems.front().located())));
    return library;
}

// The options over the defaults: the config's for `prompt`, the shared pool's for `prompt today`.
Filter make_filter(const Options& options, const Session& session, const Library& library, Filter filter) {
    for (const auto& name : options.filter.decks) filter.decks.push_back(tend::normalize_word(name));
    if (options.filter.depth) filter.max_depth = options.filter.depth;
    if (options.filter.together) filter.with = tend::With::together;
    if (options.filter.solo) filter.with = tend::With::solo;
    const auto known = options.filter.exclude.empty() ? std::vector<std::string_view>{} : library.notes();
    for (const auto& typed : options.filter.exclude) {
        const std::string note = tend::normalize_word(typed);
        if (note.empty()) continue;
        if (std::find(known.begin(), known.end(), note) == known.end())
            session.warn(fmt::format("--exclude: no prompt has the content note '{}'; the notes in your decks are {}",
                                     tend::neutralize(note), fmt::join(known, ", ")));
        filter.exclude.push_back(note);
    }
    return filter;
}

std::vector<const Card*> pool_for(const Library& library, const Filter& filter) {
    auto pool = filter_cards(library, filter);
    if (pool.empty())
        tend::usage_error(
            "no prompt matches these filters (and [prompt] depth, with and exclude, if your config has them); "
            "'prompt decks' shows what there is");
    return pool;
}

std::vector<const Card*> pool_for(const Options& options, const Session& session, const Library& library,
                                  const Filter& defaults) {
    return pool_for(library, make_filter(options, session, library, defaults));
}

tend::Json card_json(const Card& card) {
    tend::Json notes = tend::Json::array();
    for (const auto note : card.note_list()) notes.push(std::string(note));
    return tend::Json::object()
        .set("prompt_id", std::string(card.id))
        .set("deck", std::string(card.deck))
        .set("text", std::string(card.text))
        .set("depth", card.depth)
        .set("with", std::string(tend::with_name(card.with)))
        .set("notes", std::move(notes));
}

std::string_view depth_word(int depth) {
    return depth <= 1 ? "light" : depth == 2 ? "medium" : "deep";
}

std::string id_line(const Session& session, const Card& card, std::string_view code) {
    std::string line =
        fmt::format("{} \u00b7 {} \u00b7 depth {} ({})", card.id, card.deck, card.depth, depth_word(card.depth));
    if (!code.empty()) line += fmt::format(" \u00b7 shared \u00b7 check {}", code);
    return session.out_style.dim(line);
}

// Content notes first, so a person can look away before reading; then the text; then its id,
// deck and depth (and for a couple's shared prompt its check code), dim on a terminal. The same
// lines when piped: the notes travel with the prompt.
void print_card(const Session& session, const Card& card, std::string_view code = {}) {
    const auto notes = card.note_list();
    if (!notes.empty())
        session.io.out << session.out_style.yellow(
                              tend::neutralize(fmt::format("Content note: {}.", fmt::join(notes, ", "))))
                       << '\n';
    session.io.out << tend::neutralize(card.text, true) << '\n';
    session.io.out << id_line(session, card, code) << '\n';
}

// prompt.today: the card shown (null fields when there is none) and its day; for a couple, the
// shared prompt's id and check code, and whether the card shown is that one or it was held back.
struct DayJson {
    const Card* shown = nullptr;
    tend::LocalDay day;
    const Card* shared = nullptr;
    std::string code;
    const DayPasses* passes = nullptr;  // who said they are passing on the shared prompt
};

tend::Json today_json(const DayJson& d) {
    tend::Json json = d.shown ? card_json(*d.shown)
                              : tend::Json::object()
                                    .set("prompt_id", nullptr)
                                    .set("deck", nullptr)
                                    .set("text", nullptr)
                                    .set("depth", nullptr)
                                    .set("with", nullptr)
                                    .set("notes", tend::Json::array());
    const bool couple = d.shared != nullptr;
    json.set("date", tend::format_day(d.day))
        .set("shared", couple && d.shown == d.shared)
        .set("held_back", couple && d.shown != d.shared)
        .set("shared_id", couple ? tend::Json(std::string(d.shared->id)) : tend::Json(nullptr))
        .set("check_code", couple ? tend::Json(d.code) : tend::Json(nullptr));
    tend::Json passed = tend::Json::array();
    if (d.passes)
        for (const auto& name : d.passes->partners) passed.push(name);
    json.set("passed_by", std::move(passed)).set("you_passed", d.passes && d.passes->yours);
    return json;
}

// "Sam is passing on today's shared prompt.": said so there is no waiting for an answer that is
// not coming; never why, which the partner did not say. And this person's own pass, dim.
void print_passes(const Session& session, const DayPasses& passes) {
    if (passes.yours)
        session.io.out << session.out_style.dim("You let your partner know that you are passing on it.") << '\n';
    if (passes.partners.empty()) return;
    std::vector<std::string> names;
    for (const auto& name : passes.partners) names.push_back(tend::neutralize(name));
    session.io.out << fmt::format("{} {} passing on today's shared prompt.", fmt::join(names, " and "),
                                  passes.partners.size() == 1 ? "is" : "are")
                   << '\n';
}

// Told without the prompt's words, since the person chose not to meet them, and without a
// hint of blame: skipping is always fine.
std::string held_back_line(Miss miss) {
    const std::string_view why = miss == Miss::note    ? "it has a content note you leave out"
                                 : miss == Miss::depth ? "it goes deeper than you chose"
                                 : miss == Miss::with  ? "it is for two, and you chose prompts for one"
                                                       : "it is from a deck you did not choose";
    return fmt::format("Today's shared prompt is one you chose to skip ({}), so it is held back and not shown.", why);
}

std::string id_of(const Record& record) {
    return tend::field<std::string>(record, "prompt_id").value_or("");
}

bool is_event(const Record& record, PromptEvent event) {
    return tend::prompt_event(record) == event;
}

Record event_record(const Session& session, tend::PromptEntry entry) {
    Record record = tend::new_record(session.now_here(), session.now_here());
    tend::write_prompt_entry(entry, record);
    return record;
}

Record event_record(const Session& session, PromptEvent event, const Card& card) {
    return event_record(session, {event, std::string(card.id), std::string(card.deck), std::nullopt, std::nullopt});
}

Record append(const Session& session, Record record) {
    session.prepare_data_dir();
    return session.store(tend::prompt_format).append(std::move(record));
}

// read_latest gives newest first, records of the same second included (the one written
// later first), so reversed they are in the order they happened.
std::vector<Record> latest_oldest_first(const Session& session, std::size_t wanted) {
    auto records = session.store(tend::prompt_format).read_latest(wanted);
    std::reverse(records.begin(), records.end());
    return records;
}

// Every prompt record, oldest first (for favourites, revisit and history: not on hot paths).
std::vector<Record> all_events(const Session& session) {
    return latest_oldest_first(session, std::numeric_limits<std::size_t>::max());
}

// Ids shown or skipped within the cooldown, oldest first; only the months it spans are read.
std::vector<std::string> recent_ids(const Session& session) {
    std::vector<std::string> ids;
    const int days = session.config.prompt.cooldown_days;
    if (days <= 0) return ids;
    const auto window = session.store(tend::prompt_format).read_range(session.now - date::days{days}, session.now);
    for (const auto& record : window)
        if (is_event(record, PromptEvent::shown) || is_event(record, PromptEvent::skipped))
            ids.push_back(id_of(record));
    return ids;
}

std::uint64_t entropy() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

std::optional<Record> last_shown(const Session& session) {
    const auto store = session.store(tend::prompt_format);
    auto records = store.read_range(session.now - date::days{62}, session.now + date::days{1});
    if (records.empty() ||
        std::none_of(records.begin(), records.end(), [](const Record& r) { return is_event(r, PromptEvent::shown); }))
        records = all_events(session);
    for (auto it = records.rbegin(); it != records.rend(); ++it)
        if (is_event(*it, PromptEvent::shown)) return *it;
    return std::nullopt;
}

// The prompt an answer, skip or favourite is about: the ID given, or the last one shown.
const Card& target_card(const Options& options, const Session& session, const Library& library) {
    if (!options.id.empty()) {
        if (const Card* card = library.find(tend::normalize_word(options.id))) return *card;
        tend::usage_error(
            fmt::format("ID: there is no prompt '{}' in your decks; the ids are in 'prompt history' and "
                        "'prompt decks NAME'",
                        tend::neutralize(options.id)));
    }
    const auto shown = last_shown(session);
    if (!shown) tend::usage_error("no prompt has been shown yet; run 'prompt' or 'prompt today' first, or give an ID");
    if (const Card* card = library.find(id_of(*shown))) return *card;
    tend::usage_error(fmt::format("the last prompt shown, '{}', is no longer in your decks; give an ID",
                                  tend::neutralize(id_of(*shown))));
}

// Favourite ids as they stand now (a later unfav undoes a fav), with when each was kept.
std::vector<std::pair<std::string, const Record*>> favourites(const std::vector<Record>& events) {
    std::vector<std::pair<std::string, const Record*>> favs;
    for (const auto& record : events) {
        const std::string id = id_of(record);
        const auto it = std::find_if(favs.begin(), favs.end(), [&](const auto& fav) { return fav.first == id; });
        if (is_event(record, PromptEvent::fav) && it == favs.end()) favs.emplace_back(id, &record);
        if (is_event(record, PromptEvent::unfav) && it != favs.end()) favs.erase(it);
    }
    return favs;
}

bool is_favourite(const std::vector<Record>& events, std::string_view id) {
    const auto favs = favourites(events);
    return std::any_of(favs.begin(), favs.end(), [&](const auto& fav) { return fav.first == id; });
}

// --- prompt today: the hot path, meant for a shell rc ---

// The records that can fall on `day` in their own wall-clock time: UTC offsets run from
// -12 to +14 hours. Usually one month file, two at most.
std::vector<Record> records_around(const tend::RecordStore& store, tend::LocalDay day) {
    const tend::Instant midnight{day.time_since_epoch()};
    return store.read_range(midnight - std::chrono::hours{14}, midnight + date::days{1} + std::chrono::hours{12});
}

bool shown_on(const std::vector<Record>& records, std::string_view id, tend::LocalDay day) {
    return std::any_of(records.begin(), records.end(), [&](const Record& record) {
        return is_event(record, PromptEvent::shown) && id_of(record) == id && tend::record_at(record).day() == day;
    });
}

// Records today's prompt as shown the first time it is shown today, and never again that day:
// a later run finds it remembered (shown_today.hpp) and reads no month file, or else reads
// the records around today (under the shared lock). Two shells starting at once must not
// both record it, so the second look and the append are one transaction.
void record_shown_once(const Session& session, const Card& card, tend::LocalDay day) {
    const auto& data_dir = session.paths.data_dir;
    if (remembered_shown(data_dir, day, card.id)) return;
    if (!shown_on(records_around(session.store(tend::prompt_format), day), card.id, day)) {
        tend::Transaction t = session.transaction();
        const tend::Instant midnight{day.time_since_epoch()};
        if (!shown_on(t.range(tend::prompt_format, midnight - std::chrono::hours{14},
                              midnight + date::days{1} + std::chrono::hours{12}),
                      card.id, day)) {
            t.append(tend::prompt_format, event_record(session, PromptEvent::shown, card));
            t.commit();
        }
    }
    remember_shown(data_dir, day, card.id);
}

// --- answers ---

// The answer from --text (or '-' for stdin), else from the editor on a terminal (`edited`).
std::string answer_text(const Options& options, const Session& session, const Card& card, bool& edited) {
    std::string text;
    edited = !options.text;
    if (options.text) {
        text = tend::typed_text(session, *options.text, "--text");
    } else if (session.io.in_tty && session.io.out_tty) {
        session.io.out.flush();
        session.io.err.flush();
        std::string initial = fmt::format("\n# Your answer to {} ({}):\n#\n", card.id, card.deck);
        const std::string shown = tend::neutralize(card.text, true);  // outlives the split view below
        for (const auto line : std::views::split(std::string_view(shown), '\n'))
            initial += "#   " + std::string(std::string_view(line.begin(), line.end())) + '\n';
        text = tend::checked_text(tend::edit_text(session, "--text", initial), "--text");
    } else {
        tend::usage_error(
            "no answer given, and no terminal for an editor; pass --text TEXT, "
            "or --text - to read it from standard input");
    }
    return tend::trimmed(text);
}

std::string indented(std::string_view text) {
    std::string out = "  ";
    for (const char c : text) {
        out += c;
        if (c == '\n') out += "  ";
    }
    return out;
}

// --- history ---

std::string event_word(const Session& session, PromptEvent event) {
    const std::string word = fmt::format("{:<8}", tend::prompt_event_name(event));
    switch (event) {
        case PromptEvent::answered:
            return session.out_style.green(word);
        case PromptEvent::fav:
            return session.out_style.yellow(word);
        case PromptEvent::shown:
            return word;
        default:
            return session.out_style.dim(word);
    }
}

std::string fit(const Session& session, const std::string& text) {
    const std::string safe = tend::neutralize(text);
    const auto columns = tend::terminal_columns(session.io);
    return columns ? tend::truncate_display(safe, std::min(fit_columns, *columns)) : safe;
}

std::string history_line(const Session& session, const Record& record, const Library& library) {
    const auto event = tend::prompt_event(record);
    const std::string id = id_of(record);
    std::string text;
    if (event == PromptEvent::answered) {
        text = tend::field<std::string>(record, "text").value_or("");
    } else if (const Card* card = library.find(id)) {
        text = std::string(card->text);
    } else {
        text = tend::field<std::string>(record, "prompt_text").value_or("");
    }
    return fmt::format("{}  {}  {}  {}", tend::format_local_minutes(tend::record_at(record).local()),
                       event ? event_word(session, *event) : "?       ", session.out_style.cyan(tend::neutralize(id)),
                       fit(session, text));
}

int favourites_list(const Options& options, const Session& session, const Library& library) {
    const auto events = all_events(session);
    const auto favs = favourites(events);
    if (options.json) {
        tend::Json array = tend::Json::array();
        for (const auto& [id, record] : favs) {
            const Card* card = library.find(id);
            array.push(tend::Json::object()
                           .set("prompt_id", id)
                           .set("deck", tend::field<std::string>(*record, "deck").value_or(""))
                           .set("text", card ? tend::Json(std::string(card->text)) : tend::Json(nullptr))
                           .set("since", tend::record_at(*record)));
        }
        session.print_json(array);
        return 0;
    }
    if (favs.empty()) {
        session.note("No favourites yet. 'prompt fav' keeps the last prompt you were shown.");
        return 0;
    }
    for (const auto& [id, record] : favs) {
        const Card* card = library.find(id);
        session.io.out << session.out_style.cyan(tend::neutralize(id)) << "  "
                       << (card ? fit(session, std::string(card->text)) : "(no longer in your decks)") << '\n';
    }
    return 0;
}

// --- decks and check ---

tend::Json deck_json(const DeckInfo& info) {
    return tend::Json::object()
        .set("name", std::string(info.name))
        .set("title", std::string(info.title))
        .set("description", std::string(info.description))
        .set("how_to_use", std::string(info.how_to_use))
        .set("count", static_cast<std::int64_t>(info.count))
        .set("source", info.shipped() ? std::string("shipped") : info.file.string());
}

std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// Whether a deck file is one of the shipped decks itself (the same ids and words).
bool same_as_shipped(const tend::Deck& deck, const Library& shipped) {
    const DeckInfo* info = shipped.deck(deck.name);
    if (!info || !info->shipped() || info->count != deck.prompts.size()) return false;
    for (std::size_t i = 0; i < deck.prompts.size(); ++i) {
        const Card& card = shipped.cards()[info->first + i];
        if (card.id != deck.prompts[i].id || card.text != deck.prompts[i].text) return false;
    }
    return true;
}

}  // namespace

int random(const Options& options, const Session& session) {
    const Library library = load_library(session);
    const auto pool = pool_for(options, session, library, config_filter(session.config.prompt));
    const auto ids = recent_ids(session);
    const std::vector<std::string_view> recent(ids.begin(), ids.end());
    const RandomPick pick = pick_random(pool, recent, entropy());
    if (pick.new_round)
        session.note(fmt::format("That was all {} here within {} days; starting over.", plural(pool.size(), "prompt"),
                                 session.config.prompt.cooldown_days));
    if (options.json) {
        session.print_json(card_json(*pick.card));
    } else {
        print_card(session, *pick.card);
    }
    append(session, event_record(session, PromptEvent::shown, *pick.card));
    return 0;
}

int today(const Options& options, const Session& session) {
    const Library library = load_library(session);
    const tend::LocalDay day = session.zone.day_of(session.now);
    const std::string& seed = session.config.prompt.seed;
    const Filter own = make_filter(options, session, library, own_day_filter(session.config.prompt));
    if (seed.empty()) {
        const Card& card = *prompt_of_the_day(pool_for(library, own), day, seed);
        if (options.json) {
            session.print_json(today_json({&card, day, nullptr, {}}));
        } else {
            print_card(session, card);
        }
        record_shown_once(session, card, day);
        return 0;
    }

    // A couple's day: the shared pick comes from what both have alike; the person's own
    // choices only decide whether they see it, or a prompt just for them instead.
    const tend::SharedPick pick = tend::shared_prompt_of_the_day(tend::shared_pool(library), day, seed);
    const Card& shared = *pick.card;
    const std::string& code = pick.code;
    const auto own_pool = filter_cards(library, own);
    const auto miss = filter_miss(own, shared);
    const Card* shown = !miss ? &shared : prompt_of_the_day(own_pool, day, seed);
    // Who chose to say they are passing on it: read only with a couple's folder.
    const DayPasses passes = passes_on(session, shared.id, day);
    if (options.json) {
        session.print_json(today_json({shown, day, &shared, code, &passes}));
    } else if (!miss) {
        print_card(session, shared, code);
        print_passes(session, passes);
    } else {
        session.io.out << held_back_line(*miss) << '\n'
                       << session.out_style.dim(fmt::format("shared \u00b7 check {}", code)) << '\n';
        // Only on a held-back day: the one a person may want to explain without explaining why.
        if (!passes.yours && tend::couple_folder(session))
            session.io.out << session.out_style.dim(
                                  "If you like, 'prompt pass' lets your partner know that you are passing on it, "
                                  "never why.")
                           << '\n';
        print_passes(session, passes);
        if (shown) {
            session.io.out << '\n' << "Just for you today:" << '\n';
            print_card(session, *shown);
        }
    }
    if (shown) record_shown_once(session, *shown, day);
    return 0;
}

int answer(const Options& options, const Session& session) {
    // Checked before anything is written: a share with nowhere to go is a usage error.
    const auto folder = options.share ? std::optional(tend::required_couple_folder(session, "--share")) : std::nullopt;
    const Library library = load_library(session);
    const Card& card = target_card(options, session, library);
    bool edited = false;
    const std::string text = answer_text(options, session, card, edited);
    if (text.empty()) {
        session.note("Nothing saved, and that's fine.");
        return 0;
    }
    Record record = event_record(
        session, {PromptEvent::answered, std::string(card.id), std::string(card.deck), std::string(card.text), text});
    // Written in the editor: minutes of effort, never lost to a busy lock.
    const auto saved = session.save(tend::prompt_format, std::move(record),
                                    edited ? Session::Effort::minutes : Session::Effort::moment);
    if (!saved) {
        if (folder) session.note("Once it is saved, 'prompt share' shares it; nothing was shared yet.");
        return 0;
    }
    const Record& stored = *saved;
    if (options.json) session.print_json(tend::record_to_json(stored, tend::prompt_format));
    // In the prompt's own words, so an answer that went to another prompt than meant (the last
    // one shown may be another shell's) is seen at once.
    session.note(fmt::format("Saved your answer to {}, \u201c{}\u201d.", card.id,
                             tend::truncate_display(tend::neutralize(card.text), fit_columns)));
    if (folder && tend::share_record(session, *folder, tend::shared_answer_format, stored, tend::shared_answer_keys))
        session.note(
            fmt::format("Shared it with your partner; 'prompt unshare {}' takes it back.", tend::record_id(stored)));
    note_partner_answers(session, card.id);
    return 0;
}

int skip(const Options& options, const Session& session) {
    const Library library = load_library(session);
    const Card& card = target_card(options, session, library);
    append(session, event_record(session, PromptEvent::skipped, card));
    const int days = session.config.prompt.cooldown_days;
    session.note(days > 0 ? fmt::format("Skipped {}; it stays away for {} days. 'prompt' gives another.", card.id, days)
                          : fmt::format("Skipped {}. 'prompt' gives another.", card.id));
    note_partner_answers(session, card.id);
    return 0;
}

int pass(const Options&, const Session& session) {
    // Checked before anything is written: a pass with nowhere to go, or no shared prompt to pass on.
    const auto folder = tend::required_couple_folder(session, "pass");
    const std::string& seed = session.config.prompt.seed;
    if (seed.empty())
        tend::usage_error(
            "pass: there is no shared prompt of the day without a [prompt] seed; the same word in both your "
            "configs makes one");
    const Library library = load_library(session);
    const tend::LocalDay day = session.zone.day_of(session.now);
    const Card& card = *tend::shared_prompt_of_the_day(tend::shared_pool(library), day, seed).card;
    if (passes_on(session, card.id, day).yours) {
        session.note("Your partner can already see that you are passing on today's shared prompt.");
        return 0;
    }
    // A skip of their own, as `prompt skip` writes, and a copy saying only that: never why.
    const Record skipped = append(session, event_record(session, PromptEvent::skipped, card));
    tend::share_record(session, folder, tend::shared_pass_format, skipped, tend::shared_pass_keys);
    session.note(
        fmt::format("Passed on today's shared prompt. Your partner will see that you did, never why; "
                    "'prompt unshare {}' takes that back.",
                    tend::record_id(skipped)));
    note_partner_answers(session, card.id);
    return 0;
}

int fav(const Options& options, const Session& session) {
    const Library library = load_library(session);
    const Card& card = target_card(options, session, library);
    // Looked at and changed in one transaction, so two shells cannot both add it.
    tend::Transaction t = session.transaction();
    if (is_favourite(t.all(tend::prompt_format), card.id)) {
        session.note(fmt::format("{} is already among your favourites.", card.id));
        return 0;
    }
    t.append(tend::prompt_format, event_record(session, PromptEvent::fav, card));
    t.commit();
    session.note(fmt::format("Kept {} among your favourites; 'prompt history --favs' lists them.", card.id));
    return 0;
}

int unfav(const Options& options, const Session& session) {
    const Library library = load_library(session);
    const Card& card = target_card(options, session, library);
    tend::Transaction t = session.transaction();
    if (!is_favourite(t.all(tend::prompt_format), card.id)) {
        session.note(fmt::format("{} is not among your favourites.", card.id));
        return 0;
    }
    t.append(tend::prompt_format, event_record(session, PromptEvent::unfav, card));
    t.commit();
    session.note(fmt::format("Took {} out of your favourites.", card.id));
    return 0;
}

int history(const Options& options, const Session& session) {
    const auto& filter = options.history;
    const Library library = load_library(session);
    if (filter.favs) {
        if (filter.since || filter.last || !filter.events.empty())
            tend::usage_error("--favs lists your favourites as they stand; it takes no --since, --last or --event");
        return favourites_list(options, session, library);
    }
    const auto store = session.store(tend::prompt_format);
    std::vector<Record> records;
    if (filter.since) {
        const tend::Instant from =
            tend::parse_human_time(*filter.since, "--since", session.now, session.zone, tend::DayMeaning::start);
        records = store.read_range(from, session.now + date::days{366});
    } else {
        // Without --since or --event, read back only as many months as --last needs.
        const bool only_last = filter.last && filter.events.empty();
        records = latest_oldest_first(session, only_last ? *filter.last : std::numeric_limits<std::size_t>::max());
    }
    if (!filter.events.empty())
        std::erase_if(records, [&](const Record& record) {
            const auto name = tend::field<std::string>(record, "event").value_or("");
            return std::find(filter.events.begin(), filter.events.end(), name) == filter.events.end();
        });
    if (filter.last && records.size() > *filter.last)
        records.erase(records.begin(), records.end() - static_cast<std::ptrdiff_t>(*filter.last));

    if (options.json) {
        tend::Json array = tend::Json::array();
        for (const auto& record : records) array.push(tend::record_to_json(record, tend::prompt_format));
        session.print_json(array);
        return 0;
    }
    if (records.empty()) {
        session.note("Nothing here yet. 'prompt' gives you a prompt.");
        return 0;
    }
    for (const auto& record : records) session.io.out << history_line(session, record, library) << '\n';
    return 0;
}

int revisit(const Options& options, const Session& session) {
    const Library library = load_library(session);
    const auto pool = pool_for(options, session, library, config_filter(session.config.prompt));
    const auto events = all_events(session);
    std::map<std::string, const Record*, std::less<>> latest_answer;
    for (const auto& record : events)
        if (is_event(record, PromptEvent::answered)) latest_answer[id_of(record)] = &record;

    const tend::Instant cutoff = session.now - revisit_after;
    std::vector<const Card*> ready;
    for (const Card* card : pool) {
        const auto it = latest_answer.find(card->id);
        if (it != latest_answer.end() && tend::record_at(*it->second).instant <= cutoff) ready.push_back(card);
    }
    if (ready.empty()) {
        session.note("Nothing to revisit yet: an answer comes back here 30 days after you write it.");
        return 0;
    }
    const auto ids = recent_ids(session);
    const std::vector<std::string_view> recent(ids.begin(), ids.end());
    const Card& card = *pick_random(ready, recent, entropy()).card;
    const Record& old = *latest_answer.find(card.id)->second;
    const std::string old_text = tend::field<std::string>(old, "text").value_or("");

    if (options.json) {
        session.print_json(tend::Json::object()
                               .set("prompt", card_json(card))
                               .set("answer", tend::record_to_json(old, tend::prompt_format)));
    } else {
        print_card(session, card);
        session.io.out << '\n'
                       << "You wrote on " << tend::format_day(tend::record_at(old).day()) << ":\n"
                       << indented(tend::neutralize(old_text, true)) << '\n';
    }
    append(session, event_record(session, PromptEvent::shown, card));
    if (!options.json) session.note("'prompt answer' writes a new answer beside it; the old one stays.");
    return 0;
}

int decks(const Options& options, const Session& session) {
    const Library library = load_library(session);
    std::vector<const DeckInfo*> chosen;
    for (const auto& typed : options.names) {
        const DeckInfo* info = library.deck(tend::normalize_word(typed));
        if (!info)
            tend::usage_error(
                fmt::format("NAME: there is no deck called '{}'; 'prompt decks' lists them", tend::neutralize(typed)));
        chosen.push_back(info);
    }
    const auto cards_of = [&](const DeckInfo& info) {
        return std::span<const Card>(library.cards()).subspan(info.first, info.count);
    };

    if (options.json) {
        tend::Json array = tend::Json::array();
        if (chosen.empty())
            for (const auto& info : library.decks()) array.push(deck_json(info));
        for (const DeckInfo* info : chosen) {
            tend::Json prompts = tend::Json::array();
            for (const auto& card : cards_of(*info)) prompts.push(card_json(card));
            array.push(deck_json(*info).set("prompts", std::move(prompts)));
        }
        session.print_json(array);
        return 0;
    }

    const tend::Style& style = session.out_style;
    if (chosen.empty()) {
        std::size_t width = 0, total = 0;
        for (const auto& info : library.decks())
            width = std::max(width, tend::display_width(info.name)), total += info.count;
        for (const auto& info : library.decks()) {
            std::string line = fmt::format("{}{}  {:>3}  {}", style.bold(std::string(info.name)),
                                           std::string(width - tend::display_width(info.name), ' '), info.count,
                                           tend::neutralize(info.description));
            if (!info.shipped()) line += "  " + style.dim("(yours)");
            session.io.out << line << '\n';
        }
        session.io.out << fmt::format("{} in {}.\n", plural(total, "prompt"), plural(library.decks().size(), "deck"));
        return 0;
    }
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const DeckInfo& info = *chosen[i];
        if (i) session.io.out << '\n';
        session.io.out << style.bold(tend::neutralize(info.title));
        if (info.title != info.name) session.io.out << "  " << style.dim(std::string(info.name));
        session.io.out << '\n' << tend::neutralize(info.description) << '\n';
        if (!info.how_to_use.empty())
            session.io.out << '\n' << "How to use it: " << tend::neutralize(info.how_to_use) << '\n';
        session.io.out << '\n';
        for (const auto& card : cards_of(info)) {
            // A prompt's notes travel with it here too, before its words.
            const auto notes = card.note_list();
            const std::string note =
                notes.empty() ? std::string() : tend::neutralize(fmt::format("[{}] ", fmt::join(notes, ", ")));
            session.io.out << fmt::format("{}  depth {}  {:<8}  {}{}\n", style.cyan(std::string(card.id)), card.depth,
                                          tend::with_name(card.with), style.yellow(note), tend::neutralize(card.text));
        }
    }
    return 0;
}

int check(const Options& options, const Session& session) {
    std::size_t problems = 0, broken = 0;
    const auto report = [&](const std::vector<tend::Finding>& found) {
        for (const auto& problem : found) session.io.err << tend::neutralize(problem.located()) << '\n';
        problems += found.size();
        if (!found.empty()) ++broken;
    };
    const auto ok_line = [&](std::string_view name, std::size_t prompts, std::string_view where) {
        session.io.out << fmt::format("ok  {}  {}  {}\n", name, plural(prompts, "prompt"), where);
    };

    Library library;
    if (options.names.empty()) {
        for (const auto& info : library.decks())
            ok_line(info.name, info.count, "shipped, checked when prompt was built");
        for (const auto& file : tend::deck_files(user_deck_dir(session))) {
            if (library.add_deck(tend::load_deck_file(file))) {
                const DeckInfo& added = library.decks().back();
                ok_line(added.name, added.count, tend::neutralize(file.string()));
            } else {
                report(library.skipped().back().problems);
            }
        }
    } else {
        std::vector<tend::DeckLoad> loads;
        for (const auto& name : options.names) loads.push_back(tend::load_deck_file(name));
        std::vector<const tend::Deck*> usable;
        for (const auto& load : loads)
            if (load.ok()) usable.push_back(&load.deck);
        const auto across = tend::cross_deck_problems(usable, false);
        for (auto& load : loads) {
            for (const auto& problem : across)
                if (problem.file == load.deck.file) load.problems.push_back(problem);
            if (load.ok() && library.deck(load.deck.name) && !same_as_shipped(load.deck, library))
                load.problems.push_back({load.deck.file, 0, 0,
                                         fmt::format("deck name '{}' is taken by a shipped deck; in {} this deck "
                                                     "would be left out",
                                                     load.deck.name, user_deck_dir(session).string())});
            if (load.ok()) {
                ok_line(load.deck.name, load.deck.prompts.size(), tend::neutralize(load.deck.file.string()));
            } else {
                report(load.problems);
            }
        }
    }
    if (problems > 0)
        tend::fail(tend::Exit::data, fmt::format("{} in {}; a deck with problems is left out until they are fixed",
                                                 plural(problems, "problem"), plural(broken, "deck")));
    return 0;
}

namespace {

// The answer a person named (or the last one saved), read in the transaction that changes it.
tend::StoredRecord found_answer(const Options& options, tend::Transaction& t) {
    const auto none = [] {
        tend::usage_error("ANSWER: there is no such answer; 'prompt history --json --event answered' lists them");
    };
    const auto id = options.answer_id.empty() ? t.last(tend::prompt_format)
                                              : std::optional<std::string>(tend::normalize_word(options.answer_id));
    auto found = id ? t.find(tend::prompt_format, *id) : std::nullopt;
    if (!found || !is_event(found->record, PromptEvent::answered)) none();
    return std::move(*found);
}

tend::Transaction changing_answers(const Options& options, const Session& session) {
    if (!session.store(tend::prompt_format).has_records())
        tend::usage_error(options.answer_id.empty() ? "there is no answer yet to change"
                                                    : "ANSWER: there is no such answer");
    return session.transaction();
}

}  // namespace

int edit(const Options& options, const Session& session) {
    const std::string text = tend::trimmed(tend::typed_text(session, *options.text, "--text"));
    if (text.empty()) tend::usage_error("--text: an answer needs words; to remove it, use 'prompt delete'");
    tend::Transaction t = changing_answers(options, session);
    Record record = found_answer(options, t).record;
    record.insert_or_assign("text", text);
    const auto stored = t.replace(tend::prompt_format, tend::record_id(record), record);
    t.commit();
    if (tend::follow_change(session, tend::shared_answer_format, tend::record_id(*stored), stored,
                            tend::shared_answer_keys) > 0)
        session.note("Your shared copy in the couple's folder has the new words too.");
    if (options.json) session.print_json(tend::record_to_json(*stored, tend::prompt_format));
    session.note(
        fmt::format("Changed your answer to {}, \u201c{}\u201d.", id_of(*stored),
                    tend::truncate_display(
                        tend::neutralize(tend::field<std::string>(*stored, "prompt_text").value_or("")), fit_columns)));
    return 0;
}

int remove(const Options& options, const Session& session) {
    tend::Transaction t = changing_answers(options, session);
    const auto found = found_answer(options, t);
    const std::string id = tend::record_id(found.record);
    t.replace(tend::prompt_format, id, std::nullopt);
    if (t.last(tend::prompt_format) == id) t.set_last(tend::prompt_format, std::nullopt);
    // The shared copy goes first: should the rest fail, no deleted answer lives on with a partner.
    const bool was_shared =
        tend::follow_change(session, tend::shared_answer_format, id, std::nullopt, tend::shared_answer_keys) > 0;
    t.commit();
    if (was_shared) session.note("Its shared copy is gone from the couple's folder too.");
    session.note(fmt::format("Deleted your answer to {} from {}.", tend::neutralize(id_of(found.record)),
                             tend::format_local_minutes(tend::record_at(found.record).local())));
    return 0;
}

}  // namespace prompt
