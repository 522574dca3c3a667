// Fuzzes the month-file reader (parse_month_text) for every kind of record, and what the tools
// derive from the records it accepts.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "boundary_record.hpp"
#include "breathe_record.hpp"
#include "checkin_record.hpp"
#include "error.hpp"
#include "fuzz_common.hpp"
#include "prompt_record.hpp"
#include "store.hpp"

using tend_fuzz::check;

namespace {

// What report and the tools read out of records that passed validation.
void read_fields(const std::vector<tend::Record>& records, const tend::RecordFormat& format) {
    for (const auto& record : records) {
        (void)tend::record_at(record);
        (void)tend::month_of_id(tend::record_id(record));
        if (&format == &tend::checkin_format) {
            if (auto distress = tend::checkin_distress(tend::read_checkin_entry(record)))
                check(*distress >= 0 && *distress <= 10, "distress is 0 to 10");
        } else if (&format == &tend::breathe_format) {
            (void)tend::read_breathe_entry(record);
        } else if (&format == &tend::prompt_format) {
            (void)tend::prompt_event(record);
        }
    }
    if (&format == &tend::boundary_format) {
        try {
            (void)tend::derive_boundaries(records);
        } catch (const tend::Error& e) {
            check(e.code() == tend::Exit::data, "a bad boundary history is a data error", e.what());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const auto formats = tend::record_formats();
    const tend::RecordFormat& format = *formats[data[0] % formats.size()];
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    const std::string file = "data/" + std::string(format.kind) + "/2026-11.toml";

    std::vector<tend::Record> records;
    try {
        records = tend::parse_month_text(text, file, format);
    } catch (const tend::Error& e) {
        check(e.code() == tend::Exit::data, "an unreadable month file is a data error", e.what());
        check(std::string_view(e.what()).starts_with(file + ":"), "the error names the file", e.what());
        return 0;
    }

    // Each record that reads back is written (as the store would write it) and reads back equal.
    std::string written;
    for (const auto& record : records) {
        check(tend::validate_record(record, format).empty(), "an accepted record validates");
        const std::string block = tend::serialize_record(record, format);
        std::vector<tend::Record> again;
        try {
            again = tend::parse_month_text(block, file, format);
        } catch (const tend::Error& e) {
            tend_fuzz::broken("a serialised record parses", std::string(e.what()) + "\n" + block);
        }
        check(again.size() == 1 && again.front() == record, "a serialised record reads back equal", block);
        written += "\n" + block;
    }
    const std::vector<tend::Record> all = tend::parse_month_text(written, file, format);
    check(all.size() == records.size(), "the rewritten file has every record", written);
    for (std::size_t i = 0; i < all.size(); ++i)
        check(all[i] == records[i], "the rewritten file reads back equal", written);

    read_fields(records, format);
    return 0;
}
