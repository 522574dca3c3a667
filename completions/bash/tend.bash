# bash completion for tend's tools: checkin, breathe, prompt, boundary-log and report.
# SPDX-FileCopyrightText: 2026 The tend authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One file for all five, installed under each tool's name in bash-completion's
# completions directory, so whichever tool is completed first loads all five.
# Names that change (breathing patterns, decks, boundary numbers, check-in and prompt
# ids, feeling words) come from the tools' own --json output, read from the data dir
# given on the command line if there is one. Works with or without bash-completion.

_tend_common_options="-h --help --version --data-dir --color"

# Sets cur, prev, words, cword and split (declared by the caller); --opt=value is split.
_tend_init() {
    if declare -F _init_completion >/dev/null; then
        _init_completion -s
        return
    fi
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=${words[cword]}
    prev=${words[cword - 1]}
    split=false
    # Without bash-completion, COMP_WORDBREAKS cuts --opt=value into "--opt" "=" "value".
    if [[ $cur == = ]]; then
        cur=""
        split=true
    elif [[ $prev == = && $cword -ge 2 ]]; then
        prev=${words[cword - 2]}
        split=true
    fi
    return 0
}

# Sets sub (the first of SUBCOMMANDS on the line) and nargs (the words after it that are
# neither options nor their values). TAKES lists the options that take a value.
_tend_parse() {
    local subcommands=" $1 " takes=" $2 " i word skip=false
    sub=""
    nargs=0
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        if $skip; then
            skip=false
        elif [[ $takes == *" $word "* ]]; then
            skip=true
        elif [[ $word == -* ]]; then
            :
        elif [[ -z $sub && $subcommands == *" $word "* ]]; then
            sub=$word
        elif [[ -n $sub ]]; then
            nargs=$((nargs + 1))
        fi
    done
}

# Runs the tool being completed, as typed, with the --data-dir given on the line.
_tend_run() {
    local tool=${words[0]} i dir=()
    [[ $tool == "~/"* ]] && tool=$HOME/${tool#"~/"}
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --data-dir) dir=(--data-dir "${words[i + 1]}") ;;
            --data-dir=*) dir=("${words[i]}") ;;
        esac
    done
    [[ ${dir[1]-} == "~/"* ]] && dir[1]=$HOME/${dir[1]#"~/"}
    "$tool" "${dir[@]}" "$@" </dev/null 2>/dev/null
}

# The values of "KEY": lines in the tools' pretty-printed JSON on stdin, one a line.
_tend_json_values() {
    sed -n -e 's/^ *"'"$1"'": "\(.*\)",\{0,1\}$/\1/p' -e 's/^ *"'"$1"'": \([^",]*\),\{0,1\}$/\1/p'
}

# The names of breathe --list --json entries of one kind (pattern, exercise) on stdin; in that
# output "name" comes right after "kind".
_tend_names_of_kind() {
    sed -n '/^ *"kind": "'"$1"'",$/{n;s/^ *"name": "\(.*\)",\{0,1\}$/\1/p;}'
}

# Completes cur from WORDS (whitespace-separated).
_tend_reply() {
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

# Completes the last item of a comma-separated list in cur from WORDS.
_tend_reply_list() {
    local head=""
    [[ $cur == *,* ]] && head=${cur%,*},
    mapfile -t COMPREPLY < <(compgen -P "$head" -W "$1" -- "${cur##*,}")
}

# Completes file names (-d: directories; otherwise an optional extension pattern).
_tend_files() {
    if declare -F _filedir >/dev/null; then
        _filedir "$@"
    elif [[ ${1-} == -d ]]; then
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
}

# Completes the value of an option every tool has; fails when prev is not one.
_tend_common_value() {
    case $prev in
        --data-dir) _tend_files -d ;;
        --color) _tend_reply "auto always never" ;;
        *) return 1 ;;
    esac
}

_tend_checkin() {
    local cur prev words cword split sub nargs
    _tend_init || return
    local values="--mood --energy --anxiety --closeness --safety --feel --tag --note --edit-note --at --share"
    local subcommands="list edit delete undo share unshare due feelings import plan"
    local takes="--data-dir --color --mood --energy --anxiety --closeness --safety --feel --tag --note --at"
    _tend_parse "$subcommands" "$takes --since --until --last --clear --mood-map --tz"
    _tend_common_value && return
    case $prev in
        --mood | --energy | --anxiety | --closeness | --safety)
            _tend_reply "0 1 2 3 4 5 6 7 8 9 10"
            return
            ;;
        --feel)
            _tend_reply_list "$(_tend_run feelings --json |
                sed -n '/"words": \[/,/\]/s/^ *"\([^"]*\)",\{0,1\}$/\1/p')"
            return
            ;;
        --clear)
            _tend_reply_list "mood energy anxiety closeness safety feelings tags note"
            return
            ;;
        --note)
            _tend_reply "-"
            return
            ;;
        --tag | --at | --since | --until | --last | --mood-map | --tz) return ;;
    esac
    $split && return

    local options
    case $sub in
        "") options="$values --json --utc -q --quiet" ;;
        list) options="--since --until --last --tag --json --utc" ;;
        edit) options="$values --clear --json --utc" ;;
        due | feelings | plan) options="--json --utc" ;;
        import) options="--dry-run --mood-map --tz --mood-from-tag --skip-bad --json --utc -q --quiet" ;;
        *) options="" ;;
    esac
    if [[ $cur == -* ]]; then
        _tend_reply "$options $_tend_common_options"
        return
    fi
    case $sub in
        "")
            if [[ $cur == [0-9]* ]]; then
                _tend_reply "0 1 2 3 4 5 6 7 8 9 10"
            else
                _tend_reply "$subcommands"
            fi
            ;;
        edit | delete | share | unshare)
            ((nargs == 0)) && _tend_reply "$(_tend_run list --json --last 30 | _tend_json_values id)"
            ;;
        import)
            if ((nargs == 0)); then
                _tend_reply "daylio jrnl tend"
            else
                _tend_files '@(csv|json|jsonl)'
            fi
            ;;
    esac
}

