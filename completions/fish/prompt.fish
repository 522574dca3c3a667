# fish completion for prompt(1), part of tend. Deck names and recent prompt ids come from
# prompt itself, reading the data dir given on the line if there is one.

# The tool as typed, with the line's --data-dir, then the given arguments; no errors shown.
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

# "KEY1<tab>KEY2" pairs from the pretty-printed JSON on stdin.
function __tend_pairs
    awk -v a=$argv[1] -v b=$argv[2] '
        function value(line) { sub(/^ *"[a-z_]+": "?/, "", line); sub(/"?,?$/, "", line); return line }
        $0 ~ "^ *\"" a "\": " { name = value($0) }
        $0 ~ "^ *\"" b "\": " && name != "" { print name "\t" value($0); name = "" }'
end

# Completes the last item of a comma-separated list from the words on stdin.
function __tend_list
    set -l token (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- $token)
    while read -l item
        printf '%s%s\n' $head $item
    end
end

complete -c prompt -f
complete -c prompt -l version -d 'Print the version and exit'
complete -c prompt -s h -l help -d 'Print this help and exit'
complete -c prompt -l data-dir -x -a '(__fish_complete_directories)' -d 'Keep data in DIR'
complete -c prompt -l color -x -a 'auto always never' -d 'Colour: auto, always or never'

set -l subcommands today answer skip fav unfav history revisit decks check
set -l picks "not __fish_seen_subcommand_from $subcommands; or __fish_seen_subcommand_from today revisit"

complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a today -d 'The prompt of the day'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a answer -d 'Save an answer'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a skip -d 'Not this one'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a fav -d 'Keep a prompt among your favourites'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a unfav -d 'Take a prompt out of your favourites'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a history -d 'What you have been shown, answered, skipped and kept'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a revisit -d 'A prompt you answered 30 days ago or more'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a decks -d 'List the decks, or show the named ones'
complete -c prompt -n "not __fish_seen_subcommand_from $subcommands" -a check -d 'Check decks'

complete -c prompt -n $picks -l deck -x -d 'Only from these decks' \
    -a '(__tend_run decks --json | __tend_pairs name description | __tend_list)'
complete -c prompt -n $picks -l depth -x -a '1 2 3' -d 'At most this deep: 1 light, 2 medium, 3 deep'
complete -c prompt -n $picks -l together -d 'Only prompts for two people (or either)'
complete -c prompt -n $picks -l solo -d 'Only prompts for one person (or either)'
complete -c prompt -n $picks -l exclude -x -d 'Leave out prompts with these content notes'
complete -c prompt -n "not __fish_seen_subcommand_from skip fav unfav check" -l json -d 'Print JSON'

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
