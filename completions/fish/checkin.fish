# fish completion for checkin(1), part of tend. Feeling words and check-in ids come from
# checkin itself, reading the data dir given on the line if there is one.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later

complete -c checkin -f
complete -c checkin -l version -d 'Print the version and exit'
complete -c checkin -s h -l help -d 'Print this help and exit'
complete -c checkin -l data-dir -x -a '(__fish_complete_directories)' -d 'Keep data in DIR'
complete -c checkin -l color -x -a 'auto always never' -d 'Colour: auto, always or never'

set -l subcommands list edit delete undo share unshare due feelings import plan
set -l new_or_edit "not __fish_seen_subcommand_from $subcommands; or __fish_seen_subcommand_from edit"

complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a list -d 'List check-ins, oldest first'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a edit -d 'Change a check-in'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a delete -d 'Delete a check-in for good'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a undo -d 'Delete the check-in you just saved'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a share -d "Share a check-in's numbers with your partner"
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a unshare -d "Take a check-in's shared numbers back"
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a due -d 'Exit 0 when a check-in is due today'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a feelings -d 'Show the feeling words, grouped'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a import -d 'Bring in your history from Daylio, jrnl or tend'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -a plan -d 'Show your safety plan'

complete -c checkin -n $new_or_edit -l mood -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Mood, 0 (very low) to 10 (very good)'
complete -c checkin -n $new_or_edit -l energy -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Energy, 0 (empty) to 10 (full)'
complete -c checkin -n $new_or_edit -l anxiety -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Anxiety, 0 (calm) to 10 (overwhelmed)'
complete -c checkin -n $new_or_edit -l closeness -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Closeness, 0 (far) to 10 (close)'
complete -c checkin -n $new_or_edit -l safety -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Feeling safe, 0 (not at all) to 10 (completely)'
complete -c checkin -n $new_or_edit -l feel -x -d 'Feeling words, comma-separated' \
    -a '(__tend_run feelings --json | sed -n \'/"words": \[/,/\]/s/^ *"\([^"]*\)",\{0,1\}$/\1/p\' | __tend_list)'
complete -c checkin -n $new_or_edit -l tag -x -d 'Tags, comma-separated or repeated'
complete -c checkin -n $new_or_edit -l note -x -a - -d "A note; '-' reads it from standard input"
complete -c checkin -n $new_or_edit -l edit-note -d 'Write the note in $VISUAL or $EDITOR'
complete -c checkin -n $new_or_edit -l at -x -d 'When it is about: now, yesterday 21:00, -2h, mon, ...'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -l share -d 'Share its numbers with your partner'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands" -s q -l quiet -d 'Say nothing when it is saved'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands list edit delete undo share unshare" -l json -d 'Print JSON'
complete -c checkin -n "not __fish_seen_subcommand_from $subcommands list edit delete undo share unshare" -l utc -d 'Write JSON times in UTC, with a Z'
complete -c checkin -n "__fish_seen_subcommand_from list edit import" -l json -d 'Print JSON'
complete -c checkin -n "__fish_seen_subcommand_from list edit import" -l utc -d 'Write JSON times in UTC, with a Z'

complete -c checkin -n "__fish_seen_subcommand_from list" -l since -x -d 'From this time or day'
complete -c checkin -n "__fish_seen_subcommand_from list" -l until -x -d 'Up to this time or day, included'
complete -c checkin -n "__fish_seen_subcommand_from list" -l last -x -d 'Only the last N'
complete -c checkin -n "__fish_seen_subcommand_from list" -l tag -x -d 'Only check-ins with one of these tags'

complete -c checkin -n "__fish_seen_subcommand_from edit" -l clear -x -d 'Empty these fields' \
    -a '(printf "%s\n" mood energy anxiety closeness safety feelings tags note | __tend_list)'
complete -c checkin -n "__fish_seen_subcommand_from edit delete share unshare" -x \
    -a '(__tend_run list --json --last 30 | __tend_pairs id at)'

complete -c checkin -n "__fish_seen_subcommand_from import; and not __fish_seen_subcommand_from daylio jrnl tend" -x \
    -a 'daylio jrnl tend' -d 'Export format'
complete -c checkin -n "__fish_seen_subcommand_from daylio jrnl tend" -F
complete -c checkin -n "__fish_seen_subcommand_from import" -l dry-run -d 'Show what would be added, skipped and refused'
complete -c checkin -n "__fish_seen_subcommand_from import" -l mood-map -x -d 'Daylio: your own mood names as numbers'
complete -c checkin -n "__fish_seen_subcommand_from import" -l tz -x -d "The time zone the export's times are in"
complete -c checkin -n "__fish_seen_subcommand_from import" -l mood-from-tag -d 'jrnl: a tag @mood7 gives the mood'
complete -c checkin -n "__fish_seen_subcommand_from import" -l skip-bad -d 'Import what can be read even when some cannot'
complete -c checkin -n "__fish_seen_subcommand_from import" -s q -l quiet -d 'Say nothing when it is done'
