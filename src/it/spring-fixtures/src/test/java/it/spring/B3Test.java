package it.spring;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = ConfigB.class)
class B3Test extends UsesItsContext {}
