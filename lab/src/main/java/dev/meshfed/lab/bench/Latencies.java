package dev.meshfed.lab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Latency samples in microseconds, as recorded: summarised for the table, plotted whole. */
public final class Latencies {

  private final List<Long> micros = new ArrayList<>();

  public static Latencies of(List<Long> micros) {
    Latencies latencies = new Latencies();
    micros.forEach(latencies::record);
    return latencies;
  }

  public void record(long sampleMicros) {
    micros.add(sampleMicros);
  }

  /** The samples, fastest first. */
  public List<Long> sortedMicros() {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return sorted;
  }

  public LatencySummary summary() {
    Histogram histogram = LatencySummary.newHistogram();
    micros.forEach(histogram::recordValue);
    return LatencySummary.ofMicros(histogram);
  }
}
