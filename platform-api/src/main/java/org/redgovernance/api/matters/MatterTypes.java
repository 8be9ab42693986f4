package org.redgovernance.api.matters;

/** GraphQL type names of matters and their parts, as encoded in global IDs. */
final class MatterTypes {
  static final String MATTER = "Matter";
  static final String COMMENT = "MatterComment";
  static final String ATTACHMENT = "MatterAttachment";
  static final String SUBCATEGORY = "MatterSubcategory";

  private MatterTypes() {}
}
