# fish completion for prompt(1), part of tend. Deck names and recent prompt ids come from
# prompt itself, reading the data dir given on the line if there is one.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later

complete -c prompt -f
complete -c prompt -l version -d 'Print the version and exit'
complete -c prompt -s h -l help -d 'Print this help and exit'
complete -c prompt -l data-dir -x -a '(__fish_complete_directories)' -d 'Keep data in DIR'
complete -c prompt -l color -x -a 'auto always never' -d 'Colour: auto, always or never'

set -l subcommands today answer skip fav unfav history revisit decks check edit delete share unshare pass shared
set -l picks "not __fish_seen_subcommand_from $subcommands; or __fish_seen_subcommand_from today revisit"

complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a today -d 'The prompt of the day'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a answer -d 'Save an answer'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a edit -d 'Change an answer you saved'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a delete -d 'Delete an answer you saved'
complete -c prompt -n "__fish_seen_subcommand_from edit" -l text -x -d 'The new answer'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a skip -d 'Not this one'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a fav -d 'Keep a prompt among your favourites'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a unfav -d 'Take a prompt out of your favourites'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a history -d 'What you have been shown, answered, skipped and kept'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a revisit -d 'A prompt you answered 30 days ago or more'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a decks -d 'List the decks, or show the named ones'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a check -d 'Check decks'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a share -d 'Share an answer with your partner'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a unshare -d 'Take back an answer or a pass you shared'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a pass -d 'Pass on today\'s shared prompt, and let your partner see'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a shared -d 'Answers shared in the couple\'s folder'
complete -c prompt -n "__fish_seen_subcommand_from answer" -l share -d 'Share this answer with your partner'

complete -c prompt -n $picks -l deck -x -d 'Only from these decks' \
    -a '(__tend_run decks --json | __tend_pairs name description | __tend_list)'
complete -c prompt -n $picks -l depth -x -a '1 2 3' -d 'At most this deep: 1 light, 2 medium, 3 deep'
complete -c prompt -n $picks -l together -d 'Only prompts for two people (or either)'
complete -c prompt -n $picks -l solo -d 'Only prompts for one person (or either)'
complete -c prompt -n $picks -l exclude -x -d 'Leave out prompts with these content notes'
# Only where there is JSON to print: no command, or one of these.
set -l jsons "not __fish_seen_subcommand_from $subcommands; or __fish_seen_subcommand_from today answer history revisit decks edit shared"
complete -c prompt -n $jsons -l json -d 'Print JSON'
complete -c prompt -n $jsons -l utc -d 'Write JSON times in UTC, with a Z'

complete -c prompt -n "__fish_seen_subcommand_from answer" -l text -x -a - -d "The answer; '-' reads it from standard input"
complete -c prompt -n "__fish_seen_subcommand_from answer skip fav unfav" -x \
    -a '(__tend_run history --json --last 30 | __tend_pairs prompt_id deck)'
complete -c prompt -n "__fish_seen_subcommand_from history" -l since -x -d 'From this day or time'
complete -c prompt -n "__fish_seen_subcommand_from history" -l last -x -d 'Only the last N'
complete -c prompt -n "__fish_seen_subcommand_from history" -l event -x -d 'Only these events' \
    -a '(printf "%s\n" shown answered skipped fav unfav | __tend_list)'
complete -c prompt -n "__fish_seen_subcommand_from history" -l favs -d 'Your favourite prompts'
complete -c prompt -n "__fish_seen_subcommand_from decks" -x -a '(__tend_run decks --json | __tend_pairs name description)'
complete -c prompt -n "__fish_seen_subcommand_from check" -F
