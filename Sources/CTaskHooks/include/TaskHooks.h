#ifndef PONDER_TASK_HOOKS_H
#define PONDER_TASK_HOOKS_H

/// Receives a job meant for Swift's global concurrent executor: `job` is the pointer an `UnownedJob`
/// wraps.
typedef void (*ponder_job_sink)(void *job);

/// Sends every job for Swift's global concurrent executor to `sink` instead of libdispatch's worker
/// threads. Delayed jobs are not among them: Swift 6.3's `Task.sleep` hands its wait to libdispatch
/// without asking the runtime's delayed-job hooks, hence `LoopSleep`. Call it before the first task
/// starts. Returns 1 when the hook was set, 0 when another hook was already set (nothing is changed then).
int ponder_route_global_jobs(ponder_job_sink sink);

#endif
