package org.redgovernance.api.notifications;

import java.util.Map;

/**
 * WeChat's subscription messages (订阅消息) as the platform needs them: the openid of a person who
 * signed in to the mini-program ({@code wx.login}'s code), and one message of a template to one
 * openid. A real provider's SDK stays behind this interface; dev and tests record the messages in a
 * folder ({@link RecordingWechatGateway}).
 */
public interface WechatGateway {

  /** The openid of the person whose {@code wx.login} code this is; fails for a bad code. */
  String openIdFor(String loginCode) throws DeliveryFailure;

  /**
   * Sends one subscription message of {@code templateId} with {@code data} (the template's fields)
   * that opens {@code page} of the mini-program; the message id WeChat gave it.
   */
  String send(String openId, String templateId, Map<String, String> data, String page)
      throws DeliveryFailure;
}
