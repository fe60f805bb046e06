package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.RouteTableInput.ForwardTo;
import dev.meshfed.translation.model.RouteTableInput.HttpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A RouteTable's routes in the order its clients try them: its {@code http} routes, then its
 * default destination as a last route named {@code default} that matches every request.
 */
final class RouteTableRoutes {

  static final String DEFAULT = "default";

  /** A route, where it is written ({@code spec.http[i]}) and the name its HTTPRoute bears. */
  record Named(String path, String name, HttpRoute route) {

    /** How its status names it. */
    String describe() {
      return path + " (" + name + ")";
    }
  }

  private RouteTableRoutes() {}

  static List<Named> of(RouteTableInput rt) {
    List<Named> routes = new ArrayList<>();
    for (int i = 0; i < rt.http().size(); i++) {
      HttpRoute route = rt.http().get(i);
      String name = route.name() == null ? "route-" + i : route.name();
      routes.add(new Named("spec.http[" + i + "]", name, route));
    }
    if (rt.defaultDestination() != null) {
      HttpRoute fallback =
          new HttpRoute(
              DEFAULT,
              Map.of(),
              List.of(),
              new ForwardTo(List.of(rt.defaultDestination()), null, null),
              null,
              null);
      routes.add(new Named("spec.defaultDestination", DEFAULT, fallback));
    }
    return routes;
  }
}
