package org.redgovernance.api.notices;

enum NoticeStatus {
  PUBLISHED,
  WITHDRAWN
}
