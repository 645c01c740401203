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
  STELLING_AUDIENCE_GEOMETRY=${STELLING_AUDIENCE_GEOMETRY:-} STELLING_HOME=$home "$shoot" "$out/$name.png" --size "${SIZE:-1280x800}" --wait 5 --keys "$keys" --click 5,5 -- "$bin" "${args[@]}"
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
