# Part of tend's fish completions; autoloaded from vendor_functions.d.
# The tool as typed, with the line's --data-dir, then the given arguments; no errors shown.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
function __tend_run
    set -l tokens (commandline -opc)
    set -l tool $tokens[1]
    set -l dir
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --data-dir
                set dir --data-dir $tokens[(math $i + 1)]
            case '--data-dir=*'
                set dir $tokens[$i]
        end
    end
    $tool $dir $argv </dev/null 2>/dev/null
end
