package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.MATTER_ATTACHMENT;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** What describes matter attachments, in PostgreSQL; the bytes are in the attachment store. */
@Repository
class MatterAttachmentRepository {

  /** Records the attachment; false when the matter has this very file already. */
  boolean insert(DSLContext dsl, MatterAttachment attachment, String uploadedById) {
    return dsl.insertInto(MATTER_ATTACHMENT)
            .set(MATTER_ATTACHMENT.COMMUNITY_ID, attachment.communityId())
            .set(MATTER_ATTACHMENT.ID, attachment.id())
            .set(MATTER_ATTACHMENT.MATTER_ID, attachment.matterId())
            .set(MATTER_ATTACHMENT.FILE_NAME, attachment.fileName())
            .set(MATTER_ATTACHMENT.CONTENT_TYPE, attachment.contentType())
            .set(MATTER_ATTACHMENT.SIZE_BYTES, attachment.size())
            .set(MATTER_ATTACHMENT.SHA256, attachment.sha256())
            .set(MATTER_ATTACHMENT.STORAGE_KEY, attachment.storageKey())
            .set(MATTER_ATTACHMENT.UPLOADED_BY_ID, uploadedById)
            .set(MATTER_ATTACHMENT.UPLOADED_BY_NAME, attachment.uploadedByName())
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  int countOf(DSLContext dsl, UUID communityId, UUID matterId) {
    return dsl.fetchCount(
        MATTER_ATTACHMENT,
        MATTER_ATTACHMENT.COMMUNITY_ID.eq(communityId),
        MATTER_ATTACHMENT.MATTER_ID.eq(matterId));
  }

  Optional<MatterAttachment> find(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.selectFrom(MATTER_ATTACHMENT)
        .where(MATTER_ATTACHMENT.COMMUNITY_ID.eq(communityId), MATTER_ATTACHMENT.ID.eq(id))
        .fetchOptional(MatterAttachmentRepository::toAttachment);
  }

  /** The attachments of some matters of one community, oldest first, in one statement. */
  Map<UUID, List<MatterAttachment>> of(
      DSLContext dsl, UUID communityId, Collection<UUID> matterIds) {
    return dsl.selectFrom(MATTER_ATTACHMENT)
        .where(
            MATTER_ATTACHMENT.COMMUNITY_ID.eq(communityId),
            MATTER_ATTACHMENT.MATTER_ID.in(matterIds))
        .orderBy(MATTER_ATTACHMENT.CREATED_AT, MATTER_ATTACHMENT.ID)
        .fetchGroups(MATTER_ATTACHMENT.MATTER_ID, MatterAttachmentRepository::toAttachment);
  }

  private static MatterAttachment toAttachment(Record r) {
    return new MatterAttachment(
        r.get(MATTER_ATTACHMENT.COMMUNITY_ID),
        r.get(MATTER_ATTACHMENT.ID),
        r.get(MATTER_ATTACHMENT.MATTER_ID),
        r.get(MATTER_ATTACHMENT.FILE_NAME),
        r.get(MATTER_ATTACHMENT.CONTENT_TYPE),
        r.get(MATTER_ATTACHMENT.SIZE_BYTES),
        r.get(MATTER_ATTACHMENT.SHA256),
        r.get(MATTER_ATTACHMENT.STORAGE_KEY),
        r.get(MATTER_ATTACHMENT.UPLOADED_BY_NAME),
        r.get(MATTER_ATTACHMENT.CREATED_AT));
  }
}
