package dev.meshfed.translation.records;

import dev.meshfed.schema.discovery.FaultInjectionPolicyState;
import dev.meshfed.schema.discovery.HeaderManipulationPolicyState;
import dev.meshfed.schema.discovery.HttpMatcher;
import dev.meshfed.schema.discovery.HttpRoute;
import dev.meshfed.schema.discovery.MirrorPolicyState;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.RetryTimeoutPolicyState;
import dev.meshfed.schema.discovery.RouteDestination;
import dev.meshfed.schema.discovery.RouteTableState;
import dev.meshfed.schema.discovery.ValueMatcher;
import dev.meshfed.translation.model.FaultInjectionPolicyInput;
import dev.meshfed.translation.model.HeaderManipulationPolicyInput;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RetryTimeoutPolicyInput;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.List;

/** RouteTables and the policies that apply to their routes, from the wire format. */
final class RouteConverter {

  private RouteConverter() {}

  static RouteTableInput routeTable(
      ObjectId id, String created, long generation, RouteTableState rt, List<String> problems) {
    return new RouteTableInput(
        id,
        created,
        generation,
        rt.getHosts(),
        selectors(rt.getWorkloadSelectors()),
        selectors(rt.getVirtualGateways()),
        rt.getDefaultDestination() == null ? null : destination(rt.getDefaultDestination()),
        rt.getHttp().stream().map(RouteConverter::route).toList(),
        rt.getWeight(),
        problems);
  }

  static RetryTimeoutPolicyInput retryTimeout(
      ObjectId id,
      String created,
      long generation,
      RetryTimeoutPolicyState p,
      List<String> problems) {
    var retries = p.getRetries();
    return new RetryTimeoutPolicyInput(
        id,
        created,
        generation,
        selectors(p.getApplyToRoutes()),
        p.getRequestTimeout(),
        retries == null
            ? null
            : new RetryTimeoutPolicyInput.Retries(
                retries.getAttempts(),
                retries.getPerTryTimeout(),
                retries.getRetryOn(),
                retries.getRetryRemoteLocalities()),
        problems);
  }

  static FaultInjectionPolicyInput faultInjection(
      ObjectId id,
      String created,
      long generation,
      FaultInjectionPolicyState p,
      List<String> problems) {
    return new FaultInjectionPolicyInput(
        id,
        created,
        generation,
        selectors(p.getApplyToRoutes()),
        p.getDelay() == null
            ? null
            : new FaultInjectionPolicyInput.Delay(
                p.getDelay().getFixedDelay(), p.getDelay().getPercentage()),
        p.getAbort() == null
            ? null
            : new FaultInjectionPolicyInput.Abort(
                p.getAbort().getHttpStatus(), p.getAbort().getPercentage()),
        problems);
  }

  static HeaderManipulationPolicyInput headerManipulation(
      ObjectId id,
      String created,
      long generation,
      HeaderManipulationPolicyState p,
      List<String> problems) {
    return new HeaderManipulationPolicyInput(
        id,
        created,
        generation,
        selectors(p.getApplyToRoutes()),
        p.getAppendRequestHeaders(),
        p.getRemoveRequestHeaders(),
        p.getAppendResponseHeaders(),
        p.getRemoveResponseHeaders(),
        problems);
  }

  static MirrorPolicyInput mirror(
      ObjectId id, String created, long generation, MirrorPolicyState p, List<String> problems) {
    return new MirrorPolicyInput(
        id,
        created,
        generation,
        selectors(p.getApplyToRoutes()),
        p.getDestination() == null ? null : destination(p.getDestination()),
        p.getPercentage(),
        problems);
  }

  private static RouteTableInput.HttpRoute route(HttpRoute r) {
    var forwardTo = r.getForwardTo();
    var redirect = r.getRedirect();
    var direct = r.getDirectResponse();
    return new RouteTableInput.HttpRoute(
        r.getName(),
        r.getLabels(),
        r.getMatchers().stream().map(RouteConverter::matcher).toList(),
        forwardTo == null
            ? null
            : new RouteTableInput.ForwardTo(
                forwardTo.getDestinations().stream().map(RouteConverter::destination).toList(),
                forwardTo.getPathRewrite(),
                forwardTo.getHostRewrite()),
        redirect == null
            ? null
            : new RouteTableInput.Redirect(
                redirect.getHostRedirect(), redirect.getPathRedirect(), redirect.getResponseCode()),
        direct == null
            ? null
            : new RouteTableInput.DirectResponse(direct.getStatus(), direct.getBody()));
  }

  private static RouteTableInput.HttpMatcher matcher(HttpMatcher m) {
    var uri = m.getUri();
    return new RouteTableInput.HttpMatcher(
        uri == null
            ? null
            : new RouteTableInput.StringMatch(uri.getKind(), uri.getValue(), uri.getIgnoreCase()),
        values(m.getHeaders()),
        values(m.getQueryParameters()),
        m.getMethod());
  }

  private static List<RouteTableInput.ValueMatcher> values(List<ValueMatcher> matchers) {
    return matchers.stream()
        .map(
            v ->
                new RouteTableInput.ValueMatcher(
                    v.getName(), v.getValue(), v.getRegex(), v.getInvertMatch()))
        .toList();
  }

  static RouteTableInput.RouteDestination destination(RouteDestination d) {
    return new RouteTableInput.RouteDestination(
        d.getRef() == null ? null : InputConverter.objectSelector(d.getRef()),
        d.getKind(),
        d.getPortNumber(),
        d.getPortName(),
        d.getSubset(),
        d.getWeight());
  }

  private static List<VirtualDestinationInput.ObjectSelector> selectors(
      List<ObjectSelector> selectors) {
    return selectors.stream().map(InputConverter::objectSelector).toList();
  }
}
