package org.redgovernance.api.notices;

/** GraphQL type names of notices, as encoded in global IDs. */
final class NoticeTypes {
  static final String NOTICE = "Notice";

  private NoticeTypes() {}
}
