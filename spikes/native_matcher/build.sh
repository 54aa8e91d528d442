#!/bin/sh
# Build the spike's extension (release, LTO) and install it into the active virtualenv.
#     VIRTUAL_ENV=/path/to/.venv spikes/native_matcher/build.sh
# When crates.io cannot be reached, the crates come from Debian's librust-*-dev packages:
#     apt-get install librust-pyo3-dev librust-regex-dev librust-fancy-regex-dev \
#         librust-pyo3-macros+abi3-dev librust-regex+perf-dev
set -eu
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"
if cargo search --limit 1 regex >/dev/null 2>&1; then
    exec maturin develop --release "$@"
fi
echo "crates.io unreachable: building with Debian's packaged crates (cargo-debian.toml)" >&2
# (through CARGO_HOME: maturin's own `cargo metadata` call takes no --config)
mkdir -p target/cargo-home
cp cargo-debian.toml target/cargo-home/config.toml
CARGO_HOME="$PWD/target/cargo-home" exec maturin develop --release "$@"
