#!/usr/bin/env bash
# Shows that mamori works fully offline and opens no network connection: every CLI command and
# the app's screenshot mode run inside a network namespace with no network (`unshare -n`: only a
# loopback device, which is down), under `strace`, and the script fails if any of them fails or
# if any process of theirs so much as tries to connect a socket of an Internet family (AF_INET,
# AF_INET6) or send on one. Local Unix sockets (the X server, D-Bus) are allowed. Installs what
# it needs with apt-get; uses the debug binary that `cargo test` has built.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
pkgs=(strace util-linux xvfb xauth libxcursor1 libxi6 libxkbcommon-x11-0 libegl1 libegl-mesa0 libgl1-mesa-dri)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "offline: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --locked
bin="$PWD/target/debug/mamori"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A namespace without network: root can use `unshare -n`; others need a user namespace too.
if $SUDO unshare -n true 2>/dev/null; then
  netless=($SUDO unshare -n)
elif unshare -rn true 2>/dev/null; then
  netless=(unshare -rn)
else
  echo "offline: FAILED: cannot create a network namespace (unshare -n / unshare -rn)"
  exit 1
fi

# Inside the namespace there must be no network to reach: no interface but a downed loopback.
ifaces="$("${netless[@]}" cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' | tr '\n' ' ')"
if [ "$ifaces" != "lo " ]; then
  echo "offline: FAILED: the namespace has interfaces other than lo: $ifaces"
  exit 1
fi

fail=0
run() {
  local name="$1"
  shift
  local log="$work/$name.strace"
  if ! "${netless[@]}" strace -f -qq -o "$log" -e trace=socket,connect,sendto,sendmsg "$@" \
      >"$work/$name.out" 2>&1; then
    echo "offline: FAILED: $name did not work without a network:"
    sed 's/^/    /' "$work/$name.out" | tail -20
    fail=1
    return
  fi
  if grep -E "AF_INET6?[,)]" "$log" >/dev/null; then
    echo "offline: FAILED: $name touched an Internet socket:"
    grep -E "AF_INET6?[,)]" "$log" | head -5 | sed 's/^/    /'
    fail=1
    return
  fi
  echo "offline: ok $name ($(grep -c . "$log" || true) socket calls traced, none to the Internet)"
}

a="$work/a.ron"
run check "$bin" check
run list "$bin" list
run new "$bin" new --out "$a" --company "オフライン株式会社" --date 2026-11-29
run answer "$bin" answer "$a" quick.rules no
run score "$bin" score "$a"
run report "$bin" report "$a" --out "$work/a.pdf"
run report-en "$bin" report examples/workshop/kohazeya.ron --lang en --out "$work/k.pdf"
run export "$bin" export examples/workshop/kohazeya.ron --csv "$work/k.csv"
run compare "$bin" compare examples/workshop/company_b.ron examples/workshop/company_a.ron
run aggregate "$bin" aggregate examples/workshop --json
printf 'offline passphrase\n' > "$work/pass"
run encrypt "$bin" encrypt "$a" "$work/a.age.ron" --passphrase-file "$work/pass"
run score-encrypted "$bin" score "$work/a.age.ron" --passphrase-file "$work/pass"
run decrypt "$bin" decrypt "$work/a.age.ron" "$work/b.ron" --passphrase-file "$work/pass"
cmp -s "$a" "$work/b.ron" || { echo "offline: FAILED: decrypt did not give the file back"; fail=1; }
for f in "$work/a.pdf" "$work/k.pdf" "$work/k.csv"; do
  [ -s "$f" ] || { echo "offline: FAILED: $f was not written"; fail=1; }
done

# The app in a real window (Xvfb started inside the namespace), start and results pages.
for screen in start results; do
  png="$work/$screen.png"
  run "app-$screen" timeout 120 xvfb-run -a -s "-screen 0 1280x900x24" \
    env LIBGL_ALWAYS_SOFTWARE=1 HOME="$work/home" "$bin" --screenshot "$png" --screen "$screen"
  [ -s "$png" ] || { echo "offline: FAILED: the $screen screenshot was not written"; fail=1; }
done

if [ "$fail" = 0 ]; then
  echo "offline: ok: every command and the app worked with no network and made no Internet connection"
fi
exit "$fail"
