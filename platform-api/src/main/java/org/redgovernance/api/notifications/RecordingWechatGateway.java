package org.redgovernance.api.notifications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dev stack's and the tests' WeChat: a login code stands for the openid derived from it, and
 * each message is one JSON line in {@code <outbox>/wechat.jsonl}. Never for production.
 */
final class RecordingWechatGateway implements WechatGateway {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path outbox;
  private final AtomicLong sequence = new AtomicLong();

  RecordingWechatGateway(Path outbox) {
    this.outbox = outbox.toAbsolutePath();
  }

  @Override
  public String openIdFor(String loginCode) throws DeliveryFailure {
    if (!loginCode.matches("[A-Za-z0-9_-]{1,128}")) {
      throw new DeliveryFailure("invalid code (40029)");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(loginCode.getBytes(StandardCharsets.UTF_8));
      return "o" + HexFormat.of().formatHex(digest).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized String send(
      String openId, String templateId, Map<String, String> data, String page)
      throws DeliveryFailure {
    String id = "rec-" + System.currentTimeMillis() + "-" + sequence.incrementAndGet();
    Map<String, Object> line = new TreeMap<>();
    line.put("msgid", id);
    line.put("touser", openId);
    line.put("template_id", templateId);
    line.put("page", page);
    line.put("data", new TreeMap<>(data));
    try {
      Files.createDirectories(outbox);
      Files.writeString(
          outbox.resolve("wechat.jsonl"),
          JSON.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new DeliveryFailure("could not record the WeChat message: " + e.getMessage(), e);
    }
    return id;
  }
}
