package eu.selfdata.governance.decisions.domain;

public enum MotionKind {
    ADD_MODULE,
    ADOPT_CHARTER,
    BUDGET,
    ADMIT_PARTNER,
    OTHER
}
