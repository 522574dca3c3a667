# Part of tend's fish completions; autoloaded from vendor_functions.d.
# Completes the last item of a comma-separated list from the words on stdin.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
function __tend_list
    set -l token (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- $token)
    while read -l item
        printf '%s%s\n' $head $item
    end
end
