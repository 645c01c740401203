#!/usr/bin/env bash
# Retakes the committed screenshots under Xvfb (needs xvfb xdotool imagemagick and
# ../shared/tools/shoot). Usage: bash assets/screenshots/take.sh [path/to/stelling]
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-target/release/stelling}
shoot=../shared/tools/shoot
out=assets/screenshots
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

# A fresh home per shot, with the UI language set.
run() {
  local name=$1 lang=$2 keys=$3 example=${4:-}
  rm -rf "$home"/*
  mkdir -p "$home/config"
  printf '(language: Some(%s), recent: [])\n' "$lang" >"$home/config/settings.ron"
  local args=()
  if [ -n "$example" ]; then
    cp "sessions/$example" "$home/"
    args=("$home/$example")
  fi
  # LIVE=1: live voting on at launch (its join address goes to the .log beside the picture).
  if [ -n "${LIVE:-}" ]; then
    args+=(--live --port 8080)
  fi
  # Focus the window with a click on the status line (bottom left), where it changes nothing.
  local size=${SIZE:-1280x800}
  local click="5,$(( ${size#*x} - 6 ))"
  STELLING_AUDIENCE_GEOMETRY=${STELLING_AUDIENCE_GEOMETRY:-} STELLING_HOME=$home "$shoot" "$out/$name.png" --size "$size" --wait 5 --keys "$keys" --click "$click" -- "$bin" "${args[@]}"
}

run start-screen En "ctrl+w" stellingenworkshop.ron
run first-window Nl "Down Down bracketleft" stellingenworkshop.ron
run proposition-nl Nl "Down Down bracketleft" stellingenworkshop.ron
run proposition-en En "Down Down bracketleft" stellingenworkshop.ron
run proposals Nl "Down" tafelgroepen-conferentie.ron
run shortcuts-en En "F1" stellingenworkshop.ron

# The audience window at beamer size: it opens as large as the screen, over the presenter.
SIZE=1920x1080 STELLING_AUDIENCE_GEOMETRY=0,0,1920,1080 run audience-proposition Nl "Down Down F5" stellingenworkshop.ron
SIZE=1920x1080 STELLING_AUDIENCE_GEOMETRY=0,0,1920,1080 run audience-results Nl "Down Down F5 v" stellingenworkshop.ron
SIZE=1920x1080 STELLING_AUDIENCE_GEOMETRY=0,0,1920,1080 run audience-quote Nl "Down F5 q" stellingenworkshop.ron
SIZE=1920x1080 STELLING_AUDIENCE_GEOMETRY=0,0,1920,1080 run audience-results-light Nl "Down Down F5 F9 v" stellingenworkshop.ron

# Live voting: the presenter's live panel, and the beamer with the join code (J).
SIZE=1280x720 LIVE=1 run live-presenter-nl Nl "Down Down" stellingenworkshop.ron
SIZE=1920x1080 STELLING_AUDIENCE_GEOMETRY=0,0,1920,1080 LIVE=1 run live-beamer-qr Nl "Down Down F5 j" stellingenworkshop.ron

# Prepare mode: the agenda editor, and the chat import preview after pasting a chat (Ctrl+V;
# with-clipboard.sh puts the sample chat on the X clipboard first, as a file dialog cannot be
# driven here; needs xclip).
run agenda-editor Nl "ctrl+e Down Down" stellingenworkshop.ron
rm -rf "$home"/* && mkdir -p "$home/config" && cp sessions/online-terugkoppeling.ron "$home/"
printf '(language: Some(Nl), recent: [])\n' >"$home/config/settings.ron"
STELLING_HOME=$home "$shoot" "$out/import-preview.png" --size 1280x800 --wait 5 --keys "ctrl+e ctrl+4 ctrl+v" \
  -- assets/screenshots/with-clipboard.sh assets/screenshots/chat-sample.txt "$bin" "$home/online-terugkoppeling.ron"

# The report screen (Ctrl+R): the preview in the session's language and the export buttons.
# Without run()'s click: at 5,5 it would land on the first screen tab.
rm -rf "$home"/* && mkdir -p "$home/config" && cp sessions/stellingenworkshop.ron "$home/"
printf '(language: Some(Nl), recent: [])\n' >"$home/config/settings.ron"
STELLING_HOME=$home "$shoot" "$out/report-screen.png" --size 1280x800 --wait 5 --keys "ctrl+r" \
  -- "$bin" "$home/stellingenworkshop.ron"
