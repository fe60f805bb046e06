package dev.meshfed.oracle.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Where a request goes: the pods that receive it with their share, and what the rest meets. */
public record Route(Request request, List<Arrival> arrivals, List<Blocked> blocked) {

  /** A backend pod receiving {@code share} (0..1] of the request's connections. */
  public record Arrival(Pod pod, double share) {}

  /** A share of the request's connections that reaches no pod, and why. */
  public record Blocked(Reason reason, String detail, double share) {}

  static Route blocked(Request request, Reason reason, String detail) {
    return new Route(request, List.of(), List.of(new Blocked(reason, detail, 1.0)));
  }

  /** Every connection reaches a pod. */
  public boolean reachable() {
    return !arrivals.isEmpty() && blocked.isEmpty();
  }

  /** The receiving pods, {@code cluster/namespace/name}. */
  public Set<String> backends() {
    return arrivals.stream().map(a -> a.pod().ref()).collect(Collectors.toCollection(TreeSet::new));
  }

  public Set<Reason> reasons() {
    return blocked.stream().map(Blocked::reason).collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    arrivals.forEach(a -> parts.add(a.pod().ref() + " " + percent(a.share())));
    blocked.forEach(b -> parts.add(b.reason() + " " + percent(b.share()) + ": " + b.detail()));
    return request + " => " + String.join("; ", parts);
  }

  private static String percent(double share) {
    return Math.round(share * 1000) / 10.0 + "%";
  }
}
