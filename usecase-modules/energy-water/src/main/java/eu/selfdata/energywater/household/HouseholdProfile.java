package eu.selfdata.energywater.household;

import eu.selfdata.usecase.api.CommonProblems;
import java.util.Set;

/**
 * What a household tells of its home in the short "profil type" form (after Ecolyo's): enough to estimate a typical
 * household's use, to compare it with similar households and to pick the eco-gestures that apply to it.
 */
public record HouseholdProfile(
        HousingType housing,
        int areaSquareMetres,
        ConstructionPeriod built,
        int occupants,
        Energy heating,
        Energy hotWater,
        Energy cooking) {

    public static final int MIN_AREA = 9;
    public static final int MAX_AREA = 1_000;
    public static final int MAX_OCCUPANTS = 20;

    private static final Set<Energy> COOKING = Set.of(Energy.ELECTRICITY, Energy.GAS, Energy.OTHER);

    public HouseholdProfile {
        if (housing == null || built == null || heating == null || hotWater == null || cooking == null) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "a household profile gives housing, built, heating, hotWater and cooking");
        }
        if (areaSquareMetres < MIN_AREA || areaSquareMetres > MAX_AREA) {
            throw CommonProblems.INVALID_REQUEST.exception("a home's area is " + MIN_AREA + " to " + MAX_AREA + " m²");
        }
        if (occupants < 1 || occupants > MAX_OCCUPANTS) {
            throw CommonProblems.INVALID_REQUEST.exception("a household has 1 to " + MAX_OCCUPANTS + " occupants");
        }
        if (!COOKING.contains(cooking)) {
            throw CommonProblems.INVALID_REQUEST.exception("cooking is ELECTRICITY, GAS or OTHER");
        }
    }

    public enum HousingType {
        HOUSE,
        APARTMENT
    }

    /** The periods of French thermal regulations: before any (1975), RT 1974, RT 1988, RT 2000, RT 2012. */
    public enum ConstructionPeriod {
        BEFORE_1975,
        FROM_1975_TO_1989,
        FROM_1990_TO_2000,
        FROM_2001_TO_2012,
        AFTER_2012
    }

    /** An energy for heating, hot water or cooking; {@code COLLECTIVE} is a building's shared system, not metered here. */
    public enum Energy {
        ELECTRICITY,
        GAS,
        COLLECTIVE,
        WOOD,
        FUEL_OIL,
        OTHER
    }
}
