package eu.selfdata.tenant.tenancy;

/** Which cluster holds a city's schema: the registry answers (tenancy cannot depend on it). */
public interface CityPlacement {

    ClusterName clusterOf(TenantId city);
}
