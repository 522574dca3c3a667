// From records to a ReportData: pure functions of the records, the period and the zone.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "feelings.hpp"
#include "record.hpp"
#include "report_data.hpp"

namespace report {

// The records a report reads, each kind oldest first. They may reach beyond the period
// (the previous period is read too); what lies outside both is ignored.
struct ReportRecords {
    std::vector<tend::Record> checkins;
    std::vector<tend::Record> breathes;
    std::vector<tend::Record> boundaries;
    std::vector<tend::Record> prompts;
};

// Everything the report says about `period`, compared with previous_period(period). Records
// fall on the local day of their `at` in `zone`; days after `today` are still to come. Without notes, no free text is
// kept: no check-in or boundary notes, no answers, no prompt text, no boundary wording. A boundary's wording comes from
// the latest `added` or `renegotiated` event among the records given up to the period's end; when none is there, it is
// named by number only, so that the cost of a report stays with the months it covers. Throws Exit::data for a boundary
// event this version does not know.
ReportData aggregate(const Period& period, const ReportRecords& records, const tend::Zone& zone, tend::LocalDay today,
                     const tend::FeelingVocabulary& vocabulary, bool notes);

// aggregate() in two halves that can be made at once, on two threads: the check-ins' part (from
// the check-ins alone) and the rest (from every other kind; records.checkins is not read), then
// joined. aggregate() is joined(aggregate_checkins(...), aggregate_rest(...)).
ReportData aggregate_checkins(const Period& period, const std::vector<tend::Record>& checkins, const tend::Zone& zone,
                              tend::LocalDay today, const tend::FeelingVocabulary& vocabulary, bool notes);
ReportData aggregate_rest(const Period& period, const ReportRecords& records, const tend::Zone& zone,
                          tend::LocalDay today, bool notes);
ReportData joined(ReportData checkins, ReportData rest);

}  // namespace report
