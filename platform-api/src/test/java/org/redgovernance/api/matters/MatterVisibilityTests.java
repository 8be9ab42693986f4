package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a neighbour sees of a comment: the author's surname only, unless the author is staff. */
class MatterVisibilityTests {

  private static final UUID COMMUNITY = UUID.randomUUID();
  private static final MatterVisibility NEIGHBOUR = new MatterVisibility(false, "neighbour");
  private static final MatterVisibility STAFF = new MatterVisibility(true, "staff");

  @Test
  void aResidentsComment_showsTheSurnameOnlyToNeighbours_andInFullToStaffAndTheAuthor() {
    MatterComment comment = comment("author", "王建国", false);

    assertThat(comment.shownTo(NEIGHBOUR).authorName()).isEqualTo("王**");
    assertThat(comment.shownTo(STAFF).authorName()).isEqualTo("王建国");
    assertThat(comment.shownTo(new MatterVisibility(false, "author")).authorName())
        .isEqualTo("王建国");
  }

  @Test
  void aStaffComment_isSignedInFull() {
    assertThat(comment("secretary", "李书记", true).shownTo(NEIGHBOUR).authorName()).isEqualTo("李书记");
  }

  private static MatterComment comment(String author, String name, boolean staff) {
    return new MatterComment(
        COMMUNITY,
        UUID.randomUUID(),
        UUID.randomUUID(),
        author,
        name,
        staff,
        "body",
        OffsetDateTime.now());
  }
}
