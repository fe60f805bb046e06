package dev.meshfed.translation.translate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.translation.model.ObjectId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
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

  /** Jackson would close the stream after the manifest; the sources come after it. */
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private static final int BYTES = 16;
  private static final byte SEPARATOR = 0;

  private OutputDigest() {}

  static String of(Output output) {
    MessageDigest sha = sha256();
    try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      write(out, output.apiVersion());
      JSON.writeValue(out, output.manifest());
      out.write(SEPARATOR);
      for (ObjectId source : output.sources()) {
        write(out, source.cluster());
        write(out, source.kind());
        write(out, source.namespace());
        write(out, source.name());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot digest an output", e);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Arrays.copyOf(sha.digest(), BYTES));
  }

  private static void write(OutputStream out, String value) throws IOException {
    if (value != null) {
      out.write(value.getBytes(StandardCharsets.UTF_8));
    }
    out.write(SEPARATOR);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
