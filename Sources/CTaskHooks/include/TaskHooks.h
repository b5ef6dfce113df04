#ifndef PONDER_TASK_HOOKS_H
#define PONDER_TASK_HOOKS_H

#include <stdint.h>

/// Receives a job meant for Swift's global concurrent executor: `job` is the pointer an `UnownedJob`
/// wraps, `delayNanoseconds` is how long to wait before running it (0: now).
typedef void (*ponder_job_sink)(void *job, uint64_t delayNanoseconds);

/// Sends every job for Swift's global concurrent executor to `sink` instead of libdispatch's worker
/// threads, and the delayed jobs the runtime passes through its hooks (Swift 6.3's `Task.sleep` does not:
/// it keeps using libdispatch, hence `LoopSleep`). Call it before the first task starts. Returns 1
/// when the hooks were set, 0 when another hook was already set (nothing is changed then).
int ponder_route_global_jobs(ponder_job_sink sink);

#endif
