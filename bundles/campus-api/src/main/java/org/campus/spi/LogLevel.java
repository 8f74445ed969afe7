package org.campus.spi;

/** The levels of a job's log, in increasing severity. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
