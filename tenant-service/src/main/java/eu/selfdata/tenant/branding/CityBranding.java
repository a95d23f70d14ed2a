package eu.selfdata.tenant.branding;

import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.UnknownTenantException;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Changes a city's colours, default language and logo in the registry; the portal shows them on the next page load. */
@Component
class CityBranding {

    private final JdbcClient jdbc;
    private final ServedTenants servedTenants;

    CityBranding(DataSource dataSource, ServedTenants servedTenants) {
        this.jdbc = JdbcClient.create(dataSource);
        this.servedTenants = servedTenants;
    }

    void setLook(String slug, String primary, String secondary, String defaultLanguage) {
        if (jdbc.sql("""
                update platform.tenant set primary_color = ?, secondary_color = ?, default_language = ?, updated_at = now()
                where slug = ?""").params(primary, secondary, defaultLanguage, slug).update() == 0) {
            throw new UnknownTenantException(slug);
        }
        servedTenants.evict(slug);
    }

    /** Stores the logo and points the city's logo URL at it (versioned, so browsers fetch the new one). */
    void setLogo(String slug, String contentType, byte[] content) {
        jdbc.sql("""
                insert into platform.tenant_logo (slug, content_type, content) values (?, ?, ?)
                on conflict (slug) do update set content_type = excluded.content_type, content = excluded.content, uploaded_at = now()""").params(slug, contentType, content).update();
        String version = HexFormat.of().toHexDigits(java.util.Arrays.hashCode(content));
        jdbc.sql("update platform.tenant set logo_url = ?, updated_at = now() where slug = ?")
                .params("/branding/logo?v=" + version, slug)
                .update();
        servedTenants.evict(slug);
    }

    Optional<Logo> logo(String slug) {
        return jdbc.sql("select content_type, content from platform.tenant_logo where slug = ?")
                .param(slug)
                .query((rs, row) -> new Logo(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    record Logo(String contentType, byte[] content) {}
}
