package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameIndexedObjectsTest {

  private final NameIndexedObjects objects = new NameIndexedObjects();

  @Test
  void findsTheObjectAQueryByNameMatchesAmongThoseOfThatName() {
    objects.put(object("svc", "v1", "services", "a", "reviews"), "in a");
    objects.put(object("svc", "v1", "services", "b", "reviews"), "in b");
    objects.put(object("svc", "v1", "services", "b", "ratings"), "ratings");

    assertThat(objects.findNamed(query("services", "b", "reviews")))
        .hasValueSatisfying(found -> assertThat(found.getValue()).isEqualTo("in b"));
    assertThat(objects.findNamed(query("services", "c", "reviews"))).isEmpty();
  }

  @Test
  void aRemovedObjectIsNoLongerFoundAndAReplacedOneIsFoundAnew() {
    AttributeSet key = object("svc", "v1", "services", "a", "reviews");
    objects.put(key, "first");
    objects.remove(key);
    assertThat(objects.findNamed(query("services", "a", "reviews"))).isEmpty();

    objects.put(key, "second");
    assertThat(objects.findNamed(query("services", "a", "reviews")))
        .hasValueSatisfying(found -> assertThat(found.getValue()).isEqualTo("second"));
    assertThat(objects).hasSize(1);
  }

  @Test
  void findsEveryObjectAQueryMatches() {
    objects.put(object("svc", "v1", "services", "a", "reviews"), "reviews");
    objects.put(object("svc", "v1", "services", "b", "ratings"), "ratings");
    objects.put(object("svc", "v1", "configmaps", "b", "ratings"), "config");

    assertThat(objects.allMatching(new AttributeSet(new Attribute("plural", "services"))))
        .extracting(Map.Entry::getValue)
        .containsExactlyInAnyOrder("reviews", "ratings");
  }

  @Test
  void onlyAQueryForOneExactNameIsByName() {
    assertThat(NameIndexedObjects.isByName(query("services", "a", "reviews"))).isTrue();
    assertThat(NameIndexedObjects.isByName(query("services", "a", "*"))).isFalse();
    AttributeSet list = new AttributeSet(new Attribute("plural", "services"));
    assertThat(NameIndexedObjects.isByName(list)).isFalse();
    assertThatThrownBy(() -> objects.findNamed(list)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itsViewsAreReadOnlySoThatNoWriteBypassesTheIndex() {
    objects.put(object("svc", "v1", "services", "a", "reviews"), "x");

    assertThatThrownBy(() -> objects.keySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> objects.entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static AttributeSet object(
      String label, String version, String plural, String namespace, String name) {
    return new AttributeSet(
        new Attribute("app", label),
        new Attribute("version", version),
        new Attribute("plural", plural),
        new Attribute("namespace", namespace),
        new Attribute("name", name));
  }

  private static AttributeSet query(String plural, String namespace, String name) {
    return new AttributeSet(
        new Attribute("plural", plural),
        new Attribute("namespace", namespace),
        new Attribute("name", name));
  }
}
