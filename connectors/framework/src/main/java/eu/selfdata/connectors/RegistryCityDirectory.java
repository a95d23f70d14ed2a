package eu.selfdata.connectors;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the platform registry tables directly (read-only); the host replaces it by declaring its
 * own {@link CityDirectory} bean.
 */
final class RegistryCityDirectory implements CityDirectory {

    private final CityJdbc jdbc;

    RegistryCityDirectory(CityJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Set<String>> activeCitiesWithModules() {
        Map<String, Set<String>> cities = new HashMap<>();
        jdbc.unscoped().sql("""
                        select t.slug, m.module_id from platform.tenant t
                          left join platform.tenant_module m on m.slug = t.slug
                         where t.status = 'ACTIVE'""")
                .query((rs, row) -> {
                    Set<String> modules = cities.computeIfAbsent(rs.getString(1), slug -> new HashSet<>());
                    if (rs.getString(2) != null) {
                        modules.add(rs.getString(2));
                    }
                    return null;
                }).list();
        return cities;
    }
}
