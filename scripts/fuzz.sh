#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 60) each. With libFuzzer when this toolchain can
# link it (a release build in .build-fuzz, coverage-guided, its corpus kept in .build-fuzz/corpus);
# otherwise with ponder-fuzz's seeded mutation harness. Crashing inputs land in .build-fuzz/crashes;
# keep each one under Tests/FuzzCorpus/<target>/ as a regression case once it is fixed.
set -uo pipefail
seconds="${FUZZ_SECONDS:-60}"
scratch=.build-fuzz
mkdir -p "$scratch/crashes"
export SWIFT_BACKTRACE=enable=no

if swift build -c release --scratch-path "$scratch" --product ponder-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld \
    -Xlinker -u -Xlinker LLVMFuzzerRunDriver; then
    fuzz="$scratch/release/ponder-fuzz"
    engine=libfuzzer
else
    echo "fuzz: this toolchain cannot link libFuzzer; using the seeded mutation harness" >&2
    swift build --product ponder-fuzz || exit 1
    fuzz=.build/debug/ponder-fuzz
    engine=harness
fi

failed=()
for target in $("$fuzz" list); do
    regressions="Tests/FuzzCorpus/$target"
    if [ "$engine" = libfuzzer ]; then
        corpus="$scratch/corpus/$target"
        "$fuzz" seeds "$target" "$corpus"
        dirs=("$corpus")
        [ -d "$regressions" ] && dirs+=("$regressions")
        echo "== $target (libFuzzer, ${seconds} s)"
        "$fuzz" libfuzzer "$target" -max_total_time="$seconds" -print_final_stats=1 -max_len=8192 \
            -artifact_prefix="$scratch/crashes/$target-" "${dirs[@]}" 2>&1 \
            | grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|#[0-9]+ +DONE)|(SUMMARY|ERROR|Test unit written)"
    else
        echo "== $target (mutation harness, ${seconds} s)"
        "$fuzz" run "$target" --seconds "$seconds" --corpus "$regressions" --artifacts "$scratch/crashes"
    fi
    [ "${PIPESTATUS[0]}" -eq 0 ] || failed+=("$target")
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]}; the inputs are in $scratch/crashes" >&2
    exit 1
fi
echo "fuzz: no crash in $("$fuzz" list | wc -l) targets"
