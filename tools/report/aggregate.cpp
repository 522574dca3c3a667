// The aggregation: counts, means and per-day values, with fixed orders so output is stable.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aggregate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "boundary_record.hpp"
#include "breathe_record.hpp"
#include "exercise.hpp"
#include "breathing_pattern.hpp"
#include "checkin_record.hpp"
#include "prompt_record.hpp"

namespace report {
namespace {

using tend::Record;

// Sums for a mean, with the extremes.
struct Tally {
    int count = 0;
    double sum = 0;
    int min = 0, max = 0;

    void add(int value) {
        min = count ? std::min(min, value) : value;
        max = count ? std::max(max, value) : value;
        sum += value;
        ++count;
    }
    std::optional<double> mean() const { return count ? std::optional<double>(sum / count) : std::nullopt; }
};

// Where a record falls: in the period (its day's index), in the previous period, or neither.
struct Placement {
    std::optional<std::size_t> day;  // index into the period's days
    bool previous = false;
};

class Placer {
public:
    Placer(const Period& period, const Period& previous, const tend::Zone& zone)
        : period_(period), previous_(previous), zone_(zone) {}

    Placement place(const Record& record) const {
        const tend::LocalDay day = zone_.day_of(tend::record_at(record).instant);
        if (period_.contains(day)) return {static_cast<std::size_t>((day - period_.first).count()), false};
        return {std::nullopt, previous_.contains(day)};
    }
    tend::OffsetTime at(const Record& record) const { return tend::in_zone(tend::record_at(record).instant, zone_); }

private:
    const Period& period_;
    const Period& previous_;
    const tend::Zone& zone_;
};

// Counts as a list: most frequent first, ties by name, so the order never depends on input order.
std::vector<Count> ranked(const std::map<std::string, int>& counts) {
    std::vector<Count> list;
    for (const auto& [name, count] : counts) list.push_back({name, count});
    std::stable_sort(list.begin(), list.end(), [](const Count& a, const Count& b) { return a.count > b.count; });
    return list;
}

// Free text that says something: an empty note or answer is none.
std::optional<std::string> nonempty(std::optional<std::string> text) {
    if (!text || text->empty()) return std::nullopt;
    return text;
}

void add_checkins(ReportData& data, const std::vector<Record>& records, const Placer& placer,
                  const tend::FeelingVocabulary& vocabulary) {
    std::array<Tally, dimension_count> now{}, before{};
    std::vector<std::array<Tally, dimension_count>> per_day(data.days.size());
    std::map<std::string, int> feelings, groups, tags;
    for (const auto& record : records) {
        const Placement where = placer.place(record);
        if (!where.day && !where.previous) continue;
        if (!where.day) {
            // The period before is compared by its means alone.
            const auto ratings = tend::read_checkin_ratings(record);
            for (std::size_t i = 0; i < dimension_count; ++i)
                if (const auto value = ratings[i]) before[i].add(*value);
            ++data.checkins.previous_count;
            continue;
        }
        tend::CheckinEntry entry = tend::read_checkin_entry(record);
        for (std::size_t i = 0; i < dimension_count; ++i)
            if (const auto value = entry.ratings[i]) {
                now[i].add(*value);
                per_day[*where.day][i].add(*value);
            }
        ++data.records;
        ++data.checkins.count;
        ++data.days[*where.day].checkins;
        data.days[*where.day].practice = true;
        for (const auto& word : entry.feelings) {
            const auto* group = vocabulary.group_of(word);
            // Share-safe: a word of the person's own is one they typed, so only tend's are named.
            const bool tends_word = group && !group->pleasantness.empty();
            if (data.notes || tends_word) ++feelings[word];
            ++groups[group ? group->name : std::string("other")];
        }
        if (data.notes)
            for (const auto& tag : entry.tags) ++tags[tag];
        if (data.notes)
            if (auto note = nonempty(std::move(entry.note)))
                data.checkins.notes.push_back({placer.at(record), "", std::move(*note)});
    }
    for (std::size_t i = 0; i < dimension_count; ++i) {
        DimensionStats& stats = data.checkins.dimensions[i];
        stats.name = std::string(tend::checkin_dimensions[i].name);
        stats.higher_is_harder = tend::checkin_dimensions[i].higher_is_harder;
        stats.count = now[i].count;
        stats.mean = now[i].mean();
        if (now[i].count) {
            stats.min = now[i].min;
            stats.max = now[i].max;
        }
        stats.previous_count = before[i].count;
        stats.previous_mean = before[i].mean();
        if (stats.mean && stats.previous_mean) stats.change = *stats.mean - *stats.previous_mean;
        for (std::size_t d = 0; d < per_day.size(); ++d) data.days[d].means[i] = per_day[d][i].mean();
    }
    data.checkins.feelings = ranked(feelings);
    data.checkins.tags = ranked(tags);
    for (const auto& group : vocabulary.groups())
        if (auto it = groups.find(group.name); it != groups.end()) {
            data.checkins.feeling_groups.push_back({group.name, it->second});
            groups.erase(it);
        }
    if (auto other = groups.find("other"); other != groups.end())
        data.checkins.feeling_groups.push_back({"other", other->second});
}

struct ExerciseTally {
    ExerciseStats stats;
    Tally before, after, change;
};

// An exercise session goes to its own section; only breathing patterns count as breathing.
void add_exercise(ReportData& data, std::map<std::string, ExerciseTally>& tallies, const tend::BreatheEntry& entry,
                  const std::string& name, DayRow& day) {
    ExerciseSection& section = data.exercises;
    const double minutes = entry.seconds / 60.0;
    ++section.sessions;
    section.minutes += minutes;
    if (entry.interrupted) ++section.ended_early;
    ExerciseTally& tally = tallies[name];
    tally.stats.name = name;
    ++tally.stats.sessions;
    tally.stats.minutes += minutes;
    if (entry.interrupted) ++tally.stats.ended_early;
    if (entry.before && entry.after) {
        tally.before.add(*entry.before);
        tally.after.add(*entry.after);
        tally.change.add(*entry.after - *entry.before);
    }
    ++day.exercise_sessions;
    day.exercise_minutes += minutes;
    day.practice = true;
}

void finish_exercises(ExerciseSection& section, const std::map<std::string, ExerciseTally>& tallies) {
    for (const auto& [name, tally] : tallies) {
        ExerciseStats stats = tally.stats;
        stats.rated_both = tally.change.count;
        stats.mean_before = tally.before.mean();
        stats.mean_after = tally.after.mean();
        stats.mean_change = tally.change.mean();
        section.exercises.push_back(std::move(stats));
    }
    std::stable_sort(section.exercises.begin(), section.exercises.end(),
                     [](const ExerciseStats& a, const ExerciseStats& b) { return a.sessions > b.sessions; });
}

void add_breathing(ReportData& data, const std::vector<Record>& records, const Placer& placer) {
    BreathingSection& section = data.breathing;
    // Share-safe: a pattern the person named is shown by its numbers, not its name.
    const auto built_in = tend::PatternCatalog::load({}, {});
    const auto built_in_exercises = tend::ExerciseCatalog::load({});
    std::map<std::string, PatternStats> patterns;
    std::map<std::string, ExerciseTally> exercises;
    Tally before, after, change;
    for (const auto& record : records) {
        const Placement where = placer.place(record);
        const tend::BreatheEntry entry = tend::read_breathe_entry(record);
        if (where.previous) ++(entry.exercise ? data.exercises.previous_sessions : section.previous_sessions);
        if (!where.day) continue;
        ++data.records;
        if (entry.exercise) {
            // Likewise an exercise of the person's own: its name may say more than they mean to share.
            const bool shipped = built_in_exercises.find(*entry.exercise) != nullptr;
            add_exercise(data, exercises, entry, data.notes || shipped ? *entry.exercise : "your own exercise",
                         data.days[*where.day]);
            continue;
        }
        const double minutes = entry.seconds / 60.0;
        ++section.sessions;
        section.minutes += minutes;
        if (entry.interrupted) ++section.ended_early;
        const tend::BreathingPattern* shipped = built_in.find(entry.pattern);
        const std::string name = data.notes || (shipped && shipped->built_in) ? entry.pattern : entry.spec;
        PatternStats& pattern = patterns[name];
        pattern.name = name;
        ++pattern.sessions;
        pattern.minutes += minutes;
        if (entry.before) before.add(*entry.before);
        if (entry.after) after.add(*entry.after);
        if (entry.before && entry.after) change.add(*entry.after - *entry.before);
        DayRow& day = data.days[*where.day];
        ++day.breathe_sessions;
        day.breathe_minutes += minutes;
        day.practice = true;
    }
    for (const auto& [name, stats] : patterns) section.patterns.push_back(stats);
    std::stable_sort(section.patterns.begin(), section.patterns.end(),
                     [](const PatternStats& a, const PatternStats& b) { return a.sessions > b.sessions; });
    section.rated_before = before.count;
    section.rated_after = after.count;
    section.rated_both = change.count;
    section.mean_before = before.mean();
    section.mean_after = after.mean();
    section.mean_change = change.mean();
    finish_exercises(data.exercises, exercises);
}

// Which of two boundaries was tested more: more `tested`, then more violations, then more
// crossings, then the lower number.
bool tested_more(const BoundarySummary& a, const BoundarySummary& b) {
    if (a.tested != b.tested) return a.tested > b.tested;
    if (a.violated != b.violated) return a.violated > b.violated;
    if (a.crossed != b.crossed) return a.crossed > b.crossed;
    return a.number < b.number;
}

void add_boundaries(ReportData& data, const std::vector<Record>& records, const Placer& placer) {
    BoundarySection& section = data.boundaries;
    constexpr std::size_t kinds = tend::boundary_event_names.size();
    std::array<int, kinds> totals{};
    std::map<std::int64_t, std::array<int, kinds>> per_boundary;
    std::map<std::int64_t, std::string> wording;
    for (const auto& record : records) {
        const Placement where = placer.place(record);
        if (!where.day && !where.previous) continue;
        tend::BoundaryEntry entry = tend::read_boundary_entry(record);
        const tend::BoundaryEvent event = entry.event;
        const std::int64_t number = entry.boundary;
        const bool carries_wording = event == tend::BoundaryEvent::added || event == tend::BoundaryEvent::renegotiated;
        if (data.notes && carries_wording)
            if (auto text = nonempty(std::move(entry.text))) wording[number] = std::move(*text);
        if (!where.day) continue;
        ++data.records;
        const auto kind = static_cast<std::size_t>(event);
        ++totals[kind];
        ++per_boundary[number][kind];
        ++section.events;
        DayRow& day = data.days[*where.day];
        ++day.boundary_events;
        day.practice = true;
        if (event == tend::BoundaryEvent::held) ++day.held;
        if (event == tend::BoundaryEvent::crossed) ++day.crossed;
        if (event == tend::BoundaryEvent::violated) ++day.violated;
        if (data.notes)
            if (auto note = nonempty(std::move(entry.note)))
                section.notes.push_back({placer.at(record),
                                         fmt::format("boundary {}, {}", number, tend::event_name(event)),
                                         std::move(*note)});
    }
    for (std::size_t kind = 0; kind < kinds; ++kind)
        section.by_kind.push_back({std::string(tend::boundary_event_names[kind]), totals[kind]});
    section.held = totals[static_cast<std::size_t>(tend::BoundaryEvent::held)];
    section.crossed = totals[static_cast<std::size_t>(tend::BoundaryEvent::crossed)];
    section.violated = totals[static_cast<std::size_t>(tend::BoundaryEvent::violated)];
    for (const auto& [number, counts] : per_boundary) {
        BoundarySummary summary;
        summary.number = number;
        if (auto it = wording.find(number); it != wording.end()) summary.text = it->second;
        for (std::size_t kind = 0; kind < kinds; ++kind) {
            if (!counts[kind]) continue;
            summary.events.push_back({std::string(tend::boundary_event_names[kind]), counts[kind]});
            summary.total += counts[kind];
        }
        summary.crossed = counts[static_cast<std::size_t>(tend::BoundaryEvent::crossed)];
        summary.violated = counts[static_cast<std::size_t>(tend::BoundaryEvent::violated)];
        summary.tested = counts[static_cast<std::size_t>(tend::BoundaryEvent::tested)];
        if (summary.tested && (!section.most_tested || tested_more(summary, *section.most_tested)))
            section.most_tested = summary;
        section.boundaries.push_back(std::move(summary));
    }
}

void add_prompts(ReportData& data, const std::vector<Record>& records, const Placer& placer) {
    PromptSection& section = data.prompts;
    for (const auto& record : records) {
        const Placement where = placer.place(record);
        if (!where.day) continue;
        ++data.records;
        // Only the event, for most of them: an answer's words are read when they are kept.
        const auto known = tend::prompt_event(record);
        if (!known) continue;  // an event a later version wrote is left out, not fatal
        const tend::PromptEvent event = *known;
        DayRow& day = data.days[*where.day];
        switch (event) {
            case tend::PromptEvent::shown:
                ++section.shown;
                break;
            case tend::PromptEvent::answered: {
                ++section.answered;
                ++day.prompts_answered;
                // Share-safe: a prompt id can be looked up and a deck name is the person's own
                // (a deck called after what happened), so without notes only the count stays.
                if (!data.notes) break;
                auto entry = tend::read_prompt_entry(record);
                PromptAnswer answer{placer.at(record), std::move(entry->prompt_id), std::move(entry->deck),
                                    nonempty(std::move(entry->prompt_text)), nonempty(std::move(entry->text))};
                section.answers.push_back(std::move(answer));
                break;
            }
            case tend::PromptEvent::skipped:
                ++section.skipped;
                ++day.prompts_skipped;
                break;
            case tend::PromptEvent::fav:
                ++section.favourited;
                break;
            case tend::PromptEvent::unfav:
                break;
        }
        if (event != tend::PromptEvent::shown) day.practice = true;
    }
}

}  // namespace

namespace {

// A report with its days laid out and nothing counted yet.
ReportData empty_report(const Period& period, tend::LocalDay today, bool notes) {
    ReportData data;
    data.period = period;
    data.previous = previous_period(period);
    data.notes = notes;
    for (tend::LocalDay day = period.first; day <= period.last; day += date::days{1}) {
        DayRow row;
        row.day = day;
        row.future = day > today;
        if (!row.future) ++data.days_so_far;
        data.days.push_back(row);
    }
    return data;
}

}  // namespace

ReportData aggregate_checkins(const Period& period, const std::vector<Record>& checkins, const tend::Zone& zone,
                              tend::LocalDay today, const tend::FeelingVocabulary& vocabulary, bool notes) {
    ReportData data = empty_report(period, today, notes);
    add_checkins(data, checkins, Placer(data.period, data.previous, zone), vocabulary);
    return data;
}

ReportData aggregate_rest(const Period& period, const ReportRecords& records, const tend::Zone& zone,
                          tend::LocalDay today, bool notes) {
    ReportData data = empty_report(period, today, notes);
    const Placer placer(data.period, data.previous, zone);
    add_breathing(data, records.breathes, placer);
    add_boundaries(data, records.boundaries, placer);
    add_prompts(data, records.prompts, placer);
    return data;
}

ReportData joined(ReportData checkins, ReportData rest) {
    // What add_checkins() counts: its section, its records, and per day its count, means and practice.
    rest.checkins = std::move(checkins.checkins);
    rest.records += checkins.records;
    for (std::size_t d = 0; d < rest.days.size(); ++d) {
        rest.days[d].checkins = checkins.days[d].checkins;
        rest.days[d].means = checkins.days[d].means;
        rest.days[d].practice = rest.days[d].practice || checkins.days[d].practice;
    }
    // A record dated after today (another device's clock, a typo) still counts where it is,
    // but never makes "5 of the 2 days so far".
    for (const auto& day : rest.days)
        if (day.practice && !day.future) ++rest.practice_days;
    return rest;
}

ReportData aggregate(const Period& period, const ReportRecords& records, const tend::Zone& zone, tend::LocalDay today,
                     const tend::FeelingVocabulary& vocabulary, bool notes) {
    return joined(aggregate_checkins(period, records.checkins, zone, today, vocabulary, notes),
                  aggregate_rest(period, records, zone, today, notes));
}

}  // namespace report
