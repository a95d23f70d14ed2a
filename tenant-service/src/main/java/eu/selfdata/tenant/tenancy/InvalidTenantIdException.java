package eu.selfdata.tenant.tenancy;

public class InvalidTenantIdException extends IllegalArgumentException {

    private final String rejected;

    InvalidTenantIdException(String rejected, String reason) {
        super("Invalid city slug '" + rejected + "': " + reason);
        this.rejected = rejected;
    }

    public String rejected() {
        return rejected;
    }
}
