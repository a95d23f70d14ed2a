package eu.selfdata.governance.readiness;

public enum Answer {
    YES,
    PARTLY,
    NO
}
