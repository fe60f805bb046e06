package dev.meshfed.oracle.mesh;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The identities a client's proxy accepts in the server's certificate under Istio mTLS
 * (ClusterBuilder conditionallyConvertToIstioMtls, 1.11 and 1.24): the DestinationRule's {@code
 * subjectAltNames} as written, else the host's service accounts in the client's cluster, those of
 * its endpoints (pods and WorkloadEntries with a service account) and a ServiceEntry's {@code
 * subjectAltNames}, expanded to every trust-domain alias of the client's mesh (model
 * GetServiceAccounts / PushContext initServiceAccounts, spiffe.ExpandWithTrustDomains). An empty
 * list checks only the chain to the root.
 */
final class SubjectAltNames {

  private static final String SPIFFE = "spiffe://";

  private SubjectAltNames() {}

  static List<String> verified(
      ClusterModel client, MeshService service, MeshPort port, TrafficPolicies.Tls tls) {
    if (!tls.subjectAltNames().isEmpty()) {
      return tls.subjectAltNames();
    }
    ControlPlane controlPlane = client.controlPlane().orElseThrow();
    Set<String> accounts = new TreeSet<>(service.subjectAltNames());
    for (Endpoint endpoint : ServiceEndpoints.of(client, service, port)) {
      if (endpoint.pod().isPresent()) {
        Pod pod = endpoint.pod().get();
        accounts.add(uri(controlPlane.trustDomain(), pod.namespace(), pod.serviceAccount()));
      } else if (!endpoint.serviceAccount().isEmpty()) {
        accounts.add(
            uri(controlPlane.trustDomain(), service.namespace(), endpoint.serviceAccount()));
      }
    }
    Set<String> expanded = new TreeSet<>(accounts);
    for (String account : accounts) {
      int path = account.indexOf('/', SPIFFE.length());
      if (account.startsWith(SPIFFE) && path > 0) {
        controlPlane
            .trustDomainAliases()
            .forEach(alias -> expanded.add(SPIFFE + alias + account.substring(path)));
      }
    }
    return List.copyOf(expanded);
  }

  /**
   * The identity in a pod's certificate: its cluster's trust domain, namespace, service account.
   */
  static String of(ClusterModel cluster, Pod pod) {
    String trustDomain =
        cluster
            .controlPlane()
            .map(ControlPlane::trustDomain)
            .orElse(ControlPlane.DEFAULT_TRUST_DOMAIN);
    return uri(trustDomain, pod.namespace(), pod.serviceAccount());
  }

  private static String uri(String trustDomain, String namespace, String serviceAccount) {
    return SPIFFE + trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
  }
}
