/** The layout, error pages and helpers every page shares (htmx requests, plain-text input, outages). */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package io.boardcast.web;

import org.springframework.modulith.ApplicationModule;
