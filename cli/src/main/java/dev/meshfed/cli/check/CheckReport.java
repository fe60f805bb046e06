package dev.meshfed.cli.check;

import dev.meshfed.oracle.mesh.ConfigAdmission;
import dev.meshfed.oracle.mesh.FederationCheck;
import dev.meshfed.oracle.mesh.Route;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What check found: a path per consumer of every federated host, and refused objects. */
public record CheckReport(
    List<FederationCheck.Finding> findings, List<ConfigAdmission.Refusal> refusals) {

  public boolean broken() {
    return !refusals.isEmpty() || findings.stream().anyMatch(f -> !f.reachable());
  }

  public void printTable(PrintStream out) {
    String format = "%-44s %-6s %-28s %s%n";
    out.printf(format, "HOST", "PORT", "FROM", "RESULT");
    for (FederationCheck.Finding finding : findings) {
      out.printf(
          format, finding.host().host(), finding.host().port(), finding.caller(), result(finding));
    }
    if (findings.isEmpty()) {
      out.println("(no federated host: no ServiceEntry managed by meshfed)");
    }
    if (!refusals.isEmpty()) {
      out.printf("%nREFUSED BY THE CLUSTER'S ISTIO%n");
      refusals.forEach(r -> out.printf("%s %s: %s%n", r.cluster(), r.object(), r.reason()));
    }
  }

  /** The report as plain maps and lists, for YAML and JSON. */
  public Map<String, Object> tree() {
    List<Object> paths = new ArrayList<>();
    for (FederationCheck.Finding finding : findings) {
      Map<String, Object> path = new LinkedHashMap<>();
      path.put("host", finding.host().host());
      path.put("port", finding.host().port());
      path.put("service", finding.host().service());
      path.put("from", finding.caller());
      path.put("reachable", finding.reachable());
      List<Object> arrivals = new ArrayList<>();
      for (Route.Arrival arrival : finding.route().arrivals()) {
        arrivals.add(Map.of("pod", arrival.pod().ref(), "share", arrival.share()));
      }
      path.put("arrivals", arrivals);
      List<Object> blocked = new ArrayList<>();
      for (Route.Blocked b : finding.route().blocked()) {
        blocked.add(Map.of("reason", b.reason().name(), "detail", b.detail(), "share", b.share()));
      }
      path.put("blocked", blocked);
      List<Object> egress = new ArrayList<>();
      for (Route.Egress e : finding.route().egress()) {
        egress.add(
            Map.of(
                "address", e.address(),
                "port", e.port(),
                "tls", e.tls().name(),
                "sni", e.sni(),
                "share", e.share()));
      }
      path.put("egress", egress);
      paths.add(path);
    }
    List<Object> refused = new ArrayList<>();
    refusals.forEach(
        r ->
            refused.add(
                Map.of("cluster", r.cluster(), "object", r.object(), "reason", r.reason())));
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("paths", paths);
    tree.put("refused", refused);
    return tree;
  }

  private static String result(FederationCheck.Finding finding) {
    Route route = finding.route();
    if (finding.reachable()) {
      return "reachable: " + route.backends().size() + " pod(s) of " + finding.host().service();
    }
    List<String> why = new ArrayList<>();
    route.blocked().forEach(b -> why.add(b.reason() + " (" + b.detail() + ")"));
    if (why.isEmpty()) {
      why.add("reaches " + route.backends() + ", not the pods of " + finding.host().service());
    }
    return "NOT REACHABLE: " + String.join("; ", why);
  }
}
