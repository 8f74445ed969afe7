package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * The README's PostgreSQL lines for etc/org.ops4j.datasource-campus.cfg are the ones the PostgreSQL
 * tests write into the distribution ({@link ItestDatabase#postgresqlDatasource}): the same keys, in
 * the same order, with the same driver name.
 */
public class ReadmeDatasourceTest {

    @Test
    public void theReadmeGivesTheLinesTheTestsUse() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int section = readme.indexOf("### Database");
        assertTrue("README.md has a section '### Database'", section >= 0);
        int fence = -1;
        for (int i = section; i < readme.size() && fence < 0; i++) {
            if (readme.get(i).trim().equals("```")) {
                fence = i;
            }
        }
        assertTrue("a fenced block of cfg lines in the Database section", fence > 0);
        Map<String, String> lines = new LinkedHashMap<>();
        for (int i = fence + 1; !readme.get(i).trim().equals("```"); i++) {
            String line = readme.get(i).trim();
            int eq = line.indexOf('=');
            lines.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        System.setProperty("campus.pg.port", "5432");
        System.setProperty("campus.pg.user", "campus");
        System.setProperty("campus.pg.password", "secret");
        try {
            Map<String, String> tests = ItestDatabase.postgresqlDatasource("campus");
            assertEquals(new ArrayList<>(tests.keySet()), new ArrayList<>(lines.keySet()));
            assertEquals(ItestDatabase.POSTGRESQL_DRIVER_NAME, lines.get("osgi.jdbc.driver.name"));
            assertEquals(tests.get("url"), lines.get("url"));
            assertEquals(tests.get("user"), lines.get("user"));
        } finally {
            System.clearProperty("campus.pg.port");
            System.clearProperty("campus.pg.user");
            System.clearProperty("campus.pg.password");
        }
    }
}
