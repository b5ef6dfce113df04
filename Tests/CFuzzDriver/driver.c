// libFuzzer's entry point, referenced weakly: a build linked with libFuzzer (and told to keep
// LLVMFuzzerRunDriver) finds it, every other build sees a null pointer and uses its own harness.
#include "CFuzzDriver.h"

extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size))
    __attribute__((weak));

int ponder_libfuzzer_available(void) { return LLVMFuzzerRunDriver != 0; }

int ponder_libfuzzer_run(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver ? LLVMFuzzerRunDriver(argc, argv, callback) : -1;
}
