// Resolving this device's name from the environment, the config or the machine's state file.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "device.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <climits>
#include <random>

#include "error.hpp"
#include "terminal.hpp"

namespace tend {
namespace fs = std::filesystem;

namespace {

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    return std::string(text);
}

// The host name as a device name: lower case, anything else as '-', at most 24 characters.
std::string host_part() {
    char host[HOST_NAME_MAX + 1] = {};
    if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    std::string name;
    for (const char* c = host; *c && name.size() < 24; ++c) {
        const char lower = (*c >= 'A' && *c <= 'Z') ? static_cast<char>(*c - 'A' + 'a') : *c;
        const bool plain = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        if (*c == '.') break;  // the short name: "laptop", not "laptop.home.example"
        name += plain ? lower : '-';
    }
    while (!name.empty() && (name.front() == '-' || name.front() == '.')) name.erase(name.begin());
    return name.empty() ? "device" : name;
}

std::string new_device_name() {
    std::random_device random;
    std::uniform_int_distribution<std::size_t> pick(0, id_alphabet.size() - 1);
    std::string name = host_part() + "-";
    for (int i = 0; i < 3; ++i) name += id_alphabet[pick(random)];
    return name;
}

}  // namespace

bool is_device_name(std::string_view name) {
    if (name.empty() || name.size() > 32 || name.front() == '.' || name.front() == '-') return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

fs::path device_state_file(const Io& io) {
    if (auto state = io.getenv_nonempty("XDG_STATE_HOME"); state && fs::path(*state).is_absolute())
        return fs::path(*state) / "tend" / "device";
    if (auto home = io.getenv_nonempty("HOME")) return fs::path(*home) / ".local" / "state" / "tend" / "device";
    usage_error("HOME: not set; set TEND_DEVICE to name this device");
}

std::optional<Device> known_device(const Io& io, const std::string& configured) {
    if (auto name = io.getenv_nonempty("TEND_DEVICE"); name && is_device_name(*name))
        return Device{*name, "TEND_DEVICE"};
    if (is_device_name(configured)) return Device{configured, "config"};
    const fs::path state = device_state_file(io);
    try {
        if (auto kept = read_file_if_exists(state); kept && is_device_name(trimmed(*kept)))
            return Device{trimmed(*kept), state.string()};
    } catch (const Error&) {
    }
    return std::nullopt;
}

Device resolve_device(const Io& io, const std::string& configured, const Warn& warn) {
    const auto passed_over = [&](std::string_view where, std::string_view name) {
        if (warn)
            warn(
                fmt::format("{} '{}' cannot name a device (use 1 to 32 of a-z, 0-9, '.', '_' and '-'); "
                            "using this machine's own name instead",
                            where, neutralize(name)));
    };
    if (auto name = io.getenv_nonempty("TEND_DEVICE")) {
        if (is_device_name(*name)) return {*name, "TEND_DEVICE"};
        passed_over("TEND_DEVICE", *name);
    }
    if (is_device_name(configured)) return {configured, "config"};
    if (!configured.empty()) passed_over("[device] name", configured);
    const fs::path state = device_state_file(io);
    try {
        if (auto kept = read_file_if_exists(state)) {
            if (is_device_name(trimmed(*kept))) return {trimmed(*kept), state.string()};
            passed_over(state.string(), trimmed(*kept));
        }
    } catch (const Error& e) {
        if (warn) warn(e.what());
    }
    Device device{new_device_name(), state.string()};
    try {
        ensure_private_dir(state.parent_path());
        AtomicFile file(state);
        file.write(device.name + "\n");
        file.commit();
    } catch (const Error& e) {
        if (warn)
            warn(fmt::format("this device's name '{}' cannot be kept ({}); set TEND_DEVICE so that it stays the same",
                             device.name, e.what()));
    }
    return device;
}

char device_tag(std::string_view name) {
    std::uint32_t hash = 2166136261u;  // FNV-1a: stable across builds and machines
    for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return id_alphabet[hash % id_alphabet.size()];
}

}  // namespace tend
