package org.redgovernance.api.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * WeChat subscription messages through the {@link WechatGateway}; without one the channel is not
 * open. Each message has taken one of the person's consents for its template before it comes here
 * ({@link WechatAddressRepository}): a one-time subscription allows one message. A template's
 * fields hold at most 20 characters each, so the title and text are cut to that; the message opens
 * the mini-program's notification page with the link.
 */
@Component
class WechatChannel implements ChannelAdapter {

  static final int FIELD = 20;
  static final String PAGE = "pages/notification/index?link=";

  private final ObjectProvider<WechatGateway> gateway;
  private final WechatTemplates templates;

  WechatChannel(ObjectProvider<WechatGateway> gateway, WechatTemplates templates) {
    this.gateway = gateway;
    this.templates = templates;
  }

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.WECHAT;
  }

  @Override
  public boolean available() {
    return gateway.getIfAvailable() != null && !templates.all().isEmpty();
  }

  @Override
  public String send(Message message) throws DeliveryFailure {
    String template =
        templates
            .of(message.category())
            .orElseThrow(() -> new DeliveryFailure("no template for " + message.category()));
    return gateway
        .getObject()
        .send(
            message.address(),
            template,
            Map.of(
                "thing1", cut(message.title()),
                "thing2", cut(message.body()),
                "thing3", cut(message.communityKey())),
            PAGE + URLEncoder.encode(message.link(), StandardCharsets.UTF_8));
  }

  private static String cut(String value) {
    return value.codePointCount(0, value.length()) <= FIELD
        ? value
        : value.substring(0, value.offsetByCodePoints(0, FIELD - 1)) + "…";
  }
}
