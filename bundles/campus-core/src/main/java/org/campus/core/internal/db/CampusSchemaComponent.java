package org.campus.core.internal.db;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Migrates the schema on the Campus data source when it appears, then offers {@link CampusSchema}. */
@Component(service = CampusSchema.class, immediate = true)
public class CampusSchemaComponent implements CampusSchema {

    private final String version;

    @Activate
    public CampusSchemaComponent(
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            BundleContext context) {
        this.version = SchemaMigrator.migrate(dataSource, getClass().getClassLoader(),
                new BundleMigrationResources(context.getBundle(), SchemaMigrator.locations(dataSource)));
    }

    @Override
    public String version() {
        return version;
    }
}
