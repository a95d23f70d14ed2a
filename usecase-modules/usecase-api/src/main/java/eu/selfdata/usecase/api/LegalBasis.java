package eu.selfdata.usecase.api;

/** Lawful bases of GDPR art. 6(1) a category of personal data is processed under. */
public enum LegalBasis {
    CONSENT,
    CONTRACT,
    LEGAL_OBLIGATION,
    VITAL_INTERESTS,
    PUBLIC_TASK,
    LEGITIMATE_INTERESTS
}
