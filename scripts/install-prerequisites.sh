#!/usr/bin/env bash
# What a fresh machine of this project's kind lacks for the tests: Debian's PostgreSQL server, and
# Debian's Chromium with CJK fonts and its Chinese locale for the console's browser tests (never a
# browser download); the same fonts-noto-cjk are embedded in the printed official documents
# (documents/font.ts). (The Temporal CLI is fetched on first use by platform/engine/ and cached.)
# Idempotent and quick when everything is there.
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK*' >/dev/null || missing+=(fonts-noto-cjk)
# Chromium's own controls (a date field's 年/月/日, 选择文件) in Chinese, as a clerk's browser shows them.
[ -f /usr/lib/chromium/locales/zh-CN.pak ] || missing+=(chromium-l10n)
# pdfsig: a PDF reader's own check of the documents' PAdES signatures (test/document-signatures.test.ts).
[ -x /usr/bin/pdfsig ] || missing+=(poppler-utils)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root, or install them: apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
