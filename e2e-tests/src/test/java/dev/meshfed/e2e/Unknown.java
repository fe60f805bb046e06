package dev.meshfed.e2e;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields of a manifest its model did not know: fabric8's models keep them in {@code
 * additionalProperties} rather than rejecting them, so a misspelt field would pass unseen.
 */
final class Unknown {

  private Unknown() {}

  /** Paths such as {@code spec.template.spec.containers[0].securityContex}. */
  static List<String> fields(Object model) {
    List<String> unknown = new ArrayList<>();
    walk(model, "", unknown);
    return unknown;
  }

  private static void walk(Object value, String path, List<String> unknown) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> walk(item, path + "[" + key + "]", unknown));
      return;
    }
    if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() > 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object property = invoke(getter, value);
      String name = decapitalize(getter.getName().substring(3));
      if (getter.getName().equals("getAdditionalProperties")) {
        if (property instanceof Map<?, ?> extra) {
          extra.keySet().forEach(key -> unknown.add(path + (path.isEmpty() ? "" : ".") + key));
        }
      } else {
        walk(property, path + (path.isEmpty() ? "" : ".") + name, unknown);
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + getter, e);
    }
  }

  private static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
