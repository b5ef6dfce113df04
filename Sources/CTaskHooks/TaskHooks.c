// Swift's concurrency runtime asks three hook variables before it hands a global job to libdispatch
// (swift/Runtime/ConcurrencyHooks.def). They are set here, in C, because the release binary exports
// no symbols for dlsym to find, while the linker resolves these names in both the static and the
// shared runtime. The hooks use Swift's calling convention, hence `swiftcall`.
#include "TaskHooks.h"

#include <stddef.h>

#define SWIFT_CC __attribute__((swiftcall))

typedef struct Job Job;

typedef SWIFT_CC void (*enqueue_original)(Job *job);
typedef SWIFT_CC void (*enqueue_hook)(Job *job, enqueue_original original);
typedef SWIFT_CC void (*delay_original)(unsigned long long delay, Job *job);
typedef SWIFT_CC void (*delay_hook)(unsigned long long delay, Job *job, delay_original original);
typedef SWIFT_CC void (*deadline_original)(long long sec, long long nsec, long long tsec, long long tnsec, int clock,
                                           Job *job);
typedef SWIFT_CC void (*deadline_hook)(long long sec, long long nsec, long long tsec, long long tnsec, int clock,
                                       Job *job, deadline_original original);

extern enqueue_hook swift_task_enqueueGlobal_hook;
extern delay_hook swift_task_enqueueGlobalWithDelay_hook;
extern deadline_hook swift_task_enqueueGlobalWithDeadline_hook;
/// The runtime's reading of its clocks (continuous or suspending), the clocks its deadlines are on.
extern SWIFT_CC void swift_get_time(long long *seconds, long long *nanoseconds, int clock);

static ponder_job_sink route;

static SWIFT_CC void enqueue_now(Job *job, enqueue_original original) {
    (void)original;
    route(job, 0);
}

static SWIFT_CC void enqueue_after(unsigned long long delay, Job *job, delay_original original) {
    (void)original;
    route(job, delay);
}

static SWIFT_CC void enqueue_at(long long sec, long long nsec, long long tsec, long long tnsec, int clock, Job *job,
                                deadline_original original) {
    (void)tsec;
    (void)tnsec;
    (void)original;
    long long nowSeconds = 0;
    long long nowNanoseconds = 0;
    swift_get_time(&nowSeconds, &nowNanoseconds, clock);
    long long seconds = sec - nowSeconds;
    // A deadline centuries away waits as long as a delay can say.
    if (seconds > 9000000000LL) {
        route(job, UINT64_MAX);
        return;
    }
    long long left = seconds * 1000000000LL + (nsec - nowNanoseconds);
    route(job, left > 0 ? (uint64_t)left : 0);
}

int ponder_route_global_jobs(ponder_job_sink sink) {
    if (sink == NULL || swift_task_enqueueGlobal_hook != NULL || swift_task_enqueueGlobalWithDelay_hook != NULL ||
        swift_task_enqueueGlobalWithDeadline_hook != NULL) {
        return 0;
    }
    route = sink;
    swift_task_enqueueGlobalWithDelay_hook = enqueue_after;
    swift_task_enqueueGlobalWithDeadline_hook = enqueue_at;
    swift_task_enqueueGlobal_hook = enqueue_now;
    return 1;
}
