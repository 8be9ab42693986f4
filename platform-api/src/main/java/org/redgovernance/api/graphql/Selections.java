package org.redgovernance.api.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.MergedField;
import graphql.language.Document;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The fields selected below a field, for answers PostgreSQL writes ({@link JsonShape}).
 * graphql-java works them out by normalising the whole operation, a tenth of the CPU of a small
 * read; the selection below a field depends only on the document, unless a directive reads a
 * variable or a field below takes arguments. Documents are parsed once and kept ({@link
 * DocumentCache}), so the selection is kept per field of the parsed document, and worked out again
 * whenever it could differ between requests.
 */
@Component
public class Selections {

  private final Cache<Field, List<SelectedField>> below =
      Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();

  private final Cache<Document, Boolean> variableDirectives =
      Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();

  /** The fields selected directly below the field being fetched. */
  public List<SelectedField> below(DataFetchingEnvironment environment) {
    MergedField merged = environment.getMergedField();
    if (merged.getFields().size() != 1
        || variableDirectives.get(
            environment.getDocument(), document -> !DirectiveVariables.in(document).isEmpty())) {
      return environment.getSelectionSet().getImmediateFields();
    }
    Field field = merged.getSingleField();
    List<SelectedField> kept = below.getIfPresent(field);
    if (kept != null) {
      return kept;
    }
    List<SelectedField> selected = environment.getSelectionSet().getImmediateFields();
    if (selected.stream().noneMatch(Selections::takesArguments)) {
      below.put(field, selected);
    }
    return selected;
  }

  /** Whether this field or one below it takes arguments, whose values differ between requests. */
  private static boolean takesArguments(SelectedField field) {
    return !field.getArguments().isEmpty()
        || field.getSelectionSet().getImmediateFields().stream()
            .anyMatch(Selections::takesArguments);
  }
}
