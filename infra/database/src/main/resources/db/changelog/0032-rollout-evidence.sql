--liquibase formatted sql

--changeset rg:0032-rollout-evidence
-- What shows a community reached a stage (photos of the 通报会, the pilot's minutes as PDF): files
-- of the community's part in a project, uploaded first, then filed with the stage change they
-- show (stage_change_id; null until then). The bytes live in the attachment store under
-- storage_key, as a matter's files do.
CREATE TABLE rg.rollout_evidence (
  community_id     uuid        NOT NULL,
  id               uuid        NOT NULL,
  participant_id   uuid        NOT NULL,
  stage_change_id  uuid,
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
  UNIQUE (community_id, participant_id, sha256),
  FOREIGN KEY (community_id, participant_id) REFERENCES rg.rollout_participant (community_id, id),
  FOREIGN KEY (community_id, stage_change_id)
    REFERENCES rg.rollout_stage_change (community_id, id)
);
CREATE INDEX rollout_evidence_stage_change_idx
  ON rg.rollout_evidence (community_id, stage_change_id);
CALL rg.guard_tenant_table('rollout_evidence');
-- filed once: the runtime role sets stage_change_id on a file not yet filed, nothing else
GRANT SELECT, INSERT ON rg.rollout_evidence TO rg_api;
GRANT UPDATE (stage_change_id) ON rg.rollout_evidence TO rg_api;
--rollback DROP TABLE rg.rollout_evidence;
