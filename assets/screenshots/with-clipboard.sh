#!/usr/bin/env bash
# Puts a file on the X clipboard, then runs the program: lets take.sh show what a facilitator
# sees after pasting a chat (Ctrl+V) without a file dialog. Needs xclip.
#   with-clipboard.sh FILE PROGRAM [ARGS…]
set -eu
file=$1; shift
xclip -selection clipboard -i <"$file"
exec "$@"
