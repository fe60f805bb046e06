package dev.meshfed.distribution.model;

import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryJson;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestScanTest {

  private static final ObjectKey FOO = serviceEntryKey(V1, "foo");

  @Test
  void aManifestAsTranslationWritesItIsComplete() {
    assertThat(ManifestScan.of(FOO, serviceEntryJson(V1, "foo", "foo.global")))
        .isEqualTo(new ManifestScan(true, false));
  }

  @Test
  void noticesAStatus() {
    String json =
        """
        {"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry","status":{"a":1},
         "metadata":{"labels":{"app.kubernetes.io/managed-by":"meshfed"},"namespace":"apps",
         "name":"foo"}}""";

    assertThat(ManifestScan.of(FOO, json)).isEqualTo(new ManifestScan(true, true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "[1, 2]",
        "null",
        // no namespace, no label, another's label value, another name, kind or apiVersion
        "{'apiVersion':'networking.istio.io/v1','kind':'ServiceEntry','metadata':{'name':'foo','labels':{'app.kubernetes.io/managed-by':'meshfed'}}}",
        "{'apiVersion':'networking.istio.io/v1','kind':'ServiceEntry','metadata':{'name':'foo','namespace':'apps'}}",
        "{'apiVersion':'networking.istio.io/v1','kind':'ServiceEntry','metadata':{'name':'foo','namespace':'apps','labels':{'app.kubernetes.io/managed-by':'helm'}}}",
        "{'apiVersion':'networking.istio.io/v1','kind':'ServiceEntry','metadata':{'name':'bar','namespace':'apps','labels':{'app.kubernetes.io/managed-by':'meshfed'}}}",
        "{'apiVersion':'networking.istio.io/v1','kind':'Gateway','metadata':{'name':'foo','namespace':'apps','labels':{'app.kubernetes.io/managed-by':'meshfed'}}}",
        "{'apiVersion':'networking.istio.io/v1beta1','kind':'ServiceEntry','metadata':{'name':'foo','namespace':'apps','labels':{'app.kubernetes.io/managed-by':'meshfed'}}}",
        // complete, then more
        "{'apiVersion':'networking.istio.io/v1','kind':'ServiceEntry','metadata':{'name':'foo','namespace':'apps','labels':{'app.kubernetes.io/managed-by':'meshfed'}}} {}",
        // complete, then cut off
        "{'apiVersion':'networking.istio.io/v1','kind':'ServiceEntry','metadata':{'name':'foo','namespace':'apps','labels':{'app.kubernetes.io/managed-by':'meshfed'}},'spec':{"
      })
  void anythingElseIsNot(String manifest) {
    assertThat(ManifestScan.of(FOO, manifest.replace('\'', '"')).complete()).isFalse();
  }
}
