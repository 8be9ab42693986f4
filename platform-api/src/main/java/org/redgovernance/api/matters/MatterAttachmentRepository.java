package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.MATTER_ATTACHMENT;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** What describes matter attachments, in PostgreSQL; the bytes are in the attachment store. */
@Repository
class MatterAttachmentRepository {

  /**
   * The insert of the attachment for a {@code Write}, returning its {@code community_id}, {@code
   * id} and {@code matter_id}; nothing when the matter has this very file already.
   */
  static ResultQuery<? extends Record> insert(MatterAttachment attachment, String uploadedById) {
    return DSL.insertInto(MATTER_ATTACHMENT)
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
        .returningResult(
            MATTER_ATTACHMENT.COMMUNITY_ID, MATTER_ATTACHMENT.ID, MATTER_ATTACHMENT.MATTER_ID);
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
