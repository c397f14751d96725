package cn.credit.workflow.entity;

/**
 * What kind of market entity: an individual business (个体工商户) is run by a natural person, whose
 * personal data must be masked wherever the public can see it.
 */
public enum EntityKind {
  ENTERPRISE,
  INDIVIDUAL_BUSINESS,
  SOCIAL_ORGANISATION;

  public boolean isNaturalPerson() {
    return this == INDIVIDUAL_BUSINESS;
  }
}
