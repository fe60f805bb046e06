package dev.meshfed.lab.bench;

/**
 * How translation's cost per change grows with the mesh: its CPU time per change with M services
 * per cluster and with 10×M, the same clusters and changes otherwise. Ideally the cost of a change
 * does not depend on how much else there is (ratio 1; the target is at most 1.2).
 */
public record IncrementalCost(
    int servicesPerCluster, long cpuPerChangeMicros, long tenfoldCpuPerChangeMicros) {

  public static IncrementalCost of(BenchReport atM, BenchReport atTenfold) {
    return new IncrementalCost(
        atM.size().servicesPerCluster(),
        atM.footprint().translationCpuPerChangeMicros(),
        atTenfold.footprint().translationCpuPerChangeMicros());
  }

  public double ratio() {
    return (double) tenfoldCpuPerChangeMicros / Math.max(1, cpuPerChangeMicros);
  }
}
