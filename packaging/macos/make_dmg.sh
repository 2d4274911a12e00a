#!/usr/bin/env bash
# Pack LoveBridge.app into a compressed disk image with an Applications shortcut to drag onto.
# Usage: make_dmg.sh path/to/LoveBridge.app VERSION OUTPUT_DIR
# Signs and notarises first when MACOS_SIGN_IDENTITY (and MACOS_NOTARY_PROFILE) are set;
# see packaging/macos/README.md.
set -euo pipefail

app="$1"
version="$2"
out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
dmg="$out/LoveBridge-$version.dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp \
        --entitlements "$here/entitlements.plist" --sign "$MACOS_SIGN_IDENTITY" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "LoveBridge $version" -srcfolder "$staging" -fs HFS+ -format UDZO \
    -ov "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "$dmg"
