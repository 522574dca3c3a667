# Sourced by the history benches: the build's bin dir, a temp work dir removed on exit, and a
# fixed clock, zone and config so that every run reads the same generated history the same way.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage, first thing in a bench: . "$(dirname "$0")/setup.sh" "$@"   (sets build, bin, here, work)
build=${1:-build}
bin=$(cd "$build/bin" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TEND_CONFIG="$work/config.toml" TZ=${TZ:-Europe/London} TEND_NOW=2026-11-21T19:10:00+00:00
unset XDG_DATA_HOME XDG_CONFIG_HOME TEND_DATA_DIR NO_COLOR
