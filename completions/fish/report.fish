# fish completion for report(1), part of tend.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later

complete -c report -f
complete -c report -l version -d 'Print the version and exit'
complete -c report -s h -l help -d 'Print this help and exit'
complete -c report -l data-dir -x -a '(__fish_complete_directories)' -d 'Keep data in DIR'
complete -c report -l color -x -a 'auto always never' -d 'Colour: auto, always or never'

complete -c report -l week -x -a 'this last' -d 'The week: this, last, or an ISO week like 2026-W47'
complete -c report -l month -x -a 'this last' -d 'The month: this, last, or YYYY-MM'
complete -c report -l from -x -d 'From this day'
complete -c report -l to -x -d 'Up to this day, included'
complete -c report -l week-start -x -a 'monday tuesday wednesday thursday friday saturday sunday' -d 'Weeks start on this day'
complete -c report -l format -x -a 'text markdown json html csv' -d 'The output format'
complete -c report -l json -d 'The same as --format json'
complete -c report -l utc -d 'Write JSON times in UTC, with a Z'
complete -c report -s o -l output -r -F -d 'Write to FILE instead of standard output'
complete -c report -l no-notes -d 'Leave out all free text'
complete -c report -l quiet-if-empty -d 'Print nothing and exit 0 when the period has no records'
complete -c report -l check -d 'Show where data and config are and check every file, changing nothing'
complete -c report -l export -d 'Write every record of every kind as JSON Lines'
complete -c report -l couple -d 'What you and your partner shared, side by side'
