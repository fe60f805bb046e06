package dev.meshfed.distribution.io;

import io.fabric8.kubernetes.client.http.WebSocket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A watch's web socket, told apart into its messages, its normal end and its failures. Each message
 * is handed on, then the next one is asked for.
 */
final class WatchSocketListener implements WebSocket.Listener {

  private final int normalClosure;
  private final Consumer<String> message;
  private final Runnable closedNormally;
  private final Consumer<Throwable> failed;

  WatchSocketListener(
      int normalClosure,
      Consumer<String> message,
      Runnable closedNormally,
      Consumer<Throwable> failed) {
    this.normalClosure = normalClosure;
    this.message = message;
    this.closedNormally = closedNormally;
    this.failed = failed;
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    message.accept(text);
    webSocket.request();
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteBuffer bytes) {
    onMessage(webSocket, StandardCharsets.UTF_8.decode(bytes).toString());
  }

  @Override
  public void onClose(WebSocket webSocket, int code, String reason) {
    webSocket.sendClose(code, reason);
    if (code == normalClosure) {
      closedNormally.run();
    } else {
      failed.accept(new IOException("the watch was closed: " + code + " " + reason));
    }
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    failed.accept(error);
  }
}
