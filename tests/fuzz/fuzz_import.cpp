// Fuzzes checkin import's readers (Daylio CSV, jrnl JSON, tend's JSON Lines export) and the JSON
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
// reader under them: every entry they accept is a sound record that the store would write.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "error.hpp"
#include "export.hpp"
#include "fuzz_common.hpp"
#include "import.hpp"
#include "json_parse.hpp"
#include "store.hpp"

using tend_fuzz::check;

namespace {

constexpr std::string_view source = "export.file";

void check_entry(const checkin::ImportEntry& entry, bool from_tend) {
    const tend::RecordFormat& format = *entry.format;
    const auto problems = tend::validate_record(
        from_tend ? entry.record : [&] {
            tend::Record with_id = entry.record;  // the store gives the id
            with_id.insert_or_assign("id", "r5abc");
            return with_id;
        }(),
        format);
    check(problems.empty(), "an accepted entry validates", problems.empty() ? "" : problems.front().text());
    if (!from_tend)
        check(entry.record.contains("source") && !entry.record.contains("id"), "an import has a source key");
    tend::Record stored = entry.record;
    if (!from_tend) stored.insert_or_assign("id", "r5abc");
    const std::string block = tend::serialize_record(stored, format);
    try {
        const auto back = tend::parse_month_text(block, "data/x/2026-11.toml", format);
        check(back.size() == 1 && back.front() == stored, "an entry reads back from its month file", block);
    } catch (const tend::Error& e) {
        tend_fuzz::broken("an entry's block parses", std::string(e.what()) + "\n" + block);
    }
    const auto line = tend::export_line(stored, format);
    const auto again = tend::parse_export_line(line, source, 1);
    check(again.format == &format && again.record == stored, "an export line reads back equal", line);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const int which = data[0] % 4;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const checkin::ImportContext context{tend::Zone::local(), tend::Instant{std::chrono::seconds{1'900'000'000}},
                                         checkin::daylio_moods({"average=5", "sad=2"}), (data[0] & 4) != 0};
    try {
        checkin::ImportBatch batch;
        if (which == 0) batch = checkin::read_daylio(text, source, context);
        if (which == 1) batch = checkin::read_jrnl(text, source, context);
        if (which == 2) batch = checkin::read_tend_export(text, source);
        if (which == 3) {
            (void)tend::parse_json(text, source);
            return 0;
        }
        for (const auto& entry : batch.entries) check_entry(entry, which == 2);
        for (const auto& refusal : batch.refused) check(!refusal.what.empty(), "a refusal says why");
    } catch (const tend::Error& e) {
        check(e.code() == tend::Exit::data, "an unreadable export is a data error", e.what());
        check(std::string_view(e.what()).starts_with(std::string(source) + ":"), "the error names the file", e.what());
    }
    return 0;
}
