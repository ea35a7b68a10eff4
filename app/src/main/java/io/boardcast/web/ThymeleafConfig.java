package io.boardcast.web;

import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

@Configuration(proxyBeanMethods = false)
class ThymeleafConfig {

    /**
     * Fragments pushed over event streams are rendered outside any request, where Thymeleaf has no context path for
     * {@code @{/...}} links. The app is served at the root, so such links are simply root-relative.
     */
    @Bean
    static BeanPostProcessor requestlessLinks() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setLinkBuilder(new StandardLinkBuilder() {
                        @Override
                        protected String computeContextPath(IExpressionContext context, String base,
                                Map<String, Object> parameters) {
                            return context instanceof IWebContext
                                    ? super.computeContextPath(context, base, parameters)
                                    : "";
                        }
                    });
                }
                return bean;
            }
        };
    }
}
