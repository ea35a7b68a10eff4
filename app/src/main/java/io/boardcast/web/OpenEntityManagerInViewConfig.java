package io.boardcast.web;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Pages render lazily loaded columns and cards, so page requests keep their EntityManager open while the view
 * renders (what {@code spring.jpa.open-in-view} does, which is off). Event streams must not: an async request keeps
 * it, and with it a pooled connection, for the stream's whole life, so ten viewers would drain the pool.
 */
@Configuration(proxyBeanMethods = false)
class OpenEntityManagerInViewConfig implements WebMvcConfigurer {

    private final EntityManagerFactory entityManagerFactory;

    OpenEntityManagerInViewConfig(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addWebRequestInterceptor(openEntityManagerInView()).excludePathPatterns("/boards/*/events");
    }

    @Bean
    OpenEntityManagerInViewInterceptor openEntityManagerInView() {
        OpenEntityManagerInViewInterceptor interceptor = new OpenEntityManagerInViewInterceptor();
        interceptor.setEntityManagerFactory(entityManagerFactory);
        return interceptor;
    }
}
