package org.redgovernance.api.matters;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.attachments.AttachedFiles;
import org.redgovernance.api.attachments.AttachmentStore;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Component;

/**
 * Attaching photos and documents to matters, and reading them back, under the matter's own rules:
 * who sees the matter sees its files; its reporter and the community's staff add them while it is
 * open. Only JPEG, PNG and PDF, recognised by their content, not by the name the client gave. The
 * file is stored before its row is written and removed again if the row is not, so that a failure
 * leaves neither a row without a file nor (beyond a crash) a file without a row.
 */
@Component
class MatterAttachments {

  /** A file to send back: what it is and its bytes. */
  record Download(MatterAttachment attachment, InputStream content) {}

  private final TenantTransactions transactions;
  private final MatterRepository matters;
  private final MatterAttachmentRepository attachments;
  private final AttachmentStore store;
  private final Commands commands;
  private final AccessScopes scopes;

  MatterAttachments(
      TenantTransactions transactions,
      MatterRepository matters,
      MatterAttachmentRepository attachments,
      AttachmentStore store,
      Commands commands,
      AccessScopes scopes) {
    this.scopes = scopes;
    this.transactions = transactions;
    this.matters = matters;
    this.attachments = attachments;
    this.store = store;
    this.commands = commands;
  }

  MatterAttachment attach(
      AccessScope scope, @Nullable String matterId, @Nullable String fileName, byte[] content) {
    Optional<GlobalId> id = GlobalId.decode(matterId, MatterTypes.MATTER);
    ReachableCommunity community =
        id.flatMap(g -> scope.byId(g.communityId()))
            .orElseThrow(
                () -> Refusal.because(UserError.Code.NOT_FOUND, "No such matter", "matter"));
    String type = AttachedFiles.contentType(content);
    String name = AttachedFiles.cleanName(fileName);
    String userId = scope.caller().userId();
    AccessScope one = scope.narrowedTo(community);
    MatterAttachment attachment =
        new MatterAttachment(
            community.id(),
            Ids.newId(),
            id.get().id(),
            name,
            type,
            content.length,
            AttachedFiles.sha256(content),
            community.id() + "/" + id.get().id() + "/" + Ids.newId(),
            scope.caller().displayName(),
            java.time.OffsetDateTime.now());
    return store.storedWhile(
        attachment.storageKey(),
        content,
        () ->
            transactions.write(
                one,
                dsl -> {
                  MatterState matter =
                      matters
                          .state(dsl, community.id(), id.get().id(), one)
                          .orElseThrow(() -> MatterVisibility.notFound("matter"));
                  if (community.roles().isEmpty()
                      || !(matter.mine() || MatterVisibility.seesAll(community))) {
                    throw Refusal.because(
                        UserError.Code.FORBIDDEN,
                        "Only the matter's reporter and the community's staff add files to it");
                  }
                  if (!community.status().acceptsWrites()) {
                    throw Refusal.because(
                        UserError.Code.COMMUNITY_READ_ONLY, "The community is read-only");
                  }
                  if (matter.status().isFinal()) {
                    throw Refusal.because(
                        UserError.Code.ILLEGAL_TRANSITION, "The matter is closed", "matter");
                  }
                  if (attachments.countOf(dsl, community.id(), matter.id())
                      >= MatterAttachment.MAX_PER_MATTER) {
                    throw Refusal.because(
                        UserError.Code.INVALID_INPUT,
                        "A matter takes at most " + MatterAttachment.MAX_PER_MATTER + " files",
                        "file");
                  }
                  boolean attached =
                      !commands
                          .write(dsl, one, MatterAttachmentRepository.insert(attachment, userId))
                          .audited(
                              "matter.attached",
                              MatterTypes.ATTACHMENT,
                              Map.of(
                                  "matter",
                                  matter.id().toString(),
                                  "type",
                                  type,
                                  "size",
                                  content.length))
                          .announced(MatterWorkflow.TOPIC, "ATTACHED", "matter_id")
                          .execute()
                          .isEmpty();
                  if (!attached) {
                    throw Refusal.because(
                        UserError.Code.DUPLICATE,
                        "This file is attached to the matter already",
                        "file");
                  }
                  return attachment;
                }));
  }

  /** The file, if the caller may see the matter it belongs to. */
  Optional<Download> download(AccessScope scope, @Nullable String attachmentId) {
    return GlobalId.decode(attachmentId, MatterTypes.ATTACHMENT)
        .flatMap(id -> find(scope, id))
        .map(this::open);
  }

  /**
   * The file a valid signed link names. The link stands for a caller who could see the matter when
   * it was made, minutes ago ({@link AttachmentLinks}), so the file is read without a caller.
   */
  Optional<Download> downloadLinked(GlobalId id) {
    AccessScope system = scopes.of(Caller.SYSTEM);
    return system
        .byId(id.communityId())
        .flatMap(
            community ->
                transactions.read(
                    system.narrowedTo(community),
                    dsl -> attachments.find(dsl, id.communityId(), id.id())))
        .map(this::open);
  }

  private Download open(MatterAttachment attachment) {
    return new Download(attachment, store.read(attachment.storageKey()));
  }

  /** The attachment, if the caller may see the matter it belongs to. */
  Optional<MatterAttachment> find(AccessScope scope, GlobalId id) {
    Optional<ReachableCommunity> community = scope.byId(id.communityId());
    if (community.isEmpty()) {
      return Optional.empty();
    }
    AccessScope one = scope.narrowedTo(community.get());
    return transactions.read(
        one,
        dsl ->
            attachments
                .find(dsl, id.communityId(), id.id())
                .filter(a -> matters.state(dsl, a.communityId(), a.matterId(), one).isPresent()));
  }
}
