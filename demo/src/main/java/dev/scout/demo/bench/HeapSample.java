package dev.scout.demo.bench;

/**
 * The Scout JVM's heap after a full GC at one point of the run.
 *
 * @param label     when: a share of the frontier finished ({@code 10%}) or a phase ({@code scoring +15 s})
 * @param seconds   since the Scout JVM started
 * @param finished  frontier entries in a final state at that moment
 * @param liveBytes heap after the full GC
 */
record HeapSample(String label, double seconds, long finished, long liveBytes) {
}
