package org.redgovernance.api.matters;

/** What a matter is about; communities add their own subcategories beneath these. */
public enum MatterCategory {
  PARKING,
  FACILITY,
  GREENING,
  SANITATION,
  PETS,
  SAFETY,
  NEIGHBOURS,
  OTHER
}
