package it.spring;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = ConfigA.class)
class A2Test extends UsesItsContext {}
