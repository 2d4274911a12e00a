#!/usr/bin/env bash
# Real-window acceptance set-up (pytest marker `e2e`): Xvfb with the openbox window manager, a
# trayer panel holding a system tray, and a CUPS server whose default queue is the cups-pdf
# virtual printer. Idempotent; run as root on a
# fresh Debian 12 machine. Source it (it exports DISPLAY and LOVEBRIDGE_E2E_PDF_DIR) or run it.
#   E2E_DISPLAY   the X display to use (default :91)
#   E2E_PDF_DIR   where cups-pdf writes its PDFs (default /var/spool/lovebridge-e2e-pdf)
set -euo pipefail

E2E_DISPLAY="${E2E_DISPLAY:-:91}"
E2E_PDF_DIR="${E2E_PDF_DIR:-/var/spool/lovebridge-e2e-pdf}"
E2E_QUEUE="LoveBridgePDF"

if [ "$(id -u)" != "0" ]; then
  echo "e2e.sh: needs root (apt-get, cupsd, lpadmin)" >&2
  exit 1
fi

need=()
for pair in Xvfb:xvfb openbox:openbox xdotool:xdotool cupsd:cups xdpyinfo:x11-utils \
            lpadmin:cups-client trayer:trayer wmctrl:wmctrl; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair##*:}")
done
[ -e /usr/lib/cups/backend/cups-pdf ] || need+=(printer-driver-cups-pdf)
if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" xfonts-base >/dev/null
fi

# --- the display and its window manager ------------------------------------------------------
number="${E2E_DISPLAY#:}"
if ! DISPLAY="$E2E_DISPLAY" xdpyinfo >/dev/null 2>&1; then
  rm -f "/tmp/.X${number}-lock" "/tmp/.X11-unix/X${number}"
  nohup Xvfb "$E2E_DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/tmp/e2e-xvfb.log 2>&1 &
  # Up to 30 s: a busy machine can be slow to bring the display up.
  for _ in $(seq 300); do
    DISPLAY="$E2E_DISPLAY" xdpyinfo >/dev/null 2>&1 && break
    sleep 0.1
  done
fi
# (The root window's WM property can outlive a window manager that died: look for the process.)
if ! pgrep -x openbox >/dev/null 2>&1; then
  DISPLAY="$E2E_DISPLAY" nohup openbox >/tmp/e2e-openbox.log 2>&1 &
  for _ in $(seq 50); do
    DISPLAY="$E2E_DISPLAY" xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q window \
      && break
    sleep 0.1
  done
fi

# A panel with a system tray (openbox has none), so the tray icon and close-to-tray are real.
# Tried up to three times: a trayer started while the display is still busy can give up.
for _attempt in 1 2 3; do
  pgrep -x trayer >/dev/null 2>&1 && break
  DISPLAY="$E2E_DISPLAY" nohup trayer --edge bottom --align right --widthtype request \
    --height 28 --SetDockType true >/tmp/e2e-trayer.log 2>&1 &
  for _ in $(seq 100); do
    DISPLAY="$E2E_DISPLAY" xdotool search --class trayer >/dev/null 2>&1 && break
    pgrep -x trayer >/dev/null 2>&1 || break
    sleep 0.1
  done
done

# --- CUPS with the cups-pdf virtual printer ----------------------------------------------------
mkdir -p "$E2E_PDF_DIR"
chmod 1777 "$E2E_PDF_DIR"
conf=/etc/cups/cups-pdf.conf
if ! grep -qx "Out $E2E_PDF_DIR" "$conf"; then
  sed -i -e '/^Out /d' -e '/^AnonDirName /d' "$conf"
  printf 'Out %s\nAnonDirName %s\n' "$E2E_PDF_DIR" "$E2E_PDF_DIR" >>"$conf"
fi
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  cupsd  # forks into the background
  for _ in $(seq 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.1
  done
fi
if ! lpstat -v "$E2E_QUEUE" >/dev/null 2>&1; then
  ppd="$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt/ {print $1; exit}')"
  [ -n "$ppd" ] || ppd="$(lpinfo -m | awk 'tolower($0) ~ /cups-pdf/ {print $1; exit}')"
  lpadmin -p "$E2E_QUEUE" -E -v cups-pdf:/ -m "$ppd"
fi
# cups-pdf takes PostScript; Ghostscript's PDF-to-PostScript step turns text into unnamed Type 3
# glyphs, pdftocairo keeps real fonts, so the PDF that comes out still reads as words.
lpadmin -p "$E2E_QUEUE" -o pdftops-renderer-default=pdftocairo
lpadmin -d "$E2E_QUEUE"
cupsenable "$E2E_QUEUE"
cupsaccept "$E2E_QUEUE"

export DISPLAY="$E2E_DISPLAY"
export LOVEBRIDGE_E2E_PDF_DIR="$E2E_PDF_DIR"
echo "e2e: display $DISPLAY with openbox; default printer $E2E_QUEUE writing to $E2E_PDF_DIR"
