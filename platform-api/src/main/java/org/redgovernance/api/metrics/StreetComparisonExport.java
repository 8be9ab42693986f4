package org.redgovernance.api.metrics;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.security.CallerFromToken;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /street-comparison.xlsx?streetKey=…[&metrics=…]}, with the same bearer token as {@code
 * /graphql}: the street's comparison as a workbook ({@link ComparisonWorkbook}), written to the
 * response as it is made. Its numbers are {@code streetComparison}'s own answer, asked through the
 * same GraphQL engine for the caller, so the download and the dashboard cannot disagree. A street
 * the caller holds no role on is not found, as {@code streetComparison} answers it nothing.
 */
@RestController
class StreetComparisonExport {

  static final String PATH = "/street-comparison.xlsx";

  static final String DOCUMENT =
      "query($street: String!, $metrics: [String!]) { streetComparison(streetKey: $street,"
          + " metrics: $metrics) { metric { key label labelEn definition definitionZh formula"
          + " unit better minSample backfills } streetKey ranked median lowerQuartile upperQuartile"
          + " communities { communityKey communityName day value sample sufficient rank previous"
          + " change weekly { day value sufficient } } } }";

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ExecutionGraphQlService graphQl;
  private final AccessScopes scopes;
  private final JsonMapper json;

  StreetComparisonExport(ExecutionGraphQlService graphQl, AccessScopes scopes, JsonMapper json) {
    this.graphQl = graphQl;
    this.scopes = scopes;
    this.json = json;
  }

  @GetMapping(PATH)
  ResponseEntity<StreamingResponseBody> export(
      @RequestParam String streetKey,
      @RequestParam(required = false) @Nullable List<String> metrics,
      @AuthenticationPrincipal Jwt token) {
    AccessScope scope = scopes.of(CallerFromToken.read(token));
    JsonNode comparisons = comparisons(scope, streetKey, metrics);
    if (comparisons.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    OffsetDateTime asOf = OffsetDateTime.now(ReadRequest.ZONE);
    String name =
        "street-comparison-"
            + streetKey
            + "-"
            + asOf.format(DateTimeFormatter.BASIC_ISO_DATE)
            + ".xlsx";
    return ResponseEntity.ok()
        .contentType(XLSX)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(out -> ComparisonWorkbook.write(comparisons, asOf, out));
  }

  /**
   * {@code streetComparison}'s answer for {@code scope}'s caller, as the JSON the endpoint would
   * send (the read model hands its answers over already written).
   */
  private JsonNode comparisons(
      AccessScope scope, String streetKey, @Nullable List<String> metrics) {
    DefaultExecutionGraphQlRequest request =
        new DefaultExecutionGraphQlRequest(
            DOCUMENT,
            null,
            metrics == null
                ? Map.of("street", streetKey)
                : Map.of("street", streetKey, "metrics", metrics),
            Map.of(),
            "street-comparison-export",
            null);
    request.configureExecutionInput(
        (input, builder) -> builder.graphQLContext(Map.of(AccessScope.CONTEXT_KEY, scope)).build());
    ExecutionGraphQlResponse response = graphQl.execute(request).block();
    if (response == null || !response.getErrors().isEmpty()) {
      throw new IllegalStateException(
          "streetComparison failed for the export: "
              + (response == null ? "no answer" : response.getErrors()));
    }
    Map<String, Object> data = response.getData();
    return data == null
        ? json.createArrayNode()
        : json.readTree(json.writeValueAsString(data)).path("streetComparison");
  }
}
