package dev.meshfed.translation.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.translation.model.ObjectId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A digest of what an output writes: its apiVersion, manifest and sources. SHA-256, so that two
 * different objects never pass for one (a collision would leave a changed object unwritten); cut to
 * 128 bits, which keeps that true at any mesh size.
 */
final class OutputDigest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BYTES = 16;
  private static final byte SEPARATOR = 0;

  private OutputDigest() {}

  static String of(Output output) {
    MessageDigest sha = sha256();
    update(sha, output.apiVersion());
    try {
      sha.update(JSON.writeValueAsBytes(output.manifest()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot digest the manifest of " + output.name(), e);
    }
    sha.update(SEPARATOR);
    for (ObjectId source : output.sources()) {
      update(sha, source.cluster());
      update(sha, source.kind());
      update(sha, source.namespace());
      update(sha, source.name());
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Arrays.copyOf(sha.digest(), BYTES));
  }

  private static void update(MessageDigest sha, String value) {
    if (value != null) {
      sha.update(value.getBytes(StandardCharsets.UTF_8));
    }
    sha.update(SEPARATOR);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
