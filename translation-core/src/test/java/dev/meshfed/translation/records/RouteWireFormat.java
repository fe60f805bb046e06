package dev.meshfed.translation.records;

import dev.meshfed.schema.discovery.AccessPolicyState;
import dev.meshfed.schema.discovery.AccessRule;
import dev.meshfed.schema.discovery.DestinationSelector;
import dev.meshfed.schema.discovery.DirectResponse;
import dev.meshfed.schema.discovery.ExternalEndpointPort;
import dev.meshfed.schema.discovery.ExternalEndpointState;
import dev.meshfed.schema.discovery.ExternalServicePort;
import dev.meshfed.schema.discovery.ExternalServiceState;
import dev.meshfed.schema.discovery.FaultAbort;
import dev.meshfed.schema.discovery.FaultDelay;
import dev.meshfed.schema.discovery.FaultInjectionPolicyState;
import dev.meshfed.schema.discovery.ForwardTo;
import dev.meshfed.schema.discovery.HeaderManipulationPolicyState;
import dev.meshfed.schema.discovery.HttpMatcher;
import dev.meshfed.schema.discovery.HttpRoute;
import dev.meshfed.schema.discovery.MirrorPolicyState;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.Redirect;
import dev.meshfed.schema.discovery.RetryOptions;
import dev.meshfed.schema.discovery.RetryTimeoutPolicyState;
import dev.meshfed.schema.discovery.RouteDestination;
import dev.meshfed.schema.discovery.RouteTableState;
import dev.meshfed.schema.discovery.StringMatch;
import dev.meshfed.schema.discovery.ValueMatcher;
import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.FaultInjectionPolicyInput;
import dev.meshfed.translation.model.HeaderManipulationPolicyInput;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.RetryTimeoutPolicyInput;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.List;

/** RouteTables, route policies and AccessPolicies back in the wire format. */
final class RouteWireFormat {

  private RouteWireFormat() {}

  static RouteTableState routeTable(RouteTableInput rt) {
    return new RouteTableState(
        rt.hosts(),
        selectors(rt.workloadSelectors()),
        selectors(rt.virtualGateways()),
        rt.defaultDestination() == null ? null : destination(rt.defaultDestination()),
        rt.http().stream().map(RouteWireFormat::route).toList(),
        rt.weight());
  }

  static RetryTimeoutPolicyState retryTimeout(RetryTimeoutPolicyInput p) {
    var r = p.retries();
    return new RetryTimeoutPolicyState(
        selectors(p.applyToRoutes()),
        p.requestTimeout(),
        r == null
            ? null
            : new RetryOptions(
                r.attempts(), r.perTryTimeout(), r.retryOn(), r.retryRemoteLocalities()));
  }

  static FaultInjectionPolicyState faultInjection(FaultInjectionPolicyInput p) {
    return new FaultInjectionPolicyState(
        selectors(p.applyToRoutes()),
        p.delay() == null ? null : new FaultDelay(p.delay().fixedDelay(), p.delay().percentage()),
        p.abort() == null ? null : new FaultAbort(p.abort().httpStatus(), p.abort().percentage()));
  }

  static HeaderManipulationPolicyState headerManipulation(HeaderManipulationPolicyInput p) {
    return new HeaderManipulationPolicyState(
        selectors(p.applyToRoutes()),
        p.appendRequestHeaders(),
        p.removeRequestHeaders(),
        p.appendResponseHeaders(),
        p.removeResponseHeaders());
  }

  static MirrorPolicyState mirror(MirrorPolicyInput p) {
    return new MirrorPolicyState(
        selectors(p.applyToRoutes()),
        p.destination() == null ? null : destination(p.destination()),
        p.percentage());
  }

  static AccessPolicyState access(AccessPolicyInput p) {
    return new AccessPolicyState(
        p.applyToDestinations().stream()
            .map(
                d ->
                    new DestinationSelector(
                        d.kind(),
                        d.selector() == null ? null : selectors(List.of(d.selector())).get(0),
                        d.portNumber(),
                        d.portName()))
            .toList(),
        p.tlsMode(),
        p.rules().stream()
            .map(
                r ->
                    new AccessRule(
                        selectors(r.allowedClients()), r.allowedPaths(), r.allowedMethods()))
            .toList());
  }

  static ExternalServiceState externalService(ExternalServiceInput es) {
    return new ExternalServiceState(
        es.hosts(),
        es.addresses(),
        es.ports().stream()
            .map(
                p ->
                    new ExternalServicePort(
                        p.number(), p.name(), p.protocol(), p.targetPort(), p.clientsideTls()))
            .toList(),
        es.selector(),
        es.subjectAltNames());
  }

  static ExternalEndpointState externalEndpoint(ExternalEndpointInput ee) {
    return new ExternalEndpointState(
        ee.address(),
        ee.ports().stream().map(p -> new ExternalEndpointPort(p.name(), p.number())).toList(),
        ee.labels(),
        ee.locality());
  }

  private static HttpRoute route(RouteTableInput.HttpRoute r) {
    var f = r.forwardTo();
    var redirect = r.redirect();
    var direct = r.directResponse();
    return new HttpRoute(
        r.name(),
        r.labels(),
        r.matchers().stream().map(RouteWireFormat::matcher).toList(),
        f == null
            ? null
            : new ForwardTo(
                f.destinations().stream().map(RouteWireFormat::destination).toList(),
                f.pathRewrite(),
                f.hostRewrite()),
        redirect == null
            ? null
            : new Redirect(
                redirect.hostRedirect(), redirect.pathRedirect(), redirect.responseCode()),
        direct == null ? null : new DirectResponse(direct.status(), direct.body()));
  }

  private static HttpMatcher matcher(RouteTableInput.HttpMatcher m) {
    var uri = m.uri();
    return new HttpMatcher(
        uri == null ? null : new StringMatch(uri.kind(), uri.value(), uri.ignoreCase()),
        values(m.headers()),
        values(m.queryParameters()),
        m.method());
  }

  private static List<ValueMatcher> values(List<RouteTableInput.ValueMatcher> matchers) {
    return matchers.stream()
        .map(v -> new ValueMatcher(v.name(), v.value(), v.regex(), v.invertMatch()))
        .toList();
  }

  private static RouteDestination destination(RouteTableInput.RouteDestination d) {
    return new RouteDestination(
        d.ref() == null ? null : selectors(List.of(d.ref())).get(0),
        d.kind(),
        d.portNumber(),
        d.portName(),
        d.subset(),
        d.weight());
  }

  private static List<ObjectSelector> selectors(
      List<VirtualDestinationInput.ObjectSelector> selectors) {
    return selectors.stream()
        .map(
            s ->
                new ObjectSelector(s.name(), s.namespace(), s.cluster(), s.workspace(), s.labels()))
        .toList();
  }
}
