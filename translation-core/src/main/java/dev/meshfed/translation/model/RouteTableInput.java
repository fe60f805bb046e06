package dev.meshfed.translation.model;

import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.List;
import java.util.Map;

/**
 * A RouteTable (meshfed's, or Gloo Mesh's networking.gloo.solo.io/v2 one): how the clients of its
 * workspace route HTTP requests for its hosts.
 *
 * @param workloadSelectors the clients that get the routes; none: the whole workspace
 * @param virtualGateways ingress gateways the routes are for instead, as written
 * @param defaultDestination where requests no route matches go; null: none
 * @param weight orders route tables for the same host, higher first; null: 0
 */
public record RouteTableInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<String> hosts,
    List<ObjectSelector> workloadSelectors,
    List<ObjectSelector> virtualGateways,
    RouteDestination defaultDestination,
    List<HttpRoute> http,
    Integer weight,
    List<String> problems)
    implements Input {

  public RouteTableInput {
    hosts = List.copyOf(hosts);
    workloadSelectors = List.copyOf(workloadSelectors);
    virtualGateways = List.copyOf(virtualGateways);
    http = List.copyOf(http);
    problems = List.copyOf(problems);
  }

  /**
   * A destination of a route: a SERVICE, VIRTUAL_DESTINATION or EXTERNAL_SERVICE named by {@code
   * ref} (namespace null: the route table's; cluster null: the client's own), on a port, to the
   * endpoints with the {@code subset} labels (none: all), with a relative weight. Kind null reads
   * SERVICE, as in Gloo Mesh.
   */
  public record RouteDestination(
      ObjectSelector ref,
      String kind,
      Integer portNumber,
      String portName,
      Map<String, String> subset,
      Integer weight) {

    public RouteDestination {
      kind = kind == null ? "SERVICE" : kind;
      subset = Map.copyOf(subset);
    }
  }

  /** One HTTP route: it matches a request if any matcher does (none: every request). */
  public record HttpRoute(
      String name,
      Map<String, String> labels,
      List<HttpMatcher> matchers,
      ForwardTo forwardTo,
      Redirect redirect,
      DirectResponse directResponse) {

    public HttpRoute {
      labels = Map.copyOf(labels);
      matchers = List.copyOf(matchers);
    }
  }

  /** Every condition set must hold. */
  public record HttpMatcher(
      StringMatch uri,
      List<ValueMatcher> headers,
      List<ValueMatcher> queryParameters,
      String method) {

    public HttpMatcher {
      headers = List.copyOf(headers);
      queryParameters = List.copyOf(queryParameters);
    }
  }

  /**
   * @param kind EXACT, PREFIX or REGEX
   */
  public record StringMatch(String kind, String value, boolean ignoreCase) {}

  /** A header or query parameter: present (value null), equal to value, or matching it (regex). */
  public record ValueMatcher(String name, String value, boolean regex, boolean invertMatch) {}

  public record ForwardTo(
      List<RouteDestination> destinations, String pathRewrite, String hostRewrite) {

    public ForwardTo {
      destinations = List.copyOf(destinations);
    }
  }

  /**
   * @param responseCode as written: a Gloo Mesh name or a number
   */
  public record Redirect(String hostRedirect, String pathRedirect, String responseCode) {}

  public record DirectResponse(Integer status, String body) {}
}
