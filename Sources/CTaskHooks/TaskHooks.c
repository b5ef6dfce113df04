// Swift's concurrency runtime asks a hook variable before it hands a global job to libdispatch
// (swift/Runtime/ConcurrencyHooks.def). It is set here, in C, because the release binary exports no
// symbols for dlsym to find, while the linker resolves the name in both the static and the shared
// runtime. The hook uses Swift's calling convention, hence `swiftcall`.
#include "TaskHooks.h"

#include <stddef.h>

#define SWIFT_CC __attribute__((swiftcall))

typedef struct Job Job;

typedef SWIFT_CC void (*enqueue_original)(Job *job);
typedef SWIFT_CC void (*enqueue_hook)(Job *job, enqueue_original original);

extern enqueue_hook swift_task_enqueueGlobal_hook;

static ponder_job_sink route;

static SWIFT_CC void enqueue_now(Job *job, enqueue_original original) {
    (void)original;
    route(job);
}

int ponder_route_global_jobs(ponder_job_sink sink) {
    if (sink == NULL || swift_task_enqueueGlobal_hook != NULL) {
        return 0;
    }
    route = sink;
    swift_task_enqueueGlobal_hook = enqueue_now;
    return 1;
}
