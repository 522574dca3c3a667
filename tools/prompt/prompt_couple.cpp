// prompt share, unshare and shared: answers in the couple's folder, one at a time, by choice.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>

#include "error.hpp"
#include "feelings.hpp"
#include "json.hpp"
#include "prompt.hpp"
#include "prompt_record.hpp"
#include "share.hpp"
#include "terminal.hpp"

namespace prompt {
using tend::PromptEvent;
using tend::Record;
using tend::Session;
using tend::SharedRecord;

namespace {

// How far back the note after an answer or skip looks for a partner's answer to the same prompt:
// a season, so that its cost follows that and not the years of the folder ('prompt shared'
// lists them all).
constexpr date::days partner_note_window{92};

// The fields of a private prompt record that named_answer() found, so of a known event.
tend::PromptEntry entry_of(const Record& record) {
    return tend::read_prompt_entry(record).value_or(tend::PromptEntry{});
}

// The prompts this person answered or skipped, from their own history (and their own shares):
// the prompts whose partner's answers they may see.
std::set<std::string, std::less<>> answered_or_skipped(const Session& session) {
    std::set<std::string, std::less<>> ids;
    const auto store = session.store(tend::prompt_format);
    for (const auto& record : store.read_latest(std::numeric_limits<std::size_t>::max())) {
        const auto entry = tend::read_prompt_entry(record);
        if (entry && (entry->event == PromptEvent::answered || entry->event == PromptEvent::skipped))
            ids.insert(entry->prompt_id);
    }
    return ids;
}

bool is_partners(const SharedRecord& shared, const tend::CoupleFolder& folder) {
    return shared.by() != folder.name;
}

// The answer a person named (or the last one they saved), from their private history; with
// `or_pass`, a named skip that was shared as a pass too (`prompt pass` prints its id).
Record named_answer(const Options& options, const Session& session, bool or_pass = false) {
    const auto store = session.store(tend::prompt_format);
    std::optional<std::string> id;
    if (!options.answer_id.empty()) {
        id = tend::normalize_word(options.answer_id);
    } else {
        for (const auto& record : store.read_latest(std::numeric_limits<std::size_t>::max()))
            if (tend::prompt_event(record) == PromptEvent::answered) {
                id = tend::record_id(record);
                break;
            }
    }
    const auto found = id ? store.find(*id) : std::nullopt;
    const auto event = found ? tend::prompt_event(found->record) : std::nullopt;
    if (event != PromptEvent::answered && !(or_pass && event == PromptEvent::skipped))
        tend::usage_error(
            options.answer_id.empty() ? "there is no answer yet; 'prompt answer --share' writes one and shares it"
            : or_pass                 ? "ANSWER: there is no such answer or pass; 'prompt history --json --event "
                                        "answered,skipped' lists them"
                      : "ANSWER: there is no such answer; 'prompt history --json --event answered' lists them");
    return found->record;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string quoted_prompt(const tend::PromptEntry& answer) {
    return tend::truncate_display(tend::neutralize(answer.prompt_text.value_or("")), 60);
}

}  // namespace

void note_partner_answers(const Session& session, std::string_view prompt_id) {
    const auto folder = tend::couple_folder(session);
    if (!folder) return;
    tend::settle_couple_folder(session, *folder);
    try {
        std::set<std::string> by;
        // Only the recent past: what this answer or skip has just revealed, not the years before.
        const auto recent = tend::shared_records(session, *folder, tend::shared_answer_format,
                                                 session.now - partner_note_window, session.now + date::days{1});
        for (const auto& shared : recent)
            if (is_partners(shared, *folder) && tend::read_shared_answer(shared.record).prompt_id == prompt_id)
                by.insert(tend::neutralize(shared.by()));
        if (by.empty()) return;
        session.note(fmt::format("{} shared an answer to this prompt too; 'prompt shared {}' shows it.",
                                 fmt::join(by, " and "), prompt_id));
    } catch (const tend::Error& e) {
        session.warn(fmt::format("the couple's folder cannot be read just now ({})", e.what()));
    }
}

DayPasses passes_on(const Session& session, std::string_view prompt_id, tend::LocalDay day) {
    DayPasses passes;
    const auto folder = tend::couple_folder(session);
    if (!folder) return passes;
    try {
        // A day either side: a pass keeps its author's own zone, and their day is the one that counts.
        const auto around = tend::shared_records(session, *folder, tend::shared_pass_format,
                                                 session.now - date::days{2}, session.now + date::days{2});
        std::set<std::string> partners;
        for (const auto& shared : around) {
            if (tend::read_shared_pass(shared.record).prompt_id != prompt_id ||
                tend::record_at(shared.record).day() != day)
                continue;
            if (is_partners(shared, *folder))
                partners.insert(shared.by());
            else
                passes.yours = true;
        }
        passes.partners.assign(partners.begin(), partners.end());
    } catch (const tend::Error& e) {
        session.warn(fmt::format("the couple's folder cannot be read just now ({})", e.what()));
    }
    return passes;
}

int share(const Options& options, const Session& session) {
    const auto folder = tend::required_couple_folder(session, "share");
    const Record answer = named_answer(options, session);
    const tend::PromptEntry entry = entry_of(answer);
    if (!tend::share_record(session, folder, tend::shared_answer_format, answer, tend::shared_answer_keys)) {
        session.note(fmt::format("Your answer to {} is shared already.", entry.prompt_id));
        return 0;
    }
    session.note(
        fmt::format("Shared your answer to {}, \u201c{}\u201d, with your partner. 'prompt unshare {}' "
                    "takes it back.",
                    entry.prompt_id, quoted_prompt(entry), tend::record_id(answer)));
    return 0;
}

int unshare(const Options& options, const Session& session) {
    const auto folder = tend::required_couple_folder(session, "unshare");
    const Record source = named_answer(options, session, true);
    const tend::PromptEntry entry = entry_of(source);
    const bool pass = entry.event == PromptEvent::skipped;
    // From whichever of this person's devices shared it: the device store's rule takes it back.
    tend::Transaction t = tend::couple_transaction(session, folder);
    const auto taken = tend::withdraw(session, t, pass ? tend::shared_pass_format : tend::shared_answer_format,
                                      tend::record_id(source));
    t.commit();
    // A pass never names its prompt: it may be one this person chose not to meet.
    const std::string what =
        pass ? fmt::format("your pass on the shared prompt of {}", tend::format_day(tend::record_at(source).day()))
             : fmt::format("your answer to {}", entry.prompt_id);
    if (taken.empty()) {
        session.note(fmt::format("{} is not shared; nothing to take back.", capitalised(what)));
        return 0;
    }
    tend::note_taken_back(session, folder, taken, what);
    return 0;
}

int shared(const Options& options, const Session& session) {
    const auto folder = tend::required_couple_folder(session, "shared");
    tend::settle_couple_folder(session, folder);
    const std::string only = tend::normalize_word(options.id);
    // Each shared answer with its fields, and whether this person may read a partner's words yet.
    struct Listed {
        SharedRecord shared;
        tend::SharedAnswer answer;
        bool yours;
        bool revealed;
    };
    const auto mine = answered_or_skipped(session);
    std::vector<Listed> all;
    for (auto& s : tend::all_shared_records(session, folder, tend::shared_answer_format)) {
        tend::SharedAnswer answer = tend::read_shared_answer(s.record);
        if (!only.empty() && answer.prompt_id != only) continue;
        const bool yours = !is_partners(s, folder);
        const bool revealed = yours || mine.contains(answer.prompt_id);
        all.push_back({std::move(s), std::move(answer), yours, revealed});
    }

    if (options.json) {
        tend::Json array = tend::Json::array();
        for (const auto& [s, answer, yours, revealed] : all)
            array.push(tend::Json::object()
                           .set("id", tend::record_id(s.record))
                           .set("at", tend::record_at(s.record))
                           .set("by", s.by())
                           .set("yours", yours)
                           .set("prompt_id", answer.prompt_id)
                           .set("deck", answer.deck)
                           .set("prompt_text", answer.prompt_text)
                           .set("revealed", revealed)
                           .set("text", revealed ? tend::Json(answer.text) : tend::Json(nullptr)));
        session.print_json(array);
        return 0;
    }
    if (all.empty()) {
        session.note(only.empty() ? "Nothing shared yet. 'prompt answer --share' shares an answer, one at a time."
                                  : fmt::format("Nothing shared yet for {}.", only));
        return 0;
    }
    const tend::Style& style = session.out_style;
    std::size_t waiting = 0, shown = 0;
    for (const auto& [s, answer, yours, revealed] : all) {
        if (!revealed) {
            ++waiting;
            continue;
        }
        ++shown;
        session.io.out << style.bold(yours ? std::string("You") : tend::neutralize(s.by())) << ", "
                       << tend::format_day(tend::record_at(s.record).day()) << ", "
                       << style.cyan(tend::neutralize(answer.prompt_id)) << '\n'
                       << "  " << tend::neutralize(answer.prompt_text, true) << '\n'
                       << "  " << style.dim("\u2014") << ' ' << tend::neutralize(answer.text, true) << "\n\n";
    }
    if (waiting > 0)
        session.note(
            fmt::format("{}{} {} waiting: a partner's answer shows once you have answered or skipped "
                        "that prompt yourself, so neither answer shapes the other.",
                        waiting, shown > 0 ? " more" : "", waiting == 1 ? "answer is" : "answers are"));
    return 0;
}

}  // namespace prompt
