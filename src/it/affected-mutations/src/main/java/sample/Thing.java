package sample;

public class Thing implements Named {
}
