package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.AccessPolicyInput.Rule;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What makes an AccessPolicy invalid, each naming its field: it then applies nowhere. */
final class AccessPolicyCheck {

  static final Set<String> TLS_MODES = Set.of("STRICT", "PERMISSIVE");

  private AccessPolicyCheck() {}

  static List<String> problems(AccessPolicyInput policy) {
    List<String> problems = new ArrayList<>(policy.problems());
    problems.addAll(PolicyCheck.destinations(policy.applyToDestinations()));
    if (policy.tlsMode() != null && !TLS_MODES.contains(policy.tlsMode())) {
      problems.add(
          "spec.config.authn.tlsMode: '" + policy.tlsMode() + "' is not STRICT or PERMISSIVE");
    }
    if (policy.tlsMode() == null && policy.rules().isEmpty()) {
      problems.add("spec.config: needs authz (who may call) or authn.tlsMode");
    }
    for (int i = 0; i < policy.rules().size(); i++) {
      rule("spec.config.authz rule " + i, policy.rules().get(i), problems);
    }
    return problems;
  }

  private static void rule(String path, Rule rule, List<String> problems) {
    for (int i = 0; i < rule.allowedClients().size(); i++) {
      ObjectSelector client = rule.allowedClients().get(i);
      String at = path + ": allowedClients[" + i + "].serviceAccountSelector";
      if (client.namespace() == null || client.namespace().isBlank()) {
        problems.add(at + ".namespace: a service account is named by namespace (and name)");
      }
      if (!client.labels().isEmpty() || client.workspace() != null) {
        problems.add(at + ": meshfed selects service accounts by name, namespace and cluster only");
      }
    }
    for (String path2 : rule.allowedPaths()) {
      String inner = path2.length() > 1 ? path2.substring(1, path2.length() - 1) : "";
      if (path2.isEmpty() || inner.contains("*")) {
        problems.add(
            path
                + ": allowedPaths '"
                + path2
                + "': Istio matches a path exactly, by prefix (/api/*) or by suffix (*.js)");
      }
    }
    for (String method : rule.allowedMethods()) {
      if (!RouteTableCheck.METHODS.contains(method)) {
        problems.add(path + ": allowedMethods '" + method + "' is not an HTTP method");
      }
    }
  }
}
