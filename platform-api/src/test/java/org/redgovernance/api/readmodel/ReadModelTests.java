package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redgovernance.database.jooq.tables.ServicePost;

/** The read model refuses declarations that do not cover their type exactly. */
class ReadModelTests {

  private static final ModelRef<ServicePost> POSTS = new ModelRef<>("Post", SERVICE_POST::as);

  private static final GraphQLSchema SCHEMA =
      new SchemaGenerator()
          .makeExecutableSchema(
              new SchemaParser()
                  .parse(
                      "type Query { post: Post }"
                          + " type Post { id: ID! name: String! capacity: Int }"
                          + " interface Place { name: String }"),
              RuntimeWiring.newRuntimeWiring()
                  .type("Place", type -> type.typeResolver(environment -> null))
                  .build());

  @Test
  void aTypeDeclaredWhole_hasNoProblem() {
    ReadModel model =
        new ReadModel(
            List.of(
                ObjectModel.of(POSTS)
                    .id(post -> post.COMMUNITY_ID, post -> post.ID)
                    .value("name", post -> post.NAME)
                    .resolvedInJava("capacity", "for this test")
                    .build()));

    assertThat(model.problems(SCHEMA)).isEmpty();
  }

  @Test
  void aForgottenField_andAFieldTheSchemaLacks_areBothNamed() {
    ReadModel model =
        new ReadModel(
            List.of(
                ObjectModel.of(POSTS)
                    .id(post -> post.COMMUNITY_ID, post -> post.ID)
                    .value("name", post -> post.NAME)
                    .value("openingHours", post -> post.OPENING_HOURS)
                    .build()));

    assertThat(model.problems(SCHEMA))
        .containsExactly(
            "Post.capacity is not declared", "Post.openingHours is declared but not in the schema");
  }

  @Test
  void aDeclarationOfNoObjectType_isAProblem() {
    ReadModel model =
        new ReadModel(
            List.of(
                ObjectModel.of(new ModelRef<>("Place", SERVICE_POST::as))
                    .value("name", post -> post.NAME)
                    .build()));

    assertThat(model.problems(SCHEMA))
        .containsExactly(
            "Post is neither declared nor answered in Java with a reason",
            "Place is declared but is no object type of the schema");
  }

  @Test
  void anObjectTypeNoOneAnswers_isAProblem_unlessAnsweredInJavaOrPartOfAWritesAnswer() {
    GraphQLSchema schema =
        new SchemaGenerator()
            .makeExecutableSchema(
                new SchemaParser()
                    .parse(
                        "type Query { me: Me, post: Post }"
                            + " type Mutation { rename: RenamePayload! }"
                            + " type RenamePayload { post: Post, errors: [Problem!]! }"
                            + " type Problem { message: String! }"
                            + " type Me { name: String! }"
                            + " type Stray { name: String! }"
                            + " type Post { id: ID! name: String! capacity: Int }"),
                RuntimeWiring.newRuntimeWiring().build());
    List<ObjectModel<?>> posts =
        List.of(
            ObjectModel.of(POSTS)
                .id(post -> post.COMMUNITY_ID, post -> post.ID)
                .value("name", post -> post.NAME)
                .value("capacity", post -> post.CAPACITY)
                .build());

    assertThat(new ReadModel(posts).problems(schema))
        .containsExactly(
            "Me is neither declared nor answered in Java with a reason",
            "Stray is neither declared nor answered in Java with a reason");
    assertThat(
            new ReadModel(posts, List.of(AnsweredInJava.types("the caller", "Me", "Stray")))
                .problems(schema))
        .isEmpty();
  }

  @Test
  void aFieldDeclaredTwice_isRefusedAtOnce() {
    assertThatThrownBy(
            () ->
                ObjectModel.of(POSTS)
                    .value("name", post -> post.NAME)
                    .resolvedInJava("name", "twice"))
        .hasMessage("Post.name is declared twice");
    assertThatThrownBy(
            () ->
                new ReadModel(
                    List.of(ObjectModel.of(POSTS).build(), ObjectModel.of(POSTS).build())))
        .hasMessage("Post is declared twice");
  }

  @Test
  void anExtension_addsItsFieldsToTheType_butNeverTwiceAndNeverWithoutTheType() {
    ObjectModel<ServicePost> own =
        ObjectModel.of(POSTS)
            .id(post -> post.COMMUNITY_ID, post -> post.ID)
            .value("name", post -> post.NAME)
            .build();
    ObjectModel<ServicePost> more =
        ObjectModel.extension(POSTS).value("capacity", post -> post.CAPACITY).build();

    assertThat(new ReadModel(List.of(more, own)).problems(SCHEMA)).isEmpty();
    assertThatThrownBy(
            () ->
                new ReadModel(
                    List.of(
                        own,
                        ObjectModel.extension(POSTS).value("name", post -> post.NAME).build())))
        .hasMessage("Post.name is declared twice");
    assertThatThrownBy(() -> new ReadModel(List.of(more)))
        .hasMessage("Post is extended but declared nowhere");
  }

  @Test
  void aReadRule_needsADeclaredFieldThatCanAnswerNull() {
    ReadModel model =
        new ReadModel(
            List.of(
                ObjectModel.of(POSTS)
                    .id(post -> post.COMMUNITY_ID, post -> post.ID)
                    .value("name", post -> post.NAME)
                    .resolvedInJava("capacity", "for this test")
                    .readableIf("openingHours", community -> true, "never")
                    .readableIf("name", community -> true, "never")
                    .build()));

    assertThat(model.problems(SCHEMA))
        .containsExactlyInAnyOrder(
            "Post.openingHours has a read rule but no declaration",
            "Post.name has a read rule but cannot answer null");
  }
}
