package io.boardcast.realtime;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Small buffers for what an idle event stream keeps (see {@link TomcatBufferProperties}), and page-sized ones for
 * everything else. Only on Tomcat.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.apache.coyote.http11.Http11NioProtocol")
class TomcatBuffersConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> streamBuffers(TomcatBufferProperties buffers) {
        return factory -> {
            factory.setProtocol(TomcatStreamProtocol.class.getName());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof TomcatStreamProtocol protocol) {
                    protocol.setResponseBufferSize(buffers.responseBufferSize());
                }
                connector.setProperty("socket.appReadBufSize", Integer.toString(buffers.socketBufferSize()));
                connector.setProperty("socket.appWriteBufSize", Integer.toString(buffers.socketBufferSize()));
            });
        };
    }

    /** First of all filters, before anything can write: pages get their buffer back, event streams keep theirs. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageBuffers(TomcatBufferProperties buffers) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (!EventStreamController.isEventStream(request)) {
                    response.setBufferSize(buffers.pageBufferSize());
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
