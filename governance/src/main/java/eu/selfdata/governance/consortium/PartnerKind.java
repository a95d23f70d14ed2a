package eu.selfdata.governance.consortium;

public enum PartnerKind {
    CITY,
    NATIONAL_BODY,
    COMPANY,
    ASSOCIATION,
    RESEARCH_LAB
}
