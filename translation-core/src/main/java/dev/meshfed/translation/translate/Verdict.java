package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Whether the translation of some inputs produces one object of one cluster (in any API version),
 * and if not, which rule keeps it out.
 *
 * @param produced the object, when the translation produces it
 * @param exclusions when it does not: for every input that could produce an object of that name,
 *     the first rule that excludes it, in the translator's order; else why no input could
 */
public record Verdict(Optional<Output> produced, List<Exclusion> exclusions) {

  public Verdict {
    exclusions = List.copyOf(exclusions);
  }

  static Verdict of(
      MeshInputs inputs,
      TranslationSettings settings,
      String cluster,
      String kind,
      String namespace,
      String name) {
    Optional<Output> produced =
        FederationTranslator.translateAll(inputs, settings).values().stream()
            .flatMap(result -> result.outputs().stream())
            .filter(
                o ->
                    o.cluster().equals(cluster)
                        && o.kind().equals(kind)
                        && o.namespace().equals(namespace)
                        && o.name().equals(name))
            .findFirst();
    if (produced.isPresent()) {
      return new Verdict(produced, List.of());
    }
    Membership membership = FederationTranslator.membership(inputs, settings);
    SortedSet<String> suffixes = hostSuffixes(inputs, settings, membership);
    List<Exclusion> exclusions =
        switch (kind) {
          case ServiceFederation.SERVICE_ENTRY ->
              serviceEntry(inputs, membership, suffixes, cluster, namespace, name);
          case GatewayFederation.GATEWAY ->
              gateway(inputs, membership, suffixes, cluster, namespace, name);
          case ServiceIsolation.AUTHORIZATION_POLICY ->
              PolicyVerdicts.authorizationPolicy(inputs, membership, cluster, namespace, name);
          case ProxyTrimming.SIDECAR ->
              PolicyVerdicts.sidecar(inputs, membership, cluster, namespace, name);
          default ->
              List.of(
                  new Exclusion(
                      Rule.NOT_A_MESHFED_KIND,
                      null,
                      "meshfed writes only "
                          + String.join(
                              ", ",
                              ServiceFederation.SERVICE_ENTRY,
                              GatewayFederation.GATEWAY,
                              ServiceIsolation.AUTHORIZATION_POLICY,
                              ProxyTrimming.SIDECAR)
                          + " objects, not "
                          + kind));
        };
    return new Verdict(Optional.empty(), exclusions);
  }

  private static List<Exclusion> serviceEntry(
      MeshInputs inputs,
      Membership membership,
      SortedSet<String> suffixes,
      String cluster,
      String namespace,
      String name) {
    List<Exclusion> exclusions = new ArrayList<>();
    inputs
        .all(ServiceInput.class)
        .forEach(
            service ->
                suffixes.stream()
                    .filter(
                        suffix ->
                            Manifests.objectName(ServiceFederation.host(service, suffix))
                                .equals(name))
                    .forEach(
                        suffix ->
                            exclusions.add(
                                ServiceFederation.exclusion(
                                        service, suffix, cluster, namespace, inputs, membership)
                                    .orElseGet(() -> unexplained(name)))));
    if (exclusions.isEmpty()) {
      exclusions.add(
          new Exclusion(
              Rule.NO_SUCH_SERVICE,
              null,
              "no Service of any cluster has a host NAME.NAMESPACE.svc.CLUSTER.SUFFIX (SUFFIX one of "
                  + String.join(", ", suffixes)
                  + ") that names a ServiceEntry "
                  + name));
    }
    return exclusions;
  }

  private static List<Exclusion> gateway(
      MeshInputs inputs,
      Membership membership,
      SortedSet<String> suffixes,
      String cluster,
      String namespace,
      String name) {
    List<Exclusion> exclusions = new ArrayList<>();
    suffixes.stream()
        .filter(suffix -> GatewayFederation.couldName(cluster, suffix, name, inputs))
        .forEach(
            suffix ->
                exclusions.add(
                    GatewayFederation.exclusion(
                            cluster, suffix, name, namespace, inputs, membership)
                        .orElseGet(() -> unexplained(name))));
    if (exclusions.isEmpty()) {
      exclusions.add(
          new Exclusion(
              Rule.NO_SUCH_HOST_SUFFIX,
              null,
              "no host suffix (of "
                  + String.join(", ", suffixes)
                  + ") and east-west gateway of cluster "
                  + cluster
                  + " names a Gateway "
                  + name
                  + "; meshfed names them "
                  + GatewayFederation.name("SUFFIX")
                  + " on a cluster's first reachable east-west gateway, "
                  + GatewayFederation.name("SUFFIX")
                  + "-GATEWAY on one a workspace picks"));
    }
    return exclusions;
  }

  /**
   * Every host suffix the inputs could federate under: the default, every plan's, and every one
   * that WorkspaceSettings ask for, valid or not.
   */
  private static SortedSet<String> hostSuffixes(
      MeshInputs inputs, TranslationSettings settings, Membership membership) {
    SortedSet<String> suffixes = new TreeSet<>();
    suffixes.add(settings.defaultHostSuffix());
    membership
        .workspaces()
        .values()
        .forEach(w -> w.federation().ifPresent(plan -> suffixes.add(plan.hostSuffix())));
    inputs
        .all(WorkspaceSettingsInput.class)
        .map(WorkspaceSettingsInput::federation)
        .filter(f -> f != null && f.hostSuffix() != null && !f.hostSuffix().isEmpty())
        .forEach(f -> suffixes.add(f.hostSuffix()));
    return suffixes;
  }

  private static Exclusion unexplained(String name) {
    return new Exclusion(
        Rule.UNEXPLAINED,
        null,
        "no rule excludes " + name + ", yet the translation does not produce it");
  }
}
