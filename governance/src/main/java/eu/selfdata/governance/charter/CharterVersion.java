package eu.selfdata.governance.charter;

import java.time.Instant;

/** One published text of the data charter; never edited, a new text is a new version. */
public record CharterVersion(String id, String title, String body, Instant publishedAt) {}
