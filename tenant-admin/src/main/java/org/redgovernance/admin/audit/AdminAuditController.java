package org.redgovernance.admin.audit;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.security.Operator;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * {@code auditEvents(streetKey:, filter:)}: the street's admins (and the platform operator) read
 * what was done to their street and its communities; anyone else gets an empty list. Entries are
 * ordered by their time-ordered ids, so {@code before} pages back through history.
 */
@Controller
class AdminAuditController {

  private final AdminAuditRepository audit;

  AdminAuditController(AdminAuditRepository audit) {
    this.audit = audit;
  }

  @QueryMapping
  List<AdminAuditRepository.Entry> auditEvents(
      @Argument String streetKey,
      @Argument @Nullable Integer first,
      @Argument @Nullable String before,
      @Argument @Nullable AuditFilter filter,
      @AuthenticationPrincipal Jwt token) {
    if (!Operator.of(token).administers(streetKey)) {
      return List.of();
    }
    // first is checked (0 to 200) for every field by graphql.ArgumentChecks
    int size = first == null ? 50 : first;
    UUID from;
    try {
      from = before == null ? null : UUID.fromString(before);
    } catch (IllegalArgumentException e) {
      from = new UUID(0, 0);
    }
    return audit.page(streetKey, filter == null ? AuditFilter.ALL : filter, from, size);
  }
}
