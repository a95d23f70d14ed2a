package eu.selfdata.usecase.api.limits;

/**
 * What a zip from outside may expand to, checked while it is read (the sizes a zip declares are
 * the sender's word, not a fact).
 *
 * @param maxEntries    entries in the central directory
 * @param maxEntryBytes decompressed bytes of one entry
 * @param maxTotalBytes decompressed bytes of all entries read
 * @param maxRatio      decompressed bytes per compressed byte of one entry, once it has given
 *                      {@link BoundedZip#RATIO_FREE_BYTES} (small entries, e.g. a one-line file, may
 *                      compress better than any real data)
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {

    public ZipLimits {
        if (maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxRatio <= 0) {
            throw new IllegalArgumentException("zip limits are positive");
        }
    }
}
