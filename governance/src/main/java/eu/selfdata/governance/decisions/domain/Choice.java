package eu.selfdata.governance.decisions.domain;

public enum Choice {
    YES,
    NO,
    ABSTAIN
}