_tend_breathe() {
    local cur prev words cword split sub nargs
    _tend_init || return
    _tend_parse "log" "--data-dir --color -p --pattern -e --exercise -m --minutes -c --cycles --before --after --since
        --until --last"
    _tend_common_value && return
    case $prev in
        -p | --pattern)
            _tend_reply "$(_tend_run --list --json | _tend_names_of_kind pattern)"
            return
            ;;
        -e | --exercise)
            _tend_reply "$(_tend_run --list --json | _tend_names_of_kind exercise)"
            return
            ;;
        --before | --after)
            _tend_reply "0 1 2 3 4 5 6 7 8 9 10"
            return
            ;;
        -m | --minutes | -c | --cycles | --since | --until | --last) return ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        if [[ $sub == log ]]; then
            _tend_reply "--since --until --last --json --utc $_tend_common_options"
        else
            _tend_reply "-p --pattern -e --exercise -m --minutes -c --cycles --no-settle --bell --rate --before --after
                --no-log --json --list $_tend_common_options"
        fi
        return
    fi
    [[ -z $sub ]] && _tend_reply "log"
}

_tend_prompt() {
    local cur prev words cword split sub nargs
    _tend_init || return
    local filters="--deck --depth --together --solo --exclude"
    local subcommands="today answer skip fav unfav history revisit decks check edit delete share unshare pass shared"
    _tend_parse "$subcommands" "--data-dir --color --deck --depth --exclude --text --since --last --event"
    _tend_common_value && return
    case $prev in
        --deck)
            _tend_reply_list "$(_tend_run decks --json | _tend_json_values name)"
            return
            ;;
        --depth)
            _tend_reply "1 2 3"
            return
            ;;
        --event)
            _tend_reply_list "shown answered skipped fav unfav"
            return
            ;;
        --text)
            _tend_reply "-"
            return
            ;;
        --exclude | --since | --last) return ;;
    esac
    $split && return

    local options
    case $sub in
        "" | today | revisit) options="$filters --json --utc" ;;
        answer) options="--text --share --json --utc" ;;
        shared) options="--json --utc" ;;
        edit) options="--text --json --utc" ;;
        history) options="--since --last --event --favs --json --utc" ;;
        decks) options="--json --utc" ;;
        *) options="" ;;
    esac
    if [[ $cur == -* ]]; then
        _tend_reply "$options $_tend_common_options"
        return
    fi
    case $sub in
        "") _tend_reply "$subcommands" ;;
        answer | skip | fav | unfav | shared)
            ((nargs == 0)) && _tend_reply "$(_tend_run history --json --last 30 | _tend_json_values prompt_id)"
            ;;
        decks) _tend_reply "$(_tend_run decks --json | _tend_json_values name)" ;;
        check) _tend_files '@(toml|txt)' ;;
    esac
}

_tend_boundary_log() {
    local cur prev words cword split sub nargs
    _tend_init || return
    local events="held tested crossed violated repaired renegotiated retired"
    local subcommands="add $events list show undo share unshare"
    _tend_parse "$subcommands" "--data-dir --color --type --with --if-crossed --note --at --intensity --text"
    _tend_common_value && return
    case $prev in
        --type)
            _tend_reply "physical emotional time material digital sexual intellectual"
            return
            ;;
        --intensity)
            _tend_reply "0 1 2 3 4 5 6 7 8 9 10"
            return
            ;;
        --note)
            _tend_reply "-"
            return
            ;;
        --with | --if-crossed | --at | --text) return ;;
    esac
    $split && return

    local options=""
    case $sub in
        add) options="--type --with --hard --soft --if-crossed --note --at --share --json --utc -q --quiet" ;;
        renegotiated) options="--intensity --text --note --at --json --utc -q --quiet" ;;
        held | tested | crossed | violated | repaired | retired) options="--intensity --note --at --json --utc -q --quiet" ;;
        list) options="--all --type --with --json --utc" ;;
        show) options="--json --utc" ;;
        undo | share | unshare) options="-q --quiet" ;;
    esac
    if [[ $cur == -* ]]; then
        _tend_reply "$options $_tend_common_options"
        return
    fi
    case $sub in
        "") _tend_reply "$subcommands" ;;
        show | share | unshare)
            ((nargs == 0)) && _tend_reply "$(_tend_run list --all --json | _tend_json_values boundary)"
            ;;
        add | list) ;;
        *)
            ((nargs == 0)) && _tend_reply "$(_tend_run list --json | _tend_json_values boundary)"
            ;;
    esac
}

_tend_report() {
    local cur prev words cword split
    _tend_init || return
    _tend_common_value && return
    case $prev in
        --week | --month)
            _tend_reply "this last"
            return
            ;;
        --week-start)
            _tend_reply "monday tuesday wednesday thursday friday saturday sunday"
            return
            ;;
        --format)
            _tend_reply "text markdown json html csv"
            return
            ;;
        -o | --output)
            _tend_files '@(txt|md|json|html|csv|jsonl)'
            return
            ;;
        --from | --to) return ;;
    esac
    $split && return
    _tend_reply "--week --month --from --to --week-start --format --json --utc -o --output --no-notes --quiet-if-empty --check --export --couple
        $_tend_common_options"
}

complete -F _tend_checkin checkin
complete -F _tend_breathe breathe
complete -F _tend_prompt prompt
complete -F _tend_boundary_log boundary-log
complete -F _tend_report report
