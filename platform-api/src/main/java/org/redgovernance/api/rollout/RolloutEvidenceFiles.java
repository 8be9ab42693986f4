package org.redgovernance.api.rollout;

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
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Component;

/**
 * The evidence of a community's stages: uploaded by the street's admin to the community's part in a
 * project, then filed with the stage change it shows ({@code moveRolloutStage}); read back by the
 * community's staff and the street office. The file is stored before its row is written and removed
 * again if the row is not, as a matter's files are.
 */
@Component
class RolloutEvidenceFiles {

  /** A file to send back: what it is and its bytes. */
  record Download(EvidenceFile evidence, InputStream content) {}

  private final TenantTransactions transactions;
  private final RolloutRepository rollout;
  private final AttachmentStore store;
  private final Commands commands;

  RolloutEvidenceFiles(
      TenantTransactions transactions,
      RolloutRepository rollout,
      AttachmentStore store,
      Commands commands) {
    this.transactions = transactions;
    this.rollout = rollout;
    this.store = store;
    this.commands = commands;
  }

  EvidenceFile attach(
      AccessScope scope,
      @Nullable String participantId,
      @Nullable String fileName,
      byte[] content) {
    MutationTargets.Target target =
        MutationTargets.object(
            participantId,
            RolloutTypes.PARTICIPANT,
            "participant",
            scope,
            RolloutProgressMutationController.STREET_ADMIN);
    if (target.refusal() != null) {
      throw new Refusal(Commands.refused(target.refusal()));
    }
    ReachableCommunity community = target.target();
    String type = AttachedFiles.contentType(content);
    EvidenceFile evidence =
        new EvidenceFile(
            community.id(),
            Ids.newId(),
            target.localId(),
            AttachedFiles.cleanName(fileName),
            type,
            content.length,
            AttachedFiles.sha256(content),
            community.id() + "/rollout/" + target.localId() + "/" + Ids.newId());
    AccessScope one = scope.narrowedTo(community);
    return store.storedWhile(
        evidence.storageKey(),
        content,
        () ->
            transactions.write(
                one,
                dsl -> {
                  rollout
                      .participant(dsl, community.id(), target.localId())
                      .orElseThrow(
                          () ->
                              Refusal.because(
                                  UserError.Code.NOT_FOUND, "No such participant", "participant"));
                  if (rollout.evidenceOf(dsl, community.id(), target.localId())
                      >= EvidenceFile.MAX_PER_PARTICIPANT) {
                    throw Refusal.because(
                        UserError.Code.INVALID_INPUT,
                        "A community's part takes at most "
                            + EvidenceFile.MAX_PER_PARTICIPANT
                            + " files",
                        "file");
                  }
                  boolean stored =
                      !commands
                          .write(
                              dsl,
                              one,
                              RolloutRepository.insertEvidence(
                                  evidence, scope.caller().userId(), scope.caller().displayName()))
                          .audited(
                              "rollout.evidence.added",
                              RolloutTypes.EVIDENCE,
                              Map.of(
                                  "participant",
                                  target.localId().toString(),
                                  "type",
                                  type,
                                  "size",
                                  content.length))
                          .execute()
                          .isEmpty();
                  if (!stored) {
                    throw Refusal.because(
                        UserError.Code.DUPLICATE,
                        "This file is among the community's evidence already",
                        "file");
                  }
                  return evidence;
                }));
  }

  /** The file, if the caller is the community's staff or the street office. */
  Optional<Download> download(AccessScope scope, @Nullable String evidenceId) {
    return GlobalId.decode(evidenceId, RolloutTypes.EVIDENCE)
        .flatMap(
            id ->
                scope
                    .byId(id.communityId())
                    .filter(ReachableCommunity::staffOrOverseen)
                    .flatMap(
                        community ->
                            transactions.read(
                                scope.narrowedTo(community),
                                dsl -> rollout.evidence(dsl, id.communityId(), id.id()))))
        .map(this::open);
  }

  private Download open(EvidenceFile evidence) {
    return new Download(evidence, store.read(evidence.storageKey()));
  }
}
