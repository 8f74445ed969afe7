package org.campus.shell.internal;

import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.security.ApiKey;

/** The console table of API keys: never a secret, which is not stored anyway. */
final class KeyTables {

    private KeyTables() {
    }

    static ShellTable list(List<ApiKey> keys) {
        ShellTable table = new ShellTable().emptyTableText("No API keys.");
        table.column("ID");
        table.column("Name");
        table.column("Prefix");
        table.column("Scopes");
        table.column("Created");
        table.column("Rotated");
        table.column("Revoked");
        keys.forEach(k -> table.addRow().addContent(row(k)));
        return table;
    }

    static List<Object> row(ApiKey k) {
        return List.of(k.id(), k.name(), k.prefix() == null ? "(registered)" : k.prefix(),
                String.join(" ", new TreeSet<>(k.scopes())), Cells.time(k.created()), Cells.time(k.rotated()),
                Cells.time(k.revoked()));
    }
}
