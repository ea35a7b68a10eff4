package io.boardcast.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The XSS payloads ({@code xss-corpus.txt}, one a line) that every user text field must show as text: the app's
 * {@code MarkdownTest} and the e2e's {@code XssCorpusE2E} read the same list. A payload that ran would set
 * {@code window.__xss} or open a dialog.
 */
public final class XssCorpus {

    private XssCorpus() {
    }

    /** Every payload, in file order. */
    public static List<String> payloads() {
        try (InputStream in = XssCorpus.class.getResourceAsStream("/xss-corpus.txt")) {
            if (in == null) {
                throw new IllegalStateException("xss-corpus.txt is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("# "))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
