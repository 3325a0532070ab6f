package it.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ConfigB {
    @Bean
    SlowStart slowStart() throws InterruptedException {
        return new SlowStart();
    }
}
