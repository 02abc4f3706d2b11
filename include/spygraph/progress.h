/* progress.h: progress of long computations (percentage, rate, time left) on standard error, never in data output. */
#ifndef SPYGRAPH_PROGRESS_H
#define SPYGRAPH_PROGRESS_H

#include <stdint.h>

/* When progress is shown.
 * AUTO: only when standard error is a terminal, and only once a computation has lasted a second
 *   (SPYGRAPH_PROGRESS_DELAY, in seconds, changes that delay; it is meant for tests), as one line
 *   redrawn in place (carriage return) at most four times a second and cleared when the work ends.
 * FORCE (--progress): also when standard error is not a terminal, from the start of each computation;
 *   on a terminal one line redrawn in place, otherwise plain lines at most one a second, a first one
 *   when the work begins and a last one when it ends (100% when everything was done).
 * QUIET (--quiet): never. Warnings and errors are not affected. */
typedef enum sg_progress_mode { SG_PROGRESS_AUTO, SG_PROGRESS_FORCE, SG_PROGRESS_QUIET } sg_progress_mode;

/* Sets the process-wide mode (AUTO until called) and, when progress can show, installs igraph's progress
 * handler (igraph_set_progress_handler). Call it once, before any work and before any worker process is
 * forked. Cannot fail: if the shared counter cannot be made (mmap), progress is silently not shown. */
void sg_progress_set_mode(sg_progress_mode mode);
sg_progress_mode sg_progress_get_mode(void);

/* Starts reporting a computation: WHAT (e.g. "betweenness") done over TOTAL steps named UNIT (e.g.
 * "sources"); TOTAL 0 means the work cannot be measured (a Graphviz layout): the line then shows WHAT and
 * the time elapsed only. WHAT and UNIT are copied (truncated to 80 bytes). Calls nest: only the outermost
 * computation reports, an inner begin/step/end pair (a measure inside a robustness sample) counts nothing.
 * Only the process that set the mode prints; a forked worker's steps are added to its parent's count
 * (a counter in shared memory), so the line shows the progress of all the workers. Every begin needs its
 * sg_progress_end in the same process. O(1); prints from a SIGALRM timer, never from the caller. */
void sg_progress_begin(const char *what, const char *unit, uint64_t total);

/* Adds STEPS steps done to the outermost computation (from the process that began it or any worker
 * forked from it). Cheap: one branch when progress is not shown, else one relaxed atomic addition on a
 * shared counter; callers that step more than about a million times a second should add in batches. */
void sg_progress_add(uint64_t steps);

/* Says that each igraph call that follows, reporting 0 to 100 percent through igraph's progress handler,
 * stands for UNITS steps of the outermost computation (only at that level: inside a nested computation
 * this does nothing). sg_progress_igraph_done afterwards adds the steps igraph did not report (igraph
 * reports nothing from some functions, e.g. igraph_betweenness_subset), so the call counts UNITS in all. */
void sg_progress_igraph_units(uint64_t units);
void sg_progress_igraph_done(void);

/* Says that the rest of the outermost computation was done elsewhere (the other MPI ranks' shares, whose
 * results have just arrived): its count becomes its total. Inside a nested computation, or for work that
 * cannot be measured, it does nothing. O(1). */
void sg_progress_complete(void);

/* Ends the computation begun last. At the outermost level: stops the timer, clears a line drawn in place,
 * or (plain lines, when something was printed) prints a last line with the time taken. O(1). */
void sg_progress_end(void);

/* Around any other writing to standard error while a computation may be reported (messages): pause clears
 * a line drawn in place and holds the timer's signal, resume lets it go again (the line is redrawn at the
 * next tick). Pairs must not nest. */
void sg_progress_pause(void);
void sg_progress_resume(void);

#endif
