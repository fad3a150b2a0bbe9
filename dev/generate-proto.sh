#!/usr/bin/env bash
# Regenerates every file derived from Proto/: the protobuf-c C code, PrecisWire's Swift side of
# each message, and the Python client's stubs. `make proto` runs it; `make check-proto` checks
# that the committed files are current.
#   dev/generate-proto.sh [OUTPUT_ROOT]   (default: the repository itself)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root}
proto=precis/v1/precis.proto
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

cd "$root"
protoc-c --c_out="$tmp" -IProto "Proto/$proto"
mkdir -p "$out/Sources/CPrecisProto/include/precis/v1" "$out/Sources/PrecisWire/Generated" "$out/Clients/python"
cp "$tmp/precis/v1/precis.pb-c.c" "$out/Sources/CPrecisProto/precis.pb-c.c"
cp "$tmp/precis/v1/precis.pb-c.h" "$out/Sources/CPrecisProto/include/precis/v1/precis.pb-c.h"
protoc --plugin=protoc-gen-precisswift="$root/dev/protoc-gen-precis-swift" \
    --precisswift_out="$out/Sources/PrecisWire/Generated" -IProto "Proto/$proto"
protoc --python_out="$out/Clients/python" -IProto "Proto/$proto"
