package io.boardcast.testsupport;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills ${NAME} placeholders like the nginx image's envsubst does: only the names given, so nginx's own variables
 * ($host, $upstream_addr ...) survive. An unknown ${NAME} is an error rather than an empty string in the config.
 */
public final class NginxTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

    private NginxTemplate() {
    }

    public static String render(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for ${" + placeholder.group(1) + "} in the nginx template");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /**
     * Adds, for tests only, a header naming the instance that answered each request (production config never sends
     * it): a suite uses it to see round-robin spread requests over the instances.
     */
    public static String withUpstreamHeader(String config) {
        String anchor = "    server_name _;\n";
        if (!config.contains(anchor)) {
            throw new IllegalArgumentException("No '" + anchor.strip() + "' in the nginx template to add X-Upstream after");
        }
        return config.replace(anchor, anchor + "    add_header X-Upstream $upstream_addr always;\n");
    }
}
