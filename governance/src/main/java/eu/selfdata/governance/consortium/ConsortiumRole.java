package eu.selfdata.governance.consortium;

/** Roles a partner holds in the consortium; one partner may hold several. */
public enum ConsortiumRole {
    LEAD_COORDINATOR(true),
    TECHNICAL_COORDINATOR(true),
    LEGAL_COORDINATOR(true),
    DIGITAL_MEDIATION_COORDINATOR(true),
    MEMBER(false),
    OBSERVER(false);

    private final boolean coordination;

    ConsortiumRole(boolean coordination) {
        this.coordination = coordination;
    }

    /** A coordination role must have a holder for the project to go live. */
    public boolean coordination() {
        return coordination;
    }
}
