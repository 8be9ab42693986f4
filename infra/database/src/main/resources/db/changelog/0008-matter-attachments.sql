--liquibase formatted sql

--changeset rg:0008-matter-attachment
-- Photos and documents of a matter. The bytes live in the attachment store (a folder in dev, an
-- object store in production) under storage_key; the database keeps what describes them.
CREATE TABLE rg.matter_attachment (
  community_id     uuid        NOT NULL REFERENCES rg.community (id),
  id               uuid        NOT NULL,
  matter_id        uuid        NOT NULL,
  file_name        text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type     text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png',
                                 'application/pdf')),
  size_bytes       integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256           text        NOT NULL CHECK (length(sha256) = 64),
  storage_key      text        NOT NULL,
  uploaded_by_id   text        NOT NULL,
  uploaded_by_name text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, matter_id, sha256),
  FOREIGN KEY (community_id, matter_id) REFERENCES rg.matter (community_id, id)
);
CALL rg.guard_tenant_table('matter_attachment');
GRANT SELECT, INSERT ON rg.matter_attachment TO rg_api;
GRANT SELECT, INSERT ON rg.matter_attachment TO rg_admin;
--rollback DROP TABLE rg.matter_attachment;
