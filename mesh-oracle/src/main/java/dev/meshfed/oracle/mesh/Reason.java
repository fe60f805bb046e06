package dev.meshfed.oracle.mesh;

/** Why (part of) a request reaches no backend. */
public enum Reason {
  /** The calling cluster has no Istio control plane. */
  NOT_IN_MESH,
  /** No service or ServiceEntry of the caller's cluster has the host. */
  UNKNOWN_HOST,
  /** No service with the host is exported to the caller's namespace, or its Sidecar hides it. */
  NOT_VISIBLE,
  /** The host has no address the caller's proxy answers DNS with (rule 2). */
  UNRESOLVABLE,
  /** The service has no such port. */
  NO_ROUTE,
  /** A VirtualService applies to the host but none of its HTTP routes matches: Envoy's 404 (NR). */
  NO_MATCHING_ROUTE,
  /**
   * A VirtualService route's destination is no cluster of the caller's proxy (no visible service
   * with that host and port): Envoy's 503 (NC).
   */
  NO_CLUSTER,
  /** A VirtualService route redirects: the caller's proxy answers with a 3xx. */
  REDIRECTED,
  /** A VirtualService route answers directly from the caller's proxy. */
  DIRECT_RESPONSE,
  /** A VirtualService route's fault injection aborts this share with an HTTP status. */
  ABORTED,
  /** No endpoint is left, in the calling cluster or behind a gateway. */
  NO_ENDPOINTS,
  /** An endpoint address is neither a pod nor anything that listens in a known cluster. */
  UNREACHABLE_ADDRESS,
  /**
   * A DestinationRule sends Istio mTLS (ISTIO_MUTUAL) to an endpoint outside the mesh: no server
   * there holds a certificate of the mesh's CA, which is all the client's proxy accepts, so the
   * handshake fails.
   */
  ISTIO_MTLS_TO_EXTERNAL,
  /** The gateway has no listener on the port (no Gateway server selects its pods there). */
  NO_GATEWAY_LISTENER,
  /** Gateways conflict on the pods, port and hosts (istioctl IST0145). */
  GATEWAY_CONFLICT,
  /** The gateway's server on the port is not AUTO_PASSTHROUGH. */
  GATEWAY_NOT_PASSTHROUGH,
  /** Plaintext reached an AUTO_PASSTHROUGH listener, which only has mTLS filter chains. */
  PLAINTEXT_AT_GATEWAY,
  /** The SNI names no cluster the gateway builds, so no filter chain matches. */
  GATEWAY_NO_CHAIN,
  /**
   * A gateway forwards the connection back to a gateway it already crossed: the SNI is unchanged,
   * so it bounces between them.
   */
  GATEWAY_LOOP,
  /** Plaintext reached a workload whose peer authentication is STRICT. */
  PLAINTEXT_REJECTED,
  /** The client's proxy does not accept the server's identity (its subjectAltNames). */
  SAN_MISMATCH,
  /** The server's sidecar does not accept the client's trust domain. */
  TRUST_DOMAIN_REJECTED,
  /** An AuthorizationPolicy denies it. */
  DENIED
}
