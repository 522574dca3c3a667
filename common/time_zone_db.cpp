// Zone::named: zones from date's view of the system tz database; the only user of date's tz.h.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <date/tz.h>
#include <fmt/format.h>

#include "error.hpp"
#include "terminal.hpp"
#include "time.hpp"

#include <map>
#include <memory>
#include <mutex>

namespace tend {
namespace {

class DatabaseZone final : public ZoneRules {
public:
    explicit DatabaseZone(const date::time_zone* zone) : zone_(zone) {}
    std::chrono::seconds offset_at(Instant instant) const override { return zone_->get_info(instant).offset; }

private:
    const date::time_zone* zone_;
};

}  // namespace

Zone Zone::named(std::string_view name) {
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(name);
    } catch (const std::exception&) {
        usage_error(fmt::format("time zone '{}': not in the system tz database", neutralize(name)));
    }
    // date's zones live as long as the database, i.e. the process; so do these rules.
    static std::mutex guard;
    static std::map<const date::time_zone*, std::unique_ptr<DatabaseZone>> rules;
    const std::lock_guard lock(guard);
    auto& entry = rules[zone];
    if (!entry) entry = std::make_unique<DatabaseZone>(zone);
    return Zone(entry.get());
}

}  // namespace tend
