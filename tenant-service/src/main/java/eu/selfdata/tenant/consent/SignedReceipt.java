package eu.selfdata.tenant.consent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A receipt as the API shows it: its fields, and {@code jws}, the same receipt signed by the city (compact
 * JWS, ES256, key id in the header) that anyone verifies with the keys at {@code /api/consent-receipt-keys}.
 * Receipts issued before signing existed have no {@code jws}.
 */
record SignedReceipt(@JsonUnwrapped ConsentReceipt receipt, String jws) {}
