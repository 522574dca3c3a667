# fish completion for breathe(1), part of tend. Pattern and exercise names come from
# 'breathe --list --json', reading the data dir given on the line if there is one; the awk keeps
# the entries of one kind.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later

complete -c breathe -f
complete -c breathe -l version -d 'Print the version and exit'
complete -c breathe -s h -l help -d 'Print this help and exit'
complete -c breathe -l data-dir -x -a '(__fish_complete_directories)' -d 'Keep data in DIR'
complete -c breathe -l color -x -a 'auto always never' -d 'Colour: auto, always or never'

set -l session "not __fish_seen_subcommand_from log"

complete -c breathe -n $session -a log -d 'List breathing sessions, oldest first'
complete -c breathe -n $session -s p -l pattern -x -d 'A pattern name or in-hold-out-hold seconds' \
    -a '(__tend_run --list --json | awk \'/^ *"kind": /{ keep = /"pattern"/ } keep\' | __tend_pairs name description)'
complete -c breathe -n $session -s e -l exercise -x -d 'A guided exercise instead of a pattern' \
    -a '(__tend_run --list --json | awk \'/^ *"kind": /{ keep = /"exercise"/ } keep\' | __tend_pairs name description)'
complete -c breathe -n $session -s m -l minutes -x -d 'Breathe for about M minutes'
complete -c breathe -n $session -s c -l cycles -x -d 'Breathe N whole breaths instead'
complete -c breathe -n $session -l no-settle -d 'Start at once, without the settle countdown'
complete -c breathe -n $session -l bell -d 'Ring the terminal bell: once to breathe in, twice to breathe out'
complete -c breathe -n $session -l rate -d 'Ask how distressed you are before and after'
complete -c breathe -n $session -l before -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Distress before, 0 (calm) to 10 (overwhelmed)'
complete -c breathe -n $session -l after -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Distress after, 0 to 10'
complete -c breathe -n $session -l no-log -d 'Do not save the session'
complete -c breathe -n $session -l list -d 'Show the patterns and exercises, and exit'
complete -c breathe -l json -d 'Print JSON'
complete -c breathe -l utc -d 'Write JSON times in UTC, with a Z'
complete -c breathe -n "__fish_seen_subcommand_from log" -l since -x -d 'From this time or day'
complete -c breathe -n "__fish_seen_subcommand_from log" -l until -x -d 'Up to this time or day, included'
complete -c breathe -n "__fish_seen_subcommand_from log" -l last -x -d 'Only the last N'
