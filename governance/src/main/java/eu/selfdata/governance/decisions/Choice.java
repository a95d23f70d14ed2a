package eu.selfdata.governance.decisions;

public enum Choice {
    YES, NO, ABSTAIN
}
