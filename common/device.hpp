// Which device this is: a stable name kept outside the synced data, and the tag its ids carry.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "files.hpp"
#include "io.hpp"

namespace tend {

struct Device {
    std::string name;
    // Where the name came from: "TEND_DEVICE", "config" or the state file's path (what
    // `report --check` shows).
    std::string from;
};

// Whether a name can name a device: 1 to 32 of a-z, 0-9, '.', '_' and '-', not starting with
// '.' or '-' (it is a directory name in every synced copy, so it must be safe everywhere).
bool is_device_name(std::string_view name);

// The state file that keeps this machine's device name: $XDG_STATE_HOME/tend/device, else
// ~/.local/state/tend/device. Outside the data directory, so that no sync engine and no copy
// of the data carries it to another machine.
std::filesystem::path device_state_file(const Io& io);

// This device's name as it stands, without making one: nullopt when no name is set or kept
// yet (what `report --check`, which changes nothing, shows).
std::optional<Device> known_device(const Io& io, const std::string& configured);

// This device: TEND_DEVICE, else `configured` ([device] name), else the state file's name,
// else a new name made from the host name and three random characters, kept in the state file
// for good. A name that is not valid is passed over with a warning (care is never blocked);
// when the state file cannot be written, the new name is used this once, with a warning.
Device resolve_device(const Io& io, const std::string& configured, const Warn& warn);

// The one character a device's new record ids carry after the month, from its name, so that
// two devices' ids differ even when their random parts agree.
char device_tag(std::string_view name);

// The character set of ids: Crockford's base 32 in lower case (no i, l, o or u to misread).
inline constexpr std::string_view id_alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

}  // namespace tend
