package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A digest of what an output writes: its apiVersion, manifest and sources. SHA-256, so that two
 * different objects never pass for one (a collision would leave a changed object unwritten); cut to
 * 128 bits, which keeps that true at any mesh size.
 *
 * <p>One instance digests the outputs of one unit: the outputs of a unit mostly share their sources
 * (a VirtualDestination backed in 20 clusters writes 420 objects of some 23 sources each), and
 * encoding them once per list rather than per output halves the digest's cost. The bytes digested
 * are the same either way.
 */
final class OutputDigest {

  private static final MessageDigest SHA_256 = lookUpSha256();
  private static final int BYTES = 16;
  private static final byte SEPARATOR = 0;

  private final MessageDigest sha = sha256();
  // by identity: outputs that share their sources share the list, and hashing lists of ids cost
  // more than encoding them
  private final Map<List<ObjectId>, byte[]> encodedSources = new IdentityHashMap<>();
  private final ManifestJson json;

  OutputDigest(ManifestJson json) {
    this.json = json;
  }

  OutputDigest() {
    this(new ManifestJson());
  }

  /** The digest of a single output. */
  static String of(Output output) {
    return new OutputDigest().digest(output);
  }

  String digest(Output output) {
    update(output.apiVersion());
    sha.update(json.bytes(output.manifest()));
    sha.update(SEPARATOR);
    sha.update(encodedSources.computeIfAbsent(output.sources(), OutputDigest::encode));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Arrays.copyOf(sha.digest(), BYTES));
  }

  private void update(String value) {
    if (value != null) {
      sha.update(value.getBytes(StandardCharsets.UTF_8));
    }
    sha.update(SEPARATOR);
  }

  /** Each source's cluster, kind, namespace and name, each followed by a separator. */
  private static byte[] encode(List<ObjectId> sources) {
    StringBuilder text = new StringBuilder();
    for (ObjectId source : sources) {
      append(text, source.cluster());
      append(text, source.kind());
      append(text, source.namespace());
      append(text, source.name());
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder text, String value) {
    if (value != null) {
      text.append(value);
    }
    text.append((char) SEPARATOR);
  }

  /**
   * A copy of one instance: looking the algorithm up in the security providers for every unit
   * recomputed was 1 % of translation's stream thread.
   */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("The SHA-256 digest cannot be copied", e);
    }
  }

  private static MessageDigest lookUpSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
