package io.boardcast.bench;

/**
 * One latency measurement: every (edit, viewer) pair's time from sending the change to that viewer having the
 * complete event, plus the change request's own time, errors, and where the CPU went meanwhile.
 *
 * @param system        "boardcast" or "nchan"
 * @param connected     viewers whose stream opened (of {@code viewers})
 * @param missing       (edit, viewer) pairs whose event never arrived within the grace period
 * @param appTimer      the app's own publish→write timer over the run (histogram bucket bounds, both instances)
 * @param renders       event renders on the instances during the run (once per event, instance and page view)
 * @param renderMean    their mean time, ms (the app's {@code boardcast.events.render} timer)
 * @param serverCpu     CPU seconds of the server processes (both app instances, or nginx) during the edits
 * @param benchCpu      CPU seconds of the load generator during the edits
 */
record LatencyResult(String system, int viewers, int connected, int edits, Percentiles latency, long missing,
        int unexpected, Percentiles post, int postErrors, long eventBytes, double appTimerP50, double appTimerP99,
        long renders, double renderMean,
        double serverCpu, double benchCpu, double seconds, String loadAverage) {
}
