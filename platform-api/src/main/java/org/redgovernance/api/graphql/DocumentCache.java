package org.redgovernance.api.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents, by their text. Front ends send the same few documents over and
 * over (only the variables change), and parsing and validating against the whole schema costs more
 * CPU than many a request's SQL. Validation does not depend on the caller or the variables, so one
 * entry serves everyone; the size is bounded, so a flood of distinct documents only evicts.
 */
final class DocumentCache implements PreparsedDocumentProvider {

  private final Cache<String, PreparsedDocumentEntry> documents;

  DocumentCache(int maximumSize) {
    this.documents = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    return CompletableFuture.completedFuture(
        documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
  }
}
