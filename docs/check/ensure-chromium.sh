#!/bin/sh
# ensure-chromium.sh installs Debian's Chromium for `make check-docs` when
# $CHROMIUM (default /usr/bin/chromium) is not there: apt-get, as root or
# through sudo. Elsewhere, install Chromium yourself and set CHROMIUM.
set -eu
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "check-docs: no Chromium at $chromium and no apt-get; install Chromium and set CHROMIUM=/path/to/it" >&2
	exit 1
fi
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
echo "check-docs: installing Debian's chromium with apt-get (once)" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
[ -x "$chromium" ] || { echo "check-docs: apt-get installed chromium, but $chromium is still missing" >&2; exit 1; }
