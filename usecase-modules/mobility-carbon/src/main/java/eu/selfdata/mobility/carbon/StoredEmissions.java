package eu.selfdata.mobility.carbon;

/**
 * The legs stored with their CO2e, as the factor settings see them: a new factor version asks them
 * to be computed again (implemented where legs are stored, so that factors need not know trips).
 */
public interface StoredEmissions {

    /** Computes every leg of the city again with the factors in force; returns how many legs changed version. */
    int recomputeAll();
}
