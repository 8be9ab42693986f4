--liquibase formatted sql

--changeset rg:0004-notice
-- Community announcements (通知公告): the first tenant feature.
CREATE TABLE rg.notice (
  community_id     uuid        NOT NULL REFERENCES rg.community (id),
  id               uuid        NOT NULL,
  title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body             text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  audience         text        NOT NULL DEFAULT 'EVERYONE'
                               CHECK (audience IN ('EVERYONE', 'PARTY_MEMBERS', 'STAFF')),
  status           text        NOT NULL DEFAULT 'PUBLISHED'
                               CHECK (status IN ('PUBLISHED', 'WITHDRAWN')),
  author_id        text        NOT NULL,
  author_name      text        NOT NULL,
  published_at     timestamptz NOT NULL DEFAULT now(),
  withdrawn_at     timestamptz,
  withdrawn_reason text,
  version          integer     NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX notice_newest_idx ON rg.notice (community_id, published_at DESC, id DESC);
ALTER TABLE rg.notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE rg.notice FORCE ROW LEVEL SECURITY;
CREATE POLICY notice_in_scope ON rg.notice
  USING (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]))
  WITH CHECK (community_id = ANY ((SELECT rg.allowed_community_ids())::uuid[]));
GRANT SELECT, INSERT, UPDATE ON rg.notice TO rg_api;
GRANT SELECT ON rg.notice TO rg_admin;
--rollback DROP TABLE rg.notice;
