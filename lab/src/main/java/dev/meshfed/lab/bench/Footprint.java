package dev.meshfed.lab.bench;

import java.util.Map;

/**
 * What the pipeline occupies once converged.
 *
 * @param liveHeapBytes each service process's heap in use after a full GC
 * @param topicBytes bytes on the broker of every meshfed topic (the bench's own excluded)
 * @param translationCpuPerChangeMicros translation-service CPU time per change, its idle rate
 *     (measured over as long a quiet spell just before) subtracted
 */
public record Footprint(
    Map<String, Long> liveHeapBytes, long topicBytes, long translationCpuPerChangeMicros) {}
