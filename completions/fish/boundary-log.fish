# fish completion for boundary-log(1), part of tend. Boundary numbers come from 'boundary-log list
# --json', reading the data dir given on the line if there is one.

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

complete -c boundary-log -f
complete -c boundary-log -l version -d 'Print the version and exit'
complete -c boundary-log -s h -l help -d 'Print this help and exit'
complete -c boundary-log -l data-dir -x -a '(__fish_complete_directories)' -d 'Keep data in DIR'
complete -c boundary-log -l color -x -a 'auto always never' -d 'Colour: auto, always or never'

set -l events held tested crossed violated repaired renegotiated retired
set -l subcommands add $events list show
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

complete -c boundary-log -n "__fish_seen_subcommand_from add list" -l type -x -a "$types" -d 'Its kind'
complete -c boundary-log -n "__fish_seen_subcommand_from add list" -l with -x -d 'Who it is with'
complete -c boundary-log -n "__fish_seen_subcommand_from add" -l hard -d 'A hard boundary: not open to negotiation'
complete -c boundary-log -n "__fish_seen_subcommand_from add" -l soft -d 'A soft boundary: room to flex'
complete -c boundary-log -n "__fish_seen_subcommand_from add" -l if-crossed -x -d 'What you will do if it is crossed'
complete -c boundary-log -n "__fish_seen_subcommand_from add $events" -l note -x -a - -d "A note; '-' reads it from standard input"
complete -c boundary-log -n "__fish_seen_subcommand_from add $events" -l at -x -d 'When: now, yesterday 21:00, -2h, mon, ...'
complete -c boundary-log -n "__fish_seen_subcommand_from add $events" -s q -l quiet -d 'Print less'
complete -c boundary-log -n "__fish_seen_subcommand_from $events" -l intensity -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'How strong it was, 0 to 10'
complete -c boundary-log -n "__fish_seen_subcommand_from renegotiated" -l text -x -d 'The new wording (required)'
complete -c boundary-log -n "__fish_seen_subcommand_from list" -l all -d 'Include retired boundaries'
complete -c boundary-log -n "__fish_seen_subcommand_from $subcommands" -l json -d 'Print JSON'
complete -c boundary-log -n "__fish_seen_subcommand_from $events" -x -a '(__tend_run list --json | __tend_pairs number text)'
complete -c boundary-log -n "__fish_seen_subcommand_from show" -x -a '(__tend_run list --all --json | __tend_pairs number text)'
