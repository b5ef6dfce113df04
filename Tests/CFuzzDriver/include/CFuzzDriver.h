#ifndef PONDER_CFUZZDRIVER_H
#define PONDER_CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Whether this build is linked with libFuzzer (`make fuzz`); in other builds the driver is absent.
int ponder_libfuzzer_available(void);

/// Runs libFuzzer's driver with `argc`/`argv` (its options) on `callback`; -1 without libFuzzer.
int ponder_libfuzzer_run(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
