package eu.selfdata.waste.citizen;

/**
 * National figures a citizen compares with, shipped with their source.
 *
 * @param residualKgPerPersonYear   ordures ménagères résiduelles (grey bin) per inhabitant and year
 * @param householdKgPerPersonYear  ordures ménagères et assimilées (grey bin + separate collections)
 */
public record NationalReference(int residualKgPerPersonYear, int householdKgPerPersonYear, int year, String source) {

    public static final NationalReference FRANCE = new NationalReference(
            254,
            335,
            2017,
            "ADEME, campagne nationale de caractérisation des déchets ménagers et assimilés (MODECOM 2017), métropole");
}
