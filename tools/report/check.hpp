// report --check: where tend's files are, and every problem in them, as text or JSON.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data_check.hpp"
#include "device.hpp"
#include "io.hpp"
#include "json.hpp"
#include "terminal.hpp"

namespace report {

struct Options;

// The JSON schema of --check --json; a change that drops or renames a key makes a new version.
inline constexpr std::string_view check_schema = "tend.check/1";

// The options that choose a period or an output, which --check does not take, as the user
// would write them ("--week", "-o", ...). Usage error naming each one given.
void refuse_with_check(const std::vector<std::string>& given);

// The paths and where they came from, this device and the others, one line per problem and
// warning ("file:line:col: what"), and a one-line summary. `style` colours the summary only.
std::string render_check_text(const tend::ExplainedPaths& paths, const std::optional<tend::Device>& device,
                              const tend::DataCheck& check, const tend::Style& style);

// The same as an object: schema, data_dir, config, device, files, records, problems, warnings, sound.
tend::Json check_json(const tend::ExplainedPaths& paths, const std::optional<tend::Device>& device,
                      const tend::DataCheck& check);

// The whole of `report --check`: resolves the paths (no config needed: a broken config is one
// of the things it reports), checks, prints. Returns 65 when there is a problem, else 0.
int run_check(const Options& options, tend::Io& io);

}  // namespace report
