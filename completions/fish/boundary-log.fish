# fish completion for boundary-log(1), part of tend. Boundary numbers come from 'boundary-log list
# --json', reading the data dir given on the line if there is one.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later

complete -c boundary-log -f
complete -c boundary-log -l version -d 'Print the version and exit'
complete -c boundary-log -s h -l help -d 'Print this help and exit'
complete -c boundary-log -l data-dir -x -a '(__fish_complete_directories)' -d 'Keep data in DIR'
complete -c boundary-log -l color -x -a 'auto always never' -d 'Colour: auto, always or never'

set -l events held tested crossed violated repaired renegotiated retired
set -l subcommands add $events list show undo share unshare
set -l types physical emotional time material digital sexual intellectual

complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a add -d 'Set a new boundary'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a held -d 'It held'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a tested -d 'It was tested, but not crossed'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a crossed -d 'It was crossed'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a violated -d 'It was violated'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a repaired -d 'It was repaired'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a renegotiated -d 'It was agreed anew'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a retired -d 'It is no longer needed'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a list -d 'List the active boundaries'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a show -d 'Show one boundary and its timeline'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a undo -d 'Take back what was logged last'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a share -d 'Share a boundary with your partner'
complete -c boundary-log -n "not __fish_seen_subcommand_from $subcommands" -a unshare -d 'Take a shared boundary back'
complete -c boundary-log -n "__fish_seen_subcommand_from undo share unshare" -s q -l quiet -d 'Print less'

complete -c boundary-log -n "__fish_seen_subcommand_from add list" -l type -x -a "$types" -d 'Its kind'
complete -c boundary-log -n "__fish_seen_subcommand_from add list" -l with -x -d 'Who it is with'
complete -c boundary-log -n "__fish_seen_subcommand_from add" -l hard -d 'A hard boundary: not open to negotiation'
complete -c boundary-log -n "__fish_seen_subcommand_from add" -l soft -d 'A soft boundary: room to flex'
complete -c boundary-log -n "__fish_seen_subcommand_from add" -l if-crossed -x -d 'What you will do if it is crossed'
complete -c boundary-log -n "__fish_seen_subcommand_from add" -l share -d 'Share it with your partner'
complete -c boundary-log -n "__fish_seen_subcommand_from add $events" -l note -x -a - -d "A note; '-' reads it from standard input"
complete -c boundary-log -n "__fish_seen_subcommand_from add $events" -l at -x -d 'When: now, yesterday 21:00, -2h, mon, ...'
complete -c boundary-log -n "__fish_seen_subcommand_from add $events" -s q -l quiet -d 'Print less'
complete -c boundary-log -n "__fish_seen_subcommand_from $events" -l intensity -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'How strong it was, 0 to 10'
complete -c boundary-log -n "__fish_seen_subcommand_from renegotiated" -l text -x -d 'The new wording (required)'
complete -c boundary-log -n "__fish_seen_subcommand_from list" -l all -d 'Include retired boundaries'
complete -c boundary-log -n "__fish_seen_subcommand_from $subcommands" -l json -d 'Print JSON'
complete -c boundary-log -n "__fish_seen_subcommand_from $subcommands" -l utc -d 'Write JSON times in UTC, with a Z'
complete -c boundary-log -n "__fish_seen_subcommand_from $events" -x -a '(__tend_run list --json | __tend_pairs boundary text)'
complete -c boundary-log -n "__fish_seen_subcommand_from show share unshare" -x -a '(__tend_run list --all --json | __tend_pairs boundary text)'
