# Part of tend's fish completions; autoloaded from vendor_functions.d.
# "KEY1<tab>KEY2" pairs from the pretty-printed JSON on stdin.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
function __tend_pairs
    awk -v a=$argv[1] -v b=$argv[2] '
        function value(line) { sub(/^ *"[a-z_]+": "?/, "", line); sub(/"?,?$/, "", line); return line }
        $0 ~ "^ *\"" a "\": " { name = value($0) }
        $0 ~ "^ *\"" b "\": " && name != "" { print name "\t" value($0); name = "" }'
end
