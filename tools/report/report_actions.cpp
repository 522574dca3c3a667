// What report does: pick the period and format, read only the months they need, aggregate, render, write.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>

#include <filesystem>
#include <future>
#include <ostream>
#include <optional>
#include <vector>

#include "aggregate.hpp"
#include "boundary_record.hpp"
#include "breathe_record.hpp"
#include "checkin_record.hpp"
#include "couple_report.hpp"
#include "error.hpp"
#include "export.hpp"
#include "files.hpp"
#include "output.hpp"
#include "prompt_record.hpp"
#include "report.hpp"

namespace report {

Format chosen_format(const Options& options) {
    if (options.json && options.format && *options.format != "json")
        tend::usage_error(fmt::format("--json: asks for JSON, but --format asks for {}; give one", *options.format));
    if (options.json) return Format::json;
    if (options.format) {
        if (auto format = format_named(*options.format)) return *format;
        tend::usage_error(fmt::format("--format: '{}' is not a format; use text, markdown, json, html or csv",
                                      tend::neutralize(*options.format)));
    }
    if (options.output) {
        if (auto format = format_for_file(*options.output)) return *format;
        if (is_stream(resolve_output(*options.output))) return Format::text;
        tend::usage_error(
            fmt::format("-o: '{}' does not end in .txt, .md, .json, .html or .csv; name the format "
                        "with --format",
                        tend::neutralize(options.output->string())));
    }
    return Format::text;
}

namespace {

// True when no kind has a single month file yet, on any device: a first run, not a quiet week.
// Lists a few small directories, whatever the history.
bool nothing_recorded_yet(const tend::Session& session) {
    for (const tend::RecordFormat* kind : tend::record_formats())
        if (session.store(*kind).has_records()) return false;
    return true;
}

// Years of records take about as long to free as to read (24,584 records: 55-150 ms of
// destructors), while the process is about to end and give the memory back at once. So a long
// report hands them to a holder that is never destroyed, as clang's -disable-free and git's
// UNLEAK do; the holder stays reachable, so LeakSanitizer does not count it as a leak.
void keep_until_exit(ReportRecords&& records) {
    static auto* const kept = new std::vector<ReportRecords>();
    kept->push_back(std::move(records));
}

// Fewer records than this are freed as usual: the memory goes back before a unit test's next run.
constexpr std::size_t many_records = 1000;

constexpr std::string_view first_run_text =
    "Nothing to report yet: tend has no records in {}.\n"
    "Try a check-in (checkin 6), a few slow breaths (breathe), today's question (prompt today)\n"
    "or a boundary (boundary-log add \"...\"); report gathers them here.\n";

// Resolved before anything is read, so a directory or a link loop is refused at once.
std::optional<OutputTarget> output_target(const Options& options) {
    return options.output ? std::optional(resolve_output(*options.output)) : std::nullopt;
}

void deliver(const std::optional<OutputTarget>& target, const std::string& bytes, std::ostream& out) {
    if (target)
        write_output(*target, bytes, out);
    else
        out << bytes;
}

}  // namespace

int run(const Options& options, const tend::Session& session) {
    const std::optional<OutputTarget> target = output_target(options);
    const bool to_stdout = !target || target->kind == OutputTarget::Kind::standard_output;
    const Format format = chosen_format(options);
    const Period period = resolve_period(options.period, session.now, session.zone, session.config.report.week_start);
    // The previous period ends where this one starts, so one range covers both: only the
    // months that overlap them are read, whatever the years of history.
    const tend::Instant from = period_begin(previous_period(period), session.zone);
    const tend::Instant to = period_end(period, session.zone);
    const auto read = [&](const tend::RecordFormat& kind) { return session.store(kind).read_range(from, to); };
    const tend::LocalDay today = session.zone.day_of(session.now);
    // Reading is most of a long report's time, so check-ins are read and counted on a second
    // thread while the other kinds are read and counted here: the two halves cost about the
    // same (check-ins have the most fields to a record). A shared lock each; an error on the
    // other thread is rethrown by get().
    ReportRecords records;
    session.device();  // resolved (and any warning given) before a second thread asks for it too
    auto checkins_part = std::async(std::launch::async, [&] {
        records.checkins = read(tend::checkin_format);
        const auto vocabulary = tend::FeelingVocabulary::shipped(session.config.checkin.feelings);
        return aggregate_checkins(period, records.checkins, session.zone, today, vocabulary, !options.no_notes);
    });
    records.breathes = read(tend::breathe_format);
    records.prompts = read(tend::prompt_format);
    records.boundaries = read(tend::boundary_format);
    ReportData rest = aggregate_rest(period, records, session.zone, today, !options.no_notes);
    const ReportData data = joined(checkins_part.get(), std::move(rest));
    if (records.checkins.size() + records.breathes.size() + records.prompts.size() + records.boundaries.size() >
        many_records)
        keep_until_exit(std::move(records));
    if (options.quiet_if_empty && data.empty()) return 0;
    if (data.empty() && format == Format::text && to_stdout && nothing_recorded_yet(session)) {
        session.io.out << fmt::format(fmt::runtime(first_run_text), tend::neutralize(session.paths.data_dir.string()));
        return 0;
    }

    // Colour only for text on a terminal: never in a file, never in another format.
    const bool colour = format == Format::text && to_stdout && session.out_style.enabled();
    deliver(target, render(format, data, tend::Style(colour), session.json_times), session.io.out);
    return 0;
}

int run_couple(const Options& options, const tend::Session& session) {
    const std::optional<OutputTarget> target = output_target(options);
    const bool to_stdout = !target || target->kind == OutputTarget::Kind::standard_output;
    const Format format = chosen_format(options);
    const Period period = resolve_period(options.period, session.now, session.zone, session.config.report.week_start);
    const CoupleReport report = read_couple_report(session, period);
    if (options.quiet_if_empty && report.empty()) return 0;
    const bool colour = format == Format::text && to_stdout && session.out_style.enabled();
    deliver(target, render_couple(format, report, tend::Style(colour), session.json_times), session.io.out);
    return 0;
}

int run_export(const Options& options, const tend::Session& session) {
    const std::optional<OutputTarget> target = output_target(options);
    deliver(target, tend::export_everything(session), session.io.out);
    return 0;
}

}  // namespace report
