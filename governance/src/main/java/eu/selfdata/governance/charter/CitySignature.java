package eu.selfdata.governance.charter;

import java.time.Instant;

/** The charter version a city signed last; {@code relayedAt} is when tenant-service confirmed it. */
public record CitySignature(
        String city, CharterVersion version, String signedBy, Instant signedAt, Instant relayedAt) {}
