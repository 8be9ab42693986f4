package org.redgovernance.api.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The mini-program's side of WeChat subscription messages: {@code linkWechat} ties the caller's
 * WeChat account (the openid behind a {@code wx.login} code) to their settings of a community, and
 * {@code recordWechatConsents} counts one more message for each template the person just accepted
 * in {@code wx.requestSubscribeMessage}. WeChat allows one message per acceptance: the count is
 * what the platform may still send.
 */
@Controller
class WechatController {

  static final int MAX_TEMPLATES = 20;

  record LinkWechatInput(@Nullable String communityKey, @Nullable String code) {}

  record RecordWechatConsentsInput(
      @Nullable String communityKey, @Nullable List<String> templateIds) {}

  private final Commands commands;
  private final ObjectProvider<WechatGateway> gateway;
  private final WechatTemplates templates;
  private final NotificationSettingsView view;

  WechatController(
      Commands commands,
      ObjectProvider<WechatGateway> gateway,
      WechatTemplates templates,
      NotificationSettingsView view) {
    this.commands = commands;
    this.gateway = gateway;
    this.templates = templates;
    this.view = view;
  }

  @MutationMapping
  Map<String, Object> linkWechat(
      @Argument LinkWechatInput input, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    WechatGateway wechat = gateway.getIfAvailable();
    if (wechat == null) {
      return Commands.failed(
          "settings",
          UserError.of(UserError.Code.INVALID_INPUT, "This platform sends nothing by WeChat"));
    }
    String code = input.code();
    if (code == null || !code.matches("[A-Za-z0-9_-]{1,128}")) {
      return Commands.failed(
          "settings",
          UserError.of(UserError.Code.INVALID_INPUT, "Not a WeChat login code", "code"));
    }
    String openId;
    try {
      openId = wechat.openIdFor(code);
    } catch (DeliveryFailure refused) {
      return Commands.failed(
          "settings",
          UserError.of(UserError.Code.INVALID_INPUT, "WeChat did not accept the code", "code"));
    }
    return changingSettings(
        input.communityKey(),
        scope,
        (command, person) ->
            command
                .write(WechatAddressRepository.linked(command.community().id(), person, openId))
                .onViolation(
                    Refusal.because(
                        UserError.Code.INVALID_INPUT, "WeChat answered no usable account", "code"))
                .execute());
  }

  @MutationMapping
  Map<String, Object> recordWechatConsents(
      @Argument RecordWechatConsentsInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Optional<UserError> invalid = invalid(input.templateIds());
    if (invalid.isPresent()) {
      return Commands.failed("settings", invalid.get());
    }
    Set<String> accepted = new LinkedHashSet<>(input.templateIds());
    return changingSettings(
        input.communityKey(),
        scope,
        (command, person) ->
            WechatAddressRepository.consented(
                command.dsl(), command.community().id(), person, accepted));
  }

  /**
   * The command changing the caller's ({@code person}'s) settings of the community named, answered
   * with the settings after the change.
   */
  private Map<String, Object> changingSettings(
      @Nullable String communityKey,
      AccessScope scope,
      java.util.function.BiConsumer<Commands.Step, String> change) {
    return commands.answer(
        scope,
        MutationTargets.community(communityKey, scope, NotificationSettingsController.ANY_ROLE),
        "settings",
        command -> {
          String person = command.scope().caller().userId();
          change.accept(command, person);
          return view.of(command.dsl(), command.community(), person);
        });
  }

  private Optional<UserError> invalid(@Nullable List<String> templateIds) {
    if (templateIds == null || templateIds.isEmpty() || templateIds.size() > MAX_TEMPLATES) {
      return Optional.of(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "Name 1 to " + MAX_TEMPLATES + " templates the person accepted",
              "templateIds"));
    }
    for (String template : templateIds) {
      if (template == null || templates.category(template).isEmpty()) {
        return Optional.of(
            UserError.of(
                UserError.Code.INVALID_INPUT,
                "Not a template of this platform: see notificationSettings.wechatConsents",
                "templateIds"));
      }
    }
    return Optional.empty();
  }
}
