#!/usr/bin/env bash
# Fails when the committed generated code differs from what Proto/ generates now.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$root/dev/generate-proto.sh" "$tmp"
status=0
for f in Sources/CPrecisProto/precis.pb-c.c Sources/CPrecisProto/include/precis/v1/precis.pb-c.h \
         Sources/PrecisWire/Generated/Messages.swift Sources/PrecisWire/Generated/Messages+CBridge.swift \
         Sources/PrecisWire/Generated/Messages+JSON.swift Sources/PrecisWire/Generated/WireSchema.swift \
         Clients/python/precis/v1/precis_pb2.py; do
    if ! diff -q "$tmp/$f" "$root/$f" >/dev/null 2>&1; then
        echo "stale generated file: $f (run 'make proto' and commit the result)" >&2
        status=1
    fi
done
[ $status -eq 0 ] && echo "generated code is current"
exit $status
