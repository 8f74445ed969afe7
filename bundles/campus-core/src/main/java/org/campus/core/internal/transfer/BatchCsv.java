package org.campus.core.internal.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.transfer.TransferBatchService;
import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.TransferUser;

/**
 * Reads a batch's CSV: RFC 4180 (fields separated by commas, quoted fields with doubled quotes,
 * commas and line breaks inside, records ended by CRLF or LF), UTF-8 with an optional byte order
 * mark, a required header naming the columns case-insensitively ({@code fromUserId},
 * {@code toUserId}, optional {@code fromName}, {@code toName}; nothing else). Values are trimmed;
 * an empty record is ignored. Every bad line is reported, all at once, as {@code lines[N].<column>}
 * (N: the data record, 1-based, the header not counted) or {@code lines[N]} for the record as a
 * whole; at most {@link #MAX_ERRORS}.
 */
final class BatchCsv {

    /** One data row as read. */
    record Row(int line, TransferUser from, TransferUser to) {
    }

    static final String FROM_ID = "fromUserId";
    static final String TO_ID = "toUserId";
    static final String FROM_NAME = "fromName";
    static final String TO_NAME = "toName";
    static final List<String> COLUMNS = List.of(FROM_ID, TO_ID, FROM_NAME, TO_NAME);
    static final int MAX_NAME = 255;
    static final int MAX_ERRORS = 100;
    /** What a bad LMS id is told: the transfer routes' rule. */
    static final String LMS_ID_RULE = "is not an LMS id: it must be 1 to " + LmsId.MAX_LENGTH
            + " characters without control characters";

    private BatchCsv() {
    }

    static List<Row> parse(byte[] bytes) {
        if (bytes.length > TransferBatchService.MAX_BYTES) {
            throw new InvalidInputException("body", "is larger than " + TransferBatchService.MAX_BYTES + " bytes");
        }
        String text = decode(bytes);
        List<FieldError> errors = new ArrayList<>();
        List<List<String>> records = records(text, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (records.isEmpty() || blank(records.get(0))) {
            throw new InvalidInputException("header", "is missing: the first line names the columns, e.g. "
                    + String.join(",", COLUMNS));
        }
        Map<String, Integer> columns = header(records.get(0));
        List<List<String>> data = records.subList(1, records.size());
        long nonBlank = data.stream().filter(r -> !blank(r)).count();
        if (nonBlank == 0) {
            throw new InvalidInputException("lines", "holds no data line: give at least one pair of accounts");
        }
        if (nonBlank > TransferBatchService.MAX_ROWS) {
            throw new InvalidInputException("lines", "has " + nonBlank + " data lines; at most "
                    + TransferBatchService.MAX_ROWS + " per batch");
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            List<String> record = data.get(i);
            if (blank(record)) {
                continue;
            }
            int line = i + 1;
            String at = "lines[" + line + "]";
            if (record.size() > columns.size()) {
                errors.add(new FieldError(at, "has " + record.size() + " fields; the header names " + columns.size()));
                continue;
            }
            LmsId from = id(record, columns.get(FROM_ID), at + "." + FROM_ID, errors);
            LmsId to = id(record, columns.get(TO_ID), at + "." + TO_ID, errors);
            String fromName = name(record, columns.get(FROM_NAME), at + "." + FROM_NAME, errors);
            String toName = name(record, columns.get(TO_NAME), at + "." + TO_NAME, errors);
            if (from == null || to == null) {
                continue;
            }
            if (from.value().equals(to.value())) {
                errors.add(new FieldError(at + "." + TO_ID, "equals fromUserId: a transfer needs two accounts"));
                continue;
            }
            Integer first = pairs.putIfAbsent(from.value() + "\u0000" + to.value(), line);
            if (first != null) {
                errors.add(new FieldError(at + "." + TO_ID, "duplicate pair: line " + first + " names the same"
                        + " fromUserId and toUserId"));
                continue;
            }
            rows.add(new Row(line, new TransferUser(from, fromName == null ? "user " + from : fromName),
                    new TransferUser(to, toName == null ? "user " + to : toName)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        return rows;
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "is not UTF-8 text");
        }
    }

    /** The records of RFC 4180 text; a malformed one is reported under its data line. */
    static List<List<String>> records(String text, List<FieldError> errors) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;        // inside a quoted field
        boolean wasQuoted = false;     // the current field was quoted (no trimming of its content)
        boolean afterQuote = false;    // a quoted field closed; only a separator may follow
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(ch);
                }
                continue;
            }
            if (ch == ',') {
                record.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                afterQuote = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                afterQuote = false;
                records.add(record);
                record = new ArrayList<>();
            } else if (ch == '"') {
                if (field.toString().isBlank() && !wasQuoted) {
                    field.setLength(0);
                    quoted = true;
                    wasQuoted = true;
                } else {
                    error(errors, records.size(), "has a quote inside a field that does not start with one;"
                            + " quote the whole field and double the quotes inside");
                    field.append(ch);
                }
            } else if (afterQuote) {
                if (!Character.isWhitespace(ch)) {
                    error(errors, records.size(), "has text after a quoted field's closing quote");
                    afterQuote = false;
                }
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            error(errors, records.size(), "has a quoted field that is not closed");
        }
        if (field.length() > 0 || wasQuoted || !record.isEmpty()) {
            record.add(value(field, wasQuoted));
            records.add(record);
        }
        return records;
    }

    private static void error(List<FieldError> errors, int recordIndex, String message) {
        String at = recordIndex == 0 ? "header" : "lines[" + recordIndex + "]";
        if (errors.stream().noneMatch(e -> e.field().equals(at)) && errors.size() < MAX_ERRORS) {
            errors.add(new FieldError(at, message));
        }
    }

    private static String value(StringBuilder field, boolean quoted) {
        return quoted ? field.toString() : field.toString().trim();
    }

    private static boolean blank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, String> known = new LinkedHashMap<>();
        COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            String column = known.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                errors.add(new FieldError("header", "names an unknown column '" + shorten(name) + "'; the columns are "
                        + String.join(", ", COLUMNS)));
            } else if (columns.putIfAbsent(column, i) != null) {
                errors.add(new FieldError("header", "names the column " + column + " twice"));
            }
        }
        for (String required : List.of(FROM_ID, TO_ID)) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError("header", "lacks the column " + required));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return columns;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "\u2026" : s;
    }

    private static String cell(List<String> record, Integer column) {
        return column == null || column >= record.size() ? "" : record.get(column);
    }

    private static LmsId id(List<String> record, Integer column, String field, List<FieldError> errors) {
        String v = cell(record, column);
        if (v.isEmpty()) {
            errors.add(new FieldError(field, "is missing"));
            return null;
        }
        if (v.length() > LmsId.MAX_LENGTH || v.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, LMS_ID_RULE));
            return null;
        }
        return wholeNumber(v) ? LmsId.of(Long.parseLong(v)) : LmsId.of(v);
    }

    /** A CSV cannot say whether an id is a number: one written as a whole number within 64 bits is taken as one. */
    private static boolean wholeNumber(String v) {
        int start = v.charAt(0) == '-' ? 1 : 0;
        if (v.length() == start || v.length() - start > 19 || (v.length() - start > 1 && v.charAt(start) == '0')) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        try {
            Long.parseLong(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A name; line breaks and tabs in a quoted name become one space each run. */
    private static String name(List<String> record, Integer column, String field, List<FieldError> errors) {
        String v = cell(record, column).replaceAll("[\\r\\n\\t]+", " ").trim();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_NAME || v.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must be at most " + MAX_NAME + " characters without control characters"));
            return null;
        }
        return v;
    }
}
