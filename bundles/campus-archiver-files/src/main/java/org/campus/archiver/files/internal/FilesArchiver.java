package org.campus.archiver.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.campus.spi.LogLevel;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ArchiveContext;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.spi.archiver.UploadedFile;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Archives the files uploaded into a job for an activity (submissions, attempt PDFs), streamed
 * from the job's uploads into entries {@code files/<name>}, and an index {@code files.json} with
 * each file's name, size, media type and SHA-256 as uploaded. Progress counts bytes; cancellation
 * is checked before each file (and by the core while a file is copied).
 *
 * <p>It holds no data of its own (what it writes goes into the archive, which the storage driver
 * keeps), so it registers no privacy provider. It cannot tell whose data an uploaded file holds,
 * so it declares no data subjects.
 */
@Component(service = ActivityArchiver.class, configurationPid = FilesArchiverConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {ActivityArchiver.PROPERTY_ID + "=" + FilesArchiver.ID, ActivityArchiver.PROPERTY_INPUTS + "=uploads",
            // the default; etc/campus.archiver.files.cfg may name other types
            ActivityArchiver.PROPERTY_ACTIVITY_TYPES + "=files"})
@Designate(ocd = FilesArchiverConfig.class)
public class FilesArchiver implements ActivityArchiver {

    static final String ID = "files";
    static final String INDEX = "files.json";
    static final String FOLDER = "files/";

    private final JsonFactory json = new JsonFactory();

    @Override
    public ArchiveResult archive(ArchiveContext context) throws IOException {
        List<UploadedFile> uploads = context.uploads();
        long total = uploads.stream().mapToLong(UploadedFile::size).sum();
        context.initProgress(total);
        if (uploads.isEmpty()) {
            context.log(LogLevel.WARN, "No file was uploaded for activity {} {}", context.activity().type(),
                    context.activity().id());
        }
        for (UploadedFile file : uploads) {
            if (context.isCancelled()) {
                return context.result().message("Cancelled after " + context.entries().count() + " files").cancelled();
            }
            try (InputStream in = file.open()) {
                context.entries().entry(FOLDER + file.name())
                        .contentType(file.contentType().orElse("application/octet-stream"))
                        .write(in, file.size());
            }
            context.incrementProgress(file.size());
        }
        if (context.isCancelled()) {
            return context.result().cancelled();
        }
        try (OutputStream out = context.entries().entry(INDEX).contentType("application/json").open();
                JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "campus-uploaded-files");
            g.writeNumberField("formatVersion", 1);
            g.writeStringField("activityType", context.activity().type());
            g.writeStringField("activityId", context.activity().id());
            g.writeArrayFieldStart("files");
            for (UploadedFile file : uploads) {
                g.writeStartObject();
                g.writeStringField("name", file.name());
                g.writeStringField("entry", FOLDER + file.name());
                g.writeNumberField("size", file.size());
                g.writeStringField("sha256", file.sha256());
                if (file.contentType().isPresent()) {
                    g.writeStringField("contentType", file.contentType().get());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        context.log(LogLevel.INFO, "{} files archived ({} bytes)", uploads.size(), total);
        return context.result().succeeded();
    }
}
